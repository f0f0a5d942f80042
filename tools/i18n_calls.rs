//! The build's check of how the shell calls its messages (`build.rs` runs it; a
//! native test in `crates/core/tests/i18n_calls.rs` shows it catching each
//! mistake): every English message is used somewhere, and every call fills exactly
//! the message's `{placeholders}`, so none is left on screen as `{name}` and no
//! value is passed for nothing.
//!
//! Calls are read from the source text: `t(k::KEY)`, `tf(k::KEY, &[("name", …)])`,
//! `tp(k::KEY, n, &[…])` (`{n}` is filled by `tp` itself), a message split by
//! `around(&t(k::KEY), "name")` (the named placeholder is shown in an element of
//! its own), and `template(k::KEY)`, a message whose placeholders its receiver fills.

use std::collections::{BTreeMap, BTreeSet};

/// The placeholders of every message, by its key's name in `k` (`COACH_SORT`).
pub type Placeholders = BTreeMap<String, BTreeSet<String>>;

/// The `{name}`s of a message's text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    found.insert(name.to_string());
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    found
}

/// Every problem of `files` ((path, source)) against `messages`, one line each,
/// naming the file and line.
pub fn check(messages: &Placeholders, files: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for (path, text) in files {
        let code = without_comments(text);
        let mut at = 0;
        while let Some(found) = code[at..].find("k::") {
            let start = at + found;
            at = start + 3;
            let name: String = code[at..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if name.is_empty() || !messages.contains_key(&name) {
                continue;
            }
            used.insert(name.clone());
            let line = code[..start].matches('\n').count() + 1;
            if let Some(problem) = check_call(&code, start, &name, &messages[&name]) {
                problems.push(format!("{path}:{line}: {problem}"));
            }
        }
    }
    for name in messages.keys().filter(|n| !used.contains(*n)) {
        problems.push(format!(
            "k::{name} is in the English catalogue but no code uses it: remove it from every language"
        ));
    }
    problems
}

/// The call around `k::NAME` at `start`, checked against the message's placeholders.
fn check_call(code: &str, start: usize, name: &str, wanted: &BTreeSet<String>) -> Option<String> {
    let before = code[..start].trim_end();
    let Some(before) = before.strip_suffix('(') else {
        // A key named outside a call (kept in a list, passed on): its use is checked
        // where the list is read only if it is read by a call here.
        return None;
    };
    let function: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let open = before.len(); // the `(` of the call
    let close = closing(code, open)?;
    let inside = &code[open + 1..close];
    let mut wanted = wanted.clone();
    let mut given: BTreeSet<String> = match function.as_str() {
        "t" => BTreeSet::new(),
        "tf" | "tp" => {
            // `tp` fills `{n}` itself; a form may leave the number unsaid.
            if function == "tp" {
                wanted.remove("n");
            }
            match names_in(inside) {
                Some(names) => names,
                None => {
                    return Some(format!(
                        "{function}(k::{name}, …): write its values out as `&[(\"name\", value), …]` so they can be checked"
                    ))
                }
            }
        }
        "template" => return None,
        _ => return None,
    };
    // `around(&t(k::KEY), "name")`: the named placeholder is the page's to show.
    let head = code[..open - function.len()].trim_end();
    let split = head
        .strip_suffix('&')
        .is_some_and(|h| h.trim_end().ends_with("around("));
    if split {
        let after = code[close + 1..].trim_start();
        if let Some(rest) = after.strip_prefix(',') {
            if let Some(named) = rest.trim_start().strip_prefix('"') {
                if let Some(end) = named.find('"') {
                    given.insert(named[..end].to_string());
                }
            }
        }
    }
    (given != wanted).then(|| {
        let list = |s: &BTreeSet<String>| {
            if s.is_empty() {
                "none".to_string()
            } else {
                s.iter()
                    .map(|n| format!("{{{n}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        format!(
            "{function}(k::{name}, …) fills {} but the message has {}",
            list(&given),
            list(&wanted)
        )
    })
}

/// The names of the `("name", value)` pairs of a call's literal list, or `None`
/// when the list is not written out (then it cannot be checked: write it out).
fn names_in(inside: &str) -> Option<BTreeSet<String>> {
    let list = &inside[inside.find("&[")?..];
    let mut names = BTreeSet::new();
    let mut depth = 0usize;
    let mut chars = list.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' => {
                depth += 1;
                // A pair opens at depth 2 (inside `&[`): its first item is the name.
                if c == '(' && depth == 2 {
                    let rest = list[i + 1..].trim_start();
                    if let Some(named) = rest.strip_prefix('"') {
                        let end = named.find('"')?;
                        names.insert(named[..end].to_string());
                    }
                }
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            '"' => {
                // Skip the string.
                while let Some((_, s)) = chars.next() {
                    if s == '\\' {
                        chars.next();
                    } else if s == '"' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    Some(names)
}

/// The index of the `)` closing the `(` at `open`, skipping strings.
fn closing(code: &str, open: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The source with `//` comments blanked (lines kept, so line numbers hold).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}
