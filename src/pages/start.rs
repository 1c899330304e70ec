use booking_domain::journey::{Step, SERVICE_NAME};
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::{InviteNotice, PhoneNumber, StepLink};
use crate::state::AppState;

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
    view! {
            <h1 tabindex="-1">{SERVICE_NAME}</h1>
            {invite}
            <p>"Use this service to book an NHS physiotherapy appointment for problems with your muscles, bones or joints, such as back, neck or knee pain."</p>
            <p>"It takes about 5 minutes. You can choose where and when to be seen."</p>
            <h2 class="nhsb-heading-m">"Before you start"</h2>
            <p>"You will need:"</p>
            <ul class="nhsb-list nhsb-list--bullet">
                <li>"your NHS number, if you know it – it is on letters from the NHS, on prescriptions and in the NHS App"</li>
                <li>"a mobile phone number"</li>
            </ul>
            // A link styled as the start button (NHS.UK): it goes to a page, it does not submit.
            <StepLink to=Step::Service class="nhsb-button" button=true on_follow=move |_| state.go_on()>"Start now"</StepLink>
            <h2 class="nhsb-heading-m">"Change or cancel an appointment"</h2>
            <p><StepLink to=Step::ManageFind>"Change or cancel an appointment you have already booked"</StepLink></p>
            <h2 class="nhsb-heading-m">"Other ways to book"</h2>
            <p>"If you cannot book online, call " <PhoneNumber/> "."</p>
    }
}
