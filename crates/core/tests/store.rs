//! The stored envelope: changes, and decoding values we did not write ourselves.

use maturity_core::assessment::records::Action;
use maturity_core::error::*;
use maturity_core::store::{Store, STORE_SCHEMA};
use maturity_core::workshop::codec::{AnswerCode, Invitation, Layout};
use maturity_core::{Catalog, RunId, TeamId};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

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
        (
            "   ",
            vec!["calms".to_string()],
            ChangeError::Team(TeamError::EmptyName),
        ),
        (
            &*"x".repeat(81),
            vec!["calms".to_string()],
            ChangeError::Team(TeamError::NameTooLong),
        ),
        ("Team", vec![], ChangeError::Run(RunError::NoQuestionnaire)),
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
        Err(ChangeError::Run(RunError::Finished))
    );
    assert_eq!(
        store.answer(&RunId("nope".into()), "x", 0, 1500),
        Err(ChangeError::Run(RunError::Unknown))
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
        ("Payments", "  ", ChangeError::Team(TeamError::EmptyName)),
        (
            "Payments",
            &*"y".repeat(81),
            ChangeError::Team(TeamError::NameTooLong),
        ),
        (
            "Payments",
            " search ",
            ChangeError::Team(TeamError::NameTaken("Search".into())),
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
        Err(ChangeError::Team(TeamError::Unknown))
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
        Err(ChangeError::Run(RunError::Unknown))
    );
    assert_eq!(
        store.delete_team(&TeamId("t1".into()), 72),
        Err(ChangeError::Team(TeamError::Unknown))
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

/// One change a user can make, with small indexes into whatever exists. A workshop
/// or participation index past the end names one that is not there (deleted in
/// another tab), which must be refused without changing anything.
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
    /// (run, question, value): any question, any value.
    AnswerAny(usize, usize, u8),
    /// (team name, questionnaires, workshop id)
    StartWorkshop(usize, usize, u32),
    /// (workshop, participant, edits, (question, value) answers)
    Submit(usize, u32, u32, Vec<(usize, u8)>),
    DropSubmission(usize, u32),
    Reveal(usize, usize, bool),
    Agree(usize, usize, Option<u8>),
    /// (workshop, what, due)
    AddAction(usize, String, usize),
    RemoveAction(usize, usize),
    SaveWorkshop(usize),
    DeleteWorkshop(usize),
    /// (workshop id, team name, questionnaires, participant)
    Join(u32, usize, usize, u32),
    ParticipantAnswer(usize, usize, Option<u8>),
    Leave(usize),
}

const NAMES: [&str; 5] = ["Payments", "payments ", "Search", "Platform", "Été Ops"];

/// Built-in questions of every kind: 5, 6 and 7 choices, classifications, percentages.
const QUESTIONS: [&str; 8] = [
    "calms.lean.wip",
    "calms.culture.shared-goals",
    "three-ways.flow.handoff-count",
    "dora.lead-time",
    "dora.change-failure-rate",
    "westrum.messengers",
    "tt.team-kind",
    "tt.interaction.duration",
];

/// What a workshop (or a join link) is about; the empty list is refused.
const QUESTIONNAIRES: [&[&str]; 4] = [
    &["calms"],
    &["dora", "team-topologies"],
    &["westrum", "three-ways", "calms"],
    &[],
];

const DUE: [&str; 3] = ["", "2026-12-01", "next week"];

/// Workshop ids: few, so that an id is sometimes taken. None of them is `MISSING`.
const MISSING: u32 = 0xdead;

/// An answer: around the end of the choices, around 100%, or anything at all.
fn value() -> impl Strategy<Value = u8> {
    prop_oneof![0..8u8, 98..=102u8, any::<u8>()]
}

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

/// The changes of [`op`] and those of workshops, facilitated and joined.
fn workshop_op() -> impl Strategy<Value = Op> {
    let q = 0..QUESTIONS.len();
    prop_oneof![
        2 => op(),
        1 => (0..6usize, q.clone(), value()).prop_map(|(r, q, v)| Op::AnswerAny(r, q, v)),
        3 => (0..5usize, 0..QUESTIONNAIRES.len(), 0..4u32)
            .prop_map(|(n, q, id)| Op::StartWorkshop(n, q, id)),
        3 => (
            0..2usize,
            0..4u32,
            0..4u32,
            prop::collection::vec((q.clone(), value()), 0..4)
        )
            .prop_map(|(w, p, e, a)| Op::Submit(w, p, e, a)),
        1 => (0..2usize, 0..4u32).prop_map(|(w, p)| Op::DropSubmission(w, p)),
        1 => (0..2usize, q.clone(), any::<bool>()).prop_map(|(w, q, r)| Op::Reveal(w, q, r)),
        3 => (0..2usize, q.clone(), prop::option::of(value()))
            .prop_map(|(w, q, v)| Op::Agree(w, q, v)),
        1 => (0..2usize, "\\PC{0,8}", 0..DUE.len()).prop_map(|(w, t, d)| Op::AddAction(w, t, d)),
        1 => (0..2usize, 0..2usize).prop_map(|(w, a)| Op::RemoveAction(w, a)),
        2 => (0..2usize).prop_map(Op::SaveWorkshop),
        1 => (0..2usize).prop_map(Op::DeleteWorkshop),
        2 => (0..4u32, 0..5usize, 0..QUESTIONNAIRES.len(), any::<u32>())
            .prop_map(|(w, n, q, p)| Op::Join(w, n, q, p)),
        3 => (0..2usize, q, prop::option::of(value()))
            .prop_map(|(p, q, v)| Op::ParticipantAnswer(p, q, v)),
        1 => (0..2usize).prop_map(Op::Leave),
    ]
}

fn questionnaires(i: usize) -> Vec<String> {
    QUESTIONNAIRES[i].iter().map(|q| q.to_string()).collect()
}

/// Makes change `op` as the `i`th change, at time `i`.
fn apply(store: &mut Store, catalog: &Catalog, i: usize, op: Op) -> Result<(), ChangeError> {
    let now = i as i64;
    let team = |store: &Store, t: usize| store.teams.get(t).map(|t| (t.id.clone(), t.name.clone()));
    let run = |store: &Store, r: usize| store.runs.get(r).map(|r| (r.id.clone(), r.notes.clone()));
    let workshop = |store: &Store, w: usize| store.workshops.get(w).map_or(MISSING, |w| w.id);
    let joined =
        |store: &Store, p: usize| store.participations.get(p).map_or(MISSING, |p| p.workshop);
    match op {
        Op::Start(n, q) => store
            .start_run(
                NAMES[n],
                vec![["calms", "dora", "westrum"][q as usize].into()],
                TeamId(format!("t{i}")),
                RunId(format!("r{i}")),
                now,
            )
            .map(|_| ()),
        Op::Rename(t, n) => match team(store, t) {
            Some((id, was)) => store.rename_team(&id, &was, NAMES[n], now),
            None => Ok(()),
        },
        Op::Archive(t, a) => match team(store, t) {
            Some((id, _)) => store.set_archived(&id, a, now),
            None => Ok(()),
        },
        Op::DeleteTeam(t) => match team(store, t) {
            Some((id, _)) => store.delete_team(&id, now).map(|_| ()),
            None => Ok(()),
        },
        Op::DeleteRun(r) => match run(store, r) {
            Some((id, _)) => store.delete_run(&id, now),
            None => Ok(()),
        },
        Op::Answer(r, v) => match run(store, r) {
            Some((id, _)) => store.answer(&id, "calms.lean.wip", v, now),
            None => Ok(()),
        },
        Op::Notes(r, text) => match run(store, r) {
            Some((id, was)) => store.set_notes(&id, &was, &text, now),
            None => Ok(()),
        },
        Op::Finish(r) => match run(store, r) {
            Some((id, _)) => store.finish(&id, now),
            None => Ok(()),
        },
        Op::AnswerAny(r, q, v) => match run(store, r) {
            Some((id, _)) => store.answer(&id, QUESTIONS[q], v, now),
            None => Ok(()),
        },
        Op::StartWorkshop(n, q, id) => {
            let questionnaires = questionnaires(q);
            let layout = Layout::new(catalog, &questionnaires);
            store
                .start_workshop(
                    NAMES[n],
                    questionnaires,
                    &layout,
                    TeamId(format!("t{i}")),
                    id,
                    now,
                )
                .map(|_| ())
        }
        Op::Submit(w, participant, edits, answers) => {
            let code = AnswerCode {
                workshop: workshop(store, w),
                participant,
                edits,
                answers: answers
                    .into_iter()
                    .map(|(q, v)| (QUESTIONS[q].to_string(), v))
                    .collect(),
            };
            store.add_submission(code, now).map(|_| ())
        }
        Op::DropSubmission(w, p) => store.drop_submission(workshop(store, w), p, now),
        Op::Reveal(w, q, r) => store.set_revealed(workshop(store, w), QUESTIONS[q], r, now),
        Op::Agree(w, q, v) => store.agree(workshop(store, w), QUESTIONS[q], v, now),
        Op::AddAction(w, what, due) => {
            let action = Action {
                id: format!("a{i}"),
                what,
                owner: String::new(),
                due: DUE[due].to_string(),
                done: false,
                target: None,
            };
            store.add_action(workshop(store, w), action, now)
        }
        Op::RemoveAction(w, a) => {
            let id = workshop(store, w);
            let action = store
                .workshop(id)
                .and_then(|w| w.actions.get(a))
                .map_or_else(|| "gone".to_string(), |a| a.id.clone());
            store.remove_action(id, &action, now)
        }
        Op::SaveWorkshop(w) => store
            .save_workshop(workshop(store, w), catalog, RunId(format!("r{i}")), now)
            .map(|_| ()),
        Op::DeleteWorkshop(w) => store.delete_workshop(workshop(store, w), now),
        Op::Join(id, n, q, participant) => {
            let questionnaires = questionnaires(q);
            let invitation = Invitation {
                workshop: id,
                team_name: NAMES[n].to_string(),
                layout: Layout::new(catalog, &questionnaires).fingerprint(),
                questionnaires,
            };
            store.join(&invitation, participant, now);
            Ok(())
        }
        Op::ParticipantAnswer(p, q, v) => {
            store.participant_answer(joined(store, p), QUESTIONS[q], v, now)
        }
        Op::Leave(p) => store.leave(joined(store, p), now),
    }
}

/// What must hold after every change, accepted or refused.
fn check_change(
    store: &Store,
    before: &Store,
    result: &Result<(), ChangeError>,
) -> Result<(), TestCaseError> {
    if result.is_err() {
        prop_assert_eq!(store, before, "a refused change changes nothing");
    }
    prop_assert!(store.check().is_ok(), "{:?}", store.check());
    let names: BTreeSet<String> = store
        .teams
        .iter()
        .map(|t| t.name.trim().to_lowercase())
        .collect();
    prop_assert_eq!(names.len(), store.teams.len(), "team names stay distinct");
    prop_assert!(store.revision >= before.revision);
    Ok(())
}

/// Every answer the store keeps is one its question accepts: a run's, a room's
/// agreed team answer, a participant's own, a collected code's, and every answer
/// of a saved workshop's spread. (Every question used here is built in.) The rule
/// is the store's, not only the codec's: a code reaches `add_submission` as an
/// `AnswerCode`, whoever made it.
fn check_answers_fit(store: &Store, catalog: &Catalog) -> Result<(), TestCaseError> {
    let fits = |id: &str, value: u8| catalog.question(id).is_some_and(|q| q.accepts(value));
    let unfit = |answers: &BTreeMap<String, u8>| {
        answers
            .iter()
            .find(|(id, &v)| !fits(id, v))
            .map(|(id, v)| format!("{v} for {id}"))
    };
    for run in &store.runs {
        if let Some(unfit) = unfit(&run.answers) {
            prop_assert!(false, "run {} keeps {}", run.id.0, unfit);
        }
        for (id, values) in run.workshop.iter().flat_map(|w| &w.spread) {
            for &v in values {
                prop_assert!(
                    fits(id, v),
                    "the room's answers in run {} keep {} for {}",
                    run.id.0,
                    v,
                    id
                );
            }
        }
    }
    for w in &store.workshops {
        if let Some(unfit) = unfit(&w.agreed) {
            prop_assert!(
                false,
                "workshop {}'s agreed team answers keep {}",
                w.id,
                unfit
            );
        }
        for s in &w.submissions {
            if let Some(unfit) = unfit(&s.answers) {
                prop_assert!(
                    false,
                    "workshop {}'s code of participant {} keeps {}",
                    w.id,
                    s.participant,
                    unfit
                );
            }
        }
    }
    for p in &store.participations {
        if let Some(unfit) = unfit(&p.answers) {
            prop_assert!(
                false,
                "the participation in workshop {} keeps {}",
                p.workshop,
                unfit
            );
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_sequence_of_changes_keeps_the_store_valid_and_round_trips(ops in prop::collection::vec(op(), 0..40)) {
        let catalog = Catalog::builtin();
        let mut store = Store::new();
        for (i, op) in ops.into_iter().enumerate() {
            let before = store.clone();
            let result = apply(&mut store, &catalog, i, op);
            check_change(&store, &before, &result)?;
        }
        let text = store.encode().unwrap();
        prop_assert_eq!(Store::decode(&text), Ok(store));
    }

    /// The same with workshops: starting one, collecting codes (whose answers may be
    /// ones a question does not accept), agreeing team answers (any value), revealing,
    /// actions, saving, deleting; and a participant's joining, answering and leaving.
    #[test]
    fn any_sequence_of_workshop_changes_keeps_every_answer_fit_and_round_trips(
        ops in prop::collection::vec(workshop_op(), 0..50)
    ) {
        let catalog = Catalog::builtin();
        let mut store = Store::new();
        for (i, op) in ops.into_iter().enumerate() {
            let before = store.clone();
            let result = apply(&mut store, &catalog, i, op);
            check_change(&store, &before, &result)?;
            check_answers_fit(&store, &catalog)?;
        }
        let text = store.encode().unwrap();
        prop_assert_eq!(Store::decode(&text), Ok(store));
    }
}
