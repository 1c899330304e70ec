//! Types of the booking API contract (`openapi.yaml`). Unknown fields are ignored by serde's
//! default; unknown enum values decode to an `Other` variant so new values never crash the app.
//! Dates and instants are read by [`crate::dates`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates;
pub use crate::dates::ClinicTime;
pub use crate::ids::{BandId, InviteCode, LocalityId, Reference, ServiceId, SlotId};

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ServiceList {
    pub services: Vec<Service>,
    /// What a 1.1 API offers beyond 1.0 (`screening`, `needs`, `booked_by`, …); absent on a
    /// 1.0 API, which then offers none of it.
    #[serde(default)]
    pub features: Vec<String>,
}

impl ServiceList {
    /// The services with what the API offers for each: a feature the API does not list does
    /// not exist there, so its questions are never asked (a `screening` block without the
    /// `screening` feature is ignored).
    pub fn offered(self) -> Vec<Service> {
        let has = |f: &str| self.features.iter().any(|x| x == f);
        let offers = Offers {
            needs: has("needs"),
            booked_by: has("booked_by"),
        };
        let screening = has("screening");
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Offers {
    pub needs: bool,
    pub booked_by: bool,
}

/// Urgent symptoms a service asks about before a routine booking: the trust's clinicians'
/// words, shown as plain text.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Screening {
    pub question: String,
    #[serde(default)]
    pub hint: String,
    pub symptoms: Vec<Symptom>,
    pub urgent: Urgent,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Symptom {
    pub id: String,
    pub text: String,
}

/// What a patient with any of the symptoms is told instead of booking.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Urgent {
    pub heading: String,
    pub text: String,
    #[serde(default)]
    pub phone: String,
}

/// How a patient needs to be contacted and supported (the Accessible Information Standard).
/// Values the app does not know are kept and shown generically.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Needs {
    #[serde(default)]
    pub interpreter: Option<String>,
    #[serde(default)]
    pub communication: Vec<String>,
    #[serde(default)]
    pub access: Vec<String>,
    #[serde(default)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct BookedBy {
    pub name: String,
    #[serde(default)]
    pub relationship: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub bands: Vec<Band>,
    #[serde(default)]
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

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Band {
    pub id: BandId,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct LocalityList {
    pub localities: Vec<Locality>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Locality {
    pub id: LocalityId,
    pub name: String,
    #[serde(default)]
    pub address: Vec<String>,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub access: Option<String>,
    #[serde(default, deserialize_with = "dates::optional_instant")]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    InPerson,
    Telephone,
    Video,
    /// A mode this version of the app does not know yet: shown generically.
    #[serde(other)]
    Other,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Slot {
    pub id: SlotId,
    #[serde(deserialize_with = "dates::instant")]
    pub start: ClinicTime,
    #[serde(deserialize_with = "dates::instant")]
    pub end: ClinicTime,
    #[serde(default)]
    pub locality: LocalityId,
    #[serde(default)]
    pub band: BandId,
    pub mode: Mode,
    #[serde(default)]
    pub clinician: String,
}

impl Slot {
    /// How long the appointment lasts, in minutes.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SlotPage {
    #[serde(default)]
    pub timezone: String,
    pub slots: Vec<Slot>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Booked,
    Cancelled,
    #[serde(other)]
    Other,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ServiceRef {
    pub id: ServiceId,
    #[serde(default)]
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Booking {
    pub reference: Reference,
    pub status: BookingStatus,
    pub slot: Slot,
    pub service: ServiceRef,
    pub locality: Locality,
    #[serde(default, deserialize_with = "dates::optional_instant")]
    pub cancel_before: Option<ClinicTime>,
    /// Echoed by a 1.1 API when the booking was made with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booked_by: Option<BookedBy>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Patient {
    pub given_name: String,
    pub family_name: String,
    #[serde(deserialize_with = "dates::date")]
    pub date_of_birth: NaiveDate,
    pub nhs_number: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Reminders {
    pub sms: bool,
    pub email: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct BookingRequest {
    pub slot_id: SlotId,
    pub patient: Patient,
    pub reminders: Reminders,
    pub channel: String,
    pub source: String,
    /// `"none"` when the service screened for urgent symptoms (1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screening: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booked_by: Option<BookedBy>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CancelRequest {
    #[serde(deserialize_with = "dates::date")]
    pub date_of_birth: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct RescheduleRequest {
    #[serde(deserialize_with = "dates::date")]
    pub date_of_birth: NaiveDate,
    pub slot_id: SlotId,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Invite {
    pub code: InviteCode,
    pub service: ServiceId,
    #[serde(default)]
    pub band: Option<BandId>,
    #[serde(default)]
    pub locality: Option<LocalityId>,
    #[serde(deserialize_with = "dates::date")]
    pub book_from: NaiveDate,
    #[serde(deserialize_with = "dates::date")]
    pub book_until: NaiveDate,
}

/// The error envelope of every non-2xx answer the API itself produces.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ErrorBody {
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub fields: std::collections::BTreeMap<String, String>,
}

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
        let page: SlotPage = serde_json::from_str(json).unwrap();
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
        let b: Booking = serde_json::from_str(json).unwrap();
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
