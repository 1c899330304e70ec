//! How the server is set up: from the command line in `main.rs`, or directly in tests.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

use crate::faults::Faults;
use crate::seed::DEFAULT_SEED;
pub use crate::store::{DEFAULT_HOLD_SECONDS, MAX_HOLD_SECONDS};
use crate::version::ApiVersion;

#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    /// Pins the clinic calendar's today (the clock keeps running from there).
    pub today: Option<NaiveDate>,
    /// Freezes the clock (tests); wins over `today`.
    pub now: Option<DateTime<Utc>>,
    pub page_size: usize,
    /// The contract version spoken: 1.0 has no `features`, no `screening` and ignores the 1.1
    /// booking fields, so the app can be tried against an API that has not moved on.
    pub api_version: ApiVersion,
    /// How long a freed time is held for the slot alert it is offered to (1.1 `slot_alerts`),
    /// at start and after /__demo/reset (`POST /__demo/hold-seconds` changes it meanwhile).
    pub hold_seconds: u64,
    /// Faults at start and after /__demo/reset.
    pub faults: Faults,
    /// Seeds two weeks of made-up events and feedback (at start and after /__demo/reset), so
    /// the report at /report is not empty in a demo; the report says it includes sample data.
    pub sample_events: bool,
    pub test_controls: bool,
    pub static_dir: Option<PathBuf>,
    /// (path prefix, folder) pairs served as they are.
    pub extra_static: Vec<(String, PathBuf)>,
    /// Path prefixes whose answers carry the strict `Content-Security-Policy`
    /// ([`crate::statics::strict_policy`]), to show the app embedded under a trust's CSP.
    pub csp_paths: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: DEFAULT_SEED,
            today: None,
            now: None,
            page_size: 200,
            api_version: ApiVersion::default(),
            hold_seconds: DEFAULT_HOLD_SECONDS,
            faults: Faults::default(),
            sample_events: false,
            test_controls: false,
            static_dir: None,
            extra_static: Vec::new(),
            csp_paths: Vec::new(),
        }
    }
}
