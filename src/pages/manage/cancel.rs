use booking_domain::api::{ApiError, ErrorCode};
use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::manage::CANCEL_REASONS;
use booking_domain::model::CancelRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::confirmation_links;
use super::session_or_find;
use crate::components::{ApiProblem, AppointmentSummary, BackLink, Choice, PhoneNumber, Radios};
use crate::pages::confirmation::ReferencePanel;
use crate::routes;
use crate::state::{set_title, AppState};

/// "Are you sure you want to cancel this appointment?", with an optional reason.
#[component]
pub fn CancelPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let reason = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| set_title(Step::ManageCancel.title(), failure.with(Option::is_some)));
    let reference = session.booking.reference.clone();
    let cancel_before = session.booking.cancel_before;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let body = CancelRequest {
            date_of_birth: session.date_of_birth,
            reason: reason.get_untracked(),
        };
        let reference = reference.clone();
        sending.set(true);
        failure.set(None);
        spawn_local(async move {
            match state.client.cancel(&reference, &body).await {
                Ok(booking) => {
                    state.manage.update(|m| {
                        if let Some(m) = m {
                            m.booking = booking;
                        }
                    });
                    routes::go_to(&state, Step::ManageCancelled);
                }
                Err(e) => {
                    failure.set(Some(e));
                    state.focus_heading();
                }
            }
            sending.set(false);
        });
    };
    let problem = move || {
        failure.get().map(|e| {
            if e.code() == Some(&ErrorCode::BookingWindowClosed) {
                let until = cancel_before.map(|c| {
                    format!(
                        "Appointments can only be cancelled online until {}. ",
                        format::date_time(&c)
                    )
                });
                view! {
                    <div class="nhsb-problem" role="alert">
                        <h2 class="nhsb-problem__title">"It is too late to cancel online"</h2>
                        <p>{until} "To cancel, call " <PhoneNumber/> "."</p>
                    </div>
                }
                .into_any()
            } else {
                view! { <ApiProblem error=e/> }.into_any()
            }
        })
    };
    let items = CANCEL_REASONS
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
            <Radios name="reason" legend="Why are you cancelling? (optional)".to_string()
                hint=Some("This helps us plan appointments.".to_string())
                items=items selected=reason error=Signal::derive(|| None::<String>)/>
            <button class="nhsb-button nhsb-button--warning" type="submit" disabled=move || sending.get()>
                {move || if sending.get() { "Cancelling…" } else { "Yes, cancel appointment" }}
            </button>
        </form>
        <p>
            <a class="nhsb-link" href=routes::href(&state, Step::ManageBooking, false)
                on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, Step::ManageBooking) }
            >"No, keep my appointment"</a>
        </p>
    }
    .into_any()
}

/// "Appointment cancelled".
#[component]
pub fn CancelledPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::ManageCancelled.title(), false);
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    view! {
        <ReferencePanel title=Step::ManageCancelled.title() lead="Booking reference" reference=session.booking.reference.to_string()/>
        <p>"Your appointment has been cancelled. Someone else can now have that time."</p>
        <AppointmentSummary booking=session.booking/>
        {confirmation_links(state)}
    }
    .into_any()
}
