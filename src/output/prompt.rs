//! Questions at the terminal. `new` asks through the [`Prompter`] trait; the
//! [`Terminal`] implementation uses dialoguer on stderr, so stdout keeps only
//! the path written (`$EDITOR "$(postmortem new)"` works).

use dialoguer::theme::ColorfulTheme;
use dialoguer::{FuzzySelect, Input, Select};
use postmortem::Error;
use postmortem::author::draft::Prompter;

/// Dialoguer prompts on the terminal.
pub(crate) struct Terminal {
    theme: ColorfulTheme,
}

impl Terminal {
    /// Prompts with the colourful theme; a Ctrl-C at a prompt shows the
    /// cursor again before exiting.
    pub(crate) fn new() -> Self {
        restore_on_interrupt();
        Self {
            theme: ColorfulTheme::default(),
        }
    }
}

/// The prompts hide the cursor while they draw; the default SIGINT would
/// end the process with it hidden. Exits 130, as shells do for Ctrl-C.
fn restore_on_interrupt() {
    // Fails only when a handler is already set, which is then the one in force.
    let _ = ctrlc::set_handler(|| {
        let term = console::Term::stderr();
        let _ = term.show_cursor();
        let _ = term.write_line("");
        std::process::exit(130);
    });
}

fn failed(error: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = &error;
    // In raw mode Ctrl-C arrives as a key, not as SIGINT.
    if io.kind() == std::io::ErrorKind::Interrupted {
        let term = console::Term::stderr();
        let _ = term.show_cursor();
        let _ = term.write_line("");
        return Error::Cancelled;
    }
    Error::Prompt {
        reason: error.to_string().to_lowercase(),
    }
}

impl Prompter for Terminal {
    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String, Error> {
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(default.is_some())
            .validate_with(|answer: &String| validate(answer));
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input.interact_text().map_err(failed)
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Error> {
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()
            .map_err(failed)
    }

    fn search(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Error> {
        FuzzySelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .max_length(8)
            .interact()
            .map_err(failed)
    }
}
