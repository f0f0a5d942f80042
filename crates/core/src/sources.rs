//! The documents the questions cite, read from `docs/sources.md` (its "Frameworks
//! and documents" table), so a recommendation can name its source with author and
//! year, and a test can check that every question's source names a document.
//!
//! One copy: the table in `docs/sources.md` is both the repository's citation list
//! and what the app shows.

use std::sync::OnceLock;

/// The table of documents of the repository's citation page, `docs/sources.md`, as
/// the build script copies it (the heading and the table's rows, not the prose).
const SOURCES_MD: &str = include_str!(concat!(env!("OUT_DIR"), "/documents.md"));

/// The heading of the table of documents in `docs/sources.md`.
const TABLE_HEADING: &str = "## Frameworks and documents";

/// One row of the table: the short name question sources use, and the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// As written at the start of a source part: "Accelerate", "DORA capability".
    pub short: &'static str,
    /// The full reference, as markdown: authors, title, publisher, year, link.
    pub reference: &'static str,
    /// The publication year named in the reference, if any.
    pub year: Option<u16>,
}

/// Every document of the table, in its order.
pub fn documents() -> &'static [Document] {
    static DOCUMENTS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCUMENTS.get_or_init(|| parse_table(SOURCES_MD))
}

/// The rows of the table under [`TABLE_HEADING`] (`| Short name | Document |`).
fn parse_table(text: &'static str) -> Vec<Document> {
    let Some(start) = text.find(TABLE_HEADING) else {
        return Vec::new();
    };
    let section = &text[start + TABLE_HEADING.len()..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
    section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim().strip_prefix('|')?.split('|').collect();
            let (short, reference) = (cells.first()?.trim(), cells.get(1)?.trim());
            let header = short == "Short name" || short.starts_with("---");
            (!header && !short.is_empty()).then(|| Document {
                short,
                reference,
                year: year_in(reference),
            })
        })
        .collect()
}

/// The first four-digit year from 1900 to 2099 in `text`.
fn year_in(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = &bytes[i..i + 4];
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if !bounded || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year: u16 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        (1900..2100).contains(&year).then_some(year)
    })
}

/// The document a part of a question's `source` names: the longest short name the
/// part starts with, followed by the end, a colon or a comma.
pub fn document(part: &str) -> Option<&'static Document> {
    let part = part.trim();
    documents()
        .iter()
        .filter(|d| {
            part.strip_prefix(d.short)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ',']))
        })
        .max_by_key(|d| d.short.len())
}

/// The parts of a question's `source` ("; " separates them).
pub fn parts(source: &str) -> impl Iterator<Item = &str> {
    source.split(';').map(str::trim).filter(|p| !p.is_empty())
}

/// A source as shown beside a recommendation: each part with its document's year
/// ("Accelerate (2018): change approval; DORA capability: trunk-based development").
pub fn cite(source: &str) -> String {
    parts(source)
        .map(|part| match document(part) {
            Some(Document {
                short,
                year: Some(year),
                ..
            }) => format!("{short} ({year}){}", &part[short.len()..]),
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_found_only_as_whole_numbers() {
        assert_eq!(year_in("IT Revolution, 2019, <https://x>"), Some(2019));
        assert_eq!(year_in("doi:10.1136/qshc.2003.009522"), Some(2003));
        assert_eq!(year_in("page 12345"), None);
        assert_eq!(year_in("no year"), None);
    }

    #[test]
    fn a_table_is_read_up_to_the_next_section() {
        let md = "# x\n## Frameworks and documents\n\n| Short name | Document |\n|---|---|\n| Accelerate | Forsgren et al., *Accelerate*, 2018 |\n| Accelerate: extra | y |\n\n## Next\n| Not | this |\n";
        let rows = parse_table(md);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].short, "Accelerate");
        assert_eq!(rows[0].year, Some(2018));
    }
}
