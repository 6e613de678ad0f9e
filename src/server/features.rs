//! What the server computes from an open document: its diagnostics, the
//! quick fixes of a range, and its outline. Pure functions of the document.

use super::edits;
use super::position::Lines;
use super::state::Open;
use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::lint::fix::{Allowed, fix_checked};
use lsp_types::{
    CodeAction, CodeActionKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DocumentSymbol, Location, NumberOrString, Range, SymbolKind, TextEdit, Uri,
};

/// Each finding of `open` as a diagnostic: the rule as `code`, the exact
/// range, and the help as related information at the same place.
pub(super) fn diagnostics(uri: &Uri, open: &Open, lines: &Lines<'_>) -> Vec<Diagnostic> {
    open.checked
        .findings
        .iter()
        .map(|finding| diagnostic(uri, finding, lines))
        .collect()
}

fn diagnostic(uri: &Uri, finding: &Finding, lines: &Lines<'_>) -> Diagnostic {
    let range = lines.range(finding.span);
    let related = finding.help.as_ref().map(|help| {
        vec![DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range),
            message: format!("help: {help}"),
        }]
    });
    Diagnostic {
        range,
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(finding.rule.id().to_string())),
        source: Some("postmortem".to_string()),
        message: finding.message.clone(),
        related_information: related,
        ..Diagnostic::default()
    }
}

/// The quick fixes of the findings touching `range` (each choice with its
/// literal replacement as the title), then "fix all safe" for the file: the
/// least text its fixes change, not the whole document. With `versioned`
/// (the client takes versioned edits) each edit names the version of the
/// document it was computed on, so the editor refuses it after more typing.
pub(super) fn code_actions(
    uri: &Uri,
    open: &Open,
    lines: &Lines<'_>,
    range: Range,
    versioned: bool,
) -> Vec<CodeAction> {
    let version = versioned.then_some(open.version);
    let (start, end) = (lines.offset(range.start), lines.offset(range.end));
    let mut actions = Vec::new();
    for finding in &open.checked.findings {
        let touches = finding.span.start <= end && start <= finding.span.end;
        let Some(fix) = finding.fix.as_ref().filter(|_| touches) else {
            continue;
        };
        actions.extend(quick_fixes(uri, version, (finding, fix), lines));
    }
    let safe = fix_checked(
        &open.text,
        open.checked.clone(),
        &open.options,
        Allowed::Safe,
    );
    if safe.fixed > 0 {
        let edits = edits::text_edits(lines, &edits::minimal(&open.text, &safe.text));
        actions.push(CodeAction {
            title: match safe.fixed {
                1 => "Fix all safe (1 finding)".to_string(),
                n => format!("Fix all safe ({n} findings)"),
            },
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            edit: Some(edits::workspace_edit(uri, version, edits)),
            ..CodeAction::default()
        });
    }
    actions
}

fn quick_fixes<'a>(
    uri: &'a Uri,
    version: Option<i32>,
    (finding, fix): (&'a Finding, &'a Fix),
    lines: &'a Lines<'_>,
) -> impl Iterator<Item = CodeAction> + 'a {
    fix.choices.iter().enumerate().map(move |(i, choice)| {
        let edits = choice
            .edits
            .iter()
            .map(|e| TextEdit::new(lines.range(e.span), e.content.clone()))
            .collect();
        let note = match fix.applicability {
            Applicability::Safe => "",
            Applicability::Unsafe => " (check it)",
            Applicability::DisplayOnly => " (suggestion)",
        };
        CodeAction {
            title: format!("{}{note}", choice.title),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(uri, finding, lines)]),
            edit: Some(edits::workspace_edit(uri, version, edits)),
            is_preferred: Some(i == 0 && fix.applicability == Applicability::Safe),
            ..CodeAction::default()
        }
    })
}

/// The outline: the timeline's entries (time, kind and event) and the
/// body's sections.
pub(super) fn symbols(open: &Open, lines: &Lines<'_>) -> Vec<DocumentSymbol> {
    let Some(document) = &open.checked.document else {
        return Vec::new();
    };
    let entries = document.timeline.iter().map(|entry| {
        let when = entry.at.as_ref().map_or("", |at| at.text.as_str());
        let event = entry.event.as_ref().map_or("", |e| e.value.as_str());
        symbol(
            format!("{when} {}", entry.kind.value.name())
                .trim()
                .to_string(),
            Some(event.to_string()).filter(|e| !e.is_empty()),
            SymbolKind::EVENT,
            lines.range(entry.span),
        )
    });
    let sections = document.body.sections.iter().map(|section| {
        symbol(
            section.title.clone(),
            None,
            SymbolKind::STRING,
            lines.range(section.span),
        )
    });
    entries.chain(sections).collect()
}

#[allow(deprecated)] // `deprecated` is a field every literal must name
fn symbol(name: String, detail: Option<String>, kind: SymbolKind, range: Range) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children: None,
    }
}
