//! What the app asks of the browser itself: the clock, the tab's title, where focus goes and
//! this tab's storage. Kept apart from the app's state so that state stays plain data.

use booking_domain::journey::page_title;
use booking_domain::json::{parse, FromJson};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::JsCast;

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The device's calendar date (for "date of birth in the past").
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// The device's UTC offset in minutes east at an instant.
pub fn device_minutes_east(at: DateTime<Utc>) -> i32 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    -(d.get_timezone_offset() as i32)
}

/// Sets the tab's title: unique per page, `Error: ` first when the page shows errors.
pub fn set_title(title: &str, has_errors: bool) {
    document().set_title(&page_title(title, has_errors));
}

/// Moves focus to the new page's error summary or heading once it has rendered, so screen
/// readers announce the new page (a single-page app gets no page-load announcement). A page
/// that loads first has no heading yet: keep looking, a frame at a time, for up to about 15
/// seconds, unless the patient has moved focus themselves.
pub fn focus_heading() {
    fn attempt(frames_left: u32) {
        request_animation_frame(move || {
            let doc = document();
            let moved = doc.active_element().is_some_and(|e| {
                e.tag_name() != "BODY" && e.closest(".nhsb main").ok().flatten().is_some()
            });
            let target = [".nhsb .nhsb-error-summary", ".nhsb main h1"]
                .iter()
                .find_map(|selector| doc.query_selector(selector).ok().flatten());
            match target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(el) => {
                    let _ = el.focus();
                }
                None if frames_left > 0 && !moved => attempt(frames_left - 1),
                None => {}
            }
        });
    }
    attempt(900);
}

/// This tab's session storage: personal details live here at most, never in localStorage.
fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Text kept under `key` for this tab (no JSON: a language code).
pub fn load_text(key: &str) -> Option<String> {
    session()?.get_item(key).ok()?
}

pub fn save_text(key: &str, value: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(key, value);
    }
}

pub fn load<T: FromJson>(key: &str) -> Option<T> {
    let text = session()?.get_item(key).ok()??;
    parse(&text)
}

/// Keeps `value` under `key` for this tab; `None` removes it.
pub fn save<T: Serialize>(key: &str, value: Option<&T>) {
    if let Some(storage) = session() {
        let _ = match value.and_then(|v| serde_json::to_string(v).ok()) {
            Some(text) => storage.set_item(key, &text),
            None => storage.remove_item(key),
        };
    }
}
