//! The lawyer’s workflow commands: `new`, `check`, `clauses [--lint]`, `authorities`,
//! `watch` (rebuilds on change, keeps the last good PDF on an error), and `--help` with examples.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::*;

#[test]
fn new_scaffolds_a_matter_that_checks_and_builds() {
    let dir = temp_dir("wf-new");
    let (code, out, _) = pleader(&["new", "doe-v-platform"], &dir);
    assert_eq!(code, 0);
    assert!(out.contains("doe-v-platform/matter.yaml"));
    let text = std::fs::read_to_string(dir.join("doe-v-platform/matter.yaml")).unwrap();
    // Every top-level field of the matter format is documented in the template.
    for field in [
        "court:",
        "division:",
        "county:",
        "case:",
        "document:",
        "parties:",
        "counsel:",
        "record:",
        "facts:",
        "brief:",
        "authorities:",
        "overrides:",
        "hearing:",
    ] {
        assert!(text.contains(field), "{field} missing");
    }
    assert!(text.lines().filter(|l| l.trim_start().starts_with('#')).count() > 60, "the template is commented");
    // It cites authorities whose bank entries are not verified: `check` lists them and fails
    // until they are verified (or a draft relaxes the rule); everything else passes.
    let (code, out, err) = pleader(&["check", "doe-v-platform/matter.yaml"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("FAIL  verified authorities") && out.contains("not filing-ready"), "{out}");
    assert!(out.contains("FAIL  pins seen: "), "{out}");
    assert_eq!(out.matches("FAIL").count(), 2, "{out}");
    let text = std::fs::read_to_string(dir.join("doe-v-platform/matter.yaml")).unwrap();
    std::fs::write(dir.join("draft.yaml"), text + "\noverrides:\n  citations: {unverified: warn}\n").unwrap();
    std::fs::create_dir_all(dir.join("draft")).unwrap();
    std::fs::rename(dir.join("draft.yaml"), dir.join("draft/matter.yaml")).unwrap();
    let (code, out, err) = pleader(&["check", "draft/matter.yaml"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("warn  verified authorities") && out.contains("filing-ready"), "{out}");
    let (code, _, _) = pleader(&["build", "doe-v-platform/matter.yaml"], &dir);
    assert_eq!(code, 0);
    assert!(dir.join("output/matter.pdf").exists());
    // Never overwrites.
    let (code, _, err) = pleader(&["new", "doe-v-platform"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("doe-v-platform/matter.yaml` already exists"), "{err}");
    // A folder that holds other files takes a new matter (the Utah user's `pleader new .` in the
    // project folder itself).
    let here = dir.join("here");
    std::fs::create_dir_all(here.join("courts")).unwrap();
    let (code, out, err) = pleader(&["new", "."], &here);
    assert_eq!(code, 0, "{out}{err}");
    assert!(here.join("matter.yaml").is_file());
    // A court without an outline: the first outline written for it (the default `highfields` is
    // not, in the Eastern District of Pennsylvania); its build also writes the proposed order the
    // court's profile asks for, beside the brief.
    let (code, out, err) = pleader(&["new", "pa-matter", "--court", "ed-pa"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("(outline `dendrite`)"), "{out}");
    let (code, _, err) = pleader(&["build", "pa-matter/matter.yaml", "-o", "pa.pdf"], &dir);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("and the proposed order pa-order.pdf"), "{err}");
    assert!(dir.join("pa.pdf").exists() && dir.join("pa-order.pdf").exists());
}

#[test]
fn check_reports_the_courts_rules_and_fails_when_a_limit_is_exceeded() {
    let (code, out, _) = pleader(&["check", "matters/leifer-v-twitter.yaml"], &root());
    // Not filing-ready while it cites unverified authorities (tests/it/citations.rs).
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("page limit:") && out.contains("limit for an opposition is 25"), "{out}");
    assert!(out.contains("ok    page limit") && out.contains("FAIL  verified authorities"), "{out}");
    assert!(out.contains("minimum type size"));
    assert!(out.contains("table of contents and authorities"));
    assert!(!root().join("output/leifer-v-twitter.pdf.tmp").exists());

    let dir = temp_dir("wf-check");
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    std::fs::write(
        dir.join("m.yaml"),
        text + "\noverrides:\n  citations: {unverified: off}\n  limits:\n    opposition: {pages: 5}\n",
    )
    .unwrap();
    let (code, out, _) = pleader(&["check", "m.yaml"], &dir);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL  page limit") && out.contains("not filing-ready"), "{out}");
    assert!(!dir.join("output").exists(), "check writes no PDF");
}

#[test]
fn clauses_are_listed_and_linted() {
    let (code, out, _) = pleader(&["clauses"], &root());
    assert_eq!(code, 0);
    for id in ["introduction", "evidentiary-basis", "balance-of-harms", "conclusion"] {
        assert!(out.contains(&format!("{id}  (clauses/{id}.tera)")), "{id}");
    }
    assert!(out.contains("option relief"), "options are listed");
    let (code, out, err) = pleader(&["clauses", "--lint"], &root());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(" 0 errors"), "{out}");

    // A broken clause is reported with its file and line.
    let dir = temp_dir("wf-lint");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    std::fs::create_dir_all(dir.join("matters")).unwrap();
    std::fs::copy(root().join("matters/leifer-v-twitter.yaml"), dir.join("matters/leifer-v-twitter.yaml")).unwrap();
    std::fs::copy(root().join("matters/harlow-v-threadline.yaml"), dir.join("matters/harlow-v-threadline.yaml"))
        .unwrap();
    let intro = std::fs::read_to_string(root().join("clauses/introduction.tera")).unwrap();
    let broken = intro.replacen("{{ ", "{{ facts.no_such_fact }} {{ ", 1);
    std::fs::write(dir.join("clauses/introduction.tera"), broken).unwrap();
    let (code, out, err) = pleader(&["clauses", "--lint", "--diagnostic-format", "short"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("clauses/introduction.tera:") && err.contains("facts.no_such_fact"), "{err}");
}

#[test]
fn authorities_are_listed_and_searched() {
    let (code, out, _) = pleader(&["authorities", "highfields"], &root());
    assert_eq!(code, 0);
    assert!(out.contains("full:  Highfields Cap. Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005)"), "{out}");
    assert!(out.contains("short: Highfields, 385 F. Supp. 2d 969"));
    let (code, out, _) = pleader(&["authorities"], &root());
    assert_eq!(code, 0);
    assert!(out.matches("  full:").count() >= 45);
    let (code, _, err) = pleader(&["authorities", "no such authority anywhere"], &root());
    assert_eq!(code, 1);
    assert!(err.contains("no authority matches"));
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["build", "check", "watch", "new", "clauses", "authorities", "citecheck"] {
        let (code, out, _) = pleader(&[cmd, "--help"], &root());
        assert_eq!(code, 0);
        assert!(out.contains("Example"), "{cmd}: {out}");
    }
}

#[test]
fn watch_rebuilds_on_change_and_keeps_the_last_good_pdf() {
    let dir = temp_dir("wf-watch");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    for e in std::fs::read_dir(fixture("engine").join("clauses")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("clauses").join(e.file_name())).unwrap();
    }
    let matter = std::fs::read_to_string(fixture("engine").join("matter.yaml")).unwrap();
    std::fs::write(dir.join("m.yaml"), &matter).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(["watch", "m.yaml", "-o", "out.pdf", "--max-builds", "4", "--diagnostic-format", "short"])
        .current_dir(&dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let wait_for = |what: &str| -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        let mut seen = String::new();
        while std::time::Instant::now() < deadline {
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
                seen.push_str(&line);
                seen.push('\n');
                if line.contains(what) {
                    return seen;
                }
            }
        }
        panic!("timed out waiting for {what:?}; saw:\n{seen}");
    };
    wait_for("watching");
    let first = std::fs::read(dir.join("out.pdf")).unwrap();
    // A fact changes: rebuilt, and the PDF changes.
    let edited = matter.replace("The subpoena reaches", "The subpoena would reach");
    assert_ne!(edited, matter);
    std::fs::write(dir.join("m.yaml"), &edited).unwrap();
    let seen = wait_for("rebuilt");
    assert!(seen.contains(" ms "), "prints the rebuild time: {seen}");
    let second = std::fs::read(dir.join("out.pdf")).unwrap();
    assert!(first != second, "the PDF did not change");
    // A clause changes: rebuilt too.
    let clause = dir.join("clauses/fx-parent.tera");
    let text = std::fs::read_to_string(&clause).unwrap();
    std::fs::write(&clause, text.replace("cannot meet", "does not meet")).unwrap();
    wait_for("rebuilt");
    let third = std::fs::read(dir.join("out.pdf")).unwrap();
    // The rebuild after the matter's edit reused the library files it had read; the clause's edit
    // is read all the same.
    assert!(third != second, "the clause's edit did not reach the PDF");
    // A broken matter: the diagnostic is printed, the last good PDF stays.
    std::fs::write(dir.join("m.yaml"), edited.replace("court: nd-cal", "court: [nd-cal")).unwrap();
    let seen = wait_for("last good PDF is unchanged");
    assert!(seen.contains("m.yaml:"), "{seen}");
    assert!(std::fs::read(dir.join("out.pdf")).unwrap() == third, "the last good PDF changed");
    let status = child.wait().unwrap();
    assert!(status.success());
}

/// A `pleader watch` of a copy of the engine fixture, with its stderr lines on a channel.
struct Watch {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
    dir: std::path::PathBuf,
}

impl Watch {
    fn start(name: &str) -> Watch {
        let dir = temp_dir(name);
        std::fs::create_dir_all(dir.join("clauses")).unwrap();
        for e in std::fs::read_dir(fixture("engine").join("clauses")).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), dir.join("clauses").join(e.file_name())).unwrap();
        }
        std::fs::copy(fixture("engine").join("matter.yaml"), dir.join("m.yaml")).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_pleader"))
            .args(["watch", "m.yaml", "-o", "out.pdf"])
            .current_dir(&dir)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let watch = Watch { child, lines, dir };
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while std::time::Instant::now() < deadline {
            if watch.lines.recv_timeout(Duration::from_millis(200)).is_ok_and(|l| l.starts_with("watching")) {
                return watch;
            }
        }
        panic!("pleader watch did not start");
    }

    /// The rebuilds reported during the next `window`.
    fn rebuilds_within(&self, window: Duration) -> Vec<String> {
        let end = std::time::Instant::now() + window;
        let mut seen = vec![];
        while let Some(left) = end.checked_duration_since(std::time::Instant::now()) {
            if let Ok(line) = self.lines.recv_timeout(left) {
                seen.push(line);
            }
        }
        seen.into_iter().filter(|l| l.starts_with("rebuilt") || l.contains("build failed")).collect()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_rebuilds_once_per_edit_and_never_on_reads() {
    let watch = Watch::start("wf-watch-count");
    let dir = watch.dir.clone();
    let files: Vec<std::path::PathBuf> = std::iter::once(dir.join("m.yaml"))
        .chain(std::fs::read_dir(dir.join("clauses")).unwrap().map(|e| e.unwrap().path()))
        .collect();
    // Reading every file the build reads, as `cat` does: no rebuild.
    for f in &files {
        std::fs::read(f).unwrap();
    }
    assert_eq!(watch.rebuilds_within(Duration::from_millis(1500)), Vec::<String>::new(), "reading started a build");
    // One edit: exactly one rebuild within 2 s, and none after it (its own reads start nothing).
    let matter = std::fs::read_to_string(dir.join("m.yaml")).unwrap();
    std::fs::write(dir.join("m.yaml"), matter.replace("The subpoena reaches", "The subpoena would reach")).unwrap();
    let rebuilt = watch.rebuilds_within(Duration::from_secs(2));
    assert_eq!(rebuilt.len(), 1, "{rebuilt:?}");
    assert_eq!(watch.rebuilds_within(Duration::from_secs(1)), Vec::<String>::new(), "the rebuild started another");
    // Saving a file unchanged (an editor's save, a touch) is not a change.
    let clause = dir.join("clauses/fx-parent.tera");
    let text = std::fs::read(&clause).unwrap();
    std::fs::write(&clause, &text).unwrap();
    assert_eq!(watch.rebuilds_within(Duration::from_millis(1500)), Vec::<String>::new(), "an unchanged save");
    // A library file that appears is a change.
    std::fs::write(dir.join("clauses/fx-new.tera"), "---\nheading: New\n---\nNew.\n").unwrap();
    assert_eq!(watch.rebuilds_within(Duration::from_secs(2)).len(), 1);
}

/// A state court's template carries no federal example values (a new user's Virginia matter found
/// a federal docket number, the judge's initials, "Dkt." record numbers and a District of Oregon
/// action in it), and states the first page's action dates where the court prints them.
#[test]
fn new_in_a_state_court_writes_no_federal_examples() {
    let dir = temp_dir("wf-new-state");
    let (code, out, err) = pleader(&["new", "ferreira", "--court", "ca-superior"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(dir.join("ferreira/matter.yaml")).unwrap();
    for federal in ["3:24-mc-80477", ", Dkt. 1", "District of Oregon\n", "Magistrate Judge"] {
        let live: Vec<&str> =
            text.lines().filter(|l| !l.trim_start().starts_with('#') && l.contains(federal.trim_end())).collect();
        assert!(live.is_empty(), "{federal}: {live:?}");
    }
    assert!(!text.contains("\n  judge_initials: "), "judge_initials is commented out");
    assert!(text.contains("\n  filed: 2024-05-01\n  trial: none\n"), "{text}");
    // The federal template keeps its own values.
    let (code, _, _) = pleader(&["new", "fed"], &dir);
    assert_eq!(code, 0);
    let fed = std::fs::read_to_string(dir.join("fed/matter.yaml")).unwrap();
    assert!(
        fed.contains("  number: 3:24-mc-80477") && fed.contains("Dkt. 1-3") && fed.contains("  # filed: 2024-05-01")
    );
}
