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
