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

/// "About you": the person booking for someone else (sent as `booked_by`).
#[component]
pub fn BookerPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
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
            <p>"You are booking for someone else. We will ask for their details next. We will only contact you if we need to talk about this appointment."</p>
            <TextInput id=Field::BookerName.id() label="Your full name" value=name
                error=field_message(errors, Field::BookerName) autocomplete="name" no_spellcheck=true width="20"/>
            <TextInput id=Field::BookerRelationship.id() label="Your relationship to them"
                hint="For example, daughter, husband or carer"
                value=relationship error=field_message(errors, Field::BookerRelationship) width="20"/>
            <TextInput id=Field::BookerPhone.id() label="Your phone number"
                hint="A mobile or landline number we can call you on"
                value=phone error=field_message(errors, Field::BookerPhone) autocomplete="tel" kind="tel" width="20"/>
            <button class="nhsb-button" type="submit">"Continue"</button>
        </form>
    }
}
