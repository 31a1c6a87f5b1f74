//! The typesetter's world: an in-process Typst `World` of pleader's own. Every source it can see
//! is an in-memory text the assemble stage produced (the main file, the templates, the data
//! files, one file per clause); the fonts are the Liberation Serif faces embedded in the
//! binary and any the project's `fonts/` folder holds (read by the load stage); `today()` is the matter's date; files outside those sources and packages are refused.
//! Nothing here touches the file system or the network. The [`Typesetter`] lives as long as the
//! session: sources are updated in place so that Typst's incremental parser and its memoization
//! cache reuse the layout of everything that did not change.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::{GeneratedFile, Origin};

/// The font files embedded in the binary (SIL OFL 1.1, see `fonts/OFL.txt`).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The embedded faces, parsed.
fn embedded_fonts() -> Vec<Font> {
    FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect()
}

/// The persistent Typst world.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// The project's own font files now in `fonts` after the embedded ones (see
    /// [`Typesetter::set_project_fonts`]).
    project_fonts: Vec<std::sync::Arc<Vec<u8>>>,
    main: FileId,
    pub(super) sources: HashMap<FileId, Source>,
    pub(super) origins: HashMap<FileId, Origin>,
    today: Option<Datetime>,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

pub(super) fn file_id(path: &str) -> FileId {
    // Paths are produced by pleader itself ("/main.typ", "/clauses/03-intro.typ"), always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid.typ").unwrap());
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Typesetter {
    pub fn new() -> Self {
        let fonts = embedded_fonts();
        let book = FontBook::from_fonts(&fonts);
        Self {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(book),
            fonts,
            project_fonts: vec![],
            main: file_id("/main.typ"),
            sources: HashMap::new(),
            origins: HashMap::new(),
            today: None,
        }
    }

    /// Which generated file is the document to typeset (`/main.typ`, the brief, by default;
    /// `/order.typ` for the proposed order).
    pub fn set_main(&mut self, path: &str) {
        self.main = file_id(path);
    }

    /// Adds the project's own font files (`fonts/` in the project folder) after the embedded
    /// ones; a file identical to an embedded one is skipped. Unchanged from the last call, nothing
    /// is rebuilt, so Typst's memoised layout survives. `Err` names a file that holds no font.
    pub fn set_project_fonts(&mut self, files: &[(String, std::sync::Arc<Vec<u8>>)]) -> Result<(), String> {
        let own: Vec<&(String, std::sync::Arc<Vec<u8>>)> =
            files.iter().filter(|(_, bytes)| !FONTS.iter().any(|e| *e == bytes.as_slice())).collect();
        if own.len() == self.project_fonts.len()
            && own.iter().zip(&self.project_fonts).all(|((_, a), b)| std::sync::Arc::ptr_eq(a, b) || a == b)
        {
            return Ok(());
        }
        let mut fonts = embedded_fonts();
        for (path, bytes) in &own {
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(bytes.as_ref().clone())));
            if fonts.len() == before {
                return Err(path.clone());
            }
        }
        self.book = LazyHash::new(FontBook::from_fonts(&fonts));
        self.fonts = fonts;
        self.project_fonts = own.into_iter().map(|(_, bytes)| bytes.clone()).collect();
        Ok(())
    }

    /// The family names of the embedded fonts and the project's.
    pub fn font_families(&self) -> Vec<String> {
        let mut v: Vec<String> = self.fonts.iter().map(|f| f.info().family.clone()).collect();
        v.dedup();
        v
    }

    /// Sets the date `datetime.today()` returns (the matter's date, never the clock).
    pub fn set_today(&mut self, date: chrono::NaiveDate) {
        use chrono::Datelike;
        self.today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
    }

    /// Replaces the set of sources. Files whose text is unchanged keep their parsed `Source`;
    /// changed ones are edited in place, which lets Typst reparse incrementally.
    pub fn set_sources(&mut self, files: Vec<GeneratedFile>) {
        let mut keep = HashMap::with_capacity(files.len());
        let mut origins = HashMap::with_capacity(files.len());
        for file in files {
            let id = file_id(&file.path);
            let source = match self.sources.remove(&id) {
                Some(mut source) => {
                    // Typst 0.15's `Source::replace` widens the common suffix to a character
                    // boundary without bounding it by the common prefix, and then slices past the
                    // new text (a panic on texts such as "𖮎{<ᾥ"): where its range would overlap,
                    // the file is parsed afresh instead of edited.
                    let overlaps = |(prefix, suffix): (usize, usize)| {
                        prefix + suffix > file.text.len() || prefix + suffix > source.text().len()
                    };
                    match source.lines().replacement_range(&file.text) {
                        None => source,
                        Some(range) if overlaps(range) => Source::new(id, file.text),
                        Some(_) => {
                            source.replace(&file.text);
                            source
                        }
                    }
                }
                None => Source::new(id, file.text),
            };
            keep.insert(id, source);
            if let Some(origin) = file.origin {
                origins.insert(id, origin);
            }
        }
        self.sources = keep;
        self.origins = origins;
    }
}

impl World for Typesetter {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if matches!(id.root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some("packages are not available in pleader".into())));
        }
        self.sources.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if matches!(id.root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some("packages are not available in pleader".into())));
        }
        match self.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.text().to_string())),
            None => Err(FileError::NotFound(id.vpath().get_with_slash().into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
