//! The form components every question uses: radios, checkboxes, text inputs, dates, character count, autocomplete, error summary (src/components).

use booking_domain::lang::{Plural, S};

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
        /// A character count under its box.
        characters_remaining: Plural,
        characters_too_many: Plural,
        /// The limit, said once to screen readers with the box.
        characters_limit: Plural,
        /// Said to screen readers once typing pauses in a box that suggests answers.
        no_suggestions: S,
        suggestions: Plural,
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
        characters_remaining: Plural::en(
            "You have {n} character remaining",
            "You have {n} characters remaining",
        ),
        characters_too_many: Plural::en(
            "You have {n} character too many",
            "You have {n} characters too many",
        ),
        characters_limit: Plural::en(
            "You can enter up to {n} character",
            "You can enter up to {n} characters",
        ),
        no_suggestions: "No suggestions",
        suggestions: Plural::en(
            "{n} suggestion available. Use up and down arrows to choose.",
            "{n} suggestions available. Use up and down arrows to choose.",
        ),
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh"). Character counts
/// as GOV.UK's Welsh services write them ("Mae gennych 12 nod yn weddill"): a noun after a
/// number stays singular.
pub fn cy() -> Words {
    Words {
        continue_button: "Parhau",
        or: "neu",
        error_prefix: "Gwall: ",
        day: "Diwrnod",
        month: "Mis",
        year: "Blwyddyn",
        error_summary: "Mae problem wedi codi",
        characters_remaining: Plural {
            zero: "Mae gennych {n} nod yn weddill",
            one: "Mae gennych {n} nod yn weddill",
            two: "Mae gennych {n} nod yn weddill",
            few: "Mae gennych {n} nod yn weddill",
            many: "Mae gennych {n} nod yn weddill",
            other: "Mae gennych {n} nod yn weddill",
        },
        characters_too_many: Plural {
            zero: "Mae gennych {n} nod yn ormod",
            one: "Mae gennych {n} nod yn ormod",
            two: "Mae gennych {n} nod yn ormod",
            few: "Mae gennych {n} nod yn ormod",
            many: "Mae gennych {n} nod yn ormod",
            other: "Mae gennych {n} nod yn ormod",
        },
        characters_limit: Plural {
            zero: "Gallwch roi hyd at {n} nod",
            one: "Gallwch roi hyd at {n} nod",
            two: "Gallwch roi hyd at {n} nod",
            few: "Gallwch roi hyd at {n} nod",
            many: "Gallwch roi hyd at {n} nod",
            other: "Gallwch roi hyd at {n} nod",
        },
        no_suggestions: "Dim awgrymiadau",
        suggestions: Plural {
            zero: "Dim awgrymiadau",
            one: "{n} awgrym ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis.",
            two: "{n} awgrym ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis.",
            few: "{n} awgrym ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis.",
            many: "{n} awgrym ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis.",
            other: "{n} awgrym ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis.",
        },
    }
}

pub fn words() -> Words {
    super::pick(en, |w| &w.forms)
}
