use booking_domain::answers::booking_answers;
use booking_domain::browse::{NearestSearch, SlotSearch};
use booking_domain::confirm::confirm;
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::model::{Locality, Service, Slot};
use booking_domain::outcome::Outcome;
use booking_domain::validate::first_step;
use leptos::prelude::*;

use crate::browser::today;
use crate::components::{ApiProblem, BackLink, PageHeading, SummaryList, TakenTimes};
use crate::http::new_idempotency_key;
use crate::places::places;
use crate::state::AppState;
use crate::submit::{done_or_show, Submission};
use crate::words::check::words;

/// "Check your answers before booking", then one `POST /bookings`.
#[component]
pub fn CheckPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let back = state
        .draft
        .with_untracked(|d| d.previous(Step::Check, &services));
    let submission = Submission::new(Step::Check.title());
    let localities = places(state);
    let place = move || -> Option<Locality> {
        let id = state.draft.with(|d| d.locality.clone())?;
        let list = localities.get()?.ok()?;
        list.into_iter().find(|l| l.id == id)
    };
    // The time being booked, kept for the nearest-times search when someone else takes it.
    let attempted = StoredValue::new(None::<Slot>);

    let book = move || {
        let request = match state.draft.with_untracked(|d| d.booking_request(today())) {
            Ok(request) => request,
            Err(errors) => {
                // An answer no longer valid: back to its page (the first, in the order asked).
                match first_step(&errors) {
                    Some(step) => {
                        state.server_errors.set(errors);
                        state.go_to(step);
                    }
                    None => state.go_on(),
                }
                return;
            }
        };
        // The same key for every retry of this attempt, so the API never books twice.
        let key = state
            .draft
            .try_update(|d| d.attempt_key(new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        attempted.set_value(state.draft.with_untracked(|d| d.slot.clone()));
        submission.send(
            async move { confirm(state.client(), &request, &key).await },
            move |outcome| match outcome {
                Outcome::Taken => {
                    state.draft.update(|d| d.choose_slot(None));
                    Some(Outcome::Taken)
                }
                Outcome::Invalid(errors) => {
                    let step = first_step(&errors).unwrap_or(Step::Details);
                    state.draft.update(|d| match step {
                        Step::Booker => d.booker_done = false,
                        Step::Needs => d.needs_done = false,
                        _ => d.details_done = false,
                    });
                    state.server_errors.set(errors);
                    state.go_to(step);
                    None
                }
                outcome => done_or_show(outcome, |booking| {
                    crate::measure::booked(&booking);
                    state.finish(booking);
                    state.go(Route::new(Step::Confirmation, Choices::default()), false);
                }),
            },
        );
    };

    let taken = Memo::new(move |_| submission.shown.with(|s| matches!(s, Some(Outcome::Taken))));
    move || {
        if taken.get() {
            let nearest = state.draft.with_untracked(|d| {
                Some(NearestSearch {
                    search: SlotSearch {
                        service: d.service.clone()?,
                        band: d.band.clone()?,
                        locality: d.locality.clone()?,
                        window: d.invite.as_ref().map(|i| (i.book_from, i.book_until)),
                        exclude: None,
                    },
                    taken: attempted.get_value()?,
                })
            });
            let choose = Callback::new(move |slot: Slot| {
                state.draft.update(|d| d.choose_slot(Some(slot)));
                let route = Route::new(Step::Check, state.draft.with_untracked(|d| d.choices()));
                state.go(route, true);
                submission.clear();
            });
            return nearest
                .map(|nearest| {
                    view! {
                        <TakenTimes
                            intro=w.taken_intro.to_string()
                            nearest=nearest
                            place=untrack(place).map(|l| l.name).unwrap_or_default()
                            on_choose=choose
                            all_times=Step::Slot
                        />
                    }
                })
                .into_any();
        }
        let failed = Signal::derive(move || submission.problem().is_some());
        view! {
            <BackLink to=back/>
            {move || submission.problem().map(|e| {
                let unknown = e.outcome_unknown();
                view! {
                    <ApiProblem error=e heading=true retry=Callback::new(move |_| book())/>
                    {unknown.then(|| view! {
                        <p class="nhsb-inset-text">{w.outcome_unknown}</p>
                    })}
                }
            })}
            <PageHeading text=Step::Check.title() under_problem=failed/>
            {move || {
                let rows = state.services.get().and_then(Result::ok).map(|services| {
                    state.draft.with(|d| booking_answers(d, &services, place().as_ref(), today()))
                });
                rows.map(|rows| view! { <SummaryList rows=rows/> })
            }}
            <h2 class="nhsb-heading-m">{w.book_heading}</h2>
            <p>{w.declaration}</p>
            <button class="nhsb-button" type="button" disabled=move || submission.sending.get()
                aria-disabled=move || submission.sending.get().then_some("true")
                on:click=move |_| book()
            >
                {move || if submission.sending.get() { w.book_button_sending } else { w.book_button }}
            </button>
            <div class="nhsb-visually-hidden" role="status">
                {move || submission.sending.get().then_some(w.booking_status)}
            </div>
        }
        .into_any()
    }
}
