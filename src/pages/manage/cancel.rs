use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::lang::{around, fill};
use booking_domain::manage::cancel_reasons;
use booking_domain::model::CancelRequest;
use booking_domain::outcome::Outcome;
use leptos::prelude::*;

use super::session_or_find;
use crate::browser::set_title;
use crate::components::{
    ApiProblem, AppointmentSummary, BackLink, Choice, Feedback, PhoneNumber, Problem, Radios,
    ReferencePanel, StepLink,
};
use crate::state::AppState;
use crate::submit::{done_or_show, Submission};
use crate::words::manage::words;

/// "Are you sure you want to cancel this appointment?", with an optional reason.
#[component]
pub fn CancelPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let w = words();
    let reason = RwSignal::new(None::<String>);
    let submission = Submission::new(Step::ManageCancel.title());
    let reference = session.booking.reference.clone();
    let until = (session.booking.cancel_before)
        .map(|c| fill(w.cancel_until, &[("time", &format::date_time(&c))]));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = CancelRequest {
            date_of_birth: session.date_of_birth,
            reason: reason.get_untracked(),
        };
        let reference = reference.clone();
        submission.send(
            async move { Outcome::of(state.client().cancel(&reference, &body).await) },
            move |outcome| {
                done_or_show(outcome, |booking| {
                    state.manage.update(|m| {
                        if let Some(m) = m {
                            m.booking = booking;
                        }
                    });
                    state.go_to(Step::ManageCancelled);
                })
            },
        );
    };
    let until = StoredValue::new(until);
    let problem = move || match submission.shown.get()? {
        Outcome::TooLate => {
            let (call, after_call) = around(w.cancel_call, "phone");
            Some(
                view! {
                    <Problem title=w.too_late_to_cancel>
                        <p>{until.get_value()} {call} <PhoneNumber/> {after_call}</p>
                    </Problem>
                }
                .into_any(),
            )
        }
        _ => submission
            .problem()
            .map(|e| view! { <ApiProblem error=e/> }.into_any()),
    };
    let items = cancel_reasons()
        .iter()
        .map(|(value, label)| Choice {
            value: value.to_string(),
            label: label.to_string(),
            hint: vec![],
        })
        .collect();
    view! {
        <BackLink to=Step::ManageBooking/>
        {problem}
        <h1 tabindex="-1">{Step::ManageCancel.title()}</h1>
        <AppointmentSummary booking=session.booking.clone()/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <Radios name="reason" legend=w.reason_legend.to_string()
                hint=Some(w.reason_hint.to_string())
                items=items selected=reason error=Signal::derive(|| None::<String>)/>
            <button class="nhsb-button nhsb-button--warning" type="submit" disabled=move || submission.sending.get()>
                {move || if submission.sending.get() { w.cancelling } else { w.confirm_cancel }}
            </button>
        </form>
        <p><StepLink to=Step::ManageBooking>{w.keep}</StepLink></p>
    }
    .into_any()
}

/// "Appointment cancelled".
#[component]
pub fn CancelledPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::ManageCancelled.title(), false);
    let w = words();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    view! {
        <ReferencePanel title=Step::ManageCancelled.title() lead=w.reference_label booking=session.booking.clone()/>
        <p>{w.cancelled_text}</p>
        <AppointmentSummary booking=session.booking/>
        <p>
            <StepLink to=Step::Start on_follow=move |_| {
                state.manage.set(None);
                state.go_to(Step::Start);
            }>{w.book_another}</StepLink>
        </p>
        <Feedback did="cancel" step="manage/cancelled" title=Step::ManageCancelled.title()/>
    }
    .into_any()
}
