//! Questions one at a time with progress, previous/next and a finish button: the
//! flow shared by a team's assessment and a workshop participant's private answers.

use crate::components::question::QuestionCard;
use crate::i18n::{k, t, tf, tp};
use leptos::prelude::*;
use maturity_core::{ChangeError, Step};

/// Asks `steps` in order. The caller keeps the answers and the position (both saved
/// as they change) and is told of each change through the callbacks; a refused
/// change is shown as an alert.
#[component]
pub fn QuestionStepper(
    steps: Memo<Vec<Step>>,
    /// The saved position; clamped to the questions there are.
    #[prop(into)]
    position: Signal<usize>,
    /// The saved answer to a question, read reactively.
    answer_of: Callback<String, Option<u8>>,
    on_answer: Callback<(String, Option<u8>), Result<(), ChangeError>>,
    on_move: Callback<usize, Result<(), ChangeError>>,
    on_finish: Callback<(), Result<(), ChangeError>>,
    /// The finish button's label.
    #[prop(into)]
    finish_label: String,
    /// Where the answers are kept, said under the progress bar.
    #[prop(into)]
    saved_where: String,
) -> impl IntoView {
    let total = Memo::new(move |_| steps.with(|s| s.len()));
    let position = Memo::new(move |_| position.get().min(total.get().saturating_sub(1)));
    let answered = Memo::new(move |_| answered_count(steps, answer_of));
    let error = RwSignal::new(None::<String>);
    let report = move |result: Result<(), ChangeError>| match result {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(crate::errors::change(&e))),
    };
    let go_to = move |to: usize| report(on_move.run(to));

    let heading = NodeRef::<leptos::html::H2>::new();
    focus_on_move(position, heading);

    let current_step = move || steps.with(|s| s.get(position.get()).cloned());
    let chosen = Signal::derive(move || {
        let step = current_step()?;
        answer_of.run(step.question().id.clone())
    });

    view! {
        <Progress position=position total=total answered=answered saved_where=saved_where/>
        // Keyed by question: each question gets fresh inputs. Rebuilding one card's
        // radios in place would rename a checked radio into the next question's group,
        // and the browser would then uncheck that question's real answer.
        <For
            each=move || current_step().into_iter()
            key=|step| step.question().id.clone()
            let(step)
        >
            {
                let question_id = step.question().id.clone();
                let on_choose = Callback::new(move |choice: Option<u8>| {
                    report(on_answer.run((question_id.clone(), choice)));
                });
                view! { <QuestionCard step=step chosen=chosen on_choose=on_choose heading_ref=heading/> }
            }
        </For>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <StepperNav position=position total=total answered=answered
            previous=Callback::new(move |()| go_to(position.get_untracked().saturating_sub(1)))
            next=Callback::new(move |()| go_to(position.get_untracked() + 1))
            finish=Callback::new(move |()| report(on_finish.run(())))
            finish_label=finish_label/>
    }
}

/// How many of `steps` have an answer their question accepts (the core's one rule
/// of what counts as answered).
fn answered_count(steps: Memo<Vec<Step>>, answer_of: Callback<String, Option<u8>>) -> usize {
    steps.with(|steps| {
        steps
            .iter()
            .filter(|step| {
                let question = step.question();
                answer_of
                    .run(question.id.clone())
                    .is_some_and(|v| question.accepts(v))
            })
            .count()
    })
}

/// Moves focus to the question's heading when the position changes (not on first
/// show), so a keyboard or screen-reader user lands on the new question.
fn focus_on_move(position: Memo<usize>, heading: NodeRef<leptos::html::H2>) {
    Effect::new(move |previous: Option<usize>| {
        let current = position.get();
        if previous.is_some_and(|p| p != current) {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
        current
    });
}

/// Where the questions stand: which one is on screen, how many are answered.
#[component]
fn Progress(
    position: Memo<usize>,
    total: Memo<usize>,
    answered: Memo<usize>,
    saved_where: String,
) -> impl IntoView {
    view! {
        <div class="progress">
            <p id="progress-label" aria-live="polite">
                {move || tf(k::RUN_PROGRESS, &[
                    ("n", &(position.get() + 1).to_string()),
                    ("total", &total.get().to_string()),
                ])}
            </p>
            <progress
                aria-labelledby="progress-label answered-label"
                max=move || total.get().to_string()
                value=move || answered.get().to_string()
            ></progress>
            <p id="answered-label" class="hint">
                {move || tf(k::RUN_ANSWERED, &[
                    ("answered", &answered.get().to_string()),
                    ("total", &total.get().to_string()),
                    ("saved_where", &saved_where),
                ])}
            </p>
        </div>
    }
}

/// Previous and next, and on the last question the finish button with how many
/// questions are still unanswered.
#[component]
fn StepperNav(
    position: Memo<usize>,
    total: Memo<usize>,
    answered: Memo<usize>,
    previous: Callback<()>,
    next: Callback<()>,
    finish: Callback<()>,
    finish_label: String,
) -> impl IntoView {
    view! {
        <nav class="question-nav" aria-label=t(k::RUN_QUESTIONS_NAV)>
            <button
                type="button"
                disabled=move || position.get() == 0
                on:click=move |_| previous.run(())
            >
                {t(k::COMMON_PREVIOUS)}
            </button>
            {move || {
                let last = position.get() + 1 >= total.get();
                if last {
                    let missing = total.get() - answered.get();
                    view! {
                        <span class="finish">
                            {(missing > 0).then(|| view! {
                                <span class="hint">{format!("{} ", tp(k::RUN_UNANSWERED, missing, &[]))}</span>
                            })}
                            <button type="button" class="primary" on:click=move |_| finish.run(())>
                                {finish_label.clone()}
                            </button>
                        </span>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary" on:click=move |_| next.run(())>
                            {t(k::COMMON_NEXT)}
                        </button>
                    }.into_any()
                }
            }}
        </nav>
    }
}
