//! The one escaping function, proved on arbitrary strings: escaped text parses as nothing but
//! text in Typst markup (no code, math, emphasis, labels, references, raw, comments), and a matter
//! value holding any of `# $ * _ @ < > [ ] \ // /*` is typeset literally.

use crate::common::*;
use pleader::diag::SourceText;
use pleader::escape::markup;
use pleader::library::project::Project;
use pleader::pipeline::{self, BuildOptions, Session};
use proptest::prelude::*;
use typst::syntax::{LinkedNode, SyntaxKind};

fn only_text(escaped: &str) -> Result<(), String> {
    let root = typst::syntax::parse(escaped);
    let node = LinkedNode::new(&root);
    fn walk(n: &LinkedNode) -> Result<(), String> {
        match n.kind() {
            SyntaxKind::Markup => {}
            SyntaxKind::Text
            | SyntaxKind::Space
            | SyntaxKind::Escape
            | SyntaxKind::Parbreak
            | SyntaxKind::SmartQuote => {}
            other => return Err(format!("{other:?} in {:?}", n.get())),
        }
        for c in n.children() {
            walk(&c)?;
        }
        Ok(())
    }
    walk(&node)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
    #[test]
    fn escaped_text_is_only_text_in_markup(s in "\\PC*") {
        prop_assert_eq!(only_text(&markup(&s)), Ok(()));
    }

    #[test]
    fn escaped_markup_characters_are_only_text(s in "[#$*_@<>\\[\\]\\\\/ `=+\\-.~:0-9a-z'\"\n]{0,40}") {
        prop_assert_eq!(only_text(&markup(&s)), Ok(()));
    }
}

/// Builds the engine fixture with `facts.sentence` (and the movant's name) replaced.
fn build_with(session: &mut Session, sentence: &str, movant: &str) -> pleader::pipeline::Built {
    let path = fixture("engine").join("matter.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let quoted = serde_yaml::to_string(sentence).unwrap();
    let name = serde_yaml::to_string(movant).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("sentence:") {
            out.push_str(&format!("  sentence: {}", quoted.trim_end()));
        } else if line.trim_start().starts_with("name: ALEX MOVANT") {
            out.push_str(&format!("    name: {}", name.trim_end()));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    let project = Project::at(&fixture("engine")).unwrap();
    let loaded = pipeline::load(SourceText::new("matter.yaml", out), project)
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    session
        .build_loaded(loaded, std::time::Instant::now(), BuildOptions { pdf: false })
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())))
}

fn all_text(built: &pleader::pipeline::Built) -> String {
    let mut s = String::new();
    for page in 0..built.doc.pages().len() {
        for r in pleader::typeset::page_text(&built.doc.pages()[page].frame) {
            s.push_str(&r.text);
            s.push(' ');
        }
    }
    normalize(&s)
}

#[test]
fn injection_attempts_print_literally() {
    let mut session = Session::new();
    let nasty = r#"#import "x": * and $x^2$ _a_ *b* @ref <lab> [c] \d // e /* f */ #panic("boom") `raw` = H"#;
    let built = build_with(&mut session, nasty, r##"#set text(red) #"##);
    let text = all_text(&built);
    assert!(text.contains(&normalize(nasty)), "{text}");
    assert!(text.contains("#SET TEXT(RED) #") || text.contains("#set text(red) #"), "party name printed literally");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
    #[test]
    fn any_fact_is_typeset_literally(s in "[ -~§¶–—“”‘’é]{1,60}") {
        thread_local! {
            static SESSION: std::cell::RefCell<Session> = std::cell::RefCell::new(Session::new());
        }
        let printable = s.trim().to_string();
        prop_assume!(!printable.is_empty());
        let built = SESSION.with(|sess| build_with(&mut sess.borrow_mut(), &printable, "ALEX MOVANT"));
        // Compared without whitespace: smart quotes and escapes are shaped as runs of their own.
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let text = squash(&all_text(&built));
        let expected = squash(&normalize(&printable));
        let at = text.find("unmaskanonymous").unwrap_or(0);
        prop_assert!(text.contains(&expected), "{:?} not found in {:?}", expected, text[at..].chars().take(200).collect::<String>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
    /// The line-breaking rules only add: take away their joiners and no-break spaces and the
    /// markup is what it was, whatever it holds (code, strings, raw text, broken syntax).
    #[test]
    fn keep_together_only_adds_joiners_and_no_break_spaces(s in "[a-z0-9 #\\[\\]()\"`$_*\\\\/§¶–—\\-.\n]{0,60}") {
        let kept = pleader::escape::keep_together(&s);
        let undone = kept.replace(pleader::escape::NO_BREAK, "").replace('\u{a0}', " ");
        prop_assert_eq!(undone, s);
    }
}
