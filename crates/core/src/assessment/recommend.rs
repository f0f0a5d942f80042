//! What to try next across every questionnaire of a run: the weakest dimensions,
//! ordered by expected leverage, each with concrete steps from the question data.
//!
//! Expected leverage = room to improve (10 minus the dimension's score) times how
//! much of the dimension was answered: a low score built on one answer out of four is
//! a weaker signal than the same score built on all four.
//!
//! A run never recommends the same thing twice: a step whose advice an earlier
//! recommendation already gave is skipped. Questions answered "Don't know" are
//! findings of their own ([`unknowns`]).

use crate::assessment::catalog::Catalog;
use crate::assessment::model::{Dimension, Question, Questionnaire, DONT_KNOW};
use crate::assessment::records::Run;
use crate::assessment::scoring::{next_steps, score, MAX_SCORE};
use std::collections::BTreeSet;

/// Steps offered per recommended dimension.
pub const STEPS_PER_DIMENSION: usize = 2;

/// One dimension worth working on.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation<'q> {
    pub questionnaire: &'q Questionnaire,
    pub dimension: &'q Dimension,
    pub score: f64,
    pub answered: usize,
    pub asked: usize,
    pub leverage: f64,
    /// The questions whose advice to follow (their `advice` and `source`).
    pub steps: Vec<&'q Question>,
}

/// The `limit` dimensions of `run` with the most expected leverage, highest first
/// (ties: lower score first, then questionnaire and dimension order).
pub fn recommendations<'q>(
    catalog: &'q Catalog,
    run: &Run,
    limit: usize,
) -> Vec<Recommendation<'q>> {
    let mut found: Vec<(usize, Recommendation<'q>)> = Vec::new();
    for questionnaire in run.questionnaires.iter().filter_map(|id| catalog.get(id)) {
        let result = score(questionnaire, &run.answers);
        for d in &result.dimensions {
            let (Some(s), Some(dimension)) = (d.score, questionnaire.dimension(&d.dimension))
            else {
                continue;
            };
            if s >= MAX_SCORE || d.asked == 0 {
                continue;
            }
            let order = found.len();
            found.push((
                order,
                Recommendation {
                    questionnaire,
                    dimension,
                    score: s,
                    answered: d.answered,
                    asked: d.asked,
                    leverage: (MAX_SCORE - s) * d.answered as f64 / d.asked as f64,
                    steps: Vec::new(),
                },
            ));
        }
    }
    found.sort_by(|(oa, a), (ob, b)| {
        b.leverage
            .total_cmp(&a.leverage)
            .then(a.score.total_cmp(&b.score))
            .then(oa.cmp(ob))
    });
    let mut given: BTreeSet<&str> = BTreeSet::new();
    found
        .into_iter()
        .take(limit)
        .map(|(_, mut r)| {
            r.steps = next_steps(
                r.questionnaire,
                &run.answers,
                &[r.dimension.id.as_str()],
                usize::MAX,
            )
            .into_iter()
            .filter(|q| given.insert(q.advice.as_str()))
            .take(STEPS_PER_DIMENSION)
            .collect();
            r
        })
        .collect()
}

/// What to do about a question the team answered "Don't know" when the question
/// says nothing of its own.
pub const GENERAL_IF_UNKNOWN: &str = "Nobody could answer this: before the next assessment, find out who would know or where it can be seen, and ask whether the team should be able to answer it itself.";

/// A question answered "Don't know", with what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown<'q> {
    pub questionnaire: &'q Questionnaire,
    pub question: &'q Question,
    /// The question's own `if_unknown`, or [`GENERAL_IF_UNKNOWN`].
    pub advice: &'q str,
}

/// Every question of `run` answered "Don't know", in questionnaire order.
pub fn unknowns<'q>(catalog: &'q Catalog, run: &Run) -> Vec<Unknown<'q>> {
    run.questionnaires
        .iter()
        .filter_map(|id| catalog.get(id))
        .flat_map(|questionnaire| {
            questionnaire
                .questions
                .iter()
                .filter(|q| run.answers.get(&q.id) == Some(&DONT_KNOW))
                .map(move |question| Unknown {
                    questionnaire,
                    question,
                    advice: question.if_unknown.as_deref().unwrap_or(GENERAL_IF_UNKNOWN),
                })
        })
        .collect()
}
