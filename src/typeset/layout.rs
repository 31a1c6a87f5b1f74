//! Layout facts: what pleader reads back from a typeset document — where every citation mark and
//! heading landed, which pages belong to the body and their printed numbers, and the text of each
//! page with glyph positions (for the court-rule checks, the word count and the tests).

use std::collections::BTreeMap;

use typst::foundations::{Dict, NativeElement, Value};
use typst::introspection::MetadataElem;
use typst::layout::{Frame, FrameItem, Point};
use typst::model::HeadingElem;

use super::PagedDocument;
use crate::library::court::Profile;

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
    /// The page the table of contents printed for each heading (by outline index).
    pub toc_pages: BTreeMap<usize, u64>,
    /// The pages the table of authorities printed for each authority, and whether it printed
    /// *passim* instead.
    pub toa_pages: BTreeMap<String, (Vec<u64>, bool)>,
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

/// Gives the front matter's pages (from the mark `pl:front-start` to the body's first page) their
/// numbering: roman, or Arabic where the profile numbers every page in one sequence. They share the caption's page run, whose page rule numbers nothing (a page rule
/// between them would make them a run of their own, laid out after the caption's on the same
/// thread instead of beside the body's), so Typst leaves them unnumbered; the footer prints their
/// numbers itself, and this gives the PDF's page labels the same ones. A document without both
/// marks (the proposed order) is returned as it is.
pub fn number_front_matter(doc: PagedDocument) -> PagedDocument {
    use typst::foundations::Label;
    use typst::introspection::Introspector;
    use typst::model::{Document, Numbering, NumberingPattern};
    use typst::utils::PicoStr;
    let introspector = doc.introspector();
    let page_of = |name: &str| {
        let elem = introspector.query_label(Label::new(PicoStr::intern(name))?).ok()?;
        Some(introspector.position(elem.location()?)?.page.get() - 1)
    };
    let (Some(front), Some(body)) = (page_of("pl-front-start"), page_of("pl-body-start")) else { return doc };
    if front >= body || doc.pages()[front..body].iter().all(|p| p.numbering.is_some()) {
        return doc;
    }
    // One Arabic sequence from the caption page where the profile asks for it (the mark
    // `front-continuous`), roman otherwise.
    let pattern = if page_of("pl-front-continuous").is_some() { "1" } else { "i" };
    let Ok(roman) = pattern.parse::<NumberingPattern>() else { return doc };
    let mut pages: typst::ecow::EcoVec<_> = doc.pages().iter().cloned().collect();
    for page in &mut pages.make_mut()[front..body] {
        if page.numbering.is_none() {
            page.numbering = Some(Numbering::Pattern(roman.clone()));
        }
    }
    PagedDocument::new(pages, doc.info().clone())
}

/// Reads citation and heading marks and page numbers from a typeset document.
pub fn facts(doc: &PagedDocument) -> Facts {
    let introspector = doc.introspector();
    let mut marks = Vec::new();
    let mut toc_pages = BTreeMap::new();
    let mut toa_pages = BTreeMap::new();
    let selector = MetadataElem::ELEM.select();
    use typst::introspection::Introspector;
    for elem in introspector.query(&selector) {
        let Some(meta) = elem.to_packed::<MetadataElem>() else { continue };
        if let Value::Dict(record) = &meta.value {
            read_table_record(record, &mut toc_pages, &mut toa_pages);
            continue;
        }
        let Value::Str(name) = &meta.value else { continue };
        let name = name.as_str();
        if !name.starts_with("pl:") {
            continue;
        }
        let Some(loc) = elem.location() else { continue };
        let Some(pos) = introspector.position(loc) else { continue };
        marks.push((
            name.to_string(),
            Landing { page_index: pos.page.get() - 1, x: pos.point.x.to_pt(), y: pos.point.y.to_pt() },
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
    let page_numbers = doc.pages().iter().map(|p| p.numbering.as_ref().map(|_| p.number)).collect();
    let body_start = marks.iter().find(|(name, _)| name == "pl:body-start").map(|(_, l)| l.page_index);
    Facts { body_start, page_numbers, marks, toc_pages, toa_pages }
}

/// A record the TOC or TOA template left of what it printed: `(pl: "toc", index, page)` or
/// `(pl: "toa", id, pages, passim)`.
fn read_table_record(record: &Dict, toc: &mut BTreeMap<usize, u64>, toa: &mut BTreeMap<String, (Vec<u64>, bool)>) {
    let int = |v: Option<&Value>| match v {
        Some(Value::Int(n)) => u64::try_from(*n).ok(),
        _ => None,
    };
    match record.get("pl").ok() {
        Some(Value::Str(kind)) if kind.as_str() == "toc" => {
            if let (Some(index), Some(page)) = (int(record.get("index").ok()), int(record.get("page").ok())) {
                toc.insert(index as usize, page);
            }
        }
        Some(Value::Str(kind)) if kind.as_str() == "toa" => {
            let Ok(Value::Str(id)) = record.get("id") else { return };
            let pages = match record.get("pages") {
                Ok(Value::Array(a)) => a.iter().filter_map(|v| int(Some(v))).collect(),
                _ => vec![],
            };
            let passim = matches!(record.get("passim"), Ok(Value::Bool(true)));
            toa.insert(id.to_string(), (pages, passim));
        }
        _ => {}
    }
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
    /// Set in an italic (or oblique) face.
    pub italic: bool,
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
                italic: text.font.info().variant.style != typst::text::FontStyle::Normal,
            }),
            _ => {}
        }
    }
}

/// The lines of body text as a reader sees them: runs grouped by baseline, joined with a space
/// where there is a visible gap. Line numbers, footer and anything after the signature mark are
/// left out; footnotes are in.
pub fn body_text_lines(doc: &PagedDocument, p: &Profile, facts: &Facts) -> Vec<(usize, String)> {
    let left = p.paper.margin_left.pt() - 1.0;
    let right = p.paper.width.pt() - p.paper.margin_right.pt() + 1.0;
    let text_bottom = p.text_bottom();
    let signature = facts.marks.iter().find(|(n, _)| n == "pl:signature").map(|(_, l)| *l);
    let Some(start) = facts.body_start else { return vec![] };
    let mut out = vec![];
    for page in start..doc.pages().len() {
        if signature.is_some_and(|s| page > s.page_index) {
            break;
        }
        let mut runs: Vec<TextRun> = page_text(&doc.pages()[page].frame)
            .into_iter()
            .filter(|r| r.x >= left && r.x <= right && r.baseline < text_bottom)
            .filter(|r| !signature.is_some_and(|s| s.page_index == page && r.baseline >= s.y - 1.0))
            .collect();
        runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<(f64, f64, String)> = vec![];
        for r in runs {
            match lines.last_mut() {
                Some((base, end, text)) if (*base - r.baseline).abs() < 3.0 => {
                    if r.x - *end > 0.5 {
                        text.push(' ');
                    }
                    text.push_str(&r.text);
                    *end = r.x + r.width;
                }
                _ => lines.push((r.baseline, r.x + r.width, r.text.clone())),
            }
        }
        out.extend(lines.into_iter().map(|(_, _, t)| (page, t)));
    }
    out
}

/// Words of the body as a word processor counts them, which is what a certificate of word count
/// reports: every whitespace-separated token, "§", "¶¶", "&" and each dot of a spaced ellipsis
/// included (the W.D. Wash. audit: a count that skipped them certified 4,193 words where a word
/// processor finds about 4,224, over the limit), footnotes included, caption, tables, signature
/// block and certificate excluded.
pub fn count_body_words(doc: &PagedDocument, p: &Profile, facts: &Facts) -> usize {
    body_text_lines(doc, p, facts).iter().map(|(_, l)| count_words(l)).sum()
}

/// Whitespace-separated tokens (a no-break space separates them too, as a word processor's
/// count does: Rust's whitespace includes it).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether the footnotes pleader numbered itself (`escape::number_footnotes`) carry, in the typeset
/// document, the numbers Typst's counter gives them: the i-th footnote, in the order Typst counts
/// them, is the one numbered i. Read from the document's footnotes and the source text of each
/// one's numbering function (`(..n) => "i"`). True where pleader numbered none.
pub fn footnotes_numbered(doc: &PagedDocument, typesetter: &super::Typesetter) -> bool {
    use typst::foundations::StyleChain;
    use typst::introspection::Introspector;
    use typst::model::{FootnoteElem, Numbering};
    use typst::WorldExt;
    let notes = doc.introspector().query(&FootnoteElem::ELEM.select());
    let mut counted = 0;
    let mut numbered = 0;
    for elem in notes.iter() {
        let Some(note) = elem.to_packed::<FootnoteElem>() else { continue };
        if note.is_ref() {
            continue;
        }
        counted += 1;
        let Numbering::Func(func) = note.numbering.get_ref(StyleChain::default()) else { continue };
        numbered += 1;
        // The function's span covers its parameters; its text runs on from there.
        let written = func
            .span()
            .id()
            .and_then(|id| Some((typesetter.range(func.span())?, typesetter.sources.get(&id)?)))
            .and_then(|(range, source)| source.text().get(range.start..).map(str::to_string));
        if !written.is_some_and(|t| t.starts_with(&crate::escape::footnote_numbering(counted))) {
            return false;
        }
    }
    numbered == 0 || numbered == counted
}
