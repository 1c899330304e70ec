//! A local implementation of the booking API contract (shared/booking-api/README.md and
//! openapi.yaml) for development, demos and tests, with fault injection and test controls.

pub mod app;
pub mod clock;
pub mod controls;
pub mod errors;
pub mod faults;
pub mod seed;
pub mod statics;
pub mod store;
pub mod validate;

pub use app::{build, router, App, Config};
