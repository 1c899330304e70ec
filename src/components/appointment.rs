use booking_domain::answers::appointment_rows;
use booking_domain::journey::Step;
use booking_domain::model::{Booking, Mode};
use booking_domain::{format, ics};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{PhoneNumber, StepLink, SummaryList};
use crate::browser::now;
use crate::state::AppState;

/// When, what and where of a booking, as a summary list.
#[component]
pub fn AppointmentSummary(booking: Booking) -> impl IntoView {
    view! { <SummaryList rows=appointment_rows(&booking)/> }
}

/// The green panel with the page title and the booking reference.
#[component]
pub fn ReferencePanel(
    title: &'static str,
    /// The words above the reference ("Your booking reference is").
    lead: &'static str,
    booking: Booking,
) -> impl IntoView {
    view! {
        <div class="nhsb-panel">
            <h1 class="nhsb-panel__title" tabindex="-1">{title}</h1>
            <div class="nhsb-panel__body">
                {lead}<br/>
                <strong class="nhsb-panel__reference">{booking.reference.to_string()}</strong>
            </div>
        </div>
    }
}

/// What happens next, and how to change or cancel.
#[component]
pub fn WhatNext(booking: Booking) -> impl IntoView {
    // Past the cancel window (a same-day booking), online changes are no longer possible.
    let cancel_before = booking
        .cancel_before
        .map(|c| (c > now(), format::date_time(&c)));
    // Booked by someone else for the patient: the words speak about the patient.
    let them = booking.booked_by.is_some();
    let (reminders, how) = match (them, booking.slot.mode) {
        (false, Mode::Telephone) => ("If you asked for reminders, we will send one the day before your appointment.",
            "The physiotherapist will phone you at the time of your appointment. They may call from a withheld number."),
        (false, Mode::Video) => ("If you asked for reminders, we will send one the day before your appointment.",
            "We will send you a link to join the video call before your appointment."),
        (false, _) => ("If you asked for reminders, we will send one the day before your appointment.",
            "Please arrive 10 minutes early. Wear loose, comfortable clothing so the physiotherapist can see the area that hurts."),
        (true, Mode::Telephone) => ("If reminders were asked for, we will send one the day before their appointment.",
            "The physiotherapist will phone them at the time of their appointment. They may call from a withheld number."),
        (true, Mode::Video) => ("If reminders were asked for, we will send one the day before their appointment.",
            "We will send them a link to join the video call before their appointment."),
        (true, _) => ("If reminders were asked for, we will send one the day before their appointment.",
            "They should arrive 10 minutes early, in loose, comfortable clothing so the physiotherapist can see the area that hurts."),
    };
    view! {
        <h2 class="nhsb-heading-m">"What happens next"</h2>
        <p>{reminders}</p>
        <p>{how}</p>
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
            <StepLink to=Step::ManageFind>"Change or cancel this appointment"</StepLink>
        </p>
        <p>"If you cannot come, please tell us so someone else can have the appointment."</p>
    }
}

/// "Add to calendar" (an .ics file made here) and "Print this page".
#[component]
pub fn CalendarButtons(booking: Booking) -> impl IntoView {
    let state = expect_context::<AppState>();
    let calendar = ics::calendar_file(&booking, &state.phone(), now());
    let file_name = format!("appointment-{}.ics", booking.reference);
    view! {
        <div class="nhsb-button-group nhsb-no-print">
            {calendar_url(&calendar).map(|url| view! {
                <a class="nhsb-button nhsb-button--secondary" href=url download=file_name>"Add to calendar"</a>
            })}
            <button class="nhsb-button nhsb-button--secondary" type="button"
                on:click=move |_| { let _ = window().print(); }
            >"Print this page"</button>
        </div>
    }
}

/// A `blob:` URL for the calendar file (no `data:` URL, so a strict CSP needs nothing extra).
fn calendar_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
