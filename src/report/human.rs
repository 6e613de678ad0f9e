//! The human format: each finding as a rustc-style snippet (file:line:col,
//! the source line, a caret under the offending value, the help line).

use super::{Emitter, FileReport, Totals};
use crate::diagnostic::{Finding, Severity};
use crate::escape;
use crate::span::{LineIndex, floor_char_boundary};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// The human format; `styled` adds terminal colours.
pub(crate) struct Human {
    /// Colours on.
    pub styled: bool,
}

impl Emitter for Human {
    fn file(&self, report: FileReport<'_>) -> String {
        render(report, self.styled)
    }

    fn finish(&self, totals: Totals, _: &super::Run<'_>) -> String {
        format!("{}\n", totals.summary())
    }
}

/// Renders every finding of one file, each followed by a blank line.
pub(crate) fn render(report: FileReport<'_>, styled: bool) -> String {
    if report.findings.is_empty() {
        return String::new();
    }
    let index = LineIndex::new(report.text);
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in report.findings {
        out.push_str(&renderer.render(&group(report, &index, finding)));
        out.push_str("\n\n");
    }
    out
}

fn group<'a>(report: FileReport<'a>, index: &LineIndex, finding: &'a Finding) -> Vec<Group<'a>> {
    let message = escape::line(&finding.message);
    let text = report.text;
    let lines = index.line_range(text, finding.span.start);
    let line = index.position(text, finding.span.start).line;
    // Same byte length, so the caret's offsets still hold.
    let source = escape::source(&text[lines.clone()]);
    // Only the first line of a multi-line value is shown; the caret stays on it.
    let start = floor_char_boundary(
        &source,
        finding
            .span
            .start
            .saturating_sub(lines.start)
            .min(source.len()),
    );
    let end = finding
        .span
        .end
        .clamp(finding.span.start, lines.end)
        .saturating_sub(lines.start);
    let end = floor_char_boundary(&source, end.max(start));
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let snippet = Snippet::source(source)
        .line_start(line)
        .path(escape::line(report.path))
        .annotation(AnnotationKind::Primary.span(start..end));
    let mut title = level
        .primary_title(message)
        .id(finding.rule.id())
        .element(snippet);
    if let Some(help) = &finding.help {
        title = title.element(Level::HELP.message(escape::line(help)));
    }
    vec![title]
}
