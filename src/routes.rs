//! Moves between steps with the History API, so Back, Forward and refresh work and the host
//! page's own links are never intercepted (leptos_router would catch every click on the page).

use booking_domain::journey::{Route, Step};
use leptos::prelude::*;

use crate::state::AppState;

fn location() -> Option<(String, String)> {
    let location = window().location();
    Some((location.pathname().ok()?, location.search().ok()?))
}

/// The route the browser's address bar shows now.
pub fn current(base: &str) -> Route {
    let (path, query) = location().unwrap_or_default();
    Route::from_url(base, &path, &query)
}

/// Shows `route` as a new history entry (or in place of the current one).
pub fn go(state: &AppState, route: Route, replace: bool) {
    let url = route.to_url(&state.config.base_path);
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
        state.focus_heading();
        // A new page starts at its top, as it would after a page load.
        window().scroll_to_with_x_and_y(0.0, 0.0);
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
    Route {
        step,
        choices,
        change,
    }
    .to_url(&state.config.base_path)
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
        let route = current(&state.config.base_path);
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
