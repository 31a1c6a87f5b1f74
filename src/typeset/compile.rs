//! Compiling: one Typst compilation of the current sources, and the mapping of Typst's diagnostics
//! back to the file the user edits — a clause, a template — where that is known.

use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::WorldExt;

use super::{Origin, PagedDocument, Typesetter};
use crate::diag::{Diagnostic, SourceText};

impl Typesetter {
    /// Typesets the current sources. Warnings that mean a wrong document (a missing font family)
    /// are turned into errors.
    pub fn compile(&self) -> Result<(PagedDocument, Vec<Diagnostic>), Vec<Diagnostic>> {
        let warned = typst::compile::<PagedDocument>(self);
        let (fatal, other): (Vec<_>, Vec<_>) =
            warned.warnings.iter().partition(|w| w.message.contains("unknown font family"));
        let mut problems: Vec<Diagnostic> = fatal.iter().map(|w| self.diagnostic(w, true)).collect();
        let warnings = other.iter().map(|w| self.diagnostic(w, false)).collect();
        match warned.output {
            Ok(doc) if problems.is_empty() => Ok((super::layout::number_front_matter(doc), warnings)),
            Ok(_) => Err(problems),
            Err(errors) => {
                problems.extend(errors.iter().map(|e| self.diagnostic(e, false)));
                Err(problems)
            }
        }
    }

    /// [`Typesetter::compile`], also timing the layout iterations Typst ran before its
    /// introspections stabilised: one duration each, in order (read from Typst's timing events,
    /// which are switched on for the process while it runs, and slow it down a little).
    #[allow(clippy::type_complexity)]
    pub fn compile_timing_iterations(
        &self,
    ) -> (Result<(PagedDocument, Vec<Diagnostic>), Vec<Diagnostic>>, Vec<std::time::Duration>) {
        typst_timing::clear();
        typst_timing::enable();
        let result = self.compile();
        typst_timing::disable();
        let mut json = Vec::new();
        let events: Vec<serde_json::Value> = match typst_timing::export_json(&mut json, |_| (String::new(), 0)) {
            Ok(()) => serde_json::from_slice(&json).unwrap_or_default(),
            Err(_) => vec![],
        };
        // Typst opens one scope per layout iteration, named "iter (1)", "iter (2)"…, each a begin
        // ("B") and an end ("E") event with its time in microseconds ("ts").
        let mut begun: Option<f64> = None;
        let mut iterations = vec![];
        for e in events.iter().filter(|e| e["name"].as_str().is_some_and(|n| n.starts_with("iter ("))) {
            let ts = e["ts"].as_f64().unwrap_or(0.0);
            match e["ph"].as_str() {
                Some("B") => begun = Some(ts),
                Some("E") => {
                    if let Some(b) = begun.take() {
                        iterations.push(std::time::Duration::from_secs_f64((ts - b).max(0.0) / 1e6));
                    }
                }
                _ => {}
            }
        }
        (result, iterations)
    }

    /// Converts a Typst diagnostic into a pleader diagnostic that points at the file the user
    /// edits where that is known (a clause), and at the generated source otherwise.
    pub(crate) fn diagnostic(&self, diag: &SourceDiagnostic, force_error: bool) -> Diagnostic {
        let mut message = diag.message.to_string();
        let is_error = force_error || diag.severity == TypstSeverity::Error;
        let mut d = if is_error { Diagnostic::error("") } else { Diagnostic::warning("") };
        let located = diag.span.id().and_then(|id| {
            let range = self.range(diag.span)?;
            let source = self.sources.get(&id)?;
            Some((id, range, source))
        });
        if let Some((id, range, source)) = located {
            let generated = source.text();
            match self.origins.get(&id) {
                Some(origin) => {
                    let snippet = &generated[range.clone()];
                    let gen_line = generated[..range.start].matches('\n').count() + 1;
                    let span = locate_in_origin(origin, snippet, gen_line);
                    message = format!("Typst: {message}");
                    d = d.at(&origin.source, span);
                }
                None => {
                    let path = id.vpath().get_with_slash().to_string();
                    let text = SourceText::new(format!("<generated>{path}"), generated);
                    message = format!("Typst: {message}");
                    d = d.at(&text, range);
                }
            }
        } else {
            message = format!("Typst: {message}");
        }
        if message.contains("file not found") || message.contains("failed to load file") {
            d = d.with_hint("pleader's typesetter sees only the sources it generates: clauses and templates cannot read files or load packages");
        }
        if let Some(name) = message.strip_prefix("Typst: unknown variable: ") {
            const KNOWN: [&str; 6] = ["blockquote", "flush", "footnote", "emph", "strong", "section-heading"];
            if let Some(best) = crate::diag::closest(name, KNOWN) {
                d = d.with_hint(format!("did you mean `{best}`?"));
            }
        }
        d.message = message;
        for hint in &diag.hints {
            d = d.with_hint(hint.v.to_string());
        }
        d
    }
}

/// Finds where the text Typst complained about sits in the user's file: exactly for copied
/// templates, by searching for the snippet in rendered clauses.
fn locate_in_origin(origin: &Origin, snippet: &str, gen_line: usize) -> std::ops::Range<usize> {
    let text = &origin.source.text;
    let approx_line = (gen_line.saturating_sub(origin.line_offset) + origin.first_line).max(1);
    if !origin.rendered {
        let start = origin.source.offset(approx_line, 1);
        if let Some(pos) = text[start..].find(snippet).filter(|_| !snippet.is_empty()) {
            return start + pos..start + pos + snippet.len();
        }
        return origin.source.line_range(approx_line);
    }
    // Rendered: search for the snippet (or its first line) in the clause, nearest to the
    // approximate line.
    let needle = snippet.lines().next().unwrap_or("").trim();
    if !needle.is_empty() {
        let mut best: Option<(usize, usize)> = None;
        for (pos, _) in text.match_indices(needle) {
            let line = origin.source.line_col(pos).0;
            let dist = line.abs_diff(approx_line);
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, pos));
            }
        }
        if let Some((_, pos)) = best {
            return pos..pos + needle.len();
        }
    }
    let line = approx_line.min(text.lines().count().max(1));
    origin.source.line_range(line)
}
