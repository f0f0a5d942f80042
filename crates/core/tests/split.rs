//! The store split across browser-storage entries (an envelope and one entry per
//! team's runs) reads back exactly as the whole store, and damage in any part is
//! refused as a whole store's would be.

use maturity_core::error::DecodeError;
use maturity_core::Store;
use std::collections::BTreeMap;

const V4: &str = include_str!("fixtures/store-v4.json");

fn split(store: &Store) -> (String, BTreeMap<String, String>) {
    let mut runs_in = Vec::new();
    let mut entries = BTreeMap::new();
    for (i, (_, runs)) in store.runs_by_team().into_iter().enumerate() {
        let key = format!("entry-{i}");
        let runs = runs.into_iter().cloned().collect();
        entries.insert(key.clone(), Store::encode_runs(runs).unwrap());
        runs_in.push(key);
    }
    let envelope = store.clone().encode_envelope(runs_in).unwrap();
    (envelope, entries)
}

fn read(envelope: &str, entries: &BTreeMap<String, String>) -> Result<Store, DecodeError> {
    let (store, runs_in) = Store::decode_envelope(envelope)?;
    let mut runs = Vec::new();
    for key in &runs_in {
        runs.push(Store::decode_runs(&entries[key])?.1);
    }
    store.joined(runs).map(|(s, _)| s)
}

#[test]
fn a_split_store_reads_back_equal_in_the_same_order_per_team() {
    let store = Store::decode(V4).unwrap();
    assert!(
        store.runs_by_team().len() >= 2,
        "the fixture has runs of two teams"
    );
    let (envelope, entries) = split(&store);
    let value: serde_json::Value = serde_json::from_str(&envelope).unwrap();
    assert_eq!(
        value["runs"],
        serde_json::json!([]),
        "no run in the envelope"
    );
    let back = read(&envelope, &entries).unwrap();
    assert_eq!(back.teams, store.teams);
    assert_eq!(back.workshops, store.workshops);
    assert_eq!(back.participations, store.participations);
    assert!(back.runs_in.is_empty());
    let mut a = back.runs.clone();
    let mut b = store.runs.clone();
    a.sort_by(|x, y| x.id.cmp(&y.id));
    b.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(a, b);
    // The whole store written from it is the one written before.
    let mut back = back;
    back.runs = store.runs.clone();
    assert_eq!(back, store);
}

#[test]
fn an_envelope_is_not_a_backup_and_damage_anywhere_is_refused() {
    let store = Store::decode(V4).unwrap();
    let (envelope, entries) = split(&store);
    // An envelope read as a whole store (say, imported) is refused, not read as
    // a store without assessments.
    let error = Store::decode(&envelope).unwrap_err();
    assert!(error.to_string().contains("kept apart"), "{error}");
    // An entry holding another team's runs.
    let mut swapped = entries.clone();
    let keys: Vec<String> = entries.keys().cloned().collect();
    swapped.insert(keys[0].clone(), entries[&keys[1]].clone());
    assert!(matches!(
        read(&envelope, &swapped),
        Err(DecodeError::Damaged(_))
    ));
    // An entry that is not runs.
    let mut broken = entries.clone();
    broken.insert(keys[0].clone(), "{\"runs\":1}".into());
    assert!(matches!(
        read(&envelope, &broken),
        Err(DecodeError::Damaged(_))
    ));
    // A run in two entries: ids must stay unique.
    let mut twice = entries.clone();
    let (_, runs_in) = Store::decode_envelope(&envelope).unwrap();
    let first_key = runs_in[0].clone();
    let (_, runs) = Store::decode_runs(&entries[&first_key]).unwrap();
    let doubled: Vec<_> = runs.iter().chain(&runs).cloned().collect();
    twice.insert(first_key, Store::encode_runs(doubled).unwrap());
    assert!(read(&envelope, &twice).is_err());
    // An entry of a team that does not exist, or of two teams at once.
    let (_, runs_in) = Store::decode_envelope(&envelope).unwrap();
    let (_, mut runs) = Store::decode_runs(&entries[&runs_in[0]]).unwrap();
    runs[0].team.0 = "ghost".into();
    let mut ghost = entries.clone();
    ghost.insert(
        runs_in[0].clone(),
        Store::encode_runs(runs.clone()).unwrap(),
    );
    assert!(matches!(
        read(&envelope, &ghost),
        Err(DecodeError::Damaged(_))
    ));
    if runs.len() > 1 {
        assert!(Store::decode_runs(&Store::encode_runs(runs).unwrap()).is_err());
    }
    // An entry with no runs at all.
    assert!(Store::decode_runs(&Store::encode_runs(Vec::new()).unwrap()).is_err());
}

#[test]
fn a_damaged_split_state_is_kept_whole_as_one_json_object() {
    let envelope = r#"{"app":"devops-maturity","runs_in":["a","b"]}"#;
    let entries = vec![
        (
            "k.runs.1.w.a".to_string(),
            Some("{\"runs\":[\"x\"]}".to_string()),
        ),
        ("k.runs.1.w.b".to_string(), None),
    ];
    let text = maturity_core::store::split::damaged_backup(envelope, &entries);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["envelope"], envelope,
        "the envelope's text, unchanged"
    );
    assert_eq!(value["entries"]["k.runs.1.w.a"], "{\"runs\":[\"x\"]}");
    assert!(
        value["entries"]["k.runs.1.w.b"].is_null(),
        "a missing entry is null"
    );
    assert_eq!(value.as_object().unwrap().len(), 2);
}
