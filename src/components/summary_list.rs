use booking_domain::alerts::QUESTIONS;
use booking_domain::answers::AnswerRow;
use leptos::prelude::*;

use super::StepLink;
use crate::words::check::words;

/// Answers, each with a "Change" link where it can be changed (GOV.UK summary list). A change
/// to a booking question comes back to "Check your answers".
#[component]
pub fn SummaryList(rows: Vec<AnswerRow>) -> impl IntoView {
    let w = words();
    view! {
        <dl class="nhsb-summary-list">
            {rows
                .into_iter()
                .map(|row| {
                    view! {
                        <div class="nhsb-summary-list__row">
                            <dt class="nhsb-summary-list__key">{row.key}</dt>
                            <dd class="nhsb-summary-list__value">
                                {row.lines.into_iter().map(|line| view! { <span class="nhsb-summary-list__line">{line}</span> }).collect_view()}
                            </dd>
                            {row.change.map(|step| view! {
                                <dd class="nhsb-summary-list__actions">
                                    <StepLink to=step change=step.question_index().is_some() || QUESTIONS.contains(&step)>
                                        {w.change}<span class="nhsb-visually-hidden">" " {row.change_label}</span>
                                    </StepLink>
                                </dd>
                            })}
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
