//! Every stored format that has shipped reads into the current one, answers and
//! dates intact. Fixtures are files the app of that version wrote; never edit them:
//! add a new one when the format changes.

use maturity_core::error::DecodeError;
use maturity_core::store::STORE_SCHEMA;
use maturity_core::{Catalog, Store};
use serde_json::Value;
use std::collections::BTreeMap;

const V1: &str = include_str!("fixtures/store-v1.json");
const V2: &str = include_str!("fixtures/store-v2.json");
const V3: &str = include_str!("fixtures/store-v3.json");
const V4: &str = include_str!("fixtures/store-v4.json");

fn raw_runs(text: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(text).expect("fixture is JSON");
    value["runs"].as_array().expect("runs").clone()
}

#[test]
fn every_shipped_schema_has_a_fixture() {
    for (schema, text) in [(1, V1), (2, V2), (3, V3), (4, V4)] {
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(value["schema"], schema);
    }
    assert_eq!(
        STORE_SCHEMA, 4,
        "a new schema needs a fixture here and a test"
    );
}

#[test]
fn schema_1_migrates_with_answers_dates_and_teams_intact() {
    let store = Store::decode(V1).expect("v1 reads");
    assert_eq!(store.schema, STORE_SCHEMA);
    let raw = raw_runs(V1);
    assert_eq!(store.runs.len(), raw.len());
    assert_eq!(store.runs.len(), 4);
    for (run, raw) in store.runs.iter().zip(&raw) {
        assert_eq!(run.id.0, raw["id"]);
        assert_eq!(run.team.0, raw["team"]);
        assert_eq!(Value::from(run.started_at), raw["started_at"]);
        assert_eq!(
            run.finished_at.map(Value::from).unwrap_or(Value::Null),
            raw["finished_at"]
        );
        assert_eq!(Value::from(run.position), raw["position"]);
        let flat: BTreeMap<String, u8> = serde_json::from_value(raw["answers"].clone()).unwrap();
        assert!(!flat.is_empty());
        assert_eq!(run.answers, flat, "run {}", run.id.0);
        assert_eq!(run.notes, "");
    }
    let names: Vec<&str> = store.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Payments", "Search & Discovery <b>"]);
    assert!(store.teams.iter().all(|t| !t.archived));
    let value: Value = serde_json::from_str(V1).unwrap();
    assert_eq!(Value::from(store.revision), value["revision"]);
    assert_eq!(Value::from(store.updated_at), value["updated_at"]);
}

#[test]
fn schema_2_fixture_reads_as_the_migrated_schema_1() {
    let v1 = Store::decode(V1).unwrap();
    let v2 = Store::decode(V2).expect("v2 reads");
    assert_eq!(v1, v2);
    // Schema 3 only added optional parts: the v2 text, with its new schema number,
    // is exactly what this build writes for it.
    let written: Value = serde_json::from_str(&v2.encode().unwrap()).unwrap();
    let mut fixture: Value = serde_json::from_str(V2).unwrap();
    fixture["schema"] = Value::from(STORE_SCHEMA);
    assert_eq!(written, fixture);
}

#[test]
fn schema_3_reads_and_writes_back_exactly() {
    let v2 = Store::decode(V2).unwrap();
    let v3 = Store::decode(V3).expect("v3 reads");
    // Everything from before is still there, untouched.
    for run in &v2.runs {
        assert_eq!(v3.run(&run.id), Some(run));
    }
    assert_eq!(&v3.teams[..v2.teams.len()], &v2.teams[..]);
    // The workshop parts: a saved workshop, its run with spread, notes and a done
    // action; an open workshop; a participation.
    let saved = v3.workshop(0x1a2b3c4d).unwrap();
    let run = v3.run(saved.run.as_ref().unwrap()).unwrap();
    let record = run.workshop.as_ref().unwrap();
    assert_eq!(record.participants, 3);
    assert_eq!(record.spread["westrum.messengers"], [2, 4, 6]);
    assert_eq!(record.discussion.len(), 1);
    assert!(run.actions[0].done);
    let open = v3.workshop(0xbeef).unwrap();
    assert_eq!(open.submissions.len(), 1);
    assert_eq!(open.submissions[0].edits, 1);
    assert_eq!(
        (
            open.revealed.len(),
            open.agreed.len(),
            open.discussion.len(),
            open.actions.len()
        ),
        (1, 1, 1, 1)
    );
    assert!(
        saved.submissions.is_empty(),
        "saved: everything lives in the run"
    );
    assert_eq!(v3.participations[0].answers["westrum.messengers"], 3);
    // Schema 4 only added optional parts: the v3 text, with its new schema
    // number, is exactly what this build writes for it.
    let written: Value = serde_json::from_str(&v3.encode().unwrap()).unwrap();
    let mut fixture: Value = serde_json::from_str(V3).unwrap();
    fixture["schema"] = Value::from(STORE_SCHEMA);
    assert_eq!(written, fixture);
}

#[test]
fn schema_4_keeps_tags_and_experiments_and_writes_back_exactly() {
    use maturity_core::assessment::records::Direction;
    let v3 = Store::decode(V3).unwrap();
    let v4 = Store::decode(V4).expect("v4 reads");
    for run in &v3.runs {
        let now = v4.run(&run.id).unwrap();
        assert_eq!(now.answers, run.answers);
        assert_eq!(now.actions[..run.actions.len()], run.actions[..]);
    }
    assert_eq!(v4.teams[0].tags, ["Payments tribe", "Client: Acme"]);
    assert!(v4.teams[1].tags.is_empty());
    let experiments: Vec<_> = v4
        .runs
        .iter()
        .flat_map(|r| &r.actions)
        .filter_map(|a| a.target.as_ref())
        .collect();
    assert_eq!(experiments.len(), 2);
    assert_eq!(experiments[0].dimension, "measurement");
    assert_eq!(experiments[0].direction, Direction::Up);
    assert_eq!(experiments[1].question, "three-ways.flow.handoffs");
    assert_eq!(experiments[1].direction, Direction::Down);
    let written: Value = serde_json::from_str(&v4.encode().unwrap()).unwrap();
    let fixture: Value = serde_json::from_str(V4).unwrap();
    assert_eq!(written, fixture);
}

#[test]
fn migrated_data_scores_as_it_did() {
    let catalog = Catalog::builtin();
    let store = Store::decode(V1).unwrap();
    let run = &store.runs[0];
    let raw = &raw_runs(V1)[0];
    let flat: BTreeMap<String, u8> = serde_json::from_value(raw["answers"].clone()).unwrap();
    for id in &run.questionnaires {
        let q = catalog.get(id).unwrap();
        assert_eq!(
            maturity_core::score(q, &run.answers),
            maturity_core::score(q, &flat)
        );
    }
}

/// The most a run of every questionnaire with every question answered may take
/// when stored (500 of them fit well within a browser's 5 MB).
const FULL_RUN_BYTES: usize = 3 * 1024;

#[test]
fn a_full_run_of_every_questionnaire_stays_under_three_kilobytes() {
    let mut store = Store::decode(V1).unwrap();
    let catalog = Catalog::builtin();
    let run = &mut store.runs[0];
    assert_eq!(run.questionnaires.len(), 5);
    // Today's questions, every one answered (with the widest values).
    run.answers = catalog
        .steps(&run.questionnaires)
        .iter()
        .map(|s| (s.question().id.clone(), s.question().answer_count() - 1))
        .collect();
    let bytes = serde_json::to_string(&*run).unwrap().len();
    assert!(bytes <= FULL_RUN_BYTES, "a full run takes {bytes} bytes");
    println!("a full run takes {bytes} bytes");
}

#[test]
fn damaged_old_formats_are_refused_not_guessed() {
    let cases = [
        (
            r#"{"app":"devops-maturity","schema":1,"revision":1,"updated_at":0,"teams":[]}"#,
            "missing field `runs`",
        ),
        (
            r#"{"app":"devops-maturity","schema":1,"revision":1,"updated_at":0,"teams":[],"runs":[{"answers":{"a.b":"x"}}]}"#,
            "expected u8",
        ),
        (
            r#"{"app":"devops-maturity","schema":1,"revision":1,"updated_at":0,"teams":[],"runs":[],"notes":"v2 only"}"#,
            "unknown field `notes`",
        ),
        (
            r#"{"app":"devops-maturity","schema":2,"revision":1,"updated_at":0,"teams":[],"runs":[],"workshops":[{"id":1,"team":"t","questionnaires":[],"layout":0,"created_at":0}]}"#,
            "workshop data",
        ),
        (
            r#"{"app":"devops-maturity","schema":0,"revision":1,"updated_at":0,"teams":[],"runs":[]}"#,
            "format 0",
        ),
    ];
    for (text, mentions) in cases {
        let error = Store::decode(text).expect_err(text);
        assert!(
            matches!(error, DecodeError::Damaged(_) | DecodeError::Unsupported(_)),
            "{error:?}"
        );
        assert!(
            error.to_string().contains(mentions),
            "{error} should mention {mentions}"
        );
    }
}
