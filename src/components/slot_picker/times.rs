use booking_domain::times::{TimeRow, PARTS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, Text};

use crate::words::times::words;

/// The times of one day (by part of the day, `booking_domain::times::time_rows`) as radios,
/// each named in full for screen readers ("Monday 29 March 2027, 9:15am, in person,
/// Hinchingbrooke Hospital, 45 minutes").
///
/// Rows stay in place from day to day: a new day writes, into the rows already there, only the
/// words and attributes that differ, and adds or removes rows only for the difference in number.
/// The rows are the browser's own elements, written directly, not views: a day can have
/// hundreds of times, and each reactive piece costs on every switch. Measured with 200 times
/// (BENCHMARKS.md, "Day switch"): rebuilding every row took ~20 ms of script per day; nine
/// reactive attributes and texts per row kept in place ~6 ms (21 ms at 4× CPU); writing the
/// elements directly, see there.
#[component]
pub fn Times(
    #[prop(into)] rows: Signal<[Vec<TimeRow>; 3]>,
    selected: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let lists: [NodeRef<leptos::html::Div>; 3] = Default::default();
    // The rows on show, per part of the day.
    let shown = StoredValue::new_local(<[Vec<RowNodes>; 3]>::default());
    // A new day or a new choice: rewrite what changed, then add or remove rows at the end.
    Effect::new(move |_| {
        let chosen = selected.get();
        rows.with(|rows| {
            for (k, list) in lists.iter().enumerate() {
                let Some(parent) = list.get() else { continue };
                shown.update_value(|shown| {
                    let nodes = &mut shown[k];
                    while nodes.len() > rows[k].len() {
                        if let Some(row) = nodes.pop() {
                            row.item.remove();
                        }
                    }
                    while nodes.len() < rows[k].len() {
                        nodes.push(RowNodes::new(&parent));
                    }
                    for (nodes, row) in nodes.iter_mut().zip(&rows[k]) {
                        nodes.show(row, chosen.as_deref() == Some(row.slot.as_str()));
                    }
                });
            }
        });
    });
    let group = move |k: usize| {
        // An empty part of the day is hidden (out of sight and of the accessibility tree).
        view! {
            <fieldset class="nhsb-fieldset nhsb-times__group" hidden=move || rows.with(|r| r[k].is_empty())>
                <legend class="nhsb-fieldset__legend">{PARTS[k].label()}</legend>
                <div class="nhsb-radios nhsb-times" node_ref=lists[k]></div>
            </fieldset>
        }
    };
    view! {
        // One handler for every time: a radio's value is its slot.
        <div class="nhsb-form-group" class:nhsb-form-group--error=move || error.with(Option::is_some)
            on:change=move |ev| { selected.set(Some(event_target_value(&ev))); error.set(None); }
        >
            {move || error.get().map(|e| view! {
                <p class="nhsb-error-message" id="slot-error">
                    <span class="nhsb-visually-hidden">{words().error_prefix}</span>{e}
                </p>
            })}
            {(0..PARTS.len()).map(group).collect_view()}
        </div>
    }
}

/// One time's elements, and what they show now (so only what differs is written):
///
/// ```html
/// <div class="nhsb-radios__item nhsb-times__item">
///   <input class="nhsb-radios__input" type="radio" name="slot" autocomplete="off" id="…" value="…">
///   <label class="nhsb-label nhsb-radios__label nhsb-times__label" for="…">
///     <span class="nhsb-visually-hidden">the full name</span>
///     <span aria-hidden="true">
///       <span class="nhsb-times__time">9:15am</span>
///       <span class="nhsb-tag" data-mode="in-person">In person</span>
///       <span class="nhsb-times__length">45 minutes</span>
///     </span>
///   </label>
/// </div>
/// ```
///
/// One hidden full name, and the visible words hidden from screen readers: separate hidden
/// pieces would be read with stray pauses.
struct RowNodes {
    item: Element,
    input: HtmlInputElement,
    label: Element,
    name: Text,
    time: Text,
    tag: Element,
    mode: Text,
    length: Text,
    shown: TimeRow,
}

impl RowNodes {
    /// A row with nothing in it yet, appended to `list`.
    fn new(list: &Element) -> Self {
        let document = document();
        let element = |parent: &Element, tag: &str, class: &str| {
            let e = document.create_element(tag).expect("an element");
            if !class.is_empty() {
                e.set_class_name(class);
            }
            let _ = parent.append_child(&e);
            e
        };
        let text = |parent: &Element| {
            let t = document.create_text_node("");
            let _ = parent.append_child(&t);
            t
        };
        let item = element(list, "div", "nhsb-radios__item nhsb-times__item");
        let input: HtmlInputElement =
            element(&item, "input", "nhsb-radios__input").unchecked_into();
        input.set_type("radio");
        input.set_name("slot");
        // The browser does not keep this radio's state for a history entry: the app keeps the
        // choice itself, and Chromium otherwise reads every radio's state on each
        // `history.replaceState`, which writes the day into the URL: with 200 times that was
        // 3.6 ms of a day switch at 4x CPU (BENCHMARKS.md, "Day switch").
        input.set_autocomplete("off");
        let label = element(
            &item,
            "label",
            "nhsb-label nhsb-radios__label nhsb-times__label",
        );
        let name = text(&element(&label, "span", "nhsb-visually-hidden"));
        let visible = element(&label, "span", "");
        let _ = visible.set_attribute("aria-hidden", "true");
        let time = text(&element(&visible, "span", "nhsb-times__time"));
        let tag = element(&visible, "span", "nhsb-tag");
        let mode = text(&tag);
        let length = text(&element(&visible, "span", "nhsb-times__length"));
        RowNodes {
            item,
            input,
            label,
            name,
            time,
            tag,
            mode,
            length,
            shown: TimeRow::default(),
        }
    }

    /// Shows `row`, writing only what differs from what is on show.
    fn show(&mut self, row: &TimeRow, checked: bool) {
        let old = &mut self.shown;
        if old.input != row.input {
            self.input.set_id(&row.input);
            let _ = self.label.set_attribute("for", &row.input);
            old.input.clone_from(&row.input);
        }
        if old.slot != row.slot {
            self.input.set_value(&row.slot);
            old.slot.clone_from(&row.slot);
        }
        for (text, old, new) in [
            (&self.name, &mut old.name, &row.name),
            (&self.time, &mut old.time, &row.time),
            (&self.length, &mut old.length, &row.length),
        ] {
            if old != new {
                text.set_data(new);
                old.clone_from(new);
            }
        }
        if old.mode != row.mode {
            self.mode.set_data(row.mode);
            old.mode = row.mode;
        }
        if old.mode_class != row.mode_class {
            let _ = self.tag.set_attribute("data-mode", row.mode_class);
            old.mode_class = row.mode_class;
        }
        // The radio's own state: the patient may have changed it since it was last written.
        if self.input.checked() != checked {
            self.input.set_checked(checked);
        }
    }
}
