//! The figures: each DORA metric measured beside the team's latest answered
//! assessment, what was not counted and why, and the offer to record them as a
//! DORA assessment.

use super::files::Loaded;
use super::window::WindowControls;
use super::words::{answer_label, gap_text, measured_text, skip_text, suggestion, unknown_text};
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{format_date, new_id, now};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use maturity_core::dora::clusters as dora;
use maturity_core::dora::deploys::Format;
use maturity_core::dora::measure::{agreement, latest_answered, Measured, Window};
use maturity_core::{Catalog, Run, TeamId};
use std::sync::Arc;

/// The window, the environment, each metric measured beside the team's answer, what
/// was not counted, and the offer to record the figures.
#[component]
pub fn Figures(
    loaded: Arc<Loaded>,
    measured: Memo<Option<Measured>>,
    environment: RwSignal<Option<String>>,
    window: RwSignal<Option<Window>>,
    team: TeamId,
) -> impl IntoView {
    let state = use_app_state();
    let team_for_answer = team.clone();
    let answered = Memo::new(move |_| {
        state
            .store
            .with(|s| latest_answered(&s.runs_of(&team_for_answer)).cloned())
    });
    let table = move || {
        let catalog = state.catalog.get();
        let answered = answered.get();
        measured.with(|m| {
            m.as_ref()
                .map(|m| comparison(&catalog, m, answered.as_ref()))
        })
    };
    let summary = move || measured.with(|m| m.as_ref().map(summary_text));
    let records = Arc::clone(&loaded);
    let notes = move || measured.with(|m| notes(&records, m.as_ref()));
    view! {
        <section class="card" aria-labelledby="measure-figures-heading">
            <h2 id="measure-figures-heading">{t(k::MEASURE_FIGURES_HEADING)}</h2>
            <WindowControls loaded=Arc::clone(&loaded) measured=measured environment=environment window=window/>
            <p role="status" class="measure-summary">{summary}</p>
            {table}
            {notes}
        </section>
        <Record loaded=loaded measured=measured team=team/>
    }
}

/// "59 deployments from … to … (90 days), production."
fn summary_text(m: &Measured) -> String {
    let env = m
        .environment
        .clone()
        .unwrap_or_else(|| t(k::MEASURE_ENVIRONMENT_ALL));
    tp(
        k::MEASURE_SUMMARY,
        m.deployments,
        &[
            ("from", &format_date(m.window.from)),
            ("to", &format_date(m.window.to)),
            ("days", &m.window.days().to_string()),
            ("environment", &env),
        ],
    )
}

/// The table: per metric, what was measured, as an answer, the team's answer, the
/// gap and what it suggests.
fn comparison(catalog: &Catalog, m: &Measured, answered: Option<&Run>) -> impl IntoView {
    let rows = dora::METRICS
        .iter()
        .map(|(question, name)| metric_row(catalog, m, answered, question, name))
        .collect_view();
    let caption = match answered.and_then(|r| r.finished_at).map(format_date) {
        Some(when) => tf(k::MEASURE_TABLE_CAPTION_ANSWERED, &[("date", &when)]),
        None => t(k::MEASURE_TABLE_CAPTION),
    };
    view! {
        <ScrollTable label=caption.clone()>
            <table class="measured">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{t(k::MEASURE_COL_METRIC)}</th>
                    <th scope="col">{t(k::MEASURE_COL_MEASURED)}</th>
                    <th scope="col">{t(k::MEASURE_COL_OPTION)}</th>
                    <th scope="col">{t(k::MEASURE_COL_ANSWERED)}</th>
                    <th scope="col">{t(k::MEASURE_COL_GAP)}</th>
                    <th scope="col">{t(k::MEASURE_COL_SUGGESTS)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollTable>
    }
}

/// One metric's row of the table.
fn metric_row(
    catalog: &Catalog,
    m: &Measured,
    answered: Option<&Run>,
    question: &str,
    name: &str,
) -> impl IntoView {
    let mine = m.answer(question);
    let theirs = answered.and_then(|r| r.answers.get(question).copied());
    let value = measured_text(m, question).unwrap_or_else(|| t(k::MEASURE_NOT_MEASURED));
    let label =
        |v: Option<u8>| v.map_or_else(|| "—".into(), |v| answer_label(catalog, question, v));
    let (gap, says) = match (mine, theirs) {
        (Some(a), Some(b)) => match agreement(question, a, b) {
            Some(a) => (gap_text(question, a), suggestion(a)),
            None => ("—".into(), t(k::MEASURE_SUGGEST_ANSWER_UNKNOWN)),
        },
        (None, _) => (
            "—".into(),
            m.unknown
                .iter()
                .find(|(q, _)| *q == question)
                .map(|(_, u)| unknown_text(*u))
                .unwrap_or_default(),
        ),
        (Some(_), None) => ("—".into(), t(k::MEASURE_SUGGEST_NO_ANSWER)),
    };
    view! {
        <tr>
            <th scope="row">{crate::i18n::core(name)}</th>
            <td>{value}</td>
            <td>{label(mine)}</td>
            <td>{label(theirs)}</td>
            <td>{gap}</td>
            <td>{says}</td>
        </tr>
    }
}

/// What was not counted and why, and what the files could not tell.
fn notes(loaded: &Loaded, m: Option<&Measured>) -> impl IntoView {
    let records = &loaded.records;
    let mut notes = Vec::new();
    if records.read_as_utc > 0 {
        notes.push(tp(k::MEASURE_NOTE_UTC, records.read_as_utc, &[]));
    }
    if records.without_statuses {
        notes.push(t(k::MEASURE_NOTE_NO_STATUSES));
    }
    if records.format != Format::Csv {
        notes.push(t(k::MEASURE_NOTE_HEAD_COMMIT));
    }
    let skipped: Vec<String> = m
        .map(|m| m.skipped.iter().map(|(s, n)| skip_text(*s, *n)).collect())
        .unwrap_or_default();
    view! {
        {(!skipped.is_empty()).then(|| view! {
            <h3>{t(k::MEASURE_SKIPPED_HEADING)}</h3>
            <ul class="skipped">{skipped.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
        })}
        {notes.into_iter().map(|n| view! { <p class="hint">{n}</p> }).collect_view()}
    }
}

/// The offer to record the figures as a finished DORA assessment of the team.
#[component]
fn Record(loaded: Arc<Loaded>, measured: Memo<Option<Measured>>, team: TeamId) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let refused = RwSignal::new(None::<String>);
    let record = move |_| {
        let Some(m) = measured.get_untracked() else {
            return;
        };
        let answers = m.answers();
        let kept = m.record(loaded.files.clone());
        let run = maturity_core::RunId(new_id("r"));
        match state.change(|s| s.record_measured(&team, answers, kept, run, now())) {
            Ok(run) => navigate(&routes::results(&run), routes::navigate()),
            Err(e) => refused.set(Some(crate::errors::change(&e))),
        }
    };
    view! {
        <section class="card" aria-labelledby="measure-record-heading">
            <h2 id="measure-record-heading">{t(k::MEASURE_RECORD_HEADING)}</h2>
            <p>{t(k::MEASURE_RECORD_BODY)}</p>
            <p><button type="button" class="primary" on:click=record>{t(k::MEASURE_RECORD)}</button></p>
            {move || refused.get().map(|text| view! { <crate::errors::Refusal text details=None/> })}
        </section>
    }
}
