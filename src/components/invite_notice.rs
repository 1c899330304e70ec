use booking_domain::format;
use booking_domain::model::Invite;
use leptos::prelude::*;

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
