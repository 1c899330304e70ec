//! The "Add to calendar" file (RFC 5545). Times are written in UTC ("…Z"): an instant that
//! every calendar places correctly in its own zone, with no VTIMEZONE to get wrong.

use chrono::{DateTime, Utc};

use crate::format;
use crate::model::{Booking, Mode};

/// A VCALENDAR holding one VEVENT for the booking, with a reminder the day before.
pub fn calendar_file(booking: &Booking, phone: &str, stamp: DateTime<Utc>) -> String {
    let slot = &booking.slot;
    let utc = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let location = match slot.mode {
        Mode::Telephone => "Telephone appointment: we will call you".to_string(),
        Mode::Video => "Video appointment: we will send you a link".to_string(),
        _ => {
            let l = &booking.locality;
            let mut parts = vec![l.name.clone()];
            parts.extend(l.address.iter().cloned());
            parts.push(l.postcode.clone());
            parts.retain(|p| !p.is_empty());
            parts.join(", ")
        }
    };
    let description = format!(
        "Booking reference: {}\n{} appointment, {}.\nTo change or cancel, use your reference and date of birth online, or call {}.",
        booking.reference,
        booking.service.name,
        format::mode_phrase(slot.mode),
        phone
    );
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//NHS//Book an appointment//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}@booking.nhs.example", text(&booking.reference)),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(slot.start.to_utc())),
        format!("DTEND:{}", utc(slot.end.to_utc())),
        format!(
            "SUMMARY:{}",
            text(&format!("{} appointment", booking.service.name))
        ),
        format!("LOCATION:{}", text(&location)),
        format!("DESCRIPTION:{}", text(&description)),
        "STATUS:CONFIRMED".into(),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!(
            "DESCRIPTION:{}",
            text(&format!("{} appointment tomorrow", booking.service.name))
        ),
        "TRIGGER:-P1D".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// TEXT value escaping (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BookingStatus, Locality, ServiceRef, Slot};

    fn booking(mode: Mode) -> Booking {
        Booking {
            reference: "PHY-7K3Q9D".into(),
            status: BookingStatus::Booked,
            slot: Slot {
                id: "slot-8f2c".into(),
                start: "2027-03-29T09:15:00+01:00".parse().unwrap(),
                end: "2027-03-29T10:00:00+01:00".parse().unwrap(),
                locality: "ysbyty".into(),
                band: "band-6".into(),
                mode,
                clinician: String::new(),
            },
            service: ServiceRef {
                id: "physio-msk".into(),
                name: "Physiotherapy (muscles, bones and joints)".into(),
            },
            locality: Locality {
                id: "ysbyty".into(),
                name: "Ysbyty Gwynedd; Adran Ffisiotherapi".into(),
                address: vec![
                    "Ffordd Penrhosgarnedd, Bangor".into(),
                    "Gwynedd, Cymru — ŵ ŷ â ê î ô û".into(),
                ],
                postcode: "LL57 2PW".into(),
                access: None,
                next_available: None,
            },
            cancel_before: None,
        }
    }

    fn stamp() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn times_are_utc_instants() {
        let ics = calendar_file(&booking(Mode::InPerson), "01480 123456", stamp());
        assert!(ics.contains("\r\nDTSTART:20270329T081500Z\r\n"));
        assert!(ics.contains("\r\nDTEND:20270329T090000Z\r\n"));
        assert!(ics.contains("\r\nDTSTAMP:20261123T100000Z\r\n"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("UID:PHY-7K3Q9D@booking.nhs.example"));
    }

    #[test]
    fn lines_are_folded_escaped_and_crlf_terminated() {
        let ics = calendar_file(&booking(Mode::InPerson), "01480 123456", stamp());
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(
            "LOCATION:Ysbyty Gwynedd\\; Adran Ffisiotherapi\\, Ffordd Penrhosgarnedd\\, Bangor\\, Gwynedd\\, Cymru — ŵ ŷ â ê î ô û\\, LL57 2PW"
        ));
        assert!(unfolded.contains("DESCRIPTION:Booking reference: PHY-7K3Q9D\\nPhysiotherapy (muscles\\, bones and joints) appointment\\, in person."));
    }

    #[test]
    fn remote_appointments_say_so_instead_of_an_address() {
        let ics = calendar_file(&booking(Mode::Telephone), "01480 123456", stamp());
        assert!(ics.contains("LOCATION:Telephone appointment: we will call you"));
        assert!(ics.contains("TRIGGER:-P1D"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let line = format!("SUMMARY:{}", "ŵ".repeat(60));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }
}
