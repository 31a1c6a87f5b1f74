//! Subsequent history: the Bluebook T8 phrase, and the form of a summary order and of a report
//! and recommendation's adoption.

use super::*;

/// The form of one history item: a summary order carries "(summary order)" and a database or
/// docket cite with its exact date; a court of appeals decision cited by docket number alone
/// says whether it is a summary order; a report and recommendation's adoption says where.
pub(super) fn history_form(out: &mut Findings, prefix: &str, h: &crate::library::bank::History) {
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
pub(super) fn report_and_recommendation(out: &mut Findings, a: &Authority) {
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

/// Explanatory phrases of subsequent history (Bluebook T8 and rule 10.7), written with a straight
/// apostrophe; the bank may use either apostrophe. "sub nom." follows a phrase with a name.
pub(super) const HISTORY_PHRASES: &[&str] = &[
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
pub(super) fn check_phrase(out: &mut Findings, prefix: &str, phrase: &str) {
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
