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

/// Parses one questionnaire file and validates it.
pub fn parse(file: &str, text: &str) -> Result<Questionnaire, CatalogError> {
    let q: Questionnaire = serde_json::from_str(text).map_err(|e| CatalogError::Parse {
        file: file.to_string(),
        reason: e.to_string(),
    })?;
    validate(file, &q).map_err(CatalogError::Invalid)?;
    Ok(q)
}
