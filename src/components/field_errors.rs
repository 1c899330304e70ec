//! A form page's own field errors: those the API found on its fields (a 422 names them) when
//! the page opens, then the patient's own from validation.

use booking_domain::journey::Step;
use booking_domain::validate::{Field, FieldError};
use leptos::prelude::*;

use super::ErrorItem;
use crate::state::AppState;

/// The errors on `step`'s fields the API found, taken (once) from those waiting to be shown.
pub fn field_errors(state: AppState, step: Step) -> RwSignal<Vec<FieldError>> {
    let (own, rest): (Vec<_>, Vec<_>) = state
        .server_errors
        .get_untracked()
        .into_iter()
        .partition(|e| e.field.step() == step);
    state.server_errors.set(rest);
    RwSignal::new(own)
}

/// The message for one field, when it is in error.
pub fn field_message(errors: RwSignal<Vec<FieldError>>, field: Field) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    })
}

/// The error summary's items for a page's field errors.
pub fn error_items(errors: RwSignal<Vec<FieldError>>) -> Signal<Vec<ErrorItem>> {
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .map(|e| ErrorItem::new(e.field.id(), e.message.clone()))
                .collect()
        })
    })
}
