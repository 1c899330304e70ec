//! The "Your details" question page: what the patient typed, checked with GOV.UK-style messages
//! that say exactly what to fix, and turned into the API's `Patient` only when all of it is right.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::journey::Step;
use crate::lang::fill;
use crate::model::{Patient, Reminders};
use crate::words::validate::words;

/// A field on the details page. `id()` is the HTML id of its input (used for error-summary links).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    GivenName,
    FamilyName,
    DobDay,
    DobMonth,
    DobYear,
    NhsNumber,
    Phone,
    Email,
    Reminders,
    BookerName,
    BookerRelationship,
    BookerPhone,
    NeedsInterpreter,
    NeedsOther,
    /// "Only times before" a date (slot alerts): its three boxes.
    BeforeDay,
    BeforeMonth,
    BeforeYear,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::GivenName => "given-name",
            Field::FamilyName => "family-name",
            Field::DobDay => "dob-day",
            Field::DobMonth => "dob-month",
            Field::DobYear => "dob-year",
            Field::NhsNumber => "nhs-number",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Reminders => "reminders",
            Field::BookerName => "booker-name",
            Field::BookerRelationship => "booker-relationship",
            Field::BookerPhone => "booker-phone",
            Field::NeedsInterpreter => "needs-interpreter",
            Field::NeedsOther => "needs-other",
            Field::BeforeDay => "before-day",
            Field::BeforeMonth => "before-month",
            Field::BeforeYear => "before-year",
        }
    }

    /// Which box of a three-box date the field is (0 day, 1 month, 2 year).
    pub fn date_part(self) -> Option<usize> {
        match self {
            Field::DobDay | Field::BeforeDay => Some(0),
            Field::DobMonth | Field::BeforeMonth => Some(1),
            Field::DobYear | Field::BeforeYear => Some(2),
            _ => None,
        }
    }

    /// The page the field is on: where an error the API found in it is corrected.
    pub fn step(self) -> Step {
        match self {
            Field::BookerName | Field::BookerRelationship | Field::BookerPhone => Step::Booker,
            Field::NeedsInterpreter | Field::NeedsOther => Step::Needs,
            Field::BeforeDay | Field::BeforeMonth | Field::BeforeYear => Step::AlertBefore,
            _ => Step::Details,
        }
    }

    /// Maps an API `fields` key to a field, so the API's own validation errors link to the right
    /// box. Unknown keys give `None` (the caller shows them without a link).
    pub fn from_api_key(key: &str) -> Option<Field> {
        Some(match key {
            "patient.given_name" => Field::GivenName,
            "patient.family_name" => Field::FamilyName,
            "patient.date_of_birth" => Field::DobDay,
            "patient.nhs_number" => Field::NhsNumber,
            "patient.phone" => Field::Phone,
            "patient.email" => Field::Email,
            "reminders" | "reminders.sms" | "reminders.email" => Field::Reminders,
            "booked_by" | "booked_by.name" => Field::BookerName,
            "booked_by.relationship" => Field::BookerRelationship,
            "booked_by.phone" => Field::BookerPhone,
            "needs" | "needs.interpreter" | "needs.communication" | "needs.access" => {
                Field::NeedsInterpreter
            }
            "needs.other" => Field::NeedsOther,
            "before" => Field::BeforeDay,
            _ => return None,
        })
    }
}

/// The page, of those with a field in error, that comes first in the journey: where the
/// patient corrects them, one page at a time.
pub fn first_step(errors: &[FieldError]) -> Option<Step> {
    errors
        .iter()
        .map(|e| e.field.step())
        .min_by_key(|s| s.question_index())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl FieldError {
    pub fn new(field: Field, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

// The messages below in English, as tests name them; the checks say them in the patient's
// language.
pub const NHS_NUMBER_EMPTY: &str = "Enter your NHS number, or select ‘I do not know my NHS number’";
pub const NHS_NUMBER_LENGTH: &str = "NHS number must be 10 digits";
pub const NHS_NUMBER_INVALID: &str =
    "Enter a valid NHS number. Check it against a letter from your GP or the NHS App";
pub const PHONE_NEEDED_NO_NHS_NUMBER: &str =
    "Enter a UK mobile phone number. We need it because you do not know your NHS number";
pub const PHONE_NEEDED_FOR_SMS: &str = "Enter a UK mobile phone number for text message reminders";
pub const PHONE_INVALID: &str = "Enter a UK mobile phone number, like 07700 900 982";
pub const EMAIL_NEEDED: &str = "Enter an email address for email reminders";
pub const EMAIL_INVALID: &str =
    "Enter an email address in the correct format, like name@example.com";

/// What the patient typed, kept exactly as typed (never mangled) so nothing is retyped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DetailsForm {
    pub given_name: String,
    pub family_name: String,
    pub dob_day: String,
    pub dob_month: String,
    pub dob_year: String,
    pub nhs_number: String,
    pub no_nhs_number: bool,
    pub phone: String,
    pub email: String,
    pub remind_sms: bool,
    pub remind_email: bool,
}

crate::from_json!(DetailsForm {
    given_name: def,
    family_name: def,
    dob_day: def,
    dob_month: def,
    dob_year: def,
    nhs_number: def,
    no_nhs_number: def,
    phone: def,
    email: def,
    remind_sms: def,
    remind_email: def
});

impl DetailsForm {
    /// All errors in page order (one per field at most; for the date, one message on the first part in error).
    pub fn validate(&self, today: NaiveDate) -> Result<(Patient, Reminders), Vec<FieldError>> {
        let on = |field| move |m: &str| FieldError::new(field, m);
        let w = words();
        let given = person_name(&self.given_name, w.first_name)
            .map_err(|m| FieldError::new(Field::GivenName, m));
        let family = person_name(&self.family_name, w.last_name)
            .map_err(|m| FieldError::new(Field::FamilyName, m));
        let dob = date_of_birth(&self.dob_day, &self.dob_month, &self.dob_year, today);
        // With the box ticked the number is ignored, not cleared: unticking brings it back.
        let nhs = if self.no_nhs_number {
            Ok(None)
        } else {
            nhs_number(&self.nhs_number)
                .map(Some)
                .map_err(on(Field::NhsNumber))
        };
        let phone = if !self.phone.trim().is_empty() {
            mobile_phone(&self.phone)
                .map(Some)
                .map_err(on(Field::Phone))
        } else if self.no_nhs_number {
            Err(on(Field::Phone)(w.phone_needed_no_nhs_number))
        } else if self.remind_sms {
            Err(on(Field::Phone)(w.phone_needed_for_sms))
        } else {
            Ok(None)
        };
        let mail = if !self.email.trim().is_empty() {
            email(&self.email).map(Some).map_err(on(Field::Email))
        } else if self.remind_email {
            Err(on(Field::Email)(w.email_needed))
        } else {
            Ok(None)
        };

        match (given, family, dob, nhs, phone, mail) {
            (
                Ok(given_name),
                Ok(family_name),
                Ok(date_of_birth),
                Ok(nhs_number),
                Ok(phone),
                Ok(email),
            ) => Ok((
                Patient {
                    given_name,
                    family_name,
                    date_of_birth,
                    nhs_number,
                    phone,
                    email,
                },
                Reminders {
                    sms: self.remind_sms,
                    email: self.remind_email,
                },
            )),
            (given, family, dob, nhs, phone, mail) => Err([
                given.err(),
                family.err(),
                dob.err(),
                nhs.err(),
                phone.err(),
                mail.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

/// Accepts spaces and dashes (as printed on letters and in the NHS App) and returns the 10 digits.
pub fn nhs_number(input: &str) -> Result<String, &'static str> {
    let digits: String = input
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—')))
        .collect();
    let w = words();
    if digits.is_empty() {
        return Err(w.nhs_number_empty);
    }
    if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(w.nhs_number_length);
    }
    if !is_valid_nhs_number(&digits) {
        return Err(w.nhs_number_invalid);
    }
    Ok(digits)
}

/// NHS Modulus 11: weights 10 down to 2 on the first nine digits; 11 minus the remainder is the
/// check digit, where 11 means 0 and 10 means no valid number has these nine digits.
pub fn is_valid_nhs_number(digits: &str) -> bool {
    let d = digits.as_bytes();
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    match 11 - sum % 11 {
        11 => d[9] == b'0',
        10 => false,
        check => u32::from(d[9] - b'0') == check,
    }
}

/// The date of birth from three boxes. Checks in the GOV.UK order: missing parts, then not a
/// real date, then year length, then past and plausible.
pub fn date_of_birth(
    day: &str,
    month: &str,
    year: &str,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let w = words();
    let boxes = DateBoxes {
        fields: [Field::DobDay, Field::DobMonth, Field::DobYear],
        enter: w.dob_empty,
        noun: w.dob_noun,
    };
    let date = boxes.read([day, month, year])?;
    if date >= today {
        return Err(FieldError::new(Field::DobDay, w.dob_in_future));
    }
    if date.year() < 1900 {
        return Err(FieldError::new(Field::DobYear, w.dob_before_1900));
    }
    Ok(date)
}

/// "Only times before" this date (slot alerts): after today and no later than `latest` (the
/// day of the appointment an earlier time would replace, or a year ahead), said with `latest`
/// in words when it is too late.
pub fn before_date(
    parts: [&str; 3],
    today: NaiveDate,
    latest: NaiveDate,
    too_late: &str,
) -> Result<NaiveDate, FieldError> {
    let w = words();
    let boxes = DateBoxes {
        fields: [Field::BeforeDay, Field::BeforeMonth, Field::BeforeYear],
        enter: w.before_empty,
        noun: w.before_noun,
    };
    let date = boxes.read(parts)?;
    if date <= today {
        return Err(FieldError::new(Field::BeforeDay, w.before_not_after_today));
    }
    if date > latest {
        return Err(FieldError::new(Field::BeforeDay, too_late));
    }
    Ok(date)
}

/// A date typed in three boxes (day, month, year) and the words its errors use.
struct DateBoxes {
    fields: [Field; 3],
    /// Said when all three are empty.
    enter: &'static str,
    /// What the date is ("date of birth"), for the other messages.
    noun: &'static str,
}

impl DateBoxes {
    /// Checks in the GOV.UK order: missing parts, then not a real date, then year length.
    fn read(&self, parts: [&str; 3]) -> Result<NaiveDate, FieldError> {
        let w = words();
        let [day_field, month_field, year_field] = self.fields;
        let [day_name, month_name, year_name] = w.date_parts;
        let parts = [
            (parts[0].trim(), day_field, day_name),
            (parts[1].trim(), month_field, month_name),
            (parts[2].trim(), year_field, year_name),
        ];
        let missing: Vec<_> = parts.iter().filter(|p| p.0.is_empty()).collect();
        match missing.len() {
            0 => {}
            3 => return Err(FieldError::new(day_field, self.enter)),
            n => {
                let names = if n == 1 {
                    missing[0].2.to_string()
                } else {
                    fill(
                        w.date_parts_two,
                        &[("first", missing[0].2), ("second", missing[1].2)],
                    )
                };
                let message = fill(w.date_missing, &[("date", self.noun), ("parts", &names)]);
                return Err(FieldError::new(missing[0].1, capitalised(&message)));
            }
        }

        let not_real = || capitalised(&fill(w.date_not_real, &[("date", self.noun)]));
        let mut numbers = [0u32; 3];
        for (n, (text, field, _)) in numbers.iter_mut().zip(parts) {
            // Length cap keeps the parse from overflowing; nobody needs more than 4 digits.
            if text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FieldError::new(field, not_real()));
            }
            *n = text
                .parse()
                .map_err(|_| FieldError::new(field, not_real()))?;
        }
        let [d, m, y] = numbers;
        if !(1..=31).contains(&d) {
            return Err(FieldError::new(day_field, not_real()));
        }
        if !(1..=12).contains(&m) {
            return Err(FieldError::new(month_field, not_real()));
        }
        if parts[2].0.len() != 4 {
            return Err(FieldError::new(year_field, w.year_four_digits));
        }
        // Day and month are each possible, so the day is what does not fit this month
        // (31 February).
        NaiveDate::from_ymd_opt(y as i32, m, d)
            .ok_or_else(|| FieldError::new(day_field, not_real()))
    }
}

/// A UK mobile number: 07xxx xxxxxx or +44 7xxx xxxxxx, with spaces, dashes or brackets as people
/// write them. Returns the "07700 900123" form. Only mobile ranges (071–075, 07624, 077–079)
/// are accepted, because the number is used for text messages.
pub fn mobile_phone(input: &str) -> Result<String, &'static str> {
    let compact: String = input
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '(' | ')' | '.')))
        .collect();
    let national = if let Some(rest) = compact
        .strip_prefix("+44")
        .or_else(|| compact.strip_prefix("0044"))
    {
        // "+44 (0)7700…" is a common way to write it.
        rest.strip_prefix('0').unwrap_or(rest)
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return Err(words().phone_invalid);
    };
    let b = national.as_bytes();
    let is_mobile = b.len() == 10
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'7'
        && (matches!(b[1], b'1'..=b'5' | b'7'..=b'9') || national.starts_with("7624"));
    if !is_mobile {
        return Err(words().phone_invalid);
    }
    Ok(format!("0{} {}", &national[..4], &national[4..]))
}

/// Trimmed; one @, a non-empty local part, a domain with a dot, no spaces. Deliberately loose:
/// the only sure check of an address is a message reaching it.
pub fn email(input: &str) -> Result<String, &'static str> {
    let e = input.trim();
    let invalid = words().email_invalid;
    let Some((local, domain)) = e.split_once('@') else {
        return Err(invalid);
    };
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
        && !e.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(e.to_string())
    } else {
        Err(invalid)
    }
}

/// A first or last name (`which` is "first name" or "last name", in the patient's language:
/// the validate words' `first_name` or `last_name`). Returns the name trimmed, letters
/// untouched: no case changes, no normalisation.
pub fn person_name(input: &str, which: &str) -> Result<String, String> {
    let name = input.trim();
    let w = words();
    let message = |template: &str| Err(capitalised(&fill(template, &[("name", which)])));
    if name.is_empty() {
        return message(w.name_empty);
    }
    if name.chars().count() > 35 {
        return message(w.name_too_long);
    }
    if !name.chars().all(name_char) {
        return message(w.name_characters);
    }
    if !name.chars().any(char::is_alphabetic) {
        return message(w.name_no_letter);
    }
    Ok(name.to_string())
}

/// A message with its first letter a capital: a name or a date's noun may start it ("First
/// name must…", "The date must…").
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Combining marks and joiners that `char::is_alphabetic` leaves out but real names need
/// (decomposed accents, Hebrew points, Indic viramas and nuktas, Persian joiners). Listing
/// ranges keeps the bundle free of a Unicode-category table.
const NAME_MARKS: &[(char, char)] = &[
    ('\u{0300}', '\u{036F}'),
    ('\u{0483}', '\u{0489}'),
    ('\u{0591}', '\u{05C7}'),
    ('\u{0610}', '\u{061A}'),
    ('\u{064B}', '\u{065F}'),
    ('\u{0670}', '\u{0670}'),
    ('\u{06D6}', '\u{06ED}'),
    ('\u{0900}', '\u{0903}'),
    ('\u{093A}', '\u{094F}'),
    ('\u{0951}', '\u{0957}'),
    ('\u{0962}', '\u{0963}'),
    ('\u{0981}', '\u{0983}'),
    ('\u{09BC}', '\u{09D7}'),
    ('\u{0A01}', '\u{0A03}'),
    ('\u{0A3C}', '\u{0A51}'),
    ('\u{0A70}', '\u{0A71}'),
    ('\u{0A81}', '\u{0A83}'),
    ('\u{0ABC}', '\u{0ACD}'),
    ('\u{0B01}', '\u{0B03}'),
    ('\u{0B3C}', '\u{0B57}'),
    ('\u{0B82}', '\u{0B82}'),
    ('\u{0BBE}', '\u{0BCD}'),
    ('\u{0C00}', '\u{0C04}'),
    ('\u{0C3C}', '\u{0C56}'),
    ('\u{0C81}', '\u{0C83}'),
    ('\u{0CBC}', '\u{0CD6}'),
    ('\u{0D00}', '\u{0D03}'),
    ('\u{0D3B}', '\u{0D57}'),
    ('\u{0D81}', '\u{0D83}'),
    ('\u{0DCA}', '\u{0DDF}'),
    ('\u{0E31}', '\u{0E3A}'),
    ('\u{0E47}', '\u{0E4E}'),
    ('\u{1AB0}', '\u{1AFF}'),
    ('\u{1DC0}', '\u{1DFF}'),
    ('\u{200C}', '\u{200D}'),
    ('\u{20D0}', '\u{20FF}'),
    ('\u{3099}', '\u{309A}'),
    ('\u{FE20}', '\u{FE2F}'),
];

fn name_char(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c, ' ' | '-' | '‐' | '‑' | '\'' | '’' | '.')
        || NAME_MARKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_details_messages() {
        use crate::lang::compare;
        use crate::words::testing::in_welsh;
        use crate::words::validate::{cy, en};
        compare(&en().each(), &cy().each(), &[]);
        in_welsh(|| {
            let errors = DetailsForm::default().validate(today()).unwrap_err();
            let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            assert_eq!(
                messages,
                [
                    "Rhowch eich enw cyntaf",
                    "Rhowch eich cyfenw",
                    "Rhowch eich dyddiad geni",
                    "Rhowch eich rhif GIG, neu dewiswch ‘Nid wyf yn gwybod fy rhif GIG’"
                ]
            );
            let names = cy();
            assert_eq!(
                person_name(&"a".repeat(36), names.last_name),
                Err("Rhaid i'r cyfenw fod yn 35 nod neu lai".into())
            );
            assert_eq!(
                dob_err("", "2", ""),
                (
                    Field::DobDay,
                    "Rhaid i'r dyddiad geni gynnwys diwrnod a blwyddyn".into()
                )
            );
            assert_eq!(
                dob_err("31", "2", "1990").1,
                "Rhaid i'r dyddiad geni fod yn ddyddiad go iawn"
            );
            let before = before_date(["1", "", "2027"], today(), date(2027, 6, 1), "x");
            assert_eq!(before.unwrap_err().message, "Rhaid i'r dyddiad gynnwys mis");
            assert_eq!(
                mobile_phone("01480 123456"),
                Err("Rhowch rif ffôn symudol yn y DU, fel 07700 900 982")
            );
        });
        // And back in English afterwards.
        assert_eq!(nhs_number(""), Err(NHS_NUMBER_EMPTY));
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 11, 23)
    }

    fn form() -> DetailsForm {
        DetailsForm {
            given_name: "  Siân ".into(),
            family_name: "O’Neill".into(),
            dob_day: " 28".into(),
            dob_month: "02".into(),
            dob_year: "1958 ".into(),
            nhs_number: "943-476-5919".into(),
            phone: "+44 (0)7700 900123".into(),
            email: " sian@example.com ".into(),
            remind_sms: true,
            ..DetailsForm::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<Field> {
        errors.iter().map(|e| e.field).collect()
    }

    fn dob_err(d: &str, m: &str, y: &str) -> (Field, String) {
        let e = date_of_birth(d, m, y, today()).unwrap_err();
        (e.field, e.message)
    }

    #[test]
    fn field_ids_and_api_keys() {
        assert_eq!(Field::GivenName.id(), "given-name");
        assert_eq!(Field::FamilyName.id(), "family-name");
        assert_eq!(Field::DobDay.id(), "dob-day");
        assert_eq!(Field::DobMonth.id(), "dob-month");
        assert_eq!(Field::DobYear.id(), "dob-year");
        assert_eq!(Field::NhsNumber.id(), "nhs-number");
        assert_eq!(Field::Phone.id(), "phone");
        assert_eq!(Field::Email.id(), "email");
        assert_eq!(Field::Reminders.id(), "reminders");
        assert_eq!(
            Field::from_api_key("patient.given_name"),
            Some(Field::GivenName)
        );
        assert_eq!(
            Field::from_api_key("patient.family_name"),
            Some(Field::FamilyName)
        );
        assert_eq!(
            Field::from_api_key("patient.date_of_birth"),
            Some(Field::DobDay)
        );
        assert_eq!(
            Field::from_api_key("patient.nhs_number"),
            Some(Field::NhsNumber)
        );
        assert_eq!(Field::from_api_key("patient.phone"), Some(Field::Phone));
        assert_eq!(Field::from_api_key("patient.email"), Some(Field::Email));
        assert_eq!(Field::from_api_key("reminders.sms"), Some(Field::Reminders));
        assert_eq!(
            Field::from_api_key("reminders.email"),
            Some(Field::Reminders)
        );
        assert_eq!(
            Field::from_api_key("booked_by.phone").map(Field::step),
            Some(Step::Booker)
        );
        assert_eq!(
            Field::from_api_key("needs.other").map(Field::step),
            Some(Step::Needs)
        );
        assert_eq!(Field::Phone.step(), Step::Details);
        let errors = [
            FieldError::new(Field::NeedsOther, "x"),
            FieldError::new(Field::Phone, "y"),
            FieldError::new(Field::BookerPhone, "z"),
        ];
        assert_eq!(first_step(&errors), Some(Step::Booker));
        assert_eq!(first_step(&errors[..2]), Some(Step::Details));
        assert_eq!(first_step(&[]), None);
        assert_eq!(Field::from_api_key("slot_id"), None);
        assert_eq!(Field::from_api_key(""), None);
    }

    #[test]
    fn a_complete_form_becomes_the_patient() {
        let (p, r) = form().validate(today()).unwrap();
        assert_eq!(p.given_name, "Siân");
        assert_eq!(p.family_name, "O’Neill");
        assert_eq!(p.date_of_birth, date(1958, 2, 28));
        assert_eq!(p.nhs_number.as_deref(), Some("9434765919"));
        assert_eq!(p.phone.as_deref(), Some("07700 900123"));
        assert_eq!(p.email.as_deref(), Some("sian@example.com"));
        assert_eq!(
            r,
            Reminders {
                sms: true,
                email: false
            }
        );
    }

    #[test]
    fn validating_never_changes_what_was_typed() {
        let f = form();
        let copy = f.clone();
        let _ = f.validate(today());
        assert_eq!(f, copy);
    }

    #[test]
    fn an_empty_form_lists_every_problem_in_page_order() {
        let errors = DetailsForm::default().validate(today()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError::new(Field::GivenName, "Enter your first name"),
                FieldError::new(Field::FamilyName, "Enter your last name"),
                FieldError::new(Field::DobDay, "Enter your date of birth"),
                FieldError::new(Field::NhsNumber, NHS_NUMBER_EMPTY),
            ]
        );
    }

    #[test]
    fn every_kind_of_error_at_once_in_page_order() {
        let f = DetailsForm {
            given_name: "J0hn".into(),
            family_name: "x".repeat(36),
            dob_day: "31".into(),
            dob_month: "2".into(),
            dob_year: "1990".into(),
            nhs_number: "9434765918".into(),
            phone: "01480 123456".into(),
            email: "nope".into(),
            remind_email: true,
            ..DetailsForm::default()
        };
        let errors = f.validate(today()).unwrap_err();
        assert_eq!(
            fields(&errors),
            vec![
                Field::GivenName,
                Field::FamilyName,
                Field::DobDay,
                Field::NhsNumber,
                Field::Phone,
                Field::Email
            ]
        );
        assert_eq!(
            errors[1].message,
            "Last name must be 35 characters or fewer"
        );
        assert_eq!(errors[3].message, NHS_NUMBER_INVALID);
        assert_eq!(errors[4].message, PHONE_INVALID);
        assert_eq!(errors[5].message, EMAIL_INVALID);
    }

    #[test]
    fn no_nhs_number_sends_none_and_needs_a_phone() {
        let mut f = form();
        f.no_nhs_number = true;
        f.nhs_number = "not a number".into();
        let (p, _) = f.validate(today()).unwrap();
        assert_eq!(p.nhs_number, None);

        f.phone = "  ".into();
        f.remind_sms = false;
        let errors = f.validate(today()).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(Field::Phone, PHONE_NEEDED_NO_NHS_NUMBER)]
        );
    }

    #[test]
    fn phone_needed_for_text_reminders_else_optional() {
        let mut f = form();
        f.phone.clear();
        let errors = f.validate(today()).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(Field::Phone, PHONE_NEEDED_FOR_SMS)]
        );
        f.remind_sms = false;
        let (p, r) = f.validate(today()).unwrap();
        assert_eq!(p.phone, None);
        assert!(!r.sms);
        // Optional, but still checked when given.
        f.phone = "12345".into();
        assert_eq!(
            f.validate(today()).unwrap_err(),
            vec![FieldError::new(Field::Phone, PHONE_INVALID)]
        );
    }

    #[test]
    fn email_needed_for_email_reminders_else_optional() {
        let mut f = form();
        f.email = " ".into();
        let (p, _) = f.validate(today()).unwrap();
        assert_eq!(p.email, None);
        f.remind_email = true;
        assert_eq!(
            f.validate(today()).unwrap_err(),
            vec![FieldError::new(Field::Email, EMAIL_NEEDED)]
        );
        f.email = "sian@example.com".into();
        let (p, r) = f.validate(today()).unwrap();
        assert_eq!(p.email.as_deref(), Some("sian@example.com"));
        assert!(r.email && r.sms);
    }

    #[test]
    fn nhs_number_check_digit() {
        assert!(is_valid_nhs_number("9434765919"));
        assert!(is_valid_nhs_number("9434765870"));
        assert!(!is_valid_nhs_number("9434765918"));
        assert!(!is_valid_nhs_number("943476591"));
        assert!(!is_valid_nhs_number("94347659190"));
        assert!(!is_valid_nhs_number("943476591a"));
        assert!(!is_valid_nhs_number("943 476 5919"));
        assert!(!is_valid_nhs_number(""));
        // Remainder 0 gives 11, which stands for a check digit of 0.
        assert!(is_valid_nhs_number("9434765870"));
        assert!(!is_valid_nhs_number("9434765871"));
        // 123456789: sum 210, remainder 1, check 10, so no last digit makes it valid.
        for last in '0'..='9' {
            assert!(!is_valid_nhs_number(&format!("123456789{last}")));
        }
    }

    /// Check digits worked out from the algorithm (weights 10..2; check = 11 - sum mod 11).
    #[test]
    fn known_valid_nhs_numbers() {
        let valid = [
            "9434765919", // sum 299, remainder 2, check 9
            "9434765870", // sum 308, remainder 0, check 11 -> 0
            "9434765862", // sum 306, remainder 9, check 2
            "9434765854", // sum 304, remainder 7, check 4
            "9990000026", // sum 247, remainder 5, check 6
            "4010232137", // sum 92, remainder 4, check 7
            "6541237891", // sum 241, remainder 10, check 1
            "4857773457", // sum 312, remainder 4, check 7
            "9999999999", // sum 486, remainder 2, check 9
        ];
        for n in valid {
            assert!(is_valid_nhs_number(n), "{n} should be valid");
            assert_eq!(nhs_number(n), Ok(n.to_string()));
        }
        // Changing the last digit of a valid number always breaks it.
        for n in valid {
            let last = n.as_bytes()[9];
            let other = if last == b'9' {
                '0'
            } else {
                (last + 1) as char
            };
            assert!(!is_valid_nhs_number(&format!("{}{other}", &n[..9])));
        }
    }

    #[test]
    fn nhs_number_input_forms_and_messages() {
        assert_eq!(nhs_number("943 476 5919"), Ok("9434765919".into()));
        assert_eq!(nhs_number(" 943-476-5919 "), Ok("9434765919".into()));
        assert_eq!(
            nhs_number("943\u{a0}476\u{a0}5919"),
            Ok("9434765919".into())
        );
        assert_eq!(nhs_number(""), Err(NHS_NUMBER_EMPTY));
        assert_eq!(nhs_number("   "), Err(NHS_NUMBER_EMPTY));
        assert_eq!(nhs_number("943 476 591"), Err(NHS_NUMBER_LENGTH));
        assert_eq!(nhs_number("943 476 59190"), Err(NHS_NUMBER_LENGTH));
        assert_eq!(nhs_number("943 476 591O"), Err(NHS_NUMBER_LENGTH));
        assert_eq!(nhs_number("９４３４７６５９１９"), Err(NHS_NUMBER_LENGTH));
        assert_eq!(nhs_number("943 476 5918"), Err(NHS_NUMBER_INVALID));
    }

    #[test]
    fn date_of_birth_accepts_real_past_dates() {
        assert_eq!(
            date_of_birth("28", "2", "1958", today()),
            Ok(date(1958, 2, 28))
        );
        assert_eq!(
            date_of_birth(" 01 ", " 01 ", " 1900 ", today()),
            Ok(date(1900, 1, 1))
        );
        assert_eq!(
            date_of_birth("29", "2", "2000", today()),
            Ok(date(2000, 2, 29))
        );
        assert_eq!(
            date_of_birth("22", "11", "2026", today()),
            Ok(date(2026, 11, 22))
        );
    }

    #[test]
    fn date_of_birth_missing_parts() {
        assert_eq!(
            dob_err("", " ", ""),
            (Field::DobDay, "Enter your date of birth".into())
        );
        let m = |s: &str| format!("Date of birth must include a {s}");
        assert_eq!(dob_err("", "2", "1958"), (Field::DobDay, m("day")));
        assert_eq!(dob_err("28", "", "1958"), (Field::DobMonth, m("month")));
        assert_eq!(dob_err("28", "2", ""), (Field::DobYear, m("year")));
        assert_eq!(dob_err("", "", "1958"), (Field::DobDay, m("day and month")));
        assert_eq!(dob_err("", "2", ""), (Field::DobDay, m("day and year")));
        assert_eq!(
            dob_err("28", "", ""),
            (Field::DobMonth, m("month and year"))
        );
        // Missing comes before wrong.
        assert_eq!(dob_err("x", "", "1958"), (Field::DobMonth, m("month")));
    }

    #[test]
    fn date_of_birth_not_real() {
        let real = "Date of birth must be a real date".to_string();
        assert_eq!(dob_err("31", "2", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("29", "2", "2023"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("29", "2", "1900"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("31", "4", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("1", "13", "1990"), (Field::DobMonth, real.clone()));
        assert_eq!(dob_err("0", "1", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("32", "1", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("1", "0", "1990"), (Field::DobMonth, real.clone()));
        assert_eq!(dob_err("1", "Feb", "1990"), (Field::DobMonth, real.clone()));
        assert_eq!(dob_err("1st", "2", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("1", "2", "19x0"), (Field::DobYear, real.clone()));
        assert_eq!(dob_err("-1", "2", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("1", "2", "+1990"), (Field::DobYear, real.clone()));
        assert_eq!(dob_err("1 2", "2", "1990"), (Field::DobDay, real.clone()));
        assert_eq!(dob_err("99999999999", "2", "1990"), (Field::DobDay, real));
    }

    #[test]
    fn date_of_birth_year_past_and_range() {
        let four = (Field::DobYear, "Year must include 4 numbers".to_string());
        assert_eq!(dob_err("1", "2", "58"), four);
        assert_eq!(dob_err("1", "2", "195"), four);
        let past = (
            Field::DobDay,
            "Enter a date of birth in the past".to_string(),
        );
        assert_eq!(dob_err("23", "11", "2026"), past);
        assert_eq!(dob_err("24", "11", "2026"), past);
        assert_eq!(dob_err("1", "1", "2999"), past);
        let old = (Field::DobYear, "Enter a year after 1900".to_string());
        assert_eq!(dob_err("31", "12", "1899"), old);
        assert_eq!(dob_err("1", "1", "0958"), old);
    }

    #[test]
    fn date_errors_in_the_form_go_on_one_part_only() {
        let mut f = form();
        f.dob_day.clear();
        f.dob_month.clear();
        let errors = f.validate(today()).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(
                Field::DobDay,
                "Date of birth must include a day and month"
            )]
        );
    }

    #[test]
    fn mobile_phone_forms() {
        let ok = |s: &str| mobile_phone(s).unwrap();
        assert_eq!(ok("07700900123"), "07700 900123");
        assert_eq!(ok("07700 900 123"), "07700 900123");
        assert_eq!(ok(" 07700-900-123 "), "07700 900123");
        assert_eq!(ok("(07700) 900123"), "07700 900123");
        assert_eq!(ok("+447700900123"), "07700 900123");
        assert_eq!(ok("+44 7700 900123"), "07700 900123");
        assert_eq!(ok("+44 (0)7700 900123"), "07700 900123");
        assert_eq!(ok("0044 7700 900123"), "07700 900123");
        assert_eq!(ok("07123 456789"), "07123 456789");
        assert_eq!(ok("07624 123456"), "07624 123456");
        for bad in [
            "",
            "07700 90012",
            "07700 9001234",
            "01480 123456",
            "020 7946 0000",
            "07000 123456",
            "07600 123456",
            "+33 6 12 34 56 78",
            "+44 1480 123456",
            "7700 900123",
            "07700 9OO123",
            "0770０900123",
            "phone me",
        ] {
            assert_eq!(mobile_phone(bad), Err(PHONE_INVALID), "{bad}");
        }
    }

    #[test]
    fn email_forms() {
        assert_eq!(email(" name@example.com "), Ok("name@example.com".into()));
        assert_eq!(email("a.b+c@nhs.net"), Ok("a.b+c@nhs.net".into()));
        assert_eq!(email("Siân@ysbyty.cymru"), Ok("Siân@ysbyty.cymru".into()));
        for bad in [
            "",
            "name",
            "name@",
            "@example.com",
            "name@example",
            "name@@example.com",
            "a@b@example.com",
            "name@example.",
            "name@.com",
            "name@example..com",
            "na me@example.com",
            "name@exa mple.com",
            "name@example.com\u{0}",
        ] {
            assert_eq!(email(bad), Err(EMAIL_INVALID), "{bad:?}");
        }
    }

    #[test]
    fn names_keep_every_letter_as_typed() {
        for name in [
            "Siân",
            "Nguyễn",
            "Zoë",
            "Zoe\u{308}",
            "Ó Briain",
            "O'Neill",
            "O’Neill",
            "Smith-Jones",
            "St. John",
            "José María",
            "Łukasz",
            "Ørsted",
            "Дмитрий",
            "محمد",
            "לאה",
            "लक्ष्मी",
            "ਗੁਰਪ੍ਰੀਤ",
            "王芳",
            "ZOË",
            "mcdonald",
        ] {
            assert_eq!(
                person_name(name, "first name"),
                Ok(name.to_string()),
                "{name}"
            );
        }
        assert_eq!(person_name("  Siân  ", "first name"), Ok("Siân".into()));
        // Inside spaces are the patient's own; only the ends are trimmed.
        assert_eq!(
            person_name("Mary  Ann", "first name"),
            Ok("Mary  Ann".into())
        );
    }

    #[test]
    fn names_messages() {
        assert_eq!(
            person_name("", "first name"),
            Err("Enter your first name".into())
        );
        assert_eq!(
            person_name("   ", "last name"),
            Err("Enter your last name".into())
        );
        assert_eq!(
            person_name(&"a".repeat(36), "first name"),
            Err("First name must be 35 characters or fewer".into())
        );
        // 35 letters of two bytes each are still 35 characters.
        assert!(person_name(&"â".repeat(35), "first name").is_ok());
        let only = "First name must only include letters, spaces, hyphens and apostrophes";
        for bad in [
            "J0hn",
            "Ann 2",
            "Zoë 🙂",
            "<script>",
            "Ann\tMarie",
            "Ann\u{7}",
            "Ann\u{202E}eiraM",
            "Ann\u{2066}",
            "Ann_Marie",
            "Ann@",
            "Ann\"",
        ] {
            assert_eq!(person_name(bad, "first name"), Err(only.into()), "{bad:?}");
        }
        assert_eq!(
            person_name("O'", "last name").map(|_| ()),
            Ok(()),
            "one letter is enough"
        );
        assert_eq!(
            person_name("--", "last name"),
            Err("Last name must include at least one letter".into())
        );
    }
}
