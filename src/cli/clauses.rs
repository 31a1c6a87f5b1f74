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
    // Each court profile's jurisdiction, to say where each clause applies.
    let standards = crate::library::standards::Standards::load_all(&project.files_in("clauses", ".yaml"))?;
    let courts = crate::library::court::profiles(project.files_in("courts", ".yaml"), &standards);
    for c in templates.clauses.values() {
        println!("{}  ({})", c.id, c.source.name);
        println!("  heading:     {}", c.header.heading);
        if let Some(s) = &c.header.summary {
            println!("  summary:     {s}");
        }
        if !c.header.needs.is_empty() {
            println!("  needs:       {}", c.header.needs.join(", "));
        }
        let applies = c.header.applies.clone().unwrap_or_default();
        let fits: Vec<&str> =
            courts.iter().filter(|(_, p)| applies.court_fits(&p.jurisdiction)).map(|(id, _)| id.as_str()).collect();
        let mut limits = vec![];
        if !applies.facts.is_empty() {
            let facts: Vec<String> =
                applies.facts.iter().map(|(path, values)| format!("{path} is {}", values.join(" or "))).collect();
            let under = if applies.facts_under.is_empty() {
                String::new()
            } else {
                format!(" (under {})", applies.facts_under.join(", "))
            };
            limits.push(format!("when {}{under}", facts.join(" and ")));
        }
        // Under a project's own standard that no library clause argues (README, "A test none of
        // the library's standards argues"), a clause that describes the court's standard is refused.
        if c.refused_under_own_standard() {
            limits.push("not under a standard of the project's own that no library clause argues".to_string());
        }
        let limits = if limits.is_empty() { String::new() } else { format!("; {}", limits.join("; ")) };
        if fits.len() == courts.len() && limits.is_empty() {
            println!("  applies:     every court");
        } else {
            println!(
                "  applies:     {}{limits}",
                if fits.is_empty() { "no court profile".to_string() } else { fits.join(", ") }
            );
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
