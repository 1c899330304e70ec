//! `--api-version 1.0` (`Config::api_version`, `DEMO_API_VERSION`): the server behaves as a 1.0
//! API, which has no `features` or `screening` and does not know the 1.1 booking fields, so the
//! app can be tried against an API that has not moved on. 1.0 answers are the 1.1 ones without
//! the additions, byte for byte.

mod common;

use common::{at, booking_body, http, Api, Binary, Spec};
use demo_api::{ApiVersion, Config};
use serde_json::{json, Value};

const NOW: &str = "2027-03-15T09:07:00Z";
const MAIN: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

fn api(version: ApiVersion) -> Api {
    Api::new(Config {
        now: Some(at(NOW)),
        test_controls: true,
        api_version: version,
        ..Config::default()
    })
}

#[test]
fn the_version_is_1_1_unless_told_otherwise() {
    assert_eq!(Config::default().api_version, ApiVersion::V1_1);
    assert_eq!("1.0".parse(), Ok(ApiVersion::V1_0));
    assert_eq!("1.1".parse(), Ok(ApiVersion::V1_1));
    assert!("1.2".parse::<ApiVersion>().is_err());
    assert!("1".parse::<ApiVersion>().is_err());
    assert_eq!(ApiVersion::V1_0.to_string(), "1.0");
}

#[tokio::test]
async fn version_1_0_has_no_features_or_screening() {
    let spec = Spec::load();
    let old = api(ApiVersion::V1_0);
    let r = old.get("/api/services").await;
    assert_eq!(r.status, 200);
    spec.check("GET", "/services", &r);
    assert!(r.json.get("features").is_none(), "{}", r.text);
    for service in r.json["services"].as_array().unwrap() {
        assert!(service.get("screening").is_none(), "{}", service["id"]);
    }
    // The rest is exactly what 1.1 sends.
    let mut new = api(ApiVersion::V1_1).get("/api/services").await.json;
    new.as_object_mut().unwrap().remove("features");
    for service in new["services"].as_array_mut().unwrap() {
        service.as_object_mut().unwrap().remove("screening");
    }
    assert_eq!(r.text, new.to_string());
}

#[tokio::test]
async fn version_1_0_ignores_the_1_1_booking_fields() {
    let spec = Spec::load();
    let old = api(ApiVersion::V1_0);
    let slots = old.all_slots(MAIN, "2027-03-23", "2027-03-23").await;
    let slot_id = slots[0]["id"].as_str().unwrap();
    // Not one of these would pass a 1.1 server's checks; a 1.0 server does not look at them.
    let mut body = booking_body(slot_id);
    body["screening"] = json!("saddle");
    body["needs"] = json!({ "other": "x".repeat(600), "access": ["lift"] });
    body["booked_by"] = json!({ "name": "", "phone": "call me" });
    body["language"] = json!("fr");
    let r = old.post("/api/bookings", Some("k"), &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    spec.check("POST", "/bookings", &r);
    let reference = r.json["reference"].as_str().unwrap().to_string();
    let read_back = old
        .get(&format!(
            "/api/bookings/{reference}?date_of_birth=1958-02-28"
        ))
        .await;
    spec.check("GET", "/bookings/{reference}", &read_back);
    for answer in [&r.json, &read_back.json] {
        for key in ["needs", "booked_by", "language", "screening"] {
            assert!(answer.get(key).is_none(), "{key} echoed: {answer}");
        }
    }

    // Same request without them: the same answer a 1.1 server gives, byte for byte.
    let plain = booking_body(slots[1]["id"].as_str().unwrap());
    let from_old = old.post("/api/bookings", Some("p"), &plain).await;
    let new = api(ApiVersion::V1_1);
    new.post("/api/bookings", Some("k"), &booking_body(slot_id))
        .await;
    let from_new = new.post("/api/bookings", Some("p"), &plain).await;
    assert_eq!((from_old.status, &from_old.text), (201, &from_new.text));
}

async fn services_from_binary(args: &[&str], env: Option<&str>) -> Value {
    let mut cmd = Binary::command();
    cmd.args(args);
    match env {
        Some(v) => cmd.env("DEMO_API_VERSION", v),
        None => cmd.env_remove("DEMO_API_VERSION"),
    };
    let server = Binary::start(cmd);
    let (status, json) = http(server.addr, "GET", "/api/services", &[], "").await;
    assert_eq!(status, 200);
    json
}

#[tokio::test]
async fn the_binary_takes_the_version_from_a_flag_or_the_environment() {
    let features = |v: &Value| v.get("features").cloned();
    let default = services_from_binary(&[], None).await;
    assert_eq!(
        features(&default),
        Some(json!([
            "screening",
            "needs",
            "booked_by",
            "language",
            "slot_alerts",
            "feedback",
            "events"
        ]))
    );
    let flag = services_from_binary(&["--api-version", "1.0"], None).await;
    assert_eq!(features(&flag), None);
    let env = services_from_binary(&[], Some("1.0")).await;
    assert_eq!(features(&env), None);
    // A flag wins over the environment.
    let both = services_from_binary(&["--api-version", "1.1"], Some("1.0")).await;
    assert!(features(&both).is_some());

    let out = Binary::command()
        .args(["--api-version", "2.0"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "an unknown version is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1.0 or 1.1"));
}
