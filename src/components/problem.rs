use booking_domain::api::ApiError;
use booking_domain::format;
use booking_domain::lang::{around, fill};
use leptos::prelude::*;

use super::PhoneNumber;
use crate::words::problem::words;

/// What went wrong talking to the API, in words a patient understands, with a way on: try
/// again (nothing typed is lost) or phone.
#[component]
pub fn ApiProblem(
    error: ApiError,
    /// Shown as a "Try again" button when given.
    #[prop(optional, into)]
    retry: Option<Callback<()>>,
    /// Heading level 1 when the problem is the whole page.
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    crate::measure::problem(booking_domain::measure::problem_kind(&error));
    let (title, advice) = explain(&error);
    view! { <ProblemWithWayOn title=title advice=advice retry=retry heading=heading/> }
}

/// No connection: the title and advice `explain` gives `ApiError::Network`, also for a part of
/// the app (a chunk) that could not be fetched.
pub fn no_connection() -> (&'static str, &'static str) {
    let w = words();
    (w.no_connection_title, w.no_connection_advice)
}

/// A problem with what to do: the advice, "Try again" (when given) and the phone number.
/// `ApiProblem` words it from the error; the main module uses this alone (a chunk that could
/// not load), so `explain` is not in it.
#[component]
pub fn ProblemWithWayOn(
    #[prop(into)] title: String,
    #[prop(into)] advice: String,
    retry: Option<Callback<()>>,
    heading: bool,
) -> impl IntoView {
    let w = words();
    let (call, after_call) = around(w.help_call, "phone");
    view! {
        <Problem title=title heading=heading>
            <p>{advice}</p>
            {retry.map(|retry| view! {
                <button class="nhsb-button nhsb-button--secondary" type="button" on:click=move |_| retry.run(())>
                    {w.try_again}
                </button>
            })}
            <p>
                {call}
                <PhoneNumber/> {after_call}
            </p>
        </Problem>
    }
}

/// A problem box: what went wrong as its title, then what to do.
#[component]
pub fn Problem(
    #[prop(into)] title: String,
    /// Heading level 1 when the problem is the page's heading.
    #[prop(optional)]
    heading: bool,
    /// What to do (paragraphs, a Try again button, the phone number).
    children: Children,
) -> impl IntoView {
    let title = if heading {
        view! { <h1 class="nhsb-problem__title" tabindex="-1">{title}</h1> }.into_any()
    } else {
        view! { <h2 class="nhsb-problem__title">{title}</h2> }.into_any()
    };
    view! {
        <div class="nhsb-problem" role="alert">
            {title}
            {children()}
        </div>
    }
}

/// The heading and advice for an API error.
pub fn explain(error: &ApiError) -> (String, String) {
    let w = words();
    match error {
        ApiError::Network => (w.no_connection_title.into(), w.no_connection_advice.into()),
        ApiError::Timeout => (w.timeout_title.into(), w.timeout_advice.into()),
        e if e.is_busy() => (
            w.busy_title.into(),
            match e.retry_after() {
                Some(s) => fill(w.busy_advice_wait, &[("wait", &format::wait(s))]),
                None => w.busy_advice.into(),
            },
        ),
        _ => (w.failed_title.into(), w.failed_advice.into()),
    }
}
