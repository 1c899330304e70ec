//! Booking rules beyond the schema: what a booking, cancel or reschedule does to the free slots,
//! cancel windows across the clock change, and the patient checks.

mod common;

use common::{booking_body, Api};
use serde_json::{json, Value};

const NOW: &str = "2027-03-15T09:07:00Z";
const STN: &str = "service=physio-msk&band=band-6&locality=st-neots";
const MAIN: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

async fn next_available(api: &Api, locality: &str) -> Value {
    let r = api
        .get("/api/localities?service=physio-msk&band=band-6")
        .await;
    (r.json["localities"].as_array().unwrap().iter())
        .find(|l| l["id"] == locality)
        .unwrap()["next_available"]
        .clone()
}

#[tokio::test]
async fn a_booked_slot_leaves_slots_and_next_available() {
    let api = Api::frozen(NOW);
    let first = api.first_free_slot(STN, "2027-03-15", "2027-04-14").await;
    assert_eq!(next_available(&api, "st-neots").await, first["start"]);
    let r = api
        .post(
            "/api/bookings",
            Some("k"),
            &booking_body(first["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.json["locality"]["id"], "st-neots");
    let now_first = api.first_free_slot(STN, "2027-03-15", "2027-04-14").await;
    assert_ne!(now_first["id"], first["id"]);
    assert_eq!(next_available(&api, "st-neots").await, now_first["start"]);
    assert_eq!(r.json["locality"]["next_available"], now_first["start"]);
}

#[tokio::test]
async fn cancel_before_is_a_day_earlier_at_the_clinic_offset_even_across_the_change() {
    let api = Api::frozen(NOW);
    // Monday after the clocks go forward on Sunday 28 March.
    let slot = api.first_free_slot(MAIN, "2027-03-29", "2027-03-29").await;
    let start = slot["start"].as_str().unwrap();
    assert!(start.ends_with("+01:00"));
    let r = api
        .post(
            "/api/bookings",
            Some("k"),
            &booking_body(slot["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(
        r.json["cancel_before"],
        format!("2027-03-28{}", &start[10..])
    );
    // Friday before: both sides in winter time.
    let slot = api.first_free_slot(MAIN, "2027-03-26", "2027-03-26").await;
    let r = api
        .post(
            "/api/bookings",
            Some("k2"),
            &booking_body(slot["id"].as_str().unwrap()),
        )
        .await;
    let start = slot["start"].as_str().unwrap();
    assert_eq!(
        r.json["cancel_before"],
        format!("2027-03-25{}", &start[10..])
    );
}

#[tokio::test]
async fn cancelling_frees_the_slot_and_can_be_repeated() {
    let api = Api::frozen(NOW);
    let dob = json!({ "date_of_birth": "1958-02-28" });
    let before = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
        .await
        .json;
    let day = before["slot"]["start"].as_str().unwrap()[..10].to_string();
    assert!(!api
        .all_slots(MAIN, &day, &day)
        .await
        .contains(&before["slot"]));
    let first = api
        .post("/api/bookings/phy-4b7k2m/cancel", None, &dob)
        .await;
    assert_eq!(
        (first.status, &first.json["status"]),
        (200, &json!("cancelled"))
    );
    assert!(api
        .all_slots(MAIN, &day, &day)
        .await
        .contains(&before["slot"]));
    let second = api
        .post("/api/bookings/PHY-4B7K2M/cancel", None, &dob)
        .await;
    assert_eq!(
        (second.status, &second.json["status"]),
        (200, &json!("cancelled"))
    );
    assert_eq!(second.json["slot"], first.json["slot"]);
    let r = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
        .await;
    assert_eq!(r.json["status"], "cancelled");
}

#[tokio::test]
async fn rescheduling_keeps_the_original_until_the_new_slot_is_held() {
    let api = Api::frozen(NOW);
    let uri = "/api/bookings/PHY-4B7K2M/reschedule";
    let original = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
        .await
        .json;

    // Someone else has the wanted slot: 409 and nothing changes.
    let wanted = api.first_free_slot(MAIN, "2027-03-30", "2027-03-30").await;
    let wanted_id = wanted["id"].as_str().unwrap();
    api.post(&format!("/__demo/take-slot/{wanted_id}"), None, &json!({}))
        .await;
    let body = json!({ "date_of_birth": "1958-02-28", "slot_id": wanted_id });
    let r = api.post(uri, Some("m1"), &body).await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    let after = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
        .await
        .json;
    assert_eq!(after, original);
    let day = original["slot"]["start"].as_str().unwrap()[..10].to_string();
    assert!(
        !api.all_slots(MAIN, &day, &day)
            .await
            .contains(&original["slot"]),
        "still held"
    );

    // A free slot: moved, old slot freed, new one gone from the list.
    let free = api.first_free_slot(MAIN, "2027-03-31", "2027-04-09").await;
    let body = json!({ "date_of_birth": "1958-02-28", "slot_id": free["id"] });
    let r = api.post(uri, Some("m2"), &body).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        (r.json["reference"].as_str(), &r.json["slot"]),
        (Some("PHY-4B7K2M"), &free)
    );
    assert!(
        api.all_slots(MAIN, &day, &day)
            .await
            .contains(&original["slot"]),
        "old slot freed"
    );
    assert!(!api
        .all_slots(MAIN, "2027-03-31", "2027-04-09")
        .await
        .contains(&free));
    // Retried with the same key: the same answer, nothing moves again.
    let again = api.post(uri, Some("m2"), &body).await;
    assert_eq!((again.status, &again.json), (200, &r.json));
    // The same key for another slot is a conflict.
    let other = api.first_free_slot(MAIN, "2027-04-12", "2027-04-16").await;
    let r = api
        .post(
            uri,
            Some("m2"),
            &json!({ "date_of_birth": "1958-02-28", "slot_id": other["id"] }),
        )
        .await;
    assert_eq!((r.status, r.code()), (409, "conflict"));
    // Inside 24 hours it cannot move.
    let r = api
        .post(
            "/api/bookings/PHY-9TQ4XW/reschedule",
            Some("m3"),
            &json!({ "date_of_birth": "1972-11-05", "slot_id": other["id"] }),
        )
        .await;
    assert_eq!((r.status, r.code()), (409, "booking_window_closed"));
}

/// A change to the patient, and the one field it should be refused on (None: accepted).
type Case = (fn(&mut Value), Option<&'static str>);

#[tokio::test]
async fn patient_details_are_checked() {
    let api = Api::frozen(NOW);
    let slots = api.all_slots(MAIN, "2027-03-23", "2027-03-26").await;
    let mut n = 0;
    let mut try_patient = |change: fn(&mut Value)| {
        let mut body = booking_body(slots[n]["id"].as_str().unwrap());
        n += 1;
        change(&mut body["patient"]);
        (body, format!("key-{n}"))
    };
    let cases: Vec<Case> = vec![
        (|p| p["given_name"] = json!("x".repeat(35)), None),
        (
            |p| p["given_name"] = json!(format!(" {} ", "é".repeat(35))),
            None,
        ),
        (
            |p| p["given_name"] = json!("x".repeat(36)),
            Some("patient.given_name"),
        ),
        (
            |p| p["family_name"] = json!(null),
            Some("patient.family_name"),
        ),
        (
            |p| p["date_of_birth"] = json!("2027-03-15"),
            Some("patient.date_of_birth"),
        ),
        (|p| p["date_of_birth"] = json!("2027-03-14"), None),
        (
            |p| p["date_of_birth"] = json!("1958-02-30"),
            Some("patient.date_of_birth"),
        ),
        (
            |p| p["nhs_number"] = json!("943 476 5919"),
            Some("patient.nhs_number"),
        ),
        (
            |p| p["nhs_number"] = json!(9434765919u64),
            Some("patient.nhs_number"),
        ),
        (
            |p| {
                p["nhs_number"] = json!(null);
                p["phone"] = json!("07700 900123");
            },
            None,
        ),
        (
            |p| {
                p["nhs_number"] = json!(null);
                p["phone"] = json!("");
            },
            Some("patient.phone"),
        ),
        (
            |p| {
                p.as_object_mut().unwrap().remove("nhs_number");
                p["phone"] = json!(null);
            },
            Some("patient.phone"),
        ),
        (|p| p["email"] = json!("siân@example.co.uk"), None),
        (
            |p| p["email"] = json!("a@@example.com"),
            Some("patient.email"),
        ),
        (|p| p["email"] = json!("a@example"), Some("patient.email")),
    ];
    for (change, field) in cases {
        let (body, key) = try_patient(change);
        let r = api.post("/api/bookings", Some(&key), &body).await;
        match field {
            None => assert_eq!(r.status, 201, "{}: {}", body["patient"], r.text),
            Some(f) => {
                assert_eq!(r.status, 422, "{}", body["patient"]);
                let fields = r.json["error"]["fields"].as_object().unwrap();
                assert_eq!(
                    fields.keys().collect::<Vec<_>>(),
                    [f],
                    "{}",
                    body["patient"]
                );
            }
        }
    }
}

#[tokio::test]
async fn slots_that_have_started_cannot_be_booked() {
    // 08:30 today is in the seed but has started by 09:07.
    let store = demo_api::store::Store::new(
        demo_api::seed::DEFAULT_SEED,
        demo_api::clock::Clock::Fixed(common::at(NOW)),
        200,
    );
    let past = (store.data.slots.iter())
        .find(|s| s.start < common::at(NOW) && !store.data.taken.contains(&s.id))
        .expect("an unbooked slot earlier today")
        .id
        .clone();
    let api = Api::frozen(NOW);
    let r = api
        .post("/api/bookings", Some("k"), &booking_body(&past))
        .await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
}

#[tokio::test]
async fn a_key_may_be_used_again_after_an_error_but_not_after_a_booking() {
    let api = Api::frozen(NOW);
    let slots = api.all_slots(MAIN, "2027-03-23", "2027-03-23").await;
    let mut body = booking_body(slots[0]["id"].as_str().unwrap());
    body["patient"]["nhs_number"] = json!("9434765918");
    let r = api.post("/api/bookings", Some("attempt"), &body).await;
    assert_eq!(r.status, 422);
    // Corrected and sent again under the same key: booked.
    body["patient"]["nhs_number"] = json!("9434765919");
    let booked = api.post("/api/bookings", Some("attempt"), &body).await;
    assert_eq!(booked.status, 201);
    // Now the key is spent on that booking.
    let other = booking_body(slots[1]["id"].as_str().unwrap());
    let r = api.post("/api/bookings", Some("attempt"), &other).await;
    assert_eq!((r.status, r.code()), (409, "conflict"));
    let again = api.post("/api/bookings", Some("attempt"), &body).await;
    assert_eq!(again.json, booked.json);
}
