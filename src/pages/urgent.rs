use booking_domain::journey::Step;
use booking_domain::lang::fill;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::BackLink;
use crate::state::AppState;
use crate::words::questions::words;

/// Where a patient with an urgent symptom is sent: the service's own heading, advice and
/// number (an NHS.UK "immediate" care card), and no way on to a booking. Nothing about the
/// patient is sent anywhere.
#[component]
pub fn UrgentPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let urgent = state.draft.with_untracked(|d| {
        services
            .iter()
            .find(|s| Some(&s.id) == d.service.as_ref())
            .and_then(|s| s.screening.as_ref())
            .map(|s| s.urgent.clone())
    });
    let heading = urgent
        .as_ref()
        .map(|u| u.heading.trim().to_string())
        // In Welsh, our heading: the API gives the clinicians' words in English only.
        .filter(|h| {
            !h.is_empty() && booking_domain::lang::current() == booking_domain::lang::Lang::En
        })
        .unwrap_or_else(|| Step::Urgent.title().to_string());
    let text = urgent.as_ref().map(|u| u.text.clone()).unwrap_or_default();
    let phone = urgent
        .map(|u| u.phone.trim().to_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "999".to_string());
    set_title(&heading, false);
    let tel: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    view! {
        <BackLink to=Step::Screening/>
        <div class="nhsb-care-card">
            <div class="nhsb-care-card__heading-container">
                <h1 class="nhsb-care-card__heading" tabindex="-1">{heading}</h1>
            </div>
            <div class="nhsb-care-card__content">
                <p>{text}</p>
                <p><a class="nhsb-care-card__phone" href=format!("tel:{tel}")>{fill(w.urgent_call, &[("phone", &phone)])}</a></p>
            </div>
        </div>
        <p>{w.urgent_nothing_sent}</p>
    }
}
