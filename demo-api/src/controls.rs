//! Test controls under /__demo (only with --test-controls): reset, faults, a list of bookings
//! for double-booking checks, and taking a slot as "someone else".

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use crate::errors::ApiError;
use crate::faults::FaultsPatch;
use crate::json::Json;
use crate::state::App;

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/__demo/reset", post(reset))
        .route("/__demo/faults", post(set_faults).get(get_faults))
        .route("/__demo/bookings", get(bookings))
        .route("/__demo/take-slot/{slot_id}", post(take_slot))
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
