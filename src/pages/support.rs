use booking_domain::journey::Step;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::components::{Choice, SingleChoiceQuestion};
use crate::state::AppState;
use crate::words::questions::words;

/// "Do you need any support at your appointment?" (the Accessible Information Standard asks
/// every service to find out): yes leads to what support, no to checking the answers.
#[component]
pub fn SupportPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let them = state.draft.with_untracked(|d| d.for_someone_else());
    let (question, missing) = if them {
        (w.support_question_them, w.support_missing_them)
    } else {
        (Step::Support.title(), w.support_missing)
    };
    let yes_no =
        |value: &str, label: &str| Choice::described(value.into(), label.into(), String::new());
    view! {
        <SingleChoiceQuestion
            step=Step::Support
            question=question
            back=state.draft.with_untracked(|d| d.previous(Step::Support, &services))
            name="support"
            hint=w.support_hint.to_string()
            items=vec![yes_no("yes", w.yes), yes_no("no", w.no)]
            initial=state.draft.with_untracked(|d| d.support.map(|s| if s { "yes" } else { "no" }.to_string()))
            missing=missing
            answer=Callback::new(move |value: String| state.draft.update(|d| d.choose_support(value == "yes")))
        />
    }
}
