//! Everything the app keeps: teams and their runs, inside one versioned envelope.
//!
//! The envelope carries an app marker, a schema version, a revision counter and the
//! time of the last change, so a reader can tell our data from someone else's, an
//! older format from a newer one, and a stale copy from a fresh one. Decoding never
//! trusts its input: anything unexpected becomes a [`DecodeError`], never a panic.

use crate::model::{Millis, Run, RunId, Team, TeamId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

/// Marks a stored value as ours.
pub const APP_MARKER: &str = "devops-maturity";
/// The envelope schema this build writes. Older ones are migrated on read.
pub const STORE_SCHEMA: u32 = 1;
/// Longest team name accepted, in characters.
pub const MAX_TEAM_NAME: usize = 80;

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
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("it is not valid JSON ({0})")]
    NotJson(String),
    #[error("it was not written by this app")]
    Foreign,
    #[error("it was saved by a newer version of this app (format {found}; this version reads up to {supported}); open it with the newer version")]
    Newer { found: u32, supported: u32 },
    #[error("it uses format {0}, which this version cannot read")]
    Unsupported(u32),
    #[error("its contents are damaged ({0})")]
    Damaged(String),
}

/// Why a change to the store was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChangeError {
    #[error("Give the team a name.")]
    EmptyTeamName,
    #[error("Team names can be at most {MAX_TEAM_NAME} characters long.")]
    TeamNameTooLong,
    #[error("Choose at least one questionnaire.")]
    NoQuestionnaire,
    #[error("That assessment no longer exists; it may have been deleted in another tab.")]
    UnknownRun,
    #[error("That assessment is finished; its answers can no longer change.")]
    RunFinished,
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
        }
    }

    /// Reads a stored value, migrating older formats and refusing anything else.
    pub fn decode(text: &str) -> Result<Store, DecodeError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
        let object = value.as_object().ok_or(DecodeError::Foreign)?;
        if object.get("app").and_then(|a| a.as_str()) != Some(APP_MARKER) {
            return Err(DecodeError::Foreign);
        }
        let schema = object
            .get("schema")
            .and_then(|s| s.as_u64())
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| DecodeError::Damaged("the format version is missing".into()))?;
        if schema > STORE_SCHEMA {
            return Err(DecodeError::Newer {
                found: schema,
                supported: STORE_SCHEMA,
            });
        }
        if schema < STORE_SCHEMA {
            // No older format has shipped yet; migrations land here when one does.
            return Err(DecodeError::Unsupported(schema));
        }
        let store: Store =
            serde_json::from_value(value).map_err(|e| DecodeError::Damaged(e.to_string()))?;
        store.check().map_err(DecodeError::Damaged)?;
        Ok(store)
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

    /// The team called `name` (ignoring case and surrounding space), if any.
    pub fn team_named(&self, name: &str) -> Option<&Team> {
        let wanted = name.trim().to_lowercase();
        self.teams.iter().find(|t| t.name.to_lowercase() == wanted)
    }

    pub fn team(&self, id: &TeamId) -> Option<&Team> {
        self.teams.iter().find(|t| &t.id == id)
    }

    pub fn run(&self, id: &RunId) -> Option<&Run> {
        self.runs.iter().find(|r| &r.id == id)
    }

    /// Runs of `team`, newest first.
    pub fn runs_of(&self, team: &TeamId) -> Vec<&Run> {
        let mut runs: Vec<&Run> = self.runs.iter().filter(|r| &r.team == team).collect();
        runs.sort_by_key(|r| std::cmp::Reverse(r.started_at));
        runs
    }

    /// Teams, most recently active first.
    pub fn teams_by_activity(&self) -> Vec<&Team> {
        let last_activity = |team: &Team| {
            self.runs
                .iter()
                .filter(|r| r.team == team.id)
                .map(|r| r.finished_at.unwrap_or(r.started_at))
                .max()
                .unwrap_or(team.created_at)
        };
        let mut teams: Vec<&Team> = self.teams.iter().collect();
        teams.sort_by_key(|t| std::cmp::Reverse(last_activity(t)));
        teams
    }

    /// Starts a run for the team called `team_name`, creating the team (with id
    /// `new_team`) if there is none by that name. Returns the run's id.
    pub fn start_run(
        &mut self,
        team_name: &str,
        questionnaires: Vec<String>,
        new_team: TeamId,
        new_run: RunId,
        now: Millis,
    ) -> Result<RunId, ChangeError> {
        let name = team_name.trim();
        if name.is_empty() {
            return Err(ChangeError::EmptyTeamName);
        }
        if name.chars().count() > MAX_TEAM_NAME {
            return Err(ChangeError::TeamNameTooLong);
        }
        if questionnaires.is_empty() {
            return Err(ChangeError::NoQuestionnaire);
        }
        let team = match self.team_named(name) {
            Some(team) => team.id.clone(),
            None => {
                self.teams.push(Team {
                    id: new_team.clone(),
                    name: name.to_string(),
                    created_at: now,
                });
                new_team
            }
        };
        self.runs.push(Run {
            id: new_run.clone(),
            team,
            questionnaires,
            started_at: now,
            finished_at: None,
            answers: Default::default(),
            position: 0,
        });
        self.touch(now);
        Ok(new_run)
    }

    /// Records `choice` for `question` in an unfinished run.
    pub fn answer(
        &mut self,
        run: &RunId,
        question: &str,
        choice: u8,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let run = self.open_run_mut(run)?;
        run.answers.insert(question.to_string(), choice);
        self.touch(now);
        Ok(())
    }

    /// Removes the answer to `question` from an unfinished run.
    pub fn clear_answer(
        &mut self,
        run: &RunId,
        question: &str,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let run = self.open_run_mut(run)?;
        run.answers.remove(question);
        self.touch(now);
        Ok(())
    }

    /// Moves an unfinished run to the question at `position`.
    pub fn set_position(
        &mut self,
        run: &RunId,
        position: usize,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let run = self.open_run_mut(run)?;
        run.position = position;
        self.touch(now);
        Ok(())
    }

    /// Finishes a run; its answers are final from then on.
    pub fn finish(&mut self, run: &RunId, now: Millis) -> Result<(), ChangeError> {
        let run = self.open_run_mut(run)?;
        run.finished_at = Some(now);
        self.touch(now);
        Ok(())
    }

    /// Reopens a finished run so its answers can be changed again.
    pub fn reopen(&mut self, run: &RunId, now: Millis) -> Result<(), ChangeError> {
        let run = self
            .runs
            .iter_mut()
            .find(|r| &r.id == run)
            .ok_or(ChangeError::UnknownRun)?;
        run.finished_at = None;
        self.touch(now);
        Ok(())
    }

    fn open_run_mut(&mut self, id: &RunId) -> Result<&mut Run, ChangeError> {
        let run = self
            .runs
            .iter_mut()
            .find(|r| &r.id == id)
            .ok_or(ChangeError::UnknownRun)?;
        if run.is_finished() {
            return Err(ChangeError::RunFinished);
        }
        Ok(run)
    }

    /// Consistency rules serde cannot express.
    fn check(&self) -> Result<(), String> {
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
        }
        Ok(())
    }
}
