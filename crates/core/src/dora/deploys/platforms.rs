//! GitHub's and GitLab's deployment exports, in the shapes their REST APIs publish:
//! GitHub `GET /repos/{owner}/{repo}/deployments` (+ the statuses of each deployment,
//! concatenated into one array, + `GET /repos/{owner}/{repo}/commits` for commit
//! times), and GitLab `GET /projects/:id/deployments`. Only the fields named in the
//! structs below are read; everything else in an object is ignored.

use super::{Change, Columns, DeployError, Deployment, Format, Place, Problem, Reached, Records};
use crate::calendar as time;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::HashMap;

/// Parses a JSON array of `T`, naming the JSON path of the first thing that is wrong.
fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<Vec<T>, DeployError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let list: Vec<T> = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let detail = e.into_inner().to_string();
        let place = if path == "." || path.is_empty() {
            Place::File
        } else {
            Place::Path(path)
        };
        DeployError::new(name, place, Problem::BadJson { detail })
    })?;
    deserializer.end().map_err(|e| {
        DeployError::new(
            name,
            Place::File,
            Problem::BadJson {
                detail: e.to_string(),
            },
        )
    })?;
    Ok(list)
}

/// Reads a time at a JSON path (`[3].created_at`), counting times read as UTC.
fn time_at(
    name: &str,
    path: impl Fn() -> String,
    value: &str,
    utc: &mut usize,
) -> Result<i64, DeployError> {
    match time::parse(value) {
        Some(read) => {
            *utc += usize::from(!read.zoned);
            Ok(read.millis)
        }
        None => Err(DeployError::new(
            name,
            Place::Path(path()),
            Problem::BadTime {
                value: value.chars().take(60).collect(),
            },
        )),
    }
}

#[derive(Deserialize)]
struct GitHubDeployment {
    id: u64,
    /// `commit_sha` in GitHub's REST API version 2026-03-10.
    #[serde(alias = "commit_sha")]
    sha: String,
    #[serde(default)]
    environment: Option<String>,
    created_at: String,
}

#[derive(Deserialize)]
struct GitHubStatus {
    state: String,
    created_at: String,
    deployment_url: String,
}

#[derive(Deserialize)]
struct GitHubCommit {
    sha: String,
    commit: GitHubCommitDetail,
}

#[derive(Deserialize)]
struct GitHubCommitDetail {
    #[serde(default)]
    committer: Option<GitHubPerson>,
    #[serde(default)]
    author: Option<GitHubPerson>,
}

#[derive(Deserialize)]
struct GitHubPerson {
    #[serde(default)]
    date: Option<String>,
}

/// GitHub: a deployment reached its environment at its first `success` status (with
/// a statuses file) or at its creation (without one); its commit's time comes from
/// the commits file. GitHub records whether a deployment job succeeded, not whether
/// it failed in production, so failures, recovery and rework stay unknown.
pub(super) fn github(
    deployment_files: &[(&str, &str)],
    status_files: &[(&str, &str)],
    commit_files: &[(&str, &str)],
) -> Result<Records, DeployError> {
    let mut utc = 0;
    let outcome = github_outcomes(status_files, &mut utc)?;
    let commit_times = github_commit_times(commit_files, &mut utc)?;
    let mut deployments = Vec::new();
    for &(name, text) in deployment_files {
        let listed: Vec<GitHubDeployment> = parse(name, text)?;
        for (i, d) in listed.into_iter().enumerate() {
            let created = time_at(
                name,
                || format!("[{i}].created_at"),
                &d.created_at,
                &mut utc,
            )?;
            let (at, reached) = match (status_files.is_empty(), outcome.get(&d.id)) {
                (true, _) => (created, Reached::Yes),
                (false, Some(Some(success))) => (*success, Reached::Yes),
                (false, Some(None)) => (created, Reached::DidNotSucceed),
                (false, None) => (created, Reached::NoStatus),
            };
            deployments.push(Deployment {
                at,
                reached,
                environment: d.environment,
                changes: vec![Change {
                    committed_at: commit_times.get(d.sha.as_str()).copied(),
                    commit: Some(d.sha),
                }],
                failed: None,
                restored_at: None,
                rework: None,
            });
        }
    }
    Ok(Records {
        format: Format::GitHub,
        deployments,
        columns: Columns {
            commit_times: !commit_files.is_empty(),
            ..Columns::default()
        },
        without_statuses: status_files.is_empty(),
        read_as_utc: utc,
        files: Vec::new(),
    })
}

/// GitHub's statuses files: deployment id -> time of its first success, or None
/// when it has statuses but none succeeded. Times read as UTC are added to `utc`.
fn github_outcomes(
    status_files: &[(&str, &str)],
    utc: &mut usize,
) -> Result<HashMap<u64, Option<i64>>, DeployError> {
    let mut outcome: HashMap<u64, Option<i64>> = HashMap::new();
    for &(status_file, status_text) in status_files {
        let list: Vec<GitHubStatus> = parse(status_file, status_text)?;
        for (i, status) in list.iter().enumerate() {
            let id = status
                .deployment_url
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .and_then(|id| id.parse::<u64>().ok())
                .filter(|_| status.deployment_url.contains("/deployments/"))
                .ok_or_else(|| {
                    DeployError::new(
                        status_file,
                        Place::Path(format!("[{i}].deployment_url")),
                        Problem::BadDeploymentUrl {
                            value: status.deployment_url.chars().take(120).collect(),
                        },
                    )
                })?;
            let at = time_at(
                status_file,
                || format!("[{i}].created_at"),
                &status.created_at,
                utc,
            )?;
            let entry = outcome.entry(id).or_insert(None);
            if status.state == "success" {
                *entry = Some(entry.map_or(at, |first: i64| first.min(at)));
            }
        }
    }
    Ok(outcome)
}

/// GitHub's commits files: commit sha -> its committer's time (else its author's).
/// Times read as UTC are added to `utc`.
fn github_commit_times(
    commit_files: &[(&str, &str)],
    utc: &mut usize,
) -> Result<HashMap<String, i64>, DeployError> {
    let mut commit_times: HashMap<String, i64> = HashMap::new();
    for &(commit_file, commit_text) in commit_files {
        let list: Vec<GitHubCommit> = parse(commit_file, commit_text)?;
        for (i, c) in list.into_iter().enumerate() {
            let committer = c
                .commit
                .committer
                .and_then(|p| p.date)
                .map(|d| ("committer", d));
            let author = c.commit.author.and_then(|p| p.date).map(|d| ("author", d));
            if let Some((who, date)) = committer.or(author) {
                let at = time_at(
                    commit_file,
                    || format!("[{i}].commit.{who}.date"),
                    &date,
                    utc,
                )?;
                commit_times.insert(c.sha, at);
            }
        }
    }
    Ok(commit_times)
}

#[derive(Deserialize)]
struct GitLabDeployment {
    #[serde(default)]
    sha: Option<String>,
    status: String,
    created_at: String,
    #[serde(default)]
    updated_at: Option<String>,
    #[serde(default)]
    finished_at: Option<String>,
    #[serde(default)]
    environment: Option<GitLabEnvironment>,
    #[serde(default)]
    deployable: Option<GitLabDeployable>,
}

#[derive(Deserialize)]
struct GitLabEnvironment {
    name: String,
}

#[derive(Deserialize)]
struct GitLabDeployable {
    #[serde(default)]
    finished_at: Option<String>,
    #[serde(default)]
    commit: Option<GitLabCommit>,
}

#[derive(Deserialize)]
struct GitLabCommit {
    #[serde(default)]
    committed_date: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
}

/// GitLab: a deployment with status `success` reached its environment when it
/// finished; its commit's time is in `deployable.commit`. Like GitHub, GitLab's
/// deployments say nothing about failures in production.
pub(super) fn gitlab(files: &[(&str, &str)]) -> Result<Records, DeployError> {
    let mut utc = 0;
    let mut deployments = Vec::new();
    for &(name, text) in files {
        let listed: Vec<GitLabDeployment> = parse(name, text)?;
        for (i, d) in listed.iter().enumerate() {
            let (field, when) = [
                ("finished_at", d.finished_at.as_deref()),
                (
                    "deployable.finished_at",
                    d.deployable.as_ref().and_then(|j| j.finished_at.as_deref()),
                ),
                ("updated_at", d.updated_at.as_deref()),
                ("created_at", Some(d.created_at.as_str())),
            ]
            .into_iter()
            .find_map(|(field, value)| value.filter(|v| !v.is_empty()).map(|v| (field, v)))
            .unwrap_or(("created_at", d.created_at.as_str()));
            let at = time_at(name, || format!("[{i}].{field}"), when, &mut utc)?;
            let commit = d.deployable.as_ref().and_then(|j| j.commit.as_ref());
            let committed_at = match commit.and_then(|c| {
                c.committed_date
                    .as_deref()
                    .map(|v| ("committed_date", v))
                    .or(c.created_at.as_deref().map(|v| ("created_at", v)))
            }) {
                Some((field, value)) => Some(time_at(
                    name,
                    || format!("[{i}].deployable.commit.{field}"),
                    value,
                    &mut utc,
                )?),
                None => None,
            };
            deployments.push(Deployment {
                at,
                reached: if d.status == "success" {
                    Reached::Yes
                } else {
                    Reached::DidNotSucceed
                },
                environment: d.environment.as_ref().map(|e| e.name.clone()),
                changes: vec![Change {
                    committed_at,
                    commit: d.sha.clone(),
                }],
                failed: None,
                restored_at: None,
                rework: None,
            });
        }
    }
    Ok(Records {
        format: Format::GitLab,
        deployments,
        columns: Columns {
            commit_times: true,
            ..Columns::default()
        },
        without_statuses: false,
        read_as_utc: utc,
        files: Vec::new(),
    })
}
