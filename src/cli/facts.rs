//! `pleader facts [CLAUSE]`: the fact schema as a readable table — each fact's path, type and
//! allowed values, whether it is required, its description, and the clauses that read it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{project_for, Failure};
use crate::diag::{did_you_mean, Diagnostic};
use crate::draft::ClauseTemplates;
use crate::library::schema::FactType;
use crate::library::Library;

pub fn run(clause: Option<String>, root: Option<PathBuf>) -> Result<(), Failure> {
    let library = Library::load(project_for(root)?)?;
    let templates = ClauseTemplates::new(library.clause_files(), None)?;
    // Path → the clauses that declare it (their own header or an included partial's).
    let mut readers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in templates.clauses.keys() {
        for (r, _) in templates.declared(id) {
            let who = match &r.when {
                Some(opt) => format!("{id} (when {opt})"),
                None => id.clone(),
            };
            readers.entry(r.path.clone()).or_default().push(who);
        }
    }
    if let Some(c) = &clause {
        if templates.get(c).is_none() {
            let hint = did_you_mean(c, templates.clauses.keys().map(|s| s.as_str()))
                .unwrap_or_else(|| "`pleader clauses` lists them".into());
            return Err(Diagnostic::usage(format!("there is no clause `{c}`")).with_hint(hint).into());
        }
    }
    let paths = library.schema.paths();
    let shown: Vec<&String> = paths
        .iter()
        .filter(|p| match &clause {
            None => true,
            Some(c) => readers.iter().any(|(rp, who)| {
                (rp == *p || p.starts_with(&format!("{rp}.")) || rp.starts_with(&format!("{p}.")))
                    && who.iter().any(|w| w == c || w.starts_with(&format!("{c} (")))
            }),
        })
        .collect();
    println!("{:<42} {:<14} {:<9} description", "path", "type", "required");
    for p in shown {
        let Some(f) = library.schema.get(p) else { continue };
        let depth = p.matches('.').count();
        let required = if f.required {
            "yes".to_string()
        } else {
            f.default
                .as_ref()
                .map_or("no".into(), |d| format!("no ({})", serde_yaml::to_string(d).unwrap_or_default().trim()))
        };
        let ty = match &f.ty {
            FactType::List(item) => format!("list of {}", item.ty.name()),
            t => t.name().to_string(),
        };
        println!("{:<42} {:<14} {:<9} {}", format!("{}{}", "  ".repeat(depth), p), ty, required, f.description);
        let values = match &f.ty {
            FactType::OneOf(v) => Some(v),
            FactType::List(item) => match &item.ty {
                FactType::OneOf(v) => Some(v),
                _ => None,
            },
            _ => None,
        };
        for (k, d) in values.into_iter().flatten() {
            println!("{:<42} {:<14} {:<9}   `{k}`: {d}", "", "", "");
        }
        if let Some(who) = readers.get(p.as_str()) {
            println!("{:<42} {:<14} {:<9}   read by: {}", "", "", "", who.join(", "));
        }
    }
    Ok(())
}
