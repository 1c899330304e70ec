//! The router: contract endpoints under /api (behind fault injection), the service manager's
//! report at /report, optional test controls under /__demo, optional static app at /, the state
//! gallery at /gallery when both of those are on (`gallery`: sessions of their own, each built
//! by [`build`] over its own `App`), and CORS
//! around everything so browsers on another origin can read every answer, errors included. The contract handlers are here too: each reads
//! its request (`request.rs`), asks the store and lets `?` turn errors into the error envelope.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, MethodRouter};
use axum::Router;
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};

use crate::config::Config;
use crate::errors::ApiError;
use crate::json::Json;
use crate::request::{
    date_of_birth, filter, idempotency_key, json_body, params, slot_query, Params,
};
use crate::state::App;
use crate::version::{ApiVersion, Feature};
use crate::{controls, faults, gallery, report, statics};

pub fn router(config: Config) -> Router {
    build(Arc::new(App::new(config)))
}

pub fn build(app: Arc<App>) -> Router {
    let api = Router::new()
        .route("/api/services", only(get(services)))
        .route("/api/localities", only(get(localities)))
        .route("/api/slots", only(get(slots)))
        .route("/api/bookings", only(post(create_booking)))
        .route("/api/bookings/{reference}", only(get(get_booking)))
        .route("/api/bookings/{reference}/cancel", only(post(cancel)))
        .route(
            "/api/bookings/{reference}/reschedule",
            only(post(reschedule)),
        )
        .route("/api/invites/{code}", only(get(invite)));
    // A feature that is not offered does not exist: its paths are unknown paths (404).
    let api = if app.config.api_version.offers(Feature::SlotAlerts) {
        api.route("/api/slot-alerts", only(post(create_alert)))
            .route("/api/slot-alerts/{alert}", only(delete(stop_alert)))
            .route("/api/offers/{code}", only(get(offer)))
    } else {
        api
    };
    let api = if app.config.api_version.offers(Feature::Feedback) {
        api.route("/api/feedback", only(post(create_feedback)))
    } else {
        api
    };
    let api = if app.config.api_version.offers(Feature::Events) {
        api.route("/api/events", only(post(create_event)))
    } else {
        api
    };
    let api = api
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .layer(from_fn_with_state(app.fault_state(), faults::layer))
        .with_state(app.clone());

    // The report is the demo's own page, not part of the contract: no fault injection.
    let mut router = api.merge(
        Router::new()
            .route("/report", get(report_page))
            .route("/report.css", get(report_css))
            .with_state(app.clone()),
    );
    if app.config.test_controls {
        router = router.merge(controls::router(app.clone()));
    }
    // The state gallery needs the app to show and the test controls to drive it.
    if app.config.test_controls && app.config.static_dir.is_some() {
        router = router.merge(gallery::router(&app.config, build));
    }
    for (prefix, dir) in &app.config.extra_static {
        router = router.nest_service(prefix, statics::folder(dir.clone()));
    }
    router = match &app.config.static_dir {
        Some(dir) => router.fallback(statics::app(dir.clone())),
        None => router.fallback(no_static),
    };
    if !app.config.csp_paths.is_empty() {
        let prefixes = app.config.csp_paths.clone();
        let policy = statics::strict_policy(app.config.static_dir.as_deref());
        let policy = HeaderValue::from_str(&policy).expect("the policy is ASCII");
        router = router.layer(axum::middleware::from_fn(move |req, next| {
            statics::csp(prefixes.clone(), policy.clone(), req, next)
        }));
    }
    router.layer(cors(app.config.api_version))
}

/// `GET, POST, OPTIONS`, and `DELETE` too when slot alerts (which are stopped with it) are
/// offered, as the contract says of a 1.1 API's CORS.
fn cors(version: ApiVersion) -> CorsLayer {
    let mut methods = vec![Method::GET, Method::POST, Method::OPTIONS];
    if version.offers(Feature::SlotAlerts) {
        methods.push(Method::DELETE);
    }
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(methods)
        .allow_headers([
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// Other methods on a known path get the error envelope too, not an empty 405.
fn only(route: MethodRouter<Arc<App>>) -> MethodRouter<Arc<App>> {
    route.fallback(|| async {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "not_found",
            "That method is not supported here.",
        )
    })
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("There is nothing at this address.")
}

async fn no_static() -> impl IntoResponse {
    (
        StatusCode::NOT_FOUND,
        "demo-api: no --static-dir given; the API is under /api\n",
    )
}

async fn services(State(app): State<Arc<App>>) -> Json {
    Json(app.store().services())
}

async fn localities(State(app): State<Arc<App>>, q: Params) -> Result<Json, ApiError> {
    let p = params(q)?;
    let (service, band) = (filter(&p, "service"), filter(&p, "band"));
    Ok(Json(
        app.store().localities(service.as_deref(), band.as_deref()),
    ))
}

async fn slots(State(app): State<Arc<App>>, q: Params) -> Result<Json, ApiError> {
    let query = slot_query(&params(q)?)?;
    Ok(Json(app.store().slots(&query)))
}

/// 201 for a new booking and for a replay of it (a replay answers as the first request did).
async fn create_booking(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let key = idempotency_key(&headers)?;
    let body = json_body(&body)?;
    let booking = app.store().create_booking(&key, &body)?;
    Ok((StatusCode::CREATED, Json(booking)))
}

async fn get_booking(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    q: Params,
) -> Result<Json, ApiError> {
    let dob = date_of_birth(&params(q)?)?;
    Ok(Json(app.store().get_booking(&reference, dob)?))
}

async fn cancel(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    body: Bytes,
) -> Result<Json, ApiError> {
    let body = json_body(&body)?;
    Ok(Json(app.store().cancel(&reference, &body)?))
}

async fn reschedule(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json, ApiError> {
    let key = idempotency_key(&headers)?;
    let body = json_body(&body)?;
    Ok(Json(app.store().reschedule(&reference, &key, &body)?))
}

async fn invite(State(app): State<Arc<App>>, Path(code): Path<String>) -> Result<Json, ApiError> {
    Ok(Json(app.store().invite(&code)?))
}

/// 201 for a new alert and for a replay of it, as for bookings.
async fn create_alert(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let key = idempotency_key(&headers)?;
    let body = json_body(&body)?;
    let alert = app.store().create_alert(&key, &body)?;
    Ok((StatusCode::CREATED, Json(alert)))
}

/// 204, also for an alert already stopped or used (stopping is harmless to repeat).
async fn stop_alert(
    State(app): State<Arc<App>>,
    Path(alert): Path<String>,
    q: Params,
) -> Result<StatusCode, ApiError> {
    let dob = date_of_birth(&params(q)?)?;
    app.store().stop_alert(&alert, dob)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn offer(State(app): State<Arc<App>>, Path(code): Path<String>) -> Result<Json, ApiError> {
    Ok(Json(app.store().offer(&code)?))
}

/// A `POST /feedback` or `POST /events` body: JSON (whatever the `Content-Type`: events come
/// from `navigator.sendBeacon` as `text/plain`), and an object. The body is never echoed.
fn measure_body(body: &Bytes) -> Result<Value, ApiError> {
    let body = json_body(body)?;
    if !body.is_object() {
        return Err(ApiError::bad_request(
            "The request body must be a JSON object.",
            None,
        ));
    }
    Ok(body)
}

/// 202 `{ "ok": true }`: kept, with nothing that identifies the patient.
async fn create_feedback(
    State(app): State<Arc<App>>,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let body = measure_body(&body)?;
    app.store().record_feedback(&body)?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "ok": true }))))
}

/// 204 (no body): kept, to the minute, with nothing that identifies the patient.
async fn create_event(State(app): State<Arc<App>>, body: Bytes) -> Result<StatusCode, ApiError> {
    let body = measure_body(&body)?;
    app.store().record_event(&body)?;
    Ok(StatusCode::NO_CONTENT)
}

/// What the report page may load: its own stylesheet, nothing else (no script at all).
pub const REPORT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
    base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/// `GET /report`: the service manager's page, worked out afresh each time (never cached).
async fn report_page(State(app): State<Arc<App>>) -> Response {
    let report = app.store().report();
    let mut res = report::render(&report).into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(REPORT_CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// `GET /report.css`: the report's stylesheet (a file of its own, so no inline style is needed
/// under a strict policy).
async fn report_css() -> Response {
    let mut res = report::STYLESHEET.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}
