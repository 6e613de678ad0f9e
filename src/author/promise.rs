//! Reading a promised next update out of a status update's text: "We will
//! provide an update at UTC 09:15", "next update by 10:15 UTC", "an update in
//! 30 minutes".

use crate::document::zone::{self, Label};
use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Timelike};

/// The time of the next update `body` promises, read relative to `posted`.
pub(crate) fn next_update(
    body: &str,
    posted: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let lower = body.to_lowercase();
    let after = &lower[lower.find("update")? + "update".len()..];
    let words: Vec<&str> = after.split_whitespace().take(6).collect();
    match *words.first()? {
        "in" | "within" => relative(&words[1..], posted),
        "at" | "by" | "around" => absolute(&words[1..], posted),
        _ => None,
    }
}

fn relative(words: &[&str], posted: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let count: i64 = words.first()?.parse().ok()?;
    let unit = words.get(1)?.trim_end_matches(['.', ',']);
    let minutes = match unit {
        "minute" | "minutes" | "mins" | "min" => count,
        "hour" | "hours" => count * 60,
        _ => return None,
    };
    Some(posted + Duration::minutes(minutes))
}

fn absolute(words: &[&str], posted: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let clean = |w: &str| w.trim_end_matches(['.', ',', ')']).to_uppercase();
    let index = words.iter().position(|w| clean(w).contains(':'))?;
    let time_text = clean(words[index]);
    let mut time = NaiveTime::parse_from_str(
        time_text.trim_end_matches("PM").trim_end_matches("AM"),
        "%H:%M",
    )
    .ok()?;
    let mut offset = *posted.offset();
    for word in [index.checked_sub(1), Some(index + 1), Some(index + 2)]
        .into_iter()
        .flatten()
    {
        let Some(word) = words.get(word).map(|w| clean(w)) else {
            continue;
        };
        match (word.as_str(), zone::label(&word)) {
            ("PM", _) if time.hour() < 12 => time += Duration::hours(12),
            (_, Some(Label::Utc)) => offset = FixedOffset::east_opt(0)?,
            (_, Some(Label::Offset(o) | Label::Abbreviation { offset: o, .. })) => offset = o,
            _ => {}
        }
    }
    let local_posted = posted.with_timezone(&offset);
    let mut promised = local_posted
        .date_naive()
        .and_time(time)
        .and_local_timezone(offset)
        .single()?;
    if promised < posted {
        promised += Duration::days(1);
    }
    Some(promised)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn reads_the_phrasings_status_pages_use() {
        let posted = at("2018-12-21T08:12:00Z");
        let promised = |body| next_update(body, posted).map(|t| t.to_rfc3339());
        assert_eq!(
            promised("We will provide an update at UTC 09:15."),
            Some("2018-12-21T09:15:00+00:00".into())
        );
        assert_eq!(
            promised("Next update by 10:15 UTC"),
            Some("2018-12-21T10:15:00+00:00".into())
        );
        assert_eq!(
            promised("We'll post an update in 30 minutes."),
            Some("2018-12-21T08:42:00+00:00".into())
        );
        assert_eq!(
            promised("An update at 02:00 PDT"),
            Some("2018-12-21T02:00:00-07:00".into())
        );
        assert_eq!(
            promised("An update at 1:30 PM PDT"),
            Some("2018-12-21T13:30:00-07:00".into())
        );
        assert_eq!(
            promised("We will provide a final update at UTC 11:22 UTC."),
            Some("2018-12-21T11:22:00+00:00".into())
        );
        assert_eq!(promised("Everything is fine."), None);
        assert_eq!(promised("This update is the last."), None);
    }
}
