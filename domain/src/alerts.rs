//! "Tell me if an earlier time comes up" (API 1.1 `slot_alerts`): the answers to the alert's
//! questions, which question comes next, what check answers shows and what is sent. Asked from
//! the time page (no time suits the patient) or from a booking being managed (to move it
//! earlier); the pages in `src/pages/alerts.rs` only render this.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::answers::AnswerRow;
use crate::draft::BookingDraft;
use crate::format;
use crate::ids::{BandId, LocalityId, Reference, ServiceId};
use crate::journey::Step;
use crate::lang::fill;
use crate::model::{AlertPatient, Booking, Service, SlotAlert, SlotAlertRequest};
use crate::validate::{self, Field, FieldError};
use crate::words::alerts::words;
use crate::words::answers::words as row_words;

/// The questions, in the order asked.
pub const QUESTIONS: [Step; 4] = [
    Step::AlertWhere,
    Step::AlertBefore,
    Step::AlertDetails,
    Step::AlertCheck,
];

/// How far ahead a patient without a booking may ask ("only times before" at most a year on).
pub const LONGEST_MONTHS: u32 = 12;

/// Who to text, exactly as typed (nothing is retyped after an error).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AlertDetailsForm {
    pub given_name: String,
    pub family_name: String,
    pub dob_day: String,
    pub dob_month: String,
    pub dob_year: String,
    pub phone: String,
}

crate::from_json!(AlertDetailsForm {
    given_name: def,
    family_name: def,
    dob_day: def,
    dob_month: def,
    dob_year: def,
    phone: def
});

crate::from_json!(AlertPatient {
    given_name: req,
    family_name: req,
    date_of_birth: req,
    phone: req
});

/// An alert being asked for, and once set up, its reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlertDraft {
    pub service: ServiceId,
    pub service_name: String,
    pub band: BandId,
    pub band_name: String,
    /// The place the patient was looking at (or is booked at).
    pub locality: LocalityId,
    pub locality_name: String,
    /// The booking an earlier time would replace (asked from manage), and its day.
    pub booking: Option<Reference>,
    pub booked_day: Option<NaiveDate>,
    /// `Some(true)`: any place with this clinician; `Some(false)`: only `locality`.
    pub any_place: Option<bool>,
    /// "Before my current appointment" chosen (a booking's alert only).
    pub before_booking: Option<bool>,
    pub before_day: String,
    pub before_month: String,
    pub before_year: String,
    /// The checked "only times before" date.
    pub before: Option<NaiveDate>,
    pub details: AlertDetailsForm,
    /// The checked details.
    pub patient: Option<AlertPatient>,
    /// Problems the API found (422), shown on the page that corrects them. Not kept.
    #[serde(skip)]
    pub server_errors: Vec<FieldError>,
    /// One key per alert asked for, kept across retries so it is never set up twice; replaced
    /// whenever what would be sent changes.
    pub key: Option<String>,
    /// The alert the API set up.
    pub set: Option<SlotAlert>,
}

crate::from_json!(AlertDraft { service: req, service_name: req, band: req, band_name: req,
    locality: req, locality_name: req, booking: def, booked_day: def, any_place: def,
    before_booking: def, before_day: def, before_month: def, before_year: def, before: def,
    details: def, patient: def, key: def, set: def; server_errors: Vec::new() });

impl AlertDraft {
    fn new(service: &Service, band: &BandId, locality: (LocalityId, String)) -> Self {
        AlertDraft {
            service: service.id.clone(),
            service_name: service.name.clone(),
            band: band.clone(),
            band_name: (service.band(band).map(|b| b.name.clone()))
                .unwrap_or_else(|| words().same_clinician.into()),
            locality: locality.0,
            locality_name: locality.1,
            booking: None,
            booked_day: None,
            any_place: None,
            before_booking: None,
            before_day: String::new(),
            before_month: String::new(),
            before_year: String::new(),
            before: None,
            details: AlertDetailsForm::default(),
            patient: None,
            server_errors: Vec::new(),
            key: None,
            set: None,
        }
    }

    /// Asked from the time page: the draft's service, clinician and place, and whatever the
    /// patient has already typed about themselves. `None` until those three are chosen, or
    /// when someone is booking for another person (their own mobile would get the texts).
    pub fn for_journey(
        draft: &BookingDraft,
        services: &[Service],
        locality_name: String,
    ) -> Option<Self> {
        let service = services
            .iter()
            .find(|s| Some(&s.id) == draft.service.as_ref())?;
        let mut alert = Self::new(
            service,
            draft.band.as_ref()?,
            (draft.locality.clone()?, locality_name),
        );
        if !draft.for_someone_else() {
            let d = &draft.details;
            alert.details = AlertDetailsForm {
                given_name: d.given_name.clone(),
                family_name: d.family_name.clone(),
                dob_day: d.dob_day.clone(),
                dob_month: d.dob_month.clone(),
                dob_year: d.dob_year.clone(),
                phone: d.phone.clone(),
            };
        }
        Some(alert)
    }

    /// Asked about a booking being managed: an earlier time would replace it. The date of birth
    /// that found it is filled in.
    pub fn for_booking(booking: &Booking, date_of_birth: NaiveDate, services: &[Service]) -> Self {
        let fallback = Service {
            id: booking.service.id.clone(),
            name: booking.service.name.clone(),
            description: String::new(),
            phone: String::new(),
            bands: Vec::new(),
            screening: None,
            offers: Default::default(),
        };
        let service = (services.iter())
            .find(|s| s.id == booking.service.id)
            .unwrap_or(&fallback);
        let mut alert = Self::new(
            service,
            &booking.slot.band,
            (booking.locality.id.clone(), booking.locality.name.clone()),
        );
        alert.booking = Some(booking.reference.clone());
        alert.booked_day = Some(booking.slot.start.date_naive());
        alert.details.dob_day = chrono::Datelike::day(&date_of_birth).to_string();
        alert.details.dob_month = chrono::Datelike::month(&date_of_birth).to_string();
        alert.details.dob_year = chrono::Datelike::year(&date_of_birth).to_string();
        alert
    }

    /// The first question not yet answered (check answers once all are).
    pub fn first_unanswered(&self) -> Step {
        if self.any_place.is_none() {
            Step::AlertWhere
        } else if self.before.is_none() {
            Step::AlertBefore
        } else if self.patient.is_none() {
            Step::AlertDetails
        } else {
            Step::AlertCheck
        }
    }

    /// The page to show for `step`: a question only once those before it are answered; once
    /// the alert is set up, its confirmation (never a second alert from the same answers).
    pub fn allowed(&self, step: Step) -> Step {
        if self.set.is_some() {
            return Step::AlertSet;
        }
        let first = self.first_unanswered();
        let index = |s: Step| QUESTIONS.iter().position(|q| *q == s).unwrap_or(usize::MAX);
        if index(step) <= index(first) {
            step
        } else {
            first
        }
    }

    /// Where Back goes from `step`: the previous question; from the first, the page it was
    /// asked from.
    pub fn previous(&self, step: Step) -> Step {
        match QUESTIONS.iter().position(|q| *q == step) {
            Some(i) if i > 0 => QUESTIONS[i - 1],
            _ if self.booking.is_some() => Step::ManageBooking,
            _ => Step::Slot,
        }
    }

    /// Where to go after answering `step`: the next unanswered question, or back to check
    /// answers when the patient came from there (`change`).
    pub fn next(&self, change: bool) -> Step {
        if change {
            self.allowed(Step::AlertCheck)
        } else {
            self.first_unanswered()
        }
    }

    /// Forgets the key when what would be sent changes.
    fn changed(&mut self, before: &Option<SlotAlertRequest>) {
        if self.request() != *before {
            self.key = None;
        }
    }

    /// "Where could you go?": only this place, or any with the clinician.
    pub fn choose_place(&mut self, any_place: bool) {
        let before = self.request();
        self.any_place = Some(any_place);
        self.changed(&before);
    }

    /// The latest "only times before" date: the booked day (an earlier time must be earlier),
    /// else a year from today.
    pub fn latest(&self, today: NaiveDate) -> NaiveDate {
        (self.booked_day).unwrap_or_else(|| today + Months::new(LONGEST_MONTHS))
    }

    /// "Which times should we tell you about?": before the booked appointment, or before a
    /// date typed in three boxes (kept as typed when wrong).
    pub fn answer_before(
        &mut self,
        before_booking: Option<bool>,
        parts: [String; 3],
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        let w = words();
        let previous = self.request();
        let [day, month, year] = parts;
        self.before_booking = before_booking;
        self.server_errors.clear();
        let checked = match (before_booking, self.booked_day) {
            (None, Some(_)) => Err(FieldError::new(Field::BeforeDay, w.select_times)),
            (Some(true), Some(booked)) => Ok(booked),
            _ => {
                let latest = self.latest(today);
                let too_late = match self.booked_day {
                    Some(d) => fill(w.too_late_for_booking, &[("date", &format::long_date(d))]),
                    None => fill(w.too_late_for_year, &[("date", &format::long_date(latest))]),
                };
                validate::before_date([&day, &month, &year], today, latest, &too_late)
            }
        };
        (self.before_day, self.before_month, self.before_year) = (day, month, year);
        self.before = checked.as_ref().ok().copied();
        self.changed(&previous);
        checked.map(|_| ())
    }

    /// "Who should we text?": name, date of birth and a mobile number (the texts go there).
    pub fn answer_details(
        &mut self,
        form: AlertDetailsForm,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let previous = self.request();
        let mut errors = Vec::new();
        let names = crate::words::validate::words();
        let given = validate::person_name(&form.given_name, names.first_name)
            .map_err(|e| errors.push(FieldError::new(Field::GivenName, e)));
        let family = validate::person_name(&form.family_name, names.last_name)
            .map_err(|e| errors.push(FieldError::new(Field::FamilyName, e)));
        let dob = validate::date_of_birth(&form.dob_day, &form.dob_month, &form.dob_year, today)
            .map_err(|e| errors.push(e));
        let phone = match form.phone.trim() {
            "" => Err(words().phone_empty),
            typed => validate::mobile_phone(typed),
        }
        .map_err(|e| errors.push(FieldError::new(Field::Phone, e)));
        self.details = form;
        self.server_errors.clear();
        self.patient = match (given, family, dob, phone) {
            (Ok(given_name), Ok(family_name), Ok(date_of_birth), Ok(phone)) => Some(AlertPatient {
                given_name,
                family_name,
                date_of_birth,
                phone,
            }),
            _ => None,
        };
        self.changed(&previous);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// What `POST /slot-alerts` is sent, once every question is answered.
    pub fn request(&self) -> Option<SlotAlertRequest> {
        Some(SlotAlertRequest {
            service: self.service.clone(),
            band: self.band.clone(),
            locality: (!self.any_place?).then(|| self.locality.clone()),
            before: self.before?,
            patient: self.patient.clone()?,
            booking: self.booking.clone(),
        })
    }

    /// The API refused the answers (422): its messages go to the pages that correct them (the
    /// first of which is returned), and those answers count as unanswered until corrected.
    /// `None` when no field it named is one the patient can correct.
    pub fn refused(&mut self, fields: &BTreeMap<String, String>) -> Option<Step> {
        let errors: Vec<FieldError> = (fields.iter())
            .filter_map(|(key, message)| {
                let field = Field::from_api_key(key)?;
                matches!(
                    field,
                    Field::BeforeDay
                        | Field::GivenName
                        | Field::FamilyName
                        | Field::DobDay
                        | Field::Phone
                )
                .then(|| FieldError::new(field, message.clone()))
            })
            .collect();
        if errors.is_empty() {
            return None;
        }
        if errors.iter().any(|e| e.field == Field::BeforeDay) {
            self.before = None;
        }
        if errors.iter().any(|e| e.field != Field::BeforeDay) {
            self.patient = None;
        }
        self.server_errors = errors;
        Some(self.first_unanswered())
    }

    /// Where the alert looks, in words: "Only at Hinchingbrooke Hospital".
    pub fn place_words(&self, any_place: bool) -> String {
        let w = words();
        if any_place {
            w.any_place.into()
        } else {
            fill(w.only_at, &[("place", &self.locality_name)])
        }
    }

    /// "Before Monday 12 April 2027", or before the current appointment.
    pub fn before_words(&self) -> Option<String> {
        let before = self.before?;
        let w = words();
        let template = match (self.before_booking, self.booked_day) {
            (Some(true), Some(_)) => w.before_booking,
            _ => w.before_date,
        };
        Some(fill(template, &[("date", &format::long_date(before))]))
    }

    /// The rows of check answers, each with where "Change" goes.
    pub fn rows(&self) -> Vec<AnswerRow> {
        let (w, r) = (words(), row_words());
        let mut rows = vec![AnswerRow::new(
            r.appointment_key,
            vec![self.service_name.clone(), self.band_name.clone()],
            None,
            "",
        )];
        if let (Some(reference), Some(day)) = (&self.booking, self.booked_day) {
            rows.push(AnswerRow::new(
                w.earlier_than_key,
                vec![
                    fill(w.booked_on, &[("date", &format::long_date(day))]),
                    fill(w.booked_reference, &[("reference", reference.as_str())]),
                ],
                None,
                "",
            ));
        }
        if let Some(any) = self.any_place {
            rows.push(AnswerRow::new(
                w.where_key,
                vec![self.place_words(any)],
                Some(Step::AlertWhere),
                w.where_change,
            ));
        }
        if let Some(words) = self.before_words() {
            rows.push(AnswerRow::new(
                w.times_key,
                vec![words],
                Some(Step::AlertBefore),
                w.times_change,
            ));
        }
        if let Some(p) = &self.patient {
            rows.push(AnswerRow::new(
                r.name_key,
                vec![format!("{} {}", p.given_name, p.family_name)],
                Some(Step::AlertDetails),
                r.name_change,
            ));
            rows.push(AnswerRow::new(
                r.dob_key,
                vec![format::dob(p.date_of_birth)],
                Some(Step::AlertDetails),
                r.dob_change,
            ));
            rows.push(AnswerRow::new(
                w.phone_key,
                vec![p.phone.clone()],
                Some(Step::AlertDetails),
                w.phone_change,
            ));
        }
        rows
    }
}

/// An alert reference as a patient may type it ("alt 4m8q", "ALT–4M8Q"), in the API's form
/// "ALT-4M8Q". The API decides whether it exists.
pub fn normalise_alert_reference(input: &str) -> Result<String, &'static str> {
    let compact: String = (input.chars())
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match compact.strip_prefix("ALT") {
        _ if compact.is_empty() => Err(words().reference_empty),
        Some(rest) if (4..=12).contains(&rest.len()) => Ok(format!("ALT-{rest}")),
        _ => Err(words().reference_invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Band, BookingStatus, Locality, ServiceRef, Slot};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2027, 3, 1);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    fn services() -> Vec<Service> {
        vec![Service {
            id: ServiceId("physio-msk".into()),
            name: "Physiotherapy".into(),
            description: String::new(),
            phone: "01480 123456".into(),
            bands: vec![Band {
                id: BandId("band-6".into()),
                name: "Physiotherapist (Band 6)".into(),
                description: String::new(),
            }],
            screening: None,
            offers: Default::default(),
        }]
    }

    fn journey() -> AlertDraft {
        let mut draft = BookingDraft {
            service: Some(ServiceId("physio-msk".into())),
            band: Some(BandId("band-6".into())),
            locality: Some(LocalityId("hinchingbrooke".into())),
            ..Default::default()
        };
        draft.details.given_name = "Ana".into();
        draft.details.phone = "07700 900123".into();
        AlertDraft::for_journey(&draft, &services(), "Hinchingbrooke Hospital".into()).unwrap()
    }

    /// From the time page, every question answered: `any_place`, before 20 March 2027, Ana Lima.
    fn answered(any_place: bool) -> AlertDraft {
        let mut alert = journey();
        alert.choose_place(any_place);
        alert
            .answer_before(None, parts("20", "3", "2027"), today())
            .unwrap();
        alert.answer_details(details(), today()).unwrap();
        alert
    }

    fn details() -> AlertDetailsForm {
        AlertDetailsForm {
            given_name: "Ana".into(),
            family_name: "Lima".into(),
            dob_day: "28".into(),
            dob_month: "2".into(),
            dob_year: "1958".into(),
            phone: "07700 900123".into(),
        }
    }

    fn parts(d: &str, m: &str, y: &str) -> [String; 3] {
        [d.into(), m.into(), y.into()]
    }

    fn booking() -> Booking {
        let start = crate::dates::parse_instant("2027-04-12T09:15:00+01:00").unwrap();
        Booking {
            reference: Reference("PHY-7K3Q9D".into()),
            status: BookingStatus::Booked,
            slot: Slot {
                id: crate::ids::SlotId("s1".into()),
                start,
                end: start,
                locality: LocalityId("hinchingbrooke".into()),
                band: BandId("band-6".into()),
                mode: crate::model::Mode::InPerson,
                clinician: String::new(),
            },
            service: ServiceRef {
                id: ServiceId("physio-msk".into()),
                name: "Physiotherapy".into(),
            },
            locality: Locality {
                id: LocalityId("hinchingbrooke".into()),
                name: "Hinchingbrooke Hospital".into(),
                address: Vec::new(),
                postcode: String::new(),
                access: None,
                next_available: None,
            },
            cancel_before: None,
            needs: None,
            booked_by: None,
        }
    }

    #[test]
    fn welsh_alert_words() {
        use crate::lang::compare;
        use crate::words::alerts::{cy, en};
        use crate::words::testing::in_welsh;
        compare(&en().each(), &cy().each(), &[]);
        in_welsh(|| {
            let alert = answered(false);
            assert_eq!(
                alert.place_words(true),
                "Unrhyw le sydd â chlinig ar gyfer hyn"
            );
            assert_eq!(
                alert.before_words().as_deref(),
                Some("Cyn Dydd Sadwrn 20 Mawrth 2027")
            );
            let keys: Vec<&str> = alert.rows().iter().map(|r| r.key).collect();
            assert_eq!(
                keys,
                [
                    "Apwyntiad",
                    "Ble",
                    "Amseroedd",
                    "Enw",
                    "Dyddiad geni",
                    "Rhif ffôn symudol"
                ]
            );
            let mut alert = journey();
            let e = alert
                .answer_before(None, parts("2", "3", "2028"), today())
                .unwrap_err();
            assert_eq!(
                e.message,
                "Rhaid i'r dyddiad fod ar neu cyn Dydd Mercher 1 Mawrth 2028, blwyddyn o heddiw"
            );
            assert_eq!(
                normalise_alert_reference(""),
                Err("Rhowch gyfeirnod eich hysbysiad")
            );
        });
    }

    #[test]
    fn the_questions_come_in_order_and_cannot_be_skipped() {
        let mut alert = journey();
        assert_eq!(alert.first_unanswered(), Step::AlertWhere);
        assert_eq!(alert.allowed(Step::AlertCheck), Step::AlertWhere);
        alert.choose_place(false);
        assert_eq!(alert.allowed(Step::AlertDetails), Step::AlertBefore);
        alert
            .answer_before(None, parts("20", "3", "2027"), today())
            .unwrap();
        assert_eq!(alert.first_unanswered(), Step::AlertDetails);
        alert.answer_details(details(), today()).unwrap();
        assert_eq!(alert.first_unanswered(), Step::AlertCheck);
        assert_eq!(alert.allowed(Step::AlertWhere), Step::AlertWhere);
        assert_eq!(alert.next(true), Step::AlertCheck);
        assert_eq!(alert.previous(Step::AlertWhere), Step::Slot);
        assert_eq!(alert.previous(Step::AlertCheck), Step::AlertDetails);
        // Once set up, every question shows the confirmation: no second alert from Back.
        alert.set = Some(SlotAlert {
            alert: "ALT-4M8Q".into(),
            expires: day(2027, 3, 20),
        });
        assert_eq!(alert.allowed(Step::AlertCheck), Step::AlertSet);
    }

    #[test]
    fn the_request_has_the_place_only_when_only_this_place_will_do() {
        let mut alert = answered(true);
        let request = alert.request().unwrap();
        assert_eq!(request.locality, None);
        assert_eq!(request.before, day(2027, 3, 20));
        assert_eq!(request.patient.date_of_birth, day(1958, 2, 28));
        assert_eq!(request.booking, None);
        alert.choose_place(false);
        assert_eq!(
            alert.request().unwrap().locality,
            Some(LocalityId("hinchingbrooke".into()))
        );
    }

    #[test]
    fn the_key_changes_exactly_when_what_is_sent_changes() {
        let mut alert = answered(false);
        alert.key = Some("k1".into());
        alert.choose_place(false);
        alert.answer_details(details(), today()).unwrap();
        assert_eq!(alert.key.as_deref(), Some("k1"));
        alert
            .answer_before(None, parts("21", "3", "2027"), today())
            .unwrap();
        assert_eq!(alert.key, None);
    }

    #[test]
    fn the_date_must_be_after_today_and_within_a_year() {
        let mut alert = journey();
        let e = alert
            .answer_before(None, parts("1", "3", "2027"), today())
            .unwrap_err();
        assert_eq!(e.message, "The date must be after today");
        let e = alert
            .answer_before(None, parts("2", "3", "2028"), today())
            .unwrap_err();
        assert_eq!(
            e.message,
            "The date must be on or before Wednesday 1 March 2028, a year from today"
        );
        let e = alert
            .answer_before(None, parts("", "4", "2027"), today())
            .unwrap_err();
        assert_eq!(
            (e.field, e.message.as_str()),
            (Field::BeforeDay, "The date must include a day")
        );
        let e = alert
            .answer_before(None, parts("", "", ""), today())
            .unwrap_err();
        assert_eq!(e.message, "Enter the date");
        // What was typed is kept, wrong or not.
        assert_eq!(alert.before_month, "");
        alert
            .answer_before(None, parts("31", "4", "2027"), today())
            .unwrap_err();
        assert_eq!(alert.before_day, "31");
        assert_eq!(alert.before, None);
    }

    #[test]
    fn a_booking_alert_is_for_times_before_the_appointment() {
        let mut alert = AlertDraft::for_booking(&booking(), day(1958, 2, 28), &services());
        assert_eq!(alert.band_name, "Physiotherapist (Band 6)");
        assert_eq!(
            (
                alert.details.dob_day.as_str(),
                alert.details.dob_year.as_str()
            ),
            ("28", "1958")
        );
        assert_eq!(alert.previous(Step::AlertWhere), Step::ManageBooking);
        let e = alert
            .answer_before(None, parts("", "", ""), today())
            .unwrap_err();
        assert_eq!(e.message, "Select which times we should tell you about");
        alert
            .answer_before(Some(true), parts("", "", ""), today())
            .unwrap();
        assert_eq!(alert.before, Some(day(2027, 4, 12)));
        let e = alert
            .answer_before(Some(false), parts("13", "4", "2027"), today())
            .unwrap_err();
        assert_eq!(
            e.message,
            "The date must be on or before your appointment on Monday 12 April 2027"
        );
        alert
            .answer_before(Some(false), parts("1", "4", "2027"), today())
            .unwrap();
        alert.choose_place(true);
        alert.answer_details(details(), today()).unwrap();
        let request = alert.request().unwrap();
        assert_eq!(request.booking, Some(Reference("PHY-7K3Q9D".into())));
        assert_eq!(request.before, day(2027, 4, 1));
    }

    #[test]
    fn the_details_need_a_mobile_to_text() {
        let mut alert = journey();
        let mut form = details();
        form.phone = String::new();
        form.family_name = String::new();
        let errors = alert.answer_details(form.clone(), today()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::FamilyName, Field::Phone]);
        assert_eq!(alert.details, form);
        form.phone = "01480 123456".into();
        let errors = alert.answer_details(form, today()).unwrap_err();
        assert!(errors.iter().any(|e| e.field == Field::Phone));
        assert_eq!(alert.patient, None);
    }

    #[test]
    fn the_journeys_details_are_filled_in_but_not_someone_elses() {
        let alert = journey();
        assert_eq!(alert.details.given_name, "Ana");
        assert_eq!(alert.details.phone, "07700 900123");
        let mut draft = BookingDraft {
            service: Some(ServiceId("physio-msk".into())),
            band: Some(BandId("band-6".into())),
            locality: Some(LocalityId("hinchingbrooke".into())),
            who_for: Some(crate::booker::WhoFor::SomeoneElse),
            ..Default::default()
        };
        draft.asks.booked_by = true;
        draft.details.given_name = "Jo".into();
        let alert = AlertDraft::for_journey(&draft, &services(), "H".into()).unwrap();
        assert_eq!(alert.details, AlertDetailsForm::default());
        draft.locality = None;
        assert!(AlertDraft::for_journey(&draft, &services(), "H".into()).is_none());
    }

    #[test]
    fn the_apis_objections_go_to_the_page_that_corrects_them() {
        let mut alert = answered(false);
        let mut fields = BTreeMap::new();
        fields.insert("patient.phone".to_string(), "Not a mobile".to_string());
        assert_eq!(alert.refused(&fields), Some(Step::AlertDetails));
        assert_eq!(alert.server_errors[0].field, Field::Phone);
        assert!(alert.before.is_some());
        fields.insert("before".to_string(), "Too late".to_string());
        assert_eq!(alert.refused(&fields), Some(Step::AlertBefore));
        let mut other = BTreeMap::new();
        other.insert("booking".to_string(), "Cancelled".to_string());
        assert_eq!(alert.refused(&other), None);
    }

    #[test]
    fn check_answers_lists_every_answer_with_its_change_link() {
        let mut alert = AlertDraft::for_booking(&booking(), day(1958, 2, 28), &services());
        alert.choose_place(false);
        alert
            .answer_before(Some(true), parts("", "", ""), today())
            .unwrap();
        alert.answer_details(details(), today()).unwrap();
        let rows = alert.rows();
        let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
        assert_eq!(
            keys,
            [
                "Appointment",
                "Earlier than",
                "Where",
                "Times",
                "Name",
                "Date of birth",
                "Mobile phone number"
            ]
        );
        assert_eq!(rows[2].lines, ["Only at Hinchingbrooke Hospital"]);
        assert_eq!(
            rows[3].lines,
            ["Before your current appointment on Monday 12 April 2027"]
        );
        assert_eq!(rows[3].change, Some(Step::AlertBefore));
    }

    #[test]
    fn a_kept_alert_reads_back_as_it_was() {
        let mut alert = answered(true);
        alert.key = Some("k".into());
        let text = serde_json::to_string(&alert).unwrap();
        assert_eq!(crate::json::parse::<AlertDraft>(&text), Some(alert));
    }

    #[test]
    fn alert_references_are_read_as_people_type_them() {
        assert_eq!(
            normalise_alert_reference(" alt 4m8q "),
            Ok("ALT-4M8Q".into())
        );
        assert_eq!(normalise_alert_reference("ALT–4M8Q"), Ok("ALT-4M8Q".into()));
        assert!(normalise_alert_reference("").is_err());
        assert!(normalise_alert_reference("PHY-7K3Q9D").is_err());
    }
}
