use booking_domain::api::{ApiError, SlotQuery};
use booking_domain::journey::Step;
use booking_domain::model::Slot;
use booking_domain::schedule::{self, Day};
use booking_domain::{format, schedule::by_part_of_day};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
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
    pub chosen: Option<String>,
    /// A slot never offered (the booking's own time when moving it).
    pub exclude: Option<String>,
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
        service: d.service.clone().unwrap_or_default(),
        band: d.band.clone().unwrap_or_default(),
        locality: d.locality.clone().unwrap_or_default(),
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
                    service: s.service.clone(),
                    band: s.band.clone(),
                    locality: s.locality.clone(),
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
                                found.retain(|slot| &slot.id != exclude);
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
    let selected = RwSignal::new(search.with_value(|s| s.chosen.clone()));
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
        let chosen = selected
            .get_untracked()
            .and_then(|id| loaded.with_untracked(|l| l.slots.iter().find(|s| s.id == id).cloned()));
        match chosen {
            Some(slot) => on_choose.run(slot),
            None => {
                error.set(Some("Select a time".into()));
                state.focus_heading();
            }
        }
    };
    Effect::new(move |_| set_title(step.title(), error.with(Option::is_some)));

    let body = move || {
        if let Some(e) = failure.get() {
            return view! { <ApiProblem error=e retry=Callback::new(move |_| fetch_more())/> }
                .into_any();
        }
        if days.with(Vec::is_empty) {
            if loading.get() || loaded.with(|l| l.until.is_none()) {
                return view! { <Loading label="Loading available times"/> }.into_any();
            }
            return view! {
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
            .into_any();
        }
        let day = days.with(|d| d[day_index.get().min(d.len() - 1)].clone());
        let i = day_index.get();
        let last = days.with(Vec::len) - 1;
        let has_later = i < last || !exhausted();
        view! {
            <ZoneNote day=day.clone()/>
            <div class="nhsb-day-nav">
                // aria-disabled, not disabled: a button that disables itself while it has
                // focus drops focus to the top of the page. The handlers do nothing then.
                <button class="nhsb-button nhsb-button--secondary nhsb-day-nav__button" type="button"
                    aria-disabled=(i == 0).then_some("true") on:click=previous_day>
                    "Previous day"
                </button>
                <h2 class="nhsb-day-nav__day">{format::day_and_month(day.date)}</h2>
                <button class="nhsb-button nhsb-button--secondary nhsb-day-nav__button" type="button"
                    aria-disabled=(!has_later || loading.get()).then_some("true") on:click=next_day>
                    "Next day"
                </button>
            </div>
            <DayPicker days=days selected=i on_pick=Callback::new(show_day)/>
            <Times day=day locality=locality_name.get().unwrap_or_default() selected=selected error=error/>
            {move || loading.get().then(|| view! { <Loading label="Loading more times"/> })}
            <button class="nhsb-button" type="submit">"Continue"</button>
        }
        .into_any()
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
fn ZoneNote(day: Day) -> impl IntoView {
    let differs = day.slots.first().is_some_and(|s| {
        schedule::zone_differs(
            *s.start.offset(),
            state::device_minutes_east(s.start.to_utc()),
        )
    });
    differs.then(|| {
        view! {
            <p class="nhsb-inset-text">
                "Times are shown in UK time, the time at the clinic. Your device is set to a different time zone."
            </p>
        }
    })
}

/// A list of every day with times, for jumping ahead.
#[component]
fn DayPicker(days: Memo<Vec<Day>>, selected: usize, on_pick: Callback<usize>) -> impl IntoView {
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
                    view! { <option value=i.to_string() selected=i == selected>{label}</option> }
                }).collect_view())}
            </select>
        </div>
    }
}

/// The times of one day as radios, each named in full for screen readers
/// ("Monday 29 March 2027, 9:15am, in person, Hinchingbrooke Hospital").
#[component]
fn Times(
    day: Day,
    locality: String,
    selected: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let long_date = format::long_date(day.date);
    let mut index = 0;
    let groups = by_part_of_day(&day.slots)
        .into_iter()
        .map(|(part, slots)| {
            let radios = slots
                .into_iter()
                .map(|slot| {
                    let id = if index == 0 { "slot".to_string() } else { format!("slot-{}", index + 1) };
                    index += 1;
                    let value = slot.id.clone();
                    let checked = slot.id.clone();
                    let minutes = (slot.end - slot.start).num_minutes();
                    view! {
                        <div class="nhsb-radios__item nhsb-times__item">
                            <input class="nhsb-radios__input" type="radio" name="slot" id=id.clone()
                                value=slot.id.clone()
                                prop:checked=move || selected.with(|s| s.as_deref() == Some(checked.as_str()))
                                on:change=move |_| { selected.set(Some(value.clone())); error.set(None); }
                            />
                            // One hidden full name, and the visible words hidden from screen
                            // readers: separate hidden pieces would be read with stray pauses.
                            <label class="nhsb-label nhsb-radios__label nhsb-times__label" for=id>
                                <span class="nhsb-visually-hidden">
                                    {format!("{}, {}, {}", long_date, format::time(slot.start.time()), format::mode_phrase(slot.mode))}
                                    {(!locality.is_empty()).then(|| format!(", {locality}"))}
                                    {format!(", {}", format::duration(minutes))}
                                </span>
                                <span aria-hidden="true">
                                    <span class="nhsb-times__time">{format::time(slot.start.time())}</span>
                                    <span class="nhsb-tag" data-mode=mode_class(slot.mode)>{format::mode_label(slot.mode)}</span>
                                    <span class="nhsb-times__length">{format::duration(minutes)}</span>
                                </span>
                            </label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="nhsb-fieldset nhsb-times__group">
                    <legend class="nhsb-fieldset__legend nhsb-fieldset__legend--s">{part.label()}</legend>
                    <div class="nhsb-radios nhsb-times">{radios}</div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <div class="nhsb-form-group" class:nhsb-form-group--error=move || error.with(Option::is_some)>
            {move || error.get().map(|e| view! {
                <p class="nhsb-error-message" id="slot-error">
                    <span class="nhsb-visually-hidden">"Error: "</span>{e}
                </p>
            })}
            {groups}
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
