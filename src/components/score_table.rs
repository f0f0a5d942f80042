//! The table of dimension scores shown beside every chart: the same figures, readable
//! by anyone, printable, and what assistive technology announces.

use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf};
use leptos::prelude::*;
use maturity_core::assessment::scoring::rounded;
use maturity_core::QuestionnaireScore;

#[component]
pub fn ScoreTable(result: QuestionnaireScore, #[prop(into)] caption: String) -> impl IntoView {
    let rows = result
        .dimensions
        .iter()
        .map(|d| {
            let score = match d.score {
                Some(_) => score_text(d.score),
                None => t(k::COMMON_NOT_ANSWERED),
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
        <ScrollTable label=caption.clone()>
        <table class="scores">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(k::RESULTS_DIMENSION)}</th>
                    <th scope="col" class="num">{t(k::RESULTS_SCORE_0_10)}</th>
                    <th scope="col" class="num">{t(k::COMMON_QUESTIONS_ANSWERED)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">{t(k::COMMON_OVERALL)}</th>
                    <td class="num">{score_text(result.overall)}</td>
                    <td class="num">{answered(result.answered, result.unknown, result.asked)}</td>
                </tr>
            </tfoot>
        </table>
        </ScrollTable>
    }
}

/// A score as people read it in the language shown: one decimal, rounded as
/// everywhere ([`rounded`]), "7.5" in English and "7,5" in German; "–" without one.
/// The shell's counterpart of the core's `format_score`, for text on screen.
pub fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| crate::i18n::number(rounded(s), 1))
}

/// A change as shown: signed ("+0.5", "-1.2"), one decimal, written the language's way.
pub fn change_text(change: f64) -> String {
    let c = rounded(change);
    let text = crate::i18n::number(c, 1);
    if c.is_sign_negative() {
        text
    } else {
        format!("+{text}")
    }
}

/// "3 of 4", or "2 of 4 (1 don't know)": "Don't know" is counted apart.
pub fn answered(answered: usize, unknown: usize, asked: usize) -> String {
    let (answered, asked) = (answered.to_string(), asked.to_string());
    if unknown == 0 {
        tf(
            k::RESULTS_ANSWERED_OF,
            &[("answered", &answered), ("asked", &asked)],
        )
    } else {
        tf(
            k::RESULTS_ANSWERED_OF_UNKNOWN,
            &[
                ("answered", &answered),
                ("asked", &asked),
                ("unknown", &unknown.to_string()),
            ],
        )
    }
}
