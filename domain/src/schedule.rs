//! Browsing open slots. Each slot's time carries the clinic's own UTC offset, so the clinic's
//! calendar day is simply `start.date_naive()`: no time-zone database, and correct across
//! clock changes whatever zone the device is in. "Now" is always a parameter.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Timelike, Utc};

use crate::model::{ClinicTime, Slot};

/// The free slots of one clinic day, earliest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
}

/// Groups by clinic-local day, oldest first; drops duplicates and slots that have started.
pub fn slots_by_day(slots: &[Slot], now: DateTime<Utc>) -> Vec<Day> {
    let mut future: Vec<&Slot> = slots.iter().filter(|s| s.start > now).collect();
    future.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    let mut seen = std::collections::BTreeSet::new();
    let mut days: Vec<Day> = Vec::new();
    for slot in future {
        if !seen.insert(slot.id.as_str()) {
            continue;
        }
        let date = slot.start.date_naive();
        match days.last_mut() {
            Some(day) if day.date == date => day.slots.push(slot.clone()),
            _ => days.push(Day {
                date,
                slots: vec![slot.clone()],
            }),
        }
    }
    days
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
}

impl PartOfDay {
    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Morning => "Morning",
            PartOfDay::Afternoon => "Afternoon",
            PartOfDay::Evening => "Evening",
        }
    }
}

/// Before 12 is morning, before 5pm afternoon, then evening (clinic wall clock).
pub fn part_of_day(start: &ClinicTime) -> PartOfDay {
    match start.hour() {
        0..=11 => PartOfDay::Morning,
        12..=16 => PartOfDay::Afternoon,
        _ => PartOfDay::Evening,
    }
}

/// Non-empty groups only, in order morning, afternoon, evening.
pub fn by_part_of_day(slots: &[Slot]) -> Vec<(PartOfDay, Vec<Slot>)> {
    [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening]
        .into_iter()
        .map(|part| {
            let group: Vec<Slot> = slots
                .iter()
                .filter(|s| part_of_day(&s.start) == part)
                .cloned()
                .collect();
            (part, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

/// Up to `n` slots nearest in time to `to` (not `exclude`), returned earliest first.
pub fn nearest_slots(slots: &[Slot], to: &ClinicTime, exclude: &str, n: usize) -> Vec<Slot> {
    let mut by_distance: Vec<&Slot> = slots.iter().filter(|s| s.id != exclude).collect();
    by_distance.sort_by_key(|s| ((s.start - *to).num_seconds().abs(), s.start));
    let mut nearest: Vec<Slot> = by_distance.into_iter().take(n).cloned().collect();
    nearest.sort_by_key(|s| s.start);
    nearest
}

/// The API answers at most 31 days a query: consecutive ranges that cover `from..=until`.
pub fn search_windows(from: NaiveDate, until: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= until {
        let end = (start + Duration::days(30)).min(until);
        windows.push((start, end));
        start = end + Duration::days(1);
    }
    windows
}

/// True when the device's UTC offset (minutes east, at the same instant) is not the clinic's.
pub fn zone_differs(clinic: FixedOffset, device_minutes_east: i32) -> bool {
    clinic.local_minus_utc() != device_minutes_east * 60
}

/// Slots whose clinic day is within `from..=until` (an SMS invite's booking window).
pub fn within_window(slots: &[Slot], from: NaiveDate, until: NaiveDate) -> Vec<Slot> {
    slots
        .iter()
        .filter(|s| (from..=until).contains(&s.start.date_naive()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mode;

    fn slot(id: &str, start: &str) -> Slot {
        let start: ClinicTime = start.parse().unwrap();
        Slot {
            id: id.into(),
            start,
            end: start + Duration::minutes(45),
            locality: "hinchingbrooke".into(),
            band: "band-6".into(),
            mode: Mode::InPerson,
            clinician: String::new(),
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn groups_by_clinic_day_across_the_spring_clock_change() {
        // Clocks go forward at 01:00 UTC on Sunday 28 March 2027.
        let slots = vec![
            slot("mon-early", "2027-03-29T00:30:00+01:00"), // 28 March 23:30 UTC, but Monday at the clinic
            slot("fri-late", "2027-03-26T17:30:00+00:00"),
            slot("mon-915", "2027-03-29T09:15:00+01:00"),
            slot("fri-9", "2027-03-26T09:00:00+00:00"),
            slot("mon-915", "2027-03-29T09:15:00+01:00"), // a duplicate from a second page
        ];
        let days = slots_by_day(&slots, utc("2027-03-20T00:00:00Z"));
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].date, date(2027, 3, 26));
        assert_eq!(
            days[0]
                .slots
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["fri-9", "fri-late"]
        );
        assert_eq!(days[1].date, date(2027, 3, 29));
        assert_eq!(
            days[1]
                .slots
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["mon-early", "mon-915"]
        );
        // Wall-clock hours stay the clinic's on both sides of the change.
        assert_eq!(days[0].slots[0].start.hour(), 9);
        assert_eq!(days[1].slots[1].start.hour(), 9);
    }

    #[test]
    fn groups_by_clinic_day_across_the_autumn_clock_change() {
        // Clocks go back at 01:00 UTC on Sunday 31 October 2027.
        let slots = vec![
            slot("fri", "2027-10-29T23:30:00+01:00"),
            slot("mon", "2027-11-01T08:00:00+00:00"),
        ];
        let days = slots_by_day(&slots, utc("2027-10-01T00:00:00Z"));
        assert_eq!(
            days.iter().map(|d| d.date).collect::<Vec<_>>(),
            [date(2027, 10, 29), date(2027, 11, 1)]
        );
        assert_eq!(part_of_day(&days[0].slots[0].start), PartOfDay::Evening);
    }

    #[test]
    fn a_late_winter_slot_stays_on_its_clinic_day() {
        let days = slots_by_day(
            &[slot("late", "2027-01-04T23:30:00+00:00")],
            utc("2027-01-01T00:00:00Z"),
        );
        assert_eq!(days[0].date, date(2027, 1, 4));
    }

    #[test]
    fn slots_that_have_started_are_dropped() {
        let slots = vec![
            slot("past", "2027-03-29T09:00:00+01:00"),
            slot("next", "2027-03-29T09:45:00+01:00"),
        ];
        let days = slots_by_day(&slots, utc("2027-03-29T08:00:00Z"));
        assert_eq!(days[0].slots.len(), 1);
        assert_eq!(days[0].slots[0].id, "next");
    }

    #[test]
    fn parts_of_the_day() {
        let slots = vec![
            slot("a", "2027-03-29T08:00:00+01:00"),
            slot("b", "2027-03-29T11:59:00+01:00"),
            slot("c", "2027-03-29T12:00:00+01:00"),
            slot("d", "2027-03-29T16:59:00+01:00"),
            slot("e", "2027-03-29T17:00:00+01:00"),
        ];
        let groups = by_part_of_day(&slots);
        let shape: Vec<(PartOfDay, usize)> = groups.iter().map(|(p, s)| (*p, s.len())).collect();
        assert_eq!(
            shape,
            [
                (PartOfDay::Morning, 2),
                (PartOfDay::Afternoon, 2),
                (PartOfDay::Evening, 1)
            ]
        );
        assert_eq!(by_part_of_day(&slots[2..4]).len(), 1);
        assert_eq!(PartOfDay::Evening.label(), "Evening");
    }

    #[test]
    fn nearest_times_to_a_taken_one() {
        let slots = vec![
            slot("taken", "2027-03-29T10:00:00+01:00"),
            slot("far", "2027-04-20T10:00:00+01:00"),
            slot("before", "2027-03-29T09:15:00+01:00"),
            slot("after", "2027-03-29T10:45:00+01:00"),
            slot("next-day", "2027-03-30T10:00:00+01:00"),
        ];
        let to: ClinicTime = "2027-03-29T10:00:00+01:00".parse().unwrap();
        let ids: Vec<String> = nearest_slots(&slots, &to, "taken", 3)
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["before", "after", "next-day"]);
        assert!(nearest_slots(&[], &to, "taken", 3).is_empty());
    }

    #[test]
    fn search_windows_cover_the_range_in_31_day_pieces() {
        let w = search_windows(date(2026, 11, 23), date(2027, 2, 15));
        assert_eq!(w[0], (date(2026, 11, 23), date(2026, 12, 23)));
        assert_eq!(w[1].0, date(2026, 12, 24));
        assert_eq!(w.last().unwrap().1, date(2027, 2, 15));
        for pair in w.windows(2) {
            assert_eq!(pair[0].1 + Duration::days(1), pair[1].0);
        }
        assert!(w.iter().all(|(a, b)| (*b - *a).num_days() <= 30 && a <= b));
        assert_eq!(
            search_windows(date(2027, 1, 1), date(2027, 1, 1)),
            [(date(2027, 1, 1), date(2027, 1, 1))]
        );
        assert!(search_windows(date(2027, 1, 2), date(2027, 1, 1)).is_empty());
    }

    #[test]
    fn device_zone_comparison() {
        let bst = FixedOffset::east_opt(3600).unwrap();
        assert!(!zone_differs(bst, 60));
        assert!(zone_differs(bst, 0));
        assert!(zone_differs(FixedOffset::east_opt(0).unwrap(), -300));
    }

    #[test]
    fn invite_window_keeps_clinic_days_inside_it() {
        let slots = vec![
            slot("before", "2027-02-28T23:30:00+00:00"),
            slot("first", "2027-03-01T08:00:00+00:00"),
            slot("last", "2027-09-01T18:00:00+01:00"),
            slot("after", "2027-09-02T00:15:00+01:00"),
        ];
        let ids: Vec<String> = within_window(&slots, date(2027, 3, 1), date(2027, 9, 1))
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["first", "last"]);
    }
}
