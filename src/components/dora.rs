//! DORA results: each metric's answer and 0-10 score, and the team's nearest published
//! cluster for the chosen edition, with its caveat, a chart and the same figures as a table.

use crate::charts::{cluster_distance_option, EChart};
use crate::components::benchmarks::Benchmarks;
use leptos::prelude::*;
use maturity_core::dora::{self, editions, place, scores, Delivery, Edition, NEWEST_WITH_CLUSTERS};
use maturity_core::scoring::format_score;
use maturity_core::{Questionnaire, TeamId};
use std::collections::BTreeMap;
use std::sync::Arc;

#[component]
pub fn DoraPlacement(
    questionnaire: Arc<Questionnaire>,
    answers: BTreeMap<String, u8>,
    team: TeamId,
) -> impl IntoView {
    let delivery = Delivery::from_answers(&answers);
    view! {
        {metrics_table(&questionnaire, &answers, &delivery)}
        <Benchmarks team=team scores=scores(&delivery)/>
        <ClusterPlacement delivery=delivery/>
    }
}

/// Each metric's answer and Quick-Check score, with throughput and stability.
fn metrics_table(
    questionnaire: &Questionnaire,
    answers: &BTreeMap<String, u8>,
    delivery: &Delivery,
) -> impl IntoView {
    let s = scores(delivery);
    let answer_text = |id: &str| -> String {
        let Some(question) = questionnaire.question(id) else {
            return String::new();
        };
        match answers.get(id) {
            Some(&v) if question.accepts(v) => question.answer_text(v),
            _ => "not answered".to_string(),
        }
    };
    let metrics = dora::METRICS.map(|(id, name)| (name, id, s.metric(id)));
    let metric_rows = metrics
        .into_iter()
        .map(|(name, id, score)| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{answer_text(id)}</td>
                    <td class="num">{format_score(score)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <h3>"Delivery metrics"</h3>
        <table class="scores">
            <caption>"DORA metrics: your answers and Quick-Check scores"</caption>
            <thead>
                <tr>
                    <th scope="col">"Metric"</th>
                    <th scope="col">"Your answer"</th>
                    <th scope="col" class="num">"Score (0–10)"</th>
                </tr>
            </thead>
            <tbody>{metric_rows}</tbody>
            <tfoot>
                <tr><th scope="row">"Throughput"</th><td>"mean of the first three"</td><td class="num">{format_score(s.throughput)}</td></tr>
                <tr><th scope="row">"Stability"</th><td>"mean of the two rates"</td><td class="num">{format_score(s.stability)}</td></tr>
            </tfoot>
        </table>
    }
}

/// The nearest published cluster for the chosen edition, with its caveat, the
/// distances as a chart and every cluster's profile as a table.
#[component]
fn ClusterPlacement(delivery: Delivery) -> impl IntoView {
    let all_editions = editions();
    let year = RwSignal::new(NEWEST_WITH_CLUSTERS);
    let edition = Memo::new(move |_| editions().into_iter().find(|e| e.year == year.get()));
    let placement =
        Memo::new(move |_| edition.with(|e| e.as_ref().and_then(|e| place(&delivery, e))));
    // One chart for the section, updated in place when the edition changes.
    let chart = Signal::derive(move || {
        let p = placement.get();
        let distances = p.as_ref().map(|p| p.distances.clone()).unwrap_or_default();
        let nearest = p.as_ref().map(|p| p.nearest.clone()).unwrap_or_default();
        cluster_distance_option(year.get(), &distances, &nearest, &crate::theme::palette())
    });
    let options = all_editions
        .iter()
        .rev()
        .map(|e| {
            let y = e.year;
            let label = if y == NEWEST_WITH_CLUSTERS {
                format!("{y} (newest with clusters)")
            } else {
                y.to_string()
            };
            view! { <option value=y.to_string() selected=y == NEWEST_WITH_CLUSTERS>{label}</option> }
        })
        .collect_view();

    view! {
        <h3>"Where you sit among DORA's performance clusters"</h3>
        <p class="edition-switch">
            <label for="dora-edition">"Compare with the clusters of the State of DevOps report"</label>
            <select id="dora-edition" on:change:target=move |ev| {
                if let Ok(y) = ev.target().value().parse::<u16>() {
                    year.set(y);
                }
            }>
                {options}
            </select>
        </p>
        // One live region, kept across edition switches, so the new placement is announced.
        <p class="placement" aria-live="polite">
            <strong>{move || match (placement.get(), edition.get()) {
                (Some(p), Some(e)) => headline(&e, &p),
                _ => String::new(),
            }}</strong>
        </p>
        {move || match (placement.get(), edition.get()) {
            (Some(p), Some(e)) => placement_view(&e, &p).into_any(),
            _ => view! {
                <p>"Answer at least one of deployment frequency, lead time, recovery time or change failure rate to be placed among the clusters."</p>
            }.into_any(),
        }}
        <EChart option=chart caption="Distance from your answers to each cluster's published profile; the shortest bar is the nearest cluster."/>
        <p class="hint">
            "Clusters come from DORA's cluster analysis of survey answers, not from cut-offs, so their ranges overlap. "
            "You are placed by distance to each cluster's published profile: every metric goes on the same six-step "
            "scale (the change failure rate in DORA's fifteen-point bands), and the report's two factors weigh equally, "
            "grouped as that edition grouped them: "
            {move || edition.with(|e| e.as_ref().map(|e| format!("in {}, {}.", e.year, e.grouping.describe())))}
        </p>
    }
}

/// "Nearest 2024 cluster: Medium (35% of respondents that year)." or the tie.
fn headline(edition: &Edition, p: &dora::Placement) -> String {
    let year = edition.year;
    if p.is_tie() {
        return format!(
            "Equally near the {} clusters of {year}.",
            p.nearest.join(" and ")
        );
    }
    let name = p.nearest.first().copied().unwrap_or_default();
    let share = edition
        .clusters
        .iter()
        .find(|c| c.name == name)
        .map_or("", |c| c.share);
    format!("Nearest {year} cluster: {name} ({share} of respondents that year).")
}

fn placement_view(edition: &Edition, p: &dora::Placement) -> impl IntoView {
    let year = edition.year;
    let runner_up = p.runner_up.map(|(name, distance)| {
        let gap = distance - p.distance;
        let closeness = if gap < 0.05 {
            "a close call"
        } else if gap < 0.15 {
            "fairly clear"
        } else {
            "clear"
        };
        format!(
            "Next nearest: {name} (distance {distance:.2} against {:.2}; {closeness}).",
            p.distance
        )
    });
    let compared = if p.compared_on < 4 {
        Some(format!(
            "Placed on {} of the 4 clustered metrics you answered; answer the others for a firmer placement.",
            p.compared_on
        ))
    } else {
        None
    };
    let rows = edition
        .clusters
        .iter()
        .map(|c| {
            let distance = p
                .distances
                .iter()
                .find(|(n, _)| *n == c.name)
                .map_or(f64::NAN, |(_, d)| *d);
            let [df, lt, rec] = c.described;
            let cfr = c.change_failure_rate.describe();
            view! {
                <tr>
                    <th scope="row">{c.name}{p.nearest.contains(&c.name).then_some(" (nearest)")}</th>
                    <td>{df}</td>
                    <td>{lt}</td>
                    <td>{rec}</td>
                    <td>{cfr}</td>
                    <td class="num">{format!("{distance:.2}")}</td>
                </tr>
            }
        })
        .collect_view();
    let beats = (!p.meets_or_beats.is_empty()).then(|| {
        format!(
            "Your answers meet or beat the {} cluster's published profile on every metric you answered, yet are nearest {}: \
             clusters come from cluster analysis of survey answers, not cut-offs, and do not form a ladder on every metric{}.",
            p.meets_or_beats.join(" and "),
            p.nearest.join(" and "),
            if year == 2024 { " (in 2024 medium's failure rate, 10%, is lower than high's, 20%)" } else { "" }
        )
    });
    let short = (!p.short_of.is_empty()).then(|| {
        let names: Vec<&str> = p
            .short_of
            .iter()
            .filter_map(|id| dora::metric_name(id))
            .collect();
        format!(
            "Nearest is not the same as matching: your {} {} worse than {}'s published profile.",
            names.join(" and ").to_lowercase(),
            if names.len() == 1 { "is" } else { "are" },
            p.nearest.first().copied().unwrap_or_default()
        )
    });
    view! {
        {runner_up.map(|r| view! { <p>{r}</p> })}
        {beats.map(|b| view! { <p class="note beats">{b}</p> })}
        {short.map(|s| view! { <p class="note short-of">{s}</p> })}
        {compared.map(|c| view! { <p class="hint">{c}</p> })}
        <p class="caveat">{format!("About {year}: {}", edition.caveat)}</p>
        <table class="scores">
                <caption>{format!("The {year} clusters as published, and your distance from each")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Cluster"</th>
                        <th scope="col">"Deploys"</th>
                        <th scope="col">"Lead time"</th>
                        <th scope="col">"Recovery"</th>
                        <th scope="col">"Failure rate"</th>
                        <th scope="col" class="num">"Distance"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
        </table>
    }
}
