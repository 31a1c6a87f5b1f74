//! Build script: embeds the default library (clauses, Typst templates, the authority bank, court
//! profiles and the sample matters) in the binary, so that `pleader` works from any directory and
//! files in a project override the defaults by path, as mdBook and zola do with their themes.

use std::fmt::Write as _;
use std::path::Path;

const DIRS: [&str; 6] = ["clauses", "templates", "authorities", "courts", "matters", "scaffold"];

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let mut files = vec![];
    for dir in DIRS {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(&root), Path::new(dir), &mut files);
    }
    files.sort();
    let mut out = String::from("/// Files embedded from the source tree: (relative path, contents).\npub static FILES: &[(&str, &str)] = &[\n");
    for rel in files {
        let abs = Path::new(&root).join(&rel);
        writeln!(out, "    ({rel:?}, include_str!({:?})),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(root.join(rel)) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let rel_path = rel.join(&name);
        if entry.path().is_dir() {
            collect(root, &rel_path, out);
        } else if [".tera", ".typ", ".yaml", ".md"].iter().any(|e| name.ends_with(e)) {
            out.push(rel_path.to_string_lossy().replace('\\', "/"));
        }
    }
}
