//! How the service is doing (1.1 `feedback` and `events`), with nothing personal: the checks on
//! `POST /feedback` and `POST /events` bodies, what is kept of them, and the bounded store they
//! are kept in. Only the fields the contract names are read; anything else in a body is dropped
//! unread. Nothing identifies a patient or links two events: no address, no user agent, no
//! cookie, and the time is kept to the minute on the clinic's calendar only.

use std::collections::VecDeque;

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use chrono_tz::Europe::London;
use serde_json::{json, Map, Value};

use crate::validate::Fields;

/// The most events kept; the oldest go first.
pub const MAX_EVENTS: usize = 100_000;
/// The most feedback entries kept; the oldest go first.
pub const MAX_FEEDBACK: usize = 10_000;
/// The longest `step` (a page's URL slug), in characters.
pub const STEP_MAX: usize = 40;
/// The longest problem `kind`, in characters.
pub const KIND_MAX: usize = 40;
/// The longest feedback comment, in characters (the contract's limit).
pub const COMMENT_MAX: usize = 1200;
/// `elapsed_s` above a day is kept as a day (a tab left open overnight still booked).
pub const ELAPSED_MAX: u64 = 86_400;

/// What happened (`event`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A page of the journey was shown.
    Step,
    /// A booking was made.
    Booked,
    /// The patient left the journey on `step` (closed or navigated away).
    Left,
    /// Something went wrong on `step` (`kind` says what).
    Problem,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Step, Kind::Booked, Kind::Left, Kind::Problem];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Step => "step",
            Kind::Booked => "booked",
            Kind::Left => "left",
            Kind::Problem => "problem",
        }
    }
}

/// How the patient came to the service (`source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    SmsInvite,
    Website,
    Direct,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::SmsInvite, Source::Website, Source::Direct];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::SmsInvite => "sms-invite",
            Source::Website => "website",
            Source::Direct => "direct",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Mobile,
    Desktop,
}

impl Device {
    pub const ALL: [Device; 2] = [Device::Mobile, Device::Desktop];

    pub fn as_str(self) -> &'static str {
        match self {
            Device::Mobile => "mobile",
            Device::Desktop => "desktop",
        }
    }
}

/// When something arrived: the clinic calendar's date and the minute of the day, no finer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Minute {
    pub date: NaiveDate,
    /// Minutes after midnight, clinic time (0..1440).
    pub minute: u16,
}

impl Minute {
    pub fn of(at: DateTime<Utc>) -> Minute {
        let local = at.with_timezone(&London);
        Minute {
            date: local.date_naive(),
            minute: (local.hour() * 60 + local.minute()) as u16,
        }
    }

    /// `HH:MM`.
    pub fn clock(self) -> String {
        format!("{:02}:{:02}", self.minute / 60, self.minute % 60)
    }
}

/// One event as kept: only the fields the contract names (`mode` on `booked` events and `kind`
/// on `problem` events only), and when it arrived to the minute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub kind: Kind,
    /// The page's URL slug as sent (`""` or `"start"` for the start page).
    pub step: Option<String>,
    pub source: Option<Source>,
    /// Seconds since the journey started, at most [`ELAPSED_MAX`].
    pub elapsed_s: Option<u32>,
    pub device: Option<Device>,
    /// How the booked appointment takes place (`booked` events): `in_person`, `telephone`,
    /// `video`, or a newer mode's name as sent (`other` from an app that does not know it).
    pub mode: Option<String>,
    /// What went wrong (`problem` events): `taken`, `network`, `unavailable`, `chunk`, …
    pub problem: Option<String>,
    pub at: Minute,
    /// Made up by `--sample-events`, not sent by anyone.
    pub sample: bool,
}

/// One feedback entry as kept: the rating, the comment, where and from which source, and the
/// day it arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    /// 1 (very difficult) to 5 (very easy).
    pub rating: u8,
    pub comment: Option<String>,
    pub step: Option<String>,
    pub source: Option<Source>,
    pub date: NaiveDate,
    pub sample: bool,
}

impl Event {
    /// As `GET /__demo/events` lists it: the fields that were kept (those not sent are left
    /// out), with `date` and `minute` (`HH:MM`) of arrival.
    pub fn json(&self) -> Value {
        let mut out = Map::new();
        out.insert("event".into(), json!(self.kind.as_str()));
        if let Some(step) = &self.step {
            out.insert("step".into(), json!(step));
        }
        if let Some(source) = self.source {
            out.insert("source".into(), json!(source.as_str()));
        }
        if let Some(elapsed) = self.elapsed_s {
            out.insert("elapsed_s".into(), json!(elapsed));
        }
        if let Some(device) = self.device {
            out.insert("device".into(), json!(device.as_str()));
        }
        if let Some(mode) = &self.mode {
            out.insert("mode".into(), json!(mode));
        }
        if let Some(problem) = &self.problem {
            out.insert("kind".into(), json!(problem));
        }
        out.insert("date".into(), json!(self.at.date.to_string()));
        out.insert("minute".into(), json!(self.at.clock()));
        Value::Object(out)
    }
}

impl Feedback {
    /// As `GET /__demo/events` lists it (fields not sent are left out), with `date`.
    pub fn json(&self) -> Value {
        let mut out = Map::new();
        out.insert("rating".into(), json!(self.rating));
        if let Some(comment) = &self.comment {
            out.insert("comment".into(), json!(comment));
        }
        if let Some(step) = &self.step {
            out.insert("step".into(), json!(step));
        }
        if let Some(source) = self.source {
            out.insert("source".into(), json!(source.as_str()));
        }
        out.insert("date".into(), json!(self.date.to_string()));
        Value::Object(out)
    }
}

/// Absent and null are the same: not given.
fn given(body: &Value, key: &str) -> Option<Value> {
    body.get(key).filter(|v| !v.is_null()).cloned()
}

/// `0..=max` characters of `[a-z0-9/-]`.
pub fn step_is_valid(step: &str) -> bool {
    step.chars().count() <= STEP_MAX
        && step
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '/' || c == '-')
}

/// A short word: `1..=KIND_MAX` characters of `[a-z_]` (a problem's `kind`, a `mode`).
fn word_is_valid(kind: &str) -> bool {
    (1..=KIND_MAX).contains(&kind.chars().count())
        && kind.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

fn one_of<T: Copy>(value: &Value, all: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
    let s = value.as_str()?;
    all.iter().copied().find(|v| name(*v) == s)
}

fn step_field(body: &Value, fields: &mut Fields) -> Option<String> {
    match given(body, "step") {
        None => None,
        Some(Value::String(s)) if step_is_valid(&s) => Some(s),
        Some(_) => {
            fields.insert(
                "step".into(),
                format!("Send the page as up to {STEP_MAX} lower-case letters, digits, - and /"),
            );
            None
        }
    }
}

fn source_field(body: &Value, fields: &mut Fields) -> Option<Source> {
    let value = given(body, "source")?;
    let source = one_of(&value, &Source::ALL, Source::as_str);
    if source.is_none() {
        fields.insert(
            "source".into(),
            "Send the source as sms-invite, website or direct".into(),
        );
    }
    source
}

/// A `POST /events` body (a JSON object) as kept, or the fields to correct. `at` is when it
/// arrived.
pub fn event(body: &Value, at: DateTime<Utc>) -> Result<Event, Fields> {
    let mut fields = Fields::new();
    let kind = given(body, "event").and_then(|v| one_of(&v, &Kind::ALL, Kind::as_str));
    if kind.is_none() {
        fields.insert(
            "event".into(),
            "Send the event as step, booked, left or problem".into(),
        );
    }
    let step = step_field(body, &mut fields);
    // A step shown and a journey left are counted by page: they need one.
    if step.is_none()
        && matches!(kind, Some(Kind::Step | Kind::Left))
        && !fields.contains_key("step")
    {
        fields.insert("step".into(), "Send the page this event happened on".into());
    }
    let source = source_field(body, &mut fields);
    let elapsed_s = match given(body, "elapsed_s") {
        None => None,
        Some(v) => match v.as_u64() {
            Some(s) => Some(s.min(ELAPSED_MAX) as u32),
            None => {
                fields.insert(
                    "elapsed_s".into(),
                    "Send the seconds since the journey started as a whole number, 0 or more"
                        .into(),
                );
                None
            }
        },
    };
    let device = match given(body, "device") {
        None => None,
        Some(v) => {
            let device = one_of(&v, &Device::ALL, Device::as_str);
            if device.is_none() {
                fields.insert(
                    "device".into(),
                    "Send the device as mobile or desktop".into(),
                );
            }
            device
        }
    };
    // `mode` belongs to `booked` events and `kind` to `problem` events; on any other event
    // they are unknown fields, dropped unread like any other.
    // Modes are the contract's open list: a new one (or `other`) is kept as sent.
    let mode = match (kind, given(body, "mode")) {
        (Some(Kind::Booked), Some(v)) => match v.as_str() {
            Some(s) if word_is_valid(s) => Some(s.to_string()),
            _ => {
                fields.insert(
                    "mode".into(),
                    "Send the mode as in_person, telephone, video or another such word".into(),
                );
                None
            }
        },
        _ => None,
    };
    let problem = match (kind, given(body, "kind")) {
        (Some(Kind::Problem), Some(v)) => match v.as_str() {
            Some(s) if word_is_valid(s) => Some(s.to_string()),
            _ => {
                fields.insert(
                    "kind".into(),
                    format!("Send what went wrong as up to {KIND_MAX} lower-case letters and _"),
                );
                None
            }
        },
        _ => None,
    };
    match kind {
        Some(kind) if fields.is_empty() => Ok(Event {
            kind,
            step,
            source,
            elapsed_s,
            device,
            mode,
            problem,
            at: Minute::of(at),
            sample: false,
        }),
        _ => Err(fields),
    }
}

/// A `POST /feedback` body (a JSON object) as kept, or the fields to correct. `today` is the
/// clinic calendar's date.
pub fn feedback(body: &Value, today: NaiveDate) -> Result<Feedback, Fields> {
    let mut fields = Fields::new();
    let rating = given(body, "rating")
        .and_then(|v| v.as_u64())
        .filter(|r| (1..=5).contains(r));
    if rating.is_none() {
        fields.insert(
            "rating".into(),
            "Select how easy or difficult booking was, from 1 to 5".into(),
        );
    }
    let comment = match given(body, "comment") {
        None => None,
        Some(Value::String(s)) if s.trim().chars().count() > COMMENT_MAX => {
            fields.insert(
                "comment".into(),
                format!("Your comment must be {COMMENT_MAX} characters or fewer"),
            );
            None
        }
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(_) => {
            fields.insert("comment".into(), "Send the comment as text".into());
            None
        }
    };
    let step = step_field(body, &mut fields);
    let source = source_field(body, &mut fields);
    match rating {
        Some(rating) if fields.is_empty() => Ok(Feedback {
            rating: rating as u8,
            comment,
            step,
            source,
            date: today,
            sample: false,
        }),
        _ => Err(fields),
    }
}

/// The events and feedback kept, oldest first, each list bounded ([`MAX_EVENTS`],
/// [`MAX_FEEDBACK`]): a long demo cannot grow without limit.
#[derive(Default)]
pub struct Measures {
    events: VecDeque<Event>,
    feedback: VecDeque<Feedback>,
}

impl Measures {
    pub fn add_event(&mut self, event: Event) {
        if self.events.len() >= MAX_EVENTS {
            self.events.pop_front();
        }
        self.events.push_back(event);
    }

    pub fn add_feedback(&mut self, feedback: Feedback) {
        if self.feedback.len() >= MAX_FEEDBACK {
            self.feedback.pop_front();
        }
        self.feedback.push_back(feedback);
    }

    /// Oldest first, as one slice.
    pub fn events(&mut self) -> &[Event] {
        self.events.make_contiguous()
    }

    /// Oldest first, as one slice.
    pub fn feedback(&mut self) -> &[Feedback] {
        self.feedback.make_contiguous()
    }

    /// Both lists, oldest first, as slices.
    pub fn both(&mut self) -> (&[Event], &[Feedback]) {
        (
            self.events.make_contiguous(),
            self.feedback.make_contiguous(),
        )
    }

    /// `GET /__demo/events`: what arrived (sample data left out, only counted), oldest first.
    pub fn json(&self) -> Value {
        let events: Vec<Value> = (self.events.iter())
            .filter(|e| !e.sample)
            .map(Event::json)
            .collect();
        let feedback: Vec<Value> = (self.feedback.iter())
            .filter(|f| !f.sample)
            .map(Feedback::json)
            .collect();
        json!({
            "events": events,
            "feedback": feedback,
            "sample": {
                "events": self.events.iter().filter(|e| e.sample).count(),
                "feedback": self.feedback.iter().filter(|f| f.sample).count(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        // 09:07 in London (summer time).
        DateTime::parse_from_rfc3339("2027-04-15T08:07:42Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn an_event_keeps_the_named_fields_and_the_minute() {
        let e = event(
            &json!({ "event": "booked", "step": "confirmation", "source": "sms-invite",
                     "elapsed_s": 42, "device": "mobile", "mode": "video", "kind": "taken",
                     "user_agent": "x", "nhs_number": "9434765919" }),
            at(),
        )
        .unwrap();
        assert_eq!(
            e.json(),
            json!({ "event": "booked", "step": "confirmation", "source": "sms-invite",
                    "elapsed_s": 42, "device": "mobile", "mode": "video",
                    "date": "2027-04-15", "minute": "09:07" })
        );
        let e = event(
            &json!({ "event": "problem", "kind": "network", "mode": "x" }),
            at(),
        );
        assert_eq!(e.unwrap().problem.as_deref(), Some("network"));
        let e = event(
            &json!({ "event": "step", "step": "", "elapsed_s": 999_999 }),
            at(),
        );
        assert_eq!(e.unwrap().elapsed_s, Some(86_400));
    }

    #[test]
    fn bad_events_name_their_fields() {
        let fields = |body: Value| {
            event(&body, at())
                .unwrap_err()
                .into_keys()
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(json!({})), ["event"]);
        assert_eq!(fields(json!({ "event": "step" })), ["step"]);
        assert_eq!(fields(json!({ "event": "left", "step": null })), ["step"]);
        assert_eq!(
            fields(json!({ "event": "step", "step": "Time" })),
            ["step"],
            "upper case"
        );
        assert_eq!(
            fields(json!({ "event": "step", "step": "a".repeat(41) })),
            ["step"]
        );
        assert_eq!(
            fields(
                json!({ "event": "booked", "source": "email", "elapsed_s": -1,
                           "device": "tablet", "mode": "Bus pass" })
            ),
            ["device", "elapsed_s", "mode", "source"]
        );
        assert_eq!(
            fields(json!({ "event": "problem", "kind": "Not Found" })),
            ["kind"]
        );
        assert_eq!(
            fields(json!({ "event": "step", "step": "x", "elapsed_s": 1.5 })),
            ["elapsed_s"]
        );
        assert!(event(&json!({ "event": "step", "step": "a".repeat(40) }), at()).is_ok());
        let other = event(&json!({ "event": "booked", "mode": "other" }), at()).unwrap();
        assert_eq!(
            other.mode.as_deref(),
            Some("other"),
            "an unknown mode is kept"
        );
        assert!(event(&json!({ "event": "step", "step": "manage/new-time" }), at()).is_ok());
    }

    #[test]
    fn feedback_checks_rating_and_comment() {
        let today = NaiveDate::from_ymd_opt(2027, 4, 15).unwrap();
        let fields = |body: Value| {
            feedback(&body, today)
                .unwrap_err()
                .into_keys()
                .collect::<Vec<_>>()
        };
        for bad in [json!(0), json!(6), json!("5"), json!(4.5), json!(null)] {
            assert_eq!(fields(json!({ "rating": bad })), ["rating"], "{bad}");
        }
        assert_eq!(
            fields(json!({ "rating": 5, "comment": "x".repeat(1201) })),
            ["comment"]
        );
        assert_eq!(
            fields(json!({ "rating": 5, "comment": 5, "source": "sms", "step": "A" })),
            ["comment", "source", "step"]
        );
        let f = feedback(
            &json!({ "rating": 4, "comment": format!(" {} ", "é".repeat(1200)),
                     "step": "confirmation", "source": "website", "reference": "PHY-4B7K2M" }),
            today,
        )
        .unwrap();
        assert_eq!(f.comment.as_ref().unwrap().chars().count(), 1200);
        assert_eq!(f.json()["date"], "2027-04-15");
        assert!(f.json().get("reference").is_none());
        let blank = feedback(&json!({ "rating": 1, "comment": "  " }), today).unwrap();
        assert_eq!(blank.comment, None);
    }

    #[test]
    fn the_store_is_bounded() {
        let mut m = Measures::default();
        let e = event(&json!({ "event": "step", "step": "time" }), at()).unwrap();
        for i in 0..MAX_EVENTS + 5 {
            let mut e = e.clone();
            e.elapsed_s = Some(i as u32);
            m.add_event(e);
        }
        assert_eq!(m.events().len(), MAX_EVENTS);
        assert_eq!(m.events()[0].elapsed_s, Some(5));
        let f = feedback(&json!({ "rating": 3 }), at().date_naive()).unwrap();
        for _ in 0..MAX_FEEDBACK + 1 {
            m.add_feedback(f.clone());
        }
        assert_eq!(m.feedback().len(), MAX_FEEDBACK);
    }
}
