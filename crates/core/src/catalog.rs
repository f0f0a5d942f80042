//! The built-in questionnaires: data files compiled in, parsed and validated.
//!
//! Adding a framework means adding a file under `questionnaires/` and a line to
//! [`BUILTIN_FILES`]; no other code changes.

use crate::model::{Question, Questionnaire};
use crate::validate::{validate, Problem};
use thiserror::Error;

/// (file name, contents) of every built-in questionnaire, in the order they are offered.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "calms.json",
        include_str!("../../../questionnaires/calms.json"),
    ),
    (
        "three-ways.json",
        include_str!("../../../questionnaires/three-ways.json"),
    ),
    (
        "team-topologies.json",
        include_str!("../../../questionnaires/team-topologies.json"),
    ),
    (
        "dora.json",
        include_str!("../../../questionnaires/dora.json"),
    ),
    (
        "westrum.json",
        include_str!("../../../questionnaires/westrum.json"),
    ),
];

/// Why a questionnaire file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    #[error("{file}: not a readable questionnaire ({reason})")]
    Parse { file: String, reason: String },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    #[error("{file}: questionnaire id {id:?} is already used by another questionnaire")]
    DuplicateQuestionnaire { file: String, id: String },
    #[error("question {id:?}: the ids of a questionnaire's questions start with its own id and a dot (\"{prefix}.…\")")]
    QuestionPrefix { id: String, prefix: String },
}

/// The questionnaires the app offers.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    questionnaires: Vec<Questionnaire>,
}

impl Catalog {
    /// Parses and validates the compiled-in files.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        Catalog::from_files(BUILTIN_FILES)
    }

    /// Parses and validates `(file name, contents)` pairs.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Catalog, CatalogError> {
        let mut questionnaires: Vec<Questionnaire> = Vec::with_capacity(files.len());
        for (file, text) in files {
            let q = parse(file, text)?;
            if questionnaires.iter().any(|existing| existing.id == q.id) {
                return Err(CatalogError::DuplicateQuestionnaire {
                    file: file.to_string(),
                    id: q.id,
                });
            }
            questionnaires.push(q);
        }
        Ok(Catalog { questionnaires })
    }

    pub fn all(&self) -> &[Questionnaire] {
        &self.questionnaires
    }

    pub fn get(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaires.iter().find(|q| q.id == id)
    }

    /// The questions a run of `questionnaires` asks, in order. Ids this catalog does
    /// not know (a file removed since, or data from elsewhere) are skipped.
    pub fn steps(&self, questionnaires: &[String]) -> Vec<Step<'_>> {
        questionnaires
            .iter()
            .filter_map(|id| self.get(id))
            .flat_map(|questionnaire| {
                questionnaire.active_questions().map(move |question| Step {
                    questionnaire,
                    question,
                })
            })
            .collect()
    }
}

/// One question of a run, with the questionnaire it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step<'a> {
    pub questionnaire: &'a Questionnaire,
    pub question: &'a Question,
}

/// Parses one questionnaire file and validates it. A parse error names the field
/// it is about as a path (`questions[3].choices[0].label: …`) and the line.
pub fn parse(file: &str, text: &str) -> Result<Questionnaire, CatalogError> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let q: Questionnaire = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let reason = e.into_inner().to_string();
        CatalogError::Parse {
            file: file.to_string(),
            reason: if path == "." {
                reason
            } else {
                format!("at {path}: {reason}")
            },
        }
    })?;
    validate(file, &q).map_err(CatalogError::Invalid)?;
    Ok(q)
}

/// The largest questionnaire file accepted from a user.
pub const MAX_CUSTOM_BYTES: usize = 256 * 1024;
/// The most questionnaires of their own a browser keeps.
pub const MAX_CUSTOM: usize = 20;

impl Catalog {
    /// This catalog plus questionnaires of the user's own. Ones that no longer fit
    /// (an id a newer built-in now uses, say) are left out, never a reason to fail.
    pub fn with_custom(&self, custom: &[Questionnaire]) -> Catalog {
        let mut all = self.clone();
        for q in custom {
            if all.check_custom(q).is_ok() {
                all.questionnaires.push(q.clone());
            }
        }
        all
    }

    /// Whether `q`, already parsed, can join this catalog: valid, its id not taken
    /// by another questionnaire, its question ids not used by any.
    pub fn check_custom(&self, q: &Questionnaire) -> Result<(), CatalogError> {
        validate(&q.id, q).map_err(CatalogError::Invalid)?;
        if self.get(&q.id).is_some() {
            return Err(CatalogError::DuplicateQuestionnaire {
                file: q.title.clone(),
                id: q.id.clone(),
            });
        }
        // Answers are stored grouped by the part of a question id before its first
        // dot: that part must be this questionnaire's own, used by no other.
        let taken = self.questionnaires.iter().flat_map(|other| {
            other
                .questions
                .iter()
                .map(|question| question.id.split('.').next().unwrap_or_default())
        });
        for prefix in taken {
            if prefix == q.id {
                return Err(CatalogError::DuplicateQuestionnaire {
                    file: q.title.clone(),
                    id: q.id.clone(),
                });
            }
        }
        for question in &q.questions {
            if !question.id.starts_with(&format!("{}.", q.id)) {
                return Err(CatalogError::QuestionPrefix {
                    id: question.id.clone(),
                    prefix: q.id.clone(),
                });
            }
        }
        Ok(())
    }

    /// Parses a questionnaire file of the user's own and checks it can join.
    pub fn parse_custom(&self, file: &str, text: &str) -> Result<Questionnaire, CatalogError> {
        if text.len() > MAX_CUSTOM_BYTES {
            return Err(CatalogError::Parse {
                file: file.to_string(),
                reason: format!("the file is larger than {} KB", MAX_CUSTOM_BYTES / 1024),
            });
        }
        let q = parse(file, text)?;
        self.check_custom(&q)?;
        Ok(q)
    }
}
