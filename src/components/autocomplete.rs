use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::{described_by, hint_id, ErrorMessage};
use booking_domain::counting::suggestions_message;

/// Puts `message` in a live region once typing has paused for `ms`, replacing one still waiting,
/// so a screen reader hears one message when the patient stops, not one per key.
pub(super) fn announce_after(
    timer: StoredValue<Option<TimeoutHandle>>,
    status: RwSignal<String>,
    message: String,
    ms: u64,
) {
    if let Some(pending) = timer.get_value() {
        pending.clear();
    }
    let handle = set_timeout_with_handle(
        // `try_set`: the field may be gone (page left) by the time this runs.
        move || drop(status.try_set(message)),
        Duration::from_millis(ms),
    );
    timer.set_value(handle.ok());
}

fn option_id(id: &str, i: usize) -> String {
    format!("{id}-option-{i}")
}

/// A text box that suggests answers as the patient types (GOV.UK accessible-autocomplete, the
/// WAI-ARIA 1.2 combobox pattern). Down and Up move through the suggestions, Enter picks one,
/// Escape closes them, Tab leaves without picking; a tap or click picks one too. Whatever the
/// patient types is kept if they pick nothing: the suggestions help, they do not limit.
/// Ids: the list is `{id}-listbox`, its options `{id}-option-{n}`, the label `{id}-label`.
#[component]
pub fn Autocomplete(
    /// The input's id and name; error summary links land on it.
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    /// What is in the box: typed or picked.
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// The suggestions for what has been typed, best first (e.g. `languages::suggest`).
    suggest: fn(&str) -> Vec<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let listbox = format!("{id}-listbox");
    let label_id = format!("{id}-label");
    let options = RwSignal::new(Vec::<&'static str>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let status = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Closes the list and drops a message not yet said: it would describe a list now gone.
    let close = move || {
        open.set(false);
        active.set(None);
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        status.set(String::new());
    };
    let pick = move |name: &'static str| {
        value.set(name.to_string());
        close();
    };
    view! {
        <div class="nhsb-form-group nhsb-autocomplete" class:nhsb-form-group--error=move || error.with(Option::is_some)>
            <label class="nhsb-label" for=id id=label_id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="nhsb-hint" id=hint_id(id)>{h}</div> })}
            <ErrorMessage id=id error=error/>
            <input
                class="nhsb-input"
                class:nhsb-input--error=move || error.with(Option::is_some)
                id=id
                name=id
                type="text"
                role="combobox"
                aria-autocomplete="list"
                aria-controls=listbox.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(|i| option_id(id, i))
                aria-describedby=move || described_by(id, has_hint, error.with(Option::is_some))
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let found = suggest(&typed);
                    let message = if typed.trim().is_empty() {
                        String::new()
                    } else {
                        suggestions_message(found.len())
                    };
                    open.set(!found.is_empty());
                    active.set(None);
                    options.set(found);
                    value.set(typed);
                    announce_after(timer, status, message, 400);
                }
                on:keydown=move |ev| {
                    let key = ev.key();
                    let is_open = open.get_untracked();
                    match key.as_str() {
                        "ArrowDown" | "ArrowUp" => {
                            if !is_open {
                                options.set(suggest(&value.get_untracked()));
                            }
                            let n = options.with_untracked(Vec::len);
                            if n == 0 {
                                return;
                            }
                            // Keeps the caret where it is.
                            ev.prevent_default();
                            let current = if is_open { active.get_untracked() } else { None };
                            let next = match (key == "ArrowDown", current) {
                                (true, None) => Some(0),
                                (true, Some(i)) => Some((i + 1).min(n - 1)),
                                (false, None) => Some(n - 1),
                                // Up from the first option goes back to the text (GOV.UK).
                                (false, Some(i)) => i.checked_sub(1),
                            };
                            open.set(true);
                            active.set(next);
                        }
                        "Enter" if is_open => {
                            if let Some(name) = active
                                .get_untracked()
                                .and_then(|i| options.with_untracked(|o| o.get(i).copied()))
                            {
                                // Only now: Enter with nothing chosen submits the form.
                                ev.prevent_default();
                                pick(name);
                            }
                        }
                        "Escape" if is_open => {
                            ev.prevent_default();
                            close();
                        }
                        _ => {}
                    }
                }
                on:blur=move |_| close()
            />
            <ul
                class="nhsb-autocomplete__menu"
                id=listbox
                role="listbox"
                aria-labelledby=label_id
                hidden=move || !open.get()
                // The input keeps focus (and its blur does not close the list) when an option
                // is pressed, so the click that follows picks it.
                on:mousedown=|ev| ev.prevent_default()
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, name)| view! {
                            <li
                                class="nhsb-autocomplete__option"
                                id=option_id(id, i)
                                role="option"
                                aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                on:click=move |_| pick(name)
                            >
                                {name}
                            </li>
                        })
                        .collect_view()
                }}
            </ul>
            <div class="nhsb-visually-hidden" role="status">{move || status.get()}</div>
        </div>
    }
}
