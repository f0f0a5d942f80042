//! The plain deployments CSV: one row per deployment, or one row per change with the
//! deployment's id (or time) repeated. Headers are matched loosely (case, spaces,
//! `_` and `-` ignored; common spellings accepted); comma, semicolon or tab separated.

use super::{Change, Columns, DeployError, Deployment, Format, Place, Problem, Reached, Records};
use crate::calendar as time;
use std::collections::HashMap;

/// The columns read, each with the header spellings accepted (compared after
/// lower-casing and dropping spaces, `_`, `-` and `.`). The first is the documented one.
pub const DEPLOYED: &[&str] = &[
    "deployed_at",
    "deployed",
    "deployment_time",
    "deploy_time",
    "deployed_time",
    "deployment_date",
    "deploy_date",
    "released_at",
    "release_time",
    "finished_at",
    "timestamp",
    "time",
    "date",
];
pub const COMMITTED: &[&str] = &[
    "committed_at",
    "commit_time",
    "commit_at",
    "commit_date",
    "committed",
    "first_commit_at",
    "oldest_commit_at",
    "change_committed_at",
    "commit_timestamp",
];
pub const FAILED: &[&str] = &[
    "failed",
    "failure",
    "change_failure",
    "caused_failure",
    "failed_in_production",
    "incident",
    "is_failure",
];
pub const RESTORED: &[&str] = &[
    "restored_at",
    "restored",
    "recovered_at",
    "recovered",
    "resolved_at",
    "resolved",
    "restore_time",
    "recovery_time",
];
pub const REWORK: &[&str] = &[
    "rework",
    "unplanned",
    "is_rework",
    "unplanned_fix",
    "hotfix",
];
pub const ID: &[&str] = &["deployment_id", "deploy_id", "id", "release", "version"];
pub const ENVIRONMENT: &[&str] = &["environment", "env", "stage"];

fn squash(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads yes/no cells (in English, Spanish, German or French); an empty cell is no.
fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" | "f" | "ok" | "success" | "succeeded" | "falso"
        | "nein" | "falsch" | "non" | "faux" => Some(false),
        "true" | "yes" | "y" | "1" | "t" | "x" | "failed" | "failure" | "sí" | "si"
        | "verdadero" | "ja" | "wahr" | "oui" | "vrai" => Some(true),
        _ => None,
    }
}

pub(super) fn read(name: &str, text: &str) -> Result<Records, DeployError> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            DeployError::new(
                name,
                Place::Row(1),
                Problem::BadRow {
                    detail: e.to_string(),
                },
            )
        })?
        .clone();
    let squashed: Vec<String> = headers.iter().map(squash).collect();
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| squashed.iter().position(|h| *h == squash(n)))
    };
    let deployed = find(DEPLOYED)
        .ok_or_else(|| DeployError::new(name, Place::Row(1), Problem::NoTimeColumn))?;
    let committed = find(COMMITTED);
    let failed = find(FAILED);
    let restored = find(RESTORED);
    let rework = find(REWORK);
    let id = find(ID).filter(|i| *i != deployed);
    let environment = find(ENVIRONMENT);
    let header = |i: usize| headers.get(i).unwrap_or_default().trim().to_string();

    let mut deployments: Vec<Deployment> = Vec::new();
    // A deployment's id, or without an id column its time -> its index in `deployments`.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_time: HashMap<i64, usize> = HashMap::new();
    // One row per change repeats the deployment's time: read it once.
    let mut last_deployed: (String, i64, bool) = (String::new(), 0, false);
    let mut read_as_utc = 0;
    let mut record = csv::StringRecord::new();
    let mut row = 1u64;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map(|p| p.line()).unwrap_or(row + 1);
                return Err(DeployError::new(
                    name,
                    Place::Row(at),
                    Problem::BadRow {
                        detail: e.to_string(),
                    },
                ));
            }
        }
        row = record.position().map(|p| p.line()).unwrap_or(row + 1);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .unwrap_or_default()
        };
        let bad = |i: usize, problem: Problem| {
            DeployError::new(
                name,
                Place::Cell {
                    row,
                    column: header(i),
                },
                problem,
            )
        };
        if last_deployed.0.is_empty() || cell(Some(deployed)) != last_deployed.0 {
            let text = cell(Some(deployed));
            let read = time::parse(text).ok_or_else(|| {
                bad(
                    deployed,
                    Problem::BadTime {
                        value: text.chars().take(60).collect(),
                    },
                )
            })?;
            read_as_utc += usize::from(!read.zoned && !read.date_only);
            last_deployed = (text.to_string(), read.millis, read.date_only);
        }
        let (at, date_only) = (last_deployed.1, last_deployed.2);
        let mut time_in = |i: usize| -> Result<Option<i64>, DeployError> {
            let value = cell(Some(i));
            if value.is_empty() {
                return Ok(None);
            }
            match time::parse(value) {
                Some(read) => {
                    read_as_utc += usize::from(!read.zoned);
                    Ok(Some(read.millis))
                }
                None => Err(bad(
                    i,
                    Problem::BadTime {
                        value: value.chars().take(60).collect(),
                    },
                )),
            }
        };
        let commit_time = match committed {
            Some(i) => time_in(i)?,
            None => None,
        };
        let restored_at = match restored {
            Some(i) => time_in(i)?,
            None => None,
        };
        let flag = |i: Option<usize>| -> Result<Option<bool>, DeployError> {
            match i {
                None => Ok(None),
                Some(i) => yes_no(cell(Some(i))).map(Some).ok_or_else(|| {
                    bad(
                        i,
                        Problem::BadYesNo {
                            value: cell(Some(i)).chars().take(60).collect(),
                        },
                    )
                }),
            }
        };
        let failed_here = flag(failed)?;
        let rework_here = flag(rework)?;
        // A change for every row when the file has commit times: an empty cell is a
        // change whose time is missing (counted as such), not no change.
        let change = committed.map(|_| Change {
            committed_at: commit_time,
            commit: None,
        });
        let id_here = id.map(|i| cell(Some(i))).filter(|c| !c.is_empty());
        // Without an id, rows with the same time of day are one deployment's changes;
        // rows with a date alone are each a deployment of their own.
        let known = match id_here {
            Some(key) => by_id.get(key).copied(),
            None if date_only => None,
            None => by_time.get(&at).copied(),
        };
        match known {
            // Another change of a deployment already read: a failure, restore or
            // rework mark on any of its rows counts for the deployment.
            Some(index) => {
                let d = &mut deployments[index];
                d.changes.extend(change);
                d.failed = d.failed.map(|f| f || failed_here == Some(true));
                d.rework = d.rework.map(|r| r || rework_here == Some(true));
                d.restored_at = d.restored_at.or(restored_at);
            }
            None => {
                match id_here {
                    Some(key) => by_id.insert(key.to_string(), deployments.len()),
                    None if date_only => None,
                    None => by_time.insert(at, deployments.len()),
                };
                let env = Some(cell(environment))
                    .filter(|e| !e.is_empty())
                    .map(str::to_string);
                deployments.push(Deployment {
                    at,
                    reached: Reached::Yes,
                    environment: env,
                    changes: change.into_iter().collect(),
                    failed: failed_here,
                    restored_at,
                    rework: rework_here,
                });
            }
        }
        if deployments.len() > crate::limits::MAX_DEPLOYMENTS {
            break;
        }
    }
    Ok(Records {
        format: Format::Csv,
        deployments,
        columns: Columns {
            commit_times: committed.is_some(),
            failures: failed.is_some(),
            restore_times: restored.is_some(),
            rework: rework.is_some(),
        },
        without_statuses: false,
        read_as_utc,
        files: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::yes_no;

    #[test]
    fn yes_and_no_in_the_four_languages() {
        for yes in [
            "yes", "Y", "TRUE", "1", "x", "sí", "Si", "ja", "oui", "vrai",
        ] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["", " no ", "false", "0", "nein", "non", "faux", "falso"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        assert_eq!(yes_no("perhaps"), None);
    }
}
