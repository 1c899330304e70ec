use booking_domain::answers::appointment_rows;
use booking_domain::journey::Step;
use booking_domain::lang::{around, fill};
use booking_domain::model::{Booking, Mode};
use booking_domain::{format, ics};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{PhoneNumber, StepLink, SummaryList};
use crate::browser::now;
use crate::state::AppState;
use crate::words::check::words;

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
    let w = words();
    // Past the cancel window (a same-day booking), online changes are no longer possible.
    let cancel_before = booking
        .cancel_before
        .map(|c| (c > now(), format::date_time(&c)));
    // Booked by someone else for the patient: the words speak about the patient.
    let them = booking.booked_by.is_some();
    let (reminders, how) = match (them, booking.slot.mode) {
        (false, Mode::Telephone) => (w.reminders_you, w.how_phone_you),
        (false, Mode::Video) => (w.reminders_you, w.how_video_you),
        (false, _) => (w.reminders_you, w.how_in_person_you),
        (true, Mode::Telephone) => (w.reminders_them, w.how_phone_them),
        (true, Mode::Video) => (w.reminders_them, w.how_video_them),
        (true, _) => (w.reminders_them, w.how_in_person_them),
    };
    let (change, date) = match cancel_before {
        Some((true, c)) => (w.change_until, c),
        Some((false, _)) => (w.change_too_late, String::new()),
        None => (w.change_call, String::new()),
    };
    // The words around the phone number, the cancel window's date and time filled in.
    let (call, after_call) = around(change, "phone");
    let (call, after_call) = (
        fill(call, &[("date", &date)]),
        fill(after_call, &[("date", &date)]),
    );
    view! {
        <h2 class="nhsb-heading-m">{w.next_heading}</h2>
        <p>{reminders}</p>
        <p>{how}</p>
        <h2 class="nhsb-heading-m">{w.change_heading}</h2>
        <p>
            {call}
            <PhoneNumber/> {after_call}
        </p>
        <p class="nhsb-no-print">
            <StepLink to=Step::ManageFind>{w.change_link}</StepLink>
        </p>
        <p>{w.cannot_come}</p>
    }
}

/// "Add to calendar" (an .ics file made here) and "Print this page".
#[component]
pub fn CalendarButtons(booking: Booking) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let calendar = ics::calendar_file(&booking, &state.phone(), now());
    let file_name = format!("appointment-{}.ics", booking.reference);
    view! {
        <div class="nhsb-button-group nhsb-no-print">
            {calendar_url(&calendar).map(|url| view! {
                <a class="nhsb-button nhsb-button--secondary" href=url download=file_name>{w.add_to_calendar}</a>
            })}
            <button class="nhsb-button nhsb-button--secondary" type="button"
                on:click=move |_| { let _ = window().print(); }
            >{w.print}</button>
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
