use booking_domain::journey::Step;
use leptos::prelude::*;

use super::{BackLink, Choice, ErrorItem, ErrorSummary, Radios};
use crate::browser::{focus_heading, set_title};
use crate::state::AppState;
use crate::words::forms::words;

/// A page that asks one question answered by one choice, then goes on to the next (service,
/// clinician, location, who for, support).
#[component]
pub fn SingleChoiceQuestion(
    step: Step,
    back: Step,
    /// Id prefix of the radios.
    name: &'static str,
    /// The question, when not the step's own title (said about someone else).
    #[prop(optional)]
    question: Option<&'static str>,
    #[prop(optional)] hint: Option<String>,
    items: Vec<Choice>,
    /// The current answer.
    initial: Option<String>,
    /// Said when nothing is chosen.
    missing: &'static str,
    /// Records the answer in the draft.
    answer: Callback<String>,
    /// Goes on after the answer (the draft's next question unless given).
    #[prop(optional)]
    go_on: Option<Callback<()>>,
    /// Shown under the radios (e.g. places with no times).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let question = question.unwrap_or(step.title());
    let selected = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| set_title(question, error.with(Option::is_some)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            Some(value) => {
                answer.run(value);
                match go_on {
                    Some(go_on) => go_on.run(()),
                    None => state.go_on(),
                }
            }
            None => {
                error.set(Some(missing.to_string()));
                focus_heading();
            }
        }
    };
    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || {
                error.get().map(|e| vec![ErrorItem::new(name, e)]).unwrap_or_default()
            })/>
            <Radios name=name legend=question.to_string() heading=true hint=hint items=items selected=selected error=error/>
            {children.map(|c| c())}
            <button class="nhsb-button" type="submit">{w.continue_button}</button>
        </form>
    }
}
