use leptos::prelude::*;

use super::autocomplete::announce_after;
use super::{error_id, hint_id, ErrorMessage};
use booking_domain::counting::{limit_message, remaining_message};

/// A text area with a limit (GOV.UK character count). No `maxlength`: pasted text is never cut
/// off unseen; the count under it says how many characters are left, or how many too many.
/// Screen readers hear the limit with the box and the count once typing pauses, not per key.
/// Ids: the limit's hidden text is `{id}-info`.
#[component]
pub fn CharacterCount(
    /// The text area's id and name; error summary links land on it.
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    value: RwSignal<String>,
    /// The most characters (not bytes) the answer may have.
    max: usize,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let info = format!("{id}-info");
    let status = RwSignal::new(String::new());
    let timer = StoredValue::new(None);
    let over = move || value.with(|v| v.chars().count()) > max;
    let has_error = move || error.with(Option::is_some);
    let described = {
        let info = info.clone();
        move || {
            let mut ids = if has_hint {
                format!("{} {info}", hint_id(id))
            } else {
                info.clone()
            };
            if has_error() {
                ids = format!("{ids} {}", error_id(id));
            }
            ids
        }
    };
    view! {
        <div class="nhsb-form-group nhsb-character-count" class:nhsb-form-group--error=has_error>
            <label class="nhsb-label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="nhsb-hint" id=hint_id(id)>{h}</div> })}
            <ErrorMessage id=id error=error/>
            <textarea
                class="nhsb-textarea"
                class:nhsb-textarea--error=move || over() || has_error()
                id=id
                name=id
                rows="5"
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let message = remaining_message(text.chars().count(), max);
                    value.set(text);
                    announce_after(timer, status, message, 1000);
                }
            ></textarea>
            <div class="nhsb-visually-hidden" id=info>{limit_message(max)}</div>
            // Seen, not read: screen readers hear the status below, once typing pauses.
            <div
                class="nhsb-hint nhsb-character-count__message"
                class:nhsb-character-count__message--error=over
                aria-hidden="true"
            >
                {move || remaining_message(value.with(|v| v.chars().count()), max)}
            </div>
            <div class="nhsb-visually-hidden" role="status">{move || status.get()}</div>
        </div>
    }
}
