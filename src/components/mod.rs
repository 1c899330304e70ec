//! Building blocks in the NHS.UK / GOV.UK design-system patterns. Each component's styles are
//! one file in `style/components/`, named as in the NHS.UK design system (`date-input.css`,
//! `error-summary.css`…; radios and checkboxes share `choices.css`). The parts every field
//! shares (form group, fieldset, legend, label, hint, error message) end `style/base.css`, so
//! they come before the component files (Trunk concatenates those alphabetically) and
//! components can override them. Every class starts with `nhsb-` so the app can live inside a
//! trust's page without touching it.

mod appointment;
mod autocomplete;
mod character_count;
mod checkboxes;
mod date_input;
mod error_summary;
mod feedback;
mod field_errors;
mod fields;
mod invite_notice;
mod layout;
mod link;
mod problem;
mod radios;
mod reference_form;
mod single_choice;
mod slot_picker;
mod summary_list;
mod taken;

pub use appointment::{AppointmentSummary, CalendarButtons, ReferencePanel, WhatNext};
pub use autocomplete::Autocomplete;
pub use character_count::CharacterCount;
pub use checkboxes::Checkboxes;
pub use date_input::DateInput;
pub use error_summary::{ErrorItem, ErrorSummary, Errors};
pub use feedback::Feedback;
pub use field_errors::{error_items, field_errors, field_message};
pub use fields::{Checkbox, ErrorMessage, TextInput};
pub use invite_notice::InviteNotice;
pub use layout::{BackLink, Layout, Loading, PhoneNumber, StartAgain};
pub use link::{PageHeading, StepLink};
pub use problem::{no_connection, ApiProblem, Problem, ProblemWithWayOn};
pub use radios::{Choice, Radios};
pub use reference_form::{ReferenceAndDob, WaysOn};
pub use single_choice::SingleChoiceQuestion;
pub use slot_picker::{SlotPicker, Times};
pub use summary_list::SummaryList;
pub use taken::TakenTimes;

/// The id of a field's error message, for `aria-describedby`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The id of a field's hint, for `aria-describedby`.
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// `aria-describedby` for a field with an optional hint and error.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(hint_id(id));
    }
    if has_error {
        ids.push(error_id(id));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}
