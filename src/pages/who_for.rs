use booking_domain::booker::WhoFor;
use booking_domain::journey::Step;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::components::{Choice, SingleChoiceQuestion};
use crate::state::AppState;
use crate::words::questions::words;

/// "Who is this appointment for?": the patient, or someone they book for (API 1.1 `booked_by`).
#[component]
pub fn WhoForPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let choice =
        |w: WhoFor, hint: &str| Choice::described(w.value().into(), w.label().into(), hint.into());
    view! {
        <SingleChoiceQuestion
            step=Step::WhoFor
            back=state.draft.with_untracked(|d| d.previous(Step::WhoFor, &services))
            name="who-for"
            items=vec![
                choice(WhoFor::Me, ""),
                choice(WhoFor::SomeoneElse, w.someone_else_hint),
            ]
            initial=state.draft.with_untracked(|d| d.who_for.map(|w| w.value().to_string()))
            missing=w.who_for_missing
            answer=Callback::new(move |value: String| {
                if let Some(who) = WhoFor::from_value(&value) {
                    state.draft.update(|d| d.choose_who_for(who));
                }
            })
        />
    }
}
