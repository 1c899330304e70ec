use booking_domain::format;
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::model::Invite;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::PhoneNumber;
use crate::routes::{follow, url_of};
use crate::state::AppState;

/// Why the patient is here when they came from an SMS invite.
#[component]
pub fn InviteNotice(invite: Invite) -> impl IntoView {
    let state = expect_context::<AppState>();
    let until = format::dob(invite.book_until);
    // Read live: the invite may arrive before the service list does.
    let sentence = move || {
        let service = state
            .services
            .get()
            .and_then(|r| r.ok())
            .and_then(|list| list.into_iter().find(|s| s.id == invite.service));
        let who = service
            .as_ref()
            .and_then(|s| invite.band.as_ref().and_then(|b| s.band(b)))
            .map(|b| format!(" with a {}", b.name.to_lowercase()))
            .unwrap_or_default();
        format!(
            "You have been invited to book a follow-up physiotherapy appointment{who}. Book by {until}."
        )
    };
    view! {
        <div class="nhsb-inset-text">
            <p>{sentence}</p>
        </div>
    }
}

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
