//! Moves between steps with the History API, so Back, Forward and refresh work and the host
//! page's own links are never intercepted (leptos_router would catch every click on the page).

use booking_domain::journey::{Route, Routing, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{Config, MOUNT_ID};
use crate::state::AppState;

fn location() -> Option<(String, String)> {
    let location = window().location();
    Some((location.pathname().ok()?, location.search().ok()?))
}

/// The route the browser's address bar shows now.
pub fn current(config: &Config) -> Route {
    let (path, query) = location().unwrap_or_default();
    config.routing.read(&path, &query)
}

/// The URL (path, query and, in query mode, the host's fragment) that shows `route`.
pub fn url_of(config: &Config, route: &Route) -> String {
    let (path, query) = location().unwrap_or_default();
    let mut url = config.routing.write(route, &path, &query);
    if let Routing::Query { .. } = config.routing {
        url.push_str(&window().location().hash().unwrap_or_default());
    }
    url
}

/// A new page starts at its top, as after a page load: the top of the window when the app
/// is the page, the top of the app when it is part of a host page (and scrolled past).
fn scroll_to_top(config: &Config) {
    match config.routing {
        Routing::Path { .. } => window().scroll_to_with_x_and_y(0.0, 0.0),
        Routing::Query { .. } => {
            let mount = document()
                .get_element_by_id(MOUNT_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(mount) = mount {
                if mount.get_bounding_client_rect().top() < 0.0 {
                    mount.scroll_into_view();
                }
            }
        }
    }
}

/// Shows `route` as a new history entry (or in place of the current one).
pub fn go(state: &AppState, route: Route, replace: bool) {
    let url = url_of(state.config, &route);
    if let Ok(history) = window().history() {
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
    let step_changed = state.route.with_untracked(|r| r.step != route.step);
    state.route.set(route);
    if step_changed {
        scroll_to_top(state.config);
        state.focus_heading();
    }
}

/// Goes to `step` with the draft's current choices.
pub fn go_to(state: &AppState, step: Step) {
    let choices = state.draft.with_untracked(|d| d.choices());
    go(state, Route::new(step, choices), false);
}

/// The `href` of `step` with the draft's current choices (links still work when opened in a
/// new tab).
pub fn href(state: &AppState, step: Step, change: bool) -> String {
    let choices = state.draft.with(|d| d.choices());
    let route = Route {
        step,
        choices,
        change,
    };
    // Reactive on the route too, so query-mode links follow the address bar.
    state.route.track();
    url_of(state.config, &route)
}

/// A click on one of our links: handled in place unless the patient asked for a new tab.
pub fn follow(ev: &leptos::ev::MouseEvent) -> bool {
    let plain =
        ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
    if plain {
        ev.prevent_default();
    }
    plain
}

/// Keeps the app in step with Back and Forward.
pub fn listen(state: AppState) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let route = current(state.config);
        state.draft.update(|d| d.apply(&route.choices));
        let step_changed = state.route.with_untracked(|r| r.step != route.step);
        state.route.set(route);
        if step_changed {
            state.focus_heading();
        }
    });
    // Lives as long as the page.
    std::mem::forget(handle);
}
