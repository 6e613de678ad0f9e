//! `postmortem serve [DIR]`: the site built in memory (drafts included,
//! marked), served on 127.0.0.1, rebuilt when a postmortem, a template or
//! postmortem.yml changes, and open pages reloaded by themselves. A
//! postmortem with lint errors shows its findings instead of a stale page
//! (not quoted under `--public`). Only requests naming the server's own
//! address are answered, on a bounded number of connections and threads
//! (`connections.rs`).

mod connections;
mod events;
mod http;
mod preview;
mod watch;

use crate::cli::Failure;
use crate::output;
use postmortem::Error;
use postmortem::config::Config;
use postmortem::serve_http::Origin;
use preview::Preview;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The folder of postmortems [default: the configured `dir`, postmortems/].
    source: Option<PathBuf>,
    /// The address to listen on; other machines reach it only if you say so.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Leave drafts and reviews out, as the published site does.
    #[arg(long)]
    published_only: bool,
    /// Leave internal content out, as the public site does.
    #[arg(long)]
    public: bool,
    /// The index page's title.
    #[arg(long, default_value = "Incident postmortems")]
    title: String,
    /// A folder of templates replacing built-ins of the same name.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The time to treat as now (see `lint --now`).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let source = args
        .source
        .clone()
        .unwrap_or_else(|| config.settings.dir.clone());
    if !source.is_dir() {
        return Err(Error::NotFound { path: source }.into());
    }
    let preview = Arc::new(Preview::new(preview::Setup {
        source: source.clone(),
        drafts: !args.published_only,
        public: args.public,
        title: args.title.clone(),
        templates: args
            .templates
            .clone()
            .or_else(|| config.settings.templates.clone()),
        config: config.path.clone(),
        now: super::now(args.now.as_deref())?,
    }));
    preview.rebuild();
    let address = SocketAddr::new(args.bind, args.port);
    let listen = |cause| Failure::Listen {
        address: address.to_string(),
        cause,
    };
    let listener = TcpListener::bind(address).map_err(listen)?;
    let local = listener.local_addr().map_err(listen)?;
    output::print(&format!(
        "serving {} at http://{local}/ (Ctrl-C stops)\n",
        source.display()
    ));
    let _ = output::finish();
    let exposed = exposure(args.bind, local.port(), args.published_only, args.public);
    if let Some(warning) = exposed {
        output::message("warning", &warning);
    }
    let watched = preview.watched();
    let watcher = watch::watch(&watched, Arc::clone(&preview), Duration::from_millis(200));
    if let Err(error) = &watcher {
        output::message(
            "warning",
            &format!("cannot watch for changes ({error}); reload by hand"),
        );
    }
    connections::serve(&listener, preview, Origin::new(local))
        .map_err(|cause| Failure::Serve { cause })?;
    Ok(ExitCode::SUCCESS)
}

/// What a listener beyond the loopback address lets others read, and how
/// to narrow it.
fn exposure(bind: IpAddr, port: u16, published_only: bool, public: bool) -> Option<String> {
    if bind.is_loopback() {
        return None;
    }
    let what = match (published_only, public) {
        (false, false) => {
            "every postmortem served, drafts and internal parts included; add --published-only and --public to leave them out"
        }
        (false, true) => {
            "every postmortem served, drafts included (internal parts are left out); add --published-only to leave drafts out"
        }
        (true, false) => {
            "every published postmortem, internal parts included; add --public to leave them out"
        }
        (true, true) => "every published postmortem, without internal parts",
    };
    Some(format!(
        "--bind {} lets other machines reach port {}: anyone who can reach this machine can read {what}; leave out --bind to keep the preview to this machine",
        bind, port
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bind_beyond_loopback_warns_what_others_can_read() {
        let all = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
        let warning = exposure(all, 1111, false, false).unwrap();
        assert!(warning.contains("port 1111"), "{warning}");
        assert!(
            warning.contains("drafts and internal parts included"),
            "{warning}"
        );
        let narrowed = exposure(all, 1111, true, true).unwrap();
        assert!(narrowed.contains("every published postmortem, without internal parts"));
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(
            exposure(lan, 80, false, true)
                .unwrap()
                .contains("drafts included")
        );
    }

    #[test]
    fn loopback_binds_say_nothing() {
        assert_eq!(
            exposure(IpAddr::V4(Ipv4Addr::LOCALHOST), 1111, false, false),
            None
        );
        assert_eq!(exposure("::1".parse().unwrap(), 1111, false, false), None);
    }
}
