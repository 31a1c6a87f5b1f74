//! The built-in library's YAML files as JSON, written by the build script: serde_json reads them
//! about ten times faster than serde_yaml (measured on the 14 bank files: 6.6 ms against 0.55 ms),
//! and they are most of what a build reads at start. Only a file whose every node converts without
//! a question (no alias, no value yaml-rust could not type) is converted; `yaml::from_str` reads
//! the JSON of a text that is a built-in file to the byte, and a test in `src/yaml/clean.rs`
//! checks, file by file, that it gives what the YAML gives. The JSON is written here by hand, not
//! through `serde_json::Value`, whose map sorts its keys unless a feature is on: the files' key
//! order is meaning (clauses/_standards.yaml, clauses/_proof.yaml are read into `IndexMap`s).

use yaml_rust::{Yaml, YamlLoader};

/// The JSON text of a YAML document, or `None` where the conversion could change what a reader
/// gets (several documents, an alias, a value yaml-rust could not read, a key that is not a
/// string or an integer).
pub fn convert(text: &str) -> Option<String> {
    let docs = YamlLoader::load_from_str(text).ok()?;
    let [doc] = docs.as_slice() else { return None };
    let mut out = String::new();
    write(doc, &mut out)?;
    Some(out)
}

fn write(y: &Yaml, out: &mut String) -> Option<()> {
    match y {
        Yaml::Null => out.push_str("null"),
        Yaml::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Yaml::Integer(i) => out.push_str(&i.to_string()),
        Yaml::Real(s) => {
            let f: f64 = s.parse().ok()?;
            if !f.is_finite() {
                return None;
            }
            out.push_str(&format!("{f:?}"));
        }
        Yaml::String(s) => string(s, out),
        Yaml::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out)?;
            }
            out.push(']');
        }
        Yaml::Hash(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match k {
                    Yaml::String(s) => string(s, out),
                    Yaml::Integer(n) => string(&n.to_string(), out),
                    _ => return None,
                }
                out.push(':');
                write(v, out)?;
            }
            out.push('}');
        }
        Yaml::Alias(_) | Yaml::BadValue => return None,
    }
    Some(())
}

fn string(s: &str, out: &mut String) {
    // serde_json escapes the string; the structure around it is written here, in the file's order.
    out.push_str(&serde_json::to_string(s).expect("a string serializes"));
}
