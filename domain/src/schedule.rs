//! Browsing open slots. Each slot's time carries the clinic's own UTC offset, so the clinic's
//! calendar day is simply `start.date_naive()`: no time-zone database, nothing converted to the
//! device's zone, and right across clock changes. "Now" is always a parameter.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Timelike, Utc};

use crate::model::{ClinicTime, Slot};

/// The free slots of one clinic day, earliest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
}

/// Groups by clinic-local day, oldest first, slots sorted by start, duplicates (same id) dropped,
/// slots starting at or before `now` dropped.
pub fn slots_by_day(slots: &[Slot], now: DateTime<Utc>) -> Vec<Day> {
    let mut future: Vec<&Slot> = slots.iter().filter(|s| s.start > now).collect();
    future.sort_by(BY_DAY_THEN_START);
    let mut seen = BTreeSet::new();
    let mut days: Vec<Day> = Vec::new();
    for slot in future {
        // Pages can overlap when a slot is added while the patient pages through.
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
}

impl PartOfDay {
    /// The heading over this part's times, in the patient's language.
    pub fn label(self) -> &'static str {
        let [morning, afternoon, evening] = crate::words::times::words().parts_of_day;
        match self {
            PartOfDay::Morning => morning,
            PartOfDay::Afternoon => afternoon,
            PartOfDay::Evening => evening,
        }
    }
}

/// Before midday is morning, before 5pm afternoon, then evening, by the clinic's clock.
pub fn part_of_day(start: &ClinicTime) -> PartOfDay {
    match start.hour() {
        0..=11 => PartOfDay::Morning,
        12..=16 => PartOfDay::Afternoon,
        _ => PartOfDay::Evening,
    }
}

/// Non-empty groups only, in order Morning, Afternoon, Evening. Slots keep their given order.
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

/// Up to `n` free slots nearest in time to `to` (excluding id `exclude`), returned sorted by start.
/// On a tie the earlier slot wins. Offered when the chosen time has just been taken.
pub fn nearest_slots(slots: &[Slot], to: &ClinicTime, exclude: &str, n: usize) -> Vec<Slot> {
    let mut seen = BTreeSet::new();
    let mut candidates: Vec<&Slot> = slots
        .iter()
        .filter(|s| s.id != exclude && seen.insert(s.id.as_str()))
        .collect();
    // The n nearest by picking the nearest n times (n is a handful): no sort of its own.
    let distance = |s: &Slot| ((s.start - *to).num_seconds().abs(), s.start);
    let mut nearest: Vec<&Slot> = Vec::with_capacity(n);
    while nearest.len() < n {
        let Some(i) = (0..candidates.len()).min_by_key(|&i| distance(candidates[i])) else {
            break;
        };
        nearest.push(candidates.swap_remove(i));
    }
    nearest.sort_by(BY_DAY_THEN_START);
    nearest.into_iter().cloned().collect()
}

/// Day first, so that a day's slots stay together even if offsets in a list disagree; then
/// start and id. A function pointer, so that every sort of slots is one copy of the sort code
/// (each distinct comparator is its own ~3 KB instantiation).
const BY_DAY_THEN_START: fn(&&Slot, &&Slot) -> std::cmp::Ordering =
    |a, b| (a.start.date_naive(), a.start, &a.id).cmp(&(b.start.date_naive(), b.start, &b.id));

/// The API takes at most 31 days a query: consecutive (from, to) ranges with to - from <= 30 days
/// that cover from..=until exactly. Empty when `until` is before `from`.
pub fn search_windows(from: NaiveDate, until: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= until {
        let end = start
            .checked_add_signed(Duration::days(30))
            .map_or(until, |e| e.min(until));
        windows.push((start, end));
        match end.succ_opt() {
            Some(next) => start = next,
            None => break,
        }
    }
    windows
}

/// True when the device's UTC offset (minutes east, at the same instant) differs from the clinic's.
/// JavaScript's `getTimezoneOffset()` is minutes *west*: pass its negation.
pub fn zone_differs(clinic: FixedOffset, device_minutes_east: i32) -> bool {
    i64::from(clinic.local_minus_utc()) != i64::from(device_minutes_east) * 60
}

/// Keeps slots whose clinic-local date is within from..=until (for SMS invites with a booking window).
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

    fn ids(slots: &[Slot]) -> Vec<&str> {
        slots.iter().map(|s| s.id.as_str()).collect()
    }

    fn dates(days: &[Day]) -> Vec<NaiveDate> {
        days.iter().map(|d| d.date).collect()
    }

    #[test]
    fn groups_by_clinic_day_across_the_spring_clock_change() {
        // Europe/London: clocks go forward at 01:00 UTC on Sunday 28 March 2027.
        let slots = vec![
            // 28 March 23:30 UTC, but Monday 29 March at the clinic.
            slot("mon-0030", "2027-03-29T00:30:00+01:00"),
            slot("fri-1730", "2027-03-26T17:30:00+00:00"),
            slot("mon-0915", "2027-03-29T09:15:00+01:00"),
            slot("fri-0900", "2027-03-26T09:00:00+00:00"),
            // Friday 23:30 at the clinic is still Friday in UTC in winter.
            slot("fri-2330", "2027-03-26T23:30:00+00:00"),
            // A duplicate from an overlapping second page.
            slot("mon-0915", "2027-03-29T09:15:00+01:00"),
            // Sunday 02:30 BST is 01:30 UTC, after the change.
            slot("sun-0230", "2027-03-28T02:30:00+01:00"),
        ];
        let days = slots_by_day(&slots, utc("2027-03-20T00:00:00Z"));
        assert_eq!(
            dates(&days),
            [date(2027, 3, 26), date(2027, 3, 28), date(2027, 3, 29)]
        );
        assert_eq!(ids(&days[0].slots), ["fri-0900", "fri-1730", "fri-2330"]);
        assert_eq!(ids(&days[1].slots), ["sun-0230"]);
        assert_eq!(ids(&days[2].slots), ["mon-0030", "mon-0915"]);
        // The UTC date of the first Monday slot is Sunday; it is not moved there.
        assert_eq!(days[2].slots[0].start.naive_utc().date(), date(2027, 3, 28));
        // Wall-clock hours stay the clinic's on both sides of the change.
        assert_eq!(days[0].slots[0].start.hour(), 9);
        assert_eq!(days[2].slots[1].start.hour(), 9);
    }

    #[test]
    fn groups_by_clinic_day_across_the_autumn_clock_change() {
        // Europe/London: clocks go back at 01:00 UTC on Sunday 31 October 2027, so 01:00–02:00
        // happens twice that morning.
        let slots = vec![
            slot("mon-0800", "2027-11-01T08:00:00+00:00"),
            // Friday 23:30 BST is Friday 22:30 UTC.
            slot("fri-2330", "2027-10-29T23:30:00+01:00"),
            // Sunday 00:30 BST is Saturday 23:30 UTC, but Sunday at the clinic.
            slot("sun-0030", "2027-10-31T00:30:00+01:00"),
            // The second 01:15 (GMT) comes after the first 01:30 (BST): sorted by instant.
            slot("sun-0115-gmt", "2027-10-31T01:15:00+00:00"),
            slot("sun-0130-bst", "2027-10-31T01:30:00+01:00"),
            // Sunday 23:30 GMT is Sunday in UTC too, and stays on Sunday.
            slot("sun-2330", "2027-10-31T23:30:00+00:00"),
        ];
        let days = slots_by_day(&slots, utc("2027-10-01T00:00:00Z"));
        assert_eq!(
            dates(&days),
            [date(2027, 10, 29), date(2027, 10, 31), date(2027, 11, 1)]
        );
        assert_eq!(
            ids(&days[1].slots),
            ["sun-0030", "sun-0130-bst", "sun-0115-gmt", "sun-2330"]
        );
        assert_eq!(
            days[1].slots[0].start.naive_utc().date(),
            date(2027, 10, 30)
        );
        assert_eq!(part_of_day(&days[0].slots[0].start), PartOfDay::Evening);
    }

    #[test]
    fn a_late_slot_is_never_moved_to_the_next_day_by_a_device_zone() {
        // At 23:30+00:00 a device in Paris (+01:00) would read 00:30 on 5 January. Nothing here
        // converts to another zone, so the slot stays on Monday 4 January at 11:30pm.
        let late = slot("late", "2027-01-04T23:30:00+00:00");
        let days = slots_by_day(std::slice::from_ref(&late), utc("2027-01-01T00:00:00Z"));
        assert_eq!(dates(&days), [date(2027, 1, 4)]);
        assert_eq!(days[0].slots[0].start.hour(), 23);
        assert_eq!(part_of_day(&days[0].slots[0].start), PartOfDay::Evening);
        let paris = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            late.start.with_timezone(&paris).date_naive(),
            date(2027, 1, 5)
        );
        assert!(zone_differs(*late.start.offset(), 60));
        assert_eq!(
            within_window(&[late], date(2027, 1, 4), date(2027, 1, 4)).len(),
            1
        );
    }

    #[test]
    fn slots_at_or_before_now_are_dropped() {
        let slots = vec![
            slot("past", "2027-03-29T08:00:00+01:00"),
            slot("now", "2027-03-29T09:00:00+01:00"),
            slot("next", "2027-03-29T09:45:00+01:00"),
        ];
        // 08:00 UTC is 09:00 at the clinic.
        let days = slots_by_day(&slots, utc("2027-03-29T08:00:00Z"));
        assert_eq!(days.len(), 1);
        assert_eq!(ids(&days[0].slots), ["next"]);
        assert!(slots_by_day(&slots, utc("2027-03-29T09:00:00Z")).is_empty());
        assert!(slots_by_day(&[], utc("2027-03-29T09:00:00Z")).is_empty());
    }

    #[test]
    fn duplicates_are_dropped_and_same_time_slots_kept_in_id_order() {
        let slots = vec![
            slot("b", "2027-03-29T09:00:00+01:00"),
            slot("a", "2027-03-29T09:00:00+01:00"),
            slot("b", "2027-03-29T09:00:00+01:00"),
            slot("a", "2027-03-29T09:00:00+01:00"),
        ];
        let days = slots_by_day(&slots, utc("2027-03-01T00:00:00Z"));
        assert_eq!(ids(&days[0].slots), ["a", "b"]);
    }

    #[test]
    fn parts_of_the_day() {
        let slots = vec![
            slot("a", "2027-03-29T00:00:00+01:00"),
            slot("b", "2027-03-29T11:59:00+01:00"),
            slot("c", "2027-03-29T12:00:00+01:00"),
            slot("d", "2027-03-29T16:59:00+01:00"),
            slot("e", "2027-03-29T17:00:00+01:00"),
            slot("f", "2027-03-29T23:59:00+01:00"),
        ];
        let groups = by_part_of_day(&slots);
        let shape: Vec<(PartOfDay, Vec<&str>)> = groups.iter().map(|(p, s)| (*p, ids(s))).collect();
        assert_eq!(
            shape,
            [
                (PartOfDay::Morning, vec!["a", "b"]),
                (PartOfDay::Afternoon, vec!["c", "d"]),
                (PartOfDay::Evening, vec!["e", "f"])
            ]
        );
        // Empty groups are left out, and the order is always morning to evening.
        let afternoon_and_morning = [slots[2].clone(), slots[0].clone()];
        let parts: Vec<PartOfDay> = by_part_of_day(&afternoon_and_morning)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(parts, [PartOfDay::Morning, PartOfDay::Afternoon]);
        assert!(by_part_of_day(&[]).is_empty());
        assert_eq!(PartOfDay::Morning.label(), "Morning");
        assert_eq!(PartOfDay::Afternoon.label(), "Afternoon");
        assert_eq!(PartOfDay::Evening.label(), "Evening");
    }

    #[test]
    fn part_of_day_uses_the_clinic_clock_not_utc() {
        // 11:30 BST is 10:30 UTC; 12:30 BST is 11:30 UTC but afternoon at the clinic.
        let t: ClinicTime = "2027-06-01T12:30:00+01:00".parse().unwrap();
        assert_eq!(part_of_day(&t), PartOfDay::Afternoon);
        let t: ClinicTime = "2027-06-01T17:00:00+01:00".parse().unwrap();
        assert_eq!(part_of_day(&t), PartOfDay::Evening);
    }

    #[test]
    fn nearest_times_to_a_taken_one() {
        let slots = vec![
            slot("taken", "2027-03-29T10:00:00+01:00"),
            slot("far", "2027-04-20T10:00:00+01:00"),
            slot("before", "2027-03-29T09:15:00+01:00"),
            slot("after", "2027-03-29T10:45:00+01:00"),
            slot("after", "2027-03-29T10:45:00+01:00"),
            slot("next-day", "2027-03-30T10:00:00+01:00"),
        ];
        let to: ClinicTime = "2027-03-29T10:00:00+01:00".parse().unwrap();
        assert_eq!(
            ids(&nearest_slots(&slots, &to, "taken", 3)),
            ["before", "after", "next-day"]
        );
        // A tie goes to the earlier slot.
        assert_eq!(ids(&nearest_slots(&slots, &to, "taken", 1)), ["before"]);
        assert_eq!(nearest_slots(&slots, &to, "taken", 10).len(), 4);
        assert!(nearest_slots(&slots, &to, "taken", 0).is_empty());
        assert!(nearest_slots(&[], &to, "taken", 3).is_empty());
        // Distance is between instants, whatever offsets the slots carry.
        let mixed = vec![
            slot("gmt", "2027-03-27T10:00:00+00:00"),
            slot("bst", "2027-03-29T10:00:00+01:00"),
        ];
        let to: ClinicTime = "2027-03-28T10:00:00+01:00".parse().unwrap();
        assert_eq!(ids(&nearest_slots(&mixed, &to, "", 1)), ["gmt"]);
    }

    #[test]
    fn search_windows_cover_the_range_in_31_day_pieces() {
        let w = search_windows(date(2026, 11, 23), date(2027, 2, 15));
        assert_eq!(
            w,
            [
                (date(2026, 11, 23), date(2026, 12, 23)),
                (date(2026, 12, 24), date(2027, 1, 23)),
                (date(2027, 1, 24), date(2027, 2, 15)),
            ]
        );
        // An invite's six-month window: no gaps, no overlaps, no piece over 31 days.
        let w = search_windows(date(2027, 3, 1), date(2027, 9, 1));
        assert_eq!(w.first().unwrap().0, date(2027, 3, 1));
        assert_eq!(w.last().unwrap().1, date(2027, 9, 1));
        for pair in w.windows(2) {
            assert_eq!(pair[0].1 + Duration::days(1), pair[1].0);
        }
        assert!(w.iter().all(|(a, b)| a <= b && (*b - *a).num_days() <= 30));
        assert_eq!(
            search_windows(date(2027, 1, 1), date(2027, 1, 31)),
            [(date(2027, 1, 1), date(2027, 1, 31))]
        );
        assert_eq!(
            search_windows(date(2027, 1, 1), date(2027, 2, 1)),
            [
                (date(2027, 1, 1), date(2027, 1, 31)),
                (date(2027, 2, 1), date(2027, 2, 1))
            ]
        );
        assert_eq!(
            search_windows(date(2027, 1, 1), date(2027, 1, 1)),
            [(date(2027, 1, 1), date(2027, 1, 1))]
        );
        assert!(search_windows(date(2027, 1, 2), date(2027, 1, 1)).is_empty());
        // Ends at the last date chrono knows without looping forever.
        let last = NaiveDate::MAX;
        assert_eq!(search_windows(last, last), [(last, last)]);
    }

    #[test]
    fn device_zone_comparison() {
        let bst = FixedOffset::east_opt(3600).unwrap();
        let gmt = FixedOffset::east_opt(0).unwrap();
        assert!(!zone_differs(bst, 60));
        assert!(zone_differs(bst, 0));
        assert!(!zone_differs(gmt, 0));
        assert!(zone_differs(gmt, -300)); // New York in winter
        assert!(zone_differs(gmt, 330)); // India
        assert!(zone_differs(gmt, i32::MAX));
    }

    #[test]
    fn invite_window_keeps_clinic_days_inside_it() {
        let slots = vec![
            slot("before", "2027-02-28T23:30:00+00:00"),
            // 1 March 00:15 GMT; would be 28 February on a device west of London.
            slot("first", "2027-03-01T00:15:00+00:00"),
            slot("last", "2027-09-01T23:45:00+01:00"),
            // 2 September 00:15 BST is 1 September 23:15 UTC, but outside the window.
            slot("after", "2027-09-02T00:15:00+01:00"),
        ];
        assert_eq!(
            ids(&within_window(&slots, date(2027, 3, 1), date(2027, 9, 1))),
            ["first", "last"]
        );
        assert!(within_window(&slots, date(2027, 9, 1), date(2027, 3, 1)).is_empty());
    }
}
