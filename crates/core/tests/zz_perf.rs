use maturity_core::{Catalog, Store, TeamId};
use std::time::Instant;
fn best<T>(f: impl Fn() -> T) -> std::time::Duration { (0..7).map(|_| { let t = Instant::now(); let _ = f(); t.elapsed() }).min().unwrap() }
#[test]
fn perf() {
    let text = std::fs::read_to_string("/tmp/big-v1.json").unwrap();
    let store = Store::decode(&text).unwrap();
    eprintln!("decode v1 {:?}", best(|| Store::decode(&text).unwrap()));
    let v2 = store.encode().unwrap();
    eprintln!("decode v2 {:?}", best(|| Store::decode(&v2).unwrap()));
    let catalog = Catalog::builtin().unwrap();
    eprintln!("history {:?}", best(|| maturity_core::history::team_history(&store, &catalog, &TeamId("t-history".into()))));
    eprintln!("encode {:?}", best(|| store.encode().unwrap()));
}
