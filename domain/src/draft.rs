//! The booking being made: what is answered, what comes next, and the one request it becomes.
//! Pages ask the draft; they do not decide the order of questions themselves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{BandId, LocalityId, ServiceId};
use crate::journey::{Choices, Step, QUESTIONS};
use crate::model::{BookingRequest, Invite, Service, Slot};
use crate::validate::{DetailsForm, FieldError};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BookingDraft {
    pub service: Option<ServiceId>,
    pub band: Option<BandId>,
    pub locality: Option<LocalityId>,
    /// The whole slot, so later pages show it without asking the API again.
    pub slot: Option<Slot>,
    pub details: DetailsForm,
    /// The details page was completed without errors.
    pub details_done: bool,
    /// One key per booking attempt: kept across retries (and reloads) so the API never books
    /// twice, replaced whenever what would be sent changes.
    pub idempotency_key: Option<String>,
    pub invite: Option<Invite>,
}

impl BookingDraft {
    /// Keeps only choices that exist in the catalogue ("invalid ids fall back to asking") and
    /// answers the service question when there is only one service.
    pub fn settle(&mut self, services: &[Service]) {
        if services.len() == 1 && self.service.is_none() {
            self.service = Some(services[0].id.clone());
        }
        let service = self
            .service
            .as_ref()
            .and_then(|id| services.iter().find(|s| &s.id == id));
        match service {
            None => self.choose_service(None),
            Some(service) => {
                if service.bands.len() == 1 && self.band.is_none() {
                    self.band = Some(service.bands[0].id.clone());
                }
                if let Some(band) = &self.band {
                    if service.band(band).is_none() {
                        self.choose_band(None);
                    }
                }
            }
        }
    }

    /// Applies choices read from a URL (a deep link, a refresh, Back or Forward).
    pub fn apply(&mut self, choices: &Choices) {
        if choices.service.is_some() {
            self.choose_service(choices.service.clone());
        }
        if choices.band.is_some() {
            self.choose_band(choices.band.clone());
        }
        if choices.locality.is_some() {
            self.choose_locality(choices.locality.clone());
        }
    }

    /// The URL choices that describe this draft.
    pub fn choices(&self) -> Choices {
        Choices {
            service: self.service.clone(),
            band: self.band.clone(),
            locality: self.locality.clone(),
            date: self.slot.as_ref().map(|s| s.start.date_naive()),
            slot: self.slot.as_ref().map(|s| s.id.clone()),
            invite: self.invite.as_ref().map(|i| i.code.clone()),
        }
    }

    pub fn choose_service(&mut self, id: Option<ServiceId>) {
        if self.service != id {
            self.service = id;
            self.choose_band(None);
        }
    }

    pub fn choose_band(&mut self, id: Option<BandId>) {
        if self.band != id {
            self.band = id;
            self.choose_locality(None);
        }
    }

    pub fn choose_locality(&mut self, id: Option<LocalityId>) {
        if self.locality != id {
            self.locality = id;
            self.choose_slot(None);
        }
    }

    pub fn choose_slot(&mut self, slot: Option<Slot>) {
        if self.slot.as_ref().map(|s| &s.id) != slot.as_ref().map(|s| &s.id) {
            self.slot = slot;
            self.idempotency_key = None;
        }
    }

    pub fn save_details(&mut self, details: DetailsForm) {
        if self.details != details {
            self.details = details;
            self.idempotency_key = None;
        }
        self.details_done = true;
    }

    /// Whether the patient chose the service (or it was fixed for them).
    pub fn service_is_fixed(&self, services: &[Service]) -> bool {
        services.len() == 1 || self.invite.is_some()
    }

    /// The question before `step` that the patient can answer (those an invite or a
    /// one-option list fixed are skipped), or the start page.
    pub fn previous(&self, step: Step, services: &[Service]) -> Step {
        let service = self
            .service
            .as_ref()
            .and_then(|id| services.iter().find(|s| &s.id == id));
        let invite = self.invite.as_ref();
        let fixed = |s: Step| match s {
            Step::Service => self.service_is_fixed(services),
            Step::Band => {
                invite.is_some_and(|i| i.band.is_some())
                    || service.is_some_and(|s| s.bands.len() == 1)
            }
            Step::Locality => invite.is_some_and(|i| i.locality.is_some()),
            _ => false,
        };
        let Some(i) = step.question_index() else {
            return Step::Start;
        };
        QUESTIONS[..i]
            .iter()
            .rev()
            .copied()
            .find(|s| !fixed(*s))
            .unwrap_or(Step::Start)
    }

    /// Takes an SMS invite: its service, band and locality are answered and fixed.
    pub fn accept_invite(&mut self, invite: Invite) {
        self.choose_service(Some(invite.service.clone()));
        if invite.band.is_some() {
            self.choose_band(invite.band.clone());
        }
        if invite.locality.is_some() {
            self.choose_locality(invite.locality.clone());
        }
        self.invite = Some(invite);
    }

    /// The first question still to answer; `Check` when all are answered.
    pub fn first_unanswered(&self) -> Step {
        if self.service.is_none() {
            Step::Service
        } else if self.band.is_none() {
            Step::Band
        } else if self.locality.is_none() {
            Step::Locality
        } else if self.slot.is_none() {
            Step::Slot
        } else if !self.details_done {
            Step::Details
        } else {
            Step::Check
        }
    }

    /// Where a patient asking for `step` may go: the step itself when everything before it is
    /// answered, else the first unanswered question (so a refresh or a stale link never shows
    /// a page without what it needs).
    pub fn allowed(&self, step: Step) -> Step {
        match step.question_index() {
            Some(i) => {
                let first = self.first_unanswered();
                if first.question_index().is_some_and(|f| i > f) {
                    first
                } else {
                    step
                }
            }
            None => step,
        }
    }

    /// The key for this attempt: the existing one, or a new one from `make`.
    pub fn attempt_key(&mut self, make: impl FnOnce() -> String) -> String {
        self.idempotency_key.get_or_insert_with(make).clone()
    }

    /// The `POST /bookings` body, when every answer is there and valid.
    pub fn booking_request(&self, today: NaiveDate) -> Result<BookingRequest, Vec<FieldError>> {
        let (patient, reminders) = self.details.validate(today)?;
        let slot = self.slot.as_ref().ok_or_else(Vec::new)?;
        Ok(BookingRequest {
            slot_id: slot.id.clone(),
            patient,
            reminders,
            channel: "online".into(),
            source: if self.invite.is_some() {
                "sms-invite".into()
            } else {
                "web".into()
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Band, Mode};

    fn services() -> Vec<Service> {
        let band = |id: &str| Band {
            id: id.into(),
            name: id.into(),
            description: String::new(),
        };
        vec![
            Service {
                id: "physio-msk".into(),
                name: "Physiotherapy".into(),
                description: String::new(),
                phone: "01480 123456".into(),
                bands: vec![band("band-6"), band("band-7")],
            },
            Service {
                id: "podiatry".into(),
                name: "Podiatry".into(),
                description: String::new(),
                phone: String::new(),
                bands: vec![band("band-5")],
            },
        ]
    }

    fn slot(id: &str) -> Slot {
        Slot {
            id: id.into(),
            start: "2027-03-29T09:15:00+01:00".parse().unwrap(),
            end: "2027-03-29T10:00:00+01:00".parse().unwrap(),
            locality: "hinchingbrooke".into(),
            band: "band-6".into(),
            mode: Mode::InPerson,
            clinician: String::new(),
        }
    }

    fn valid_details() -> DetailsForm {
        DetailsForm {
            given_name: "Siân".into(),
            family_name: "O'Neill".into(),
            dob_day: "28".into(),
            dob_month: "2".into(),
            dob_year: "1958".into(),
            nhs_number: "943 476 5919".into(),
            phone: "07700 900123".into(),
            remind_sms: true,
            ..DetailsForm::default()
        }
    }

    #[test]
    fn questions_come_in_order_and_check_comes_last() {
        let mut d = BookingDraft::default();
        assert_eq!(d.first_unanswered(), Step::Service);
        d.choose_service(Some("physio-msk".into()));
        assert_eq!(d.first_unanswered(), Step::Band);
        d.choose_band(Some("band-6".into()));
        assert_eq!(d.first_unanswered(), Step::Locality);
        d.choose_locality(Some("hinchingbrooke".into()));
        assert_eq!(d.first_unanswered(), Step::Slot);
        d.choose_slot(Some(slot("s1")));
        assert_eq!(d.first_unanswered(), Step::Details);
        d.save_details(valid_details());
        assert_eq!(d.first_unanswered(), Step::Check);
    }

    #[test]
    fn changing_an_earlier_answer_clears_what_depends_on_it() {
        let mut d = BookingDraft::default();
        d.apply(&Choices {
            service: Some("physio-msk".into()),
            band: Some("band-6".into()),
            locality: Some("hinchingbrooke".into()),
            ..Choices::default()
        });
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        // The same answer again keeps everything (Back, then Continue).
        d.choose_band(Some("band-6".into()));
        assert_eq!(d.first_unanswered(), Step::Check);
        // A different band needs a new location and time, but keeps the details.
        d.choose_band(Some("band-7".into()));
        assert_eq!(d.locality, None);
        assert_eq!(d.slot, None);
        assert!(d.details_done);
        assert_eq!(d.first_unanswered(), Step::Locality);
    }

    #[test]
    fn a_step_past_the_first_unanswered_redirects() {
        let mut d = BookingDraft::default();
        assert_eq!(d.allowed(Step::Check), Step::Service);
        assert_eq!(d.allowed(Step::Start), Step::Start);
        d.choose_service(Some("physio-msk".into()));
        assert_eq!(d.allowed(Step::Service), Step::Service);
        assert_eq!(d.allowed(Step::Slot), Step::Band);
        assert_eq!(d.allowed(Step::Confirmation), Step::Confirmation);
    }

    #[test]
    fn settle_drops_unknown_ids_and_answers_single_choices() {
        let mut d = BookingDraft::default();
        d.apply(&Choices {
            service: Some("physio-msk".into()),
            band: Some("band-99".into()),
            locality: Some("x".into()),
            ..Choices::default()
        });
        d.settle(&services());
        assert_eq!(d.service.as_deref(), Some("physio-msk"));
        assert_eq!(d.band, None);
        assert_eq!(d.locality, None);

        let mut d = BookingDraft::default();
        d.apply(&Choices {
            service: Some("nope".into()),
            ..Choices::default()
        });
        d.settle(&services());
        assert_eq!(d.service, None);

        // One service with one band: both questions are answered for the patient.
        let mut d = BookingDraft::default();
        d.settle(&services()[1..]);
        assert_eq!(d.service.as_deref(), Some("podiatry"));
        assert_eq!(d.band.as_deref(), Some("band-5"));
        assert_eq!(d.first_unanswered(), Step::Locality);
    }

    #[test]
    fn the_attempt_key_survives_retries_and_changes_with_the_request() {
        let mut d = BookingDraft::default();
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        let k1 = d.attempt_key(|| "k1".into());
        assert_eq!(d.attempt_key(|| "k2".into()), k1);
        // Saving identical details (Change, then Continue without edits) keeps the key.
        d.save_details(valid_details());
        assert_eq!(d.attempt_key(|| "k3".into()), "k1");
        d.choose_slot(Some(slot("s2")));
        assert_eq!(d.attempt_key(|| "k4".into()), "k4");
        let mut other = valid_details();
        other.email = "sian@example.com".into();
        d.save_details(other);
        assert_eq!(d.attempt_key(|| "k5".into()), "k5");
    }

    #[test]
    fn the_booking_request_carries_the_answers() {
        let mut d = BookingDraft::default();
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let req = d.booking_request(today).unwrap();
        assert_eq!(req.slot_id, "s1");
        assert_eq!(req.patient.nhs_number.as_deref(), Some("9434765919"));
        assert_eq!(req.patient.given_name, "Siân");
        assert!(req.reminders.sms);
        assert_eq!(req.channel, "online");
        assert_eq!(req.source, "web");
        let mut bad = valid_details();
        bad.given_name.clear();
        d.save_details(bad);
        assert!(d.booking_request(today).is_err());
    }

    #[test]
    fn an_invite_fixes_its_answers_and_back_skips_them() {
        let mut d = BookingDraft::default();
        d.accept_invite(Invite {
            code: "Q7P2MX".into(),
            service: "physio-msk".into(),
            band: Some("band-7".into()),
            locality: None,
            book_from: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            book_until: NaiveDate::from_ymd_opt(2027, 9, 1).unwrap(),
        });
        d.settle(&services());
        assert_eq!(d.first_unanswered(), Step::Locality);
        assert_eq!(d.previous(Step::Locality, &services()), Step::Start);
        assert_eq!(d.previous(Step::Slot, &services()), Step::Locality);
        assert_eq!(d.choices().invite.as_deref(), Some("Q7P2MX"));
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        let req = d
            .booking_request(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
            .unwrap();
        assert_eq!(req.source, "sms-invite");
        // Without an invite every earlier question can be revisited.
        let mut plain = BookingDraft::default();
        plain.choose_service(Some("physio-msk".into()));
        assert_eq!(plain.previous(Step::Locality, &services()), Step::Band);
        assert_eq!(plain.previous(Step::Band, &services()), Step::Service);
        assert_eq!(plain.previous(Step::Service, &services()), Step::Start);
    }

    #[test]
    fn the_draft_survives_session_storage_as_json() {
        let mut d = BookingDraft::default();
        d.choose_service(Some("physio-msk".into()));
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<BookingDraft>(&json).unwrap(), d);
    }
}
