use booking_domain::journey::Step;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::components::{Choice, SingleChoiceQuestion};
use crate::state::AppState;

/// "Do you need any support at your appointment?" (the Accessible Information Standard asks
/// every service to find out): yes leads to what support, no to checking the answers.
#[component]
pub fn SupportPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let them = state.draft.with_untracked(|d| d.for_someone_else());
    let (question, missing) = if them {
        (
            "Do they need any support at their appointment?",
            "Select yes if they need any support",
        )
    } else {
        (Step::Support.title(), "Select yes if you need any support")
    };
    let yes_no =
        |value: &str, label: &str| Choice::described(value.into(), label.into(), String::new());
    view! {
        <SingleChoiceQuestion
            step=Step::Support
            question=question
            back=state.draft.with_untracked(|d| d.previous(Step::Support, &services))
            name="support"
            hint="For example, an interpreter, letters in large print or easy read, step-free access or a longer appointment.".to_string()
            items=vec![yes_no("yes", "Yes"), yes_no("no", "No")]
            initial=state.draft.with_untracked(|d| d.support.map(|s| if s { "yes" } else { "no" }.to_string()))
            missing=missing
            answer=Callback::new(move |value: String| state.draft.update(|d| d.choose_support(value == "yes")))
        />
    }
}
