//! What a session's store is given before the app opens, made with the store's own operations
//! (the same checks as the API's): alerts, bookings, and times freed and held for an alert.
//! Each answers the values the state's addresses and steps use (`{offer}`, `{reference}`…).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde_json::{json, Value};

use super::list::Setup;
use crate::state::App;
use crate::store::{decode_cursor, SlotQuery, Store};

/// The patient who asks for earlier times (as in `e2e/alerts.spec.ts` and `offer.spec.ts`).
const AMIR: (&str, &str, &str, &str) = ("Amir", "Khan", "1990-06-15", "07700 900456");
/// Band 6 physiotherapy at Hinchingbrooke: the busy clinic.
const SERVICE: &str = "physio-msk";
const BAND: &str = "band-6";
const PLACE: &str = "hinchingbrooke";

pub type Values = BTreeMap<String, String>;

/// Runs `setup` against the session's store, adding the values it makes to `values`.
pub fn run(setup: Setup, app: &App, values: &mut Values) -> Result<(), String> {
    let mut store = app.store();
    let today = store.clock.today();
    match setup {
        Setup::Alert => {
            let alert = new_alert(&mut store, today, None, today + Duration::days(40))?;
            values.insert("alert".into(), alert);
        }
        Setup::HeldOffer => {
            let alert = new_alert(&mut store, today, None, today + Duration::days(40))?;
            let freed = first(&open_times(&store, today, 3, 20))?;
            free_up(&mut store, &freed)?;
            values.insert("offer".into(), held_for(&store, &alert)?);
            values.insert("alert".into(), alert);
        }
        Setup::HeldOfferForBooking => {
            let times = open_times(&store, today, 3, 30);
            let (earlier, later) = (first(&times)?, last(&times)?);
            let reference = book(&mut store, &later, AMIR, json!({}))?;
            let before = date_of(&store, &later)?;
            let alert = new_alert(&mut store, today, Some(&reference), before)?;
            free_up(&mut store, &earlier)?;
            values.insert("offer".into(), held_for(&store, &alert)?);
            values.insert("alert".into(), alert);
            values.insert("reference".into(), reference);
        }
        Setup::BookingLater => {
            let later = last(&open_times(&store, today, 3, 30))?;
            let reference = book(&mut store, &later, AMIR, json!({}))?;
            values.insert("reference".into(), reference);
        }
        Setup::BookingWithAlert => {
            let later = last(&open_times(&store, today, 3, 30))?;
            let reference = book(&mut store, &later, AMIR, json!({}))?;
            let before = date_of(&store, &later)?;
            let alert = new_alert(&mut store, today, Some(&reference), before)?;
            values.insert("reference".into(), reference);
            values.insert("alert".into(), alert);
        }
        Setup::BookingForSomeoneElse => {
            let time = first(&open_times(&store, today, 3, 30))?;
            let extras = json!({
                "screening": "none",
                "booked_by": { "name": "Ana Lima", "relationship": "daughter", "phone": "07700 900456" },
                "needs": {
                    "interpreter": "Polish",
                    "communication": ["large_print", "easy_read", "braille", "audio", "email_only",
                                      "text_relay", "deafblind_manual"],
                    "access": ["step_free", "hearing_loop", "longer_appointment", "chaperone",
                               "companion", "quiet_wait"],
                    "other": "I use a wheelchair."
                }
            });
            let sian = ("Siân", "O'Neill", "1958-02-28", "07700 900123");
            let reference = book(&mut store, &time, sian, extras)?;
            values.insert("reference".into(), reference);
        }
        Setup::ExpireHolds => {
            store.expire_holds();
        }
    }
    Ok(())
}

fn new_alert(
    store: &mut Store,
    today: NaiveDate,
    booking: Option<&str>,
    before: NaiveDate,
) -> Result<String, String> {
    let (given, family, dob, phone) = AMIR;
    let body = json!({
        "service": SERVICE, "band": BAND, "locality": PLACE, "before": before.to_string(),
        "booking": booking,
        "patient": { "given_name": given, "family_name": family, "date_of_birth": dob, "phone": phone },
    });
    let key = format!("gallery-alert-{today}-{}", booking.unwrap_or("new"));
    let alert = store
        .create_alert(&key, &body)
        .map_err(|e| format!("alert: {e:?}"))?;
    text(&alert, "alert")
}

/// Open Band 6 times at Hinchingbrooke `from` to `to` days after today, earliest first.
fn open_times(store: &Store, today: NaiveDate, from: i64, to: i64) -> Vec<String> {
    let mut ids = Vec::new();
    let mut after = None;
    loop {
        let page = store.slots(&SlotQuery {
            service: Some(SERVICE.into()),
            band: Some(BAND.into()),
            locality: Some(PLACE.into()),
            from: today + Duration::days(from),
            to: today + Duration::days(to),
            after: after.take(),
        });
        let slots = page["slots"].as_array().cloned().unwrap_or_default();
        ids.extend(
            slots
                .iter()
                .filter_map(|s| s["id"].as_str().map(String::from)),
        );
        match page["next_cursor"].as_str().and_then(decode_cursor) {
            Some(key) => after = Some(key),
            None => return ids,
        }
    }
}

fn first(ids: &[String]) -> Result<String, String> {
    ids.first()
        .cloned()
        .ok_or_else(|| "no open time to use".into())
}

fn last(ids: &[String]) -> Result<String, String> {
    ids.last()
        .cloned()
        .ok_or_else(|| "no open time to use".into())
}

fn date_of(store: &Store, slot_id: &str) -> Result<NaiveDate, String> {
    let slot = store.slot(slot_id).ok_or("unknown slot")?;
    Ok(slot
        .start
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive())
}

fn text(v: &Value, key: &str) -> Result<String, String> {
    v[key]
        .as_str()
        .map(String::from)
        .ok_or_else(|| format!("no {key} in {v}"))
}

/// Books `slot_id` through the store, as the app would; answers the reference.
fn book(
    store: &mut Store,
    slot_id: &str,
    (given, family, dob, phone): (&str, &str, &str, &str),
    extras: Value,
) -> Result<String, String> {
    let mut body = json!({
        "slot_id": slot_id,
        "patient": { "given_name": given, "family_name": family, "date_of_birth": dob, "phone": phone },
        "reminders": { "sms": true, "email": false },
        "channel": "online",
        "source": "web",
    });
    if let (Some(body), Some(extras)) = (body.as_object_mut(), extras.as_object()) {
        body.extend(extras.clone());
    }
    let key = format!("gallery-booking-{slot_id}-{given}");
    let booking = store
        .create_booking(&key, &body)
        .map_err(|e| format!("booking: {e:?}"))?;
    text(&booking, "reference")
}

/// Another patient books `slot_id` and cancels it again, so the time is freed (and held for
/// an alert that wants it).
fn free_up(store: &mut Store, slot_id: &str) -> Result<(), String> {
    let other = ("Other", "Patient", "1970-01-01", "07700 900999");
    let reference = book(store, slot_id, other, json!({}))?;
    store
        .cancel(&reference, &json!({ "date_of_birth": "1970-01-01" }))
        .map_err(|e| format!("cancel: {e:?}"))?;
    Ok(())
}

/// The code of the time held for `alert`.
fn held_for(store: &Store, alert: &str) -> Result<String, String> {
    let alerts = store.demo_alerts();
    (alerts["alerts"].as_array().into_iter().flatten())
        .find(|a| a["alert"] == alert)
        .and_then(|a| a["hold"]["code"].as_str())
        .map(String::from)
        .ok_or_else(|| format!("nothing is held for {alert}"))
}
