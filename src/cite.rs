//! Citations as data. Clause bodies cite by id in brackets — `[@highfields at 975–76]`,
//! `[see @art-of-living at *9 (collecting cases); see also @music-group at 983]`,
//! `[@compl ¶¶ 5, 11]`, `[@frcp-45(c)(2)(A)]` — and this module chooses the printed form, in
//! reading order over the whole brief (a footnote's citations count where the footnote is
//! anchored, which is where its text sits in the source):
//!
//! - the full citation the first time an authority or record document is cited (`@!id` forces a
//!   full citation again);
//! - the short form afterwards (`_Highfields_, 385 F. Supp. 2d at 976`);
//! - *Id.* only when the immediately preceding citation was that same authority and nothing else
//!   (not after a string cite, nor after a citation whose parenthetical cites another authority),
//!   capitalised only when it begins a citation sentence.
//!
//! Signals are italic and capitalised at the start of a citation sentence; a signal carries over
//! to later items of a string cite until another is given. Every authority citation leaves an
//! invisible `metadata` mark with a unique label, so that after layout pleader knows the page each
//! citation landed on and the TOA can link to it. Record citations take part in the *Id.* chain
//! but are not marks: they do not go in the table of authorities.

use std::collections::{BTreeMap, HashSet};

use crate::authority::Bank;
use crate::escape::markup;
use crate::matter::RecordDoc;

/// The citation signals pleader knows, longest first so that "see also" wins over "see".
const SIGNALS: [&str; 12] = [
    "see, e.g.,", "see generally", "see also", "but see", "but cf.", "e.g.,", "accord", "compare",
    "contra", "see", "cf.", "with",
];

/// A problem in citation syntax or an unknown id, at a byte offset of the text it was found in.
#[derive(Clone, Debug, PartialEq)]
pub struct CiteError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Item {
    signal: Option<&'static str>,
    id: String,
    force_full: bool,
    subdiv: String,
    locator: Option<String>,
    parens: Vec<String>,
    /// Offset of the `@` in the text.
    at: usize,
}

#[derive(Clone, Debug, PartialEq)]
struct Group {
    start: usize,
    end: usize,
    items: Vec<Item>,
}

/// Which form a citation was printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Full,
    Short,
    Id,
}

/// One authority citation as printed: the mark number, the authority, the form and where in the
/// brief it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct CiteUse {
    /// Mark number: the label is `<pl-c{n}>`, the metadata `pl:cite:{n}`.
    pub mark: usize,
    pub id: String,
    pub form: Form,
    /// Index of the clause (in outline order) that wrote it.
    pub clause: usize,
    /// True for a citation inside another citation's parenthetical.
    pub nested: bool,
}

/// The previous citation, for *Id.*: set only when it was one authority alone.
#[derive(Clone, Debug, PartialEq)]
struct Last {
    id: String,
    locator: Option<String>,
    subdiv: String,
}

/// Resolves citation groups in reading order over a whole brief.
pub struct Resolver<'a> {
    bank: &'a Bank,
    record: &'a indexmap::IndexMap<String, RecordDoc>,
    seen: HashSet<String>,
    last: Option<Last>,
    next_mark: usize,
    /// Every authority citation printed, in reading order.
    pub uses: Vec<CiteUse>,
    /// Record documents cited, with how often.
    pub record_uses: BTreeMap<String, usize>,
}

impl<'a> Resolver<'a> {
    pub fn new(bank: &'a Bank, record: &'a indexmap::IndexMap<String, RecordDoc>) -> Self {
        Resolver {
            bank,
            record,
            seen: HashSet::new(),
            last: None,
            next_mark: 1,
            uses: vec![],
            record_uses: BTreeMap::new(),
        }
    }

    /// Replaces every citation group in `text` (one clause's rendered body or heading) with Typst
    /// markup, continuing the reading-order state from the previous call.
    pub fn resolve(&mut self, text: &str, clause: usize) -> Result<String, CiteError> {
        self.resolve_inner(text, clause, false, 0)
    }

    fn resolve_inner(&mut self, text: &str, clause: usize, nested: bool, depth: usize) -> Result<String, CiteError> {
        // Citations inside parentheticals inside parentheticals…: real briefs stop at two.
        if depth > 4 {
            return Err(CiteError {
                offset: 0,
                len: text.len().min(20),
                message: "citations are nested in parentheticals more than four deep".into(),
                hint: Some("a parenthetical may cite (`(quoting [@x at 5])`), but not without end".into()),
            });
        }
        let groups = parse(text)?;
        let mut out = String::with_capacity(text.len() + groups.len() * 64);
        let mut pos = 0;
        for g in groups {
            out.push_str(&text[pos.min(g.start)..g.start]);
            let start = !nested && sentence_start(&text[..g.start]);
            let printed = self.group(&g, start, clause, nested, depth)?;
            pos = g.end;
            // "Id." or "Compl." before the author's own period: print one period, not two.
            if printed.trim_end_matches('_').ends_with('.') && text[pos..].starts_with('.') {
                pos += 1;
            }
            out.push_str(&printed);
        }
        out.push_str(&text[pos..]);
        Ok(out)
    }

    fn group(&mut self, g: &Group, sentence_start: bool, clause: usize, nested: bool, depth: usize) -> Result<String, CiteError> {
        let mut parts: Vec<String> = vec![];
        let mut any_nested = false;
        let mut prev_signal: Option<&str> = None;
        for (i, item) in g.items.iter().enumerate() {
            let capital = i == 0 && sentence_start;
            let mut s = String::new();
            let signal_printed = match item.signal {
                Some(sig) if Some(sig) != prev_signal || i == 0 => {
                    s.push_str(&signal_markup(sig, capital));
                    s.push(' ');
                    true
                }
                _ => false,
            };
            if item.signal.is_some() {
                prev_signal = item.signal;
            }
            let id_allowed = i == 0 && !nested && !item.force_full;
            let same_as_last = id_allowed
                && self.last.as_ref().is_some_and(|l| l.id == item.id);
            let body = if let Some(doc) = self.record.get(&item.id) {
                *self.record_uses.entry(item.id.clone()).or_default() += 1;
                let loc = item.locator.as_deref().map(markup);
                let loc_sp = loc.as_ref().map(|l| format!(" {l}")).unwrap_or_default();
                if same_as_last {
                    let id = if capital && !signal_printed { "_Id._" } else { "_id._" };
                    format!("{id}{loc_sp}")
                } else if self.seen.contains(&item.id) && !item.force_full {
                    format!("{}{loc_sp}", markup(&doc.short))
                } else if doc.full == doc.short {
                    format!("{}{loc_sp}", markup(&doc.full))
                } else {
                    format!("{} (“{}”){loc_sp}", markup(&doc.full), markup(&doc.short))
                }
            } else if let Some(auth) = self.bank.get(&item.id) {
                let pin = item.locator.as_deref().map(|l| l.strip_prefix("at ").unwrap_or(l).trim());
                let same_pin = self.last.as_ref().is_some_and(|l| {
                    l.locator == item.locator && l.subdiv == item.subdiv
                });
                let id_text = if same_as_last {
                    auth.id_form(capital && !signal_printed, pin, &item.subdiv, same_pin)
                } else {
                    None
                };
                let (form, printed) = match id_text {
                    Some(t) => (Form::Id, t),
                    None if self.seen.contains(&item.id) && !item.force_full => {
                        (Form::Short, auth.short_form(pin, &item.subdiv))
                    }
                    None => (Form::Full, auth.full(pin, &item.subdiv)),
                };
                let mark = self.next_mark;
                self.next_mark += 1;
                self.uses.push(CiteUse { mark, id: item.id.clone(), form, clause, nested });
                format!("#metadata(\"pl:cite:{mark}\")<pl-c{mark}>{printed}")
            } else {
                return Err(unknown(item, self.bank, self.record));
            };
            self.seen.insert(item.id.clone());
            s.push_str(&body);
            for p in &item.parens {
                let resolved = self.resolve_inner(p, clause, true, depth + 1)?;
                if resolved != *p {
                    any_nested = true;
                }
                s.push_str(&format!(" ({resolved})"));
            }
            parts.push(s);
        }
        if !nested {
            self.last = match (g.items.as_slice(), any_nested) {
                ([only], false) => Some(Last {
                    id: only.id.clone(),
                    locator: only.locator.clone(),
                    subdiv: only.subdiv.clone(),
                }),
                _ => None,
            };
        }
        let mut out = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                let with = g.items[i].signal == Some("with");
                out.push_str(if with { ", " } else { "; " });
            }
            out.push_str(p);
        }
        Ok(out)
    }
}

fn unknown(item: &Item, bank: &Bank, record: &indexmap::IndexMap<String, RecordDoc>) -> CiteError {
    let candidates = bank.ids().chain(record.keys().map(|s| s.as_str()));
    let hint = crate::diag::did_you_mean(&item.id, candidates).unwrap_or_else(|| {
        "add it to the authority bank (authorities/*.yaml), to the matter's `authorities:`, or to its `record:`".to_string()
    });
    CiteError {
        offset: item.at,
        len: item.id.len() + 1,
        message: format!("`{}` is not in the authority bank or the matter's record", item.id),
        hint: Some(hint),
    }
}

fn signal_markup(sig: &str, capital: bool) -> String {
    let text = if capital {
        let mut c = sig.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    } else {
        sig.to_string()
    };
    // "See, e.g.," → _See, e.g._, : the trailing comma is roman.
    match text.strip_suffix(',') {
        Some(core) => format!("_{}_,", markup(core)).replace("\\,", ","),
        None => format!("_{}_", markup(&text)),
    }
}

/// Whether a citation beginning after `before` starts a citation sentence.
pub fn sentence_start(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\t', '\n', '\r']);
    if trimmed.is_empty() {
        return true;
    }
    let gap = &before[trimmed.len()..];
    if gap.matches('\n').count() >= 2 {
        return true;
    }
    let mut chars = trimmed.chars().rev();
    let mut c = chars.next().unwrap_or(' ');
    if matches!(c, '”' | '’' | '"' | '\'') {
        c = chars.next().unwrap_or(' ');
    }
    matches!(c, '.' | '?' | '!' | '[')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Finds the citation groups of a text.
fn parse(text: &str) -> Result<Vec<Group>, CiteError> {
    parse_mode(text, false)
}

/// Finds the citation groups of a text; `lenient` skips items that do not parse (in a template,
/// an id written as `@{{ value }}` is only known after rendering).
fn parse_mode(text: &str, lenient: bool) -> Result<Vec<Group>, CiteError> {
    let mut groups = vec![];
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c == '\\' {
            // An escaped character is never syntax.
            let next_len = text[i + 1..].chars().next().map_or(0, |n| n.len_utf8());
            prev = Some('x');
            i += 1 + next_len;
            continue;
        }
        if c == '[' && !prev.is_some_and(|p| is_ident(p) || p == ')' || p == ']') {
            if let Some(end) = matching_bracket(text, i) {
                let inner = &text[i + 1..end];
                if looks_like_cite(inner) {
                    let items = parse_items(inner, i + 1, lenient)?;
                    groups.push(Group { start: i, end: end + 1, items });
                    prev = Some(']');
                    i = end + 1;
                    continue;
                }
            }
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    Ok(groups)
}

fn matching_bracket(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < text.len() {
        let c = text[i..].chars().next()?;
        match c {
            '\\' => {
                i += 1 + text[i + 1..].chars().next().map_or(0, |n| n.len_utf8());
                continue;
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// `inner` starts (after blanks and an optional signal) with `@`.
fn looks_like_cite(inner: &str) -> bool {
    let s = inner.trim_start();
    if s.starts_with('@') {
        return true;
    }
    match strip_signal(s) {
        Some((_, rest)) => rest.trim_start().starts_with('@'),
        None => false,
    }
}

fn strip_signal(s: &str) -> Option<(&'static str, &str)> {
    let lower = s.to_lowercase();
    for sig in SIGNALS {
        if lower.starts_with(sig) {
            let rest = &s[sig.len()..];
            if rest.starts_with(char::is_whitespace) {
                return Some((sig, rest));
            }
        }
    }
    None
}

/// Splits a group's inside on top-level semicolons and parses each item.
fn parse_items(inner: &str, base: usize, lenient: bool) -> Result<Vec<Item>, CiteError> {
    let push = |items: &mut Vec<Item>, raw: &str, at: usize| -> Result<(), CiteError> {
        match parse_item(raw, at) {
            Ok(item) => items.push(item),
            Err(_) if lenient => {}
            Err(e) => return Err(e),
        }
        Ok(())
    };
    let mut items = vec![];
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < inner.len() {
        let c = inner[i..].chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                i += 1 + inner[i + 1..].chars().next().map_or(0, |n| n.len_utf8());
                continue;
            }
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ';' if depth == 0 => {
                push(&mut items, &inner[start..i], base + start)?;
                start = i + 1;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    push(&mut items, &inner[start..], base + start)?;
    Ok(items)
}

fn parse_item(raw: &str, base: usize) -> Result<Item, CiteError> {
    let lead = raw.len() - raw.trim_start().len();
    let mut s = raw.trim_start();
    let mut offset = base + lead;
    let signal = match strip_signal(s) {
        Some((sig, rest)) => {
            let skipped = s.len() - rest.trim_start().len();
            offset += skipped;
            s = rest.trim_start();
            Some(sig)
        }
        None => None,
    };
    let err = |offset: usize, len: usize, message: &str, hint: &str| CiteError {
        offset,
        len,
        message: message.to_string(),
        hint: Some(hint.to_string()),
    };
    let Some(after_at) = s.strip_prefix('@') else {
        return Err(err(offset, s.len().min(20), "expected `@` and an authority id in this citation",
            "write each item of a citation as `[signal] @id [at pin] [(parenthetical)]`, items separated by `;`"));
    };
    let at = offset;
    let (force_full, after_at) = match after_at.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, after_at),
    };
    // The id may come from a Tera value, where `-` and `_` arrive escaped (`\-`).
    let mut id = String::new();
    let mut id_len = 0;
    let mut chars = after_at.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_ident(c) {
            id.push(c);
            id_len = i + c.len_utf8();
        } else if c == '\\' && matches!(chars.peek(), Some((_, '-' | '_'))) {
            let (j, n) = chars.next().unwrap();
            id.push(n);
            id_len = j + 1;
        } else {
            break;
        }
    }
    while id.ends_with(['-', '_']) {
        id.pop();
        id_len -= 1;
        if after_at[..id_len].ends_with('\\') {
            id_len -= 1;
        }
    }
    if id.is_empty() {
        return Err(err(at, 1, "expected an authority id after `@`", "ids are lower-case words joined by hyphens, e.g. `@highfields`"));
    }
    let mut rest = &after_at[id_len..];
    // Subdivisions attached to the id: @frcp-45(c)(2)(A)
    let mut subdiv = String::new();
    while rest.starts_with('(') {
        let close = rest.find(')').ok_or_else(|| err(at, id_len + 1, "unclosed `(` in a subdivision", "close it: `@frcp-45(c)(2)`"))?;
        subdiv.push_str(&rest[..=close]);
        rest = &rest[close + 1..];
    }
    // Locator: up to the first parenthetical.
    let rest = rest.trim();
    let (locator, mut parens_text) = match find_paren_start(rest) {
        Some(p) => (rest[..p].trim(), &rest[p..]),
        None => (rest, ""),
    };
    let mut parens = vec![];
    while !parens_text.is_empty() {
        let t = parens_text.trim_start();
        if !t.starts_with('(') {
            return Err(err(at, id_len + 1, "unexpected text after a parenthetical",
                "parentheticals come last: `[@id at 5 (citation omitted)]`"));
        }
        let close = matching_paren(t).ok_or_else(|| err(at, id_len + 1, "unclosed `(` in a parenthetical", "close the parenthetical with `)`"))?;
        parens.push(t[1..close].to_string());
        parens_text = &t[close + 1..];
    }
    let locator = (!locator.is_empty()).then(|| unescape(locator.trim_start_matches(',').trim()));
    Ok(Item { signal, id, force_full, subdiv: unescape(&subdiv), locator, parens, at })
}

/// The start of the first parenthetical: a `(` at the start or after whitespace.
fn find_paren_start(s: &str) -> Option<usize> {
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        if c == '(' && prev_space {
            return Some(i);
        }
        prev_space = c.is_whitespace();
    }
    None
}

fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next()?;
        match c {
            '\\' => {
                i += 1 + s[i + 1..].chars().next().map_or(0, |n| n.len_utf8());
                continue;
            }
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// Removes markup escapes: pins and locators are plain text, re-escaped when printed.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Every `@id` a clause template cites, with byte offsets into the template (for checking ids
/// before rendering and for pointing at them in diagnostics).
pub fn cited_ids(template: &str) -> Vec<(String, usize)> {
    cited_ids_at(template, 0)
}

fn cited_ids_at(template: &str, depth: usize) -> Vec<(String, usize)> {
    if depth > 4 {
        return vec![];
    }
    match parse_mode(template, true) {
        Ok(groups) => {
            let mut out = vec![];
            for g in groups {
                for item in g.items {
                    for p in &item.parens {
                        // Nested cites: offsets are approximate (the group's).
                        for (id, _) in cited_ids_at(p, depth + 1) {
                            out.push((id, item.at));
                        }
                    }
                    out.push((item.id, item.at));
                }
            }
            out
        }
        Err(_) => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authority::Bank;
    use crate::diag::SourceText;

    fn bank() -> Bank {
        let mut b = Bank::default();
        b.add_file(&SourceText::new(
            "b.yaml",
            "highfields:\n  kind: case\n  name: Highfields Cap. Mgmt., L.P. v. Doe\n  short: Highfields\n  cite: 385 F. Supp. 2d 969\n  court: N.D. Cal.\n  year: 2005\n\
             aol:\n  kind: case\n  name: Art of Living Found. v. Does 1-10\n  short: Art of Living\n  cite: 2011 WL 5444622\n  court: N.D. Cal.\n  date: 2011-11-09\n\
             frcp-45:\n  kind: rule\n  cite: Fed. R. Civ. P. 45\n",
        ))
        .unwrap();
        b
    }

    fn strip_marks(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("#metadata(") {
            out.push_str(&rest[..i]);
            let j = rest[i..].find('>').unwrap();
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn full_short_and_id() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = r
            .resolve("A. [@highfields at 975]. B. [@highfields at 976]. C [see @highfields at 976]. D. [@aol at *9; @highfields at 980]. E. [@highfields at 980].", 0)
            .unwrap();
        let out = strip_marks(&out);
        assert!(out.starts_with("A. _Highfields Cap\\. Mgmt\\.\\, L\\.P\\. v\\. Doe_, 385 F\\. Supp\\. 2d 969, 975 (N\\.D\\. Cal\\. 2005). B. _Id._ at 976."), "{out}");
        assert!(out.contains("C _see_ _id._ D."), "{out}");
        // After a string cite: short form, never Id.
        assert!(out.ends_with("E. _Highfields_, 385 F\\. Supp\\. 2d at 980."), "{out}");
        let forms: Vec<Form> = r.uses.iter().map(|u| u.form).collect();
        assert_eq!(forms, [Form::Full, Form::Id, Form::Id, Form::Full, Form::Short, Form::Short]);
    }

    #[test]
    fn escaped_brackets_are_not_citations() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        assert_eq!(r.resolve("\\[\\@highfields\\] [a]nonymity #footnote[x]", 0).unwrap(), "\\[\\@highfields\\] [a]nonymity #footnote[x]");
        assert!(r.uses.is_empty());
    }

    #[test]
    fn unknown_ids_are_errors_with_suggestions() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let e = r.resolve("x [@highfeilds at 3].", 0).unwrap_err();
        assert_eq!(e.offset, 3);
        assert!(e.hint.unwrap().contains("`highfields`"));
    }

    #[test]
    fn subdivisions_and_parentheticals() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(&r.resolve("x [@frcp-45(c)(2)(A) (emphasis added)].", 0).unwrap());
        assert_eq!(out, "x Fed\\. R\\. Civ\\. P\\. 45\\(c\\)\\(2\\)\\(A\\) (emphasis added).");
    }

    #[test]
    fn ids_from_template_values_do_not_hide_the_others() {
        let ids: Vec<String> = cited_ids("[see @{{ f.doc }} {{ f.at }}; @highfields at 3]. [@aol]").into_iter().map(|(i, _)| i).collect();
        assert_eq!(ids, ["highfields", "aol"]);
    }

    #[test]
    fn sentence_starts() {
        assert!(sentence_start("cause of action.” "));
        assert!(sentence_start("#footnote["));
        assert!(!sentence_start("as held in "));
        assert!(sentence_start(""));
    }
}
