//! The one place that writes to the terminal. Colours come from the
//! reporters as ANSI styles; anstream drops them when the stream is not a
//! terminal, when `NO_COLOR` is set, or when `CLICOLOR_FORCE` says otherwise.

pub mod prompt;

use postmortem::Error;
use std::io::Write;

/// Writes a command's results to stdout.
pub fn print(text: &str) {
    let mut out = anstream::stdout().lock();
    // A closed pipe (`postmortem lint | head`) is not worth a panic.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Writes findings that accompany output on stdout (such as `render`'s) to stderr.
pub fn print_diagnostics(text: &str) {
    let mut err = anstream::stderr().lock();
    let _ = err.write_all(text.as_bytes());
}

/// Writes a tool failure to stderr as `error: ...`.
pub fn error(error: &Error) {
    message("error", &error.to_string());
}

/// Writes a note for the person at the terminal to stderr.
pub fn message(label: &str, text: &str) {
    let style = match label {
        "error" => anstyle::AnsiColor::Red.on_default().bold(),
        _ => anstyle::AnsiColor::Yellow.on_default().bold(),
    };
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{style}{label}{style:#}: {text}");
}
