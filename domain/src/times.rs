//! What each time of a day shows in the picker: its words, worked out once per day change.

use crate::format;
use crate::model::{Mode, Slot};
use crate::schedule::{by_part_of_day, Day, PartOfDay};

/// The parts of the day, in the order they are shown.
pub const PARTS: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening];

/// One time as a radio.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeRow {
    pub slot: String,
    /// The input's id: `slot` for the first time of the day (the error summary links to it).
    pub input: String,
    /// The accessible name: "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke
    /// Hospital, 45 minutes" ([`format::slot_label`] and the length).
    pub name: String,
    pub time: String,
    pub mode: &'static str,
    /// The mode as a CSS hook (`data-mode`) for the tag's colour.
    pub mode_class: &'static str,
    pub length: String,
}

fn mode_class(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "in-person",
        Mode::Telephone => "telephone",
        Mode::Video => "video",
        Mode::Other => "other",
    }
}

fn row(slot: &Slot, index: usize, locality: &str) -> TimeRow {
    let length = format::duration(slot.minutes());
    TimeRow {
        slot: slot.id.to_string(),
        input: if index == 1 {
            "slot".into()
        } else {
            format!("slot-{index}")
        },
        name: format!("{}, {length}", format::slot_label(slot, locality)),
        time: format::time(slot.start.time()),
        mode: format::mode_label(slot.mode),
        mode_class: mode_class(slot.mode),
        length,
    }
}

/// The day's times by part of the day (morning, afternoon, evening; each possibly empty).
pub fn time_rows(day: &Day, locality: &str) -> [Vec<TimeRow>; 3] {
    let mut rows: [Vec<TimeRow>; 3] = Default::default();
    let mut index = 0;
    for (part, slots) in by_part_of_day(&day.slots) {
        let k = PARTS.iter().position(|p| *p == part).unwrap_or(0);
        for slot in &slots {
            index += 1;
            rows[k].push(row(slot, index, locality));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_parts_of_the_day() {
        use crate::lang::compare;
        use crate::words::testing::in_welsh;
        use crate::words::times::{cy, en};
        compare(&en().each(), &cy().each(), &[]);
        let day = Day {
            date: "2027-03-29".parse().unwrap(),
            slots: vec![slot("a", "2027-03-29T09:15:00+01:00", 45, Mode::Video)],
        };
        in_welsh(|| {
            let labels: Vec<&str> = PARTS.iter().map(|p| p.label()).collect();
            assert_eq!(labels, ["Bore", "Prynhawn", "Gyda'r nos"]);
            let [morning, _, _] = time_rows(&day, "Ysbyty Gwynedd");
            assert_eq!(morning[0].mode, "Galwad fideo");
            assert_eq!(
                morning[0].name,
                "Dydd Llun 29 Mawrth 2027, 9:15yb, drwy alwad fideo, 45 munud"
            );
        });
        assert_eq!(PARTS[2].label(), "Evening");
    }

    fn slot(id: &str, start: &str, minutes: i64, mode: Mode) -> Slot {
        let start: crate::model::ClinicTime = start.parse().unwrap();
        Slot {
            id: id.into(),
            start,
            end: start + chrono::Duration::minutes(minutes),
            locality: "h".into(),
            band: "band-6".into(),
            mode,
            clinician: String::new(),
        }
    }

    #[test]
    fn times_are_grouped_by_part_of_the_day_and_named_in_full() {
        let day = Day {
            date: "2027-03-29".parse().unwrap(),
            slots: vec![
                slot("a", "2027-03-29T09:15:00+01:00", 45, Mode::InPerson),
                slot("b", "2027-03-29T14:00:00+01:00", 30, Mode::Telephone),
                slot("c", "2027-03-29T17:30:00+01:00", 60, Mode::Video),
            ],
        };
        let [morning, afternoon, evening] = time_rows(&day, "Hinchingbrooke Hospital");
        assert_eq!(morning.len(), 1);
        assert_eq!(morning[0].input, "slot");
        assert_eq!(
            morning[0].name,
            "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital, 45 minutes"
        );
        assert_eq!(morning[0].mode_class, "in-person");
        // Nobody goes to the place for a call: it is not named.
        assert_eq!(afternoon[0].input, "slot-2");
        assert_eq!(
            afternoon[0].name,
            "Monday 29 March 2027, 2pm, by telephone, 30 minutes"
        );
        assert_eq!(evening[0].length, "1 hour");
        assert_eq!(evening[0].mode, "Video call");
    }

    #[test]
    fn an_empty_day_has_no_rows() {
        let day = Day {
            date: "2027-03-29".parse().unwrap(),
            slots: vec![],
        };
        assert!(time_rows(&day, "x").iter().all(Vec::is_empty));
    }
}
