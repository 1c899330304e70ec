use leptos::prelude::*;

use super::{described_by, error_id, hint_id};
use crate::words::forms::words;

/// A labelled text box. Hint and error are tied to it with `aria-describedby`.
#[component]
pub fn TextInput(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    /// The `autocomplete` token, e.g. `given-name`, `tel`, `email`.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// `text` unless given (`tel`, `email`).
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// A width modifier: `10`, `20` or none for full width.
    #[prop(optional)]
    width: Option<&'static str>,
    /// Names and numbers are not words: no spelling marks.
    #[prop(optional)]
    no_spellcheck: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let class = match width {
        Some(w) => format!("nhsb-input nhsb-input--width-{w}"),
        None => "nhsb-input".to_string(),
    };
    view! {
        <div class="nhsb-form-group" class:nhsb-form-group--error=move || error.with(Option::is_some)>
            <label class="nhsb-label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="nhsb-hint" id=hint_id(id)>{h}</div> })}
            <ErrorMessage id=id error=error/>
            <input
                class=class
                class:nhsb-input--error=move || error.with(Option::is_some)
                id=id
                name=id
                type=kind.unwrap_or("text")
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=no_spellcheck.then_some("false")
                aria-describedby=move || described_by(id, has_hint, error.with(Option::is_some))
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// One labelled checkbox.
#[component]
pub fn Checkbox(
    id: &'static str,
    label: &'static str,
    checked: RwSignal<bool>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="nhsb-checkboxes__item">
            <input
                class="nhsb-checkboxes__input"
                id=id
                name=id
                type="checkbox"
                aria-describedby=hint.map(|_| hint_id(id))
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label class="nhsb-label nhsb-checkboxes__label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="nhsb-hint nhsb-checkboxes__hint" id=hint_id(id)>{h}</div> })}
        </div>
    }
}

/// A field's error message (GOV.UK: "Error: " said first, hidden from sight), with the id its
/// field's `aria-describedby` names.
#[component]
pub fn ErrorMessage(
    id: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let w = words();
    move || {
        error.get().map(|e| {
            view! {
                <p class="nhsb-error-message" id=error_id(id)>
                    <span class="nhsb-visually-hidden">{w.error_prefix}</span>{e}
                </p>
            }
        })
    }
}
