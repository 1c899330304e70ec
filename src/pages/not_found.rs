use booking_domain::journey::{service_name, Step};
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::StepLink;
use crate::words::info::words;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_title(Step::NotFound.title(), false);
    let w = words();
    view! {
        <h1 tabindex="-1">{w.not_found_heading}</h1>
        <p>{w.not_found_typed}</p>
        <p>{w.not_found_pasted}</p>
        <p><StepLink to=Step::Start>{service_name()}</StepLink></p>
    }
}
