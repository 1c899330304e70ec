//! "What support do you need?": the Accessible Information Standard's needs as the patient
//! chose them, checked, turned into the API's `needs` and back into words.

use serde::Serialize;

use crate::lang::fill;
use crate::model::Needs;
use crate::validate::{Field, FieldError};
use crate::words::support::words;

/// The contract's limit on `needs.other`, in characters.
pub const OTHER_MAX: usize = 500;

/// Ways of receiving information, as the contract names them, and their words in English
/// ([`communication`] gives them in the patient's language).
pub const COMMUNICATION: [(&str, &str); 7] = [
    ("large_print", "Large print"),
    ("easy_read", "Easy read"),
    ("braille", "Braille"),
    ("audio", "Audio"),
    ("email_only", "Contact by email only"),
    ("text_relay", "Text relay (for example, Relay UK)"),
    ("deafblind_manual", "Deafblind manual alphabet"),
];

/// Help at the appointment, as the contract names them, and their words in English ([`access`]
/// gives them in the patient's language).
pub const ACCESS: [(&str, &str); 6] = [
    ("step_free", "Step-free access"),
    ("hearing_loop", "A hearing loop"),
    ("longer_appointment", "A longer appointment"),
    ("chaperone", "A chaperone"),
    (
        "companion",
        "Someone to come along (a friend, family member or carer)",
    ),
    ("quiet_wait", "A quiet place to wait"),
];

/// Ways of receiving information: each value the contract names with its words.
pub fn communication() -> [(&'static str, &'static str); 7] {
    let words = words().communication;
    core::array::from_fn(|i| (COMMUNICATION[i].0, words[i]))
}

/// Help at the appointment: each value the contract names with its words.
pub fn access() -> [(&'static str, &'static str); 6] {
    let words = words().access;
    core::array::from_fn(|i| (ACCESS[i].0, words[i]))
}

/// The words for a need: ours for the values we know, the value itself made readable for one
/// a newer API sends back ("sign_video" → "Sign video").
pub fn need_label(value: &str) -> String {
    communication()
        .iter()
        .chain(access().iter())
        .find(|(v, _)| *v == value)
        .map(|(_, label)| label.to_string())
        .unwrap_or_else(|| {
            let words = value.replace(['_', '-'], " ");
            let mut chars = words.trim().chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
}

/// What was chosen and typed on the support page, kept as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NeedsForm {
    pub interpreter: String,
    pub communication: Vec<String>,
    pub access: Vec<String>,
    pub other: String,
}

// The messages below in English, as tests name them; the checks say them in the patient's
// language.
pub const NEEDS_EMPTY: &str =
    "Select or enter the support you need, or go back and say you do not need support";
pub const NEEDS_INTERPRETER_LENGTH: &str = "Language must be 60 characters or fewer";

crate::from_json!(NeedsForm {
    interpreter: def,
    communication: def,
    access: def,
    other: def
});

impl NeedsForm {
    /// The `needs` to send, or what to fix. Lists keep the page's order.
    pub fn validate(&self) -> Result<Needs, Vec<FieldError>> {
        let w = words();
        let mut errors = Vec::new();
        let interpreter = self.interpreter.trim();
        if interpreter.chars().count() > 60 {
            errors.push(FieldError::new(
                Field::NeedsInterpreter,
                w.interpreter_too_long,
            ));
        }
        let other = self.other.trim();
        let count = self.other.chars().count();
        if count > OTHER_MAX {
            errors.push(FieldError::new(
                Field::NeedsOther,
                fill(w.other_too_long, &[("max", &OTHER_MAX.to_string())]),
            ));
        }
        let ordered = |chosen: &[String], all: &[(&str, &str)]| -> Vec<String> {
            all.iter()
                .map(|(v, _)| v.to_string())
                .filter(|v| chosen.contains(v))
                .collect()
        };
        let needs = Needs {
            interpreter: (!interpreter.is_empty()).then(|| interpreter.to_string()),
            communication: ordered(&self.communication, &COMMUNICATION),
            access: ordered(&self.access, &ACCESS),
            other: (!other.is_empty()).then(|| other.to_string()),
        };
        if errors.is_empty() && needs.is_empty() {
            errors.push(FieldError::new(Field::NeedsInterpreter, w.needs_empty));
        }
        if errors.is_empty() {
            Ok(needs)
        } else {
            Err(errors)
        }
    }
}

/// The needs as lines for a summary list: "Interpreter: Polish", each format and access need,
/// then what else was said.
pub fn needs_lines(needs: &Needs) -> Vec<String> {
    let w = words();
    let mut lines = Vec::new();
    if let Some(language) = &needs.interpreter {
        lines.push(fill(w.interpreter, &[("language", language)]));
    }
    lines.extend(needs.communication.iter().map(|v| need_label(v)));
    lines.extend(needs.access.iter().map(|v| need_label(v)));
    if let Some(other) = &needs.other {
        lines.push(other.clone());
    }
    if lines.is_empty() {
        lines.push(w.no_support.into());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_needs() {
        use crate::lang::compare;
        use crate::words::support::{cy, en};
        use crate::words::testing::in_welsh;
        // "Braille" is spelled alike.
        compare(&en().each(), &cy().each(), &["communication"]);
        assert_eq!(communication(), COMMUNICATION);
        assert_eq!(access(), ACCESS);
        in_welsh(|| {
            assert_eq!(communication()[1], ("easy_read", "Hawdd ei Ddeall"));
            assert_eq!(access()[0], ("step_free", "Mynediad heb risiau"));
            let needs = Needs {
                interpreter: Some("Pwyleg".into()),
                communication: vec!["large_print".into()],
                access: vec!["quiet_wait".into()],
                other: None,
            };
            assert_eq!(
                needs_lines(&needs),
                ["Cyfieithydd: Pwyleg", "Print bras", "Lle tawel i aros"]
            );
            assert_eq!(needs_lines(&Needs::default()), ["Dim angen cymorth"]);
            let over = NeedsForm {
                other: "a".repeat(OTHER_MAX + 1),
                ..NeedsForm::default()
            };
            assert_eq!(
                over.validate().unwrap_err()[0].message,
                "Rhaid i unrhyw beth arall fod yn 500 nod neu lai"
            );
        });
    }

    #[test]
    fn known_needs_have_words_and_unknown_ones_are_made_readable() {
        assert_eq!(need_label("large_print"), "Large print");
        assert_eq!(need_label("step_free"), "Step-free access");
        assert_eq!(need_label("sign_video"), "Sign video");
        assert_eq!(need_label(""), "");
    }

    #[test]
    fn the_form_becomes_needs_in_the_pages_order() {
        let form = NeedsForm {
            interpreter: "  British Sign Language ".into(),
            communication: vec!["braille".into(), "large_print".into()],
            access: vec!["quiet_wait".into(), "step_free".into()],
            other: " I use a wheelchair ".into(),
        };
        let needs = form.validate().unwrap();
        assert_eq!(needs.interpreter.as_deref(), Some("British Sign Language"));
        assert_eq!(needs.communication, ["large_print", "braille"]);
        assert_eq!(needs.access, ["step_free", "quiet_wait"]);
        assert_eq!(needs.other.as_deref(), Some("I use a wheelchair"));
        assert_eq!(
            needs_lines(&needs),
            [
                "Interpreter: British Sign Language",
                "Large print",
                "Braille",
                "Step-free access",
                "A quiet place to wait",
                "I use a wheelchair"
            ]
        );
    }

    #[test]
    fn nothing_chosen_is_an_error_and_blank_text_is_nothing() {
        let form = NeedsForm {
            interpreter: "   ".into(),
            other: "\n".into(),
            ..NeedsForm::default()
        };
        let errors = form.validate().unwrap_err();
        assert_eq!(
            errors,
            [FieldError::new(Field::NeedsInterpreter, NEEDS_EMPTY)]
        );
    }

    #[test]
    fn anything_else_counts_characters_not_bytes() {
        let at_limit = NeedsForm {
            other: "ŵ".repeat(OTHER_MAX),
            ..NeedsForm::default()
        };
        assert!(at_limit.validate().is_ok());
        let over = NeedsForm {
            other: "a".repeat(OTHER_MAX + 1),
            access: vec!["chaperone".into()],
            ..NeedsForm::default()
        };
        let errors = over.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::NeedsOther);
        assert_eq!(
            errors[0].message,
            "Anything else must be 500 characters or fewer"
        );
    }

    #[test]
    fn unknown_values_read_back_are_listed_generically() {
        let needs = Needs {
            communication: vec!["sign_video".into()],
            ..Needs::default()
        };
        assert_eq!(needs_lines(&needs), ["Sign video"]);
        assert_eq!(needs_lines(&Needs::default()), ["No support needed"]);
    }
}
