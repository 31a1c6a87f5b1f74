//! The cite-check worksheet (`pleader citecheck`): the table a paralegal works through before
//! filing. One row per citation the brief prints, grouped by authority in table-of-authorities
//! order: where it landed (body page and numbered line, read from the typeset document), the form
//! and pin printed there, the sentence it supports (from the drafted clause), the authority's
//! verification record, the problems the reference-data checks found, and the CourtListener
//! citation-lookup address (built without network access). Written as Markdown or CSV; writing
//! the file is `export`'s job.

use std::collections::BTreeMap;

use crate::cite::read::lookup_url;
use crate::cite::status::{self, Status};
use crate::cite::verify::{self, Finding};
use crate::cite::Form;
use crate::escape::plain;
use crate::pipeline::Built;
use crate::typeset::layout::Landing;

/// One citation in the brief.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    /// The authority as the table of authorities prints it (plain text).
    pub authority: String,
    /// Body page number, once typeset.
    pub page: Option<u64>,
    /// Numbered line of the page (counted on the profile's line grid).
    pub line: Option<u32>,
    pub form: Form,
    pub pin: Option<String>,
    /// The sentence the citation supports, as plain text.
    pub sentence: String,
    /// "verified by … on …", "unverified: <reason>", or "not verified (…)".
    pub status: String,
    /// What the verification record says was read (its `source`), when verified.
    pub source: Option<String>,
    /// Problems the checks found with the authority's entry and with this citation.
    pub problems: Vec<String>,
    pub url: Option<String>,
}

/// The rows of the worksheet, in table-of-authorities order, each authority's citations in
/// reading order.
pub fn rows(built: &Built) -> Vec<Row> {
    let landed: BTreeMap<usize, Landing> = built.facts.marks_of("cite").collect();
    let use_problems: BTreeMap<usize, Vec<String>> = {
        let mut m: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for f in verify::check_uses(&built.uses, &built.bank) {
            m.entry(f.index).or_default().push(format!("{} ({})", f.message, f.check.name()));
        }
        m
    };
    let p = &built.profile;
    let mut baselines: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    let mut out = vec![];
    for category in &built.front.toa {
        for entry in &category.entries {
            let Some(a) = built.bank.get(&entry.id) else { continue };
            let status = status::status(a);
            let source = match status {
                Status::Verified { source, .. } => Some(source.split_whitespace().collect::<Vec<_>>().join(" ")),
                _ => None,
            };
            let entry_problems: Vec<String> = verify::check_authority(&entry.id, a).iter().map(finding_text).collect();
            for (index, u) in built.uses.iter().enumerate().filter(|(_, u)| u.id == entry.id) {
                let landing = landed.get(&u.mark);
                let mut page = landing.and_then(|l| built.facts.body_page(l.page_index));
                // The baseline of the text line the mark is on (a mark sits on the baseline, or at
                // the top of the line box when it opens a paragraph); numbered line k's baseline
                // is 0.8 em below the top of its pitch, and a single-spaced second line counts
                // with the line before it.
                let mut line = landing.map(|l| {
                    let baseline = baselines
                        .entry(l.page_index)
                        .or_insert_with(|| text_baselines(built, l.page_index))
                        .iter()
                        .copied()
                        .find(|b| *b >= l.y - 0.5 && *b <= l.y + p.type_.size.pt() + 0.5)
                        .unwrap_or(l.y);
                    let first = p.paper.margin_top.pt() + 0.8 * p.type_.size.pt();
                    let k = ((baseline - first + 0.5) / p.lines.pitch.pt()).floor() + 1.0;
                    k.clamp(1.0, p.lines.count as f64) as u32
                });
                // A mark left at the very end of a line (after the space where the line broke)
                // belongs to the citation that starts the next line.
                let right = p.paper.width.pt() - p.paper.margin_right.pt();
                if let (Some(l), Some(k)) = (landing, line) {
                    if l.x >= right - 0.5 {
                        if k < p.lines.count {
                            line = Some(k + 1);
                        } else {
                            page = page.map(|n| n + 1);
                            line = Some(1);
                        }
                    }
                }
                // The sentence as the brief prints it: each citation group in its printed form.
                let printed = |r: std::ops::Range<usize>| {
                    built.printed.iter().find(|g| g.clause == u.clause && g.range == r).map(|g| g.text.clone())
                };
                let sentence =
                    built.drafted.get(u.clause).map(|d| printed_sentence(&d.body, u.at, &printed)).unwrap_or_default();
                let mut problems = entry_problems.clone();
                problems.extend(use_problems.get(&index).cloned().unwrap_or_default());
                out.push(Row {
                    id: entry.id.clone(),
                    authority: plain(&a.toa_text()),
                    page,
                    line,
                    form: u.form,
                    pin: u.pin.clone(),
                    sentence,
                    status: status.describe(),
                    source: source.clone(),
                    problems,
                    url: lookup_url(a),
                });
            }
        }
    }
    out
}

/// The baselines of the text lines of a page inside the text column, ascending.
fn text_baselines(built: &Built, page: usize) -> Vec<f64> {
    let p = &built.profile;
    let left = p.paper.margin_left.pt() - 1.0;
    let mut v: Vec<f64> = crate::typeset::page_text(&built.doc.pages()[page].frame)
        .into_iter()
        .filter(|r| r.x >= left && r.baseline < p.text_bottom() + 0.5 && !r.text.trim().is_empty())
        .map(|r| r.baseline)
        .collect();
    v.sort_by(f64::total_cmp);
    v.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    v
}

fn finding_text(f: &Finding) -> String {
    format!("{}: {} ({})", f.field, f.message, f.check.name())
}

fn form_name(f: Form) -> &'static str {
    match f {
        Form::Full => "full",
        Form::Short => "short",
        Form::Id => "Id.",
    }
}

fn place(r: &Row) -> String {
    match (r.page, r.line) {
        (Some(p), Some(l)) => format!("{p}:{l}"),
        (Some(p), None) => p.to_string(),
        _ => "?".into(),
    }
}

/// The worksheet as Markdown: a heading, how to use it, and one table.
pub fn markdown(built: &Built, rows: &[Row]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut s = format!(
        "# Cite check: {}\n\n{}, {}. {} citations of {} authorities. Page:line is the body page and the numbered line where each citation begins. Tick a row once the pin is checked against the opinion and the sentence against what the page says.\n\n",
        cell(&built.matter.document.title),
        cell(&built.profile.name),
        // The case number as the caption labels it ("No.", "Case No.", or nothing where the
        // court's number carries its own words: "August Term, 2026, No. 01873").
        cell(format!("{} {}", built.profile.caption.number_label.trim(), built.matter.case.number).trim()),
        rows.len(),
        built.front.toa.iter().map(|c| c.entries.len()).sum::<usize>(),
    );
    s.push_str(
        "| ✓ | Authority | Page:line | Form | Pin | Sentence it supports | Verification | Problems | Look up |\n",
    );
    s.push_str("|---|---|---|---|---|---|---|---|---|\n");
    let mut last: Option<&str> = None;
    for r in rows {
        let first = last != Some(r.id.as_str());
        last = Some(r.id.as_str());
        let (authority, status) = if first {
            let status = match &r.source {
                Some(src) => format!("{} (read: {src})", r.status),
                None => r.status.clone(),
            };
            (format!("{} `{}`", cell(&r.authority), r.id), cell(&status))
        } else {
            (format!("″ `{}`", r.id), "″".to_string())
        };
        let url = r.url.as_ref().map(|u| format!("<{u}>")).unwrap_or_else(|| "—".into());
        s.push_str(&format!(
            "| [ ] | {authority} | {} | {} | {} | {} | {status} | {} | {url} |\n",
            place(r),
            form_name(r.form),
            cell(r.pin.as_deref().unwrap_or("—")),
            cell(&r.sentence),
            if r.problems.is_empty() { "none".to_string() } else { cell(&r.problems.join("; ")) },
        ));
    }
    s
}

/// The worksheet as CSV (RFC 4180), one row per citation; the last four columns (`verified_by`,
/// `source`, `date`, `note`) are left empty for the person who checks the row.
pub fn csv(rows: &[Row]) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut s = String::from(
        "id,authority,page,line,form,pin,sentence,verification,verification_source,problems,lookup_url,verified_by,source,date,note\r\n",
    );
    for r in rows {
        let cols = [
            r.id.clone(),
            r.authority.clone(),
            r.page.map(|p| p.to_string()).unwrap_or_default(),
            r.line.map(|l| l.to_string()).unwrap_or_default(),
            form_name(r.form).to_string(),
            r.pin.clone().unwrap_or_default(),
            r.sentence.clone(),
            r.status.clone(),
            r.source.clone().unwrap_or_default(),
            r.problems.join("; "),
            r.url.clone().unwrap_or_default(),
            // Filled in by the person who checks the row (`pleader citecheck MATTER --import`).
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        s.push_str(&cols.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        s.push_str("\r\n");
    }
    s
}

/// The sentence a citation group at byte `at` of a drafted clause supports, as plain text: the
/// sentence before it when the citation is a citation sentence of its own (it follows a
/// sentence's end), else the sentence it stands in.
pub fn supported_sentence(text: &str, at: usize) -> String {
    printed_sentence(text, at, &|_| None)
}

/// [`supported_sentence`] with each citation group whose byte range `printed` knows replaced by
/// that text (the group as the brief prints it).
pub fn printed_sentence(text: &str, at: usize, printed: &dyn Fn(std::ops::Range<usize>) -> Option<String>) -> String {
    let printed_text = |range: std::ops::Range<usize>| {
        let mut out = String::new();
        let mut pos = range.start;
        // A segment of clause text, keeping one space where the text has space at either end.
        let segment = |out: &mut String, s: &str| {
            if s.starts_with(char::is_whitespace) && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&plain_text(s));
            if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
                out.push(' ');
            }
        };
        for (g, _) in crate::cite::syntax::groups(text) {
            if g.start < range.start || g.end > range.end {
                continue;
            }
            let Some(p) = printed(g.clone()) else { continue };
            segment(&mut out, &text[pos..g.start]);
            out.push_str(&p);
            pos = g.end;
            // "Id." before the author's own period prints one period (as the cite stage does).
            if p.ends_with('.') && text[pos..].starts_with('.') && pos < range.end {
                pos += 1;
            }
        }
        segment(&mut out, &text[pos..range.end]);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let at = floor_boundary(text, at.min(text.len()));
    let before = &text[..at];
    let own_sentence = crate::cite::syntax::sentence_start(before);
    let mut end = before.trim_end().len();
    // The citation line after a block quotation (`#blockquote[…]` then `#flush[[@id at 5].]`)
    // supports the quotation.
    if own_sentence {
        if let Some(opener) = text[..end].strip_suffix('[').and_then(|h| h.rfind('#')) {
            if text[opener + 1..end - 1].chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                end = text[..opener].trim_end().len();
            }
        }
        if text[..end].ends_with(']') {
            if let Some(open) = block_start(text, end - 1) {
                let quoted = printed_text(open + 1..end - 1);
                return shorten(quoted.trim());
            }
        }
    }
    let (start, end) = if own_sentence {
        let head = &text[..end];
        // Step back over the sentence-ending period itself.
        let body_end = head.trim_end_matches(['.', '?', '!', '”', '"', '’', '\'']).len();
        (sentence_begin(text, body_end), end)
    } else {
        let begin = sentence_begin(text, at);
        // A later item of a citation sentence ("[see @a]; [@b at 5]."): the sentence before it.
        if begin < at && only_citations(&text[begin..at]) {
            return printed_sentence(text, begin, printed);
        }
        (begin, sentence_end(text, at))
    };
    shorten(printed_text(start..end).trim())
}

/// Whether `s` holds nothing but citation groups, spaces and separating punctuation.
fn only_citations(s: &str) -> bool {
    let mut depth = 0i32;
    let mut escaped = false;
    for c in s.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, ';' | ',' | '.') => {}
            _ => return false,
        }
    }
    s.contains('@')
}

/// At most 400 characters, with an ellipsis when cut.
fn shorten(s: &str) -> String {
    if s.chars().count() > 400 {
        let cut: String = s.chars().take(400).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

/// The `[` that opens the content block closed by the `]` at `close` (escaped brackets skipped).
fn block_start(text: &str, close: usize) -> Option<usize> {
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    let mut i = close + 1;
    while i > 0 {
        i -= 1;
        let escaped = i > 0 && bytes[i - 1] == b'\\';
        match bytes[i] {
            b']' if !escaped => depth += 1,
            b'[' if !escaped => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Abbreviations that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "v", "vs", "Inc", "Corp", "Co", "Ltd", "L.P", "LLC", "Cir", "Supp", "Cal", "App", "Ct", "No", "Nos", "Civ", "Mr",
    "Ms", "Mrs", "Dr", "U.S", "U.S.C", "R", "P", "Fed", "Dist", "Id", "id", "e.g", "i.e", "al", "Cong", "Const",
    "amend", "art", "cl", "ch", "Stat", "Sec", "Ass’n", "Int’l", "Mgmt", "Grp", "Found",
];

/// Whether the text up to `i` (just after a `.`, `?` or `!`, and any closing quote) ends a
/// sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let head = text[..i].trim_end_matches(['”', '"', '’', '\'', ')']);
    let Some(last) = head.chars().next_back() else { return false };
    if last == '?' || last == '!' {
        return true;
    }
    if last != '.' {
        return false;
    }
    let word = head[..head.len() - 1].rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[').next().unwrap_or("");
    let word = word.trim_start_matches(['“', '"', '_', '*']);
    // An ellipsis (". . .") is not the end of a sentence.
    if word.is_empty() || word == "." || text[i..].trim_start().starts_with(". ") {
        return false;
    }
    // A single capital ("J.") or a known abbreviation does not end a sentence.
    let single_capital = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    !(single_capital || ABBREVIATIONS.contains(&word))
}

/// Start of the sentence holding byte `i`: after the last sentence end, blank line or footnote
/// opening before it.
fn sentence_begin(text: &str, i: usize) -> usize {
    let head = &text[..i];
    let mut begin = 0;
    for (j, c) in head.char_indices() {
        let next = j + c.len_utf8();
        if matches!(c, '.' | '?' | '!') {
            let after = &head[next..];
            let after = after.trim_start_matches(['”', '"', '’', '\'', ')']);
            let gap = head.len() - after.len();
            if after.starts_with(char::is_whitespace) && ends_sentence(head, gap) {
                begin = gap;
            }
        }
    }
    for marker in ["\n\n", "#footnote["] {
        if let Some(p) = head.rfind(marker) {
            begin = begin.max(p + marker.len());
        }
    }
    begin
}

/// End of the sentence holding byte `i`: just after its sentence-ending punctuation, or at a
/// blank line or the end of a footnote.
fn sentence_end(text: &str, i: usize) -> usize {
    let mut depth = 0i32;
    for (j, c) in text[i..].char_indices() {
        let pos = i + j;
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth < 0 {
                    return pos;
                }
            }
            '.' | '?' | '!' if depth == 0 => {
                let end = pos + 1;
                let rest = &text[end..];
                let closed = end + (rest.len() - rest.trim_start_matches(['”', '"', '’', '\'', ')']).len());
                if (text[closed..].is_empty() || text[closed..].starts_with(char::is_whitespace))
                    && ends_sentence(text, closed)
                {
                    return closed;
                }
            }
            '\n' if text[pos + 1..].starts_with('\n') => return pos,
            _ => {}
        }
    }
    text.len()
}

/// Drafted markup as plain text: citation groups shown as written (`[@highfields at 976]`),
/// escapes removed, emphasis and Typst calls dropped, whitespace collapsed.
fn plain_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut chars = markup.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '_' | '*' => {}
            '#' => {
                // A Typst call such as `#footnote[` or `#blockquote[`: drop its name.
                while chars.peek().is_some_and(|n| n.is_alphanumeric() || *n == '-' || *n == '.') {
                    chars.next();
                }
                if chars.peek() == Some(&'[') {
                    chars.next();
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_before_a_citation_sentence() {
        let t = "First point. A party must “adduce _competent evidence_.” [@highfields at 975–76]. Next.";
        let at = t.find('[').unwrap();
        assert_eq!(supported_sentence(t, at), "A party must “adduce competent evidence.”");
    }

    #[test]
    fn the_sentence_a_citation_stands_in() {
        let t = "Intro. As held in [@highfields at 975], Doe v. Roe, Inc. wins here. Later.";
        let at = t.find('[').unwrap();
        assert_eq!(supported_sentence(t, at), "As held in [@highfields at 975], Doe v. Roe, Inc. wins here.");
    }

    #[test]
    fn a_later_group_of_a_citation_sentence_supports_the_sentence_before() {
        let t = "Leifer asks for the Arista test. [see @mot at 5–16]; [@arista at 119]. Next.";
        assert_eq!(supported_sentence(t, t.find("[@arista").unwrap()), "Leifer asks for the Arista test.");
    }

    #[test]
    fn an_ellipsis_does_not_end_a_sentence() {
        let t = "Intro. A party must “adduce competent evidence . . . to support a finding.” [@highfields at 975–76].";
        assert_eq!(
            supported_sentence(t, t.find("[@").unwrap()),
            "A party must “adduce competent evidence . . . to support a finding.”"
        );
    }

    #[test]
    fn footnotes_and_paragraphs_bound_sentences() {
        let t = "Body text here.#footnote[Twitter may assert its users’ rights. [@grand-jury-subpoena at \\*3].]";
        let at = t.find("[@").unwrap();
        assert_eq!(supported_sentence(t, at), "Twitter may assert its users’ rights.");
        let t = "Para one ends\n\nSee generally the cases. [see @a at 5].";
        assert_eq!(supported_sentence(t, t.find("[see").unwrap()), "See generally the cases.");
    }

    #[test]
    fn a_citation_after_a_block_quotation_supports_the_quotation() {
        let t = "must establish:\n\n#blockquote[(a) a false statement, and (b) harm.]\n\n#flush[[@braunstein at 625]. Next.]";
        assert_eq!(supported_sentence(t, t.find("[@").unwrap()), "(a) a false statement, and (b) harm.");
    }

    #[test]
    fn the_sentence_prints_each_group_as_the_brief_does() {
        let t = "Courts apply [@!krinsky at 1165]. The test is strict, [see @a at 5], and known [@compl ¶ 2].";
        let groups = crate::cite::syntax::groups(t);
        let printed = |r: std::ops::Range<usize>| {
            let i = groups.iter().position(|(g, _)| *g == r)?;
            Some(
                ["Krinsky v. Doe 6, 159 Cal. App. 4th 1154, 1165 (2008)", "see A, 1 F.3d at 5", "Compl. ¶ 2"][i]
                    .to_string(),
            )
        };
        let at = t.find("[@!krinsky").unwrap();
        assert_eq!(
            printed_sentence(t, at, &printed),
            "Courts apply Krinsky v. Doe 6, 159 Cal. App. 4th 1154, 1165 (2008)."
        );
        let at = t.find("[see").unwrap();
        assert_eq!(printed_sentence(t, at, &printed), "The test is strict, see A, 1 F.3d at 5, and known Compl. ¶ 2.");
    }

    #[test]
    fn csv_quotes_what_it_must() {
        let r = Row {
            id: "a".into(),
            authority: "A v. B, 1 F.3d 2 (9th Cir. 1990)".into(),
            page: Some(3),
            line: Some(12),
            form: Form::Short,
            pin: Some("5".into()),
            sentence: "He said \"no\".".into(),
            status: "not verified".into(),
            source: None,
            problems: vec![],
            url: None,
        };
        let out = csv(&[r]);
        assert!(
            out.ends_with(
                "a,\"A v. B, 1 F.3d 2 (9th Cir. 1990)\",3,12,short,5,\"He said \"\"no\"\".\",not verified,,,,,,,\r\n"
            ),
            "{out}"
        );
    }
}
