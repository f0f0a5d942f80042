//! The stored envelope: changes, and decoding values we did not write ourselves.

use maturity_core::store::{ChangeError, DecodeError, Store, STORE_SCHEMA};
use maturity_core::{RunId, TeamId};
use proptest::prelude::*;
use std::collections::BTreeSet;

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
    type Case<'a> = (&'a str, &'a str, fn(&DecodeError) -> bool);
    let cases: Vec<Case> = vec![
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

fn two_teams() -> Store {
    let mut store = Store::new();
    for (i, name) in ["Payments", "Search"].iter().enumerate() {
        for j in 0..=i {
            store
                .start_run(
                    name,
                    vec!["calms".into()],
                    TeamId(format!("t{i}")),
                    RunId(format!("r{i}{j}")),
                    (10 * i + j) as i64,
                )
                .expect("start");
        }
    }
    store
}

#[test]
fn renaming_checks_the_name_and_what_the_user_saw() {
    let mut store = two_teams();
    let t0 = TeamId("t0".into());
    let before = store.clone();
    let cases = [
        ("Payments", "  ", ChangeError::EmptyTeamName),
        ("Payments", &*"y".repeat(81), ChangeError::TeamNameTooLong),
        (
            "Payments",
            " search ",
            ChangeError::TeamNameTaken("Search".into()),
        ),
        (
            "Old name",
            "Checkout",
            ChangeError::EditedElsewhere {
                theirs: "Payments".into(),
            },
        ),
    ];
    for (was, name, expected) in cases {
        assert_eq!(store.rename_team(&t0, was, name, 99), Err(expected));
    }
    assert_eq!(store, before, "refused renames change nothing");
    store
        .rename_team(&t0, "Payments", " Checkout ", 100)
        .expect("rename");
    assert_eq!(store.team(&t0).unwrap().name, "Checkout");
    assert_eq!(
        store.rename_team(&t0, "Checkout", "checkout", 101),
        Ok(()),
        "a team may change the case of its own name"
    );
    assert_eq!(
        store.rename_team(&TeamId("gone".into()), "x", "y", 102),
        Err(ChangeError::UnknownTeam)
    );
}

#[test]
fn archiving_keeps_runs_and_a_new_run_brings_the_team_back() {
    let mut store = two_teams();
    let t1 = TeamId("t1".into());
    store.set_archived(&t1, true, 50).expect("archive");
    assert!(store.team(&t1).unwrap().archived);
    assert_eq!(store.runs_of(&t1).len(), 2);
    store
        .start_run(
            "search",
            vec!["dora".into()],
            TeamId("new".into()),
            RunId("r9".into()),
            60,
        )
        .expect("start");
    assert!(!store.team(&t1).unwrap().archived);
    assert_eq!(store.runs_of(&t1).len(), 3);
}

#[test]
fn deleting_removes_exactly_what_it_says() {
    let mut store = two_teams();
    assert_eq!(store.delete_team(&TeamId("t1".into()), 70), Ok(2));
    assert_eq!(store.teams.len(), 1);
    assert_eq!(store.runs.len(), 1);
    assert_eq!(store.runs[0].id.0, "r00");
    assert_eq!(store.delete_run(&RunId("r00".into()), 71), Ok(()));
    assert!(store.runs.is_empty());
    assert_eq!(store.teams.len(), 1, "deleting a run keeps its team");
    assert_eq!(
        store.delete_run(&RunId("r00".into()), 72),
        Err(ChangeError::UnknownRun)
    );
    assert_eq!(
        store.delete_team(&TeamId("t1".into()), 72),
        Err(ChangeError::UnknownTeam)
    );
    assert_eq!(store.revision, 5);
}

#[test]
fn notes_are_kept_and_never_overwrite_an_edit_made_elsewhere() {
    let mut store = two_teams();
    let run = RunId("r00".into());
    store.finish(&run, 80).unwrap();
    store
        .set_notes(&run, "", "Deploys still wait for CAB.", 81)
        .expect("notes on a finished run");
    let revision = store.revision;
    assert_eq!(
        store.set_notes(&run, "", "Something else", 82),
        Err(ChangeError::EditedElsewhere {
            theirs: "Deploys still wait for CAB.".into()
        })
    );
    store
        .set_notes(
            &run,
            "Deploys still wait for CAB.",
            "Deploys still wait for CAB.",
            83,
        )
        .unwrap();
    assert_eq!(
        store.revision, revision,
        "saving unchanged notes is not a change"
    );
    assert_eq!(
        store.set_notes(&run, "Deploys still wait for CAB.", &"n".repeat(4001), 84),
        Err(ChangeError::NotesTooLong)
    );
}

/// One change a user can make, with small indexes into whatever exists.
#[derive(Debug, Clone)]
enum Op {
    Start(usize, u8),
    Rename(usize, usize),
    Archive(usize, bool),
    DeleteTeam(usize),
    DeleteRun(usize),
    Answer(usize, u8),
    Notes(usize, String),
    Finish(usize),
}

const NAMES: [&str; 5] = ["Payments", "payments ", "Search", "Platform", "Été Ops"];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..5usize, 0..3u8).prop_map(|(n, q)| Op::Start(n, q)),
        (0..4usize, 0..5usize).prop_map(|(t, n)| Op::Rename(t, n)),
        (0..4usize, any::<bool>()).prop_map(|(t, a)| Op::Archive(t, a)),
        (0..4usize).prop_map(Op::DeleteTeam),
        (0..6usize).prop_map(Op::DeleteRun),
        (0..6usize, any::<u8>()).prop_map(|(r, v)| Op::Answer(r, v)),
        (0..6usize, "\\PC{0,12}").prop_map(|(r, n)| Op::Notes(r, n)),
        (0..6usize).prop_map(Op::Finish),
    ]
}

proptest! {
    #[test]
    fn any_sequence_of_changes_keeps_the_store_valid_and_round_trips(ops in prop::collection::vec(op(), 0..40)) {
        let mut store = Store::new();
        for (i, op) in ops.into_iter().enumerate() {
            let now = i as i64;
            let team = |store: &Store, t: usize| store.teams.get(t).map(|t| (t.id.clone(), t.name.clone()));
            let run = |store: &Store, r: usize| store.runs.get(r).map(|r| (r.id.clone(), r.notes.clone()));
            let before = store.clone();
            let result = match op {
                Op::Start(n, q) => store
                    .start_run(NAMES[n], vec![["calms", "dora", "westrum"][q as usize].into()],
                        TeamId(format!("t{i}")), RunId(format!("r{i}")), now)
                    .map(|_| ()),
                Op::Rename(t, n) => match team(&store, t) {
                    Some((id, was)) => store.rename_team(&id, &was, NAMES[n], now),
                    None => Ok(()),
                },
                Op::Archive(t, a) => match team(&store, t) {
                    Some((id, _)) => store.set_archived(&id, a, now),
                    None => Ok(()),
                },
                Op::DeleteTeam(t) => match team(&store, t) {
                    Some((id, _)) => store.delete_team(&id, now).map(|_| ()),
                    None => Ok(()),
                },
                Op::DeleteRun(r) => match run(&store, r) {
                    Some((id, _)) => store.delete_run(&id, now),
                    None => Ok(()),
                },
                Op::Answer(r, v) => match run(&store, r) {
                    Some((id, _)) => store.answer(&id, "calms.lean.wip", v, now),
                    None => Ok(()),
                },
                Op::Notes(r, text) => match run(&store, r) {
                    Some((id, was)) => store.set_notes(&id, &was, &text, now),
                    None => Ok(()),
                },
                Op::Finish(r) => match run(&store, r) {
                    Some((id, _)) => store.finish(&id, now),
                    None => Ok(()),
                },
            };
            if result.is_err() {
                prop_assert_eq!(&store, &before, "a refused change changes nothing");
            }
            prop_assert!(store.check().is_ok(), "{:?}", store.check());
            let names: BTreeSet<String> = store.teams.iter().map(|t| t.name.trim().to_lowercase()).collect();
            prop_assert_eq!(names.len(), store.teams.len(), "team names stay distinct");
            prop_assert!(store.revision >= before.revision);
        }
        let text = store.encode().unwrap();
        prop_assert_eq!(Store::decode(&text), Ok(store));
    }
}
