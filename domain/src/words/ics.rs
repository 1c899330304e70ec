//! The "Add to calendar" file's words: the event's title, its notes and the reminder the day
//! before (the `ics` module). Each note is a line of its own.

use crate::lang::S;

crate::words! {
    /// The calendar event's words.
    pub struct Words {
        /// The event's title when the service has no name.
        summary_nhs: S,
        summary: S,
        reference: S,
        mode: S,
        clinician: S,
        /// How to change or cancel: without a phone number, then with one.
        change_contact: S,
        change_call: S,
        /// The reminder the day before.
        reminder: S,
    }
}

pub fn en() -> Words {
    Words {
        summary_nhs: "NHS appointment",
        summary: "{service} appointment",
        reference: "Booking reference: {reference}",
        mode: "Type of appointment: {mode}",
        clinician: "You will see: {clinician}",
        change_contact:
            "To change or cancel your appointment, contact the service and give your booking reference.",
        change_call:
            "To change or cancel your appointment, call {phone} and give your booking reference.",
        reminder: "{summary} tomorrow",
    }
}

/// Welsh: needs a translator's review before going live.
pub fn cy() -> Words {
    Words {
        summary_nhs: "Apwyntiad GIG",
        summary: "Apwyntiad {service}",
        reference: "Cyfeirnod archebu: {reference}",
        mode: "Math o apwyntiad: {mode}",
        clinician: "Byddwch yn gweld: {clinician}",
        change_contact:
            "I newid neu ganslo eich apwyntiad, cysylltwch â'r gwasanaeth a rhowch eich cyfeirnod archebu.",
        change_call:
            "I newid neu ganslo eich apwyntiad, ffoniwch {phone} a rhowch eich cyfeirnod archebu.",
        reminder: "{summary} yfory",
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.ics)
}
