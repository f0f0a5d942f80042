//! A run's results: per-dimension scores, the overall score, the weakest dimension
//! with what to try next, and a radar chart with the same figures as a table.

use crate::charts::{RadarChart, MIN_RADAR_AXES};
use crate::components::actions::{without_done, ActionCheck};
use crate::components::advice::{advice_item, advice_with_source};
use crate::components::dora::DoraPlacement;
use crate::components::findings::{cognitive_load_view, findings_view};
use crate::components::notes::RunNotes;
use crate::components::room::room_view;
use crate::components::score_table::{answered, score_text, ScoreTable};
use crate::i18n::{around, k, t, tf, tp};
use crate::platform::{format_date_time, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::assessment::recommend::{recommendations, unknowns};
use maturity_core::assessment::scoring::{next_steps, on_own_scale};
use maturity_core::{
    score, Catalog, DimensionScore, Questionnaire, QuestionnaireScore, Run, RunId,
};
use std::sync::Arc;

/// How many pieces of advice to offer for the weakest dimension.
const ADVICE_COUNT: usize = 3;

#[component]
pub fn Results() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let run_id = Memo::new(move |_| RunId(params.read().get("run").unwrap_or_default()));
    let run = Memo::new(move |_| state.store.with(|s| s.run(&run_id.get()).cloned()));
    let team_name = Memo::new(move |_| {
        state.store.with(|s| {
            run.with(|r| {
                r.as_ref()
                    .and_then(|r| s.team(&r.team))
                    .map(|t| t.name.clone())
            })
            .unwrap_or_default()
        })
    });
    // Only the run's answers and dates shape the results; notes (edited below, in a
    // view of their own that is never rebuilt while someone types) and the question
    // on screen do not, so saving them does not rebuild the page and its charts.
    let run = Memo::new(move |_| {
        run.get().map(|mut r| {
            r.notes.clear();
            r.position = 0;
            r.actions.clear();
            r
        })
    });
    let team = Memo::new(move |_| run.with(|r| r.as_ref().map(|r| r.team.clone())));
    Effect::new(move |_| {
        if run.with(Option::is_some) {
            set_title(&tf(k::RESULTS_TITLE, &[("team", &team_name.get())]));
        }
    });

    let results = move || match run.get() {
        Some(run) => view! { <RunResults run=run team_name=team_name/> }.into_any(),
        None => {
            set_title(&t(k::RESULTS_NOT_FOUND));
            view! {
                <h1>{t(k::RESULTS_NOT_FOUND)}</h1>
                <p>{t(k::RESULTS_NOT_FOUND_TEXT)}</p>
                <p><A href=routes::home() exact=true>{t(k::COMMON_SEE_TEAMS)}</A></p>
            }
            .into_any()
        }
    };
    view! {
        {results}
        {move || {
            let id = run_id.get();
            team.get().map(|team| view! {
                <crate::components::experiments::CheckedExperiments run=id.clone()/>
                <RunActions run=id.clone()/>
                <RunNotes run=id/>
                <ScoresExplained/>
                <p>
                    <A href=routes::team(&team)>{t(k::RESULTS_TEAM_HISTORY)}</A>
                    " · "
                    <A href=routes::home() exact=true>{t(k::RESULTS_BACK_TO_TEAMS)}</A>
                </p>
            })
        }}
    }
}

/// Everything computed from the run's answers: overview, one section per
/// questionnaire, and the room's answers for a workshop run.
#[component]
fn RunResults(run: Run, team_name: Memo<String>) -> impl IntoView {
    let state = use_app_state();
    let when = match run.finished_at {
        Some(at) => tf(k::RESULTS_FINISHED_AT, &[("time", &format_date_time(at))]),
        None => tf(
            k::RESULTS_STARTED_AT,
            &[("time", &format_date_time(run.started_at))],
        ),
    };
    let catalog = state.catalog.get_untracked();
    let overview = (run.questionnaires.len() > 1).then(|| overview_view(&catalog, &run));
    let sections = run
        .questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .map(|q| questionnaire_result(q, &run))
        .collect_view();
    let room = run
        .workshop
        .as_ref()
        .map(|record| room_view(&catalog, &run, record));
    let unknown = unknowns_view(&catalog, &run);
    // A workshop's run is the room's: it is changed by a new workshop, not reopened.
    let resume = run
        .workshop
        .is_none()
        .then(|| view! { <ResumeOrReopen run=run.clone()/> });
    view! {
        <p class="report-actions"><button type="button" on:click=|_| crate::platform::print()>{t(k::RESULTS_PRINT)}</button></p>
        <h1>{move || tf(k::RESULTS_HEADING, &[("team", &team_name.get())])}</h1>
        <p class="meta">{when}
            {run.workshop.as_ref().map(|w| format!(" · {}", tp(k::RESULTS_AGREED_IN_WORKSHOP, w.participants, &[])))}
        </p>
        {run.measured.as_ref().and_then(|m| m.read()).map(|m| view! { <p class="meta measured-from">{crate::components::measured::measured_from(&m)}</p> })}
        {resume}
        {overview}
        {sections}
        {unknown}
        {room}
    }
}

/// The questions answered "Don't know", each with what to do about not knowing.
fn unknowns_view(catalog: &Catalog, run: &Run) -> Option<impl IntoView> {
    let found = unknowns(catalog, run);
    (!found.is_empty()).then(|| {
        let items = found
            .iter()
            .map(|u| {
                view! {
                    <li>
                        <strong>{format!("{} ({})", u.question.text, u.questionnaire.title)}</strong>
                        <ul class="advice">{advice_with_source(crate::i18n::core(u.advice), &u.question.source)}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card unknowns" aria-labelledby="unknowns-heading">
                <h2 id="unknowns-heading">{tf(k::RESULTS_UNKNOWNS_HEADING, &[("n", &found.len().to_string())])}</h2>
                <p class="hint">{t(k::RESULTS_UNKNOWNS_HINT)}</p>
                <ol class="recommendations">{items}</ol>
            </section>
        }
    })
}

/// "Continue answering" for an unfinished run; "Change answers" (reopen) for a
/// finished one.
#[component]
fn ResumeOrReopen(run: Run) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    if !run.is_finished() {
        return view! { <p><A href=routes::run(&run.id)>{t(k::RESULTS_CONTINUE)}</A></p> }
            .into_any();
    }
    let reopen = move |_| {
        if state.change(|s| s.reopen(&run.id, now())).is_ok() {
            navigate(&routes::run(&run.id), routes::navigate());
        }
    };
    view! {
        <p>
            <button type="button" on:click=reopen>{t(k::RESULTS_CHANGE_ANSWERS)}</button>
            <span class="hint">{format!(" {}", t(k::RESULTS_CHANGE_ANSWERS_HINT))}</span>
        </p>
    }
    .into_any()
}

/// How to read the scores, stated once on every results page.
#[component]
fn ScoresExplained() -> impl IntoView {
    view! {
        <section class="explain card" aria-labelledby="explain-heading">
            <h2 id="explain-heading">{t(k::RESULTS_EXPLAIN_HEADING)}</h2>
            <p>{t(k::RESULTS_EXPLAIN_SCALE)}</p>
            <p>{t(k::RESULTS_EXPLAIN_UNANSWERED)}</p>
        </section>
    }
}

fn questionnaire_result(q: &Arc<Questionnaire>, run: &Run) -> impl IntoView {
    let result = score(q, &run.answers);
    let weakest = result.weakest();
    let weakest_names =
        crate::i18n::list(&weakest.iter().map(|d| d.name.clone()).collect::<Vec<_>>());
    let weakest_ids: Vec<&str> = weakest.iter().map(|d| d.dimension.as_str()).collect();
    let advice = next_steps(q, &run.answers, &weakest_ids, ADVICE_COUNT);
    let summary = summary_view(&result, q.own_scale(), &weakest, &weakest_names);
    let heading_id = format!("result-{}", q.id);
    let labelled_by = heading_id.clone();
    let chart_data: Vec<(String, Option<f64>)> = result
        .dimensions
        .iter()
        .map(|d| (d.name.clone(), d.score))
        .collect();
    let caption = tf(k::RESULTS_SCORES_BY_DIMENSION, &[("title", &q.title)]);
    let dora_view = (q.id == maturity_core::dora::clusters::QUESTIONNAIRE_ID).then(
        || view! { <DoraPlacement questionnaire=Arc::clone(q) answers=run.answers.clone() team=run.team.clone()/> },
    );
    let advice_view = (!advice.is_empty()).then(|| {
        view! {
            <h3>{tf(k::RESULTS_TRY_NEXT, &[("dimensions", &weakest_names)])}</h3>
            <ul class="advice">
                {advice.into_iter().map(advice_item).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="result card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{q.title.clone()}</h2>
            {summary}
            {findings_view(q, &run.answers)}
            {cognitive_load_view(q, &result, &run.answers)}
            {if result.dimensions.len() >= MIN_RADAR_AXES {
                view! {
                    <div class="chart-and-table">
                        <RadarChart title=q.title.clone() data=chart_data/>
                        <ScoreTable result=result.clone() caption=caption/>
                    </div>
                }.into_any()
            } else {
                // Too few dimensions for a radar to say anything: the table alone.
                view! { <ScoreTable result=result.clone() caption=caption/> }.into_any()
            }}
            {dora_view}
            {advice_view}
        </section>
    }
}

/// The overall score (and on the questionnaire's own scale), how many questions it
/// rests on, and the weakest dimensions.
fn summary_view(
    result: &QuestionnaireScore,
    own_scale: Option<usize>,
    weakest: &[&DimensionScore],
    weakest_names: &str,
) -> impl IntoView {
    let weakest_score = weakest.first().and_then(|d| d.score);
    match result.overall {
        Some(overall) => {
            let (overall_before, overall_after) = around(&t(k::RESULTS_OVERALL), "score");
            let own_scale = own_scale.map(|choices| {
                let value = tf(
                    k::RESULTS_OWN_SCALE_VALUE,
                    &[
                        ("score", &score_text(Some(on_own_scale(overall, choices)))),
                        ("max", &choices.to_string()),
                    ],
                );
                let (before, after) = around(&t(k::RESULTS_OWN_SCALE), "value");
                view! { " · " {before} <strong class="own-scale">{value}</strong> {after} }
            });
            let (weakest_before, weakest_after) = around(
                &tp(
                    k::RESULTS_WEAKEST,
                    weakest.len(),
                    &[("score", &score_text(weakest_score))],
                ),
                "names",
            );
            view! {
                <p class="overall">
                    {overall_before} <strong class="big">{score_text(result.overall)}</strong> {overall_after}
                    {own_scale}
                    <span class="hint">{format!(" {}", tf(k::RESULTS_FROM_QUESTIONS, &[
                            ("answered", &result.answered.to_string()),
                            ("asked", &result.asked.to_string()),
                        ]))}
                        {(result.unknown > 0).then(|| format!("; {}", tp(k::RESULTS_UNKNOWN_ANSWERED, result.unknown, &[])))}
                    </span>
                </p>
                <p class="weakest">
                    {weakest_before}
                    <strong>{weakest_names.to_string()}</strong>
                    {weakest_after}
                </p>
            }
            .into_any()
        }
        None => view! { <p class="overall">{t(k::RESULTS_NO_SCORE)}</p> }.into_any(),
    }
}

/// How many dimensions the overview recommends.
const OVERVIEW_RECOMMENDATIONS: usize = 5;

/// Every framework's overall score, and where to start across all of them.
fn overview_view(catalog: &Catalog, run: &Run) -> impl IntoView {
    let rows = run
        .questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .map(|q| {
            let result = score(q, &run.answers);
            view! {
                <tr>
                    <th scope="row"><a href=routes::on_page(&routes::results(&run.id), &format!("result-{}", q.id))>{q.title.clone()}</a></th>
                    <td class="num">{score_text(result.overall)}</td>
                    <td class="num">{answered(result.answered, 0, result.asked)}</td>
                </tr>
            }
        })
        .collect_view();
    let recs = recommendations(catalog, run, OVERVIEW_RECOMMENDATIONS);
    let start_here = if recs.is_empty() {
        view! { <p>{t(k::RESULTS_NOTHING_TO_RECOMMEND)}</p> }.into_any()
    } else {
        let items = recs
            .into_iter()
            .map(|r| {
                let heading = tf(
                    k::RESULTS_RECOMMENDATION,
                    &[
                        ("dimension", &r.dimension.name),
                        ("questionnaire", &r.questionnaire.title),
                        ("score", &score_text(Some(r.score))),
                        ("answered", &r.answered.to_string()),
                        ("asked", &r.asked.to_string()),
                    ],
                );
                let steps = r.steps.into_iter().map(advice_item).collect_view();
                view! {
                    <li>
                        <strong>{heading}</strong>
                        <ul class="advice">{steps}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ol class="recommendations">{items}</ol>
            <p class="hint">{t(k::RESULTS_LEVERAGE_HINT)}</p>
        }
        .into_any()
    };
    view! {
        <section class="card overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{t(k::RESULTS_OVERVIEW)}</h2>
            <table class="scores">
                <caption>{t(k::RESULTS_OVERVIEW_CAPTION)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(k::RESULTS_QUESTIONNAIRE)}</th>
                        <th scope="col" class="num">{t(k::COMMON_OVERALL)}</th>
                        <th scope="col" class="num">{t(k::COMMON_QUESTIONS_ANSWERED)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{t(k::RESULTS_WHERE_TO_START)}</h3>
            {start_here}
        </section>
    }
}

/// The actions agreed with a run, each ticked off when done.
#[component]
fn RunActions(run: RunId) -> impl IntoView {
    let state = use_app_state();
    let actions = {
        let run = run.clone();
        Memo::new(move |_| {
            state.store.with(|s| {
                s.run(&run)
                    .map(|r| without_done(&r.actions))
                    .unwrap_or_default()
            })
        })
    };
    move || {
        let list = actions.get();
        let run = run.clone();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|action| view! { <ActionCheck run=run.clone() action=action/> })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="run-actions-heading">
                    <h2 id="run-actions-heading">{t(k::RESULTS_ACTIONS)}</h2>
                    <ul class="checklist">{items}</ul>
                </section>
            }
        })
    }
}
