//! The `pleader` binary: everything is in the library; see [`pleader::cli`].

/// Counts the heap while a build evaluates clauses and templates (`--memory-limit`).
#[global_allocator]
static ALLOC: pleader::budget::Counting = pleader::budget::Counting;

fn main() -> std::process::ExitCode {
    pleader::cli::run()
}
