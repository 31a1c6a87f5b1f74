//! The built-in YAML texts that are known clean: the build script (`build.rs`) ran the positioned
//! tree's checks ([`super::tree`]: nesting, alias expansion, keys written twice) over every YAML
//! file of the built-in library and every clause and partial header, and listed those that pass.
//! [`super::from_str_at`] skips those checks for a text that is one of them to the byte — it would
//! find nothing — and runs them on every other text (a project's own or edited file, a matter).

mod generated {
    include!(concat!(env!("OUT_DIR"), "/yaml_clean.rs"));
}

/// Whether `text` is a built-in YAML text in which the tree's checks find nothing.
pub fn is_clean(text: &str) -> bool {
    generated::CLEAN.iter().any(|t| t.len() == text.len() && *t == text)
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
}
