//! The journey's events: for the host page always (a bubbling `CustomEvent` on the mount
//! element, `nhsb:step`, `nhsb:booked`, `nhsb:problem`, and in an iframe the same as a message
//! to the allowed parent origins), and counted by the API when it lists `events`, unless the
//! host page says `data-measure="off"` or the browser sends Global Privacy Control. What an
//! event may hold is decided in `booking_domain::measure`: nothing personal, nothing that joins
//! two events; no cookies, no storage.
//!
//! Started by the first chunk to load (`AppState::restore`), so none of this is in the main
//! module; it watches the route for the steps that show.

use std::cell::RefCell;

use booking_domain::journey::Step;
use booking_domain::measure::{detail, is_mid_journey, payload, Device, Event, Source};
use booking_domain::model::Booking;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::config::MOUNT_ID;
use crate::state::AppState;

/// What every event needs, fixed when measuring starts.
struct Measure {
    source: Source,
    device: Device,
    /// Where counts go (`{api}/events`), once the API is known to count them.
    api: Option<String>,
    /// Counts waiting for the service list (which says whether the API counts them).
    pending: Option<Vec<String>>,
    /// In an iframe: the parent, and the origins it may have.
    parent: Option<(web_sys::Window, Vec<String>)>,
}

thread_local! {
    static MEASURE: RefCell<Option<Measure>> = const { RefCell::new(None) };
}

/// Starts measuring: called once, under the app's owner, when the first chunk has loaded.
/// The step on show then (the start page, or a page opened directly) is told at once.
pub fn start(state: AppState) {
    let window = window();
    let route = state.route.get_untracked();
    let config = state.config;
    let sms = route.choices.invite.is_some() || route.choices.offer.is_some();
    let parent = crate::embed::parent(config);
    // Inside a trust's page: framed, or mounted by a page of its own (query routing, or a
    // path below the site's root).
    let embedded = parent.is_some()
        || matches!(
            config.routing,
            booking_domain::journey::Routing::Query { .. }
        )
        || config.base_path != "/";
    let own = window.location().origin().unwrap_or_default();
    let referrer = document().referrer();
    let elsewhere = !referrer.is_empty() && !referrer.starts_with(&own);
    let coarse = window
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0);
    let off = document()
        .get_element_by_id(MOUNT_ID)
        .and_then(|m| m.get_attribute("data-measure"))
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("off"))
        || js_sys::Reflect::get(&window.navigator(), &"globalPrivacyControl".into())
            .is_ok_and(|v| v.is_truthy());
    MEASURE.with_borrow_mut(|m| {
        *m = Some(Measure {
            source: Source::of(sms, embedded, elsewhere),
            device: Device::of(coarse, width),
            api: None,
            // Counted only once the API says it counts them; never when measuring is off.
            pending: (!off).then(Vec::new),
            parent,
        })
    });
    // The service list says whether the API counts events: then what waited is sent.
    Effect::new(move |_| {
        let counts = state.services.with(|s| match s {
            Some(Ok(list)) => Some(list.iter().any(|s| s.offers.events)),
            Some(Err(_)) => Some(false),
            None => None,
        });
        let Some(counts) = counts else { return };
        MEASURE.with_borrow_mut(|m| {
            let Some(m) = m else { return };
            let Some(pending) = m.pending.take() else {
                return;
            };
            if counts {
                let url = format!("{}/events", config.api_base);
                for body in pending {
                    beacon(&url, &body);
                }
                m.api = Some(url);
            }
        });
    });
    // Leaving mid-journey (closing the tab, going elsewhere) is counted, not told to the host.
    let _ = window_event_listener_untyped("pagehide", move |_| {
        let step = state.route.with_untracked(|r| r.step);
        if is_mid_journey(step) {
            count(Event::Left(step));
        }
    });
    // Each step that shows, from the one on show now (the start page, or a page opened
    // directly). Watched here rather than told by the main module, so none of this is there.
    Effect::new(move |last: Option<Step>| {
        let step = state.route.with(|r| r.step);
        if last != Some(step) {
            tell(Event::Step(step));
        }
        step
    });
}

/// How the patient came, for feedback ("direct" before measuring has started).
pub fn source_name() -> &'static str {
    MEASURE.with_borrow(|m| m.as_ref().map_or(Source::Direct, |m| m.source).as_str())
}

/// A booking was made.
pub fn booked(booking: &Booking) {
    tell(Event::Booked(booking.slot.mode));
}

/// A problem showed (`kind`: `booking_domain::measure::problem_kind`, or "taken").
pub fn problem(kind: &'static str) {
    tell(Event::Problem(kind));
}

/// Seconds since the page loaded: how long the journey has taken so far.
fn elapsed_s() -> u64 {
    window()
        .performance()
        .map(|p| (p.now() / 1000.0) as u64)
        .unwrap_or(0)
}

/// Tells the host page (and the parent frame), and counts it.
fn tell(event: Event) {
    let elapsed = elapsed_s();
    let Some((source, parent)) = MEASURE.with_borrow(|m| {
        m.as_ref().map(|m| {
            (
                m.source,
                m.parent.as_ref().map(|(w, o)| (w.clone(), o.clone())),
            )
        })
    }) else {
        return;
    };
    let detail = detail(event, source, elapsed);
    let name = format!("nhsb:{}", event.name());
    if let Ok(detail) = serde_wasm(&serde_json::Value::Object(detail.clone())) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&detail);
        if let (Some(mount), Ok(e)) = (
            document().get_element_by_id(MOUNT_ID),
            web_sys::CustomEvent::new_with_event_init_dict(&name, &init),
        ) {
            let _ = mount.dispatch_event(&e);
        }
    }
    if let Some((parent, origins)) = parent {
        let mut message = detail;
        message.insert("type".into(), name.into());
        if let Ok(message) = serde_wasm(&serde_json::Value::Object(message)) {
            for origin in &origins {
                let _ = parent.post_message(&message, origin);
            }
        }
    }
    count(event);
}

/// Counts `event` with the API (or keeps it until the API is known to count).
fn count(event: Event) {
    MEASURE.with_borrow_mut(|m| {
        let Some(m) = m else { return };
        let body = payload(event, m.source, elapsed_s(), m.device);
        match (&m.api, &mut m.pending) {
            (Some(url), _) => beacon(url, &body),
            (None, Some(pending)) => pending.push(body),
            (None, None) => {}
        }
    });
}

/// `navigator.sendBeacon` with a `text/plain` body: no preflight, and it is sent even as the
/// page goes away.
fn beacon(url: &str, body: &str) {
    let _ = window()
        .navigator()
        .send_beacon_with_opt_str(url, Some(body));
}

/// A JSON value as a plain JavaScript object (through `JSON.parse`: no serde-wasm crate for
/// a handful of small objects).
fn serde_wasm(value: &serde_json::Value) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&value.to_string())
}
