use booking_domain::journey::Step;
use booking_domain::lang::fill;
use booking_domain::languages::suggest;
use booking_domain::model::Service;
use booking_domain::support::{self, NeedsForm, OTHER_MAX};
use booking_domain::validate::Field;
use leptos::prelude::*;

use crate::browser::{focus_heading, set_title};
use crate::components::{
    error_items, field_errors, field_message, Autocomplete, BackLink, CharacterCount, Checkboxes,
    Choice, ErrorSummary,
};
use crate::places::places;
use crate::state::AppState;
use crate::words::{forms, questions::words};

/// "What support do you need?": an interpreter, formats for letters, help at the appointment
/// and anything else (the Accessible Information Standard; sent as `needs`). The place's own
/// access notes are shown beside the access question.
#[component]
pub fn NeedsPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let f = forms::words();
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
        w.needs_title_them
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
                <p><strong>{fill(w.at_place, &[("place", &place.name)])}</strong></p>
                <p>{access}</p>
            </div>
        })
    };
    let (intro, at) = if them {
        (w.needs_intro_them, w.at_appointment_them)
    } else {
        (w.needs_intro, w.at_appointment)
    };
    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=error_items(errors)/>
            <h1 tabindex="-1">{title}</h1>
            <p>{intro}</p>
            <Autocomplete id=Field::NeedsInterpreter.id()
                label=w.interpreter.to_string()
                hint=w.interpreter_hint.to_string()
                value=interpreter error=field_message(errors, Field::NeedsInterpreter) suggest=suggest/>
            <Checkboxes name="needs-communication" legend=w.letters.to_string()
                hint=Some(w.letters_hint.to_string())
                items=choices(&support::communication()) chosen=communication error=Signal::stored(None::<String>)/>
            {place_access}
            <Checkboxes name="needs-access" legend=at.to_string()
                items=choices(&support::access()) chosen=access error=Signal::stored(None::<String>)/>
            <CharacterCount id=Field::NeedsOther.id() label=w.other.to_string()
                hint=w.other_hint.to_string()
                value=other max=OTHER_MAX error=field_message(errors, Field::NeedsOther)/>
            <button class="nhsb-button" type="submit">{f.continue_button}</button>
        </form>
    }
}
