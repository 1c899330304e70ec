//! The rows of "Check your answers before booking" and "Check your new time": each answer as
//! lines of text and the step its "Change" link goes to. The pages render these rows.

use chrono::NaiveDate;

use crate::booker::{about_them, booked_by_lines};
use crate::draft::BookingDraft;
use crate::format;
use crate::journey::Step;
use crate::lang::fill;
use crate::model::{Booking, Locality, Service, Slot};
use crate::support::needs_lines;
use crate::validate;
use crate::words::answers::words;
use crate::words::support;

/// One row of a summary list.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    pub key: &'static str,
    /// The answer, one line each.
    pub lines: Vec<String>,
    /// Where "Change" goes; `None` for answers that cannot be changed here.
    pub change: Option<Step>,
    /// The words after "Change", for screen readers ("Change date of birth").
    pub change_label: &'static str,
}

impl AnswerRow {
    pub(crate) fn new(
        key: &'static str,
        lines: Vec<String>,
        change: Option<Step>,
        label: &'static str,
    ) -> Self {
        AnswerRow {
            key,
            lines,
            change,
            change_label: label,
        }
    }
}

/// When and how: "Monday 29 March 2027 at 9:15am" and "In person (45 minutes)".
pub fn slot_lines(slot: &Slot) -> Vec<String> {
    vec![
        format::date_time(&slot.start),
        fill(
            words().mode_and_length,
            &[
                ("mode", format::mode_label(slot.mode)),
                ("length", &format::duration(slot.minutes())),
            ],
        ),
    ]
}

/// Every answer of the booking, in the order asked. `services` is the catalogue (for names and
/// whether the service was the patient's choice); `locality` the chosen place, once known.
pub fn booking_answers(
    draft: &BookingDraft,
    services: &[Service],
    locality: Option<&Locality>,
    today: NaiveDate,
) -> Vec<AnswerRow> {
    let w = words();
    let service = draft
        .service
        .as_ref()
        .and_then(|id| services.iter().find(|s| &s.id == id));
    let band = service
        .zip(draft.band.as_ref())
        .and_then(|(s, b)| s.band(b))
        .map(|b| b.name.clone());
    let fixed = draft.service_is_fixed(services);
    let mut rows = vec![AnswerRow::new(
        w.appointment_key,
        vec![service.map(|s| s.name.clone()).unwrap_or_default()],
        (!fixed).then_some(Step::Service),
        w.appointment_change,
    )];
    if draft.asked(Step::Screening) {
        rows.push(AnswerRow::new(
            w.urgent_key,
            vec![w.no_symptoms.into()],
            Some(Step::Screening),
            w.urgent_change,
        ));
    }
    rows.extend([
        AnswerRow::new(
            w.clinician_key,
            vec![band.unwrap_or_default()],
            Some(Step::Band),
            w.clinician_change,
        ),
        AnswerRow::new(
            w.location_key,
            locality.map(Locality::address_lines).unwrap_or_default(),
            Some(Step::Locality),
            w.location_change,
        ),
    ]);
    if let Some(slot) = &draft.slot {
        rows.push(AnswerRow::new(
            w.date_time_key,
            slot_lines(slot),
            Some(Step::Slot),
            w.date_time_change,
        ));
    }
    let them = draft.for_someone_else();
    if let Some(who) = draft.who_for.filter(|_| draft.asked(Step::WhoFor)) {
        rows.push(AnswerRow::new(
            w.who_for_key,
            vec![who.label().into()],
            Some(Step::WhoFor),
            w.who_for_change,
        ));
    }
    if them {
        let lines = draft
            .booker
            .validate()
            .map(|by| booked_by_lines(&by))
            .unwrap_or_default();
        rows.push(AnswerRow::new(
            w.booked_by_key,
            lines,
            Some(Step::Booker),
            w.booked_by_change,
        ));
    }
    let d = &draft.details;
    let details = Some(Step::Details);
    let dob = d
        .validate(today)
        .ok()
        .map(|(p, _)| format::dob(p.date_of_birth))
        .unwrap_or_default();
    let nhs_number = if d.no_nhs_number && them {
        about_them(w.no_nhs_number)
    } else if d.no_nhs_number {
        w.no_nhs_number.into()
    } else {
        validate::nhs_number(&d.nhs_number)
            .map(|n| format::nhs_number_spaced(&n))
            .unwrap_or_default()
    };
    let reminders = match (d.remind_sms, d.remind_email) {
        (true, true) => w.reminders[0],
        (true, false) => w.reminders[1],
        (false, true) => w.reminders[2],
        (false, false) => w.reminders[3],
    };
    rows.extend([
        AnswerRow::new(
            w.name_key,
            vec![format!("{} {}", d.given_name.trim(), d.family_name.trim())],
            details,
            w.name_change,
        ),
        AnswerRow::new(w.dob_key, vec![dob], details, w.dob_change),
        AnswerRow::new(
            w.nhs_number_key,
            vec![nhs_number],
            details,
            w.nhs_number_change,
        ),
        AnswerRow::new(w.phone_key, vec![given(&d.phone)], details, w.phone_change),
        AnswerRow::new(w.email_key, vec![given(&d.email)], details, w.email_change),
        AnswerRow::new(
            w.reminders_key,
            vec![reminders.into()],
            details,
            w.reminders_change,
        ),
    ]);
    if draft.asks.language {
        // Chosen with the header's language link, not on this page: no "Change".
        rows.push(AnswerRow::new(
            w.language_key,
            vec![crate::lang::current().own_name().into()],
            None,
            "",
        ));
    }
    if draft.asked(Step::Support) {
        let (lines, change) = match draft.support {
            Some(true) => (
                draft
                    .needs
                    .validate()
                    .map(|n| needs_lines(&n))
                    .unwrap_or_default(),
                Step::Needs,
            ),
            _ => (vec![support::words().no_support.into()], Step::Support),
        };
        rows.push(AnswerRow::new(
            w.support_key,
            lines,
            Some(change),
            w.support_change,
        ));
    }
    rows
}

/// "Check your new time": the time kept until the move is confirmed, the new one, the place.
pub fn new_time_answers(booking: &Booking, new_slot: &Slot) -> Vec<AnswerRow> {
    let w = words();
    vec![
        AnswerRow::new(
            w.current_time_key,
            vec![format::date_time(&booking.slot.start)],
            None,
            "",
        ),
        AnswerRow::new(
            w.new_time_key,
            slot_lines(new_slot),
            Some(Step::ManageSlot),
            w.new_time_change,
        ),
        AnswerRow::new(
            w.location_key,
            vec![booking.locality.name.clone()],
            None,
            "",
        ),
    ]
}

/// A booking's when, what and where (confirmation, manage pages): nothing to change here.
pub fn appointment_rows(booking: &Booking) -> Vec<AnswerRow> {
    let w = words();
    let mut rows = when_what_where(&booking.slot, &booking.service.name, &booking.locality);
    if let Some(by) = &booking.booked_by {
        rows.push(AnswerRow::new(
            w.booked_by_key,
            booked_by_lines(by),
            None,
            "",
        ));
    }
    if let Some(needs) = &booking.needs {
        rows.push(AnswerRow::new(w.support_key, needs_lines(needs), None, ""));
    }
    rows
}

/// A time held for the patient (1.1 `slot_alerts`): when, what and where, as on a booking.
pub fn offer_rows(offer: &crate::model::Offer) -> Vec<AnswerRow> {
    when_what_where(&offer.slot, &offer.service.name, &offer.locality)
}

fn when_what_where(slot: &Slot, service: &str, locality: &Locality) -> Vec<AnswerRow> {
    let w = words();
    vec![
        AnswerRow::new(
            w.date_time_key,
            vec![
                format::date_time(&slot.start),
                format::duration(slot.minutes()),
            ],
            None,
            "",
        ),
        AnswerRow::new(
            w.appointment_key,
            vec![
                service.to_string(),
                format::mode_label(slot.mode).to_string(),
            ],
            None,
            "",
        ),
        AnswerRow::new(w.location_key, locality.address_lines(), None, ""),
    ]
}

/// What the place question shows under a place's name: its address on one line, the next
/// free time and its access notes (each only when known).
pub fn place_hint(place: &Locality) -> Vec<String> {
    let mut hint = Vec::new();
    let address = place
        .address
        .iter()
        .chain(std::iter::once(&place.postcode))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if !address.is_empty() {
        hint.push(address);
    }
    if let Some(next) = &place.next_available {
        hint.push(fill(
            words().next_available,
            &[("time", &format::date_time(next))],
        ));
    }
    if let Some(access) = place.access.as_ref().filter(|a| !a.trim().is_empty()) {
        hint.push(access.clone());
    }
    hint
}

fn given(s: &str) -> String {
    match s.trim() {
        "" => words().not_given.into(),
        s => s.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Band, BookingStatus, Invite, Mode, ServiceRef};
    use crate::validate::DetailsForm;

    fn services() -> Vec<Service> {
        let band = |id: &str, name: &str| Band {
            id: id.into(),
            name: name.into(),
            description: String::new(),
        };
        vec![
            Service {
                screening: None,
                offers: Default::default(),
                id: "physio-msk".into(),
                name: "Physiotherapy".into(),
                description: String::new(),
                phone: String::new(),
                bands: vec![band("band-6", "Physiotherapist (Band 6)")],
            },
            Service {
                screening: None,
                offers: Default::default(),
                id: "podiatry".into(),
                name: "Podiatry".into(),
                description: String::new(),
                phone: String::new(),
                bands: vec![],
            },
        ]
    }

    fn place() -> Locality {
        Locality {
            id: "h".into(),
            name: "Hinchingbrooke Hospital".into(),
            address: vec!["Hinchingbrooke Park".into(), "Huntingdon".into()],
            postcode: "PE29 6NT".into(),
            access: None,
            next_available: None,
        }
    }

    fn slot() -> Slot {
        let start: crate::model::ClinicTime = "2027-03-29T09:15:00+01:00".parse().unwrap();
        Slot {
            id: "s".into(),
            start,
            end: start + chrono::Duration::minutes(45),
            locality: "h".into(),
            band: "band-6".into(),
            mode: Mode::Telephone,
            clinician: String::new(),
        }
    }

    fn draft() -> BookingDraft {
        let mut d = BookingDraft::default();
        d.choose_service(Some("physio-msk".into()));
        d.choose_band(Some("band-6".into()));
        d.choose_locality(Some("h".into()));
        d.choose_slot(Some(slot()));
        d.save_details(DetailsForm {
            given_name: " Siân ".into(),
            family_name: "O'Neill".into(),
            dob_day: "28".into(),
            dob_month: "2".into(),
            dob_year: "1958".into(),
            nhs_number: "9434765919".into(),
            phone: "07700 900123".into(),
            remind_sms: true,
            ..DetailsForm::default()
        });
        d
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
    }

    fn row<'a>(rows: &'a [AnswerRow], key: &str) -> &'a AnswerRow {
        rows.iter().find(|r| r.key == key).unwrap()
    }

    #[test]
    fn welsh_answers() {
        use crate::lang::compare;
        use crate::words::answers::{cy, en};
        use crate::words::testing::in_welsh;
        compare(&en().each(), &cy().each(), &["mode_and_length"]);
        in_welsh(|| {
            let rows = booking_answers(&draft(), &services(), Some(&place()), today());
            let keys: Vec<_> = rows.iter().map(|r| r.key).collect();
            assert_eq!(
                keys,
                [
                    "Apwyntiad",
                    "Clinigydd",
                    "Lleoliad",
                    "Dyddiad ac amser",
                    "Enw",
                    "Dyddiad geni",
                    "Rhif GIG",
                    "Ffôn symudol",
                    "E-bost",
                    "Nodiadau atgoffa"
                ]
            );
            assert_eq!(
                row(&rows, "Dyddiad ac amser").lines,
                [
                    "Dydd Llun 29 Mawrth 2027 am 9:15yb",
                    "Galwad ffôn (45 munud)"
                ]
            );
            assert_eq!(row(&rows, "E-bost").lines, ["Heb ei roi"]);
            assert_eq!(row(&rows, "Nodiadau atgoffa").lines, ["Drwy neges destun"]);
            assert_eq!(row(&rows, "Dyddiad geni").change_label, "dyddiad geni");
            let mut p = place();
            p.next_available = Some("2027-03-29T14:00:00+01:00".parse().unwrap());
            assert_eq!(
                place_hint(&p)[1],
                "Ar gael nesaf: Dydd Llun 29 Mawrth 2027 am 2yp"
            );
        });
    }

    #[test]
    fn every_answer_is_shown_with_the_question_it_changes() {
        let rows = booking_answers(&draft(), &services(), Some(&place()), today());
        let keys: Vec<_> = rows.iter().map(|r| r.key).collect();
        assert_eq!(
            keys,
            [
                "Appointment",
                "Clinician",
                "Location",
                "Date and time",
                "Name",
                "Date of birth",
                "NHS number",
                "Mobile phone",
                "Email",
                "Reminders"
            ]
        );
        assert_eq!(row(&rows, "Appointment").change, Some(Step::Service));
        assert_eq!(row(&rows, "Clinician").lines, ["Physiotherapist (Band 6)"]);
        assert_eq!(
            row(&rows, "Location").lines,
            [
                "Hinchingbrooke Hospital",
                "Hinchingbrooke Park",
                "Huntingdon",
                "PE29 6NT"
            ]
        );
        assert_eq!(
            row(&rows, "Date and time").lines,
            [
                "Monday 29 March 2027 at 9:15am",
                "Telephone call (45 minutes)"
            ]
        );
        assert_eq!(row(&rows, "Date and time").change, Some(Step::Slot));
        assert_eq!(row(&rows, "Name").lines, ["Siân O'Neill"]);
        assert_eq!(row(&rows, "Date of birth").lines, ["28 February 1958"]);
        assert_eq!(row(&rows, "NHS number").lines, ["943 476 5919"]);
        assert_eq!(row(&rows, "Email").lines, ["Not given"]);
        assert_eq!(row(&rows, "Reminders").lines, ["By text message"]);
        assert!(rows[4..].iter().all(|r| r.change == Some(Step::Details)));
        assert_eq!(row(&rows, "Date of birth").change_label, "date of birth");
    }

    #[test]
    fn a_service_the_patient_did_not_choose_cannot_be_changed() {
        let mut d = draft();
        d.invite = Some(Invite {
            code: "Q7P2MX".into(),
            service: "physio-msk".into(),
            band: None,
            locality: None,
            book_from: today(),
            book_until: today(),
        });
        let rows = booking_answers(&d, &services(), Some(&place()), today());
        assert_eq!(row(&rows, "Appointment").change, None);
        // One service in the catalogue: nothing to choose either.
        let one = &services()[..1];
        let rows = booking_answers(&draft(), one, None, today());
        assert_eq!(row(&rows, "Appointment").change, None);
        // The place not loaded yet: no lines rather than wrong ones.
        assert!(row(&rows, "Location").lines.is_empty());
    }

    #[test]
    fn no_nhs_number_and_no_time_yet() {
        let mut d = draft();
        d.choose_slot(None);
        let mut details = d.details.clone();
        details.no_nhs_number = true;
        details.remind_sms = false;
        details.email = "s@example.com".into();
        details.remind_email = true;
        d.save_details(details);
        let rows = booking_answers(&d, &services(), None, today());
        assert!(rows.iter().all(|r| r.key != "Date and time"));
        assert_eq!(
            row(&rows, "NHS number").lines,
            ["I do not know my NHS number"]
        );
        assert_eq!(row(&rows, "Reminders").lines, ["By email"]);
        assert_eq!(row(&rows, "Email").lines, ["s@example.com"]);
    }

    #[test]
    fn the_new_time_rows_keep_the_old_time_and_place_fixed() {
        let booking = Booking {
            needs: None,
            booked_by: None,
            reference: "PHY-7K3Q9D".into(),
            status: BookingStatus::Booked,
            slot: slot(),
            service: ServiceRef {
                id: "physio-msk".into(),
                name: "Physiotherapy".into(),
            },
            locality: place(),
            cancel_before: None,
        };
        let mut new = slot();
        new.start += chrono::Duration::days(1);
        new.end += chrono::Duration::days(1);
        new.mode = Mode::InPerson;
        let rows = new_time_answers(&booking, &new);
        assert_eq!(rows[0].lines, ["Monday 29 March 2027 at 9:15am"]);
        assert_eq!(
            rows[1].lines,
            ["Tuesday 30 March 2027 at 9:15am", "In person (45 minutes)"]
        );
        assert_eq!(rows[1].change, Some(Step::ManageSlot));
        assert_eq!(rows[2].lines, ["Hinchingbrooke Hospital"]);
        assert!(rows[0].change.is_none() && rows[2].change.is_none());
        let rows = appointment_rows(&booking);
        assert_eq!(
            rows[0].lines,
            ["Monday 29 March 2027 at 9:15am", "45 minutes"]
        );
        assert_eq!(rows[1].lines, ["Physiotherapy", "Telephone call"]);
        assert_eq!(rows[2].lines.len(), 4);
        assert!(rows.iter().all(|r| r.change.is_none()));
    }

    #[test]
    fn a_held_time_is_described_as_a_booking_is() {
        let offer = crate::model::Offer {
            code: "OF7K2Q".into(),
            slot: slot(),
            service: crate::model::ServiceRef {
                id: "physio-msk".into(),
                name: "Physiotherapy".into(),
            },
            locality: place(),
            held_until: "2027-03-28T10:15:00+01:00".parse().unwrap(),
            booking: None,
        };
        let rows = offer_rows(&offer);
        let keys: Vec<_> = rows.iter().map(|r| r.key).collect();
        assert_eq!(keys, ["Date and time", "Appointment", "Location"]);
        assert_eq!(
            rows[0].lines,
            ["Monday 29 March 2027 at 9:15am", "45 minutes"]
        );
        assert_eq!(rows[1].lines, ["Physiotherapy", "Telephone call"]);
        assert_eq!(
            rows[2].lines,
            [
                "Hinchingbrooke Hospital",
                "Hinchingbrooke Park",
                "Huntingdon",
                "PE29 6NT"
            ]
        );
        assert!(rows.iter().all(|r| r.change.is_none()));
    }

    #[test]
    fn a_place_is_described_by_its_address_next_time_and_access() {
        let mut p = place();
        assert_eq!(
            place_hint(&p),
            ["Hinchingbrooke Park, Huntingdon, PE29 6NT"]
        );
        p.address = vec![" ".into()];
        p.postcode = String::new();
        p.next_available = Some("2027-03-29T09:15:00+01:00".parse().unwrap());
        p.access = Some("Step-free access".into());
        assert_eq!(
            place_hint(&p),
            [
                "Next available: Monday 29 March 2027 at 9:15am",
                "Step-free access"
            ]
        );
    }
}
