//! The slower safety tests (issue 20), in their own target so `cargo test --release` runs them
//! apart from `it`: parallel writers of one bank file, and input large enough that quadratic
//! work would not finish (these assert results, not times).

use std::path::PathBuf;
use std::process::Command;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pleader-res-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn five_parallel_writers_of_the_bank_all_land_with_the_files_line_endings_and_comments() {
    let dir = temp_dir("writers");
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    let head = "# Our cases (CRLF, as the firm's editor saves them)\r\n";
    std::fs::write(dir.join("authorities/added.yaml"), head).unwrap();
    let children: Vec<_> = (0..5)
        .map(|i| {
            let root = dir.clone();
            std::thread::spawn(move || {
                Command::new(env!("CARGO_BIN_EXE_pleader"))
                    .args([
                        "authorities",
                        "add",
                        "--write",
                        "--id",
                        &format!("writer-{i}"),
                        "--root",
                        root.to_str().unwrap(),
                        &format!("Parallel v. Writer{i}, 10{i} F. Supp. 3d 2{i}0 (N.D. Cal. 2015)"),
                    ])
                    .output()
            })
        })
        .collect();
    for c in children {
        let out = c.join().unwrap().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let text = std::fs::read_to_string(dir.join("authorities/added.yaml")).unwrap();
    for i in 0..5 {
        assert!(text.contains(&format!("writer-{i}:")), "writer-{i} lost:\n{text}");
    }
    assert!(text.starts_with(head), "the comment was lost:\n{text}");
    assert!(!text.replace("\r\n", "").contains('\n'), "an LF line in a CRLF file:\n{text:?}");
}

#[test]
fn many_record_entries_and_keys_are_checked_in_one_pass() {
    // 430,000 distinct keys and one written twice: the duplicate is found (the pairwise check
    // did not finish in 600 s).
    let mut text = String::from("record:\n");
    for i in 0..430_000 {
        text.push_str(&format!("  r{i}: {{full: Doc {i}, short: D{i}}}\n"));
    }
    text.push_str("  r17: {full: again, short: again}\n");
    let src = pleader::diag::SourceText::new("big.yaml", text);
    let err = pleader::yaml::from_str::<serde_yaml::Value>(&src).unwrap_err();
    assert_eq!(err.len(), 1, "{}", pleader::diag::render(&err, pleader::diag::Format::Short));
    assert!(err[0].message.contains("`r17` is written twice"), "{}", err[0].message);
}

/// A project of its own (the engine fixture) whose `fx-child` clause ends with `extra`.
fn project_with(name: &str, extra: &str) -> PathBuf {
    let dir = temp_dir(name);
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    for e in std::fs::read_dir(src.join("clauses")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("clauses").join(e.file_name())).unwrap();
    }
    std::fs::copy(src.join("matter.yaml"), dir.join("m.yaml")).unwrap();
    let clause = dir.join("clauses/fx-child.tera");
    let text = std::fs::read_to_string(&clause).unwrap();
    std::fs::write(&clause, format!("{text}\n{extra}\n")).unwrap();
    dir
}

fn check(dir: &std::path::Path, limits: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(["check", "m.yaml", "--diagnostic-format", "short"])
        .args(limits)
        .current_dir(dir)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn nested_loops_in_a_clause_stop_at_the_time_limit_with_an_error_naming_the_clause() {
    // 10^12 iterations: without the bound this runs for days.
    let loops = "{% for a in range(end=10000) %}{% for b in range(end=10000) %}{% for c in range(end=10000) %}\
                 {% endfor %}{% endfor %}{% endfor %}";
    let dir = project_with("time-tera", loops);
    let (code, err) = check(&dir, &["--time-limit", "2"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("clauses/fx-child.tera: error: evaluating this clause took longer than 2 s"), "{err}");
    assert!(err.contains("--time-limit"), "{err}");
}

#[test]
fn a_string_doubled_in_a_clause_stops_at_the_memory_limit_with_an_error_naming_the_clause() {
    // 2^63 bytes: without the bound this fills memory and aborts.
    let doubling = "{% set_global s = \"xxxxxxxx\" %}{% for i in range(end=60) %}{% set_global s = s ~ s %}\
                    {% endfor %}{{ s | length }}";
    let dir = project_with("memory-tera", doubling);
    let (code, err) = check(&dir, &["--memory-limit", "100"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("clauses/fx-child.tera: error: evaluating this clause used more than 100 MB"), "{err}");
    assert!(err.contains("--memory-limit"), "{err}");
}

#[test]
fn an_unmemoisable_typst_recursion_stops_at_the_time_limit_naming_the_projects_own_files() {
    // 2^40 calls with distinct arguments, so Typst's memoization cannot help.
    let recursion = "#let f(n, k) = if n == 0 { 1 } else { f(n - 1, k * 2) + f(n - 1, k * 2 + 1) }\n#f(40, 1)";
    let dir = project_with("time-typst", recursion);
    let (code, err) = check(&dir, &["--time-limit", "2"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("error: typesetting took longer than 2 s"), "{err}");
    assert!(err.contains("clauses/fx-child.tera"), "the clause holding the Typst code is named: {err}");
}

#[test]
fn two_hundred_thousand_nesting_levels_are_refused_at_the_bracket() {
    let dir = project_with("nesting", "");
    let text = std::fs::read_to_string(dir.join("m.yaml")).unwrap();
    let lines = text.lines().count();
    let deep = format!("{text}deep: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
    std::fs::write(dir.join("m.yaml"), deep).unwrap();
    let (code, err) = check(&dir, &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&format!("m.yaml:{}:135: error: YAML nested more than 128 levels", lines + 1)), "{err}");
}

#[test]
fn a_loop_in_a_projects_template_stops_at_the_time_limit_naming_the_template() {
    let dir = project_with("time-template", "");
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    let paper = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/paper.typ")).unwrap();
    // Nested loops with distinct work in each pass: 10^12 iterations.
    let loops = "\n#let spin() = { let n = 0; for a in range(10000) { for b in range(10000) { for c in range(10000) { n += a + b + c } } }; n }\n#let _ = spin()\n";
    std::fs::write(dir.join("templates/paper.typ"), format!("{paper}{loops}")).unwrap();
    let (code, err) = check(&dir, &["--time-limit", "2"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("templates/paper.typ: error: typesetting took longer than 2 s"), "{err}");
}
