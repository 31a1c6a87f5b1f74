//! The `pleader` command line: a thin layer over the library. It parses arguments, runs one
//! command, prints diagnostics (rustc style, or one line each with `--diagnostic-format short`)
//! and turns the outcome into an exit code: 0 on success, 1 for a problem in the document or its
//! inputs (or a brief that is not filing-ready, for `check`), 2 for usage or I/O problems.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use pleader::check::{self, Status};
use pleader::diag::{self, Diagnostic, Diagnostics, Kind};
use pleader::escape::plain;
use pleader::pipeline::{BuildOptions, Session};
use pleader::project::{display_path, Project};
use pleader::{lint, output, watch};

#[derive(Parser)]
#[command(
    name = "pleader",
    version,
    about = "Turns a matter file into a filing-ready, line-numbered pleading PDF",
    long_about = "pleader merges a matter file (YAML) with a library of clause templates, an \
                  authority bank and a court profile, and typesets a line-numbered pleading PDF \
                  with a table of contents and a table of authorities.",
    after_help = "Examples:\n  pleader build matters/leifer-v-twitter.yaml\n  pleader check matters/leifer-v-twitter.yaml\n  pleader watch matters/leifer-v-twitter.yaml\n  pleader new my-matter"
)]
struct Cli {
    /// How to print errors and warnings.
    #[arg(long, value_enum, global = true, default_value = "human")]
    diagnostic_format: DiagFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiagFormat {
    /// rustc/typst style with the offending line.
    Human,
    /// One line per problem: `file:line:col: error: message` (for editors).
    Short,
}

#[derive(Subcommand)]
enum Command {
    /// Build the PDF for a matter.
    #[command(after_help = "Example:\n  pleader build matters/leifer-v-twitter.yaml          # writes output/leifer-v-twitter.pdf\n  pleader build matters/leifer-v-twitter.yaml -o /tmp/opp.pdf --emit-typst /tmp/typst")]
    Build {
        /// The matter file.
        matter: PathBuf,
        /// Where to write the PDF (default: output/<matter file stem>.pdf).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write the assembled Typst sources into this folder.
        #[arg(long, value_name = "DIR")]
        emit_typst: Option<PathBuf>,
    },
    /// Validate a matter and typeset it in memory; report the court's rules (no PDF written).
    #[command(after_help = "Exit status: 0 when filing-ready, 1 otherwise, 2 for usage or I/O problems.\n\nExample:\n  pleader check matters/leifer-v-twitter.yaml")]
    Check {
        /// The matter file.
        matter: PathBuf,
    },
    /// Rebuild the PDF whenever the matter, a clause, a template, the bank or a profile changes.
    #[command(after_help = "Stop with Ctrl-C. On an error the diagnostic is printed and the last good PDF is kept.\n\nExample:\n  pleader watch matters/leifer-v-twitter.yaml -o output/draft.pdf")]
    Watch {
        /// The matter file.
        matter: PathBuf,
        /// Where to write the PDF (default: output/<matter file stem>.pdf).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Stop after this many builds (for scripts and tests).
        #[arg(long, hide = true)]
        max_builds: Option<usize>,
    },
    /// Create a new matter from a commented template that documents every field.
    #[command(after_help = "Example:\n  pleader new doe-v-platform        # writes doe-v-platform/matter.yaml\n  pleader build doe-v-platform/matter.yaml")]
    New {
        /// The folder to create (must not exist or be empty).
        dir: PathBuf,
    },
    /// List the clause library; with --lint, render every clause against the sample matters.
    #[command(after_help = "Examples:\n  pleader clauses\n  pleader clauses --lint\n  pleader clauses --root /path/to/project")]
    Clauses {
        /// Render every clause against the sample matters and report problems (exit 1 on errors).
        #[arg(long)]
        lint: bool,
        /// The project folder (default: the current folder if it has clauses/, courts/, … else the built-in library).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// List or search the authority bank, with full and short citation forms.
    #[command(after_help = "Examples:\n  pleader authorities\n  pleader authorities highfields\n  pleader authorities \"N.D. Cal.\"")]
    Authorities {
        /// Words to look for in ids, names, citations and notes.
        query: Option<String>,
        /// The project folder (default: the current folder if it has a library, else the built-in one).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

struct Printer {
    format: DiagFormat,
}

impl Printer {
    fn print(&self, diags: &[Diagnostic]) {
        if diags.is_empty() {
            return;
        }
        match self.format {
            DiagFormat::Short => eprint!("{}", diag::render(diags, diag::Format::Short)),
            DiagFormat::Human => {
                use std::io::IsTerminal;
                let color = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
                let mut stderr = StandardStream::stderr(color);
                diag::emit(&mut stderr, diags);
            }
        }
    }
}

/// The exit code for failed diagnostics.
fn failure(diags: &Diagnostics) -> ExitCode {
    let usage = diags.iter().any(|d| d.is_error() && matches!(d.kind, Kind::Usage | Kind::Io));
    ExitCode::from(if usage { 2 } else { 1 })
}

fn default_output(matter: &Path) -> PathBuf {
    let stem = matter.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "brief".into());
    PathBuf::from("output").join(format!("{stem}.pdf"))
}

/// Prints a progress line if the work takes longer than a moment.
struct Progress(Arc<AtomicBool>);

impl Progress {
    fn start(what: String) -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        let flag = done.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(400));
            if !flag.load(Ordering::Relaxed) {
                eprintln!("pleader: {what}…");
            }
        });
        Progress(done)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

fn project_for(root: Option<PathBuf>) -> Result<Project, Diagnostics> {
    match root {
        Some(r) => {
            if !r.is_dir() {
                return Err(vec![Diagnostic::usage(format!("`{}` is not a folder", display_path(&r)))]);
            }
            Project::at(&r)
        }
        None => {
            let cwd = std::env::current_dir().map_err(|e| vec![Diagnostic::io(format!("no working folder: {e}"))])?;
            if pleader::project::LIBRARY_DIRS.iter().any(|d| cwd.join(d).is_dir()) {
                Project::at(&cwd)
            } else {
                Ok(Project::builtin())
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printer = Printer { format: cli.diagnostic_format };
    match cli.command {
        Command::Build { matter, output: out, emit_typst } => build(&printer, &matter, out, emit_typst),
        Command::Check { matter } => check_cmd(&printer, &matter),
        Command::Watch { matter, output: out, max_builds } => {
            let out = out.unwrap_or_else(|| default_output(&matter));
            let result = watch::watch(&matter, &out, max_builds, |event| match event {
                watch::Event::Built { output, pages, body, elapsed, warnings } => {
                    printer.print(warnings);
                    eprintln!(
                        "rebuilt {} in {} ms ({pages} pages: {body} body)",
                        display_path(output),
                        elapsed.as_millis()
                    );
                }
                watch::Event::Failed { diagnostics } => {
                    printer.print(diagnostics);
                    eprintln!("pleader: build failed; the last good PDF is unchanged. Waiting for changes…");
                }
                watch::Event::Watching { paths } => {
                    let shown: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
                    eprintln!("watching {} (Ctrl-C to stop)", shown.join(", "));
                }
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    printer.print(&d);
                    failure(&d)
                }
            }
        }
        Command::New { dir } => new_matter(&printer, &dir),
        Command::Clauses { lint, root } => clauses(&printer, lint, root),
        Command::Authorities { query, root } => authorities(&printer, query, root),
    }
}

fn build(printer: &Printer, matter: &Path, out: Option<PathBuf>, emit_typst: Option<PathBuf>) -> ExitCode {
    let start = Instant::now();
    let mut session = Session::new();
    let progress = Progress::start(format!("building {}", display_path(matter)));
    let result = session.build_path(matter, BuildOptions::default());
    drop(progress);
    let built = match result {
        Ok(b) => b,
        Err(d) => {
            printer.print(&d);
            eprintln!("pleader: build failed; no PDF written (the previous one, if any, is unchanged)");
            return failure(&d);
        }
    };
    printer.print(&built.warnings);
    if let Some(dir) = emit_typst {
        if let Err(d) = output::write_sources(&dir, &built.files) {
            printer.print(std::slice::from_ref(&d));
            return failure(&vec![d]);
        }
    }
    let path = out.unwrap_or_else(|| default_output(matter));
    if let Err(d) = output::write_atomic(&path, built.pdf.as_deref().unwrap_or_default()) {
        printer.print(std::slice::from_ref(&d));
        return failure(&vec![d]);
    }
    let pages = built.doc.pages().len();
    eprintln!(
        "wrote {} ({} pages: {} body) in {} ms",
        display_path(&path),
        pages,
        check::body_pages(&built),
        start.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}

fn check_cmd(printer: &Printer, matter: &Path) -> ExitCode {
    let mut session = Session::new();
    let progress = Progress::start(format!("checking {}", display_path(matter)));
    let result = session.build_path(matter, BuildOptions { pdf: false });
    drop(progress);
    let built = match result {
        Ok(b) => b,
        Err(d) => {
            printer.print(&d);
            eprintln!("pleader: {} is not filing-ready: fix the errors above", display_path(matter));
            return failure(&d);
        }
    };
    printer.print(&built.warnings);
    let items = check::court_checks(&built);
    println!("{} — {}", display_path(matter), built.profile.name);
    for item in &items {
        let mark = match item.status {
            Status::Pass => "ok  ",
            Status::Fail => "FAIL",
            Status::Warn => "warn",
        };
        println!("  {mark}  {}: {}", item.name, item.detail);
    }
    if check::filing_ready(&items) {
        println!("filing-ready");
        ExitCode::SUCCESS
    } else {
        println!("not filing-ready");
        ExitCode::from(1)
    }
}

fn new_matter(printer: &Printer, dir: &Path) -> ExitCode {
    let template = Project::builtin().files.get("scaffold/matter.yaml").map(|s| s.text.to_string());
    let Some(template) = template else {
        let d = Diagnostic::error("this pleader was built without its matter template");
        printer.print(std::slice::from_ref(&d));
        return ExitCode::from(1);
    };
    if dir.exists() && std::fs::read_dir(dir).map(|mut r| r.next().is_some()).unwrap_or(true) {
        let d = Diagnostic::usage(format!("`{}` already exists and is not empty", display_path(dir)))
            .with_hint("choose a new folder name; pleader never overwrites a matter");
        printer.print(std::slice::from_ref(&d));
        return ExitCode::from(2);
    }
    let path = dir.join("matter.yaml");
    if let Err(d) = output::write_atomic(&path, template.as_bytes()) {
        printer.print(std::slice::from_ref(&d));
        return ExitCode::from(2);
    }
    println!("created {}", display_path(&path));
    println!("next: edit it, then `pleader check {}` and `pleader build {}`", display_path(&path), display_path(&path));
    ExitCode::SUCCESS
}

fn clauses(printer: &Printer, lint_flag: bool, root: Option<PathBuf>) -> ExitCode {
    let project = match project_for(root) {
        Ok(p) => p,
        Err(d) => {
            printer.print(&d);
            return failure(&d);
        }
    };
    if lint_flag {
        let progress = Progress::start("rendering every clause against the sample matters".into());
        let report = lint::lint(&project);
        drop(progress);
        printer.print(&report.diagnostics);
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        println!(
            "{} clauses, {} sample matters, {} renderings: {errors} errors, {warnings} warnings",
            report.clauses, report.matters, report.renders
        );
        return if errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) };
    }
    let files = project.files_in("clauses", ".tera");
    let library = match pleader::render::ClauseLibrary::new(files, None) {
        Ok(l) => l,
        Err(d) => {
            printer.print(&d);
            return failure(&d);
        }
    };
    for c in library.clauses.values() {
        println!("{}  ({})", c.id, c.source.name);
        println!("  heading:     {}", c.header.heading);
        if let Some(s) = &c.header.summary {
            println!("  summary:     {s}");
        }
        if !c.header.needs.is_empty() {
            println!("  needs:       {}", c.header.needs.join(", "));
        }
        if !c.header.authorities.is_empty() {
            println!("  authorities: {}", c.header.authorities.join(", "));
        }
        for (name, spec) in &c.header.options {
            let default = serde_yaml::to_string(&spec.default).unwrap_or_default();
            println!(
                "  option {name} (default {}): {}",
                default.trim(),
                spec.description.as_deref().unwrap_or("")
            );
        }
    }
    ExitCode::SUCCESS
}

fn authorities(printer: &Printer, query: Option<String>, root: Option<PathBuf>) -> ExitCode {
    let project = match project_for(root) {
        Ok(p) => p,
        Err(d) => {
            printer.print(&d);
            return failure(&d);
        }
    };
    let mut bank = pleader::authority::Bank::default();
    for (_, src) in project.files_in("authorities", ".yaml") {
        if let Err(d) = bank.add_file(src) {
            printer.print(&d);
            return failure(&d);
        }
    }
    let words: Vec<String> = query.iter().flat_map(|q| q.split_whitespace()).map(|w| w.to_lowercase()).collect();
    let mut shown = 0;
    for (id, (a, src)) in &bank.entries {
        let full = plain(&a.full(None, ""));
        let short = plain(&a.short_form(None, ""));
        let haystack = format!("{id} {full} {short} {}", a.note.as_deref().unwrap_or("")).to_lowercase();
        if !words.iter().all(|w| haystack.contains(w)) {
            continue;
        }
        shown += 1;
        println!("{id}  [{:?}]  ({})", a.kind, src.name);
        println!("  full:  {full}");
        println!("  short: {short}");
        if let Some(note) = &a.note {
            let first: String = note.split_whitespace().collect::<Vec<_>>().join(" ");
            let cut: String = first.chars().take(160).collect();
            println!("  note:  {cut}{}", if first.chars().count() > 160 { "…" } else { "" });
        }
    }
    if shown == 0 {
        eprintln!("no authority matches `{}`", query.unwrap_or_default());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
