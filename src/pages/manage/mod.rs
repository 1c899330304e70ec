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

use crate::state::AppState;

/// The booking being managed, or a move to "Find your appointment" when there is none (a
/// fresh tab, or after "Start again").
fn session_or_find(state: AppState) -> Option<ManageSession> {
    let session = state.manage.get_untracked();
    if session.is_none() {
        request_animation_frame(move || state.go_to(Step::ManageFind));
    }
    session
}
