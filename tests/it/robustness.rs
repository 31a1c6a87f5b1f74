//! Arbitrary input never crashes the pipeline: any text as a matter file, any value in any field
//! of a real matter, any text as a clause body, any pasted citation and any citation fields of a
//! bank entry. Errors are fine; panics are not.

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

/// Citation-shaped text: case names, commas, volumes, reporter-like abbreviations, pins,
/// parentheses with courts and dates, history phrases, quotes.
const CITATION_SHAPED: &str =
    "([A-Z][a-z]{0,6}\\.? ?|v\\. |, |No\\. [0-9-]{1,8}|[0-9]{1,4} |F\\.|Supp\\.|2d |3d |WL |U\\.S\\. |LEXIS |at \\*[0-9]{1,3}|\\(|\\)|[A-Z]\\.[A-Z]\\. |Cal\\. |Nov\\. |Sept\\. |[0-9]{1,2}, |aff’d|sub nom\\. |“|”|–|slip op\\.){0,24}";

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_a_pasted_citation(s in "\\PC{0,120}") {
        let _ = pleader::cite::parse::parse_citation(&s);
    }

    #[test]
    fn citation_shaped_text_as_a_pasted_citation(s in CITATION_SHAPED) {
        if let Ok(p) = pleader::cite::parse::parse_citation(&s) {
            // What parses prints a bank entry that reads back.
            let yaml = p.entry_yaml("x", &s);
            let mut bank = pleader::library::bank::Bank::default();
            if bank.add_file(&SourceText::new("x.yaml", yaml)).is_ok() {
                let a = bank.get("x").unwrap();
                let _ = pleader::cite::verify::check_authority("x", a);
            }
        }
    }

    #[test]
    fn any_citation_fields_in_a_bank_entry(cite in CITATION_SHAPED, court in "\\PC{0,16}", pin in "\\PC{0,12}", phrase in "\\PC{0,20}") {
        let q = |s: &str| serde_json::to_string(s).unwrap();
        let yaml = format!(
            "x:\n  kind: case\n  name: A v. B\n  cite: {}\n  court: {}\n  year: 2005\n  end_page: {}\n  supports:\n    - {{topic: t, pin: {}, parenthetical: p}}\n  history:\n    - {{phrase: {}, cite: {}, date: 2004-02-20}}\n",
            q(&cite), q(&court), q(&pin), q(&pin), q(&phrase), q(&cite)
        );
        let src = SourceText::new("x.yaml", yaml);
        let mut bank = pleader::library::bank::Bank::default();
        if bank.add_file(&src).is_ok() {
            let a = bank.get("x").unwrap();
            for f in pleader::cite::verify::check_authority("x", a) {
                let _ = f.diagnostic(a, &src);
            }
            let _ = pleader::cite::read::lookup_url(a);
        }
    }

    #[test]
    fn any_text_as_a_drafted_clause_for_the_worksheet(s in "[\\PC\n]{0,200}", at in 0usize..220) {
        let _ = pleader::rules::citecheck::supported_sentence(&s, at);
    }
}
