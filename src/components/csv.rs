//! The "Download as CSV" button: a team's assessments, or everyone's, as a file a
//! spreadsheet opens (one row per assessment and scored dimension).

use crate::i18n::{k, t};
use crate::platform::{download, iso_date_time, today};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::store::export::{runs_csv, AssessmentCsvWords};
use maturity_core::TeamId;

/// `team`: one team's assessments; `None`: every team's.
#[component]
pub fn CsvDownload(
    #[prop(into)] team: Signal<Option<TeamId>>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let team = team.get_untracked();
        let catalog = state.catalog.get_untracked();
        // The header and the words in the language shown; questionnaire and
        // dimension names come from the catalog, already in it.
        let columns = [
            k::CSV_TEAM,
            k::CSV_ASSESSMENT,
            k::CSV_DATE,
            k::CSV_FINISHED,
            k::CSV_QUESTIONNAIRE,
            k::CSV_DIMENSION,
            k::CSV_SCORE,
            k::CSV_OWN_SCORE,
            k::CSV_OWN_SCALE,
            k::CSV_ANSWERED,
            k::CSV_DONT_KNOW,
            k::CSV_ASKED,
            k::CSV_PARTICIPANTS,
            k::CSV_NOTES,
        ]
        .map(t);
        let [yes, no, own_scale] = [k::CSV_YES, k::CSV_NO, k::CSV_OWN_SCALE_RANGE].map(t);
        let words = AssessmentCsvWords {
            columns: columns.each_ref().map(String::as_str),
            yes: &yes,
            no: &no,
            own_scale: &own_scale,
        };
        let text = state
            .store
            .with_untracked(|s| runs_csv(s, &catalog, team.as_ref(), &words, iso_date_time));
        let name = format!("devops-maturity-assessments-{}.csv", today());
        error.set(download(&name, "text/csv;charset=utf-8", &text).err());
    };
    view! {
        <button type="button" on:click=save>{label}</button>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
