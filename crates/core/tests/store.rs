//! The stored envelope: changes, and decoding values we did not write ourselves.

use maturity_core::store::{ChangeError, DecodeError, Store, STORE_SCHEMA};
use maturity_core::{RunId, TeamId};

fn started() -> (Store, RunId) {
    let mut store = Store::new();
    let run = store
        .start_run(
            "  Payments ",
            vec!["calms".into()],
            TeamId("t1".into()),
            RunId("r1".into()),
            1000,
        )
        .expect("start");
    (store, run)
}

#[test]
fn starting_a_run_creates_the_team_once_and_bumps_the_revision() {
    let (mut store, _) = started();
    assert_eq!(store.teams.len(), 1);
    assert_eq!(store.teams[0].name, "Payments");
    assert_eq!(store.revision, 1);
    store
        .start_run(
            "payments",
            vec!["calms".into()],
            TeamId("t2".into()),
            RunId("r2".into()),
            2000,
        )
        .expect("second run");
    assert_eq!(store.teams.len(), 1, "same team, whatever the case");
    let runs: Vec<&str> = store
        .runs_of(&TeamId("t1".into()))
        .iter()
        .map(|r| r.id.0.as_str())
        .collect();
    assert_eq!(runs, ["r2", "r1"], "newest first");
    assert_eq!(store.revision, 2);
    assert_eq!(store.updated_at, 2000);
}

#[test]
fn refused_changes_say_why() {
    let mut store = Store::new();
    let cases = [
        ("   ", vec!["calms".to_string()], ChangeError::EmptyTeamName),
        (
            &*"x".repeat(81),
            vec!["calms".to_string()],
            ChangeError::TeamNameTooLong,
        ),
        ("Team", vec![], ChangeError::NoQuestionnaire),
    ];
    for (name, questionnaires, expected) in cases {
        let got = store.start_run(
            name,
            questionnaires,
            TeamId("t".into()),
            RunId("r".into()),
            1,
        );
        assert_eq!(got, Err(expected));
    }
    assert_eq!(store, Store::new(), "a refused change changes nothing");
}

#[test]
fn answers_are_kept_until_the_run_is_finished() {
    let (mut store, run) = started();
    store
        .answer(&run, "calms.culture.bad-news", 3, 1100)
        .expect("answer");
    store
        .answer(&run, "calms.culture.bad-news", 4, 1200)
        .expect("change answer");
    store
        .answer(&run, "dora.rework-rate", 15, 1250)
        .expect("answer");
    store
        .clear_answer(&run, "dora.rework-rate", 1260)
        .expect("clear");
    store.set_position(&run, 1, 1300).expect("move");
    store.finish(&run, 1400).expect("finish");
    let saved = store.run(&run).expect("run");
    assert_eq!(saved.answers.get("calms.culture.bad-news"), Some(&4));
    assert_eq!(saved.position, 1);
    assert!(
        !saved.answers.contains_key("dora.rework-rate"),
        "a cleared answer is gone"
    );
    assert_eq!(saved.finished_at, Some(1400));
    assert_eq!(
        store.answer(&run, "calms.culture.bad-news", 0, 1500),
        Err(ChangeError::RunFinished)
    );
    assert_eq!(
        store.answer(&RunId("nope".into()), "x", 0, 1500),
        Err(ChangeError::UnknownRun)
    );
}

#[test]
fn encode_then_decode_round_trips() {
    let (mut store, run) = started();
    store
        .answer(&run, "calms.lean.wip", 2, 1100)
        .expect("answer");
    let text = store.encode().expect("encode");
    assert_eq!(Store::decode(&text), Ok(store));
}

#[test]
fn values_we_did_not_write_are_refused_with_the_reason() {
    let newer = format!(
        r#"{{"app":"devops-maturity","schema":{},"revision":1,"updated_at":0,"teams":[],"runs":[]}}"#,
        STORE_SCHEMA + 1
    );
    let orphan = r#"{"app":"devops-maturity","schema":1,"revision":1,"updated_at":0,"teams":[],
        "runs":[{"id":"r","team":"ghost","questionnaires":["calms"],"started_at":0}]}"#;
    let cases: Vec<(&str, &str, fn(&DecodeError) -> bool)> = vec![
        ("garbage", "}{ not json", |e| {
            matches!(e, DecodeError::NotJson(_))
        }),
        ("empty", "", |e| matches!(e, DecodeError::NotJson(_))),
        ("another app", r#"{"todos":[]}"#, |e| {
            matches!(e, DecodeError::Foreign)
        }),
        ("a bare array", "[1,2,3]", |e| {
            matches!(e, DecodeError::Foreign)
        }),
        ("newer schema", &newer, |e| {
            matches!(e, DecodeError::Newer { .. })
        }),
        (
            "schema zero",
            r#"{"app":"devops-maturity","schema":0}"#,
            |e| matches!(e, DecodeError::Unsupported(0)),
        ),
        ("no schema", r#"{"app":"devops-maturity"}"#, |e| {
            matches!(e, DecodeError::Damaged(_))
        }),
        (
            "wrong types",
            r#"{"app":"devops-maturity","schema":1,"revision":"x","updated_at":0,"teams":[],"runs":[]}"#,
            |e| matches!(e, DecodeError::Damaged(_)),
        ),
        (
            "run of a missing team",
            orphan,
            |e| matches!(e, DecodeError::Damaged(m) if m.contains("team")),
        ),
        (
            "answer out of u8 range",
            r#"{"app":"devops-maturity","schema":1,"revision":1,"updated_at":0,"teams":[{"id":"t","name":"T","created_at":0}],
            "runs":[{"id":"r","team":"t","questionnaires":["calms"],"started_at":0,"answers":{"q":9999}}]}"#,
            |e| matches!(e, DecodeError::Damaged(_)),
        ),
    ];
    for (name, text, is_expected) in cases {
        match Store::decode(text) {
            Ok(_) => panic!("{name}: accepted"),
            Err(e) => assert!(is_expected(&e), "{name}: unexpected error {e:?}"),
        }
    }
}
