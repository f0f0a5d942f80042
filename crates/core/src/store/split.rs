//! The store as the app keeps it in browser storage: an envelope (teams,
//! workshops, questionnaires, the revision) and one entry per team holding that
//! team's runs, so a change rewrites the envelope and the one team it changed, not
//! every run of every team.
//!
//! The envelope names the entry of each team's runs (`runs_in`); an entry's name is
//! never reused for other content, so the envelope is the one commit point: written
//! last, it either names the new entries (all already written) or the old ones
//! (still there). Reading checks the joined store exactly as a whole one. Both the
//! envelope and an entry are written as a [`Store`] (an entry: one with runs only),
//! so they are read and written by the code that reads and writes a whole store.

use super::{Store, APP_MARKER, STORE_SCHEMA};
use crate::assessment::records::{Run, TeamId};
use crate::error::DecodeError;
use std::collections::BTreeMap;

/// What is kept under a backup key when a split state cannot be read: the
/// envelope's text and the text of each entry it names (`None` where the entry was
/// missing), as one JSON object, `{"envelope": "…", "entries": {"name": "…" | null}}`,
/// so that nothing of it is lost and it can be mended by hand.
pub fn damaged_backup(envelope: &str, entries: &[(String, Option<String>)]) -> String {
    #[derive(serde::Serialize)]
    struct Damaged<'a> {
        envelope: &'a str,
        entries: BTreeMap<&'a str, Option<&'a str>>,
    }
    let damaged = Damaged {
        envelope,
        entries: entries
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_deref()))
            .collect(),
    };
    // Strings and a map of strings always encode.
    serde_json::to_string(&damaged).unwrap_or_default()
}

impl Store {
    /// Each team's runs, in the store's order, teams in order of their first run;
    /// a team without runs has no entry.
    pub fn runs_by_team(&self) -> Vec<(&TeamId, Vec<&Run>)> {
        let mut by_team: Vec<(&TeamId, Vec<&Run>)> = Vec::new();
        for run in &self.runs {
            match by_team
                .iter_mut()
                .rev()
                .find(|(team, _)| *team == &run.team)
            {
                Some((_, runs)) => runs.push(run),
                None => by_team.push((&run.team, vec![run])),
            }
        }
        by_team
    }

    /// The envelope's text: everything but the runs, and `runs_in`, the names of
    /// the entries that keep them. The runs are set aside while it is written (no
    /// copy of the store) and put back, in their order.
    pub fn encode_envelope(&mut self, runs_in: Vec<String>) -> Result<String, serde_json::Error> {
        let runs = std::mem::take(&mut self.runs);
        self.runs_in = runs_in;
        let text = self.encode();
        self.runs = runs;
        self.runs_in = Vec::new();
        text
    }

    /// One team's runs as an entry's text.
    pub fn encode_runs(runs: Vec<Run>) -> Result<String, serde_json::Error> {
        Store {
            runs,
            ..Store::new()
        }
        .encode()
    }

    /// Reads an envelope (or a whole store, of any format this version reads): the
    /// store without the runs kept apart, and the names of the entries keeping them.
    pub fn decode_envelope(text: &str) -> Result<(Store, Vec<String>), DecodeError> {
        let (mut store, _) = Store::decode_any(text)?;
        let runs_in = std::mem::take(&mut store.runs_in);
        Ok((store, runs_in))
    }

    /// Reads an entry: the runs of one team (which the joined store's check
    /// requires to exist), and that team.
    pub fn decode_runs(text: &str) -> Result<(TeamId, Vec<Run>), DecodeError> {
        let entry: Store = serde_json::from_str(text)
            .map_err(|e| DecodeError::Damaged(format!("a team's assessments: {e}")))?;
        if entry.app != APP_MARKER || entry.schema != STORE_SCHEMA {
            return Err(DecodeError::Damaged(
                "a team's assessments are not in this version's format".into(),
            ));
        }
        let Some(team) = entry.runs.first().map(|r| r.team.clone()) else {
            return Err(DecodeError::Damaged(
                "a team's assessments are missing".into(),
            ));
        };
        if entry.runs.iter().any(|r| r.team != team) {
            return Err(DecodeError::Damaged(
                "a team's assessments are kept with another team's".into(),
            ));
        }
        Ok((team, entry.runs))
    }

    /// The envelope and every team's runs, joined and checked as a whole store is
    /// (unique ids, answers that fit), with how many unfit answers were left out.
    pub fn joined(mut self, runs: Vec<Vec<Run>>) -> Result<(Store, usize), DecodeError> {
        self.runs.extend(runs.into_iter().flatten());
        self.checked()
    }
}
