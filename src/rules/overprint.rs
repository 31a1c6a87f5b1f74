//! Overprinted text: on any page — caption, tables, body — text printed over other text, of
//! another line or of its own. Read from the typeset glyph runs alone: each run's box runs from
//! its cap height above the baseline to its descender below, and two runs overprint when their
//! boxes overlap by more than a hair. A smaller run whose baseline lies inside a larger run's box
//! (a footnote number, set raised and smaller) belongs to that run's line and is judged with it.

use crate::typeset::{page_text, PagedDocument, TextRun};

/// How far, in points, two boxes may overlap before the text counts as overprinted.
const TOLERANCE: f64 = 0.5;

/// Heights of a run's box above and below its baseline, in ems (Liberation Serif: cap height
/// 0.66, descender 0.22; a little less, so that tightly set single-spaced lines do not touch).
const ABOVE: f64 = 0.7;
const BELOW: f64 = 0.2;

/// One place where text is printed over other text: the page index and the two texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Overprint {
    pub page_index: usize,
    pub first: String,
    pub second: String,
}

fn top(r: &TextRun) -> f64 {
    r.baseline - ABOVE * r.size
}

fn bottom(r: &TextRun) -> f64 {
    r.baseline + BELOW * r.size
}

/// Whether `small` is a raised or lowered piece of `big`'s line (a footnote number).
fn rides_on(small: &TextRun, big: &TextRun) -> bool {
    small.size < big.size * 0.9 && small.baseline > top(big) && small.baseline < bottom(big) + 0.01
}

/// Every pair of runs whose boxes overlap, page by page: runs of different lines, or runs of one
/// line printed over each other.
pub fn overprints(doc: &PagedDocument) -> Vec<Overprint> {
    let mut found = vec![];
    for (page_index, page) in doc.pages().iter().enumerate() {
        let all: Vec<TextRun> = page_text(&page.frame).into_iter().filter(|r| !r.text.trim().is_empty()).collect();
        // A raised footnote number is judged with its line, whose runs stand for it. (Only runs
        // smaller than the page's largest can ride on another: most runs skip the search.)
        let largest = all.iter().map(|r| r.size).fold(0.0, f64::max);
        let mut runs: Vec<&TextRun> =
            all.iter().filter(|r| r.size >= largest * 0.9 || !all.iter().any(|host| rides_on(r, host))).collect();
        runs.sort_by(|a, b| top(a).total_cmp(&top(b)));
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                if top(b) >= bottom(a) - TOLERANCE {
                    break; // sorted by top: no later run reaches up into `a`
                }
                let across = (a.x + a.width).min(b.x + b.width) - a.x.max(b.x);
                if across > TOLERANCE {
                    found.push(Overprint {
                        page_index,
                        first: a.text.trim().to_string(),
                        second: b.text.trim().to_string(),
                    });
                }
            }
        }
    }
    found
}
