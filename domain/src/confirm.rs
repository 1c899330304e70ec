//! The confirm step: one `POST /bookings` per press, the same idempotency key for every retry
//! of an attempt, and every answer turned into what the patient is shown next.

use crate::api::{Client, Transport};
use crate::model::{Booking, BookingRequest};
pub use crate::outcome::Outcome;

/// Sends the booking once and says what happened: `Done` is the confirmation page, `Taken`
/// another time with every answer kept, `Invalid` back to the details page with these
/// messages, `Problem` "Book appointment" again with the same key (safe even when the booking
/// did go through: the API replays the first result).
pub async fn confirm<T: Transport>(
    client: &Client<T>,
    request: &BookingRequest,
    key: &str,
) -> Outcome<Booking> {
    Outcome::of(client.book(request, key).await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Request, Response, TransportError};
    use crate::model::{Patient, Reminders};
    use crate::validate::{Field, FieldError};

    struct Answer(u16, &'static str);

    impl Transport for Answer {
        async fn send(&self, _: Request) -> Result<Response, TransportError> {
            Ok(Response {
                status: self.0,
                retry_after: None,
                body: self.1.into(),
            })
        }
    }

    fn request() -> BookingRequest {
        BookingRequest {
            screening: None,
            needs: None,
            booked_by: None,
            offer: None,
            language: None,
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

    fn outcome(status: u16, body: &'static str) -> Outcome<Booking> {
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
