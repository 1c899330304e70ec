//! "Tell me if an earlier time comes up" (API 1.1 `slot_alerts`): where, which times, who to
//! text, check answers, the alert's confirmation, and stopping an alert. Thin views over
//! `booking_domain::alerts::AlertDraft`, which knows the order, the checks and the request.

use booking_domain::alerts::{normalise_alert_reference, AlertDetailsForm, AlertDraft};
use booking_domain::api::{ApiError, ErrorCode};
use booking_domain::format;
use booking_domain::journey::{Route, Step};
use booking_domain::lang::{around, fill};
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
use crate::words::{alerts::words, layout};

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
        return view! { <Loading label=layout::words().loading/> }.into_any();
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
    let w = words();
    let alert = alert(state);
    let items = vec![
        Choice::described("here".into(), alert.place_words(false), String::new()),
        Choice::described(
            "any".into(),
            w.any_place.into(),
            fill(w.any_place_hint, &[("band", &alert.band_name)]),
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
            hint=w.where_hint.to_string()
            items=items initial=initial missing=w.where_missing answer=answer go_on=go_on/>
    }
}

/// "Which times should we tell you about?": before a date; about a booking, before it or an
/// earlier date.
#[component]
fn BeforePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
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
    let hint = fill(
        w.before_hint,
        &[("example", &example.format("%-d %-m %Y").to_string())],
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
                    fill(w.before_booking, &[("date", &format::long_date(booked))]),
                    String::new(),
                ),
                Choice::described("date".into(), w.before_date.into(), String::new()),
            ];
            view! {
                <Radios name="before-choice" legend=Step::AlertBefore.title().to_string() heading=true
                    items=items selected=choice error=radio_error/>
                {move || (choice.get().as_deref() == Some("date")).then(|| view! {
                    <div class="nhsb-radios__conditional">{date(w.before_legend)}</div>
                })}
            }
            .into_any()
        }
        None => view! {
            <h1 tabindex="-1">{Step::AlertBefore.title()}</h1>
            {date(w.before_legend)}
        }
        .into_any(),
    };
    view! {
        <BackLink to=alert.previous(Step::AlertBefore)/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary/>
            {question}
            <button class="nhsb-button" type="submit">{w.continue_button}</button>
        </form>
    }
}

/// "Who should we text?": name, date of birth and mobile number, filled in from what the
/// patient has typed already.
#[component]
fn AlertDetailsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
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
            <p>{w.details_intro}</p>
            <TextInput id=Field::GivenName.id() label=w.first_name value=given_name error=message(Field::GivenName)
                autocomplete="given-name" no_spellcheck=true width="20"/>
            <TextInput id=Field::FamilyName.id() label=w.last_name value=family_name error=message(Field::FamilyName)
                autocomplete="family-name" no_spellcheck=true width="20"/>
            <DateInput id="dob" legend=w.dob_legend hint=w.dob_hint
                day=dob_day month=dob_month year=dob_year error=dob_error/>
            <TextInput id=Field::Phone.id() label=w.mobile
                hint=w.mobile_hint
                value=phone error=message(Field::Phone) autocomplete="tel" kind="tel" width="20"/>
            <button class="nhsb-button" type="submit">{w.continue_button}</button>
        </form>
    }
}

/// Check answers, then set the alert up (once: the same key for every retry).
#[component]
fn AlertCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
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
    let client = state.client();
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
    let (call, after_call) = around(w.call_to_talk, "phone");
    let (already, after_already) = around(w.already_text, "link");
    let problem = move || {
        if !refused.with(Vec::is_empty) {
            return Some(
                view! {
                    <div class="nhsb-error-summary" role="alert" tabindex="-1">
                        <h2 class="nhsb-error-summary__title">{w.not_set_up}</h2>
                        {refused.get().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                        <p>{call} <PhoneNumber/> {after_call}</p>
                    </div>
                }
                .into_any(),
            );
        }
        submission.shown.with(|s| match s {
            Some(Outcome::Problem(e)) if e.code() == Some(&ErrorCode::Conflict) => Some(
                view! {
                    <div class="nhsb-error-summary" role="alert" tabindex="-1">
                        <h2 class="nhsb-error-summary__title">{w.already_have}</h2>
                        <p>{already} <StepLink to=Step::AlertStop>{w.stop_that_alert}</StepLink> {after_already}</p>
                    </div>
                }
                .into_any(),
            ),
            Some(other) => other.as_problem().map(|e| view! { <ApiProblem error=e/> }.into_any()),
            None => None,
        })
    };
    let current = alert.booking.as_ref().map(|_| w.current_stays);
    view! {
        <BackLink to=alert.previous(Step::AlertCheck)/>
        <form class="nhsb-form" on:submit=submit novalidate>
            {problem}
            <h1 tabindex="-1">{Step::AlertCheck.title()}</h1>
            <SummaryList rows=alert.rows()/>
            <h2 class="nhsb-heading-m">{w.set_up_heading}</h2>
            <p>{w.set_up_text}</p>
            {current.map(|words| view! { <p>{words}</p> })}
            <button class="nhsb-button" type="submit" disabled=move || submission.sending.get()>
                {move || if submission.sending.get() { w.setting_up } else { w.set_up_button }}
            </button>
        </form>
    }
}

/// The alert's reference, what happens next and how to stop it.
#[component]
fn AlertSetPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
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
        w.place_any.to_string()
    } else {
        fill(w.place_at, &[("place", &alert.locality_name)])
    };
    let expires = format::long_date(set.expires);
    // The number is in bold: the words either side of it, each with the place and date.
    let (will_text, after_phone) = around(w.will_text, "phone");
    let args = [("place", place.as_str()), ("date", expires.as_str())];
    let (will_text, after_phone) = (fill(will_text, &args), fill(after_phone, &args));
    let (call, after_call) = around(w.call_to_talk, "phone");
    let booked = alert.booked_day.map(|day| {
        view! {
            <p>{fill(w.still_booked, &[("date", &format::long_date(day))])}</p>
            <p><StepLink to=Step::ManageBooking>{w.back_to_appointment}</StepLink></p>
        }
    });
    let not_booked = alert.booked_day.is_none().then(|| {
        view! {
            <p>{w.not_booked}</p>
            <p><StepLink to=Step::Slot>{w.choose_now}</StepLink></p>
        }
    });
    view! {
        <div class="nhsb-panel">
            <h1 class="nhsb-panel__title" tabindex="-1">{Step::AlertSet.title()}</h1>
            <div class="nhsb-panel__body">
                {w.reference_lead}<br/>
                <strong class="nhsb-panel__reference">{set.alert.clone()}</strong>
            </div>
        </div>
        <h2 class="nhsb-heading-m">{w.next_heading}</h2>
        <p>{will_text} <strong>{phone}</strong> {after_phone}</p>
        <p>{w.keep_text}</p>
        <p>{fill(w.ends, &[("date", &expires)])}</p>
        {booked}
        {not_booked}
        <h2 class="nhsb-heading-m">{w.no_longer_heading}</h2>
        <p>{w.no_longer_text}</p>
        <p><StepLink to=Step::AlertStop class="nhsb-button nhsb-button--secondary">{w.stop_this}</StepLink></p>
        <p>{call} <PhoneNumber/> {after_call}</p>
    }
    .into_any()
}

/// The reference box's id (the error summary links to it).
const REFERENCE: &str = "alert-reference";

/// "Stop texts about earlier times": the alert's reference and the date of birth given with
/// it (both filled in for the alert set up in this tab), then its stopped state.
#[component]
fn StopAlertPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
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
        true => w.stopped,
        false => Step::AlertStop.title(),
    });
    let submission = Submission::with_field_errors(title, form.has_errors());
    let not_found = move || {
        submission
            .shown
            .with(|s| matches!(s, Some(Outcome::NotFound)))
    };
    let summary = form.summary(not_found, w.stop_not_found);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submission.sending.get_untracked() {
            return;
        }
        submission.shown.set(None);
        let Some((reference, dob)) = form.read(normalise_alert_reference) else {
            return;
        };
        let client = state.client();
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
                    <h1 class="nhsb-panel__title" tabindex="-1">{w.stopped}</h1>
                    <div class="nhsb-panel__body">{fill(w.stopped_reference, &[("reference", &reference)])}</div>
                </div>
                <p>{w.stopped_text}</p>
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
                    <p>{w.stop_intro}</p>
                    <TextInput id=REFERENCE label=w.reference_label hint=w.reference_hint
                        value=form.reference error=form.reference_error autocomplete="off" no_spellcheck=true width="10"/>
                    <DateInput id="dob" legend=w.dob_legend hint=w.dob_hint
                        day=form.day month=form.month year=form.year error=form.dob_error/>
                    <button class="nhsb-button nhsb-button--warning" type="submit" disabled=move || submission.sending.get()>
                        {move || if submission.sending.get() { w.stopping } else { w.stop_button }}
                    </button>
                </form>
            }
            .into_any()
        })
    }
}
