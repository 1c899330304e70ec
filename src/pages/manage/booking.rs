use booking_domain::alerts::AlertDraft;
use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::manage::can_change_online;
use booking_domain::model::BookingStatus;
use leptos::prelude::*;

use super::session_or_find;
use crate::browser::{now, set_title};
use crate::components::{AppointmentSummary, BackLink, PhoneNumber, StepLink};
use crate::state::AppState;

/// "Your appointment": what was found, and what can be done with it.
#[component]
pub fn ManageBookingPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::ManageBooking.title(), false);
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let booking = session.booking;
    let earlier = can_change_online(&booking, now()).then(|| {
        let booking = booking.clone();
        let dob = session.date_of_birth;
        move || {
            let services = state.services.with(|s| match s {
                Some(Ok(list)) if list.iter().any(|s| s.offers.slot_alerts) => Some(list.clone()),
                _ => None,
            })?;
            let booking = booking.clone();
            let ask = Callback::new(move |_| {
                state.alert().set(Some(AlertDraft::for_booking(&booking, dob, &services)));
                state.go_to(Step::AlertWhere);
            });
            Some(view! {
                <h2 class="nhsb-heading-m">"Would an earlier time suit you?"</h2>
                <p>"We can text you if an earlier time comes up, and move your appointment if you take it."</p>
                <p><StepLink to=Step::AlertWhere on_follow=ask>"Get a text if an earlier time comes up"</StepLink></p>
                <p>"Already asked for texts? " <StepLink to=Step::AlertStop>"Stop texts about earlier times"</StepLink></p>
            })
        }
    });
    let actions = match booking.status {
        BookingStatus::Cancelled => view! {
            <div class="nhsb-inset-text"><p>"This appointment has been cancelled."</p></div>
            <p><StepLink to=Step::Start class="nhsb-button">"Book a new appointment"</StepLink></p>
        }
        .into_any(),
        BookingStatus::Booked if can_change_online(&booking, now()) => view! {
            <p>{booking.cancel_before.map(|c| format!("You can change or cancel online until {}.", format::date_time(&c)))}</p>
            <div class="nhsb-button-group">
                <StepLink to=Step::ManageSlot class="nhsb-button nhsb-button--secondary">"Change the time"</StepLink>
                <StepLink to=Step::ManageCancel class="nhsb-button nhsb-button--warning">"Cancel appointment"</StepLink>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="nhsb-inset-text">
                <p>"It is too late to change or cancel this appointment online."</p>
                <p>"Call " <PhoneNumber/> "."</p>
            </div>
        }
        .into_any(),
    };
    // The words, and the tag's colour (`data-status`, tag.css).
    let (status, colour) = match booking.status {
        BookingStatus::Booked => ("Booked", "booked"),
        BookingStatus::Cancelled => ("Cancelled", "cancelled"),
        BookingStatus::Other => ("Being confirmed", "other"),
    };
    view! {
        <BackLink to=Step::ManageFind/>
        <span class="nhsb-caption">"Reference " {booking.reference.to_string()}</span>
        <h1 tabindex="-1">{Step::ManageBooking.title()}</h1>
        <p><strong class="nhsb-tag" data-status=colour>{status}</strong></p>
        <AppointmentSummary booking=booking/>
        {actions}
        {earlier}
    }
    .into_any()
}
