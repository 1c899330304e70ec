use booking_domain::format;
use booking_domain::lang::fill;
use booking_domain::model::Invite;
use leptos::prelude::*;

use crate::state::AppState;
use crate::words::start::words;

/// Why the patient is here when they came from an SMS invite.
#[component]
pub fn InviteNotice(invite: Invite) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let until = format::dob(invite.book_until);
    // Read live: the invite may arrive before the service list does.
    let sentence = move || {
        let service = state
            .services
            .get()
            .and_then(|r| r.ok())
            .and_then(|list| list.into_iter().find(|s| s.id == invite.service));
        let clinician = service
            .as_ref()
            .and_then(|s| invite.band.as_ref().and_then(|b| s.band(b)))
            .map(|b| b.name.to_lowercase());
        match clinician {
            Some(clinician) => fill(
                w.invited_with,
                &[("clinician", &clinician), ("until", &until)],
            ),
            None => fill(w.invited, &[("until", &until)]),
        }
    };
    view! {
        <div class="nhsb-inset-text">
            <p>{sentence}</p>
        </div>
    }
}
