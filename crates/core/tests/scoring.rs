//! Scoring rules, table-driven: all lowest, all highest, mixed, unanswered, retired,
//! out-of-range stored values; plus property tests (range, monotonicity, order).

use maturity_core::assessment::catalog::Catalog;
use maturity_core::assessment::model::Questionnaire;
use maturity_core::assessment::records::Run;
use maturity_core::assessment::scoring::score;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn calms() -> Questionnaire {
    Catalog::builtin()
        .get("calms")
        .expect("calms")
        .as_ref()
        .clone()
}

/// Answers every active question of `q` with `pick(question index in file, choices)`.
fn answer_all(
    q: &Questionnaire,
    pick: impl Fn(usize, usize) -> Option<u8>,
) -> BTreeMap<String, u8> {
    q.active_questions()
        .enumerate()
        .filter_map(|(i, question)| {
            pick(i, question.choices.len()).map(|c| (question.id.clone(), c))
        })
        .collect()
}

fn dimension(result: &maturity_core::QuestionnaireScore, id: &str) -> Option<f64> {
    result
        .dimensions
        .iter()
        .find(|d| d.dimension == id)
        .and_then(|d| d.score)
}

#[test]
fn table() {
    let q = calms();
    let top = |n: usize| (n - 1) as u8;
    // (case, answers, expected overall, expected per dimension [C, A, L, M, S], answered)
    type Case = (
        &'static str,
        BTreeMap<String, u8>,
        Option<f64>,
        [Option<f64>; 5],
        usize,
    );
    let dims = ["culture", "automation", "lean", "measurement", "sharing"];
    let by_dim = |d: &str| -> Vec<String> {
        q.active_questions()
            .filter(|x| x.dimension == d)
            .map(|x| x.id.clone())
            .collect()
    };
    let active = q.active_questions().count();
    let mut mixed = BTreeMap::new();
    // Culture: one question at the top (10) and one at the bottom (0) -> 5.
    let culture = by_dim("culture");
    mixed.insert(culture[0].clone(), 4);
    mixed.insert(culture[1].clone(), 0);
    // Automation: every question at the middle of five -> 5.
    for id in by_dim("automation") {
        mixed.insert(id, 2);
    }
    // Lean: one question at 3 of 5 (index 3 -> 7.5), others unanswered.
    mixed.insert(by_dim("lean")[0].clone(), 3);
    let cases: Vec<Case> = vec![
        ("nothing answered", BTreeMap::new(), None, [None; 5], 0),
        (
            "all lowest",
            answer_all(&q, |_, _| Some(0)),
            Some(0.0),
            [Some(0.0); 5],
            active,
        ),
        (
            "all highest",
            answer_all(&q, |_, n| Some(top(n))),
            Some(10.0),
            [Some(10.0); 5],
            active,
        ),
        (
            "mixed, some unanswered",
            mixed,
            Some((5.0 + 5.0 + 7.5) / 3.0),
            [Some(5.0), Some(5.0), Some(7.5), None, None],
            2 + by_dim("automation").len() + 1,
        ),
    ];
    for (name, answers, overall, per_dimension, answered) in cases {
        let result = score(&q, &answers);
        assert_eq!(result.overall, overall, "{name}: overall");
        for (d, expected) in dims.iter().zip(per_dimension) {
            assert_eq!(dimension(&result, d), expected, "{name}: {d}");
        }
        assert_eq!(result.answered, answered, "{name}: answered");
        assert_eq!(result.asked, active, "{name}: asked");
    }
}

#[test]
fn unanswered_questions_do_not_count_as_zero() {
    let q = calms();
    let first = q.active_questions().next().expect("a question");
    let answers = BTreeMap::from([(first.id.clone(), (first.choices.len() - 1) as u8)]);
    let result = score(&q, &answers);
    assert_eq!(dimension(&result, &first.dimension), Some(10.0));
    assert_eq!(result.overall, Some(10.0));
}

#[test]
fn out_of_range_and_unknown_answers_are_ignored_not_trusted() {
    let q = calms();
    let first = q.active_questions().next().expect("a question");
    let answers = BTreeMap::from([
        (first.id.clone(), 200u8),
        ("calms.no-such-question".to_string(), 3u8),
    ]);
    let result = score(&q, &answers);
    assert_eq!(result.overall, None);
    assert_eq!(result.answered, 0);
}

#[test]
fn weakest_names_the_lowest_dimension_and_reports_ties() {
    let q = calms();
    let answers = answer_all(&q, |_, n| Some((n - 1) as u8));
    let mut answers_low_lean = answers.clone();
    for question in q.active_questions().filter(|x| x.dimension == "lean") {
        answers_low_lean.insert(question.id.clone(), 1);
    }
    let result = score(&q, &answers_low_lean);
    let weakest: Vec<&str> = result.weakest().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(weakest, ["Lean"]);

    let all_equal = score(&q, &answers);
    assert_eq!(
        all_equal.weakest().len(),
        5,
        "a five-way tie names all five"
    );
    assert!(score(&q, &BTreeMap::new()).weakest().is_empty());
}

#[test]
fn a_retired_question_counts_only_where_it_was_answered() {
    let mut q = calms();
    let active = q.active_questions().count();
    let first = q.questions.iter().position(|x| !x.retired).expect("active");
    q.questions[first].retired = true;
    let retired_id = q.questions[first].id.clone();
    let unanswered = score(&q, &BTreeMap::new());
    assert_eq!(unanswered.asked, active - 1);
    let answered = score(&q, &BTreeMap::from([(retired_id, 4u8)]));
    assert_eq!(answered.asked, active);
    assert_eq!(answered.overall, Some(10.0));
}

fn answers_strategy() -> impl Strategy<Value = BTreeMap<String, u8>> {
    let q = calms();
    let ids: Vec<(String, usize)> = q
        .active_questions()
        .map(|x| (x.id.clone(), x.choices.len()))
        .collect();
    proptest::collection::vec(proptest::option::of(0u8..5), ids.len()).prop_map(move |picks| {
        ids.iter()
            .zip(picks)
            .filter_map(|((id, n), pick)| pick.map(|p| (id.clone(), p.min((*n - 1) as u8))))
            .collect()
    })
}

proptest! {
    #[test]
    fn scores_stay_within_zero_and_ten(answers in answers_strategy()) {
        let result = score(&calms(), &answers);
        for d in &result.dimensions {
            if let Some(s) = d.score { prop_assert!((0.0..=10.0).contains(&s)); }
        }
        if let Some(o) = result.overall { prop_assert!((0.0..=10.0).contains(&o)); }
    }

    #[test]
    fn raising_one_answer_never_lowers_a_score(answers in answers_strategy(), which in 0usize..20) {
        let q = calms();
        let question = q.active_questions().nth(which).expect("question");
        let before = score(&q, &answers);
        let current = answers.get(&question.id).copied();
        let top = (question.choices.len() - 1) as u8;
        let raised = current.map_or(Some(0), |c| (c < top).then_some(c + 1));
        prop_assume!(raised.is_some() && current.is_some());
        let mut more = answers.clone();
        more.insert(question.id.clone(), raised.unwrap_or(top));
        let after = score(&q, &more);
        prop_assert!(after.overall >= before.overall);
        let d = &question.dimension;
        prop_assert!(dimension(&after, d) >= dimension(&before, d));
    }

    #[test]
    fn question_order_in_the_file_does_not_change_scores(answers in answers_strategy(), seed in any::<u64>()) {
        let q = calms();
        let mut shuffled = q.clone();
        // A deterministic shuffle driven by the seed.
        let n = shuffled.questions.len();
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.questions.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(score(&q, &answers), score(&shuffled, &answers));
    }
}

#[test]
fn a_run_answers_map_scores_the_same_after_a_serialization_round_trip() {
    let q = calms();
    let run = Run {
        id: maturity_core::RunId("r1".into()),
        team: maturity_core::TeamId("t1".into()),
        questionnaires: vec!["calms".into()],
        started_at: 1,
        finished_at: Some(2),
        answers: answer_all(&q, |i, _| Some((i % 5) as u8)),
        position: 19,
        notes: String::new(),
        actions: Vec::new(),
        workshop: None,
        measured: None,
    };
    let back: Run = serde_json::from_str(&serde_json::to_string(&run).expect("ser")).expect("de");
    assert_eq!(score(&q, &back.answers), score(&q, &run.answers));
}

#[test]
fn next_steps_come_from_the_lowest_answers_of_the_named_dimensions() {
    let q = calms();
    let lean: Vec<&maturity_core::Question> = q
        .active_questions()
        .filter(|x| x.dimension == "lean")
        .collect();
    let answers = BTreeMap::from([
        (lean[0].id.clone(), 3u8),
        (lean[1].id.clone(), 0u8),
        (lean[2].id.clone(), 4u8),        // full marks: nothing to advise
        (q.questions[0].id.clone(), 0u8), // another dimension: not asked for
    ]);
    let steps = maturity_core::assessment::scoring::next_steps(&q, &answers, &["lean"], 3);
    let ids: Vec<&str> = steps.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, [lean[1].id.as_str(), lean[0].id.as_str()]);
    assert_eq!(
        maturity_core::assessment::scoring::next_steps(&q, &answers, &["lean"], 1).len(),
        1
    );
}

#[test]
fn classifications_are_findings_never_scores() {
    let catalog = Catalog::builtin();
    let q = catalog.get("team-topologies").expect("tt");
    let answers = BTreeMap::from([
        ("tt.team-kind".to_string(), 1u8),
        ("tt.extraneous.friction".to_string(), 4u8),
    ]);
    let result = score(q, &answers);
    assert!(result
        .dimensions
        .iter()
        .all(|d| d.dimension != "team-type" && d.dimension != "interaction-map"));
    assert_eq!(
        result.overall,
        Some(10.0),
        "the team type's answer does not count"
    );
    let found = maturity_core::assessment::scoring::findings(q, &answers);
    let shown: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|f| (f.question.id.as_str(), f.choice.map(|c| c.label.as_str())))
        .collect();
    assert_eq!(
        shown,
        [
            ("tt.team-kind", Some("Platform")),
            ("tt.interaction.mode", None),
            ("tt.interaction.duration", None),
            ("tt.interaction.platform-mode", None),
            ("tt.interaction.platform-duration", None),
            ("tt.interaction.enabling-mode", None),
            ("tt.interaction.enabling-duration", None),
            ("tt.interaction.subsystem-mode", None),
            ("tt.interaction.subsystem-duration", None),
        ]
    );
}

#[test]
fn percentages_score_lower_is_better() {
    let catalog = Catalog::builtin();
    let q = catalog.get("dora").expect("dora");
    let cfr = q.question("dora.change-failure-rate").expect("cfr");
    let s = |v| maturity_core::assessment::scoring::question_score(cfr, v);
    assert_eq!(
        (s(0), s(15), s(100), s(101)),
        (Some(10.0), Some(8.5), Some(0.0), None)
    );
}
