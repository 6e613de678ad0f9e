//! Time zones: IANA names (with a suggestion for near misses), the zone
//! labels a timestamp may carry (`UTC`, `-07:00`, `PDT`, `PT`), and placing a
//! local time in a zone with its daylight-saving gaps and folds.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetName, TZ_VARIANTS, Tz};

/// A zone or offset written after a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// `UTC`, `GMT` or `Z`.
    Utc,
    /// A numeric offset such as `-07:00`.
    Offset(FixedOffset),
    /// An abbreviation with a fixed offset, such as `PDT`.
    Abbreviation {
        /// As written, upper-cased.
        name: String,
        /// The offset it stands for.
        offset: FixedOffset,
    },
    /// A generic zone name such as `PT`, resolved in its IANA zone.
    Zone {
        /// As written, upper-cased.
        name: String,
        /// The zone it stands for.
        zone: Tz,
    },
}

impl Label {
    /// The offset the label fixes: UTC's, a numeric one, an abbreviation's;
    /// `None` for a generic zone (`PT`), whose offset depends on the date.
    pub fn fixed(&self) -> Option<FixedOffset> {
        match self {
            Label::Utc => FixedOffset::east_opt(0),
            Label::Offset(offset) | Label::Abbreviation { offset, .. } => Some(*offset),
            Label::Zone { .. } => None,
        }
    }
}

const HOUR: i32 = 3600;

/// The region a seasonal abbreviation names (`PST`: America/Los_Angeles),
/// and whether some place keeps that (standard-time) name all year: MST in
/// Arizona, CST in Saskatchewan, EST in Panama, CET in Algeria, EET in Libya,
/// ACST in the Northern Territory, AEST in Queensland. `None` for names
/// without seasons (JST, IST).
type Region = Option<(Tz, bool)>;

// Fixed-offset abbreviations in common use, with their region. Ambiguous
// ones (IST, BST in some regions) take the reading most postmortems mean; an
// offset is always safer.
const ABBREVIATIONS: &[(&str, i32, Region)] = &[
    ("PST", -8 * HOUR, Some((Tz::America__Los_Angeles, false))),
    ("PDT", -7 * HOUR, Some((Tz::America__Los_Angeles, false))),
    ("MST", -7 * HOUR, Some((Tz::America__Denver, true))),
    ("MDT", -6 * HOUR, Some((Tz::America__Denver, false))),
    ("CST", -6 * HOUR, Some((Tz::America__Chicago, true))),
    ("CDT", -5 * HOUR, Some((Tz::America__Chicago, false))),
    ("EST", -5 * HOUR, Some((Tz::America__New_York, true))),
    ("EDT", -4 * HOUR, Some((Tz::America__New_York, false))),
    ("AKST", -9 * HOUR, Some((Tz::America__Anchorage, false))),
    ("AKDT", -8 * HOUR, Some((Tz::America__Anchorage, false))),
    ("HST", -10 * HOUR, None),
    ("WET", 0, Some((Tz::Europe__Lisbon, false))),
    ("WEST", HOUR, Some((Tz::Europe__Lisbon, false))),
    ("BST", HOUR, Some((Tz::Europe__London, false))),
    ("CET", HOUR, Some((Tz::Europe__Berlin, true))),
    ("CEST", 2 * HOUR, Some((Tz::Europe__Berlin, false))),
    ("EET", 2 * HOUR, Some((Tz::Europe__Athens, true))),
    ("EEST", 3 * HOUR, Some((Tz::Europe__Athens, false))),
    ("MSK", 3 * HOUR, None),
    ("IST", 5 * HOUR + 1800, None),
    ("SGT", 8 * HOUR, None),
    ("HKT", 8 * HOUR, None),
    ("AWST", 8 * HOUR, None),
    ("JST", 9 * HOUR, None),
    ("KST", 9 * HOUR, None),
    (
        "ACST",
        9 * HOUR + 1800,
        Some((Tz::Australia__Adelaide, true)),
    ),
    (
        "ACDT",
        10 * HOUR + 1800,
        Some((Tz::Australia__Adelaide, false)),
    ),
    ("AEST", 10 * HOUR, Some((Tz::Australia__Sydney, true))),
    ("AEDT", 11 * HOUR, Some((Tz::Australia__Sydney, false))),
    ("NZST", 12 * HOUR, Some((Tz::Pacific__Auckland, false))),
    ("NZDT", 13 * HOUR, Some((Tz::Pacific__Auckland, false))),
];

/// The region a seasonal abbreviation names (`PST`: America/Los_Angeles),
/// and whether its name is right all year somewhere else, so that only the
/// region's other name can be out of season (`MST` in July is Arizona's).
/// Abbreviations without seasons (JST, IST) name no region to check.
pub fn region(abbreviation: &str) -> Option<(Tz, bool)> {
    ABBREVIATIONS
        .iter()
        .find(|(name, ..)| *name == abbreviation)
        .and_then(|&(.., region)| region)
}

/// Generic zone names, their zone, and how people say them.
const GENERIC: &[(&str, Tz, &str)] = &[
    ("PT", Tz::America__Los_Angeles, "Pacific"),
    ("MT", Tz::America__Denver, "Mountain"),
    ("CT", Tz::America__Chicago, "Central"),
    ("ET", Tz::America__New_York, "Eastern"),
    ("AKT", Tz::America__Anchorage, "Alaska"),
];

/// `zone`, with the aliases of UTC (`Etc/UTC`, `GMT`, `UCT`, ...) as `UTC`,
/// the name the format writes.
pub fn plain(zone: Tz) -> Tz {
    match zone {
        Tz::Etc__UTC
        | Tz::Etc__GMT
        | Tz::GMT
        | Tz::Etc__Universal
        | Tz::UCT
        | Tz::Etc__UCT
        | Tz::Etc__Zulu
        | Tz::Universal
        | Tz::Zulu
        | Tz::Etc__GMT0
        | Tz::GMT0 => Tz::UTC,
        other => other,
    }
}

/// The zones a person typing `query` may mean, best first: the IANA zone
/// it names; else the zone of an abbreviation or a generic or spoken name
/// (`PST`, `PT`, `pacific`), then every zone whose name holds the query as
/// words (`los angeles`, `berlin`). Empty when nothing matches.
pub fn search(query: &str) -> Vec<Tz> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    if let Ok(zone) = parse_zone(query) {
        return vec![zone];
    }
    let upper = query.to_ascii_uppercase();
    let mut found: Vec<Tz> = GENERIC
        .iter()
        .filter(|(generic, _, spoken)| *generic == upper || spoken.eq_ignore_ascii_case(query))
        .map(|&(_, zone, _)| zone)
        .chain(region(&upper).map(|(zone, _)| zone))
        .collect();
    let wanted = query.to_lowercase().replace(['_', '/'], " ");
    for zone in TZ_VARIANTS {
        let name = zone.name().to_lowercase().replace(['_', '/'], " ");
        if name.contains(&wanted) && !found.contains(&zone) {
            found.push(zone);
        }
    }
    found
}
/// Reads a zone label: `UTC`, `GMT`, `Z`, `+HH:MM`, `+HHMM`, `+HH`, a known
/// abbreviation or a generic zone (`PT`, `ET`, ...).
pub fn label(text: &str) -> Option<Label> {
    let upper = text.trim().to_ascii_uppercase();
    if matches!(upper.as_str(), "UTC" | "GMT" | "Z") {
        return Some(Label::Utc);
    }
    if let Some(offset) = numeric_offset(&upper) {
        return Some(Label::Offset(offset));
    }
    if let Some(&(_, seconds, _)) = ABBREVIATIONS.iter().find(|(name, ..)| *name == upper) {
        let offset = FixedOffset::east_opt(seconds)?;
        return Some(Label::Abbreviation {
            name: upper,
            offset,
        });
    }
    let &(_, zone, _) = GENERIC.iter().find(|(name, ..)| *name == upper)?;
    Some(Label::Zone { name: upper, zone })
}

fn numeric_offset(text: &str) -> Option<FixedOffset> {
    let text = text.strip_prefix("UTC").unwrap_or(text);
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|&c| c != ':').collect();
    if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    // `+02` has no minutes: `digits[2..]` is empty, not a number.
    let minutes: i32 = match digits.get(2..) {
        Some(m) if !m.is_empty() => m.parse().ok()?,
        _ => 0,
    };
    if hours > 18 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * HOUR + minutes * 60))
}

/// Reads an IANA zone name; on failure, a suggestion when one is likely.
pub fn parse_zone(name: &str) -> Result<Tz, Option<&'static str>> {
    name.trim().parse::<Tz>().map_err(|_| suggest(name.trim()))
}

fn suggest(name: &str) -> Option<&'static str> {
    let upper = name.to_ascii_uppercase();
    let by_label = match label(&upper) {
        Some(Label::Zone { zone, .. }) => Some(zone.name()),
        // CEST is Europe/Berlin's, not America/Chicago's.
        Some(Label::Abbreviation { name, .. }) => region(&name).map(|(zone, _)| zone.name()),
        Some(Label::Utc) => Some("UTC"),
        _ => GENERIC
            .iter()
            .find(|(.., spoken)| spoken.eq_ignore_ascii_case(name))
            .map(|(_, zone, _)| zone.name()),
    };
    by_label
        .or_else(|| {
            let wanted = name.replace(' ', "_").to_ascii_lowercase();
            TZ_VARIANTS
                .iter()
                .map(|zone| zone.name())
                .find(|candidate| {
                    let lower = candidate.to_ascii_lowercase();
                    lower == wanted || lower.rsplit('/').next() == Some(wanted.as_str())
                })
        })
        .or_else(|| {
            let names: Vec<&'static str> = TZ_VARIANTS.iter().map(|zone| zone.name()).collect();
            crate::suggest::did_you_mean(name, &names)
        })
}

/// Where a local time falls in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placed {
    /// Exactly one instant.
    Single(DateTime<FixedOffset>),
    /// The clocks went back: the time happened twice.
    Ambiguous(DateTime<FixedOffset>, DateTime<FixedOffset>),
    /// The clocks went forward: the time never happened.
    Gap,
}

/// Places `local` in `zone`.
pub fn place(zone: Tz, local: NaiveDateTime) -> Placed {
    let fixed = |t: DateTime<Tz>| t.with_timezone(&t.offset().fix());
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Placed::Single(fixed(t)),
        LocalResult::Ambiguous(a, b) => Placed::Ambiguous(fixed(a), fixed(b)),
        LocalResult::None => Placed::Gap,
    }
}

/// The abbreviation `zone` uses at `instant`, such as `PDT` (or `+0530`).
pub fn abbreviation(zone: Tz, instant: DateTime<FixedOffset>) -> String {
    let offset = zone.offset_from_utc_datetime(&instant.naive_utc());
    offset
        .abbreviation()
        .map_or_else(|| offset.fix().to_string(), str::to_string)
}

/// The abbreviations `zone` uses in the year of `instant` (standard and summer).
pub fn abbreviations_in_year(zone: Tz, instant: DateTime<FixedOffset>) -> Vec<String> {
    use chrono::Datelike;
    let year = instant.year();
    [1, 7]
        .iter()
        .filter_map(|&month| chrono::NaiveDate::from_ymd_opt(year, month, 1))
        .filter_map(|date| date.and_hms_opt(12, 0, 0))
        .map(|noon| abbreviation(zone, noon.and_utc().fixed_offset()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_is_found_by_name_city_region_or_abbreviation() {
        assert_eq!(search("europe/berlin"), [Tz::Europe__Berlin]);
        assert_eq!(search("Berlin"), [Tz::Europe__Berlin]);
        assert_eq!(search("los angeles"), [Tz::America__Los_Angeles]);
        for typed in ["pacific", "PST", "pt", "PDT"] {
            assert_eq!(
                search(typed).first(),
                Some(&Tz::America__Los_Angeles),
                "{typed}"
            );
        }
        assert_eq!(search("CEST").first(), Some(&Tz::Europe__Berlin));
        assert!(search("pacific").contains(&Tz::Pacific__Auckland));
        assert!(search("atlantis").is_empty());
        assert!(search("  ").is_empty());
    }

    #[test]
    fn a_near_miss_suggests_the_zone_an_abbreviation_names() {
        assert_eq!(parse_zone("CEST"), Err(Some("Europe/Berlin")));
        assert_eq!(parse_zone("PT"), Err(Some("America/Los_Angeles")));
        assert_eq!(parse_zone("pacific"), Err(Some("America/Los_Angeles")));
        assert_eq!(parse_zone("Europe/Berln"), Err(Some("Europe/Berlin")));
    }
}
