//! A team's trends: per questionnaire, each dimension's score at every finished
//! assessment (chart and table, with the assessments where actions were agreed
//! marked), then the latest assessment over the previous one.

use crate::charts::{or_blank, radar_compare_option, trend_option, Chart, EChart, MIN_RADAR_AXES};
use crate::components::score_table::{change_text, score_text};
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{format_date_times, format_dates};
use leptos::prelude::*;
use maturity_core::assessment::history::{verdict, TeamHistory, Trend};
use maturity_core::assessment::scoring::on_own_scale;

/// One trend chart and table per questionnaire, then the latest run over the previous.
#[component]
pub fn Trends(data: Memo<Option<TeamHistory>>) -> impl IntoView {
    let trend_ids = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.trends
                        .iter()
                        .map(|t| t.questionnaire.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let finished = Memo::new(move |_| data.with(|d| d.as_ref().map_or(0, |d| d.finished)));
    view! {
        <section class="card" aria-labelledby="trends-heading">
            <h2 id="trends-heading">{t(k::TREND_HEADING)}</h2>
            {move || match finished.get() {
                0 => Some(view! { <p class="empty">{t(k::TREND_NONE)}</p> }.into_any()),
                1 => Some(view! { <p class="hint">{t(k::TREND_ONE)}</p> }.into_any()),
                _ => None,
            }}
            // Keyed by questionnaire, so each chart is drawn once and then updated in place.
            <For each=move || trend_ids.get() key=|id| id.clone() let:id>
                <QuestionnaireTrend data=data id=id/>
            </For>
        </section>
    }
}

#[component]
fn QuestionnaireTrend(data: Memo<Option<TeamHistory>>, id: String) -> impl IntoView {
    let trend = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.trends.iter().find(|t| t.questionnaire == id).cloned())
        })
    });
    let title = move || trend.with(|t| t.as_ref().map(|t| t.title.clone()).unwrap_or_default());
    let chart =
        Signal::derive(move || trend.with(|t| data.with(|d| trend_chart(t.as_ref(), d.as_ref()))));
    let pairs = Memo::new(move |_| {
        trend.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.latest_and_previous()
                        .into_iter()
                        .map(|(n, p, l)| (n.to_string(), p, l))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Built on demand, never stored: charts are neither compared nor cloned.
    let radar = move || {
        pairs.with(|p| {
            let borrowed: Vec<(&str, Option<f64>, Option<f64>)> =
                p.iter().map(|(n, a, b)| (n.as_str(), *a, *b)).collect();
            radar_compare_option(
                &borrowed,
                &crate::charts::ChartWords::new().words(),
                &crate::theme::palette(),
            )
        })
    };
    let has_radar = Memo::new(move |_| {
        pairs.with(|p| {
            p.iter()
                .filter(|(_, a, b)| a.is_some() && b.is_some())
                .count()
                >= MIN_RADAR_AXES
        })
    });
    let heading_id = format!(
        "trend-{}",
        trend.with_untracked(|t| t
            .as_ref()
            .map(|t| t.questionnaire.clone())
            .unwrap_or_default())
    );
    view! {
        <section class="trend" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{title}</h3>
            <EChart option=chart caption=t(k::TREND_CHART_CAPTION)/>
            {move || trend.with(|t| t.as_ref().map(|t| {
                let actions = data.with(|d| d.as_ref().map(|d| actions_at(d, t)).unwrap_or_default());
                trend_table(t, &actions)
            }))}
            <h4>{t(k::TREND_LATEST_HEADING)}</h4>
            {move || if has_radar.get() {
                let option = Signal::derive(move || or_blank(radar()));
                Some(view! { <EChart option=option caption=t(k::TREND_RADAR_CAPTION)/> }.into_any())
            } else {
                Some(view! {
                    <p class="chart-empty">{tp(k::TREND_RADAR_EMPTY, MIN_RADAR_AXES, &[])}</p>
                }.into_any())
            }}
            {move || pairs.with(|p| latest_table(p))}
        </section>
    }
}

/// The trend chart: each dimension (and the overall score) at every finished
/// assessment, the assessments where actions were agreed marked.
fn trend_chart(trend: Option<&Trend>, history: Option<&TeamHistory>) -> Chart {
    let Some(trend) = trend else {
        return trend_option(
            &[],
            &[],
            &[],
            &crate::charts::ChartWords::new().words(),
            &crate::theme::palette(),
        );
    };
    let labels: Vec<String> = format_dates(&trend.at);
    let mut series: Vec<(String, Vec<Option<f64>>)> = trend
        .dimensions
        .iter()
        .map(|s| (s.name.clone(), s.values.clone()))
        .collect();
    if trend.dimensions.len() > 1 {
        series.push((t(k::TREND_OVERALL), trend.overall.clone()));
    }
    let marks: Vec<(String, String)> = history
        .map(|d| {
            actions_at(d, trend)
                .into_iter()
                .zip(&labels)
                .filter(|(n, _)| *n > 0)
                .map(|(n, label)| (label.clone(), tp(k::TREND_ACTIONS, n, &[])))
                .collect()
        })
        .unwrap_or_default();
    trend_option(
        &labels,
        &series,
        &marks,
        &crate::charts::ChartWords::new().words(),
        &crate::theme::palette(),
    )
}

/// How many actions were agreed at each point of a trend.
fn actions_at(history: &TeamHistory, trend: &Trend) -> Vec<usize> {
    trend
        .runs
        .iter()
        .map(|id| {
            history
                .runs
                .iter()
                .find(|s| &s.run == id)
                .map_or(0, |s| s.actions)
        })
        .collect()
}

fn trend_table(trend: &Trend, actions: &[usize]) -> impl IntoView {
    let header = trend
        .dimensions
        .iter()
        .map(|s| view! { <th scope="col" class="num">{s.name.clone()}</th> })
        .collect_view();
    let row_labels = format_date_times(&trend.at);
    let rows =
        trend.at.iter()
            .enumerate()
            .map(|(i, _)| {
                let cells = trend
                    .dimensions
                    .iter()
                    .map(|s| view! { <td class="num">{score_text(s.values[i])}</td> })
                    .collect_view();
                let own = trend.own_scale.map(|choices| {
                    view! { <td class="num">{score_text(trend.overall[i].map(|s| on_own_scale(s, choices)))}</td> }
                });
                view! {
                    <tr>
                        <th scope="row">{row_labels[i].clone()}</th>
                        {cells}
                        <td class="num">{score_text(trend.overall[i])}</td>
                        {own}
                        <td class="num">{actions.get(i).copied().unwrap_or(0)}</td>
                    </tr>
                }
            })
            .collect_view();
    let caption = tf(k::TREND_TABLE_CAPTION, &[("questionnaire", &trend.title)]);
    let region_label = caption.clone();
    let questionnaire = trend.questionnaire.clone();
    let own_scale = trend.own_scale;
    view! {
        <ScrollTable label=region_label>
        <table class="scores trend-table" data-questionnaire=questionnaire>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::TREND_COL_ASSESSMENT)}</th>
                    {header}
                    <th scope="col" class="num">{t(k::TREND_OVERALL)}</th>
                    {own_scale.map(|choices| view! { <th scope="col" class="num">{tf(k::TREND_COL_OWN_SCALE, &[("choices", &choices.to_string())])}</th> })}
                    <th scope="col" class="num">{t(k::TREND_COL_ACTIONS)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </ScrollTable>
    }
}

fn latest_table(pairs: &[(String, Option<f64>, Option<f64>)]) -> impl IntoView {
    let rows = pairs
        .iter()
        .map(|(name, previous, latest)| {
            let change = previous.zip(*latest).map(|(p, l)| l - p);
            let verdict = crate::said::verdict(verdict(*previous, *latest));
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="num">{score_text(*previous)}</td>
                    <td class="num">{score_text(*latest)}</td>
                    <td class="num">{change.map_or_else(|| "–".to_string(), change_text)}</td>
                    <td>{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="scores">
            <caption>{t(k::TREND_LATEST_CAPTION)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::TREND_COL_DIMENSION)}</th>
                    <th scope="col" class="num">{t(k::TREND_COL_PREVIOUS)}</th>
                    <th scope="col" class="num">{t(k::TREND_COL_LATEST)}</th>
                    <th scope="col" class="num">{t(k::TREND_COL_CHANGE)}</th>
                    <th scope="col">{t(k::TREND_COL_VERDICT)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="hint">{crate::said::threshold_note()}</p>
    }
}
