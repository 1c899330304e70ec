//! Fault injection in front of the API routes, so the app's handling of slow, failing, odd and
//! lost responses can be shown and tested: latency, a random share of 503/429, forced 409s,
//! HTML bodies from a "proxy", and one-shot rules for the next matching request (among them a
//! connection cut before any answer, and a request held until the app gives up waiting).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::errors::{html_page, ApiError, BAD_GATEWAY_HTML};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Faults {
    #[serde(default)]
    pub latency_ms: u64,
    /// Share (0..1) of API requests answered 503 or 429 (alternately) with Retry-After: 5.
    #[serde(default)]
    pub fail_rate: f64,
    /// Every POST /bookings and /reschedule answers 409 slot_unavailable.
    #[serde(default)]
    pub force_409: bool,
    /// Every error body becomes a proxy's HTML page (status and Retry-After are kept).
    #[serde(default)]
    pub html_errors: bool,
    /// One-shot rules, first match wins and is consumed.
    #[serde(default)]
    pub fail_next: Vec<FailRule>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FailRule {
    /// Any method when absent.
    #[serde(default)]
    pub method: Option<String>,
    /// Exact request path (e.g. "/api/bookings"); a trailing `*` matches any path it prefixes.
    pub path: String,
    #[serde(default = "default_status")]
    pub status: u16,
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Answer with an HTML page instead of the error envelope.
    #[serde(default)]
    pub html: bool,
    /// Let the request through (e.g. the booking is made), then answer 502 HTML as if the
    /// response had been lost on its way back.
    #[serde(default)]
    pub drop_after_commit: bool,
    /// Error code to send instead of the one the status implies.
    #[serde(default)]
    pub code: Option<String>,
    /// The network fails: the browser gets an answer it cannot read and reports a network
    /// error, as when the patient's signal drops ([`cut_off`]). Nothing is done with the request.
    #[serde(default)]
    pub network: bool,
    /// Holds the request for [`HANG`] before letting it through, so the app shows its loading
    /// state until then (or until its own time limit gives up).
    #[serde(default)]
    pub hang: bool,
}

/// How long a `hang` rule holds its request: ten minutes, long enough to listen to a loading
/// message with a screen reader.
pub const HANG: Duration = Duration::from_secs(600);

fn default_status() -> u16 {
    503
}

impl FailRule {
    fn matches(&self, method: &Method, path: &str) -> bool {
        let method_ok =
            (self.method.as_deref()).is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()));
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        };
        method_ok && path_ok
    }
}

/// A partial update posted to /__demo/faults: absent fields stay as they are; `fail_next`
/// replaces the queue (send [] to clear it).
#[derive(Debug, Default, Deserialize)]
pub struct FaultsPatch {
    pub latency_ms: Option<u64>,
    pub fail_rate: Option<f64>,
    pub force_409: Option<bool>,
    pub html_errors: Option<bool>,
    pub fail_next: Option<Vec<FailRule>>,
}

impl Faults {
    pub fn apply(&mut self, patch: FaultsPatch) {
        if let Some(v) = patch.latency_ms {
            self.latency_ms = v;
        }
        if let Some(v) = patch.fail_rate {
            self.fail_rate = v.clamp(0.0, 1.0);
        }
        if let Some(v) = patch.force_409 {
            self.force_409 = v;
        }
        if let Some(v) = patch.html_errors {
            self.html_errors = v;
        }
        if let Some(v) = patch.fail_next {
            self.fail_next = v;
        }
    }
}

/// Draws for --fail-rate: a seeded splitmix64 stream, so runs are repeatable.
pub struct Dice {
    state: AtomicU64,
    flips: AtomicU64,
}

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice {
            state: AtomicU64::new(seed),
            flips: AtomicU64::new(0),
        }
    }

    fn roll(&self) -> f64 {
        let mut z = self
            .state
            .fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed)
            .wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// 503 and 429 take turns.
    fn next_status(&self) -> StatusCode {
        if self.flips.fetch_add(1, Ordering::Relaxed).is_multiple_of(2) {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::TOO_MANY_REQUESTS
        }
    }
}

/// The layer's own state, so it needs nothing else of the app: the faults in force (also
/// changed by the test controls) and the dice for `fail_rate`.
pub struct FaultState {
    faults: Mutex<Faults>,
    dice: Dice,
}

impl FaultState {
    pub fn new(faults: Faults, seed: u64) -> FaultState {
        FaultState {
            faults: Mutex::new(faults),
            dice: Dice::new(seed),
        }
    }

    /// A poisoned lock only means a handler panicked; the faults are plain settings.
    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn is_booking_change(method: &Method, path: &str) -> bool {
    method == Method::POST
        && (path == "/api/bookings"
            || (path.starts_with("/api/bookings/") && path.ends_with("/reschedule")))
}

/// What a browser makes of a lost connection: a network error ("Failed to fetch"). The answer
/// says it is gzip-compressed and is not, so the browser cannot read it and reports exactly
/// that error. (A connection simply dropped before answering is not enough: a browser quietly
/// sends the request again on a fresh connection, and the second try would get through.)
pub fn cut_off() -> Response {
    let mut res = Response::new(Body::from("This is not gzip: the connection was lost."));
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn replace_with_html(res: Response) -> Response {
    let (mut parts, _) = res.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(BAD_GATEWAY_HTML))
}

pub async fn layer(State(state): State<Arc<FaultState>>, req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let (latency, rule, fail, force_409, html_errors) = {
        let mut faults = state.faults();
        let rule = (faults.fail_next.iter())
            .position(|r| r.matches(&method, &path))
            .map(|i| faults.fail_next.remove(i));
        let fail = faults.fail_rate > 0.0 && state.dice.roll() < faults.fail_rate;
        (
            faults.latency_ms,
            rule,
            fail,
            faults.force_409,
            faults.html_errors,
        )
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let res = if let Some(rule) = rule {
        if rule.network {
            return cut_off();
        }
        if rule.hang {
            tokio::time::sleep(HANG).await;
            return next.run(req).await;
        }
        if rule.drop_after_commit {
            // The work is done for real; only the answer is lost.
            let _ = next.run(req).await;
            return html_page(StatusCode::BAD_GATEWAY);
        }
        let status = StatusCode::from_u16(rule.status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        if rule.html {
            let mut res = html_page(status);
            if let Some(secs) = rule.retry_after {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            return res;
        }
        ApiError::for_status(status, rule.code.as_deref(), rule.retry_after).into_response()
    } else if fail {
        ApiError::for_status(state.dice.next_status(), None, Some(5)).into_response()
    } else if force_409 && is_booking_change(&method, &path) {
        ApiError::slot_unavailable().into_response()
    } else {
        next.run(req).await
    };
    if html_errors && (res.status().is_client_error() || res.status().is_server_error()) {
        return replace_with_html(res);
    }
    res
}
