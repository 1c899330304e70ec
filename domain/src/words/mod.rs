//! The domain's message catalogues (`crate::lang`): one module per area, each with its `EN` and
//! `CY` words side by side, and what reaches the Welsh ones.

use std::cell::Cell;

use crate::lang::{current, Catalogue, Lang};

pub mod alerts;
pub mod answers;
pub mod draft;
pub mod format;
pub mod ics;
pub mod languages;
pub mod outcome;
pub mod support;
pub mod times;
pub mod titles;
pub mod validate;

crate::catalogue_areas! {
    format: format::Words,
    titles: titles::Titles,
    validate: validate::Words,
    answers: answers::Words,
    support: support::Words,
    languages: languages::Words,
    draft: draft::Words,
    alerts: alerts::Words,
    ics: ics::Words,
    outcome: outcome::Words,
    times: times::Words,
}

thread_local! {
    static WELSH: Cell<Option<&'static Welsh>> = const { Cell::new(None) };
}

/// Makes the Welsh words available: the only code that reaches them, so it and they are the
/// app's `welsh` chunk. Each area's words are made by a function (`en()`, `cy()`), not kept in
/// a `static`: wasm-split leaves a static's data, and every string it points to, in the main
/// module (measured: +8.4 KB brotli), but moves a function's strings with the function.
pub fn load_welsh() {
    if welsh_ready() {
        return;
    }
    let welsh: &'static Welsh = Box::leak(Box::new(make_welsh()));
    WELSH.with(|w| w.set(Some(welsh)));
}

/// Whether Welsh pages can be written yet.
pub fn welsh_ready() -> bool {
    WELSH.with(Cell::get).is_some()
}

/// The words of one area in the current language: `en()` unless Welsh is chosen and loaded.
/// With the `pseudo` feature, English is pseudo-translated instead (`crate::lang::pseudo`).
pub fn pick<T: Catalogue + Send + Sync>(
    english: &'static std::sync::OnceLock<T>,
    en: fn() -> T,
    cy: fn(&'static Welsh) -> &'static T,
) -> &'static T {
    pick_from(WELSH.with(Cell::get), english, en, cy)
}

/// The words of an area whose English is a constant: the areas the main module reads (the
/// start page, titles, dates), where a constant's data is less code than making the words once.
pub fn pick_const<T: Catalogue + 'static>(
    english: &'static T,
    cy: fn(&'static Welsh) -> &'static T,
) -> &'static T {
    pick_const_from(WELSH.with(Cell::get), english, cy)
}

/// `pick` for any set of Welsh catalogues (`welsh`, once loaded): the domain's and the app's.
pub fn pick_from<W: 'static, T: Catalogue + Send + Sync>(
    welsh: Option<&'static W>,
    english: &'static std::sync::OnceLock<T>,
    en: fn() -> T,
    cy: fn(&'static W) -> &'static T,
) -> &'static T {
    match (current(), welsh) {
        (Lang::Cy, Some(welsh)) => cy(welsh),
        #[cfg(feature = "pseudo")]
        _ => english.get_or_init(|| en().map(&crate::lang::pseudo)),
        #[cfg(not(feature = "pseudo"))]
        _ => english.get_or_init(en),
    }
}

/// `pick_const` for any set of Welsh catalogues (`welsh`, once loaded).
pub fn pick_const_from<W: 'static, T: Catalogue + 'static>(
    welsh: Option<&'static W>,
    english: &'static T,
    cy: fn(&'static W) -> &'static T,
) -> &'static T {
    match (current(), welsh) {
        (Lang::Cy, Some(welsh)) => cy(welsh),
        #[cfg(feature = "pseudo")]
        _ => crate::lang::pseudo_catalogue(english),
        #[cfg(not(feature = "pseudo"))]
        _ => english,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::lang::{set, Lang};

    /// Runs `f` with Welsh chosen and the domain's Welsh catalogues loaded.
    pub fn in_welsh<R>(f: impl FnOnce() -> R) -> R {
        super::load_welsh();
        set(Lang::Cy);
        let out = f();
        set(Lang::En);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::set;

    #[test]
    fn welsh_is_used_only_once_loaded() {
        set(Lang::Cy);
        // Not loaded on this thread yet: English rather than nothing.
        WELSH.with(|w| w.set(None));
        assert_eq!(format::words().am, "am");
        set(Lang::En);
        testing::in_welsh(|| assert_eq!(format::words().am, "yb"));
    }
}
