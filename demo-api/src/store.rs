//! All mutable state and the booking rules. One `Mutex<Store>` (held in `app::App`) wraps every
//! operation, so check-and-take of a slot, idempotency look-up and storing a result are one
//! atomic step: of many concurrent requests for one slot exactly one wins.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration as StdDuration, Instant};

use axum::http::StatusCode;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::{json, Value};

use crate::clock::{london_midnight, render, Clock};
use crate::errors::ApiError;
use crate::seed::{self, Booking, SeedData, Slot, Status};
use crate::validate::{self, Fields};

/// What a handler answers: a status and JSON body, or an error envelope.
pub type Outcome = Result<(StatusCode, Value), ApiError>;

/// Failed reference/date-of-birth look-ups allowed per minute before answering 429.
pub const LOOKUP_LIMIT: usize = 10;
const LOOKUP_WINDOW: StdDuration = StdDuration::from_secs(60);

/// Letters and digits that cannot be mistaken for each other when read out or typed (no I, L,
/// O, 0 or 1).
const REFERENCE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A remembered successful answer for an Idempotency-Key.
struct Replay {
    fingerprint: String,
    answer: (StatusCode, Value),
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
    pub data: SeedData,
    slot_index: HashMap<String, usize>,
    /// Upper-case reference → index into `data.bookings`.
    booking_index: HashMap<String, usize>,
    /// (scope, key) → first outcome; scope is the operation (and reference for reschedules).
    idempotency: HashMap<(String, String), Replay>,
    failed_lookups: VecDeque<Instant>,
    counter: u64,
}

impl Store {
    pub fn new(seed: u64, clock: Clock, page_size: usize) -> Store {
        let data = seed::generate(seed, clock.now());
        let mut store = Store {
            clock,
            seed,
            page_size: page_size.max(1),
            data,
            slot_index: HashMap::new(),
            booking_index: HashMap::new(),
            idempotency: HashMap::new(),
            failed_lookups: VecDeque::new(),
            counter: 0,
        };
        store.reindex();
        store
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

    pub fn slot(&self, id: &str) -> Option<&Slot> {
        self.slot_index.get(id).map(|&i| &self.data.slots[i])
    }

    /// Free to book: not taken and not yet started.
    fn is_free(&self, slot: &Slot, now: DateTime<Utc>) -> bool {
        slot.start > now && !self.data.taken.contains(&slot.id)
    }

    // ---- reading ----

    pub fn services(&self) -> Value {
        json!({ "services": self.data.services })
    }

    fn next_available(&self, service: &str, band: &str, locality: &str) -> Option<DateTime<Utc>> {
        let now = self.now();
        self.data
            .slots
            .iter()
            .find(|s| {
                s.service == service
                    && s.band == band
                    && s.locality == locality
                    && self.is_free(s, now)
            })
            .map(|s| s.start)
    }

    fn locality_json(&self, id: &str, service: &str, band: &str) -> Value {
        let Some(l) = self.data.localities.iter().find(|l| l.id == id) else {
            return Value::Null;
        };
        json!({
            "id": l.id, "name": l.name, "address": l.address, "postcode": l.postcode,
            "access": l.access,
            "next_available": self.next_available(service, band, id).map(render),
        })
    }

    /// Sites with a clinic for that service and band (either filter may be left out).
    pub fn localities(&self, service: Option<&str>, band: Option<&str>) -> Value {
        let offered = |loc: &str| {
            self.data.clinics.iter().any(|c| {
                c.locality == loc
                    && service.is_none_or(|s| s == c.service)
                    && band.is_none_or(|b| b == c.band)
            })
        };
        let list: Vec<Value> = (self.data.localities.iter())
            .filter(|l| offered(&l.id))
            .map(|l| {
                // Without a service and band filter, the earliest across everything on offer.
                let next = (self.data.clinics.iter())
                    .filter(|c| {
                        c.locality == l.id
                            && service.is_none_or(|s| s == c.service)
                            && band.is_none_or(|b| b == c.band)
                    })
                    .filter_map(|c| self.next_available(c.service, c.band, &l.id))
                    .min();
                json!({
                    "id": l.id, "name": l.name, "address": l.address, "postcode": l.postcode,
                    "access": l.access, "next_available": next.map(render),
                })
            })
            .collect();
        json!({ "localities": list })
    }

    pub fn slot_json(slot: &Slot) -> Value {
        json!({
            "id": slot.id, "start": render(slot.start), "end": render(slot.end),
            "locality": slot.locality, "band": slot.band, "mode": slot.mode,
            "clinician": slot.clinician,
        })
    }

    pub fn slots(&self, q: &SlotQuery) -> Value {
        let now = self.now();
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
                && self.is_free(s, now)
        };
        let mut page: Vec<&Slot> = self
            .data
            .slots
            .iter()
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
            "slots": page.iter().map(|s| Self::slot_json(s)).collect::<Vec<_>>(),
            "next_cursor": next_cursor,
        })
    }

    pub fn invite(&self, code: &str) -> Outcome {
        let today = self.clock.today();
        let invite = (self.data.invites.iter())
            .find(|i| i.code.eq_ignore_ascii_case(code.trim()) && i.book_until >= today)
            .ok_or_else(|| {
                ApiError::not_found(
                    "This invitation has expired or is not valid. Please phone the service.",
                )
            })?;
        Ok((
            StatusCode::OK,
            json!({
                "code": invite.code, "service": invite.service, "band": invite.band,
                "locality": invite.locality,
                "book_from": invite.book_from.to_string(),
                "book_until": invite.book_until.to_string(),
            }),
        ))
    }

    fn booking_json(&self, b: &Booking) -> Value {
        let slot = self
            .slot(&b.slot_id)
            .expect("bookings point at known slots");
        let service = (self.data.services.iter())
            .find(|s| s.id == b.service)
            .expect("bookings point at known services");
        json!({
            "reference": b.reference,
            "status": b.status.as_str(),
            "slot": Self::slot_json(slot),
            "service": { "id": service.id, "name": service.name },
            "locality": self.locality_json(&slot.locality, &b.service, &b.band),
            "cancel_before": render(cancel_before(slot)),
        })
    }

    // ---- look-ups by reference and date of birth ----

    /// 429 once too many look-ups failed in the last minute, so references cannot be guessed.
    fn check_lookup_rate(&mut self) -> Result<(), ApiError> {
        let now = Instant::now();
        while (self.failed_lookups.front()).is_some_and(|t| now.duration_since(*t) >= LOOKUP_WINDOW)
        {
            self.failed_lookups.pop_front();
        }
        if self.failed_lookups.len() >= LOOKUP_LIMIT {
            let oldest = self.failed_lookups[0];
            let wait = LOOKUP_WINDOW.saturating_sub(now.duration_since(oldest));
            return Err(ApiError::rate_limited(wait.as_secs().max(1)));
        }
        Ok(())
    }

    /// The booking's index when reference (any case) and date of birth both match; one answer
    /// for either being wrong.
    fn authenticate(&mut self, reference: &str, dob: NaiveDate) -> Result<usize, ApiError> {
        self.check_lookup_rate()?;
        let found = (self.booking_index.get(&reference.trim().to_uppercase()))
            .copied()
            .filter(|&i| self.data.bookings[i].date_of_birth == dob);
        found.ok_or_else(|| {
            self.failed_lookups.push_back(Instant::now());
            ApiError::booking_not_found()
        })
    }

    pub fn get_booking(&mut self, reference: &str, dob: NaiveDate) -> Outcome {
        let i = self.authenticate(reference, dob)?;
        Ok((StatusCode::OK, self.booking_json(&self.data.bookings[i])))
    }

    // ---- changes ----

    fn new_reference(&mut self, prefix: &str) -> String {
        loop {
            self.counter += 1;
            let mut h = seed::hash(self.seed, &format!("reference|{}", self.counter));
            let mut code = String::with_capacity(10);
            code.push_str(prefix);
            code.push('-');
            for _ in 0..6 {
                code.push(
                    REFERENCE_ALPHABET[(h % REFERENCE_ALPHABET.len() as u64) as usize] as char,
                );
                h /= REFERENCE_ALPHABET.len() as u64;
            }
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
    /// the first answer again (same status, body, reference) and a repeat with a different body
    /// gets 409 conflict. Errors change nothing and are not kept, so after a 422 or a 409 the
    /// app may correct the request and send it again under the same key.
    fn idempotent(
        &mut self,
        scope: String,
        key: &str,
        body: &Value,
        op: impl FnOnce(&mut Self) -> Outcome,
    ) -> Outcome {
        let fingerprint = canonical(body);
        let id = (scope, key.to_string());
        if let Some(replay) = self.idempotency.get(&id) {
            return if replay.fingerprint == fingerprint {
                Ok(replay.answer.clone())
            } else {
                Err(ApiError::idempotency_conflict())
            };
        }
        let outcome = op(self);
        if let Ok(answer) = &outcome {
            let replay = Replay {
                fingerprint,
                answer: answer.clone(),
            };
            self.idempotency.insert(id, replay);
        }
        outcome
    }

    pub fn create_booking(&mut self, key: &str, body: &Value) -> Outcome {
        self.idempotent("book".into(), key, body, |store| store.book(key, body))
    }

    fn book(&mut self, key: &str, body: &Value) -> Outcome {
        let valid = validate::booking(body, self.clock.today()).map_err(ApiError::invalid)?;
        let slot = self.slot(&valid.slot_id).cloned().ok_or_else(|| {
            ApiError::invalid(Fields::from([(
                "slot_id".into(),
                "That time does not exist. Choose another time.".into(),
            )]))
        })?;
        if !self.is_free(&slot, self.now()) {
            return Err(ApiError::slot_unavailable());
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
        });
        Ok((
            StatusCode::CREATED,
            self.booking_json(&self.data.bookings[i]),
        ))
    }

    pub fn cancel(&mut self, reference: &str, body: &Value) -> Outcome {
        let dob = body_dob(body)?;
        let i = self.authenticate(reference, dob)?;
        let booking = &self.data.bookings[i];
        if booking.status == Status::Cancelled {
            // Cancelling twice is harmless: answer as the first time did.
            return Ok((StatusCode::OK, self.booking_json(booking)));
        }
        let slot = self.slot(&booking.slot_id).expect("known slot");
        if self.now() >= cancel_before(slot) {
            return Err(ApiError::window_closed());
        }
        let slot_id = booking.slot_id.clone();
        self.data.taken.remove(&slot_id);
        self.data.bookings[i].status = Status::Cancelled;
        Ok((StatusCode::OK, self.booking_json(&self.data.bookings[i])))
    }

    pub fn reschedule(&mut self, reference: &str, key: &str, body: &Value) -> Outcome {
        let scope = format!("reschedule|{}", reference.trim().to_uppercase());
        self.idempotent(scope, key, body, |store| {
            store.move_booking(reference, body)
        })
    }

    fn move_booking(&mut self, reference: &str, body: &Value) -> Outcome {
        let dob = validate::date_field(body.get("date_of_birth"));
        let new_id = body.get("slot_id").and_then(Value::as_str).map(str::trim);
        let mut fields = Fields::new();
        if dob.is_none() {
            fields.insert("date_of_birth".into(), "Enter a date of birth".into());
        }
        if new_id.is_none_or(str::is_empty) {
            fields.insert("slot_id".into(), "Choose a new time".into());
        }
        let (Some(dob), Some(new_id), true) = (dob, new_id, fields.is_empty()) else {
            return Err(ApiError::invalid(fields));
        };
        let i = self.authenticate(reference, dob)?;
        let booking = self.data.bookings[i].clone();
        if booking.status == Status::Cancelled {
            return Err(ApiError::conflict(
                "This appointment has been cancelled, so it cannot be moved. Book a new appointment instead.",
            ));
        }
        let old = self.slot(&booking.slot_id).expect("known slot").clone();
        if self.now() >= cancel_before(&old) {
            return Err(ApiError::window_closed());
        }
        let new = match self.slot(new_id) {
            Some(s) if s.service == booking.service && s.band == booking.band => s.clone(),
            Some(_) => {
                return Err(ApiError::invalid(Fields::from([(
                    "slot_id".into(),
                    "Choose a time for the same service and type of appointment.".into(),
                )])))
            }
            None => {
                return Err(ApiError::invalid(Fields::from([(
                    "slot_id".into(),
                    "That time does not exist. Choose another time.".into(),
                )])))
            }
        };
        if new.id == old.id {
            return Ok((StatusCode::OK, self.booking_json(&booking)));
        }
        if !self.is_free(&new, self.now()) {
            // The patient keeps the original appointment.
            return Err(ApiError::slot_unavailable());
        }
        // Hold the new slot first, then let the old one go.
        self.data.taken.insert(new.id.clone());
        self.data.taken.remove(&old.id);
        self.data.bookings[i].slot_id = new.id;
        Ok((StatusCode::OK, self.booking_json(&self.data.bookings[i])))
    }

    // ---- test controls ----

    pub fn demo_bookings(&self) -> Value {
        let list: Vec<Value> = (self.data.bookings.iter())
            .map(|b| {
                json!({
                    "reference": b.reference, "slot_id": b.slot_id, "status": b.status.as_str(),
                    "service": b.service, "band": b.band,
                    "idempotency_key": b.idempotency_key, "origin": b.origin,
                })
            })
            .collect();
        json!({ "bookings": list })
    }

    /// Books a slot for "someone else", so a patient's confirm can meet a real 409.
    pub fn take_slot(&mut self, slot_id: &str) -> Outcome {
        let slot = (self.slot(slot_id).cloned())
            .ok_or_else(|| ApiError::not_found("There is no slot with that id."))?;
        if !self.is_free(&slot, self.now()) {
            return Err(ApiError::slot_unavailable());
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
        });
        Ok((
            StatusCode::CREATED,
            json!({ "reference": reference, "slot_id": slot.id }),
        ))
    }
}

/// Changes online close 24 hours before the start.
pub fn cancel_before(slot: &Slot) -> DateTime<Utc> {
    slot.start - Duration::hours(24)
}

fn body_dob(body: &Value) -> Result<NaiveDate, ApiError> {
    validate::date_field(body.get("date_of_birth")).ok_or_else(|| {
        ApiError::invalid(Fields::from([(
            "date_of_birth".into(),
            "Enter a date of birth".into(),
        )]))
    })
}

/// JSON with object keys sorted, so the same body in another key order is the same request.
fn canonical(v: &Value) -> String {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let inner: Vec<String> = keys
                .iter()
                .map(|k| format!("{}:{}", Value::from(k.as_str()), canonical(&map[*k])))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(canonical).collect::<Vec<_>>().join(",")
            )
        }
        other => other.to_string(),
    }
}

/// Opaque to clients: the position (start, id) of the last slot on the page, hex-encoded.
pub fn encode_cursor(timestamp: i64, id: &str) -> String {
    let raw = format!("{timestamp}|{id}");
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_cursor(cursor: &str) -> Option<(i64, String)> {
    if !cursor.len().is_multiple_of(2) || !cursor.is_ascii() {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&cursor[i..i + 2], 16).ok())
        .collect();
    let raw = String::from_utf8(bytes?).ok()?;
    let (ts, id) = raw.split_once('|')?;
    Some((ts.parse().ok()?, id.to_string()))
}
