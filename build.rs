//! Build script: embeds the default library (clauses, Typst templates, the authority bank, court
//! profiles, the sample matters and the scaffold) in the binary, so that `pleader` works from any
//! folder and files in a project override the defaults by path, as mdBook and zola do with their
//! themes. Which files those are is decided in one place, `src/library/files.rs`. It also compiles
//! the vendored citation reference data (`data/`: Free Law Project's reporters-db and courts-db)
//! into compact tables (`buildsrc/refdata.rs`), so that citations are checked without a network.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/library/files.rs"]
#[allow(dead_code)]
mod files;

#[path = "buildsrc/refdata.rs"]
mod refdata;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let mut found = vec![];
    for dir in files::EMBEDDED_DIRS {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(&root), Path::new(dir), &mut found);
    }
    found.sort();
    let mut out = String::from(
        "/// Files embedded from the source tree: (relative path, contents).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for rel in found {
        let abs = Path::new(&root).join(&rel);
        writeln!(out, "    ({rel:?}, include_str!({:?})),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();

    // Citation reference tables from the vendored Free Law Project data (data/README.md).
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=buildsrc/refdata.rs");
    let refdata_out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("refdata.rs");
    if let Err(e) = refdata::generate(&Path::new(&root).join("data"), &refdata_out) {
        panic!("citation reference data: {e}");
    }
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
        } else if files::is_library_file(&name) {
            out.push(rel_path.to_string_lossy().replace('\\', "/"));
        }
    }
}
