//! Stage 7, export — the only stage that writes files. [`pdf`] turns the typeset document into PDF
//! bytes; [`write_atomic`] writes a file to a temporary name next to its destination and renames
//! it over it, so a failed or interrupted build never leaves a truncated PDF and never destroys the
//! last good one. `--emit-typst` writes the assembled sources the same way, and `pleader new` the
//! scaffold.

pub mod pdf;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Result};
use crate::library::project::display_path;
use crate::typeset::GeneratedFile;

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = display_path(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(Diagnostic::io(format!("cannot write `{shown}`: it is a directory"))
            .with_hint("give a file name, e.g. `-o output/brief.pdf`")
            .into());
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
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
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

/// Writes the assembled Typst sources under `dir` (for debugging a template or a clause).
pub fn write_sources(dir: &Path, files: &[GeneratedFile]) -> Result<()> {
    for f in files {
        let rel = f.path.trim_start_matches('/');
        write_atomic(&dir.join(rel), f.text.as_bytes())?;
    }
    Ok(())
}
