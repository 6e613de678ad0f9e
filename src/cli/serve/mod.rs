//! `postmortem serve [DIR]`: the site built in memory (drafts included,
//! marked), served on 127.0.0.1, rebuilt when a postmortem, a template or
//! postmortem.yml changes, and open pages reloaded by themselves. A
//! postmortem with lint errors shows its findings instead of a stale page.

mod http;
mod preview;
mod watch;

use crate::output;
use postmortem::Error;
use postmortem::config::Config;
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

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Error> {
    let source = args
        .source
        .clone()
        .unwrap_or_else(|| config.settings.dir.clone());
    if !source.is_dir() {
        return Err(Error::NotFound { path: source });
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
    let listen = |source| Error::Listen {
        address: address.to_string(),
        source,
    };
    let listener = TcpListener::bind(address).map_err(listen)?;
    let local = listener.local_addr().map_err(listen)?;
    output::print(&format!(
        "serving {} at http://{local}/ (Ctrl-C stops)\n",
        source.display()
    ));
    let _ = output::finish();
    let watched = preview.watched();
    let watcher = watch::watch(&watched, Arc::clone(&preview), Duration::from_millis(200));
    if let Err(error) = &watcher {
        output::message(
            "warning",
            &format!("cannot watch for changes ({error}); reload by hand"),
        );
    }
    http::serve(listener, preview);
    Ok(ExitCode::SUCCESS)
}
