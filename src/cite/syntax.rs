//! Citation syntax: finds the citation groups in a clause's rendered text — `[@highfields at
//! 975–76]`, `[see @art-of-living at *9 (collecting cases); see also @music-group at 983]`,
//! `[@compl ¶¶ 5, 11]`, `[@frcp-45(c)(2)(A)]` — and splits each into items: signal, id, `!` for a
//! forced full citation, subdivision, locator (pin) and parentheticals, which may cite in turn.
//! Which form each item prints in is [`super::forms`]'s job.

use crate::escape::unescape;
use crate::library::clause::SIGNALS;

/// A problem in citation syntax or an unknown id, at a byte offset of the text it was found in.
#[derive(Clone, Debug, PartialEq)]
pub struct CiteError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Item {
    pub(crate) signal: Option<&'static str>,
    pub(crate) id: String,
    pub(crate) force_full: bool,
    pub(crate) subdiv: String,
    pub(crate) locator: Option<String>,
    pub(crate) parens: Vec<String>,
    /// Offset of the `@` in the text.
    pub(crate) at: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Group {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) items: Vec<Item>,
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

/// Tells, for increasing offsets of one text, whether each lies inside a `#footnote[…]` — by
/// counting content brackets from where the last answer left off, so a whole clause is scanned
/// once.
#[derive(Default)]
pub struct FootnoteScan {
    pos: usize,
    /// For each open `[`: whether it opened a footnote.
    open: Vec<bool>,
}

impl FootnoteScan {
    /// Whether `offset` (not before the previous offset asked about) is inside a footnote.
    pub fn inside_at(&mut self, text: &str, offset: usize) -> bool {
        let bytes = text.as_bytes();
        let end = offset.min(bytes.len());
        while self.pos < end {
            match bytes[self.pos] {
                b'\\' => self.pos += 1,
                b'[' => self.open.push(text[..self.pos].ends_with("#footnote")),
                b']' => {
                    self.open.pop();
                }
                _ => {}
            }
            self.pos += 1;
        }
        self.open.contains(&true)
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Finds the citation groups of a text.
pub(crate) fn parse(text: &str) -> Result<Vec<Group>, CiteError> {
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
            if let Some(end) = matching(text, i, ('[', ']')) {
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

/// The byte index of the bracket that closes the one at `open` (`[`…`]` or `(`…`)`), skipping
/// backslash escapes.
fn matching(text: &str, open: usize, pair: (char, char)) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < text.len() {
        let c = text[i..].chars().next()?;
        match c {
            '\\' => {
                i += 1 + text[i + 1..].chars().next().map_or(0, |n| n.len_utf8());
                continue;
            }
            c if c == pair.0 => depth += 1,
            c if c == pair.1 => {
                depth = depth.checked_sub(1)?;
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
        return Err(err(
            offset,
            s.len().min(20),
            "expected `@` and an authority id in this citation",
            "write each item of a citation as `[signal] @id [at pin] [(parenthetical)]`, items separated by `;`",
        ));
    };
    let at = offset;
    // `!` forces the full form; from a Tera value it arrives escaped (`\!`: a claim law's
    // authority cited whole, `cite: "!mckee-v-laurion"`, where no page was read).
    let (force_full, after_at) = match after_at.strip_prefix('!').or_else(|| after_at.strip_prefix("\\!")) {
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
        return Err(err(
            at,
            1,
            "expected an authority id after `@`",
            "ids are lower-case words joined by hyphens, e.g. `@highfields`",
        ));
    }
    let mut rest = &after_at[id_len..];
    // Subdivisions attached to the id: @frcp-45(c)(2)(A) — or, from a template value, `\(g\)`.
    let mut subdiv = String::new();
    loop {
        // A range of subdivisions goes on after its dash: `@va-code(A)(1)(a)–(c)`, "(a)–(c)".
        let dash = ["–(", "-(", "–\\(", "-\\("].iter().find(|d| !subdiv.is_empty() && rest.starts_with(**d));
        if let Some(d) = dash {
            let dash_len = d.len() - d.trim_start_matches(['–', '-']).len();
            subdiv.push('–');
            rest = &rest[dash_len..];
        }
        // Two subdivisions of one section go on after a comma: `@dtsa-definitions(3), (5)`,
        // "§ 1839(3), (5)" (Bluebook 3.3(b)) — where what follows is a subdivision (a short
        // letter or number), not a parenthetical.
        if !subdiv.is_empty() && rest.starts_with(',') {
            let after = rest[1..].trim_start();
            let inner = after.strip_prefix("\\(").or_else(|| after.strip_prefix('(')).and_then(|a| {
                let end = a.find(['\\', ')'])?;
                Some(&a[..end])
            });
            if inner.is_some_and(|x| !x.is_empty() && x.len() <= 5 && x.chars().all(|c| c.is_ascii_alphanumeric())) {
                subdiv.push_str(", ");
                rest = after;
            }
        }
        if !(rest.starts_with('(') || rest.starts_with("\\(")) {
            break;
        }
        let close = rest
            .find(')')
            .ok_or_else(|| err(at, id_len + 1, "unclosed `(` in a subdivision", "close it: `@frcp-45(c)(2)`"))?;
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
            return Err(err(
                at,
                id_len + 1,
                "unexpected text after a parenthetical",
                "parentheticals come last: `[@id at 5 (citation omitted)]`",
            ));
        }
        let close = matching(t, 0, ('(', ')')).ok_or_else(|| {
            err(at, id_len + 1, "unclosed `(` in a parenthetical", "close the parenthetical with `)`")
        })?;
        parens.push(t[1..close].to_string());
        parens_text = &t[close + 1..];
    }
    // "at" with nothing after it is a pin the data left empty (a page nobody has read, `pin: ""`):
    // the authority is cited whole, and `check` lists it as cited without a pin, rather than
    // printing "977 A.2d 941, at".
    let locator = locator.trim_start_matches(',').trim();
    let locator = (!locator.is_empty() && locator != "at").then(|| unescape(locator));
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

/// The citation groups of a drafted text as byte ranges with the ids each cites (parentheticals'
/// citations included), for checks that read what a sentence cites. Text that does not parse
/// yields no groups.
pub fn groups(text: &str) -> Vec<(std::ops::Range<usize>, Vec<String>)> {
    match parse_mode(text, true) {
        Ok(groups) => groups
            .into_iter()
            .map(|g| {
                let mut ids = vec![];
                for item in &g.items {
                    ids.push(item.id.clone());
                    for p in &item.parens {
                        ids.extend(cited_ids_at(p, 1).into_iter().map(|(id, _)| id));
                    }
                }
                (g.start..g.end, ids)
            })
            .collect(),
        Err(_) => vec![],
    }
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
