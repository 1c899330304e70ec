use booking_domain::journey::Step;
use booking_domain::manage::{normalise_reference, ManageSession};
use booking_domain::outcome::Outcome;
use booking_domain::validate::{date_of_birth, Field};
use leptos::prelude::*;

use crate::browser::{focus_heading, today};
use crate::components::{ApiProblem, DateInput, ErrorItem, ErrorSummary, StepLink, TextInput};
use crate::state::AppState;
use crate::submit::{done_or_show, Submission};

/// The reference box's id (the error summary links to it).
const REFERENCE: &str = "reference";

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
    let field_errors = Signal::derive(move || {
        reference_error.with(Option::is_some) || dob_error.with(Option::is_some)
    });
    let submission = Submission::with_field_errors(Step::ManageFind.title(), field_errors);
    // Not found: said once, for both fields, so it does not reveal which one was wrong.
    let not_found = move || {
        submission
            .shown
            .with(|s| matches!(s, Some(Outcome::NotFound)))
    };
    let summary = Signal::derive(move || {
        let mut list = Vec::new();
        if not_found() {
            list.push(ErrorItem::new(REFERENCE, NOT_FOUND));
        }
        if let Some(e) = reference_error.get() {
            list.push(ErrorItem::new(REFERENCE, e));
        }
        if let Some((field, e)) = dob_error.get() {
            list.push(ErrorItem::new(field.id(), e));
        }
        list
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submission.sending.get_untracked() {
            return;
        }
        submission.shown.set(None);
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
            focus_heading();
            return;
        };
        let client = state.client;
        submission.send(
            async move { Outcome::of(client.find_booking(&reference, dob).await) },
            move |outcome| {
                done_or_show(outcome, |booking| {
                    state.manage.set(Some(ManageSession {
                        booking,
                        date_of_birth: dob,
                        new_slot: None,
                        reschedule_key: None,
                    }));
                    state.go_to(Step::ManageBooking);
                })
            },
        );
    };
    view! {
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary/>
            // Not found is said in the error summary; anything else is a problem with a way on.
            {move || submission.shown.with(|s| match s {
                Some(Outcome::NotFound) | None => None,
                Some(other) => other.as_problem(),
            }).map(|e| view! { <ApiProblem error=e/> })}
            <h1 tabindex="-1">{Step::ManageFind.title()}</h1>
            <p>"To change or cancel your appointment, enter your booking reference and date of birth. Your reference is in the text message we sent you and on your confirmation page."</p>
            <TextInput id=REFERENCE label="Booking reference" hint="For example, PHY-7K3Q9D"
                value=reference error=reference_error autocomplete="off" no_spellcheck=true width="10"/>
            <DateInput id="dob" legend="Date of birth" hint="For example, 15 3 1984"
                day=day month=month year=year error=dob_error/>
            <button class="nhsb-button" type="submit" disabled=move || submission.sending.get()>
                {move || if submission.sending.get() { "Finding your appointment…" } else { "Find appointment" }}
            </button>
        </form>
        // Someone who asked for texts about earlier times without a booking stops them here.
        {move || state.services.with(|s| matches!(s, Some(Ok(list)) if list.iter().any(|s| s.offers.slot_alerts)))
            .then(|| view! {
                <p>"Asked us to text you about earlier times? " <StepLink to=Step::AlertStop>"Stop texts about earlier times"</StepLink></p>
            })}
    }
}
