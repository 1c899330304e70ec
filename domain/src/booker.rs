//! Booking for someone else: who the appointment is for, the booker's own details (sent as
//! `booked_by`), and the words the later pages use about the patient ("their date of birth").

use serde::Serialize;

use crate::model::BookedBy;
use crate::validate::{Field, FieldError};
use crate::words::draft::words;

/// Who the appointment is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum WhoFor {
    Me,
    SomeoneElse,
}

crate::enum_from_json!(WhoFor { "Me" => Me, "SomeoneElse" => SomeoneElse } else Me);

impl WhoFor {
    pub fn value(self) -> &'static str {
        match self {
            WhoFor::Me => "me",
            WhoFor::SomeoneElse => "someone-else",
        }
    }

    pub fn from_value(value: &str) -> Option<WhoFor> {
        match value {
            "me" => Some(WhoFor::Me),
            "someone-else" => Some(WhoFor::SomeoneElse),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        let [me, someone_else] = words().who_for;
        match self {
            WhoFor::Me => me,
            WhoFor::SomeoneElse => someone_else,
        }
    }
}

/// The booker's details as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BookerForm {
    pub name: String,
    pub relationship: String,
    pub phone: String,
}

// The messages below in English, as tests name them; the checks say them in the patient's
// language.
pub const BOOKER_NAME_EMPTY: &str = "Enter your full name";
pub const BOOKER_NAME_LENGTH: &str = "Full name must be 70 characters or fewer";
pub const RELATIONSHIP_EMPTY: &str =
    "Enter how you know the person you are booking for, for example daughter or carer";
pub const RELATIONSHIP_LENGTH: &str = "Relationship must be 35 characters or fewer";
pub const BOOKER_PHONE_EMPTY: &str = "Enter a phone number we can call you on";
pub const BOOKER_PHONE_INVALID: &str =
    "Enter a UK phone number, like 01632 960 001 or 07700 900 982";

crate::from_json!(BookerForm {
    name: def,
    relationship: def,
    phone: def
});

impl BookerForm {
    /// The `booked_by` to send, or every problem in page order.
    pub fn validate(&self) -> Result<BookedBy, Vec<FieldError>> {
        let w = words();
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() || !name.chars().any(char::is_alphabetic) {
            errors.push(FieldError::new(Field::BookerName, w.booker_name_empty));
        } else if name.chars().count() > 70 {
            errors.push(FieldError::new(Field::BookerName, w.booker_name_too_long));
        }
        let relationship = self.relationship.trim();
        if relationship.is_empty() {
            errors.push(FieldError::new(
                Field::BookerRelationship,
                w.relationship_empty,
            ));
        } else if relationship.chars().count() > 35 {
            errors.push(FieldError::new(
                Field::BookerRelationship,
                w.relationship_too_long,
            ));
        }
        let phone = if self.phone.trim().is_empty() {
            Err(w.booker_phone_empty)
        } else {
            uk_phone(&self.phone)
        };
        if let Err(message) = phone {
            errors.push(FieldError::new(Field::BookerPhone, message));
        }
        match phone {
            Ok(phone) if errors.is_empty() => Ok(BookedBy {
                name: name.to_string(),
                relationship: Some(relationship.to_string()),
                phone: Some(phone),
            }),
            _ => Err(errors),
        }
    }
}

/// Any UK phone number (a landline will do for a call): 0 and 9 or 10 more digits, or the
/// same after +44, written with the spaces, dashes or brackets people use. Returned as typed,
/// trimmed.
pub fn uk_phone(input: &str) -> Result<String, &'static str> {
    let invalid = words().booker_phone_invalid;
    let compact: String = input
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '(' | ')' | '.')))
        .collect();
    let national = compact
        .strip_prefix("+44")
        .or_else(|| compact.strip_prefix("0044"))
        .map(|rest| rest.strip_prefix('0').unwrap_or(rest))
        .or_else(|| compact.strip_prefix('0'))
        .ok_or(invalid)?;
    let ok = matches!(national.len(), 9 | 10)
        && national.bytes().all(|b| b.is_ascii_digit())
        && matches!(national.as_bytes()[0], b'1' | b'2' | b'3' | b'7' | b'8');
    if ok {
        Ok(input.trim().to_string())
    } else {
        Err(invalid)
    }
}

/// The same words said about someone else: "Enter your date of birth" → "Enter their date of
/// birth", "I do not know my NHS number" → "I do not know their NHS number"; in Welsh "Rhowch
/// eich enw cyntaf" → "Rhowch eu henw cyntaf". "You" stays: it is the person booking ("because
/// you do not know their NHS number").
pub fn about_them(text: &str) -> String {
    let w = words();
    let mut out = String::with_capacity(text.len() + 8);
    let mut words = text.split(' ').peekable();
    let mut joined = true;
    while let Some(word) = words.next() {
        if !joined {
            out.push(' ');
        }
        joined = false;
        match w.mine.iter().position(|mine| *mine == word) {
            Some(i) => {
                if words.peek().is_some_and(|next| starts_with_vowel(next)) {
                    out.push_str(w.theirs_before_vowel[i]);
                    joined = true;
                } else {
                    out.push_str(w.theirs[i]);
                }
            }
            None => out.push_str(word),
        }
    }
    out
}

/// A vowel in Welsh or English, accented or not, any case.
fn starts_with_vowel(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        matches!(
            c.to_lowercase().next(),
            Some('a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y' | 'â' | 'ê' | 'î' | 'ô' | 'û' | 'ŵ' | 'ŷ')
        )
    })
}

/// "Ana Lima (daughter), 07700 900456" for summaries.
pub fn booked_by_lines(by: &BookedBy) -> Vec<String> {
    let mut lines = vec![match by.relationship.as_deref().filter(|r| !r.is_empty()) {
        Some(r) => format!("{} ({r})", by.name),
        None => by.name.clone(),
    }];
    lines.extend(by.phone.clone().filter(|p| !p.is_empty()));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_booker_words() {
        use crate::lang::compare;
        use crate::words::draft::{cy, en};
        use crate::words::testing::in_welsh;
        compare(&en().each(), &cy().each(), &[]);
        in_welsh(|| {
            assert_eq!(WhoFor::SomeoneElse.label(), "Rhywun arall");
            assert_eq!(
                about_them("Rhowch eich enw cyntaf"),
                "Rhowch eu henw cyntaf"
            );
            assert_eq!(
                about_them("Rhowch eich dyddiad geni"),
                "Rhowch eu dyddiad geni"
            );
            assert_eq!(
                about_them(crate::validate::nhs_number("").unwrap_err()),
                "Rhowch eu rhif GIG, neu dewiswch ‘Nid wyf yn gwybod eu rhif GIG’"
            );
            let errors = BookerForm::default().validate().unwrap_err();
            assert_eq!(errors[0].message, "Rhowch eich enw llawn");
            assert_eq!(
                uk_phone("12345"),
                Err("Rhowch rif ffôn yn y DU, fel 01632 960 001 neu 07700 900 982")
            );
        });
        // "their" before a vowel reads the same as before.
        assert_eq!(
            about_them("Enter your email address"),
            "Enter their email address"
        );
    }

    fn form() -> BookerForm {
        BookerForm {
            name: " Ana Lima ".into(),
            relationship: "daughter".into(),
            phone: "07700 900456".into(),
        }
    }

    #[test]
    fn a_complete_form_becomes_booked_by() {
        let by = form().validate().unwrap();
        assert_eq!(by.name, "Ana Lima");
        assert_eq!(by.relationship.as_deref(), Some("daughter"));
        assert_eq!(by.phone.as_deref(), Some("07700 900456"));
        assert_eq!(
            booked_by_lines(&by),
            ["Ana Lima (daughter)", "07700 900456"]
        );
    }

    #[test]
    fn every_problem_in_page_order() {
        let errors = BookerForm::default().validate().unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::BookerName,
                Field::BookerRelationship,
                Field::BookerPhone
            ]
        );
        assert_eq!(errors[2].message, BOOKER_PHONE_EMPTY);
        let mut bad = form();
        bad.phone = "12345".into();
        assert_eq!(
            bad.validate().unwrap_err(),
            [FieldError::new(Field::BookerPhone, BOOKER_PHONE_INVALID)]
        );
    }

    #[test]
    fn landlines_and_mobiles_in_the_ways_people_write_them() {
        for ok in [
            "01632 960001",
            "(01632) 960 001",
            "+44 (0)1632 960001",
            "0044 7700 900456",
            "020 7946 0000",
            "0800 123 456",
        ] {
            assert!(uk_phone(ok).is_ok(), "{ok}");
        }
        for bad in [
            "07700",
            "7700 900456",
            "09 1234 5678",
            "01632 96000a",
            "+1 555 0100",
        ] {
            assert_eq!(uk_phone(bad), Err(BOOKER_PHONE_INVALID), "{bad}");
        }
    }

    #[test]
    fn the_patients_words_about_someone_else() {
        assert_eq!(
            about_them("Enter your date of birth"),
            "Enter their date of birth"
        );
        assert_eq!(
            about_them("Enter your NHS number, or select ‘I do not know my NHS number’"),
            "Enter their NHS number, or select ‘I do not know their NHS number’"
        );
        assert_eq!(
            about_them("We need it because you do not know your NHS number"),
            "We need it because you do not know their NHS number"
        );
        assert_eq!(about_them("Young yourself"), "Young yourself");
    }

    #[test]
    fn who_for_round_trips_its_value() {
        for w in [WhoFor::Me, WhoFor::SomeoneElse] {
            assert_eq!(WhoFor::from_value(w.value()), Some(w));
        }
        assert_eq!(WhoFor::from_value("x"), None);
    }
}
