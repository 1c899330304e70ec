use booking_domain::journey::Step;
use leptos::prelude::*;

use crate::routes;
use crate::state::{set_title, AppState};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    set_title(Step::NotFound.title(), false);
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"If you typed the web address, check it is correct."</p>
        <p>"If you pasted the web address, check you copied the entire address."</p>
        <p><a class="nhsb-link" href=routes::href(&state, Step::Start, false)
            on:click=move |ev| if routes::follow(&ev) { routes::go_to(&state, Step::Start) }
        >"Book a physiotherapy appointment"</a></p>
    }
}
