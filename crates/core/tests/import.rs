//! Importing a backup from another browser: what the preview says, what merging
//! does, and files that are refused with the reason (nothing changes then).

use maturity_core::error::DecodeError;
use maturity_core::import::{import, merge, plan_import, ImportError};
use maturity_core::limits::MAX_IMPORT_BYTES;
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
