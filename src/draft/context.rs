//! The context every clause is drafted with: the parties (with pronoun and verb forms, so that a
//! sentence agrees with a movant that is a person, a company or several people), the client, the
//! case, the document, counsel, the record, the facts, the court (what it is, the standard its
//! courts apply, how the brief refers to it), the decisions of the bank that support each survey
//! topic sorted by whether they are this court's own, its circuit's or other courts', the argued
//! and unargued claims with their elements from the claim files, the outline with its numbers and
//! cross-references (`sections["proper-court"]` → "Part IV.A"), and, per clause, its options and
//! its own place in the outline.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value as Json};

use crate::cite::read::reporter;
use crate::library::bank::{Bank, Kind};
use crate::library::claims::Claims;
use crate::library::court::{AdoptionForce, Profile, System};
use crate::library::standards::Standards;
use crate::library::Library;
use crate::matter::consistency::AccountWords;
use crate::matter::{Matter, OutlineItem, Pronoun};
use crate::units::capitalize_first;

/// The verb and reflexive forms that agree with a pronoun: "Harlow asks", "the Ferreiras ask".
fn agreement(p: Pronoun) -> Json {
    let (s, is, has, does, was, selff) = match p {
        Pronoun::He => ("s", "is", "has", "does", "was", "himself"),
        Pronoun::She => ("s", "is", "has", "does", "was", "herself"),
        Pronoun::It => ("s", "is", "has", "does", "was", "itself"),
        Pronoun::They => ("", "are", "have", "do", "were", "themselves"),
    };
    json!({"s": s, "es": if s.is_empty() { "" } else { "es" }, "is": is, "has": has, "does": does, "was": was, "self": selff})
}

/// The court as clauses reason about it.
fn court_context(matter: &Matter, profile: &Profile) -> Json {
    let j = &profile.jurisdiction;
    json!({
        "id": matter.court,
        "name": profile.name,
        "prose": j.name,
        "system": j.system.id(),
        "federal": j.system == System::Federal,
        "standard": j.standard,
        "standard_settled": j.standard_settled,
        "pleading_challenge": j.pleading_challenge,
        "time_to_compel": j.time_to_compel,
        "discovery_limit": j.discovery_limit,
        "here": j.here,
        "courts_here": j.courts_here,
        "Courts_here": capitalize_first(&j.courts_here),
        "circuit": j.circuit,
        "circuit_courts": j.circuit_courts,
        "state": j.state,
        // The state in a sentence: a name that takes the article does ("the District of
        // Columbia's own courts", the D.D.C. user's "District of Columbia's own courts").
        "state_prose": if j.state.starts_with("District of") { format!("the {}", j.state) } else { j.state.clone() },
        "state_note": j.state_note,
        "circuit_note": j.circuit_note,
        "subpoena_reach": j.subpoena_reach,
        "statute": j.statute,
        "searched": j.searched.is_some(),
    })
}

/// The standard the court's profile names, as the clauses state it: its name, the announcing
/// decision and pin, its steps, and its force here — `binds` (the decision binds this court: the
/// brief may say it governs), else `settled` (this court's own decisions apply it), else neither
/// (the brief asks the court to adopt it).
fn standard_context(standards: &Standards, profile: &Profile, one: bool) -> Json {
    let j = &profile.jurisdiction;
    let Some(s) = standards.get(&j.standard) else {
        return Json::Null;
    };
    let binds = s.binds(profile);
    // Where a court that binds this one adopted a standard announced elsewhere as its holding,
    // that decision; it is also the follower cited where the brief says the standard governs, in
    // place of the standard's own follower that binds its courts.
    let holding = j.standard_adopted_by.as_ref().filter(|a| a.force == AdoptionForce::Holding);
    json!({
        "id": j.standard,
        "name": s.name,
        "Name": capitalize_first(&s.name),
        "title": s.title,
        // The verb ending after the name: "the _Arista_ factors require", "the _Dendrite_ test
        // requires" (a name ending in a plural noun, "factors", takes the plural).
        "s": if s.name.trim_end().ends_with("factors") { "" } else { "s" },
        "authority": s.authority,
        "pin": s.pin,
        "court": s.court,
        "evidence": s.evidence,
        "identity_excused": s.identity_excused,
        "stepwise": s.stepwise,
        "paragraphs_only": s.paragraphs_only,
        "not_pleading_pin": s.not_pleading_pin,
        "adopted": holding,
        // Where such a court set the standard out only for trial courts' guidance, without
        // deciding the case under it (`force: guidance`), that decision: the brief asks this
        // court to follow it and never says the standard governs.
        "guided": j.standard_adopted_by.as_ref().filter(|a| a.force == AdoptionForce::Guidance),
        // Whether the adopting decision comes before the announcing one in a string citation
        // (Bluebook 1.4(d): state courts alphabetically by state; a federal decision first).
        "adopter_first": j.standard_adopted_by.is_some()
            && s.binds.state.as_deref().is_some_and(|announcing| j.state.as_str() < announcing),
        "followed": holding.map_or_else(|| json!(s.followed), |a| json!(a)),
        "held": s.held,
        "why": s.why,
        "why_one": s.why_one,
        "request": s.request,
        "binds": binds,
        "settled": binds || j.standard_settled,
        // The decision that announced the standard is one of this court's own (Highfields in
        // the Northern District of California): the brief says a court here adopted it, which
        // that decision alone supports, rather than that its courts apply it.
        "own": j.is_own(Some(s.court.as_str()), None),
        "force": if binds { "binding" } else if j.standard_settled { "settled" } else { "open" },
        // The State whose courts the test binds, for the brief to say so where that State's law
        // governs an argued claim (Mobilisa for Arizona claims in a Missouri court).
        "binds_state": s.binds.state,
        // A federal court sitting in the state whose own courts the test binds (Dendrite in the
        // District of New Jersey): the brief may say the state's courts apply it.
        "home_state": match (&j.system, s.binds.state.as_deref()) {
            (System::Federal, Some(state)) if state == j.state => Json::from(state),
            _ => Json::Null,
        },
        // The pleading step (`pleading: true`) that comes before the evidence step, so the evidence
        // section can say where each stands ("The third step asks …; … the fourth step asks for
        // evidence"); else null.
        "pre_evidence": s.steps.iter().position(|st| st.evidence).and_then(|e| {
            let p = s.steps[..e].iter().position(|st| st.pleading)?;
            let before = &s.steps[p];
            let ordinal = |i: usize| ORDINALS.get(i).copied();
            Some(json!({"text": before.words(one), "pin": before.pin, "ordinal": ordinal(p), "evidence_ordinal": ordinal(e)}))
        }),
        "steps": s
            .steps
            .iter()
            .map(|st| {
                json!({"text": st.words(one), "pin": st.pin, "evidence": st.evidence, "statements": st.statements, "notice": st.notice, "pleading": st.pleading, "heading": st.heading, "note": st.note})
            })
            .collect::<Vec<_>>(),
    })
}

/// Ordinal words, for a step of a standard ("the third step") and a numbered circuit ("the Tenth
/// Circuit").
const ORDINALS: [&str; 11] =
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh"];

/// A federal court of appeals in prose, from its citation abbreviation: "10th Cir." → "the Tenth
/// Circuit", "D.C. Cir." → "the D.C. Circuit"; `None` for any other court.
fn circuit_name(court: &str) -> Option<String> {
    match court {
        "D.C. Cir." => Some("the D.C. Circuit".into()),
        "Fed. Cir." => Some("the Federal Circuit".into()),
        _ => {
            let number = court.strip_suffix(" Cir.")?;
            let digits = number.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let n: usize = digits.parse().ok()?;
            let suffix = &number[digits.len()..];
            let expected = match n {
                1 => "st",
                2 | 3 => "d",
                _ => "th",
            };
            (suffix == expected)
                .then(|| ORDINALS.get(n.checked_sub(1)?).map(|o| format!("the {} Circuit", capitalize_first(o))))?
        }
    }
}

/// The bank's decisions for each survey topic (`supports:`), split into this court's own, its
/// circuit's and other courts', each with its pin, parenthetical, court and judge, and `binding`
/// for a decision of the circuit's court of appeals; `state` lists
/// again those of the other courts that are courts of the state a federal court sits in. Other
/// courts' decisions enter only at a pin a verification record covers. `unsurveyed` names this
/// court's and its circuit's decisions left out of the surveys (no pin, or they went the other
/// way), and `unpinned` gives those of them that went the resisting party's way, without a pin,
/// for a survey that would otherwise show none of the court's own.
fn decisions(bank: &Bank, profile: &Profile) -> Json {
    let j = &profile.jurisdiction;
    let mut topics: BTreeMap<String, [Vec<Json>; 6]> = BTreeMap::new();
    for (id, (a, _)) in &bank.entries {
        for s in &a.supports {
            let court = a.court.as_deref();
            let where_ = if j.is_own(court, reporter(a.cite())) {
                0
            } else if j.is_circuit(court) {
                1
            } else {
                2
            };
            let pin = s.pin.as_deref().filter(|p| !p.trim().is_empty());
            let judge = a.judge.as_ref().map(|jd| format!("{} {}", jd.title, jd.name));
            let d = |pin: Option<&str>| {
                json!({
                    "id": id, "pin": pin, "parenthetical": s.parenthetical, "court": court, "judge": judge,
                    "binding": j.is_bound_by(court),
                    "year": a.date.map(|d| d.0.format("%Y").to_string()).or(a.year.map(|y| y.to_string())),
                    "date": a.date.or(a.decided).map(|d| d.0.format("%Y-%m-%d").to_string()),
                    "reporter": reporter(a.cite()),
                    "first_step": s.first_step,
                    "short": a.short.clone().or(a.name.clone()),
                    // A court of appeals named in prose ("the Tenth Circuit"), for a sentence that
                    // reports what one such court held; null for any other court.
                    "court_name": court.and_then(circuit_name),
                })
            };
            // A decision of this court or its circuit on the topic that went the other way, or
            // that no page was read for, is not surveyed; it is known all the same
            // (`unsurveyed`), so the brief never says that no such decision exists.
            let Some(pin) = pin.filter(|_| !s.against) else {
                if where_ < 2 {
                    let entry = topics.entry(s.topic.clone()).or_default();
                    entry[4].push(json!(id));
                    // One that went the disclosure-resister's way with no page read: a survey
                    // with none of the court's own or its circuit's decisions cites it whole
                    // (check lists the missing pin) rather than show only other courts'.
                    if !s.against {
                        entry[5].push(d(None));
                    }
                }
                continue;
            };
            // Another court's decision persuades only as far as it was read: one whose pin no
            // record covers (taken from another party's brief, say) is left out of the surveys of
            // other courts, where a decision that was read can make the point instead. This
            // court's own and its circuit's decisions stay in whatever was read of them: leaving
            // them out would hide the law that governs here.
            // The topic stays known to the clauses, empty if nothing else supports it.
            let entry = topics.entry(s.topic.clone()).or_default();
            if where_ == 2 && !crate::cite::pins::is_seen(a, pin) {
                continue;
            }
            let d = d(Some(pin));
            // A decision of the courts of the state a federal court sits in is also listed as
            // the state's (it stays among the other courts' too: it binds no federal court).
            if where_ == 2 && j.is_state(court, reporter(a.cite())) {
                entry[3].push(d.clone());
            }
            if where_ == 2 && s.proceeding.is_some() {
                continue;
            }
            entry[where_].push(d);
        }
    }
    // Bluebook order within a signal (rule 1.4): federal courts before state courts, the Supreme
    // Court, then the courts of appeals, then the district courts; within a rank, the most recent
    // first (by the full date where the bank has one).
    let rank = |d: &Json| {
        let court = d["court"].as_str().unwrap_or("");
        let reporter = d["reporter"].as_str().unwrap_or("");
        let district = court.split([' ', '.']).any(|w| w == "D");
        let level = if (court.is_empty() && (reporter == "U.S." || reporter == "S. Ct.")) || court == "U.S." {
            0
        } else if court.contains("Cir.") {
            1
        } else if district || (court.is_empty() && reporter.starts_with("F. Supp")) {
            2
        } else {
            3
        };
        let when = d["date"]
            .as_str()
            .map(str::to_string)
            // A year alone sorts after every full date of that year: its place within the year
            // is unknown, and the dated decisions are the ones the order can be sure of.
            .unwrap_or_else(|| format!("{}-00-00", d["year"].as_str().unwrap_or("0000")));
        (level, std::cmp::Reverse(when))
    };
    for lists in topics.values_mut() {
        for list in lists.iter_mut() {
            list.sort_by_key(|d| rank(d));
        }
    }
    let mut out = Map::new();
    for (topic, [here, circuit, elsewhere, state, unsurveyed, unpinned]) in topics {
        // Where a survey of the topic's decisions comes from when none is this court's or its
        // circuit's: all of them the courts of the State a federal court sits in ("state"), some
        // of them ("mixed"), or none ("elsewhere"); null where this court's or its circuit's are
        // among them. The clauses say "A California court …" or "a court in another
        // jurisdiction …" from it, never "a court" over another State's decision.
        let in_state = elsewhere.iter().filter(|d| state.iter().any(|s| s["id"] == d["id"])).count();
        let origin = if !here.is_empty() || !circuit.is_empty() || elsewhere.is_empty() {
            Json::Null
        } else if in_state == elsewhere.len() {
            json!("state")
        } else if in_state > 0 {
            json!("mixed")
        } else {
            json!("elsewhere")
        };
        // The other courts' surveyed decisions, the State's and the rest: a survey that names the
        // State's courts first lists the rest after them (the D. Md. user: Maryland's highest court was
        // filed under "courts elsewhere").
        let (state_surveyed, others): (Vec<Json>, Vec<Json>) =
            elsewhere.iter().cloned().partition(|d| state.iter().any(|s| s["id"] == d["id"]));
        out.insert(
            topic,
            json!({"here": here, "circuit": circuit, "elsewhere": elsewhere, "state": state, "state_surveyed": state_surveyed, "others": others, "unsurveyed": unsurveyed, "unpinned": unpinned, "origin": origin}),
        );
    }
    Json::Object(out)
}

/// The bank's contrary decisions (`against: true`) that a court of this court's circuit decided
/// (a court of appeals binds the district courts under it) and that say what sets them apart
/// (`distinguished`), for the legal standard to acknowledge and distinguish.
/// Kind of argument → the bank's decisions for the movant on it that say how the brief
/// distinguishes them (`adverse` with `adverse_answer`): `[{id, text, pin}]`, in bank order.
fn adverse_answers(bank: &Bank) -> Json {
    let mut out = Map::new();
    for (id, (a, _)) in &bank.entries {
        let Some(answer) = &a.adverse_answer else { continue };
        for kind in &a.adverse {
            let list = out.entry(kind.clone()).or_insert_with(|| json!([]));
            if let Some(list) = list.as_array_mut() {
                list.push(json!({"id": id, "text": answer.text, "pin": answer.pin}));
            }
        }
    }
    Json::Object(out)
}

fn contrary_binding(bank: &Bank, profile: &Profile) -> Json {
    let j = &profile.jurisdiction;
    contrary(bank, |a| j.is_bound_by(a.court.as_deref()))
}

/// Where the profile's standard binds this court: the bank's decisions of courts whose decisions
/// bind it (its circuit's court of appeals; its own state's appellate courts) that went the other
/// way on disclosure under an unmasking standard (`against: true` on `unmasking-standard-applied`),
/// other than the standard's own announcing decision. The legal standard acknowledges them, in the
/// bank's parenthetical, as showing that the standard is met by a showing and not by a pleading:
/// a brief that leaves a binding decision ordering disclosure for the reply loses the court's trust
/// (audit S19: California's First District in *ZL Technologies*).
fn granted_binding(bank: &Bank, profile: &Profile, standards: &Standards) -> Json {
    let j = &profile.jurisdiction;
    let Some(s) = standards.get(&j.standard).filter(|s| s.binds(profile)) else {
        return json!([]);
    };
    let binds_here = |a: &crate::library::bank::Authority| j.binds_this_court(a.court.as_deref(), reporter(a.cite()));
    let mut out = vec![];
    for (id, (a, _)) in bank.entries.iter().filter(|(id, (a, _))| **id != s.authority && binds_here(a)) {
        for sup in a.supports.iter().filter(|x| x.against && x.topic == "unmasking-standard-applied") {
            out.push(json!({
                "id": id,
                "pin": sup.pin.as_deref().map(str::trim).filter(|p| !p.is_empty()),
                "parenthetical": sup.parenthetical,
            }));
        }
    }
    json!(out)
}

/// Each bank entry's pins by topic (`support_pins["hadley-v-doe"]["presuit-rule"]` → "¶ 1"),
/// whether or not the decision went the clause's way: a clause that names a decision the matter
/// lists (the movant's, say) cites it at the page the bank gives for that point, and without a pin
/// only where the bank has none.
fn support_pins(bank: &Bank) -> Json {
    let mut out = serde_json::Map::new();
    for (id, (a, _)) in &bank.entries {
        let pins: serde_json::Map<String, Json> = a
            .supports
            .iter()
            .filter_map(|s| {
                s.pin.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(|p| (s.topic.clone(), json!(p)))
            })
            .collect();
        if !pins.is_empty() {
            out.insert(id.clone(), Json::Object(pins));
        }
    }
    Json::Object(out)
}

/// The bank's contrary decisions (`against: true`) of this court itself, with a pin and what
/// sets them apart (`distinguished`): binding on no one, but a court's own contrary order is one a
/// brief confronts rather than leaves for the reply.
fn contrary_here(bank: &Bank, profile: &Profile) -> Json {
    let j = &profile.jurisdiction;
    contrary(bank, |a| j.is_own(a.court.as_deref(), reporter(a.cite())))
}

/// The bank's contrary decisions (`against: true`) of other district courts within this court's
/// circuit, with a pin and what sets them apart (`distinguished`): binding on no one, but the
/// nearest decisions the other side will cite (the Florida user's Middle District order).
fn contrary_circuit(bank: &Bank, profile: &Profile) -> Json {
    let j = &profile.jurisdiction;
    contrary(bank, |a| {
        let court = a.court.as_deref();
        j.is_circuit(court) && !j.is_bound_by(court) && !j.is_own(court, reporter(a.cite()))
    })
}

/// The `against: true` supports with a `distinguished:` text (and their pin, where one was read;
/// without one the decision is cited whole) of the bank's entries
/// that `keep` accepts.
fn contrary(bank: &Bank, keep: impl Fn(&crate::library::bank::Authority) -> bool) -> Json {
    let mut out = vec![];
    for (id, (a, _)) in bank.entries.iter().filter(|(_, (a, _))| keep(a)) {
        for s in a.supports.iter().filter(|s| s.against) {
            // A contrary decision nobody has read a page of is still acknowledged, cited whole
            // (`check` lists it as cited without a pin): candor does not wait for the pin.
            let pin = s.pin.as_deref().map(str::trim).filter(|p| !p.is_empty());
            let Some(why) = s.distinguished.as_deref() else {
                continue;
            };
            out.push(json!({
                "id": id, "pin": pin, "parenthetical": s.parenthetical, "distinguished": why,
                "short": a.short.clone().or(a.name.clone()),
            }));
        }
    }
    json!(out)
}

/// The claims of the underlying action with what the claim files say of them: the argued ones
/// first, in the matter's order, then the rest.
/// How a clause cites an authority at a pin after `@`: a statute's subdivision joined to it
/// ("pa-defamation-burden(a)"), a case's page after "at" ("taus at 720"), and the whole authority
/// where no pin was read ("ab-abell").
fn cite_after_at(id: &str, pin: &str, statute: bool) -> String {
    match pin.trim() {
        "" => id.to_string(),
        p if statute || p.starts_with('(') => format!("{id}{p}"),
        p => format!("{id} at {p}"),
    }
}

fn claims_context(facts: &Json, claims: &Claims, bank: &Bank) -> Json {
    let mut out = vec![];
    for c in facts.pointer("/underlying/claims").and_then(|v| v.as_array()).into_iter().flatten() {
        let (Some(ty), Some(law)) = (c.get("type").and_then(|v| v.as_str()), c.get("law").and_then(|v| v.as_str()))
        else {
            continue;
        };
        let Some(t) = claims.get(ty) else { continue };
        let Some(l) = t.laws.get(law) else { continue };
        use crate::library::claims::ShownBy;
        // The kinds of proof its elements call for evidence of, and those that are qualities of
        // the statement itself (judged by reading it, not proved).
        // Damages are presumed for a claim pleaded per se: the damages element (the one that
        // calls for proof of harm, with the causation of that harm) is not argued for it.
        let per_se = c.get("per_se").and_then(|v| v.as_bool()).unwrap_or(false);
        // An element the law asks of the plaintiff only under a condition the matter does not
        // state (`when:`) is not argued at all.
        let elements: Vec<&crate::library::claims::Element> = l.elements.iter().filter(|e| e.applies(facts)).collect();
        // An element the law excuses for a statement defamatory per se (`excused_per_se`: special
        // harm) is argued only where the lawyer marks a statement of fact the claim rests on as
        // falling in no per se category (`not_per_se`): a statement that injures on its face needs
        // no proof of harm, and a brief that argued the want of it would concede the point in the
        // next breath (the D.D.C. and New York audits, S23). `no-prima-facie-case` reads the same
        // marks.
        let per_quod_marked = speech_statements(facts).iter().any(|st| {
            st["opinion"].as_bool() == Some(false)
                && st["not_per_se"].is_string()
                && st["claims"].as_array().is_none_or(|l| l.iter().any(|t| t.as_str() == Some(ty)))
        });
        let kinds = |by: ShownBy| {
            let mut k: Vec<&str> = elements
                .iter()
                .filter(|e| e.shown_by == by)
                .filter(|e| !(per_se && e.proof.iter().any(|p| p == "harm")))
                .filter(|e| !e.excused_per_se || per_quod_marked)
                .flat_map(|e| e.proof.iter().map(|p| p.as_str()))
                .collect();
            k.sort();
            k.dedup();
            k
        };
        let mut proof = kinds(ShownBy::Evidence);
        let mut statement_proof = kinds(ShownBy::Statement);
        // What the claim's own elements call for, before a constitutional rule adds to it.
        let mut own_proof: Vec<String> = proof.iter().chain(statement_proof.iter()).map(|k| k.to_string()).collect();
        own_proof.sort();
        own_proof.dedup();
        // A public figure's claim takes on what the Constitution adds to it (Hustler: a false
        // statement of fact made with actual malice, for emotional distress).
        let public_figure = facts.pointer("/movant/public_figure").and_then(|v| v.as_bool()).unwrap_or(false);
        if let Some(rule) = t.public_figure.as_ref().filter(|_| public_figure) {
            proof.extend(rule.proof.iter().map(|k| k.as_str()));
            statement_proof.extend(rule.statement_proof.iter().map(|k| k.as_str()));
            for k in [&mut proof, &mut statement_proof] {
                k.sort();
                k.dedup();
            }
        }
        let mut all_proof: Vec<&str> = proof.iter().chain(statement_proof.iter()).copied().collect();
        all_proof.sort();
        all_proof.dedup();
        let kind = bank.get(&l.authority).map(|a| a.kind);
        let law_cite = cite_after_at(&l.authority, &l.pin, kind.is_some_and(|k| k != Kind::Case));
        out.push(json!({
            "type": ty,
            "law": law,
            "name": c.get("name").and_then(|v| v.as_str()).unwrap_or(&t.name),
            // The claim type's own name ("defamation"), for what the law says of every claim of
            // the type, where the matter names its claim more narrowly ("defamation per se").
            "type_name": t.name,
            "title": t.title,
            "argued": c.get("argued").and_then(|v| v.as_bool()).unwrap_or(false),
            "per_se": per_se,
            "content_based": t.content_based,
            "jurisdiction": l.jurisdiction,
            "authority": l.authority,
            "pin": l.pin,
            // The citation of the law's authority as a clause writes it after `@`: "taus at 720",
            // a statute's "pa-defamation-burden(a)", or the whole decision ("ab-abell") where no
            // page was read (its short form, "_Abell_, 123 Md. 456", once cited before: the
            // Maryland user's "Brodie, 407 Md. 415 (2009)" printed in full again).
            "cite": law_cite,
            "quote": l.quote,
            "quote_parenthetical": l.quote_parenthetical,
            "unsettled": l.unsettled,
            "per_quod": l.per_quod,
            "statute": kind.is_some_and(|k| k != Kind::Case),
            // Only a statute creates a claim: a jury instruction or a rule that states the
            // elements (CACI No. 1731 for California trade libel) is not named beside the claim.
            "statute_creates_claim": l.statute_creates_claim && kind == Some(Kind::Statute),
            "requires": l.requires.clone().unwrap_or_else(|| "requires".to_string()),
            "elements": elements.iter().map(|e| {
                // For a public official, the element as the Constitution states it.
                let v = e.public_official.as_ref().filter(|_| crate::library::claims::official(facts));
                let (text, authority, pin) = match v {
                    Some(v) => (&v.text, Some(&v.authority), v.pin.as_ref()),
                    None => (&e.text, e.authority.as_ref(), e.pin.as_ref()),
                };
                let unless = |x: Json| if v.is_some() { Json::Null } else { x };
                // The citation of what states this element, as a clause writes it after `@`: its
                // own authority where it has one (a statute's "ocga-13-3-1", a case's "x at 12"),
                // else the law's (the N.D. Ga. user: a contract's formation element, stated by
                // statute, was cited to the case that states the others).
                let cite = match authority {
                    Some(a) => cite_after_at(a, pin.map_or("", |p| p.as_str()), bank.get(a).is_some_and(|b| b.kind != Kind::Case)),
                    None => law_cite.clone(),
                };
                json!({"text": text, "proof": e.proof, "shown_by": e.shown_by, "authority": authority, "pin": pin, "cite": cite, "constitutional": v.is_some() || e.constitutional, "when": unless(json!(e.when)), "otherwise": unless(json!(e.otherwise)), "open_pin": unless(json!(e.open_pin)), "note": e.note, "excused_per_se": e.excused_per_se, "concerning": e.concerning})
            }).collect::<Vec<_>>(),
            "proof": proof,
            "statement_proof": statement_proof,
            "all_proof": all_proof,
            "own_proof": own_proof,
            "fact_opinion": l.fact_opinion.as_ref().map(|f| {
                let mut v = serde_json::to_value(f).unwrap_or(Json::Null);
                v["factors"] = json!(bank.get(&f.authority).map(|a| a.factors.clone()).unwrap_or_default());
                v
            }),
            "public_figure_rule": t.public_figure,
            "fault": l.fault,
        }));
    }
    Json::Array(out)
}

/// A party's short name in the possessive: "Harlow’s", but "the Ferreiras’" for a plural name
/// ending in s.
fn possessive(short: &str, pronoun: Pronoun) -> String {
    if pronoun == Pronoun::They && short.ends_with('s') {
        format!("{short}’")
    } else {
        format!("{short}’s")
    }
}

/// A short name whose honorific ("Ms. Vance", "Dr. Okonkwo") is kept on the same line as the
/// name: the space after it becomes a no-break space.
fn honorific_joined(short: &str) -> String {
    let title = |w: &str| w.strip_suffix('.').is_some_and(|t| crate::escape::TITLES.contains(&t));
    match short.split_once(' ') {
        Some((first, rest)) if title(first) => format!("{first}\u{a0}{rest}"),
        _ => short.to_string(),
    }
}

/// The context every clause sees (before its own options are added).
pub fn base_context(
    matter: &Matter,
    profile: &Profile,
    outline: &[(usize, &OutlineItem)],
    refs: &BTreeMap<String, String>,
) -> Json {
    let mut parties = Map::new();
    for (key, p) in &matter.parties {
        let (he, him, his) = p.pronoun.forms();
        let short = honorific_joined(&p.short);
        // The first mention: the full name with the short one defined after it, "the" kept
        // outside the quotation marks ("… Inc. (the “Association”)").
        let first = match &p.full {
            Some(full) => match short.strip_prefix("the ") {
                Some(rest) => format!("{full} (the \u{201c}{rest}\u{201d})"),
                None => format!("{full} (\u{201c}{short}\u{201d})"),
            },
            None => short.clone(),
        };
        let mut party = json!({
            "first": first, "First": capitalize_first(&first),
            "key": key, "name": p.name, "short": short, "role": p.role, "client": p.client,
            "he": he, "him": him, "his": his, "He": capitalize_first(he), "His": capitalize_first(his),
            "Short": capitalize_first(&short),
            "poss": possessive(&short, p.pronoun),
            "Poss": capitalize_first(&possessive(&short, p.pronoun)),
            "plural": matches!(p.pronoun, Pronoun::They),
            "entity": matches!(p.pronoun, Pronoun::It),
        });
        if let (Json::Object(m), Json::Object(a)) = (&mut party, agreement(p.pronoun)) {
            m.extend(a);
        }
        parties.insert(key.clone(), party);
    }
    let client = matter.client().map(|(k, _)| parties[k].clone()).unwrap_or(Json::Null);
    let record: Map<String, Json> =
        matter.record.iter().map(|(k, r)| (k.clone(), json!({"full": r.full, "short": r.short}))).collect();
    json!({
        "court": court_context(matter, profile),
        "division": matter.division,
        "case": {
            "number": matter.case_number(profile.caption.initials()),
            "judge": matter.case.judge,
            "magistrate_judge": matter.case.magistrate_judge,
            "judge_initials": matter.case.judge_initials,
        },
        "document": {
            "title": matter.document.title,
            "short_title": matter.document.short_title,
            "type": matter.document.type_,
            "date": matter.document.date.0.format("%Y-%m-%d").to_string(),
        },
        "parties": parties,
        "client": client,
        "counsel": {
            "firm": matter.counsel.firm,
            "signer": matter.counsel.signer,
        },
        "record": record,
        "facts": crate::yaml::to_json(&serde_yaml::Value::Mapping(matter.facts.clone())),
        "brief_clauses": outline.iter().map(|(_, i)| i.clause.clone()).collect::<Vec<_>>(),
        // The kinds of argument each of the matter's own paragraphs answers, by its id (the
        // argument's roadmap names them as it names the library's answering clauses).
        "paragraph_answers": outline
            .iter()
            .filter_map(|(_, i)| i.paragraph.as_ref().map(|p| (i.clause.clone(), json!(p.answers))))
            .collect::<Map<String, Json>>(),
        // The kinds of argument any of the matter's own paragraphs answers: a library clause that
        // answers such a kind in passing (the evidence step on `unprotected-speech`) leaves it to
        // the lawyer's paragraph instead of answering it twice (the Allegheny County and W.D. Tex.
        // users, S24).
        "own_answered": own_answered(outline),
        // What each of the matter's own paragraphs does, in the lawyer's words, for the roadmap
        // of the section above it (null where the paragraph says nothing: it is then named as
        // taking up a further point, or by the arguments it answers).
        "paragraph_roadmaps": outline
            .iter()
            .filter_map(|(_, i)| i.paragraph.as_ref().map(|p| (i.clause.clone(), json!(p.roadmap))))
            .collect::<Map<String, Json>>(),
        "sections": refs,
    })
}

/// The kinds of argument the matter's own paragraphs answer, each once, sorted.
fn own_answered(outline: &[(usize, &OutlineItem)]) -> Vec<String> {
    let mut kinds: Vec<String> =
        outline.iter().filter_map(|(_, i)| i.paragraph.as_ref()).flat_map(|p| p.answers.iter().cloned()).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// The facts each value the context computes is drawn from, so that `clauses --lint`
/// ([`super::reads`]) counts a clause reading `timeline.filing_days` as reading
/// `meet_and_confer.objections_served` and `motion.filed`. Keyed by the value's path; a key
/// covers the paths below it.
pub const DERIVED_READS: &[(&str, &[&str])] = &[
    ("timeline.served", &["subpoena.served"]),
    ("timeline.return_date", &["subpoena.return_date"]),
    ("timeline.objections_served", &["meet_and_confer.objections_served"]),
    ("timeline.filed", &["motion.filed"]),
    ("timeline.objection_days", &["subpoena.served", "meet_and_confer.objections_served"]),
    ("timeline.filing_days", &["meet_and_confer.objections_served", "motion.filed"]),
    ("timeline.timely", &["subpoena.served", "subpoena.return_date", "meet_and_confer.objections_served"]),
    ("timeline.timely_plainly", &["subpoena.served", "subpoena.return_date", "meet_and_confer.objections_served"]),
    ("timeline.notice_days", &["subpoena.served", "motion.notice.date"]),
    ("timeline.first_published", &["deadline.first_published"]),
    ("timeline.wait_days", &["deadline.first_published", "subpoena.served"]),
    ("timeline.runs", &["deadline.runs"]),
    ("timeline.runs_days", &["deadline.runs"]),
    ("timeline.notice_to_motion_days", &["motion.notice.date", "motion.filed"]),
    ("timeline.notice_after_return", &["motion.notice.date", "subpoena.return_date"]),
    ("timeline.notice_before_service_days", &["motion.notice.date", "subpoena.served"]),
    ("timeline.motion_to_notice_days", &["motion.filed", "motion.notice.date"]),
    ("timeline.client_notice_after_motion", &["client_notice.date", "motion.filed"]),
    ("timeline.client_notice_before_objections", &["client_notice.date", "meet_and_confer.objections_served"]),
    ("motion_cites", &["motion.arguments"]),
    ("motion_cites_but_power", &["motion.arguments"]),
    ("statement_parts", &["statements"]),
    (
        "shortfall",
        &[
            "evidence.missing",
            "evidence.items.offered_for",
            "evidence.items.statements",
            "evidence.items.concede",
            "evidence.items.by_statement",
            "statements.opinion",
            "statements.speaker",
            "statements.speech",
            "statements.claims",
            "underlying.claims",
            "public_concern",
        ],
    ),
    ("speakers", &["statements.speaker", "statements.opinion", "statements.claims"]),
    ("evidence_walk", &["statements", "evidence.items"]),
    ("identity_evidence", &["evidence.items"]),
    ("who", &["accounts"]),
    ("who.account", &["accounts", "account"]),
    ("who.user", &["accounts", "account"]),
    ("who.users", &["account"]),
    ("who.a_user", &["account"]),
    ("who.people", &["accounts", "account"]),
    ("who.platform_account", &["accounts", "account", "platform"]),
    ("standard.steps", &["accounts"]),
];

/// The movant's falsity evidence taken statement by statement, for the evidence step: where some
/// statement is argued as one of fact (`opinion: false`) and every piece of evidence offered for
/// falsity says which statements it addresses (`statements`), `{statements, others}`:
/// `statements`, each statement of fact in the matter's order with its number (`n`, from 1), the
/// statement (`st`) and the items offered to show it false (`items`, each with `first`, true where
/// the brief has not described that item for an earlier statement); `others`, the items offered
/// for no statement of fact's falsity, described before the walk; `count`, the statements walked,
/// those joined to an earlier one's entry (`also`) included. Null where no item is offered
/// for falsity (the step then says once that nothing is) or some falsity item does not say which
/// statements it addresses (the brief cannot know what it reaches).
fn evidence_walk(facts: &Json) -> Json {
    let statements: Vec<&Json> = facts["statements"].as_array().into_iter().flatten().collect();
    let items: Vec<&Json> = facts["evidence"]["items"].as_array().into_iter().flatten().collect();
    let for_falsity =
        |it: &Json| it["offered_for"].as_array().into_iter().flatten().any(|k| k.as_str() == Some("falsity"));
    // What else than falsity an item is offered for.
    let beyond_falsity = |it: &Json| -> Vec<Json> {
        it["offered_for"].as_array().into_iter().flatten().filter(|k| k.as_str() != Some("falsity")).cloned().collect()
    };
    let numbers = |it: &Json| -> Vec<u64> {
        it["statements"].as_array().into_iter().flatten().filter_map(Json::as_u64).collect()
    };
    // Numbered in the matter's order, all statements counted; only those the speech analysis takes
    // up are walked.
    let factual: Vec<(u64, &Json)> = (1..)
        .zip(statements.iter().copied())
        .filter(|(_, st)| st["opinion"].as_bool() == Some(false) && st["speech"].as_bool() != Some(false))
        .collect();
    let falsity_items: Vec<&Json> = items.iter().copied().filter(|it| for_falsity(it)).collect();
    if factual.is_empty() || falsity_items.is_empty() || falsity_items.iter().any(|it| it["statements"].is_null()) {
        return Json::Null;
    }
    let mut described: Vec<usize> = vec![];
    let mut walked = vec![];
    for (n, st) in &factual {
        let mut its = vec![];
        // The items offered against this statement, by index (to compare with the statement before).
        let mut ids: Vec<usize> = vec![];
        for (i, it) in items.iter().enumerate() {
            if for_falsity(it) && numbers(it).contains(n) {
                ids.push(i);
                // The item's part that bears on this statement (`by_statement`), described on
                // its own wherever it is met; otherwise the whole item, once.
                let part =
                    it["by_statement"].as_array().into_iter().flatten().find(|p| p["statement"].as_u64() == Some(*n));
                // Described already: under an earlier statement, or (an item in parts that is
                // offered for more than falsity) with the items against no statement, which print
                // first.
                let in_others = part.is_some() && !beyond_falsity(it).is_empty();
                let repeat = described.contains(&i) || in_others;
                let first = part.is_some() || !repeat;
                described.push(i);
                let mut it = (*it).clone();
                if let Some(part) = part {
                    it["says"] = part["says"].clone();
                    it["falls_short"] = part["falls_short"].clone();
                    it["concede"] = json!(part["concede"].as_bool() == Some(true));
                    it["limit"] = part["limit"].clone();
                    if part["cite"].is_object() {
                        it["cite"] = part["cite"].clone();
                    }
                    // The part answers falsity only; what else the item is offered for is
                    // described with the items against no statement (below).
                    it["offered_for"] = json!(["falsity"]);
                }
                it["first"] = json!(first);
                // A part of an item already described under an earlier statement.
                it["repeat"] = json!(repeat);
                its.push(it);
            }
        }
        // A statement against which only items already described are offered, the same ones as
        // against the statement before it (itself answered so), joins that statement's entry
        // (`also`): the brief says once that they fall short against both, rather than repeat
        // the sentence (the Virginia sample: three reviews, one affidavit).
        let repeats_only = its.iter().all(|it| it["first"] == json!(false)) && !its.is_empty();
        if let Some((last, last_ids, true)) =
            walked.last_mut().map(|w: &mut (Json, Vec<usize>, bool)| (&mut w.0, &w.1, w.2))
        {
            if repeats_only && *last_ids == ids {
                let also = last["also"].as_array_mut();
                match also {
                    Some(list) => list.push((*st).clone()),
                    None => last["also"] = json!([st]),
                }
                continue;
            }
        }
        walked.push((json!({"n": n, "st": st, "items": its}), ids, repeats_only));
    }
    let count = factual.len();
    let walked: Vec<Json> = walked.into_iter().map(|(w, _, _)| w).collect();
    let mut others: Vec<Json> = vec![];
    for (i, it) in items.iter().enumerate() {
        if !described.contains(&i) {
            others.push((*it).clone());
        } else if it["by_statement"].as_array().is_some_and(|p| !p.is_empty()) {
            // Described in parts under the statements: what else it is offered for, in the
            // item's own words.
            let rest = beyond_falsity(it);
            if !rest.is_empty() {
                let mut it = (*it).clone();
                it["offered_for"] = json!(rest);
                others.push(it);
            }
        }
    }
    json!({"statements": walked, "count": count, "others": others})
}

/// The most statements (or speakers) a clause runs into one sentence. A longer list is set as a
/// numbered list, each statement a paragraph of its own with its record citation, introduced by
/// the clause's sentence: a series of more than five quotations, each with its record
/// citation, is more than a reader follows in one sentence (a described statement is a clause of
/// its own, so six of them make a sentence of well over a hundred words), and a paragraph that
/// grew with the number of statements would also take Typst time that grows with its square.
/// Clauses read it as `run_in_max`.
pub const RUN_IN_MAX: usize = 5;

/// Marks each statement `speech`: whether the speech analysis (fact or opinion, falsity) takes it
/// up. A statement the matter ties to claims (`claims: [breach-of-contract]`) is argued as speech
/// only where one of them is an argued claim over what was said (`content_based`); one challenged
/// only under a contract is not called false or opinion (the New York user's review that named a
/// client and its bill rate). A statement tied to no claims is taken up.
fn mark_speech(facts: &mut Json, claims: &Json) {
    let speech_types: Vec<&str> = claims
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["argued"].as_bool() == Some(true) && c["content_based"].as_bool() == Some(true))
        .filter_map(|c| c["type"].as_str())
        .collect();
    // `get_mut`, not indexing: indexing a missing key would insert a null `statements`.
    let Some(list) = facts.get_mut("statements").and_then(Json::as_array_mut) else { return };
    for st in list {
        let speech = match st["claims"].as_array() {
            None => true,
            Some(tied) => tied.iter().filter_map(Json::as_str).any(|t| speech_types.contains(&t)),
        };
        st["speech"] = json!(speech);
    }
}

/// The statements the speech analysis takes up (see [`mark_speech`]).
fn speech_statements(facts: &Json) -> Vec<&Json> {
    facts["statements"].as_array().into_iter().flatten().filter(|st| st["speech"].as_bool() != Some(false)).collect()
}

/// Who said what, computed once (a clause template would compare every speaker with every
/// statement): `named`, whether every statement names its `speaker` (and there is one);
/// `all`, the speakers in the order of their first statements; `opinion_only`, those of them
/// whose statements are all argued as opinion (`opinion`, true by default).
fn speakers_context(facts: &Json) -> Json {
    let statements: Vec<&Json> = facts["statements"].as_array().into_iter().flatten().collect();
    let named = !statements.is_empty() && statements.iter().all(|st| st["speaker"].is_string());
    let mut all: Vec<&str> = vec![];
    let mut seen = std::collections::HashSet::new();
    let mut of_fact = std::collections::HashSet::new();
    for st in &statements {
        let Some(sp) = st["speaker"].as_str() else { continue };
        if seen.insert(sp) {
            all.push(sp);
        }
        // A statement of fact, or one the speech analysis does not take up, keeps its speaker
        // out of those whose statements are all opinion.
        if st["opinion"].as_bool() == Some(false) || st["speech"].as_bool() == Some(false) {
            of_fact.insert(sp);
        }
    }
    let opinion_only: Vec<&str> = all.iter().copied().filter(|sp| !of_fact.contains(sp)).collect();
    json!({"named": named, "all": all, "opinion_only": opinion_only})
}

/// How the brief names the anonymous speakers the subpoena reaches, singular for one account
/// (`accounts: 1`: "the speaker’s identity", "whoever uses that account") and plural
/// otherwise, so that no sentence about this matter's speakers miscounts them, and what the
/// non-party holds for them (`account`, `user`, by count; `users` always plural, `a_user` always
/// singular) as the matter's
/// `facts.account` names it. Sentences about anonymous speakers in general stay plural.
fn who_context(facts: &Json) -> Json {
    let one = facts["accounts"].as_u64() == Some(1);
    // What the non-party holds for each speaker, and what it calls the speaker (`facts.account`:
    // an account and its user by default; a domain privacy service holds a registration for its
    // registrant), singular and plural; validation refused words whose plural it cannot form.
    let account = |key: &str| facts["account"][key].as_str().map(str::to_string);
    let words = crate::matter::consistency::account_words(account)
        .unwrap_or_else(|_| unreachable!("validation reports `facts.account` words whose plural cannot be formed"));
    let AccountWords { noun, nouns, user, users, verb, verb_plural } = words;
    let people = (format!("whoever {verb} that {noun}"), format!("the people who {verb_plural} those {nouns}"));
    let forms: [(&str, String, String); 12] = [
        ("the", "the speaker".into(), "the speakers".into()),
        ("poss", "the speaker\u{2019}s".into(), "the speakers\u{2019}".into()),
        ("identity", "the speaker\u{2019}s identity".into(), "the speakers\u{2019} identities".into()),
        ("name", "the speaker\u{2019}s name".into(), "the speakers\u{2019} names".into()),
        ("them", "the speaker".into(), "them".into()),
        ("each", "the speaker".into(), "each speaker".into()),
        ("people", people.0, people.1),
        ("is", "is".into(), "are".into()),
        ("account", noun, nouns),
        ("user", user.clone(), users.clone()),
        ("users", users.clone(), users),
        ("a_user", user.clone(), user),
    ];
    let mut out = Map::new();
    out.insert("one".into(), json!(one));
    for (key, singular, plural) in forms {
        out.insert(key.into(), json!(if one { singular } else { plural }));
    }
    // The account named with its platform ("Quillpress account"), or after it where the name
    // takes an article and cannot stand before a noun ("member account on the Allergy Parents
    // Forum", never "two the Allergy Parents Forum member accounts").
    let platform = facts["platform"].as_str().unwrap_or_default();
    let account = out["account"].as_str().unwrap_or_default().to_string();
    let with_article = platform.starts_with("the ") || platform.starts_with("The ");
    let platform_account =
        if with_article { format!("{account} on {platform}") } else { format!("{platform} {account}") };
    out.insert("platform_account".into(), json!(platform_account));
    Json::Object(out)
}

/// What the argued claims still lack, computed once for every clause that argues it:
/// - `failing`: the kinds of proof (in `_proof.yaml`'s order) that some argued claim's elements
///   call for and the matter lists under `evidence.missing` — and `fact` whenever a statement is
///   argued as opinion (`opinion`, true by default), so a statement marked opinion is never
///   silently left unargued;
/// - `unproved`: those of them an argued claim asks evidence of (the rest are qualities of the
///   statements, argued by reading them), except what turns on the speakers' identity where the
///   standard excuses it (`waiting`);
/// - `absent`: what is unproved and no piece of the movant's evidence is even offered for;
/// - `offered`: the kinds some piece of the movant's evidence is offered for;
/// - `decisive`: the absent kinds that do not turn on the speakers' identity (their fault or
///   intent, which many courts do not ask a plaintiff to prove before unmasking), when every
///   argued claim calls for one of them, so that the step may rest on them alone; else empty;
/// - `conditional_falsity`: the falsity element an argued claim's law asks only for speech of
///   public concern, `{authority, pin, open_pin, otherwise, law}`, or null;
/// - `weak`: the unproved kinds evidence is offered for and still does not show (the matter lists
///   them as missing), apart from what turns on the speakers' identity;
/// - `speech_laws`: the fact/opinion authorities of the argued speech claims, each once.
/// - `opinion_tests`: for each of them, the law's jurisdiction, the authority, its pin and
///   parenthetical, and the factors the authority's bank entry lists (their text);
/// - `opinion_aspects`: what in the matter those factors are argued from, each once, in the
///   order wording, verifiable, setting, audience, basis;
/// - `fact_partial`: some statements are argued as opinion and some are marked as fact, so "a
///   statement of fact" fails for some statements only and is never said to fail for the claim;
/// - `conceded`: the statements of fact whose falsity the lawyer concedes evidence of (`concede`
///   on an evidence item or its part); falsity is then left out of `weak`;
/// - `open`: where falsity is conceded for some statements and nothing else missing is free of
///   the speakers' identity, `{speakers, others, missing, others_lack}`: the speakers for whom the
///   step may be met, those for whom it fails, what turns on identity that is still missing, and
///   the kinds a conceded item shows only for the first (its `statements` reach none of the
///   others'); else null.
fn shortfall_context(facts: &Json, claims: &Json, proof: &crate::library::claims::ProofKinds, excused: bool) -> Json {
    let strs = |v: &Json| -> Vec<String> {
        v.as_array().into_iter().flatten().filter_map(|x| x.as_str().map(String::from)).collect()
    };
    let argued: Vec<&Json> =
        claims.as_array().into_iter().flatten().filter(|c| c["argued"].as_bool() == Some(true)).collect();
    let missing = strs(&facts["evidence"]["missing"]);
    let said = speech_statements(facts);
    let opinion = said.iter().any(|st| st["opinion"].as_bool() != Some(false));
    // Some statements argued as opinion and some marked as fact: "a statement of fact" fails only
    // for the former, so no sentence about the claim as a whole may say it fails outright.
    let fact_partial = opinion && said.iter().any(|st| st["opinion"].as_bool() == Some(false));
    // In the order the argued claims' elements call for them, claim by claim ("a trade secret"
    // before "misappropriation", as the Utah user's statute lists them), not in the order of the
    // kinds' files, where a project's own kinds come last.
    let mut element_order: Vec<String> = vec![];
    for e in argued.iter().flat_map(|c| c["elements"].as_array().into_iter().flatten()) {
        for k in strs(&e["proof"]) {
            if !element_order.contains(&k) {
                element_order.push(k);
            }
        }
    }
    let mut failing: Vec<&String> = proof
        .keys()
        .filter(|k| missing.contains(k) || (k.as_str() == "fact" && opinion))
        .filter(|k| argued.iter().any(|c| strs(&c["all_proof"]).contains(k)))
        .collect();
    failing.sort_by_key(|k| element_order.iter().position(|e| e == *k));
    let (mut unproved, mut waiting) = (vec![], vec![]);
    for k in &failing {
        if !argued.iter().any(|c| strs(&c["proof"]).contains(k)) {
            continue;
        }
        if excused && proof[k.as_str()].depends_on_identity {
            waiting.push(*k);
        } else {
            unproved.push(*k);
        }
    }
    let mut offered: Vec<String> =
        facts["evidence"]["items"].as_array().into_iter().flatten().flat_map(|it| strs(&it["offered_for"])).collect();
    offered.sort();
    offered.dedup();
    let absent: Vec<&&String> = unproved.iter().filter(|k| !offered.contains(k)).collect();
    // What the step may rest on alone: the absent kinds that do not turn on the speakers'
    // identity, when every argued claim calls for one of them; otherwise none.
    let plain: Vec<&&String> = absent.iter().copied().filter(|k| !proof[k.as_str()].depends_on_identity).collect();
    let decisive = if !plain.is_empty() && argued.iter().all(|c| strs(&c["proof"]).iter().any(|k| plain.contains(&&k)))
    {
        plain
    } else {
        vec![]
    };
    // What evidence is offered for and still does not show (the matter lists it as missing), when
    // it does not turn on who the speakers are: said beside the decisive kinds, first.
    // Falsity is not said to fall short as a whole where the lawyer concedes evidence of it for
    // some statements (`conceded`): the walk has said, statement by statement, where it does.
    let conceded = conceded_statements(facts);
    let weak: Vec<&&String> = unproved
        .iter()
        .filter(|k| offered.contains(k) && !proof[k.as_str()].depends_on_identity)
        .filter(|k| conceded.is_empty() || k.as_str() != "falsity")
        .collect();
    // Where falsity is conceded for some statements and nothing else that does not turn on the
    // speakers' identity is missing, the step may be met for those statements' speakers: `open`,
    // their speakers (`speakers`), the other speakers (`others`, for whom it fails) and what is
    // still missing for them that turns on identity (`missing`, perhaps none). Null where the
    // step fails for every statement.
    let rest: Vec<&&String> = unproved.iter().filter(|k| k.as_str() != "falsity" && k.as_str() != "fact").collect();
    let rest_plain = rest.iter().any(|k| !proof[k.as_str()].depends_on_identity);
    let falsity_failing = failing.iter().any(|k| k.as_str() == "falsity");
    let open = if !conceded.is_empty() && falsity_failing && !rest_plain {
        let statements: Vec<&Json> = facts["statements"].as_array().into_iter().flatten().collect();
        let (mut open_speakers, mut all): (Vec<&str>, Vec<&str>) = (vec![], vec![]);
        for (n, st) in (1u64..).zip(statements.iter()) {
            let Some(who) = st["speaker"].as_str() else { continue };
            if st["speech"].as_bool() == Some(false) {
                continue;
            }
            if conceded.contains(&n) && !open_speakers.contains(&who) {
                open_speakers.push(who);
            }
            if !all.contains(&who) {
                all.push(who);
            }
        }
        let others: Vec<&str> = all.into_iter().filter(|w| !open_speakers.contains(w)).collect();
        // What a conceded item shows besides falsity, where its `statements` reach only the open
        // speakers' statements: the other speakers lack it too (the E.D. Mo. audit: the e-mails
        // that show harm all cite Doe 1's episode, and the brief never said so of Doe 2).
        let speaker_of =
            |n: u64| (n as usize).checked_sub(1).and_then(|i| statements.get(i)).and_then(|st| st["speaker"].as_str());
        let mut reaching: Vec<(String, bool)> = vec![];
        for it in facts["evidence"]["items"].as_array().into_iter().flatten() {
            if it["concede"].as_bool() != Some(true) {
                continue;
            }
            let numbers: Vec<u64> =
                it["statements"].as_array().into_iter().flatten().filter_map(Json::as_u64).collect();
            let reaches_others =
                numbers.is_empty() || numbers.iter().any(|n| speaker_of(*n).is_some_and(|w| others.contains(&w)));
            for k in strs(&it["offered_for"]).into_iter().filter(|k| k != "falsity") {
                match reaching.iter_mut().find(|(x, _)| *x == k) {
                    Some(e) => e.1 |= reaches_others,
                    None => reaching.push((k, reaches_others)),
                }
            }
        }
        let others_lack: Vec<String> =
            reaching.into_iter().filter(|(_, r)| !r).map(|(k, _)| k).filter(|_| !others.is_empty()).collect();
        json!({"speakers": open_speakers, "others": others, "missing": rest, "others_lack": others_lack})
    } else {
        Json::Null
    };
    let mut speech_laws: Vec<&str> = vec![];
    for c in &argued {
        if c["content_based"].as_bool() == Some(true) {
            if let Some(a) = c["fact_opinion"]["authority"].as_str() {
                if !speech_laws.contains(&a) {
                    speech_laws.push(a);
                }
            }
        }
    }
    // The fact/opinion test of each speech law once, and the aspects their factors are argued
    // from, each once and in a fixed order (wording, verifiable, setting, audience, basis).
    let mut opinion_tests: Vec<Json> = vec![];
    let mut aspects: Vec<crate::library::claims::Aspect> = vec![];
    for a in &speech_laws {
        if let Some(c) = argued.iter().find(|c| c["fact_opinion"]["authority"].as_str() == Some(a)) {
            let f = &c["fact_opinion"];
            let factors: Vec<crate::library::claims::Factor> =
                serde_json::from_value(f["factors"].clone()).unwrap_or_default();
            aspects.extend(factors.iter().map(|x| x.aspect));
            opinion_tests.push(json!({
                "jurisdiction": c["jurisdiction"], "authority": a, "pin": f["pin"],
                "parenthetical": f["parenthetical"], "signal": f["signal"],
                "constitutional": f["constitutional"],
                "factors": factors.iter().map(|x| x.text.clone()).collect::<Vec<_>>(),
            }));
        }
    }
    aspects.sort();
    aspects.dedup();
    // The falsity element an argued claim's law asks only for speech of public concern (`when:
    // public-concern`; it is in the claim's elements only where the matter says why the speech is),
    // with the rule it displaces and what its authority left open: the first such element.
    // Not for a public official or public figure: the actual-malice rule that plaintiff must meet
    // presupposes a falsehood it proves, whoever the speaker and whatever the state's own rule, so
    // the brief says flatly that falsity is the plaintiff's to show (the Allegheny County audit,
    // S24: the hedge and the state's defendant's-burden rule conceded a point a public official
    // cannot win).
    let public = ["public_figure", "public_official"]
        .iter()
        .any(|k| facts.pointer(&format!("/movant/{k}")).and_then(|v| v.as_bool()) == Some(true));
    let conditional_falsity = argued
        .iter()
        .filter(|_| !public)
        .flat_map(|c| c["elements"].as_array().into_iter().flatten().map(move |e| (c, e)))
        .find(|(_, e)| e["when"] == "public-concern" && strs(&e["proof"]).iter().any(|k| k == "falsity"))
        .map(|(c, e)| {
            json!({
                "authority": e["authority"], "pin": e["pin"], "open_pin": e["open_pin"],
                "otherwise": e["otherwise"], "law": c["jurisdiction"],
            })
        })
        .unwrap_or(Json::Null);
    json!({
        "conditional_falsity": conditional_falsity,
        "failing": failing, "unproved": unproved, "waiting": waiting, "absent": absent,
        "offered": offered, "decisive": decisive, "weak": weak, "speech_laws": speech_laws,
        "opinion_tests": opinion_tests,
        "opinion_aspects": aspects.iter().map(|x| x.name()).collect::<Vec<_>>(),
        "fact_partial": fact_partial,
        "conceded": conceded, "open": open,
    })
}

/// The statements of fact (`opinion: false`, taken up as speech) whose falsity the lawyer
/// concedes evidence of, by number in `facts.statements` (from 1): those an item offered for
/// falsity addresses (`statements`) where the item is conceded (`concede`), or where its part for
/// that statement (`by_statement`) is.
fn conceded_statements(facts: &Json) -> Vec<u64> {
    let mut out = vec![];
    for it in facts["evidence"]["items"].as_array().into_iter().flatten() {
        if !it["offered_for"].as_array().into_iter().flatten().any(|k| k.as_str() == Some("falsity")) {
            continue;
        }
        let whole = it["concede"].as_bool() == Some(true);
        for n in it["statements"].as_array().into_iter().flatten().filter_map(Json::as_u64) {
            let part = it["by_statement"].as_array().into_iter().flatten().find(|p| p["statement"].as_u64() == Some(n));
            let conceded = match part {
                Some(p) => p["concede"].as_bool() == Some(true),
                None => whole,
            };
            let st = &facts["statements"][(n as usize).saturating_sub(1)];
            if conceded
                && st["opinion"].as_bool() == Some(false)
                && st["speech"].as_bool() != Some(false)
                && !out.contains(&n)
            {
                out.push(n);
            }
        }
    }
    out.sort();
    out
}

/// The subpoena's timeline from the matter's dates: each date as written, the days between
/// service and objections and between objections and motion, and whether the objections were
/// served within Rule 45(d)(2)(B)'s time ("before the earlier of the time specified for
/// compliance or 14 days after the subpoena is served"). `timely` is true only when service, the
/// return date and the objections are all given and the objections came no later than the
/// fourteenth day and before the return date; otherwise it is false and the brief says nothing
/// about timeliness. Computed here so that no clause does date arithmetic.
fn timeline_context(
    facts: &Json,
    time_to_compel: Option<&crate::library::court::TimeToCompel>,
    brief_date: chrono::NaiveDate,
) -> Json {
    let date = |a: &str, b: &str| facts[a][b].as_str().and_then(|s| crate::units::parse_date(s).ok());
    let served = date("subpoena", "served");
    let ret = date("subpoena", "return_date");
    let objections = date("meet_and_confer", "objections_served");
    let filed = date("motion", "filed");
    let notice = facts["motion"]["notice"]["date"].as_str().and_then(|s| crate::units::parse_date(s).ok());
    let published = date("deadline", "first_published");
    let days = |from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>| match (from, to) {
        (Some(f), Some(t)) if t >= f => Some((t - f).num_days()),
        _ => None,
    };
    // Served no later than the given day after service, and before the return date.
    let served_by = |day: i64| match (served, ret, objections) {
        (Some(s), Some(r), Some(o)) => o <= s + chrono::Duration::days(day) && o < r,
        _ => false,
    };
    let timely = served_by(14);
    // Served before the fourteenth day and before the return date: timely on any reading of the
    // rule. On the fourteenth day itself a literal reader may say "before … 14 days after" was
    // missed, so the background does not volunteer a conclusion then (objections-timely, which
    // answers an untimeliness argument, argues it from `timely`).
    let timely_plainly = served_by(13);
    let text = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    // The last day to move to compel, where the court's procedure counts one from the objections
    // (`time_to_compel`), and how many days after it the motion came (none when it came in time).
    let compel_by = objections.zip(time_to_compel).map(|(o, t)| t.last_day(o));
    // The client's own notice came after the motion was filed: the background says it after the
    // motion (`client_notice.date`).
    let client_notice = date("client_notice", "date");
    let client_notice_after_motion = matches!((client_notice, filed), (Some(n), Some(f)) if n > f);
    // … and before the client's objections, where it came before them.
    let client_notice_before_objections = matches!((client_notice, objections), (Some(n), Some(o)) if n < o);
    json!({
        "client_notice_after_motion": client_notice_after_motion,
        "client_notice_before_objections": client_notice_before_objections,
        "compel_by": text(compel_by),
        "compel_late_days": days(compel_by, filed).filter(|d| *d > 0),
        "served": text(served),
        "return_date": text(ret),
        "objections_served": text(objections),
        "filed": text(filed),
        "objection_days": days(served, objections),
        "filing_days": days(objections, filed),
        "notice_days": days(served, notice),
        "first_published": text(published),
        "wait_days": days(published, served),
        // The deadline the movant invokes (`deadline.runs`), and how many days after the brief's
        // date it falls (none where it has passed).
        "runs": text(date("deadline", "runs")),
        "runs_days": days(Some(brief_date), date("deadline", "runs")).filter(|d| *d > 0),
        "notice_to_motion_days": days(notice, filed),
        "notice_after_return": matches!((notice, ret), (Some(n), Some(r)) if n > r),
        // Notice before the subpoena was served, or after the motion was filed: said as such,
        // never left out because the interval above would be negative.
        "notice_before_service_days": days(notice, served).filter(|d| *d > 0),
        "motion_to_notice_days": days(filed, notice).filter(|d| *d > 0),
        "timely": timely,
        "timely_plainly": timely_plainly,
    })
}

/// The citation of the motion's arguments, for the sentence that lists them all: one document's
/// pages (or paragraphs) in ascending order with overlapping and touching ranges joined ("Mot. at
/// 6–10, 4–6, 10–12" is cited "at 4–12"), several documents each with its own, in the order the
/// matter first cites them. A pin that is not a plain number or range ("at *3", "at 4 n.2") is
/// kept as written, after the merged ones. A list of `{doc, at}`.
/// `skip` leaves out the arguments of those kinds (the court's want of power over the non-party,
/// which the introduction names on its own, with its own cite).
fn motion_cites(facts: &Json, skip: &[&str]) -> Json {
    let args = facts.pointer("/motion/arguments").and_then(|v| v.as_array());
    let mut docs: Vec<(String, Vec<String>)> = vec![];
    for a in args.into_iter().flatten().filter(|a| !skip.contains(&a["kind"].as_str().unwrap_or(""))) {
        let (Some(doc), Some(at)) =
            (a.pointer("/cite/doc").and_then(|v| v.as_str()), a.pointer("/cite/at").and_then(|v| v.as_str()))
        else {
            continue;
        };
        match docs.iter_mut().find(|(d, _)| d == doc) {
            Some((_, ats)) => ats.push(at.to_string()),
            None => docs.push((doc.to_string(), vec![at.to_string()])),
        }
    }
    json!(docs.iter().map(|(doc, ats)| json!({"doc": doc, "at": join_pins(ats)})).collect::<Vec<_>>())
}

/// The pins one document is cited at, as one pin: see [`motion_cites`]; also the `pins` filter.
pub(crate) fn join_pins(ats: &[String]) -> String {
    // The form all pins share: "at 6–10" (pages) or "¶ 4" / "¶¶ 4–6" (paragraphs).
    let strip = |at: &str| -> Option<(bool, String)> {
        if let Some(rest) = at.strip_prefix("at ") {
            Some((false, rest.to_string()))
        } else {
            at.strip_prefix("¶¶ ").or_else(|| at.strip_prefix("¶ ")).map(|rest| (true, rest.to_string()))
        }
    };
    let parsed: Vec<(bool, String)> = match ats.iter().map(|a| strip(a)).collect::<Option<Vec<_>>>() {
        Some(p) if p.iter().all(|(para, _)| *para == p[0].0) => p,
        _ => return ats.join(", "),
    };
    let paragraphs = parsed[0].0;
    let range = |s: &str| -> Option<(u32, u32)> {
        let mut it = s.split(['–', '-']);
        let a: u32 = it.next()?.trim().parse().ok()?;
        let b: u32 = match it.next() {
            Some(b) => b.trim().parse().ok()?,
            None => a,
        };
        (it.next().is_none() && b >= a).then_some((a, b))
    };
    let mut ranges: Vec<(u32, u32)> = vec![];
    let mut other: Vec<String> = vec![];
    for (_, pin) in &parsed {
        match range(pin) {
            Some(r) => ranges.push(r),
            None => {
                if !other.contains(pin) {
                    other.push(pin.clone())
                }
            }
        }
    }
    ranges.sort();
    let mut merged: Vec<(u32, u32)> = vec![];
    for (a, b) in ranges {
        match merged.last_mut() {
            // Pages 4–6 and 6–10 overlap; 4–6 and 7–9 touch: both read as one range.
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut pins: Vec<String> =
        merged.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
    // A pin with more than one locator ("21 & Ex. A at 2") cannot share one "¶¶": each keeps
    // its own.
    if other.iter().any(|p| p.contains('&') || p.contains(" at ") || p.contains("Ex.")) {
        return ats.join(", ");
    }
    pins.extend(other);
    let many = pins.len() > 1 || pins[0].contains('–');
    let lead = match (paragraphs, many) {
        (false, _) => "at",
        (true, true) => "¶¶",
        (true, false) => "¶",
    };
    format!("{lead} {}", pins.join(", "))
}

/// The outline numbered and the context every clause shares, computed once per build.
pub struct Prepared<'a> {
    pub outline: Vec<(usize, &'a OutlineItem)>,
    /// (clause id, heading number, reference) for each outline item.
    pub numbered: Vec<(String, String, String)>,
    pub context: Json,
}

/// `facts` are the matter's facts as validated, with defaults filled in.
pub fn prepare<'a>(
    matter: &'a Matter,
    profile: &Profile,
    mut facts: Json,
    bank: &Bank,
    library: &Library,
) -> Prepared<'a> {
    // A public official whose conduct in office the statements concern must show actual malice
    // as a public figure must (`movant.public_official` implies `public_figure`, as documented).
    if facts.pointer("/movant/public_official").and_then(|v| v.as_bool()) == Some(true) {
        facts["movant"]["public_figure"] = json!(true);
    }
    // Evidence offered only for who the speaker is (`offered_for: [identity]`: a profile printout,
    // a former employee's name) goes to no element of any claim: the evidence step never sees it,
    // and `identity-suspected` takes it up where it answers the belief it is offered for
    // (`identity_evidence`; the E.D. Mo. user's LinkedIn printout, argued as intent).
    let mut identity_evidence: Vec<Json> = vec![];
    if let Some(items) = facts.pointer_mut("/evidence/items").and_then(|v| v.as_array_mut()) {
        let only_identity = |it: &Json| {
            let kinds = it["offered_for"].as_array();
            kinds.is_some_and(|k| !k.is_empty() && k.iter().all(|x| x.as_str() == Some("identity")))
        };
        let (identity, rest): (Vec<Json>, Vec<Json>) = items.drain(..).partition(only_identity);
        *items = rest;
        identity_evidence = identity;
    }
    let claims = &library.claims;
    let outline = matter.outline();
    let numbered = number_outline(&outline, profile);
    let refs: BTreeMap<String, String> = numbered.iter().map(|(id, _, r)| (id.clone(), format!("Part {r}"))).collect();
    let mut context = base_context(matter, profile, &outline, &refs);
    context["decisions"] = decisions(bank, profile);
    context["adverse_answers"] = adverse_answers(bank);
    context["contrary_binding"] = contrary_binding(bank, profile);
    context["contrary_here"] = contrary_here(bank, profile);
    context["contrary_circuit"] = contrary_circuit(bank, profile);
    context["granted_binding"] = granted_binding(bank, profile, &library.standards);
    context["support_pins"] = support_pins(bank);
    context["standard"] = standard_context(&library.standards, profile, facts["accounts"].as_u64() == Some(1));
    // Every standard the library has, by id, for naming the test a motion invokes when it is not
    // the court's own (`facts.motion.test`).
    context["standards"] = library
        .standards
        .map
        .iter()
        .map(|(id, s)| {
            (id.clone(), json!({"name": s.name, "authority": s.authority, "pin": s.pin, "stepwise": s.stepwise}))
        })
        .collect::<Map<String, Json>>()
        .into();
    context["proof"] = serde_json::to_value(&library.proof).unwrap_or(Json::Null);
    // The kinds in the file's order (a JSON object is sorted by key), for loops that list them;
    // each kind's summary in the number of this matter's speakers (`who.one`).
    context["who"] = who_context(&facts);
    let one = context["who"]["one"] == json!(true);
    // `{movant}` and `{his}` in a summary name the movant as the brief does ("Thibodeaux's
    // claimed status as a private figure"), `{a_state}` the state whose rule it invokes, and
    // `{client}` the client ("the terms of Scioto Valley’s service").
    let movant = &context["parties"]["movant"];
    let (short, his) = (movant["short"].as_str().unwrap_or_default(), movant["his"].as_str().unwrap_or_default());
    // `{client}`: the client as the brief names it ("Scioto Valley", "the Ledger").
    let client_short = context["client"]["short"].as_str().unwrap_or_default();
    // `{a_state}`: "a state’s" in a federal court; in a state court, its own state's name ("New
    // York’s"), the law of which is the only state law it applies as its own.
    let a_state = match profile.jurisdiction.system {
        System::Federal => "a state’s".to_string(),
        System::State => format!("{}’s", profile.jurisdiction.state),
    };
    // `{state}`: a state court's own state ("Virginia"); "the state" in a federal court.
    let state = match profile.jurisdiction.system {
        System::Federal => "the state".to_string(),
        System::State => profile.jurisdiction.state.clone(),
    };
    context["arguments"] = json!(library
        .arguments
        .kinds
        .iter()
        .map(|(k, a)| {
            let summary = a.summary_one.as_ref().filter(|_| one).unwrap_or(&a.summary);
            let summary = summary
                .replace("{movant}", short)
                .replace("{his}", his)
                .replace("{a_state}", &a_state)
                .replace("{state}", &state)
                .replace("{client}", client_short);
            (k.clone(), json!({"means": a.means, "summary": summary, "answered_by": a.answered_by}))
        })
        .collect::<Map<String, Json>>());
    context["proof_kinds"] = json!(library.proof.keys().collect::<Vec<_>>());
    context["claims"] = claims_context(&facts, claims, bank);
    mark_speech(&mut facts, &context["claims"]);
    // A kind of proof named as the argued claims name it, where each that calls for it gives it
    // the same name of its own (`proof_names`: "the contract the claim requires").
    // Where several argued claims call for it and do not name it alike, its name for many claims
    // (`name_many`: "the conduct each claim requires"), so that "the claim" is never ambiguous.
    for (kind, k) in &library.proof {
        let names: Vec<Option<&String>> = context["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| {
                c["argued"].as_bool() == Some(true)
                    && c["all_proof"].as_array().is_some_and(|p| p.iter().any(|x| x.as_str() == Some(kind.as_str())))
            })
            .map(|c| claims.get(c["type"].as_str().unwrap_or("")).and_then(|t| t.proof_names.get(kind)))
            .collect();
        let name = match names.first() {
            Some(Some(first)) if names.iter().all(|n| *n == Some(*first)) => Some((*first).clone()),
            _ if names.len() > 1 => k.name_many.clone(),
            _ => None,
        };
        if let Some(name) = name {
            context["proof"][kind.as_str()]["name"] = json!(name);
        }
    }
    context["timeline"] =
        timeline_context(&facts, profile.jurisdiction.time_to_compel.as_ref(), matter.document.date.0);
    context["motion_cites"] = motion_cites(&facts, &[]);
    context["motion_cites_but_power"] = motion_cites(&facts, &["subpoena-power"]);
    // Some statements are parts of one post (`post:`): the clauses that count or argue them speak
    // of statements, not posts.
    context["statement_parts"] =
        json!(facts["statements"].as_array().is_some_and(|all| all.iter().any(|st| st.get("post").is_some())));
    let excused = context["standard"]["identity_excused"].as_bool() == Some(true);
    context["shortfall"] = shortfall_context(&facts, &context["claims"], &library.proof, excused);
    context["speakers"] = speakers_context(&facts);
    context["evidence_walk"] = evidence_walk(&facts);
    context["identity_evidence"] = json!(identity_evidence);
    context["run_in_max"] = json!(RUN_IN_MAX);
    context["facts"] = facts;
    Prepared { outline, numbered, context }
}

/// Heading numbers ("I.", "A.") and references ("IV.B") for every outline item.
pub fn number_outline(outline: &[(usize, &OutlineItem)], profile: &Profile) -> Vec<(String, String, String)> {
    let mut counters: Vec<usize> = vec![];
    let mut parts: Vec<String> = vec![];
    let mut out = vec![];
    for (level, item) in outline {
        counters.truncate(*level);
        parts.truncate(*level);
        while counters.len() < *level {
            counters.push(0);
            parts.push(String::new());
        }
        counters[level - 1] += 1;
        let number = profile.heading_number(*level, counters[level - 1]);
        parts[level - 1] = number.trim_end_matches('.').to_string();
        out.push((item.clause.clone(), number, parts.join(".")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{circuit_name, honorific_joined, join_pins};

    #[test]
    fn a_court_of_appeals_is_named_in_prose_and_no_other_court_is() {
        assert_eq!(circuit_name("10th Cir.").as_deref(), Some("the Tenth Circuit"));
        assert_eq!(circuit_name("2d Cir.").as_deref(), Some("the Second Circuit"));
        assert_eq!(circuit_name("1st Cir.").as_deref(), Some("the First Circuit"));
        assert_eq!(circuit_name("D.C. Cir.").as_deref(), Some("the D.C. Circuit"));
        for other in ["2nd Cir.", "12th Cir.", "N.D. Cal.", "Cir.", "Del."] {
            assert_eq!(circuit_name(other), None, "{other}");
        }
    }

    #[test]
    fn a_documents_pins_are_sorted_and_touching_ranges_joined() {
        let pins = |v: &[&str]| join_pins(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(pins(&["at 6–10", "at 4–6", "at 10–12"]), "at 4–12");
        assert_eq!(pins(&["at 9", "at 3–4", "at 5"]), "at 3–5, 9");
        assert_eq!(pins(&["¶ 4", "¶¶ 7–8"]), "¶¶ 4, 7–8");
        assert_eq!(pins(&["¶ 4", "¶ 4"]), "¶ 4");
        assert_eq!(pins(&["at 4 n.2", "at 3"]), "at 3, 4 n.2");
        // Pages and paragraphs of one document are not merged into one form.
        assert_eq!(pins(&["at 3", "¶ 4"]), "at 3, ¶ 4");
        // A pin with two locators keeps its own sign (a new user's "¶ 21 & Ex. A at 2").
        assert_eq!(pins(&["¶ 22 & Ex. A at 3", "¶ 24 & Ex. A at 5"]), "¶ 22 & Ex. A at 3, ¶ 24 & Ex. A at 5");
    }

    #[test]
    fn an_honorific_is_joined_to_the_name_and_nothing_else_is() {
        assert_eq!(honorific_joined("Ms. Vance"), "Ms.\u{a0}Vance");
        assert_eq!(honorific_joined("Dr. Chidi Okonkwo"), "Dr.\u{a0}Chidi Okonkwo");
        assert_eq!(honorific_joined("the Ferreiras"), "the Ferreiras");
        assert_eq!(honorific_joined("Drs. Hale"), "Drs. Hale");
        assert_eq!(honorific_joined("Brightwater"), "Brightwater");
    }
}
