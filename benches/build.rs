//! Benchmark: prints, for the sample matter, the cold build time (process start to PDF written,
//! median of repeated runs of the release binary), the rebuild time in one warm process after a
//! one-fact edit (median), the per-stage split, and peak memory (max RSS of the child processes
//! and of this process). Run with `cargo bench --bench build`; set PLEADER_BENCH_MATTER to
//! benchmark another matter. Figures are printed, never asserted: timing belongs here, not in tests.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use pleader::diag::SourceText;
use pleader::library::project::Project;
use pleader::pipeline::{self, BuildOptions, Session};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn max_rss_kb(who: i32) -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut usage) };
    usage.ru_maxrss
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // `cargo bench --bench build -- large`: only the large inputs.
    if std::env::args().any(|a| a == "large") {
        large_inputs(&root);
        return;
    }
    let matter = std::env::var("PLEADER_BENCH_MATTER")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("matters/leifer-v-twitter.yaml"));
    let out = std::env::temp_dir().join(format!("pleader-bench-{}.pdf", std::process::id()));
    let exe = env!("CARGO_BIN_EXE_pleader");
    println!("pleader benchmark: {}", matter.display());

    // Cold: the whole process, start to PDF written.
    let runs = 21;
    let mut cold = vec![];
    for _ in 0..runs {
        let t = Instant::now();
        let status = Command::new(exe)
            .args(["build", matter.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        cold.push(t.elapsed());
        assert!(status.success(), "build failed");
    }
    let child_rss = max_rss_kb(libc::RUSAGE_CHILDREN);
    let min = *cold.iter().min().unwrap();
    println!(
        "cold build (process start to PDF written), {runs} runs: median {}, min {}",
        ms(median(cold.clone())),
        ms(min)
    );
    println!("peak memory of a cold build (max RSS): {:.1} MB", child_rss as f64 / 1024.0);

    // Warm: one process, a one-fact edit between builds.
    let text = std::fs::read_to_string(&matter).unwrap();
    let project = Project::for_matter(&matter).unwrap();
    let mut session = Session::new();
    let build = |session: &mut Session, text: &str| {
        let loaded =
            session.load(SourceText::new(matter.display().to_string(), text.to_string()), project.clone()).unwrap();
        session.build_loaded(loaded, Instant::now(), BuildOptions::default()).unwrap()
    };
    let first = build(&mut session, &text);
    let pages = first.doc.pages().len();
    let body = pages - first.facts.body_start.unwrap_or(0);
    println!(
        "document: {pages} pages ({body} body), {} citations, {} typst compilations cold",
        first.uses.len(),
        first.timings.compiles
    );
    // The one fact to edit: the first plain-text scalar under `facts:` (a name, a court, a date…).
    let fact_line = text
        .lines()
        .skip_while(|l| !l.starts_with("facts:"))
        .skip(1)
        .take_while(|l| l.starts_with(' ') || l.is_empty())
        .find(|l| {
            let Some((k, v)) = l.trim().split_once(": ") else { return false };
            !k.starts_with('-') && v.chars().next().is_some_and(|c| c.is_alphabetic())
        })
        .map(str::to_string);
    println!("edited fact: {}", fact_line.as_deref().unwrap_or("(none: a comment is edited)").trim());
    let mut warm = vec![];
    let mut stages = vec![];
    for i in 0..30 {
        // Edit one fact: the platform description alternates, or a trailing comment changes.
        let edited = match &fact_line {
            Some(l) => text.replacen(l.as_str(), &format!("{l} (amended {i})"), 1),
            None => format!("{text}\n# edit {i}\n"),
        };
        let t = Instant::now();
        let b = build(&mut session, &edited);
        warm.push(t.elapsed());
        stages.push(b.timings);
    }
    let compiles: usize = stages.iter().map(|t| t.compiles).sum();
    println!(
        "warm rebuild after a one-fact edit, {} runs: median {}, min {}",
        warm.len(),
        ms(median(warm.clone())),
        ms(*warm.iter().min().unwrap())
    );
    let med = |f: &dyn Fn(&pleader::pipeline::Timings) -> Duration| ms(median(stages.iter().map(f).collect()));
    println!(
        "  stages (median): load+validate {}, draft+cite {}, typeset {}, pdf {}; {:.2} typst compilations per rebuild",
        med(&|t| t.load),
        med(&|t| t.draft),
        med(&|t| t.typeset),
        med(&|t| t.pdf),
        compiles as f64 / stages.len() as f64
    );
    println!("peak memory of this warm process (max RSS): {:.1} MB", max_rss_kb(libc::RUSAGE_SELF) as f64 / 1024.0);
    let _ = std::fs::remove_file(&out);

    // Scaling: the engine fixture with its long clause repeated, up to a 200-page brief.
    println!("scaling (engine fixture, fresh process state each size):");
    let fixture = root.join("tests/fixtures/engine");
    let base = std::fs::read_to_string(fixture.join("matter.yaml")).unwrap();
    let project = Project::at(&fixture).unwrap();
    for rounds in [40, 160, 320, 560] {
        let text = base.replace("  rounds: 9", &format!("  rounds: {rounds}"));
        let loaded = pipeline::load(SourceText::new("matter.yaml", text), project.clone()).unwrap();
        let t = Instant::now();
        let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions::default()).unwrap();
        let elapsed = t.elapsed();
        let pages = built.doc.pages().len();
        let body = pages - built.facts.body_start.unwrap_or(0);
        println!(
            "  {body:>4} body pages, {:>5} citations: {:>8}  ({:.2} ms per page; typeset {}, pdf {}, {} compilations)",
            built.uses.len(),
            ms(elapsed),
            elapsed.as_secs_f64() * 1000.0 / pages as f64,
            ms(built.timings.typeset),
            ms(built.timings.pdf),
            built.timings.compiles
        );
    }

    large_inputs(&root);
}

/// Large inputs (issue 20): the harlow matter with 100,000 `record:` entries, and with thousands
/// of `statements:`. Prints the time of loading and validating (the YAML, the duplicate-key
/// check), of drafting and citing, and of typesetting, so that quadratic work shows as a stage
/// whose time grows faster than its input.
fn large_inputs(root: &std::path::Path) {
    println!("large inputs (harlow-v-threadline):");
    let text = std::fs::read_to_string(root.join("matters/harlow-v-threadline.yaml")).unwrap();
    let project = Project::at(root).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let with_records = |n: usize| {
        let at = lines.iter().position(|l| l.starts_with("record:")).unwrap();
        let mut out: Vec<String> = lines[..=at].iter().map(|l| l.to_string()).collect();
        out.extend((0..n).map(|i| format!("  r{i}: {{full: \"Document {i}\", short: \"D{i}\"}}")));
        out.extend(lines[at + 1..].iter().map(|l| l.to_string()));
        out.join("\n") + "\n"
    };
    let with_statements = |n: usize| {
        let at = lines.iter().position(|l| *l == "  statements:").unwrap();
        let end = at + 1 + lines[at + 1..].iter().take_while(|l| l.starts_with("    - ")).count();
        let mut out: Vec<String> = lines[..=at].iter().map(|l| l.to_string()).collect();
        out.extend((0..n).map(|i| {
            format!("    - {{text: \"Statement {i} says the studio is a scam.\", cite: {{doc: compl, at: \"Ex. A\"}}}}")
        }));
        out.extend(lines[end..].iter().map(|l| l.to_string()));
        out.join("\n") + "\n"
    };
    // Load, validate, draft and cite (no typesetting).
    let draft = |what: &str, text: String| {
        let t = Instant::now();
        let loaded = pipeline::load(SourceText::new("matter.yaml", text), project.clone()).unwrap();
        let load = t.elapsed();
        let t = Instant::now();
        let clauses = pipeline::draft_with(&loaded, &[]).unwrap();
        let body: usize = clauses.iter().map(|c| c.body.len()).sum();
        println!(
            "  {what}: load {}, validate + draft + cite {} ({} KB of clause text)",
            ms(load),
            ms(t.elapsed()),
            body / 1024
        );
    };
    draft("100,000 record entries", with_records(100_000));
    for n in [1_000, 10_000] {
        draft(&format!("{n:>6} statements"), with_statements(n));
    }
    // The whole build: typesetting holds the rest.
    for n in [500, 1_000, 2_000] {
        let loaded = pipeline::load(SourceText::new("matter.yaml", with_statements(n)), project.clone()).unwrap();
        let t = Instant::now();
        let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }).unwrap();
        println!(
            "  {n:>6} statements, whole build: {} (load + validate {}, draft {}, typeset {}; {} pages)",
            ms(t.elapsed()),
            ms(built.timings.load),
            ms(built.timings.draft),
            ms(built.timings.typeset),
            built.doc.pages().len()
        );
    }
}
