use booking_domain::api::SlotQuery;
use booking_domain::format;
use booking_domain::ids::{BandId, LocalityId, ServiceId};
use booking_domain::journey::Step;
use booking_domain::model::Slot;
use booking_domain::schedule;
use chrono::Duration;
use leptos::prelude::*;

use crate::components::{Choice, ErrorSummary, PhoneNumber, Radios};
use crate::routes;
use crate::state::{now, AppState};

/// Up to five free times nearest to one that was just taken, with the same service, clinician
/// and place.
pub async fn nearest_free(
    state: AppState,
    service: ServiceId,
    band: BandId,
    locality: LocalityId,
    taken: &Slot,
) -> Vec<Slot> {
    let from = (taken.start.date_naive() - Duration::days(7)).max(now().date_naive());
    let query = SlotQuery {
        service: service,
        band: band,
        locality: locality,
        from,
        to: from + Duration::days(30),
    };
    match state.client.all_slots(&query).await {
        Ok(page) => {
            let free: Vec<Slot> = schedule::slots_by_day(&page.slots, now())
                .into_iter()
                .flat_map(|d| d.slots)
                .collect();
            schedule::nearest_slots(&free, &taken.start, &taken.id, 5)
        }
        Err(_) => Vec::new(),
    }
}

/// Someone else took the time first: say so plainly, keep everything, offer the nearest times.
#[component]
pub fn TakenPage(
    /// What is kept ("We have kept all your answers…" or "Your original appointment … is kept").
    intro: String,
    nearest: Vec<Slot>,
    /// The place's name, for the question.
    place: String,
    on_choose: Callback<Slot>,
    /// The full time picker, for "See all available times".
    all_times: Step,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let items: Vec<Choice> = nearest
        .iter()
        .map(|s| Choice {
            value: s.id.to_string(),
            label: format::date_time(&s.start),
            hint: vec![format::mode_label(s.mode).to_string()],
        })
        .collect();
    let has_items = !items.is_empty();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected
            .get_untracked()
            .and_then(|id| nearest.iter().find(|s| *s.id == *id).cloned())
        {
            Some(slot) => on_choose.run(slot),
            None => {
                error.set(Some("Select another time".into()));
                state.focus_heading();
            }
        }
    };
    view! {
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || error.get().map(|e| vec![("nearest".to_string(), e)]).unwrap_or_default())/>
            <h1 tabindex="-1">"That time has just been booked by someone else"</h1>
            <p>{intro}</p>
            {if has_items {
                view! {
                    <Radios name="nearest" legend=format!("Nearest times at {place}") items=items selected=selected error=error/>
                    <button class="nhsb-button" type="submit">"Continue"</button>
                }.into_any()
            } else {
                view! { <p>"There are no other times close to that one."</p> }.into_any()
            }}
            <p>
                <a class="nhsb-link" href=routes::href(&state, all_times, true)
                    on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, all_times) }
                >"See all available times"</a>
            </p>
            <p>"If you need help, call " <PhoneNumber/> "."</p>
        </form>
    }
}
