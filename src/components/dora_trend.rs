//! DORA over time on a team's page: each clustered metric as answered at every
//! finished assessment, with the chosen edition's published cluster ranges drawn
//! behind it, and the same figures with the nearest cluster as a table.

use crate::charts::{dora_metric_option, EChart};
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::dora::clusters::{editions, Edition, NEWEST_WITH_CLUSTERS};
use maturity_core::dora::trend::{answered_over_time, bands, place_each, DoraPoint, Metric};
use maturity_core::{Catalog, RunId, TeamId};
use std::collections::BTreeSet;

/// The four clustered DORA metrics over time, with the chosen edition's clusters behind.
#[component]
pub fn DoraOverTime(team: Memo<TeamId>) -> impl IntoView {
    let state = use_app_state();
    // Equal after a change that does not touch the team's DORA answers, so the
    // charts are not redrawn for it.
    let answers = Memo::new(move |_| {
        state
            .store
            .with(|s| team.with(|id| answered_over_time(&s.runs_of(id))))
    });
    let year = RwSignal::new(NEWEST_WITH_CLUSTERS);
    let edition = Memo::new(move |_| editions().into_iter().find(|e| e.year == year.get()));
    let points = Memo::new(move |_| {
        answers.with(|answers| {
            edition.with(|e| {
                e.as_ref()
                    .map(|e| place_each(answers, e))
                    .unwrap_or_default()
            })
        })
    });
    let any = Memo::new(move |_| points.with(|p| !p.is_empty()));
    // Runs filled from deployment records: their dates are marked "measured".
    let measured = Memo::new(move |_| {
        state.store.with(|s| {
            s.runs
                .iter()
                .filter(|r| r.measured.is_some())
                .map(|r| r.id.clone())
                .collect::<BTreeSet<RunId>>()
        })
    });
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
            .map(|metric| view! { <MetricOverTime metric=metric points=points edition=edition measured=measured/> })
            .collect_view()
    };
    view! {
        <Show when=move || any.get()>
        <section class="card" aria-labelledby="dora-trend-heading">
            <h2 id="dora-trend-heading">{t(k::DORA_TREND_HEADING)}</h2>
            <p class="edition-switch">
                <label for="dora-trend-edition">{t(k::DORA_TREND_EDITION_LABEL)}</label>
                <select id="dora-trend-edition" on:change:target=move |ev| {
                    if let Ok(y) = ev.target().value().parse::<u16>() {
                        year.set(y);
                    }
                }>{options}</select>
            </p>
            <div class="small-multiples">{charts}</div>
            {move || state.catalog.with(|c| points.with(|p| measured.with(|m| dora_table(c, p, m, year.get()))))}
            <p class="hint">{t(k::DORA_TREND_HINT)}</p>
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
    measured: Memo<BTreeSet<RunId>>,
) -> impl IntoView {
    let option = Signal::derive(move || {
        let labels: Vec<String> = points.with(|p| {
            let dates = crate::platform::format_dates(&p.iter().map(|p| p.at).collect::<Vec<_>>());
            measured.with(|m| marked(p, dates, m))
        });
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
                        .map(|b| (crate::i18n::core(b.cluster), b.low, b.high))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        let bands: Vec<(&str, f64, f64)> = bands
            .iter()
            .map(|(c, low, high)| (c.as_str(), *low, *high))
            .collect();
        dora_metric_option(
            &labels,
            &values,
            &bands,
            metric.is_percent(),
            &crate::charts::ChartWords::new().words(),
            &crate::theme::palette(),
        )
    });
    let caption = Signal::derive(move || {
        let message = if metric.is_percent() {
            k::DORA_TREND_CAPTION_PERCENT
        } else {
            k::DORA_TREND_CAPTION_OPTION
        };
        let year = edition.with(|e| e.as_ref().map_or(0, |e| e.year));
        tf(
            message,
            &[
                ("metric", &crate::i18n::core(metric.name())),
                ("year", &year.to_string()),
            ],
        )
    });
    view! {
        <div class="small-multiple">
            <h4>{crate::i18n::core(metric.name())}</h4>
            <EChart option=option caption=caption/>
        </div>
    }
}

/// Each point's label, with "measured" added for a run filled from deployment records.
fn marked(points: &[DoraPoint], labels: Vec<String>, measured: &BTreeSet<RunId>) -> Vec<String> {
    points
        .iter()
        .zip(labels)
        .map(|(p, label)| {
            if measured.contains(&p.run) {
                tf(k::MEASURE_CHART_MARK, &[("date", &label)])
            } else {
                label
            }
        })
        .collect()
}

fn dora_table(
    catalog: &Catalog,
    points: &[DoraPoint],
    measured: &BTreeSet<RunId>,
    year: u16,
) -> impl IntoView {
    let dora = catalog.get(maturity_core::dora::clusters::QUESTIONNAIRE_ID);
    let answer = move |metric: Metric, value: Option<u8>| -> String {
        match value {
            None => "–".to_string(),
            Some(v) if metric.is_percent() => tf(k::DORA_PERCENT, &[("value", &v.to_string())]),
            Some(v) => dora
                .and_then(|q| q.question(metric.question()))
                .and_then(|q| q.choices.get(usize::from(v)))
                .map_or_else(|| v.to_string(), |c| c.label.clone()),
        }
    };
    let labels = marked(
        points,
        crate::platform::format_date_times(&points.iter().map(|p| p.at).collect::<Vec<_>>()),
        measured,
    );
    let rows = points
        .iter()
        .zip(labels)
        .map(|(p, label)| {
            let cells = Metric::ALL
                .into_iter()
                .map(|m| view! { <td>{answer(m, m.value(&p.delivery))}</td> })
                .collect_view();
            let nearest = p.placement.as_ref().map_or_else(
                || "–".to_string(),
                |pl| {
                    pl.nearest
                        .iter()
                        .map(|c| crate::i18n::core(c))
                        .collect::<Vec<_>>()
                        .join(" / ")
                },
            );
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    {cells}
                    <td>{nearest}</td>
                </tr>
            }
        })
        .collect_view();
    let year = year.to_string();
    let caption = tf(k::DORA_TREND_TABLE_CAPTION, &[("year", &year)]);
    let nearest_heading = tf(k::DORA_COL_NEAREST, &[("year", &year)]);
    let region_label = caption.clone();
    view! {
        <ScrollTable label=region_label>
        <table class="scores dora-trend-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::DORA_COL_ASSESSMENT)}</th>
                    {Metric::ALL.into_iter().map(|m| view! { <th scope="col">{crate::i18n::core(m.name())}</th> }).collect_view()}
                    <th scope="col">{nearest_heading}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </ScrollTable>
    }
}
