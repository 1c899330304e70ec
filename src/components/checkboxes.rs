use leptos::prelude::*;

use super::radios::legend_view;
use super::{described_by, hint_id, Choice, ErrorMessage};
use crate::words::forms::words;

/// A question answered by choosing any number of options (GOV.UK checkboxes). `exclusive` is
/// an answer that rules out the others ("None of these"), after an "or": choosing it clears
/// them, choosing one of them clears it.
#[component]
pub fn Checkboxes(
    /// Id prefix; the first option's id is exactly this, so error links land on it.
    name: &'static str,
    legend: String,
    #[prop(optional)] heading: bool,
    #[prop(default = None)] hint: Option<String>,
    items: Vec<Choice>,
    /// The values chosen, in the order they were ticked (the page's model orders them).
    chosen: RwSignal<Vec<String>>,
    #[prop(optional)] exclusive: Option<Choice>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let w = words();
    let has_hint = hint.is_some();
    let count = items.len();
    let exclusive_value = exclusive.as_ref().map(|c| c.value.clone());
    let toggle = move |value: String, on: bool| {
        chosen.update(|list| {
            list.retain(|v| *v != value);
            if on {
                if Some(&value) == exclusive_value.as_ref() {
                    list.clear();
                } else if let Some(x) = &exclusive_value {
                    list.retain(|v| v != x);
                }
                list.push(value);
            }
        })
    };
    let item = move |i: usize, item: Choice| {
        let id = if i == 0 {
            name.to_string()
        } else {
            format!("{name}-{}", i + 1)
        };
        let value = item.value.clone();
        let checked_value = item.value;
        let item_hint = format!("{id}-item-hint");
        let toggle = toggle.clone();
        view! {
            <div class="nhsb-checkboxes__item">
                <input
                    class="nhsb-checkboxes__input"
                    id=id.clone()
                    name=name
                    type="checkbox"
                    value=value.clone()
                    prop:checked=move || chosen.with(|c| c.contains(&checked_value))
                    aria-describedby=(!item.hint.is_empty()).then(|| item_hint.clone())
                    on:change=move |ev| toggle(value.clone(), event_target_checked(&ev))
                />
                <label class="nhsb-label nhsb-checkboxes__label" for=id>{item.label}</label>
                {(!item.hint.is_empty()).then(|| view! {
                    <div class="nhsb-hint nhsb-checkboxes__hint" id=item_hint>
                        {item.hint.into_iter().map(|line| view! { <span class="nhsb-hint__line">{line}</span> }).collect_view()}
                    </div>
                })}
            </div>
        }
    };
    view! {
        <div class="nhsb-form-group" class:nhsb-form-group--error=move || error.with(Option::is_some)>
            <fieldset
                class="nhsb-fieldset"
                aria-describedby=move || described_by(name, has_hint, error.with(Option::is_some))
            >
                {legend_view(legend, heading)}
                {hint.map(|h| view! { <div class="nhsb-hint" id=hint_id(name)>{h}</div> })}
                <ErrorMessage id=name error=error/>
                <div class="nhsb-checkboxes">
                    {items.into_iter().enumerate().map(|(i, c)| item.clone()(i, c)).collect_view()}
                    {exclusive.map(|c| view! {
                        <div class="nhsb-checkboxes__divider">{w.or}</div>
                        {item(count, c)}
                    })}
                </div>
            </fieldset>
        </div>
    }
}
