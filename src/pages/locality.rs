use booking_domain::answers::place_hint;
use booking_domain::journey::Step;
use booking_domain::model::Locality;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::{ApiProblem, BackLink, Choice, Loading, PhoneNumber, SingleChoiceQuestion};
use crate::places::places;
use crate::state::AppState;

/// "Where would you like your appointment?": each place with its address, access and the
/// next free time; places with nothing free say so instead of being offered.
#[component]
pub fn LocalityPage(services: Vec<booking_domain::model::Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let localities = places(state);
    let back = state
        .draft
        .with_untracked(|d| d.previous(Step::Locality, &services));
    move || match localities.get() {
        None => {
            set_title(Step::Locality.title(), false);
            view! { <BackLink to=back/><Loading label="Loading places"/> }.into_any()
        }
        Some(Err(error)) => {
            set_title(Step::Locality.title(), true);
            view! {
                <BackLink to=back/>
                <ApiProblem error=error heading=true retry=Callback::new(move |_| localities.refetch())/>
            }
            .into_any()
        }
        Some(Ok(list)) => choose(state, list, back).into_any(),
    }
}

fn choose(state: AppState, list: Vec<Locality>, back: Step) -> impl IntoView {
    let (open, full): (Vec<_>, Vec<_>) = list.into_iter().partition(|l| l.next_available.is_some());
    if open.is_empty() {
        set_title("No appointments available online", false);
        return view! {
            <BackLink to=back/>
            <h1 tabindex="-1">"No appointments available online"</h1>
            <p>"There are no appointments you can book online for this clinician at the moment."</p>
            <p>"Call " <PhoneNumber/> " to book."</p>
        }
        .into_any();
    }
    let items = open
        .into_iter()
        .map(|l| {
            let hint = place_hint(&l);
            Choice {
                value: l.id.to_string(),
                label: l.name,
                hint,
            }
        })
        .collect();
    let unavailable = (!full.is_empty()).then(|| {
        view! {
            <div class="nhsb-inset-text">
                <h2 class="nhsb-heading-s">"No appointments available online at"</h2>
                <ul class="nhsb-list nhsb-list--bullet">
                    {full.into_iter().map(|l| view! { <li>{l.name}</li> }).collect_view()}
                </ul>
                <p>"To book at one of these places, call " <PhoneNumber/> "."</p>
            </div>
        }
    });
    view! {
        <SingleChoiceQuestion
            step=Step::Locality
            back=back
            name="locality"
            items=items
            initial=state.draft.with_untracked(|d| d.locality.as_deref().map(str::to_string))
            missing="Select where you would like your appointment"
            answer=Callback::new(move |id: String| state.draft.update(|d| d.choose_locality(Some(id.into()))))
        >
            {unavailable}
        </SingleChoiceQuestion>
    }
    .into_any()
}
