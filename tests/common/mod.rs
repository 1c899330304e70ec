//! What the browser tests share: mounting a view and finding what it drew.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts a view into a fresh element and returns that element.
pub fn mount<F, N>(f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), f).forget();
    host
}

pub fn query(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}
