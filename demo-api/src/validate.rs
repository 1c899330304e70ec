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

/// What to say about a number that cannot take text messages.
pub const MOBILE_FORMAT: &str = "Enter a UK mobile number, like 07700 900 982 or +44 7700 900 982";

/// A UK mobile number: `07` and nine more digits, or the same with `+44`, `44` or `0044` in
/// place of the `0`; spaces, `-` and brackets may come between the digits. Slot alerts are
/// sent by text message, so a landline will not do.
pub fn uk_mobile_is_valid(phone: &str) -> bool {
    if !phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        || phone.chars().skip(1).any(|c| c == '+')
    {
        return false;
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = if phone.trim_start().starts_with('+') {
        digits.strip_prefix("44")
    } else if let Some(rest) = digits.strip_prefix("0044") {
        Some(rest)
    } else if digits.len() >= 12 {
        digits.strip_prefix("44")
    } else {
        return digits.len() == 11 && digits.starts_with("07");
    };
    // After +44 the trunk 0 may be written in brackets: +44 (0)7700 900123.
    let rest = international.map(|r| r.strip_prefix('0').unwrap_or(r));
    rest.is_some_and(|r| r.len() == 10 && r.starts_with('7'))
}

/// A `POST /slot-alerts` body as far as it can be read without the data: each part `None`
/// when missing or not usable (and then named in the fields to correct).
#[derive(Debug, Default)]
pub struct AlertRequest {
    pub service: Option<String>,
    pub band: Option<String>,
    /// None: any site with a clinic for the service and band.
    pub locality: Option<String>,
    /// None: not given (allowed only with `booking`) or not a date after today.
    pub before: Option<NaiveDate>,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
    /// The booking an earlier time would replace, as sent (trimmed).
    pub booking: Option<String>,
}

/// An id the request names (`service`, `band`): a non-blank string.
fn id_field(body: &Value, key: &str, message: &str, fields: &mut Fields) -> Option<String> {
    match body.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => {
            fields.insert(key.into(), message.into());
            None
        }
    }
}

/// Checks a `POST /slot-alerts` body on its own (types, dates, names, the mobile number);
/// whether the service, band, site and booking exist is for the store, which adds its own
/// problems to the same `fields` so one answer names every field to correct.
pub fn slot_alert(body: &Value, today: NaiveDate, fields: &mut Fields) -> AlertRequest {
    let service = id_field(body, "service", "Choose a service", fields);
    let band = id_field(body, "band", "Choose the type of appointment", fields);
    let locality = match body.get("locality") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(_) => {
            fields.insert(
                "locality".into(),
                "Choose a place, or any place (null)".into(),
            );
            None
        }
    };
    let booking = match body.get("booking") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(_) => {
            fields.insert(
                "booking".into(),
                "Enter the booking reference, like PHY-7K3Q9D".into(),
            );
            None
        }
    };
    let before = match body.get("before") {
        // Left out: the booking's date, when there is one (the store fills it in).
        None | Some(Value::Null) if matches!(body.get("booking"), Some(b) if !b.is_null()) => None,
        v => match date_field(v) {
            Some(d) if d > today => Some(d),
            Some(_) => {
                fields.insert("before".into(), "The date must be after today".into());
                None
            }
            None => {
                fields.insert(
                    "before".into(),
                    "Enter the date you want an earlier time before, as YYYY-MM-DD".into(),
                );
                None
            }
        },
    };

    let empty = Value::Object(Default::default());
    let patient = match body.get("patient") {
        Some(p @ Value::Object(_)) => p,
        _ => &empty,
    };
    name(patient, "given_name", "First name", fields);
    name(patient, "family_name", "Last name", fields);
    let text = |key: &str| {
        optional_text(patient.get(key))
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    let date_of_birth = match date_field(patient.get("date_of_birth")) {
        Some(d) if d < today => Some(d),
        Some(_) => {
            fields.insert(
                "patient.date_of_birth".into(),
                "Date of birth must be in the past".into(),
            );
            None
        }
        None => {
            fields.insert(
                "patient.date_of_birth".into(),
                "Enter a date of birth, for example 28 2 1958".into(),
            );
            None
        }
    };
    let phone = match optional_text(patient.get("phone")) {
        Ok(Some(p)) if uk_mobile_is_valid(&p) => Some(p),
        Ok(Some(_)) | Err(()) => {
            fields.insert("patient.phone".into(), MOBILE_FORMAT.into());
            None
        }
        Ok(None) => {
            fields.insert(
                "patient.phone".into(),
                "Enter a mobile number, so we can text you when an earlier time comes up".into(),
            );
            None
        }
    };
    AlertRequest {
        service,
        band,
        locality,
        before,
        given_name: text("given_name"),
        family_name: text("family_name"),
        date_of_birth,
        phone,
        booking,
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

    #[test]
    fn uk_mobiles() {
        for ok in [
            "07700 900123",
            "07700900123",
            "+44 7700 900123",
            "+44 (0)7700 900123",
            "447700900123",
            "0044 7700 900123",
            "07700-900-123",
        ] {
            assert!(uk_mobile_is_valid(ok), "{ok}");
        }
        for bad in [
            "01480 123456",
            "0770 090 012",
            "077009001234",
            "+1 7700 900123",
            "7700 900123",
            "07700 9OO123",
            "0770+0900123",
            "",
        ] {
            assert!(!uk_mobile_is_valid(bad), "{bad}");
        }
    }
}
