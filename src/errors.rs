//! What the core's refusals say to a person, in the language shown: one message
//! per kind of refusal (`assets/i18n/<code>/errors.json`). The core's own wording
//! (its `Display`, in English) stays the technical detail, shown behind a
//! "Details" disclosure where a person may need it to fix a file.

use crate::i18n::{k, t, tf, tp};
use crate::storage::{Notice, StorageError};
use leptos::prelude::*;
use maturity_core::error::{ActionError, QuestionnaireError, RunError, TeamError, WorkshopError};
use maturity_core::limits::{
    MAX_ACTION, MAX_CUSTOM, MAX_NOTES, MAX_PARTICIPANTS, MAX_TAG, MAX_TAGS, MAX_TEAM_NAME,
};
use maturity_core::store::import::ImportError;
use maturity_core::workshop::codec::CodeError;
use maturity_core::{CatalogError, ChangeError, DecodeError};

/// A refusal: what is wrong in the user's words, and the technical detail (a
/// parser's line and column, a file's field paths) behind a "Details" disclosure.
#[component]
pub fn Refusal(text: String, details: Option<String>) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            <p>{text}</p>
            {details.map(|d| view! {
                <details>
                    <summary>{t(k::ERROR_DETAILS)}</summary>
                    <pre class="details">{d}</pre>
                </details>
            })}
        </div>
    }
}

/// A refused change, as a sentence.
pub fn change(error: &ChangeError) -> String {
    match error {
        ChangeError::Team(e) => match e {
            TeamError::EmptyName => t(k::ERROR_TEAM_EMPTY_NAME),
            TeamError::NameTooLong => tf(
                k::ERROR_TEAM_NAME_TOO_LONG,
                &[("max", &MAX_TEAM_NAME.to_string())],
            ),
            TeamError::NameTaken(name) => tf(k::ERROR_TEAM_NAME_TAKEN, &[("name", name)]),
            TeamError::Unknown => t(k::ERROR_TEAM_UNKNOWN),
            TeamError::UnknownPeers => t(k::ERROR_TEAM_UNKNOWN_PEERS),
            TeamError::TooManyTags => tf(
                k::ERROR_TEAM_TOO_MANY_TAGS,
                &[
                    ("max", &MAX_TAGS.to_string()),
                    ("length", &MAX_TAG.to_string()),
                ],
            ),
        },
        ChangeError::Run(e) => match e {
            RunError::NoQuestionnaire => t(k::ERROR_RUN_NO_QUESTIONNAIRE),
            RunError::Unknown => t(k::ERROR_RUN_UNKNOWN),
            RunError::Finished => t(k::ERROR_RUN_FINISHED),
        },
        ChangeError::Workshop(e) => match e {
            WorkshopError::Unknown => t(k::ERROR_WORKSHOP_UNKNOWN),
            WorkshopError::Saved => t(k::ERROR_WORKSHOP_SAVED),
            WorkshopError::IdTaken => t(k::ERROR_WORKSHOP_ID_TAKEN),
            WorkshopError::UnknownParticipant => t(k::ERROR_WORKSHOP_UNKNOWN_PARTICIPANT),
            WorkshopError::TooManyParticipants => tf(
                k::ERROR_WORKSHOP_TOO_MANY,
                &[("max", &MAX_PARTICIPANTS.to_string())],
            ),
            WorkshopError::NoAnswers => t(k::ERROR_WORKSHOP_NO_ANSWERS),
        },
        ChangeError::Action(e) => match e {
            ActionError::Empty => t(k::ERROR_ACTION_EMPTY),
            ActionError::TooLong => tf(
                k::ERROR_ACTION_TOO_LONG,
                &[("max", &MAX_ACTION.to_string())],
            ),
            ActionError::BadDate => t(k::ERROR_ACTION_BAD_DATE),
            ActionError::Unknown => t(k::ERROR_ACTION_UNKNOWN),
            ActionError::BadTarget => t(k::ERROR_ACTION_BAD_TARGET),
        },
        ChangeError::Questionnaire(e) => match e {
            QuestionnaireError::Invalid(_) => t(k::ERROR_QUESTIONNAIRE_INVALID),
            QuestionnaireError::TooMany => tf(
                k::ERROR_QUESTIONNAIRE_TOO_MANY,
                &[("max", &MAX_CUSTOM.to_string())],
            ),
            QuestionnaireError::InUse(n) => tp(k::ERROR_QUESTIONNAIRE_IN_USE, *n, &[]),
            QuestionnaireError::Unknown => t(k::ERROR_QUESTIONNAIRE_UNKNOWN),
        },
        ChangeError::NotesTooLong => {
            tf(k::ERROR_NOTES_TOO_LONG, &[("max", &MAX_NOTES.to_string())])
        }
        ChangeError::NotAnAnswer => t(k::ERROR_NOT_AN_ANSWER),
        ChangeError::EditedElsewhere { theirs } => {
            tf(k::ERROR_EDITED_ELSEWHERE, &[("theirs", theirs)])
        }
        ChangeError::Closed => t(k::ERROR_CLOSED),
        ChangeError::Import(_) => t(k::ERROR_IMPORT_REFUSED),
    }
}

/// The technical detail of a refused change, when there is more to say than
/// [`change`] does (a questionnaire file's problems, an import's reason).
pub fn change_details(error: &ChangeError) -> Option<String> {
    match error {
        ChangeError::Questionnaire(QuestionnaireError::Invalid(why)) | ChangeError::Import(why) => {
            Some(why.clone())
        }
        _ => None,
    }
}

/// Why a code or link was refused.
pub fn code(error: &CodeError) -> String {
    match error {
        CodeError::Empty => t(k::ERROR_CODE_EMPTY),
        CodeError::NotACode => t(k::ERROR_CODE_NOT_A_CODE),
        CodeError::JoinNotAnswer => t(k::ERROR_CODE_JOIN_NOT_ANSWER),
        CodeError::AnswerNotJoin => t(k::ERROR_CODE_ANSWER_NOT_JOIN),
        CodeError::OldFormat { found } => {
            tf(k::ERROR_CODE_OLD_FORMAT, &[("found", &found.to_string())])
        }
        CodeError::NewerFormat { found } => {
            tf(k::ERROR_CODE_NEWER_FORMAT, &[("found", &found.to_string())])
        }
        CodeError::Truncated => t(k::ERROR_CODE_TRUNCATED),
        CodeError::Tampered => t(k::ERROR_CODE_TAMPERED),
        CodeError::OtherWorkshop => t(k::ERROR_CODE_OTHER_WORKSHOP),
        CodeError::DifferentQuestions => t(k::ERROR_CODE_DIFFERENT_QUESTIONS),
        CodeError::OtherAppVersion => t(k::ERROR_CODE_OTHER_APP_VERSION),
        CodeError::UnknownQuestionnaire(id) => {
            tf(k::ERROR_CODE_UNKNOWN_QUESTIONNAIRE, &[("id", id)])
        }
    }
}

/// What happened to one answer code the facilitator added.
pub fn outcome(o: &maturity_core::store::collect::Outcome) -> String {
    use maturity_core::store::collect::Said;
    use maturity_core::store::Added;
    match &o.said {
        Said::NoWorkshop => t(k::COLLECT_OUTCOME_NO_WORKSHOP),
        Said::OtherQuestions => t(k::COLLECT_OUTCOME_OTHER_QUESTIONS),
        Said::NothingFound => t(k::COLLECT_OUTCOME_NOTHING),
        Said::Refused {
            code: shown,
            reason,
        } => tf(
            k::COLLECT_OUTCOME_REFUSED,
            &[("code", shown), ("reason", &code(reason))],
        ),
        Said::NotAdded => t(k::COLLECT_OUTCOME_NOT_ADDED),
        Said::Participant { n, added } => tf(
            match added {
                Added::New => k::COLLECT_OUTCOME_ADDED,
                Added::Replaced => k::COLLECT_OUTCOME_REPLACED,
                Added::Duplicate => k::COLLECT_OUTCOME_DUPLICATE,
                Added::Outdated => k::COLLECT_OUTCOME_OUTDATED,
            },
            &[("number", &n.to_string())],
        ),
        Said::Other => o.message.clone(),
    }
}

/// Why the saved state could not be read or kept, as a sentence.
pub fn storage(error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => t(k::COMMON_STORAGE_UNAVAILABLE),
        StorageError::Full => t(k::COMMON_STORAGE_FULL),
        StorageError::Refused(name) if name.is_empty() => t(k::COMMON_STORAGE_REFUSED),
        StorageError::Refused(name) => tf(k::COMMON_STORAGE_REFUSED_NAMED, &[("name", name)]),
        StorageError::NotKept => t(k::COMMON_STORAGE_NOT_KEPT),
        StorageError::NotEncoded(error) => tf(k::COMMON_STORAGE_NOT_ENCODED, &[("error", error)]),
        StorageError::Unreadable(error) => decode(error),
    }
}

/// What the banner says about the saved data.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::Recovered { reason, backup_key } => tf(
            k::COMMON_NOTICE_RECOVERED,
            &[("reason", &decode(reason)), ("backup_key", backup_key)],
        ),
        Notice::Untouched { reason } => {
            tf(k::COMMON_NOTICE_UNTOUCHED, &[("reason", &storage(reason))])
        }
        Notice::Unavailable => t(k::COMMON_NOTICE_UNAVAILABLE),
        Notice::Diverged => t(k::COMMON_NOTICE_DIVERGED),
        Notice::SaveFailed { reason } => tf(
            k::COMMON_NOTICE_SAVE_FAILED,
            &[("reason", &storage(reason))],
        ),
    }
}

/// Why a stored value or a backup could not be read, as the end of a sentence
/// ("Your saved assessments could not be read: {this}.").
pub fn decode(error: &DecodeError) -> String {
    match error {
        DecodeError::NotJson(_) => t(k::ERROR_DECODE_NOT_JSON),
        DecodeError::Foreign => t(k::ERROR_DECODE_FOREIGN),
        DecodeError::Newer { .. } => t(k::ERROR_DECODE_NEWER),
        DecodeError::Unsupported(_) => t(k::ERROR_DECODE_UNSUPPORTED),
        DecodeError::Damaged(_) => t(k::ERROR_DECODE_DAMAGED),
    }
}

/// Why a backup file was refused, and the technical detail (the parser's words,
/// with the line and column) for a "Details" disclosure.
pub fn import(error: &ImportError) -> (String, Option<String>) {
    match error {
        ImportError::Empty => (t(k::ERROR_IMPORT_EMPTY), None),
        ImportError::TooLarge { size } => {
            let mb = crate::i18n::number(*size as f64 / (1024.0 * 1024.0), 1);
            (tf(k::ERROR_IMPORT_TOO_LARGE, &[("size", &mb)]), None)
        }
        ImportError::Unreadable(e) => (
            tf(k::ERROR_IMPORT_UNREADABLE, &[("reason", &decode(e))]),
            Some(e.to_string()),
        ),
        ImportError::Invalid(why) => (t(k::ERROR_IMPORT_INVALID), Some(why.clone())),
    }
}

/// Why a questionnaire file was refused, and its problems (each naming the field,
/// in the file's own terms) for a "Details" disclosure.
pub fn questionnaire_file(error: &CatalogError) -> (String, Option<String>) {
    match error {
        // Said where: the field, and the line where the file gives one.
        CatalogError::Parse { path, line, .. } if !path.is_empty() => {
            let said = match line {
                0 => tf(k::ERROR_FILE_BAD_FIELD, &[("path", path)]),
                _ => tf(
                    k::ERROR_FILE_BAD_FIELD_AT,
                    &[("path", path), ("line", &line.to_string())],
                ),
            };
            (said, Some(error.to_string()))
        }
        CatalogError::Parse { .. } => (t(k::ERROR_FILE_UNREADABLE), Some(error.to_string())),
        CatalogError::Invalid(problems) => (
            tp(k::ERROR_FILE_PROBLEMS, problems.len(), &[]),
            Some(error.to_string()),
        ),
        CatalogError::DuplicateQuestionnaire { id, .. } => {
            (tf(k::ERROR_FILE_ID_TAKEN, &[("id", id)]), None)
        }
        CatalogError::QuestionPrefix { id, prefix } => (
            tf(k::ERROR_FILE_PREFIX, &[("id", id), ("prefix", prefix)]),
            None,
        ),
    }
}
