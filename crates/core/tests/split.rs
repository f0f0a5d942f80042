//! The store split across browser-storage entries (an envelope and one entry per
//! team's runs) reads back exactly as the whole store, and damage in any part is
//! refused as a whole store's would be.

use maturity_core::error::DecodeError;
use maturity_core::Store;
use std::collections::BTreeMap;

const V4: &str = include_str!("fixtures/store-v4.json");

fn split(store: &Store) -> (String, BTreeMap<String, String>) {
    let mut runs_in = BTreeMap::new();
    let mut entries = BTreeMap::new();
    for (i, (team, runs)) in store.runs_by_team().into_iter().enumerate() {
        let key = format!("entry-{i}");
        entries.insert(key.clone(), Store::encode_runs(&runs).unwrap());
        runs_in.insert(team.clone(), key);
    }
    (store.encode_envelope(&runs_in).unwrap(), entries)
}

fn read(envelope: &str, entries: &BTreeMap<String, String>) -> Result<Store, DecodeError> {
    let (store, runs_in) = Store::decode_envelope(envelope)?;
    let mut runs = Vec::new();
    for (team, key) in &runs_in {
        runs.push(Store::decode_runs(team, &entries[key])?);
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
    let first_team = runs_in.keys().next().unwrap().clone();
    let runs = Store::decode_runs(&first_team, &entries[&runs_in[&first_team]]).unwrap();
    let doubled: Vec<_> = runs.iter().chain(&runs).collect();
    twice.insert(
        runs_in[&first_team].clone(),
        Store::encode_runs(&doubled).unwrap(),
    );
    assert!(read(&envelope, &twice).is_err());
    // An envelope naming an entry for a team that does not exist.
    let ghost = envelope.replacen("\"runs_in\":{", "\"runs_in\":{\"ghost\":\"entry-9\",", 1);
    assert!(matches!(
        Store::decode_envelope(&ghost),
        Err(DecodeError::Damaged(_))
    ));
}
