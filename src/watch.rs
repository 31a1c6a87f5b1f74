//! `pleader watch`: rebuilds whenever the matter, a clause, a template, the authority bank or a
//! court profile changes. One [`Session`](crate::pipeline::Session) lives for the whole watch, so
//! Typst's layout of everything that did not change is reused; each rebuild's time is printed;
//! on an error the diagnostic is printed and the last good PDF stays in place.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::diag::{Diagnostic, Diagnostics};
use crate::export;
use crate::library::files::is_library_file;
use crate::library::project::{display_path, Project};
use crate::pipeline::{BuildOptions, Session};

/// What a rebuild did, for the caller to print.
pub enum Event<'a> {
    Built { output: &'a Path, pages: usize, body: usize, elapsed: Duration, warnings: &'a [Diagnostic] },
    Failed { diagnostics: &'a [Diagnostic] },
    Watching { paths: &'a [PathBuf] },
}

/// Builds once, then rebuilds on every change until `max_builds` builds (forever when `None`).
pub fn watch(
    matter: &Path,
    out: &Path,
    max_builds: Option<usize>,
    mut report: impl FnMut(Event),
) -> Result<(), Diagnostics> {
    let mut session = Session::new();
    let mut builds = 0;
    let build = |session: &mut Session, report: &mut dyn FnMut(Event)| {
        let start = Instant::now();
        match session.build_path(matter, BuildOptions::default()) {
            Ok(built) => match export::write_atomic(out, built.pdf.as_deref().unwrap_or_default()) {
                Ok(()) => {
                    let pages = built.doc.pages().len();
                    let body = built.facts.body_start.map_or(0, |s| pages - s);
                    report(Event::Built {
                        output: out,
                        pages,
                        body,
                        elapsed: start.elapsed(),
                        warnings: &built.warnings,
                    });
                }
                Err(d) => report(Event::Failed { diagnostics: &d }),
            },
            Err(d) => report(Event::Failed { diagnostics: &d }),
        }
    };
    build(&mut session, &mut report);
    builds += 1;
    if max_builds.is_some_and(|m| builds >= m) {
        return Ok(());
    }

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            let _ = tx.send(event);
        }
    })
    .map_err(|e| Diagnostic::io(format!("cannot watch files: {e}")))?;
    let matter_abs = std::fs::canonicalize(matter).unwrap_or_else(|_| matter.to_path_buf());
    let matter_dir = matter_abs.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let mut paths = vec![matter_dir.clone()];
    watcher
        .watch(&matter_dir, RecursiveMode::NonRecursive)
        .map_err(|e| Diagnostic::io(format!("cannot watch `{}`: {e}", display_path(&matter_dir))))?;
    let project = Project::for_matter(matter).unwrap_or_default();
    let library_dirs: Vec<PathBuf> =
        project.watch_dirs().into_iter().map(|d| std::fs::canonicalize(&d).unwrap_or(d)).collect();
    for dir in &library_dirs {
        if watcher.watch(dir, RecursiveMode::Recursive).is_ok() {
            paths.push(dir.clone());
        }
    }
    report(Event::Watching { paths: &paths });
    let out_abs = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    let relevant = |p: &Path| {
        if p == matter_abs {
            return true;
        }
        let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if p == out_abs {
            return false;
        }
        library_dirs.iter().any(|d| p.starts_with(d)) && is_library_file(&name)
    };
    loop {
        let Ok(first) = rx.recv() else { return Ok(()) };
        let mut changed = first.paths.iter().any(|p| relevant(p));
        // Editors write in bursts (temp file, rename, chmod): wait for the burst to end.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(40)) {
            changed |= more.paths.iter().any(|p| relevant(p));
        }
        if !changed {
            continue;
        }
        build(&mut session, &mut report);
        builds += 1;
        if max_builds.is_some_and(|m| builds >= m) {
            return Ok(());
        }
    }
}
