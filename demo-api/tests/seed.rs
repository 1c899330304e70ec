//! The demo data: a clock change is always covered, a month needs paging, a site has nothing
//! free, slots are weekday clinic hours and never in the past, and a seed always gives the same data.

mod common;

use std::collections::HashSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use common::{at, Api};
use demo_api::Config;
use serde_json::{json, Value};

const MAIN: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

fn start(slot: &Value) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap()
}

fn offsets(slots: &[Value]) -> HashSet<String> {
    slots
        .iter()
        .map(|s| s["start"].as_str().unwrap()[19..].to_string())
        .collect()
}

/// Each slot's offset is London's at that instant, and its wall time is in clinic hours.
fn assert_clinic_times(slots: &[Value]) {
    for s in slots {
        let st = start(s);
        let london = st.with_timezone(&chrono_tz::Europe::London);
        assert_eq!(
            st.offset().local_minus_utc(),
            {
                use chrono::Offset;
                london.offset().fix().local_minus_utc()
            },
            "{s}"
        );
        let t = st.time();
        assert!(t >= NaiveTime::from_hms_opt(8, 0, 0).unwrap(), "{s}");
        let end = DateTime::parse_from_rfc3339(s["end"].as_str().unwrap()).unwrap();
        assert!(
            end.time() <= NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            "{s}"
        );
        assert!(![Weekday::Sat, Weekday::Sun].contains(&st.weekday()), "{s}");
        assert!([30, 45].contains(&(end - st).num_minutes()), "{s}");
    }
}

#[tokio::test]
async fn spring_change_inside_the_eight_weeks() {
    let api = Api::frozen("2027-03-15T09:07:00Z");
    let slots = api.all_slots(MAIN, "2027-03-15", "2027-04-15").await;
    assert_eq!(
        offsets(&slots),
        HashSet::from(["+00:00".into(), "+01:00".into()])
    );
    assert_clinic_times(&slots);
    // Same wall-clock hours either side of the change.
    let first_hour = |day: &str| {
        (slots.iter())
            .find(|s| s["start"].as_str().unwrap().starts_with(day))
            .map(|s| start(s).hour())
    };
    assert!(first_hour("2027-03-26").unwrap() < 10);
    assert!(first_hour("2027-03-29").unwrap() < 10);
}

#[tokio::test]
async fn autumn_today_extends_the_main_clinic_through_the_next_change() {
    // With today 2026-11-23 (the default behaviour: no --now, the clock runs) the next change
    // is 2027-03-28, beyond 8 weeks, so the main clinic runs on to 2027-04-04.
    let api = Api::new(Config {
        today: Some(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        ..Config::default()
    });
    let slots = api.all_slots(MAIN, "2027-03-15", "2027-04-15").await;
    assert_eq!(
        offsets(&slots),
        HashSet::from(["+00:00".into(), "+01:00".into()])
    );
    assert_clinic_times(&slots);
    let last = slots.last().unwrap()["start"].as_str().unwrap();
    assert!(
        last < "2027-04-05",
        "runs to the change plus a week, not beyond: {last}"
    );
    assert!(last >= "2027-04-01");
    // Other clinics stop at 8 weeks.
    let elsewhere = api
        .all_slots(
            "service=physio-msk&band=band-6&locality=st-neots",
            "2027-01-15",
            "2027-02-10",
        )
        .await;
    assert!(elsewhere
        .iter()
        .all(|s| s["start"].as_str().unwrap() < "2027-01-18"));
    // And in late summer, through the October change.
    let api = Api::frozen("2027-09-01T10:00:00Z");
    let slots = api.all_slots(MAIN, "2027-10-20", "2027-11-19").await;
    assert_eq!(
        offsets(&slots),
        HashSet::from(["+00:00".into(), "+01:00".into()])
    );
    assert_clinic_times(&slots);
}

#[tokio::test]
async fn a_month_at_the_main_site_needs_paging() {
    let api = Api::frozen("2027-01-11T07:00:00Z");
    let first = api
        .get(&format!("/api/slots?{MAIN}&from=2027-01-11&to=2027-02-11"))
        .await;
    assert_eq!(first.json["slots"].as_array().unwrap().len(), 200);
    assert!(first.json["next_cursor"].is_string());
    let all = api.all_slots(MAIN, "2027-01-11", "2027-02-11").await;
    assert!(all.len() > 200, "{}", all.len());
    let ids: HashSet<&str> = all.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), all.len(), "no slot on two pages");
    assert!(
        all.windows(2).all(|w| start(&w[0]) <= start(&w[1])),
        "oldest first"
    );
    // A smaller page size gives the same slots.
    let small = Api::new(Config {
        now: Some(at("2027-01-11T07:00:00Z")),
        page_size: 37,
        ..Config::default()
    });
    assert_eq!(small.all_slots(MAIN, "2027-01-11", "2027-02-11").await, all);
    // Without a locality filter, every site's slots for the band.
    let band = api
        .all_slots("service=physio-msk&band=band-6", "2027-01-11", "2027-02-11")
        .await;
    let sites: HashSet<&str> = band
        .iter()
        .map(|s| s["locality"].as_str().unwrap())
        .collect();
    assert_eq!(sites.len(), 3);
}

#[tokio::test]
async fn a_site_offers_a_band_but_has_nothing_free() {
    let api = Api::frozen("2027-03-15T09:07:00Z");
    let r = api
        .get("/api/localities?service=physio-msk&band=band-7")
        .await;
    let doddington = (r.json["localities"].as_array().unwrap().iter())
        .find(|l| l["id"] == "doddington")
        .expect("offered");
    assert_eq!(doddington["next_available"], Value::Null);
    for (from, to) in [("2027-03-15", "2027-04-14"), ("2027-04-15", "2027-05-15")] {
        let slots = api
            .all_slots(
                "service=physio-msk&band=band-7&locality=doddington",
                from,
                to,
            )
            .await;
        assert!(slots.is_empty());
    }
    // Elsewhere the next free slot is the first /slots lists.
    let hin = &r.json["localities"][0];
    let first = api
        .first_free_slot(
            "service=physio-msk&band=band-7&locality=hinchingbrooke",
            "2027-03-15",
            "2027-04-14",
        )
        .await;
    assert_eq!(hin["next_available"], first["start"]);
}

#[tokio::test]
async fn slots_are_weekday_clinic_hours_never_past_and_some_days_are_full() {
    let now = at("2027-03-17T12:10:00Z");
    let api = Api::frozen("2027-03-17T12:10:00Z");
    let slots = api
        .all_slots("service=physio-msk&band=band-6", "2027-03-17", "2027-04-16")
        .await;
    assert_clinic_times(&slots);
    assert!(slots.iter().all(|s| start(s) > now), "never in the past");
    let first = start(&slots[0]);
    assert_eq!(
        first.date_naive(),
        NaiveDate::from_ymd_opt(2027, 3, 17).unwrap(),
        "later today is offered"
    );
    let modes: Vec<&str> = slots.iter().map(|s| s["mode"].as_str().unwrap()).collect();
    let in_person = modes.iter().filter(|m| **m == "in_person").count();
    assert!(in_person * 2 > modes.len(), "mostly in person");
    assert!(modes.contains(&"telephone") && modes.contains(&"video"));
    // A weekday with no free slots at the main site, between days that have some.
    let main = api.all_slots(MAIN, "2027-03-18", "2027-04-16").await;
    let days: HashSet<NaiveDate> = main.iter().map(|s| start(s).date_naive()).collect();
    let full: Vec<NaiveDate> = (1..28)
        .map(|d| NaiveDate::from_ymd_opt(2027, 3, 18).unwrap() + chrono::Duration::days(d))
        .filter(|d| d.weekday().num_days_from_monday() < 5 && !days.contains(d))
        .collect();
    assert!(!full.is_empty(), "some day is fully booked");

    // With the real clock, nothing before the real current instant.
    let real = Api::new(Config::default());
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive();
    let to = today + chrono::Duration::days(31);
    let slots = real
        .all_slots(MAIN, &today.to_string(), &to.to_string())
        .await;
    let cutoff = Utc::now();
    assert!(!slots.is_empty());
    assert!(slots.iter().all(|s| start(s) > cutoff));
}

#[tokio::test]
async fn a_seed_always_gives_the_same_data_and_reset_restores_it() {
    let a = Api::frozen("2027-03-15T09:07:00Z");
    let b = Api::frozen("2027-03-15T09:07:00Z");
    let range = ("2027-03-15", "2027-04-14");
    let slots_a = a.all_slots(MAIN, range.0, range.1).await;
    assert_eq!(slots_a, b.all_slots(MAIN, range.0, range.1).await);
    // Another seed, other data.
    let c = Api::new(Config {
        seed: 7,
        now: Some(at("2027-03-15T09:07:00Z")),
        ..Config::default()
    });
    assert_ne!(slots_a, c.all_slots(MAIN, range.0, range.1).await);
    // A slot id is fixed by seed, site and time, not by the day the server starts.
    let later = Api::frozen("2027-03-16T09:07:00Z");
    let later_slots = later.all_slots(MAIN, "2027-03-17", "2027-03-17").await;
    let same_day: Vec<&Value> = (slots_a.iter())
        .filter(|s| s["start"].as_str().unwrap().starts_with("2027-03-17"))
        .collect();
    assert_eq!(later_slots.iter().collect::<Vec<_>>(), same_day);

    let slot = &slots_a[0];
    let r = a
        .post(
            "/api/bookings",
            Some("k"),
            &common::booking_body(slot["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(r.status, 201);
    a.post(
        "/__demo/faults",
        None,
        &json!({ "latency_ms": 5, "force_409": true }),
    )
    .await;
    let r = a.post("/__demo/reset", None, &json!({})).await;
    assert_eq!((r.status, &r.json["today"]), (200, &json!("2027-03-15")));
    assert_eq!(a.all_slots(MAIN, range.0, range.1).await, slots_a);
    assert_eq!(a.demo_bookings().await.len(), 3, "only the seeded bookings");
    let faults = a.get("/__demo/faults").await.json;
    assert_eq!(
        (faults["latency_ms"].as_u64(), faults["force_409"].as_bool()),
        (Some(0), Some(false))
    );
}

#[tokio::test]
async fn seeded_bookings_and_invites_are_there() {
    let api = Api::frozen("2027-03-15T09:07:00Z");
    let ok = api
        .get("/api/bookings/PHY-4B7K2M?date_of_birth=1958-02-28")
        .await;
    assert_eq!((ok.status, &ok.json["status"]), (200, &json!("booked")));
    assert!(
        ok.json["slot"]["start"].as_str().unwrap() >= "2027-04-05",
        "a few weeks ahead"
    );
    let closed = api
        .get("/api/bookings/PHY-9TQ4XW?date_of_birth=1972-11-05")
        .await;
    let closed_start = start(&closed.json["slot"]).with_timezone(&Utc);
    let now = at("2027-03-15T09:07:00Z");
    assert!(closed_start > now && closed_start - now < chrono::Duration::hours(24));
    assert!(closed.json["cancel_before"].as_str() < Some("2027-03-15T09:07:00+00:00"));
    let cancelled = api
        .get("/api/bookings/PHY-CX3N8R?date_of_birth=1990-06-15")
        .await;
    assert_eq!(cancelled.json["status"], "cancelled");
    // A cancelled booking's slot is free again.
    let day = &cancelled.json["slot"]["start"].as_str().unwrap()[..10];
    let free = api.all_slots(MAIN, day, day).await;
    assert!(free.contains(&cancelled.json["slot"]));
    assert_eq!(api.get("/api/invites/q7p2mx").await.status, 200);
    assert_eq!(
        api.get("/api/invites/K9W3TB").await.json["locality"],
        "hinchingbrooke"
    );
    assert_eq!(api.get("/api/invites/EXP1RD").await.status, 404);
}

#[test]
fn late_evening_start_still_gives_a_booking_inside_its_window() {
    // At 21:30 the closed-window booking moves to 08:00 next morning: still within 24 hours.
    for now in [
        "2027-03-15T21:30:00Z",
        "2027-03-19T23:59:00Z",
        "2027-07-01T05:00:00Z",
    ] {
        let store = demo_api::store::Store::new(1, demo_api::clock::Clock::Fixed(at(now)), 200);
        let b = (store.data.bookings.iter())
            .find(|b| b.reference == demo_api::seed::CLOSED_REF)
            .unwrap();
        let slot = store.slot(&b.slot_id).unwrap();
        let gap = slot.start - at(now);
        assert!(
            gap > chrono::Duration::zero() && gap < chrono::Duration::hours(24),
            "{now}"
        );
        let local = slot.start.with_timezone(&chrono_tz::Europe::London);
        assert!((8..19).contains(&local.hour()), "{now}: {local}");
    }
}
