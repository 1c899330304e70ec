use booking_domain::model::Booking;
use booking_domain::{format, ics};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{SummaryList, SummaryRow};
use crate::state::{now, AppState};

/// When, what and where of a booking, as a summary list.
#[component]
pub fn AppointmentSummary(booking: Booking) -> impl IntoView {
    let slot = &booking.slot;
    let minutes = (slot.end - slot.start).num_minutes();
    let mut place = vec![booking.locality.name.clone()];
    place.extend(booking.locality.address.iter().cloned());
    place.push(booking.locality.postcode.clone());
    place.retain(|line| !line.is_empty());
    let row = |key, value| SummaryRow {
        key,
        value,
        change: None,
        change_label: "",
    };
    let rows = vec![
        row(
            "Date and time",
            vec![format::date_time(&slot.start), format::duration(minutes)],
        ),
        row(
            "Appointment",
            vec![
                booking.service.name.clone(),
                format::mode_label(slot.mode).to_string(),
            ],
        ),
        row("Location", place),
    ];
    view! { <SummaryList rows=rows/> }
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
