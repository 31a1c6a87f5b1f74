//! Cross-field checks of a matter against itself and its court profile (part of stage 2,
//! [`super::validate`]): values each well-formed on their own that together would print a wrong
//! brief. Each is an error (or, where the brief is still right but not in the court's form, a
//! warning) at the matter's own line. The rules, as the README's matter-file section states them:
//!
//! - the hearing is on or after the brief's date, and the motion it answers was filed
//!   (`facts.early_discovery.motion_date`) on or before it. The build never reads the clock: a
//!   brief dated more than [`AHEAD_DAYS`] days after today is a warning only where the caller
//!   says what day today is ([`dated_ahead`]; the command line does, the PDF never depends on it);
//! - the first challenged statement's publication (`deadline.first_published`), the subpoena's
//!   service, the objections' service, the motion's filing and the brief's date fall in that
//!   order, the return date is on or after service, and the motion's delay is given as the two
//!   dates or as `motion.delay` (exactly one);
//! - `division:` is one the profile lists under `divisions:` (where the profile prints the
//!   division), and `county:` one it lists (where its court title names the county); a profile
//!   that lists none accepts any value and prints it as written;
//! - `motion.needs_identities_to_proceed` comes with `needs_identities_cite` (a warning: the brief
//!   would characterise the motion without a cite); an `early_discovery.unopposed` request that
//!   the brief names (`request`, not ex parte) comes with `unopposed_cite` (a warning: without it
//!   the brief does not say that no one opposed it);
//! - no two parties share a `name` or a `short` name;
//! - `deadline.first_published` comes with its `first_published_cite`, and `deadline.runs` with its
//!   `runs_cite` (and, a warning, after the brief's date);
//! - `facts.account`'s words have plurals the brief can print: given (`nouns`, `users`,
//!   `verb_plural`) or formed by rule, else an error at the word (never "mailboxs");
//! - a company movant (`pronoun: it`) lists no claim in `facts.underlying.claims` that only a
//!   natural person can bring (the claim file's `natural_persons_only`), an error at the claim;
//! - the caption's form is whole: `in-re` has its `text:` and no `parties:`, `parties` has no
//!   `text:`; a court that captions the underlying action (`caption.underlying_parties`) gets a
//!   warning when the matter gives no caption of its own.

use crate::diag::{Diagnostic, SourceText};
use crate::library::claims::Claims;
use crate::library::court::Profile;
use crate::matter::{CaptionForm, Matter, Pronoun};
use crate::yaml::tree::Node;

/// The span of a key path in the matter's tree (`["document", "hearing", "date"]`): the deepest
/// key written, so a flow mapping (`hearing: {date: …}`) is found too.
fn span_of(root: Option<&Node>, path: &[&str]) -> std::ops::Range<usize> {
    let mut node = root;
    let mut span = 0..0;
    for key in path {
        match node.and_then(|n| n.get(key)) {
            Some(e) => {
                span = e.key_span.clone();
                node = Some(&e.value);
            }
            None => break,
        }
    }
    span
}

/// Whether the list fact at `path` (`meet_and_confer.objections`) holds `value`.
fn fact_lists(matter: &Matter, path: &[&str], value: &str) -> bool {
    matter.fact(path).and_then(|v| v.as_sequence()).is_some_and(|list| list.iter().any(|v| v.as_str() == Some(value)))
}

/// The items of the sequence at a key path in the matter's tree (`["facts", "statements"]`), or
/// none where the path is missing or holds something else (the fact check's error).
fn seq_at<'a>(root: Option<&'a Node>, path: &[&str]) -> &'a [Node] {
    let mut node = root;
    for key in path {
        node = node.and_then(|n| n.get(key)).map(|e| &e.value);
    }
    match node.map(|n| &n.kind) {
        Some(crate::yaml::tree::Kind::Seq(items)) => items,
        _ => &[],
    }
}

/// Whether a matter's division names a listed one: "San Jose" or "San Jose Division", any case.
pub fn listed(value: &str, list: &[String]) -> bool {
    // "Portland Division" matches a list that says "Portland" or "Portland Division" (the D. Or.
    // user's profile listed the full names, and the error then suggested the name it refused).
    let bare = |s: &str| {
        let v = s.trim().to_lowercase();
        // "Seattle" matches a list that says "at Seattle" (W.D. Wash.'s "AT SEATTLE").
        let v = v.strip_prefix("at ").unwrap_or(&v).to_string();
        let v = v.strip_suffix(" division").unwrap_or(&v).trim().to_string();
        v.strip_suffix(" county").unwrap_or(&v).trim().to_string()
    };
    let v = bare(value);
    list.iter().any(|d| bare(d) == v)
}

/// The dates of the subpoena and the motion, in the order they must fall: (path, what it is).
const TIMELINE: [(&[&str], &str); 6] = [
    (&["deadline", "first_published"], "the first challenged statement's publication"),
    (&["subpoena", "served"], "the subpoena's service"),
    (&["meet_and_confer", "objections_served"], "the objections' service"),
    (&["motion", "filed"], "the motion's filing"),
    (&["motion", "served"], "the motion's service on the client"),
    (&["document", "date"], "the brief's date"),
];

/// The timeline's rules (written in `clauses/_facts.yaml` beside each date): service, objections,
/// motion and brief fall in that order, the return date is on or after service, and the motion's
/// delay is given either as the two dates or as `motion.delay`, never both or neither.
fn timeline(matter: &Matter, src: &SourceText, root: Option<&Node>, states_delay: bool, errors: &mut Vec<Diagnostic>) {
    let date_at = |path: &[&str]| -> Option<chrono::NaiveDate> {
        if path == ["document", "date"] {
            return Some(matter.document.date.0);
        }
        matter.fact(path).and_then(|v| v.as_str()).and_then(|s| crate::units::parse_date(s).ok())
    };
    let fact_span = |path: &[&str]| {
        if path[0] == "document" {
            span_of(root, path)
        } else {
            let mut full = vec!["facts"];
            full.extend_from_slice(path);
            span_of(root, &full)
        }
    };
    let given: Vec<(&[&str], &str, chrono::NaiveDate)> =
        TIMELINE.iter().filter_map(|(p, what)| date_at(p).map(|d| (*p, *what, d))).collect();
    // A date before the one it must follow: an error at the later one, naming the earlier.
    let out_of_order = |(lp, lwhat, later): (&[&str], &str, chrono::NaiveDate),
                        (ep, ewhat, earlier): (&[&str], &str, chrono::NaiveDate),
                        hint: String| {
        Diagnostic::error(format!(
            "{lwhat} ({}) is before {ewhat} ({})",
            later.format("%Y-%m-%d"),
            earlier.format("%Y-%m-%d")
        ))
        .at(src, fact_span(lp))
        .with_secondary(fact_span(ep), ewhat)
        .with_hint(hint)
    };
    for pair in given.windows(2) {
        if pair[1].2 < pair[0].2 {
            let order = TIMELINE.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(", ");
            errors.push(out_of_order(
                pair[1],
                pair[0],
                format!("the dates fall in this order: {order}; correct one of them"),
            ));
        }
    }
    let served = date_at(&["subpoena", "served"]);
    if let (Some(served), Some(ret)) = (served, date_at(&["subpoena", "return_date"])) {
        if ret < served {
            errors.push(out_of_order(
                (&["subpoena", "return_date"], "the subpoena's return date", ret),
                (&["subpoena", "served"], "its service", served),
                "a subpoena sets its compliance date after it is served; correct one of the dates".to_string(),
            ));
        }
    }
    let dates = date_at(&["meet_and_confer", "objections_served"]).is_some() && date_at(&["motion", "filed"]).is_some();
    let delay = matter.fact(&["motion", "delay"]).is_some();
    if (states_delay || delay) && dates == delay {
        let (message, at, hint) = if dates {
            (
                "`motion.delay` is given with the dates it would state",
                fact_span(&["motion", "delay"]),
                "the brief computes the days from `meet_and_confer.objections_served` and `motion.filed`: remove `delay:`",
            )
        } else {
            (
                "the matter does not say when the motion was filed",
                fact_span(&["motion"]),
                "give `meet_and_confer.objections_served` and `motion.filed` (the brief states the days between them), \
                 or `motion.delay` as prose, e.g. `delay: six weeks`",
            )
        };
        errors.push(Diagnostic::error(message).at(src, at).with_hint(hint));
    }
}

/// How many days after today a brief may be dated before [`dated_ahead`] warns: a brief is often
/// finished and dated for its filing a few days later, never weeks.
pub const AHEAD_DAYS: i64 = 7;

/// A warning at `document.date` when the brief is dated more than [`AHEAD_DAYS`] days after
/// `today`. The caller supplies today (the command line reads the clock, or `PLEADER_TODAY`), so
/// that validation and the PDF never depend on the clock.
pub fn dated_ahead(matter: &Matter, src: &SourceText, today: chrono::NaiveDate) -> Option<Diagnostic> {
    let date = matter.document.date;
    let days = (date.0 - today).num_days();
    if days <= AHEAD_DAYS {
        return None;
    }
    let tree = crate::yaml::tree::parse(&src.text);
    let at = span_of(tree.as_ref(), &["document", "date"]);
    Some(
        Diagnostic::warning(format!(
            "the brief is dated {}, {days} days after today ({})",
            date.long(),
            crate::units::long_date(today)
        ))
        .at(src, at)
        .with_hint(format!(
            "`document.date` is the day the brief is signed and filed (the signature block prints it); a brief dated \
             more than {AHEAD_DAYS} days ahead is usually a mistyped year or day. Today is the system clock's date \
             (UTC), or `PLEADER_TODAY` (YYYY-MM-DD) when set"
        )),
    )
}

/// The argued claims of `facts.underlying.claims`, each with its type id and its law in the claim
/// files.
pub(crate) fn argued_laws<'a>(matter: &Matter, claims: &'a Claims) -> Vec<(String, &'a crate::library::claims::Law)> {
    let seq = matter.fact(&["underlying", "claims"]).and_then(|v| v.as_sequence()).cloned().unwrap_or_default();
    seq.iter()
        .filter(|c| c.get("argued").and_then(|v| v.as_bool()) == Some(true))
        .filter_map(|c| {
            let text = |k: &str| c.get(k).and_then(|v| v.as_str());
            let ty = text("type")?;
            Some((ty.to_string(), claims.get(ty)?.laws.get(text("law")?)?))
        })
        .collect()
}

/// A statement's `not_per_se` that no sentence of the brief would use. It is used where an argued
/// claim's law excuses proof of harm for a statement defamatory per se (`excused_per_se`: the
/// mark keeps harm argued), and where the motion calls the statements defamatory per se (an
/// argument with `per_se: true`) and an argued claim's law says what a statement outside its per
/// se categories needs (`per_quod`). A warning at each other `not_per_se`, saying which is
/// missing, rather than a reason silently dropped.
fn unused_not_per_se(matter: &Matter, src: &SourceText, root: Option<&Node>, claims: &Claims) -> Vec<Diagnostic> {
    let statements: Vec<_> =
        seq_at(root, &["facts", "statements"]).iter().filter_map(|i| i.get("not_per_se")).collect();
    if statements.is_empty() {
        return vec![];
    }
    // `not_per_se` completes "The <post> that says “…” ___": one written as a noun phrase ("a
    // turnover figure imputes …") prints as "… says “Turnover is 80% a year” a turnover figure
    // imputes …" (the N.D. Ga. user's, after the release that first printed it).
    let mut out: Vec<Diagnostic> = statements
        .iter()
        .filter(|e| match &e.value.kind {
            crate::yaml::tree::Kind::Scalar { text, .. } => {
                let t = text.trim_start().to_lowercase();
                ["a ", "an ", "the ", "this ", "that ", "it "].iter().any(|w| t.starts_with(w))
            }
            _ => false,
        })
        .map(|e| {
            Diagnostic::warning(
                "`not_per_se` completes \"The <post> that says “…” ___\": this one begins like a sentence of its own, so the brief would print the statement's words followed by it",
            )
            .at(src, e.value.span.clone())
            .with_hint("begin with what the statement does or does not do: \"imputes no crime: a frozen account, by itself, says nothing about what its holder did\"")
        })
        .collect();
    let laws = argued_laws(matter, claims);
    if laws.iter().any(|(_, l)| l.elements.iter().any(|e| e.excused_per_se)) {
        return out;
    }
    let seq = |path: &[&str]| matter.fact(path).and_then(|v| v.as_sequence()).cloned().unwrap_or_default();
    let argued_per_se =
        seq(&["motion", "arguments"]).iter().any(|a| a.get("per_se").and_then(|v| v.as_bool()) == Some(true));
    let law_says = laws.iter().any(|(_, l)| l.per_quod.is_some());
    let missing = match (argued_per_se, law_says) {
        (true, true) => return out,
        (false, _) => "no argued claim's law excuses proof of harm for a statement defamatory per se, and no argument of the motion says `per_se: true`",
        (true, false) => "no argued claim's law excuses proof of harm for a statement defamatory per se or says what a statement outside its per se categories needs (`per_quod` in its claim file)",
    };
    out.extend(statements.into_iter().map(|e| {
        Diagnostic::warning(format!("the brief will not use this `not_per_se`: {missing}"))
            .at(src, e.key_span.clone())
            .with_hint(
                "the per se label is answered statement by statement only where the motion uses it and the \
                     governing law states what a statement outside its categories needs",
            )
    }));
    out
}

/// `evidence.missing` lists harm (or causation), and an argued claim's law asks for it only of a
/// statement outside its per se categories (`excused_per_se`), and no statement of fact that claim
/// rests on is marked `not_per_se`: the brief does not argue the want of harm for that claim (a
/// statement that injures on its face needs no proof of it), and says so here rather than drop the
/// listed showing silently.
fn harm_excused_per_se(matter: &Matter, src: &SourceText, root: Option<&Node>, claims: &Claims) -> Vec<Diagnostic> {
    let listed: Vec<&str> =
        ["harm", "causation"].into_iter().filter(|k| fact_lists(matter, &["evidence", "missing"], k)).collect();
    if listed.is_empty() {
        return vec![];
    }
    let statements = matter.fact(&["statements"]).and_then(|v| v.as_sequence()).cloned().unwrap_or_default();
    let pleaded_per_se = |ty: &str| {
        matter.fact(&["underlying", "claims"]).and_then(|v| v.as_sequence()).into_iter().flatten().any(|c| {
            c.get("type").and_then(|v| v.as_str()) == Some(ty)
                && c.get("per_se").and_then(|v| v.as_bool()) == Some(true)
        })
    };
    let marked = |ty: &str| {
        statements.iter().any(|st| {
            st.get("opinion").and_then(|v| v.as_bool()) == Some(false)
                && st.get("speech").and_then(|v| v.as_bool()) != Some(false)
                && st.get("not_per_se").is_some()
                && st
                    .get("claims")
                    .and_then(|v| v.as_sequence())
                    .is_none_or(|l| l.iter().any(|t| t.as_str() == Some(ty)))
        })
    };
    let laws = argued_laws(matter, claims);
    // The listed kinds some argued claim still asks evidence of: the brief argues their want.
    let kept = |k: &str| {
        laws.iter().any(|(ty, l)| {
            l.elements.iter().any(|e| {
                e.proof.iter().any(|p| p == k)
                    && (!e.excused_per_se || marked(ty))
                    && !(pleaded_per_se(ty) && e.proof.iter().any(|p| p == "harm"))
            })
        })
    };
    let dropped: Vec<&str> = listed.into_iter().filter(|k| !kept(k)).collect();
    let Some((ty, law, el)) = laws.iter().find_map(|(ty, l)| {
        let el =
            l.elements.iter().find(|e| e.excused_per_se && dropped.iter().any(|k| e.proof.iter().any(|p| p == k)))?;
        (!pleaded_per_se(ty)).then_some((ty, l, el))
    }) else {
        return vec![];
    };
    let name = claims.get(ty).map_or(ty.clone(), |t| t.name.clone());
    vec![Diagnostic::warning(format!(
        "the brief does not argue the want of {}: under {} law the {name} claim requires \"{}\", and no statement of fact it rests on is marked `not_per_se`",
        dropped.join(" or "),
        law.jurisdiction,
        el.text
    ))
    .at(src, span_of(root, &["facts", "evidence", "missing"]))
    .with_hint(
        "a statement that injures on its face needs no proof of harm; give `not_per_se:` (why it falls in no per se category) on each statement of fact that does not, and the brief argues harm for it",
    )]
}

/// Every showing `evidence.missing` names turns on who the speakers are (their fault, their
/// intent): courts that excuse such showings before a speaker is known (Cahill excused actual
/// malice) leave the evidence step standing on nothing, and the brief cannot know whether the
/// movant's evidence also fails on what does not turn on identity. A warning at `missing`, for
/// the lawyer to list what else the evidence fails to show, where it does.
/// A party's `full` name that begins with its role ("Plaintiff Conrad Albrecht" for a
/// plaintiff): the brief and the profile's texts (`{movant}` in a proposed order) print the role
/// before the name themselves, so it would print twice.
fn role_in_full_name(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Vec<Diagnostic> {
    let mut out = vec![];
    for (key, party) in &matter.parties {
        let Some(full) = &party.full else { continue };
        let role = party.role.trim();
        if role.is_empty() {
            continue;
        }
        let lower = full.to_lowercase();
        if lower.starts_with(&format!("{} ", role.to_lowercase())) {
            out.push(
                Diagnostic::warning(format!("`full` begins with the party's role, `{role}`"))
                    .at(src, span_of(root, &["parties", key, "full"]))
                    .with_hint(format!(
                        "write the name alone (`full: {}`): where the brief and the court's forms name a party with its role, they print `{role}` before it themselves",
                        full.get(role.len()..).unwrap_or(full).trim()
                    )),
            );
        }
    }
    out
}

/// The background says the order gave the non-party `response_days` to move against the
/// subpoena; where the non-party served objections instead and the matter does not say the order
/// left that course open (`motion_optional`), the brief states a deadline its client did not meet
/// and nothing answers it (audit S19, Prairie Crest S3).
fn unused_window_to_move(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Vec<Diagnostic> {
    let days = matter.fact(&["early_discovery", "response_days"]).and_then(|v| v.as_u64());
    let optional = matter.fact(&["early_discovery", "motion_optional"]).and_then(|v| v.as_bool()) == Some(true);
    let objected = matter.fact(&["meet_and_confer", "objections_served"]).is_some();
    match days {
        Some(n) if objected && !optional => vec![Diagnostic::warning(format!(
            "the brief will say the order gave the non-party {n} days to move against the subpoena, and the matter shows objections served, not a motion"
        ))
        .at(src, span_of(root, &["facts", "early_discovery", "response_days"]))
        .with_hint(
            "read the order: if it only permitted a motion (objections remained open), write `motion_optional: true` and the brief says so and answers a forfeiture argument; if it required one, the brief must explain why the objections preserved the point (a paragraph of your own)",
        )],
        _ => vec![],
    }
}

/// `motion-untimely` argues that the motion came after the court's time to move to compel
/// (`jurisdiction.time_to_compel` in the profile), counted from the objections: an error where the
/// motion came within it, a warning where it came so little after that a
/// weekend, a holiday or service by mail could move the last day.
fn untimely_motion(
    matter: &Matter,
    src: &SourceText,
    root: Option<&Node>,
    profile: &Profile,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let (mut errors, mut warnings) = (vec![], vec![]);
    if !matter.outline().iter().any(|(_, item)| item.clause == "motion-untimely") {
        return (errors, warnings);
    }
    // A court whose profile sets no such time refuses the clause where clauses are matched to
    // courts (`applies: {time_to_compel: true}`).
    let Some(t) = &profile.jurisdiction.time_to_compel else { return (errors, warnings) };
    let date =
        |path: &[&str]| matter.fact(path).and_then(|v| v.as_str()).and_then(|s| crate::units::parse_date(s).ok());
    let (Some(objections), Some(filed)) = (date(&["meet_and_confer", "objections_served"]), date(&["motion", "filed"]))
    else {
        return (errors, warnings);
    };
    let last = t.last_day(objections);
    let after = (filed - objections).num_days();
    if filed <= last {
        errors.push(
            Diagnostic::error(format!(
                "the motion was filed {after} days after the objections, within the {} days the profile's `time_to_compel` allows: the brief cannot argue it is untimely",
                t.days
            ))
            .at(src, span_of(root, &["facts", "motion", "filed"]))
            .with_secondary(span_of(root, &["facts", "meet_and_confer", "objections_served"]), "the objections")
            .with_hint("take `motion-untimely` out of the outline, or correct the dates"),
        );
    } else if (filed - last).num_days() <= 5 {
        warnings.push(
            Diagnostic::warning(format!(
                "the motion came {} day(s) after the last day the brief counts ({}): a last day on a weekend or court holiday, or objections served by mail, may move it",
                (filed - last).num_days(),
                crate::units::long_date(last)
            ))
            .at(src, span_of(root, &["facts", "motion", "filed"]))
            .with_hint("confirm the last day under the court's rules for computing time before filing the argument"),
        );
    }
    (errors, warnings)
}

/// The subpoena's breadth (`subpoena-scope`): in federal court the clause argues it only where the
/// non-party objected to it (an objection not served under Rule 45(d)(2)(B) may be held waived),
/// so the clause without an `overbreadth` objection is a warning at the objections; and an
/// `overbreadth` objection that no section argues is a warning there, naming the clause that
/// would, rather than an objection the brief recites and then drops (audits S22 Fairfax S7,
/// Miami-Dade S15).
fn subpoena_scope(matter: &Matter, src: &SourceText, root: Option<&Node>, profile: &Profile) -> Vec<Diagnostic> {
    let mut warnings = vec![];
    let outline = matter.outline();
    let has = |id: &str| outline.iter().any(|(_, item)| item.clause == id);
    let objected = fact_lists(matter, &["meet_and_confer", "objections"], "overbreadth");
    let at = span_of(root, &["facts", "meet_and_confer", "objections"]);
    let federal = profile.jurisdiction.system == crate::library::court::System::Federal;
    if has("subpoena-scope") && federal && !objected {
        warnings.push(
            Diagnostic::warning(
                "the outline argues the subpoena's breadth (`subpoena-scope`), and the objections list no `overbreadth`",
            )
            .at(src, at.clone())
            .with_hint(
                "in federal court an objection not served under Rule 45(d)(2)(B) may be held waived: add `overbreadth` (with its cite under `objection_cites`) if the letter made it, or take `subpoena-scope` out",
            ),
        );
    }
    let argued = ["subpoena-scope", "beyond-the-order"].iter().any(|id| has(id));
    if objected && !argued {
        warnings.push(
            Diagnostic::warning("the objections include `overbreadth`, and no section of the brief argues the subpoena's breadth")
                .at(src, at)
                .with_hint(
                    "add `subpoena-scope` to the argument, with `subpoena.beyond` (what the subpoena demands that naming and serving a defendant does not need), or drop the objection from the list if the brief should not recite it",
                ),
        );
    }
    warnings
}

/// A transfer request cited to the motion's argument on the standard (`motion.cite`) because the
/// matter does not say where the motion asks for it (the N.D. Ga. user: "See Mot. at 4–15").
fn transfer_without_cite(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Option<Diagnostic> {
    let asked = matter.fact(&["motion", "transfer_requested"]).and_then(|v| v.as_bool()) == Some(true);
    let cited = matter.fact(&["motion", "transfer_cite"]).is_some();
    (asked && !cited).then(|| {
        Diagnostic::warning(
            "the brief cites the transfer request to `motion.cite`, the motion's argument on the standard",
        )
        .at(src, span_of(root, &["facts", "motion", "transfer_requested"]))
        .with_hint(
            "add `transfer_cite: {doc: mot, at: \"at …\"}` under `motion:`, where the motion asks for the transfer",
        )
    })
}

/// The first of the Advisory Committee's exceptional circumstances (the issuing court has already
/// ruled on the question) is argued absent only where the record says so: the order's
/// `decided_unmasking: false`, or, with no order, the docket's `subpoena.issuing_court_ruled: false`.
/// Without either the transfer answer argues only the second circumstance (the N.D. Ga. audit).
fn transfer_first_circumstance(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Option<Diagnostic> {
    let asked = matter.fact(&["motion", "transfer_requested"]).and_then(|v| v.as_bool()) == Some(true);
    let answered = matter.outline().iter().any(|(_, item)| item.clause == "proper-court");
    let known = matter.fact(&["early_discovery", "decided_unmasking"]).is_some()
        || matter.fact(&["subpoena", "issuing_court_ruled"]).is_some();
    (asked && answered && !known).then(|| {
        Diagnostic::warning(
            "the transfer answer says nothing of whether the issuing court has already ruled on the question, the first circumstance the Rule 45(f) note names",
        )
        .at(src, span_of(root, &["facts", "motion", "transfer_requested"]))
        .with_hint(if matter.fact(&["early_discovery"]).is_some() {
            "add `decided_unmasking: false` under `early_discovery:` if the order did not decide whether the speakers may be identified"
        } else {
            "add `issuing_court_ruled: false` and `issuing_court_ruled_cite: {doc: …, at: \"Ex. …\"}` under `subpoena:` if the issuing court's docket shows no such ruling"
        })
    })
}

/// `early_discovery.request` names the kind of paper only: the background goes on "for leave to
/// take discovery before the Rule 26(f) conference", so a value that already says what was asked
/// would print it twice (the N.D. Ga. user's "… before the Rule 26(f) conference for leave to take
/// discovery before the Rule 26(f) conference").
fn request_says_what_was_asked(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Option<Diagnostic> {
    let request = matter.fact(&["early_discovery", "request"])?.as_str()?.to_string();
    let says = ["for leave", "26(f)", "to take discovery"].iter().any(|w| request.contains(w));
    says.then(|| {
        Diagnostic::error(format!(
            "`early_discovery.request` says what was asked (\"{request}\"), and the background goes on \"for leave to take discovery before the Rule 26(f) conference\""
        ))
        .at(src, span_of(root, &["facts", "early_discovery", "request"]))
        .with_hint("name only the kind of paper, with its article: `request: an ex parte application`")
    })
}

/// A statement's `claims` names a claim type the matter's `underlying.claims` does not list: an
/// error at the value, since the speech analysis would silently treat the statement as outside a
/// claim that is not there.
fn statement_claims_unknown(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Vec<Diagnostic> {
    let types: Vec<String> = matter
        .fact(&["underlying", "claims"])
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("type").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let mut out = vec![];
    let statements = seq_at(root, &["facts", "statements"]);
    for (i, st) in matter.fact(&["statements"]).and_then(|v| v.as_sequence()).into_iter().flatten().enumerate() {
        // `basis` names the facts a statement discloses; "nothing beyond …" says it discloses
        // none, and the brief would print "discloses the facts it rests on (nothing …)" (the
        // D. Or. audit, S25).
        if let Some(b) = st.get("basis").and_then(|v| v.as_str()) {
            let first = b.split_whitespace().next().unwrap_or("").to_lowercase();
            if matches!(first.as_str(), "nothing" | "no" | "none" | "not") {
                let at = statements.get(i).and_then(|n| n.get("basis")).map_or(0..0, |e| e.value.span.clone());
                out.push(
                    Diagnostic::error(format!("statement {}'s `basis` says it discloses no facts", i + 1))
                        .at(src, at)
                        .with_hint(
                            "`basis` names the facts the statement discloses and rests on (the brief says it \"discloses the facts it rests on (…)\"); a statement that discloses none has no `basis`: leave it out",
                        ),
                );
            }
        }
        for t in st.get("claims").and_then(|v| v.as_sequence()).into_iter().flatten().filter_map(|v| v.as_str()) {
            if !types.iter().any(|x| x == t) {
                let at = statements.get(i).and_then(|n| n.get("claims")).map_or(0..0, |e| e.value.span.clone());
                out.push(
                    Diagnostic::error(format!(
                        "statement {} is tied to `{t}`, which `underlying.claims` does not list",
                        i + 1
                    ))
                    .at(src, at)
                    .with_hint(format!("the claims are: {}", types.join(", "))),
                );
            }
        }
    }
    out
}

/// The agreement answer describes evidence that a speaker signed the agreement
/// (`speaker_agreement.signer_evidence`) while the evidence step would say nothing offered is
/// evidence of a contract (`contract` missing, and no item offered for it): the brief would
/// contradict itself a page apart (the New York audit).
fn signer_evidence_unlisted(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Option<Diagnostic> {
    matter.fact(&["speaker_agreement", "signer_evidence"])?;
    let contract_missing = fact_lists(matter, &["evidence", "missing"], "contract");
    let offered = matter
        .fact(&["evidence", "items"])
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .filter_map(|it| it.get("offered_for").and_then(|v| v.as_sequence()))
        .flatten()
        .any(|k| k.as_str() == Some("contract"));
    (contract_missing && !offered).then(|| {
        Diagnostic::warning(
            "the agreement answer describes evidence that a speaker signed the agreement, and the evidence step will say nothing offered is evidence of a contract",
        )
        .at(src, span_of(root, &["facts", "speaker_agreement", "signer_evidence"]))
        .with_hint("list that evidence under `evidence.items` with `offered_for: [contract]` and say why it falls short, so both passages speak of it alike")
    })
}

fn missing_only_identity(
    matter: &Matter,
    src: &SourceText,
    root: Option<&Node>,
    proof: &crate::library::claims::ProofKinds,
) -> Option<Diagnostic> {
    let missing: Vec<&str> =
        matter.fact(&["evidence", "missing"])?.as_sequence()?.iter().filter_map(|v| v.as_str()).collect();
    if missing.is_empty() || !missing.iter().all(|k| proof.get(*k).is_some_and(|p| p.depends_on_identity)) {
        return None;
    }
    let others: Vec<&str> = proof.iter().filter(|(_, p)| !p.depends_on_identity).map(|(k, _)| k.as_str()).collect();
    Some(
        Diagnostic::warning(format!(
            "every showing `evidence.missing` names ({}) turns on who the speakers are, which some courts do not \
             ask a plaintiff to prove before a speaker is known, so the evidence step rests on ground the movant can \
             answer",
            missing.join(", ")
        ))
        .at(src, span_of(root, &["facts", "evidence", "missing"]))
        .with_hint(format!(
            "where the movant's evidence also fails to show something that does not turn on identity, list it too \
             (one of: {}); the brief then rests the step on it",
            others.join(", ")
        )),
    )
}

/// Each number in an evidence item's `statements` that names no challenged statement (the
/// statements are numbered from 1 in `facts.statements`): an error at the number, saying how many
/// statements there are, rather than evidence silently matched to nothing.
fn evidence_statements_out_of_range(src: &SourceText, root: Option<&Node>) -> Vec<Diagnostic> {
    let count = seq_at(root, &["facts", "statements"]).len();
    let mut errors = vec![];
    for item in seq_at(root, &["facts", "evidence", "items"]) {
        for n in seq_at(Some(item), &["statements"]) {
            let Some(text) = n.scalar() else { continue };
            if text.trim().parse::<usize>().is_ok_and(|v| v > count) {
                errors.push(
                    Diagnostic::error(format!(
                        "evidence names statement {} but the matter lists {count} challenged statement{}",
                        text.trim(),
                        if count == 1 { "" } else { "s" }
                    ))
                    .at(src, n.span.clone())
                    .with_hint("`statements` numbers the entries of `facts.statements` from 1"),
                );
            }
        }
        // A part of the item for a statement the item is not offered against would never print.
        let listed: Vec<usize> = seq_at(Some(item), &["statements"])
            .iter()
            .filter_map(|n| n.scalar().and_then(|t| t.trim().parse().ok()))
            .collect();
        for part in seq_at(Some(item), &["by_statement"]) {
            let Some(e) = part.get("statement") else { continue };
            let Some(v) = e.value.scalar().and_then(|t| t.trim().parse::<usize>().ok()) else { continue };
            if !listed.contains(&v) {
                errors.push(
                    Diagnostic::error(format!(
                        "`by_statement` describes statement {v}, which this item's `statements` does not list"
                    ))
                    .at(src, e.value.span.clone())
                    .with_hint(format!(
                        "add {v} to the item's `statements` (it lists {}), or remove this part",
                        if listed.is_empty() {
                            "none".to_string()
                        } else {
                            listed.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
                        }
                    )),
                );
            }
        }
    }
    errors
}

/// What an evidence item (or its part for one statement, `by_statement`) says of itself: a
/// conceded item (`concede: true`) is evidence the lawyer does not dispute, so it has no
/// `falls_short` and may have a `limit`; any other item says why it falls short and has no
/// `limit`. What a conceded item is offered for, other than falsity, is shown, so it is not also
/// listed under `evidence.missing`; conceded as evidence of falsity, it says which statements it
/// addresses, and where there is more than one account every statement names its speaker (the
/// brief then says as to whom the evidence step may be met). A conceded part is of an item offered
/// for falsity. Each an error at the key.
fn conceded_evidence(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let is_true = |n: &Node, key: &str| n.get(key).and_then(|e| e.value.scalar()).is_some_and(|t| t.trim() == "true");
    let has = |n: &Node, key: &str| n.get(key).is_some_and(|e| !e.value.scalar().is_some_and(|t| t.trim().is_empty()));
    // Where falsity is first conceded (an item's or a part's `concede`).
    let mut falsity_conceded: Option<std::ops::Range<usize>> = None;
    // One item or part: `falls_short` exactly where it is not conceded; `limit` only where it is.
    let whole = |n: &Node, errors: &mut Vec<Diagnostic>, what: &str| {
        let conceded = is_true(n, "concede");
        let at = |key: &str| n.get(key).map(|e| e.key_span.clone()).unwrap_or_else(|| n.span.clone());
        if conceded && has(n, "falls_short") {
            errors.push(
                Diagnostic::error(format!(
                    "this {what} is conceded (`concede: true`) and also says why it falls short"
                ))
                .at(src, at("falls_short"))
                .with_hint("say what a conceded item does not reach under `limit:`, or remove `concede`"),
            );
        } else if !conceded && !has(n, "falls_short") {
            errors.push(
                Diagnostic::error(format!("this {what} does not say why it falls short (`falls_short`)"))
                    .at(src, n.span.clone())
                    .with_hint("add `falls_short: <why it does not supply the showing>`, or `concede: true` if you do not dispute it"),
            );
        }
        if !conceded && has(n, "limit") {
            errors.push(
                Diagnostic::error(format!(
                    "`limit` says what a conceded {what} does not reach, and this one is not conceded"
                ))
                .at(src, at("limit"))
                .with_hint("add `concede: true`, or say why it falls short under `falls_short`"),
            );
        }
        conceded
    };
    let missing: Vec<&str> =
        seq_at(root, &["facts", "evidence", "missing"]).iter().filter_map(|k| k.scalar()).map(str::trim).collect();
    for item in seq_at(root, &["facts", "evidence", "items"]) {
        let conceded = whole(item, &mut errors, "item");
        let mut parts_conceded = false;
        for part in seq_at(Some(item), &["by_statement"]) {
            parts_conceded |= whole(part, &mut errors, "part");
        }
        if !(conceded || parts_conceded) {
            continue;
        }
        let at = |key: &str| item.get(key).map(|e| e.key_span.clone()).unwrap_or_else(|| item.span.clone());
        let kinds: Vec<&str> =
            seq_at(Some(item), &["offered_for"]).iter().filter_map(|k| k.scalar()).map(str::trim).collect();
        let falsity = kinds.contains(&"falsity");
        if parts_conceded && !falsity {
            errors.push(
                Diagnostic::error("a part conceded under `by_statement` concedes evidence of falsity, and this item is not offered for `falsity`")
                    .at(src, at("by_statement"))
                    .with_hint("add `falsity` to `offered_for`, or remove `concede` from the part"),
            );
        }
        if conceded {
            // Falsity may stay missing (for the statements the item does not address); any other
            // kind conceded is shown, and cannot also be missing.
            for k in kinds.iter().filter(|k| **k != "falsity" && missing.contains(k)) {
                errors.push(
                    Diagnostic::error(format!(
                        "this item is conceded as evidence of {k}, and `evidence.missing` lists {k}"
                    ))
                    .at(src, at("concede"))
                    .with_hint(format!(
                        "remove {k} from `evidence.missing`, or say why the item falls short (`falls_short`) instead of conceding it"
                    )),
                );
            }
        }
        if conceded && falsity && seq_at(Some(item), &["statements"]).is_empty() {
            errors.push(
                Diagnostic::error("an item conceded as evidence of falsity must say which statements it addresses")
                    .at(src, at("concede"))
                    .with_hint("add `statements: [<numbers in facts.statements, from 1>]`"),
            );
        }
        if (conceded && falsity) || parts_conceded {
            falsity_conceded.get_or_insert(at("concede"));
        }
    }
    let accounts = matter.fact(&["accounts"]).and_then(|v| v.as_u64()).unwrap_or(1);
    if let Some(span) = falsity_conceded {
        if accounts > 1 {
            let unnamed: Vec<usize> = seq_at(root, &["facts", "statements"])
                .iter()
                .enumerate()
                .filter(|(_, st)| !has(st, "speaker"))
                .map(|(i, _)| i + 1)
                .collect();
            if !unnamed.is_empty() {
                errors.push(
                    Diagnostic::error(format!(
                        "conceded evidence leaves the evidence step open for some speakers, and statement{} {} name{} no `speaker`",
                        if unnamed.len() == 1 { "" } else { "s" },
                        unnamed.iter().map(usize::to_string).collect::<Vec<_>>().join(", "),
                        if unnamed.len() == 1 { "s" } else { "" }
                    ))
                    .at(src, span)
                    .with_hint("give each statement its `speaker` (\"Doe 1\"), so the brief can say as to whom the step fails"),
                );
            }
        }
    }
    errors
}

/// Two statements in a row with one speaker and one citation may be parts of a single post, but a
/// brief whose `post_noun` names posts counts each statement as one ("two of the three posts"):
/// a warning at the second statement's `speaker`, for the lawyer to merge them, give each its
/// own cite, or call them `statements`.
fn statements_maybe_one_post(matter: &Matter, src: &SourceText, root: Option<&Node>) -> Vec<Diagnostic> {
    let noun = matter.fact(&["post_noun"]).and_then(|v| v.as_str()).unwrap_or("posts");
    if noun == "statements" {
        return vec![];
    }
    let Some(list) = matter.fact(&["statements"]).and_then(|v| v.as_sequence()) else { return vec![] };
    let nodes = seq_at(root, &["facts", "statements"]);
    let key = |v: &serde_yaml::Value| {
        let speaker = v.get("speaker").and_then(|s| s.as_str())?;
        let cite = v.get("cite")?;
        Some((speaker.to_string(), serde_yaml::to_string(cite).ok()?))
    };
    let mut out = vec![];
    for (i, pair) in list.windows(2).enumerate() {
        let (Some(a), Some(b)) = (key(&pair[0]), key(&pair[1])) else { continue };
        if a != b {
            continue;
        }
        let Some(entry) = nodes.get(i + 1).and_then(|n| n.get("speaker")) else { continue };
        out.push(
            Diagnostic::warning(format!(
                "statements {} and {} have one speaker and one cite, so they may be one post, but the brief counts each as one of the {noun}",
                i + 1,
                i + 2
            ))
            .at(src, entry.key_span.clone())
            .with_hint(
                "give each statement the cite of its own post, or, where they are one post, set `post_noun: statements` \
                 (and `post_noun_singular: statement`) so that the brief counts statements",
            ),
        );
    }
    out
}

/// Each claim of `facts.underlying.claims` that only a natural person can bring, when the movant
/// (the party the clauses treat as the claimant, `parties.movant`) is a company: an error at the
/// claim's `type`, naming the claim and saying why a company cannot bring it.
fn persons_only_claims(matter: &Matter, src: &SourceText, root: Option<&Node>, claims: &Claims) -> Vec<Diagnostic> {
    let Some(movant) = matter.parties.get("movant").filter(|p| p.pronoun == Pronoun::It) else {
        return vec![];
    };
    let mut out = vec![];
    for item in seq_at(root, &["facts", "underlying", "claims"]) {
        let Some(ty) = item.get("type") else { continue };
        let Some(id) = ty.value.scalar() else { continue };
        // An unknown claim type is the fact check's error.
        let Some(claim) = claims.get(id).filter(|c| c.natural_persons_only) else { continue };
        let named = item.get("name").and_then(|n| n.value.scalar()).unwrap_or(&claim.name);
        let why = claim.natural_persons_reason.as_deref().unwrap_or("it protects an interest only a person has");
        out.push(
            Diagnostic::error(format!(
                "the movant {} is a company (`pronoun: it`), and a claim for {named} (`{id}`) can be brought only by a natural person",
                movant.short
            ))
            .at(src, ty.value.span.clone())
            .with_secondary(span_of(root, &["parties", "movant", "pronoun"]), "the movant is a company here")
            .with_hint(format!(
                "a company cannot bring it: {why} (claims/{id}.yaml). If the movant is a person, give its pronoun \
                 (`he`, `she`, `they`); if the complaint does plead this claim for a company, move it from \
                 `underlying.claims` to `underlying.other_claims` (`- {{name: …}}`: the brief names it with the \
                 others) and answer it in a paragraph of your own (an outline entry with `paragraph:`)"
            )),
        );
    }
    out
}

/// A claim of an action pending in this court (`underlying.court: this Court`) argued under
/// another state's law: the law of the state the court sits in is what a reader expects, and a
/// brief built from a template's example (`law: california`, kept where the claim file has no law
/// for the court's state) argues another state's elements without a word on why. A warning at the
/// claim's `law:`, for the lawyer to confirm a choice of law or give the law that governs; an
/// action pending elsewhere (a compliance court's subpoena) is governed by what that court applies,
/// which the matter does not say, so it is not checked.
fn foreign_claim_law(
    matter: &Matter,
    src: &SourceText,
    root: Option<&Node>,
    profile: &Profile,
    claims: &Claims,
) -> Vec<Diagnostic> {
    let here = matter.fact(&["underlying", "court"]).and_then(|v| v.as_str()).map(str::trim);
    if !here.is_some_and(|c| c.eq_ignore_ascii_case("this court")) {
        return vec![];
    }
    let state = &profile.jurisdiction.state;
    let mut out = vec![];
    for item in seq_at(root, &["facts", "underlying", "claims"]) {
        let scalar = |k: &str| item.get(k).and_then(|e| e.value.scalar());
        let (Some(ty), Some(law_entry)) = (scalar("type"), item.get("law")) else { continue };
        let Some(key) = law_entry.value.scalar() else { continue };
        // An unknown claim type or law is the fact check's error; federal law is no state's.
        let Some(claim) = claims.get(ty) else { continue };
        let Some(law) = claim.laws.get(key) else { continue };
        if law.jurisdiction == *state || key == "federal" {
            continue;
        }
        let own = claim.laws.iter().find(|(_, l)| l.jurisdiction == *state).map(|(k, _)| k.as_str());
        let fix = match own {
            Some(k) => format!("if {state} law governs, write `law: {k}`"),
            None => format!(
                "if {state} law governs, add it in a project file that `extends: {ty}` (claims/{ty}.yaml has no {state} law) and name it here"
            ),
        };
        out.push(
            Diagnostic::warning(format!(
                "the action is pending in this Court, in {state}, and this {} claim is argued under {} law",
                claim.name, law.jurisdiction
            ))
            .at(src, law_entry.value.span.clone())
            .with_hint(format!(
                "{fix}; if {} law governs by a choice of law, the brief should say why (a paragraph of your own)",
                law.jurisdiction
            )),
        );
    }
    out
}

/// Every cross-field problem: (errors, warnings).
///
/// `states_delay`: whether a clause of the outline says when the motion was filed (reads
/// `motion.delay`), so that the matter must give the dates or the delay.
pub fn check(
    matter: &Matter,
    src: &SourceText,
    lib: &super::validate::Library,
    states_delay: bool,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let (profile, claims) = (lib.profile, lib.claims);
    let tree = crate::yaml::tree::parse(&src.text);
    let root = tree.as_ref();
    let mut errors = vec![];
    let mut warnings = vec![];
    warnings.extend(missing_only_identity(matter, src, root, lib.proof));
    warnings.extend(foreign_claim_law(matter, src, root, profile, claims));
    warnings.extend(role_in_full_name(matter, src, root));
    warnings.extend(unused_window_to_move(matter, src, root));
    let (e, w) = untimely_motion(matter, src, root, profile);
    errors.extend(e);
    warnings.extend(w);
    warnings.extend(subpoena_scope(matter, src, root, profile));
    warnings.extend(transfer_without_cite(matter, src, root));
    warnings.extend(transfer_first_circumstance(matter, src, root));
    warnings.extend(signer_evidence_unlisted(matter, src, root));
    errors.extend(request_says_what_was_asked(matter, src, root));
    errors.extend(statement_claims_unknown(matter, src, root));
    let date = matter.document.date.0;

    // Dates.
    if let Some(hearing) = matter.document.hearing.as_ref().and_then(|h| h.date) {
        if hearing.0 < date {
            errors.push(
                Diagnostic::error(format!(
                    "the hearing ({}) is before the brief's date ({})",
                    hearing.long(),
                    matter.document.date.long()
                ))
                .at(src, span_of(root, &["document", "hearing", "date"]))
                .with_secondary(span_of(root, &["document", "date"]), "the brief's date")
                .with_hint("a brief is filed before its hearing: correct `document.date` or the hearing date"),
            );
        }
    }
    let motion = matter.fact(&["early_discovery", "motion_date"]).and_then(|v| v.as_str());
    if let Some(filed) = motion.and_then(|s| crate::units::parse_date(s).ok()) {
        if filed > date {
            errors.push(
                Diagnostic::error(format!(
                    "the motion for early discovery ({}) is dated after the brief ({})",
                    filed.format("%Y-%m-%d"),
                    date.format("%Y-%m-%d")
                ))
                .at(src, span_of(root, &["facts", "early_discovery", "motion_date"]))
                .with_secondary(span_of(root, &["document", "date"]), "the brief's date")
                .with_hint("the brief answers what was filed before it: correct one of the dates"),
            );
        }
    }

    // The subpoena's timeline: each date on or after the one before it, none after the brief.
    timeline(matter, src, root, states_delay, &mut errors);

    // A characterisation of the motion without its cite.
    if matter.fact(&["motion", "needs_identities_to_proceed"]).and_then(|v| v.as_bool()) == Some(true)
        && matter.fact(&["motion", "needs_identities_cite"]).is_none()
    {
        warnings.push(
            Diagnostic::warning(
                "the brief will say the movant needs the names to proceed, with no cite to where the motion says so",
            )
            .at(src, span_of(root, &["facts", "motion", "needs_identities_to_proceed"]))
            .with_hint("add `needs_identities_cite: {doc: mot, at: \"at …\"}` under `motion:`"),
        );
    }

    // "No one opposed it" needs a record cite of its own: the request cannot show it.
    let request = matter.fact(&["early_discovery", "request"]).and_then(|v| v.as_str());
    if matter.fact(&["early_discovery", "unopposed"]).and_then(|v| v.as_bool()) == Some(true)
        && request.is_some_and(|r| !r.contains("ex parte") && !r.contains("unopposed"))
        && matter.fact(&["early_discovery", "unopposed_cite"]).is_none()
    {
        warnings.push(
            Diagnostic::warning(
                "the brief will not say that no one opposed the request: nothing in the record is cited for it",
            )
            .at(src, span_of(root, &["facts", "early_discovery", "unopposed"]))
            .with_hint(
                "add `unopposed_cite: {doc: order, at: \"at …\"}` under `early_discovery:` (the docket or the order \
                 that shows no opposition); the request itself cannot show that no one opposed it",
            ),
        );
    }

    // Division and county.
    let listed_in = |what: &str, plural: &str, key: &str, value: &str| {
        let list = format!("the {plural} it lists (`divisions:` in courts/{}.yaml)", matter.court);
        let hint = match crate::diag::did_you_mean(value, profile.divisions.iter().map(|d| d.as_str())) {
            Some(guess) => format!("{guess} ({list})"),
            None => format!("{list}: {}", profile.divisions.join(", ")),
        };
        Diagnostic::error(format!("the {} profile has no {what} `{value}`", profile.name))
            .at(src, span_of(root, &[key]))
            .with_hint(hint)
    };
    if let Some(d) = matter.division.as_deref().filter(|_| profile.caption.division && !profile.divisions.is_empty()) {
        if !listed(d, &profile.divisions) {
            errors.push(listed_in("division", "divisions", "division", d));
        }
    }
    let names_county = profile.court_title.iter().any(|l| l.contains("{county}"));
    if let Some(c) = matter.county.as_deref().filter(|_| names_county && !profile.divisions.is_empty()) {
        if !listed(c, &profile.divisions) {
            errors.push(listed_in("county", "counties", "county", c));
        }
    }

    // Parties.
    let parties: Vec<(&String, &crate::matter::Party)> = matter.parties.iter().collect();
    for (i, (key, party)) in parties.iter().enumerate() {
        for (field, value) in [("name", &party.name), ("short", &party.short)] {
            let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            let earlier = parties[..i].iter().find(|(_, p)| {
                let other = if field == "name" { &p.name } else { &p.short };
                norm(other) == norm(value)
            });
            if let Some((first, _)) = earlier {
                errors.push(
                    Diagnostic::error(format!("parties `{first}` and `{key}` have the same {field} `{value}`"))
                        .at(src, span_of(root, &["parties", key, field]))
                        .with_secondary(span_of(root, &["parties", first, field]), "first given here")
                        .with_hint("the brief tells the parties apart by these names: give each its own"),
                );
            }
        }
    }

    // A date the brief states about the record comes with its cite.
    if matter.fact(&["deadline", "first_published"]).is_some()
        && matter.fact(&["deadline", "first_published_cite"]).is_none()
    {
        errors.push(
            Diagnostic::error("`deadline.first_published` has no `first_published_cite`")
                .at(src, span_of(root, &["facts", "deadline", "first_published"]))
                .with_hint(
                    "the brief states the date with its record cite: add `first_published_cite: {doc: compl, at: \"¶ 8\"}`",
                ),
        );
    }

    // The day the invoked deadline falls, said with the motion's cite, and only while it is still
    // ahead of the brief (a passed day would leave the sentence out without a word).
    if let Some(runs) = matter.fact(&["deadline", "runs"]).and_then(|v| v.as_str()) {
        let at = span_of(root, &["facts", "deadline", "runs"]);
        if matter.fact(&["deadline", "runs_cite"]).is_none() {
            errors.push(Diagnostic::error("`deadline.runs` has no `runs_cite`").at(src, at.clone()).with_hint(
                "the brief gives the day as the motion does, with its cite: add `runs_cite: {doc: mot, at: \"at 9\"}`",
            ));
        }
        if crate::units::parse_date(runs).is_ok_and(|d| d <= date) {
            warnings.push(
                Diagnostic::warning(format!(
                    "`deadline.runs` ({runs}) is not after the brief's date, so the brief says nothing of how close it is"
                ))
                .at(src, at)
                .with_hint("correct the date, or remove it if the deadline has passed"),
            );
        }
    }

    // The words for what the non-party holds, where their plurals cannot be formed by rule.
    let account = |key: &str| matter.fact(&["account", key]).and_then(|v| v.as_str()).map(str::to_string);
    if let Err((field, why)) = account_words(account) {
        // The error sits at the word whose plural is missing, with an example of the field.
        let (word, example) = match field {
            "nouns" => ("noun", "nouns: mailboxes"),
            "users" => ("user", "users: addressees"),
            _ => ("verb", "verb_plural: access"),
        };
        errors.push(
            Diagnostic::error(format!("{why}: give `facts.account.{field}`"))
                .at(src, span_of(root, &["facts", "account", word]))
                .with_hint(format!(
                    "the brief prints the plural too: add `{field}:` under `account:` (e.g. `{example}`)"
                )),
        );
    }

    // Claims only a natural person can bring, for a company movant.
    errors.extend(persons_only_claims(matter, src, root, claims));
    errors.extend(evidence_statements_out_of_range(src, root));
    errors.extend(conceded_evidence(matter, src, root));
    warnings.extend(statements_maybe_one_post(matter, src, root));
    warnings.extend(unused_not_per_se(matter, src, root, claims));
    warnings.extend(harm_excused_per_se(matter, src, root, claims));

    // Text that prints inside a citation or a certificate: blank would print ", ." or "on ,".
    for (id, doc) in &matter.record {
        if doc.filed.as_deref().is_some_and(|f| f.trim().is_empty()) {
            errors.push(
                Diagnostic::error(format!("`record.{id}.filed` is blank"))
                    .at(src, span_of(root, &["record", id, "filed"]))
                    .with_hint(
                        "give where the document was filed (`ECF No. 14-2`, `Trans. ID 78156022`), or remove `filed:`",
                    ),
            );
        }
        if doc.of.as_deref().is_some_and(|f| f.trim().is_empty()) {
            errors.push(
                Diagnostic::error(format!("`record.{id}.of` is blank"))
                    .at(src, span_of(root, &["record", id, "of"]))
                    .with_hint("give the action the paper was filed in (`_Smith v. Does_, No. 1:26-cv-1 (N.D. Ill.)`), or remove `of:`"),
            );
        }
    }
    if matter.document.served.iter().any(|s| s.trim().is_empty()) {
        errors.push(
            Diagnostic::error("`document.served` lists a blank entry")
                .at(src, span_of(root, &["document", "served"]))
                .with_hint(
                    "name each person served as the certificate of service should print them, or remove the entry",
                ),
        );
    }

    // Caption.
    match &matter.caption {
        Some(c) => {
            let at = span_of(root, &["caption"]);
            match c.form {
                CaptionForm::InRe if c.text.as_deref().is_none_or(|t| t.trim().is_empty()) => errors.push(
                    Diagnostic::error("an `in-re` caption needs its `text:`")
                        .at(src, at)
                        .with_hint("e.g. `caption: {form: in-re, text: \"In re Subpoena to Quillstream, Inc.\"}`"),
                ),
                CaptionForm::InRe if !c.parties.is_empty() => errors.push(
                    Diagnostic::error("an `in-re` caption prints its `text:`, not `parties:`")
                        .at(src, span_of(root, &["caption", "parties"]))
                        .with_hint("remove `parties:` here, or write `form: parties`"),
                ),
                CaptionForm::Parties if c.text.is_some() => errors.push(
                    Diagnostic::error("`caption.text` is printed only by an `in-re` caption")
                        .at(src, span_of(root, &["caption", "text"]))
                        .with_hint("add `form: in-re`, or remove `text:`"),
                ),
                CaptionForm::Parties if c.parties.len() == 1 => errors.push(
                    Diagnostic::error("`caption.parties` lists one side; a \"v.\" caption has two or more")
                        .at(src, span_of(root, &["caption", "parties"]))
                        .with_hint("list both sides, or use `form: in-re`"),
                ),
                _ => {}
            }
        }
        None if profile.caption.underlying_parties => warnings.push(
            Diagnostic::warning(format!(
                "the {} captions the underlying action, and the caption would name this proceeding's parties",
                profile.name
            ))
            .at(src, span_of(root, &["parties"]))
            .with_hint(
                "add `caption: {parties: [{name: …, role: Plaintiffs}, {name: DOES 1 through 3, role: Defendants}]}` \
                 and give the non-party's role in the title",
            ),
        ),
        None => {}
    }
    (errors, warnings)
}

/// What the non-party holds for each speaker and what it calls the speaker (`facts.account`), in
/// every form the brief prints: the noun and the user singular and plural, and the verb in the
/// third person singular ("whoever holds that registration") and plural ("the people who hold
/// those registrations").
pub struct AccountWords {
    pub noun: String,
    pub nouns: String,
    pub user: String,
    pub users: String,
    pub verb: String,
    pub verb_plural: String,
}

/// The forms of `facts.account`'s words, each plural as the matter gives it (`nouns`, `users`,
/// `verb_plural`) or, where it gives none, formed by the regular rule: a noun takes an "s", a verb
/// drops its "s". A word the rule would misspell (a noun ending in s, x, z, ch, sh or a consonant
/// and y; a verb not ending in "s", or ending in "es" after s, x, z, ch or sh, or in "ies") is an
/// `Err` naming the field to give, so "addresss" or "accesse" is never printed.
pub fn account_words(get: impl Fn(&str) -> Option<String>) -> Result<AccountWords, (&'static str, String)> {
    let word = |key: &str, default: &str| get(key).unwrap_or_else(|| default.to_string());
    let (noun, user, verb) = (word("noun", "account"), word("user", "user"), word("verb", "uses"));
    let noun_plural = |field: &'static str, w: &str| -> Result<String, (&'static str, String)> {
        let irregular = ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e))
            || (w.ends_with('y') && !w.trim_end_matches('y').ends_with(['a', 'e', 'i', 'o', 'u']));
        if irregular {
            Err((field, format!("the plural of `{w}` is not formed by adding \"s\"")))
        } else {
            Ok(format!("{w}s"))
        }
    };
    let nouns = match get("nouns") {
        Some(p) => p,
        None => noun_plural("nouns", &noun)?,
    };
    let users = match get("users") {
        Some(p) => p,
        None => noun_plural("users", &user)?,
    };
    let verb_plural = match get("verb_plural") {
        Some(p) => p,
        None => {
            let sibilant_es = ["sses", "xes", "zes", "ches", "shes", "ies"].iter().any(|e| verb.ends_with(e));
            match verb.strip_suffix('s') {
                Some(stem) if !sibilant_es => stem.to_string(),
                _ => {
                    return Err((
                        "verb_plural",
                        format!("the plural of `{verb}` is not formed by dropping a final \"s\""),
                    ))
                }
            }
        }
    };
    Ok(AccountWords { noun, nouns, user, users, verb, verb_plural })
}

#[cfg(test)]
mod tests {
    use super::{account_words, listed};

    fn words(pairs: &[(&str, &str)]) -> Result<super::AccountWords, (&'static str, String)> {
        account_words(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn account_plurals_are_formed_by_rule_or_given() {
        let w = words(&[]).unwrap();
        assert_eq!((w.nouns.as_str(), w.users.as_str(), w.verb_plural.as_str()), ("accounts", "users", "use"));
        let w = words(&[("noun", "registration"), ("user", "registrant"), ("verb", "holds")]).unwrap();
        assert_eq!(
            (w.nouns.as_str(), w.users.as_str(), w.verb_plural.as_str()),
            ("registrations", "registrants", "hold")
        );
        let w = words(&[("noun", "mailbox"), ("nouns", "mailboxes"), ("verb", "accesses"), ("verb_plural", "access")])
            .unwrap();
        assert_eq!((w.nouns.as_str(), w.verb_plural.as_str()), ("mailboxes", "access"));
        assert_eq!(words(&[("noun", "mailbox")]).err().map(|e| e.0), Some("nouns"));
        assert_eq!(words(&[("noun", "address")]).err().map(|e| e.0), Some("nouns"));
        assert_eq!(words(&[("user", "party")]).err().map(|e| e.0), Some("users"));
        assert_eq!(words(&[("noun", "key")]).map(|w| w.nouns).ok().as_deref(), Some("keys"));
        assert_eq!(words(&[("verb", "accesses")]).err().map(|e| e.0), Some("verb_plural"));
        assert_eq!(words(&[("verb", "carries")]).err().map(|e| e.0), Some("verb_plural"));
        assert_eq!(words(&[("verb", "hold")]).err().map(|e| e.0), Some("verb_plural"));
    }

    #[test]
    fn divisions_match_with_or_without_the_word() {
        let list = vec!["San Jose".to_string(), "Western".to_string()];
        assert!(listed("San Jose Division", &list));
        assert!(listed("western division", &list));
        assert!(!listed("Eastern Division", &list));
        assert!(!listed("Jose", &list));
        // A list that spells the word out matches too.
        let full = vec!["Portland Division".to_string(), "Eugene Division".to_string()];
        assert!(listed("Portland Division", &full));
        assert!(listed("Portland", &full));
        assert!(!listed("Medford Division", &full));
    }
}
