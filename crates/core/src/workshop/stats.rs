//! A workshop room's statistics: per question the number of answers, mean, range
//! and histogram ([`aggregate`]), how much the room disagrees ([`Agreement`]), the
//! "discuss first" order ([`discuss_first`]) and the default team answer
//! ([`consensus`]).
//!
//! Pure functions over the participants' answers; the records themselves are in
//! [`crate::assessment::records`], and the changes the store accepts for them in
//! [`crate::store`].

use crate::assessment::catalog::{Catalog, Step};
use crate::assessment::model::{AnswerKind, Question, DONT_KNOW};
use crate::assessment::records::{Run, Workshop, WorkshopRecord};
use crate::assessment::scoring::question_score;
use std::collections::BTreeMap;

/// One question's answers across the room.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStats {
    pub question: String,
    /// How many participants answered it on its scale ("Don't know" is apart).
    pub answers: usize,
    /// How many answered "Don't know".
    pub dont_know: usize,
    /// Mean answer on the question's own scale (choice index, or percent).
    pub mean: Option<f64>,
    /// Mean on the 0-10 score scale; `None` for a classification (not scored).
    pub mean_score: Option<f64>,
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    /// Answers per choice, or per tenth of the percentage scale (0-9, ..., 90-100).
    pub histogram: Vec<usize>,
    /// 0 when everyone agrees, up to 1 for a room split between the extremes: the
    /// standard deviation of the scores over its largest possible value (5), or for
    /// a classification the share of answers that differ from the most common one.
    pub disagreement: f64,
    /// The default team answer ([`consensus`]).
    pub consensus: Option<u8>,
}

/// One question of a workshop's room, as the run it agreed shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomRow {
    pub question: Question,
    /// The team answer agreed, if any.
    pub team: Option<u8>,
    /// How many participants answered it.
    pub answers: usize,
    /// (answer, how many gave it), in the question's order.
    pub counts: Vec<(u8, usize)>,
    /// The room's note on it.
    pub note: String,
}

/// How the room answered each question of a workshop `run`, beside its team
/// answer: the questions of its questionnaires asked today, and any retired one
/// the workshop answered or discussed ([`Question::shown`]).
pub fn room(catalog: &Catalog, run: &Run, record: &WorkshopRecord) -> Vec<RoomRow> {
    let mut rows = Vec::new();
    for questionnaire in run.questionnaires.iter().filter_map(|id| catalog.get(id)) {
        for question in &questionnaire.questions {
            let answered = run.answers.contains_key(&question.id)
                || record.spread.contains_key(&question.id)
                || record.discussion.contains_key(&question.id);
            if !question.shown(answered) {
                continue;
            }
            let values = record
                .spread
                .get(&question.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut counts: Vec<(u8, usize)> = Vec::new();
            for &v in values {
                match counts.iter_mut().find(|(value, _)| *value == v) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((v, 1)),
                }
            }
            counts.sort_unstable();
            rows.push(RoomRow {
                question: question.clone(),
                team: run.answers.get(&question.id).copied(),
                answers: values.len(),
                counts,
                note: record
                    .discussion
                    .get(&question.id)
                    .cloned()
                    .unwrap_or_default(),
            });
        }
    }
    rows
}

/// Percentage answers are shown in bins of this many points (the last bin is 90-100).
pub const PERCENT_BIN: u8 = 10;

/// Statistics for every question of `steps` over the participants' `answers`.
/// Missing answers are left out of that question's figures, never counted as zero;
/// "Don't know" answers are counted apart, and are the team's default answer only
/// when nobody in the room knew.
pub fn aggregate(steps: &[Step], answers: &[&BTreeMap<String, u8>]) -> Vec<QuestionStats> {
    let mut values: Vec<u8> = Vec::with_capacity(answers.len());
    steps
        .iter()
        .map(|step| {
            let question = step.question();
            let scored = step.is_scored();
            values.clear();
            let mut dont_know = 0;
            for value in answers.iter().filter_map(|a| a.get(&question.id).copied()) {
                if value == DONT_KNOW {
                    dont_know += 1;
                } else if question.on_scale(value) {
                    values.push(value);
                }
            }
            let mut stats = stats(question, scored, &mut values);
            stats.dont_know = dont_know;
            if stats.answers == 0 && dont_know > 0 {
                stats.consensus = Some(DONT_KNOW);
            }
            stats
        })
        .collect()
}

/// The statistics of one question's valid `values` (sorted in place).
pub fn stats(question: &Question, scored: bool, values: &mut [u8]) -> QuestionStats {
    values.sort_unstable();
    let n = values.len();
    let bins = match question.answer {
        AnswerKind::Choice => question.choices.len(),
        AnswerKind::Percent => usize::from(100 / PERCENT_BIN),
    };
    let mut histogram = vec![0usize; bins];
    for &v in values.iter() {
        let bin = match question.answer {
            AnswerKind::Choice => usize::from(v),
            AnswerKind::Percent => usize::from((v / PERCENT_BIN).min(100 / PERCENT_BIN - 1)),
        };
        if let Some(count) = histogram.get_mut(bin) {
            *count += 1;
        }
    }
    let mean = (n > 0).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64);
    let scores: Vec<f64> = values
        .iter()
        .filter_map(|&v| question_score(question, v))
        .collect();
    let mean_score = (scored && n > 0).then(|| scores.iter().sum::<f64>() / n as f64);
    let disagreement = if n < 2 || values.first() == values.last() {
        // Everyone gave the same answer: exactly no disagreement, not float noise.
        0.0
    } else if scored {
        let m = scores.iter().sum::<f64>() / n as f64;
        let variance = scores.iter().map(|s| (s - m).powi(2)).sum::<f64>() / n as f64;
        (variance.sqrt() / 5.0).min(1.0)
    } else {
        let most = histogram.iter().copied().max().unwrap_or(0);
        1.0 - most as f64 / n as f64
    };
    QuestionStats {
        question: question.id.clone(),
        answers: n,
        dont_know: 0,
        mean,
        mean_score,
        lowest: values.first().copied(),
        highest: values.last().copied(),
        consensus: consensus(question, scored, values),
        histogram,
        disagreement,
    }
}

/// The team answer a question defaults to: the median of the sorted `values`. With
/// an even count the median is the middle answer on the less mature side (lower
/// choice; higher percentage of a bad outcome), so a room never overstates itself by
/// default. A classification (not scored) defaults to its most common answer, the
/// first listed one on a tie. `None` when nobody answered.
pub fn consensus(question: &Question, scored: bool, sorted: &[u8]) -> Option<u8> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if !scored {
        let mut best: Option<(usize, u8)> = None;
        let mut i = 0;
        while i < n {
            let value = sorted[i];
            let run = sorted[i..].iter().take_while(|&&v| v == value).count();
            if best.is_none_or(|(count, _)| run > count) {
                best = Some((run, value));
            }
            i += run;
        }
        return best.map(|(_, value)| value);
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    let (low, high) = (sorted[n / 2 - 1], sorted[n / 2]);
    Some(match question.answer {
        AnswerKind::Choice => low,
        AnswerKind::Percent => high,
    })
}

/// Indices into `stats`, the question the room disagrees on most first. Ties go to
/// the question more people answered, then to the order of the questionnaire.
/// Questions nobody answered come last.
pub fn discuss_first(stats: &[QuestionStats]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..stats.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&stats[a], &stats[b]);
        // Rounded, so that spreads equal on paper are ties, not float noise.
        let level = |s: &QuestionStats| (s.disagreement * 1e6).round() as i64;
        (y.answers > 0)
            .cmp(&(x.answers > 0))
            .then(level(y).cmp(&level(x)))
            .then(y.answers.cmp(&x.answers))
            .then(a.cmp(&b))
    });
    order
}

/// The team answer to each question: what the room agreed, else the default.
pub fn team_answers(workshop: &Workshop, stats: &[QuestionStats]) -> BTreeMap<String, u8> {
    stats
        .iter()
        .filter_map(|s| {
            workshop
                .agreed
                .get(&s.question)
                .copied()
                .or(s.consensus)
                .map(|v| (s.question.clone(), v))
        })
        .collect()
}

/// How far a room is from one answer, in words a facilitator acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Disagreement of at least [`Agreement::SPLIT`]: discuss this one.
    Split,
    /// At least [`Agreement::SOME`].
    Some,
    Mostly,
}

impl Agreement {
    pub const SPLIT: f64 = 0.4;
    pub const SOME: f64 = 0.2;

    /// The level of a question's [`QuestionStats::disagreement`].
    pub fn of(disagreement: f64) -> Agreement {
        if disagreement >= Self::SPLIT {
            Agreement::Split
        } else if disagreement >= Self::SOME {
            Agreement::Some
        } else {
            Agreement::Mostly
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Agreement::Split => "The room is split: discuss this one.",
            Agreement::Some => "Some disagreement.",
            Agreement::Mostly => "The room mostly agrees.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_levels_start_at_their_stated_thresholds() {
        assert_eq!(Agreement::of(0.0), Agreement::Mostly);
        assert_eq!(Agreement::of(0.199), Agreement::Mostly);
        assert_eq!(Agreement::of(Agreement::SOME), Agreement::Some);
        assert_eq!(Agreement::of(0.399), Agreement::Some);
        assert_eq!(Agreement::of(Agreement::SPLIT), Agreement::Split);
        assert_eq!(Agreement::of(1.0), Agreement::Split);
    }
}
