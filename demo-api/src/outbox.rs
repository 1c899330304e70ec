//! The text messages the demo "sends" (1.1 `slot_alerts`): nothing leaves the machine, they are
//! kept here so a tester can read them and follow an offer's link (`GET /__demo/outbox` and
//! `/__demo/outbox.html`), as a patient would from their phone.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::clock::render;

/// The newest this many are kept, so a long demo cannot grow without bound.
pub const KEPT: usize = 1000;

/// Why a message was sent (`kind` in `GET /__demo/outbox`, so tests need not parse words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The alert was set up: its reference and how to stop it.
    AlertCreated,
    /// A freed time is held for the patient: the link opens the offer.
    OfferHeld,
    /// The hold ran out before the patient booked; the alert stays on.
    HoldExpired,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::AlertCreated => "alert_created",
            Kind::OfferHeld => "offer_held",
            Kind::HoldExpired => "hold_expired",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Message {
    /// The patient's mobile number, as they gave it.
    pub to: String,
    pub text: String,
    /// The app's address for the offer, relative to wherever the app is served
    /// (`/?offer=CODE`), since the store does not know which host a tester uses.
    pub link: Option<String>,
    pub at: DateTime<Utc>,
    pub kind: Kind,
    /// The alert it is about (`ALT-…`).
    pub alert: String,
}

impl Message {
    pub fn json(&self) -> Value {
        json!({
            "to": self.to, "text": self.text, "link": self.link, "at": render(self.at),
            "kind": self.kind.as_str(), "alert": self.alert,
        })
    }
}

#[derive(Default)]
pub struct Outbox {
    sent: VecDeque<Message>,
}

impl Outbox {
    pub fn send(&mut self, message: Message) {
        if self.sent.len() == KEPT {
            self.sent.pop_front();
        }
        self.sent.push_back(message);
    }

    /// Oldest first, as they were sent.
    pub fn messages(&self) -> impl DoubleEndedIterator<Item = &Message> {
        self.sent.iter()
    }

    /// `GET /__demo/outbox`: `{ "messages": [...] }`, oldest first.
    pub fn json(&self) -> Value {
        json!({ "messages": self.sent.iter().map(Message::json).collect::<Vec<_>>() })
    }
}

/// Text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `GET /__demo/outbox.html`: a plain page, newest first, each message's link a real `<a>` so
/// a tester (or a browser test) can follow it. No script and no inline style, so it also works
/// under the strict CSP; every piece of text is escaped.
pub fn html(messages: &[&Message]) -> String {
    let mut items = String::new();
    for m in messages.iter().rev() {
        let at = render(m.at);
        items.push_str(&format!(
            "<li>\n<h2>To {to} <span>at <time datetime=\"{at}\">{at}</time></span></h2>\n<p>{text}</p>\n",
            to = escape(&m.to),
            at = escape(&at),
            text = escape(&m.text),
        ));
        if let Some(link) = &m.link {
            let link = escape(link);
            items.push_str(&format!("<p><a href=\"{link}\">{link}</a></p>\n"));
        }
        items.push_str("</li>\n");
    }
    let body = if items.is_empty() {
        "<p>No text messages have been sent.</p>".to_string()
    } else {
        format!("<ol reversed>\n{items}</ol>")
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Text messages sent - demo-api</title>\n</head>\n<body>\n<main>\n\
         <h1>Text messages sent</h1>\n\
         <p>What the demo booking API would have texted to patients, newest first.</p>\n\
         {body}\n</main>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">O'Neill & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neill &amp; co&lt;/a&gt;"
        );
        let m = Message {
            to: "07700 900123".into(),
            text: "<script>alert(1)</script>".into(),
            link: Some("/?offer=\"x\"".into()),
            at: DateTime::parse_from_rfc3339("2027-03-15T09:07:00Z")
                .unwrap()
                .with_timezone(&Utc),
            kind: Kind::OfferHeld,
            alert: "ALT-AAAAAA".into(),
        };
        let page = html(&[&m]);
        assert!(!page.contains("<script>"));
        assert!(page.contains("<a href=\"/?offer=&quot;x&quot;\">"));
        assert!(html(&[]).contains("No text messages"));
    }
}
