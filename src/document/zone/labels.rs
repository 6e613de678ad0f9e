//! The labels a timestamp may carry (`UTC`, `-07:00`, `PDT`, `PT`), and
//! what an abbreviation means in a document's zone: first the offset that
//! zone used under that name (IST is UTC+2 in Asia/Jerusalem, UTC+1 in
//! Europe/Dublin, UTC+5:30 in Asia/Kolkata; CST is UTC+8 in Asia/Shanghai),
//! then the one offset an unambiguous abbreviation has. An ambiguous one
//! the zone never used is [`Ambiguous`]: never a guess.

use super::Label;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetName, Tz};

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
pub(super) const GENERIC: &[(&str, Tz, &str)] = &[
    ("PT", Tz::America__Los_Angeles, "Pacific"),
    ("MT", Tz::America__Denver, "Mountain"),
    ("CT", Tz::America__Chicago, "Central"),
    ("ET", Tz::America__New_York, "Eastern"),
    ("AKT", Tz::America__Anchorage, "Alaska"),
];

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

/// The readings of abbreviations that name different offsets in different
/// places, the reading [`label`] gives first.
const READINGS: &[(&str, i32, Tz)] = &[
    ("IST", 5 * HOUR + 1800, Tz::Asia__Kolkata),
    ("IST", 2 * HOUR, Tz::Asia__Jerusalem),
    ("IST", HOUR, Tz::Europe__Dublin),
    ("CST", -6 * HOUR, Tz::America__Chicago),
    ("CST", 8 * HOUR, Tz::Asia__Shanghai),
    ("BST", HOUR, Tz::Europe__London),
    ("BST", 6 * HOUR, Tz::Asia__Dhaka),
];

/// The zones of abbreviations without seasons, for people looking one up.
const HOMES: &[(&str, Tz)] = &[
    ("HST", Tz::Pacific__Honolulu),
    ("MSK", Tz::Europe__Moscow),
    ("SGT", Tz::Asia__Singapore),
    ("HKT", Tz::Asia__Hong_Kong),
    ("AWST", Tz::Australia__Perth),
    ("JST", Tz::Asia__Tokyo),
    ("KST", Tz::Asia__Seoul),
];

/// The zones an abbreviation (upper-case) names, its most common reading
/// first: `IST` names Kolkata, Jerusalem and Dublin; `EST` New York (never
/// the fixed-offset `EST` zone, which has no daylight saving time).
pub fn zones_named(abbreviation: &str) -> Vec<Tz> {
    let readings: Vec<Tz> = READINGS
        .iter()
        .filter(|(name, ..)| *name == abbreviation)
        .map(|&(.., zone)| zone)
        .collect();
    if !readings.is_empty() {
        return readings;
    }
    let home = HOMES.iter().find(|(name, _)| *name == abbreviation);
    region(abbreviation)
        .map(|(zone, _)| zone)
        .or(home.map(|&(_, zone)| zone))
        .into_iter()
        .collect()
}

/// An abbreviation with several readings that the document's zone never
/// used: which offset is meant cannot be known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguous {
    /// The abbreviation, upper-cased.
    pub name: String,
    /// Each place it is used, with its offset there.
    pub readings: Vec<(Tz, FixedOffset)>,
}

impl Ambiguous {
    /// The message and help for the timestamp `text` that carries it.
    pub fn describe(&self, text: &str) -> (String, String) {
        let places: Vec<String> = self
            .readings
            .iter()
            .map(|(zone, offset)| format!("UTC{offset} in {}", zone.name()))
            .collect();
        let clock = text
            .trim()
            .rsplit_once(' ')
            .map_or(text, |(clock, _)| clock);
        let first = self.readings.first().map(|(_, o)| o.to_string());
        (
            format!(
                "`{}` is ambiguous: {} is {}",
                text.trim(),
                self.name,
                places.join(", ")
            ),
            format!(
                "write the offset instead, such as `{clock} {}`, or set `timezone:` to the zone meant",
                first.unwrap_or_default()
            ),
        )
    }
}

/// `label` as meant in a document whose zone is `zone`, at about `local`:
/// an abbreviation takes the offset that zone used under that name, else
/// its only reading; an ambiguous one the zone never used is an error.
pub fn resolve(label: Label, zone: Option<Tz>, local: NaiveDateTime) -> Result<Label, Ambiguous> {
    let Label::Abbreviation { name, .. } = &label else {
        return Ok(label);
    };
    if let Some(offset) = zone.and_then(|zone| used(zone, name, local)) {
        let name = name.clone();
        return Ok(Label::Abbreviation { name, offset });
    }
    let readings: Vec<(Tz, FixedOffset)> = READINGS
        .iter()
        .filter(|(reading, ..)| reading == name)
        .filter_map(|&(_, seconds, zone)| Some((zone, FixedOffset::east_opt(seconds)?)))
        .collect();
    if readings.len() < 2 {
        return Ok(label);
    }
    Err(Ambiguous {
        name: name.clone(),
        readings,
    })
}

/// The offset `zone` used under the name `abbreviation` nearest to `local`
/// (looked at twice a month over three years around it).
fn used(zone: Tz, abbreviation: &str, local: NaiveDateTime) -> Option<FixedOffset> {
    let year = local.year();
    let days = (year - 1..=year + 1)
        .flat_map(|y| (1..=12).flat_map(move |m| [(y, m, 1), (y, m, 16)]))
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(12, 0, 0));
    days.filter_map(|day| {
        let offset = zone.offset_from_utc_datetime(&day);
        let named = offset.abbreviation() == Some(abbreviation);
        named.then(|| ((day - local).num_days().abs(), offset.fix()))
    })
    .min_by_key(|(distance, _)| *distance)
    .map(|(_, offset)| offset)
}
