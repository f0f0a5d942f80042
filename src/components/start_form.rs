//! Starting an assessment or a workshop: the team's name (known teams offered) and
//! the questionnaires to take, each with its size and the time it takes.

use crate::i18n::{k, t, tf, tp};
use crate::platform::{new_id, now, random_u32};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use maturity_core::workshop::codec::Layout;
use maturity_core::{RunId, TeamId};

#[component]
pub fn StartForm() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    // A team page's "Start a new assessment" names the team (`?team=`).
    let team_name = RwSignal::new(
        leptos_router::hooks::use_query_map()
            .with_untracked(|q| q.get("team"))
            .unwrap_or_default(),
    );
    let selected = RwSignal::new(state.catalog.with_untracked(|c| {
        c.all()
            .first()
            .map(|q| vec![q.id.clone()])
            .unwrap_or_default()
    }));
    let error = RwSignal::new(None::<String>);

    let start = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = state.change(|store| {
                store.start_run(
                    &team_name.get_untracked(),
                    selected.get_untracked(),
                    TeamId(new_id("t")),
                    RunId(new_id("r")),
                    now(),
                )
            });
            match result {
                Ok(run) => navigate(&routes::run(&run), routes::navigate()),
                Err(e) => error.set(Some(crate::errors::change(&e))),
            }
        }
    };
    let start_workshop = move |_| {
        let chosen = selected.get_untracked();
        let layout = state.catalog.with_untracked(|c| Layout::new(c, &chosen));
        let result = state.change(|store| {
            store.start_workshop(
                &team_name.get_untracked(),
                chosen,
                &layout,
                TeamId(new_id("t")),
                random_u32(),
                now(),
            )
        });
        match result {
            Ok(id) => navigate(&routes::workshop(id), routes::navigate()),
            Err(e) => error.set(Some(crate::errors::change(&e))),
        }
    };

    view! {
        <section aria-labelledby="start-heading" class="card">
            <h2 id="start-heading">{t(k::HOME_START_HEADING)}</h2>
            <form on:submit=start novalidate>
                <TeamNameField team_name=team_name/>
                <fieldset class="options">
                    <legend>{t(k::HOME_QUESTIONNAIRES)}</legend>
                    <QuestionnaireOptions selected=selected/>
                </fieldset>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="start-buttons">
                    <button type="submit" class="primary">{t(k::HOME_START_ASSESSMENT)}</button>
                    <span class="hint">{format!(" {}", t(k::HOME_START_ASSESSMENT_HINT))}</span>
                </div>
                <div class="start-buttons">
                    <button type="button" on:click=start_workshop>{t(k::HOME_START_WORKSHOP)}</button>
                    <span class="hint">{format!(" {}", t(k::HOME_START_WORKSHOP_HINT))}</span>
                </div>
            </form>
        </section>
    }
}

/// The team's name, with the teams already here offered as suggestions.
#[component]
fn TeamNameField(team_name: RwSignal<String>) -> impl IntoView {
    let state = use_app_state();
    let known_teams = move || {
        state.store.with(|s| {
            s.teams
                .iter()
                .map(|t| view! { <option value=t.name.clone()></option> })
                .collect_view()
        })
    };
    view! {
        <div class="field">
            <label for="team-name">{t(k::COMMON_TEAM_NAME)}</label>
            <input
                id="team-name"
                type="text"
                list="known-teams"
                maxlength=maturity_core::limits::MAX_TEAM_NAME.to_string()
                autocomplete="off"
                aria-describedby="team-name-hint"
                bind:value=team_name
            />
            <p id="team-name-hint" class="hint">
                {t(k::HOME_TEAM_NAME_HINT)}
            </p>
            <datalist id="known-teams">{known_teams}</datalist>
        </div>
    }
}

/// One checkbox per questionnaire on offer (the user's own included).
#[component]
fn QuestionnaireOptions(selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let offered = Memo::new(move |_| state.catalog.with(|c| c.all().to_vec()));
    move || {
        offered
            .get()
            .into_iter()
            .map(|q| {
                let id = q.id.clone();
                let toggle_id = id.clone();
                let input_id = format!("questionnaire-{id}");
                let count = q.active_questions().count();
                let toggle = move |_| {
                    selected.update(|s| match s.iter().position(|x| x == &toggle_id) {
                        Some(at) => {
                            s.remove(at);
                        }
                        None => s.push(toggle_id.clone()),
                    })
                };
                view! {
                    <div class="option">
                        <input type="checkbox" id=input_id.clone() value=id.clone()
                            prop:checked=move || selected.with(|s| s.contains(&id))
                            on:change=toggle/>
                        <label for=input_id>
                            <span class="option-title">{q.title.clone()}</span>
                            <span class="option-hint">
                                {tf(k::HOME_QUESTIONNAIRE_SIZE, &[
                                    ("summary", &q.summary),
                                    ("questions", &tp(k::HOME_QUESTIONS, count, &[])),
                                    ("minutes", &tp(k::HOME_MINUTES, count.div_ceil(3), &[])),
                                ])}
                            </span>
                        </label>
                    </div>
                }
            })
            .collect_view()
    }
}
