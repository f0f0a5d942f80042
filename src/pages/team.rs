//! A team's page: its history of runs, trends per dimension, DORA metrics over time
//! against the clusters, the latest run over the previous one, and looking after the
//! team itself (rename, archive, delete).

use crate::app::{catalog, use_app_state};
use crate::charts::{
    dora_metric_option, or_blank, radar_compare_option, trend_option, EChart, MIN_RADAR_AXES,
};
use crate::components::csv::CsvDownload;
use crate::components::score_table::format_score;
use crate::platform::{format_date, format_date_time, mark, now, set_title};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::dora::{editions, NEWEST_WITH_CLUSTERS};
use maturity_core::history::{
    bands, place_each, team_history, DoraPoint, Metric, TeamHistory, Trend,
};
use maturity_core::{ChangeError, RunId, Team, TeamId};

/// Everything the page shows that is computed from the store, computed once per change.
#[derive(Clone, PartialEq)]
struct TeamData {
    team: Team,
    history: TeamHistory,
}

fn team_data(team: &TeamId) -> Option<TeamData> {
    let state = use_app_state();
    let catalog = catalog().ok()?;
    state.store.with(|store| {
        let team = store.team(team)?.clone();
        mark("devops-maturity:trends:start");
        let history = team_history(store, catalog, &team.id);
        mark("devops-maturity:trends:end");
        Some(TeamData { team, history })
    })
}

/// "CALMS" for a questionnaire id, or the id itself when the catalog has no such file.
fn title_of(id: &str) -> String {
    catalog()
        .ok()
        .and_then(|c| c.get(id))
        .map_or_else(|| id.to_string(), |q| q.title.clone())
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let params = use_params_map();
    let team_id = Memo::new(move |_| TeamId(params.read().get("team").unwrap_or_default()));
    let data = Memo::new(move |_| team_data(&team_id.get()));
    let exists = Memo::new(move |_| data.with(|d| d.is_some()));
    // The history alone: renaming or archiving the team leaves it equal, so the
    // tables and charts below are not rebuilt for a change that does not touch them.
    let history = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.history.clone())));
    move || {
        if !exists.get() {
            set_title("Team not found");
            return view! {
                <h1>"Team not found"</h1>
                <p>"This team is not saved in this browser; it may have been deleted."</p>
                <p><A href="/">"See your teams"</A></p>
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
            <p><A href="/">"Start a new assessment"</A></p>
            <RunsTable data=history team=team_id/>
            <Trends data=history/>
            <DoraOverTime data=history/>
            <CompareForm data=history team=team_id/>
            <TeamAdmin data=data/>
        }
        .into_any()
    }
}

fn summary_line(d: &TeamData) -> String {
    let runs = d.history.runs.len();
    format!(
        "{runs} assessment{}, {} finished.",
        if runs == 1 { "" } else { "s" },
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
    let rows = move || {
        data.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.runs
                .iter()
                .map(|run| {
                    let id = run.run.clone();
                    let when = format_date_time(run.held_at);
                    let titles: Vec<String> =
                        run.scores.iter().map(|s| title_of(&s.questionnaire)).collect();
                    let scores = if run.finished {
                        run.scores
                            .iter()
                            .map(|s| format!("{} {}", title_of(&s.questionnaire), format_score(s.overall)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    } else {
                        format!("In progress: {} answered", run.answered)
                    };
                    let (link, href) = if run.finished {
                        ("View", format!("/runs/{}/results", id.0))
                    } else {
                        ("Resume", format!("/runs/{}", id.0))
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
                                {(run.actions > 0).then(|| format!("{} action{} agreed, {} done. ", run.actions, if run.actions == 1 { "" } else { "s" }, run.actions_done))}
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

/// One trend chart and table per questionnaire, then the latest run over the previous.
#[component]
fn Trends(data: Memo<Option<TeamHistory>>) -> impl IntoView {
    let trend_ids = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.trends
                        .iter()
                        .map(|t| t.questionnaire.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let finished = Memo::new(move |_| data.with(|d| d.as_ref().map_or(0, |d| d.finished)));
    view! {
        <section class="card" aria-labelledby="trends-heading">
            <h2 id="trends-heading">"Trends"</h2>
            {move || match finished.get() {
                0 => Some(view! { <p class="empty">"Finish an assessment to start a trend: only finished assessments are charted."</p> }.into_any()),
                1 => Some(view! { <p class="hint">"One finished assessment so far: the charts show a single point, and the next assessment will show the direction."</p> }.into_any()),
                _ => None,
            }}
            // Keyed by questionnaire, so each chart is drawn once and then updated in place.
            <For each=move || trend_ids.get() key=|id| id.clone() let:id>
                <QuestionnaireTrend data=data id=id/>
            </For>
        </section>
    }
}

#[component]
fn QuestionnaireTrend(data: Memo<Option<TeamHistory>>, id: String) -> impl IntoView {
    let trend = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.trends.iter().find(|t| t.questionnaire == id).cloned())
        })
    });
    let title = move || trend.with(|t| t.as_ref().map(|t| t.title.clone()).unwrap_or_default());
    let chart = Signal::derive(move || {
        trend.with(|t| {
            let Some(t) = t else {
                return trend_option(&[], &[], &[]);
            };
            let labels: Vec<String> = t.at.iter().map(|at| format_date(*at)).collect();
            let mut series: Vec<(String, Vec<Option<f64>>)> = t
                .dimensions
                .iter()
                .map(|s| (s.name.clone(), s.values.clone()))
                .collect();
            if t.dimensions.len() > 1 {
                series.push(("Overall".to_string(), t.overall.clone()));
            }
            let marks: Vec<(String, String)> = data.with(|d| {
                let Some(d) = d else { return Vec::new() };
                actions_at(d, t)
                    .into_iter()
                    .zip(&labels)
                    .filter(|(n, _)| *n > 0)
                    .map(|(n, label)| {
                        (
                            label.clone(),
                            format!("{n} action{}", if n == 1 { "" } else { "s" }),
                        )
                    })
                    .collect()
            });
            trend_option(&labels, &series, &marks)
        })
    });
    let pairs = Memo::new(move |_| {
        trend.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.latest_and_previous()
                        .into_iter()
                        .map(|(n, p, l)| (n.to_string(), p, l))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Built on demand, never stored: charts are neither compared nor cloned.
    let radar = move || {
        pairs.with(|p| {
            let borrowed: Vec<(&str, Option<f64>, Option<f64>)> =
                p.iter().map(|(n, a, b)| (n.as_str(), *a, *b)).collect();
            radar_compare_option(&borrowed)
        })
    };
    let has_radar = Memo::new(move |_| {
        pairs.with(|p| {
            p.iter()
                .filter(|(_, a, b)| a.is_some() && b.is_some())
                .count()
                >= MIN_RADAR_AXES
        })
    });
    let heading_id = format!(
        "trend-{}",
        trend.with_untracked(|t| t
            .as_ref()
            .map(|t| t.questionnaire.clone())
            .unwrap_or_default())
    );
    view! {
        <section class="trend" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{title}</h3>
            <EChart option=chart caption="Each dimension's score (0–10) at every finished assessment; dashed lines mark assessments where the team agreed actions. The table below has the same figures."/>
            {move || trend.with(|t| t.as_ref().map(|t| {
                let actions = data.with(|d| d.as_ref().map(|d| actions_at(d, t)).unwrap_or_default());
                trend_table(t, &actions)
            }))}
            <h4>"Latest assessment over the previous one"</h4>
            {move || if has_radar.get() {
                let option = Signal::derive(move || or_blank(radar()));
                Some(view! { <EChart option=option caption="Latest assessment (solid) over the previous one (dashed), 0 at the centre and 10 at the edge."/> }.into_any())
            } else {
                Some(view! {
                    <p class="chart-empty">{format!("The overlay needs two finished assessments with at least {MIN_RADAR_AXES} dimensions scored in both; the table has every figure.")}</p>
                }.into_any())
            }}
            {move || pairs.with(|p| latest_table(p))}
        </section>
    }
}

/// How many actions were agreed at each point of a trend.
fn actions_at(history: &TeamHistory, trend: &Trend) -> Vec<usize> {
    trend
        .runs
        .iter()
        .map(|id| {
            history
                .runs
                .iter()
                .find(|s| &s.run == id)
                .map_or(0, |s| s.actions)
        })
        .collect()
}

fn trend_table(t: &Trend, actions: &[usize]) -> impl IntoView {
    let header = t
        .dimensions
        .iter()
        .map(|s| view! { <th scope="col" class="num">{s.name.clone()}</th> })
        .collect_view();
    let rows =
        t.at.iter()
            .enumerate()
            .map(|(i, at)| {
                let cells = t
                    .dimensions
                    .iter()
                    .map(|s| view! { <td class="num">{format_score(s.values[i])}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{format_date_time(*at)}</th>
                        {cells}
                        <td class="num">{format_score(t.overall[i])}</td>
                        <td class="num">{actions.get(i).copied().unwrap_or(0)}</td>
                    </tr>
                }
            })
            .collect_view();
    let caption = format!("{} scores at each finished assessment", t.title);
    let region_label = caption.clone();
    view! {
        // Wide tables scroll on their own, and can be scrolled from the keyboard.
        <div class="table-scroll" tabindex="0" role="region" aria-label=region_label>
        <table class="scores trend-table" data-questionnaire=t.questionnaire.clone()>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Assessment"</th>
                    {header}
                    <th scope="col" class="num">"Overall"</th>
                    <th scope="col" class="num">"Actions agreed"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}

fn latest_table(pairs: &[(String, Option<f64>, Option<f64>)]) -> impl IntoView {
    let rows = pairs
        .iter()
        .map(|(name, previous, latest)| {
            let change = previous.zip(*latest).map(|(p, l)| l - p);
            let verdict = maturity_core::history::verdict(*previous, *latest).label();
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="num">{format_score(*previous)}</td>
                    <td class="num">{format_score(*latest)}</td>
                    <td class="num">{change.map_or_else(|| "–".to_string(), |c| format!("{c:+.1}"))}</td>
                    <td>{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="scores">
            <caption>"Previous and latest assessment by dimension"</caption>
            <thead>
                <tr>
                    <th scope="col">"Dimension"</th>
                    <th scope="col" class="num">"Previous"</th>
                    <th scope="col" class="num">"Latest"</th>
                    <th scope="col" class="num">"Change"</th>
                    <th scope="col">"Verdict"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="hint">{threshold_note()}</p>
    }
}

/// The stated rule behind every improved/worse/unchanged label.
pub fn threshold_note() -> String {
    format!(
        "A change of less than {:.1} point on the 0–10 scale counts as unchanged: one answer moving one step moves a dimension by less than that.",
        maturity_core::history::CHANGE_THRESHOLD
    )
}

/// The four clustered DORA metrics over time, with the chosen edition's clusters behind.
#[component]
fn DoraOverTime(data: Memo<Option<TeamHistory>>) -> impl IntoView {
    let year = RwSignal::new(NEWEST_WITH_CLUSTERS);
    let edition = Memo::new(move |_| editions().into_iter().find(|e| e.year == year.get()));
    let points = Memo::new(move |_| {
        data.with(|d| {
            let answers = d.as_ref().map_or(&[][..], |d| &d.dora[..]);
            edition.with(|e| {
                e.as_ref()
                    .map(|e| place_each(answers, e))
                    .unwrap_or_default()
            })
        })
    });
    let any = Memo::new(move |_| points.with(|p| !p.is_empty()));
    let options = move || {
        editions()
            .iter()
            .rev()
            .map(|e| {
                let y = e.year;
                view! { <option value=y.to_string() selected=y == year.get_untracked()>{y.to_string()}</option> }
            })
            .collect_view()
    };
    // Built only while there is something to draw: charts laid out inside a hidden
    // section would have no size.
    let charts = move || {
        Metric::ALL
        .into_iter()
        .map(|metric| {
            let option = Signal::derive(move || {
                let labels: Vec<String> = points.with(|p| p.iter().map(|p| format_date(p.at)).collect());
                let values: Vec<Option<f64>> =
                    points.with(|p| p.iter().map(|p| metric.value(&p.delivery).map(f64::from)).collect());
                let bands = edition.with(|e| {
                    e.as_ref()
                        .map(|e| bands(e, metric).into_iter().map(|b| (b.cluster, b.low, b.high)).collect::<Vec<_>>())
                        .unwrap_or_default()
                });
                dora_metric_option(&labels, &values, &bands, metric.is_percent())
            });
            let caption = Signal::derive(move || {
                let scale = if metric.is_percent() {
                    "percent of changes, 0% at the top"
                } else {
                    "answer option, 0 the slowest and 5 the fastest"
                };
                format!(
                    "{}: your team's answers over time ({scale}), with the {} clusters' published ranges behind them.",
                    metric.name(),
                    year.get()
                )
            });
            view! {
                <div class="small-multiple">
                    <h4>{metric.name()}</h4>
                    <EChart option=option caption=caption/>
                </div>
            }
        })
        .collect_view()
    };
    view! {
        <Show when=move || any.get()>
        <section class="card" aria-labelledby="dora-trend-heading">
            <h2 id="dora-trend-heading">"Delivery performance over time"</h2>
            <p class="edition-switch">
                <label for="dora-trend-edition">"Clusters of the State of DevOps report"</label>
                <select id="dora-trend-edition" on:change:target=move |ev| {
                    if let Ok(y) = ev.target().value().parse::<u16>() {
                        year.set(y);
                    }
                }>{options}</select>
            </p>
            <div class="small-multiples">{charts}</div>
            {move || points.with(|p| dora_table(p, year.get()))}
            <p class="hint">
                "Throughput metrics are drawn by answer option, 0 the slowest and 5 the fastest; the change failure "
                "rate in percent with 0% at the top, so better is up on every chart. Clusters overlap because they "
                "come from cluster analysis, not from cut-offs."
            </p>
        </section>
        </Show>
    }
}

fn dora_table(points: &[DoraPoint], year: u16) -> impl IntoView {
    let dora = catalog()
        .ok()
        .and_then(|c| c.get(maturity_core::dora::QUESTIONNAIRE_ID));
    let answer = move |metric: Metric, value: Option<u8>| -> String {
        match value {
            None => "–".to_string(),
            Some(v) if metric.is_percent() => format!("{v}%"),
            Some(v) => dora
                .and_then(|q| q.question(metric.question()))
                .and_then(|q| q.choices.get(usize::from(v)))
                .map_or_else(|| v.to_string(), |c| c.label.clone()),
        }
    };
    let rows = points
        .iter()
        .map(|p| {
            let cells = Metric::ALL
                .into_iter()
                .map(|m| view! { <td>{answer(m, m.value(&p.delivery))}</td> })
                .collect_view();
            let nearest = p
                .placement
                .as_ref()
                .map_or_else(|| "–".to_string(), |pl| pl.nearest.join(" / "));
            view! {
                <tr>
                    <th scope="row">{format_date_time(p.at)}</th>
                    {cells}
                    <td>{nearest}</td>
                </tr>
            }
        })
        .collect_view();
    let caption =
        format!("DORA answers at each finished assessment, and the nearest {year} cluster");
    let region_label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=region_label>
        <table class="scores dora-trend-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Assessment"</th>
                    {Metric::ALL.into_iter().map(|m| view! { <th scope="col">{m.name()}</th> }).collect_view()}
                    <th scope="col">{format!("Nearest {year} cluster")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}

/// Picks two finished runs to compare; defaults to the previous and the latest.
#[component]
fn CompareForm(data: Memo<Option<TeamHistory>>, team: Memo<TeamId>) -> impl IntoView {
    let navigate = use_navigate();
    let finished = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.runs
                        .iter()
                        .filter(|r| r.finished)
                        .map(|r| (r.run.clone(), format_date_time(r.held_at)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(None::<String>);
    let team = Memo::new(move |_| team.get().0);
    let chosen = move |signal: RwSignal<Option<String>>, fallback: usize| {
        signal
            .get()
            .or_else(|| finished.with(|f| f.get(fallback).map(|(id, _)| id.0.clone())))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let (Some(a), Some(b)) = (chosen(from, 1), chosen(to, 0)) {
            navigate(
                &format!("/teams/{}/compare?from={a}&to={b}", team.get_untracked()),
                Default::default(),
            );
        }
    };
    let select = move |id: &'static str, signal: RwSignal<Option<String>>, fallback: usize| {
        view! {
            <select id=id on:change:target=move |ev| signal.set(Some(ev.target().value()))>
                {move || {
                    let current = chosen(signal, fallback);
                    finished.get().into_iter().map(|(run, when)| {
                        let selected = current.as_deref() == Some(run.0.as_str());
                        view! { <option value=run.0.clone() selected=selected>{when}</option> }
                    }).collect_view()
                }}
            </select>
        }
    };
    view! {
        <section class="card" aria-labelledby="compare-heading" hidden=move || finished.with(|f| f.len() < 2)>
            <h2 id="compare-heading">"Compare two assessments"</h2>
            <form class="compare-form" on:submit=submit>
                <div class="field">
                    <label for="compare-from">"Earlier"</label>
                    {select("compare-from", from, 1)}
                </div>
                <div class="field">
                    <label for="compare-to">"Later"</label>
                    {select("compare-to", to, 0)}
                </div>
                <button type="submit">"Compare"</button>
            </form>
        </section>
    }
}

/// Rename, archive or delete the team. Deleting asks first and says what goes.
#[component]
fn TeamAdmin(data: Memo<Option<TeamData>>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let team = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.team.clone())));
    let counts = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map_or((0, 0), |d| (d.history.runs.len(), d.history.finished))
        })
    });
    // The name the user began editing from, so a rename made meanwhile in another tab
    // is noticed instead of overwritten.
    let editing_from = RwSignal::new(None::<String>);
    let draft = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(t) = team.get() {
            if editing_from.get_untracked().is_none() {
                draft.set(t.name.clone());
            }
        }
    });
    let rename = move |was: String| {
        let Some(t) = team.get_untracked() else {
            return;
        };
        let name = draft.get_untracked();
        match state.change(|s| s.rename_team(&t.id, &was, &name, now())) {
            Ok(()) => {
                editing_from.set(None);
                conflict.set(None);
                message.set(Some("Renamed.".to_string()));
            }
            Err(ChangeError::EditedElsewhere { theirs }) => conflict.set(Some(theirs)),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let was = editing_from
            .get_untracked()
            .or_else(|| team.get_untracked().map(|t| t.name))
            .unwrap_or_default();
        rename(was);
    };
    let toggle_archive = move |_| {
        let Some(t) = team.get_untracked() else {
            return;
        };
        let result = state.change(|s| s.set_archived(&t.id, !t.archived, now()));
        message.set(Some(match result {
            Ok(()) if t.archived => {
                "Restored: the team is listed with the others again.".to_string()
            }
            Ok(()) => "Archived: the team is listed apart on the start page; nothing was deleted."
                .to_string(),
            Err(e) => e.to_string(),
        }));
    };
    let delete = move |_| {
        let Some(t) = team.get_untracked() else {
            return;
        };
        match state.change(|s| s.delete_team(&t.id, now())) {
            Ok(_) => navigate("/", Default::default()),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="card" aria-labelledby="admin-heading">
            <h2 id="admin-heading">"Team settings"</h2>
            <form class="rename" on:submit=submit>
                <div class="field">
                    <label for="rename-team">"Team name"</label>
                    <input id="rename-team" type="text" maxlength="80" autocomplete="off"
                        prop:value=move || draft.get()
                        on:input:target=move |ev| {
                            if editing_from.get_untracked().is_none() {
                                editing_from.set(team.get_untracked().map(|t| t.name));
                            }
                            draft.set(ev.target().value());
                        }/>
                </div>
                <button type="submit">"Rename"</button>
            </form>
            {move || conflict.get().map(|theirs| {
                let keep = theirs.clone();
                view! {
                    <div class="conflict" role="alert">
                        <p>{format!("While you were typing, this team was renamed to \"{theirs}\" in another tab.")}</p>
                        <button type="button" on:click=move |_| rename(theirs.clone())>"Use my name anyway"</button>
                        <button type="button" on:click=move |_| {
                            draft.set(keep.clone());
                            editing_from.set(None);
                            conflict.set(None);
                        }>"Keep the other tab's name"</button>
                    </div>
                }
            })}
            <p>
                <button type="button" on:click=toggle_archive>
                    {move || if team.with(|t| t.as_ref().is_some_and(|t| t.archived)) { "Restore team" } else { "Archive team" }}
                </button>
                <span class="hint">" Archived teams keep every assessment and are listed apart."</span>
            </p>
            <p>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete team…"</button>
            </p>
            {move || confirming.get().then(|| {
                let delete = delete.clone();
                let (runs, finished) = counts.get();
                let name = team.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
                let open_workshops = team.with(|t| t.as_ref().map_or(0, |t| state.store.with(|s| {
                    s.workshops.iter().filter(|w| w.team == t.id && !w.is_saved()).count()
                })));
                let workshops = match open_workshops {
                    0 => String::new(),
                    1 => ", and its open workshop with the answer codes collected".to_string(),
                    n => format!(", and its {n} open workshops with the answer codes collected"),
                };
                view! {
                    <div class="confirm" role="group" aria-label="Confirm deleting the team">
                        <p>{format!(
                            "Delete \"{name}\" and its {runs} assessment{} ({finished} finished), with all answers, notes and actions{workshops}? This cannot be undone; download a backup from the start page first if you may want them.",
                            if runs == 1 { "" } else { "s" }
                        )}</p>
                        <button type="button" class="danger" on:click=delete>
                            {format!("Delete team and {runs} assessment{}", if runs == 1 { "" } else { "s" })}
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Keep team"</button>
                    </div>
                }
            })}
            <p aria-live="polite" class="status">{move || message.get()}</p>
        </section>
    }
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
