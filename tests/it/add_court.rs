//! The README's add-a-court walk-through, followed step by step with the binary in an empty
//! folder (the commands are read from the README, so the two cannot drift apart), and the
//! `library` commands it relies on: `show` prints a built-in file as shipped, `eject` copies it and
//! never overwrites.

use std::path::Path;

use crate::common::*;

/// The README's walk-through: the shell block that starts with `mkdir my-firm`.
fn walkthrough() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```sh\nmkdir my-firm").expect("the walk-through in the README") + 6;
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].lines().map(|l| l.to_string()).collect()
}

/// Replaces one line of a file that starts with `from` (after its indentation).
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text.lines().find(|l| l.trim_start().starts_with(from)).unwrap_or_else(|| panic!("no `{from}`"));
    let indent = &line[..line.len() - line.trim_start().len()];
    std::fs::write(path, text.replacen(line, &format!("{indent}{to}"), 1)).unwrap();
}

#[test]
fn the_add_a_court_walkthrough_works_as_written() {
    let base = temp_dir("add-court");
    let mut cwd = base.clone();
    let mut steps = 0;
    for line in walkthrough() {
        let command = line.split('#').next().unwrap().trim().to_string();
        let words: Vec<&str> = command.split_whitespace().collect();
        match words.as_slice() {
            [] if line.trim_start().starts_with("# edit courts/d-or.yaml") => {
                let p = cwd.join("courts/d-or.yaml");
                edit(
                    &p,
                    "name: United States District Court",
                    "name: United States District Court, District of Oregon",
                );
                edit(&p, "- NORTHERN DISTRICT OF CALIFORNIA", "- DISTRICT OF OREGON");
                edit(&p, "court: N.D. Cal.", "court: D. Or.");
                edit(&p, "name: the Northern District of California", "name: the District of Oregon");
                edit(&p, "state: California", "state: Oregon");
                edit(&p, "standard_settled:", "standard_settled: false");
                edit(&p, "bar_label:", "bar_label: OSB No.");
                edit(&p, "divisions:", "divisions: [Portland, Eugene, Medford, Pendleton]");
                steps += 1;
            }
            [] if line.trim_start().starts_with("# edit quinn/matter.yaml") => {
                edit(&cwd.join("quinn/matter.yaml"), "division:", "division: Portland Division");
                steps += 1;
            }
            [] => {}
            ["mkdir", dir, "&&", "cd", again] if dir == again => {
                cwd = cwd.join(dir);
                std::fs::create_dir_all(&cwd).unwrap();
                steps += 1;
            }
            ["mv", from, to] => {
                std::fs::rename(cwd.join(from), cwd.join(to)).unwrap();
                steps += 1;
            }
            ["pleader", args @ ..] => {
                let (code, out, err) = pleader(args, &cwd);
                assert_eq!(code, 0, "`{command}` failed:\n{out}{err}");
                steps += 1;
            }
            _ => panic!("a step the test does not know: `{line}`"),
        }
    }
    assert_eq!(steps, 7, "{:#?}", walkthrough());
    // What it built: the new court's title, division and bar identifier, read from the PDF's text.
    let pdf = cwd.join("output/matter.pdf");
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    let matter = cwd.join("quinn/matter.yaml");
    let built = build(&matter);
    assert_eq!(built.profile.name, "United States District Court, District of Oregon");
    let first = normalize(&page_string(&built, 0));
    assert!(first.contains("DISTRICT OF OREGON") && first.contains("PORTLAND DIVISION"), "{first}");
    for a in &built.matter.counsel.attorneys {
        let id = format!("{} (OSB No. {})", a.name.to_uppercase(), a.bar.as_deref().unwrap());
        assert!(first.contains(&id), "{id} in {first}");
    }
    // The other library commands see the project's profile too.
    let (code, out, _) = pleader(&["clauses"], &cwd);
    assert_eq!(code, 0);
    assert!(out.contains("d-or"), "{out}");
}

#[test]
fn library_show_prints_and_eject_copies_without_overwriting() {
    let dir = temp_dir("library-cmd");
    let (code, out, _) = pleader(&["library", "show", "claims/defamation.yaml"], &dir);
    assert_eq!(code, 0);
    assert_eq!(out, std::fs::read_to_string(root().join("claims/defamation.yaml")).unwrap());
    let (code, out, _) = pleader(&["library", "list"], &dir);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l == "courts/nd-cal.yaml") && out.lines().any(|l| l == "claims/defamation.yaml"));
    let (code, _, err) = pleader(&["library", "show", "courts/nd-cla.yaml"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("no built-in library file") && err.contains("courts/nd-cal.yaml"), "{err}");

    let (code, _, err) = pleader(&["library", "eject", "courts/nd-cal.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    let copied = dir.join("firm/courts/nd-cal.yaml");
    assert_eq!(
        std::fs::read_to_string(&copied).unwrap(),
        std::fs::read_to_string(root().join("courts/nd-cal.yaml")).unwrap()
    );
    std::fs::write(&copied, "# edited\n").unwrap();
    let (code, _, err) = pleader(&["library", "eject", "courts/nd-cal.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&copied).unwrap(), "# edited\n");
}

#[test]
fn a_project_file_that_replaces_a_built_in_one_is_named_when_the_project_is_used() {
    // An ejected copy freezes that file at the version copied (a new user's patched
    // `_standards.yaml` hid a later library fix): `check` names such files beside the project.
    let dir = temp_dir("replaced-builtins");
    let (code, _, err) = pleader(&["library", "eject", "clauses/_standards.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    std::fs::copy(root().join("matters/leifer-v-twitter.yaml"), dir.join("firm/leifer.yaml")).unwrap();
    // A copy that still reads as the built-in file changes nothing yet: not named.
    let (_, _, err) = pleader(&["check", "leifer.yaml"], &dir.join("firm"));
    assert!(!err.contains("these replace built-in files whole"), "{err}");
    let copied = dir.join("firm/clauses/_standards.yaml");
    let text = std::fs::read_to_string(&copied).unwrap();
    std::fs::write(&copied, format!("{text}\n# the firm's edit\n")).unwrap();
    let (_, _, err) = pleader(&["check", "leifer.yaml"], &dir.join("firm"));
    assert!(
        err.contains("these replace built-in files whole, so later fixes to them in the library do not reach this project: clauses/_standards.yaml"),
        "{err}"
    );
    // A project whose files are all its own names none.
    std::fs::remove_file(dir.join("firm/clauses/_standards.yaml")).unwrap();
    std::fs::write(dir.join("firm/clauses/_arguments-extra.yaml"), "{}\n").unwrap();
    let (_, _, err) = pleader(&["check", "leifer.yaml"], &dir.join("firm"));
    assert!(err.contains("(its files override the built-in library)"), "{err}");
}

/// A bank entry in a project file of another name replaces the built-in entry of the same id (a
/// new user's edited copy of a built-in decision, put in the firm's own bank file, was dropped in
/// favour of the built-in one); two of the project's own files giving one id is an error naming
/// both.
#[test]
fn a_project_bank_entry_replaces_the_built_in_one_of_its_id_and_a_project_duplicate_is_an_error() {
    let dir = temp_dir("bank-override");
    std::fs::create_dir_all(dir.join("firm/authorities")).unwrap();
    std::fs::copy(root().join("matters/leifer-v-twitter.yaml"), dir.join("firm/leifer.yaml")).unwrap();
    let entry = "highfields:\n  kind: case\n  name: \"Highfields Cap. Mgmt., L.P. v. Doe\"\n  short: Highfields\n  cite: \"385 F. Supp. 2d 969\"\n  court: N.D. Cal.\n  year: 2005\n  note: the firm's own copy\n";
    std::fs::write(dir.join("firm/authorities/aaa-firm.yaml"), entry).unwrap();
    let (code, out, err) = pleader(&["authorities", "highfields", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    let line = out.lines().find(|l| l.starts_with("highfields  [")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("authorities/aaa-firm.yaml"), "{line}");
    std::fs::write(dir.join("firm/authorities/zzz-other.yaml"), entry).unwrap();
    let (code, out, err) = pleader(&["check", "leifer.yaml", "--diagnostic-format", "short"], &dir.join("firm"));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("zzz-other.yaml:1:1: error: authority `highfields` is given twice in the project's bank"),
        "{err}"
    );
    assert!(err.contains("first given in") && err.contains("aaa-firm.yaml"), "{err}");
}

/// A state court bound by its own appellate court's adoption of another state's test (a New York
/// court, *Dendrite*): without `standard_adopted_by` the profile cannot call the standard settled,
/// with it the brief says the standard governs, citing the announcing and the adopting decisions;
/// and a pre-suit rule argued in that state's own court is that state's rule, answered, where the
/// movant has sued, as not reaching a pending action (the New York user's CPLR 3102(c)).
#[test]
fn a_state_court_bound_by_an_adopting_decision_says_the_standard_governs_and_answers_its_own_presuit_rule() {
    let dir = temp_dir("adopted-standard");
    for d in ["courts", "matters"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    let profile = std::fs::read_to_string(root().join("courts/nj-superior.yaml"))
        .unwrap()
        .replace("court: N.J. Super. Ct. Law Div.", "court: N.Y. Sup. Ct.")
        .replace("here: New Jersey", "here: New York")
        .replace("courts_here: New Jersey courts", "courts_here: New York courts")
        .replace(
            "own_courts: [N.J., N.J. Super. Ct. App. Div.]",
            "own_courts: [N.Y., N.Y. App. Div. 1st Dep't, N.Y. Sup. Ct.]",
        )
        .replace("own_reporters: [N.J., N.J. Super.]", "own_reporters: [N.Y., A.D.3d, Misc. 3d]")
        .replace("state: New Jersey", "state: New York");
    assert!(profile.contains("state: New York") && profile.contains("standard_settled: true"), "{profile}");
    std::fs::write(dir.join("courts/ny-test.yaml"), &profile).unwrap();
    let matter = std::fs::read_to_string(root().join("matters/oduya-v-does.yaml"))
        .unwrap()
        .replace("court: nj-superior", "court: ny-test")
        .replace(
            "    arguments:\n",
            "    arguments:\n      - kind: presuit-rule\n        says: the Court should ask only what a petitioner for pre-action disclosure must show\n        rule: cplr-3102c\n        cite: {doc: mot, at: \"at 4–6\"}\n        after_suit: {doc: compl, at: \"at 1\"}\n",
        )
        .replace("        options: {decisions: true}\n  - conclusion\n", "        options: {decisions: true}\n      - presuit-rule\n  - conclusion\n")
        + "\nauthorities:\n  cplr-3102c:\n    kind: statute\n    cite: \"N.Y. C.P.L.R. 3102(c)\"\n    short: \"CPLR 3102(c)\"\n    publisher: McKinney\n";
    std::fs::write(dir.join("matters/oduya.yaml"), &matter).unwrap();
    // Another state's test cannot be this court's settled law on the profile's word alone.
    let (code, out, err) = pleader(&["check", "matters/oduya.yaml"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("is New Jersey's unmasking standard") && err.contains("standard_adopted_by"), "{err}");
    // Named, the adopting decision of a court that binds this one settles it.
    let adopted = profile.replace(
        "  standard_settled: true\n",
        "  standard_settled: true\n  standard_adopted_by:\n    authority: gsb-gold-standard-v-google\n    parenthetical: requiring notice to an anonymous speaker before a pre-action subpoena for the speaker's identity is enforced\n    force: holding\n",
    );
    std::fs::write(dir.join("courts/ny-test.yaml"), &adopted).unwrap();
    let built = build(&dir.join("matters/oduya.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(
        body.contains("The Dendrite test governs a request to unmask an anonymous speaker in this Court. See Dendrite Int'l, Inc. v. Doe No. 3, 775 A.2d 756, 760–61 (N.J. Super. Ct. App. Div. 2001); GSB Gold Standard Corp. AG v. Google LLC, slip op. (N.Y. App. Div. 1st Dep't May 30, 2024) (requiring notice"),
        "{body}"
    );
    // What "New York courts" do rests on New York's decision alone (Dendrite is New Jersey's).
    assert!(body.contains("New York courts decide whether to order an anonymous speaker unmasked under the Dendrite test, which governs here. See GSB Gold Standard Corp. AG v. Google LLC, slip op. (N.Y. App. Div. 1st Dep't May 30, 2024) (requiring notice"), "{body}");
    let checks = pleader::rules::court_checks(&built);
    let item = checks.iter().find(|c| c.name == "statements about this court").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Pass, "{item:?}");
    // "Governs" rests on the adopting decision, which the bank marks unverified: `check` names it
    // (the New York user: the word passed on a slip opinion nobody had read).
    let item = checks.iter().find(|c| c.name == "force of the standard").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Warn, "{item:?}");
    assert!(
        item.detail.contains("on the strength of `gsb-gold-standard-v-google`, which the bank marks unverified"),
        "{item:?}"
    );
    // The pre-suit rule is the court's own state's, and it does not reach a pending action.
    assert!(body.contains("New York's Pre-Suit Discovery Rule Does Not Supply the Standard"), "{body}");
    assert!(!body.contains("a state's pre-suit discovery rule"), "{body}");
    assert!(
        body.contains("But the rule does not reach this motion. It provides for disclosure before an action is commenced, see CPLR 3102(c), and Mr. Oduya has already brought his action, in which the subpoena was served. See Compl. at 1. A rule for those who have not yet sued does not set the terms of discovery in a pending action. Nor does a pre-suit discovery rule displace the First Amendment"),
        "{body}"
    );
    // An adoption given only for trial courts' guidance, without deciding the case under the test
    // (Maryland's *Brodie*), binds no one: the brief asks the court to follow it and never says
    // the test governs; the adopting decision of a state alphabetically before the announcing
    // one's is cited first (Bluebook 1.4(d)).
    std::fs::write(
        dir.join("courts/ny-test.yaml"),
        adopted.replace("force: holding", "force: guidance").replace("state: New York", "state: Maryland"),
    )
    .unwrap();
    let built = build(&dir.join("matters/oduya.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(
        body.contains("A court whose decisions bind this one has set out, for the guidance of trial courts, the standard that should be applied to a request to unmask an anonymous speaker: the Dendrite test. See GSB Gold Standard Corp. AG v. Google LLC, slip op. (N.Y. App. Div. 1st Dep't May 30, 2024) (requiring notice to an anonymous speaker before a pre-action subpoena for the speaker's identity is enforced); Dendrite Int'l, Inc. v. Doe No. 3, 775 A.2d 756, 760–61 (N.J. Super. Ct. App. Div. 2001)."),
        "{body}"
    );
    assert!(
        body.contains("A court whose decisions bind this one has set out, for the guidance of trial courts, the standard that should be applied before a subpoena may be enforced to identify an anonymous speaker: the test announced in Dendrite, 775 A.2d at 760–61. See GSB"),
        "{body}"
    );
    assert!(!body.contains("governs"), "{body}");
    let checks = pleader::rules::court_checks(&built);
    for name in ["force of the standard", "statements about this court"] {
        let item = checks.iter().find(|c| c.name == name).unwrap();
        assert_eq!(item.status, pleader::rules::Status::Pass, "{item:?}");
    }
    // Named (`by:`), the adopting court is named, not described.
    std::fs::write(
        dir.join("courts/ny-test.yaml"),
        adopted
            .replace(
                "force: holding",
                "force: guidance\n    by: the Supreme Court of Maryland (then named the Court of Appeals)",
            )
            .replace("state: New York", "state: Maryland"),
    )
    .unwrap();
    let body = normalize(&crate::substance::body_text(&build(&dir.join("matters/oduya.yaml"))));
    assert!(
        body.contains("The Supreme Court of Maryland (then named the Court of Appeals) has set out, for the guidance of trial courts, the standard that should be applied to a request"),
        "{body}"
    );
    // What the adoption decided is the lawyer's to say: left out, the profile does not load.
    std::fs::write(dir.join("courts/ny-test.yaml"), adopted.replace("    force: holding\n", "")).unwrap();
    let (code, _, err) = pleader(&["check", "matters/oduya.yaml"], &dir);
    assert_eq!(code, 1);
    assert!(err.contains("missing field `force`") && err.contains("README, Court profiles"), "{err}");
}

/// A claim law whose authority's page nobody has read (`pin: ""`) builds: the authority is cited
/// whole, in full, and `check` lists it as unpinned (the Minnesota user's build failed instead,
/// with an error at a built-in template line, and the claim had to come out of the matter).
#[test]
fn a_claim_law_with_no_pin_read_cites_its_authority_whole() {
    let dir = temp_dir("unpinned-law");
    for d in ["claims", "matters"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    let law = std::fs::read_to_string(root().join("claims/defamation.yaml")).unwrap();
    // New Jersey's elements, under another key, with their page unread.
    let nj = &law[law.find("\n  new-jersey:\n").unwrap() + 1..];
    let body: String = nj
        .lines()
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with("    ") || l.starts_with("  #"))
        .map(|l| format!("{l}\n"))
        .collect();
    let body = body
        .lines()
        .map(|l| if l.starts_with("    pin: ") { "    pin: \"\"".to_string() } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(
        dir.join("claims/defamation-test.yaml"),
        format!("extends: defamation\nlaws:\n  testland:\n{body}\n"),
    )
    .unwrap();
    let matter = std::fs::read_to_string(root().join("matters/oduya-v-does.yaml")).unwrap().replace(
        "{type: defamation, law: new-jersey, argued: true, per_se: true}",
        "{type: defamation, law: testland, argued: true, per_se: true}",
    );
    std::fs::write(dir.join("matters/m.yaml"), &matter).unwrap();
    let (code, out, err) = pleader(&["check", "matters/m.yaml"], &dir);
    assert!(!err.contains("expected an authority id"), "{err}");
    assert!(out.contains("cited without a pin"), "{out}{err}");
    assert_eq!(code, 1, "unpinned: not filing-ready");
    let built = build(&dir.join("matters/m.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(body.contains("defamation requires"), "{body}");
}

/// A project adds a kind of proof in its own `clauses/_proof-<name>.yaml` (the New York user's
/// trade secret), without copying the library's file; a kind given twice is an error at the second.
#[test]
fn a_project_adds_a_kind_of_proof_in_its_own_file() {
    let dir = temp_dir("proof-kind");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    let kind = "secret:\n  means: \"that the information is a trade secret\"\n  name: a trade secret\n  showing: of a trade secret\n  title: A trade secret\n";
    std::fs::write(dir.join("clauses/_proof-firm.yaml"), kind).unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let library = pleader::library::Library::load(project).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(library.proof["secret"].name, "a trade secret");
    assert!(library.proof.contains_key("falsity"), "the library's kinds stay");
    assert!(!dir.join("clauses/_proof.yaml").exists());
    std::fs::write(
        dir.join("clauses/_proof-more.yaml"),
        "falsity:\n  name: falsity\n  showing: of falsity\n  title: Falsity\n",
    )
    .unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let Err(err) = pleader::library::Library::load(project) else { panic!("a kind defined twice loaded") };
    let text = pleader::diag::render(&err, Default::default());
    assert!(text.contains("kind of proof `falsity` is defined twice") && text.contains("_proof-more.yaml"), "{text}");
}

/// A profile that lists its divisions with the word ("Eastern Division", as S.D. Ohio's user wrote
/// them) gets a scaffold that names the division as listed, never "Eastern Division Division".
#[test]
fn new_names_a_division_listed_with_the_word_division_once() {
    let dir = temp_dir("division-word");
    let (code, _, err) = pleader(&["library", "eject", "courts/nd-ill.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    let firm = dir.join("firm");
    std::fs::rename(firm.join("courts/nd-ill.yaml"), firm.join("courts/sd-ohio.yaml")).unwrap();
    edit(&firm.join("courts/sd-ohio.yaml"), "divisions:", "divisions: [Eastern Division, Western Division]");
    let (code, out, err) = pleader(&["new", "lakeview", "--court", "sd-ohio"], &firm);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(firm.join("lakeview/matter.yaml")).unwrap();
    assert!(text.lines().any(|l| l.starts_with("division: Eastern Division")), "{text}");
    assert!(!text.contains("Division Division"), "{text}");
    // A profile that does not load is reported as it is, at its file, not as a court no outline
    // is written for (the Cook County user's profile without its top-level `name:`).
    let profile = std::fs::read_to_string(firm.join("courts/sd-ohio.yaml")).unwrap();
    let nameless: String = profile.lines().filter(|l| !l.starts_with("name:")).map(|l| format!("{l}\n")).collect();
    std::fs::write(firm.join("courts/sd-ohio.yaml"), nameless).unwrap();
    let (code, out, err) = pleader(&["new", "hilltop", "--court", "sd-ohio"], &firm);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("missing field `name`") && err.contains("courts/sd-ohio.yaml"), "{err}");
    assert!(!err.contains("no outline is written"), "{err}");
}

/// A state court whose state has a statute on subpoenas for anonymous speakers (the Fairfax
/// County user's Va. Code § 8.01-407.1), with no binding decision on the First Amendment's
/// showing: the profile's `jurisdiction.statute` is said first, in the introduction and the legal
/// standard, as the law that binds the court, and the open question is what the Constitution asks
/// beyond it, never "no court has settled which standard applies".
#[test]
fn a_states_statute_on_such_subpoenas_is_said_first_and_narrows_the_open_question() {
    let dir = temp_dir("statute-court");
    let (code, _, err) = pleader(&["library", "eject", "courts/nj-superior.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    let firm = dir.join("firm");
    let profile = firm.join("courts/nj-statute.yaml");
    std::fs::rename(firm.join("courts/nj-superior.yaml"), &profile).unwrap();
    // Dendrite no longer binds: the court's own courts are another state's.
    edit(&profile, "own_courts:", "own_courts: [Va., Va. Ct. App.]");
    edit(&profile, "own_reporters:", "own_reporters: [Va., Va. App.]");
    edit(&profile, "state:", "state: Virginia");
    edit(&profile, "standard_settled:", "standard_settled: false\n  statute:\n    authority: frcp-45\n    subdivision: \"(c)\"\n    requires: \"a subpoena to name a place of compliance within the limits it sets\"");
    // The movant also says that complying with the statute is all it must do.
    let matter = std::fs::read_to_string(root().join("matters/oduya-v-does.yaml"))
        .unwrap()
        .replacen("court: nj-superior", "court: nj-statute", 1)
        .replacen(
            "    arguments:\n",
            "    arguments:\n      - kind: pleading-standard\n        says: its filing under the statute is all the law requires\n        cite: {doc: mot, at: \"at 6–8\"}\n",
            1,
        )
        .replacen("      - evidentiary-basis\n", "      - pleading-not-enough\n      - evidentiary-basis\n", 1);
    assert!(matter.contains("pleading-not-enough"), "the sample changed");
    std::fs::write(firm.join("matter.yaml"), matter).unwrap();
    let built = build(&firm.join("matter.yaml"));
    let body = crate::substance::body_text(&built);
    assert!(body.contains("A statute governs a subpoena like this one in Virginia: it requires a subpoena to name a place of compliance within the limits it sets. Fed. R. Civ. P. 45(c). But no court whose decisions bind this Court has settled what the First Amendment requires beyond the statute"), "{body}");
    assert!(body.contains("sets requirements for a subpoena like this one, see Fed. R. Civ. P. 45(c), but no decision that binds this Court settles what the First Amendment requires beyond them"), "{body}");
    assert!(!body.contains("has settled which standard applies"), "{body}");
    // Complying with the statute does not end the inquiry: the Constitution binds the court
    // whatever a state statute asks.
    assert!(body.contains("Compliance with the statute does not end the inquiry. Whatever a state statute asks of a party seeking an anonymous speaker's identity, the First Amendment sets what the party must show before the speaker loses anonymity, and it binds this Court whatever the statute asks. See U.S. Const. art. VI, cl. 2."), "{body}");
    // Where the standard is settled, nothing would say the statute: the profile is refused at the
    // statute, not built without it.
    edit(&profile, "standard_settled:", "standard_settled: true");
    let (code, out, err) = pleader(&["build", "matter.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("`jurisdiction.statute` is said only in a state court whose standard is open"), "{err}");
    assert!(err.contains("nj-statute.yaml:"), "{err}");
}

/// The subpoena's breadth argued in a state court (the Fairfax County and Miami-Dade audits: an
/// overbreadth objection recited and then dropped): the section quotes the limit the profile names
/// (`jurisdiction.discovery_limit`), and a state court whose profile names none refuses the clause
/// at the outline instead of arguing the point from nothing; a federal profile that sets one is
/// refused at it, since the Rules set a federal court's limit.
#[test]
fn the_subpoenas_breadth_is_argued_from_the_limit_the_state_courts_rules_set() {
    let dir = temp_dir("scope-court");
    let (code, _, err) = pleader(&["library", "eject", "courts/nj-superior.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    let firm = dir.join("firm");
    let profile = firm.join("courts/nj-superior.yaml");
    let matter = std::fs::read_to_string(root().join("matters/oduya-v-does.yaml"))
        .unwrap()
        .replacen(
            "    compliance_place: Shoreline’s offices in Toms River\n",
            "    compliance_place: Shoreline’s offices in Toms River\n    beyond: the telephone numbers and IP address logs of both account holders\n",
            1,
        )
        .replacen("        options: {decisions: true}\n  - conclusion", "        options: {decisions: true}\n  - subpoena-scope\n  - conclusion", 1);
    assert!(matter.contains("  - subpoena-scope\n") && matter.contains("    beyond: "), "the sample changed");
    std::fs::write(firm.join("matter.yaml"), &matter).unwrap();
    // No limit named: the clause does not apply here, said at the outline.
    let (code, out, err) = pleader(&["build", "matter.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("clause `subpoena-scope` does not apply in"), "{err}");
    assert!(err.contains("names no rule limiting what a subpoena may demand (`jurisdiction.discovery_limit"), "{err}");
    assert!(err.contains("matter.yaml:"), "{err}");
    edit(
        &profile,
        "standard_settled:",
        "standard_settled: true\n  discovery_limit:\n    rule: frcp-26\n    subdivision: \"(b)(1)\"\n    words: \"“[p]arties may obtain discovery regarding any nonprivileged matter that is relevant to any party’s claim or defense and proportional to the needs of the case”\"",
    );
    let body = crate::substance::body_text(&build(&firm.join("matter.yaml")));
    assert!(body.contains("The subpoena would reach too far even if Mr. Oduya could justify learning who the speakers are. It demands the names, email addresses, telephone numbers and IP address logs of the two account holders."), "{body}");
    assert!(body.contains("The subpoena also reaches the telephone numbers and IP address logs of both account holders, which no step of naming or serving a defendant requires."), "{body}");
    assert!(
        body.contains(
            "New Jersey's rules place a limit on what a subpoena may demand: \"[p]arties may obtain discovery"
        ),
        "{body}"
    );
    assert!(body.contains("Fed. R. Civ. P. 26(b)(1)."), "{body}");
    // The Rules bind a state court in nothing: no federal rule of subpoenas is cited.
    assert!(!body.contains("45(d)(1)"), "{body}");
    // A federal profile's own limit would print nowhere: refused at it.
    let (code, _, err) = pleader(&["library", "eject", "courts/d-colo.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    edit(
        &firm.join("courts/d-colo.yaml"),
        "standard_settled:",
        "standard_settled: false\n  discovery_limit: {rule: frcp-26, words: \"a limit\"}",
    );
    let colo = std::fs::read_to_string(root().join("matters/marlowe-subpoena.yaml")).unwrap();
    std::fs::write(firm.join("colo.yaml"), colo).unwrap();
    let (code, out, err) = pleader(&["build", "colo.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("`jurisdiction.discovery_limit` is read only in a state court"), "{err}");
    assert!(err.contains("d-colo.yaml:"), "{err}");
}

/// A standard the library does not ship (the D.D.C. user's _Solers_, which the motion invoked):
/// a project's `clauses/_standards-<name>.yaml` defines it, `like:` one of the library's stepwise
/// standards whose clauses then argue it from its own steps and authority, `motion.test` takes its
/// id, and no file of the library is ejected. A standard like one that is not stepwise, or with
/// no `like:`, is refused at its id.
#[test]
fn a_projects_own_standard_is_argued_by_the_clauses_of_the_standard_it_is_like() {
    let dir = temp_dir("own-standard");
    let (code, _, err) = pleader(&["library", "eject", "courts/d-colo.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    let firm = dir.join("firm");
    edit(&firm.join("courts/d-colo.yaml"), "standard:", "standard: solers");
    std::fs::create_dir_all(firm.join("authorities")).unwrap();
    std::fs::write(
        firm.join("authorities/dc.yaml"),
        "solers:\n  kind: case\n  name: \"Solers, Inc. v. Doe\"\n  short: Solers\n  cite: \"977 A.2d 941\"\n  court: D.C.\n  year: 2009\n  unverified: \"a test fixture\"\n",
    )
    .unwrap();
    let standard = "solers:\n  name: the _Solers_ test\n  title: \"the _Solers_ Test\"\n  authority: solers\n  pin: \"954\"\n  court: D.C.\n  binds: {state: District of Columbia}\n  evidence: true\n  stepwise: true\n  like: cahill\n  steps:\n    - text: show that the complaint adequately pleads each element of the claim\n      pin: \"\"\n      pleading: true\n    - text: make reasonable efforts to notify the anonymous speakers that the complaint has been filed and the subpoena served\n      one: make reasonable efforts to notify the anonymous speaker that the complaint has been filed and the subpoena served\n      pin: \"956\"\n      notice: true\n    - text: proffer evidence creating a genuine issue of material fact on each element of the claim that is within its control\n      pin: \"956\"\n      evidence: true\n      heading: {text: \"creates no genuine issue on the elements within {his} control\", title: \"Creates No Genuine Issue on the Elements Within {His} Control\"}\n";
    std::fs::create_dir_all(firm.join("clauses")).unwrap();
    std::fs::write(firm.join("clauses/_standards-dc.yaml"), standard).unwrap();
    let matter = std::fs::read_to_string(root().join("matters/marlowe-subpoena.yaml")).unwrap().replacen(
        "    test: none\n",
        "    test: solers\n",
        1,
    );
    // Cahill, and so Solers here, has no balancing step: the balance section does not apply.
    let start = matter.find("          - clause: balance-of-harms\n").expect("the sample changed");
    let end =
        start + matter[start..].find("options: {decisions: false}\n").unwrap() + "options: {decisions: false}\n".len();
    let matter = format!("{}{}", &matter[..start], &matter[end..]);
    std::fs::write(firm.join("matter.yaml"), &matter).unwrap();
    // The clauses written for Cahill apply in the court, and the brief states Solers's steps.
    let (code, out, err) = pleader(&["clauses"], &firm);
    assert_eq!(code, 0, "{err}");
    let fits = out.split("\nstandard-fails").nth(1).unwrap_or_default();
    assert!(fits.lines().take(12).any(|l| l.contains("d-colo")), "{out}");
    let built = build(&firm.join("matter.yaml"));
    let body = crate::substance::body_text(&built);
    assert!(body.contains("the Solers test"), "{body}");
    assert!(body.contains("make reasonable efforts to notify the anonymous speakers that the complaint has been filed and the subpoena served"), "{body}");
    assert!(body.contains("Marlowe's evidence creates no genuine issue on the elements within its control."), "{body}");
    assert!(!body.contains("applies none of the tests") && !body.contains("does not apply any of the tests"), "{body}");
    // Steps found by what they are, not where they stand: notice is the second step here, and the
    // pleading step is the first; an empty pin cites the decision whole.
    assert!(
        body.contains(
            "The Solers test requires notice: the party seeking disclosure must make reasonable efforts to notify"
        ),
        "{body}"
    );
    assert!(body.contains("The first step of the Solers test asks the party seeking disclosure to show that the complaint adequately pleads each element of the claim. See Solers, 977 A.2d 941."), "{body}");
    assert!(body.contains("the third step asks for evidence"), "{body}");
    assert!(!body.contains("941, at"), "{body}");
    // Notice is not the threshold of a standard that begins with the pleading (the D.C. user).
    assert!(body.contains("takes up the notice step."), "{body}");
    assert!(!body.contains("only the threshold") && !body.contains("the threshold step"), "{body}");
    // `pleader new` for the court starts from the outline of the standard it is like (the
    // Allegheny County user, whose `like: mobilisa` standard got the Dendrite outline).
    let (code, out, err) = pleader(&["new", "second", "--court", "d-colo"], &firm);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(outline `cahill`)"), "{out}");
    // A standard like one the clauses do not argue step by step: refused at its id.
    std::fs::write(firm.join("clauses/_standards-dc.yaml"), standard.replace("like: cahill", "like: highfields"))
        .unwrap();
    let (code, out, err) = pleader(&["build", "matter.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(
        err.contains("`solers` is `like: highfields`, which is not one of the library's stepwise standards"),
        "{err}"
    );
    assert!(err.contains("_standards-dc.yaml:1"), "{err}");
    // A stepwise standard without its notice step marked: refused at its id.
    std::fs::write(firm.join("clauses/_standards-dc.yaml"), standard.replace("      notice: true\n", "")).unwrap();
    let (code, out, err) = pleader(&["build", "matter.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(
        err.contains("the stepwise standard `solers` in clauses/_standards-dc.yaml has 0 steps marked `notice: true`"),
        "{err}"
    );
    // A step before the last that no library section argues (Pennsylvania's affidavit, the
    // Philadelphia user): refused at the id until the lawyer says it is argued in their own words.
    let affidavit = "      heading: {text: \"creates no genuine issue on the elements within {his} control\", title: \"Creates No Genuine Issue on the Elements Within {His} Control\"}\n    - text: submit an affidavit that the information is sought in good faith\n      pin: \"\"\n    - text: prevail when the court balances the interests\n      pin: \"\"\n";
    let with_step = standard.replace("      heading: {text: \"creates no genuine issue on the elements within {his} control\", title: \"Creates No Genuine Issue on the Elements Within {His} Control\"}\n", affidavit);
    assert_ne!(with_step, standard, "the fixture changed");
    std::fs::write(firm.join("clauses/_standards-dc.yaml"), &with_step).unwrap();
    let (code, out, err) = pleader(&["build", "matter.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("step 4 of `solers` in clauses/_standards-dc.yaml (“submit an affidavit that the information is sought in good faith”) is one no section of the library argues"), "{err}");
    assert!(err.contains("mark it `own: true`"), "{err}");
    std::fs::write(
        firm.join("clauses/_standards-dc.yaml"),
        with_step.replace(
            "sought in good faith\n      pin: \"\"\n",
            "sought in good faith\n      pin: \"\"\n      own: true\n",
        ),
    )
    .unwrap();
    let (code, out, err) = pleader(&["check", "matter.yaml"], &firm);
    assert!(!err.contains("no section of the library argues"), "{code} {out}{err}");
    std::fs::write(firm.join("clauses/_standards-dc.yaml"), standard.replace("  like: cahill\n", "")).unwrap();
    let (code, out, err) = pleader(&["build", "matter.yaml"], &firm);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("`solers` in clauses/_standards-dc.yaml is stepwise and names no `like:`"), "{err}");
}

/// A state court whose own law supplies a test none of the library's standards argues (the Cook
/// County user's Illinois, where *Hadley* asks whether the petition would survive a motion to
/// dismiss): the project's standard names no `like:` and is not stepwise; the brief argues it in
/// the matter's own paragraphs; a clause that describes the court's standard in the library's
/// terms is refused at its item, while one whose words hold of any standard still applies; and
/// "*Hadley* binds this Court" is the force the data gives it.
#[test]
fn a_standard_the_library_does_not_argue_is_argued_in_the_matters_own_paragraphs() {
    let dir = temp_dir("own-law-standard");
    let (code, _, err) = pleader(&["library", "eject", "courts/nj-superior.yaml", "--project", "firm"], &dir);
    assert_eq!(code, 0, "{err}");
    let firm = dir.join("firm");
    let profile = firm.join("courts/il-cook.yaml");
    std::fs::rename(firm.join("courts/nj-superior.yaml"), &profile).unwrap();
    for (from, to) in [
        ("name: Superior Court", "name: Circuit Court of Cook County, Illinois"),
        ("court: N.J. Super. Ct. Law Div.", "court: Ill. Cir. Ct."),
        ("here: New Jersey", "here: Illinois"),
        ("courts_here:", "courts_here: Illinois courts"),
        ("own_courts:", "own_courts: [Ill., Ill. App. Ct.]"),
        ("own_reporters:", "own_reporters: [Ill. 2d, Ill. App. 3d, IL, IL App]"),
        ("state: New Jersey", "state: Illinois"),
        ("standard: dendrite", "standard: hadley"),
        ("- SUPERIOR COURT OF NEW JERSEY", "- IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS"),
        ("- \"LAW DIVISION:", "- COUNTY DEPARTMENT, LAW DIVISION"),
    ] {
        edit(&profile, from, to);
    }
    let standard = "hadley:\n  name: the _Hadley_ standard\n  title: \"the _Hadley_ Standard\"\n  authority: hadley-v-doe\n  pin: \"¶ 1\"\n  court: Ill.\n  binds: {state: Illinois}\n  evidence: false\n  stepwise: false\n  steps:\n    - {text: \"show that the petition states a cause of action that would survive a motion to dismiss under section 2-615\", pin: \"¶ 1\", pleading: true}\n";
    std::fs::create_dir_all(firm.join("clauses")).unwrap();
    std::fs::write(firm.join("clauses/_standards-il.yaml"), standard).unwrap();
    // The Prairie Crest matter, in this court: no federal early-discovery order, and an outline
    // of the library's clauses that fit any standard with paragraphs of the lawyer's own.
    let text = std::fs::read_to_string(root().join("matters/prairie-crest-v-does.yaml")).unwrap();
    let text = text.replacen("court: nd-ill\n", "court: il-cook\n", 1);
    let ed = text.find("  early_discovery:\n").expect("the early-discovery order");
    let ed_end = ed + text[ed..].find("\n\n").expect("its end") + 2;
    let text = format!("{}{}", &text[..ed], &text[ed_end..]);
    let start = text.find("\nbrief:\n").expect("the outline") + 1;
    let end = text.find("\nauthorities:\n").expect("the matter's authorities") + 1;
    let outline = "brief:\n  - paragraph: intro\n    heading: Introduction\n    text: \"_Hadley_ binds this Court, and the Ledger does not ask it to apply a test of another state's courts. [see @hadley-v-doe ¶ 1].\"\n  - factual-background\n  - clause: argument\n    sections:\n      - presuit-rule\n      - relevance-not-enough\n      - platform-standing\n      - paragraph: no-claim\n        heading: The Complaint States No Claim Against the Commenters\n        text: \"Two of the three comments state opinions. [see @compl ¶¶ 23, 25].\"\n  - conclusion\n";
    let matter = format!("{}{outline}{}", &text[..start], &text[end..]);
    assert!(matter.contains("court: il-cook") && !matter.contains("early_discovery"), "the sample changed");
    std::fs::write(firm.join("pc.yaml"), &matter).unwrap();
    let (code, out, err) = pleader(&["build", "pc.yaml", "-o", "pc.pdf"], &firm);
    assert_eq!(code, 0, "{out}{err}");
    let (_, out, err) = pleader(&["check", "pc.yaml"], &firm);
    assert!(out.contains("ok    force of the standard: the brief calls the hadley standard binding"), "{out}{err}");
    assert!(!out.contains("the standard is not settled"), "{out}");
    // The introduction describes the court's standard as the library's standards are argued.
    let with_intro = matter.replacen("brief:\n", "brief:\n  - introduction\n", 1);
    std::fs::write(firm.join("pc-intro.yaml"), &with_intro).unwrap();
    let (code, _, err) = pleader(&["build", "pc-intro.yaml", "-o", "pc-intro.pdf"], &firm);
    assert_ne!(code, 0);
    let line = with_intro.lines().position(|l| l == "  - introduction").unwrap() + 1;
    assert!(err.contains(&format!("pc-intro.yaml:{line}:5")), "{err}");
    assert!(
        err.contains("clause `introduction` describes the court's standard as the library's standards are argued")
            && err.contains("`hadley`, a standard of the project's own"),
        "{err}"
    );
    // A stepwise standard of the project's own still names the library standard that argues it,
    // and no standard may leave its steps out.
    let stepwise = standard.replace("stepwise: false", "stepwise: true");
    std::fs::write(firm.join("clauses/_standards-il.yaml"), &stepwise).unwrap();
    let (code, _, err) = pleader(&["build", "pc.yaml", "-o", "pc.pdf"], &firm);
    assert_ne!(code, 0);
    assert!(err.contains("`hadley` in clauses/_standards-il.yaml is stepwise and names no `like:`"), "{err}");
    let stepless = format!("{}  steps: []\n", &standard[..standard.find("  steps:").unwrap()]);
    std::fs::write(firm.join("clauses/_standards-il.yaml"), &stepless).unwrap();
    let (code, _, err) = pleader(&["build", "pc.yaml", "-o", "pc.pdf"], &firm);
    assert_ne!(code, 0);
    assert!(err.contains("the standard `hadley` in clauses/_standards-il.yaml has no steps"), "{err}");
}

/// A project kind of argument with a library kind's name is one error, at the project's file: the
/// bank's marks on argument kinds are not then reported against an empty list of kinds (the
/// Fulton County user's "`immunomedics-v-doe` is marked `adverse` on `speaker-agreement`").
#[test]
fn an_argument_kind_defined_twice_is_one_error() {
    let dir = temp_dir("argument-kind-twice");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    std::fs::write(
        dir.join("clauses/_arguments-firm.yaml"),
        "third-party-doctrine:\n  means: no expectation of privacy\n  summary: the third-party doctrine\n  answered_by: a paragraph\n",
    )
    .unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let Err(err) = pleader::library::Library::load(project) else { panic!("a kind defined twice loaded") };
    let text = pleader::diag::render(&err, Default::default());
    assert!(
        text.contains("`third-party-doctrine` is defined twice") && text.contains("_arguments-firm.yaml"),
        "{text}"
    );
    assert!(!text.contains("marked `adverse`"), "{text}");
}

/// In a federal court, the State's own decisions refusing to unmask lead the balance of harms'
/// survey by name, before other courts' (the D. Md. user: Maryland's highest court was filed
/// under "courts elsewhere"); and a decision the bank marks as the movant's authority on an
/// argument, with how to distinguish it (`adverse_answer`), is answered right after that
/// argument, so no clause need be ejected; an answer without `adverse` is refused at the entry.
#[test]
fn a_states_own_decisions_lead_the_survey_and_a_movants_authority_is_answered_where_the_bank_says_how() {
    let dir = temp_dir("state-survey");
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    let bank = "pa-denied-fixture:\n  kind: case\n  name: \"Keystone v. Doe\"\n  short: Keystone\n  cite: \"900 A.2d 100\"\n  court: Pa.\n  year: 2006\n  verified: {by: a test fixture, on: 2026-12-07, source: a test fixture, pins: [{at: \"104\", saw: the disposition}]}\n  supports:\n    - topic: unmasking-denied\n      pin: \"104\"\n      parenthetical: \"reversing an order that would have identified an anonymous commenter\"\nadverse-fixture:\n  kind: case\n  name: \"Relevant Co. v. Doe\"\n  short: Relevant Co.\n  cite: \"800 F.3d 200\"\n  court: 3d Cir.\n  year: 2015\n  unverified: a test fixture\n  adverse: [relevance]\n  adverse_answer:\n    text: \"That decision enforced a subpoena for business records; no speaker's identity was at stake.\"\n    pin: \"205\"\n";
    std::fs::write(dir.join("authorities/fixtures.yaml"), bank).unwrap();
    let matter = std::fs::read_to_string(root().join("matters/brandywine-v-doe.yaml")).unwrap();
    std::fs::write(dir.join("matter.yaml"), &matter).unwrap();
    let built = build(&dir.join("matter.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(body.contains("A Pennsylvania court has refused to order an anonymous speaker unmasked. See Keystone v. Doe, 900 A.2d 100, 104 (Pa. 2006) (reversing an order that would have identified an anonymous commenter). So have courts in other jurisdictions. See, e.g.,"), "{body}");
    assert!(!body.contains("Courts elsewhere have refused"), "{body}");
    assert!(body.contains("That decision enforced a subpoena for business records; no speaker's identity was at stake. Relevant Co. v. Doe, 800 F.3d 200, 205 (3d Cir. 2015)."), "{body}");
    // Where a paragraph of the lawyer's own answers the argument, the bank's answer is not printed,
    // and `check` says so (the Philadelphia user: it "silently does nothing").
    let own = matter.replacen(
        "      - relevance-not-enough\n",
        "      - paragraph: relevance-mine\n        heading: Relevance Is Not Enough\n        answers: [relevance]\n        text: \"Brandywine argues relevance. [@mot at 4–6]. Relevance is not the test.\"\n",
        1,
    );
    assert_ne!(own, matter, "the sample changed");
    std::fs::write(dir.join("matter.yaml"), &own).unwrap();
    let (_, out, err) = pleader(&["check", "matter.yaml"], &dir);
    assert!(
        out.contains("the bank's `adverse_answer` for `adverse-fixture` on `relevance` is not printed, because a paragraph of your own answers that argument"),
        "{out}{err}"
    );
    std::fs::write(dir.join("matter.yaml"), &matter).unwrap();
    // The answer is said only of a decision marked as the movant's authority.
    std::fs::write(dir.join("authorities/fixtures.yaml"), bank.replace("  adverse: [relevance]\n", "")).unwrap();
    let (code, out, err) = pleader(&["build", "matter.yaml"], &dir);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("authority `adverse-fixture` has an `adverse_answer` and no `adverse`"), "{err}");
    assert!(err.contains("fixtures.yaml:"), "{err}");
}

/// Two argued claims whose laws cite different fact/opinion authorities, one with `signal: cf.`:
/// each keeps its own signal, "see" before "cf." (Bluebook 1.3), where the string used to print
/// every one under "see" (the Philadelphia user: *Baker* lost its "cf." beside *Braig*).
#[test]
fn fact_opinion_authorities_keep_their_own_signals_see_before_cf() {
    let dir = temp_dir("mixed-signals");
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    let law = "extends: false-light\nlaws:\n  delaware:\n    jurisdiction: Delaware\n    authority: milkovich\n    pin: \"20\"\n    elements:\n      - text: publicity given to a matter concerning the plaintiff\n        proof: [publication]\n        shown_by: evidence\n      - text: a statement or implication of fact about the plaintiff, as opposed to opinion\n        proof: [fact]\n        shown_by: statement\n    fact_opinion:\n      authority: milkovich\n      pin: \"20\"\n      parenthetical: \"a test fixture\"\n";
    std::fs::write(dir.join("claims/false-light-delaware.yaml"), law).unwrap();
    let matter = std::fs::read_to_string(root().join("matters/dorsey-v-does.yaml")).unwrap().replacen(
        "      - {type: defamation, law: delaware, argued: true, per_se: true}\n",
        "      - {type: defamation, law: delaware, argued: true, per_se: true}\n      - {type: false-light, law: delaware, argued: true}\n",
        1,
    );
    assert!(matter.contains("false-light, law: delaware"), "the sample changed");
    std::fs::write(dir.join("matter.yaml"), &matter).unwrap();
    let built = build(&dir.join("matter.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(body.contains("The judgment it conveys is one no reader could check. See Milkovich, 497 U.S. at 20 (a test fixture); cf. Riley v. Moyed, 529 A.2d 248, 250 (Del. 1987)"), "{body}");
}

/// An element cited to an authority of its own (a contract's formation, stated by a statute or
/// another decision) is cited to it wherever a clause states that element, not to the decision
/// that states the others (the N.D. Ga. user: formation under O.C.G.A. § 13-3-1 cited to *Norton*
/// in the answer to the agreement argument).
#[test]
fn an_elements_own_authority_is_cited_wherever_the_element_is_stated() {
    let dir = temp_dir("element-own-cite");
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    let law = "extends: breach-of-contract\nlaws:\n  testland:\n    jurisdiction: Pennsylvania\n    authority: corestates-v-cutillo\n    pin: \"1058\"\n    elements:\n      - text: a contract the defendant assented to\n        proof: [contract]\n        shown_by: evidence\n        authority: johnson-v-zerbst\n        pin: \"464\"\n      - text: a breach of a duty imposed by the contract\n        proof: [conduct]\n        shown_by: evidence\n      - text: damages resulting from the breach\n        proof: [harm, causation]\n        shown_by: evidence\n";
    std::fs::write(dir.join("claims/breach-of-contract-test.yaml"), law).unwrap();
    let matter = std::fs::read_to_string(root().join("matters/brandywine-v-doe.yaml")).unwrap().replacen(
        "      - {type: breach-of-contract, law: pennsylvania, argued: true}\n",
        "      - {type: breach-of-contract, law: testland, argued: true}\n",
        1,
    );
    assert!(matter.contains("law: testland"), "the sample changed");
    std::fs::write(dir.join("matter.yaml"), &matter).unwrap();
    let built = build(&dir.join("matter.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(
        body.contains("a claim for breach of contract requires a contract the defendant assented to, see Johnson"),
        "{body}"
    );
    assert!(!body.contains("requires a contract the defendant assented to, see CoreStates"), "{body}");
}
