//! Change or cancel an appointment: find it by reference and date of birth, then cancel it or
//! move it to another time. The reference and date of birth stay in memory (and this tab's
//! sessionStorage), never in the URL.

mod booking;
mod cancel;
mod find;
mod reschedule;

pub use booking::ManageBookingPage;
pub use cancel::{CancelPage, CancelledPage};
pub use find::FindBookingPage;
pub use reschedule::{ChangedPage, NewTimeCheckPage, NewTimePage};

use booking_domain::journey::Step;
use booking_domain::manage::ManageSession;
use leptos::prelude::*;

use crate::routes;
use crate::state::AppState;

/// The booking being managed, or a move to "Find your appointment" when there is none (a
/// fresh tab, or after "Start again").
pub fn session_or_find(state: AppState) -> Option<ManageSession> {
    let session = state.manage.get_untracked();
    if session.is_none() {
        request_animation_frame(move || routes::go_to(&state, Step::ManageFind));
    }
    session
}

/// "Book a new appointment" after a cancel or change.
pub(crate) fn confirmation_links(state: AppState) -> impl IntoView {
    view! {
        <p>
            <a class="nhsb-link" href=routes::href(&state, Step::Start, false)
                on:click=move |ev| if routes::follow(&ev) {
                    state.manage.set(None);
                    routes::go_to(&state, Step::Start);
                }
            >"Book another appointment"</a>
        </p>
    }
}
