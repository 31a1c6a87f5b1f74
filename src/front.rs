//! The front matter's data: the table of contents and the table of authorities, computed from
//! the typeset body. The body is numbered from 1 and never depends on the front matter, so the
//! typeset stage lays the document out once with a skeleton of these tables (same entries, no
//! page numbers), reads where every heading and citation landed, fills the page numbers in here,
//! and lays the document out again — Typst's memoization reuses the body's layout.
//!
//! TOA conventions (from the court profile): categories in the order Cases, Constitutional
//! Provisions, Statutes, Rules, Other Authorities, empty ones omitted; entries sorted by their
//! sort key with numbers in numeric order and *In re* ignored or not as the profile says; every
//! body page on which the authority is cited in any form (footnotes and *Id.* included); *passim*
//! at the profile's threshold; runs of three or more pages collapsed into a range.

use std::collections::BTreeMap;

use crate::authority::{natural_cmp, Bank, Kind};
use crate::cite::CiteUse;
use crate::escape::string_literal;
use crate::profile::Profile;
use crate::render::RenderedClause;
use crate::typeset::Facts;

#[derive(Clone, Debug, PartialEq)]
pub struct TocEntry {
    pub level: usize,
    pub number: String,
    /// Heading markup.
    pub title: String,
    /// Body page, once known.
    pub page: Option<u64>,
    /// Outline index (the heading's label is `<pl-h{index}>`).
    pub index: usize,
}

/// A printed page reference in the TOA: the text ("5" or "11–15") and the citation it links to.
#[derive(Clone, Debug, PartialEq)]
pub struct PageRef {
    pub text: String,
    pub mark: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToaEntry {
    pub id: String,
    /// Entry markup.
    pub text: String,
    /// Every body page the authority is cited on, ascending.
    pub pages: Vec<u64>,
    pub refs: Vec<PageRef>,
    pub passim: bool,
    /// The citation marks of this authority, in reading order.
    pub marks: Vec<usize>,
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
    /// The tables with every entry and no page numbers.
    pub fn skeleton(rendered: &[RenderedClause], uses: &[CiteUse], bank: &Bank, profile: &Profile) -> FrontData {
        Self::build(rendered, uses, bank, profile, None)
    }

    /// The tables with the pages where headings and citations landed.
    pub fn from_facts(rendered: &[RenderedClause], uses: &[CiteUse], bank: &Bank, profile: &Profile, facts: &Facts) -> FrontData {
        Self::build(rendered, uses, bank, profile, Some(facts))
    }

    fn build(rendered: &[RenderedClause], uses: &[CiteUse], bank: &Bank, profile: &Profile, facts: Option<&Facts>) -> FrontData {
        let heading_pages: BTreeMap<usize, u64> = facts
            .map(|f| {
                f.marks_of("heading")
                    .filter_map(|(n, l)| Some((n, f.body_page(l.page_index)?)))
                    .collect()
            })
            .unwrap_or_default();
        let toc = rendered
            .iter()
            .enumerate()
            .map(|(i, r)| TocEntry {
                level: r.level,
                number: r.number.clone(),
                title: r.heading.clone(),
                page: heading_pages.get(&(i + 1)).copied(),
                index: i + 1,
            })
            .collect();

        let cite_pages: BTreeMap<usize, u64> = facts
            .map(|f| {
                f.marks_of("cite")
                    .filter_map(|(n, l)| Some((n, f.body_page(l.page_index)?)))
                    .collect()
            })
            .unwrap_or_default();
        // id → page → first mark on that page
        let mut by_id: BTreeMap<&str, BTreeMap<u64, usize>> = BTreeMap::new();
        let mut marks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for u in uses {
            let pages = by_id.entry(u.id.as_str()).or_default();
            marks.entry(u.id.as_str()).or_default().push(u.mark);
            if let Some(&page) = cite_pages.get(&u.mark) {
                pages.entry(page).or_insert(u.mark);
            }
        }
        let mut cats: BTreeMap<Kind, Vec<(String, ToaEntry)>> = BTreeMap::new();
        for (id, pages) in by_id {
            let Some(auth) = bank.get(id) else { continue };
            let page_list: Vec<u64> = pages.keys().copied().collect();
            let passim = facts.is_some()
                && profile.toa.passim.is_some_and(|t| t > 0 && page_list.len() >= t as usize);
            let refs = if passim {
                vec![PageRef { text: String::new(), mark: pages.values().next().copied().unwrap_or(0) }]
            } else {
                page_refs(&pages, profile.toa.ranges)
            };
            cats.entry(auth.kind).or_default().push((
                auth.sort_key(profile.toa.in_re),
                ToaEntry {
                    id: id.to_string(),
                    text: auth.toa_text(),
                    pages: page_list,
                    refs,
                    passim,
                    marks: marks.remove(id).unwrap_or_default(),
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

    /// The generated `/data/front.typ`: the entries of both tables, without page numbers (the
    /// templates look those up where the headings and citation marks landed), so that the file
    /// only changes when an entry does.
    pub fn typst(&self) -> String {
        let mut s = String::from("// Generated by pleader: the entries of the table of contents and the table of authorities.\n#let toc = (\n");
        for e in &self.toc {
            s.push_str(&format!(
                "  (level: {}, number: [{}], title: [{}], index: {}),\n",
                e.level,
                crate::escape::markup(&e.number),
                e.title,
                e.index
            ));
        }
        s.push_str(")\n#let toa = (\n");
        for c in &self.toa {
            s.push_str(&format!("  (heading: [{}], entries: (\n", c.kind.heading()));
            for e in &c.entries {
                let marks: Vec<String> = e.marks.iter().map(|m| m.to_string()).collect();
                s.push_str(&format!(
                    "    (id: {}, text: [{}], marks: {}),\n",
                    string_literal(&e.id),
                    e.text,
                    if marks.len() == 1 { format!("({},)", marks[0]) } else { format!("({})", marks.join(", ")) }
                ));
            }
            s.push_str("  )),\n");
        }
        s.push_str(")\n");
        s
    }
}

/// Page references, with runs of three or more consecutive pages collapsed ("11–15").
fn page_refs(pages: &BTreeMap<u64, usize>, ranges: bool) -> Vec<PageRef> {
    let list: Vec<(u64, usize)> = pages.iter().map(|(p, m)| (*p, *m)).collect();
    let mut out = vec![];
    let mut i = 0;
    while i < list.len() {
        let mut j = i;
        while j + 1 < list.len() && list[j + 1].0 == list[j].0 + 1 {
            j += 1;
        }
        if ranges && j >= i + 2 {
            out.push(PageRef { text: format!("{}–{}", list[i].0, list[j].0), mark: list[i].1 });
            i = j + 1;
        } else {
            out.push(PageRef { text: list[i].0.to_string(), mark: list[i].1 });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_collapse_runs_of_three() {
        let pages: BTreeMap<u64, usize> = [(3, 1), (4, 2), (5, 3), (7, 4), (8, 5)].into_iter().collect();
        let refs: Vec<String> = page_refs(&pages, true).into_iter().map(|r| r.text).collect();
        assert_eq!(refs, ["3–5", "7", "8"]);
        let refs: Vec<String> = page_refs(&pages, false).into_iter().map(|r| r.text).collect();
        assert_eq!(refs, ["3", "4", "5", "7", "8"]);
    }
}
