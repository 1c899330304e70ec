//! The booking rules, free of any browser API so that they are tested with plain `cargo test`.
//! Components call these; they do not compute rules themselves.

pub mod alerts;
pub mod answers;
pub mod api;
pub mod booker;
pub mod browse;
pub mod confirm;
pub mod counting;
pub mod dates;
pub mod draft;
pub mod format;
pub mod ics;
pub mod ids;
pub mod journey;
pub mod json;
pub mod lang;
pub mod languages;
pub mod manage;
pub mod measure;
pub mod model;
pub mod outcome;
pub mod schedule;
pub mod support;
pub mod times;
pub mod validate;
pub mod words;
