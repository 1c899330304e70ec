use booking_domain::journey::Step;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::browser::{focus_heading, set_title};
use crate::components::{BackLink, Checkboxes, Choice, ErrorItem, ErrorSummary};
use crate::state::AppState;
use crate::words::{forms, questions::words};

const NONE: &str = "none";

/// "Do you have any of these symptoms?": the service's urgent symptoms in its clinicians' own
/// words (plain text), and "None of these". Any symptom → the urgent page; nothing is sent.
#[component]
pub fn ScreeningPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let f = forms::words();
    let (back, screening) = state.draft.with_untracked(|d| {
        let service = services.iter().find(|s| Some(&s.id) == d.service.as_ref());
        (
            d.previous(Step::Screening, &services),
            service.and_then(|s| s.screening.clone()),
        )
    });
    // The gate only shows this page when the service screens; an empty block reads as none.
    let screening = screening.unwrap_or_else(|| booking_domain::model::Screening {
        question: Step::Screening.title().into(),
        hint: String::new(),
        symptoms: Vec::new(),
        urgent: booking_domain::model::Urgent {
            heading: Step::Urgent.title().into(),
            text: String::new(),
            phone: String::new(),
        },
    });
    // In Welsh, our heading: the API gives the clinicians' words in English only.
    let welsh = booking_domain::lang::current() == booking_domain::lang::Lang::Cy;
    let question = if welsh || screening.question.trim().is_empty() {
        Step::Screening.title().to_string()
    } else {
        screening.question.clone()
    };
    let chosen = RwSignal::new(state.draft.with_untracked(|d| match &d.symptoms {
        Some(s) if s.is_empty() => vec![NONE.to_string()],
        Some(s) => s.clone(),
        None => Vec::new(),
    }));
    let error = RwSignal::new(None::<String>);
    let title = question.clone();
    Effect::new(move |_| set_title(&title, error.with(Option::is_some)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = chosen.get_untracked();
        if list.is_empty() {
            error.set(Some(w.screening_missing.into()));
            focus_heading();
            return;
        }
        let symptoms: Vec<String> = list.into_iter().filter(|s| s != NONE).collect();
        let urgent = !symptoms.is_empty();
        state.draft.update(|d| d.answer_screening(symptoms));
        if urgent {
            state.go_to(Step::Urgent);
        } else {
            state.go_on();
        }
    };
    let items = screening
        .symptoms
        .into_iter()
        .map(|s| Choice::described(s.id, s.text, String::new()))
        .collect();
    let hint = if welsh {
        Some(w.screening_hint.to_string())
    } else {
        Some(screening.hint).filter(|h| !h.trim().is_empty())
    };
    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || {
                error.get().map(|e| vec![ErrorItem::new("symptoms", e)]).unwrap_or_default()
            })/>
            <Checkboxes name="symptoms" legend=question heading=true hint=hint
                items=items chosen=chosen error=error
                exclusive=Choice::described(NONE.into(), w.none_of_these.into(), String::new())/>
            <button class="nhsb-button" type="submit">{f.continue_button}</button>
        </form>
    }
}
