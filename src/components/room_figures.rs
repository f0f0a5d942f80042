//! One question's answers across the room, as the presenter view reveals them: the
//! mean (or most common answer), the range, how split the room is, and a histogram
//! table; never who answered what.

use crate::i18n::{k, number, t, tf};
use leptos::prelude::*;
use maturity_core::assessment::model::AnswerKind;
use maturity_core::assessment::scoring::rounded;
use maturity_core::workshop::stats::{Agreement, QuestionStats, PERCENT_BIN};
use maturity_core::Step;

/// Mean, range and histogram of one question, nothing identifying anyone.
#[component]
pub fn Figures(step: Step, stats: QuestionStats) -> impl IntoView {
    let question = step.question();
    let label = |value: u8| crate::i18n::answer_text(question, value);
    let dont_know = (stats.dont_know > 0).then(|| {
        view! { <p class="dont-know-count">{tf(k::PRESENT_FIGURES_DONT_KNOW, &[("n", &stats.dont_know.to_string())])}</p> }
    });
    if stats.answers == 0 {
        return match dont_know {
            Some(count) => {
                view! { <p>{t(k::PRESENT_FIGURES_NOBODY_COULD_SAY)}</p> {count} }.into_any()
            }
            None => view! { <p>{t(k::PRESENT_FIGURES_NOBODY_ANSWERED)}</p> }.into_any(),
        };
    }
    let centre = match (question.answer, stats.mean_score) {
        (AnswerKind::Percent, _) => tf(
            k::PRESENT_FIGURES_MEAN_PERCENT,
            &[("percent", &number(stats.mean.unwrap_or(0.0), 0))],
        ),
        (_, Some(score)) => tf(
            k::PRESENT_FIGURES_MEAN_SCORE,
            &[("score", &number(rounded(score), 1))],
        ),
        (_, None) => tf(
            k::PRESENT_FIGURES_MOST_COMMON,
            &[("answer", &stats.consensus.map(label).unwrap_or_default())],
        ),
    };
    let range = match (stats.lowest, stats.highest) {
        (Some(low), Some(high)) if low == high => {
            tf(k::PRESENT_FIGURES_EVERYONE, &[("answer", &label(low))])
        }
        (Some(low), Some(high)) => tf(
            k::PRESENT_FIGURES_RANGE,
            &[("low", &label(low)), ("high", &label(high))],
        ),
        _ => String::new(),
    };
    let spread = crate::i18n::core(Agreement::of(stats.disagreement).describe());
    let most = stats.histogram.iter().copied().max().unwrap_or(1).max(1);
    let rows = stats
        .histogram
        .iter()
        .enumerate()
        .map(|(bin, &count)| {
            let name = match question.answer {
                AnswerKind::Choice => format!("{}. {}", bin + 1, label(bin as u8)),
                AnswerKind::Percent => {
                    let low = bin as u8 * PERCENT_BIN;
                    let high = if bin + 1 == stats.histogram.len() {
                        100
                    } else {
                        low + PERCENT_BIN - 1
                    };
                    format!("{low}–{high}%")
                }
            };
            let width = format!("width: {}%", count * 100 / most);
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="bar-cell"><span class="bar" style=width></span></td>
                    <td class="count">{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="figures">
            <p class="headline"><span>{centre}</span> " · " <span>{range}</span></p>
            <p class="spread">{spread}</p>
            <table class="histogram">
                <caption>{t(k::PRESENT_FIGURES_CAPTION)}</caption>
                <thead><tr><th scope="col">{t(k::PRESENT_FIGURES_ANSWER)}</th><th scope="col"><span class="visually-hidden">{t(k::PRESENT_FIGURES_BAR)}</span></th><th scope="col">{t(k::PRESENT_FIGURES_COUNT)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
