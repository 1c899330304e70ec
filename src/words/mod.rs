//! The app's message catalogues (`booking_domain::lang`): one module per area, each with its
//! `en()` and `cy()` side by side, and the one function that reaches the Welsh ones,
//! `load_welsh` (called only by the `welsh` chunk: an English patient never downloads a Welsh
//! word). English words are read where they are used, so they travel in their page's chunk.

use std::cell::Cell;

use booking_domain::lang::Catalogue;

pub mod alerts;
pub mod check;
pub mod forms;
pub mod info;
pub mod layout;
pub mod manage;
pub mod problem;
pub mod questions;
pub mod start;
pub mod times;

booking_domain::catalogue_areas! {
    layout: layout::Words,
    start: start::Words,
    questions: questions::Words,
    forms: forms::Words,
    times: times::Words,
    check: check::Words,
    problem: problem::Words,
    info: info::Words,
    manage: manage::Words,
    alerts: alerts::Words,
}

thread_local! {
    static WELSH: Cell<Option<&'static Welsh>> = const { Cell::new(None) };
}

/// The words of one area in the patient's language (`booking_domain::words::pick`).
pub fn pick<T: Catalogue + Send + Sync>(
    english: &'static std::sync::OnceLock<T>,
    en: fn() -> T,
    cy: fn(&'static Welsh) -> &'static T,
) -> &'static T {
    booking_domain::words::pick_from(WELSH.with(Cell::get), english, en, cy)
}

/// The words of an area whose English is a constant (those the main module reads;
/// `booking_domain::words::pick_const`).
pub fn pick_const<T: Catalogue + 'static>(
    english: &'static T,
    cy: fn(&'static Welsh) -> &'static T,
) -> &'static T {
    booking_domain::words::pick_const_from(WELSH.with(Cell::get), english, cy)
}

/// Makes the Welsh words available. Called only by the `welsh` chunk (src/pages/mod.rs), so
/// it and every Welsh word are in that chunk: an English patient never downloads them. Made
/// here, not kept in statics: see `booking_domain::words::load_welsh`.
pub fn load_welsh() {
    if WELSH.with(Cell::get).is_some() {
        return;
    }
    let welsh: &'static Welsh = Box::leak(Box::new(make_welsh()));
    booking_domain::words::load_welsh();
    WELSH.with(|w| w.set(Some(welsh)));
}

#[cfg(test)]
mod tests {
    use booking_domain::lang::compare;

    /// Each area's Welsh has every message, with the same placeholders, none left in English.
    #[test]
    fn welsh_is_complete() {
        let all = super::catalogue();
        let mut areas: Vec<&str> = all.iter().map(|m| m.0).collect();
        areas.dedup();
        for area in areas {
            let messages = || all.iter().filter(move |m| m.0 == area);
            let en: Vec<_> = messages().map(|m| (m.1, m.2)).collect();
            let cy: Vec<_> = messages().map(|m| (m.1, m.3)).collect();
            // A day and its count of times, in the order both languages write them.
            let same: &[&str] = if area == "times" {
                &["day_option"]
            } else {
                &[]
            };
            compare(&en, &cy, same);
        }
    }
}
