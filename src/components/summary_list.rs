use leptos::prelude::*;

/// One row of a check-answers list.
#[derive(Clone, Debug)]
pub struct SummaryRow {
    pub key: &'static str,
    /// The answer, one line each.
    pub value: Vec<String>,
    /// Where "Change" goes; `None` for answers the patient cannot change here.
    pub change: Option<(String, Callback<()>)>,
    /// The words after "Change", for screen readers ("Change date of birth").
    pub change_label: &'static str,
}

/// The answers given so far, each with a "Change" link (GOV.UK summary list).
#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> impl IntoView {
    view! {
        <dl class="nhsb-summary-list">
            {rows
                .into_iter()
                .map(|row| {
                    view! {
                        <div class="nhsb-summary-list__row">
                            <dt class="nhsb-summary-list__key">{row.key}</dt>
                            <dd class="nhsb-summary-list__value">
                                {row.value.into_iter().map(|line| view! { <span class="nhsb-summary-list__line">{line}</span> }).collect_view()}
                            </dd>
                            {row.change.map(|(href, go)| view! {
                                <dd class="nhsb-summary-list__actions">
                                    <a class="nhsb-link" href=href
                                        on:click=move |ev| if crate::routes::follow(&ev) { go.run(()) }
                                    >
                                        "Change"<span class="nhsb-visually-hidden">" " {row.change_label}</span>
                                    </a>
                                </dd>
                            })}
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
