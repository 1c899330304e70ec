//! The places offered for the draft's service and band, as the place, time and check pages
//! need them: fetched once per service and band and kept in the state (`AppState::localities`)
//! for the next page.

use booking_domain::model::Locality;
use leptos::prelude::*;

use crate::fetched::Fetched;
use crate::state::{AppState, Localities};

/// The places for the draft's service and band: from the state's cache when already fetched.
pub fn places(state: AppState) -> Fetched<Vec<Locality>> {
    Fetched::new(move || {
        let (service, band) = state.draft.with_untracked(|d| {
            (
                d.service.clone().unwrap_or_default(),
                d.band.clone().unwrap_or_default(),
            )
        });
        async move {
            let cached = state.localities.with_untracked(|c| {
                c.as_ref()
                    .filter(|c| c.service == service && c.band == band)
                    .map(|c| c.list.clone())
            });
            if let Some(list) = cached {
                return Ok(list);
            }
            let list = state.client().localities(&service, &band).await?.localities;
            state.localities.set(Some(Localities {
                service,
                band,
                list: list.clone(),
            }));
            Ok(list)
        }
    })
}
