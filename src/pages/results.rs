//! A run's results: per-dimension scores, the overall score, the weakest dimension
//! with what to try next, and a radar chart with the same figures as a table.

use crate::charts::{RadarChart, MIN_RADAR_AXES};
use crate::components::actions::{without_done, ActionCheck};
use crate::components::advice::{advice_item, advice_with_source};
use crate::components::dora::DoraPlacement;
use crate::components::findings::{cognitive_load_view, findings_view};
use crate::components::notes::RunNotes;
use crate::components::room::room_view;
use crate::components::score_table::ScoreTable;
use crate::platform::{format_date_time, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::recommend::{recommendations, unknowns};
use maturity_core::scoring::{format_own_scale, format_score, next_steps};
use maturity_core::words::count;
use maturity_core::{score, Catalog, Questionnaire, Run, RunId};
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
            set_title(&format!("Results · {}", team_name.get()));
        }
    });

    let results = move || match run.get() {
        Some(run) => view! { <RunResults run=run team_name=team_name/> }.into_any(),
        None => {
            set_title("Results not found");
            view! {
                <h1>"Results not found"</h1>
                <p>"This assessment is not saved in this browser."</p>
                <p><A href=routes::home() exact=true>"See your teams and assessments"</A></p>
            }
            .into_any()
        }
    };
    view! {
        {results}
        {move || {
            let id = run_id.get();
            team.get().map(|team| view! {
                <RunActions run=id.clone()/>
                <RunNotes run=id/>
                <ScoresExplained/>
                <p>
                    <A href=routes::team(&team)>"Team history and trends"</A>
                    " · "
                    <A href=routes::home() exact=true>"Back to your teams"</A>
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
        Some(at) => format!("Finished {}", format_date_time(at)),
        None => format!(
            "Started {} and not finished yet",
            format_date_time(run.started_at)
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
        <p class="report-actions"><button type="button" on:click=|_| crate::platform::print()>"Print or save as PDF"</button></p>
        <h1>"Results for " {move || team_name.get()}</h1>
        <p class="meta">{when}
            {run.workshop.as_ref().map(|w| format!(" · agreed in a workshop of {}", count(w.participants, "participant", "participants")))}
        </p>
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
                        <ul class="advice">{advice_with_source(u.advice.to_string(), &u.question.source)}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card unknowns" aria-labelledby="unknowns-heading">
                <h2 id="unknowns-heading">{format!("What you don't know yet ({})", found.len())}</h2>
                <p class="hint">
                    "Answered “Don't know”: not scored, and not counted as a low answer. Not knowing is a finding of its own."
                </p>
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
        return view! { <p><A href=routes::run(&run.id)>"Continue answering"</A></p> }.into_any();
    }
    let reopen = move |_| {
        if state.change(|s| s.reopen(&run.id, now())).is_ok() {
            navigate(&routes::run(&run.id), routes::navigate());
        }
    };
    view! {
        <p>
            <button type="button" on:click=reopen>"Change answers"</button>
            <span class="hint">" Reopens this assessment; its results update when you finish again."</span>
        </p>
    }
    .into_any()
}

/// How to read the scores, stated once on every results page.
#[component]
fn ScoresExplained() -> impl IntoView {
    view! {
        <section class="explain card" aria-labelledby="explain-heading">
            <h2 id="explain-heading">"What these scores mean"</h2>
            <p>
                "Each answer is placed on a 0–10 scale: the first choice of a question scores 0, "
                "the last scores 10, and the ones between are evenly spaced, as in DORA's Quick Check. "
                "A dimension's score is the average of its answered questions, and the overall score is "
                "the average of the dimensions, so each dimension weighs the same. DORA's overall score "
                "is the average of all its answered metrics, as in its Quick Check. Westrum culture is also "
                "shown as DORA reports it: the mean agreement on the statements' 1–7 scale."
            </p>
            <p>
                "Unanswered questions are left out, never counted as zero, and the table says how many "
                "were answered. “Don't know” is counted apart: not scored, and listed with what to do about it. These are the team's own judgements: use them to start a conversation "
                "and to compare with yourselves over time, not to rank teams against each other."
            </p>
        </section>
    }
}

fn questionnaire_result(q: &Arc<Questionnaire>, run: &Run) -> impl IntoView {
    let result = score(q, &run.answers);
    let weakest = result.weakest();
    let weakest_names = weakest
        .iter()
        .map(|d| d.name.clone())
        .collect::<Vec<_>>()
        .join(" and ");
    let weakest_score = weakest.first().and_then(|d| d.score);
    let weakest_ids: Vec<&str> = weakest.iter().map(|d| d.dimension.as_str()).collect();
    let advice = next_steps(q, &run.answers, &weakest_ids, ADVICE_COUNT);
    let own_scale = format_own_scale(q, result.overall);
    let summary = match result.overall {
        Some(_) => view! {
            <p class="overall">
                "Overall " <strong class="big">{format_score(result.overall)}</strong> " / 10"
                {own_scale.map(|s| view! { " · " <strong class="own-scale">{s}</strong> " on the statements' agreement scale" })}
                <span class="hint">{format!(" from {} of {} questions", result.answered, result.asked)}
                    {(result.unknown > 0).then(|| format!("; {} answered “Don't know”", result.unknown))}
                </span>
            </p>
            <p class="weakest">
                {if weakest.len() > 1 { "Weakest dimensions: " } else { "Weakest dimension: " }}
                <strong>{weakest_names.clone()}</strong>
                {format!(" ({} / 10)", format_score(weakest_score))}
            </p>
        }
        .into_any(),
        None => view! { <p class="overall">"No question was answered, so there is no score."</p> }.into_any(),
    };
    let heading_id = format!("result-{}", q.id);
    let labelled_by = heading_id.clone();
    let chart_data: Vec<(String, Option<f64>)> = result
        .dimensions
        .iter()
        .map(|d| (d.name.clone(), d.score))
        .collect();
    let caption = format!("{} scores by dimension", q.title);
    let dora_view = (q.id == maturity_core::dora::QUESTIONNAIRE_ID).then(
        || view! { <DoraPlacement questionnaire=Arc::clone(q) answers=run.answers.clone() team=run.team.clone()/> },
    );
    let advice_view = (!advice.is_empty()).then(|| {
        view! {
            <h3>{format!("What to try next for {weakest_names}")}</h3>
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
                    <td class="num">{format_score(result.overall)}</td>
                    <td class="num">{format!("{} of {}", result.answered, result.asked)}</td>
                </tr>
            }
        })
        .collect_view();
    let recs = recommendations(catalog, run, OVERVIEW_RECOMMENDATIONS);
    let start_here = if recs.is_empty() {
        view! { <p>"Nothing to recommend: every answered dimension is at the top of its scale."</p> }.into_any()
    } else {
        let items = recs
            .into_iter()
            .map(|r| {
                let heading = format!(
                    "{} ({}): {} / 10 from {} of {} questions",
                    r.dimension.name,
                    r.questionnaire.title,
                    format_score(Some(r.score)),
                    r.answered,
                    r.asked
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
            <p class="hint">
                "Ordered by expected leverage: room to improve (10 minus the score) times the share of the "
                "dimension's questions you answered, so a low score resting on few answers ranks lower."
            </p>
        }
        .into_any()
    };
    view! {
        <section class="card overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"Overview"</h2>
            <table class="scores">
                <caption>"Overall score per questionnaire (0–10)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Questionnaire"</th>
                        <th scope="col" class="num">"Overall"</th>
                        <th scope="col" class="num">"Questions answered"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>"Where to start"</h3>
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
                    <h2 id="run-actions-heading">"Actions"</h2>
                    <ul class="checklist">{items}</ul>
                </section>
            }
        })
    }
}
