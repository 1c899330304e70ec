//! Fault injection: one-shot rules, HTML bodies, lost responses after commit, forced 409s,
//! random 503/429, latency; CORS still wraps every faulted answer.

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use common::{booking_body, Api};
use demo_api::errors::BAD_GATEWAY_HTML;
use demo_api::faults::Faults;
use demo_api::Config;
use serde_json::json;

const NOW: &str = "2027-03-15T09:07:00Z";
const FILTER: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

async fn free_slot(api: &Api, day: &str) -> String {
    api.first_free_slot(FILTER, day, day).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_fail_next_rule_answers_once_then_is_consumed() {
    let api = Api::frozen(NOW);
    let rules = json!({ "fail_next": [
        { "method": "POST", "path": "/api/bookings", "status": 503, "retry_after": 5 },
        { "method": "GET", "path": "/api/slots*", "status": 429 },
    ] });
    let r = api.post("/__demo/faults", None, &rules).await;
    assert_eq!(r.json["fail_next"].as_array().unwrap().len(), 2);

    // Not matching (other method and path): untouched.
    assert_eq!(api.get("/api/services").await.status, 200);
    let r = api
        .get(&format!(
            "/api/slots?{FILTER}&from=2027-03-23&to=2027-03-23"
        ))
        .await;
    assert_eq!(
        (r.status, r.code(), r.header("retry-after")),
        (429, "rate_limited", Some("5"))
    );
    let slot = free_slot(&api, "2027-03-23").await;

    let r = api
        .post("/api/bookings", Some("k1"), &booking_body(&slot))
        .await;
    assert_eq!((r.status, r.code()), (503, "unavailable"));
    assert_eq!(r.header("retry-after"), Some("5"));
    assert_eq!(r.header("content-type"), Some(common::JSON_UTF8));
    assert_eq!(
        api.demo_bookings().await.len(),
        3,
        "nothing booked by the failed attempt"
    );

    let r = api
        .post("/api/bookings", Some("k1"), &booking_body(&slot))
        .await;
    assert_eq!(r.status, 201, "the retry goes through");
    assert_eq!(api.get("/__demo/faults").await.json["fail_next"], json!([]));
}

#[tokio::test]
async fn html_answers_from_a_proxy() {
    let api = Api::frozen(NOW);
    let rule = json!({ "fail_next": [ { "path": "/api/services", "status": 504, "html": true } ] });
    api.post("/__demo/faults", None, &rule).await;
    let r = api.get("/api/services").await;
    assert_eq!(r.status, 504);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(
        r.text.contains("<h1>504 Gateway Timeout</h1>"),
        "{}",
        r.text
    );

    // html_errors: every error body is the proxy page; successes stay JSON.
    api.post("/__demo/faults", None, &json!({ "html_errors": true }))
        .await;
    let r = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=2001-01-01")
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.text, BAD_GATEWAY_HTML);
    let r = api.get("/api/services").await;
    assert_eq!(
        (r.status, r.header("content-type")),
        (200, Some(common::JSON_UTF8))
    );

    // The --html-errors flag does the same from the start.
    let flagged = Api::new(Config {
        faults: Faults {
            html_errors: true,
            ..Faults::default()
        },
        ..Config::default()
    });
    let r = flagged.get("/api/slots?from=bad").await;
    assert_eq!((r.status, r.text.as_str()), (400, BAD_GATEWAY_HTML));
}

#[tokio::test]
async fn a_response_lost_after_commit_is_recovered_by_retrying_with_the_same_key() {
    let api = Api::frozen(NOW);
    let slot = free_slot(&api, "2027-03-23").await;
    let rule = json!({ "fail_next": [ { "method": "POST", "path": "/api/bookings", "drop_after_commit": true } ] });
    api.post("/__demo/faults", None, &rule).await;

    let r = api
        .post("/api/bookings", Some("lost"), &booking_body(&slot))
        .await;
    assert_eq!(r.status, 502);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.text, BAD_GATEWAY_HTML);
    let made: Vec<_> = (api.demo_bookings().await.into_iter())
        .filter(|b| b["slot_id"] == slot.as_str())
        .collect();
    assert_eq!(made.len(), 1, "the booking was made");

    let r = api
        .post("/api/bookings", Some("lost"), &booking_body(&slot))
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.json["reference"], made[0]["reference"]);
    let holders = (api.demo_bookings().await.into_iter())
        .filter(|b| b["slot_id"] == slot.as_str())
        .count();
    assert_eq!(holders, 1, "and never twice");
}

#[tokio::test]
async fn force_409_refuses_every_booking_change() {
    let api = Api::frozen(NOW);
    api.post("/__demo/faults", None, &json!({ "force_409": true }))
        .await;
    let slot = free_slot(&api, "2027-03-23").await;
    let r = api
        .post("/api/bookings", Some("a"), &booking_body(&slot))
        .await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    let r = api
        .post(
            "/api/bookings/PHY-4B7K2M/reschedule",
            Some("b"),
            &json!({ "date_of_birth": "1958-02-28", "slot_id": slot }),
        )
        .await;
    assert_eq!((r.status, r.code()), (409, "slot_unavailable"));
    assert_eq!(api.demo_bookings().await.len(), 3);
    // Reading and cancelling still work.
    assert_eq!(
        api.get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn fail_rate_answers_503_and_429_in_turn_with_retry_after() {
    let api = Api::frozen(NOW);
    api.post("/__demo/faults", None, &json!({ "fail_rate": 1.0 }))
        .await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let r = api.get("/api/services").await;
        assert_eq!(r.header("retry-after"), Some("5"));
        statuses.push(r.status);
    }
    assert_eq!(statuses, [503, 429, 503, 429]);
    // CORS still wraps the failures, and preflights are never failed.
    let req = Request::get("/api/services")
        .header("Origin", "http://app.example")
        .body(Body::empty())
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("access-control-expose-headers")
        .unwrap()
        .contains("retry-after"));
    let req = Request::options("/api/bookings")
        .header("Origin", "http://app.example")
        .header("Access-Control-Request-Method", "POST")
        .body(Body::empty())
        .unwrap();
    assert_eq!(api.send(req).await.status, 200);

    api.post("/__demo/faults", None, &json!({ "fail_rate": 0.5 }))
        .await;
    let mut failed = 0;
    for _ in 0..100 {
        if api.get("/api/services").await.status != 200 {
            failed += 1;
        }
    }
    assert!((25..=75).contains(&failed), "{failed} of 100");
    // Controls are not subject to faults.
    api.post("/__demo/faults", None, &json!({ "fail_rate": 1.0 }))
        .await;
    assert_eq!(api.get("/__demo/bookings").await.status, 200);
}

#[tokio::test]
async fn latency_delays_every_api_answer() {
    let api = Api::frozen(NOW);
    api.post("/__demo/faults", None, &json!({ "latency_ms": 150 }))
        .await;
    let t = Instant::now();
    assert_eq!(api.get("/api/services").await.status, 200);
    assert!(t.elapsed() >= Duration::from_millis(150));
    api.post("/__demo/faults", None, &json!({ "latency_ms": 0 }))
        .await;
    let t = Instant::now();
    api.get("/api/services").await;
    assert!(t.elapsed() < Duration::from_millis(150));
}

#[tokio::test]
async fn a_network_rule_answers_what_a_browser_reads_as_a_lost_connection() {
    let api = Api::frozen(NOW);
    let slot = free_slot(&api, "2027-03-23").await;
    let rules =
        json!({ "fail_next": [{ "method": "POST", "path": "/api/bookings", "network": true }] });
    api.post("/__demo/faults", None, &rules).await;
    let r = api
        .post("/api/bookings", Some("n1"), &booking_body(&slot))
        .await;
    // Claimed gzip and not gzip: a browser cannot decode it and reports a network error.
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert!(!r.text.as_bytes().starts_with(&[0x1f, 0x8b]));
    assert_eq!(
        api.demo_bookings().await.len(),
        3,
        "nothing done with the request"
    );
    // Consumed: the next try goes through.
    let r = api
        .post("/api/bookings", Some("n1"), &booking_body(&slot))
        .await;
    assert_eq!(r.status, 201);
}

#[tokio::test]
async fn a_hang_rule_holds_its_request_and_only_that_one() {
    let api = Api::frozen(NOW);
    let rules = json!({ "fail_next": [{ "path": "/api/services", "hang": true }] });
    api.post("/__demo/faults", None, &rules).await;
    // Held (for `faults::HANG`, ten minutes, then let through): still waiting after a while.
    let held = tokio::time::timeout(Duration::from_millis(300), api.get("/api/services")).await;
    assert!(held.is_err(), "the request is held");
    assert_eq!(demo_api::faults::HANG, Duration::from_secs(600));
    // Consumed: the next one is answered at once.
    let t = Instant::now();
    assert_eq!(api.get("/api/services").await.status, 200);
    assert!(t.elapsed() < Duration::from_secs(1));
}
