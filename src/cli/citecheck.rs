//! `pleader citecheck MATTER [-o FILE] [--format md|csv]`: builds the brief in memory and writes
//! the cite-check worksheet (`rules::citecheck`): every citation with its page and line, pin,
//! the sentence it supports, the authority's verification record and its CourtListener lookup
//! address. To standard output, or to a file through `export::write_atomic`.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{Failure, Printer, Progress};
use crate::library::project::display_path;
use crate::pipeline::BuildOptions;
use crate::rules::citecheck;

/// The worksheet's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// A Markdown table (the default, except for `-o *.csv`).
    Md,
    /// Comma-separated values, one row per citation.
    Csv,
}

pub fn run(
    printer: &Printer,
    matter: &Path,
    output: Option<PathBuf>,
    format: Option<SheetFormat>,
) -> Result<(), Failure> {
    let mut session = super::session();
    let progress = Progress::start(format!("typesetting {}", display_path(matter)));
    let result = session.build_path(matter, BuildOptions { pdf: false });
    drop(progress);
    super::announce_used(&session, false);
    let built = result.map_err(|d| printer.fail(d))?;
    let format = format.unwrap_or(match output.as_ref().and_then(|o| o.extension()) {
        Some(e) if e.eq_ignore_ascii_case("csv") => SheetFormat::Csv,
        _ => SheetFormat::Md,
    });
    let rows = citecheck::rows(&built);
    let text = match format {
        SheetFormat::Md => citecheck::markdown(&built, &rows),
        SheetFormat::Csv => citecheck::csv(&rows),
    };
    match output {
        Some(path) => {
            let reads: Vec<PathBuf> = session.dependencies().iter().map(|(p, _)| p.clone()).collect();
            crate::export::check_not_input(&path, &reads)?;
            crate::export::write_atomic(&path, text.as_bytes())?;
            eprintln!("wrote {} ({} citations)", display_path(&path), rows.len());
        }
        None => print!("{text}"),
    }
    Ok(())
}
