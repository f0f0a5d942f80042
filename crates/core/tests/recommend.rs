//! Cross-framework recommendations: ordered by expected leverage, with next steps.

use maturity_core::assessment::recommend::recommendations;
use maturity_core::{Catalog, Run, RunId, TeamId};
use std::collections::BTreeMap;

fn run(questionnaires: &[&str], answers: &[(&str, u8)]) -> Run {
    Run {
        id: RunId("r".into()),
        team: TeamId("t".into()),
        questionnaires: questionnaires.iter().map(|s| s.to_string()).collect(),
        started_at: 0,
        finished_at: Some(1),
        answers: answers
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect::<BTreeMap<_, _>>(),
        position: 0,
        notes: String::new(),
        actions: Vec::new(),
        workshop: None,
        measured: None,
    }
}

/// Every active question of `id` at choice `value` (or percentage for percent questions).
fn all_at<'a>(catalog: &'a Catalog, id: &str, value: u8) -> Vec<(&'a str, u8)> {
    catalog
        .get(id)
        .expect("questionnaire")
        .active_questions()
        .map(|q| (q.id.as_str(), value))
        .collect()
}

#[test]
fn the_weakest_fully_answered_dimension_across_frameworks_comes_first() {
    let catalog = Catalog::builtin();
    let mut answers = all_at(&catalog, "calms", 4);
    answers.extend(all_at(&catalog, "three-ways", 3));
    // Three Ways feedback at the bottom: the most room to improve.
    for q in catalog
        .get("three-ways")
        .expect("tw")
        .active_questions()
        .filter(|q| q.dimension == "feedback")
    {
        answers.push((q.id.as_str(), 0));
    }
    let r = run(&["calms", "three-ways"], &answers);
    let recs = recommendations(&catalog, &r, 5);
    let order: Vec<(&str, &str)> = recs
        .iter()
        .map(|r| (r.questionnaire.id.as_str(), r.dimension.id.as_str()))
        .collect();
    // CALMS at the top of every scale has nothing to recommend.
    assert_eq!(
        order,
        [
            ("three-ways", "feedback"),
            ("three-ways", "flow"),
            ("three-ways", "learning")
        ]
    );
    assert_eq!(recs[0].score, 0.0);
    assert_eq!(
        recs[0].steps.len(),
        2,
        "two concrete steps from the question data"
    );
    assert!(recs[0].leverage > recs[1].leverage);
}

#[test]
fn a_low_score_on_few_answers_has_less_leverage_than_the_same_score_on_all() {
    let catalog = Catalog::builtin();
    let calms = catalog.get("calms").expect("calms");
    let lean: Vec<&str> = calms
        .active_questions()
        .filter(|q| q.dimension == "lean")
        .map(|q| q.id.as_str())
        .collect();
    let culture: Vec<&str> = calms
        .active_questions()
        .filter(|q| q.dimension == "culture")
        .map(|q| q.id.as_str())
        .collect();
    // Lean: one answer of several, at the bottom. Culture: all at the bottom.
    let mut answers = vec![(lean[0], 0)];
    answers.extend(culture.iter().map(|id| (*id, 0)));
    let recs = recommendations(&catalog, &run(&["calms"], &answers), 5);
    let order: Vec<&str> = recs.iter().map(|r| r.dimension.id.as_str()).collect();
    assert_eq!(order, ["culture", "lean"]);
    assert!((recs[0].leverage - 10.0).abs() < 1e-9);
    // 10 points of room times the one answered question's share of Lean.
    assert!((recs[1].leverage - 10.0 / lean.len() as f64).abs() < 1e-9);
}

#[test]
fn classifications_and_unanswered_runs_recommend_nothing() {
    let catalog = Catalog::builtin();
    assert!(recommendations(&catalog, &run(&["calms"], &[]), 5).is_empty());
    let only_type = run(&["team-topologies"], &[("tt.team-kind", 0)]);
    assert!(recommendations(&catalog, &only_type, 5).is_empty());
}
