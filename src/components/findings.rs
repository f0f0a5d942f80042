//! Answers that describe a team rather than score it (Team Topologies' team type and
//! interaction-mode map), and Team Topologies' cognitive-load breakdown.

use leptos::prelude::*;
use maturity_core::scoring::format_score;
use maturity_core::scoring::{findings, next_steps};
use maturity_core::topologies::{interaction_map, Relationship, RELATIONSHIPS};
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
                None if f.unknown => view! { <strong>"Don't know"</strong> }.into_any(),
                None => view! { <em>"not answered"</em> }.into_any(),
            };
            view! {
                <dt>{format!("{}: {}", f.dimension.name, f.question.text)}</dt>
                <dd>
                    <p>{answer}</p>
                    <p class="hint">{format!("To consider: {}", f.question.advice)}</p>
                </dd>
            }
        })
        .collect_view();
    Some(view! {
        <h3>"Findings"</h3>
        <p class="hint">"These describe the team; they are not better or worse, and are not part of any score."</p>
        <dl class="findings">{items}</dl>
        {map_view}
    })
}

/// The interaction-mode map as a table, then the relationships worth discussing.
fn map_table(map: &[Relationship]) -> impl IntoView {
    let label = |c: Option<&maturity_core::Choice>| {
        c.map_or_else(|| "not answered".to_string(), |c| c.label.clone())
    };
    let rows = map
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.with}</th>
                    <td>{label(r.mode)}</td>
                    <td>{label(r.duration)}</td>
                </tr>
            }
        })
        .collect_view();
    let flagged: Vec<_> = map
        .iter()
        .filter_map(|r| r.concern.map(|c| (r.with, c)))
        .collect();
    let concerns = if flagged.is_empty() {
        view! { <p>"Nothing flagged."</p> }.into_any()
    } else {
        let items = flagged
            .into_iter()
            .map(|(with, c)| view! { <li><strong>{with}</strong>{format!(": {c}")}</li> })
            .collect_view();
        view! { <ul class="advice concerns">{items}</ul> }.into_any()
    };
    view! {
        <table class="scores">
            <caption>"Interaction-mode map"</caption>
            <thead>
                <tr>
                    <th scope="col">"With"</th>
                    <th scope="col">"Mode"</th>
                    <th scope="col">"For how long"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <h4>"Worth discussing"</h4>
        {concerns}
        <p class="hint">
            "Flagged: relationships with no clear mode, and collaboration or facilitation that has lasted "
            "six months or more (both are meant to end)."
        </p>
    }
}

/// The three kinds of cognitive load Team Topologies names, with their dimension ids.
const COGNITIVE_LOAD: [(&str, &str); 3] = [
    (
        "intrinsic",
        "the fundamental skills the work needs (languages, frameworks, technologies)",
    ),
    (
        "extraneous",
        "friction from the environment: tools, deployment mechanics, process; reduce this first",
    ),
    (
        "germane",
        "learning the business domain: the load worth having",
    ),
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
                    <strong>{format!("{}: {} / 10", dimension.name, format_score(dimension.score))}</strong>
                    {format!(" — {meaning}.")}
                    {step.map(|s| view! { <br/><span>{format!("Next: {s}")}</span> })}
                </li>
            })
        })
        .collect();
    (!rows.is_empty()).then(|| {
        view! {
            <h3>"Cognitive load"</h3>
            <p class="hint">"Higher is healthier: a manageable domain, little friction, and time to learn the domain."</p>
            <ul class="advice">{rows}</ul>
        }
    })
}
