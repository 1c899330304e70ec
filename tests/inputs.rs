//! The autocomplete and character count in headless Chromium: what a keyboard, pointer or
//! screen-reader user meets.
#![cfg(target_arch = "wasm32")]

use booking_domain::languages::suggest;
use leptos::prelude::*;
use nhs_booking::components::{Autocomplete, CharacterCount};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::{mount, query};

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let el = query(root, selector);
    js_sys::Reflect::set(&el, &"value".into(), &text.into()).unwrap();
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Dispatches a real (cancelable, bubbling) event built in JS; false if a handler prevented
/// its default action.
fn fire(el: &web_sys::Element, event: &str) -> bool {
    js_sys::Function::new_with_args("el", &format!("return el.dispatchEvent({event})"))
        .call1(&wasm_bindgen::JsValue::NULL, el)
        .unwrap()
        .as_bool()
        .unwrap()
}

fn press(el: &web_sys::Element, key: &str) -> bool {
    fire(
        el,
        &format!("new KeyboardEvent('keydown', {{key: '{key}', bubbles: true, cancelable: true}})"),
    )
}

fn attr(el: &web_sys::Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn options(root: &web_sys::Element) -> Vec<String> {
    let mut names = Vec::new();
    let mut option = query(root, "[role=listbox]").first_element_child();
    while let Some(el) = option {
        assert_eq!(attr(&el, "role").as_deref(), Some("option"));
        names.push(el.text_content().unwrap());
        option = el.next_element_sibling();
    }
    names
}

fn languages(value: RwSignal<String>) -> web_sys::HtmlElement {
    mount(move || {
        view! {
            <Autocomplete id="language" label="Language".to_string()
                hint="For example, Polish".to_string()
                value=value error=Signal::derive(|| None::<String>) suggest=suggest/>
        }
    })
}

#[wasm_bindgen_test]
async fn typing_offers_matching_languages_as_a_combobox_list() {
    let value = RwSignal::new(String::new());
    let root = languages(value);
    let input = query(&root, "#language");
    assert_eq!(attr(&input, "role").as_deref(), Some("combobox"));
    assert_eq!(attr(&input, "aria-autocomplete").as_deref(), Some("list"));
    assert_eq!(attr(&input, "autocomplete").as_deref(), Some("off"));
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("language-hint")
    );
    let listbox = query(&root, "[role=listbox]");
    assert_eq!(attr(&input, "aria-controls"), Some(listbox.id()));
    assert!(listbox.has_attribute("hidden"));

    type_into(&root, "#language", "pol");
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    assert!(!listbox.has_attribute("hidden"));
    assert_eq!(options(&root), ["Polish"]);
    let option = query(&listbox, "[role=option]");
    assert_eq!(attr(&option, "aria-selected").as_deref(), Some("false"));
    assert_eq!(attr(&input, "aria-activedescendant"), None);
    assert_eq!(value.get_untracked(), "pol");

    // Said once typing pauses, not at once.
    let status = query(&root, "[role=status]");
    assert_eq!(status.text_content().unwrap(), "");
    sleep(500).await;
    assert_eq!(
        status.text_content().unwrap(),
        "1 suggestion available. Use up and down arrows to choose."
    );
}

#[wasm_bindgen_test]
async fn down_then_enter_picks_the_language_and_closes_the_list() {
    let value = RwSignal::new(String::new());
    let root = languages(value);
    let input = query(&root, "#language");
    type_into(&root, "#language", "pol");
    sleep(0).await;
    assert!(!press(&input, "ArrowDown"), "Down keeps the caret put");
    sleep(0).await;
    let option = query(&root, "[role=option]");
    assert_eq!(attr(&option, "aria-selected").as_deref(), Some("true"));
    assert_eq!(attr(&input, "aria-activedescendant"), Some(option.id()));
    assert!(
        !press(&input, "Enter"),
        "Enter on an option does not submit the form"
    );
    sleep(0).await;
    let input_el: web_sys::HtmlInputElement = input.clone().unchecked_into();
    assert_eq!(input_el.value(), "Polish");
    assert_eq!(value.get_untracked(), "Polish");
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&input, "aria-activedescendant"), None);
    // Now Enter submits the form as usual.
    assert!(press(&input, "Enter"));
}

#[wasm_bindgen_test]
async fn up_and_down_move_through_the_options_and_open_the_list() {
    let root = languages(RwSignal::new(String::new()));
    let input = query(&root, "#language");
    type_into(&root, "#language", "kurd");
    sleep(0).await;
    assert_eq!(options(&root), ["Kurdish", "Kurdish Sorani"]);
    press(&input, "ArrowDown");
    press(&input, "ArrowDown");
    press(&input, "ArrowDown");
    sleep(0).await;
    // Stays on the last.
    assert_eq!(
        attr(&input, "aria-activedescendant").as_deref(),
        Some("language-option-1")
    );
    press(&input, "ArrowUp");
    press(&input, "ArrowUp");
    sleep(0).await;
    // Up from the first goes back to the text.
    assert_eq!(attr(&input, "aria-activedescendant"), None);
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    press(&input, "Escape");
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    // Down opens the list again, on the first option.
    press(&input, "ArrowDown");
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        attr(&input, "aria-activedescendant").as_deref(),
        Some("language-option-0")
    );
}

#[wasm_bindgen_test]
async fn escape_closes_the_list_and_keeps_the_text() {
    let value = RwSignal::new(String::new());
    let root = languages(value);
    let input = query(&root, "#language");
    type_into(&root, "#language", "sign");
    sleep(0).await;
    assert_eq!(options(&root), ["British Sign Language"]);
    press(&input, "ArrowDown");
    assert!(!press(&input, "Escape"));
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert!(query(&root, "[role=listbox]").has_attribute("hidden"));
    assert_eq!(value.get_untracked(), "sign");
    // Escape with the list closed is left to the page.
    assert!(press(&input, "Escape"));
}

#[wasm_bindgen_test]
async fn a_language_not_in_the_list_is_kept_as_typed() {
    let value = RwSignal::new(String::new());
    let root = languages(value);
    let input = query(&root, "#language");
    type_into(&root, "#language", "Klingon");
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert!(options(&root).is_empty());
    // Enter submits the form; Down has nothing to offer.
    assert!(press(&input, "ArrowDown"));
    assert!(press(&input, "Enter"));
    sleep(500).await;
    assert_eq!(value.get_untracked(), "Klingon");
    assert_eq!(
        query(&root, "[role=status]").text_content().unwrap(),
        "No suggestions"
    );
}

#[wasm_bindgen_test]
async fn pressing_an_option_picks_it_and_leaving_picks_nothing() {
    let value = RwSignal::new(String::new());
    let root = languages(value);
    let input: web_sys::HtmlElement = query(&root, "#language").unchecked_into();
    input.focus().unwrap();
    type_into(&root, "#language", "chinese");
    sleep(0).await;
    assert_eq!(options(&root), ["Cantonese", "Mandarin"]);
    let mandarin: web_sys::HtmlElement = query(&root, "#language-option-1").unchecked_into();
    // The press keeps focus in the box, so the list is still there for the click.
    assert!(!fire(
        &mandarin,
        "new MouseEvent('mousedown', {bubbles: true, cancelable: true})"
    ));
    mandarin.click();
    sleep(0).await;
    assert_eq!(value.get_untracked(), "Mandarin");
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));

    // Tab (blur) closes the list and keeps what was typed.
    type_into(&root, "#language", "ur");
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    input.blur().unwrap();
    sleep(0).await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(value.get_untracked(), "ur");
}

#[wasm_bindgen_test]
async fn an_error_is_shown_and_described_as_on_other_fields() {
    let root = mount(|| {
        view! {
            <Autocomplete id="lang-error" label="Language".to_string()
                value=RwSignal::new(String::new())
                error=Signal::derive(|| Some("Enter a language".to_string())) suggest=suggest/>
        }
    });
    sleep(0).await;
    let input = query(&root, "#lang-error");
    assert!(input.class_list().contains("nhsb-input--error"));
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("lang-error-error")
    );
    assert!(query(&root, "#lang-error-error")
        .text_content()
        .unwrap()
        .contains("Enter a language"));
    assert_eq!(
        attr(&query(&root, "[role=listbox]"), "aria-labelledby").as_deref(),
        Some("lang-error-label")
    );
}

#[wasm_bindgen_test]
async fn the_character_count_says_what_is_left_then_how_many_too_many() {
    let value = RwSignal::new(String::new());
    let root = mount(move || {
        view! {
            <CharacterCount id="other-needs" label="Anything else".to_string()
                hint="Tell us what would help".to_string()
                value=value max=10 error=Signal::derive(|| None::<String>)/>
        }
    });
    sleep(0).await;
    let area = query(&root, "textarea#other-needs");
    assert!(!area.has_attribute("maxlength"));
    assert_eq!(attr(&area, "rows").as_deref(), Some("5"));
    assert_eq!(
        attr(&area, "aria-describedby").as_deref(),
        Some("other-needs-hint other-needs-info")
    );
    assert_eq!(
        query(&root, "#other-needs-info").text_content().unwrap(),
        "You can enter up to 10 characters"
    );
    let message = query(&root, ".nhsb-character-count__message");
    assert_eq!(attr(&message, "aria-hidden").as_deref(), Some("true"));
    assert_eq!(
        message.text_content().unwrap(),
        "You have 10 characters remaining"
    );

    // Characters, not bytes: "é" is one.
    type_into(&root, "#other-needs", "café menu");
    sleep(0).await;
    assert_eq!(
        message.text_content().unwrap(),
        "You have 1 character remaining"
    );
    assert!(!message
        .class_list()
        .contains("nhsb-character-count__message--error"));

    type_into(&root, "#other-needs", "a wheelchair");
    sleep(0).await;
    assert_eq!(
        message.text_content().unwrap(),
        "You have 2 characters too many"
    );
    assert!(message
        .class_list()
        .contains("nhsb-character-count__message--error"));
    assert!(area.class_list().contains("nhsb-textarea--error"));
    assert_eq!(value.get_untracked(), "a wheelchair");

    // Screen readers hear it once typing pauses.
    let status = query(&root, "[role=status]");
    assert_eq!(status.text_content().unwrap(), "");
    sleep(1100).await;
    assert_eq!(
        status.text_content().unwrap(),
        "You have 2 characters too many"
    );
}

#[wasm_bindgen_test]
async fn the_character_count_error_is_described_after_the_limit() {
    let root = mount(|| {
        view! {
            <CharacterCount id="count-error" label="Anything else".to_string()
                value=RwSignal::new(String::new()) max=500
                error=Signal::derive(|| Some("Enter fewer characters".to_string()))/>
        }
    });
    sleep(0).await;
    let area = query(&root, "#count-error");
    assert_eq!(
        attr(&area, "aria-describedby").as_deref(),
        Some("count-error-info count-error-error")
    );
    assert!(query(&root, ".nhsb-form-group")
        .class_list()
        .contains("nhsb-form-group--error"));
}
