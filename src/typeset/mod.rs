//! Stage 6: typesetting, in process. [`world`] is pleader's own Typst `World` (in-memory sources,
//! embedded fonts, no files, packages or network), [`compile`] runs Typst and exports the PDF,
//! and [`layout`] reads back from the typeset document what the tables and checks need.

pub mod compile;
pub mod layout;
pub mod world;

pub use layout::{facts, page_text, Facts, Landing, TextRun};
pub use typst_layout::PagedDocument;
pub use world::Typesetter;

use crate::diag::SourceText;

/// Maps a generated Typst file back to what the user wrote, so that a Typst error inside a clause
/// is reported against the clause file.
#[derive(Clone, Debug)]
pub struct Origin {
    /// The file the user edits (a clause, a template).
    pub source: SourceText,
    /// Lines of the generated file that precede the first line that came from `source`.
    pub line_offset: usize,
    /// Line in `source` where the part copied into the generated file begins (1-based).
    pub first_line: usize,
    /// True when the generated text is a rendering (Tera, citations) rather than a copy, so line
    /// numbers are approximate and the offending text is looked up instead.
    pub rendered: bool,
}

/// One in-memory Typst file.
#[derive(Clone, Debug)]
pub struct GeneratedFile {
    pub path: String,
    pub text: String,
    pub origin: Option<Origin>,
}
