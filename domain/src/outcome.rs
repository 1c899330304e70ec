//! What a patient is shown after any submission: booking, moving, cancelling or finding an
//! appointment. One type for all four, so every page explains the same answer the same way.

use crate::api::{ApiError, ErrorCode};
use crate::validate::{Field, FieldError};
use crate::words::outcome::words;

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<T> {
    /// It worked: the next page.
    Done(T),
    /// Someone else took the time first (or it can no longer be booked): choose another; every
    /// answer is kept. The nearest free times come from [`crate::browse::NearestSearch`].
    Taken,
    /// The API found problems with what the patient typed: these messages, next to the fields.
    Invalid(Vec<FieldError>),
    /// No booking with that reference and date of birth (said without saying which was wrong).
    NotFound,
    /// Past the booking's `cancel_before`: too late to change it online; phone instead.
    TooLate,
    /// Nothing known to have happened: say why in plain words, offer Try again (the same
    /// idempotency key, so it is safe even if the first try did go through) and the phone.
    Problem(ApiError),
}

impl<T> Outcome<T> {
    /// Reads the API's answer to a submission.
    pub fn of(result: Result<T, ApiError>) -> Self {
        let error = match result {
            Ok(done) => return Outcome::Done(done),
            Err(error) => error,
        };
        match &error {
            ApiError::Status { code, fields, .. } => match code {
                ErrorCode::SlotUnavailable => Outcome::Taken,
                // The time itself was refused (gone, or no longer bookable): pressing again
                // cannot help, choosing another time can.
                ErrorCode::ValidationFailed if fields.contains_key("slot_id") => Outcome::Taken,
                ErrorCode::ValidationFailed
                    if fields.keys().any(|k| Field::from_api_key(k).is_some()) =>
                {
                    Outcome::Invalid(
                        fields
                            .iter()
                            .filter_map(|(key, message)| {
                                Some(FieldError {
                                    field: Field::from_api_key(key)?,
                                    message: message.clone(),
                                })
                            })
                            .collect(),
                    )
                }
                ErrorCode::NotFound => Outcome::NotFound,
                ErrorCode::BookingWindowClosed => Outcome::TooLate,
                _ => Outcome::Problem(error),
            },
            _ => Outcome::Problem(error),
        }
    }

    /// The value of `Done`; anything else as what a page shows instead.
    pub fn into_done(self) -> Result<T, Outcome<()>> {
        Err(match self {
            Outcome::Done(value) => return Ok(value),
            Outcome::Taken => Outcome::Taken,
            Outcome::Invalid(errors) => Outcome::Invalid(errors),
            Outcome::NotFound => Outcome::NotFound,
            Outcome::TooLate => Outcome::TooLate,
            Outcome::Problem(error) => Outcome::Problem(error),
        })
    }

    /// A problem to explain generically, for a page that has nothing special to say about this
    /// outcome (a booking that is gone while being cancelled, fields it does not ask for).
    pub fn as_problem(&self) -> Option<ApiError> {
        let status = |status: u16, code: ErrorCode| ApiError::Status {
            status,
            code,
            message: String::new(),
            fields: Default::default(),
            retry_after: None,
        };
        match self {
            Outcome::Problem(error) => Some(error.clone()),
            Outcome::NotFound => Some(status(404, ErrorCode::NotFound)),
            Outcome::Invalid(_) => Some(status(422, ErrorCode::ValidationFailed)),
            Outcome::Done(_) | Outcome::Taken | Outcome::TooLate => None,
        }
    }

    /// The page now shows something the patient has to act on (the title says `Error: `).
    pub fn is_error(&self) -> bool {
        !matches!(self, Outcome::Done(_) | Outcome::Taken)
    }

    /// The page title while this outcome is on show, when it replaces the page's own.
    pub fn title(&self) -> Option<&'static str> {
        match self {
            Outcome::Taken => Some(taken_title()),
            _ => None,
        }
    }
}

/// The heading and title when someone else took the time first, in the patient's language.
pub fn taken_title() -> &'static str {
    words().taken_title
}

/// The heading and title when someone else took the time first (in English; [`taken_title`]
/// gives it in the patient's language).
pub const TAKEN_TITLE: &str = "That time has just been booked by someone else";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_outcomes_references_and_counts() {
        use crate::counting::{limit_message, remaining_message, suggestions_message};
        use crate::lang::compare;
        use crate::manage::{cancel_reasons, normalise_reference, CANCEL_REASONS};
        use crate::words::outcome::{cy, en};
        use crate::words::testing::in_welsh;
        compare(&en().each(), &cy().each(), &[]);
        assert_eq!(cancel_reasons(), CANCEL_REASONS);
        in_welsh(|| {
            assert_eq!(
                Outcome::<()>::Taken.title(),
                Some("Mae rhywun arall newydd drefnu'r amser hwnnw")
            );
            assert_eq!(
                normalise_reference(""),
                Err("Rhowch eich cyfeirnod archebu")
            );
            assert_eq!(cancel_reasons()[3], ("other", "Rheswm arall"));
            assert_eq!(remaining_message(498, 500), "Mae gennych 2 nod ar ôl");
            assert_eq!(remaining_message(503, 500), "Mae gennych 3 nod yn ormod");
            assert_eq!(limit_message(500), "Gallwch roi hyd at 500 nod");
            assert_eq!(suggestions_message(0), "Dim awgrymiadau");
            assert_eq!(
                suggestions_message(2),
                "2 awgrym ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis."
            );
        });
        assert_eq!(taken_title(), TAKEN_TITLE);
    }
    use crate::api::{decode, Response};

    fn answer(status: u16, body: &str) -> Outcome<()> {
        let response = Response {
            status,
            retry_after: None,
            body: body.into(),
        };
        Outcome::of(decode::<serde_json::Value>(&response).map(|_| ()))
    }

    fn error(status: u16, code: &str, fields: &str) -> Outcome<()> {
        answer(
            status,
            &format!(r#"{{"error":{{"code":"{code}","message":"x","fields":{{{fields}}}}}}}"#),
        )
    }

    #[test]
    fn every_submission_answer_has_one_meaning() {
        assert_eq!(answer(200, "{}"), Outcome::Done(()));
        assert_eq!(error(409, "slot_unavailable", ""), Outcome::Taken);
        assert_eq!(
            error(422, "validation_failed", r#""slot_id":"gone""#),
            Outcome::Taken
        );
        assert_eq!(
            error(
                422,
                "validation_failed",
                r#""patient.phone":"Enter a mobile number""#
            ),
            Outcome::Invalid(vec![FieldError {
                field: Field::Phone,
                message: "Enter a mobile number".into()
            }])
        );
        assert_eq!(error(404, "not_found", ""), Outcome::NotFound);
        assert_eq!(error(409, "booking_window_closed", ""), Outcome::TooLate);
    }

    #[test]
    fn anything_else_is_a_problem_with_a_way_on() {
        // Fields the app cannot show next to anything, a conflict, busy, HTML from a proxy.
        for outcome in [
            error(422, "validation_failed", r#""channel":"bad""#),
            error(409, "conflict", ""),
            error(429, "rate_limited", ""),
            answer(502, "<html>Bad gateway</html>"),
            answer(200, "<html>"),
        ] {
            assert!(matches!(outcome, Outcome::Problem(_)), "{outcome:?}");
            assert!(outcome.is_error());
        }
        assert!(!Outcome::<()>::Taken.is_error());
        assert_eq!(Outcome::<()>::Taken.title(), Some(TAKEN_TITLE));
        assert_eq!(Outcome::Done(()).title(), None);
        assert_eq!(Outcome::Done(7).into_done(), Ok(7));
        assert_eq!(
            Outcome::<()>::Problem(ApiError::Timeout).as_problem(),
            Some(ApiError::Timeout)
        );
        let gone = Outcome::<()>::NotFound.as_problem().unwrap();
        assert_eq!(gone.code(), Some(&ErrorCode::NotFound));
        assert!(!gone.is_busy() && !gone.outcome_unknown());
        assert_eq!(Outcome::<()>::TooLate.as_problem(), None);
        assert_eq!(Outcome::<u8>::TooLate.into_done(), Err(Outcome::TooLate));
    }
}
