//! What the host page tells the app, read once from the mount element's data attributes
//! (or `<meta name="nhs-booking:…">`), so one build serves every trust.

use wasm_bindgen::JsCast;

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "nhs-booking";

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where the booking API lives, without a trailing slash.
    pub api_base: String,
    /// The path the app's pages live below.
    pub base_path: String,
    /// Shown wherever a patient may need to phone instead.
    pub phone: String,
    pub opening_hours: String,
    /// Milliseconds before a request is given up.
    pub timeout_ms: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: "/api".into(),
            base_path: "/".into(),
            phone: "01480 123456".into(),
            opening_hours: "Monday to Friday, 8am to 6pm".into(),
            timeout_ms: 15_000,
        }
    }
}

impl Config {
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
        Config {
            api_base: setting("api-base")
                .map(|v| v.trim_end_matches('/').to_string())
                .unwrap_or(default.api_base),
            base_path: setting("base-path").unwrap_or(default.base_path),
            phone: setting("phone").unwrap_or(default.phone),
            opening_hours: setting("opening-hours").unwrap_or(default.opening_hours),
            timeout_ms: setting("timeout-ms")
                .and_then(|v| v.parse().ok())
                .unwrap_or(default.timeout_ms),
        }
    }
}
