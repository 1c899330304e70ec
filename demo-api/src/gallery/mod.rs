//! The state gallery (demo only): `GET /gallery` lists every page and state of the app, each a
//! link (`GET /gallery/open/{id}`) that opens it in a fresh copy of the demo: a session with its
//! own store, seeded like the main one, given the state's setup and faults, at
//! `/__s/{sid}/…`. There the app is the built `dist/` unchanged, told its base path and API
//! base by `<meta>` tags, with the driver (`gallery/driver.js`) added, which walks the app to
//! the state as a patient would. The list is `gallery/states.json` (see `gallery/README.md`),
//! and the e2e suite iterates the same list.
//!
//! Sessions: `/__s/{sid}/api/*` and `/__s/{sid}/__demo/*` go to the session's own router (the
//! main router's, built by the same function over the session's `App`); the app's files are
//! served below the prefix too (so a state can make one fail to load); any other path is the
//! app's page. The newest [`MAX_SESSIONS`] sessions are kept.

mod list;
mod page;
mod setup;

use std::collections::VecDeque;
use std::path::{Component, Path as FilePath, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, MethodRouter};
use axum::Router;
use chrono::Datelike;
use serde_json::{json, Value};
use tower::ServiceExt;

pub use list::{
    feature, fill_in, fill_in_text, offered, slug, Area, Expect, Fill, List, Setup,
    State as GalleryState, Step, When, BUILT_IN, CONTROLS, STATES_JSON,
};
pub use setup::Values;

use crate::config::Config;
use crate::faults::{cut_off, Faults, FaultsPatch};
use crate::json::Json;
use crate::outbox::escape;
use crate::state::App;
use crate::statics;

/// The driver the session pages load (`/gallery/driver.js`).
pub const DRIVER_JS: &str = include_str!("../../../gallery/driver.js");

/// Sessions kept; the oldest beyond this is forgotten (its link then needs opening again).
pub const MAX_SESSIONS: usize = 50;

/// Builds the router over an `App` (the main router's own function, `app::build`).
pub type Build = fn(Arc<App>) -> Router;

struct Session {
    sid: String,
    state: usize,
    router: Router,
    values: Values,
}

pub struct Gallery {
    list: List,
    /// What a session's `App` is made with: the main configuration, with the test controls on,
    /// no faults, no static files of its own.
    base: Config,
    dist: PathBuf,
    files: MethodRouter,
    build: Build,
    sessions: Mutex<VecDeque<Arc<Session>>>,
    counter: AtomicU64,
}

/// The gallery's routes, for a server that serves the app (`static_dir`) with test controls.
pub fn router(config: &Config, build: Build) -> Router {
    let dist = config
        .static_dir
        .clone()
        .expect("the gallery needs the app's folder");
    let list = List::parse(STATES_JSON).expect("gallery/states.json is checked by the tests");
    let gallery = Gallery {
        list,
        base: Config {
            test_controls: true,
            static_dir: None,
            extra_static: Vec::new(),
            csp_paths: Vec::new(),
            faults: Faults::default(),
            sample_events: false,
            ..config.clone()
        },
        files: statics::app(dist.clone()),
        dist,
        build,
        sessions: Mutex::new(VecDeque::new()),
        counter: AtomicU64::new(0),
    };
    Router::new()
        .route("/gallery", get(gallery_page))
        .route("/gallery/", get(gallery_page))
        .route("/gallery/gallery.css", get(stylesheet))
        .route("/gallery/driver.js", get(driver))
        .route("/gallery/states.json", get(states_json))
        .route("/gallery/open/{id}", get(open))
        .route("/gallery/session/{sid}", get(session_json))
        .route("/__s/{*path}", any(session))
        .with_state(Arc::new(gallery))
}

impl Gallery {
    fn session(&self, sid: &str) -> Option<Arc<Session>> {
        let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.iter().find(|s| s.sid == sid).cloned()
    }

    fn new_sid(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        format!("{:04x}{:06x}", n & 0xffff, nanos & 0xff_ffff)
    }

    /// A new session in state `index`: its store seeded and set up, its faults applied.
    /// Answers the address to open.
    fn open(&self, index: usize) -> Result<String, String> {
        let state = &self.list.states[index];
        let app = Arc::new(App::new(self.base.clone()));
        let mut values = Values::new();
        let today = app.store().clock.today();
        for (name, day) in [
            ("today", today),
            ("soon", today + chrono::Duration::days(30)),
        ] {
            values.insert(format!("{name}_day"), day.day().to_string());
            values.insert(format!("{name}_month"), day.month().to_string());
            values.insert(format!("{name}_year"), day.year().to_string());
        }
        for &s in &state.setup {
            setup::run(s, &app, &mut values).map_err(|e| format!("setup {s:?}: {e}"))?;
        }
        if let Some(faults) = &state.faults {
            let patch: FaultsPatch =
                serde_json::from_value(faults.clone()).map_err(|e| e.to_string())?;
            app.faults().apply(patch);
        }
        let sid = self.new_sid();
        let session = Session {
            sid: sid.clone(),
            state: index,
            router: (self.build)(app),
            values,
        };
        let start = fill_in_text(&state.start, &session.values);
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.push_back(Arc::new(session));
        while sessions.len() > MAX_SESSIONS {
            sessions.pop_front();
        }
        Ok(format!("/__s/{sid}{start}"))
    }

    /// The app's page for a session: `dist/index.html` told its base path and API base, with
    /// the state's settings and the driver.
    fn page(&self, session: &Session) -> Result<String, String> {
        let html = std::fs::read_to_string(self.dist.join("index.html"))
            .map_err(|e| format!("dist/index.html: {e}"))?;
        if html.contains("data-base-path") || html.contains("data-api-base") {
            // The mount element's attributes win over <meta>: the session could not move the app.
            return Err("dist/index.html sets data-base-path or data-api-base on the mount".into());
        }
        let sid = &session.sid;
        let state = &self.list.states[session.state];
        let script = ["src=\"/booking.js\"", "src=/booking.js"]
            .iter()
            .find_map(|src| html.find(src).map(|at| (at, src.len())))
            .ok_or("dist/index.html loads no /booking.js")?;
        let tag = html[..script.0].rfind("<script").ok_or("no <script> tag")?;
        let mut head = format!(
            "<meta name=\"nhs-booking:base-path\" content=\"/__s/{sid}/\">\
             <meta name=\"nhs-booking:api-base\" content=\"/__s/{sid}/api\">"
        );
        for (key, value) in &state.settings {
            head.push_str(&format!(
                "<meta name=\"nhs-booking:{}\" content=\"{}\">",
                escape(key),
                escape(value)
            ));
        }
        head.push_str("<script src=\"/gallery/driver.js\" defer></script>");
        Ok(format!(
            "{}{head}{}src=\"/__s/{sid}/booking.js\"{}",
            &html[..tag],
            &html[tag..script.0],
            &html[script.0 + script.1..]
        ))
    }

    /// A file of the app, when `rest` names one (no `..`); not the page itself, which a
    /// session always gets told where it lives.
    fn is_file(&self, rest: &str) -> bool {
        let rel = FilePath::new(rest.trim_start_matches('/'));
        rel != FilePath::new("index.html")
            && rel.components().all(|c| matches!(c, Component::Normal(_)))
            && rel.components().next().is_some()
            && self.dist.join(rel).is_file()
    }
}

/// An HTML answer, never cached; with `csp` as its policy when given (the app's page in a
/// session gets the policy the app at `/` gets: none of its own, the strict one under
/// `--csp-path`, which the main router adds, so a tester's own tools work as they do at `/`).
fn html_response(status: StatusCode, body: String, csp: Option<HeaderValue>) -> Response {
    let mut res = (status, body).into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(csp) = csp {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// A plain page for a link that leads nowhere (an unknown state, a forgotten session).
fn gone(title: &str, words: &str) -> Response {
    let body = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} - state gallery (demo)</title>\n\
         <link rel=\"stylesheet\" href=\"/gallery/gallery.css\">\n</head>\n<body>\n\
         <main id=\"main\">\n<div class=\"width\">\n<h1>{title}</h1>\n<p>{words}</p>\n\
         <p><a href=\"/gallery\">Back to the state gallery</a></p>\n</div>\n</main>\n</body>\n</html>\n",
        title = escape(title),
        words = escape(words),
    );
    html_response(
        StatusCode::NOT_FOUND,
        body,
        Some(HeaderValue::from_static(page::CSP)),
    )
}

async fn gallery_page(State(g): State<Arc<Gallery>>) -> Response {
    html_response(
        StatusCode::OK,
        page::render(&g.list, g.base.api_version),
        Some(HeaderValue::from_static(page::CSP)),
    )
}

fn text_file(body: String, content_type: &'static str) -> Response {
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

async fn stylesheet() -> Response {
    text_file(page::stylesheet(), "text/css; charset=utf-8")
}

async fn driver() -> Response {
    text_file(DRIVER_JS.into(), "text/javascript; charset=utf-8")
}

async fn states_json() -> Response {
    text_file(STATES_JSON.into(), "application/json; charset=utf-8")
}

/// `GET /gallery/open/{id}`: a new session, then 303 to the state's first address in it.
async fn open(State(g): State<Arc<Gallery>>, Path(id): Path<String>) -> Response {
    let Some(index) = g.list.states.iter().position(|s| s.id == id) else {
        return gone(
            "There is no such state",
            "The gallery has no state by that name. Its list may have changed: open the gallery again.",
        );
    };
    if !offered(&g.list.states[index], g.base.api_version) {
        return gone(
            "This state is not available here",
            "It needs contract 1.1 features that this demo API does not offer.",
        );
    }
    match g.open(index) {
        Ok(to) => {
            let mut res = StatusCode::SEE_OTHER.into_response();
            let headers = res.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&to) {
                headers.insert(header::LOCATION, v);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("gallery: could not open \"{id}\": {e}\n"),
        )
            .into_response(),
    }
}

/// `GET /gallery/session/{sid}`: the state the session is in and the driver's steps.
async fn session_json(State(g): State<Arc<Gallery>>, Path(sid): Path<String>) -> Response {
    let Some(session) = g.session(&sid) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": "This copy of the demo has been closed: open the state from the gallery again." })),
        )
            .into_response();
    };
    let state = &g.list.states[session.state];
    let steps = match g.list.expand(&state.steps) {
        Ok(steps) => steps,
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e).into_response(),
    };
    let steps = fill_in(
        &serde_json::to_value(steps).unwrap_or(Value::Null),
        &session.values,
    );
    let mut res = Json(json!({
        "sid": session.sid, "state": state.id, "h1": state.h1, "loading": state.loading,
        "steps": steps,
    }))
    .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Whether `path` (below a session's prefix) matches one of the state's offline files.
fn offline(patterns: &[String], path: &str) -> bool {
    patterns.iter().any(|p| match p.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => path == p,
    })
}

/// `/__s/{sid}/…`: the session's API and test controls, the app's files, or the app's page.
async fn session(State(g): State<Arc<Gallery>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let after = path.strip_prefix("/__s/").unwrap_or_default();
    let (sid, rest) = match after.find('/') {
        Some(i) => (&after[..i], &after[i..]),
        None => (after, "/"),
    };
    let Some(session) = g.session(sid) else {
        return gone(
            "This copy of the demo has been closed",
            "The demo keeps the newest 50 copies. Open the state from the gallery again.",
        );
    };
    let under = |prefix: &str| rest == prefix || rest.starts_with(&format!("{prefix}/"));
    let state = &g.list.states[session.state];
    // A new request below the prefix: method, headers and body, and none of this router's
    // extensions (its path parameters would add to the inner route's).
    let forward = |req: Request| {
        let query = req
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let (parts, body) = req.into_parts();
        let mut inner = Request::new(body);
        *inner.method_mut() = parts.method;
        *inner.headers_mut() = parts.headers;
        *inner.version_mut() = parts.version;
        *inner.uri_mut() =
            Uri::try_from(format!("{rest}{query}")).unwrap_or_else(|_| Uri::from_static("/"));
        inner
    };
    if under("/api") || under("/__demo") {
        return match session.router.clone().oneshot(forward(req)).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
    }
    if g.is_file(rest) {
        if offline(&state.offline_files, rest) {
            return cut_off();
        }
        return match g.files.clone().oneshot(forward(req)).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    match g.page(&session) {
        Ok(html) => html_response(StatusCode::OK, html, None),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("gallery: {e}\n")).into_response(),
    }
}
