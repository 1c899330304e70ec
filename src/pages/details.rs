use booking_domain::booker::about_them;
use booking_domain::journey::Step;
use booking_domain::model::Service;
use booking_domain::validate::{DetailsForm, Field};
use leptos::prelude::*;

use crate::browser::{focus_heading, set_title, today};
use crate::components::{
    error_items, field_errors, field_message, BackLink, Checkbox, DateInput, ErrorSummary,
    TextInput,
};
use crate::state::AppState;
use crate::words::{forms, questions};

/// "Your details": name, date of birth, NHS number (or not known), mobile, email, reminders.
/// Booking for someone else, "Their details", every word about the patient in the third person.
#[component]
pub fn DetailsPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (them, back) = state
        .draft
        .with_untracked(|d| (d.for_someone_else(), d.previous(Step::Details, &services)));
    let w = questions::words();
    let f = forms::words();
    let saved = state.draft.with_untracked(|d| d.details.clone());
    let given_name = RwSignal::new(saved.given_name);
    let family_name = RwSignal::new(saved.family_name);
    let dob_day = RwSignal::new(saved.dob_day);
    let dob_month = RwSignal::new(saved.dob_month);
    let dob_year = RwSignal::new(saved.dob_year);
    let nhs_number = RwSignal::new(saved.nhs_number);
    let no_nhs_number = RwSignal::new(saved.no_nhs_number);
    let phone = RwSignal::new(saved.phone);
    let email = RwSignal::new(saved.email);
    let remind_sms = RwSignal::new(saved.remind_sms);
    let remind_email = RwSignal::new(saved.remind_email);
    let form = move || DetailsForm {
        given_name: given_name.get_untracked(),
        family_name: family_name.get_untracked(),
        dob_day: dob_day.get_untracked(),
        dob_month: dob_month.get_untracked(),
        dob_year: dob_year.get_untracked(),
        nhs_number: nhs_number.get_untracked(),
        no_nhs_number: no_nhs_number.get_untracked(),
        phone: phone.get_untracked(),
        email: email.get_untracked(),
        remind_sms: remind_sms.get_untracked(),
        remind_email: remind_email.get_untracked(),
    };
    // Errors the API found (422) arrive here once; the patient's own come from validation.
    let errors = field_errors(state, Step::Details);
    let title = if them {
        w.details_title_them
    } else {
        Step::Details.title()
    };
    // About the patient (you) or about someone else (they).
    let pick = |you: &'static str, they: &'static str| if them { they } else { you };
    Effect::new(move |_| set_title(title, errors.with(|e| !e.is_empty())));
    let message = move |field: Field| field_message(errors, field);
    let dob_error = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|e| matches!(e.field, Field::DobDay | Field::DobMonth | Field::DobYear))
                .map(|e| (e.field, e.message.clone()))
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = form();
        match details.validate(today()) {
            Ok(_) => {
                errors.set(Vec::new());
                state.draft.update(|d| d.save_details(details));
                state.go_on();
            }
            Err(mut list) => {
                // Keep what was typed, even when it is wrong: nothing is retyped.
                state.draft.update(|d| d.details = details);
                if them {
                    for e in &mut list {
                        e.message = about_them(&e.message);
                    }
                }
                errors.set(list);
                focus_heading();
            }
        }
    };
    let summary = error_items(errors);
    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary/>
            <h1 tabindex="-1">{title}</h1>
            <p>{pick(w.details_intro, w.details_intro_them)}</p>
            <TextInput id=Field::GivenName.id() label=w.first_name value=given_name error=message(Field::GivenName)
                autocomplete="given-name" no_spellcheck=true width="20"/>
            <TextInput id=Field::FamilyName.id() label=w.last_name value=family_name error=message(Field::FamilyName)
                autocomplete="family-name" no_spellcheck=true width="20"/>
            <DateInput id="dob" legend=pick(w.dob, w.dob_them) hint=w.dob_hint
                day=dob_day month=dob_month year=dob_year error=dob_error/>
            <div class="nhsb-form-group">
                <TextInput id=Field::NhsNumber.id() label=pick(w.nhs_number, w.nhs_number_them)
                    hint=w.nhs_number_hint
                    value=nhs_number error=message(Field::NhsNumber) inputmode="numeric" no_spellcheck=true width="10"/>
                <div class="nhsb-checkboxes">
                    <Checkbox id="no-nhs-number" label=pick(w.no_nhs_number, w.no_nhs_number_them) checked=no_nhs_number
                        hint=pick(w.no_nhs_hint, w.no_nhs_hint_them)/>
                </div>
            </div>
            <TextInput id=Field::Phone.id() label=pick(w.phone, w.phone_them)
                hint=pick(w.phone_hint, w.phone_hint_them)
                value=phone error=message(Field::Phone) autocomplete="tel" kind="tel" width="20"/>
            <TextInput id=Field::Email.id() label=pick(w.email, w.email_them)
                value=email error=message(Field::Email) autocomplete="email" kind="email" no_spellcheck=true/>
            <div class="nhsb-form-group" class:nhsb-form-group--error=move || message(Field::Reminders).with(Option::is_some)>
                <fieldset class="nhsb-fieldset" aria-describedby="reminders-hint">
                    <legend class="nhsb-fieldset__legend">{pick(w.reminders, w.reminders_them)}</legend>
                    <div class="nhsb-hint" id="reminders-hint">{pick(w.reminders_hint, w.reminders_hint_them)}</div>
                    {move || message(Field::Reminders).get().map(|e| view! {
                        <p class="nhsb-error-message" id="reminders-error"><span class="nhsb-visually-hidden">{f.error_prefix}</span>{e}</p>
                    })}
                    <div class="nhsb-checkboxes">
                        <Checkbox id=Field::Reminders.id() label=w.remind_sms checked=remind_sms/>
                        <Checkbox id="remind-email" label=w.remind_email checked=remind_email/>
                    </div>
                </fieldset>
            </div>
            <button class="nhsb-button" type="submit">{f.continue_button}</button>
        </form>
    }
}
