//! Stage 2: validation. Cross-checks the matter against the library before anything is drafted:
//! the court profile and every clause the outline names exist, every option the matter sets is
//! one the clause declares, every value a clause `needs` is present, every authority a selected
//! clause cites is in the bank or the record, one party is the client and the signer is one of
//! the attorneys. Each problem points at the line to fix, in the matter or in the clause.

use std::collections::BTreeMap;

use crate::diag::{closest, did_you_mean, Diagnostic, Result, SourceText};
use crate::library::bank::Bank;
use crate::library::claims::Claims;
use crate::library::clause::Clause;
use crate::library::court::Profile;
use crate::library::project::Project;
use crate::library::schema::{Reads, Schema, Selection};
use crate::matter::facts::Known;
use crate::matter::Matter;
use crate::yaml;
use crate::yaml::tree::{Kind, Node};

/// Where the outline names a clause: the `nth` whole-word occurrence of the id after `brief:`.
pub fn find_outline_id(source: &SourceText, id: &str, nth: usize) -> std::ops::Range<usize> {
    let start = yaml::find_key(source, "brief").map_or(0, |r| r.end);
    let text = &source.text;
    // Where the id is written as an outline item: a list item, a `clause:` or `paragraph:` value,
    // or a flow entry; not a word of some paragraph's text ("the argument …") that comes first
    // (the Cook County user's error pointed into the introduction's text).
    let as_item = |r: &std::ops::Range<usize>| {
        let line = &text[text[..r.start].rfind('\n').map_or(0, |n| n + 1)..r.start];
        let before = line.trim_end_matches([' ', '"', '\'']);
        ["-", "clause:", "paragraph:", "{", "[", ","].iter().any(|m| before.ends_with(m))
    };
    let found = (0..)
        .map_while(|n| yaml::find_id(text, start, text.len(), id, n))
        .filter(as_item)
        .nth(nth)
        .or_else(|| yaml::find_id(text, start, text.len(), id, nth));
    found.unwrap_or(start.saturating_sub(6)..start)
}

/// The court profile the matter names, with its per-judge overrides applied; the matter must name
/// a profile of the project and give what its court title needs.
pub fn court_profile(matter: &Matter, matter_src: &SourceText, project: &Project) -> Result<Profile> {
    let profiles = project.files_in("courts", ".yaml");
    let Some((_, src)) = profiles.iter().find(|(id, _)| *id == matter.court) else {
        let span = yaml::find_key(matter_src, "court")
            .map(|r| {
                let line_end = matter_src.text[r.end..].find('\n').map_or(matter_src.text.len(), |e| r.end + e);
                r.start..line_end
            })
            .unwrap_or(0..0);
        let ids: Vec<&str> = profiles.iter().map(|(id, _)| id.as_str()).collect();
        let hint = match did_you_mean(&matter.court, ids.iter().copied()) {
            Some(guess) => format!("{guess} (profiles: {})", ids.join(", ")),
            None => format!("the court profiles are: {}", ids.join(", ")),
        };
        return Err(Diagnostic::error(format!("unknown court profile `{}`", matter.court))
            .at(matter_src, span)
            .with_hint(hint)
            .into());
    };
    let overrides = matter.overrides.as_ref().map(|o| (matter_src, o));
    let mut profile = Profile::load(src, overrides)?;
    let standards = crate::library::standards::Standards::load_all(&project.files_in("clauses", ".yaml"))?;
    standards.check_profile(&profile, src)?;
    standards.resolve(&mut profile);
    if profile.court_title.iter().any(|l| l.contains("{county}")) && matter.county.is_none() {
        let span = yaml::find_key(matter_src, "court").unwrap_or(0..0);
        return Err(Diagnostic::error(format!(
            "the `{}` profile names the county in the court title, and the matter has no `county:`",
            matter.court
        ))
        .at(matter_src, span)
        .with_hint("add a top-level `county: San Francisco` (or the county where the case is pending)")
        .into());
    }
    let template = format!("templates/{}.typ", profile.caption.template);
    if !project.files.contains_key(&template) {
        let span = yaml::find_key(src, "caption.template").unwrap_or(0..0);
        let names: Vec<String> = project.files_in("templates", ".typ").into_iter().map(|(n, _)| n).collect();
        return Err(Diagnostic::error(format!("there is no caption template `{template}`"))
            .at(src, span)
            .with_hint(format!("the templates are: {}", names.join(", ")))
            .into());
    }
    Ok(profile)
}

/// What a build validated: the facts as the clauses see them (defaults filled in) and warnings.
pub struct Validated {
    pub facts: serde_json::Value,
    pub warnings: Vec<Diagnostic>,
}

/// The parts of the library validation reads.
pub struct Library<'a> {
    /// The court profile the matter names.
    pub profile: &'a Profile,
    /// The parsed clause files the outline selects.
    pub clauses: &'a BTreeMap<String, Clause>,
    /// Per selected clause, the facts it declares (its own and its partials'), with the file
    /// declaring each.
    pub declared: &'a BTreeMap<String, Vec<(Reads, String)>>,
    /// The ids of every clause file (for suggestions).
    pub available: &'a [String],
    pub bank: &'a Bank,
    pub schema: &'a Schema,
    pub claims: &'a Claims,
    pub arguments: &'a crate::library::arguments::Arguments,
    /// The kinds of proof (`clauses/_proof.yaml`).
    pub proof: &'a crate::library::claims::ProofKinds,
}

/// The positioned node of each outline entry (clause id or `{clause: …}` mapping), depth first,
/// in the order of [`Matter::outline`].
fn outline_nodes(root: &Node) -> Vec<&Node> {
    fn walk<'a>(items: &'a Node, out: &mut Vec<&'a Node>) {
        if let Kind::Seq(items) = &items.kind {
            for item in items {
                out.push(item);
                if let Some(sections) = item.get("sections") {
                    walk(&sections.value, out);
                }
            }
        }
    }
    let mut out = vec![];
    if let Some(brief) = root.get("brief") {
        walk(&brief.value, &mut out);
    }
    out
}

/// Whether an option value is on (booleans; any other value counts as set).
fn is_on(v: Option<&serde_yaml::Value>) -> bool {
    match v {
        Some(serde_yaml::Value::Bool(b)) => *b,
        Some(serde_yaml::Value::Null) | None => false,
        Some(_) => true,
    }
}

/// Checks that only make sense with the whole library at hand: the outline (known clauses, none
/// twice, options the clause declares with values of the right kind), what clauses need outside
/// the facts, the facts against the schema of the selected clauses, the parties and counsel.
pub fn validate(matter: &Matter, matter_src: &SourceText, lib: &Library) -> Result<Validated> {
    let mut problems = vec![];
    let mut warnings = vec![];
    let tree = crate::yaml::tree::parse(&matter_src.text);
    let nodes = tree.as_ref().map(outline_nodes).unwrap_or_default();
    let outline = matter.outline();
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    let mut first_at: std::collections::HashMap<&str, std::ops::Range<usize>> = Default::default();
    let mut selection = Selection::default();
    for (i, (_, item)) in outline.iter().enumerate() {
        let node = nodes.get(i).copied();
        let nth = counts.entry(item.clause.as_str()).or_default();
        let here = match node {
            Some(n) => n.get("clause").map_or(n.span.clone(), |e| e.value.span.clone()),
            None => find_outline_id(matter_src, &item.clause, *nth),
        };
        *nth += 1;
        if let Some(first) = first_at.get(item.clause.as_str()) {
            let (line, _) = matter_src.line_col(first.start);
            problems.push(
                Diagnostic::error(format!(
                    "clause `{}` is listed twice in the outline (first at line {line})",
                    item.clause
                ))
                .at(matter_src, here.clone())
                .with_secondary(first.clone(), "first listed here")
                .with_hint("a clause argues its point once; remove one of them"),
            );
            continue;
        }
        first_at.insert(item.clause.as_str(), here.clone());
        let Some(clause) = lib.clauses.get(&item.clause) else {
            let hint = did_you_mean(&item.clause, lib.available.iter().map(|s| s.as_str()))
                .unwrap_or_else(|| "`pleader clauses` lists the clause library".into());
            problems.push(
                Diagnostic::error(format!("unknown clause `{}`", item.clause)).at(matter_src, here).with_hint(hint),
            );
            continue;
        };
        // Under a project's own standard that no library clause argues, a clause that speaks of
        // the court's standard applies only where what it says holds of any standard.
        let j = &lib.profile.jurisdiction;
        if j.standard_paragraphs_only && clause.refused_under_own_standard() {
            problems.push(
                Diagnostic::error(format!(
                    "clause `{}` describes the court's standard as the library's standards are argued, and {} applies `{}`, a standard of the project's own that no library clause argues",
                    item.clause, lib.profile.name, j.standard
                ))
                .at(matter_src, here.clone())
                .with_hint("say what this section says in a paragraph of your own (`- paragraph: …`); the clauses that fit any standard say `any_standard: true` under `applies:` (`pleader clauses` lists them)"),
            );
            continue;
        }
        if let Some(applies) = &clause.header.applies {
            let why = applies.mismatch(&item.clause, &lib.profile.name, j);
            if let Some(why) = why {
                problems.push(
                    Diagnostic::error(why)
                        .at(matter_src, here.clone())
                        .with_hint(format!(
                            "remove it from `brief:`, or choose another court (`court:`); `pleader clauses` shows where each clause applies (the court's standard is set in courts/{}.yaml)",
                            matter.court
                        )),
                );
                continue;
            }
            for (path, values) in applies.facts.iter().filter(|_| applies.facts_apply(j)) {
                let parts: Vec<&str> = path.split('.').collect();
                let given = matter.fact(&parts).and_then(|v| v.as_str()).map(str::to_string);
                // A value the fact does not take is the fact check's error, at the value.
                let known = |g: &String| match lib.schema.get(path).map(|f| &f.ty) {
                    Some(crate::library::schema::FactType::OneOf(allowed)) => allowed.contains_key(g),
                    _ => true,
                };
                if let Some(given) = given.filter(|g| !values.contains(g) && known(g)) {
                    problems.push(
                        Diagnostic::error(format!(
                            "clause `{}` presupposes that `{path}` is {}, and the matter says `{given}`",
                            item.clause,
                            values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(" or ")
                        ))
                        .at(matter_src, here.clone())
                        .with_hint(format!(
                            "{}remove the clause from `brief:`",
                            applies.argues.as_deref().map(|a| format!("it {a}; ")).unwrap_or_default()
                        )),
                    );
                }
            }
        }
        let option_nodes = node.and_then(|n| n.get("options")).map(|e| &e.value);
        for (key, value) in &item.options {
            let Some(key) = key.as_str() else { continue };
            let entry = option_nodes.and_then(|n| n.get(key));
            let span = entry
                .map(|e| e.key_span.clone())
                .or_else(|| find_after(matter_src, here.start, key))
                .unwrap_or(here.clone());
            let Some(spec) = clause.header.options.get(key) else {
                let known: Vec<&str> = clause.header.options.keys().map(|s| s.as_str()).collect();
                let mut d =
                    Diagnostic::error(format!("clause `{}` has no option `{key}`", item.clause)).at(matter_src, span);
                d = match closest(key, known.iter().copied()) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                    None if known.is_empty() => d.with_hint("this clause takes no options"),
                    None => d.with_hint(format!("its options are: {}", known.join(", "))),
                };
                problems.push(d);
                continue;
            };
            let value_span = entry.map(|e| e.value.span.clone()).unwrap_or(span);
            if let Some(values) = &spec.values {
                let given = value
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| serde_yaml::to_string(value).unwrap_or_default().trim().to_string());
                if !values.contains_key(&given) {
                    let guess = closest(&given, values.keys().map(|s| s.as_str()))
                        .map(|b| format!("did you mean `{b}`? "))
                        .unwrap_or_default();
                    let allowed: Vec<String> = values.iter().map(|(k, d)| format!("`{k}` ({d})")).collect();
                    problems.push(
                        Diagnostic::error(format!(
                            "`{given}` is not a value option `{key}` of clause `{}` takes",
                            item.clause
                        ))
                        .at(matter_src, value_span)
                        .with_hint(format!("{guess}the values are: {}", allowed.join("; "))),
                    );
                }
            } else if spec.default.is_bool() && !value.is_bool() {
                problems.push(
                    Diagnostic::error(format!("option `{key}` of clause `{}` is `true` or `false`", item.clause))
                        .at(matter_src, value_span)
                        .with_hint(spec.description.clone().unwrap_or_default()),
                );
            }
        }
        for need in &clause.header.needs {
            if !matter.has(need) {
                let missing_at = deepest_present(matter_src, need);
                let line =
                    crate::yaml::find_key(&clause.source, "needs").map_or(1, |r| clause.source.line_col(r.start).0);
                let mut d =
                    Diagnostic::error(format!("the matter has no `{need}`, which clause `{}` needs", item.clause));
                d = match missing_at {
                    Some(span) => d
                        .at(matter_src, span)
                        .with_label(format!("add `{}` under here", need.rsplit('.').next().unwrap_or(need))),
                    None => d.in_file(matter_src),
                };
                d = d.with_note(format!("required by {}:{line}", clause.source.name));
                problems.push(d);
            }
        }
        // The facts this clause reads: required when the schema requires them, or, for a fact
        // declared `when: <option>`, exactly when that option is on.
        for (reads, _) in lib.declared.get(&item.clause).map(|v| v.as_slice()).unwrap_or(&[]) {
            match &reads.when {
                None => {
                    // Required only where every mapping above it is too: a field the schema
                    // requires inside an optional mapping (`early_discovery.motion_date`) is asked
                    // for when the mapping is given, never the mapping itself (the N.D. Ga.
                    // user's "no `early_discovery`" where the fact's own help says to leave it out).
                    let parts: Vec<&str> = reads.path.split('.').collect();
                    let required =
                        (1..=parts.len()).all(|n| lib.schema.get(&parts[..n].join(".")).is_some_and(|f| f.required));
                    selection.add(&reads.path, required, &item.clause);
                }
                Some(opt) => {
                    let on = is_on(
                        item.options.get(opt.as_str()).or_else(|| clause.header.options.get(opt).map(|o| &o.default)),
                    );
                    if on {
                        selection.add(&reads.path, true, &item.clause);
                    } else {
                        selection.add_gated(&reads.path, &item.clause, opt);
                    }
                }
            }
        }
        selection.add_answers(&clause.header.answers, &item.clause);
    }
    if let Some(root) = &tree {
        warnings.extend(crate::yaml::located::swallowed_by_comment(matter_src, root));
    }
    // Facts no clause prints that `pleader check` reads, whatever the outline.
    super::add_check_reads(&mut selection);
    let mut facts = serde_json::Value::Object(Default::default());
    if problems.is_empty() {
        if let Some(root) = &tree {
            let known = Known {
                record: matter.record.keys().map(|s| s.as_str()).collect(),
                authorities: lib.bank.ids().collect(),
                claims: lib.claims,
                arguments: lib.arguments,
                system: lib.profile.jurisdiction.system.id(),
                court: &lib.profile.name,
            };
            match super::facts::check(matter_src, root, lib.schema, &selection, &known) {
                Ok((f, mut w)) => {
                    facts = f;
                    warnings.append(&mut w);
                }
                Err(mut d) => problems.append(&mut d),
            }
        }
    }
    let clients = matter.parties.values().filter(|p| p.client).count();
    if clients != 1 {
        let span = yaml::find_key(matter_src, "parties").unwrap_or(0..0);
        problems.push(
            Diagnostic::error(format!("{clients} parties are marked `client: true`; exactly one must be"))
                .at(matter_src, span)
                .with_hint("mark the party this document is filed for with `client: true`"),
        );
    }
    if !matter.counsel.attorneys.iter().any(|a| a.name == matter.counsel.signer) {
        let span = yaml::find_key(matter_src, "counsel.signer").unwrap_or(0..0);
        let names: Vec<&str> = matter.counsel.attorneys.iter().map(|a| a.name.as_str()).collect();
        let mut d = Diagnostic::error(format!("the signer `{}` is not one of the attorneys", matter.counsel.signer))
            .at(matter_src, span);
        d = match closest(&matter.counsel.signer, names.iter().copied()) {
            Some(b) => d.with_hint(format!("did you mean `{b}`?")),
            None => d.with_hint(format!("the attorneys are: {}", names.join(", "))),
        };
        problems.push(d);
    }
    if problems.is_empty() {
        if let Some(root) = &tree {
            problems.extend(unanswered_arguments(matter, matter_src, root, &facts, lib));
        }
    }
    let (mut errors, mut cross_warnings) =
        super::consistency::check(matter, matter_src, lib, selection.covers("motion.delay"));
    problems.append(&mut errors);
    warnings.append(&mut cross_warnings);
    for id in matter.record.keys() {
        if lib.bank.get(id).is_some() {
            let span = yaml::find_key(matter_src, &format!("record.{id}")).unwrap_or(0..0);
            problems.push(
                Diagnostic::error(format!("record document `{id}` has the same id as an authority"))
                    .at(matter_src, span)
                    .with_hint("rename the record document, e.g. `{id}-decl`"),
            );
        }
    }
    if problems.is_empty() {
        warnings.extend(super::opinion::unargued_factors(&facts, matter_src, lib, selection.covers("forum")));
        Ok(Validated { facts, warnings })
    } else {
        Err(problems)
    }
}

/// Every argument of `facts.motion.arguments` that no section of the outline answers: no selected
/// clause lists its kind under `answers:`. Each is an error at the argument's `kind:` line.
fn unanswered_arguments(
    matter: &Matter,
    matter_src: &SourceText,
    root: &Node,
    facts: &serde_json::Value,
    lib: &Library,
) -> Vec<Diagnostic> {
    let answered: std::collections::BTreeSet<&str> = matter
        .outline()
        .iter()
        .filter_map(|(_, item)| lib.clauses.get(&item.clause))
        .flat_map(|c| c.header.answers.iter().map(|s| s.as_str()))
        .collect();
    let nodes: Vec<&Node> = root
        .get("facts")
        .and_then(|f| f.value.get("motion"))
        .and_then(|m| m.value.get("arguments"))
        .map(|a| match &a.value.kind {
            Kind::Seq(items) => items.iter().collect(),
            _ => vec![],
        })
        .unwrap_or_default();
    let mut out = vec![];
    let args = facts.pointer("/motion/arguments").and_then(|a| a.as_array()).cloned().unwrap_or_default();
    for (i, arg) in args.iter().enumerate() {
        let Some(kind) = arg.get("kind").and_then(|k| k.as_str()) else { continue };
        if answered.contains(kind) {
            continue;
        }
        let span = nodes
            .get(i)
            .and_then(|n| n.get("kind"))
            .map(|e| e.key_span.start..e.value.span.end)
            .or_else(|| yaml::find_key(matter_src, "facts.motion.arguments"))
            .unwrap_or(0..0);
        let cite = arg
            .get("cite")
            .map(|c| {
                let doc = c.get("doc").and_then(|d| d.as_str()).unwrap_or("");
                let short = matter.record.get(doc).map_or(doc, |r| r.short.as_str());
                format!(" ({short} {})", c.get("at").and_then(|a| a.as_str()).unwrap_or(""))
            })
            .unwrap_or_default();
        let by = lib.arguments.kinds.get(kind).map(|k| k.answered_by.as_str()).unwrap_or("a clause");
        out.push(
            Diagnostic::error(format!("the motion's `{kind}` argument{cite} is answered by no section of the brief"))
                .at(matter_src, span)
                .with_hint(if by.contains("paragraph") {
                    // The kind's own `answered_by` already says that a paragraph answers it.
                    format!(
                        "add {by} to `brief:` (an outline entry with `paragraph:`, `heading:`, `text:` and `answers:` listing `{kind}`)"
                    )
                } else {
                    format!(
                        "add {by} to `brief:`, or a paragraph of your own (an outline entry with `paragraph:`, `heading:`, `text:` and `answers:` listing `{kind}`)"
                    )
                }),
        );
    }
    out
}

/// The span of the deepest key of `path` that the matter file has, to say where to add the rest.
fn deepest_present(source: &SourceText, path: &str) -> Option<std::ops::Range<usize>> {
    let parts: Vec<&str> = path.split('.').collect();
    (1..=parts.len()).rev().find_map(|n| yaml::find_key(source, &parts[..n].join(".")))
}

fn find_after(source: &SourceText, from: usize, key: &str) -> Option<std::ops::Range<usize>> {
    let pos = source.text[from..].find(&format!("{key}:"))?;
    Some(from + pos..from + pos + key.len())
}
