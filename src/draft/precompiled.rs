//! The built-in clause templates as Tera syntax trees parsed when pleader was compiled (`build.rs`
//! through `buildsrc/tera_ast.rs`), so that loading a matter does not run Tera's parser over
//! them again. [`add_template`] stands in for `Tera::add_raw_template`: a text that is a built-in
//! template body or clause heading to the byte gets its tree from the binary; any other text — a
//! project's own or edited clause, a matter's paragraph — is parsed as before, and so is a built-in text
//! whose tree would not stand (then Tera reports exactly what it reports today).

use std::collections::HashMap;

use tera::{Template, Tera};

#[path = "../../buildsrc/tera_ast.rs"]
#[allow(dead_code)]
mod codec;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/tera_ast.rs"));
}

/// The syntax tree of a built-in template text, if `text` is one.
fn tree(text: &str) -> Option<Vec<tera::ast::Node>> {
    let (_, start, end) = generated::TEXTS.iter().find(|(t, _, _)| t.len() == text.len() && *t == text)?;
    codec::decode(generated::TREES.get(*start..*end)?)
}

/// A template built from its syntax tree the way `Template::new` builds it from its text: the
/// blocks (nested ones too), the macros, the imported macro files and the parent. `None` where
/// `Template::new` would fail (a block or a macro defined twice).
fn template(name: &str, ast: Vec<tera::ast::Node>) -> Option<Template> {
    use tera::ast::{Block, Node};
    fn find_blocks(ast: &[Node], blocks: &mut HashMap<String, Block>) -> Option<()> {
        for node in ast {
            if let Node::Block(_, block, _) = node {
                if blocks.insert(block.name.to_string(), block.clone()).is_some() {
                    return None;
                }
                find_blocks(&block.body, blocks)?;
            }
        }
        Some(())
    }
    let mut blocks = HashMap::new();
    find_blocks(&ast, &mut blocks)?;
    let mut macros = HashMap::new();
    let mut imported_macro_files = vec![];
    let mut parent = None;
    for node in &ast {
        match node {
            Node::Extends(_, name) => parent = Some(name.to_string()),
            Node::MacroDefinition(_, def, _) => {
                let defined_twice = macros.insert(def.name.clone(), def.clone()).is_some();
                if defined_twice {
                    return None;
                }
            }
            Node::ImportMacro(_, file, namespace) => {
                imported_macro_files.push((file.to_string(), namespace.to_string()))
            }
            _ => {}
        }
    }
    Some(Template {
        name: name.to_string(),
        path: None,
        ast,
        from_extend: false,
        macros,
        imported_macro_files,
        parent,
        blocks,
        parents: vec![],
        blocks_definitions: HashMap::new(),
    })
}

/// `tera.add_raw_template(name, text)`, with the tree of a built-in text taken from the binary.
pub fn add_template(tera: &mut Tera, name: &str, text: &str) -> tera::Result<()> {
    match tree(text).and_then(|ast| template(name, ast)) {
        Some(template) => {
            // What `add_raw_template` does once the text is parsed.
            tera.templates.insert(name.to_string(), template);
            tera.build_inheritance_chains()?;
            tera.check_macro_files()
        }
        None => tera.add_raw_template(name, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tree in the binary decodes to what Tera's parser makes of its text today, and
    /// encodes back to the same bytes.
    #[test]
    fn built_in_trees_are_what_tera_parses() {
        assert!(!generated::TEXTS.is_empty());
        for (text, start, end) in generated::TEXTS {
            let bytes = &generated::TREES[*start..*end];
            let decoded = codec::decode(bytes).expect("a tree the build script wrote decodes");
            let parsed = Template::new("t", None, text).expect("a built-in template parses");
            assert_eq!(decoded, parsed.ast, "{text}");
            assert_eq!(codec::encode(&decoded), bytes);
            let built = template("t", decoded).expect("the tree makes a template");
            assert_eq!(built.macros, parsed.macros);
            assert_eq!(built.blocks, parsed.blocks);
            assert_eq!(built.imported_macro_files, parsed.imported_macro_files);
            assert_eq!(built.parent, parsed.parent);
        }
    }

    /// Every built-in clause and partial body, and every clause heading, is found in the binary
    /// (the build script reads the files as `library::clause` does), so no built-in template is
    /// parsed at run time.
    #[test]
    fn every_built_in_body_is_precompiled() {
        let project = crate::library::project::Project::builtin();
        for (id, src) in project.files_in("clauses", ".tera") {
            let body = if id.starts_with('_') {
                crate::library::clause::Partial::parse(&id, src).unwrap().body
            } else {
                let clause = crate::library::clause::Clause::parse(&id, src).unwrap();
                assert!(tree(&clause.header.heading).is_some(), "clauses/{id}.tera's heading has no precompiled tree");
                clause.body
            };
            assert!(tree(&body).is_some(), "clauses/{id}.tera has no precompiled tree");
        }
    }

    /// A text that is not a built-in one is parsed, with Tera's own errors.
    #[test]
    fn other_texts_are_parsed() {
        let mut tera = Tera::default();
        add_template(&mut tera, "a", "Hello {{ name }}").unwrap();
        assert!(tera.templates.contains_key("a"));
        let err = add_template(&mut tera, "b", "{% if %}").unwrap_err();
        assert!(err.to_string().contains("Failed to parse 'b'"), "{err}");
    }
}
