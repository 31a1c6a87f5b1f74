//! The one citation reader: what a case citation is — a reporter citation, Westlaw, Lexis, a slip
//! opinion or a docket number ([`read_cite`]) — and what follows from that alone: its
//! CourtListener lookup address ([`lookup_url`]) and the parts of a court parenthetical
//! ([`strip_department`]). `parse` (a pasted citation), `verify` (the bank's), `forms` (the short
//! form's head, database pins) and the court profiles (a court's own reporters) all read
//! citations here.

use super::reference::{self, CiteParts};
use crate::library::bank::{Authority, Kind};

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

/// The reporter edition a printed-reporter citation names, as reporters-db writes it ("159 Cal.
/// App. 4th 1154" → "Cal. App. 4th"); `None` for Westlaw, Lexis, slip and docket citations.
pub fn reporter(cite: &str) -> Option<&'static str> {
    match read_cite(cite)?.0 {
        CaseCite::Reporter(p) => Some(p.edition.abbrev),
        _ => None,
    }
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
