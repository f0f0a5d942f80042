//! Every team on the start page: active teams with their latest runs (where each
//! stands, its overall scores), archived teams folded away, then the backup, CSV
//! and import of all data.

use crate::components::csv::CsvDownload;
use crate::components::import::ImportBackup;
use crate::components::score_table::score_text;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{download, format_date_times, today};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::assessment::history::progress;
use maturity_core::{Catalog, Run, Store, Team};

/// How many runs each team lists on the start page; the team page has them all.
const RECENT_RUNS: usize = 3;

/// Every active team with its latest runs, then the archived teams, then backups.
#[component]
pub fn TeamList() -> impl IntoView {
    let state = use_app_state();
    let catalog = state.catalog;
    let download_error = RwSignal::new(None::<String>);
    let backup = move |_| {
        // What this tab holds: everything saved, plus any change it could not save.
        let Some(text) = state.store.with_untracked(|s| s.encode().ok()) else {
            download_error.set(Some(t(k::HOME_BACKUP_FAILED)));
            return;
        };
        let name = format!("devops-maturity-backup-{}.json", today());
        download_error.set(download(&name, "application/json", &text).err());
    };
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t(k::HOME_TEAMS_HEADING)}</h2>
            // Always there: a coach's first step is often the page that says how to
            // bring the teams' backups in.
            <p class="coach-link"><leptos_router::components::A href=crate::routes::teams()>{t(k::COACH_LINK)}</leptos_router::components::A></p>
            {move || {
                state.store.with(|store| {
                    if store.teams.is_empty() {
                        return view! {
                            <p class="empty">{t(k::HOME_NO_ASSESSMENTS)}</p>
                        }.into_any();
                    }
                    let (archived, active): (Vec<_>, Vec<_>) =
                        store.teams_by_activity().into_iter().partition(|t| t.archived);
                    let active = catalog.with(|c| {
                        active.into_iter().map(|team| team_runs(c, store, team)).collect_view()
                    });
                    let archived = (!archived.is_empty()).then(|| archived_teams(store, &archived));
                    view! { {active} {archived} }.into_any()
                })
            }}
            <p class="backup">
                <button type="button" on:click=backup>{t(k::HOME_DOWNLOAD_BACKUP)}</button>
                <span class="hint">{format!(" {}", t(k::HOME_DOWNLOAD_BACKUP_HINT))}</span>
            </p>
            <p class="backup">
                <CsvDownload team=Signal::derive(|| None) label=t(k::HOME_DOWNLOAD_CSV)/>
                <span class="hint">{format!(" {}", t(k::HOME_DOWNLOAD_CSV_HINT))}</span>
            </p>
            <ImportBackup/>
            {move || download_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

/// A team with its latest runs and a link to its whole history.
fn team_runs(catalog: &Catalog, store: &Store, team: &Team) -> impl IntoView {
    let all = store.runs_of(&team.id);
    let more = all.len().saturating_sub(RECENT_RUNS);
    let recent: Vec<&Run> = all.into_iter().take(RECENT_RUNS).collect();
    let whens = format_date_times(&recent.iter().map(|r| r.held_at()).collect::<Vec<_>>());
    let runs = recent
        .into_iter()
        .zip(whens)
        .map(|(r, when)| run_item(catalog, r, when))
        .collect_view();
    let href = routes::team(&team.id);
    let link = if more > 0 {
        tp(k::HOME_HISTORY_MORE, more, &[])
    } else {
        t(k::HOME_HISTORY)
    };
    let label = tf(
        k::HOME_HISTORY_LABEL,
        &[("link", &link), ("team", &team.name)],
    );
    view! {
        <section class="team" aria-label=team.name.clone()>
            <h3>{team.name.clone()}</h3>
            <ul class="runs">{runs}</ul>
            <p class="team-link"><A href=href attr:aria-label=label>{link}</A></p>
        </section>
    }
}

/// Archived teams, folded away, each with how many runs it keeps.
fn archived_teams(store: &Store, archived: &[&Team]) -> impl IntoView {
    let items = archived
        .iter()
        .map(|team| {
            let runs = store.runs_of(&team.id).len();
            let href = routes::team(&team.id);
            let name = team.name.clone();
            view! {
                <li>
                    <A href=href>{name}</A>
                    {format!(" {}", tf(k::HOME_ARCHIVED_RUNS, &[("assessments", &tp(k::COMMON_ASSESSMENTS, runs, &[]))]))}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="archived">
            <summary>{tf(k::HOME_ARCHIVED_TEAMS, &[("n", &archived.len().to_string())])}</summary>
            <ul>{items}</ul>
        </details>
    }
}

fn run_item(catalog: &Catalog, run: &Run, when: String) -> impl IntoView {
    let titles = catalog.titles(&run.questionnaires).join(", ");
    let progress = progress(catalog, run);
    let (status, link_text, href) = if run.is_finished() {
        let overall = match progress.overall.as_slice() {
            [(_, only)] => tf(k::HOME_RUN_OVERALL, &[("score", &score_text(*only))]),
            all => all
                .iter()
                .map(|(title, score)| {
                    tf(
                        k::HOME_RUN_SCORE,
                        &[("title", title), ("score", &score_text(*score))],
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        (
            tf(k::HOME_RUN_FINISHED, &[("scores", &overall)]),
            t(k::HOME_VIEW_RESULTS),
            routes::results(&run.id),
        )
    } else {
        (
            tf(
                k::HOME_RUN_IN_PROGRESS,
                &[
                    ("answered", &progress.answered.to_string()),
                    ("asked", &progress.asked.to_string()),
                ],
            ),
            t(k::HOME_RESUME),
            routes::run(&run.id),
        )
    };
    let link_label = tf(
        k::HOME_RUN_LINK_LABEL,
        &[("action", &link_text), ("time", &when)],
    );
    view! {
        <li class="run">
            <span class="run-when">{when}</span>
            <span class="run-what">{titles}</span>
            <span class="run-status">{status}</span>
            <A href=href attr:aria-label=link_label>{link_text}</A>
        </li>
    }
}
