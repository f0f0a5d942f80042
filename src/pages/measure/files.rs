//! Reading the dropped files: their bytes, SHA-256 and text, then the core's
//! records; a refusal in the user's words with the parser's detail.

use crate::i18n::{k, number, t, tf, tp};
use crate::platform::mark;
use leptos::prelude::*;
use maturity_core::assessment::records::MeasuredFile;
use maturity_core::dora::deploys::{self, DeployError, FileKind, Records};
use maturity_core::limits::MAX_DEPLOY_FILE_BYTES;

/// Records read from the dropped files, with each file's name and checksum.
pub struct Loaded {
    pub records: Records,
    pub files: Vec<MeasuredFile>,
}

/// Reads every file: its bytes, their SHA-256, the text; then the records. The
/// user's words for whatever was refused, with the parser's detail.
pub async fn read_files(files: Vec<web_sys::File>) -> Result<Loaded, (String, Option<String>)> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let (text, sha256) = crate::platform::read_text_and_digest(
            file.clone(),
            MAX_DEPLOY_FILE_BYTES as f64,
            &t(k::MEASURE_FILE_KIND),
        )
        .await
        .map_err(|e| (e, None))?;
        read.push((file.name(), text, sha256));
    }
    let inputs: Vec<(&str, &str)> = read
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    mark("devops-maturity:read:start");
    let records = deploys::read(&inputs).map_err(|e| deploy_error(&e))?;
    mark("devops-maturity:read:end");
    Ok(Loaded {
        records,
        files: read
            .into_iter()
            .map(|(name, _, sha256)| MeasuredFile { name, sha256 })
            .collect(),
    })
}

/// A refused file in the user's words, and the technical detail.
fn deploy_error(e: &DeployError) -> (String, Option<String>) {
    use deploys::Problem::*;
    let problem = match &e.problem {
        TooLarge { limit } => tf(
            k::MEASURE_ERROR_TOO_LARGE,
            &[("limit", &number((*limit / (1024 * 1024)) as f64, 0))],
        ),
        TooMany { limit } => tf(
            k::MEASURE_ERROR_TOO_MANY,
            &[("limit", &number(*limit as f64, 0))],
        ),
        NotRecognised => t(k::MEASURE_ERROR_NOT_RECOGNISED),
        NoTimeColumn => t(k::MEASURE_ERROR_NO_TIME_COLUMN),
        Empty => t(k::MEASURE_ERROR_EMPTY),
        BadTime { value } => tf(k::MEASURE_ERROR_BAD_TIME, &[("value", value)]),
        BadYesNo { value } => tf(k::MEASURE_ERROR_BAD_YES_NO, &[("value", value)]),
        BadRow { .. } => t(k::MEASURE_ERROR_BAD_ROW),
        BadJson { .. } => t(k::MEASURE_ERROR_BAD_JSON),
        TwoDeploymentFiles => t(k::MEASURE_ERROR_TWO_FILES),
        TooManyFiles { limit } => tf(
            k::MEASURE_ERROR_TOO_MANY_FILES,
            &[("limit", &limit.to_string())],
        ),
        CompanionAlone => t(k::MEASURE_ERROR_COMPANION_ALONE),
        BadDeploymentUrl { value } => tf(k::MEASURE_ERROR_BAD_URL, &[("value", value)]),
    };
    let place = match &e.place {
        deploys::Place::File => String::new(),
        deploys::Place::Cell { row, column } => tf(
            k::MEASURE_ERROR_AT_CELL,
            &[("row", &row.to_string()), ("column", column)],
        ),
        deploys::Place::Row(row) => tf(k::MEASURE_ERROR_AT_ROW, &[("row", &row.to_string())]),
        deploys::Place::Path(path) => tf(k::MEASURE_ERROR_AT_PATH, &[("path", path)]),
    };
    let text = tf(
        k::MEASURE_ERROR,
        &[("file", &e.file), ("place", &place), ("problem", &problem)],
    );
    let details = match &e.problem {
        BadRow { detail } | BadJson { detail } => Some(format!("{e}\n{detail}")),
        _ => None,
    };
    (text, details)
}

fn kind_text(kind: FileKind) -> String {
    t(match kind {
        FileKind::Csv => k::MEASURE_KIND_CSV,
        FileKind::GitHubDeployments => k::MEASURE_KIND_GITHUB_DEPLOYMENTS,
        FileKind::GitHubStatuses => k::MEASURE_KIND_GITHUB_STATUSES,
        FileKind::GitHubCommits => k::MEASURE_KIND_GITHUB_COMMITS,
        FileKind::GitLabDeployments => k::MEASURE_KIND_GITLAB,
    })
}

/// What each file was read as.
pub fn files_view(l: &Loaded) -> impl IntoView {
    let items = l
        .records
        .files
        .iter()
        .map(|(name, kind)| view! { <li>{tf(k::MEASURE_FILE_READ, &[("file", name), ("kind", &kind_text(*kind))])}</li> })
        .collect_view();
    let count = tp(
        k::MEASURE_DEPLOYMENTS_LISTED,
        l.records.deployments.len(),
        &[],
    );
    view! {
        <ul class="measured-files">{items}</ul>
        <p role="status">{count}</p>
    }
}
