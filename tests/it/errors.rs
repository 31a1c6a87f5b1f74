//! Every bad input a lawyer can produce, one test per fixture. A fixture,
//! `errors/cases/<name>.yaml`, holds only its difference from the base project `errors/_base/`:
//! `edit` (find-and-replace edits, each `find` occurring exactly once; `{byte:ff}` in the
//! replacement writes a raw byte), `files` (new files), `outside` (files written to a folder next
//! to the project, `<dir>-outside`), `links` (symbolic links, each path → its target, where
//! `{outside}` is that folder) and optionally `args` (the command line; default `build
//! matter.yaml -o out/brief.pdf`). For each case the binary runs in a copy of the
//! base project after a good build; the test snapshots the exit code and both diagnostic formats,
//! and checks that nothing panicked and the previous PDF is untouched.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default)]
    args: Option<String>,
    #[serde(default)]
    edit: Vec<Edit>,
    #[serde(default)]
    files: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    outside: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    links: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    with: String,
}

fn errors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/errors")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn run(dir: &Path, args: &[String]) -> (i32, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_pleader")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&dir.display().to_string(), "<dir>");
    (out.status.code().unwrap_or(-1), stderr)
}

/// The bytes of a replacement: `{byte:xx}` is the raw byte 0xXX, everything else UTF-8.
fn replacement_bytes(s: &str) -> Vec<u8> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(i) = rest.find("{byte:") {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        let hex = &rest[i + 6..i + 8];
        out.push(u8::from_str_radix(hex, 16).expect("{byte:xx} takes two hex digits"));
        rest = &rest[i + 9..];
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

/// Applies a case's edits and new files to a copy of the base project.
fn apply(name: &str, case: &Case, dir: &Path) {
    for e in &case.edit {
        let path = dir.join(&e.file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{name}: no base file {}", e.file));
        assert_eq!(
            text.matches(&e.find).count(),
            1,
            "{name}: `find` must occur exactly once in {}: {:?}",
            e.file,
            e.find
        );
        let at = text.find(&e.find).unwrap();
        let mut bytes = text.as_bytes()[..at].to_vec();
        bytes.extend(replacement_bytes(&e.with));
        bytes.extend_from_slice(&text.as_bytes()[at + e.find.len()..]);
        std::fs::write(&path, bytes).unwrap();
    }
    for (rel, text) in &case.files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let outside = outside_dir(dir);
    for (rel, text) in &case.outside {
        let path = outside.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    for (rel, target) in &case.links {
        let path = dir.join(rel);
        let target = target.replace("{outside}", &outside.display().to_string());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&path);
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, &path).unwrap();
        #[cfg(not(unix))]
        panic!("{name}: symbolic links are created on Unix only ({target})");
    }
}

/// The folder beside a case's project for files outside it.
fn outside_dir(dir: &Path) -> PathBuf {
    PathBuf::from(format!("{}-outside", dir.display()))
}

fn check_case(name: &str) {
    let file = errors_dir().join("cases").join(format!("{name}.yaml"));
    let case: Case = serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let dir = std::env::temp_dir().join(format!("pleader-errors-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(outside_dir(&dir));
    copy_dir(&errors_dir().join("_base"), &dir);
    // The last good PDF, built from the base project.
    let (code, err) = run(&dir, &["build".into(), "matter.yaml".into(), "-o".into(), "out/brief.pdf".into()]);
    assert_eq!(code, 0, "{name}: base build failed: {err}");
    let good = std::fs::read(dir.join("out/brief.pdf")).unwrap();
    apply(name, &case, &dir);
    let args: Vec<String> = match &case.args {
        Some(a) => a.split_whitespace().map(String::from).collect(),
        None => vec!["build".into(), "matter.yaml".into(), "-o".into(), "out/brief.pdf".into()],
    };
    let (code, human) = run(&dir, &args);
    let mut short_args = args.clone();
    short_args.extend(["--diagnostic-format".to_string(), "short".to_string()]);
    let (code2, short) = run(&dir, &short_args);
    assert_eq!(code, code2, "{name}");
    assert!(code == 1 || code == 2, "{name}: exit code {code}\n{human}");
    assert!(!human.contains("panicked"), "{name} panicked:\n{human}");
    assert!(human.contains("error"), "{name}: no error printed");
    assert_eq!(std::fs::read(dir.join("out/brief.pdf")).unwrap(), good, "{name}: the previous PDF changed");
    insta::assert_snapshot!(
        name.to_string(),
        format!("exit code: {code}\n\n--- short ---\n{short}\n--- human ---\n{human}")
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(outside_dir(&dir));
}

macro_rules! cases {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check_case($name);
            }
        )*
        const CASES: &[&str] = &[$($name),*];
    };
}

cases! {
    bad_override => "bad-override",
    clause_header => "clause-header",
    include_cycle => "include-cycle",
    macro_recursion => "macro-recursion",
    missing_fact => "missing-fact",
    missing_field => "missing-field",
    missing_file => "missing-file",
    mistyped_field => "mistyped-field",
    non_utf8 => "non-utf8",
    sandbox_package => "sandbox-package",
    sandbox_read => "sandbox-read",
    sandbox_symlink_file => "sandbox-symlink-file",
    sandbox_symlink_folder => "sandbox-symlink-folder",
    tera_filter => "tera-filter",
    tera_syntax => "tera-syntax",
    tera_undefined => "tera-undefined",
    typst_error => "typst-error",
    unknown_authority => "unknown-authority",
    unknown_clause => "unknown-clause",
    unknown_court => "unknown-court",
    unknown_field => "unknown-field",
    unknown_nested_field => "unknown-nested-field",
    unknown_option => "unknown-option",
    unknown_value => "unknown-value",
    unwritable_output => "unwritable-output",
    yaml_malformed => "yaml-malformed",
}

#[test]
fn every_fixture_is_a_test_case() {
    let mut found: Vec<String> = std::fs::read_dir(errors_dir().join("cases"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_string_lossy().strip_suffix(".yaml").map(String::from))
        .collect();
    found.sort();
    let mut listed: Vec<String> = CASES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed, "add each fixture under errors/cases/ to the `cases!` list");
}
