//! The start page: begin an assessment for a team, and find every earlier run.

use crate::components::csv::CsvDownload;
use crate::components::import::ImportBackup;
use crate::platform::{download, format_date_time, new_id, now, random_u32, set_title, today};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use maturity_core::codec::{encode_join, Invitation, Layout};
use maturity_core::error::QuestionnaireError;
use maturity_core::history::progress;
use maturity_core::scoring::format_score;
use maturity_core::words::{count, in_words, noun};
use maturity_core::{Catalog, ChangeError, Run, RunId, TeamId};

#[component]
pub fn Home() -> impl IntoView {
    set_title("Start");
    let state = use_app_state();
    let navigate = use_navigate();
    let team_name = RwSignal::new(String::new());
    let selected = RwSignal::new(state.catalog.with_untracked(|c| {
        c.all()
            .first()
            .map(|q| vec![q.id.clone()])
            .unwrap_or_default()
    }));
    let error = RwSignal::new(None::<String>);

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = now();
        let result = state.change(|store| {
            store.start_run(
                &team_name.get_untracked(),
                selected.get_untracked(),
                TeamId(new_id("t")),
                RunId(new_id("r")),
                at,
            )
        });
        match result {
            Ok(run) => navigate(&routes::run(&run), Default::default()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let navigate_workshop = use_navigate();
    let start_workshop = move |_| {
        let chosen = selected.get_untracked();
        let layout = state.catalog.with_untracked(|c| Layout::new(c, &chosen));
        let at = now();
        let result = state.change(|store| {
            store.start_workshop(
                &team_name.get_untracked(),
                chosen,
                &layout,
                TeamId(new_id("t")),
                random_u32(),
                at,
            )
        });
        match result {
            Ok(id) => navigate_workshop(&routes::workshop(id), Default::default()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    // The questionnaires on offer follow the user's own, loaded or removed below.
    let offered = Memo::new(move |_| state.catalog.with(|c| c.all().to_vec()));
    let lede_titles = move || {
        offered.with(|all| {
            let titles: Vec<String> = all.iter().map(|q| q.title.clone()).collect();
            in_words(&titles, "a questionnaire")
        })
    };
    let options = move || {
        offered.get()
        .into_iter()
        .map(|q| {
            let id = q.id.clone();
            let toggle_id = id.clone();
            let input_id = format!("questionnaire-{id}");
            let count = q.active_questions().count();
            view! {
                <div class="option">
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        value=id.clone()
                        prop:checked=move || selected.with(|s| s.contains(&id))
                        on:change=move |_| {
                            selected.update(|s| {
                                if let Some(at) = s.iter().position(|x| x == &toggle_id) {
                                    s.remove(at);
                                } else {
                                    s.push(toggle_id.clone());
                                }
                            })
                        }
                    />
                    <label for=input_id>
                        <span class="option-title">{q.title.clone()}</span>
                        <span class="option-hint">
                            {format!("{} — {count} questions, about {} minutes", q.summary, count.div_ceil(3))}
                        </span>
                    </label>
                </div>
            }
        })
        .collect_view()
    };

    let known_teams = move || {
        state.store.with(|s| {
            s.teams
                .iter()
                .map(|t| view! { <option value=t.name.clone()></option> })
                .collect_view()
        })
    };

    view! {
        <h1>"DevOps maturity self-assessment"</h1>
        <p class="lede">
            {move || format!("Walk your team through {}, and see where you stand and what to try next. ", lede_titles())}
            "Everything you enter stays in this browser: nothing is sent anywhere."
        </p>
        <section aria-labelledby="start-heading" class="card">
            <h2 id="start-heading">"Start an assessment"</h2>
            <form on:submit=start novalidate>
                <div class="field">
                    <label for="team-name">"Team name"</label>
                    <input
                        id="team-name"
                        type="text"
                        list="known-teams"
                        maxlength="80"
                        autocomplete="off"
                        aria-describedby="team-name-hint"
                        bind:value=team_name
                    />
                    <p id="team-name-hint" class="hint">
                        "Use the same name each time so your results line up over time."
                    </p>
                    <datalist id="known-teams">{known_teams}</datalist>
                </div>
                <fieldset class="options">
                    <legend>"Questionnaires"</legend>
                    {options}
                </fieldset>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="start-buttons">
                    <button type="submit" class="primary">"Start assessment"</button>
                    <span class="hint">" Answer together, on this screen."</span>
                </div>
                <div class="start-buttons">
                    <button type="button" on:click=start_workshop>"Start a workshop"</button>
                    <span class="hint">" Everyone answers privately on their own device; the room then sees where it disagrees. No server: answers come back to you as codes."</span>
                </div>
            </form>
        </section>
        <OwnQuestionnaires/>
        <Workshops/>
        <History/>
    }
}

/// Questionnaires of the user's own: load a file (checked, with errors that point
/// at the field), see them listed, remove one nothing uses.
#[component]
fn OwnQuestionnaires() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<(bool, String)>);
    let own = Memo::new(move |_| {
        state.store.with(|s| {
            s.questionnaires
                .iter()
                .map(|q| (q.id.clone(), q.title.clone(), q.active_questions().count()))
                .collect::<Vec<_>>()
        })
    });
    let load = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = leptos::prelude::event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            let limit = maturity_core::limits::MAX_CUSTOM_BYTES as f64;
            let text = match crate::platform::read_text(file, limit, "a questionnaire file").await {
                Ok(text) => text,
                Err(e) => return message.set(Some((false, e))),
            };
            let Ok(builtin) = maturity_core::Catalog::builtin() else {
                return;
            };
            let result = builtin
                .parse_custom(&name, &text)
                .map_err(|e| ChangeError::Questionnaire(QuestionnaireError::Invalid(e.to_string())))
                .and_then(|q| {
                    let title = q.title.clone();
                    state
                        .change(|s| s.add_questionnaire(q, &builtin, now()))
                        .map(|replaced| (title, replaced))
                });
            message.set(Some(match result {
                Ok((title, false)) => (
                    true,
                    format!("Loaded “{title}”: it is offered with the others above."),
                ),
                Ok((title, true)) => (true, format!("Updated “{title}” from {name}.")),
                Err(e) => (false, format!("{name} was not loaded:\n{e}")),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="own-heading">
            <h2 id="own-heading">"Questionnaires of your own"</h2>
            <p class="hint">"A JSON file in the same format as the built-in questionnaires (see the README and questionnaires/examples/). It is checked, kept in this browser, included in backups, and used like the others."</p>
            <div class="field">
                <label for="questionnaire-file">"Load a questionnaire file"</label>
                <input id="questionnaire-file" type="file" accept=".json,application/json" on:change=load/>
            </div>
            {move || message.get().map(|(ok, text)| if ok {
                view! { <p class="status" role="status">{text}</p> }.into_any()
            } else {
                view! { <p class="error problems" role="alert">{text}</p> }.into_any()
            })}
            <ul>
                {move || own.get().into_iter().map(|(id, title, count)| {
                    let label = format!("Remove {title}");
                    view! {
                        <li>{format!("{title} ({count} questions) ")}
                            <button type="button" class="quiet" aria-label=label on:click=move |_| {
                                message.set(Some(match state.change(|s| s.remove_questionnaire(&id, now())) {
                                    Ok(()) => (true, "Removed.".to_string()),
                                    Err(e) => (false, e.to_string()),
                                }));
                            }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Workshops on this device: those it facilitates and those it takes part in.
#[component]
fn Workshops() -> impl IntoView {
    let state = use_app_state();
    let listed = Memo::new(move |_| {
        state.store.with(|s| {
            let open: Vec<(String, String, usize)> = s
                .workshops
                .iter()
                .filter(|w| !w.is_saved())
                .map(|w| {
                    let team = s.team(&w.team).map(|t| t.name.clone()).unwrap_or_default();
                    (routes::workshop(w.id), team, w.submissions.len())
                })
                .collect();
            let joined: Vec<(String, String, bool)> = s
                .participations
                .iter()
                .map(|p| {
                    let code = encode_join(&Invitation::joined(p));
                    (routes::join(&code), p.team_name.clone(), p.done)
                })
                .collect();
            (open, joined)
        })
    });
    move || {
        let (open, joined) = listed.get();
        (!open.is_empty() || !joined.is_empty()).then(|| view! {
            <section aria-labelledby="workshops-heading" class="card">
                <h2 id="workshops-heading">"Workshops on this device"</h2>
                <ul>
                    {open.into_iter().map(|(href, team, n)| view! {
                        <li>"Facilitating: " <a href=href>{format!("workshop for {team}")}</a>
                            {format!(" ({} collected)", count(n, "answer code", "answer codes"))}</li>
                    }).collect_view()}
                    {joined.into_iter().map(|(href, team, done)| view! {
                        <li>"Taking part: " <a href=href>{format!("workshop for {team}")}</a>
                            {if done { " (answer code ready)" } else { " (answering)" }}</li>
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// How many runs each team lists on the start page; the team page has them all.
const RECENT_RUNS: usize = 3;

/// Every active team with its latest runs, then the archived teams, then a backup.
#[component]
fn History() -> impl IntoView {
    let state = use_app_state();
    let catalog = state.catalog;
    let download_error = RwSignal::new(None::<String>);
    let backup = move |_| {
        // What this tab holds: everything saved, plus any change it could not save.
        let Some(text) = state.store.with_untracked(|s| s.encode().ok()) else {
            download_error.set(Some(
                "The data could not be prepared for download.".to_string(),
            ));
            return;
        };
        let name = format!("devops-maturity-backup-{}.json", today());
        download_error.set(download(&name, "application/json", &text).err());
    };
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">"Your teams"</h2>
            {move || {
                state.store.with(|store| {
                    if store.teams.is_empty() {
                        return view! {
                            <p class="empty">"No assessments yet. Start one above; it is saved as you answer."</p>
                        }.into_any();
                    }
                    let (archived, active): (Vec<_>, Vec<_>) =
                        store.teams_by_activity().into_iter().partition(|t| t.archived);
                    let active = active
                        .into_iter()
                        .map(|team| {
                            let all = store.runs_of(&team.id);
                            let more = all.len().saturating_sub(RECENT_RUNS);
                            let runs = catalog.with(|c| all.into_iter().take(RECENT_RUNS).map(|r| run_item(c, r)).collect_view());
                            let href = routes::team(&team.id);
                            let link = if more > 0 {
                                format!("History, trends and {more} older {}", noun(more, "assessment", "assessments"))
                            } else {
                                "History and trends".to_string()
                            };
                            let label = format!("{link}: {}", team.name);
                            view! {
                                <section class="team" aria-label=team.name.clone()>
                                    <h3>{team.name.clone()}</h3>
                                    <ul class="runs">{runs}</ul>
                                    <p class="team-link"><A href=href attr:aria-label=label>{link}</A></p>
                                </section>
                            }
                        })
                        .collect_view();
                    let archived = (!archived.is_empty()).then(|| {
                        let archived_count = archived.len();
                        let items = archived
                            .into_iter()
                            .map(|team| {
                                let runs = store.runs_of(&team.id).len();
                                let href = routes::team(&team.id);
                                let name = team.name.clone();
                                view! {
                                    <li>
                                        <A href=href>{name}</A>
                                        {format!(" ({})", count(runs, "assessment", "assessments"))}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <details class="archived">
                                <summary>{format!("Archived teams ({archived_count})")}</summary>
                                <ul>{items}</ul>
                            </details>
                        }
                    });
                    view! { {active} {archived} }.into_any()
                })
            }}
            <p class="backup">
                <button type="button" on:click=backup>"Download a backup of all data"</button>
                <span class="hint">" One JSON file with every team, assessment, note, action and workshop in this browser."</span>
            </p>
            <p class="backup">
                <CsvDownload team=Signal::derive(|| None) label="Download all assessments as CSV"/>
                <span class="hint">" For a spreadsheet: one row per assessment and dimension."</span>
            </p>
            <ImportBackup/>
            {move || download_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

fn run_item(catalog: &Catalog, run: &Run) -> impl IntoView {
    let titles = catalog.titles(&run.questionnaires).join(", ");
    let when = format_date_time(run.held_at());
    let progress = progress(catalog, run);
    let (status, link_text, href) = if run.is_finished() {
        let overall = match progress.overall.as_slice() {
            [(_, only)] => format!("overall {} / 10", format_score(*only)),
            all => all
                .iter()
                .map(|(title, score)| format!("{title} {} / 10", format_score(*score)))
                .collect::<Vec<_>>()
                .join(", "),
        };
        (
            format!("Finished: {overall}"),
            "View results",
            routes::results(&run.id),
        )
    } else {
        (
            format!(
                "In progress: {} of {} answered",
                progress.answered, progress.asked
            ),
            "Resume",
            routes::run(&run.id),
        )
    };
    let link_label = format!("{link_text}: {when}");
    view! {
        <li class="run">
            <span class="run-when">{when}</span>
            <span class="run-what">{titles}</span>
            <span class="run-status">{status}</span>
            <A href=href attr:aria-label=link_label>{link_text}</A>
        </li>
    }
}
