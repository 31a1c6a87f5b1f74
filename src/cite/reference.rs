//! Offline reference data for checking legal citations: the reporter editions of Free Law
//! Project's reporters-db and the courts of its courts-db (both BSD-2-Clause), vendored in
//! `data/` and compiled in as static tables by `build.rs` (through `buildsrc/refdata.rs`). This
//! module uses only `std`; its lookups never touch the file system or the network.
//!
//! What it answers:
//! - is "F. Supp. 2d" a reporter, and which years did it cover ([`edition`], [`Edition::covers`]);
//! - is "F.Supp.2d" a known non-standard spelling of one ([`variant`]);
//! - what are the volume, reporter and page of "385 F. Supp. 2d 969" ([`split_cite`],
//!   [`parse_cite`]), and is "2011 WL 5444622" a Westlaw or Lexis cite instead ([`westlaw`],
//!   [`lexis`]);
//! - does "(N.D. Cal. 2005)" name a court that sat in 2005 ([`court_by_citation`],
//!   [`Court::existed_in`]);
//! - which court or state a reporter implies, for Bluebook rule 10.4 ([`implied_court`],
//!   [`implied_courts`], [`implied_jurisdiction`], [`court_in_jurisdiction`]).
//!
//! Things to know about the data (courts-db 0.10.27, reporters-db 3.2.67):
//! - reporters-db dates are inclusive and often approximate: "F. Supp. 2d" runs 1988–2014 (its
//!   end date is 2014-08-21, while "F. Supp. 3d" starts 2014-03-04); a start of 1750 in the data
//!   means "unknown" and is read as no start year; successive series with the same dates
//!   ("Cal. App. 4th" and "Cal. App. 5th" both from 1991, both open-ended) mean the changeover
//!   is unknown.
//! - Several abbreviations name more than one reporter ("Wash.", "Cranch", "Dall.", "Ark."):
//!   [`edition`] returns the preferred one (federal before state before neutral, then the series
//!   still running) and [`editions`] all of them.
//! - reporters-db lists Westlaw ("WL") and Lexis ("U.S. Dist. LEXIS", "Cal. App. LEXIS", ...)
//!   as editions too; [`split_cite`] never matches those, [`westlaw`] and [`lexis`] do.
//! - courts-db `citation_string`s are mostly Bluebook abbreviations but not all: the Supreme
//!   Court is "SCOTUS", the New York Court of Appeals "NY", the Third Circuit "3rd Cir.", the
//!   District of Maryland "D. Maryland", the Tax Court "Tax Ct.", and several state trial courts
//!   have none. [`court_by_citation`] also accepts a small table of Bluebook forms for these
//!   (kept in `buildsrc/refdata.rs`). It has no entry for the short forms used when the
//!   reporter already names the state ("App. Div.", "Ct. App.", "Sup. Ct."): resolve those with
//!   [`court_in_jurisdiction`] and the reporter's [`implied_jurisdiction`] ("N.Y." + "App. Div."
//!   is courts-db's "N.Y. App. Div."; "N.Y. Sup. Ct." is in courts-db as is). Appellate
//!   Division departments ("2d Dep't") are not courts in courts-db; strip them first.
//! - courts-db gives the District of New Jersey only 1789–1801; the tables add an open-ended
//!   period so that "(D.N.J. 2005)" checks out.
//! - Which court a reporter implies is not recorded usably in reporters-db (its
//!   `mlz_jurisdiction` lists every court whose opinions ever appeared in the series: "Cal. 4th"
//!   lists three courts, "A.D.3d" two New Jersey courts), so [`implied_courts`] comes from a
//!   curated table in `buildsrc/refdata.rs` covering the official reports and neutral
//!   citations that publish a single court. Whether the Bluebook then drops the court, the
//!   state or both from the parenthetical is the caller's rule to apply (rule 10.4(b) omits the
//!   court only for a jurisdiction's highest court, and the jurisdiction whenever the reporter
//!   names it).

use std::sync::{LazyLock, OnceLock};

include!(concat!(env!("OUT_DIR"), "/refdata.rs"));

/// One edition (series) of a reporter in reporters-db, such as "F. Supp. 2d".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edition {
    /// Canonical abbreviation, e.g. "F. Supp. 2d".
    pub abbrev: &'static str,
    /// The reporters-db key of the reporter the edition belongs to ("F. Supp." for all three
    /// Federal Supplement series).
    pub reporter: &'static str,
    /// Full name of the reporter, e.g. "Federal Supplement".
    pub reporter_name: &'static str,
    /// First year the edition covers (inclusive); `None` if unknown.
    pub start_year: Option<u16>,
    /// Last year the edition covers (inclusive); `None` if still running or unknown.
    pub end_year: Option<u16>,
    /// reporters-db `cite_type`: "federal", "state", "state_regional", "neutral", "specialty",
    /// "scotus_early", "specialty_west" (Westlaw) or "specialty_lexis" (Lexis).
    pub cite_type: &'static str,
}

impl Edition {
    /// Whether `year` falls within the edition's dates, both ends inclusive; an unknown start or
    /// end counts as open.
    pub fn covers(&self, year: u16) -> bool {
        self.start_year.is_none_or(|s| s <= year) && self.end_year.is_none_or(|e| year <= e)
    }

    /// Whether this "edition" is a Westlaw or Lexis database designation ("WL",
    /// "U.S. Dist. LEXIS", "Cal. App. LEXIS", ...) rather than a printed reporter.
    pub fn is_database(&self) -> bool {
        matches!(self.cite_type, "specialty_west" | "specialty_lexis")
            || self.abbrev == "WL"
            || self.abbrev.ends_with("LEXIS")
    }
}

/// A court in courts-db.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Court {
    /// courts-db id, e.g. "cand" (CourtListener's court id).
    pub id: &'static str,
    /// Full name, e.g. "United States District Court for the Northern District of California".
    pub name: &'static str,
    /// courts-db `citation_string`, the abbreviation used in citation parentheticals, e.g.
    /// "N.D. Cal."; empty for the few courts kept only because a curated table names them.
    pub citation: &'static str,
    /// Earliest year the court sat (inclusive); `None` if unknown.
    pub start_year: Option<u16>,
    /// Last year the court sat (inclusive); `None` if it still sits or the end is unknown.
    pub end_year: Option<u16>,
    /// courts-db `jurisdiction`, as given there ("C.A.", "N.Y.", ...); empty for most courts.
    pub jurisdiction: &'static str,
    /// courts-db `system`: "federal", "state", "tribal", "international", ...
    pub system: &'static str,
    /// courts-db `location`: a state or territory name ("California"), "United States", ...
    pub location: &'static str,
    /// courts-db `level`: "colr" (court of last resort), "iac" (intermediate appellate), "gjc",
    /// "ljc", "trial", or empty.
    pub level: &'static str,
    /// courts-db `type`: "trial", "appellate", "bankruptcy", "special", ...
    pub court_type: &'static str,
    /// Date ranges as [start, end] years, 0 meaning unknown/open.
    periods: &'static [[u16; 2]],
}

impl Court {
    /// The court's periods of existence as inclusive (start, end) years, `None` meaning unknown
    /// or open. Most courts have one; some were split and recombined (D.S.C. has three).
    pub fn periods(&self) -> impl Iterator<Item = (Option<u16>, Option<u16>)> + 'static {
        self.periods.iter().map(|&[s, e]| (year(s), year(e)))
    }

    /// Whether the court sat in `year` according to courts-db (any of its periods contains it;
    /// unknown bounds count as open, and a court without dates counts as always).
    pub fn existed_in(&self, year: u16) -> bool {
        self.periods.is_empty() || self.periods.iter().any(|&[s, e]| (s == 0 || s <= year) && (e == 0 || year <= e))
    }
}

/// A reporter citation split by [`parse_cite`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteParts {
    /// The volume (for neutral citations, the year).
    pub volume: u32,
    /// The edition the reporter abbreviation resolved to.
    pub edition: &'static Edition,
    /// The first page as written: digits, possibly with one capital-letter suffix ("1028A",
    /// "47M"), or a blank such as "___" for a slip opinion.
    pub page: String,
    /// A parallel nominative reporter between the reporter and the page, without its
    /// parentheses: "1 Cranch" in "5 U.S. (1 Cranch) 137", "1 Allen" in "83 Mass. (1 Allen) 456".
    /// It is not checked against the data.
    pub nominative: Option<String>,
    /// The reporter abbreviation exactly as written in the citation.
    pub written: String,
    /// Whether `written` is `edition.abbrev`, up to the kind and number of spaces (false for
    /// "F.Supp.2d" and other variants).
    pub canonical: bool,
    /// Byte offset in the input just past the page, where a pincite or parenthetical begins.
    pub end: usize,
    /// How the parts are arranged: "385 F. Supp. 2d 969", "2006-Ohio-2095" or "T.C. Memo.
    /// 2019-233".
    pub shape: Shape,
}

/// How a reporter citation arranges its volume (or year), reporter and page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Volume, reporter, page: "385 F. Supp. 2d 969", "2017 IL App (4th) 160407".
    Volume,
    /// A public-domain citation joined by hyphens: "2006-Ohio-2095", "2007-NMCERT-008".
    Hyphenated,
    /// Reporter, then year and number: "T.C. Memo. 2019-233" (the volume is the year).
    YearPage,
}

impl CiteParts {
    /// The citation with its reporter written as reporters-db writes it, in the citation's own
    /// shape ("385 F. Supp. 2d 969", "5 U.S. (1 Cranch) 137", "2006-Ohio-2095", "T.C. Memo.
    /// 2019-233").
    pub fn canonical(&self) -> String {
        match self.shape {
            Shape::Hyphenated => format!("{}-{}-{}", self.volume, self.edition.abbrev, self.page),
            Shape::YearPage => format!("{} {}-{}", self.edition.abbrev, self.volume, self.page),
            Shape::Volume => {
                let mut s = format!("{} {}", self.volume, self.edition.abbrev);
                if let Some(n) = &self.nominative {
                    s.push_str(&format!(" ({n})"));
                }
                s.push(' ');
                s.push_str(&self.page);
                s
            }
        }
    }

    /// Whether the citation is a public-domain (neutral) one, which names its court and year
    /// itself ("2006-Ohio-2095", "2017 IL App (4th) 160407", "T.C. Memo. 2019-233").
    pub fn is_neutral(&self) -> bool {
        self.edition.cite_type == "neutral"
    }
}

/// Every edition, sorted by abbreviation (then by preference among same-abbreviation reporters).
pub fn all_editions() -> &'static [Edition] {
    &EDITIONS
}

/// Every court kept from courts-db (those with a citation string, plus the few the curated tables
/// name), sorted by citation string.
pub fn all_courts() -> &'static [Court] {
    &COURTS
}

/// The edition whose canonical abbreviation is exactly `abbrev` (surrounding whitespace ignored),
/// e.g. `edition("F. Supp. 2d")`. Where several reporters share the abbreviation this is the
/// preferred one; see [`editions`].
pub fn edition(abbrev: &str) -> Option<&'static Edition> {
    editions(abbrev).first()
}

/// All editions whose canonical abbreviation is exactly `abbrev`, preferred first ("Wash." is both
/// the Washington Reports and an early Virginia reporter).
pub fn editions(abbrev: &str) -> &'static [Edition] {
    let a = abbrev.trim();
    let lo = EDITIONS.partition_point(|e| e.abbrev < a);
    let len = EDITIONS[lo..].partition_point(|e| e.abbrev == a);
    &EDITIONS[lo..lo + len]
}

/// If `abbrev` is a known non-canonical spelling of exactly one edition ("F.Supp.2d",
/// "F. Supp.2d"), that edition's canonical abbreviation ("F. Supp. 2d"). Spellings that differ
/// from a canonical or variant form only in whitespace, or in typographic versus straight
/// apostrophes, match too. `None` if `abbrev` is itself canonical (also when written with other
/// spaces, such as no-break spaces or two spaces, in the same places), unknown, or ambiguous
/// ("W.2d" may be "Wash. 2d" or "Wis. 2d"; see [`variant_candidates`]).
pub fn variant(abbrev: &str) -> Option<&'static str> {
    let a = abbrev.trim();
    if edition(a).is_some() || edition(&collapse_ws(a)).is_some() {
        return None;
    }
    match variant_candidates(a).as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Every canonical abbreviation that `abbrev` is recorded as a variant of, sorted (exact
/// variant entries first; failing those, matches ignoring whitespace and apostrophe style).
/// Unlike [`variant`] this also answers for abbreviations that are canonical themselves ("S.C."
/// is the South Carolina Reports and a variant of "S. Ct.").
pub fn variant_candidates(abbrev: &str) -> Vec<&'static str> {
    let a = abbrev.trim();
    let lo = VARIANTS.partition_point(|v| v.0 < a);
    let mut out: Vec<&'static str> = VARIANTS[lo..].iter().take_while(|v| v.0 == a).map(|v| v.1).collect();
    if out.is_empty() {
        let key = norm(a);
        out.extend(lookup(edition_keys(), &key).map(|i| EDITIONS[i].abbrev).filter(|&c| c != a));
        if out.is_empty() {
            out.extend(lookup(variant_keys(), &key).map(|i| VARIANTS[i].1));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Splits a reporter citation such as "385 F. Supp. 2d 969" into (volume, edition, first page),
/// taking the longest known edition abbreviation (canonical or a variant, see [`parse_cite`])
/// that stands between the volume and a page. Text after the page (", 975 (N.D. Cal. 2005)") is
/// ignored. `None` for Westlaw and Lexis cites ("2011 WL 5444622"; see [`westlaw`], [`lexis`])
/// and for anything whose reporter is unknown.
pub fn split_cite(cite: &str) -> Option<(u32, &'static Edition, String)> {
    parse_cite(cite).map(|p| (p.volume, p.edition, p.page))
}

/// Like [`split_cite`], with the details: how the reporter was written, whether that is the
/// canonical spelling, any nominative reporter, and where the page ends. The reporter may be
/// written canonically, as a recorded variant ("F.Supp.2d"), or with different spacing;
/// canonical matches win over variants of the same length, and a variant naming several
/// editions is not used. Also accepted: a nominative parallel before the page ("5 U.S. (1
/// Cranch) 137"), page suffixes ("2021 MT 172A", "83 Misc. 3d 126(A)", "2017 IL App (1st)
/// 143684-B"), roman-numeral pages ("12 Neb. App. lxiv"), hyphenated neutral citations
/// ("2017-Ohio-5699", read as the public-domain edition) and neutral citations whose year
/// follows the reporter ("T.C. Memo. 2019-123"). Not handled: paragraph-numbered services
/// ("CCH ¶ 5500"), or volumes with letters ("17A").
pub fn parse_cite(cite: &str) -> Option<CiteParts> {
    /// Longest reporter text considered; reporters-db's longest abbreviation is 64 bytes.
    const MAX_REPORTER_LEN: usize = 96;
    /// Longest nominative-reporter parenthetical considered.
    const MAX_NOMINATIVE_LEN: usize = 48;
    let s = cite.trim_start();
    let base = cite.len() - s.len();
    let vol_len = s.bytes().take_while(u8::is_ascii_digit).count();
    if vol_len == 0 {
        return parse_year_page(s, base);
    }
    if vol_len > 9 {
        return None;
    }
    let volume: u32 = s[..vol_len].parse().ok()?;
    let after_vol = &s[vol_len..];
    let rest = after_vol.trim_start();
    if rest.starts_with('-') {
        return parse_hyphenated(volume, rest, base + vol_len + (after_vol.len() - rest.len()));
    }
    if rest.len() == after_vol.len() || rest.is_empty() {
        return None;
    }
    let rest_base = base + vol_len + (after_vol.len() - rest.len());

    let mut best: Option<CiteParts> = None;
    let mut prev_ws = false;
    for (i, ch) in rest.char_indices() {
        let ws = ch.is_whitespace();
        if prev_ws && !ws {
            let written = rest[..i].trim_end();
            if written.len() > MAX_REPORTER_LEN {
                break;
            }
            // The page, or "(nominative) page".
            let mut at = i;
            let mut nominative = None;
            if ch == '(' {
                let close = rest[i..].find(')').filter(|&c| c <= MAX_NOMINATIVE_LEN);
                if let Some(close) = close {
                    let after = &rest[i + close + 1..];
                    let page_start = after.trim_start();
                    if page_start.len() < after.len() {
                        nominative = Some(rest[i + 1..i + close].trim().to_string());
                        at = rest.len() - page_start.len();
                    }
                }
            }
            if let Some(page_len) = page_len(&rest[at..]) {
                if let Some((edition, canonical)) = resolve_reporter(written) {
                    // Later boundaries give longer reporter text: the last match is the longest.
                    best = Some(CiteParts {
                        volume,
                        edition,
                        page: rest[at..at + page_len].to_string(),
                        nominative,
                        written: written.to_string(),
                        canonical,
                        end: rest_base + at + page_len,
                        shape: Shape::Volume,
                    });
                }
            }
        }
        prev_ws = ws;
    }
    best
}

/// Parses a Westlaw citation, "2011 WL 5444622" (a pincite such as ", at *3" may follow), into
/// (year, document number).
pub fn westlaw(cite: &str) -> Option<(u16, &str)> {
    let (year, rest) = year_prefix(cite)?;
    let rest = rest.strip_prefix("WL")?;
    let number = rest.strip_prefix(char::is_whitespace)?.trim_start();
    Some((year, leading_number(number)?))
}

/// Parses a Lexis citation, "2011 U.S. Dist. LEXIS 12345", into (year, database as written,
/// document number). The database is whatever stands between the year and a word ending in
/// "LEXIS" ("U.S. Dist. LEXIS", "Cal. App. LEXIS", "LEXIS"); check it with [`edition`].
pub fn lexis(cite: &str) -> Option<(u16, &str, &str)> {
    let (year, rest) = year_prefix(cite)?;
    let mut end = None;
    for (n, (start, word)) in words(rest).enumerate() {
        if n >= 8 {
            break;
        }
        if word.ends_with("LEXIS") {
            end = Some(start + word.len());
            break;
        }
    }
    let end = end?;
    let number = rest[end..].strip_prefix(char::is_whitespace)?.trim_start();
    Some((year, &rest[..end], leading_number(number)?))
}

/// The courts whose citation string is `abbrev`, e.g. "N.D. Cal." (surrounding whitespace
/// ignored). Also accepts the Bluebook forms that courts-db spells differently ("N.Y.", "3d
/// Cir.", "D. Md.", "U.S.", "T.C.", ...) and, failing exact matches, spellings that differ only
/// in whitespace or apostrophe style ("N.D.Cal."). Empty if none; citation strings are unique in
/// courts-db 0.10.27, so there is rarely more than one.
pub fn court_by_citation(abbrev: &str) -> Vec<&'static Court> {
    let a = abbrev.trim();
    if a.is_empty() {
        return vec![];
    }
    let lo = COURTS.partition_point(|c| c.citation < a);
    let mut out: Vec<&'static Court> = COURTS[lo..].iter().take_while(|c| c.citation == a).collect();
    let lo = COURT_ALIASES.partition_point(|x| x.0 < a);
    out.extend(COURT_ALIASES[lo..].iter().take_while(|x| x.0 == a).map(|x| &COURTS[x.1]));
    if out.is_empty() {
        out.extend(lookup(court_keys(), &norm(a)).map(|i| &COURTS[i]));
    }
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|c| {
        let new = !seen.contains(&c.id);
        seen.push(c.id);
        new
    });
    out
}

/// Resolves a court abbreviation written without its state because the reporter implies it:
/// tries "`jurisdiction` `abbrev`" first ("N.Y." + "App. Div." is "N.Y. App. Div."), then
/// `abbrev` alone. Use with [`implied_jurisdiction`].
pub fn court_in_jurisdiction(abbrev: &str, jurisdiction: &str) -> Vec<&'static Court> {
    let (a, j) = (abbrev.trim(), jurisdiction.trim());
    if !j.is_empty() {
        let found = court_by_citation(&format!("{j} {a}"));
        if !found.is_empty() {
            return found;
        }
    }
    court_by_citation(a)
}

/// The court with courts-db id `id` ("cand"), if it is in the tables.
pub fn court(id: &str) -> Option<&'static Court> {
    static IDS: OnceLock<Vec<(&'static str, usize)>> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        let mut v: Vec<_> = COURTS.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        v.sort_unstable();
        v
    });
    ids.binary_search_by(|(k, _)| (*k).cmp(id)).ok().map(|i| &COURTS[ids[i].1])
}

/// A short description of the court(s) whose decisions `edition` exclusively reports, e.g.
/// "California Courts of Appeal (Cal. Ct. App.)" for "Cal. App. 4th", "New York Court of
/// Appeals (NY)" for "N.Y.3d", "Supreme Court of the United States (SCOTUS)" for "U.S.";
/// `None` for reporters that publish several courts ("F.3d", "So. 3d", "Misc. 3d") or are not
/// in the curated table.
pub fn implied_court(edition: &Edition) -> Option<&'static str> {
    implied(edition).filter(|x| !x.courts.is_empty()).map(|x| x.description)
}

/// The courts-db courts that `edition` exclusively reports (see [`implied_court`]); empty when
/// none is implied.
pub fn implied_courts(edition: &Edition) -> Vec<&'static Court> {
    implied(edition).map(|x| x.courts.iter().map(|&i| &COURTS[usize::from(i)]).collect()).unwrap_or_default()
}

/// The Bluebook abbreviation of the state whose courts `edition` exclusively reports ("Cal." for
/// "Cal. App. 4th" and "Cal. Rptr. 3d", "N.Y." for "A.D.3d" and "Misc. 3d"); `None` for federal,
/// regional and multi-state reporters and for editions not in the curated table.
pub fn implied_jurisdiction(edition: &Edition) -> Option<&'static str> {
    implied(edition).map(|x| x.jurisdiction).filter(|j| !j.is_empty())
}

// ---------------------------------------------------------------------------------------------

const fn year(y: u16) -> Option<u16> {
    if y == 0 {
        None
    } else {
        Some(y)
    }
}

/// String `id` of the generated pool.
fn pooled(id: u16) -> &'static str {
    let i = usize::from(id);
    let start = if i == 0 { 0 } else { STR_END[i - 1] as usize };
    POOL.get(start..STR_END[i] as usize).unwrap_or("")
}

/// An implied-court entry: the courts (indices into `COURTS`) and state an edition implies.
struct Implied {
    /// Index of the edition in `EDITIONS`.
    edition: usize,
    courts: &'static [u16],
    description: &'static str,
    jurisdiction: &'static str,
}

// The generated tables hold string indices, not pointers (which would cost a relocation each in
// the binary); the public structs are built from them on first use.

/// All editions, sorted by abbreviation, then preference.
static EDITIONS: LazyLock<Vec<Edition>> = LazyLock::new(|| {
    EDITION_ROWS
        .iter()
        .map(|r| Edition {
            abbrev: pooled(r[0]),
            reporter: pooled(r[1]),
            reporter_name: pooled(r[2]),
            cite_type: pooled(r[3]),
            start_year: year(r[4]),
            end_year: year(r[5]),
        })
        .collect()
});

/// (variant, canonical abbreviation), sorted.
static VARIANTS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| VARIANT_ROWS.iter().map(|r| (pooled(r[0]), pooled(r[1]))).collect());

/// All courts, sorted by citation string, then id.
static COURTS: LazyLock<Vec<Court>> = LazyLock::new(|| {
    COURT_ROWS
        .iter()
        .map(|r| {
            let first = usize::from(r[8]);
            let periods = &PERIODS[first..first + usize::from(r[9])];
            // Earliest start (None if any is unknown), latest end (None if any is open).
            let start = if periods.iter().any(|p| p[0] == 0) { None } else { periods.iter().map(|p| p[0]).min() };
            let end = if periods.iter().any(|p| p[1] == 0) { None } else { periods.iter().map(|p| p[1]).max() };
            Court {
                id: pooled(r[0]),
                name: pooled(r[1]),
                citation: pooled(r[2]),
                jurisdiction: pooled(r[3]),
                system: pooled(r[4]),
                location: pooled(r[5]),
                level: pooled(r[6]),
                court_type: pooled(r[7]),
                start_year: start,
                end_year: end,
                periods,
            }
        })
        .collect()
});

/// (Bluebook alias, index in `COURTS`), sorted.
static COURT_ALIASES: LazyLock<Vec<(&'static str, usize)>> =
    LazyLock::new(|| COURT_ALIAS_ROWS.iter().map(|r| (pooled(r[0]), usize::from(r[1]))).collect());

/// Implied courts and jurisdictions, sorted by edition index.
static IMPLIED: LazyLock<Vec<Implied>> = LazyLock::new(|| {
    IMPLIED_ROWS
        .iter()
        .map(|r| {
            let first = usize::from(r[1]);
            Implied {
                edition: usize::from(r[0]),
                courts: &IMPLIED_COURT_LIST[first..first + usize::from(r[2])],
                description: pooled(r[3]),
                jurisdiction: pooled(r[4]),
            }
        })
        .collect()
});

/// The lookup key for whitespace- and apostrophe-insensitive matching.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            c => c,
        })
        .collect()
}

/// Indices whose key equals `key` in a table sorted by key.
fn lookup<'a>(table: &'a [(String, usize)], key: &str) -> impl Iterator<Item = usize> + 'a {
    let lo = table.partition_point(|(k, _)| k.as_str() < key);
    let key = key.to_string();
    table[lo..].iter().take_while(move |(k, _)| *k == key).map(|(_, i)| *i)
}

fn sorted_keys(keys: impl Iterator<Item = (String, usize)>) -> Vec<(String, usize)> {
    let mut v: Vec<_> = keys.collect();
    v.sort_unstable();
    v
}

/// Normalized canonical abbreviation -> index in `EDITIONS`.
fn edition_keys() -> &'static [(String, usize)] {
    static KEYS: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    KEYS.get_or_init(|| sorted_keys(EDITIONS.iter().enumerate().map(|(i, e)| (norm(e.abbrev), i))))
}

/// Normalized variant spelling -> index in `VARIANTS`.
fn variant_keys() -> &'static [(String, usize)] {
    static KEYS: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    KEYS.get_or_init(|| sorted_keys(VARIANTS.iter().enumerate().map(|(i, v)| (norm(v.0), i))))
}

/// Normalized citation string or alias -> index in `COURTS`.
fn court_keys() -> &'static [(String, usize)] {
    static KEYS: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let courts =
            COURTS.iter().enumerate().filter(|(_, c)| !c.citation.is_empty()).map(|(i, c)| (norm(c.citation), i));
        let aliases = COURT_ALIASES.iter().map(|&(a, i)| (norm(a), i));
        sorted_keys(courts.chain(aliases))
    })
}

/// The printed-reporter edition `written` names, and whether it is written canonically: exact
/// canonical (up to the kind and number of spaces), then canonical ignoring whitespace, then an unambiguous variant (exact, then
/// ignoring whitespace). Westlaw and Lexis designations never match.
fn resolve_reporter(written: &str) -> Option<(&'static Edition, bool)> {
    let printed = |e: &&Edition| !e.is_database();
    if let Some(e) = editions(written).iter().find(printed) {
        return Some((e, true));
    }
    if let Some(e) = editions(&collapse_ws(written)).iter().find(printed) {
        return Some((e, true));
    }
    let key = norm(written);
    if let Some(e) = lookup(edition_keys(), &key).map(|i| &EDITIONS[i]).find(|e| !e.is_database()) {
        return Some((e, false));
    }
    let canonical = match variant_candidates(written).as_slice() {
        [one] => *one,
        _ => return None,
    };
    edition(canonical).filter(|e| !e.is_database()).map(|e| (e, false))
}

/// Length of the page at the start of `s`: ASCII digits with at most one capital-letter suffix
/// ("1028A", "47M"), a hyphenated one ("143684-B") or a parenthesised one ("126(A)", New York's
/// unreported Misc. decisions; "51192(U)"); a lower-case roman numeral ("lxiv", front matter)
/// followed by a space, a comma, a semicolon, a parenthesis or the end; or a blank of two or
/// more underscores. Not followed by a letter or digit ("4th" and "2d" are not pages).
fn page_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let len = if digits > 0 {
        let rest = &b[digits..];
        let suffix = match rest {
            [b'(', l, b')', ..] if l.is_ascii_uppercase() => 3,
            [b'-', l, ..] if l.is_ascii_uppercase() && !rest.get(2).is_some_and(u8::is_ascii_alphanumeric) => 2,
            [l, ..] if l.is_ascii_uppercase() => 1,
            _ => 0,
        };
        digits + suffix
    } else if b.first().is_some_and(|&c| b"ivxlcdm".contains(&c)) {
        let n = b.iter().take_while(|c| b"ivxlcdm".contains(c)).count();
        return match b.get(n) {
            None | Some(b' ' | b',' | b';' | b'(' | b')') => Some(n),
            _ => None,
        };
    } else {
        b.iter().take_while(|&&c| c == b'_').count()
    };
    if len == 0 || (digits == 0 && len < 2) {
        return None;
    }
    match s[len..].chars().next() {
        Some(c) if c.is_alphanumeric() || c == '_' => None,
        _ => Some(len),
    }
}

/// Whether `written` names a printed reporter (canonically or as a variant) — for an error
/// message that must say which part of a citation is wrong.
pub fn is_reporter(written: &str) -> bool {
    resolve_reporter(written).is_some()
}

/// Whether `s` starts with something that reads as a page (see [`parse_cite`]).
pub fn is_page(s: &str) -> bool {
    page_len(s).is_some()
}

/// The rest of a hyphenated neutral citation, "2017-Ohio-5699" or "2005 -NMCA- 078": `rest`
/// starts at the first hyphen, `rest_base` is its offset in the input.
fn parse_hyphenated(volume: u32, rest: &str, rest_base: usize) -> Option<CiteParts> {
    let inner = &rest[1..];
    let close = inner.find('-')?;
    let written = inner[..close].trim();
    let after = &inner[close + 1..];
    let page_start = after.trim_start();
    let at = 1 + close + 1 + (after.len() - page_start.len());
    let page_len = page_len(page_start)?;
    // "Ohio" is both the Ohio Reports (1821–1851) and Ohio's public-domain citation: joined by
    // hyphens it is the latter.
    let (edition, canonical) = resolve_reporter(written)?;
    let edition = editions(edition.abbrev).iter().find(|e| e.cite_type == "neutral").unwrap_or(edition);
    Some(CiteParts {
        volume,
        edition,
        page: page_start[..page_len].to_string(),
        nominative: None,
        written: written.to_string(),
        canonical,
        end: rest_base + at + page_len,
        shape: Shape::Hyphenated,
    })
}

/// A public-domain citation without a volume, "T.C. Memo. 2019-233" or "T.C. Summary Opinion
/// 2018-133": a neutral reporter, then the year and the number joined by a hyphen. `base` is the
/// offset of `s` in the input.
fn parse_year_page(s: &str, base: usize) -> Option<CiteParts> {
    /// Longest reporter text considered.
    const MAX_REPORTER_LEN: usize = 48;
    let mut best = None;
    let mut prev_ws = false;
    for (i, ch) in s.char_indices() {
        let ws = ch.is_whitespace();
        if prev_ws && !ws {
            let written = s[..i].trim_end();
            if written.len() > MAX_REPORTER_LEN {
                break;
            }
            let rest = &s[i..];
            let year_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            if year_len == 4 && rest[4..].starts_with('-') {
                let number = &rest[5..];
                if let Some(page_len) = page_len(number) {
                    let found = resolve_reporter(written).and_then(|(e, canonical)| {
                        editions(e.abbrev).iter().find(|e| e.cite_type == "neutral").map(|e| (e, canonical))
                    });
                    if let Some((edition, canonical)) = found {
                        best = Some(CiteParts {
                            volume: rest[..4].parse().ok()?,
                            edition,
                            page: number[..page_len].to_string(),
                            nominative: None,
                            written: written.to_string(),
                            canonical,
                            end: base + i + 5 + page_len,
                            shape: Shape::YearPage,
                        });
                    }
                }
            }
        }
        prev_ws = ws;
    }
    best
}

/// A four-digit year followed by whitespace at the start of `s`, and the rest after the
/// whitespace.
fn year_prefix(s: &str) -> Option<(u16, &str)> {
    let s = s.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let rest = s[4..].strip_prefix(char::is_whitespace)?.trim_start();
    Some((s[..4].parse().ok()?, rest))
}

/// The run of ASCII digits at the start of `s`, if non-empty and not followed by a letter.
fn leading_number(s: &str) -> Option<&str> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || s[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(&s[..n])
}

/// Whitespace-separated words of `s` with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = s.as_ptr() as usize;
    s.split_whitespace().map(move |w| (w.as_ptr() as usize - base, w))
}

/// `s` with each run of whitespace (including no-break and thin spaces) as one ASCII space.
fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The curated implied-court entry of `edition`, if any.
fn implied(edition: &Edition) -> Option<&'static Implied> {
    let lo = EDITIONS.partition_point(|e| e.abbrev < edition.abbrev);
    let pos = EDITIONS[lo..].iter().take_while(|e| e.abbrev == edition.abbrev).position(|e| e == edition)?;
    let idx = lo + pos;
    IMPLIED.binary_search_by_key(&idx, |x| x.edition).ok().map(|i| &IMPLIED[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(courts: &[&Court]) -> Vec<&'static str> {
        courts.iter().map(|c| c.id).collect()
    }

    #[test]
    fn versions_come_from_the_version_files() {
        for v in [REPORTERS_DB_VERSION, COURTS_DB_VERSION] {
            assert!(!v.is_empty() && v.split('.').all(|p| p.parse::<u32>().is_ok()), "{v:?}");
        }
        assert!(REPORTERS_DB_VERSION.starts_with("3.2."));
        assert!(COURTS_DB_VERSION.starts_with("0.10."));
    }

    #[test]
    fn tables_are_sorted() {
        assert!(EDITIONS.windows(2).all(|w| w[0].abbrev <= w[1].abbrev));
        assert!(VARIANTS.windows(2).all(|w| w[0] < w[1]));
        assert!(COURTS.windows(2).all(|w| (w[0].citation, w[0].id) < (w[1].citation, w[1].id)));
        assert!(COURT_ALIASES.windows(2).all(|w| w[0] < w[1]));
        assert!(IMPLIED.windows(2).all(|w| w[0].edition < w[1].edition));
        assert!(STR_END.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(STR_END.last().map(|&e| e as usize), Some(POOL.len()));
        assert_eq!(pooled(0), "");
        assert!(EDITIONS.len() > 1000, "{}", EDITIONS.len());
        assert!(COURTS.len() > 1500, "{}", COURTS.len());
    }

    #[test]
    fn florida_district_courts_of_appeal_in_florida_form_are_the_bluebooks_court() {
        for form in ["Fla. 1st DCA", "Fla. 3d DCA", "Fla. 6th DCA", "Fla. Dist. Ct. App."] {
            let ids: Vec<&str> = court_by_citation(form).iter().map(|c| c.id).collect();
            assert_eq!(ids, ["fladistctapp"], "{form}");
        }
        assert!(court_by_citation("Fla. 7th DCA").is_empty());
    }

    #[test]
    fn federal_supplement_second() {
        let e = edition("F. Supp. 2d").expect("F. Supp. 2d");
        assert_eq!(e.abbrev, "F. Supp. 2d");
        assert_eq!(e.reporter, "F. Supp.");
        assert_eq!(e.reporter_name, "Federal Supplement");
        assert_eq!(e.cite_type, "federal");
        // reporters-db: 1988-01-01 to 2014-08-21.
        assert_eq!((e.start_year, e.end_year), (Some(1988), Some(2014)));
        assert!(e.covers(2005) && e.covers(2014) && !e.covers(2015) && !e.covers(1987));
        let third = edition("F. Supp. 3d").unwrap();
        assert_eq!((third.start_year, third.end_year), (Some(2014), None));
        assert!(third.covers(2030));
        assert_eq!(edition(" F. Supp. 2d "), Some(e));
        assert_eq!(edition("F.Supp.2d"), None);
        assert_eq!(edition("F. Supp. 4th"), None);
    }

    #[test]
    fn unknown_start_is_none() {
        // reporters-db writes 1750-01-01 for an unknown start.
        let wl = edition("WL").unwrap();
        assert_eq!(wl.start_year, None);
        assert!(EDITIONS.iter().all(|e| e.start_year != Some(1750)));
    }

    #[test]
    fn shared_abbreviations() {
        let wash = editions("Wash.");
        assert_eq!(wash.len(), 2);
        assert_eq!(wash[0].reporter_name, "Washington Reports");
        assert_eq!(edition("Cranch").unwrap().cite_type, "scotus_early");
        assert!(editions("Nope.").is_empty());
    }

    #[test]
    fn variants() {
        assert_eq!(variant("F.Supp.2d"), Some("F. Supp. 2d"));
        assert_eq!(variant("F. Supp.2d"), Some("F. Supp. 2d"));
        assert_eq!(variant("F.Supp. 2d"), Some("F. Supp. 2d"));
        // Whitespace differences alone, against a canonical form or a variant.
        assert_eq!(variant("F.  Supp.\u{a0}2d"), None);
        assert_eq!(variant("F. Supp.\u{a0}3d"), None);
        assert_eq!(variant("F. 3d"), Some("F.3d"));
        assert_eq!(variant("F . 3d"), Some("F.3d"));
        // Typographic apostrophe.
        assert_eq!(variant("F. App\u{2019}x"), Some("F. App'x"));
        assert_eq!(variant("Fed. Appx."), Some("F. App'x"));
        assert_eq!(variant("Cal.App.4th"), Some("Cal. App. 4th"));
        assert_eq!(variant("US"), Some("U.S."));
        // Canonical, unknown, ambiguous.
        assert_eq!(variant("F. Supp. 2d"), None);
        assert_eq!(variant("S.C."), None);
        assert_eq!(variant_candidates("S.C."), vec!["S. Ct."]);
        assert_eq!(variant("Xyz. 9th"), None);
        assert_eq!(variant("W.2d"), None);
        assert_eq!(variant_candidates("W.2d"), vec!["Wash. 2d", "Wis. 2d"]);
    }

    #[test]
    fn split_cites() {
        let (vol, e, page) = split_cite("385 F. Supp. 2d 969").unwrap();
        assert_eq!((vol, e.abbrev, page.as_str()), (385, "F. Supp. 2d", "969"));
        let (vol, e, page) = split_cite("385 F. Supp. 2d 969, 975 (N.D. Cal. 2005)").unwrap();
        assert_eq!((vol, e.abbrev, page.as_str()), (385, "F. Supp. 2d", "969"));
        let (_, e, _) = split_cite("100 Cal. App. 4th 200").unwrap();
        assert_eq!(e.abbrev, "Cal. App. 4th");
        let (_, e, _) = split_cite("5 U.S. 137 (1803)").unwrap();
        assert_eq!(e.abbrev, "U.S.");
        let (vol, e, page) = split_cite("576 U.S. ___ (2015)").unwrap();
        assert_eq!((vol, e.abbrev, page.as_str()), (576, "U.S.", "___"));
        let (_, e, _) = split_cite("12 N.Y.3d 1.").unwrap();
        assert_eq!(e.abbrev, "N.Y.3d");
        // An abbreviation with a number inside: the longest match wins.
        let (_, e, page) = split_cite("2005 La.App. 1 Cir. 123").unwrap();
        assert_eq!((e.abbrev, page.as_str()), ("La.App. 1 Cir.", "123"));
        assert_eq!(split_cite("385 F. Supp. 2d"), None);
        assert_eq!(split_cite("100 Cal. App. 4th"), None);
        assert_eq!(split_cite("385 Foo. 969"), None);
        assert_eq!(split_cite("F. Supp. 2d 969"), None);
        assert_eq!(split_cite(""), None);
    }

    #[test]
    fn parse_cite_reports_spelling_and_end() {
        let p = parse_cite("385 F.Supp.2d 969, 975").unwrap();
        assert_eq!(p.edition.abbrev, "F. Supp. 2d");
        assert_eq!(p.written, "F.Supp.2d");
        assert!(!p.canonical);
        assert_eq!(p.end, "385 F.Supp.2d 969".len());
        let p = parse_cite("  385 F. Supp.2d 969").unwrap();
        assert_eq!((p.edition.abbrev, p.canonical, p.end), ("F. Supp. 2d", false, 20));
        let p = parse_cite("385 F. Supp. 2d 969").unwrap();
        assert!(p.canonical);
        // No-break and doubled spaces are still the canonical spelling.
        let p = parse_cite("385\u{a0}F.\u{a0}Supp.  2d\u{a0}969").unwrap();
        assert_eq!((p.edition.abbrev, p.canonical), ("F. Supp. 2d", true));
        assert_eq!(p.page, "969");
        assert_eq!(
            lexis("2011\u{a0}U.S.\u{a0}Dist.\u{2009}LEXIS\u{a0}12345"),
            Some((2011, "U.S.\u{a0}Dist.\u{2009}LEXIS", "12345"))
        );
        let p = parse_cite("550 F. App\u{2019}x 12").unwrap();
        assert_eq!(p.edition.abbrev, "F. App'x");
        // An ambiguous variant does not resolve.
        assert_eq!(parse_cite("10 W.2d 5"), None);
        // Nominative reporters in parentheses.
        let p = parse_cite("5 U.S. (1 Cranch) 137, 177 (1803)").unwrap();
        assert_eq!((p.volume, p.edition.abbrev, p.page.as_str()), (5, "U.S.", "137"));
        assert_eq!(p.nominative.as_deref(), Some("1 Cranch"));
        assert_eq!(p.end, "5 U.S. (1 Cranch) 137".len());
        let p = parse_cite("83 Mass. (1 Allen) 456").unwrap();
        assert_eq!((p.edition.abbrev, p.nominative.as_deref()), ("Mass.", Some("1 Allen")));
        assert_eq!(parse_cite("5 U.S. (1 Cranch)"), None);
        // Page suffixes and hyphenated neutral citations.
        let p = parse_cite("2021 MT 172A").unwrap();
        assert_eq!((p.edition.abbrev, p.page.as_str()), ("MT", "172A"));
        let p = parse_cite("2017-Ohio-5699, \u{b6} 12").unwrap();
        assert_eq!((p.volume, p.edition.abbrev, p.page.as_str()), (2017, "Ohio", "5699"));
        assert_eq!(p.end, "2017-Ohio-5699".len());
        let p = parse_cite("2005 -NMCA- 078").unwrap();
        assert_eq!((p.edition.abbrev, p.page.as_str()), ("NMCA", "078"));
        assert_eq!(parse_cite("2017-Nowhere-5699"), None);
        // Joined by hyphens, "Ohio" is the public-domain citation, not the Ohio Reports.
        assert_eq!(parse_cite("2006-Ohio-2095").unwrap().edition.cite_type, "neutral");
        assert_eq!(parse_cite("2006-Ohio-2095").unwrap().canonical(), "2006-Ohio-2095");
        // Roman-numeral, parenthesised and hyphenated page suffixes; the year after the reporter.
        let p = parse_cite("12 Neb. App. lxiv (2004)").unwrap();
        assert_eq!((p.edition.abbrev, p.page.as_str()), ("Neb. Ct. App.", "lxiv"));
        assert_eq!(parse_cite("83 Misc.3d 126(A)").unwrap().canonical(), "83 Misc. 3d 126(A)");
        assert_eq!(parse_cite("2017 IL App (1st) 143684-B").unwrap().page, "143684-B");
        let p = parse_cite("T.C. Memo. 2019-233, at *4").unwrap();
        assert_eq!((p.volume, p.page.as_str(), p.shape), (2019, "233", Shape::YearPage));
        assert_eq!((p.canonical(), p.end), ("T.C. Memo. 2019-233".to_string(), "T.C. Memo. 2019-233".len()));
        assert_eq!(parse_cite("1 U.S. f24601"), None);
        assert_eq!(parse_cite("Memo. 2019-233"), None);
    }

    #[test]
    fn westlaw_and_lexis_are_separate() {
        assert_eq!(westlaw("2011 WL 5444622"), Some((2011, "5444622")));
        assert_eq!(westlaw("2011 WL 5444622, at *3 (N.D. Cal. Nov. 8, 2011)"), Some((2011, "5444622")));
        assert_eq!(westlaw("385 F. Supp. 2d 969"), None);
        assert_eq!(westlaw("2011 WL"), None);
        assert_eq!(split_cite("2011 WL 5444622"), None);

        assert_eq!(lexis("2011 U.S. Dist. LEXIS 12345"), Some((2011, "U.S. Dist. LEXIS", "12345")));
        assert_eq!(lexis("2011 U.S. Dist. LEXIS 12345, at *4"), Some((2011, "U.S. Dist. LEXIS", "12345")));
        assert_eq!(lexis("2004 Cal. App. LEXIS 77"), Some((2004, "Cal. App. LEXIS", "77")));
        assert_eq!(lexis("2011 WL 5444622"), None);
        assert_eq!(split_cite("2011 U.S. Dist. LEXIS 12345"), None);
        assert_eq!(split_cite("2004 Cal. App. LEXIS 77"), None);
        // reporters-db knows these databases; they are flagged as such.
        for db in ["WL", "U.S. Dist. LEXIS", "U.S. App. LEXIS", "Cal. App. LEXIS"] {
            assert!(edition(db).unwrap().is_database(), "{db}");
        }
        assert_eq!(edition("WL").unwrap().cite_type, "specialty_west");
        assert_eq!(edition("U.S. Dist. LEXIS").unwrap().cite_type, "specialty_lexis");
        assert!(!edition("F.3d").unwrap().is_database());
    }

    #[test]
    fn courts_by_citation() {
        let nd_cal = court_by_citation("N.D. Cal.");
        assert_eq!(ids(&nd_cal), ["cand"]);
        let c = nd_cal[0];
        assert_eq!(c.system, "federal");
        assert_eq!(c.start_year, Some(1850));
        assert_eq!(c.end_year, None);
        assert!(c.existed_in(2005) && !c.existed_in(1849));
        assert_eq!(court("cand"), Some(c));
        assert_eq!(ids(&court_by_citation("N.D.Cal.")), ["cand"]);
        assert_eq!(ids(&court_by_citation(" S.D.N.Y. ")), ["nysd"]);
        assert_eq!(ids(&court_by_citation("9th Cir.")), ["ca9"]);
        assert_eq!(ids(&court_by_citation("Cal. Ct. App.")), ["calctapp"]);
        assert_eq!(ids(&court_by_citation("N.Y. App. Div.")), ["nyappdiv"]);
        assert_eq!(ids(&court_by_citation("N.Y. Sup. Ct.")), ["nysupct"]);
        assert!(court_by_citation("Nowhere Ct.").is_empty());
        assert!(court_by_citation("").is_empty());
    }

    #[test]
    fn bluebook_forms_courts_db_spells_differently() {
        assert_eq!(ids(&court_by_citation("3d Cir.")), ["ca3"]);
        assert_eq!(ids(&court_by_citation("3rd Cir.")), ["ca3"]);
        assert_eq!(ids(&court_by_citation("N.Y.")), ["ny"]);
        assert_eq!(ids(&court_by_citation("NY")), ["ny"]);
        assert_eq!(ids(&court_by_citation("U.S.")), ["scotus"]);
        assert_eq!(ids(&court_by_citation("D. Md.")), ["mdd"]);
        assert_eq!(ids(&court_by_citation("E.D.N.Y.")), ["nyed"]);
        assert_eq!(ids(&court_by_citation("N.D. W. Va.")), ["wvnd"]);
        assert_eq!(ids(&court_by_citation("Cal. App. Dep't Super. Ct.")), ["calappdeptsuper"]);
        assert_eq!(ids(&court_by_citation("Del. Super. Ct.")), ["delsuperct"]);
        // D.N.J.: courts-db ends it in 1801; the tables reopen it.
        let dnj = court_by_citation("D.N.J.")[0];
        assert!(dnj.existed_in(1795) && dnj.existed_in(2005));
        assert_eq!(dnj.end_year, None);
    }

    #[test]
    fn state_short_forms_need_the_jurisdiction() {
        // Bluebook drops the state when the reporter names it; courts-db has only the long form.
        assert!(court_by_citation("App. Div.").is_empty());
        let a_d = edition("A.D.3d").unwrap();
        let j = implied_jurisdiction(a_d).unwrap();
        assert_eq!(j, "N.Y.");
        assert_eq!(ids(&court_in_jurisdiction("App. Div.", j)), ["nyappdiv"]);
        let misc = edition("Misc. 3d").unwrap();
        assert_eq!(implied_court(misc), None);
        assert_eq!(ids(&court_in_jurisdiction("Sup. Ct.", implied_jurisdiction(misc).unwrap())), ["nysupct"]);
        assert_eq!(ids(&court_in_jurisdiction("Ct. App.", "Cal.")), ["calctapp"]);
        // A full form still resolves.
        assert_eq!(ids(&court_in_jurisdiction("N.D. Cal.", "")), ["cand"]);
    }

    #[test]
    fn courts_with_several_periods() {
        let dsc = court("scd").unwrap();
        assert_eq!(dsc.periods().count(), 3);
        assert!(dsc.existed_in(1800) && !dsc.existed_in(1850) && dsc.existed_in(2005));
        assert_eq!(dsc.start_year, Some(1789));
    }

    #[test]
    fn implied_courts_for_rule_10_4() {
        let cases = [
            ("U.S.", "scotus", None),
            ("S. Ct.", "scotus", None),
            ("L. Ed. 2d", "scotus", None),
            ("Cal. 4th", "cal", Some("Cal.")),
            ("Cal. App. 4th", "calctapp", Some("Cal.")),
            ("N.Y.2d", "ny", Some("N.Y.")),
            ("N.Y.3d", "ny", Some("N.Y.")),
            ("A.D.3d", "nyappdiv", Some("N.Y.")),
            ("Ill. App. 3d", "illappct", Some("Ill.")),
            ("Wash. 2d", "wash", Some("Wash.")),
            ("T.C.", "tax", None),
        ];
        for (abbrev, id, jurisdiction) in cases {
            let e = edition(abbrev).unwrap();
            assert_eq!(ids(&implied_courts(e)), [id], "{abbrev}");
            assert_eq!(implied_jurisdiction(e), jurisdiction, "{abbrev}");
            assert!(implied_court(e).is_some(), "{abbrev}");
        }
        assert_eq!(
            implied_court(edition("Cal. App. 4th").unwrap()),
            Some("California Courts of Appeal (Cal. Ct. App.)")
        );
        // The Virginia "Wash." implies nothing; the Washington Reports do.
        let wash = editions("Wash.");
        assert_eq!(implied_court(&wash[1]), None);
        assert_eq!(ids(&implied_courts(&wash[0])), ["wash"]);
        // Multi-court reporters.
        for abbrev in ["F.3d", "F. Supp. 2d", "So. 3d", "P.3d", "Misc. 3d", "N.J. Super."] {
            assert!(implied_courts(edition(abbrev).unwrap()).is_empty(), "{abbrev}");
        }
        assert_eq!(implied_jurisdiction(edition("F.3d").unwrap()), None);
        assert_eq!(implied_jurisdiction(edition("Cal. Rptr. 3d").unwrap()), Some("Cal."));
        // A parenthetical that names the implied court is recognisable as redundant.
        let e = edition("Cal. App. 4th").unwrap();
        let named = court_by_citation("Cal. Ct. App.");
        assert!(named.iter().all(|c| implied_courts(e).contains(c)));
    }

    #[test]
    fn every_implied_court_sat_while_its_reporter_ran() {
        // A sanity check of the curated table against both data sets.
        for implied in IMPLIED.iter() {
            let e = &EDITIONS[implied.edition];
            for &c in implied.courts {
                let c = &COURTS[usize::from(c)];
                if let (Some(year), Some(start)) = (e.end_year.or(Some(2020)), c.start_year) {
                    assert!(year >= start, "{} ends before {} starts", e.abbrev, c.id);
                }
            }
        }
    }
}
