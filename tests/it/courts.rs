//! The court-aware library (issue 11): every sample matter under every court its brief is written
//! for, read from the typeset document — the table of authorities against where each citation
//! landed, pins, what the brief says about "this District", no other matter's names — and the
//! argument each court's standard calls for; a clause in a court it is not written for is an
//! error at the matter's outline line; `pleader clauses` says where each clause applies.

use std::process::Command;

use crate::common::*;
use pleader::pipeline::{BuildOptions, Session};
use pleader::rules::Status;

/// The whole text of a typeset brief, with runs of white space made single.
fn brief_text(built: &pleader::pipeline::Built) -> String {
    let pages: Vec<String> = (0..built.doc.pages().len()).map(|p| page_string(built, p)).collect();
    normalize(&pages.join(" "))
}

/// The movant's short name in each sample, to find one matter's facts leaking into another.
fn movant_names() -> Vec<(String, String)> {
    sample_files()
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(root().join("matters").join(&f)).unwrap();
            let m = pleader::matter::Matter::load(&pleader::diag::SourceText::new(f.clone(), text)).unwrap();
            (f, m.parties["movant"].short.clone())
        })
        .collect()
}

#[test]
fn every_sample_under_every_court_it_is_written_for_cites_correctly() {
    let matrix = sample_matrix();
    // Each sample under its own court, and every court under at least one sample.
    for f in sample_files() {
        let own = std::fs::read_to_string(root().join("matters").join(&f)).unwrap();
        let court = own.lines().find_map(|l| l.strip_prefix("court: ")).unwrap().trim().to_string();
        assert!(matrix.iter().any(|(m, c, _)| *m == f && *c == court), "{f} is not built under its own court {court}");
    }
    for court in COURTS {
        assert!(matrix.iter().any(|(_, c, _)| c == court), "no sample is written for {court}");
    }
    let names = movant_names();
    for (matter, court, text) in &matrix {
        let built = build_text(matter, text);
        let at = format!("{matter} under {court}");
        // The TOA's pages are where the citations are typeset (read from the glyphs).
        assert_eq!(printed_toa(&built), expected_toa(&built), "{at}");
        let checks = checks_but_verification(&built);
        for name in ["statements about this court", "overprinted text", "force of the standard"] {
            let c = checks.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{at}: no `{name}` check"));
            assert_eq!(c.status, Status::Pass, "{at}: {c:?}");
        }
        // An honorific stays on the line of the name it belongs to ("Dr. Okonkwo").
        for page in 0..built.doc.pages().len() {
            for line in page_string(&built, page).lines() {
                let last = line.split_whitespace().last().unwrap_or("");
                assert!(!["Mr.", "Ms.", "Mrs.", "Dr."].contains(&last), "{at}: p. {}: {line}", page + 1);
            }
        }
        let text = brief_text(&built);
        for (other, name) in names.iter().filter(|(f, _)| f != matter) {
            assert!(!text.contains(name.as_str()), "{at}: names {name}, the movant of {other}");
        }
        // A state court's brief rests on no federal rule.
        if built.profile.jurisdiction.system == pleader::library::court::System::State {
            assert!(!text.contains("Fed. R. Civ. P."), "{at}: cites a Federal Rule");
        }
    }
}

#[test]
fn each_court_gets_the_argument_its_standard_calls_for() {
    // S.D.N.Y.: the Arista factors govern, each one argued; Highfields is never the standard.
    let built = build_text("bw.yaml", &sample_text_in("brightwater-v-kestrel.yaml", "sdny"));
    let text = brief_text(&built);
    let toa = printed_toa(&built).join("\n");
    assert!(text.contains("In the Second Circuit, a party that seeks to identify an anonymous speaker"), "{text}");
    assert!(text.contains("The second through fourth factors do not favor disclosure"));
    assert!(text.contains("Arista Factors Weigh Against Unmasking"));
    assert!(!toa.contains("Highfields"), "{toa}");
    // Two New York claims: each walked through its own elements and authority.
    assert!(text.contains("Under New York law, product disparagement requires"));
    assert!(text.contains("Under New York law, tortious interference with prospective economic advantage requires"));
    // The statement marked as factual is not called opinion.
    let kind = text.find("On their face, two of the reviews").expect("only the opinions are argued as opinion");
    let end = kind + text[kind..].find(" a reader could check.").expect("the opinion argument concludes");
    assert!(!text[kind..end].contains("shard of glass"), "{}", &text[kind..end]);
    // New York's own test, its factors walked from the matter: the words of each review, and
    // the platform the reviews appeared on.
    assert!(
        text[kind..end].contains("Under New York law, whether a statement asserts a fact turns on"),
        "{}",
        &text[kind..end]
    );
    assert!(text[kind..end].contains("The first is a judgment of taste"), "{}", &text[kind..end]);
    assert!(text[kind..end].contains("The reviews appeared on Kestrel"), "{}", &text[kind..end]);

    // California superior court: Krinsky, with evidence; no federal standard.
    let built = build_text("fe.yaml", &sample_text_in("ferreira-v-nestwise.yaml", "ca-superior"));
    let text = brief_text(&built);
    let toa = printed_toa(&built).join("\n");
    assert!(text.contains("California courts will not allow a plaintiff to learn an anonymous speaker's identity"));
    assert!(text.contains("The Ferreiras Have Not Made a Prima Facie Showing on Each Element of Their Claims"));
    assert!(text.contains("the Ferreiras' motion") || text.contains("The Ferreiras' motion"), "plural possessive");
    assert!(!text.contains("Ferreiras's"));
    assert!(!toa.contains("Highfields") && !toa.contains("Arista"), "{toa}");

    // C.D. Cal.: no settled standard of its own, so the brief asks the Court to follow Highfields;
    // N.D. Cal.: its own standard.
    let built = build_text("ok.yaml", &sample_text_in("okonkwo-v-orbitline.yaml", "cd-cal"));
    let text = brief_text(&built);
    assert!(text.contains("Neither the Supreme Court nor the Ninth Circuit has settled which standard"), "{text}");
    assert!(text.contains("This Court should apply the Highfields test."), "{text}");
    assert!(text.contains("Under Texas law, defamation requires"));
    let built = build_text("le.yaml", &sample_text_in("leifer-v-twitter.yaml", "nd-cal"));
    let text = brief_text(&built);
    assert!(
        text.contains("a court in this District adopted the Highfields test to decide whether to unmask"),
        "{text}"
    );
}

/// `pleader check matter.yaml` in `dir`, which must fail: its diagnostics, one per line.
fn check_fails(dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(["check", "matter.yaml", "--diagnostic-format", "short"])
        .current_dir(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    err
}

#[test]
fn a_clause_outside_the_court_it_is_written_for_is_an_error_at_its_outline_line() {
    let dir = temp_dir("courts-mismatch");
    // The Leifer brief argues that Arista does not govern: not a brief for a Second Circuit court.
    let text = sample_text_in("leifer-v-twitter.yaml", "sdny");
    std::fs::write(dir.join("matter.yaml"), &text).unwrap();
    let line = text.lines().position(|l| l.trim() == "- arista-inapplicable").unwrap() + 1;
    let err = check_fails(&dir);
    assert!(err.contains(&format!("matter.yaml:{line}:")), "{err}");
    assert!(err.contains("does not apply in United States District Court, Southern District of New York"), "{err}");
    // A state court hears no Rule 45 place-of-compliance objection.
    let text = sample_text_in("ferreira-v-nestwise.yaml", "ca-superior")
        .replace("objections: [no_unmasking_analysis,", "objections: [place_of_compliance,");
    std::fs::write(dir.join("matter.yaml"), &text).unwrap();
    let line = text.lines().position(|l| l.contains("objections: [place_of_compliance")).unwrap() + 1;
    let err = check_fails(&dir);
    assert!(err.contains(&format!("matter.yaml:{line}:")), "{err}");
    assert!(err.contains("is for a federal court"), "{err}");
    assert!(err.contains("`place_of_compliance`"), "{err}");
    assert!(!err.contains("<builtin>"), "{err}");
}

#[test]
fn the_clause_list_says_where_each_clause_applies() {
    let out = Command::new(env!("CARGO_BIN_EXE_pleader")).arg("clauses").current_dir(root()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let block = |id: &str| -> String {
        let start = text.find(&format!("{id}  (")).unwrap_or_else(|| panic!("{id} not listed"));
        let rest = &text[start..];
        let end = rest[1..].find("\n").and_then(|_| rest.find("\n\n")).unwrap_or(rest.len());
        rest[..end].lines().find(|l| l.trim_start().starts_with("applies:")).unwrap_or("").to_string()
    };
    let other = block("arista-other-factors");
    assert!(other.contains("edny") && other.contains("sdny"), "{text}");
    // Elsewhere only where the movant invokes Arista, as the movant's own test.
    assert!(block("arista-other-factors").contains("when motion.test is arista (under highfields)"));
    assert!(block("proper-court").contains("cd-cal") && !block("proper-court").contains("ca-superior"));
    // Every court's profile; not under a standard of a project's own that no library clause
    // argues, whose introduction is the lawyer's paragraph.
    let intro = block("introduction");
    assert!(intro.contains("az-superior, ca-superior") && intro.contains("wd-wash"), "{intro}");
    assert!(intro.contains("not under a standard of the project's own that no library clause argues"), "{intro}");
    assert!(block("presuit-rule").contains("every court"));
}

#[test]
fn each_standard_drafts_its_own_argument() {
    for (matter, court) in [
        ("brightwater-v-kestrel.yaml", "sdny"),
        ("ferreira-v-nestwise.yaml", "ca-superior"),
        ("okonkwo-v-orbitline.yaml", "cd-cal"),
    ] {
        let built = build_text(matter, &sample_text_in(matter, court));
        let drafted: Vec<String> = built.clauses.iter().map(|c| format!("=== {}\n{}", c.clause, c.body)).collect();
        insta::assert_snapshot!(format!("drafted-{court}"), drafted.join("\n\n"));
    }
}

#[test]
fn a_profile_cannot_give_krinsky_to_a_court_outside_california() {
    // A user copies the superior-court profile for a Washington state court and keeps its standard.
    let dir = temp_dir("courts-krinsky-elsewhere");
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    let profile = std::fs::read_to_string(root().join("courts/ca-superior.yaml")).unwrap();
    assert!(profile.contains("\n  state: California\n"));
    let profile = profile.replace("\n  state: California\n", "\n  state: Washington\n");
    std::fs::write(dir.join("courts/wa-superior.yaml"), &profile).unwrap();
    let text = sample_text_in("ferreira-v-nestwise.yaml", "ca-superior")
        .replace("\ncourt: ca-superior\n", "\ncourt: wa-superior\n");
    std::fs::write(dir.join("matter.yaml"), &text).unwrap();
    let err = check_fails(&dir);
    let line = profile.lines().position(|l| l.trim() == "standard: krinsky").unwrap() + 1;
    assert!(err.contains(&format!("courts/wa-superior.yaml:{line}:")), "{err}");
    assert!(
        err.contains("`krinsky` is California's unmasking standard, and this court is a state court of Washington"),
        "{err}"
    );
}

#[test]
fn a_state_court_with_no_settled_standard_is_asked_to_adopt_another_states_test() {
    // The New Jersey profile copied for a state court of another state whose own courts have
    // settled nothing: Dendrite binds it no more than any other court, so the profile says
    // `standard_settled: false`, and the brief asks the court to adopt the test (no error, no
    // "governs").
    let dir = temp_dir("courts-dendrite-elsewhere");
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    let profile = std::fs::read_to_string(root().join("courts/nj-superior.yaml")).unwrap();
    for needle in ["\n  state: New Jersey\n", "\n  standard_settled: true\n"] {
        assert!(profile.contains(needle), "{needle}");
    }
    let profile = profile
        .replace("\n  state: New Jersey\n", "\n  state: Vermont\n")
        .replace("\n  standard_settled: true\n", "\n  standard_settled: false\n")
        .replace("[N.J., N.J. Super. Ct. App. Div.]", "[Vt.]")
        .replace("[N.J., N.J. Super.]", "[Vt.]");
    std::fs::write(dir.join("courts/vt-superior.yaml"), &profile).unwrap();
    let text =
        sample_text_in("oduya-v-does.yaml", "nj-superior").replace("\ncourt: nj-superior\n", "\ncourt: vt-superior\n");
    std::fs::write(dir.join("matter.yaml"), &text).unwrap();
    let built = build(&dir.join("matter.yaml"));
    let body = normalize(&body_pages(&built).map(|p| page_string(&built, p)).collect::<Vec<_>>().join(" "));
    assert!(body.contains("No court whose decisions bind this Court has settled which standard applies"), "{body}");
    assert!(body.contains("This Court should apply the Dendrite test."), "{body}");
    assert!(!body.contains("which governs here"), "{body}");
}

#[test]
fn a_state_court_outside_california_is_not_given_california_authority() {
    // A Washington state court that applies Highfields, with a brief of clauses that apply in any
    // court: it cites the Supreme Court, not the California Court of Appeal, and does not invoke
    // the California Constitution.
    let dir = temp_dir("courts-state-elsewhere");
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    let mut profile = std::fs::read_to_string(root().join("courts/ca-superior.yaml")).unwrap();
    for (from, to) in [
        ("\n  court: Cal. Super. Ct.\n", "\n  court: Wash. Super. Ct.\n"),
        ("\n  here: California\n", "\n  here: Washington\n"),
        ("\n  courts_here: California courts\n", "\n  courts_here: Washington courts\n"),
        ("\n  own_courts: [Cal., Cal. Ct. App.]\n", "\n  own_courts: [Wash., Wash. Ct. App.]\n"),
        ("\n  own_reporters: [Cal. App., Cal. Rptr., Cal.]\n", "\n  own_reporters: [Wash. 2d, Wash. App.]\n"),
        ("\n  state: California\n", "\n  state: Washington\n"),
        ("\n  standard: krinsky\n", "\n  standard: highfields\n"),
        ("\n  standard_settled: true\n", "\n  standard_settled: false\n"),
        ("SUPERIOR COURT OF THE STATE OF CALIFORNIA", "SUPERIOR COURT OF THE STATE OF WASHINGTON"),
    ] {
        assert!(profile.contains(from), "{from}");
        profile = profile.replace(from, to);
    }
    std::fs::write(dir.join("courts/wa-superior.yaml"), &profile).unwrap();
    let text = sample_text_in("ferreira-v-nestwise.yaml", "ca-superior")
        .replace("\ncourt: ca-superior\n", "\ncourt: wa-superior\n")
        .replace("    test: none\n", "    test: highfields\n");
    let brief = text.find("\nbrief:\n").unwrap();
    let text = format!(
        "{}\nbrief:\n  - introduction\n  - legal-standard\n  - clause: argument\n    sections: [pleading-not-enough]\n  - conclusion\n",
        &text[..brief]
    );
    let src = pleader::diag::SourceText::new("matter.yaml", text);
    let loaded = pleader::pipeline::load(src, pleader::library::project::Project::at(&dir).unwrap())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let built = Session::new()
        .build_loaded(loaded, std::time::Instant::now(), BuildOptions::default())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let text = brief_text(&built);
    assert!(text.contains("But the Constitution protects the right to speak anonymously, see McIntyre"), "{text}");
    assert!(!text.contains("online as elsewhere, see Rancho") && !text.contains("California Constitution"), "{text}");
    // With no settled standard of its own, the brief says so, names the leading tests and asks the
    // Court to adopt Highfields; it never says the standard governs.
    assert!(text.contains("No court whose decisions bind this Court has settled which standard applies"), "{text}");
    assert!(text.contains("This Court should apply the Highfields test."), "{text}");
    assert!(!text.contains("govern"), "{text}");
}
