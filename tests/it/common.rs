//! Shared helpers for the integration tests: building a matter in-process and reading the typeset
//! document back (text runs with positions, grouped into lines) so that layout is checked on the
//! real layout, without any system tool.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use pleader::pipeline::{BuildOptions, Built, Session};
use pleader::typeset::{page_text, TextRun};

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
    let mut out = vec![];
    for page in toa_pages {
        let runs: Vec<_> = pleader::typeset::page_text(&built.doc.pages()[page].frame)
            .into_iter()
            .filter(|r| {
                r.x >= column - 0.5 && r.baseline < text_bottom && !r.text.chars().all(|c| c == '.' || c == ' ')
            })
            .collect();
        for line in group_lines(runs) {
            if line.text.trim() != "Page(s)" {
                out.push(normalize(&line.text));
            }
        }
    }
    out
}

/// The TOA page columns an independent reader expects: every body page where a citation mark of
/// the authority landed, *passim* at 5 or more pages, runs of three or more as ranges.
pub fn expected_toa(built: &Built) -> Vec<String> {
    // Independent expectation: every cite mark's landing page, per authority, formatted the
    // conventional way (passim at 5 pages, runs of 3+ as ranges).
    let mut pages: BTreeMap<&str, std::collections::BTreeSet<u64>> = BTreeMap::new();
    let landed: BTreeMap<usize, usize> = built.facts.marks_of("cite").map(|(n, l)| (n, l.page_index)).collect();
    for u in &built.uses {
        let page = landed[&u.mark];
        pages.entry(u.id.as_str()).or_default().insert(built.facts.body_page(page).unwrap());
    }
    let mut expected = vec![];
    for cat in &built.front.toa {
        for e in &cat.entries {
            let list: Vec<u64> = pages[e.id.as_str()].iter().copied().collect();
            if list.len() >= 5 {
                expected.push("passim".to_string());
                continue;
            }
            let mut parts = vec![];
            let mut i = 0;
            while i < list.len() {
                let mut j = i;
                while j + 1 < list.len() && list[j + 1] == list[j] + 1 {
                    j += 1;
                }
                if j >= i + 2 {
                    parts.push(format!("{}–{}", list[i], list[j]));
                    i = j + 1;
                } else {
                    parts.push(list[i].to_string());
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
