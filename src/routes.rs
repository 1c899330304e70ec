//! Moves between steps with the History API, so Back, Forward and refresh work and the host
//! page's own links are never intercepted (leptos_router would catch every click on the page).
//! URLs are spelled only in `booking_domain::journey`.

use booking_domain::draft::BookingDraft;
use booking_domain::journey::{Route, Routing, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::focus_heading;
use crate::config::{Config, MOUNT_ID};

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

/// A click on one of our links: handled in place unless the patient asked for a new tab.
pub fn follow(ev: &leptos::ev::MouseEvent) -> bool {
    let plain =
        ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
    if plain {
        ev.prevent_default();
    }
    plain
}

/// The route on show and the draft whose choices ride in every URL.
#[derive(Clone, Copy)]
pub struct Router {
    pub config: &'static Config,
    pub route: RwSignal<Route>,
    pub draft: RwSignal<BookingDraft>,
}

impl Router {
    /// Shows `route` as a new history entry (or in place of the current one).
    pub fn go(self, route: Route, replace: bool) {
        let url = url_of(self.config, &route);
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        let step_changed = self.route.with_untracked(|r| r.step != route.step);
        self.route.set(route);
        if step_changed {
            scroll_to_top(self.config);
            focus_heading();
        }
    }

    /// Goes to `step` with the draft's current choices; `change` marks a "Change" link from
    /// check answers (Back then returns there).
    pub fn go_to(self, step: Step, change: bool) {
        let choices = self.draft.with_untracked(|d| d.choices());
        self.go(
            Route {
                step,
                choices,
                change,
            },
            false,
        );
    }

    /// The `href` of `step` with the draft's current choices (links still work when opened
    /// in a new tab). Reactive on the route too, so query-mode links follow the address bar.
    pub fn href(self, step: Step, change: bool) -> String {
        let choices = self.draft.with(|d| d.choices());
        self.route.track();
        url_of(
            self.config,
            &Route {
                step,
                choices,
                change,
            },
        )
    }

    /// Keeps the app in step with Back and Forward; `settle` runs once the URL's choices are
    /// in the draft.
    pub fn listen(self, settle: impl Fn() + 'static) {
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let route = current(self.config);
            self.draft.update(|d| d.apply(&route.choices));
            settle();
            let step_changed = self.route.with_untracked(|r| r.step != route.step);
            self.route.set(route);
            if step_changed {
                focus_heading();
            }
        });
        // Lives as long as the page.
        std::mem::forget(handle);
    }
}
