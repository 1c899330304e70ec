use booking_domain::journey::Step;
use booking_domain::lang::around;
use booking_domain::validate::{date_of_birth, Field};
use chrono::NaiveDate;
use leptos::prelude::*;

use super::{ErrorItem, PhoneNumber, StepLink};
use crate::browser::{focus_heading, today};
use crate::words::manage::words;

/// A reference and a date of birth, as "Find your appointment" and "Stop texts about earlier
/// times" ask for them: what was typed, each field's error, and the error summary, where a
/// look-up that found nothing is said once for both fields (so it does not tell which one was
/// wrong).
#[derive(Clone, Copy)]
pub struct ReferenceAndDob {
    /// The reference box's id (the error summary links to it).
    pub id: &'static str,
    pub reference: RwSignal<String>,
    pub day: RwSignal<String>,
    pub month: RwSignal<String>,
    pub year: RwSignal<String>,
    pub reference_error: RwSignal<Option<String>>,
    pub dob_error: RwSignal<Option<(Field, String)>>,
}

impl ReferenceAndDob {
    /// The boxes, filled in with `reference` and the date of birth's three parts.
    pub fn new(id: &'static str, reference: String, dob: [String; 3]) -> Self {
        let [day, month, year] = dob;
        ReferenceAndDob {
            id,
            reference: RwSignal::new(reference),
            day: RwSignal::new(day),
            month: RwSignal::new(month),
            year: RwSignal::new(year),
            reference_error: RwSignal::new(None),
            dob_error: RwSignal::new(None),
        }
    }

    /// Whether either box shows an error (for the page's title).
    pub fn has_errors(self) -> Signal<bool> {
        Signal::derive(move || {
            self.reference_error.with(Option::is_some) || self.dob_error.with(Option::is_some)
        })
    }

    /// The error summary's items: `not_found` (the look-up found nothing) said first, then
    /// each box's own error.
    pub fn summary(
        self,
        not_found: impl Fn() -> bool + Send + Sync + 'static,
        not_found_message: &'static str,
    ) -> Signal<Vec<ErrorItem>> {
        Signal::derive(move || {
            let mut list = Vec::new();
            if not_found() {
                list.push(ErrorItem::new(self.id, not_found_message));
            }
            if let Some(e) = self.reference_error.get() {
                list.push(ErrorItem::new(self.id, e));
            }
            if let Some((field, e)) = self.dob_error.get() {
                list.push(ErrorItem::new(field.id(), e));
            }
            list
        })
    }

    /// Checks both boxes (showing each one's error, focus to the summary when any): the
    /// reference as `normalise` reads it, and the date of birth, when both are right.
    pub fn read<T>(
        self,
        normalise: impl Fn(&str) -> Result<T, &'static str>,
    ) -> Option<(T, NaiveDate)> {
        let r = normalise(&self.reference.get_untracked());
        let d = date_of_birth(
            &self.day.get_untracked(),
            &self.month.get_untracked(),
            &self.year.get_untracked(),
            today(),
        );
        self.reference_error
            .set(r.as_ref().err().map(|e| e.to_string()));
        self.dob_error
            .set(d.as_ref().err().map(|e| (e.field, e.message.clone())));
        match (r, d) {
            (Ok(reference), Ok(dob)) => Some((reference, dob)),
            _ => {
                focus_heading();
                None
            }
        }
    }
}

/// "What you can do now" after something that cannot go on (a held time gone, an alert
/// stopped): book, change a booking, or call.
#[component]
pub fn WaysOn() -> impl IntoView {
    let w = words();
    let (call, after_call) = around(w.ways_call, "phone");
    view! {
        <h2 class="nhsb-heading-m">{w.ways_heading}</h2>
        <ul class="nhsb-list nhsb-list--bullet">
            <li><StepLink to=Step::Start>{w.ways_book}</StepLink></li>
            <li><StepLink to=Step::ManageFind>{w.ways_change}</StepLink></li>
            <li>{call} <PhoneNumber/> {after_call}</li>
        </ul>
    }
}
