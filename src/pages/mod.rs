//! One file per page: each a thin view over the domain's screen models (`booking_domain::
//! {answers, browse, outcome, draft}`) built from the shared components. No page imports
//! another page; what two pages share lives in `components/`.

mod accessibility;
mod band;
mod check;
mod confirmation;
mod details;
mod invite;
mod locality;
mod manage;
mod not_found;
mod question;
mod service;
mod slot;
mod start;

use accessibility::AccessibilityPage;
use band::BandPage;
use booking_domain::journey::Step;
use check::CheckPage;
use confirmation::ConfirmationPage;
use details::DetailsPage;
use invite::{InviteExpiredPage, InviteNotice};
use leptos::prelude::*;
use locality::LocalityPage;
use manage::*;
use not_found::NotFoundPage;
use question::Question;
use service::ServicePage;
use slot::SlotPage;
use start::StartPage;

/// The page that shows `step`.
pub fn page(step: Step) -> AnyView {
    match step {
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
    }
}
