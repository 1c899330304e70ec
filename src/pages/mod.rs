//! One file per page: each a thin view over the domain's screen models (`booking_domain::
//! {answers, browse, outcome, draft}`) built from the shared components. No page imports
//! another page; what two pages share lives in `components/`.

mod accessibility;
mod alerts;
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
mod offer;
mod screening;
mod service;
mod slot;
mod start;
mod support;
mod urgent;
mod who_for;

use accessibility::AccessibilityPage;
use alerts::AlertPage;
use band::BandPage;
use booker::BookerPage;
use booking_domain::journey::{Route, Step};
use booking_domain::lang::around;
use check::CheckPage;
use confirmation::ConfirmationPage;
use details::DetailsPage;
use invite::InviteExpiredPage;
use leptos::prelude::*;
use locality::LocalityPage;
use manage::*;
use needs::NeedsPage;
use not_found::NotFoundPage;
use offer::OfferPage;
use screening::ScreeningPage;
use service::ServicePage;
use slot::SlotPage;
use start::StartPage;
use support::SupportPage;
use urgent::UrgentPage;
use who_for::WhoForPage;

use std::future::Future;
use std::pin::Pin;

use crate::browser::set_title;
use crate::chunks::{Chunks, LoadError, Pages};
use crate::components::{ApiProblem, Loading, PhoneNumber};
use crate::state::AppState;
use crate::words::{layout, questions};

/// The page that shows `step`: the start page is in the main module; every other page comes
/// from its chunk (`crate::chunks`), and the chunks the patient
/// will need next are fetched once this page has shown.
pub fn page(step: Step) -> AnyView {
    let chunks = expect_context::<Chunks>();
    let state = expect_context::<AppState>();
    // After this page has painted, so fetching what comes next never delays it.
    request_animation_frame(move || {
        set_timeout(
            move || {
                prefetch(step, alerts_offered(state))
                    .iter()
                    .for_each(|&i| chunks.prefetch(i))
            },
            std::time::Duration::ZERO,
        )
    });
    match step {
        Step::Start => view! { <Start/> }.into_any(),
        _ => chunks.view(chunk_of(step), step),
    }
}

/// The number of chunks, and each one's index: booking (with waiting for an earlier time: the
/// time page's "Get a text…", a time held for the patient), and a booking found again with the
/// information pages. Fewer chunks cost fewer bytes in all (each is compressed alone, and code
/// two chunks share goes into a module of its own): one per page needed 30 files for the check
/// page, four by activity made 343 KB of wasm in 17 files, these two 322 KB in 6, against 276 KB
/// in one file; a booking fetches 293 KB, finding one 231 KB (BENCHMARKS.md, "Two page chunks").
pub const CHUNKS: usize = 3;
const JOURNEY: usize = 0;
const MANAGE: usize = 1;
/// Welsh: its words, then the whole app drawn in them (`crate::Pages`).
pub const WELSH: usize = 2;

/// The chunk that holds `step`'s page (not asked for the start page).
fn chunk_of(step: Step) -> usize {
    match step {
        Step::ManageFind
        | Step::ManageBooking
        | Step::ManageCancel
        | Step::ManageCancelled
        | Step::ManageSlot
        | Step::ManageCheck
        | Step::ManageChanged
        | Step::Accessibility
        | Step::NotFound => MANAGE,
        _ => JOURNEY,
    }
}

/// Whether the API offers earlier-time alerts (`false` until the service list is in).
fn alerts_offered(state: AppState) -> bool {
    state.services.with_untracked(
        |s| matches!(s, Some(Ok(list)) if list.iter().any(|s| s.offers.slot_alerts)),
    )
}

/// The chunks to fetch once `step`'s page shows: those of the pages that can come next
/// (`alerts`: the API offers earlier-time alerts, which "Your appointment" then links to).
fn prefetch(step: Step, alerts: bool) -> &'static [usize] {
    match step {
        Step::ManageBooking if alerts => &[MANAGE, JOURNEY],
        // A time held for the patient: taking it shows the confirmation, or moves a booking.
        Step::Offer | Step::AlertSet => &[JOURNEY, MANAGE],
        Step::Confirmation => &[],
        step if chunk_of(step) == MANAGE => &[MANAGE],
        _ => &[JOURNEY],
    }
}

/// Loads chunk `i` (at once without `--features split`).
pub fn load_chunk(i: usize) -> Pin<Box<dyn Future<Output = Result<Pages, LoadError>>>> {
    Box::pin(async move {
        match i {
            JOURNEY => journey().await,
            MANAGE => manage().await,
            _ => welsh().await,
        }
    })
}

/// A chunk: a function that returns its pages' renderer. With `--features split` it is a
/// `wasm_split` point, so the renderer and all it alone uses move into the chunk's module.
/// Every page in a chunk uses what this tab kept (the answers so far, the booking just made,
/// the one being changed): a chunk reads them when it has loaded (`AppState::restore`).
macro_rules! chunk {
    ($name:ident, |$step:ident| $body:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $name() -> Result<Pages, LoadError> {
            fn render($step: Step) -> AnyView {
                $body
            }
            Ok(Pages {
                render,
                ready: |state| state.restore(crate::measure::start),
            })
        }

        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<Pages, LoadError> {
            fn render($step: Step) -> AnyView {
                $body
            }
            Ok(Pages {
                render,
                ready: |state| state.restore(crate::measure::start),
            })
        }
    };
}

/// The `welsh` chunk: Welsh's words (`crate::words::load_welsh`, only called here) and the app
/// drawn in them.
macro_rules! welsh_chunk {
    ($name:ident $(, $attr:meta)?) => {
        $(#[$attr])?
        fn $name() -> Result<Pages, LoadError> {
            crate::words::load_welsh();
            Ok(Pages {
                render: |_| view! { <crate::Pages/> }.into_any(),
                ready: |state| state.restore(crate::measure::start),
            })
        }
    };
}

#[cfg(feature = "split")]
welsh_chunk!(
    welsh,
    leptos::wasm_split::wasm_split(welsh, fallible, wasm_split_path = ::leptos::wasm_split)
);

#[cfg(not(feature = "split"))]
async fn welsh() -> Result<Pages, LoadError> {
    welsh_sync()
}

#[cfg(not(feature = "split"))]
welsh_chunk!(welsh_sync);

chunk!(journey, |step| match step {
    Step::Confirmation => view! { <ConfirmationPage/> }.into_any(),
    Step::Offer => view! { <OfferPage/> }.into_any(),
    Step::AlertWhere
    | Step::AlertBefore
    | Step::AlertDetails
    | Step::AlertCheck
    | Step::AlertSet
    | Step::AlertStop => view! { <AlertPage step=step/> }.into_any(),
    question => view! { <Question step=question/> }.into_any(),
});

chunk!(manage, |step| match step {
    Step::ManageBooking => view! { <ManageBookingPage/> }.into_any(),
    Step::ManageCancel => view! { <CancelPage/> }.into_any(),
    Step::ManageCancelled => view! { <CancelledPage/> }.into_any(),
    Step::ManageSlot => view! { <NewTimePage/> }.into_any(),
    Step::ManageCheck => view! { <NewTimeCheckPage/> }.into_any(),
    Step::ManageChanged => view! { <ChangedPage/> }.into_any(),
    Step::ManageFind => view! { <FindBookingPage/> }.into_any(),
    Step::Accessibility => view! { <AccessibilityPage/> }.into_any(),
    // The start page of an SMS invite that is unknown or past its date.
    Step::Start => view! { <InviteExpiredPage/> }.into_any(),
    _ => view! { <NotFoundPage/> }.into_any(),
});

/// The start page, unless the SMS invite in the URL has expired: then that is the whole page
/// (no "Start now" into a journey it cannot begin).
#[component]
fn Start() -> impl IntoView {
    let state = expect_context::<AppState>();
    let expired = Memo::new(move |_| state.invite_expired());
    move || {
        if expired.get() {
            expect_context::<Chunks>().view(MANAGE, Step::Start)
        } else {
            view! { <StartPage/> }.into_any()
        }
    }
}

/// A booking question: waits for the service list (and the SMS invite), and sends the patient
/// to the first unanswered question when this one cannot be shown yet. In the journey chunk,
/// with the questions.
#[component]
fn Question(step: Step) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = questions::words();
    let loading = layout::words().loading;
    move || match (state.services.get(), state.invite.get()) {
        (None, _) | (_, None) => view! { <Loading label=loading/> }.into_any(),
        (Some(Err(error)), _) => {
            set_title(w.problem_title, true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| state.services.refetch())/> }
                .into_any()
        }
        (_, Some(Err(_))) if state.invite_expired() => {
            expect_context::<Chunks>().view(MANAGE, Step::Start)
        }
        (_, Some(Err(error))) => {
            set_title(w.problem_title, true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| state.invite.refetch())/> }
                .into_any()
        }
        (Some(Ok(services)), Some(Ok(_))) if services.is_empty() => {
            set_title(w.closed_title, false);
            let (call, after_call) = around(w.closed_call, "phone");
            view! {
                <h1 tabindex="-1">{w.closed_heading}</h1>
                <p>{call} <PhoneNumber/> {after_call}</p>
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
                return view! { <Loading label=loading/> }.into_any();
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
