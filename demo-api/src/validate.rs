//! Checks on a booking request body. Works on raw JSON rather than a typed struct so that every
//! problem (missing, wrong type, bad value) becomes a field message the app can show next to the
//! right input, keyed like `patient.nhs_number`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value;

pub type Fields = BTreeMap<String, String>;

const NAME_MAX: usize = 35;

/// What to say about a phone number that is not one (the patient's, or the booker's in 1.1).
pub const PHONE_FORMAT: &str = "Enter a phone number, like 07700 900 982 or +44 7700 900 982";

pub struct ValidBooking {
    pub slot_id: String,
    pub date_of_birth: NaiveDate,
    pub patient: Value,
}

/// The NHS number check digit (Modulus 11): weights 10..2 on the first nine digits.
pub fn nhs_number_is_valid(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if number.len() != 10 || digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| d * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == digits[9]
}

/// A string field, with "" and null both meaning absent. Err when present with another type.
pub(crate) fn optional_text(v: Option<&Value>) -> Result<Option<String>, ()> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(()),
    }
}

pub fn date_field(v: Option<&Value>) -> Option<NaiveDate> {
    v.and_then(Value::as_str)
        .filter(|s| s.len() == 10)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn name(patient: &Value, key: &str, label: &str, fields: &mut Fields) {
    let field = format!("patient.{key}");
    match optional_text(patient.get(key)) {
        Ok(Some(s)) if s.chars().count() > NAME_MAX => {
            fields.insert(
                field,
                format!("{label} must be {NAME_MAX} characters or fewer"),
            );
        }
        Ok(Some(_)) => {}
        _ => {
            fields.insert(field, format!("Enter a {}", label.to_lowercase()));
        }
    }
}

/// 10–15 digits, with spaces, `+`, `-` and brackets allowed between them.
pub(crate) fn phone_is_plausible(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && (10..=15).contains(&digits)
}

fn email_is_plausible(email: &str) -> bool {
    let mut parts = email.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && !email.contains(char::is_whitespace)
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        _ => false,
    }
}

/// Validates a POST /bookings body; `today` is the clinic's date (a birth date must be before it).
pub fn booking(body: &Value, today: NaiveDate) -> Result<ValidBooking, Fields> {
    let mut fields = Fields::new();
    let slot_id = match body.get("slot_id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        _ => {
            fields.insert("slot_id".into(), "Choose a time".into());
            String::new()
        }
    };
    let empty = Value::Object(Default::default());
    let patient = match body.get("patient") {
        Some(p @ Value::Object(_)) => p,
        _ => &empty,
    };
    name(patient, "given_name", "First name", &mut fields);
    name(patient, "family_name", "Last name", &mut fields);

    let dob = date_field(patient.get("date_of_birth"));
    match dob {
        None => {
            fields.insert(
                "patient.date_of_birth".into(),
                "Enter a date of birth, for example 28 2 1958".into(),
            );
        }
        Some(d) if d >= today => {
            fields.insert(
                "patient.date_of_birth".into(),
                "Date of birth must be in the past".into(),
            );
        }
        Some(_) => {}
    }

    let nhs = patient.get("nhs_number");
    let has_nhs = match nhs {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) if nhs_number_is_valid(s) => true,
        Some(_) => {
            fields.insert(
                "patient.nhs_number".into(),
                "Enter a valid NHS number. It is 10 digits, like 943 476 5919".into(),
            );
            true
        }
    };
    match optional_text(patient.get("phone")) {
        Ok(None) if !has_nhs => {
            fields.insert(
                "patient.phone".into(),
                "Enter a phone number, so we can contact you if you do not know your NHS number"
                    .into(),
            );
        }
        Ok(Some(p)) if !phone_is_plausible(&p) => {
            fields.insert("patient.phone".into(), PHONE_FORMAT.into());
        }
        Err(()) => {
            fields.insert("patient.phone".into(), "Enter a phone number".into());
        }
        _ => {}
    }
    match optional_text(patient.get("email")) {
        Ok(Some(e)) if !email_is_plausible(&e) => {
            fields.insert(
                "patient.email".into(),
                "Enter an email address in the correct format, like name@example.com".into(),
            );
        }
        Err(()) => {
            fields.insert(
                "patient.email".into(),
                "Enter an email address in the correct format, like name@example.com".into(),
            );
        }
        _ => {}
    }

    match (fields.is_empty(), dob) {
        (true, Some(date_of_birth)) => Ok(ValidBooking {
            slot_id,
            date_of_birth,
            patient: patient.clone(),
        }),
        _ => Err(fields),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulus_11() {
        assert!(nhs_number_is_valid("9434765919"));
        assert!(!nhs_number_is_valid("9434765918"));
        assert!(!nhs_number_is_valid("943476591"));
        assert!(!nhs_number_is_valid("943 476 5919"));
        // Check digit 10 is never valid.
        assert!(!nhs_number_is_valid("1000000010"));
    }

    #[test]
    fn email_and_phone() {
        assert!(email_is_plausible("a.b@nhs.net"));
        assert!(!email_is_plausible("a@b@nhs.net"));
        assert!(!email_is_plausible("a@nhs"));
        assert!(phone_is_plausible("07700 900123"));
        assert!(phone_is_plausible("+44 7700 900123"));
        assert!(!phone_is_plausible("call me"));
    }
}
