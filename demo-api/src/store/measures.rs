//! 1.1 `feedback` and `events`: what arrives is checked and kept (see `measure`), the API's own
//! count of bookings made online is kept per day beside it, and the report is worked out from
//! both. Cleared with everything else by `/__demo/reset` (the sample data, when asked for, comes
//! back the same).

use serde_json::{json, Value};

use super::{Store, StoreError};
use crate::measure::{self, Minute};
use crate::report::{self, Report};
use crate::sample;

impl Store {
    /// Seeds `--sample-events`: two weeks of made-up journeys before today.
    pub fn with_sample_events(mut self, on: bool) -> Store {
        if on {
            let (events, feedback) = sample::generate(self.seed, self.clock.today());
            events.into_iter().for_each(|e| self.measures.add_event(e));
            feedback
                .into_iter()
                .for_each(|f| self.measures.add_feedback(f));
        }
        self
    }

    /// `POST /events`: a JSON object; anything but the contract's fields is dropped.
    pub fn record_event(&mut self, body: &Value) -> Result<(), StoreError> {
        let event = measure::event(body, self.now()).map_err(StoreError::Validation)?;
        self.measures.add_event(event);
        Ok(())
    }

    /// `POST /feedback`: a JSON object; anything but the contract's fields is dropped.
    pub fn record_feedback(&mut self, body: &Value) -> Result<(), StoreError> {
        let feedback =
            measure::feedback(body, self.clock.today()).map_err(StoreError::Validation)?;
        self.measures.add_feedback(feedback);
        Ok(())
    }

    /// A booking was made with this body: counted for its day when its channel is online.
    pub(super) fn count_online_booking(&mut self, body: &Value) {
        if body.get("channel").and_then(Value::as_str) == Some("online") {
            *self.online_bookings.entry(self.clock.today()).or_default() += 1;
        }
    }

    /// The figures for `GET /report`, as they stand now.
    pub fn report(&mut self) -> Report {
        let now = Minute::of(self.now());
        let (events, feedback) = self.measures.both();
        let mut report = report::summarise(events, feedback);
        report.add_online(&self.online_bookings);
        report.as_of = Some(now);
        report
    }

    /// `GET /__demo/events`: what arrived, oldest first, and how much sample data there is.
    pub fn demo_events(&self) -> Value {
        let mut out = self.measures.json();
        out["online_bookings"] = json!(self
            .online_bookings
            .iter()
            .map(|(day, n)| (day.to_string(), *n))
            .collect::<std::collections::BTreeMap<_, _>>());
        out
    }
}
