//! `placeholder`: TODO, TBD, FIXME and unreplaced template hints.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::body::{Canonical, is_hint};
use crate::span::{Span, Spanned};
use crate::lint::registry::{Context, Level, RuleInfo};
use crate::lint::words::{narrow, whole_word};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::Placeholder,
    level: Level::ErrorWhenPublished,
    summary: "TODO, TBD, FIXME or an unreplaced template hint left in",
    docs: "\
What it catches: the words TODO, TBD and FIXME (in capitals, as whole words)
in the body's prose, in HTML comments and in front matter text; and template
hints, HTML comments that begin with `hint:` (the skeleton `postmortem new`
writes). Code blocks are not searched. A warning in a draft, an error once
published.

Why it matters: placeholders are how a draft tracks what is still to find out.
Published, they tell readers the review was not finished.

Failing:
    ## Root cause
    TODO: confirm with the storage team.
    <!-- hint: what made this possible, not who -->

Fixed:
    ## Root cause
    The cleanup job trusted a date filter it never checked.",
    fix: None,
    check: Some(check),
};

const WORDS: [&str; 3] = ["TODO", "TBD", "FIXME"];

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    for text in document.texts() {
        if let Some(word) = placeholder_word(&text.value) {
            out.push(word_finding(word, narrow(context.source, text.span, word)));
        }
    }
    for comment in &document.body.comments {
        if is_hint(&comment.value) {
            out.push(hint_finding(document, comment));
        } else if let Some(word) = placeholder_word(&comment.value) {
            out.push(word_finding(
                word,
                narrow(context.source, comment.span, word),
            ));
        }
    }
}

fn word_finding(word: &str, span: Span) -> Finding {
    Finding::new(Rule::Placeholder, span, format!("`{word}` left in"))
        .with_help("write what is known, or keep the postmortem a draft until it is")
}

fn hint_finding(document: &Document, comment: &Spanned<String>) -> Finding {
    // The Timeline section's content is generated: there is nothing to write.
    let under_timeline = document
        .body
        .sections
        .iter()
        .rfind(|s| s.span.start < comment.span.start)
        .is_some_and(|s| s.canonical == Some(Canonical::Timeline));
    let help = if under_timeline {
        "delete the hint: the timeline table is generated from the front matter's `timeline`"
    } else {
        "replace the hint with the section's content"
    };
    Finding::new(
        Rule::Placeholder,
        comment.span,
        "a template hint is still in the text",
    )
    .with_help(help)
}

/// The first placeholder word standing alone in `text` (in the order of
/// [`WORDS`]). One pass finds the candidates: every placeholder starts with
/// `T` or `F`, which most prose has few of in capitals.
pub(crate) fn placeholder_word(text: &str) -> Option<&'static str> {
    let mut found: Option<usize> = None;
    for at in memchr::memchr2_iter(b'T', b'F', text.as_bytes()) {
        let Some(index) = WORDS
            .iter()
            .position(|word| text[at..].starts_with(word) && whole_word(text, at, word.len()))
        else {
            continue;
        };
        found = Some(found.map_or(index, |f| f.min(index)));
        if index == 0 {
            break;
        }
    }
    found.map(|index| WORDS[index])
}

#[cfg(test)]
mod tests {
    use super::placeholder_word;

    #[test]
    fn only_whole_capitalised_words_count() {
        assert_eq!(placeholder_word("TODO: confirm"), Some("TODO"));
        assert_eq!(placeholder_word("owner (TBD)"), Some("TBD"));
        assert_eq!(placeholder_word("a todo list"), None);
        assert_eq!(placeholder_word("TODOS and MTBDs"), None);
    }
}
