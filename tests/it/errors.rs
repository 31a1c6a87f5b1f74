//! Every bad input a lawyer can produce, one test per fixture. A fixture,
//! `errors/cases/<name>.yaml`, holds only its difference from a base project — `errors/_base/`
//! (its own small clauses), or with `base: library` `errors/_library/` (a matter on the built-in
//! clauses): `edit` (find-and-replace edits, each `find` occurring exactly once; `{byte:ff}` in the
//! replacement writes a raw byte), `files` (new files), `outside` (files written to a folder next
//! to the project, `<dir>-outside`), `links` (symbolic links, each path → its target, where
//! `{outside}` is that folder) and optionally `args` (the command line; default `build
//! matter.yaml -o out/brief.pdf`). For each case the binary runs in a copy of the base project
//! after a good build; the test snapshots the exit code, the output and both diagnostic formats,
//! and checks that nothing panicked. A case fails the command (exit 1 or 2) and leaves the
//! previous PDF untouched, unless it says `exit: 0` — a warning that does not stop the build,
//! which must then be printed. Every case runs with `PLEADER_TODAY` set to [`TODAY`], so that no
//! output depends on the day the tests run.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    exit: Option<i32>,
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

/// The day the cases run on, as far as pleader knows: the `_library` base's brief date (the
/// `_base` brief is dated a few days earlier).
const TODAY: &str = "2024-06-14";

fn run(dir: &Path, args: &[String]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pleader"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PLEADER_TODAY", TODAY)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // `check` reports the court's rules on standard output; everything else is diagnostics.
    let text = if stdout.trim().is_empty() { stderr.to_string() } else { format!("{stderr}{stdout}") };
    (out.status.code().unwrap_or(-1), text.replace(&dir.display().to_string(), "<dir>"))
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
    let base = match case.base.as_deref() {
        None | Some("base") => "_base",
        Some("library") => "_library",
        Some(other) => panic!("{name}: unknown base `{other}`"),
    };
    copy_dir(&errors_dir().join(base), &dir);
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
    assert!(!human.contains("panicked"), "{name} panicked:\n{human}");
    match case.exit {
        Some(0) => {
            assert_eq!(code, 0, "{name}: expected the build to go on\n{human}");
            assert!(human.contains("warning"), "{name}: no warning printed");
        }
        _ => {
            assert!(code == 1 || code == 2, "{name}: exit code {code}\n{human}");
            assert!(human.contains("error") || human.contains("FAIL"), "{name}: no error printed");
            assert_eq!(std::fs::read(dir.join("out/brief.pdf")).unwrap(), good, "{name}: the previous PDF changed");
        }
    }
    insta::assert_snapshot!(
        name.to_string(),
        format!("exit code: {code}\n\n--- short ---\n{}\n--- human ---\n{}", steady(&short), steady(&human))
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(outside_dir(&dir));
}

/// The output without what varies from run to run: build times ("in 182 ms" → "in N ms") and the
/// progress line printed only when a build is slow.
fn steady(output: &str) -> String {
    let mut out = String::new();
    for line in output.lines().filter(|l| !l.starts_with("pleader: building") && !l.starts_with("pleader: checking")) {
        let mut line = line.to_string();
        if let Some(at) = line.rfind(" in ") {
            let rest = &line[at + 4..];
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && rest[digits..].starts_with(" ms") {
                line = format!("{} in N ms{}", &line[..at], &rest[digits + 3..]);
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
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
    account_plural_unformed => "account-plural-unformed",
    account_verb_plural_unformed => "account-verb-plural-unformed",
    argument_kind_unknown => "argument-kind-unknown",
    argument_unanswered => "argument-unanswered",
    bad_override => "bad-override",
    claim_extension_duplicate => "claim-extension-duplicate",
    claim_natural_persons_only => "claim-natural-persons-only",
    deadline_date_without_cite => "deadline-date-without-cite",
    paragraph_without_text => "paragraph-without-text",
    standard_unknown => "standard-unknown",
    bank_duplicate_key => "bank-duplicate-key",
    boolean_as_word => "boolean-as-word",
    caption_in_re_without_text => "caption-in-re-without-text",
    claim_none_argued => "claim-none-argued",
    claim_without_argued => "claim-without-argued",
    clause_header => "clause-header",
    clause_header_duplicate_key => "clause-header-duplicate-key",
    count_zero => "count-zero",
    county_unknown => "county-unknown",
    court_requires_hearing => "court-requires-hearing",
    division_unknown => "division-unknown",
    document_date_malformed => "document-date-malformed",
    document_dated_ahead => "document-dated-ahead",
    evidence_missing_nothing_argued => "evidence-missing-nothing-argued",
    evidence_part_for_unlisted_statement => "evidence-part-for-unlisted-statement",
    fact_authority_unknown => "fact-authority-unknown",
    fact_date_malformed => "fact-date-malformed",
    fact_empty_text => "fact-empty-text",
    fact_list_as_value => "fact-list-as-value",
    fact_list_item_misspelt => "fact-list-item-misspelt",
    fact_nested_misspelt => "fact-nested-misspelt",
    fact_not_read => "fact-not-read",
    fact_objection_federal_only => "fact-objection-federal-only",
    fact_objection_unknown => "fact-objection-unknown",
    fact_one_of_unknown => "fact-one-of-unknown",
    fact_optional_misspelt => "fact-optional-misspelt",
    fact_required_missing => "fact-required-missing",
    fact_state_abbreviation => "fact-state-abbreviation",
    footer_title_too_long => "footer-title-too-long",
    hearing_before_date => "hearing-before-date",
    record_filed_blank => "record-filed-blank",
    served_blank => "served-blank",
    include_cycle => "include-cycle",
    list_item_wrong_type => "list-item-wrong-type",
    macro_recursion => "macro-recursion",
    missing_fact => "missing-fact",
    missing_field => "missing-field",
    missing_file => "missing-file",
    mistyped_field => "mistyped-field",
    motion_after_date => "motion-after-date",
    motion_delay_and_dates => "motion-delay-and-dates",
    motion_delay_missing => "motion-delay-missing",
    non_utf8 => "non-utf8",
    number_as_word => "number-as-word",
    number_negative => "number-negative",
    option_gated_fact_missing => "option-gated-fact-missing",
    option_value_misspelt => "option-value-misspelt",
    option_wrong_type => "option-wrong-type",
    outline_clause_twice => "outline-clause-twice",
    party_name_duplicate => "party-name-duplicate",
    party_short_duplicate => "party-short-duplicate",
    record_cite_as_text => "record-cite-as-text",
    record_cite_unknown_field => "record-cite-unknown-field",
    record_undeclared => "record-undeclared",
    sandbox_package => "sandbox-package",
    sandbox_read => "sandbox-read",
    sandbox_symlink_file => "sandbox-symlink-file",
    sandbox_symlink_folder => "sandbox-symlink-folder",
    statement_opinion_as_word => "statement-opinion-as-word",
    tera_filter => "tera-filter",
    tera_syntax => "tera-syntax",
    tera_undefined => "tera-undefined",
    timeline_out_of_order => "timeline-out-of-order",
    typst_error => "typst-error",
    unknown_authority => "unknown-authority",
    unknown_clause => "unknown-clause",
    unknown_court => "unknown-court",
    unknown_field => "unknown-field",
    unknown_nested_field => "unknown-nested-field",
    unknown_option => "unknown-option",
    unknown_value => "unknown-value",
    unwritable_output => "unwritable-output",
    yaml_duplicate_key => "yaml-duplicate-key",
    yaml_hashtag_comment => "yaml-hashtag-comment",
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
