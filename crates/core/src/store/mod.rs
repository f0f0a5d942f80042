//! Everything the app keeps, inside one versioned envelope: teams and their runs,
//! workshops, participations and questionnaires of the user's own.
//!
//! The envelope carries an app marker, a schema version, a revision counter and the
//! time of the last change, so a reader can tell our data from someone else's, an
//! older format from a newer one, and a stale copy from a fresh one. Reading it is
//! in [`decode`] (never trusting its input); the changes it accepts are grouped by
//! what they change: [`teams`], [`runs`], [`workshops`], [`participations`] and
//! [`questionnaires`]. Each change checks its input, applies itself whole or not at
//! all, and marks the store with [`Store::touch`].

pub mod collect;
mod decode;
pub mod export;
pub mod import;
mod participations;
mod questionnaires;
mod runs;
pub mod split;
mod teams;
mod workshops;

pub use teams::checked_tags;
pub use workshops::Added;

use crate::assessment::catalog::Catalog;
use crate::assessment::model::Questionnaire;
use crate::assessment::records::MAX_MEASUREMENT_JSON;
use crate::assessment::records::{Millis, Participation, Run, Team, TeamId, Workshop};
use crate::error::ChangeError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Marks a stored value as ours.
pub const APP_MARKER: &str = "devops-maturity";
/// The envelope schema this build writes. Older ones are migrated on read.
///
/// History: 1 shipped first (flat answers); 2 groups answers by questionnaire and
/// adds team archiving and run notes; 3 adds workshops, participations, action
/// items and a run's workshop record; 4 adds team tags and actions run as
/// experiments (a target to move, checked by the next assessment). Every shipped schema has a fixture in
/// `crates/core/tests/fixtures/` and a test that it migrates to this one.
pub const STORE_SCHEMA: u32 = 4;

/// The whole saved state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    pub app: String,
    pub schema: u32,
    /// Bumped on every change, so a newer copy can be told from an older one.
    pub revision: u64,
    pub updated_at: Millis,
    pub teams: Vec<Team>,
    pub runs: Vec<Run>,
    /// Workshops this device facilitates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workshops: Vec<Workshop>,
    /// Workshops this device takes part in, with this participant's answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participations: Vec<Participation>,
    /// Questionnaires of the user's own, used like the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questionnaires: Vec<Questionnaire>,
    /// In browser storage only: the entries that keep the runs, one per team
    /// ([`split`]). Always empty in memory and in backups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runs_in: Vec<String>,
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

impl Store {
    pub fn new() -> Store {
        Store {
            app: APP_MARKER.to_string(),
            schema: STORE_SCHEMA,
            revision: 0,
            updated_at: 0,
            teams: Vec::new(),
            runs: Vec::new(),
            workshops: Vec::new(),
            participations: Vec::new(),
            questionnaires: Vec::new(),
            runs_in: Vec::new(),
        }
    }

    /// The stored text for this state.
    pub fn encode(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Marks a change made at `now`.
    pub fn touch(&mut self, now: Millis) {
        self.revision = self.revision.saturating_add(1);
        self.updated_at = now;
    }

    /// Drops workshop records that cannot be used (a team that no longer exists, an
    /// id used twice, a workshop joined twice): damage there must not cost the
    /// teams and runs, so it is repaired rather than refused. Returns how many
    /// records were dropped.
    pub fn repair(&mut self) -> usize {
        let before = self.workshops.len() + self.participations.len();
        let teams: BTreeSet<TeamId> = self.teams.iter().map(|t| t.id.clone()).collect();
        let mut seen = BTreeSet::new();
        self.workshops
            .retain(|w| teams.contains(&w.team) && seen.insert(w.id));
        let mut joined = BTreeSet::new();
        self.participations.retain(|p| joined.insert(p.workshop));
        // Tags the app would not have kept (too many, too long) are cut to what it
        // keeps: a label is not worth refusing a team's data for. (Tags the same
        // but for case are left: the page that sets tags merges those.)
        for team in &mut self.teams {
            team.tags.retain(|t| !t.trim().is_empty());
            team.tags.truncate(crate::limits::MAX_TAGS);
            for tag in &mut team.tags {
                if tag.chars().count() > crate::limits::MAX_TAG {
                    *tag = tag.chars().take(crate::limits::MAX_TAG).collect();
                }
            }
        }
        before - self.workshops.len() - self.participations.len()
    }

    /// Consistency rules serde cannot express: unique ids, and every run belonging
    /// to a team that exists.
    pub fn check(&self) -> Result<(), String> {
        let mut team_ids = BTreeSet::new();
        for team in &self.teams {
            if !team_ids.insert(&team.id) {
                return Err(format!("team id {:?} appears twice", team.id.0));
            }
        }
        let mut run_ids = BTreeSet::new();
        for run in &self.runs {
            if !run_ids.insert(&run.id) {
                return Err(format!("run id {:?} appears twice", run.id.0));
            }
            if !team_ids.contains(&run.team) {
                return Err(format!(
                    "run {:?} belongs to a team that does not exist",
                    run.id.0
                ));
            }
            if run
                .measured
                .as_ref()
                .is_some_and(|m| m.len() > MAX_MEASUREMENT_JSON)
            {
                return Err(format!("run {:?}: its measurement is too long", run.id.0));
            }
        }
        Ok(())
    }

    /// The questionnaires this store's answers are read against: the built-in ones
    /// and the user's own kept here.
    pub fn catalog(&self) -> Catalog {
        Catalog::builtin().with_custom(&self.questionnaires)
    }

    /// Refuses `answer` to `question` when the question is known (built in, or one
    /// of the user's own kept here) and does not accept it. `None` (clearing an
    /// answer) always fits.
    pub(crate) fn check_fits(&self, question: &str, answer: Option<u8>) -> Result<(), ChangeError> {
        let Some(value) = answer else {
            return Ok(());
        };
        let builtin = Catalog::builtin();
        let known = builtin.question(question).or_else(|| {
            self.questionnaires
                .iter()
                .find_map(|q| q.question(question))
        });
        match known {
            Some(q) if !q.accepts(value) => Err(ChangeError::NotAnAnswer),
            _ => Ok(()),
        }
    }

    /// Drops every answer a known question does not accept (the 8th choice of a
    /// 5-choice question, from a damaged or hand-made file), so that every view
    /// counts and scores the same answers. Answers to questions `catalog` does not
    /// know are kept as they are. Returns how many were dropped.
    pub fn drop_unfit_answers(&mut self, catalog: &Catalog) -> usize {
        let mut fit = Fit::new(catalog);
        let mut dropped = 0;
        for run in &mut self.runs {
            dropped += fit.keep(&mut run.answers);
            for (id, values) in run.workshop.iter_mut().flat_map(|r| r.spread.iter_mut()) {
                let before = values.len();
                values.retain(|v| fit.fits(id, *v));
                dropped += before - values.len();
            }
        }
        for workshop in &mut self.workshops {
            dropped += fit.keep(&mut workshop.agreed);
            for submission in &mut workshop.submissions {
                dropped += fit.keep(&mut submission.answers);
            }
        }
        for participation in &mut self.participations {
            dropped += fit.keep(&mut participation.answers);
        }
        dropped
    }
}

/// Whether answers fit their questions, with the questions indexed once per
/// questionnaire the answers name (a store of hundreds of runs holds tens of
/// thousands of answers); questionnaires no answer names are not even parsed.
struct Fit<'c> {
    catalog: &'c Catalog,
    /// Questions by id, per question-id prefix; `None`: no questionnaire has it.
    index: BTreeMap<String, Option<BTreeMap<&'c str, &'c crate::assessment::model::Question>>>,
}

impl<'c> Fit<'c> {
    fn new(catalog: &'c Catalog) -> Self {
        Fit {
            catalog,
            index: BTreeMap::new(),
        }
    }

    fn fits(&mut self, id: &str, value: u8) -> bool {
        let prefix = id.split_once('.').map_or(id, |(prefix, _)| prefix);
        let questions = match self.index.get(prefix) {
            Some(questions) => questions,
            None => {
                let catalog = self.catalog;
                let questions = catalog
                    .by_prefix(prefix)
                    .map(|q| q.questions.iter().map(|q| (q.id.as_str(), q)).collect());
                self.index.entry(prefix.to_string()).or_insert(questions)
            }
        };
        questions
            .as_ref()
            .and_then(|questions| questions.get(id))
            .is_none_or(|q| q.accepts(value))
    }

    /// Drops the answers that do not fit; returns how many.
    fn keep(&mut self, answers: &mut BTreeMap<String, u8>) -> usize {
        let before = answers.len();
        answers.retain(|id, value| self.fits(id, *value));
        before - answers.len()
    }
}

/// Removes the items `doomed` picks, or refuses with `missing` when there are none
/// (deleted meanwhile in another tab). Returns how many went.
pub(crate) fn remove_where<T>(
    items: &mut Vec<T>,
    doomed: impl Fn(&T) -> bool,
    missing: ChangeError,
) -> Result<usize, ChangeError> {
    let before = items.len();
    items.retain(|item| !doomed(item));
    match before - items.len() {
        0 => Err(missing),
        removed => Ok(removed),
    }
}

/// Records `answer` for `question`, or with `None` removes it.
pub(crate) fn set_or_clear(answers: &mut BTreeMap<String, u8>, question: &str, answer: Option<u8>) {
    match answer {
        Some(value) => answers.insert(question.to_string(), value),
        None => answers.remove(question),
    };
}
