//! The domain's vocabulary: questionnaires as data, and the runs a team records against them.
//!
//! Everything here is plain data with serde derives. Questionnaire files are parsed
//! into these types by [`crate::catalog`] and checked by [`crate::validate`]; runs
//! live inside the versioned [`crate::store::Store`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The questionnaire file format this build reads. A file with another
/// `format_version` is refused with a message that says so.
pub const QUESTIONNAIRE_FORMAT_VERSION: u32 = 1;

/// One framework's question bank (CALMS, Three Ways, ...), as written in a data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub format_version: u32,
    /// Stable id, used in stored runs and URLs. Never changes once shipped.
    pub id: String,
    pub title: String,
    /// One or two sentences shown on the start page.
    pub summary: String,
    /// Where the framework comes from, named so a reader can look it up.
    pub source: String,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
}

/// A scored aspect of a framework (CALMS "Culture", Three Ways "Flow", ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    /// `false` for a classification (such as a team type): its questions are asked
    /// and shown as findings, but never scored or averaged.
    #[serde(default = "scored_by_default", skip_serializing_if = "Clone::clone")]
    pub scored: bool,
}

fn scored_by_default() -> bool {
    true
}

/// One question. Its `id` is how answers are stored: a wording change keeps the id,
/// a change of meaning gets a new id and the old question is marked `retired`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The id of the [`Dimension`] this question scores.
    pub dimension: String,
    pub text: String,
    /// How the question is answered: by picking a choice (the default) or with a percentage.
    #[serde(default, skip_serializing_if = "AnswerKind::is_choice")]
    pub answer: AnswerKind,
    /// Choices ordered from least to most mature; the first scores 0, the last 10.
    /// Empty for percentage questions.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The idea behind the question, named so a reader can look it up.
    pub source: String,
    /// What to try next when this question's dimension scores low.
    pub advice: String,
    /// A retired question is kept so old answers still make sense, but is no longer asked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    /// Pick one of the question's choices; stored as the choice's index.
    #[default]
    Choice,
    /// A whole percentage, 0-100, of something to keep low (such as failed
    /// deployments): 0% scores 10 and 100% scores 0, as in DORA's Quick Check.
    Percent,
}

impl AnswerKind {
    pub fn is_choice(&self) -> bool {
        *self == AnswerKind::Choice
    }
}

/// One answer option: a short label and what it means for this question, so that
/// everyone in the room calibrates the same way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    pub means: String,
}

impl Questionnaire {
    /// The questions that are asked today, in the order they are asked.
    pub fn active_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| !q.retired)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }
}

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
}

/// Longest action text (and owner) accepted, in characters.
pub const MAX_ACTION: usize = 300;

impl Action {
    /// The action, trimmed, if it is one the store accepts.
    pub fn checked(self) -> Result<Action, crate::store::ChangeError> {
        use crate::store::ChangeError;
        let what = self.what.trim().to_string();
        let owner = self.owner.trim().to_string();
        if what.is_empty() {
            return Err(ChangeError::EmptyAction);
        }
        if what.chars().count() > MAX_ACTION || owner.chars().count() > MAX_ACTION {
            return Err(ChangeError::ActionTooLong);
        }
        if !self.due.is_empty() && !is_date(&self.due) {
            return Err(ChangeError::BadDate);
        }
        Ok(Action {
            what,
            owner,
            ..self
        })
    }
}

/// Whether `text` is a plausible calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    matches!(
        (number(0..4), number(5..7), number(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
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

    /// When the run took place: when it was finished, or started if it is not yet.
    pub fn held_at(&self) -> Millis {
        self.finished_at.unwrap_or(self.started_at)
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
