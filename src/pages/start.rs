use booking_domain::journey::Step;
use leptos::prelude::*;

use crate::components::PhoneNumber;
use crate::routes;
use crate::state::{set_title, AppState};

/// The start page: what the service is, what you need, and the phone alternative. Its words
/// match the static HTML shown before the app loads, so nothing moves when it mounts.
#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title("Book a physiotherapy appointment", false);
    let start = move |ev: leptos::ev::MouseEvent| {
        if routes::follow(&ev) {
            if let Some(Ok(services)) = state.services.get_untracked() {
                state.draft.update(|d| d.settle(&services));
            }
            let next = state.draft.with_untracked(|d| d.first_unanswered());
            routes::go_to(&state, next);
        }
    };
    let invite = move || match state.invite_status() {
        Some(Ok(Some(invite))) => Some(view! { <super::InviteNotice invite=invite/> }),
        _ => None,
    };
    let expired = move || matches!(state.invite_status(), Some(Err(e)) if e.code() == Some(&booking_domain::api::ErrorCode::NotFound));
    // An expired invite is the whole page: no "Start now" into a journey it cannot begin.
    move || {
        if expired() {
            view! { <super::InviteExpiredPage/> }.into_any()
        } else {
            view! {
        <h1 tabindex="-1">"Book a physiotherapy appointment"</h1>
        {invite}
        <p>"Use this service to book an NHS physiotherapy appointment for problems with your muscles, bones or joints, such as back, neck or knee pain."</p>
        <p>"It takes about 5 minutes. You can choose where and when to be seen."</p>
        <h2 class="nhsb-heading-m">"Before you start"</h2>
        <p>"You will need:"</p>
        <ul class="nhsb-list nhsb-list--bullet">
            <li>"your NHS number, if you know it – it is on letters from the NHS, on prescriptions and in the NHS App"</li>
            <li>"a mobile phone number"</li>
        </ul>
        <a class="nhsb-button nhsb-button--start" role="button" draggable="false"
            href=move || routes::href(&state, Step::Service, false) on:click=start
        >"Start now"</a>
        <h2 class="nhsb-heading-m">"Change or cancel an appointment"</h2>
        <p>
            <a class="nhsb-link" href=move || routes::href(&state, Step::ManageFind, false)
                on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, Step::ManageFind) }
            >"Change or cancel an appointment you have already booked"</a>
        </p>
        <h2 class="nhsb-heading-m">"Other ways to book"</h2>
        <p>
            "If you cannot book online, call "
            <PhoneNumber/> "."
        </p>
    }.into_any()
        }
    }
}
