//! What can go wrong in the store, in the data's own terms. The status codes and wording the
//! contract gives each case are in `errors.rs`, the only place that knows about HTTP.

use crate::validate::Fields;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No booking with that reference and date of birth: one case for either being wrong, so
    /// neither can be probed.
    BookingNotFound,
    /// Unknown or expired invitation code.
    InviteNotFound,
    /// Unknown slot id where the id is the subject (the test controls), not a request detail.
    SlotNotFound,
    /// Details to correct, keyed like `patient.nhs_number`.
    Validation(Fields),
    /// Taken by someone else or already started.
    SlotUnavailable,
    /// Less than 24 hours to go, so the booking can no longer be changed online.
    WindowClosed,
    /// Too many failed look-ups; try again in `retry_after` seconds.
    RateLimited { retry_after: u64 },
    /// The Idempotency-Key was already used for a request with another body.
    KeyReused,
    /// A cancelled booking cannot be moved.
    BookingCancelled,
    /// No slot alert with that id and date of birth: one case for either being wrong.
    AlertNotFound,
    /// No live offer with that code (unknown, used, or past `held_until`), asked for by code.
    OfferNotFound,
    /// A booking or reschedule sent an offer that is no longer live: the held time may have
    /// gone to someone else, so it is answered as a time that was taken.
    OfferGone,
    /// The booking already has an active slot alert.
    AlertExists,
}

impl StoreError {
    /// A single field to correct.
    pub fn field(name: &str, message: &str) -> Self {
        StoreError::Validation(Fields::from([(name.into(), message.into())]))
    }
}
