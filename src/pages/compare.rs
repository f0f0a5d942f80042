//! Two runs of a team side by side: every dimension before and after, the change, and
//! whether it counts as improved, worse or unchanged, by a threshold the page states.

use crate::components::score_table::{change_text, score_text};
use crate::i18n::{k, t, tf, tp};
use crate::platform::{format_date_time, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use maturity_core::assessment::history::{compare, Delta, Verdict};
use maturity_core::{Millis, RunId, Team, TeamId};

#[component]
pub fn ComparePage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let query = use_query_map();
    let view_data = Memo::new(move |_| {
        let team = TeamId(params.read().get("team").unwrap_or_default());
        let from = RunId(query.read().get("from").unwrap_or_default());
        let to = RunId(query.read().get("to").unwrap_or_default());
        state.catalog.with(|catalog| {
            state.store.with(|s| {
                let team = s.team(&team)?.clone();
                let a = s.run(&from).filter(|r| r.team == team.id)?;
                let b = s.run(&to).filter(|r| r.team == team.id)?;
                // Earlier first, whichever way round they were picked.
                let (a, b) = if b.held_at() < a.held_at() {
                    (b, a)
                } else {
                    (a, b)
                };
                Some((
                    team,
                    a.held_at(),
                    b.held_at(),
                    a.id == b.id,
                    compare(catalog, a, b),
                ))
            })
        })
    });
    move || {
        let Some((team, from, to, same, rows)) = view_data.get() else {
            set_title(&t(k::COMPARE_NOT_FOUND));
            return view! {
                <h1>{t(k::COMPARE_NOT_FOUND)}</h1>
                <p>{t(k::COMPARE_NOT_FOUND_BODY)}</p>
                <p><A href=routes::home() exact=true>{t(k::COMPARE_SEE_TEAMS)}</A></p>
            }
            .into_any();
        };
        set_title(&tf(k::COMPARE_TITLE, &[("team", &team.name)]));
        if same {
            return view! {
                <h1>{tf(k::COMPARE_SAME_HEADING, &[("team", &team.name)])}</h1>
                <p>{t(k::COMPARE_SAME_BODY)}</p>
                <p><A href=routes::team(&team.id)>{tf(k::COMPARE_BACK, &[("team", &team.name)])}</A></p>
            }
            .into_any();
        }
        comparison(&team, from, to, &rows).into_any()
    }
}

fn row(d: &Delta) -> impl IntoView {
    let class = match (d.dimension.is_empty(), d.verdict) {
        (true, _) => "overall-row",
        (_, Verdict::Improved) => "improved",
        (_, Verdict::Worse) => "worse",
        _ => "",
    };
    let marker = match d.verdict {
        Verdict::Improved => "▲ ",
        Verdict::Worse => "▼ ",
        Verdict::Unchanged => "= ",
        Verdict::NotComparable => "",
    };
    view! {
        <tr class=class data-dimension=format!("{}.{}", d.questionnaire, d.dimension)>
            <th scope="row">{if d.dimension.is_empty() { crate::said::overall(&d.name) } else { d.name.clone() }}</th>
            <td class="num">{score_text(d.before)}</td>
            <td class="num">{score_text(d.after)}</td>
            <td class="num">{d.change.map_or_else(|| "–".to_string(), change_text)}</td>
            <td class="verdict">{format!("{marker}{}", crate::said::verdict(d.verdict))}</td>
        </tr>
    }
}

/// The two runs side by side: how many dimensions moved which way, then every row.
fn comparison(team: &Team, from: Millis, to: Millis, rows: &[Delta]) -> impl IntoView {
    let tally = |v: Verdict| {
        rows.iter()
            .filter(|r| !r.dimension.is_empty() && r.verdict == v)
            .count()
    };
    let summary = tp(
        k::COMPARE_SUMMARY,
        tally(Verdict::Improved),
        &[
            ("worse", &tally(Verdict::Worse).to_string()),
            ("unchanged", &tally(Verdict::Unchanged).to_string()),
            ("not_comparable", &tally(Verdict::NotComparable).to_string()),
        ],
    );
    let from_text = format_date_time(from);
    let to_text = format_date_time(to);
    let body = rows.iter().map(row).collect_view();
    let heading = tf(
        k::COMPARE_HEADING,
        &[("team", &team.name), ("from", &from_text), ("to", &to_text)],
    );
    let caption = tf(
        k::COMPARE_CAPTION,
        &[("from", &from_text), ("to", &to_text)],
    );
    let back = tf(k::COMPARE_BACK, &[("team", &team.name)]);
    view! {
        <h1>{heading}</h1>
        <p class="lede">{summary}</p>
        <table class="scores compare-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::COMPARE_COL_DIMENSION)}</th>
                    <th scope="col" class="num">{from_text.clone()}</th>
                    <th scope="col" class="num">{to_text.clone()}</th>
                    <th scope="col" class="num">{t(k::COMPARE_COL_CHANGE)}</th>
                    <th scope="col">{t(k::COMPARE_COL_VERDICT)}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        <p class="hint">{crate::said::threshold_note()}</p>
        <p><A href=routes::team(&team.id)>{back}</A></p>
    }
}
