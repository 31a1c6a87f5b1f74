//! `pleader build MATTER [-o PDF] [--emit-typst DIR]`: builds the PDF and writes it atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{default_output, Failure, Printer, Progress};
use crate::export;
use crate::library::project::display_path;
use crate::pipeline::BuildOptions;
use crate::rules;

pub fn run(printer: &Printer, matter: &Path, out: Option<PathBuf>, emit_typst: Option<PathBuf>) -> Result<(), Failure> {
    let start = Instant::now();
    let mut session = super::session()?;
    let progress = Progress::start(format!("building {}", display_path(matter)));
    let result = session.build_path(matter, BuildOptions::default());
    drop(progress);
    super::announce_used(&session, false);
    let built = result.map_err(|d| {
        let f = printer.fail(d);
        eprintln!("pleader: build failed; no PDF written (the previous one, if any, is unchanged)");
        f
    })?;
    printer.print(&built.warnings);
    let reads: Vec<PathBuf> = session.dependencies().iter().map(|(p, _)| p.clone()).collect();
    let path = out.unwrap_or_else(|| default_output(matter));
    export::check_not_input(&path, &reads)?;
    if let Some(dir) = emit_typst {
        export::write_sources(&dir, &built.files, &reads)?;
    }
    let order_path =
        export::write_brief(&path, built.pdf.as_deref().unwrap_or_default(), built.order_pdf.as_deref(), &reads)?;
    eprintln!(
        "wrote {} ({} pages: {} body){} in {} ms",
        display_path(&path),
        built.doc.pages().len(),
        rules::body_pages(&built),
        order_path.map(|o| format!(" and the proposed order {}", display_path(&o))).unwrap_or_default(),
        start.elapsed().as_millis()
    );
    // The process ends here: its memory goes back to the system whole, so the session's caches
    // and the typeset document are not freed piece by piece first (a few milliseconds).
    std::mem::forget(built);
    std::mem::forget(session);
    Ok(())
}
