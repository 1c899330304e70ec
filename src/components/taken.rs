use booking_domain::browse::NearestSearch;
use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::lang::{around, fill};
use booking_domain::model::Slot;
use booking_domain::outcome::taken_title;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Choice, ErrorItem, ErrorSummary, Loading, PhoneNumber, Radios, StepLink};
use crate::browser::{focus_heading, now};
use crate::state::AppState;
use crate::words::check::words;

/// Someone else took the time first: say so plainly, keep everything, offer the nearest free
/// times at the same place (fetched here) and every other time.
#[component]
pub fn TakenTimes(
    /// What is kept ("We have kept all your answers…" or "Your original appointment … is kept").
    intro: String,
    /// Finds the nearest free times to the one taken.
    nearest: NearestSearch,
    /// The place's name, for the question.
    place: String,
    on_choose: Callback<Slot>,
    /// The full time picker, for "See all available times".
    all_times: Step,
    /// The page's heading, when not that the time was just taken (a held time that ran out).
    #[prop(optional)]
    heading: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    if heading.is_none() {
        crate::measure::problem("taken");
    }
    // Fetched once (a spawned task, not a resource: nothing here ever asks again).
    let found = RwSignal::new(None::<Vec<Slot>>);
    spawn_local(async move { found.set(Some(nearest.fetch(state.client(), now()).await)) });
    let selected = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = selected.get_untracked().and_then(|id| {
            found
                .get_untracked()
                .and_then(|list| list.into_iter().find(|s| *s.id == id))
        });
        match chosen {
            Some(slot) => on_choose.run(slot),
            None => {
                error.set(Some(w.taken_error.into()));
                focus_heading();
            }
        }
    };
    let times = move || {
        let Some(list) = found.get() else {
            return view! { <Loading label=w.taken_loading/> }.into_any();
        };
        if list.is_empty() {
            return view! { <p>{w.taken_none}</p> }.into_any();
        }
        let items: Vec<Choice> = list
            .iter()
            .map(|s| Choice {
                value: s.id.to_string(),
                label: format::date_time(&s.start),
                hint: vec![format::mode_label(s.mode).to_string()],
            })
            .collect();
        view! {
            <Radios name="nearest" legend=fill(w.taken_nearest, &[("place", &place)]) items=items selected=selected error=error/>
            <button class="nhsb-button" type="submit">{w.continue_button}</button>
        }
        .into_any()
    };
    let (call, after_call) = around(w.help_call, "phone");
    view! {
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || error.get().map(|e| vec![ErrorItem::new("nearest", e)]).unwrap_or_default())/>
            <h1 tabindex="-1">{heading.unwrap_or_else(taken_title)}</h1>
            <p>{intro}</p>
            {times}
            <p><StepLink to=all_times>{w.taken_all_times}</StepLink></p>
            <p>{call} <PhoneNumber/> {after_call}</p>
        </form>
    }
}
