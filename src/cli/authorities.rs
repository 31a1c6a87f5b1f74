//! `pleader authorities [QUERY]`: lists or searches the authority bank with each entry's full and
//! short citation. `--check [DIR]` checks every entry's citation against the vendored
//! reporters-db and courts-db (`cite::verify`); `add "<citation>" [--write]` reads a pasted
//! Bluebook case citation into a bank entry (`cite::parse`), prints it, and with `--write`
//! appends it to the project's bank through `export::write_atomic`: to its own
//! `authorities/cases.yaml`, or else to a new `authorities/added.yaml` (a project file named
//! `cases.yaml` would replace the built-in cases).

use std::path::{Path, PathBuf};

use super::{project_for, Failure, Printer};
use crate::cite::parse::parse_citation;
use crate::cite::reference::{COURTS_DB_VERSION, REPORTERS_DB_VERSION};
use crate::cite::verify;
use crate::diag::{Diagnostic, SourceText};
use crate::escape::plain;
use crate::library::bank::{Bank, Kind};
use crate::library::project::{display_path, read_text};
use crate::library::Library;

pub fn run(query: Option<String>, root: Option<PathBuf>, matter: Option<PathBuf>) -> Result<(), Failure> {
    // With a matter: the bank of its project with its own authorities added, as a build sees it.
    let bank = match &matter {
        Some(path) => {
            let src = crate::pipeline::read_matter(path)?;
            crate::pipeline::load(
                src,
                crate::library::project::Project::for_matter_in(
                    path,
                    super::GLOBALS.get().and_then(|g| g.0.as_deref()),
                )?,
            )?
            .bank
        }
        None => Library::load(project_for(root)?)?.bank,
    };
    let words: Vec<String> = query.iter().flat_map(|q| q.split_whitespace()).map(|w| w.to_lowercase()).collect();
    let mut shown = 0;
    for (id, (a, src)) in &bank.entries {
        let full = plain(&a.full(None, ""));
        let short = plain(&a.short_form(None, ""));
        let haystack = format!("{id} {full} {short} {}", a.note.as_deref().unwrap_or("")).to_lowercase();
        if !words.iter().all(|w| haystack.contains(w)) {
            continue;
        }
        shown += 1;
        println!("{id}  [{:?}]  ({})", a.kind, src.name);
        println!("  full:  {full}");
        println!("  short: {short}");
        println!("  {}", verify::status(a).describe());
        if let Some(note) = &a.note {
            let first: String = note.split_whitespace().collect::<Vec<_>>().join(" ");
            let cut: String = first.chars().take(160).collect();
            println!("  note:  {cut}{}", if first.chars().count() > 160 { "…" } else { "" });
        }
    }
    if shown == 0 {
        eprintln!("no authority matches `{}`", query.unwrap_or_default());
        return Err(Failure::Reported(1));
    }
    Ok(())
}

/// `authorities --check [DIR]`: DIR is a project folder (its bank, over the built-in one) or a
/// folder of bank files (those files alone); without DIR, the project's bank.
pub fn check(printer: &Printer, dir: Option<PathBuf>, root: Option<PathBuf>) -> Result<(), Failure> {
    let bank = match dir {
        Some(d) if d.join("authorities").is_dir() => Library::load(project_for(Some(d))?)?.bank,
        Some(d) if d.is_dir() => bank_folder(&d)?,
        Some(d) => {
            return Err(Diagnostic::usage(format!("`{}` is not a folder", display_path(&d)))
                .with_hint("give a project folder or a folder of bank files (`*.yaml`)")
                .into())
        }
        None => Library::load(project_for(root)?)?.bank,
    };
    let diags = verify::check_bank(&bank, None);
    printer.print(&diags);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let cases = bank.entries.values().filter(|(a, _)| a.kind == Kind::Case).count();
    println!(
        "{} authorities ({cases} cases) checked against reporters-db {REPORTERS_DB_VERSION} and courts-db {COURTS_DB_VERSION}: {errors} errors, {} warnings",
        bank.entries.len(),
        diags.len() - errors
    );
    if errors == 0 {
        Ok(())
    } else {
        Err(Failure::Reported(1))
    }
}

/// Every `*.yaml` file of a folder (not its subfolders), as one bank.
fn bank_folder(dir: &Path) -> Result<Bank, Failure> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Diagnostic::io(format!("cannot read `{}`: {e}", display_path(dir))))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Diagnostic::usage(format!("`{}` holds no bank files (`*.yaml`)", display_path(dir))).into());
    }
    let mut bank = Bank::default();
    let mut problems = vec![];
    for p in paths {
        let src = read_text(&p)?;
        if let Err(mut d) = bank.add_file(&src) {
            problems.append(&mut d);
        }
    }
    if problems.is_empty() {
        Ok(bank)
    } else {
        Err(problems.into())
    }
}

/// `authorities add "<citation>" [--write] [--id ID]`.
pub fn add(
    printer: &Printer,
    citation: &str,
    write: bool,
    id: Option<String>,
    root: Option<PathBuf>,
) -> Result<(), Failure> {
    let input = SourceText::new("<citation>", citation);
    let parsed = parse_citation(citation).map_err(|e| {
        let mut d = Diagnostic::error(format!("cannot read the citation: {}", e.message)).at(&input, e.span);
        if let Some(h) = e.hint {
            d = d.with_hint(h);
        }
        d
    })?;
    let project = project_for(root)?;
    let library = Library::load(project.clone())?;
    let same = library.bank.entries.iter().find(|(_, (a, _))| {
        a.kind == Kind::Case && a.cite() == parsed.cite && (parsed.cite != "slip op." || a.docket == parsed.docket)
    });
    if let Some((existing, (_, src))) = same {
        return Err(Diagnostic::usage(format!(
            "the bank already has `{}` as `{existing}` ({})",
            parsed.cite, src.name
        ))
        .into());
    }
    let id = match id {
        Some(i) => i,
        None => {
            let base = parsed.suggested_id();
            if library.bank.get(&base).is_none() {
                base
            } else {
                let year = parsed.date.map(|d| chrono::Datelike::year(&d)).or(parsed.year).unwrap_or(0);
                format!("{base}-{year}")
            }
        }
    };
    if library.bank.get(&id).is_some() {
        return Err(Diagnostic::usage(format!("the bank already has an authority `{id}`"))
            .with_hint("choose another id with `--id`")
            .into());
    }
    let yaml = parsed.entry_yaml(&id, citation);
    // The entry must read back as a bank entry, and is checked like every other.
    let src = SourceText::new("<new entry>", yaml.clone());
    let mut bank = Bank::default();
    bank.add_file(&src)?;
    for note in &parsed.notes {
        eprintln!("note: {note}");
    }
    if let Some(a) = bank.get(&id) {
        let findings: Vec<Diagnostic> = verify::check_authority(&id, a)
            .iter()
            .map(|f| f.diagnostic(a, &src).with_kind(crate::diag::Kind::Document))
            .collect();
        printer.print(&findings);
    }
    print!("{yaml}");
    if !write {
        eprintln!("(not written: add `--write` to append it to the project's bank)");
        return Ok(());
    }
    let Some(root) = project.root.clone() else {
        return Err(Diagnostic::usage("there is no project folder to write to")
            .with_hint("run this in a project folder (one with `authorities/`) or pass `--root DIR`")
            .into());
    };
    // The project's own cases file; failing that a new file, so that the built-in cases (which
    // a project's `authorities/cases.yaml` would replace, path by path) stay in the bank.
    let path = if root.join("authorities/cases.yaml").is_file() {
        root.join("authorities/cases.yaml")
    } else {
        root.join("authorities/added.yaml")
    };
    // Under the lock, the file as it is now (another writer may have added to it), written back
    // whole with its comments and its line endings.
    let _lock = crate::export::lock(&path)?;
    let existing = if path.exists() { read_text(&path)? } else { SourceText::new(display_path(&path), "") };
    let mut current = Bank::default();
    if current.add_file(&existing).is_ok() && current.get(&id).is_some() {
        return Err(Diagnostic::usage(format!("the bank already has an authority `{id}`"))
            .with_hint("choose another id with `--id`")
            .into());
    }
    let eol = if existing.text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut text = existing.text.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str(eol);
    }
    if !text.is_empty() {
        text.push_str(eol);
    }
    text.push_str(&yaml.replace('\n', eol));
    crate::export::write_atomic(&path, text.as_bytes())?;
    eprintln!("added `{id}` to {}", display_path(&path));
    Ok(())
}
