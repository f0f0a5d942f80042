//! A coach's view across teams: every team's latest result per dimension (the heat
//! map), what the teams share (weakest dimensions, lowest questions, DORA
//! clusters), how each team moved, and the portfolio's trend per quarter.
//!
//! Rules (stated on the page):
//! - a team's result is its latest finished assessment of the questionnaire held in
//!   the chosen dates; a workshop's assessment counts as one team result, and no
//!   participant's own answers are read here (a run's workshop record is never
//!   touched);
//! - movement compares that result with the team's previous finished assessment of
//!   the questionnaire, by [`crate::assessment::history::CHANGE_THRESHOLD`];
//! - a dimension is a team's weakest when no other scored dimension of its result
//!   is lower (ties count for each); a question is among a team's lowest when no
//!   other answered question of its result scores lower;
//! - the trend takes, for each calendar quarter (UTC), each team's latest result
//!   held in it, and gives each dimension's mean and range across those teams.
//!
//! Everything is computed from one pass that groups runs by team, so a coach's
//! browser of 50 teams and thousands of runs draws the page in milliseconds.

use crate::assessment::catalog::Catalog;
use crate::assessment::history::{verdict, Verdict};
use crate::assessment::model::Questionnaire;
use crate::assessment::records::{chronological, Millis, Run, Team, TeamId};
use crate::assessment::scoring::{question_score, score, QuestionnaireScore, TIE_EPSILON};
use crate::coach::experiments::{self, Experiment};
use crate::dora::clusters::{self as dora, Delivery, Edition};
use crate::store::Store;
use std::collections::BTreeMap;

/// Which results the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub questionnaire: String,
    /// Results held at or after this time.
    pub from: Option<Millis>,
    /// Results held at or before this time.
    pub to: Option<Millis>,
    /// Only teams carrying this tag (ignoring case).
    pub tag: Option<String>,
    /// Whether archived teams are shown.
    pub archived: bool,
}

/// One team's line of the heat map.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow<'s> {
    pub team: &'s Team,
    /// The team's result: its latest finished assessment in the chosen dates.
    pub latest: Option<&'s Run>,
    /// Per dimension of [`Portfolio::dimensions`], in its order.
    pub scores: Vec<Option<f64>>,
    pub overall: Option<f64>,
    /// The team's finished assessment of the questionnaire before `latest`.
    pub previous: Option<&'s Run>,
    pub previous_overall: Option<f64>,
    pub movement: Verdict,
    /// For DORA with an edition chosen: the nearest clusters of the result.
    pub clusters: Vec<&'static str>,
    /// The team's overdue actions.
    pub overdue: usize,
}

/// A dimension that is the weakest for some teams.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub dimension: String,
    pub name: String,
    /// For how many teams it is the weakest.
    pub teams: usize,
    /// The mean of the teams' scores on it.
    pub mean: Option<f64>,
}

/// A question among the lowest-scored answers of some teams.
#[derive(Debug, Clone, PartialEq)]
pub struct LowQuestion {
    pub question: String,
    pub text: String,
    pub dimension: String,
    /// For how many teams it is among their lowest.
    pub teams: usize,
    /// The mean score (0-10) of the teams that answered it.
    pub mean: f64,
}

/// One dimension (or the overall score, `dimension` empty) in one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterRow {
    /// `2026-Q3`.
    pub quarter: String,
    pub dimension: String,
    pub name: String,
    /// Teams with a score on it in that quarter.
    pub teams: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// An experiment of one of the teams shown.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamExperiment<'s> {
    pub team: &'s Team,
    pub experiment: Experiment<'s>,
}

/// Everything the coach's page shows for one questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio<'s> {
    /// The questionnaire's scored dimensions: (id, name).
    pub dimensions: Vec<(String, String)>,
    /// Every team the filter keeps, with or without a result, by name.
    pub rows: Vec<TeamRow<'s>>,
    /// The dimensions that are weakest for at least one team, most teams first.
    pub shared: Vec<Shared>,
    /// The questions most teams scored lowest, most teams first (at most five).
    pub lowest_questions: Vec<LowQuestion>,
    /// For DORA with an edition: (cluster, teams) in the edition's order, ties as
    /// "a / b", then how many results could not be placed (`""`).
    pub clusters: Vec<(String, usize)>,
    pub trend: Vec<QuarterRow>,
    /// Experiments of the teams shown that target this questionnaire.
    pub experiments: Vec<TeamExperiment<'s>>,
}

impl Portfolio<'_> {
    /// How many teams shown have a result.
    pub fn assessed(&self) -> usize {
        self.rows.iter().filter(|r| r.latest.is_some()).count()
    }
}

/// Every tag the store's teams carry, sorted, each once (ignoring case).
pub fn tags(store: &Store) -> Vec<String> {
    let mut tags: BTreeMap<String, String> = BTreeMap::new();
    for tag in store.teams.iter().flat_map(|t| &t.tags) {
        tags.entry(tag.to_lowercase())
            .or_insert_with(|| tag.clone());
    }
    tags.into_values().collect()
}

/// Whether `team` passes the filter's team conditions.
fn keeps(filter: &Filter, team: &Team) -> bool {
    (filter.archived || !team.archived)
        && filter.tag.as_ref().is_none_or(|tag| {
            let tag = tag.to_lowercase();
            team.tags.iter().any(|t| t.to_lowercase() == tag)
        })
}

fn in_dates(filter: &Filter, at: Millis) -> bool {
    filter.from.is_none_or(|f| at >= f) && filter.to.is_none_or(|t| at <= t)
}

/// The coach's view of `store` for `filter`. `edition` places DORA results among
/// its clusters; `today` (`YYYY-MM-DD`) judges overdue actions.
pub fn portfolio<'s>(
    store: &'s Store,
    catalog: &Catalog,
    filter: &Filter,
    edition: Option<&Edition>,
    today: &str,
) -> Portfolio<'s> {
    let Some(questionnaire) = catalog.get(&filter.questionnaire) else {
        return Portfolio {
            dimensions: Vec::new(),
            rows: Vec::new(),
            shared: Vec::new(),
            lowest_questions: Vec::new(),
            clusters: Vec::new(),
            trend: Vec::new(),
            experiments: Vec::new(),
        };
    };
    let mut by_team: BTreeMap<&TeamId, Vec<&Run>> = BTreeMap::new();
    for run in &store.runs {
        by_team.entry(&run.team).or_default().push(run);
    }
    let mut teams: Vec<&Team> = store.teams.iter().filter(|t| keeps(filter, t)).collect();
    teams.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    let mut gathering = Gathering::new(catalog, questionnaire, filter, edition, today);
    for team in teams {
        let runs = by_team.get(&team.id).map(Vec::as_slice).unwrap_or_default();
        gathering.add(team, runs);
    }
    gathering.finish()
}

/// The portfolio as the one pass over the teams gathers it: what every team is
/// judged against, and each team's row, result, quarters and experiments so far.
struct Gathering<'s, 'a> {
    catalog: &'a Catalog,
    questionnaire: &'a Questionnaire,
    filter: &'a Filter,
    edition: Option<&'a Edition>,
    today: &'a str,
    /// The questionnaire's scored dimensions: (id, name).
    dimensions: Vec<(String, String)>,
    rows: Vec<TeamRow<'s>>,
    /// Each team's result with its score, for what the teams share.
    results: Vec<(&'s Team, &'s Run, QuestionnaireScore)>,
    /// Per quarter, each team's latest result held in it, for the trend.
    quarters: BTreeMap<String, BTreeMap<&'s TeamId, &'s Run>>,
    experiments: Vec<TeamExperiment<'s>>,
}

impl<'s, 'a> Gathering<'s, 'a> {
    /// Nothing gathered yet; the questionnaire's scored dimensions are read once.
    fn new(
        catalog: &'a Catalog,
        questionnaire: &'a Questionnaire,
        filter: &'a Filter,
        edition: Option<&'a Edition>,
        today: &'a str,
    ) -> Self {
        let dimensions = questionnaire
            .dimensions
            .iter()
            .filter(|d| d.scored)
            .map(|d| (d.id.clone(), d.name.clone()))
            .collect();
        Gathering {
            catalog,
            questionnaire,
            filter,
            edition,
            today,
            dimensions,
            rows: Vec::new(),
            results: Vec::new(),
            quarters: BTreeMap::new(),
            experiments: Vec::new(),
        }
    }

    /// Adds `team`, whose runs (of every questionnaire) are `runs`.
    fn add(&mut self, team: &'s Team, runs: &[&'s Run]) {
        let mut taken: Vec<&Run> = runs
            .iter()
            .copied()
            .filter(|r| r.is_finished() && r.covers(&self.questionnaire.id))
            .collect();
        chronological(&mut taken);
        for run in taken.iter().filter(|r| in_dates(self.filter, r.held_at())) {
            // Chronological: the last of a quarter stays.
            self.quarters
                .entry(crate::calendar::quarter_of(run.held_at()))
                .or_default()
                .insert(&team.id, run);
        }
        let (row, latest_score) = self.row(team, runs, &taken);
        if let (Some(run), Some(s)) = (row.latest, latest_score) {
            self.results.push((team, run, s));
        }
        self.experiments.extend(
            experiments::experiments(self.catalog, runs, self.today)
                .into_iter()
                .filter(|e| e.target.questionnaire == self.questionnaire.id)
                .map(|experiment| TeamExperiment { team, experiment }),
        );
        self.rows.push(row);
    }

    /// `team`'s line of the heat map, from its finished assessments of the
    /// questionnaire (`taken`, oldest first) and all its `runs` (for overdue
    /// actions); with its result's score, if it has a result.
    fn row(
        &self,
        team: &'s Team,
        runs: &[&'s Run],
        taken: &[&'s Run],
    ) -> (TeamRow<'s>, Option<QuestionnaireScore>) {
        let at = taken
            .iter()
            .rposition(|r| in_dates(self.filter, r.held_at()));
        let latest = at.map(|i| taken[i]);
        let previous = at.and_then(|i| i.checked_sub(1)).map(|i| taken[i]);
        let latest_score = latest.map(|r| score(self.questionnaire, &r.answers));
        let previous_overall = previous.and_then(|r| score(self.questionnaire, &r.answers).overall);
        let overall = latest_score.as_ref().and_then(|s| s.overall);
        let scores = self
            .dimensions
            .iter()
            .map(|(id, _)| {
                latest_score
                    .as_ref()
                    .and_then(|s| s.dimensions.iter().find(|d| &d.dimension == id))
                    .and_then(|d| d.score)
            })
            .collect();
        let clusters = match (latest, self.edition) {
            (Some(run), Some(edition)) if self.questionnaire.id == dora::QUESTIONNAIRE_ID => {
                dora::place(&Delivery::from_answers(&run.answers), edition)
                    .map(|p| p.nearest)
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let row = TeamRow {
            team,
            latest,
            scores,
            overall,
            previous,
            previous_overall,
            movement: verdict(previous_overall, overall),
            clusters,
            overdue: experiments::overdue(runs, self.today).len(),
        };
        (row, latest_score)
    }

    /// The portfolio of every team added, with what the teams share.
    fn finish(self) -> Portfolio<'s> {
        let clusters = match self.edition {
            Some(edition) if self.questionnaire.id == dora::QUESTIONNAIRE_ID => {
                cluster_spread(&self.rows, edition)
            }
            _ => Vec::new(),
        };
        Portfolio {
            shared: shared(&self.dimensions, &self.results),
            lowest_questions: lowest_questions(self.questionnaire, &self.results),
            trend: trend(self.questionnaire, &self.dimensions, &self.quarters),
            dimensions: self.dimensions,
            rows: self.rows,
            clusters,
            experiments: self.experiments,
        }
    }
}

fn shared(
    dimensions: &[(String, String)],
    results: &[(&Team, &Run, QuestionnaireScore)],
) -> Vec<Shared> {
    let mut out: Vec<Shared> = dimensions
        .iter()
        .map(|(id, name)| {
            let scores: Vec<f64> = results
                .iter()
                .filter_map(|(_, _, s)| s.dimensions.iter().find(|d| &d.dimension == id)?.score)
                .collect();
            Shared {
                dimension: id.clone(),
                name: name.clone(),
                teams: results
                    .iter()
                    .filter(|(_, _, s)| s.weakest().iter().any(|d| &d.dimension == id))
                    .count(),
                mean: (!scores.is_empty())
                    .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
            }
        })
        .filter(|s| s.teams > 0)
        .collect();
    out.sort_by(|a, b| {
        b.teams
            .cmp(&a.teams)
            .then_with(|| a.mean.unwrap_or(0.0).total_cmp(&b.mean.unwrap_or(0.0)))
    });
    out
}

/// The most questions [`Portfolio::lowest_questions`] lists.
pub const LOWEST_QUESTIONS: usize = 5;

fn lowest_questions(
    questionnaire: &Questionnaire,
    results: &[(&Team, &Run, QuestionnaireScore)],
) -> Vec<LowQuestion> {
    // Question id -> (teams for which it is among the lowest, sum of scores, answers).
    let mut tally: BTreeMap<&str, (usize, f64, usize)> = BTreeMap::new();
    for (_, run, _) in results {
        let scored: Vec<(&str, f64)> = questionnaire
            .questions
            .iter()
            .filter_map(|q| Some((q.id.as_str(), question_score(q, *run.answers.get(&q.id)?)?)))
            .collect();
        let lowest = scored.iter().map(|(_, s)| *s).fold(f64::INFINITY, f64::min);
        for (id, s) in scored {
            let entry = tally.entry(id).or_default();
            entry.1 += s;
            entry.2 += 1;
            if (s - lowest).abs() <= TIE_EPSILON {
                entry.0 += 1;
            }
        }
    }
    let mut out: Vec<LowQuestion> = tally
        .into_iter()
        .filter(|(_, (teams, _, _))| *teams > 0)
        .filter_map(|(id, (teams, sum, n))| {
            let q = questionnaire.question(id)?;
            Some(LowQuestion {
                question: id.to_string(),
                text: q.text.clone(),
                dimension: questionnaire
                    .dimension(&q.dimension)
                    .map_or_else(String::new, |d| d.name.clone()),
                teams,
                mean: sum / n as f64,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.teams
            .cmp(&a.teams)
            .then_with(|| a.mean.total_cmp(&b.mean))
    });
    out.truncate(LOWEST_QUESTIONS);
    out
}

fn cluster_spread(rows: &[TeamRow], edition: &Edition) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = edition
        .clusters
        .iter()
        .map(|c| (c.name.to_string(), 0))
        .collect();
    let mut unplaced = 0;
    for row in rows.iter().filter(|r| r.latest.is_some()) {
        let label = row.clusters.join(" / ");
        if label.is_empty() {
            unplaced += 1;
        } else if let Some(entry) = counts.iter_mut().find(|(n, _)| *n == label) {
            entry.1 += 1;
        } else {
            counts.push((label, 1));
        }
    }
    counts.push((String::new(), unplaced));
    counts
}

fn trend(
    questionnaire: &Questionnaire,
    dimensions: &[(String, String)],
    quarters: &BTreeMap<String, BTreeMap<&TeamId, &Run>>,
) -> Vec<QuarterRow> {
    let mut out = Vec::new();
    for (quarter, runs) in quarters {
        let scores: Vec<QuestionnaireScore> = runs
            .values()
            .map(|r| score(questionnaire, &r.answers))
            .collect();
        let overall = ("".to_string(), questionnaire.title.clone());
        for (id, name) in std::iter::once(&overall).chain(dimensions) {
            let values: Vec<f64> = scores
                .iter()
                .filter_map(|s| match id.as_str() {
                    "" => s.overall,
                    id => s.dimensions.iter().find(|d| d.dimension == id)?.score,
                })
                .collect();
            if values.is_empty() {
                continue;
            }
            out.push(QuarterRow {
                quarter: quarter.clone(),
                dimension: id.clone(),
                name: name.clone(),
                teams: values.len(),
                mean: values.iter().sum::<f64>() / values.len() as f64,
                min: values.iter().copied().fold(f64::INFINITY, f64::min),
                max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            });
        }
    }
    out
}

/// How the heat map is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Team,
    /// By the dimension at this index of [`Portfolio::dimensions`].
    Dimension(usize),
    Overall,
}

/// What sorting the heat map reads of a row: the team's name, its scores per
/// dimension and its overall score.
pub trait Sortable {
    fn name(&self) -> &str;
    fn scores(&self) -> &[Option<f64>];
    fn overall(&self) -> Option<f64>;
}

impl Sortable for TeamRow<'_> {
    fn name(&self) -> &str {
        &self.team.name
    }
    fn scores(&self) -> &[Option<f64>] {
        &self.scores
    }
    fn overall(&self) -> Option<f64> {
        self.overall
    }
}

/// Sorts the heat map's rows; teams without a score on the key come last either
/// way, ties stay in name order.
pub fn sort_rows<R: Sortable>(rows: &mut [R], by: SortBy, descending: bool) {
    let key = |row: &R| match by {
        SortBy::Team => None,
        SortBy::Dimension(i) => row.scores().get(i).copied().flatten(),
        SortBy::Overall => row.overall(),
    };
    rows.sort_by(|a, b| {
        let by_name = a.name().to_lowercase().cmp(&b.name().to_lowercase());
        let order = match (key(a), key(b)) {
            _ if by == SortBy::Team => by_name,
            (Some(x), Some(y)) => x.total_cmp(&y).then(by_name),
            (Some(_), None) => return std::cmp::Ordering::Less,
            (None, Some(_)) => return std::cmp::Ordering::Greater,
            (None, None) => return by_name,
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
}

/// The letters standing for the `index`th team (from 0) when names are hidden:
/// A … Z, AA, AB, …
pub fn letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
