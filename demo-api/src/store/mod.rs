//! All mutable state and the booking rules. One `Mutex<Store>` (held in `state::App`) wraps every
//! operation, so check-and-take of a slot, idempotency look-up and storing a result are one
//! atomic step: of many concurrent requests for one slot exactly one wins. Answers are JSON
//! values or a [`StoreError`]; what those mean in HTTP is decided in `errors.rs`. Slot alerts
//! and the times held for them are in `alerts.rs`; feedback, events and the report's figures in
//! `measures.rs`.

mod alerts;
mod cursor;
mod error;
mod limiter;
mod measures;
mod replays;
mod view;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::{json, Value};

use crate::clock::{london_midnight, Clock};
use crate::extras::{self, Extras};
use crate::measure::Measures;
use crate::outbox::Outbox;
use crate::seed::{self, Booking, SeedData, Slot, Status};
use crate::validate;
use crate::version::ApiVersion;

pub use alerts::{
    Alert, AlertState, Alerts, Hold, HoldState, DEFAULT_HOLD_SECONDS, MAX_HOLD_SECONDS,
};
pub use cursor::{decode_cursor, encode_cursor};
pub use error::StoreError;
pub use limiter::LOOKUP_LIMIT;
pub use view::{cancel_before, slot_json, View};

use limiter::Limiter;
use replays::{fingerprint, Replays, Seen};
use view::services_json;

/// Letters and digits that cannot be mistaken for each other when read out or typed (no I, L,
/// O, 0 or 1).
const REFERENCE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

const NO_SUCH_TIME: &str = "That time does not exist. Choose another time.";

/// `len` characters of [`REFERENCE_ALPHABET`] drawn from a hash (references, alert ids and
/// offer codes).
fn code_chars(mut h: u64, len: usize) -> String {
    let base = REFERENCE_ALPHABET.len() as u64;
    (0..len)
        .map(|_| {
            let c = REFERENCE_ALPHABET[(h % base) as usize] as char;
            h /= base;
            c
        })
        .collect()
}

pub struct SlotQuery {
    pub service: Option<String>,
    pub band: Option<String>,
    pub locality: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub after: Option<(i64, String)>,
}

pub struct Store {
    pub clock: Clock,
    seed: u64,
    page_size: usize,
    version: ApiVersion,
    pub data: SeedData,
    slot_index: HashMap<String, usize>,
    /// Upper-case reference → index into `data.bookings`.
    booking_index: HashMap<String, usize>,
    replays: Replays,
    lookups: Limiter,
    counter: u64,
    /// Slot alerts, and the freed times held for them.
    alerts: Alerts,
    /// The text messages "sent" about alerts.
    outbox: Outbox,
    /// How long a freed time is held for an alert.
    hold_seconds: u64,
    /// 1.1 `events` and `feedback` as kept (bounded; nothing identifying).
    measures: Measures,
    /// Bookings made with `"channel": "online"`, per day on the clinic calendar (for the report).
    online_bookings: BTreeMap<NaiveDate, usize>,
}

impl Store {
    pub fn new(seed: u64, clock: Clock, page_size: usize) -> Store {
        let data = seed::generate(seed, clock.now());
        let mut store = Store {
            clock,
            seed,
            page_size: page_size.max(1),
            version: ApiVersion::default(),
            data,
            slot_index: HashMap::new(),
            booking_index: HashMap::new(),
            replays: Replays::default(),
            lookups: Limiter::default(),
            counter: 0,
            alerts: Alerts::default(),
            outbox: Outbox::default(),
            hold_seconds: DEFAULT_HOLD_SECONDS,
            measures: Measures::default(),
            online_bookings: BTreeMap::new(),
        };
        store.reindex();
        store
    }

    /// Speaks that version of the contract (1.1 unless told otherwise).
    pub fn with_api_version(mut self, version: ApiVersion) -> Store {
        self.version = version;
        self
    }

    /// Holds freed times for slot alerts this long (`--hold-seconds`).
    pub fn with_hold_seconds(mut self, seconds: u64) -> Store {
        self.hold_seconds = seconds;
        self
    }

    fn reindex(&mut self) {
        self.slot_index = (self.data.slots.iter().enumerate())
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        self.booking_index = (self.data.bookings.iter().enumerate())
            .map(|(i, b)| (b.reference.to_uppercase(), i))
            .collect();
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The data as it stands now.
    pub fn view(&self) -> View<'_> {
        View {
            data: &self.data,
            now: self.now(),
            alerts: &self.alerts,
        }
    }

    pub fn slot(&self, id: &str) -> Option<&Slot> {
        self.slot_index.get(id).map(|&i| &self.data.slots[i])
    }

    // ---- reading ----

    pub fn services(&self) -> Value {
        services_json(&self.data.services, self.version)
    }

    /// Sites with a clinic for that service and band (either filter may be left out).
    pub fn localities(&self, service: Option<&str>, band: Option<&str>) -> Value {
        self.view().localities(service, band)
    }

    pub fn slots(&self, q: &SlotQuery) -> Value {
        let view = self.view();
        let (from, until) = (
            london_midnight(q.from),
            london_midnight(q.to + Duration::days(1)),
        );
        let matches = |s: &&Slot| {
            s.start >= from
                && s.start < until
                && q.service.as_deref().is_none_or(|v| v == s.service)
                && q.band.as_deref().is_none_or(|v| v == s.band)
                && q.locality.as_deref().is_none_or(|v| v == s.locality)
                && (q.after.as_ref())
                    .is_none_or(|(ts, id)| (s.start.timestamp(), &s.id) > (*ts, id))
                && view.is_free(s)
        };
        let mut page: Vec<&Slot> = (self.data.slots.iter())
            .filter(matches)
            .take(self.page_size + 1)
            .collect();
        let more = page.len() > self.page_size;
        page.truncate(self.page_size);
        let next_cursor = match (more, page.last()) {
            (true, Some(last)) => Some(encode_cursor(last.start.timestamp(), &last.id)),
            _ => None,
        };
        json!({
            "timezone": "Europe/London",
            "slots": page.iter().map(|s| slot_json(s)).collect::<Vec<_>>(),
            "next_cursor": next_cursor,
        })
    }

    pub fn invite(&self, code: &str) -> Result<Value, StoreError> {
        let today = self.clock.today();
        (self.data.invites.iter())
            .find(|i| i.code.eq_ignore_ascii_case(code.trim()) && i.book_until >= today)
            .map(view::invite_json)
            .ok_or(StoreError::InviteNotFound)
    }

    fn booking_json(&self, b: &Booking) -> Value {
        let slot = (self.slot(&b.slot_id)).expect("bookings point at known slots");
        self.view().booking(b, slot)
    }

    // ---- look-ups by reference and date of birth ----

    /// The booking's index when reference (any case) and date of birth both match; one answer
    /// for either being wrong, and none at all while too many look-ups have failed.
    fn authenticate(&mut self, reference: &str, dob: NaiveDate) -> Result<usize, StoreError> {
        if let Some(retry_after) = self.lookups.wait() {
            return Err(StoreError::RateLimited { retry_after });
        }
        let found = (self.booking_index.get(&reference.trim().to_uppercase()))
            .copied()
            .filter(|&i| self.data.bookings[i].date_of_birth == dob);
        found.ok_or_else(|| {
            self.lookups.record_failure();
            StoreError::BookingNotFound
        })
    }

    pub fn get_booking(&mut self, reference: &str, dob: NaiveDate) -> Result<Value, StoreError> {
        let i = self.authenticate(reference, dob)?;
        Ok(self.booking_json(&self.data.bookings[i]))
    }

    // ---- changes ----

    fn new_reference(&mut self, prefix: &str) -> String {
        loop {
            self.counter += 1;
            let h = seed::hash(self.seed, &format!("reference|{}", self.counter));
            let code = format!("{prefix}-{}", code_chars(h, 6));
            if !self.booking_index.contains_key(&code) {
                return code;
            }
        }
    }

    fn add_booking(&mut self, booking: Booking) -> usize {
        self.data.taken.insert(booking.slot_id.clone());
        self.booking_index
            .insert(booking.reference.to_uppercase(), self.data.bookings.len());
        self.data.bookings.push(booking);
        self.data.bookings.len() - 1
    }

    /// Runs `op` once per (scope, key): once it has succeeded, a repeat with the same body gets
    /// the first answer again and a repeat with a different body gets `KeyReused`. Errors
    /// change nothing and are not kept, so after a 422 or a 409 the app may correct the request
    /// and send it again under the same key.
    fn idempotent(
        &mut self,
        scope: String,
        key: &str,
        body: &Value,
        op: impl FnOnce(&mut Self) -> Result<Value, StoreError>,
    ) -> Result<Value, StoreError> {
        let fingerprint = fingerprint(body);
        let id = (scope, key.to_string());
        match self.replays.check(&id, &fingerprint) {
            Seen::Again(answer) => return Ok(answer),
            Seen::OtherBody => return Err(StoreError::KeyReused),
            Seen::New => {}
        }
        let answer = op(self)?;
        self.replays.remember(id, fingerprint, answer.clone());
        Ok(answer)
    }

    /// A new booking, or the one this key already made (the caller answers 201 either way).
    pub fn create_booking(&mut self, key: &str, body: &Value) -> Result<Value, StoreError> {
        self.idempotent("book".into(), key, body, |store| store.book(key, body))
    }

    fn book(&mut self, key: &str, body: &Value) -> Result<Value, StoreError> {
        let mut fields = validate::Fields::new();
        let offer = self.offer_field(body, &mut fields);
        // With a live offer the patient's name and phone may be left out: the alert has them.
        let filled = offer
            .as_deref()
            .and_then(|code| self.offer_patient(code))
            .map(|known| fill_patient(body, &known));
        // An offer that is gone (used, run out, never sent) answers that, not that the name
        // and phone it would have filled in are missing.
        if offer.is_some() && filled.is_none() {
            return Err(StoreError::OfferGone);
        }
        let body = filled.as_ref().unwrap_or(body);
        let (valid, extras) = match extras::booking(body, self.clock.today(), self.version) {
            Ok(checked) if fields.is_empty() => checked,
            Ok(_) => return Err(StoreError::Validation(fields)),
            Err(more) => {
                fields.extend(more);
                return Err(StoreError::Validation(fields));
            }
        };
        let slot = (self.slot(&valid.slot_id).cloned())
            .ok_or_else(|| StoreError::field("slot_id", NO_SUCH_TIME))?;
        // A time held for a slot alert is free only to the patient with its offer.
        let hold = match &offer {
            Some(code) => {
                Some(self.check_offer_for_booking(code, &slot.id, valid.date_of_birth)?)
            }
            None => None,
        };
        let free = slot.start > self.now() && !self.data.taken.contains(&slot.id);
        if !free || (hold.is_none() && !self.view().is_free(&slot)) {
            return Err(StoreError::SlotUnavailable);
        }
        let prefix = (self.data.services.iter())
            .find(|s| s.id == slot.service)
            .map(|s| s.prefix.clone())
            .unwrap_or_else(|| "APT".into());
        let reference = self.new_reference(&prefix);
        let i = self.add_booking(Booking {
            reference,
            service: slot.service.clone(),
            band: slot.band.clone(),
            slot_id: slot.id.clone(),
            status: Status::Booked,
            date_of_birth: valid.date_of_birth,
            patient: valid.patient,
            idempotency_key: Some(key.to_string()),
            origin: "patient",
            extras,
        });
        if let Some(h) = hold {
            self.use_hold(h);
        }
        self.count_online_booking(body);
        Ok(self.booking_json(&self.data.bookings[i]))
    }

    pub fn cancel(&mut self, reference: &str, body: &Value) -> Result<Value, StoreError> {
        let dob = validate::date_field(body.get("date_of_birth"))
            .ok_or_else(|| StoreError::field("date_of_birth", "Enter a date of birth"))?;
        let i = self.authenticate(reference, dob)?;
        let booking = &self.data.bookings[i];
        if booking.status == Status::Cancelled {
            // Cancelling twice is harmless: answer as the first time did.
            return Ok(self.booking_json(booking));
        }
        let slot = self.slot(&booking.slot_id).expect("known slot");
        if self.now() >= cancel_before(slot) {
            return Err(StoreError::WindowClosed);
        }
        let (slot_id, reference) = (booking.slot_id.clone(), booking.reference.clone());
        self.data.taken.remove(&slot_id);
        self.data.bookings[i].status = Status::Cancelled;
        // Alerts to replace this booking have nothing left to replace; the freed time may be
        // just what another patient's alert is waiting for.
        self.stop_alerts_for(&reference);
        self.slot_freed(&slot_id);
        Ok(self.booking_json(&self.data.bookings[i]))
    }

    pub fn reschedule(
        &mut self,
        reference: &str,
        key: &str,
        body: &Value,
    ) -> Result<Value, StoreError> {
        let scope = format!("reschedule|{}", reference.trim().to_uppercase());
        self.idempotent(scope, key, body, |store| {
            store.move_booking(reference, body)
        })
    }

    fn move_booking(&mut self, reference: &str, body: &Value) -> Result<Value, StoreError> {
        let dob = validate::date_field(body.get("date_of_birth"));
        let new_id = (body.get("slot_id").and_then(Value::as_str))
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let mut fields = validate::Fields::new();
        // With an offer (1.1 slot_alerts) the new time is the one held; `slot_id` may be left out.
        let offer = self.offer_field(body, &mut fields);
        if dob.is_none() {
            fields.insert("date_of_birth".into(), "Enter a date of birth".into());
        }
        if new_id.is_none() && offer.is_none() && !fields.contains_key("offer") {
            fields.insert("slot_id".into(), "Choose a new time".into());
        }
        let (Some(dob), true) = (dob, fields.is_empty()) else {
            return Err(StoreError::Validation(fields));
        };
        let i = self.authenticate(reference, dob)?;
        let booking = self.data.bookings[i].clone();
        if booking.status == Status::Cancelled {
            return Err(StoreError::BookingCancelled);
        }
        let old = self.slot(&booking.slot_id).expect("known slot").clone();
        if self.now() >= cancel_before(&old) {
            return Err(StoreError::WindowClosed);
        }
        let (hold, new_id) = match &offer {
            Some(code) => {
                let (h, held) = self.check_offer_for_move(code, &booking.reference, new_id)?;
                (Some(h), held)
            }
            None => (None, new_id.unwrap_or_default().to_string()),
        };
        let new = match self.slot(&new_id) {
            Some(s) if s.service == booking.service && s.band == booking.band => s.clone(),
            Some(_) => {
                return Err(StoreError::field(
                    "slot_id",
                    "Choose a time for the same service and type of appointment.",
                ))
            }
            None => return Err(StoreError::field("slot_id", NO_SUCH_TIME)),
        };
        if new.id == old.id {
            return Ok(self.booking_json(&booking));
        }
        let free = new.start > self.now() && !self.data.taken.contains(&new.id);
        if !free || (hold.is_none() && !self.view().is_free(&new)) {
            // The patient keeps the original appointment.
            return Err(StoreError::SlotUnavailable);
        }
        // Hold the new slot first, then let the old one go.
        self.data.taken.insert(new.id.clone());
        self.data.taken.remove(&old.id);
        self.data.bookings[i].slot_id = new.id;
        if let Some(h) = hold {
            self.use_hold(h);
        }
        self.slot_freed(&old.id);
        Ok(self.booking_json(&self.data.bookings[i]))
    }

    // ---- test controls ----

    pub fn demo_bookings(&self) -> Value {
        self.view().demo_bookings()
    }

    /// Books a slot for "someone else", so a patient's confirm can meet a real 409.
    pub fn take_slot(&mut self, slot_id: &str) -> Result<Value, StoreError> {
        let slot = (self.slot(slot_id).cloned()).ok_or(StoreError::SlotNotFound)?;
        if !self.view().is_free(&slot) {
            return Err(StoreError::SlotUnavailable);
        }
        let reference = self.new_reference("OTH");
        self.add_booking(Booking {
            reference: reference.clone(),
            service: slot.service.clone(),
            band: slot.band.clone(),
            slot_id: slot.id.clone(),
            status: Status::Booked,
            date_of_birth: NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date"),
            patient: json!({ "given_name": "Someone", "family_name": "Else" }),
            idempotency_key: None,
            origin: "someone-else",
            extras: Extras::default(),
        });
        Ok(json!({ "reference": reference, "slot_id": slot.id }))
    }
}

/// `body` with each of `known`'s patient fields that it leaves out or empty filled in.
fn fill_patient(body: &Value, known: &Value) -> Value {
    let mut body = body.clone();
    if let (Some(patient), Some(known)) = (body["patient"].as_object_mut(), known.as_object()) {
        for (key, value) in known {
            let missing = patient
                .get(key)
                .is_none_or(|v| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()));
            if missing {
                patient.insert(key.clone(), value.clone());
            }
        }
    }
    body
}
