//! Durations in whole minutes, in the `26h45m` form the front matter uses:
//! reading what people write (`26h 45m`, `90 minutes`, `1d2h`) and writing
//! it back for messages, pages and `postmortem config`.

/// Parses a duration such as `26h45m`, `26h 45m`, `90m`, `1d2h`, `2w`, `90 minutes`
/// or `2 hours`, in whole minutes (seconds are rounded down).
pub fn parse(text: &str) -> Option<i64> {
    let mut rest = text.trim();
    let mut seconds: i64 = 0;
    let mut parts = 0;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let number: i64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let scale = match rest[..unit_len].to_ascii_lowercase().as_str() {
            "w" | "wk" | "week" | "weeks" => 604_800,
            "d" | "day" | "days" => 86_400,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3_600,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            _ => return None,
        };
        seconds = seconds.checked_add(number.checked_mul(scale)?)?;
        rest = rest[unit_len..].trim_start_matches([' ', ',']);
        parts += 1;
    }
    (parts > 0).then_some(seconds / 60)
}

/// A duration in minutes as `26h45m`, `45m` or `2h`; negative with a `-`.
pub fn format(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.unsigned_abs();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{sign}{m}m"),
        (h, 0) => format!("{sign}{h}h"),
        (h, m) => format!("{sign}{h}h{m}m"),
    }
}

/// A duration in minutes for a table people read: `47m`, `1h 35m`,
/// `1d 2h 45m` (rounded to the minute).
pub fn readable(minutes: f64) -> String {
    let total = minutes.round().abs() as u64;
    let sign = if minutes.round() < 0.0 { "-" } else { "" };
    let (days, hours, mins) = (total / 1440, total / 60 % 24, total % 60);
    let parts: Vec<String> = [(days, "d"), (hours, "h"), (mins, "m")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if parts.is_empty() {
        return "0m".into();
    }
    format!("{sign}{}", parts.join(" "))
}

/// A duration in minutes in words, for readers: `47 minutes`, `1 hour 35
/// minutes`, `1 day 2 hours 45 minutes`.
pub fn words(minutes: i64) -> String {
    let sign = if minutes < 0 { "minus " } else { "" };
    let total = minutes.unsigned_abs();
    let (days, hours, mins) = (total / 1440, total / 60 % 24, total % 60);
    let parts: Vec<String> = [(days, "day"), (hours, "hour"), (mins, "minute")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}{}", if n == 1 { "" } else { "s" }))
        .collect();
    if parts.is_empty() {
        return "0 minutes".into();
    }
    format!("{sign}{}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_words_for_readers() {
        assert_eq!(words(47), "47 minutes");
        assert_eq!(words(60), "1 hour");
        assert_eq!(words(95), "1 hour 35 minutes");
        assert_eq!(words(1605), "1 day 2 hours 45 minutes");
        assert_eq!(words(2 * 1440 + 1), "2 days 1 minute");
        assert_eq!(words(0), "0 minutes");
    }

    #[test]
    fn readable_durations_have_spaces_and_days() {
        assert_eq!(readable(47.0), "47m");
        assert_eq!(readable(95.4), "1h 35m");
        assert_eq!(readable(1351.2), "22h 31m");
        assert_eq!(readable(1605.0), "1d 2h 45m");
        assert_eq!(readable(120.0), "2h");
        assert_eq!(readable(0.2), "0m");
    }

    #[test]
    fn durations_in_the_usual_spellings() {
        assert_eq!(parse("26h45m"), Some(26 * 60 + 45));
        assert_eq!(parse("26h 45m"), Some(26 * 60 + 45));
        assert_eq!(parse("1d2h"), Some(26 * 60));
        assert_eq!(parse("2w"), Some(14 * 24 * 60));
        assert_eq!(parse("90 minutes"), Some(90));
        assert_eq!(parse("2 hours, 5 min"), Some(125));
        assert_eq!(parse("90"), None);
        assert_eq!(parse("soon"), None);
    }

    #[test]
    fn durations_are_written_like_the_front_matter() {
        assert_eq!(format(26 * 60 + 45), "26h45m");
        assert_eq!(format(45), "45m");
        assert_eq!(format(120), "2h");
        assert_eq!(format(-5), "-5m");
        assert_eq!(parse(&format(26 * 60 + 45)), Some(26 * 60 + 45));
    }
}
