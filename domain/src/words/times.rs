//! The parts of a day the time picker groups its times under (the `schedule` module's
//! `PartOfDay`).

use crate::lang::S;

crate::words! {
    /// Headings over a day's times.
    pub struct Words {
        /// Morning, afternoon, evening.
        parts_of_day: [S; 3],
    }
}

pub fn en() -> Words {
    Words {
        parts_of_day: ["Morning", "Afternoon", "Evening"],
    }
}

/// Welsh: needs a translator's review before going live.
pub fn cy() -> Words {
    Words {
        parts_of_day: ["Bore", "Prynhawn", "Gyda'r nos"],
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.times)
}
