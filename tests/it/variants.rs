//! Generated variants of every sample, read from the typeset text: the movant re-cast under each
//! pronoun (one man, one woman, several individuals, a company), each with a declaration offered
//! and with no evidence offered beyond the complaint. Every variant builds, and its brief writes
//! no person-wording for a company, no agreement at odds with the pronoun, no sentence of ten or
//! more words twice, mentions every piece of evidence offered (what it is and what it says), and
//! says nothing of a movant's declaration the matter no longer offers. A company variant leaves
//! out the claims only a natural person can bring (IIED, false light); listing them is an error at
//! the claim, which a test below expects of every sample that lists one.
//!
//! The variants are made by editing the parsed matter (`serde_yaml::Value`) and are built in one
//! process against the project's own library. The checks below read the text only; none of them
//! uses the drafting code's notion of who the movant is.

use crate::common::*;
use crate::substance::{body_text, repeated_sentences};
use pleader::pipeline::{BuildOptions, Session};
use serde_yaml::{Mapping, Value};

/// Who the movant is in a variant.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Movant {
    Man,
    Woman,
    Several,
    Company,
}

impl Movant {
    fn pronoun(self) -> &'static str {
        match self {
            Movant::Man => "he",
            Movant::Woman => "she",
            Movant::Several => "they",
            Movant::Company => "it",
        }
    }
    fn name(self) -> &'static str {
        match self {
            Movant::Man => "DANIEL MERCER",
            Movant::Woman => "ALICE MERCER",
            Movant::Several => "DANIEL MERCER and ALICE MERCER",
            Movant::Company => "MERCER HOLDINGS, LLC",
        }
    }
    fn short(self) -> &'static str {
        match self {
            Movant::Man => "Mr. Mercer",
            Movant::Woman => "Ms. Mercer",
            Movant::Several => "the Mercers",
            Movant::Company => "Mercer Holdings",
        }
    }
    /// The movant's declaration, named as the schema asks: a company's declarant by office and name.
    fn declaration(self) -> &'static str {
        match self {
            Movant::Man => "his own declaration",
            Movant::Woman => "her own declaration",
            Movant::Several => "the joint declaration of Daniel and Alice Mercer",
            Movant::Company => "the declaration of its chief operating officer, Dana Whitlock",
        }
    }
    fn declarant(self) -> &'static str {
        match self {
            Movant::Man => "Daniel Mercer",
            Movant::Woman => "Alice Mercer",
            Movant::Several => "Daniel Mercer and Alice Mercer",
            Movant::Company => "Dana Whitlock",
        }
    }
}

/// Whether the movant offered a declaration or nothing beyond the complaint.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Offered {
    Declaration,
    Nothing,
}

fn key(s: &str) -> Value {
    Value::String(s.to_string())
}

fn map_mut<'a>(v: &'a mut Value, path: &[&str]) -> &'a mut Mapping {
    let mut at = v;
    for k in path {
        at = at.as_mapping_mut().unwrap().get_mut(*k).unwrap_or_else(|| panic!("no `{k}` in {path:?}"));
    }
    at.as_mapping_mut().unwrap_or_else(|| panic!("{path:?} is not a mapping"))
}

/// Every record document a fact cites (`{doc: …}` anywhere under `facts`).
fn cited_docs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Mapping(m) => {
            if let Some(d) = m.get("doc").and_then(Value::as_str) {
                out.push(d.to_string());
            }
            m.values().for_each(|x| cited_docs(x, out));
        }
        Value::Sequence(s) => s.iter().for_each(|x| cited_docs(x, out)),
        _ => {}
    }
}

/// A variant: its matter text, and what its brief must and must not say.
struct Variant {
    label: String,
    text: String,
    movant: Movant,
    /// (what, says) of each piece of evidence offered.
    items: Vec<(String, String)>,
    /// Printed forms (full, short) of record documents the variant no longer offers and no fact cites.
    withdrawn: Vec<(String, String)>,
}

/// Whether the claim file `claims/<id>.yaml` says only a natural person can bring the claim
/// (read as plain YAML, not through the library).
fn persons_only(id: &str) -> bool {
    let text = std::fs::read_to_string(root().join("claims").join(format!("{id}.yaml"))).unwrap();
    let claim: Value = serde_yaml::from_str(&text).unwrap();
    claim.get("natural_persons_only").and_then(Value::as_bool) == Some(true)
}

/// The ids of the claims a matter lists (`facts.underlying.claims[].type`).
fn claim_types(v: &Value) -> Vec<String> {
    v["facts"]["underlying"]["claims"]
        .as_sequence()
        .map(|s| s.iter().filter_map(|c| c["type"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// A variant as the test builds it: for a company movant, without the claims only a natural person
/// can bring (a company's complaint pleading one is an error at the claim, tested below), so that
/// every sample's prose is still read under a company movant.
fn variant(sample: &str, movant: Movant, offered: Offered) -> Variant {
    variant_with(sample, movant, offered, movant == Movant::Company)
}

fn variant_with(sample: &str, movant: Movant, offered: Offered, drop_persons_only: bool) -> Variant {
    let text = std::fs::read_to_string(root().join("matters").join(sample)).unwrap();
    let mut v: Value = serde_yaml::from_str(&text).unwrap();
    if drop_persons_only {
        if let Some(claims) = v["facts"]["underlying"].get_mut("claims").and_then(Value::as_sequence_mut) {
            claims.retain(|c| !c["type"].as_str().is_some_and(persons_only));
        }
    }
    // The movant, in the parties and in a caption that names it.
    let m = map_mut(&mut v, &["parties", "movant"]);
    let old_name = m["name"].as_str().unwrap().to_string();
    m.insert(key("name"), key(movant.name()));
    m.insert(key("short"), key(movant.short()));
    m.insert(key("pronoun"), key(movant.pronoun()));
    if let Some(parties) = v.get_mut("caption").and_then(|c| c.get_mut("parties")).and_then(Value::as_sequence_mut) {
        for p in parties {
            if p["name"].as_str() == Some(old_name.as_str()) {
                p.as_mapping_mut().unwrap().insert(key("name"), key(movant.name()));
            }
        }
    }
    // The lawyer's own words completing "<Movant> ___" agree with the movant, as a lawyer
    // writing for several movants would write them.
    if movant == Movant::Several {
        if let Some(role) = v["facts"].get_mut("movant").and_then(|m| m.get_mut("public_role")) {
            let text = role.as_str().unwrap();
            let plural = [("has ", "have "), ("is ", "are "), ("was ", "were ")]
                .iter()
                .find_map(|(one, many)| text.strip_prefix(one).map(|rest| format!("{many}{rest}")))
                .unwrap_or_else(|| text.to_string());
            *role = key(&plural);
        }
    }
    let post_noun = v["facts"]["post_noun"].as_str().unwrap_or("posts").to_string();
    let ev = map_mut(&mut v, &["facts", "evidence"]);
    let old_items: Vec<Value> = ev.get("items").and_then(Value::as_sequence).cloned().unwrap_or_default();
    let mut withdrawn_docs: Vec<String> = vec![];
    let mut items = vec![];
    match offered {
        Offered::Nothing => {
            ev.remove("items");
            ev.insert(key("offered"), key("only the complaint"));
            withdrawn_docs = old_items.iter().filter_map(|i| i["cite"]["doc"].as_str().map(str::to_string)).collect();
        }
        Offered::Declaration => {
            // The sample's own first piece of evidence (its record document and what it is offered
            // for), re-described as the new movant's declaration; a sample with none gets one.
            let (doc, offered_for) = match old_items.first() {
                Some(i) => (i["cite"]["doc"].as_str().unwrap().to_string(), i["offered_for"].clone()),
                None => ("variant-decl".to_string(), Value::Sequence(vec![key("falsity")])),
            };
            let says = format!("states that the {post_noun} are false and that business fell off after they appeared");
            let mut item = Mapping::new();
            item.insert(key("what"), key(movant.declaration()));
            item.insert(key("cite"), serde_yaml::from_str(&format!("{{doc: {doc}, at: \"¶¶ 2–6\"}}")).unwrap());
            item.insert(key("offered_for"), offered_for);
            item.insert(key("says"), key(&says));
            item.insert(
                key("falls_short"),
                key("it names no statement that is false, gives no account of what happened instead, and names no customer who left"),
            );
            ev.insert(key("items"), Value::Sequence(vec![Value::Mapping(item)]));
            ev.insert(key("offered"), key(&format!("the complaint and {}", movant.declaration())));
            items.push((movant.declaration().to_string(), says));
            let record = map_mut(&mut v, &["record"]);
            let mut entry = Mapping::new();
            entry.insert(key("full"), key(&format!("Declaration of {}", movant.declarant())));
            entry.insert(key("short"), key("Mercer Decl."));
            record.insert(key(&doc), Value::Mapping(entry));
        }
    }
    let mut still_cited = vec![];
    cited_docs(&v["facts"], &mut still_cited);
    let withdrawn = withdrawn_docs
        .into_iter()
        .filter(|d| !still_cited.contains(d))
        .map(|d| {
            let r = &v["record"][d.as_str()];
            (r["full"].as_str().unwrap().to_string(), r["short"].as_str().unwrap().to_string())
        })
        .collect();
    Variant {
        label: format!("{sample} with {:?} movant, {:?} offered", movant, offered),
        text: serde_yaml::to_string(&v).unwrap(),
        movant,
        items,
        withdrawn,
    }
}

/// The text with every quotation (between a pair of double quotes, as `normalize` leaves them)
/// removed: a rule or a post may say "person"; the brief's own words may not.
fn unquoted(body: &str) -> String {
    body.split('"').step_by(2).collect::<Vec<_>>().join(" ")
}

/// Words that write about a company as if it were a human being, outside quotations: a person
/// who does or suffers something ("a person who has been falsely accused knows …"), a reflexive
/// or possessive of a human, and "its declaration" (a company declares through a named person).
/// "Person" alone is not a sign: the law's elements say "a third person", "a reasonable person",
/// and a decision's parenthetical "an unknown person".
/// The last word of the client's short name, lowercased, when the client is a natural person
/// (pronoun he or she).
fn client_person(matter: &str) -> Option<String> {
    let doc: serde_yaml::Value = serde_yaml::from_str(matter).ok()?;
    let parties = doc.get("parties")?.as_mapping()?;
    parties.values().find_map(|p| {
        let client = p.get("client").and_then(|c| c.as_bool()) == Some(true);
        let person = matches!(p.get("pronoun").and_then(|x| x.as_str()), Some("he" | "she"));
        let short = p.get("short")?.as_str()?;
        (client && person).then(|| short.split_whitespace().last().unwrap_or(short).to_lowercase())
    })
}

fn person_wording(body: &str) -> Vec<String> {
    let lower = unquoted(body).to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    const PHRASES: [&[&str]; 9] = [
        &["person", "who"],
        &["persons", "who"],
        &["falsely", "accused"],
        &["himself"],
        &["herself"],
        &["its", "declaration"],
        &["its", "own", "declaration"],
        &["his", "own"],
        &["her", "own"],
    ];
    let mut found = vec![];
    for i in 0..words.len() {
        if PHRASES.iter().any(|p| words[i..].starts_with(p)) {
            found.push(words[i.saturating_sub(6)..(i + 6).min(words.len())].join(" "));
        }
    }
    found
}

/// The movant's short name followed by a verb that does not agree with it.
fn disagreement(body: &str, short: &str, plural: bool) -> Vec<String> {
    let verbs: &[&str] = if plural {
        &["has", "is", "was", "does", "offers", "asks", "says", "argues", "contends", "claims", "seeks", "relies"]
    } else {
        &["have", "are", "were", "do", "offer", "ask", "say", "argue", "contend", "claim", "seek", "rely"]
    };
    let capital = {
        let mut c = short.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    let mut out = vec![];
    for name in [short.to_string(), capital] {
        for verb in verbs {
            let bad = format!("{name} {verb} ");
            if body.contains(&bad) {
                out.push(bad);
            }
        }
    }
    out
}

fn check_variants(movant: Movant) {
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let mut session = Session::new();
    let mut built_count = 0;
    for sample in sample_files() {
        for offered in [Offered::Declaration, Offered::Nothing] {
            let v = variant(&sample, movant, offered);
            let src = pleader::diag::SourceText::new(sample.clone(), v.text.clone());
            let built = session
                .load(src, project.clone())
                .and_then(|l| session.build_loaded(l, std::time::Instant::now(), BuildOptions { pdf: false }))
                .unwrap_or_else(|d| {
                    panic!("{}:\n{}\n{}", v.label, pleader::diag::render(&d, Default::default()), v.text)
                });
            let body = body_text(&built);
            let label = &v.label;
            if v.movant == Movant::Company {
                // A client who is a person ("Ms. Almeida objects in her own right") is not the
                // company movant: wording about her is left out of the search.
                let client_person = client_person(&v.text);
                let bad: Vec<String> = person_wording(&body)
                    .into_iter()
                    .filter(|w| !client_person.as_ref().is_some_and(|name| w.contains(name.as_str())))
                    .collect();
                assert!(bad.is_empty(), "{label}: a company written about as a person: {bad:?}\n{body}");
            }
            let bad = disagreement(&body, v.movant.short(), v.movant == Movant::Several);
            assert!(bad.is_empty(), "{label}: verbs that do not agree with the movant: {bad:?}\n{body}");
            let twice = repeated_sentences(&body);
            assert!(twice.is_empty(), "{label}: printed twice: {twice:#?}");
            let lower = body.to_lowercase();
            for (what, says) in &v.items {
                assert!(lower.contains(&normalize(what).to_lowercase()), "{label}: never names “{what}”\n{body}");
                // Its opening words: a page break may set the page's footnotes inside the rest.
                let opening: String = normalize(says).split(' ').take(6).collect::<Vec<_>>().join(" ");
                assert!(body.contains(&opening), "{label}: never says what {what} says\n{body}");
            }
            for (full, short) in &v.withdrawn {
                assert!(
                    !body.contains(&normalize(full)) && !body.contains(&normalize(short)),
                    "{label}: cites {short}, which the matter no longer offers\n{body}"
                );
            }
            // The wording the issue found printed whatever the record held.
            for stale in ["adds nothing to them", "in the words of the elements themselves", "repeats the complaint"] {
                assert!(!lower.contains(stale), "{label}: “{stale}”\n{body}");
            }
            built_count += 1;
        }
    }
    assert_eq!(built_count, 2 * sample_files().len());
}

#[test]
fn the_person_wording_reader_finds_what_the_issue_found() {
    let found = person_wording(
        "A person who has been falsely accused knows the truth. Its declaration, Declaration of X, says so.",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    // Quoted law and the law's own persons are not the brief's words about the movant.
    assert!(person_wording("Rule 45 protects \"the person subject to the subpoena\" who must comply.").is_empty());
    assert!(person_wording("Publication to a third person; highly offensive to a reasonable person.").is_empty());
    assert!(person_wording("The declaration of its chief operating officer, Dana Whitlock, says so.").is_empty());
}

#[test]
fn variants_with_one_man_as_movant() {
    check_variants(Movant::Man);
}

#[test]
fn variants_with_one_woman_as_movant() {
    check_variants(Movant::Woman);
}

#[test]
fn variants_with_several_individuals_as_movants() {
    check_variants(Movant::Several);
}

#[test]
fn variants_with_a_company_as_movant() {
    check_variants(Movant::Company);
}

/// Every sample under a company movant, with its claims as the sample lists them: each claim only
/// a natural person can bring (IIED, false light) is an error at that claim's line, and a sample
/// with none of them validates.
#[test]
fn a_company_movant_pleading_a_claim_only_a_person_can_bring_is_an_error_at_the_claim() {
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let (mut failing, mut claims_hit) = (0, 0);
    for sample in sample_files() {
        let v = variant_with(&sample, Movant::Company, Offered::Declaration, false);
        let parsed: Value = serde_yaml::from_str(&v.text).unwrap();
        let flagged: Vec<String> = claim_types(&parsed).into_iter().filter(|t| persons_only(t)).collect();
        let src = pleader::diag::SourceText::new(sample.clone(), v.text.clone());
        let result = pleader::pipeline::load(src, project.clone()).and_then(|l| pleader::pipeline::draft_with(&l, &[]));
        if flagged.is_empty() {
            assert!(result.is_ok(), "{}: {}", v.label, pleader::diag::render(&result.unwrap_err(), Default::default()));
            continue;
        }
        let errors = result.err().unwrap_or_else(|| panic!("{}: built with {flagged:?} for a company", v.label));
        // One error per such claim, at its own `type:` line, naming it; nothing else fails.
        assert_eq!(errors.len(), flagged.len(), "{}:\n{}", v.label, pleader::diag::render(&errors, Default::default()));
        for (d, id) in errors.iter().zip(&flagged) {
            let (src, span) = (d.source.as_ref().unwrap(), d.span.as_ref().unwrap());
            let line = v.text.lines().nth(src.line_col(span.start).0 - 1).unwrap();
            assert_eq!(line.trim_start_matches([' ', '-']).trim(), format!("type: {id}"), "{}: {}", v.label, d.message);
            assert!(d.message.contains(&format!("(`{id}`) can be brought only by a natural person")), "{}", d.message);
        }
        failing += 1;
        claims_hit += flagged.len();
    }
    // The samples argue or list IIED (harborlight, kessler, leifer, vance) and false light
    // (ferreira, halloway, marchetti, oduya).
    assert_eq!((failing, claims_hit), (8, 8), "samples and claims that hit the rule");
}

/// A sample's court profile, read as plain YAML: (prints a division, its listed divisions or
/// counties, names the county in its title).
fn profile_lists(court: &str) -> (bool, Vec<String>, bool) {
    let text = std::fs::read_to_string(root().join("courts").join(format!("{court}.yaml"))).unwrap();
    let p: Value = serde_yaml::from_str(&text).unwrap();
    let list: Vec<String> = p["divisions"]
        .as_sequence()
        .map(|s| s.iter().filter_map(|d| d.as_str().map(|d| d.to_lowercase())).collect())
        .unwrap_or_default();
    let titled = p["court_title"].as_sequence().into_iter().flatten().any(|l| l.as_str().unwrap().contains("{county}"));
    (p["caption"]["division"].as_bool() == Some(true), list, titled)
}

/// Whether `value` ("San Jose", "San Jose Division", "Ocean County") names one of `list`.
fn in_list(value: &str, list: &[String]) -> bool {
    let v = value.to_lowercase();
    let v = v.trim_end_matches(" division").trim_end_matches(" county");
    list.iter().any(|d| d == v)
}

/// Every number under `facts`, by its key path.
fn numbers(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    if let Value::Mapping(m) = v {
        for (k, x) in m {
            path.push(k.as_str().unwrap().to_string());
            if x.is_u64() || x.is_i64() {
                out.push(path.clone());
            }
            numbers(x, path, out);
            path.pop();
        }
    }
}

fn set_at(v: &mut Value, path: &[String], to: Value) {
    let (last, parents) = path.split_last().unwrap();
    let mut at = v;
    for k in parents {
        at = at.get_mut(k.as_str()).unwrap();
    }
    at.as_mapping_mut().unwrap().insert(key(last), to);
}

#[test]
fn mutated_samples_fail_or_warn_at_the_mutated_line() {
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let samples: Vec<(String, Value)> = sample_files()
        .into_iter()
        .map(|f| {
            let v = serde_yaml::from_str(&std::fs::read_to_string(root().join("matters").join(&f)).unwrap()).unwrap();
            (f, v)
        })
        .collect();
    let values_of = |k: &str| -> Vec<String> {
        let mut all: Vec<String> =
            samples.iter().filter_map(|(_, v)| v.get(k).and_then(Value::as_str).map(str::to_string)).collect();
        all.sort();
        all.dedup();
        all
    };
    let (divisions, counties) = (values_of("division"), values_of("county"));
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    // (samples without a hearing, their brief dated ahead and warned of against today)
    let (mut unheard, mut warned_ahead) = (0, 0);
    for (sample, original) in &samples {
        // (kind, the key the diagnostic's line must hold, the mutated matter)
        let mut mutations: Vec<(&str, String, Value)> = vec![];
        let date = original["document"]["date"].clone();
        // Dates swapped: the brief's date with the hearing's, and with the motion it answers.
        if let Some(hearing) = original["document"].get("hearing").and_then(|h| h.get("date")).cloned() {
            let mut v = original.clone();
            v["document"]["date"] = hearing.clone();
            v["document"]["hearing"]["date"] = date.clone();
            mutations.push(("dates swapped", "date".into(), v));
        }
        if let Some(motion) = original["facts"].get("early_discovery").and_then(|e| e.get("motion_date")).cloned() {
            let mut v = original.clone();
            v["document"]["date"] = motion.clone();
            v["facts"]["early_discovery"]["motion_date"] = date.clone();
            mutations.push(("dates swapped", "motion_date".into(), v));
        }
        // A date no calendar has, at its own line; the brief dated five years ahead: an error
        // against the hearing where there is one, otherwise a warning against today (which the
        // session is given as the sample's own date: the library reads no clock).
        let mut date_paths = vec![vec!["document", "date"]];
        if original["document"].get("hearing").and_then(|h| h.get("date")).is_some() {
            date_paths.push(vec!["document", "hearing", "date"]);
        }
        if original["facts"].get("early_discovery").and_then(|e| e.get("motion_date")).is_some() {
            date_paths.push(vec!["facts", "early_discovery", "motion_date"]);
        }
        for path in &date_paths {
            let mut v = original.clone();
            let path: Vec<String> = path.iter().map(|p| p.to_string()).collect();
            set_at(&mut v, &path, key("2025-02-30"));
            mutations.push(("dates malformed", path.last().unwrap().clone(), v));
        }
        {
            let d = date.as_str().unwrap();
            let ahead = format!("{}{}", d[..4].parse::<u32>().unwrap() + 5, &d[4..]);
            let mut v = original.clone();
            v["document"]["date"] = key(&ahead);
            mutations.push(("dated ahead", "date".into(), v));
        }
        let today = chrono::NaiveDate::parse_from_str(date.as_str().unwrap(), "%Y-%m-%d").unwrap();
        // Divisions swapped: another sample's division or county, where this court lists its own
        // and does not list that one.
        let (prints_division, list, titled) = profile_lists(original["court"].as_str().unwrap());
        for (field, values, applies) in [("division", &divisions, prints_division), ("county", &counties, titled)] {
            if !applies || list.is_empty() {
                continue;
            }
            for other in values.iter().filter(|d| !in_list(d, &list)) {
                let mut v = original.clone();
                v.as_mapping_mut().unwrap().insert(key(field), key(other));
                mutations.push(("divisions swapped", field.into(), v));
            }
        }
        // Names duplicated: the respondent given the movant's name, or its short name.
        for field in ["name", "short"] {
            let mut v = original.clone();
            v["parties"]["respondent"][field] = original["parties"]["movant"][field].clone();
            mutations.push(("names duplicated", format!("{field}:"), v));
        }
        // Counts zeroed: every number the matter gives.
        let mut paths = vec![];
        numbers(&original["facts"], &mut vec!["facts".to_string()], &mut paths);
        for path in paths {
            let mut v = original.clone();
            set_at(&mut v, &path, Value::Number(0.into()));
            mutations.push(("counts zeroed", path.last().unwrap().clone(), v));
        }
        for (kind, at, v) in mutations {
            let text = serde_yaml::to_string(&v).unwrap();
            let label = format!("{sample}, {kind} ({at})");
            let src = pleader::diag::SourceText::new(sample.clone(), text.clone());
            let loaded = pleader::pipeline::load(src, project.clone());
            let diagnostics = match loaded.and_then(|l| pleader::pipeline::draft_with(&l, &[]).map(|_| l)) {
                Err(errors) => errors,
                // No error: the build must name the problem in a warning.
                Ok(l) => match Session::new().with_today(Some(today)).build_loaded(
                    l,
                    std::time::Instant::now(),
                    BuildOptions { pdf: false },
                ) {
                    Err(errors) => errors,
                    Ok(built) => built.warnings,
                },
            };
            let located = diagnostics.iter().any(|d| {
                let (Some(src), Some(span)) = (d.source.as_ref(), d.span.as_ref()) else { return false };
                let (line, _) = src.line_col(span.start);
                text.lines().nth(line - 1).is_some_and(|l| l.trim_start().starts_with(at.trim_end_matches(':')))
            });
            assert!(
                located,
                "{label}: built silently, or no diagnostic at the `{at}` line:\n{}\n{text}",
                pleader::diag::render(&diagnostics, Default::default())
            );
            *kinds.entry(kind).or_default() += 1;
            if kind == "dated ahead" && original["document"].get("hearing").is_none() {
                unheard += 1;
                warned_ahead += diagnostics.iter().any(|d| d.message.contains("days after today")) as usize;
            }
        }
    }
    assert_eq!(warned_ahead, unheard, "a brief dated ahead with no hearing, not warned of against today");
    assert!(unheard >= 3, "too few samples without a hearing: {unheard}");
    for kind in
        ["dates swapped", "dates malformed", "dated ahead", "divisions swapped", "names duplicated", "counts zeroed"]
    {
        assert!(kinds.get(kind).copied().unwrap_or(0) >= 3, "too few `{kind}` mutations: {kinds:?}");
    }
}
