//! The brief's citations: each pin within the opinion and in the form its citation calls for
//! ([`check_uses`], [`pin_problem`]).

use super::*;

/// A problem with one citation as the brief prints it: its index in the uses.
#[derive(Clone, Debug, PartialEq)]
pub struct UseFinding {
    pub index: usize,
    pub check: Check,
    pub message: String,
    pub fix: Option<String>,
}

/// The checks of the citations a brief prints: every pin of a case lies within the opinion and has
/// the right form.
pub fn check_uses(uses: &[CiteUse], bank: &Bank) -> Vec<UseFinding> {
    let mut out = vec![];
    for (index, u) in uses.iter().enumerate() {
        let Some(a) = bank.get(&u.id) else { continue };
        if a.kind != Kind::Case {
            continue;
        }
        // A case cited again without a pin is printed in full (`cite::forms`), never as a
        // short form, so only the pins printed need checking.
        if let Some(pin) = &u.pin {
            if let Some((cite, _)) = read_cite(a.cite()) {
                if let Some((message, fix)) = pin_problem(&cite, a.end_page.as_deref(), pin) {
                    out.push(UseFinding { index, check: Check::Pin, message: format!("`{}`: {message}", u.id), fix });
                }
            }
        }
    }
    out
}

/// What is wrong with a pin for this citation, and the fix, or `None` when it is fine. Pins may
/// list pages (`975, 980`), ranges (`975–76`, `*2–3`), footnotes (`975 n.3`) and, for an opinion
/// whose paragraphs are numbered, paragraphs (`¶ 1`, `¶¶ 12–14`; Bluebook 3.3), and Ohio's syllabus
/// law (`paragraph one of the syllabus`).
pub fn pin_problem(cite: &CaseCite, end_page: Option<&str>, pin: &str) -> Option<(String, Option<String>)> {
    let pin = pin.trim();
    if pin.is_empty() {
        return None;
    }
    let pin = pin.strip_prefix("at ").unwrap_or(pin);
    for piece in pin.split([',', '&']).map(str::trim).filter(|p| !p.is_empty()) {
        if piece.starts_with("n.") || piece.starts_with("nn.") {
            continue;
        }
        // Ohio's syllabus law ("paragraph one of the syllabus", or "syllabus"): the holding as the
        // Supreme Court of Ohio states it, cited as Ohio courts cite it.
        if piece == "syllabus" || (piece.starts_with("paragraph ") && piece.ends_with(" of the syllabus")) {
            continue;
        }
        if let Some(paras) = piece.strip_prefix("¶¶").or_else(|| piece.strip_prefix('¶')) {
            match read_range(paras.trim()) {
                Some((start, end)) if start >= 1 && end >= start => continue,
                _ => {
                    return Some((
                        format!("the paragraph pin `{piece}` is not a paragraph or a range of paragraphs"),
                        Some("write paragraphs as `¶ 12` or `¶¶ 12–14`".into()),
                    ))
                }
            }
        }
        let page_part = piece.split(" n").next().unwrap_or(piece).trim();
        let star = page_part.starts_with('*');
        let Some((start, end)) = read_range(page_part.trim_start_matches('*')) else {
            return Some((
                format!("the pin `{pin}` is not a page, a range or a star page pleader can read"),
                Some("write pages as `975`, `975–76` or `*9`".into()),
            ));
        };
        match cite {
            CaseCite::Reporter(p) => {
                if star {
                    return Some((
                        format!("the star page `{page_part}` belongs to a Westlaw or Lexis citation; this one is cited by reporter page"),
                        Some(format!("write the reporter page: `{}`", page_part.trim_start_matches('*'))),
                    ));
                }
                let Ok(first) = p.page.parse::<u32>() else { continue };
                if start < first {
                    return Some((
                        format!("the pin {page_part} is before the opinion's first page, {first}"),
                        Some("check the pin against the opinion".into()),
                    ));
                }
                if let Some(last) = end_page.and_then(|e| e.trim().parse::<u32>().ok()) {
                    if end > last {
                        return Some((
                            format!("the pin {page_part} is past the opinion's last page, {last} (`end_page`)"),
                            Some("check the pin against the opinion".into()),
                        ));
                    }
                }
            }
            CaseCite::Westlaw { .. } | CaseCite::Lexis { .. } => {
                if !star {
                    return Some((
                        format!("a Westlaw or Lexis citation is pinned to star pages, not `{page_part}`"),
                        Some(format!("write `*{page_part}`")),
                    ));
                }
                if start == 0 {
                    return Some((format!("there is no star page {page_part}"), None));
                }
            }
            CaseCite::Slip | CaseCite::Docket => {}
        }
        if end < start {
            return Some((
                format!("the range `{page_part}` ends before it starts"),
                Some("write the range as `975–76` (first page, then the last)".into()),
            ));
        }
    }
    None
}

/// "975" → (975, 975); "975–76" and "975-976" → (975, 976); "2–3" → (2, 3).
pub(super) fn read_range(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let (a, b) = match s.split_once(['–', '-', '—']) {
        Some((a, b)) => (a.trim(), Some(b.trim().trim_start_matches('*'))),
        None => (s, None),
    };
    let start: u32 = a.parse().ok()?;
    let end = match b {
        None => start,
        Some(b) if b.len() < a.len() => {
            // Abbreviated end: "975–76" is 976.
            let keep = &a[..a.len() - b.len()];
            format!("{keep}{b}").parse().ok()?
        }
        Some(b) => b.parse().ok()?,
    };
    Some((start, end))
}
