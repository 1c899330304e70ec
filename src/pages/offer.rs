//! The text message's link `?offer=CODE` (API 1.1 `slot_alerts`): an earlier time held for a
//! patient who asked to be told of one. They confirm their date of birth and it is booked, or
//! their booking is moved to it; a time no longer held says so, with a way on.

use booking_domain::answers::offer_rows;
use booking_domain::api::ErrorCode;
use booking_domain::browse::{NearestSearch, SlotSearch};
use booking_domain::format;
use booking_domain::journey::{Choices, Step};
use booking_domain::lang::{around, fill};
use booking_domain::manage::ManageSession;
use booking_domain::model::{Offer, OfferBookingRequest, OfferPatient, RescheduleRequest, Slot};
use booking_domain::outcome::Outcome;
use booking_domain::validate::{date_of_birth, Field};
use leptos::prelude::*;

use crate::browser::{focus_heading, now, set_title, today};
use crate::components::{
    ApiProblem, DateInput, ErrorItem, ErrorSummary, Loading, PhoneNumber, SummaryList, TakenTimes,
    WaysOn,
};
use crate::fetched::Fetched;
use crate::http::new_idempotency_key;
use crate::state::AppState;
use crate::submit::Submission;
use crate::words::{alerts::words, layout};

/// The time held for the patient, fetched by the code in the URL.
#[component]
pub fn OfferPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let code = state
        .route
        .with_untracked(|r| r.choices.offer.clone())
        .unwrap_or_default();
    let offer = Fetched::new(move || {
        let code = code.clone();
        async move { state.client().offer(&code).await }
    });
    move || match offer.get() {
        None => view! { <Loading label=layout::words().loading/> }.into_any(),
        Some(Ok(offer)) => view! { <HeldTime offer=offer/> }.into_any(),
        Some(Err(e)) if e.code() == Some(&ErrorCode::NotFound) => {
            view! { <NoLongerHeld offer=None/> }.into_any()
        }
        Some(Err(error)) => {
            set_title(words().problem_title, true);
            view! { <ApiProblem error=error heading=true retry=Callback::new(move |_| offer.refetch())/> }
                .into_any()
        }
    }
}

/// The held time, how long it stays held (kept current), and the date of birth to book it.
#[component]
fn HeldTime(offer: Offer) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let (day, month, year) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let dob_error = RwSignal::new(None::<(Field, String)>);
    let submission = Submission::with_field_errors(
        Step::Offer.title(),
        Signal::derive(move || dob_error.with(Option::is_some)),
    );
    // The clock, read every 15 seconds: the words change at most once a minute, so the
    // polite live region below speaks at most once a minute, and never moves focus.
    let clock = RwSignal::new(now());
    let tick =
        set_interval_with_handle(move || clock.set(now()), std::time::Duration::from_secs(15)).ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
    });
    let held_until = offer.held_until;
    let held = Memo::new(move |_| clock.with(|now| held_until > *now));
    let until = Memo::new(move |_| format::held_until(&held_until, clock.get()));
    let moving = offer.booking.clone();
    let key = StoredValue::new(new_idempotency_key());
    let offer = StoredValue::new(offer);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let dob = date_of_birth(
            &day.get_untracked(),
            &month.get_untracked(),
            &year.get_untracked(),
            today(),
        );
        dob_error.set(dob.as_ref().err().map(|e| (e.field, e.message.clone())));
        let Ok(dob) = dob else {
            focus_heading();
            return;
        };
        let offer = offer.get_value();
        let key = key.get_value();
        let client = state.client();
        match offer.booking.clone() {
            // Their booking moves to the held time (the API keeps the old one if this fails).
            Some(reference) => submission.send(
                async move {
                    let body = RescheduleRequest {
                        date_of_birth: dob,
                        slot_id: None,
                        offer: Some(offer.code.clone()),
                    };
                    Outcome::of(client.reschedule(&reference, &body, &key).await)
                },
                move |outcome| match outcome {
                    Outcome::Done(booking) => {
                        state.manage.set(Some(ManageSession {
                            booking,
                            date_of_birth: dob,
                            new_slot: None,
                            reschedule_key: None,
                        }));
                        state.go_to(Step::ManageChanged);
                        None
                    }
                    other => shown(other, dob_error),
                },
            ),
            None => submission.send(
                async move {
                    let body = OfferBookingRequest {
                        slot_id: offer.slot.id.clone(),
                        offer: offer.code.clone(),
                        patient: OfferPatient { date_of_birth: dob },
                        channel: "online".into(),
                        source: "sms-offer".into(),
                    };
                    Outcome::of(client.book_offer(&body, &key).await)
                },
                move |outcome| match outcome {
                    Outcome::Done(booking) => {
                        crate::measure::booked(&booking);
                        state.booked_for.set(None);
                        state.booked.set(Some(booking));
                        state.go_to(Step::Confirmation);
                        None
                    }
                    other => shown(other, dob_error),
                },
            ),
        }
    };
    let summary = Signal::derive(move || {
        dob_error
            .get()
            .map(|(field, e)| vec![ErrorItem::new(field.id(), e)])
            .unwrap_or_default()
    });
    let gone = move || {
        !held.get()
            || submission
                .shown
                .with(|s| matches!(s, Some(Outcome::Taken | Outcome::NotFound)))
    };
    let button = if moving.is_some() {
        w.move_button
    } else {
        w.book_button
    };
    let (not_wanted, after_not_wanted) = around(w.not_wanted, "phone");
    move || {
        if gone() {
            return view! { <NoLongerHeld offer=Some(offer.get_value())/> }.into_any();
        }
        // Built untracked: only `gone` above may replace the form (a component reading a
        // signal as it is built would otherwise rebuild it, and lose focus, on every error).
        untrack(|| {
            view! {
            <form class="nhsb-form" on:submit=submit novalidate>
                <ErrorSummary errors=summary/>
                {move || submission.shown.with(|s| s.as_ref().and_then(Outcome::as_problem))
                    .map(|e| view! { <ApiProblem error=e/> })}
                <h1 tabindex="-1">{Step::Offer.title()}</h1>
                <p>{w.offer_intro}</p>
                <SummaryList rows=offer.with_value(offer_rows)/>
                <div class="nhsb-inset-text" aria-live="polite">
                    <p>
                        {move || fill(w.held, &[("until", &until.get())])}
                        {moving.clone().map(|reference| fill(
                            w.moves_booking,
                            &[("reference", reference.as_str())],
                        ))}
                    </p>
                </div>
                <DateInput id="dob" legend=w.confirm_dob hint=w.dob_hint
                    day=day month=month year=year error=dob_error/>
                <button class="nhsb-button" type="submit" disabled=move || submission.sending.get()>
                    {move || if submission.sending.get() { w.booking } else { button }}
                </button>
                <p>{not_wanted} <PhoneNumber/> {after_not_wanted}</p>
            </form>
        }
        .into_any()
        })
    }
}

/// What a submission that did not book shows: a wrong date of birth next to the field; a time
/// no longer held as its own page (`gone` above); anything else as a problem with Try again.
fn shown<T>(
    outcome: Outcome<T>,
    dob_error: RwSignal<Option<(Field, String)>>,
) -> Option<Outcome<()>> {
    match outcome {
        Outcome::Invalid(errors) => {
            if let Some(e) = errors.into_iter().next() {
                dob_error.set(Some((Field::DobDay, e.message)));
            }
            // The page stays: focus goes to the error summary, as for the page's own checks.
            focus_heading();
            None
        }
        Outcome::Done(_) => None,
        Outcome::Taken => Some(Outcome::Taken),
        Outcome::NotFound => Some(Outcome::NotFound),
        Outcome::TooLate => Some(Outcome::TooLate),
        Outcome::Problem(e) => Some(Outcome::Problem(e)),
    }
}

/// An offer that has run out, been used or is unknown: said plainly, with a way on. A time
/// the page knew (it ran out or was taken while open) comes with the nearest free times at
/// the same place, any of which continues the booking; a booking it would have moved stays
/// as it is.
#[component]
fn NoLongerHeld(offer: Option<Offer>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    set_title(w.gone_heading, false);
    focus_heading();
    let kept = offer.as_ref().and_then(|o| o.booking.clone());
    if let Some(offer) = offer.filter(|o| o.booking.is_none()) {
        let choices = Choices {
            service: Some(offer.service.id.clone()),
            band: Some(offer.slot.band.clone()),
            locality: Some(offer.locality.id.clone()),
            ..Choices::default()
        };
        // "See all available times" and any time chosen here book at the same place.
        state.draft.update(|d| d.apply(&choices));
        let nearest = NearestSearch {
            search: SlotSearch {
                service: offer.service.id.clone(),
                band: offer.slot.band.clone(),
                locality: offer.locality.id.clone(),
                window: None,
                exclude: Some(offer.slot.id.clone()),
            },
            taken: offer.slot.clone(),
        };
        let choose = Callback::new(move |slot: Slot| {
            state.draft.update(|d| {
                d.apply(&choices);
                d.choose_slot(Some(slot));
            });
            state.go_on();
        });
        return view! {
            <TakenTimes heading=w.gone_heading
                intro=w.gone_nearest.to_string()
                nearest=nearest place=offer.locality.name.clone() on_choose=choose all_times=Step::Slot/>
        }
        .into_any();
    }
    view! {
        <h1 tabindex="-1">{w.gone_heading}</h1>
        <p>{w.gone_text}</p>
        {kept.map(|reference| view! {
            <p>{fill(w.gone_kept, &[("reference", reference.as_str())])}</p>
        })}
        <p>{w.gone_again}</p>
        <WaysOn/>
    }
    .into_any()
}
