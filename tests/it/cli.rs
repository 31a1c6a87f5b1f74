//! The `pleader` binary: default output path, exit codes, and that a failed build leaves the last
//! good PDF untouched.

use std::path::Path;
use std::process::Command;

use crate::common::*;

fn pleader(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pleader")).args(args).current_dir(cwd).output().unwrap()
}

#[test]
fn build_writes_output_named_after_the_matter() {
    let dir = temp_dir("cli-default");
    let matter = fixture("engine").join("matter.yaml");
    let out = pleader(&["build", matter.to_str().unwrap()], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(dir.join("output/matter.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let typst_dir = dir.join("typst");
    let out = pleader(
        &["build", matter.to_str().unwrap(), "-o", "x/brief.pdf", "--emit-typst", typst_dir.to_str().unwrap()],
        &dir,
    );
    assert!(out.status.success());
    assert!(dir.join("x/brief.pdf").exists());
    assert!(typst_dir.join("main.typ").exists());
    assert!(typst_dir.join("clauses/01-fx-opening.typ").exists());
}

#[test]
fn a_failed_build_keeps_the_last_good_pdf() {
    let dir = temp_dir("cli-keep");
    // A project of its own: the fixture's clauses and a matter we can break.
    let src = fixture("engine");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    for e in std::fs::read_dir(src.join("clauses")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("clauses").join(e.file_name())).unwrap();
    }
    let good = std::fs::read_to_string(src.join("matter.yaml")).unwrap();
    std::fs::write(dir.join("m.yaml"), &good).unwrap();
    let out = pleader(&["build", "m.yaml", "-o", "brief.pdf"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let before = std::fs::read(dir.join("brief.pdf")).unwrap();

    // A citation of an unknown authority: exit 1, the error names the clause file and line.
    let clause = dir.join("clauses/fx-parent.tera");
    let text = std::fs::read_to_string(&clause).unwrap();
    std::fs::write(&clause, text.replace("tests that might apply.", "tests that might apply. [@no-such-case at 3]."))
        .unwrap();
    let out = pleader(&["build", "m.yaml", "-o", "brief.pdf", "--diagnostic-format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("clauses/fx-parent.tera:5:"), "{err}");
    assert!(err.contains("`no-such-case` is not in the authority bank"), "{err}");
    assert_eq!(std::fs::read(dir.join("brief.pdf")).unwrap(), before, "previous PDF changed");
    std::fs::write(&clause, text).unwrap();

    // Malformed YAML: exit 1, line and column.
    std::fs::write(dir.join("m.yaml"), good.replace("court: nd-cal", "court: [nd-cal")).unwrap();
    let out = pleader(&["build", "m.yaml", "-o", "brief.pdf", "--diagnostic-format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("m.yaml:"));
    assert_eq!(std::fs::read(dir.join("brief.pdf")).unwrap(), before);
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().to_string_lossy().to_string();
            n.ends_with(".tmp").then_some(n)
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn usage_and_io_problems_exit_2() {
    let dir = temp_dir("cli-usage");
    let out = pleader(&["build"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let out = pleader(&["build", "missing.yaml"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`missing.yaml` does not exist"));
    // An output path that cannot be written.
    let matter = fixture("engine").join("matter.yaml");
    std::fs::write(dir.join("file"), "x").unwrap();
    let out = pleader(&["build", matter.to_str().unwrap(), "-o", "file/brief.pdf"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A brief dated more than seven days after today is a warning at `document.date`; today is
/// `PLEADER_TODAY` (the system clock's date when unset), and the PDF is the same whatever it is.
#[test]
fn a_brief_dated_ahead_of_today_warns_and_today_never_changes_the_pdf() {
    let dir = temp_dir("cli-today");
    let matter = fixture("engine").join("matter.yaml");
    let m = matter.to_str().unwrap();
    let with_today = |today: &str, out: &str| {
        Command::new(env!("CARGO_BIN_EXE_pleader"))
            .args(["build", m, "-o", out, "--diagnostic-format", "short"])
            .current_dir(&dir)
            .env("PLEADER_TODAY", today)
            .output()
            .unwrap()
    };
    // The fixture's brief is dated 2024-03-05: seven days ahead of today is no warning, eight is.
    let on_time = with_today("2024-02-27", "a.pdf");
    assert!(on_time.status.success());
    assert!(!String::from_utf8_lossy(&on_time.stderr).contains("warning"), "{on_time:?}");
    let ahead = with_today("2024-02-26", "b.pdf");
    assert!(ahead.status.success());
    let err = String::from_utf8_lossy(&ahead.stderr);
    assert!(
        err.contains(
            "matter.yaml:11:3: warning: the brief is dated March 5, 2024, 8 days after today (February 26, 2024)"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(dir.join("a.pdf")).unwrap(), std::fs::read(dir.join("b.pdf")).unwrap());
    // A `PLEADER_TODAY` that is not a date is a usage error, before anything is built.
    let bad = with_today("26 Feb 2024", "c.pdf");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("PLEADER_TODAY: `26 Feb 2024` is not a date"), "{bad:?}");
    assert!(!dir.join("c.pdf").exists());
}

/// Output piped into a reader that stops early (`pleader authorities | head -1`) ends pleader
/// quietly, with no panic (audit of session 16: "failed printing to stdout: Broken pipe").
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_listing_without_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pleader"))
        .arg("authorities")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reading end is closed here, as `head` closes it, while pleader still has lines to print.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!first.is_empty());
}
