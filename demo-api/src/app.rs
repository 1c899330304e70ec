//! The router: contract endpoints under /api (behind fault injection), optional test controls
//! under /__demo, optional static app at /, and CORS around everything so browsers on another
//! origin can read every answer, errors included.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, MethodRouter};
use axum::Router;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use tower_http::cors::{Any, CorsLayer};

use crate::clock::Clock;
use crate::errors::{json_response, ApiError};
use crate::faults::{self, Dice, Faults};
use crate::seed::DEFAULT_SEED;
use crate::store::{decode_cursor, Outcome, SlotQuery, Store};
use crate::validate::{date_field, Fields};
use crate::{controls, statics};

/// Longest range /slots accepts, in days between `from` and `to`.
pub const MAX_RANGE_DAYS: i64 = 31;

#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    /// Pins the clinic calendar's today (the clock keeps running from there).
    pub today: Option<NaiveDate>,
    /// Freezes the clock (tests); wins over `today`.
    pub now: Option<DateTime<Utc>>,
    pub page_size: usize,
    /// Faults at start and after /__demo/reset.
    pub faults: Faults,
    pub test_controls: bool,
    pub static_dir: Option<PathBuf>,
    /// (path prefix, folder) pairs served as they are.
    pub extra_static: Vec<(String, PathBuf)>,
    /// Path prefixes whose answers carry the strict `Content-Security-Policy`
    /// ([`statics::strict_policy`]), to show the app embedded under a trust's CSP.
    pub csp_paths: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: DEFAULT_SEED,
            today: None,
            now: None,
            page_size: 200,
            faults: Faults::default(),
            test_controls: false,
            static_dir: None,
            extra_static: Vec::new(),
            csp_paths: Vec::new(),
        }
    }
}

pub struct App {
    pub config: Config,
    store: Mutex<Store>,
    faults: Mutex<Faults>,
    pub dice: Dice,
}

impl App {
    pub fn new(config: Config) -> App {
        App {
            store: Mutex::new(Self::fresh_store(&config)),
            faults: Mutex::new(config.faults.clone()),
            dice: Dice::new(config.seed),
            config,
        }
    }

    fn fresh_store(config: &Config) -> Store {
        let clock = Clock::new(config.today, config.now);
        Store::new(config.seed, clock, config.page_size)
    }

    /// A poisoned lock only means a handler panicked; the data is still consistent because
    /// every change is made after all checks pass.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Same seed, same data: reseeds everything and restores the start-up faults.
    pub fn reset(&self) {
        *self.store() = Self::fresh_store(&self.config);
        *self.faults() = self.config.faults.clone();
    }
}

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
        .route("/api/invites/{code}", only(get(invite)))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .layer(from_fn_with_state(app.clone(), faults::layer))
        .with_state(app.clone());

    let mut router = api;
    if app.config.test_controls {
        router = router.merge(controls::router(app.clone()));
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
    router.layer(cors())
}

fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
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

async fn no_static() -> Response {
    (
        StatusCode::NOT_FOUND,
        "demo-api: no --static-dir given; the API is under /api\n",
    )
        .into_response()
}

fn respond(outcome: Outcome) -> Response {
    match outcome {
        Ok((status, body)) => json_response(status, &body),
        Err(e) => e.into_response(),
    }
}

type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

fn params(q: Params) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(map)| map).map_err(|_| {
        ApiError::bad_request("The address has a query string that cannot be read.", None)
    })
}

/// A filter value; empty means not given.
fn filter(p: &HashMap<String, String>, key: &str) -> Option<String> {
    p.get(key)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The body as JSON; an empty body reads as `{}` so missing fields are reported one by one.
fn json_body(body: &Bytes) -> Result<Value, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    serde_json::from_slice(body)
        .map_err(|_| ApiError::bad_request("The request body is not valid JSON.", None))
}

fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
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

async fn services(State(app): State<Arc<App>>) -> Response {
    json_response(StatusCode::OK, &app.store().services())
}

async fn localities(State(app): State<Arc<App>>, q: Params) -> Response {
    let p = match params(q) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let (service, band) = (filter(&p, "service"), filter(&p, "band"));
    json_response(
        StatusCode::OK,
        &app.store().localities(service.as_deref(), band.as_deref()),
    )
}

fn slot_query(p: &HashMap<String, String>) -> Result<SlotQuery, ApiError> {
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

async fn slots(State(app): State<Arc<App>>, q: Params) -> Response {
    match params(q).and_then(|p| slot_query(&p)) {
        Ok(query) => json_response(StatusCode::OK, &app.store().slots(&query)),
        Err(e) => e.into_response(),
    }
}

async fn create_booking(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let request = idempotency_key(&headers).and_then(|key| Ok((key, json_body(&body)?)));
    match request {
        Ok((key, body)) => respond(app.store().create_booking(&key, &body)),
        Err(e) => e.into_response(),
    }
}

async fn get_booking(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    q: Params,
) -> Response {
    let dob = params(q).and_then(|p| {
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
    });
    match dob {
        Ok(dob) => respond(app.store().get_booking(&reference, dob)),
        Err(e) => e.into_response(),
    }
}

async fn cancel(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    body: Bytes,
) -> Response {
    match json_body(&body) {
        Ok(body) => respond(app.store().cancel(&reference, &body)),
        Err(e) => e.into_response(),
    }
}

async fn reschedule(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = idempotency_key(&headers).and_then(|key| Ok((key, json_body(&body)?)));
    match request {
        Ok((key, body)) => respond(app.store().reschedule(&reference, &key, &body)),
        Err(e) => e.into_response(),
    }
}

async fn invite(State(app): State<Arc<App>>, Path(code): Path<String>) -> Response {
    respond(app.store().invite(&code))
}
