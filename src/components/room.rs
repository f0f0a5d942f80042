//! How a workshop's room answered, on the run it agreed: per question the team
//! answer beside every participant's answer (anonymous) and the room's note.

use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t};
use leptos::prelude::*;
use maturity_core::assessment::records::WorkshopRecord;
use maturity_core::workshop::stats::{room, RoomRow};
use maturity_core::{Catalog, Run};

/// "Opposed ×1, Partly shared ×2": how many gave each answer, in the question's order.
fn distribution(row: &RoomRow) -> String {
    row.counts
        .iter()
        .map(|&(v, n)| format!("{} ×{n}", crate::i18n::answer_text(&row.question, v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the room answered each question of a workshop run, beside the team answer.
pub fn room_view(catalog: &Catalog, run: &Run, record: &WorkshopRecord) -> impl IntoView {
    let rows = room(catalog, run, record)
        .into_iter()
        .map(|row| {
            let team = row.team.map_or_else(
                || "—".to_string(),
                |v| crate::i18n::answer_text(&row.question, v),
            );
            view! {
                <tr>
                    <th scope="row">{row.question.text.clone()}</th>
                    <td>{team}</td>
                    <td>{row.answers}</td>
                    <td>{distribution(&row)}</td>
                    <td>{row.note.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="room card" aria-labelledby="room-heading">
            <h2 id="room-heading">{t(k::ROOM_HEADING)}</h2>
            <p class="hint">{t(k::ROOM_HINT)}</p>
            <ScrollTable label=t(k::ROOM_CAPTION)>
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
            </ScrollTable>
        </section>
    }
}
