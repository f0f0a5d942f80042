//! The architecture invariants of ARCHITECTURE.md, checked by reading the source:
//! imports in the core and in the shell run one way (a layer table each, every
//! import form read: grouped, nested, `super::`, `self::`, inline paths and child
//! modules), no cycle between the core's folders or the shell's modules, no page
//! imports another page, the core knows nothing of the browser, one module each
//! touches storage and ECharts, and every module says what it is for. A change that
//! breaks one fails here, naming the file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The core's layers, lowest first (as `crates/core/src/lib.rs` states them): a
/// module uses only modules of lower layers, or itself. An entry covers its files
/// and any folder below it that has no entry of its own (`store` covers
/// `store/runs.rs`; `store::import` is its own).
const CORE_LAYERS: &[&[&str]] = &[
    &["limits", "words", "sources", "language", "calendar", "csv"],
    &["error", "assessment::model", "dora::deploys"],
    &["assessment::records", "assessment::validate"],
    &["assessment::catalog"],
    &["assessment::scoring", "assessment::topologies"],
    &[
        "assessment::recommend",
        "assessment::history",
        "dora::clusters",
        "workshop::codec",
        "workshop::stats",
    ],
    &["dora::benchmarks", "dora::measure", "dora::trend"],
    &["store"],
    &["store::import", "store::collect", "store::export", "texts"],
    &["coach::experiments"],
    &["coach::portfolio"],
    &["coach::overview"],
];

/// The shell's layers, lowest first: the settings of the device at the bottom,
/// then messages, browser helpers, storage and charts, the words for errors, the
/// app state, components, pages, and the router on top.
const SHELL_LAYERS: &[&[&str]] = &[
    &["settings"],
    &["i18n"],
    &["platform"],
    &["routes", "storage", "theme"],
    &["charts", "errors", "said"],
    &["state"],
    &["components"],
    &["pages"],
    &["app"],
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
                    .replace('\\', "/");
                found.push((relative, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

/// Lines of code, without comments (`//`, `///`, `//!`), up to a file's in-file
/// test module (`#[cfg(test)]` then `mod`, by convention the end of the file),
/// whose `use super::*` means the file itself.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let all: Vec<&str> = text.lines().collect();
    for (i, line) in all.iter().enumerate() {
        let next = all.get(i + 1).map_or("", |l| l.trim_start());
        if line.trim_start().starts_with("#[cfg(test)]")
            && (next.starts_with("mod ") || next.starts_with("pub mod "))
        {
            break;
        }
        let code = match line.find("//") {
            // A `//` inside a string ("https://…") is not a comment: good enough to
            // cut only where no quote precedes it.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        lines.push((i + 1, code.to_string()));
    }
    lines
}

/// The module path of a source file: `store/runs.rs` -> `store::runs`,
/// `store/mod.rs` -> `store`, `lib.rs` -> the crate root.
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Modules a file declares (`mod x;`, `pub mod x;`, `pub(crate) mod x;`).
fn children(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (_, line) in code_lines(text) {
        let line = line.trim();
        let rest = line
            .strip_prefix("pub(crate) ")
            .or_else(|| line.strip_prefix("pub "))
            .unwrap_or(line);
        if let Some(name) = rest.strip_prefix("mod ") {
            let name = name.trim_end_matches(';').trim();
            if !name.contains('{') && !name.is_empty() {
                found.insert(name.to_string());
            }
        }
    }
    found
}

/// Splits a use tree's text at its top-level commas.
fn split_top(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Every path a use tree names, grouped imports expanded (`a::{b, c::{d}}` ->
/// `a::b`, `a::c::d`), aliases dropped, `self` in a group meaning its prefix.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    let join = |rest: &str| {
        if prefix.is_empty() {
            rest.to_string()
        } else if rest == "self" {
            prefix.to_string()
        } else {
            format!("{prefix}::{rest}")
        }
    };
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = tree[open + 1..].trim_end().trim_end_matches('}');
        let base = if head.is_empty() {
            prefix.to_string()
        } else {
            join(head)
        };
        for part in split_top(inner) {
            expand(part, &base, out);
        }
    } else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(join(path));
    }
}

/// One import a file makes: the line, and the path as written.
#[derive(Debug)]
struct Import {
    line: usize,
    path: String,
}

/// Every import of a file: each path of its `use` items (however grouped) and each
/// `crate::`, `super::` or `self::` path in its code, and any path through a child
/// module it declares.
fn imports(text: &str) -> Vec<Import> {
    let lines = code_lines(text);
    let own_children = children(text);
    let mut found = Vec::new();
    // `use` items, possibly over several lines.
    let mut pending: Option<(usize, String)> = None;
    for (number, line) in &lines {
        let trimmed = line.trim();
        if let Some((_, text)) = pending.as_mut() {
            text.push(' ');
            text.push_str(trimmed);
        } else {
            let rest = trimmed
                .strip_prefix("pub(crate) ")
                .or_else(|| trimmed.strip_prefix("pub(super) "))
                .or_else(|| trimmed.strip_prefix("pub "))
                .unwrap_or(trimmed);
            if let Some(tree) = rest.strip_prefix("use ") {
                pending = Some((*number, tree.to_string()));
            }
        }
        if let Some((first, text)) = pending.take_if(|(_, t)| t.contains(';')) {
            let tree = text.split(';').next().unwrap_or_default();
            let mut paths = Vec::new();
            expand(tree, "", &mut paths);
            found.extend(paths.into_iter().map(|path| Import { line: first, path }));
        }
    }
    // Paths in code: `crate::a::b(…)`, `super::X`, `self::x::y`, `child::f()`.
    for (number, line) in &lines {
        let bytes = line.as_bytes();
        let mut at = 0;
        while at < line.len() {
            let starts_word = at == 0 || {
                let c = bytes[at - 1];
                !(c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b':')
            };
            let rest = &line[at..];
            let head: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if starts_word
                && !head.is_empty()
                && rest[head.len()..].starts_with("::")
                && (matches!(head.as_str(), "crate" | "super" | "self")
                    || own_children.contains(&head))
                && !line.trim_start().starts_with("use ")
                && !line.trim_start().starts_with("pub use ")
            {
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                found.push(Import {
                    line: *number,
                    path: path.trim_end_matches(':').to_string(),
                });
                at += path.len().max(1);
            } else {
                at += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    // A `use` through a child module (`use teams::checked_tags;`) is `self::teams`.
    for import in &mut found {
        let first = import.path.split("::").next().unwrap_or_default();
        if own_children.contains(first) {
            import.path = format!("self::{}", import.path);
        }
    }
    found
}

/// An import's path from the crate root (`super::` and `self::` resolved against
/// the importing file's module), or `None` for a path outside the crate.
fn absolute(file_module: &[String], path: &str) -> Option<Vec<String>> {
    let mut parts = path.split("::").map(str::trim).peekable();
    let mut out: Vec<String> = match parts.peek().copied() {
        Some("crate") => {
            parts.next();
            Vec::new()
        }
        Some("self") => {
            parts.next();
            file_module.to_vec()
        }
        Some("super") => file_module.to_vec(),
        _ => return None,
    };
    for part in parts {
        if part == "super" {
            out.pop()?;
        } else if !part.is_empty() && part != "*" {
            out.push(part.to_string());
        }
    }
    Some(out)
}

/// The layer table's entry a module path belongs to: the longest entry that is a
/// prefix of it.
fn entry_of<'t>(layers: &'t [&'t [&'t str]], path: &[String]) -> Option<(&'t str, usize)> {
    layers
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, i)))
        .filter(|(name, _)| {
            let parts: Vec<&str> = name.split("::").collect();
            parts.len() <= path.len() && parts.iter().zip(path).all(|(a, b)| a == b)
        })
        .max_by_key(|(name, _)| name.len())
}

/// Every import of `files` against `layers`, as "file:line: what is wrong" lines;
/// `root` names the folder in the messages. A file of no entry (a folder's
/// `mod.rs` that only declares its modules) may import nothing.
fn check_layers(root: &str, files: &[(String, String)], layers: &[&[&str]]) -> Vec<String> {
    let folders: BTreeSet<&str> = layers
        .iter()
        .flat_map(|l| l.iter())
        .filter_map(|n| n.split_once("::").map(|(f, _)| f))
        .collect();
    let mut wrong = Vec::new();
    for (file, text) in files {
        let module = module_of(file);
        if module.is_empty() {
            continue; // the crate root declares and re-exports
        }
        let own = entry_of(layers, &module);
        for import in imports(text) {
            let Some(path) = absolute(&module, &import.path) else {
                continue;
            };
            let at = format!("{root}/{file}:{}", import.line);
            let Some(own) = own else {
                wrong.push(format!(
                    "{at}: `{}` imports `{}`, but the file is in no layer",
                    module.join("::"),
                    import.path
                ));
                continue;
            };
            match entry_of(layers, &path) {
                Some((theirs, _)) if theirs == own.0 => {}
                Some((theirs, layer)) if layer < own.1 => {
                    let _ = theirs;
                }
                Some((theirs, _)) => wrong.push(format!(
                    "{at}: `{}` uses `{theirs}` (`{}`), which is not in a lower layer",
                    own.0, import.path
                )),
                None if path.first().is_some_and(|p| folders.contains(p.as_str())) => {
                    wrong.push(format!(
                        "{at}: `{}` names the folder `{}`, not a module of the layer table",
                        import.path, path[0]
                    ))
                }
                None => wrong.push(format!(
                    "{at}: `{}` is not a module of the layer table (inside the crate, \
                     import by the module's path, not a re-export at the crate root)",
                    import.path
                )),
            }
        }
    }
    wrong
}

/// The graph of imports between top-level modules (folders of the core, modules
/// of the shell), self-edges left out.
fn top_level_graph(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in files {
        let module = module_of(file);
        let Some(top) = module.first() else { continue };
        let edges = graph.entry(top.clone()).or_default();
        for import in imports(text) {
            if let Some(path) = absolute(&module, &import.path) {
                if let Some(target) = path.first().filter(|t| *t != top) {
                    edges.insert(target.clone());
                }
            }
        }
    }
    let known: BTreeSet<String> = graph.keys().cloned().collect();
    for edges in graph.values_mut() {
        edges.retain(|t| known.contains(t));
    }
    graph
}

/// The modules of `graph` that lie on a cycle, each with one cycle through it.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut found = Vec::new();
    for start in graph.keys() {
        // Breadth-first from `start`, remembering how each module was reached.
        let mut came_from: BTreeMap<&String, &String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut closed = None;
        while let Some(at) = queue.pop_front() {
            for next in graph.get(at).into_iter().flatten() {
                if next == start {
                    closed = Some(at);
                    break;
                }
                if !came_from.contains_key(next) {
                    came_from.insert(next, at);
                    queue.push_back(next);
                }
            }
            if closed.is_some() {
                break;
            }
        }
        if let Some(mut at) = closed {
            let mut path = vec![start.clone()];
            while at != start {
                path.push(at.clone());
                at = came_from[at];
            }
            path.push(start.clone());
            let last = path.len() - 1;
            path[1..last].reverse();
            found.push(path.join(" -> "));
        }
    }
    found
}

/// Imports of a page from another page, by any path (`crate::pages::x`,
/// `super::x` from `pages/y.rs`, `super::super::x` from `pages/y/z.rs`).
fn pages_importing_pages(files: &[(String, String)]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (file, text) in files {
        let module = module_of(file);
        if module.first().map(String::as_str) != Some("pages") || module.len() < 2 {
            continue;
        }
        for import in imports(text) {
            let Some(path) = absolute(&module, &import.path) else {
                continue;
            };
            if path.first().map(String::as_str) == Some("pages")
                && path.get(1).is_some_and(|other| other != &module[1])
            {
                wrong.push(format!(
                    "src/{file}:{}: page `{}` imports page `{}` (`{}`): share a component or a core function",
                    import.line, module[1], path[1], import.path
                ));
            }
        }
    }
    wrong
}

#[test]
fn core_imports_run_one_way() {
    let files = sources(&root().join("crates/core/src"));
    let wrong = check_layers("crates/core/src", &files, CORE_LAYERS);
    assert!(
        wrong.is_empty(),
        "imports against the grain:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_core_module_is_in_the_layer_table_and_lib_lists_the_table() {
    let lib = fs::read_to_string(root().join("crates/core/src/lib.rs")).unwrap();
    for (i, names) in CORE_LAYERS.iter().enumerate() {
        let line = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        assert!(
            lib.contains(&format!("//! {}. {line}\n", i + 1)),
            "crates/core/src/lib.rs states layer {} as `//! {}. {line}`",
            i + 1,
            i + 1
        );
    }
    for (file, _) in sources(&root().join("crates/core/src")) {
        let module = module_of(&file);
        let is_folder = !module.is_empty()
            && file.ends_with("mod.rs")
            && entry_of(CORE_LAYERS, &module).is_none();
        assert!(
            module.is_empty() || is_folder || entry_of(CORE_LAYERS, &module).is_some(),
            "crates/core/src/{file}: module `{}` is in no layer of CORE_LAYERS",
            module.join("::")
        );
    }
}

#[test]
fn the_core_folders_import_each_other_without_a_cycle() {
    let graph = top_level_graph(&sources(&root().join("crates/core/src")));
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "cycles between the core's folders:\n{}",
        found.join("\n")
    );
}

#[test]
fn shell_imports_run_one_way_without_a_cycle() {
    let files: Vec<(String, String)> = sources(&root().join("src"));
    let wrong = check_layers("src", &files, SHELL_LAYERS);
    assert!(
        wrong.is_empty(),
        "shell imports against the grain:\n{}",
        wrong.join("\n")
    );
    let found = cycles(&top_level_graph(&files));
    assert!(
        found.is_empty(),
        "cycles between the shell's modules:\n{}",
        found.join("\n")
    );
    for (file, _) in &files {
        let module = module_of(file);
        assert!(
            module.is_empty() || entry_of(SHELL_LAYERS, &module).is_some(),
            "src/{file}: module `{}` is in no layer of SHELL_LAYERS",
            module.join("::")
        );
    }
}

#[test]
fn no_page_imports_another_page() {
    let wrong = pages_importing_pages(&sources(&root().join("src")));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The checks themselves: a fixture source with a forbidden import of each form,
/// each of which must be reported once, at its line; and the allowed forms, none.
#[test]
fn the_checks_catch_every_form_of_import() {
    let file = |path: &str, text: &str| (path.to_string(), text.to_string());
    // (file, source, the line the one report names)
    let forbidden = [
        ("assessment/scoring.rs", "use crate::coach::portfolio::letters;\n", 1),
        ("assessment/scoring.rs", "use crate::{coach::portfolio::letters};\n", 1),
        (
            "assessment/scoring.rs",
            "use crate::{\n    assessment::model::Question,\n    coach::{portfolio::letters},\n};\n",
            1,
        ),
        ("assessment/scoring.rs", "pub use crate::store::Store;\n", 1),
        ("assessment/scoring.rs", "fn f() {\n    crate::store::Store::default();\n}\n", 2),
        ("dora/clusters.rs", "use super::measure::measure;\n", 1),
        ("dora/clusters.rs", "use super::super::store::Store;\n", 1),
        ("store/mod.rs", "mod import;\nuse self::import::restore;\n", 2),
        ("store/mod.rs", "pub mod import;\npub use import::restore;\n", 2),
        ("store/mod.rs", "pub mod collect;\nfn f() { collect::collect_codes(); }\n", 2),
        ("assessment/history.rs", "use crate::Store;\n", 1),
        ("assessment/history.rs", "use crate::dora;\n", 1),
        ("calendar.rs", "#[cfg(test)]\nfn helper() {}\nuse crate::store::Store;\n", 3),
    ];
    for (path, text, line) in forbidden {
        let wrong = check_layers("core", &[file(path, text)], CORE_LAYERS);
        assert_eq!(wrong.len(), 1, "{path}: {text:?} gave {wrong:?}");
        assert!(
            wrong[0].starts_with(&format!("core/{path}:{line}:")),
            "{wrong:?}"
        );
    }
    let allowed = [
        file("store/runs.rs", "use super::{remove_where, Store};\nuse crate::dora::clusters::{self as dora, Delivery};\n"),
        file("coach/portfolio.rs", "use crate::{assessment::{catalog::Catalog, records::Run}, store::Store};\n"),
        file("dora/deploys/csv_file.rs", "use super::{Change, Records};\nuse crate::calendar as time;\n"),
        file("store/decode.rs", "pub struct Store(pub super::Store);\n"),
        file("calendar.rs", "#[cfg(test)]\nmod tests {\n    use crate::store::Store;\n}\n"),
        file("calendar.rs", "// crate::coach::portfolio is above; a comment names it\n"),
    ];
    for (path, text) in &allowed {
        let wrong = check_layers(
            "core",
            std::slice::from_ref(&(path.clone(), text.clone())),
            CORE_LAYERS,
        );
        assert!(wrong.is_empty(), "{path}: {text:?} gave {wrong:?}");
    }
    // A cycle between folders, and between shell modules.
    let folders = [
        file("workshop/stats.rs", "use crate::store::Store;\n"),
        file(
            "store/workshops.rs",
            "use crate::workshop::stats::aggregate;\n",
        ),
    ];
    assert_eq!(
        cycles(&top_level_graph(&folders)),
        [
            "store -> workshop -> store",
            "workshop -> store -> workshop"
        ]
    );
    let shell = [
        file("i18n.rs", "fn f() { crate::storage::language(); }\n"),
        file("storage.rs", "use crate::errors;\n"),
        file("errors.rs", "use crate::i18n::{k, t};\n"),
    ];
    assert_eq!(cycles(&top_level_graph(&shell)).len(), 3);
    let wrong = check_layers("src", &shell, SHELL_LAYERS);
    assert_eq!(wrong.len(), 2, "{wrong:?}");
    assert!(
        wrong[0].starts_with("src/i18n.rs:1: `i18n` uses `storage`"),
        "{wrong:?}"
    );
    assert!(
        wrong[1].starts_with("src/storage.rs:1: `storage` uses `errors`"),
        "{wrong:?}"
    );
    // A page importing another page, by each path.
    let pages = [
        file("pages/results.rs", "use crate::pages::team::TeamPage;\n"),
        file("pages/results.rs", "use super::team::TeamPage;\n"),
        file(
            "pages/measure/figures.rs",
            "use super::super::teams::HeatMap;\n",
        ),
        file(
            "pages/measure/figures.rs",
            "use crate::pages::{team::TeamPage};\n",
        ),
    ];
    for page in &pages {
        assert_eq!(
            pages_importing_pages(std::slice::from_ref(page)).len(),
            1,
            "{page:?}"
        );
    }
    let own = [file(
        "pages/measure/figures.rs",
        "use super::window::Window;\nuse crate::pages::measure::files;\n",
    )];
    assert!(pages_importing_pages(&own).is_empty());
}

/// Longer than this, a function no longer reads at a glance: split it by concern.
const MAX_FUNCTION_LINES: usize = 80;

/// Every function of `text` (outside its in-file tests) as (name, first line,
/// lines from its `fn` to its closing brace). Braces in strings, characters and
/// comments are skipped.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code: String = code_lines(text)
        .into_iter()
        .map(|(_, l)| l + "\n")
        .collect();
    let bytes = code.as_bytes();
    // Each byte's depth of braces, strings and comments skipped.
    let mut found = Vec::new();
    let mut open: Vec<(Option<(String, usize)>, usize)> = Vec::new(); // (fn?, depth)
    let mut pending: Option<(String, usize)> = None;
    let (mut i, mut line) = (0, 1);
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\n' => line += 1,
            b'"' => {
                // A string: to its unescaped closing quote.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    } else if bytes[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            b'\'' => {
                // A character ('{', '\''), not a lifetime ('a).
                let rest = &code[i..];
                if let Some(end) = rest[1..].find('\'').filter(|&e| e <= 4) {
                    if !rest[1..=end].contains(' ') {
                        i += end + 1;
                    }
                }
            }
            b'{' => {
                open.push((pending.take(), line));
            }
            b'}' => {
                if let Some((Some((name, start)), _)) = open.pop() {
                    found.push((name, start, line - start + 1));
                }
            }
            b';' => {
                pending = None; // a declaration without a body
            }
            _ if code[i..].starts_with("fn ")
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let name: String = code[i + 3..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    pending = Some((name, line));
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

#[test]
fn no_function_is_longer_than_it_can_be_read() {
    let mut long = Vec::new();
    for dir in ["crates/core/src", "crates/charts/src", "src"] {
        for (file, text) in sources(&root().join(dir)) {
            for (name, line, lines) in functions(&text) {
                if lines > MAX_FUNCTION_LINES {
                    long.push(format!("{dir}/{file}:{line}: `{name}` is {lines} lines"));
                }
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (split them by concern):\n{}",
        long.join("\n")
    );
}

#[test]
fn functions_are_measured_from_fn_to_closing_brace() {
    let text = "fn a() {\n    let s = \"}}{\";\n    let c = '}';\n    if x { y(); }\n}\nfn b<'x>(v: &'x str) -> &'x str { v }\ntrait T { fn c(&self); }\n";
    let found = functions(text);
    assert_eq!(
        found,
        [("a".to_string(), 1, 5), ("b".to_string(), 6, 1)],
        "{found:?}"
    );
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
    // Nor IO, a clock or a random source: the shell passes times and fresh ids in.
    let effects = [
        "std::fs",
        "std::io",
        "std::net",
        "std::env",
        "std::time",
        "std::process",
        "std::thread",
        "SystemTime",
        "Instant::now",
        "thread_rng",
        "rand::",
        "getrandom",
    ];
    for (file, text) in sources(&root().join("crates/core/src")) {
        for (line, code) in code_lines(&text) {
            for name in forbidden {
                assert!(
                    !code.contains(&format!("{name}::")),
                    "crates/core/src/{file}:{line} uses {name}"
                );
            }
            for name in effects {
                assert!(
                    !code.contains(name),
                    "crates/core/src/{file}:{line} uses {name}: the core does no IO and reads no clock"
                );
            }
        }
    }
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
        "crates/core/examples",
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
