//! Actions run as experiments: did the team's next assessment move the target the
//! way the team expected? And which actions are overdue?
//!
//! Rules (stated on the pages that show an outcome):
//! - an experiment is an action with a [`Target`]: a dimension or a question of one
//!   questionnaire, and the direction it is expected to move;
//! - its baseline is the target's score in the assessment the action was agreed in,
//!   or, when that one did not take the questionnaire, in the team's latest finished
//!   assessment of it held no later;
//! - it is checked by the team's first finished assessment of that questionnaire
//!   held after the one it was agreed in: moved as expected, no change, or moved the
//!   other way, by the same threshold every comparison uses
//!   ([`crate::assessment::history::CHANGE_THRESHOLD`]);
//! - an action is overdue when its date (`due`, the date to check by) has passed,
//!   it is not ticked done, and no assessment that would check it has been held
//!   since (for a plain action: no finished assessment at all).
//!
//! Only one team's runs are read: a team's outcomes never depend on another team's.

use crate::assessment::catalog::Catalog;
use crate::assessment::history::{verdict, Verdict};
use crate::assessment::records::Millis;
use crate::assessment::records::TeamId;
use crate::assessment::records::{chronological, Action, Direction, Run, Target};
use crate::assessment::scoring::{question_score, score, score_cell};
use crate::csv::{safe, Sheet};
use crate::store::Store;

/// What the next assessment said about an experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The target moved the way the team expected, by the threshold or more.
    AsExpected,
    /// It moved less than the threshold either way.
    NoChange,
    /// It moved the other way, by the threshold or more.
    Opposite,
    /// The target was not scored in one of the two assessments (unanswered, "Don't
    /// know", or no longer asked).
    NotComparable,
    /// No assessment of the questionnaire since; the date to check by has not
    /// passed (or there is none).
    Waiting,
    /// No assessment of the questionnaire since, and the date to check by passed.
    Overdue,
}

impl Outcome {
    /// The stable key of the outcome (in CSV files and the pages' messages).
    pub fn key(self) -> &'static str {
        match self {
            Outcome::AsExpected => "as-expected",
            Outcome::NoChange => "no-change",
            Outcome::Opposite => "opposite",
            Outcome::NotComparable => "not-comparable",
            Outcome::Waiting => "waiting",
            Outcome::Overdue => "overdue",
        }
    }

    /// Whether an assessment has checked it.
    pub fn is_checked(self) -> bool {
        !matches!(self, Outcome::Waiting | Outcome::Overdue)
    }
}

/// One experiment of a team with its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Experiment<'s> {
    /// The assessment the action was agreed in.
    pub agreed_in: &'s Run,
    pub action: &'s Action,
    pub target: &'s Target,
    /// The target's score (0-10) at the baseline, if it was scored.
    pub before: Option<f64>,
    /// The assessment that checked it, if one has been held.
    pub checked_by: Option<&'s Run>,
    pub after: Option<f64>,
    pub outcome: Outcome,
}

/// The target's score (0-10) in `run`, when the run took its questionnaire and the
/// target was scored.
pub fn target_score(catalog: &Catalog, target: &Target, run: &Run) -> Option<f64> {
    if !run.covers(&target.questionnaire) {
        return None;
    }
    let questionnaire = catalog.get(&target.questionnaire)?;
    if target.question.is_empty() {
        score(questionnaire, &run.answers)
            .dimensions
            .into_iter()
            .find(|d| d.dimension == target.dimension)?
            .score
    } else {
        let question = questionnaire.question(&target.question)?;
        question_score(question, *run.answers.get(&question.id)?)
    }
}

/// The outcome of a move from `before` to `after` for a target expected to move
/// `direction`.
pub fn judge(before: Option<f64>, after: Option<f64>, direction: Direction) -> Outcome {
    match (verdict(before, after), direction) {
        (Verdict::NotComparable, _) => Outcome::NotComparable,
        (Verdict::Unchanged, _) => Outcome::NoChange,
        (Verdict::Improved, Direction::Up) | (Verdict::Worse, Direction::Down) => {
            Outcome::AsExpected
        }
        (Verdict::Improved, Direction::Down) | (Verdict::Worse, Direction::Up) => Outcome::Opposite,
    }
}

/// A team's finished runs in the one order of a history.
fn finished<'s>(runs: &[&'s Run]) -> Vec<&'s Run> {
    let mut finished: Vec<&Run> = runs.iter().copied().filter(|r| r.is_finished()).collect();
    chronological(&mut finished);
    finished
}

/// Every experiment agreed in `runs` (one team's), oldest first, each with its
/// outcome on `today` (`YYYY-MM-DD`, the date overdue is judged by).
pub fn experiments<'s>(catalog: &Catalog, runs: &[&'s Run], today: &str) -> Vec<Experiment<'s>> {
    let history = finished(runs);
    let mut out = Vec::new();
    for (at, run) in history.iter().enumerate() {
        for action in &run.actions {
            let Some(target) = &action.target else {
                continue;
            };
            let takes = |r: &&&Run| r.covers(&target.questionnaire);
            let baseline = history[..=at].iter().rev().find(takes);
            let checked_by = history[at + 1..].iter().find(takes).copied();
            let before = baseline.and_then(|r| target_score(catalog, target, r));
            let after = checked_by.and_then(|r| target_score(catalog, target, r));
            let outcome = match checked_by {
                Some(_) => judge(before, after, target.direction),
                None if is_past(&action.due, today) && !action.done => Outcome::Overdue,
                None => Outcome::Waiting,
            };
            out.push(Experiment {
                agreed_in: run,
                action,
                target,
                before,
                checked_by,
                after,
                outcome,
            });
        }
    }
    out
}

/// The experiments `run` checked (agreed in one of the team's earlier runs).
pub fn checked_by<'s>(
    catalog: &Catalog,
    runs: &[&'s Run],
    run: &Run,
    today: &str,
) -> Vec<Experiment<'s>> {
    experiments(catalog, runs, today)
        .into_iter()
        .filter(|e| e.checked_by.is_some_and(|c| c.id == run.id))
        .collect()
}

/// A team's overdue actions: plain ones past their date, not done and with no
/// finished assessment since; experiments past their date with no assessment of
/// their questionnaire since. With the run each was agreed in, oldest first.
pub fn overdue<'s>(runs: &[&'s Run], today: &str) -> Vec<(&'s Run, &'s Action)> {
    let history = finished(runs);
    let mut out = Vec::new();
    for (at, run) in history.iter().enumerate() {
        for action in &run.actions {
            if action.done || !is_past(&action.due, today) {
                continue;
            }
            let checked = history[at + 1..].iter().any(|later| match &action.target {
                Some(target) => later.covers(&target.questionnaire),
                None => true,
            });
            if !checked {
                out.push((*run, action));
            }
        }
    }
    out
}

/// Whether the date `due` (`YYYY-MM-DD`, or empty for none) is before `today`.
/// Both are ISO dates, so their text orders as the dates do.
fn is_past(due: &str, today: &str) -> bool {
    !due.is_empty() && due < today
}

/// The words of the experiments CSV in the user's language: the header, the two
/// directions and the outcomes (in [`Outcome`]'s order: as expected, no change,
/// opposite, not comparable, waiting, overdue).
#[derive(Debug, Clone)]
pub struct ExperimentWords {
    pub columns: [String; 12],
    pub up: String,
    pub down: String,
    pub outcomes: [String; 6],
}

/// Every action agreed with a target by `team` (or by every team), with its
/// outcome on `today` (`YYYY-MM-DD`): one row each, by team, oldest first.
pub fn experiments_csv(
    store: &Store,
    catalog: &Catalog,
    team: Option<&TeamId>,
    words: &ExperimentWords,
    today: &str,
    date: impl Fn(Millis) -> String,
) -> String {
    let mut out = Sheet::new(&words.columns);
    for t in store
        .teams
        .iter()
        .filter(|t| team.is_none_or(|id| &t.id == id))
    {
        for e in experiments(catalog, &store.runs_of(&t.id), today) {
            let target = &e.target;
            let (title, part) = match catalog.get(&target.questionnaire) {
                Some(q) if target.question.is_empty() => (
                    q.title.clone(),
                    q.dimension(&target.dimension)
                        .map_or_else(|| target.dimension.clone(), |d| d.name.clone()),
                ),
                Some(q) => (
                    q.title.clone(),
                    q.question(&target.question)
                        .map_or_else(|| target.question.clone(), |x| x.text.clone()),
                ),
                None => (
                    target.questionnaire.clone(),
                    format!("{}{}", target.dimension, target.question),
                ),
            };
            let outcome = match e.outcome {
                Outcome::AsExpected => 0,
                Outcome::NoChange => 1,
                Outcome::Opposite => 2,
                Outcome::NotComparable => 3,
                Outcome::Waiting => 4,
                Outcome::Overdue => 5,
            };
            out.row([
                safe(&t.name),
                date(e.agreed_in.held_at()),
                safe(&e.action.what),
                safe(&e.action.owner),
                safe(&title),
                safe(&part),
                match target.direction {
                    Direction::Up => words.up.clone(),
                    Direction::Down => words.down.clone(),
                },
                e.action.due.clone(),
                e.checked_by.map(|r| date(r.held_at())).unwrap_or_default(),
                score_cell(e.before),
                score_cell(e.after),
                words.outcomes[outcome].clone(),
            ]);
        }
    }
    out.finish()
}
