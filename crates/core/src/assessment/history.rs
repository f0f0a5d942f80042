//! A team's history: its runs with their scores, every dimension's trend over time,
//! and the per-dimension deltas between two runs. (Its DORA answers over time are
//! [`crate::dora::trend::answered_over_time`].)
//!
//! Only finished runs make trends: an unfinished run's partial answers would draw a
//! drop that never happened.

use crate::assessment::catalog::Catalog;
use crate::assessment::records::{chronological, Millis, Run, RunId};
use crate::assessment::scoring::{rounded, score, QuestionnaireScore};

/// Changes smaller than this many points (on the 0-10 scale) count as unchanged.
/// One answer moving one step in a dimension of four five-option questions moves
/// the dimension by 0.625; a point means more than that one step.
pub const CHANGE_THRESHOLD: f64 = 1.0;

/// The scores of each questionnaire `run` covers that the catalog knows.
pub fn run_scores(catalog: &Catalog, run: &Run) -> Vec<QuestionnaireScore> {
    run.questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .map(|q| score(q, &run.answers))
        .collect()
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
    /// The questionnaire's own scale, when it asks for scores on it too (Westrum:
    /// 7, the agreement scale; see [`crate::assessment::scoring::on_own_scale`]).
    pub own_scale: Option<usize>,
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

/// A run with its scores, computed once and shared by every view of the history.
struct Scored<'a> {
    run: &'a Run,
    at: Millis,
    scores: Vec<QuestionnaireScore>,
}

impl<'a> Scored<'a> {
    fn new(catalog: &Catalog, run: &'a Run) -> Scored<'a> {
        Scored {
            run,
            at: run.held_at(),
            scores: run_scores(catalog, run),
        }
    }
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
                runs: covering.iter().map(|(r, _)| r.run.id.clone()).collect(),
                at: covering.iter().map(|(r, _)| r.at).collect(),
                overall: covering.iter().map(|(_, s)| s.overall).collect(),
                dimensions,
                own_scale: questionnaire.own_scale(),
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
}

/// The history of a team from its runs ([`crate::Store::runs_of`]): every run
/// scored once, and the trends of its finished runs.
pub fn team_history(runs: &[&Run], catalog: &Catalog) -> TeamHistory {
    let mut runs: Vec<&Run> = runs.to_vec();
    // Oldest first for the trends; the list is shown newest first.
    chronological(&mut runs);
    let scored: Vec<Scored> = runs.iter().map(|r| Scored::new(catalog, r)).collect();
    let finished: Vec<&Scored> = scored.iter().filter(|s| s.run.is_finished()).collect();
    let trends = trends_of(catalog, &finished);
    let finished = finished.len();
    let summaries = scored
        .into_iter()
        .rev()
        .map(|s| Summary {
            run: s.run.id.clone(),
            held_at: s.at,
            finished: s.run.is_finished(),
            answered: answered(catalog, s.run),
            notes: s.run.notes.clone(),
            actions: s.run.actions.len(),
            actions_done: s.run.actions.iter().filter(|a| a.done).count(),
            participants: s.run.workshop.as_ref().map(|w| w.participants),
            scores: s.scores,
        })
        .collect();
    TeamHistory {
        runs: summaries,
        finished,
        trends,
    }
}

/// Where a run stands, as a list of runs shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Questions asked, and how many have an answer they accept.
    pub asked: usize,
    pub answered: usize,
    /// (title, overall score) of each questionnaire the run takes that the catalog
    /// knows, in the run's order.
    pub overall: Vec<(String, Option<f64>)>,
}

/// The progress and overall scores of `run`.
pub fn progress(catalog: &Catalog, run: &Run) -> Progress {
    let taken = || run.questionnaires.iter().filter_map(|id| catalog.get(id));
    Progress {
        asked: taken().map(|q| q.active_questions().count()).sum(),
        answered: answered(catalog, run),
        overall: taken()
            .map(|q| (q.title.clone(), score(q, &run.answers).overall))
            .collect(),
    }
}

/// How many of the questions `run` asks have an answer they accept: the count the
/// question page, the results and the history all show.
pub fn answered(catalog: &Catalog, run: &Run) -> usize {
    run.questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .flat_map(|q| q.active_questions())
        .filter(|q| run.answers.get(&q.id).is_some_and(|&v| q.accepts(v)))
        .count()
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
    let change = rounded(a - b);
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
    // Only the questionnaires the two runs took are read (and parsed).
    let taken = |id: &str| {
        before
            .questionnaires
            .iter()
            .chain(&after.questionnaires)
            .any(|q| q == id)
    };
    for questionnaire in catalog
        .ids()
        .filter(|id| taken(id))
        .filter_map(|id| catalog.get(id))
    {
        let in_before = before.questionnaires.contains(&questionnaire.id);
        let in_after = after.questionnaires.contains(&questionnaire.id);
        if !questionnaire.dimensions.iter().any(|d| d.scored) {
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
        // The overall row: no dimension, named by the questionnaire's title (the
        // shell words it, "CALMS overall", in the language shown).
        rows.push(row(
            "",
            &questionnaire.title,
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
