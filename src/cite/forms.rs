//! Citation forms: prints every citation of a brief in the form the Bluebook calls for, in reading
//! order over the whole brief (a footnote's citations count where the footnote is anchored, which
//! is where its text sits in the source):
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
//! invisible mark after its first character (where no break can separate the two), so that after
//! layout the TOA knows the page on which each citation's text begins and can link to it. Each
//! [`CiteUse`] also records the citation's plain printed text and whether it sits in a footnote,
//! which lets the tests find the citation in the typeset glyphs without the marks. Record citations take part in the *Id.* chain but leave no mark: they do
//! not go in the table of authorities.

use std::collections::HashSet;

use super::syntax::{self, sentence_start, CiteError, Group, Item};
use super::{CiteUse, Form};
use crate::cite::read::{read_cite, CaseCite};
use crate::cite::reference::Shape;
use crate::escape::{self, emph, emph_text, markup, with_emphasis};
use crate::library::bank::{Authority, Bank, Kind};
use crate::matter::RecordDoc;
use crate::units::{capitalize_first, Date};

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
    /// Link each case citation to its CourtListener lookup address (the profile's
    /// `citations.links`).
    links: bool,
    /// Offset of the top-level citation group being printed.
    group_at: usize,
    /// Every authority citation printed, in reading order.
    pub uses: Vec<CiteUse>,
    /// Every top-level citation group printed (authorities and the record), as plain text.
    pub printed: Vec<PrintedGroup>,
    /// The record documents that print in short form somewhere in the brief (learned from a first
    /// pass, `with_short_used`): only they define a short form at their first citation, so a
    /// document cited once, or cited again only as *Id.*, never defines one it does not use.
    /// `None`: every document defines it.
    short_used: Option<HashSet<String>>,
    /// The record documents this resolver printed in short form (for the next pass).
    pub short_printed: HashSet<String>,
}

/// A citation group of a drafted clause as the brief prints it, in plain text: what the
/// cite-check sheet shows in place of the clause's `[@id at 5]`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintedGroup {
    /// Index of the clause (in outline order).
    pub clause: usize,
    /// The group's bytes in the drafted clause text.
    pub range: std::ops::Range<usize>,
    pub text: String,
}

/// Printed citation markup without pleader's marks and links, as plain text.
fn unmarked_plain(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    let mut open_links = 0usize;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("#metadata(") {
            // `#metadata("pl:cite:3")<pl-c3>`
            let end = r.find('>').map_or(r.len(), |i| i + 1);
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix("#link(") {
            let end = r.find(")[").map_or(r.len(), |i| i + 2);
            rest = &r[end..];
            open_links += 1;
        } else if rest.starts_with("];") && open_links > 0 {
            open_links -= 1;
            rest = &rest[2..];
        } else if let Some(r) = rest.strip_prefix('\\') {
            let n = r.chars().next().map_or(0, char::len_utf8);
            out.push('\\');
            out.push_str(&r[..n]);
            rest = &r[n..];
        } else {
            let n = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..n]);
            rest = &rest[n..];
        }
    }
    escape::plain(&out).replace('*', "")
}

impl<'a> Resolver<'a> {
    pub fn new(bank: &'a Bank, record: &'a indexmap::IndexMap<String, RecordDoc>) -> Self {
        Resolver {
            bank,
            record,
            seen: HashSet::new(),
            last: None,
            next_mark: 1,
            links: false,
            group_at: 0,
            uses: vec![],
            printed: vec![],
            short_used: None,
            short_printed: HashSet::new(),
        }
    }

    /// The record documents that print in short form somewhere in the brief (a first pass's
    /// `short_printed`): the others print in full without defining a short form.
    pub fn with_short_used(mut self, used: HashSet<String>) -> Self {
        self.short_used = Some(used);
        self
    }

    /// Links every case citation to its lookup address ([`super::read::lookup_url`]).
    pub fn with_links(mut self, links: bool) -> Self {
        self.links = links;
        self
    }

    /// Begins a new section: its first citation is never *Id.*, which would reach back across the
    /// heading to the last section's authority (clear to no reader, though the rule allows it).
    pub fn new_section(&mut self) {
        self.last = None;
    }

    /// Replaces every citation group in `text` (one clause's rendered body or heading) with Typst
    /// markup, continuing the reading-order state from the previous call.
    pub fn resolve(&mut self, text: &str, clause: usize) -> Result<String, CiteError> {
        self.resolve_inner(text, clause, None, 0)
    }

    /// `in_footnote` is `None` for a clause's own text (each group is looked up), and the
    /// enclosing citation's answer for a parenthetical.
    fn resolve_inner(
        &mut self,
        text: &str,
        clause: usize,
        in_footnote: Option<bool>,
        depth: usize,
    ) -> Result<String, CiteError> {
        let nested = in_footnote.is_some();
        // Citations inside parentheticals inside parentheticals…: real briefs stop at two.
        if depth > 4 {
            return Err(CiteError {
                offset: 0,
                len: text.len().min(20),
                message: "citations are nested in parentheticals more than four deep".into(),
                hint: Some("a parenthetical may cite (`(quoting [@x at 5])`), but not without end".into()),
            });
        }
        let groups = syntax::parse(text)?;
        let mut out = String::with_capacity(text.len() + groups.len() * 64);
        let mut pos = 0;
        let mut footnotes = syntax::FootnoteScan::default();
        for g in groups {
            let between = &text[pos.min(g.start)..g.start];
            // An internal cross-reference ("_see supra_ Part IV.A.2") cites the brief itself: the
            // next citation cannot be *Id.* to the one before it (Bluebook 4.1).
            if !nested && between.contains("supra") {
                self.last = None;
            }
            out.push_str(between);
            // A signal's citation clause run on from a word ("before the vote [see @x]") is set
            // off by a comma, as Bluebook 1.1 sets off a citation clause (the Maryland user's
            // "the vote see Whitcomb Aff.").
            let signalled = g.items.first().is_some_and(|i| i.signal.is_some());
            if !nested && signalled && out.ends_with(' ') {
                let word = out.trim_end();
                // The last letter or punctuation mark, behind closing quotes and emphasis: a
                // quotation that ends in its own comma ("…,” see Compl.") takes none.
                let last = word.trim_end_matches(['”', '’', '"', '\'', '_']);
                if last.ends_with(|c: char| c.is_alphanumeric() || c == ')') {
                    let keep = word.len();
                    out.truncate(keep);
                    out.push_str(", ");
                }
            }
            let start = !nested && sentence_start(&text[..g.start]);
            if !nested {
                self.group_at = g.start;
            }
            let footnote = in_footnote.unwrap_or_else(|| footnotes.inside_at(text, g.start));
            let printed = self.group(&g, start, clause, footnote, nested, depth)?;
            if !nested {
                self.printed.push(PrintedGroup { clause, range: g.start..g.end, text: unmarked_plain(&printed) });
            }
            pos = g.end;
            // "Id." or "Compl." before the author's own period: print one period, not two.
            // (A linked citation ends in the link's closing `];`.)
            let visible = printed.strip_suffix("];").unwrap_or(&printed);
            // A matter paragraph's text reaches here escaped: its period is `\.`.
            if visible.trim_end_matches('_').ends_with('.') {
                if text[pos..].starts_with('.') {
                    pos += 1;
                } else if text[pos..].starts_with("\\.") {
                    pos += 2;
                }
            }
            out.push_str(&printed);
        }
        out.push_str(&text[pos..]);
        Ok(out)
    }

    fn group(
        &mut self,
        g: &Group,
        sentence_start: bool,
        clause: usize,
        footnote: bool,
        nested: bool,
        depth: usize,
    ) -> Result<String, CiteError> {
        let mut parts: Vec<String> = vec![];
        let mut any_nested = false;
        let mut prev_signal: Option<&str> = None;
        for (i, item) in g.items.iter().enumerate() {
            let capital = i == 0 && sentence_start;
            let mut s = String::new();
            // A full case citation's subsequent history, printed after its parentheticals.
            let mut after_parens = String::new();
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
            let same_as_last = id_allowed && self.last.as_ref().is_some_and(|l| l.id == item.id);
            let body = if let Some(doc) = self.record.get(&item.id) {
                let loc = item.locator.as_deref().map(markup);
                // A locator stays on the line of the document it points into ("Mot. at 12",
                // "Lind Decl. ¶ 7"): no-break spaces before and within it.
                let loc_sp = loc.as_ref().map(|l| format!("\u{a0}{}", bound(l))).unwrap_or_default();
                // Id. alone repeats the last cite's locator too (Bluebook 4.1: "Id." for the same
                // paragraph or page, "Id. ¶ 16" for another).
                let same_locator = self.last.as_ref().is_some_and(|l| l.locator == item.locator);
                if same_as_last && same_locator && item.locator.is_some() {
                    id_word(capital && !signal_printed).to_string()
                } else if same_as_last {
                    format!("{}{loc_sp}", id_word(capital && !signal_printed))
                } else if let Some(place) =
                    filed_place(doc).filter(|_| self.seen.contains(&item.id) && !item.force_full && loc.is_none())
                {
                    // A filed paper cited again as a whole is cited by its place in the court's
                    // file ("ECF No. 24"), not by its bare abbreviation ("Mot."), which reads as a
                    // citation missing its pin (the D. Utah audit's "filed this motion to compel. Mot.").
                    markup(&place)
                } else if self.seen.contains(&item.id) && !item.force_full {
                    self.short_printed.insert(item.id.clone());
                    format!("{}{loc_sp}", bound(&markup(&doc.short)))
                } else {
                    let define = doc.full != doc.short && self.short_used.as_ref().is_none_or(|u| u.contains(&item.id));
                    // Bluebook 10.8.3: a paper of another action, its pin, then that action.
                    let of = doc.of.as_deref().map(|o| format!(", {}", with_emphasis(o))).unwrap_or_default();
                    // A document whose title ends with its date ("Letter from A to B (Aug. 21,
                    // 2026)") takes its pin before the date, as Bluebook 17.1 places it, written
                    // as every other record pin in the brief is ("Letter from A to B at 2 (Aug.
                    // 21, 2026)", beside "Mot. at 4"): four audits in a row read the bare "2"
                    // beside "at 4" as an inconsistency (Bluepages B17).
                    let (full, loc_sp) = match (trailing_date(&doc.full), loc.is_some()) {
                        (Some((title, date)), true) => {
                            let written = item.locator.as_deref().unwrap_or("");
                            (
                                format!(
                                    "{}\u{a0}{} {}",
                                    with_emphasis(title),
                                    bound(&markup(written)),
                                    with_emphasis(date)
                                ),
                                String::new(),
                            )
                        }
                        _ => (with_emphasis(&doc.full), loc_sp),
                    };
                    match (&doc.filed, define) {
                        // B17.1.4: the pin, then where the document was filed, then the short form.
                        (Some(f), true) => {
                            format!("{}{loc_sp}{of}, {} (“{}”)", full, markup(f), markup(&doc.short))
                        }
                        (Some(f), false) => format!("{}{loc_sp}{of}, {}", full, markup(f)),
                        (None, true) if of.is_empty() => {
                            format!("{} (“{}”){loc_sp}", full, markup(&doc.short))
                        }
                        (None, true) => format!("{}{loc_sp}{of} (“{}”)", full, markup(&doc.short)),
                        (None, false) => format!("{}{loc_sp}{of}", full),
                    }
                }
            } else if let Some(auth) = self.bank.get(&item.id) {
                let pin = item.locator.as_deref().map(|l| l.strip_prefix("at ").unwrap_or(l).trim());
                let same_pin = self.last.as_ref().is_some_and(|l| l.locator == item.locator && l.subdiv == item.subdiv);
                let id_text = if same_as_last {
                    auth.id_form(capital && !signal_printed, pin, &item.subdiv, same_pin)
                } else {
                    None
                };
                let (form, printed) = match id_text {
                    Some(t) => (Form::Id, t),
                    // A later reference to a whole decision (no page read, or *see generally*)
                    // takes the short form with the first page, "_Solers_, 977 A.2d 941", not the
                    // full citation again, which reads as a drafting slip (the D.D.C. user; the
                    // S.D. Ohio audit's "_See generally Signature Mgmt._, 876 F.3d 831");
                    // `check` still lists it as cited without a pin.
                    // A slip opinion has no first page to cite it by: cited whole again, it is
                    // cited in full, with its docket and date.
                    None if self.seen.contains(&item.id)
                        && !item.force_full
                        && !(pin.is_none() && auth.cite().starts_with("slip op")) =>
                    {
                        (Form::Short, auth.short_form(pin, &item.subdiv))
                    }
                    None => {
                        let (head, history) = auth.full_parts(pin, &item.subdiv);
                        after_parens = history;
                        (Form::Full, head)
                    }
                };
                let mark = self.next_mark;
                self.next_mark += 1;
                let text = escape::plain(&printed);
                self.uses.push(CiteUse {
                    mark,
                    id: item.id.clone(),
                    form,
                    clause,
                    nested,
                    footnote,
                    text,
                    pin: pin.map(str::to_string),
                    at: self.group_at,
                    signal: item.signal.map(str::to_string).or_else(|| prev_signal.map(str::to_string)),
                });
                // The mark goes inside the citation's first word, where no line or page break
                // can separate it from the first glyph; a link goes around both.
                let marked = escape::with_mark(&printed, "cite", mark);
                match self.links.then(|| super::read::lookup_url(auth)).flatten() {
                    Some(url) => escape::link(&url, &marked),
                    None => marked,
                }
            } else {
                return Err(unknown(item, self.bank, self.record));
            };
            self.seen.insert(item.id.clone());
            s.push_str(&body);
            for p in &item.parens {
                let resolved = self.resolve_inner(p, clause, Some(footnote), depth + 1)?;
                if resolved != *p {
                    any_nested = true;
                }
                s.push_str(&format!(" ({resolved})"));
            }
            s.push_str(&after_parens);
            parts.push(s);
        }
        if !nested {
            self.last = match (g.items.as_slice(), any_nested) {
                ([only], false) => {
                    Some(Last { id: only.id.clone(), locator: only.locator.clone(), subdiv: only.subdiv.clone() })
                }
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
        "add it to the authority bank (authorities/*.yaml), to the matter's `authorities:`, or to its `record:`"
            .to_string()
    });
    CiteError {
        offset: item.at,
        len: item.id.len() + 1,
        message: format!("`{}` is not in the authority bank or the matter's record", item.id),
        hint: Some(hint),
    }
}

fn signal_markup(sig: &str, capital: bool) -> String {
    let text = if capital { capitalize_first(sig) } else { sig.to_string() };
    // "See, e.g.," → _See, e.g._, : the trailing comma is roman.
    match text.strip_suffix(',') {
        // The comma between "See" and "e.g." needs no escape in markup.
        Some(core) => format!("{},", emph(&core.split(", ").map(markup).collect::<Vec<_>>().join(", "))),
        None => emph(&markup(&text)),
    }
}

/// *Id.*, capitalised or not, in italics.
fn id_word(capital: bool) -> String {
    emph(if capital { "Id." } else { "id." })
}

/// Where a record document sits in the court's file: its `filed:` ("ECF No. 24"), or the docket
/// entry its full citation ends with ("Plaintiff's Motion to Compel, ECF No. 14").
fn filed_place(doc: &crate::matter::RecordDoc) -> Option<String> {
    doc.filed.clone().or_else(|| {
        let (_, last) = doc.full.rsplit_once(", ")?;
        (last.starts_with("ECF No. ") || last.starts_with("Dkt. ")).then(|| last.to_string())
    })
}

/// The year of a decision given by its year or its exact date.
fn decided_year(year: Option<i32>, date: Option<Date>) -> Option<i32> {
    use chrono::Datelike;
    date.map(|d| d.0.year()).or(year)
}

/// Bluebook 10.5: of several decisions of one case in the same year, only the last gives the
/// year ("879 A.2d 943 (Del. Super. Ct.), rev'd, 884 A.2d 451 (Del. 2005)"). A decision cited by
/// its exact date keeps it.
fn year_shared(year: Option<i32>, date: Option<Date>, next: Option<(Option<i32>, Option<Date>)>) -> bool {
    date.is_none() && year.is_some() && next.is_some_and(|(y, d)| decided_year(y, d) == year)
}

/// The court alone where the year is shared with the next decision: "(Del. Super. Ct.)", or
/// nothing where no court is named.
fn court_only(court: Option<&str>) -> String {
    match court.map(str::trim) {
        Some(c) if !c.is_empty() => format!("({})", markup(&bound(c))),
        _ => String::new(),
    }
}

/// "(N.D. Cal. Nov. 9, 2011)" or "(2d Cir. 2010)" or "(2007)", escaped.
fn court_date(court: Option<&str>, year: Option<i32>, date: Option<Date>) -> String {
    let when = match (date, year) {
        (Some(d), _) => d.bluebook(),
        (None, Some(y)) => y.to_string(),
        (None, None) => String::new(),
    };
    let inner = match court {
        // The court's abbreviation stays on one line ("(D.\u{a0}Colo. …", never "(D." alone).
        Some(c) if !c.trim().is_empty() => format!("{} {}", bound(c.trim()), when),
        _ => when,
    };
    format!("({})", markup(inner.trim()))
}

/// Whether a case citation is to a database (Westlaw, Lexis), read by the one citation reader.
fn is_database(cite: &str) -> bool {
    read_cite(cite).is_some_and(|(c, _)| c.is_database())
}

/// Whether a case citation is a public-domain one ("2015 IL 118000", "2006-Ohio-2095"), which
/// names its court and year itself: no parenthetical follows it (Bluebook 10.3.3).
pub(crate) fn is_neutral(cite: &str) -> bool {
    read_cite(cite).is_some_and(|(c, _)| matches!(c, CaseCite::Reporter(p) if p.is_neutral()))
}

/// A pin to a paragraph or a section ("¶ 12", "§ 3"), which takes no "at" (Bluebook 3.3).
fn is_paragraph(pin: &str) -> bool {
    pin.starts_with('¶') || pin.starts_with('§')
}

/// A reporter citation without its first page: "385 F. Supp. 2d 969" → "385 F. Supp. 2d" (the
/// head of the short form "385 F. Supp. 2d at 976").
fn reporter_head(cite: &str) -> Option<&str> {
    let cite = cite.trim();
    match read_cite(cite)? {
        // A public-domain citation ("2006-Ohio-2095") is its own head.
        (CaseCite::Reporter(parts), used) if parts.shape == Shape::Volume => {
            cite[..used].trim_end().strip_suffix(parts.page.as_str()).map(str::trim_end)
        }
        _ => None,
    }
}

impl Authority {
    fn history_text(&self) -> String {
        let mut out = String::new();
        for (i, h) in self.history.iter().enumerate() {
            let next = self.history.get(i + 1).map(|n| (n.year, n.date));
            let when = if year_shared(h.year, h.date, next) {
                court_only(h.court.as_deref())
            } else {
                court_date(h.court.as_deref(), h.year, h.date)
            };
            out.push_str(format!(", {}, {} {}", emph_text(&h.phrase), markup(&h.cite), when).trim_end());
            if let Some(p) = &h.parenthetical {
                out.push_str(&format!(" ({})", markup(p.trim())));
            }
        }
        out
    }

    /// A case's name, docket and citation: "_Name_, No. 1, 2011 WL 5", the start of its full form
    /// and of its table-of-authorities entry.
    fn case_head(&self) -> String {
        let mut s = format!("{}, ", emph_text(self.name.as_deref().unwrap_or("")));
        if let Some(d) = &self.docket {
            s.push_str(&markup(d));
            s.push_str(", ");
        }
        s.push_str(&bound(&markup(self.cite())));
        s
    }

    /// The full citation, with an optional pin (page, range, "*9") and subdivision ("(g)").
    pub fn full(&self, pin: Option<&str>, subdiv: &str) -> String {
        let (head, tail) = self.full_parts(pin, subdiv);
        head + &tail
    }

    /// [`Authority::full`] in two parts: the citation itself, and what follows the explanatory
    /// parentheticals a brief adds to it: a case's subsequent history (Bluebook 1.5(b), 10.6.1:
    /// "(holding …), vacated, …"), with the defined short form after it. The second part is
    /// empty for a citation without history.
    pub fn full_parts(&self, pin: Option<&str>, subdiv: &str) -> (String, String) {
        match self.kind {
            Kind::Case => {
                let mut head = self.case_head();
                if let Some(p) = pin {
                    if is_database(self.cite()) {
                        head.push_str(&format!(", at {}", markup(p)));
                    } else if self.cite() == "slip op." {
                        // Bluebook 10.8.1(b): "No. 20-mc-145, slip op. at 1 (D. Colo. …)".
                        head.push_str(&format!(" at {}", markup(p)));
                    } else {
                        head.push_str(&format!(", {}", markup(p)));
                    }
                }
                head.push_str(&self.parallel_text());
                head.push_str(&self.parallel_pin(pin, false));
                head.push_str(&self.court_parenthetical());
                let defined =
                    if self.define { format!(" (“{}”)", emph_text(self.short_name())) } else { String::new() };
                match self.history_text() {
                    // Without history the defined short form stays with the citation.
                    h if h.is_empty() => (head + &defined, String::new()),
                    h => (head, h + &defined),
                }
            }
            Kind::Other => (self.other(self.author.as_deref(), self.title.as_deref(), pin, true), String::new()),
            _ => (self.code(self.cite(), pin, subdiv) + &self.publisher_text(), String::new()),
        }
    }

    /// " (N.D. Cal. 2005)": the court and date after a case's citation. A public-domain citation
    /// names its year, and its court where its reporter prints one court's decisions ("2015 IL
    /// 118000"): it takes the court alone where the bank names one ("2016-Ohio-7383 (Ohio Ct.
    /// App.)", Ohio's citation covering every court), and nothing otherwise (Bluebook 10.3.3).
    fn court_parenthetical(&self) -> String {
        if !is_neutral(self.cite()) {
            let next = self.history.first().map(|h| (h.year, h.date));
            if year_shared(self.year, self.date, next) {
                let c = court_only(self.court.as_deref());
                return if c.is_empty() { c } else { format!(" {c}") };
            }
            return format!(" {}", court_date(self.court.as_deref(), self.year, self.date));
        }
        match self.court.as_deref().map(str::trim) {
            Some(c) if !c.is_empty() => format!(" ({})", markup(&bound(c))),
            _ => String::new(),
        }
    }

    /// The page in the parallel reporter for `pin` (`parallel_pins`): ", 843" after the full
    /// parallel citation, or ", 901 P.2d at 843" after a short form or *Id.* (`short`); nothing
    /// where the entry has no parallel or no page for the pin. A public-domain citation's
    /// parallel takes no pin (its paragraphs are the pin).
    fn parallel_pin(&self, pin: Option<&str>, short: bool) -> String {
        let (Some(p), Some(parallel)) = (pin, self.parallel.as_deref().map(str::trim)) else { return String::new() };
        if is_neutral(self.cite()) {
            return String::new();
        }
        match self.parallel_pins.get(p.trim()) {
            Some(pp) if short => {
                let head = reporter_head(parallel).unwrap_or(parallel);
                format!(", {}\u{a0}at\u{a0}{}", bound(&markup(head)), markup(pp))
            }
            Some(pp) => format!(", {}", markup(pp)),
            None => String::new(),
        }
    }

    /// ", 34 N.E.3d 549": the parallel citation, or nothing.
    fn parallel_text(&self) -> String {
        match self.parallel.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => format!(", {}", bound(&markup(p))),
            _ => String::new(),
        }
    }

    /// " (McKinney)" after a statute in an unofficial code, with the code's year where the entry
    /// gives one (" (McKinney 2021)", " (2025)": Bluebook 12.3.2 asks a state code's year, and
    /// none of the United States Code's), " (eff. Jan. 1, 2018)" after a rule cited with the date
    /// its version took effect, or nothing.
    fn publisher_text(&self) -> String {
        let publisher = self.publisher.as_deref().map(str::trim).filter(|p| !p.is_empty());
        match (&self.kind, publisher, self.effective.as_deref().map(str::trim)) {
            (Kind::Statute, Some(p), _) => match self.year {
                Some(y) => format!(" ({} {y})", markup(p)),
                None => format!(" ({})", markup(p)),
            },
            (Kind::Statute, None, _) if self.year.is_some() => format!(" ({})", self.year.unwrap_or_default()),
            (Kind::Rule, _, Some(d)) if !d.is_empty() => format!(" (eff.\u{a0}{})", markup(d)),
            _ => String::new(),
        }
    }

    fn other(&self, author: Option<&str>, title: Option<&str>, pin: Option<&str>, full: bool) -> String {
        // An entry whose citation names the source itself, with no title ("ShiftReview, LLC, Terms
        // of Service (rev. Mar. 1, 2026)"): the pin goes after the name and before a closing
        // date parenthetical, never before the name.
        if let (None, None, true, Some(c)) = (author, title, full, self.cite.as_deref()) {
            let c = c.trim();
            let (head, tail) = match c.rfind(" (") {
                Some(i) if c.ends_with(')') => (&c[..i], &c[i..]),
                _ => (c, ""),
            };
            let mut s = markup(head);
            if let Some(p) = pin {
                s.push(' ');
                s.push_str(&markup(p));
            }
            s.push_str(&markup(tail));
            return s;
        }
        let mut s = String::new();
        if let (Some(a), true) = (author, full) {
            s.push_str(&markup(a));
            s.push_str(", ");
        }
        if let Some(t) = title {
            s.push_str(&emph_text(t));
        }
        if let Some(p) = pin {
            s.push(' ');
            s.push_str(&markup(p));
        }
        if full {
            if let Some(c) = &self.cite {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(&markup(c));
            }
        }
        s
    }

    /// Statutes, rules, constitutional provisions: the citation with its subdivision and pin.
    fn code(&self, base: &str, pin: Option<&str>, subdiv: &str) -> String {
        let mut s = code_bound(&markup(base));
        s.push_str(&markup(subdiv));
        if let Some(p) = pin {
            s.push_str(", ");
            s.push_str(&markup(p));
        }
        s
    }

    /// The short form: "_Highfields_, 385 F. Supp. 2d at 976", "_Art of Living_, 2011 WL 5444622,
    /// at \*9", "§ 1030(g)".
    pub fn short_form(&self, pin: Option<&str>, subdiv: &str) -> String {
        match self.kind {
            Kind::Case => {
                let name = emph_text(self.short_name());
                let cite = self.cite();
                match (pin, is_database(cite), reporter_head(cite)) {
                    // "Hadley, 2015 IL 118000, ¶ 1" (Bluebook 10.9(b)): a public-domain citation
                    // keeps its number and is pinned to its paragraphs.
                    (Some(p), false, _) if is_neutral(cite) => {
                        format!("{name}, {}, {}", bound(&markup(cite)), markup(p))
                    }
                    (Some(p), true, _) => format!("{name}, {}, at\u{a0}{}", bound(&markup(cite)), markup(p)),
                    (Some(p), false, Some(head)) => {
                        format!(
                            "{name}, {}\u{a0}at\u{a0}{}{}",
                            bound(&markup(head)),
                            markup(p),
                            self.parallel_pin(Some(p), true)
                        )
                    }
                    (Some(p), false, None) => format!("{name}, {}\u{a0}at\u{a0}{}", bound(&markup(cite)), markup(p)),
                    // Cited whole again: both reporters' first pages ("_Neumann_, 358 Or. 706,
                    // 369 P.3d 1117"), as the full citation gives them.
                    (None, _, _) if !is_neutral(cite) => {
                        format!("{name}, {}{}", bound(&markup(cite)), self.parallel_text())
                    }
                    (None, _, _) => format!("{name}, {}", bound(&markup(cite))),
                }
            }
            Kind::Other => {
                let title = self.short.as_deref().or(self.title.as_deref());
                self.other(None, title, pin, false)
            }
            _ => self.code(self.short.as_deref().unwrap_or(self.cite()), pin, subdiv),
        }
    }

    /// The *Id.* form when the previous citation was this authority alone, or `None` when the
    /// Bluebook has no *Id.* form for this change of pin (pleader then uses the short form).
    pub fn id_form(&self, capital: bool, pin: Option<&str>, subdiv: &str, same_pin: bool) -> Option<String> {
        let id = id_word(capital);
        if same_pin {
            return Some(id);
        }
        match self.kind {
            // "Id." alone means the page cited just before (Bluebook 4.1): a case cited whole
            // after a page of it is cited in full again, not "Id.".
            Kind::Case if pin.is_none() => None,
            Kind::Case | Kind::Other => Some(match pin {
                Some(p) if is_paragraph(p) => format!("{id} {}", markup(p)),
                Some(p) => format!("{id} at {}{}", markup(p), self.parallel_pin(Some(p), true)),
                None => id,
            }),
            Kind::Statute | Kind::Regulation => {
                let short = self.short.as_deref().unwrap_or(self.cite());
                short.starts_with('§').then(|| {
                    let mut s = format!("{id} {}{}", markup(short), markup(subdiv));
                    if let Some(p) = pin {
                        s.push_str(", ");
                        s.push_str(&markup(p));
                    }
                    s
                })
            }
            _ => None,
        }
    }

    /// The entry in the table of authorities (no pin, no defined short form).
    pub fn toa_text(&self) -> String {
        match self.kind {
            Kind::Case => {
                let mut s = self.case_head();
                s.push_str(&self.parallel_text());
                s.push_str(&self.court_parenthetical());
                s.push_str(&self.history_text());
                s
            }
            Kind::Other => self.other(self.author.as_deref(), self.title.as_deref(), None, true),
            _ => markup(self.cite()) + &self.publisher_text(),
        }
    }
}

/// One citation unit held on one line (Bluebook practice: a reporter citation, a rule or statute
/// number, a record document's short name): every space a no-break space. Applied to escaped
/// markup, whose spaces are text.
fn bound(unit: &str) -> String {
    unit.replace(' ', "\u{a0}")
}

/// A rule, statute or constitutional provision, held together in pairs of words with its number
/// bound to the word before it ("Fed.\u{a0}R. Civ.\u{a0}P.\u{a0}45(d)", "U.S.\u{a0}Const.
/// amend.\u{a0}I", "§\u{a0}17200"): a long provision bound whole would leave the line before it
/// loosely justified, so it may break between pairs, never before its number.
fn code_bound(unit: &str) -> String {
    let words: Vec<&str> = unit.split(' ').collect();
    let number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit() || c == '§')
            || (!w.is_empty() && w.trim_end_matches([';', ',']).chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
    };
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let join = number(w) || words[i - 1] == "§" || i % 2 == 1;
            out.push(if join { '\u{a0}' } else { ' ' });
        }
        out.push_str(w);
    }
    out
}

/// A record document's title split before a closing parenthetical that holds a year ("Letter
/// from A to B", "(Aug. 21, 2026)"), if it ends with one.
fn trailing_date(full: &str) -> Option<(&str, &str)> {
    let t = full.trim_end();
    if !t.ends_with(')') {
        return None;
    }
    let open = t.rfind(" (")?;
    let inner = &t[open + 2..t.len() - 1];
    let has_year = inner
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w.starts_with(b"19") || w.starts_with(b"20")));
    (has_year && !inner.contains('(')).then(|| (&t[..open], &t[open + 1..]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_dated_title_takes_its_pin_before_the_date() {
        assert_eq!(
            super::trailing_date("Letter from N. Ellison to G. Lindqvist (Aug. 21, 2026)"),
            Some(("Letter from N. Ellison to G. Lindqvist", "(Aug. 21, 2026)"))
        );
        assert_eq!(super::trailing_date("Declaration of Priya Raman"), None);
        // A parenthetical without a year is part of the title.
        assert_eq!(super::trailing_date("Subpoena (Schedule A)"), None);
    }

    use super::*;
    use crate::cite::syntax::cited_ids;
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
    fn a_court_abbreviation_never_breaks_across_lines() {
        assert_eq!(court_date(Some("D. Colo."), Some(2011), None), "(D\\.\u{a0}Colo\\. 2011)");
        assert_eq!(court_date(Some("N.D. Cal."), Some(2005), None), "(N\\.D\\.\u{a0}Cal\\. 2005)");
        assert_eq!(court_date(None, Some(1999), None), "(1999)");
    }

    #[test]
    fn the_short_form_head_and_database_test_come_from_the_one_reader() {
        assert_eq!(reporter_head("385 F. Supp. 2d 969"), Some("385 F. Supp. 2d"));
        assert_eq!(reporter_head("5 U.S. (1 Cranch) 137"), Some("5 U.S. (1 Cranch)"));
        assert_eq!(reporter_head("2011 WL 5444622"), None);
        assert_eq!(reporter_head("2006-Ohio-2095"), None);
        for db in ["2011 WL 5444622", "2023 U.S. Dist. LEXIS 2756", "2019 Cal. App. LEXIS 5"] {
            assert!(is_database(db), "{db}");
        }
        assert!(!is_database("385 F. Supp. 2d 969"));
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
        // The reporter citation is one unit, held together by no-break spaces.
        assert!(out.starts_with("A. _Highfields Cap\\. Mgmt\\.\\, L\\.P\\. v\\. Doe_, 385\u{a0}F\\.\u{a0}Supp\\.\u{a0}2d\u{a0}969, 975 (N\\.D\\.\u{a0}Cal\\. 2005). B. _Id._ at 976."), "{out}");
        // A citation clause after a word is set off by a comma (Bluebook 1.1).
        assert!(out.contains("C, _see_ _id._ D."), "{out}");
        // After a string cite: short form, never Id.
        assert!(out.ends_with("E. _Highfields_, 385\u{a0}F\\.\u{a0}Supp\\.\u{a0}2d\u{a0}at\u{a0}980."), "{out}");
        let forms: Vec<Form> = r.uses.iter().map(|u| u.form).collect();
        assert_eq!(forms, [Form::Full, Form::Id, Form::Id, Form::Full, Form::Short, Form::Short]);
    }

    /// An internal cross-reference between two citations of one authority: the second is the
    /// short form, as *Id.* would point at the cross-reference (audit M1).
    #[test]
    fn no_id_after_a_cross_reference_to_the_brief() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = r.resolve("A. [@highfields at 975]. B, _see supra_ Part IV.A. C. [@highfields at 976].", 0).unwrap();
        let out = strip_marks(&out);
        assert!(out.ends_with("C. _Highfields_, 385\u{a0}F\\.\u{a0}Supp\\.\u{a0}2d\u{a0}at\u{a0}976."), "{out}");
    }

    #[test]
    fn a_provision_breaks_between_pairs_of_words_never_before_its_number() {
        assert_eq!(code_bound("Fed. R. Civ. P. 45"), "Fed.\u{a0}R. Civ.\u{a0}P.\u{a0}45");
        assert_eq!(code_bound("U.S. Const. amend. I"), "U.S.\u{a0}Const. amend.\u{a0}I");
        assert_eq!(code_bound("Cal. Bus. & Prof. Code § 17200"), "Cal.\u{a0}Bus. &\u{a0}Prof. Code\u{a0}§\u{a0}17200");
    }

    #[test]
    fn a_slip_opinion_is_pinned_with_at() {
        let mut b = Bank::default();
        b.add_file(&SourceText::new(
            "b.yaml",
            "spider:\n  kind: case\n  name: Spider Labs, Ltd. v. Doe\n  short: Spider Labs\n  cite: slip op.\n  docket: No. 20-mc-00145-RM\n  court: D. Colo.\n  date: 2021-04-28\n",
        ))
        .unwrap();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(&r.resolve("A. [@spider at 1].", 0).unwrap());
        // Bluebook 10.8.1(b): "slip op. at 1", never "slip op., 1".
        assert!(out.contains("slip\u{a0}op\\. at 1 (D\\.\u{a0}Colo\\. Apr\\. 28\\, 2021)"), "{out}");
        assert!(!out.contains("slip op\\.,"), "{out}");
    }

    /// A parallel citation is pinned in both reporters where the bank records the parallel page
    /// (`parallel_pins`), in the full form, the short form and *Id.*; cited whole again, both first
    /// pages (the D. Or. user: "321 Or. 532, 535, 901 P.2d 841" pinned in one reporter only).
    #[test]
    fn a_parallel_citation_is_pinned_in_both_reporters() {
        let mut b = Bank::default();
        b.add_file(&SourceText::new(
            "b.yaml",
            "mcganty:\n  kind: case\n  name: McGanty v. Staudenraus\n  short: McGanty\n  cite: 321 Or. 532\n  parallel: 901 P.2d 841\n  parallel_pins: {\"535\": \"843\"}\n  year: 1995\nother:\n  kind: case\n  name: Other v. Doe\n  short: Other\n  cite: 385 F. Supp. 2d 969\n  court: N.D. Cal.\n  year: 2005\n",
        ))
        .unwrap();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(
            &r.resolve("A. [@mcganty at 535]. B. [@mcganty at 535]. C. [@other at 975]. D. [@mcganty at 535]. E. [@other at 976]. F. [@mcganty].", 0)
                .unwrap(),
        );
        assert!(
            out.contains("A. _McGanty v\\. Staudenraus_, 321\u{a0}Or\\.\u{a0}532, 535, 901\u{a0}P\\.2d\u{a0}841, 843"),
            "{out}"
        );
        assert!(out.contains("B. _Id._"), "{out}");
        assert!(
            out.contains("D. _McGanty_, 321\u{a0}Or\\.\u{a0}at\u{a0}535, 901\u{a0}P\\.2d\u{a0}at\u{a0}843."),
            "{out}"
        );
        assert!(out.contains("F. _McGanty_, 321\u{a0}Or\\.\u{a0}532, 901\u{a0}P\\.2d\u{a0}841."), "{out}");
    }

    #[test]
    fn a_public_domain_citation_is_pinned_to_paragraphs_with_its_parallel_and_no_parenthetical() {
        let mut b = Bank::default();
        b.add_file(&SourceText::new(
            "b.yaml",
            "hadley:\n  kind: case\n  name: Hadley v. Doe\n  short: Hadley\n  cite: 2015 IL 118000\n  parallel: 34 N.E.3d 549\n  year: 2015\nother:\n  kind: case\n  name: Other v. Doe\n  short: Other\n  cite: 385 F. Supp. 2d 969\n  court: N.D. Cal.\n  year: 2005\n",
        ))
        .unwrap();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(
            &r.resolve("A. [@hadley at ¶ 1]. B. [@hadley at ¶ 3]. C. [@other at 975]. D. [@hadley at ¶ 1].", 0)
                .unwrap(),
        );
        // Bluebook 10.3.3: "Hadley v. Doe, 2015 IL 118000, ¶ 1, 34 N.E.3d 549." — the citation
        // names its court and year; 3.3: no "at" before a paragraph.
        assert!(
            out.contains("_Hadley v\\. Doe_, 2015\u{a0}IL\u{a0}118000, ¶ 1, 34\u{a0}N\\.E\\.3d\u{a0}549. B."),
            "{out}"
        );
        assert!(out.contains("B. _Id._ ¶ 3."), "{out}");
        assert!(out.contains("D. _Hadley_, 2015\u{a0}IL\u{a0}118000, ¶ 1."), "{out}");
        assert!(!out.contains("(2015)") && !out.contains("(Ill"), "{out}");
        let mut o = Bank::default();
        o.add_file(&SourceText::new(
            "o.yaml",
            "fisher:\n  kind: case\n  name: Fisher v. Doe\n  short: Fisher\n  cite: 2016-Ohio-7383\n  court: Ohio Ct. App.\n  year: 2016\n",
        ))
        .unwrap();
        let mut r = Resolver::new(&o, &rec);
        let ohio = escape::plain(&strip_marks(&r.resolve("A. [@fisher at ¶ 12].", 0).unwrap()));
        // Ohio's public-domain citation covers every Ohio court: the court is named, the year is not.
        assert_eq!(ohio, "A. Fisher v. Doe, 2016-Ohio-7383, ¶ 12 (Ohio Ct. App.).");
        assert_eq!(
            b.get("hadley").unwrap().toa_text(),
            "_Hadley v\\. Doe_, 2015\u{a0}IL\u{a0}118000, 34\u{a0}N\\.E\\.3d\u{a0}549"
        );
    }

    #[test]
    fn a_source_named_in_its_citation_takes_its_pin_after_the_name() {
        let mut b = Bank::default();
        b.add_file(&SourceText::new(
            "b.yaml",
            "tos:\n  kind: other\n  cite: \"ShiftReview, LLC, Terms of Service (rev. Mar. 1, 2026)\"\n  short: Terms of Service\n",
        ))
        .unwrap();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = escape::plain(&strip_marks(&r.resolve("A. [@tos at § 9.2].", 0).unwrap()));
        assert!(out.starts_with("A. ShiftReview, LLC, Terms of Service § 9.2 (rev. Mar. 1, 2026)."), "{out}");
    }

    #[test]
    fn a_later_reference_to_a_whole_case_takes_the_short_form_with_its_first_page() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(
            &r.resolve("A. [@highfields at 975]. B. [@aol at *9]. C. [see generally @highfields].", 0).unwrap(),
        );
        // The short form with the first page, no "at": the full citation is not repeated.
        assert!(
            out.ends_with("C. _See generally_ _Highfields_, 385\u{a0}F\\.\u{a0}Supp\\.\u{a0}2d\u{a0}969."),
            "{out}"
        );
        let forms: Vec<Form> = r.uses.iter().map(|u| u.form).collect();
        assert_eq!(forms, [Form::Full, Form::Full, Form::Short]);
    }

    #[test]
    fn an_empty_pin_cites_the_whole_decision() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        // A template's "at {{ pin }}" with a pin the data leaves empty: no dangling "at".
        let out = escape::plain(&strip_marks(&r.resolve("A. [@highfields at ].", 0).unwrap()));
        assert_eq!(out, "A. Highfields Cap. Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005).", "{out}");
        assert!(r.uses.iter().all(|u| u.pin.is_none()));
    }

    #[test]
    fn escaped_brackets_are_not_citations() {
        let b = bank();
        let rec = Default::default();
        let mut r = Resolver::new(&b, &rec);
        assert_eq!(
            r.resolve("\\[\\@highfields\\] [a]nonymity #footnote[x]", 0).unwrap(),
            "\\[\\@highfields\\] [a]nonymity #footnote[x]"
        );
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
        // Set in a clause, a joiner goes between the parts of the subdivision: it never breaks.
        assert_eq!(escape::keep_together(&out).matches("\u{2060}").count(), 2, "{out}");
        assert_eq!(escape::plain(&out), "x Fed. R. Civ. P. 45(c)(2)(A) (emphasis added).");
        // A range of subdivisions stays one subdivision, never a pin ("(a), –(c)").
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(&r.resolve("y [@frcp-45(d)(2)(A)–(B)]. z [@frcp-45(c)(1)-(2)].", 0).unwrap());
        assert_eq!(escape::plain(&out), "y Fed. R. Civ. P. 45(d)(2)(A)–(B). z Fed. R. Civ. P. 45(c)(1)–(2).");
        assert!(r.uses.iter().all(|u| u.pin.is_none()), "no pin: {out}");
        // Two subdivisions of one rule, after a comma (the W.D. Tex. user's "§ 1839(3) (5)"); a
        // parenthetical after a comma is not one.
        let mut r = Resolver::new(&b, &rec);
        let out = strip_marks(&r.resolve("w [@frcp-45(c), (d)]. v [@frcp-45(c) (emphasis added)].", 0).unwrap());
        assert_eq!(escape::plain(&out), "w Fed. R. Civ. P. 45(c), (d). v Fed. R. Civ. P. 45(c) (emphasis added).");
        assert!(r.uses.iter().all(|u| u.pin.is_none()), "no pin: {out}");
    }

    #[test]
    fn ids_from_template_values_do_not_hide_the_others() {
        let ids: Vec<String> =
            cited_ids("[see @{{ f.doc }} {{ f.at }}; @highfields at 3]. [@aol]").into_iter().map(|(i, _)| i).collect();
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
