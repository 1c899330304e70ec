//! Dates, times and durations in plain words (GOV.UK style: "Monday 29 March 2027", "9:15am",
//! "midday"; in Welsh "Dydd Llun 29 Mawrth 2027", "9:15yb", "canol dydd"). Day and month names
//! are spelled here rather than through chrono's formatter: it keeps the wasm smaller and the
//! wording ours. Times are the clinic's wall clock as the API gave them; nothing is converted
//! to the device's zone.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::lang::fill;
use crate::model::{ClinicTime, Mode, Slot};

use crate::words::format::words;

fn weekday(d: NaiveDate) -> &'static str {
    words().days[d.weekday().num_days_from_monday() as usize]
}

fn month(d: NaiveDate) -> &'static str {
    words().months[d.month0() as usize]
}

/// "Monday 29 March 2027"
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {} {}", weekday(d), d.day(), month(d), d.year())
}

/// "Monday 29 March"
pub fn day_and_month(d: NaiveDate) -> String {
    format!("{} {} {}", weekday(d), d.day(), month(d))
}

/// "Mon 29 Mar", for tabs and narrow columns.
pub fn short_day(d: NaiveDate) -> String {
    let w = words();
    format!(
        "{} {} {}",
        w.short_days[d.weekday().num_days_from_monday() as usize],
        d.day(),
        w.short_months[d.month0() as usize]
    )
}

/// "28 February 1958" (no weekday: nobody thinks of their birthday that way).
pub fn dob(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month(d), d.year())
}

/// "9am", "9:15am", "midday", "12:30pm", "5:45pm", "midnight", "12:30am". Seconds are ignored.
pub fn time(t: NaiveTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    let w = words();
    match (h, m) {
        (0, 0) => w.midnight.into(),
        (12, 0) => w.midday.into(),
        _ => {
            let suffix = if h < 12 { w.am } else { w.pm };
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
    fill(
        words().date_time,
        &[
            ("date", &long_date(at.date_naive())),
            ("time", &time(at.time())),
        ],
    )
}

/// How long a time stays held, in the clinic's time: "until 10:15am today", "until 9am
/// tomorrow", "until 10:15am on Friday 20 March".
pub fn held_until(held: &ClinicTime, now: chrono::DateTime<chrono::Utc>) -> String {
    let day = held.date_naive();
    let today = now.with_timezone(held.offset()).date_naive();
    let w = words();
    let when = if day == today {
        w.today.to_string()
    } else if Some(day) == today.succ_opt() {
        w.tomorrow.to_string()
    } else {
        fill(w.on_day, &[("day", &day_and_month(day))])
    };
    fill(
        w.held_until,
        &[("time", &time(held.time())), ("when", &when)],
    )
}

/// "1 time", "12 times": how many times a day has.
pub fn count_times(n: usize) -> String {
    words().times.of(n as u64)
}

/// "30 minutes", "1 hour", "1 hour 15 minutes", "2 hours". Negative lengths read as 0 minutes.
pub fn duration(minutes: i64) -> String {
    let minutes = minutes.max(0) as u64;
    let w = words();
    match (minutes / 60, minutes % 60) {
        (0, m) => w.minutes.of(m),
        (h, 0) => w.hours.of(h),
        (h, m) => fill(
            w.hours_and_minutes,
            &[("hours", &w.hours.of(h)), ("minutes", &w.minutes.of(m))],
        ),
    }
}

/// The appointment type as a label ("Type of appointment: In person").
pub fn mode_label(m: Mode) -> &'static str {
    words().mode_labels[mode_index(m)]
}

fn mode_index(m: Mode) -> usize {
    match m {
        Mode::InPerson => 0,
        Mode::Telephone => 1,
        Mode::Video => 2,
        Mode::Other => 3,
    }
}

/// The appointment type inside a sentence: "in person", "by telephone", "by video call".
pub fn mode_phrase(m: Mode) -> &'static str {
    words().mode_phrases[mode_index(m)]
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
    let w = words();
    let (template, wait) = match seconds {
        0 => return w.wait_moment.into(),
        1..=59 => (w.wait_in, w.seconds.of(seconds)),
        // Up to 59 whole minutes; 3541 seconds and more read better as "about 1 hour".
        60..=3540 => (w.wait_in, w.minutes.of(seconds.div_ceil(60))),
        _ if seconds < DAY - HOUR / 2 => (w.wait_about, w.hours.of((seconds + HOUR / 2) / HOUR)),
        _ => {
            let days = (seconds.saturating_add(DAY / 2) / DAY).max(1);
            (w.wait_about, w.days_count.of(days))
        }
    };
    fill(template, &[("wait", &wait)])
}

#[cfg(test)]
mod tests {
    #[test]
    fn welsh_dates_and_times() {
        use crate::lang::compare;
        use crate::words::testing::in_welsh;
        // Names spelled alike in both, and templates whose order both languages share.
        compare(
            &crate::words::format::en().each(),
            &crate::words::format::cy().each(),
            &["short_months", "hours_and_minutes"],
        );
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        in_welsh(|| {
            assert_eq!(day_and_month(d), "Dydd Llun 30 Tachwedd");
            assert_eq!(long_date(d), "Dydd Llun 30 Tachwedd 2026");
            assert_eq!(short_day(d), "Llun 30 Tach");
            assert_eq!(dob(d), "30 Tachwedd 2026");
            assert_eq!(time(at(10, 30)), "10:30yb");
            assert_eq!(time(at(14, 0)), "2yp");
            assert_eq!(time(at(12, 0)), "canol dydd");
            let clinic: ClinicTime = "2026-11-30T10:30:00+00:00".parse().unwrap();
            assert_eq!(date_time(&clinic), "Dydd Llun 30 Tachwedd 2026 am 10:30yb");
            assert_eq!(count_times(0), "dim amseroedd");
            assert_eq!(count_times(3), "3 amser");
            assert_eq!(duration(75), "1 awr 15 munud");
            assert_eq!(duration(2), "2 funud");
            assert_eq!(wait(90), "mewn 2 funud");
            assert_eq!(mode_label(Mode::Telephone), "Galwad ffôn");
        });
        // And back in English afterwards.
        assert_eq!(time(at(10, 30)), "10:30am");
    }

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
