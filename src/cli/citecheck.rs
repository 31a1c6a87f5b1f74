//! `pleader citecheck MATTER [-o FILE] [--format md|csv]`: builds the brief in memory and writes
//! the cite-check worksheet (`rules::citecheck`): every citation with its page and line, pin,
//! the sentence it supports, the authority's verification record and its CourtListener lookup
//! address. To standard output, or to a file through `export::write_atomic`. `--import SHEET`
//! reads back a CSV sheet a person filled in and records each filled row's check in the bank
//! (`authorities::record`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{Failure, Printer, Progress};
use crate::diag::Diagnostic;
use crate::library::bank::NewRecord;
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

/// The brief typeset in memory (no PDF), with the session that built it.
fn typeset(printer: &Printer, matter: &Path) -> Result<(crate::pipeline::Session, crate::pipeline::Built), Failure> {
    let mut session = super::session()?;
    let progress = Progress::start(format!("typesetting {}", display_path(matter)));
    let result = session.build_path(matter, BuildOptions { pdf: false });
    drop(progress);
    super::announce_used(&session, false);
    let built = result.map_err(|d| printer.fail(d))?;
    Ok((session, built))
}

pub fn run(
    printer: &Printer,
    matter: &Path,
    output: Option<PathBuf>,
    format: Option<SheetFormat>,
) -> Result<(), Failure> {
    let (session, built) = typeset(printer, matter)?;
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

/// Reads an RFC 4180 CSV text into rows of fields (quoted fields may hold commas, quotes and
/// line breaks), each with the line it starts on.
fn read_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = vec![];
    let mut row: Vec<String> = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                if row.iter().any(|f| !f.is_empty()) {
                    rows.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(format!("a quoted field that starts on line {row_line} is never closed"));
    }
    row.push(field);
    if row.iter().any(|f| !f.is_empty()) {
        rows.push((row_line, row));
    }
    Ok(rows)
}

/// `citecheck MATTER --import SHEET`: records every row a person filled in (`verified_by`,
/// `source`, `date`, `note`) as a verification record of its authority, one record per
/// authority and checker, with the row's pin as a pin seen. Rows that no longer match the brief
/// (the authority, pin or sentence is not cited so any more) are reported and not recorded.
pub fn import(printer: &Printer, matter: &Path, sheet: &Path) -> Result<(), Failure> {
    let src = crate::library::project::read_text(sheet)?;
    let rows = read_csv(&src.text).map_err(|e| Diagnostic::usage(format!("{}: {e}", display_path(sheet))))?;
    let Some(((_, header), body)) = rows.split_first() else {
        return Err(Diagnostic::usage(format!("{} is empty", display_path(sheet))).into());
    };
    let col = |name: &str| -> Result<usize, Failure> {
        header.iter().position(|h| h.trim() == name).ok_or_else(|| {
            Diagnostic::usage(format!("{} has no `{name}` column", display_path(sheet)))
                .with_hint("import a sheet written by `pleader citecheck MATTER -o sheet.csv`")
                .into()
        })
    };
    let (c_id, c_pin, c_sentence) = (col("id")?, col("pin")?, col("sentence")?);
    let (c_by, c_source, c_date, c_note) = (col("verified_by")?, col("source")?, col("date")?, col("note")?);
    let (_, built) = typeset(printer, matter)?;
    let current = citecheck::rows(&built);
    let explicit = super::GLOBALS.get().and_then(|g| g.0.clone());
    let library =
        crate::library::Library::load(crate::library::project::Project::for_matter_in(matter, explicit.as_deref())?)?;

    let mut refused: Vec<String> = vec![];
    // (id, by, source, date, note) → pins (empty: the citation alone), with the sheet lines.
    type Key = (String, String, String, String, Option<String>);
    let mut groups: BTreeMap<Key, (Vec<String>, Vec<usize>)> = BTreeMap::new();
    let mut filled = 0;
    for (line, fields) in body {
        let get = |c: usize| fields.get(c).map(|s| s.trim()).unwrap_or("");
        let (id, pin, sentence) = (get(c_id), get(c_pin), get(c_sentence));
        let (by, source, date, note) = (get(c_by), get(c_source), get(c_date), get(c_note));
        if [by, source, date, note].iter().all(|s| s.is_empty()) {
            continue;
        }
        filled += 1;
        let at = format!("line {line} (`{id}`{})", if pin.is_empty() { String::new() } else { format!(" at {pin}") });
        let record = match crate::cli::authorities::new_record(by, source, Some(date), vec![pin.to_string()], None) {
            Ok(r) => r,
            Err(e) => {
                refused.push(format!("{at}: {e}"));
                continue;
            }
        };
        if built.bank.get(id).is_none() {
            refused.push(format!("{at}: unrelated: the bank has no authority `{id}`"));
            continue;
        }
        let same_pin = |r: &citecheck::Row| match (&r.pin, pin) {
            (None, "") => true,
            (Some(p), q) => crate::cite::pins::same_pin(p, q),
            _ => false,
        };
        if !current.iter().any(|r| r.id == id) {
            refused.push(format!("{at}: stale: the brief no longer cites `{id}`"));
            continue;
        }
        if !current.iter().any(|r| r.id == id && same_pin(r)) {
            let pins: Vec<&str> = current.iter().filter(|r| r.id == id).filter_map(|r| r.pin.as_deref()).collect();
            refused.push(format!(
                "{at}: stale: the brief no longer cites `{id}` {}; it cites it at {}",
                if pin.is_empty() { "without a pin".to_string() } else { format!("at {pin}") },
                if pins.is_empty() { "no pin".to_string() } else { pins.join(", ") }
            ));
            continue;
        }
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        if !current.iter().any(|r| r.id == id && same_pin(r) && norm(&r.sentence) == norm(sentence)) {
            refused.push(format!(
                "{at}: stale: the sentence this citation supports has changed since the sheet was written"
            ));
            continue;
        }
        let note = (!note.is_empty()).then(|| note.to_string());
        let key = (id.to_string(), record.by, record.source, record.on, note);
        let entry = groups.entry(key).or_default();
        for p in record.pins {
            if !entry.0.iter().any(|q| crate::cite::pins::same_pin(q, &p)) {
                entry.0.push(p);
            }
        }
        entry.1.push(*line);
    }
    let mut recorded = 0;
    let mut already = 0;
    for ((id, by, source, on, note), (pins, lines)) in groups {
        // A record the bank already holds (the same sheet imported twice) is not added again.
        let holds = library.bank.get(&id).is_some_and(|a| {
            a.verified.iter().any(|v| {
                v.by == by
                    && v.source == source
                    && v.on.0.to_string() == on
                    && v.note == note
                    && pins.iter().all(|p| v.pins.iter().any(|q| crate::cite::pins::same_pin(&q.at, p)))
            })
        });
        if holds {
            already += lines.len();
            continue;
        }
        let record = NewRecord { by, source, on, pins, note, cleared: None };
        match crate::cli::authorities::record(&library.project, &library.bank, &id, &record) {
            Ok((path, copied)) => {
                if copied {
                    eprintln!("copied the built-in {} into the project to record in it", display_path(&path));
                }
                recorded += lines.len();
                eprintln!(
                    "recorded `{id}` ({}) in {} (sheet lines {})",
                    if record.pins.is_empty() {
                        "the citation".to_string()
                    } else {
                        format!("pins {}", record.pins.join(", "))
                    },
                    display_path(&path),
                    lines.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ")
                );
            }
            Err(d) => refused.push(format!(
                "sheet lines {:?} (`{id}`): {}",
                lines,
                d.iter().map(|x| x.message.as_str()).collect::<Vec<_>>().join("; ")
            )),
        }
    }
    for r in &refused {
        eprintln!("not recorded: {r}");
    }
    eprintln!("{filled} filled rows: {recorded} recorded, {already} already recorded, {} not recorded", refused.len());
    if refused.is_empty() {
        Ok(())
    } else {
        Err(Failure::Reported(1))
    }
}
