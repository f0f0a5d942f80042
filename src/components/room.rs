//! How a workshop's room answered, on the run it agreed: per question the team
//! answer beside every participant's answer (anonymous) and the room's note.

use crate::i18n::{k, t};
use leptos::prelude::*;
use maturity_core::assessment::records::WorkshopRecord;
use maturity_core::{Catalog, Run};

/// "Opposed ×1, Partly shared ×2": how many gave each answer, in the question's order.
fn distribution(question: &maturity_core::Question, values: &[u8]) -> String {
    let mut counts: Vec<(u8, usize)> = Vec::new();
    for &v in values {
        match counts.iter_mut().find(|(value, _)| *value == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    counts.sort_unstable();
    counts
        .iter()
        .map(|&(v, n)| format!("{} ×{n}", crate::i18n::answer_text(question, v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the room answered each question of a workshop run, beside the team answer.
pub fn room_view(catalog: &Catalog, run: &Run, record: &WorkshopRecord) -> impl IntoView {
    // Today's questions, and any retired one this workshop answered or discussed
    // (an older workshop's room keeps every row it had).
    let kept = |q: &&maturity_core::Question| {
        !q.retired
            || run.answers.contains_key(&q.id)
            || record.spread.contains_key(&q.id)
            || record.discussion.contains_key(&q.id)
    };
    let questions: Vec<maturity_core::Question> = run
        .questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .flat_map(|q| q.questions.iter().filter(kept).cloned().collect::<Vec<_>>())
        .collect();
    let rows = questions
        .iter()
        .map(|q| {
            let team = run
                .answers
                .get(&q.id)
                .map_or_else(|| "—".to_string(), |&v| crate::i18n::answer_text(q, v));
            let values = record
                .spread
                .get(&q.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let note = record.discussion.get(&q.id).cloned().unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{q.text.clone()}</th>
                    <td>{team}</td>
                    <td>{values.len()}</td>
                    <td>{distribution(q, values)}</td>
                    <td>{note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="room card" aria-labelledby="room-heading">
            <h2 id="room-heading">{t(k::ROOM_HEADING)}</h2>
            <p class="hint">{t(k::ROOM_HINT)}</p>
            <div class="table-scroll">
                <table class="scores">
                    <caption>{t(k::ROOM_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{t(k::ROOM_QUESTION)}</th>
                        <th scope="col">{t(k::ROOM_TEAM_ANSWER)}</th>
                        <th scope="col">{t(k::ROOM_ANSWERS)}</th>
                        <th scope="col">{t(k::ROOM_SPREAD)}</th>
                        <th scope="col">{t(k::ROOM_NOTE)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
