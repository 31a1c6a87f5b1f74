//! Every bad input a lawyer can produce, as a fixture under tests/errors/<case>/ (files that
//! replace those of tests/errors/_base/, and optionally an `args` file). For each case the binary
//! runs in a copy of the project after a good build; the test snapshots the exit code and both
//! diagnostic formats, and checks that nothing panicked and the previous PDF is untouched.

use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else if e.file_name() != "args" {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn run(dir: &Path, args: &[String]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&dir.display().to_string(), "<dir>");
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn every_bad_input_has_a_located_diagnostic() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/errors");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20);
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let dir = std::env::temp_dir().join(format!("pleader-errors-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&root.join("_base"), &dir);
        // The last good PDF, built from the base project.
        let (code, err) = run(&dir, &["build".into(), "matter.yaml".into(), "-o".into(), "out/brief.pdf".into()]);
        assert_eq!(code, 0, "{name}: base build failed: {err}");
        let good = std::fs::read(dir.join("out/brief.pdf")).unwrap();
        copy_dir(&case, &dir);
        let args: Vec<String> = match std::fs::read_to_string(case.join("args")) {
            Ok(a) => a.split_whitespace().map(String::from).collect(),
            Err(_) => vec!["build".into(), "matter.yaml".into(), "-o".into(), "out/brief.pdf".into()],
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
        insta::assert_snapshot!(name.clone(), format!("exit code: {code}\n\n--- short ---\n{short}\n--- human ---\n{human}"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
