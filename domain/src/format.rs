//! Dates, times and durations in plain English (GOV.UK style: "Monday 29 March 2027",
//! "9:15am", "midday"). Month and day names are spelled here rather than through chrono's
//! formatter: it keeps the wasm smaller and the wording ours.

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

/// "Mon 29 Mar"
pub fn short_day(d: NaiveDate) -> String {
    format!("{} {} {}", &weekday(d)[..3], d.day(), &month(d)[..3])
}

/// "28 February 1958"
pub fn dob(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month(d), d.year())
}

/// "9am", "9:15am", "midday", "12:30pm", "5:45pm", "midnight"
pub fn time(t: NaiveTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    match (h, m) {
        (0, 0) => "midnight".into(),
        (12, 0) => "midday".into(),
        _ => {
            let suffix = if h < 12 { "am" } else { "pm" };
            let h12 = match h % 12 {
                0 => 12,
                h => h,
            };
            if m == 0 {
                format!("{h12}{suffix}")
            } else {
                format!("{h12}:{m:02}{suffix}")
            }
        }
    }
}

/// "Monday 29 March 2027 at 9:15am", as the clinic's clock shows it.
pub fn date_time(at: &ClinicTime) -> String {
    format!("{} at {}", long_date(at.date_naive()), time(at.time()))
}

/// "30 minutes", "1 hour", "1 hour 15 minutes", "2 hours"
pub fn duration(minutes: i64) -> String {
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}

pub fn mode_label(m: Mode) -> &'static str {
    match m {
        Mode::InPerson => "In person",
        Mode::Telephone => "Telephone call",
        Mode::Video => "Video call",
        Mode::Other => "Appointment type to be confirmed",
    }
}

/// For sentences: "in person", "by telephone", "by video call".
pub fn mode_phrase(m: Mode) -> &'static str {
    match m {
        Mode::InPerson => "in person",
        Mode::Telephone => "by telephone",
        Mode::Video => "by video call",
        Mode::Other => "type to be confirmed",
    }
}

/// "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital"
pub fn slot_label(slot: &Slot, locality_name: &str) -> String {
    format!(
        "{}, {}, {}, {}",
        long_date(slot.start.date_naive()),
        time(slot.start.time()),
        mode_phrase(slot.mode),
        locality_name
    )
}

/// "943 476 5919"
pub fn nhs_number_spaced(digits: &str) -> String {
    if digits.len() == 10 && digits.is_ascii() {
        format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..])
    } else {
        digits.to_string()
    }
}

/// "in 30 seconds", "in 1 minute", "in 2 minutes", "in about 1 hour"
pub fn wait(seconds: u64) -> String {
    match seconds {
        0..=1 => "in a moment".into(),
        2..=59 => format!("in {seconds} seconds"),
        60..=3599 => {
            let minutes = seconds.div_ceil(60);
            if minutes == 1 {
                "in 1 minute".into()
            } else {
                format!("in {minutes} minutes")
            }
        }
        _ => {
            let hours = seconds.div_ceil(3600);
            if hours == 1 {
                "in about 1 hour".into()
            } else {
                format!("in about {hours} hours")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn dates_read_in_full() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 29).unwrap();
        assert_eq!(long_date(d), "Monday 29 March 2027");
        assert_eq!(day_and_month(d), "Monday 29 March");
        assert_eq!(short_day(d), "Mon 29 Mar");
        assert_eq!(
            dob(NaiveDate::from_ymd_opt(1958, 2, 28).unwrap()),
            "28 February 1958"
        );
    }

    #[test]
    fn times_in_gov_uk_style() {
        assert_eq!(time(t(9, 0)), "9am");
        assert_eq!(time(t(9, 15)), "9:15am");
        assert_eq!(time(t(12, 0)), "midday");
        assert_eq!(time(t(12, 30)), "12:30pm");
        assert_eq!(time(t(17, 45)), "5:45pm");
        assert_eq!(time(t(0, 0)), "midnight");
        assert_eq!(time(t(0, 30)), "12:30am");
    }

    #[test]
    fn clinic_wall_clock_is_shown_as_given() {
        let summer: ClinicTime = "2027-03-29T09:15:00+01:00".parse().unwrap();
        assert_eq!(date_time(&summer), "Monday 29 March 2027 at 9:15am");
        let winter: ClinicTime = "2027-03-26T23:30:00+00:00".parse().unwrap();
        assert_eq!(date_time(&winter), "Friday 26 March 2027 at 11:30pm");
    }

    #[test]
    fn durations_waits_and_labels() {
        assert_eq!(duration(30), "30 minutes");
        assert_eq!(duration(1), "1 minute");
        assert_eq!(duration(60), "1 hour");
        assert_eq!(duration(75), "1 hour 15 minutes");
        assert_eq!(duration(120), "2 hours");
        assert_eq!(wait(5), "in 5 seconds");
        assert_eq!(wait(60), "in 1 minute");
        assert_eq!(wait(61), "in 2 minutes");
        assert_eq!(wait(3600), "in about 1 hour");
        assert_eq!(wait(7200), "in about 2 hours");
        assert_eq!(nhs_number_spaced("9434765919"), "943 476 5919");
        let start: ClinicTime = "2027-03-29T09:15:00+01:00".parse().unwrap();
        let slot = Slot {
            id: "s".into(),
            start,
            end: start,
            locality: String::new(),
            band: String::new(),
            mode: Mode::InPerson,
            clinician: String::new(),
        };
        assert_eq!(
            slot_label(&slot, "Hinchingbrooke Hospital"),
            "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital"
        );
        assert_eq!(mode_label(Mode::Other), "Appointment type to be confirmed");
    }
}
