//! Why a change to the saved state was refused: one named error per failure, grouped
//! by what the change was about, each with a message a user can act on.
//!
//! Nothing changes when one of these is returned.

use crate::limits::{
    MAX_ACTION, MAX_CUSTOM, MAX_NOTES, MAX_PARTICIPANTS, MAX_TAG, MAX_TAGS, MAX_TEAM_NAME,
};
use thiserror::Error;

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChangeError {
    #[error(transparent)]
    Team(#[from] TeamError),
    #[error(transparent)]
    Run(#[from] RunError),
    #[error(transparent)]
    Workshop(#[from] WorkshopError),
    #[error(transparent)]
    Action(#[from] ActionError),
    #[error(transparent)]
    Questionnaire(#[from] QuestionnaireError),
    #[error("Notes can be at most {MAX_NOTES} characters long.")]
    NotesTooLong,
    /// A value the question does not take (see [`crate::assessment::model::Question::accepts`]).
    #[error("That is not one of this question's answers.")]
    NotAnAnswer,
    /// The text the user was editing (notes, a team's name) was changed elsewhere
    /// (another tab) since they began; `theirs` is the text now saved. Nothing was
    /// changed: the user chooses.
    #[error(
        "This was changed in another tab while you were editing it; it now reads \"{theirs}\"."
    )]
    EditedElsewhere { theirs: String },
    /// The page is closing and its state is gone; nothing was changed.
    #[error("The page is closing; nothing was changed.")]
    Closed,
    /// An import refused (the message says why).
    #[error("{0}")]
    Import(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TeamError {
    #[error("Give the team a name.")]
    EmptyName,
    #[error("Team names can be at most {MAX_TEAM_NAME} characters long.")]
    NameTooLong,
    #[error("There is already a team called \"{0}\".")]
    NameTaken(String),
    #[error("That team no longer exists; it may have been deleted in another tab.")]
    Unknown,
    #[error("That industry or organisation size is not one the DORA benchmarks know.")]
    UnknownPeers,
    #[error("A team can have at most {MAX_TAGS} tags of at most {MAX_TAG} characters each.")]
    TooManyTags,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RunError {
    #[error("Choose at least one questionnaire.")]
    NoQuestionnaire,
    #[error("That assessment no longer exists; it may have been deleted in another tab.")]
    Unknown,
    #[error("That assessment is finished; its answers can no longer change.")]
    Finished,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkshopError {
    #[error("That workshop is not on this device; it may have been deleted in another tab.")]
    Unknown,
    #[error("This workshop has been saved as the team's assessment; it can no longer change.")]
    Saved,
    #[error("Could not start the workshop: please try again.")]
    IdTaken,
    #[error("That participant's answers are no longer in this workshop.")]
    UnknownParticipant,
    #[error("This workshop already holds answers from {MAX_PARTICIPANTS} participants, the most it takes.")]
    TooManyParticipants,
    #[error("Collect at least one participant's answers first.")]
    NoAnswers,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ActionError {
    #[error("Say what the action is.")]
    Empty,
    #[error("Actions and owners can be at most {MAX_ACTION} characters long.")]
    TooLong,
    #[error("Give the due date as a date (YYYY-MM-DD), or leave it empty.")]
    BadDate,
    #[error("That action no longer exists; it may have been removed in another tab.")]
    Unknown,
    #[error(
        "Choose one dimension or one question of a questionnaire as the action's target, or none."
    )]
    BadTarget,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuestionnaireError {
    /// A questionnaire file refused (the message says why and where).
    #[error("{0}")]
    Invalid(String),
    #[error(
        "This browser already keeps {MAX_CUSTOM} questionnaires of your own; remove one first."
    )]
    TooMany,
    #[error("That questionnaire is used by {} or {}: it cannot be removed or changed, so their answers keep their meaning. Give a changed version a new id.", crate::words::count(*.0, "assessment", "assessments"), crate::words::noun(*.0, "workshop", "workshops"))]
    InUse(usize),
    #[error("There is no questionnaire of your own with that id.")]
    Unknown,
}

/// Why a stored value (or a backup file) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("it is not valid JSON ({0})")]
    NotJson(String),
    #[error("it was not written by this app")]
    Foreign,
    #[error("it was saved by a newer version of this app (format {found}; this version reads up to {supported}); open it with the newer version")]
    Newer { found: u32, supported: u32 },
    #[error("it uses format {0}, which this version cannot read")]
    Unsupported(u32),
    #[error("its contents are damaged ({0})")]
    Damaged(String),
}
