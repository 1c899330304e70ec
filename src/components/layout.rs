use booking_domain::journey::{service_name, Step, QUESTIONS};
use booking_domain::lang::around;
use leptos::prelude::*;

use super::StepLink;
use crate::browser::focus_heading;
use crate::state::AppState;
use crate::words::layout::words;

/// Header, main and footer around every page. The skip link and landmarks let keyboard and
/// screen-reader users go straight to the question.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let (call, after_call) = around(w.call, "phone");
    // Only while booking (and on the urgent advice, whose answers a shared device should not
    // keep): there are answers to delete. A memo, so "Start again" is made again only when
    // this changes, not on every new URL (each day of times is one).
    let booking = Memo::new(move |_| {
        state
            .route
            .with(|r| QUESTIONS.contains(&r.step) || r.step == Step::Urgent)
    });
    view! {
        <a class="nhsb-skip-link" href="#nhsb-main"
            on:click=move |ev| {
                // Jump without writing `#nhsb-main` into the host page's URL.
                ev.prevent_default();
                focus_heading();
            }
        >{w.skip}</a>
        <header class="nhsb-header">
            <div class="nhsb-width-container nhsb-header__container">
                <StepLink to=Step::Start class="nhsb-header__link">
                    <span class="nhsb-header__logo" aria-hidden="true">{w.logo}</span>
                    <span class="nhsb-header__service">{service_name()}</span>
                </StepLink>
                <LanguageSwitch/>
            </div>
        </header>
        <div class="nhsb-width-container">
            <main class="nhsb-main" id="nhsb-main">
                {children()}
            </main>
        </div>
        <footer class="nhsb-footer">
            <div class="nhsb-width-container">
                <h2 class="nhsb-visually-hidden">{w.support_links}</h2>
                <p class="nhsb-footer__text">
                    {call}
                    <PhoneNumber class="nhsb-footer__link"/> {after_call}
                </p>
                <ul class="nhsb-footer__list">
                    {move || booking.get().then(|| view! { <li><StartAgain/></li> })}
                    <li><StepLink to=Step::ManageFind class="nhsb-footer__link">{w.change_or_cancel}</StepLink></li>
                    <li><StepLink to=Step::Accessibility class="nhsb-footer__link">{w.accessibility}</StepLink></li>
                </ul>
            </div>
        </footer>
    }
}

/// "Back" to the previous question. A real link, so it works without history too.
#[component]
pub fn BackLink(
    /// The step to go back to.
    to: Step,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Reached by "Change" from check answers: Back returns there (the alert's own, from
    // one of its questions).
    let to = match state.route.with_untracked(|r| r.change.then_some(r.step)) {
        Some(step) if booking_domain::alerts::QUESTIONS.contains(&step) => Step::AlertCheck,
        Some(_) => Step::Check,
        None => to,
    };
    view! { <StepLink to=to class="nhsb-back-link">{words().back}</StepLink> }
}

/// "Start again" (in the footer while booking): deletes the answers given so far (on a shared
/// phone or computer too) and goes back to the start page. In the footer, not under the
/// question, so it never moves while a page loads (layout shift).
#[component]
pub fn StartAgain() -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    view! {
        <StepLink to=Step::Start class="nhsb-footer__link" on_follow=move |_| state.start_again()>
            {w.start_again}<span class="nhsb-visually-hidden">{w.start_again_more}</span>
        </StepLink>
    }
}

/// Said politely to screen readers while something loads.
#[component]
pub fn Loading(
    /// What is loading, e.g. "Loading available times".
    label: &'static str,
) -> impl IntoView {
    view! {
        <p class="nhsb-loading" role="status">
            <span class="nhsb-loading__spinner" aria-hidden="true"></span>
            {label}"…"
        </p>
    }
}

/// The number to call as a link, with opening hours: "01480 123456 (Monday to Friday, 8am to
/// 6pm)". Every "call us instead" on every page uses this, so the words never drift apart.
#[component]
pub fn PhoneNumber(
    /// The link's class; `nhsb-link` unless given.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <a class=class.unwrap_or("nhsb-link") href=move || format!("tel:{}", state.phone().replace(' ', ""))>
            {move || state.phone()}
        </a>
        " (" {state.config.opening_hours()} ")"
    }
}

/// "Cymraeg" in English, "English" in Welsh: this page again in the other language (answers
/// kept in the tab, the step in the URL; `crate::lang`). A real link, so it works in a new tab.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let other = booking_domain::lang::current().other();
    // The URL of the page on show (the History API has moved it before the route changes).
    let href = move || {
        state.route.track();
        crate::lang::switch_url(other)
    };
    view! {
        <a class="nhsb-header__language" href=href lang=other.code() hreflang=other.code()>
            {other.own_name()}
        </a>
    }
}
