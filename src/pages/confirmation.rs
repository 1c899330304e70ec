use booking_domain::journey::Step;
use booking_domain::model::{Booking, BookingStatus};
use booking_domain::{format, ics};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::{SummaryList, SummaryRow};
use crate::routes;
use crate::state::{now, set_title, AppState};

/// "Appointment booked": the reference first, then when, where and what happens next.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::Confirmation.title(), false);
    move || match state.booked.get() {
        Some(booking) => booked(state, booking).into_any(),
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

fn booked(state: AppState, booking: Booking) -> impl IntoView {
    let phone = state.phone();
    let slot = &booking.slot;
    let minutes = (slot.end - slot.start).num_minutes();
    let mut place = vec![booking.locality.name.clone()];
    place.extend(booking.locality.address.iter().cloned());
    place.push(booking.locality.postcode.clone());
    let rows = vec![
        SummaryRow {
            key: "Date and time",
            value: vec![format::date_time(&slot.start), format::duration(minutes)],
            change: None,
            change_label: "",
        },
        SummaryRow {
            key: "Appointment",
            value: vec![
                booking.service.name.clone(),
                format::mode_label(slot.mode).to_string(),
            ],
            change: None,
            change_label: "",
        },
        SummaryRow {
            key: "Location",
            value: place,
            change: None,
            change_label: "",
        },
    ];
    let calendar = ics::calendar_file(&booking, &phone, now().to_utc());
    let file_name = format!("appointment-{}.ics", booking.reference);
    let calendar_url = calendar_url(&calendar);
    // Past the cancel window (a same-day booking), online changes are no longer possible.
    let cancel_before = booking
        .cancel_before
        .map(|c| (c > now(), format::date_time(&c)));
    let status = (booking.status != BookingStatus::Booked).then(|| {
        view! { <p class="nhsb-inset-text">"This appointment is not confirmed yet. We will contact you."</p> }
    });
    view! {
        <div class="nhsb-panel">
            <h1 class="nhsb-panel__title" tabindex="-1">{Step::Confirmation.title()}</h1>
            <div class="nhsb-panel__body">
                "Your booking reference is"<br/>
                <strong class="nhsb-panel__reference">{booking.reference.clone()}</strong>
            </div>
        </div>
        {status}
        <p>"Keep your reference. You need it, with your date of birth, to change or cancel your appointment."</p>
        <SummaryList rows=rows/>
        <div class="nhsb-button-group nhsb-no-print">
            {calendar_url.map(|url| view! {
                <a class="nhsb-button nhsb-button--secondary" href=url download=file_name>"Add to calendar"</a>
            })}
            <button class="nhsb-button nhsb-button--secondary" type="button"
                on:click=move |_| { let _ = window().print(); }
            >"Print this page"</button>
        </div>
        <h2 class="nhsb-heading-m">"What happens next"</h2>
        <p>"If you asked for reminders, we will send one the day before your appointment."</p>
        {match slot.mode {
            booking_domain::model::Mode::Telephone => "The physiotherapist will phone you at the time of your appointment. They may call from a withheld number.",
            booking_domain::model::Mode::Video => "We will send you a link to join the video call before your appointment.",
            _ => "Please arrive 10 minutes early. Wear loose, comfortable clothing so the physiotherapist can see the area that hurts.",
        }.to_string()}
        <h2 class="nhsb-heading-m">"If you need to change or cancel"</h2>
        <p>
            {match cancel_before {
                Some((true, c)) => format!("You can change or cancel online until {c}. After that, call "),
                Some((false, _)) => "It is too late to change or cancel this appointment online. Call ".to_string(),
                None => "To change or cancel, call ".to_string(),
            }}
            <a class="nhsb-link" href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a>
            " (" {state.config.opening_hours.clone()} ")."
        </p>
        <p>"If you cannot come, please tell us so someone else can have the appointment."</p>
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
