//! The `pleader` command line: argument parsing (clap), one file per command, and one error sink.
//! Each command returns `Result<(), Failure>`; [`run`] prints what failed (rustc style, or one
//! line each with `--diagnostic-format short`) and turns the outcome into the exit code: 0 on
//! success, 1 for a problem in the document or its inputs (or a brief that is not filing-ready,
//! for `check`), 2 for usage or I/O problems.

mod authorities;
mod build;
mod check;
mod citecheck;
mod clauses;
mod facts;
mod library;
mod new;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diag::{self, Diagnostic, Diagnostics, Kind};
use crate::library::project::{Project, LIBRARY_DIRS};

/// `pleader --version`: the version and the reference data compiled in, with its license.
static LONG_VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{}\ncitation data: reporters-db {} and courts-db {}, by Free Law Project (BSD-2-Clause; see data/*/LICENSE)",
        env!("CARGO_PKG_VERSION"),
        crate::cite::reference::REPORTERS_DB_VERSION,
        crate::cite::reference::COURTS_DB_VERSION,
    )
});

#[derive(Parser)]
#[command(
    name = "pleader",
    version,
    long_version = LONG_VERSION.as_str(),
    about = "Turns a matter file into a filing-ready, line-numbered pleading PDF",
    long_about = "pleader merges a matter file (YAML) with a library of clause templates, an \
                  authority bank and a court profile, and typesets a line-numbered pleading PDF \
                  with a table of contents and a table of authorities.",
    after_help = "Examples:\n  pleader build matters/leifer-v-twitter.yaml\n  pleader check matters/leifer-v-twitter.yaml\n  pleader citecheck matters/leifer-v-twitter.yaml -o output/citecheck.md\n  pleader watch matters/leifer-v-twitter.yaml\n  pleader new my-matter"
)]
pub struct Cli {
    /// How to print errors and warnings.
    #[arg(long, value_enum, global = true, default_value = "human")]
    diagnostic_format: DiagFormat,
    /// The project folder to use (its clauses/, templates/, authorities/, courts/, claims/),
    /// instead of the one found above the matter; required for one that others could write to.
    #[arg(long, global = true, value_name = "DIR")]
    project: Option<PathBuf>,
    /// Print the project folder each command uses (`check` always prints it).
    #[arg(long, short, global = true)]
    verbose: bool,
    /// The most time one build may spend evaluating clauses and typesetting, in seconds; past
    /// it pleader stops with an error naming the file.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = crate::budget::DEFAULT_TIME_SECS,
          value_parser = clap::value_parser!(u64).range(1..))]
    time_limit: u64,
    /// The most memory one build's clause evaluation and typesetting may add, in megabytes; past
    /// it pleader stops with an error naming the file.
    #[arg(long, global = true, value_name = "MB", default_value_t = crate::budget::DEFAULT_MEMORY_MB,
          value_parser = clap::value_parser!(u64).range(1..))]
    memory_limit: u64,
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
    #[command(
        after_help = "Example:\n  pleader build matters/leifer-v-twitter.yaml          # writes output/leifer-v-twitter.pdf\n  pleader build matters/leifer-v-twitter.yaml -o /tmp/opp.pdf --emit-typst /tmp/typst"
    )]
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
    #[command(
        after_help = "Exit status: 0 when filing-ready, 1 otherwise, 2 for usage or I/O problems.\n\nExample:\n  pleader check matters/leifer-v-twitter.yaml"
    )]
    Check {
        /// The matter file.
        matter: PathBuf,
    },
    /// Rebuild the PDF whenever the matter, a clause, a template, the bank or a profile changes.
    #[command(
        after_help = "Stop with Ctrl-C. On an error the diagnostic is printed and the last good PDF is kept.\n\nExample:\n  pleader watch matters/leifer-v-twitter.yaml -o output/draft.pdf"
    )]
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
    /// Create a new matter: a commented template with every fact its outline's clauses read.
    #[command(
        after_help = "Examples:\n  pleader new doe-v-platform                  # writes doe-v-platform/matter.yaml\n  pleader new doe-v-platform --outline arista-invoked --court cd-cal\n  pleader new x --outline help                # lists the outlines\n  pleader build doe-v-platform/matter.yaml"
    )]
    New {
        /// The folder to create (must not exist or be empty); not needed with `--outline help`.
        dir: Option<PathBuf>,
        /// The outline to start from (`clauses/_outlines.yaml`; `--outline help` lists them).
        /// Without it: `highfields`, or, with `--court`, the first outline written for that court.
        #[arg(long)]
        outline: Option<String>,
        /// The court profile (`courts/<id>.yaml`).
        #[arg(long)]
        court: Option<String>,
    },
    /// List the facts a matter may hold: path, type, allowed values, required, description, and
    /// the clauses that read each.
    #[command(after_help = "Examples:\n  pleader facts\n  pleader facts no-prima-facie-case")]
    Facts {
        /// Only the facts this clause reads.
        clause: Option<String>,
        /// The project folder (default: the current folder if it has a library, else the built-in one).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Print or copy a built-in library file (a court profile, a claim file, a clause, a template).
    #[command(
        after_help = "Examples:\n  pleader library list\n  pleader library show courts/nd-cal.yaml\n  pleader library eject courts/nd-cal.yaml --project my-firm"
    )]
    Library {
        #[command(subcommand)]
        action: LibraryAction,
    },
    /// List the clause library; with --lint, render every clause against the sample matters.
    #[command(
        after_help = "Examples:\n  pleader clauses\n  pleader clauses --lint\n  pleader clauses --root /path/to/project"
    )]
    Clauses {
        /// Render every clause against the sample matters and report problems (exit 1 on errors).
        #[arg(long)]
        lint: bool,
        /// The project folder (default: the current folder if it has clauses/, courts/, … else the built-in library).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// List or search the authority bank; check it against reporters-db and courts-db; add a pasted citation.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  pleader authorities\n  pleader authorities highfields\n  pleader authorities \"N.D. Cal.\"\n  pleader authorities --matter matters/leifer-v-twitter.yaml twitter\n  pleader authorities --check\n  pleader authorities add \"Highfields Cap. Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005)\""
    )]
    Authorities {
        /// Words to look for in ids, names, citations and notes.
        query: Option<String>,
        /// Check every entry's reporter, year, court, docket, date, pins and history against the
        /// vendored reporters-db and courts-db; DIR is a project folder or a folder of bank files
        /// (default: this project's bank). Exit 1 on errors.
        #[arg(long, value_name = "DIR", num_args = 0..=1)]
        check: Option<Option<PathBuf>>,
        /// The project folder (default: the current folder if it has a library, else the built-in one).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Also list a matter's own authorities (its `authorities:`, which replace bank entries of
        /// the same id), searching the bank of the matter's project.
        #[arg(long, value_name = "MATTER", conflicts_with = "root")]
        matter: Option<PathBuf>,
        #[command(subcommand)]
        action: Option<AuthoritiesAction>,
    },
    /// Write the cite-check worksheet: every citation with its page:line, pin, the sentence it
    /// supports, verification status and CourtListener lookup address.
    #[command(
        after_help = "Example:\n  pleader citecheck matters/leifer-v-twitter.yaml -o output/citecheck.md\n  pleader citecheck matters/leifer-v-twitter.yaml -o output/citecheck.csv\n  pleader citecheck matters/leifer-v-twitter.yaml --import output/citecheck.csv"
    )]
    Citecheck {
        /// The matter file.
        matter: PathBuf,
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Markdown or CSV (default: CSV for `-o *.csv`, else Markdown).
        #[arg(long, value_enum)]
        format: Option<citecheck::SheetFormat>,
        /// Record the rows of a filled-in CSV sheet (verified_by, source, date, note) in the bank,
        /// reporting rows that no longer match the brief.
        #[arg(long, value_name = "SHEET", conflicts_with_all = ["output", "format"])]
        import: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AuthoritiesAction {
    /// Read a pasted Bluebook case citation into a bank entry and print it (`--write` appends it
    /// to the project's authorities/cases.yaml, or to a new authorities/added.yaml).
    #[command(
        after_help = "Examples:\n  pleader authorities add \"Highfields Cap. Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005)\"\n  pleader authorities add --write --id aol \"Art of Living Found. v. Does 1-10, No. 10-cv-05022-LHK, 2011 WL 5444622 (N.D. Cal. Nov. 9, 2011)\""
    )]
    Add {
        /// The citation, in quotes.
        citation: String,
        /// Append the entry to the project's authorities/cases.yaml (if it has one; else to a new
        /// authorities/added.yaml, so the built-in cases stay in the bank).
        #[arg(long)]
        write: bool,
        /// The entry's id (default: from the first party's name).
        #[arg(long)]
        id: Option<String>,
        /// The project folder (default: the current folder if it has a library).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Record that a person checked an entry (and the pins given) against a source: appends a
    /// record to the project's bank file that holds the entry, keeping its comments and layout.
    #[command(
        after_help = "Examples:\n  pleader authorities verify highfields --pin 975-76 --pin 970 --by JD --source Westlaw\n  pleader authorities verify arista --by JD --source \"Lexis\" --on 2026-12-04 --note \"WL cite matches\""
    )]
    Verify {
        /// The entry's id.
        id: String,
        /// A pin that was seen (repeat for several); without one, the record covers the citation.
        #[arg(long)]
        pin: Vec<String>,
        /// The initials of the person who checked.
        #[arg(long)]
        by: String,
        /// What it was checked against ("Westlaw", "Lexis", the court's PDF).
        #[arg(long)]
        source: String,
        /// The date it was checked, YYYY-MM-DD (default: today).
        #[arg(long)]
        on: Option<String>,
        /// A remark, recorded as written.
        #[arg(long)]
        note: Option<String>,
        /// What the entry's `unverified:` record names was checked too: records its text as
        /// cleared, so that it no longer holds the entry open.
        #[arg(long)]
        cleared_open: bool,
        /// The project folder (default: the current folder if it has a library).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum LibraryAction {
    /// List the built-in library files.
    List,
    /// Print a built-in library file (`claims/defamation.yaml`, `courts/nd-cal.yaml`).
    Show { path: String },
    /// Copy a built-in library file into a project folder, at the same path; never overwrites.
    Eject {
        path: String,
        /// The project folder (default: the current folder).
        #[arg(long, value_name = "DIR")]
        project: Option<PathBuf>,
    },
}

/// Why a command did not succeed.
pub enum Failure {
    /// Diagnostics to print; the exit code follows from their kinds (1, or 2 for usage and I/O).
    Diagnostics(Diagnostics),
    /// Already reported (e.g. `check`'s "not filing-ready", a lint summary): exit with this code.
    Reported(u8),
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Self {
        Failure::Diagnostics(d)
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Diagnostics(vec![d])
    }
}

/// Prints diagnostics to standard error in the chosen format.
pub struct Printer {
    format: DiagFormat,
}

impl Printer {
    pub fn print(&self, diags: &[Diagnostic]) {
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

/// The exit code for failed diagnostics: 2 when any error is a usage or I/O problem, else 1.
fn exit_code(diags: &Diagnostics) -> u8 {
    let usage = diags.iter().any(|d| d.is_error() && matches!(d.kind, Kind::Usage | Kind::Io));
    if usage {
        2
    } else {
        1
    }
}

/// Parses the command line, runs the command and reports the outcome: the one error sink.
pub fn run() -> ExitCode {
    // Typst lays out page runs on rayon's global pool; starting its threads now, while the
    // library loads, spares the first layout pass waiting for a thread to come up.
    rayon::spawn(|| ());
    let cli = Cli::parse();
    let _ = GLOBALS.set((cli.project.clone(), cli.verbose));
    let printer = Printer { format: cli.diagnostic_format };
    crate::budget::enable(cli.time_limit, cli.memory_limit, matches!(cli.diagnostic_format, DiagFormat::Short));
    let result = match cli.command {
        Command::Build { matter, output, emit_typst } => build::run(&printer, &matter, output, emit_typst),
        Command::Check { matter } => check::run(&printer, &matter),
        Command::Watch { matter, output, max_builds } => watch::run(&printer, &matter, output, max_builds),
        Command::New { dir, outline, court } => new::run(dir.as_deref(), outline.as_deref(), court.as_deref()),
        Command::Facts { clause, root } => facts::run(clause, root),
        Command::Library { action: LibraryAction::List } => library::list(),
        Command::Library { action: LibraryAction::Show { path } } => library::show(&path),
        Command::Library { action: LibraryAction::Eject { path, project } } => library::eject(&path, project),
        Command::Clauses { lint, root } => clauses::run(&printer, lint, root),
        Command::Authorities { action: Some(AuthoritiesAction::Add { citation, write, id, root }), .. } => {
            authorities::add(&printer, &citation, write, id, root)
        }
        Command::Authorities {
            action: Some(AuthoritiesAction::Verify { id, pin, by, source, on, note, cleared_open, root }),
            ..
        } => authorities::verify(&id, pin, &by, &source, on, note, cleared_open, root),
        Command::Authorities { check: Some(dir), root, .. } => authorities::check(&printer, dir, root),
        Command::Authorities { query, root, matter, .. } => authorities::run(query, root, matter),
        Command::Citecheck { matter, import: Some(sheet), .. } => citecheck::import(&printer, &matter, &sheet),
        Command::Citecheck { matter, output, format, .. } => citecheck::run(&printer, &matter, output, format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Reported(code)) => ExitCode::from(code),
        Err(Failure::Diagnostics(d)) => {
            printer.print(&d);
            ExitCode::from(exit_code(&d))
        }
    }
}

impl Printer {
    /// Prints diagnostics now (before a closing message) and gives the failure to return.
    fn fail(&self, diags: Diagnostics) -> Failure {
        self.print(&diags);
        Failure::Reported(exit_code(&diags))
    }
}

/// `output/<matter stem>.pdf`.
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

/// The project for the library commands: `--root`, else the working folder when it holds a
/// library, else the built-in library.
fn project_for(root: Option<PathBuf>) -> Result<Project, Failure> {
    let project = project_for_inner(root.or_else(|| GLOBALS.get().and_then(|g| g.0.clone())))?;
    if GLOBALS.get().is_some_and(|g| g.1) {
        announce(project.root.as_deref(), &project.replaced_builtins());
    }
    Ok(project)
}

/// `--project DIR` and `--verbose`, set once from the command line.
pub(crate) static GLOBALS: std::sync::OnceLock<(Option<PathBuf>, bool)> = std::sync::OnceLock::new();

/// A session that uses `--project DIR` when it was given, and warns of a brief dated more than a
/// few days after [`today`].
fn session() -> Result<crate::pipeline::Session, Failure> {
    let today = today().map_err(Diagnostic::usage)?;
    Ok(crate::pipeline::Session::new().with_project(GLOBALS.get().and_then(|g| g.0.clone())).with_today(Some(today)))
}

/// The environment variable that gives the command line today's date (YYYY-MM-DD) instead of the
/// system clock: for tests and scripts whose output must not change with the day they run.
pub const TODAY_VAR: &str = "PLEADER_TODAY";

/// Today's date for the command line: `PLEADER_TODAY` when set, else the system clock's (UTC). It
/// decides warnings and defaults (a brief dated ahead of it; the date of a verification record),
/// never what a PDF holds.
pub(crate) fn today() -> Result<chrono::NaiveDate, String> {
    match std::env::var(TODAY_VAR) {
        Ok(s) if !s.trim().is_empty() => crate::units::parse_date(&s).map_err(|e| format!("{TODAY_VAR}: {e}")),
        _ => {
            let days = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() / 86_400)
                .unwrap_or(0);
            // 719_163 is 1970-01-01 counted from 0001-01-01 (day 1).
            Ok(chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + days as i32).unwrap_or_default())
        }
    }
}

/// Prints the project folder the session's last build used, with `--verbose` or when `always`.
fn announce_used(session: &crate::pipeline::Session, always: bool) {
    if always || GLOBALS.get().is_some_and(|g| g.1) {
        if let Some((root, replaced)) = session.used_project() {
            announce(root, replaced);
        }
    }
}

/// `replaced`: the project's files that replace a built-in file whole (an ejected copy freezes
/// that file at the version copied: say which, so that a lawyer knows later library fixes skip
/// them).
fn announce(root: Option<&Path>, replaced: &[impl AsRef<str>]) {
    match root {
        Some(r) => {
            let replaced: Vec<&str> = replaced.iter().map(AsRef::as_ref).collect();
            eprintln!(
                "project: {} (its files override the built-in library{})",
                std::fs::canonicalize(r).unwrap_or_else(|_| r.to_path_buf()).display(),
                if replaced.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; these replace built-in files whole, so later fixes to them in the library do not reach this project: {}",
                        replaced.join(", ")
                    )
                }
            )
        }
        None => eprintln!("project: none (the built-in library)"),
    }
}

fn project_for_inner(root: Option<PathBuf>) -> Result<Project, Failure> {
    match root {
        Some(r) => {
            if !r.is_dir() {
                return Err(Diagnostic::usage(format!(
                    "`{}` is not a folder",
                    crate::library::project::display_path(&r)
                ))
                .into());
            }
            Ok(Project::at(&r)?)
        }
        None => {
            let cwd = std::env::current_dir().map_err(|e| Diagnostic::io(format!("no working folder: {e}")))?;
            if LIBRARY_DIRS.iter().any(|d| cwd.join(d).is_dir()) {
                Ok(Project::at(&cwd)?)
            } else {
                Ok(Project::builtin())
            }
        }
    }
}
