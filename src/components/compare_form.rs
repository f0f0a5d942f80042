//! Picking two finished assessments of a team to compare side by side.

use crate::i18n::{k, t};
use crate::platform::format_date_times;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use maturity_core::assessment::history::TeamHistory;
use maturity_core::{RunId, TeamId};

/// Picks two finished runs to compare; defaults to the previous and the latest.
#[component]
pub fn CompareForm(data: Memo<Option<TeamHistory>>, team: Memo<TeamId>) -> impl IntoView {
    let navigate = use_navigate();
    let finished = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    let runs: Vec<_> = d.runs.iter().filter(|r| r.finished).collect();
                    let labels =
                        format_date_times(&runs.iter().map(|r| r.held_at).collect::<Vec<_>>());
                    runs.into_iter()
                        .zip(labels)
                        .map(|(r, label)| (r.run.clone(), label))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(None::<String>);
    let chosen = move |signal: RwSignal<Option<String>>, fallback: usize| {
        signal
            .get()
            .or_else(|| finished.with(|f| f.get(fallback).map(|(id, _)| id.0.clone())))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let (Some(a), Some(b)) = (chosen(from, 1), chosen(to, 0)) {
            navigate(
                &routes::compare(&team.get_untracked(), &RunId(a), &RunId(b)),
                routes::navigate(),
            );
        }
    };
    let select = move |id: &'static str, signal: RwSignal<Option<String>>, fallback: usize| {
        view! {
            <select id=id on:change:target=move |ev| signal.set(Some(ev.target().value()))>
                {move || {
                    let current = chosen(signal, fallback);
                    finished.get().into_iter().map(|(run, when)| {
                        let selected = current.as_deref() == Some(run.0.as_str());
                        view! { <option value=run.0.clone() selected=selected>{when}</option> }
                    }).collect_view()
                }}
            </select>
        }
    };
    view! {
        <section class="card" aria-labelledby="compare-heading" hidden=move || finished.with(|f| f.len() < 2)>
            <h2 id="compare-heading">{t(k::RESULTS_COMPARE_HEADING)}</h2>
            <form class="compare-form" on:submit=submit>
                <div class="field">
                    <label for="compare-from">{t(k::RESULTS_COMPARE_EARLIER)}</label>
                    {select("compare-from", from, 1)}
                </div>
                <div class="field">
                    <label for="compare-to">{t(k::RESULTS_COMPARE_LATER)}</label>
                    {select("compare-to", to, 0)}
                </div>
                <button type="submit">{t(k::RESULTS_COMPARE)}</button>
            </form>
        </section>
    }
}
