//! A seasonal abbreviation written on a date its region was not using it
//! (`PST` in July): found once, when the timestamp is read, and kept on the
//! stamp, where the `zone-label` rule reports it and lint's recovery reads
//! the time the author meant.

use super::{Label, Placed, abbreviation, abbreviations_in_year, place, region};
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use chrono_tz::Tz;

/// A label read as an offset its region was not using that day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misread {
    /// The label as written, upper-cased: `PST`.
    pub name: String,
    /// The region whose label it is.
    pub region: Tz,
    /// The label the region was using: `PDT`.
    pub used: String,
    /// The instant the author meant: the clock time in the region.
    pub meant: Option<DateTime<FixedOffset>>,
}

/// How a time labelled `label`, at `local`, read as `instant`, misreads,
/// when its label was not in force on its date in the region it names (the
/// document's zone first, when that uses it).
pub(crate) fn misread(
    document_zone: Option<Tz>,
    label: Option<&Label>,
    local: NaiveDateTime,
    instant: Option<DateTime<FixedOffset>>,
) -> Option<Misread> {
    let (Some(Label::Abbreviation { name, .. }), Some(instant)) = (label, instant) else {
        return None;
    };
    // The document's own zone when it uses the label (CET in a Berlin
    // postmortem is Berlin's); else the region the label names.
    let own = document_zone
        .filter(|z| abbreviations_in_year(*z, instant).contains(name))
        .map(|z| (z, false));
    let (region, all_year) = own.or_else(|| region(name))?;
    let used = abbreviation(region, instant);
    let seasonal = abbreviations_in_year(region, instant).contains(name);
    if *name == used || !seasonal || all_year {
        return None;
    }
    let meant = match place(region, local) {
        Placed::Single(t) => Some(t),
        _ => None,
    };
    Some(Misread {
        name: name.clone(),
        region,
        used,
        meant,
    })
}
