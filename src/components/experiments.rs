//! Actions run as experiments, as every page shows them: a target's name, an
//! outcome's words, the team page's table of experiments and the results page's
//! "what this assessment checked". The rules are the core's
//! ([`maturity_core::coach::experiments`]).

use crate::components::score_table::score_text;
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{download, format_date, iso_date_time, today};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::assessment::history::CHANGE_THRESHOLD;
use maturity_core::assessment::records::{Direction, Target};
use maturity_core::coach::experiments::{self, Experiment, Outcome};
use maturity_core::{Catalog, RunId, TeamId};

/// "CALMS · Measurement" (a dimension) or "CALMS · We see how long …" (a question)
/// in the language shown; the ids themselves when the catalog no longer has them.
pub fn target_name(catalog: &Catalog, target: &Target) -> String {
    let Some(q) = catalog.get(&target.questionnaire) else {
        return format!(
            "{} · {}{}",
            target.questionnaire, target.dimension, target.question
        );
    };
    let part = if target.question.is_empty() {
        q.dimension(&target.dimension)
            .map_or_else(|| target.dimension.clone(), |d| d.name.clone())
    } else {
        q.question(&target.question)
            .map_or_else(|| target.question.clone(), |x| x.text.clone())
    };
    format!("{} · {part}", q.title)
}

/// "aim: CALMS · Measurement rises".
pub fn aim(catalog: &Catalog, target: &Target) -> String {
    let key = match target.direction {
        Direction::Up => k::EXPERIMENT_AIM_UP,
        Direction::Down => k::EXPERIMENT_AIM_DOWN,
    };
    tf(key, &[("target", &target_name(catalog, target))])
}

/// An outcome in words.
pub fn outcome_text(outcome: Outcome) -> String {
    t(match outcome {
        Outcome::AsExpected => k::EXPERIMENT_OUTCOME_AS_EXPECTED,
        Outcome::NoChange => k::EXPERIMENT_OUTCOME_NO_CHANGE,
        Outcome::Opposite => k::EXPERIMENT_OUTCOME_OPPOSITE,
        Outcome::NotComparable => k::EXPERIMENT_OUTCOME_NOT_COMPARABLE,
        Outcome::Waiting => k::EXPERIMENT_OUTCOME_WAITING,
        Outcome::Overdue => k::EXPERIMENT_OUTCOME_OVERDUE,
    })
}

/// An outcome as a badge: its words, and a class that colours it (never the
/// only sign: the words say it).
pub fn outcome_badge(outcome: Outcome) -> impl IntoView {
    view! { <span class=format!("outcome outcome-{}", outcome.key())>{outcome_text(outcome)}</span> }
}

/// The rule every outcome follows, in the page's words.
pub fn rule() -> String {
    tf(
        k::EXPERIMENT_TEXT,
        &[("threshold", &crate::i18n::number(CHANGE_THRESHOLD, 1))],
    )
}

/// "Checked 2 experiments: moved as expected, no change" for a run of the
/// timeline; empty when it checked none.
pub fn checked_line(found: &[Experiment], run: &RunId) -> String {
    let outcomes: Vec<String> = found
        .iter()
        .filter(|e| e.checked_by.is_some_and(|r| &r.id == run))
        .map(|e| outcome_text(e.outcome))
        .collect();
    if outcomes.is_empty() {
        return String::new();
    }
    tp(
        k::EXPERIMENT_RUN_CHECKED,
        outcomes.len(),
        &[("outcomes", &crate::i18n::list(&outcomes))],
    )
}

/// One experiment as a table row's cells, owned (views outlive the store's borrow).
#[derive(Clone, PartialEq)]
struct Row {
    agreed: RunId,
    agreed_at: i64,
    what: String,
    owner: String,
    aim: String,
    check_by: String,
    checked_by: Option<(RunId, i64)>,
    before: Option<f64>,
    after: Option<f64>,
    outcome: Outcome,
}

fn rows(catalog: &Catalog, found: &[Experiment]) -> Vec<Row> {
    found
        .iter()
        .map(|e| Row {
            agreed: e.agreed_in.id.clone(),
            agreed_at: e.agreed_in.held_at(),
            what: e.action.what.clone(),
            owner: e.action.owner.clone(),
            aim: aim(catalog, e.target),
            check_by: e.action.due.clone(),
            checked_by: e.checked_by.map(|r| (r.id.clone(), r.held_at())),
            before: e.before,
            after: e.after,
            outcome: e.outcome,
        })
        .collect()
}

/// The team page's table of experiments: every action agreed with a target, what
/// it aimed at and what the next assessment said; the overdue flagged.
#[component]
pub fn ExperimentsTable(team: Memo<TeamId>) -> impl IntoView {
    let state = use_app_state();
    let data = Memo::new(move |_| {
        let team = team.get();
        let today = today();
        state.catalog.with(|catalog| {
            state.store.with(|s| {
                let runs = s.runs_of(&team);
                let found = experiments::experiments(catalog, &runs, &today);
                (
                    rows(catalog, &found),
                    experiments::overdue(&runs, &today).len(),
                )
            })
        })
    });
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let team = team.get_untracked();
        let catalog = state.catalog.get_untracked();
        let text = state.store.with_untracked(|s| {
            maturity_core::coach::experiments::experiments_csv(
                s,
                &catalog,
                Some(&team),
                &csv_words(),
                &today(),
                iso_date_time,
            )
        });
        let name = format!("devops-maturity-experiments-{}.csv", today());
        error.set(download(&name, "text/csv;charset=utf-8", &text).err());
    };
    view! {
        <section class="card" aria-labelledby="experiments-heading">
            <h2 id="experiments-heading">{t(k::EXPERIMENT_HEADING)}</h2>
            <p class="hint">{rule()}</p>
            {move || {
                let (_, overdue) = data.get();
                (overdue > 0).then(|| view! {
                    <p class="warning overdue-flag" role="note">{tp(k::COACH_OVERDUE_FLAG, overdue, &[])}</p>
                })
            }}
            {move || {
                let (rows, _) = data.get();
                if rows.is_empty() {
                    return view! { <p class="empty">{t(k::EXPERIMENT_EMPTY)}</p> }.into_any();
                }
                let checked = rows.iter().filter(|r| r.outcome.is_checked()).count();
                let moved = rows.iter().filter(|r| r.outcome == Outcome::AsExpected).count();
                view! {
                    <p>{tf(k::EXPERIMENT_SUMMARY, &[("n", &moved.to_string()), ("checked", &checked.to_string())])}</p>
                    <ScrollTable label=t(k::EXPERIMENT_CAPTION)>
                    <table class="scores experiments-table">
                        <caption>{t(k::EXPERIMENT_CAPTION)}</caption>
                        <thead><tr>
                            <th scope="col">{t(k::EXPERIMENT_COL_AGREED)}</th>
                            <th scope="col">{t(k::EXPERIMENT_COL_ACTION)}</th>
                            {result_headings()}
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <td><A href=routes::results(&r.agreed)>{format_date(r.agreed_at)}</A></td>
                                    <th scope="row">{r.what.clone()}
                                        <span class="hint">{detail(&r.owner, &r.check_by)}</span></th>
                                    {result_cells(r.aim.clone(), r.checked_by.clone(), r.before, r.after, r.outcome)}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </ScrollTable>
                    <p><button type="button" on:click=save>{t(k::EXPERIMENT_CSV)}</button></p>
                }.into_any()
            }}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

/// The headings of a table of experiments after its first two columns: target,
/// the assessment that checked it, before → after, outcome.
pub fn result_headings() -> impl IntoView {
    view! {
        <th scope="col">{t(k::EXPERIMENT_COL_TARGET)}</th>
        <th scope="col">{t(k::EXPERIMENT_COL_CHECKED_BY)}</th>
        <th scope="col">{t(k::EXPERIMENT_COL_SCORES)}</th>
        <th scope="col">{t(k::EXPERIMENT_COL_OUTCOME)}</th>
    }
}

/// One experiment's cells under [`result_headings`]; the checking assessment links
/// to its results.
pub fn result_cells(
    aim: String,
    checked_by: Option<(RunId, i64)>,
    before: Option<f64>,
    after: Option<f64>,
    outcome: Outcome,
) -> impl IntoView {
    view! {
        <td>{aim}</td>
        <td>{checked_by.map(|(id, at)| view! { <A href=routes::results(&id)>{format_date(at)}</A> })}</td>
        <td class="num">{format!("{} → {}", score_text(before), score_text(after))}</td>
        <td>{outcome_badge(outcome)}</td>
    }
}

/// " · Sam · check by 2026-03-31".
fn detail(owner: &str, check_by: &str) -> String {
    let mut out = String::new();
    if !owner.is_empty() {
        out.push_str(&format!(" · {owner}"));
    }
    if !check_by.is_empty() {
        out.push_str(&format!(
            " · {}",
            tf(k::EXPERIMENT_CHECK_BY_DATE, &[("date", check_by)])
        ));
    }
    out
}

/// The results page's "Experiments this assessment checked": the actions with a
/// target agreed at the team's earlier assessments that this one checked.
#[component]
pub fn CheckedExperiments(run: RunId) -> impl IntoView {
    let state = use_app_state();
    let found = Memo::new(move |_| {
        let today = today();
        state.catalog.with(|catalog| {
            state.store.with(|s| {
                let Some(this) = s.run(&run) else {
                    return Vec::new();
                };
                let runs = s.runs_of(&this.team);
                rows(
                    catalog,
                    &experiments::checked_by(catalog, &runs, this, &today),
                )
            })
        })
    });
    move || {
        let rows = found.get();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="checked-heading">
                    <h2 id="checked-heading">{t(k::EXPERIMENT_CHECKED_HEADING)}</h2>
                    <p class="hint">{rule()}</p>
                    <ul class="checked-experiments">
                        {rows.into_iter().map(|r| view! {
                            <li>
                                {tf(k::EXPERIMENT_CHECKED_ITEM, &[
                                    ("action", &r.what),
                                    ("target", &r.aim),
                                    ("before", &score_text(r.before)),
                                    ("after", &score_text(r.after)),
                                ])}
                                // The outcome once: the badge says it to eyes and
                                // screen readers alike.
                                " " {outcome_badge(r.outcome)}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// The experiments CSV's words in the language shown.
pub fn csv_words() -> maturity_core::coach::experiments::ExperimentWords {
    maturity_core::coach::experiments::ExperimentWords {
        columns: [
            k::EXPERIMENT_CSV_TEAM,
            k::EXPERIMENT_CSV_AGREED,
            k::EXPERIMENT_CSV_ACTION,
            k::EXPERIMENT_CSV_OWNER,
            k::EXPERIMENT_CSV_QUESTIONNAIRE,
            k::EXPERIMENT_CSV_TARGET,
            k::EXPERIMENT_CSV_DIRECTION,
            k::EXPERIMENT_CSV_CHECK_BY,
            k::EXPERIMENT_CSV_CHECKED_BY,
            k::EXPERIMENT_CSV_BEFORE,
            k::EXPERIMENT_CSV_AFTER,
            k::EXPERIMENT_CSV_OUTCOME,
        ]
        .map(t),
        up: t(k::EXPERIMENT_UP),
        down: t(k::EXPERIMENT_DOWN),
        outcomes: [
            Outcome::AsExpected,
            Outcome::NoChange,
            Outcome::Opposite,
            Outcome::NotComparable,
            Outcome::Waiting,
            Outcome::Overdue,
        ]
        .map(outcome_text),
    }
}
