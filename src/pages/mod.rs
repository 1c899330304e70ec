//! One file per page: each a thin view over the domain's screen models (`booking_domain::
//! {answers, browse, outcome, draft}`) built from the shared components. No page imports
//! another page; what two pages share lives in `components/`.

mod accessibility;
mod band;
mod booker;
mod check;
mod confirmation;
mod details;
mod invite;
mod locality;
mod manage;
mod needs;
mod not_found;
mod screening;
mod service;
mod slot;
mod start;
mod support;
mod urgent;
mod who_for;

use accessibility::AccessibilityPage;
use band::BandPage;
use booker::BookerPage;
use booking_domain::journey::{Route, Step};
use check::CheckPage;
use confirmation::ConfirmationPage;
use details::DetailsPage;
use invite::InviteExpiredPage;
use leptos::prelude::*;
use locality::LocalityPage;
use manage::*;
use needs::NeedsPage;
use not_found::NotFoundPage;
use screening::ScreeningPage;
use service::ServicePage;
use slot::SlotPage;
use start::StartPage;
use support::SupportPage;
use urgent::UrgentPage;
use who_for::WhoForPage;

use crate::browser::set_title;
use crate::components::{ApiProblem, Loading, PhoneNumber};
use crate::state::AppState;

/// The page that shows `step`.
pub fn page(step: Step) -> AnyView {
    match step {
        Step::Start => view! { <Start/> }.into_any(),
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

/// The start page, unless the SMS invite in the URL has expired: then that is the whole page
/// (no "Start now" into a journey it cannot begin).
#[component]
fn Start() -> impl IntoView {
    let state = expect_context::<AppState>();
    let expired = Memo::new(move |_| state.invite_expired());
    move || {
        if expired.get() {
            view! { <InviteExpiredPage/> }.into_any()
        } else {
            view! { <StartPage/> }.into_any()
        }
    }
}

/// A booking question: waits for the service list (and the SMS invite), and sends the patient
/// to the first unanswered question when this one cannot be shown yet.
#[component]
pub fn Question(step: Step) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match (state.services.get(), state.invite.get()) {
        (None, _) | (_, None) => view! { <Loading label="Loading"/> }.into_any(),
        (Some(Err(error)), _) => {
            set_title("Sorry, there is a problem", true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| state.services.refetch())/> }
                .into_any()
        }
        (_, Some(Err(_))) if state.invite_expired() => view! { <InviteExpiredPage/> }.into_any(),
        (_, Some(Err(error))) => {
            set_title("Sorry, there is a problem", true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| state.invite.refetch())/> }
                .into_any()
        }
        (Some(Ok(services)), Some(Ok(_))) if services.is_empty() => {
            set_title("No appointments can be booked online", false);
            view! {
                <h1 tabindex="-1">"No appointments can be booked online at the moment"</h1>
                <p>"To book, call " <PhoneNumber/> "."</p>
            }
            .into_any()
        }
        (Some(Ok(services)), Some(Ok(_))) => {
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
                    state.go(Route::new(allowed, choices), true);
                });
                return view! { <Loading label="Loading"/> }.into_any();
            }
            match step {
                Step::Service => view! { <ServicePage services=services/> }.into_any(),
                Step::Screening => view! { <ScreeningPage services=services/> }.into_any(),
                Step::Urgent => view! { <UrgentPage services=services/> }.into_any(),
                Step::Band => view! { <BandPage services=services/> }.into_any(),
                Step::Locality => view! { <LocalityPage services=services/> }.into_any(),
                Step::Slot => view! { <SlotPage services=services/> }.into_any(),
                Step::WhoFor => view! { <WhoForPage services=services/> }.into_any(),
                Step::Booker => view! { <BookerPage services=services/> }.into_any(),
                Step::Details => view! { <DetailsPage services=services/> }.into_any(),
                Step::Support => view! { <SupportPage services=services/> }.into_any(),
                Step::Needs => view! { <NeedsPage services=services/> }.into_any(),
                _ => view! { <CheckPage services=services/> }.into_any(),
            }
        }
    }
}
