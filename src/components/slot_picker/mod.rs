//! Choosing a time, one day at a time, times grouped into morning, afternoon and evening. The
//! API's 31-day windows and paging stay out of sight (`booking_domain::browse`): later windows
//! are fetched as the patient moves on. Used to book and to move a booking.

mod times;
pub use times::Times;

use booking_domain::api::ApiError;
use booking_domain::browse::{day_index, has_later_day, SlotBrowser, SlotSearch};
use booking_domain::format;
use booking_domain::ids::SlotId;
use booking_domain::journey::Step;
use booking_domain::lang::{around, fill};
use booking_domain::model::Slot;
use booking_domain::schedule::{self, Day};
use booking_domain::times::time_rows;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ApiProblem, BackLink, ErrorItem, ErrorSummary, Loading, PhoneNumber, StepLink};
use crate::browser::{device_minutes_east, focus_heading, now, set_title};
use crate::state::AppState;
use crate::words::times::words;

#[component]
pub fn SlotPicker(
    search: SlotSearch,
    /// The time chosen before, shown chosen (Back from the check page).
    chosen: Option<SlotId>,
    /// The page (for its title).
    step: Step,
    back: Step,
    /// The place's name, for the caption and each time's accessible name.
    #[prop(into)]
    locality_name: Signal<Option<String>>,
    on_choose: Callback<Slot>,
    /// Asks for an earlier-time alert (API 1.1 `slot_alerts`): offered under the times and when
    /// there are none.
    #[prop(default = None)]
    earlier: Option<Callback<()>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let w = words();
    let browser = RwSignal::new(SlotBrowser::new(search, now().date_naive()));
    let loading = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);

    // Fetches the next windows (until one has a time); nothing while a fetch is under way.
    let fetch_more = move || {
        let Some(pending) = browser.with_untracked(SlotBrowser::pending) else {
            return;
        };
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        failure.set(None);
        spawn_local(async move {
            match pending.fetch(state.client(), now()).await {
                Ok(batch) => browser.update(|b| b.add(batch)),
                Err(e) => failure.set(Some(e)),
            }
            loading.set(false);
        });
    };
    fetch_more();

    let days = Memo::new(move |_| browser.with(|b| b.days(now())));
    let exhausted = move || browser.with(SlotBrowser::exhausted);
    let index =
        Memo::new(move |_| days.with(|d| day_index(d, state.route.with(|r| r.choices.date))));
    let day = ShownDay { days, index };
    let rows = Memo::new(move |_| {
        let locality = locality_name.get().unwrap_or_default();
        day.with(|d| time_rows(d, &locality)).unwrap_or_default()
    });
    let selected = RwSignal::new(chosen.map(|id| id.0));
    let error = RwSignal::new(None::<String>);
    let announcement = RwSignal::new(String::new());

    let show_day = move |i: usize| {
        let Some((date, count)) =
            days.with_untracked(|d| d.get(i).map(|d| (d.date, d.slots.len())))
        else {
            return;
        };
        let mut route = state.route.get_untracked();
        route.choices.date = Some(date);
        // Replace, not push: Back goes to the previous question, not through every day seen.
        state.go(route, true);
        announcement.set(fill(
            w.day_announcement,
            &[
                ("count", &format::count_times(count)),
                ("day", &format::day_and_month(date)),
            ],
        ));
    };
    let next_day = move |_| {
        let i = index.get_untracked();
        let known = days.with_untracked(Vec::len);
        if i + 1 < known {
            show_day(i + 1);
        } else if !exhausted() && !loading.get_untracked() {
            // Ask for the next windows, then move on once they have arrived.
            fetch_more();
            Effect::new(move |done: Option<bool>| {
                if done == Some(true) || loading.get() {
                    return done.unwrap_or(false);
                }
                if days.with(Vec::len) > known {
                    show_day(known);
                }
                true
            });
        }
    };
    let previous_day = move |_| {
        let i = index.get_untracked();
        if i > 0 {
            show_day(i - 1);
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = selected
            .get_untracked()
            .and_then(|id| browser.with_untracked(|b| b.find(&id).cloned()));
        match chosen {
            Some(slot) => on_choose.run(slot),
            None => {
                error.set(Some(w.error_select.into()));
                focus_heading();
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
        } else if loading.get() || !browser.with(SlotBrowser::started) {
            Shown::Loading
        } else {
            Shown::NoTimes
        }
    });
    let is_first = move || (index.get() == 0).then_some("true");
    let no_later = move || {
        let later = has_later_day(days.with(Vec::len), index.get(), exhausted());
        (!later || loading.get()).then_some("true")
    };
    let weeks = browser.with_untracked(SlotBrowser::weeks);
    let alert_link = move |lead: &'static str, link: &'static str| {
        earlier.map(|run| {
            view! {
                <p>{lead} " " <StepLink to=Step::AlertWhere on_follow=run>{link}</StepLink></p>
            }
        })
    };
    let (no_times, after_weeks) = around(w.no_times, "weeks");
    let (can, rest) = around(w.no_times_way_on, "back");
    let (or_call, after_call) = around(rest, "phone");

    let body = move || {
        match shown.get() {
        Shown::Failed => {
            let error = failure.get_untracked().unwrap_or(ApiError::Network);
            view! { <ApiProblem error=error retry=Callback::new(move |_| fetch_more())/> }.into_any()
        }
        Shown::Loading => view! { <Loading label=w.loading/> }.into_any(),
        Shown::NoTimes => view! {
            <div class="nhsb-inset-text">
                <p>{no_times} {weeks} {after_weeks}</p>
                <p>{can} <StepLink to=back>{w.go_back}</StepLink> {or_call} <PhoneNumber/> {after_call}</p>
            </div>
            {alert_link(w.no_times_alert_lead, w.no_times_alert_link)}
        }
        .into_any(),
        Shown::Days => view! {
            <ZoneNote day=day/>
            <div class="nhsb-day-nav">
                // aria-disabled, not disabled: a button that disables itself while it has
                // focus drops focus to the top of the page. The handlers do nothing then.
                <button class="nhsb-button nhsb-button--secondary nhsb-day-nav__button" type="button"
                    aria-disabled=is_first on:click=previous_day>
                    {w.previous_day}
                </button>
                <h2 class="nhsb-day-nav__day">
                    {move || day.with(|d| format::day_and_month(d.date))}
                </h2>
                <button class="nhsb-button nhsb-button--secondary nhsb-day-nav__button" type="button"
                    aria-disabled=no_later on:click=next_day>
                    {w.next_day}
                </button>
            </div>
            <DayPicker days=days selected=index on_pick=Callback::new(show_day)/>
            <Times rows=rows selected=selected error=error/>
            {move || loading.get().then(|| view! { <Loading label=w.loading_more/> })}
            <button class="nhsb-button" type="submit">{w.continue_button}</button>
            {alert_link(w.earlier_alert_lead, w.earlier_alert_link)}
        }
        .into_any(),
    }
    };

    view! {
        <BackLink to=back/>
        <form class="nhsb-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || {
                error.get().map(|e| vec![ErrorItem::new("slot", e)]).unwrap_or_default()
            })/>
            <span class="nhsb-caption">{locality_name}</span>
            <h1 tabindex="-1">{step.title()}</h1>
            {body}
            // One polite live region for day changes, present from the start so it is heard.
            <div class="nhsb-visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
        </form>
    }
}

/// Says that times are the clinic's when the device is in another zone.
#[component]
fn ZoneNote(day: ShownDay) -> impl IntoView {
    move || {
        let differs = day.with(|d| {
            d.slots.first().is_some_and(|s| {
                schedule::zone_differs(*s.start.offset(), device_minutes_east(s.start.to_utc()))
            })
        });
        differs.unwrap_or(false).then(|| {
            view! {
                <p class="nhsb-inset-text">
                    {words().zone_note}
                </p>
            }
        })
    }
}

/// The day on show: the patient's choice among the days with times, read where it is used
/// (no copy of the day is kept).
#[derive(Clone, Copy)]
pub struct ShownDay {
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
    let w = words();
    view! {
        <div class="nhsb-form-group">
            <label class="nhsb-label" for="slot-day">{w.choose_day}</label>
            <select class="nhsb-select" id="slot-day"
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() { on_pick.run(i) }
                }
            >
                {move || days.with(|days| days.iter().enumerate().map(|(i, d)| {
                    let label = fill(w.day_option, &[
                        ("day", &format::short_day(d.date)),
                        ("count", &format::count_times(d.slots.len())),
                    ]);
                    // The property, not the attribute: once the patient has used the list, the
                    // attribute no longer moves the selection.
                    view! { <option value=i.to_string() prop:selected=move || selected.get() == i>{label}</option> }
                }).collect_view())}
            </select>
        </div>
    }
}
