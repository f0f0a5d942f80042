//! The documents stay true: ARCHITECTURE.md, README.md and every docs/*.md may name
//! only files, tests and modules that exist, and ARCHITECTURE.md's code map and
//! invariants keep up with the code. A failure names the document, the line and the
//! missing thing.
//!
//! What a document names, and how it is checked (inline code spans, one line each):
//! - a path in the repository, such as `crates/core/src/dora/clusters.rs`,
//!   `src/storage.rs` or `tests/e2e/size.test.mjs`, when its first part is an entry
//!   at the repository's top (a trailing `/` says it is a folder; `#anchor` and
//!   `:line` are left off; a pattern such as `assets/i18n/<code>/*.json` is checked
//!   up to its last fixed folder). Each word of a command (`bash .ci/test`) counts.
//! - a test, as `path.rs::name`: the file exists and declares `fn name`.
//! - a Rust item or module, by its crate's name: `maturity_core::dora::clusters`,
//!   `maturity_charts::…`, `devops_maturity::storage` (the web shell). Modules are
//!   files or folders; the first other part must be declared in its module (`fn`,
//!   `struct`, `enum`, `const`, `static`, `type`, `trait`, `mod`, or a `pub use`),
//!   and any part after it (a method, a variant) in the module's files. `crate::` is
//!   refused: in a document it could mean any of the three crates.
//! - a relative link, `[words](docs/scoring.md#dora-placement)`: the file exists, and
//!   a `#anchor` into a Markdown file is one of its headings.
//! - an `**Architecture Invariant:**` paragraph names what checks it: a test as
//!   above, a file under a `tests/` folder, or the compiler.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// Something a document names that is not there (or, on line 0, something it
/// should name and does not).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    document: String,
    line: usize,
    what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.document, self.what),
            line => write!(f, "{}:{line}: {}", self.document, self.what),
        }
    }
}

/// The repository's root (two folders above this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository's root exists")
}

/// Every document the checks read, relative to the root: the two at the top and
/// every Markdown file of `docs/`.
fn documents(root: &Path) -> Vec<String> {
    let mut docs = vec!["ARCHITECTURE.md".to_string(), "README.md".to_string()];
    let mut more: Vec<String> = fs::read_dir(root.join("docs"))
        .expect("docs/ is readable")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

fn read(root: &Path, document: &str) -> String {
    fs::read_to_string(root.join(document)).unwrap_or_else(|e| panic!("{document}: {e}"))
}

/// Fails listing every problem, under `heading`.
fn assert_no_problems(heading: &str, problems: Vec<Problem>) {
    let listed: Vec<String> = problems.iter().map(Problem::to_string).collect();
    assert!(
        listed.is_empty(),
        "{heading} ({}):\n{}",
        listed.len(),
        listed.join("\n")
    );
}

#[test]
fn every_file_test_and_module_the_documents_name_exists() {
    let root = root();
    let mut problems = Vec::new();
    for document in documents(&root) {
        problems.extend(check(&document, &read(&root, &document), &root));
    }
    assert_no_problems(
        "the documents name files, tests or modules that do not exist",
        problems,
    );
}

#[test]
fn the_readme_links_the_architecture_and_every_document_of_docs() {
    let root = root();
    let readme = read(&root, "README.md");
    let mut problems = Vec::new();
    for document in documents(&root).into_iter().filter(|d| d != "README.md") {
        if !readme.contains(&format!("]({document}")) {
            problems.push(Problem {
                document: "README.md".into(),
                line: 0,
                what: format!("no link to {document}: the README leads to every document"),
            });
        }
    }
    assert_no_problems("the README does not link every document", problems);
}

#[test]
fn the_code_map_names_every_module_of_the_core_and_the_shell() {
    let root = root();
    let map = read(&root, "ARCHITECTURE.md");
    let named: Vec<String> = map
        .lines()
        .flat_map(|line| spans(line).unwrap_or_default())
        .flat_map(|span| {
            span.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .map(|word| word.trim_end_matches('/').to_string())
        .collect();
    let mut wanted = vec!["build.rs".to_string(), "crates/core/build.rs".to_string()];
    // Every module of the core and of the chart crate, a folder standing for its mod.rs.
    for dir in ["crates/core/src", "crates/charts/src"] {
        wanted.extend(rust_files(&root, dir).into_iter().map(|file| {
            file.strip_suffix("/mod.rs")
                .map_or(file.clone(), str::to_string)
        }));
    }
    // The shell by module and by folder: the files inside a folder may change.
    for entry in fs::read_dir(root.join("src"))
        .expect("src/ is readable")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() || name.ends_with(".rs") {
            wanted.push(format!("src/{name}"));
        }
    }
    wanted.sort();
    let problems: Vec<Problem> = wanted
        .into_iter()
        .filter(|path| !named.contains(path))
        .map(|path| Problem {
            document: "ARCHITECTURE.md".into(),
            line: 0,
            what: format!("the code map does not name `{path}`"),
        })
        .collect();
    assert_no_problems("the code map does not name every module", problems);
}

#[test]
fn the_code_maps_layers_are_the_ones_lib_rs_states() {
    let root = root();
    let numbered = |text: &str, strip: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix(strip))
            .map(str::trim)
            .filter(|line| {
                line.split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            })
            .map(str::to_string)
            .collect()
    };
    let lib = numbered(&read(&root, "crates/core/src/lib.rs"), "//! ");
    assert!(
        !lib.is_empty(),
        "crates/core/src/lib.rs states no numbered layers"
    );
    let map = read(&root, "ARCHITECTURE.md");
    let problems: Vec<Problem> = lib
        .iter()
        .filter(|layer| !map.lines().any(|line| line.trim() == layer.as_str()))
        .map(|layer| Problem {
            document: "ARCHITECTURE.md".into(),
            line: 0,
            what: format!(
                "the code map's layers lack `{layer}`, as crates/core/src/lib.rs states it"
            ),
        })
        .collect();
    assert_no_problems(
        "the code map's layers differ from crates/core/src/lib.rs",
        problems,
    );
}

#[test]
fn the_checker_catches_a_missing_path_a_missing_test_and_a_missing_module() {
    let root = root();
    let fixture = "\
# A document

It names `crates/core/src/dora/clusters.rs`, `src/storage.rs` and `.ci/fuzz`, which exist.
It names `crates/core/src/dora/cluster.rs`, which does not.
A test that exists: `crates/core/tests/catalog.rs::every_builtin_questionnaire_is_valid`.
A test that does not: `crates/core/tests/catalog.rs::every_questionnaire_is_perfect`.
A module that exists: `maturity_core::workshop::stats::aggregate`; one that does not:
`maturity_core::workshop::spread`, and `crate::storage`, which could be any crate.
Run `bash .ci/tests` and read [the sources](docs/sources.md#no-such-heading).
A method in a module's folder, `maturity_core::store::Store::runs_of`, and one nowhere:
`maturity_core::store::Store::runs_for`; the shell's `devops_maturity::platform::no_such`.
See [the frameworks](docs/sources.md#frameworks-and-documents), not [a page](docs/gone.md).

**Architecture Invariant:** something true, checked by nothing named here.

```
`crates/inside/a/fence.rs` is not read.
```
";
    let problems: Vec<String> = check("FIXTURE.md", fixture, &root)
        .iter()
        .map(Problem::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "FIXTURE.md:4: `crates/core/src/dora/cluster.rs` does not exist",
            "FIXTURE.md:6: `crates/core/tests/catalog.rs::every_questionnaire_is_perfect` names a test, \
             but crates/core/tests/catalog.rs has no `fn every_questionnaire_is_perfect`",
            "FIXTURE.md:8: `maturity_core::workshop::spread`: crates/core/src/workshop/mod.rs declares no `spread`",
            "FIXTURE.md:8: `crate::storage`: name the crate (maturity_core::, maturity_charts:: or devops_maturity::), \
             as `crate::` could be any of them",
            "FIXTURE.md:9: `.ci/tests` does not exist",
            "FIXTURE.md:9: the link to docs/sources.md#no-such-heading: docs/sources.md has no heading \
             `no-such-heading`",
            "FIXTURE.md:11: `maturity_core::store::Store::runs_for`: no `runs_for` of `Store` in \
             crates/core/src/store/mod.rs",
            "FIXTURE.md:11: `devops_maturity::platform::no_such`: src/platform.rs declares no `no_such`",
            "FIXTURE.md:12: the link to docs/gone.md: docs/gone.md does not exist",
            "FIXTURE.md:14: this Architecture Invariant names no test that checks it \
             (`path.rs::test_name`, a file under tests/, or the compiler)",
        ]
    );
}

#[test]
fn a_code_span_cut_across_lines_is_refused_rather_than_skipped() {
    let problems: Vec<String> = check(
        "FIXTURE.md",
        "see `crates/core/src/\ndora/clusters.rs`\n",
        &root(),
    )
    .iter()
    .map(Problem::to_string)
    .collect();
    assert_eq!(
        problems,
        [
            "FIXTURE.md:1: a code span is cut across lines: keep each on one line, so it can be checked",
            "FIXTURE.md:2: a code span is cut across lines: keep each on one line, so it can be checked",
        ]
    );
}

/// Every problem in `text`, the document at `document` (relative to `root`).
fn check(document: &str, text: &str, root: &Path) -> Vec<Problem> {
    let tops = top_entries(root);
    let mut problems = Vec::new();
    let mut report = |line: usize, what: String| {
        problems.push(Problem {
            document: document.to_string(),
            line,
            what,
        })
    };
    let mut fenced = false;
    // The line an Architecture Invariant paragraph starts on, and whether it named a check.
    let mut invariant: Option<(usize, bool)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let ends_paragraph = line.trim().is_empty() || line.contains("**Architecture Invariant:**");
        if ends_paragraph {
            if let Some((start, false)) = invariant.take() {
                report(start, UNCHECKED.into());
            }
        }
        if line.contains("**Architecture Invariant:**") {
            invariant = Some((number, false));
        }
        let Some(spans) = spans(line) else {
            report(
                number,
                "a code span is cut across lines: keep each on one line, so it can be checked"
                    .into(),
            );
            continue;
        };
        for span in &spans {
            let names_a_check = check_span(span, root, &tops).unwrap_or_else(|what| {
                report(number, what);
                false
            });
            if let Some((_, named)) = invariant.as_mut() {
                *named |= names_a_check;
            }
        }
        if let Some((_, named)) = invariant.as_mut() {
            *named |= outside_spans(line).contains("the compiler");
        }
        for target in links(line) {
            if let Err(what) = check_link(document, &target, root) {
                report(number, what);
            }
        }
    }
    if let Some((start, false)) = invariant {
        report(start, UNCHECKED.into());
    }
    problems
}

const UNCHECKED: &str = "this Architecture Invariant names no test that checks it \
                         (`path.rs::test_name`, a file under tests/, or the compiler)";

/// The inline code spans of a line, or `None` when one is left open at its end.
fn spans(line: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = line.split('`').collect();
    if parts.len() % 2 == 0 {
        return None;
    }
    Some(
        parts
            .iter()
            .skip(1)
            .step_by(2)
            .map(|span| span.to_string())
            .collect(),
    )
}

/// The line with its code spans left out.
fn outside_spans(line: &str) -> String {
    line.split('`').step_by(2).collect()
}

/// The targets of the Markdown links outside code spans: `[words](target)`.
fn links(line: &str) -> Vec<String> {
    let text = outside_spans(line);
    let mut found = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        found.push(after[..end].trim().to_string());
        rest = &after[end..];
    }
    found
}

/// Checks one code span. `Ok(true)` when it names something that checks an
/// invariant (a test, or a file under a `tests/` folder).
fn check_span(span: &str, root: &Path, tops: &[String]) -> Result<bool, String> {
    let span = span.trim();
    if let Some(at) = span.find(".rs::") {
        let (file, name) = (&span[..at + 3], &span[at + 5..]);
        if is_path_like(file) && is_identifier(name) {
            return check_test(span, file, name, root).map(|()| true);
        }
    }
    if span.starts_with("crate::") {
        return Err(format!(
            "`{span}`: name the crate (maturity_core::, maturity_charts:: or devops_maturity::), \
             as `crate::` could be any of them"
        ));
    }
    if ["maturity_core::", "maturity_charts::", "devops_maturity::"]
        .iter()
        .any(|krate| span.starts_with(krate))
    {
        return check_rust_path(span, root).map(|()| false);
    }
    let mut names_a_check = false;
    for word in span.split_whitespace() {
        if let Some(path) = repository_path(word, tops) {
            check_path(word, &path, root)?;
            if path.ends_with(".md") && word.contains('#') {
                check_link("", word, root)?;
            }
            names_a_check |= path.starts_with("tests/") || path.contains("/tests/");
        }
    }
    Ok(names_a_check)
}

/// The entries at the repository's top, as a document may start a path with them.
fn top_entries(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .expect("the root is readable")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !["target", "node_modules", "dist", ".git"].contains(&name.as_str()))
        .collect()
}

/// What a word names in the repository, if it is a path there: its fixed part, with
/// `#anchor` and `:line` left off, and a pattern cut back to its last fixed folder.
fn repository_path(word: &str, tops: &[String]) -> Option<String> {
    let first = word.split('/').next().unwrap_or("");
    if !tops.iter().any(|top| top == first) {
        return None;
    }
    let mut path = word.split('#').next().unwrap_or(word);
    if let Some((file, line)) = path.rsplit_once(':') {
        if !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) {
            path = file;
        }
    }
    if let Some(at) = path.find(|c: char| "<>*{}$\"'=:…".contains(c)) {
        // A pattern: check the folders before it.
        let fixed = &path[..at];
        let folder = &fixed[..fixed.rfind('/')? + 1];
        return Some(folder.to_string());
    }
    Some(path.trim_end_matches(['.', ',', ';', ')']).to_string())
}

fn is_path_like(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c))
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn check_path(word: &str, path: &str, root: &Path) -> Result<(), String> {
    let full = root.join(path);
    let exists = if path.ends_with('/') {
        full.is_dir()
    } else {
        full.exists()
    };
    if exists {
        Ok(())
    } else if word.trim_end_matches(['.', ',', ';', ')']) == path {
        Err(format!("`{path}` does not exist"))
    } else {
        Err(format!("`{word}`: `{path}` does not exist"))
    }
}

fn check_test(span: &str, file: &str, name: &str, root: &Path) -> Result<(), String> {
    let Ok(text) = fs::read_to_string(root.join(file)) else {
        return Err(format!(
            "`{span}` names a test in `{file}`, which does not exist"
        ));
    };
    if declares(&text, &["fn"], name) {
        Ok(())
    } else {
        Err(format!(
            "`{span}` names a test, but {file} has no `fn {name}`"
        ))
    }
}

/// Checks a Rust path by its crate's name, module by module, then the item it names.
fn check_rust_path(span: &str, root: &Path) -> Result<(), String> {
    let path = span.trim_end_matches("()");
    let mut parts = path.split("::");
    let mut dir = match parts.next() {
        Some("maturity_core") => root.join("crates/core/src"),
        Some("maturity_charts") => root.join("crates/charts/src"),
        _ => root.join("src"),
    };
    let mut file = dir.join("lib.rs");
    let rest: Vec<&str> = parts.collect();
    if let Some(bad) = rest.iter().find(|part| !is_identifier(part)) {
        return Err(format!(
            "`{span}`: `{bad}` is not a Rust name; name one item per code span"
        ));
    }
    let mut index = 0;
    while let Some(part) = rest.get(index) {
        let (as_file, as_folder) = (
            dir.join(format!("{part}.rs")),
            dir.join(part).join("mod.rs"),
        );
        if as_file.is_file() {
            file = as_file;
        } else if as_folder.is_file() {
            file = as_folder;
        } else {
            break;
        }
        dir = dir.join(part);
        index += 1;
    }
    let shown = |file: &Path| {
        file.strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string()
    };
    let Some(item) = rest.get(index) else {
        return Ok(());
    };
    let text = fs::read_to_string(&file).map_err(|e| format!("`{span}`: {}: {e}", shown(&file)))?;
    const ITEMS: &[&str] = &[
        "fn",
        "struct",
        "enum",
        "const",
        "static",
        "type",
        "trait",
        "mod",
        "union",
        "macro_rules!",
    ];
    let reexported = text.lines().any(|line| {
        line.trim_start().starts_with("pub use") && words(line).any(|word| word == *item)
    });
    if !declares(&text, ITEMS, item) && !reexported {
        return Err(format!("`{span}`: {} declares no `{item}`", shown(&file)));
    }
    // A method, an associated constant, a variant or a field: in the module's files.
    let mut texts = vec![text];
    if dir.is_dir() {
        texts.extend(
            rust_files(root, &shown(&dir))
                .iter()
                .filter_map(|f| fs::read_to_string(root.join(f)).ok()),
        );
    }
    for member in &rest[index + 1..] {
        let found = texts.iter().any(|text| {
            declares(text, &["fn", "const", "type"], member) || has_field_or_variant(text, member)
        });
        if !found {
            return Err(format!(
                "`{span}`: no `{member}` of `{item}` in {}",
                shown(&file)
            ));
        }
    }
    Ok(())
}

/// Whether `text` declares `name` after one of the `keywords` (`fn name`, `struct name`...).
fn declares(text: &str, keywords: &[&str], name: &str) -> bool {
    let tokens: Vec<&str> = words(text).collect();
    tokens
        .windows(2)
        .any(|pair| pair[1] == name && keywords.iter().any(|k| k.trim_end_matches('!') == pair[0]))
        || (keywords.contains(&"macro_rules!") && text.contains(&format!("macro_rules! {name}")))
}

/// Whether a line of `text` starts with `name` as a field or a variant does.
fn has_field_or_variant(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("pub ").unwrap_or(line);
        line.strip_prefix(name)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '(', '{', ',', ' ']))
    })
}

/// The Rust words of `text`: identifiers and keywords, in order.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
}

/// Every `.rs` file under `dir` (relative to the root), sorted.
fn rust_files(root: &Path, dir: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut todo = vec![root.join(dir)];
    while let Some(at) = todo.pop() {
        for entry in fs::read_dir(&at).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(
                    path.strip_prefix(root)
                        .unwrap_or(&path)
                        .display()
                        .to_string(),
                );
            }
        }
    }
    found.sort();
    found
}

/// Checks a link's target: a relative file exists, and an anchor is a heading of it.
fn check_link(document: &str, target: &str, root: &Path) -> Result<(), String> {
    if target.contains("://") || target.starts_with("mailto:") {
        return Ok(());
    }
    let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
    let file = if file.is_empty() {
        document.to_string()
    } else {
        let base = Path::new(document).parent().unwrap_or(Path::new(""));
        normalise(&base.join(file))
    };
    let full = root.join(&file);
    if !full.exists() {
        return Err(format!("the link to {target}: {file} does not exist"));
    }
    if anchor.is_empty() || !file.ends_with(".md") {
        return Ok(());
    }
    let text = fs::read_to_string(&full).map_err(|e| format!("the link to {target}: {e}"))?;
    let mut fenced = false;
    let found = text.lines().any(|line| {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        !fenced && line.starts_with('#') && slug(line.trim_start_matches('#')) == anchor
    });
    if found {
        Ok(())
    } else {
        Err(format!(
            "the link to {target}: {file} has no heading `{anchor}`"
        ))
    }
}

/// A path with `.` and `..` resolved, written with `/`.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

/// A heading's anchor as GitHub writes it: lower case, spaces as hyphens, and
/// punctuation other than `-` and `_` left out.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}
