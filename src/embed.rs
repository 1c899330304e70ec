//! Running inside another page: in an iframe the app tells its parent how tall it is
//! (`{type: "nhs-booking:height", height}`), so the parent can size the iframe and there is no
//! inner scrollbar. Messages go only to allowed origins: the page's own and those in
//! `data-parent-origins`; `postMessage` delivers nothing when the parent has another origin.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::config::Config;

/// The message type the parent-side snippet listens for (EMBEDDING.md).
pub const HEIGHT_MESSAGE: &str = "nhs-booking:height";

/// The framing page and the origins a message to it may go to, when the page is framed by an
/// allowed origin (the page's own, or one in `data-parent-origins`); `None` otherwise.
pub fn parent(config: &Config) -> Option<(web_sys::Window, Vec<String>)> {
    let window = window();
    let parent = window.parent().ok()??;
    // Not framed: the window is its own parent.
    if JsValue::from(&parent) == JsValue::from(&window) {
        return None;
    }
    let mut allowed = vec![window.location().origin().unwrap_or_default()];
    allowed.extend(config.parent_origins.iter().cloned());
    allowed.retain(|o| !o.is_empty() && o != "null");
    // Post only to the parent's origin when the browser tells it (no console noise from
    // mismatched targets); otherwise to each allowed origin, which only the parent's matches.
    let origins: Vec<String> = match parent_origin() {
        Some(origin) if allowed.contains(&origin) => vec![origin],
        Some(_) => return None,
        None => allowed,
    };
    Some((parent, origins))
}

/// Starts watching the page's height when the page is framed; does nothing otherwise.
pub fn report_height(config: &Config) {
    let Some((parent, origins)) = parent(config) else {
        return;
    };
    let Some(root) = document().document_element() else {
        return;
    };
    let mut last = -1.0;
    let measured = root.clone();
    let send = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        for origin in &origins {
            let _ = parent.post_message(&message, origin);
        }
    });
    let on_resize = send.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if let Ok(observer) = web_sys::ResizeObserver::new(&on_resize) {
        observer.observe(&root);
    }
    // Lives as long as the page.
    send.forget();
}

/// The framing page's origin: `location.ancestorOrigins` where the browser has it, else the
/// origin of the referrer (the page that loaded the frame).
fn parent_origin() -> Option<String> {
    let location = window().location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok()?;
    if !ancestors.is_undefined() {
        let first = js_sys::Reflect::get(&ancestors, &0.into()).ok()?;
        if let Some(origin) = first.as_string() {
            return Some(origin);
        }
    }
    let referrer = document().referrer();
    let url = web_sys::Url::new(&referrer).ok()?;
    Some(url.origin()).filter(|o| o != "null")
}
