//! The form components every question uses: radios, checkboxes, text inputs, dates, character count, autocomplete, error summary (src/components).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        /// A question's button.
        continue_button: S,
        /// Between the checkboxes and the answer that rules them out ("None of these").
        or: S,
        /// Said (hidden from sight) before a field's error message.
        error_prefix: S,
        /// The three boxes of a date.
        day: S,
        month: S,
        year: S,
        /// The error summary's heading.
        error_summary: S,
    }
}

pub fn en() -> Words {
    Words {
        continue_button: "Continue",
        or: "or",
        error_prefix: "Error: ",
        day: "Day",
        month: "Month",
        year: "Year",
        error_summary: "There is a problem",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        continue_button: "Parhau",
        or: "neu",
        error_prefix: "Gwall: ",
        day: "Diwrnod",
        month: "Mis",
        year: "Blwyddyn",
        error_summary: "Mae problem wedi codi",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.forms)
}
