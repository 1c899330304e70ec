//! Test controls under /__demo (only with --test-controls): reset, faults, a list of bookings
//! for double-booking checks, and taking a slot as "someone else".

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use crate::app::App;
use crate::errors::{json_response, ApiError};
use crate::faults::FaultsPatch;

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/__demo/reset", post(reset))
        .route("/__demo/faults", post(set_faults).get(get_faults))
        .route("/__demo/bookings", get(bookings))
        .route("/__demo/take-slot/{slot_id}", post(take_slot))
        .with_state(app)
}

async fn reset(State(app): State<Arc<App>>) -> Response {
    app.reset();
    let today = app.store().clock.today();
    json_response(
        StatusCode::OK,
        &json!({ "ok": true, "today": today.to_string() }),
    )
}

async fn get_faults(State(app): State<Arc<App>>) -> Response {
    json_response(StatusCode::OK, &json!(*app.faults()))
}

async fn set_faults(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let patch: FaultsPatch = if body.is_empty() {
        FaultsPatch::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(p) => p,
            Err(e) => {
                return ApiError::bad_request(format!("Faults body not understood: {e}"), None)
                    .into_response()
            }
        }
    };
    let mut faults = app.faults();
    faults.apply(patch);
    json_response(StatusCode::OK, &json!(*faults))
}

async fn bookings(State(app): State<Arc<App>>) -> Response {
    json_response(StatusCode::OK, &app.store().demo_bookings())
}

async fn take_slot(State(app): State<Arc<App>>, Path(slot_id): Path<String>) -> Response {
    match app.store().take_slot(&slot_id) {
        Ok((status, body)) => json_response(status, &body),
        Err(e) => e.into_response(),
    }
}
