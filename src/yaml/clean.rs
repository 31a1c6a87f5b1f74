//! The built-in YAML texts that are known clean: the build script (`build.rs`) ran the positioned
//! tree's checks ([`super::tree`]: nesting, alias expansion, keys written twice) over every YAML
//! file of the built-in library and every clause and partial header, and listed those that pass.
//! [`super::from_str_at`] skips those checks for a text that is one of them to the byte — it would
//! find nothing — and runs them on every other text (a project's own or edited file, a matter).
//! For the whole files it also holds their JSON, converted by the build script
//! (`buildsrc/yaml_json.rs`), which [`super::from_str`] reads in their place ([`json`]).

mod generated {
    include!(concat!(env!("OUT_DIR"), "/yaml_clean.rs"));
}

/// Whether `text` is a built-in YAML text in which the tree's checks find nothing.
pub fn is_clean(text: &str) -> bool {
    generated::CLEAN.iter().any(|t| t.len() == text.len() && *t == text)
}

/// The JSON the build script converted `text` to, where `text` is a built-in YAML file to the
/// byte.
pub fn json(text: &str) -> Option<&'static str> {
    generated::JSON.iter().find(|(t, _)| t.len() == text.len() && *t == text).map(|(_, j)| *j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::tree;

    /// What the build script listed passes the checks at run time too, and the library's own
    /// YAML files are all listed (so none of them is checked twice at every start).
    #[test]
    fn listed_texts_are_clean_and_the_library_is_listed() {
        for text in generated::CLEAN {
            assert!(tree::too_deep(text).is_none());
            let root = tree::parse_checked(text).expect("no alias bomb");
            assert!(!root.as_ref().is_some_and(tree::has_duplicate_keys), "{text}");
        }
        let project = crate::library::project::Project::builtin();
        for dir in crate::library::files::LIBRARY_DIRS {
            for (id, src) in project.files_in(dir, ".yaml") {
                assert!(is_clean(&src.text), "{dir}/{id}.yaml is not listed");
            }
        }
        assert!(!is_clean("a: 1\na: 2\n"));
    }

    /// Every whole YAML file of the built-in library has the JSON the build script converted
    /// (`buildsrc/yaml_json.rs`), and reading it as the type pleader reads that file as gives,
    /// field for field, what reading the YAML gives.
    #[test]
    fn builtin_json_reads_as_the_yaml() {
        use crate::library::{bank::Authority, claims, court::Profile, schema::RawFact, standards::Standard};
        use indexmap::IndexMap;
        use std::collections::BTreeMap;
        fn same<T: serde::de::DeserializeOwned + std::fmt::Debug>(path: &str, text: &str) {
            let json = json(text).unwrap_or_else(|| panic!("{path} has no JSON"));
            let from_json: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path} as JSON: {e}"));
            let from_yaml: T = serde_yaml::from_str(text).unwrap();
            assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"), "{path}");
        }
        let project = crate::library::project::Project::builtin();
        let mut seen = 0;
        for dir in crate::library::files::LIBRARY_DIRS {
            for (id, src) in project.files_in(dir, ".yaml") {
                let path = format!("{dir}/{id}.yaml");
                match (dir, id.as_str()) {
                    ("authorities", _) => same::<Option<BTreeMap<String, Authority>>>(&path, &src.text),
                    ("claims", _) if src.text.contains("\nextends:") => same::<claims::Extension>(&path, &src.text),
                    ("claims", _) => same::<claims::ClaimType>(&path, &src.text),
                    ("courts", _) => same::<Profile>(&path, &src.text),
                    ("clauses", "_proof") => same::<claims::ProofKinds>(&path, &src.text),
                    ("clauses", "_standards") => same::<IndexMap<String, Standard>>(&path, &src.text),
                    ("clauses", "_outlines") => same::<IndexMap<String, crate::scaffold::Outline>>(&path, &src.text),
                    ("clauses", a) if a.starts_with("_arguments") => {
                        same::<IndexMap<String, crate::library::arguments::ArgumentKind>>(&path, &src.text)
                    }
                    ("clauses", f) if f.starts_with("_facts") => same::<IndexMap<String, RawFact>>(&path, &src.text),
                    _ => panic!("{path}: which type does pleader read it as? Add it here."),
                }
                seen += 1;
            }
        }
        assert!(seen > 40, "{seen}");
        assert!(json("a: 1\n").is_none());
    }
}
