//! Version 1.1 `slot_alerts`: which freed times an alert is offered, holds that run out and pass
//! on, stopping, idempotent alerts, booking and rescheduling with an offer, the text messages,
//! 1.0 without any of it, and 200 alerts racing for 20 freed times. Every API answer of the new
//! endpoints is checked against openapi.yaml as in conformance.rs.

mod common;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use chrono::Duration;
use common::{at, booking_body, http, serve, Api, Binary, Reply, Spec};
use demo_api::clock::Clock;
use demo_api::{ApiVersion, App, Config};
use serde_json::{json, Value};

const NOW: &str = "2027-03-15T09:07:00Z";
const MAIN: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";
const ST_NEOTS: &str = "service=physio-msk&band=band-6&locality=st-neots";
/// The date of birth `booking_body` books with.
const BOOKER_DOB: &str = "1958-02-28";

/// A server with a frozen clock, the test controls on, and a handle to move the clock.
fn server() -> (Arc<App>, Api) {
    let app = Arc::new(App::new(Config {
        now: Some(at(NOW)),
        test_controls: true,
        ..Config::default()
    }));
    (app.clone(), Api::over(app))
}

/// Moves the frozen clock on.
fn advance(app: &App, seconds: i64) {
    let mut store = app.store();
    store.clock = Clock::Fixed(store.clock.now() + Duration::seconds(seconds));
}

fn alert_body(band: &str, locality: Option<&str>, before: &str, dob: &str, phone: &str) -> Value {
    json!({
        "service": "physio-msk", "band": band, "locality": locality, "before": before,
        "patient": { "given_name": "Amir", "family_name": "Khan", "date_of_birth": dob,
                     "phone": phone } })
}

async fn create_alert(api: &Api, key: &str, body: &Value) -> String {
    let r = api.post("/api/slot-alerts", Some(key), body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    r.json["alert"].as_str().unwrap().to_string()
}

async fn free_slots(api: &Api, filter: &str, day: &str) -> Vec<Value> {
    api.all_slots(filter, day, day).await
}

/// Books the slot (as the patient of `booking_body`) and cancels it again, so it is freed.
async fn free_up(api: &Api, slot: &Value) {
    static KEYS: AtomicUsize = AtomicUsize::new(0);
    let id = slot["id"].as_str().unwrap();
    let key = format!("free-{}", KEYS.fetch_add(1, Ordering::Relaxed));
    let r = api
        .post("/api/bookings", Some(&key), &booking_body(id))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let reference = r.json["reference"].as_str().unwrap();
    let r = api
        .post(
            &format!("/api/bookings/{reference}/cancel"),
            None,
            &json!({ "date_of_birth": BOOKER_DOB }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}

async fn listed(api: &Api, filter: &str, slot: &Value) -> bool {
    let day = &slot["start"].as_str().unwrap()[..10];
    free_slots(api, filter, day)
        .await
        .iter()
        .any(|s| s["id"] == slot["id"])
}

async fn demo_alerts(api: &Api) -> Value {
    let r = api.get("/__demo/alerts").await;
    assert_eq!(r.status, 200);
    r.json
}

/// The live hold of an alert: (offer code, slot id), or None.
async fn hold_of(api: &Api, alert: &str) -> Option<(String, String)> {
    let alerts = demo_alerts(api).await;
    let a = (alerts["alerts"].as_array().unwrap().iter())
        .find(|a| a["alert"] == alert)
        .expect("the alert exists");
    (a["hold"].is_object()).then(|| {
        (
            a["hold"]["code"].as_str().unwrap().to_string(),
            a["hold"]["slot_id"].as_str().unwrap().to_string(),
        )
    })
}

async fn messages(api: &Api) -> Vec<Value> {
    let r = api.get("/__demo/outbox").await;
    assert_eq!(r.status, 200);
    r.json["messages"].as_array().unwrap().clone()
}

async fn messages_of(api: &Api, alert: &str, kind: &str) -> Vec<Value> {
    (messages(api).await.into_iter())
        .filter(|m| m["alert"] == alert && m["kind"] == kind)
        .collect()
}

fn field_names(r: &Reply) -> Vec<String> {
    (r.json["error"]["fields"].as_object())
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

fn offer_booking(slot_id: &str, code: &str, dob: &str) -> Value {
    let mut body = booking_body(slot_id);
    body["patient"]["date_of_birth"] = json!(dob);
    body["offer"] = json!(code);
    body
}

// ---- matching ----

#[tokio::test]
async fn a_time_for_another_band_is_not_offered() {
    let (_, api) = server();
    let band7 = create_alert(
        &api,
        "a",
        &alert_body(
            "band-7",
            Some("hinchingbrooke"),
            "2027-04-30",
            "1990-06-15",
            "07700 900456",
        ),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    free_up(&api, &slot).await;
    assert_eq!(hold_of(&api, &band7).await, None);
    assert!(listed(&api, MAIN, &slot).await, "free for anyone");
    assert!(messages_of(&api, &band7, "offer_held").await.is_empty());
}

#[tokio::test]
async fn a_time_at_another_place_is_not_offered_and_any_place_takes_it() {
    let (_, api) = server();
    let dob = "1990-06-15";
    // Made first, but for another site.
    let st_neots = create_alert(
        &api,
        "a",
        &alert_body(
            "band-6",
            Some("st-neots"),
            "2027-04-30",
            dob,
            "07700 900456",
        ),
    )
    .await;
    let anywhere = create_alert(
        &api,
        "b",
        &alert_body("band-6", None, "2027-04-30", dob, "07700 900457"),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    free_up(&api, &slot).await;
    assert_eq!(hold_of(&api, &st_neots).await, None);
    let (_, held) = hold_of(&api, &anywhere).await.expect("any place matches");
    assert_eq!(held, slot["id"].as_str().unwrap());
    assert!(!listed(&api, MAIN, &slot).await, "held, so not listed");

    // A St Neots time now goes to the St Neots alert (the other already holds one).
    let there = free_slots(&api, ST_NEOTS, "2027-03-24").await.remove(0);
    free_up(&api, &there).await;
    let (_, held) = hold_of(&api, &st_neots).await.expect("its own site");
    assert_eq!(held, there["id"].as_str().unwrap());
}

#[tokio::test]
async fn a_time_on_the_before_date_is_not_offered() {
    let (_, api) = server();
    let alert = create_alert(
        &api,
        "a",
        &alert_body(
            "band-6",
            Some("hinchingbrooke"),
            "2027-03-24",
            "1990-06-15",
            "07700 900456",
        ),
    )
    .await;
    // On the date itself: too late.
    let on = free_slots(&api, MAIN, "2027-03-24").await.remove(0);
    free_up(&api, &on).await;
    assert_eq!(hold_of(&api, &alert).await, None);
    assert!(listed(&api, MAIN, &on).await);
    // The last minute of the day before is still before it.
    let before = free_slots(&api, MAIN, "2027-03-23").await.pop().unwrap();
    free_up(&api, &before).await;
    let (_, held) = hold_of(&api, &alert).await.expect("the day before matches");
    assert_eq!(held, before["id"].as_str().unwrap());
}

#[tokio::test]
async fn an_alert_with_a_booking_only_gets_earlier_times() {
    let spec = Spec::load();
    let (_, api) = server();
    let booked_slot = free_slots(&api, MAIN, "2027-04-08").await.remove(0);
    let r = api
        .post(
            "/api/bookings",
            Some("mine"),
            &booking_body(booked_slot["id"].as_str().unwrap()),
        )
        .await;
    let reference = r.json["reference"].as_str().unwrap().to_string();
    // `before` left out: the booking's day.
    let mut body = alert_body("band-6", None, "2027-04-08", BOOKER_DOB, "+44 7700 900123");
    body.as_object_mut().unwrap().remove("before");
    body["booking"] = json!(reference.to_lowercase());
    let r = api.post("/api/slot-alerts", Some("a"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    spec.check("POST", "/slot-alerts", &r);
    assert_eq!(r.json["expires"], "2027-04-08");
    let alert = r.json["alert"].as_str().unwrap().to_string();

    // The patient moves the booking earlier themselves; the alert now wants times before that.
    let earlier = free_slots(&api, MAIN, "2027-03-25").await.remove(0);
    let r = api
        .post(
            &format!("/api/bookings/{reference}/reschedule"),
            Some("m"),
            &json!({ "date_of_birth": BOOKER_DOB, "slot_id": earlier["id"] }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    // The old time (2027-04-08) was freed: on the `before` date, so not offered.
    assert_eq!(hold_of(&api, &alert).await, None);
    // Before `before` but after the booking: not offered.
    let later = free_slots(&api, MAIN, "2027-03-30").await.remove(0);
    free_up(&api, &later).await;
    assert_eq!(hold_of(&api, &alert).await, None);
    assert!(listed(&api, MAIN, &later).await);
    // Earlier than the booking: offered, naming the booking to move.
    let sooner = free_slots(&api, MAIN, "2027-03-19").await.remove(0);
    free_up(&api, &sooner).await;
    let (code, held) = hold_of(&api, &alert).await.expect("an earlier time");
    assert_eq!(held, sooner["id"].as_str().unwrap());
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/offers/{code}", &r);
    assert_eq!(r.json["booking"], reference.as_str());
    let text = &messages_of(&api, &alert, "offer_held").await[0]["text"];
    assert!(
        text.as_str().unwrap().contains(&reference),
        "the text names the booking: {text}"
    );
}

// ---- holds ----

#[tokio::test]
async fn a_hold_that_runs_out_passes_to_the_next_alert_then_back_to_the_public() {
    let spec = Spec::load();
    let (app, api) = server();
    let r = api
        .post("/__demo/hold-seconds", None, &json!({ "seconds": 600 }))
        .await;
    assert_eq!((r.status, &r.json), (200, &json!({ "seconds": 600 })));
    let first = create_alert(
        &api,
        "a",
        &alert_body("band-6", None, "2027-04-30", "1990-06-15", "07700 900001"),
    )
    .await;
    let second = create_alert(
        &api,
        "b",
        &alert_body(
            "band-6",
            Some("hinchingbrooke"),
            "2027-04-30",
            "1980-01-01",
            "07700 900002",
        ),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    free_up(&api, &slot).await;

    // Held for the alert made first, for 600 s, at the clinic's offset.
    let (code, _) = hold_of(&api, &first).await.expect("held for the first");
    assert_eq!(hold_of(&api, &second).await, None);
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/offers/{code}", &r);
    assert_eq!(r.json["held_until"], "2027-03-15T09:17:00+00:00");
    assert_eq!(r.json["slot"], slot);
    assert_eq!(r.json["service"]["id"], "physio-msk");
    assert_eq!(r.json["locality"]["id"], "hinchingbrooke");
    assert!(!listed(&api, MAIN, &slot).await);

    // One second before held_until: still held.
    advance(&app, 599);
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 200);
    // At held_until it passes on, to the next alert that wants it.
    advance(&app, 1);
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!(r.status, 404);
    spec.check("GET", "/offers/{code}", &r);
    let (code2, held) = hold_of(&api, &second).await.expect("passed on");
    assert_eq!(held, slot["id"].as_str().unwrap());
    assert_ne!(code2, code);
    assert_eq!(hold_of(&api, &first).await, None);
    let gone = messages_of(&api, &first, "hold_expired").await;
    assert_eq!(gone.len(), 1);
    assert!(gone[0]["text"]
        .as_str()
        .unwrap()
        .contains("your alert is still on"));
    assert_eq!(gone[0]["to"], "07700 900001");
    assert!(!listed(&api, MAIN, &slot).await);

    // The first alert is not offered the same freed time again: back to the public.
    advance(&app, 600);
    assert_eq!(hold_of(&api, &second).await, None);
    assert_eq!(hold_of(&api, &first).await, None);
    assert!(listed(&api, MAIN, &slot).await, "listed in /slots again");
    assert_eq!(messages_of(&api, &second, "hold_expired").await.len(), 1);
    let alerts = demo_alerts(&api).await;
    let states: Vec<&Value> = (alerts["alerts"].as_array().unwrap().iter())
        .map(|a| &a["state"])
        .collect();
    assert_eq!(
        states,
        [&json!("active"), &json!("active")],
        "both still on"
    );

    // Freed again later (booked and cancelled): a new chance for both.
    free_up(&api, &slot).await;
    assert!(hold_of(&api, &first).await.is_some());
}

#[tokio::test]
async fn a_hold_never_outlasts_the_start_of_its_time() {
    let (app, api) = server();
    // Two days: longer than the time has left before it starts.
    api.post("/__demo/hold-seconds", None, &json!({ "seconds": 172_800 }))
        .await;
    let alert = create_alert(
        &api,
        "a",
        &alert_body("band-6", None, "2027-04-30", "1990-06-15", "07700 900001"),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-17").await.remove(0);
    free_up(&api, &slot).await;
    let (code, _) = hold_of(&api, &alert).await.unwrap();
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!(r.json["held_until"], slot["start"], "held until it starts");
    let start = at(slot["start"].as_str().unwrap());
    app.store().clock = Clock::Fixed(start - Duration::seconds(1));
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 200);
    advance(&app, 1);
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 404);
    assert_eq!(hold_of(&api, &alert).await, None);
    assert_eq!(messages_of(&api, &alert, "hold_expired").await.len(), 1);
}

#[tokio::test]
async fn stopping_an_alert_releases_its_hold() {
    let (_, api) = server();
    let first = create_alert(
        &api,
        "a",
        &alert_body("band-6", None, "2027-04-30", "1990-06-15", "07700 900001"),
    )
    .await;
    let second = create_alert(
        &api,
        "b",
        &alert_body("band-6", None, "2027-04-30", "1980-01-01", "07700 900002"),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    free_up(&api, &slot).await;
    let (code, _) = hold_of(&api, &first).await.unwrap();

    // Wrong date of birth and unknown alert: the same 404, nothing stopped.
    let wrong = api
        .delete(&format!(
            "/api/slot-alerts/{first}?date_of_birth=1980-01-01"
        ))
        .await;
    let unknown = api
        .delete("/api/slot-alerts/ALT-ZZZZZZ?date_of_birth=1990-06-15")
        .await;
    assert_eq!((wrong.status, wrong.code()), (404, "not_found"));
    assert_eq!(wrong.json, unknown.json);
    assert!(hold_of(&api, &first).await.is_some());

    let r = api
        .delete(&format!(
            "/api/slot-alerts/{first}?date_of_birth=1990-06-15"
        ))
        .await;
    assert_eq!((r.status, r.text.as_str()), (204, ""));
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 404);
    let (_, held) = hold_of(&api, &second)
        .await
        .expect("goes to the next alert");
    assert_eq!(held, slot["id"].as_str().unwrap());
    // Stopping twice is harmless; a stopped alert is never offered anything again.
    let r = api
        .delete(&format!(
            "/api/slot-alerts/{first}?date_of_birth=1990-06-15"
        ))
        .await;
    assert_eq!(r.status, 204);

    let r = api
        .delete(&format!(
            "/api/slot-alerts/{second}?date_of_birth=1980-01-01"
        ))
        .await;
    assert_eq!(r.status, 204);
    assert!(listed(&api, MAIN, &slot).await, "back to the public");
    let other = free_slots(&api, MAIN, "2027-03-24").await.remove(0);
    free_up(&api, &other).await;
    let alerts = demo_alerts(&api).await;
    assert!(alerts["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["state"] == "stopped" && a["hold"].is_null()));
}

// ---- making alerts ----

#[tokio::test]
async fn the_same_key_makes_one_alert() {
    let spec = Spec::load();
    let (_, api) = server();
    let body = alert_body(
        "band-6",
        Some("hinchingbrooke"),
        "2027-04-12",
        "1990-06-15",
        "07700 900456",
    );
    let first = api.post("/api/slot-alerts", Some("k"), &body).await;
    assert_eq!(first.status, 201, "{}", first.text);
    spec.check("POST", "/slot-alerts", &first);
    let alert = first.json["alert"].as_str().unwrap();
    assert!(
        alert.starts_with("ALT-") && alert.len() == 10,
        "{alert}: ALT- and six characters"
    );
    assert_eq!(first.json["expires"], "2027-04-12");
    let again = api.post("/api/slot-alerts", Some("k"), &body).await;
    assert_eq!((again.status, &again.json), (201, &first.json));
    assert_eq!(
        demo_alerts(&api).await["alerts"].as_array().unwrap().len(),
        1
    );
    let created = messages_of(&api, alert, "alert_created").await;
    assert_eq!(created.len(), 1, "texted once");
    let text = created[0]["text"].as_str().unwrap();
    assert!(text.starts_with("We will text you if an earlier time comes up"));
    assert!(text.contains(alert) && text.contains("To stop"), "{text}");

    let mut other = body.clone();
    other["patient"]["phone"] = json!("07700 900999");
    let r = api.post("/api/slot-alerts", Some("k"), &other).await;
    assert_eq!((r.status, r.code()), (409, "conflict"));
    spec.check("POST", "/slot-alerts", &r);
    let r = api.post("/api/slot-alerts", None, &body).await;
    assert_eq!((r.status, r.code()), (400, "validation_failed"));
    let req = Request::post("/api/slot-alerts")
        .header("Idempotency-Key", "j")
        .body(Body::from("{not json"))
        .unwrap();
    let r = api.send(req).await;
    assert_eq!((r.status, r.code()), (400, "validation_failed"));
    spec.check("POST", "/slot-alerts", &r);
    // A new key is a new alert.
    let r = api.post("/api/slot-alerts", Some("k2"), &body).await;
    assert_eq!(r.status, 201);
    assert_ne!(r.json["alert"], first.json["alert"]);
}

#[tokio::test]
async fn alert_details_are_checked() {
    let spec = Spec::load();
    let (_, api) = server();
    let good = || {
        alert_body(
            "band-6",
            Some("hinchingbrooke"),
            "2027-04-12",
            "1958-02-28",
            "07700 900456",
        )
    };
    /// A change to a good body, and the fields the 422 names.
    type Case = (fn(&mut Value), &'static [&'static str]);
    let cases: Vec<Case> = vec![
        (|b| b["before"] = json!("2027-03-15"), &["before"]),
        (|b| b["before"] = json!("12/04/2027"), &["before"]),
        (
            |b| {
                b.as_object_mut().unwrap().remove("before");
            },
            &["before"],
        ),
        (
            |b| b["patient"]["phone"] = json!("01480 123456"),
            &["patient.phone"],
        ),
        (|b| b["patient"]["phone"] = Value::Null, &["patient.phone"]),
        (
            |b| b["patient"]["given_name"] = json!(" "),
            &["patient.given_name"],
        ),
        (
            |b| b["patient"]["date_of_birth"] = json!("2030-01-01"),
            &["patient.date_of_birth"],
        ),
        (|b| b["service"] = json!("dentistry"), &["service"]),
        (|b| b["band"] = json!("band-9"), &["band"]),
        (|b| b["band"] = Value::Null, &["band"]),
        (|b| b["locality"] = json!("atlantis"), &["locality"]),
        // Ely has podiatry clinics only.
        (|b| b["locality"] = json!("ely"), &["locality"]),
        (|b| b["locality"] = json!(7), &["locality"]),
        (|b| b["booking"] = json!("PHY-ZZZZZZ"), &["booking"]),
        // Right reference, wrong date of birth: the same answer.
        (|b| b["booking"] = json!("PHY-CX3N8R"), &["booking"]),
        // Cancelled.
        (
            |b| {
                b["booking"] = json!("PHY-CX3N8R");
                b["patient"]["date_of_birth"] = json!("1990-06-15");
            },
            &["booking"],
        ),
        // Less than 24 hours away.
        (
            |b| {
                b["booking"] = json!("PHY-9TQ4XW");
                b["patient"]["date_of_birth"] = json!("1972-11-05");
            },
            &["booking"],
        ),
        // Another band than the booking's.
        (
            |b| {
                b["booking"] = json!("PHY-4B7K2M");
                b["band"] = json!("band-7");
            },
            &["booking"],
        ),
        // After the booking's day (PHY-4B7K2M is about three weeks ahead).
        (
            |b| {
                b["booking"] = json!("PHY-4B7K2M");
                b["before"] = json!("2027-05-01");
            },
            &["before"],
        ),
        (
            |b| *b = json!({ "patient": "me" }),
            &[
                "band",
                "before",
                "patient.date_of_birth",
                "patient.family_name",
                "patient.given_name",
                "patient.phone",
                "service",
            ],
        ),
    ];
    for (i, (change, fields)) in cases.into_iter().enumerate() {
        let mut body = good();
        change(&mut body);
        let r = api
            .post("/api/slot-alerts", Some(&format!("bad-{i}")), &body)
            .await;
        assert_eq!((r.status, r.code()), (422, "validation_failed"), "{body}");
        spec.check("POST", "/slot-alerts", &r);
        assert_eq!(field_names(&r), fields, "{body}");
    }
    assert!(demo_alerts(&api).await["alerts"]
        .as_array()
        .unwrap()
        .is_empty());

    // The fully booked band 7 site is just where an alert helps; null is any site.
    let mut body = good();
    body["band"] = json!("band-7");
    body["locality"] = json!("doddington");
    assert_eq!(
        api.post("/api/slot-alerts", Some("ok-1"), &body)
            .await
            .status,
        201
    );
    // With a booking: one active alert for it.
    let mut body = good();
    body["booking"] = json!("PHY-4B7K2M");
    body["before"] = json!("2027-04-05");
    body["locality"] = Value::Null;
    let r = api.post("/api/slot-alerts", Some("ok-2"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    let r = api.post("/api/slot-alerts", Some("ok-3"), &body).await;
    assert_eq!((r.status, r.code()), (409, "conflict"));
    spec.check("POST", "/slot-alerts", &r);
}

// ---- taking an offer ----

#[tokio::test]
async fn booking_with_the_offer_needs_only_the_date_of_birth() {
    let spec = Spec::load();
    let (_, api) = server();
    let dob = "1990-06-15";
    let alert = create_alert(
        &api,
        "a",
        &alert_body("band-6", None, "2027-04-30", dob, "07700 900456"),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    let slot_id = slot["id"].as_str().unwrap();
    free_up(&api, &slot).await;
    let (code, _) = hold_of(&api, &alert).await.unwrap();
    // What the app sends from the text message's link: the name and phone are the alert's.
    let body = json!({ "slot_id": slot_id, "offer": code, "patient": { "date_of_birth": dob },
                       "channel": "online", "source": "sms-offer" });
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/OfferBookingRequest" }),
        &body,
        true,
        "booking with an offer and only the date of birth",
    );
    let mut wrong = body.clone();
    wrong["patient"]["date_of_birth"] = json!("1990-06-16");
    let r = api.post("/api/bookings", Some("wrong"), &wrong).await;
    assert_eq!(field_names(&r), ["patient.date_of_birth"]);
    let booked = api.post("/api/bookings", Some("mine"), &body).await;
    assert_eq!(booked.status, 201, "{}", booked.text);
    spec.check("POST", "/bookings", &booked);
    assert_eq!(booked.json["slot"], slot);
    // The offer again, now used: the time is gone (409), not a booking without a name (422).
    let r = api.post("/api/bookings", Some("used"), &body).await;
    assert_eq!(
        (r.status, r.json["error"]["code"].as_str()),
        (409, Some("slot_unavailable")),
        "{}",
        r.text
    );
    // Without an offer the short body is a booking without a name.
    let r = api
        .post(
            "/api/bookings",
            Some("again"),
            &json!({ "slot_id": slot_id,
        "patient": { "date_of_birth": dob } }),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text);
}

#[tokio::test]
async fn booking_with_the_offer() {
    let spec = Spec::load();
    let (_, api) = server();
    let dob = "1990-06-15";
    let alert = create_alert(
        &api,
        "a",
        &alert_body("band-6", None, "2027-04-30", dob, "07700 900456"),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    let slot_id = slot["id"].as_str().unwrap();
    free_up(&api, &slot).await;
    let (code, _) = hold_of(&api, &alert).await.unwrap();
    let offered = &messages_of(&api, &alert, "offer_held").await[0];
    assert_eq!(offered["link"], format!("/?offer={code}"));
    assert_eq!(offered["to"], "07700 900456");

    // Anyone without the offer finds the time taken.
    let r = api
        .post("/api/bookings", Some("someone"), &booking_body(slot_id))
        .await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    spec.check("POST", "/bookings", &r);
    let r = api
        .post(&format!("/__demo/take-slot/{slot_id}"), None, &json!({}))
        .await;
    assert_eq!(r.status, 409);
    // The offer with another date of birth is refused.
    let r = api
        .post(
            "/api/bookings",
            Some("wrong"),
            &offer_booking(slot_id, &code, "1990-06-16"),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text);
    spec.check("POST", "/bookings", &r);
    assert_eq!(field_names(&r), ["patient.date_of_birth"]);
    // Another time with the offer is refused.
    let other = free_slots(&api, MAIN, "2027-03-24").await.remove(0);
    let r = api
        .post(
            "/api/bookings",
            Some("other"),
            &offer_booking(other["id"].as_str().unwrap(), &code, dob),
        )
        .await;
    assert_eq!(field_names(&r), ["slot_id"]);

    // The right date of birth books it (the code in any case).
    let body = offer_booking(slot_id, &code.to_lowercase(), dob);
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/BookingRequest" }),
        &body,
        true,
        "booking with an offer",
    );
    let booked = api.post("/api/bookings", Some("mine"), &body).await;
    assert_eq!(booked.status, 201, "{}", booked.text);
    spec.check("POST", "/bookings", &booked);
    assert_eq!(booked.json["slot"], slot);
    let again = api.post("/api/bookings", Some("mine"), &body).await;
    assert_eq!((again.status, &again.json), (201, &booked.json), "replayed");

    // Used: the offer is gone and the alert has done its job.
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!((r.status, r.code()), (404, "not_found"));
    spec.check("GET", "/offers/{code}", &r);
    let r = api.post("/api/bookings", Some("twice"), &body).await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    let r = api
        .post(
            "/api/bookings",
            Some("unknown"),
            &offer_booking(other["id"].as_str().unwrap(), "OFZZZZZZ", dob),
        )
        .await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    spec.check("POST", "/bookings", &r);
    let alerts = demo_alerts(&api).await;
    assert_eq!(alerts["alerts"][0]["state"], "used");
    assert_eq!(alerts["holds"][0]["state"], "used");
    let freed = free_slots(&api, MAIN, "2027-03-25").await.remove(0);
    free_up(&api, &freed).await;
    assert_eq!(
        hold_of(&api, &alert).await,
        None,
        "a used alert gets no more"
    );
}

#[tokio::test]
async fn an_offer_to_replace_a_booking_is_taken_by_rescheduling() {
    let spec = Spec::load();
    let (_, api) = server();
    // The patient's booking, and an alert to replace it.
    let mine = free_slots(&api, MAIN, "2027-04-08").await.remove(0);
    let r = api
        .post(
            "/api/bookings",
            Some("mine"),
            &booking_body(mine["id"].as_str().unwrap()),
        )
        .await;
    let reference = r.json["reference"].as_str().unwrap().to_string();
    let mut body = alert_body("band-6", None, "2027-04-08", BOOKER_DOB, "07700 900123");
    body["booking"] = json!(reference);
    let replace = create_alert(&api, "a", &body).await;
    // Someone else's alert, which wants anything before 20 April.
    let other = create_alert(
        &api,
        "b",
        &alert_body("band-6", None, "2027-04-20", "1990-06-15", "07700 900456"),
    )
    .await;

    let earlier = free_slots(&api, MAIN, "2027-03-19").await.remove(0);
    free_up(&api, &earlier).await;
    let (code, _) = hold_of(&api, &replace).await.expect("held to replace it");

    // Not by booking anew, and not for another booking.
    let r = api
        .post(
            "/api/bookings",
            Some("new"),
            &offer_booking(earlier["id"].as_str().unwrap(), &code, BOOKER_DOB),
        )
        .await;
    assert_eq!(field_names(&r), ["offer"], "{}", r.text);
    let r = api
        .post(
            "/api/bookings/PHY-4B7K2M/reschedule",
            Some("m0"),
            &json!({ "date_of_birth": "1958-02-28", "offer": code }),
        )
        .await;
    assert_eq!(field_names(&r), ["offer"], "{}", r.text);
    spec.check("POST", "/bookings/{reference}/reschedule", &r);

    let move_body = json!({ "date_of_birth": BOOKER_DOB, "offer": code });
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/RescheduleRequest" }),
        &move_body,
        true,
        "reschedule with an offer",
    );
    let r = api
        .post(
            &format!("/api/bookings/{reference}/reschedule"),
            Some("m1"),
            &move_body,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    assert_eq!(r.json["slot"], earlier);
    assert_eq!(r.json["reference"], reference.as_str());
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 404);

    // The old time was freed, and went straight to the other alert.
    let (_, held) = hold_of(&api, &other)
        .await
        .expect("the old time, offered on");
    assert_eq!(held, mine["id"].as_str().unwrap());
    assert!(!listed(&api, MAIN, &mine).await);
    assert_eq!(hold_of(&api, &replace).await, None);

    // A used or unknown offer keeps the booking where it is.
    let r = api
        .post(
            &format!("/api/bookings/{reference}/reschedule"),
            Some("m2"),
            &move_body,
        )
        .await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    let r = api
        .get(&format!(
            "/api/bookings/{reference}?date_of_birth={BOOKER_DOB}"
        ))
        .await;
    assert_eq!(r.json["slot"], earlier);
}

#[tokio::test]
async fn cancelling_the_booking_stops_its_alert() {
    let (_, api) = server();
    let mut body = alert_body("band-6", None, "2027-04-05", "1958-02-28", "07700 900123");
    body["booking"] = json!("PHY-4B7K2M");
    let alert = create_alert(&api, "a", &body).await;
    let earlier = free_slots(&api, MAIN, "2027-03-19").await.remove(0);
    free_up(&api, &earlier).await;
    assert!(hold_of(&api, &alert).await.is_some());
    let r = api
        .post(
            "/api/bookings/PHY-4B7K2M/cancel",
            None,
            &json!({ "date_of_birth": "1958-02-28" }),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(hold_of(&api, &alert).await, None);
    assert!(listed(&api, MAIN, &earlier).await);
    assert_eq!(demo_alerts(&api).await["alerts"][0]["state"], "stopped");
}

// ---- 200 alerts, 20 times ----

/// 200 alerts that all want any band 6 physiotherapy time, then 20 booked times cancelled at
/// once over a loopback socket: each time is held for exactly one alert, no alert holds two, and
/// the holds go to the 20 alerts made first.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_alerts_and_twenty_times_freed_at_once() {
    let (_, api) = server();
    let addr = serve(api.router.clone()).await;
    let slots: Vec<Value> = api
        .all_slots(MAIN, "2027-03-19", "2027-04-09")
        .await
        .into_iter()
        .take(20)
        .collect();
    assert_eq!(slots.len(), 20);
    let mut references = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let r = api
            .post(
                "/api/bookings",
                Some(&format!("b{i}")),
                &booking_body(slot["id"].as_str().unwrap()),
            )
            .await;
        assert_eq!(r.status, 201);
        references.push(r.json["reference"].as_str().unwrap().to_string());
    }
    let mut alerts = Vec::new();
    for i in 0..200 {
        let body = alert_body(
            "band-6",
            None,
            "2027-04-30",
            "1990-06-15",
            &format!("07700 9{i:05}"),
        );
        alerts.push(create_alert(&api, &format!("alert-{i}"), &body).await);
    }

    let tasks: Vec<_> = references
        .iter()
        .map(|reference| {
            let path = format!("/api/bookings/{reference}/cancel");
            tokio::spawn(async move {
                let body = json!({ "date_of_birth": BOOKER_DOB }).to_string();
                http(
                    addr,
                    "POST",
                    &path,
                    &[("Content-Type", "application/json")],
                    &body,
                )
                .await
            })
        })
        .collect();
    for t in tasks {
        let (status, json) = t.await.unwrap();
        assert_eq!(status, 200, "{json}");
    }

    let state = demo_alerts(&api).await;
    let holds: Vec<&Value> = (state["holds"].as_array().unwrap().iter())
        .filter(|h| h["state"] == "live")
        .collect();
    assert_eq!(holds.len(), 20, "exactly 20 holds");
    let held_slots: BTreeSet<&str> = holds
        .iter()
        .map(|h| h["slot_id"].as_str().unwrap())
        .collect();
    let freed: BTreeSet<&str> = slots.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(held_slots, freed, "every freed time held, none twice");
    let holders: BTreeSet<&str> = holds.iter().map(|h| h["alert"].as_str().unwrap()).collect();
    assert_eq!(holders.len(), 20, "no alert holds two");
    let first: BTreeSet<&str> = alerts[..20].iter().map(String::as_str).collect();
    assert_eq!(holders, first, "the alerts made first");
    let with_hold = (state["alerts"].as_array().unwrap().iter())
        .filter(|a| a["hold"].is_object())
        .count();
    assert_eq!(with_hold, 20);
    for slot in &slots {
        assert!(!listed(&api, MAIN, slot).await, "held, not listed");
    }
    let offers = (messages(&api).await.into_iter())
        .filter(|m| m["kind"] == "offer_held")
        .count();
    assert_eq!(offers, 20, "one text per hold");
}

// ---- versions, CORS, test controls ----

#[tokio::test]
async fn slot_alerts_are_a_1_1_feature_only() {
    let (_, new) = server();
    let r = new.get("/api/services").await;
    assert!(r.json["features"]
        .as_array()
        .unwrap()
        .contains(&json!("slot_alerts")));

    let old = Api::new(Config {
        now: Some(at(NOW)),
        test_controls: true,
        api_version: ApiVersion::V1_0,
        ..Config::default()
    });
    let r = old.get("/api/services").await;
    assert!(r.json.get("features").is_none());
    let body = alert_body("band-6", None, "2027-04-30", "1990-06-15", "07700 900456");
    let not_found = old.get("/api/nothing-here").await;
    for r in [
        old.post("/api/slot-alerts", Some("k"), &body).await,
        old.delete("/api/slot-alerts/ALT-AAAAAA?date_of_birth=1990-06-15")
            .await,
        old.get("/api/offers/OFAAAAAA").await,
    ] {
        assert_eq!((r.status, &r.json), (404, &not_found.json), "{}", r.text);
    }
    // `offer` is ignored as the other 1.1 fields are: not checked, not needed.
    let slot = free_slots(&old, MAIN, "2027-03-23").await.remove(0);
    let mut body = booking_body(slot["id"].as_str().unwrap());
    body["offer"] = json!(["not", "a", "code"]);
    let r = old.post("/api/bookings", Some("b"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    let r = old
        .post(
            &format!(
                "/api/bookings/{}/reschedule",
                r.json["reference"].as_str().unwrap()
            ),
            Some("m"),
            &json!({ "date_of_birth": BOOKER_DOB, "offer": "OFAAAAAA" }),
        )
        .await;
    assert_eq!(field_names(&r), ["slot_id"], "1.0 needs a slot_id");

    // CORS: DELETE only where alerts can be stopped with it.
    for (api, delete) in [(&new, true), (&old, false)] {
        let req = Request::options("/api/slot-alerts/ALT-AAAAAA")
            .header("Origin", "https://app.example.nhs.uk")
            .header("Access-Control-Request-Method", "DELETE")
            .body(Body::empty())
            .unwrap();
        let r = api.send(req).await;
        let methods = r
            .header("access-control-allow-methods")
            .unwrap()
            .to_lowercase();
        assert_eq!(methods.contains("delete"), delete, "{methods}");
        for m in ["get", "post", "options"] {
            assert!(methods.contains(m), "{methods}");
        }
    }
}

#[tokio::test]
async fn the_outbox_shows_the_texts_with_links_to_follow() {
    let (app, api) = server();
    let mut body = alert_body("band-6", None, "2027-04-30", "1990-06-15", "07700 900456");
    body["patient"]["given_name"] = json!("<b>Bo</b>");
    let alert = create_alert(&api, "a", &body).await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    free_up(&api, &slot).await;
    let (code, _) = hold_of(&api, &alert).await.unwrap();

    let list = messages(&api).await;
    assert_eq!(list.len(), 2);
    for m in &list {
        for key in ["to", "text", "link", "at"] {
            assert!(m.get(key).is_some(), "{key} in {m}");
        }
        assert_eq!(m["at"], "2027-03-15T09:07:00+00:00");
    }
    assert_eq!(list[0]["kind"], "alert_created");
    assert_eq!(list[0]["link"], Value::Null);
    assert_eq!(list[1]["kind"], "offer_held");
    assert_eq!(list[1]["link"], format!("/?offer={code}"));
    assert!(list[1]["text"]
        .as_str()
        .unwrap()
        .contains(&format!("/?offer={code}")));

    let r = api.get("/__demo/outbox.html").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(r.text.starts_with("<!doctype html>"));
    assert!(r.text.contains("<html lang=\"en\">"));
    assert!(r.text.contains("<h1>Text messages sent</h1>"));
    let link = format!("<a href=\"/?offer={code}\">/?offer={code}</a>");
    assert!(r.text.contains(&link), "{}", r.text);
    // Newest first: the offer before the alert's first text.
    let offer_at = r.text.find("An earlier time has come up").unwrap();
    let created_at = r.text.find("We will text you").unwrap();
    assert!(offer_at < created_at);
    assert!(!r.text.contains("<b>"), "nothing sent is taken as HTML");

    // The hold length can be changed for tests, within bounds.
    for bad in [
        json!({ "seconds": 0 }),
        json!({ "seconds": "60" }),
        json!({}),
    ] {
        let r = api.post("/__demo/hold-seconds", None, &bad).await;
        assert_eq!((r.status, r.code()), (400, "validation_failed"), "{bad}");
    }
    api.post("/__demo/hold-seconds", None, &json!({ "seconds": 60 }))
        .await;
    assert_eq!(demo_alerts(&api).await["hold_seconds"], 60);

    // Reset forgets alerts, holds and texts, and restores the start-up hold length.
    advance(&app, 0);
    let r = api.post("/__demo/reset", None, &json!({})).await;
    assert_eq!(r.status, 200);
    assert!(messages(&api).await.is_empty());
    let state = demo_alerts(&api).await;
    assert_eq!(state["alerts"], json!([]));
    assert_eq!(state["holds"], json!([]));
    assert_eq!(state["hold_seconds"], 7200);
    assert!(listed(&api, MAIN, &slot).await);
    assert!(api
        .get("/__demo/outbox.html")
        .await
        .text
        .contains("No text messages"));
}

#[tokio::test]
async fn the_binary_takes_the_hold_length_from_a_flag_or_the_environment() {
    let hold = |args: &[&str], env: Option<&str>| {
        let mut cmd = Binary::command();
        cmd.args(args).arg("--test-controls");
        match env {
            Some(v) => cmd.env("DEMO_HOLD_SECONDS", v),
            None => cmd.env_remove("DEMO_HOLD_SECONDS"),
        };
        Binary::start(cmd)
    };
    for (args, env, expected) in [
        (&[][..], None, 7200),
        (&["--hold-seconds", "90"][..], None, 90),
        (&[][..], Some("45"), 45),
    ] {
        let server = hold(args, env);
        let (status, json) = http(server.addr, "GET", "/__demo/alerts", &[], "").await;
        assert_eq!((status, &json["hold_seconds"]), (200, &json!(expected)));
    }
    let out = Binary::command()
        .args(["--hold-seconds", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a hold of 0 seconds is refused");
}

/// The new schemas have teeth (see conformance.rs, `validator_rejects_drift`).
#[test]
fn the_slot_alert_schemas_reject_drift() {
    let spec = Spec::load();
    let offer = spec.validator(&json!({ "$ref": "#/components/schemas/Offer" }), true);
    let good = spec.doc["paths"]["/offers/{code}"]["get"]["responses"]["200"]["content"]
        ["application/json"]["examples"]["contract"]["value"]
        .clone();
    assert!(offer.is_valid(&good), "the contract example");
    type Drift = (&'static str, fn(&mut Value));
    let drifts: Vec<Drift> = vec![
        ("held_until in UTC Z", |o| {
            o["held_until"] = json!("2027-03-20T10:15:00Z")
        }),
        ("no held_until", |o| {
            o.as_object_mut().unwrap().remove("held_until");
        }),
        ("booking left out instead of null", |o| {
            o.as_object_mut().unwrap().remove("booking");
        }),
        ("booking not a reference", |o| o["booking"] = json!("nope")),
        ("service in full", |o| o["service"]["phone"] = json!("1")),
    ];
    for (what, drift) in drifts {
        let mut bad = good.clone();
        drift(&mut bad);
        assert!(!offer.is_valid(&bad), "{what} was accepted");
    }
    let alert = spec.validator(&json!({ "$ref": "#/components/schemas/SlotAlert" }), true);
    assert!(alert.is_valid(&json!({ "alert": "ALT-4M8Q", "expires": "2027-04-12" })));
    assert!(!alert.is_valid(&json!({ "alert": "PHY-4M8Q", "expires": "2027-04-12" })));
    assert!(!alert.is_valid(&json!({ "alert": "ALT-4M8Q", "expires": "12/04/2027" })));

    let request = spec.validator(
        &json!({ "$ref": "#/components/schemas/SlotAlertRequest" }),
        true,
    );
    let mut body = alert_body("band-6", None, "2027-04-12", "1958-02-28", "07700 900123");
    assert!(request.is_valid(&body));
    body.as_object_mut().unwrap().remove("before");
    assert!(!request.is_valid(&body), "neither before nor booking");
    body["booking"] = json!("PHY-7K3Q9D");
    assert!(request.is_valid(&body), "a booking instead of before");
    let reschedule = spec.validator(
        &json!({ "$ref": "#/components/schemas/RescheduleRequest" }),
        true,
    );
    assert!(!reschedule.is_valid(&json!({ "date_of_birth": "1958-02-28" })));
}

#[tokio::test]
async fn expire_holds_runs_every_live_hold_out_at_once() {
    let (_app, api) = server();
    let alert = create_alert(
        &api,
        "x",
        &alert_body("band-6", None, "2027-04-30", "1990-06-15", "07700 900001"),
    )
    .await;
    let slot = free_slots(&api, MAIN, "2027-03-23").await.remove(0);
    free_up(&api, &slot).await;
    let (code, _) = hold_of(&api, &alert).await.expect("held");
    assert!(!listed(&api, MAIN, &slot).await);

    let r = api.post("/__demo/expire-holds", None, &json!({})).await;
    assert_eq!((r.status, &r.json), (200, &json!({ "expired": 1 })));
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 404);
    assert_eq!(hold_of(&api, &alert).await, None);
    assert!(listed(&api, MAIN, &slot).await, "back to the public");
    assert_eq!(messages_of(&api, &alert, "hold_expired").await.len(), 1);
    // Nothing left to run out.
    let r = api.post("/__demo/expire-holds", None, &json!({})).await;
    assert_eq!(r.json, json!({ "expired": 0 }));
}
