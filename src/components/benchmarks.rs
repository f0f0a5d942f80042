//! The team's DORA scores beside its peers': the mean and one standard deviation of
//! the team's industry and organisation size in DORA's 2024 or 2025 survey, as
//! DORA's Quick Check shows them; the industry and size are kept with the team.

use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::benchmarks::{
    self, band, group, Band, Group, Kind, Stat, INDUSTRIES, SIZES, SURVEYS,
};
use maturity_core::dora::{Scores, METRICS};
use maturity_core::scoring::format_score;
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
        error.set(result.err().map(|e| e.to_string()));
    };
    let industry_options = INDUSTRIES
        .iter()
        .map(|(key, label)| {
            view! { <option value=*key selected=move || peers.with(|p| p.0.as_deref() == Some(*key))>{*label}</option> }
        })
        .collect_view();
    let size_options = SIZES
        .iter()
        .map(|(key, label, ..)| {
            view! { <option value=*key selected=move || peers.with(|p| p.1.as_deref() == Some(*key))>{*label}</option> }
        })
        .collect_view();
    let survey_options = SURVEYS
        .iter()
        .map(|&y| view! { <option value=y.to_string() selected=y == SURVEYS[0]>{format!("DORA {y} survey")}</option> })
        .collect_view();
    let chosen = |value: String| (!value.is_empty()).then_some(value);
    view! {
        <h3 id="benchmarks-heading">"Beside your peers"</h3>
        <p class="hint">
            "Pick your industry and organisation size to see each score beside the mean of the teams DORA surveyed "
            "in that group, with a band of one standard deviation, as DORA's Quick Check shows them. "
            "They are kept with the team."
        </p>
        <div class="peer-pickers">
            <p class="field">
                <label for="peer-industry">"Industry"</label>
                <select id="peer-industry" on:change:target=move |ev| {
                    save(chosen(ev.target().value()), peers.get_untracked().1)
                }>
                    <option value="" selected=move || peers.with(|p| p.0.is_none())>"Not chosen"</option>
                    {industry_options}
                </select>
            </p>
            <p class="field">
                <label for="peer-size">"Organisation size"</label>
                <select id="peer-size" on:change:target=move |ev| {
                    save(peers.get_untracked().0, chosen(ev.target().value()))
                }>
                    <option value="" selected=move || peers.with(|p| p.1.is_none())>"Not chosen"</option>
                    {size_options}
                </select>
            </p>
            <p class="field">
                <label for="peer-survey">"Survey"</label>
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
            None => missing.push(format!(
                "the DORA {survey} survey has no figures for this industry"
            )),
        }
    }
    if let Some(key) = size {
        match group(survey, Kind::Size, key) {
            Some(g) => found.push(g),
            None => missing.push(format!(
                "the DORA {survey} survey has no band for {}",
                benchmarks::size_label(key).unwrap_or(key).to_lowercase()
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
        .map(|g| view! { <th scope="col" class="num">{format!("{} (mean ± SD)", g.label)}</th> })
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
                    <th scope="row">{*name}</th>
                    <td class="num">{format_score(team)}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let missing = (!missing.is_empty()).then(|| {
        view! { <p class="hint">{format!("Not shown: {}.", missing.join("; "))}</p> }
    });
    view! {
        {missing}
        // Wide on a phone: the table scrolls in its own box, reachable by keyboard.
        <div class="table-scroll" tabindex="0" role="region" aria-label="Your scores beside your peers">
            <table class="scores benchmarks">
                <caption>{format!("Your DORA scores (0–10, higher is better) beside your peers in the DORA {survey} survey")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Metric"</th>
                        <th scope="col" class="num">"You"</th>
                        {headers}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">
            {format!(
                "Source: DORA {survey} survey, the figures of DORA's Quick Check. \"Within\" means within one standard deviation of the group's mean. "
            )}
            "Failure and rework rates are shown higher-is-better, as your scores are (10 − the published figure). "
            "A rework rate was not asked in 2024."
        </p>
    }
}

/// "6.2 ± 2.4 · you: above" for one group and metric.
fn cell(team: Option<f64>, stat: Option<Stat>) -> String {
    let Some(stat) = stat else {
        return "not surveyed".to_string();
    };
    let figure = format!(
        "{} ± {}",
        format_score(Some(stat.mean)),
        format_score(Some(stat.sd))
    );
    match team {
        Some(score) => {
            let place = match band(score, stat) {
                Band::Below => "below",
                Band::Within => "within",
                Band::Above => "above",
            };
            format!("{figure} · you: {place}")
        }
        None => figure,
    }
}
