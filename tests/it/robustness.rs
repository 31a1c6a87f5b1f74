//! Arbitrary input never crashes the pipeline: any text as a matter file, any value in any field
//! of a real matter, any text as a clause body. Errors are fine; panics are not.

use std::time::Instant;

use crate::common::*;
use pleader::diag::SourceText;
use pleader::library::project::Project;
use pleader::pipeline::{self, BuildOptions, Session};
use proptest::prelude::*;

fn try_build(session: &mut Session, matter: String, project: Project) {
    if let Ok(loaded) = pipeline::load(SourceText::new("matter.yaml", matter), project) {
        let _ = session.build_loaded(loaded, Instant::now(), BuildOptions { pdf: false });
    }
}

thread_local! {
    static SESSION: std::cell::RefCell<Session> = std::cell::RefCell::new(Session::new());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_a_matter_file(s in "\\PC{0,400}") {
        SESSION.with(|sess| try_build(&mut sess.borrow_mut(), s, Project::builtin()));
    }

    #[test]
    fn yaml_shaped_garbage(s in "([a-z_]{1,8}: ?[\\[\\]{}\"'#&*!|>:, a-z0-9-]{0,12}\n {0,4}){0,20}") {
        SESSION.with(|sess| try_build(&mut sess.borrow_mut(), s, Project::builtin()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_value_in_any_field_of_a_real_matter(line in 0usize..60, value in "\\PC{0,40}") {
        let text = std::fs::read_to_string(fixture("engine").join("matter.yaml")).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let i = line % lines.len();
        if let Some((key, _)) = lines[i].clone().split_once(": ") {
            lines[i] = format!("{key}: {}", serde_yaml::to_string(&value).unwrap().trim_end());
        }
        let project = Project::at(&fixture("engine")).unwrap();
        SESSION.with(|sess| try_build(&mut sess.borrow_mut(), lines.join("\n"), project));
    }

    #[test]
    fn any_clause_body(body in "[\\PC\n]{0,200}") {
        let mut project = Project::at(&fixture("engine")).unwrap();
        let source = SourceText::new("clauses/fx-parent.tera", format!("---\nheading: Argument\n---\n{body}"));
        project.files.insert("clauses/fx-parent.tera".into(), source);
        let text = std::fs::read_to_string(fixture("engine").join("matter.yaml")).unwrap();
        SESSION.with(|sess| try_build(&mut sess.borrow_mut(), text, project));
    }
}
