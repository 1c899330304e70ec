use booking_domain::alerts::AlertDraft;
use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::lang::{around, fill};
use booking_domain::manage::can_change_online;
use booking_domain::model::BookingStatus;
use leptos::prelude::*;

use super::session_or_find;
use crate::browser::{now, set_title};
use crate::components::{AppointmentSummary, BackLink, PhoneNumber, StepLink};
use crate::state::AppState;
use crate::words::manage::words;

/// "Your appointment": what was found, and what can be done with it.
#[component]
pub fn ManageBookingPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::ManageBooking.title(), false);
    let w = words();
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
                state
                    .alert()
                    .set(Some(AlertDraft::for_booking(&booking, dob, &services)));
                state.go_to(Step::AlertWhere);
            });
            let (asked, after_asked) = around(w.already_asked, "link");
            Some(view! {
                <h2 class="nhsb-heading-m">{w.earlier_heading}</h2>
                <p>{w.earlier_text}</p>
                <p><StepLink to=Step::AlertWhere on_follow=ask>{w.earlier_link}</StepLink></p>
                <p>{asked} <StepLink to=Step::AlertStop>{w.stop_texts}</StepLink> {after_asked}</p>
            })
        }
    });
    let actions = match booking.status {
        BookingStatus::Cancelled => view! {
            <div class="nhsb-inset-text"><p>{w.cancelled_note}</p></div>
            <p><StepLink to=Step::Start class="nhsb-button">{w.book_new}</StepLink></p>
        }
        .into_any(),
        BookingStatus::Booked if can_change_online(&booking, now()) => view! {
            <p>{booking.cancel_before.map(|c| fill(w.change_until, &[("time", &format::date_time(&c))]))}</p>
            <div class="nhsb-button-group">
                <StepLink to=Step::ManageSlot class="nhsb-button nhsb-button--secondary">{w.change_time}</StepLink>
                <StepLink to=Step::ManageCancel class="nhsb-button nhsb-button--warning">{w.cancel_appointment}</StepLink>
            </div>
        }
        .into_any(),
        _ => {
            let (call, after_call) = around(w.call, "phone");
            view! {
                <div class="nhsb-inset-text">
                    <p>{w.too_late}</p>
                    <p>{call} <PhoneNumber/> {after_call}</p>
                </div>
            }
            .into_any()
        }
    };
    // The words, and the tag's colour (`data-status`, tag.css).
    let (status, colour) = match booking.status {
        BookingStatus::Booked => (w.statuses[0], "booked"),
        BookingStatus::Cancelled => (w.statuses[1], "cancelled"),
        BookingStatus::Other => (w.statuses[2], "other"),
    };
    view! {
        <BackLink to=Step::ManageFind/>
        <span class="nhsb-caption">{fill(w.reference_caption, &[("reference", booking.reference.as_str())])}</span>
        <h1 tabindex="-1">{Step::ManageBooking.title()}</h1>
        <p><strong class="nhsb-tag" data-status=colour>{status}</strong></p>
        <AppointmentSummary booking=booking/>
        {actions}
        {earlier}
    }
    .into_any()
}
