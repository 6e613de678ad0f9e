//! Internal parts of the body: the one definition of what a public version
//! leaves out, shared by the `internal-marker` rule and every renderer.
//!
//! A marker is an HTML comment, wherever it stands (its own line, inside a
//! paragraph or inside an HTML block), read case- and space-blind:
//! `<!-- internal -->`, `<!--INTERNAL-->`, `<!-- internal --->` open a part;
//! `<!-- /internal -->`, `<!-- / Internal -->` close it. A comment that
//! begins or ends with the word `internal` in any other way (`<!-- end
//! internal -->`) is almost a marker: it is reported,
//! and it fails closed (when nothing is open it opens a part), so a typo
//! never publishes what it was meant to hide.

use super::body::{Body, is_hint};
use crate::span::{Span, Spanned};

/// What a comment is, as a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// Opens an internal part.
    Open,
    /// Closes it.
    Close,
    /// Mentions `internal` but is neither: reported, and read as an opening.
    NearMiss,
}

impl Marker {
    /// The marker a comment's inner text is, if any.
    pub(crate) fn of(comment: &str) -> Option<Marker> {
        if is_hint(comment.trim()) {
            return None;
        }
        let squeezed: String = comment
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        match squeezed.trim_matches('-') {
            "internal" => Some(Marker::Open),
            "/internal" => Some(Marker::Close),
            _ if edge_word_is_internal(comment) => Some(Marker::NearMiss),
            _ => None,
        }
    }
}

/// Whether the comment's first or last word is `internal` (`end internal`,
/// `INTERNAL: legal only`), as a marker's would be; a comment that only
/// mentions the word in passing (`check the internal dashboards`) is not.
fn edge_word_is_internal(comment: &str) -> bool {
    let mut words = comment
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next();
    let last = words.next_back().or(first);
    [first, last]
        .into_iter()
        .flatten()
        .any(|w| w.eq_ignore_ascii_case("internal"))
}

/// A marker that does not do what it seems to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An opening inside a part already open.
    Nested,
    /// A closing with nothing open.
    Stray,
    /// An opening never closed: the rest of the body is internal.
    Unclosed,
    /// Almost a marker.
    NearMiss,
}

/// The internal parts of a body and the markers that are wrong.
#[derive(Clone, Debug, Default)]
pub struct Internal {
    /// The parts to leave out, in order, from the opening marker's start to
    /// the closing marker's end (or the body's end).
    pub regions: Vec<Span>,
    /// Markers that are wrong, with the marker's span.
    pub problems: Vec<(Problem, Span)>,
}

impl Internal {
    /// Whether `span` lies within an internal part.
    pub(crate) fn hides(&self, span: Span) -> bool {
        self.regions
            .iter()
            .any(|r| r.start <= span.start && span.end <= r.end)
    }
}

impl Body {
    /// The internal parts of the body.
    pub fn internal(&self) -> Internal {
        internal(&self.comments, self.span.end)
    }
}

fn internal(comments: &[Spanned<String>], body_end: usize) -> Internal {
    let mut found = Internal::default();
    let mut open: Option<Span> = None;
    for comment in comments {
        let Some(marker) = Marker::of(&comment.value) else {
            continue;
        };
        match (marker, open) {
            (Marker::NearMiss, _) => {
                found.problems.push((Problem::NearMiss, comment.span));
                open = open.or(Some(comment.span));
            }
            (Marker::Open, Some(_)) => found.problems.push((Problem::Nested, comment.span)),
            (Marker::Open, None) => open = Some(comment.span),
            (Marker::Close, None) => found.problems.push((Problem::Stray, comment.span)),
            (Marker::Close, Some(start)) => {
                found.regions.push(Span::new(start.start, comment.span.end));
                open = None;
            }
        }
    }
    if let Some(start) = open {
        found.problems.push((Problem::Unclosed, start));
        found.regions.push(Span::new(start.start, body_end));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_whatever_their_case_spacing_or_dashes() {
        for open in ["internal", " INTERNAL ", "Internal -", "in ternal"] {
            assert_eq!(Marker::of(open), Some(Marker::Open), "{open}");
        }
        for close in ["/internal", "/ INTERNAL", " /Internal -"] {
            assert_eq!(Marker::of(close), Some(Marker::Close), "{close}");
        }
        for near in ["end internal", "internal: legal only", "internal-start"] {
            assert_eq!(Marker::of(near), Some(Marker::NearMiss), "{near}");
        }
        assert_eq!(Marker::of("hint: internal notes go here"), None);
        assert_eq!(Marker::of("TODO: check the internal dashboards"), None);
        assert_eq!(Marker::of("expect: internal-marker 49:1"), None);
        assert_eq!(Marker::of("TODO"), None);
    }

    #[test]
    fn a_near_miss_with_nothing_open_hides_the_rest() {
        let comments = [Spanned::new(
            "INTERNAL START".to_string(),
            Span::new(10, 30),
        )];
        let found = internal(&comments, 100);
        assert_eq!(found.regions, [Span::new(10, 100)]);
        assert_eq!(found.problems[0].0, Problem::NearMiss);
    }
}
