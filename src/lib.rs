//! NHS patient self-booking: mounts the app into the host page and maps each step to a page.

pub mod browser;
pub mod chunks;
pub mod components;
pub mod config;
pub mod embed;
pub mod fetched;
pub mod http;
pub mod lang;
mod measure;
mod pages;
pub mod places;
pub mod routes;
pub mod state;
pub mod submit;
pub mod words;

use booking_domain::journey::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use components::Layout;
use config::{Config, DEFAULT_PHONE, MOUNT_ID};
use http::Api;
use state::AppState;

/// Mounts the app into `#nhs-booking`, replacing the static shell the page shows until then.
pub fn start() {
    let Some(mount) = document().get_element_by_id(MOUNT_ID) else {
        return;
    };
    let config = Config::read(&mount);
    set_panic_page(&config);
    let Ok(mount) = mount.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let mut route = routes::current(&config);
    let c = &mut route.choices;
    if c.service.is_none() && c.band.is_none() && c.locality.is_none() {
        // The trust's preselected answers, unless the URL already has answers of its own.
        c.service.clone_from(&config.preselected.service);
        c.band.clone_from(&config.preselected.band);
        c.locality.clone_from(&config.preselected.locality);
    }
    embed::report_height(&config);
    let lang = lang::initial(
        &window().location().search().unwrap_or_default(),
        config.lang.as_deref(),
    );
    booking_domain::lang::set(lang);
    // The static shell gives way to the app; in Welsh, once Welsh's words are here (`App`).
    if lang == booking_domain::lang::Lang::En {
        mount.set_inner_html("");
    }
    let _ = mount.set_attribute("lang", lang.code());
    if config.page_lang {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
    }
    leptos::mount::mount_to(mount, move || view! { <App config=config route=route/> }).forget();
}

/// Takes away what the mount element showed before the app (the static shell): everything
/// before the app's own element, which `mount_to` put last.
pub fn remove_shell() {
    if let Some(mount) = document().get_element_by_id(MOUNT_ID) {
        while let (Some(first), Some(app)) = (mount.first_child(), mount.last_element_child()) {
            if &first == app.as_ref() {
                break;
            }
            let _ = mount.remove_child(&first);
        }
    }
}

/// A panic must never leave a dead page: show the phone number instead. Nothing from the
/// panic (its message may hold data) is shown or logged. Written when it happens, in the
/// language the pages were in then.
fn set_panic_page(config: &Config) {
    let config = config.clone();
    std::panic::set_hook(Box::new(move |_| {
        if let Some(mount) = document().get_element_by_id(MOUNT_ID) {
            mount.set_inner_html(&panic_page(&config));
            document().set_title(words::problem::words().panic_title);
            if let Some(h1) = mount
                .query_selector("h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h1.focus();
            }
        }
    }));
}

/// The panic page's HTML: our own fixed words and the trust's phone settings (escaped).
pub fn panic_page(config: &Config) -> String {
    // Five characters to escape: a crate for this would cost more than it saves.
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    };
    let number = config.phone.as_deref().unwrap_or(DEFAULT_PHONE);
    let phone = escape(number);
    let tel = escape(&number.replace(' ', ""));
    let hours = escape(&config.opening_hours);
    let w = words::problem::words();
    let call = booking_domain::lang::fill(
        w.panic_call,
        &[(
            "phone",
            &format!("<a class=\"nhsb-link\" href=\"tel:{tel}\">{phone}</a> ({hours})"),
        )],
    );
    format!(
        "<div class=\"nhsb\"><div class=\"nhsb-width-container\"><main class=\"nhsb-main\">\
         <h1 tabindex=\"-1\">{title}</h1>\
         <p>{refresh}</p>\
         <p>{call}</p>\
         </main></div></div>",
        title = w.panic_title,
        refresh = w.panic_refresh,
    )
}

/// The app: its state in context, the page for the step in the URL, inside the layout.
#[component]
pub fn App(
    config: Config,
    route: Route,
    /// The API to talk to (a test's fake); the trust's, through the browser, if not given.
    #[prop(optional)]
    client: Option<Api>,
) -> impl IntoView {
    let state = AppState::new(config, route, client);
    provide_context(state);
    provide_context(chunks::Chunks::new(state, pages::CHUNKS, pages::load_chunk));
    // In Welsh, the `welsh` chunk draws everything, once Welsh's words are here.
    let view = if booking_domain::lang::current() == booking_domain::lang::Lang::Cy {
        expect_context::<chunks::Chunks>()
            .view_over_shell(pages::WELSH, booking_domain::journey::Step::Start)
    } else {
        view! { <Pages/> }.into_any()
    };
    view! { <div class="nhsb">{view}</div> }
}

/// The layout and the page for the step in the URL.
#[component]
pub fn Pages() -> impl IntoView {
    let state = expect_context::<AppState>();
    let step = Memo::new(move |_| state.route.with(|r| r.step));
    view! { <Layout>{move || pages::page(step.get())}</Layout> }
}
