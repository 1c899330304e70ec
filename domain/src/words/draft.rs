//! Who the appointment is for, the booker's own details, and the words that turn a message
//! about the patient into one about someone else (the `booker` module).

use crate::lang::S;

crate::words! {
    /// Who the booking is for, and what is wrong with the booker's details.
    pub struct Words {
        /// The answers to "Who is this appointment for?": me, someone else.
        who_for: [S; 2],
        booker_name_empty: S,
        booker_name_too_long: S,
        relationship_empty: S,
        relationship_too_long: S,
        booker_phone_empty: S,
        booker_phone_invalid: S,
        /// The words for "your" and "my" (each a word of its own) that become `theirs` when
        /// someone books for another person, in the same order.
        mine: [S; 4],
        theirs: [S; 4],
        /// `theirs` before a word starting with a vowel, with what joins it to that word (in
        /// Welsh an "h": "eu henw").
        theirs_before_vowel: [S; 4],
    }
}

pub fn en() -> Words {
    Words {
        who_for: ["Me", "Someone else"],
        booker_name_empty: "Enter your full name",
        booker_name_too_long: "Full name must be 70 characters or fewer",
        relationship_empty:
            "Enter how you know the person you are booking for, for example daughter or carer",
        relationship_too_long: "Relationship must be 35 characters or fewer",
        booker_phone_empty: "Enter a phone number we can call you on",
        booker_phone_invalid: "Enter a UK phone number, like 01632 960 001 or 07700 900 982",
        mine: ["your", "Your", "my", "My"],
        theirs: ["their", "Their", "their", "Their"],
        theirs_before_vowel: ["their ", "Their ", "their ", "Their "],
    }
}

/// Welsh: needs a translator's review before going live.
pub fn cy() -> Words {
    Words {
        who_for: ["Fi", "Rhywun arall"],
        booker_name_empty: "Rhowch eich enw llawn",
        booker_name_too_long: "Rhaid i'r enw llawn fod yn 70 nod neu lai",
        relationship_empty:
            "Rhowch sut rydych yn adnabod y person rydych yn trefnu ar ei gyfer, er enghraifft merch neu ofalwr",
        relationship_too_long: "Rhaid i'r berthynas fod yn 35 nod neu lai",
        booker_phone_empty: "Rhowch rif ffôn y gallwn eich ffonio arno",
        booker_phone_invalid: "Rhowch rif ffôn yn y DU, fel 01632 960 001 neu 07700 900 982",
        // "fy" only before words it leaves unchanged ("fy rhif GIG").
        mine: ["eich", "Eich", "fy", "Fy"],
        theirs: ["eu", "Eu", "eu", "Eu"],
        theirs_before_vowel: ["eu h", "Eu h", "eu h", "Eu h"],
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.draft)
}
