//! Zones by the names statements give them: `UTC`, an offset (`GMT+2`,
//! `+02:00`: the fixed-offset zone of a whole hour), an abbreviation's
//! region (`PST`, `CEST`, `PST/PDT`), a generic zone (`PT`), an IANA name
//! (`Europe/Berlin`, `US/Pacific`), a spoken name (`Pacific Time`,
//! `Central European Summer Time`), and only then a city searched for by
//! its whole name, a few times per document at most. Never a region
//! (`Europe`) or the beginning of a word.

use crate::document::zone::{self, Label};
use chrono_tz::Tz;
use std::collections::HashMap;

/// The most zone searches one document may cost.
const SEARCHES: usize = 16;

/// The zone the labels on the entries' times agree on (`UTC` on every
/// line), if they all name one.
pub(super) fn zone_of_labels<'a>(labels: impl Iterator<Item = &'a str>) -> Option<Tz> {
    let mut found: Option<Tz> = None;
    for label in labels {
        let zone = exact(label)?;
        if found.is_some_and(|f| f != zone) {
            return None;
        }
        found = Some(zone);
    }
    found
}

/// Zone names looked up, each once; searches counted.
#[derive(Default)]
pub(super) struct Lookup {
    seen: HashMap<String, Option<Tz>>,
    searches: usize,
}

impl Lookup {
    /// The zone `phrase` names, if any.
    pub(super) fn zone(&mut self, phrase: &str) -> Option<Tz> {
        if let Some(found) = self.seen.get(phrase) {
            return *found;
        }
        let found = exact(phrase).or_else(|| self.search(phrase));
        self.seen.insert(phrase.to_string(), found);
        found
    }

    /// A city or country ("Berlin", "New York", "India"), searched for.
    fn search(&mut self, phrase: &str) -> Option<Tz> {
        let capital = phrase.starts_with(|c: char| c.is_ascii_uppercase());
        let letters = phrase.chars().all(|c| c.is_alphabetic() || c == ' ');
        if !capital || !letters || phrase.len() < 4 || self.searches >= SEARCHES {
            return None;
        }
        self.searches += 1;
        let found = zone::search(phrase);
        // Only a city the search knows by its whole name ("Berlin", "New
        // York"): never a region ("Europe") or a word's beginning.
        found.first().copied().map(zone::plain).filter(|z| {
            let city = z.name().rsplit('/').next().unwrap_or_default();
            city.replace('_', " ").eq_ignore_ascii_case(phrase)
        })
    }
}

/// A zone named exactly: `UTC`, `GMT+2`, `+02:00`, `PST`, `PST/PDT`, `PT`,
/// `Europe/Berlin`, `US/Pacific`, `Pacific Time`, `Central European Time`.
fn exact(phrase: &str) -> Option<Tz> {
    let upper = phrase.trim().to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "UTC" | "GMT" | "Z" | "ZULU" | "UTC+0" | "GMT+0" | "UTC+00:00"
    ) {
        return Some(Tz::UTC);
    }
    if let Some(zone) = offset_zone(&upper) {
        return Some(zone);
    }
    if !upper.contains(' ') && upper.len() <= 5 {
        if let Some(zone) = zone::zones_named(&upper).first() {
            return Some(*zone);
        }
        if let Some(Label::Zone { zone, .. }) = zone::label(&upper) {
            return Some(zone);
        }
    }
    if phrase.contains('/') {
        if let Ok(zone) = Tz::from_str_insensitive(phrase.trim())
            && zone.name().contains('/')
            && !zone.name().starts_with("Etc/")
        {
            return Some(zone::plain(zone));
        }
        return phrase
            .split('/')
            .find_map(|part| exact(part).or_else(|| spoken(part)));
    }
    spoken(phrase)
}

/// `UTC+1`, `GMT-7`, `+02:00`: the fixed-offset zone of a whole hour.
fn offset_zone(upper: &str) -> Option<Tz> {
    let text = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(upper);
    let sign = match text.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let digits = text[text.chars().next()?.len_utf8()..].trim_end_matches(":00");
    let hours: i32 = digits.parse().ok()?;
    if !(0..=14).contains(&hours) || (upper.len() == text.len() && !text.contains(':')) {
        return None;
    }
    if hours == 0 {
        return Some(Tz::UTC);
    }
    // POSIX signs are inverted: Etc/GMT-2 is two hours ahead of UTC.
    format!("Etc/GMT{}{hours}", if sign > 0 { '-' } else { '+' })
        .parse()
        .ok()
}

/// `Pacific Time`, `Central European Summer Time`, `Eastern`.
fn spoken(phrase: &str) -> Option<Tz> {
    let lower = phrase.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while matches!(
        words.last(),
        Some(&("time" | "standard" | "daylight" | "summer" | "zone"))
    ) {
        words.pop();
    }
    let name = words.join(" ");
    const SPOKEN: &[(&str, Tz)] = &[
        ("pacific", Tz::America__Los_Angeles),
        ("mountain", Tz::America__Denver),
        ("central", Tz::America__Chicago),
        ("eastern", Tz::America__New_York),
        ("alaska", Tz::America__Anchorage),
        ("central european", Tz::Europe__Berlin),
        ("eastern european", Tz::Europe__Athens),
        ("western european", Tz::Europe__Lisbon),
        ("british", Tz::Europe__London),
        ("india", Tz::Asia__Kolkata),
        ("indian", Tz::Asia__Kolkata),
        ("japan", Tz::Asia__Tokyo),
        ("coordinated universal", Tz::UTC),
        ("greenwich mean", Tz::UTC),
    ];
    SPOKEN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, zone)| zone)
}
