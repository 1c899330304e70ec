use booking_domain::journey::Step;
use leptos::prelude::*;

use crate::routes::follow;
use crate::state::AppState;

/// A link to a step of the journey: a real `href` with the draft's choices (so it works in a
/// new tab, too), followed in place with the History API on a plain click.
#[component]
pub fn StepLink(
    /// The step it goes to.
    to: Step,
    /// The link's class; `nhsb-link` unless given.
    #[prop(optional)]
    class: Option<&'static str>,
    /// A "Change" link from check answers: Back on that page comes back here.
    #[prop(optional)]
    change: bool,
    /// Runs instead of going to `to` (e.g. "Start again" deletes the answers first).
    #[prop(optional, into)]
    on_follow: Option<Callback<()>>,
    /// Looks and is announced as a button (the start button: a link that starts a journey).
    #[prop(optional)]
    button: bool,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = state.router();
    view! {
        <a class=class.unwrap_or("nhsb-link") href=move || router.href(to, change)
            role=button.then_some("button") draggable=button.then_some("false")
            on:click=move |ev| if follow(&ev) {
                match on_follow {
                    Some(run) => run.run(()),
                    None => router.go_to(to, change),
                }
            }
        >{children()}</a>
    }
}

/// The page's heading: its `h1`, or an `h2` while a problem above it is the page's `h1`.
#[component]
pub fn PageHeading(
    text: &'static str,
    /// A problem is on show above (its title is the `h1`).
    #[prop(into)]
    under_problem: Signal<bool>,
) -> impl IntoView {
    move || {
        if under_problem.get() {
            view! { <h2 class="nhsb-heading-m">{text}</h2> }.into_any()
        } else {
            view! { <h1 tabindex="-1">{text}</h1> }.into_any()
        }
    }
}
