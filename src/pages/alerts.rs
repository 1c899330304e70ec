//! "Tell me if an earlier time comes up" (API 1.1 `slot_alerts`): where, which times, who to
//! text, check answers, the alert's confirmation, and stopping an alert. Thin views over
//! `booking_domain::alerts::AlertDraft`, which knows the order, the checks and the request.

use booking_domain::alerts::{normalise_alert_reference, AlertDetailsForm, AlertDraft};
use booking_domain::api::{ApiError, ErrorCode};
use booking_domain::format;
use booking_domain::journey::{Route, Step};
use booking_domain::outcome::Outcome;
use booking_domain::validate::Field;
use leptos::prelude::*;

use crate::browser::{focus_heading, set_title, today};
use crate::components::{
    error_items, ApiProblem, BackLink, Choice, DateInput, ErrorItem, ErrorSummary, Loading,
    PhoneNumber, Radios, ReferenceAndDob, SingleChoiceQuestion, StepLink, SummaryList, TextInput,
    WaysOn,
};
use crate::http::new_idempotency_key;
use crate::state::AppState;
use crate::submit::Submission;

/// An alert page: the question `step` once the questions before it are answered, else the
/// first one still to answer; without an alert being asked for in this tab, the start page
/// (stopping an alert needs none).
#[component]
pub fn AlertPage(step: Step) -> impl IntoView {
    let state = expect_context::<AppState>();
    if step == Step::AlertStop {
        return view! { <StopAlertPage/> }.into_any();
    }
    let allowed = state
        .alert()
        .with_untracked(|a| a.as_ref().map(|a| a.allowed(step)))
        .unwrap_or(Step::Start);
    if allowed != step {
        // Not while rendering: move on once this update has finished.
        request_animation_frame(move || {
            let choices = state.route.with_untracked(|r| r.choices.clone());
            state.go(Route::new(allowed, choices), true);
        });
        return view! { <Loading label="Loading"/> }.into_any();
    }
    match step {
        Step::AlertWhere => view! { <WherePage/> }.into_any(),
        Step::AlertBefore => view! { <BeforePage/> }.into_any(),
        Step::AlertDetails => view! { <AlertDetailsPage/> }.into_any(),
        Step::AlertCheck => view! { <AlertCheckPage/> }.into_any(),
        _ => view! { <AlertSetPage/> }.into_any(),
    }
}

/// The alert (there is one: `AlertPage` checked).
fn alert(state: AppState) -> AlertDraft {
    state
        .alert()
        .get_untracked()
        .unwrap_or_else(|| unreachable!())
}

/// Records an answer, then goes to the next question (or back to check answers after
/// "Change").
fn answer_and_go_on(state: AppState, answer: impl FnOnce(&mut AlertDraft)) {
    let change = state.route.with_untracked(|r| r.change);
    let next = state
        .alert()
        .try_update(|a| {
            let a = a.as_mut()?;
            answer(a);
            Some(a.next(change))
        })
        .flatten()
        .unwrap_or(Step::Start);
    state.go_to(next);
}

/// "Where could you go for an earlier appointment?"
#[component]
fn WherePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alert = alert(state);
    let items = vec![
        Choice::described("here".into(), alert.place_words(false), String::new()),
        Choice::described(
            "any".into(),
            "Any place with a clinic for this".into(),
            format!("With a {}. The text message says where.", alert.band_name),
        ),
    ];
    let initial = alert
        .any_place
        .map(|any| if any { "any" } else { "here" }.to_string());
    let answer = Callback::new(move |value: String| {
        state
            .alert()
            .update(|a| a.iter_mut().for_each(|a| a.choose_place(value == "any")));
    });
    let go_on = Callback::new(move |_| answer_and_go_on(state, |_| {}));
    view! {
        <SingleChoiceQuestion step=Step::AlertWhere back=alert.previous(Step::AlertWhere) name="where"
            hint="We will text you about an earlier time at the places you choose.".to_string()
            items=items initial=initial missing="Select where you could go" answer=answer go_on=go_on/>
    }
}

/// "Which times should we tell you about?": before a date; about a booking, before it or an
/// earlier date.
#[component]
fn BeforePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alert = alert(state);
    let (day, month, year) = (
        RwSignal::new(alert.before_day.clone()),
        RwSignal::new(alert.before_month.clone()),
        RwSignal::new(alert.before_year.clone()),
    );
    let choice = RwSignal::new(
        alert
            .before_booking
            .map(|b| if b { "booking" } else { "date" }.to_string()),
    );
    let initial = alert
        .server_errors
        .iter()
        .find(|e| e.field == Field::BeforeDay);
    let error = RwSignal::new(initial.map(|e| (e.field, e.message.clone())));
    Effect::new(move |_| set_title(Step::AlertBefore.title(), error.with(Option::is_some)));
    let booked_day = alert.booked_day;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let before_booking = booked_day.and(choice.get_untracked().map(|c| c == "booking"));
        let parts = [
            day.get_untracked(),
            month.get_untracked(),
            year.get_untracked(),
        ];
        let mut result = Ok(());
        state.alert().update(|a| {
            if let Some(a) = a {
                result = a.answer_before(before_booking, parts, today());
            }
        });
        match result {
            Ok(()) => answer_and_go_on(state, |_| {}),
            Err(e) => {
                error.set(Some((e.field, e.message)));
                focus_heading();
            }
        }
    };
    // About a booking, "no choice made" is said on the radios; everything else on the date.
    let radio_error = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|_| booked_day.is_some() && choice.with(Option::is_none))
                .map(|(_, m)| m.clone())
        })
    });
    let date_error =
        Signal::derive(move || error.get().filter(|_| radio_error.with(Option::is_none)));
    let summary = Signal::derive(move || match (radio_error.get(), date_error.get()) {
        (Some(m), _) => vec![ErrorItem::new("before-choice", m)],
        (_, Some((field, m))) => vec![ErrorItem::new(field.id(), m)],
        _ => Vec::new(),
    });
    let example = today() + chrono::Days::new(28);
    let hint = format!(
        "We will only text you about times before this date. For example, {}",
        example.format("%-d %-m %Y")
    );
    let hint: &'static str = Box::leak(hint.into_boxed_str());
    let date = move |legend: &'static str| {
        view! {
            <DateInput id="before" legend=legend hint=hint day=day month=month year=year error=date_error/>
        }
    };
    let question = match booked_day {
        // The radios' legend is the page's heading; the date is revealed under its option.
        Some(booked) => {
            let items = vec![
                Choice::described(
                    "booking".into(),
                    format!(
                        "Any time before my current appointment on {}",
                        format::long_date(booked)
                    ),
                    String::new(),
                ),
                Choice::described(
                    "date".into(),
                    "Only times before an earlier date".into(),
                    String::new(),
                ),
            ];
            view! {
                <Radios name="before-choice" legend=Step::AlertBefore.title().to_string() heading=true
                    items=items selected=choice error=radio_error/>
                {move || (choice.get().as_deref() == Some("date")).then(|| view! {
                    <div class="nhsb-radios__conditional">{date("Only tell me about times before")}</div>
                })}
            }
            .into_any()
        }
        None => view! {
            <h1 tabindex="-1">{Step::AlertBefore.title()}</h1>
            {date("Only tell me about times before")}
        }
        .into_any(),
    };
    view! {
        <BackLink to=alert.previous(Step::AlertBefore)/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary/>
            {question}
            <button class="nhsb-button" type="submit">"Continue"</button>
        </form>
    }
}

/// "Who should we text?": name, date of birth and mobile number, filled in from what the
/// patient has typed already.
#[component]
fn AlertDetailsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alert = alert(state);
    let d = alert.details.clone();
    let (given_name, family_name, phone) = (
        RwSignal::new(d.given_name),
        RwSignal::new(d.family_name),
        RwSignal::new(d.phone),
    );
    let (dob_day, dob_month, dob_year) = (
        RwSignal::new(d.dob_day),
        RwSignal::new(d.dob_month),
        RwSignal::new(d.dob_year),
    );
    let errors = RwSignal::new(alert.server_errors.clone());
    Effect::new(move |_| set_title(Step::AlertDetails.title(), errors.with(|e| !e.is_empty())));
    let message = move |field: Field| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let dob_error = Signal::derive(move || {
        errors.with(|list| {
            (list.iter())
                .find(|e| e.field.date_part().is_some())
                .map(|e| (e.field, e.message.clone()))
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = AlertDetailsForm {
            given_name: given_name.get_untracked(),
            family_name: family_name.get_untracked(),
            dob_day: dob_day.get_untracked(),
            dob_month: dob_month.get_untracked(),
            dob_year: dob_year.get_untracked(),
            phone: phone.get_untracked(),
        };
        let mut result = Ok(());
        state.alert().update(|a| {
            if let Some(a) = a {
                result = a.answer_details(form, today());
            }
        });
        match result {
            Ok(()) => answer_and_go_on(state, |_| {}),
            Err(list) => {
                errors.set(list);
                focus_heading();
            }
        }
    };
    view! {
        <BackLink to=alert.previous(Step::AlertDetails)/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=error_items(errors)/>
            <h1 tabindex="-1">{Step::AlertDetails.title()}</h1>
            <p>"We need these details to find your records and to text you if an earlier time comes up."</p>
            <TextInput id=Field::GivenName.id() label="First name" value=given_name error=message(Field::GivenName)
                autocomplete="given-name" no_spellcheck=true width="20"/>
            <TextInput id=Field::FamilyName.id() label="Last name" value=family_name error=message(Field::FamilyName)
                autocomplete="family-name" no_spellcheck=true width="20"/>
            <DateInput id="dob" legend="Date of birth" hint="For example, 15 3 1984"
                day=dob_day month=dob_month year=dob_year error=dob_error/>
            <TextInput id=Field::Phone.id() label="Mobile phone number"
                hint="We will text this number when an earlier time comes up, and only about that."
                value=phone error=message(Field::Phone) autocomplete="tel" kind="tel" width="20"/>
            <button class="nhsb-button" type="submit">"Continue"</button>
        </form>
    }
}

/// Check answers, then set the alert up (once: the same key for every retry).
#[component]
fn AlertCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alert = alert(state);
    let submission = Submission::new(Step::AlertCheck.title());
    // The API's own words when it refused something the patient cannot correct here (the
    // booking was cancelled meanwhile, say).
    let refused = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        if !refused.with(Vec::is_empty) {
            set_title(Step::AlertCheck.title(), true);
        }
    });
    let client = state.client;
    let send = move || {
        let Some((request, key)) = state
            .alert()
            .try_update(|a| {
                let a = a.as_mut()?;
                let key = a.key.get_or_insert_with(new_idempotency_key).clone();
                Some((a.request()?, key))
            })
            .flatten()
        else {
            return;
        };
        submission.send(
            async move {
                match client.create_alert(&request, &key).await {
                    // The API's objections to answers: shown on the pages that ask them.
                    Err(ApiError::Status {
                        code: ErrorCode::ValidationFailed,
                        fields,
                        ..
                    }) if !fields.is_empty() => Outcome::Done(Err(fields)),
                    result => Outcome::of(result.map(Ok)),
                }
            },
            move |outcome| match outcome {
                Outcome::Done(Ok(set)) => {
                    state
                        .alert()
                        .update(|a| a.iter_mut().for_each(|a| a.set = Some(set.clone())));
                    state.go_to(Step::AlertSet);
                    None
                }
                Outcome::Done(Err(fields)) => {
                    let page = state
                        .alert()
                        .try_update(|a| a.as_mut().and_then(|a| a.refused(&fields)))
                        .flatten();
                    match page {
                        Some(page) => {
                            state.go_to(page);
                            None
                        }
                        None => {
                            refused.set(fields.into_values().collect());
                            focus_heading();
                            None
                        }
                    }
                }
                other => other.into_done().err(),
            },
        );
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        refused.set(Vec::new());
        send();
    };
    let problem = move || {
        if !refused.with(Vec::is_empty) {
            return Some(
                view! {
                    <div class="nhsb-error-summary" role="alert" tabindex="-1">
                        <h2 class="nhsb-error-summary__title">"We could not set up your alert"</h2>
                        {refused.get().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                        <p>"To talk to us, call " <PhoneNumber/> "."</p>
                    </div>
                }
                .into_any(),
            );
        }
        submission.shown.with(|s| match s {
            Some(Outcome::Problem(e)) if e.code() == Some(&ErrorCode::Conflict) => Some(
                view! {
                    <div class="nhsb-error-summary" role="alert" tabindex="-1">
                        <h2 class="nhsb-error-summary__title">"You already have an alert for this appointment"</h2>
                        <p>"We will already text you if an earlier time comes up. To ask for different times, "
                            <StepLink to=Step::AlertStop>"stop that alert"</StepLink> " first."</p>
                    </div>
                }
                .into_any(),
            ),
            Some(other) => other.as_problem().map(|e| view! { <ApiProblem error=e/> }.into_any()),
            None => None,
        })
    };
    let current = alert.booking.as_ref().map(|_| {
        "Your current appointment stays booked unless you take an earlier time we offer you."
    });
    view! {
        <BackLink to=alert.previous(Step::AlertCheck)/>
        <form class="nhsb-form" on:submit=submit novalidate>
            {problem}
            <h1 tabindex="-1">{Step::AlertCheck.title()}</h1>
            <SummaryList rows=alert.rows()/>
            <h2 class="nhsb-heading-m">"Now set up your alert"</h2>
            <p>"If a time comes up that suits what you asked for, we will keep it for you for a short time and text you a link to book it. The message says how long we keep it."</p>
            {current.map(|words| view! { <p>{words}</p> })}
            <button class="nhsb-button" type="submit" disabled=move || submission.sending.get()>
                {move || if submission.sending.get() { "Setting up your alert…" } else { "Set up alert" }}
            </button>
        </form>
    }
}

/// The alert's reference, what happens next and how to stop it.
#[component]
fn AlertSetPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alert = alert(state);
    set_title(Step::AlertSet.title(), false);
    focus_heading();
    let Some(set) = alert.set.clone() else {
        return ().into_any();
    };
    let phone = alert
        .patient
        .as_ref()
        .map(|p| p.phone.clone())
        .unwrap_or_default();
    let place = if alert.any_place == Some(true) {
        "at any place with a clinic for this".to_string()
    } else {
        format!("at {}", alert.locality_name)
    };
    let booked = alert.booked_day.map(|day| {
        view! {
            <p>"Your appointment on " {format::long_date(day)} " is still booked. If you take an earlier time, we will move your appointment to it and give up the later one."</p>
            <p><StepLink to=Step::ManageBooking>"Back to your appointment"</StepLink></p>
        }
    });
    let not_booked = alert.booked_day.is_none().then(|| {
        view! {
            <p>"You have not booked an appointment."</p>
            <p><StepLink to=Step::Slot>"Choose one of the times available now"</StepLink></p>
        }
    });
    view! {
        <div class="nhsb-panel">
            <h1 class="nhsb-panel__title" tabindex="-1">{Step::AlertSet.title()}</h1>
            <div class="nhsb-panel__body">
                "Your alert reference is"<br/>
                <strong class="nhsb-panel__reference">{set.alert.clone()}</strong>
            </div>
        </div>
        <h2 class="nhsb-heading-m">"What happens next"</h2>
        <p>"We will text " <strong>{phone}</strong> " if an earlier appointment comes up "
            {place} " before " {format::long_date(set.expires)} "."</p>
        <p>"We will keep that time for you for a short time. The text message has a link to book it and says until when we keep it."</p>
        <p>"The alert ends on " {format::long_date(set.expires)} "."</p>
        {booked}
        {not_booked}
        <h2 class="nhsb-heading-m">"If you no longer want these texts"</h2>
        <p>"If you book another way or no longer need an earlier time, stop the alert so the time goes to someone else."</p>
        <p><StepLink to=Step::AlertStop class="nhsb-button nhsb-button--secondary">"Stop this alert"</StepLink></p>
        <p>"To talk to us, call " <PhoneNumber/> "."</p>
    }
    .into_any()
}

/// The reference box's id (the error summary links to it).
const REFERENCE: &str = "alert-reference";

const NOT_FOUND: &str =
    "We could not find an alert with those details. Check your alert reference and date of birth";

/// "Stop texts about earlier times": the alert's reference and the date of birth given with
/// it (both filled in for the alert set up in this tab), then its stopped state.
#[component]
fn StopAlertPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kept = state.alert().get_untracked();
    let dob = kept.as_ref().map(|a| &a.details);
    let form = ReferenceAndDob::new(
        REFERENCE,
        (kept.as_ref())
            .and_then(|a| a.set.as_ref().map(|s| s.alert.clone()))
            .unwrap_or_default(),
        [
            dob.map(|d| d.dob_day.clone()).unwrap_or_default(),
            dob.map(|d| d.dob_month.clone()).unwrap_or_default(),
            dob.map(|d| d.dob_year.clone()).unwrap_or_default(),
        ],
    );
    let stopped = RwSignal::new(None::<String>);
    let title = Signal::derive(move || match stopped.with(Option::is_some) {
        true => "Alert stopped",
        false => Step::AlertStop.title(),
    });
    let submission = Submission::with_field_errors(title, form.has_errors());
    let not_found = move || {
        submission
            .shown
            .with(|s| matches!(s, Some(Outcome::NotFound)))
    };
    let summary = form.summary(not_found, NOT_FOUND);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submission.sending.get_untracked() {
            return;
        }
        submission.shown.set(None);
        let Some((reference, dob)) = form.read(normalise_alert_reference) else {
            return;
        };
        let client = state.client;
        let id = reference.clone();
        submission.send(
            async move { Outcome::of(client.stop_alert(&id, dob).await) },
            move |outcome| {
                outcome.into_done().err().or_else(|| {
                    // The alert this tab set up is over: asking again starts afresh.
                    state.alert().update(|a| {
                        if a.as_ref()
                            .and_then(|a| a.set.as_ref())
                            .is_some_and(|s| s.alert == reference)
                        {
                            *a = None;
                        }
                    });
                    stopped.set(Some(reference));
                    focus_heading();
                    None
                })
            },
        );
    };
    move || {
        if let Some(reference) = stopped.get() {
            return view! {
                <div class="nhsb-panel">
                    <h1 class="nhsb-panel__title" tabindex="-1">"Alert stopped"</h1>
                    <div class="nhsb-panel__body">"Alert " {reference}</div>
                </div>
                <p>"We will not text you about earlier times for this alert. Any appointment you have booked is not affected."</p>
                <WaysOn/>
            }
            .into_any();
        }
        // Built untracked: the form stays (and keeps focus) while its errors change.
        untrack(|| {
            view! {
                <form class="nhsb-form" on:submit=submit novalidate>
                    <ErrorSummary errors=summary/>
                    {move || submission.shown.with(|s| match s {
                        Some(Outcome::NotFound) | None => None,
                        Some(other) => other.as_problem(),
                    }).map(|e| view! { <ApiProblem error=e/> })}
                    <h1 tabindex="-1">{Step::AlertStop.title()}</h1>
                    <p>"We will stop texting you about earlier times. Any appointment you have booked stays booked."</p>
                    <TextInput id=REFERENCE label="Alert reference" hint="This is in our text messages and starts ALT, for example ALT-4M8Q"
                        value=form.reference error=form.reference_error autocomplete="off" no_spellcheck=true width="10"/>
                    <DateInput id="dob" legend="Date of birth" hint="For example, 15 3 1984"
                        day=form.day month=form.month year=form.year error=form.dob_error/>
                    <button class="nhsb-button nhsb-button--warning" type="submit" disabled=move || submission.sending.get()>
                        {move || if submission.sending.get() { "Stopping the alert…" } else { "Stop the alert" }}
                    </button>
                </form>
            }
            .into_any()
        })
    }
}
