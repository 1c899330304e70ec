use booking_domain::journey::Step;
use booking_domain::lang::around;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::PhoneNumber;
use crate::words::info::words;

/// The accessibility statement (UK public sector template).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    set_title(Step::Accessibility.title(), false);
    let w = words();
    let (call, after_call) = around(w.reporting, "phone");
    view! {
        <h1 tabindex="-1">{w.statement_heading}</h1>
        <p>{w.statement_intro}</p>
        <ul class="nhsb-list nhsb-list--bullet">
            {w.statement_abilities.map(|ability| view! { <li>{ability}</li> })}
        </ul>
        <h2 class="nhsb-heading-m">{w.compliance_heading}</h2>
        <p>{w.compliance}</p>
        <h2 class="nhsb-heading-m">{w.issues_heading}</h2>
        <p>{w.issues}</p>
        <h2 class="nhsb-heading-m">{w.reporting_heading}</h2>
        <p>{call} <PhoneNumber/> {after_call}</p>
        <h2 class="nhsb-heading-m">{w.enforcement_heading}</h2>
        <p>{w.enforcement}</p>
        <h2 class="nhsb-heading-m">{w.preparation_heading}</h2>
        <p>{w.preparation}</p>
    }
}
