//! The coach's page as owned values: the [`Portfolio`] without borrows of the
//! store, so the page keeps it between changes and sorts it, and its CSV is
//! written from the very rows the screen shows (hidden names included), with
//! nothing computed twice.
//!
//! Hidden names: each team shown gets letters by its place in name order (A, B, …
//! [`letters`]), fixed before any sort, and its experiments carry the same
//! letters; the page words them ("Team A") for the screen, the printout and the
//! CSV alike.

use super::experiments::Outcome;
use super::portfolio::{
    letters, portfolio, Filter, LowQuestion, Portfolio, QuarterRow, Shared, Sortable,
};
use crate::assessment::catalog::Catalog;
use crate::assessment::history::Verdict;
use crate::assessment::records::{Millis, RunId, Target, TeamId};
use crate::assessment::scoring::score_cell;
use crate::csv::{safe, Sheet};
use crate::dora::clusters::Edition;
use crate::store::Store;

/// Everything the coach's page shows for one questionnaire.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overview {
    /// The questionnaire's title.
    pub title: String,
    /// Its scored dimensions' names, the heat map's columns.
    pub dimensions: Vec<String>,
    /// Every team the filter keeps, by name.
    pub rows: Vec<TeamLine>,
    pub shared: Vec<Shared>,
    pub lowest_questions: Vec<LowQuestion>,
    pub clusters: Vec<ClusterCount>,
    pub trend: Vec<QuarterRow>,
    pub experiments: Vec<ExperimentLine>,
}

/// One team's line of the heat map.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamLine {
    pub team: TeamId,
    pub name: String,
    /// What stands for its name when names are hidden.
    pub letters: String,
    pub archived: bool,
    /// Its result: the latest finished assessment in the chosen dates.
    pub latest: Option<(RunId, Millis)>,
    /// Per dimension of [`Overview::dimensions`].
    pub scores: Vec<Option<f64>>,
    pub overall: Option<f64>,
    /// The overall score of the assessment before `latest`.
    pub previous_overall: Option<f64>,
    pub movement: Verdict,
    /// Its overdue actions.
    pub overdue: usize,
}

impl TeamLine {
    /// The overall score's change since the previous assessment.
    pub fn change(&self) -> Option<f64> {
        self.overall
            .zip(self.previous_overall)
            .map(|(now, before)| now - before)
    }
}

impl Sortable for TeamLine {
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

/// How many results sit nearest a DORA cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterCount {
    /// The cluster's name, ties as "a / b"; empty for results that could not be placed.
    pub cluster: String,
    pub teams: usize,
}

/// An experiment of one of the teams shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentLine {
    pub team: TeamId,
    pub name: String,
    /// The team's letters ([`TeamLine::letters`]).
    pub letters: String,
    pub what: String,
    pub owner: String,
    pub target: Target,
    pub checked_by: Option<(RunId, Millis)>,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub outcome: Outcome,
}

impl Overview {
    /// The page for `filter`: [`portfolio`], owned.
    pub fn of(
        store: &Store,
        catalog: &Catalog,
        filter: &Filter,
        edition: Option<&Edition>,
        today: &str,
    ) -> Overview {
        let title = catalog
            .get(&filter.questionnaire)
            .map(|q| q.title.clone())
            .unwrap_or_default();
        Overview::owned(title, &portfolio(store, catalog, filter, edition, today))
    }

    /// `portfolio` without its borrows, with the letters of every team.
    pub fn owned(title: String, portfolio: &Portfolio) -> Overview {
        let rows: Vec<TeamLine> = portfolio
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| TeamLine {
                team: r.team.id.clone(),
                name: r.team.name.clone(),
                letters: letters(i),
                archived: r.team.archived,
                latest: r.latest.map(|run| (run.id.clone(), run.held_at())),
                scores: r.scores.clone(),
                overall: r.overall,
                previous_overall: r.previous_overall,
                movement: r.movement,
                overdue: r.overdue,
            })
            .collect();
        let letters_of = |team: &TeamId| {
            rows.iter()
                .find(|r| &r.team == team)
                .map(|r| r.letters.clone())
                .unwrap_or_default()
        };
        let experiments = portfolio
            .experiments
            .iter()
            .map(|e| ExperimentLine {
                team: e.team.id.clone(),
                name: e.team.name.clone(),
                letters: letters_of(&e.team.id),
                what: e.experiment.action.what.clone(),
                owner: e.experiment.action.owner.clone(),
                target: e.experiment.target.clone(),
                checked_by: e.experiment.checked_by.map(|r| (r.id.clone(), r.held_at())),
                before: e.experiment.before,
                after: e.experiment.after,
                outcome: e.experiment.outcome,
            })
            .collect();
        Overview {
            title,
            dimensions: portfolio
                .dimensions
                .iter()
                .map(|(_, n)| n.clone())
                .collect(),
            shared: portfolio.shared.clone(),
            lowest_questions: portfolio.lowest_questions.clone(),
            clusters: portfolio
                .clusters
                .iter()
                .map(|(cluster, teams)| ClusterCount {
                    cluster: cluster.clone(),
                    teams: *teams,
                })
                .collect(),
            trend: portfolio.trend.clone(),
            experiments,
            rows,
        }
    }

    /// How many teams shown have a result.
    pub fn assessed(&self) -> usize {
        self.rows.iter().filter(|r| r.latest.is_some()).count()
    }

    /// The overdue actions of every team shown.
    pub fn overdue(&self) -> usize {
        self.rows.iter().map(|r| r.overdue).sum()
    }
}

/// The header and the words of the page's CSV, in the user's language.
#[derive(Debug, Clone)]
pub struct HeatMapCsvWords<'a> {
    pub team: &'a str,
    pub date: &'a str,
    pub overall: &'a str,
    pub previous: &'a str,
    pub movement: &'a str,
    pub overdue: &'a str,
    pub improved: &'a str,
    pub worse: &'a str,
    pub unchanged: &'a str,
    pub not_comparable: &'a str,
}

/// The heat map as CSV, in `rows`' order (the page's): one line per team with its
/// dimension scores; `name` gives the team's name as shown (its letters when
/// names are hidden), `date` a time as the user reads it.
pub fn csv(
    overview: &Overview,
    rows: &[TeamLine],
    words: &HeatMapCsvWords,
    name: impl Fn(&TeamLine) -> String,
    date: impl Fn(Millis) -> String,
) -> String {
    let mut header: Vec<String> = vec![words.team.into(), words.date.into()];
    header.extend(overview.dimensions.iter().map(|n| safe(n)));
    header.extend([words.overall, words.previous, words.movement, words.overdue].map(String::from));
    let mut out = Sheet::new(&header);
    for row in rows {
        let mut line = vec![
            safe(&name(row)),
            row.latest
                .as_ref()
                .map(|(_, at)| date(*at))
                .unwrap_or_default(),
        ];
        line.extend(row.scores.iter().map(|s| score_cell(*s)));
        line.push(score_cell(row.overall));
        line.push(score_cell(row.previous_overall));
        line.push(
            match row.movement {
                Verdict::Improved => words.improved,
                Verdict::Worse => words.worse,
                Verdict::Unchanged => words.unchanged,
                Verdict::NotComparable => words.not_comparable,
            }
            .to_string(),
        );
        line.push(row.overdue.to_string());
        out.row(&line);
    }
    out.finish()
}
