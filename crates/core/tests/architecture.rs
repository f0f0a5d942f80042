//! The architecture invariants of the README, checked by reading the source: imports
//! in the core run one way, the core knows nothing of the browser, no page imports
//! another page, one module each touches storage and ECharts, and every module says
//! what it is for. A change that breaks one fails here, naming the file and line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The core's layers, lowest first (as `crates/core/src/lib.rs` states them): a
/// module may use modules of lower layers only.
const CORE_LAYERS: &[&[&str]] = &[
    &["limits", "words", "sources", "language"],
    &["error", "model", "deploys"],
    &["records", "validate"],
    &["catalog"],
    &["scoring", "topologies"],
    &["dora", "recommend", "codec", "workshop"],
    &["benchmarks", "measure"],
    &["store", "texts"],
    &["history", "import", "collect", "dora_trend"],
    &["experiments"],
    &["export"],
    &["portfolio"],
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, with its path relative to `dir`.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at).unwrap_or_else(|e| panic!("{}: {e}", at.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.push((relative, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

/// The top-level module a file of `crates/core/src` belongs to (`store/runs.rs` is
/// part of `store`).
fn core_module(file: &str) -> &str {
    let first = file.split('/').next().unwrap_or(file);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// Lines of code, without comments (`//`, `///`, `//!`).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
}

/// Every `crate::name` a line of code names, with the line.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in code_lines(text) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let whole_word =
                at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            if whole_word && !name.is_empty() {
                found.push((number, name));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn core_imports_run_one_way() {
    let layer: BTreeMap<&str, usize> = CORE_LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, i)))
        .collect();
    let mut wrong = Vec::new();
    for (file, text) in sources(&root().join("crates/core/src")) {
        let module = core_module(&file);
        if module == "lib" {
            continue;
        }
        let Some(&own) = layer.get(module) else {
            panic!("crates/core/src/{file}: module `{module}` is in no layer of CORE_LAYERS (and lib.rs)");
        };
        for (line, used) in crate_paths(&text) {
            if used == module {
                continue;
            }
            match layer.get(used.as_str()) {
                Some(&theirs) if theirs < own => {}
                Some(_) => wrong.push(format!(
                    "crates/core/src/{file}:{line}: `{module}` uses `{used}`, which is not in a lower layer"
                )),
                // Re-exports at the crate root (crate::Store) count as their module.
                None => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the grain:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_core_module_has_a_layer_and_lib_lists_them() {
    let lib = fs::read_to_string(root().join("crates/core/src/lib.rs")).unwrap();
    for name in CORE_LAYERS.iter().flat_map(|l| l.iter()) {
        assert!(
            lib.contains(&format!("pub mod {name};")),
            "lib.rs declares `{name}`"
        );
        assert!(
            lib.contains(&format!("`{name}`")),
            "lib.rs's layer list names `{name}`"
        );
    }
}

#[test]
fn the_core_knows_nothing_of_the_browser() {
    let manifest = fs::read_to_string(root().join("crates/core/Cargo.toml")).unwrap();
    let forbidden = [
        "leptos",
        "web-sys",
        "web_sys",
        "wasm-bindgen",
        "wasm_bindgen",
        "gloo",
        "charming",
        "js-sys",
        "js_sys",
    ];
    for name in forbidden {
        assert!(
            !manifest.contains(name),
            "crates/core/Cargo.toml depends on {name}"
        );
    }
    for (file, text) in sources(&root().join("crates/core/src")) {
        for (line, code) in code_lines(&text) {
            for name in forbidden {
                assert!(
                    !code.contains(&format!("{name}::")),
                    "crates/core/src/{file}:{line} uses {name}"
                );
            }
        }
    }
}

#[test]
fn no_page_imports_another_page_and_no_view_imports_the_router() {
    let shell = root().join("src");
    let mut wrong = Vec::new();
    for (file, text) in sources(&shell) {
        let in_pages = file.starts_with("pages/");
        let in_components = file.starts_with("components/");
        for (line, used) in crate_paths(&text) {
            let bad = match used.as_str() {
                // What two pages share is a component or a core function.
                "pages" => in_pages || in_components,
                // The router is the root: nothing below it reaches back up.
                "app" => in_pages || in_components,
                _ => false,
            };
            if bad {
                wrong.push(format!("src/{file}:{line}: uses crate::{used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_the_chart_crate_builds_chart_options() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let web_dependencies = manifest.split("[dependencies]").nth(1).unwrap_or_default();
    assert!(
        !web_dependencies.contains("charming"),
        "the web shell uses charming only through crates/charts"
    );
}

#[test]
fn one_module_touches_storage_and_one_touches_echarts() {
    let rules: [(&str, &[&str]); 2] = [
        (
            "storage.rs",
            &[
                "gloo_storage",
                "local_storage",
                "LocalStorage",
                "session_storage",
            ],
        ),
        ("charts.rs", &["echarts", "charming"]),
    ];
    for (file, text) in sources(&root().join("src")) {
        for (owner, words) in rules {
            if file == owner {
                continue;
            }
            for (line, code) in code_lines(&text) {
                for word in words {
                    assert!(
                        !code.contains(word),
                        "src/{file}:{line} names `{word}`: only src/{owner} may"
                    );
                }
            }
        }
    }
}

#[test]
fn every_module_says_what_it_is_for() {
    let dirs = [
        "src",
        "crates/core/src",
        "crates/core/tests",
        "crates/charts/src",
        "crates/charts/tests",
        "tests",
    ];
    for dir in dirs {
        for (file, text) in sources(&root().join(dir)) {
            assert!(
                text.trim_start().starts_with("//!"),
                "{dir}/{file} does not open with a `//!` line saying what it is for"
            );
        }
    }
}
