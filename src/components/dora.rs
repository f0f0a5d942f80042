//! DORA results: each metric's answer and 0-10 score, and the team's nearest published
//! cluster for the chosen edition, with its caveat, a chart and the same figures as a table.

use crate::charts::{cluster_distance_option, EChart};
use crate::components::benchmarks::Benchmarks;
use crate::components::score_table::score_text;
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{core, k, list, number, t, tf, tp};
use leptos::prelude::*;
use maturity_core::dora::clusters::{
    self as dora, editions, place, scores, Delivery, Edition, NEWEST_WITH_CLUSTERS,
};
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
            Some(&v) if question.accepts(v) => crate::i18n::answer_text(question, v),
            _ => t(k::DORA_NOT_ANSWERED),
        }
    };
    let metrics = dora::METRICS.map(|(id, name)| (name, id, s.metric(id)));
    let metric_rows = metrics
        .into_iter()
        .map(|(name, id, score)| {
            view! {
                <tr>
                    <th scope="row">{core(name)}</th>
                    <td>{answer_text(id)}</td>
                    <td class="num">{score_text(score)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <h3>{t(k::DORA_METRICS_HEADING)}</h3>
        <table class="scores">
            <caption>{t(k::DORA_METRICS_CAPTION)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::DORA_COL_METRIC)}</th>
                    <th scope="col">{t(k::DORA_COL_ANSWER)}</th>
                    <th scope="col" class="num">{t(k::DORA_COL_SCORE)}</th>
                </tr>
            </thead>
            <tbody>{metric_rows}</tbody>
            <tfoot>
                <tr><th scope="row">{t(k::DORA_THROUGHPUT)}</th><td>{t(k::DORA_THROUGHPUT_HOW)}</td><td class="num">{score_text(s.throughput)}</td></tr>
                <tr><th scope="row">{t(k::DORA_STABILITY)}</th><td>{t(k::DORA_STABILITY_HOW)}</td><td class="num">{score_text(s.stability)}</td></tr>
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
        cluster_distance_option(
            year.get(),
            &distances,
            &nearest,
            &crate::charts::ChartWords::new().words(),
            &crate::theme::palette(),
        )
    });
    let options = all_editions
        .iter()
        .rev()
        .map(|e| {
            let y = e.year;
            let label = if y == NEWEST_WITH_CLUSTERS {
                tf(k::DORA_EDITION_NEWEST, &[("year", &y.to_string())])
            } else {
                y.to_string()
            };
            view! { <option value=y.to_string() selected=y == NEWEST_WITH_CLUSTERS>{label}</option> }
        })
        .collect_view();

    view! {
        <h3>{t(k::DORA_CLUSTERS_HEADING)}</h3>
        <p class="edition-switch">
            <label for="dora-edition">{t(k::DORA_EDITION_LABEL)}</label>
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
                <p>{t(k::DORA_NO_PLACEMENT)}</p>
            }.into_any(),
        }}
        <EChart option=chart caption=t(k::DORA_DISTANCE_CAPTION)/>
        <p class="hint">
            {move || edition.with(|e| e.as_ref().map(|e| tf(
                k::DORA_HINT,
                &[("year", &e.year.to_string()), ("grouping", &core(e.grouping.describe()))],
            )))}
        </p>
    }
}

/// "Nearest 2024 cluster: Medium (35% of respondents that year)." or the tie.
fn headline(edition: &Edition, p: &dora::Placement) -> String {
    let year = edition.year.to_string();
    if p.is_tie() {
        return tf(
            k::DORA_TIE,
            &[("clusters", &names(&p.nearest)), ("year", &year)],
        );
    }
    let name = p.nearest.first().copied().unwrap_or_default();
    let share = edition
        .clusters
        .iter()
        .find(|c| c.name == name)
        .map_or("", |c| c.share);
    tf(
        k::DORA_HEADLINE,
        &[("year", &year), ("cluster", &core(name)), ("share", share)],
    )
}

/// Where the team sits in `edition`: how close the runner-up is, what it beats or
/// falls short of, and every cluster's profile with the team's distance to it.
fn placement_view(edition: &Edition, p: &dora::Placement) -> impl IntoView {
    let year = edition.year;
    let compared = (p.compared_on < 4).then(|| tp(k::DORA_COMPARED_ON, p.compared_on, &[]));
    let caption = tf(k::DORA_CLUSTERS_CAPTION, &[("year", &year.to_string())]);
    let rows = cluster_rows(edition, p);
    view! {
        {runner_up_text(p).map(|r| view! { <p>{r}</p> })}
        {beats_text(year, p).map(|b| view! { <p class="note beats">{b}</p> })}
        {short_of_text(p).map(|s| view! { <p class="note short-of">{s}</p> })}
        {compared.map(|c| view! { <p class="hint">{c}</p> })}
        <p class="caveat">{tf(k::DORA_CAVEAT, &[("year", &year.to_string()), ("caveat", &core(edition.caveat))])}</p>
        <ScrollTable label=caption.clone()>
        <table class="scores">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(k::DORA_COL_CLUSTER)}</th>
                        <th scope="col">{t(k::DORA_COL_DEPLOYS)}</th>
                        <th scope="col">{t(k::DORA_COL_LEAD_TIME)}</th>
                        <th scope="col">{t(k::DORA_COL_RECOVERY)}</th>
                        <th scope="col">{t(k::DORA_COL_FAILURE_RATE)}</th>
                        <th scope="col" class="num">{t(k::DORA_COL_DISTANCE)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
        </table>
        </ScrollTable>
    }
}

/// How close the runner-up cluster is, in words.
fn runner_up_text(p: &dora::Placement) -> Option<String> {
    p.runner_up.map(|(name, distance)| {
        let gap = distance - p.distance;
        let closeness = if gap < 0.05 {
            t(k::DORA_CLOSE_CALL)
        } else if gap < 0.15 {
            t(k::DORA_FAIRLY_CLEAR)
        } else {
            t(k::DORA_CLEAR)
        };
        tf(
            k::DORA_RUNNER_UP,
            &[
                ("cluster", &core(name)),
                ("distance", &number(distance, 2)),
                ("nearest", &number(p.distance, 2)),
                ("closeness", &closeness),
            ],
        )
    })
}

/// The clusters the team meets or beats on every metric, beyond its nearest.
fn beats_text(year: u16, p: &dora::Placement) -> Option<String> {
    (!p.meets_or_beats.is_empty()).then(|| {
        tf(
            if year == 2024 {
                k::DORA_BEATS_2024
            } else {
                k::DORA_BEATS
            },
            &[
                ("beaten", &names(&p.meets_or_beats)),
                ("nearest", &names(&p.nearest)),
            ],
        )
    })
}

/// The metrics on which the team falls short of its nearest cluster.
fn short_of_text(p: &dora::Placement) -> Option<String> {
    (!p.short_of.is_empty()).then(|| {
        let metrics: Vec<String> = p
            .short_of
            .iter()
            .filter_map(|id| dora::metric_name(id))
            .map(|name| crate::i18n::in_sentence(&core(name)))
            .collect();
        tp(
            k::DORA_SHORT_OF,
            metrics.len(),
            &[
                ("metrics", &list(&metrics)),
                (
                    "cluster",
                    &core(p.nearest.first().copied().unwrap_or_default()),
                ),
            ],
        )
    })
}

/// A row per cluster of the edition: its profile and the team's distance to it.
fn cluster_rows(edition: &Edition, p: &dora::Placement) -> AnyView {
    edition
        .clusters
        .iter()
        .map(|c| {
            let distance = p
                .distances
                .iter()
                .find(|(n, _)| *n == c.name)
                .map_or(f64::NAN, |(_, d)| *d);
            let [df, lt, rec] = c.described.map(core);
            let cfr = c.change_failure_rate.describe();
            let name = if p.nearest.contains(&c.name) {
                tf(k::DORA_NEAREST_MARK, &[("cluster", &core(c.name))])
            } else {
                core(c.name)
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{df}</td>
                    <td>{lt}</td>
                    <td>{rec}</td>
                    <td>{cfr}</td>
                    <td class="num">{number(distance, 2)}</td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

/// Cluster names as a list in words: "High and Elite".
fn names(clusters: &[&str]) -> String {
    list(&clusters.iter().map(|c| core(c)).collect::<Vec<_>>())
}
