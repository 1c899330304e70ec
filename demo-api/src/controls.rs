//! Test controls under /__demo (only with --test-controls): reset, faults, a list of bookings
//! for double-booking checks, taking a slot as "someone else", and for slot alerts the text
//! messages "sent" (as JSON and as a page whose offer links can be followed), the alerts and
//! their holds, the hold length and running the holds out at once; for 1.1 feedback and events,
//! what arrived.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use crate::config::MAX_HOLD_SECONDS;
use crate::errors::ApiError;
use crate::faults::FaultsPatch;
use crate::json::Json;
use crate::outbox;
use crate::state::App;

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/__demo/reset", post(reset))
        .route("/__demo/faults", post(set_faults).get(get_faults))
        .route("/__demo/bookings", get(bookings))
        .route("/__demo/take-slot/{slot_id}", post(take_slot))
        .route("/__demo/outbox", get(outbox_json))
        .route("/__demo/outbox.html", get(outbox_page))
        .route("/__demo/alerts", get(alerts))
        .route("/__demo/hold-seconds", post(set_hold_seconds))
        .route("/__demo/expire-holds", post(expire_holds))
        .route("/__demo/events", get(events))
        .with_state(app)
}

async fn reset(State(app): State<Arc<App>>) -> Json {
    app.reset();
    let today = app.store().clock.today();
    Json(json!({ "ok": true, "today": today.to_string() }))
}

async fn get_faults(State(app): State<Arc<App>>) -> Json {
    Json(json!(*app.faults()))
}

async fn set_faults(State(app): State<Arc<App>>, body: Bytes) -> Result<Json, ApiError> {
    let patch: FaultsPatch = if body.is_empty() {
        FaultsPatch::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("Faults body not understood: {e}"), None))?
    };
    let mut faults = app.faults();
    faults.apply(patch);
    Ok(Json(json!(*faults)))
}

async fn bookings(State(app): State<Arc<App>>) -> Json {
    Json(app.store().demo_bookings())
}

async fn take_slot(
    State(app): State<Arc<App>>,
    Path(slot_id): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let taken = app.store().take_slot(&slot_id)?;
    Ok((StatusCode::CREATED, Json(taken)))
}

async fn outbox_json(State(app): State<Arc<App>>) -> Json {
    Json(app.store().outbox().json())
}

/// Never cached: a tester reloads it to see the next message.
async fn outbox_page(State(app): State<Arc<App>>) -> Response {
    let page = {
        let store = app.store();
        let messages: Vec<&outbox::Message> = store.outbox().messages().collect();
        outbox::html(&messages)
    };
    let mut res = page.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn alerts(State(app): State<Arc<App>>) -> Json {
    Json(app.store().demo_alerts())
}

/// `{ "seconds": N }` (1 to a week): the length of holds made from now on; holds already made
/// keep their `held_until`. Answers `{ "seconds": N }`.
async fn set_hold_seconds(State(app): State<Arc<App>>, body: Bytes) -> Result<Json, ApiError> {
    let seconds = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get("seconds").and_then(serde_json::Value::as_u64))
        .filter(|s| (1..=MAX_HOLD_SECONDS).contains(s))
        .ok_or_else(|| {
            ApiError::bad_request(
                format!("Send {{ \"seconds\": N }} with N from 1 to {MAX_HOLD_SECONDS}."),
                None,
            )
        })?;
    app.store().set_hold_seconds(seconds);
    Ok(Json(json!({ "seconds": seconds })))
}

/// Every time held for a slot alert runs out now. Answers `{ "expired": N }`.
async fn expire_holds(State(app): State<Arc<App>>) -> Json {
    let expired = app.store().expire_holds();
    Json(json!({ "expired": expired }))
}

/// What arrived at `POST /api/events` and `POST /api/feedback`, oldest first, as kept (sample
/// data left out and only counted), and the bookings made online per day.
async fn events(State(app): State<Arc<App>>) -> Json {
    Json(app.store().demo_events())
}
