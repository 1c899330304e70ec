//! Types of the booking API contract (`openapi.yaml`), read by [`crate::json`] (the
//! `from_json!` lines at the end) and written by serde: unknown fields are ignored; unknown enum
//! values read as an `Other` variant so new values never crash the app. Dates and instants are
//! read by [`crate::dates`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::{enum_from_json, from_json};

pub use crate::dates::ClinicTime;
pub use crate::ids::{BandId, InviteCode, LocalityId, Reference, ServiceId, SlotId};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceList {
    pub services: Vec<Service>,
    /// What a 1.1 API offers beyond 1.0 (`screening`, `needs`, `booked_by`, …); absent on a
    /// 1.0 API, which then offers none of it.
    pub features: Vec<String>,
}

impl ServiceList {
    /// The services with what the API offers for each: a feature the API does not list does
    /// not exist there, so its questions are never asked (a `screening` block without the
    /// `screening` feature is ignored).
    pub fn offered(self) -> Vec<Service> {
        // One pass over the list (a search per feature was 39 B more of the main module).
        let mut offers = Offers::default();
        let mut screening = false;
        for feature in &self.features {
            match feature.as_str() {
                "needs" => offers.needs = true,
                "booked_by" => offers.booked_by = true,
                "slot_alerts" => offers.slot_alerts = true,
                "feedback" => offers.feedback = true,
                "events" => offers.events = true,
                "language" => offers.language = true,
                "screening" => screening = true,
                _ => {}
            }
        }
        self.services
            .into_iter()
            .map(|mut s| {
                s.offers = offers;
                if !screening {
                    s.screening = None;
                }
                s
            })
            .collect()
    }
}

/// The 1.1 questions an API can take the answers to, besides screening (which is per service).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Offers {
    pub needs: bool,
    pub booked_by: bool,
    /// "Tell me if an earlier time comes up".
    pub slot_alerts: bool,
    /// "How easy was it to book?" (`POST /feedback`).
    pub feedback: bool,
    /// Counts of the journey's steps, with nothing personal (`POST /events`).
    pub events: bool,
    /// The language for letters and texts, sent with the booking (`en` or `cy`).
    pub language: bool,
}

/// Urgent symptoms a service asks about before a routine booking: the trust's clinicians'
/// words, shown as plain text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Screening {
    pub question: String,
    pub hint: String,
    pub symptoms: Vec<Symptom>,
    pub urgent: Urgent,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Symptom {
    pub id: String,
    pub text: String,
}

/// What a patient with any of the symptoms is told instead of booking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Urgent {
    pub heading: String,
    pub text: String,
    pub phone: String,
}

/// How a patient needs to be contacted and supported (the Accessible Information Standard).
/// Values the app does not know are kept and shown generically.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Needs {
    pub interpreter: Option<String>,
    pub communication: Vec<String>,
    pub access: Vec<String>,
    pub other: Option<String>,
}

impl Needs {
    pub fn is_empty(&self) -> bool {
        self.interpreter.is_none()
            && self.communication.is_empty()
            && self.access.is_empty()
            && self.other.is_none()
    }
}

/// Someone booking for the patient.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BookedBy {
    pub name: String,
    pub relationship: Option<String>,
    pub phone: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
    pub description: String,
    pub phone: String,
    pub bands: Vec<Band>,
    pub screening: Option<Screening>,
    /// Set by [`ServiceList::offered`], not by the API.
    #[serde(skip)]
    pub offers: Offers,
}

impl Service {
    pub fn band(&self, id: &BandId) -> Option<&Band> {
        self.bands.iter().find(|b| &b.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    pub id: BandId,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocalityList {
    pub localities: Vec<Locality>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Locality {
    pub id: LocalityId,
    pub name: String,
    pub address: Vec<String>,
    pub postcode: String,
    pub access: Option<String>,
    pub next_available: Option<ClinicTime>,
}

impl Locality {
    /// The name, address lines and postcode, one line each, for an address block.
    pub fn address_lines(&self) -> Vec<String> {
        let mut lines = vec![self.name.clone()];
        lines.extend(self.address.iter().cloned());
        if !self.postcode.is_empty() {
            lines.push(self.postcode.clone());
        }
        lines
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    InPerson,
    Telephone,
    Video,
    /// A mode this version of the app does not know yet: shown generically.
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Slot {
    pub id: SlotId,
    pub start: ClinicTime,
    pub end: ClinicTime,
    pub locality: LocalityId,
    pub band: BandId,
    pub mode: Mode,
    pub clinician: String,
}

impl Slot {
    /// How long the appointment lasts, in minutes.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlotPage {
    pub timezone: String,
    pub slots: Vec<Slot>,
    pub next_cursor: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Booked,
    Cancelled,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceRef {
    pub id: ServiceId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Booking {
    pub reference: Reference,
    pub status: BookingStatus,
    pub slot: Slot,
    pub service: ServiceRef,
    pub locality: Locality,
    pub cancel_before: Option<ClinicTime>,
    /// Echoed by a 1.1 API when the booking was made with them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booked_by: Option<BookedBy>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Patient {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: NaiveDate,
    pub nhs_number: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reminders {
    pub sms: bool,
    pub email: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BookingRequest {
    pub slot_id: SlotId,
    pub patient: Patient,
    pub reminders: Reminders,
    pub channel: String,
    pub source: String,
    /// `"none"` when the service screened for urgent symptoms (1.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screening: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booked_by: Option<BookedBy>,
    /// The code of a time held for this patient (1.1 `slot_alerts`): only they can book it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<String>,
    /// `en` or `cy`: the language for letters and texts (1.1 `language`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CancelRequest {
    pub date_of_birth: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RescheduleRequest {
    pub date_of_birth: NaiveDate,
    /// The new time, or (1.1 `slot_alerts`) `offer`, the code of a time held for the patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slot_id: Option<SlotId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Invite {
    pub code: InviteCode,
    pub service: ServiceId,
    pub band: Option<BandId>,
    pub locality: Option<LocalityId>,
    pub book_from: NaiveDate,
    pub book_until: NaiveDate,
}

/// `POST /slot-alerts` (1.1 `slot_alerts`): text the patient if an earlier time comes up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlotAlertRequest {
    pub service: ServiceId,
    pub band: BandId,
    /// `None` (sent as `null`): any place with this band.
    pub locality: Option<LocalityId>,
    /// Only times before this date interest the patient.
    pub before: NaiveDate,
    pub patient: AlertPatient,
    /// The booking an earlier time would replace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booking: Option<Reference>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AlertPatient {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: NaiveDate,
    pub phone: String,
}

/// `POST /bookings` for a time held for the patient: the offer's code and their date of birth,
/// which the API checks against the alert's; it knows the rest from the alert.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferBookingRequest {
    pub slot_id: SlotId,
    pub offer: String,
    pub patient: OfferPatient,
    pub channel: String,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferPatient {
    pub date_of_birth: NaiveDate,
}

/// `POST /feedback` (1.1 `feedback`): how easy it was, and a comment, with no identifier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeedbackRequest {
    pub rating: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub step: String,
    pub source: String,
}

/// `201` to `POST /slot-alerts`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlotAlert {
    pub alert: String,
    pub expires: NaiveDate,
}

/// `GET /offers/{code}`: an earlier time held for the patient who asked for an alert.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Offer {
    pub code: String,
    pub slot: Slot,
    pub service: ServiceRef,
    pub locality: Locality,
    pub held_until: ClinicTime,
    /// The booking the held time would replace (then it is moved, not booked).
    pub booking: Option<Reference>,
}

/// The error envelope of every non-2xx answer the API itself produces.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    pub fields: std::collections::BTreeMap<String, String>,
}

// Reading the contract's JSON (`crate::json`: `req` must be there, `def` may be absent or null).
from_json!(ServiceList {
    services: req,
    features: def
});
from_json!(Service { id: req, name: req, description: def, phone: def, bands: def, screening: def;
    offers: Offers::default() });
from_json!(Band {
    id: req,
    name: req,
    description: def
});
from_json!(Screening {
    question: req,
    hint: def,
    symptoms: req,
    urgent: req
});
from_json!(Symptom { id: req, text: req });
from_json!(Urgent {
    heading: req,
    text: req,
    phone: def
});
from_json!(Needs {
    interpreter: def,
    communication: def,
    access: def,
    other: def
});
from_json!(BookedBy {
    name: req,
    relationship: def,
    phone: def
});
from_json!(LocalityList { localities: req });
from_json!(Locality {
    id: req,
    name: req,
    address: def,
    postcode: def,
    access: def,
    next_available: def
});
enum_from_json!(Mode { "in_person" => InPerson, "telephone" => Telephone, "video" => Video } else Other);
from_json!(Slot {
    id: req,
    start: req,
    end: req,
    locality: def,
    band: def,
    mode: req,
    clinician: def
});
from_json!(SlotPage {
    timezone: def,
    slots: req,
    next_cursor: def
});
enum_from_json!(BookingStatus { "booked" => Booked, "cancelled" => Cancelled } else Other);
from_json!(ServiceRef { id: req, name: def });
from_json!(Booking {
    reference: req,
    status: req,
    slot: req,
    service: req,
    locality: req,
    cancel_before: def,
    needs: def,
    booked_by: def
});
from_json!(Invite {
    code: req,
    service: req,
    band: def,
    locality: def,
    book_from: req,
    book_until: req
});
// The requests too, for fake APIs in tests (not linked into the app, which only writes them).
from_json!(Patient {
    given_name: req,
    family_name: req,
    date_of_birth: req,
    nhs_number: def,
    phone: def,
    email: def
});
from_json!(Reminders {
    sms: req,
    email: req
});
from_json!(BookingRequest {
    slot_id: req,
    patient: req,
    reminders: req,
    channel: req,
    source: req,
    screening: def,
    needs: def,
    booked_by: def,
    offer: def,
    language: def
});
from_json!(SlotAlert {
    alert: req,
    expires: req
});
from_json!(Offer {
    code: req,
    slot: req,
    service: req,
    locality: req,
    held_until: req,
    booking: def
});
from_json!(ErrorEnvelope { error: req });
from_json!(ErrorBody {
    code: req,
    message: def,
    fields: def
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_contract_examples_and_ignores_unknown_fields_and_values() {
        let json = r#"{ "timezone": "Europe/London", "extra": 1,
          "slots": [
            { "id": "slot-8f2c", "start": "2027-03-29T09:15:00+01:00", "end": "2027-03-29T10:00:00+01:00",
              "locality": "hinchingbrooke", "band": "band-6", "mode": "in_person",
              "clinician": "Physiotherapist", "room": "4B" },
            { "id": "slot-x", "start": "2027-03-29T11:00:00+01:00", "end": "2027-03-29T11:30:00+01:00",
              "locality": "hinchingbrooke", "band": "band-6", "mode": "hologram" } ],
          "next_cursor": null }"#;
        let page: SlotPage = crate::json::parse(json).unwrap();
        assert_eq!(page.slots.len(), 2);
        assert_eq!(page.slots[0].mode, Mode::InPerson);
        assert_eq!(page.slots[1].mode, Mode::Other);
        assert_eq!(page.slots[0].start.offset().local_minus_utc(), 3600);
        assert_eq!(page.next_cursor, None);
    }

    #[test]
    fn decodes_a_booking_with_an_unknown_status() {
        let json = r#"{ "reference": "PHY-7K3Q9D", "status": "on_hold",
          "slot": { "id": "s", "start": "2027-03-29T09:15:00+01:00", "end": "2027-03-29T10:00:00+01:00", "mode": "video" },
          "service": { "id": "physio-msk", "name": "Physio" },
          "locality": { "id": "h", "name": "Hinchingbrooke Hospital" },
          "cancel_before": "2027-03-28T09:15:00+01:00" }"#;
        let b: Booking = crate::json::parse(json).unwrap();
        assert_eq!(b.status, BookingStatus::Other);
        assert_eq!(b.slot.mode, Mode::Video);
    }

    #[test]
    fn patient_serialises_null_nhs_number() {
        let p = Patient {
            given_name: "Siân".into(),
            family_name: "O'Neill".into(),
            date_of_birth: NaiveDate::from_ymd_opt(1958, 2, 28).unwrap(),
            nhs_number: None,
            phone: Some("07700 900123".into()),
            email: None,
        };
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["nhs_number"], serde_json::Value::Null);
        assert_eq!(v["date_of_birth"], "1958-02-28");
    }
}
