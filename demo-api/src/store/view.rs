//! A read-only look at the data at one instant: which slots are free, and the JSON the contract
//! shows for slots, sites, bookings and invites.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::alerts::Alerts;
use crate::clock::render;
use crate::seed::{Booking, Invite, Locality, SeedData, Service, Slot};
use crate::version::{ApiVersion, Feature};

pub struct View<'a> {
    pub data: &'a SeedData,
    pub now: DateTime<Utc>,
    /// Times held for slot alerts are not free for anyone else.
    pub alerts: &'a Alerts,
}

impl View<'_> {
    /// Free to book: not taken, not held for a slot alert and not yet started.
    pub fn is_free(&self, slot: &Slot) -> bool {
        slot.start > self.now
            && !self.data.taken.contains(&slot.id)
            && !self.alerts.is_held(&slot.id)
    }

    /// `{ "id", "name" }`, as a booking shows its service.
    pub fn service_ref(&self, id: &str) -> Value {
        match self.data.services.iter().find(|s| s.id == id) {
            Some(s) => json!({ "id": s.id, "name": s.name }),
            None => Value::Null,
        }
    }

    /// A site as `/localities` shows it for that service and band.
    pub fn locality(&self, id: &str, service: &str, band: &str) -> Value {
        match self.data.localities.iter().find(|l| l.id == id) {
            Some(l) => locality_json(l, self.next_available(service, band, &l.id)),
            None => Value::Null,
        }
    }

    fn next_available(&self, service: &str, band: &str, locality: &str) -> Option<DateTime<Utc>> {
        (self.data.slots.iter())
            .find(|s| {
                s.service == service && s.band == band && s.locality == locality && self.is_free(s)
            })
            .map(|s| s.start)
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
                locality_json(l, next)
            })
            .collect();
        json!({ "localities": list })
    }

    /// `slot` is the booking's own slot (the caller has the index to find it).
    pub fn booking(&self, b: &Booking, slot: &Slot) -> Value {
        let service = (self.data.services.iter())
            .find(|s| s.id == b.service)
            .expect("bookings point at known services");
        let mut out = json!({
            "reference": b.reference,
            "status": b.status.as_str(),
            "slot": slot_json(slot),
            "service": { "id": service.id, "name": service.name },
            "locality": self.locality(&slot.locality, &b.service, &b.band),
            "cancel_before": render(cancel_before(slot)),
        });
        b.extras.echo_into(&mut out);
        out
    }

    /// Every booking, for the test controls' double-booking checks.
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
}

/// `GET /services`: a 1.1 server also lists its `features` and each service's `screening`; a
/// 1.0 server has neither, as the contract's 1.0 clients expect.
pub fn services_json(services: &[Service], version: ApiVersion) -> Value {
    let list: Vec<Value> = (services.iter())
        .map(|s| {
            let mut v = json!(s);
            if let (true, Some(screening)) = (version.offers(Feature::Screening), s.screening) {
                v["screening"] = json!(screening);
            }
            v
        })
        .collect();
    let mut out = json!({ "services": list });
    if let Some(features) = version.features() {
        out["features"] = json!(features);
    }
    out
}

/// Changes online close 24 hours before the start.
pub fn cancel_before(slot: &Slot) -> DateTime<Utc> {
    slot.start - Duration::hours(24)
}

pub fn slot_json(slot: &Slot) -> Value {
    json!({
        "id": slot.id, "start": render(slot.start), "end": render(slot.end),
        "locality": slot.locality, "band": slot.band, "mode": slot.mode,
        "clinician": slot.clinician,
    })
}

fn locality_json(l: &Locality, next_available: Option<DateTime<Utc>>) -> Value {
    json!({
        "id": l.id, "name": l.name, "address": l.address, "postcode": l.postcode,
        "access": l.access, "next_available": next_available.map(render),
    })
}

pub fn invite_json(invite: &Invite) -> Value {
    json!({
        "code": invite.code, "service": invite.service, "band": invite.band,
        "locality": invite.locality,
        "book_from": invite.book_from.to_string(),
        "book_until": invite.book_until.to_string(),
    })
}
