use booking_domain::answers::new_time_answers;
use booking_domain::browse::{NearestSearch, SlotSearch};
use booking_domain::format;
use booking_domain::journey::Step;
use booking_domain::lang::{around, fill};
use booking_domain::model::{Booking, RescheduleRequest, Slot};
use booking_domain::outcome::Outcome;
use leptos::prelude::*;

use super::session_or_find;
use crate::browser::set_title;
use crate::components::{
    ApiProblem, AppointmentSummary, BackLink, CalendarButtons, PageHeading, PhoneNumber, Problem,
    ReferencePanel, SlotPicker, SummaryList, TakenTimes, WhatNext,
};
use crate::http::new_idempotency_key;
use crate::state::AppState;
use crate::submit::{done_or_show, Submission};
use crate::words::manage::words;

/// The booking's own service, clinician and place, without its own time.
fn same_search(booking: &Booking) -> SlotSearch {
    SlotSearch {
        service: booking.service.id.clone(),
        band: booking.slot.band.clone(),
        locality: booking.locality.id.clone(),
        window: None,
        exclude: Some(booking.slot.id.clone()),
    }
}

/// Records the new time chosen for the booking being moved.
fn choose_new_slot(state: AppState, slot: Slot) {
    state.manage.update(|m| {
        if let Some(m) = m {
            m.choose_new_slot(slot);
        }
    });
}

/// "Choose a new time": the same picker, for the booking's service, clinician and place.
#[component]
pub fn NewTimePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let place = session.booking.locality.name.clone();
    let choose = Callback::new(move |slot: Slot| {
        choose_new_slot(state, slot);
        state.go_to(Step::ManageCheck);
    });
    view! {
        <SlotPicker search=same_search(&session.booking) chosen=session.new_slot.map(|s| s.id)
            step=Step::ManageSlot back=Step::ManageBooking
            locality_name=Signal::derive(move || Some(place.clone())) on_choose=choose/>
    }
    .into_any()
}

/// "Check your new time", then one reschedule request with an idempotency key.
#[component]
pub fn NewTimeCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    if session.new_slot.is_none() {
        request_animation_frame(move || state.go_to(Step::ManageSlot));
        return ().into_any();
    }
    // Read live: picking one of the nearest times after a 409 changes it in place.
    let w = words();
    let chosen = Memo::new(move |_| {
        state
            .manage
            .with(|m| m.as_ref().and_then(|m| m.new_slot.clone()))
    });
    let submission = Submission::new(Step::ManageCheck.title());
    let booking = StoredValue::new(session.booking);
    let confirm = move || {
        let Some(new_slot) = chosen.get_untracked() else {
            return;
        };
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
            slot_id: Some(new_slot.id),
            offer: None,
        };
        let reference = booking.with_value(|b| b.reference.clone());
        submission.send(
            async move { Outcome::of(state.client().reschedule(&reference, &body, &key).await) },
            move |outcome| {
                done_or_show(outcome, |moved| {
                    state.manage.update(|m| {
                        if let Some(m) = m {
                            m.booking = moved;
                            m.new_slot = None;
                            m.reschedule_key = None;
                        }
                    });
                    state.go_to(Step::ManageChanged);
                })
            },
        );
    };
    let old_time = booking.with_value(|b| format::date_time(&b.slot.start));
    let taken = Memo::new(move |_| submission.shown.with(|s| matches!(s, Some(Outcome::Taken))));
    (move || {
        if taken.get() {
            let nearest = NearestSearch {
                search: booking.with_value(same_search),
                taken: chosen.get_untracked()?,
            };
            let choose = Callback::new(move |slot: Slot| {
                choose_new_slot(state, slot);
                submission.clear();
            });
            return Some(view! {
                <TakenTimes
                    intro=fill(w.original_kept, &[("time", &old_time)])
                    nearest=nearest
                    place=booking.with_value(|b| b.locality.name.clone())
                    on_choose=choose
                    all_times=Step::ManageSlot
                />
            }
            .into_any());
        }
        let under_problem = Signal::derive(move || {
            submission.shown.with(|s| matches!(s, Some(o) if o.is_error()))
        });
        let (call, after_call) = around(w.too_late_to_change_call, "phone");
        let problem = move || match submission.shown.get()? {
            Outcome::TooLate => Some(view! {
                <Problem title=w.too_late_to_change heading=true>
                    <p>{call} <PhoneNumber/> {after_call}</p>
                </Problem>
            }.into_any()),
            other => other.as_problem().map(|e| view! {
                <ApiProblem error=e heading=true retry=Callback::new(move |_| confirm())/>
            }.into_any()),
        };
        let rows = move || chosen.get().map(|new| booking.with_value(|b| new_time_answers(b, &new)));
        Some(view! {
            <BackLink to=Step::ManageSlot/>
            {problem}
            <PageHeading text=Step::ManageCheck.title() under_problem=under_problem/>
            {move || rows().map(|rows| view! { <SummaryList rows=rows/> })}
            <p>{w.kept_until_confirmed}</p>
            <button class="nhsb-button" type="button" disabled=move || submission.sending.get() on:click=move |_| confirm()>
                {move || if submission.sending.get() { w.changing } else { w.confirm_new_time }}
            </button>
        }
        .into_any())
    })
    .into_any()
}

/// "Appointment changed": same reference, new time, new calendar file.
#[component]
pub fn ChangedPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::ManageChanged.title(), false);
    let w = words();
    let Some(session) = session_or_find(state) else {
        return ().into_any();
    };
    let booking = session.booking;
    view! {
        <ReferencePanel title=Step::ManageChanged.title() lead=w.reference_still booking=booking.clone()/>
        <p>{w.changed_text}</p>
        <AppointmentSummary booking=booking.clone()/>
        <CalendarButtons booking=booking.clone()/>
        <WhatNext booking=booking/>
    }
    .into_any()
}
