//! `pleader clauses [--lint]`: lists the clauses, or lints them against the sample matters.

use std::path::PathBuf;

use super::{project_for, Failure, Printer, Progress};
use crate::draft::ClauseTemplates;
use crate::lint;

pub fn run(printer: &Printer, lint_flag: bool, root: Option<PathBuf>) -> Result<(), Failure> {
    let project = project_for(root)?;
    if lint_flag {
        let progress = Progress::start("rendering every clause against the sample matters".into());
        let report = lint::lint(&project);
        drop(progress);
        printer.print(&report.diagnostics);
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        println!(
            "{} clauses, {} sample matters, {} renderings: {errors} errors, {warnings} warnings",
            report.clauses, report.matters, report.renders
        );
        return if errors == 0 { Ok(()) } else { Err(Failure::Reported(1)) };
    }
    let templates = ClauseTemplates::new(project.files_in("clauses", ".tera"), None)?;
    for c in templates.clauses.values() {
        println!("{}  ({})", c.id, c.source.name);
        println!("  heading:     {}", c.header.heading);
        if let Some(s) = &c.header.summary {
            println!("  summary:     {s}");
        }
        if !c.header.needs.is_empty() {
            println!("  needs:       {}", c.header.needs.join(", "));
        }
        if !c.header.authorities.is_empty() {
            println!("  authorities: {}", c.header.authorities.join(", "));
        }
        for (name, spec) in &c.header.options {
            let default = serde_yaml::to_string(&spec.default).unwrap_or_default();
            println!("  option {name} (default {}): {}", default.trim(), spec.description.as_deref().unwrap_or(""));
        }
    }
    Ok(())
}
