//! Which files make up a library, in one place: the build script embeds them, the project loader
//! reads a project's own copies, and the watcher knows which changes matter. (The build script
//! includes this file with `#[path]`, so it uses nothing but `std`.)

/// The folders a project may override, file by file.
pub const LIBRARY_DIRS: [&str; 5] = ["clauses", "templates", "authorities", "courts", "claims"];

/// The project folder that holds font files of the lawyer's own (a court's required typeface):
/// read as bytes, never embedded in the binary.
pub const FONT_DIR: &str = "fonts";

/// The file name endings of font files (any case).
pub const FONT_EXTENSIONS: [&str; 4] = [".ttf", ".otf", ".ttc", ".otc"];

/// Whether a file name is a font file: one of [`FONT_EXTENSIONS`], not hidden.
pub fn is_font_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !name.starts_with('.') && FONT_EXTENSIONS.iter().any(|e| lower.ends_with(e))
}

/// The folders embedded in the binary: the library, the sample matters and the scaffold.
pub const EMBEDDED_DIRS: [&str; 7] = ["clauses", "templates", "authorities", "courts", "claims", "matters", "scaffold"];

/// The file name endings of library files.
pub const EXTENSIONS: [&str; 3] = [".tera", ".typ", ".yaml"];

/// Whether a file name is a library file: one of [`EXTENSIONS`], not hidden, not an editor's
/// backup (`name~`).
pub fn is_library_file(name: &str) -> bool {
    !name.starts_with('.') && !name.ends_with('~') && EXTENSIONS.iter().any(|e| name.ends_with(e))
}
