//! Slot alerts (1.1 `slot_alerts`): "tell me if an earlier time comes up". When a time is freed
//! (a booking cancelled or moved away from it) it is offered to the earliest-made alert that
//! wants it and held for that patient for the hold length; a hold that runs out passes to the
//! next alert that wants the time and has not had it yet, and when there is none the time goes
//! back to the public. Everything happens under the store's one lock, and holds that have run
//! out are dealt with lazily, by [`Store::settle`], before each request looks at the data.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::London;
use serde_json::{json, Value};

use super::{cancel_before, code_chars, slot_json, Store, StoreError};
use crate::clock::render;
use crate::outbox::{Kind, Message};
use crate::seed::{Clinic, Slot, Status};
use crate::validate::{self, Fields};

/// Two hours: long enough to see a text message and act on it, short enough that a time nobody
/// wants soon goes to the next patient (`--hold-seconds`).
pub const DEFAULT_HOLD_SECONDS: u64 = 7200;

/// A week: the longest hold the flag and the test control accept.
pub const MAX_HOLD_SECONDS: u64 = 7 * 24 * 3600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertState {
    /// Looking for an earlier time (until its `before` date).
    Active,
    /// Stopped by the patient (`DELETE /slot-alerts/{alert}`), or because the booking it would
    /// replace was cancelled.
    Stopped,
    /// The patient took a held time, so the alert has done its job.
    Used,
}

#[derive(Clone, Debug)]
pub struct Alert {
    /// `ALT-` and six characters of the reference alphabet.
    pub id: String,
    pub service: String,
    pub band: String,
    /// None: any site.
    pub locality: Option<String>,
    /// Only times starting before this date (clinic calendar) are offered.
    pub before: NaiveDate,
    pub date_of_birth: NaiveDate,
    pub phone: String,
    /// The patient's names, for a booking made with an offer that gives only the date of birth.
    pub given_name: String,
    pub family_name: String,
    /// The booking an earlier time would replace (its reference as stored).
    pub booking: Option<String>,
    pub created: DateTime<Utc>,
    pub state: AlertState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldState {
    Live,
    /// Booked (or moved to) by the patient it was held for.
    Used,
    /// Ran past `held_until`.
    Expired,
    /// Its alert was stopped.
    Released,
}

impl HoldState {
    fn as_str(self) -> &'static str {
        match self {
            HoldState::Live => "live",
            HoldState::Used => "used",
            HoldState::Expired => "expired",
            HoldState::Released => "released",
        }
    }
}

/// A freed time held for one alert: the offer the patient is texted about.
#[derive(Clone, Debug)]
pub struct Hold {
    /// `OF` and six characters of the reference alphabet (`?offer=` in the app's link).
    pub code: String,
    /// Index into `Alerts::list`.
    pub alert: usize,
    pub slot_id: String,
    /// The hold length after it was made, or the slot's start if that comes first.
    pub held_until: DateTime<Utc>,
    pub state: HoldState,
}

/// The alerts and their holds. The maps are indexes over `list` and `holds`, kept in step by
/// the few methods that change them, so "one live hold per time and per alert" is a map
/// lookup and cannot be broken by a later change elsewhere.
#[derive(Default)]
pub struct Alerts {
    /// In the order they were made: the first that matches gets the time.
    pub list: Vec<Alert>,
    /// Upper-case id → index into `list`.
    index: HashMap<String, usize>,
    pub holds: Vec<Hold>,
    /// Upper-case code → index into `holds`.
    codes: HashMap<String, usize>,
    /// Slot id → its live hold.
    live_by_slot: HashMap<String, usize>,
    /// Alert → its live hold.
    live_by_alert: HashMap<usize, usize>,
    /// Slot id → the alerts it has been offered to since it was last freed, so an alert is
    /// offered a freed time at most once.
    offered: HashMap<String, HashSet<usize>>,
    alert_counter: u64,
    offer_counter: u64,
}

impl Alerts {
    /// Held for an alert: not free for anyone else.
    pub fn is_held(&self, slot_id: &str) -> bool {
        self.live_by_slot.contains_key(slot_id)
    }

    fn end_hold(&mut self, h: usize, state: HoldState) {
        let hold = &mut self.holds[h];
        if hold.state == HoldState::Live {
            hold.state = state;
            self.live_by_slot.remove(&hold.slot_id);
            self.live_by_alert.remove(&hold.alert);
        }
    }
}

/// "Monday 22 March at 09:15", clinic time.
fn when(at: DateTime<Utc>) -> String {
    at.with_timezone(&London)
        .format("%A %-d %B at %H:%M")
        .to_string()
}

/// "Monday 12 April 2027".
fn day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

fn clinic_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&London).date_naive()
}

impl Store {
    /// How long new holds last from now on (`POST /__demo/hold-seconds`).
    pub fn set_hold_seconds(&mut self, seconds: u64) {
        self.hold_seconds = seconds;
    }

    pub fn hold_seconds(&self) -> u64 {
        self.hold_seconds
    }

    fn send(&mut self, alert: usize, kind: Kind, text: String, link: Option<String>) {
        let message = Message {
            to: self.alerts.list[alert].phone.clone(),
            text,
            link,
            at: self.now(),
            kind,
            alert: self.alerts.list[alert].id.clone(),
        };
        self.outbox.send(message);
    }

    fn service_name(&self, id: &str) -> String {
        (self.data.services.iter())
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn service_phone(&self, id: &str) -> String {
        (self.data.services.iter())
            .find(|s| s.id == id)
            .map(|s| s.phone.clone())
            .unwrap_or_default()
    }

    fn place_name(&self, id: &str) -> String {
        (self.data.localities.iter())
            .find(|l| l.id == id)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    // ---- POST /slot-alerts ----

    /// A new alert, or the one this key already made (the caller answers 201 either way).
    pub fn create_alert(&mut self, key: &str, body: &Value) -> Result<Value, StoreError> {
        self.idempotent("slot-alert".into(), key, body, |store| {
            store.new_alert(body)
        })
    }

    fn new_alert(&mut self, body: &Value) -> Result<Value, StoreError> {
        let mut fields = Fields::new();
        let req = validate::slot_alert(body, self.clock.today(), &mut fields);
        self.check_catalogue(&req, &mut fields);
        let mut before = req.before;
        let mut booking = None;
        if let (Some(reference), Some(dob)) = (&req.booking, req.date_of_birth) {
            booking = self.check_alert_booking(reference, dob, &req, &mut before, &mut fields)?;
        }
        let (Some(service), Some(band), Some(before), Some(dob), Some(phone), true) = (
            req.service,
            req.band,
            before,
            req.date_of_birth,
            req.phone,
            fields.is_empty(),
        ) else {
            return Err(StoreError::Validation(fields));
        };
        if let Some(reference) = &booking {
            let taken = (self.alerts.list.iter()).any(|a| {
                a.state == AlertState::Active
                    && a.booking.as_ref() == Some(reference)
                    && a.before > self.clock.today()
            });
            if taken {
                return Err(StoreError::AlertExists);
            }
        }
        let id = self.new_alert_id();
        let i = self.alerts.list.len();
        self.alerts.index.insert(id.clone(), i);
        self.alerts.list.push(Alert {
            id: id.clone(),
            service,
            band,
            locality: req.locality,
            before,
            date_of_birth: dob,
            phone,
            given_name: name(body, "given_name"),
            family_name: name(body, "family_name"),
            booking,
            created: self.now(),
            state: AlertState::Active,
        });
        let text = self.created_text(i);
        self.send(i, Kind::AlertCreated, text, None);
        Ok(json!({ "alert": id, "expires": before.to_string() }))
    }

    /// Unknown service, band or site: 422 on that field. A site must run a clinic for the
    /// service and band, or no time there could ever be offered.
    fn check_catalogue(&self, req: &validate::AlertRequest, fields: &mut Fields) {
        let service =
            (req.service.as_deref()).and_then(|id| self.data.services.iter().find(|s| s.id == id));
        if req.service.is_some() && service.is_none() {
            fields.insert("service".into(), "Choose a service we offer".into());
        }
        let band_known = match (service, &req.band) {
            (Some(s), Some(band)) if !s.bands.iter().any(|b| b.id == *band) => {
                fields.insert(
                    "band".into(),
                    "Choose a type of appointment this service offers".into(),
                );
                false
            }
            (Some(_), Some(_)) => true,
            _ => false,
        };
        if let Some(locality) = &req.locality {
            let known = self.data.localities.iter().any(|l| l.id == *locality);
            let runs = |c: &Clinic| {
                c.locality == locality
                    && req.service.as_deref() == Some(c.service)
                    && req.band.as_deref() == Some(c.band)
            };
            if !known {
                fields.insert(
                    "locality".into(),
                    "Choose a place we have clinics at".into(),
                );
            } else if band_known && !self.data.clinics.iter().any(runs) {
                fields.insert(
                    "locality".into(),
                    "There is no clinic for this type of appointment at that place".into(),
                );
            }
        }
    }

    /// The booking an earlier time would replace: found by reference and the patient's date
    /// of birth (a failed look-up counts against the look-up limit, as for `GET /bookings`),
    /// booked, still changeable online, and for the same service and band. Without `before`
    /// the alert runs until the booking's day. Answers the booking's reference as stored.
    fn check_alert_booking(
        &mut self,
        reference: &str,
        dob: NaiveDate,
        req: &validate::AlertRequest,
        before: &mut Option<NaiveDate>,
        fields: &mut Fields,
    ) -> Result<Option<String>, StoreError> {
        let i = match self.authenticate(reference, dob) {
            Ok(i) => i,
            Err(e @ StoreError::RateLimited { .. }) => return Err(e),
            Err(_) => {
                fields.insert(
                    "booking".into(),
                    "We could not find a booking with that reference and date of birth".into(),
                );
                return Ok(None);
            }
        };
        let b = &self.data.bookings[i];
        let slot = self
            .slot(&b.slot_id)
            .expect("bookings point at known slots");
        let problem = if b.status == Status::Cancelled {
            Some("This appointment has been cancelled".to_string())
        } else if self.now() >= cancel_before(slot) {
            Some("This appointment is less than 24 hours away, so it can no longer be changed online".into())
        } else if req.service.is_some()
            && req.band.is_some()
            && (req.service.as_ref(), req.band.as_ref()) != (Some(&b.service), Some(&b.band))
        {
            Some("This booking is for another service or type of appointment".into())
        } else {
            None
        };
        if let Some(problem) = problem {
            fields.insert("booking".into(), problem);
            return Ok(None);
        }
        let booked_day = clinic_date(slot.start);
        match *before {
            None => *before = Some(booked_day),
            Some(d) if d > booked_day => {
                fields.insert(
                    "before".into(),
                    format!(
                        "Choose a date on or before your appointment on {}",
                        day(booked_day)
                    ),
                );
            }
            Some(_) => {}
        }
        Ok(Some(b.reference.clone()))
    }

    fn new_alert_id(&mut self) -> String {
        loop {
            self.alerts.alert_counter += 1;
            let h = crate::seed::hash(self.seed, &format!("alert|{}", self.alerts.alert_counter));
            let id = format!("ALT-{}", code_chars(h, 6));
            if !self.alerts.index.contains_key(&id) {
                return id;
            }
        }
    }

    fn new_offer_code(&mut self) -> String {
        loop {
            self.alerts.offer_counter += 1;
            let h = crate::seed::hash(self.seed, &format!("offer|{}", self.alerts.offer_counter));
            let code = format!("OF{}", code_chars(h, 6));
            if !self.alerts.codes.contains_key(&code) {
                return code;
            }
        }
    }

    fn created_text(&self, i: usize) -> String {
        let a = &self.alerts.list[i];
        let what = self.service_name(&a.service);
        let place = match &a.locality {
            Some(l) => format!(" at {}", self.place_name(l)),
            None => String::new(),
        };
        let replaces = match (&a.booking, self.booking_start(a.booking.as_deref())) {
            (Some(r), Some(start)) => {
                format!(" to replace your appointment {r} on {}", when(start))
            }
            _ => String::new(),
        };
        format!(
            "We will text you if an earlier time comes up for {what}{place}{replaces}, before {}. \
             Your alert reference is {}. To stop: call {} and give this reference.",
            day(a.before),
            a.id,
            self.service_phone(&a.service),
        )
    }

    // ---- DELETE /slot-alerts/{alert} ----

    /// Stops an alert: it gets no more offers and a time held for it goes on to the next alert
    /// (or back to the public). Stopping again, or after the alert was used, changes nothing.
    /// A wrong id and a wrong date of birth are one answer, and count as failed look-ups.
    pub fn stop_alert(&mut self, id: &str, dob: NaiveDate) -> Result<(), StoreError> {
        if let Some(retry_after) = self.lookups.wait() {
            return Err(StoreError::RateLimited { retry_after });
        }
        let found = (self.alerts.index.get(&id.trim().to_uppercase()))
            .copied()
            .filter(|&i| self.alerts.list[i].date_of_birth == dob);
        let Some(i) = found else {
            self.lookups.record_failure();
            return Err(StoreError::AlertNotFound);
        };
        self.stop(i);
        Ok(())
    }

    fn stop(&mut self, i: usize) {
        if self.alerts.list[i].state != AlertState::Active {
            return;
        }
        self.alerts.list[i].state = AlertState::Stopped;
        if let Some(&h) = self.alerts.live_by_alert.get(&i) {
            self.alerts.end_hold(h, HoldState::Released);
            let slot_id = self.alerts.holds[h].slot_id.clone();
            self.offer_slot(&slot_id);
        }
    }

    /// A cancelled booking cannot be moved, so alerts that would replace it stop.
    pub(super) fn stop_alerts_for(&mut self, reference: &str) {
        let for_booking: Vec<usize> = (self.alerts.list.iter().enumerate())
            .filter(|(_, a)| a.booking.as_deref() == Some(reference))
            .map(|(i, _)| i)
            .collect();
        for i in for_booking {
            self.stop(i);
        }
    }

    // ---- holds ----

    /// A time became free (cancelled, or a booking moved away from it): a new chance for every
    /// alert, so the record of whom it was offered to starts again.
    pub(super) fn slot_freed(&mut self, slot_id: &str) {
        self.alerts.offered.remove(slot_id);
        self.offer_slot(slot_id);
    }

    fn booking_start(&self, reference: Option<&str>) -> Option<DateTime<Utc>> {
        let i = *self.booking_index.get(&reference?.to_uppercase())?;
        let slot = self.slot(&self.data.bookings[i].slot_id)?;
        Some(slot.start)
    }

    /// Whether a time may be offered to an alert with a booking: the booking is still booked
    /// and changeable online, and the time is earlier than it.
    fn earlier_than_booking(&self, reference: &str, slot: &Slot, now: DateTime<Utc>) -> bool {
        let Some(&i) = self.booking_index.get(&reference.to_uppercase()) else {
            return false;
        };
        let b = &self.data.bookings[i];
        let Some(current) = self.slot(&b.slot_id) else {
            return false;
        };
        b.status == Status::Booked && now < cancel_before(current) && slot.start < current.start
    }

    /// Offers a free time to the earliest-made alert that wants it, has no live hold and has
    /// not been offered it since it was freed, and holds it for that alert. False when nobody
    /// wants it (it stays free for the public).
    fn offer_slot(&mut self, slot_id: &str) -> bool {
        let now = self.now();
        let Some(slot) = self.slot(slot_id).cloned() else {
            return false;
        };
        if slot.start <= now || self.data.taken.contains(&slot.id) || self.alerts.is_held(slot_id) {
            return false;
        }
        let date = clinic_date(slot.start);
        let no_one = HashSet::new();
        let offered = self.alerts.offered.get(slot_id).unwrap_or(&no_one);
        let wants = |(i, a): &(usize, &Alert)| {
            a.state == AlertState::Active
                && !self.alerts.live_by_alert.contains_key(i)
                && !offered.contains(i)
                && a.service == slot.service
                && a.band == slot.band
                && a.locality.as_ref().is_none_or(|l| *l == slot.locality)
                && date < a.before
                && (a.booking.as_deref()).is_none_or(|r| self.earlier_than_booking(r, &slot, now))
        };
        let Some(alert) = (self.alerts.list.iter().enumerate())
            .find(wants)
            .map(|(i, _)| i)
        else {
            return false;
        };
        let code = self.new_offer_code();
        let held_until = (now + Duration::seconds(self.hold_seconds as i64)).min(slot.start);
        let h = self.alerts.holds.len();
        self.alerts.holds.push(Hold {
            code: code.clone(),
            alert,
            slot_id: slot.id.clone(),
            held_until,
            state: HoldState::Live,
        });
        self.alerts.codes.insert(code.clone(), h);
        self.alerts.live_by_slot.insert(slot.id.clone(), h);
        self.alerts.live_by_alert.insert(alert, h);
        (self.alerts.offered.entry(slot.id.clone()))
            .or_default()
            .insert(alert);
        let link = format!("/?offer={code}");
        let text = self.offer_text(alert, &slot, held_until, &link);
        self.send(alert, Kind::OfferHeld, text, Some(link));
        true
    }

    fn offer_text(&self, i: usize, slot: &Slot, held_until: DateTime<Utc>, link: &str) -> String {
        let a = &self.alerts.list[i];
        let action = match &a.booking {
            Some(r) => format!("To move your appointment {r} to this time, open {link}"),
            None => format!("To book it, open {link}"),
        };
        format!(
            "An earlier time has come up: {}, {} at {}. We are holding it for you until {}. {action}",
            self.service_name(&slot.service),
            when(slot.start),
            self.place_name(&slot.locality),
            held_until
                .with_timezone(&London)
                .format("%H:%M on %A %-d %B"),
        )
    }

    /// Holds that have run out pass on: the patient is told, and the time is offered to the
    /// next alert that wants it (or goes back to the public). Called before every request
    /// looks at the data (`state::App::store`), so time is read from the clock, never a timer.
    pub fn settle(&mut self) {
        if self.alerts.live_by_alert.is_empty() {
            return;
        }
        let now = self.now();
        let mut due: Vec<usize> = (self.alerts.live_by_alert.values().copied())
            .filter(|&h| now >= self.alerts.holds[h].held_until)
            .collect();
        due.sort_by_key(|&h| (self.alerts.holds[h].held_until, h));
        for h in due {
            self.alerts.end_hold(h, HoldState::Expired);
            let hold = self.alerts.holds[h].clone();
            let text = format!(
                "The time we held for you on {} has gone to someone else; your alert is still on. \
                 We will text you if another earlier time comes up.",
                self.slot(&hold.slot_id)
                    .map(|s| when(s.start))
                    .unwrap_or_default(),
            );
            self.send(hold.alert, Kind::HoldExpired, text, None);
            self.offer_slot(&hold.slot_id);
        }
    }

    /// The live hold an offer code names (any case). Holds past `held_until` are no longer
    /// live once [`Store::settle`] has run; the time is checked here too.
    /// The patient of a live offer, as `patient` fields a booking with that offer may leave out
    /// (the contract's offer booking checks only the date of birth; the rest is the alert's).
    pub(super) fn offer_patient(&self, code: &str) -> Option<Value> {
        let alert = &self.alerts.list[self.alerts.holds[self.live_hold(code)?].alert];
        Some(json!({
            "given_name": alert.given_name,
            "family_name": alert.family_name,
            "phone": alert.phone,
        }))
    }

    fn live_hold(&self, code: &str) -> Option<usize> {
        let h = *self.alerts.codes.get(&code.trim().to_uppercase())?;
        let hold = &self.alerts.holds[h];
        (hold.state == HoldState::Live && self.now() < hold.held_until).then_some(h)
    }

    // ---- GET /offers/{code} ----

    pub fn offer(&self, code: &str) -> Result<Value, StoreError> {
        let h = self.live_hold(code).ok_or(StoreError::OfferNotFound)?;
        let hold = &self.alerts.holds[h];
        let alert = &self.alerts.list[hold.alert];
        let slot = self
            .slot(&hold.slot_id)
            .expect("holds point at known slots");
        let view = self.view();
        Ok(json!({
            "code": hold.code,
            "slot": slot_json(slot),
            "service": view.service_ref(&slot.service),
            "locality": view.locality(&slot.locality, &slot.service, &slot.band),
            "held_until": render(hold.held_until),
            "booking": alert.booking,
        }))
    }

    // ---- booking with an offer ----

    /// The `offer` of a booking or reschedule body, read only when the server offers
    /// `slot_alerts` (a 1.0 server does not know the field).
    pub(super) fn offer_field(&self, body: &Value, fields: &mut Fields) -> Option<String> {
        if !self.version.offers(crate::version::Feature::SlotAlerts) {
            return None;
        }
        validate::optional_text(body.get("offer")).unwrap_or_else(|()| {
            fields.insert(
                "offer".into(),
                "Open the link in your text message again".into(),
            );
            None
        })
    }

    /// `POST /bookings` with an offer: the hold must be live (else 409 `slot_unavailable`, as
    /// when anyone else took the time), for this slot, for an alert without a booking (one
    /// with a booking moves it instead) and for this date of birth (else 422 on
    /// `patient.date_of_birth`; failures count against the look-up limit, so a code cannot
    /// be used to guess a date of birth). Answers the hold to use once booked.
    pub(super) fn check_offer_for_booking(
        &mut self,
        code: &str,
        slot_id: &str,
        dob: NaiveDate,
    ) -> Result<usize, StoreError> {
        let h = self.live_hold(code).ok_or(StoreError::OfferGone)?;
        if let Some(retry_after) = self.lookups.wait() {
            return Err(StoreError::RateLimited { retry_after });
        }
        let hold = &self.alerts.holds[h];
        let alert = &self.alerts.list[hold.alert];
        if let Some(reference) = &alert.booking {
            let message = format!(
                "This time is held to move your appointment {reference}: move that appointment instead"
            );
            return Err(StoreError::field("offer", &message));
        }
        if hold.slot_id != slot_id {
            return Err(StoreError::field(
                "slot_id",
                "This is not the time held for you. Open the link in your text message again.",
            ));
        }
        if alert.date_of_birth != dob {
            self.lookups.record_failure();
            return Err(StoreError::field(
                "patient.date_of_birth",
                "This time is held for someone else. Check the date of birth.",
            ));
        }
        Ok(h)
    }

    /// `POST /bookings/{reference}/reschedule` with an offer: the hold must be live (else 409
    /// `slot_unavailable`, the original appointment kept) and held to replace this booking
    /// (else 422 on `offer`); `slot_id`, when sent too, must be the held time.
    pub(super) fn check_offer_for_move(
        &self,
        code: &str,
        reference: &str,
        slot_id: Option<&str>,
    ) -> Result<(usize, String), StoreError> {
        let h = self.live_hold(code).ok_or(StoreError::OfferGone)?;
        let hold = &self.alerts.holds[h];
        let alert = &self.alerts.list[hold.alert];
        if !(alert.booking.as_deref()).is_some_and(|r| r.eq_ignore_ascii_case(reference.trim())) {
            return Err(StoreError::field(
                "offer",
                "This time was not held for this appointment",
            ));
        }
        if slot_id.is_some_and(|id| id != hold.slot_id) {
            return Err(StoreError::field(
                "slot_id",
                "This is not the time held for you. Open the link in your text message again.",
            ));
        }
        Ok((h, hold.slot_id.clone()))
    }

    /// The patient took the held time: the hold is used up and the alert has done its job.
    pub(super) fn use_hold(&mut self, h: usize) {
        self.alerts.end_hold(h, HoldState::Used);
        let alert = self.alerts.holds[h].alert;
        self.alerts.list[alert].state = AlertState::Used;
    }

    // ---- test controls ----

    /// `POST /__demo/expire-holds`: every live hold runs out now, as if its time had passed
    /// (the patient is texted, the time goes to the next alert or back to the public). Answers
    /// how many ran out.
    pub fn expire_holds(&mut self) -> usize {
        let now = self.now();
        let live: Vec<usize> = self.alerts.live_by_alert.values().copied().collect();
        for &h in &live {
            let hold = &mut self.alerts.holds[h];
            hold.held_until = hold.held_until.min(now);
        }
        self.settle();
        live.len()
    }

    /// `GET /__demo/alerts`: every alert (with its live hold) and every hold there has been.
    pub fn demo_alerts(&self) -> Value {
        let today = self.clock.today();
        let alerts: Vec<Value> = (self.alerts.list.iter().enumerate())
            .map(|(i, a)| {
                let state = match a.state {
                    AlertState::Active if a.before <= today => "expired",
                    AlertState::Active => "active",
                    AlertState::Stopped => "stopped",
                    AlertState::Used => "used",
                };
                let hold = (self.alerts.live_by_alert.get(&i)).map(|&h| {
                    let hold = &self.alerts.holds[h];
                    json!({ "code": hold.code, "slot_id": hold.slot_id,
                            "held_until": render(hold.held_until) })
                });
                json!({
                    "alert": a.id, "service": a.service, "band": a.band, "locality": a.locality,
                    "before": a.before.to_string(), "booking": a.booking, "phone": a.phone,
                    "created": render(a.created), "state": state, "hold": hold,
                })
            })
            .collect();
        let holds: Vec<Value> = (self.alerts.holds.iter())
            .map(|h| {
                json!({
                    "code": h.code, "alert": self.alerts.list[h.alert].id, "slot_id": h.slot_id,
                    "held_until": render(h.held_until), "state": h.state.as_str(),
                })
            })
            .collect();
        json!({ "alerts": alerts, "holds": holds, "hold_seconds": self.hold_seconds })
    }

    pub fn outbox(&self) -> &crate::outbox::Outbox {
        &self.outbox
    }
}

/// A name from an alert request's `patient` (checked by `validate::slot_alert`).
fn name(body: &Value, key: &str) -> String {
    body["patient"][key]
        .as_str()
        .unwrap_or_default()
        .trim()
        .to_string()
}
