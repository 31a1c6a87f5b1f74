//! The `pleader` binary: everything is in the library; see [`pleader::cli`].

fn main() -> std::process::ExitCode {
    pleader::cli::run()
}
