//! DORA measured from a team's own deployment records: drop a CSV or a GitHub or
//! GitLab export, see each metric measured beside what the team answered, and, if
//! the team confirms, record a DORA assessment filled from the figures. Everything
//! is read in this browser; the records themselves are never kept.

use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, number, t, tf, tp};
use crate::platform::{format_date, mark, new_id, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::assessment::records::MeasuredFile;
use maturity_core::calendar::{day_of, day_text, parse_day};
use maturity_core::dora::clusters as dora;
use maturity_core::dora::deploys::{self, DeployError, FileKind, Format, Records};
use maturity_core::dora::measure::{self, agreement, Agreement, Measured, Skip, Unknown, Window};
use maturity_core::limits::MAX_DEPLOY_FILE_BYTES;
use maturity_core::{Catalog, Run, TeamId};
use std::sync::Arc;

/// Records read from the dropped files, with each file's name and checksum.
struct Loaded {
    records: Records,
    files: Vec<MeasuredFile>,
}

#[component]
pub fn MeasurePage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let team_id = Memo::new(move |_| TeamId(params.read().get("team").unwrap_or_default()));
    let team = Memo::new(move |_| state.store.with(|s| s.team(&team_id.get()).cloned()));
    let loaded = RwSignal::new(None::<Arc<Loaded>>);
    let refusal = RwSignal::new(None::<(String, Option<String>)>);
    let reading = RwSignal::new(false);
    // None: the default environment and window of the records.
    let environment = RwSignal::new(None::<String>);
    let window = RwSignal::new(None::<Window>);
    // Files dropped in quick succession: only the last drop's reading is shown.
    let generation = StoredValue::new(0u32);

    let take = move |files: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        reading.set(true);
        mark("devops-maturity:take:start");
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let result = read_files(files).await;
            if generation.get_value() != mine {
                return;
            }
            reading.set(false);
            match result {
                Ok(new) => {
                    refusal.set(None);
                    environment.set(new.records.default_environment());
                    window.set(None);
                    loaded.set(Some(Arc::new(new)));
                    mark("devops-maturity:take:end");
                }
                // A refused file changes nothing: the records shown before stay.
                Err(said) => refusal.set(Some(said)),
            }
        });
    };
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            take(files);
        }
        input.set_value("");
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take(files);
        }
    };

    let measured = Memo::new(move |_| {
        loaded.with(|l| {
            let l = l.as_ref()?;
            let env = environment.get();
            let w = window
                .get()
                .or_else(|| measure::default_window(&l.records, env.as_deref()))?;
            mark("devops-maturity:measure:start");
            let m = measure::measure(&l.records, w, env.as_deref());
            mark("devops-maturity:measure:end");
            Some(m)
        })
    });

    move || {
        let Some(team_now) = team.get() else {
            return view! { <crate::components::team_not_found::TeamNotFound/> }.into_any();
        };
        set_title(&tf(k::MEASURE_TITLE, &[("team", &team_now.name)]));
        let example = crate::platform::app_url("examples/deployments.csv");
        let back = tf(k::MEASURE_BACK, &[("team", &team_now.name)]);
        let heading = tf(k::MEASURE_HEADING, &[("team", &team_now.name)]);
        view! {
            <p><A href=routes::team(&team_now.id)>{back}</A></p>
            <h1>{heading}</h1>
            <p>{t(k::MEASURE_INTRO)}</p>
            <section class="card" aria-labelledby="measure-files-heading">
                <h2 id="measure-files-heading">{t(k::MEASURE_FILES_HEADING)}</h2>
                <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop>
                    <label for="measure-files">{t(k::MEASURE_FILES_LABEL)}</label>
                    <input id="measure-files" type="file" multiple accept=".csv,.json,.txt,text/csv,application/json"
                        on:change=choose aria-describedby="measure-files-hint"/>
                    <p id="measure-files-hint" class="hint">{t(k::MEASURE_PRIVATE)}</p>
                </div>
                <details class="formats">
                    <summary>{t(k::MEASURE_FORMATS_SUMMARY)}</summary>
                    <p>{t(k::MEASURE_FORMAT_CSV)}</p>
                    <p><a href=example download="deployments.csv">{t(k::MEASURE_EXAMPLE)}</a></p>
                    <p>{t(k::MEASURE_FORMAT_GITHUB)}</p>
                    <p>{t(k::MEASURE_FORMAT_GITLAB)}</p>
                </details>
                {move || reading.get().then(|| view! { <p class="status" role="status">{t(k::MEASURE_READING)}</p> })}
                {move || refusal.get().map(|(text, details)| view! { <crate::errors::Refusal text details/> })}
                {move || loaded.get().map(|l| files_view(&l))}
            </section>
            {move || loaded.get().map(|l| {
                let team_id = team_now.id.clone();
                view! { <Figures loaded=l measured=measured environment=environment window=window team=team_id/> }
            })}
        }
        .into_any()
    }
}

/// Reads every file: its bytes, their SHA-256, the text; then the records. The
/// user's words for whatever was refused, with the parser's detail.
async fn read_files(files: Vec<web_sys::File>) -> Result<Loaded, (String, Option<String>)> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let (text, sha256) = crate::platform::read_text_and_digest(
            file.clone(),
            MAX_DEPLOY_FILE_BYTES as f64,
            &t(k::MEASURE_FILE_KIND),
        )
        .await
        .map_err(|e| (e, None))?;
        read.push((file.name(), text, sha256));
    }
    let inputs: Vec<(&str, &str)> = read
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    mark("devops-maturity:read:start");
    let records = deploys::read(&inputs).map_err(|e| deploy_error(&e))?;
    mark("devops-maturity:read:end");
    Ok(Loaded {
        records,
        files: read
            .into_iter()
            .map(|(name, _, sha256)| MeasuredFile { name, sha256 })
            .collect(),
    })
}

/// A refused file in the user's words, and the technical detail.
fn deploy_error(e: &DeployError) -> (String, Option<String>) {
    use deploys::Problem::*;
    let problem = match &e.problem {
        TooLarge { limit } => tf(
            k::MEASURE_ERROR_TOO_LARGE,
            &[("limit", &number((*limit / (1024 * 1024)) as f64, 0))],
        ),
        TooMany { limit } => tf(
            k::MEASURE_ERROR_TOO_MANY,
            &[("limit", &number(*limit as f64, 0))],
        ),
        NotRecognised => t(k::MEASURE_ERROR_NOT_RECOGNISED),
        NoTimeColumn => t(k::MEASURE_ERROR_NO_TIME_COLUMN),
        Empty => t(k::MEASURE_ERROR_EMPTY),
        BadTime { value } => tf(k::MEASURE_ERROR_BAD_TIME, &[("value", value)]),
        BadYesNo { value } => tf(k::MEASURE_ERROR_BAD_YES_NO, &[("value", value)]),
        BadRow { .. } => t(k::MEASURE_ERROR_BAD_ROW),
        BadJson { .. } => t(k::MEASURE_ERROR_BAD_JSON),
        TwoDeploymentFiles => t(k::MEASURE_ERROR_TWO_FILES),
        TooManyFiles { limit } => tf(
            k::MEASURE_ERROR_TOO_MANY_FILES,
            &[("limit", &limit.to_string())],
        ),
        CompanionAlone => t(k::MEASURE_ERROR_COMPANION_ALONE),
        BadDeploymentUrl { value } => tf(k::MEASURE_ERROR_BAD_URL, &[("value", value)]),
    };
    let place = match &e.place {
        deploys::Place::File => String::new(),
        deploys::Place::Cell { row, column } => tf(
            k::MEASURE_ERROR_AT_CELL,
            &[("row", &row.to_string()), ("column", column)],
        ),
        deploys::Place::Row(row) => tf(k::MEASURE_ERROR_AT_ROW, &[("row", &row.to_string())]),
        deploys::Place::Path(path) => tf(k::MEASURE_ERROR_AT_PATH, &[("path", path)]),
    };
    let text = tf(
        k::MEASURE_ERROR,
        &[("file", &e.file), ("place", &place), ("problem", &problem)],
    );
    let details = match &e.problem {
        BadRow { detail } | BadJson { detail } => Some(format!("{e}\n{detail}")),
        _ => None,
    };
    (text, details)
}

fn kind_text(kind: FileKind) -> String {
    t(match kind {
        FileKind::Csv => k::MEASURE_KIND_CSV,
        FileKind::GitHubDeployments => k::MEASURE_KIND_GITHUB_DEPLOYMENTS,
        FileKind::GitHubStatuses => k::MEASURE_KIND_GITHUB_STATUSES,
        FileKind::GitHubCommits => k::MEASURE_KIND_GITHUB_COMMITS,
        FileKind::GitLabDeployments => k::MEASURE_KIND_GITLAB,
    })
}

/// What each file was read as.
fn files_view(l: &Loaded) -> impl IntoView {
    let items = l
        .records
        .files
        .iter()
        .map(|(name, kind)| view! { <li>{tf(k::MEASURE_FILE_READ, &[("file", name), ("kind", &kind_text(*kind))])}</li> })
        .collect_view();
    let count = tp(
        k::MEASURE_DEPLOYMENTS_LISTED,
        l.records.deployments.len(),
        &[],
    );
    view! {
        <ul class="measured-files">{items}</ul>
        <p role="status">{count}</p>
    }
}

fn platform_name(format: Format) -> &'static str {
    match format {
        Format::GitHub => "GitHub",
        Format::GitLab => "GitLab",
        Format::Csv => "CSV",
    }
}

/// Why a metric could not be measured, in a sentence.
fn unknown_text(why: Unknown) -> String {
    match why {
        Unknown::NoDeployments => t(k::MEASURE_UNKNOWN_NO_DEPLOYMENTS),
        Unknown::SpanTooShort => t(k::MEASURE_UNKNOWN_SPAN_TOO_SHORT),
        Unknown::WindowTooShort => t(k::MEASURE_UNKNOWN_WINDOW_TOO_SHORT),
        Unknown::NoCommitTimes(Format::GitHub) => t(k::MEASURE_UNKNOWN_GITHUB_COMMITS),
        Unknown::NoCommitTimes(_) => t(k::MEASURE_UNKNOWN_NO_COMMIT_COLUMN),
        Unknown::NoChangeTimes => t(k::MEASURE_UNKNOWN_NO_CHANGE_TIMES),
        Unknown::NoFailures(Format::Csv) => t(k::MEASURE_UNKNOWN_NO_FAILED_COLUMN),
        Unknown::NoFailures(f) => tf(
            k::MEASURE_UNKNOWN_PLATFORM_FAILURES,
            &[("platform", platform_name(f))],
        ),
        Unknown::NoRestoreTimes => t(k::MEASURE_UNKNOWN_NO_RESTORE_COLUMN),
        Unknown::NothingFailed => t(k::MEASURE_UNKNOWN_NOTHING_FAILED),
        Unknown::NoneRestored => t(k::MEASURE_UNKNOWN_NONE_RESTORED),
        Unknown::NoRework(Format::Csv) => t(k::MEASURE_UNKNOWN_NO_REWORK_COLUMN),
        Unknown::NoRework(f) => tf(
            k::MEASURE_UNKNOWN_PLATFORM_REWORK,
            &[("platform", platform_name(f))],
        ),
    }
}

fn skip_text(skip: Skip, n: usize) -> String {
    tp(
        match skip {
            Skip::OtherEnvironment => k::MEASURE_SKIP_OTHER_ENVIRONMENT,
            Skip::OutsideWindow => k::MEASURE_SKIP_OUTSIDE_WINDOW,
            Skip::DidNotSucceed => k::MEASURE_SKIP_DID_NOT_SUCCEED,
            Skip::NoStatus => k::MEASURE_SKIP_NO_STATUS,
            Skip::NoCommitTime => k::MEASURE_SKIP_NO_COMMIT_TIME,
            Skip::CommittedAfterDeployment => k::MEASURE_SKIP_COMMITTED_AFTER,
            Skip::NotRestored => k::MEASURE_SKIP_NOT_RESTORED,
            Skip::RestoredBeforeDeployment => k::MEASURE_SKIP_RESTORED_BEFORE,
        },
        n,
        &[],
    )
}

/// A duration as people say it: minutes under two hours, hours under three days, else days.
pub fn duration_text(millis: i64) -> String {
    let minutes = millis as f64 / 60_000.0;
    if minutes < 120.0 {
        tp(k::MEASURE_MINUTES, minutes.round() as usize, &[])
    } else if minutes < 72.0 * 60.0 {
        let hours = (minutes / 6.0).round() / 10.0;
        tf(k::MEASURE_HOURS, &[("n", &number(hours, 1))])
    } else {
        let days = (minutes / 144.0).round() / 10.0;
        tf(k::MEASURE_DAYS, &[("n", &number(days, 1))])
    }
}

/// The answer as the questionnaire words it: an option's label, a percentage or "Don't know".
fn answer_label(catalog: &Catalog, question: &str, value: u8) -> String {
    catalog
        .question(question)
        .map(|q| crate::i18n::answer_text(q, value))
        .unwrap_or_else(|| value.to_string())
}

/// The measured value of one metric, with what it is made of.
fn measured_text(m: &Measured, question: &str) -> Option<String> {
    let q = question;
    if q == dora::DEPLOYMENT_FREQUENCY {
        m.frequency.map(|_| {
            tp(
                k::MEASURE_VALUE_FREQUENCY,
                m.deployments,
                &[("days", &m.window.days().to_string())],
            )
        })
    } else if q == dora::LEAD_TIME {
        m.lead_time.map(|d| {
            tp(
                k::MEASURE_VALUE_LEAD,
                d.count,
                &[("median", &duration_text(d.median))],
            )
        })
    } else if q == dora::RECOVERY_TIME {
        m.recovery_time.map(|d| {
            tp(
                k::MEASURE_VALUE_RECOVERY,
                d.count,
                &[("median", &duration_text(d.median))],
            )
        })
    } else if q == dora::CHANGE_FAILURE_RATE {
        m.change_failure_rate.map(|r| {
            tp(
                k::MEASURE_VALUE_FAILED,
                r.of,
                &[
                    ("count", &r.count.to_string()),
                    ("percent", &r.percent.to_string()),
                ],
            )
        })
    } else if q == dora::REWORK_RATE {
        m.rework_rate.map(|r| {
            tp(
                k::MEASURE_VALUE_REWORK,
                r.of,
                &[
                    ("count", &r.count.to_string()),
                    ("percent", &r.percent.to_string()),
                ],
            )
        })
    } else {
        None
    }
}

fn gap_text(question: &str, a: Agreement) -> String {
    let rate = question == dora::CHANGE_FAILURE_RATE || question == dora::REWORK_RATE;
    match (a, rate) {
        (Agreement::Agrees, false) => t(k::MEASURE_GAP_SAME),
        (Agreement::Agrees, true) => tf(
            k::MEASURE_GAP_WITHIN,
            &[("n", &measure::RATE_TOLERANCE.to_string())],
        ),
        (Agreement::AnsweredBetter(n), false) => {
            tp(k::MEASURE_GAP_BETTER_OPTIONS, usize::from(n), &[])
        }
        (Agreement::AnsweredWorse(n), false) => {
            tp(k::MEASURE_GAP_WORSE_OPTIONS, usize::from(n), &[])
        }
        (Agreement::AnsweredBetter(n), true) => {
            tp(k::MEASURE_GAP_BETTER_POINTS, usize::from(n), &[])
        }
        (Agreement::AnsweredWorse(n), true) => tp(k::MEASURE_GAP_WORSE_POINTS, usize::from(n), &[]),
    }
}

fn suggestion(a: Agreement) -> String {
    t(match a {
        Agreement::Agrees => k::MEASURE_SUGGEST_AGREES,
        Agreement::AnsweredBetter(_) => k::MEASURE_SUGGEST_BETTER,
        Agreement::AnsweredWorse(_) => k::MEASURE_SUGGEST_WORSE,
    })
}

/// The team's latest finished DORA assessment that was answered, not measured.
fn latest_answered(runs: &[&Run]) -> Option<Run> {
    runs.iter()
        .filter(|r| r.finished_at.is_some() && r.measured.is_none())
        .filter(|r| r.questionnaires.iter().any(|q| q == dora::QUESTIONNAIRE_ID))
        .max_by_key(|r| r.finished_at)
        .map(|r| (*r).clone())
}

/// The window, the environment, each metric measured beside the team's answer, what
/// was not counted, and the offer to record the figures.
#[component]
fn Figures(
    loaded: Arc<Loaded>,
    measured: Memo<Option<Measured>>,
    environment: RwSignal<Option<String>>,
    window: RwSignal<Option<Window>>,
    team: TeamId,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let environments = loaded.records.environments();
    let team_for_answer = team.clone();
    let answered = Memo::new(move |_| {
        state
            .store
            .with(|s| latest_answered(&s.runs_of(&team_for_answer)))
    });
    let recorded = RwSignal::new(None::<String>);

    let env_picker = (!environments.is_empty()).then(|| {
        let options = environments
            .iter()
            .map(|(name, n)| {
                let value = name.clone();
                let selected = environment.get_untracked().as_deref() == Some(name.as_str());
                view! { <option value=value selected=selected>{tp(k::MEASURE_ENVIRONMENT_OPTION, *n, &[("environment", name)])}</option> }
            })
            .collect_view();
        view! {
            <p class="field">
                <label for="measure-environment">{t(k::MEASURE_ENVIRONMENT_LABEL)}</label>
                <select id="measure-environment" on:change:target=move |ev| {
                    let value = ev.target().value();
                    environment.set((!value.is_empty()).then_some(value));
                    window.set(None);
                }>
                    {options}
                    <option value="" selected=environment.get_untracked().is_none()>{t(k::MEASURE_ENVIRONMENT_ALL)}</option>
                </select>
            </p>
        }
    });
    let day_of_window = move |end: bool| {
        measured.with(|m| {
            m.as_ref()
                .map(|m| day_text(day_of(if end { m.window.to } else { m.window.from })))
                .unwrap_or_default()
        })
    };
    let set_day = move |end: bool, text: String| {
        let Some(day) = parse_day(&text) else { return };
        let Some(current) = measured.with_untracked(|m| m.as_ref().map(|m| m.window)) else {
            return;
        };
        let (mut from, mut to) = (day_of(current.from), day_of(current.to));
        if end {
            to = day
        } else {
            from = day
        }
        if from > to {
            std::mem::swap(&mut from, &mut to);
        }
        window.set(Some(Window::of_days(from, to)));
    };

    let rows = move || {
        let catalog = state.catalog.get();
        let answered = answered.get();
        measured.with(|m| {
            let m = m.as_ref()?;
            let rows = dora::METRICS
                .iter()
                .map(|(question, name)| {
                    let mine = m.answer(question);
                    let theirs = answered
                        .as_ref()
                        .and_then(|r| r.answers.get(*question).copied());
                    let value =
                        measured_text(m, question).unwrap_or_else(|| t(k::MEASURE_NOT_MEASURED));
                    let option = mine
                        .map(|v| answer_label(&catalog, question, v))
                        .unwrap_or_else(|| "—".into());
                    let answer = theirs
                        .map(|v| answer_label(&catalog, question, v))
                        .unwrap_or_else(|| "—".into());
                    let cmp = match (mine, theirs) {
                        (Some(a), Some(b)) => agreement(question, a, b),
                        _ => None,
                    };
                    let (gap, says) = match (cmp, mine, theirs) {
                        (Some(a), _, _) => (gap_text(question, a), suggestion(a)),
                        (None, None, _) => (
                            "—".into(),
                            m.unknown
                                .iter()
                                .find(|(q, _)| q == question)
                                .map(|(_, u)| unknown_text(*u))
                                .unwrap_or_default(),
                        ),
                        (None, Some(_), None) => ("—".into(), t(k::MEASURE_SUGGEST_NO_ANSWER)),
                        (None, Some(_), Some(_)) => {
                            ("—".into(), t(k::MEASURE_SUGGEST_ANSWER_UNKNOWN))
                        }
                    };
                    view! {
                        <tr>
                            <th scope="row">{crate::i18n::core(name)}</th>
                            <td>{value}</td>
                            <td>{option}</td>
                            <td>{answer}</td>
                            <td>{gap}</td>
                            <td>{says}</td>
                        </tr>
                    }
                })
                .collect_view();
            let answered_when = answered
                .as_ref()
                .and_then(|r| r.finished_at)
                .map(format_date);
            let caption = match answered_when {
                Some(when) => tf(k::MEASURE_TABLE_CAPTION_ANSWERED, &[("date", &when)]),
                None => t(k::MEASURE_TABLE_CAPTION),
            };
            let region = caption.clone();
            Some(view! {
                <ScrollTable label=region>
                    <table class="measured">
                        <caption>{caption}</caption>
                        <thead><tr>
                            <th scope="col">{t(k::MEASURE_COL_METRIC)}</th>
                            <th scope="col">{t(k::MEASURE_COL_MEASURED)}</th>
                            <th scope="col">{t(k::MEASURE_COL_OPTION)}</th>
                            <th scope="col">{t(k::MEASURE_COL_ANSWERED)}</th>
                            <th scope="col">{t(k::MEASURE_COL_GAP)}</th>
                            <th scope="col">{t(k::MEASURE_COL_SUGGESTS)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </ScrollTable>
            })
        })
    };

    let summary = move || {
        measured.with(|m| {
            m.as_ref().map(|m| {
                let env = m
                    .environment
                    .clone()
                    .unwrap_or_else(|| t(k::MEASURE_ENVIRONMENT_ALL));
                tp(
                    k::MEASURE_SUMMARY,
                    m.deployments,
                    &[
                        ("from", &format_date(m.window.from)),
                        ("to", &format_date(m.window.to)),
                        ("days", &m.window.days().to_string()),
                        ("environment", &env),
                    ],
                )
            })
        })
    };
    let records = Arc::clone(&loaded);
    let notes = move || {
        let mut notes = Vec::new();
        if records.records.read_as_utc > 0 {
            notes.push(tp(k::MEASURE_NOTE_UTC, records.records.read_as_utc, &[]));
        }
        if records.records.without_statuses {
            notes.push(t(k::MEASURE_NOTE_NO_STATUSES));
        }
        if records.records.format != Format::Csv {
            notes.push(t(k::MEASURE_NOTE_HEAD_COMMIT));
        }
        let skipped = measured.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.skipped
                        .iter()
                        .map(|(s, n)| skip_text(*s, *n))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        view! {
            {(!skipped.is_empty()).then(|| view! {
                <h3>{t(k::MEASURE_SKIPPED_HEADING)}</h3>
                <ul class="skipped">{skipped.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            })}
            {notes.into_iter().map(|n| view! { <p class="hint">{n}</p> }).collect_view()}
        }
    };

    let for_record = Arc::clone(&loaded);
    let record = move |_| {
        let Some(m) = measured.get_untracked() else {
            return;
        };
        let answers = m.answers();
        let kept = m.record(for_record.files.clone());
        let team = team.clone();
        match state.change(|s| {
            s.record_measured(
                &team,
                answers,
                kept,
                maturity_core::RunId(new_id("r")),
                now(),
            )
        }) {
            Ok(run) => navigate(&routes::results(&run), routes::navigate()),
            Err(e) => recorded.set(Some(crate::errors::change(&e))),
        }
    };

    view! {
        <section class="card" aria-labelledby="measure-figures-heading">
            <h2 id="measure-figures-heading">{t(k::MEASURE_FIGURES_HEADING)}</h2>
            <div class="measure-window">
                {env_picker}
                <p class="field">
                    <label for="measure-from">{t(k::MEASURE_FROM)}</label>
                    <input id="measure-from" type="date" prop:value=move || day_of_window(false)
                        on:change:target=move |ev| set_day(false, ev.target().value())/>
                </p>
                <p class="field">
                    <label for="measure-to">{t(k::MEASURE_TO)}</label>
                    <input id="measure-to" type="date" prop:value=move || day_of_window(true)
                        on:change:target=move |ev| set_day(true, ev.target().value())/>
                </p>
                <p><button type="button" on:click=move |_| window.set(None)>{tf(k::MEASURE_WINDOW_RESET, &[("days", &measure::DEFAULT_DAYS.to_string())])}</button></p>
            </div>
            <p role="status" class="measure-summary">{summary}</p>
            {rows}
            {notes}
        </section>
        <section class="card" aria-labelledby="measure-record-heading">
            <h2 id="measure-record-heading">{t(k::MEASURE_RECORD_HEADING)}</h2>
            <p>{t(k::MEASURE_RECORD_BODY)}</p>
            <p><button type="button" class="primary" on:click=record>{t(k::MEASURE_RECORD)}</button></p>
            {move || recorded.get().map(|text| view! { <crate::errors::Refusal text details=None/> })}
        </section>
    }
}
