//! Workshops: many participants answer on their own devices, the facilitator
//! collects their answer codes, the room sees where it disagrees and agrees one
//! team answer per question, which becomes the team's run with the spread kept.
//!
//! Here are the stored records (a facilitator's [`Workshop`], a participant's
//! [`Participation`]), the changes the [`Store`] accepts for them, and the statistics:
//! per question the number of answers, mean, range and histogram
//! ([`aggregate`]), how much the room disagrees, the "discuss first" order
//! ([`discuss_first`]) and the default team answer ([`consensus`]).

use crate::catalog::{Catalog, Step};
use crate::codec::{AnswerCode, Invitation, Layout};
use crate::model::{
    grouped_answers, Action, AnswerKind, Millis, Question, Run, RunId, TeamId, WorkshopRecord,
};
use crate::scoring::question_score;
use crate::store::{remove_where, ChangeError, Store, MAX_NOTES};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The most answer codes one workshop accepts: a big room, with margin.
pub const MAX_PARTICIPANTS: usize = 200;

/// A facilitator's workshop, from invitation to the run it becomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Random, chosen by the facilitator's device; carried by every code.
    pub id: u32,
    pub team: TeamId,
    pub questionnaires: Vec<String>,
    /// Fingerprint of the questions asked ([`Layout::fingerprint`]).
    pub layout: u32,
    pub created_at: Millis,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub submissions: Vec<Submission>,
    /// Questions whose answers the facilitator has shown to the room.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub revealed: BTreeSet<String>,
    /// Team answers the room chose; a question absent here takes [`consensus`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub agreed: BTreeMap<String, u8>,
    /// What the room said about a question, in its own words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub discussion: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The run this workshop was saved as; a saved workshop no longer changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<RunId>,
}

/// One participant's answers, as received in their code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub participant: u32,
    /// The participant's change count when the code was made ([`AnswerCode::edits`]).
    #[serde(default)]
    pub edits: u32,
    pub received_at: Millis,
    #[serde(default, with = "grouped_answers")]
    pub answers: BTreeMap<String, u8>,
}

/// A participant's side of a workshop, kept on their own device: their answers
/// autosave here until they hand over their code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    pub workshop: u32,
    pub participant: u32,
    pub team_name: String,
    pub questionnaires: Vec<String>,
    pub layout: u32,
    pub joined_at: Millis,
    #[serde(default, with = "grouped_answers")]
    pub answers: BTreeMap<String, u8>,
    /// Bumped by every change of answer; carried by the code.
    #[serde(default)]
    pub edits: u32,
    #[serde(default)]
    pub position: usize,
    /// Set when the participant asks for their code; answering again clears it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

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

/// One question's answers across the room.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStats {
    pub question: String,
    /// How many participants answered it.
    pub answers: usize,
    /// Mean answer on the question's own scale (choice index, or percent).
    pub mean: Option<f64>,
    /// Mean on the 0-10 score scale; `None` for a classification (not scored).
    pub mean_score: Option<f64>,
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    /// Answers per choice, or per tenth of the percentage scale (0-9, ..., 90-100).
    pub histogram: Vec<usize>,
    /// 0 when everyone agrees, up to 1 for a room split between the extremes: the
    /// standard deviation of the scores over its largest possible value (5), or for
    /// a classification the share of answers that differ from the most common one.
    pub disagreement: f64,
    /// The default team answer ([`consensus`]).
    pub consensus: Option<u8>,
}

/// Percentage answers are shown in bins of this many points (the last bin is 90-100).
pub const PERCENT_BIN: u8 = 10;

/// Statistics for every question of `steps` over the participants' `answers`.
/// Missing answers are left out of that question's figures, never counted as zero.
pub fn aggregate(steps: &[Step], answers: &[&BTreeMap<String, u8>]) -> Vec<QuestionStats> {
    let mut values: Vec<u8> = Vec::with_capacity(answers.len());
    steps
        .iter()
        .map(|step| {
            let question = step.question;
            let scored = step
                .questionnaire
                .dimension(&question.dimension)
                .is_some_and(|d| d.scored);
            values.clear();
            values.extend(
                answers
                    .iter()
                    .filter_map(|a| a.get(&question.id).copied())
                    .filter(|&v| question_score(question, v).is_some()),
            );
            stats(question, scored, &mut values)
        })
        .collect()
}

/// The statistics of one question's valid `values` (sorted in place).
pub fn stats(question: &Question, scored: bool, values: &mut [u8]) -> QuestionStats {
    values.sort_unstable();
    let n = values.len();
    let bins = match question.answer {
        AnswerKind::Choice => question.choices.len(),
        AnswerKind::Percent => usize::from(100 / PERCENT_BIN),
    };
    let mut histogram = vec![0usize; bins];
    for &v in values.iter() {
        let bin = match question.answer {
            AnswerKind::Choice => usize::from(v),
            AnswerKind::Percent => usize::from((v / PERCENT_BIN).min(100 / PERCENT_BIN - 1)),
        };
        if let Some(count) = histogram.get_mut(bin) {
            *count += 1;
        }
    }
    let mean = (n > 0).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64);
    let scores: Vec<f64> = values
        .iter()
        .filter_map(|&v| question_score(question, v))
        .collect();
    let mean_score = (scored && n > 0).then(|| scores.iter().sum::<f64>() / n as f64);
    let disagreement = if n < 2 {
        0.0
    } else if scored {
        let m = scores.iter().sum::<f64>() / n as f64;
        let variance = scores.iter().map(|s| (s - m).powi(2)).sum::<f64>() / n as f64;
        (variance.sqrt() / 5.0).min(1.0)
    } else {
        let most = histogram.iter().copied().max().unwrap_or(0);
        1.0 - most as f64 / n as f64
    };
    QuestionStats {
        question: question.id.clone(),
        answers: n,
        mean,
        mean_score,
        lowest: values.first().copied(),
        highest: values.last().copied(),
        consensus: consensus(question, scored, values),
        histogram,
        disagreement,
    }
}

/// The team answer a question defaults to: the median of the sorted `values`. With
/// an even count the median is the middle answer on the less mature side (lower
/// choice; higher percentage of a bad outcome), so a room never overstates itself by
/// default. A classification (not scored) defaults to its most common answer, the
/// first listed one on a tie. `None` when nobody answered.
pub fn consensus(question: &Question, scored: bool, sorted: &[u8]) -> Option<u8> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if !scored {
        let mut best: Option<(usize, u8)> = None;
        let mut i = 0;
        while i < n {
            let value = sorted[i];
            let run = sorted[i..].iter().take_while(|&&v| v == value).count();
            if best.is_none_or(|(count, _)| run > count) {
                best = Some((run, value));
            }
            i += run;
        }
        return best.map(|(_, value)| value);
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    let (low, high) = (sorted[n / 2 - 1], sorted[n / 2]);
    Some(match question.answer {
        AnswerKind::Choice => low,
        AnswerKind::Percent => high,
    })
}

/// Indices into `stats`, the question the room disagrees on most first. Ties go to
/// the question more people answered, then to the order of the questionnaire.
/// Questions nobody answered come last.
pub fn discuss_first(stats: &[QuestionStats]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..stats.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&stats[a], &stats[b]);
        // Rounded, so that spreads equal on paper are ties, not float noise.
        let level = |s: &QuestionStats| (s.disagreement * 1e6).round() as i64;
        (y.answers > 0)
            .cmp(&(x.answers > 0))
            .then(level(y).cmp(&level(x)))
            .then(y.answers.cmp(&x.answers))
            .then(a.cmp(&b))
    });
    order
}

impl Workshop {
    /// The answers collected so far, one map per participant.
    pub fn answer_sets(&self) -> Vec<&BTreeMap<String, u8>> {
        self.submissions.iter().map(|s| &s.answers).collect()
    }

    /// The team answer to each question: what the room agreed, else the default.
    pub fn team_answers(&self, stats: &[QuestionStats]) -> BTreeMap<String, u8> {
        stats
            .iter()
            .filter_map(|s| {
                self.agreed
                    .get(&s.question)
                    .copied()
                    .or(s.consensus)
                    .map(|v| (s.question.clone(), v))
            })
            .collect()
    }

    pub fn is_saved(&self) -> bool {
        self.run.is_some()
    }
}

impl Store {
    pub fn workshop(&self, id: u32) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn participation(&self, workshop: u32) -> Option<&Participation> {
        self.participations.iter().find(|p| p.workshop == workshop)
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
            return Err(ChangeError::NoQuestionnaire);
        }
        if self.workshop(id).is_some() {
            return Err(ChangeError::WorkshopIdTaken);
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
    pub fn add_submission(&mut self, code: AnswerCode, now: Millis) -> Result<Added, ChangeError> {
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
                    return Err(ChangeError::TooManyParticipants);
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
            ChangeError::UnknownParticipant,
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
        let action = action.checked()?;
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
            ChangeError::UnknownAction,
        )?;
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
        let run = self
            .runs
            .iter_mut()
            .find(|r| &r.id == run)
            .ok_or(ChangeError::UnknownRun)?;
        let action = run
            .actions
            .iter_mut()
            .find(|a| a.id == action)
            .ok_or(ChangeError::UnknownAction)?;
        action.done = done;
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
            return Err(ChangeError::NoAnswers);
        }
        let steps = catalog.steps(&workshop.questionnaires);
        let stats = aggregate(&steps, &workshop.answer_sets());
        let answers = workshop.team_answers(&stats);
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
            ChangeError::UnknownWorkshop,
        )?;
        self.touch(now);
        Ok(())
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
            ChangeError::UnknownWorkshop,
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
            .ok_or(ChangeError::UnknownWorkshop)?;
        if workshop.is_saved() {
            return Err(ChangeError::WorkshopSaved);
        }
        Ok(workshop)
    }

    fn participation_mut(&mut self, workshop: u32) -> Result<&mut Participation, ChangeError> {
        self.participations
            .iter_mut()
            .find(|p| p.workshop == workshop)
            .ok_or(ChangeError::UnknownWorkshop)
    }
}

/// Records `answer` for `question`, or with `None` removes it.
fn set_or_clear(answers: &mut BTreeMap<String, u8>, question: &str, answer: Option<u8>) {
    match answer {
        Some(value) => answers.insert(question.to_string(), value),
        None => answers.remove(question),
    };
}
