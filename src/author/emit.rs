//! Writing YAML values the way a person would: plain where that reads back as
//! the same text, double-quoted otherwise. Used for every value `new`,
//! `timeline add` and `import` write, so what they write parses as written.

/// `text` as a YAML scalar that reads back as exactly `text`.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// `instant` as a timeline writes it in `zone` (see [`clock`]), with its
/// offset when that local time happens twice there (the repeated hour when
/// clocks go back), so that it reads back as this instant and not the other.
pub fn local_stamp(
    instant: chrono::DateTime<chrono::FixedOffset>,
    zone: chrono_tz::Tz,
    same_day: bool,
) -> String {
    use crate::document::zone::{Placed, place};
    let in_zone = instant.with_timezone(&zone);
    let local = in_zone.naive_local();
    let text = clock(local, same_day);
    match place(zone, local) {
        // The zone's offset at that instant: the instant may have been given
        // with another (an export's `-07:00` for what is then 01:20 PST).
        Placed::Ambiguous(..) => format!("{text} {}", in_zone.format("%:z")),
        _ => text,
    }
}

/// A local time as a timeline writes it: `HH:MM` (with `:SS` when the
/// seconds are not zero), preceded by the date unless `same_day`.
pub fn clock(local: chrono::NaiveDateTime, same_day: bool) -> String {
    use chrono::Timelike;
    let time = if local.second() == 0 {
        "%H:%M"
    } else {
        "%H:%M:%S"
    };
    let format = if same_day {
        time.to_string()
    } else {
        format!("%Y-%m-%d {time}")
    };
    local.format(&format).to_string()
}

/// A flow list such as `[query-api, storage]`.
pub fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| flow_item(item)).collect();
    format!("[{}]", items.join(", "))
}

fn flow_item(text: &str) -> String {
    if is_plain_safe(text) && !text.contains([',', '[', ']', '{', '}']) {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // A byte order mark may not appear inside a YAML document.
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// Words YAML 1.1 or 1.2 readers turn into booleans or null.
const RESERVED: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".nan", ".inf", "-.inf",
];

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let lower = text.to_ascii_lowercase();
    !(text.trim() != text
        || RESERVED.contains(&lower.as_str())
        || looks_numeric(text)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.chars().any(|c| c.is_control() || c == '\u{feff}'))
}

fn looks_numeric(text: &str) -> bool {
    let body = text.trim_start_matches(['+', '-']);
    !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_hexdigit() || "._xXoOeE+-".contains(c))
        && body
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{self, Value};

    #[test]
    fn a_repeated_hour_is_written_with_the_zones_offset_not_the_inputs() {
        // 02:20 at -07:00 is 01:20 PST, the second 01:20 of that night.
        let instant = chrono::DateTime::parse_from_rfc3339("2026-11-01T02:20:00-07:00").unwrap();
        assert_eq!(
            local_stamp(instant, chrono_tz::Tz::America__Los_Angeles, false),
            "2026-11-01 01:20 -08:00"
        );
    }

    fn reads_back(text: &str) {
        let yaml = format!("k: {}\n", scalar(text));
        let root = yaml::parse(&yaml, 0).unwrap();
        let Value::Map(entries) = root.value else {
            panic!("{yaml}")
        };
        assert_eq!(entries[0].value.value, Value::Str(text.into()), "{yaml}");
    }

    #[test]
    fn every_written_value_reads_back_as_the_same_text() {
        for text in [
            "Status page banner posted",
            "yes",
            "No",
            "1430",
            "0x1F",
            "1e3",
            "- dash",
            "a: b",
            "x #y",
            "ends:",
            "\"quoted\"",
            "back\\slash",
            "two\nlines",
            " padded ",
            "",
            "{{ template }}",
            "@mention",
            "50% of users",
            "née",
            "14:30",
            "\u{feff}as switched",
            "mid\u{feff}dle",
        ] {
            reads_back(text);
        }
    }

    #[test]
    fn plain_text_stays_plain() {
        assert_eq!(scalar("Cleanup job begins"), "Cleanup job begins");
        assert_eq!(
            list(&["query-api".into(), "a, b".into()]),
            "[query-api, \"a, b\"]"
        );
    }
}
