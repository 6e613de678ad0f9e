//! The one place that writes to the terminal. Colours come from the
//! reporters as ANSI styles; anstream drops them when the stream is not a
//! terminal, when `NO_COLOR` is set, or when `CLICOLOR_FORCE` says otherwise.

pub(crate) mod prompt;

use crate::cli::Failure;
use postmortem::Error;
use std::io::Write;
use std::sync::Mutex;

/// The first failed write to stdout; later output is not attempted.
static STDOUT_FAILED: Mutex<Option<std::io::Error>> = Mutex::new(None);

/// Writes a command's results to stdout. A failure is kept for [`finish`]:
/// the command runs to its end (a report file, a site) and the exit code
/// then says what happened to its output.
pub(crate) fn print(text: &str) {
    let mut failed = STDOUT_FAILED.lock().unwrap_or_else(|e| e.into_inner());
    if failed.is_some() {
        return;
    }
    if let Err(error) = write_styled(std::io::stdout().lock(), text) {
        *failed = Some(error);
    }
}

/// Writes `text`, with its ANSI styles where the stream takes them, in one
/// write. anstream drops styles by writing each run between them on its
/// own (63,892 write calls for the diagnostics of a 1,000-file site build,
/// 21,652 for linting them): stripping first makes it one per call.
fn write_styled<S>(raw: S, text: &str) -> std::io::Result<()>
where
    S: anstream::stream::RawStream + anstream::stream::AsLockedWrite,
{
    let choice = anstream::AutoStream::choice(&raw);
    let mut stream = anstream::AutoStream::new(raw, choice);
    if choice == anstream::ColorChoice::Never {
        let plain = anstream::adapter::strip_str(text).to_string();
        stream.write_all(plain.as_bytes())?;
    } else {
        stream.write_all(text.as_bytes())?;
    }
    stream.flush()
}

/// How stdout fared: a closed pipe (`postmortem rules | head -1`) is the
/// reader's choice and fine; any other failure (a full disk) is an error.
pub(crate) fn finish() -> Result<(), Failure> {
    let failed = STDOUT_FAILED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    match failed {
        Some(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Stdout { cause: error })
        }
        _ => Ok(()),
    }
}

/// Writes findings that accompany output on stdout (such as `render`'s) to stderr.
pub(crate) fn print_diagnostics(text: &str) {
    let _ = write_styled(std::io::stderr().lock(), text);
}

/// Writes a tool failure to stderr as `error: ...`.
pub(crate) fn error(failure: &Failure) {
    match failure {
        Failure::Tool(error) => tool_error(error),
        _ => message("error", &failure.to_string()),
    }
}

/// Writes a library failure to stderr, as [`error`] does.
pub(crate) fn tool_error(error: &Error) {
    // A configuration's problems are findings: shown as lint shows them.
    if let Error::Config {
        path,
        text,
        findings,
    } = error
    {
        let shown = postmortem::report::display_path(path);
        let file = postmortem::report::FileReport {
            path: &shown,
            text,
            findings,
        };
        print_diagnostics(&postmortem::report::render(
            postmortem::report::Format::Human,
            file,
            true,
        ));
        message(
            "error",
            &format!("{shown} cannot be used; fix the problems above and run again"),
        );
        return;
    }
    message("error", &error.to_string());
}

/// Writes a note for the person at the terminal to stderr.
pub(crate) fn message(label: &str, text: &str) {
    let style = match label {
        "error" => anstyle::AnsiColor::Red.on_default().bold(),
        _ => anstyle::AnsiColor::Yellow.on_default().bold(),
    };
    let text = postmortem::escape::terminal(text);
    let line = format!("{style}{label}{style:#}: {text}\n");
    let _ = write_styled(std::io::stderr().lock(), &line);
}

/// The width of the terminal standard output writes to, if it is one.
pub(crate) fn terminal_width() -> Option<usize> {
    #[cfg(target_os = "linux")]
    {
        let stdout = std::io::stdout();
        if !rustix::termios::isatty(&stdout) {
            return None;
        }
        let size = rustix::termios::tcgetwinsize(&stdout).ok()?;
        (size.ws_col > 0).then_some(usize::from(size.ws_col))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}
