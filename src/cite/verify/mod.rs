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

use super::reference::{self, Court, Edition};
use super::CiteUse;
use crate::diag::{did_you_mean, Diagnostic, SourceText};
use crate::library::bank::{Authority, Bank, Kind};
use crate::units::Date;
use crate::yaml;

mod citation;
mod history;
pub mod names;
mod uses;

use crate::cite::read::{read_cite, CaseCite};
use citation::Citation;
use history::{check_phrase, history_form, report_and_recommendation};
pub use uses::{check_uses, pin_problem, UseFinding};

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
    /// The court is not one whose decisions the reporter prints.
    CourtReporter,
    /// A word of the case name that Bluebook table T6 abbreviates in citations, spelled out.
    CaseName,
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
        Check::CourtReporter,
        Check::CaseName,
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
            Check::CourtReporter => "court-reporter",
            Check::CaseName => "case-name",
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

/// Every check of one bank entry. Only cases are checked.
pub fn check_authority(id: &str, a: &Authority) -> Vec<Finding> {
    let mut out = Findings { id, items: vec![] };
    if a.kind != Kind::Case {
        return out.items;
    }
    // The name prints in the full citation and the table of authorities: T6's words abbreviated
    // (rule 10.2.2). A warning: the lawyer may keep a word T6 lists where the name is the
    // party's own and the court's caption spells it so.
    if let Some(name) = a.name.as_deref() {
        let (words, fixed) = names::unabbreviated(name);
        if let Some((first, _)) = words.first() {
            let list: Vec<String> = words.iter().map(|(w, ab)| format!("`{w}` as `{ab}`")).collect();
            out.push(
                Check::CaseName,
                "name",
                Some(first),
                format!("a citation abbreviates {} in a case name (Bluebook 10.2.2, T6 and T10)", list.join(", ")),
                Some(format!("write `name: \"{fixed}\"`")),
                false,
            );
        }
        if let Some(fixed) = names::leading_the(name) {
            out.push(
                Check::CaseName,
                "name",
                Some("The"),
                "a citation omits \"The\" as the first word of a party's name (Bluebook 10.2.1(c))".to_string(),
                Some(format!("write `name: \"{fixed}\"`")),
                false,
            );
        }
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

#[cfg(test)]
mod tests {
    use super::citation::NAMED_DESPITE_REPORTER;
    use super::uses::read_range;
    use super::*;
    use crate::cite::read::lookup_url;

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
        assert!(checks(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  year: 2008\n")).is_empty());
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
        // Cal. App. prints the Courts of Appeal alone, so it conveys the court: the year alone
        // (Bluebook 10.4(b), and the California Style Manual); naming the court is a warning.
        assert!(checks(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  year: 2008\n")).is_empty());
        for named in ["Ct. App.", "Cal. Ct. App."] {
            let f = entry(&format!("{CASE}  cite: 159 Cal. App. 4th 1154\n  court: {named}\n  year: 2008\n"));
            assert_eq!(
                (f[0].check, f[0].error, f[0].fix.as_deref()),
                (Check::RedundantCourt, false, Some("remove `court:`")),
                "{named}"
            );
        }
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
        // The Arizona Reports print the Supreme Court and the Court of Appeals: the Court of
        // Appeals is named without the state, the Supreme Court not at all.
        assert!(checks(&format!("{CASE}  cite: 217 Ariz. 103\n  court: Ct. App.\n  year: 2007\n")).is_empty());
        assert!(checks(&format!("{CASE}  cite: 150 Ariz. 476\n  year: 1986\n")).is_empty());
        let f = entry(&format!("{CASE}  cite: 150 Ariz. 476\n  court: Ariz.\n  year: 1986\n"));
        assert_eq!((f[0].check, f[0].fix.as_deref()), (Check::RedundantCourt, Some("remove `court:`")));
        let f = entry(&format!("{CASE}  cite: 217 Ariz. 103\n  court: Ariz. Ct. App.\n  year: 2007\n"));
        assert_eq!(f[0].fix.as_deref(), Some("write `court: Ct. App.`"));
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
        // Numbered paragraphs (Bluebook 3.3), as Arizona's opinions have them.
        let (p, _) = read_cite("418 P.3d 1013").unwrap();
        assert_eq!(pin_problem(&p, None, "¶ 1"), None);
        assert_eq!(pin_problem(&p, None, "¶¶ 12–14"), None);
        // Ohio's syllabus law, cited as Ohio courts cite it.
        assert_eq!(pin_problem(&c, None, "paragraph one of the syllabus"), None);
        assert_eq!(pin_problem(&c, None, "syllabus"), None);
        assert!(pin_problem(&c, None, "paragraph one").is_some());
        assert!(pin_problem(&p, None, "¶ x").unwrap().0.contains("not a paragraph"));
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
