//! The "Download as CSV" button: a team's assessments, or everyone's, as a file a
//! spreadsheet opens (one row per assessment and scored dimension).

use crate::platform::{download, iso_date_time, today};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::export::runs_csv;
use maturity_core::TeamId;

/// `team`: one team's assessments; `None`: every team's.
#[component]
pub fn CsvDownload(
    #[prop(into)] team: Signal<Option<TeamId>>,
    label: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let team = team.get_untracked();
        let catalog = state.catalog.get_untracked();
        let text = state
            .store
            .with_untracked(|s| runs_csv(s, &catalog, team.as_ref(), iso_date_time));
        let name = format!("devops-maturity-assessments-{}.csv", today());
        error.set(download(&name, "text/csv;charset=utf-8", &text).err());
    };
    view! {
        <button type="button" on:click=save>{label}</button>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
