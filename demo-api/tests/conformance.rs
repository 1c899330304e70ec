//! Every endpoint, success and error cases, called on the real router and checked against
//! openapi.yaml: status listed for the operation, JSON UTF-8 Content-Type, declared headers, and
//! the body valid (draft 2020-12, formats on, no undeclared fields).

mod common;

use common::{booking_body, Api, Spec};
use serde_json::{json, Value};

const NOW: &str = "2027-03-15T09:07:00Z";
const FILTER: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

#[tokio::test]
async fn every_endpoint_answers_as_openapi_declares() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);

    // Catalogue.
    let r = api.get("/api/services").await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/services", &r);
    let physio = &r.json["services"][0];
    assert_eq!(physio["id"], "physio-msk");
    assert_eq!(physio["phone"], "01480 123456");
    assert_eq!(physio["bands"][0]["id"], "band-6");
    assert_eq!(
        physio["bands"][1]["name"],
        "Senior physiotherapist (Band 7)"
    );
    assert!(r.json["services"].as_array().unwrap().len() >= 2);

    let r = api
        .get("/api/localities?service=physio-msk&band=band-7")
        .await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/localities", &r);
    let ids: Vec<&str> = (r.json["localities"].as_array().unwrap().iter())
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["hinchingbrooke", "doddington"]);
    assert!(r.json["localities"][0]["next_available"].is_string());
    assert!(r.json["localities"][1]["next_available"].is_null());
    let r = api
        .get("/api/localities?service=nope&band=band-6&unknown=1")
        .await;
    spec.check("GET", "/localities", &r);
    assert_eq!(r.json["localities"], json!([]));

    let r = api
        .get(&format!(
            "/api/slots?{FILTER}&from=2027-03-15&to=2027-04-15&extra=ignored"
        ))
        .await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/slots", &r);
    assert_eq!(r.json["timezone"], "Europe/London");
    assert_eq!(r.json["slots"].as_array().unwrap().len(), 200);
    let cursor = r.json["next_cursor"]
        .as_str()
        .expect("a second page")
        .to_string();
    let r2 = api
        .get(&format!(
            "/api/slots?{FILTER}&from=2027-03-15&to=2027-04-15&cursor={cursor}"
        ))
        .await;
    spec.check("GET", "/slots", &r2);
    assert!(r2.json["slots"][0]["start"].as_str() >= r.json["slots"][199]["start"].as_str());
    let r = api
        .get("/api/slots?service=nope&from=2027-03-15&to=2027-03-16")
        .await;
    spec.check("GET", "/slots", &r);
    assert_eq!(r.json["slots"], json!([]));
    assert_eq!(r.json["next_cursor"], Value::Null);
    for bad in [
        "from=2027-03-16&to=2027-03-15",
        "from=2027-03-01&to=2027-04-02",
        "to=2027-03-15",
        "from=15/03/2027&to=2027-03-16",
        "from=2027-03-15&to=2027-03-16&cursor=zz",
    ] {
        let r = api.get(&format!("/api/slots?{FILTER}&{bad}")).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text);
        assert_eq!(r.code(), "validation_failed");
        spec.check("GET", "/slots", &r);
    }

    // Booking.
    let slot = api
        .first_free_slot(FILTER, "2027-03-26", "2027-03-26")
        .await;
    let slot_id = slot["id"].as_str().unwrap();
    let body = booking_body(slot_id);
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/BookingRequest" }),
        &body,
        false,
        "request",
    );
    let r = api.post("/api/bookings", Some("key-1"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    spec.check("POST", "/bookings", &r);
    assert_eq!(r.json["status"], "booked");
    assert_eq!(r.json["slot"], slot);
    assert!(r.json["reference"].as_str().unwrap().starts_with("PHY-"));
    let booked = r.json.clone();
    let reference = booked["reference"].as_str().unwrap().to_string();

    let again = api.post("/api/bookings", Some("key-1"), &body).await;
    assert_eq!((again.status, &again.json), (201, &booked), "replayed");

    let r = api.post("/api/bookings", None, &body).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "validation_failed");
    spec.check("POST", "/bookings", &r);

    let r = api.post("/api/bookings", Some("key-2"), &body).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "slot_unavailable");
    assert_eq!(r.json["error"]["message"], "That time has just been taken.");
    spec.check("POST", "/bookings", &r);

    let mut other = body.clone();
    other["patient"]["given_name"] = json!("Someone");
    let r = api.post("/api/bookings", Some("key-1"), &other).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "conflict");
    spec.check("POST", "/bookings", &r);

    let invalid = json!({
        "slot_id": "",
        "patient": { "given_name": " ", "family_name": "x".repeat(36), "date_of_birth": "2099-01-01",
                     "nhs_number": "9434765918", "phone": null, "email": "a@b" }
    });
    let r = api.post("/api/bookings", Some("key-3"), &invalid).await;
    assert_eq!(r.status, 422);
    spec.check("POST", "/bookings", &r);
    let fields: Vec<&String> = r.json["error"]["fields"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        fields,
        [
            "patient.date_of_birth",
            "patient.email",
            "patient.family_name",
            "patient.given_name",
            "patient.nhs_number",
            "slot_id"
        ]
    );
    let mut no_nhs = booking_body("slot-does-not-exist");
    no_nhs["patient"]["nhs_number"] = Value::Null;
    no_nhs["patient"]["phone"] = Value::Null;
    let r = api.post("/api/bookings", Some("key-4"), &no_nhs).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json["error"]["fields"].as_object().unwrap().len(), 1);
    assert!(r.json["error"]["fields"]["patient.phone"].is_string());
    no_nhs["patient"]["phone"] = json!("07700 900123");
    let r = api.post("/api/bookings", Some("key-5"), &no_nhs).await;
    assert_eq!(r.status, 422);
    assert!(r.json["error"]["fields"]["slot_id"].is_string());

    let req = axum::http::Request::post("/api/bookings")
        .header("Idempotency-Key", "key-6")
        .body(axum::body::Body::from("{not json"))
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(r.status, 400);
    spec.check("POST", "/bookings", &r);

    // Manage: look up (any case), wrong date of birth.
    let uri = format!(
        "/api/bookings/{}?date_of_birth=1958-02-28",
        reference.to_lowercase()
    );
    let r = api.get(&uri).await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/bookings/{reference}", &r);
    assert_eq!(r.json["reference"], reference.as_str());
    let r = api
        .get(&format!(
            "/api/bookings/{reference}?date_of_birth=1958-03-01"
        ))
        .await;
    assert_eq!(r.status, 404);
    spec.check("GET", "/bookings/{reference}", &r);
    let wrong_ref = api
        .get("/api/bookings/PHY-ZZZZZZ?date_of_birth=1958-02-28")
        .await;
    assert_eq!(wrong_ref.status, 404);
    assert_eq!(
        wrong_ref.json, r.json,
        "same answer for wrong reference and wrong date"
    );
    let r = api.get(&format!("/api/bookings/{reference}")).await;
    assert_eq!(r.status, 400);
    spec.check("GET", "/bookings/{reference}", &r);

    // Reschedule.
    let target = api
        .first_free_slot(FILTER, "2027-03-24", "2027-03-24")
        .await;
    let move_body = json!({ "date_of_birth": "1958-02-28", "slot_id": target["id"] });
    let moved_uri = format!("/api/bookings/{reference}/reschedule");
    let r = api.post(&moved_uri, Some("move-1"), &move_body).await;
    assert_eq!(r.status, 200, "{}", r.text);
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    assert_eq!(r.json["reference"], reference.as_str());
    assert_eq!(r.json["slot"], target);
    assert_ne!(r.json["cancel_before"], booked["cancel_before"]);
    let r = api.post(&moved_uri, None, &move_body).await;
    assert_eq!(r.status, 400);
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    let taken = api
        .post("/__demo/take-slot/".to_string().as_str(), None, &json!({}))
        .await;
    assert_eq!(taken.status, 404, "take-slot needs an id");
    let busy = api
        .first_free_slot(FILTER, "2027-03-25", "2027-03-25")
        .await;
    let busy_id = busy["id"].as_str().unwrap();
    assert_eq!(
        api.post(&format!("/__demo/take-slot/{busy_id}"), None, &json!({}))
            .await
            .status,
        201
    );
    let r = api
        .post(
            &moved_uri,
            Some("move-2"),
            &json!({ "date_of_birth": "1958-02-28", "slot_id": busy_id }),
        )
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "slot_unavailable");
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    let band7 = api
        .first_free_slot("service=physio-msk&band=band-7", "2027-03-15", "2027-03-31")
        .await;
    let r = api
        .post(
            &moved_uri,
            Some("move-3"),
            &json!({ "date_of_birth": "1958-02-28", "slot_id": band7["id"] }),
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.json["error"]["fields"]["slot_id"].is_string());
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    let r = api
        .post(
            "/api/bookings/PHY-ZZZZZZ/reschedule",
            Some("move-4"),
            &move_body,
        )
        .await;
    assert_eq!(r.status, 404);
    spec.check("POST", "/bookings/{reference}/reschedule", &r);

    // Cancel.
    let r = api
        .post(
            "/api/bookings/PHY-4B7K2M/cancel",
            None,
            &json!({ "date_of_birth": "1958-02-28", "reason": "feeling better" }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    spec.check("POST", "/bookings/{reference}/cancel", &r);
    assert_eq!(r.json["status"], "cancelled");
    let r = api
        .post(
            "/api/bookings/PHY-9TQ4XW/cancel",
            None,
            &json!({ "date_of_birth": "1972-11-05" }),
        )
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "booking_window_closed");
    spec.check("POST", "/bookings/{reference}/cancel", &r);
    let r = api
        .post(
            "/api/bookings/PHY-4B7K2M/cancel",
            None,
            &json!({ "date_of_birth": "1958-02-27" }),
        )
        .await;
    assert_eq!(r.status, 404);
    spec.check("POST", "/bookings/{reference}/cancel", &r);
    let r = api
        .post("/api/bookings/PHY-4B7K2M/cancel", None, &json!({}))
        .await;
    assert_eq!(r.status, 422);
    spec.check("POST", "/bookings/{reference}/cancel", &r);
    let r = api
        .post(
            "/api/bookings/PHY-CX3N8R/reschedule",
            Some("move-5"),
            &json!({ "date_of_birth": "1990-06-15", "slot_id": target["id"] }),
        )
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "conflict");
    spec.check("POST", "/bookings/{reference}/reschedule", &r);

    // Invites.
    let r = api.get("/api/invites/Q7P2MX").await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/invites/{code}", &r);
    assert_eq!(
        r.json,
        json!({ "code": "Q7P2MX", "service": "physio-msk", "band": "band-7", "locality": null,
                "book_from": "2027-03-15", "book_until": "2027-09-15" })
    );
    let r = api.get("/api/invites/EXP1RD").await;
    assert_eq!(r.status, 404);
    spec.check("GET", "/invites/{code}", &r);

    // Slot alerts (1.1).
    let alert_body = json!({
        "service": "physio-msk", "band": "band-6", "locality": "hinchingbrooke",
        "before": "2027-04-12",
        "patient": { "given_name": "Amir", "family_name": "Khan", "date_of_birth": "1990-06-15",
                     "phone": "07700 900456" } });
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/SlotAlertRequest" }),
        &alert_body,
        true,
        "alert request",
    );
    let r = api
        .post("/api/slot-alerts", Some("alert-1"), &alert_body)
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    spec.check("POST", "/slot-alerts", &r);
    assert_eq!(r.json["expires"], "2027-04-12");
    let alert = r.json["alert"].as_str().unwrap().to_string();
    let r = api.post("/api/slot-alerts", None, &alert_body).await;
    assert_eq!(r.status, 400);
    spec.check("POST", "/slot-alerts", &r);
    let mut other = alert_body.clone();
    other["before"] = json!("2027-04-13");
    let r = api.post("/api/slot-alerts", Some("alert-1"), &other).await;
    assert_eq!((r.status, r.code()), (409, "conflict"));
    spec.check("POST", "/slot-alerts", &r);
    other["before"] = json!("2027-03-15");
    let r = api.post("/api/slot-alerts", Some("alert-2"), &other).await;
    assert_eq!(r.status, 422);
    assert!(r.json["error"]["fields"]["before"].is_string());
    spec.check("POST", "/slot-alerts", &r);

    // A time freed at that site is held for the alert: the offer.
    let freed = api
        .first_free_slot(FILTER, "2027-03-30", "2027-03-30")
        .await;
    let r = api
        .post(
            "/api/bookings",
            Some("to-free"),
            &booking_body(freed["id"].as_str().unwrap()),
        )
        .await;
    let freed_ref = r.json["reference"].as_str().unwrap().to_string();
    let r = api
        .post(
            &format!("/api/bookings/{freed_ref}/cancel"),
            None,
            &json!({ "date_of_birth": "1958-02-28" }),
        )
        .await;
    assert_eq!(r.status, 200);
    let outbox = api.get("/__demo/outbox").await;
    let link = outbox.json["messages"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find_map(|m| m["link"].as_str())
        .expect("an offer was texted")
        .to_string();
    let code = link.strip_prefix("/?offer=").unwrap();
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!(r.status, 200, "{}", r.text);
    spec.check("GET", "/offers/{code}", &r);
    assert_eq!(r.json["slot"], freed);
    assert_eq!(r.json["booking"], Value::Null);
    let r = api.get("/api/offers/OFNOPE22").await;
    assert_eq!(r.status, 404);
    spec.check("GET", "/offers/{code}", &r);

    // Stopping it: a wrong date of birth and an unknown alert are one answer.
    let r = api
        .delete(&format!(
            "/api/slot-alerts/{alert}?date_of_birth=1990-06-16"
        ))
        .await;
    assert_eq!(r.status, 404);
    spec.check("DELETE", "/slot-alerts/{alert}", &r);
    let unknown = api
        .delete("/api/slot-alerts/ALT-ZZZZZZ?date_of_birth=1990-06-15")
        .await;
    assert_eq!((unknown.status, &unknown.json), (404, &r.json));
    let r = api.delete(&format!("/api/slot-alerts/{alert}")).await;
    assert_eq!(r.status, 400);
    spec.check("DELETE", "/slot-alerts/{alert}", &r);
    let r = api
        .delete(&format!(
            "/api/slot-alerts/{}?date_of_birth=1990-06-15",
            alert.to_lowercase()
        ))
        .await;
    assert_eq!(r.status, 204, "{}", r.text);
    spec.check("DELETE", "/slot-alerts/{alert}", &r);
    let r = api.get(&format!("/api/offers/{code}")).await;
    assert_eq!(r.status, 404, "a stopped alert's hold is released");

    // Feedback and events (1.1 `feedback` and `events`); more in tests/measure.rs.
    let feedback =
        json!({ "rating": 4, "comment": "Easy.", "step": "confirmation", "source": "website" });
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/FeedbackRequest" }),
        &feedback,
        true,
        "feedback request",
    );
    let r = api.post("/api/feedback", None, &feedback).await;
    assert_eq!(r.status, 202, "{}", r.text);
    spec.check("POST", "/feedback", &r);
    let r = api
        .post("/api/feedback", None, &json!({ "rating": 6 }))
        .await;
    assert_eq!(r.status, 422);
    spec.check("POST", "/feedback", &r);
    let event = json!({ "event": "step", "step": "time", "source": "sms-invite", "elapsed_s": 42, "device": "mobile" });
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/EventRequest" }),
        &event,
        true,
        "event request",
    );
    let r = api.post("/api/events", None, &event).await;
    assert_eq!(r.status, 204, "{}", r.text);
    spec.check("POST", "/events", &r);
    let r = api
        .post("/api/events", None, &json!({ "event": "nope" }))
        .await;
    assert_eq!(r.status, 422);
    spec.check("POST", "/events", &r);

    // 503 with Retry-After, as every operation declares.
    let rule = json!({ "fail_next": [ { "method": "GET", "path": "/api/services", "status": 503, "retry_after": 7 } ] });
    assert_eq!(api.post("/__demo/faults", None, &rule).await.status, 200);
    let r = api.get("/api/services").await;
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), Some("7"));
    spec.check("GET", "/services", &r);

    // Every operation in the document was exercised.
    let checked = spec.checked.lock().unwrap().clone();
    assert_eq!(checked, spec.operations());
}

#[tokio::test]
async fn failed_lookups_are_rate_limited() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    for _ in 0..demo_api::store::LOOKUP_LIMIT {
        let r = api
            .get("/api/bookings/PHY-4B7K2M?date_of_birth=2000-01-01")
            .await;
        assert_eq!(r.status, 404);
    }
    // Even the right date of birth now waits, so guessing gains nothing.
    let r = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
        .await;
    assert_eq!(r.status, 429);
    assert_eq!(r.code(), "rate_limited");
    let secs: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&secs));
    spec.check("GET", "/bookings/{reference}", &r);
}

#[tokio::test]
async fn other_paths_and_methods_answer_the_error_envelope() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    let error = json!({ "$ref": "#/components/schemas/Error" });
    let r = api.get("/api/nothing-here").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some(common::JSON_UTF8));
    spec.assert_valid(&error, &r.json, true, "unknown path");
    let r = api.post("/api/services", None, &json!({})).await;
    assert_eq!(r.status, 405);
    spec.assert_valid(&error, &r.json, true, "wrong method");
    // Test controls are off unless asked for.
    let plain = Api::new(demo_api::Config::default());
    assert_eq!(
        plain.post("/__demo/reset", None, &json!({})).await.status,
        404
    );
}

#[test]
fn openapi_examples_match_their_schemas() {
    let spec = Spec::load();
    assert_eq!(spec.doc["openapi"], "3.1.0");
    assert_eq!(spec.doc["servers"][0]["url"], "/api");
    let mut count = 0;
    // Schema-level examples.
    for (name, schema) in spec.doc["components"]["schemas"].as_object().unwrap() {
        for example in schema["examples"].as_array().into_iter().flatten() {
            let target = json!({ "$ref": format!("#/components/schemas/{name}") });
            spec.assert_valid(&target, example, true, &format!("schema {name} example"));
            count += 1;
        }
    }
    // Media-type examples in operations and shared responses.
    let mut media: Vec<(String, Value)> = Vec::new();
    for (path, item) in spec.doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if let Some(c) = op["requestBody"]["content"]["application/json"].as_object() {
                media.push((format!("{method} {path} request"), Value::Object(c.clone())));
            }
            for (status, res) in op["responses"].as_object().unwrap() {
                if let Some(c) = res["content"]["application/json"].as_object() {
                    media.push((
                        format!("{method} {path} {status}"),
                        Value::Object(c.clone()),
                    ));
                }
            }
        }
    }
    for (name, res) in spec.doc["components"]["responses"].as_object().unwrap() {
        media.push((name.clone(), res["content"]["application/json"].clone()));
    }
    for (what, content) in media {
        for (label, example) in content["examples"].as_object().into_iter().flatten() {
            let value = match example["$ref"].as_str() {
                Some(r) => spec.doc.pointer(&r[1..]).expect("example ref")["value"].clone(),
                None => example["value"].clone(),
            };
            spec.assert_valid(
                &content["schema"],
                &value,
                true,
                &format!("{what} example {label}"),
            );
            count += 1;
        }
    }
    assert!(count >= 15, "only {count} examples checked");
}

/// The checks above have teeth: drift of the kinds they guard against is rejected.
/// A named change to a response body.
type Drift = (&'static str, fn(&mut Value));

#[test]
fn validator_rejects_drift() {
    let spec = Spec::load();
    let booking = json!({ "$ref": "#/components/schemas/Booking" });
    let good = spec.doc["components"]["examples"]["Booking"]["value"].clone();
    spec.assert_valid(&booking, &good, true, "contract example");
    let v = spec.validator(&booking, true);
    let drifts: Vec<Drift> = vec![
        ("undeclared field", |b| b["extra"] = json!(1)),
        ("UTC Z instead of the clinic offset", |b| {
            b["cancel_before"] = json!("2027-03-28T08:15:00Z")
        }),
        ("not a date-time", |b| {
            b["slot"]["start"] = json!("2027-02-30T09:15:00+01:00")
        }),
        ("unknown mode", |b| b["slot"]["mode"] = json!("bus")),
        ("missing next_available", |b| {
            b["locality"]
                .as_object_mut()
                .unwrap()
                .remove("next_available");
        }),
        ("ambiguous reference", |b| {
            b["reference"] = json!("PHY-7K3Q9O")
        }),
    ];
    for (what, drift) in drifts {
        let mut bad = good.clone();
        drift(&mut bad);
        assert!(!v.is_valid(&bad), "{what} was accepted");
    }
    let error = spec.validator(&json!({ "$ref": "#/components/schemas/Error" }), true);
    let fields_on_409 =
        json!({ "error": { "code": "slot_unavailable", "message": "x", "fields": {} } });
    assert!(
        !error.is_valid(&fields_on_409),
        "fields on a code other than validation_failed"
    );
}
