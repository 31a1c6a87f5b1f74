//! Shared helpers for the integration tests: building a matter in-process and reading the typeset
//! document back (text runs with positions, grouped into lines) so that layout is checked on the
//! real layout, without any system tool.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use std::collections::{BTreeMap, BTreeSet};

use pleader::pipeline::{BuildOptions, Built, Session};
use pleader::typeset::{page_text, TextRun};
use typst::layout::{Frame, FrameItem, Point};
use typst::visualize::Geometry;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pleader-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

pub fn build(matter: &Path) -> Built {
    match Session::new().build_path(matter, BuildOptions::default()) {
        Ok(b) => b,
        Err(d) => panic!("build of {} failed:\n{}", matter.display(), pleader::diag::render(&d, Default::default())),
    }
}

/// A typeset line: the runs sharing one baseline within the text column.
#[derive(Debug, Clone)]
pub struct Line {
    pub baseline: f64,
    pub x: f64,
    pub size: f64,
    pub text: String,
}

/// Lines of text inside the text column of a page (line numbers, footer excluded).
pub fn text_lines(built: &Built, page: usize) -> Vec<Line> {
    let p = &built.profile;
    let left = p.paper.margin_left.pt() - 1.0;
    let right = p.paper.width.pt() - p.paper.margin_right.pt() + 1.0;
    let bottom = p.paper.margin_top.pt() + p.lines.count as f64 * p.lines.pitch.pt();
    let runs: Vec<TextRun> = page_text(&built.doc.pages()[page].frame)
        .into_iter()
        .filter(|r| r.x >= left && r.x <= right && r.baseline < bottom)
        .collect();
    group_lines(runs)
}

pub fn group_lines(mut runs: Vec<TextRun>) -> Vec<Line> {
    runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Line> = vec![];
    let mut ends: Vec<f64> = vec![];
    for r in runs {
        match lines.last_mut() {
            Some(l) if (l.baseline - r.baseline).abs() < 0.5 => {
                // A space only where there is a visible gap between runs.
                let end = ends.last_mut().unwrap();
                if r.x - *end > 0.5 && !l.text.ends_with(' ') {
                    l.text.push(' ');
                }
                l.text.push_str(&r.text);
                l.x = l.x.min(r.x);
                *end = r.x + r.width;
            }
            _ => {
                ends.push(r.x + r.width);
                lines.push(Line { baseline: r.baseline, x: r.x, size: r.size, text: r.text });
            }
        }
    }
    lines
}

/// Where a page's footnotes begin: the top of their separator, a horizontal rule about two inches
/// long inside the text column (the footer's rule is below the numbered lines, the pleading
/// paper's rules are vertical). `None` on a page without footnotes.
pub fn footnote_top(built: &Built, page: usize) -> Option<f64> {
    fn rules(frame: &typst::layout::Frame, origin: typst::layout::Point, out: &mut Vec<(f64, f64)>) {
        for (pos, item) in frame.items() {
            let at = origin + *pos;
            match item {
                typst::layout::FrameItem::Group(g) => {
                    rules(&g.frame, at + typst::layout::Point::new(g.transform.tx, g.transform.ty), out)
                }
                typst::layout::FrameItem::Shape(shape, _) => {
                    if let typst::visualize::Geometry::Line(to) = &shape.geometry {
                        if to.y.to_pt().abs() < 0.01 {
                            out.push((at.y.to_pt(), to.x.to_pt().abs()));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let p = &built.profile;
    let bottom = p.paper.margin_top.pt() + p.lines.count as f64 * p.lines.pitch.pt();
    let mut found = vec![];
    rules(&built.doc.pages()[page].frame, typst::layout::Point::zero(), &mut found);
    found.into_iter().filter(|(y, len)| *y < bottom && (100.0..200.0).contains(len)).map(|(y, _)| y).reduce(f64::min)
}

/// The line-number runs in the left margin of a page: (number, baseline).
pub fn line_numbers(built: &Built, page: usize) -> Vec<(u32, f64)> {
    let right = built.profile.lines.number_right.pt() + 1.0;
    page_text(&built.doc.pages()[page].frame)
        .into_iter()
        .filter(|r| r.x < right)
        .filter_map(|r| Some((r.text.trim().parse().ok()?, r.baseline)))
        .collect()
}

/// The baseline of numbered line `k` (1-based).
pub fn grid_baseline(built: &Built, k: u32) -> f64 {
    let p = &built.profile;
    p.paper.margin_top.pt() + 0.8 * p.type_.size.pt() + (k - 1) as f64 * p.lines.pitch.pt()
}

/// All text of a page, lines joined with newlines.
pub fn page_string(built: &Built, page: usize) -> String {
    text_lines(built, page).into_iter().map(|l| l.text).collect::<Vec<_>>().join("\n")
}

/// The physical page indices of the body.
pub fn body_pages(built: &Built) -> std::ops::Range<usize> {
    built.facts.body_start.expect("body start mark")..built.doc.pages().len()
}

/// Normalizes text for comparison: whitespace collapsed, typographic quotes made straight,
/// the invisible word joiner Typst puts in outlines removed.
pub fn normalize(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '“' | '”' | '″' => '"',
            '‘' | '’' | '′' => '\'',
            '\u{a0}' => ' ',
            c => c,
        })
        .filter(|c| *c != '\u{2060}' && *c != '\u{ad}')
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The TOA as an independent reader sees it: for each category, the entries' page columns.
pub fn printed_toa(built: &Built) -> Vec<String> {
    let p = &built.profile;
    let column = p.paper.width.pt() - p.paper.margin_right.pt() - p.layout.page_column.pt();
    let start = built.facts.body_start.unwrap();
    let first = (0..start).find(|&i| page_string(built, i).contains("TABLE OF AUTHORITIES")).unwrap();
    let toa_pages: Vec<usize> = (first..start).collect();
    let text_bottom = p.paper.margin_top.pt() + p.lines.count as f64 * p.lines.pitch.pt();
    let mut out: Vec<String> = vec![];
    for page in toa_pages {
        let runs: Vec<_> = pleader::typeset::page_text(&built.doc.pages()[page].frame)
            .into_iter()
            .filter(|r| {
                r.x >= column - 0.5 && r.baseline < text_bottom && !r.text.chars().all(|c| c == '.' || c == ' ')
            })
            .collect();
        for line in group_lines(runs) {
            if line.text.trim() == "Page(s)" {
                continue;
            }
            // A page list too long for the column wraps after a comma: one entry's list.
            match out.last_mut() {
                Some(prev) if prev.ends_with(',') => {
                    prev.push(' ');
                    prev.push_str(&normalize(&line.text));
                }
                _ => out.push(normalize(&line.text)),
            }
        }
    }
    out
}

/// Where the footnote area of a page begins: the top of the footnote separator, a horizontal rule
/// inside the text column and shorter than it (read from the frame, like the text).
pub fn footnote_rule(built: &Built, page: usize) -> Option<f64> {
    fn walk(frame: &Frame, origin: Point, out: &mut Vec<(f64, f64, f64)>) {
        for (pos, item) in frame.items() {
            let at = origin + *pos;
            match item {
                FrameItem::Group(g) => walk(&g.frame, at + Point::new(g.transform.tx, g.transform.ty), out),
                FrameItem::Shape(shape, _) => {
                    if let Geometry::Line(end) = shape.geometry {
                        if end.y.to_pt().abs() < 0.01 && end.x.to_pt() > 1.0 {
                            out.push((at.x.to_pt(), at.y.to_pt(), end.x.to_pt()));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let p = &built.profile;
    let left = p.paper.margin_left.pt();
    let width = p.paper.width.pt() - p.paper.margin_right.pt() - left;
    let mut rules = vec![];
    walk(&built.doc.pages()[page].frame, Point::zero(), &mut rules);
    rules
        .into_iter()
        .filter(|(x, y, len)| (x - left).abs() < 1.0 && *len < width - 1.0 && *y < p.text_bottom())
        .map(|(_, y, _)| y)
        .reduce(f64::min)
}

/// One stream of typeset text across the body pages — the body lines, or the footnote lines —
/// without whitespace: each character with the body page it is printed on and whether whitespace
/// (or a line break) came before it.
#[derive(Default)]
struct Stream {
    /// Each character, its page, whether whitespace came before it, and (in the footnote stream)
    /// the number of the footnote it is printed in.
    chars: Vec<(char, u64, bool, Option<u64>)>,
    cursor: usize,
}

impl Stream {
    fn push_line(&mut self, text: &str, page: u64, note: Option<u64>) {
        let mut space = true;
        for c in normalize(text).chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                self.chars.push((c, page, space, note));
                space = false;
            }
        }
    }

    /// The page (and footnote) of the first glyph of the next occurrence of `needle` (whitespace
    /// ignored) that starts a word, after the previous one found.
    fn find(&mut self, needle: &str) -> Option<(u64, Option<u64>)> {
        let needle: Vec<char> = normalize(needle).chars().filter(|c| !c.is_whitespace()).collect();
        let n = needle.len();
        let found = (self.cursor..(self.chars.len() + 1).saturating_sub(n)).find(|&i| {
            let starts_word = i == 0 || self.chars[i].2 || !self.chars[i - 1].0.is_alphanumeric();
            starts_word && self.chars[i..i + n].iter().map(|c| c.0).eq(needle.iter().copied())
        })?;
        self.cursor = found + n;
        Some((self.chars[found].1, self.chars[found].3))
    }

    fn context(&self) -> String {
        self.chars[self.cursor.min(self.chars.len())..].iter().take(120).map(|c| c.0).collect()
    }
}

/// The body page on which each citation (in `built.uses` order) is printed, found from the
/// typeset text alone: every body page's glyph runs in the text column (footnote reference
/// numbers, set smaller than any text, left out) are split at the footnote rule into a body
/// stream and a footnote stream, and each citation's printed text — full, short or *Id.* — is
/// looked up in its stream in reading order. A citation broken across a line or a page counts on
/// the page of its first glyph. The citation marks are not used.
pub fn citation_pages(built: &Built) -> Vec<u64> {
    citation_places(built).into_iter().map(|(page, _)| page).collect()
}

/// [`citation_pages`] with, for a citation printed in a footnote, the footnote's number as
/// typeset: the superscript number (smaller than any text) that begins the footnote's first line
/// in the footnote area.
pub fn citation_places(built: &Built) -> Vec<(u64, Option<u64>)> {
    let p = &built.profile;
    let left = p.paper.margin_left.pt() - 1.0;
    let right = p.paper.width.pt() - p.paper.margin_right.pt() + 1.0;
    let min = p.type_.min_size.pt() - 0.01;
    let (mut body, mut notes) = (Stream::default(), Stream::default());
    let mut note: Option<u64> = None;
    for page in body_pages(built) {
        let number = built.doc.pages()[page].number;
        let rule = footnote_rule(built, page).unwrap_or(f64::INFINITY);
        let all: Vec<TextRun> = page_text(&built.doc.pages()[page].frame)
            .into_iter()
            .filter(|r| r.x >= left && r.x <= right && r.baseline < p.text_bottom())
            .collect();
        // The footnotes' own numbers: digits set smaller than any text, below the rule.
        let markers: Vec<(f64, u64)> = all
            .iter()
            .filter(|r| r.baseline > rule && r.size < min)
            .filter_map(|r| r.text.trim().parse::<u64>().ok().map(|n| (r.baseline, n)))
            .collect();
        let runs: Vec<TextRun> = all.into_iter().filter(|r| r.size >= min).collect();
        let (text, foot): (Vec<TextRun>, Vec<TextRun>) = runs.into_iter().partition(|r| r.baseline < rule);
        for line in group_lines(text) {
            body.push_line(&line.text, number, None);
        }
        for line in group_lines(foot) {
            // A superscript sits above its line's baseline, within half a line.
            if let Some((_, n)) = markers.iter().find(|(b, _)| *b <= line.baseline + 0.5 && line.baseline - *b < 8.0) {
                note = Some(*n);
            }
            notes.push_line(&line.text, number, note);
        }
    }
    built
        .uses
        .iter()
        .map(|u| {
            let stream = if u.footnote { &mut notes } else { &mut body };
            stream.find(&u.text).unwrap_or_else(|| {
                panic!(
                    "citation {} ({}, {}) not found in the typeset {} text after: {:?}",
                    u.mark,
                    u.id,
                    u.text,
                    if u.footnote { "footnote" } else { "body" },
                    stream.context()
                )
            })
        })
        .collect()
}

/// The TOA page columns an independent reader expects: for each entry, every body page where the
/// text of one of the authority's citations begins ([`citation_places`]), written the way the
/// profile asks (*passim* at its threshold, runs of three or more as ranges), a page that cites it
/// only in footnotes with their typeset numbers ("5 n.1").
pub fn expected_toa(built: &Built) -> Vec<String> {
    let mut pages: BTreeMap<&str, BTreeSet<u64>> = BTreeMap::new();
    // Per authority and page: whether the text cites it there, and the footnotes that do.
    let mut in_text: BTreeSet<(&str, u64)> = BTreeSet::new();
    let mut in_notes: BTreeMap<(&str, u64), BTreeSet<u64>> = BTreeMap::new();
    for (u, (page, note)) in built.uses.iter().zip(citation_places(built)) {
        pages.entry(u.id.as_str()).or_default().insert(page);
        match note {
            Some(n) => {
                in_notes.entry((u.id.as_str(), page)).or_default().insert(n);
            }
            None => {
                in_text.insert((u.id.as_str(), page));
            }
        }
    }
    // "5 n.1" for a page that cites the authority only in footnotes.
    let label = |id: &str, page: u64| -> Option<String> {
        if in_text.contains(&(id, page)) {
            return None;
        }
        let ns: Vec<String> = in_notes.get(&(id, page))?.iter().map(u64::to_string).collect();
        Some(if ns.len() == 1 { format!(" n.{}", ns[0]) } else { format!(" nn.{}", ns.join(", ")) })
    };
    let toa = &built.profile.toa;
    let mut expected = vec![];
    for cat in &built.front.toa {
        for e in &cat.entries {
            let list: Vec<u64> = pages[e.id.as_str()].iter().copied().collect();
            if toa.passim.is_some_and(|n| n > 0 && list.len() >= n as usize) {
                expected.push("passim".to_string());
                continue;
            }
            let id = e.id.as_str();
            let mut parts = vec![];
            let mut i = 0;
            while i < list.len() {
                let mut j = i;
                while j + 1 < list.len()
                    && list[j + 1] == list[j] + 1
                    && label(id, list[j]).is_none()
                    && label(id, list[j + 1]).is_none()
                {
                    j += 1;
                }
                if toa.ranges && j >= i + 2 {
                    parts.push(format!("{}–{}", list[i], list[j]));
                    i = j + 1;
                } else {
                    parts.push(format!("{}{}", list[i], label(id, list[i]).unwrap_or_default()));
                    i += 1;
                }
            }
            expected.push(parts.join(", "));
        }
    }
    expected
}

/// Every double-spaced body line (one with no other line a single-spaced distance above or below
/// it) sits within 1 pt of a numbered line's baseline; where single spacing is exactly half the
/// pitch (12 pt type on 24 pt lines), every line sits on the half grid too.
pub fn assert_body_on_grid(built: &Built) -> usize {
    let p = &built.profile;
    let pitch = p.lines.pitch.pt();
    let single = p.type_.size.pt() + p.lines.single_leading.pt();
    let first = grid_baseline(built, 1);
    let mark = |name: &str| built.facts.marks.iter().find(|(n, _)| n == name).map(|(_, l)| (l.page_index, l.y));
    // The signature block is laid out as one padded block; its inner lines are not body text.
    let (sig, sig_end) = (mark("pl:signature"), mark("pl:signature-end"));
    let in_signature = |page: usize, y: f64| match (sig, sig_end) {
        (Some(s), Some(e)) => (page, y) > (s.0, s.1 - 1.0) && (page, y) < (e.0, e.1 + 1.0),
        _ => false,
    };
    let mut checked = 0;
    for page in body_pages(built) {
        let lines: Vec<Line> = text_lines(built, page)
            .into_iter()
            .filter(|l| l.size >= p.type_.min_size.pt() - 0.01 && !in_signature(page, l.baseline))
            .collect();
        for l in &lines {
            if (single * 2.0 - pitch).abs() < 0.01 {
                let offset = (l.baseline - first) / single;
                assert!((offset - offset.round()).abs() * single < 1.0, "page {page}: off the half grid: {l:?}");
            }
            let is_single = lines.iter().any(|o| ((o.baseline - l.baseline).abs() - single).abs() < 1.0);
            if !is_single {
                let k = (l.baseline - first) / pitch;
                assert!(
                    (k - k.round()).abs() * pitch < 1.0,
                    "page {page}: double-spaced line between numbers (line {:.2}): {:?}",
                    k + 1.0,
                    l.text
                );
                checked += 1;
            }
        }
    }
    checked
}

/// The engine fixture's matter with `edits` applied (each `find` occurring exactly once) and
/// `append` added at the end of the file, where the outline (`brief:`) is.
pub fn engine_matter(edits: &[(&str, &str)], append: &str) -> String {
    let mut text = std::fs::read_to_string(fixture("engine").join("matter.yaml")).unwrap();
    assert!(text.ends_with("  - fx-long\n"), "the fixture's outline ends the file");
    for (find, with) in edits {
        assert_eq!(text.matches(find).count(), 1, "{find:?}");
        text = text.replacen(find, with, 1);
    }
    text + append
}

/// Builds a matter held in memory against the engine fixture's project.
pub fn build_engine_text(session: &mut Session, text: &str) -> Built {
    let project = pleader::library::project::Project::at(&fixture("engine")).unwrap();
    let loaded = session
        .load(pleader::diag::SourceText::new("matter.yaml", text), project)
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    session
        .build_loaded(loaded, std::time::Instant::now(), BuildOptions { pdf: false })
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())))
}

/// Every text run of a page grouped into lines, footer and margins included.
pub fn all_lines(built: &Built, page: usize) -> Vec<Line> {
    group_lines(page_text(&built.doc.pages()[page].frame))
}

/// The court profiles shipped in courts/.
pub const COURTS: [&str; 19] = [
    "nd-cal",
    "cd-cal",
    "ca-superior",
    "sdny",
    "edny",
    "nd-ill",
    "nj-superior",
    "wd-wash",
    "d-mass",
    "nd-tex",
    "dnj",
    "de-superior",
    "ed-pa",
    "ed-va",
    "az-superior",
    "ed-mich",
    "d-ariz",
    "d-colo",
    "va-circuit",
];

/// The sample matters in matters/, by file name.
pub fn sample_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("matters"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    v.sort();
    v
}

/// A sample matter's text with only its `court:` line changed (and, for a court that prints the
/// hearing, a hearing added when the sample has none; for a court that lists its divisions, the
/// sample's division replaced by the court's first when the court has no such division).
/// The matter's text without the `brief:` paragraphs of its own whose text cites a Federal Rule.
fn without_federal_paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut entry: Vec<&str> = vec![];
    let flush = |entry: &mut Vec<&str>, out: &mut String| {
        if !entry.iter().any(|l| l.contains("@frcp")) {
            for l in entry.iter() {
                out.push_str(l);
                out.push('\n');
            }
        }
        entry.clear();
    };
    for line in text.lines() {
        let starts_paragraph = line.trim_start().starts_with("- paragraph:");
        let continues = !entry.is_empty() && !line.trim_start().starts_with('-') && line.starts_with("    ");
        if starts_paragraph {
            flush(&mut entry, &mut out);
            entry.push(line);
        } else if continues {
            entry.push(line);
        } else {
            flush(&mut entry, &mut out);
            out.push_str(line);
            out.push('\n');
        }
    }
    flush(&mut entry, &mut out);
    out
}

pub fn sample_text_in(matter: &str, court: &str) -> String {
    let text = std::fs::read_to_string(root().join("matters").join(matter)).unwrap();
    let line = text.lines().find(|l| l.starts_with("court: ")).expect("a court line").to_string();
    let mut text = text.replacen(&format!("\n{line}\n"), &format!("\ncourt: {court}\n"), 1);
    let profile = std::fs::read_to_string(root().join("courts").join(format!("{court}.yaml"))).unwrap();
    let divisions: Vec<String> = serde_yaml::from_str::<serde_yaml::Value>(&profile).unwrap()["divisions"]
        .as_sequence()
        .map(|s| s.iter().filter_map(|d| d.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    if let Some(division) = text.lines().find(|l| l.starts_with("division: ")).map(str::to_string) {
        let name = division.trim_start_matches("division: ").trim().trim_end_matches(" Division");
        if !divisions.is_empty() && !divisions.iter().any(|d| d == name) && !court.starts_with("ca-") {
            text = text.replacen(&division, &format!("division: {} Division", divisions[0]), 1);
        }
    }
    let state_court = serde_yaml::from_str::<serde_yaml::Value>(&profile).unwrap()["jurisdiction"]["system"].as_str()
        == Some("state");
    if let Some(county) = text.lines().find(|l| l.starts_with("county: ")).map(str::to_string) {
        let name = county.trim_start_matches("county: ").trim();
        if state_court && !divisions.is_empty() && !divisions.iter().any(|d| d == name) {
            text = text.replacen(&county, &format!("county: {}", divisions[0]), 1);
        }
    }
    // A paragraph of the lawyer's own that cites a Federal Rule (E.D. Mich.'s controlling
    // authority) belongs to a federal brief: a state-court variant leaves it out.
    if state_court {
        text = without_federal_paragraphs(&text);
    }
    if state_court && !text.contains("\ncounty: ") {
        // A court title that takes the county as written, with no list (Virginia's circuit
        // courts), gets one in its own form.
        let county = divisions.first().cloned().unwrap_or_else(|| "for the City of Richmond".to_string());
        text = text.replacen(&format!("\ncourt: {court}\n"), &format!("\ncourt: {court}\ncounty: {county}\n"), 1);
    }
    if matches!(court, "cd-cal" | "ca-superior") && !text.contains("\n  hearing:") {
        let date = text.lines().find(|l| l.starts_with("  date: ")).expect("a document date").to_string();
        text = text.replacen(
            &format!("\n{date}\n"),
            &format!("\n{date}\n  hearing: {{date: 2031-01-30, time: \"9:30 a.m.\", courtroom: \"7\"}}\n"),
            1,
        );
    }
    text
}

/// Whether a diagnostic says the matter's brief is not written for its court (a clause that does
/// not apply there, or a fact value only another court system hears) — as opposed to any other
/// problem, which the tests treat as a failure.
pub fn is_court_mismatch(d: &pleader::diag::Diagnostic) -> bool {
    ["is written for", "does not apply in", "presupposes that", "is for a federal court"]
        .iter()
        .any(|p| d.message.contains(p))
}

/// Every sample matter under every court profile whose law its brief is written for: (matter,
/// court, text). The pairs a sample's clauses refuse are left out; any other error fails.
pub fn sample_matrix() -> Vec<(String, String, String)> {
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let mut out = vec![];
    for matter in sample_files() {
        for court in COURTS {
            let text = sample_text_in(&matter, court);
            let src = pleader::diag::SourceText::new(matter.clone(), text.clone());
            let result =
                pleader::pipeline::load(src, project.clone()).and_then(|l| pleader::pipeline::draft_with(&l, &[]));
            match result {
                Ok(_) => out.push((matter.clone(), court.to_string(), text)),
                Err(d) if d.iter().all(is_court_mismatch) => {}
                Err(d) => panic!("{matter} under {court}:\n{}", pleader::diag::render(&d, Default::default())),
            }
        }
    }
    out
}

/// Builds a matter's text in-process.
pub fn build_text(name: &str, text: &str) -> Built {
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let src = pleader::diag::SourceText::new(name.to_string(), text.to_string());
    let loaded = pleader::pipeline::load(src, project)
        .unwrap_or_else(|d| panic!("{name}: {}", pleader::diag::render(&d, Default::default())));
    Session::new()
        .build_loaded(loaded, std::time::Instant::now(), BuildOptions::default())
        .unwrap_or_else(|d| panic!("{name}: {}", pleader::diag::render(&d, Default::default())))
}

/// The checks of a sample that must pass, and a verdict on the pin check: a sample's citations
/// may lack a pin only where the library's own data records none (a state's fact/opinion
/// authority whose page nobody has verified: `pin: ""` in `claims/` (a law's or its fact/opinion
/// authority's), an element's `note:` with
/// no `pin:`, or a bank decision cited for a point its `supports:` entry gives no page for), which is verification work
/// like the bank's unverified entries; a pinless citation any clause wrote on its own fails.
pub fn checks_but_verification(built: &pleader::pipeline::Built) -> Vec<pleader::rules::CheckItem> {
    let laws = || built.library.claims.types.values().flat_map(|(t, _)| t.laws.values());
    let unpinned_in_data: std::collections::BTreeSet<&str> = laws()
        .filter_map(|l| l.fact_opinion.as_ref())
        .filter(|f| f.pin.trim().is_empty())
        .map(|f| f.authority.as_str())
        // An element's note whose authority no one has read to its page (no `pin:`).
        .chain(
            laws()
                .flat_map(|l| l.elements.iter())
                .filter_map(|e| e.note.as_ref())
                .filter(|n| n.pin.as_deref().is_none_or(|p| p.trim().is_empty()))
                .map(|n| n.authority.as_str()),
        )
        // A law whose statement of the elements no one has read to its page (`pin: ""`:
        // Virginia's, Jordan v. Kollman, seen only in a headnote).
        .chain(laws().filter(|l| l.pin.trim().is_empty()).map(|l| l.authority.as_str()))
        // An element cited to an authority of its own whose page no one has read (`pin: ""`).
        .chain(
            laws()
                .flat_map(|l| l.elements.iter())
                .filter(|e| e.pin.as_deref().is_none_or(|p| p.trim().is_empty()))
                .filter_map(|e| e.authority.as_deref()),
        )
        // A decision whose bank entry records no page for the point it is cited for (`pin: ""` on
        // a `supports:` entry): a binding decision that went the other way, acknowledged in the
        // legal standard, or one of the court's own that a survey cites whole for want of a page.
        .chain(built.bank.entries.iter().filter_map(|(id, (a, _))| {
            a.supports.iter().any(|s| s.pin.as_deref().is_none_or(|p| p.trim().is_empty())).then_some(id.as_str())
        }))
        .collect();
    // The decisions the motion relies on, as the matter lists them, are cited as the motion cites
    // them (by name, no pin of ours).
    let movant_cites: Vec<String> = built
        .matter_facts
        .pointer("/motion/arguments")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .flat_map(|a| a.get("authorities").and_then(|v| v.as_array()).cloned().unwrap_or_default())
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    for u in &built.uses {
        if movant_cites.contains(&u.id) {
            continue;
        }
        let is_case = built.bank.get(&u.id).is_some_and(|a| a.kind == pleader::library::bank::Kind::Case);
        // A whole decision cited *see generally* (a holding no page of which was read: the
        // profile's `state_note`, a lawyer's paragraph) carries no pin by design.
        if is_case && u.pin.is_none() && !u.nested && u.signal.as_deref() != Some("see generally") {
            assert!(
                unpinned_in_data.contains(u.id.as_str()),
                "`{}` is cited without a pin, and no claim file records its pin as unknown",
                u.id
            );
        }
    }
    // Like a check of a citation, the court's typeface (Delaware's Times New Roman) is the firm's
    // to supply, as licensed font files in the project's fonts/ (tests/it/library.rs shows that
    // such files are used); until then a certificate naming the face it is set in fails, which
    // tests/it/substance.rs asserts.
    pleader::rules::court_checks(built)
        .into_iter()
        .filter(|c| {
            c.name != "verified authorities"
                && c.name != "pin cites"
                && c.name != "pins seen"
                && c.name != "typeface named in the brief"
        })
        .collect()
}

/// Runs the binary in `cwd` without colour: (exit code, standard output, standard error).
pub fn pleader(args: &[&str], cwd: &std::path::Path) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Builds `text`, expecting it refused; the errors in the short form (`file:line:col: …`).
pub fn refused(name: &str, text: &str) -> String {
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let src = pleader::diag::SourceText::new(name.to_string(), text.to_string());
    let loaded = match pleader::pipeline::load(src, project) {
        Ok(l) => l,
        Err(d) => return pleader::diag::render(&d, pleader::diag::Format::Short),
    };
    match pleader::pipeline::Session::new().build_loaded(
        loaded,
        std::time::Instant::now(),
        pleader::pipeline::BuildOptions::default(),
    ) {
        Ok(_) => panic!("{name}: expected the build to be refused"),
        Err(d) => pleader::diag::render(&d, pleader::diag::Format::Short),
    }
}
