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
    }
    .into_any()
}
