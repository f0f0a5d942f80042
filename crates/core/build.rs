//! Build script: copies the table of documents from `docs/sources.md` into the
//! build, so the app carries the citations it shows and not the whole page.

use std::{env, fs, path::PathBuf};

/// The section of `docs/sources.md` that [`sources`](src/sources.rs) reads.
const HEADING: &str = "## Frameworks and documents";

fn main() {
    let page = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("../../docs/sources.md");
    println!("cargo:rerun-if-changed={}", page.display());
    let text = fs::read_to_string(&page).expect("docs/sources.md is readable");
    let section = text.find(HEADING).map_or("", |start| {
        let rest = &text[start..];
        let end = rest[HEADING.len()..]
            .find("\n## ")
            .map_or(rest.len(), |e| e + HEADING.len());
        &rest[..end]
    });
    // Only the heading and the table's rows: the prose stays on the page.
    let kept: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with(HEADING) || line.trim_start().starts_with('|'))
        .collect();
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it")).join("documents.md");
    fs::write(out, kept.join("\n") + "\n").expect("OUT_DIR is writable");
}
