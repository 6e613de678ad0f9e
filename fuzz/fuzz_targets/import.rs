//! Any text given to the importers: JSON or not, every importer returns
//! data, and every draft it writes reads back as the entries imported.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::author::import::{self, incident_io, opsgenie, pagerduty, statuspage};

fuzz_target!(|text: &str| {
    let Ok(value) = import::parse_json(text) else {
        return;
    };
    let mut incidents = Vec::new();
    incidents.extend(pagerduty::incident(&value, None, true));
    incidents.extend(opsgenie::incident(&value, None));
    incidents.extend(incident_io::incident(&value, None));
    if let Ok(page) = statuspage::page(&value) {
        incidents.extend(page.incidents);
    }
    for incident in incidents {
        for zone in [chrono_tz::Tz::UTC, chrono_tz::Tz::America__Los_Angeles] {
            import::draft(&incident, zone, &postmortem::Settings::default().sections).expect("a draft reads back as its entries");
        }
    }
});
