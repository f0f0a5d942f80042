//! Taking an assessment: one question at a time, every answer saved as it is given,
//! resuming where the team stopped.

use crate::components::stepper::QuestionStepper;
use crate::i18n::{k, t, tf};
use crate::platform::{now, set_title};
use crate::routes;
use crate::state::use_app_state;
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
    let steps = state.steps_of(move || questionnaire_ids.get());

    view! {
        {move || {
            if !exists.get() {
                set_title(&t(k::RUN_NOT_FOUND));
                view! {
                    <h1>{t(k::RUN_NOT_FOUND)}</h1>
                    <p>{t(k::RUN_NOT_FOUND_TEXT)}</p>
                    <p><A href=routes::home() exact=true>{t(k::COMMON_SEE_TEAMS)}</A></p>
                }.into_any()
            } else if finished.get() {
                view! {
                    <h1>{t(k::RUN_FINISHED_HEADING)}</h1>
                    <p>{format!("{} ", t(k::RUN_FINISHED_TEXT))}
                        <A href=routes::results(&run_id.get())>{t(k::RUN_SEE_RESULTS)}</A>
                    </p>
                }.into_any()
            } else if steps.with(|s| s.is_empty()) {
                view! {
                    <h1>{t(k::RUN_NOTHING_HEADING)}</h1>
                    <p>{t(k::RUN_NOTHING_TEXT)}</p>
                }.into_any()
            } else {
                view! { <Questions run_id=run_id steps=steps/> }.into_any()
            }
        }}
    }
}

#[component]
fn Questions(run_id: Memo<RunId>, steps: Memo<Vec<Step>>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let team_name = Memo::new(move |_| {
        state.store.with(|s| {
            s.run(&run_id.get())
                .and_then(|r| s.team(&r.team))
                .map(|t| t.name.clone())
                .unwrap_or_default()
        })
    });
    let title = Memo::new(move |_| {
        let ids = state
            .store
            .with(|s| s.run(&run_id.get()).map(|r| r.questionnaires.clone()))
            .unwrap_or_default();
        state.catalog.with(|c| c.title_line(&ids))
    });
    Effect::new(move |_| set_title(&format!("{} · {}", title.get(), team_name.get())));

    let position = Signal::derive(move || {
        state
            .store
            .with(|s| s.run(&run_id.get()).map_or(0, |r| r.position))
    });
    let answer_of = Callback::new(move |question: String| {
        state.store.with(|s| {
            s.run(&run_id.get())
                .and_then(|r| r.answers.get(&question).copied())
        })
    });
    let on_answer = Callback::new(move |(question, choice): (String, Option<u8>)| {
        let id = run_id.get_untracked();
        state.change(|s| match choice {
            Some(choice) => s.answer(&id, &question, choice, now()),
            None => s.clear_answer(&id, &question, now()),
        })
    });
    let on_move = Callback::new(move |to: usize| {
        state.change(|s| s.set_position(&run_id.get_untracked(), to, now()))
    });
    let on_finish = Callback::new(move |()| {
        let id = run_id.get_untracked();
        state.change(|s| s.finish(&id, now()))?;
        navigate(&routes::results(&id), routes::navigate());
        Ok(())
    });

    view! {
        <h1>{move || title.get()} <span class="subtitle">{move || format!(" {}", tf(k::RUN_FOR_TEAM, &[("team", &team_name.get())]))}</span></h1>
        <QuestionStepper
            steps=steps
            position=position
            answer_of=answer_of
            on_answer=on_answer
            on_move=on_move
            on_finish=on_finish
            finish_label=t(k::RUN_FINISH)
            saved_where=t(k::RUN_SAVED_HERE)
        />
    }
}
