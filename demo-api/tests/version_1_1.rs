//! Version 1.1 of the contract: `features` and `screening` in `GET /services`, and `needs`,
//! `booked_by`, `language` (and the `screening` answer) on `POST /bookings`, each answer checked
//! against openapi.yaml as in conformance.rs. `--api-version 1.0` is in api_version.rs.

mod common;

use common::{booking_body, Api, Reply, Spec};
use serde_json::{json, Value};

const NOW: &str = "2027-03-15T09:07:00Z";
const MAIN: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

/// The contract's own example, word for word.
fn contract_screening() -> Value {
    json!({
        "question": "Do you have any of these symptoms?",
        "hint": "Select all that apply.",
        "symptoms": [
            { "id": "cauda-equina", "text": "New problems controlling your bladder or bowels" },
            { "id": "saddle", "text": "Numbness around your genitals or bottom" },
            { "id": "both-legs", "text": "Numbness, pins and needles or weakness in both legs" } ],
        "urgent": { "heading": "Get help now",
                    "text": "Call 999 or go to A&E now. Do not book a physiotherapy appointment.",
                    "phone": "999" } })
}

fn with_details(slot_id: &str) -> Value {
    let mut body = booking_body(slot_id);
    body["screening"] = json!("none");
    body["needs"] = json!({ "interpreter": "Polish", "communication": ["large_print", "easy_read"],
                            "access": ["step_free"], "other": "Please call my daughter." });
    body["booked_by"] =
        json!({ "name": "Ana Lima", "relationship": "daughter", "phone": "07700 900456" });
    body["language"] = json!("cy");
    body
}

async fn free_slots(api: &Api, day: &str) -> Vec<String> {
    (api.all_slots(MAIN, day, day).await.iter())
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

fn field_names(r: &Reply) -> Vec<String> {
    (r.json["error"]["fields"].as_object())
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn services_list_the_features_and_physiotherapy_carries_the_contracts_screening() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    let r = api.get("/api/services").await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/services", &r);
    // Only what is implemented: no feedback or events.
    assert_eq!(
        r.json["features"],
        json!([
            "screening",
            "needs",
            "booked_by",
            "language",
            "slot_alerts",
            "feedback",
            "events"
        ])
    );
    let services = r.json["services"].as_array().unwrap();
    let physio = services.iter().find(|s| s["id"] == "physio-msk").unwrap();
    assert_eq!(physio["screening"], contract_screening());
    assert_eq!(physio["name"], "Physiotherapy (muscles, bones and joints)");
    for other in services.iter().filter(|s| s["id"] != "physio-msk") {
        assert!(other.get("screening").is_none(), "{}", other["id"]);
    }
}

#[tokio::test]
async fn needs_booked_by_and_language_are_echoed_by_every_booking_answer() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    let slots = free_slots(&api, "2027-03-23").await;
    let body = with_details(&slots[0]);
    spec.assert_valid(
        &json!({ "$ref": "#/components/schemas/BookingRequest" }),
        &body,
        true,
        "1.1 request",
    );
    let expected = json!({
        "needs": { "interpreter": "Polish", "communication": ["large_print", "easy_read"],
                   "access": ["step_free"], "other": "Please call my daughter." },
        "booked_by": { "name": "Ana Lima", "relationship": "daughter", "phone": "07700 900456" },
        "language": "cy" });
    let echoes = |r: &Reply| {
        for key in ["needs", "booked_by", "language"] {
            assert_eq!(r.json[key], expected[key], "{key}: {}", r.text);
        }
    };

    let booked = api.post("/api/bookings", Some("k1"), &body).await;
    assert_eq!(booked.status, 201, "{}", booked.text);
    spec.check("POST", "/bookings", &booked);
    echoes(&booked);
    let again = api.post("/api/bookings", Some("k1"), &body).await;
    assert_eq!((again.status, &again.json), (201, &booked.json), "replayed");

    let reference = booked.json["reference"].as_str().unwrap();
    let r = api
        .get(&format!(
            "/api/bookings/{reference}?date_of_birth=1958-02-28"
        ))
        .await;
    spec.check("GET", "/bookings/{reference}", &r);
    echoes(&r);

    let move_body = json!({ "date_of_birth": "1958-02-28", "slot_id": slots[1] });
    let r = api
        .post(
            &format!("/api/bookings/{reference}/reschedule"),
            Some("m1"),
            &move_body,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    spec.check("POST", "/bookings/{reference}/reschedule", &r);
    echoes(&r);

    let r = api
        .post(
            &format!("/api/bookings/{reference}/cancel"),
            None,
            &json!({ "date_of_birth": "1958-02-28" }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    spec.check("POST", "/bookings/{reference}/cancel", &r);
    assert_eq!(r.json["status"], "cancelled");
    echoes(&r);
}

#[tokio::test]
async fn details_are_tidied_and_left_out_when_not_given() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    let slots = free_slots(&api, "2027-03-24").await;

    // Given: every needs key is echoed, text trimmed, "" read as null, repeats kept once.
    let mut body = booking_body(&slots[0]);
    body["needs"] = json!({ "interpreter": "  ", "access": ["quiet_wait", "quiet_wait"],
                            "other": "  Wheelchair user  " });
    body["booked_by"] = json!({ "name": " Ana Lima ", "phone": "" });
    body["language"] = json!("en");
    let r = api.post("/api/bookings", Some("tidy"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    spec.check("POST", "/bookings", &r);
    assert_eq!(
        r.json["needs"],
        json!({ "interpreter": null, "communication": [], "access": ["quiet_wait"],
                "other": "Wheelchair user" })
    );
    assert_eq!(
        r.json["booked_by"],
        json!({ "name": "Ana Lima", "relationship": null, "phone": null })
    );
    assert_eq!(r.json["language"], "en");

    // Left out or null: not echoed at all, so the answer is exactly a 1.0 booking.
    let mut body = booking_body(&slots[1]);
    body["needs"] = Value::Null;
    body["booked_by"] = Value::Null;
    body["language"] = Value::Null;
    body["screening"] = Value::Null;
    for (key, body) in [("plain", booking_body(&slots[2])), ("nulls", body)] {
        let r = api.post("/api/bookings", Some(key), &body).await;
        assert_eq!(r.status, 201, "{}", r.text);
        spec.check("POST", "/bookings", &r);
        let keys: Vec<&String> = r.json.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "cancel_before",
                "locality",
                "reference",
                "service",
                "slot",
                "status"
            ],
            "{key}"
        );
    }

    // The contract's limit is 500 characters, not bytes.
    let mut body = booking_body(&slots[3]);
    body["needs"] = json!({ "other": "é".repeat(500) });
    let r = api.post("/api/bookings", Some("500"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json["needs"]["other"], "é".repeat(500));
}

#[tokio::test]
async fn each_1_1_problem_answers_422_naming_its_field() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    let slot = free_slots(&api, "2027-03-25").await.remove(0);
    let cases: Vec<(&str, Value, &str)> = vec![
        ("needs", json!({ "other": "x".repeat(501) }), "needs.other"),
        ("needs", json!({ "other": 5 }), "needs.other"),
        (
            "needs",
            json!({ "communication": ["carrier_pigeon"] }),
            "needs.communication",
        ),
        (
            "needs",
            json!({ "communication": "large_print" }),
            "needs.communication",
        ),
        (
            "needs",
            json!({ "access": ["step_free", "lift"] }),
            "needs.access",
        ),
        (
            "needs",
            json!({ "interpreter": ["Polish"] }),
            "needs.interpreter",
        ),
        ("needs", json!("large print"), "needs"),
        (
            "booked_by",
            json!({ "name": "Ana", "phone": "call me" }),
            "booked_by.phone",
        ),
        (
            "booked_by",
            json!({ "name": "Ana", "phone": "0770" }),
            "booked_by.phone",
        ),
        (
            "booked_by",
            json!({ "name": "Ana", "phone": 7700900456_u64 }),
            "booked_by.phone",
        ),
        (
            "booked_by",
            json!({ "name": " ", "phone": "07700 900456" }),
            "booked_by.name",
        ),
        (
            "booked_by",
            json!({ "relationship": "son" }),
            "booked_by.name",
        ),
        (
            "booked_by",
            json!({ "name": "Ana", "relationship": 1 }),
            "booked_by.relationship",
        ),
        ("booked_by", json!("Ana Lima"), "booked_by"),
        ("language", json!("fr"), "language"),
        ("language", json!("CY"), "language"),
        ("language", json!(""), "language"),
        ("screening", json!("saddle"), "screening"),
        ("screening", json!(true), "screening"),
    ];
    for (i, (key, value, field)) in cases.into_iter().enumerate() {
        let mut body = booking_body(&slot);
        body[key] = value;
        let r = api
            .post("/api/bookings", Some(&format!("bad-{i}")), &body)
            .await;
        assert_eq!(
            (r.status, r.code()),
            (422, "validation_failed"),
            "{field}: {}",
            r.text
        );
        spec.check("POST", "/bookings", &r);
        assert_eq!(field_names(&r), [field], "{}", body[key]);
    }

    // Every field to correct is named at once, the patient's and the 1.1 ones.
    let mut body = with_details(&slot);
    body["patient"]["phone"] = json!("call me");
    body["needs"]["other"] = json!("x".repeat(501));
    body["booked_by"]["phone"] = json!("call me");
    let r = api.post("/api/bookings", Some("bad-all"), &body).await;
    assert_eq!(r.status, 422);
    spec.check("POST", "/bookings", &r);
    assert_eq!(
        field_names(&r),
        ["booked_by.phone", "needs.other", "patient.phone"]
    );
    assert_eq!(
        r.json["error"]["fields"]["needs.other"],
        "Other needs must be 500 characters or fewer"
    );

    // Nothing was booked, and the corrected request may reuse its key.
    assert_eq!(api.demo_bookings().await.len(), 3, "only the seeded ones");
    let r = api
        .post("/api/bookings", Some("bad-all"), &with_details(&slot))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
}

#[tokio::test]
async fn the_same_key_with_other_details_is_a_conflict() {
    let spec = Spec::load();
    let api = Api::frozen(NOW);
    let slot = free_slots(&api, "2027-03-26").await.remove(0);
    let body = with_details(&slot);
    let booked = api.post("/api/bookings", Some("k"), &body).await;
    assert_eq!(booked.status, 201);
    let changes: [fn(&mut Value); 4] = [
        |b| b["needs"]["access"] = json!(["step_free", "chaperone"]),
        |b| b["booked_by"]["phone"] = json!("07700 900999"),
        |b| b["language"] = json!("en"),
        |b| {
            b.as_object_mut().unwrap().remove("needs");
        },
    ];
    for change in changes {
        let mut other = body.clone();
        change(&mut other);
        let r = api.post("/api/bookings", Some("k"), &other).await;
        assert_eq!((r.status, r.code()), (409, "conflict"), "{other}");
        spec.check("POST", "/bookings", &r);
    }
    let again = api.post("/api/bookings", Some("k"), &body).await;
    assert_eq!((again.status, again.json), (201, booked.json));
}

/// The new schemas have teeth too (see conformance.rs, `validator_rejects_drift`).
#[test]
fn the_1_1_schemas_reject_drift() {
    let spec = Spec::load();
    let booking = spec.validator(&json!({ "$ref": "#/components/schemas/Booking" }), true);
    let good = spec.doc["components"]["examples"]["BookingWithNeeds"]["value"].clone();
    assert!(booking.is_valid(&good), "the 1.1 example");
    type Drift = (&'static str, fn(&mut Value));
    let drifts: Vec<Drift> = vec![
        ("other past 500", |b| {
            b["needs"]["other"] = json!("x".repeat(501))
        }),
        ("needs as text", |b| b["needs"] = json!("large print")),
        ("undeclared need key", |b| b["needs"]["pets"] = json!(true)),
        ("booked_by without a name", |b| {
            b["booked_by"].as_object_mut().unwrap().remove("name");
        }),
        ("language not en or cy", |b| b["language"] = json!("fr")),
        ("needs as null", |b| b["needs"] = Value::Null),
    ];
    for (what, drift) in drifts {
        let mut bad = good.clone();
        drift(&mut bad);
        assert!(!booking.is_valid(&bad), "{what} was accepted");
    }

    let list = spec.validator(&json!({ "$ref": "#/components/schemas/ServiceList" }), true);
    let screening = contract_screening();
    let service = |screening: Value| {
        json!({ "id": "physio-msk", "name": "P", "description": "D", "phone": "1", "bands": [],
                "screening": screening })
    };
    let services = json!({ "features": ["screening"], "services": [service(screening.clone())] });
    assert!(list.is_valid(&services));
    let mut no_urgent = screening.clone();
    no_urgent.as_object_mut().unwrap().remove("urgent");
    assert!(!list.is_valid(&json!({ "services": [service(no_urgent)] })));
    let mut no_symptoms = screening;
    no_symptoms["symptoms"] = json!([]);
    assert!(!list.is_valid(&json!({ "services": [service(no_symptoms)] })));
    assert!(!list.is_valid(&json!({ "features": "screening", "services": [] })));

    let request = spec.validator(
        &json!({ "$ref": "#/components/schemas/BookingRequest" }),
        true,
    );
    let mut body = booking_body("slot-1");
    body["screening"] = json!("saddle");
    assert!(!request.is_valid(&body), "a symptom sent as the answer");
}
