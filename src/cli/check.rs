//! `pleader check MATTER`: validates and typesets in memory, then reports the court's rules and
//! the citations (problems at their bank and clause lines, then the unverified authorities).
//! Exit 0 when filing-ready, 1 when not.

use std::path::Path;

use super::{Failure, Printer, Progress};
use crate::library::project::display_path;
use crate::pipeline::BuildOptions;
use crate::rules::{self, Status};

pub fn run(printer: &Printer, matter: &Path) -> Result<(), Failure> {
    let mut session = super::session()?;
    let progress = Progress::start(format!("checking {}", display_path(matter)));
    let result = session.build_path(matter, BuildOptions { pdf: false });
    drop(progress);
    super::announce_used(&session, true);
    let built = result.map_err(|d| {
        let f = printer.fail(d);
        eprintln!("pleader: {} is not filing-ready: fix the errors above", display_path(matter));
        f
    })?;
    printer.print(&built.warnings);
    printer.print(&rules::citation_diagnostics(&built));
    let items = rules::court_checks(&built);
    println!("{} — {}", display_path(matter), built.profile.name);
    for item in &items {
        let mark = match item.status {
            Status::Pass => "ok  ",
            Status::Fail => "FAIL",
            Status::Warn => "warn",
        };
        println!("  {mark}  {}: {}", item.name, item.detail);
    }
    if rules::filing_ready(&items) {
        println!("filing-ready");
        Ok(())
    } else {
        println!("not filing-ready");
        Err(Failure::Reported(1))
    }
}
