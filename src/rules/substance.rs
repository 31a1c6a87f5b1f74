//! Checks of what the brief says about the law and the record, read from the typeset text (never
//! from the marks or the clause that wrote it):
//! - the force of the unmasking standard: "governs", "binding" or "controlling" said where the
//!   standard's announcing decision does not bind this court (worked out here from the standards
//!   file and the profile, not by the drafting code);
//! - a Federal Rule cited in a state court's brief;
//! - the sections the court's rules require (the profile's `required_sections`);
//! - each piece of evidence the movant offered (`evidence.items`) mentioned;
//! - where the standard is not settled, whether the bank has any decision of this court or its
//!   circuit for the brief to rely on (a note);
//! - decisions of this court or its circuit left out of the surveys for want of a page (a warning);
//! - authorities the matter declares but the brief never cites (a note);
//! - a paragraph of the matter's own that answers an argument without citing where it is made
//!   (a warning);
//! - record documents the matter declares but the brief never cites (a note).

use crate::cite::read::reporter;
use crate::library::court::System;
use crate::pipeline::Built;
use crate::typeset::layout;

use super::{CheckItem, Status};

/// The typeset body as one string, line ends joined (a hyphen at a line end joins the word), with
/// the page (1-based, counting from the first body page) each byte offset falls on: read once per
/// `check` ([`body`]) and handed to every check that reads the text.
pub struct Body {
    text: String,
    pages: Vec<(usize, usize)>,
}

/// The typeset body of a built brief (see [`Body`]).
pub fn body(built: &Built) -> Body {
    let lines = layout::body_text_lines(&built.doc, &built.profile, &built.facts);
    let start = built.facts.body_start.unwrap_or(0);
    let mut text = String::new();
    let mut pages = vec![];
    for (page, line) in lines {
        let line = line.trim();
        if line.is_empty() || line.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if text.ends_with('-') && line.starts_with(|c: char| c.is_lowercase()) {
            text.pop();
        } else if !text.is_empty() {
            text.push(' ');
        }
        pages.push((text.len(), page + 1 - start));
        // A no-break space (inside a citation unit) reads as a space.
        text.push_str(&line.replace('\u{a0}', " "));
    }
    Body { text, pages }
}

fn page_at(pages: &[(usize, usize)], offset: usize) -> usize {
    pages.iter().take_while(|(o, _)| *o <= offset).last().map_or(1, |(_, p)| *p)
}

/// The sentences of a text with their start offsets (split after ". ", "? ", "! " not inside an
/// abbreviation we print: "v.", "Cir.", "U.S.", "No.", "F.", "Supp.", "Cal.", "App.").
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = vec![];
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if matches!(bytes[i], b'.' | b'?' | b'!') && bytes[i + 1] == b' ' {
            let word_start = text[..i].rfind(' ').map_or(0, |p| p + 1);
            let word = &text[word_start..=i];
            let abbreviation = bytes[i] == b'.'
                && (word.len() <= 5 && word.chars().next().is_some_and(|c| c.is_uppercase())
                    || matches!(word, "v." | "Cir." | "Supp." | "App." | "Civ." | "Proc." | "al." | "e.g.," | "id."));
            let next_upper = text[i + 2..].chars().next().is_some_and(|c| c.is_uppercase() || c == '“');
            if !abbreviation && next_upper {
                out.push((start, &text[start..=i]));
                start = i + 2;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Whether the standard named in the profile binds this court, worked out from the standards
/// file on its own terms: a state's test binds that state's courts, a circuit's test the courts of
/// that circuit.
fn standard_binds(built: &Built) -> Option<bool> {
    let j = &built.profile.jurisdiction;
    let s = built.library.standards.get(&j.standard)?;
    let state = s.binds.state.as_deref().map(|st| j.system == System::State && st == j.state).unwrap_or(false);
    let circuit = s
        .binds
        .circuit
        .as_deref()
        .map(|c| j.system == System::Federal && j.circuit_courts.iter().any(|x| x == c))
        .unwrap_or(false);
    Some(state || circuit)
}

/// Whether the force word at byte `i` of a lower-cased sentence asserts that something governs
/// or binds, rather than denying it, reporting someone else's claim or asking which does:
/// - a sentence that itself denies binding force ("It does not bind this Court", "persuasive
///   rather than controlling") states the force rightly, whatever else it says;
/// - a negation in the words just before the word, within its clause ("not binding", "no
///   decision that binds this Court prescribes…", "neither governs nor binds");
/// - reported speech or an indirect question just before it ("argues that state law governs",
///   "has not decided which test governs").
fn asserts_force(lower: &str, i: usize) -> bool {
    let denies = [
        "not bind",
        "not govern",
        "not control",
        "rather than controlling",
        "rather than binding",
        "persuasive",
        "persuades",
    ];
    if denies.iter().any(|d| lower.contains(d)) {
        return false;
    }
    let clause_start = lower[..i].rfind([';', ':', ',', '—', '(']).map_or(0, |p| p + 1);
    let words: Vec<&str> = lower[clause_start..i].split_whitespace().collect();
    let near = &words[words.len().saturating_sub(6)..];
    let negations = ["not", "no", "neither", "nor", "never", "without", "cannot"];
    if near.iter().any(|w| negations.contains(w) || w.ends_with("n’t") || w.ends_with("n't")) {
        return false;
    }
    let reported =
        ["whether", "which", "argues", "argue", "contends", "contend", "claims", "claim", "asserts", "says", "insists"];
    !near.iter().any(|w| reported.contains(w))
}

/// "governs", "binding", "controlling" said of an unmasking standard that does not bind here.
pub fn force_of_the_standard(built: &Built, body: &Body) -> CheckItem {
    let (text, pages) = (&body.text, &body.pages);
    let binds = standard_binds(built).unwrap_or(false);
    let settled = binds || built.profile.jurisdiction.standard_settled;
    let mut wrong = vec![];
    // The first page where the brief rightly says the standard governs or binds.
    let mut said: Option<usize> = None;
    const STANDARD: [&str; 9] =
        ["standard", "test", "factors", "Highfields", "Arista", "Dendrite", "Cahill", "Krinsky", "Mobilisa"];
    for (at, s) in sentences(text) {
        if !STANDARD.iter().any(|w| s.contains(w)) {
            continue;
        }
        let lower = s.to_lowercase();
        // The force word is said of a standard only where the standard is its subject: named in
        // the words of its own clause before it ("the Highfields test that does govern"), or in
        // the sentence's first clause ("The Highfields test, which …, governs"). "Hadley binds
        // this Court, and … a test developed by another state's courts" says it of a decision
        // (the Cook County user).
        let names_standard = |t: &str| STANDARD.iter().any(|w| t.contains(&w.to_lowercase()));
        let first_clause = &lower[..lower.find([';', ':', ',', '—', '(']).unwrap_or(lower.len())];
        for word in ["governs", "governing", "govern ", "binding", "binds", "controlling", "controls"] {
            let Some(i) = lower.find(word) else { continue };
            if !asserts_force(&lower, i) {
                continue;
            }
            let own_clause = &lower[lower[..i].rfind([';', ':', ',', '—', '(']).map_or(0, |p| p + 1)..i];
            if !names_standard(own_clause) && !names_standard(first_clause) {
                continue;
            }
            // Settled standards may be said to govern; only a binding one binds.
            let ok = if word.starts_with("govern") { settled } else { binds };
            if !ok {
                wrong.push(format!("page {}: “{}”", page_at(pages, at), clip(s)));
            } else if said.is_none() {
                said = Some(page_at(pages, at));
            }
            break;
        }
    }
    let j = &built.profile.jurisdiction;
    // Said to govern on the strength of an adopting decision nobody has read (the New York user:
    // "the Dendrite test governs" on a slip opinion the bank marks unverified): the decision the
    // word rests on is named, so the lawyer reads it before filing.
    let unread = j
        .standard_adopted_by
        .as_ref()
        .filter(|a| built.bank.get(&a.authority).is_some_and(|e| !crate::cite::status::status(e).is_verified()));
    if let (true, Some(page), Some(a)) = (wrong.is_empty(), said, unread) {
        return CheckItem {
            name: "force of the standard".into(),
            status: Status::Warn,
            detail: format!(
                "the brief says the {} standard governs here (page {page}) on the strength of `{}`, which the bank marks unverified: read the decision before filing",
                j.standard, a.authority
            ),
        };
    }
    CheckItem {
        name: "force of the standard".into(),
        status: if wrong.is_empty() { Status::Pass } else { Status::Fail },
        detail: if wrong.is_empty() {
            format!(
                "the brief calls the {} standard {} and no more",
                j.standard,
                if binds {
                    "binding"
                } else if settled {
                    "settled in this court, not binding,"
                } else {
                    "unsettled here, not governing or binding,"
                }
            )
        } else {
            format!(
                "the {} standard {} here, but the brief says: {}",
                j.standard,
                if settled { "is settled but does not bind" } else { "neither governs nor binds" },
                wrong.join("; ")
            )
        },
    }
}

/// A Federal Rule of Civil Procedure cited in a state court's brief.
pub fn federal_rules_in_state_court(built: &Built, body: &Body) -> Option<CheckItem> {
    if built.profile.jurisdiction.system != System::State {
        return None;
    }
    let (text, pages) = (&body.text, &body.pages);
    // The citation forms of the Federal Rules (a case name such as "In re Rule 45 Subpoenas" is
    // not a citation of the rule).
    let found: Vec<String> = ["Fed. R. Civ. P.", "Federal Rule of Civil Procedure", "Federal Rules of Civil Procedure"]
        .iter()
        .filter_map(|w| text.find(w).map(|i| format!("“{w}” on page {}", page_at(pages, i))))
        .collect();
    Some(CheckItem {
        name: "federal rules in a state court".into(),
        status: if found.is_empty() { Status::Pass } else { Status::Fail },
        detail: if found.is_empty() {
            "no Federal Rule is cited in this state-court brief".into()
        } else {
            format!("a state court's brief cites {}", found.join(", "))
        },
    })
}

/// The sections the court's rules require, found as headings in the typeset text.
pub fn required_sections(built: &Built, body: &Body) -> Option<CheckItem> {
    let required = &built.profile.required_sections;
    if required.is_empty() {
        return None;
    }
    let (text, pages) = (&body.text, &body.pages);
    let lower = text.to_lowercase();
    let missing: Vec<String> = required
        .iter()
        .filter(|r| !lower.contains(&r.heading.to_lowercase()))
        .map(|r| match &r.clause {
            Some(c) => format!("“{}” ({}; add the clause `{c}` to `brief:`)", r.heading, r.rule),
            None => format!("“{}” ({})", r.heading, r.rule),
        })
        .collect();
    // A section the rule starts on a page of its own: the line its heading is on is the first
    // line of a page, as typeset.
    let misplaced: Vec<String> = required
        .iter()
        .filter(|r| r.new_page)
        .filter_map(|r| {
            let at = lower.find(&r.heading.to_lowercase())?;
            let line = pages.iter().rposition(|(o, _)| *o <= at)?;
            let first_on_page = line == 0 || pages[line - 1].1 != pages[line].1;
            (!first_on_page).then(|| format!("“{}” ({}) does not begin a page", r.heading, r.rule))
        })
        .collect();
    let missing: Vec<String> = missing.into_iter().chain(misplaced).collect();
    Some(CheckItem {
        name: "required sections".into(),
        status: if missing.is_empty() { Status::Pass } else { Status::Fail },
        detail: if missing.is_empty() {
            format!(
                "present: {}",
                required.iter().map(|r| format!("{} ({})", r.heading, r.rule)).collect::<Vec<_>>().join(", ")
            )
        } else {
            format!("missing or misplaced: {}", missing.join("; "))
        },
    })
}

/// Each piece of evidence the movant offered is mentioned (by the words the matter names it with).
/// Read from the matter as written, so the check runs whichever clauses the outline selects (the
/// Oakland County user's brief argued the evidence in paragraphs of its own, and the validated
/// facts keep only what some clause reads).
pub fn offered_evidence(built: &Built, body: &Body) -> Option<CheckItem> {
    let written = built.matter.fact(&["evidence", "items"]).and_then(|v| serde_json::to_value(v).ok());
    let items = written.as_ref().and_then(|v| v.as_array())?;
    if items.is_empty() {
        return None;
    }
    let text = &body.text;
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().replace('\u{a0}', " ");
    let body = norm(text);
    // An item is named by its `what`, or after the first mention by its `noun` ("the
    // declaration"): either one in the text engages it.
    let named = |i: &serde_json::Value, key: &str| i.get(key).and_then(|w| w.as_str()).map(str::to_string);
    let missing: Vec<String> = items
        .iter()
        .filter_map(|i| named(i, "what").map(|w| (w, named(i, "noun"))))
        .filter(|(w, noun)| !body.contains(&norm(w)) && !noun.as_ref().is_some_and(|n| body.contains(&norm(n))))
        .map(|(w, _)| format!("“{w}”"))
        .collect();
    Some(CheckItem {
        name: "offered evidence engaged".into(),
        status: if missing.is_empty() { Status::Pass } else { Status::Fail },
        detail: if missing.is_empty() {
            format!("the brief addresses each of the {} pieces of evidence the movant offered", items.len())
        } else {
            format!("the brief never mentions {} (evidence.items)", missing.join(", "))
        },
    })
}

/// Decisions of this court or its circuit that the bank holds as going the resisting party's way
/// on some point (`supports:` without `against`) but with no page read for it (`pin: ""`): the
/// surveys leave them out, so that no sentence rests on a page nobody read, and the brief does
/// not cite them. Said here, so that nothing the bank knows of the court's own law is dropped
/// without a word (the Florida user's Eleventh Circuit district decision).
pub fn unpinned_own_decisions(built: &Built) -> Option<CheckItem> {
    let j = &built.profile.jurisdiction;
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    // The survey topics this brief's clauses read (`decisions["<topic>"]` in a selected clause or
    // any partial it may include), read from the clause files' text.
    let selected: std::collections::BTreeSet<&str> = built.drafted.iter().map(|d| d.clause.as_str()).collect();
    let texts: Vec<&str> = built
        .library
        .clause_files()
        .into_iter()
        .filter(|(id, _)| selected.contains(id.as_str()) || id.starts_with('_'))
        .map(|(_, src)| src.text.as_ref())
        .collect();
    let read = |topic: &str| texts.iter().any(|t| t.contains(&format!("decisions[\"{topic}\"]")));
    let mut left = vec![];
    for (id, (a, _)) in &built.bank.entries {
        if cited.contains(id.as_str())
            || !(j.is_own(a.court.as_deref(), reporter(a.cite())) || j.is_circuit(a.court.as_deref()))
        {
            continue;
        }
        let topics: Vec<&str> = a
            .supports
            .iter()
            .filter(|s| !s.against && s.pin.as_deref().is_none_or(|p| p.trim().is_empty()) && read(&s.topic))
            .map(|s| s.topic.as_str())
            .collect();
        if !topics.is_empty() {
            left.push(format!("{id} ({})", topics.join(", ")));
        }
    }
    (!left.is_empty()).then(|| CheckItem {
        name: "decisions left out for want of a page".into(),
        status: Status::Warn,
        detail: format!(
            "decisions of this court or its circuit that the bank holds, left out of the brief's surveys because no page of them was read: {}; read the page and give it as the `pin:` of the entry's `supports:` for the survey to cite it",
            left.join("; ")
        ),
    })
}

/// Where no binding decision settles the standard: whether the bank holds any decision of this
/// court or its circuit applying an unmasking standard (the brief says counsel found none when it
/// does not, and the lawyer must confirm it), which of them the brief cites, and which went the
/// other way (`against`), for the lawyer to weigh whether candor requires citing them.
pub fn own_decisions(built: &Built) -> Option<CheckItem> {
    let j = &built.profile.jurisdiction;
    // Where a binding decision settles the standard, only the candor question is left: a decision
    // of this court's own system that went the other way and that the brief does not cite
    // (audit S19: California's First District in *ZL Technologies*).
    let settled = standard_binds(built).unwrap_or(false) || j.standard_settled;
    let topics = ["unmasking-standard-applied", "highfields-applied"];
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    let (mut with_us, mut against, mut uncited, mut faced) = (vec![], vec![], vec![], vec![]);
    for (id, (a, _)) in &built.bank.entries {
        if !(j.is_own(a.court.as_deref(), reporter(a.cite())) || j.is_circuit(a.court.as_deref())) {
            continue;
        }
        let applied: Vec<_> = a.supports.iter().filter(|s| topics.contains(&s.topic.as_str())).collect();
        if applied.is_empty() {
            continue;
        }
        if applied.iter().all(|s| s.against) {
            if cited.contains(id.as_str()) {
                faced.push(id.clone());
            } else {
                against.push(id.clone());
            }
        } else if cited.contains(id.as_str()) {
            with_us.push(id.clone());
        } else {
            uncited.push(id.clone());
        }
    }
    // The candor sentence, in a settled court alone and beside the rest elsewhere.
    let candor = format!(
        "{} went against the party resisting disclosure (`against: true`) and {} not cited: weigh whether candor requires citing {}",
        against.join(", "),
        if against.len() == 1 { "is" } else { "are" },
        if against.len() == 1 { "it" } else { "them" }
    );
    if settled {
        return (!against.is_empty()).then(|| CheckItem {
            name: "this court's and its circuit's decisions".into(),
            status: Status::Warn,
            detail: candor,
        });
    }
    if with_us.is_empty() && against.is_empty() && uncited.is_empty() && faced.is_empty() {
        return Some(CheckItem {
            name: "this court's and its circuit's decisions".into(),
            status: Status::Warn,
            detail: format!(
                "the standard is not settled in {}, and the bank holds no decision of this court{} applying an unmasking standard; {} — or add the decisions to the bank with a `supports:` entry whose topic is `unmasking-standard-applied`",
                j.name,
                j.circuit.as_deref().map(|c| format!(" or of {c}")).unwrap_or_default(),
                match &j.searched {
                    Some(how) => format!("the brief says counsel found none (the profile's `searched`: {how}); confirm that it is still so"),
                    None => "the brief says nothing about them: search for them, and record how in the profile's `jurisdiction.searched` for the brief to say that counsel found none".to_string(),
                }
            ),
        });
    }
    let mut parts = vec![];
    if !with_us.is_empty() {
        parts.push(format!("the brief cites {}", with_us.join(", ")));
    }
    if !faced.is_empty() {
        parts.push(format!(
            "the brief cites {}, which went against the party resisting disclosure (`against: true`)",
            faced.join(", ")
        ));
    }
    if !uncited.is_empty() {
        parts.push(format!("the bank also holds {}, which the brief does not cite", uncited.join(", ")));
    }
    if !against.is_empty() {
        parts.push(candor);
    }
    Some(CheckItem {
        name: "this court's and its circuit's decisions".into(),
        status: if uncited.is_empty() && against.is_empty() { Status::Pass } else { Status::Warn },
        detail: format!("decisions of this court or its circuit applying an unmasking standard: {}", parts.join("; ")),
    })
}

/// The arguments the motion makes, as the matter lists them (`motion.arguments`).
fn motion_arguments(built: &Built) -> impl Iterator<Item = &serde_yaml::Value> {
    built.matter.fact(&["motion", "arguments"]).and_then(|v| v.as_sequence()).into_iter().flatten()
}

/// Decisions the bank marks as the movant's authority on an argument the motion makes
/// (`adverse:`) that the brief does not cite: *Immunomedics*, decided with *Dendrite* by the same
/// panel, let an employer unmask an employee said to have broken a confidentiality agreement (the
/// D. Utah audit: a brief that urges *Dendrite* against a `speaker-agreement` argument and never
/// mentions it). A warning, for the lawyer to read the decision and distinguish it or weigh
/// whether candor requires citing it.
pub fn adverse_to_arguments(built: &Built) -> Option<CheckItem> {
    let kinds: Vec<String> =
        motion_arguments(built).filter_map(|a| Some(a.get("kind")?.as_str()?.to_string())).collect();
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    let mut left = vec![];
    for (id, (a, _)) in &built.bank.entries {
        let on: Vec<&str> = a.adverse.iter().filter(|k| kinds.contains(k)).map(String::as_str).collect();
        if !on.is_empty() && !cited.contains(id.as_str()) {
            left.push(format!("{} (`{id}`), on `{}`", a.name.as_deref().unwrap_or(id), on.join("`, `")));
        }
    }
    // A bank answer (`adverse_answer`) prints only in a library section that answers the kind: where
    // a paragraph of the matter's own answers it instead, the answer is not printed, and the
    // lawyer is told so (the Philadelphia user: it "silently does nothing").
    let own: Vec<&String> = built
        .matter
        .outline()
        .into_iter()
        .filter_map(|(_, item)| item.paragraph.as_ref())
        .flat_map(|p| p.answers.iter())
        .collect();
    let mut unprinted = vec![];
    for (id, (a, _)) in &built.bank.entries {
        if a.adverse_answer.is_none() {
            continue;
        }
        for k in a.adverse.iter().filter(|k| kinds.contains(k) && own.contains(k)) {
            unprinted.push(format!("`{id}` on `{k}`"));
        }
    }
    let mut parts = vec![];
    if !left.is_empty() {
        parts.push(format!(
            "the bank marks as authority for the movant on an argument the motion makes, and the brief does not cite: {}; read it, and distinguish it or weigh whether candor requires citing it",
            left.join("; ")
        ));
    }
    if !unprinted.is_empty() {
        parts.push(format!(
            "the bank's `adverse_answer` for {} is not printed, because a paragraph of your own answers that argument: say it there",
            unprinted.join(", ")
        ));
    }
    (!parts.is_empty()).then(|| CheckItem {
        name: "the movant's authority".into(),
        status: Status::Warn,
        detail: parts.join("; also, "),
    })
}

/// A brief that argues want of proof of harm (`evidence.missing: [harm]`) for a claim over what
/// was said, under a law whose claim file says nothing of statements actionable per se (no
/// element is marked `excused_per_se`, the law states no `per_quod` rule, and its harm element
/// has no `note`) where the same kind
/// of claim knows the rule under another law. Most states presume
/// damages for a statement defamatory per se (one that injures a business in its trade, say), so
/// "no evidence of harm" may be no answer for such a statement (the Virginia user, S27: a review
/// saying a contractor kept a $9,000 deposit). A warning, for the lawyer to read the law.
pub fn harm_without_per_se(built: &Built) -> Option<CheckItem> {
    let missing = built.matter.fact(&["evidence", "missing"]).and_then(|v| v.as_sequence())?;
    if !missing.iter().any(|k| k.as_str() == Some("harm")) {
        return None;
    }
    let claims = built.matter.fact(&["underlying", "claims"]).and_then(|v| v.as_sequence())?;
    let mut silent = vec![];
    for c in claims {
        let field = |k: &str| c.get(k).and_then(|v| v.as_str());
        let (Some(kind), Some(law)) = (field("type"), field("law")) else { continue };
        if c.get("argued").and_then(|v| v.as_bool()) == Some(false) {
            continue;
        }
        let Some((t, _)) = built.library.claims.types.get(kind) else { continue };
        let Some(l) = t.laws.get(law) else { continue };
        let calls_for_harm = l.elements.iter().any(|e| e.proof.iter().any(|p| p == "harm"));
        // The file speaks to it where an element is excused for a per se statement, where the law
        // states what a statement outside the categories needs, or where its harm element carries
        // a note of what the law's courts hold of it (Pennsylvania's, Agriss).
        let knows_per_se = |l: &crate::library::claims::Law| {
            l.elements.iter().any(|e| e.excused_per_se || (e.note.is_some() && e.proof.iter().any(|p| p == "harm")))
                || l.per_quod.is_some()
        };
        // Only a kind of claim that knows the per se rule under some other law: a false-light
        // claim has no per se category anywhere.
        let kind_has_per_se = t.laws.values().any(knows_per_se);
        if t.content_based && calls_for_harm && kind_has_per_se && !knows_per_se(l) {
            silent.push(format!("{} under {} law (`{kind}`, `{law}`)", t.name, l.jurisdiction));
        }
    }
    (!silent.is_empty()).then(|| CheckItem {
        name: "harm and statements actionable per se".into(),
        status: Status::Warn,
        detail: format!(
            "the brief argues that nothing shows harm for {}, and that law's claim file says nothing of statements actionable per se (no element is marked `excused_per_se`, no `per_quod` rule is given, and the harm element has no `note` of what the law's courts hold of it); where the law presumes damages for a statement defamatory per se (in most states, one that injures the plaintiff in its trade or business), want of proof of harm is no answer for such a statement: read the governing law, then mark the element `excused_per_se: true` (and a statement outside the categories `not_per_se`), or take `harm` out of `evidence.missing`",
            silent.join("; ")
        ),
    })
}

/// A state code cited without the year of the code edition (Bluebook 12.3.2 asks for it; the
/// United States Code may omit it for the current edition): the Fulton County user's
/// "Ga. Code Ann. § 51-5-1(a)" with no year, which `check` listed only as unverified. A warning
/// naming each, read from the bank entries the brief cites.
pub fn state_code_years(built: &Built) -> Option<CheckItem> {
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    let missing: Vec<String> = cited
        .into_iter()
        .filter_map(|id| built.bank.get(id).map(|a| (id, a)))
        .filter(|(_, a)| a.kind == crate::library::bank::Kind::Statute && a.year.is_none())
        .filter(|(_, a)| !a.cite().contains("U.S.C."))
        .map(|(id, a)| format!("{} (`{id}`)", a.cite()))
        .collect();
    (!missing.is_empty()).then(|| CheckItem {
        name: "state codes' years".into(),
        status: Status::Warn,
        detail: format!(
            "cited without the year of the code edition: {}; Bluebook 12.3.2 gives a state code's year (and its publisher, for an unofficial code): give `year:` (and `publisher:`) from the volume or database you read",
            missing.join("; ")
        ),
    })
}

/// A decision of an appellate court cited as a slip opinion more than a year before the brief's
/// date: an appellate court's decisions are reported, and Bluebook 10.3.1 asks for the reporter
/// once there is one (the Virginia user, S27: *Yelp v. Hadeed*, decided in 2015, cited "slip op.").
/// The court is appellate where its abbreviation names a court of appeals ("9th Cir."), an
/// appellate division or court of appeals ("App."), or no trial court at all (a state's highest
/// court is its state's abbreviation alone, "Va."). A warning, for the lawyer to find the cite.
pub fn stale_slip_opinions(built: &Built) -> Option<CheckItem> {
    let brief = built.matter.document.date.0;
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    let mut stale = vec![];
    for id in cited {
        let Some(a) = built.bank.get(id) else { continue };
        if !a.cite().starts_with("slip op") {
            continue;
        }
        let Some(decided) = a.date.or(a.decided) else { continue };
        let court = a.court.as_deref().unwrap_or("");
        let words: Vec<&str> = court.split([' ', '.', '\'']).filter(|w| !w.is_empty()).collect();
        let trial = words.iter().any(|w| matches!(*w, "D" | "Super" | "Dist" | "Cnty" | "Ch" | "Sup"))
            || court.contains("Cir. Ct.");
        let appellate = !court.is_empty() && !trial;
        if appellate && (brief - decided.0).num_days() > 365 {
            stale.push(format!(
                "{} (`{id}`, {court}, {})",
                a.name.as_deref().unwrap_or(id),
                decided.0.format("%b. %-d, %Y")
            ));
        }
    }
    (!stale.is_empty()).then(|| CheckItem {
        name: "slip opinions".into(),
        status: Status::Warn,
        detail: format!(
            "cited as slip opinions, though an appellate court decided them more than a year before the brief: {}; an appellate court's decisions are reported, and Bluebook 10.3.1 cites the reporter (and, in a state court, the parallel cite its rules ask for): find it and give it as the entry's `cite:`",
            stale.join("; ")
        ),
    })
}

/// Two cases the brief cites that share a short name, where either is cited again in its short
/// form: "*Cahill*, 884 A.2d at 454" after both *Cahill v. Doe-Number One* and *Doe v. Cahill*
/// leaves the reader to tell them apart by volume (Bluebook 10.9; the W.D. Tex. audit, S24). A
/// warning naming both, for a `short:` of its own on one of them.
pub fn shared_short_names(built: &Built) -> Option<CheckItem> {
    use crate::library::bank::Kind;
    let mut by_short: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    for id in &cited {
        let Some(a) = built.bank.get(id).filter(|a| a.kind == Kind::Case) else { continue };
        by_short.entry(a.short_name()).or_default().push(id);
    }
    let short_used = |id: &str| built.uses.iter().any(|u| u.id == id && u.form == crate::cite::Form::Short);
    let clashes: Vec<String> = by_short
        .iter()
        .filter(|(_, ids)| ids.len() > 1 && ids.iter().any(|id| short_used(id)))
        .map(|(short, ids)| format!("“{short}” names {}", ids.join(" and ")))
        .collect();
    (!clashes.is_empty()).then(|| CheckItem {
        name: "short forms".into(),
        status: Status::Warn,
        detail: format!(
            "{}, and the brief cites one of them again by that name: give one a `short:` of its own in the bank (Bluebook 10.9)",
            clashes.join("; ")
        ),
    })
}

/// Authorities the matter declares under `authorities:` that the brief never cites.
pub fn matter_authorities(built: &Built) -> Option<CheckItem> {
    if built.matter.authorities.is_empty() {
        return None;
    }
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    let uncited: Vec<&str> =
        built.matter.authorities.keys().map(|s| s.as_str()).filter(|id| !cited.contains(id)).collect();
    Some(declared_note(
        "the matter's own authorities",
        "authorities",
        format!("all {} are cited", built.matter.authorities.len()),
        &uncited,
    ))
}

/// A note (never a failure) on what the matter declares under `key` and the brief never cites.
fn declared_note(name: &str, key: &str, all_cited: String, uncited: &[&str]) -> CheckItem {
    CheckItem {
        name: name.into(),
        status: Status::Pass,
        detail: if uncited.is_empty() {
            all_cited
        } else {
            format!("note: declared under `{key}:` but never cited: {}", uncited.join(", "))
        },
    }
}

/// A case named in the text, in italics by its short name, before the brief has cited it in
/// full (Bluebook 10.9: a short form, in a citation or in a textual sentence, only after the full
/// citation): "In _Solers_, the Court of Appeals …" three sentences before *Solers, Inc. v. Doe*,
/// 977 A.2d 941, or "_Abbas_ held …" before the citation that ends the sentence. The name of a
/// test ("the _Dendrite_ test") names the standard, not the decision, and is not one. Read from
/// the drafted text, clause by clause in reading order, against the first full citation's place.
pub fn named_before_cited(built: &Built) -> CheckItem {
    let bodies: Vec<String> = built.drafted.iter().map(|d| crate::escape::unescape(&d.body)).collect();
    let mut first_full: std::collections::BTreeMap<&str, (usize, usize)> = std::collections::BTreeMap::new();
    for u in &built.uses {
        if u.form == crate::cite::Form::Full {
            let e = first_full.entry(u.id.as_str()).or_insert((u.clause, u.at));
            *e = (*e).min((u.clause, u.at));
        }
    }
    // The drafted text is read unescaped, so offsets move; a full citation's place is taken as
    // its citation group's `[@id`, found in the unescaped text.
    let mut early = vec![];
    for (id, (clause, _)) in &first_full {
        let Some(auth) = built.bank.get(id) else { continue };
        if auth.kind != crate::library::bank::Kind::Case {
            continue;
        }
        let Some(short) = auth.short.as_deref() else { continue };
        // The name as emphasis opens it in the drafted text ("_Solers"), closed by `_` or `’`.
        let emphasized = crate::escape::emph(short);
        let mention = emphasized.strip_suffix('_').unwrap_or(&emphasized).to_string();
        let group = format!("@{id}");
        'clauses: for (i, body) in bodies.iter().enumerate().take(clause + 1) {
            let cite_at = if i == *clause {
                match body.find(&group).and_then(|g| body[..g].rfind('[')) {
                    Some(at) => at,
                    None => continue,
                }
            } else {
                body.len()
            };
            for (m, _) in body[..cite_at].match_indices(&mention) {
                let after = &body[m + mention.len()..];
                if !after.starts_with('_') && !after.starts_with('’') {
                    continue;
                }
                // The name of a test ("the _Highfields_ test", "the _Cahill_ standard") names the
                // standard, not the decision; a case named as a case ("In _Solers_, …", "_Abbas_
                // held …") is a short form even where its full citation ends the sentence.
                let rest = after.trim_start_matches(['_', '’', 's']).trim_start();
                if ["test", "standard", "factors", "framework", "balancing"].iter().any(|w| rest.starts_with(w)) {
                    continue;
                }
                early.push(format!("{short} (`{id}`)"));
                break 'clauses;
            }
        }
    }
    CheckItem {
        name: "case names before their citations".into(),
        status: if early.is_empty() { Status::Pass } else { Status::Warn },
        detail: if early.is_empty() {
            "no case is named by its short name before its full citation".into()
        } else {
            format!(
                "named in the text by its short name before the brief cites it in full: {} (Bluebook 10.9: give the full citation, or the full name, at the first mention)",
                early.join(", ")
            )
        },
    }
}

/// A circuit note that ties the choice of test to the kind of speech (`asks_speech`), printed in
/// the brief, while the matter never says what kind of speech this is (`speech_nature`): the
/// brief invokes the framework and never applies it (the W.D. Wash. audit counted it serious).
/// Read from the typeset body (the note's opening words) and the matter; a warning.
pub fn speech_nature(built: &Built, body: &Body) -> Option<CheckItem> {
    let note = built.profile.jurisdiction.circuit_note.iter().find(|n| n.asks_speech)?;
    let plain = note.text.replace('_', "");
    let opening: String = plain.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    if !body.text.contains(&opening) {
        return None;
    }
    let given = built.matter.fact(&["speech_nature"]).is_some();
    Some(CheckItem {
        name: "the kind of speech".into(),
        status: if given { Status::Pass } else { Status::Warn },
        detail: if given {
            "the brief says what kind of speech this is, as the circuit's note asks".into()
        } else {
            format!(
                "the brief says that {} ties the choice of test to the kind of speech, and never says what kind of speech this is: give `speech_nature` (`says`, `cite`), e.g. that the posts are neighbors' accounts of a practice and propose no commercial transaction",
                built.profile.jurisdiction.circuit.as_deref().unwrap_or("the circuit")
            )
        },
    })
}

/// A brief that faults the movant for giving the speakers no notice while it cites the client's
/// own privacy policy (which may promise notice) should say whether the client told them
/// (`client_notice`): a court will ask (audit M3 B5).
pub fn client_notice(built: &Built) -> Option<CheckItem> {
    let not_given = built.matter.fact(&["motion", "notice", "given"]).and_then(|v| v.as_bool()) == Some(false);
    let argues_notice = not_given && built.drafted.iter().any(|d| d.clause == "notice-and-statements");
    if !argues_notice {
        return None;
    }
    // The client holds notice back while the brief faults the movant for giving none: the reply
    // writes itself (the New York re-audit's S2), so the lawyer weighs notifying now.
    if built.matter.fact(&["client_notice", "given"]).and_then(|v| v.as_bool()) == Some(false) {
        return Some(CheckItem {
            name: "the client's own notice".into(),
            status: Status::Warn,
            detail: "the brief faults the movant for giving the speakers no notice while the client itself has not told them (`client_notice.given: false`): the reply will say the client could have; weigh notifying them now, or offering to on the Court's direction, and say which in `client_notice.says`".into(),
        });
    }
    // Otherwise asked only where the matter gives the client's own privacy policy.
    built.matter.fact(&["privacy_policy"])?;
    let given = built.matter.fact(&["client_notice"]).is_some();
    Some(CheckItem {
        name: "the client's own notice".into(),
        status: if given { Status::Pass } else { Status::Warn },
        detail: if given {
            "the brief says whether the client has told the speakers (`client_notice`)".into()
        } else {
            "the brief faults the movant for giving the speakers no notice, and the matter gives the client's own privacy policy, but the brief does not say whether the client has told them: add `client_notice` (given, says, cite)".into()
        },
    })
}

/// A paragraph of the matter's own that answers an argument of the motion (`answers: [kind]`)
/// but never cites the motion where it makes it: the library's answering sections open with the
/// argument in the lawyer's words and its cite; a paragraph that does not leaves the court to
/// guess what it answers (the Florida re-audit: "Part IV.B never states or cites the argument it
/// answers").
pub fn paragraphs_state_what_they_answer(built: &Built) -> Option<CheckItem> {
    let args: Vec<(String, String, String)> = motion_arguments(built)
        .filter_map(|a| {
            let kind = a.get("kind")?.as_str()?.to_string();
            let cite = a.get("cite")?;
            Some((kind, cite.get("doc")?.as_str()?.to_string(), cite.get("at")?.as_str().unwrap_or("").to_string()))
        })
        .collect();
    let mut silent = vec![];
    let mut any = false;
    for (_, item) in built.matter.outline() {
        let Some(p) = &item.paragraph else { continue };
        let Some(d) = built.drafted.iter().find(|d| d.clause == item.clause) else { continue };
        let body = crate::escape::unescape(&d.body);
        for (kind, doc, at) in args.iter().filter(|(k, _, _)| p.answers.contains(k)) {
            any = true;
            if !body.contains(&format!("@{doc}")) {
                silent.push(format!(
                    "`{}` answers `{kind}` but never cites the motion where it argues it ({doc} {at})",
                    item.clause
                ));
            }
        }
    }
    any.then(|| CheckItem {
        name: "your paragraphs' arguments".into(),
        status: if silent.is_empty() { Status::Pass } else { Status::Warn },
        detail: if silent.is_empty() {
            "each paragraph of your own that answers an argument cites the motion where it is made".into()
        } else {
            format!(
                "{}: open the paragraph with the argument and its cite, as the library's sections do (\"<Movant> argues that … [see @{} …].\")",
                silent.join("; "),
                args.first().map(|(_, d, _)| d.as_str()).unwrap_or("mot")
            )
        },
    })
}

/// Record documents the matter declares under `record:` that the brief never cites (a note: a
/// document declared for a later draft is no error, but a paralegal checks what the brief rests
/// on, and a motion declared and never cited is a citation the brief lacks).
pub fn record_documents(built: &Built) -> Option<CheckItem> {
    if built.matter.record.is_empty() {
        return None;
    }
    // Record citations are read by the cite stage from the drafted text (`[@compl ¶ 3]`); an id
    // is cited where `@id` appears there, ended by a character an id cannot hold.
    // (Template values reach the drafted text escaped, `hale\-decl`: read it unescaped.)
    let bodies: Vec<String> = built.drafted.iter().map(|d| crate::escape::unescape(&d.body)).collect();
    let cites = |id: &str| {
        let needle = format!("@{id}");
        bodies.iter().any(|body| {
            body.match_indices(&needle).any(|(i, _)| {
                body[i + needle.len()..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
            })
        })
    };
    let uncited: Vec<&str> = built.matter.record.keys().map(|s| s.as_str()).filter(|id| !cites(id)).collect();
    Some(declared_note(
        "the record",
        "record",
        format!("all {} documents under `record:` are cited", built.matter.record.len()),
        &uncited,
    ))
}

/// The brief's title against the motion's own name: the record document the matter cites for the
/// motion (`motion.cite`), its `full` name without where it was filed. A title that names the
/// motion otherwise ("… MOTION TO COMPEL COMPLIANCE WITH SUBPOENA" for "Motion to Compel Non-Party
/// Cascade Link Fiber, LLC to Comply with Subpoena") keeps the clerk and chambers from linking
/// the papers (the W.D. Wash. and Fulton County audits). A warning.
pub fn title_tracks_motion(built: &Built) -> Option<CheckItem> {
    let doc = built.matter.fact(&["motion", "cite", "doc"])?.as_str()?;
    let full = &built.matter.record.get(doc)?.full;
    let norm = |t: &str| -> String {
        t.to_lowercase()
            .replace(['’', '\''], "")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = norm(&built.matter.document.title);
    // The name alone: before where it was filed (", Dkt. 18", ", ECF No. 2") or its date ("(Nov. 9, 2026)").
    let name = full.split([',', '(']).next().unwrap_or(full);
    let motion_words = norm(name);
    let named = title.find("motion").map(|i| title[i..].to_string())?;
    let own = motion_words.find("motion").map(|i| motion_words[i..].to_string())?;
    let same = own.starts_with(&named) || named.starts_with(&own);
    Some(CheckItem {
        name: "the motion's name in the title".into(),
        status: if same { Status::Pass } else { Status::Warn },
        detail: if same {
            "the title names the motion as the record does".into()
        } else {
            format!(
                "the title names the motion “{}”, and the record names it “{}”: a title that tracks the motion's own name lets the clerk and chambers link the papers (`document.title`)",
                clip(&built.matter.document.title),
                clip(full)
            )
        },
    })
}

/// Where the court has no settled standard and the brief asks it to adopt one, a standard of the
/// library that binds the courts of the State whose law governs an argued claim, other than the
/// one the brief argues: a warning naming both, since a court choosing a test may look first to
/// the law the claims arise under (the E.D. Mo. audit: Arizona claims, Mobilisa never mentioned,
/// Dendrite argued without a word on why). Read from the matter's claims, the claim files'
/// jurisdictions and the standards' `binds`.
pub fn home_state_standard(built: &Built) -> Option<CheckItem> {
    let j = &built.profile.jurisdiction;
    if j.standard_settled || j.standard_adopted_by.is_some() {
        return None;
    }
    let mut found: Vec<(String, String)> = vec![];
    for (_, law) in crate::matter::consistency::argued_laws(&built.matter, &built.library.claims) {
        let state = &law.jurisdiction;
        for (id, st) in &built.library.standards.map {
            if id != &j.standard && st.binds.state.as_deref() == Some(state.as_str()) {
                let entry = (state.clone(), id.clone());
                if !found.contains(&entry) {
                    found.push(entry);
                }
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let argued_name = built.library.standards.map.get(&j.standard).map(|s| s.name.replace('_', "")).unwrap_or_default();
    let named: Vec<String> = found
        .iter()
        .map(|(state, id)| {
            let name = built.library.standards.map[id].name.replace('_', "");
            format!("claims under {state} law, whose courts are bound by {name} (`{id}`)")
        })
        .collect();
    Some(CheckItem {
        name: "the claims' own state's test".into(),
        status: Status::Warn,
        detail: format!(
            "the brief asks the Court to adopt {argued_name}, and argues {}: a court choosing a test may look first to the law the claims arise under; say why the test you argue is the better one, or argue that State's (`overrides: {{jurisdiction: {{standard: …}}}}`)",
            named.join("; ")
        ),
    })
}

/// Declarations and affidavits the brief cites with no place in the court's file (no `filed:`,
/// and no docket or filing locator in `full`): the reader cannot tell whether they were filed
/// with the motion or are filed with this brief (the W.D. Wash. and Fulton County audits: the
/// client's declaration "never identified as filed"). A warning naming each.
pub fn unplaced_declarations(built: &Built) -> Option<CheckItem> {
    let locators = ["Dkt.", "ECF", "Doc.", "Trans. ID", "filed", "Filed", "Ex.", "Exh."];
    // A declaration or an affidavit: a word of its name or short form that begins "Decl" or "Aff"
    // ("Declaration of …", "Whitcomb Decl.", "Affidavit of …"; not "Staff Report").
    let sworn = |t: &str| t.split_whitespace().any(|w| w.starts_with("Decl") || w.starts_with("Aff"));
    let unplaced: Vec<String> = built
        .matter
        .record
        .iter()
        .filter(|(_, r)| r.filed.is_none())
        .filter(|(_, r)| sworn(&r.full) || sworn(&r.short))
        .filter(|(_, r)| !locators.iter().any(|l| r.full.contains(l)))
        .map(|(id, r)| format!("`{id}` ({})", clip(&r.full)))
        .collect();
    (!unplaced.is_empty()).then(|| CheckItem {
        name: "declarations placed in the file".into(),
        status: Status::Warn,
        detail: format!(
            "{}: cited with no place in the court's file; say where each is (`filed: ECF No. …`, or `filed: filed herewith` for one filed with this brief)",
            unplaced.join("; ")
        ),
    })
}

fn clip(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 140 {
        format!("{}…", s.chars().take(140).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The outline's form: a section divided into a single subsection ("IV.A" with a "IV.A.1" and no
/// "IV.A.2"; a heading divides what it heads into two or more), and a section the roadmap above
/// it announces only as taking up "a further point" (a paragraph of the matter's own with neither
/// `roadmap:` nor `answers:`). Read from the drafted headings and text (the Maryland audit: a lone
/// IV.A.1 and two placeholder roadmap sentences). `None` when the outline has no subsections.
pub fn outline_form(built: &Built) -> Option<CheckItem> {
    let drafted = &built.drafted;
    if drafted.iter().all(|d| d.level <= 1) {
        return None;
    }
    let mut problems = vec![];
    for (i, d) in drafted.iter().enumerate() {
        let children: Vec<&crate::draft::DraftedClause> =
            drafted[i + 1..].iter().take_while(|c| c.level > d.level).filter(|c| c.level == d.level + 1).collect();
        if let [only] = children.as_slice() {
            problems.push(format!(
                "Part {} has a single subsection, {} (`{}`): fold it into Part {} or divide Part {} into two or more",
                d.reference, only.reference, only.clause, d.reference, d.reference
            ));
        }
        // Headings of one level in one style: the library writes a third-level heading as a
        // sentence ending in a full stop, and a lawyer's paragraph beside it in title case
        // stands out (the Maryland user's nested outline, S25).
        let plain = |c: &crate::draft::DraftedClause| crate::escape::plain(&c.heading).trim().to_string();
        let sentence = children.iter().find(|c| plain(c).ends_with('.'));
        let title = children.iter().find(|c| !plain(c).ends_with('.'));
        if let (Some(s), Some(t)) = (sentence, title) {
            problems.push(format!(
                "Part {}'s subsections mix headings written as sentences ({} “{}”) with headings that are not ({} “{}”): write each `heading:` of your own at that level as the others are",
                d.reference,
                s.reference,
                plain(s),
                t.reference,
                plain(t)
            ));
        }
    }
    const PLACEHOLDER: &str = " takes up a further point";
    for d in drafted {
        for (at, _) in d.body.match_indices(PLACEHOLDER) {
            // The body is Typst markup: "Part IV\.E".
            let part = crate::escape::unescape(d.body[..at].rsplit("Part ").next().unwrap_or("").trim());
            if let Some(s) = drafted.iter().find(|s| s.reference == part) {
                problems.push(format!(
                    "the roadmap announces Part {part} (`{}`) only as taking up a further point: give it `roadmap:` (what it shows)",
                    s.clause
                ));
            }
        }
    }
    Some(CheckItem {
        name: "outline form".into(),
        status: if problems.is_empty() { Status::Pass } else { Status::Warn },
        detail: if problems.is_empty() {
            "every divided section has two or more subsections, and the roadmaps say what each section does".into()
        } else {
            problems.join("; ")
        },
    })
}

/// A citation printed as written ("[@ocga-9-11-26(b)(1)]" in the typeset text): a matter field
/// that prints its words literally holds citation syntax, so the reader sees the brackets and no
/// authority is cited (the Fulton County user). A failure naming the page, read from the typeset
/// body.
pub fn citations_printed_as_written(body: &Body) -> Option<CheckItem> {
    let (text, pages) = (&body.text, &body.pages);
    let mut found: Vec<String> = vec![];
    let mut from = 0;
    while let Some(at) = text[from..].find("[@").map(|i| i + from) {
        // Through the closing bracket, or the next forty characters where none follows (counted
        // in characters, so a slice never falls inside one).
        let rest = &text[at..];
        let shown: String = match rest.find(']') {
            Some(e) => rest[..=e].to_string(),
            None => rest.chars().take(40).collect(),
        };
        let entry = format!("“{shown}” on body page {}", page_at(pages, at));
        if !found.contains(&entry) {
            found.push(entry);
        }
        from = at + 2;
    }
    (!found.is_empty()).then(|| CheckItem {
        name: "citations printed as written".into(),
        status: Status::Fail,
        detail: format!(
            "{}: the field that holds it prints its words as written and cites nothing; cite the authority where the text takes citations (a paragraph of your own; an argument's or an evidence item's `says`; `falls_short`), or write it as words",
            found.join("; ")
        ),
    })
}

/// A citation typed as plain words in the brief's text rather than in pleader's citation syntax
/// ("the Cable Communications Policy Act, 47 U.S.C. § 551(c)(2)(B), authorizes …" in a paragraph
/// of the matter's own, or in the words a fact supplies): it prints, but it is no citation, so
/// the table of authorities leaves its page out and the cite-check sheet never lists it (the
/// W.D. Tex. audit, S24: "47 U.S.C. § 551 …… 6" where the statute was cited on page 5 as well).
/// Read from the drafted text with the citation groups taken out; a reporter citation is
/// recognised by reporters-db's reporters, the rest by their fixed words (U.S.C., C.F.R., the
/// Federal Rules, WL). A warning naming each citation and the section it is in.
pub fn plain_citations(built: &Built) -> Option<CheckItem> {
    let paragraphs: std::collections::BTreeSet<&str> = built
        .matter
        .outline()
        .into_iter()
        .filter(|(_, item)| item.paragraph.is_some())
        .map(|(_, item)| item.clause.as_str())
        .collect();
    let mut found: Vec<String> = vec![];
    let mut from_facts = false;
    for d in &built.drafted {
        for cite in plain_cites(&prose(&d.body)) {
            let own = paragraphs.contains(d.clause.as_str());
            from_facts |= !own;
            let place = if own {
                format!("the paragraph `{}`", d.clause)
            } else {
                format!("the section `{}` (words the matter supplies)", d.clause)
            };
            let entry = format!("“{cite}” in {place}");
            if !found.contains(&entry) {
                found.push(entry);
            }
        }
    }
    (!found.is_empty()).then(|| CheckItem {
        name: "citations written as plain text".into(),
        status: Status::Warn,
        detail: format!(
            "{}: printed as words, not cited, so the table of authorities leaves out their pages and the cite-check sheet does not list them; write each as `[@id …]` (the bank's id) where the text takes citations (a paragraph of your own; an evidence item's `says` and `falls_short`){}",
            found.join("; "),
            if from_facts {
                ", and leave a citation out of other facts' words, citing the authority in the section that answers it"
            } else {
                ""
            }
        ),
    })
}

/// The citations in `text` written as plain words: reporter citations ("879 A.2d 943", with a
/// reporter reporters-db knows), Westlaw citations, and the United States Code, the Code of
/// Federal Regulations and the Federal Rules of Civil and Appellate Procedure and of Evidence,
/// each with the section or rule number that follows.
fn plain_cites(text: &str) -> Vec<String> {
    use crate::cite::reference;
    let mut out = vec![];
    let bytes = text.as_bytes();
    let mut i = 0;
    'scan: while i < bytes.len() {
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.');
        if boundary && bytes[i].is_ascii_digit() {
            let rest = &text[i..];
            if let Some((_, number)) = reference::westlaw(rest) {
                let end = rest.find(number).map_or(0, |at| at + number.len());
                out.push(rest[..end].to_string());
                i += end.max(1);
                continue;
            }
            if let Some(p) = reference::parse_cite(rest).filter(|p| p.page.chars().any(|c| c.is_ascii_digit())) {
                out.push(rest[..p.end].trim().to_string());
                i += p.end.max(1);
                continue;
            }
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            for code in [" U.S.C. §", " C.F.R. §"] {
                if rest[digits..].starts_with(code) {
                    let end = digits + code.len() + section_len(&rest[digits + code.len()..]);
                    out.push(rest[..end].trim().to_string());
                    i += end;
                    continue 'scan;
                }
            }
        } else if boundary && bytes[i].is_ascii_uppercase() {
            // A state's rules, code or statutes: "Md. Rule 2-311(f)", "Tex. R. Civ. P. 202.1",
            // "Md. Code Ann., Cts. & Jud. Proc. § 5-105" (a state T10 abbreviates, then the
            // words that name its rules or code, then the number).
            let rest = &text[i..];
            // The abbreviation, or the name written out ("Maryland Rule 2-510").
            let state = crate::cite::verify::names::T10
                .iter()
                .flat_map(|(name, abbr)| [*name, *abbr])
                .filter(|abbr| rest.starts_with(abbr) && rest[abbr.len()..].starts_with(' '))
                .max_by_key(|abbr| abbr.len());
            if let Some(abbr) = state {
                let after = &rest[abbr.len() + 1..];
                let named = ["Rule ", "R. ", "R.C.P. ", "Code ", "Gen. Laws ", "Rev. Stat. ", "Stat. ", "Comp. Laws "]
                    .iter()
                    .any(|w| after.starts_with(w));
                if named {
                    // The number: after "§" where there is one (within the code's name), else
                    // the first number after the rule's words.
                    let window: String = after.chars().take(70).collect();
                    let at = window
                        .find('§')
                        .map(|p| p + '§'.len_utf8())
                        .or_else(|| window.find(|c: char| c.is_ascii_digit()));
                    if let Some(at) = at {
                        let n = section_len(&after[at..]);
                        if n > 0 {
                            let end = abbr.len() + 1 + at + n;
                            out.push(rest[..end].trim().to_string());
                            i += end;
                            continue 'scan;
                        }
                    }
                }
            }
        }
        if boundary && bytes[i] == b'F' {
            let rest = &text[i..];
            for rules in ["Fed. R. Civ. P.", "Fed. R. App. P.", "Fed. R. Evid.", "Fed. R. Crim. P."] {
                let n = rest.strip_prefix(rules).map_or(0, section_len);
                if n > 0 {
                    out.push(rest[..rules.len() + n].trim().to_string());
                    i += rules.len() + n;
                    continue 'scan;
                }
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The length of a section or rule number at the start of `s` (after spaces): "551(c)(2)(B)",
/// "45(d)(2)(B)(i)", "2.35"; 0 where no number follows.
fn section_len(s: &str) -> usize {
    let lead = s.len() - s.trim_start_matches([' ', '\u{a0}']).len();
    let body = &s[lead..];
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return 0;
    }
    let mut end = 0;
    let mut depth = 0;
    for (at, c) in body.char_indices() {
        match c {
            '0'..='9' | 'a'..='z' | 'A'..='Z' | '-' => {}
            '.' if body[at + 1..].starts_with(|c: char| c.is_ascii_digit()) => {}
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ => break,
        }
        end = at + c.len_utf8();
    }
    lead + end
}

/// The first place in a drafted body where a sentence runs into the next with no space
/// ("fail.A lower"): two lower-case letters, a full stop, and a capital followed by a lower-case
/// letter or a space. Citation groups are left out (a pin such as "Id.§" is not prose).
pub fn run_on(body: &str) -> Option<String> {
    let chars: Vec<char> = prose(body).chars().collect();
    for i in 2..chars.len().saturating_sub(2) {
        if matches!(chars[i], '.' | '?' | '!')
            && chars[i - 1].is_lowercase()
            && chars[i - 2].is_lowercase()
            && chars[i + 1].is_uppercase()
            && (chars[i + 2].is_lowercase() || chars[i + 2] == ' ')
        {
            let from = i.saturating_sub(20);
            let to = (i + 20).min(chars.len());
            return Some(chars[from..to].iter().collect());
        }
    }
    None
}

/// A sentence run into the next in the drafted text ("… later fail.A lower threshold …"): a
/// warning naming the section, for the clause's maintainer (the D. Or. user, S25).
pub fn run_on_sentences(built: &Built) -> Option<CheckItem> {
    let found: Vec<String> =
        built.drafted.iter().filter_map(|d| run_on(&d.body).map(|j| format!("“{j}” in `{}`", d.clause))).collect();
    (!found.is_empty()).then(|| CheckItem {
        name: "sentences run together".into(),
        status: Status::Warn,
        detail: format!("no space between two sentences: {}", found.join("; ")),
    })
}

/// A pinned citation of a case with a parallel citation whose page in the parallel reporter the
/// bank does not record (`parallel_pins`): Bluebook 10.3.1 pins a parallel citation in both
/// reporters ("321 Or. 532, 535, 901 P.2d 841, 843"; the D. Or. user, S25). A warning naming each.
pub fn parallel_pins(built: &Built) -> Option<CheckItem> {
    let mut missing: Vec<String> = vec![];
    for u in &built.uses {
        let (Some(pin), Some(a)) = (u.pin.as_deref(), built.bank.get(&u.id)) else { continue };
        let has_parallel = a.parallel.as_deref().is_some_and(|p| !p.trim().is_empty());
        if !has_parallel || crate::cite::forms::is_neutral(a.cite()) || a.parallel_pins.contains_key(pin.trim()) {
            continue;
        }
        let entry = format!("{} at {pin}", u.id);
        if !missing.contains(&entry) {
            missing.push(entry);
        }
    }
    (!missing.is_empty()).then(|| CheckItem {
        name: "parallel pins".into(),
        status: Status::Warn,
        detail: format!(
            "pinned in the first reporter only: {}; record each pin's page in the parallel reporter in the bank entry's `parallel_pins:` (\"535\": \"843\")",
            missing.join(", ")
        ),
    })
}

/// A drafted body's prose: its citation groups blanked out (the same length, so nothing joins
/// across them) and the Typst escapes taken off.
fn prose(body: &str) -> String {
    let mut text = body.to_string();
    for (range, _) in crate::cite::syntax::groups(body) {
        text.replace_range(range.clone(), &" ".repeat(range.len()));
    }
    crate::escape::unescape(&text)
}

#[cfg(test)]
mod tests {
    use super::{asserts_force, sentences};

    fn asserts(s: &str, word: &str) -> bool {
        let lower = s.to_lowercase();
        asserts_force(&lower, lower.find(word).unwrap())
    }

    #[test]
    fn a_force_word_asserts_force_only_where_nothing_denies_reports_or_asks_it() {
        assert!(asserts("The Dendrite test governs here.", "governs"));
        assert!(asserts("That decision is binding on this Court.", "binding"));
        assert!(asserts("Courts in this District apply the controlling Highfields test.", "controlling"));
        // Denied, in the sentence or just before the word.
        assert!(!asserts(
            "It does not bind this Court, though the Dendrite test governs in the state's courts.",
            "governs"
        ));
        assert!(!asserts("The decision is persuasive rather than controlling authority on the test.", "controlling"));
        assert!(!asserts("No decision that binds this Court prescribes the test.", "binds"));
        assert!(!asserts("The test is not binding here.", "binding"));
        assert!(!asserts("The standard neither governs nor binds here.", "governs"));
        // Reported, or asked.
        assert!(!asserts("Dr. Alvarez argues that state law governs the test.", "governs"));
        assert!(!asserts("Neither court has decided which test governs.", "governs"));
        assert!(!asserts("The question is whether the standard binds this Court.", "binds"));
    }

    #[test]
    fn sentences_split_after_periods_but_not_after_abbreviations() {
        let t = "See Arista Recs., LLC v. Doe 3, 604 F.3d 110 (2d Cir. 2010). The test governs. Why? Because.";
        let s: Vec<&str> = sentences(t).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            s,
            ["See Arista Recs., LLC v. Doe 3, 604 F.3d 110 (2d Cir. 2010).", "The test governs.", "Why?", "Because."]
        );
    }
}
