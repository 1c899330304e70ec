//! Component tests in headless Chromium: what a screen-reader or keyboard user meets.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use booking_domain::api::{Client, Request, Response, Transport, TransportError};
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::times::TimeRow;
use booking_domain::validate::Field;
use leptos::prelude::*;
use nhs_booking::components::{
    Choice, DateInput, ErrorItem, ErrorSummary, Radios, TextInput, Times,
};
use nhs_booking::config::Config;
use nhs_booking::http::AnyTransport;
use nhs_booking::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::{mount, query};

wasm_bindgen_test_configure!(run_in_browser);

async fn tick() {
    // Let reactive effects run.
    gloo_timers_sleep(0).await;
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn error_summary_links_each_message_to_its_field_and_focuses_it() {
    let root = mount(|| {
        let value = RwSignal::new(String::new());
        view! {
            <ErrorSummary errors=vec![ErrorItem::new("given-name", "Enter your first name")]/>
            <TextInput id="given-name" label="First name" value=value
                error=Some("Enter your first name".to_string())/>
        }
    });
    tick().await;
    let summary = query(&root, ".nhsb-error-summary");
    assert!(summary
        .text_content()
        .unwrap()
        .contains("There is a problem"));
    let link: web_sys::HtmlElement = query(&summary, "a").unchecked_into();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#given-name"));
    assert_eq!(link.text_content().unwrap(), "Enter your first name");
    link.click();
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "given-name");
    // The inline message is tied to the input for screen readers.
    let input = query(&root, "#given-name");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("given-name-error")
    );
    assert!(query(&root, "#given-name-error")
        .text_content()
        .unwrap()
        .contains("Error: Enter your first name"));
}

#[wasm_bindgen_test]
async fn an_empty_error_summary_renders_nothing() {
    let root = mount(|| {
        let none: Vec<ErrorItem> = Vec::new();
        view! { <ErrorSummary errors=none/> }
    });
    tick().await;
    assert!(root
        .query_selector(".nhsb-error-summary")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn radios_use_the_question_as_heading_and_report_the_choice() {
    let selected = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let root = mount(move || {
        view! {
            <Radios name="band" legend="Who do you need to see?".to_string() heading=true
                items=vec![
                    Choice { value: "band-6".into(), label: "Physiotherapist (Band 6)".into(), hint: vec!["First assessment".into()] },
                    Choice { value: "band-7".into(), label: "Senior physiotherapist (Band 7)".into(), hint: vec![] },
                ]
                selected=selected error=error/>
        }
    });
    tick().await;
    assert_eq!(
        query(&root, "legend h1").text_content().unwrap(),
        "Who do you need to see?"
    );
    // The first option carries the group's id so error links land on it.
    let first: web_sys::HtmlInputElement = query(&root, "#band").unchecked_into();
    assert_eq!(first.value(), "band-6");
    assert_eq!(
        first.get_attribute("aria-describedby").as_deref(),
        Some("band-item-hint")
    );
    let second: web_sys::HtmlInputElement = query(&root, "#band-2").unchecked_into();
    assert!(second.get_attribute("aria-describedby").is_none());
    second.click();
    tick().await;
    assert_eq!(selected.get_untracked().as_deref(), Some("band-7"));

    error.set(Some("Select who you need to see".into()));
    tick().await;
    let fieldset = query(&root, "fieldset");
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("band-error")
    );
    assert!(fieldset
        .closest(".nhsb-form-group--error")
        .unwrap()
        .is_some());
}

/// A time's row as `booking_domain::times::time_rows` makes it.
fn time_row(slot: &str, input: &str, time: &str, by_phone: bool) -> TimeRow {
    let (mode, mode_class) = if by_phone {
        ("By phone", "telephone")
    } else {
        ("In person", "in-person")
    };
    TimeRow {
        slot: slot.into(),
        input: input.into(),
        name: format!(
            "Monday 1 March 2027, {time}, {}, 45 minutes",
            mode.to_lowercase()
        ),
        time: time.into(),
        mode,
        mode_class,
        length: "45 minutes".into(),
    }
}

/// The radios on show: (id, value, checked, the label's `for`, its words, the tag's data-mode).
fn time_radios(root: &web_sys::Element) -> Vec<(String, String, bool, String, String, String)> {
    let items = root.query_selector_all(".nhsb-times__item").unwrap();
    (0..items.length())
        .map(|i| {
            let item: web_sys::Element = items.item(i).unwrap().unchecked_into();
            let input: web_sys::HtmlInputElement =
                query(&item, "input[type=radio][name=slot]").unchecked_into();
            let label = query(&item, "label");
            (
                input.id(),
                input.value(),
                input.checked(),
                label.get_attribute("for").unwrap_or_default(),
                query(&label, ".nhsb-visually-hidden")
                    .text_content()
                    .unwrap(),
                query(&label, ".nhsb-tag")
                    .get_attribute("data-mode")
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_new_day_rewrites_the_times_in_place_and_the_choice_stays_with_its_slot() {
    let monday = [
        vec![
            time_row("a1", "slot", "9:00am", false),
            time_row("a2", "slot-a2", "9:45am", true),
        ],
        vec![time_row("a3", "slot-a3", "2:00pm", false)],
        vec![],
    ];
    let tuesday = [
        vec![time_row("b1", "slot", "10:00am", true)],
        vec![],
        vec![
            time_row("b2", "slot-b2", "6:00pm", false),
            time_row("b3", "slot-b3", "6:45pm", false),
        ],
    ];
    let rows = RwSignal::new(monday.clone());
    let selected = RwSignal::new(Some("a2".to_string()));
    let error = RwSignal::new(None::<String>);
    let root = mount(move || view! { <Times rows=rows selected=selected error=error/> });
    tick().await;
    let name = |t: &str, mode: &str| format!("Monday 1 March 2027, {t}, {mode}, 45 minutes");
    let radio = |id: &str, value: &str, checked: bool, t: &str, mode: &str, class: &str| {
        (
            id.to_string(),
            value.to_string(),
            checked,
            id.to_string(),
            name(t, mode),
            class.to_string(),
        )
    };
    assert_eq!(
        time_radios(&root),
        vec![
            radio("slot", "a1", false, "9:00am", "in person", "in-person"),
            radio("slot-a2", "a2", true, "9:45am", "by phone", "telephone"),
            radio("slot-a3", "a3", false, "2:00pm", "in person", "in-person"),
        ]
    );
    // The browser keeps no state of its own for the times (the app keeps the choice): without
    // this, each day written into the URL made Chromium read every radio (BENCHMARKS.md).
    let radios = root.query_selector_all("input[name=slot]").unwrap();
    assert!((0..radios.length()).all(|i| {
        let radio: web_sys::Element = radios.item(i).unwrap().unchecked_into();
        radio.get_attribute("autocomplete").as_deref() == Some("off")
    }));
    let groups = root.query_selector_all("fieldset").unwrap();
    let hidden = |i: u32| {
        groups
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .has_attribute("hidden")
    };
    assert_eq!(
        (hidden(0), hidden(1), hidden(2)),
        (false, false, true),
        "an empty evening is hidden"
    );
    let first = query(&root, ".nhsb-times__item");

    // The patient chooses a time: the choice is reported and the radio before is let go.
    query(&root, "#slot-a3")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(selected.get_untracked().as_deref(), Some("a3"));
    assert_eq!(time_radios(&root).iter().filter(|r| r.2).count(), 1);

    // Another day: the same elements show its times, rows added or removed by part of the day.
    rows.set(tuesday);
    tick().await;
    assert_eq!(
        time_radios(&root),
        vec![
            radio("slot", "b1", false, "10:00am", "by phone", "telephone"),
            radio("slot-b2", "b2", false, "6:00pm", "in person", "in-person"),
            radio("slot-b3", "b3", false, "6:45pm", "in person", "in-person"),
        ]
    );
    assert!(
        first.is_same_node(Some(&query(&root, ".nhsb-times__item"))),
        "the first row is kept"
    );
    assert_eq!((hidden(0), hidden(1), hidden(2)), (false, true, false));
    assert_eq!(
        root.query_selector_all(".nhsb-times__item")
            .unwrap()
            .length(),
        3
    );

    // Back to the first day: the time chosen there is chosen again.
    rows.set(monday);
    tick().await;
    assert_eq!(
        time_radios(&root)
            .iter()
            .map(|r| (r.1.as_str(), r.2))
            .collect::<Vec<_>>(),
        vec![("a1", false), ("a2", false), ("a3", true)]
    );

    error.set(Some("Select a time".into()));
    tick().await;
    assert_eq!(
        query(&root, "#slot-error").text_content().unwrap(),
        "Error: Select a time"
    );
}

#[wasm_bindgen_test]
async fn date_of_birth_uses_three_labelled_boxes_with_birthday_autocomplete() {
    let (d, m, y) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(Some((
        Field::DobMonth,
        "Date of birth must include a month".to_string(),
    )));
    let root = mount(move || {
        view! { <DateInput id="dob" legend="Date of birth" hint="For example, 15 3 1984" day=d month=m year=y error=error/> }
    });
    tick().await;
    for (part, token) in [
        ("day", "bday-day"),
        ("month", "bday-month"),
        ("year", "bday-year"),
    ] {
        let input = query(&root, &format!("#dob-{part}"));
        assert_eq!(input.get_attribute("autocomplete").as_deref(), Some(token));
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
        assert!(root
            .query_selector(&format!("label[for='dob-{part}']"))
            .unwrap()
            .is_some());
    }
    // Only the box in error is marked red.
    assert!(query(&root, "#dob-month")
        .class_list()
        .contains("nhsb-input--error"));
    assert!(!query(&root, "#dob-day")
        .class_list()
        .contains("nhsb-input--error"));
    assert_eq!(
        query(&root, "fieldset")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("dob-hint dob-error")
    );
    // Typing updates the answer.
    let day: web_sys::HtmlInputElement = query(&root, "#dob-day").unchecked_into();
    day.set_value("28");
    day.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(d.get_untracked(), "28");
}

#[wasm_bindgen_test]
fn the_panic_page_escapes_the_trusts_settings_and_links_the_phone_number() {
    let config = nhs_booking::config::Config {
        phone: Some("0300 <b>123</b>".into()),
        opening_hours: "24 hours\" onclick=\"x".into(),
        ..Default::default()
    };
    let host = document().create_element("div").unwrap();
    host.set_inner_html(&nhs_booking::panic_page(&config));
    assert_eq!(
        query(&host, "h1").text_content().unwrap(),
        "Sorry, there is a problem with the service"
    );
    let link = query(&host, "a");
    assert_eq!(link.text_content().unwrap(), "0300 <b>123</b>");
    assert_eq!(link.get_attribute("href").unwrap(), "tel:0300<b>123</b>");
    assert!(
        host.query_selector("b").unwrap().is_none(),
        "no markup from settings"
    );
    assert!(host.query_selector("[onclick]").unwrap().is_none());
    assert!(host
        .text_content()
        .unwrap()
        .contains("(24 hours\" onclick=\"x)"));
}

/// A fake booking API: no bookings at all; every path asked for is recorded.
struct NoBookings {
    asked: Arc<Mutex<Vec<String>>>,
}

impl Transport for NoBookings {
    async fn send(&self, request: Request) -> Result<Response, TransportError> {
        self.asked.lock().unwrap().push(request.path.clone());
        let (status, body) = if request.path == "/services" {
            (200, r#"{"services":[]}"#)
        } else {
            (
                404,
                r#"{"error":{"code":"not_found","message":"No such booking"}}"#,
            )
        };
        Ok(Response {
            status,
            retry_after: None,
            body: body.into(),
        })
    }
}

fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = query(root, selector).unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_page_talks_to_the_api_it_is_given_and_explains_its_answer() {
    let asked = Arc::new(Mutex::new(Vec::new()));
    let client = Client::new(AnyTransport::new(NoBookings {
        asked: asked.clone(),
    }));
    let route = Route::new(Step::ManageFind, Choices::default());
    let root = mount(move || view! { <App config=Config::default() route=route client=client/> });
    tick().await;
    type_into(&root, "#reference", " phy 7k3q9d ");
    type_into(&root, "#dob-day", "28");
    type_into(&root, "#dob-month", "2");
    type_into(&root, "#dob-year", "1958");
    let button: web_sys::HtmlElement = query(&root, "form button[type=submit]").unchecked_into();
    button.click();
    gloo_timers_sleep(50).await;
    let bookings: Vec<String> = asked
        .lock()
        .unwrap()
        .iter()
        .filter(|p| p.starts_with("/bookings"))
        .cloned()
        .collect();
    // The reference as the API spells it; asked once.
    assert_eq!(bookings, ["/bookings/PHY-7K3Q9D?date_of_birth=1958-02-28"]);
    // Not found is said once, for both fields, in the error summary.
    let summary = query(&root, ".nhsb-error-summary");
    assert!(summary
        .text_content()
        .unwrap()
        .contains("We could not find a booking with those details"));
    assert!(document()
        .title()
        .starts_with("Error: Find your appointment"));
}
