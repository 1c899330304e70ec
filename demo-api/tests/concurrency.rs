//! Atomic slot taking and idempotency under real concurrency, over a loopback socket.

mod common;

use common::{booking_body, http, serve, Api};
use serde_json::json;

const NOW: &str = "2027-03-15T09:07:00Z";
const FILTER: &str = "service=physio-msk&band=band-6&locality=hinchingbrooke";

async fn book(addr: std::net::SocketAddr, key: String, body: String) -> (u16, serde_json::Value) {
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", key.as_str()),
    ];
    http(addr, "POST", "/api/bookings", &headers, &body).await
}

/// Waits for every attempt and counts (201 Created, 409 slot_unavailable); any other answer
/// fails the test.
async fn tally(tasks: Vec<tokio::task::JoinHandle<(u16, serde_json::Value)>>) -> (usize, usize) {
    let (mut created, mut taken) = (0, 0);
    for t in tasks {
        let (status, json) = t.await.unwrap();
        match status {
            201 => created += 1,
            409 if json["error"]["code"] == "slot_unavailable" => taken += 1,
            other => panic!("unexpected {other}: {json}"),
        }
    }
    (created, taken)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_patients_racing_for_one_slot_book_it_once() {
    let api = Api::frozen(NOW);
    let addr = serve(api.router.clone()).await;
    let slot = api
        .first_free_slot(FILTER, "2027-03-23", "2027-03-23")
        .await;
    let slot_id = slot["id"].as_str().unwrap().to_string();
    let body = booking_body(&slot_id).to_string();

    let tasks: Vec<_> = (0..50)
        .map(|i| tokio::spawn(book(addr, format!("race-{i}"), body.clone())))
        .collect();
    let (created, taken) = tally(tasks).await;
    assert_eq!((created, taken), (1, 49));
    let holders: Vec<_> = (api.demo_bookings().await.into_iter())
        .filter(|b| b["slot_id"] == slot_id.as_str())
        .collect();
    assert_eq!(holders.len(), 1, "{holders:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_retries_with_one_key_book_once_and_share_the_reference() {
    let api = Api::frozen(NOW);
    let addr = serve(api.router.clone()).await;
    let slot = api
        .first_free_slot(FILTER, "2027-03-23", "2027-03-23")
        .await;
    let slot_id = slot["id"].as_str().unwrap().to_string();
    let body = booking_body(&slot_id).to_string();

    let tasks: Vec<_> = (0..10)
        .map(|_| tokio::spawn(book(addr, "one-key".into(), body.clone())))
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    let first = answers[0].clone();
    assert_eq!(first.0, 201, "{}", first.1);
    assert!(answers.iter().all(|a| *a == first), "all replies identical");
    let made: Vec<_> = (api.demo_bookings().await.into_iter())
        .filter(|b| b["idempotency_key"] == "one-key")
        .collect();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0]["reference"], first.1["reference"]);

    // A key reused for a different request is refused, and books nothing.
    let other = api
        .first_free_slot(FILTER, "2027-03-24", "2027-03-24")
        .await;
    let (status, json) = book(
        addr,
        "one-key".into(),
        booking_body(other["id"].as_str().unwrap()).to_string(),
    )
    .await;
    assert_eq!(status, 409);
    assert_eq!(json["error"]["code"], "conflict");
    assert_eq!(
        api.demo_bookings().await.len(),
        made.len() + 3,
        "3 seeded + 1"
    );
    // The same body in another key order is the same request.
    let reordered = format!(
        r#"{{"source":"sms-invite","channel":"online","reminders":{{"email":false,"sms":true}},"patient":{},"slot_id":"{slot_id}"}}"#,
        booking_body(&slot_id)["patient"]
    );
    let (status, json) = book(addr, "one-key".into(), reordered).await;
    assert_eq!((status, json), first);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_reschedules_onto_one_slot_move_one_booking() {
    let api = Api::frozen(NOW);
    let addr = serve(api.router.clone()).await;
    let slots = api.all_slots(FILTER, "2027-03-23", "2027-03-23").await;
    let (a, b, target) = (&slots[0]["id"], &slots[1]["id"], &slots[2]["id"]);
    let mut refs = Vec::new();
    for (i, slot) in [a, b].iter().enumerate() {
        let r = api
            .post(
                "/api/bookings",
                Some(&format!("k{i}")),
                &booking_body(slot.as_str().unwrap()),
            )
            .await;
        refs.push(r.json["reference"].as_str().unwrap().to_string());
    }
    let body = json!({ "date_of_birth": "1958-02-28", "slot_id": target }).to_string();
    let tasks: Vec<_> = refs
        .iter()
        .map(|r| {
            let (path, body) = (format!("/api/bookings/{r}/reschedule"), body.clone());
            tokio::spawn(async move {
                let headers = [
                    ("Idempotency-Key", "move"),
                    ("Content-Type", "application/json"),
                ];
                http(addr, "POST", &path, &headers, &body).await
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap().0);
    }
    statuses.sort();
    assert_eq!(statuses, [200, 409]);
    let holders: Vec<_> = (api.demo_bookings().await.into_iter())
        .filter(|x| x["status"] == "booked")
        .map(|x| x["slot_id"].clone())
        .collect();
    // One moved to the target, the other kept its original slot; nothing is double booked.
    assert!(holders.contains(target));
    assert_eq!(holders.iter().filter(|s| *s == a || *s == b).count(), 1);
    let mut unique = holders.clone();
    unique.sort_by_key(|v| v.to_string());
    unique.dedup();
    assert_eq!(unique.len(), holders.len());
}

/// Load (loopback only, bounded): 1,000 patients at once, twenty for each of 50 slots, each
/// with their own key. Exactly 50 bookings, no slot twice, every other answer a clean 409.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_attempts_over_fifty_slots_give_exactly_fifty_bookings() {
    let api = Api::frozen(NOW);
    let addr = serve(api.router.clone()).await;
    let slots: Vec<String> = api
        .all_slots(FILTER, "2027-03-22", "2027-04-20")
        .await
        .into_iter()
        .take(50)
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(slots.len(), 50, "the seed has at least 50 free slots here");
    let started = std::time::Instant::now();
    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            let body = booking_body(&slots[i % 50]).to_string();
            tokio::spawn(book(addr, format!("load-{i}"), body))
        })
        .collect();
    let (created, taken) = tally(tasks).await;
    let bookings: Vec<_> = api
        .demo_bookings()
        .await
        .into_iter()
        .filter(|b| {
            b["idempotency_key"]
                .as_str()
                .is_some_and(|k| k.starts_with("load-"))
        })
        .collect();
    let distinct: std::collections::BTreeSet<_> =
        bookings.iter().map(|b| b["slot_id"].to_string()).collect();
    eprintln!(
        "load: 1000 attempts over 50 slots in {:?}: {created} booked, {taken} slot_unavailable, {} distinct slots",
        started.elapsed(),
        distinct.len()
    );
    assert_eq!((created, taken), (50, 950));
    assert_eq!(bookings.len(), 50);
    assert_eq!(distinct.len(), 50, "no slot booked twice");
}
