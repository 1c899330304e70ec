//! The details page's error messages: names, date of birth, NHS number, mobile, email, and the
//! dates typed in three boxes elsewhere (the `validate` module checks them).
//!
//! Messages about the patient say "your" ("eich"), which the booker's words turn into "their"
//! ("eu") when someone books for another person: keep "your" a word of its own (not "i'ch").

use crate::lang::S;

crate::words! {
    /// What the details page and the date boxes say is wrong.
    pub struct Words {
        nhs_number_empty: S,
        nhs_number_length: S,
        nhs_number_invalid: S,
        /// No NHS number given, so the mobile is needed to find the patient.
        phone_needed_no_nhs_number: S,
        phone_needed_for_sms: S,
        phone_invalid: S,
        email_needed: S,
        email_invalid: S,
        /// The names as `{name}` in the messages below.
        first_name: S,
        last_name: S,
        /// A name left empty; the message's first letter is made a capital.
        name_empty: S,
        name_too_long: S,
        name_characters: S,
        name_no_letter: S,
        /// All three date of birth boxes empty.
        dob_empty: S,
        /// The date of birth as `{date}` in the date messages.
        dob_noun: S,
        dob_in_future: S,
        dob_before_1900: S,
        /// All three "only times before" boxes empty.
        before_empty: S,
        /// The "only times before" date as `{date}` in the date messages.
        before_noun: S,
        before_not_after_today: S,
        /// "Date of birth must include a day and month": the first letter is made a capital.
        date_missing: S,
        /// Day, month, year, as `{parts}`.
        date_parts: [S; 3],
        /// Two missing parts: "day and month".
        date_parts_two: S,
        date_not_real: S,
        year_four_digits: S,
    }
}

pub fn en() -> Words {
    Words {
        nhs_number_empty: "Enter your NHS number, or select ‘I do not know my NHS number’",
        nhs_number_length: "NHS number must be 10 digits",
        nhs_number_invalid:
            "Enter a valid NHS number. Check it against a letter from your GP or the NHS App",
        phone_needed_no_nhs_number:
            "Enter a UK mobile phone number. We need it because you do not know your NHS number",
        phone_needed_for_sms: "Enter a UK mobile phone number for text message reminders",
        phone_invalid: "Enter a UK mobile phone number, like 07700 900 982",
        email_needed: "Enter an email address for email reminders",
        email_invalid: "Enter an email address in the correct format, like name@example.com",
        first_name: "first name",
        last_name: "last name",
        name_empty: "Enter your {name}",
        name_too_long: "{name} must be 35 characters or fewer",
        name_characters: "{name} must only include letters, spaces, hyphens and apostrophes",
        name_no_letter: "{name} must include at least one letter",
        dob_empty: "Enter your date of birth",
        dob_noun: "date of birth",
        dob_in_future: "Enter a date of birth in the past",
        dob_before_1900: "Enter a year after 1900",
        before_empty: "Enter the date",
        before_noun: "the date",
        before_not_after_today: "The date must be after today",
        date_missing: "{date} must include a {parts}",
        date_parts: ["day", "month", "year"],
        date_parts_two: "{first} and {second}",
        date_not_real: "{date} must be a real date",
        year_four_digits: "Year must include 4 numbers",
    }
}

/// Welsh: needs a translator's review before going live.
pub fn cy() -> Words {
    Words {
        nhs_number_empty: "Rhowch eich rhif GIG, neu dewiswch ‘Nid wyf yn gwybod fy rhif GIG’",
        nhs_number_length: "Rhaid i'r rhif GIG fod yn 10 digid",
        nhs_number_invalid:
            "Rhowch rif GIG dilys. Gwiriwch ef ar lythyr gan eich meddyg teulu neu yn yr Ap GIG",
        phone_needed_no_nhs_number:
            "Rhowch rif ffôn symudol yn y DU. Mae ei angen arnom am nad ydych yn gwybod eich rhif GIG",
        phone_needed_for_sms:
            "Rhowch rif ffôn symudol yn y DU ar gyfer nodiadau atgoffa drwy neges destun",
        phone_invalid: "Rhowch rif ffôn symudol yn y DU, fel 07700 900 982",
        email_needed: "Rhowch gyfeiriad e-bost ar gyfer nodiadau atgoffa drwy e-bost",
        email_invalid: "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com",
        first_name: "enw cyntaf",
        last_name: "cyfenw",
        name_empty: "Rhowch eich {name}",
        name_too_long: "Rhaid i'r {name} fod yn 35 nod neu lai",
        // review
        name_characters:
            "Rhaid i'r {name} gynnwys llythrennau, bylchau, cysylltnodau a chollnodau yn unig",
        name_no_letter: "Rhaid i'r {name} gynnwys o leiaf un llythyren",
        dob_empty: "Rhowch eich dyddiad geni",
        dob_noun: "dyddiad geni",
        dob_in_future: "Rhowch ddyddiad geni yn y gorffennol",
        dob_before_1900: "Rhowch flwyddyn ar ôl 1900",
        before_empty: "Rhowch y dyddiad",
        before_noun: "dyddiad",
        before_not_after_today: "Rhaid i'r dyddiad fod ar ôl heddiw",
        date_missing: "Rhaid i'r {date} gynnwys {parts}",
        date_parts: ["diwrnod", "mis", "blwyddyn"],
        date_parts_two: "{first} a {second}",
        date_not_real: "Rhaid i'r {date} fod yn ddyddiad go iawn",
        year_four_digits: "Rhaid i'r flwyddyn gynnwys 4 rhif",
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.validate)
}
