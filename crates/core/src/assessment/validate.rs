//! Checks a parsed questionnaire: stable unique ids, every dimension covered, sane scales.
//!
//! Every problem is reported (not just the first), each naming the file and the id
//! involved so an author can go straight to the line.

use crate::assessment::model::{
    AnswerKind, Question, Questionnaire, Translation, QUESTIONNAIRE_FORMAT_VERSION,
};
use crate::language::Language;
use std::collections::BTreeSet;
use thiserror::Error;

/// Fewest and most choices a question may offer.
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 11;

/// One thing wrong with a questionnaire file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("{file}: format_version is {found}, but this app reads version {expected}; convert the file or use a matching app version")]
    FormatVersion {
        file: String,
        found: u32,
        expected: u32,
    },
    #[error(
        "{file}: the questionnaire id must be lowercase letters, digits and dashes (found {id:?})"
    )]
    BadQuestionnaireId { file: String, id: String },
    #[error("{file}: dimension id {id:?} is used more than once; give each dimension its own id")]
    DuplicateDimension { file: String, id: String },
    #[error("{file}: question id {id:?} is used more than once; give each question its own id (answers are stored by id)")]
    DuplicateQuestion { file: String, id: String },
    #[error("{file}: question {id:?} belongs to dimension {dimension:?}, which is not declared in `dimensions`")]
    UnknownDimension {
        file: String,
        id: String,
        dimension: String,
    },
    #[error("{file}: \"own_scale\" needs every scored question to offer the same number of choices (and none answered with a percentage)")]
    OwnScale { file: String },
    #[error("{file}: dimension {id:?} has no active question; add one or remove the dimension")]
    EmptyDimension { file: String, id: String },
    #[error("{file}: question {id:?} offers {found} choices; a question needs between {MIN_CHOICES} and {MAX_CHOICES}")]
    ChoiceCount {
        file: String,
        id: String,
        found: usize,
    },
    #[error("{file}: question {id:?} is answered with a percentage, so it takes no choices (found {found})")]
    ChoicesOnPercent {
        file: String,
        id: String,
        found: usize,
    },
    #[error("{file}: question {id:?} has choice {index} with an empty label or meaning; say what that answer means")]
    EmptyChoice {
        file: String,
        id: String,
        index: usize,
    },
    #[error(
        "{file}: question {id:?} offers the label {label:?} twice; each choice needs its own label"
    )]
    DuplicateChoice {
        file: String,
        id: String,
        label: String,
    },
    #[error("{file}: {what} {id:?} has an empty `{field}`; every entry needs one")]
    MissingText {
        file: String,
        what: &'static str,
        id: String,
        field: &'static str,
    },
    #[error("{file}: the questionnaire has no active question")]
    NoQuestions { file: String },
    #[error("{file}: the language {found:?} is not one this app speaks (en, es, de or fr)")]
    TranslationLanguage { file: String, found: String },
    #[error("{file}: carries two translations into {language:?}; keep one")]
    TranslationTwice { file: String, language: String },
    #[error(
        "{file}: `questionnaire` is {found:?}, but this translates the questionnaire {expected:?}"
    )]
    TranslationTarget {
        file: String,
        found: String,
        expected: String,
    },
    #[error("{file}: {path} is missing; translate every dimension and every question, retired ones too (old results show them)")]
    TranslationMissing { file: String, path: String },
    #[error("{file}: {path} is not in the questionnaire; remove it or correct the id")]
    TranslationUnknown { file: String, path: String },
    #[error("{file}: {path} has {found} choices, but the question offers {expected}; translate each choice once, in the same order")]
    TranslationChoices {
        file: String,
        path: String,
        found: usize,
        expected: usize,
    },
    #[error("{file}: {path} is empty; write it in the translation's language")]
    TranslationEmpty { file: String, path: String },
    #[error("{file}: {path} {}", if *.in_original { "is missing: the question says what to do when the answer is \"Don't know\", so the translation must too" } else { "is not in the question: it has no advice for \"Don't know\", so the translation can't have one either" })]
    TranslationIfUnknown {
        file: String,
        path: String,
        in_original: bool,
    },
}

/// Checks `q` (read from `file`) and returns every problem found, or `Ok` if none.
pub fn validate(file: &str, q: &Questionnaire) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let file = file.to_string();
    check_header(&file, q, &mut problems);
    let dimension_ids = check_dimensions(&file, q, &mut problems);
    let mut covered = BTreeSet::new();
    let mut question_ids = BTreeSet::new();
    for question in &q.questions {
        if !question_ids.insert(question.id.as_str()) {
            problems.push(Problem::DuplicateQuestion {
                file: file.clone(),
                id: question.id.clone(),
            });
        }
        if !dimension_ids.contains(question.dimension.as_str()) {
            problems.push(Problem::UnknownDimension {
                file: file.clone(),
                id: question.id.clone(),
                dimension: question.dimension.clone(),
            });
        } else if !question.retired {
            covered.insert(question.dimension.as_str());
        }
        check_question(&file, question, &mut problems);
    }
    for d in &q.dimensions {
        if !covered.contains(d.id.as_str()) {
            problems.push(Problem::EmptyDimension {
                file: file.clone(),
                id: d.id.clone(),
            });
        }
    }
    if q.own_scale && q.own_scale().is_none() {
        problems.push(Problem::OwnScale { file: file.clone() });
    }
    if q.active_questions().next().is_none() {
        problems.push(Problem::NoQuestions { file: file.clone() });
    }
    let mut languages = BTreeSet::new();
    for (i, t) in q.translations.iter().enumerate() {
        let within = format!("{file}: translations[{i}]");
        if !languages.insert(t.language.as_str()) {
            problems.push(Problem::TranslationTwice {
                file: file.clone(),
                language: t.language.clone(),
            });
        }
        if let Err(found) = validate_translation(&within, q, t) {
            problems.extend(found);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks a translation (read from `file`) of the questionnaire `q`: the header,
/// every dimension and question there by id and none unknown, each question with
/// as many choices as the original, no text empty, and advice for "Don't know"
/// exactly where the original has it. Every problem is reported with the field's
/// path (`questions["calms.x"].choices`).
pub fn validate_translation(
    file: &str,
    q: &Questionnaire,
    t: &Translation,
) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let file = file.to_string();
    check_translation_header(&file, q, t, &mut problems);
    let mut texts: Vec<(String, &String)> =
        vec![("title".into(), &t.title), ("summary".into(), &t.summary)];
    for d in &q.dimensions {
        let path = format!("dimensions[{:?}]", d.id);
        match t.dimensions.get(&d.id) {
            None => problems.push(Problem::TranslationMissing {
                file: file.clone(),
                path,
            }),
            Some(text) => {
                texts.push((format!("{path}.name"), &text.name));
                texts.push((format!("{path}.description"), &text.description));
            }
        }
    }
    for question in &q.questions {
        check_translated_question(&file, question, t, &mut texts, &mut problems);
    }
    check_unknown_ids(&file, q, t, &mut problems);
    for (path, value) in texts {
        if value.trim().is_empty() {
            problems.push(Problem::TranslationEmpty {
                file: file.clone(),
                path,
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A translation's format version, its language (one this app speaks) and the
/// questionnaire it says it translates.
fn check_translation_header(
    file: &str,
    q: &Questionnaire,
    t: &Translation,
    problems: &mut Vec<Problem>,
) {
    if t.format_version != QUESTIONNAIRE_FORMAT_VERSION {
        problems.push(Problem::FormatVersion {
            file: file.to_string(),
            found: t.format_version,
            expected: QUESTIONNAIRE_FORMAT_VERSION,
        });
    }
    if Language::from_tag(&t.language).map(Language::code) != Some(t.language.as_str()) {
        problems.push(Problem::TranslationLanguage {
            file: file.to_string(),
            found: t.language.clone(),
        });
    }
    if t.questionnaire != q.id {
        problems.push(Problem::TranslationTarget {
            file: file.to_string(),
            found: t.questionnaire.clone(),
            expected: q.id.clone(),
        });
    }
}

/// One question of the original in translation `t`: there, with as many choices,
/// and advice for "Don't know" exactly where the original has it. Its texts are
/// added to `texts` (path, value), to be checked for emptiness after every
/// structural problem, so problems keep their order.
fn check_translated_question<'t>(
    file: &str,
    question: &Question,
    t: &'t Translation,
    texts: &mut Vec<(String, &'t String)>,
    problems: &mut Vec<Problem>,
) {
    let path = format!("questions[{:?}]", question.id);
    let Some(text) = t.questions.get(&question.id) else {
        problems.push(Problem::TranslationMissing {
            file: file.to_string(),
            path,
        });
        return;
    };
    texts.push((format!("{path}.text"), &text.text));
    texts.push((format!("{path}.advice"), &text.advice));
    if text.choices.len() != question.choices.len() {
        problems.push(Problem::TranslationChoices {
            file: file.to_string(),
            path: format!("{path}.choices"),
            found: text.choices.len(),
            expected: question.choices.len(),
        });
    }
    for (i, choice) in text.choices.iter().enumerate() {
        texts.push((format!("{path}.choices[{i}].label"), &choice.label));
        texts.push((format!("{path}.choices[{i}].means"), &choice.means));
    }
    match (&question.if_unknown, &text.if_unknown) {
        (Some(_), Some(advice)) => texts.push((format!("{path}.if_unknown"), advice)),
        (None, None) => {}
        (original, _) => problems.push(Problem::TranslationIfUnknown {
            file: file.to_string(),
            path: format!("{path}.if_unknown"),
            in_original: original.is_some(),
        }),
    }
}

/// Dimensions and questions the translation has but the questionnaire does not
/// (a typo in an id, or one removed since).
fn check_unknown_ids(file: &str, q: &Questionnaire, t: &Translation, problems: &mut Vec<Problem>) {
    let known_dimensions: BTreeSet<&str> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
    let known_questions: BTreeSet<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
    for id in t
        .dimensions
        .keys()
        .filter(|id| !known_dimensions.contains(id.as_str()))
    {
        problems.push(Problem::TranslationUnknown {
            file: file.to_string(),
            path: format!("dimensions[{id:?}]"),
        });
    }
    for id in t
        .questions
        .keys()
        .filter(|id| !known_questions.contains(id.as_str()))
    {
        problems.push(Problem::TranslationUnknown {
            file: file.to_string(),
            path: format!("questions[{id:?}]"),
        });
    }
}

/// The format version, the id and the questionnaire's own texts.
fn check_header(file: &str, q: &Questionnaire, problems: &mut Vec<Problem>) {
    if q.format_version != QUESTIONNAIRE_FORMAT_VERSION {
        problems.push(Problem::FormatVersion {
            file: file.to_string(),
            found: q.format_version,
            expected: QUESTIONNAIRE_FORMAT_VERSION,
        });
    }
    if !is_slug(&q.id) {
        problems.push(Problem::BadQuestionnaireId {
            file: file.to_string(),
            id: q.id.clone(),
        });
    }
    let texts = [
        ("title", &q.title),
        ("summary", &q.summary),
        ("source", &q.source),
    ];
    missing_texts(file, "questionnaire", &q.id, &texts, problems);
}

/// Unique dimension ids with their texts; returns the ids declared.
fn check_dimensions<'q>(
    file: &str,
    q: &'q Questionnaire,
    problems: &mut Vec<Problem>,
) -> BTreeSet<&'q str> {
    let mut ids = BTreeSet::new();
    for d in &q.dimensions {
        if !ids.insert(d.id.as_str()) {
            problems.push(Problem::DuplicateDimension {
                file: file.to_string(),
                id: d.id.clone(),
            });
        }
        let texts = [("name", &d.name), ("description", &d.description)];
        missing_texts(file, "dimension", &d.id, &texts, problems);
    }
    ids
}

/// One question's texts and its answers: choices in range, each labelled and
/// explained once, or a percentage with no choices.
fn check_question(file: &str, question: &Question, problems: &mut Vec<Problem>) {
    let id = &question.id;
    let texts = [
        ("text", &question.text),
        ("source", &question.source),
        ("advice", &question.advice),
    ];
    missing_texts(file, "question", id, &texts, problems);
    let n = question.choices.len();
    if question.answer == AnswerKind::Percent {
        if n > 0 {
            problems.push(Problem::ChoicesOnPercent {
                file: file.to_string(),
                id: id.clone(),
                found: n,
            });
        }
    } else if !(MIN_CHOICES..=MAX_CHOICES).contains(&n) {
        problems.push(Problem::ChoiceCount {
            file: file.to_string(),
            id: id.clone(),
            found: n,
        });
    }
    let mut labels = BTreeSet::new();
    for (index, choice) in question.choices.iter().enumerate() {
        if choice.label.trim().is_empty() || choice.means.trim().is_empty() {
            problems.push(Problem::EmptyChoice {
                file: file.to_string(),
                id: id.clone(),
                index,
            });
        }
        if !labels.insert(choice.label.trim()) {
            problems.push(Problem::DuplicateChoice {
                file: file.to_string(),
                id: id.clone(),
                label: choice.label.clone(),
            });
        }
    }
}

/// A problem for each of `texts` (field name, value) that is empty.
fn missing_texts(
    file: &str,
    what: &'static str,
    id: &str,
    texts: &[(&'static str, &String)],
    problems: &mut Vec<Problem>,
) {
    for (field, value) in texts {
        if value.trim().is_empty() {
            problems.push(Problem::MissingText {
                file: file.to_string(),
                what,
                id: id.to_string(),
                field,
            });
        }
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
