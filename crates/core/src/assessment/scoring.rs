//! Turns a run's answers into scores on a 0-10 scale, per dimension and overall.
//!
//! Rules (stated on the results page too):
//! - a question's score is its choice's position on its scale, mapped linearly onto
//!   0-10 (first choice 0, last choice 10), as DORA's Quick Check does;
//! - a dimension's score is the mean of its answered questions;
//! - a questionnaire's overall score is the mean of its answered dimensions, so each
//!   dimension weighs the same however many questions it has; a questionnaire may say
//!   instead that it is the mean of its answered questions (DORA's, as the Quick
//!   Check does: the mean of the metric scores);
//! - unanswered questions never count as zero: they are left out and counted;
//! - "Don't know" is an answer, never scored: it is left out of the score and
//!   counted apart from unanswered (a finding of its own).

use crate::assessment::model::{
    AnswerKind, Choice, Dimension, Overall, Question, Questionnaire, DONT_KNOW,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// The top of the score scale.
pub const MAX_SCORE: f64 = 10.0;

/// Two dimension scores closer than this are treated as equal (a tie for weakest).
pub const TIE_EPSILON: f64 = 1e-9;

/// One dimension's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub dimension: String,
    pub name: String,
    /// Mean of the answered questions, 0-10; `None` when none was answered.
    pub score: Option<f64>,
    pub answered: usize,
    /// Questions answered "Don't know" (not in `answered`, not scored).
    pub unknown: usize,
    /// Questions that count for this dimension: active ones, plus retired ones
    /// that this run answered while they were still asked.
    pub asked: usize,
}

/// One questionnaire's result for one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionnaireScore {
    pub questionnaire: String,
    pub dimensions: Vec<DimensionScore>,
    /// Mean of the scored dimensions, 0-10; `None` when nothing was answered.
    pub overall: Option<f64>,
    pub answered: usize,
    /// Questions answered "Don't know".
    pub unknown: usize,
    pub asked: usize,
}

impl QuestionnaireScore {
    /// The lowest-scoring dimensions: one, or several when they tie.
    pub fn weakest(&self) -> Vec<&DimensionScore> {
        let lowest = self
            .dimensions
            .iter()
            .filter_map(|d| d.score)
            .fold(f64::INFINITY, f64::min);
        if !lowest.is_finite() {
            return Vec::new();
        }
        self.dimensions
            .iter()
            .filter(|d| d.score.is_some_and(|s| (s - lowest).abs() <= TIE_EPSILON))
            .collect()
    }
}

/// The 0-10 score of `answer` to `question`; `None` for "Don't know" and when the
/// stored value is not a possible answer (data from elsewhere is never trusted:
/// [`Question::on_scale`]).
pub fn question_score(question: &Question, answer: u8) -> Option<f64> {
    if !question.on_scale(answer) {
        return None;
    }
    match question.answer {
        AnswerKind::Choice => choice_score(answer, question.choices.len()),
        AnswerKind::Percent => Some(percent_score(answer)),
    }
}

/// The score of choice `index` of `choices` ordered least to most mature: the
/// first scores 0, the last 10, the others evenly between (DORA's Quick Check).
pub fn choice_score(index: u8, choices: usize) -> Option<f64> {
    let index = usize::from(index);
    (choices >= 2 && index < choices).then(|| index as f64 * MAX_SCORE / (choices - 1) as f64)
}

/// The score of a percentage of something to keep low: 0% scores 10, 100% (or
/// more) scores 0.
pub fn percent_score(percent: u8) -> f64 {
    (100.0 - f64::from(percent.min(100))) * MAX_SCORE / 100.0
}

/// A score as shown everywhere (tables, charts, advice, CSV): one decimal, halves
/// rounded away from zero, so a chart and a table never disagree.
pub fn rounded(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

/// A 0-10 score on a questionnaire's own scale of `choices` points (1 to
/// `choices`), when it asks for one ([`Questionnaire::own_scale`]): the mean
/// position, counted from 1. Linear, so it holds for dimension and overall means.
/// Westrum: 7.5 / 10 is 5.5 of 7.
pub fn on_own_scale(score: f64, choices: usize) -> f64 {
    1.0 + score * (choices as f64 - 1.0) / MAX_SCORE
}

/// `Some(1.25)` -> "1.3"; `None` -> "–".
pub fn format_score(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| format!("{:.1}", rounded(s)))
}

/// A score as a spreadsheet cell: like [`format_score`], but empty when there is none.
pub fn score_cell(score: Option<f64>) -> String {
    score.map(|s| format_score(Some(s))).unwrap_or_default()
}

/// Scores `answers` (question id -> choice index) against `questionnaire`.
///
/// One pass over the questions, without allocating per question: a team's history
/// scores every run of every questionnaire, hundreds at a time.
pub fn score(questionnaire: &Questionnaire, answers: &BTreeMap<String, u8>) -> QuestionnaireScore {
    let scored: Vec<&Dimension> = questionnaire
        .dimensions
        .iter()
        .filter(|d| d.scored)
        .collect();
    // Per scored dimension: sum of scores, answered, asked, "Don't know".
    let mut totals = vec![(0.0_f64, 0_usize, 0_usize, 0_usize); scored.len()];
    for question in &questionnaire.questions {
        let Some(slot) = scored.iter().position(|d| d.id == question.dimension) else {
            continue;
        };
        let given = answers.get(&question.id).copied();
        let unknown = given == Some(DONT_KNOW);
        let answer = given.and_then(|choice| question_score(question, choice));
        if question.retired && answer.is_none() && !unknown {
            continue;
        }
        let total = &mut totals[slot];
        total.2 += 1;
        if let Some(score) = answer {
            total.0 += score;
            total.1 += 1;
        } else if unknown {
            total.3 += 1;
        }
    }
    let dimensions: Vec<DimensionScore> = scored
        .iter()
        .zip(&totals)
        .map(
            |(dimension, &(sum, answered, asked, unknown))| DimensionScore {
                dimension: dimension.id.clone(),
                name: dimension.name.clone(),
                score: (answered > 0).then(|| sum / answered as f64),
                answered,
                unknown,
                asked,
            },
        )
        .collect();
    let (sum, count) = match questionnaire.overall {
        Overall::Dimensions => dimensions
            .iter()
            .filter_map(|d| d.score)
            .fold((0.0, 0_usize), |(s, n), x| (s + x, n + 1)),
        Overall::Questions => totals
            .iter()
            .fold((0.0, 0_usize), |(s, n), &(sum, answered, _, _)| {
                (s + sum, n + answered)
            }),
    };
    QuestionnaireScore {
        questionnaire: questionnaire.id.clone(),
        overall: (count > 0).then(|| sum / count as f64),
        answered: dimensions.iter().map(|d| d.answered).sum(),
        unknown: dimensions.iter().map(|d| d.unknown).sum(),
        asked: dimensions.iter().map(|d| d.asked).sum(),
        dimensions,
    }
}

/// What to try next in `dimensions`: their answered questions that did not score
/// full marks (follow each one's `advice`), lowest-scored first (file order breaks
/// ties), at most `limit`. Two questions with the same advice give it once.
pub fn next_steps<'q>(
    questionnaire: &'q Questionnaire,
    answers: &BTreeMap<String, u8>,
    dimensions: &[&str],
    limit: usize,
) -> Vec<&'q Question> {
    let mut scored: Vec<(f64, &Question)> = questionnaire
        .questions
        .iter()
        .filter(|question| dimensions.contains(&question.dimension.as_str()))
        .filter_map(|question| {
            let choice = *answers.get(&question.id)?;
            Some((question_score(question, choice)?, question))
        })
        .filter(|(score, _)| *score < MAX_SCORE)
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut given = std::collections::BTreeSet::new();
    scored
        .into_iter()
        .map(|(_, question)| question)
        .filter(|question| given.insert(question.advice.as_str()))
        .take(limit)
        .collect()
}

/// An answer to a classification question (an unscored dimension), shown as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'q> {
    pub dimension: &'q Dimension,
    pub question: &'q Question,
    /// The chosen answer; `None` when unanswered, "Don't know" or not a valid choice.
    pub choice: Option<&'q Choice>,
    /// Answered "Don't know".
    pub unknown: bool,
}

/// The classification answers of a run, in questionnaire order.
pub fn findings<'q>(
    questionnaire: &'q Questionnaire,
    answers: &BTreeMap<String, u8>,
) -> Vec<Finding<'q>> {
    questionnaire
        .dimensions
        .iter()
        .filter(|d| !d.scored)
        .flat_map(|dimension| {
            questionnaire
                .questions
                .iter()
                .filter(move |q| {
                    q.dimension == dimension.id && q.shown(answers.contains_key(&q.id))
                })
                .map(move |question| Finding {
                    dimension,
                    question,
                    choice: answers
                        .get(&question.id)
                        .and_then(|&c| question.choices.get(usize::from(c))),
                    unknown: answers.get(&question.id) == Some(&DONT_KNOW),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_shown_rounded_half_away_from_zero_everywhere() {
        // 1.25 would print "1.2" with plain float formatting while a chart rounded
        // it to 1.3: one rule now gives 1.3 to both.
        assert_eq!(format_score(Some(1.25)), "1.3");
        assert_eq!(rounded(1.25), 1.3);
        assert_eq!(format_score(Some(6.25)), "6.3");
        assert_eq!(format_score(Some(10.0)), "10.0");
        assert_eq!(format_score(Some(0.04)), "0.0");
        assert_eq!(format_score(None), "–");
    }

    #[test]
    fn choices_map_linearly_and_percentages_invert() {
        assert_eq!(choice_score(0, 5), Some(0.0));
        assert_eq!(choice_score(2, 5), Some(5.0));
        assert_eq!(choice_score(4, 5), Some(10.0));
        assert_eq!(choice_score(5, 5), None, "no sixth choice of five");
        assert_eq!(choice_score(0, 1), None, "a scale needs two ends");
        assert_eq!(percent_score(0), 10.0);
        assert_eq!(percent_score(15), 8.5);
        assert_eq!(percent_score(100), 0.0);
    }
}
