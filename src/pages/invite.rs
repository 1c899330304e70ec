use booking_domain::journey::{Choices, Route, Step};
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::PhoneNumber;
use crate::routes::{follow, url_of};
use crate::state::AppState;

/// An invite code that is unknown or past its date.
#[component]
pub fn InviteExpiredPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title("This invitation link has expired", true);
    let fresh = url_of(state.config, &Route::new(Step::Start, Choices::default()));
    view! {
        <h1 tabindex="-1">"This invitation link has expired or is not valid"</h1>
        <p>"The link in your text message may have expired, or part of it may be missing."</p>
        <p>"To book your follow-up appointment, call "
            <PhoneNumber/> "."</p>
        <p>"If you were not asked to book a follow-up, you can "
            <a class="nhsb-link" href=fresh.clone()
                on:click=move |ev| if follow(&ev) {
                    // Leave the invite behind: a fresh start without it (a page load, not a
                    // step: the invite is fixed for this page's life).
                    let _ = window().location().set_href(&fresh);
                }
            >"book a new appointment"</a>"."</p>
    }
}
