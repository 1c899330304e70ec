use booking_domain::api::{ApiError, ErrorCode};
use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::model::{RescheduleRequest, Slot};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session_or_find;
use crate::components::{
    ApiProblem, AppointmentSummary, BackLink, CalendarButtons, PhoneNumber, SummaryList, SummaryRow,
};
use crate::http::new_idempotency_key;
use crate::pages::confirmation::{ReferencePanel, WhatNext};
use crate::pages::slot::{SlotPicker, SlotSearch};
use crate::pages::taken::{nearest_free, TakenPage};
use crate::routes;
use crate::state::{set_title, AppState};

/// "Choose a new time": the same picker, for the booking's service, clinician and place.
#[component]
pub fn NewTimePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let b = &session.booking;
    let search = SlotSearch {
        service: b.service.id.to_string(),
        band: b.slot.band.to_string(),
        locality: b.locality.id.to_string(),
        window: None,
        chosen: session.new_slot.as_ref().map(|s| s.id.clone()),
        exclude: Some(b.slot.id.clone()),
    };
    let place = b.locality.name.clone();
    let choose = Callback::new(move |slot: Slot| {
        state.manage.update(|m| {
            if let Some(m) = m {
                m.choose_new_slot(slot);
            }
        });
        routes::go_to(&state, Step::ManageCheck);
    });
    view! {
        <SlotPicker search=search step=Step::ManageSlot back=Step::ManageBooking
            locality_name=Signal::derive(move || Some(place.clone())) on_choose=choose/>
    }
    .into_any()
}

#[derive(Clone)]
enum Outcome {
    Taken(Vec<Slot>),
    Failed(ApiError),
}

/// "Check your new time", then one reschedule request with an idempotency key.
#[component]
pub fn NewTimeCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    if session.new_slot.is_none() {
        request_animation_frame(move || routes::go_to(&state, Step::ManageSlot));
        return ().into_any();
    }
    // Read live: picking one of the nearest times after a 409 changes it in place.
    let chosen = Memo::new(move |_| {
        state
            .manage
            .with(|m| m.as_ref().and_then(|m| m.new_slot.clone()))
    });
    let sending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    Effect::new(move |_| {
        let title = match outcome.get() {
            Some(Outcome::Taken(_)) => "That time has just been booked by someone else",
            _ => Step::ManageCheck.title(),
        };
        set_title(title, matches!(outcome.get(), Some(Outcome::Failed(_))));
    });
    let booking = session.booking.clone();
    let old_time = format::date_time(&booking.slot.start);
    let confirm = {
        let booking = booking.clone();
        move || {
            let Some(new_slot) = chosen.get_untracked() else {
                return;
            };
            if sending.get_untracked() {
                return;
            }
            // The same key for every retry of this move, so it can never happen twice.
            let key = state
                .manage
                .try_update(|m| {
                    m.as_mut().map(|m| {
                        m.reschedule_key
                            .get_or_insert_with(new_idempotency_key)
                            .clone()
                    })
                })
                .flatten()
                .unwrap_or_else(new_idempotency_key);
            let body = RescheduleRequest {
                date_of_birth: session.date_of_birth,
                slot_id: new_slot.id.clone(),
            };
            let booking = booking.clone();
            sending.set(true);
            outcome.set(None);
            spawn_local(async move {
                match state
                    .client
                    .reschedule(&booking.reference, &body, &key)
                    .await
                {
                    Ok(moved) => {
                        state.manage.update(|m| {
                            if let Some(m) = m {
                                m.booking = moved;
                                m.new_slot = None;
                                m.reschedule_key = None;
                            }
                        });
                        routes::go_to(&state, Step::ManageChanged);
                    }
                    Err(e) if e.code() == Some(&ErrorCode::SlotUnavailable) => {
                        let nearest = nearest_free(
                            state,
                            booking.service.id.clone(),
                            booking.slot.band.clone(),
                            booking.locality.id.clone(),
                            &new_slot,
                        )
                        .await
                        .into_iter()
                        .filter(|s| s.id != booking.slot.id)
                        .collect();
                        outcome.set(Some(Outcome::Taken(nearest)));
                        state.focus_heading();
                    }
                    Err(e) => {
                        outcome.set(Some(Outcome::Failed(e)));
                        state.focus_heading();
                    }
                }
                sending.set(false);
            });
        }
    };
    (move || match outcome.get() {
        Some(Outcome::Taken(nearest)) => {
            let choose = Callback::new(move |slot: Slot| {
                state.manage.update(|m| {
                    if let Some(m) = m {
                        m.choose_new_slot(slot);
                    }
                });
                outcome.set(None);
                state.focus_heading();
            });
            view! {
                <TakenPage
                    intro=format!("Your original appointment on {old_time} is kept. You can choose another time.")
                    nearest=nearest
                    place=booking.locality.name.clone()
                    on_choose=choose
                    all_times=Step::ManageSlot
                />
            }
            .into_any()
        }
        failure => {
            let Some(new_slot) = chosen.get() else {
                return ().into_any();
            };
            let failed = match failure {
                Some(Outcome::Failed(e)) => Some(e),
                _ => None,
            };
            let failed_now = failed.is_some();
            let too_late = failed.as_ref().is_some_and(|e| e.code() == Some(&ErrorCode::BookingWindowClosed));
            let rows = vec![
                SummaryRow { key: "Current time", value: vec![old_time.clone()], change: None, change_label: "" },
                SummaryRow {
                    key: "New time",
                    value: vec![
                        format::date_time(&new_slot.start),
                        format!("{} ({})", format::mode_label(new_slot.mode), format::duration((new_slot.end - new_slot.start).num_minutes())),
                    ],
                    change: Some((
                        routes::href(&state, Step::ManageSlot, false),
                        Callback::new(move |_| routes::go_to(&state, Step::ManageSlot)),
                    )),
                    change_label: "new time",
                },
                SummaryRow { key: "Location", value: vec![booking.locality.name.clone()], change: None, change_label: "" },
            ];
            let confirm = confirm.clone();
            let retry = confirm.clone();
            view! {
                <BackLink to=Step::ManageSlot/>
                {failed.map(|e| if too_late {
                    view! {
                        <div class="nhsb-problem" role="alert">
                            <h1 class="nhsb-problem__title" tabindex="-1">"It is too late to change this appointment online"</h1>
                            <p>"Call " <PhoneNumber/> ". Your appointment has not changed."</p>
                        </div>
                    }.into_any()
                } else {
                    view! { <ApiProblem error=e heading=true retry=Callback::new(move |_| retry())/> }.into_any()
                })}
                {if failed_now {
                    view! { <h2 class="nhsb-heading-m">{Step::ManageCheck.title()}</h2> }.into_any()
                } else {
                    view! { <h1 tabindex="-1">{Step::ManageCheck.title()}</h1> }.into_any()
                }}
                <SummaryList rows=rows/>
                <p>"Your current appointment is kept until the new time is confirmed."</p>
                <button class="nhsb-button" type="button" disabled=move || sending.get() on:click=move |_| confirm()>
                    {move || if sending.get() { "Changing your appointment…" } else { "Confirm new time" }}
                </button>
            }
            .into_any()
        }
    })
    .into_any()
}

/// "Appointment changed": same reference, new time, new calendar file.
#[component]
pub fn ChangedPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::ManageChanged.title(), false);
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let booking = session.booking;
    view! {
        <ReferencePanel title=Step::ManageChanged.title() lead="Your booking reference is still" reference=booking.reference.to_string()/>
        <p>"Your appointment has moved to the new time below. Your old time has been given up."</p>
        <AppointmentSummary booking=booking.clone()/>
        <CalendarButtons booking=booking.clone()/>
        <WhatNext booking=booking/>
    }
    .into_any()
}
