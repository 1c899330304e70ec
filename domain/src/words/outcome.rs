//! What a submission's answer, finding a booking, cancelling it and counting as the patient
//! types say (the `outcome`, `manage` and `counting` modules).

use crate::lang::{Plural, S};

crate::words! {
    /// Answers to submissions, the booking reference's messages, reasons to cancel, counts.
    pub struct Words {
        /// The heading and title when someone else took the time first.
        taken_title: S,
        reference_empty: S,
        reference_invalid: S,
        /// Why the patient cancels: feeling better, cannot attend, seen elsewhere, other.
        cancel_reasons: [S; 4],
        /// Under a box with a character count.
        characters_remaining: Plural,
        characters_too_many: Plural,
        /// Said once to screen readers with the box.
        characters_limit: S,
        /// Said to screen readers as suggestions appear under a box.
        no_suggestions: S,
        suggestions: Plural,
    }
}

pub fn en() -> Words {
    Words {
        taken_title: "That time has just been booked by someone else",
        reference_empty: "Enter your booking reference",
        reference_invalid:
            "Enter your booking reference as it appears in your text message, like PHY-7K3Q9D",
        cancel_reasons: [
            "I feel better",
            "I cannot make this time",
            "I have been seen somewhere else",
            "Another reason",
        ],
        characters_remaining: Plural::en(
            "You have {n} character remaining",
            "You have {n} characters remaining",
        ),
        characters_too_many: Plural::en(
            "You have {n} character too many",
            "You have {n} characters too many",
        ),
        characters_limit: "You can enter up to {max} characters",
        no_suggestions: "No suggestions",
        suggestions: Plural::en(
            "{n} suggestion available. Use up and down arrows to choose.",
            "{n} suggestions available. Use up and down arrows to choose.",
        ),
    }
}

/// Welsh: needs a translator's review before going live. "nod" and "awgrym" stay singular after
/// a number.
pub fn cy() -> Words {
    Words {
        taken_title: "Mae rhywun arall newydd drefnu'r amser hwnnw",
        reference_empty: "Rhowch eich cyfeirnod archebu",
        reference_invalid:
            "Rhowch eich cyfeirnod archebu fel y mae yn eich neges destun, fel PHY-7K3Q9D",
        cancel_reasons: [
            "Rwy'n teimlo'n well",
            "Ni allaf ddod ar yr amser hwn",
            "Rwyf wedi cael fy ngweld yn rhywle arall",
            "Rheswm arall",
        ],
        characters_remaining: Plural {
            zero: "Mae gennych {n} nod ar ôl",
            one: "Mae gennych {n} nod ar ôl",
            two: "Mae gennych {n} nod ar ôl",
            few: "Mae gennych {n} nod ar ôl",
            many: "Mae gennych {n} nod ar ôl",
            other: "Mae gennych {n} nod ar ôl",
        },
        characters_too_many: Plural {
            zero: "Mae gennych {n} nod yn ormod",
            one: "Mae gennych {n} nod yn ormod",
            two: "Mae gennych {n} nod yn ormod",
            few: "Mae gennych {n} nod yn ormod",
            many: "Mae gennych {n} nod yn ormod",
            other: "Mae gennych {n} nod yn ormod",
        },
        characters_limit: "Gallwch roi hyd at {max} nod",
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

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.outcome)
}
