//! Dates, times, counts and appointment types (the `format` module writes them).

use crate::lang::{Plural, S};

crate::words! {
    /// The words dates, times, counts and appointment types are written with.
    pub struct Words {
        days: [S; 7],
        /// For the day list: "Mon 29 Mar".
        short_days: [S; 7],
        months: [S; 12],
        short_months: [S; 12],
        /// "Monday 29 March 2027 at 9:15am"
        date_time: S,
        am: S,
        pm: S,
        midnight: S,
        midday: S,
        today: S,
        tomorrow: S,
        on_day: S,
        /// How long a time stays held: "until 10:15am today".
        held_until: S,
        times: Plural,
        seconds: Plural,
        minutes: Plural,
        hours: Plural,
        days_count: Plural,
        /// "1 hour 15 minutes"
        hours_and_minutes: S,
        wait_moment: S,
        wait_in: S,
        wait_about: S,
        /// In person, telephone, video, other: as a label, then inside a sentence.
        mode_labels: [S; 4],
        mode_phrases: [S; 4],
    }
}

/// English, as data: the main module reads this area, so its strings are there anyway, and
/// copying a constant is less code than building the struct field by field.
const EN: Words = Words {
    days: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    short_days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: [
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
    ],
    short_months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    date_time: "{date} at {time}",
    am: "am",
    pm: "pm",
    midnight: "midnight",
    midday: "midday",
    today: "today",
    tomorrow: "tomorrow",
    on_day: "on {day}",
    held_until: "until {time} {when}",
    times: Plural::en("{n} time", "{n} times"),
    seconds: Plural::en("{n} second", "{n} seconds"),
    minutes: Plural::en("{n} minute", "{n} minutes"),
    hours: Plural::en("{n} hour", "{n} hours"),
    days_count: Plural::en("{n} day", "{n} days"),
    hours_and_minutes: "{hours} {minutes}",
    wait_moment: "in a moment",
    wait_in: "in {wait}",
    wait_about: "in about {wait}",
    mode_labels: [
        "In person",
        "Telephone call",
        "Video call",
        "Appointment type to be confirmed",
    ],
    mode_phrases: [
        "in person",
        "by telephone",
        "by video call",
        "type to be confirmed",
    ],
};

pub fn en() -> Words {
    EN
}

/// Welsh. Day, month and time conventions as NHS Wales letters use them ("Dydd Llun 30
/// Tachwedd", "10:30yb"); the rest needs a translator's review (`lang`).
pub fn cy() -> Words {
    Words {
        days: [
            "Dydd Llun",
            "Dydd Mawrth",
            "Dydd Mercher",
            "Dydd Iau",
            "Dydd Gwener",
            "Dydd Sadwrn",
            "Dydd Sul",
        ],
        short_days: ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"],
        months: [
            "Ionawr",
            "Chwefror",
            "Mawrth",
            "Ebrill",
            "Mai",
            "Mehefin",
            "Gorffennaf",
            "Awst",
            "Medi",
            "Hydref",
            "Tachwedd",
            "Rhagfyr",
        ],
        short_months: [
            "Ion", "Chwe", "Maw", "Ebr", "Mai", "Meh", "Gor", "Awst", "Medi", "Hyd", "Tach", "Rhag",
        ],
        date_time: "{date} am {time}",
        am: "yb",
        pm: "yp",
        midnight: "hanner nos",
        midday: "canol dydd",
        today: "heddiw",
        tomorrow: "yfory",
        // review: "ar" before a day ("ddydd Gwener" would need the mutated day name).
        on_day: "ar {day}",
        held_until: "tan {time} {when}",
        times: Plural {
            zero: "dim amseroedd",
            one: "{n} amser",
            two: "{n} amser",
            few: "{n} amser",
            many: "{n} amser",
            other: "{n} amser",
        },
        seconds: Plural {
            zero: "{n} eiliad",
            one: "{n} eiliad",
            two: "{n} eiliad",
            few: "{n} eiliad",
            many: "{n} eiliad",
            other: "{n} eiliad",
        },
        minutes: Plural {
            zero: "{n} munud",
            one: "{n} munud",
            two: "{n} funud",
            few: "{n} munud",
            many: "{n} munud",
            other: "{n} munud",
        },
        hours: Plural {
            zero: "{n} awr",
            one: "{n} awr",
            two: "{n} awr",
            few: "{n} awr",
            many: "{n} awr",
            other: "{n} awr",
        },
        days_count: Plural {
            zero: "{n} diwrnod",
            one: "{n} diwrnod",
            two: "{n} ddiwrnod",
            few: "{n} diwrnod",
            many: "{n} diwrnod",
            other: "{n} diwrnod",
        },
        hours_and_minutes: "{hours} {minutes}",
        wait_moment: "mewn eiliad",
        wait_in: "mewn {wait}",
        wait_about: "mewn tua {wait}",
        mode_labels: [
            "Wyneb yn wyneb",
            "Galwad ffôn",
            "Galwad fideo",
            // review
            "Math o apwyntiad i'w gadarnhau",
        ],
        mode_phrases: [
            "wyneb yn wyneb",
            "dros y ffôn",
            "drwy alwad fideo",
            "math i'w gadarnhau",
        ],
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    super::pick_const(&EN, |w| &w.format)
}
