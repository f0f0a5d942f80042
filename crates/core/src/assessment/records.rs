//! What a team records: teams, their runs (one sitting of one or more questionnaires),
//! action items, and the workshop records of a facilitator and of a participant.
//!
//! Plain data with serde derives; all of it lives inside the versioned
//! [`crate::store::Store`]. Answers are kept by stable question id, never by text.

use crate::error::ActionError;
use crate::limits::{MAX_ACTION, MAX_TARGET_ID};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A stable identifier of a team, made by the shell when the team is created.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TeamId(pub String);

/// A stable identifier of a run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RunId(pub String);

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
pub type Millis = i64;

/// A team that assesses itself, possibly many times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub created_at: Millis,
    /// Archived teams are kept, with all their runs, but listed apart.
    #[serde(default, skip_serializing_if = "is_false")]
    pub archived: bool,
    /// The team's industry, to compare its DORA scores with its peers' (a key of
    /// [`crate::dora::benchmarks::INDUSTRIES`] when set through the app; an unknown key
    /// from elsewhere shows no benchmark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// The size of the team's organisation (a key of [`crate::dora::benchmarks::SIZES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// A coach's labels for the team (tribe, department, client), to filter the
    /// view across teams by. Trimmed, distinct, at most [`crate::limits::MAX_TAGS`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One sitting of one or more questionnaires by one team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub id: RunId,
    pub team: TeamId,
    /// Questionnaire ids, in the order they are taken.
    pub questionnaires: Vec<String>,
    pub started_at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Millis>,
    /// Question id -> index of the chosen [`Choice`], or the percentage for a
    /// percentage question. Unanswered questions are absent. Stored grouped by the
    /// questionnaire prefix of the id (see [`grouped_answers`]), which keeps a run
    /// of every questionnaire under 2 KB.
    #[serde(default, with = "grouped_answers")]
    pub answers: BTreeMap<String, u8>,
    /// Index of the question on screen, so a run resumes where it stopped.
    #[serde(default)]
    pub position: usize,
    /// What the team wants to remember about this run, in its own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// What the team agreed to try next, checked at its next assessment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// For a run agreed in a workshop: how the room answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<WorkshopRecord>,
    /// For a DORA run filled from deployment records: what was measured, from which
    /// files and over which window (never the records themselves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<StoredMeasurement>,
}

/// The largest stored measurement accepted, in bytes of JSON (twelve files with the
/// longest names kept fit in it).
pub const MAX_MEASUREMENT_JSON: usize = 12 * 1024;

/// A [`Measurement`] as the store keeps it: its JSON, checked for size when the
/// store is read and read whole by the pages that show it ([`StoredMeasurement::read`]).
/// So the code that reads one lives with those pages, not in the code every page
/// loads first. The store's JSON is the same as if it were typed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredMeasurement(Box<serde_json::value::RawValue>);

impl PartialEq for StoredMeasurement {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl StoredMeasurement {
    /// Keeps `measurement` as JSON.
    pub fn new(measurement: &Measurement) -> StoredMeasurement {
        StoredMeasurement(
            serde_json::value::to_raw_value(measurement).expect("a measurement is plain JSON"),
        )
    }

    /// The measurement, or None when the stored JSON is not one this app could have
    /// written (a damaged or hand-edited store): then the run shows no measurement.
    pub fn read(&self) -> Option<Measurement> {
        let m: Measurement = serde_json::from_str(self.0.get()).ok()?;
        m.is_plausible().then_some(m)
    }

    /// The length of its JSON.
    pub fn len(&self) -> usize {
        self.0.get().len()
    }
}

/// The figures a DORA run was filled from: computed in the browser from the team's
/// deployment records. The records are never kept; their files are named and
/// checksummed so the team can tell which export it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub files: Vec<MeasuredFile>,
    /// The window measured, both ends included.
    pub from: Millis,
    pub to: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
    /// Deployments counted in the window.
    pub deployments: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time_minutes: Option<u64>,
    /// Deployments that failed in production (None: the records did not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_minutes: Option<u64>,
    /// Unplanned deployments made to fix a problem users saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rework: Option<u32>,
}

/// The most files one measurement names, and the longest file or environment name kept.
pub const MAX_MEASURED_FILES: usize = crate::limits::MAX_DEPLOY_FILES;
pub const MAX_FILE_NAME: usize = 120;

impl Measurement {
    /// Whether this app could have written it: one to twelve files, each with a name
    /// of sensible length and a SHA-256 in hex (or none, where the browser offered no
    /// digest), an environment name of sensible length, and a window in order.
    pub fn is_plausible(&self) -> bool {
        (1..=MAX_MEASURED_FILES).contains(&self.files.len())
            && self
                .environment
                .as_ref()
                .is_none_or(|e| e.chars().count() <= MAX_FILE_NAME)
            && self.files.iter().all(|f| {
                f.name.chars().count() <= MAX_FILE_NAME
                    && (f.sha256.is_empty()
                        || (f.sha256.len() == 64
                            && f.sha256.bytes().all(|b| b.is_ascii_hexdigit())))
            })
            && self.from <= self.to
    }
}

/// A file measured: its name as dropped and the SHA-256 of its bytes (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuredFile {
    pub name: String,
    pub sha256: String,
}

/// An action item: what the team will try, who looks after it, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// A calendar date, `YYYY-MM-DD`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
    /// What the action is meant to change, when the team runs it as an experiment:
    /// checked by the next finished assessment of that questionnaire
    /// ([`crate::coach::experiments`]). `due` is then the date to check by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
}

/// The score an experiment is meant to move: a dimension or a question of one
/// questionnaire, and which way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub questionnaire: String,
    /// A dimension id of the questionnaire, or empty when `question` is set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dimension: String,
    /// A question id of the questionnaire, or empty when `dimension` is set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
    #[serde(default)]
    pub direction: Direction,
}

/// Which way an experiment's target is expected to move (scores run 0-10, higher
/// is more mature, so nearly every experiment expects a rise).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Up,
    Down,
}

impl Action {
    /// The action, trimmed, if it is one the store accepts.
    pub fn checked(self) -> Result<Action, ActionError> {
        let what = self.what.trim().to_string();
        let owner = self.owner.trim().to_string();
        if what.is_empty() {
            return Err(ActionError::Empty);
        }
        if what.chars().count() > MAX_ACTION || owner.chars().count() > MAX_ACTION {
            return Err(ActionError::TooLong);
        }
        if !self.due.is_empty() && !crate::calendar::is_date(&self.due) {
            return Err(ActionError::BadDate);
        }
        if let Some(target) = &self.target {
            let one = target.dimension.is_empty() != target.question.is_empty();
            let short = [&target.questionnaire, &target.dimension, &target.question]
                .iter()
                .all(|id| id.len() <= MAX_TARGET_ID);
            if target.questionnaire.is_empty() || !one || !short {
                return Err(ActionError::BadTarget);
            }
        }
        Ok(Action {
            what,
            owner,
            ..self
        })
    }
}

/// How a workshop's room answered, kept with the run it agreed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopRecord {
    /// How many answer codes were collected.
    pub participants: usize,
    /// Question id -> every participant's answer, sorted (who gave which is not kept).
    #[serde(default)]
    pub spread: BTreeMap<String, Vec<u8>>,
    /// Question id -> what the room said about it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub discussion: BTreeMap<String, String>,
}

impl Run {
    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// Whether the run takes the questionnaire `id`.
    pub fn covers(&self, id: &str) -> bool {
        self.questionnaires.iter().any(|q| q == id)
    }

    /// When the run took place: when it was finished, or started if it is not yet.
    pub fn held_at(&self) -> Millis {
        self.finished_at.unwrap_or(self.started_at)
    }
}

/// A facilitator's workshop, from invitation to the run it becomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Random, chosen by the facilitator's device; carried by every code.
    pub id: u32,
    pub team: TeamId,
    pub questionnaires: Vec<String>,
    /// Fingerprint of the questions asked ([`crate::workshop::codec::Layout::fingerprint`]).
    pub layout: u32,
    pub created_at: Millis,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub submissions: Vec<Submission>,
    /// Questions whose answers the facilitator has shown to the room.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub revealed: BTreeSet<String>,
    /// Team answers the room chose; a question absent here takes the room's
    /// default ([`crate::workshop::stats::consensus`]).
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
    /// The participant's change count when the code was made
    /// ([`crate::workshop::codec::AnswerCode::edits`]).
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

/// Sorts runs into the one order of a history: oldest first by when they were
/// held, ties by id, so every list and chart of a team agrees.
pub fn chronological(runs: &mut [&Run]) {
    runs.sort_by(|a, b| a.held_at().cmp(&b.held_at()).then_with(|| a.id.cmp(&b.id)));
}

impl Workshop {
    /// The answers collected so far, one map per participant.
    pub fn answer_sets(&self) -> Vec<&BTreeMap<String, u8>> {
        self.submissions.iter().map(|s| &s.answers).collect()
    }

    pub fn is_saved(&self) -> bool {
        self.run.is_some()
    }
}

/// Stores `{"calms.culture.blame": 3}` as `{"calms": {"culture.blame": 3}}`: the same
/// answers without repeating each questionnaire's id on every question.
pub mod grouped_answers {
    use serde::de::{DeserializeSeed, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::Cow;
    use std::collections::BTreeMap;
    use std::fmt;

    /// Splits a question id at its first dot; an id without a prefix is kept whole
    /// under "".
    pub fn split(id: &str) -> (&str, &str) {
        match id.split_once('.') {
            Some((prefix, rest)) if !prefix.is_empty() => (prefix, rest),
            _ => ("", id),
        }
    }

    /// Groups flat answers by questionnaire prefix.
    pub fn group(answers: &BTreeMap<String, u8>) -> BTreeMap<&str, BTreeMap<&str, u8>> {
        let mut grouped: BTreeMap<&str, BTreeMap<&str, u8>> = BTreeMap::new();
        for (id, value) in answers {
            let (prefix, rest) = split(id);
            grouped.entry(prefix).or_default().insert(rest, *value);
        }
        grouped
    }

    pub fn serialize<S: Serializer>(
        answers: &BTreeMap<String, u8>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        group(answers).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, u8>, D::Error> {
        deserializer.deserialize_map(Groups)
    }

    /// A key borrowed from the input when it has no escapes.
    #[derive(Deserialize)]
    struct Key<'a>(#[serde(borrow)] Cow<'a, str>);

    /// Reads `{"calms": {...}, ...}` straight into the flat map: one allocation per
    /// answer (its id), no intermediate maps. Stores of hundreds of runs read fast.
    struct Groups;

    impl<'de> Visitor<'de> for Groups {
        type Value = BTreeMap<String, u8>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("answers grouped by questionnaire")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut answers = BTreeMap::new();
            while let Some(Key(prefix)) = map.next_key()? {
                map.next_value_seed(Group {
                    prefix: &prefix,
                    answers: &mut answers,
                })?;
            }
            Ok(answers)
        }
    }

    struct Group<'p> {
        prefix: &'p str,
        answers: &'p mut BTreeMap<String, u8>,
    }

    impl<'de> DeserializeSeed<'de> for Group<'_> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Group<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a questionnaire's answers")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(Key(rest)) = map.next_key()? {
                let value: u8 = map.next_value()?;
                let id = if self.prefix.is_empty() {
                    rest.into_owned()
                } else {
                    let mut id = String::with_capacity(self.prefix.len() + 1 + rest.len());
                    id.push_str(self.prefix);
                    id.push('.');
                    id.push_str(&rest);
                    id
                };
                self.answers.insert(id, value);
            }
            Ok(())
        }
    }
}
