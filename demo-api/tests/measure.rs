//! Version 1.1 `feedback` and `events`, and the service manager's report at `/report`: events
//! arrive as `text/plain` (what `navigator.sendBeacon` sends) and only the contract's fields are
//! kept, bad bodies are refused without being echoed, feedback is checked field by field, CORS
//! lets the app post feedback from another origin, a 1.0 API has none of it, and the report
//! shows the figures for what arrived (escaped) under any Content-Security-Policy. Every API
//! answer is checked against openapi.yaml.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request};
use common::{at, booking_body, http, Api, Binary, Reply, Spec};
use demo_api::{ApiVersion, Config};
use serde_json::{json, Value};

/// 09:07 on the clinic's clock (London is on GMT until 28 March 2027).
const NOW: &str = "2027-03-15T09:07:00Z";
const MAIN: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

fn api_with(config: Config) -> Api {
    Api::new(Config {
        now: Some(at(NOW)),
        test_controls: true,
        ..config
    })
}

fn api() -> Api {
    api_with(Config::default())
}

/// A POST with a raw body and Content-Type, as a browser's beacon sends it.
async fn post_raw(api: &Api, uri: &str, content_type: &str, body: &str) -> Reply {
    let req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, content_type)
        .header(
            header::USER_AGENT,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)",
        )
        .header("X-Forwarded-For", "203.0.113.7")
        .header(header::COOKIE, "session=abc123")
        .body(Body::from(body.to_string()))
        .unwrap();
    api.send(req).await
}

async fn beacon(api: &Api, body: &Value) -> Reply {
    post_raw(
        api,
        "/api/events",
        "text/plain;charset=UTF-8",
        &body.to_string(),
    )
    .await
}

async fn arrived(api: &Api) -> Value {
    let r = api.get("/__demo/events").await;
    assert_eq!(r.status, 200, "{}", r.text);
    r.json
}

fn field_names(r: &Reply) -> Vec<String> {
    (r.json["error"]["fields"].as_object())
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

async fn report(api: &Api) -> Reply {
    let req = Request::get("/report")
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    api.send(req).await
}

#[tokio::test]
async fn events_arrive_as_text_plain_and_only_the_contracts_fields_are_kept() {
    let spec = Spec::load();
    let api = api();
    let sent = [
        json!({ "event": "step", "step": "time", "source": "sms-invite", "elapsed_s": 42,
                "device": "mobile",
                // Not the contract's: dropped unread.
                "session": "5b0f6a3e", "nhs_number": "9434765919", "url": "/book/time?invite=Q7P2MX",
                "mode": "video", "kind": "taken", "date": "1999-01-01" }),
        json!({ "event": "booked", "step": "confirmation", "source": "website", "elapsed_s": 245,
                "device": "desktop", "mode": "telephone" }),
        json!({ "event": "left", "step": "", "elapsed_s": 100_000 }),
        json!({ "event": "problem", "step": "check-your-answers", "kind": "taken",
                "source": null, "device": null }),
        json!({ "event": "booked" }),
    ];
    for body in &sent {
        let r = beacon(&api, body).await;
        assert_eq!(r.status, 204, "{body}: {}", r.text);
        assert!(r.text.is_empty());
        assert!(r.header("set-cookie").is_none(), "no cookies");
        spec.check("POST", "/events", &r);
    }
    // application/json and no Content-Type at all are read the same way.
    let r = api
        .post(
            "/api/events",
            None,
            &json!({ "event": "step", "step": "manage/new-time" }),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text);
    spec.check("POST", "/events", &r);
    let req = Request::post("/api/events")
        .body(Body::from(
            r#"{"event":"step","step":"earlier-time/where"}"#,
        ))
        .unwrap();
    assert_eq!(api.send(req).await.status, 204);

    let kept = arrived(&api).await;
    assert_eq!(
        kept["events"],
        json!([
            { "event": "step", "step": "time", "source": "sms-invite", "elapsed_s": 42,
              "device": "mobile", "date": "2027-03-15", "minute": "09:07" },
            { "event": "booked", "step": "confirmation", "source": "website", "elapsed_s": 245,
              "device": "desktop", "mode": "telephone", "date": "2027-03-15", "minute": "09:07" },
            { "event": "left", "step": "", "elapsed_s": 86_400, "date": "2027-03-15",
              "minute": "09:07" },
            { "event": "problem", "step": "check-your-answers", "kind": "taken",
              "date": "2027-03-15", "minute": "09:07" },
            { "event": "booked", "date": "2027-03-15", "minute": "09:07" },
            { "event": "step", "step": "manage/new-time", "date": "2027-03-15", "minute": "09:07" },
            { "event": "step", "step": "earlier-time/where", "date": "2027-03-15",
              "minute": "09:07" },
        ])
    );
    assert_eq!(kept["sample"], json!({ "events": 0, "feedback": 0 }));
    // Nothing identifying was kept anywhere.
    let all = kept.to_string();
    for secret in [
        "5b0f6a3e",
        "9434765919",
        "Q7P2MX",
        "203.0.113.7",
        "iPhone",
        "abc123",
        "1999",
    ] {
        assert!(!all.contains(secret), "{secret} was kept: {all}");
    }
}

/// The bodies the app sends (`booking_domain::measure::payload` and `FeedbackRequest`).
#[tokio::test]
async fn what_the_app_sends_is_accepted() {
    let api = api();
    for body in [
        json!({ "event": "step", "step": "start", "source": "direct", "elapsed_s": 0, "device": "desktop" }),
        json!({ "event": "step", "step": "earlier-time/your-details", "source": "sms-invite", "elapsed_s": 61, "device": "mobile" }),
        json!({ "event": "left", "step": "manage/check-new-time", "source": "website", "elapsed_s": 80, "device": "mobile" }),
        json!({ "event": "booked", "mode": "video", "source": "sms-invite", "elapsed_s": 150, "device": "desktop" }),
        json!({ "event": "booked", "mode": "other", "source": "direct", "elapsed_s": 99, "device": "mobile" }),
        json!({ "event": "problem", "kind": "network", "source": "direct", "device": "mobile" }),
        json!({ "event": "problem", "kind": "taken", "source": "website", "device": "desktop" }),
    ] {
        let r = beacon(&api, &body).await;
        assert_eq!(r.status, 204, "{body}: {}", r.text);
    }
    for body in [
        json!({ "rating": 5, "comment": "Easy.", "step": "confirmation", "source": "sms-invite" }),
        json!({ "rating": 2, "step": "manage/cancelled", "source": "direct" }),
    ] {
        let r = api.post("/api/feedback", None, &body).await;
        assert_eq!(r.status, 202, "{body}: {}", r.text);
    }
    let kept = arrived(&api).await;
    assert_eq!(kept["events"].as_array().unwrap().len(), 7);
    assert_eq!(kept["events"][4]["mode"], "other");
    assert_eq!(kept["feedback"][1]["step"], "manage/cancelled");
}

#[tokio::test]
async fn bad_events_are_refused_and_never_echoed() {
    let spec = Spec::load();
    let api = api();
    // Not JSON, or not an object: 400.
    for body in [
        "not json <b>secret-1</b>",
        "[\"secret-2\"]",
        "\"secret-3\"",
        "{\"event\": \"step\", \"step\": \"secret-4\"",
    ] {
        let r = post_raw(&api, "/api/events", "text/plain;charset=UTF-8", body).await;
        assert_eq!((r.status, r.code()), (400, "validation_failed"), "{body}");
        assert!(!r.text.contains("secret"), "{}", r.text);
        spec.check("POST", "/events", &r);
    }
    // Readable but wrong: 422 naming the fields, without the values.
    let cases = [
        (json!({}), vec!["event"]),
        (json!({ "event": "visit", "step": "time" }), vec!["event"]),
        (json!({ "event": 1 }), vec!["event"]),
        (json!({ "event": "step" }), vec!["step"]),
        (
            json!({ "event": "left", "source": "website" }),
            vec!["step"],
        ),
        (
            json!({ "event": "step", "step": "Time<script>x</script>" }),
            vec!["step"],
        ),
        (
            json!({ "event": "step", "step": "a".repeat(41) }),
            vec!["step"],
        ),
        (
            json!({ "event": "step", "step": "/book/time?x=1" }),
            vec!["step"],
        ),
        (
            json!({ "event": "booked", "source": "secret-5", "elapsed_s": -1,
                    "device": "tablet", "mode": "carrier-pigeon" }),
            vec!["device", "elapsed_s", "mode", "source"],
        ),
        (
            json!({ "event": "booked", "elapsed_s": "42" }),
            vec!["elapsed_s"],
        ),
        (
            json!({ "event": "booked", "elapsed_s": 4.2 }),
            vec!["elapsed_s"],
        ),
        (
            json!({ "event": "problem", "kind": "Secret 6" }),
            vec!["kind"],
        ),
        (json!({ "event": "problem", "kind": "" }), vec!["kind"]),
    ];
    for (body, fields) in cases {
        let r = beacon(&api, &body).await;
        assert_eq!((r.status, r.code()), (422, "validation_failed"), "{body}");
        assert_eq!(field_names(&r), fields, "{body}");
        assert!(
            !r.text.contains("secret")
                && !r.text.contains("Secret")
                && !r.text.contains("<script>")
        );
        spec.check("POST", "/events", &r);
    }
    assert_eq!(arrived(&api).await["events"], json!([]), "nothing was kept");
    // A step of 40 characters is fine.
    let r = beacon(&api, &json!({ "event": "step", "step": "a".repeat(40) })).await;
    assert_eq!(r.status, 204);
}

#[tokio::test]
async fn feedback_is_checked_field_by_field() {
    let spec = Spec::load();
    let api = api();
    for (rating, what) in [
        (json!(0), "0"),
        (json!(6), "6"),
        (json!("5"), "a string"),
        (json!(4.5), "not whole"),
        (json!(null), "null"),
    ] {
        let r = api
            .post("/api/feedback", None, &json!({ "rating": rating }))
            .await;
        assert_eq!((r.status, r.code()), (422, "validation_failed"), "{what}");
        assert_eq!(field_names(&r), ["rating"], "{what}");
        spec.check("POST", "/feedback", &r);
    }
    let r = api.post("/api/feedback", None, &json!({})).await;
    assert_eq!(field_names(&r), ["rating"]);
    let long = "é".repeat(1201);
    let r = api
        .post(
            "/api/feedback",
            None,
            &json!({ "rating": 3, "comment": long }),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(field_names(&r), ["comment"]);
    assert!(!r.text.contains("éé"), "the comment is not echoed");
    spec.check("POST", "/feedback", &r);
    let r = api
        .post(
            "/api/feedback",
            None,
            &json!({ "rating": 7, "comment": ["x"], "step": "Confirmation", "source": "email" }),
        )
        .await;
    assert_eq!(field_names(&r), ["comment", "rating", "source", "step"]);
    let r = post_raw(&api, "/api/feedback", "application/json", "{\"rating\":").await;
    assert_eq!((r.status, r.code()), (400, "validation_failed"));
    spec.check("POST", "/feedback", &r);

    // 1200 characters (not bytes) are fine; only the contract's fields are kept.
    let ok = "é".repeat(1200);
    let r = api
        .post(
            "/api/feedback",
            None,
            &json!({ "rating": 5, "comment": ok, "step": "confirmation", "source": "sms-invite",
                     "reference": "PHY-4B7K2M", "name": "Siân O'Neill", "email": "a@b.example" }),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.text);
    assert_eq!(r.json, json!({ "ok": true }));
    spec.check("POST", "/feedback", &r);
    let r = api
        .post("/api/feedback", None, &json!({ "rating": 1 }))
        .await;
    assert_eq!(r.status, 202);
    let kept = arrived(&api).await;
    assert_eq!(
        kept["feedback"],
        json!([
            { "rating": 5, "comment": "é".repeat(1200), "step": "confirmation",
              "source": "sms-invite", "date": "2027-03-15" },
            { "rating": 1, "date": "2027-03-15" },
        ])
    );
    assert!(!kept.to_string().contains("PHY-4B7K2M"));
}

#[tokio::test]
async fn version_1_0_has_no_feedback_or_events() {
    let new = api();
    let features = new.get("/api/services").await.json["features"].clone();
    for f in ["feedback", "events"] {
        assert!(
            features.as_array().unwrap().contains(&json!(f)),
            "{features}"
        );
    }
    let old = api_with(Config {
        api_version: ApiVersion::V1_0,
        ..Config::default()
    });
    assert!(old
        .get("/api/services")
        .await
        .json
        .get("features")
        .is_none());
    let not_found = old.get("/api/nothing-here").await;
    for r in [
        old.post("/api/feedback", None, &json!({ "rating": 5 }))
            .await,
        beacon(&old, &json!({ "event": "step", "step": "time" })).await,
        old.get("/api/events").await,
    ] {
        assert_eq!((r.status, &r.json), (404, &not_found.json), "{}", r.text);
    }
    assert_eq!(arrived(&old).await["events"], json!([]));
    // The report is the demo's own page: there whatever the version, with nothing to show.
    let r = report(&old).await;
    assert_eq!(r.status, 200);
    assert!(r.text.contains("No bookings yet."));
    // Other methods on the new paths: 405 with the envelope.
    let r = new.get("/api/events").await;
    assert_eq!((r.status, r.code()), (405, "not_found"));
}

#[tokio::test]
async fn cors_lets_the_app_post_feedback_and_events_from_another_origin() {
    let api = api();
    let req = Request::options("/api/feedback")
        .header("Origin", "https://app.example.nhs.uk")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,accept")
        .body(Body::empty())
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let methods = r
        .header("access-control-allow-methods")
        .unwrap()
        .to_lowercase();
    assert!(methods.contains("post"), "{methods}");
    let headers = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    assert!(
        headers.contains("content-type") && headers.contains("accept"),
        "{headers}"
    );
    assert_eq!(
        r.header("access-control-allow-credentials"),
        None,
        "no cookies"
    );

    // The JSON POST itself, and a beacon (a simple request: no preflight), from that origin.
    let req = Request::post("/api/feedback")
        .header("Origin", "https://app.example.nhs.uk")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json!({ "rating": 4 }).to_string()))
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(
        (r.status, r.header("access-control-allow-origin")),
        (202, Some("*"))
    );
    let req = Request::post("/api/events")
        .header("Origin", "https://app.example.nhs.uk")
        .header(header::CONTENT_TYPE, "text/plain;charset=UTF-8")
        .body(Body::from(r#"{"event":"step","step":"time"}"#))
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(
        (r.status, r.header("access-control-allow-origin")),
        (204, Some("*"))
    );
}

/// Books the first free time on `day` at the main clinic; the body says `channel` online.
async fn book_online(api: &Api, key: &str, day: &str) {
    let slot = api.first_free_slot(MAIN, day, day).await;
    let r = api
        .post(
            "/api/bookings",
            Some(key),
            &booking_body(slot["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
}

#[tokio::test]
async fn the_report_shows_the_figures_for_what_arrived() {
    let api = api();
    let empty = report(&api).await;
    assert_eq!(empty.status, 200);
    for words in [
        "No bookings yet.",
        "No pages counted yet.",
        "No feedback yet.",
    ] {
        assert!(empty.text.contains(words), "{words}");
    }

    // Three bookings (two by text message invitation, taking 60, 200 and 400 seconds), pages
    // reached and left, and feedback with a comment that tries to be HTML.
    for (source, elapsed) in [("sms-invite", 60), ("sms-invite", 200), ("website", 400)] {
        for step in ["", "time", "your-details"] {
            beacon(
                &api,
                &json!({ "event": "step", "step": step, "source": source }),
            )
            .await;
        }
        let r = beacon(
            &api,
            &json!({ "event": "booked", "step": "confirmation", "source": source,
                     "elapsed_s": elapsed, "mode": "in_person" }),
        )
        .await;
        assert_eq!(r.status, 204);
    }
    for _ in 0..2 {
        beacon(&api, &json!({ "event": "step", "step": "time" })).await;
    }
    beacon(&api, &json!({ "event": "left", "step": "time" })).await;
    beacon(
        &api,
        &json!({ "event": "problem", "step": "time", "kind": "taken" }),
    )
    .await;
    for (rating, comment) in [
        (5, Some("Quick & easy")),
        (2, Some("<script>alert('x')</script>")),
        (5, None),
    ] {
        let r = api
            .post(
                "/api/feedback",
                None,
                &json!({ "rating": rating, "comment": comment }),
            )
            .await;
        assert_eq!(r.status, 202);
    }
    // Two bookings the API itself took with the channel online.
    book_online(&api, "online-1", "2027-03-24").await;
    book_online(&api, "online-2", "2027-03-23").await;

    let r = report(&api).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("style-src 'self'") && !csp.contains("unsafe"),
        "{csp}"
    );
    let page = &r.text;
    for figure in [
        // Bookings per day, and the API's own count beside it.
        "3 bookings made online over 1 day, from Monday 15 March 2027 to Monday 15 March 2027.",
        "<th scope=\"row\">Monday 15 March 2027</th><td class=\"num\">3</td><td class=\"num\">2</td>",
        // Sources: 2 of 3 by text message.
        "2 of 3 bookings (67%) came from: text message invitation.",
        "<th scope=\"row\">Trust website</th><td class=\"num\">1</td><td class=\"num\">33%</td>",
        // Drop-off on the time page: 5 reached, 1 left (20%).
        "Patients left most often on Time: 1 left there, of 5 who reached it (20%).",
        "<th scope=\"row\">Time <code class=\"slug\">time</code></th><td class=\"num\">5</td><td class=\"num\">1</td><td class=\"num\">20%</td>",
        "<th scope=\"row\">Start page <code class=\"slug\">start</code></th><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0%</td>",
        // Median of 60, 200 and 400 seconds.
        "Median time to book: 3 minutes 20 seconds",
        // Problems.
        "<th scope=\"row\"><code>taken</code></th><td class=\"num\">1</td>",
        // Ratings and comments.
        "3 people rated how easy it was to book or cancel; 2 (67%) found it easy or very easy.",
        "<th scope=\"row\">2 Difficult</th><td class=\"num\">1</td><td class=\"num\">33%</td>",
        "Quick &amp; easy",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
    ] {
        assert!(page.contains(figure), "{figure} missing from\n{page}");
    }
    assert!(!page.contains("<script"), "the comment is escaped");
    assert!(!page.contains("Includes sample data"));
    // Charts and tables.
    assert_eq!(page.matches("role=\"img\"").count(), 5);
    assert_eq!(page.matches("<caption").count(), 6);

    // The stylesheet it links to.
    let css = api.get("/report.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(css.text.contains(".chart"));
}

#[tokio::test]
async fn the_report_renders_under_a_strict_policy() {
    // `--csp-path /`: the trust's strict policy (no inline style or script) on every answer.
    let api = api_with(Config {
        csp_paths: vec!["/".into()],
        ..Config::default()
    });
    beacon(
        &api,
        &json!({ "event": "booked", "source": "direct", "elapsed_s": 30 }),
    )
    .await;
    let r = report(&api).await;
    assert_eq!(r.status, 200);
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("style-src 'self'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    // Nothing on the page needs more than that: no inline style or script, the stylesheet
    // from the same origin.
    for inline in [
        "style=",
        "<style",
        "<script",
        "javascript:",
        "on load=",
        "onload=",
    ] {
        assert!(!r.text.contains(inline), "{inline}");
    }
    assert!(r
        .text
        .contains("<link rel=\"stylesheet\" href=\"report.css\">"));
    let external = r.text.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !external.contains("http:") && !external.contains("https:"),
        "nothing external"
    );
    let css = api.get("/report.css").await;
    assert_eq!(css.status, 200);
}

#[tokio::test]
async fn reset_clears_events_and_feedback_and_sample_data_comes_back() {
    let api = api();
    beacon(&api, &json!({ "event": "step", "step": "time" })).await;
    api.post("/api/feedback", None, &json!({ "rating": 4 }))
        .await;
    book_online(&api, "k", "2027-03-24").await;
    let kept = arrived(&api).await;
    assert_eq!(kept["events"].as_array().unwrap().len(), 1);
    assert_eq!(kept["feedback"].as_array().unwrap().len(), 1);
    assert_eq!(kept["online_bookings"], json!({ "2027-03-15": 1 }));
    assert_eq!(
        api.post("/__demo/reset", None, &json!({})).await.status,
        200
    );
    let kept = arrived(&api).await;
    assert_eq!(
        kept,
        json!({ "events": [], "feedback": [], "sample": { "events": 0, "feedback": 0 },
                "online_bookings": {} })
    );

    // With sample data: two weeks before today, marked on the report, left out of
    // /__demo/events (only counted), and the same again after a reset.
    let sample = api_with(Config {
        sample_events: true,
        ..Config::default()
    });
    let kept = arrived(&sample).await;
    assert_eq!(
        (kept["events"].clone(), kept["feedback"].clone()),
        (json!([]), json!([]))
    );
    let counts = kept["sample"].clone();
    assert!(counts["events"].as_u64().unwrap() > 1000, "{counts}");
    assert!(counts["feedback"].as_u64().unwrap() > 3, "{counts}");
    let r = report(&sample).await;
    assert!(r.text.contains("Includes sample data"));
    assert!(
        r.text.contains("Monday 1 March 2027"),
        "two weeks before today"
    );
    assert!(r.text.contains("Sunday 14 March 2027"));
    assert!(!r.text.contains("No bookings yet."));
    beacon(&sample, &json!({ "event": "step", "step": "time" })).await;
    assert_eq!(
        arrived(&sample).await["events"].as_array().unwrap().len(),
        1
    );
    sample.post("/__demo/reset", None, &json!({})).await;
    let kept = arrived(&sample).await;
    assert_eq!(
        (kept["events"].clone(), kept["sample"].clone()),
        (json!([]), counts)
    );
    assert!(report(&sample).await.text.contains("Includes sample data"));

    // The control is a test control only.
    let plain = Api::new(Config::default());
    assert_eq!(plain.get("/__demo/events").await.status, 404);
    assert_eq!(
        report(&plain).await.status,
        200,
        "the report is not a test control"
    );
}

#[tokio::test]
async fn the_binary_takes_sample_events_from_a_flag_or_the_environment() {
    async fn sample_events(args: &[&str], env: Option<&str>) -> Value {
        let mut cmd = Binary::command();
        cmd.args(["--test-controls", "--today", "2027-03-15"])
            .args(args);
        match env {
            Some(v) => cmd.env("DEMO_SAMPLE_EVENTS", v),
            None => cmd.env_remove("DEMO_SAMPLE_EVENTS"),
        };
        let server = Binary::start(cmd);
        let (status, json) = http(server.addr, "GET", "/__demo/events", &[], "").await;
        assert_eq!(status, 200);
        json["sample"]["events"].clone()
    }
    assert_eq!(sample_events(&[], None).await, json!(0), "off by default");
    assert!(
        sample_events(&["--sample-events"], None)
            .await
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(sample_events(&[], Some("true")).await.as_u64().unwrap() > 0);
}
