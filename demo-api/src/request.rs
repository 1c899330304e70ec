//! Reading the contract's requests: query strings, JSON bodies and the Idempotency-Key header,
//! each turned into a 400 `validation_failed` when it cannot be used.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::HeaderMap;
use chrono::NaiveDate;
use serde_json::Value;

use crate::errors::ApiError;
use crate::store::{decode_cursor, SlotQuery};
use crate::validate::{date_field, Fields};

/// Longest range /slots accepts, in days between `from` and `to`.
pub const MAX_RANGE_DAYS: i64 = 31;

/// The query string as extracted; a rejection becomes our 400 in [`params`].
pub type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

pub fn params(q: Params) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(map)| map).map_err(|_| {
        ApiError::bad_request("The address has a query string that cannot be read.", None)
    })
}

/// A filter value; empty means not given.
pub fn filter(p: &HashMap<String, String>, key: &str) -> Option<String> {
    p.get(key)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The body as JSON; an empty body reads as `{}` so missing fields are reported one by one.
pub fn json_body(body: &Bytes) -> Result<Value, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    serde_json::from_slice(body)
        .map_err(|_| ApiError::bad_request("The request body is not valid JSON.", None))
}

pub fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = (headers.get("idempotency-key"))
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if key.is_empty() || key.len() > 255 {
        return Err(ApiError::bad_request(
            "Send an Idempotency-Key header (for example a UUID) so a retried request is never booked twice.",
            None,
        ));
    }
    Ok(key.to_string())
}

/// `date_of_birth` from the query string (look-ups by reference).
pub fn date_of_birth(p: &HashMap<String, String>) -> Result<NaiveDate, ApiError> {
    date_field(
        p.get("date_of_birth")
            .map(|v| Value::from(v.trim()))
            .as_ref(),
    )
    .ok_or_else(|| {
        ApiError::bad_request(
            "Enter a date of birth as YYYY-MM-DD.",
            Some(Fields::from([(
                "date_of_birth".into(),
                "Enter a date of birth".into(),
            )])),
        )
    })
}

/// The /slots filters, with `from <= to <= from + MAX_RANGE_DAYS` and a readable cursor.
pub fn slot_query(p: &HashMap<String, String>) -> Result<SlotQuery, ApiError> {
    let date = |key: &str| date_field(p.get(key).map(|v| Value::from(v.trim())).as_ref());
    let mut fields = Fields::new();
    let (from, to) = (date("from"), date("to"));
    if from.is_none() {
        fields.insert("from".into(), "Enter a start date as YYYY-MM-DD".into());
    }
    if to.is_none() {
        fields.insert("to".into(), "Enter an end date as YYYY-MM-DD".into());
    }
    let after = match filter(p, "cursor") {
        Some(c) => match decode_cursor(&c) {
            Some(pos) => Some(pos),
            None => {
                fields.insert("cursor".into(), "This page link is not valid".into());
                None
            }
        },
        None => None,
    };
    let (Some(from), Some(to), true) = (from, to, fields.is_empty()) else {
        return Err(ApiError::bad_request(
            "The dates asked for are not valid.",
            Some(fields),
        ));
    };
    if from > to {
        fields.insert(
            "to".into(),
            "The end date must be on or after the start date".into(),
        );
    } else if (to - from).num_days() > MAX_RANGE_DAYS {
        fields.insert(
            "to".into(),
            format!("The end date must be within {MAX_RANGE_DAYS} days of the start date"),
        );
    }
    if !fields.is_empty() {
        return Err(ApiError::bad_request(
            "The dates asked for are not valid.",
            Some(fields),
        ));
    }
    Ok(SlotQuery {
        service: filter(p, "service"),
        band: filter(p, "band"),
        locality: filter(p, "locality"),
        from,
        to,
        after,
    })
}
