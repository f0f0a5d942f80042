//! `assets/i18n/core.json` translates exactly the texts the core writes itself
//! (`maturity_core::texts::all`), into every language but English, none empty.

use maturity_core::language::Language;
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_core_text_is_translated_into_every_language_and_nothing_else_is_listed() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/i18n/core.json");
    let text = std::fs::read_to_string(path).expect("assets/i18n/core.json");
    let file: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_str(&text).expect("core.json");
    let texts = maturity_core::texts::all();
    let listed: BTreeSet<&str> = file.keys().map(String::as_str).collect();
    let missing: Vec<&&str> = texts.iter().filter(|t| !listed.contains(**t)).collect();
    let stale: Vec<&&str> = listed.iter().filter(|t| !texts.contains(**t)).collect();
    assert!(missing.is_empty(), "core.json lacks: {missing:#?}");
    assert!(
        stale.is_empty(),
        "core.json lists texts the core no longer writes: {stale:#?}"
    );
    for (english, translations) in &file {
        for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
            let t = translations
                .get(language.code())
                .map(String::as_str)
                .unwrap_or("");
            assert!(
                !t.trim().is_empty(),
                "{english:?} has no {} translation",
                language.code()
            );
        }
        let extra: Vec<&String> = translations
            .keys()
            .filter(|c| {
                Language::from_tag(c).is_none_or(|l| l == Language::En || l.code() != c.as_str())
            })
            .collect();
        assert!(extra.is_empty(), "{english:?}: unknown languages {extra:?}");
    }
}
