//! The table of dimension scores shown beside every chart: the same figures, readable
//! by anyone, printable, and what assistive technology announces.

use leptos::prelude::*;
use maturity_core::scoring::format_score;
use maturity_core::QuestionnaireScore;

#[component]
pub fn ScoreTable(result: QuestionnaireScore, #[prop(into)] caption: String) -> impl IntoView {
    let rows = result
        .dimensions
        .iter()
        .map(|d| {
            let score = match d.score {
                Some(_) => format_score(d.score),
                None => "not answered".to_string(),
            };
            view! {
                <tr>
                    <th scope="row">{d.name.clone()}</th>
                    <td class="num">{score}</td>
                    <td class="num">{answered(d.answered, d.unknown, d.asked)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="scores">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Dimension"</th>
                    <th scope="col" class="num">"Score (0–10)"</th>
                    <th scope="col" class="num">"Questions answered"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">"Overall"</th>
                    <td class="num">{format_score(result.overall)}</td>
                    <td class="num">{answered(result.answered, result.unknown, result.asked)}</td>
                </tr>
            </tfoot>
        </table>
    }
}

/// "3 of 4", or "2 of 4 (1 don't know)": "Don't know" is counted apart.
pub fn answered(answered: usize, unknown: usize, asked: usize) -> String {
    if unknown == 0 {
        format!("{answered} of {asked}")
    } else {
        format!("{answered} of {asked} ({unknown} don't know)")
    }
}
