//! Stage 7, export — the only stage that writes files. [`pdf`] turns the typeset document into PDF
//! bytes; [`write_atomic`] writes a file to a temporary name next to its destination and renames
//! it over it, so a failed or interrupted build never leaves a truncated PDF and never destroys the
//! last good one. `--emit-typst` writes the assembled sources the same way, and `pleader new` the
//! scaffold.

pub mod pdf;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Result};
use crate::library::project::display_path;
use crate::typeset::GeneratedFile;

/// Refuses an output path that is one of the files the command read (`reads`: the matter and the
/// project's library files), compared by real path and by file id (device and inode), so `-o` onto
/// the matter — through `..`, a link or a hard link — never replaces it.
pub fn check_not_input(path: &Path, reads: &[PathBuf]) -> Result<()> {
    let real = real_target(path);
    let id = file_id(path);
    for read in reads {
        let same_path = real.as_ref().is_some_and(|r| std::fs::canonicalize(read).ok().as_ref() == Some(r));
        let same_id = id.is_some() && file_id(read) == id;
        if same_path || same_id {
            return Err(Diagnostic::usage(format!(
                "cannot write `{}`: it is `{}`, a file this command reads",
                display_path(path),
                display_path(read)
            ))
            .with_hint("choose another output path, e.g. `-o output/brief.pdf`; the file is unchanged")
            .into());
        }
    }
    Ok(())
}

/// The real path `path` would be written at: the resolved file when it exists, else its resolved
/// folder joined with its name.
fn real_target(path: &Path) -> Option<PathBuf> {
    if let Ok(r) = std::fs::canonicalize(path) {
        return Some(r);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(path.file_name()?))
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// Where the proposed order goes beside the brief's PDF: `brief.pdf` → `brief-order.pdf`.
pub fn order_path(brief: &Path) -> PathBuf {
    let stem = brief.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let ext = brief.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    brief.with_file_name(format!("{stem}-order{ext}"))
}

/// Writes the brief's PDF to `path` and, where the build typeset a proposed order, the order
/// beside it ([`order_path`]): both are first checked against the files the build read (neither
/// may overwrite an input), then each is written atomically. Returns the order's path.
pub fn write_brief(path: &Path, pdf: &[u8], order: Option<&[u8]>, reads: &[PathBuf]) -> Result<Option<PathBuf>> {
    let order = order.map(|bytes| (order_path(path), bytes));
    check_not_input(path, reads)?;
    if let Some((order_path, _)) = &order {
        check_not_input(order_path, reads)?;
    }
    write_atomic(path, pdf)?;
    if let Some((order_path, bytes)) = &order {
        write_atomic(order_path, bytes)?;
    }
    Ok(order.map(|(p, _)| p))
}

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
///
/// A symbolic link is written through: its target is replaced, the link stays (a dangling link is
/// refused). A device, FIFO or socket is refused — including `/dev/stdout` and `/dev/null`: a
/// command that can print (citecheck) prints when `-o` is left out. An existing file keeps its
/// permissions. Temporary files of an earlier, killed write to the same name (`.NAME.PID.tmp`
/// whose process is gone) are removed first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = display_path(path);
    let path = &resolve_link(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(Diagnostic::io(format!("cannot write `{shown}`: it is a directory"))
            .with_hint("give a file name, e.g. `-o output/brief.pdf`")
            .into());
    }
    let existing = std::fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(Diagnostic::usage(format!(
                "cannot write `{shown}`: it is a device, FIFO or socket, not a regular file"
            ))
            .with_hint("give a file name, e.g. `-o output/brief.pdf` (citecheck prints to standard output without -o)")
            .into());
        }
    }
    if let Some(file) = dir.ancestors().find(|a| a.is_file()) {
        return Err(Diagnostic::io(format!(
            "cannot write `{shown}`: `{}` is a file, not a folder",
            display_path(file)
        ))
        .with_hint("choose an output path in a folder, e.g. `-o output/brief.pdf`")
        .into());
    }
    std::fs::create_dir_all(&dir).map_err(|e| {
        Diagnostic::io(format!("cannot create the folder `{}`: {e}", display_path(&dir)))
            .with_hint("check the path given with -o and that you may write there")
    })?;
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "out".into());
    remove_stale_temporaries(&dir, &name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        if let Some(meta) = &existing {
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Diagnostic::io(format!("cannot write `{shown}`: {e}"))
            .with_hint("check that the folder exists and is writable; the previous file, if any, is unchanged")
            .into()
    })
}

/// The path to write for `path`: itself, or the file a symbolic link (or chain of links) leads to.
fn resolve_link(path: &Path) -> Result<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    std::fs::canonicalize(path).map_err(|e| {
        Diagnostic::usage(format!(
            "cannot write `{}`: it is a symbolic link whose target cannot be reached ({e})",
            display_path(path)
        ))
        .with_hint("remove the link or give another output path; the link is unchanged")
        .into()
    })
}

/// Removes `.NAME.PID.tmp` files in `dir` left by a write of ours that was killed (its process no
/// longer runs). Files of a running process — a parallel build — are left alone.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().to_string();
        let Some(pid) = file.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".tmp")) else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid != std::process::id() && !process_alive(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// An advisory lock on a project file that a command edits (held until dropped): the lock is taken
/// on `.NAME.lock` next to it (the file itself is replaced by each atomic write, so it cannot hold
/// the lock). Every writer of a project file takes it, then re-reads the file, then writes.
pub struct FileLock {
    _file: std::fs::File,
}

/// Waits for the advisory lock on `path` (see [`FileLock`]).
pub fn lock(path: &Path) -> Result<FileLock> {
    let shown = display_path(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "out".into());
    let fail = |e: std::io::Error| -> Diagnostics {
        Diagnostic::io(format!("cannot lock `{shown}` for writing: {e}"))
            .with_hint("check that the folder is writable; nothing was written")
            .into()
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!(".{name}.lock")))
        .map_err(fail)?;
    flock(&file).map_err(fail)?;
    Ok(FileLock { _file: file })
}

#[cfg(unix)]
fn flock(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::io::AsRawFd;
    loop {
        // SAFETY: flock on a descriptor this function borrows; released when the file is closed.
        let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
        if r == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

#[cfg(not(unix))]
fn flock(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Writes the assembled Typst sources under `dir` (for debugging a template or a clause).
pub fn write_sources(dir: &Path, files: &[GeneratedFile], reads: &[PathBuf]) -> Result<()> {
    for f in files {
        let rel = f.path.trim_start_matches('/');
        check_not_input(&dir.join(rel), reads)?;
        write_atomic(&dir.join(rel), f.text.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{order_path, write_brief};

    #[test]
    fn the_order_beside_the_brief_never_overwrites_an_input_and_then_nothing_is_written() {
        let dir = std::env::temp_dir().join(format!("pleader-write-brief-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let brief = dir.join("brief.pdf");
        assert_eq!(order_path(&brief), dir.join("brief-order.pdf"));
        // The order's path is a file the build read: refused before either PDF is written.
        std::fs::write(dir.join("brief-order.pdf"), "input").unwrap();
        let reads = vec![std::fs::canonicalize(dir.join("brief-order.pdf")).unwrap()];
        assert!(write_brief(&brief, b"pdf", Some(b"order"), &reads).is_err());
        assert!(!brief.exists());
        assert_eq!(std::fs::read_to_string(dir.join("brief-order.pdf")).unwrap(), "input");
        // Otherwise both are written, and the order's path is returned.
        let written = write_brief(&brief, b"pdf", Some(b"order"), &[]).unwrap();
        assert_eq!(written, Some(dir.join("brief-order.pdf")));
        assert_eq!(std::fs::read(&brief).unwrap(), b"pdf");
        assert_eq!(std::fs::read(dir.join("brief-order.pdf")).unwrap(), b"order");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
