//! Turns the English message catalogue (`assets/i18n/en/*.json`, one file per part
//! of the app, merged) into typed keys:
//! `crate::i18n::k::HEADER_PRIVACY` for `"header.privacy"`, so a key the code uses
//! but the catalogue lacks fails the build. The other languages are checked
//! against the same catalogue by `assets/i18n.mjs` (at build time) and by
//! `tests/i18n.test.mjs`.
//!
//! It also reads the shell's calls of the messages (`tools/i18n_calls.rs`): a
//! message no code uses, or a call that fills other placeholders than its message
//! has, fails the build.

#[path = "tools/i18n_calls.rs"]
mod i18n_calls;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

/// The key's name in `k`: `COACH_SORT` for `"coach.sort"`.
fn const_name(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Fails the build on a message no code uses or a call that fills the wrong
/// placeholders, listing every one.
fn check_calls(messages: &BTreeMap<String, serde_json::Value>) {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=tools/i18n_calls.rs");
    let placeholders: i18n_calls::Placeholders = messages
        .iter()
        .map(|(key, value)| {
            let texts: Vec<&str> = match value {
                serde_json::Value::Object(forms) => {
                    forms.values().filter_map(|v| v.as_str()).collect()
                }
                other => other.as_str().into_iter().collect(),
            };
            let names = texts
                .iter()
                .flat_map(|t| i18n_calls::placeholders(t))
                .collect();
            (const_name(key), names)
        })
        .collect();
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                println!("cargo:rerun-if-changed={}", path.display());
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                files.push((path.display().to_string(), text));
            }
        }
    }
    files.sort();
    let problems = i18n_calls::check(&placeholders, &files);
    if !problems.is_empty() {
        panic!(
            "the shell's messages and their calls disagree:\n{}",
            problems.join("\n")
        );
    }
}

fn main() {
    let dir = "assets/i18n/en";
    println!("cargo:rerun-if-changed={dir}");
    // Sorted by key: the order of every language's strings in its bundle.
    let mut messages: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for file in files {
        let path = file.display().to_string();
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
        let part: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (key, value) in part {
            if messages.insert(key.clone(), value).is_some() {
                panic!("{path}: {key}: the key is also in another file of {dir}");
            }
        }
    }
    check_calls(&messages);
    let path = dir;
    let mut keys = String::new();
    let mut english = String::new();
    for (index, (key, value)) in messages.iter().enumerate() {
        let name = const_name(key);
        writeln!(keys, "    pub const {name}: Key = Key({index});").unwrap();
        let message = match value {
            serde_json::Value::String(s) => format!("Msg::Text({s:?})"),
            serde_json::Value::Object(forms) => {
                let forms: Vec<String> = forms
                    .iter()
                    .map(|(category, s)| {
                        let s = s
                            .as_str()
                            .unwrap_or_else(|| panic!("{path}: {key}.{category}: not text"));
                        format!("({category:?}, {s:?})")
                    })
                    .collect();
                format!("Msg::Plural(&[{}])", forms.join(", "))
            }
            _ => panic!("{path}: {key}: a message is text or an object of plural forms"),
        };
        writeln!(english, "    {message},").unwrap();
    }
    let n = messages.len();
    let code = format!(
        "/// Every message key, named after its key in `assets/i18n/en.json`.\n\
         #[allow(dead_code)]\npub mod k {{\n    use super::Key;\n{keys}}}\n\n\
         /// The English messages, in key order.\n\
         pub static ENGLISH: [Msg; {n}] = [\n{english}];\n"
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(out, code).unwrap();
}
