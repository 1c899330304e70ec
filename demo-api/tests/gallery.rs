//! The state gallery (`/gallery`, `gallery/states.json`): the list is well formed (known
//! actions and areas, unique ids and names, something to hear for each state, every setup
//! runs), every link opens a session of its own whose store is separate from every other
//! session's and from the main one, and the app's page in a session is the built page told its
//! base path and API base, with the driver added.

mod common;

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{header, Request};
use common::{booking_body, Api};
use demo_api::gallery::{List, Setup, Step, STATES_JSON};
use demo_api::Config;
use serde_json::{json, Value};

/// A stand-in for `dist/`: a page shaped like the built one (the mount element, the loader as
/// a module script) and a file of the app.
fn dist() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("demo-api-gallery-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html lang=en-GB><meta charset=utf-8><title>app</title>\
         <script type=module src=\"/booking.js\"></script></head><body>\
         <div data-phone=\"01480 123456\" id=nhs-booking></div></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("booking.js"), "// the loader").unwrap();
    std::fs::write(
        dir.join("nhs-booking-journey-0123456789abcdef.wasm"),
        "\0asm",
    )
    .unwrap();
    dir
}

fn api(dist: PathBuf) -> Api {
    Api::new(Config {
        static_dir: Some(dist),
        test_controls: true,
        ..Config::default()
    })
}

fn list() -> List {
    List::parse(STATES_JSON).expect("gallery/states.json parses")
}

async fn page(api: &Api, uri: &str) -> common::Reply {
    let req = Request::get(uri)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    api.send(req).await
}

/// Opens a state's link: answers the session's first address (`/__s/{sid}/…`) and its prefix.
async fn open(api: &Api, id: &str) -> (String, String) {
    let r = page(api, &format!("/gallery/open/{id}")).await;
    assert_eq!(r.status, 303, "{id}: {}", r.text);
    let to = r.header("location").expect("a Location").to_string();
    let sid = to
        .strip_prefix("/__s/")
        .and_then(|rest| rest.split('/').next())
        .expect("/__s/{sid}/…")
        .to_string();
    (to, format!("/__s/{sid}"))
}

#[test]
fn the_list_is_well_formed() {
    let list = list();
    assert_eq!(list.problems(), Vec::<String>::new());
    // Every state in the gallery's areas, in order, and the areas the issue names.
    let areas: Vec<&str> = list.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        areas,
        [
            "Booking questions",
            "Times",
            "Check and confirm",
            "Problems",
            "Manage a booking",
            "SMS invites",
            "Earlier-time alerts",
            "Feedback",
            "Information",
        ]
    );
    for s in &list.states {
        assert!(
            s.hear.trim().len() > 20,
            "{}: say what a tester hears",
            s.id
        );
        let steps = list.expand(&s.steps).unwrap();
        // A state reached by steps ends waiting for what it shows, so the driver is not done
        // before the app is.
        if let Some(last) = steps.last() {
            assert!(
                matches!(last, Step::WaitH1(_) | Step::WaitText(_) | Step::WhenH1(_))
                    || matches!(last, Step::Press(_) | Step::Fill(_)),
                "{}: the last step should wait for the state ({last:?})",
                s.id
            );
        }
    }
}

#[test]
fn mistakes_in_the_list_are_caught() {
    let bad = r#"{
      "areas": [{ "name": "Times", "about": "x" }, { "name": "Empty", "about": "y" }],
      "walks": { "loop": [{ "walk": "loop" }] },
      "states": [
        { "id": "a", "area": "Times", "name": "A", "h1": "H", "hear": "Something to hear here.",
          "start": "/", "steps": [{ "walk": "nowhere" }] },
        { "id": "a", "area": "Nowhere", "name": "A", "h1": "", "hear": " ", "start": "x",
          "features": ["teleport"], "settings": { "base-path": "/" },
          "faults": { "fail_nxt": [] },
          "steps": [{ "control": "explode" }, { "take_slot": "mine" }, { "goto": "x" },
                    { "fill": { "label": "A", "value": "{nobody}" } },
                    { "when_h1": { "h1": "A", "or": "B", "steps": [{ "goto": "/x" }] } }] }
      ]
    }"#;
    let problems = List::parse(bad).unwrap().problems().join("\n");
    for expected in [
        "area \"Empty\" has no states",
        "walk \"loop\": the walk \"loop\" walks itself",
        "no walk named \"nowhere\"",
        "the id is used twice",
        "the name \"A\" is used twice",
        "unknown area \"Nowhere\"",
        "no h1",
        "no hear",
        "unknown feature \"teleport\"",
        "start must begin with /",
        "the setting \"base-path\" cannot be set here",
        "unknown field \"fail_nxt\"",
        "control: unknown \"explode\"",
        "take_slot: \"mine\"",
        "goto: \"x\" must begin with /",
        "{nobody} is used but no setup gives it",
        "when_h1: no goto inside",
    ] {
        assert!(problems.contains(expected), "{expected}\nin:\n{problems}");
    }
    // An action the driver does not know does not parse at all.
    let unknown = r#"{ "areas": [], "walks": {}, "states": [{ "id": "a", "area": "A", "name": "A",
        "h1": "H", "hear": "x", "start": "/", "steps": [{ "dance": "now" }] }] }"#;
    assert!(List::parse(unknown).unwrap_err().contains("dance"));
}

#[tokio::test]
async fn every_setup_runs_on_a_fresh_store() {
    let api = api(dist());
    let list = list();
    let mut seen = std::collections::BTreeSet::new();
    for s in list.states.iter().filter(|s| !s.setup.is_empty()) {
        if !seen.insert(format!("{:?}", s.setup)) {
            continue;
        }
        let (to, _) = open(&api, &s.id).await;
        assert!(!to.contains('{'), "{}: every value filled in: {to}", s.id);
    }
    assert!(seen.len() >= 5, "{seen:?}");
    // The held offer is live in its session (and only there).
    let held = list
        .states
        .iter()
        .find(|s| s.setup == [Setup::HeldOffer])
        .unwrap();
    let (to, prefix) = open(&api, &held.id).await;
    let code = to.split("offer=").nth(1).unwrap();
    let r = api.get(&format!("{prefix}/api/offers/{code}")).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(api.get(&format!("/api/offers/{code}")).await.status, 404);
}

#[tokio::test]
async fn each_link_opens_a_store_of_its_own() {
    let api = api(dist());
    let (_, one) = open(&api, "start").await;
    let (_, two) = open(&api, "start").await;
    assert_ne!(one, two);

    let today = api.post("/__demo/reset", None, &json!({})).await.json["today"]
        .as_str()
        .unwrap()
        .to_string();
    let until = (chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap()
        + chrono::Duration::days(30))
    .to_string();
    let filters = "service=physio-msk&band=band-6&locality=hinchingbrooke";
    let slot = api.first_free_slot(filters, &today, &until).await;
    let slot = slot["id"].as_str().unwrap();
    let booked = api
        .post(
            &format!("{one}/api/bookings"),
            Some("gallery-1"),
            &booking_body(slot),
        )
        .await;
    assert_eq!(booked.status, 201, "{}", booked.text);
    let reference = booked.json["reference"].as_str().unwrap();

    let patients = |bookings: Vec<Value>| -> Vec<String> {
        bookings
            .iter()
            .filter(|b| b["origin"] == "patient")
            .map(|b| b["reference"].as_str().unwrap().to_string())
            .collect()
    };
    let in_session = |prefix: &str| format!("{prefix}/__demo/bookings");
    let r = api.get(&in_session(&one)).await;
    assert_eq!(
        patients(r.json["bookings"].as_array().unwrap().clone()),
        [reference]
    );
    let r = api.get(&in_session(&two)).await;
    assert_eq!(
        patients(r.json["bookings"].as_array().unwrap().clone()),
        Vec::<String>::new()
    );
    assert_eq!(
        patients(api.demo_bookings().await),
        Vec::<String>::new(),
        "nothing in the main store"
    );
    // The time is taken in that session only.
    let first_free = |prefix: String| {
        let (api, today, until) = (api.clone(), today.clone(), until.clone());
        async move {
            let uri = format!("{prefix}/api/slots?{filters}&from={today}&to={until}");
            api.get(&uri).await.json["slots"][0]["id"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    assert_ne!(first_free(one.clone()).await, slot);
    assert_eq!(first_free(two.clone()).await, slot);
    assert_eq!(first_free(String::new()).await, slot);

    // Faults are the session's own too.
    let r = api
        .post(
            &format!("{two}/__demo/faults"),
            None,
            &json!({ "force_409": true }),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(api.get("/__demo/faults").await.json["force_409"], false);
    assert_eq!(
        api.get(&format!("{one}/__demo/faults")).await.json["force_409"],
        false
    );
}

#[tokio::test]
async fn a_state_starts_with_its_faults_and_files() {
    let api = api(dist());
    let list = list();
    let with_faults = list.states.iter().find(|s| s.faults.is_some());
    if let Some(s) = with_faults {
        let (_, prefix) = open(&api, &s.id).await;
        let r = api.get(&format!("{prefix}/__demo/faults")).await;
        assert_ne!(r.json, api.get("/__demo/faults").await.json, "{}", s.id);
    }
    // A state whose chunk cannot be fetched: the file's connection is cut in its session only.
    let offline = list
        .states
        .iter()
        .find(|s| !s.offline_files.is_empty())
        .expect("a state with a file offline");
    let (_, prefix) = open(&api, &offline.id).await;
    let req = Request::get(format!(
        "{prefix}/nhs-booking-journey-0123456789abcdef.wasm"
    ))
    .body(Body::empty())
    .unwrap();
    let r = api.send(req).await;
    assert_eq!(
        r.header("content-encoding"),
        Some("gzip"),
        "an answer no browser can read"
    );
    assert!(!r.text.starts_with('\u{1f}'), "and it is not gzip");
    let (_, other) = open(&api, "start").await;
    let r = api
        .get(&format!(
            "{other}/nhs-booking-journey-0123456789abcdef.wasm"
        ))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text, "\0asm");
}

#[tokio::test]
async fn the_app_page_in_a_session_is_told_where_it_lives() {
    let api = api(dist());
    let (to, prefix) = open(&api, "find").await;
    assert_eq!(to, format!("{prefix}/manage"));
    let r = page(&api, &to).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    // The policy the app at / gets: none here (a tester's own tools work as they do at /).
    assert_eq!(r.header("content-security-policy"), None);
    // Nothing inline: every script is a file, so the page works under a strict policy too.
    for tag in r.text.split("<script").skip(1) {
        assert!(
            tag.trim_start().starts_with("src=") || tag.contains(" src="),
            "<script{tag}"
        );
    }
    for part in [
        format!("<meta name=\"nhs-booking:base-path\" content=\"{prefix}/\">"),
        format!("<meta name=\"nhs-booking:api-base\" content=\"{prefix}/api\">"),
        "<script src=\"/gallery/driver.js\" defer></script>".to_string(),
        format!("<script type=module src=\"{prefix}/booking.js\">"),
    ] {
        assert!(r.text.contains(&part), "{part} in {}", r.text);
    }
    // The driver comes before the app's loader (it clears what an earlier session left).
    assert!(r.text.find("driver.js") < r.text.find("booking.js"));
    // The page by its file name is the session's page too.
    let r = page(&api, &format!("{prefix}/index.html")).await;
    assert!(r.text.contains("nhs-booking:base-path"));
    // The app's files are there below the prefix; API paths are the session's API.
    assert_eq!(
        api.get(&format!("{prefix}/booking.js")).await.text,
        "// the loader"
    );
    assert_eq!(api.get(&format!("{prefix}/api/services")).await.status, 200);
    assert_eq!(api.get(&format!("{prefix}/api/nothing")).await.status, 404);
    let r = api.get(&format!("/gallery/session/{}", &prefix[5..])).await;
    assert_eq!(r.json["state"], "find");
    assert_eq!(r.json["h1"], "Find your appointment");

    // A state whose steps use a setup's values gets them filled in.
    let (to, prefix) = open(&api, "alert-stopped").await;
    assert_eq!(to, format!("{prefix}/manage"));
    let steps = api.get(&format!("/gallery/session/{}", &prefix[5..])).await;
    let text = steps.json["steps"].to_string();
    assert!(text.contains("ALT-"), "{text}");
    assert!(!text.contains("{alert}"), "{text}");
    assert!(!text.contains("\"walk\""), "walks are expanded: {text}");
}

#[tokio::test]
async fn the_gallery_page_lists_every_state_and_unknown_links_say_so() {
    let api = api(dist());
    let r = page(&api, "/gallery").await;
    assert_eq!(r.status, 200);
    assert!(r
        .header("content-security-policy")
        .unwrap()
        .starts_with("default-src 'none'"));
    let list = list();
    for s in &list.states {
        assert!(
            r.text
                .contains(&format!("<a href=\"/gallery/open/{}\">", s.id)),
            "{}",
            s.id
        );
    }
    for a in &list.areas {
        assert!(r.text.contains(&format!("<h2 id=\"{}\">", a.slug())));
    }
    assert_eq!(
        page(&api, "/gallery/open/nothing-like-it").await.status,
        404
    );
    assert_eq!(page(&api, "/__s/nosuchsession/manage").await.status, 404);
    let css = api.get("/gallery/gallery.css").await;
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    let js = api.get("/gallery/driver.js").await;
    assert!(js
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    assert_eq!(
        api.get("/gallery/states.json").await.json,
        serde_json::from_str::<Value>(STATES_JSON).unwrap()
    );
}

#[tokio::test]
async fn against_a_1_0_api_the_states_that_need_1_1_have_no_link() {
    let api = Api::new(Config {
        static_dir: Some(dist()),
        test_controls: true,
        api_version: demo_api::ApiVersion::V1_0,
        ..Config::default()
    });
    let r = page(&api, "/gallery").await;
    assert!(r.text.contains("<a href=\"/gallery/open/start\">"));
    assert!(!r.text.contains("<a href=\"/gallery/open/symptoms\">"));
    assert!(r.text.contains("Not available here"));
    assert_eq!(page(&api, "/gallery/open/symptoms").await.status, 404);
}

#[tokio::test]
async fn no_gallery_without_the_app_or_the_test_controls() {
    let without_controls = Api::new(Config {
        static_dir: Some(dist()),
        ..Config::default()
    });
    let r = page(&without_controls, "/gallery/open/start").await;
    assert_ne!(r.status, 303);
    assert!(!r.text.contains("State gallery"));
    let without_app = Api::new(Config {
        test_controls: true,
        ..Config::default()
    });
    assert_eq!(page(&without_app, "/gallery").await.status, 404);
}

#[tokio::test]
async fn only_the_newest_sessions_are_kept() {
    let api = api(dist());
    let (_, first) = open(&api, "start").await;
    for _ in 0..demo_api::gallery::MAX_SESSIONS {
        open(&api, "start").await;
    }
    assert_eq!(api.get(&format!("{first}/api/services")).await.status, 404);
}

#[tokio::test]
async fn under_a_strict_policy_for_the_app_the_sessions_get_it_too() {
    let api = Api::new(Config {
        static_dir: Some(dist()),
        test_controls: true,
        csp_paths: vec!["/".into()],
        ..Config::default()
    });
    let (to, _) = open(&api, "start").await;
    let r = page(&api, &to).await;
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
}
