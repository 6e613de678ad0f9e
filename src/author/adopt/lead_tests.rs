use super::*;
use crate::author::adopt::clock::{Clock, Time};

/// `text` read as `date time label | event [shown]`.
fn read(text: &str) -> String {
    let Some(lead) = lead(text) else {
        return "none".into();
    };
    let day = match lead.day {
        Some(Day::Full(d)) => d.to_string(),
        Some(Day::NoYear { month, day }) => format!("--{month:02}-{day:02}"),
        Some(Day::Numeric {
            first,
            second,
            year,
        }) => format!("{first}/{second}/{year:?}"),
        Some(Day::Month { year, month }) => format!("{year:?}-{month:02}"),
        None => "-".into(),
    };
    let clock = |t: Time| match t {
        Time::Clock(Clock {
            hour,
            minute,
            second,
            meridiem,
        }) => {
            let m = match meridiem {
                Some(true) => "pm",
                Some(false) => "am",
                None => "",
            };
            if second == 0 {
                format!("{hour:02}:{minute:02}{m}")
            } else {
                format!("{hour:02}:{minute:02}:{second:02}{m}")
            }
        }
        Time::Placeholder { next_day } => format!("??{}", if next_day { "+1" } else { "" }),
    };
    let time = lead.time.map_or("-".into(), |t| {
        let end = t.end.map_or(String::new(), |e| format!("-{}", clock(e)));
        format!("{}{end}", clock(t.start))
    });
    let label = lead.label.map_or(String::new(), |l| format!(" {l}"));
    let shown = lead.shown.map_or(String::new(), |s| format!(" [{s}]"));
    format!("{day} {time}{label} | {}{shown}", &text[lead.event..])
}

#[test]
fn stamps_are_read_as_people_write_them() {
    for (text, expected) in [
        (
            "2:54 PM PST: config change merged",
            "- 02:54pm PST | config change merged",
        ),
        (
            "[13:26] someone reports errors",
            "- 13:26 | someone reports errors",
        ),
        ("14:30 - rollback started", "- 14:30 | rollback started"),
        (
            "**16:58 UTC** - Writer database",
            "- 16:58 UTC | Writer database",
        ),
        (
            "**2019-10-20 00:55: builds fail**",
            "2019-10-20 00:55 | builds fail**",
        ),
        ("*06:00*: The Security Team", "- 06:00 | The Security Team"),
        (
            "Dec 16th **12:43** `@nova` First",
            "--12-16 12:43 | `@nova` First",
        ),
        (
            "**Feb 04, 2021, 21:45 (UTC):** Alert",
            "2021-02-04 21:45 UTC | Alert",
        ),
        ("Sep 29 2017 08:59", "2017-09-29 08:59 | "),
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
}

#[test]
fn dates_and_times_in_other_orders_and_widths_are_read() {
    for (text, expected) in [
        (
            "Feb 7 1506 UTC: Hypha and ICL",
            "--02-07 15:06 UTC | Hypha and ICL",
        ),
        ("0133 UTC: Hypha tells", "- 01:33 UTC | Hypha tells"),
        ("2021-12-10   15:40 ", "2021-12-10 15:40 | "),
        (
            "Jan 27th 2025, 18:50:28 UTC (block [1](x))",
            "2025-01-27 18:50:28 UTC | (block [1](x))",
        ),
        ("11:39AM", "- 11:39am | "),
        ("7:27a incident began", "- 07:27am | incident began"),
        ("13:50 GST: Sergey", "- 13:50 GST | Sergey"),
        (
            "15:46 **ROOT CAUSE** — **Docker**",
            "- 15:46 | **ROOT CAUSE** — **Docker**",
        ),
        (
            "1:42-1:59 PM: Deploy",
            "- 01:42pm-01:59pm | Deploy [1:42-1:59 PM]",
        ),
        (
            "10:01-10:02 retries",
            "- 10:01-10:02 | retries [10:01-10:02]",
        ),
        ("10:45~ restart", "- 10:45 | restart [10:45~]"),
        ("~10:45 restart", "- 10:45 | restart [~10:45]"),
        (
            "2020-12-21 HH:mm deploy",
            "2020-12-21 ?? | deploy [2020-12-21 HH:mm]",
        ),
        (
            "Dec 17th **24:XX** Still",
            "--12-17 ??+1 | Still [Dec 17th 24:XX]",
        ),
        ("2019-12-03 --:--", "2019-12-03 ?? |  [2019-12-03 --:--]"),
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
}

#[test]
fn ranges_dates_alone_and_zone_labels_are_read_too() {
    for (text, expected) in [
        (
            "Between 2023-07-10 to 2023-07-16",
            "2023-07-10 - |  [2023-07-10 to 2023-07-16]",
        ),
        (
            "29-09-2021 (All times CEST)",
            "2021-09-29 - | (All times CEST)",
        ),
        ("03/10/2021", "3/10/Some(2021) - | "),
        ("16/12/21: deploy", "2021-12-16 - | deploy"),
        (
            "March 2021 - planning",
            "Some(2021)-03 - | planning [March 2021]",
        ),
        (
            "Wednesday 20th September 2023, 14:32 UTC",
            "2023-09-20 14:32 UTC | ",
        ),
        ("2025-Feb-07", "2025-02-07 - | "),
        (
            "2022-05-?? HH:mm Noticed",
            "Some(2022)-05 ?? | Noticed [2022-05-?? HH:mm]",
        ),
        ("**19th September 2023:**", "2023-09-19 - | "),
        ("07:30am - First report", "- 07:30am | First report"),
        (
            "2025-04-10 9:00:\tFix released",
            "2025-04-10 09:00 | Fix released",
        ),
        ("2023-09-18 15.26 Compared", "2023-09-18 15:26 | Compared"),
        ("Update: 18:52 We have", "- 18:52 | We have"),
        ("12:00 GMT+2 deploy", "- 12:00 +02:00 | deploy"),
        ("14:00 TEST deploy", "- 14:00 | TEST deploy"),
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
}

#[test]
fn prose_and_numbers_are_no_stamps() {
    for text in [
        "We rolled back at 14:30 after the alert.",
        "On 2020-02-20 at 21:28 UTC we heard",
        "T+5m alert fires",
        "25:00 nothing",
        "12:305 builds",
        "3 nodes were added",
        "March on",
        "2019-12-03abc",
    ] {
        assert_eq!(read(text), "none", "{text}");
    }
}
