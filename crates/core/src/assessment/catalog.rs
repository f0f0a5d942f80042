//! The questionnaires the app offers: the built-in data files (compiled in, each
//! parsed and validated the first time a page uses it) and questionnaires of the
//! user's own, checked before they join.
//!
//! Adding a framework means adding a file under `questionnaires/` and an entry to
//! [`BUILTIN_FILES`]; no other code changes (see ARCHITECTURE.md for the two built-in
//! questionnaires whose results also have views of their own).

use crate::assessment::model::{Question, Questionnaire, Translation};
use crate::assessment::validate::{validate, validate_translation, Problem};
use crate::limits::MAX_CUSTOM_BYTES;
use std::sync::{Arc, OnceLock};
use thiserror::Error;

/// A questionnaire that ships with the app. Its id and the prefix of its question
/// ids are stated here, so the catalog can be listed and a question found without
/// parsing every file: a page parses only the questionnaires it shows (the tests
/// check these against the files).
#[derive(Debug)]
pub struct BuiltinFile {
    pub id: &'static str,
    /// What every question id of the file starts with, before its first dot.
    pub prefix: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

/// A [`BuiltinFile`] for `questionnaires/<file>`.
macro_rules! builtin {
    ($id:literal, $prefix:literal, $file:literal) => {
        BuiltinFile {
            id: $id,
            prefix: $prefix,
            file: $file,
            text: include_str!(concat!("../../../../questionnaires/", $file)),
        }
    };
}

/// Every built-in questionnaire, in the order they are offered.
pub const BUILTIN_FILES: [BuiltinFile; 5] = [
    builtin!("calms", "calms", "calms.json"),
    builtin!("three-ways", "three-ways", "three-ways.json"),
    builtin!("team-topologies", "tt", "team-topologies.json"),
    builtin!("dora", "dora", "dora.json"),
    builtin!("westrum", "westrum", "westrum.json"),
];

/// Why a questionnaire file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    /// `path` is the field the reason is about (`questions[1].choices[0].label`),
    /// empty when it is about the whole file; `line` is 0 when unknown.
    #[error("{file}: not a readable questionnaire ({reason})")]
    Parse {
        file: String,
        reason: String,
        path: String,
        line: usize,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    #[error("{file}: questionnaire id {id:?} is already used by another questionnaire")]
    DuplicateQuestionnaire { file: String, id: String },
    #[error("question {id:?}: the ids of a questionnaire's questions start with its own id and a dot (\"{prefix}.…\")")]
    QuestionPrefix { id: String, prefix: String },
}

/// One questionnaire on offer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// A built-in file (its index in [`BUILTIN_FILES`]), parsed when first used.
    Builtin(usize),
    /// One of the user's own, parsed and checked when it joined.
    Own(Arc<Questionnaire>),
    /// A built-in file in another language, translated when first used.
    Translated(Arc<TranslatedBuiltin>),
}

/// A built-in questionnaire with a translation to apply when it is first used.
#[derive(Debug)]
struct TranslatedBuiltin {
    index: usize,
    translation: Translation,
    done: OnceLock<Option<Arc<Questionnaire>>>,
}

impl PartialEq for TranslatedBuiltin {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && self.translation == other.translation
    }
}

impl Eq for TranslatedBuiltin {}

impl TranslatedBuiltin {
    /// The built-in questionnaire in the translation's language; as written when
    /// the translation does not fit it (which the tests refuse for shipped files).
    fn questionnaire(&self) -> Option<&Arc<Questionnaire>> {
        self.done
            .get_or_init(|| {
                let original = builtin_questionnaire(self.index)?;
                let file = BUILTIN_FILES[self.index].file;
                Some(
                    match validate_translation(file, original, &self.translation) {
                        Ok(()) => Arc::new(original.translated(&self.translation)),
                        Err(_) => Arc::clone(original),
                    },
                )
            })
            .as_ref()
    }
}

impl Entry {
    fn id(&self) -> &str {
        match self {
            Entry::Builtin(index) => BUILTIN_FILES[*index].id,
            Entry::Own(q) => &q.id,
            Entry::Translated(t) => BUILTIN_FILES[t.index].id,
        }
    }

    /// What the ids of its questions start with.
    fn prefix(&self) -> &str {
        match self {
            Entry::Builtin(index) => BUILTIN_FILES[*index].prefix,
            Entry::Own(q) => &q.id,
            Entry::Translated(t) => BUILTIN_FILES[t.index].prefix,
        }
    }

    fn questionnaire(&self) -> Option<&Arc<Questionnaire>> {
        match self {
            Entry::Builtin(index) => builtin_questionnaire(*index),
            Entry::Own(q) => Some(q),
            Entry::Translated(t) => t.questionnaire(),
        }
    }
}

/// The built-in questionnaire at `index`, parsed and validated on first use and
/// kept for the session. A broken file (which the tests refuse) is left out.
fn builtin_questionnaire(index: usize) -> Option<&'static Arc<Questionnaire>> {
    static PARSED: [OnceLock<Option<Arc<Questionnaire>>>; BUILTIN_FILES.len()] =
        [const { OnceLock::new() }; BUILTIN_FILES.len()];
    PARSED[index]
        .get_or_init(|| parse_builtin(&BUILTIN_FILES[index]).ok().map(Arc::new))
        .as_ref()
}

/// Parses and validates a built-in file and checks the id and question prefix it
/// is listed with. Its errors carry no field path: the tests run [`parse`] on the
/// same files, so the app carries no path-tracking parser for them.
pub fn parse_builtin(builtin: &BuiltinFile) -> Result<Questionnaire, CatalogError> {
    let file = builtin.file;
    let q: Questionnaire = serde_json::from_str(builtin.text).map_err(|e| CatalogError::Parse {
        file: file.to_string(),
        reason: e.to_string(),
        path: String::new(),
        line: e.line(),
    })?;
    validate(file, &q).map_err(CatalogError::Invalid)?;
    if q.id != builtin.id {
        return Err(CatalogError::Parse {
            file: file.to_string(),
            reason: format!("its id is {:?}, but it is listed as {:?}", q.id, builtin.id),
            path: "id".into(),
            line: 0,
        });
    }
    if let Some(question) = q
        .questions
        .iter()
        .find(|question| !question.id.starts_with(&format!("{}.", builtin.prefix)))
    {
        return Err(CatalogError::QuestionPrefix {
            id: question.id.clone(),
            prefix: builtin.prefix.to_string(),
        });
    }
    Ok(q)
}

/// The questionnaires the app offers. Cheap to clone: the questionnaires are shared.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
}

impl Catalog {
    /// The questionnaires that ship with the app. Each is parsed the first time a
    /// page asks for it, so the first question parses one file, not five.
    pub fn builtin() -> Catalog {
        Catalog {
            entries: (0..BUILTIN_FILES.len()).map(Entry::Builtin).collect(),
        }
    }

    /// This catalog in `language`: each built-in questionnaire with its translation
    /// among `translations` (applied when first used), each of the user's own with
    /// the translation it carries. Whatever has none stays as written.
    pub fn in_language(&self, language: &str, translations: &[Translation]) -> Catalog {
        let entries = self
            .entries
            .iter()
            .map(|entry| match entry {
                Entry::Builtin(index) => translations
                    .iter()
                    .find(|t| t.language == language && t.questionnaire == BUILTIN_FILES[*index].id)
                    .map_or(Entry::Builtin(*index), |t| {
                        Entry::Translated(Arc::new(TranslatedBuiltin {
                            index: *index,
                            translation: t.clone(),
                            done: OnceLock::new(),
                        }))
                    }),
                Entry::Own(q) => match q.translation(language) {
                    Some(t) => Entry::Own(Arc::new(q.translated(t))),
                    None => Entry::Own(Arc::clone(q)),
                },
                Entry::Translated(t) => Entry::Builtin(t.index),
            })
            .collect();
        Catalog { entries }
    }

    /// Parses and validates every built-in file and checks their ids are distinct:
    /// what the tests hold every build to (the app leaves a broken file out).
    pub fn check_builtin() -> Result<(), CatalogError> {
        Catalog::check_files(&BUILTIN_FILES)
    }

    /// [`Catalog::check_builtin`] for any list of files.
    pub fn check_files(files: &[BuiltinFile]) -> Result<(), CatalogError> {
        let mut ids: Vec<&str> = Vec::new();
        for builtin in files {
            let q = parse_builtin(builtin)?;
            if ids.contains(&builtin.id) {
                return Err(CatalogError::DuplicateQuestionnaire {
                    file: builtin.file.to_string(),
                    id: q.id,
                });
            }
            ids.push(builtin.id);
        }
        Ok(())
    }

    /// Every questionnaire on offer, in order (parsing any built-in one not yet read).
    pub fn all(&self) -> Vec<Arc<Questionnaire>> {
        self.entries
            .iter()
            .filter_map(Entry::questionnaire)
            .cloned()
            .collect()
    }

    /// The ids on offer, in order, without parsing anything.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(Entry::id)
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Questionnaire>> {
        self.entries
            .iter()
            .find(|entry| entry.id() == id)
            .and_then(Entry::questionnaire)
    }

    /// The questionnaire whose questions' ids start with `prefix` and a dot.
    pub fn by_prefix(&self, prefix: &str) -> Option<&Arc<Questionnaire>> {
        self.entries
            .iter()
            .find(|entry| entry.prefix() == prefix)
            .and_then(Entry::questionnaire)
    }

    /// The question with id `id`, in whichever questionnaire has it (found by the
    /// part of the id before its first dot).
    pub fn question(&self, id: &str) -> Option<&Question> {
        let prefix = id.split_once('.').map_or(id, |(prefix, _)| prefix);
        self.by_prefix(prefix).and_then(|q| q.question(id))
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
    let q: Questionnaire = from_json(file, text)?;
    validate(file, &q).map_err(CatalogError::Invalid)?;
    Ok(q)
}

/// Reads JSON into `T`; an error names the field it is about as a path and the line.
fn from_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogError> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let line = inner.line();
        let reason = inner.to_string();
        let path = if path == "." { String::new() } else { path };
        CatalogError::Parse {
            file: file.to_string(),
            reason: if path.is_empty() {
                reason
            } else {
                format!("at {path}: {reason}")
            },
            path,
            line,
        }
    })
}

/// Parses a translation file (`questionnaires/i18n/<language>/<id>.json`) and
/// checks it against the built-in questionnaire it names. Errors name the field
/// as a path, as [`parse`] does.
pub fn parse_translation(file: &str, text: &str) -> Result<Translation, CatalogError> {
    let t: Translation = from_json(file, text)?;
    let original = Catalog::builtin()
        .get(&t.questionnaire)
        .cloned()
        .ok_or_else(|| CatalogError::Parse {
            file: file.to_string(),
            reason: format!(
                "it translates {:?}, which is not a built-in questionnaire",
                t.questionnaire
            ),
            path: "questionnaire".into(),
            line: 0,
        })?;
    validate_translation(file, &original, &t).map_err(CatalogError::Invalid)?;
    Ok(t)
}

impl Catalog {
    /// This catalog plus questionnaires of the user's own. Ones that no longer fit
    /// (an id a newer built-in now uses, say) are left out, never a reason to fail.
    pub fn with_custom(&self, custom: &[Questionnaire]) -> Catalog {
        let mut all = self.clone();
        for q in custom {
            if all.check_custom(q).is_ok() {
                all.entries.push(Entry::Own(Arc::new(q.clone())));
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
        for prefix in self.entries.iter().map(Entry::prefix) {
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
                path: String::new(),
                line: 0,
            });
        }
        let q = parse(file, text)?;
        self.check_custom(&q)?;
        Ok(q)
    }
}
