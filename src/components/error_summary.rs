use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::words::forms::words;

/// One message of the summary and the field it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorItem {
    /// The field's HTML id (the first input of a group), where the link moves focus.
    pub id: &'static str,
    pub message: String,
}

impl ErrorItem {
    pub fn new(id: &'static str, message: impl Into<String>) -> Self {
        ErrorItem {
            id,
            message: message.into(),
        }
    }
}

/// Field errors in page order.
pub type Errors = Vec<ErrorItem>;

/// The "There is a problem" box at the top of a page. Each message links to its field; the
/// box takes focus when it appears (see `browser::focus_heading`) so screen readers read it.
#[component]
pub fn ErrorSummary(
    /// The errors to list; the summary is absent while this is empty.
    #[prop(into)]
    errors: Signal<Errors>,
) -> impl IntoView {
    let w = words();
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="nhsb-error-summary" tabindex="-1" aria-labelledby="nhsb-error-summary-title">
                    <div role="alert">
                        <h2 class="nhsb-error-summary__title" id="nhsb-error-summary-title">{w.error_summary}</h2>
                        <ul class="nhsb-error-summary__list">
                            {list
                                .into_iter()
                                .map(|ErrorItem { id, message }| {
                                    view! {
                                        <li>
                                            <a
                                                href=format!("#{id}")
                                                on:click=move |ev| {
                                                    // Focus the field without changing the host page's URL hash.
                                                    ev.prevent_default();
                                                    focus_field(id);
                                                }
                                            >
                                                {message}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
            }
        })
    }
}

fn focus_field(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}
