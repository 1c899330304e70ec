//! NHS patient self-booking: mounts the app into the host page and maps each step to a page.

pub mod components;
pub mod config;
pub mod embed;
pub mod http;
pub mod pages;
pub mod routes;
pub mod state;

use booking_domain::api::ErrorCode;
use booking_domain::journey::{Route, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use components::{ApiProblem, Layout, Loading, PhoneNumber};
use config::{Config, MOUNT_ID};
use pages::*;
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
    // Lets the browser tests prove the panic page on the release build (EMBEDDING.md).
    let test_panic = mount.has_attribute("data-test-panic");
    mount.set_inner_html("");
    leptos::mount::mount_to(mount, move || view! { <App config=config route=route/> }).forget();
    if test_panic {
        request_animation_frame(|| panic!("data-test-panic"));
    }
}

/// A panic must never leave a dead page: show the phone number instead. Nothing from the
/// panic (its message may hold data) is shown or logged.
fn set_panic_page(config: &Config) {
    let html = panic_page(config);
    std::panic::set_hook(Box::new(move |_| {
        if let Some(mount) = document().get_element_by_id(MOUNT_ID) {
            mount.set_inner_html(&html);
            document().set_title("Sorry, there is a problem with the service");
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
    let phone = escape(&config.phone);
    let tel = escape(&config.phone.replace(' ', ""));
    let hours = escape(&config.opening_hours);
    format!(
        "<div class=\"nhsb\"><div class=\"nhsb-width-container\"><main class=\"nhsb-main\">\
         <h1 tabindex=\"-1\">Sorry, there is a problem with the service</h1>\
         <p>Refresh the page to try again. Your answers are kept in this browser tab.</p>\
         <p>To book by phone, call <a class=\"nhsb-link\" href=\"tel:{tel}\">{phone}</a> ({hours}).</p>\
         </main></div></div>"
    )
}

#[component]
fn App(config: Config, route: Route) -> impl IntoView {
    let state = AppState::new(config, route);
    provide_context(state);
    routes::listen(state);
    let step = Memo::new(move |_| state.route.with(|r| r.step));
    view! {
        <div class="nhsb">
            <Layout>
                {move || match step.get() {
                    Step::Start => view! { <StartPage/> }.into_any(),
                    Step::Confirmation => view! { <ConfirmationPage/> }.into_any(),
                    Step::Accessibility => view! { <AccessibilityPage/> }.into_any(),
                    Step::NotFound => view! { <NotFoundPage/> }.into_any(),
                    Step::ManageFind => view! { <FindBookingPage/> }.into_any(),
                    Step::ManageBooking => view! { <ManageBookingPage/> }.into_any(),
                    Step::ManageCancel => view! { <CancelPage/> }.into_any(),
                    Step::ManageCancelled => view! { <CancelledPage/> }.into_any(),
                    Step::ManageSlot => view! { <NewTimePage/> }.into_any(),
                    Step::ManageCheck => view! { <NewTimeCheckPage/> }.into_any(),
                    Step::ManageChanged => view! { <ChangedPage/> }.into_any(),
                    question => view! { <Question step=question/> }.into_any(),
                }}
            </Layout>
        </div>
    }
}

/// A booking question: waits for the service list, drops choices that do not exist, and sends
/// the patient to the first unanswered question when this one cannot be shown yet.
#[component]
fn Question(step: Step) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match (state.services.get(), state.invite_status()) {
        (None, _) | (_, None) => view! { <Loading label="Loading"/> }.into_any(),
        (Some(Err(error)), _) => {
            state::set_title("Sorry, there is a problem", true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| state.services.refetch())/> }
                .into_any()
        }
        (_, Some(Err(error))) if error.code() == Some(&ErrorCode::NotFound) => {
            view! { <InviteExpiredPage/> }.into_any()
        }
        (_, Some(Err(error))) => {
            state::set_title("Sorry, there is a problem", true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| state.invite.refetch())/> }
                .into_any()
        }
        (Some(Ok(services)), Some(Ok(_))) if services.is_empty() => {
            state::set_title("No appointments can be booked online", false);
            view! {
                <h1 tabindex="-1">"No appointments can be booked online at the moment"</h1>
                <p>"To book, call " <PhoneNumber/> "."</p>
            }
            .into_any()
        }
        (Some(Ok(services)), Some(Ok(_))) => {
            state.draft.update(|d| d.settle(&services));
            let allowed = state.draft.with_untracked(|d| {
                if step == Step::Service && services.len() == 1 {
                    d.first_unanswered()
                } else {
                    d.allowed(step)
                }
            });
            if allowed != step {
                // Not while rendering: move on once this update has finished.
                request_animation_frame(move || {
                    let choices = state.draft.with_untracked(|d| d.choices());
                    routes::go(&state, Route::new(allowed, choices), true);
                });
                return view! { <Loading label="Loading"/> }.into_any();
            }
            match step {
                Step::Service => view! { <ServicePage services=services/> }.into_any(),
                Step::Band => view! { <BandPage services=services/> }.into_any(),
                Step::Locality => view! { <LocalityPage services=services/> }.into_any(),
                Step::Slot => view! { <SlotPage services=services/> }.into_any(),
                Step::Details => view! { <DetailsPage/> }.into_any(),
                _ => view! { <CheckPage/> }.into_any(),
            }
        }
    }
}
