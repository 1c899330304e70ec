//! A local implementation of the booking API contract (shared/booking-api/README.md and
//! openapi.yaml) for development, demos and tests, with fault injection and test controls.
//! Modules import each other in one direction only (the map is in README.md, "Code").

pub mod app;
pub mod clock;
pub mod config;
pub mod controls;
pub mod errors;
pub mod extras;
pub mod faults;
pub mod gallery;
pub mod json;
pub mod measure;
pub mod outbox;
pub mod report;
pub mod request;
pub mod sample;
pub mod screening;
pub mod seed;
pub mod state;
pub mod statics;
pub mod store;
pub mod validate;
pub mod version;

pub use app::{build, router};
pub use config::Config;
pub use state::App;
pub use version::ApiVersion;
