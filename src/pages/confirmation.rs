use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::model::{Booking, BookingStatus, Mode};
use leptos::prelude::*;

use crate::components::{AppointmentSummary, CalendarButtons, PhoneNumber};
use crate::routes;
use crate::state::{now, set_title, AppState};

/// "Appointment booked": the reference first, then when, where and what happens next.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::Confirmation.title(), false);
    move || {
        match state.booked.get() {
        Some(booking) => view! {
            <ReferencePanel title=Step::Confirmation.title() lead="Your booking reference is" reference=booking.reference.to_string()/>
            {(booking.status != BookingStatus::Booked).then(|| view! {
                <p class="nhsb-inset-text">"This appointment is not confirmed yet. We will contact you."</p>
            })}
            <p>"Keep your reference. You need it, with your date of birth, to change or cancel your appointment."</p>
            <AppointmentSummary booking=booking.clone()/>
            <CalendarButtons booking=booking.clone()/>
            <WhatNext booking=booking/>
        }
        .into_any(),
        None => view! {
            <h1 tabindex="-1">"You have no booking in progress"</h1>
            <p>"If you have just booked, check your text messages for your booking reference."</p>
            <p><a class="nhsb-link" href=routes::href(&state, Step::Start, false)
                on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, Step::Start) }
            >"Book an appointment"</a></p>
        }
        .into_any(),
    }
    }
}

/// The green panel with the page title and the booking reference.
#[component]
pub fn ReferencePanel(title: &'static str, lead: &'static str, reference: String) -> impl IntoView {
    view! {
        <div class="nhsb-panel">
            <h1 class="nhsb-panel__title" tabindex="-1">{title}</h1>
            <div class="nhsb-panel__body">
                {lead}<br/>
                <strong class="nhsb-panel__reference">{reference}</strong>
            </div>
        </div>
    }
}

/// What happens next, and how to change or cancel.
#[component]
pub fn WhatNext(booking: Booking) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Past the cancel window (a same-day booking), online changes are no longer possible.
    let cancel_before = booking
        .cancel_before
        .map(|c| (c > now(), format::date_time(&c)));
    view! {
        <h2 class="nhsb-heading-m">"What happens next"</h2>
        <p>"If you asked for reminders, we will send one the day before your appointment."</p>
        <p>{match booking.slot.mode {
            Mode::Telephone => "The physiotherapist will phone you at the time of your appointment. They may call from a withheld number.",
            Mode::Video => "We will send you a link to join the video call before your appointment.",
            _ => "Please arrive 10 minutes early. Wear loose, comfortable clothing so the physiotherapist can see the area that hurts.",
        }}</p>
        <h2 class="nhsb-heading-m">"If you need to change or cancel"</h2>
        <p>
            {match cancel_before {
                Some((true, c)) => format!("You can change or cancel online until {c}. After that, call "),
                Some((false, _)) => "It is too late to change or cancel this appointment online. Call ".to_string(),
                None => "To change or cancel, call ".to_string(),
            }}
            <PhoneNumber/> "."
        </p>
        <p class="nhsb-no-print">
            <a class="nhsb-link" href=routes::href(&state, Step::ManageFind, false)
                on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, Step::ManageFind) }
            >"Change or cancel your appointment"</a>
        </p>
        <p>"If you cannot come, please tell us so someone else can have the appointment."</p>
    }
}
