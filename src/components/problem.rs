use booking_domain::api::ApiError;
use booking_domain::format;
use leptos::prelude::*;

use super::PhoneNumber;

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

/// No connection: the words `explain` gives `ApiError::Network`, also for a part of the app
/// (a chunk) that could not be fetched.
pub const NO_CONNECTION: (&str, &str) = (
    "We could not connect to the booking service",
    "Check you are connected to the internet and try again. Nothing you have entered has been lost.",
);

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
    view! {
        <Problem title=title heading=heading>
            <p>{advice}</p>
            {retry.map(|retry| view! {
                <button class="nhsb-button nhsb-button--secondary" type="button" on:click=move |_| retry.run(())>
                    "Try again"
                </button>
            })}
            <p>
                "If you need help, call "
                <PhoneNumber/> "."
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
    let wait = error
        .retry_after()
        .map(|s| format!("Try again {}.", format::wait(s)))
        .unwrap_or_else(|| "Try again in a few minutes.".into());
    match error {
        ApiError::Network => (NO_CONNECTION.0.into(), NO_CONNECTION.1.into()),
        ApiError::Timeout => (
            "The booking service is taking too long to answer".into(),
            "Try again. Nothing you have entered has been lost.".into(),
        ),
        e if e.is_busy() => (
            "The booking service is busy".into(),
            format!("{wait} Nothing you have entered has been lost."),
        ),
        _ => (
            "Sorry, there is a problem with the booking service".into(),
            "Try again later. Nothing you have entered has been lost.".into(),
        ),
    }
}
