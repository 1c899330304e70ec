//! Dates, times and durations in plain English (GOV.UK style: "Monday 29 March 2027", "9:15am",
//! "midday"). Day and month names are spelled here rather than through chrono's formatter: it
//! keeps the wasm smaller and the wording ours. Times are the clinic's wall clock as the API gave
//! them; nothing is converted to the device's zone.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::model::{ClinicTime, Mode, Slot};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday(d: NaiveDate) -> &'static str {
    DAYS[d.weekday().num_days_from_monday() as usize]
}

fn month(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// "Monday 29 March 2027"
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {} {}", weekday(d), d.day(), month(d), d.year())
}

/// "Monday 29 March"
pub fn day_and_month(d: NaiveDate) -> String {
    format!("{} {} {}", weekday(d), d.day(), month(d))
}

/// "Mon 29 Mar", for tabs and narrow columns. Every name is ASCII, so slicing is safe.
pub fn short_day(d: NaiveDate) -> String {
    format!("{} {} {}", &weekday(d)[..3], d.day(), &month(d)[..3])
}

/// "28 February 1958" (no weekday: nobody thinks of their birthday that way).
pub fn dob(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month(d), d.year())
}

/// "9am", "9:15am", "midday", "12:30pm", "5:45pm", "midnight", "12:30am". Seconds are ignored.
pub fn time(t: NaiveTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    match (h, m) {
        (0, 0) => "midnight".into(),
        (12, 0) => "midday".into(),
        _ => {
            let suffix = if h < 12 { "am" } else { "pm" };
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            if m == 0 {
                format!("{h12}{suffix}")
            } else {
                format!("{h12}:{m:02}{suffix}")
            }
        }
    }
}

/// "Monday 29 March 2027 at 9:15am", by the clinic's clock (the offset given).
pub fn date_time(at: &ClinicTime) -> String {
    format!("{} at {}", long_date(at.date_naive()), time(at.time()))
}

fn count(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// "1 time", "12 times": how many times a day has.
/// How long a time stays held, in the clinic's time: "until 10:15am today", "until 9am
/// tomorrow", "until 10:15am on Friday 20 March".
pub fn held_until(held: &ClinicTime, now: chrono::DateTime<chrono::Utc>) -> String {
    let day = held.date_naive();
    let today = now.with_timezone(held.offset()).date_naive();
    let when = if day == today {
        "today".to_string()
    } else if Some(day) == today.succ_opt() {
        "tomorrow".to_string()
    } else {
        format!("on {}", day_and_month(day))
    };
    format!("until {} {when}", time(held.time()))
}

pub fn count_times(n: usize) -> String {
    count(n as i64, "time")
}

/// "30 minutes", "1 hour", "1 hour 15 minutes", "2 hours". Negative lengths read as 0 minutes.
pub fn duration(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => count(m, "minute"),
        (h, 0) => count(h, "hour"),
        (h, m) => format!("{} {}", count(h, "hour"), count(m, "minute")),
    }
}

/// The appointment type as a label ("Type of appointment: In person").
pub fn mode_label(m: Mode) -> &'static str {
    match m {
        Mode::InPerson => "In person",
        Mode::Telephone => "Telephone call",
        Mode::Video => "Video call",
        Mode::Other => "Appointment type to be confirmed",
    }
}

/// The appointment type inside a sentence: "in person", "by telephone", "by video call".
pub fn mode_phrase(m: Mode) -> &'static str {
    match m {
        Mode::InPerson => "in person",
        Mode::Telephone => "by telephone",
        Mode::Video => "by video call",
        Mode::Other => "type to be confirmed",
    }
}

/// Full accessible name of a slot: "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke
/// Hospital". The place is left out for telephone and video calls (nobody goes there) and when
/// it is not known.
pub fn slot_label(slot: &Slot, locality_name: &str) -> String {
    let mut label = format!(
        "{}, {}, {}",
        long_date(slot.start.date_naive()),
        time(slot.start.time()),
        mode_phrase(slot.mode)
    );
    let place = locality_name.trim();
    if !place.is_empty() && !matches!(slot.mode, Mode::Telephone | Mode::Video) {
        label.push_str(", ");
        label.push_str(place);
    }
    label
}

/// "943 476 5919", the 3-3-4 grouping printed on NHS letters. Anything that is not 10 digits is
/// returned as it is.
pub fn nhs_number_spaced(digits: &str) -> String {
    if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..])
    } else {
        digits.to_string()
    }
}

/// How long until the patient can try again (from `Retry-After`): "in 30 seconds", "in 1 minute",
/// "in 2 minutes", "in about 1 hour". Seconds and minutes round up, so nobody is told to come
/// back too early; hours and days are rounded to the nearest and said to be "about".
pub fn wait(seconds: u64) -> String {
    const HOUR: u64 = 3600;
    const DAY: u64 = 24 * HOUR;
    match seconds {
        0 => "in a moment".into(),
        1 => "in 1 second".into(),
        2..=59 => format!("in {seconds} seconds"),
        // Up to 59 whole minutes; 3541 seconds and more read better as "about 1 hour".
        60..=3540 => format!("in {}", count(seconds.div_ceil(60) as i64, "minute")),
        _ if seconds < DAY - HOUR / 2 => {
            let hours = (seconds + HOUR / 2) / HOUR;
            format!("in about {}", count(hours as i64, "hour"))
        }
        _ => {
            let days = (seconds.saturating_add(DAY / 2) / DAY).max(1);
            format!(
                "in about {}",
                count(days.min(i64::MAX as u64) as i64, "day")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_of_times() {
        assert_eq!(count_times(1), "1 time");
        assert_eq!(count_times(0), "0 times");
        assert_eq!(count_times(200), "200 times");
    }

    use super::*;

    #[test]
    fn a_held_time_is_worded_from_today() {
        let held = crate::dates::parse_instant("2027-03-20T10:15:00+00:00").unwrap();
        let at = |t: &str| {
            crate::dates::parse_instant(t)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        assert_eq!(
            held_until(&held, at("2027-03-20T08:00:00Z")),
            "until 10:15am today"
        );
        assert_eq!(
            held_until(&held, at("2027-03-19T23:59:00Z")),
            "until 10:15am tomorrow"
        );
        assert_eq!(
            held_until(&held, at("2027-03-17T12:00:00Z")),
            "until 10:15am on Saturday 20 March"
        );
        // The clinic's day, not the device's: 00:30 in London is still the 19th in UTC.
        let bst = crate::dates::parse_instant("2027-04-10T00:30:00+01:00").unwrap();
        assert_eq!(
            held_until(&bst, at("2027-04-09T22:00:00Z")),
            "until 12:30am tomorrow"
        );
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn slot(start: &str, mode: Mode) -> Slot {
        let start: ClinicTime = start.parse().unwrap();
        Slot {
            id: "s".into(),
            start,
            end: start + chrono::Duration::minutes(45),
            locality: "hinchingbrooke".into(),
            band: "band-6".into(),
            mode,
            clinician: String::new(),
        }
    }

    #[test]
    fn dates_read_in_full() {
        let d = date(2027, 3, 29);
        assert_eq!(long_date(d), "Monday 29 March 2027");
        assert_eq!(day_and_month(d), "Monday 29 March");
        assert_eq!(short_day(d), "Mon 29 Mar");
        assert_eq!(dob(date(1958, 2, 28)), "28 February 1958");
        // No leading zeros, no ordinals.
        assert_eq!(long_date(date(2027, 1, 1)), "Friday 1 January 2027");
        assert_eq!(short_day(date(2027, 9, 5)), "Sun 5 Sep");
        assert_eq!(dob(date(2000, 2, 29)), "29 February 2000");
    }

    #[test]
    fn every_weekday_and_month_name() {
        // 1 to 7 March 2027 run Monday to Sunday.
        let days: Vec<String> = (1..=7).map(|d| day_and_month(date(2027, 3, d))).collect();
        assert_eq!(
            days,
            [
                "Monday 1 March",
                "Tuesday 2 March",
                "Wednesday 3 March",
                "Thursday 4 March",
                "Friday 5 March",
                "Saturday 6 March",
                "Sunday 7 March"
            ]
        );
        let months: Vec<String> = (1..=12).map(|m| dob(date(2027, m, 15))).collect();
        assert_eq!(months[0], "15 January 2027");
        assert_eq!(months[8], "15 September 2027");
        assert_eq!(months[11], "15 December 2027");
        let short: Vec<String> = (1..=12).map(|m| short_day(date(2027, m, 1))).collect();
        assert_eq!(short[1], "Mon 1 Feb");
        assert_eq!(short[5], "Tue 1 Jun");
        assert_eq!(short[11], "Wed 1 Dec");
    }

    #[test]
    fn times_in_gov_uk_style() {
        assert_eq!(time(t(9, 0)), "9am");
        assert_eq!(time(t(9, 15)), "9:15am");
        assert_eq!(time(t(9, 5)), "9:05am");
        assert_eq!(time(t(11, 59)), "11:59am");
        assert_eq!(time(t(12, 0)), "midday");
        assert_eq!(time(t(12, 30)), "12:30pm");
        assert_eq!(time(t(13, 0)), "1pm");
        assert_eq!(time(t(17, 45)), "5:45pm");
        assert_eq!(time(t(23, 59)), "11:59pm");
        assert_eq!(time(t(0, 0)), "midnight");
        assert_eq!(time(t(0, 30)), "12:30am");
        assert_eq!(time(NaiveTime::from_hms_opt(9, 15, 59).unwrap()), "9:15am");
    }

    #[test]
    fn clinic_wall_clock_is_shown_as_given() {
        let summer: ClinicTime = "2027-03-29T09:15:00+01:00".parse().unwrap();
        assert_eq!(date_time(&summer), "Monday 29 March 2027 at 9:15am");
        // 00:30 BST is 23:30 UTC the day before; the clinic's day and hour are shown.
        let early: ClinicTime = "2027-03-29T00:30:00+01:00".parse().unwrap();
        assert_eq!(date_time(&early), "Monday 29 March 2027 at 12:30am");
        let winter: ClinicTime = "2027-03-26T23:30:00+00:00".parse().unwrap();
        assert_eq!(date_time(&winter), "Friday 26 March 2027 at 11:30pm");
        let noon: ClinicTime = "2027-10-31T12:00:00+00:00".parse().unwrap();
        assert_eq!(date_time(&noon), "Sunday 31 October 2027 at midday");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(0), "0 minutes");
        assert_eq!(duration(1), "1 minute");
        assert_eq!(duration(30), "30 minutes");
        assert_eq!(duration(45), "45 minutes");
        assert_eq!(duration(60), "1 hour");
        assert_eq!(duration(61), "1 hour 1 minute");
        assert_eq!(duration(75), "1 hour 15 minutes");
        assert_eq!(duration(120), "2 hours");
        assert_eq!(duration(150), "2 hours 30 minutes");
        assert_eq!(duration(-5), "0 minutes");
    }

    #[test]
    fn modes() {
        assert_eq!(mode_label(Mode::InPerson), "In person");
        assert_eq!(mode_label(Mode::Telephone), "Telephone call");
        assert_eq!(mode_label(Mode::Video), "Video call");
        assert_eq!(mode_label(Mode::Other), "Appointment type to be confirmed");
        assert_eq!(mode_phrase(Mode::InPerson), "in person");
        assert_eq!(mode_phrase(Mode::Telephone), "by telephone");
        assert_eq!(mode_phrase(Mode::Video), "by video call");
        assert_eq!(mode_phrase(Mode::Other), "type to be confirmed");
    }

    #[test]
    fn slot_labels() {
        let place = "Hinchingbrooke Hospital";
        assert_eq!(
            slot_label(&slot("2027-03-29T09:15:00+01:00", Mode::InPerson), place),
            "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital"
        );
        assert_eq!(
            slot_label(&slot("2027-03-29T14:00:00+01:00", Mode::Telephone), place),
            "Monday 29 March 2027, 2pm, by telephone"
        );
        assert_eq!(
            slot_label(&slot("2027-03-29T12:00:00+01:00", Mode::Video), place),
            "Monday 29 March 2027, midday, by video call"
        );
        assert_eq!(
            slot_label(&slot("2027-03-29T09:15:00+01:00", Mode::Other), place),
            "Monday 29 March 2027, 9:15am, type to be confirmed, Hinchingbrooke Hospital"
        );
        assert_eq!(
            slot_label(&slot("2027-03-29T09:15:00+01:00", Mode::InPerson), " "),
            "Monday 29 March 2027, 9:15am, in person"
        );
    }

    #[test]
    fn nhs_numbers_are_grouped_3_3_4() {
        assert_eq!(nhs_number_spaced("9434765919"), "943 476 5919");
        assert_eq!(nhs_number_spaced("943476591"), "943476591");
        assert_eq!(nhs_number_spaced("943 476 5919"), "943 476 5919");
        assert_eq!(nhs_number_spaced("94347659é"), "94347659é");
        assert_eq!(nhs_number_spaced(""), "");
    }

    #[test]
    fn waits_round_up_to_sensible_units() {
        assert_eq!(wait(0), "in a moment");
        assert_eq!(wait(1), "in 1 second");
        assert_eq!(wait(30), "in 30 seconds");
        assert_eq!(wait(59), "in 59 seconds");
        assert_eq!(wait(60), "in 1 minute");
        assert_eq!(wait(61), "in 2 minutes");
        assert_eq!(wait(120), "in 2 minutes");
        assert_eq!(wait(3540), "in 59 minutes");
        assert_eq!(wait(3541), "in about 1 hour");
        assert_eq!(wait(3599), "in about 1 hour");
        assert_eq!(wait(3600), "in about 1 hour");
        assert_eq!(wait(5399), "in about 1 hour");
        assert_eq!(wait(5400), "in about 2 hours");
        assert_eq!(wait(7200), "in about 2 hours");
        assert_eq!(wait(23 * 3600), "in about 23 hours");
        assert_eq!(wait(24 * 3600), "in about 1 day");
        assert_eq!(wait(3 * 24 * 3600), "in about 3 days");
        assert!(wait(u64::MAX).starts_with("in about "));
    }
}
