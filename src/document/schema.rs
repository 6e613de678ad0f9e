//! Building the [`Document`] from the YAML tree: the keys of format v1, their
//! types and allowed values, and every timestamp placed in order.

use super::body::Body;
use super::model::{ActionKind, ActionStatus, Document, Impact, Priority, Stamp, Status};
use super::stamp::{Context, stamp};
use super::zone;
use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::span::{Span, Spanned};
use crate::suggest::did_you_mean;
use crate::yaml::fields::{Fields, raw};
use crate::yaml::{Node, Value};
use chrono::NaiveDate;

/// The keys the reader knows here.
pub(crate) const TOP: &[&str] = &[
    "title",
    "status",
    "severity",
    "timezone",
    "date",
    "authors",
    "services",
    "tags",
    "summary",
    "impact",
    "timeline",
    "action_items",
    "lint",
];
/// The keys the reader knows here.
pub(crate) const IMPACT: &[&str] = &["start", "end", "duration", "users", "data_loss", "internal"];
/// The keys the reader knows here.
pub(crate) const ENTRY: &[&str] = &[
    "at",
    "kind",
    "event",
    "who",
    "next_update",
    "source",
    "internal",
];
/// The keys the reader knows here.
pub(crate) const ACTION: &[&str] = &[
    "title", "owner", "kind", "priority", "due", "status", "link", "internal",
];

/// Allowed `severity` values.
pub(crate) const SEVERITIES: &[&str] = &["SEV1", "SEV2", "SEV3", "SEV4"];
/// Allowed values, as listed in the format.
pub(crate) const STATUSES: &[&str] = &Status::NAME_LIST;
/// Allowed values, as listed in the format.
pub(crate) const ACTION_KINDS: &[&str] = &ActionKind::NAME_LIST;
/// Allowed values, as listed in the format.
pub(crate) const PRIORITIES: &[&str] = &Priority::NAME_LIST;
/// Allowed values, as listed in the format.
pub(crate) const ACTION_STATUSES: &[&str] = &ActionStatus::NAME_LIST;

/// A missing `title` or `timeline`: one finding each, at the opening line.
fn report_missing(fields: &mut Fields, head: Span, title: bool, timeline: bool) {
    if title {
        fields.report(
            head,
            "the postmortem has no `title`".into(),
            Some("add `title: ...` to the front matter".into()),
        );
    }
    if timeline {
        fields.report(
            head,
            "the postmortem has no `timeline`".into(),
            Some("add `timeline:` with at least the start of the incident".into()),
        );
    }
}

/// The front matter's top-level entries, checked against the format's keys
/// and `extra_keys`.
fn top_entries<'n>(
    root: &'n Node,
    fields: &mut Fields,
    extra_keys: &[String],
) -> Vec<&'n crate::yaml::Entry> {
    let known: Vec<&str> = TOP
        .iter()
        .copied()
        .chain(extra_keys.iter().map(String::as_str))
        .collect();
    let hint = "another tool's key (a blog engine's `layout`, ...) can be allowed with `extra_keys:` in postmortem.yml";
    fields.mapping_or(root, "the front matter", &known, Some(hint))
}

/// The entries under keys `extra_keys` allows, as written.
/// An entry runs from its key to the next top-level key (or the end of the
/// front matter at `yaml_end`): the value's own span may stop short of a
/// flow collection's closing bracket or a block list's last line.
fn extra_entries(
    root: &Node,
    top: &[&crate::yaml::Entry],
    source: &str,
    yaml_end: usize,
) -> Vec<(String, Spanned<String>)> {
    let Value::Map(all) = &root.value else {
        return Vec::new();
    };
    top.iter()
        .filter(|e| !TOP.contains(&e.key.value.as_str()))
        .map(|e| {
            let start = e.key.span.start;
            let next = all
                .iter()
                .map(|other| other.key.span.start)
                .filter(|&s| s > start)
                .min()
                .unwrap_or(yaml_end);
            let written = source[start..next.min(source.len())].trim_end();
            let span = Span::new(start, start + written.len());
            (e.key.value.clone(), Spanned::new(written.to_string(), span))
        })
        .collect()
}

/// Reads the document from its front matter tree; findings go to `fields`.
pub(crate) fn document(
    root: &Node,
    parts: &super::split::Parts,
    body: Body,
    source: &str,
    fields: &mut Fields,
    extra_keys: &[String],
) -> Document {
    let head = parts.open;
    let top = top_entries(root, fields, extra_keys);
    let extra = extra_entries(root, &top, source, parts.yaml.end);
    let get = |key: &str| top.iter().find(|e| e.key.value == key).map(|e| &e.value);
    let mut reader = Reader {
        fields,
        source,
        zone: None,
    };
    let timezone = get("timezone").and_then(|n| reader.fields.text(n, source, "`timezone`"));
    reader.zone = timezone
        .as_ref()
        .and_then(|tz| zone::parse_zone(&tz.value).ok());
    let title = get("title").and_then(|n| reader.fields.text(n, source, "`title`"));
    let no_title = title.is_none() && get("title").is_none_or(|n| n.value == Value::Null);
    report_missing(reader.fields, head, no_title, get("timeline").is_none());
    let status =
        match get("status").and_then(|n| reader.fields.choice(n, source, "status", STATUSES)) {
            Some(s) => Spanned::new(parse_status(&s.value), s.span),
            None => Spanned::new(Status::Draft, head),
        };
    Document {
        head,
        status,
        severity: get("severity").and_then(|n| reader.fields.text(n, source, "`severity`")),
        zone: reader.zone,
        date: get("date").and_then(|n| reader.stamp(n, None, "`date`")),
        authors: text_list(&mut reader, get("authors"), "an author"),
        services: text_list(&mut reader, get("services"), "a service"),
        tags: text_list(&mut reader, get("tags"), "a tag"),
        summary: get("summary").and_then(|n| reader.fields.text(n, source, "`summary`")),
        impact: get("impact").map(|n| reader.impact(n)).unwrap_or_default(),
        timeline: get("timeline")
            .map(|n| reader.timeline(n))
            .unwrap_or_default(),
        timeline_key: top
            .iter()
            .find(|e| e.key.value == "timeline")
            .map_or(head, |e| e.key.span),
        has_timeline: get("timeline").is_some(),
        action_items: get("action_items")
            .map(|n| reader.actions(n))
            .unwrap_or_default(),
        allow: get("lint").map(|n| reader.allow(n)).unwrap_or_default(),
        extra,
        title,
        timezone,
        body,
    }
}

/// A list of texts under an optional key; absent is empty.
fn text_list(reader: &mut Reader, node: Option<&Node>, what: &str) -> Vec<Spanned<String>> {
    node.map(|n| reader.fields.text_list(n, reader.source, what))
        .unwrap_or_default()
}

fn parse_status(text: &str) -> Status {
    Status::from_name(text).unwrap_or(Status::Draft)
}

/// Reads typed values, reporting problems to `fields`.
pub(super) struct Reader<'f, 's> {
    pub(super) fields: &'f mut Fields,
    pub(super) source: &'s str,
    pub(super) zone: Option<chrono_tz::Tz>,
}

impl Reader<'_, '_> {
    pub(super) fn stamp(
        &mut self,
        node: &Node,
        carry: Option<NaiveDate>,
        what: &str,
    ) -> Option<Stamp> {
        let text = match &node.value {
            Value::Str(s) => s.clone(),
            Value::Null => return None,
            Value::Int(_) | Value::Float(_) => {
                let raw = raw(self.source, node.span);
                let message = format!("{what} should be a timestamp, found a number `{raw}`");
                match clock_digits(raw) {
                    Some(time) => {
                        let quoted = format!("\"{time}\"");
                        let help = format!("YAML reads `{raw}` as a number: write {quoted}");
                        let edit = Edit::replace(node.span, quoted.clone());
                        let fix =
                            Fix::new(Applicability::Safe, format!("write {quoted}"), vec![edit]);
                        self.fields.report_fix(node.span, message, help, fix);
                    }
                    None => {
                        let help = "write a time such as `14:30` or `2026-05-14 14:30`".to_string();
                        self.fields.report(node.span, message, Some(help));
                    }
                }
                return None;
            }
            _ => {
                self.fields.report(
                    node.span,
                    format!("{what} should be a timestamp, found {}", node.type_name()),
                    None,
                );
                return None;
            }
        };
        let context = Context {
            carry,
            zone: self.zone,
        };
        stamp(&text, node.span, context)
            .map_err(|finding| self.push(finding))
            .ok()
    }

    fn push(&mut self, finding: Finding) {
        self.fields.findings.push(finding);
    }

    fn impact(&mut self, node: &Node) -> Impact {
        let entries = self.fields.mapping(node, "`impact`", IMPACT);
        let mut impact = Impact::default();
        let start = entries.iter().find(|e| e.key.value == "start");
        impact.start = start.and_then(|e| self.stamp(&e.value, None, "`impact.start`"));
        for entry in entries {
            let value = &entry.value;
            match entry.key.value.as_str() {
                "start" => {}
                // A time alone for the end is on the start's date.
                "end" => {
                    let carry = impact.start.as_ref().map(|s| s.local.date());
                    impact.end = self.stamp(value, carry, "`impact.end`");
                }
                "duration" => impact.duration = self.duration(value),
                "users" => impact.users = self.fields.text(value, self.source, "`impact.users`"),
                "data_loss" => impact.data_loss = self.fields.boolean(value, "`impact.data_loss`"),
                _ => impact.internal = self.internal(value),
            }
        }
        impact
    }

    fn allow(&mut self, node: &Node) -> Vec<Rule> {
        let entries = self.fields.mapping(node, "`lint`", &["allow"]);
        let Some(list) = entries.first() else {
            return Vec::new();
        };
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        let mut rules = Vec::new();
        for id in self.fields.text_list(&list.value, self.source, "a rule id") {
            match Rule::from_id(&id.value) {
                Some(rule) => rules.push(rule),
                None => {
                    let help =
                        did_you_mean(&id.value, &ids).map(|r| format!("did you mean `{r}`?"));
                    self.fields.report(
                        id.span,
                        format!("unknown rule `{}` in `lint.allow`", id.value),
                        help,
                    );
                }
            }
        }
        rules
    }

    /// `internal: true` marks what a public rendering leaves out.
    pub(super) fn internal(&mut self, node: &Node) -> bool {
        self.fields
            .boolean(node, "`internal`")
            .is_some_and(|b| b.value)
    }

    fn duration(&mut self, node: &Node) -> Option<Spanned<i64>> {
        let text = self.fields.text(node, self.source, "`impact.duration`")?;
        let minutes = crate::duration::parse(&text.value);
        if minutes.is_none() {
            let message = format!("`{}` is not a duration", text.value);
            self.fields.report(
                text.span,
                message,
                Some("write hours and minutes, such as `26h45m`, `90m` or `1d2h`".into()),
            );
        }
        Some(Spanned::new(minutes?, text.span))
    }
}

/// `1430` or `930` as the clock time people mean by it (`14:30`, `09:30`).
fn clock_digits(raw: &str) -> Option<String> {
    if !(3..=4).contains(&raw.len()) || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = raw.parse().ok()?;
    let (hour, minute) = (value / 100, value % 100);
    (hour < 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}
