//! Which files make up a library, in one place: the build script embeds them, the project loader
//! reads a project's own copies, and the watcher knows which changes matter. (The build script
//! includes this file with `#[path]`, so it uses nothing but `std`.)

/// The folders a project may override, file by file.
pub const LIBRARY_DIRS: [&str; 5] = ["clauses", "templates", "authorities", "courts", "claims"];

/// The folders embedded in the binary: the library, the sample matters and the scaffold.
pub const EMBEDDED_DIRS: [&str; 7] = ["clauses", "templates", "authorities", "courts", "claims", "matters", "scaffold"];

/// The file name endings of library files.
pub const EXTENSIONS: [&str; 3] = [".tera", ".typ", ".yaml"];

/// Whether a file name is a library file: one of [`EXTENSIONS`], not hidden, not an editor's
/// backup (`name~`).
pub fn is_library_file(name: &str) -> bool {
    !name.starts_with('.') && !name.ends_with('~') && EXTENSIONS.iter().any(|e| name.ends_with(e))
}
