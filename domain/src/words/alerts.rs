//! "Tell me if an earlier time comes up": what the alert's answers say back, what is wrong with
//! them, and its reference (the `alerts` module). Rows shared with a booking's check answers
//! take their names from the answers words.

use crate::lang::S;

crate::words! {
    /// The alert's answers in words and its error messages.
    pub struct Words {
        /// A clinician's name when the service does not list the one asked for: "With a {band}".
        same_clinician: S,
        /// "Which times?" with a booking: neither answer chosen.
        select_times: S,
        too_late_for_booking: S,
        /// A patient without a booking asked for a date more than a year ahead.
        too_late_for_year: S,
        /// No mobile given: the texts go there.
        phone_empty: S,
        any_place: S,
        only_at: S,
        before_booking: S,
        before_date: S,
        earlier_than_key: S,
        /// The appointment an earlier time would replace: its day, then its reference.
        booked_on: S,
        booked_reference: S,
        where_key: S,
        where_change: S,
        times_key: S,
        times_change: S,
        phone_key: S,
        phone_change: S,
        reference_empty: S,
        reference_invalid: S,
    }
}

pub fn en() -> Words {
    Words {
        same_clinician: "the same type of clinician",
        select_times: "Select which times we should tell you about",
        too_late_for_booking: "The date must be on or before your appointment on {date}",
        too_late_for_year: "The date must be on or before {date}, a year from today",
        phone_empty: "Enter a UK mobile phone number. We need it to text you",
        any_place: "Any place with a clinic for this",
        only_at: "Only at {place}",
        before_booking: "Before your current appointment on {date}",
        before_date: "Before {date}",
        earlier_than_key: "Earlier than",
        booked_on: "Your appointment on {date}",
        booked_reference: "Reference {reference}",
        where_key: "Where",
        where_change: "where",
        times_key: "Times",
        times_change: "which times",
        phone_key: "Mobile phone number",
        phone_change: "mobile phone number",
        reference_empty: "Enter your alert reference",
        reference_invalid: "Enter the alert reference from your text message, like ALT-4M8Q",
    }
}

/// Welsh: needs a translator's review before going live.
pub fn cy() -> Words {
    Words {
        same_clinician: "yr un math o glinigydd",
        select_times: "Dewiswch am ba amseroedd y dylem ddweud wrthych",
        // review: "ar" before a day, as the dates' "on {day}".
        too_late_for_booking: "Rhaid i'r dyddiad fod ar neu cyn eich apwyntiad ar {date}",
        too_late_for_year: "Rhaid i'r dyddiad fod ar neu cyn {date}, blwyddyn o heddiw",
        phone_empty:
            "Rhowch rif ffôn symudol yn y DU. Mae ei angen arnom i anfon neges destun atoch",
        any_place: "Unrhyw le sydd â chlinig ar gyfer hyn",
        // review: a place's name after "yn" would take a nasal mutation, which we cannot add.
        only_at: "Dim ond yn {place}",
        // review
        before_booking: "Cyn eich apwyntiad presennol ar {date}",
        before_date: "Cyn {date}",
        earlier_than_key: "Yn gynharach na",
        booked_on: "Eich apwyntiad ar {date}",
        booked_reference: "Cyfeirnod {reference}",
        where_key: "Ble",
        where_change: "ble",
        times_key: "Amseroedd",
        times_change: "pa amseroedd",
        phone_key: "Rhif ffôn symudol",
        phone_change: "rhif ffôn symudol",
        reference_empty: "Rhowch gyfeirnod eich hysbysiad",
        reference_invalid: "Rhowch y cyfeirnod hysbysiad o'ch neges destun, fel ALT-4M8Q",
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.alerts)
}
