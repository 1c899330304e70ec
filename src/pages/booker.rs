use booking_domain::booker::BookerForm;
use booking_domain::journey::Step;
use booking_domain::model::Service;
use booking_domain::validate::Field;
use leptos::prelude::*;

use crate::browser::{focus_heading, set_title};
use crate::components::{
    error_items, field_errors, field_message, BackLink, ErrorSummary, TextInput,
};
use crate::state::AppState;
use crate::words::{forms, questions::words};

/// "About you": the person booking for someone else (sent as `booked_by`).
#[component]
pub fn BookerPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let f = forms::words();
    let saved = state.draft.with_untracked(|d| d.booker.clone());
    let name = RwSignal::new(saved.name);
    let relationship = RwSignal::new(saved.relationship);
    let phone = RwSignal::new(saved.phone);
    let errors = field_errors(state, Step::Booker);
    Effect::new(move |_| set_title(Step::Booker.title(), errors.with(|e| !e.is_empty())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = BookerForm {
            name: name.get_untracked(),
            relationship: relationship.get_untracked(),
            phone: phone.get_untracked(),
        };
        match form.validate() {
            Ok(_) => {
                errors.set(Vec::new());
                state.draft.update(|d| d.save_booker(form));
                state.go_on();
            }
            Err(list) => {
                state.draft.update(|d| d.booker = form);
                errors.set(list);
                focus_heading();
            }
        }
    };
    view! {
        <BackLink to=state.draft.with_untracked(|d| d.previous(Step::Booker, &services))/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=error_items(errors)/>
            <h1 tabindex="-1">{Step::Booker.title()}</h1>
            <p>{w.booker_intro}</p>
            <TextInput id=Field::BookerName.id() label=w.booker_name value=name
                error=field_message(errors, Field::BookerName) autocomplete="name" no_spellcheck=true width="20"/>
            <TextInput id=Field::BookerRelationship.id() label=w.booker_relationship
                hint=w.booker_relationship_hint
                value=relationship error=field_message(errors, Field::BookerRelationship) width="20"/>
            <TextInput id=Field::BookerPhone.id() label=w.booker_phone
                hint=w.booker_phone_hint
                value=phone error=field_message(errors, Field::BookerPhone) autocomplete="tel" kind="tel" width="20"/>
            <button class="nhsb-button" type="submit">{f.continue_button}</button>
        </form>
    }
}
