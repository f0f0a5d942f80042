//! Answers that describe a team rather than score it (Team Topologies' team type and
//! interaction-mode map), and Team Topologies' cognitive-load breakdown.

use crate::components::score_table::score_text;
use crate::i18n::{k, t, tf, Key};
use leptos::prelude::*;
use maturity_core::assessment::scoring::{findings, next_steps};
use maturity_core::assessment::topologies::{interaction_map, Relationship, RELATIONSHIPS};
use maturity_core::Questionnaire;

/// Classification answers (team type, interaction modes) as findings, not scores.
pub fn findings_view(
    q: &Questionnaire,
    answers: &std::collections::BTreeMap<String, u8>,
) -> Option<impl IntoView> {
    let map = interaction_map(q, answers);
    let in_map: Vec<&str> = RELATIONSHIPS
        .iter()
        .flat_map(|(_, m, d)| [*m, *d])
        .collect();
    let found: Vec<_> = findings(q, answers)
        .into_iter()
        .filter(|f| map.is_empty() || !in_map.contains(&f.question.id.as_str()))
        .collect();
    if found.is_empty() && map.is_empty() {
        return None;
    }
    let map_view = (!map.is_empty()).then(|| map_table(&map));
    let items = found
        .into_iter()
        .map(|f| {
            let answer = match f.choice {
                Some(c) => view! { <strong>{c.label.clone()}</strong>{format!(": {}", c.means)} }
                    .into_any(),
                None if f.unknown => view! { <strong>{t(k::COMMON_DONT_KNOW)}</strong> }.into_any(),
                None => view! { <em>{t(k::COMMON_NOT_ANSWERED)}</em> }.into_any(),
            };
            view! {
                <dt>{format!("{}: {}", f.dimension.name, f.question.text)}</dt>
                <dd>
                    <p>{answer}</p>
                    <p class="hint">{tf(k::RESULTS_TO_CONSIDER, &[("advice", &f.question.advice)])}</p>
                </dd>
            }
        })
        .collect_view();
    Some(view! {
        <h3>{t(k::RESULTS_FINDINGS)}</h3>
        <p class="hint">{t(k::RESULTS_FINDINGS_HINT)}</p>
        <dl class="findings">{items}</dl>
        {map_view}
    })
}

/// The interaction-mode map as a table, then the relationships worth discussing.
fn map_table(map: &[Relationship]) -> impl IntoView {
    let label = |c: Option<&maturity_core::Choice>| {
        c.map_or_else(|| t(k::COMMON_NOT_ANSWERED), |c| c.label.clone())
    };
    let rows = map
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{crate::i18n::core(r.with)}</th>
                    <td>{label(r.mode)}</td>
                    <td>{label(r.duration)}</td>
                </tr>
            }
        })
        .collect_view();
    let flagged: Vec<_> = map
        .iter()
        .filter_map(|r| r.concern.map(|c| (crate::i18n::core(r.with), c)))
        .collect();
    let concerns = if flagged.is_empty() {
        view! { <p>{t(k::RESULTS_NOTHING_FLAGGED)}</p> }.into_any()
    } else {
        let items = flagged
            .into_iter()
            .map(|(with, c)| view! { <li><strong>{with}</strong>{format!(": {c}")}</li> })
            .collect_view();
        view! { <ul class="advice concerns">{items}</ul> }.into_any()
    };
    view! {
        <table class="scores">
            <caption>{t(k::RESULTS_MAP_CAPTION)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::RESULTS_MAP_WITH)}</th>
                    <th scope="col">{t(k::RESULTS_MAP_MODE)}</th>
                    <th scope="col">{t(k::RESULTS_MAP_DURATION)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <h4>{t(k::RESULTS_WORTH_DISCUSSING)}</h4>
        {concerns}
        <p class="hint">{t(k::RESULTS_FLAGGED_HINT)}</p>
    }
}

/// The three kinds of cognitive load Team Topologies names: their dimension ids and
/// what each means.
const COGNITIVE_LOAD: [(&str, Key); 3] = [
    ("intrinsic", k::RESULTS_LOAD_INTRINSIC),
    ("extraneous", k::RESULTS_LOAD_EXTRANEOUS),
    ("germane", k::RESULTS_LOAD_GERMANE),
];

/// Team Topologies' cognitive-load breakdown: each kind's score and its first next step.
pub fn cognitive_load_view(
    q: &Questionnaire,
    result: &maturity_core::QuestionnaireScore,
    answers: &std::collections::BTreeMap<String, u8>,
) -> Option<impl IntoView> {
    let rows: Vec<_> = COGNITIVE_LOAD
        .iter()
        .filter_map(|(id, meaning)| {
            let dimension = result.dimensions.iter().find(|d| d.dimension == *id)?;
            let step = next_steps(q, answers, &[id], 1).first().map(|s| s.advice.clone());
            Some(view! {
                <li>
                    <strong>{tf(k::RESULTS_LOAD_SCORE, &[
                        ("dimension", &dimension.name),
                        ("score", &score_text(dimension.score)),
                    ])}</strong>
                    {format!(" {}", tf(k::RESULTS_LOAD_MEANING, &[("meaning", &t(*meaning))]))}
                    {step.map(|s| view! { <br/><span>{tf(k::RESULTS_LOAD_NEXT, &[("step", &s)])}</span> })}
                </li>
            })
        })
        .collect();
    (!rows.is_empty()).then(|| {
        view! {
            <h3>{t(k::RESULTS_COGNITIVE_LOAD)}</h3>
            <p class="hint">{t(k::RESULTS_COGNITIVE_LOAD_HINT)}</p>
            <ul class="advice">{rows}</ul>
        }
    })
}
