//! A team's own deployment records, read from the files it drops into the page: a
//! plain CSV, GitHub's deployments (with their statuses and a commits export) or
//! GitLab's deployments. Every format becomes the same list of [`Deployment`]s, and
//! says what it cannot tell ([`Columns`]); `measure` computes DORA's metrics from it.
//!
//! Untrusted input: every refusal is a [`DeployError`] naming the file and the row
//! and column (CSV) or the JSON path, and nothing here panics, whatever the bytes.

mod csv_file;
mod platforms;

use crate::limits::{MAX_DEPLOYMENTS, MAX_DEPLOY_FILES, MAX_DEPLOY_FILE_BYTES};
use std::collections::BTreeMap;

/// One deployment to an environment, as the records tell it. Times are
/// milliseconds since 1970 (UTC).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deployment {
    /// When it reached the environment (for a deployment that did not, when it was tried).
    pub at: i64,
    /// Whether it reached the environment: platform exports also list deployment
    /// jobs that failed, were cancelled or never finished.
    pub reached: Reached,
    pub environment: Option<String>,
    /// The changes it carried: commit time, and the commit id when the records name it.
    pub changes: Vec<Change>,
    /// Whether it caused a failure in production (None: the records do not say).
    pub failed: Option<bool>,
    /// When service was restored after it failed.
    pub restored_at: Option<i64>,
    /// Whether it was an unplanned deployment made to fix a problem users saw.
    pub rework: Option<bool>,
}

impl Deployment {
    /// Whether it went to `environment` (every deployment does when None).
    /// Environments are one whatever their case ("Production" is "production"),
    /// as a team writes them in different tools; each is shown as first written.
    pub fn goes_to(&self, environment: Option<&str>) -> bool {
        environment.is_none_or(|wanted| {
            self.environment
                .as_deref()
                .is_some_and(|own| same_environment(own, wanted))
        })
    }
}

/// Whether two environment names are one, ignoring case (without allocating:
/// it runs for every deployment measured).
pub fn same_environment(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether a listed deployment reached its environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub enum Reached {
    #[default]
    Yes,
    /// The deployment job failed, was cancelled or is still running.
    DidNotSucceed,
    /// GitHub: the statuses file has no status for this deployment.
    NoStatus,
}

/// A change a deployment carried.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// Commit time (None: the records name the commit but not its time).
    pub committed_at: Option<i64>,
    /// Commit id, when known: a commit counts once, at its first deployment.
    pub commit: Option<String>,
}

/// What the records can tell: a metric whose input is missing is unknown, never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Columns {
    pub commit_times: bool,
    pub failures: bool,
    pub restore_times: bool,
    pub rework: bool,
}

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    GitHub,
    GitLab,
}

/// What one dropped file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    GitHubDeployments,
    GitHubStatuses,
    GitHubCommits,
    GitLabDeployments,
}

/// Deployment records read from one or more files.
#[derive(Debug, Clone, PartialEq)]
pub struct Records {
    pub format: Format,
    pub deployments: Vec<Deployment>,
    pub columns: Columns,
    /// GitHub without a statuses file: every deployment counted at its creation time.
    pub without_statuses: bool,
    /// How many times had no time zone and were read as UTC.
    pub read_as_utc: usize,
    /// Each file, with what it was read as.
    pub files: Vec<(String, FileKind)>,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// A CSV cell: row number as a spreadsheet shows it (the header is row 1) and
    /// the column's header as written.
    Cell { row: u64, column: String },
    /// A CSV row as a whole.
    Row(u64),
    /// A JSON path like `[3].created_at`.
    Path(String),
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Larger than [`MAX_DEPLOY_FILE_BYTES`].
    TooLarge { limit: usize },
    /// More than [`MAX_DEPLOYMENTS`] deployments.
    TooMany { limit: usize },
    /// Neither a deployments CSV nor a JSON export this app reads.
    NotRecognised,
    /// A CSV without a column saying when each deployment happened.
    NoTimeColumn,
    /// A file with no rows or no deployments.
    Empty,
    /// Not a time: ISO 8601 or Unix seconds are read.
    BadTime { value: String },
    /// Not yes or no.
    BadYesNo { value: String },
    /// A row that is not CSV (for example an unclosed quote).
    BadRow { detail: String },
    /// JSON that is not the shape the platform publishes.
    BadJson { detail: String },
    /// Files of deployments in two formats (a CSV and a JSON export, or two CSVs).
    TwoDeploymentFiles,
    /// More than [`MAX_DEPLOY_FILES`] files at once.
    TooManyFiles { limit: usize },
    /// A statuses or commits file without GitHub deployments.
    CompanionAlone,
    /// A deployment status whose `deployment_url` names no deployment.
    BadDeploymentUrl { value: String },
}

/// A refused file: which, where, and why. Nothing was read from any file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployError {
    pub file: String,
    pub place: Place,
    pub problem: Problem,
}

impl DeployError {
    fn new(file: &str, place: Place, problem: Problem) -> DeployError {
        DeployError {
            file: file.to_string(),
            place,
            problem,
        }
    }
}

/// The file and the place, in English: the technical detail behind a refusal.
impl std::fmt::Display for DeployError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        match &self.place {
            Place::File => Ok(()),
            Place::Cell { row, column } => write!(f, ", row {row}, column {column}"),
            Place::Row(row) => write!(f, ", row {row}"),
            Place::Path(path) => write!(f, ", at {path}"),
        }
    }
}

/// What a file looks like, from its first characters.
pub fn kind_of(text: &str) -> Option<FileKind> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('[') && !start.starts_with('{') {
        return Some(FileKind::Csv);
    }
    // An empty export (`[]`): a page past the last, or nothing deployed.
    if start
        .strip_prefix('[')
        .is_some_and(|rest| rest.trim_start().starts_with(']'))
    {
        return None;
    }
    // The first object's keys tell the platform: look at the first 64 KB only.
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let has = |key: &str| head.contains(&format!("\"{key}\""));
    if has("deployment_url") {
        Some(FileKind::GitHubStatuses)
    } else if has("statuses_url") {
        Some(FileKind::GitHubDeployments)
    } else if has("deployable") || (has("iid") && has("status")) {
        Some(FileKind::GitLabDeployments)
    } else if has("commit") && has("sha") {
        Some(FileKind::GitHubCommits)
    } else {
        None
    }
}

/// Reads the dropped files (name, text) as one set of deployment records. A platform's
/// export may come in several pages (files) of each kind; a CSV comes alone.
pub fn read(files: &[(&str, &str)]) -> Result<Records, DeployError> {
    let kinds = kinds(files)?;
    let (name, kind) = format_of(&kinds)?;
    let of = |want: FileKind| -> Vec<(&str, &str)> {
        kinds
            .iter()
            .filter(|(_, _, k)| *k == want)
            .map(|(n, t, _)| (*n, *t))
            .collect()
    };
    let mut records = match kind {
        FileKind::Csv => csv_file::read(name, kinds[0].1)?,
        FileKind::GitLabDeployments => platforms::gitlab(&of(FileKind::GitLabDeployments))?,
        _ => platforms::github(
            &of(FileKind::GitHubDeployments),
            &of(FileKind::GitHubStatuses),
            &of(FileKind::GitHubCommits),
        )?,
    };
    if records.deployments.is_empty() {
        return Err(DeployError::new(name, Place::File, Problem::Empty));
    }
    if records.deployments.len() > MAX_DEPLOYMENTS {
        return Err(DeployError::new(
            name,
            Place::File,
            Problem::TooMany {
                limit: MAX_DEPLOYMENTS,
            },
        ));
    }
    records.files = kinds.iter().map(|(n, _, k)| (n.to_string(), *k)).collect();
    Ok(records)
}

impl Records {
    /// The environments named, with how many deployments reached each, most first.
    pub fn environments(&self) -> Vec<(String, usize)> {
        // By name ignoring case, each shown as first written.
        let mut counts: BTreeMap<String, (&str, usize)> = BTreeMap::new();
        for d in &self.deployments {
            if let Some(env) = &d.environment {
                let entry = counts.entry(env.to_lowercase()).or_insert((env, 0));
                entry.1 += usize::from(d.reached == Reached::Yes);
            }
        }
        let mut list: Vec<(String, usize)> = counts
            .into_values()
            .map(|(e, n)| (e.to_string(), n))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    }

    /// The environment measured unless the team picks another: the one called
    /// production (or prod, prd, live), else the one deployed to most.
    pub fn default_environment(&self) -> Option<String> {
        let list = self.environments();
        let production = ["production", "prod", "prd", "live"];
        list.iter()
            .find(|(e, _)| production.contains(&e.to_ascii_lowercase().as_str()))
            .or(list.first())
            .map(|(e, _)| e.clone())
    }
}

/// Each file (name, text) with what it is, in the order dropped; refuses too many
/// files, and a file too large, empty or of no format this app reads.
fn kinds<'f>(
    files: &[(&'f str, &'f str)],
) -> Result<Vec<(&'f str, &'f str, FileKind)>, DeployError> {
    if files.len() > MAX_DEPLOY_FILES {
        let (name, _) = files[0];
        return Err(DeployError::new(
            name,
            Place::File,
            Problem::TooManyFiles {
                limit: MAX_DEPLOY_FILES,
            },
        ));
    }
    let mut kinds = Vec::with_capacity(files.len());
    for (name, text) in files {
        if text.len() > MAX_DEPLOY_FILE_BYTES {
            return Err(DeployError::new(
                name,
                Place::File,
                Problem::TooLarge {
                    limit: MAX_DEPLOY_FILE_BYTES,
                },
            ));
        }
        let empty = text.trim().is_empty()
            || text
                .trim()
                .strip_prefix('[')
                .is_some_and(|r| r.trim() == "]");
        if empty {
            return Err(DeployError::new(name, Place::File, Problem::Empty));
        }
        let kind = kind_of(text)
            .ok_or_else(|| DeployError::new(name, Place::File, Problem::NotRecognised))?;
        kinds.push((*name, *text, kind));
    }
    Ok(kinds)
}

/// Whether a file of this kind lists deployments (the others only complete
/// GitHub's deployments).
fn primary(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Csv | FileKind::GitHubDeployments | FileKind::GitLabDeployments
    )
}

/// The set's format: its first file of deployments (name, kind). Refuses a set
/// without one, with two formats or two CSVs, or with GitHub's statuses or
/// commits beside anything but GitHub's deployments.
fn format_of<'f>(
    kinds: &[(&'f str, &'f str, FileKind)],
) -> Result<(&'f str, FileKind), DeployError> {
    let primaries: Vec<&(&str, &str, FileKind)> =
        kinds.iter().filter(|(_, _, k)| primary(*k)).collect();
    let Some(&&(name, _, kind)) = primaries.first() else {
        let (name, _, _) = kinds
            .first()
            .ok_or_else(|| DeployError::new("", Place::File, Problem::Empty))?;
        return Err(DeployError::new(name, Place::File, Problem::CompanionAlone));
    };
    // One format: several pages of one platform's deployments, but one CSV alone.
    let mixed = primaries.iter().find(|(_, _, k)| *k != kind);
    if let Some((other, _, _)) = mixed.or(primaries.get(1).filter(|_| kind == FileKind::Csv)) {
        return Err(DeployError::new(
            other,
            Place::File,
            Problem::TwoDeploymentFiles,
        ));
    }
    if kind != FileKind::GitHubDeployments {
        if let Some((other, _, _)) = kinds.iter().find(|(_, _, k)| !primary(*k)) {
            return Err(DeployError::new(
                other,
                Place::File,
                Problem::CompanionAlone,
            ));
        }
    }
    Ok((name, kind))
}
