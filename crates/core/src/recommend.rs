//! What to try next across every questionnaire of a run: the weakest dimensions,
//! ordered by expected leverage, each with concrete steps from the question data.
//!
//! Expected leverage = room to improve (10 minus the dimension's score) times how
//! much of the dimension was answered: a low score built on one answer out of four is
//! a weaker signal than the same score built on all four.

use crate::catalog::Catalog;
use crate::model::{Dimension, Questionnaire};
use crate::records::Run;
use crate::scoring::{next_steps, score, MAX_SCORE};

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
    pub steps: Vec<&'q str>,
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
            let steps = next_steps(
                questionnaire,
                &run.answers,
                &[dimension.id.as_str()],
                STEPS_PER_DIMENSION,
            );
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
                    steps,
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
    found.into_iter().take(limit).map(|(_, r)| r).collect()
}
