//! The contract's error envelope `{ "error": { "code", "message", "fields"? } }`, and the one
//! place where the store's errors get their status codes, codes and words.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::json::json_response;
use crate::store::StoreError;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: Option<Fields>,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            fields: None,
            retry_after: None,
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 400: a bad query, header or unreadable body.
    pub fn bad_request(message: impl Into<String>, fields: Option<Fields>) -> Self {
        ApiError {
            fields,
            ..Self::new(StatusCode::BAD_REQUEST, "validation_failed", message)
        }
    }

    /// 422: a readable body with details to correct.
    pub fn invalid(fields: Fields) -> Self {
        ApiError {
            fields: Some(fields),
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Some details need correcting.",
            )
        }
    }

    pub fn slot_unavailable() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "slot_unavailable",
            "That time has just been taken.",
        )
    }

    pub fn window_closed() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "booking_window_closed",
            "This appointment is less than 24 hours away, so it can no longer be changed online. Please phone the service.",
        )
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        ApiError {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Too many attempts. Please wait a moment and try again.",
            )
        }
    }

    pub fn unavailable(retry_after: u64) -> Self {
        ApiError {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "The booking service is busy. Please try again in a few seconds.",
            )
        }
    }

    /// An error of the given status with the code the contract pairs with it (fault injection).
    pub fn for_status(status: StatusCode, code: Option<&str>, retry_after: Option<u64>) -> Self {
        let known = [
            "not_found",
            "validation_failed",
            "slot_unavailable",
            "booking_window_closed",
            "rate_limited",
            "unavailable",
            "conflict",
        ];
        let base = match status.as_u16() {
            404 => Self::not_found("We could not find that."),
            400 => Self::bad_request("The request was not valid.", None),
            422 => Self::invalid(Fields::from([(
                "slot_id".to_string(),
                "Choose a time".to_string(),
            )])),
            409 => Self::slot_unavailable(),
            429 => Self::rate_limited(5),
            s if s >= 500 => Self::unavailable(5),
            _ => Self::conflict("The request could not be completed."),
        };
        let mut err = ApiError { status, ..base };
        if let Some(code) = code.and_then(|c| known.iter().find(|k| **k == c)) {
            err.code = code;
        }
        if retry_after.is_some() {
            err.retry_after = retry_after;
        }
        err
    }

    pub fn body(&self) -> Value {
        let mut error = json!({ "code": self.code, "message": self.message });
        if let Some(fields) = &self.fields {
            error["fields"] = json!(fields);
        }
        json!({ "error": error })
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            // Same words for a wrong reference and a wrong date of birth, so neither can be probed.
            StoreError::BookingNotFound => Self::not_found(
                "We could not find a booking with that reference and date of birth. Check both and try again.",
            ),
            StoreError::InviteNotFound => Self::not_found(
                "This invitation has expired or is not valid. Please phone the service.",
            ),
            StoreError::SlotNotFound => Self::not_found("There is no slot with that id."),
            StoreError::Validation(fields) => Self::invalid(fields),
            StoreError::SlotUnavailable => Self::slot_unavailable(),
            StoreError::WindowClosed => Self::window_closed(),
            StoreError::RateLimited { retry_after } => Self::rate_limited(retry_after),
            StoreError::KeyReused => Self::conflict(
                "This request was already sent with different details. Start again to make a new request.",
            ),
            StoreError::BookingCancelled => Self::conflict(
                "This appointment has been cancelled, so it cannot be moved. Book a new appointment instead.",
            ),
            StoreError::AlertNotFound => Self::not_found(
                "We could not find an alert with that reference and date of birth. Check both and try again.",
            ),
            StoreError::OfferNotFound => Self::not_found(
                "This time is no longer held for you. It may have been booked, or the hold may have run out.",
            ),
            StoreError::OfferGone => Self::new(
                StatusCode::CONFLICT,
                "slot_unavailable",
                "The time we held for you has gone. Choose another time.",
            ),
            StoreError::AlertExists => Self::conflict(
                "There is already an alert for this appointment. Stop it before setting up another.",
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = json_response(self.status, &self.body());
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// The page a proxy in front of the API might send instead of JSON.
pub fn html_page(status: StatusCode) -> Response {
    let body = format!(
        "<html><body><h1>{} {}</h1></body></html>",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}

/// What `--html-errors` sends in place of every error body (the status code is kept).
pub const BAD_GATEWAY_HTML: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";
