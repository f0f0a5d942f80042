//! A facilitator's changes to a workshop: starting it, collecting answer codes,
//! revealing answers, agreeing team answers and notes, actions, saving it as the
//! team's run, deleting it.

use super::{remove_where, set_or_clear, Store};
use crate::assessment::catalog::Catalog;
use crate::assessment::records::{
    Action, Millis, Run, RunId, Submission, TeamId, Workshop, WorkshopRecord,
};
use crate::error::{ActionError, ChangeError, RunError, WorkshopError};
use crate::limits::{MAX_NOTES, MAX_PARTICIPANTS};
use crate::workshop::codec::{AnswerCode, Layout};
use crate::workshop::stats::{aggregate, team_answers};
use std::collections::{BTreeMap, BTreeSet};

/// What adding an answer code did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A new participant's answers.
    New,
    /// The same participant sent changed answers: the new ones replace the old.
    Replaced,
    /// Exactly this code was already collected; nothing changed.
    Duplicate,
    /// An earlier code of a participant whose later answers are already collected
    /// (an old link opened again, files dropped out of order); nothing changed.
    Outdated,
}

impl Store {
    pub fn workshop(&self, id: u32) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    /// Starts a workshop for the team called `team_name` (created with id `new_team`
    /// if there is none). `id` is random and must not be in use.
    pub fn start_workshop(
        &mut self,
        team_name: &str,
        questionnaires: Vec<String>,
        layout: &Layout,
        new_team: TeamId,
        id: u32,
        now: Millis,
    ) -> Result<u32, ChangeError> {
        if questionnaires.is_empty() {
            return Err(ChangeError::Run(RunError::NoQuestionnaire));
        }
        if self.workshop(id).is_some() {
            return Err(ChangeError::Workshop(WorkshopError::IdTaken));
        }
        let team = self.team_for(team_name, new_team, now)?;
        self.workshops.push(Workshop {
            id,
            team,
            questionnaires,
            layout: layout.fingerprint(),
            created_at: now,
            submissions: Vec::new(),
            revealed: BTreeSet::new(),
            agreed: BTreeMap::new(),
            discussion: BTreeMap::new(),
            actions: Vec::new(),
            run: None,
        });
        self.touch(now);
        Ok(id)
    }

    /// Adds a participant's decoded answer code to its workshop.
    pub fn add_submission(
        &mut self,
        mut code: AnswerCode,
        now: Millis,
    ) -> Result<Added, ChangeError> {
        // Decoded codes only carry answers that fit; whatever else arrives is dropped
        // by the same rule as everywhere.
        code.answers
            .retain(|question, value| self.check_fits(question, Some(*value)).is_ok());
        let workshop = self.open_workshop_mut(code.workshop)?;
        let added = match workshop
            .submissions
            .iter_mut()
            .find(|s| s.participant == code.participant)
        {
            Some(existing) if code.edits < existing.edits => return Ok(Added::Outdated),
            Some(existing) if existing.answers == code.answers => return Ok(Added::Duplicate),
            Some(existing) => {
                existing.answers = code.answers;
                existing.edits = code.edits;
                existing.received_at = now;
                Added::Replaced
            }
            None => {
                if workshop.submissions.len() >= MAX_PARTICIPANTS {
                    return Err(ChangeError::Workshop(WorkshopError::TooManyParticipants));
                }
                workshop.submissions.push(Submission {
                    participant: code.participant,
                    edits: code.edits,
                    received_at: now,
                    answers: code.answers,
                });
                Added::New
            }
        };
        self.touch(now);
        Ok(added)
    }

    /// Drops one participant's answers (a code sent by mistake, a test).
    pub fn drop_submission(
        &mut self,
        workshop: u32,
        participant: u32,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let workshop = self.open_workshop_mut(workshop)?;
        remove_where(
            &mut workshop.submissions,
            |s| s.participant == participant,
            ChangeError::Workshop(WorkshopError::UnknownParticipant),
        )?;
        self.touch(now);
        Ok(())
    }

    /// Shows or hides a question's answers to the room.
    pub fn set_revealed(
        &mut self,
        workshop: u32,
        question: &str,
        revealed: bool,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let workshop = self.open_workshop_mut(workshop)?;
        if revealed {
            workshop.revealed.insert(question.to_string());
        } else {
            workshop.revealed.remove(question);
        }
        self.touch(now);
        Ok(())
    }

    /// Records the team answer the room agreed for a question (`None`: back to the
    /// default).
    pub fn agree(
        &mut self,
        workshop: u32,
        question: &str,
        answer: Option<u8>,
        now: Millis,
    ) -> Result<(), ChangeError> {
        self.check_fits(question, answer)?;
        let workshop = self.open_workshop_mut(workshop)?;
        set_or_clear(&mut workshop.agreed, question, answer);
        self.touch(now);
        Ok(())
    }

    /// Replaces the room's note on a question.
    pub fn set_discussion(
        &mut self,
        workshop: u32,
        question: &str,
        text: &str,
        now: Millis,
    ) -> Result<(), ChangeError> {
        if text.chars().count() > MAX_NOTES {
            return Err(ChangeError::NotesTooLong);
        }
        let workshop = self.open_workshop_mut(workshop)?;
        let text = text.trim();
        if text.is_empty() {
            workshop.discussion.remove(question);
        } else {
            workshop
                .discussion
                .insert(question.to_string(), text.to_string());
        }
        self.touch(now);
        Ok(())
    }

    /// Adds an action item to a workshop.
    pub fn add_action(
        &mut self,
        workshop: u32,
        action: Action,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let action = action.checked().map_err(ChangeError::Action)?;
        let workshop = self.open_workshop_mut(workshop)?;
        workshop.actions.push(action);
        self.touch(now);
        Ok(())
    }

    pub fn remove_action(
        &mut self,
        workshop: u32,
        id: &str,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let workshop = self.open_workshop_mut(workshop)?;
        remove_where(
            &mut workshop.actions,
            |a| a.id == id,
            ChangeError::Action(ActionError::Unknown),
        )?;
        self.touch(now);
        Ok(())
    }

    /// Saves the workshop as the team's finished run: the team answers, every
    /// participant's answers kept per question (anonymous, sorted), the room's
    /// notes and its actions. The workshop is closed from then on, and keeps only
    /// its settings and the run's id: everything else now lives in the run.
    pub fn save_workshop(
        &mut self,
        id: u32,
        catalog: &Catalog,
        new_run: RunId,
        now: Millis,
    ) -> Result<RunId, ChangeError> {
        let workshop = self.open_workshop_mut(id)?;
        if workshop.submissions.is_empty() {
            return Err(ChangeError::Workshop(WorkshopError::NoAnswers));
        }
        let steps = catalog.steps(&workshop.questionnaires);
        let stats = aggregate(&steps, &workshop.answer_sets());
        let answers = team_answers(workshop, &stats);
        let mut spread: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for submission in &workshop.submissions {
            for (question, &value) in &submission.answers {
                spread.entry(question.clone()).or_default().push(value);
            }
        }
        for values in spread.values_mut() {
            values.sort_unstable();
        }
        let run = Run {
            id: new_run.clone(),
            team: workshop.team.clone(),
            questionnaires: workshop.questionnaires.clone(),
            started_at: workshop.created_at,
            finished_at: Some(now),
            answers,
            position: 0,
            notes: String::new(),
            actions: workshop.actions.clone(),
            workshop: Some(WorkshopRecord {
                participants: workshop.submissions.len(),
                spread,
                discussion: workshop.discussion.clone(),
            }),
            measured: None,
        };
        workshop.run = Some(new_run.clone());
        workshop.submissions.clear();
        workshop.revealed.clear();
        workshop.agreed.clear();
        workshop.discussion.clear();
        workshop.actions.clear();
        self.runs.push(run);
        self.touch(now);
        Ok(new_run)
    }

    /// Deletes a workshop (its saved run, if any, stays in the history).
    pub fn delete_workshop(&mut self, id: u32, now: Millis) -> Result<(), ChangeError> {
        remove_where(
            &mut self.workshops,
            |w| w.id == id,
            ChangeError::Workshop(WorkshopError::Unknown),
        )?;
        self.touch(now);
        Ok(())
    }

    /// The actions recorded with the team's latest finished run, and that run: what
    /// the next workshop asks about first.
    pub fn last_actions(&self, team: &TeamId) -> Option<(&Run, &[Action])> {
        self.runs
            .iter()
            .filter(|r| &r.team == team && r.is_finished() && !r.actions.is_empty())
            .max_by_key(|r| r.held_at())
            .map(|r| (r, r.actions.as_slice()))
    }

    fn open_workshop_mut(&mut self, id: u32) -> Result<&mut Workshop, ChangeError> {
        let workshop = self
            .workshops
            .iter_mut()
            .find(|w| w.id == id)
            .ok_or(ChangeError::Workshop(WorkshopError::Unknown))?;
        if workshop.is_saved() {
            return Err(ChangeError::Workshop(WorkshopError::Saved));
        }
        Ok(workshop)
    }
}
