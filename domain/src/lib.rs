//! The booking rules, free of any browser API so that they are tested with plain `cargo test`.
//! Components call these; they do not compute rules themselves.

pub mod model;
