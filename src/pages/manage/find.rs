use booking_domain::journey::Step;
use booking_domain::lang::around;
use booking_domain::manage::{normalise_reference, ManageSession};
use booking_domain::outcome::Outcome;
use leptos::prelude::*;

use crate::components::{
    ApiProblem, DateInput, ErrorSummary, ReferenceAndDob, StepLink, TextInput,
};
use crate::state::AppState;
use crate::submit::{done_or_show, Submission};
use crate::words::manage::words;

/// The reference box's id (the error summary links to it).
const REFERENCE: &str = "reference";

/// "Find your appointment": booking reference and date of birth.
#[component]
pub fn FindBookingPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let form = ReferenceAndDob::new(REFERENCE, String::new(), Default::default());
    let submission = Submission::with_field_errors(Step::ManageFind.title(), form.has_errors());
    // Not found: said once, for both fields, so it does not reveal which one was wrong.
    let not_found = move || {
        submission
            .shown
            .with(|s| matches!(s, Some(Outcome::NotFound)))
    };
    let summary = form.summary(not_found, w.not_found);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submission.sending.get_untracked() {
            return;
        }
        submission.shown.set(None);
        let Some((reference, dob)) = form.read(normalise_reference) else {
            return;
        };
        let client = state.client();
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
    let (asked, after_asked) = around(w.asked_for_texts, "link");
    view! {
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary/>
            // Not found is said in the error summary; anything else is a problem with a way on.
            {move || submission.shown.with(|s| match s {
                Some(Outcome::NotFound) | None => None,
                Some(other) => other.as_problem(),
            }).map(|e| view! { <ApiProblem error=e/> })}
            <h1 tabindex="-1">{Step::ManageFind.title()}</h1>
            <p>{w.find_intro}</p>
            <TextInput id=REFERENCE label=w.reference_label hint=w.reference_hint
                value=form.reference error=form.reference_error autocomplete="off" no_spellcheck=true width="10"/>
            <DateInput id="dob" legend=w.dob_legend hint=w.dob_hint
                day=form.day month=form.month year=form.year error=form.dob_error/>
            <button class="nhsb-button" type="submit" disabled=move || submission.sending.get()>
                {move || if submission.sending.get() { w.finding } else { w.find_button }}
            </button>
        </form>
        // Someone who asked for texts about earlier times without a booking stops them here.
        {move || state.services.with(|s| matches!(s, Some(Ok(list)) if list.iter().any(|s| s.offers.slot_alerts)))
            .then(|| view! {
                <p>{asked} <StepLink to=Step::AlertStop>{w.stop_texts}</StepLink> {after_asked}</p>
            })}
    }
}
