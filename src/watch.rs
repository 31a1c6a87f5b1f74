//! `pleader watch`: rebuilds whenever the matter, a clause, a template, the authority bank or a
//! court profile changes. One [`Session`](crate::pipeline::Session) lives for the whole watch, so
//! Typst's layout of everything that did not change is reused; each rebuild's time is printed;
//! on an error the diagnostic is printed and the last good PDF stays in place.
//!
//! A change is a change of content: after each build the watcher keeps what the build read (the
//! session's dependencies, each with a hash of its content) and rebuilds only when an event names
//! one of those files and its content now differs, or names a library file the build did not read
//! (a new clause, say). Access events are ignored, and so are writes that leave a file as it was:
//! reading the files — the build's own reads, or `cat` — never starts a build. When the matter is
//! the only file that changed, the rebuild reuses the library files the last build read instead of
//! reading the project folder again ([`Session::library_unchanged`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::diag::{Diagnostic, Diagnostics};
use crate::export;
use crate::library::files::is_library_file;
use crate::library::project::{self, content_hash, display_path};
use crate::pipeline::{BuildOptions, Session};

/// What a rebuild did, for the caller to print.
pub enum Event<'a> {
    Built { output: &'a Path, pages: usize, body: usize, elapsed: Duration, warnings: &'a [Diagnostic] },
    Failed { diagnostics: &'a [Diagnostic] },
    Watching { paths: &'a [PathBuf] },
}

/// Builds once, then rebuilds on every change until `max_builds` builds (forever when `None`).
/// `today`, when given, is the date a brief dated well after draws a warning
/// ([`Session::with_today`]).
pub fn watch(
    matter: &Path,
    out: &Path,
    project: Option<&Path>,
    max_builds: Option<usize>,
    today: Option<chrono::NaiveDate>,
    mut report: impl FnMut(Event),
) -> Result<(), Diagnostics> {
    let mut session = Session::new().with_project(project.map(Path::to_path_buf)).with_today(today);
    let mut builds = 0;
    let build = |session: &mut Session, report: &mut dyn FnMut(Event)| {
        let start = Instant::now();
        match session.build_path(matter, BuildOptions::default()) {
            Ok(built) => match export::write_brief(
                out,
                built.pdf.as_deref().unwrap_or_default(),
                built.order_pdf.as_deref(),
                &read_paths(session),
            ) {
                Ok(_) => {
                    let pages = built.doc.pages().len();
                    let body = crate::rules::body_pages(&built);
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
    // Watch first, then build: an edit made while the first build runs is not missed.
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
    let library_dirs: Vec<PathBuf> =
        project::library_dirs(matter, project).into_iter().map(|d| std::fs::canonicalize(&d).unwrap_or(d)).collect();
    for dir in &library_dirs {
        if watcher.watch(dir, RecursiveMode::Recursive).is_ok() {
            paths.push(dir.clone());
        }
    }
    build(&mut session, &mut report);
    builds += 1;
    if max_builds.is_some_and(|m| builds >= m) {
        return Ok(());
    }
    report(Event::Watching { paths: &paths });
    let out_abs = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    let mut read: HashMap<PathBuf, Option<u64>> = session.dependencies().iter().cloned().collect();
    // Whether an event's path means the inputs changed.
    let changed = |p: &Path, read: &HashMap<PathBuf, Option<u64>>| {
        if p == out_abs {
            return false;
        }
        match read.get(p) {
            Some(before) => *before != std::fs::read(p).ok().map(|b| content_hash(&b)),
            None => {
                let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
                p == matter_abs || (library_dirs.iter().any(|d| p.starts_with(d)) && is_library_file(&name))
            }
        }
    };
    loop {
        let Ok(first) = rx.recv() else { return Ok(()) };
        let mut events = vec![first];
        // Editors write in bursts (temp file, rename, chmod): wait for the burst to end.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(40)) {
            events.push(more);
        }
        let mut paths: Vec<&PathBuf> =
            events.iter().filter(|e| !matches!(e.kind, EventKind::Access(_))).flat_map(|e| e.paths.iter()).collect();
        paths.sort();
        paths.dedup();
        if !paths.iter().any(|p| changed(p, &read)) {
            continue;
        }
        // Only the matter changed (no event names another file the last build read, or anything
        // in a library folder): the project's library files need not be read again.
        let library_untouched = paths.iter().all(|p| {
            **p == matter_abs
                || **p == out_abs
                || (!read.contains_key(*p) && !library_dirs.iter().any(|d| p.starts_with(d)))
        });
        if library_untouched {
            session.library_unchanged();
        }
        build(&mut session, &mut report);
        read = session.dependencies().iter().cloned().collect();
        builds += 1;
        if max_builds.is_some_and(|m| builds >= m) {
            return Ok(());
        }
    }
}

/// The files the session's last build read, by real path (an output may not be one of them).
fn read_paths(session: &Session) -> Vec<PathBuf> {
    session.dependencies().iter().map(|(p, _)| p.clone()).collect()
}
