//! Importing a backup from another browser: what the preview says, what merging
//! does, and files that are refused with the reason (nothing changes then).

use maturity_core::error::DecodeError;
use maturity_core::limits::MAX_IMPORT_BYTES;
use maturity_core::store::import::{import, merge, plan_import, ImportError};
use maturity_core::{RunId, Store, TeamId};
use serde_json::Value;

const V1: &str = include_str!("fixtures/store-v1.json");
const V3: &str = include_str!("fixtures/store-v3.json");

/// A store of this browser: a "payments" team of its own (another id than the
/// file's "Payments") with one run, and a team the file does not have.
fn here() -> Store {
    let mut store = Store::new();
    store
        .start_run(
            "payments",
            vec!["calms".into()],
            TeamId("t-local".into()),
            RunId("r-local".into()),
            5,
        )
        .unwrap();
    store
        .start_run(
            "Platform",
            vec!["westrum".into()],
            TeamId("t-platform".into()),
            RunId("r-platform".into()),
            6,
        )
        .unwrap();
    store
}

#[test]
fn the_preview_says_what_will_be_added_joined_and_replaced() {
    let current = here();
    let plan = plan_import(&current, V3).unwrap();
    assert_eq!(plan.new_teams, ["Search & Discovery <b>"]);
    assert_eq!(
        plan.joined_teams,
        [("Payments".to_string(), "payments".to_string())]
    );
    assert_eq!(
        (plan.new_runs, plan.replaced_runs, plan.unchanged_runs),
        (5, 0, 0)
    );
    assert_eq!(plan.new_workshops, 2);
    assert!(!plan.changes_nothing());
}

#[test]
fn merging_adds_everything_once_and_a_second_import_changes_nothing() {
    let mut store = here();
    let plan = import(&mut store, V3, 10).unwrap();
    assert_eq!(plan.new_runs, 5);
    let file = Store::decode(V3).unwrap();
    assert_eq!(store.teams.len(), 3, "payments (joined), Platform, Search");
    assert_eq!(store.runs.len(), 2 + file.runs.len());
    // The file's Payments runs now belong to this browser's payments team.
    for run in file.runs.iter().filter(|r| r.team.0 == "t-payments") {
        let merged = store.run(&run.id).unwrap();
        assert_eq!(merged.team, TeamId("t-local".into()));
        assert_eq!(merged.answers, run.answers, "answers intact");
        assert_eq!(
            (merged.started_at, merged.finished_at),
            (run.started_at, run.finished_at)
        );
        assert_eq!(merged.actions, run.actions);
        assert_eq!(merged.workshop, run.workshop);
    }
    assert_eq!(store.workshops.len(), 2);
    assert!(store
        .workshops
        .iter()
        .all(|w| store.team(&w.team).is_some()));
    assert_eq!(store.participations.len(), 1);
    assert!(store.check().is_ok());
    let revision = store.revision;
    let again = plan_import(&store, V3).unwrap();
    assert!(again.changes_nothing(), "{again:?}");
    assert_eq!(again.unchanged_runs, 5);
    assert!(again.joined_teams.len() == 1 && again.new_teams.is_empty());
    assert_eq!(store.revision, revision, "planning changes nothing");
    // And the merged store reads back as written.
    assert_eq!(Store::decode(&store.encode().unwrap()).unwrap(), store);
}

#[test]
fn a_run_edited_in_the_file_replaces_the_one_here() {
    let mut store = Store::decode(V3).unwrap();
    let mut edited: Value = serde_json::from_str(V3).unwrap();
    edited["runs"][0]["notes"] = "Written on the other laptop".into();
    let plan = plan_import(&store, &edited.to_string()).unwrap();
    assert_eq!(
        (plan.new_runs, plan.replaced_runs, plan.unchanged_runs),
        (0, 1, 4)
    );
    merge(&mut store, plan, 20).unwrap();
    assert_eq!(store.runs[0].notes, "Written on the other laptop");
}

#[test]
fn answers_no_question_takes_are_left_out_and_counted_in_the_preview() {
    // The 8th choice of a 5-choice question, and a percentage over 100.
    let text = r#"{"app":"devops-maturity","schema":3,"revision":1,"updated_at":1,
        "teams":[{"id":"t","name":"Payments","created_at":1}],
        "runs":[{"id":"r","team":"t","questionnaires":["calms","dora"],"started_at":1,
          "answers":{"calms":{"lean.wip":7,"culture.bad-news":2},"dora":{"change-failure-rate":140}}}]}"#;
    let plan = plan_import(&Store::new(), text).expect("readable");
    assert_eq!(plan.unfit_answers, 2);
    let mut store = Store::new();
    import(&mut store, text, 5).expect("imports");
    let answers = &store.runs[0].answers;
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers.get("calms.culture.bad-news"), Some(&2));
}

#[test]
fn an_old_format_backup_imports_too() {
    let plan = plan_import(&Store::new(), V1).unwrap();
    assert_eq!(plan.new_teams.len(), 2);
    assert_eq!(plan.new_runs, 4);
}

#[test]
fn bad_files_are_refused_with_the_reason() {
    let mut long_name: Value = serde_json::from_str(V3).unwrap();
    long_name["teams"][0]["name"] = "x".repeat(81).into();
    let mut long_notes: Value = serde_json::from_str(V3).unwrap();
    long_notes["runs"][1]["notes"] = "n".repeat(4001).into();
    let mut orphan: Value = serde_json::from_str(V3).unwrap();
    orphan["runs"][0]["team"] = "nobody".into();
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "empty"),
        ("   ".into(), "empty"),
        ("x".repeat(MAX_IMPORT_BYTES + 1), "too large"),
        (
            "<html><script>alert(1)</script></html>".into(),
            "not valid JSON",
        ),
        (
            r#"{"name": "some other app's file"}"#.into(),
            "not written by this app",
        ),
        (
            r#"{"app":"devops-maturity","schema":9,"revision":1}"#.into(),
            "newer version",
        ),
        (V3[..V3.len() / 2].to_string(), "not valid JSON"),
        (
            long_name.to_string(),
            "team 1 has no name or a name longer than 80",
        ),
        (long_notes.to_string(), "notes longer than 4000"),
        (orphan.to_string(), "belongs to a team that does not exist"),
    ];
    let current = here();
    for (text, says) in cases {
        let error = plan_import(&current, &text).expect_err(says);
        assert!(
            error.to_string().contains(says),
            "{error} should say {says}"
        );
    }
    assert!(matches!(
        plan_import(&current, "[1,2,3]"),
        Err(ImportError::Unreadable(DecodeError::Foreign))
    ));
    let mut store = here();
    let before = store.clone();
    assert!(import(&mut store, "{", 30).is_err());
    assert_eq!(store, before, "a refused import changes nothing");
}

#[test]
fn two_teams_of_one_name_in_a_file_become_one_team() {
    let mut file = Store::new();
    file.start_run(
        "Ops",
        vec!["calms".into()],
        TeamId("a".into()),
        RunId("r1".into()),
        1,
    )
    .unwrap();
    let mut text: Value = serde_json::from_str(&file.encode().unwrap()).unwrap();
    let mut twin = text["teams"][0].clone();
    twin["id"] = "b".into();
    twin["name"] = " ops ".into();
    text["teams"].as_array_mut().unwrap().push(twin);
    let mut run = text["runs"][0].clone();
    run["id"] = "r2".into();
    run["team"] = "b".into();
    text["runs"].as_array_mut().unwrap().push(run);
    let mut store = Store::new();
    let plan = import(&mut store, &text.to_string(), 2).unwrap();
    assert_eq!(plan.new_teams, ["Ops"]);
    assert_eq!(plan.joined_teams, [("ops".to_string(), "Ops".to_string())]);
    assert_eq!(store.teams.len(), 1);
    assert!(store.runs.iter().all(|r| r.team == TeamId("a".into())));
}

#[test]
fn a_plan_made_before_the_data_changed_is_refused_not_saved_half_valid() {
    let mut store = here();
    let plan = plan_import(&store, V3).unwrap();
    // Meanwhile (another tab) the team the file's Payments would join is deleted.
    store.delete_team(&TeamId("t-local".into()), 9).unwrap();
    let before = store.clone();
    assert!(merge(&mut store, plan, 10).is_err());
    assert_eq!(store, before);
}

#[test]
fn a_file_with_an_unusable_questionnaire_is_refused() {
    let mut value: Value = serde_json::from_str(V3).unwrap();
    let example: Value = serde_json::from_str(include_str!(
        "../../../questionnaires/examples/psychological-safety.json"
    ))
    .unwrap();
    let mut clash = example.clone();
    clash["id"] = "calms".into();
    value["questionnaires"] = serde_json::json!([clash]);
    let error = plan_import(&Store::new(), &value.to_string()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("its questionnaire \"calms\" cannot be used"),
        "{error}"
    );
    value["questionnaires"] = serde_json::json!([example]);
    assert_eq!(
        plan_import(&Store::new(), &value.to_string())
            .unwrap()
            .new_questionnaires,
        1
    );
}

// Whatever answers a backup holds, every page counts the same ones once it is in.

use maturity_core::assessment::history::{self, answered};
use maturity_core::assessment::records::{Run, Team};
use maturity_core::assessment::scoring::findings;
use maturity_core::{score, Catalog};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::{BTreeMap, BTreeSet};

/// Every built-in question id, plus one no questionnaire has (a question of a
/// questionnaire of someone else's, kept as it is but never counted).
fn question_ids() -> Vec<String> {
    let catalog = Catalog::builtin();
    let mut ids: Vec<String> = catalog
        .all()
        .iter()
        .flat_map(|q| q.questions.iter().map(|question| question.id.clone()))
        .collect();
    ids.push("calms.culture.long-gone".to_string());
    ids
}

/// The questionnaires a run may take: the built-in ones and one this app lacks.
fn run_questionnaires() -> impl Strategy<Value = Vec<String>> {
    let mut ids: Vec<String> = Catalog::builtin()
        .all()
        .iter()
        .map(|q| q.id.clone())
        .collect();
    ids.push("old-framework".to_string());
    prop::sample::subsequence(ids, 1..=3).prop_shuffle()
}

/// An answer: around the end of the choices, around 100%, or anything at all.
fn value() -> impl Strategy<Value = u8> {
    prop_oneof![0..9u8, 98..=102u8, any::<u8>()]
}

/// A run of the file: its questionnaires, (question, value) answers, finished.
type FileRun = (Vec<String>, Vec<(Index, u8)>, bool);

fn file_run() -> impl Strategy<Value = FileRun> {
    (
        run_questionnaires(),
        prop::collection::vec((any::<Index>(), value()), 0..30),
        any::<bool>(),
    )
}

/// A backup (the current schema, as "Download a backup" writes it) of one team with
/// `runs`, and the answers each run holds in the file.
fn backup(runs: &[FileRun]) -> (String, Vec<BTreeMap<String, u8>>) {
    let ids = question_ids();
    let mut file = Store::new();
    file.teams.push(Team {
        id: TeamId("t".into()),
        name: "Ops".into(),
        created_at: 1,
        archived: false,
        industry: None,
        size: None,
        tags: Vec::new(),
    });
    let mut answers = Vec::new();
    for (i, (questionnaires, given, finished)) in runs.iter().enumerate() {
        let given: BTreeMap<String, u8> = given
            .iter()
            .map(|(q, v)| (q.get(&ids).clone(), *v))
            .collect();
        file.runs.push(Run {
            id: RunId(format!("r{i}")),
            team: TeamId("t".into()),
            questionnaires: questionnaires.clone(),
            started_at: 10 + i as i64,
            finished_at: finished.then_some(20 + i as i64),
            answers: given.clone(),
            position: 0,
            notes: String::new(),
            actions: Vec::new(),
            workshop: None,
            measured: None,
        });
        answers.push(given);
    }
    file.revision = 1;
    (file.encode().unwrap(), answers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn imported_runs_keep_only_fit_answers_and_every_page_counts_the_same(
        runs in prop::collection::vec(file_run(), 1..4)
    ) {
        let catalog = Catalog::builtin();
        let (text, in_file) = backup(&runs);
        let fits = |id: &str, v: u8| catalog.question(id).is_none_or(|q| q.accepts(v));
        let all_fit = in_file.iter().flatten().all(|(id, &v)| fits(id, v));
        let mut store = Store::new();
        let plan = import(&mut store, &text, 100);
        if all_fit {
            prop_assert!(plan.is_ok(), "a backup of valid answers is refused: {:?}", plan);
        }
        if plan.is_err() {
            prop_assert_eq!(store, Store::new(), "a refused import changes nothing");
            return Ok(());
        }
        prop_assert_eq!(store.runs.len(), in_file.len());
        for (i, given) in in_file.iter().enumerate() {
            let run = store.run(&RunId(format!("r{i}")));
            prop_assert!(run.is_some(), "run r{} was not imported", i);
            let run = run.unwrap();
            // Kept: exactly the answers their question accepts (or that no
            // questionnaire here asks, kept as they are).
            let expected: BTreeMap<String, u8> = given
                .iter()
                .filter(|(id, &v)| fits(id, v))
                .map(|(id, &v)| (id.clone(), v))
                .collect();
            prop_assert_eq!(&run.answers, &expected, "run {}", run.id.0);
            // The question page's count: the answers to the questions it asks.
            let asked: BTreeSet<String> = catalog
                .steps(&run.questionnaires)
                .iter()
                .map(|s| s.question().id.clone())
                .collect();
            let count = answered(&catalog, run);
            prop_assert_eq!(
                count,
                run.answers.keys().filter(|id| asked.contains(*id)).count(),
                "run {} asks {:?}", run.id.0, run.questionnaires
            );
            // The results page's count: the scored answers of each questionnaire,
            // its "Don't know" answers, and the classification findings that have an
            // answer; retired questions count there when the run answered them (their
            // answers keep their meaning), never on the question page, which asks
            // today's questions only.
            let covered: Vec<_> = run.questionnaires.iter().filter_map(|id| catalog.get(id)).collect();
            let results: Vec<_> = covered.iter().map(|q| score(q, &run.answers)).collect();
            let scored: usize = results.iter().map(|r| r.answered).sum();
            let unknown: usize = results.iter().map(|r| r.unknown).sum();
            let classified: usize = covered
                .iter()
                .map(|q| findings(q, &run.answers).iter().filter(|f| f.choice.is_some() || f.unknown).count())
                .sum();
            let of_covered = run
                .answers
                .keys()
                .filter(|id| covered.iter().any(|q| q.question(id).is_some()))
                .count();
            prop_assert_eq!(scored + unknown + classified, of_covered, "run {}: {} scored + {} unknown + {} classified", run.id.0, scored, unknown, classified);
            // The history's scores count the same.
            let in_history: usize = history::run_scores(&catalog, run).iter().map(|s| s.answered).sum();
            prop_assert_eq!(in_history, scored);
        }
    }
}
