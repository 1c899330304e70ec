//! The patient's language in the app (`booking_domain::lang`): chosen by `?lang=cy` in the URL,
//! the host's `data-lang`, or the header's "Cymraeg" / "English" link; kept for the tab; sent
//! with the booking when the API takes it (1.1 `language`). The words themselves are the
//! `words` module's.
//!
//! The language is settled when the app starts: in Welsh, the whole app (header and page) is
//! drawn by the `welsh` chunk, which makes Welsh's words available first (src/pages/mod.rs), so
//! it loads like any other chunk (the problem page with "Try again" if it cannot be fetched),
//! while the static shell, which booking.js has put into Welsh, stays in view. The switch loads the page again in the other language: the answers are
//! kept in the tab and the step is in the URL, so nothing has to change language while it runs
//! (that cost 2 KB of the main module: every page written again, a signal).

use booking_domain::lang::{self as domain, Lang};

/// Not under `nhs-booking:`, where the booking's data is (all deleted by "Start again"): a
/// language is not an answer, and nothing personal.
const KEY: &str = "nhs-booking-lang";

/// The language to start in: the URL's `?lang=` (kept for the tab: the patient chose it), else
/// the one chosen earlier in this tab, else the host's `data-lang`, else English.
pub fn initial(query: &str, host: Option<&str>) -> Lang {
    if let Some(chosen) = domain::from_query(query) {
        crate::browser::save_text(KEY, chosen.code());
        return chosen;
    }
    crate::browser::load_text(KEY)
        .and_then(|l| Lang::parse(&l))
        .or_else(|| host.and_then(Lang::parse))
        .unwrap_or_default()
}

/// This page's URL in `lang` (the switch's link).
pub fn switch_url(lang: Lang) -> String {
    let location = leptos::prelude::window().location();
    let mut url = location.pathname().unwrap_or_default();
    url.push_str(&domain::with_lang(
        &location.search().unwrap_or_default(),
        lang,
    ));
    url.push_str(&location.hash().unwrap_or_default());
    url
}
