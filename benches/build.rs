//! Benchmark: prints, for the sample matter, the cold build time (process start to PDF written)
//! side by side with the LaTeX yardstick (`../shared/bench/latex-baseline`, skipped with a note
//! when pdflatex or the yardstick is missing) and, when `PLEADER_BENCH_BASELINE` names another
//! pleader binary, with that binary too; `check`; a one-fact rebuild in `pleader watch`; each
//! process's peak memory; the time per stage with Typst's layout iterations; and the scaling curve
//! up to a 200-body-page brief. Side-by-side runs alternate, and the figures are medians.
//! Run with `cargo bench --bench build`. Figures are printed, never asserted: timing belongs here,
//! not in tests.
//!
//! Environment: `PLEADER_BENCH_MATTER` (another matter), `PLEADER_BENCH_BASELINE` (a binary to
//! compare with, e.g. one built from an earlier commit), `PLEADER_BENCH_LATEX` (the yardstick's
//! folder), `PLEADER_BENCH_RUNS` (rounds of alternating runs, default 15).

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pleader::diag::SourceText;
use pleader::library::project::Project;
use pleader::pipeline::{self, BuildOptions, Session, Timings};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs a command to its end: wall time in ms and the peak memory (max RSS) of that process in MB.
fn run(cmd: &mut Command) -> (f64, f64) {
    let t = Instant::now();
    // Waited for below with wait4, which also returns the process's own resource usage.
    #[allow(clippy::zombie_processes)]
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("cannot start");
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = ms(t.elapsed());
    assert!(r == pid && libc::WIFEXITED(status), "{cmd:?} did not finish");
    let code = libc::WEXITSTATUS(status);
    // `check` exits 1 for a brief that is not filing-ready; that is a result, not a failure.
    assert!(code == 0 || code == 1, "{cmd:?} failed with exit code {code}");
    (elapsed, usage.ru_maxrss as f64 / 1024.0)
}

/// The one fact to edit: the first plain-text scalar under `facts:` (a name, a court, a date…).
fn fact_line(text: &str) -> Option<String> {
    text.lines()
        .skip_while(|l| !l.starts_with("facts:"))
        .skip(1)
        .take_while(|l| l.starts_with(' ') || l.is_empty())
        .find(|l| {
            let Some((k, v)) = l.trim().split_once(": ") else { return false };
            !k.starts_with('-') && v.chars().next().is_some_and(|c| c.is_alphabetic())
        })
        .map(str::to_string)
}

fn edit(text: &str, fact: &Option<String>, i: usize) -> String {
    match fact {
        Some(l) => text.replacen(l.as_str(), &format!("{l} (amended {i})"), 1),
        None => format!("{text}\n# edit {i}\n"),
    }
}

/// Large inputs (issue 20): the harlow matter with 100,000 `record:` entries, and with thousands
/// of `statements:`. Prints the time of loading and validating (the YAML, the duplicate-key
/// check), of drafting and citing, and of typesetting and export, so that quadratic work shows as
/// a stage whose time grows faster than its input. The statements are mixed as a real matter's
/// would be: every third described rather than quoted, every fourth argued as fact, each with its
/// own speaker (so the conclusion lists the speakers challenged only for opinion), all cited to
/// one record document.
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
            let (text, quoted) = if i % 3 == 1 {
                (format!("calls the studio a scam in post {i}"), false)
            } else {
                (format!("Statement {i} says the studio is a scam."), true)
            };
            let opinion = i % 4 != 3;
            format!(
                "    - {{text: \"{text}\", quoted: {quoted}, opinion: {opinion}, speaker: \"Doe {i}\", cite: {{doc: compl, at: \"Ex. A\"}}}}"
            )
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
            "  {what}: load {:.0} ms, validate + draft + cite {:.0} ms ({} KB of clause text)",
            ms(load),
            ms(t.elapsed()),
            body / 1024
        );
    };
    draft("100,000 record entries", with_records(100_000));
    for n in [1_000, 10_000] {
        draft(&format!("{n:>6} statements"), with_statements(n));
    }
    // The whole build, through typesetting and the PDF's export: `PLEADER_BENCH_STATEMENTS`
    // (comma-separated) chooses the sizes.
    let sizes: Vec<usize> = std::env::var("PLEADER_BENCH_STATEMENTS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 4_000, 10_000]);
    for n in sizes {
        let t = Instant::now();
        let loaded = pipeline::load(SourceText::new("matter.yaml", with_statements(n)), project.clone()).unwrap();
        let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions { pdf: true }).unwrap();
        println!(
            "  {n:>6} statements, whole build: {:.2} s (load + validate {:.2} s, draft + cite {:.2} s, typeset {:.2} s, export {:.2} s; {} pages, {} KB of PDF)",
            t.elapsed().as_secs_f64(),
            (built.timings.load + built.timings.validate).as_secs_f64(),
            (built.timings.draft + built.timings.cite).as_secs_f64(),
            built.timings.typeset.as_secs_f64(),
            built.timings.export.as_secs_f64(),
            built.doc.pages().len(),
            built.pdf.as_ref().map_or(0, |p| p.len() / 1024)
        );
    }
}

/// A binary under test: its name in the table and its path.
struct Binary {
    name: &'static str,
    exe: PathBuf,
}

/// Figures gathered for one binary (or the yardstick), one entry per run.
#[derive(Default)]
struct Runs {
    ms: Vec<f64>,
    mb: Vec<f64>,
}

impl Runs {
    fn push(&mut self, (ms, mb): (f64, f64)) {
        self.ms.push(ms);
        self.mb.push(mb);
    }
    fn ms(&self) -> f64 {
        median(self.ms.clone())
    }
    fn mb(&self) -> f64 {
        self.mb.iter().copied().fold(0.0, f64::max)
    }
}

/// The LaTeX yardstick copied into a scratch folder with `brief.tex` generated, or why not.
fn latex_yardstick(root: &Path, scratch: &Path) -> Result<PathBuf, String> {
    let src = std::env::var("PLEADER_BENCH_LATEX")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("../shared/bench/latex-baseline"));
    if !src.join("build.sh").is_file() {
        return Err(format!("no LaTeX yardstick at {}", src.display()));
    }
    for tool in ["pdflatex", "makeindex", "python3"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            return Err(format!("`{tool}` is not installed (Debian: texlive-latex-base, -recommended, -extra)"));
        }
    }
    let dir = scratch.join("latex");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    let ok = Command::new("python3").arg("gen.py").current_dir(&dir).stdout(Stdio::null()).status();
    if !ok.is_ok_and(|s| s.success()) {
        return Err("the yardstick's gen.py failed".into());
    }
    let ok = Command::new("sh").arg("build.sh").current_dir(&dir).stdout(Stdio::null()).status();
    if !ok.is_ok_and(|s| s.success()) {
        return Err("the yardstick's build.sh failed (a missing LaTeX package?)".into());
    }
    Ok(dir)
}

/// A running `pleader watch` whose rebuild times are read from its standard error.
struct Watch {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
    matter: PathBuf,
}

impl Watch {
    fn start(exe: &Path, matter: &Path, project: &Path, out: &Path) -> Watch {
        let mut child = Command::new(exe)
            .args(["watch", matter.to_str().unwrap(), "-o", out.to_str().unwrap(), "--project"])
            .arg(project)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start pleader watch");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines().map_while(|l| l.ok()) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let w = Watch { child, lines, matter: matter.to_path_buf() };
        w.next_rebuild().expect("the first watch build failed");
        // Let the watcher settle before the first edit.
        std::thread::sleep(Duration::from_millis(300));
        w
    }

    /// The time of the next rebuild, as `pleader watch` prints it ("rebuilt … in 12 ms").
    fn next_rebuild(&self) -> Option<f64> {
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(30)).ok()?;
            if line.contains("build failed") {
                return None;
            }
            if let Some(rest) = line.strip_prefix("rebuilt ") {
                let (_, after) = rest.rsplit_once(" in ")?;
                return after.split_whitespace().next()?.parse().ok();
            }
        }
    }

    /// Writes the edited matter and returns the rebuild's time.
    fn rebuild(&self, text: &str) -> Option<f64> {
        std::fs::write(&self.matter, text).unwrap();
        let t = self.next_rebuild();
        // Past the watcher's 40 ms burst window, so the next edit is a rebuild of its own.
        std::thread::sleep(Duration::from_millis(150));
        t
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn stage_line(label: &str, stages: &[Timings], iterations: Option<Vec<Duration>>) {
    let med = |f: &dyn Fn(&Timings) -> Duration| median(stages.iter().map(|t| ms(f(t))).collect());
    println!(
        "  {label}: load {:.1}, validate {:.1}, draft {:.1}, cite {:.1}, assemble {:.1}, typeset {:.1} \
         ({} compilation(s), {} layout iterations{}), export {:.1}; total {:.1} ms",
        med(&|t| t.load),
        med(&|t| t.validate),
        med(&|t| t.draft),
        med(&|t| t.cite),
        med(&|t| t.assemble),
        med(&|t| t.typeset),
        median(stages.iter().map(|t| t.compiles as f64).collect()),
        iterations.as_ref().map_or("?".to_string(), |n| n.len().to_string()),
        // Timed in one more build with Typst's timing events on, which slow it down a little.
        iterations.as_ref().map_or(String::new(), |n| format!(
            ": {} ms, traced",
            n.iter().map(|d| format!("{:.1}", ms(*d))).collect::<Vec<_>>().join(" + ")
        )),
        med(&|t| t.export),
        med(&|t| t.total()),
    );
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
    let rounds: usize = std::env::var("PLEADER_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(15);
    let scratch = std::env::temp_dir().join(format!("pleader-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let project = Project::for_matter(&matter).unwrap();
    let project_dir = project.root.clone().unwrap_or_else(|| root.clone());
    let mut binaries = vec![Binary { name: "this build", exe: PathBuf::from(env!("CARGO_BIN_EXE_pleader")) }];
    if let Ok(base) = std::env::var("PLEADER_BENCH_BASELINE") {
        binaries.push(Binary { name: "baseline", exe: PathBuf::from(base) });
    }
    println!("pleader benchmark: {} ({rounds} alternating rounds, medians)", matter.display());
    for b in &binaries {
        println!("  {}: {}", b.name, b.exe.display());
    }

    // The 200-body-page brief: the engine fixture with its long clause repeated.
    let fixture = root.join("tests/fixtures/engine");
    let fixture_text = std::fs::read_to_string(fixture.join("matter.yaml")).unwrap();
    let sized = |n: usize| {
        let path = scratch.join(format!("fixture-{n}.yaml"));
        std::fs::write(&path, fixture_text.replace("  rounds: 9", &format!("  rounds: {n}"))).unwrap();
        path
    };
    let big = sized(560);

    let latex = latex_yardstick(&root, &scratch);
    if let Err(why) = &latex {
        println!("LaTeX yardstick skipped: {why}");
    }

    // Side by side: every round runs each binary's commands and the yardstick once, in turn.
    let mut cold: Vec<Runs> = binaries.iter().map(|_| Runs::default()).collect();
    let mut check: Vec<Runs> = binaries.iter().map(|_| Runs::default()).collect();
    let mut big_build: Vec<Runs> = binaries.iter().map(|_| Runs::default()).collect();
    let mut big_check: Vec<Runs> = binaries.iter().map(|_| Runs::default()).collect();
    let mut tex = Runs::default();
    let out = scratch.join("out.pdf");
    let m = matter.to_str().unwrap();
    for _ in 0..rounds {
        for (i, b) in binaries.iter().enumerate() {
            cold[i].push(run(Command::new(&b.exe).args(["build", m, "-o"]).arg(&out)));
            check[i].push(run(Command::new(&b.exe).args(["check", m])));
            big_build[i].push(run(Command::new(&b.exe)
                .arg("build")
                .arg(&big)
                .arg("-o")
                .arg(&out)
                .arg("--project")
                .arg(&fixture)));
            big_check[i].push(run(Command::new(&b.exe).arg("check").arg(&big).arg("--project").arg(&fixture)));
        }
        if let Ok(dir) = &latex {
            tex.push(run(Command::new("sh").arg("build.sh").current_dir(dir)));
        }
    }

    // Watch: a one-fact edit of a copy of the matter, alternating between the binaries' watchers.
    let text = std::fs::read_to_string(&matter).unwrap();
    let fact = fact_line(&text);
    let watches: Vec<Watch> = binaries
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let copy = scratch.join(format!("watch-{i}.yaml"));
            std::fs::write(&copy, &text).unwrap();
            Watch::start(&b.exe, &copy, &project_dir, &scratch.join(format!("watch-{i}.pdf")))
        })
        .collect();
    let mut rebuild: Vec<Vec<f64>> = binaries.iter().map(|_| vec![]).collect();
    for n in 0..rounds {
        for (i, w) in watches.iter().enumerate() {
            if let Some(t) = w.rebuild(&edit(&text, &fact, n)) {
                rebuild[i].push(t);
            }
        }
    }
    drop(watches);

    println!();
    println!("| pleader | {} | LaTeX yardstick |", binaries.iter().map(|b| b.name).collect::<Vec<_>>().join(" | "));
    println!("|---|{}---|", "---|".repeat(binaries.len()));
    let row = |label: &str, f: &dyn Fn(usize) -> String, latex: String| {
        let cells: Vec<String> = (0..binaries.len()).map(f).collect();
        println!("| {label} | {} | {latex} |", cells.join(" | "));
    };
    let tex_ms = tex.ms();
    let has_tex = !tex.ms.is_empty();
    row(
        "cold build, process start to PDF written",
        &|i| format!("{:.0} ms", cold[i].ms()),
        if has_tex { format!("{tex_ms:.0} ms") } else { "skipped".into() },
    );
    if has_tex {
        row("ratio to LaTeX (cold build)", &|i| format!("{:.3}", cold[i].ms() / tex_ms), "1".into());
    }
    row("`check`", &|i| format!("{:.0} ms", check[i].ms()), "".into());
    row(
        "one-fact rebuild in `watch`",
        &|i| format!("{:.1} ms ({} edits)", median(rebuild[i].clone()), rebuild[i].len()),
        "".into(),
    );
    row("200-page brief, cold build", &|i| format!("{:.0} ms", big_build[i].ms()), "".into());
    row(
        "200-page brief, `check` / build",
        &|i| format!("{:.0} ms ({:.2}×)", big_check[i].ms(), big_check[i].ms() / big_build[i].ms()),
        "".into(),
    );
    row(
        "peak memory (max RSS): sample build / 200 pages",
        &|i| format!("{:.0} MB / {:.0} MB", cold[i].mb(), big_build[i].mb()),
        if has_tex { format!("{:.0} MB (largest process)", tex.mb()) } else { "".into() },
    );

    // Scaling: process start to PDF written, for briefs of growing length. The page counts are
    // read afterwards, in this process: a child's max RSS includes its parent's at the time it
    // starts, so this process stays small until every child has run.
    let sizes = [9, 40, 160, 320, 560];
    let scaling: Vec<Runs> = sizes
        .iter()
        .map(|&n| {
            let path = sized(n);
            let mut runs = Runs::default();
            for _ in 0..5 {
                runs.push(run(Command::new(&binaries[0].exe)
                    .arg("build")
                    .arg(&path)
                    .arg("-o")
                    .arg(&out)
                    .arg("--project")
                    .arg(&fixture)));
            }
            runs
        })
        .collect();
    println!();
    println!("scaling (engine fixture, cold builds of this binary, medians of 5):");
    println!("| body pages | citations | build | per body page | peak memory |");
    println!("|---|---|---|---|---|");
    for (n, runs) in sizes.iter().zip(&scaling) {
        let text = std::fs::read_to_string(sized(*n)).unwrap();
        let loaded = pipeline::load(SourceText::new("matter.yaml", text), Project::at(&fixture).unwrap()).unwrap();
        let built = Session::new().build_loaded(loaded, Instant::now(), BuildOptions { pdf: false }).unwrap();
        let body = built.doc.pages().len() - built.facts.body_start.unwrap_or(0);
        println!(
            "| {body} | {} | {:.0} ms | {:.1} ms | {:.0} MB |",
            built.uses.len(),
            runs.ms(),
            runs.ms() / body as f64,
            runs.mb()
        );
    }

    // Where the time goes, in this process: a fresh session (cold), then one-fact rebuilds. (After
    // the process-level runs: this process's memory would show in the children's max RSS.)
    println!();
    println!("per stage, in ms (medians, in process; cold = a fresh session):");
    let load = |session: &mut Session, text: &str| {
        session.load(SourceText::new(matter.display().to_string(), text.to_string()), project.clone()).unwrap()
    };
    // Counting layout iterations switches on Typst's timing events, which slow the layout down:
    // the timed builds leave it off, and one more build, not timed, counts them.
    let mut cold_stages = vec![];
    let mut first = None;
    let mut cold_iterations = None;
    for i in 0..6 {
        // Typst's memoized layout is process-wide: drop it, so each build is cold.
        typst::comemo::evict(0);
        let mut session = Session::new();
        session.trace_layout(i == 5);
        let start = Instant::now();
        let loaded = load(&mut session, &text);
        let b = session.build_loaded(loaded, start, BuildOptions::default()).unwrap();
        if i == 5 {
            cold_iterations = b.timings.layout_iterations;
        } else {
            cold_stages.push(b.timings.clone());
            first = Some(b);
        }
    }
    let first = first.unwrap();
    let pages = first.doc.pages().len();
    let body = pages - first.facts.body_start.unwrap_or(0);
    println!("  document: {pages} pages ({body} body), {} citations", first.uses.len());
    stage_line("cold", &cold_stages, cold_iterations);
    let mut session = Session::new();
    let mut warm = vec![];
    let mut warm_iterations = None;
    for i in 0..31 {
        session.trace_layout(i == 30);
        let edited = edit(&text, &fact, i);
        let start = Instant::now();
        let loaded = load(&mut session, &edited);
        let timings = session.build_loaded(loaded, start, BuildOptions::default()).unwrap().timings;
        if i == 30 {
            warm_iterations = timings.layout_iterations;
        } else {
            warm.push(timings);
        }
    }
    println!("  edited fact: {}", fact.as_deref().unwrap_or("(none: a comment is edited)").trim());
    stage_line("one-fact rebuild", &warm, warm_iterations);

    let _ = std::fs::remove_dir_all(&scratch);
}
