//! Stage 5: typesetting. An in-process Typst `World` of pleader's own: every source it can see is
//! an in-memory text that the assemble stage produced (the generated main file, the templates, the
//! data files, one file per clause), the only fonts are the Liberation Serif faces embedded in the
//! binary, `today()` is the matter's date, and packages are refused. Nothing here touches the file
//! system or the network. The `Typesetter` is kept alive between builds (watch mode, the warm
//! benchmark): sources are updated in place so Typst's incremental parser and its memoization
//! cache reuse the layout of everything that did not change.
//!
//! After layout, [`facts`] reads back what pleader needs from the typeset document: the page of
//! every citation mark and heading, and which pages belong to the body.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, NativeElement, Smart, Value};
use typst::introspection::MetadataElem;
use typst::model::HeadingElem;
use typst::layout::{Frame, FrameItem, Point};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
pub use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, SourceText};

/// The font files embedded in the binary (SIL OFL 1.1, see `fonts/OFL.txt`).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

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

/// The persistent Typst world.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    origins: HashMap<FileId, Origin>,
    today: Option<Datetime>,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

fn file_id(path: &str) -> FileId {
    // Paths are produced by pleader itself ("/main.typ", "/clauses/03-intro.typ"), always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid.typ").unwrap());
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Typesetter {
    pub fn new() -> Self {
        let fonts: Vec<Font> =
            FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        let book = FontBook::from_fonts(&fonts);
        Self {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(book),
            fonts,
            main: file_id("/main.typ"),
            sources: HashMap::new(),
            origins: HashMap::new(),
            today: None,
        }
    }

    /// The family names of the embedded fonts.
    pub fn font_families(&self) -> Vec<String> {
        let mut v: Vec<String> = self.fonts.iter().map(|f| f.info().family.clone()).collect();
        v.dedup();
        v
    }

    /// Sets the date `datetime.today()` returns (the matter's date, never the clock).
    pub fn set_today(&mut self, date: chrono::NaiveDate) {
        use chrono::Datelike;
        self.today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
    }

    /// Replaces the set of sources. Files whose text is unchanged keep their parsed `Source`;
    /// changed ones are edited in place, which lets Typst reparse incrementally.
    pub fn set_sources(&mut self, files: Vec<GeneratedFile>) {
        let mut keep = HashMap::with_capacity(files.len());
        let mut origins = HashMap::with_capacity(files.len());
        for file in files {
            let id = file_id(&file.path);
            let source = match self.sources.remove(&id) {
                Some(mut source) => {
                    if source.text() != file.text {
                        source.replace(&file.text);
                    }
                    source
                }
                None => Source::new(id, file.text),
            };
            keep.insert(id, source);
            if let Some(origin) = file.origin {
                origins.insert(id, origin);
            }
        }
        self.sources = keep;
        self.origins = origins;
    }

    /// Typesets the current sources. Warnings that mean a wrong document (a missing font family)
    /// are turned into errors.
    pub fn compile(&self) -> Result<(PagedDocument, Vec<Diagnostic>), Vec<Diagnostic>> {
        let warned = typst::compile::<PagedDocument>(self);
        let (fatal, other): (Vec<_>, Vec<_>) =
            warned.warnings.iter().partition(|w| w.message.contains("unknown font family"));
        let mut problems: Vec<Diagnostic> = fatal.iter().map(|w| self.diagnostic(w, true)).collect();
        let warnings = other.iter().map(|w| self.diagnostic(w, false)).collect();
        match warned.output {
            Ok(doc) if problems.is_empty() => Ok((doc, warnings)),
            Ok(_) => Err(problems),
            Err(errors) => {
                problems.extend(errors.iter().map(|e| self.diagnostic(e, false)));
                Err(problems)
            }
        }
    }

    /// Exports a typeset document as PDF with fixed identifiers and no timestamp, so the same
    /// inputs give the same bytes.
    pub fn pdf(&self, doc: &PagedDocument, ident: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            creator: Smart::Custom(Some(format!("pleader {}", env!("CARGO_PKG_VERSION")))),
            timestamp: None,
            ..Default::default()
        };
        typst_pdf::pdf(doc, &options)
            .map_err(|errs| errs.iter().map(|e| self.diagnostic(e, false)).collect())
    }

    /// Converts a Typst diagnostic into a pleader diagnostic that points at the file the user
    /// edits where that is known (a clause), and at the generated source otherwise.
    fn diagnostic(&self, diag: &SourceDiagnostic, force_error: bool) -> Diagnostic {
        let mut message = diag.message.to_string();
        let is_error = force_error || diag.severity == TypstSeverity::Error;
        let mut d = if is_error { Diagnostic::error("") } else { Diagnostic::warning("") };
        let located = diag.span.id().and_then(|id| {
            let range = self.range(diag.span)?;
            let source = self.sources.get(&id)?;
            Some((id, range, source))
        });
        if let Some((id, range, source)) = located {
            let generated = source.text();
            match self.origins.get(&id) {
                Some(origin) => {
                    let snippet = &generated[range.clone()];
                    let gen_line = generated[..range.start].matches('\n').count() + 1;
                    let span = locate_in_origin(origin, snippet, gen_line);
                    message = format!("Typst: {message}");
                    d = d.at(&origin.source, span);
                }
                None => {
                    let path = id.vpath().get_with_slash().to_string();
                    let text = SourceText::new(format!("<generated>{path}"), generated);
                    message = format!("Typst: {message}");
                    d = d.at(&text, range);
                }
            }
        } else {
            message = format!("Typst: {message}");
        }
        if message.contains("file not found") || message.contains("failed to load file") {
            d = d.with_hint("pleader's typesetter sees only the sources it generates: clauses and templates cannot read files or load packages");
        }
        if let Some(name) = message.strip_prefix("Typst: unknown variable: ") {
            const KNOWN: [&str; 6] = ["blockquote", "flush", "footnote", "emph", "strong", "section-heading"];
            if let Some(best) = crate::diag::closest(name, KNOWN) {
                d = d.with_hint(format!("did you mean `{best}`?"));
            }
        }
        d.message = message;
        for hint in &diag.hints {
            d = d.with_hint(hint.v.to_string());
        }
        d
    }
}

/// Finds where the text Typst complained about sits in the user's file: exactly for copied
/// templates, by searching for the snippet in rendered clauses.
fn locate_in_origin(origin: &Origin, snippet: &str, gen_line: usize) -> std::ops::Range<usize> {
    let text = &origin.source.text;
    let approx_line = (gen_line.saturating_sub(origin.line_offset) + origin.first_line).max(1);
    if !origin.rendered {
        let start = origin.source.offset(approx_line, 1);
        if let Some(pos) = text[start..].find(snippet).filter(|_| !snippet.is_empty()) {
            return start + pos..start + pos + snippet.len();
        }
        return origin.source.line_range(approx_line);
    }
    // Rendered: search for the snippet (or its first line) in the clause, nearest to the
    // approximate line.
    let needle = snippet.lines().next().unwrap_or("").trim();
    if !needle.is_empty() {
        let mut best: Option<(usize, usize)> = None;
        for (pos, _) in text.match_indices(needle) {
            let line = origin.source.line_col(pos).0;
            let dist = line.abs_diff(approx_line);
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, pos));
            }
        }
        if let Some((_, pos)) = best {
            return pos..pos + needle.len();
        }
    }
    let line = approx_line.min(text.lines().count().max(1));
    origin.source.line_range(line)
}

impl World for Typesetter {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if matches!(id.root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some("packages are not available in pleader".into())));
        }
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if matches!(id.root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some("packages are not available in pleader".into())));
        }
        match self.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.text().to_string())),
            None => Err(FileError::NotFound(id.vpath().get_with_slash().into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Where something landed in the typeset document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Landing {
    /// Physical page index, from 0.
    pub page_index: usize,
    /// Position on the page in points, from the top left.
    pub x: f64,
    pub y: f64,
}

/// What pleader reads back from a typeset document.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Physical index of the first body page.
    pub body_start: Option<usize>,
    /// Printed page number of every page (from the page counter), `None` when unnumbered.
    pub page_numbers: Vec<Option<u64>>,
    /// Every metadata mark `pl:<kind>:<n>` with where it landed, in document order.
    pub marks: Vec<(String, Landing)>,
}

impl Facts {
    /// The printed body page number of a physical page index.
    pub fn body_page(&self, page_index: usize) -> Option<u64> {
        let start = self.body_start?;
        (page_index >= start).then(|| self.page_numbers.get(page_index).copied().flatten()).flatten()
    }

    /// Marks of one kind (`cite`, `heading`, …) with their numeric ids.
    pub fn marks_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = (usize, Landing)> + 'a {
        self.marks.iter().filter_map(move |(name, landing)| {
            let rest = name.strip_prefix("pl:")?.strip_prefix(kind)?.strip_prefix(':')?;
            Some((rest.parse().ok()?, *landing))
        })
    }
}

/// Reads citation and heading marks and page numbers from a typeset document.
pub fn facts(doc: &PagedDocument) -> Facts {
    let introspector = doc.introspector();
    let mut marks = Vec::new();
    let selector = MetadataElem::ELEM.select();
    use typst::introspection::Introspector;
    for elem in introspector.query(&selector) {
        let Some(meta) = elem.to_packed::<MetadataElem>() else { continue };
        let Value::Str(name) = &meta.value else { continue };
        let name = name.as_str();
        if !name.starts_with("pl:") {
            continue;
        }
        let Some(loc) = elem.location() else { continue };
        let Some(pos) = introspector.position(loc) else { continue };
        marks.push((
            name.to_string(),
            Landing {
                page_index: pos.page.get() - 1,
                x: pos.point.x.to_pt(),
                y: pos.point.y.to_pt(),
            },
        ));
    }
    for elem in introspector.query(&HeadingElem::ELEM.select()) {
        let Some(label) = elem.label() else { continue };
        let name = label.resolve();
        let Some(n) = name.as_str().strip_prefix("pl-h") else { continue };
        let Some(loc) = elem.location() else { continue };
        let Some(pos) = introspector.position(loc) else { continue };
        marks.push((
            format!("pl:heading:{n}"),
            Landing { page_index: pos.page.get() - 1, x: pos.point.x.to_pt(), y: pos.point.y.to_pt() },
        ));
    }
    let page_numbers = doc
        .pages()
        .iter()
        .map(|p| p.numbering.as_ref().map(|_| p.number))
        .collect();
    let body_start = marks
        .iter()
        .find(|(name, _)| name == "pl:body-start")
        .map(|(_, l)| l.page_index);
    Facts { body_start, page_numbers, marks }
}

/// A run of text on a page, for layout checks: its baseline position, font size and text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f64,
    /// Advance width of the run.
    pub width: f64,
    pub baseline: f64,
    pub size: f64,
    pub text: String,
    pub font: String,
}

/// Every text item on a page with its absolute baseline position, in drawing order.
pub fn page_text(frame: &Frame) -> Vec<TextRun> {
    let mut out = Vec::new();
    walk(frame, Point::zero(), &mut out);
    out
}

fn walk(frame: &Frame, origin: Point, out: &mut Vec<TextRun>) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(group) => {
                // pleader's templates never rotate or scale text; translation is enough.
                let tx = group.transform.tx;
                let ty = group.transform.ty;
                walk(&group.frame, at + Point::new(tx, ty), out);
            }
            FrameItem::Text(text) => out.push(TextRun {
                x: at.x.to_pt(),
                width: text.width().to_pt(),
                baseline: at.y.to_pt(),
                size: text.size.to_pt(),
                text: text.text.to_string(),
                font: text.font.info().family.clone(),
            }),
            _ => {}
        }
    }
}
