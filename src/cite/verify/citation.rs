//! The checks of one citation — an entry's or a history item's: reporter, year, court, docket
//! and date against reporters-db and courts-db ([`Citation::check`]).

use super::*;
use crate::cite::read::{court_abbreviations, strip_department};

/// The citation fields shared by an entry and each of its history items.
pub(super) struct Citation<'a> {
    /// "" for the entry, "history[0]." for a history item.
    pub(super) prefix: &'a str,
    pub(super) cite: &'a str,
    pub(super) court: Option<&'a str>,
    pub(super) year: Option<i32>,
    pub(super) date: Option<Date>,
    pub(super) docket: Option<&'a str>,
    pub(super) history: bool,
}

impl Citation<'_> {
    fn field(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Checks the reporter, year, court, docket and date; returns the citation as read.
    pub(super) fn check(&self, out: &mut Findings) -> Option<(CaseCite, usize)> {
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
        // Bluebook 10.4(b): the court goes unnamed when it is the jurisdiction's highest, or when
        // the reporter conveys it unambiguously, as a reporter that prints one court's decisions
        // does: "159 Cal. App. 4th 1154 (2008)", the form California practice and the California
        // Style Manual use too. A lower court in a reporter that prints several of the state's
        // courts is named without the state: "217 Ariz. 103 (Ct. App. 2007)". (Rule 10.4(a) names
        // every federal court but the Supreme Court, whatever the reporter; New York's Appellate
        // Division is named with its department, "(1st Dep't 1999)", though A.D. prints it alone.)
        let one_court = implied.len() == 1 && jurisdiction.is_some() && implied[0].id != "nyappdiv";
        let named_below_top: Vec<&'static Court> =
            implied.iter().copied().filter(|c| !one_court && NAMED_DESPITE_REPORTER.contains(&c.id)).collect();
        let Some(written) = self.court.map(str::trim).filter(|c| !c.is_empty()) else {
            if let Some(c) = named_below_top.first() {
                let short = without_state(c.citation, jurisdiction);
                out.push(
                    Check::MissingCourt,
                    &self.field("cite"),
                    None,
                    format!(
                        "{reporter} prints only {}, which is not the state's highest court: Bluebook 10.4(b) names it",
                        c.name
                    ),
                    Some(format!("for Bluebook style, add `court: {short}`")),
                    false,
                );
            } else if implied.is_empty() && jurisdiction.is_none() {
                // (An edition that prints one state's courts only, without naming one, leaves the
                // court out for the state's highest court: "150 Ariz. 476 (1986)".)
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
            // A lower court named although its own reporter conveys it is a matter of style (some
            // writers name it), so a warning; the highest court named is an error.
            let lower = implied.iter().any(|c| NAMED_DESPITE_REPORTER.contains(&c.id));
            out.push(
                Check::RedundantCourt,
                &court_field,
                Some(base),
                format!(
                    "{reporter} prints only the decisions of {}: the parenthetical gives the year alone (Bluebook 10.4)",
                    implied.iter().map(|c| c.name).collect::<Vec<_>>().join(" and ")
                ),
                Some("remove `court:`".into()),
                !lower,
            );
            return;
        }
        if let Some(j) = jurisdiction {
            // The state's highest court, in a reporter that prints only that state's courts:
            // neither the court nor the state is named (Bluebook 10.4(b)).
            if base == j && department.is_none() {
                out.push(
                    Check::RedundantCourt,
                    &court_field,
                    Some(base),
                    format!(
                        "{reporter} prints only the courts of the state `{j}` names, and its highest court goes unnamed: the parenthetical gives the year alone (Bluebook 10.4(b))"
                    ),
                    Some("remove `court:`".into()),
                    true,
                );
                return;
            }
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

/// Courts that a reporter implies but that the Bluebook names anyway when the reporter prints
/// other courts' decisions too (rule 10.4(b) leaves out a state's highest court, and a court the
/// reporter conveys unambiguously by printing its decisions alone; 10.4(a) names every federal
/// court but the Supreme Court): the state intermediate and other lower courts of the curated
/// implied-court table in `buildsrc/refdata.rs`, and the D.C. Circuit (U.S. App. D.C.).
pub(super) const NAMED_DESPITE_REPORTER: &[&str] = &[
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
pub(super) fn without_state(citation: &str, jurisdiction: Option<&str>) -> String {
    match jurisdiction.and_then(|j| citation.strip_prefix(j)) {
        Some(rest) if rest.starts_with(' ') => rest.trim().to_string(),
        _ => citation.to_string(),
    }
}

/// "1988–2014", "2014–", "–1880", "all years".
pub(super) fn span_of(e: &Edition) -> String {
    match (e.start_year, e.end_year) {
        (Some(s), Some(t)) => format!("{s}–{t}"),
        (Some(s), None) => format!("{s}–"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "all years".into(),
    }
}

pub(super) fn periods_of(c: &Court) -> String {
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

/// Every Lexis database reporters-db knows.
pub(super) fn lexis_databases() -> Vec<&'static str> {
    reference::all_editions()
        .iter()
        .filter(|e| e.is_database() && e.abbrev.ends_with("LEXIS"))
        .map(|e| e.abbrev)
        .collect()
}
