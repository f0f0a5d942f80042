//! The experiments across the teams on the coach's page.

use super::shown_name;
use crate::components::experiments::{aim, result_cells, result_headings};
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::coach::overview::ExperimentLine;

/// The experiments of the teams shown, with their outcomes.
#[component]
pub fn Experiments(lines: Vec<ExperimentLine>, hide: RwSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    view! {
        <section class="card" aria-labelledby="coach-experiments-heading">
            <h2 id="coach-experiments-heading">{t(k::COACH_EXPERIMENTS_HEADING)}</h2>
            <p class="hint">{crate::components::experiments::rule()}</p>
            {if lines.is_empty() {
                view! { <p class="empty">{t(k::COACH_EXPERIMENTS_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label=t(k::COACH_EXPERIMENTS_HEADING)>
                    <table class="scores" id="coach-experiments">
                        <caption>{t(k::COACH_EXPERIMENTS_HEADING)}</caption>
                        <thead><tr>
                            <th scope="col">{t(k::COACH_COL_TEAM)}</th>
                            <th scope="col">{t(k::EXPERIMENT_COL_ACTION)}</th>
                            {result_headings()}
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().map(|e| {
                                let owner = e.owner.clone();
                                let aim = state.catalog.with_untracked(|c| aim(c, &e.target));
                                view! {
                                    <tr>
                                        <th scope="row">{move || shown_name(hide.get(), &e.name, &e.letters)}</th>
                                        <td>{e.what.clone()}
                                            // An owner is a person: hidden with the teams' names.
                                            {move || (!hide.get() && !owner.is_empty()).then(|| view! { <span class="hint">{format!(" · {owner}")}</span> })}
                                        </td>
                                        {result_cells(aim, e.checked_by.clone(), e.before, e.after, e.outcome)}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}
