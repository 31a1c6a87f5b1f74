//! Court-rule compliance of a typeset brief (`pleader check`): the body against the profile's page
//! and word limits (caption, TOC, TOA, signature block and certificates not counted; footnotes
//! counted), the TOC and TOA present when the court requires them, no type smaller than the
//! court's minimum, no text printed over other text on any page ([`overprint`]), and the
//! clauses' bookkeeping (authorities a clause declares but never cites, cases cited without a
//! pin, statements about "this District" that rest on another court's decisions). Everything is
//! read from the typeset document or the drafted text, not the source — except the citations:
//! the authorities the brief cites are checked against the reference data (`cite::verify`), and
//! those without a `verified:` record are listed, failing the brief when the profile's
//! `citations.unverified` says `fail`. [`citecheck`] is the paralegal's table of every citation.

pub mod citecheck;
pub mod deadline;
pub mod overprint;
pub mod substance;

use std::collections::{BTreeMap, BTreeSet};

use crate::cite::read::reporter;
use crate::cite::status::{self, Status as Verification};
use crate::cite::verify;
use crate::diag::Diagnostic;
use crate::library::bank::Kind;
use crate::library::court::RuleLevel;
use crate::pipeline::Built;
use crate::typeset::{layout, page_text};
use crate::yaml;

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckItem {
    pub name: String,
    pub status: Status,
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Pass,
    /// Not filing-ready.
    Fail,
    /// Worth fixing, but not a filing problem.
    Warn,
}

/// Words of the body as a court counts them (see [`layout::count_body_words`]).
pub fn body_words(built: &Built) -> usize {
    layout::count_body_words(&built.doc, &built.profile, &built.facts)
}

/// Body pages: from the first page numbered 1 to the end.
pub fn body_pages(built: &Built) -> usize {
    built.facts.body_start.map_or(0, |s| built.doc.pages().len() - s)
}

/// The body's pages up to the last that carries any of its text (read from the typeset lines,
/// which stop at the signature block): the pages a rule counts "exclusive of the caption,
/// signature block, any certificate".
pub fn text_pages(built: &Built) -> usize {
    let lines = layout::body_text_lines(&built.doc, &built.profile, &built.facts);
    match (built.facts.body_start, lines.iter().map(|(page, _)| *page).max()) {
        (Some(start), Some(last)) if last >= start => last - start + 1,
        _ => 0,
    }
}

/// Runs all checks.
pub fn court_checks(built: &Built) -> Vec<CheckItem> {
    let p = &built.profile;
    let mut items = vec![];
    let doc_type = &built.matter.document.type_;
    let pages = body_pages(built);
    let limit = p.limits.get(doc_type);
    match limit.and_then(|l| l.pages.map(|max| (max, l.counts))) {
        Some((max, counts)) => {
            // What the limit counts: the body (the default), or every page (`counts: all`).
            let (counted, detail) = match counts {
                crate::library::court::PageCount::Body => (
                    pages,
                    format!(
                        "{pages} body pages; the limit for {} {doc_type} is {max} (caption, TOC and TOA not counted)",
                        article(doc_type)
                    ),
                ),
                crate::library::court::PageCount::Text => {
                    let text = text_pages(built);
                    (
                        text,
                        format!(
                            "{text} pages of text ({pages} body pages, the signature block and certificates not counted); the limit for {} {doc_type} is {max} (`counts: text`)",
                            article(doc_type)
                        ),
                    )
                }
                crate::library::court::PageCount::All => {
                    let all = built.doc.pages().len();
                    (
                        all,
                        format!(
                            "{all} pages in all ({pages} of them body); the limit for {} {doc_type} is {max}, every page counted (`counts: all`)",
                            article(doc_type)
                        ),
                    )
                }
            };
            items.push(CheckItem {
                name: "page limit".into(),
                status: if counted as u32 <= max { Status::Pass } else { Status::Fail },
                detail,
            });
        }
        // No page limit: with no word limit either, nothing here measured the brief's length
        // against a rule, which is worth a look before filing (a court whose judges set their
        // own limits, the District of Colorado's, leaves them out of the profile).
        None => items.push(CheckItem {
            name: "page limit".into(),
            status: if limit.and_then(|l| l.words).is_some() { Status::Pass } else { Status::Warn },
            detail: if limit.and_then(|l| l.words).is_some() {
                format!("{pages} body pages; the profile sets a word limit, and no page limit, for {} {doc_type}", article(doc_type))
            } else {
                format!(
                    "{pages} body pages; the profile sets no page or word limit for {} {doc_type}: confirm the limit the court's rules or the assigned judge set, and add it (`limits: {{{doc_type}: {{pages: N}}}}`)",
                    article(doc_type)
                )
            },
        }),
    }
    if let Some(max) = limit.and_then(|l| l.words) {
        let words = body_words(built);
        items.push(CheckItem {
            name: "word limit".into(),
            status: if words as u32 <= max { Status::Pass } else { Status::Fail },
            detail: format!("{words} words; the limit for {} {doc_type} is {max} (caption, tables, signature and certificates not counted; footnotes counted)", article(doc_type)),
        });
    }
    items.push(time_to_respond(built));
    if let Some(over) = p.front_matter.required_over_pages {
        // Printed only where the profile keeps the tables (`front_matter.tables`).
        let has_toc = p.front_matter.tables && !built.front.toc.is_empty();
        let has_toa = p.front_matter.tables && !built.front.toa.is_empty();
        let required = pages as u32 > over;
        items.push(CheckItem {
            name: "table of contents and authorities".into(),
            status: if !required || (has_toc && has_toa) { Status::Pass } else { Status::Fail },
            detail: if required && !p.front_matter.tables {
                format!("required over {over} pages, and the profile's `front_matter.tables: false` leaves them out")
            } else if required {
                format!("required over {over} pages: TOC {}, TOA {}", present(has_toc), present(has_toa))
            } else {
                format!(
                    "required only over {over} pages, and the body has {pages}; TOC {}, TOA {}",
                    present(has_toc),
                    present(has_toa)
                )
            },
        });
    }
    // What the court requires of the matter: the hearing details where the first page states
    // them, and every path the profile lists under `requires:`.
    let mut required: Vec<String> = p.requires.clone();
    if p.caption.hearing {
        for r in ["document.hearing.date", "document.hearing.time"] {
            if !required.iter().any(|x| x == r) {
                required.push(r.to_string());
            }
        }
    }
    if !required.is_empty() {
        let missing: Vec<&String> = required.iter().filter(|r| !built.matter.has(r)).collect();
        items.push(CheckItem {
            name: "what the court requires".into(),
            status: if missing.is_empty() { Status::Pass } else { Status::Fail },
            detail: if missing.is_empty() {
                format!("present: {}", required.join(", "))
            } else {
                format!(
                    "this court requires {}; the matter has no {}",
                    required.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", "),
                    missing.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
                )
            },
        });
    }
    // Type size: every run of body text, footnotes and quotations at least the minimum
    // (footnote reference numbers, set as superscripts, excepted).
    let min = p.type_.min_size.pt();
    let mut small: BTreeMap<usize, f64> = BTreeMap::new();
    if let Some(start) = built.facts.body_start {
        let left = p.paper.margin_left.pt() - 1.0;
        let text_bottom = p.text_bottom();
        for page in start..built.doc.pages().len() {
            for r in page_text(&built.doc.pages()[page].frame) {
                let is_marker = r.text.trim().chars().all(|c| c.is_ascii_digit());
                if r.x >= left && r.baseline < text_bottom && r.size < min - 0.01 && !is_marker {
                    let e = small.entry(page - start + 1).or_insert(r.size);
                    *e = e.min(r.size);
                }
            }
        }
    }
    items.push(CheckItem {
        name: "minimum type size".into(),
        status: if small.is_empty() { Status::Pass } else { Status::Fail },
        detail: if small.is_empty() {
            format!("no text smaller than {min} pt")
        } else {
            format!(
                "text smaller than {min} pt on page(s) {}",
                small.iter().map(|(pg, sz)| format!("{pg} ({sz:.1} pt)")).collect::<Vec<_>>().join(", ")
            )
        },
    });
    // The face the court's rules name, read from the typeset pages (not from the profile's
    // `type.font`): every family any page is set in must be one the rule accepts.
    if let Some(req) = &p.type_.required_faces {
        // Every page's text runs, read once: their faces, and their words for the check below.
        let runs: Vec<_> = built.doc.pages().iter().flat_map(|page| page_text(&page.frame)).collect();
        let mut used: Vec<String> = vec![];
        for r in &runs {
            if !used.contains(&r.font) {
                used.push(r.font.clone());
            }
        }
        let other: Vec<&String> =
            used.iter().filter(|f| !req.faces.iter().any(|x| x.eq_ignore_ascii_case(f))).collect();
        let faces = crate::draft::filters::series(&req.faces, "or");
        // A face the rule does not accept, named in the brief's own words (a certificate of
        // compliance that fills in `{font}`): the brief would certify what the rule forbids (the
        // N.D. Ga. user's LR 7.1(D) certificate, "namely Liberation Serif, 14 point"). A failure,
        // not a warning: the signer cannot file that sentence.
        let text: String = runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let named: Vec<&String> = other.iter().copied().filter(|f| text.contains(f.as_str())).collect();
        if !named.is_empty() {
            items.push(CheckItem {
                name: "typeface named in the brief".into(),
                status: Status::Fail,
                detail: format!(
                    "the brief names the face it is set in, {}, which {} does not accept (a certificate that fills in `{{font}}`?): the certificate would tell the Court that the brief breaks the rule, or certify compliance in a face the rule forbids; set the brief in {faces} (see `typeface`) before filing",
                    crate::draft::filters::series(&named.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "and"),
                    req.rule
                ),
            });
        }
        items.push(CheckItem {
            name: "typeface".into(),
            status: if other.is_empty() { Status::Pass } else { Status::Warn },
            detail: if other.is_empty() {
                format!("set in {faces}, as {} requires", req.rule)
            } else {
                let metrics = other.iter().any(|f| f.as_str() == "Liberation Serif")
                    && req.faces.iter().any(|f| f.eq_ignore_ascii_case("Times New Roman"));
                format!(
                    "{} requires {faces}; the brief is set in {}{}: put the face's files, which you must be licensed to use, in the project's fonts/ and name it in the profile, `type: {{font: …}}`",
                    req.rule,
                    crate::draft::filters::series(&other.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "and"),
                    if metrics { " (Times New Roman's metrics, so the pages and the word count would be the same, but another face)" } else { "" }
                )
            },
        });
    }
    // What the court's rules ask that pleader does not do, as the profile records it.
    for u in &p.unmet {
        items.push(CheckItem {
            name: "a rule pleader does not meet".into(),
            status: Status::Warn,
            detail: format!("{} asks for {}, which pleader does not set: do it by hand in the filed copy, or confirm with the clerk that it is not enforced", u.rule, u.what),
        });
    }
    // Text printed over other text, on any page.
    let over = overprint::overprints(&built.doc);
    items.push(CheckItem {
        name: "overprinted text".into(),
        status: if over.is_empty() { Status::Pass } else { Status::Fail },
        detail: if over.is_empty() {
            format!("no text printed over other text on any of the {} pages", built.doc.pages().len())
        } else {
            let shown: Vec<String> = over
                .iter()
                .take(3)
                .map(|o| format!("PDF page {}: “{}” over “{}”", o.page_index + 1, clip(&o.first), clip(&o.second)))
                .collect();
            let more = if over.len() > 3 { format!(" and {} more", over.len() - 3) } else { String::new() };
            format!("{}{more}", shown.join("; "))
        },
    });
    // Authorities a clause declares but the brief never cites through it.
    let mut cited: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for u in &built.uses {
        cited.entry(u.clause).or_default().insert(u.id.as_str());
    }
    let mut unused: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (i, r) in built.drafted.iter().enumerate() {
        for id in &r.declared {
            if !cited.get(&i).is_some_and(|s| s.contains(id.as_str())) {
                unused.entry(r.clause.as_str()).or_default().insert(id.as_str());
            }
        }
    }
    let count: usize = unused.values().map(|s| s.len()).sum();
    items.push(CheckItem {
        name: "declared authorities".into(),
        // Not a warning: a clause lists what it may cite in any court, under any option and fact,
        // so most briefs leave some of it uncited. A header listing what no rendering cites is
        // `pleader clauses --lint`'s finding, across every sample.
        status: Status::Pass,
        detail: if unused.is_empty() {
            "every authority a selected clause lists is cited".into()
        } else {
            // Named only for the project's own clauses: a built-in clause's list serves the
            // library's other courts and options, and the lawyer cannot act on it here.
            let own: Vec<String> = unused
                .iter()
                .filter(|(c, _)| {
                    built.clauses.iter().any(|f| f.clause == **c && !crate::library::project::is_builtin(&f.source))
                })
                .map(|(c, ids)| format!("{c}: {}", ids.iter().copied().collect::<Vec<_>>().join(", ")))
                .collect();
            format!(
                "{count} listed in clause headers are not cited in this brief (they serve other courts, options or facts){}",
                if own.is_empty() { String::new() } else { format!("; in the project's own clauses: {}", own.join("; ")) }
            )
        },
    });
    items.push(pins(built));
    items.push(statements_about_this_court(built));
    // The typeset body, read once for every check that reads its text.
    let body = substance::body(built);
    items.push(substance::force_of_the_standard(built, &body));
    items.extend(substance::federal_rules_in_state_court(built, &body));
    items.extend(substance::required_sections(built, &body));
    items.extend(substance::offered_evidence(built, &body));
    items.extend(substance::own_decisions(built));
    items.extend(substance::adverse_to_arguments(built));
    items.extend(substance::harm_without_per_se(built));
    items.extend(substance::stale_slip_opinions(built));
    items.extend(substance::state_code_years(built));
    items.extend(substance::unpinned_own_decisions(built));
    items.extend(substance::matter_authorities(built));
    items.extend(substance::shared_short_names(built));
    items.extend(substance::record_documents(built));
    items.extend(substance::title_tracks_motion(built));
    items.extend(substance::home_state_standard(built));
    items.extend(substance::unplaced_declarations(built));
    items.extend(substance::paragraphs_state_what_they_answer(built));
    items.extend(substance::client_notice(built));
    items.extend(substance::speech_nature(built, &body));
    items.push(substance::named_before_cited(built));
    items.extend(substance::plain_citations(built));
    items.extend(substance::citations_printed_as_written(&body));
    items.extend(substance::run_on_sentences(built));
    items.extend(substance::parallel_pins(built));
    items.extend(substance::outline_form(built));
    items.extend(citation_items(built));
    items
}

/// The authorities the brief cites, in id order.
fn cited_ids(built: &Built) -> BTreeSet<&str> {
    built.uses.iter().map(|u| u.id.as_str()).collect()
}

/// The problems with the citations of this brief, located: the bank entries it cites (at their
/// bank-file lines) and the pins and short forms it prints (at the clause lines that cite them).
pub fn citation_diagnostics(built: &Built) -> Vec<Diagnostic> {
    let ids = cited_ids(built);
    let mut out = verify::check_bank(&built.bank, Some(&ids));
    out.extend(use_diagnostics(built));
    out
}

/// The problems with the pins and short forms the brief prints, at the clause lines that cite
/// them.
pub fn use_diagnostics(built: &Built) -> Vec<Diagnostic> {
    let mut out = vec![];
    for f in verify::check_uses(&built.uses, &built.bank) {
        let u = &built.uses[f.index];
        let mut d = Diagnostic::error(format!("{} ({})", f.message, f.check.name()));
        let clause = built.drafted.get(u.clause).and_then(|r| built.clauses.iter().find(|c| c.clause == r.clause));
        if let Some(c) = clause {
            let body_start = c.source.offset(c.body_line, 1);
            d = match find_citation(&c.source.text, body_start, &u.id, u.pin.as_deref()) {
                Some(span) => d.at(&c.source, span),
                None => d.in_file(&c.source),
            };
        }
        if let Some(fix) = f.fix {
            d = d.with_hint(fix);
        }
        out.push(d);
    }
    out
}

/// Where a clause writes `@id` (or `@!id`), preferring the place whose pin is `pin`.
fn find_citation(text: &str, from: usize, id: &str, pin: Option<&str>) -> Option<std::ops::Range<usize>> {
    let mut first = None;
    let mut n = 0;
    while let Some(span) = yaml::find_id(text, from, text.len(), id, n) {
        n += 1;
        let before = text[..span.start].trim_end_matches('!');
        if !before.ends_with('@') {
            continue;
        }
        let at = before.len() - 1..span.end;
        first.get_or_insert(at.clone());
        let after = text[span.end..].trim_start();
        let found = match pin {
            Some(p) => {
                // Pins are written escaped in clauses (`at \*9`).
                let head: String = after.chars().take(p.chars().count() * 2 + 8).collect();
                let head = crate::escape::unescape(&head);
                head.strip_prefix("at ").unwrap_or(&head).trim_start().starts_with(p)
            }
            // No pin: the citation ends, or a parenthetical follows.
            None => after.starts_with([']', ';', '(']),
        };
        if found {
            return Some(at);
        }
    }
    first
}

/// The citation items of `check`: the reference-data checks of the cited authorities, and the
/// authorities without a `verified:` record.
fn citation_items(built: &Built) -> Vec<CheckItem> {
    let ids = cited_ids(built);
    let diags = citation_diagnostics(built);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let cases = ids.iter().filter(|id| built.bank.get(id).is_some_and(|a| a.kind == Kind::Case)).count();
    let data = format!(
        "reporters-db {} and courts-db {}",
        crate::cite::reference::REPORTERS_DB_VERSION,
        crate::cite::reference::COURTS_DB_VERSION
    );
    let mut items = vec![CheckItem {
        name: "citations".into(),
        status: if errors > 0 {
            Status::Fail
        } else if warnings > 0 {
            Status::Warn
        } else {
            Status::Pass
        },
        detail: match (errors, warnings) {
            (0, 0) => format!("{cases} cited cases checked against {data}: reporter, year, court, docket, date, pins and history plausible"),
            _ => format!("{cases} cited cases checked against {data}: {errors} errors, {warnings} warnings (listed above, at the bank and clause lines)"),
        },
    }];
    let level = built.profile.citations.unverified;
    // "Verified" means the citation and every pin this brief prints of it were seen.
    let cited_pins = crate::cite::pins::cited_pins(&built.uses, &built.bank);
    let unseen_of = |id: &str| -> Vec<String> {
        cited_pins
            .iter()
            .filter(|c| c.id == id && !c.seen)
            .map(|c| if c.times > 1 { format!("{} ({} citations)", c.pin, c.times) } else { c.pin.clone() })
            .collect()
    };
    let unverified: Vec<String> = ids
        .iter()
        .filter_map(|id| {
            let a = built.bank.get(id)?;
            let status = status::status(a);
            let unseen = unseen_of(id);
            (!status.is_verified() || !unseen.is_empty()).then(|| {
                let name = crate::escape::plain(&a.toa_text());
                let mut why = match status {
                    Verification::Verified { .. } => "citation verified".to_string(),
                    Verification::Unverified(reason) => reason.split_whitespace().collect::<Vec<_>>().join(" "),
                    Verification::Partly { open, .. } => {
                        format!("partly verified; open: {}", open.split_whitespace().collect::<Vec<_>>().join(" "))
                    }
                    Verification::Unrecorded => "no `verified:` record in the bank".to_string(),
                };
                if !unseen.is_empty() {
                    why.push_str(&format!("; pins no record covers: {}", unseen.join(", ")));
                }
                format!("{name} (`{id}`): {why}")
            })
        })
        .collect();
    let seen = cited_pins.iter().filter(|c| c.seen).count();
    let unseen = cited_pins.len() - seen;
    items.push(CheckItem {
        name: "pins seen".into(),
        status: match (level, unseen) {
            (_, 0) | (RuleLevel::Off, _) => Status::Pass,
            (RuleLevel::Warn, _) => Status::Warn,
            (RuleLevel::Fail, _) => Status::Fail,
        },
        detail: format!(
            "{seen} of the {} distinct pins cited are recorded as seen (`verified.pins`), {unseen} unseen{}",
            cited_pins.len(),
            if unseen == 0 {
                String::new()
            } else {
                format!(
                    ": {}",
                    cited_pins
                        .iter()
                        .filter(|c| !c.seen)
                        .map(|c| format!("{} at {}", c.id, c.pin))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
        ),
    });
    items.push(CheckItem {
        name: "verified authorities".into(),
        status: match (level, unverified.is_empty()) {
            (_, true) | (RuleLevel::Off, _) => Status::Pass,
            (RuleLevel::Warn, false) => Status::Warn,
            (RuleLevel::Fail, false) => Status::Fail,
        },
        detail: if level == RuleLevel::Off {
            format!(
                "not checked (`citations.unverified: off`); {} of the {} cited authorities are not verified with every pin cited",
                unverified.len(),
                ids.len()
            )
        } else if unverified.is_empty() {
            format!("all {} cited authorities are verified, with every pin cited", ids.len())
        } else {
            let mut s = format!(
                "{} of the {} cited authorities are not verified (`citations.unverified: {}`):",
                unverified.len(),
                ids.len(),
                match level {
                    RuleLevel::Fail => "fail",
                    RuleLevel::Warn => "warn",
                    RuleLevel::Off => "off",
                }
            );
            for line in &unverified {
                s.push_str(
                    "
        - ",
                );
                s.push_str(line);
            }
            s
        },
    });
    items
}

/// Every case cited for a proposition carries a pin, unless its signal is *see generally* or it is
/// named inside another authority's parenthetical (the decision that authority describes).
pub fn pins(built: &Built) -> CheckItem {
    let mut missing: BTreeSet<String> = BTreeSet::new();
    let mut whole: BTreeSet<String> = BTreeSet::new();
    for u in &built.uses {
        let Some(a) = built.bank.get(&u.id) else { continue };
        if a.kind != crate::library::bank::Kind::Case || u.pin.is_some() {
            continue;
        }
        // A decision named inside another authority's parenthetical, as the decision that one
        // describes ("explaining that in NAACP v. Alabama …"), is cited as a whole; listed, not failed.
        if u.signal.as_deref() == Some("see generally") || u.nested {
            whole.insert(a.short_name().to_string());
        } else {
            missing.insert(format!(
                "{} ({})",
                a.short_name(),
                built.drafted.get(u.clause).map_or("", |d| d.clause.as_str())
            ));
        }
    }
    CheckItem {
        name: "pin cites".into(),
        status: if missing.is_empty() { Status::Pass } else { Status::Fail },
        detail: if missing.is_empty() && whole.is_empty() {
            "every case is cited to a page".into()
        } else if missing.is_empty() {
            format!(
                "every case is cited to a page, except as a whole decision after see generally or inside another authority's parenthetical: {}",
                whole.into_iter().collect::<Vec<_>>().join("; ")
            )
        } else {
            format!(
                "cited without a pin (give the page where the clause cites it, or in the `pin:` of the claim file or bank entry it takes the citation from): {}",
                missing.into_iter().collect::<Vec<_>>().join("; ")
            )
        },
    }
}

/// The phrases by which a brief speaks of its own court's decisions, and whether each reaches
/// the whole circuit.
fn own_court_phrases(built: &Built) -> Vec<(String, bool)> {
    let j = &built.profile.jurisdiction;
    let mut v = vec![
        (j.courts_here.to_lowercase(), false),
        (format!("courts {}", j.here).to_lowercase(), false),
        ("courts here".to_string(), false),
        ("this district".to_string(), false),
        ("this circuit".to_string(), true),
    ];
    if let Some(c) = &j.circuit {
        v.push((format!("courts in {c}").to_lowercase(), true));
    }
    v.sort();
    v.dedup();
    v
}

/// A statement about "this District", "courts here" or "this Circuit" rests only on decisions of
/// this court (or, for the circuit, of its circuit), and names only their judges: read from the
/// drafted text, with each phrase taken with the first citation that follows it in its paragraph
/// (or the one it sits in), and judges named near it.
pub fn statements_about_this_court(built: &Built) -> CheckItem {
    let j = &built.profile.jurisdiction;
    let phrases = own_court_phrases(built);
    let mut wrong: Vec<String> = vec![];
    for d in &built.drafted {
        let text = &d.body;
        let lower = text.to_lowercase();
        let groups = crate::cite::syntax::groups(text);
        for (phrase, circuit_wide) in &phrases {
            for (at, _) in lower.match_indices(phrase.as_str()) {
                let para_end = text[at..].find("\n\n").map_or(text.len(), |e| at + e);
                let group = groups.iter().find(|(r, _)| r.end > at && r.start < para_end);
                let ids: Vec<&String> = group.map(|(_, ids)| ids.iter().collect()).unwrap_or_default();
                for id in ids {
                    let Some(a) = built.bank.get(id) else { continue };
                    if a.kind != crate::library::bank::Kind::Case {
                        continue;
                    }
                    let ok = j.is_own(a.court.as_deref(), reporter(a.cite()))
                        || (*circuit_wide && j.is_circuit(a.court.as_deref()));
                    if !ok {
                        wrong.push(format!(
                            "`{}` says \"{}\" but cites {} ({})",
                            d.clause,
                            phrase,
                            a.short_name(),
                            a.court.as_deref().unwrap_or("no court")
                        ));
                    }
                }
                // Judges named next to the phrase must be judges of this court's cited decisions.
                let window_start = text[..at].rfind("\n\n").map_or(0, |b| b + 2);
                let window_end = group.map_or(para_end, |(r, _)| r.end);
                let window = &text[window_start..window_end];
                for (a, _) in built.bank.entries.values() {
                    let Some(judge) = &a.judge else { continue };
                    let named = format!("Judge {}", judge.name);
                    if window.contains(&named) && !j.is_own(a.court.as_deref(), reporter(a.cite())) {
                        wrong.push(format!(
                            "`{}` says \"{}\" next to {named}, a judge of {}",
                            d.clause,
                            phrase,
                            a.court.as_deref().unwrap_or("another court")
                        ));
                    }
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    CheckItem {
        name: "statements about this court".into(),
        status: if wrong.is_empty() { Status::Pass } else { Status::Fail },
        detail: if wrong.is_empty() {
            format!("what the brief says of {} rests on {}'s own decisions", j.here, j.here)
        } else {
            wrong.join("; ")
        },
    }
}

/// A text cut to 40 characters for a one-line report.
fn clip(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// "a motion", "an opposition".
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// Whether the brief's date is within the time the court's rule (or its order) gives.
fn time_to_respond(built: &Built) -> CheckItem {
    let m = &built.matter;
    let doc_type = m.document.type_.as_str();
    let federal = built.profile.jurisdiction.system == crate::library::court::System::Federal;
    let dated = m.document.date.long();
    let name = "time to respond".to_string();
    match deadline::due(m, built.profile.deadlines.get(doc_type), federal) {
        None => CheckItem {
            name,
            status: Status::Warn,
            detail: format!(
                "the profile sets no time to respond for {} {doc_type} (`deadlines:`) and the matter gives no date the Court set (`document.due`): confirm the deadline in the local rule or the judge's order",
                article(doc_type)
            ),
        },
        Some(Err(missing)) => CheckItem {
            name,
            status: Status::Warn,
            detail: format!(
                "the profile's rule {missing}, a date the matter does not give: add it, or the date the Court set (`document.due`)"
            ),
        },
        Some(Ok(due)) => {
            let late = (m.document.date.0 - due.date).num_days();
            let unknown = if m.document.due.is_none() && federal {
                "; holidays a President or Congress declares and state holidays are not known to pleader"
            } else {
                ""
            };
            CheckItem {
                name,
                status: if late > 0 { Status::Fail } else { Status::Pass },
                detail: if late > 0 {
                    format!(
                        "due {}: {}{unknown}. The brief is dated {dated}, {late} day{} late: confirm the date and manner of service and any briefing order, or ask leave to file out of time{}",
                        crate::units::long_date(due.date),
                        due.how,
                        if late == 1 { "" } else { "s" },
                        if federal { " (Fed. R. Civ. P. 6(b)(1)(B))" } else { "" }
                    )
                } else {
                    format!("due {}: {}{unknown}. The brief is dated {dated}", crate::units::long_date(due.date), due.how)
                },
            }
        }
    }
}

fn present(b: bool) -> &'static str {
    if b {
        "present"
    } else {
        "missing"
    }
}

/// Whether the brief is filing-ready: no check failed.
pub fn filing_ready(items: &[CheckItem]) -> bool {
    items.iter().all(|i| i.status != Status::Fail)
}
