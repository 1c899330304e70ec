use booking_domain::journey::Step;
use booking_domain::model::BookingStatus;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::{
    AppointmentSummary, CalendarButtons, Feedback, ReferencePanel, StepLink, WhatNext,
};
use crate::state::AppState;

/// "Appointment booked": the reference first, then when, where and what happens next.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::Confirmation.title(), false);
    move || {
        match state.booked.get() {
        Some(booking) => view! {
            <ReferencePanel title=Step::Confirmation.title() lead="Your booking reference is" booking=booking.clone()/>
            {(booking.status != BookingStatus::Booked).then(|| view! {
                <p class="nhsb-inset-text">"This appointment is not confirmed yet. We will contact you."</p>
            })}
            {booking.booked_by.clone().map(|by| {
                let patient = state.booked_for.get().unwrap_or_else(|| "the patient".into());
                view! {
                    <p>{format!("This appointment is for {patient}. It was booked by {}.", by.name)}</p>
                    <p>{format!("Keep the reference. You need it, with {patient}’s date of birth, to change or cancel the appointment.")}</p>
                }
                .into_any()
            }).unwrap_or_else(|| view! {
                <p>"Keep your reference. You need it, with your date of birth, to change or cancel your appointment."</p>
            }.into_any())}
            <AppointmentSummary booking=booking.clone()/>
            <CalendarButtons booking=booking.clone()/>
            <WhatNext booking=booking/>
            <Feedback did="book" step="confirmation" title=Step::Confirmation.title()/>
        }
        .into_any(),
        None => view! {
            <h1 tabindex="-1">"You have no booking in progress"</h1>
            <p>"If you have just booked, check your text messages for your booking reference."</p>
            <p><StepLink to=Step::Start>"Book an appointment"</StepLink></p>
        }
        .into_any(),
    }
    }
}
