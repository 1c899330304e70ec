//! Prints every message of the app's and the domain's catalogues as JSON
//! (`[{"area", "key", "en", "cy"}]`): the browser tests read it to find English left on a
//! Welsh page and to name Welsh controls (`make test-e2e` writes it to target/catalogue.json).

fn main() {
    let all: Vec<serde_json::Value> = booking_domain::words::catalogue()
        .into_iter()
        .chain(nhs_booking::words::catalogue())
        .map(|(area, key, en, cy)| serde_json::json!({ "area": area, "key": key, "en": en, "cy": cy }))
        .collect();
    println!("{}", serde_json::Value::Array(all));
}
