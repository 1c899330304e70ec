use booking_domain::journey::{Step, SERVICE_NAME};
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::StepLink;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_title(Step::NotFound.title(), false);
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"If you typed the web address, check it is correct."</p>
        <p>"If you pasted the web address, check you copied the entire address."</p>
        <p><StepLink to=Step::Start>{SERVICE_NAME}</StepLink></p>
    }
}
