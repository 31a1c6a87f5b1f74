//! The source tree keeps its rules, checked on the source text: every file says what it owns
//! (`//!`), nothing outside the escaping module writes Typst syntax from data, and the top-level
//! modules depend on each other without a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The code of a file without its `#[cfg(test)]` module (tests may spell out expected Typst).
fn code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap()
}

#[test]
fn every_source_file_says_what_it_owns() {
    for (path, text) in sources() {
        assert!(text.trim_start().starts_with("//!"), "{path} has no `//!` comment saying what it owns");
    }
}

/// The format strings of `format!`, `write!` and `writeln!` calls in a file.
fn format_strings(text: &str) -> Vec<String> {
    let mut out = vec![];
    for mac in ["format!(", "write!(", "writeln!(", "push_str(&format!("] {
        let mut rest = text;
        while let Some(i) = rest.find(mac) {
            rest = &rest[i + mac.len()..];
            if let Some(q) = rest.find('"') {
                // The first string literal after the macro name (for write!, after the writer).
                if q < 40 {
                    let lit = &rest[q + 1..];
                    let mut end = 0;
                    let bytes = lit.as_bytes();
                    while end < bytes.len() && !(bytes[end] == b'"' && (end == 0 || bytes[end - 1] != b'\\')) {
                        end += 1;
                    }
                    out.push(lit[..end].to_string());
                }
            }
        }
    }
    out
}

#[test]
fn only_the_escaping_module_writes_typst_syntax_from_data() {
    // Typst syntax next to an interpolated value: code (`#`), content blocks, emphasis, labels,
    // string literals and arrays built around `{…}`.
    let patterns = ["#{", "#metadata", "#import", "#include", "#let", "[{", "{}]", "_{", "}_", "<pl-", "({},)"];
    let mut offenders = vec![];
    for (path, text) in sources() {
        // The escaping module is the Typst writer; the YAML module writes YAML (`[a, b]`), not Typst.
        if path == "escape.rs" || path.starts_with("yaml/") {
            continue;
        }
        for f in format_strings(code(&text)) {
            if let Some(p) = patterns.iter().find(|p| f.contains(*p)) {
                offenders.push(format!("{path}: format string {f:?} writes `{p}`"));
            }
        }
    }
    assert!(offenders.is_empty(), "Typst syntax written outside src/escape.rs:\n{}", offenders.join("\n"));
}

#[test]
fn the_top_level_modules_have_no_import_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let modules: BTreeSet<String> = sources()
        .iter()
        .map(|(p, _)| p.split('/').next().unwrap().trim_end_matches(".rs").to_string())
        .filter(|m| m != "lib" && m != "main")
        .collect();
    for (path, text) in sources() {
        let from = path.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        let deps = graph.entry(from.clone()).or_default();
        for m in &modules {
            if *m != from && code(&text).contains(&format!("crate::{m}")) {
                deps.insert(m.clone());
            }
        }
    }
    // Depth-first search for a cycle.
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        if let Some(cycle) = visit(n, &graph, &mut vec![], &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}
