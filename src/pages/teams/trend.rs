//! The coach's portfolio trend: per calendar quarter, each dimension's mean and
//! range across teams.

use crate::components::score_table::score_text;
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t};
use leptos::prelude::*;
use maturity_core::coach::portfolio::QuarterRow;

/// The portfolio per calendar quarter: each dimension's mean and range across the
/// teams' results of that quarter.
#[component]
pub fn Trend(rows: Vec<QuarterRow>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="trend-heading">
                <h2 id="trend-heading">{t(k::COACH_TREND_HEADING)}</h2>
                <p class="hint">{t(k::COACH_TREND_TEXT)}</p>
                <ScrollTable label=t(k::COACH_TREND_CAPTION)>
                <table class="scores" id="portfolio-trend">
                    <caption>{t(k::COACH_TREND_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{t(k::COACH_COL_QUARTER)}</th>
                        <th scope="col">{t(k::COACH_COL_DIMENSION)}</th>
                        <th scope="col">{t(k::COACH_COL_TEAMS_PLAIN)}</th>
                        <th scope="col">{t(k::COACH_COL_MEAN)}</th>
                        <th scope="col">{t(k::COACH_COL_RANGE)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.iter().map(|r| {
                            let name = if r.dimension.is_empty() { t(k::COACH_OVERALL) } else { r.name.clone() };
                            view! {
                                <tr><th scope="row">{r.quarter.clone()}</th><td>{name}</td>
                                    <td class="num">{r.teams.to_string()}</td>
                                    <td class="num">{score_text(Some(r.mean))}</td>
                                    <td class="num">{format!("{} – {}", score_text(Some(r.min)), score_text(Some(r.max)))}</td></tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </ScrollTable>
            </section>
        }
    })
}
