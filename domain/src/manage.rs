//! Finding, cancelling and moving a booking: the rules that do not need a browser.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::ids::Reference;
use crate::model::{Booking, BookingStatus, Slot};
use crate::words::outcome::words;

/// A booking reference as a patient may type it ("phy 7k3q9d", "PHY–7K3Q9D"), in the API's
/// form "PHY-7K3Q9D": three letters, a dash, six letters or digits.
pub fn normalise_reference(input: &str) -> Result<Reference, &'static str> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '–' | '—' | '_' | '.' | '/'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.is_empty() {
        return Err(words().reference_empty);
    }
    let valid = compact.len() == 9
        && compact.is_ascii() // byte slicing below needs one byte per char ("abé12345")
        && compact[..3].bytes().all(|b| b.is_ascii_uppercase())
        && compact[3..].bytes().all(|b| b.is_ascii_alphanumeric());
    if !valid {
        return Err(words().reference_invalid);
    }
    Ok(Reference(format!("{}-{}", &compact[..3], &compact[3..])))
}

/// Whether the booking can still be cancelled or moved online (before `cancel_before`).
pub fn can_change_online(booking: &Booking, now: DateTime<Utc>) -> bool {
    booking.status == BookingStatus::Booked
        && booking.cancel_before.is_none_or(|limit| now < limit)
        && booking.slot.start > now
}

/// Why a patient cancels (optional): the value sent to the API and the words shown, in the
/// patient's language.
pub fn cancel_reasons() -> [(&'static str, &'static str); 4] {
    let words = words().cancel_reasons;
    core::array::from_fn(|i| (CANCEL_REASONS[i].0, words[i]))
}

/// Why a patient cancels: the values and their words in English ([`cancel_reasons`] gives the
/// words in the patient's language).
pub const CANCEL_REASONS: [(&str, &str); 4] = [
    ("feeling better", "I feel better"),
    ("cannot attend", "I cannot make this time"),
    ("seen elsewhere", "I have been seen somewhere else"),
    ("other", "Another reason"),
];

/// The manage journey's memory for this tab: the booking found, the date of birth that found
/// it (needed for every change), and a new time being chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ManageSession {
    pub booking: Booking,
    pub date_of_birth: chrono::NaiveDate,
    pub new_slot: Option<Slot>,
    /// One key per move attempt, kept across retries.
    pub reschedule_key: Option<String>,
}

crate::from_json!(ManageSession {
    booking: req,
    date_of_birth: req,
    new_slot: def,
    reschedule_key: def
});

impl ManageSession {
    pub fn choose_new_slot(&mut self, slot: Slot) {
        if self.new_slot.as_ref().map(|s| &s.id) != Some(&slot.id) {
            self.new_slot = Some(slot);
            self.reschedule_key = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Locality, Mode, ServiceRef};

    #[test]
    fn references_are_tolerant_of_case_spaces_and_dashes() {
        for typed in [
            "PHY-7K3Q9D",
            "phy-7k3q9d",
            " phy 7k3 q9d ",
            "PHY–7K3Q9D",
            "phy7k3q9d",
            "P H Y - 7 K 3 Q 9 D",
        ] {
            assert_eq!(
                normalise_reference(typed).unwrap(),
                "PHY-7K3Q9D",
                "{typed:?}"
            );
        }
        assert_eq!(
            normalise_reference("  "),
            Err("Enter your booking reference")
        );
        for bad in [
            "PHY-7K3Q9",
            "PHY-7K3Q9DX",
            "PH1-7K3Q9D",
            "PHY-7K3Q9!",
            "<script>",
            "PHY-7K3Q9Ḋ",
        ] {
            assert!(
                normalise_reference(bad)
                    .unwrap_err()
                    .contains("like PHY-7K3Q9D"),
                "{bad:?}"
            );
        }
    }

    fn booking(status: BookingStatus) -> Booking {
        Booking {
            needs: None,
            booked_by: None,
            reference: "PHY-7K3Q9D".into(),
            status,
            slot: Slot {
                id: "s".into(),
                start: "2027-03-29T09:15:00+01:00".parse().unwrap(),
                end: "2027-03-29T10:00:00+01:00".parse().unwrap(),
                locality: "h".into(),
                band: "band-6".into(),
                mode: Mode::InPerson,
                clinician: String::new(),
            },
            service: ServiceRef {
                id: "physio-msk".into(),
                name: "Physio".into(),
            },
            locality: Locality {
                id: "h".into(),
                name: "H".into(),
                address: vec![],
                postcode: String::new(),
                access: None,
                next_available: None,
            },
            cancel_before: Some("2027-03-28T09:15:00+01:00".parse().unwrap()),
        }
    }

    #[test]
    fn changes_online_close_at_cancel_before_across_the_clock_change() {
        let b = booking(BookingStatus::Booked);
        // 28 March 2027 09:15 BST is 08:15 UTC.
        assert!(can_change_online(
            &b,
            "2027-03-28T08:14:59Z".parse().unwrap()
        ));
        assert!(!can_change_online(
            &b,
            "2027-03-28T08:15:00Z".parse().unwrap()
        ));
        assert!(!can_change_online(
            &booking(BookingStatus::Cancelled),
            "2027-03-01T00:00:00Z".parse().unwrap()
        ));
        let mut open = booking(BookingStatus::Booked);
        open.cancel_before = None;
        assert!(can_change_online(
            &open,
            "2027-03-29T08:00:00Z".parse().unwrap()
        ));
        assert!(!can_change_online(
            &open,
            "2027-03-29T08:15:00Z".parse().unwrap()
        ));
    }

    #[test]
    fn a_new_time_gets_a_new_key() {
        let mut s = ManageSession {
            booking: booking(BookingStatus::Booked),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1958, 2, 28).unwrap(),
            new_slot: None,
            reschedule_key: Some("k1".into()),
        };
        let slot = s.booking.slot.clone();
        s.choose_new_slot(slot.clone());
        assert_eq!(s.reschedule_key, None);
        s.reschedule_key = Some("k2".into());
        s.choose_new_slot(slot);
        assert_eq!(s.reschedule_key.as_deref(), Some("k2"));
    }
}
