//! Two runs of a team side by side: every dimension before and after, the change, and
//! whether it counts as improved, worse or unchanged, by a threshold the page states.

use crate::platform::{format_date_time, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use maturity_core::history::{compare, threshold_note, Delta, Verdict};
use maturity_core::scoring::{format_score, rounded};
use maturity_core::words;
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
            set_title("Comparison not found");
            return view! {
                <h1>"Comparison not found"</h1>
                <p>"One of these assessments is not saved in this browser, or they belong to different teams."</p>
                <p><A href=routes::home() exact=true>"See your teams"</A></p>
            }
            .into_any();
        };
        set_title(&format!("Compare · {}", team.name));
        if same {
            return view! {
                <h1>{format!("{}: nothing to compare", team.name)}</h1>
                <p>"Both sides are the same assessment. Choose two different ones."</p>
                <p><A href=routes::team(&team.id)>{format!("Back to {}", team.name)}</A></p>
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
            <th scope="row">{d.name.clone()}</th>
            <td class="num">{format_score(d.before)}</td>
            <td class="num">{format_score(d.after)}</td>
            <td class="num">{d.change.map_or_else(|| "–".to_string(), |c| format!("{:+.1}", rounded(c)))}</td>
            <td class="verdict">{format!("{marker}{}", d.verdict.label())}</td>
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
    let summary = format!(
        "{} improved, {} got worse, {} unchanged, {} not comparable.",
        words::count(tally(Verdict::Improved), "dimension", "dimensions"),
        tally(Verdict::Worse),
        tally(Verdict::Unchanged),
        tally(Verdict::NotComparable)
    );
    let from_text = format_date_time(from);
    let to_text = format_date_time(to);
    let body = rows.iter().map(row).collect_view();
    view! {
        <h1>{format!("{}: {from_text} → {to_text}", team.name)}</h1>
        <p class="lede">{summary}</p>
        <table class="scores compare-table">
            <caption>{format!("Scores (0–10) on {from_text} and {to_text}, by dimension")}</caption>
            <thead>
                <tr>
                    <th scope="col">"Dimension"</th>
                    <th scope="col" class="num">{from_text.clone()}</th>
                    <th scope="col" class="num">{to_text.clone()}</th>
                    <th scope="col" class="num">"Change"</th>
                    <th scope="col">"Verdict"</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        <p class="hint">{threshold_note()}</p>
        <p><A href=routes::team(&team.id)>{format!("Back to {}", team.name)}</A></p>
    }
}
