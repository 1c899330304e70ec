use booking_domain::journey::Step;
use booking_domain::lang::fill;
use booking_domain::model::BookingStatus;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::{
    AppointmentSummary, CalendarButtons, Feedback, ReferencePanel, StepLink, WhatNext,
};
use crate::state::AppState;
use crate::words::check::words;

/// "Appointment booked": the reference first, then when, where and what happens next.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    set_title(Step::Confirmation.title(), false);
    move || {
        match state.booked.get() {
        Some(booking) => view! {
            <ReferencePanel title=Step::Confirmation.title() lead=w.reference_lead booking=booking.clone()/>
            {(booking.status != BookingStatus::Booked).then(|| view! {
                <p class="nhsb-inset-text">{w.not_confirmed}</p>
            })}
            {booking.booked_by.clone().map(|by| {
                let patient = state.booked_for.get().unwrap_or_else(|| w.the_patient.into());
                view! {
                    <p>{fill(w.booked_for, &[("patient", &patient), ("booker", &by.name)])}</p>
                    <p>{fill(w.keep_reference_them, &[("patient", &patient)])}</p>
                }
                .into_any()
            }).unwrap_or_else(|| view! {
                <p>{w.keep_reference_you}</p>
            }.into_any())}
            <AppointmentSummary booking=booking.clone()/>
            <CalendarButtons booking=booking.clone()/>
            <WhatNext booking=booking/>
            <Feedback did="book" step="confirmation" title=Step::Confirmation.title()/>
        }
        .into_any(),
        None => view! {
            <h1 tabindex="-1">{w.no_booking_heading}</h1>
            <p>{w.no_booking_text}</p>
            <p><StepLink to=Step::Start>{w.no_booking_link}</StepLink></p>
        }
        .into_any(),
    }
    }
}
