//! A team's page: its history of runs, trends per dimension, DORA metrics over time
//! against the clusters, the latest run over the previous one, and looking after the
//! team itself (rename, archive, delete).

use crate::components::compare_form::CompareForm;
use crate::components::csv::CsvDownload;
use crate::components::dora_trend::DoraOverTime;
use crate::components::experiments::checked_line;
use crate::components::score_table::score_text;
use crate::components::scroll_table::ScrollTable;
use crate::components::team_admin::TeamAdmin;
use crate::components::trends::Trends;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{focus_by_id, mark, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use maturity_core::assessment::history::{team_history, Summary, TeamHistory};
use maturity_core::{Catalog, RunId, Team, TeamId};

/// The team and its history, computed once per change of the store or catalog.
#[derive(Clone, PartialEq)]
struct TeamData {
    team: Team,
    history: TeamHistory,
}

/// "CALMS" for a questionnaire id, or the id itself when the catalog has no such file.
fn title_of(catalog: &Catalog, id: &str) -> String {
    catalog
        .get(id)
        .map_or_else(|| id.to_string(), |q| q.title.clone())
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let team_id = Memo::new(move |_| TeamId(params.read().get("team").unwrap_or_default()));
    let data = Memo::new(move |_| {
        let id = team_id.get();
        state.catalog.with(|catalog| {
            state.store.with(|store| {
                let team = store.team(&id)?.clone();
                mark("devops-maturity:trends:start");
                let history = team_history(&store.runs_of(&team.id), catalog);
                mark("devops-maturity:trends:end");
                Some(TeamData { team, history })
            })
        })
    });
    let exists = Memo::new(move |_| data.with(|d| d.is_some()));
    // The history alone: renaming or archiving the team leaves it equal, so the
    // tables and charts below are not rebuilt for a change that does not touch them.
    let history = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.history.clone())));
    let team = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.team.clone())));
    move || {
        if !exists.get() {
            return view! { <crate::components::team_not_found::TeamNotFound/> }.into_any();
        }
        let name = Memo::new(move |_| {
            data.with(|d| d.as_ref().map(|d| d.team.name.clone()).unwrap_or_default())
        });
        Effect::new(move |_| set_title(&tf(k::TEAM_TITLE, &[("team", &name.get())])));
        view! {
            <p class="report-actions"><button type="button" on:click=|_| crate::platform::print()>{t(k::TEAM_PRINT)}</button></p>
            <h1>{move || name.get()}
                {move || data.with(|d| d.as_ref().is_some_and(|d| d.team.archived)).then(|| view! { <span class="badge">{t(k::TEAM_ARCHIVED)}</span> })}
            </h1>
            <p class="meta">{move || data.with(|d| d.as_ref().map(summary_line).unwrap_or_default())}</p>
            {move || data.with(|d| d.as_ref().filter(|d| !d.team.tags.is_empty()).map(|d| view! {
                <p class="meta tags">{tf(k::TEAM_TAGS_SHOWN, &[("tags", &crate::i18n::list(&d.team.tags))])}</p>
            }))}
            <p class="team-starts">
                <A href=move || data.with(|d| d.as_ref().map_or_else(routes::home, |d| routes::start_for(&d.team.name)))>{t(k::TEAM_START_NEW)}</A>
                " · "
                <A href=move || routes::measure(&team_id.get())>{t(k::MEASURE_LINK)}</A>
                " · "
                <A href=routes::teams()>{t(k::COACH_LINK)}</A>
            </p>
            <RunsTable data=history team=team_id/>
            <crate::components::experiments::ExperimentsTable team=team_id/>
            <Trends data=history/>
            <DoraOverTime team=team_id/>
            <CompareForm data=history team=team_id/>
            <TeamAdmin team=team history=history/>
        }
        .into_any()
    }
}

fn summary_line(d: &TeamData) -> String {
    tp(
        k::TEAM_SUMMARY,
        d.history.runs.len(),
        &[("finished", &d.history.finished.to_string())],
    )
}

/// Every run, newest first, with a way to open it and to delete it.
#[component]
fn RunsTable(data: Memo<Option<TeamHistory>>, team: Memo<TeamId>) -> impl IntoView {
    let team = Signal::derive(move || Some(team.get()));
    let state = use_app_state();
    let confirming = RwSignal::new(None::<RunId>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let catalog = state.catalog;
    // What each assessment checked of the experiments agreed before it.
    let checked = Memo::new(move |_| {
        let team = team.get().unwrap_or_else(|| TeamId(String::new()));
        let today = crate::platform::today();
        catalog.with(|c| {
            state.store.with(|s| {
                let runs = s.runs_of(&team);
                let found = maturity_core::coach::experiments::experiments(c, &runs, &today);
                runs.iter()
                    .map(|r| (r.id.clone(), checked_line(&found, &r.id)))
                    .filter(|(_, line)| !line.is_empty())
                    .collect::<std::collections::BTreeMap<RunId, String>>()
            })
        })
    });
    let rows = move || {
        let catalog = catalog.get();
        let checked = checked.get();
        let title_of = |id: &str| title_of(&catalog, id);
        data.with(|d| {
            let Some(d) = d else { return Vec::new() };
            // Each assessment's label is its own, even for two in the same minute.
            let whens = crate::platform::format_date_times(
                &d.runs.iter().map(|r| r.held_at).collect::<Vec<_>>(),
            );
            d.runs
                .iter()
                .zip(whens)
                .map(|(run, when)| {
                    let titles: Vec<String> =
                        run.scores.iter().map(|s| title_of(&s.questionnaire)).collect();
                    let line = checked.get(&run.run).cloned().unwrap_or_default();
                    view! { <RunRow run=run.clone() when=when titles=titles checked=line confirming=confirming error=error done=done/> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="runs-heading">
            <h2 id="runs-heading" tabindex="-1">{t(k::TEAM_RUNS_HEADING)}</h2>
            <p><CsvDownload team=team label=t(k::TEAM_CSV)/></p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <p class="status" aria-live="polite">{move || done.get()}</p>
            {move || if data.with(|d| d.as_ref().is_some_and(|d| d.runs.is_empty())) {
                view! { <p class="empty">{t(k::TEAM_RUNS_EMPTY)}</p> }.into_any()
            } else {
                // Scrolls in its own box on a narrow screen, its first column in view.
                view! {
                    <ScrollTable label=t(k::TEAM_RUNS_CAPTION)>
                    <table class="scores runs-table">
                        <caption>{t(k::TEAM_RUNS_CAPTION)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(k::TEAM_COL_WHEN)}</th>
                                <th scope="col">{t(k::TEAM_COL_QUESTIONNAIRES)}</th>
                                <th scope="col">{t(k::TEAM_COL_OVERALL)}</th>
                                <th scope="col">{t(k::TEAM_COL_NOTES)}</th>
                                <th scope="col">{t(k::TEAM_COL_ACTIONS)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}

/// A run's overall score per questionnaire, or how far an unfinished one got.
fn scores_text(run: &Summary, titles: &[String]) -> String {
    if run.finished {
        run.scores
            .iter()
            .zip(titles)
            .map(|(s, title)| format!("{title} {}", score_text(s.overall)))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        tp(k::TEAM_IN_PROGRESS, run.answered, &[])
    }
}

/// "Delete the assessment of …?": deleting it, or keeping it (focus goes back to
/// the button that asked).
#[component]
fn ConfirmDelete(
    run: RunId,
    when: String,
    keep_focus: String,
    confirming: RwSignal<Option<RunId>>,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let question = tf(k::TEAM_DELETE_QUESTION, &[("time", &when)]);
    view! {
        <div class="confirm" role="group" aria-label=t(k::TEAM_CONFIRM_DELETION)>
            <p>{question}</p>
            <button type="button" class="danger" on:click=move |_| {
                match state.change(|s| s.delete_run(&run, now())) {
                    Ok(()) => {
                        error.set(None);
                        done.set(Some(tf(k::TEAM_DELETED, &[("time", &when)])));
                    }
                    Err(e) => error.set(Some(crate::errors::change(&e))),
                }
                confirming.set(None);
                // The focused button is gone: continue from the table's heading.
                focus_by_id("runs-heading");
            }>{t(k::TEAM_DELETE_CONFIRM)}</button>
            <button type="button" on:click=move |_| {
                confirming.set(None);
                focus_by_id(&keep_focus);
            }>{t(k::TEAM_KEEP)}</button>
        </div>
    }
}

/// One run of the table: when, what, its scores, notes and actions, a link to it,
/// and deleting it (asks first).
#[component]
fn RunRow(
    run: Summary,
    /// The assessment's label, unique in the team's list.
    when: String,
    titles: Vec<String>,
    /// The experiments it checked, in words (empty: none).
    checked: String,
    confirming: RwSignal<Option<RunId>>,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = run.run.clone();
    let scores = scores_text(&run, &titles);
    let (link, label, href) = if run.finished {
        (
            t(k::TEAM_VIEW),
            tf(k::TEAM_VIEW_LABEL, &[("time", &when)]),
            routes::results(&id),
        )
    } else {
        (
            t(k::TEAM_RESUME),
            tf(k::TEAM_RESUME_LABEL, &[("time", &when)]),
            routes::run(&id),
        )
    };
    let ask_id = id.clone();
    let confirm_id = id.clone();
    let delete_id = id.clone();
    let asking = move || confirming.with(|c| c.as_ref() == Some(&confirm_id));
    let delete_label = tf(k::TEAM_DELETE_LABEL, &[("time", &when)]);
    let when_text = when.clone();
    let delete_button = format!("delete-{}", id.0);
    let keep_focus = delete_button.clone();
    view! {
        <tr>
            <th scope="row">{when.clone()}</th>
            <td>{titles.join(", ")}</td>
            <td>{scores}</td>
            <td class="notes-cell">
                {run.participants.map(|n| tp(k::TEAM_WORKSHOP_OF, n, &[]))}
                {(run.actions > 0).then(|| tp(k::TEAM_ACTIONS_AGREED, run.actions, &[("done", &run.actions_done.to_string())]))}
                {(!checked.is_empty()).then(|| view! { <span class="checked-line">{checked}</span> })}
                {run.notes.clone()}
            </td>
            <td class="actions">
                <A href=href attr:aria-label=label>{link}</A>
                <button type="button" class="quiet" aria-label=delete_label id=delete_button
                    on:click=move |_| confirming.set(Some(ask_id.clone()))>{t(k::TEAM_DELETE_ASK)}</button>
                {move || asking().then(|| view! {
                    <ConfirmDelete run=delete_id.clone() when=when_text.clone() keep_focus=keep_focus.clone()
                        confirming=confirming error=error done=done/>
                })}
            </td>
        </tr>
    }
}
