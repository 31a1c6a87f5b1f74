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
    let bank = match Library::load(project.clone()) {
        Ok(l) => l.bank,
        Err(mut d) => {
            report.diagnostics.append(&mut d);
            Bank::default()
        }
    };
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
    let mut record =
        |built: &pipeline::Built, cited: &mut BTreeMap<String, BTreeSet<String>>, exercised: &mut BTreeSet<String>| {
            for r in &built.drafted {
                exercised.insert(r.clause.clone());
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
            tried = true;
            loaded.matter.brief =
                vec![OutlineItem { clause: clause.id.clone(), options: Default::default(), sections: vec![] }];
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
        // Ids a matter supplies (its own `authorities:`, through a fact) cannot be declared.
        for id in used.iter().filter(|id| !declared.contains(id) && !record_ids.contains(*id)) {
            let span = yaml::find_key(&clause.source, "authorities").unwrap_or(0..0);
            report.diagnostics.push(
                Diagnostic::warning(format!("`{}` cites `{id}` without listing it in `authorities:`", clause.id))
                    .at(&clause.source, span),
            );
        }
    }
    report
}

/// The span of `item` in a header list such as `authorities: [a, b]` (or the key itself).
fn header_item(source: &SourceText, key: &str, item: &str) -> std::ops::Range<usize> {
    let Some(k) = yaml::find_key(source, key) else { return 0..0 };
    let end = source.text.find("\n---").unwrap_or(source.text.len()).max(k.end);
    yaml::find_id(&source.text, k.end, end, item, 0).unwrap_or(k)
}
