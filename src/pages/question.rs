use booking_domain::api::ErrorCode;
use booking_domain::journey::{Route, Step};
use leptos::prelude::*;

use super::{
    BandPage, CheckPage, DetailsPage, InviteExpiredPage, LocalityPage, ServicePage, SlotPage,
};
use crate::browser::set_title;
use crate::components::{
    ApiProblem, BackLink, Choice, ErrorItem, ErrorSummary, Loading, PhoneNumber, Radios,
};
use crate::state::AppState;

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
        (_, Some(Err(error))) if error.code() == Some(&ErrorCode::NotFound) => {
            view! { <InviteExpiredPage/> }.into_any()
        }
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
                Step::Band => view! { <BandPage services=services/> }.into_any(),
                Step::Locality => view! { <LocalityPage services=services/> }.into_any(),
                Step::Slot => view! { <SlotPage services=services/> }.into_any(),
                Step::Details => view! { <DetailsPage/> }.into_any(),
                _ => view! { <CheckPage/> }.into_any(),
            }
        }
    }
}

/// A page that asks one question answered by one choice (service, clinician, location).
#[component]
pub fn SingleChoicePage(
    step: Step,
    back: Step,
    /// Id prefix of the radios.
    name: &'static str,
    #[prop(optional)] hint: Option<String>,
    items: Vec<Choice>,
    /// The current answer.
    initial: Option<String>,
    /// Said when nothing is chosen.
    missing: &'static str,
    /// Records the answer in the draft.
    answer: Callback<String>,
    /// Shown under the radios (e.g. places with no times).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| set_title(step.title(), error.with(Option::is_some)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            Some(value) => {
                answer.run(value);
                state.go_on();
            }
            None => {
                error.set(Some(missing.to_string()));
                crate::browser::focus_heading();
            }
        }
    };
    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || {
                error.get().map(|e| vec![ErrorItem::new(name, e)]).unwrap_or_default()
            })/>
            <Radios name=name legend=step.title().to_string() heading=true hint=hint items=items selected=selected error=error/>
            {children.map(|c| c())}
            <button class="nhsb-button" type="submit">"Continue"</button>
        </form>
    }
}
