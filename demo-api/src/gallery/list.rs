//! The list of states (`gallery/states.json`, built into the binary): its format, the checks
//! that keep it well formed, and the steps as the driver gets them (walks expanded, the values
//! a session's setup made filled in). `gallery/README.md` describes the format for people.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::faults::FaultsPatch;
use crate::version::{ApiVersion, Feature};

/// The list, as the e2e suite reads it too (one list: the gallery and the tests cannot drift).
pub const STATES_JSON: &str = include_str!("../../../gallery/states.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// A note for whoever edits the file.
    #[serde(rename = "$comment", default)]
    pub comment: Option<String>,
    /// The gallery's headings, in order.
    pub areas: Vec<Area>,
    /// Named runs of steps that states share ("to_details": start to "Your details").
    pub walks: BTreeMap<String, Vec<Step>>,
    pub states: Vec<State>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub name: String,
    /// One sentence under the heading.
    pub about: String,
}

impl Area {
    /// The heading's id ("Manage a booking" → "manage-a-booking").
    pub fn slug(&self) -> String {
        slug(&self.name)
    }
}

pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// In the link's address (`/gallery/open/{id}`) and the test names: a-z, 0-9 and `-`.
    pub id: String,
    /// One of `areas`.
    pub area: String,
    /// The link's text: what it opens.
    pub name: String,
    /// The page's one h1 in that state.
    pub h1: String,
    /// What a tester should hear or see there.
    pub hear: String,
    /// The 1.1 features the state needs (`GET /services` `features`).
    #[serde(default)]
    pub features: Vec<String>,
    /// Where a width matters (shown in the gallery).
    #[serde(default)]
    pub viewport_note: Option<String>,
    /// Done in the session's store before the app opens (makes values for `{name}`s).
    #[serde(default)]
    pub setup: Vec<Setup>,
    /// The faults in force from the start (as `POST /__demo/faults` takes them).
    #[serde(default)]
    pub faults: Option<Value>,
    /// Files of the app that cannot be fetched in this session (a path, or a prefix ending in
    /// `*`): the browser gets a network error for them, as when the network goes.
    #[serde(default)]
    pub offline_files: Vec<String>,
    /// Extra host-page settings (`<meta name="nhs-booking:{key}">`), e.g. `timeout-ms`.
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    /// The app's address where the steps begin (below the session's base path).
    pub start: String,
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The state is a loading message (the driver does not wait for loading to end).
    #[serde(default)]
    pub loading: bool,
    /// What the e2e suite checks besides the h1 (focus, the number of errors listed).
    #[serde(default)]
    pub expect: Expect,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// "h1", "error_summary", "page_top" (nothing focused yet: a page load), or
    /// `{ "label": … }` (the field with that label) or `{ "text": … }` (the element whose text
    /// starts so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Value>,
    /// How many problems the error summary lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<usize>,
}

/// One step of a recipe, as written in the list and as the driver gets it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Step {
    /// A button or link by its text.
    Click(String),
    /// A radio or checkbox by its label.
    Check(String),
    Fill(Fill),
    /// The first time on show that is not today (so it cannot start while a tester looks).
    ChooseFirstTime(bool),
    WaitH1(String),
    WaitText(String),
    /// `POST /__demo/faults` in this session.
    Faults(Value),
    /// Someone else books a time: "from_url" (the address's `slot=`, on check answers) or
    /// "chosen" (the time radio chosen on the page).
    TakeSlot(String),
    /// `POST /__demo/{name}` in this session (see [`CONTROLS`]).
    Control(String),
    /// A page load of this address (below the session's base path).
    Goto(String),
    /// A key pressed in the focused element ("ArrowDown").
    Press(String),
    /// The steps of a named walk (expanded before the driver sees them).
    Walk(String),
    /// Waits until the heading is `h1` or `or`; when it is `h1`, does `steps` (a question that
    /// only an API offering more of contract 1.1 asks).
    WhenH1(When),
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub h1: String,
    pub or: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fill {
    pub label: String,
    pub value: String,
    /// The fieldset (by its legend) the label is in: "Date of birth" for Day, Month, Year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The value this many times over (a text that is too long).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<usize>,
    /// Focus the field first (an autocomplete opens its suggestions then).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub focus: bool,
}

/// What a session's store is given before the app opens (`gallery/setup.rs`).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Setup {
    /// An alert for an earlier Band 6 time at Hinchingbrooke; another patient cancels a time
    /// there, which is held for it: `{offer}`, `{alert}`.
    HeldOffer,
    /// A booking (`{reference}`) with an alert for an earlier time; one is freed and held to
    /// move it: `{offer}`, `{alert}`, `{reference}`.
    HeldOfferForBooking,
    /// An alert set up and nothing held yet: `{alert}`.
    Alert,
    /// Amir Khan's booking at the last Band 6 time at Hinchingbrooke 3 to 30 days ahead:
    /// `{reference}`.
    BookingLater,
    /// `booking_later` with an alert for an earlier time already set up for it: `{reference}`,
    /// `{alert}`.
    BookingWithAlert,
    /// A booking made by Ana Lima for her mother Siân O'Neill, with every kind of support:
    /// `{reference}`.
    BookingForSomeoneElse,
    /// Every live hold runs out now (after `held_offer`).
    ExpireHolds,
}

impl Setup {
    /// The `{name}`s it gives values to.
    pub fn gives(self) -> &'static [&'static str] {
        match self {
            Setup::HeldOffer => &["offer", "alert"],
            Setup::HeldOfferForBooking => &["offer", "alert", "reference"],
            Setup::Alert => &["alert"],
            Setup::BookingWithAlert => &["reference", "alert"],
            Setup::BookingLater | Setup::BookingForSomeoneElse => &["reference"],
            Setup::ExpireHolds => &[],
        }
    }
}

/// Values every session has: today's date on the clinic calendar and the date 30 days on, as
/// a patient types them ("5", "3", "2027").
pub const BUILT_IN: &[&str] = &[
    "today_day",
    "today_month",
    "today_year",
    "soon_day",
    "soon_month",
    "soon_year",
];

/// The test controls a `control` step may post to.
pub const CONTROLS: &[&str] = &["expire-holds"];

/// Host-page settings a state may not change (the session sets them).
const SESSION_SETTINGS: &[&str] = &["base-path", "api-base"];

/// The top-level fields of a faults body, and of one `fail_next` rule.
const FAULT_FIELDS: &[&str] = &[
    "latency_ms",
    "fail_rate",
    "force_409",
    "html_errors",
    "fail_next",
];
const RULE_FIELDS: &[&str] = &[
    "method",
    "path",
    "status",
    "retry_after",
    "html",
    "drop_after_commit",
    "code",
    "network",
    "hang",
];

impl List {
    pub fn parse(text: &str) -> Result<List, String> {
        serde_json::from_str(text).map_err(|e| format!("gallery/states.json: {e}"))
    }

    pub fn state(&self, id: &str) -> Option<&State> {
        self.states.iter().find(|s| s.id == id)
    }

    /// The steps of `steps` with every walk replaced by its own steps.
    pub fn expand(&self, steps: &[Step]) -> Result<Vec<Step>, String> {
        let mut out = Vec::new();
        self.expand_into(steps, &mut Vec::new(), &mut out)?;
        Ok(out)
    }

    fn expand_into<'a>(
        &'a self,
        steps: &'a [Step],
        walking: &mut Vec<&'a str>,
        out: &mut Vec<Step>,
    ) -> Result<(), String> {
        for step in steps {
            match step {
                Step::Walk(name) => {
                    if walking.contains(&name.as_str()) {
                        return Err(format!("the walk \"{name}\" walks itself"));
                    }
                    let walk = (self.walks.get(name))
                        .ok_or_else(|| format!("no walk named \"{name}\""))?;
                    walking.push(name);
                    self.expand_into(walk, walking, out)?;
                    walking.pop();
                }
                Step::WhenH1(when) => {
                    let mut steps = Vec::new();
                    self.expand_into(&when.steps, walking, &mut steps)?;
                    out.push(Step::WhenH1(When {
                        steps,
                        ..when.clone()
                    }));
                }
                other => out.push(other.clone()),
            }
        }
        Ok(())
    }

    /// Everything wrong with the list (empty when it is well formed).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut say = |p: String| problems.push(p);
        let areas: BTreeSet<&str> = self.areas.iter().map(|a| a.name.as_str()).collect();
        if areas.len() != self.areas.len() {
            say("an area is listed twice".into());
        }
        for area in &self.areas {
            if area.about.trim().is_empty() {
                say(format!(
                    "area \"{}\": no words under its heading",
                    area.name
                ));
            }
            if !self.states.iter().any(|s| s.area == area.name) {
                say(format!("area \"{}\" has no states", area.name));
            }
        }
        for (name, steps) in &self.walks {
            if let Err(e) = self.expand(steps) {
                say(format!("walk \"{name}\": {e}"));
            }
        }
        let mut ids = BTreeSet::new();
        let mut names = BTreeSet::new();
        for s in &self.states {
            let at = format!("state \"{}\"", s.id);
            let slug_ok = !s.id.is_empty()
                && (s.id.bytes())
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !slug_ok {
                say(format!("{at}: an id is a-z, 0-9 and -"));
            }
            if !ids.insert(s.id.as_str()) {
                say(format!("{at}: the id is used twice"));
            }
            if !names.insert(s.name.as_str()) {
                say(format!("{at}: the name \"{}\" is used twice", s.name));
            }
            if !areas.contains(s.area.as_str()) {
                say(format!("{at}: unknown area \"{}\"", s.area));
            }
            for (what, text) in [("name", &s.name), ("h1", &s.h1), ("hear", &s.hear)] {
                if text.trim().is_empty() {
                    say(format!("{at}: no {what}"));
                }
            }
            for f in &s.features {
                if feature(f).is_none() {
                    say(format!("{at}: unknown feature \"{f}\""));
                }
            }
            if !s.start.starts_with('/') {
                say(format!("{at}: start must begin with /"));
            }
            for p in &s.offline_files {
                if !p.starts_with('/') {
                    say(format!("{at}: offline file \"{p}\" must begin with /"));
                }
            }
            for key in s.settings.keys() {
                let ok =
                    !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
                if !ok || SESSION_SETTINGS.contains(&key.as_str()) {
                    say(format!("{at}: the setting \"{key}\" cannot be set here"));
                }
            }
            if let Some(faults) = &s.faults {
                if let Err(e) = check_faults(faults) {
                    say(format!("{at}: faults: {e}"));
                }
            }
            if let Some(focus) = &s.expect.focus {
                if let Err(e) = check_focus(focus) {
                    say(format!("{at}: expect.focus: {e}"));
                }
            }
            let steps = match self.expand(&s.steps) {
                Ok(steps) => steps,
                Err(e) => {
                    say(format!("{at}: {e}"));
                    continue;
                }
            };
            for step in &steps {
                if let Err(e) = check_step(step) {
                    say(format!("{at}: {e}"));
                }
            }
            let given: BTreeSet<&str> = (s.setup.iter().flat_map(|x| x.gives()))
                .chain(BUILT_IN)
                .copied()
                .collect();
            let mut used = BTreeSet::new();
            names_in(&Value::String(s.start.clone()), &mut used);
            for step in &steps {
                names_in(
                    &serde_json::to_value(step).unwrap_or(Value::Null),
                    &mut used,
                );
            }
            for name in used {
                if !given.contains(name.as_str()) {
                    say(format!("{at}: {{{name}}} is used but no setup gives it"));
                }
            }
        }
        problems
    }
}

/// The feature named so in `GET /services` (`slot_alerts`, …).
pub fn feature(name: &str) -> Option<Feature> {
    ApiVersion::V1_1.features()?.iter().copied().find(|f| {
        serde_json::to_value(f)
            .ok()
            .as_ref()
            .and_then(Value::as_str)
            == Some(name)
    })
}

/// Whether an API speaking `version` offers every feature the state needs.
pub fn offered(state: &State, version: ApiVersion) -> bool {
    state
        .features
        .iter()
        .all(|f| feature(f).is_some_and(|f| version.offers(f)))
}

fn check_faults(v: &Value) -> Result<(), String> {
    let obj = v.as_object().ok_or("not an object")?;
    for key in obj.keys() {
        if !FAULT_FIELDS.contains(&key.as_str()) {
            return Err(format!("unknown field \"{key}\""));
        }
    }
    for rule in obj
        .get("fail_next")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for key in rule.as_object().ok_or("a rule is not an object")?.keys() {
            if !RULE_FIELDS.contains(&key.as_str()) {
                return Err(format!("unknown rule field \"{key}\""));
            }
        }
    }
    serde_json::from_value::<FaultsPatch>(v.clone()).map_err(|e| e.to_string())?;
    Ok(())
}

fn check_focus(v: &Value) -> Result<(), String> {
    match v {
        Value::String(s) if ["h1", "error_summary", "page_top"].contains(&s.as_str()) => Ok(()),
        Value::Object(o)
            if o.len() == 1
                && (o.get("label").or_else(|| o.get("text")))
                    .and_then(Value::as_str)
                    .is_some_and(|t| !t.trim().is_empty()) =>
        {
            Ok(())
        }
        _ => Err("\"h1\", \"error_summary\", \"page_top\", {\"label\": …} or {\"text\": …}".into()),
    }
}

fn check_step(step: &Step) -> Result<(), String> {
    let nonempty = |what: &str, s: &str| {
        if s.trim().is_empty() {
            Err(format!("{what} with no text"))
        } else {
            Ok(())
        }
    };
    match step {
        Step::Click(t) => nonempty("click", t),
        Step::Check(t) => nonempty("check", t),
        Step::WaitH1(t) => nonempty("wait_h1", t),
        Step::WaitText(t) => nonempty("wait_text", t),
        Step::Press(t) => nonempty("press", t),
        Step::Fill(f) => {
            nonempty("fill", &f.label)?;
            match f.repeat {
                Some(0) => Err("fill: repeat 0 times".into()),
                _ => Ok(()),
            }
        }
        Step::ChooseFirstTime(true) => Ok(()),
        Step::ChooseFirstTime(false) => Err("choose_first_time: false does nothing".into()),
        Step::Faults(v) => check_faults(v),
        Step::TakeSlot(from) if from == "from_url" || from == "chosen" => Ok(()),
        Step::TakeSlot(from) => Err(format!(
            "take_slot: \"{from}\" (\"from_url\" or \"chosen\")"
        )),
        Step::Control(name) if CONTROLS.contains(&name.as_str()) => Ok(()),
        Step::Control(name) => Err(format!("control: unknown \"{name}\"")),
        Step::Goto(path) if path.starts_with('/') => Ok(()),
        Step::Goto(path) => Err(format!("goto: \"{path}\" must begin with /")),
        Step::Walk(name) => Err(format!("walk \"{name}\" left after expanding")),
        Step::WhenH1(when) => {
            nonempty("when_h1", &when.h1)?;
            nonempty("when_h1 or", &when.or)?;
            for step in &when.steps {
                if matches!(step, Step::Goto(_)) {
                    return Err("when_h1: no goto inside (a page load ends the steps)".into());
                }
                check_step(step)?;
            }
            Ok(())
        }
    }
}

/// The `{name}`s in the strings of `v`.
fn names_in(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            let mut rest = s.as_str();
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                match after.find('}') {
                    Some(close)
                        if close > 0
                            && after[..close]
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b == b'_') =>
                    {
                        out.insert(after[..close].to_string());
                        rest = &after[close + 1..];
                    }
                    _ => rest = after,
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| names_in(i, out)),
        Value::Object(map) => map.values().for_each(|i| names_in(i, out)),
        _ => {}
    }
}

/// `v` with every `{name}` in its strings replaced by its value.
pub fn fill_in(v: &Value, values: &BTreeMap<String, String>) -> Value {
    match v {
        Value::String(s) => Value::String(fill_in_text(s, values)),
        Value::Array(items) => Value::Array(items.iter().map(|i| fill_in(i, values)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, i)| (k.clone(), fill_in(i, values)))
                .collect(),
        ),
        other => other.clone(),
    }
}

pub fn fill_in_text(s: &str, values: &BTreeMap<String, String>) -> String {
    let mut s = s.to_string();
    for (name, value) in values {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}
