//! Reads a pasted Bluebook case citation into the parts a bank entry stores (`pleader authorities
//! add`): name, docket number, the reporter citation (volume, reporter, first page) or Westlaw,
//! Lexis or slip citation, court, year or exact date, subsequent history and a defined short
//! form. The reporter is written as reporters-db writes it ("F.Supp.2d" becomes "F. Supp. 2d")
//! and the court as courts-db does; everything changed or left out (a pin, an explanatory
//! parenthetical) is listed in [`Parsed::notes`]. A citation that cannot be read is a
//! [`ParseError`] naming the part it could not read, by its byte range in the input.

use std::ops::Range;

use chrono::NaiveDate;

use super::read::{self, CaseCite};
use super::reference;
use crate::diag::did_you_mean;

/// A pasted case citation, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub name: String,
    /// The short form defined by a trailing (“Short”), if any.
    pub defined: Option<String>,
    pub cite: String,
    pub docket: Option<String>,
    pub court: Option<String>,
    /// The year, for a reporter citation.
    pub year: Option<i32>,
    /// The exact date, for Westlaw, Lexis and slip citations (and whenever one was given).
    pub date: Option<NaiveDate>,
    pub history: Vec<ParsedHistory>,
    /// The pin, which the bank does not store (clauses cite it).
    pub pin: Option<String>,
    /// The regional reporter after a public-domain citation ("2015 IL 118000, ¶ 1, 34 N.E.3d
    /// 549"), without its pin: Bluebook 10.3.3 prints it with the public-domain citation.
    pub parallel: Option<String>,
    /// What was normalised or left out, for the user.
    pub notes: Vec<String>,
}

/// One item of subsequent history.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedHistory {
    pub phrase: String,
    pub cite: String,
    pub court: Option<String>,
    pub year: Option<i32>,
    pub date: Option<NaiveDate>,
    /// "(summary order)" after the court and date.
    pub parenthetical: Option<String>,
}

impl ParsedHistory {
    /// The year it was decided: its year, or its exact date's.
    fn decided(&self) -> Option<i32> {
        self.year.or(self.date.map(|d| chrono::Datelike::year(&d)))
    }
}

/// The part of the input that could not be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub span: Range<usize>,
    pub message: String,
    pub hint: Option<String>,
}

fn err(span: Range<usize>, message: impl Into<String>, hint: Option<String>) -> ParseError {
    ParseError { span, message: message.into(), hint }
}

/// Reads a full case citation: `Name, [No. docket,] cite[, pin] (court date)[, phrase, cite
/// (court date)]…[ (“Short”)][ (explanatory)][.]`.
pub fn parse_citation(input: &str) -> Result<Parsed, ParseError> {
    let text = input.trim_end();
    if text.trim().is_empty() {
        return Err(err(0..0, "the citation is empty", Some("paste a full case citation in quotes".into())));
    }
    let mut notes = vec![];
    // The main citation: the first ", " after which a citation (or a docket number and then a
    // citation) can be read; or the California Style Manual's form, `Name (2007) 154
    // Cal.App.4th 547`, whose court and date come before the citation; or, failing both, a
    // citation after the name without its comma.
    let comma = find_citation(text, false);
    let california = california_form(text);
    let bare = without_comma(text);
    let no_comma = |notes: &mut Vec<String>, (name_end, cite_start): (usize, usize)| {
        notes.push("a comma belongs between the case name and the citation (Bluebook 10.2)".to_string());
        (name_end, None, cite_start, None)
    };
    let (name_end, docket, cite_start, csm) = match (comma, california, bare) {
        (Ok((_, _, start)), Some((name_end, open, cite_start)), _) if open < start => {
            (name_end, None, cite_start, Some(open))
        }
        // A citation without its comma before the first one after a comma ("Lissner v. Test 1
        // U.S. 12, 347-348, 1 S. Ct. 2, 358"): the earlier one is the case's, the later parallel.
        (Ok((_, None, start)), _, Some(b)) if b.1 < start => no_comma(&mut notes, b),
        (Ok((name_end, docket, start)), _, _) => (name_end, docket, start, None),
        (Err(_), Some((name_end, open, cite_start)), _) => (name_end, None, cite_start, Some(open)),
        (Err(_), None, Some(b)) => no_comma(&mut notes, b),
        (Err(e), None, None) => return Err(e),
    };
    let mut name = text[..name_end].trim().to_string();
    // A parallel citation to a reporter that has not printed the decision yet ("Hurst v.
    // Florida, — U.S. —, 136 S. Ct. 616"): a blank, not part of the name.
    if let Some((before, blank)) = name.rsplit_once(", ") {
        if is_blank_cite(blank) {
            notes.push(format!("blank parallel citation `{}` not stored", blank.trim()));
            name = before.trim_end().to_string();
        }
    }
    // An introductory signal is the brief's, not the case's (Bluebook 1.2).
    const SIGNALS: [&str; 12] = [
        "See, e.g., ",
        "See generally ",
        "See also ",
        "But see ",
        "But cf. ",
        "Compare ",
        "Contra ",
        "Accord ",
        "E.g., ",
        "Cf. ",
        "See ",
        "But ",
    ];
    if let Some(sig) = SIGNALS.iter().find(|s| name.starts_with(*s) && name.len() > s.len()) {
        notes.push(format!("signal `{}` dropped from the name", sig.trim_end_matches([' ', ','])));
        name = name[sig.len()..].trim_start().to_string();
    }
    if name.is_empty() {
        return Err(err(0..cite_start, "no case name before the citation", Some("a full citation begins with the case name: `Highfields Cap. Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005)`".into())));
    }
    let (mut cite, mut read, cite_end) = read_at(text, cite_start, &mut notes)?;
    let is_neutral = matches!(&read, CaseCite::Reporter(p) if p.is_neutral());
    let mut pos = cite_end;
    // A pin: ", 975", ", at *9", " at 5" (slip opinions).
    let mut pin = None;
    let mut kept_parallel = None;
    let rest = &text[pos..];
    let pin_text = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(' ').filter(|r| r.starts_with("at ")));
    if let Some(after) = pin_text {
        if !after.starts_with('(') {
            // The pin runs to the parenthetical, or to a bracketed parallel citation.
            let mut len = [" (", " ["].iter().filter_map(|d| after.find(d)).min().unwrap_or(after.len());
            // The citation's closing period is not part of a pin that ends it.
            if len == after.len() && after.ends_with('.') {
                len -= 1;
            }
            let start = pos + (rest.len() - after.len());
            let written = &text[start..start + len];
            // A parallel citation after the pin (or instead of one): "79, 83, 123 S. Ct. 588,
            // 591". The bank keeps one reporter; the parallel one is named in a note.
            let parallel_at = std::iter::once(0)
                .chain(written.match_indices(", ").map(|(i, _)| i + 2))
                .find(|&i| read::read_cite(&written[i..]).is_some_and(|(c, _)| !matches!(c, CaseCite::Docket)));
            let (written, parallel) = match parallel_at {
                Some(0) => ("", Some(written)),
                Some(i) => (&written[..i - 2], Some(&written[i..])),
                None => (written, None),
            };
            match parallel.map(str::trim) {
                // After a public-domain citation the regional reporter is part of the citation
                // (Bluebook 10.3.3): kept without its own pin.
                Some(par) if is_neutral => {
                    let (_, used) = read::read_cite(par).unwrap_or((CaseCite::Docket, par.len()));
                    let reporter = par[..used].trim().trim_end_matches(',').to_string();
                    notes.push(format!(
                        "parallel citation `{reporter}` stored as `parallel:` (Bluebook 10.3.3 prints the regional reporter after a public-domain citation){}",
                        if reporter.len() < par.len() { format!("; its pin `{}` not stored", par[used..].trim_start_matches([',', ' '])) } else { String::new() }
                    ));
                    kept_parallel = Some(reporter);
                }
                // An official reporter followed by a public-domain citation ("133 Ohio St.3d 366,
                // 2012-Ohio-4193, 978 N.E.2d 832", as Ohio writes it): the public-domain citation
                // leads and the reporters follow it as `parallel:` (Bluebook 10.3.3), and the
                // citation needs no court-and-date parenthetical.
                Some(par) => match neutral_among(par) {
                    Some((neutral_read, neutral_cite, others)) => {
                        let mut reporters = vec![cite.clone()];
                        reporters.extend(others);
                        notes.push(format!(
                            "public-domain citation `{neutral_cite}` put first, with `{}` as `parallel:` (Bluebook 10.3.3)",
                            reporters.join(", ")
                        ));
                        kept_parallel = Some(reporters.join(", "));
                        cite = neutral_cite;
                        read = neutral_read;
                    }
                    None => notes.push(format!(
                        "parallel citation `{par}` not stored: the bank keeps one reporter (Bluebook T1 says which)"
                    )),
                },
                None => {}
            }
            if !written.trim().is_empty() {
                let p = written.trim().strip_prefix("at ").unwrap_or(written.trim());
                notes.push(format!("pin `{p}` not stored: a clause cites it (`[@id at {p}]`)"));
                pin = Some(p.to_string());
            }
            pos = start + len;
        }
    }
    // "154 Cal.App.4th 547, 558 [66 Cal.Rptr.3d 1]": the California Style Manual's parallel
    // citation in brackets.
    let rest = &text[pos..];
    if let Some(inner) = rest.trim_start().strip_prefix('[') {
        let open = pos + (rest.len() - rest.trim_start().len());
        let close = inner.find(']').ok_or_else(|| err(open..text.len(), "unclosed bracket", None))?;
        notes.push(format!("parallel citation `{}` not stored: the bank keeps one reporter", inner[..close].trim()));
        pos = open + 1 + close + 1;
    }
    let neutral = match &read {
        CaseCite::Reporter(p) if p.is_neutral() => Some(p),
        _ => None,
    };
    let (court, year, date, after) = match (csm, neutral) {
        // The court and date were before the citation.
        (Some(open), _) => {
            let (court, year, date, _) = court_date(text, open, &cite)?;
            (court, year, date, pos)
        }
        // A public-domain citation names its year and court itself (Bluebook 10.3.3):
        // "State v. Foo, 2006-Ohio-2095"; a court-and-date parenthetical may still follow.
        (None, Some(p)) if !court_date_follows(text, pos) => {
            let by = match reference::implied_court(p.edition) {
                Some(c) => format!("{} ({c})", p.edition.reporter_name),
                None => p.edition.reporter_name.to_string(),
            };
            notes.push(format!("year {} and court read from the public-domain citation: {by}", p.volume));
            (None, i32::try_from(p.volume).ok(), None, pos)
        }
        _ => court_date(text, pos, &cite)?,
    };
    let court = court.map(|c| normalize_court(c, &read, &mut notes)).transpose()?;
    pos = after;
    let mut history = vec![];
    let mut defined = None;
    loop {
        let rest = &text[pos..];
        if rest.trim().is_empty() || rest.trim() == "." {
            break;
        }
        if rest.starts_with(", ") {
            let (phrase_end, _, hcite_start) = find_citation_from(text, pos + 2, true)?;
            let phrase = text[pos + 2..phrase_end].trim().to_string();
            if phrase.is_empty() {
                return Err(err(
                    pos..hcite_start,
                    "subsequent history without a phrase",
                    Some("write it as `, aff’d, 500 F.3d 1 (9th Cir. 2007)`".into()),
                ));
            }
            let (hcite, hread, hend) = if text[hcite_start..].starts_with("No") {
                // A docket number alone ("No. 21-2068-cv"): up to the court and date.
                let end = docket_end(text, hcite_start)?;
                (text[hcite_start..end].trim().to_string(), CaseCite::Docket, end)
            } else {
                read_at(text, hcite_start, &mut notes)?
            };
            let (hcourt, hyear, hdate, after) = court_date(text, hend, &hcite)?;
            let hcourt = hcourt.map(|c| normalize_court(c, &hread, &mut notes)).transpose()?;
            let mut parenthetical = None;
            pos = after;
            // "(summary order)" belongs to the history citation it follows.
            if let Some(r) = text[pos..].trim_start().strip_prefix("(summary order)") {
                parenthetical = Some("summary order".to_string());
                pos = text.len() - r.len();
            }
            history.push(ParsedHistory { phrase, cite: hcite, court: hcourt, year: hyear, date: hdate, parenthetical });
            continue;
        }
        let trimmed = rest.trim_start();
        let open = pos + (rest.len() - trimmed.len());
        if trimmed.starts_with('(') {
            let close =
                matching_paren(text, open).ok_or_else(|| err(open..text.len(), "unclosed parenthesis", None))?;
            let inner = text[open + 1..close].trim();
            let quoted = ["“", "\"", "‘", "'"]
                .iter()
                .find_map(|q| inner.strip_prefix(q))
                .and_then(|s| ["”", "\"", "’", "'"].iter().find_map(|q| s.strip_suffix(q)));
            match quoted {
                Some(short) if defined.is_none() => defined = Some(short.trim().to_string()),
                _ => notes.push(format!("parenthetical `({inner})` not stored")),
            }
            pos = close + 1;
            continue;
        }
        return Err(err(
            pos..text.len(),
            format!("could not read `{}` after the citation", rest.trim()),
            Some("after the court and date come only subsequent history (`, aff’d, …`), a defined short form (`(“Short”)`) and parentheticals".into()),
        ));
    }
    // A decision whose year is the next one's (Bluebook 10.5) takes it from there.
    for i in (0..history.len().saturating_sub(1)).rev() {
        if history[i].year.is_none() && history[i].date.is_none() {
            history[i].year = history[i + 1].decided();
        }
    }
    let mut year = year;
    if year.is_none() && date.is_none() && neutral.is_none() {
        year = history.first().and_then(ParsedHistory::decided);
        if year.is_none() {
            return Err(err(
                0..text.len(),
                "the citation gives no year",
                Some("the court-and-date parenthetical ends with the year: `(N.D. Cal. 2005)`".into()),
            ));
        }
    }
    Ok(Parsed { name, defined, cite, docket, court, year, date, history, pin, parallel: kept_parallel, notes })
}

/// The California Style Manual's form, `Name (court date) cite`: (end of the name, the opening
/// parenthesis, start of the citation), for the first parenthesis that reads as a court and date
/// and is followed by a citation.
fn california_form(text: &str) -> Option<(usize, usize, usize)> {
    for (i, _) in text.match_indices(" (") {
        let open = i + 1;
        let Some(close) = matching_paren(text, open) else { continue };
        if split_date(&text[open + 1..close]).is_err() {
            continue;
        }
        let after = &text[close + 1..];
        let start = close + 1 + (after.len() - after.trim_start().len());
        if start > close + 1 && reads_as_cite(&text[start..]) && !text[..i].trim().is_empty() {
            return Some((i, open, start));
        }
    }
    None
}

/// A citation after the name with no comma between them ("Lissner v. Test 1 U.S. 1 (1982)"):
/// (end of the name, start of the citation), at the first space after which one reads.
fn without_comma(text: &str) -> Option<(usize, usize)> {
    text.match_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| i > 0 && text[i + 1..].starts_with(|c: char| c.is_ascii_digit()) && reads_as_cite(&text[i + 1..]))
        .map(|i| (i, i + 1))
}

/// "— U.S. —", "___ U.S. ___", "-- U.S. --": a parallel citation whose volume and page are not
/// yet known.
fn is_blank_cite(s: &str) -> bool {
    let s = s.trim();
    let blank = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, '—' | '–' | '-' | '_'));
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 3
        && blank(words[0])
        && blank(words[words.len() - 1])
        && reference::is_reporter(&words[1..words.len() - 1].join(" "))
}

/// Whether a `(court date)` parenthetical (one ending in a year) follows `pos`.
fn court_date_follows(text: &str, pos: usize) -> bool {
    let rest = text[pos..].trim_start();
    let open = text.len() - rest.len();
    rest.starts_with('(')
        && matching_paren(text, open).is_some_and(|close| {
            let inner = text[open + 1..close].trim_end();
            inner.len() >= 4 && inner.as_bytes()[inner.len() - 4..].iter().all(u8::is_ascii_digit)
        })
}

/// Where the citation starts: (end of the text before it, docket number if any, start of the
/// citation).
fn find_citation(text: &str, history: bool) -> Result<(usize, Option<String>, usize), ParseError> {
    find_citation_from(text, 0, history)
}

fn find_citation_from(text: &str, from: usize, history: bool) -> Result<(usize, Option<String>, usize), ParseError> {
    let boundaries: Vec<usize> = text[from..]
        .match_indices(", ")
        .map(|(i, _)| from + i + 2)
        .chain(if history { Some(from) } else { None })
        .collect();
    let mut boundaries = boundaries;
    boundaries.sort_unstable();
    for &b in &boundaries {
        let rest = &text[b..];
        if rest.starts_with("No. ") || rest.starts_with("Nos. ") {
            if history {
                return Ok((b.saturating_sub(2).max(from), None, b));
            }
            // "No. 10-cv-05022-LHK, 2011 WL 5444622": the docket runs to the citation.
            for &c in boundaries.iter().filter(|&&c| c > b) {
                if reads_as_cite(&text[c..]) {
                    let docket = text[b..c - 2].trim().to_string();
                    return Ok((b - 2, Some(docket), c));
                }
            }
            let end = text[b..].find(" (").map_or(text.len(), |e| b + e);
            return Err(err(
                b..end,
                format!("no citation after the docket number `{}`", text[b..end].trim()),
                Some("follow the docket number with a Westlaw, Lexis or reporter citation, or `slip op.`: `No. 1:20-cv-1, 2021 WL 123 (S.D.N.Y. Jan. 4, 2021)`".into()),
            ));
        }
        if reads_as_cite(rest) {
            return Ok((if b == from { from } else { b - 2 }, None, b));
        }
    }
    // Nothing reads: name the part that looks like a citation.
    for &b in &boundaries {
        let rest = &text[b..];
        let vol = rest.bytes().take_while(u8::is_ascii_digit).count();
        if vol > 0 && rest[vol..].starts_with(' ') {
            let end = rest.find([',', '(']).map_or(text.len(), |e| b + e);
            let written = text[b..end].trim_end();
            let inner_end = written.rfind(' ').unwrap_or(written.len());
            // The reporter is known: the page is what is missing or wrong.
            let whole = written[vol..].trim();
            if reference::is_reporter(whole) {
                let at = b + written.len();
                return Err(err(
                    at..at,
                    format!("no first page after `{written}`"),
                    Some(format!("write the page the opinion begins on: `{written} 969`")),
                ));
            }
            let page = written[inner_end..].trim();
            if inner_end > vol && reference::is_reporter(written[vol..inner_end].trim()) && !reference::is_page(page) {
                let at = b + inner_end + (written[inner_end..].len() - written[inner_end..].trim_start().len());
                return Err(err(
                    at..at + page.len(),
                    format!("could not read the page `{page}` in `{written}`"),
                    Some("a first page is a number (`969`), a number with a letter (`172A`, `126(A)`), a roman numeral (`lxiv`) or a blank (`___`)".into()),
                ));
            }
            let reporter = written[vol..inner_end].trim();
            let candidates: Vec<&str> = reference::all_editions().iter().map(|e| e.abbrev).collect();
            let variants = reference::variant_candidates(reporter);
            let hint = if variants.len() > 1 {
                Some(format!("`{reporter}` may be any of {}", variants.join(", ")))
            } else {
                did_you_mean(reporter, candidates.iter().copied())
            };
            let start = b + vol + (text[b + vol..].len() - text[b + vol..].trim_start().len());
            return Err(err(
                start..start + reporter.len(),
                format!("could not read the reporter `{reporter}` in `{written}`: it is not in reporters-db"),
                hint,
            ));
        }
    }
    Err(err(
        from..text.len(),
        "no citation found: expected the case name, then `<volume> <reporter> <first page>`, `<year> WL <number>`, `<year> U.S. Dist. LEXIS <number>` or a docket number and `slip op.`",
        Some("e.g. `Highfields Cap. Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005)`".into()),
    ))
}

fn reads_as_cite(s: &str) -> bool {
    read::read_cite(s).is_some_and(|(c, _)| !matches!(c, CaseCite::Docket))
}

/// The citation at `start`, normalised: (citation as the bank writes it, as read, end).
/// The public-domain citation among a run of parallel citations ("2012-Ohio-4193, 978 N.E.2d 832,
/// 835"): its reading, its canonical form, and the other reporter citations without their pins.
fn neutral_among(par: &str) -> Option<(CaseCite, String, Vec<String>)> {
    let starts = std::iter::once(0).chain(par.match_indices(", ").map(|(i, _)| i + 2));
    let mut neutral = None;
    let mut others = vec![];
    for i in starts {
        let Some((c, _)) = read::read_cite(&par[i..]) else { continue };
        match c {
            CaseCite::Reporter(p) if p.is_neutral() && neutral.is_none() => {
                let canonical = p.canonical();
                neutral = Some((CaseCite::Reporter(p), canonical));
            }
            CaseCite::Reporter(p) => others.push(p.canonical()),
            _ => {}
        }
    }
    neutral.map(|(c, s)| (c, s, others))
}

fn read_at(text: &str, start: usize, notes: &mut Vec<String>) -> Result<(String, CaseCite, usize), ParseError> {
    let (read, used) =
        read::read_cite(&text[start..]).ok_or_else(|| err(start..text.len(), "could not read the citation", None))?;
    let end = start + used;
    let written = text[start..end].trim();
    let cite = match &read {
        CaseCite::Reporter(p) => {
            let s = p.canonical();
            if p.written != p.edition.abbrev {
                notes.push(format!(
                    "reporter `{}` written as reporters-db writes it: `{}` ({})",
                    p.written, p.edition.abbrev, p.edition.reporter_name
                ));
            }
            s
        }
        CaseCite::Westlaw { year, number } => format!("{year} WL {number}"),
        CaseCite::Lexis { year, database, number } => {
            format!("{year} {} {number}", database.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        CaseCite::Slip => "slip op.".to_string(),
        CaseCite::Docket => written.to_string(),
    };
    Ok((cite, read, end))
}

/// The end of a docket-only history citation: the start of its court-and-date parenthetical.
fn docket_end(text: &str, start: usize) -> Result<usize, ParseError> {
    let mut at = start;
    while let Some(i) = text[at..].find(" (") {
        let open = at + i + 1;
        let close = matching_paren(text, open).ok_or_else(|| err(open..text.len(), "unclosed parenthesis", None))?;
        if split_date(&text[open + 1..close]).is_ok() {
            return Ok(at + i);
        }
        at = close + 1;
    }
    Err(err(start..text.len(), "no court and date after the docket number", None))
}

/// The `(court date)` parenthetical at or after `pos`: (court as written and its span, year,
/// date, end).
#[allow(clippy::type_complexity)]
fn court_date<'t>(
    text: &'t str,
    pos: usize,
    cite: &str,
) -> Result<(Option<(&'t str, usize)>, Option<i32>, Option<NaiveDate>, usize), ParseError> {
    let rest = &text[pos..];
    let trimmed = rest.trim_start();
    let open = pos + (rest.len() - trimmed.len());
    if !trimmed.starts_with('(') {
        let end = trimmed.find(['(', ',']).map_or(text.len(), |e| open + e);
        return Err(err(
            if open < end { open..end } else { pos..text.len() },
            format!("expected the court and date in parentheses after `{cite}`"),
            Some(
                "e.g. `(N.D. Cal. 2005)`, `(N.D. Cal. Nov. 9, 2011)`, or `(2007)` when the reporter names the court"
                    .into(),
            ),
        ));
    }
    let close = matching_paren(text, open).ok_or_else(|| err(open..text.len(), "unclosed parenthesis", None))?;
    let inner = &text[open + 1..close];
    // A court alone, before subsequent history decided the same year (Bluebook 10.5: "(Del.
    // Super. Ct.), rev'd, 884 A.2d 451 (Del. 2005)"): the year is the next decision's, filled in
    // by the caller.
    if split_date(inner).is_err() && text[close + 1..].starts_with(", ") && !inner.trim().is_empty() {
        let c = inner.trim();
        return Ok((Some((c, open + 1 + inner.find(c).unwrap_or(0))), None, None, close + 1));
    }
    let (court, year, date) = split_date(inner).map_err(|(msg, hint)| err(open + 1..close, msg, hint))?;
    let court = court.map(|c| (c, open + 1 + inner.find(c).unwrap_or(0)));
    Ok((court, Some(year).filter(|_| date.is_none()), date, close + 1))
}

/// "N.D. Cal. Nov. 9, 2011" → (Some("N.D. Cal."), 2011, Some(2011-11-09)); "2007" → (None,
/// 2007, None).
#[allow(clippy::type_complexity)]
fn split_date(inner: &str) -> Result<(Option<&str>, i32, Option<NaiveDate>), (String, Option<String>)> {
    let inner = inner.trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let Some(last) = words.last() else { return Err(("empty parentheses".into(), None)) };
    // "(1st Cir.1990)": the year written without its space.
    let n = last.len();
    // (Bytes first: the last four are ASCII digits before the text is cut there.)
    if n > 5 && last.as_bytes()[n - 4..].iter().all(u8::is_ascii_digit) && last[..n - 4].ends_with('.') {
        let year: i32 = last[n - 4..].parse().map_err(|_| (format!("could not read the year `{last}`"), None))?;
        let court = inner[..inner.len() - 4].trim();
        return Ok((Some(court), year, None));
    }
    if last.len() != 4 || !last.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            format!("could not read the year in `({inner})`"),
            Some("the parenthetical ends with the year: `(N.D. Cal. 2005)` or `(N.D. Cal. Nov. 9, 2011)`".into()),
        ));
    }
    let year: i32 = last.parse().map_err(|_| (format!("could not read the year `{last}`"), None))?;
    let mut court_words = words.len() - 1;
    let mut date = None;
    if words.len() >= 3 {
        if let Some(day) = words[words.len() - 2].strip_suffix(',') {
            if let (Some(month), Ok(day)) = (month_number(words[words.len() - 3]), day.parse::<u32>()) {
                date = Some(
                    NaiveDate::from_ymd_opt(year, month, day)
                        .ok_or_else(|| (format!("`{} {day}, {year}` is not a date", words[words.len() - 3]), None))?,
                );
                court_words -= 2;
            } else if day.bytes().all(|b| b.is_ascii_digit()) {
                return Err((
                    format!("could not read the month `{}`", words[words.len() - 3]),
                    Some("write months as Bluebook T12 does: Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".into()),
                ));
            }
        }
    }
    let court = if court_words == 0 {
        None
    } else {
        let last_court_word = words[court_words - 1];
        let end = inner.find(last_court_word).map(|i| {
            // The last occurrence before the date.
            let mut e = i + last_court_word.len();
            let mut from = i + 1;
            let mut count = words[..court_words].iter().filter(|w| **w == last_court_word).count();
            while count > 1 {
                if let Some(j) = inner[from..].find(last_court_word) {
                    e = from + j + last_court_word.len();
                    from = from + j + 1;
                }
                count -= 1;
            }
            e
        });
        end.map(|e| inner[..e].trim())
    };
    Ok((court, year, date))
}

/// The month of "Nov.", "Sept.", "November", "Sep." (1–12).
fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    NAMES.iter().position(|n| n.starts_with(&w)).map(|i| i as u32 + 1)
}

/// The court as courts-db writes it (the Bluebook form where courts-db differs), or an error
/// naming an unknown court.
fn normalize_court((court, at): (&str, usize), read: &CaseCite, notes: &mut Vec<String>) -> Result<String, ParseError> {
    let edition = match read {
        CaseCite::Reporter(p) => Some(p.edition),
        _ => None,
    };
    let jurisdiction = edition.and_then(reference::implied_jurisdiction).unwrap_or("");
    let (base, department) = read::strip_department(court);
    if base.is_empty() {
        return Ok(court.to_string());
    }
    // "2nd Cir.", "3rd Cir.": Bluebook T7 writes "2d Cir.", "3d Cir.".
    let ordinal = base.strip_suffix(" Cir.").and_then(|n| {
        let digits = n.strip_suffix("nd").or_else(|| n.strip_suffix("rd"))?;
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| format!("{digits}d Cir."))
    });
    let owned;
    let base = match ordinal {
        Some(o) => {
            notes.push(format!("court `{base}` written as Bluebook writes it: `{o}`"));
            owned = o;
            owned.as_str()
        }
        None => base,
    };
    let found = reference::court_in_jurisdiction(base, jurisdiction);
    // Written without its periods ("D Kan", "SC"): the one court whose abbreviation has the same
    // letters.
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '.').collect::<String>();
    if found.is_empty() && !base.contains('.') {
        let mut same: Vec<&'static str> = reference::all_courts()
            .iter()
            .map(|c| c.citation)
            .filter(|c| !c.is_empty() && letters(c) == letters(base))
            .collect();
        same.sort_unstable();
        same.dedup();
        if let [one] = same.as_slice() {
            notes.push(format!("court `{base}` written as courts-db writes it: `{one}`"));
            if let Some(d) = department {
                return Ok(format!("{one} {d}"));
            }
            return Ok(one.to_string());
        }
    }
    if found.is_empty() {
        return Err(err(
            at..at + court.len(),
            format!("`{base}` is not a court abbreviation in courts-db"),
            did_you_mean(base, read::court_abbreviations().iter().copied()),
        ));
    }
    // Written as courts-db writes it, or as a Bluebook form it knows ("3d Cir.", "App. Div."):
    // kept; written with other spacing ("N.D.Cal."): the courts-db form.
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let normalized = match found.iter().find(|c| c.citation != base && squeeze(c.citation) == squeeze(base)) {
        Some(c) if !found.iter().any(|f| f.citation == base) => {
            notes.push(format!("court `{base}` written as courts-db writes it: `{}`", c.citation));
            c.citation.to_string()
        }
        _ => base.to_string(),
    };
    Ok(match department {
        Some(d) => format!("{normalized} {d}"),
        None => normalized,
    })
}

impl Parsed {
    /// The first party's name without "In re" and anything after its first comma (the short
    /// form `add` proposes, unless the citation defined one).
    pub fn short_name(&self) -> String {
        if let Some(d) = &self.defined {
            return d.clone();
        }
        let first = self.name.split(" v. ").next().unwrap_or(&self.name);
        let first = first.strip_prefix("In re ").unwrap_or(first);
        first.split(',').next().unwrap_or(first).trim().to_string()
    }

    /// An id from the short name: "highfields" for *Highfields Cap. Mgmt., L.P. v. Doe*, two
    /// words when the first is shorter than four letters ("doe-roe").
    pub fn suggested_id(&self) -> String {
        let words: Vec<String> = self
            .short_name()
            .split_whitespace()
            .map(|w| w.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let mut id = words.first().cloned().unwrap_or_else(|| "case".into());
        if id.len() < 3 {
            if let Some(second) = words.get(1) {
                id = format!("{id}-{second}");
            }
        }
        id
    }

    /// The bank entry as YAML, every text value double-quoted, marked `unverified` (a pasted
    /// citation has not been checked against the opinion).
    pub fn entry_yaml(&self, id: &str, pasted: &str) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        let mut y = format!("# Added by `pleader authorities add` from: {}\n", pasted.replace(['\n', '\r'], " "));
        y.push_str(&format!("{id}:\n  kind: case\n  name: {}\n", q(&self.name)));
        y.push_str(&format!("  short: {}\n", q(&self.short_name())));
        y.push_str(&format!("  cite: {}\n", q(&self.cite)));
        if let Some(p) = &self.parallel {
            y.push_str(&format!("  parallel: {}\n", q(p)));
        }
        if let Some(d) = &self.docket {
            y.push_str(&format!("  docket: {}\n", q(d)));
        }
        if let Some(c) = &self.court {
            y.push_str(&format!("  court: {}\n", q(c)));
        }
        match (self.date, self.year) {
            (Some(d), _) => y.push_str(&format!("  date: {d}\n")),
            (None, Some(yr)) => y.push_str(&format!("  year: {yr}\n")),
            (None, None) => {}
        }
        if !self.history.is_empty() {
            y.push_str("  history:\n");
            for h in &self.history {
                y.push_str(&format!("    - phrase: {}\n      cite: {}\n", q(&h.phrase), q(&h.cite)));
                if let Some(c) = &h.court {
                    y.push_str(&format!("      court: {}\n", q(c)));
                }
                match (h.date, h.year) {
                    (Some(d), _) => y.push_str(&format!("      date: {d}\n")),
                    (None, Some(yr)) => y.push_str(&format!("      year: {yr}\n")),
                    (None, None) => {}
                }
                if let Some(p) = &h.parenthetical {
                    y.push_str(&format!("      parenthetical: {}\n", q(p)));
                }
            }
        }
        if self.defined.is_some() {
            y.push_str("  define: true\n");
        }
        y.push_str(&format!(
            "  unverified: {}\n",
            q("Added from a pasted citation; not yet checked against the opinion (name, reporter or database number, court, date, docket).")
        ));
        y
    }
}

fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn ohio_writes_the_official_reporter_first_and_the_public_domain_citation_leads_the_entry() {
        let p = parse_citation("Am. Chem. Soc. v. Leadscope, Inc., 133 Ohio St.3d 366, 2012-Ohio-4193, 978 N.E.2d 832")
            .unwrap();
        assert_eq!(p.cite, "2012-Ohio-4193");
        assert_eq!(p.parallel.as_deref(), Some("133 Ohio St. 3d 366, 978 N.E.2d 832"));
        assert_eq!(p.year, Some(2012));
        let p = parse_citation("Hadley v. Doe, 2015 IL 118000, ¶ 12, 34 N.E.3d 549, 553").unwrap();
        assert_eq!(
            (p.cite.as_str(), p.parallel.as_deref(), p.pin.as_deref()),
            ("2015 IL 118000", Some("34 N.E.3d 549"), Some("¶ 12"))
        );
    }

    #[test]
    fn a_year_shared_with_the_subsequent_history_is_read_from_it() {
        // Bluebook 10.5: two decisions of one year give it once, after the last.
        let p = parse_citation(
            "Cahill v. Doe-Number One, 879 A.2d 943 (Del. Super. Ct.), rev’d, 884 A.2d 451 (Del. 2005).",
        )
        .unwrap();
        assert_eq!((p.court.as_deref(), p.year, p.date), (Some("Del. Super. Ct."), Some(2005), None));
        assert_eq!(p.history.len(), 1);
        assert_eq!((p.history[0].court.as_deref(), p.history[0].year), (Some("Del."), Some(2005)));
        // A court alone with nothing after it is still an error.
        assert!(parse_citation("Cahill v. Doe-Number One, 879 A.2d 943 (Del. Super. Ct.).").is_err());
    }

    #[test]
    fn reporter_citation() {
        let p =
            parse_citation("Highfields Cap. Mgmt., L.P. v. Doe, 385 F.Supp.2d 969, 975–76 (N.D.Cal. 2005).").unwrap();
        assert_eq!(p.name, "Highfields Cap. Mgmt., L.P. v. Doe");
        assert_eq!(p.cite, "385 F. Supp. 2d 969");
        assert_eq!(p.court.as_deref(), Some("N.D. Cal."));
        assert_eq!((p.year, p.date), (Some(2005), None));
        assert_eq!(p.pin.as_deref(), Some("975–76"));
        assert_eq!(p.notes.len(), 3, "{:?}", p.notes);
    }

    #[test]
    fn westlaw_citation_with_docket_history_and_short_form() {
        let p = parse_citation(
            "In re Rule 45 Subpoena, No. 1:09-mc-1, 2010 WL 2219343, at *9 (E.D.N.Y. Feb. 5, 2010), report and recommendation adopted in relevant part, 2010 WL 1686811 (E.D.N.Y. Apr. 26, 2010) (“Cablevision”)",
        )
        .unwrap();
        assert_eq!(p.docket.as_deref(), Some("No. 1:09-mc-1"));
        assert_eq!(p.cite, "2010 WL 2219343");
        assert_eq!(p.date, date(2010, 2, 5));
        assert_eq!(p.year, None);
        assert_eq!(p.history.len(), 1);
        assert_eq!(p.history[0].phrase, "report and recommendation adopted in relevant part");
        assert_eq!(p.history[0].date, date(2010, 4, 26));
        assert_eq!(p.defined.as_deref(), Some("Cablevision"));
    }

    #[test]
    fn forms_eyecite_reads_parallel_cites_ordinal_circuits_signals_and_run_on_years() {
        // Test strings of the kinds in eyecite's test suite (Free Law Project, BSD-2-Clause).
        let p = parse_citation("Foo v. Bar, 537 U.S. 79, 83, 123 S. Ct. 588, 591 (2002)").unwrap();
        assert_eq!((p.cite.as_str(), p.pin.as_deref(), p.year), ("537 U.S. 79", Some("83"), Some(2002)));
        assert!(p.notes.iter().any(|n| n.contains("`123 S. Ct. 588, 591`")), "{:?}", p.notes);
        let p = parse_citation("Foo v. Bar, 537 U.S. 79, 123 S. Ct. 588 (2002)").unwrap();
        assert_eq!((p.cite.as_str(), p.pin.as_deref()), ("537 U.S. 79", None));
        for (written, court) in [("3rd Cir.", "3d Cir."), ("2nd Cir.", "2d Cir."), ("3d Cir.", "3d Cir.")] {
            let p = parse_citation(&format!("Foo v. Bar, 800 F.2d 1 ({written} 1987)")).unwrap();
            assert_eq!(p.court.as_deref(), Some(court), "{written}");
        }
        let p = parse_citation("See Schneider v. Smith, 800 F.2d 1 (2d Cir. 1987)").unwrap();
        assert_eq!(p.name, "Schneider v. Smith");
        let p = parse_citation("See, e.g., Schneider v. Smith, 800 F.2d 1 (2d Cir. 1987)").unwrap();
        assert_eq!(p.name, "Schneider v. Smith");
        let p = parse_citation("Foo v. Bar, 900 F.2d 1 (1st Cir.1990)").unwrap();
        assert_eq!((p.court.as_deref(), p.year), (Some("1st Cir."), Some(1990)));
    }

    #[test]
    fn docket_only_history_and_slip_opinions() {
        let p = parse_citation(
            "Ctr. for Med. Progress v. Planned Parenthood, 551 F. Supp. 3d 320 (S.D.N.Y. 2021), aff’d sub nom. Daleiden v. Planned Parenthood Fed’n of Am., No. 21-2068-cv (2d Cir. Apr. 5, 2022)",
        )
        .unwrap();
        assert_eq!(p.history[0].phrase, "aff’d sub nom. Daleiden v. Planned Parenthood Fed’n of Am.");
        assert_eq!(p.history[0].cite, "No. 21-2068-cv");
        assert_eq!(p.history[0].court.as_deref(), Some("2d Cir."));
        let so = parse_citation("Neuman v. Glob. Sec. Sols., Inc., No. 21-cv-1670 (DLC), 2022 WL 1782588 (S.D.N.Y. June 1, 2022), aff’d, No. 22-1412-cv (2d Cir. Sept. 25, 2023) (summary order)").unwrap();
        assert_eq!(so.history[0].parenthetical.as_deref(), Some("summary order"));
        let p = parse_citation("Watson v. Doe 1, No. 19-cv-533 (JGK), slip op. at 4 (S.D.N.Y. Oct. 6, 2023)").unwrap();
        assert_eq!((p.docket.as_deref(), p.cite.as_str()), (Some("No. 19-cv-533 (JGK)"), "slip op."));
        assert_eq!(p.pin.as_deref(), Some("4"));
    }

    #[test]
    fn errors_name_the_part() {
        let e = parse_citation("Highfields Cap. Mgmt., L.P. v. Doe, 385 F.Sup. 2d 969 (N.D. Cal. 2005)").unwrap_err();
        assert!(e.message.contains("`F.Sup. 2d`"), "{}", e.message);
        assert_eq!(&"Highfields Cap. Mgmt., L.P. v. Doe, 385 F.Sup. 2d 969 (N.D. Cal. 2005)"[e.span], "F.Sup. 2d");
        let e = parse_citation("Doe v. Roe, 385 F. Supp. 2d 969 (N.D. Calif. 2005)").unwrap_err();
        assert!(e.message.contains("`N.D. Calif.`"), "{}", e.message);
        assert!(e.hint.as_deref().is_some_and(|h| h.starts_with("did you mean `N.D. Cal.`")), "{:?}", e.hint);
        let e = parse_citation("Doe v. Roe, 385 F. Supp. 2d 969 (N.D. Cal. Nov 9 2005)").unwrap_err();
        assert!(e.message.contains("month") || e.message.contains("court abbreviation"), "{}", e.message);
        let e = parse_citation("Doe v. Roe, 385 F. Supp. 2d 969").unwrap_err();
        assert!(e.message.contains("court and date"), "{}", e.message);
        let e = parse_citation("Doe v. Roe").unwrap_err();
        assert!(e.message.starts_with("no citation found"), "{}", e.message);
    }
}
