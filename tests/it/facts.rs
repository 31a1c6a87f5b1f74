//! The fact schema: every fact a clause reads is declared and every declared fact is read; every
//! value of every one-of fact renders; the scaffold for every outline, in every court, validates
//! and builds; an absent optional fact takes its documented default; `pleader facts` prints the
//! schema.

use std::time::Instant;

use crate::common::*;
use pleader::diag::SourceText;
use pleader::draft::ClauseTemplates;
use pleader::library::project::Project;
use pleader::library::Library;
use pleader::pipeline::{self, BuildOptions, Session};

fn library() -> Library {
    Library::load(Project::at(&root()).unwrap()).unwrap()
}

#[test]
fn every_fact_read_is_declared_and_every_declared_fact_is_read() {
    let lib = library();
    let templates = ClauseTemplates::new(lib.clause_files(), None).unwrap();
    let problems = pleader::lint::fact_declarations(&templates, &lib.schema);
    assert!(problems.is_empty(), "{}", pleader::diag::render(&problems, pleader::diag::Format::Short));
    // The proof is not empty: clauses read facts, and through aliases and partials.
    let reads = templates.reads("no-prima-facie-case").facts;
    assert!(reads.contains("underlying.claims.argued"), "{reads:?}");
}

#[test]
fn every_value_of_every_one_of_fact_renders() {
    let lib = library();
    let templates = ClauseTemplates::new(lib.clause_files(), None).unwrap();
    let mut problems = vec![];
    let renders = pleader::lint::one_of_renderings(&lib, &templates, &mut problems);
    assert!(problems.is_empty(), "{}", pleader::diag::render(&problems, pleader::diag::Format::Short));
    // Each clause reading a one-of fact, with each of its values, options off and on.
    assert!(renders >= 40, "only {renders} renderings");
}

#[test]
fn the_scaffold_of_every_outline_builds_in_every_court_it_is_written_for_and_is_refused_elsewhere() {
    let lib = library();
    let outlines = pleader::scaffold::outlines(&lib).unwrap();
    assert!(outlines.len() >= 3);
    let courts: Vec<String> = lib.court_files().into_iter().map(|(id, _)| id).collect();
    let mut session = Session::new();
    let mut fitting: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for name in outlines.keys() {
        for court in &courts {
            let text = match pleader::scaffold::scaffold(&lib, name, Some(court)) {
                Ok(text) => text,
                Err(d) => {
                    // An outline whose clauses do not apply in the court is refused, saying why
                    // and which outlines do fit.
                    let msg = pleader::diag::render(&d, pleader::diag::Format::Short);
                    assert!(msg.contains(&format!("the outline `{name}` is not written for `{court}`")), "{msg}");
                    assert!(msg.contains(&format!("outlines written for `{court}`")), "{msg}");
                    continue;
                }
            };
            fitting.entry(court.as_str()).or_default().push(name.as_str());
            assert!(text.contains(&format!("\ncourt: {court}\n")), "{name} {court}");
            let loaded = pipeline::load(SourceText::new(format!("{name}-{court}.yaml"), text), lib.project.clone())
                .unwrap_or_else(|d| panic!("{name} in {court}:\n{}", pleader::diag::render(&d, Default::default())));
            let built = session
                .build_loaded(loaded, Instant::now(), BuildOptions { pdf: false })
                .unwrap_or_else(|d| panic!("{name} in {court}:\n{}", pleader::diag::render(&d, Default::default())));
            // No fact of the scaffold goes unread: it asks for exactly what the outline uses.
            assert!(
                built.warnings.iter().all(|w| !w.message.contains("not read by")),
                "{name} in {court}: {:?}",
                built.warnings.iter().map(|w| &w.message).collect::<Vec<_>>()
            );
        }
    }
    // Every court has an outline written for it, and the state court's is not a federal one.
    for court in &courts {
        assert!(fitting.contains_key(court.as_str()), "no outline is written for `{court}`");
    }
    assert_eq!(fitting["ca-superior"], ["krinsky"]);
    assert!(!fitting["sdny"].contains(&"highfields"), "{:?}", fitting["sdny"]);
}

/// The scaffold's example claim is governed by the law of the state the court sits in where the
/// claim file has it (a New Jersey user was handed `law: california`); where it has none
/// (Colorado), the example stays under a comment that says so. A matter whose action is pending
/// in the court and argues another state's law is warned at the claim's `law:`.
#[test]
fn the_scaffold_argues_the_law_of_the_courts_state_and_another_states_law_is_warned() {
    let lib = library();
    let nj = pleader::scaffold::scaffold(&lib, "dendrite", Some("nj-superior")).unwrap();
    assert!(nj.contains("- {type: defamation, law: new-jersey, argued: true}"), "{nj}");
    assert!(!nj.contains("law: california"), "{nj}");
    let colo = pleader::scaffold::scaffold(&lib, "dendrite", Some("d-colo")).unwrap();
    assert!(
        colo.contains("# claims/defamation.yaml has no Colorado law, so this example keeps California's: give the law that governs, adding it in a project file that `extends: defamation`"),
        "{colo}"
    );
    assert!(colo.contains("- {type: defamation, law: california, argued: true}"), "{colo}");
    // The warning: only where the action is pending in this Court, at the claim's law.
    let moved = nj.replace("law: new-jersey", "law: california");
    let loaded = pipeline::load(SourceText::new("nj.yaml", moved.clone()), lib.project.clone()).unwrap();
    let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }).unwrap();
    let warning = built
        .warnings
        .iter()
        .find(|w| w.message.contains("pending in this Court"))
        .unwrap_or_else(|| panic!("{:?}", built.warnings.iter().map(|w| &w.message).collect::<Vec<_>>()));
    assert_eq!(
        warning.message,
        "the action is pending in this Court, in New Jersey, and this defamation claim is argued under California law"
    );
    let line = moved.lines().position(|l| l.contains("law: california")).unwrap() + 1;
    assert_eq!(warning.location().as_deref(), Some(format!("nj.yaml:{line}:33").as_str()));
    assert!(
        warning.notes.iter().any(|n| n.contains("if New Jersey law governs, write `law: new-jersey`")),
        "{:?}",
        warning.notes
    );
    let unwarned = |text: String| {
        let loaded = pipeline::load(SourceText::new("x.yaml", text), lib.project.clone()).unwrap();
        let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }).unwrap();
        built.warnings.iter().all(|w| !w.message.contains("pending in this Court"))
    };
    assert!(unwarned(nj), "the state's own law");
    // A compliance court's subpoena in an action pending elsewhere is not checked.
    assert!(unwarned(colo), "an action pending in another court");
}

#[test]
fn an_absent_optional_fact_takes_its_documented_default() {
    let lib = library();
    let text = pleader::scaffold::scaffold(&lib, "highfields", None).unwrap();
    assert!(text.contains("  post_noun: posts\n"));
    // The example statement argued as opinion, so that the plural is printed.
    let text = text.replace("opinion: false, ", "");
    let with = text.replace("  post_noun: posts\n", "  post_noun: reviews\n");
    let without = text.replace("  post_noun: posts\n", "");
    let body = |t: String| {
        let loaded = pipeline::load(SourceText::new("m.yaml", t), lib.project.clone()).unwrap();
        let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }).unwrap();
        built.clauses.iter().map(|c| c.body.clone()).collect::<String>()
    };
    let (with, without) = (body(with), body(without));
    assert!(with.contains(" reviews") && !without.contains(" reviews"));
    // The default, "posts", is printed where the fact is left out.
    assert!(without.contains(" posts"), "default not applied");
}

#[test]
fn pleader_facts_prints_the_schema_with_values_and_readers() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(["facts", "factual-background"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("meet_and_confer.objections"), "{text}");
    assert!(text.contains("`place_of_compliance`"), "one-of values are listed: {text}");
    assert!(text.contains("read by: "), "{text}");
    assert!(!text.contains("privacy_policy"), "only the clause's facts: {text}");
}
