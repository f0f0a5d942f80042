//! Spreadsheet export: one row per assessment and scored dimension, as CSV that
//! opens cleanly in Excel, LibreOffice or Google Sheets.
//!
//! Free text (team names, notes, the titles and dimension names of questionnaires
//! of the user's own) is the user's, or came from an imported file:
//! a cell a spreadsheet would evaluate as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) is prefixed with an apostrophe, so it shows as
//! the text it is and never runs.

use crate::catalog::Catalog;
use crate::experiments::{experiments, Outcome};
use crate::history::run_scores;
use crate::records::{chronological, Direction, Millis, Run, TeamId};
use crate::scoring::{format_score, on_own_scale};
use crate::store::Store;

/// The header row. "own scale" is filled for questionnaires scored on their
/// statements' own scale too (Westrum: the mean agreement, "1 to 7").
pub const COLUMNS: [&str; 14] = [
    "team",
    "assessment",
    "date",
    "finished",
    "questionnaire",
    "dimension",
    "score (0-10)",
    "score on own scale",
    "own scale",
    "answered",
    "don't know",
    "asked",
    "workshop participants",
    "notes",
];

/// The words of the export that are not data: the header row, "yes" and "no"
/// (finished), and the own-scale range with `{n}` for its top ("1 to {n}"). The
/// shell passes them in the user's language; [`ENGLISH`] is the default.
#[derive(Debug, Clone, Copy)]
pub struct CsvWords<'a> {
    pub columns: [&'a str; 14],
    pub yes: &'a str,
    pub no: &'a str,
    pub own_scale: &'a str,
}

/// The export's words in English.
pub const ENGLISH: CsvWords<'static> = CsvWords {
    columns: COLUMNS,
    yes: "yes",
    no: "no",
    own_scale: "1 to {n}",
};

/// [`runs_csv_in`] with English words.
pub fn runs_csv(
    store: &Store,
    catalog: &Catalog,
    team: Option<&TeamId>,
    date: impl Fn(Millis) -> String,
) -> String {
    runs_csv_in(store, catalog, team, &ENGLISH, date)
}

/// The runs of `team` (or of every team), oldest first, one row per scored
/// dimension, with the header and the other words in `words` (questionnaire and
/// dimension names come from `catalog`, in its language). `date` formats a time
/// as the user reads it (the shell's local time). Starts with a UTF-8 byte-order
/// mark, which spreadsheets take as "this is UTF-8".
pub fn runs_csv_in(
    store: &Store,
    catalog: &Catalog,
    team: Option<&TeamId>,
    words: &CsvWords,
    date: impl Fn(Millis) -> String,
) -> String {
    let mut runs: Vec<&Run> = store
        .runs
        .iter()
        .filter(|r| team.is_none_or(|t| &r.team == t))
        .collect();
    chronological(&mut runs);
    let mut out = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only drop rows, never panic.
    let _ = out.write_record(words.columns);
    for run in runs {
        let team = store.team(&run.team).map_or("", |t| t.name.as_str());
        let participants = run
            .workshop
            .as_ref()
            .map(|w| w.participants.to_string())
            .unwrap_or_default();
        for questionnaire in run_scores(catalog, run) {
            let definition = catalog.get(&questionnaire.questionnaire);
            let title = definition
                .as_ref()
                .map_or(questionnaire.questionnaire.as_str(), |q| q.title.as_str());
            let own_scale = definition.as_ref().and_then(|q| q.own_scale());
            for dimension in &questionnaire.dimensions {
                let score = match dimension.score {
                    Some(_) => format_score(dimension.score),
                    None => String::new(),
                };
                let (own_score, own_range) = match (own_scale, dimension.score) {
                    (Some(choices), Some(s)) => (
                        format_score(Some(on_own_scale(s, choices))),
                        words.own_scale.replace("{n}", &choices.to_string()),
                    ),
                    _ => (String::new(), String::new()),
                };
                let _ = out.write_record([
                    safe(team).as_str(),
                    safe(&run.id.0).as_str(),
                    &date(run.held_at()),
                    if run.is_finished() {
                        words.yes
                    } else {
                        words.no
                    },
                    safe(title).as_str(),
                    safe(&dimension.name).as_str(),
                    &score,
                    &own_score,
                    &own_range,
                    &dimension.answered.to_string(),
                    &dimension.unknown.to_string(),
                    &dimension.asked.to_string(),
                    &participants,
                    safe(&run.notes).as_str(),
                ]);
            }
        }
    }
    let bytes = out.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// `text`, made inert for a spreadsheet: a leading apostrophe before anything a
/// spreadsheet would read as the start of a formula.
pub fn safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The words of the experiments CSV in the user's language: the header, the two
/// directions and the outcomes (in [`Outcome`]'s order: as expected, no change,
/// opposite, not comparable, waiting, overdue).
#[derive(Debug, Clone)]
pub struct ExperimentWords {
    pub columns: [String; 12],
    pub up: String,
    pub down: String,
    pub outcomes: [String; 6],
}

/// Every action agreed with a target by `team` (or by every team), with its
/// outcome on `today` (`YYYY-MM-DD`): one row each, by team, oldest first.
pub fn experiments_csv(
    store: &Store,
    catalog: &Catalog,
    team: Option<&TeamId>,
    words: &ExperimentWords,
    today: &str,
    date: impl Fn(Millis) -> String,
) -> String {
    let mut out = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(Vec::new());
    let _ = out.write_record(&words.columns);
    let number = |s: Option<f64>| s.map(|s| format_score(Some(s))).unwrap_or_default();
    for t in store
        .teams
        .iter()
        .filter(|t| team.is_none_or(|id| &t.id == id))
    {
        let runs: Vec<&Run> = store.runs.iter().filter(|r| r.team == t.id).collect();
        for e in experiments(catalog, &runs, today) {
            let target = &e.target;
            let (title, part) = match catalog.get(&target.questionnaire) {
                Some(q) if target.question.is_empty() => (
                    q.title.clone(),
                    q.dimension(&target.dimension)
                        .map_or_else(|| target.dimension.clone(), |d| d.name.clone()),
                ),
                Some(q) => (
                    q.title.clone(),
                    q.question(&target.question)
                        .map_or_else(|| target.question.clone(), |x| x.text.clone()),
                ),
                None => (
                    target.questionnaire.clone(),
                    format!("{}{}", target.dimension, target.question),
                ),
            };
            let outcome = match e.outcome {
                Outcome::AsExpected => 0,
                Outcome::NoChange => 1,
                Outcome::Opposite => 2,
                Outcome::NotComparable => 3,
                Outcome::Waiting => 4,
                Outcome::Overdue => 5,
            };
            let _ = out.write_record([
                safe(&t.name),
                date(e.agreed_in.held_at()),
                safe(&e.action.what),
                safe(&e.action.owner),
                safe(&title),
                safe(&part),
                match target.direction {
                    Direction::Up => words.up.clone(),
                    Direction::Down => words.down.clone(),
                },
                e.action.due.clone(),
                e.checked_by.map(|r| date(r.held_at())).unwrap_or_default(),
                number(e.before),
                number(e.after),
                words.outcomes[outcome].clone(),
            ]);
        }
    }
    let bytes = out.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}
