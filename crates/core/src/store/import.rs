//! Importing a backup made in another browser: read it as untrusted text, say what
//! merging it would add, join or replace, and merge only when the user confirms.
//!
//! A backup is the whole store, as "Download a backup of all data" writes it, in any
//! format this build reads. Teams, runs and workshops keep their ids, so importing
//! the same file twice adds nothing the second time. A team in the file whose name
//! matches a team here (but whose id does not) joins that team: its assessments
//! line up in one history instead of two teams of the same name.

use crate::assessment::records::{Millis, TeamId};
use crate::error::{ChangeError, DecodeError};
use crate::limits::{MAX_ACTION, MAX_IMPORT_BYTES, MAX_NOTES, MAX_TEAM_NAME};
use crate::store::Store;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a file cannot be imported. Nothing changes when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is too large to be a backup of this app ({size} bytes; at most {limit} bytes, about 5 MB).", limit = MAX_IMPORT_BYTES)]
    TooLarge { size: usize },
    #[error("The file cannot be imported: {0}.")]
    Unreadable(DecodeError),
    #[error("The file cannot be imported: {0}.")]
    Invalid(String),
}

/// What importing a file would do, computed against the store it would merge into.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// The file's contents, checked.
    pub incoming: Store,
    /// Names of teams the file adds.
    pub new_teams: Vec<String>,
    /// (name in the file, name here) of teams joining an existing team by name.
    pub joined_teams: Vec<(String, String)>,
    pub new_runs: usize,
    /// Runs here that the file's version would replace (same id, other contents).
    pub replaced_runs: usize,
    /// Runs already here exactly as in the file.
    pub unchanged_runs: usize,
    pub new_workshops: usize,
    /// Questionnaires of the user's own the file adds.
    pub new_questionnaires: usize,
    /// Answers in the file that their question does not take (left out).
    pub unfit_answers: usize,
    /// Incoming team id -> the id it takes here.
    team_ids: BTreeMap<TeamId, TeamId>,
}

impl ImportPlan {
    /// Whether importing would change anything at all.
    pub fn changes_nothing(&self) -> bool {
        self.new_teams.is_empty()
            && self.new_runs == 0
            && self.replaced_runs == 0
            && self.new_workshops == 0
            && self.new_questionnaires == 0
    }
}

/// Reads `text` as a backup and plans its merge into `current`.
pub fn plan_import(current: &Store, text: &str) -> Result<ImportPlan, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (mut incoming, unfit_answers) =
        Store::decode_reporting(text).map_err(ImportError::Unreadable)?;
    limits(&incoming).map_err(ImportError::Invalid)?;
    questionnaires(current, &incoming).map_err(ImportError::Invalid)?;
    for team in &mut incoming.teams {
        team.name = team.name.trim().to_string();
    }
    let mut team_ids = BTreeMap::new();
    let mut new_teams: Vec<String> = Vec::new();
    let mut joined_teams = Vec::new();
    // (name, id) of the teams the file adds so far: a second team of the same name
    // in the file joins the first instead of making two teams of one name.
    let mut added: Vec<(String, TeamId)> = Vec::new();
    for team in &incoming.teams {
        let here = current
            .team(&team.id)
            .or_else(|| current.team_named(&team.name))
            .map(|t| (t.id.clone(), t.name.clone()))
            .or_else(|| {
                added
                    .iter()
                    .find(|(name, _)| name.to_lowercase() == team.name.to_lowercase())
                    .map(|(name, id)| (id.clone(), name.clone()))
            });
        match here {
            Some((id, name)) => {
                if id != team.id || name != team.name {
                    joined_teams.push((team.name.clone(), name));
                }
                team_ids.insert(team.id.clone(), id);
            }
            None => {
                new_teams.push(team.name.clone());
                added.push((team.name.clone(), team.id.clone()));
                team_ids.insert(team.id.clone(), team.id.clone());
            }
        }
    }
    let (mut new_runs, mut replaced_runs, mut unchanged_runs) = (0, 0, 0);
    for run in &incoming.runs {
        let mut mapped = run.clone();
        mapped.team = team_ids.get(&run.team).cloned().unwrap_or(mapped.team);
        match current.run(&run.id) {
            None => new_runs += 1,
            Some(here) if *here == mapped => unchanged_runs += 1,
            Some(_) => replaced_runs += 1,
        }
    }
    let new_workshops = incoming
        .workshops
        .iter()
        .filter(|w| current.workshop(w.id).is_none())
        .count();
    let new_questionnaires = incoming
        .questionnaires
        .iter()
        .filter(|q| !current.questionnaires.iter().any(|h| h.id == q.id))
        .count();
    Ok(ImportPlan {
        new_questionnaires,
        unfit_answers,
        incoming,
        new_teams,
        joined_teams,
        new_runs,
        replaced_runs,
        unchanged_runs,
        new_workshops,
        team_ids,
    })
}

/// Merges a planned import: adds new teams, runs and workshops, replaces runs
/// the file has in another version, keeps everything else here as it is. The
/// result is checked before it replaces this store: a plan made against an
/// older state (a team deleted meanwhile) is refused, never saved half-valid.
pub fn merge(store: &mut Store, plan: ImportPlan, now: Millis) -> Result<(), ChangeError> {
    let mut next = store.clone();
    merge_unchecked(&mut next, plan, now);
    next.check().map_err(|e| {
        ChangeError::Import(format!(
            "The data changed while the import was prepared ({e}); choose the file again."
        ))
    })?;
    *store = next;
    Ok(())
}

fn merge_unchecked(store: &mut Store, plan: ImportPlan, now: Millis) {
    let ImportPlan {
        incoming, team_ids, ..
    } = plan;
    let map = |id: &TeamId| team_ids.get(id).cloned().unwrap_or_else(|| id.clone());
    for team in incoming.teams {
        if store.team(&team.id).is_none() && team_ids.get(&team.id) == Some(&team.id) {
            store.teams.push(team);
        } else if let Some(here) = store.teams.iter_mut().find(|t| t.id == map(&team.id)) {
            // A team joining one here brings its tags (as many as a team may carry).
            let both: Vec<String> = here.tags.iter().chain(&team.tags).cloned().collect();
            if let Ok(tags) = crate::store::checked_tags(&both) {
                here.tags = tags;
            }
        }
    }
    for mut run in incoming.runs {
        run.team = map(&run.team);
        match store.runs.iter_mut().find(|r| r.id == run.id) {
            Some(here) => *here = run,
            None => store.runs.push(run),
        }
    }
    for mut workshop in incoming.workshops {
        if store.workshop(workshop.id).is_none() {
            workshop.team = map(&workshop.team);
            store.workshops.push(workshop);
        }
    }
    for participation in incoming.participations {
        if store.participation(participation.workshop).is_none() {
            store.participations.push(participation);
        }
    }
    // Questionnaires of their own travel with the data; one with an id already
    // here keeps the version here.
    for questionnaire in incoming.questionnaires {
        if !store
            .questionnaires
            .iter()
            .any(|q| q.id == questionnaire.id)
        {
            store.questionnaires.push(questionnaire);
        }
    }
    store.repair();
    store.touch(now);
}

/// Plans and merges `text` in one step, against `store` as it is now.
pub fn import(store: &mut Store, text: &str, now: Millis) -> Result<ImportPlan, ChangeError> {
    let plan = plan_import(store, text).map_err(|e| ChangeError::Import(e.to_string()))?;
    merge(store, plan.clone(), now)?;
    Ok(plan)
}

/// The limits the app keeps when text is typed, applied to a file that may have
/// been written by hand: it names the first thing out of bounds.
fn limits(store: &Store) -> Result<(), String> {
    for (i, team) in store.teams.iter().enumerate() {
        let length = team.name.trim().chars().count();
        if length == 0 || length > MAX_TEAM_NAME {
            return Err(format!(
                "team {} has no name or a name longer than {MAX_TEAM_NAME} characters",
                i + 1
            ));
        }
    }
    for run in &store.runs {
        if run.notes.chars().count() > MAX_NOTES {
            return Err(format!(
                "assessment {:?} has notes longer than {MAX_NOTES} characters",
                short(&run.id.0)
            ));
        }
        for action in &run.actions {
            if action.what.chars().count() > MAX_ACTION || action.owner.chars().count() > MAX_ACTION
            {
                return Err(format!(
                    "assessment {:?} has an action longer than {MAX_ACTION} characters",
                    short(&run.id.0)
                ));
            }
        }
    }
    Ok(())
}

/// The file's questionnaires of the user's own must be ones this app would accept
/// from a file: valid, not clashing with the built-in ones, within the limits.
fn questionnaires(current: &Store, incoming: &Store) -> Result<(), String> {
    let builtin = crate::assessment::catalog::Catalog::builtin();
    let mut accepted: Vec<crate::assessment::model::Questionnaire> = Vec::new();
    for q in &incoming.questionnaires {
        builtin
            .with_custom(&accepted)
            .check_custom(q)
            .map_err(|e| format!("its questionnaire {:?} cannot be used: {e}", short(&q.id)))?;
        accepted.push(q.clone());
    }
    let total = current.questionnaires.len()
        + incoming
            .questionnaires
            .iter()
            .filter(|q| !current.questionnaires.iter().any(|h| h.id == q.id))
            .count();
    if total > crate::limits::MAX_CUSTOM {
        return Err(format!(
            "it would make more than {} questionnaires of your own",
            crate::limits::MAX_CUSTOM
        ));
    }
    Ok(())
}

/// An id from the file, cut short for a message.
fn short(id: &str) -> String {
    id.chars().take(40).collect()
}
