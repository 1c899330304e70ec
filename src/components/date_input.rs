use booking_domain::validate::Field;
use leptos::prelude::*;

use super::{described_by, error_id, hint_id};
use crate::words::forms::words;

/// Day, month and year as three boxes (no date picker: people know their birthday by heart,
/// and pickers are hard with a screen reader). A date of birth (`id` "dob") uses the `bday-*`
/// autocomplete tokens; any other date none.
#[component]
pub fn DateInput(
    /// Id prefix: the boxes are `{id}-day`, `{id}-month`, `{id}-year`.
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    /// The message, and which box it is about (that box gets the red border).
    #[prop(into)]
    error: Signal<Option<(Field, String)>>,
) -> impl IntoView {
    let w = words();
    let birthday = id == "dob";
    let part = move |label: &'static str,
                     suffix: &'static str,
                     value: RwSignal<String>,
                     index: usize,
                     wide: bool| {
        let part_id = format!("{id}-{suffix}");
        view! {
            <div class="nhsb-date-input__item">
                <label class="nhsb-label nhsb-date-input__label" for=part_id.clone()>{label}</label>
                <input
                    class=if wide { "nhsb-input nhsb-date-input__input nhsb-input--width-4" } else { "nhsb-input nhsb-date-input__input nhsb-input--width-2" }
                    class:nhsb-input--error=move || error.with(|e| e.as_ref().is_some_and(|(f, _)| f.date_part() == Some(index)))
                    id=part_id.clone()
                    name=part_id
                    type="text"
                    inputmode="numeric"
                    autocomplete=if birthday { format!("bday-{suffix}") } else { "off".to_string() }
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <div class="nhsb-form-group" class:nhsb-form-group--error=move || error.with(Option::is_some)>
            <fieldset
                class="nhsb-fieldset"
                role="group"
                aria-describedby=move || described_by(id, true, error.with(Option::is_some))
            >
                <legend class="nhsb-fieldset__legend">{legend}</legend>
                <div class="nhsb-hint" id=hint_id(id)>{hint}</div>
                {move || error.get().map(|(_, e)| view! {
                    <p class="nhsb-error-message" id=error_id(id)>
                        <span class="nhsb-visually-hidden">{w.error_prefix}</span>{e}
                    </p>
                })}
                <div class="nhsb-date-input">
                    {part(w.day, "day", day, 0, false)}
                    {part(w.month, "month", month, 1, false)}
                    {part(w.year, "year", year, 2, true)}
                </div>
            </fieldset>
        </div>
    }
}
