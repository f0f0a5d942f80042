//! The team's DORA scores beside its peers': the mean and one standard deviation of
//! the team's industry and organisation size in DORA's 2024 or 2025 survey, as
//! DORA's Quick Check shows them; the industry and size are kept with the team.

use crate::components::score_table::score_text;
use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf};
use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::dora::benchmarks::{
    self, band, group, Band, Group, Kind, Stat, INDUSTRIES, SIZES, SURVEYS,
};
use maturity_core::dora::clusters::{Scores, METRICS};
use maturity_core::TeamId;

/// The benchmark section of a DORA result: pick the team's industry and size (kept
/// with the team), pick the survey, and read each metric against the groups.
#[component]
pub fn Benchmarks(team: TeamId, scores: Scores) -> impl IntoView {
    let state = use_app_state();
    let peers = {
        let team = team.clone();
        Memo::new(move |_| {
            state.store.with(|s| {
                s.team(&team)
                    .map(|t| (t.industry.clone(), t.size.clone()))
                    .unwrap_or_default()
            })
        })
    };
    let survey = RwSignal::new(SURVEYS[0]);
    let error = RwSignal::new(None::<String>);
    let team = StoredValue::new(team);
    let save = move |industry: Option<String>, size: Option<String>| {
        let result = team.with_value(|team| {
            state.change(|s| s.set_peers(team, industry.as_deref(), size.as_deref(), now()))
        });
        error.set(result.err().map(|e| crate::errors::change(&e)));
    };
    let industry_options = INDUSTRIES
        .iter()
        .map(|(key, label)| {
            view! { <option value=*key selected=move || peers.with(|p| p.0.as_deref() == Some(*key))>{crate::i18n::core(label)}</option> }
        })
        .collect_view();
    let size_options = SIZES
        .iter()
        .map(|(key, label, ..)| {
            view! { <option value=*key selected=move || peers.with(|p| p.1.as_deref() == Some(*key))>{crate::i18n::core(label)}</option> }
        })
        .collect_view();
    let survey_options = SURVEYS
        .iter()
        .map(|&y| view! { <option value=y.to_string() selected=y == SURVEYS[0]>{tf(k::BENCH_SURVEY_OPTION, &[("year", &y.to_string())])}</option> })
        .collect_view();
    let chosen = |value: String| (!value.is_empty()).then_some(value);
    view! {
        <h3 id="benchmarks-heading">{t(k::BENCH_HEADING)}</h3>
        <p class="hint">{t(k::BENCH_HINT)}</p>
        <div class="peer-pickers">
            <p class="field">
                <label for="peer-industry">{t(k::BENCH_INDUSTRY)}</label>
                <select id="peer-industry" on:change:target=move |ev| {
                    save(chosen(ev.target().value()), peers.get_untracked().1)
                }>
                    <option value="" selected=move || peers.with(|p| p.0.is_none())>{t(k::BENCH_NOT_CHOSEN)}</option>
                    {industry_options}
                </select>
            </p>
            <p class="field">
                <label for="peer-size">{t(k::BENCH_SIZE)}</label>
                <select id="peer-size" on:change:target=move |ev| {
                    save(peers.get_untracked().0, chosen(ev.target().value()))
                }>
                    <option value="" selected=move || peers.with(|p| p.1.is_none())>{t(k::BENCH_NOT_CHOSEN)}</option>
                    {size_options}
                </select>
            </p>
            <p class="field">
                <label for="peer-survey">{t(k::BENCH_SURVEY)}</label>
                <select id="peer-survey" on:change:target=move |ev| {
                    if let Ok(y) = ev.target().value().parse::<u16>() {
                        survey.set(y);
                    }
                }>
                    {survey_options}
                </select>
            </p>
        </div>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {move || {
            let (industry, size) = peers.get();
            benchmark_table(survey.get(), industry.as_deref(), size.as_deref(), &scores)
        }}
    }
}

/// The groups to compare with: the chosen industry and size, or everyone.
fn groups(survey: u16, industry: Option<&str>, size: Option<&str>) -> (Vec<Group>, Vec<String>) {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    if let Some(key) = industry {
        match group(survey, Kind::Industry, key) {
            Some(g) => found.push(g),
            None => missing.push(tf(k::BENCH_NO_INDUSTRY, &[("year", &survey.to_string())])),
        }
    }
    if let Some(key) = size {
        match group(survey, Kind::Size, key) {
            Some(g) => found.push(g),
            None => missing.push(tf(
                k::BENCH_NO_SIZE,
                &[
                    ("year", &survey.to_string()),
                    (
                        "size",
                        &crate::i18n::in_sentence(&crate::i18n::core(
                            benchmarks::size_label(key).unwrap_or(key),
                        )),
                    ),
                ],
            )),
        }
    }
    if found.is_empty() {
        found.extend(group(survey, Kind::Industry, benchmarks::ALL));
    }
    (found, missing)
}

fn benchmark_table(
    survey: u16,
    industry: Option<&str>,
    size: Option<&str>,
    scores: &Scores,
) -> impl IntoView {
    let (groups, missing) = groups(survey, industry, size);
    let headers = groups
        .iter()
        .map(|g| view! { <th scope="col" class="num">{tf(k::BENCH_COL_GROUP, &[("group", &crate::i18n::core(g.label))])}</th> })
        .collect_view();
    let rows = METRICS
        .iter()
        .map(|(id, name)| {
            let team = scores.metric(id);
            let cells = groups
                .iter()
                .map(|g| {
                    view! { <td class="num">{cell(team, g.metric(id))}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{crate::i18n::core(name)}</th>
                    <td class="num">{score_text(team)}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let missing = (!missing.is_empty()).then(|| {
        view! { <p class="hint">{tf(k::BENCH_NOT_SHOWN, &[("reasons", &missing.join("; "))])}</p> }
    });
    view! {
        {missing}
        // Wide on a phone: the table scrolls in its own box, reachable by keyboard.
        <ScrollTable label=t(k::BENCH_REGION)>
            <table class="scores benchmarks">
                <caption>{tf(k::BENCH_CAPTION, &[("year", &survey.to_string())])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(k::BENCH_COL_METRIC)}</th>
                        <th scope="col" class="num">{t(k::BENCH_COL_YOU)}</th>
                        {headers}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollTable>
        <p class="hint">{tf(k::BENCH_SOURCE, &[("year", &survey.to_string())])}</p>
    }
}

/// "6.2 ± 2.4 · you: above" for one group and metric.
fn cell(team: Option<f64>, stat: Option<Stat>) -> String {
    let Some(stat) = stat else {
        return t(k::BENCH_NOT_SURVEYED);
    };
    let figure = tf(
        k::BENCH_FIGURE,
        &[
            ("mean", &score_text(Some(stat.mean))),
            ("sd", &score_text(Some(stat.sd))),
        ],
    );
    match team {
        Some(score) => {
            let message = match band(score, stat) {
                Band::Below => k::BENCH_YOU_BELOW,
                Band::Within => k::BENCH_YOU_WITHIN,
                Band::Above => k::BENCH_YOU_ABOVE,
            };
            tf(message, &[("figure", &figure)])
        }
        None => figure,
    }
}
