//! Taking an assessment: one question at a time, every answer saved as it is given,
//! resuming where the team stopped.

use crate::app::{catalog, use_app_state};
use crate::components::question::QuestionCard;
use crate::platform::{now, set_title};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::{RunId, Step};

#[component]
pub fn RunPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let run_id = Memo::new(move |_| RunId(params.read().get("run").unwrap_or_default()));

    // Small memos, so answering re-renders the radios only, not the whole page.
    let exists = Memo::new(move |_| state.store.with(|s| s.run(&run_id.get()).is_some()));
    let finished = Memo::new(move |_| {
        state
            .store
            .with(|s| s.run(&run_id.get()).is_some_and(|r| r.is_finished()))
    });
    let questionnaire_ids = Memo::new(move |_| {
        state.store.with(|s| {
            s.run(&run_id.get())
                .map(|r| r.questionnaires.clone())
                .unwrap_or_default()
        })
    });
    let steps: Memo<Vec<Step<'static>>> = Memo::new(move |_| {
        catalog()
            .map(|c| c.steps(&questionnaire_ids.get()))
            .unwrap_or_default()
    });

    view! {
        {move || {
            if !exists.get() {
                set_title("Assessment not found");
                view! {
                    <h1>"Assessment not found"</h1>
                    <p>"This assessment is not saved in this browser. It may have been taken on another device, or deleted."</p>
                    <p><A href="/">"See your teams and assessments"</A></p>
                }.into_any()
            } else if finished.get() {
                view! {
                    <h1>"This assessment is finished"</h1>
                    <p>"Its answers are final. "
                        <A href=format!("/runs/{}/results", run_id.get().0)>"See its results"</A>
                    </p>
                }.into_any()
            } else if steps.with(|s| s.is_empty()) {
                view! {
                    <h1>"Nothing to ask"</h1>
                    <p>"This assessment's questionnaires are not part of this version of the app."</p>
                }.into_any()
            } else {
                view! { <Questions run_id=run_id steps=steps/> }.into_any()
            }
        }}
    }
}

#[component]
fn Questions(run_id: Memo<RunId>, steps: Memo<Vec<Step<'static>>>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let total = Memo::new(move |_| steps.with(|s| s.len()));
    let position = Memo::new(move |_| {
        let stored = state
            .store
            .with(|s| s.run(&run_id.get()).map_or(0, |r| r.position));
        stored.min(total.get().saturating_sub(1))
    });
    let answered = Memo::new(move |_| {
        state.store.with(|s| {
            s.run(&run_id.get()).map_or(0, |run| {
                steps.with(|steps| {
                    steps
                        .iter()
                        .filter(|step| run.answers.contains_key(&step.question.id))
                        .count()
                })
            })
        })
    });
    let team_name = Memo::new(move |_| {
        state.store.with(|s| {
            s.run(&run_id.get())
                .and_then(|r| s.team(&r.team))
                .map(|t| t.name.clone())
                .unwrap_or_default()
        })
    });
    let title = Memo::new(move |_| {
        steps.with(|s| {
            let mut titles: Vec<&str> = Vec::new();
            for step in s {
                if !titles.contains(&step.questionnaire.title.as_str()) {
                    titles.push(&step.questionnaire.title);
                }
            }
            titles.join(" + ")
        })
    });
    Effect::new(move |_| set_title(&format!("{} · {}", title.get(), team_name.get())));

    let error = RwSignal::new(None::<String>);
    let report = move |result: Result<(), maturity_core::ChangeError>| match result {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e.to_string())),
    };
    let go_to = move |to: usize| {
        report(state.change(|s| s.set_position(&run_id.get_untracked(), to, now())));
    };

    // Move focus to the new question when the position changes, not on first show.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |previous: Option<usize>| {
        let current = position.get();
        if previous.is_some_and(|p| p != current) {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
        current
    });

    let finish = move || {
        let id = run_id.get_untracked();
        match state.change(|s| s.finish(&id, now())) {
            Ok(()) => navigate(&format!("/runs/{}/results", id.0), Default::default()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let current_step = move || steps.with(|s| s.get(position.get()).copied());
    let chosen = Signal::derive(move || {
        let step = current_step()?;
        state.store.with(|s| {
            s.run(&run_id.get())
                .and_then(|r| r.answers.get(&step.question.id).copied())
        })
    });

    view! {
        <h1>{move || title.get()} <span class="subtitle">{move || format!(" for {}", team_name.get())}</span></h1>
        <div class="progress">
            <p id="progress-label" aria-live="polite">
                {move || format!("Question {} of {}", position.get() + 1, total.get())}
            </p>
            <progress
                aria-labelledby="progress-label answered-label"
                max=move || total.get().to_string()
                value=move || answered.get().to_string()
            ></progress>
            <p id="answered-label" class="hint">
                {move || format!("{} of {} answered · saved in this browser as you go", answered.get(), total.get())}
            </p>
        </div>
        // Keyed by question: each question gets fresh inputs. Rebuilding one card's
        // radios in place would rename a checked radio into the next question's group,
        // and the browser would then uncheck that question's real answer.
        <For
            each=move || current_step().into_iter()
            key=|step| step.question.id.clone()
            let(step)
        >
            {
                let question_id = step.question.id.clone();
                let on_choose = Callback::new(move |choice: Option<u8>| {
                    let id = run_id.get_untracked();
                    report(state.change(|s| match choice {
                        Some(choice) => s.answer(&id, &question_id, choice, now()),
                        None => s.clear_answer(&id, &question_id, now()),
                    }));
                });
                view! { <QuestionCard step=step chosen=chosen on_choose=on_choose heading_ref=heading/> }
            }
        </For>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <nav class="question-nav" aria-label="Questions">
            <button
                type="button"
                disabled=move || position.get() == 0
                on:click=move |_| go_to(position.get_untracked().saturating_sub(1))
            >
                "Previous"
            </button>
            {move || {
                let last = position.get() + 1 >= total.get();
                if last {
                    let finish = finish.clone();
                    let missing = total.get() - answered.get();
                    view! {
                        <span class="finish">
                            {(missing > 0).then(|| view! {
                                <span class="hint">{format!("{missing} unanswered; they will not count towards the scores. ")}</span>
                            })}
                            <button type="button" class="primary" on:click=move |_| finish()>
                                "Finish and see results"
                            </button>
                        </span>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary" on:click=move |_| go_to(position.get_untracked() + 1)>
                            "Next"
                        </button>
                    }.into_any()
                }
            }}
        </nav>
    }
}
