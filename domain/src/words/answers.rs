//! The rows of "Check your answers" and of an appointment's summary: each row's name, the words
//! after its "Change" link, and the answers we word ourselves (the `answers` module).

use crate::lang::S;

crate::words! {
    /// Summary rows: names (`*_key`), what "Change" changes (`*_change`) and our answers.
    pub struct Words {
        appointment_key: S,
        appointment_change: S,
        urgent_key: S,
        urgent_change: S,
        clinician_key: S,
        clinician_change: S,
        location_key: S,
        location_change: S,
        date_time_key: S,
        date_time_change: S,
        who_for_key: S,
        who_for_change: S,
        booked_by_key: S,
        /// Booking for someone else: "Change" goes to the booker's own details.
        booked_by_change: S,
        name_key: S,
        name_change: S,
        dob_key: S,
        dob_change: S,
        nhs_number_key: S,
        nhs_number_change: S,
        phone_key: S,
        phone_change: S,
        email_key: S,
        email_change: S,
        reminders_key: S,
        /// The language for letters and texts (API 1.1 `language`): the row's name.
        language_key: S,
        reminders_change: S,
        support_key: S,
        support_change: S,
        current_time_key: S,
        new_time_key: S,
        new_time_change: S,
        /// The screening answer: no urgent symptom.
        no_symptoms: S,
        /// The checkbox's words, as the answer ("their" when booking for someone else).
        no_nhs_number: S,
        /// Text and email, text only, email only, none.
        reminders: [S; 4],
        /// A phone number or email address left out.
        not_given: S,
        /// "Telephone call (45 minutes)"
        mode_and_length: S,
        /// Under a place's name: when it next has a free time.
        next_available: S,
    }
}

pub fn en() -> Words {
    Words {
        appointment_key: "Appointment",
        appointment_change: "appointment",
        urgent_key: "Urgent symptoms",
        urgent_change: "urgent symptoms",
        clinician_key: "Clinician",
        clinician_change: "clinician",
        location_key: "Location",
        location_change: "location",
        date_time_key: "Date and time",
        date_time_change: "date and time",
        who_for_key: "Who it is for",
        who_for_change: "who the appointment is for",
        booked_by_key: "Booked by",
        booked_by_change: "your details",
        name_key: "Name",
        name_change: "name",
        dob_key: "Date of birth",
        dob_change: "date of birth",
        nhs_number_key: "NHS number",
        nhs_number_change: "NHS number",
        phone_key: "Mobile phone",
        phone_change: "mobile phone number",
        email_key: "Email",
        email_change: "email address",
        reminders_key: "Reminders",
        language_key: "Letters and texts in",
        reminders_change: "reminders",
        support_key: "Support",
        support_change: "support",
        current_time_key: "Current time",
        new_time_key: "New time",
        new_time_change: "new time",
        no_symptoms: "None of these",
        no_nhs_number: "I do not know my NHS number",
        reminders: [
            "By text message and email",
            "By text message",
            "By email",
            "No reminders",
        ],
        not_given: "Not given",
        mode_and_length: "{mode} ({length})",
        next_available: "Next available: {time}",
    }
}

/// Welsh: needs a translator's review before going live. "{mode} ({length})" reads alike.
pub fn cy() -> Words {
    Words {
        appointment_key: "Apwyntiad",
        appointment_change: "apwyntiad",
        urgent_key: "Symptomau brys",
        urgent_change: "symptomau brys",
        clinician_key: "Clinigydd",
        clinician_change: "clinigydd",
        location_key: "Lleoliad",
        location_change: "lleoliad",
        date_time_key: "Dyddiad ac amser",
        date_time_change: "dyddiad ac amser",
        who_for_key: "Ar gyfer pwy",
        who_for_change: "ar gyfer pwy mae'r apwyntiad",
        booked_by_key: "Wedi'i drefnu gan",
        booked_by_change: "eich manylion",
        name_key: "Enw",
        name_change: "enw",
        dob_key: "Dyddiad geni",
        dob_change: "dyddiad geni",
        nhs_number_key: "Rhif GIG",
        nhs_number_change: "rhif GIG",
        phone_key: "Ffôn symudol",
        phone_change: "rhif ffôn symudol",
        email_key: "E-bost",
        email_change: "cyfeiriad e-bost",
        reminders_key: "Nodiadau atgoffa",
        language_key: "Llythyrau a negeseuon testun yn",
        reminders_change: "nodiadau atgoffa",
        support_key: "Cymorth",
        support_change: "cymorth",
        current_time_key: "Amser presennol",
        new_time_key: "Amser newydd",
        new_time_change: "amser newydd",
        no_symptoms: "Dim un o'r rhain",
        no_nhs_number: "Nid wyf yn gwybod fy rhif GIG",
        reminders: [
            "Drwy neges destun ac e-bost",
            "Drwy neges destun",
            "Drwy e-bost",
            "Dim nodiadau atgoffa",
        ],
        not_given: "Heb ei roi",
        mode_and_length: "{mode} ({length})",
        next_available: "Ar gael nesaf: {time}",
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.answers)
}
