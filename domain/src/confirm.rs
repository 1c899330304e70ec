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
        // The time itself was refused (gone, or no longer bookable): pressing again cannot
        // help, choosing another time can.
        Err(ApiError::Status {
            code: ErrorCode::ValidationFailed,
            ref fields,
            ..
        }) if fields.contains_key("slot_id") => Outcome::Taken,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Request, Response, TransportError};
    use crate::model::{Patient, Reminders};

    struct Answer(u16, &'static str);

    impl Transport for Answer {
        async fn send(&self, _: Request) -> Result<Response, TransportError> {
            Ok(Response {
                status: self.0,
                content_type: Some("application/json".into()),
                retry_after: None,
                body: self.1.into(),
            })
        }
    }

    fn request() -> BookingRequest {
        BookingRequest {
            slot_id: "s".into(),
            patient: Patient {
                given_name: "A".into(),
                family_name: "B".into(),
                date_of_birth: chrono::NaiveDate::from_ymd_opt(1958, 2, 28).unwrap(),
                nhs_number: None,
                phone: Some("07700 900123".into()),
                email: None,
            },
            reminders: Reminders::default(),
            channel: "online".into(),
            source: "web".into(),
        }
    }

    fn outcome(status: u16, body: &'static str) -> Outcome {
        futures_executor::block_on(confirm(&Client::new(Answer(status, body)), &request(), "k"))
    }

    #[test]
    fn a_refused_time_means_choosing_another() {
        let body = r#"{"error":{"code":"validation_failed","message":"x","fields":{"slot_id":"That time cannot be booked"}}}"#;
        assert_eq!(outcome(422, body), Outcome::Taken);
        let taken = r#"{"error":{"code":"slot_unavailable","message":"Taken"}}"#;
        assert_eq!(outcome(409, taken), Outcome::Taken);
    }

    #[test]
    fn field_errors_go_back_to_the_details_page() {
        let body = r#"{"error":{"code":"validation_failed","message":"x","fields":{"patient.nhs_number":"Enter a valid NHS number"}}}"#;
        assert_eq!(
            outcome(422, body),
            Outcome::Invalid(vec![FieldError {
                field: Field::NhsNumber,
                message: "Enter a valid NHS number".into()
            }])
        );
    }
}
