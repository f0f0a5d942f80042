//! Questionnaires as data: the types a questionnaire file is read into, and the one
//! rule of which answers a question accepts.
//!
//! Questionnaire files are parsed into these types by [`crate::assessment::catalog`] and checked
//! by [`crate::assessment::validate`]. What a team records against them is in [`crate::assessment::records`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The questionnaire file format this build reads. A file with another
/// `format_version` is refused with a message that says so.
pub const QUESTIONNAIRE_FORMAT_VERSION: u32 = 1;

/// One framework's question bank (CALMS, Three Ways, ...), as written in a data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// How the overall score is made (optional; see [`Overall`]).
    #[serde(default, skip_serializing_if = "Overall::is_default")]
    pub overall: Overall,
    /// Also report scores on the statements' own scale (1 to the number of
    /// choices), as the source does: DORA reports Westrum culture as the mean
    /// agreement from 1 to 7. Every scored question must then offer the same
    /// number of choices (checked). See [`Questionnaire::own_scale`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_scale: bool,
    /// The questionnaire's text in other languages (a file of one's own may carry
    /// them; the built-in ones come as files beside it, `questionnaires/i18n/`).
    /// Checked by [`crate::assessment::validate`] like the rest of the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// How a questionnaire's overall score is made from its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Overall {
    /// The mean of its answered dimensions, so each dimension weighs the same
    /// however many questions it has.
    #[default]
    Dimensions,
    /// The mean of every answered scored question, as DORA's Quick Check makes its
    /// overall score from the metrics.
    Questions,
}

impl Overall {
    fn is_default(&self) -> bool {
        *self == Overall::Dimensions
    }
}

/// A scored aspect of a framework (CALMS "Culture", Three Ways "Flow", ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// What to do when the team answers "Don't know": not knowing is a finding too.
    /// Optional; a general suggestion stands in when it is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_unknown: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    pub means: String,
}

/// The stored answer "Don't know" (DORA's survey offers "I don't know or not
/// applicable"): an answer, counted apart from unanswered, never scored. Every
/// question takes it; no question has this many choices (validation caps them).
pub const DONT_KNOW: u8 = u8::MAX;

impl Question {
    /// Whether a view of answers shows this question: every question asked today,
    /// and a retired one where it was answered (old results keep every row they had).
    pub fn shown(&self, answered: bool) -> bool {
        !self.retired || answered
    }

    /// How many different answers the question takes: its choices, or 0-100 percent.
    pub fn answer_count(&self) -> u8 {
        match self.answer {
            AnswerKind::Choice => u8::try_from(self.choices.len()).unwrap_or(u8::MAX),
            AnswerKind::Percent => 101,
        }
    }

    /// Whether `value` is an answer this question can be given. The one rule used
    /// wherever answers arrive: stored data, backups, answer codes, scoring, counting.
    /// "Don't know" ([`DONT_KNOW`]) is accepted by every question.
    pub fn accepts(&self, value: u8) -> bool {
        value < self.answer_count() || value == DONT_KNOW
    }

    /// An answer as people read it: the choice's label, "15%", or "Don't know"
    /// (a value the question does not take reads as the number it is).
    pub fn answer_text(&self, value: u8) -> String {
        if value == DONT_KNOW {
            return "Don't know".to_string();
        }
        match self.answer {
            AnswerKind::Choice => self
                .choices
                .get(usize::from(value))
                .map_or_else(|| value.to_string(), |c| c.label.clone()),
            AnswerKind::Percent => format!("{value}%"),
        }
    }

    /// Whether `value` is a position on the question's scale (an answer that can be
    /// scored or shown as a choice): accepted, and not "Don't know".
    pub fn on_scale(&self, value: u8) -> bool {
        value != DONT_KNOW && value < self.answer_count()
    }
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

    /// The number of choices of every scored question when the questionnaire asks
    /// for scores on its own scale ([`Questionnaire::own_scale`]) and they agree;
    /// `None` otherwise.
    pub fn own_scale(&self) -> Option<usize> {
        if !self.own_scale {
            return None;
        }
        let scored = |q: &&Question| self.dimension(&q.dimension).is_some_and(|d| d.scored);
        let mut counts = self
            .questions
            .iter()
            .filter(scored)
            .map(|q| match q.answer {
                AnswerKind::Choice => q.choices.len(),
                AnswerKind::Percent => 0,
            });
        let first = counts.next()?;
        (first >= 2 && counts.all(|n| n == first)).then_some(first)
    }
}

/// A questionnaire's text in another language, keyed by the stable ids, so the
/// same runs read in any language. Every dimension and every question (retired
/// ones too: old runs show them) must be there, each question with as many
/// choices as the original, in the same order; sources stay as written (they
/// name documents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub format_version: u32,
    /// The language's tag: one the app speaks (see [`crate::language`]).
    pub language: String,
    /// The id of the questionnaire this translates.
    pub questionnaire: String,
    pub title: String,
    pub summary: String,
    pub dimensions: BTreeMap<String, DimensionText>,
    pub questions: BTreeMap<String, QuestionText>,
}

/// A dimension's name and description in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionText {
    pub name: String,
    pub description: String,
}

/// A question's texts in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub text: String,
    #[serde(default)]
    pub choices: Vec<Choice>,
    pub advice: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_unknown: Option<String>,
}

impl Questionnaire {
    /// This questionnaire with the texts of `translation`, which the validator
    /// has accepted for it (anything it lacks stays as it was). Ids, scales and
    /// sources never change, so scores and stored answers are the same in every
    /// language.
    pub fn translated(&self, translation: &Translation) -> Questionnaire {
        let mut q = self.clone();
        q.translations = Vec::new();
        q.title = translation.title.clone();
        q.summary = translation.summary.clone();
        for d in &mut q.dimensions {
            if let Some(t) = translation.dimensions.get(&d.id) {
                d.name = t.name.clone();
                d.description = t.description.clone();
            }
        }
        for question in &mut q.questions {
            let Some(t) = translation.questions.get(&question.id) else {
                continue;
            };
            question.text = t.text.clone();
            question.advice = t.advice.clone();
            if t.if_unknown.is_some() {
                question.if_unknown = t.if_unknown.clone();
            }
            if t.choices.len() == question.choices.len() {
                question.choices = t.choices.clone();
            }
        }
        q
    }

    /// The translation it carries for `language`, if any.
    pub fn translation(&self, language: &str) -> Option<&Translation> {
        self.translations.iter().find(|t| t.language == language)
    }
}
