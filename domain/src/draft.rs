//! The booking being made: what is answered, what comes next, and the one request it becomes.
//! Pages ask the draft; they do not decide the order of questions themselves.

use chrono::NaiveDate;
use serde::Serialize;

use crate::booker::{BookerForm, WhoFor};
use crate::ids::{BandId, LocalityId, ServiceId};
use crate::journey::{Choices, Step, QUESTIONS};
use crate::model::{BookingRequest, Invite, Service, Slot};
use crate::support::NeedsForm;
use crate::validate::{DetailsForm, FieldError};

/// The questions of API 1.1 this booking asks, from what the API offers for its service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Asks {
    pub screening: bool,
    pub needs: bool,
    pub booked_by: bool,
    /// The API takes the language for letters and texts (`language`).
    pub language: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
    /// Which of the optional questions are asked: set by `settle` from the catalogue, which
    /// every question page waits for, so not kept in session storage.
    #[serde(skip)]
    pub asks: Asks,
    /// The urgent symptoms chosen; empty for "None of these". Any symptom ends the booking.
    pub symptoms: Option<Vec<String>>,
    pub who_for: Option<WhoFor>,
    pub booker: BookerForm,
    pub booker_done: bool,
    /// "Do you need any support at your appointment?"
    pub support: Option<bool>,
    pub needs: NeedsForm,
    pub needs_done: bool,
}

// Saved answers may come from an older version of the app: every field may be missing.
crate::from_json!(BookingDraft { service: def, band: def, locality: def, slot: def, details: def,
    details_done: def, idempotency_key: def, invite: def, symptoms: def, who_for: def,
    booker: def, booker_done: def, support: def, needs: def, needs_done: def;
    asks: Asks::default() });

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
        self.asks = service
            .map(|s| Asks {
                screening: s.screening.is_some(),
                needs: s.offers.needs,
                booked_by: s.offers.booked_by,
                language: s.offers.language,
            })
            .unwrap_or_default();
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
            offer: None,
        }
    }

    pub fn choose_service(&mut self, id: Option<ServiceId>) {
        if self.service != id {
            self.service = id;
            // Each service screens with its own questions.
            self.symptoms = None;
            self.choose_band(None);
        }
    }

    /// The screening answer: the symptoms chosen, none for "None of these".
    pub fn answer_screening(&mut self, symptoms: Vec<String>) {
        self.symptoms = Some(symptoms);
    }

    /// A symptom was chosen: the patient is sent for urgent help, not to a booking.
    pub fn is_urgent(&self) -> bool {
        self.asks.screening && self.symptoms.as_ref().is_some_and(|s| !s.is_empty())
    }

    /// Changes nothing else: the details typed for either person are kept.
    pub fn choose_who_for(&mut self, who: WhoFor) {
        change(&mut self.who_for, Some(who), &mut self.idempotency_key);
    }

    /// The patient is someone other than the person booking.
    pub fn for_someone_else(&self) -> bool {
        self.asks.booked_by && self.who_for == Some(WhoFor::SomeoneElse)
    }

    pub fn save_booker(&mut self, booker: BookerForm) {
        change(&mut self.booker, booker, &mut self.idempotency_key);
        self.booker_done = true;
    }

    /// Changes nothing else: the needs chosen before are kept for a change of mind.
    pub fn choose_support(&mut self, support: bool) {
        change(&mut self.support, Some(support), &mut self.idempotency_key);
    }

    pub fn save_needs(&mut self, needs: NeedsForm) {
        change(&mut self.needs, needs, &mut self.idempotency_key);
        self.needs_done = true;
    }

    /// Whether this booking asks `step` at all.
    pub fn asked(&self, step: Step) -> bool {
        match step {
            Step::Screening => self.asks.screening,
            Step::WhoFor => self.asks.booked_by,
            Step::Booker => self.for_someone_else(),
            Step::Support => self.asks.needs,
            Step::Needs => self.asks.needs && self.support == Some(true),
            _ => true,
        }
    }

    fn answered(&self, step: Step) -> bool {
        match step {
            Step::Service => self.service.is_some(),
            // A symptom is not an answer that lets the booking go on.
            Step::Screening => self.symptoms.as_ref().is_some_and(Vec::is_empty),
            Step::Band => self.band.is_some(),
            Step::Locality => self.locality.is_some(),
            Step::Slot => self.slot.is_some(),
            Step::WhoFor => self.who_for.is_some(),
            Step::Booker => self.booker_done,
            Step::Details => self.details_done,
            Step::Support => self.support.is_some(),
            Step::Needs => self.needs_done,
            _ => false,
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
        change(&mut self.details, details, &mut self.idempotency_key);
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
        if step == Step::Urgent {
            return Step::Screening;
        }
        let fixed = |s: Step| match s {
            _ if !self.asked(s) => true,
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
        QUESTIONS
            .into_iter()
            .find(|s| self.asked(*s) && !self.answered(*s))
            .unwrap_or(Step::Check)
    }

    /// Where a patient asking for `step` may go: the step itself when everything before it is
    /// answered, else the first unanswered question (so a refresh or a stale link never shows
    /// a page without what it needs).
    pub fn allowed(&self, step: Step) -> Step {
        if step == Step::Urgent {
            return if self.is_urgent() {
                step
            } else {
                self.first_unanswered()
            };
        }
        if step.question_index().is_some() && !self.asked(step) {
            return self.first_unanswered();
        }
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
        if self.is_urgent() {
            // Never sent: a patient with an urgent symptom is told to get help instead.
            return Err(Vec::new());
        }
        let booked_by = if self.for_someone_else() {
            Some(self.booker.validate()?)
        } else {
            None
        };
        // "No" is recorded too: the patient was asked and needs nothing.
        let needs = match (self.asks.needs, self.support) {
            (true, Some(true)) => Some(self.needs.validate()?),
            (true, Some(false)) => Some(crate::model::Needs::default()),
            _ => None,
        };
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
            screening: self.asks.screening.then(|| "none".into()),
            needs,
            booked_by,
            offer: None,
            // The language the patient booked in: letters and texts in it.
            language: self
                .asks
                .language
                .then(|| crate::lang::current().code().into()),
        })
    }
}

/// An answer that is sent with the booking: a different one makes a new attempt (a new key);
/// the same one again (Change, then Continue) keeps the key.
fn change<T: PartialEq>(answer: &mut T, new: T, key: &mut Option<String>) {
    if *answer != new {
        *answer = new;
        *key = None;
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
                screening: None,
                offers: Default::default(),
                id: "physio-msk".into(),
                name: "Physiotherapy".into(),
                description: String::new(),
                phone: "01480 123456".into(),
                bands: vec![band("band-6"), band("band-7")],
            },
            Service {
                screening: None,
                offers: Default::default(),
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

    /// Physiotherapy on a 1.1 API that offers screening, needs and booked_by.
    fn services_1_1() -> Vec<Service> {
        let list = crate::model::ServiceList {
            services: services(),
            features: vec!["screening".into(), "needs".into(), "booked_by".into()],
        };
        let mut list = list;
        list.services[0].screening = Some(crate::model::Screening {
            question: "Do you have any of these symptoms?".into(),
            hint: String::new(),
            symptoms: vec![crate::model::Symptom {
                id: "saddle".into(),
                text: "Numbness around your genitals or bottom".into(),
            }],
            urgent: crate::model::Urgent {
                heading: "Get help now".into(),
                text: "Call 999".into(),
                phone: "999".into(),
            },
        });
        list.offered()
    }

    fn up_to_slot(services: &[Service]) -> BookingDraft {
        let mut d = BookingDraft::default();
        d.choose_service(Some("physio-msk".into()));
        d.settle(services);
        if d.asks.screening {
            d.answer_screening(Vec::new());
        }
        d.choose_band(Some("band-6".into()));
        d.choose_locality(Some("hinchingbrooke".into()));
        d.choose_slot(Some(slot("s1")));
        d
    }

    #[test]
    fn a_1_1_api_adds_its_questions_in_order() {
        let services = services_1_1();
        let mut d = BookingDraft::default();
        d.choose_service(Some("physio-msk".into()));
        d.settle(&services);
        assert_eq!(d.first_unanswered(), Step::Screening);
        d.answer_screening(Vec::new());
        assert_eq!(d.first_unanswered(), Step::Band);
        d.choose_band(Some("band-6".into()));
        d.choose_locality(Some("hinchingbrooke".into()));
        d.choose_slot(Some(slot("s1")));
        assert_eq!(d.first_unanswered(), Step::WhoFor);
        d.choose_who_for(WhoFor::SomeoneElse);
        assert_eq!(d.first_unanswered(), Step::Booker);
        d.save_booker(booker());
        assert_eq!(d.first_unanswered(), Step::Details);
        d.save_details(valid_details());
        assert_eq!(d.first_unanswered(), Step::Support);
        d.choose_support(true);
        assert_eq!(d.first_unanswered(), Step::Needs);
        d.save_needs(needs());
        assert_eq!(d.first_unanswered(), Step::Check);
        // Back walks the same questions in reverse.
        assert_eq!(d.previous(Step::Check, &services), Step::Needs);
        assert_eq!(d.previous(Step::Needs, &services), Step::Support);
        assert_eq!(d.previous(Step::Support, &services), Step::Details);
        assert_eq!(d.previous(Step::Details, &services), Step::Booker);
        assert_eq!(d.previous(Step::Booker, &services), Step::WhoFor);
        assert_eq!(d.previous(Step::WhoFor, &services), Step::Slot);
        assert_eq!(d.previous(Step::Band, &services), Step::Screening);
        assert_eq!(d.previous(Step::Urgent, &services), Step::Screening);
        // For the patient themselves, with no support: the booker's and needs' pages are skipped.
        d.choose_who_for(WhoFor::Me);
        d.choose_support(false);
        assert_eq!(d.previous(Step::Details, &services), Step::WhoFor);
        assert_eq!(d.previous(Step::Check, &services), Step::Support);
        assert_eq!(d.allowed(Step::Booker), Step::Check);
        assert_eq!(d.allowed(Step::Needs), Step::Check);
    }

    #[test]
    fn a_1_0_api_asks_none_of_the_new_questions() {
        let services = services();
        let mut d = up_to_slot(&services);
        assert_eq!(d.asks, Asks::default());
        assert_eq!(d.first_unanswered(), Step::Details);
        d.save_details(valid_details());
        assert_eq!(d.first_unanswered(), Step::Check);
        for step in [
            Step::Screening,
            Step::WhoFor,
            Step::Booker,
            Step::Support,
            Step::Needs,
        ] {
            assert_eq!(d.allowed(step), Step::Check, "{step:?}");
        }
        assert_eq!(d.allowed(Step::Urgent), Step::Check);
        assert_eq!(d.previous(Step::Check, &services), Step::Details);
        let req = d.booking_request(today()).unwrap();
        let json = serde_json::to_value(&req).unwrap();
        for key in ["screening", "needs", "booked_by"] {
            assert!(json.get(key).is_none(), "{key} sent to a 1.0 API");
        }
        // A screening block from an API that does not list the feature is not asked either.
        let list = crate::model::ServiceList {
            services: services_1_1(),
            features: Vec::new(),
        };
        let offered = list.offered();
        assert!(offered[0].screening.is_none());
        assert!(!offered[0].offers.needs);
    }

    #[test]
    fn a_symptom_ends_the_booking_and_nothing_is_sent() {
        let services = services_1_1();
        let mut d = BookingDraft::default();
        d.choose_service(Some("physio-msk".into()));
        d.settle(&services);
        assert_eq!(d.allowed(Step::Urgent), Step::Screening);
        d.answer_screening(vec!["saddle".into()]);
        assert!(d.is_urgent());
        assert_eq!(d.allowed(Step::Urgent), Step::Urgent);
        assert_eq!(d.first_unanswered(), Step::Screening);
        assert_eq!(d.allowed(Step::Band), Step::Screening);
        d.choose_band(Some("band-6".into()));
        d.choose_locality(Some("hinchingbrooke".into()));
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        assert!(d.booking_request(today()).is_err());
        // "None of these" after all: the booking goes on, and says so.
        d.answer_screening(Vec::new());
        assert!(!d.is_urgent());
        // Choosing another service asks its screening afresh.
        d.choose_service(Some("podiatry".into()));
        assert_eq!(d.symptoms, None);
    }

    #[test]
    fn what_is_sent_with_a_1_1_api() {
        let services = services_1_1();
        let mut d = up_to_slot(&services);
        d.choose_who_for(WhoFor::SomeoneElse);
        d.save_booker(booker());
        d.save_details(valid_details());
        d.choose_support(true);
        d.save_needs(needs());
        let json = serde_json::to_value(d.booking_request(today()).unwrap()).unwrap();
        assert_eq!(json["screening"], "none");
        assert_eq!(json["booked_by"]["name"], "Ana Lima");
        assert_eq!(json["booked_by"]["relationship"], "daughter");
        assert_eq!(json["booked_by"]["phone"], "07700 900456");
        assert_eq!(json["needs"]["interpreter"], "Polish");
        assert_eq!(
            json["needs"]["communication"],
            serde_json::json!(["large_print"])
        );
        assert_eq!(json["needs"]["access"], serde_json::json!(["step_free"]));
        assert_eq!(json["needs"]["other"], serde_json::Value::Null);
        // For themselves with no support: no booked_by, an empty needs (asked, none needed).
        d.choose_who_for(WhoFor::Me);
        d.choose_support(false);
        let json = serde_json::to_value(d.booking_request(today()).unwrap()).unwrap();
        assert!(json.get("booked_by").is_none());
        assert_eq!(
            json["needs"],
            serde_json::json!({ "interpreter": null, "communication": [], "access": [], "other": null })
        );
    }

    #[test]
    fn changing_who_for_or_a_need_clears_nothing_else_but_renews_the_key() {
        let services = services_1_1();
        let mut d = up_to_slot(&services);
        d.choose_who_for(WhoFor::SomeoneElse);
        d.save_booker(booker());
        d.save_details(valid_details());
        d.choose_support(true);
        d.save_needs(needs());
        let before = d.clone();
        let key = d.attempt_key(|| "k1".into());
        d.choose_who_for(WhoFor::Me);
        assert_eq!(d.attempt_key(|| "k2".into()), "k2");
        d.choose_support(false);
        assert_eq!(d.attempt_key(|| "k3".into()), "k3");
        // Everything typed is still there for a change of mind.
        assert_eq!(d.booker, before.booker);
        assert_eq!(d.needs, before.needs);
        assert_eq!(d.details, before.details);
        assert_eq!(d.slot, before.slot);
        assert_eq!(d.first_unanswered(), Step::Check);
        d.choose_who_for(WhoFor::SomeoneElse);
        d.choose_support(true);
        assert_eq!(d.first_unanswered(), Step::Check);
        assert_ne!(key, d.attempt_key(|| "k4".into()));
        // The same answer again keeps the key.
        let k = d.attempt_key(|| "k5".into());
        d.choose_who_for(WhoFor::SomeoneElse);
        d.save_needs(needs());
        assert_eq!(d.attempt_key(|| "k6".into()), k);
    }

    fn booker() -> BookerForm {
        BookerForm {
            name: "Ana Lima".into(),
            relationship: "daughter".into(),
            phone: "07700 900456".into(),
        }
    }

    fn needs() -> NeedsForm {
        NeedsForm {
            interpreter: "Polish".into(),
            communication: vec!["large_print".into()],
            access: vec!["step_free".into()],
            other: String::new(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_draft_survives_session_storage_as_json() {
        let mut d = BookingDraft::default();
        d.choose_service(Some("physio-msk".into()));
        d.choose_slot(Some(slot("s1")));
        d.save_details(valid_details());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(crate::json::parse::<BookingDraft>(&json).unwrap(), d);
    }
}
