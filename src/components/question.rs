//! One question as a native radio group: each choice's label and what it means.

use crate::i18n::{k, t};
use leptos::prelude::*;
use maturity_core::assessment::model::{AnswerKind, DONT_KNOW};
use maturity_core::Step;

/// Shows `step`'s question; `chosen` is the current answer; `on_choose` receives a
/// choice index the moment a radio is selected (by click, tap or arrow key), or a
/// committed percentage; `None` when a percentage is cleared.
#[component]
pub fn QuestionCard(
    step: Step,
    #[prop(into)] chosen: Signal<Option<u8>>,
    on_choose: Callback<Option<u8>>,
    /// Receives focus when the question changes, so keyboard and screen-reader users
    /// start on the new question.
    heading_ref: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let question = step.question();
    let dimension = step.dimension_name().to_string();
    let group = format!("q-{}", question.id);
    let answers = match question.answer {
        AnswerKind::Choice => question
            .choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                let index = index as u8;
                let input_id = format!("{group}-{index}");
                view! {
                    <div class="choice">
                        <input
                            type="radio"
                            id=input_id.clone()
                            name=group.clone()
                            value=index.to_string()
                            prop:checked=move || chosen.get() == Some(index)
                            on:change=move |_| on_choose.run(Some(index))
                        />
                        <label for=input_id>
                            <span class="choice-label">{format!("{}. {}", index + 1, choice.label)}</span>
                            <span class="choice-means">{choice.means.clone()}</span>
                        </label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        AnswerKind::Percent => view! { <PercentField id=group.clone() chosen=chosen on_choose=on_choose/> }.into_any(),
    };
    // "Don't know" is an answer of every question (DORA's survey offers it too):
    // counted apart, never scored.
    let dont_know_id = format!("{group}-dk");
    let dont_know = view! {
        <div class="choice dont-know">
            <input
                type="radio"
                id=dont_know_id.clone()
                name=group.clone()
                value="dont-know"
                prop:checked=move || chosen.get() == Some(DONT_KNOW)
                on:change=move |_| on_choose.run(Some(DONT_KNOW))
            />
            <label for=dont_know_id>
                <span class="choice-label">{t(k::COMMON_DONT_KNOW)}</span>
                <span class="choice-means">{t(k::RUN_DONT_KNOW_MEANS)}</span>
            </label>
        </div>
    };
    view! {
        <fieldset class="question">
            <legend>
                <span class="dimension">{dimension}</span>
                <h2 tabindex="-1" data-arrival node_ref=heading_ref>{question.text.clone()}</h2>
            </legend>
            <div class="choices">{answers}{dont_know}</div>
            <p class="source">{crate::components::advice::cited(k::RUN_IDEA_FROM, question.source.clone())}</p>
        </fieldset>
    }
}

/// A whole percentage from 0 to 100. It is saved when committed (leaving the field
/// or pressing Enter), never half-typed; invalid text is flagged and not saved, and
/// an emptied field removes the answer.
#[component]
fn PercentField(
    id: String,
    chosen: Signal<Option<u8>>,
    on_choose: Callback<Option<u8>>,
) -> impl IntoView {
    let invalid = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="percent">
            <label for=id.clone()>{t(k::RUN_PERCENT_LABEL)}</label>
            <span class="percent-input">
                <input
                    type="number"
                    id=id
                    min="0"
                    max="100"
                    step="1"
                    inputmode="numeric"
                    aria-describedby=hint_id.clone()
                    aria-invalid=move || invalid.get().to_string()
                    prop:value=move || chosen.get().filter(|v| *v != DONT_KNOW).map(|v| v.to_string()).unwrap_or_default()
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        invalid.set(!text.trim().is_empty() && parse_percent(&text).is_none());
                    }
                    on:change:target=move |ev| {
                        let text = ev.target().value();
                        if text.trim().is_empty() {
                            invalid.set(false);
                            on_choose.run(None);
                        } else if let Some(value) = parse_percent(&text) {
                            invalid.set(false);
                            on_choose.run(Some(value));
                        } else {
                            invalid.set(true);
                        }
                    }
                />
                " %"
            </span>
            <p id=hint_id class=move || if invalid.get() { "hint error" } else { "hint" }>
                {t(k::RUN_PERCENT_HINT)}
            </p>
        </div>
    }
}

/// `"15"` -> 15; anything that is not a whole number from 0 to 100 -> `None`.
pub fn parse_percent(text: &str) -> Option<u8> {
    text.trim().parse::<u8>().ok().filter(|v| *v <= 100)
}
