//! Every limit the app enforces on what people type or load, in one place, so a
//! message that states a limit and the check that applies it can never disagree.

/// Longest team name accepted, in characters.
pub const MAX_TEAM_NAME: usize = 80;
/// Longest run notes (and a workshop's note on a question) accepted, in characters.
pub const MAX_NOTES: usize = 4000;
/// Longest action text (and owner) accepted, in characters.
pub const MAX_ACTION: usize = 300;
/// The longest id an action's target names (built-in ids are far shorter).
pub const MAX_TARGET_ID: usize = 200;
/// The most tags a team carries.
pub const MAX_TAGS: usize = 10;
/// The longest tag, in characters.
pub const MAX_TAG: usize = 40;
/// The most answer codes one workshop accepts: a big room, with margin.
pub const MAX_PARTICIPANTS: usize = 200;
/// The most questionnaires of their own a browser keeps.
pub const MAX_CUSTOM: usize = 20;
/// The largest questionnaire file accepted from a user.
pub const MAX_CUSTOM_BYTES: usize = 256 * 1024;
/// The largest backup file accepted: about 2,500 full assessments.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The largest deployment-records file accepted (CSV or a platform's JSON export).
pub const MAX_DEPLOY_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The most deployments one set of deployment records may hold.
pub const MAX_DEPLOYMENTS: usize = 100_000;
/// The most files read together as one set of deployment records (an export in
/// several pages, statuses and commits included).
pub const MAX_DEPLOY_FILES: usize = 12;
