//! `pleader new DIR [--outline NAME] [--court ID]`: writes `DIR/matter.yaml`, generated from the
//! fact schema of the outline's clauses, and never overwrites.

use std::path::Path;

use super::Failure;
use crate::diag::Diagnostic;
use crate::export;
use crate::library::project::{display_path, Project};
use crate::library::Library;

pub fn run(dir: Option<&Path>, outline: Option<&str>, court: Option<&str>) -> Result<(), Failure> {
    // The project the new matter will build in (its court profiles, outlines and facts): the one
    // that holds DIR, else the working folder's, else the built-in library.
    let project = match dir.map(|d| Project::for_matter(&d.join("matter.yaml"))).transpose()? {
        Some(p) if p.root.is_some() => p,
        _ => super::project_for(None)?,
    };
    let library = Library::load(project)?;
    let outline = match outline {
        Some(o) => o.to_string(),
        None => crate::scaffold::default_outline(&library, court)?,
    };
    let outline = outline.as_str();
    if outline == "help" {
        for (name, o) in crate::scaffold::outlines(&library)? {
            println!("{name}\n  {}", o.description.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        return Ok(());
    }
    // `--outline help` alone needs no folder; anything else writes one.
    let Some(dir) = dir else {
        return Err(Diagnostic::usage("`pleader new` needs the folder to create the matter in")
            .with_hint("e.g. `pleader new my-matter --court nd-cal`; `pleader new --outline help` lists the outlines")
            .into());
    };
    // The folder may exist, and hold other files (the project folder itself, `pleader new .`);
    // only a matter already there is refused.
    let path = dir.join("matter.yaml");
    if path.exists() || dir.is_file() {
        return Err(Diagnostic::usage(format!("`{}` already exists", display_path(&path)))
            .with_hint("choose another folder; pleader never overwrites a matter")
            .into());
    }
    let text = crate::scaffold::scaffold(&library, outline, court)?;
    export::write_atomic(&path, text.as_bytes())?;
    println!("created {} (outline `{outline}`)", display_path(&path));
    println!("next: edit it, then `pleader check {}` and `pleader build {}`", display_path(&path), display_path(&path));
    Ok(())
}
