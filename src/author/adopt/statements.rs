//! What a hand-written postmortem states about itself in its prose: its
//! title (the first heading), when it was written ("Last Modified: ...",
//! "Date: ..."), the zone of its times ("All times in PST", "Timeline
//! (UTC)"), and, line by line, which milestone a timeline line names.

use crate::document::Kind;
use crate::document::zone;
use chrono::NaiveDate;
use chrono_tz::Tz;

/// An ATX heading: its level and text.
pub(super) fn heading(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let level = trimmed.bytes().take_while(|b| *b == b'#').count();
    let rest = &trimmed[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (level, rest.trim().trim_end_matches('#').trim()))
}

/// The text of the first level-1 heading (else the first heading).
pub(super) fn first_heading(body: &str) -> Option<String> {
    let headings: Vec<(usize, &str)> = body.lines().filter_map(heading).collect();
    headings
        .iter()
        .find(|(level, _)| *level == 1)
        .or(headings.first())
        .map(|(_, text)| text.replace("**", "").trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The first line of a document without headings, when it is short enough
/// to be its title (a plain-text report's first line).
pub(super) fn first_line(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    (line.chars().count() <= 120 && !line.starts_with(['-', '*', '|', '<', '`']))
        .then(|| line.to_string())
}

/// `2026-05-14-db-failover.md` as "db failover".
pub(super) fn title_from_name(name: &str) -> String {
    let stem = name.rsplit('/').next().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    let stem = if super::front::date(stem).is_some() {
        stem[10..].trim_start_matches('-')
    } else {
        stem
    };
    stem.replace(['-', '_'], " ").trim().to_string()
}

/// The date of a "Last Modified", "Last updated", "Date" or "Written" line.
pub(super) fn written_on(body: &str) -> Option<NaiveDate> {
    body.lines().find_map(|line| {
        let plain = line.replace("**", "").replace('*', "");
        let (label, value) = plain
            .trim()
            .trim_start_matches(['-', ' '])
            .split_once(':')?;
        let label = label.trim().to_lowercase();
        if ![
            "last modified",
            "last updated",
            "date",
            "written",
            "published",
        ]
        .contains(&label.as_str())
        {
            return None;
        }
        // `2017-03-02`, or `February 28, 2017` as timeline headings write it.
        super::lines::leading_date(value.trim(), None).map(|(date, _)| date)
    })
}

/// A four-digit year in `text` (a title such as "Outage of May 14, 2026").
pub(super) fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// The zone a statement names: "All times are in PST", "all times UTC",
/// "Timeline (Pacific Time)", "times in CET".
pub(super) fn zone(body: &str) -> Option<Tz> {
    let lower = body.to_lowercase();
    const CUES: [&str; 7] = [
        "all times are in ",
        "all times in ",
        "all times are ",
        "all times ",
        "times are in ",
        "timeline (",
        "times in ",
    ];
    CUES.iter().find_map(|cue| {
        lower.match_indices(cue).find_map(|(at, _)| {
            let after = &lower[at + cue.len()..];
            let words: Vec<&str> = after
                .split_whitespace()
                .take(3)
                .map(|w| {
                    w.trim_matches(|c: char| {
                        !c.is_alphanumeric() && c != '/' && c != '_' && c != '+' && c != '-'
                    })
                })
                .collect();
            (1..=words.len())
                .rev()
                .find_map(|n| found(&words[..n].join(" ")))
        })
    })
}

fn found(words: &str) -> Option<Tz> {
    let words = words.trim_end_matches(" time").trim();
    if words.is_empty() || matches!(words, "are" | "in" | "the" | "our" | "local") {
        return None;
    }
    // After "all times in", the best fit for what follows is what was meant;
    // "PST/PDT" names its zone by either half.
    zone::search(words)
        .first()
        .copied()
        .or_else(|| {
            words.split('/').find_map(|part| {
                zone::zones_named(&part.trim().to_ascii_uppercase())
                    .first()
                    .copied()
            })
        })
        .map(zone::plain)
}

/// The zone of the labels the timeline's lines carry, when they agree.
pub(super) fn zone_of_labels<'a>(labels: impl Iterator<Item = &'a str>) -> Option<Tz> {
    let zones: Vec<Tz> = labels
        .filter_map(|l| zone::search(l).first().copied().map(zone::plain))
        .collect();
    let first = *zones.first()?;
    zones.iter().all(|z| *z == first).then_some(first)
}

/// The milestone a line names in so many words, if any.
pub(super) fn kind(event: &str) -> Option<Kind> {
    let lower = event.to_lowercase();
    let has = |w: &str| lower.contains(w);
    Some(
        if has("resolved") || has("fully restored") || has("all clear") {
            Kind::Resolved
        } else if has("mitigat") {
            Kind::Mitigated
        } else if has("root cause identified")
            || has("cause was identified")
            || has("identified the cause")
        {
            Kind::Identified
        } else if has("acknowledged") {
            Kind::Acknowledged
        } else if has("detected") || has("alert fired") || has("alerts fired") {
            Kind::Detected
        } else if has("impact began")
            || has("impact begins")
            || has("outage began")
            || has("outage begins")
        {
            Kind::Start
        } else {
            return None;
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_statements_are_found_in_the_prose() {
        assert_eq!(
            zone("## Timeline\nAll times in PST.\n"),
            Some(Tz::America__Los_Angeles)
        );
        assert_eq!(zone("## Timeline (UTC)\n"), Some(Tz::UTC));
        assert_eq!(
            zone("## Timeline (Pacific Time)\n"),
            Some(Tz::America__Los_Angeles)
        );
        assert_eq!(
            zone("All times are Europe/Berlin"),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(zone("We spent all times in meetings"), None);
        // A name is never matched inside a word: IST is not Istanbul or
        // Boa Vista, PST/PDT not Rio Gallegos.
        assert_eq!(
            zone("All times in IST\n\n- 10:00 Alert"),
            Some(Tz::Asia__Kolkata)
        );
        assert_eq!(
            zone("Timeline (all times in PST/PDT)"),
            Some(Tz::America__Los_Angeles)
        );
        assert_eq!(zone("All times are in JST."), Some(Tz::Asia__Tokyo));
    }

    #[test]
    fn titles_dates_and_kinds_come_from_what_is_written() {
        assert_eq!(
            first_heading("intro\n## Summary\n# DB outage\n").as_deref(),
            Some("DB outage")
        );
        assert_eq!(title_from_name("2026-05-14-db-failover.md"), "db failover");
        assert_eq!(
            written_on("**Last Modified:** 2017-03-02\n"),
            NaiveDate::from_ymd_opt(2017, 3, 2)
        );
        assert_eq!(
            written_on("Date: February 28, 2017\n"),
            NaiveDate::from_ymd_opt(2017, 2, 28)
        );
        assert_eq!(kind("Mitigation deployed: retries"), Some(Kind::Mitigated));
        assert_eq!(kind("Cleanup operation begins"), None);
    }
}
