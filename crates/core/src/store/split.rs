//! The store as the app keeps it in browser storage: an envelope (teams,
//! workshops, questionnaires, the revision) and one entry per team holding that
//! team's runs, so a change rewrites the envelope and the one team it changed, not
//! every run of every team.
//!
//! The envelope names the entry of each team's runs (`runs_in`); an entry's name is
//! never reused for other content, so the envelope is the one commit point: written
//! last, it either names the new entries (all already written) or the old ones
//! (still there). Reading checks the joined store exactly as a whole one.

use super::Store;
use crate::error::DecodeError;
use crate::records::{Run, TeamId};
use serde::Serialize;
use std::collections::BTreeMap;

/// The envelope as written: the store's fields, its runs left out.
#[derive(Serialize)]
struct Envelope<'a> {
    app: &'a str,
    schema: u32,
    revision: u64,
    updated_at: i64,
    teams: &'a [crate::records::Team],
    runs: [(); 0],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    workshops: &'a [crate::records::Workshop],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    participations: &'a [crate::records::Participation],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    questionnaires: &'a [crate::model::Questionnaire],
    runs_in: &'a BTreeMap<TeamId, String>,
}

impl Store {
    /// Each team's runs, in the store's order; a team without runs has no entry.
    pub fn runs_by_team(&self) -> BTreeMap<&TeamId, Vec<&Run>> {
        let mut by_team: BTreeMap<&TeamId, Vec<&Run>> = BTreeMap::new();
        for run in &self.runs {
            by_team.entry(&run.team).or_default().push(run);
        }
        by_team
    }

    /// The envelope's text: everything but the runs, and `runs_in`, the entry
    /// that keeps each team's runs.
    pub fn encode_envelope(
        &self,
        runs_in: &BTreeMap<TeamId, String>,
    ) -> Result<String, serde_json::Error> {
        // Every field named: a field added to the store fails to compile here
        // until the envelope writes it too.
        let Store {
            app,
            schema,
            revision,
            updated_at,
            teams,
            runs: _,
            workshops,
            participations,
            questionnaires,
            runs_in: _,
        } = self;
        serde_json::to_string(&Envelope {
            app,
            schema: *schema,
            revision: *revision,
            updated_at: *updated_at,
            teams,
            runs: [],
            workshops,
            participations,
            questionnaires,
            runs_in,
        })
    }

    /// One team's runs as an entry's text.
    pub fn encode_runs(runs: &[&Run]) -> Result<String, serde_json::Error> {
        serde_json::to_string(runs)
    }

    /// Reads an envelope (or a whole store, of any format this version reads): the
    /// store without the runs kept apart, and the entry of each team's runs.
    pub fn decode_envelope(text: &str) -> Result<(Store, BTreeMap<TeamId, String>), DecodeError> {
        let (mut store, _) = Store::decode_any(text)?;
        let runs_in = std::mem::take(&mut store.runs_in);
        if runs_in.keys().any(|team| store.team(team).is_none()) {
            return Err(DecodeError::Damaged(
                "assessments are kept for a team that does not exist".into(),
            ));
        }
        Ok((store, runs_in))
    }

    /// Reads the entry holding `team`'s runs.
    pub fn decode_runs(team: &TeamId, text: &str) -> Result<Vec<Run>, DecodeError> {
        let runs: Vec<Run> = serde_json::from_str(text)
            .map_err(|e| DecodeError::Damaged(format!("a team's assessments: {e}")))?;
        if runs.iter().any(|r| &r.team != team) {
            return Err(DecodeError::Damaged(
                "a team's assessments are kept with another team's".into(),
            ));
        }
        Ok(runs)
    }

    /// The envelope and every team's runs, joined and checked as a whole store is
    /// (unique ids, answers that fit), with how many unfit answers were left out.
    pub fn joined(mut self, runs: Vec<Vec<Run>>) -> Result<(Store, usize), DecodeError> {
        self.runs.extend(runs.into_iter().flatten());
        self.checked()
    }
}
