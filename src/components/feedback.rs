use booking_domain::model::FeedbackRequest;
use leptos::prelude::*;

use super::{ApiProblem, CharacterCount, Choice, ErrorItem, ErrorSummary, Radios};
use wasm_bindgen::JsCast;

use crate::browser::focus_heading;
use crate::state::AppState;
use crate::submit::Submission;
use crate::words::check::words;

/// The most characters a comment may have (the contract's limit).
pub const COMMENT_MAX: usize = 1200;

/// "How easy was it to book?" (API 1.1 `feedback`, the GOV.UK satisfaction pattern): five
/// options and an optional comment, sent with nothing that identifies the patient; then a
/// thank-you. Shown only when the API lists `feedback`.
#[component]
pub fn Feedback(
    /// What the patient did, in the question: "book" or "cancel".
    did: &'static str,
    /// The page it is sent from (`confirmation`, `manage/cancelled`).
    step: &'static str,
    /// The page's title (it gets "Error: " before it while the form shows errors).
    title: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let offered = move || {
        state
            .services
            .with(|s| matches!(s, Some(Ok(list)) if list.iter().any(|s| s.offers.feedback)))
    };
    move || offered().then(|| untrack(|| view! { <FeedbackForm did=did step=step title=title/> }))
}

#[component]
fn FeedbackForm(did: &'static str, step: &'static str, title: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let rating = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let rating_error = RwSignal::new(None::<String>);
    let comment_error = RwSignal::new(None::<String>);
    let sent = RwSignal::new(false);
    // The page's title, with "Error: " before it while this form shows errors.
    let submission = Submission::with_field_errors(
        title,
        Signal::derive(move || {
            rating_error.with(Option::is_some) || comment_error.with(Option::is_some)
        }),
    );
    let (question, missing) = if did == "cancel" {
        (w.feedback_question_cancel, w.feedback_error_cancel)
    } else {
        (w.feedback_question_book, w.feedback_error_book)
    };
    let question = question.to_string();
    let items = ["5", "4", "3", "2", "1"]
        .into_iter()
        .zip(w.feedback_ratings)
        .map(|(value, label)| Choice::described(value.into(), label.into(), String::new()))
        .collect::<Vec<_>>();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = rating.get_untracked().and_then(|r| r.parse::<u8>().ok());
        let text = comment.get_untracked().trim().to_string();
        rating_error.set(chosen.is_none().then(|| missing.to_string()));
        comment_error
            .set((text.chars().count() > COMMENT_MAX).then(|| w.feedback_error_long.to_string()));
        let Some(rating) = chosen.filter(|_| comment_error.with_untracked(Option::is_none)) else {
            focus_heading();
            return;
        };
        let source = crate::measure::source_name();
        let body = FeedbackRequest {
            rating,
            comment: Some(text).filter(|t| !t.is_empty()),
            step: step.into(),
            source: source.into(),
        };
        let client = state.client();
        submission.send(
            async move { booking_domain::outcome::Outcome::of(client.feedback(&body).await) },
            move |outcome| {
                outcome.into_done().err().or_else(|| {
                    sent.set(true);
                    // The thanks takes focus, so it is read, and the form's place is not lost.
                    request_animation_frame(|| {
                        let thanks = document().get_element_by_id("feedback-thanks");
                        if let Some(e) =
                            thanks.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = e.focus();
                        }
                    });
                    None
                })
            },
        );
    };
    let summary = Signal::derive(move || {
        let mut list = Vec::new();
        if let Some(e) = rating_error.get() {
            list.push(ErrorItem::new("feedback-rating", e));
        }
        if let Some(e) = comment_error.get() {
            list.push(ErrorItem::new("feedback-comment", e));
        }
        list
    });
    view! {
        <section class="nhsb-feedback" aria-labelledby="feedback-heading">
            <h2 class="nhsb-heading-m" id="feedback-heading">{w.feedback_heading}</h2>
            {move || if sent.get() {
                view! {
                    <div class="nhsb-inset-text" id="feedback-thanks" tabindex="-1" role="status">
                        <p>{w.feedback_thanks}</p>
                    </div>
                }.into_any()
            } else {
                let question = question.clone();
                let items = items.clone();
                untrack(move || view! {
                    <form class="nhsb-form" on:submit=submit novalidate>
                        <ErrorSummary errors=summary/>
                        {move || submission.problem().map(|e| view! { <ApiProblem error=e/> })}
                        <Radios name="feedback-rating" legend=question items=items selected=rating error=rating_error/>
                        <CharacterCount id="feedback-comment" label=w.feedback_comment.to_string()
                            hint=w.feedback_comment_hint.to_string()
                            value=comment max=COMMENT_MAX error=comment_error/>
                        <button class="nhsb-button nhsb-button--secondary" type="submit" disabled=move || submission.sending.get()>
                            {move || if submission.sending.get() { w.feedback_sending } else { w.feedback_send }}
                        </button>
                    </form>
                }).into_any()
            }}
        </section>
    }
}
