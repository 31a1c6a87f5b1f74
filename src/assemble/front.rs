//! The front matter's entries: the table of contents (every heading of the outline) and the table
//! of authorities (every authority cited, by category, sorted), written to `/data/front.typ` for
//! the templates. The page numbers are not computed here: the templates look up where each heading
//! and citation mark landed, in Typst's own second layout pass, and print the pages (`toc.typ`,
//! `toa.typ`, the one place where TOA page lists, ranges and *passim* are computed). They also
//! leave what they printed as metadata, which [`FrontData::with_pages`] reads back for `check` and
//! the tests.
//!
//! TOA conventions (from the court profile): categories in the order Cases, Constitutional
//! Provisions, Statutes, Rules, Other Authorities, empty ones omitted; entries sorted by their sort
//! key with numbers in numeric order and *In re* ignored or not as the profile says. With the
//! profile's `citations.links`, a case's entry links to its CourtListener lookup address.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::cite::CiteUse;
use crate::draft::DraftedClause;
use crate::escape as w;
use crate::library::bank::{Authority, Bank, Kind};
use crate::library::court::{InRe, Profile};
use crate::typeset::Facts;

#[derive(Clone, Debug, PartialEq)]
pub struct TocEntry {
    pub level: usize,
    pub number: String,
    /// Heading markup.
    pub title: String,
    /// Body page where the heading was printed, once typeset.
    pub page: Option<u64>,
    /// Outline index (the heading's label is `<pl-h{index}>`).
    pub index: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToaEntry {
    pub id: String,
    /// Entry markup.
    pub text: String,
    /// The body pages the table prints for this authority, ascending (every page it is cited on),
    /// once typeset.
    pub pages: Vec<u64>,
    /// Whether the table prints *passim* instead of the pages.
    pub passim: bool,
    /// The citation marks of this authority, in reading order.
    pub marks: Vec<usize>,
    /// For each mark, the number of the footnote it is printed in (none in the text): a page that
    /// cites the authority only in footnotes is listed with them ("5 n.1").
    pub notes: Vec<Option<usize>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToaCategory {
    pub kind: Kind,
    pub entries: Vec<ToaEntry>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FrontData {
    pub toc: Vec<TocEntry>,
    pub toa: Vec<ToaCategory>,
}

impl FrontData {
    /// The entries of both tables, without page numbers.
    pub fn entries(drafted: &[DraftedClause], uses: &[CiteUse], bank: &Bank, profile: &Profile) -> FrontData {
        let toc = drafted
            .iter()
            .enumerate()
            .map(|(i, r)| TocEntry {
                level: r.level,
                number: r.number.clone(),
                title: r.heading.clone(),
                page: None,
                index: i + 1,
            })
            .collect();
        let notes = footnote_numbers(drafted, uses);
        let mut marks: BTreeMap<&str, Vec<(usize, Option<usize>)>> = BTreeMap::new();
        for (u, note) in uses.iter().zip(notes) {
            marks.entry(u.id.as_str()).or_default().push((u.mark, note));
        }
        let mut cats: BTreeMap<Kind, Vec<(String, ToaEntry)>> = BTreeMap::new();
        for (id, marks) in marks {
            let Some(auth) = bank.get(id) else { continue };
            let (marks, notes) = marks.into_iter().unzip();
            cats.entry(auth.kind).or_default().push((
                sort_key(auth, profile.toa.in_re),
                ToaEntry {
                    id: id.to_string(),
                    text: toa_text(auth, profile),
                    pages: vec![],
                    passim: false,
                    marks,
                    notes,
                },
            ));
        }
        let toa = cats
            .into_iter()
            .map(|(kind, mut entries)| {
                entries.sort_by(|a, b| natural_cmp(&a.0, &b.0).then_with(|| a.1.id.cmp(&b.1.id)));
                ToaCategory { kind, entries: entries.into_iter().map(|(_, e)| e).collect() }
            })
            .collect();
        FrontData { toc, toa }
    }

    /// The tables with the pages the templates printed, read back from the typeset document.
    pub fn with_pages(mut self, facts: &Facts) -> FrontData {
        for e in &mut self.toc {
            e.page = facts.toc_pages.get(&e.index).copied();
        }
        for c in &mut self.toa {
            for e in &mut c.entries {
                if let Some((pages, passim)) = facts.toa_pages.get(&e.id) {
                    e.pages = pages.clone();
                    e.passim = *passim;
                }
            }
        }
        self
    }

    /// The generated `/data/front.typ`: the entries of both tables without page numbers, so that
    /// the file only changes when an entry does.
    pub fn typst(&self) -> String {
        let toc = self.toc.iter().map(|e| {
            w::dict(&[
                ("level", w::int(e.level as i64)),
                ("number", w::text(&e.number)),
                ("title", w::content(&w::keep_together(&e.title))),
                ("index", w::int(e.index as i64)),
            ])
        });
        let toa = self.toa.iter().map(|c| {
            let entries = c.entries.iter().map(|e| {
                w::dict(&[
                    ("id", w::string(&e.id)),
                    ("text", w::content(&w::keep_together(&e.text))),
                    ("marks", w::array(e.marks.iter().map(|m| w::int(*m as i64)))),
                    ("notes", w::array(e.notes.iter().map(|n| n.map_or("none".to_string(), |n| w::int(n as i64))))),
                ])
            });
            w::dict(&[("heading", w::text(c.kind.heading())), ("entries", w::array_block(entries))])
        });
        let mut s =
            w::comment("Generated by pleader: the entries of the table of contents and the table of authorities.");
        s.push_str(&w::let_binding("toc", &w::array_block(toc)));
        s.push_str(&w::let_binding("toa", &w::array_block(toa)));
        s
    }
}

/// An authority's entry text, linked to its lookup address when the profile asks for links.
fn toa_text(auth: &Authority, profile: &Profile) -> String {
    let text = auth.toa_text();
    match profile.citations.links.then(|| crate::cite::read::lookup_url(auth)).flatten() {
        Some(url) => w::link(&url, &text),
        None => text,
    }
}

/// For each citation (in `uses` order), the number of the footnote that prints it, or none for
/// one in the text: the drafted clauses' footnotes (`#footnote[`) are numbered in reading order
/// across the brief, as they print. A brief whose clauses call `footnote` in another form (their
/// numbers are Typst's to give) gets none for every citation, and the table lists pages alone.
fn footnote_numbers(drafted: &[DraftedClause], uses: &[CiteUse]) -> Vec<Option<usize>> {
    let plain = drafted.iter().all(|d| d.body.matches("footnote").count() == d.body.matches("#footnote[").count());
    if !plain {
        return vec![None; uses.len()];
    }
    let starts: Vec<Vec<usize>> =
        drafted.iter().map(|d| d.body.match_indices("#footnote[").map(|(i, _)| i).collect()).collect();
    let before: Vec<usize> = starts
        .iter()
        .scan(0, |n, s| {
            let first = *n;
            *n += s.len();
            Some(first)
        })
        .collect();
    uses.iter()
        .map(|u| {
            if !u.footnote {
                return None;
            }
            let s = starts.get(u.clause)?;
            let k = s.iter().filter(|&&p| p < u.at).count();
            (k > 0).then(|| before[u.clause] + k)
        })
        .collect()
}

/// The plain text the table of authorities sorts an authority by.
pub fn sort_key(a: &Authority, in_re: InRe) -> String {
    if let Some(s) = &a.sort {
        return s.to_lowercase();
    }
    let base = match a.kind {
        Kind::Case => a.name.as_deref().unwrap_or(""),
        Kind::Other => a.title.as_deref().or(a.author.as_deref()).unwrap_or(a.cite()),
        _ => a.cite(),
    };
    let mut key = base.trim().to_lowercase();
    if in_re == InRe::Ignore {
        if let Some(rest) = key.strip_prefix("in re ") {
            key = rest.to_string();
        }
    }
    // Punctuation goes, except that a mark between two digits separates them, so that the
    // numbers of a section stay numbers: "§ 8.01-407.1" sorts as 8, 1, 407, 1, before "§ 18.2-499"
    // (a Virginia user's table put title 18.2 first when the marks were dropped and 8.01-407.1
    // read as one number).
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() || c.is_whitespace() {
            out.push(c);
        } else if i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
            out.push(' ');
        }
    }
    out
}

/// Compares two sort keys with numbers in numeric order ("18 U.S.C." before "47 U.S.C.", "Does
/// 1-10" before "Does 2").
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let chunks = |s: &str| -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = vec![];
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, buf)) if *d == digit => buf.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    };
    let (ca, cb) = (chunks(a), chunks(b));
    for ((da, sa), (db, sb)) in ca.iter().zip(cb.iter()) {
        let ord = match (da, db) {
            (true, true) => {
                let na = sa.trim_start_matches('0');
                let nb = sb.trim_start_matches('0');
                na.len().cmp(&nb.len()).then_with(|| na.cmp(nb))
            }
            _ => sa.cmp(sb),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sections_numbers_sort_as_numbers() {
        let key = |cite: &str| {
            let a: Authority =
                serde_yaml::from_str(&format!("kind: statute\ncite: \"{cite}\"\n")).expect("a statute entry");
            sort_key(&a, InRe::Ignore)
        };
        let (title_8, title_18) = (key("Va. Code Ann. § 8.01-407.1"), key("Va. Code Ann. § 18.2-499"));
        assert_eq!(natural_cmp(&title_8, &title_18), Ordering::Less, "{title_8} / {title_18}");
        assert_eq!(natural_cmp(&key("47 U.S.C. § 551"), &key("17 U.S.C. § 107")), Ordering::Greater);
    }

    #[test]
    fn natural_order() {
        assert_eq!(natural_cmp("18 usc", "47 usc"), Ordering::Less);
        assert_eq!(natural_cmp("does 2", "does 10"), Ordering::Less);
        assert_eq!(natural_cmp("abc", "abd"), Ordering::Less);
    }
}
