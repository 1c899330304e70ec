use booking_domain::times::{time_rows, TimeRow, PARTS};
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

use super::ShownDay;
use crate::words::times::words;

/// The times of one day as radios, each named in full for screen readers
/// ("Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital, 45 minutes").
///
/// Rows stay in place from day to day: row *i* of a part of the day shows that part's *i*-th
/// time through a signal of its own, so a new day rewrites the words of the rows already there
/// and adds or removes only the difference in number. Measured with 200 times (BENCHMARKS.md):
/// rebuilding every row took ~20 ms of script per day; rendering over the old rows position by
/// position took 34 ms (component erasure makes each element drop and re-set all its
/// attributes); this takes ~10 ms.
#[component]
pub fn Times(
    day: ShownDay,
    locality: Signal<Option<String>>,
    selected: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let locality = locality.get().unwrap_or_default();
        day.with(|d| time_rows(d, &locality)).unwrap_or_default()
    });
    let current = move |k: usize, i: usize| {
        let mut row = rows
            .with_untracked(|r| r[k].get(i).cloned())
            .unwrap_or_default();
        row.checked = selected.with_untracked(|s| s.as_deref() == Some(row.slot.as_str()));
        row
    };
    let lists: [NodeRef<leptos::html::Div>; 3] = Default::default();
    // The rows on show, per part of the day, each with the signal it reads and the owner of its
    // reactive parts (a child of this component's, so they live until a row is removed).
    let shown = StoredValue::new_local(<[Vec<ShownRow>; 3]>::default());
    let owner = Owner::current().unwrap_or_default();
    // A new day or a new choice: rewrite the rows that changed, then add or remove rows at the
    // end. `For` keyed by position does the same at the same speed, for 3.7 KB more brotli
    // (220.8 against 217.1 KB when measured; BENCHMARKS.md, "Day switch and dates").
    Effect::new(move |_| {
        rows.track();
        selected.track();
        for (k, list) in lists.iter().enumerate() {
            let Some(parent) = list.get() else { continue };
            let count = rows.with_untracked(|r| r[k].len());
            shown.update_value(|shown| {
                let rows = &mut shown[k];
                for (i, row) in rows.iter().enumerate().take(count) {
                    let new = current(k, i);
                    if row.signal.with_untracked(|old| *old != new) {
                        row.signal.set(new);
                    }
                }
                while rows.len() > count {
                    if let Some(mut row) = rows.pop() {
                        row.view.unmount();
                        row.owner.cleanup();
                    }
                }
                while rows.len() < count {
                    let signal = ArcRwSignal::new(current(k, rows.len()));
                    let row_owner = owner.child();
                    let mut view = row_owner.with(|| time_row(signal.clone()).build());
                    view.mount(&parent, None);
                    rows.push(ShownRow {
                        signal,
                        owner: row_owner,
                        view: Box::new(view),
                    });
                }
            });
        }
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

struct ShownRow {
    signal: ArcRwSignal<TimeRow>,
    owner: Owner,
    view: Box<dyn Mountable>,
}

/// One time: a radio and its label, reading everything from the row's signal.
fn time_row(row: ArcRwSignal<TimeRow>) -> impl Render {
    let (checked, mode_class, mode) = (row.clone(), row.clone(), row.clone());
    let text = move |f: fn(&TimeRow) -> String| {
        let row = row.clone();
        move || row.with(f)
    };
    view! {
        <div class="nhsb-radios__item nhsb-times__item">
            <input class="nhsb-radios__input" type="radio" name="slot"
                id=text(|r| r.input.clone()) value=text(|r| r.slot.clone())
                prop:checked=move || checked.with(|r| r.checked)/>
            // One hidden full name, and the visible words hidden from screen
            // readers: separate hidden pieces would be read with stray pauses.
            <label class="nhsb-label nhsb-radios__label nhsb-times__label" for=text(|r| r.input.clone())>
                <span class="nhsb-visually-hidden">{text(|r| r.name.clone())}</span>
                <span aria-hidden="true">
                    <span class="nhsb-times__time">{text(|r| r.time.clone())}</span>
                    <span class="nhsb-tag" data-mode=move || mode_class.with(|r| r.mode_class)>{move || mode.with(|r| r.mode)}</span>
                    <span class="nhsb-times__length">{text(|r| r.length.clone())}</span>
                </span>
            </label>
        </div>
    }
}
