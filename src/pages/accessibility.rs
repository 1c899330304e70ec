use booking_domain::journey::Step;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::PhoneNumber;

/// The accessibility statement (UK public sector template).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    set_title(Step::Accessibility.title(), false);
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
        <p>"This service is designed to be fully compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Each time the service changes, automated tests check every page and state on narrow and wide screens: axe-core and Lighthouse accessibility checks, a whole booking and a cancellation using only a keyboard, visible focus, targets at least 44 by 44 pixels, no sideways scrolling at 320 pixels wide, larger text and text spacing, high contrast (forced colours) and reduced motion."</p>
        <h2 class="nhsb-heading-m">"Known issues"</h2>
        <p>"The automated tests find no failures. We have not yet checked every page by hand with each screen reader (JAWS, NVDA, VoiceOver, TalkBack), with speech recognition software or with Windows High Contrast, so there may be problems that tests cannot find. If you find one, please tell us."</p>
        <h2 class="nhsb-heading-m">"Reporting accessibility problems and asking for another format"</h2>
        <p>"If you have a problem using this service, or need information in a different format, call " <PhoneNumber/> ". We will reply within 5 working days."</p>
        <h2 class="nhsb-heading-m">"Enforcement procedure"</h2>
        <p>"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."</p>
        <h2 class="nhsb-heading-m">"Preparation of this statement"</h2>
        <p>"This statement was prepared on 23 November 2026. It is reviewed each time the service changes."</p>
    }
}
