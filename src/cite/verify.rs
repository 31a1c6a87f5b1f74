//! Citation checks: whether what a bank entry says about a case is plausible, offline, against
//! Free Law Project's reporters-db and courts-db ([`super::reference`]). For every case entry:
//!
//! - **reporter**: known to reporters-db and written exactly as there ("F. Supp. 2d", not
//!   "F.Supp.2d"; a variant spelling is reported with the canonical one), or a Westlaw, Lexis or
//!   slip-opinion citation;
//! - **year**: inside the reporter edition's dates (F. Supp. 2d ends in 2014);
//! - **court**: the parenthetical names a court of courts-db that sat that year, and is not
//!   redundant with the reporter (Bluebook rule 10.4: *Cal. App. 4th* already says "Cal. Ct. App.");
//!   a reporter that prints several courts needs one;
//! - **Westlaw, Lexis, slip opinions**: docket number and exact date (rule 10.8.1), and the
//!   database year equals the year of the decision date;
//! - **pins**: within the opinion — not before its first page, not after `end_page`, star pages
//!   for Westlaw and Lexis (the bank's `supports` pins here; the brief's pins in [`check_uses`]),
//!   and every short form the brief prints has one;
//! - **subsequent history**: a Bluebook T8 phrase ("aff’d", "report and recommendation adopted
//!   in relevant part", "aff’d sub nom. *Name*"), and a history citation that passes the same
//!   checks and is not older than the decision.
//!
//! Each problem is a [`Finding`] naming the entry's field; [`Finding::diagnostic`] points at the
//! field's line and column in the bank file, with the fix when one is known. Findings on an entry
//! recorded as `unverified:` are warnings (the reason is the record of what is still open; `check`
//! lists such entries anyway). Statutes, rules, constitutional provisions and other authorities
//! are not checked here. Nothing is ever corrected silently: a fix is only proposed.

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::Datelike;

use super::reference::{self, CiteParts, Court, Edition};
use super::{CiteUse, Form};
use crate::diag::{did_you_mean, Diagnostic, SourceText};
use crate::library::bank::{Authority, Bank, Kind};
use crate::units::Date;
use crate::yaml;

/// The kinds of problem the checks find (their names appear in diagnostics and the tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// The citation cannot be read as `<volume> <reporter> <page>`, a Westlaw, Lexis or slip
    /// citation, or it has text after the first page.
    CiteForm,
    /// The reporter is not in reporters-db.
    UnknownReporter,
    /// The reporter is spelled or spaced differently from reporters-db.
    ReporterSpelling,
    /// The year is outside the reporter edition's dates.
    YearOutsideReporter,
    /// The court is not a courts-db court abbreviation.
    UnknownCourt,
    /// The court did not sit in that year.
    CourtNotSitting,
    /// The court (or its state) is implied by the reporter (rule 10.4).
    RedundantCourt,
    /// The reporter prints several courts and no court is named.
    MissingCourt,
    /// A Westlaw, Lexis or slip citation without a docket number (rule 10.8.1).
    MissingDocket,
    /// A docket number that does not start "No." (rule 10.8.1(a)).
    DocketForm,
    /// A Westlaw, Lexis or slip citation without the exact date (rule 10.8.1).
    MissingDate,
    /// The Westlaw or Lexis year is not the year of the decision date.
    DatabaseYear,
    /// `year` and `date` disagree.
    YearDate,
    /// A reporter citation dated to the day (rule 10.5 gives the year only).
    ReporterDate,
    /// A pin outside the opinion, or in the wrong form (star pages for databases only).
    Pin,
    /// `end_page` before the first page.
    EndPage,
    /// Subsequent history that is not well-formed.
    History,
    /// A short form printed without a pin.
    ShortFormPin,
    /// The court is not one whose decisions the reporter prints.
    CourtReporter,
}

impl Check {
    pub const ALL: [Check; 19] = [
        Check::CiteForm,
        Check::UnknownReporter,
        Check::ReporterSpelling,
        Check::YearOutsideReporter,
        Check::UnknownCourt,
        Check::CourtNotSitting,
        Check::RedundantCourt,
        Check::MissingCourt,
        Check::MissingDocket,
        Check::DocketForm,
        Check::MissingDate,
        Check::DatabaseYear,
        Check::YearDate,
        Check::ReporterDate,
        Check::Pin,
        Check::EndPage,
        Check::History,
        Check::ShortFormPin,
        Check::CourtReporter,
    ];

    /// The kebab-case name shown in diagnostics: `reporter-spelling`, `redundant-court`, …
    pub fn name(self) -> &'static str {
        match self {
            Check::CiteForm => "cite-form",
            Check::UnknownReporter => "unknown-reporter",
            Check::ReporterSpelling => "reporter-spelling",
            Check::YearOutsideReporter => "year-outside-reporter",
            Check::UnknownCourt => "unknown-court",
            Check::CourtNotSitting => "court-not-sitting",
            Check::RedundantCourt => "redundant-court",
            Check::MissingCourt => "missing-court",
            Check::MissingDocket => "missing-docket",
            Check::DocketForm => "docket-form",
            Check::MissingDate => "missing-date",
            Check::DatabaseYear => "database-year",
            Check::YearDate => "year-date",
            Check::ReporterDate => "reporter-date",
            Check::Pin => "pin",
            Check::EndPage => "end-page",
            Check::History => "history",
            Check::ShortFormPin => "short-form-pin",
            Check::CourtReporter => "court-reporter",
        }
    }

    /// The check with this name.
    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// One problem with one bank entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub id: String,
    /// The entry's field at fault, as a path: `cite`, `court`, `history[0].phrase`,
    /// `supports[1].pin`. Always a field the entry has (a missing field is reported at the one
    /// that needs it, e.g. a missing docket at `cite`).
    pub field: String,
    /// The text within the field's value to point at, when narrower than the value.
    pub part: Option<String>,
    pub message: String,
    /// The fix, when one is known: "write `cite: \"385 F. Supp. 2d 969\"`".
    pub fix: Option<String>,
    /// An error (the entry is wrong) or a warning (worth a look).
    pub error: bool,
}

impl Finding {
    /// The finding as a diagnostic at the field's line and column in `source` (a bank file, or a
    /// matter's `authorities:`). On an entry recorded as `unverified:` an error becomes a warning
    /// that quotes the reason.
    pub fn diagnostic(&self, authority: &Authority, source: &SourceText) -> Diagnostic {
        let mut d = if self.error && authority.unverified.is_none() {
            Diagnostic::error(self.text())
        } else {
            Diagnostic::warning(self.text())
        };
        d = match locate(source, &self.id, &self.field, self.part.as_deref()) {
            Some(span) => d.at(source, span),
            None => d.in_file(source),
        };
        if let Some(fix) = &self.fix {
            d = d.with_hint(fix.clone());
        }
        if let (true, Some(reason)) = (self.error, &authority.unverified) {
            d = d.with_note(format!("recorded as unverified: {}", shorten(reason, 240)));
        }
        d
    }

    /// "`highfields`: … (reporter-spelling)".
    pub fn text(&self) -> String {
        format!("`{}`: {} ({})", self.id, self.message, self.check.name())
    }
}

/// Where a finding points: the part of the value, else the field's key, else the entry's id.
pub fn locate(source: &SourceText, id: &str, field: &str, part: Option<&str>) -> Option<Range<usize>> {
    let find = |path: &str| {
        yaml::find_path(source, &format!("{id}.{path}"))
            .or_else(|| yaml::find_path(source, &format!("authorities.{id}.{path}")))
    };
    let Some(key) = find(field) else {
        return yaml::find_path(source, id).or_else(|| yaml::find_path(source, &format!("authorities.{id}")));
    };
    let line_end = source.text[key.end..].find('\n').map_or(source.text.len(), |e| key.end + e);
    let value = &source.text[key.end..line_end];
    match part.and_then(|p| value.find(p).map(|i| (i, p.len()))) {
        Some((i, len)) if len > 0 => Some(key.end + i..key.end + i + len),
        _ => Some(key),
    }
}

fn shorten(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    format!("{cut}…")
}

/// A case citation read against the reference data.
#[derive(Clone, Debug, PartialEq)]
pub enum CaseCite {
    /// "385 F. Supp. 2d 969".
    Reporter(CiteParts),
    /// "2011 WL 5444622".
    Westlaw { year: u16, number: String },
    /// "2023 U.S. Dist. LEXIS 2756".
    Lexis { year: u16, database: String, number: String },
    /// "slip op.": an unreported decision cited by docket number and date.
    Slip,
    /// "No. 21-2068-cv": a docket number alone (a summary order in subsequent history).
    Docket,
}

impl CaseCite {
    /// A Westlaw or Lexis citation (pins are written `, at *9`).
    pub fn is_database(&self) -> bool {
        matches!(self, CaseCite::Westlaw { .. } | CaseCite::Lexis { .. })
    }
}

/// Reads a case citation; also returns how many bytes of `cite` it used (text after that is a
/// pin, a parenthetical, or a mistake). `None` when nothing at the start reads as a citation.
pub fn read_cite(cite: &str) -> Option<(CaseCite, usize)> {
    let lead = cite.len() - cite.trim_start().len();
    let s = &cite[lead..];
    if let Some(rest) = s.strip_prefix("slip op.") {
        if !rest.starts_with(|c: char| c.is_alphanumeric()) {
            return Some((CaseCite::Slip, lead + "slip op.".len()));
        }
    }
    if s.starts_with("No. ") || s.starts_with("Nos. ") {
        return Some((CaseCite::Docket, cite.len()));
    }
    let end_of = |part: &str| part.as_ptr() as usize - cite.as_ptr() as usize + part.len();
    if let Some((year, number)) = reference::westlaw(s) {
        return Some((CaseCite::Westlaw { year, number: number.to_string() }, end_of(number)));
    }
    if let Some((year, database, number)) = reference::lexis(s) {
        let end = end_of(number);
        return Some((CaseCite::Lexis { year, database: database.to_string(), number: number.to_string() }, end));
    }
    let parts = reference::parse_cite(s)?;
    let end = lead + parts.end;
    Some((CaseCite::Reporter(parts), end))
}

/// The CourtListener citation-lookup address of a case, built without any network access:
/// `https://www.courtlistener.com/c/<reporter>/<volume>/<page>/` (Westlaw and Lexis citations
/// as `<database>/<year>/<number>`). `None` for other authorities and slip opinions.
pub fn lookup_url(a: &Authority) -> Option<String> {
    if a.kind != Kind::Case {
        return None;
    }
    let (reporter, volume, page) = match read_cite(a.cite())?.0 {
        CaseCite::Reporter(p) if p.page.chars().all(|c| c.is_ascii_alphanumeric()) => {
            (p.edition.abbrev.to_string(), p.volume.to_string(), p.page)
        }
        CaseCite::Westlaw { year, number } => ("WL".to_string(), year.to_string(), number),
        CaseCite::Lexis { year, database, number } => {
            (database.split_whitespace().collect::<Vec<_>>().join(" "), year.to_string(), number)
        }
        _ => return None,
    };
    Some(format!(
        "https://www.courtlistener.com/c/{}/{}/{}/",
        percent_encode(&reporter),
        percent_encode(&volume),
        percent_encode(&page)
    ))
}

/// Percent-encodes everything but the URL-unreserved characters (RFC 3986).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How far an authority's citation has been checked: its `verified` or `unverified` record.
/// Only `verified` alone counts as verified: an `unverified:` record, with or without a
/// `verified:` one (the claim-element entries record what was checked and what was not), lists
/// what must still be checked before filing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status<'a> {
    Verified {
        by: &'a str,
        on: Date,
        source: &'a str,
    },
    /// `verified` and `unverified`: the citation was checked, something else (a pin, a
    /// quotation) was not.
    Partly {
        by: &'a str,
        on: Date,
        open: &'a str,
    },
    Unverified(&'a str),
    /// Neither record: nobody has said.
    Unrecorded,
}

pub fn status(a: &Authority) -> Status<'_> {
    // The latest record speaks for the citation (each record checked it).
    let latest = a.verified.iter().max_by_key(|v| v.on.0);
    match (latest, a.open()) {
        (Some(v), Some(open)) => Status::Partly { by: &v.by, on: v.on, open },
        (None, Some(reason)) => Status::Unverified(reason),
        (Some(v), None) => Status::Verified { by: &v.by, on: v.on, source: &v.source },
        (None, None) => Status::Unrecorded,
    }
}

impl Status<'_> {
    pub fn is_verified(&self) -> bool {
        matches!(self, Status::Verified { .. })
    }

    /// "verified by X on 2026-12-02", "unverified: <reason>", "not verified (no `verified:` record)".
    pub fn describe(&self) -> String {
        match self {
            Status::Verified { by, on, .. } => format!("verified by {by} on {}", on.0),
            Status::Partly { by, on, open } => format!(
                "partly verified (by {by} on {}); still open: {}",
                on.0,
                open.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            Status::Unverified(reason) => {
                format!("unverified: {}", reason.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            Status::Unrecorded => "not verified (no `verified:` record)".into(),
        }
    }
}

/// Every check of one bank entry. Only cases are checked.
pub fn check_authority(id: &str, a: &Authority) -> Vec<Finding> {
    let mut out = Findings { id, items: vec![] };
    if a.kind != Kind::Case {
        return out.items;
    }
    let year = match (a.year, a.date) {
        (Some(y), Some(d)) => {
            if y != d.0.year() {
                out.push(
                    Check::YearDate,
                    "year",
                    None,
                    format!("`year: {y}` disagrees with `date: {}`", d.0),
                    Some("keep the one the opinion shows and remove the other".into()),
                    true,
                );
            }
            Some(d.0.year())
        }
        (Some(y), None) => Some(y),
        (None, Some(d)) => Some(d.0.year()),
        (None, None) => None,
    };
    let main = Citation {
        prefix: "",
        cite: a.cite(),
        court: a.court.as_deref(),
        year: a.year,
        date: a.date,
        docket: a.docket.as_deref(),
        history: false,
    };
    let read = main.check(&mut out);
    if let (Some(end), Some((CaseCite::Reporter(parts), _))) = (&a.end_page, &read) {
        match (end.trim().parse::<u32>(), parts.page.parse::<u32>()) {
            (Ok(e), Ok(first)) if e < first => out.push(
                Check::EndPage,
                "end_page",
                None,
                format!("`end_page: {e}` is before the first page, {first}"),
                None,
                true,
            ),
            (Err(_), _) => out.push(
                Check::EndPage,
                "end_page",
                None,
                format!("`end_page: {end}` is not a page number"),
                None,
                true,
            ),
            _ => {}
        }
    }
    for (i, s) in a.supports.iter().enumerate() {
        if let (Some(pin), Some((cite, _))) = (&s.pin, &read) {
            if let Some((message, fix)) = pin_problem(cite, a.end_page.as_deref(), pin) {
                out.push(Check::Pin, &item_path("supports", i, "pin"), Some(pin), message, fix, true);
            }
        }
    }
    for (i, h) in a.history.iter().enumerate() {
        let prefix = item_path("history", i, "");
        check_phrase(&mut out, &prefix, &h.phrase);
        let hc = Citation {
            prefix: &prefix,
            cite: &h.cite,
            court: h.court.as_deref(),
            year: h.year,
            date: h.date,
            docket: None,
            history: true,
        };
        hc.check(&mut out);
        history_form(&mut out, &prefix, h);
        let h_year = h.date.map(|d| d.0.year()).or(h.year);
        let field = if h.date.is_some() { "date" } else { "year" };
        let earlier = match (a.date, h.date) {
            (Some(d), Some(hd)) => hd < d,
            _ => matches!((year, h_year), (Some(y), Some(hy)) if hy < y),
        };
        if earlier && (h.date.is_some() || h.year.is_some()) {
            out.push(
                Check::History,
                &format!("{prefix}{field}"),
                None,
                "subsequent history is dated before the decision it follows".into(),
                Some("check both dates; history comes after the decision".into()),
                true,
            );
        }
    }
    report_and_recommendation(&mut out, a);
    out.items
}

/// The form of one history item: a summary order carries "(summary order)" and a database or
/// docket cite with its exact date; a court of appeals decision cited by docket number alone
/// says whether it is a summary order; a report and recommendation's adoption says where.
fn history_form(out: &mut Findings, prefix: &str, h: &crate::library::bank::History) {
    let read = read_cite(&h.cite).map(|(c, _)| c);
    let database = matches!(read, Some(CaseCite::Westlaw { .. } | CaseCite::Lexis { .. }));
    let docket = matches!(read, Some(CaseCite::Docket | CaseCite::Slip));
    let summary = h.parenthetical.as_deref().is_some_and(|p| p.trim() == "summary order");
    if let Some(p) = h.parenthetical.as_deref().filter(|_| !summary) {
        if p.to_lowercase().contains("summ") {
            out.push(
                Check::History,
                &format!("{prefix}parenthetical"),
                Some(p),
                format!("`{p}`: a summary order's parenthetical is “summary order”"),
                Some("write `parenthetical: summary order`".into()),
                true,
            );
        }
    }
    if summary && !(database || docket) {
        out.push(
            Check::History,
            &format!("{prefix}cite"),
            Some(&h.cite),
            format!("`{}`: a summary order is cited to a database (WL, LEXIS) or by its docket number", h.cite),
            Some("cite it as `No. 21-2068-cv` or `2022 WL 1012345`, with its exact date".into()),
            true,
        );
    }
    if summary && h.date.is_none() {
        out.push(
            Check::History,
            &format!("{prefix}date"),
            None,
            "a summary order is cited with its exact date".into(),
            Some("add `date: YYYY-MM-DD`".into()),
            true,
        );
    }
    let appeals = h.court.as_deref().is_some_and(|c| c.ends_with("Cir.") || c == "Fed. Cir.");
    if !summary && appeals && matches!(read, Some(CaseCite::Docket)) {
        out.push(
            Check::History,
            &format!("{prefix}cite"),
            Some(&h.cite),
            format!(
                "`{}`: a court of appeals decision cited by docket number alone is usually an unpublished summary order; the citation does not say so",
                h.cite
            ),
            Some("if it is one, add `parenthetical: summary order` (and its WL cite when it has one)".into()),
            false,
        );
    }
    let phrase = h.phrase.to_lowercase();
    if phrase.contains("report and recommendation") {
        // Whether it was adopted is the phrase's business (`check_phrase`, Bluebook T8).
        if !(database || docket || matches!(read, Some(CaseCite::Reporter(_)))) || h.court.is_none() {
            out.push(
                Check::History,
                &format!("{prefix}cite"),
                Some(&h.cite),
                "the adoption of a report and recommendation is cited where it is found: a reporter, database or docket cite, with the court".into(),
                None,
                true,
            );
        }
    }
}

/// An entry that is a magistrate judge's report and recommendation (its note or judge says so)
/// says whether and where it was adopted, in its history.
fn report_and_recommendation(out: &mut Findings, a: &Authority) {
    let note = a.note.as_deref().unwrap_or("").to_lowercase();
    let magistrate = a.judge.as_ref().is_some_and(|j| j.title.contains("Magistrate"));
    let is_rr = magistrate && note.contains("report and recommendation");
    let says = a.history.iter().any(|h| h.phrase.to_lowercase().contains("report and recommendation"));
    if is_rr && !says {
        out.push(
            Check::History,
            "history",
            None,
            "a magistrate judge's report and recommendation (so its note says): the citation does not say whether and where it was adopted".into(),
            Some("add `history: [{phrase: \"report and recommendation adopted\", cite: …, court: …, date: …}]` once the adoption is found".into()),
            false,
        );
    }
}

/// The path of a field of a list item: `supports[1].pin`, or `history[0].` for its prefix.
fn item_path(list: &str, i: usize, field: &str) -> String {
    [list, "[", &i.to_string(), "].", field].concat()
}

/// Every check of every entry of a bank (or of the entries `only` names), as diagnostics at the
/// bank files' lines, in file order.
pub fn check_bank(bank: &Bank, only: Option<&BTreeSet<&str>>) -> Vec<Diagnostic> {
    let mut out = vec![];
    for (id, (a, src)) in &bank.entries {
        if only.is_some_and(|o| !o.contains(id.as_str())) {
            continue;
        }
        for f in check_authority(id, a) {
            out.push(f.diagnostic(a, src));
        }
    }
    // In file order, as an editor lists them.
    out.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.source.as_ref().map(|s| s.name.clone()), d.span.as_ref().map(|s| s.start));
        key(a).cmp(&key(b))
    });
    out
}

/// A problem with one citation as the brief prints it: its index in the uses.
#[derive(Clone, Debug, PartialEq)]
pub struct UseFinding {
    pub index: usize,
    pub check: Check,
    pub message: String,
    pub fix: Option<String>,
}

/// The checks of the citations a brief prints: every short form of a case has a pin, and every
/// pin lies within the opinion and has the right form.
pub fn check_uses(uses: &[CiteUse], bank: &Bank) -> Vec<UseFinding> {
    let mut out = vec![];
    for (index, u) in uses.iter().enumerate() {
        let Some(a) = bank.get(&u.id) else { continue };
        if a.kind != Kind::Case {
            continue;
        }
        match &u.pin {
            None if u.form == Form::Short => out.push(UseFinding {
                index,
                check: Check::ShortFormPin,
                message: format!("the short form of `{}` has no pin (Bluebook 10.9)", u.id),
                fix: Some(format!("cite the page: `[@{} at <page>]`", u.id)),
            }),
            Some(pin) => {
                if let Some((cite, _)) = read_cite(a.cite()) {
                    if let Some((message, fix)) = pin_problem(&cite, a.end_page.as_deref(), pin) {
                        out.push(UseFinding {
                            index,
                            check: Check::Pin,
                            message: format!("`{}`: {message}", u.id),
                            fix,
                        });
                    }
                }
            }
            None => {}
        }
    }
    out
}

/// Collects findings for one entry.
struct Findings<'a> {
    id: &'a str,
    items: Vec<Finding>,
}

impl Findings<'_> {
    fn push(
        &mut self,
        check: Check,
        field: &str,
        part: Option<&str>,
        message: String,
        fix: Option<String>,
        error: bool,
    ) {
        self.items.push(Finding {
            check,
            id: self.id.to_string(),
            field: field.to_string(),
            part: part.map(str::to_string),
            message,
            fix,
            error,
        });
    }
}

/// The citation fields shared by an entry and each of its history items.
struct Citation<'a> {
    /// "" for the entry, "history[0]." for a history item.
    prefix: &'a str,
    cite: &'a str,
    court: Option<&'a str>,
    year: Option<i32>,
    date: Option<Date>,
    docket: Option<&'a str>,
    history: bool,
}

impl Citation<'_> {
    fn field(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Checks the reporter, year, court, docket and date; returns the citation as read.
    fn check(&self, out: &mut Findings) -> Option<(CaseCite, usize)> {
        let cite_field = self.field("cite");
        let cite = self.cite.trim();
        let Some((read, end)) = read_cite(cite) else {
            self.unreadable(out, cite);
            return None;
        };
        let rest = cite[end..].trim();
        if !rest.is_empty() {
            out.push(
                Check::CiteForm,
                &cite_field,
                Some(rest),
                format!("text after the citation: `{rest}`"),
                Some(format!(
                    "write only the citation (`{}`): pins belong in the clause (`[@id at 975]`), the court and date in `court:` and `year:`/`date:`",
                    cite[..end].trim()
                )),
                true,
            );
        }
        let year = self.date.map(|d| d.0.year()).or(self.year);
        let mut edition: Option<&'static Edition> = None;
        match &read {
            CaseCite::Reporter(p) => {
                edition = Some(p.edition);
                if p.written != p.edition.abbrev {
                    let fixed = p.canonical();
                    let how = if p.canonical {
                        format!("`{}` is spaced differently from reporters-db's `{}`", p.written, p.edition.abbrev)
                    } else {
                        format!(
                            "`{}` is a variant spelling of `{}` ({})",
                            p.written, p.edition.abbrev, p.edition.reporter_name
                        )
                    };
                    out.push(
                        Check::ReporterSpelling,
                        &cite_field,
                        Some(&p.written),
                        how,
                        Some(format!("write `cite: \"{fixed}\"`")),
                        true,
                    );
                }
                if let Some(y) = year {
                    let in_range = u16::try_from(y).is_ok_and(|y| p.edition.covers(y));
                    if !in_range {
                        let field = self.year_field();
                        let others: Vec<String> = reference::all_editions()
                            .iter()
                            .filter(|e| e.reporter == p.edition.reporter && !e.is_database())
                            .filter(|e| u16::try_from(y).is_ok_and(|y| e.covers(y)))
                            .map(|e| format!("{} ({})", e.abbrev, span_of(e)))
                            .collect();
                        let fix = if others.is_empty() {
                            Some("check the year and the reporter against the opinion".to_string())
                        } else {
                            Some(format!(
                                "check the year and the reporter against the opinion; {y} falls in {}",
                                others.join(", ")
                            ))
                        };
                        out.push(
                            Check::YearOutsideReporter,
                            &field,
                            None,
                            format!(
                                "{} covers {} (reporters-db), and the decision is dated {y}",
                                p.edition.abbrev,
                                span_of(p.edition)
                            ),
                            fix,
                            true,
                        );
                    }
                }
                if self.date.is_some() && self.year.is_none() && !self.history {
                    let d = self.date.map(|d| d.0).unwrap_or_default();
                    out.push(
                        Check::ReporterDate,
                        &self.field("date"),
                        None,
                        "a reporter citation gives the year of decision only (Bluebook 10.5); this one prints the full date".into(),
                        Some(format!("write `year: {}` instead of `date: {d}`", d.year())),
                        false,
                    );
                }
            }
            CaseCite::Westlaw { year: db_year, .. } | CaseCite::Lexis { year: db_year, .. } => {
                if let CaseCite::Lexis { database, .. } = &read {
                    if !reference::edition(database).is_some_and(|e| e.is_database()) {
                        out.push(
                            Check::UnknownReporter,
                            &cite_field,
                            Some(database),
                            format!("`{database}` is not a Lexis database in reporters-db"),
                            did_you_mean(database, lexis_databases()),
                            true,
                        );
                    }
                }
                match self.date {
                    Some(d) if i32::from(*db_year) != d.0.year() => out.push(
                        Check::DatabaseYear,
                        &cite_field,
                        Some(&db_year.to_string()),
                        format!(
                            "the database year {db_year} is not the year of the decision date ({})",
                            d.0
                        ),
                        Some("the database number carries the year of decision: check the date and the number against the opinion".into()),
                        true,
                    ),
                    _ => {}
                }
            }
            CaseCite::Slip | CaseCite::Docket => {}
        }
        if read.is_database() || matches!(read, CaseCite::Slip | CaseCite::Docket) {
            if self.date.is_none() {
                let field = if self.year.is_some() { self.field("year") } else { cite_field.clone() };
                out.push(
                    Check::MissingDate,
                    &field,
                    None,
                    "a Westlaw, Lexis, slip or docket citation gives the exact date of decision (Bluebook 10.8.1)"
                        .into(),
                    Some("write `date: YYYY-MM-DD` (from the opinion) instead of `year:`".into()),
                    true,
                );
            }
            if !self.history && !matches!(read, CaseCite::Docket) {
                match self.docket {
                    None => out.push(
                        Check::MissingDocket,
                        &cite_field,
                        None,
                        "a Westlaw, Lexis or slip citation gives the docket number (Bluebook 10.8.1)".into(),
                        Some("add `docket: \"No. …\"` as the opinion shows it".into()),
                        true,
                    ),
                    Some(d) if !(d.starts_with("No. ") || d.starts_with("Nos. ")) => out.push(
                        Check::DocketForm,
                        &self.field("docket"),
                        None,
                        format!("the docket number `{d}` does not start with “No.” (Bluebook 10.8.1(a))"),
                        Some(format!("write `docket: \"No. {}\"`", d.trim_start_matches("No.").trim())),
                        false,
                    ),
                    Some(_) => {}
                }
            }
        }
        self.check_court(out, &read, edition, year);
        Some((read, end))
    }

    fn year_field(&self) -> String {
        if self.year.is_some() {
            self.field("year")
        } else {
            self.field("date")
        }
    }

    fn unreadable(&self, out: &mut Findings, cite: &str) {
        let field = self.field("cite");
        // "<volume> <reporter> <page>" whose reporter is unknown.
        let vol = cite.bytes().take_while(u8::is_ascii_digit).count();
        let page_start = cite.trim_end().rfind(' ').map(|i| i + 1).unwrap_or(cite.len());
        let page_ok = cite[page_start..].chars().next().is_some_and(|c| c.is_ascii_digit());
        if vol > 0 && page_ok && page_start > vol + 1 {
            let written = cite[vol..page_start].trim();
            let candidates: Vec<&'static str> = reference::all_editions().iter().map(|e| e.abbrev).collect();
            let mut variants = reference::variant_candidates(written);
            variants.retain(|v| !v.is_empty());
            let hint = if !variants.is_empty() {
                Some(format!(
                    "reporters-db lists `{written}` as a spelling of {}",
                    variants.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(" or ")
                ))
            } else {
                did_you_mean(written, candidates.iter().copied())
            };
            out.push(
                Check::UnknownReporter,
                &field,
                Some(written),
                format!("`{written}` is not a reporter in reporters-db"),
                hint,
                true,
            );
            return;
        }
        out.push(
            Check::CiteForm,
            &field,
            None,
            format!("`{cite}` is not a case citation pleader can read"),
            Some(
                "write `<volume> <reporter> <first page>` (`385 F. Supp. 2d 969`), `<year> WL <number>`, `<year> U.S. Dist. LEXIS <number>` or `slip op.`"
                    .into(),
            ),
            true,
        );
    }

    fn check_court(&self, out: &mut Findings, read: &CaseCite, edition: Option<&'static Edition>, year: Option<i32>) {
        let implied = edition.map(reference::implied_courts).unwrap_or_default();
        let jurisdiction = edition.and_then(reference::implied_jurisdiction);
        let court_field = self.field("court");
        let reporter = edition.map_or("", |e| e.abbrev);
        // Bluebook 10.4(b): the court goes unnamed only when it is the jurisdiction's highest (or
        // the reporter bears its name); a lower court the reporter implies is named without the
        // state: "59 Cal. App. 4th 1155 (Ct. App. 1997)".
        let named_below_top: Vec<&'static Court> =
            implied.iter().copied().filter(|c| NAMED_DESPITE_REPORTER.contains(&c.id)).collect();
        let Some(written) = self.court.map(str::trim).filter(|c| !c.is_empty()) else {
            if let Some(c) = named_below_top.first() {
                let short = without_state(c.citation, jurisdiction);
                out.push(
                    Check::MissingCourt,
                    &self.field("cite"),
                    None,
                    format!(
                        "{reporter} prints only {}, which is not the state's highest court: Bluebook 10.4(b) names it (the California Style Manual does not)",
                        c.name
                    ),
                    Some(format!("for Bluebook style, add `court: {short}`")),
                    false,
                );
            } else if implied.is_empty() {
                let why = match (read, edition) {
                    (CaseCite::Reporter(_), Some(e)) => {
                        format!("{} prints the decisions of several courts: name the court (Bluebook 10.4)", e.abbrev)
                    }
                    _ => "a Westlaw, Lexis, slip or docket citation names the court (Bluebook 10.4)".to_string(),
                };
                out.push(
                    Check::MissingCourt,
                    &self.field("cite"),
                    None,
                    why,
                    Some("add `court:` with the court's abbreviation (`N.D. Cal.`, `2d Cir.`)".into()),
                    true,
                );
            }
            return;
        };
        let (base, department) = strip_department(written);
        if base.is_empty() {
            // "2d Dep't" alone: the Appellate Division, implied by A.D. reporters.
            return;
        }
        let courts = reference::court_in_jurisdiction(base, jurisdiction.unwrap_or(""));
        if courts.is_empty() {
            let candidates = court_abbreviations();
            let hint = did_you_mean(base, candidates.iter().copied()).or_else(|| {
                Some("use the court's Bluebook abbreviation as courts-db lists it (`N.D. Cal.`, `2d Cir.`, `Cal. Ct. App.`)".into())
            });
            out.push(
                Check::UnknownCourt,
                &court_field,
                Some(base),
                format!("`{base}` is not a court abbreviation in courts-db"),
                hint,
                true,
            );
            return;
        }
        if let Some(y) = year.and_then(|y| u16::try_from(y).ok()) {
            if !courts.iter().any(|c| c.existed_in(y)) {
                let periods: Vec<String> = courts.iter().map(|c| periods_of(c)).collect();
                out.push(
                    Check::CourtNotSitting,
                    &court_field,
                    Some(base),
                    format!("courts-db has `{base}` sitting {}, not in {y}", periods.join("; ")),
                    Some("check the court and the year against the opinion".into()),
                    true,
                );
            }
        }
        if !implied.is_empty() && !courts.iter().any(|c| implied.contains(c)) {
            out.push(
                Check::CourtReporter,
                &court_field,
                Some(base),
                format!(
                    "{reporter} prints only {}, not `{base}`",
                    implied.iter().map(|c| c.name).collect::<Vec<_>>().join(" and ")
                ),
                Some("check the court and the reporter against the opinion".into()),
                true,
            );
            return;
        }
        let is_implied = !implied.is_empty() && courts.iter().all(|c| implied.contains(c));
        if is_implied && department.is_none() && named_below_top.is_empty() {
            out.push(
                Check::RedundantCourt,
                &court_field,
                Some(base),
                format!(
                    "{reporter} prints only the decisions of {}: the parenthetical gives the year alone (Bluebook 10.4)",
                    implied.iter().map(|c| c.name).collect::<Vec<_>>().join(" and ")
                ),
                Some("remove `court:`".into()),
                true,
            );
            return;
        }
        if let Some(j) = jurisdiction {
            if let Some(rest) = base.strip_prefix(j).and_then(|r| r.strip_prefix(' ')) {
                let same = reference::court_in_jurisdiction(rest, j);
                if !same.is_empty() && same.iter().all(|c| courts.contains(c)) {
                    let fixed = match department {
                        Some(d) => format!("{rest} {d}"),
                        None => rest.to_string(),
                    };
                    out.push(
                        Check::RedundantCourt,
                        &court_field,
                        Some(base),
                        format!("{reporter} names the state already: the court is `{rest}` (Bluebook 10.4(b))"),
                        Some(format!("write `court: {fixed}`")),
                        true,
                    );
                }
            }
        }
    }
}

/// Courts that a reporter implies but that the Bluebook names anyway (rule 10.4(b) leaves out
/// only a state's highest court; 10.4(a) names every federal court but the Supreme Court and the
/// courts whose reporters bear their names): the state intermediate and other lower courts of the
/// curated implied-court table in `buildsrc/refdata.rs`, and the D.C. Circuit (U.S. App. D.C.).
const NAMED_DESPITE_REPORTER: &[&str] = &[
    "arizctapp",
    "arkctapp",
    "calctapp",
    "coloctapp",
    "connappct",
    "delch",
    "gactapp",
    "hawapp",
    "illappct",
    "indctapp",
    "kanctapp",
    "mdctspecapp",
    "massappct",
    "michctapp",
    "moctapp",
    "nebctapp",
    "nmctapp",
    "nyappdiv",
    "ncctapp",
    "ndctapp",
    "ohioctapp",
    "oklacrimapp",
    "oklacivapp",
    "orctapp",
    "pasuperct",
    "pacommwct",
    "tennctapp",
    "tenncrimapp",
    "texcrimapp",
    "utahctapp",
    "vactapp",
    "washctapp",
    "wisctapp",
    "cadc",
];

/// "Cal. Ct. App." without the state the reporter names ("Ct. App.").
fn without_state(citation: &str, jurisdiction: Option<&str>) -> String {
    match jurisdiction.and_then(|j| citation.strip_prefix(j)) {
        Some(rest) if rest.starts_with(' ') => rest.trim().to_string(),
        _ => citation.to_string(),
    }
}

/// "1988–2014", "2014–", "–1880", "all years".
fn span_of(e: &Edition) -> String {
    match (e.start_year, e.end_year) {
        (Some(s), Some(t)) => format!("{s}–{t}"),
        (Some(s), None) => format!("{s}–"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "all years".into(),
    }
}

fn periods_of(c: &Court) -> String {
    let list: Vec<String> = c
        .periods()
        .map(|p| match p {
            (Some(s), Some(e)) => format!("{s}–{e}"),
            (Some(s), None) => format!("from {s}"),
            (None, Some(e)) => format!("until {e}"),
            (None, None) => "always".into(),
        })
        .collect();
    list.join(", ")
}

/// "App. Div. 2d Dep't" → ("App. Div.", Some("2d Dep't")); "2d Dep’t" → ("", Some(…)).
pub(crate) fn strip_department(court: &str) -> (&str, Option<&str>) {
    let c = court.trim();
    if c.ends_with("Dep't") || c.ends_with("Dep’t") {
        let words: Vec<&str> = c.split_whitespace().collect();
        if words.len() >= 2 {
            let dept_start = c.rfind(words[words.len() - 2]).unwrap_or(0);
            return (c[..dept_start].trim().trim_end_matches(','), Some(c[dept_start..].trim()));
        }
    }
    (c, None)
}

/// Every court abbreviation courts-db knows (for suggestions).
pub(crate) fn court_abbreviations() -> Vec<&'static str> {
    let mut v: Vec<&'static str> =
        reference::all_courts().iter().map(|c| c.citation).filter(|c| !c.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Every Lexis database reporters-db knows.
fn lexis_databases() -> Vec<&'static str> {
    reference::all_editions()
        .iter()
        .filter(|e| e.is_database() && e.abbrev.ends_with("LEXIS"))
        .map(|e| e.abbrev)
        .collect()
}

/// Explanatory phrases of subsequent history (Bluebook T8 and rule 10.7), written with a straight
/// apostrophe; the bank may use either apostrophe. "sub nom." follows a phrase with a name.
const HISTORY_PHRASES: &[&str] = &[
    "aff'd",
    "aff'g",
    "aff'd by an equally divided court",
    "aff'd in part",
    "aff'd in part and rev'd in part",
    "aff'd in part, rev'd in part",
    "aff'd in part, vacated in part",
    "aff'd mem.",
    "aff'd on other grounds",
    "aff'd per curiam",
    "rev'd",
    "rev'g",
    "rev'd in part",
    "rev'd on other grounds",
    "rev'd per curiam",
    "vacated",
    "vacated in part",
    "vacated as moot",
    "vacated and remanded",
    "modified",
    "modifying",
    "amended",
    "amended by",
    "withdrawn",
    "superseded",
    "remanded",
    "cert. denied",
    "cert. granted",
    "cert. dismissed",
    "petition for cert. filed",
    "appeal dismissed",
    "appeal docketed",
    "appeal denied",
    "appeal filed",
    "leave to appeal denied",
    "perm. app. denied",
    "review denied",
    "review granted",
    "review dismissed",
    "reh'g denied",
    "reh'g granted",
    "reh'g en banc denied",
    "reh'g en banc granted",
    "mandamus denied",
    "enforced",
    "enforcing",
    "vacating",
    "overruled by",
    "overruled in part by",
    "abrogated by",
    "superseded by",
    "adopted",
    "adopted in part",
    "adopted in relevant part",
    "adopted as modified",
    "report and recommendation adopted",
    "report and recommendation adopted in part",
    "report and recommendation adopted in relevant part",
    "report and recommendation adopted as modified",
];

/// Whether a history phrase is well-formed; on the way, a finding with the closest good phrase.
fn check_phrase(out: &mut Findings, prefix: &str, phrase: &str) {
    let field = format!("{prefix}phrase");
    let curly = phrase.contains('’');
    let straight = phrase.replace('’', "'");
    let trimmed = straight.trim();
    let (base, name) = match trimmed.split_once(" sub nom.") {
        Some((b, n)) => (b.trim(), Some(n.trim())),
        None => (trimmed, None),
    };
    // The apostrophe the entry uses; the bank's own style (’) when it uses none.
    let straight_used = phrase.contains('\'');
    let styled = |p: &str| if curly || !straight_used { p.replace('\'', "’") } else { p.to_string() };
    if let Some(n) = name {
        if n.is_empty() {
            out.push(
                Check::History,
                &field,
                None,
                format!("`{phrase}`: “sub nom.” is followed by the name the case took on appeal"),
                Some(format!("write `phrase: \"{} sub nom. <Name v. Name>\"`", styled(base))),
                true,
            );
        }
    }
    if HISTORY_PHRASES.contains(&base) {
        return;
    }
    let closest = crate::diag::closest(base, HISTORY_PHRASES.iter().copied());
    let fix = match (closest, name) {
        (Some(c), Some(n)) if !n.is_empty() => Some(format!("write `phrase: \"{} sub nom. {n}\"`", styled(c))),
        (Some(c), _) => Some(format!("write `phrase: \"{}\"`", styled(c))),
        (None, _) => Some(
            "use a Bluebook T8 phrase: aff’d, rev’d, vacated, cert. denied, report and recommendation adopted, …"
                .into(),
        ),
    };
    out.push(
        Check::History,
        &field,
        None,
        format!("`{}` is not a subsequent-history phrase of Bluebook T8", phrase.trim()),
        fix,
        true,
    );
}

/// What is wrong with a pin for this citation, and the fix, or `None` when it is fine. Pins may
/// list pages (`975, 980`), ranges (`975–76`, `*2–3`), and footnotes (`975 n.3`).
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
fn read_range(s: &str) -> Option<(u32, u32)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(yaml: &str) -> Vec<Finding> {
        let src = SourceText::new("b.yaml", format!("x:\n{yaml}"));
        let mut bank = Bank::default();
        bank.add_file(&src).unwrap();
        check_authority("x", bank.get("x").unwrap())
    }

    fn checks(yaml: &str) -> Vec<&'static str> {
        entry(yaml).into_iter().map(|f| f.check.name()).collect()
    }

    const CASE: &str = "  kind: case\n  name: A v. B\n";

    /// The corrections of reporters-db's dates (`data/patches/reporters-db-dates.json`), one
    /// test per patched edition: a year the upstream date got wrong is judged by the real one.
    #[test]
    fn patched_reporter_dates_frd_starts_in_1940() {
        let year = |y: i32| checks(&format!("{CASE}  cite: 1 F.R.D. 1\n  court: S.D.N.Y.\n  year: {y}\n"));
        assert!(!year(1941).contains(&"year-outside-reporter"), "{:?}", year(1941));
        assert!(!year(1995).contains(&"year-outside-reporter"), "{:?}", year(1995));
        assert!(year(1935).contains(&"year-outside-reporter"), "{:?}", year(1935));
    }

    #[test]
    fn patched_reporter_dates_nys3d_starts_in_2015() {
        let year = |y: i32| checks(&format!("{CASE}  cite: 51 N.Y.S.3d 330\n  court: N.Y. Sup. Ct.\n  year: {y}\n"));
        assert!(year(1998).contains(&"year-outside-reporter"), "{:?}", year(1998));
        assert!(!year(2017).contains(&"year-outside-reporter"), "{:?}", year(2017));
    }

    #[test]
    fn a_good_reporter_citation_passes() {
        assert!(checks(&format!("{CASE}  cite: 385 F. Supp. 2d 969\n  court: N.D. Cal.\n  year: 2005\n")).is_empty());
        assert!(checks(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  court: Ct. App.\n  year: 2008\n")).is_empty());
        assert!(checks(&format!(
            "{CASE}  cite: 2011 WL 5444622\n  docket: No. 10-cv-05022-LHK\n  court: N.D. Cal.\n  date: 2011-11-09\n"
        ))
        .is_empty());
    }

    #[test]
    fn reporter_spelling_and_years() {
        let f = entry(&format!("{CASE}  cite: 385 F.Supp.2d 969\n  court: N.D. Cal.\n  year: 2005\n"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].check, Check::ReporterSpelling);
        assert!(f[0].message.contains("`F.Supp.2d` is a variant spelling of `F. Supp. 2d`"), "{}", f[0].message);
        assert_eq!(f[0].fix.as_deref(), Some("write `cite: \"385 F. Supp. 2d 969\"`"));
        assert_eq!(
            checks(&format!("{CASE}  cite: 82 F. Supp. 2d 979\n  court: N.D. Cal.\n  year: 2015\n")),
            ["year-outside-reporter"]
        );
        assert_eq!(
            checks(&format!("{CASE}  cite: 82 F.Sup. 2d 979\n  court: N.D. Cal.\n  year: 2000\n")),
            ["unknown-reporter"]
        );
    }

    #[test]
    fn courts() {
        assert_eq!(checks(&format!("{CASE}  cite: 604 F.3d 110\n  year: 2010\n")), ["missing-court"]);
        assert_eq!(
            checks(&format!("{CASE}  cite: 604 F.3d 110\n  court: 2d Circ.\n  year: 2010\n")),
            ["unknown-court"]
        );
        assert_eq!(checks(&format!("{CASE}  cite: 550 U.S. 544\n  court: U.S.\n  year: 2007\n")), ["redundant-court"]);
        let f = entry(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  court: Cal. Ct. App.\n  year: 2008\n"));
        assert_eq!((f[0].check, f[0].fix.as_deref()), (Check::RedundantCourt, Some("write `court: Ct. App.`")));
        assert!(checks(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  court: Ct. App.\n  year: 2008\n")).is_empty());
        // The California Style Manual's form: a warning with the Bluebook's.
        let f = entry(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  year: 2008\n"));
        assert_eq!(
            (f[0].check, f[0].error, f[0].fix.as_deref()),
            (Check::MissingCourt, false, Some("for Bluebook style, add `court: Ct. App.`"))
        );
        assert_eq!(
            checks(&format!("{CASE}  cite: 40 Cal. 4th 683\n  court: Cal.\n  year: 2007\n")),
            ["redundant-court"]
        );
        assert_eq!(
            checks(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  court: N.D. Cal.\n  year: 2008\n")),
            ["court-reporter"]
        );
        let f = entry(&format!("{CASE}  cite: 72 Cal. Rptr. 3d 231\n  court: Cal. Ct. App.\n  year: 2008\n"));
        assert_eq!(f[0].fix.as_deref(), Some("write `court: Ct. App.`"));
        assert!(checks(&format!("{CASE}  cite: 144 N.Y.S.3d 624\n  court: App. Div.\n  year: 2021\n")).is_empty());
        assert!(checks(&format!("{CASE}  cite: 279 A.D.2d 255\n  court: 1st Dep't\n  year: 2001\n")).is_empty());
        assert!(checks(&format!("{CASE}  cite: 279 A.D.2d 255\n  court: App. Div.\n  year: 2001\n")).is_empty());
        assert_eq!(
            checks(&format!("{CASE}  cite: 5 F. Cas. 100\n  court: N.D. Cal.\n  year: 1849\n")),
            ["court-not-sitting"]
        );
    }

    #[test]
    fn databases_need_docket_date_and_matching_year() {
        assert_eq!(
            checks(&format!("{CASE}  cite: 2019 WL 7876473\n  court: N.D. Ill.\n  date: 2018-01-02\n")),
            ["database-year", "missing-docket"]
        );
        assert_eq!(
            checks(&format!("{CASE}  cite: 2019 WL 7876473\n  docket: No. 1\n  court: N.D. Ill.\n  year: 2019\n")),
            ["missing-date"]
        );
        assert_eq!(
            checks(&format!(
                "{CASE}  cite: 2019 WL 7876473, at *2\n  docket: 1-cv-2\n  court: N.D. Ill.\n  date: 2019-01-02\n"
            )),
            ["cite-form", "docket-form"]
        );
    }

    #[test]
    fn pins() {
        let (c, _) = read_cite("385 F. Supp. 2d 969").unwrap();
        assert_eq!(pin_problem(&c, None, "975–76"), None);
        assert_eq!(pin_problem(&c, None, "969"), None);
        assert!(pin_problem(&c, None, "968").unwrap().0.contains("before the opinion's first page"));
        assert!(pin_problem(&c, Some("990"), "989–92").unwrap().0.contains("past the opinion's last page"));
        assert!(pin_problem(&c, None, "*9").is_some());
        assert_eq!(pin_problem(&c, None, "975 n.3, 980"), None);
        let (w, _) = read_cite("2011 WL 5444622").unwrap();
        assert_eq!(pin_problem(&w, None, "*12–13"), None);
        assert_eq!(pin_problem(&w, None, "12–13").unwrap().1.as_deref(), Some("write `*12–13`"));
        assert_eq!(read_range("1050–1051"), Some((1050, 1051)));
        assert_eq!(read_range("975–76"), Some((975, 976)));
        assert_eq!(read_range("99–8"), Some((99, 98)));
    }

    #[test]
    fn subsequent_history_is_checked_for_form() {
        let h = |history: &str| {
            entry(&format!("{CASE}  cite: 385 F. Supp. 2d 969\n  court: S.D.N.Y.\n  year: 2005\n  history:\n{history}"))
                .iter()
                .map(|f| (f.field.clone(), f.error))
                .collect::<Vec<_>>()
        };
        let aff = "    - phrase: \"aff’d\"\n      court: 2d Cir.\n";
        // A summary order: docket or database cite, exact date, and the parenthetical.
        assert!(h(&format!(
            "{aff}      cite: No. 21-2068-cv\n      date: 2007-04-05\n      parenthetical: summary order\n"
        ))
        .is_empty());
        assert!(h(&format!(
            "{aff}      cite: 2007 WL 1012345\n      date: 2007-04-05\n      parenthetical: summary order\n"
        ))
        .is_empty());
        assert_eq!(
            h(&format!("{aff}      cite: 500 F.3d 1\n      year: 2007\n      parenthetical: summary order\n")),
            [("history[0].cite".to_string(), true), ("history[0].date".to_string(), true)]
        );
        assert_eq!(
            h(&format!("{aff}      cite: No. 21-2068-cv\n      date: 2007-04-05\n      parenthetical: summ. order\n")),
            [("history[0].parenthetical".to_string(), true), ("history[0].cite".to_string(), false)]
        );
        // A docket number alone from a court of appeals does not say what it is.
        assert_eq!(
            h(&format!("{aff}      cite: No. 21-2068-cv\n      date: 2007-04-05\n")),
            [("history[0].cite".to_string(), false)]
        );
        // A report and recommendation says what became of it, and where.
        let rr = |phrase: &str| {
            format!("    - phrase: \"{phrase}\"\n      cite: 2007 WL 1012345\n      court: S.D.N.Y.\n      date: 2007-04-05\n")
        };
        assert!(h(&rr("report and recommendation adopted")).is_empty());
        assert_eq!(h(&rr("report and recommendation")), [("history[0].phrase".to_string(), true)]);
    }

    #[test]
    fn a_report_and_recommendation_says_whether_it_was_adopted() {
        let base = format!("{CASE}  cite: 2018 WL 3302182\n  docket: No. 17-CV-2239\n  court: E.D.N.Y.\n  date: 2018-07-05\n  judge: {{name: Mann, title: Chief Magistrate Judge}}\n  note: report and recommendation on the motion\n");
        let fields = |text: &str| {
            entry(text).iter().filter(|f| f.check == Check::History).map(|f| f.field.clone()).collect::<Vec<_>>()
        };
        assert_eq!(fields(&base), ["history"]);
        let adopted = format!("{base}  history:\n    - phrase: \"report and recommendation adopted\"\n      cite: 2018 WL 4678577\n      court: E.D.N.Y.\n      date: 2018-09-28\n");
        assert!(fields(&adopted).is_empty());
    }

    #[test]
    fn history_phrases() {
        let h = |phrase: &str| {
            checks(&format!(
                "{CASE}  cite: 385 F. Supp. 2d 969\n  court: N.D. Cal.\n  year: 2005\n  history:\n    - phrase: \"{phrase}\"\n      cite: 500 F.3d 1\n      court: 9th Cir.\n      year: 2007\n"
            ))
        };
        assert!(h("aff’d").is_empty());
        assert!(h("aff’d sub nom. Doe v. Roe").is_empty());
        assert!(h("report and recommendation adopted in relevant part").is_empty());
        assert_eq!(h("affd"), ["history"]);
        assert_eq!(h("aff’d sub nom."), ["history"]);
        assert_eq!(h("Aff'd"), ["history"]);
        assert!(h("review denied").is_empty());
        let fix = |phrase: &str| {
            entry(&format!(
                "{CASE}  cite: 385 F. Supp. 2d 969\n  court: N.D. Cal.\n  year: 2005\n  history:\n    - phrase: \"{phrase}\"\n      cite: 500 F.3d 1\n      court: 9th Cir.\n      year: 2007\n"
            ))[0]
            .fix
            .clone()
        };
        assert_eq!(fix("affd").as_deref(), Some("write `phrase: \"aff’d\"`"));
        assert_eq!(fix("aff'd.").as_deref(), Some("write `phrase: \"aff'd\"`"));
    }

    #[test]
    fn courts_named_despite_the_reporter_are_implied_by_one() {
        let implied: Vec<&str> =
            reference::all_editions().iter().flat_map(|e| reference::implied_courts(e)).map(|c| c.id).collect();
        for id in NAMED_DESPITE_REPORTER {
            assert!(implied.contains(id), "{id} is not implied by any reporter");
        }
    }

    #[test]
    fn lookup_urls() {
        let bank_entry = |cite: &str| {
            let src =
                SourceText::new("b.yaml", format!("x:\n{CASE}  cite: {cite}\n  court: N.D. Cal.\n  year: 2005\n"));
            let mut bank = Bank::default();
            bank.add_file(&src).unwrap();
            lookup_url(bank.get("x").unwrap())
        };
        assert_eq!(
            bank_entry("385 F. Supp. 2d 969").as_deref(),
            Some("https://www.courtlistener.com/c/F.%20Supp.%202d/385/969/")
        );
        assert_eq!(bank_entry("2011 WL 5444622").as_deref(), Some("https://www.courtlistener.com/c/WL/2011/5444622/"));
        assert_eq!(bank_entry("slip op."), None);
        assert_eq!(
            bank_entry("550 F. App’x 12").as_deref(),
            Some("https://www.courtlistener.com/c/F.%20App%27x/550/12/")
        );
    }
}
