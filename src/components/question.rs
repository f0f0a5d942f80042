//! One question as a native radio group: each choice's label and what it means.

use leptos::prelude::*;
use maturity_core::Step;

/// Shows `step`'s question; `chosen` is the current answer; `on_choose` receives a
/// choice index the moment a radio is selected (by click, tap or arrow key).
#[component]
pub fn QuestionCard(
    step: Step<'static>,
    #[prop(into)] chosen: Signal<Option<u8>>,
    on_choose: Callback<u8>,
    /// Receives focus when the question changes, so keyboard and screen-reader users
    /// start on the new question.
    heading_ref: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let question = step.question;
    let dimension = step
        .questionnaire
        .dimension(&question.dimension)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let group = format!("q-{}", question.id);
    let choices = question
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
                        on:change=move |_| on_choose.run(index)
                    />
                    <label for=input_id>
                        <span class="choice-label">{format!("{}. {}", index + 1, choice.label)}</span>
                        <span class="choice-means">{choice.means.clone()}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question">
            <legend>
                <span class="dimension">{dimension}</span>
                <h2 tabindex="-1" node_ref=heading_ref>{question.text.clone()}</h2>
            </legend>
            <div class="choices">{choices}</div>
            <p class="source">"Idea from: " {question.source.clone()}</p>
        </fieldset>
    }
}
