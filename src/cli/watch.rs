//! `pleader watch MATTER [-o PDF]`: rebuilds on every change and prints each rebuild's time.

use std::path::{Path, PathBuf};

use super::{default_output, Failure, Printer};
use crate::library::project::display_path;
use crate::watch::{self, Event};

pub fn run(printer: &Printer, matter: &Path, out: Option<PathBuf>, max_builds: Option<usize>) -> Result<(), Failure> {
    let out = out.unwrap_or_else(|| default_output(matter));
    let project = super::GLOBALS.get().and_then(|g| g.0.clone());
    if super::GLOBALS.get().is_some_and(|g| g.1) {
        if let Ok(root) = crate::library::project::project_root(matter, project.as_deref()) {
            // Read once, before the first build, only to say which files replace built-in ones.
            let replaced = match &root {
                Some(r) => crate::library::project::Project::at(r)
                    .map(|p| p.replaced_builtins().iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default(),
                None => Vec::<String>::new(),
            };
            super::announce(root.as_deref(), &replaced);
        }
    }
    let today = super::today().map_err(crate::diag::Diagnostic::usage)?;
    watch::watch(matter, &out, project.as_deref(), max_builds, Some(today), |event| match event {
        Event::Built { output, pages, body, elapsed, warnings } => {
            printer.print(warnings);
            eprintln!(
                "rebuilt {} in {:.1} ms ({pages} pages: {body} body)",
                display_path(output),
                elapsed.as_secs_f64() * 1000.0
            );
        }
        Event::Failed { diagnostics } => {
            printer.print(diagnostics);
            eprintln!("pleader: build failed; the last good PDF is unchanged. Waiting for changes…");
        }
        Event::Watching { paths } => {
            let shown: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
            eprintln!("watching {} (Ctrl-C to stop)", shown.join(", "));
        }
    })?;
    Ok(())
}
