//! A participant's changes, on their own device: joining a workshop, answering,
//! moving through the questions, asking for their code, starting afresh as someone
//! else, leaving.

use super::{remove_where, set_or_clear, Store};
use crate::assessment::records::{Millis, Participation};
use crate::error::{ChangeError, WorkshopError};
use crate::workshop::codec::Invitation;
use std::collections::BTreeMap;

impl Store {
    pub fn participation(&self, workshop: u32) -> Option<&Participation> {
        self.participations.iter().find(|p| p.workshop == workshop)
    }

    /// Joins a workshop on a participant's device, or resumes the participation
    /// already there. `participant` is a fresh random id, used only when joining.
    pub fn join(&mut self, invitation: &Invitation, participant: u32, now: Millis) -> u32 {
        if let Some(existing) = self.participation(invitation.workshop) {
            return existing.participant;
        }
        self.participations.push(Participation {
            workshop: invitation.workshop,
            participant,
            team_name: invitation.team_name.clone(),
            questionnaires: invitation.questionnaires.clone(),
            layout: invitation.layout,
            joined_at: now,
            answers: BTreeMap::new(),
            edits: 0,
            position: 0,
            done: false,
        });
        self.touch(now);
        participant
    }

    /// Starts the participation afresh under a new participant number: someone else
    /// answering on the same device. The earlier answers are forgotten here (a code
    /// already handed over stays with the facilitator).
    pub fn rejoin(
        &mut self,
        workshop: u32,
        participant: u32,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let p = self.participation_mut(workshop)?;
        p.participant = participant;
        p.answers.clear();
        p.edits = 0;
        p.position = 0;
        p.done = false;
        self.touch(now);
        Ok(())
    }

    /// Records (or with `None` clears) a participant's answer. Answering again after
    /// asking for a code makes a new code necessary, so `done` is cleared.
    pub fn participant_answer(
        &mut self,
        workshop: u32,
        question: &str,
        answer: Option<u8>,
        now: Millis,
    ) -> Result<(), ChangeError> {
        self.check_fits(question, answer)?;
        let p = self.participation_mut(workshop)?;
        set_or_clear(&mut p.answers, question, answer);
        p.edits = p.edits.saturating_add(1);
        p.done = false;
        self.touch(now);
        Ok(())
    }

    pub fn participant_position(
        &mut self,
        workshop: u32,
        position: usize,
        now: Millis,
    ) -> Result<(), ChangeError> {
        self.participation_mut(workshop)?.position = position;
        self.touch(now);
        Ok(())
    }

    pub fn participant_done(
        &mut self,
        workshop: u32,
        done: bool,
        now: Millis,
    ) -> Result<(), ChangeError> {
        self.participation_mut(workshop)?.done = done;
        self.touch(now);
        Ok(())
    }

    /// Forgets a participation (the participant's own copy of their answers).
    pub fn leave(&mut self, workshop: u32, now: Millis) -> Result<(), ChangeError> {
        remove_where(
            &mut self.participations,
            |p| p.workshop == workshop,
            ChangeError::Workshop(WorkshopError::Unknown),
        )?;
        self.touch(now);
        Ok(())
    }

    fn participation_mut(&mut self, workshop: u32) -> Result<&mut Participation, ChangeError> {
        self.participations
            .iter_mut()
            .find(|p| p.workshop == workshop)
            .ok_or(ChangeError::Workshop(WorkshopError::Unknown))
    }
}
