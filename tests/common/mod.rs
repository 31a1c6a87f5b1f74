//! Shared helpers for the integration tests: building a matter in-process and reading the typeset
//! document back (text runs with positions, grouped into lines) so that layout is checked on the
//! real layout, without any system tool.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use pleader::pipeline::{BuildOptions, Built, Session};
use pleader::typeset::{page_text, TextRun};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
    for r in runs {
        match lines.last_mut() {
            Some(l) if (l.baseline - r.baseline).abs() < 0.5 => {
                if !l.text.is_empty() && !l.text.ends_with(' ') {
                    l.text.push(' ');
                }
                l.text.push_str(&r.text);
                l.x = l.x.min(r.x);
            }
            _ => lines.push(Line { baseline: r.baseline, x: r.x, size: r.size, text: r.text }),
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
