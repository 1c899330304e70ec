use booking_domain::answers::place_hint;
use booking_domain::journey::Step;
use booking_domain::lang::around;
use booking_domain::model::Locality;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::{ApiProblem, BackLink, Choice, Loading, PhoneNumber, SingleChoiceQuestion};
use crate::places::places;
use crate::state::AppState;
use crate::words::questions::{words, Words};

/// "Where would you like your appointment?": each place with its address, access and the
/// next free time; places with nothing free say so instead of being offered.
#[component]
pub fn LocalityPage(services: Vec<booking_domain::model::Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let localities = places(state);
    let back = state
        .draft
        .with_untracked(|d| d.previous(Step::Locality, &services));
    move || match localities.get() {
        None => {
            set_title(Step::Locality.title(), false);
            view! { <BackLink to=back/><Loading label=w.loading_places/> }.into_any()
        }
        Some(Err(error)) => {
            set_title(Step::Locality.title(), true);
            view! {
                <BackLink to=back/>
                <ApiProblem error=error heading=true retry=Callback::new(move |_| localities.refetch())/>
            }
            .into_any()
        }
        Some(Ok(list)) => choose(state, w, list, back).into_any(),
    }
}

fn choose(state: AppState, w: &'static Words, list: Vec<Locality>, back: Step) -> impl IntoView {
    let (open, full): (Vec<_>, Vec<_>) = list.into_iter().partition(|l| l.next_available.is_some());
    if open.is_empty() {
        set_title(w.no_places, false);
        let (call, after_call) = around(w.no_places_call, "phone");
        return view! {
            <BackLink to=back/>
            <h1 tabindex="-1">{w.no_places}</h1>
            <p>{w.no_places_text}</p>
            <p>{call} <PhoneNumber/> {after_call}</p>
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
        let (call, after_call) = around(w.full_call, "phone");
        view! {
            <div class="nhsb-inset-text">
                <h2 class="nhsb-heading-s">{w.full_heading}</h2>
                <ul class="nhsb-list nhsb-list--bullet">
                    {full.into_iter().map(|l| view! { <li>{l.name}</li> }).collect_view()}
                </ul>
                <p>{call} <PhoneNumber/> {after_call}</p>
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
            missing=w.locality_missing
            answer=Callback::new(move |id: String| state.draft.update(|d| d.choose_locality(Some(id.into()))))
        >
            {unavailable}
        </SingleChoiceQuestion>
    }
    .into_any()
}
