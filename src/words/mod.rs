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

/// Every Welsh catalogue of the app.
pub struct Welsh {
    pub layout: layout::Words,
    pub start: start::Words,
    pub questions: questions::Words,
    pub forms: forms::Words,
    pub times: times::Words,
    pub check: check::Words,
    pub problem: problem::Words,
    pub info: info::Words,
    pub manage: manage::Words,
    pub alerts: alerts::Words,
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

/// Every message of the app's catalogues: area, name, English, Welsh (for the browser test that
/// finds English left on Welsh pages: `examples/catalogue.rs`).
pub fn catalogue() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut all = Vec::new();
    let mut add = |area, en, cy| all.extend(booking_domain::lang::rows(area, en, cy));
    add("layout", layout::en().each(), layout::cy().each());
    add("start", start::en().each(), start::cy().each());
    add("questions", questions::en().each(), questions::cy().each());
    add("forms", forms::en().each(), forms::cy().each());
    add("times", times::en().each(), times::cy().each());
    add("check", check::en().each(), check::cy().each());
    add("problem", problem::en().each(), problem::cy().each());
    add("info", info::en().each(), info::cy().each());
    add("manage", manage::en().each(), manage::cy().each());
    add("alerts", alerts::en().each(), alerts::cy().each());
    all
}

/// Makes the Welsh words available. Called only by the `welsh` chunk (src/pages/mod.rs), so
/// it and every Welsh word are in that chunk: an English patient never downloads them. Made
/// here, not kept in statics: see `booking_domain::words::load_welsh`.
pub fn load_welsh() {
    if WELSH.with(Cell::get).is_some() {
        return;
    }
    let welsh: &'static Welsh = Box::leak(Box::new(Welsh {
        layout: layout::cy(),
        start: start::cy(),
        questions: questions::cy(),
        forms: forms::cy(),
        times: times::cy(),
        check: check::cy(),
        problem: problem::cy(),
        info: info::cy(),
        manage: manage::cy(),
        alerts: alerts::cy(),
    }));
    booking_domain::words::load_welsh();
    WELSH.with(|w| w.set(Some(welsh)));
}

#[cfg(test)]
mod tests {
    use booking_domain::lang::compare;

    /// Each area's Welsh has every message, with the same placeholders, none left in English.
    #[test]
    fn welsh_is_complete() {
        compare(
            &super::layout::en().each(),
            &super::layout::cy().each(),
            &[],
        );
        compare(&super::start::en().each(), &super::start::cy().each(), &[]);
        compare(
            &super::questions::en().each(),
            &super::questions::cy().each(),
            &[],
        );
        compare(&super::forms::en().each(), &super::forms::cy().each(), &[]);
        // A day and its count of times, in the order both languages write them.
        compare(
            &super::times::en().each(),
            &super::times::cy().each(),
            &["day_option"],
        );
        compare(&super::check::en().each(), &super::check::cy().each(), &[]);
        compare(
            &super::problem::en().each(),
            &super::problem::cy().each(),
            &[],
        );
        compare(&super::info::en().each(), &super::info::cy().each(), &[]);
        compare(
            &super::manage::en().each(),
            &super::manage::cy().each(),
            &[],
        );
        compare(
            &super::alerts::en().each(),
            &super::alerts::cy().each(),
            &[],
        );
    }
}
