use booking_domain::api::{ApiError, ErrorCode};
use booking_domain::journey::Step;
use booking_domain::manage::{normalise_reference, ManageSession};
use booking_domain::validate::{date_of_birth, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{ApiProblem, DateInput, ErrorSummary, TextInput};
use crate::routes;
use crate::state::{set_title, today, AppState};

const NOT_FOUND: &str =
    "We could not find a booking with those details. Check your booking reference and date of birth";

/// "Find your appointment": booking reference and date of birth.
#[component]
pub fn FindBookingPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reference = RwSignal::new(String::new());
    let (day, month, year) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let reference_error = RwSignal::new(None::<String>);
    let dob_error = RwSignal::new(None::<(Field, String)>);
    // Not found: said once, for both fields, so it does not reveal which one was wrong.
    let not_found = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let searching = RwSignal::new(false);
    let has_errors = move || {
        reference_error.with(Option::is_some)
            || dob_error.with(Option::is_some)
            || not_found.get()
            || failure.with(Option::is_some)
    };
    Effect::new(move |_| set_title(Step::ManageFind.title(), has_errors()));
    let summary = Signal::derive(move || {
        let mut list = Vec::new();
        if not_found.get() {
            list.push(("reference".to_string(), NOT_FOUND.to_string()));
        }
        if let Some(e) = reference_error.get() {
            list.push(("reference".to_string(), e));
        }
        if let Some((field, e)) = dob_error.get() {
            list.push((field.id().to_string(), e));
        }
        list
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if searching.get_untracked() {
            return;
        }
        not_found.set(false);
        failure.set(None);
        let r = normalise_reference(&reference.get_untracked());
        let d = date_of_birth(
            &day.get_untracked(),
            &month.get_untracked(),
            &year.get_untracked(),
            today(),
        );
        reference_error.set(r.as_ref().err().map(|e| e.to_string()));
        dob_error.set(d.as_ref().err().map(|e| (e.field, e.message.clone())));
        let (Ok(reference), Ok(dob)) = (r, d) else {
            state.focus_heading();
            return;
        };
        searching.set(true);
        spawn_local(async move {
            match state.client.find_booking(&reference, dob).await {
                Ok(booking) => {
                    state.manage.set(Some(ManageSession {
                        booking,
                        date_of_birth: dob,
                        new_slot: None,
                        reschedule_key: None,
                    }));
                    routes::go_to(&state, Step::ManageBooking);
                }
                Err(e) if e.code() == Some(&ErrorCode::NotFound) => {
                    not_found.set(true);
                    state.focus_heading();
                }
                Err(e) => {
                    failure.set(Some(e));
                    state.focus_heading();
                }
            }
            searching.set(false);
        });
    };
    view! {
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary/>
            {move || failure.get().map(|e| view! { <ApiProblem error=e/> })}
            <h1 tabindex="-1">{Step::ManageFind.title()}</h1>
            <p>"To change or cancel your appointment, enter your booking reference and date of birth. Your reference is in the text message we sent you and on your confirmation page."</p>
            <TextInput id="reference" label="Booking reference" hint="For example, PHY-7K3Q9D"
                value=reference error=reference_error autocomplete="off" no_spellcheck=true width="10"/>
            <DateInput id="dob" legend="Date of birth" hint="For example, 15 3 1984"
                day=day month=month year=year error=dob_error/>
            <button class="nhsb-button" type="submit" disabled=move || searching.get()>
                {move || if searching.get() { "Finding your appointment…" } else { "Find appointment" }}
            </button>
        </form>
    }
}
