//! The "Add to calendar" file (RFC 5545). Times are written in UTC ("…Z"): an instant that every
//! calendar places correctly in its own zone, with no VTIMEZONE to get wrong.

use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::format;
use crate::lang::fill;
use crate::model::{Booking, BookingStatus, Mode};
use crate::words::ics::words;

/// Where the UIDs live: with the booking reference they make each appointment's UID unique, so
/// opening the file again updates the event instead of adding a second one.
pub const UID_DOMAIN: &str = "booking.nhs.example";

/// A VCALENDAR with one VEVENT for the booking: CRLF line endings, lines folded at 75 octets
/// (never inside a UTF-8 character), TEXT values escaped, start and end as UTC instants, and a
/// reminder the day before.
pub fn calendar_file(booking: &Booking, phone: &str, stamp: DateTime<Utc>) -> String {
    let w = words();
    let slot = &booking.slot;
    let service = booking.service.name.trim();
    let summary = if service.is_empty() {
        w.summary_nhs.to_string()
    } else {
        fill(w.summary, &[("service", service)])
    };
    let location = match slot.mode {
        // Nobody travels for these: an address would send them to the wrong place.
        Mode::Telephone | Mode::Video => format::mode_label(slot.mode).to_string(),
        _ => {
            let l = &booking.locality;
            core::iter::once(&l.name)
                .chain(&l.address)
                .chain(core::iter::once(&l.postcode))
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut notes = vec![
        fill(w.reference, &[("reference", booking.reference.as_str())]),
        fill(w.mode, &[("mode", format::mode_label(slot.mode))]),
    ];
    if !slot.clinician.trim().is_empty() {
        notes.push(fill(w.clinician, &[("clinician", slot.clinician.trim())]));
    }
    let phone = phone.trim();
    notes.push(if phone.is_empty() {
        w.change_contact.to_string()
    } else {
        fill(w.change_call, &[("phone", phone)])
    });
    let description = notes.join("\n");
    let status = match booking.status {
        BookingStatus::Cancelled => "CANCELLED",
        _ => "CONFIRMED",
    };

    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//NHS//Book an appointment//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}@{UID_DOMAIN}", text(booking.reference.as_str())),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(slot.start.to_utc())),
        format!("DTEND:{}", utc(slot.end.to_utc())),
        format!("SUMMARY:{}", text(&summary)),
        format!("LOCATION:{}", text(&location)),
        format!("DESCRIPTION:{}", text(&description)),
        format!("STATUS:{status}"),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!(
            "DESCRIPTION:{}",
            text(&fill(w.reminder, &[("summary", &summary)]))
        ),
        "TRIGGER:-P1D".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    let mut out = String::with_capacity(1024);
    for line in &lines {
        fold_into(&mut out, line);
    }
    out
}

/// A DATE-TIME in UTC form ("20270329T081500Z"), spelled by hand to keep chrono's formatter
/// out of the bundle.
fn utc(t: DateTime<Utc>) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// TEXT value escaping (RFC 5545 §3.3.11). Any newline (CRLF, LF or CR) becomes `\n`; other
/// control characters are not allowed in TEXT and are dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (the leading space
/// of a continuation counts), breaking only between characters, and ended with CRLF.
fn fold_into(out: &mut String, line: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Locality, ServiceRef, Slot};

    fn booking(mode: Mode) -> Booking {
        Booking {
            needs: None,
            booked_by: None,
            reference: "PHY-7K3Q9D".into(),
            status: BookingStatus::Booked,
            slot: Slot {
                id: "slot-8f2c".into(),
                start: "2027-03-29T09:15:00+01:00".parse().unwrap(),
                end: "2027-03-29T10:00:00+01:00".parse().unwrap(),
                locality: "ysbyty".into(),
                band: "band-6".into(),
                mode,
                clinician: "Physiotherapist".into(),
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
                    "Gwynedd, Cymru — ŵ ŷ â ê î ô û, Llanfairpwllgwyngyll".into(),
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

    fn ics(b: &Booking) -> String {
        calendar_file(b, "01480 123456", stamp())
    }

    /// The logical lines, folding undone (RFC 5545 §3.1).
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(String::from)
            .collect()
    }

    fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
            .collect()
    }

    #[test]
    fn welsh_calendar_words() {
        use crate::lang::compare;
        use crate::words::ics::{cy, en};
        use crate::words::testing::in_welsh;
        compare(&en().each(), &cy().each(), &[]);
        let lines = in_welsh(|| unfolded(&ics(&booking(Mode::Telephone))));
        assert_eq!(
            property(&lines, "SUMMARY"),
            ["Apwyntiad Physiotherapy (muscles\\, bones and joints)"]
        );
        assert_eq!(property(&lines, "LOCATION"), ["Galwad ffôn"]);
        assert_eq!(
            property(&lines, "DESCRIPTION")[0],
            "Cyfeirnod archebu: PHY-7K3Q9D\\nMath o apwyntiad: Galwad ffôn\\n\
             Byddwch yn gweld: Physiotherapist\\nI newid neu ganslo eich apwyntiad\\, \
             ffoniwch 01480 123456 a rhowch eich cyfeirnod archebu."
        );
        assert_eq!(
            property(&lines, "DESCRIPTION")[1],
            "Apwyntiad Physiotherapy (muscles\\, bones and joints) yfory"
        );
    }

    #[test]
    fn times_are_utc_instants() {
        let lines = unfolded(&ics(&booking(Mode::InPerson)));
        assert_eq!(property(&lines, "DTSTART"), ["20270329T081500Z"]);
        assert_eq!(property(&lines, "DTEND"), ["20270329T090000Z"]);
        assert_eq!(property(&lines, "DTSTAMP"), ["20261123T100000Z"]);

        // Winter (+00:00), a clinic late-evening slot that is the next day in UTC+1 calendars,
        // and an unusual offset all come out as the same instant in UTC.
        let mut b = booking(Mode::InPerson);
        b.slot.start = "2027-03-26T23:30:00+00:00".parse().unwrap();
        b.slot.end = "2027-03-27T00:15:00+00:00".parse().unwrap();
        let lines = unfolded(&ics(&b));
        assert_eq!(property(&lines, "DTSTART"), ["20270326T233000Z"]);
        assert_eq!(property(&lines, "DTEND"), ["20270327T001500Z"]);
        b.slot.start = "2027-03-29T00:30:00+01:00".parse().unwrap();
        b.slot.end = "2027-03-29T01:05:00+05:30".parse().unwrap();
        let lines = unfolded(&ics(&b));
        assert_eq!(property(&lines, "DTSTART"), ["20270328T233000Z"]);
        assert_eq!(property(&lines, "DTEND"), ["20270328T193500Z"]);
    }

    #[test]
    fn the_calendar_has_every_required_part_in_order() {
        let lines = unfolded(&ics(&booking(Mode::InPerson)));
        assert_eq!(
            lines[..6],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//NHS//Book an appointment//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "BEGIN:VEVENT"
            ]
        );
        assert_eq!(lines.last().map(String::as_str), Some(""), "ends with CRLF");
        assert_eq!(
            lines[lines.len() - 5..],
            [
                "TRIGGER:-P1D",
                "END:VALARM",
                "END:VEVENT",
                "END:VCALENDAR",
                ""
            ]
        );
        assert_eq!(property(&lines, "UID"), ["PHY-7K3Q9D@booking.nhs.example"]);
        assert_eq!(
            property(&lines, "SUMMARY"),
            ["Physiotherapy (muscles\\, bones and joints) appointment"]
        );
        assert_eq!(property(&lines, "STATUS"), ["CONFIRMED"]);
        assert_eq!(property(&lines, "ACTION"), ["DISPLAY"]);
        assert_eq!(property(&lines, "TRIGGER"), ["-P1D"]);
        let begin_alarm = lines.iter().position(|l| l == "BEGIN:VALARM").unwrap();
        let end_alarm = lines.iter().position(|l| l == "END:VALARM").unwrap();
        let end_event = lines.iter().position(|l| l == "END:VEVENT").unwrap();
        assert!(begin_alarm < end_alarm && end_alarm + 1 == end_event);
        // The alarm has its own DESCRIPTION (required for DISPLAY).
        assert_eq!(
            property(&lines[begin_alarm..end_alarm], "DESCRIPTION"),
            ["Physiotherapy (muscles\\, bones and joints) appointment tomorrow"]
        );
    }

    #[test]
    fn lines_are_crlf_and_at_most_75_octets() {
        let ics = ics(&booking(Mode::InPerson));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let bytes = ics.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                assert_eq!(bytes[i - 1], b'\r', "bare LF at {i}");
            }
            if *b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
        }
        let physical: Vec<&str> = ics.split("\r\n").collect();
        assert!(physical.len() > 21, "the long lines were folded");
        for line in physical {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
    }

    #[test]
    fn a_long_welsh_address_is_escaped_and_folded() {
        let ics = ics(&booking(Mode::InPerson));
        let lines = unfolded(&ics);
        assert_eq!(
            property(&lines, "LOCATION"),
            [
                "Ysbyty Gwynedd\\; Adran Ffisiotherapi\\, Ffordd Penrhosgarnedd\\, Bangor\\, \
              Gwynedd\\, Cymru — ŵ ŷ â ê î ô û\\, Llanfairpwllgwyngyll\\, LL57 2PW"
            ]
        );
        let location_line = ics
            .split("\r\n")
            .position(|l| l.starts_with("LOCATION:"))
            .unwrap();
        let next = ics.split("\r\n").nth(location_line + 1).unwrap();
        assert!(next.starts_with(' '), "the location was folded: {next:?}");
    }

    #[test]
    fn the_description_says_how_to_change_or_cancel() {
        let lines = unfolded(&ics(&booking(Mode::InPerson)));
        let description = property(&lines, "DESCRIPTION")[0];
        assert_eq!(
            description,
            "Booking reference: PHY-7K3Q9D\\nType of appointment: In person\\n\
             You will see: Physiotherapist\\nTo change or cancel your appointment\\, \
             call 01480 123456 and give your booking reference."
        );
        let mut b = booking(Mode::InPerson);
        b.slot.clinician = String::new();
        let lines = unfolded(&calendar_file(&b, " ", stamp()));
        let description = property(&lines, "DESCRIPTION")[0];
        assert!(!description.contains("You will see"));
        assert!(description.ends_with("contact the service and give your booking reference."));
    }

    #[test]
    fn remote_appointments_say_so_instead_of_an_address() {
        let lines = unfolded(&ics(&booking(Mode::Telephone)));
        assert_eq!(property(&lines, "LOCATION"), ["Telephone call"]);
        assert!(property(&lines, "DESCRIPTION")[0].contains("Type of appointment: Telephone call"));
        let lines = unfolded(&ics(&booking(Mode::Video)));
        assert_eq!(property(&lines, "LOCATION"), ["Video call"]);
        // An unknown type may still be at the clinic, so the address is kept.
        let lines = unfolded(&ics(&booking(Mode::Other)));
        assert!(property(&lines, "LOCATION")[0].starts_with("Ysbyty Gwynedd"));
    }

    #[test]
    fn missing_names_and_empty_address_parts() {
        let mut b = booking(Mode::InPerson);
        b.service.name = " ".into();
        b.locality.address = vec![String::new(), "Huntingdon".into()];
        b.locality.postcode = String::new();
        b.locality.name = "Hinchingbrooke Hospital".into();
        let lines = unfolded(&ics(&b));
        assert_eq!(property(&lines, "SUMMARY"), ["NHS appointment"]);
        assert_eq!(
            property(&lines, "LOCATION"),
            ["Hinchingbrooke Hospital\\, Huntingdon"]
        );
    }

    #[test]
    fn a_cancelled_booking_is_not_marked_confirmed() {
        let mut b = booking(Mode::InPerson);
        b.status = BookingStatus::Cancelled;
        assert_eq!(property(&unfolded(&ics(&b)), "STATUS"), ["CANCELLED"]);
        b.status = BookingStatus::Other;
        assert_eq!(property(&unfolded(&ics(&b)), "STATUS"), ["CONFIRMED"]);
    }

    #[test]
    fn text_escaping() {
        assert_eq!(text("a\\b;c,d"), "a\\\\b\\;c\\,d");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
        assert_eq!(text("tab\there\u{7}"), "tabhere");
        assert_eq!(text("Siân: “quoted”"), "Siân: “quoted”");
        // A reference cannot break out of its line.
        let mut b = booking(Mode::InPerson);
        b.reference = "X\r\nEND:VCALENDAR".into();
        let lines = unfolded(&ics(&b));
        assert_eq!(
            property(&lines, "UID"),
            ["X\\nEND:VCALENDAR@booking.nhs.example"]
        );
        assert_eq!(lines.iter().filter(|l| *l == "END:VCALENDAR").count(), 1);
    }

    #[test]
    fn folding_never_splits_a_character() {
        // Two-, three- and four-octet characters at every alignment against the 75-octet edge.
        for filler in ["ŵ", "—", "😀"] {
            for shift in 0..4 {
                let line = format!("SUMMARY:{}{}", "x".repeat(shift), filler.repeat(60));
                let mut folded = String::new();
                fold_into(&mut folded, &line);
                for physical in folded.split("\r\n") {
                    assert!(physical.len() <= 75, "{} octets", physical.len());
                }
                assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
            }
        }
        // Exactly 75 octets is not folded; 76 is.
        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(75));
        assert_eq!(out.matches("\r\n").count(), 1);
        out.clear();
        fold_into(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
    }
}
