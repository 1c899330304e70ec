use booking_domain::api::{ApiError, SlotQuery};
use booking_domain::format;
use booking_domain::ids::SlotId;
use booking_domain::journey::Step;
use booking_domain::model::Slot;
use booking_domain::schedule::{self, Day};
use booking_domain::schedule::{by_part_of_day, PartOfDay};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use leptos::task::spawn_local;

use crate::components::{ApiProblem, BackLink, ErrorSummary, Loading, PhoneNumber};
use crate::routes;
use crate::state::{self, now, set_title, AppState};

/// How far ahead a patient can look (the API answers 31 days a query; we ask again as they
/// move on, so they never see that limit).
const HORIZON_DAYS: i64 = 12 * 7;

/// Open slots that are already fetched, and how far ahead they reach.
#[derive(Clone, Default)]
struct Loaded {
    slots: Vec<Slot>,
    /// The last date searched.
    until: Option<NaiveDate>,
}

/// What to search: fixed for the whole picker.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotSearch {
    pub service: String,
    pub band: String,
    pub locality: String,
    /// An SMS invite's booking window (clinic dates, inclusive).
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// The slot already chosen, shown selected.
    pub chosen: Option<SlotId>,
    /// A slot never offered (the booking's own time when moving it).
    pub exclude: Option<SlotId>,
}

/// "Choose a time" while booking.
#[component]
pub fn SlotPage(services: Vec<booking_domain::model::Service>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let localities = state::localities(state);
    let locality_name = Signal::derive(move || {
        let id = state.draft.with(|d| d.locality.clone())?;
        localities
            .get()?
            .ok()?
            .into_iter()
            .find(|l| l.id == id)
            .map(|l| l.name)
    });
    let search = state.draft.with_untracked(|d| SlotSearch {
        service: d.service.clone().unwrap_or_default().to_string(),
        band: d.band.clone().unwrap_or_default().to_string(),
        locality: d.locality.clone().unwrap_or_default().to_string(),
        window: d.invite.as_ref().map(|i| (i.book_from, i.book_until)),
        chosen: d.slot.as_ref().map(|s| s.id.clone()),
        exclude: None,
    });
    let back = state
        .draft
        .with_untracked(|d| d.previous(Step::Slot, &services));
    let choose = Callback::new(move |slot: Slot| {
        state.draft.update(|d| d.choose_slot(Some(slot)));
        let next = state.draft.with_untracked(|d| d.first_unanswered());
        routes::go_to(&state, next);
    });
    view! { <SlotPicker search=search step=Step::Slot back=back locality_name=locality_name on_choose=choose/> }
}

/// One day at a time, times grouped into morning, afternoon and evening. The API's 31-day
/// windows and paging stay out of sight: later windows are fetched as the patient moves on.
#[component]
pub fn SlotPicker(
    search: SlotSearch,
    /// The page (for its title).
    step: Step,
    back: Step,
    /// The place's name, for the caption and each time's accessible name.
    #[prop(into)]
    locality_name: Signal<Option<String>>,
    on_choose: Callback<Slot>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = RwSignal::new(Loaded::default());
    let loading = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let first = now().date_naive();
    let (window_from, horizon) = match search.window {
        Some((from, until)) => (
            from.max(first),
            until.min(first + Duration::days(HORIZON_DAYS)),
        ),
        None => (first, first + Duration::days(HORIZON_DAYS)),
    };
    let search = StoredValue::new(search);

    // Fetches the next search window; keeps going while windows come back empty.
    let fetch_more = move || {
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        failure.set(None);
        spawn_local(async move {
            loop {
                let from = loaded
                    .with_untracked(|l| l.until)
                    .map(|u| u + Duration::days(1))
                    .unwrap_or(window_from);
                if from > horizon {
                    break;
                }
                let Some((_, to)) = schedule::search_windows(from, horizon).into_iter().next()
                else {
                    break;
                };
                let query = search.with_value(|s| SlotQuery {
                    service: booking_domain::ids::ServiceId(s.service.clone()),
                    band: booking_domain::ids::BandId(s.band.clone()),
                    locality: booking_domain::ids::LocalityId(s.locality.clone()),
                    from,
                    to,
                });
                match state.client.all_slots(&query).await {
                    Ok(page) => {
                        let mut found = page.slots;
                        search.with_value(|s| {
                            if let Some((from, until)) = s.window {
                                found = schedule::within_window(&found, from, until);
                            }
                            if let Some(exclude) = &s.exclude {
                                found.retain(|slot| *slot.id != **exclude);
                            }
                        });
                        let any = !schedule::slots_by_day(&found, now()).is_empty();
                        loaded.update(|l| {
                            l.slots.extend(found);
                            l.until = Some(to);
                        });
                        if any {
                            break;
                        }
                    }
                    Err(e) => {
                        failure.set(Some(e));
                        break;
                    }
                }
            }
            loading.set(false);
        });
    };
    fetch_more();

    let days = Memo::new(move |_| loaded.with(|l| schedule::slots_by_day(&l.slots, now())));
    let exhausted = move || loaded.with(|l| l.until.is_some_and(|u| u >= horizon));
    // The day on show: the URL's date when it has times, else the first day with times.
    let day_index = Memo::new(move |_| {
        let wanted = state.route.with(|r| r.choices.date);
        days.with(|days| {
            wanted
                .and_then(|w| days.iter().position(|d| d.date == w))
                .or_else(|| {
                    // A date between days with times shows the next day with times.
                    wanted.and_then(|w| days.iter().position(|d| d.date > w))
                })
                .unwrap_or(0)
        })
    });
    // The time chosen before (the draft's when booking, the new time when moving one), so
    // Back from the check page shows it still chosen.
    let selected = RwSignal::new(search.with_value(|s| s.chosen.clone().map(|id| id.0)));
    let error = RwSignal::new(None::<String>);
    let announcement = RwSignal::new(String::new());

    let show_day = move |index: usize| {
        let Some(day) = days.with_untracked(|d| d.get(index).cloned()) else {
            return;
        };
        let mut route = state.route.get_untracked();
        route.choices.date = Some(day.date);
        // Replace, not push: Back goes to the previous question, not through every day seen.
        routes::go(&state, route, true);
        announcement.set(format!(
            "{} available on {}",
            count_times(day.slots.len()),
            format::day_and_month(day.date)
        ));
    };
    let next_day = move |_| {
        let i = day_index.get_untracked();
        if i + 1 < days.with_untracked(Vec::len) {
            show_day(i + 1);
        } else if !exhausted() && !loading.get_untracked() {
            // Ask for the next window, then move on once it has arrived.
            fetch_more();
            let before = days.with_untracked(Vec::len);
            Effect::new(move |done: Option<bool>| {
                if done == Some(true) || loading.get() {
                    return done.unwrap_or(false);
                }
                if days.with(Vec::len) > before {
                    show_day(before);
                }
                true
            });
        }
    };
    let previous_day = move |_| {
        let i = day_index.get_untracked();
        if i > 0 {
            show_day(i - 1);
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = selected.get_untracked().and_then(|id| {
            loaded.with_untracked(|l| l.slots.iter().find(|s| *s.id == *id).cloned())
        });
        match chosen {
            Some(slot) => on_choose.run(slot),
            None => {
                error.set(Some("Select a time".into()));
                state.focus_heading();
            }
        }
    };
    Effect::new(move |_| set_title(step.title(), error.with(Option::is_some)));

    // What the body shows. A change of day leaves this alone: the day's parts below update in
    // place (rebuilding the whole body for every day took ~20 ms of script for 200 times).
    #[derive(Clone, Copy, PartialEq)]
    enum Shown {
        Failed,
        Loading,
        NoTimes,
        Days,
    }
    let shown = Memo::new(move |_| {
        if failure.with(Option::is_some) {
            Shown::Failed
        } else if !days.with(Vec::is_empty) {
            Shown::Days
        } else if loading.get() || loaded.with(|l| l.until.is_none()) {
            Shown::Loading
        } else {
            Shown::NoTimes
        }
    });
    let day = ShownDay {
        days,
        index: day_index,
    };
    let is_first = move || (day_index.get() == 0).then_some("true");
    let no_later = move || {
        let has_later = day_index.get() + 1 < days.with(Vec::len) || !exhausted();
        (!has_later || loading.get()).then_some("true")
    };

    let body = move || {
        match shown.get() {
        Shown::Failed => {
            let error = failure.get_untracked().unwrap_or(ApiError::Network);
            view! { <ApiProblem error=error retry=Callback::new(move |_| fetch_more())/> }.into_any()
        }
        Shown::Loading => view! { <Loading label="Loading available times"/> }.into_any(),
        Shown::NoTimes => view! {
            <div class="nhsb-inset-text">
                <p>"There are no times available online here in the next "
                   {(horizon - first).num_weeks()} " weeks."</p>
                <p>"You can "
                   <a class="nhsb-link" href=routes::href(&state, back, false)
                      on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, back) }
                   >"go back"</a>
                   " or call " <PhoneNumber/> "."</p>
            </div>
        }
        .into_any(),
        Shown::Days => view! {
            <ZoneNote day=day/>
            <div class="nhsb-day-nav">
                // aria-disabled, not disabled: a button that disables itself while it has
                // focus drops focus to the top of the page. The handlers do nothing then.
                <button class="nhsb-button nhsb-button--secondary nhsb-day-nav__button" type="button"
                    aria-disabled=is_first on:click=previous_day>
                    "Previous day"
                </button>
                <h2 class="nhsb-day-nav__day">
                    {move || day.with(|d| format::day_and_month(d.date))}
                </h2>
                <button class="nhsb-button nhsb-button--secondary nhsb-day-nav__button" type="button"
                    aria-disabled=no_later on:click=next_day>
                    "Next day"
                </button>
            </div>
            <DayPicker days=days selected=day_index on_pick=Callback::new(show_day)/>
            <Times day=day locality=locality_name selected=selected error=error/>
            {move || loading.get().then(|| view! { <Loading label="Loading more times"/> })}
            <button class="nhsb-button" type="submit">"Continue"</button>
        }
        .into_any(),
    }
    };

    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || {
                error.get().map(|e| vec![("slot".to_string(), e)]).unwrap_or_default()
            })/>
            <span class="nhsb-caption">{locality_name}</span>
            <h1 tabindex="-1">{step.title()}</h1>
            {body}
            // One polite live region for day changes, present from the start so it is heard.
            <div class="nhsb-visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
        </form>
    }
}

fn count_times(n: usize) -> String {
    if n == 1 {
        "1 time".into()
    } else {
        format!("{n} times")
    }
}

/// Says that times are the clinic's when the device is in another zone.
#[component]
fn ZoneNote(day: ShownDay) -> impl IntoView {
    move || {
        let differs = day.with(|d| {
            d.slots.first().is_some_and(|s| {
                schedule::zone_differs(
                    *s.start.offset(),
                    state::device_minutes_east(s.start.to_utc()),
                )
            })
        });
        differs.unwrap_or(false).then(|| {
            view! {
                <p class="nhsb-inset-text">
                    "Times are shown in UK time, the time at the clinic. Your device is set to a different time zone."
                </p>
            }
        })
    }
}

/// The day on show: the patient's choice among the days with times, read where it is used
/// (no copy of the day is kept).
#[derive(Clone, Copy)]
struct ShownDay {
    days: Memo<Vec<Day>>,
    index: Memo<usize>,
}

impl ShownDay {
    fn with<R>(self, f: impl FnOnce(&Day) -> R) -> Option<R> {
        let i = self.index.get();
        self.days
            .with(|d| d.get(i.min(d.len().saturating_sub(1))).map(f))
    }
}

/// A list of every day with times, for jumping ahead.
#[component]
fn DayPicker(
    days: Memo<Vec<Day>>,
    selected: Memo<usize>,
    on_pick: Callback<usize>,
) -> impl IntoView {
    view! {
        <div class="nhsb-form-group">
            <label class="nhsb-label" for="slot-day">"Or choose a day"</label>
            <select class="nhsb-select" id="slot-day"
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() { on_pick.run(i) }
                }
            >
                {move || days.with(|days| days.iter().enumerate().map(|(i, d)| {
                    let label = format!("{} – {}", format::short_day(d.date), count_times(d.slots.len()));
                    // The property, not the attribute: once the patient has used the list, the
                    // attribute no longer moves the selection.
                    view! { <option value=i.to_string() prop:selected=move || selected.get() == i>{label}</option> }
                }).collect_view())}
            </select>
        </div>
    }
}

/// What one time shows, worked out once per day change and written into its row in place.
#[derive(Clone, Debug, Default, PartialEq)]
struct TimeRow {
    slot: String,
    /// The input's id: `slot` for the first time of the day (the error summary links to it).
    input: String,
    /// "Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital, 45 minutes".
    name: String,
    time: String,
    mode: &'static str,
    mode_class: &'static str,
    length: String,
    checked: bool,
}

const PARTS: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening];

/// The day's times by part of the day (morning, afternoon, evening; each possibly empty).
fn time_rows(day: &Day, locality: &str) -> [Vec<TimeRow>; 3] {
    let long_date = format::long_date(day.date);
    let place = if locality.is_empty() {
        String::new()
    } else {
        format!(", {locality}")
    };
    let mut rows: [Vec<TimeRow>; 3] = Default::default();
    let mut index = 0;
    for (part, slots) in by_part_of_day(&day.slots) {
        let k = PARTS.iter().position(|p| *p == part).unwrap_or(0);
        for slot in slots {
            index += 1;
            let time = format::time(slot.start.time());
            let length = format::duration((slot.end - slot.start).num_minutes());
            rows[k].push(TimeRow {
                input: if index == 1 {
                    "slot".into()
                } else {
                    format!("slot-{index}")
                },
                name: format!(
                    "{long_date}, {time}, {}{place}, {length}",
                    format::mode_phrase(slot.mode)
                ),
                time,
                mode: format::mode_label(slot.mode),
                mode_class: mode_class(slot.mode),
                length,
                checked: false,
                slot: slot.id.to_string(),
            });
        }
    }
    rows
}

/// The times of one day as radios, each named in full for screen readers
/// ("Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital, 45 minutes").
///
/// Rows stay in place from day to day: row *i* of a part of the day shows that part's *i*-th
/// time through a signal of its own, so a new day rewrites the words of the rows already there
/// and adds or removes only the difference in number. Measured with 200 times (BENCHMARKS.md):
/// rebuilding every row took ~20 ms of script per day; rendering over the old rows position by
/// position took 34 ms (component erasure makes each element drop and re-set all its
/// attributes); this takes ~9 ms.
#[component]
fn Times(
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
    // end. `For` keyed by position does the same; this costs ~8 KB less brotli (measured).
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
                <legend class="nhsb-fieldset__legend nhsb-fieldset__legend--s">{PARTS[k].label()}</legend>
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
                    <span class="nhsb-visually-hidden">"Error: "</span>{e}
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

fn mode_class(mode: booking_domain::model::Mode) -> &'static str {
    use booking_domain::model::Mode;
    match mode {
        Mode::InPerson => "in-person",
        Mode::Telephone => "telephone",
        Mode::Video => "video",
        Mode::Other => "other",
    }
}
