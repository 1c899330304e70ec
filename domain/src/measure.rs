//! What the trust may count about the journey, with nothing personal (API 1.1 `events`, and
//! the events the host page is given): which step showed, that a booking was made and how,
//! which problem a patient met, where a patient left. Every value is from a short fixed list
//! or a whole number; no name, date of birth, NHS number, phone, reference, slot id, free text
//! or identifier that could join two events is ever in one (`payload` is the only way in).

use serde_json::{json, Map, Value};

use crate::api::ApiError;
use crate::journey::{Step, QUESTIONS};
use crate::model::Mode;

/// How the patient came: an SMS link (an invite, or an earlier time held for them), the
/// trust's website (the app embedded in it, or linked from another site), or directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    SmsInvite,
    Website,
    Direct,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::SmsInvite => "sms-invite",
            Source::Website => "website",
            Source::Direct => "direct",
        }
    }

    /// From what the first page knew: an SMS code in its URL, whether the app is inside
    /// another page (an iframe, or mounted by a trust's page below its own path), and whether
    /// another site sent the patient.
    pub fn of(sms_code: bool, embedded: bool, referred_from_elsewhere: bool) -> Source {
        if sms_code {
            Source::SmsInvite
        } else if embedded || referred_from_elsewhere {
            Source::Website
        } else {
            Source::Direct
        }
    }
}

/// A coarse device class: enough to see whether phones do worse, too coarse to tell anyone
/// apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Mobile,
    Desktop,
}

impl Device {
    /// A coarse pointer (a finger) or a narrow screen is a phone or tablet.
    pub fn of(coarse_pointer: bool, width: f64) -> Device {
        if coarse_pointer || width < 768.0 {
            Device::Mobile
        } else {
            Device::Desktop
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Device::Mobile => "mobile",
            Device::Desktop => "desktop",
        }
    }
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A step showed.
    Step(Step),
    /// A booking was made, in this mode.
    Booked(Mode),
    /// A problem page or message showed (`kind`: a word from `problem_kind`).
    Problem(&'static str),
    /// The patient left (closed the tab, went elsewhere) on this step, mid-journey.
    Left(Step),
}

impl Event {
    /// The host page's event name (`nhsb:step`…) and the API's `event`.
    pub fn name(self) -> &'static str {
        match self {
            Event::Step(_) => "step",
            Event::Booked(_) => "booked",
            Event::Problem(_) => "problem",
            Event::Left(_) => "left",
        }
    }
}

/// The step's name in events: its path ("time", "manage/cancel"), "start" for the start page.
pub fn step_name(step: Step) -> &'static str {
    match step {
        Step::Start => "start",
        other => other.slug(),
    }
}

/// Whether leaving on `step` is leaving mid-journey (a question answered but nothing booked,
/// moved, cancelled or set up yet), which is what "where patients leave" counts.
pub fn is_mid_journey(step: Step) -> bool {
    QUESTIONS.contains(&step)
        || crate::alerts::QUESTIONS.contains(&step)
        || matches!(
            step,
            Step::Urgent
                | Step::ManageFind
                | Step::ManageBooking
                | Step::ManageCancel
                | Step::ManageSlot
                | Step::ManageCheck
                | Step::Offer
        )
}

/// The kind of problem a patient met, in a word: no connection, too slow, busy, the
/// service failing, or (said by the page) the time taken.
pub fn problem_kind(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network => "network",
        ApiError::Timeout => "timeout",
        e if e.is_busy() => "busy",
        _ => "service",
    }
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "in_person",
        Mode::Telephone => "telephone",
        Mode::Video => "video",
        Mode::Other => "other",
    }
}

/// The event's details for the host page (`CustomEvent.detail`, and with `type` added the
/// iframe's message): `{ step, source, elapsed_s }`, `{ source, elapsed_s, mode }`, `{ kind }`.
pub fn detail(event: Event, source: Source, elapsed_s: u64) -> Map<String, Value> {
    let mut detail = Map::new();
    match event {
        Event::Step(step) | Event::Left(step) => {
            detail.insert("step".into(), step_name(step).into());
        }
        Event::Booked(mode) => {
            detail.insert("mode".into(), mode_name(mode).into());
        }
        Event::Problem(kind) => {
            detail.insert("kind".into(), kind.into());
            return detail;
        }
    }
    detail.insert("source".into(), source.as_str().into());
    detail.insert("elapsed_s".into(), elapsed_s.into());
    detail
}

/// The body sent to `POST /events`: the details with the event's name and the device class.
pub fn payload(event: Event, source: Source, elapsed_s: u64, device: Device) -> String {
    let mut body = detail(event, source, elapsed_s);
    body.insert("event".into(), event.name().into());
    // A problem's body says on which kind only; the API counts it with the source.
    body.entry("source").or_insert(source.as_str().into());
    body.insert("device".into(), device.as_str().into());
    json!(body).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_is_the_sms_link_then_the_website_then_direct() {
        assert_eq!(Source::of(true, true, true), Source::SmsInvite);
        assert_eq!(Source::of(false, true, false), Source::Website);
        assert_eq!(Source::of(false, false, true), Source::Website);
        assert_eq!(Source::of(false, false, false), Source::Direct);
    }

    #[test]
    fn a_step_event_names_the_step_and_nothing_else() {
        let body = payload(Event::Step(Step::Slot), Source::Website, 42, Device::Mobile);
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            v,
            json!({ "event": "step", "step": "time", "source": "website", "elapsed_s": 42,
                    "device": "mobile" })
        );
        let start = detail(Event::Step(Step::Start), Source::Direct, 0);
        assert_eq!(start["step"], "start");
    }

    #[test]
    fn booked_problem_and_left_events() {
        let v: Value = serde_json::from_str(&payload(
            Event::Booked(Mode::Video),
            Source::SmsInvite,
            150,
            Device::Desktop,
        ))
        .unwrap();
        assert_eq!(
            v,
            json!({ "event": "booked", "mode": "video", "source": "sms-invite", "elapsed_s": 150,
                    "device": "desktop" })
        );
        let problem = detail(Event::Problem("taken"), Source::Direct, 9);
        assert_eq!(Value::Object(problem), json!({ "kind": "taken" }));
        let v: Value = serde_json::from_str(&payload(
            Event::Problem("network"),
            Source::Direct,
            9,
            Device::Mobile,
        ))
        .unwrap();
        assert_eq!(
            v,
            json!({ "event": "problem", "kind": "network", "source": "direct", "device": "mobile" })
        );
        let left = detail(Event::Left(Step::ManageCancel), Source::Direct, 30);
        assert_eq!(left["step"], "manage/cancel");
    }

    #[test]
    fn leaving_counts_only_mid_journey() {
        for step in [
            Step::Service,
            Step::Slot,
            Step::Check,
            Step::ManageCheck,
            Step::AlertBefore,
        ] {
            assert!(is_mid_journey(step), "{step:?}");
        }
        for step in [
            Step::Start,
            Step::Confirmation,
            Step::ManageCancelled,
            Step::ManageChanged,
            Step::AlertSet,
            Step::Accessibility,
            Step::NotFound,
        ] {
            assert!(!is_mid_journey(step), "{step:?}");
        }
    }

    #[test]
    fn devices_are_two_coarse_classes() {
        assert_eq!(Device::of(true, 1280.0), Device::Mobile);
        assert_eq!(Device::of(false, 360.0), Device::Mobile);
        assert_eq!(Device::of(false, 1280.0), Device::Desktop);
    }
}
