//! The coach's page: every team at a glance. A team × dimension heat map of each
//! team's latest result, what the teams share, how each moved, the portfolio's
//! trend per quarter and the experiments across teams; filtered by questionnaire,
//! dates and tag, with team names hidden for a presentation (the printout and the
//! CSV follow). The rules are the core's ([`maturity_core::coach::portfolio`]).

use crate::components::experiments::{aim, result_cells, result_headings};
use crate::components::score_table::{change_text, score_text};
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{core, k, number, t, tf, tp};
use crate::platform::{download, format_date, iso_date_time, local_day, mark, today};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::assessment::history::{Verdict, CHANGE_THRESHOLD};
use maturity_core::coach::experiments::Outcome;
use maturity_core::coach::portfolio::{self, letters, sort_rows, Filter, SortBy};
use maturity_core::dora::clusters::{editions, NEWEST_WITH_CLUSTERS};
use maturity_core::{RunId, TeamId};

/// One team's row, owned, in the order shown.
#[derive(Clone, PartialEq)]
struct Row {
    team: TeamId,
    name: String,
    /// "Team A": its place in name order, so a sort never changes it.
    hidden: String,
    latest: Option<(RunId, i64)>,
    scores: Vec<Option<f64>>,
    overall: Option<f64>,
    change: Option<f64>,
    movement: Verdict,
    overdue: usize,
}

impl portfolio::Sortable for Row {
    fn name(&self) -> &str {
        &self.name
    }
    fn scores(&self) -> &[Option<f64>] {
        &self.scores
    }
    fn overall(&self) -> Option<f64> {
        self.overall
    }
}

#[derive(Clone, PartialEq)]
struct ExperimentRow {
    team: String,
    hidden: String,
    what: String,
    owner: String,
    aim: String,
    checked_by: Option<(RunId, i64)>,
    before: Option<f64>,
    after: Option<f64>,
    outcome: Outcome,
}

/// Everything the page draws, computed once per change of the store, the catalog,
/// the filter or the sort.
#[derive(Clone, PartialEq, Default)]
struct View {
    title: String,
    dimensions: Vec<String>,
    rows: Vec<Row>,
    assessed: usize,
    /// (sentence) per shared weakest dimension.
    shared: Vec<String>,
    /// (question, dimension, teams, mean).
    lowest: Vec<(String, String, usize, f64)>,
    clusters: Vec<(String, usize)>,
    /// (quarter, name, teams, mean, min, max).
    trend: Vec<(String, String, usize, f64, f64, f64)>,
    experiments: Vec<ExperimentRow>,
}

#[component]
pub fn TeamsPage() -> impl IntoView {
    crate::platform::set_title(&t(k::COACH_TITLE));
    let state = use_app_state();
    let questionnaire = RwSignal::new(String::from("calms"));
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let archived = RwSignal::new(false);
    let hide = RwSignal::new(false);
    let edition = RwSignal::new(NEWEST_WITH_CLUSTERS.to_string());
    let sort = RwSignal::new((SortBy::Team, false));
    let questionnaires = Memo::new(move |_| {
        state.catalog.with(|c| {
            c.all()
                .iter()
                .map(|q| (q.id.clone(), q.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let tags = Memo::new(move |_| state.store.with(portfolio::tags));
    let filter = move || Filter {
        questionnaire: questionnaire.get(),
        from: local_day(&from.get()).map(|(start, _)| start),
        to: local_day(&to.get()).map(|(_, end)| end),
        tag: Some(tag.get()).filter(|t| !t.is_empty()),
        archived: archived.get(),
    };
    // The portfolio, computed when the store, the catalog or the filter change (not
    // when the table is sorted or names are hidden).
    let view_data = Memo::new(move |_| {
        mark("devops-maturity:coach:start");
        let filter = filter();
        let editions = editions();
        let year: u16 = edition.get().parse().unwrap_or(NEWEST_WITH_CLUSTERS);
        let chosen = editions.iter().find(|e| e.year == year);
        let today = today();
        let data = state.catalog.with(|catalog| {
            state.store.with(|store| {
                let p = portfolio::portfolio(store, catalog, &filter, chosen, &today);
                let title = catalog
                    .get(&filter.questionnaire)
                    .map(|q| q.title.clone())
                    .unwrap_or_default();
                let letter_of = |team: &TeamId| {
                    let i = p.rows.iter().position(|r| &r.team.id == team).unwrap_or(0);
                    tf(k::COACH_HIDDEN_NAME, &[("letters", &letters(i))])
                };
                let rows: Vec<Row> = p
                    .rows
                    .iter()
                    .map(|r| Row {
                        team: r.team.id.clone(),
                        name: r.team.name.clone(),
                        hidden: letter_of(&r.team.id),
                        latest: r.latest.map(|run| (run.id.clone(), run.held_at())),
                        scores: r.scores.clone(),
                        overall: r.overall,
                        change: r.overall.zip(r.previous_overall).map(|(a, b)| a - b),
                        movement: r.movement,
                        overdue: r.overdue,
                    })
                    .collect();
                let total = p.assessed();
                let shared = p
                    .shared
                    .iter()
                    .map(|s| {
                        tp(
                            k::COACH_SHARED_ITEM,
                            total,
                            &[
                                ("dimension", &s.name),
                                ("teams", &s.teams.to_string()),
                                ("total", &total.to_string()),
                            ],
                        )
                    })
                    .collect();
                let experiments = p
                    .experiments
                    .iter()
                    .map(|e| ExperimentRow {
                        team: e.team.name.clone(),
                        hidden: letter_of(&e.team.id),
                        what: e.experiment.action.what.clone(),
                        owner: e.experiment.action.owner.clone(),
                        aim: aim(catalog, e.experiment.target),
                        checked_by: e.experiment.checked_by.map(|r| (r.id.clone(), r.held_at())),
                        before: e.experiment.before,
                        after: e.experiment.after,
                        outcome: e.experiment.outcome,
                    })
                    .collect();
                View {
                    title,
                    dimensions: p.dimensions.iter().map(|(_, n)| n.clone()).collect(),
                    rows,
                    assessed: total,
                    shared,
                    lowest: p
                        .lowest_questions
                        .iter()
                        .map(|q| (q.text.clone(), q.dimension.clone(), q.teams, q.mean))
                        .collect(),
                    clusters: p.clusters.clone(),
                    trend: p
                        .trend
                        .iter()
                        .map(|r| {
                            let name = if r.dimension.is_empty() {
                                t(k::COACH_OVERALL)
                            } else {
                                r.name.clone()
                            };
                            (r.quarter.clone(), name, r.teams, r.mean, r.min, r.max)
                        })
                        .collect(),
                    experiments,
                }
            })
        });
        mark("devops-maturity:coach:end");
        data
    });
    let error = RwSignal::new(None::<String>);
    // The CSV follows the page: its filter, its order, hidden names.
    let save_csv = move |_| {
        let filter = filter();
        let (by, descending) = sort.get_untracked();
        let hidden = hide.get_untracked();
        let words = [
            k::COACH_COL_TEAM,
            k::COACH_COL_DATE,
            k::COACH_COL_OVERALL,
            k::COACH_PREVIOUS,
            k::COACH_COL_MOVEMENT,
            k::COACH_COL_OVERDUE,
            k::COACH_IMPROVED,
            k::COACH_WORSE,
            k::COACH_UNCHANGED,
            k::COACH_FIRST,
        ]
        .map(t);
        let text = state.catalog.with_untracked(|catalog| {
            state.store.with_untracked(|store| {
                let p = portfolio::portfolio(store, catalog, &filter, None, &today());
                let letter_of = |team: &TeamId| {
                    let i = p.rows.iter().position(|r| &r.team.id == team).unwrap_or(0);
                    tf(k::COACH_HIDDEN_NAME, &[("letters", &letters(i))])
                };
                let mut rows = p.rows.clone();
                sort_rows(&mut rows, by, descending);
                let words = portfolio::CsvWords {
                    team: &words[0],
                    date: &words[1],
                    overall: &words[2],
                    previous: &words[3],
                    movement: &words[4],
                    overdue: &words[5],
                    verdicts: [&words[6], &words[7], &words[8], &words[9]],
                };
                let name = |team: &maturity_core::Team| {
                    if hidden {
                        letter_of(&team.id)
                    } else {
                        team.name.clone()
                    }
                };
                portfolio::csv(&p, &rows, &words, name, iso_date_time)
            })
        });
        let name = format!("devops-maturity-all-teams-{}.csv", today());
        error.set(download(&name, "text/csv;charset=utf-8", &text).err());
    };
    // The rows in the order chosen: sorting reorders what the portfolio computed.
    let sorted = Memo::new(move |_| {
        let (by, descending) = sort.get();
        let mut rows = view_data.with(|v| v.rows.clone());
        sort_rows(&mut rows, by, descending);
        rows
    });
    let name_of = move |name: &str, hidden_name: &str| {
        if hide.get() {
            hidden_name.to_string()
        } else {
            name.to_string()
        }
    };
    view! {
        <p class="report-actions">
            <button type="button" on:click=|_| crate::platform::print()>{t(k::TEAM_PRINT)}</button>
            " "
            <button type="button" on:click=save_csv>{t(k::COACH_CSV)}</button>
        </p>
        <h1>{t(k::COACH_HEADING)}</h1>
        <p class="lede">{t(k::COACH_INTRO)}</p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <section class="card coach-filters no-print" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{t(k::COACH_FILTERS)}</h2>
            <div class="filter-grid">
                <div class="field"><label for="coach-questionnaire">{t(k::COACH_QUESTIONNAIRE)}</label>
                    <select id="coach-questionnaire" bind:value=questionnaire>
                        {move || questionnaires.get().into_iter().map(|(id, title)| view! { <option value=id.clone() selected=move || questionnaire.get() == id>{title}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="coach-from">{t(k::COACH_FROM)}</label>
                    <input id="coach-from" type="date" bind:value=from/></div>
                <div class="field"><label for="coach-to">{t(k::COACH_TO)}</label>
                    <input id="coach-to" type="date" bind:value=to/></div>
                <div class="field"><label for="coach-tag">{t(k::COACH_TAG)}</label>
                    <select id="coach-tag" bind:value=tag>
                        <option value="">{t(k::COACH_ANY_TAG)}</option>
                        {move || tags.get().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                    </select></div>
            </div>
            <p class="checks">
                <label><input type="checkbox" id="coach-archived" bind:checked=archived/>" "{t(k::COACH_ARCHIVED)}</label>
                <label><input type="checkbox" id="coach-hide" bind:checked=hide/>" "{t(k::COACH_HIDE_NAMES)}</label>
            </p>
        </section>
        {move || {
            let v = view_data.get();
            if v.rows.is_empty() {
                return view! { <p class="empty">{t(k::COACH_EMPTY)}</p> }.into_any();
            }
            let total = v.rows.len();
            let summary = if v.assessed == 0 {
                tf(k::COACH_NONE_ASSESSED, &[("questionnaire", &v.title)])
            } else {
                tp(k::COACH_ASSESSED, v.assessed, &[("total", &total.to_string()), ("questionnaire", &v.title)])
            };
            let overdue: usize = v.rows.iter().map(|r| r.overdue).sum();
            view! {
                <p class="meta" id="coach-summary">{summary}</p>
                {(overdue > 0).then(|| view! { <p class="warning overdue-flag" role="note">{tp(k::COACH_OVERDUE_FLAG, overdue, &[])}</p> })}
                <HeatMap v=v.clone() rows=sorted sort=sort name_of=name_of/>
                <Shared v=v.clone() edition=edition/>
                <Trend v=v.clone()/>
                <Experiments v=v name_of=name_of hide=hide/>
            }.into_any()
        }}
    }
}

#[component]
fn HeatMap(
    v: View,
    rows: Memo<Vec<Row>>,
    sort: RwSignal<(SortBy, bool)>,
    name_of: impl Fn(&str, &str) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // A column heading that sorts: the first press sorts the way that column reads
    // best (names A to Z, scores highest first), the next reverses it.
    let header = move |label: String, by: SortBy| {
        let aria = move || {
            let (now, descending) = sort.get();
            if now != by {
                "none"
            } else if descending {
                "descending"
            } else {
                "ascending"
            }
        };
        let press = move |_| {
            sort.update(|(now, descending)| {
                if *now == by {
                    *descending = !*descending;
                } else {
                    *now = by;
                    *descending = by != SortBy::Team;
                }
            })
        };
        let sort_label = tf(k::COACH_SORT, &[("column", &label)]);
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" aria-label=sort_label on:click=press>{label}</button>
            </th>
        }
    };
    let dimension_headers = v
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, name)| header(name.clone(), SortBy::Dimension(i)))
        .collect_view();
    let rows = move || {
        rows.get()
        .into_iter()
        .map(|r| {
            let run = r.latest.clone();
            let cell = move |score: Option<f64>| {
                let class = score.map_or("heat heat-none".to_string(), |s| {
                    format!("heat heat-{}", ((s / 2.0).floor() as i32).clamp(0, 4))
                });
                let text = score_text(score);
                let link = run.clone().filter(|_| score.is_some());
                view! {
                    <td class=class>
                        {match link {
                            Some((id, _)) => view! { <A href=routes::results(&id)>{text}</A> }.into_any(),
                            None => view! { <span>{text}</span> }.into_any(),
                        }}
                    </td>
                }
            };
            let movement = match (r.movement, r.change) {
                (Verdict::Improved, Some(c)) => format!("{} ({})", t(k::COACH_IMPROVED), change_text(c)),
                (Verdict::Worse, Some(c)) => format!("{} ({})", t(k::COACH_WORSE), change_text(c)),
                (Verdict::Unchanged, Some(c)) => format!("{} ({})", t(k::COACH_UNCHANGED), change_text(c)),
                _ if r.latest.is_some() => t(k::COACH_FIRST),
                _ => String::new(),
            };
            let team = r.team.clone();
            let name = move || name_of(&r.name, &r.hidden);
            view! {
                <tr>
                    <th scope="row"><A href=routes::team(&team)>{name}</A></th>
                    <td class="when">{r.latest.as_ref().map_or_else(|| t(k::COACH_NO_RESULT), |(_, at)| format_date(*at))}</td>
                    {r.scores.iter().map(|s| cell(*s)).collect_view()}
                    {cell(r.overall)}
                    <td>{movement}</td>
                    <td class="num">{(r.overdue > 0).then(|| r.overdue.to_string())}</td>
                </tr>
            }
        })
        .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{t(k::COACH_HEATMAP_HEADING)}</h2>
            <p class="hint">{t(k::COACH_HEATMAP_TEXT)} " "
                {tf(k::COACH_MOVEMENT_NOTE, &[("threshold", &number(CHANGE_THRESHOLD, 1))])}</p>
            <ScrollTable label=t(k::COACH_HEATMAP_CAPTION)>
            <table class="scores heatmap" id="heatmap">
                <caption>{t(k::COACH_HEATMAP_CAPTION)}</caption>
                <thead><tr>
                    {header(t(k::COACH_COL_TEAM), SortBy::Team)}
                    <th scope="col">{t(k::COACH_COL_DATE)}</th>
                    {dimension_headers}
                    {header(t(k::COACH_COL_OVERALL), SortBy::Overall)}
                    <th scope="col">{t(k::COACH_COL_MOVEMENT)}</th>
                    <th scope="col">{t(k::COACH_COL_OVERDUE)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </ScrollTable>
        </section>
    }
}

#[component]
fn Shared(v: View, edition: RwSignal<String>) -> impl IntoView {
    let lowest = (!v.lowest.is_empty()).then(|| {
        view! {
            <h3>{t(k::COACH_LOWEST_HEADING)}</h3>
            <ScrollTable label=t(k::COACH_LOWEST_CAPTION)>
            <table class="scores" id="lowest-questions">
                <caption>{t(k::COACH_LOWEST_CAPTION)}</caption>
                <thead><tr>
                    <th scope="col">{t(k::COACH_COL_QUESTION)}</th>
                    <th scope="col">{t(k::COACH_COL_DIMENSION)}</th>
                    <th scope="col">{t(k::COACH_COL_TEAMS)}</th>
                    <th scope="col">{t(k::COACH_COL_MEAN)}</th>
                </tr></thead>
                <tbody>
                    {v.lowest.iter().map(|(q, d, n, mean)| view! {
                        <tr><th scope="row">{q.clone()}</th><td>{d.clone()}</td>
                            <td class="num">{n.to_string()}</td><td class="num">{score_text(Some(*mean))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </ScrollTable>
        }
    });
    let clusters = (!v.clusters.is_empty()).then(|| {
        view! {
            <h3>{t(k::COACH_CLUSTERS_HEADING)}</h3>
            <div class="field no-print"><label for="coach-edition">{t(k::COACH_EDITION)}</label>
                <select id="coach-edition" bind:value=edition>
                    {editions().into_iter().rev().map(|e| {
                        let year = e.year.to_string();
                        view! { <option value=year.clone() selected=edition.get_untracked() == year>{year.clone()}</option> }
                    }).collect_view()}
                </select></div>
            <table class="scores" id="cluster-spread">
                <caption>{t(k::COACH_CLUSTERS_CAPTION)}</caption>
                <thead><tr><th scope="col">{t(k::COACH_COL_CLUSTER)}</th><th scope="col">{t(k::COACH_COL_TEAMS_PLAIN)}</th></tr></thead>
                <tbody>
                    {v.clusters.iter().map(|(name, n)| {
                        let label = if name.is_empty() {
                            t(k::COACH_UNPLACED)
                        } else {
                            name.split(" / ").map(core).collect::<Vec<_>>().join(" / ")
                        };
                        view! { <tr><th scope="row">{label}</th><td class="num">{n.to_string()}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        }
    });
    view! {
        <section class="card" aria-labelledby="shared-heading">
            <h2 id="shared-heading">{t(k::COACH_SHARED_HEADING)}</h2>
            {if v.shared.is_empty() {
                view! { <p class="empty">{t(k::COACH_SHARED_NONE)}</p> }.into_any()
            } else {
                view! { <ul class="shared-weakest">{v.shared.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul> }.into_any()
            }}
            {lowest}
            {clusters}
        </section>
    }
}

#[component]
fn Trend(v: View) -> impl IntoView {
    (!v.trend.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="trend-heading">
                <h2 id="trend-heading">{t(k::COACH_TREND_HEADING)}</h2>
                <p class="hint">{t(k::COACH_TREND_TEXT)}</p>
                <ScrollTable label=t(k::COACH_TREND_CAPTION)>
                <table class="scores" id="portfolio-trend">
                    <caption>{t(k::COACH_TREND_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{t(k::COACH_COL_QUARTER)}</th>
                        <th scope="col">{t(k::COACH_COL_DIMENSION)}</th>
                        <th scope="col">{t(k::COACH_COL_TEAMS_PLAIN)}</th>
                        <th scope="col">{t(k::COACH_COL_MEAN)}</th>
                        <th scope="col">{t(k::COACH_COL_RANGE)}</th>
                    </tr></thead>
                    <tbody>
                        {v.trend.iter().map(|(quarter, name, n, mean, min, max)| view! {
                            <tr><th scope="row">{quarter.clone()}</th><td>{name.clone()}</td>
                                <td class="num">{n.to_string()}</td>
                                <td class="num">{score_text(Some(*mean))}</td>
                                <td class="num">{format!("{} – {}", score_text(Some(*min)), score_text(Some(*max)))}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </ScrollTable>
            </section>
        }
    })
}

#[component]
fn Experiments(
    v: View,
    name_of: impl Fn(&str, &str) -> String + Copy + Send + Sync + 'static,
    hide: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="coach-experiments-heading">
            <h2 id="coach-experiments-heading">{t(k::COACH_EXPERIMENTS_HEADING)}</h2>
            <p class="hint">{crate::components::experiments::rule()}</p>
            {if v.experiments.is_empty() {
                view! { <p class="empty">{t(k::COACH_EXPERIMENTS_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label=t(k::COACH_EXPERIMENTS_HEADING)>
                    <table class="scores" id="coach-experiments">
                        <caption>{t(k::COACH_EXPERIMENTS_HEADING)}</caption>
                        <thead><tr>
                            <th scope="col">{t(k::COACH_COL_TEAM)}</th>
                            <th scope="col">{t(k::EXPERIMENT_COL_ACTION)}</th>
                            {result_headings()}
                        </tr></thead>
                        <tbody>
                            {v.experiments.into_iter().map(|e| {
                                let owner = e.owner.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{move || name_of(&e.team, &e.hidden)}</th>
                                        <td>{e.what.clone()}
                                            // An owner is a person: hidden with the teams' names.
                                            {move || (!hide.get() && !owner.is_empty()).then(|| view! { <span class="hint">{format!(" · {owner}")}</span> })}
                                        </td>
                                        {result_cells(e.aim.clone(), e.checked_by.clone(), e.before, e.after, e.outcome)}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}
