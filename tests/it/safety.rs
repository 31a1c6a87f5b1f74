//! Nothing lost, nothing silent (issue 20): an output never replaces a file the command reads or a
//! special file, keeps the mode of the file it replaces, writes through links and cleans the
//! temporaries of killed writes; mis-typed enumerated values, YAML aliases and the project folder.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn pleader(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pleader")).args(args).current_dir(cwd).output().unwrap()
}

/// A project of its own (the engine fixture's clauses) with its matter at `m.yaml`.
fn project(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let src = fixture("engine");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    for e in std::fs::read_dir(src.join("clauses")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("clauses").join(e.file_name())).unwrap();
    }
    std::fs::copy(src.join("matter.yaml"), dir.join("m.yaml")).unwrap();
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_output_onto_a_file_the_command_reads_is_refused() {
    let dir = project("safety-clobber");
    let matter = std::fs::read(dir.join("m.yaml")).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::hard_link(dir.join("m.yaml"), dir.join("hard.yaml")).unwrap();
    let clause = std::fs::read_dir(dir.join("clauses")).unwrap().next().unwrap().unwrap().path();
    let clause_text = std::fs::read(&clause).unwrap();
    let clause_arg = clause.to_str().unwrap().to_string();
    for args in [
        vec!["build", "m.yaml", "-o", "m.yaml"],
        vec!["build", "m.yaml", "-o", "sub/../m.yaml"],
        vec!["build", "m.yaml", "-o", "hard.yaml"],
        vec!["build", "m.yaml", "-o", &clause_arg],
        vec!["citecheck", "m.yaml", "-o", "m.yaml"],
    ] {
        let out = pleader(&args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("a file this command reads"), "{args:?}: {}", stderr(&out));
        assert_eq!(std::fs::read(dir.join("m.yaml")).unwrap(), matter, "{args:?} changed the matter");
        assert_eq!(std::fs::read(&clause).unwrap(), clause_text, "{args:?} changed a clause");
    }
}

#[test]
fn an_output_onto_a_device_or_fifo_is_refused_and_a_link_is_written_through() {
    let dir = project("safety-special");
    let out = pleader(&["build", "m.yaml", "-o", "/dev/null"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("device, FIFO or socket"), "{}", stderr(&out));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());

    let fifo = dir.join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = pleader(&["citecheck", "m.yaml", "-o", "pipe"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());

    // A link: its target gets the PDF, the link stays a link.
    std::fs::write(dir.join("target.pdf"), b"old").unwrap();
    std::os::unix::fs::symlink("target.pdf", dir.join("link.pdf")).unwrap();
    let out = pleader(&["build", "m.yaml", "-o", "link.pdf"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(dir.join("link.pdf")).unwrap().file_type().is_symlink());
    assert!(std::fs::read(dir.join("target.pdf")).unwrap().starts_with(b"%PDF-"));
    // A dangling link is refused and stays.
    std::os::unix::fs::symlink("nowhere/x.pdf", dir.join("dangling.pdf")).unwrap();
    let out = pleader(&["build", "m.yaml", "-o", "dangling.pdf"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(dir.join("dangling.pdf")).unwrap().file_type().is_symlink());
}

#[test]
fn a_rebuilt_file_keeps_its_mode_and_stale_temporaries_are_cleaned() {
    let dir = project("safety-mode");
    std::fs::write(dir.join("b.pdf"), b"old").unwrap();
    std::fs::set_permissions(dir.join("b.pdf"), std::fs::Permissions::from_mode(0o600)).unwrap();
    // Left by a killed write (no such process), and by a running one (this test).
    let stale = dir.join(".b.pdf.2147483000.tmp");
    let live = dir.join(format!(".b.pdf.{}.tmp", std::process::id()));
    std::fs::write(&stale, b"partial").unwrap();
    std::fs::write(&live, b"in progress").unwrap();
    let out = pleader(&["build", "m.yaml", "-o", "b.pdf"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(dir.join("b.pdf")).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read(dir.join("b.pdf")).unwrap().starts_with(b"%PDF-"));
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert!(live.exists(), "a running writer's temporary file was removed");
}

#[test]
fn a_mistyped_document_type_is_an_error_at_it_never_a_brief_without_limits() {
    let dir = project("safety-doctype");
    let text = std::fs::read_to_string(dir.join("m.yaml")).unwrap();
    assert!(text.contains("  type: opposition\n"));
    for bad in ["Opposition", "oppositon", "OPPOSITION"] {
        std::fs::write(dir.join("bad.yaml"), text.replace("  type: opposition\n", &format!("  type: {bad}\n")))
            .unwrap();
        let line = text.lines().position(|l| l == "  type: opposition").unwrap() + 1;
        let out = pleader(&["check", "bad.yaml", "--diagnostic-format", "short"], &dir);
        assert_eq!(out.status.code(), Some(1), "{bad}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("bad.yaml:{line}:9: error: unknown value `{bad}`")), "{err}");
        assert!(err.contains("opposition, motion, reply"), "{err}");
    }
    // A profile's limit under a mistyped type is an error at the profile's key, not a limit that
    // never applies.
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    let profile = std::fs::read_to_string(root().join("courts/nd-cal.yaml")).unwrap();
    assert!(profile.contains("  opposition: {pages: 25}"));
    std::fs::write(
        dir.join("courts/nd-cal.yaml"),
        profile.replace("  opposition: {pages: 25}", "  Opposition: {pages: 25}"),
    )
    .unwrap();
    let court = text.lines().find(|l| l.starts_with("court:")).unwrap().to_string();
    std::fs::write(dir.join("nd.yaml"), text.replace(&court, "court: nd-cal")).unwrap();
    let out = pleader(&["check", "nd.yaml", "--diagnostic-format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("courts/nd-cal.yaml:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("unknown value `Opposition`"), "{}", stderr(&out));
}

/// The generated Typst sources of a matter held in memory, against the repository's project.
fn sources(name: &str, text: &str) -> Result<Vec<String>, String> {
    use pleader::pipeline::{BuildOptions, Session};
    let src = pleader::diag::SourceText::new(name, text);
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let mut session = Session::new();
    let render = |d: Vec<pleader::diag::Diagnostic>| pleader::diag::render(&d, pleader::diag::Format::Short);
    let loaded = session.load(src, project).map_err(render)?;
    let built = session.build_loaded(loaded, std::time::Instant::now(), BuildOptions { pdf: false }).map_err(render)?;
    Ok(built.files.into_iter().map(|f| f.text).collect())
}

#[test]
fn yaml_aliases_in_facts_resolve_like_the_values_they_name() {
    let text = std::fs::read_to_string(root().join("matters/harlow-v-threadline.yaml")).unwrap();
    let plain = sources("matters/harlow.yaml", &text).unwrap();
    // An alias of a scalar (the whole transfer argument hangs on it) and of a mapping.
    assert!(text.contains("    client: true\n") && text.contains("    transfer_requested: true\n"));
    assert!(text.contains("    cite: {doc: mot, at: \"at 4–11\"}\n"));
    let aliased = text
        .replacen("    client: true\n", "    client: &yes true\n", 1)
        .replace("    transfer_requested: true\n", "    transfer_requested: *yes\n")
        .replace(
            "  motion:\n    delay: six weeks\n",
            "  motion_cite: &mc {doc: mot, at: \"at 4–11\"}\n  motion:\n    delay: six weeks\n",
        )
        .replace("    cite: {doc: mot, at: \"at 4–11\"}\n", "    cite: *mc\n");
    assert_ne!(aliased, text);
    // `motion_cite` is not a fact: the alias target must be somewhere allowed, so define it under
    // the matter's own extension point instead when the schema refuses it.
    match sources("matters/harlow.yaml", &aliased) {
        Ok(files) => assert_eq!(files, plain, "aliases changed the brief"),
        Err(e) => {
            assert!(e.contains("motion_cite"), "the only complaint may be the extra fact: {e}");
            let aliased = aliased.replace(
                "  motion_cite: &mc {doc: mot, at: \"at 4–11\"}\n  motion:\n    delay: six weeks\n    cite: *mc\n",
                "  motion:\n    delay: six weeks\n    cite: &mc {doc: mot, at: \"at 4–11\"}\n",
            );
            assert!(aliased.contains("*yes"));
            assert_eq!(sources("matters/harlow.yaml", &aliased).unwrap(), plain, "aliases changed the brief");
        }
    }
}

#[test]
fn a_billion_laughs_file_is_a_located_error() {
    let text = std::fs::read_to_string(root().join("matters/harlow-v-threadline.yaml")).unwrap();
    let mut bomb = String::from("facts_bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"].iter().zip(["b", "c", "d", "e", "f", "g", "h", "i"]) {
        bomb.push_str(&format!(
            "  {name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    let lines = text.lines().count();
    let err = sources("m.yaml", &format!("{text}{bomb}")).unwrap_err();
    // At an alias of the bomb (after the matter's own lines).
    let at: usize = err.strip_prefix("m.yaml:").and_then(|r| r.split(':').next()).unwrap().parse().unwrap();
    assert!(at > lines + 1 && at <= lines + 10, "{err}");
    assert!(err.contains("aliases expand to more than"), "{err}");
}

#[test]
fn the_project_is_found_from_the_real_path_and_any_one_library_folder_makes_one() {
    let base = temp_dir("safety-project");
    let proj = base.join("proj");
    std::fs::create_dir_all(proj.join("matters")).unwrap();
    let engine = project("safety-project-engine");
    std::fs::rename(engine.join("clauses"), proj.join("clauses")).unwrap();
    std::fs::create_dir_all(base.join("elsewhere")).unwrap();
    std::fs::copy(engine.join("m.yaml"), base.join("elsewhere/m.yaml")).unwrap();
    std::fs::copy(engine.join("m.yaml"), proj.join("matters/m.yaml")).unwrap();

    // Through `..` the matter is in no project: `check` says so, and the project's clauses are
    // not used (the fixture's clause is unknown to the built-in library).
    let out = pleader(&["check", "proj/matters/../../elsewhere/m.yaml"], &base);
    assert!(stderr(&out).contains("project: none (the built-in library)"), "{}", stderr(&out));
    assert!(stderr(&out).contains("unknown clause `fx-opening`"), "{}", stderr(&out));
    // Inside it, `check` names the folder it used.
    let out = pleader(&["check", "proj/matters/m.yaml"], &base);
    let real = std::fs::canonicalize(&proj).unwrap();
    assert!(stderr(&out).contains(&format!("project: {}", real.display())), "{}", stderr(&out));
    // (Typeset and checked: the fixture is not filing-ready by the court's rules, exit 1.)
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("page limit"));
    // `--verbose` makes build say it too.
    let out = pleader(&["build", "--verbose", "proj/matters/m.yaml", "-o", "x.pdf"], &base);
    assert!(stderr(&out).contains(&format!("project: {}", real.display())), "{}", stderr(&out));

    // A folder with only `courts/` is a project: its court profile is the one used.
    let courts_only = base.join("courts-only");
    std::fs::create_dir_all(courts_only.join("courts")).unwrap();
    let matter = std::fs::read_to_string(engine.join("m.yaml")).unwrap();
    let court = matter.lines().find(|l| l.starts_with("court:")).unwrap().trim_start_matches("court:").trim();
    let profile = std::fs::read_to_string(root().join(format!("courts/{court}.yaml"))).unwrap();
    let name = profile.lines().find(|l| l.starts_with("name:")).unwrap();
    std::fs::write(
        courts_only.join(format!("courts/{court}.yaml")),
        profile.replacen(name, "name: Court of the Courts-Only Project", 1),
    )
    .unwrap();
    std::fs::write(courts_only.join("m.yaml"), &matter).unwrap();
    let out = pleader(&["check", "m.yaml"], &courts_only);
    assert!(stderr(&out).contains("project: "), "{}", stderr(&out));
    assert!(!stderr(&out).contains("project: none"), "{}", stderr(&out));
    let real = std::fs::canonicalize(&courts_only).unwrap();
    assert!(stderr(&out).contains(&format!("project: {}", real.display())), "{}", stderr(&out));
}

#[test]
fn a_project_folder_others_can_write_to_needs_an_explicit_project_flag() {
    let dir = project("safety-worldwritable");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = pleader(&["check", "m.yaml", "--diagnostic-format", "short"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("writable by every user"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--project"), "{}", stderr(&out));
    let out = pleader(&["check", "m.yaml", "--project", "."], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("page limit"));
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_partial_that_includes_itself_in_single_quotes_is_an_error_not_a_stack_overflow() {
    let dir = project("safety-include");
    std::fs::write(dir.join("clauses/_loop.tera"), "x {% include '_loop.tera' %}\n").unwrap();
    let out = pleader(&["check", "m.yaml", "--diagnostic-format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("clauses/_loop.tera:1:3: error: `_loop.tera` is included in a cycle"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_huge_range_in_a_clause_is_an_error_at_the_clause_not_a_memory_exhaustion() {
    let dir = project("safety-range");
    let clause = dir.join("clauses/fx-child.tera");
    let text = std::fs::read_to_string(&clause).unwrap();
    let line = text.lines().count() + 1;
    std::fs::write(&clause, format!("{text}{{% for i in range(end=1000000000) %}}{{{{ i }}}}{{% endfor %}}\n"))
        .unwrap();
    let out = pleader(&["check", "m.yaml", "--diagnostic-format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("clauses/fx-child.tera:{line}:")), "{err}");
    assert!(err.contains("`range` would make 1000000000 numbers"), "{err}");
}

/// The harlow sample with `n` statements in place of its own: every third described rather than
/// quoted, every fourth argued as fact, each with its own speaker ("Doe 0", "Doe 1"…).
fn harlow_with_statements(n: usize) -> String {
    let text = std::fs::read_to_string(root().join("matters/harlow-v-threadline.yaml")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| *l == "  statements:").unwrap();
    let end = at + 1 + lines[at + 1..].iter().take_while(|l| l.starts_with("    - ")).count();
    let mut out: Vec<String> = lines[..=at].iter().map(|l| l.to_string()).collect();
    out.extend((0..n).map(|i| {
        let (text, quoted) = if i % 3 == 1 {
            (format!("calls the studio a scam in post {i}"), false)
        } else {
            (format!("Statement {i} says the studio is a scam."), true)
        };
        format!(
            "    - {{text: \"{text}\", quoted: {quoted}, opinion: {}, speaker: \"Doe {i}\", cite: {{doc: compl, at: \"Ex. A\"}}}}",
            i % 4 != 3
        )
    }));
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// The body's lines, in order, each with whether it starts a paragraph (set in from the margin).
fn body_lines(built: &pleader::pipeline::Built) -> Vec<(bool, String)> {
    let margin = built.profile.paper.margin_left.pt();
    body_pages(built).flat_map(|p| text_lines(built, p)).map(|l| (l.x > margin + 1.0, normalize(&l.text))).collect()
}

/// Issue 20, cases 26–28: a long list of statements is never one paragraph (Typst's time grows
/// with the square of a paragraph's length). More than five are introduced by a sentence and set
/// as a numbered list, each statement a paragraph of its own with its record citation, wherever
/// the brief lists them: the factual background, the opinion argument, the falsity argument and
/// the conclusion's speakers.
#[test]
fn a_long_list_of_statements_is_set_one_statement_to_a_paragraph() {
    let n = 30;
    let built = build_text("harlow-30.yaml", &harlow_with_statements(n));
    let body = crate::substance::body_text(&built);
    let lines = body_lines(&built);
    // Every statement's words are printed, in the background and in the argument about it.
    for i in 0..n {
        let words = if i % 3 == 1 {
            format!("calls the studio a scam in post {i}.")
        } else {
            format!("\"Statement {i} says the studio is a scam.\"")
        };
        assert!(body.matches(&words).count() >= 2, "{words} twice in {body}");
    }
    // Each list is introduced by a sentence that ends in a colon, then numbered from (1), one
    // statement to a paragraph: item k starts an indented line and names its speaker.
    let opinions: Vec<usize> = (0..n).filter(|i| i % 4 != 3).collect();
    let facts: Vec<usize> = (0..n).filter(|i| i % 4 == 3).collect();
    let all: Vec<usize> = (0..n).collect();
    // Item k names its statement's speaker ("(3) Doe 2's post reads: …"); in the conclusion, the
    // speaker alone ("(3) Doe 2;").
    let lists: [(&str, &[usize], bool); 4] = [
        ("The complaint rests on the following thirty posts:", &all, false),
        (
            "On their face, the following twenty-three posts express their authors' opinions of Harlow:",
            &opinions,
            false,
        ),
        ("only as assertions of fact, and so only if she shows that each is false:", &facts, false),
        ("At a minimum, the Court should deny the motion as to the following twenty-three speakers,", &opinions, true),
    ];
    let mut from = 0;
    for (lead, items, speakers) in lists {
        let joined = |k: usize| match lines.get(k + 1) {
            Some(next) => format!("{} {}", lines[k].1, next.1),
            None => lines[k].1.clone(),
        };
        let at = (from..lines.len())
            .find(|&k| joined(k).contains(lead))
            .unwrap_or_else(|| panic!("{lead:?} after line {from} in {lines:#?}"));
        let mut k = at + 1;
        for (j, i) in items.iter().enumerate() {
            let starts = |t: &str| {
                if speakers {
                    [";", "; and", "."].iter().any(|end| t == format!("({}) Doe {i}{end}", j + 1))
                } else {
                    t.starts_with(&format!("({}) Doe {i}'s post ", j + 1))
                }
            };
            let found = (k..lines.len()).find(|&l| starts(&lines[l].1));
            let l = found.unwrap_or_else(|| panic!("item {} (Doe {i}) after {lead:?} in {lines:#?}", j + 1));
            assert!(lines[l].0, "item {} starts a paragraph (indented): {:?}", j + 1, lines[l]);
            // The line before ends the introduction or the item before.
            let prev = &lines[l - 1].1;
            assert!(
                [':', '.', ';'].iter().any(|c| prev.ends_with(*c)) || prev.ends_with("; and"),
                "{prev:?} before item {}",
                j + 1
            );
            k = l + 1;
        }
        from = k;
    }
    // A statement's own citation ends its paragraph: "Id." after the first, and "See" for a
    // description.
    assert!(body.contains("(2) Doe 1's post calls the studio a scam in post 1. See id."), "{body}");
    // The argument goes on after the list in a paragraph of its own.
    let after = lines.iter().position(|l| l.1.starts_with("(23) Doe 29's post")).unwrap();
    assert!(lines[after + 1..].iter().any(|l| l.0), "{lines:#?}");
}

/// Up to five statements (here four, three of them argued as opinion) still run together in one sentence with one citation, as before.
#[test]
fn a_short_list_of_statements_still_runs_in_one_sentence() {
    let built = build_text("harlow-4.yaml", &harlow_with_statements(4));
    let body = crate::substance::body_text(&built);
    let lines = body_lines(&built);
    assert!(!lines.iter().any(|l| l.1.starts_with("(1) ")), "{lines:#?}");
    assert!(
        body.contains(
            "The complaint rests on four posts. Doe 0's post reads: \"Statement 0 says the studio is a scam.\""
        ),
        "{body}"
    );
    assert!(
        body.contains("On their face, three of the posts, \"Statement 0 says the studio is a scam\"; the post that calls the studio a scam in post 1; and \"Statement 2 says the studio is a scam,\" see Compl. Ex. A, express their authors' opinions of Harlow."),
        "{body}"
    );
    assert!(body.contains("At a minimum, the Court should deny the motion as to Doe 0, Doe 1, and Doe 2,"), "{body}");
}
