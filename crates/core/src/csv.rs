//! The one CSV writer: every spreadsheet the app offers (a team's assessments, its
//! experiments, the coach's heat map) is written here, so they all open the same
//! way in Excel, LibreOffice and Google Sheets.
//!
//! - A UTF-8 byte-order mark first, which spreadsheets take as "this is UTF-8".
//! - Text cells quoted, numbers not ([`::csv::QuoteStyle::NonNumeric`]).
//! - Free text (team names, notes, titles of the user's own questionnaires) is the
//!   user's or came from an imported file: a cell a spreadsheet would evaluate as
//!   a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
//!   prefixed with an apostrophe by [`safe`], so it shows as the text it is and
//!   never runs.

/// A CSV being written in memory: add rows with [`Sheet::row`], then take the text
/// with [`Sheet::finish`].
pub struct Sheet {
    out: ::csv::Writer<Vec<u8>>,
}

impl Sheet {
    /// A sheet whose first row is `header`.
    pub fn new<I, T>(header: I) -> Sheet
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        let mut sheet = Sheet {
            out: ::csv::WriterBuilder::new()
                .quote_style(::csv::QuoteStyle::NonNumeric)
                .from_writer(Vec::new()),
        };
        sheet.row(header);
        sheet
    }

    /// Adds one row. Cells of free text should pass through [`safe`] first.
    pub fn row<I, T>(&mut self, cells: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        // Writing to memory cannot fail; a failure would only drop a row, never panic.
        let _ = self.out.write_record(cells);
    }

    /// The whole sheet as text, starting with the byte-order mark.
    pub fn finish(self) -> String {
        let bytes = self.out.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }
}

/// `text`, made inert for a spreadsheet: a leading apostrophe before anything a
/// spreadsheet would read as the start of a formula.
pub fn safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}
