//! The project folder and its files. The defaults (clauses, templates, the authority bank, court
//! profiles, sample matters, the scaffold) are embedded in the binary; a project folder — the
//! nearest ancestor of the matter file's real path (links and `..` resolved) that has any one of
//! the library folders (`clauses/`, `templates/`, `authorities/`, `courts/`, `claims/`) or `fonts/`, or the
//! folder given with `--project` — overrides them file by file and can add new ones. A folder
//! found that way which others could have planted (world-writable, in a world-writable folder
//! without the sticky bit and the user's ownership, or above the user's home) is used only when
//! named with `--project`. This module reads files; only the export stage writes them.
//!
//! The sandbox: a project reads only files whose real path lies inside the project folder. A
//! symbolic link in a library folder (or a library folder that is a link) that leads outside is
//! refused with a diagnostic naming the link and its target, so no file outside the project can
//! be printed into a brief.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Result, SourceText};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use super::files::LIBRARY_DIRS;
use super::files::{is_font_file, is_library_file, FONT_DIR};

/// The library files of a project, by relative path (`clauses/introduction.tera`).
#[derive(Clone, Debug, Default)]
pub struct Project {
    pub root: Option<PathBuf>,
    pub files: BTreeMap<String, SourceText>,
    /// The real path on disk (links resolved) of every file read from the project folder, by
    /// relative path; built-in files have none.
    pub paths: BTreeMap<String, PathBuf>,
    /// The font files in the project's `fonts/` folder (a typeface the court requires that
    /// pleader does not embed), by relative path, with their bytes.
    pub fonts: Vec<(String, std::sync::Arc<Vec<u8>>)>,
}

/// What the name of a built-in file starts with (`<builtin>/clauses/introduction.tera`).
const BUILTIN_PREFIX: &str = "<builtin>/";

/// Whether a file is one of the library's own, embedded in the binary, rather than a project's.
pub fn is_builtin(source: &SourceText) -> bool {
    source.name.starts_with(BUILTIN_PREFIX)
}

impl Project {
    /// Built-in bank files this project's files of the same name replace, each with the ids of
    /// the built-in entries that `present` (the bank as loaded) no longer holds: a project's
    /// `authorities/virginia.yaml` written before the library shipped one of that name hides the
    /// library's (the Virginia user, S27). Empty where every built-in entry is still there.
    pub fn hidden_builtin_authorities(&self, present: impl Fn(&str) -> bool) -> Vec<(String, Vec<String>)> {
        let mut out = vec![];
        // Only a copy that differs from the built-in file can hide anything: the repository's own
        // folder, run as a project, parses nothing here.
        for path in self.replaced_builtins() {
            let Some((_, text)) = embedded::FILES.iter().find(|(p, _)| *p == path) else { continue };
            if !path.starts_with("authorities/") || !path.ends_with(".yaml") {
                continue;
            }
            let builtin = SourceText::new(format!("{BUILTIN_PREFIX}{path}"), *text);
            let Ok(entries) = crate::library::bank::Bank::parse_file(&builtin) else { continue };
            let gone: Vec<String> = entries.into_keys().filter(|id| !present(id)).collect();
            if !gone.is_empty() {
                out.push((path.to_string(), gone));
            }
        }
        out
    }

    /// The built-in library only.
    pub fn builtin() -> Project {
        let mut files = BTreeMap::new();
        for (path, text) in embedded::FILES {
            files.insert(path.to_string(), SourceText::new(format!("{BUILTIN_PREFIX}{path}"), *text));
        }
        Project { root: None, files, paths: BTreeMap::new(), fonts: vec![] }
    }

    /// The project's files that replace a built-in file of the same path whole and differ from it
    /// (an edited copy of `clauses/_standards.yaml`, say): library fixes to those files no longer
    /// reach the project. In path order.
    pub fn replaced_builtins(&self) -> Vec<&str> {
        // A copy that still reads exactly as the built-in file changes nothing yet (the library's
        // own folder, run from the repository, is such a copy of every file); it is named once
        // the two differ.
        self.paths
            .keys()
            .filter(|p| {
                embedded::FILES
                    .iter()
                    .any(|(path, text)| path == p && self.files.get(*p).is_some_and(|f| f.text.as_ref() != *text))
            })
            .map(String::as_str)
            .collect()
    }

    /// The built-in library overridden by the project that contains `matter` (if any).
    pub fn for_matter(matter: &Path) -> Result<Project> {
        Project::for_matter_in(matter, None)
    }

    /// The built-in library overridden by `explicit` (`--project DIR`), or else by the project
    /// that contains `matter`'s real path, refused when it is not a folder to trust unasked.
    pub fn for_matter_in(matter: &Path, explicit: Option<&Path>) -> Result<Project> {
        match project_root(matter, explicit)? {
            Some(root) => Project::at(&root),
            None => Ok(Project::builtin()),
        }
    }

    /// The built-in library overridden by the files under `root`. Every file and folder read must
    /// lie inside `root` once links are resolved.
    pub fn at(root: &Path) -> Result<Project> {
        let mut project = Project::builtin();
        let mut problems = vec![];
        let real_root = std::fs::canonicalize(root)
            .map_err(|e| Diagnostic::io(format!("cannot open the project folder `{}`: {e}", display_path(root))))?;
        let mut seen = BTreeSet::new();
        for dir in LIBRARY_DIRS {
            let abs = root.join(dir);
            if !abs.is_dir() {
                continue;
            }
            let mut found = vec![];
            collect(&abs, &real_root, is_library_file, &mut seen, &mut found, &mut problems);
            found.sort();
            for (path, real) in found {
                let rel = match path.strip_prefix(root) {
                    Ok(r) => r.to_string_lossy().replace('\\', "/"),
                    Err(_) => continue,
                };
                match read_text(&path) {
                    Ok(source) => {
                        project.files.insert(rel.clone(), source);
                        project.paths.insert(rel, real);
                    }
                    Err(mut d) => problems.append(&mut d),
                }
            }
        }
        let fonts = root.join(FONT_DIR);
        if fonts.is_dir() {
            let mut found = vec![];
            collect(&fonts, &real_root, is_font_file, &mut seen, &mut found, &mut problems);
            found.sort();
            for (path, _) in found {
                let Ok(rel) = path.strip_prefix(root) else { continue };
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        project.fonts.push((rel.to_string_lossy().replace('\\', "/"), std::sync::Arc::new(bytes)))
                    }
                    Err(e) => problems.push(Diagnostic::io(format!("cannot read `{}`: {e}", display_path(&path)))),
                }
            }
        }
        project.root = Some(root.to_path_buf());
        if problems.is_empty() {
            Ok(project)
        } else {
            Err(problems)
        }
    }

    /// Files under one library folder with one extension, by id (file stem).
    pub fn files_in(&self, dir: &str, ext: &str) -> Vec<(String, &SourceText)> {
        let prefix = format!("{dir}/");
        self.files
            .iter()
            .filter_map(|(rel, src)| {
                let name = rel.strip_prefix(&prefix)?;
                let stem = name.strip_suffix(ext)?;
                (!stem.contains('/')).then(|| (stem.to_string(), src))
            })
            .collect()
    }
}

/// The library folders of the project that contains `matter` (none when it is in no project),
/// found without reading any file: the folders a watcher watches.
pub fn library_dirs(matter: &Path, explicit: Option<&Path>) -> Vec<PathBuf> {
    match project_root(matter, explicit).ok().flatten() {
        Some(root) => LIBRARY_DIRS.iter().map(|d| root.join(d)).filter(|p| p.is_dir()).collect(),
        None => vec![],
    }
}

/// The project folder for `matter`: `explicit` when given (it must be a folder), else the one
/// found from the matter's real path, which must be one to trust unasked.
pub fn project_root(matter: &Path, explicit: Option<&Path>) -> Result<Option<PathBuf>> {
    if let Some(dir) = explicit {
        if !dir.is_dir() {
            return Err(Diagnostic::usage(format!("the project folder `{}` is not a folder", display_path(dir)))
                .with_hint("`--project DIR` names the folder that holds clauses/, courts/, authorities/, …")
                .into());
        }
        return Ok(Some(dir.to_path_buf()));
    }
    let Some(root) = find_root(matter) else { return Ok(None) };
    match untrusted(&root) {
        None => Ok(Some(root)),
        Some(why) => Err(Diagnostic::usage(format!(
            "the folder `{}` looks like a project folder for `{}` (it has {}), but it {why}",
            display_path(&root),
            display_path(matter),
            LIBRARY_DIRS.iter().filter(|d| root.join(d).is_dir()).map(|d| format!("{d}/")).collect::<Vec<_>>().join(", ")
        ))
        .with_hint(format!(
            "if it is your project, say so: `--project {}`; otherwise move the matter into a project folder of your own",
            display_path(&root)
        ))
        .into()),
    }
}

/// The nearest ancestor of the matter's real path that has any one of the library folders or `fonts/`.
fn find_root(matter: &Path) -> Option<PathBuf> {
    let abs = if matter.is_absolute() { matter.to_path_buf() } else { std::env::current_dir().ok()?.join(matter) };
    let real = std::fs::canonicalize(&abs).unwrap_or(abs);
    let mut dir = real.parent();
    while let Some(d) = dir {
        if LIBRARY_DIRS.iter().chain([&FONT_DIR]).any(|sub| d.join(sub).is_dir()) {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

/// Why a project folder found by searching upwards is not one to use without `--project`: it is
/// world-writable, in a world-writable folder (unless that folder has the sticky bit and the
/// project folder is the user's), or above the user's home (`/home`, `/`).
#[cfg(unix)]
fn untrusted(root: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(root).ok()?;
    if meta.mode() & 0o002 != 0 {
        return Some("is writable by every user of this machine".into());
    }
    if let Some(parent) = root.parent().and_then(|p| std::fs::metadata(p).ok()) {
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        let sticky_and_mine = parent.mode() & 0o1000 != 0 && meta.uid() == me;
        if parent.mode() & 0o002 != 0 && !sticky_and_mine {
            return Some("is in a folder every user of this machine can write to".into());
        }
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).and_then(|h| std::fs::canonicalize(h).ok())?;
    (home != root && home.starts_with(root)).then(|| format!("is above your home folder `{}`", home.display()))
}

#[cfg(not(unix))]
fn untrusted(_root: &Path) -> Option<String> {
    None
}

/// The library files under `dir` with their real paths, following links that stay inside
/// `real_root` (each real folder once, so a link to a parent folder is not a loop) and refusing
/// those that leave it.
fn collect(
    dir: &Path,
    real_root: &Path,
    wanted: fn(&str) -> bool,
    seen: &mut BTreeSet<PathBuf>,
    out: &mut Vec<(PathBuf, PathBuf)>,
    problems: &mut Vec<Diagnostic>,
) {
    let Ok(real_dir) = std::fs::canonicalize(dir) else { return };
    if !real_dir.starts_with(real_root) {
        problems.push(outside(dir, &real_dir, real_root));
        return;
    }
    if !seen.insert(real_dir) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, real_root, wanted, seen, out, problems);
        } else if wanted(&name) {
            // A dangling link keeps its own path: reading it reports that it does not exist.
            let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if real.is_absolute() && !real.starts_with(real_root) {
                problems.push(outside(&path, &real, real_root));
            } else {
                out.push((path, real));
            }
        }
    }
}

/// The diagnostic for a link that leads out of the project folder, at the link.
fn outside(link: &Path, target: &Path, real_root: &Path) -> Diagnostic {
    let name = display_path(link);
    Diagnostic::error(format!(
        "`{name}` is a link to `{}`, outside the project folder `{}`: pleader reads only files inside it",
        target.display(),
        real_root.display()
    ))
    .in_file(&SourceText::new(name, ""))
    .with_hint("copy what it links to into the project folder instead of linking to it")
}

/// A hash of a file's content, to tell whether it changed since a build read it.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// A path as the user should see it: relative to the working directory when it is below it.
pub fn display_path(path: &Path) -> String {
    if let Ok(cwd) = std::env::current_dir() {
        if let Ok(rel) = path.strip_prefix(&cwd) {
            return if rel.as_os_str().is_empty() { ".".into() } else { rel.display().to_string() };
        }
    }
    path.display().to_string()
}

/// Reads a UTF-8 text file, with a diagnostic for a missing, unreadable or non-UTF-8 file.
pub fn read_text(path: &Path) -> Result<SourceText> {
    let name = display_path(path);
    let bytes = std::fs::read(path).map_err(|e| {
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "does not exist".to_string(),
            std::io::ErrorKind::PermissionDenied => "cannot be read (permission denied)".to_string(),
            _ if path.is_dir() => "is a directory, not a file".to_string(),
            _ => format!("cannot be read: {e}"),
        };
        vec![Diagnostic::io(format!("`{name}` {what}"))]
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceText::new(name, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let source = SourceText::new(name.clone(), text);
            Err(Diagnostic::error(format!("`{name}` is not valid UTF-8 (first bad byte at line {line}, column {col})"))
                .at_line_col(&source, line, col)
                .with_hint("save the file as UTF-8 (most editors: File › Save with Encoding › UTF-8)")
                .into())
        }
    }
}
