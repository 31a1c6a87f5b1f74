//! The cite-check loop (issue 18): a paralegal's checks, entered through `pleader citecheck
//! --import` (a filled-in CSV sheet) and `pleader authorities verify`, are recorded in the
//! project's bank files, and `check` then passes under `citations.unverified: fail`. Rows that no
//! longer match the brief are reported and not recorded; nothing is recorded that was not entered.

use std::path::Path;

use crate::common::*;

/// Every bank file of the project folder, by name, with its text.
fn bank_files(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir.join("authorities"))
        .unwrap()
        .flatten()
        // Bank files only (a writer's lock file sits beside them).
        .filter(|e| e.file_name().to_string_lossy().ends_with(".yaml"))
        .map(|e| (e.file_name().to_string_lossy().to_string(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_sheet_filled_in_and_imported_with_the_open_points_cleared_makes_the_brief_filing_ready() {
    // A project of its own (bank and court folders, empty) holding a copy of a sample matter.
    let dir = temp_dir("citecheck-loop");
    for d in ["authorities", "courts", "matters"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    let matter = "matters/ferreira-v-nestwise.yaml";
    std::fs::copy(root().join(matter), dir.join(matter)).unwrap();
    // The library records no page for Krinsky's hyperbole holding (its `fact_opinion` pin is
    // empty); the lawyer pulls the opinion, ejects the two claim files that cite it and fills the
    // page in, so the brief cites it with a pin the sheet then asks the paralegal to confirm.
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    for f in ["claims/defamation.yaml", "claims/false-light.yaml"] {
        let (code, o, e) = pleader(&["library", "eject", f, "--project", dir.to_str().unwrap()], &dir);
        assert_eq!(code, 0, "{o}{e}");
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        let empty = "      authority: krinsky\n      pin: \"\"";
        let at = text.find(empty).expect("Krinsky's empty pin");
        let text = format!("{}      authority: krinsky\n      pin: \"1176\"{}", &text[..at], &text[at + empty.len()..]);
        std::fs::write(dir.join(f), text).unwrap();
    }
    // Nor does it record the page of ZL Technologies' disposition, which the legal standard
    // acknowledges; the lawyer ejects the bank file that holds it and fills that page in too.
    let f = "authorities/unmasking.yaml";
    let (code, o, e) = pleader(&["library", "eject", f, "--project", dir.to_str().unwrap()], &dir);
    assert_eq!(code, 0, "{o}{e}");
    let text = std::fs::read_to_string(dir.join(f)).unwrap();
    let zl = text.find("\nzl-techs:\n").expect("ZL Technologies");
    let empty = "      pin: \"\"\n      against: true";
    let at = zl + text[zl..].find(empty).expect("ZL's empty pin");
    let text = format!("{}      pin: \"607\"\n      against: true{}", &text[..at], &text[at + empty.len()..]);
    std::fs::write(dir.join(f), text).unwrap();
    let ejected = bank_files(&dir);

    // Before: not filing-ready, and no pin is seen.
    let (code, out, err) = pleader(&["check", matter], &dir);
    assert_ne!(code, 0, "{out}{err}");
    assert!(out.contains("`citations.unverified: fail`"), "{out}");
    assert!(out.contains("FAIL  pins seen: "), "{out}{err}");

    // The sheet has the four columns a paralegal fills in, empty.
    let (code, out, err) = pleader(&["citecheck", matter, "-o", "sheet.csv"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    let sheet = std::fs::read_to_string(dir.join("sheet.csv")).unwrap();
    assert!(sheet.starts_with("id,") && sheet.contains(",verified_by,source,date,note\r\n"), "{sheet}");
    let rows = sheet.matches(",,,,\r\n").count();
    assert!(rows > 5, "{sheet}");
    // Nothing was recorded by writing the sheet.
    assert_eq!(bank_files(&dir), ejected);

    // The paralegal fills in every row (who, against what, when; a note on one), and adds a row
    // for a pin the brief does not cite and one for an authority the bank does not have.
    let mut filled = sheet.replacen(",,,,\r\n", ",PL,Westlaw,2026-12-03,star pages checked\r\n", 1);
    filled = filled.replace(",,,,\r\n", ",PL,Westlaw,2026-12-03,\r\n");
    filled.push_str("krinsky,Krinsky,,,short,9999,A sentence.,,,,,PL,Westlaw,2026-12-03,\r\n");
    filled.push_str("no-such-case,No Such,,,full,,A sentence.,,,,,PL,Westlaw,2026-12-03,\r\n");
    std::fs::write(dir.join("sheet.csv"), &filled).unwrap();
    let (code, out, err) = pleader(&["citecheck", matter, "--import", "sheet.csv"], &dir);
    assert_eq!(code, 1, "the two bad rows fail the import: {out}{err}");
    assert!(err.contains("(`krinsky` at 9999): stale"), "{err}");
    assert!(err.contains("(`no-such-case`): unrelated"), "{err}");
    assert!(
        err.contains(&format!("{} filled rows: {rows} recorded, 0 already recorded, 2 not recorded", rows + 2)),
        "{err}"
    );
    let files = bank_files(&dir);
    assert!(!files.is_empty());
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    assert!(!all.contains("9999") && !all.contains("no-such-case"), "a refused row was recorded");
    assert!(all.contains("source: \"Westlaw\"") && all.contains("note: \"star pages checked\""), "{all}");
    // A built-in entry's record goes to the project's record of checks; no built-in bank file
    // is copied into the project (the Cook County user), and the files the lawyer ejected keep
    // every comment line.
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let ejected_names: Vec<&str> = ejected.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"_verified.yaml"), "{names:?}");
    assert!(names.iter().all(|n| *n == "_verified.yaml" || ejected_names.contains(n)), "{names:?}");
    for (name, text) in files.iter().filter(|(n, _)| n != "_verified.yaml") {
        let builtin = std::fs::read_to_string(root().join("authorities").join(name)).unwrap();
        for line in builtin.lines().filter(|l| l.trim_start().starts_with('#')) {
            assert!(text.contains(line), "{name}: lost comment {line:?}");
        }
    }

    // Every pin is seen now; what stays open is what the bank's `unverified:` records name.
    let (code, out, err) = pleader(&["check", matter], &dir);
    assert_ne!(code, 0, "{out}{err}");
    assert!(out.contains("0 unseen"), "{out}");
    let built = build(&dir.join(matter));
    let open: Vec<String> = {
        let mut ids: Vec<String> = built.uses.iter().map(|u| u.id.clone()).collect();
        ids.sort();
        ids.dedup();
        ids.into_iter().filter(|id| built.bank.get(id).unwrap().open().is_some()).collect()
    };
    assert!(!open.is_empty());
    for id in &open {
        assert!(out.contains(&format!("(`{id}`): partly verified; open:")), "{id}: {out}");
        let root_arg = dir.to_str().unwrap();
        let args = ["authorities", "verify", id, "--by", "PL", "--source", "Westlaw", "--on", "2026-12-03"];
        let (code, o, e) = pleader(&[&args[..], &["--cleared-open", "--root", root_arg]].concat(), &dir);
        assert_eq!(code, 0, "{o}{e}");
        assert!(e.contains("recorded in authorities/") && e.contains(&format!("`{id}`")), "{e}");
    }

    // Filing-ready.
    let (code, out, err) = pleader(&["check", matter], &dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("cited authorities are verified, with every pin cited"), "{out}");

    // The same sheet again records nothing new.
    let before = bank_files(&dir);
    let (code, _, err) = pleader(&["citecheck", matter, "--import", "sheet.csv"], &dir);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("0 recorded, {rows} already recorded, 2 not recorded")), "{err}");
    assert_eq!(bank_files(&dir), before);
}

#[test]
fn verify_refuses_what_is_not_a_record() {
    let dir = temp_dir("citecheck-verify");
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    let r = dir.to_str().unwrap();
    for (args, says) in [
        (vec!["highfields", "--by", " ", "--source", "Westlaw"], "who checked it is missing"),
        (vec!["highfields", "--by", "PL", "--source", ""], "what it was checked against is missing"),
        (vec!["highfields", "--by", "PL", "--source", "Westlaw", "--on", "2026-13-01"], "is not a date"),
        (vec!["highfields", "--by", "PL", "--source", "Westlaw", "--on", "2999-01-01"], "in the future"),
        (vec!["highfeilds", "--by", "PL", "--source", "Westlaw"], "the bank has no authority `highfeilds`"),
        (vec!["highfields", "--by", "PL", "--source", "Westlaw", "--cleared-open"], "no open `unverified:`"),
    ] {
        let (code, out, err) = pleader(&[&["authorities", "verify", "--root", r][..], &args[..]].concat(), &dir);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(bank_files(&dir).is_empty(), "nothing was recorded");
    // A pin recorded through `verify` is a pin seen.
    let (code, out, err) = pleader(
        &["authorities", "verify", "--root", r, "highfields", "--pin", "975-76", "--by", "PL", "--source", "Lexis"],
        &dir,
    );
    assert_eq!(code, 0, "{out}{err}");
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let lib = pleader::library::Library::load(project).unwrap();
    let a = lib.bank.get("highfields").unwrap();
    assert!(pleader::cite::pins::is_seen(a, "975–76") && !pleader::cite::pins::is_seen(a, "980"));
    assert_eq!(a.verified.last().unwrap().source, "Lexis");
    // The record went to the project's record of checks, and no bank file was copied.
    let names: Vec<String> = bank_files(&dir).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["_verified.yaml"]);
    // A second check of the same entry is a second record of it there.
    let (code, out, err) = pleader(
        &["authorities", "verify", "--root", r, "highfields", "--pin", "980", "--by", "PL", "--source", "Westlaw"],
        &dir,
    );
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(dir.join("authorities/_verified.yaml")).unwrap();
    assert_eq!(text.matches("highfields:").count(), 1, "{text}");
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let lib = pleader::library::Library::load(project).unwrap();
    assert!(pleader::cite::pins::is_seen(lib.bank.get("highfields").unwrap(), "980"));
    // A record of an authority the bank does not hold is an error at its line.
    std::fs::write(
        dir.join("authorities/_verified.yaml"),
        format!("{text}highfeilds:\n  verified: {{by: PL, on: 2026-12-01, source: Westlaw}}\n"),
    )
    .unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let Err(err) = pleader::library::Library::load(project) else { panic!("a record of no authority loaded") };
    let said = pleader::diag::render(&err, pleader::diag::Format::Short);
    assert!(
        said.contains("authorities/_verified.yaml:")
            && said.contains("`highfeilds` records checks of an authority the bank does not hold"),
        "{said}"
    );
}
