//! Changes to runs: starting one, answering, moving through the questions,
//! finishing and reopening, notes, action items ticked off, deleting.

use super::{remove_where, Store};
use crate::assessment::records::{Measurement, Millis, Run, RunId, StoredMeasurement, TeamId};
use crate::error::TeamError;
use crate::error::{ActionError, ChangeError, RunError};
use crate::limits::MAX_NOTES;
use std::collections::BTreeMap;

impl Store {
    pub fn run(&self, id: &RunId) -> Option<&Run> {
        self.runs.iter().find(|r| &r.id == id)
    }

    /// Runs of `team`, newest first.
    pub fn runs_of(&self, team: &TeamId) -> Vec<&Run> {
        let mut runs: Vec<&Run> = self.runs.iter().filter(|r| &r.team == team).collect();
        runs.sort_by_key(|r| std::cmp::Reverse(r.started_at));
        runs
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
            return Err(ChangeError::Run(RunError::NoQuestionnaire));
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
            measured: None,
        });
        self.touch(now);
        Ok(new_run)
    }

    /// Records a DORA run of `team` filled from its deployment records: finished at
    /// once, with the measured answers ("Don't know" for what the records cannot
    /// tell) and what they were measured from. Returns the run's id.
    pub fn record_measured(
        &mut self,
        team: &TeamId,
        answers: BTreeMap<String, u8>,
        measured: Measurement,
        new_run: RunId,
        now: Millis,
    ) -> Result<RunId, ChangeError> {
        if self.team(team).is_none() {
            return Err(ChangeError::Team(TeamError::Unknown));
        }
        for (question, value) in &answers {
            self.check_fits(question, Some(*value))?;
        }
        let kept = StoredMeasurement::new(&measured);
        if !measured.is_plausible() || kept.len() > crate::assessment::records::MAX_MEASUREMENT_JSON
        {
            return Err(ChangeError::NotAnAnswer);
        }
        self.runs.push(Run {
            id: new_run.clone(),
            team: team.clone(),
            questionnaires: vec![crate::dora::clusters::QUESTIONNAIRE_ID.to_string()],
            started_at: now,
            finished_at: Some(now),
            answers,
            position: 0,
            notes: String::new(),
            actions: Vec::new(),
            workshop: None,
            measured: Some(kept),
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
        self.check_fits(question, Some(choice))?;
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
        let run = self.run_mut(run)?;
        run.finished_at = None;
        self.touch(now);
        Ok(())
    }

    /// Deletes one run.
    pub fn delete_run(&mut self, id: &RunId, now: Millis) -> Result<(), ChangeError> {
        remove_where(
            &mut self.runs,
            |r| &r.id == id,
            ChangeError::Run(RunError::Unknown),
        )?;
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
        let run = self.run_mut(id)?;
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

    /// Marks an action of a past run done or not ("did we do it?").
    pub fn set_action_done(
        &mut self,
        run: &RunId,
        action: &str,
        done: bool,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let run = self.run_mut(run)?;
        let action = run
            .actions
            .iter_mut()
            .find(|a| a.id == action)
            .ok_or(ChangeError::Action(ActionError::Unknown))?;
        action.done = done;
        self.touch(now);
        Ok(())
    }

    fn run_mut(&mut self, id: &RunId) -> Result<&mut Run, ChangeError> {
        self.runs
            .iter_mut()
            .find(|r| &r.id == id)
            .ok_or(ChangeError::Run(RunError::Unknown))
    }

    fn open_run_mut(&mut self, id: &RunId) -> Result<&mut Run, ChangeError> {
        let run = self.run_mut(id)?;
        if run.is_finished() {
            return Err(ChangeError::Run(RunError::Finished));
        }
        Ok(run)
    }
}
