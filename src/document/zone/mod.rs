//! Time zones: IANA names (with a suggestion for near misses), the zone
//! labels a timestamp may carry (`UTC`, `-07:00`, `PDT`, `PT`), and placing a
//! local time in a zone with its daylight-saving gaps and folds.

mod labels;
mod misread;
mod search;

pub use labels::{Ambiguous, label, region, resolve, zones_named};
pub use misread::Misread;
pub(crate) use misread::misread;
pub use search::{only, search};

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

/// Reads an IANA zone name; on failure, a suggestion when one is likely.
pub(crate) fn parse_zone(name: &str) -> Result<Tz, Option<&'static str>> {
    name.trim().parse::<Tz>().map_err(|_| suggest(name.trim()))
}

fn suggest(name: &str) -> Option<&'static str> {
    search(name).first().map(|zone| zone.name()).or_else(|| {
        let names: Vec<&'static str> = TZ_VARIANTS.iter().map(|zone| zone.name()).collect();
        crate::suggest::did_you_mean(name, &names).or_else(|| {
            // A misspelt city (`Berln`): its zone's last part is near.
            let cities: Vec<&'static str> = names
                .iter()
                .filter(|n| n.contains('/'))
                .filter_map(|n| n.rsplit('/').next())
                .collect();
            let city = crate::suggest::did_you_mean(&name.replace(' ', "_"), &cities)?;
            names
                .iter()
                .copied()
                .find(|n| n.ends_with(&format!("/{city}")))
        })
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
pub(crate) fn abbreviation(zone: Tz, instant: DateTime<FixedOffset>) -> String {
    let offset = zone.offset_from_utc_datetime(&instant.naive_utc());
    offset
        .abbreviation()
        .map_or_else(|| offset.fix().to_string(), str::to_string)
}

/// The abbreviations `zone` uses in the year of `instant` (standard and summer).
pub(crate) fn abbreviations_in_year(zone: Tz, instant: DateTime<FixedOffset>) -> Vec<String> {
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
    fn an_abbreviation_finds_its_regions_and_never_a_zone_whose_name_holds_it() {
        assert_eq!(
            search("IST")[..3],
            [Tz::Asia__Kolkata, Tz::Asia__Jerusalem, Tz::Europe__Dublin]
        );
        assert_eq!(search("MSK").first(), Some(&Tz::Europe__Moscow));
        assert_eq!(search("JST").first(), Some(&Tz::Asia__Tokyo));
        assert_eq!(search("india").first(), Some(&Tz::Asia__Kolkata));
        assert_eq!(search("israel"), [Tz::Asia__Jerusalem]);
        for (typed, zone) in [
            ("EST", Tz::America__New_York),
            ("MST", Tz::America__Denver),
            ("HST", Tz::Pacific__Honolulu),
        ] {
            let found = search(typed);
            assert_eq!(found.first(), Some(&zone), "{typed}");
            assert!(
                !found.contains(&Tz::EST) && !found.contains(&Tz::MST),
                "{typed}"
            );
        }
        for (typed, wrong) in [
            ("IST", Tz::America__Boa_Vista),
            ("IST", Tz::Europe__Istanbul),
            ("MSK", Tz::Asia__Omsk),
            ("MSK", Tz::Asia__Tomsk),
        ] {
            assert!(!search(typed).contains(&wrong), "{typed} found {wrong}");
        }
    }

    #[test]
    fn an_abbreviation_means_what_the_documents_zone_called_it() {
        let july = chrono::NaiveDate::from_ymd_opt(2026, 7, 10)
            .unwrap()
            .and_hms_opt(9, 20, 0)
            .unwrap();
        let offset = |name: &str, zone: Option<Tz>| {
            resolve(label(name).unwrap(), zone, july)
                .map(|l| l.fixed().unwrap().local_minus_utc() / 60)
        };
        assert_eq!(offset("IST", Some(Tz::Asia__Jerusalem)), Ok(120));
        assert_eq!(offset("IST", Some(Tz::Europe__Dublin)), Ok(60));
        assert_eq!(offset("IST", Some(Tz::Asia__Kolkata)), Ok(330));
        assert_eq!(offset("CST", Some(Tz::Asia__Shanghai)), Ok(480));
        assert_eq!(offset("CST", Some(Tz::America__Chicago)), Ok(-360));
        assert_eq!(offset("BST", Some(Tz::Europe__London)), Ok(60));
        // Unambiguous abbreviations keep their one offset anywhere.
        assert_eq!(offset("PDT", Some(Tz::UTC)), Ok(-420));
        // An ambiguous one the zone never used is not guessed.
        let ambiguous = offset("IST", Some(Tz::UTC)).unwrap_err();
        assert_eq!(ambiguous.readings.len(), 3);
        assert!(offset("CST", None).is_err());
    }

    #[test]
    fn a_near_miss_suggests_the_zone_an_abbreviation_names() {
        assert_eq!(parse_zone("CEST"), Err(Some("Europe/Berlin")));
        assert_eq!(parse_zone("PT"), Err(Some("America/Los_Angeles")));
        assert_eq!(parse_zone("pacific"), Err(Some("America/Los_Angeles")));
        assert_eq!(parse_zone("Europe/Berln"), Err(Some("Europe/Berlin")));
    }
}
