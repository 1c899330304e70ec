//! Demo data, generated relative to "today" on the clinic calendar (Europe/London). Every
//! random-looking choice is a hash of (seed, what is being decided), so a slot keeps its id and
//! its booked/free state whatever time the server starts, and the same seed gives the same data.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Europe::London;
use chrono_tz::OffsetComponents;
use serde::Serialize;

use crate::clock::london;
use crate::extras::Extras;
use crate::screening::{self, Screening};

pub const DEFAULT_SEED: u64 = 20270329;

/// How far ahead clinics publish slots.
pub const WINDOW_DAYS: i64 = 56;

#[derive(Clone, Debug, Serialize)]
pub struct Band {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub description: String,
    pub phone: String,
    pub bands: Vec<Band>,
    /// First part of booking references, e.g. PHY-7K3Q9D.
    #[serde(skip)]
    pub prefix: String,
    /// Urgent-symptom questions (1.1), shown only when the server offers `screening`.
    #[serde(skip)]
    pub screening: Option<&'static Screening>,
}

#[derive(Clone, Debug)]
pub struct Locality {
    pub id: String,
    pub name: String,
    pub address: Vec<String>,
    pub postcode: String,
    pub access: String,
}

/// A recurring clinic: one service and band at one site on some weekdays.
#[derive(Clone, Debug)]
pub struct Clinic {
    pub service: &'static str,
    pub band: &'static str,
    pub locality: &'static str,
    pub clinician: &'static str,
    pub weekdays: &'static [Weekday],
    pub minutes: i64,
    /// (start, end) of each session as "HH:MM" clinic time.
    pub sessions: &'static [(&'static str, &'static str)],
    /// Share of slots already taken by other patients.
    pub busy: f64,
    /// Every slot taken: a site offered for the band with nothing free.
    pub full: bool,
    /// Telephone and video appointments are offered too.
    pub remote: bool,
}

#[derive(Clone, Debug)]
pub struct Slot {
    pub id: String,
    pub service: String,
    pub band: String,
    pub locality: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub mode: String,
    pub clinician: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Booked,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Booked => "booked",
            Status::Cancelled => "cancelled",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Booking {
    pub reference: String,
    pub service: String,
    pub band: String,
    pub slot_id: String,
    pub status: Status,
    pub date_of_birth: NaiveDate,
    /// The patient as sent (kept for the demo's own inspection, never echoed to callers).
    pub patient: serde_json::Value,
    /// The Idempotency-Key that created it; None for seeded and "someone else" bookings.
    pub idempotency_key: Option<String>,
    /// "patient", "seed" or "someone-else" (test control), so tests can tell them apart.
    pub origin: &'static str,
    /// The 1.1 details it was booked with (none for seeded ones), echoed with the booking.
    pub extras: Extras,
}

#[derive(Clone, Debug)]
pub struct Invite {
    pub code: String,
    pub service: String,
    pub band: String,
    pub locality: Option<String>,
    pub book_from: NaiveDate,
    pub book_until: NaiveDate,
}

pub struct SeedData {
    pub services: Vec<Service>,
    pub localities: Vec<Locality>,
    pub clinics: Vec<Clinic>,
    /// Sorted by (start, id): the order /slots lists them in.
    pub slots: Vec<Slot>,
    pub taken: HashSet<String>,
    pub bookings: Vec<Booking>,
    pub invites: Vec<Invite>,
    /// Last day the extended clinic runs to, when the 8 weeks hold no clock change.
    pub dst_extension_until: Option<NaiveDate>,
}

/// Seeded manage-journey bookings, documented in README.md.
pub const CANCELLABLE_REF: &str = "PHY-4B7K2M";
pub const CANCELLABLE_DOB: &str = "1958-02-28";
pub const CLOSED_REF: &str = "PHY-9TQ4XW";
pub const CLOSED_DOB: &str = "1972-11-05";
pub const CANCELLED_REF: &str = "PHY-CX3N8R";
pub const CANCELLED_DOB: &str = "1990-06-15";
pub const INVITE_CODE: &str = "Q7P2MX";
pub const INVITE_LOCAL_CODE: &str = "K9W3TB";
pub const EXPIRED_INVITE_CODE: &str = "EXP1RD";

const MON_FRI: &[Weekday] = &[
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

fn services() -> Vec<Service> {
    let band = |id: &str, name: &str, description: &str| Band {
        id: id.into(),
        name: name.into(),
        description: description.into(),
    };
    vec![
        Service {
            id: "physio-msk".into(),
            name: "Physiotherapy (muscles, bones and joints)".into(),
            description: "Assessment and treatment for back, neck and joint pain.".into(),
            phone: "01480 123456".into(),
            bands: vec![
                band("band-6", "Physiotherapist (Band 6)", "First assessment"),
                band(
                    "band-7",
                    "Senior physiotherapist (Band 7)",
                    "Complex or long-standing problems",
                ),
            ],
            prefix: "PHY".into(),
            screening: Some(&screening::PHYSIO_MSK),
        },
        Service {
            id: "podiatry".into(),
            name: "Podiatry (feet and lower legs)".into(),
            description:
                "Care for painful feet, nail problems and foot problems caused by diabetes.".into(),
            phone: "01480 123789".into(),
            bands: vec![
                band(
                    "band-5",
                    "Podiatrist (Band 5)",
                    "Routine foot care and first assessment",
                ),
                band(
                    "band-6",
                    "Specialist podiatrist (Band 6)",
                    "Diabetic foot checks and nail surgery assessment",
                ),
            ],
            prefix: "POD".into(),
            screening: None,
        },
    ]
}

fn localities() -> Vec<Locality> {
    let site = |id: &str, name: &str, address: &[&str], postcode: &str, access: &str| Locality {
        id: id.into(),
        name: name.into(),
        address: address.iter().map(|s| s.to_string()).collect(),
        postcode: postcode.into(),
        access: access.into(),
    };
    vec![
        site(
            "hinchingbrooke",
            "Hinchingbrooke Hospital",
            &["Hinchingbrooke Park", "Huntingdon"],
            "PE29 6NT",
            "Step-free access from the main entrance. Blue badge parking.",
        ),
        site(
            "doddington",
            "Doddington Hospital",
            &["Benwick Road", "Doddington", "March"],
            "PE15 0UG",
            "Ground floor clinic rooms. Free parking next to the outpatients entrance.",
        ),
        site(
            "st-neots",
            "St Neots Community Clinic",
            &["Priory Lane", "St Neots"],
            "PE19 2BH",
            "Lift to the first floor. Hearing loop at reception. Pay and display parking nearby.",
        ),
        site(
            "ely",
            "Princess of Wales Hospital",
            &["Lynn Road", "Ely"],
            "CB6 1DN",
            "Step-free access through the main entrance. Wheelchairs available at reception.",
        ),
    ]
}

fn clinics() -> Vec<Clinic> {
    vec![
        // The busy main site: enough slots that a month's query needs paging.
        Clinic {
            service: "physio-msk",
            band: "band-6",
            locality: "hinchingbrooke",
            clinician: "Physiotherapist",
            weekdays: MON_FRI,
            minutes: 30,
            sessions: &[("08:00", "12:30"), ("13:30", "19:00")],
            busy: 0.35,
            full: false,
            remote: true,
        },
        Clinic {
            service: "physio-msk",
            band: "band-6",
            locality: "doddington",
            clinician: "Physiotherapist",
            weekdays: &[Weekday::Tue, Weekday::Thu],
            minutes: 45,
            sessions: &[("09:00", "12:45"), ("13:30", "17:15")],
            busy: 0.4,
            full: false,
            remote: true,
        },
        Clinic {
            service: "physio-msk",
            band: "band-6",
            locality: "st-neots",
            clinician: "Physiotherapist",
            weekdays: &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
            minutes: 30,
            sessions: &[("08:00", "12:00"), ("13:00", "16:00")],
            busy: 0.3,
            full: false,
            remote: true,
        },
        Clinic {
            service: "physio-msk",
            band: "band-7",
            locality: "hinchingbrooke",
            clinician: "Senior physiotherapist",
            weekdays: &[Weekday::Mon, Weekday::Wed, Weekday::Thu],
            minutes: 45,
            sessions: &[("08:30", "12:15"), ("13:30", "18:45")],
            busy: 0.5,
            full: false,
            remote: true,
        },
        // Offered, but with nothing free for the next 8 weeks (next_available is null).
        Clinic {
            service: "physio-msk",
            band: "band-7",
            locality: "doddington",
            clinician: "Senior physiotherapist",
            weekdays: &[Weekday::Fri],
            minutes: 45,
            sessions: &[("09:00", "12:45")],
            busy: 1.0,
            full: true,
            remote: false,
        },
        Clinic {
            service: "podiatry",
            band: "band-5",
            locality: "st-neots",
            clinician: "Podiatrist",
            weekdays: &[Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
            minutes: 30,
            sessions: &[("09:00", "12:30"), ("13:30", "17:00")],
            busy: 0.4,
            full: false,
            remote: false,
        },
        Clinic {
            service: "podiatry",
            band: "band-5",
            locality: "ely",
            clinician: "Podiatrist",
            weekdays: &[Weekday::Tue, Weekday::Fri],
            minutes: 30,
            sessions: &[("08:30", "12:30")],
            busy: 0.4,
            full: false,
            remote: false,
        },
        Clinic {
            service: "podiatry",
            band: "band-6",
            locality: "hinchingbrooke",
            clinician: "Specialist podiatrist",
            weekdays: &[Weekday::Wed],
            minutes: 45,
            sessions: &[("09:00", "12:45"), ("14:00", "16:15")],
            busy: 0.5,
            full: false,
            remote: false,
        },
    ]
}

/// A 64-bit hash of the seed and a label (FNV-1a then a splitmix finaliser): stable across
/// platforms and Rust versions, unlike std's hasher.
pub fn hash(seed: u64, label: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in label.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// A share in [0, 1) drawn from the hash.
fn unit(seed: u64, label: &str) -> f64 {
    (hash(seed, label) >> 11) as f64 / (1u64 << 53) as f64
}

fn hhmm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("clinic times are HH:MM")
}

fn london_offset_seconds(day: NaiveDate) -> i64 {
    let noon = london(day, NaiveTime::from_hms_opt(12, 0, 0).unwrap());
    let local = noon.with_timezone(&London);
    (local.offset().base_utc_offset() + local.offset().dst_offset()).num_seconds()
}

/// The first day after `from` whose UTC offset differs from the day before (a clock change).
pub fn next_dst_change(from: NaiveDate) -> NaiveDate {
    let mut day = from;
    let mut offset = london_offset_seconds(day);
    loop {
        day += Duration::days(1);
        let next = london_offset_seconds(day);
        if next != offset {
            return day;
        }
        offset = next;
    }
}

/// Fixed-date bank holidays on which no clinics run.
fn is_bank_holiday(day: NaiveDate) -> bool {
    matches!((day.month(), day.day()), (12, 25) | (12, 26) | (1, 1))
}

pub fn generate(seed: u64, now: DateTime<Utc>) -> SeedData {
    let today = now.with_timezone(&London).date_naive();
    let services = services();
    let localities = localities();
    let clinics = clinics();

    // The 8 weeks must include a clock change; if not, the main clinic runs on through the next
    // one plus a week so that the app's offset handling is always exercised.
    let window_end = today + Duration::days(WINDOW_DAYS);
    let change = next_dst_change(today);
    let dst_extension_until = (change >= window_end).then(|| change + Duration::days(7));

    // Besides the chance ones, the main clinic is always full on one day next week, so a fully
    // booked day is there to see whatever the seed.
    let mut full_day = today + Duration::days(7);
    while !MON_FRI.contains(&full_day.weekday()) {
        full_day += Duration::days(1);
    }

    let mut slots = Vec::new();
    let mut taken = HashSet::new();
    for (index, clinic) in clinics.iter().enumerate() {
        let last = match dst_extension_until {
            Some(until) if index == 0 => until,
            _ => window_end - Duration::days(1),
        };
        let mut day = today;
        while day <= last {
            if clinic.weekdays.contains(&day.weekday()) && !is_bank_holiday(day) {
                let day_label = format!(
                    "{}|{}|{}|{}",
                    clinic.service, clinic.band, clinic.locality, day
                );
                // About one day in twelve is already fully booked.
                let day_full = clinic.full
                    || (index == 0 && day == full_day)
                    || unit(seed, &format!("full|{day_label}")) < 0.08;
                for (from, to) in clinic.sessions {
                    let (mut t, end) = (hhmm(from), hhmm(to));
                    while t + Duration::minutes(clinic.minutes) <= end {
                        let start = london(day, t);
                        let slot = make_slot(seed, clinic, start);
                        if day_full || unit(seed, &format!("taken|{}", slot.id)) < clinic.busy {
                            taken.insert(slot.id.clone());
                        }
                        slots.push(slot);
                        t += Duration::minutes(clinic.minutes);
                    }
                }
            }
            day += Duration::days(1);
        }
    }
    sort_slots(&mut slots);

    let mut bookings = Vec::new();
    let patient = |given: &str, family: &str, dob: &str| {
        let mut p = serde_json::Map::new();
        p.insert("given_name".into(), given.into());
        p.insert("family_name".into(), family.into());
        p.insert("date_of_birth".into(), dob.into());
        serde_json::Value::Object(p)
    };
    let seeded = |reference: &str, slot: &Slot, status, dob: &str, who| Booking {
        reference: reference.into(),
        service: slot.service.clone(),
        band: slot.band.clone(),
        slot_id: slot.id.clone(),
        status,
        date_of_birth: dob.parse().expect("seeded dates are valid"),
        patient: who,
        idempotency_key: None,
        origin: "seed",
        extras: Extras::default(),
    };

    // Cancellable: a few weeks ahead at the main site.
    let main = &clinics[0];
    if let Some(slot) = first_free_from(
        &slots,
        &taken,
        main,
        london(today + Duration::days(21), hhmm("10:00")),
    ) {
        taken.insert(slot.id.clone());
        bookings.push(seeded(
            CANCELLABLE_REF,
            &slot,
            Status::Booked,
            CANCELLABLE_DOB,
            patient("Siân", "O'Neill", CANCELLABLE_DOB),
        ));
    }
    // Already cancelled: its slot is free again.
    if let Some(slot) = first_free_from(
        &slots,
        &taken,
        main,
        london(today + Duration::days(14), hhmm("11:00")),
    ) {
        bookings.push(seeded(
            CANCELLED_REF,
            &slot,
            Status::Cancelled,
            CANCELLED_DOB,
            patient("Amir", "Khan", CANCELLED_DOB),
        ));
    }
    // Inside its 24-hour window: starts within a day, so cancel_before has already passed.
    let soon = make_slot(seed, main, soon_start(now));
    taken.insert(soon.id.clone());
    bookings.push(seeded(
        CLOSED_REF,
        &soon,
        Status::Booked,
        CLOSED_DOB,
        patient("Margaret", "Ellis", CLOSED_DOB),
    ));
    // It may coincide with a published slot (same id); otherwise it is an extra one.
    if !slots.iter().any(|s| s.id == soon.id) {
        slots.push(soon);
        sort_slots(&mut slots);
    }

    let invite =
        |code: &str, band: &str, locality: Option<&str>, from: NaiveDate, until: NaiveDate| {
            Invite {
                code: code.into(),
                service: "physio-msk".into(),
                band: band.into(),
                locality: locality.map(Into::into),
                book_from: from,
                book_until: until,
            }
        };
    let invites = vec![
        invite(INVITE_CODE, "band-7", None, today, today + Months::new(6)),
        invite(
            INVITE_LOCAL_CODE,
            "band-6",
            Some("hinchingbrooke"),
            today + Duration::days(7),
            today + Duration::days(35),
        ),
        invite(
            EXPIRED_INVITE_CODE,
            "band-6",
            None,
            today - Months::new(6),
            today - Duration::days(1),
        ),
    ];

    SeedData {
        services,
        localities,
        clinics,
        slots,
        taken,
        bookings,
        invites,
        dst_extension_until,
    }
}

pub fn sort_slots(slots: &mut [Slot]) {
    slots.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
}

fn make_slot(seed: u64, clinic: &Clinic, start: DateTime<Utc>) -> Slot {
    let key = format!(
        "{}|{}|{}|{}",
        clinic.service,
        clinic.band,
        clinic.locality,
        start.timestamp()
    );
    let id = format!("slot-{:012x}", hash(seed, &format!("slot|{key}")) >> 16);
    // Mostly in person; some clinics also run telephone and video appointments.
    let roll = unit(seed, &format!("mode|{id}"));
    let mode = if !clinic.remote || roll < 0.75 {
        "in_person"
    } else if roll < 0.9 {
        "telephone"
    } else {
        "video"
    };
    Slot {
        id,
        service: clinic.service.into(),
        band: clinic.band.into(),
        locality: clinic.locality.into(),
        start,
        end: start + Duration::minutes(clinic.minutes),
        mode: mode.into(),
        clinician: clinic.clinician.into(),
    }
}

fn first_free_from(
    slots: &[Slot],
    taken: &HashSet<String>,
    c: &Clinic,
    from: DateTime<Utc>,
) -> Option<Slot> {
    let at_clinic =
        |s: &Slot| s.service == c.service && s.band == c.band && s.locality == c.locality;
    (slots.iter())
        .find(|s| at_clinic(s) && s.start >= from && !taken.contains(&s.id))
        .cloned()
}

/// A start two hours or so from now, moved to 08:00 next morning when that falls outside clinic
/// hours: always within 24 hours, always in the future.
fn soon_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let local = (now + Duration::hours(2)).with_timezone(&London);
    let quarter = (local.minute() / 15 + 1) * 15;
    let rounded = local.date_naive().and_hms_opt(local.hour(), 0, 0).unwrap()
        + Duration::minutes(i64::from(quarter));
    let in_hours = |t: NaiveTime| t >= hhmm("08:00") && t <= hhmm("18:30");
    if in_hours(rounded.time()) {
        return london(rounded.date(), rounded.time());
    }
    let day = if rounded.time() < hhmm("08:00") {
        rounded.date()
    } else {
        rounded.date() + Duration::days(1)
    };
    london(day, hhmm("08:00"))
}
