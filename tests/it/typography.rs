//! Typography a clerk or a partner notices, read from the typeset document (glyphs and their
//! positions): footnote numbers all set alike, wrapped headings hanging under their text, no gap
//! in an italic "aff’d", case numbers never broken (caption and every footer), a hearing label
//! printed once, subdivisions and section numbers kept whole, no line beginning with an em dash,
//! widow and orphan control as the profile says, and certificates kept whole on one page.

use crate::common::*;
use pleader::pipeline::{Built, Session};
use typst::foundations::NativeElement;
use typst::introspection::Introspector;
use typst::layout::{Frame, FrameItem, Point};
use typst::model::FootnoteElem;

/// A case with subsequent history, for the italic "aff’d".
const AFFIRMED: &str = "  fx-affirmed: {kind: case, name: \"Affirmed v. Example\", short: Affirmed, \
                        cite: \"1 F.4th 100\", court: N.D. Cal., year: 2023, \
                        history: [{phrase: \"aff’d\", cite: \"2 F.4th 200\", court: 9th Cir., year: 2024}]}\n";

/// The engine fixture with `fx-typography` as its last clause.
fn typography(session: &mut Session, edits: &[(&str, &str)]) -> Built {
    build_engine_text(session, &engine_matter(edits, &format!("  - fx-typography\nauthorities:\n{AFFIRMED}")))
}

/// One glyph as typeset: its character(s), position and size, and whether it is the font's
/// ordinary glyph for its character (a typographic superscript is not).
#[derive(Debug)]
struct Glyph {
    text: String,
    x: f64,
    baseline: f64,
    size: f64,
    /// The font's own advance of this glyph, before kerning.
    natural: f64,
    nominal: bool,
    italic: bool,
}

fn glyphs(frame: &Frame) -> Vec<Glyph> {
    fn walk(frame: &Frame, origin: Point, out: &mut Vec<Glyph>) {
        for (pos, item) in frame.items() {
            let at = origin + *pos;
            match item {
                FrameItem::Group(g) => walk(&g.frame, at + Point::new(g.transform.tx, g.transform.ty), out),
                FrameItem::Text(t) => {
                    let size = t.size.to_pt();
                    let italic = t.font.font().info().variant.style != typst::text::FontStyle::Normal;
                    let mut x = at.x.to_pt();
                    for g in &t.glyphs {
                        let text = t.text[g.range()].to_string();
                        let nominal =
                            text.chars().next().and_then(|c| t.font.ttf().glyph_index(c)).map(|i| i.0) == Some(g.id);
                        let natural = t.font.x_advance(g.id).map_or(0.0, |a| a.get() * size);
                        out.push(Glyph {
                            text,
                            x: x + g.x_offset.get() * size,
                            baseline: at.y.to_pt(),
                            size,
                            natural,
                            nominal,
                            italic,
                        });
                        x += g.x_advance.get() * size;
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = vec![];
    walk(frame, Point::zero(), &mut out);
    out
}

#[test]
fn footnote_numbers_are_all_set_alike() {
    let built = typography(&mut Session::new(), &[]);
    let notes = built.doc.introspector().query(&FootnoteElem::ELEM.select()).len();
    assert!(notes >= 5, "{notes} footnotes");
    let p = &built.profile;
    let body = p.type_.size.pt();
    // Footnote numbers: digit glyphs in the text column smaller than the text or drawn from the
    // font's superscripts, in the text (the reference) and at the foot of the page (the note).
    let mut numbers = vec![];
    for page in body_pages(&built) {
        for g in glyphs(&built.doc.pages()[page].frame) {
            let in_column = g.x >= p.paper.margin_left.pt() - 1.0 && g.baseline < p.text_bottom();
            if in_column && g.text.chars().all(|c| c.is_ascii_digit()) && (g.size < body - 0.01 || !g.nominal) {
                numbers.push(g);
            }
        }
    }
    assert_eq!(numbers.len(), 2 * notes, "{numbers:#?}");
    let first = &numbers[0];
    for n in &numbers {
        assert!(n.nominal && (n.size - first.size).abs() < 0.01, "footnote number {n:?} set unlike {first:?}");
    }
}

#[test]
fn wrapped_headings_hang_under_their_text() {
    let built = build(&fixture("engine").join("matter.yaml"));
    let number_width = built.profile.layout.heading_number_width.pt();
    let mut checked = 0;
    for entry in &built.front.toc {
        let title = normalize(&pleader::escape::plain(&entry.title));
        for page in body_pages(&built) {
            let lines = text_lines(&built, page);
            let Some(i) = lines.iter().position(|l| normalize(&l.text).starts_with(&format!("{} ", entry.number)))
            else {
                continue;
            };
            let first = normalize(&lines[i].text);
            if !title.starts_with(first[entry.number.len()..].trim()) || first.len() >= entry.number.len() + title.len()
            {
                continue; // another line that starts with the same number, or a heading on one line
            }
            // The second line starts where the title's first word starts.
            let indent = lines[i].x + number_width;
            assert!((lines[i + 1].x - indent).abs() < 0.5, "{:?} then {:?}", lines[i], lines[i + 1]);
            checked += 1;
        }
    }
    assert!(checked >= 1, "the fixture has a heading that wraps");
}

#[test]
fn an_italic_f_and_its_apostrophe_are_not_kerned_apart() {
    let built = typography(&mut Session::new(), &[]);
    let mut checked = 0;
    for page in 0..built.doc.pages().len() {
        let g = glyphs(&built.doc.pages()[page].frame);
        for w in g.windows(2) {
            let italic = w[0].italic && w[1].italic;
            if italic && w[0].text == "f" && w[1].text == "’" && (w[0].baseline - w[1].baseline).abs() < 0.01 {
                let advance = w[1].x - w[0].x;
                assert!(
                    advance <= w[0].natural + 0.01,
                    "page {page}: ’ set {advance:.2} pt after f (f is {:.2})",
                    w[0].natural
                );
                checked += 1;
            }
        }
    }
    // Once in the text, once in the table of authorities.
    assert!(checked >= 2, "{checked}");
}

#[test]
fn a_case_number_never_breaks() {
    // C.D. Cal.: 14-point type, the magistrate judge's suffix, and a footer title that fills most
    // of the line (one too long to fit beside the number is an error: captions::the_footer_…).
    let built = typography(
        &mut Session::new(),
        &[
            ("court: nd-cal", "court: cd-cal"),
            ("division: Oakland Division", "division: Western Division"),
            ("number: 4:24-mc-80001", "number: 2:24-cv-01234"),
            ("judge_initials: XYZ", "judge_initials: ABC (DEFx)"),
            ("short_title: OPPOSITION TO MOTION TO COMPEL", "short_title: RESPONDENT’S OPPOSITION TO MOTION"),
        ],
    );
    let number = "2:24-cv-01234-ABC (DEFx)";
    for page in 0..built.doc.pages().len() {
        let lines: Vec<String> = all_lines(&built, page).iter().map(|l| normalize(&l.text)).collect();
        let whole = lines.iter().filter(|l| l.contains(number)).count();
        let parts = lines.iter().filter(|l| l.contains("2:24") || l.contains("(DEFx)")).count();
        // Every page's footer, and the caption too on the first page.
        assert_eq!(whole, if page == 0 { 2 } else { 1 }, "page {page}: {lines:#?}");
        assert_eq!(parts, whole, "page {page}: the case number is broken: {lines:#?}");
    }
}

#[test]
fn a_hearing_label_is_printed_once() {
    let hearing = "  date: 2024-03-05\n  hearing: {date: 2024-04-18, time: \"10:00 a.m.\", courtroom: ROOM}\n";
    for (court, room, printed) in
        [("cd-cal", "Courtroom 790", "Courtroom: 790"), ("ca-superior", "Dept. 302", "Dept.: 302")]
    {
        let built = typography(
            &mut Session::new(),
            &[
                ("court: nd-cal", &format!("court: {court}\ncounty: Alameda")),
                ("division: Oakland Division", "division: Western Division"),
                ("  date: 2024-03-05\n", &hearing.replace("ROOM", room)),
            ],
        );
        let caption = normalize(&page_string(&built, 0));
        assert!(caption.contains(printed), "{court}: {caption}");
        let label = printed.split(':').next().unwrap();
        assert_eq!(caption.matches(label).count(), 1, "{court}: {caption}");
    }
}

#[test]
fn subdivisions_and_section_numbers_stay_on_one_line() {
    let built = typography(&mut Session::new(), &[]);
    let printed = |needle: &str| -> (usize, usize) {
        let mut whole = 0;
        let mut started = 0;
        for page in body_pages(&built) {
            for l in text_lines(&built, page) {
                let t: String = normalize(&l.text).chars().filter(|c| !c.is_whitespace()).collect();
                whole += t.matches(needle).count();
                started += t.matches(&needle[..needle.len() - 3]).count();
            }
        }
        (whole, started)
    };
    for needle in ["45(d)(2)(B)(i)", "§1030(a)(2)(C)"] {
        let (whole, started) = printed(needle);
        assert!(whole >= 25, "{needle}: {whole}");
        assert_eq!(whole, started, "{needle} broken across lines");
    }
    // What keeps them together is not text: no glyph carries it into the PDF's text, so copying a
    // citation or searching for it finds "45(d)(2)(B)(i)".
    for page in 0..built.doc.pages().len() {
        for g in glyphs(&built.doc.pages()[page].frame) {
            assert!(!g.text.contains('\u{2060}'), "page {page}: a joiner in the text of {g:?}");
        }
    }
    // A section sign is never the last thing on a line.
    for page in body_pages(&built) {
        for l in text_lines(&built, page) {
            assert!(!normalize(&l.text).ends_with('§'), "page {page}: {:?}", l.text);
        }
    }
}

#[test]
fn no_line_begins_with_an_em_dash() {
    let built = typography(&mut Session::new(), &[]);
    let mut dashes = 0;
    for page in body_pages(&built) {
        for l in text_lines(&built, page) {
            let t = normalize(&l.text);
            dashes += t.matches('—').count();
            assert!(!t.starts_with('—'), "page {page}: {t:?}");
        }
    }
    assert!(dashes >= 50, "{dashes} em dashes typeset");
}

/// Body pages (before the page where the signature block begins) whose text stops above the last
/// numbered line: the pages that leave numbered lines blank while the text goes on.
fn pages_ending_early(built: &Built) -> Vec<usize> {
    let signature = built.facts.marks.iter().find(|(n, _)| n == "pl:signature").unwrap().1.page_index;
    let last = grid_baseline(built, built.profile.lines.count);
    let min = built.profile.type_.min_size.pt() - 0.01;
    (built.facts.body_start.unwrap()..signature)
        .filter(|&page| {
            let lines: Vec<Line> = text_lines(built, page).into_iter().filter(|l| l.size >= min).collect();
            lines.last().is_some_and(|l| l.baseline < last - 1.0)
        })
        .collect()
}

#[test]
fn widow_and_orphan_control_is_a_profile_setting() {
    // Plain paragraphs and no footnotes: shift the text word by word. With the pleading-paper
    // default every page is filled to its last numbered line; with the setting on, some shift
    // leaves a widow or orphan to move.
    let mut session = Session::new();
    let mut moved = 0;
    for lead in 0..24 {
        let outline = format!("brief:\n  - {{clause: fx-paragraphs, options: {{lead: {lead}}}}}\n");
        let base = engine_matter(&[], "");
        let text = base[..base.find("brief:").unwrap()].to_string() + &outline;
        let built = build_engine_text(&mut session, &text);
        assert!(!built.profile.layout.avoid_widows_and_orphans);
        assert!(body_pages(&built).len() >= 3);
        assert_eq!(pages_ending_early(&built), Vec::<usize>::new(), "lead {lead}: numbered lines left blank");
        let avoid = build_engine_text(
            &mut session,
            &format!("{text}overrides:\n  layout: {{avoid_widows_and_orphans: true}}\n"),
        );
        if !pages_ending_early(&avoid).is_empty() {
            moved += 1;
        }
    }
    assert!(moved > 0, "widow and orphan control never moved a line");
}

/// A certificate (of compliance, of service) is a few lines: in every sample it prints whole on
/// one page, its title, statement and signature together, never a signature alone at the top of
/// a page (round 6 audit). Read from the typeset text of each page.
#[test]
fn a_certificate_is_never_split_across_pages() {
    for name in sample_files() {
        let built = build(&root().join("matters").join(&name));
        for page in 0..built.doc.pages().len() {
            let text = normalize(&page_string(&built, page));
            let Some(at) = text.find("CERTIFICATE OF") else { continue };
            // The signature follows the title on the same page.
            assert!(
                text[at..].contains("/s/"),
                "{name}: page {} has a certificate without its signature: {text}",
                page + 1
            );
        }
        // And no page begins with a certificate's signature: the signer's "/s/" is never the first
        // line of the page after a certificate's statement.
        for page in 1..built.doc.pages().len() {
            let lines = text_lines(&built, page);
            if let Some(first) = lines.first() {
                let before = normalize(&page_string(&built, page - 1));
                assert!(
                    !(first.text.starts_with("/s/") && before.contains("CERTIFICATE OF")),
                    "{name}: page {} begins with a certificate's signature",
                    page + 1
                );
            }
        }
    }
}

/// The footnote numbers of a typeset brief, read from its glyphs: the references in reading order
/// (above each page's footnote rule) and the notes at the foot of the pages, each number made of
/// the adjacent small digits on one baseline.
fn footnote_numbers(built: &Built) -> (Vec<u32>, Vec<u32>) {
    let p = &built.profile;
    let body = p.type_.size.pt();
    let (mut refs, mut notes) = (vec![], vec![]);
    for page in 0..built.doc.pages().len() {
        let rule = footnote_rule(built, page).unwrap_or(f64::INFINITY);
        let mut digits: Vec<Glyph> = glyphs(&built.doc.pages()[page].frame)
            .into_iter()
            .filter(|g| g.x >= p.paper.margin_left.pt() - 1.0 && g.baseline < p.text_bottom())
            .filter(|g| g.text.chars().all(|c| c.is_ascii_digit()) && (g.size < body - 0.01 || !g.nominal))
            .collect();
        digits.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
        let mut numbers: Vec<(f64, f64, String)> = vec![];
        for g in digits {
            match numbers.last_mut() {
                Some((baseline, end, text)) if (*baseline - g.baseline).abs() < 0.01 && (g.x - *end).abs() < 0.5 => {
                    text.push_str(&g.text);
                    *end = g.x + g.natural * g.size;
                }
                _ => numbers.push((g.baseline, g.x + g.natural * g.size, g.text.clone())),
            }
        }
        for (baseline, _, text) in numbers {
            let n: u32 = text.parse().unwrap();
            if baseline > rule {
                notes.push(n)
            } else {
                refs.push(n)
            }
        }
    }
    (refs, notes)
}

#[test]
fn footnotes_are_numbered_one_to_n_in_reading_order() {
    let built = typography(&mut Session::new(), &[]);
    assert!(numbered_one_to_n(&built) >= 5);
}

/// Asserts that the footnotes print 1, 2, 3… in reading order, in the text and at the foot of the
/// pages, as many as the document holds; returns how many.
fn numbered_one_to_n(built: &Built) -> u32 {
    let count = built.doc.introspector().query(&FootnoteElem::ELEM.select()).len() as u32;
    let (refs, notes) = footnote_numbers(built);
    let expected: Vec<u32> = (1..=count).collect();
    assert_eq!(refs, expected, "the references in the text");
    assert_eq!(notes, expected, "the notes at the foot of the pages");
    count
}

/// pleader numbers the clauses' footnotes itself (a constant number spares Typst a second layout
/// of every paragraph that holds one); a project template that adds a footnote before them is
/// counted by Typst, and the brief is typeset again with Typst's own numbering.
#[test]
fn a_footnote_from_a_project_template_keeps_every_number_right() {
    let dir = temp_dir("footnote-template");
    let project = dir.join("project");
    std::fs::create_dir_all(project.join("templates")).unwrap();
    std::fs::create_dir_all(project.join("clauses")).unwrap();
    for entry in std::fs::read_dir(fixture("engine").join("clauses")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, project.join("clauses").join(path.file_name().unwrap())).unwrap();
    }
    let caption = std::fs::read_to_string(root().join("templates/caption.typ")).unwrap();
    let opening = "#let caption-page(m) = {\n";
    assert!(caption.contains(opening));
    let caption = caption.replacen(opening, &format!("{opening}  [#footnote[A note the caption adds.]]\n"), 1);
    std::fs::write(project.join("templates/caption.typ"), caption).unwrap();
    let text = engine_matter(&[], &format!("  - fx-typography\nauthorities:\n{AFFIRMED}"));
    let loaded = Session::new().load(pleader::diag::SourceText::new("matter.yaml", text), {
        pleader::library::project::Project::at(&project).unwrap()
    });
    let mut session = Session::new();
    let built = session
        .build_loaded(loaded.unwrap(), std::time::Instant::now(), pleader::pipeline::BuildOptions { pdf: false })
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    assert!(numbered_one_to_n(&built) >= 6);
    assert_eq!(built.timings.compiles, 2, "typeset again with Typst's numbering");
}
