//! `pleader authorities [QUERY]`: lists or searches the authority bank with each entry's full and
//! short citation. `--check [DIR]` checks every entry's citation against the vendored
//! reporters-db and courts-db (`cite::verify`); `add "<citation>" [--write]` reads a pasted
//! Bluebook case citation into a bank entry (`cite::parse`), prints it, and with `--write`
//! appends it to the project's bank through `export::write_atomic`: to its own
//! `authorities/cases.yaml`, or else to a new `authorities/added.yaml` (a project file named
//! `cases.yaml` would replace the built-in cases). `verify ID --by … --source …` records that a
//! person checked an entry (and which pins) in the bank file that holds it.

use std::path::{Path, PathBuf};

use super::{project_for, Failure, Printer};
use crate::cite::parse::parse_citation;
use crate::cite::reference::{COURTS_DB_VERSION, REPORTERS_DB_VERSION};
use crate::cite::{status, verify};
use crate::diag::{Diagnostic, SourceText};
use crate::escape::plain;
use crate::library::bank::{append_verification, Bank, Kind, NewRecord};
use crate::library::project::{display_path, read_text, Project};
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
        println!("  {}", status::status(a).describe());
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

/// A verification record from what a person entered, refusing empty names and sources and
/// dates that are not dates or lie in the future.
pub fn new_record(
    by: &str,
    source: &str,
    on: Option<&str>,
    pins: Vec<String>,
    note: Option<String>,
) -> Result<NewRecord, String> {
    let by = by.trim();
    let source = source.trim();
    if by.is_empty() {
        return Err("who checked it is missing (`--by`, the initials of the person who checked)".into());
    }
    if source.is_empty() {
        return Err("what it was checked against is missing (`--source`, e.g. \"Westlaw\")".into());
    }
    let on = match on.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => crate::units::parse_date(s)?,
        None => super::today()?,
    };
    if on > super::today()? {
        return Err(format!("the date {on} is in the future"));
    }
    let pins: Vec<String> = pins.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    Ok(NewRecord { by: by.to_string(), on: on.to_string(), source: source.to_string(), pins, note, cleared: None })
}

/// Appends `record` to entry `id` in the project's bank file that holds it. An entry of a
/// built-in bank file is recorded in a copy of that file made in the project (which then
/// overrides the built-in file, entry for entry the same). Returns the file written, and whether
/// it was copied from the built-in bank.
pub fn record(project: &Project, bank: &Bank, id: &str, record: &NewRecord) -> crate::diag::Result<(PathBuf, bool)> {
    let Some((_, src)) = bank.entries.get(id) else {
        let ids: Vec<&str> = bank.ids().collect();
        let mut d = Diagnostic::usage(format!("the bank has no authority `{id}`"));
        if let Some(h) = crate::diag::did_you_mean(id, ids.iter().copied()) {
            d = d.with_hint(h);
        }
        return Err(vec![d]);
    };
    let rel = project
        .files
        .iter()
        .find(|(rel, s)| rel.starts_with("authorities/") && s.name == src.name)
        .map(|(rel, _)| rel.clone())
        .ok_or_else(|| {
            vec![Diagnostic::usage(format!("`{id}` comes from {}, not from a bank file; record it there", src.name))]
        })?;
    // A project's own entry takes the record in its own file. A built-in entry's record goes to
    // the project's record of checks (`authorities/_verified.yaml`), so that the entry itself, and
    // the file that holds it, stay the library's (the Cook County user: recording three checks
    // had copied whole built-in bank files into the project, freezing them).
    let (path, own) = match (project.paths.get(&rel), &project.root) {
        (Some(p), _) => (p.clone(), true),
        (None, Some(root)) => (root.join(format!("authorities/{}.yaml", crate::library::bank::CHECKS_FILE)), false),
        (None, None) => {
            return Err(vec![Diagnostic::usage(format!(
                "`{id}` is in the built-in bank and there is no project folder to record in"
            ))
            .with_hint("run this in a project folder (one with `authorities/`) or pass `--root DIR`")])
        }
    };
    if let Some(dir) = path.parent().filter(|d| !d.is_dir()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| vec![Diagnostic::io(format!("cannot create {}: {e}", display_path(dir)))])?;
    }
    // Under the file's lock, the file as it is now (another record may have been added since the
    // project was read, or by a writer running beside this one).
    let _lock = crate::export::lock(&path)?;
    let current = if path.is_file() { read_text(&path)?.text.to_string() } else { String::new() };
    let count = |text: &str| {
        let src = SourceText::new(display_path(&path), text);
        if own {
            count_records(text, &path, id)
        } else {
            crate::library::bank::checks_count(&src, id)
        }
    };
    let before = count(&current)?;
    let text = if !own && !has_entry(&current, id) {
        // The first check of this entry: a new entry of the record of checks.
        let mut text = current.clone();
        if text.is_empty() {
            text.push_str("# Checks of built-in authorities made for this project (`pleader authorities verify`):\n# each adds its records to the library's entry, which stays the library's.\n");
        } else if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!("{id}:\n  verified:\n{}", record.item(4)));
        text
    } else {
        append_verification(&current, id, record)
            .map_err(|e| vec![Diagnostic::usage(format!("cannot record in {}: {e}", display_path(&path)))])?
    };
    // The edited file must read back with exactly one more record for `id`.
    if count(&text)? != before + 1 {
        return Err(vec![Diagnostic::usage(format!(
            "cannot record in {}: the edited entry `{id}` did not read back with the new record; the file was left as it was",
            display_path(&path)
        ))]);
    }
    crate::export::write_atomic(&path, text.as_bytes())?;
    Ok((path, !own))
}

/// Whether a YAML text has a top-level key `id`.
fn has_entry(text: &str, id: &str) -> bool {
    crate::yaml::tree::parse(text)
        .is_some_and(|n| matches!(&n.kind, crate::yaml::tree::Kind::Map(e) if e.iter().any(|e| e.key == id)))
}

fn count_records(text: &str, path: &Path, id: &str) -> crate::diag::Result<usize> {
    let mut bank = Bank::default();
    bank.add_file(&SourceText::new(display_path(path), text))?;
    Ok(bank.get(id).map_or(0, |a| a.verified.len()))
}

/// `authorities verify ID [--pin P]... --by INITIALS --source SOURCE [--on DATE] [--note TEXT]`.
#[allow(clippy::too_many_arguments)]
pub fn verify(
    id: &str,
    pins: Vec<String>,
    by: &str,
    source: &str,
    on: Option<String>,
    note: Option<String>,
    cleared_open: bool,
    root: Option<PathBuf>,
) -> Result<(), Failure> {
    let mut rec = new_record(by, source, on.as_deref(), pins, note).map_err(Diagnostic::usage)?;
    let project = project_for(root)?;
    let library = Library::load(project)?;
    if cleared_open {
        match library.bank.get(id).and_then(|a| a.open()) {
            Some(open) => rec.cleared = Some(open.split_whitespace().collect::<Vec<_>>().join(" ")),
            None => {
                return Err(Diagnostic::usage(format!("`{id}` has no open `unverified:` record to clear"))
                    .with_hint("drop `--cleared-open`")
                    .into())
            }
        }
    }
    let (path, builtin) = record(&library.project, &library.bank, id, &rec)?;
    if builtin {
        eprintln!(
            "`{id}` is a built-in entry: its record goes to {}, which adds it to the library's entry (the entry itself stays the library's)",
            display_path(&path)
        );
    }
    let what = if rec.pins.is_empty() { "the citation".to_string() } else { format!("pins {}", rec.pins.join(", ")) };
    eprintln!(
        "recorded in {}: `{id}`, {what}, checked by {} on {} against {}",
        display_path(&path),
        rec.by,
        rec.on,
        rec.source
    );
    if let Some(open) = library.bank.get(id).and_then(|a| a.open()).filter(|_| !cleared_open) {
        eprintln!(
            "note: `{id}` is still open (`unverified:` {}); once what it names is checked, record that with `--cleared-open`",
            open.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(160).collect::<String>()
        );
    }
    Ok(())
}
