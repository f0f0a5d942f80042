//! The coach's heat map: team × scored dimension of each team's latest result,
//! a number in every cell and a shade as a second sign, columns that sort.

use super::shown_name;
use crate::components::score_table::{change_text, score_text};
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, number, t, tf};
use crate::platform::format_date;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::assessment::history::{Verdict, CHANGE_THRESHOLD};
use maturity_core::coach::overview::TeamLine;
use maturity_core::coach::portfolio::SortBy;

/// The heat map: a line per team, a column per scored dimension; its sortable
/// headings reorder the rows the page computed.
#[component]
pub fn HeatMap(
    dimensions: Vec<String>,
    rows: Memo<Vec<TeamLine>>,
    sort: RwSignal<(SortBy, bool)>,
    hide: RwSignal<bool>,
) -> impl IntoView {
    let header = move |label: String, by: SortBy| sort_heading(label, by, sort);
    let dimension_headers = dimensions
        .iter()
        .enumerate()
        .map(|(i, name)| header(name.clone(), SortBy::Dimension(i)))
        .collect_view();
    let rows = move || {
        rows.get()
            .into_iter()
            .map(|r| team_row(r, hide))
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{t(k::COACH_HEATMAP_HEADING)}</h2>
            <p class="hint">{t(k::COACH_HEATMAP_TEXT)} " "
                {tf(k::COACH_MOVEMENT_NOTE, &[("threshold", &number(CHANGE_THRESHOLD, 1))])}</p>
            <ScrollTable label=t(k::COACH_HEATMAP_CAPTION)>
            <table class="scores heatmap" id="heatmap">
                <caption>{t(k::COACH_HEATMAP_CAPTION)}</caption>
                <thead><tr>
                    {header(t(k::COACH_COL_TEAM), SortBy::Team)}
                    <th scope="col">{t(k::COACH_COL_DATE)}</th>
                    {dimension_headers}
                    {header(t(k::COACH_COL_OVERALL), SortBy::Overall)}
                    <th scope="col">{t(k::COACH_COL_MOVEMENT)}</th>
                    <th scope="col">{t(k::COACH_COL_OVERDUE)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </ScrollTable>
        </section>
    }
}

/// A column heading that sorts: the first press sorts the way that column reads
/// best (names A to Z, scores highest first), the next reverses it.
fn sort_heading(label: String, by: SortBy, sort: RwSignal<(SortBy, bool)>) -> impl IntoView {
    let aria = move || {
        let (now, descending) = sort.get();
        if now != by {
            "none"
        } else if descending {
            "descending"
        } else {
            "ascending"
        }
    };
    let press = move |_| {
        sort.update(|(now, descending)| {
            if *now == by {
                *descending = !*descending;
            } else {
                *now = by;
                *descending = by != SortBy::Team;
            }
        })
    };
    let sort_label = tf(k::COACH_SORT, &[("column", &label)]);
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort" aria-label=sort_label on:click=press>{label}</button>
        </th>
    }
}

/// One team's line: its name (or letters), the date of its result, a cell per
/// dimension and the overall score linking to that result, movement, overdue actions.
fn team_row(r: TeamLine, hide: RwSignal<bool>) -> impl IntoView {
    let run = r.latest.clone();
    let cell = move |score: Option<f64>| {
        let class = score.map_or("heat heat-none".to_string(), |s| {
            format!("heat heat-{}", ((s / 2.0).floor() as i32).clamp(0, 4))
        });
        let text = score_text(score);
        let link = run.clone().filter(|_| score.is_some());
        view! {
            <td class=class>
                {match link {
                    Some((id, _)) => view! { <A href=routes::results(&id)>{text}</A> }.into_any(),
                    None => view! { <span>{text}</span> }.into_any(),
                }}
            </td>
        }
    };
    let movement = match (r.movement, r.change()) {
        (Verdict::Improved, Some(c)) => format!("{} ({})", t(k::COACH_IMPROVED), change_text(c)),
        (Verdict::Worse, Some(c)) => format!("{} ({})", t(k::COACH_WORSE), change_text(c)),
        (Verdict::Unchanged, Some(c)) => format!("{} ({})", t(k::COACH_UNCHANGED), change_text(c)),
        _ if r.latest.is_some() => t(k::COACH_FIRST),
        _ => String::new(),
    };
    let team = r.team.clone();
    let archived = r.archived;
    let name = move || shown_name(hide.get(), &r.name, &r.letters);
    view! {
        <tr>
            <th scope="row"><A href=routes::team(&team)>{name}</A>
                {archived.then(|| view! { " " <span class="badge">{t(k::TEAM_ARCHIVED)}</span> })}</th>
            <td class="when">{r.latest.as_ref().map_or_else(|| t(k::COACH_NO_RESULT), |(_, at)| format_date(*at))}</td>
            {r.scores.iter().map(|s| cell(*s)).collect_view()}
            {cell(r.overall)}
            <td>{movement}</td>
            <td class="num">{(r.overdue > 0).then(|| r.overdue.to_string())}</td>
        </tr>
    }
}
