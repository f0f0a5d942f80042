//! Spreadsheet export of a team's assessments: one row per assessment and scored
//! dimension, written by the one CSV writer ([`crate::csv`]).

use crate::assessment::catalog::Catalog;
use crate::assessment::history::run_scores;
use crate::assessment::records::{chronological, Millis, Run, TeamId};
use crate::assessment::scoring::{on_own_scale, score_cell};
use crate::csv::{safe, Sheet};
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
pub struct AssessmentCsvWords<'a> {
    pub columns: [&'a str; 14],
    pub yes: &'a str,
    pub no: &'a str,
    pub own_scale: &'a str,
}

/// The export's words in English.
pub const ENGLISH: AssessmentCsvWords<'static> = AssessmentCsvWords {
    columns: COLUMNS,
    yes: "yes",
    no: "no",
    own_scale: "1 to {n}",
};

/// The runs of `team` (or of every team), oldest first, one row per scored
/// dimension, with the header and the other words in `words` (questionnaire and
/// dimension names come from `catalog`, in its language). `date` formats a time
/// as the user reads it (the shell's local time). Starts with a UTF-8 byte-order
/// mark, which spreadsheets take as "this is UTF-8".
pub fn runs_csv(
    store: &Store,
    catalog: &Catalog,
    team: Option<&TeamId>,
    words: &AssessmentCsvWords,
    date: impl Fn(Millis) -> String,
) -> String {
    let mut runs: Vec<&Run> = store
        .runs
        .iter()
        .filter(|r| team.is_none_or(|t| &r.team == t))
        .collect();
    chronological(&mut runs);
    let mut out = Sheet::new(words.columns);
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
                let score = score_cell(dimension.score);
                let (own_score, own_range) = match (own_scale, dimension.score) {
                    (Some(choices), Some(s)) => (
                        score_cell(Some(on_own_scale(s, choices))),
                        words.own_scale.replace("{n}", &choices.to_string()),
                    ),
                    _ => (String::new(), String::new()),
                };
                out.row([
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
    out.finish()
}
