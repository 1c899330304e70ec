//! The 1.1 details a booking request may carry (`screening`, `needs`, `booked_by`, `language`):
//! their checks, each problem keyed like `needs.other`, and what the booking keeps and echoes.
//! Only the features the server offers are read; a 1.0 server does not look at the fields, as
//! a real 1.0 API would not know them.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::validate::{
    self, optional_text, phone_is_plausible, Fields, ValidBooking, PHONE_FORMAT,
};
use crate::version::{ApiVersion, Feature};

/// The contract's limit on `needs.other`, in characters.
pub const OTHER_MAX: usize = 500;

pub const COMMUNICATION: &[&str] = &[
    "large_print",
    "easy_read",
    "braille",
    "audio",
    "email_only",
    "text_relay",
    "deafblind_manual",
];

pub const ACCESS: &[&str] = &[
    "step_free",
    "hearing_loop",
    "longer_appointment",
    "chaperone",
    "companion",
    "quiet_wait",
];

pub const LANGUAGES: &[&str] = &["en", "cy"];

/// What a booking keeps of the 1.1 details. A detail that was not given is left out of the
/// booking's JSON rather than sent as null: the contract says `booked_by` "is present when
/// someone books for the patient", and the others follow suit.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extras {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booked_by: Option<BookedBy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Always echoed with all four keys, so a reader never has to tell "left out" from "none".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Needs {
    pub interpreter: Option<String>,
    pub communication: Vec<String>,
    pub access: Vec<String>,
    pub other: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BookedBy {
    pub name: String,
    pub relationship: Option<String>,
    pub phone: Option<String>,
}

impl Extras {
    /// Adds the details that were given to a booking's JSON.
    pub fn echo_into(&self, booking: &mut Value) {
        if let (Value::Object(out), Ok(Value::Object(details))) =
            (booking, serde_json::to_value(self))
        {
            out.extend(details);
        }
    }
}

/// Checks a POST /bookings body: the 1.0 checks, and those of the 1.1 features `version`
/// offers, all at once so that one 422 names every field to correct.
pub fn booking(
    body: &Value,
    today: NaiveDate,
    version: ApiVersion,
) -> Result<(ValidBooking, Extras), Fields> {
    let mut fields = Fields::new();
    let valid = validate::booking(body, today)
        .map_err(|f| fields.extend(f))
        .ok();
    let extras = read(body, version, &mut fields);
    match valid {
        Some(valid) if fields.is_empty() => Ok((valid, extras)),
        _ => Err(fields),
    }
}

fn read(body: &Value, version: ApiVersion, fields: &mut Fields) -> Extras {
    if version.offers(Feature::Screening) {
        screening(body.get("screening"), fields);
    }
    Extras {
        needs: (version.offers(Feature::Needs))
            .then(|| needs(body.get("needs"), fields))
            .flatten(),
        booked_by: (version.offers(Feature::BookedBy))
            .then(|| booked_by(body.get("booked_by"), fields))
            .flatten(),
        language: (version.offers(Feature::Language))
            .then(|| language(body.get("language"), fields))
            .flatten(),
    }
}

/// Present and not null.
fn given(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_null())
}

fn invalid(fields: &mut Fields, field: &str, message: &str) {
    fields.insert(field.into(), message.into());
}

/// Only "none of these" is ever sent: a patient with any symptom gets the urgent advice
/// instead, and nothing about them reaches the API. Checked, not kept (the contract does not
/// echo it).
fn screening(v: Option<&Value>, fields: &mut Fields) {
    match given(v) {
        None => {}
        Some(Value::String(s)) if s == "none" => {}
        Some(_) => invalid(
            fields,
            "screening",
            "Only \"none\" can be sent: anyone with these symptoms needs urgent advice, not a booking",
        ),
    }
}

/// Optional text, trimmed, "" read as null.
fn text(v: Option<&Value>, field: &str, message: &str, fields: &mut Fields) -> Option<String> {
    optional_text(v).unwrap_or_else(|()| {
        invalid(fields, field, message);
        None
    })
}

/// A list of values from `allowed`; null or left out is an empty list; repeats are kept once.
fn choices(
    v: Option<&Value>,
    allowed: &[&str],
    field: &str,
    message: &str,
    fields: &mut Fields,
) -> Vec<String> {
    let items = match given(v) {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            invalid(fields, field, message);
            return Vec::new();
        }
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        match item.as_str().filter(|s| allowed.contains(s)) {
            Some(s) if out.iter().any(|o| o == s) => {}
            Some(s) => out.push(s.to_string()),
            None => {
                invalid(fields, field, message);
                return Vec::new();
            }
        }
    }
    out
}

fn needs(v: Option<&Value>, fields: &mut Fields) -> Option<Needs> {
    let v = given(v)?;
    if !v.is_object() {
        invalid(fields, "needs", "Enter the support you need");
        return None;
    }
    let interpreter = text(
        v.get("interpreter"),
        "needs.interpreter",
        "Enter the language you need an interpreter for",
        fields,
    );
    let communication = choices(
        v.get("communication"),
        COMMUNICATION,
        "needs.communication",
        "Choose from the communication needs listed",
        fields,
    );
    let access = choices(
        v.get("access"),
        ACCESS,
        "needs.access",
        "Choose from the access needs listed",
        fields,
    );
    let other = text(
        v.get("other"),
        "needs.other",
        "Enter any other needs as text",
        fields,
    );
    if other
        .as_ref()
        .is_some_and(|o| o.chars().count() > OTHER_MAX)
    {
        let message = format!("Other needs must be {OTHER_MAX} characters or fewer");
        invalid(fields, "needs.other", &message);
    }
    Some(Needs {
        interpreter,
        communication,
        access,
        other,
    })
}

fn booked_by(v: Option<&Value>, fields: &mut Fields) -> Option<BookedBy> {
    let v = given(v)?;
    if !v.is_object() {
        invalid(
            fields,
            "booked_by",
            "Enter the details of the person booking",
        );
        return None;
    }
    const NAME: &str = "Enter the name of the person booking";
    let name = text(v.get("name"), "booked_by.name", NAME, fields);
    if name.is_none() {
        invalid(fields, "booked_by.name", NAME);
    }
    let relationship = text(
        v.get("relationship"),
        "booked_by.relationship",
        "Enter how you are related to the patient",
        fields,
    );
    // Checked like the patient's phone: optional here, but a real number when given.
    let phone = text(v.get("phone"), "booked_by.phone", PHONE_FORMAT, fields);
    if phone.as_deref().is_some_and(|p| !phone_is_plausible(p)) {
        invalid(fields, "booked_by.phone", PHONE_FORMAT);
    }
    Some(BookedBy {
        name: name.unwrap_or_default(),
        relationship,
        phone,
    })
}

fn language(v: Option<&Value>, fields: &mut Fields) -> Option<String> {
    match given(v) {
        None => None,
        Some(Value::String(s)) if LANGUAGES.contains(&s.as_str()) => Some(s.clone()),
        Some(_) => {
            invalid(
                fields,
                "language",
                "Choose English (en) or Welsh (cy) for letters and text messages",
            );
            None
        }
    }
}
