//! Diagnostics: every problem pleader reports, with the file, line and column it comes from, what
//! was expected and a hint. Errors are values, collected by the pipeline stages and printed once,
//! at the edge (the binary), either rustc/typst style through `codespan-reporting` or one line per
//! problem (`--diagnostic-format short`) for editors. A [`Kind`] decides the exit code: 1 for a
//! problem in the document or its inputs, 2 for usage or I/O.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer};

/// A named text: a file read from disk or embedded in the binary, or a generated source.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SourceText {
    /// The name shown to the user: a path relative to the working directory where possible,
    /// `<builtin>/…` for defaults embedded in the binary.
    pub name: String,
    pub text: Arc<str>,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self { name: name.into(), text: text.into() }
    }

    /// The byte offset of a 1-based line and column (column counted in characters).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let mut offset = 0;
        for (i, l) in self.text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col = l.char_indices().nth(column.saturating_sub(1)).map(|(b, _)| b);
                return offset + col.unwrap_or(l.trim_end_matches('\n').len());
            }
            offset += l.len();
        }
        self.text.len()
    }

    /// The 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, col)
    }

    /// The byte range of a whole 1-based line, without its newline.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.offset(line, 1);
        let end = self.text[start..].find('\n').map_or(self.text.len(), |e| start + e);
        start..end
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// What kind of problem: it decides the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Something in the matter, a clause, the bank, a profile or a template (exit 1).
    Document,
    /// The command line was wrong (exit 2).
    Usage,
    /// A file could not be read or written (exit 2).
    Io,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub message: String,
    pub source: Option<SourceText>,
    pub span: Option<Range<usize>>,
    pub label: Option<String>,
    /// Other places in the same source the problem involves (e.g. where a key was first written).
    pub secondary: Vec<(Range<usize>, String)>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            kind: Kind::Document,
            message: message.into(),
            source: None,
            span: None,
            label: None,
            secondary: vec![],
            notes: vec![],
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(message) }
    }

    pub fn io(message: impl Into<String>) -> Self {
        Self { kind: Kind::Io, ..Self::error(message) }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self { kind: Kind::Usage, ..Self::error(message) }
    }

    /// Points the diagnostic at a byte range of a source.
    pub fn at(mut self, source: &SourceText, span: Range<usize>) -> Self {
        let len = source.text.len();
        let start = floor_char_boundary(&source.text, span.start.min(len));
        let end = floor_char_boundary(&source.text, span.end.clamp(start, len));
        self.source = Some(source.clone());
        self.span = Some(start..end);
        self
    }

    /// Points the diagnostic at a 1-based line and column of a source (one character wide).
    pub fn at_line_col(self, source: &SourceText, line: usize, column: usize) -> Self {
        let start = source.offset(line, column);
        let end = source.text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
        self.at(source, start..end)
    }

    /// Names a file without pointing into it (when the problem is the whole file).
    pub fn in_file(mut self, source: &SourceText) -> Self {
        self.source = Some(source.clone());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a second place in the diagnostic's source, with a label.
    pub fn with_secondary(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.secondary.push((span, label.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_hint(self, hint: impl Into<String>) -> Self {
        self.with_note(format!("hint: {}", hint.into()))
    }

    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// `file:line:column` (or just the file name) for the start of the diagnostic.
    pub fn location(&self) -> Option<String> {
        let source = self.source.as_ref()?;
        Some(match &self.span {
            Some(span) => {
                let (line, col) = source.line_col(span.start);
                format!("{}:{}:{}", source.name, line, col)
            }
            None => source.name.clone(),
        })
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A list of diagnostics: what a failing stage returns.
pub type Diagnostics = Vec<Diagnostic>;

/// The result type of the pipeline stages.
pub type Result<T> = std::result::Result<T, Diagnostics>;

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        vec![d]
    }
}

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// rustc/typst style, with the offending source line.
    #[default]
    Human,
    /// `file:line:col: error: message` — one line each, for editors.
    Short,
}

/// Renders diagnostics as text (without colour: the binary decides about colour).
pub fn render(diags: &[Diagnostic], format: Format) -> String {
    match format {
        Format::Short => {
            let mut out = String::new();
            for d in diags {
                let sev = if d.is_error() { "error" } else { "warning" };
                match d.location() {
                    Some(loc) => write!(out, "{loc}: {sev}: {}", d.message).unwrap(),
                    None => write!(out, "{sev}: {}", d.message).unwrap(),
                }
                for n in &d.notes {
                    write!(out, " ({n})").unwrap();
                }
                out.push('\n');
            }
            out
        }
        Format::Human => {
            let mut buf = Buffer::no_color();
            emit(&mut buf, diags);
            String::from_utf8_lossy(buf.as_slice()).into_owned()
        }
    }
}

/// Writes diagnostics rustc-style to a termcolor writer (coloured when the writer supports it).
pub fn emit(writer: &mut dyn term::termcolor::WriteColor, diags: &[Diagnostic]) {
    let config = term::Config::default();
    let mut files = SimpleFiles::new();
    for d in diags {
        let mut cs = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(&d.message);
        let mut notes = d.notes.clone();
        if let Some(source) = &d.source {
            match &d.span {
                Some(span) => {
                    let id = files.add(source.name.clone(), source.text.to_string());
                    let mut label = Label::primary(id, span.clone());
                    if let Some(l) = &d.label {
                        label = label.with_message(l);
                    }
                    let mut labels = vec![label];
                    for (span, text) in &d.secondary {
                        labels.push(Label::secondary(id, span.clone()).with_message(text));
                    }
                    cs = cs.with_labels(labels);
                }
                None => notes.insert(0, format!("in {}", source.name)),
            }
        }
        cs = cs.with_notes(notes);
        // Writing to an in-memory buffer or a terminal; a failure here has nowhere to go.
        let _ = term::emit_to_write_style(writer, &config, &files, &cs);
    }
}

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(&word.to_lowercase(), &c.to_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = (word.chars().count().max(c.chars().count()) / 3).max(1);
    (d <= limit || c.contains(word) || word.contains(c)).then_some(c)
}

/// The candidates within a small edit distance of `word`, closest first.
pub fn close_matches<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, c)| {
            *d <= (word.chars().count().max(c.chars().count()) / 2).max(2) || c.contains(word) || word.contains(*c)
        })
        .collect();
    scored.sort();
    scored.into_iter().map(|(_, c)| c).take(5).collect()
}

/// "did you mean `a`, `b`?" for the candidates close to `word`, or `None` when none is close.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let close = close_matches(word, candidates);
    (!close.is_empty())
        .then(|| format!("did you mean {}?", close.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")))
}

/// Edit distance over characters, counting a swap of two neighbours as one edit (optimal string
/// alignment), since "shrot" for "short" is one typo.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_line_columns_round_trip() {
        let s = SourceText::new("f", "ab\ncd§e\n\nx");
        assert_eq!(s.offset(2, 3), 5);
        assert_eq!(s.line_col(5), (2, 3));
        assert_eq!(s.line_col(s.offset(4, 1)), (4, 1));
        assert_eq!(&s.text[s.line_range(2)], "cd§e");
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(closest("cout", ["court", "counsel", "case"]), Some("court"));
        assert_eq!(closest("zzzzzz", ["court", "counsel"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("shrot", "short"), 1);
        assert_eq!(closest("shrot", ["name", "short", "role"]), Some("short"));
    }
}
