use booking_domain::journey::Step;
use leptos::prelude::*;

use crate::state::{set_title, AppState};

/// The accessibility statement (UK public sector template).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::Accessibility.title(), false);
    let phone = state.phone();
    view! {
        <h1 tabindex="-1">"Accessibility statement for Book a physiotherapy appointment"</h1>
        <p>"This service is run by the NHS trust that provides your physiotherapy. We want as many people as possible to be able to use it. You should be able to:"</p>
        <ul class="nhsb-list nhsb-list--bullet">
            <li>"change colours, contrast levels and fonts using your browser or device settings"</li>
            <li>"zoom in up to 400% without the text spilling off the screen"</li>
            <li>"use the whole service using just a keyboard or speech recognition software"</li>
            <li>"use the whole service using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)"</li>
        </ul>
        <h2 class="nhsb-heading-m">"Compliance status"</h2>
        <p>"This service is designed to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Every page and state is checked by automated tests (axe-core) and by keyboard-only tests each time the service changes."</p>
        <h2 class="nhsb-heading-m">"Known issues"</h2>
        <p>"We have not yet tested this service with every screen reader and browser combination by hand. If you find a problem, please tell us."</p>
        <h2 class="nhsb-heading-m">"Reporting accessibility problems and asking for another format"</h2>
        <p>"If you have a problem using this service, or need information in a different format, call " {phone} " (" {state.config.opening_hours.clone()} "). We will reply within 5 working days."</p>
        <h2 class="nhsb-heading-m">"Enforcement procedure"</h2>
        <p>"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."</p>
        <h2 class="nhsb-heading-m">"Preparation of this statement"</h2>
        <p>"This statement was prepared on 23 November 2026. It is reviewed each time the service changes."</p>
    }
}
