use booking_domain::journey::Step;
use booking_domain::model::Service;
use leptos::prelude::*;

use crate::components::{Choice, SingleChoiceQuestion};
use crate::state::AppState;
use crate::words::questions::words;

/// "Who do you need to see?": the clinician's band, in plain English.
#[component]
pub fn BandPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let service_id = state.draft.with_untracked(|d| d.service.clone());
    let service = services
        .iter()
        .find(|s| Some(&s.id) == service_id.as_ref())
        .cloned();
    let back = state
        .draft
        .with_untracked(|d| d.previous(Step::Band, &services));
    let items = service
        .map(|s| s.bands)
        .unwrap_or_default()
        .into_iter()
        .map(|b| Choice::described(b.id.to_string(), b.name, b.description))
        .collect();
    view! {
        <SingleChoiceQuestion
            step=Step::Band
            back=back
            name="band"
            hint=w.band_hint.to_string()
            items=items
            initial=state.draft.with_untracked(|d| d.band.as_deref().map(str::to_string))
            missing=w.band_missing
            answer=Callback::new(move |id: String| state.draft.update(|d| d.choose_band(Some(id.into()))))
        />
    }
}
