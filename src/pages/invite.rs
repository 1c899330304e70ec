use booking_domain::journey::{Choices, Route, Step};
use booking_domain::lang::around;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::PhoneNumber;
use crate::routes::{follow, url_of};
use crate::state::AppState;
use crate::words::check::words;

/// An invite code that is unknown or past its date.
#[component]
pub fn InviteExpiredPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    set_title(w.expired_title, true);
    let (call, after_call) = around(w.expired_call, "phone");
    let (you_can, after_link) = around(w.expired_new, "link");
    let fresh = url_of(state.config, &Route::new(Step::Start, Choices::default()));
    view! {
        <h1 tabindex="-1">{w.expired_heading}</h1>
        <p>{w.expired_why}</p>
        <p>{call}
            <PhoneNumber/> {after_call}</p>
        <p>{you_can}
            <a class="nhsb-link" href=fresh.clone()
                on:click=move |ev| if follow(&ev) {
                    // Leave the invite behind: a fresh start without it (a page load, not a
                    // step: the invite is fixed for this page's life).
                    let _ = window().location().set_href(&fresh);
                }
            >{w.expired_new_link}</a>{after_link}</p>
    }
}
