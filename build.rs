//! Build script: embeds the default library (clauses, Typst templates, the authority bank, court
//! profiles, the sample matters and the scaffold) in the binary, so that `pleader` works from any
//! folder and files in a project override the defaults by path, as mdBook and zola do with their
//! themes. Which files those are is decided in one place, `src/library/files.rs`. It also compiles
//! the vendored citation reference data (`data/`: Free Law Project's reporters-db and courts-db)
//! into compact tables (`buildsrc/refdata.rs`), so that citations are checked without a network,
//! and parses the built-in clause templates with Tera once, here, instead of at every start
//! (`buildsrc/tera_ast.rs`, read back by `src/draft/precompiled.rs`).

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/library/files.rs"]
#[allow(dead_code)]
mod files;

#[path = "buildsrc/refdata.rs"]
mod refdata;

#[path = "src/yaml/tree.rs"]
#[allow(dead_code)]
mod yaml_tree;

#[path = "buildsrc/tera_ast.rs"]
#[allow(dead_code)]
mod tera_ast;

#[path = "buildsrc/yaml_json.rs"]
mod yaml_json;

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
    clause_trees(Path::new(&root), &found);
    clean_yaml(Path::new(&root), &found);
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
    println!("cargo:rerun-if-changed=buildsrc/tera_ast.rs");
    println!("cargo:rerun-if-changed=buildsrc/yaml_json.rs");
    println!("cargo:rerun-if-changed=src/yaml/tree.rs");
    let refdata_out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("refdata.rs");
    if let Err(e) = refdata::generate(&Path::new(&root).join("data"), &refdata_out) {
        panic!("citation reference data: {e}");
    }
}

/// The built-in clause templates parsed by Tera now, once, instead of at every start
/// (`crate::draft::precompiled`): for each body of a `clauses/*.tera` file (the text after its
/// `---` header, or the whole of a partial without one) and each clause's `heading:`, its syntax tree in the form of
/// `buildsrc/tera_ast.rs`. Writes the trees to `$OUT_DIR/tera_ast.bin` and the texts, each with
/// where its tree lies in that file, to `$OUT_DIR/tera_ast.rs`. A body Tera cannot parse is left out: pleader parses it at run time and
/// reports the error as for any other file. The run-time lookup is by the exact text, so a
/// project's own file is used only where it is the built-in text to the byte.
fn clause_trees(root: &Path, files: &[String]) {
    let mut texts: Vec<String> = vec![];
    for rel in files {
        let Some(name) = rel.strip_prefix("clauses/").and_then(|n| n.strip_suffix(".tera")) else { continue };
        if name.contains('/') {
            continue;
        }
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        if let Some(body) = template_body(&text, name.starts_with('_')) {
            texts.push(body.to_string());
        }
        // A clause's heading is a template too (`heading:` in its header), compiled at every
        // build that selects the clause. Read here with yaml-rust: where it reads the value
        // other than serde_yaml does, the text matches nothing and is parsed at run time.
        let heading = template_header(&text)
            .and_then(|h| yaml_rust::YamlLoader::load_from_str(h).ok())
            .and_then(|docs| docs.first().and_then(|d| d["heading"].as_str().map(str::to_string)));
        if let Some(h) = heading {
            texts.push(h);
        }
    }
    texts.sort();
    texts.dedup();
    let mut blob = vec![];
    let mut table = String::from(
        "/// Built-in clause template texts with their syntax trees: (text, start, end in [`TREES`]).\n\
         pub static TEXTS: &[(&str, usize, usize)] = &[\n",
    );
    for text in &texts {
        let Ok(template) = tera::Template::new("built-in", None, text) else { continue };
        let start = blob.len();
        blob.extend(tera_ast::encode(&template.ast));
        writeln!(table, "    ({text:?}, {start}, {}),", blob.len()).unwrap();
    }
    table.push_str("];\n/// The encoded syntax trees.\npub static TREES: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/tera_ast.bin\"));\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("tera_ast.bin"), blob).unwrap();
    std::fs::write(Path::new(&out_dir).join("tera_ast.rs"), table).unwrap();
}

/// The built-in YAML texts in which the positioned tree's checks (`src/yaml/tree.rs`: nesting,
/// alias expansion, keys written twice) find nothing, so that `yaml::from_str_at` need not run
/// them again at every start (`src/yaml/clean.rs`): every YAML file of the library folders and
/// every clause and partial header. Writes `$OUT_DIR/yaml_clean.rs`.
fn clean_yaml(root: &Path, files: &[String]) {
    let clean = |text: &str| {
        yaml_tree::too_deep(text).is_none()
            && matches!(yaml_tree::parse_checked(text), Ok(r) if !r.as_ref().is_some_and(yaml_tree::has_duplicate_keys))
    };
    let mut out =
        String::from("/// Built-in YAML texts the tree's checks find clean.\npub static CLEAN: &[&str] = &[\n");
    // The clean files as JSON (`buildsrc/yaml_json.rs`): (the YAML text, its JSON).
    let mut json = String::from("/// Built-in YAML files and their JSON.\npub static JSON: &[(&str, &str)] = &[\n");
    for rel in files {
        let Some((dir, name)) = rel.split_once('/') else { continue };
        if !files::LIBRARY_DIRS.contains(&dir) {
            continue;
        }
        let abs = root.join(rel);
        let text = std::fs::read_to_string(&abs).unwrap();
        if name.ends_with(".yaml") {
            if clean(&text) {
                writeln!(out, "    include_str!({:?}),", abs.display().to_string()).unwrap();
                if let Some(j) = yaml_json::convert(&text) {
                    writeln!(json, "    (include_str!({:?}), {j:?}),", abs.display().to_string()).unwrap();
                }
            }
        } else if name.ends_with(".tera") {
            if let Some(header) = template_header(&text) {
                if clean(header) {
                    writeln!(out, "    {header:?},").unwrap();
                }
            }
        }
    }
    out.push_str("];\n");
    json.push_str("];\n");
    out.push_str(&json);
    std::fs::write(Path::new(&std::env::var("OUT_DIR").unwrap()).join("yaml_clean.rs"), out).unwrap();
}

/// The YAML header of a clause file as `library::clause` reads it: between the opening `---` line
/// and the line that closes it.
fn template_header(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some(&rest[..offset]);
        }
        offset += line.len();
    }
    None
}

/// The template text of a clause file as `library::clause` reads it: what follows the `---` line
/// that closes the header; for a partial without a header, the whole file.
fn template_body(text: &str, partial: bool) -> Option<&str> {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return partial.then_some(text);
    };
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return Some(&text[offset..]);
        }
    }
    None
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
