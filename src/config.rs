//! What the host page tells the app, read once from the mount element's data attributes
//! (or `<meta name="nhs-booking:…">`), so one build serves every trust.

use booking_domain::journey::{Choices, Routing};
use wasm_bindgen::JsCast;

/// The number to call when neither the host page nor the API gives one (the static shell in
/// `index.html` shows it too).
pub const DEFAULT_PHONE: &str = "01480 123456";

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "nhs-booking";

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where the booking API lives, without a trailing slash.
    pub api_base: String,
    /// The path the app's pages live below.
    pub base_path: String,
    /// The host page's number for patients to call (`data-phone`); when it gives none, the
    /// service's from the API, else [`DEFAULT_PHONE`] (`AppState::phone`).
    pub phone: Option<String>,
    pub opening_hours: String,
    /// The trust's opening hours in Welsh.
    pub opening_hours_cy: Option<String>,
    /// The host's choice of language (`data-lang`); the URL's `?lang=` and the patient's
    /// choice come first.
    pub lang: Option<String>,
    /// The app is the whole page (`index.html`): it sets `<html lang>` too, not only its
    /// mount element's (`data-page-lang="true"`).
    pub page_lang: bool,
    /// Milliseconds before a request is given up.
    pub timeout_ms: u32,
    /// Path routing below `base_path` (the default), or query routing (`data-routing="query"`)
    /// where the step is one query parameter (`data-query-param`, default `booking`) and the
    /// host's path and other parameters are left alone.
    pub routing: Routing,
    /// Answers a trust fixes in advance (`data-service`, `data-band`, `data-locality`); a URL
    /// that has its own choice wins.
    pub preselected: Choices,
    /// Origins of pages allowed to frame the app and be told its height (`data-parent-origins`,
    /// space or comma separated). The page's own origin is always allowed.
    pub parent_origins: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: "/api".into(),
            base_path: "/".into(),
            phone: None,
            opening_hours: "Monday to Friday, 8am to 6pm".into(),
            opening_hours_cy: None,
            lang: None,
            page_lang: false,
            timeout_ms: 15_000,
            routing: Routing::default(),
            preselected: Choices::default(),
            parent_origins: Vec::new(),
        }
    }
}

impl Config {
    /// The opening hours in the patient's language: the trust's own (`data-opening-hours`, and
    /// `data-opening-hours-cy` in Welsh), else ours.
    pub fn opening_hours(&self) -> String {
        let ours = crate::words::layout::words().opening_hours;
        match booking_domain::lang::current() {
            booking_domain::lang::Lang::Cy => self.opening_hours_cy.clone().unwrap_or_else(|| {
                if self.opening_hours == Config::default().opening_hours {
                    ours.to_string()
                } else {
                    self.opening_hours.clone()
                }
            }),
            booking_domain::lang::Lang::En => self.opening_hours.clone(),
        }
    }

    pub fn read(mount: &web_sys::Element) -> Config {
        let document = mount.owner_document();
        let setting = |name: &str| -> Option<String> {
            mount
                .get_attribute(&format!("data-{name}"))
                .or_else(|| {
                    let meta = document
                        .as_ref()?
                        .query_selector(&format!("meta[name='nhs-booking:{name}']"))
                        .ok()??;
                    meta.dyn_into::<web_sys::Element>()
                        .ok()?
                        .get_attribute("content")
                })
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let default = Config::default();
        let base_path = setting("base-path").unwrap_or(default.base_path);
        let routing = match setting("routing").as_deref() {
            Some("query") => Routing::Query {
                param: setting("query-param").unwrap_or_else(|| "booking".into()),
            },
            _ => Routing::Path {
                base: base_path.clone(),
            },
        };
        // Ids are short tokens, as in URLs.
        let id = |name: &str| setting(name).filter(|v| v.len() <= 64);
        Config {
            api_base: setting("api-base")
                .map(|v| v.trim_end_matches('/').to_string())
                .unwrap_or(default.api_base),
            base_path,
            phone: setting("phone"),
            opening_hours: setting("opening-hours").unwrap_or(default.opening_hours),
            opening_hours_cy: setting("opening-hours-cy"),
            lang: setting("lang"),
            page_lang: setting("page-lang").as_deref() == Some("true"),
            timeout_ms: setting("timeout-ms")
                .and_then(|v| v.parse().ok())
                .unwrap_or(default.timeout_ms),
            routing,
            preselected: Choices {
                service: id("service").map(Into::into),
                band: id("band").map(Into::into),
                locality: id("locality").map(Into::into),
                ..Choices::default()
            },
            parent_origins: setting("parent-origins")
                .map(|v| {
                    v.split([' ', ','])
                        .map(|o| o.trim().trim_end_matches('/').to_string())
                        .filter(|o| o.starts_with("https://") || o.starts_with("http://"))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}
