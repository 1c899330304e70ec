//! The confirm step: one `POST /bookings` per press, the same idempotency key for every retry
//! of an attempt, and every answer turned into what the patient is shown next.

use crate::api::{ApiError, Client, ErrorCode, Transport};
use crate::model::{Booking, BookingRequest};
use crate::validate::{Field, FieldError};

/// What the patient sees after pressing "Book appointment".
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Booked: the confirmation page with this reference.
    Booked(Box<Booking>),
    /// Someone else took the time first: choose another; all answers kept.
    Taken,
    /// The API found problems with the details: back to the details page with these messages.
    Invalid(Vec<FieldError>),
    /// No booking known to be made: a clear message and "Book appointment" again with the same
    /// key (safe even when the booking did go through: the API replays the first result).
    Failed(ApiError),
}

/// Sends the booking once and says what happened.
pub async fn confirm<T: Transport>(
    client: &Client<T>,
    request: &BookingRequest,
    key: &str,
) -> Outcome {
    match client.book(request, key).await {
        Ok(booking) => Outcome::Booked(Box::new(booking)),
        Err(e) if e.code() == Some(&ErrorCode::SlotUnavailable) => Outcome::Taken,
        Err(ApiError::Status {
            code: ErrorCode::ValidationFailed,
            ref fields,
            ..
        }) if fields.keys().any(|k| Field::from_api_key(k).is_some()) => Outcome::Invalid(
            fields
                .iter()
                .filter_map(|(key, message)| {
                    Some(FieldError {
                        field: Field::from_api_key(key)?,
                        message: message.clone(),
                    })
                })
                .collect(),
        ),
        Err(e) => Outcome::Failed(e),
    }
}
