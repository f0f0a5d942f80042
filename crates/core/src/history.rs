//! A team's history: its runs with their scores, every dimension's trend over time,
//! DORA metrics over time against an edition's cluster bands, and the per-dimension
//! deltas between two runs.
//!
//! Only finished runs make trends: an unfinished run's partial answers would draw a
//! drop that never happened.

use crate::catalog::Catalog;
use crate::dora::{self, Delivery, Edition, Placement};
use crate::model::{Millis, Run, RunId, TeamId};
use crate::scoring::{score, QuestionnaireScore};
use crate::store::Store;

/// Changes smaller than this many points (on the 0-10 scale) count as unchanged.
/// One answer moving one step in a dimension of four five-option questions moves
/// the dimension by 0.625; a point means more than that one step.
pub const CHANGE_THRESHOLD: f64 = 1.0;

/// One run in a team's history, with its scores per questionnaire (catalog order of
/// the run's questionnaires; unknown questionnaires are left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'s> {
    pub run: &'s Run,
    pub scores: Vec<QuestionnaireScore>,
}

/// Every run of `team`, newest first, with its scores.
pub fn history<'s>(store: &'s Store, catalog: &Catalog, team: &TeamId) -> Vec<Entry<'s>> {
    store
        .runs_of(team)
        .into_iter()
        .map(|run| Entry {
            run,
            scores: run_scores(catalog, run),
        })
        .collect()
}

/// The scores of each questionnaire `run` covers that the catalog knows.
pub fn run_scores(catalog: &Catalog, run: &Run) -> Vec<QuestionnaireScore> {
    run.questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .map(|q| score(q, &run.answers))
        .collect()
}

/// The finished runs of `team`, oldest first: the points of every trend.
pub fn finished_runs<'s>(store: &'s Store, team: &TeamId) -> Vec<&'s Run> {
    let mut runs: Vec<&Run> = store
        .runs
        .iter()
        .filter(|r| &r.team == team && r.is_finished())
        .collect();
    runs.sort_by(|a, b| a.held_at().cmp(&b.held_at()).then_with(|| a.id.cmp(&b.id)));
    runs
}

/// One line of a trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub dimension: String,
    pub name: String,
    /// One value per point of the trend; `None` where the dimension was not answered.
    pub values: Vec<Option<f64>>,
}

/// A questionnaire's scores over time: one point per finished run that covered it.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub questionnaire: String,
    pub title: String,
    pub runs: Vec<RunId>,
    pub at: Vec<Millis>,
    pub overall: Vec<Option<f64>>,
    /// Scored dimensions, in the questionnaire's order.
    pub dimensions: Vec<Series>,
}

impl Trend {
    /// The last two points' values of each dimension: (name, previous, latest).
    /// `None` for previous when there is only one point.
    pub fn latest_and_previous(&self) -> Vec<(&str, Option<f64>, Option<f64>)> {
        let n = self.at.len();
        self.dimensions
            .iter()
            .map(|s| {
                let latest = n.checked_sub(1).and_then(|i| s.values[i]);
                let previous = n.checked_sub(2).and_then(|i| s.values[i]);
                (s.name.as_str(), previous, latest)
            })
            .collect()
    }
}

/// The trend of every questionnaire with at least one scored dimension that any of
/// `runs` (oldest first) covered, in catalog order.
pub fn trends(catalog: &Catalog, runs: &[&Run]) -> Vec<Trend> {
    let scored: Vec<Scored> = runs
        .iter()
        .map(|r| Scored {
            run: &r.id,
            at: r.held_at(),
            scores: run_scores(catalog, r),
        })
        .collect();
    trends_of(catalog, &scored.iter().collect::<Vec<_>>())
}

/// A run with its scores, computed once and shared by every view of the history.
struct Scored<'a> {
    run: &'a RunId,
    at: Millis,
    scores: Vec<QuestionnaireScore>,
}

fn trends_of(catalog: &Catalog, runs: &[&Scored]) -> Vec<Trend> {
    catalog
        .all()
        .iter()
        .filter(|q| q.dimensions.iter().any(|d| d.scored))
        .filter_map(|questionnaire| {
            let covering: Vec<(&&Scored, &QuestionnaireScore)> = runs
                .iter()
                .filter_map(|r| {
                    r.scores
                        .iter()
                        .find(|s| s.questionnaire == questionnaire.id)
                        .map(|s| (r, s))
                })
                .collect();
            if covering.is_empty() {
                return None;
            }
            let dimensions = questionnaire
                .dimensions
                .iter()
                .filter(|d| d.scored)
                .map(|d| Series {
                    dimension: d.id.clone(),
                    name: d.name.clone(),
                    values: covering
                        .iter()
                        .map(|(_, s)| {
                            s.dimensions
                                .iter()
                                .find(|x| x.dimension == d.id)
                                .and_then(|x| x.score)
                        })
                        .collect(),
                })
                .collect();
            Some(Trend {
                questionnaire: questionnaire.id.clone(),
                title: questionnaire.title.clone(),
                runs: covering.iter().map(|(r, _)| r.run.clone()).collect(),
                at: covering.iter().map(|(r, _)| r.at).collect(),
                overall: covering.iter().map(|(_, s)| s.overall).collect(),
                dimensions,
            })
        })
        .collect()
}

/// One run as a team's history lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub run: RunId,
    pub held_at: Millis,
    pub finished: bool,
    /// How many questions have an answer.
    pub answered: usize,
    pub notes: String,
    /// Action items agreed with the run, and how many of them are done.
    pub actions: usize,
    pub actions_done: usize,
    /// For a run agreed in a workshop: how many participants answered.
    pub participants: Option<usize>,
    /// Per questionnaire the run covered (that the catalog knows), in the run's order.
    pub scores: Vec<QuestionnaireScore>,
}

/// Everything a team's page shows, with every run scored exactly once.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamHistory {
    /// Every run, newest first.
    pub runs: Vec<Summary>,
    /// How many runs are finished.
    pub finished: usize,
    /// Finished runs only, per questionnaire, oldest first.
    pub trends: Vec<Trend>,
    /// DORA answers of the finished runs that covered DORA, oldest first.
    pub dora: Vec<(RunId, Millis, Delivery)>,
}

/// The history of `team`: its runs, their trends and its DORA answers over time.
pub fn team_history(store: &Store, catalog: &Catalog, team: &TeamId) -> TeamHistory {
    let mut runs: Vec<&Run> = store.runs.iter().filter(|r| &r.team == team).collect();
    // Oldest first for the trends; the list is shown newest first.
    runs.sort_by(|a, b| a.held_at().cmp(&b.held_at()).then_with(|| a.id.cmp(&b.id)));
    let scored: Vec<Scored> = runs
        .iter()
        .map(|r| Scored {
            run: &r.id,
            at: r.held_at(),
            scores: run_scores(catalog, r),
        })
        .collect();
    let finished: Vec<&Scored> = scored
        .iter()
        .zip(&runs)
        .filter(|(_, r)| r.is_finished())
        .map(|(s, _)| s)
        .collect();
    let trends = trends_of(catalog, &finished);
    let finished = finished.len();
    let dora = runs
        .iter()
        .filter(|r| r.is_finished() && r.questionnaires.iter().any(|q| q == dora::QUESTIONNAIRE_ID))
        .map(|r| {
            (
                r.id.clone(),
                r.held_at(),
                Delivery::from_answers(&r.answers),
            )
        })
        .collect();
    let summaries = scored
        .into_iter()
        .zip(&runs)
        .rev()
        .map(|(s, r)| Summary {
            run: r.id.clone(),
            held_at: s.at,
            finished: r.is_finished(),
            answered: r.answers.len(),
            notes: r.notes.clone(),
            actions: r.actions.len(),
            actions_done: r.actions.iter().filter(|a| a.done).count(),
            participants: r.workshop.as_ref().map(|w| w.participants),
            scores: s.scores,
        })
        .collect();
    TeamHistory {
        runs: summaries,
        finished,
        trends,
        dora,
    }
}

/// The four clustered DORA metrics, in the order charts show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    DeploymentFrequency,
    LeadTime,
    RecoveryTime,
    ChangeFailureRate,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::DeploymentFrequency,
        Metric::LeadTime,
        Metric::RecoveryTime,
        Metric::ChangeFailureRate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Metric::DeploymentFrequency => "Deployment frequency",
            Metric::LeadTime => "Lead time for changes",
            Metric::RecoveryTime => "Time to restore service",
            Metric::ChangeFailureRate => "Change failure rate",
        }
    }

    /// The DORA question this metric is read from.
    pub fn question(self) -> &'static str {
        match self {
            Metric::DeploymentFrequency => dora::DEPLOYMENT_FREQUENCY,
            Metric::LeadTime => dora::LEAD_TIME,
            Metric::RecoveryTime => dora::RECOVERY_TIME,
            Metric::ChangeFailureRate => dora::CHANGE_FAILURE_RATE,
        }
    }

    /// Whether the metric is a percentage (lower is better) rather than a position
    /// on DORA's six options (0 worst to 5 best).
    pub fn is_percent(self) -> bool {
        self == Metric::ChangeFailureRate
    }

    /// The answered value: option position 0-5, or percentage.
    pub fn value(self, d: &Delivery) -> Option<u8> {
        match self {
            Metric::DeploymentFrequency => d.deployment_frequency,
            Metric::LeadTime => d.lead_time,
            Metric::RecoveryTime => d.recovery_time,
            Metric::ChangeFailureRate => d.change_failure_rate,
        }
    }
}

/// Where one cluster of an edition sits on one metric, in the metric's own units:
/// option positions for throughput (a range when the published range spans two
/// options), the published percentage range for the change failure rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub cluster: &'static str,
    pub low: f64,
    pub high: f64,
}

/// The bands of every cluster of `edition` on `metric`, in the edition's order.
pub fn bands(edition: &Edition, metric: Metric) -> Vec<Band> {
    edition
        .clusters
        .iter()
        .map(|c| {
            let (low, high) = match metric {
                Metric::DeploymentFrequency => span(c.deployment_frequency),
                Metric::LeadTime => span(c.lead_time),
                Metric::RecoveryTime => span(c.recovery_time),
                Metric::ChangeFailureRate => percent_range(c.described[3])
                    .unwrap_or((c.change_failure_rate, c.change_failure_rate)),
            };
            Band {
                cluster: c.name,
                low,
                high,
            }
        })
        .collect()
}

/// A half position (a published range across two options) covers both options.
fn span(position: f64) -> (f64, f64) {
    (position.floor(), position.ceil())
}

/// "16–30%" as (16, 30); "5%" as (5, 5).
fn percent_range(text: &str) -> Option<(f64, f64)> {
    let number = text.trim().strip_suffix('%')?;
    match number.split_once('–') {
        Some((low, high)) => Some((low.trim().parse().ok()?, high.trim().parse().ok()?)),
        None => {
            let value: f64 = number.trim().parse().ok()?;
            Some((value, value))
        }
    }
}

/// One finished run's DORA answers and placement.
#[derive(Debug, Clone, PartialEq)]
pub struct DoraPoint {
    pub run: RunId,
    pub at: Millis,
    pub delivery: Delivery,
    pub placement: Option<Placement>,
}

/// DORA metrics over time: one point per run (oldest first) that covered DORA,
/// placed in `edition`.
pub fn dora_trend(runs: &[&Run], edition: &Edition) -> Vec<DoraPoint> {
    let answers: Vec<(RunId, Millis, Delivery)> = runs
        .iter()
        .filter(|r| r.questionnaires.iter().any(|q| q == dora::QUESTIONNAIRE_ID))
        .map(|r| {
            (
                r.id.clone(),
                r.held_at(),
                Delivery::from_answers(&r.answers),
            )
        })
        .collect();
    place_each(&answers, edition)
}

/// Places each run's DORA answers (from [`TeamHistory::dora`]) in `edition`.
pub fn place_each(answers: &[(RunId, Millis, Delivery)], edition: &Edition) -> Vec<DoraPoint> {
    answers
        .iter()
        .map(|(run, at, delivery)| DoraPoint {
            run: run.clone(),
            at: *at,
            placement: dora::place(delivery, edition),
            delivery: *delivery,
        })
        .collect()
}

/// How a dimension moved between two runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Improved,
    Worse,
    Unchanged,
    /// Not scored in one of the runs.
    NotComparable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Improved => "improved",
            Verdict::Worse => "worse",
            Verdict::Unchanged => "unchanged",
            Verdict::NotComparable => "not comparable",
        }
    }
}

/// Whether a move from `before` to `after` is a change, by [`CHANGE_THRESHOLD`]. The
/// difference is judged as shown, rounded to one decimal, so "+1.0" never reads
/// "unchanged".
pub fn verdict(before: Option<f64>, after: Option<f64>) -> Verdict {
    let (Some(b), Some(a)) = (before, after) else {
        return Verdict::NotComparable;
    };
    let change = ((a - b) * 10.0).round() / 10.0;
    if change >= CHANGE_THRESHOLD {
        Verdict::Improved
    } else if -change >= CHANGE_THRESHOLD {
        Verdict::Worse
    } else {
        Verdict::Unchanged
    }
}

/// One row of a comparison: a dimension (or a questionnaire's overall score, with
/// an empty `dimension`) before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Delta {
    pub questionnaire: String,
    pub dimension: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before`, when both were scored.
    pub change: Option<f64>,
    pub verdict: Verdict,
}

/// Per-dimension deltas from `before` to `after`, for every questionnaire either
/// run covered (catalog order); each questionnaire's overall row comes first.
pub fn compare(catalog: &Catalog, before: &Run, after: &Run) -> Vec<Delta> {
    let mut rows = Vec::new();
    for questionnaire in catalog.all() {
        let in_before = before.questionnaires.contains(&questionnaire.id);
        let in_after = after.questionnaires.contains(&questionnaire.id);
        if !(in_before || in_after) || !questionnaire.dimensions.iter().any(|d| d.scored) {
            continue;
        }
        let scored = |run: &Run, covered: bool| covered.then(|| score(questionnaire, &run.answers));
        let b = scored(before, in_before);
        let a = scored(after, in_after);
        let row = |dimension: &str, name: &str, before: Option<f64>, after: Option<f64>| Delta {
            questionnaire: questionnaire.id.clone(),
            dimension: dimension.to_string(),
            name: name.to_string(),
            before,
            after,
            change: before.zip(after).map(|(b, a)| a - b),
            verdict: verdict(before, after),
        };
        rows.push(row(
            "",
            &format!("{} overall", questionnaire.title),
            b.as_ref().and_then(|s| s.overall),
            a.as_ref().and_then(|s| s.overall),
        ));
        let dimension_score = |s: &Option<QuestionnaireScore>, id: &str| {
            s.as_ref()
                .and_then(|s| s.dimensions.iter().find(|d| d.dimension == id))
                .and_then(|d| d.score)
        };
        for dimension in questionnaire.dimensions.iter().filter(|d| d.scored) {
            rows.push(row(
                &dimension.id,
                &dimension.name,
                dimension_score(&b, &dimension.id),
                dimension_score(&a, &dimension.id),
            ));
        }
    }
    rows
}
