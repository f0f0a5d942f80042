//! The questionnaires the app offers: the built-in data files (compiled in, parsed
//! and validated once) and questionnaires of the user's own, checked before they join.
//!
//! Adding a framework means adding a file under `questionnaires/` and a line to
//! [`BUILTIN_FILES`]; no other code changes (see the README for the two built-in
//! questionnaires whose results also have views of their own).

use crate::limits::MAX_CUSTOM_BYTES;
use crate::model::{Question, Questionnaire};
use crate::validate::{validate, Problem};
use std::sync::{Arc, OnceLock};
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

/// The questionnaires the app offers. Cheap to clone: the questionnaires are shared.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalog {
    questionnaires: Vec<Arc<Questionnaire>>,
}

impl Catalog {
    /// The compiled-in questionnaires, parsed and validated on first use. This is
    /// the one way to get them; a broken file is a build error the app reports.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        static BUILTIN: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Catalog::from_files(BUILTIN_FILES))
            .clone()
    }

    /// Parses and validates `(file name, contents)` pairs: files that ship with the
    /// app, whose parse errors are caught by the tests with their field paths
    /// ([`parse`]), so the app itself carries no path-tracking parser for them.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Catalog, CatalogError> {
        let mut questionnaires: Vec<Arc<Questionnaire>> = Vec::with_capacity(files.len());
        for (file, text) in files {
            let q: Questionnaire = serde_json::from_str(text).map_err(|e| CatalogError::Parse {
                file: file.to_string(),
                reason: e.to_string(),
            })?;
            validate(file, &q).map_err(CatalogError::Invalid)?;
            if questionnaires.iter().any(|existing| existing.id == q.id) {
                return Err(CatalogError::DuplicateQuestionnaire {
                    file: file.to_string(),
                    id: q.id,
                });
            }
            questionnaires.push(Arc::new(q));
        }
        Ok(Catalog { questionnaires })
    }

    pub fn all(&self) -> &[Arc<Questionnaire>] {
        &self.questionnaires
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Questionnaire>> {
        self.questionnaires.iter().find(|q| q.id == id)
    }

    /// The question with id `id`, in whichever questionnaire has it.
    pub fn question(&self, id: &str) -> Option<&Question> {
        let prefix = id.split_once('.').map_or(id, |(prefix, _)| prefix);
        self.get(prefix)
            .and_then(|q| q.question(id))
            .or_else(|| self.questionnaires.iter().find_map(|q| q.question(id)))
    }

    /// The questions a run of `questionnaires` asks, in order. Ids this catalog does
    /// not know (a file removed since, or data from elsewhere) are skipped.
    pub fn steps(&self, questionnaires: &[String]) -> Vec<Step> {
        questionnaires
            .iter()
            .filter_map(|id| self.get(id))
            .flat_map(|questionnaire| {
                questionnaire
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| !q.retired)
                    .map(move |(index, _)| Step {
                        questionnaire: Arc::clone(questionnaire),
                        index,
                    })
            })
            .collect()
    }

    /// The titles of `questionnaires`, in order; an unknown id as itself.
    pub fn titles(&self, questionnaires: &[String]) -> Vec<String> {
        questionnaires
            .iter()
            .map(|id| self.get(id).map_or_else(|| id.clone(), |q| q.title.clone()))
            .collect()
    }

    /// "CALMS + DORA": what a run or workshop of `questionnaires` is called in its
    /// heading.
    pub fn title_line(&self, questionnaires: &[String]) -> String {
        self.titles(questionnaires).join(" + ")
    }
}

/// One question of a run, with the questionnaire it comes from. Owns a share of the
/// questionnaire, so a view can keep it as long as it likes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub questionnaire: Arc<Questionnaire>,
    /// Position of the question in the questionnaire's file.
    index: usize,
}

impl Step {
    pub fn question(&self) -> &Question {
        &self.questionnaire.questions[self.index]
    }

    /// Whether the question belongs to a scored dimension (not a classification).
    pub fn is_scored(&self) -> bool {
        self.questionnaire
            .dimension(&self.question().dimension)
            .is_some_and(|d| d.scored)
    }

    /// The name of the question's dimension.
    pub fn dimension_name(&self) -> &str {
        self.questionnaire
            .dimension(&self.question().dimension)
            .map_or("", |d| d.name.as_str())
    }
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

impl Catalog {
    /// This catalog plus questionnaires of the user's own. Ones that no longer fit
    /// (an id a newer built-in now uses, say) are left out, never a reason to fail.
    pub fn with_custom(&self, custom: &[Questionnaire]) -> Catalog {
        let mut all = self.clone();
        for q in custom {
            if all.check_custom(q).is_ok() {
                all.questionnaires.push(Arc::new(q.clone()));
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
