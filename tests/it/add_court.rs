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
