//! `pleader library list | show PATH | eject PATH [--project DIR]`: the built-in library files a
//! user with only the binary can read and copy. `show` prints one; `eject` copies it into a
//! project folder at the same relative path (`courts/nd-cal.yaml` → `DIR/courts/nd-cal.yaml`),
//! where it overrides the built-in file, and never overwrites a file that exists.

use std::path::{Path, PathBuf};

use super::Failure;
use crate::diag::{did_you_mean, Diagnostic};
use crate::export;
use crate::library::project::{display_path, Project};

/// The built-in file at `path`, or a usage error naming the closest paths.
fn builtin_file(path: &str) -> Result<String, Failure> {
    let builtin = Project::builtin();
    let path = path.trim_start_matches("./");
    match builtin.files.get(path) {
        Some(src) => Ok(src.text.to_string()),
        None => {
            let hint = did_you_mean(path, builtin.files.keys().map(|k| k.as_str()))
                .unwrap_or_else(|| "`pleader library list` lists the built-in files".into());
            Err(Diagnostic::usage(format!("there is no built-in library file `{path}`")).with_hint(hint).into())
        }
    }
}

/// Every built-in library file, one relative path a line.
pub fn list() -> Result<(), Failure> {
    for path in Project::builtin().files.keys() {
        println!("{path}");
    }
    Ok(())
}

/// Prints a built-in file as shipped.
pub fn show(path: &str) -> Result<(), Failure> {
    print!("{}", builtin_file(path)?);
    Ok(())
}

/// Copies a built-in file into the project folder (default: the working folder).
pub fn eject(path: &str, project: Option<PathBuf>) -> Result<(), Failure> {
    let text = builtin_file(path)?;
    let rel = path.trim_start_matches("./");
    let dir = project.unwrap_or_else(|| PathBuf::from("."));
    let target = dir.join(Path::new(rel));
    if target.exists() {
        return Err(Diagnostic::usage(format!("`{}` already exists", display_path(&target)))
            .with_hint("pleader never overwrites a project file: edit it, or remove it first to start again from the built-in one")
            .into());
    }
    export::write_atomic(&target, text.as_bytes())?;
    println!("copied {rel} to {} (it now overrides the built-in file in this project)", display_path(&target));
    Ok(())
}
