//! The `pleader` command line: a thin layer over the library's pipeline. It parses arguments,
//! runs one command, prints diagnostics (rustc style, or one line each with
//! `--diagnostic-format short`) and turns the outcome into an exit code: 0 on success, 1 for a
//! problem in the document or its inputs, 2 for usage or I/O problems.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use pleader::diag::{self, Diagnostic, Diagnostics, Kind};
use pleader::output;
use pleader::pipeline::{BuildOptions, Session};

#[derive(Parser)]
#[command(
    name = "pleader",
    version,
    about = "Turns a matter file into a filing-ready, line-numbered pleading PDF",
    long_about = "pleader merges a matter file (YAML) with a library of clause templates, an \
                  authority bank and a court profile, and typesets a line-numbered pleading PDF \
                  with a table of contents and a table of authorities.",
    after_help = "Example:\n  pleader build matters/leifer-v-twitter.yaml\n  pleader build matters/leifer-v-twitter.yaml -o /tmp/opp.pdf --emit-typst /tmp/typst"
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
    #[command(after_help = "Example:\n  pleader build matters/leifer-v-twitter.yaml\n  \
                            (writes output/leifer-v-twitter.pdf)")]
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
                let mut stderr = StandardStream::stderr(ColorChoice::Auto);
                diag::emit(&mut stderr, diags);
            }
        }
    }
}

/// The exit code for a failed command.
fn failure(diags: &Diagnostics) -> ExitCode {
    let usage = diags.iter().any(|d| d.is_error() && matches!(d.kind, Kind::Usage | Kind::Io));
    ExitCode::from(if usage { 2 } else { 1 })
}

fn default_output(matter: &Path) -> PathBuf {
    let stem = matter.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "brief".into());
    PathBuf::from("output").join(format!("{stem}.pdf"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printer = Printer { format: cli.diagnostic_format };
    match cli.command {
        Command::Build { matter, output: out, emit_typst } => {
            let start = Instant::now();
            let mut session = Session::new();
            let built = match session.build_path(&matter, BuildOptions::default()) {
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
            let path = out.unwrap_or_else(|| default_output(&matter));
            let pdf = built.pdf.as_deref().unwrap_or_default();
            if let Err(d) = output::write_atomic(&path, pdf) {
                printer.print(std::slice::from_ref(&d));
                return failure(&vec![d]);
            }
            let pages = built.doc.pages().len();
            let body = built.facts.body_start.map_or(0, |s| pages - s);
            eprintln!(
                "wrote {} ({} pages: {} body) in {} ms",
                pleader::project::display_path(&path),
                pages,
                body,
                start.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
    }
}
