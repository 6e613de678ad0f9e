//! Finding a zone from what a person typed (the `new` prompt, `--timezone`,
//! adopt's "all times in ..." statements): exact matches first (an IANA
//! name, an abbreviation's regions, a generic or spoken name, a country or a
//! city from tzdata's own tables), then zones whose words begin with the
//! words typed. Never a match inside a word, and never a fixed-offset zone
//! for an abbreviation (`EST` finds America/New_York).

use super::labels::{GENERIC, zones_named};
use super::plain;
use chrono_tz::Tz;
use std::sync::LazyLock;

/// tzdata's zone1970.tab: countries and the canonical zones they use.
const ZONES: &str = include_str!("zone1970.tab");
/// tzdata's iso3166.tab: country codes and names.
const COUNTRIES: &str = include_str!("iso3166.tab");

/// A canonical zone with the lower-case names people call it by: its IANA
/// name's parts and its countries' names.
struct Known {
    zone: Tz,
    words: Vec<String>,
    countries: Vec<String>,
    country_words: Vec<String>,
}

static KNOWN: LazyLock<Vec<Known>> = LazyLock::new(|| {
    let names = countries();
    let rows = ZONES.lines().filter(|l| !l.starts_with('#'));
    let mut known: Vec<Known> = rows
        .filter_map(|row| {
            let mut fields = row.split('\t');
            let codes = fields.next()?;
            let zone: Tz = fields.nth(1)?.parse().ok()?;
            let countries: Vec<String> = codes
                .split(',')
                .filter_map(|code| names.iter().find(|(c, _)| c == code))
                .flat_map(|(_, names)| names.clone())
                .collect();
            let country_words = countries.iter().flat_map(|c: &String| words(c)).collect();
            Some(Known {
                words: words(zone.name()),
                zone,
                countries,
                country_words,
            })
        })
        .collect();
    known.push(Known {
        zone: Tz::UTC,
        words: vec!["utc".into()],
        countries: Vec::new(),
        country_words: Vec::new(),
    });
    known
});

/// Each country code with its names: `GB` is "britain (uk)", "britain" and "uk".
fn countries() -> Vec<(String, Vec<String>)> {
    COUNTRIES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, name)| {
            let name = name.trim().to_lowercase();
            let mut names = vec![name.clone()];
            if let Some((before, inside)) = name.split_once(" (") {
                names.extend([before.to_string(), inside.trim_end_matches(')').to_string()]);
            }
            (code.to_string(), names)
        })
        .collect()
}

/// The lower-case words of a name: `America/Los_Angeles` is america, los, angeles.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| c == '/' || c == '_' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The zones a person typing `query` may mean, best first. Empty when
/// nothing matches.
pub fn search(query: &str) -> Vec<Tz> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let typed = words(query);
    // An abbreviation names its regions, not zones whose words begin with
    // its letters (IST is not Istanbul).
    if let [one] = typed.as_slice() {
        let named = zones_named(&one.to_ascii_uppercase());
        if !named.is_empty() {
            return named;
        }
    }
    let mut found = exact(query);
    for known in KNOWN.iter() {
        let begins = |names: &[String]| {
            typed
                .iter()
                .all(|t| names.iter().any(|w| w.starts_with(t.as_str())))
        };
        if (begins(&known.words) || begins(&known.country_words)) && !found.contains(&known.zone) {
            found.push(known.zone);
        }
    }
    found
}

/// The one zone `query` names exactly (a city, a country with one zone,
/// an IANA name in any case), if it names exactly one: what `--timezone
/// berlin` means.
pub fn only(query: &str) -> Option<Tz> {
    match exact(query.trim()).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The zones `query` names exactly: an abbreviation's or a generic name's
/// regions, an IANA name (not a fixed-offset one such as `EST`), a city,
/// a country.
fn exact(query: &str) -> Vec<Tz> {
    let upper = query.to_ascii_uppercase();
    let lower = query.to_lowercase();
    if matches!(upper.as_str(), "UTC" | "GMT" | "Z") {
        return vec![Tz::UTC];
    }
    let mut found = zones_named(&upper);
    found.extend(
        GENERIC
            .iter()
            .filter(|(generic, _, spoken)| *generic == upper || spoken.eq_ignore_ascii_case(query))
            .map(|&(_, zone, _)| zone),
    );
    if found.is_empty()
        && let Ok(zone) = Tz::from_str_insensitive(query)
        && !is_fixed(zone)
        // Legacy names without a region (`Israel`, `Japan`) are the
        // countries' canonical zones, found below.
        && zone.name().contains('/')
    {
        found.push(plain(zone));
    }
    let city = words(&lower).join(" ");
    for known in KNOWN.iter() {
        let last = known
            .zone
            .name()
            .rsplit('/')
            .next()
            .map(|w| words(w).join(" "));
        let is_city = last.as_deref() == Some(city.as_str());
        if (is_city || known.countries.contains(&lower)) && !found.contains(&known.zone) {
            found.push(known.zone);
        }
    }
    found
}

/// The legacy zones with a fixed offset all year under a seasonal name.
fn is_fixed(zone: Tz) -> bool {
    matches!(zone, Tz::EST | Tz::MST | Tz::HST)
        || zone.name().starts_with("Etc/GMT+")
        || zone.name().starts_with("Etc/GMT-")
}
