//! `pleader clauses --lint`: checks the clauses the way a template maintainer needs. Every
//! clause is parsed; every sample matter (`matters/*.yaml`) is built in memory, which renders and
//! typesets each clause it selects; each clause no sample selects is rendered and typeset alone
//! against every sample matter that has the values it `needs`. Reported, each with file and line:
//! template syntax errors, undefined variables and unknown filters, citations of ids not in the
//! bank, Typst errors, authorities a clause declares but no rendering cites, authorities it cites
//! without declaring them, clauses no sample matter exercises, and the citations: every authority a
//! clause lists or cites checked against the reference data (at its bank-file line), and the pins
//! and short forms of the sample renderings (at the clause line).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::Instant;

use crate::diag::{Diagnostic, Diagnostics, SourceText};
use crate::draft::ClauseTemplates;
use crate::library::bank::Bank;
use crate::library::project::Project;
use crate::library::schema::{FactType, Schema};
use crate::library::Library;
use crate::matter::OutlineItem;
use crate::pipeline::{self, BuildOptions, Session};
use crate::yaml;

#[derive(Default)]
pub struct LintReport {
    pub diagnostics: Diagnostics,
    /// (clause, matter) pairs rendered and typeset.
    pub renders: usize,
    pub clauses: usize,
    pub matters: usize,
}

pub fn lint(project: &Project) -> LintReport {
    let mut report = LintReport::default();
    let files = project.files_in("clauses", ".tera");
    report.clauses = files.iter().filter(|(id, _)| !id.starts_with('_')).count();
    let library = match ClauseTemplates::new(files, None) {
        Ok(l) => l,
        Err(d) => {
            report.diagnostics = d;
            return report;
        }
    };
    let (bank, schema) = match Library::load(project.clone()) {
        Ok(l) => (l.bank, l.schema),
        Err(mut d) => {
            report.diagnostics.append(&mut d);
            (Bank::default(), Default::default())
        }
    };
    report.diagnostics.extend(fact_declarations(&library, &schema));
    if let Ok(lib) = Library::load(project.clone()) {
        report.renders += one_of_renderings(&lib, &library, &mut report.diagnostics);
        report.renders += court_renderings(&lib, &library, &mut report.diagnostics);
    }
    // Citations of unknown ids, for every clause whether or not a sample selects it. Ids in a
    // sample matter's record are fine.
    let samples: Vec<(String, SourceText)> =
        project.files_in("matters", ".yaml").into_iter().map(|(id, s)| (id, s.clone())).collect();
    report.matters = samples.len();
    let mut record_ids: BTreeSet<String> = BTreeSet::new();
    for (_, src) in &samples {
        if let Ok(m) = crate::matter::Matter::load(src) {
            record_ids.extend(m.record.keys().cloned());
            record_ids.extend(m.authorities.keys().cloned());
        }
    }
    let candidates: Vec<&str> = bank.ids().collect();
    for clause in library.clauses.values() {
        let known = |id: &str| bank.get(id).is_some() || record_ids.contains(id);
        report.diagnostics.extend(crate::cite::unknown_citations(clause, known, &candidates));
        for id in &clause.header.authorities {
            if bank.get(id).is_none() && !record_ids.contains(id) {
                let span = header_item(&clause.source, "authorities", id);
                report.diagnostics.push(
                    Diagnostic::error(format!("the header lists `{id}`, which is not in the authority bank"))
                        .at(&clause.source, span),
                );
            }
        }
    }

    let mut session = Session::new();
    let mut exercised: BTreeSet<String> = BTreeSet::new();
    let mut cited: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Pins and short forms of the renderings, each problem once.
    let mut use_problems: Vec<Diagnostic> = vec![];
    let mut seen_problems: BTreeSet<(Option<String>, String)> = BTreeSet::new();
    let mut record = |built: &pipeline::Built,
                      cited: &mut BTreeMap<String, BTreeSet<String>>,
                      exercised: &mut BTreeSet<String>| {
        for r in &built.drafted {
            exercised.insert(r.clause.clone());
            // A sentence run into the next ("… later fail.A lower threshold …"): a `{#-` or
            // `{%-` that ate the space between two sentences.
            if let Some(clause) = library.clauses.get(&r.clause) {
                if let Some(joined) = crate::rules::substance::run_on(&r.body) {
                    let d = Diagnostic::error(format!(
                            "clause `{}` runs two sentences together: “{joined}”",
                            clause.id
                        ))
                        .in_file(&clause.source)
                        .with_hint("a `{#-`, `{%-` or `-%}` strips the space between the sentences: keep the space outside the tag");
                    if seen_problems.insert((d.location(), d.message.clone())) {
                        use_problems.push(d);
                    }
                }
            }
        }
        for u in &built.uses {
            if let Some(r) = built.drafted.get(u.clause) {
                cited.entry(r.clause.clone()).or_default().insert(u.id.clone());
            }
        }
        for d in crate::rules::use_diagnostics(built) {
            if seen_problems.insert((d.location(), d.message.clone())) {
                use_problems.push(d);
            }
        }
    };
    for (_, src) in &samples {
        match pipeline::load(src.clone(), project.clone()) {
            Ok(loaded) => match session.build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }) {
                Ok(built) => {
                    report.renders += built.drafted.len();
                    record(&built, &mut cited, &mut exercised);
                }
                Err(mut d) => report.diagnostics.append(&mut d),
            },
            Err(mut d) => report.diagnostics.append(&mut d),
        }
    }
    // Clauses no sample selects: alone, against each sample that has what they need.
    let unexercised: Vec<_> = library.clauses.values().filter(|c| !exercised.contains(&c.id)).collect();
    for clause in unexercised {
        let mut tried = false;
        for (_, src) in &samples {
            let Ok(mut loaded) = pipeline::load(src.clone(), project.clone()) else { continue };
            if clause.header.needs.iter().any(|n| !loaded.matter.has(n)) {
                continue;
            }
            // Only in a sample whose court the clause is written for.
            if clause.header.applies.as_ref().is_some_and(|a| !a.court_fits(&loaded.profile.jurisdiction)) {
                continue;
            }
            tried = true;
            loaded.matter.brief = vec![OutlineItem {
                clause: clause.id.clone(),
                options: Default::default(),
                sections: vec![],
                paragraph: None,
            }];
            let only: HashSet<String> = [clause.id.clone()].into_iter().collect();
            match ClauseTemplates::new(project.files_in("clauses", ".tera"), Some(&only)) {
                Ok(l) => loaded.templates = std::sync::Arc::new(l),
                Err(mut d) => {
                    report.diagnostics.append(&mut d);
                    continue;
                }
            }
            match session.build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }) {
                Ok(built) => {
                    report.renders += 1;
                    record(&built, &mut cited, &mut exercised);
                }
                Err(mut d) => report.diagnostics.append(&mut d),
            }
        }
        if !tried {
            let span = yaml::find_key(&clause.source, "needs").unwrap_or(0..0);
            report.diagnostics.push(
                Diagnostic::warning(format!(
                    "clause `{}` is not exercised: no sample matter has everything it needs",
                    clause.id
                ))
                .at(&clause.source, span)
                .with_hint("add the facts it needs to a sample matter in matters/, or select it there"),
            );
        }
    }
    // The citations of every authority a clause lists or a rendering cites.
    let mut used: BTreeSet<&str> =
        library.clauses.values().flat_map(|c| c.header.authorities.iter()).map(|s| s.as_str()).collect();
    used.extend(cited.values().flatten().map(|s| s.as_str()));
    report.diagnostics.extend(crate::cite::verify::check_bank(&bank, Some(&used)));
    report.diagnostics.append(&mut use_problems);
    // Declared but never cited; cited but not declared.
    for clause in library.clauses.values().filter(|c| exercised.contains(&c.id)) {
        let used = cited.get(&clause.id).cloned().unwrap_or_default();
        for id in &clause.header.authorities {
            if !used.contains(id) {
                let span = header_item(&clause.source, "authorities", id);
                report.diagnostics.push(
                    Diagnostic::warning(format!(
                        "`{id}` is declared but no sample rendering of `{}` cites it",
                        clause.id
                    ))
                    .at(&clause.source, span)
                    .with_hint(
                        "remove it from `authorities:`, or cite it (it may sit behind an option no sample turns on)",
                    ),
                );
            }
        }
        let declared: BTreeSet<&String> = clause.header.authorities.iter().collect();
        // Only ids the template names: ids a matter supplies (its own `authorities:`, through a
        // fact) or the bank chooses (a court's decisions on a topic) cannot be declared.
        let named: BTreeSet<String> =
            crate::cite::syntax::cited_ids(&clause.body).into_iter().map(|(id, _)| id).collect();
        for id in used.iter().filter(|id| !declared.contains(id) && !record_ids.contains(*id) && named.contains(*id)) {
            let span = yaml::find_key(&clause.source, "authorities").unwrap_or(0..0);
            report.diagnostics.push(
                Diagnostic::warning(format!("`{}` cites `{id}` without listing it in `authorities:`", clause.id))
                    .at(&clause.source, span),
            );
        }
    }
    // A sample's problem shows up once per rendering that loads it: report it once.
    let mut seen = BTreeSet::new();
    report.diagnostics.retain(|d| seen.insert((d.location(), d.message.clone())));
    report
}

/// Renders every clause with every value of every one-of fact it reads (alone in an outline of
/// its own, on the matter `pleader new` would write for it, with its options at their defaults
/// and then all on), so that no value falls through a branch unhandled: an unhandled value is a
/// Tera `throw` or an error in the rendered text. Returns the number of renderings.
pub fn one_of_renderings(library: &Library, templates: &ClauseTemplates, out: &mut Diagnostics) -> usize {
    let Some(template) = library.project.files.get("scaffold/matter.yaml") else { return 0 };
    let mut renders = 0;
    for clause in templates.clauses.values() {
        let one_ofs: Vec<(String, Vec<String>)> = templates
            .reads(&clause.id)
            .facts
            .into_iter()
            .filter_map(|p| {
                let f = library.schema.get(&p)?;
                let values = match &f.ty {
                    FactType::OneOf(v) => v.keys().cloned().collect(),
                    FactType::List(item) => match &item.ty {
                        FactType::OneOf(v) => v.keys().cloned().collect(),
                        _ => return None,
                    },
                    _ => return None,
                };
                Some((p, values))
            })
            .collect();
        if one_ofs.is_empty() {
            continue;
        }
        let all_on: serde_yaml::Mapping = clause
            .header
            .options
            .iter()
            .filter(|(_, o)| o.default.is_bool())
            .map(|(k, _)| (serde_yaml::Value::String(k.clone()), serde_yaml::Value::Bool(true)))
            .collect();
        // A court where the clause applies, and the facts it presupposes there.
        let Some((court, examples)) = setting_for(clause, library) else {
            out.push(
                Diagnostic::warning(format!("clause `{}` applies in none of the court profiles", clause.id))
                    .at(&clause.source, yaml::find_key(&clause.source, "applies").unwrap_or(0..0)),
            );
            continue;
        };
        for options in [serde_yaml::Mapping::new(), all_on] {
            let brief = vec![OutlineItem { clause: clause.id.clone(), options, sections: vec![], paragraph: None }];
            let text = match crate::scaffold::for_outline(library, template, &brief, &examples, "lint") {
                Ok(t) => {
                    let profiles = library.profiles();
                    crate::scaffold::in_court(&t, &court, profiles.iter().find(|(id, _)| *id == court).map(|(_, p)| p))
                }
                Err(mut d) => {
                    out.append(&mut d);
                    continue;
                }
            };
            let loaded = match pipeline::load(
                SourceText::new(format!("<lint matter for {}>", clause.id), text),
                library.project.clone(),
            ) {
                Ok(l) => l,
                Err(mut d) => {
                    out.append(&mut d);
                    continue;
                }
            };
            for (path, values) in &one_ofs {
                let is_list = matches!(library.schema.get(path).map(|f| &f.ty), Some(FactType::List(_)));
                // A list keeps its example items and gains the value (a value alone may mean
                // nothing to the clause, e.g. a kind of proof the argued claims never call for).
                let example: Vec<serde_json::Value> = library
                    .schema
                    .get(path)
                    .and_then(|f| f.example.as_ref())
                    .and_then(|e| e.as_sequence())
                    .map(|s| s.iter().map(crate::yaml::to_json).collect())
                    .unwrap_or_default();
                for v in values {
                    let value = if is_list {
                        let mut items = example.clone();
                        if !items.iter().any(|i| i == v.as_str()) {
                            items.push(serde_json::json!(v));
                        }
                        serde_json::Value::Array(items)
                    } else {
                        serde_json::json!(v)
                    };
                    renders += 1;
                    if let Err(d) = pipeline::draft_with(&loaded, &[(path.clone(), value)]) {
                        for e in d {
                            out.push(
                                Diagnostic::error(format!(
                                    "clause `{}` fails when `{path}` is `{v}`: {}",
                                    clause.id, e.message
                                ))
                                .at(&clause.source, yaml::find_key(&clause.source, "facts").unwrap_or(0..0))
                                .with_hint("handle every value the schema allows, or end the `if` chain with `{% else %}{{ throw(message=\"…\") }}`"),
                            );
                        }
                    }
                }
            }
        }
    }
    renders
}

/// A court profile in which a clause applies (the first by id), and the example values of the
/// facts its `applies:` presupposes.
fn setting_for(
    clause: &crate::library::clause::Clause,
    library: &Library,
) -> Option<(String, indexmap::IndexMap<String, serde_yaml::Value>)> {
    settings_for(clause, library).into_iter().next()
}

/// Every court profile in which a clause applies (the scaffold's own court, nd-cal, first), each
/// with the example values of the facts its `applies:` presupposes there.
fn settings_for(
    clause: &crate::library::clause::Clause,
    library: &Library,
) -> Vec<(String, indexmap::IndexMap<String, serde_yaml::Value>)> {
    let applies = clause.header.applies.clone().unwrap_or_default();
    let mut courts = library.profiles();
    courts.sort_by_key(|(id, _)| id != "nd-cal");
    let mut out = vec![];
    for (id, profile) in courts {
        let j = &profile.jurisdiction;
        if applies.court_fits(j) {
            let mut examples: indexmap::IndexMap<String, serde_yaml::Value> = indexmap::IndexMap::new();
            if applies.facts_apply(j) {
                for (path, values) in &applies.facts {
                    if let Some(v) = values.first() {
                        examples.insert(path.clone(), serde_yaml::Value::String(v.clone()));
                    }
                }
            }
            // A state court hears no Rule 45 objections.
            if j.system == crate::library::court::System::State {
                examples.insert(
                    "meet_and_confer.objections".into(),
                    serde_yaml::from_str("[no_unmasking_analysis, first_amendment]").unwrap_or_default(),
                );
                examples.insert("motion.test".into(), serde_yaml::Value::String("krinsky".into()));
            }
            out.push((id, examples));
        }
    }
    out
}

/// Renders every clause once in every court profile where it applies, on the matter `pleader new`
/// would write for it, with its options at their defaults: a court-dependent branch with no text
/// (a Tera `throw`) or a citation error in any of them is an error. Returns the renderings.
pub fn court_renderings(library: &Library, templates: &ClauseTemplates, out: &mut Diagnostics) -> usize {
    let Some(template) = library.project.files.get("scaffold/matter.yaml") else { return 0 };
    let mut renders = 0;
    for clause in templates.clauses.values() {
        for (court, examples) in settings_for(clause, library) {
            let brief = vec![OutlineItem {
                clause: clause.id.clone(),
                options: Default::default(),
                sections: vec![],
                paragraph: None,
            }];
            let text = match crate::scaffold::for_outline(library, template, &brief, &examples, "lint") {
                Ok(t) => {
                    let profiles = library.profiles();
                    crate::scaffold::in_court(&t, &court, profiles.iter().find(|(id, _)| *id == court).map(|(_, p)| p))
                }
                Err(mut d) => {
                    out.append(&mut d);
                    continue;
                }
            };
            let source = SourceText::new(format!("<lint matter for {} in {court}>", clause.id), text);
            renders += 1;
            let result = pipeline::load(source, library.project.clone()).and_then(|l| pipeline::draft_with(&l, &[]));
            if let Err(d) = result {
                for e in d {
                    out.push(
                        Diagnostic::error(format!("clause `{}` fails in `{court}`: {}", clause.id, e.message))
                            .at(&clause.source, yaml::find_key(&clause.source, "heading").unwrap_or(0..0)),
                    );
                }
            }
        }
    }
    renders
}

/// Every fact a clause reads is declared (in its header or an included partial's) and defined in
/// the schema, and every fact it declares is read: proved on the parsed templates, so a fact read
/// only behind an option no sample turns on is checked too.
pub fn fact_declarations(templates: &ClauseTemplates, schema: &Schema) -> Diagnostics {
    let mut out = vec![];
    let covered = |declared: &[String], read: &str| {
        declared.iter().any(|d| d == read || read.starts_with(&format!("{d}.")) || d.starts_with(&format!("{read}.")))
    };
    let mut checked_partials = BTreeSet::new();
    for clause in templates.clauses.values() {
        let mut reads = templates.reads(&clause.id).facts;
        // Facts a clause's `applies:` tests are read too (validation reads them for it).
        if let Some(a) = &clause.header.applies {
            reads.extend(a.facts.keys().cloned());
        }
        let declared = templates.declared(&clause.id);
        let paths: Vec<String> = declared.iter().map(|(r, _)| r.path.clone()).collect();
        for read in &reads {
            if !covered(&paths, read) {
                let span = yaml::find_key(&clause.source, "facts")
                    .or_else(|| yaml::find_key(&clause.source, "heading"))
                    .unwrap_or(0..0);
                out.push(
                    Diagnostic::error(format!("clause `{}` reads `facts.{read}` without declaring it", clause.id))
                        .at(&clause.source, span)
                        .with_hint(format!(
                            "add `{read}` to the header's `facts:` (and define it in clauses/_facts.yaml if it is new)"
                        )),
                );
            }
        }
        for (r, from) in &declared {
            let source = if *from == clause.id {
                &clause.source
            } else {
                match templates.partials.get(from) {
                    Some(p) if checked_partials.insert(from.clone()) => &p.source,
                    _ => continue,
                }
            };
            let span = header_item(source, "facts", &r.path);
            if schema.get(&r.path).is_none() {
                let all = schema.paths();
                let hint = crate::diag::did_you_mean(&r.path, all.iter().map(|s| s.as_str()))
                    .unwrap_or_else(|| "define it in clauses/_facts.yaml (type, description, example)".into());
                out.push(
                    Diagnostic::error(format!(
                        "`{}` declares the fact `{}`, which clauses/_facts.yaml does not define",
                        from, r.path
                    ))
                    .at(source, span.clone())
                    .with_hint(hint),
                );
            }
            if !reads.iter().any(|read| read == &r.path || read.starts_with(&format!("{}.", r.path))) {
                out.push(
                    Diagnostic::warning(format!("`{}` declares the fact `{}` but never reads it", from, r.path))
                        .at(source, span)
                        .with_hint("remove it from `facts:`: a matter would be asked for a fact the brief never uses"),
                );
            }
        }
    }
    out
}

/// The span of `item` in a header list such as `authorities: [a, b]` (or the key itself).
fn header_item(source: &SourceText, key: &str, item: &str) -> std::ops::Range<usize> {
    let Some(k) = yaml::find_key(source, key) else { return 0..0 };
    let end = source.text.find("\n---").unwrap_or(source.text.len()).max(k.end);
    yaml::find_id(&source.text, k.end, end, item, 0).unwrap_or(k)
}
