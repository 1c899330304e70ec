//! Property tests: whatever the API (or a proxy in front of it) sends, decoding gives data or an
//! `ApiError`, never a panic; new fields and enum values degrade gracefully; hostile text stays
//! inert data. Also: the details form, the URL reader and the booking-reference reader never
//! panic on any input.

use booking_domain::api::{decode, ApiError, ErrorCode, Response};
use booking_domain::ids::{BandId, InviteCode, LocalityId, Reference, ServiceId, SlotId};
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::manage::normalise_reference;
use booking_domain::model::{
    Band, Booking, BookingStatus, ClinicTime, Invite, Locality, LocalityList, Mode, Service,
    ServiceList, ServiceRef, Slot, SlotPage,
};
use booking_domain::validate::{is_valid_nhs_number, DetailsForm, Field};
use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failures are reported with their minimal input; no files written into the repo.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn response(status: u16, body: String) -> Response {
    Response {
        status,
        retry_after: None,
        body,
    }
}

/// Decodes `body` as every response type of the contract; none may panic.
fn decode_all(r: &Response) -> Vec<Result<(), ApiError>> {
    vec![
        decode::<ServiceList>(r).map(drop),
        decode::<LocalityList>(r).map(drop),
        decode::<SlotPage>(r).map(drop),
        decode::<Booking>(r).map(drop),
        decode::<Invite>(r).map(drop),
    ]
}

// ---------------------------------------------------------------------------------------------
// Strategies.

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\u{202E}gnp.exe\u{202C}",
    "\u{202D}\u{2066}isolate\u{2069}",
    "\"; DROP TABLE bookings; --",
    "{{7*7}} ${7*7} %s %n",
    "Zoë 👩🏽‍⚕️ 🏥",
    "\u{0}\u{1}\u{7f}\u{feff}",
    "\\u0000 \\\" \\\\",
    "a\r\nSet-Cookie: x=1",
    "",
];

/// Any string, often a hostile one or a very long name.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        1 => any::<u64>().prop_map(long_name),
        1 => prop::collection::vec(prop::sample::select(HOSTILE), 1..4).prop_map(|v| v.concat()),
    ]
}

/// A 500-character name made from `seed` (cheap to generate, unlike a 500-step regex).
fn long_name(seed: u64) -> String {
    const CHARS: [char; 8] = ['a', 'B', '\'', ' ', '-', 'é', 'ß', 'Ł'];
    (0..500)
        .map(|i| CHARS[(seed.rotate_left(i * 3) % 8) as usize])
        .collect()
}

fn clinic_time() -> impl Strategy<Value = ClinicTime> {
    // Years 1..9999 and whole-quarter-hour offsets: everything RFC 3339 can spell.
    (
        -62_135_596_800i64..253_402_214_400i64,
        -56i32..=56,
        0u32..1_000_000_000,
    )
        .prop_map(|(secs, quarters, nanos)| {
            let offset = FixedOffset::east_opt(quarters * 900).unwrap();
            DateTime::from_timestamp(secs, nanos)
                .unwrap()
                .with_timezone(&offset)
        })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1i32..=9999, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

fn mode() -> impl Strategy<Value = Mode> {
    prop::sample::select(vec![Mode::InPerson, Mode::Telephone, Mode::Video])
}

fn slot() -> impl Strategy<Value = Slot> {
    (
        text(),
        clinic_time(),
        clinic_time(),
        text(),
        text(),
        mode(),
        text(),
    )
        .prop_map(|(id, start, end, locality, band, mode, clinician)| Slot {
            id: SlotId(id),
            start,
            end,
            locality: LocalityId(locality),
            band: BandId(band),
            mode,
            clinician,
        })
}

fn band() -> impl Strategy<Value = Band> {
    (text(), text(), text()).prop_map(|(id, name, description)| Band {
        id: BandId(id),
        name,
        description,
    })
}

fn service_list() -> impl Strategy<Value = ServiceList> {
    prop::collection::vec(
        (
            text(),
            text(),
            text(),
            text(),
            prop::collection::vec(band(), 0..3),
        )
            .prop_map(|(id, name, description, phone, bands)| Service {
                screening: None,
                offers: Default::default(),
                id: ServiceId(id),
                name,
                description,
                phone,
                bands,
            }),
        0..4,
    )
    .prop_map(|services| ServiceList {
        services,
        features: Vec::new(),
    })
}

fn locality() -> impl Strategy<Value = Locality> {
    (
        text(),
        text(),
        prop::collection::vec(text(), 0..3),
        text(),
        prop::option::of(text()),
        prop::option::of(clinic_time()),
    )
        .prop_map(
            |(id, name, address, postcode, access, next_available)| Locality {
                id: LocalityId(id),
                name,
                address,
                postcode,
                access,
                next_available,
            },
        )
}

fn locality_list() -> impl Strategy<Value = LocalityList> {
    prop::collection::vec(locality(), 0..4).prop_map(|localities| LocalityList { localities })
}

fn slot_page() -> impl Strategy<Value = SlotPage> {
    (
        text(),
        prop::collection::vec(slot(), 0..5),
        prop::option::of(text()),
    )
        .prop_map(|(timezone, slots, next_cursor)| SlotPage {
            timezone,
            slots,
            next_cursor,
        })
}

fn booking() -> impl Strategy<Value = Booking> {
    (
        text(),
        prop::sample::select(vec![BookingStatus::Booked, BookingStatus::Cancelled]),
        slot(),
        (text(), text()),
        locality(),
        prop::option::of(clinic_time()),
    )
        .prop_map(
            |(reference, status, slot, (id, name), locality, cancel_before)| Booking {
                needs: None,
                booked_by: None,
                reference: Reference(reference),
                status,
                slot,
                service: ServiceRef {
                    id: ServiceId(id),
                    name,
                },
                locality,
                cancel_before,
            },
        )
}

fn invite() -> impl Strategy<Value = Invite> {
    (
        text(),
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        date(),
        date(),
    )
        .prop_map(
            |(code, service, band, locality, book_from, book_until)| Invite {
                code: InviteCode(code),
                service: ServiceId(service),
                band: band.map(Into::into),
                locality: locality.map(Into::into),
                book_from,
                book_until,
            },
        )
}

/// Keys that make arbitrary JSON look like the contract, so decoding gets deep.
const KEYS: &[&str] = &[
    "services",
    "localities",
    "slots",
    "id",
    "name",
    "bands",
    "start",
    "end",
    "mode",
    "status",
    "reference",
    "slot",
    "service",
    "locality",
    "code",
    "book_from",
    "book_until",
    "timezone",
    "next_cursor",
    "error",
    "message",
    "fields",
    "address",
    "next_available",
    "cancel_before",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::String),
        prop::sample::select(vec![
            "2027-03-29T09:15:00+01:00",
            "2027-03-29",
            "in_person",
            "booked",
            "24:61:00",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        3 => prop::sample::select(KEYS).prop_map(str::to_string),
                        1 => any::<String>()
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A valid document of one of the five response types, as JSON.
fn any_document() -> impl Strategy<Value = Value> {
    prop_oneof![
        service_list().prop_map(|d| serde_json::to_value(d).unwrap()),
        locality_list().prop_map(|d| serde_json::to_value(d).unwrap()),
        slot_page().prop_map(|d| serde_json::to_value(d).unwrap()),
        booking().prop_map(|d| serde_json::to_value(d).unwrap()),
        invite().prop_map(|d| serde_json::to_value(d).unwrap()),
    ]
}

/// Adds `extras` to objects of `v` (an object takes extra `i` when bit `i` of its mask is set),
/// under names that the contract does not use.
fn add_extra_fields(v: &mut Value, extras: &[(String, Value)], mask: &mut u64) {
    match v {
        Value::Object(map) => {
            // Children first, so that the extras themselves are left as they are.
            for child in map.values_mut() {
                add_extra_fields(child, extras, mask);
            }
            for (i, (k, x)) in extras.iter().enumerate() {
                if *mask >> (i % 64) & 1 == 1 {
                    map.insert(format!("x_{k}"), x.clone());
                }
            }
            *mask = mask.rotate_left(7);
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|c| add_extra_fields(c, extras, mask)),
        _ => {}
    }
}

/// An enum value this app does not know yet.
fn unknown_enum_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,16}",
        any::<String>(),
        prop::sample::select(vec![
            "hologram", "on_hold", "InPerson", "BOOKED", "", " video"
        ])
        .prop_map(str::to_string),
    ]
    .prop_filter("must be unknown", |s| {
        !["in_person", "telephone", "video", "booked", "cancelled"].contains(&s.as_str())
    })
}

// ---------------------------------------------------------------------------------------------
// (a), (b): anything at all never panics.

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), status in 100u16..600) {
        let r = response(status, String::from_utf8_lossy(&bytes).into_owned());
        for result in decode_all(&r) {
            check_status_shape(status, &result);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(body in any::<String>(), status in prop::sample::select(vec![200u16, 201, 204, 400, 404, 409, 422, 429, 500, 502, 503])) {
        for result in decode_all(&response(status, body)) {
            check_status_shape(status, &result);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value(), status in prop::sample::select(vec![200u16, 201, 409, 422, 503])) {
        let r = response(status, value.to_string());
        for result in decode_all(&r) {
            check_status_shape(status, &result);
        }
        // The same value wrapped as each top-level document and as an error envelope.
        for key in ["services", "localities", "slots", "error"] {
            let r = response(status, json!({ key: value.clone() }).to_string());
            for result in decode_all(&r) {
                check_status_shape(status, &result);
            }
        }
    }

    #[test]
    fn valid_documents_with_a_part_replaced_never_panic(
        mut doc in any_document(),
        path in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
        replacement in json_value(),
    ) {
        replace_at(&mut doc, &path, replacement);
        for result in decode_all(&response(200, doc.to_string())) {
            check_status_shape(200, &result);
        }
    }
}

/// Walks down `path` (as far as it goes) and replaces what is there.
fn replace_at(v: &mut Value, path: &[prop::sample::Index], replacement: Value) {
    let Some((step, rest)) = path.split_first() else {
        *v = replacement;
        return;
    };
    match v {
        Value::Object(m) if !m.is_empty() => {
            let key = m.keys().nth(step.index(m.len())).unwrap().clone();
            replace_at(m.get_mut(&key).unwrap(), rest, replacement)
        }
        Value::Array(a) if !a.is_empty() => {
            let i = step.index(a.len());
            replace_at(&mut a[i], rest, replacement)
        }
        _ => *v = replacement,
    }
}

fn check_status_shape(status: u16, result: &Result<(), ApiError>) {
    if (200..300).contains(&status) {
        assert!(
            matches!(result, Ok(()) | Err(ApiError::Decode)),
            "{status}: {result:?}"
        );
    } else {
        assert!(
            matches!(result, Err(ApiError::Status { status: s, .. }) if *s == status),
            "{status}: {result:?}"
        );
    }
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    for open in ["[", "{\"slots\":", "{\"error\":{\"fields\":"] {
        let body = open.repeat(20_000);
        for status in [200, 503] {
            for result in decode_all(&response(status, body.clone())) {
                check_status_shape(status, &result);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (c): valid documents decode, with new fields ignored and new enum values as `Other`.

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn slot_pages_with_extra_fields_and_unknown_modes_decode(
        page in slot_page(),
        extras in prop::collection::vec(("[a-z_]{1,10}", json_value()), 0..4),
        mut mask in any::<u64>(),
        unknown in prop::collection::vec(prop::option::of(unknown_enum_value()), 5),
    ) {
        let mut v = serde_json::to_value(&page).unwrap();
        add_extra_fields(&mut v, &extras, &mut mask);
        let mut expected = page.clone();
        for (i, slot) in expected.slots.iter_mut().enumerate() {
            if let Some(u) = &unknown[i] {
                v["slots"][i]["mode"] = json!(u);
                slot.mode = Mode::Other;
            }
        }
        let decoded = decode::<SlotPage>(&response(200, v.to_string()));
        prop_assert_eq!(decoded, Ok(expected));
    }

    #[test]
    fn bookings_with_extra_fields_and_unknown_status_or_mode_decode(
        booking in booking(),
        extras in prop::collection::vec(("[a-z_]{1,10}", json_value()), 0..4),
        mut mask in any::<u64>(),
        status in prop::option::of(unknown_enum_value()),
        mode in prop::option::of(unknown_enum_value()),
    ) {
        let mut v = serde_json::to_value(&booking).unwrap();
        add_extra_fields(&mut v, &extras, &mut mask);
        let mut expected = booking.clone();
        if let Some(s) = status {
            v["status"] = json!(s);
            expected.status = BookingStatus::Other;
        }
        if let Some(m) = mode {
            v["slot"]["mode"] = json!(m);
            expected.slot.mode = Mode::Other;
        }
        prop_assert_eq!(decode::<Booking>(&response(201, v.to_string())), Ok(expected));
    }

    #[test]
    fn lists_and_invites_with_extra_fields_decode_unchanged(
        services in service_list(),
        localities in locality_list(),
        invite in invite(),
        extras in prop::collection::vec(("[a-z_]{1,10}", json_value()), 1..4),
        mask in any::<u64>(),
    ) {
        fn with_extras<T: serde::Serialize>(t: &T, extras: &[(String, Value)], mut mask: u64) -> Response {
            let mut v = serde_json::to_value(t).unwrap();
            add_extra_fields(&mut v, extras, &mut mask);
            response(200, v.to_string())
        }
        prop_assert_eq!(decode::<ServiceList>(&with_extras(&services, &extras, mask)), Ok(services));
        prop_assert_eq!(decode::<LocalityList>(&with_extras(&localities, &extras, mask)), Ok(localities));
        prop_assert_eq!(decode::<Invite>(&with_extras(&invite, &extras, mask)), Ok(invite));
    }

    /// Hostile text is data: it comes back exactly as sent (escaping is the view's job).
    #[test]
    fn hostile_strings_round_trip_unchanged(page in slot_page(), services in service_list(), booking in booking()) {
        let back: SlotPage = decode(&response(200, serde_json::to_string(&page).unwrap())).unwrap();
        prop_assert_eq!(back, page);
        let back: ServiceList = decode(&response(200, serde_json::to_string(&services).unwrap())).unwrap();
        prop_assert_eq!(back, services);
        let back: Booking = decode(&response(201, serde_json::to_string(&booking).unwrap())).unwrap();
        prop_assert_eq!(back, booking);
    }
}

#[test]
fn each_hostile_string_round_trips_in_every_text_field() {
    let long = "Ab".repeat(250);
    for s in HOSTILE.iter().copied().chain([long.as_str()]) {
        let doc = json!({ "services": [{ "id": s, "name": s, "description": s, "phone": s,
            "bands": [{ "id": s, "name": s, "description": s }] }] });
        let list: ServiceList = decode(&response(200, doc.to_string())).unwrap();
        let service = &list.services[0];
        for field in [
            service.id.as_str(),
            &service.name,
            &service.description,
            &service.phone,
            service.bands[0].id.as_str(),
            &service.bands[0].name,
        ] {
            assert_eq!(field, s);
        }
    }
    assert_eq!(long.chars().count(), 500);
}

// ---------------------------------------------------------------------------------------------
// (d): any status with any body; error envelopes; Retry-After.

fn expected_code(code: &str) -> ErrorCode {
    match code {
        "not_found" => ErrorCode::NotFound,
        "validation_failed" => ErrorCode::ValidationFailed,
        "slot_unavailable" => ErrorCode::SlotUnavailable,
        "booking_window_closed" => ErrorCode::BookingWindowClosed,
        "rate_limited" => ErrorCode::RateLimited,
        "unavailable" => ErrorCode::Unavailable,
        "conflict" => ErrorCode::Conflict,
        other => ErrorCode::Other(other.to_string()),
    }
}

fn any_body() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        json_value().prop_map(|v| v.to_string()),
        any_document().prop_map(|v| v.to_string()),
        text().prop_map(|t| format!("<html><body><h1>{t}</h1></body></html>")),
        Just(String::new()),
    ]
}

fn error_code() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "not_found",
            "validation_failed",
            "slot_unavailable",
            "booking_window_closed",
            "rate_limited",
            "unavailable",
            "conflict",
        ])
        .prop_map(str::to_string),
        text(),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_status_with_any_body_is_data_or_an_error(
        status in 100u16..600,
        body in any_body(),
        retry_after in prop::option::of(any::<String>()),
    ) {
        let r = Response { status, retry_after, body };
        for result in decode_all(&r) {
            check_status_shape(status, &result);
        }
        // The helpers a page uses on the error never panic either.
        if let Err(e) = decode::<SlotPage>(&r) {
            let _ = (e.code(), e.retry_after(), e.is_busy(), e.outcome_unknown());
        }
    }

    #[test]
    fn html_with_a_2xx_is_a_decode_error(status in 200u16..300, text in text()) {
        let r = Response {
            status,
            retry_after: None,
            body: format!("<!DOCTYPE html><html><body><p>{text}</p></body></html>"),
        };
        for result in decode_all(&r) {
            prop_assert_eq!(result, Err(ApiError::Decode));
        }
    }

    #[test]
    fn an_error_envelope_keeps_code_message_and_fields(
        status in (100u16..600).prop_filter("non-2xx", |s| !(200..300).contains(s)),
        code in error_code(),
        message in text(),
        fields in prop::collection::btree_map(text(), text(), 0..4),
        extra in json_value(),
    ) {
        let body = json!({ "error": { "code": code, "message": message, "fields": fields,
                                      "x_detail": extra }, "x_request_id": "r-1" });
        let err = decode::<Booking>(&response(status, body.to_string())).unwrap_err();
        let ApiError::Status { status: s, code: c, message: m, fields: f, .. } = err else {
            panic!("not a status error");
        };
        prop_assert_eq!(s, status);
        prop_assert_eq!(c, expected_code(&code));
        prop_assert_eq!(m, message);
        prop_assert_eq!(f, fields);
    }

    #[test]
    fn without_an_envelope_the_status_decides_the_code(
        status in (100u16..600).prop_filter("non-2xx", |s| !(200..300).contains(s)),
        body in prop_oneof![Just(String::new()), text().prop_map(|t| format!("<html>{t}</html>"))],
    ) {
        let err = decode::<ServiceList>(&response(status, body)).unwrap_err();
        let expected = match status {
            429 => ErrorCode::RateLimited,
            503 => ErrorCode::Unavailable,
            _ => ErrorCode::Other(String::new()),
        };
        prop_assert_eq!(err.code(), Some(&expected));
        // A proxy's bare 5xx may have come after the API acted (except 503, read as "unavailable").
        if status >= 500 && status != 503 {
            prop_assert!(err.outcome_unknown());
        }
    }

    #[test]
    fn retry_after_is_a_number_only_when_it_is_plain_digits(
        status in prop::sample::select(vec![429u16, 503, 500, 404]),
        header in prop_oneof![
            any::<String>(),
            "[ \t]{0,2}[0-9]{1,22}[ \t]{0,2}",
            "[+-]?[0-9]{1,4}(\\.[0-9])?",
            "[0-9]{1,3}[ a-z,;]{1,4}[0-9]{0,3}",
            Just("Wed, 21 Oct 2026 07:28:00 GMT".to_string()),
        ],
    ) {
        let r = Response { status, retry_after: Some(header.clone()), body: String::new() };
        let parsed = decode::<ServiceList>(&r).unwrap_err().retry_after();
        let plain = header.trim();
        let is_plain = !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit());
        match parsed {
            Some(n) => {
                prop_assert!(is_plain, "{:?} parsed as {}", header, n);
                prop_assert_eq!(plain.trim_start_matches('0').parse::<u64>().unwrap_or(0), n);
            }
            // Plain but too large for u64 is the only other way to get None.
            None => prop_assert!(!is_plain || plain.parse::<u64>().is_err(), "{:?} not parsed", header),
        }
    }
}

#[test]
fn retry_after_examples() {
    let parse = |h: &str| {
        let r = Response {
            status: 503,
            retry_after: Some(h.into()),
            body: String::new(),
        };
        decode::<ServiceList>(&r).unwrap_err().retry_after()
    };
    assert_eq!(parse("30"), Some(30));
    assert_eq!(parse(" 120 "), Some(120));
    assert_eq!(parse("0"), Some(0));
    assert_eq!(parse("+30"), None);
    assert_eq!(parse("-1"), None);
    assert_eq!(parse("1.5"), None);
    assert_eq!(parse("30s"), None);
    assert_eq!(parse(""), None);
    assert_eq!(parse("Wed, 21 Oct 2026 07:28:00 GMT"), None);
}

// ---------------------------------------------------------------------------------------------
// The details form and the URL reader.

fn form_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        text(),
        "[0-9 ]{0,6}",
        "[0-9 +()-]{8,16}",
        "(\\+44 ?|0)7[0-9]{3} ?[0-9]{6}",
        "[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}",
        "[A-Za-z’' -]{1,40}",
        "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}",
    ]
}

fn details_form() -> impl Strategy<Value = DetailsForm> {
    (
        (
            form_text(),
            form_text(),
            form_text(),
            form_text(),
            form_text(),
        ),
        (
            form_text(),
            any::<bool>(),
            form_text(),
            form_text(),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (given_name, family_name, dob_day, dob_month, dob_year),
                (nhs_number, no_nhs_number, phone, email, remind_sms, remind_email),
            )| DetailsForm {
                given_name,
                family_name,
                dob_day,
                dob_month,
                dob_year,
                nhs_number,
                no_nhs_number,
                phone,
                email,
                remind_sms,
                remind_email,
            },
        )
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn the_details_form_never_panics_and_its_answers_hold(form in details_form(), today in date()) {
        match form.validate(today) {
            Ok((patient, reminders)) => {
                prop_assert_eq!(&patient.given_name, form.given_name.trim());
                prop_assert_eq!(&patient.family_name, form.family_name.trim());
                prop_assert!(patient.date_of_birth < today);
                prop_assert!(patient.date_of_birth >= NaiveDate::from_ymd_opt(1900, 1, 1).unwrap());
                match &patient.nhs_number {
                    Some(n) => prop_assert!(is_valid_nhs_number(n) && !form.no_nhs_number),
                    None => prop_assert!(form.no_nhs_number),
                }
                if let Some(p) = &patient.phone {
                    let digits: String = p.chars().filter(|c| c.is_ascii_digit()).collect();
                    prop_assert!(p.len() == 12 && p.starts_with("07") && digits.len() == 11, "{}", p);
                }
                prop_assert!(patient.phone.is_some() || !(form.no_nhs_number || reminders.sms));
                prop_assert!(patient.email.is_some() || !reminders.email);
                prop_assert_eq!(reminders.sms, form.remind_sms);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                let mut fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
                let all = fields.len();
                fields.dedup();
                prop_assert_eq!(fields.len(), all, "one message per field: {:?}", errors);
                prop_assert!(errors.iter().all(|e| !e.message.is_empty()));
            }
        }
    }

    #[test]
    fn any_url_reads_as_some_route(base in any::<String>(), path in any::<String>(), query in any::<String>()) {
        let route = Route::from_url(&base, &path, &query);
        let c = &route.choices;
        let ids = [c.service.as_deref(), c.band.as_deref(), c.locality.as_deref(), c.slot.as_deref(), c.invite.as_deref()];
        for id in ids.into_iter().flatten() {
            prop_assert!(!id.is_empty() && id.len() <= 64 && id.trim() == id, "{:?}", id);
        }
        // Whatever was read writes out again without panicking.
        let _ = route.to_url(&base);
    }

    #[test]
    fn urls_with_app_like_parts_never_panic(
        base in prop::sample::select(vec!["", "/", "/book", "/book/"]),
        path in "(/book)?/(manage/)?[a-z-]{0,30}/?",
        query in "\\??((service|band|locality|date|slot|invite|change|x)=[^&]{0,70}&?){0,8}",
    ) {
        let route = Route::from_url(base, &path, &query);
        let again = route.to_url(base);
        let (p, q) = again.split_once('?').unwrap_or((&again, ""));
        prop_assert_eq!(Route::from_url(base, p, q), route);
    }

    #[test]
    fn to_url_then_from_url_round_trips(
        base in prop_oneof![
            prop::sample::select(vec!["", "/"]).prop_map(str::to_string),
            "/[a-z0-9_-]{1,12}/?",
            "/[a-z0-9]{1,6}/[a-z0-9]{1,6}",
        ],
        step in prop::sample::select(all_steps()),
        ids in prop::collection::vec(prop::option::of(route_id()), 6),
        date in prop::option::of(date()),
        change in any::<bool>(),
    ) {
        let route = Route {
            step,
            choices: Choices {
                service: ids[0].clone().map(Into::into),
                band: ids[1].clone().map(Into::into),
                locality: ids[2].clone().map(Into::into),
                date,
                slot: ids[3].clone().map(Into::into),
                invite: ids[4].clone().map(Into::into),
                offer: ids[5].clone(),
            },
            change,
        };
        let url = route.to_url(&base);
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        // The start page with an offer is the text message's link to the held time.
        let expected = match route.step {
            Step::Start if route.choices.offer.is_some() => Route { step: Step::Offer, ..route },
            _ => route,
        };
        prop_assert_eq!(Route::from_url(&base, path, query), expected, "{}", url);
    }
}

/// Every step. The exhaustive `match` stops compiling when a step is added, so the list
/// cannot silently fall behind.
fn all_steps() -> Vec<Step> {
    let steps = booking_domain::journey::ALL.to_vec();
    for step in &steps {
        match step {
            Step::Start
            | Step::Service
            | Step::Band
            | Step::Locality
            | Step::Slot
            | Step::Screening
            | Step::Urgent
            | Step::WhoFor
            | Step::Booker
            | Step::Support
            | Step::Needs
            | Step::Details
            | Step::Check
            | Step::Confirmation
            | Step::Accessibility
            | Step::NotFound
            | Step::ManageFind
            | Step::ManageBooking
            | Step::ManageCancel
            | Step::ManageCancelled
            | Step::ManageSlot
            | Step::ManageCheck
            | Step::ManageChanged
            | Step::Offer
            | Step::AlertWhere
            | Step::AlertBefore
            | Step::AlertDetails
            | Step::AlertCheck
            | Step::AlertSet
            | Step::AlertStop => {}
        }
    }
    steps
}

/// What `from_url` keeps as an id: non-empty, no surrounding whitespace, at most 64 bytes.
fn route_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,20}",
        any::<String>(),
        prop::sample::select(HOSTILE).prop_map(str::to_string),
    ]
    .prop_filter("a keepable id", |s| {
        !s.is_empty() && s.len() <= 64 && s.trim() == s
    })
}

#[test]
fn the_form_survives_extreme_dates_of_today() {
    let form = DetailsForm {
        given_name: "Siân".into(),
        family_name: "O'Neill".into(),
        dob_day: "31".into(),
        dob_month: "12".into(),
        dob_year: "9999".into(),
        nhs_number: "9434765919".into(),
        ..DetailsForm::default()
    };
    for today in [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
    ] {
        let _ = form.validate(today);
    }
}

proptest! {
    #![proptest_config(config(300))]

    /// A typed booking reference is normalised or refused, never a panic (a panic in the
    /// browser aborts the whole app).
    #[test]
    fn any_typed_reference_is_normalised_or_refused(
        typed in prop_oneof![
            any::<String>(),
            "[a-zA-Zé -]{0,4}[a-zA-Z0-9éÉß–— -]{0,9}",
            "[A-Za-z]{3}[- ]?[A-Za-z0-9]{6}",
        ],
    ) {
        if let Ok(reference) = normalise_reference(&typed) {
            let b = reference.as_bytes();
            prop_assert!(b.len() == 10 && b[3] == b'-', "{}", reference);
            prop_assert!(b[..3].iter().all(u8::is_ascii_uppercase), "{}", reference);
            prop_assert!(b[4..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()), "{}", reference);
            prop_assert_eq!(normalise_reference(&reference), Ok(reference.clone()));
        }
    }
}

#[test]
fn a_reference_with_a_multibyte_letter_is_refused_not_a_panic() {
    for typed in ["abé12345", "phé123456", "PHY-7K3Q9É", "ßb1234567"] {
        assert!(normalise_reference(typed).is_err(), "{typed:?}");
    }
}
