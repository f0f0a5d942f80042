//! What the teams on the coach's page share: weakest dimensions, lowest-scored
//! questions, and the spread over DORA's clusters.

use crate::components::score_table::score_text;
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{core, k, t, tp};
use leptos::prelude::*;
use maturity_core::coach::overview::Overview;
use maturity_core::dora::clusters::editions;

/// What the teams share: the dimension that is weakest for most, the questions
/// most teams scored lowest, and for DORA the spread over an edition's clusters.
#[component]
pub fn Shared(overview: Overview, edition: RwSignal<String>) -> impl IntoView {
    let v = overview;
    let total = v.assessed();
    let shared: Vec<String> = v
        .shared
        .iter()
        .map(|s| {
            tp(
                k::COACH_SHARED_ITEM,
                total,
                &[
                    ("dimension", &s.name),
                    ("teams", &s.teams.to_string()),
                    ("total", &total.to_string()),
                ],
            )
        })
        .collect();
    let lowest = (!v.lowest_questions.is_empty()).then(|| {
        view! {
            <h3>{t(k::COACH_LOWEST_HEADING)}</h3>
            <ScrollTable label=t(k::COACH_LOWEST_CAPTION)>
            <table class="scores" id="lowest-questions">
                <caption>{t(k::COACH_LOWEST_CAPTION)}</caption>
                <thead><tr>
                    <th scope="col">{t(k::COACH_COL_QUESTION)}</th>
                    <th scope="col">{t(k::COACH_COL_DIMENSION)}</th>
                    <th scope="col">{t(k::COACH_COL_TEAMS)}</th>
                    <th scope="col">{t(k::COACH_COL_MEAN)}</th>
                </tr></thead>
                <tbody>
                    {v.lowest_questions.iter().map(|q| view! {
                        <tr><th scope="row">{q.text.clone()}</th><td>{q.dimension.clone()}</td>
                            <td class="num">{q.teams.to_string()}</td><td class="num">{score_text(Some(q.mean))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </ScrollTable>
        }
    });
    let clusters = (!v.clusters.is_empty()).then(|| {
        view! {
            <h3>{t(k::COACH_CLUSTERS_HEADING)}</h3>
            <div class="field no-print"><label for="coach-edition">{t(k::COACH_EDITION)}</label>
                <select id="coach-edition" bind:value=edition>
                    {editions().into_iter().rev().map(|e| {
                        let year = e.year.to_string();
                        view! { <option value=year.clone() selected=edition.get_untracked() == year>{year.clone()}</option> }
                    }).collect_view()}
                </select></div>
            <table class="scores" id="cluster-spread">
                <caption>{t(k::COACH_CLUSTERS_CAPTION)}</caption>
                <thead><tr><th scope="col">{t(k::COACH_COL_CLUSTER)}</th><th scope="col">{t(k::COACH_COL_TEAMS_PLAIN)}</th></tr></thead>
                <tbody>
                    {v.clusters.iter().map(|c| {
                        let label = if c.cluster.is_empty() {
                            t(k::COACH_UNPLACED)
                        } else {
                            c.cluster.split(" / ").map(core).collect::<Vec<_>>().join(" / ")
                        };
                        view! { <tr><th scope="row">{label}</th><td class="num">{c.teams.to_string()}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        }
    });
    view! {
        <section class="card" aria-labelledby="shared-heading">
            <h2 id="shared-heading">{t(k::COACH_SHARED_HEADING)}</h2>
            {if shared.is_empty() {
                view! { <p class="empty">{t(k::COACH_SHARED_NONE)}</p> }.into_any()
            } else {
                view! { <ul class="shared-weakest">{shared.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
            }}
            {lowest}
            {clusters}
        </section>
    }
}
