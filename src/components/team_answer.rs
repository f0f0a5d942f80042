//! The team answer a workshop room agrees for one question (the room's default,
//! the median, until changed) and the room's note on it.

use crate::components::question::parse_percent;
use crate::i18n::{k, t, tf};
use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::assessment::model::{AnswerKind, DONT_KNOW};
use maturity_core::Step;

/// The answer the room agrees for the team (the median until changed), and its note.
#[component]
pub fn TeamAnswer(id: u32, step: Step, consensus: Signal<Option<u8>>) -> impl IntoView {
    let state = use_app_state();
    let scored = step.is_scored();
    let question = step.question();
    let answer_kind = question.answer;
    let answer_text = {
        let question = question.clone();
        move |v: u8| crate::i18n::answer_text(&question, v)
    };
    let qid = question.id.clone();
    let agreed = {
        let qid = qid.clone();
        Memo::new(move |_| {
            state
                .store
                .with(|s| s.workshop(id).and_then(|w| w.agreed.get(&qid).copied()))
        })
    };
    let team_answer = move || agreed.get().or(consensus.get());
    let error = RwSignal::new(None::<String>);
    let set = {
        let qid = qid.clone();
        move |value: Option<u8>| {
            if let Err(e) = state.change(|s| s.agree(id, &qid, value, now())) {
                error.set(Some(crate::errors::change(&e)));
            }
        }
    };
    let default_text = move || default_text(consensus.get(), answer_kind, &answer_text, scored);
    let group = format!("team-{qid}");
    let input = match question.answer {
        AnswerKind::Choice => choice_inputs(question, &group, team_answer, set.clone()),
        AnswerKind::Percent => percent_input(&group, team_answer, set.clone(), error),
    };
    let reset = set.clone();
    view! {
        <fieldset class="team-answer">
            <legend>{t(k::PRESENT_TEAM_ANSWER_LEGEND)}</legend>
            <p class="hint">{default_text}</p>
            <div class="choices">{input}</div>
            {move || agreed.get().is_some().then(|| {
                let reset = reset.clone();
                view! { <button type="button" on:click=move |_| reset(None)>{t(k::PRESENT_TEAM_ANSWER_BACK_TO_DEFAULT)}</button> }
            })}
        </fieldset>
        <DiscussionNote id=id qid=qid error=error/>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

/// A radio per choice, and "Don't know", checked at the team answer.
fn choice_inputs(
    question: &maturity_core::Question,
    group: &str,
    team_answer: impl Fn() -> Option<u8> + Copy + Send + Sync + 'static,
    set: impl Fn(Option<u8>) + Clone + Send + Sync + 'static,
) -> AnyView {
    question
        .choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let i = i as u8;
            let input_id = format!("{group}-{i}");
            let set = set.clone();
            view! {
                <div class="choice">
                    <input type="radio" id=input_id.clone() name=group.to_string()
                        prop:checked=move || team_answer() == Some(i)
                        on:change=move |_| set(Some(i))/>
                    <label for=input_id>{format!("{}. {}", i + 1, choice.label)}</label>
                </div>
            }
        })
        .chain(std::iter::once({
            let input_id = format!("{group}-dk");
            let set = set.clone();
            view! {
                <div class="choice dont-know">
                    <input type="radio" id=input_id.clone() name=group.to_string() value="dont-know"
                        prop:checked=move || team_answer() == Some(DONT_KNOW)
                        on:change=move |_| set(Some(DONT_KNOW))/>
                    <label for=input_id>{t(k::PRESENT_TEAM_ANSWER_DONT_KNOW)}</label>
                </div>
            }
        }))
        .collect_view()
        .into_any()
}

/// A percentage field holding the team answer; anything but 0 to 100 is refused.
fn percent_input(
    group: &str,
    team_answer: impl Fn() -> Option<u8> + Copy + Send + Sync + 'static,
    set: impl Fn(Option<u8>) + Clone + Send + Sync + 'static,
    error: RwSignal<Option<String>>,
) -> AnyView {
    view! {
        <label for=group.to_string()>{t(k::PRESENT_TEAM_ANSWER_PERCENT)}</label>
        <input type="number" id=group.to_string() min="0" max="100" step="1"
            prop:value=move || team_answer().filter(|v| *v != DONT_KNOW).map(|v| v.to_string()).unwrap_or_default()
            on:change:target=move |ev| match parse_percent(&ev.target().value()) {
                Some(v) => { error.set(None); set(Some(v)) }
                None => error.set(Some(t(k::PRESENT_TEAM_ANSWER_NOT_PERCENT))),
            }/>
    }
    .into_any()
}

/// What the team answer is until the room changes it, in words.
fn default_text(
    consensus: Option<u8>,
    kind: AnswerKind,
    answer_text: &impl Fn(u8) -> String,
    scored: bool,
) -> String {
    match (consensus, kind) {
        (None, _) => t(k::PRESENT_TEAM_ANSWER_NOBODY),
        (Some(DONT_KNOW), _) => t(k::PRESENT_TEAM_ANSWER_DEFAULT_DONT_KNOW),
        (Some(v), AnswerKind::Percent) => tf(
            k::PRESENT_TEAM_ANSWER_DEFAULT_PERCENT,
            &[("percent", &v.to_string())],
        ),
        (Some(v), AnswerKind::Choice) => tf(
            if scored {
                k::PRESENT_TEAM_ANSWER_DEFAULT_MEDIAN
            } else {
                k::PRESENT_TEAM_ANSWER_DEFAULT_MOST_COMMON
            },
            &[("answer", &answer_text(v))],
        ),
    }
}

/// What the room said about the question, saved when the field is left.
#[component]
fn DiscussionNote(id: u32, qid: String, error: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let note = {
        let qid = qid.clone();
        Memo::new(move |_| {
            state.store.with(|s| {
                s.workshop(id)
                    .and_then(|w| w.discussion.get(&qid).cloned())
                    .unwrap_or_default()
            })
        })
    };
    let note_id = format!("note-{qid}");
    let save_note = move |text: String| {
        if let Err(e) = state.change(|s| s.set_discussion(id, &qid, &text, now())) {
            error.set(Some(crate::errors::change(&e)));
        }
    };
    view! {
        <div class="field">
            <label for=note_id.clone()>{t(k::PRESENT_TEAM_ANSWER_NOTE)}</label>
            <textarea id=note_id rows="2" prop:value=move || note.get()
                on:change:target=move |ev| save_note(ev.target().value())></textarea>
        </div>
    }
}
