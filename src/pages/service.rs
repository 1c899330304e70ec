use booking_domain::journey::Step;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::components::{Choice, SingleChoiceQuestion};
use crate::state::AppState;
use crate::words::questions::words;

/// "What do you need an appointment for?" (skipped when the trust offers one service).
#[component]
pub fn ServicePage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let items = services
        .into_iter()
        .map(|s| Choice::described(s.id.to_string(), s.name, s.description))
        .collect();
    view! {
        <SingleChoiceQuestion
            step=Step::Service
            back=Step::Start
            name="service"
            items=items
            initial=state.draft.with_untracked(|d| d.service.as_deref().map(str::to_string))
            missing=w.service_missing
            answer=Callback::new(move |id: String| state.draft.update(|d| d.choose_service(Some(id.into()))))
        />
    }
}
