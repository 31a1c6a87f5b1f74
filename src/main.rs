//! The `pleader` binary: everything is in the library; see [`pleader::cli`].

/// Counts the heap while a build evaluates clauses and templates (`--memory-limit`).
#[global_allocator]
static ALLOC: pleader::budget::Counting = pleader::budget::Counting;

fn main() -> std::process::ExitCode {
    // Output piped into a command that stops reading (`pleader authorities | head`) ends pleader
    // quietly, as it ends any Unix filter, instead of a panic in `println!` (Rust ignores
    // SIGPIPE, so a closed pipe is an error at every write).
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    pleader::cli::run()
}
