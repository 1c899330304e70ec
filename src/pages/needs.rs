use booking_domain::journey::Step;
use booking_domain::languages::suggest;
use booking_domain::model::Service;
use booking_domain::support::{NeedsForm, ACCESS, COMMUNICATION, OTHER_MAX};
use booking_domain::validate::Field;
use leptos::prelude::*;

use crate::browser::{focus_heading, set_title};
use crate::components::{
    error_items, field_errors, field_message, Autocomplete, BackLink, CharacterCount, Checkboxes,
    Choice, ErrorSummary,
};
use crate::places::places;
use crate::state::AppState;

/// "What support do you need?": an interpreter, formats for letters, help at the appointment
/// and anything else (the Accessible Information Standard; sent as `needs`). The place's own
/// access notes are shown beside the access question.
#[component]
pub fn NeedsPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (saved, them, back) = state.draft.with_untracked(|d| {
        (
            d.needs.clone(),
            d.for_someone_else(),
            d.previous(Step::Needs, &services),
        )
    });
    let interpreter = RwSignal::new(saved.interpreter);
    let communication = RwSignal::new(saved.communication);
    let access = RwSignal::new(saved.access);
    let other = RwSignal::new(saved.other);
    let errors = field_errors(state, Step::Needs);
    let title = if them {
        "What support do they need?"
    } else {
        Step::Needs.title()
    };
    Effect::new(move |_| set_title(title, errors.with(|e| !e.is_empty())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = NeedsForm {
            interpreter: interpreter.get_untracked(),
            communication: communication.get_untracked(),
            access: access.get_untracked(),
            other: other.get_untracked(),
        };
        match form.validate() {
            Ok(_) => {
                errors.set(Vec::new());
                state.draft.update(|d| d.save_needs(form));
                state.go_on();
            }
            Err(list) => {
                state.draft.update(|d| d.needs = form);
                errors.set(list);
                focus_heading();
            }
        }
    };
    let choices = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(v, l)| Choice::described(v.to_string(), l.to_string(), String::new()))
            .collect::<Vec<_>>()
    };
    let localities = places(state);
    let place_access = move || {
        let id = state.draft.with(|d| d.locality.clone())?;
        let place = localities.get()?.ok()?.into_iter().find(|l| l.id == id)?;
        let access = place.access.filter(|a| !a.trim().is_empty())?;
        Some(view! {
            <div class="nhsb-inset-text">
                <p><strong>{format!("At {}", place.name)}</strong></p>
                <p>{access}</p>
            </div>
        })
    };
    let (whose, at) = if them {
        ("their", "At their appointment")
    } else {
        ("your", "At your appointment")
    };
    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=error_items(errors)/>
            <h1 tabindex="-1">{title}</h1>
            <p>{format!("Tell us what would help. We will add it to {whose} record so that staff can plan for it. Choose as many as apply.")}</p>
            <Autocomplete id=Field::NeedsInterpreter.id()
                label="Interpreter (optional)".to_string()
                hint="If an interpreter is needed, type the language, for example Polish or British Sign Language. Leave it blank if not.".to_string()
                value=interpreter error=field_message(errors, Field::NeedsInterpreter) suggest=suggest/>
            <Checkboxes name="needs-communication" legend="Letters and information".to_string()
                hint=Some("How we should send letters and information.".to_string())
                items=choices(&COMMUNICATION) chosen=communication error=Signal::stored(None::<String>)/>
            {place_access}
            <Checkboxes name="needs-access" legend=at.to_string()
                items=choices(&ACCESS) chosen=access error=Signal::stored(None::<String>)/>
            <CharacterCount id=Field::NeedsOther.id() label="Anything else (optional)".to_string()
                hint="For example, a medical condition or disability we should know about.".to_string()
                value=other max=OTHER_MAX error=field_message(errors, Field::NeedsOther)/>
            <button class="nhsb-button" type="submit">"Continue"</button>
        </form>
    }
}
