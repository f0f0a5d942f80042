//! DORA over time on a team's page: each clustered metric as answered at every
//! finished assessment, with the chosen edition's published cluster ranges drawn
//! behind it, and the same figures with the nearest cluster as a table.

use crate::charts::{dora_metric_option, EChart};
use crate::platform::{format_date, format_date_time};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::dora::{editions, Edition, NEWEST_WITH_CLUSTERS};
use maturity_core::dora_trend::{bands, place_each, DoraPoint, Metric};
use maturity_core::history::TeamHistory;
use maturity_core::Catalog;

/// The four clustered DORA metrics over time, with the chosen edition's clusters behind.
#[component]
pub fn DoraOverTime(data: Memo<Option<TeamHistory>>) -> impl IntoView {
    let state = use_app_state();
    let year = RwSignal::new(NEWEST_WITH_CLUSTERS);
    let edition = Memo::new(move |_| editions().into_iter().find(|e| e.year == year.get()));
    let points = Memo::new(move |_| {
        data.with(|d| {
            let answers = d.as_ref().map_or(&[][..], |d| &d.dora[..]);
            edition.with(|e| {
                e.as_ref()
                    .map(|e| place_each(answers, e))
                    .unwrap_or_default()
            })
        })
    });
    let any = Memo::new(move |_| points.with(|p| !p.is_empty()));
    let options = move || {
        editions()
            .iter()
            .rev()
            .map(|e| {
                let y = e.year;
                view! { <option value=y.to_string() selected=y == year.get_untracked()>{y.to_string()}</option> }
            })
            .collect_view()
    };
    // Built only while there is something to draw: charts laid out inside a hidden
    // section would have no size.
    let charts = move || {
        Metric::ALL
            .into_iter()
            .map(|metric| view! { <MetricOverTime metric=metric points=points edition=edition/> })
            .collect_view()
    };
    view! {
        <Show when=move || any.get()>
        <section class="card" aria-labelledby="dora-trend-heading">
            <h2 id="dora-trend-heading">"Delivery performance over time"</h2>
            <p class="edition-switch">
                <label for="dora-trend-edition">"Clusters of the State of DevOps report"</label>
                <select id="dora-trend-edition" on:change:target=move |ev| {
                    if let Ok(y) = ev.target().value().parse::<u16>() {
                        year.set(y);
                    }
                }>{options}</select>
            </p>
            <div class="small-multiples">{charts}</div>
            {move || state.catalog.with(|c| points.with(|p| dora_table(c, p, year.get())))}
            <p class="hint">
                "Throughput metrics are drawn by answer option, 0 the slowest and 5 the fastest; the change failure "
                "rate in percent with 0% at the top, so better is up on every chart. Clusters overlap because they "
                "come from cluster analysis, not from cut-offs."
            </p>
        </section>
        </Show>
    }
}

/// One metric's chart: the team's answers over time, the edition's clusters behind.
#[component]
fn MetricOverTime(
    metric: Metric,
    points: Memo<Vec<DoraPoint>>,
    edition: Memo<Option<Edition>>,
) -> impl IntoView {
    let option = Signal::derive(move || {
        let labels: Vec<String> = points.with(|p| p.iter().map(|p| format_date(p.at)).collect());
        let values: Vec<Option<f64>> = points.with(|p| {
            p.iter()
                .map(|p| metric.value(&p.delivery).map(f64::from))
                .collect()
        });
        let bands = edition.with(|e| {
            e.as_ref()
                .map(|e| {
                    bands(e, metric)
                        .into_iter()
                        .map(|b| (b.cluster, b.low, b.high))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        dora_metric_option(
            &labels,
            &values,
            &bands,
            metric.is_percent(),
            &crate::theme::palette(),
        )
    });
    let caption = Signal::derive(move || {
        let scale = if metric.is_percent() {
            "percent of changes, 0% at the top"
        } else {
            "answer option, 0 the slowest and 5 the fastest"
        };
        let year = edition.with(|e| e.as_ref().map_or(0, |e| e.year));
        format!(
            "{}: your team's answers over time ({scale}), with the {year} clusters' published ranges behind them.",
            metric.name(),
        )
    });
    view! {
        <div class="small-multiple">
            <h4>{metric.name()}</h4>
            <EChart option=option caption=caption/>
        </div>
    }
}

fn dora_table(catalog: &Catalog, points: &[DoraPoint], year: u16) -> impl IntoView {
    let dora = catalog.get(maturity_core::dora::QUESTIONNAIRE_ID);
    let answer = move |metric: Metric, value: Option<u8>| -> String {
        match value {
            None => "–".to_string(),
            Some(v) if metric.is_percent() => format!("{v}%"),
            Some(v) => dora
                .and_then(|q| q.question(metric.question()))
                .and_then(|q| q.choices.get(usize::from(v)))
                .map_or_else(|| v.to_string(), |c| c.label.clone()),
        }
    };
    let rows = points
        .iter()
        .map(|p| {
            let cells = Metric::ALL
                .into_iter()
                .map(|m| view! { <td>{answer(m, m.value(&p.delivery))}</td> })
                .collect_view();
            let nearest = p
                .placement
                .as_ref()
                .map_or_else(|| "–".to_string(), |pl| pl.nearest.join(" / "));
            view! {
                <tr>
                    <th scope="row">{format_date_time(p.at)}</th>
                    {cells}
                    <td>{nearest}</td>
                </tr>
            }
        })
        .collect_view();
    let caption =
        format!("DORA answers at each finished assessment, and the nearest {year} cluster");
    let region_label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=region_label>
        <table class="scores dora-trend-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Assessment"</th>
                    {Metric::ALL.into_iter().map(|m| view! { <th scope="col">{m.name()}</th> }).collect_view()}
                    <th scope="col">{format!("Nearest {year} cluster")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}
