use booking_domain::journey::{service_name, Step};
use booking_domain::lang::around;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::{InviteNotice, PhoneNumber, StepLink};
use crate::state::AppState;
use crate::words::{layout, start::words};

/// The start page: what the service is, what you need, and the phone alternative. Its words
/// match the static HTML shown before the app loads, so nothing moves when it mounts.
#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::Start.title(), false);
    let invite = move || match state.invite.get() {
        Some(Ok(Some(invite))) => Some(view! { <InviteNotice invite=invite/> }),
        _ => None,
    };
    let w = words();
    let l = layout::words();
    let (call, after_call) = around(l.call, "phone");
    view! {
            <h1 tabindex="-1">{service_name()}</h1>
            {invite}
            <p>{w.lead}</p>
            <p>{w.time}</p>
            <h2 class="nhsb-heading-m">{w.before}</h2>
            <p>{w.need}</p>
            <ul class="nhsb-list nhsb-list--bullet">
                <li>{w.nhs_number}</li>
                <li>{w.mobile}</li>
            </ul>
            // A link styled as the start button (NHS.UK): it goes to a page, it does not submit.
            <StepLink to=Step::Service class="nhsb-button" button=true on_follow=move |_| state.go_on()>{w.start_now}</StepLink>
            <h2 class="nhsb-heading-m">{l.change_or_cancel}</h2>
            <p><StepLink to=Step::ManageFind>{w.change_link}</StepLink></p>
            <h2 class="nhsb-heading-m">{w.other_ways}</h2>
            <p>{call} <PhoneNumber/> {after_call}</p>
    }
}
