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
    // The separator is the header's: the first line with something on it (a
    // spreadsheet may leave a blank line first).
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Rows::new(text, delimiter);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(bad_row(name, rows.at_error(&e), &e)),
    };
    let header_row = rows.of(&headers);
    let layout = Layout::find(&headers)
        .ok_or_else(|| DeployError::new(name, Place::Row(header_row), Problem::NoTimeColumn))?;
    let mut reading = Reading {
        name,
        headers: &headers,
        layout,
        last_deployed: (String::new(), 0, false),
        read_as_utc: 0,
    };
    let mut deployments = Deployments::default();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(bad_row(name, rows.at_error(&e), &e)),
        }
        let row = rows.of(&record);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        deployments.add(reading.row(&record, row)?);
        if deployments.list.len() > crate::limits::MAX_DEPLOYMENTS {
            break;
        }
    }
    Ok(Records {
        format: Format::Csv,
        deployments: deployments.list,
        columns: Columns {
            commit_times: layout.committed.is_some(),
            failures: layout.failed.is_some(),
            restore_times: layout.restored.is_some(),
            rework: layout.rework.is_some(),
        },
        without_statuses: false,
        read_as_utc: reading.read_as_utc,
        files: Vec::new(),
    })
}

/// Row numbers as a spreadsheet shows them (the header is row 1 when it is the
/// first line): every line break outside a quoted cell starts a row, LF, CRLF and a
/// lone CR alike, so a blank line is the empty row a spreadsheet shows and a cell
/// of several lines stays one row. The csv crate's own line counter lags after a
/// CRLF and a blank line (BurntSushi/rust-csv#395, #208), so rows are counted here,
/// walking the text once, from record to record.
struct Rows<'t> {
    text: &'t [u8],
    delimiter: u8,
    /// How far the text has been walked, and the row there.
    at: usize,
    row: u64,
    state: Quoting,
}

/// Where the walk is in a field, as CSV quoting goes.
#[derive(Clone, Copy, PartialEq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of two quotes.
    QuoteInQuoted,
}

impl<'t> Rows<'t> {
    fn new(text: &'t str, delimiter: u8) -> Rows<'t> {
        Rows {
            text: text.as_bytes(),
            delimiter,
            at: 0,
            row: 1,
            state: Quoting::FieldStart,
        }
    }

    /// The row a record starts on.
    fn of(&mut self, record: &csv::StringRecord) -> u64 {
        match record.position() {
            Some(p) => self.row_at(p.byte()),
            None => self.row,
        }
    }

    /// The row an error of the reader is on.
    fn at_error(&mut self, e: &csv::Error) -> u64 {
        match e.position() {
            Some(p) => self.row_at(p.byte()),
            None => self.row,
        }
    }

    /// The row of the record starting at `byte` (never walking back). The reader
    /// may place a record's start on the line breaks before it (a CRLF's LF, a
    /// blank line it skipped): a record never starts with one, so they are walked
    /// over first.
    fn row_at(&mut self, byte: u64) -> u64 {
        let mut end = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while self
            .text
            .get(end)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            end += 1;
        }
        while self.at < end {
            let b = self.text[self.at];
            // A CR breaks the line, and the LF of a CRLF does not break it again
            // (the csv reader may start the next record at that LF).
            let after_cr = self.at > 0 && self.text[self.at - 1] == b'\r';
            let line_break = b == b'\r' || (b == b'\n' && !after_cr);
            self.state = match (self.state, b) {
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (Quoting::FieldStart, b'"') => Quoting::Quoted,
                (_, b) if b == self.delimiter => Quoting::FieldStart,
                _ if line_break => {
                    self.row += 1;
                    Quoting::FieldStart
                }
                (_, b'\n') => self.state,
                _ => Quoting::Unquoted,
            };
            self.at += 1;
        }
        self.row
    }
}

/// A row the CSV reader could not read (`line` counted from 1).
fn bad_row(name: &str, line: u64, e: &csv::Error) -> DeployError {
    DeployError::new(
        name,
        Place::Row(line),
        Problem::BadRow {
            detail: e.to_string(),
        },
    )
}

/// The trimmed cell at `column` of `record`; empty without that column or cell.
fn cell(record: &csv::StringRecord, column: Option<usize>) -> &str {
    column
        .and_then(|i| record.get(i))
        .map(str::trim)
        .unwrap_or_default()
}

/// Where the columns read are in a row (by index), each found by its headers.
#[derive(Clone, Copy)]
struct Layout {
    deployed: usize,
    committed: Option<usize>,
    failed: Option<usize>,
    restored: Option<usize>,
    rework: Option<usize>,
    id: Option<usize>,
    environment: Option<usize>,
}

impl Layout {
    /// Each column at the first header matching one of its spellings, or `None`
    /// when no header names the deployment's time (the one column required).
    fn find(headers: &csv::StringRecord) -> Option<Layout> {
        let squashed: Vec<String> = headers.iter().map(squash).collect();
        let find = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| squashed.iter().position(|h| *h == squash(n)))
        };
        let deployed = find(DEPLOYED)?;
        Some(Layout {
            deployed,
            committed: find(COMMITTED),
            failed: find(FAILED),
            restored: find(RESTORED),
            rework: find(REWORK),
            id: find(ID).filter(|i| *i != deployed),
            environment: find(ENVIRONMENT),
        })
    }
}

/// One row's values, borrowing its cells (nothing allocated per row).
struct Row<'r> {
    at: i64,
    date_only: bool,
    change: Option<Change>,
    failed: Option<bool>,
    rework: Option<bool>,
    restored_at: Option<i64>,
    /// The deployment's id, if the file has one and the cell is not empty.
    id: Option<&'r str>,
    environment: &'r str,
}

/// A file being read row by row: its name and headers (for errors), where its
/// columns are, and what carries from one row to the next.
struct Reading<'a> {
    name: &'a str,
    headers: &'a csv::StringRecord,
    layout: Layout,
    /// The last deployment time read (its text, time, whether a date alone): one
    /// row per change repeats the deployment's time, so it is read once.
    last_deployed: (String, i64, bool),
    /// Times read without a zone, taken as UTC.
    read_as_utc: usize,
}

impl Reading<'_> {
    /// The values of `record`, the (not empty) row at line `row`.
    fn row<'r>(&mut self, record: &'r csv::StringRecord, row: u64) -> Result<Row<'r>, DeployError> {
        let (at, date_only) = self.deployed_at(record, row)?;
        let commit_time = self.time_in(record, row, self.layout.committed)?;
        let restored_at = self.time_in(record, row, self.layout.restored)?;
        let failed = self.flag(record, row, self.layout.failed)?;
        let rework = self.flag(record, row, self.layout.rework)?;
        // A change for every row when the file has commit times: an empty cell is a
        // change whose time is missing (counted as such), not no change.
        let change = self.layout.committed.map(|_| Change {
            committed_at: commit_time,
            commit: None,
        });
        Ok(Row {
            at,
            date_only,
            change,
            failed,
            rework,
            restored_at,
            id: self
                .layout
                .id
                .map(|i| cell(record, Some(i)))
                .filter(|c| !c.is_empty()),
            environment: cell(record, self.layout.environment),
        })
    }

    /// The row's deployment time and whether it is a date alone, parsed only when
    /// it differs from the previous row's.
    fn deployed_at(
        &mut self,
        record: &csv::StringRecord,
        row: u64,
    ) -> Result<(i64, bool), DeployError> {
        let deployed = self.layout.deployed;
        let text = cell(record, Some(deployed));
        if self.last_deployed.0.is_empty() || text != self.last_deployed.0 {
            let read = time::parse(text).ok_or_else(|| {
                self.bad(
                    row,
                    deployed,
                    Problem::BadTime {
                        value: text.chars().take(60).collect(),
                    },
                )
            })?;
            self.read_as_utc += usize::from(!read.zoned && !read.date_only);
            self.last_deployed = (text.to_string(), read.millis, read.date_only);
        }
        Ok((self.last_deployed.1, self.last_deployed.2))
    }

    /// The time in `column` of the row; `None` without that column or when the
    /// cell is empty.
    fn time_in(
        &mut self,
        record: &csv::StringRecord,
        row: u64,
        column: Option<usize>,
    ) -> Result<Option<i64>, DeployError> {
        let Some(i) = column else {
            return Ok(None);
        };
        let value = cell(record, Some(i));
        if value.is_empty() {
            return Ok(None);
        }
        match time::parse(value) {
            Some(read) => {
                self.read_as_utc += usize::from(!read.zoned);
                Ok(Some(read.millis))
            }
            None => Err(self.bad(
                row,
                i,
                Problem::BadTime {
                    value: value.chars().take(60).collect(),
                },
            )),
        }
    }

    /// The yes or no in `column` of the row; `None` without that column.
    fn flag(
        &self,
        record: &csv::StringRecord,
        row: u64,
        column: Option<usize>,
    ) -> Result<Option<bool>, DeployError> {
        let Some(i) = column else {
            return Ok(None);
        };
        let value = cell(record, Some(i));
        yes_no(value).map(Some).ok_or_else(|| {
            self.bad(
                row,
                i,
                Problem::BadYesNo {
                    value: value.chars().take(60).collect(),
                },
            )
        })
    }

    /// An error in the cell at line `row` of `column`, named by its header.
    fn bad(&self, row: u64, column: usize, problem: Problem) -> DeployError {
        DeployError::new(
            self.name,
            Place::Cell {
                row,
                column: self
                    .headers
                    .get(column)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            },
            problem,
        )
    }
}

/// The deployments read so far, and where to find each by id or by time.
#[derive(Default)]
struct Deployments {
    list: Vec<Deployment>,
    /// A deployment's id, or without an id column its time -> its index in `list`.
    by_id: HashMap<String, usize>,
    by_time: HashMap<i64, usize>,
}

impl Deployments {
    /// Adds a row: another change of a deployment already read, or a new one.
    fn add(&mut self, row: Row) {
        // Without an id, rows with the same time of day are one deployment's changes;
        // rows with a date alone are each a deployment of their own.
        let known = match row.id {
            Some(key) => self.by_id.get(key).copied(),
            None if row.date_only => None,
            None => self.by_time.get(&row.at).copied(),
        };
        match known {
            // Another change of a deployment already read: a failure, restore or
            // rework mark on any of its rows counts for the deployment.
            Some(index) => {
                let d = &mut self.list[index];
                d.changes.extend(row.change);
                d.failed = d.failed.map(|f| f || row.failed == Some(true));
                d.rework = d.rework.map(|r| r || row.rework == Some(true));
                d.restored_at = d.restored_at.or(row.restored_at);
            }
            None => {
                match row.id {
                    Some(key) => self.by_id.insert(key.to_string(), self.list.len()),
                    None if row.date_only => None,
                    None => self.by_time.insert(row.at, self.list.len()),
                };
                let env = Some(row.environment)
                    .filter(|e| !e.is_empty())
                    .map(str::to_string);
                self.list.push(Deployment {
                    at: row.at,
                    reached: Reached::Yes,
                    environment: env,
                    changes: row.change.into_iter().collect(),
                    failed: row.failed,
                    restored_at: row.restored_at,
                    rework: row.rework,
                });
            }
        }
    }
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
