//! "What support do you need?": the needs offered, what is wrong with the answer, and the needs
//! as summary lines (the `support` module).

use crate::lang::S;

crate::words! {
    /// The needs' words and the support page's messages.
    pub struct Words {
        /// Ways of receiving information, in the contract's order: large print, easy read,
        /// braille, audio, email only, text relay, deafblind manual alphabet.
        communication: [S; 7],
        /// Help at the appointment, in the contract's order: step-free access, hearing loop,
        /// longer appointment, chaperone, companion, quiet place to wait.
        access: [S; 6],
        /// Nothing chosen or typed.
        needs_empty: S,
        interpreter_too_long: S,
        other_too_long: S,
        /// A summary line: "Interpreter: Polish".
        interpreter: S,
        no_support: S,
    }
}

pub fn en() -> Words {
    Words {
        communication: [
            "Large print",
            "Easy read",
            "Braille",
            "Audio",
            "Contact by email only",
            "Text relay (for example, Relay UK)",
            "Deafblind manual alphabet",
        ],
        access: [
            "Step-free access",
            "A hearing loop",
            "A longer appointment",
            "A chaperone",
            "Someone to come along (a friend, family member or carer)",
            "A quiet place to wait",
        ],
        needs_empty:
            "Select or enter the support you need, or go back and say you do not need support",
        interpreter_too_long: "Language must be 60 characters or fewer",
        other_too_long: "Anything else must be {max} characters or fewer",
        interpreter: "Interpreter: {language}",
        no_support: "No support needed",
    }
}

/// Welsh: needs a translator's review before going live. "Braille" is spelled alike.
pub fn cy() -> Words {
    Words {
        communication: [
            "Print bras",
            "Hawdd ei Ddeall",
            "Braille",
            "Sain",
            "Cysylltu drwy e-bost yn unig",
            // review
            "Cyfnewid testun (er enghraifft, Relay UK)",
            // review
            "Yr wyddor law i bobl fyddar-ddall",
        ],
        access: [
            "Mynediad heb risiau",
            "Dolen sain",
            "Apwyntiad hirach",
            "Hebryngwr",
            "Rhywun i ddod gyda chi (ffrind, aelod o'r teulu neu ofalwr)",
            "Lle tawel i aros",
        ],
        needs_empty:
            "Dewiswch neu rhowch y cymorth sydd ei angen arnoch, neu ewch yn ôl a dweud nad oes angen cymorth arnoch",
        interpreter_too_long: "Rhaid i'r iaith fod yn 60 nod neu lai",
        other_too_long: "Rhaid i unrhyw beth arall fod yn {max} nod neu lai",
        interpreter: "Cyfieithydd: {language}",
        no_support: "Dim angen cymorth",
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.support)
}
