use booking_domain::api::ApiError;
use booking_domain::confirm;
use booking_domain::format;
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::model::Slot;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::taken::{nearest_free, TakenPage};
use crate::components::{ApiProblem, BackLink, SummaryList, SummaryRow};
use crate::http::new_idempotency_key;
use crate::routes;
use crate::state::{self, set_title, today, AppState};

/// What happened to the last "Book appointment".
#[derive(Clone)]
enum Outcome {
    /// Someone else took the time first; the nearest free times at the same place.
    Taken(Vec<Slot>),
    Failed(ApiError),
}

/// "Check your answers before booking", then one `POST /bookings`.
#[component]
pub fn CheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let localities = state::localities(state);

    let book = move || {
        // One request at a time: a double click or a second submit sends nothing more.
        if sending.get_untracked() {
            return;
        }
        let request = match state.draft.with_untracked(|d| d.booking_request(today())) {
            Ok(request) => request,
            Err(errors) => {
                state.server_errors.set(errors);
                routes::go_to(&state, Step::Details);
                return;
            }
        };
        // The same key for every retry of this attempt, so the API never books twice.
        let key = state
            .draft
            .try_update(|d| d.attempt_key(new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        sending.set(true);
        outcome.set(None);
        spawn_local(async move {
            match confirm::confirm(state.client, &request, &key).await {
                confirm::Outcome::Booked(booking) => {
                    state.finish(*booking);
                    routes::go(
                        &state,
                        Route::new(Step::Confirmation, Choices::default()),
                        false,
                    );
                }
                confirm::Outcome::Taken => {
                    let taken = state.draft.with_untracked(|d| d.slot.clone());
                    state.draft.update(|d| d.choose_slot(None));
                    let search = state.draft.with_untracked(|d| {
                        (
                            d.service.clone().unwrap_or_default(),
                            d.band.clone().unwrap_or_default(),
                            d.locality.clone().unwrap_or_default(),
                        )
                    });
                    let nearest = match taken {
                        Some(slot) => {
                            nearest_free(state, search.0, search.1, search.2, &slot).await
                        }
                        None => Vec::new(),
                    };
                    outcome.set(Some(Outcome::Taken(nearest)));
                    state.focus_heading();
                }
                confirm::Outcome::Invalid(errors) => {
                    state.draft.update(|d| d.details_done = false);
                    state.server_errors.set(errors);
                    routes::go_to(&state, Step::Details);
                }
                confirm::Outcome::Failed(e) => {
                    outcome.set(Some(Outcome::Failed(e)));
                    state.focus_heading();
                }
            }
            sending.set(false);
        });
    };

    Effect::new(move |_| {
        let title = match outcome.get() {
            Some(Outcome::Taken(_)) => "That time has just been booked by someone else",
            _ => Step::Check.title(),
        };
        set_title(title, matches!(outcome.get(), Some(Outcome::Failed(_))));
    });

    move || match outcome.get() {
        Some(Outcome::Taken(nearest)) => {
            let place = state
                .draft
                .with_untracked(|d| d.locality.clone())
                .and_then(|id| {
                    localities
                        .get_untracked()
                        .and_then(|r| r.ok())
                        .and_then(|list| list.into_iter().find(|l| l.id == id))
                });
            let choose = Callback::new(move |slot: Slot| {
                state.draft.update(|d| d.choose_slot(Some(slot)));
                let route = Route::new(Step::Check, state.draft.with_untracked(|d| d.choices()));
                routes::go(&state, route, true);
                outcome.set(None);
                state.focus_heading();
            });
            view! {
                <TakenPage
                    intro="We have kept all your answers. Choose another time and check your answers again.".to_string()
                    nearest=nearest
                    place=place.map(|l| l.name).unwrap_or_default()
                    on_choose=choose
                    all_times=Step::Slot
                />
            }
            .into_any()
        }
        failure => {
            let failed = match failure {
                Some(Outcome::Failed(e)) => Some(e),
                _ => None,
            };
            // With a problem on show, the problem is the page's heading.
            let failed_now = failed.is_some();
            view! {
                <BackLink to=Step::Details/>
                {failed.map(|e| {
                    let unknown = e.outcome_unknown();
                    view! {
                        <ApiProblem error=e heading=true retry=Callback::new(move |_| book())/>
                        {unknown.then(|| view! {
                            <p class="nhsb-inset-text">"We do not know if your appointment was booked. Select ‘Book appointment’ again: you will not be booked twice."</p>
                        })}
                    }
                })}
                <Answers localities=localities as_heading=!failed_now/>
                <h2 class="nhsb-heading-m">"Now book your appointment"</h2>
                <p>"By booking, you confirm that the details you have given are correct to the best of your knowledge."</p>
                <button class="nhsb-button" type="button" disabled=move || sending.get()
                    aria-disabled=move || sending.get().then_some("true")
                    on:click=move |_| book()
                >
                    {move || if sending.get() { "Booking your appointment…" } else { "Book appointment" }}
                </button>
                <div class="nhsb-visually-hidden" role="status">
                    {move || sending.get().then_some("Booking your appointment, please wait.")}
                </div>
            }
            .into_any()
        }
    }
}

/// The answers, each with a way to change it that comes back here.
#[component]
fn Answers(
    localities: LocalResource<Result<Vec<booking_domain::model::Locality>, ApiError>>,
    /// The title is the page's `h1` (else an `h2` under a problem's `h1`).
    as_heading: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let change = move |step: Step| -> Option<(String, Callback<()>)> {
        Some((
            routes::href(&state, step, true),
            Callback::new(move |_| {
                let mut route = Route::new(step, state.draft.with_untracked(|d| d.choices()));
                route.change = true;
                routes::go(&state, route, false);
            }),
        ))
    };
    move || {
        let draft = state.draft.get();
        let service = state.service();
        let band = service.as_ref().and_then(|s| {
            draft
                .band
                .as_ref()
                .and_then(|b| s.band(b))
                .map(|b| b.name.clone())
        });
        let locality = draft.locality.as_ref().and_then(|id| {
            localities
                .get()
                .and_then(|r| r.ok())
                .and_then(|list| list.into_iter().find(|l| &l.id == id))
        });
        let fixed = state
            .services
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|s| draft.service_is_fixed(&s));
        let d = &draft.details;
        let mut rows = vec![
            SummaryRow {
                key: "Appointment",
                value: vec![service.map(|s| s.name).unwrap_or_default()],
                change: if fixed { None } else { change(Step::Service) },
                change_label: "appointment",
            },
            SummaryRow {
                key: "Clinician",
                value: vec![band.unwrap_or_default()],
                change: change(Step::Band),
                change_label: "clinician",
            },
            SummaryRow {
                key: "Location",
                value: locality
                    .map(|l| {
                        let mut lines = vec![l.name];
                        lines.extend(l.address);
                        lines.push(l.postcode);
                        lines
                    })
                    .unwrap_or_default(),
                change: change(Step::Locality),
                change_label: "location",
            },
        ];
        if let Some(slot) = &draft.slot {
            rows.push(SummaryRow {
                key: "Date and time",
                value: vec![
                    format::date_time(&slot.start),
                    format!(
                        "{} ({})",
                        format::mode_label(slot.mode),
                        format::duration((slot.end - slot.start).num_minutes())
                    ),
                ],
                change: change(Step::Slot),
                change_label: "date and time",
            });
        }
        let details = change(Step::Details);
        let dob = d
            .validate(today())
            .ok()
            .map(|(p, _)| format::dob(p.date_of_birth))
            .unwrap_or_default();
        rows.extend([
            SummaryRow {
                key: "Name",
                value: vec![format!("{} {}", d.given_name.trim(), d.family_name.trim())],
                change: details.clone(),
                change_label: "name",
            },
            SummaryRow {
                key: "Date of birth",
                value: vec![dob],
                change: details.clone(),
                change_label: "date of birth",
            },
            SummaryRow {
                key: "NHS number",
                value: vec![if d.no_nhs_number {
                    "I do not know my NHS number".into()
                } else {
                    booking_domain::validate::nhs_number(&d.nhs_number)
                        .map(|n| format::nhs_number_spaced(&n))
                        .unwrap_or_default()
                }],
                change: details.clone(),
                change_label: "NHS number",
            },
            SummaryRow {
                key: "Mobile phone",
                value: vec![non_empty(&d.phone)],
                change: details.clone(),
                change_label: "mobile phone number",
            },
            SummaryRow {
                key: "Email",
                value: vec![non_empty(&d.email)],
                change: details.clone(),
                change_label: "email address",
            },
            SummaryRow {
                key: "Reminders",
                value: vec![match (d.remind_sms, d.remind_email) {
                    (true, true) => "By text message and email".into(),
                    (true, false) => "By text message".into(),
                    (false, true) => "By email".into(),
                    (false, false) => "No reminders".into(),
                }],
                change: details,
                change_label: "reminders",
            },
        ]);
        let title = if as_heading {
            view! { <h1 tabindex="-1">{Step::Check.title()}</h1> }.into_any()
        } else {
            view! { <h2 class="nhsb-heading-m">{Step::Check.title()}</h2> }.into_any()
        };
        view! {
            {title}
            <SummaryList rows=rows/>
        }
    }
}

fn non_empty(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "Not given".into()
    } else {
        s.into()
    }
}
