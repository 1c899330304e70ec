use leptos::prelude::*;

use super::{described_by, hint_id, ErrorMessage};

/// One option of a radio group.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// Plain-English detail shown under the label, one line each, and read with it.
    pub hint: Vec<String>,
}

impl Choice {
    /// An option with a plain-English description under it (none when it is empty).
    pub fn described(value: String, label: String, description: String) -> Self {
        Choice {
            value,
            label,
            hint: Some(description)
                .into_iter()
                .filter(|d| !d.is_empty())
                .collect(),
        }
    }
}

/// A question answered by choosing one option. The legend is the page's `h1` when the page
/// asks only this question (GOV.UK pattern), so the question is read once, as the heading.
#[component]
pub fn Radios(
    /// Id prefix; the first option's id is exactly this, so error links land on it.
    name: &'static str,
    /// The question.
    legend: String,
    /// Whether the legend is the page heading.
    #[prop(optional)]
    heading: bool,
    /// Help under the question.
    #[prop(default = None)]
    hint: Option<String>,
    items: Vec<Choice>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let legend_view = legend_view(legend, heading);
    view! {
        <div class="nhsb-form-group" class:nhsb-form-group--error=move || error.with(Option::is_some)>
            <fieldset
                class="nhsb-fieldset"
                aria-describedby=move || described_by(name, has_hint, error.with(Option::is_some))
            >
                {legend_view}
                {hint.map(|h| view! { <div class="nhsb-hint" id=hint_id(name)>{h}</div> })}
                <ErrorMessage id=name error=error/>
                <div class="nhsb-radios">
                    {items
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let id = if i == 0 { name.to_string() } else { format!("{name}-{}", i + 1) };
                            let item_hint = format!("{id}-item-hint");
                            let value = item.value.clone();
                            let checked_value = item.value.clone();
                            view! {
                                <div class="nhsb-radios__item">
                                    <input
                                        class="nhsb-radios__input"
                                        id=id.clone()
                                        name=name
                                        type="radio"
                                        value=item.value.clone()
                                        prop:checked=move || selected.with(|s| s.as_deref() == Some(checked_value.as_str()))
                                        aria-describedby=(!item.hint.is_empty()).then(|| item_hint.clone())
                                        on:change=move |_| selected.set(Some(value.clone()))
                                    />
                                    <label class="nhsb-label nhsb-radios__label" for=id>{item.label}</label>
                                    {(!item.hint.is_empty()).then(|| view! {
                                        <div class="nhsb-hint nhsb-radios__hint" id=item_hint>
                                            {item.hint.into_iter().map(|line| view! { <span class="nhsb-hint__line">{line}</span> }).collect_view()}
                                        </div>
                                    })}
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// A fieldset's legend; the page's `h1` inside it when the page asks only this question.
pub fn legend_view(legend: String, heading: bool) -> AnyView {
    if heading {
        view! {
            <legend class="nhsb-fieldset__legend nhsb-fieldset__legend--l">
                <h1 class="nhsb-fieldset__heading" tabindex="-1">{legend}</h1>
            </legend>
        }
        .into_any()
    } else {
        view! { <legend class="nhsb-fieldset__legend nhsb-fieldset__legend--m">{legend}</legend> }
            .into_any()
    }
}
