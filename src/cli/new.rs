//! `pleader new DIR`: writes `DIR/matter.yaml`, the commented template, and never overwrites.

use std::path::Path;

use super::Failure;
use crate::diag::Diagnostic;
use crate::export;
use crate::library::project::{display_path, Project};

pub fn run(dir: &Path) -> Result<(), Failure> {
    let template = Project::builtin().files.get("scaffold/matter.yaml").map(|s| s.text.to_string());
    let Some(template) = template else {
        return Err(Diagnostic::error("this pleader was built without its matter template").into());
    };
    if dir.exists() && std::fs::read_dir(dir).map(|mut r| r.next().is_some()).unwrap_or(true) {
        return Err(Diagnostic::usage(format!("`{}` already exists and is not empty", display_path(dir)))
            .with_hint("choose a new folder name; pleader never overwrites a matter")
            .into());
    }
    let path = dir.join("matter.yaml");
    export::write_atomic(&path, template.as_bytes())?;
    println!("created {}", display_path(&path));
    println!("next: edit it, then `pleader check {}` and `pleader build {}`", display_path(&path), display_path(&path));
    Ok(())
}
