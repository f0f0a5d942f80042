//! A team's page: its history of runs, trends per dimension, DORA metrics over time
//! against the clusters, the latest run over the previous one, and looking after the
//! team itself (rename, archive, delete).

use crate::components::compare_form::CompareForm;
use crate::components::csv::CsvDownload;
use crate::components::dora_trend::DoraOverTime;
use crate::components::team_admin::TeamAdmin;
use crate::components::trends::Trends;
use crate::platform::{focus_by_id, format_date_time, mark, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use maturity_core::history::{team_history, Summary, TeamHistory};
use maturity_core::scoring::format_score;
use maturity_core::words::count;
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
                let history = team_history(store, catalog, &team.id);
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
            set_title("Team not found");
            return view! {
                <h1>"Team not found"</h1>
                <p>"This team is not saved in this browser; it may have been deleted."</p>
                <p><A href=routes::home() exact=true>"See your teams"</A></p>
            }
            .into_any();
        }
        let name = Memo::new(move |_| {
            data.with(|d| d.as_ref().map(|d| d.team.name.clone()).unwrap_or_default())
        });
        Effect::new(move |_| set_title(&format!("History · {}", name.get())));
        view! {
            <p class="report-actions"><button type="button" on:click=|_| crate::platform::print()>"Print or save as PDF"</button></p>
            <h1>{move || name.get()}
                {move || data.with(|d| d.as_ref().is_some_and(|d| d.team.archived)).then(|| view! { <span class="badge">"Archived"</span> })}
            </h1>
            <p class="meta">{move || data.with(|d| d.as_ref().map(summary_line).unwrap_or_default())}</p>
            <p><A href=routes::home() exact=true>"Start a new assessment"</A></p>
            <RunsTable data=history team=team_id/>
            <Trends data=history/>
            <DoraOverTime data=history/>
            <CompareForm data=history team=team_id/>
            <TeamAdmin team=team history=history/>
        }
        .into_any()
    }
}

fn summary_line(d: &TeamData) -> String {
    format!(
        "{}, {} finished.",
        count(d.history.runs.len(), "assessment", "assessments"),
        d.history.finished
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
    let rows = move || {
        let catalog = catalog.get();
        let title_of = |id: &str| title_of(&catalog, id);
        data.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.runs
                .iter()
                .map(|run| {
                    let titles: Vec<String> =
                        run.scores.iter().map(|s| title_of(&s.questionnaire)).collect();
                    view! { <RunRow run=run.clone() titles=titles confirming=confirming error=error done=done/> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="runs-heading">
            <h2 id="runs-heading" tabindex="-1">"Assessments"</h2>
            <p><CsvDownload team=team label="Download this team's assessments as CSV"/></p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <p class="status" aria-live="polite">{move || done.get()}</p>
            {move || if data.with(|d| d.as_ref().is_some_and(|d| d.runs.is_empty())) {
                view! { <p class="empty">"No assessments left for this team."</p> }.into_any()
            } else {
                view! {
                    <table class="scores runs-table">
                        <caption>"Every assessment of this team, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"When"</th>
                                <th scope="col">"Questionnaires"</th>
                                <th scope="col">"Overall (0–10)"</th>
                                <th scope="col">"Notes"</th>
                                <th scope="col">"Actions"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

/// One run of the table: when, what, its scores, notes and actions, a link to it,
/// and deleting it (asks first).
#[component]
fn RunRow(
    run: Summary,
    titles: Vec<String>,
    confirming: RwSignal<Option<RunId>>,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let id = run.run.clone();
    let when = format_date_time(run.held_at);
    let scores = if run.finished {
        run.scores
            .iter()
            .zip(&titles)
            .map(|(s, title)| format!("{title} {}", format_score(s.overall)))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        format!("In progress: {} answered", run.answered)
    };
    let (link, href) = if run.finished {
        ("View", routes::results(&id))
    } else {
        ("Resume", routes::run(&id))
    };
    let label = format!("{link} the assessment of {when}");
    let ask_id = id.clone();
    let confirm_id = id.clone();
    let delete_id = id.clone();
    let asking = move || confirming.with(|c| c.as_ref() == Some(&confirm_id));
    let delete_label = format!("Delete the assessment of {when}");
    let when_text = when.clone();
    let when_done = when.clone();
    let delete_button = format!("delete-{}", id.0);
    let keep_focus = delete_button.clone();
    view! {
        <tr>
            <th scope="row">{when.clone()}</th>
            <td>{titles.join(", ")}</td>
            <td>{scores}</td>
            <td class="notes-cell">
                {run.participants.map(|n| format!("Workshop of {n}. "))}
                {(run.actions > 0).then(|| format!("{} agreed, {} done. ", count(run.actions, "action", "actions"), run.actions_done))}
                {run.notes.clone()}
            </td>
            <td class="actions">
                <A href=href attr:aria-label=label>{link}</A>
                <button type="button" class="quiet" aria-label=delete_label id=delete_button
                    on:click=move |_| confirming.set(Some(ask_id.clone()))>"Delete…"</button>
                {move || asking().then(|| {
                    let delete_id = delete_id.clone();
                    let when_done = when_done.clone();
                    let keep_focus = keep_focus.clone();
                    view! {
                        <div class="confirm" role="group" aria-label="Confirm deletion">
                            <p>{format!("Delete the assessment of {when_text}? Its answers and notes will be gone for good.")}</p>
                            <button type="button" class="danger" on:click=move |_| {
                                match state.change(|s| s.delete_run(&delete_id, now())) {
                                    Ok(()) => {
                                        error.set(None);
                                        done.set(Some(format!("Deleted the assessment of {when_done}.")));
                                    }
                                    Err(e) => error.set(Some(e.to_string())),
                                }
                                confirming.set(None);
                                // The focused button is gone: continue from the table's heading.
                                focus_by_id("runs-heading");
                            }>"Delete assessment"</button>
                            <button type="button" on:click=move |_| {
                                confirming.set(None);
                                focus_by_id(&keep_focus);
                            }>"Keep it"</button>
                        </div>
                    }
                })}
            </td>
        </tr>
    }
}
