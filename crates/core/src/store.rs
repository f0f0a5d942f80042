//! Everything the app keeps: teams and their runs, inside one versioned envelope.
//!
//! The envelope carries an app marker, a schema version, a revision counter and the
//! time of the last change, so a reader can tell our data from someone else's, an
//! older format from a newer one, and a stale copy from a fresh one. Decoding never
//! trusts its input: anything unexpected becomes a [`DecodeError`], never a panic.

use crate::model::{Millis, Run, RunId, Team, TeamId};
use crate::workshop::{Participation, Workshop};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

/// Marks a stored value as ours.
pub const APP_MARKER: &str = "devops-maturity";
/// The envelope schema this build writes. Older ones are migrated on read.
///
/// History: 1 shipped first (flat answers); 2 groups answers by questionnaire and
/// adds team archiving and run notes; 3 adds workshops, participations, action
/// items and a run's workshop record. Every shipped schema has a fixture in
/// `crates/core/tests/fixtures/` and a test that it migrates to this one.
pub const STORE_SCHEMA: u32 = 3;
/// Longest team name accepted, in characters.
pub const MAX_TEAM_NAME: usize = 80;
/// Longest run notes accepted, in characters.
pub const MAX_NOTES: usize = 4000;

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
    pub questionnaires: Vec<crate::model::Questionnaire>,
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
    #[error("That team no longer exists; it may have been deleted in another tab.")]
    UnknownTeam,
    #[error("There is already a team called \"{0}\".")]
    TeamNameTaken(String),
    #[error("Notes can be at most {MAX_NOTES} characters long.")]
    NotesTooLong,
    /// The value the user was editing was changed elsewhere (another tab) since they
    /// began; `theirs` is the value now saved. Nothing was changed: the user chooses.
    #[error(
        "This was changed in another tab while you were editing it; it now reads \"{theirs}\"."
    )]
    EditedElsewhere { theirs: String },
    #[error("That workshop is not on this device; it may have been deleted in another tab.")]
    UnknownWorkshop,
    #[error("This workshop has been saved as the team's assessment; it can no longer change.")]
    WorkshopSaved,
    #[error("Could not start the workshop: please try again.")]
    WorkshopIdTaken,
    #[error("That participant's answers are no longer in this workshop.")]
    UnknownParticipant,
    #[error(
        "This workshop already holds answers from {} participants, the most it takes.",
        crate::workshop::MAX_PARTICIPANTS
    )]
    TooManyParticipants,
    #[error("Collect at least one participant's answers first.")]
    NoAnswers,
    #[error("Say what the action is.")]
    EmptyAction,
    #[error(
        "Actions and owners can be at most {} characters long.",
        crate::model::MAX_ACTION
    )]
    ActionTooLong,
    #[error("Give the due date as a date (YYYY-MM-DD), or leave it empty.")]
    BadDate,
    #[error("That action no longer exists; it may have been removed in another tab.")]
    UnknownAction,
    /// An import refused (the message says why); nothing was changed.
    #[error("{0}")]
    Import(String),
    /// A questionnaire file refused (the message says why and where).
    #[error("{0}")]
    Questionnaire(String),
    #[error(
        "This browser already keeps {} questionnaires of your own; remove one first.",
        crate::catalog::MAX_CUSTOM
    )]
    TooManyQuestionnaires,
    #[error("That questionnaire is used by {0} assessment(s) or workshop(s): it cannot be removed or changed, so their answers keep their meaning. Give a changed version a new id.")]
    QuestionnaireInUse(usize),
    #[error("There is no questionnaire of your own with that id.")]
    UnknownQuestionnaire,
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
        }
    }

    /// Reads a stored value, migrating older formats and refusing anything else.
    ///
    /// The text is parsed straight into typed structs of its own format (never into a
    /// generic JSON tree), so a store of hundreds of runs reads in milliseconds.
    pub fn decode(text: &str) -> Result<Store, DecodeError> {
        // The usual case, a store in the current format: one typed pass.
        if let Ok(store) = serde_json::from_str::<Store>(text) {
            if store.app == APP_MARKER && store.schema == STORE_SCHEMA {
                let mut store = store;
                store.check().map_err(DecodeError::Damaged)?;
                store.repair();
                return Ok(store);
            }
        }
        // Anything else: find out whose it is and which format, then read or refuse.
        if !text.trim_start().starts_with('{') {
            // Not an object: someone else's JSON, or not JSON at all.
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => DecodeError::Foreign,
                Err(e) => DecodeError::NotJson(e.to_string()),
            });
        }
        let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => DecodeError::Foreign,
            _ => DecodeError::NotJson(e.to_string()),
        })?;
        if header.app.as_ref().and_then(|a| a.as_str()) != Some(APP_MARKER) {
            return Err(DecodeError::Foreign);
        }
        let schema = header
            .schema
            .as_ref()
            .and_then(|s| s.as_u64())
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| DecodeError::Damaged("the format version is missing".into()))?;
        let damaged = |e: serde_json::Error| DecodeError::Damaged(format!("{e} (format {schema})"));
        let store = match schema {
            STORE_SCHEMA => serde_json::from_str::<Store>(text).map_err(damaged)?,
            // Schema 3 only added optional parts: a schema 2 store reads as one.
            2 => Store {
                schema: STORE_SCHEMA,
                ..serde_json::from_str::<v2::Store>(text).map_err(damaged)?.0
            },
            1 => Store::from(serde_json::from_str::<v1::Store>(text).map_err(damaged)?),
            newer if newer > STORE_SCHEMA => {
                return Err(DecodeError::Newer {
                    found: newer,
                    supported: STORE_SCHEMA,
                })
            }
            older => return Err(DecodeError::Unsupported(older)),
        };
        store.check().map_err(DecodeError::Damaged)?;
        let mut store = store;
        store.repair();
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
        self.teams.iter().find(|t| same_name(&t.name, name))
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
        if questionnaires.is_empty() {
            return Err(ChangeError::NoQuestionnaire);
        }
        let team = self.team_for(team_name, new_team, now)?;
        self.runs.push(Run {
            id: new_run.clone(),
            team,
            questionnaires,
            started_at: now,
            finished_at: None,
            answers: Default::default(),
            position: 0,
            notes: String::new(),
            actions: Vec::new(),
            workshop: None,
        });
        self.touch(now);
        Ok(new_run)
    }

    /// The id of the team called `team_name`, created with id `new_team` if there is
    /// none. Assessing an archived team again brings it back.
    pub(crate) fn team_for(
        &mut self,
        team_name: &str,
        new_team: TeamId,
        now: Millis,
    ) -> Result<TeamId, ChangeError> {
        let name = team_name.trim();
        if name.is_empty() {
            return Err(ChangeError::EmptyTeamName);
        }
        if name.chars().count() > MAX_TEAM_NAME {
            return Err(ChangeError::TeamNameTooLong);
        }
        Ok(
            match self.teams.iter_mut().find(|t| same_name(&t.name, name)) {
                Some(team) => {
                    team.archived = false;
                    team.id.clone()
                }
                None => {
                    self.teams.push(Team {
                        id: new_team.clone(),
                        name: name.to_string(),
                        created_at: now,
                        archived: false,
                    });
                    new_team
                }
            },
        )
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

    /// Renames a team. `was` is the name the user saw when they began editing: if
    /// the team has been renamed since (in another tab), nothing changes and the
    /// error carries the name now saved.
    pub fn rename_team(
        &mut self,
        id: &TeamId,
        was: &str,
        name: &str,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ChangeError::EmptyTeamName);
        }
        if name.chars().count() > MAX_TEAM_NAME {
            return Err(ChangeError::TeamNameTooLong);
        }
        if let Some(other) = self.team_named(name).filter(|t| &t.id != id) {
            return Err(ChangeError::TeamNameTaken(other.name.clone()));
        }
        let team = self.team_mut(id)?;
        if team.name != was {
            return Err(ChangeError::EditedElsewhere {
                theirs: team.name.clone(),
            });
        }
        team.name = name.to_string();
        self.touch(now);
        Ok(())
    }

    /// Archives or restores a team; its runs are kept either way.
    pub fn set_archived(
        &mut self,
        id: &TeamId,
        archived: bool,
        now: Millis,
    ) -> Result<(), ChangeError> {
        self.team_mut(id)?.archived = archived;
        self.touch(now);
        Ok(())
    }

    /// Deletes a team and every run it has. Returns how many runs went with it.
    pub fn delete_team(&mut self, id: &TeamId, now: Millis) -> Result<usize, ChangeError> {
        remove_where(&mut self.teams, |t| &t.id == id, ChangeError::UnknownTeam)?;
        let runs = self.runs.len();
        self.runs.retain(|r| &r.team != id);
        self.workshops.retain(|w| &w.team != id);
        self.touch(now);
        Ok(runs - self.runs.len())
    }

    /// Deletes one run.
    pub fn delete_run(&mut self, id: &RunId, now: Millis) -> Result<(), ChangeError> {
        remove_where(&mut self.runs, |r| &r.id == id, ChangeError::UnknownRun)?;
        // A saved workshop keeps nothing but a pointer to its run: it goes too.
        self.workshops.retain(|w| w.run.as_ref() != Some(id));
        self.touch(now);
        Ok(())
    }

    /// Replaces a run's notes. `was` is the text the user began editing from: if the
    /// notes have changed since (in another tab), nothing changes and the error
    /// carries the text now saved. Finished runs keep taking notes.
    pub fn set_notes(
        &mut self,
        id: &RunId,
        was: &str,
        notes: &str,
        now: Millis,
    ) -> Result<(), ChangeError> {
        if notes.chars().count() > MAX_NOTES {
            return Err(ChangeError::NotesTooLong);
        }
        let run = self
            .runs
            .iter_mut()
            .find(|r| &r.id == id)
            .ok_or(ChangeError::UnknownRun)?;
        if run.notes != was {
            return Err(ChangeError::EditedElsewhere {
                theirs: run.notes.clone(),
            });
        }
        if run.notes == notes {
            return Ok(());
        }
        run.notes = notes.to_string();
        self.touch(now);
        Ok(())
    }

    fn team_mut(&mut self, id: &TeamId) -> Result<&mut Team, ChangeError> {
        self.teams
            .iter_mut()
            .find(|t| &t.id == id)
            .ok_or(ChangeError::UnknownTeam)
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
        }
        Ok(())
    }
}

impl Store {
    /// Adds a questionnaire of the user's own (already parsed), or replaces the one
    /// with its id. `builtin` is the app's own catalog: the file is checked against
    /// it and the other questionnaires kept here. Returns whether one was replaced.
    pub fn add_questionnaire(
        &mut self,
        q: crate::model::Questionnaire,
        builtin: &crate::catalog::Catalog,
        now: Millis,
    ) -> Result<bool, ChangeError> {
        let others: Vec<crate::model::Questionnaire> = self
            .questionnaires
            .iter()
            .filter(|o| o.id != q.id)
            .cloned()
            .collect();
        builtin
            .with_custom(&others)
            .check_custom(&q)
            .map_err(|e| ChangeError::Questionnaire(e.to_string()))?;
        let uses = self.uses_of(&q.id);
        let replaced = match self.questionnaires.iter_mut().find(|o| o.id == q.id) {
            Some(existing) if *existing == q => return Ok(true),
            // Old answers would be read against the new questions: a new id is needed.
            Some(_) if uses > 0 => return Err(ChangeError::QuestionnaireInUse(uses)),
            Some(existing) => {
                *existing = q;
                true
            }
            None => {
                if self.questionnaires.len() >= crate::catalog::MAX_CUSTOM {
                    return Err(ChangeError::TooManyQuestionnaires);
                }
                self.questionnaires.push(q);
                false
            }
        };
        self.touch(now);
        Ok(replaced)
    }

    /// How many runs, workshops and participations use questionnaire `id`.
    pub fn uses_of(&self, id: &str) -> usize {
        let uses = |list: &[String]| list.iter().any(|q| q == id);
        self.runs.iter().filter(|r| uses(&r.questionnaires)).count()
            + self
                .workshops
                .iter()
                .filter(|w| uses(&w.questionnaires))
                .count()
            + self
                .participations
                .iter()
                .filter(|p| uses(&p.questionnaires))
                .count()
    }

    /// Removes a questionnaire of the user's own that nothing uses.
    pub fn remove_questionnaire(&mut self, id: &str, now: Millis) -> Result<(), ChangeError> {
        let uses = self.uses_of(id);
        if uses > 0 {
            return Err(ChangeError::QuestionnaireInUse(uses));
        }
        remove_where(
            &mut self.questionnaires,
            |q| q.id == id,
            ChangeError::UnknownQuestionnaire,
        )?;
        self.touch(now);
        Ok(())
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

/// Whether two team names are the same name (ignoring case and surrounding space).
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Just enough of a stored value to tell whose it is and which format it uses.
#[derive(Deserialize)]
struct Header {
    app: Option<serde_json::Value>,
    schema: Option<serde_json::Value>,
}

/// Schema 1, the first shipped format: answers stored flat (`"calms.lean.wip": 2`),
/// no team archiving, no run notes. Read only, to migrate.
mod v1 {
    use crate::model::{Millis, RunId, Team, TeamId};
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Store {
        #[allow(dead_code)]
        pub app: String,
        #[allow(dead_code)]
        pub schema: u32,
        pub revision: u64,
        pub updated_at: Millis,
        pub teams: Vec<Team>,
        pub runs: Vec<Run>,
    }

    #[derive(Deserialize)]
    pub struct Run {
        pub id: RunId,
        pub team: TeamId,
        pub questionnaires: Vec<String>,
        pub started_at: Millis,
        #[serde(default)]
        pub finished_at: Option<Millis>,
        #[serde(default)]
        pub answers: BTreeMap<String, u8>,
        #[serde(default)]
        pub position: usize,
    }
}

/// Schema 2: schema 3 without workshops, participations, actions or workshop
/// records. Read only, to migrate; refuses anything schema 3 added.
mod v2 {
    use serde::{Deserialize, Deserializer};

    pub struct Store(pub super::Store);

    impl<'de> Deserialize<'de> for Store {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Store, D::Error> {
            let store = super::Store::deserialize(d)?;
            let added = !store.workshops.is_empty()
                || !store.participations.is_empty()
                || store
                    .runs
                    .iter()
                    .any(|r| !r.actions.is_empty() || r.workshop.is_some());
            if added {
                return Err(serde::de::Error::custom(
                    "it holds workshop data, which format 2 cannot",
                ));
            }
            Ok(Store(store))
        }
    }
}

/// Schema 1 to the current one: the same teams, runs, answers and dates; the new
/// fields take their defaults (not archived, no notes).
impl From<v1::Store> for Store {
    fn from(old: v1::Store) -> Store {
        Store {
            app: APP_MARKER.to_string(),
            schema: STORE_SCHEMA,
            revision: old.revision,
            updated_at: old.updated_at,
            teams: old.teams,
            runs: old
                .runs
                .into_iter()
                .map(|r| Run {
                    id: r.id,
                    team: r.team,
                    questionnaires: r.questionnaires,
                    started_at: r.started_at,
                    finished_at: r.finished_at,
                    answers: r.answers,
                    position: r.position,
                    notes: String::new(),
                    actions: Vec::new(),
                    workshop: None,
                })
                .collect(),
            workshops: Vec::new(),
            participations: Vec::new(),
            questionnaires: Vec::new(),
        }
    }
}
