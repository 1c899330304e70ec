use booking_domain::alerts::AlertDraft;
use booking_domain::browse::SlotSearch;
use booking_domain::journey::Step;
use booking_domain::model::{Service, Slot};
use leptos::prelude::*;

use crate::components::SlotPicker;
use crate::places::places;
use crate::state::AppState;

/// "Choose a time" while booking: the picker over the draft's service, clinician and place
/// (inside an SMS invite's booking window).
#[component]
pub fn SlotPage(services: Vec<Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let localities = places(state);
    let locality_name = Signal::derive(move || {
        let id = state.draft.with(|d| d.locality.clone())?;
        let list = localities.get()?.ok()?;
        list.into_iter().find(|l| l.id == id).map(|l| l.name)
    });
    let (search, chosen, back) = state.draft.with_untracked(|d| {
        let search = SlotSearch {
            service: d.service.clone().unwrap_or_default(),
            band: d.band.clone().unwrap_or_default(),
            locality: d.locality.clone().unwrap_or_default(),
            window: d.invite.as_ref().map(|i| (i.book_from, i.book_until)),
            exclude: None,
        };
        let chosen = d.slot.as_ref().map(|s| s.id.clone());
        (search, chosen, d.previous(Step::Slot, &services))
    });
    let choose = Callback::new(move |slot: Slot| {
        state.draft.update(|d| d.choose_slot(Some(slot)));
        state.go_on();
    });
    // "Get a text if an earlier time comes up", when the API offers it (not within an SMS
    // invite's window: the trust chose when that appointment is).
    let offered = services.iter().any(|s| s.offers.slot_alerts)
        && state.draft.with_untracked(|d| d.invite.is_none());
    let earlier = offered.then(|| {
        Callback::new(move |_| {
            let alert = state.draft.with_untracked(|d| {
                let name = locality_name.get_untracked().unwrap_or_default();
                AlertDraft::for_journey(d, &services, name)
            });
            if alert.is_some() {
                state.alert().set(alert);
                state.go_to(Step::AlertWhere);
            }
        })
    });
    view! {
        <SlotPicker search=search chosen=chosen step=Step::Slot back=back
            locality_name=locality_name on_choose=choose earlier=earlier/>
    }
}
