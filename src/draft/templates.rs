//! Clause templates compiled with Tera: each selected clause's heading and body, plus every
//! partial (`_name.tera`). Autoescaping is on for every template and uses the one escaping
//! function, so every `{{ value }}` prints literally in Typst. Include cycles and self-calling
//! macros are refused before anything renders (Tera has no recursion limit), and Tera's errors are
//! mapped back to the clause file and line.

use std::collections::BTreeMap;

use tera::{Context, Tera};

use crate::diag::{Diagnostic, Result, SourceText};
use crate::escape;
use crate::library::clause::{Clause, Partial};
use crate::library::schema::Reads;

/// The clause files a build selects, compiled into Tera templates.
pub struct ClauseTemplates {
    pub clauses: BTreeMap<String, Clause>,
    /// Every partial, by the name clauses include it by (`_name.tera`).
    pub partials: BTreeMap<String, Partial>,
    pub(crate) tera: Tera,
    /// Ids of every clause file in the project, compiled or not.
    pub available: Vec<String>,
    /// [`ClauseTemplates::declared`] of every compiled clause, worked out at the first call of
    /// [`ClauseTemplates::all_declared`] (a watch session keeps the templates, and with them this,
    /// until a clause file changes).
    all_declared: std::sync::OnceLock<BTreeMap<String, Vec<(Reads, String)>>>,
}

fn body_name(id: &str) -> String {
    format!("{id}#body")
}

fn heading_name(id: &str) -> String {
    format!("{id}#heading")
}

impl ClauseTemplates {
    /// Parses clause files and compiles their heading and body templates: all of them, or only
    /// those in `only` (a build compiles just the clauses its outline selects).
    pub fn new(
        files: Vec<(String, &SourceText)>,
        only: Option<&std::collections::HashSet<String>>,
    ) -> Result<ClauseTemplates> {
        let mut clauses = BTreeMap::new();
        let mut partials = BTreeMap::new();
        let mut problems = vec![];
        let mut tera = Tera::default();
        tera.autoescape_on(vec![""]);
        tera.set_escape_fn(escape::markup);
        super::filters::register(&mut tera);
        let mut available = vec![];
        // (template name, its text, the file, offset of the text in the file) for the recursion check
        let mut texts: Vec<(String, String, SourceText, usize)> = vec![];
        for (id, source) in files {
            // `_name.tera`: a partial other clauses include (`{% include "_name.tera" %}`) or
            // import macros from; no header, never selected by a matter.
            if id.starts_with('_') {
                match Partial::parse(&id, source) {
                    Ok(p) => {
                        if let Err(e) = super::precompiled::add_template(&mut tera, &p.name, &p.body) {
                            problems.push(tera_error(&e, source, &p.body, p.body_line));
                        }
                        texts.push((p.name.clone(), p.body.clone(), source.clone(), source.offset(p.body_line, 1)));
                        partials.insert(p.name.clone(), p);
                    }
                    Err(mut d) => problems.append(&mut d),
                }
                continue;
            }
            available.push(id.clone());
            if only.is_some_and(|o| !o.contains(&id)) {
                continue;
            }
            match Clause::parse(&id, source) {
                Ok(clause) => {
                    for (name, text, line) in [
                        (body_name(&id), clause.body.clone(), clause.body_line),
                        (heading_name(&id), clause.header.heading.clone(), clause.heading_line),
                    ] {
                        if let Err(e) = super::precompiled::add_template(&mut tera, &name, &text) {
                            problems.push(tera_error(&e, &clause.source, &text, line));
                        }
                        let offset = clause.source.offset(line, 1);
                        texts.push((name, text, clause.source.clone(), offset));
                    }
                    clauses.insert(id, clause);
                }
                Err(mut d) => problems.append(&mut d),
            }
        }
        problems.extend(recursion_problems(&texts));
        if problems.is_empty() {
            Ok(ClauseTemplates { clauses, partials, tera, available, all_declared: Default::default() })
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Clause> {
        self.clauses.get(id)
    }

    /// What a clause reads from the facts, found in its compiled heading and body and the
    /// partials they include.
    pub fn reads(&self, id: &str) -> super::reads::Reads {
        let mut r = super::reads::reads(&self.tera, &heading_name(id));
        let body = super::reads::reads(&self.tera, &body_name(id));
        r.facts.extend(body.facts);
        r.partials.extend(body.partials);
        r
    }

    /// The facts a clause declares: its own `facts:` and those of every partial it includes.
    pub fn declared(&self, id: &str) -> Vec<(Reads, String)> {
        let Some(clause) = self.clauses.get(id) else { return vec![] };
        let mut out: Vec<(Reads, String)> = clause.header.facts.iter().map(|r| (r.clone(), id.to_string())).collect();
        let mut partials = super::reads::includes(&self.tera, &heading_name(id));
        partials.extend(super::reads::includes(&self.tera, &body_name(id)));
        for p in partials {
            if let Some(partial) = self.partials.get(&p) {
                out.extend(partial.header.facts.iter().map(|r| (r.clone(), p.clone())));
            }
        }
        out
    }

    /// [`ClauseTemplates::declared`] for every compiled clause, by id.
    pub fn all_declared(&self) -> &BTreeMap<String, Vec<(Reads, String)>> {
        self.all_declared.get_or_init(|| self.clauses.keys().map(|id| (id.clone(), self.declared(id))).collect())
    }

    /// Renders one clause's heading and body with a context.
    pub fn render_one(&self, clause: &Clause, ctx: &Context) -> Result<(String, String)> {
        let heading = self
            .tera
            .render(&heading_name(&clause.id), ctx)
            .map_err(|e| tera_error(&e, &clause.source, &clause.header.heading, clause.heading_line))?;
        let body = self
            .tera
            .render(&body_name(&clause.id), ctx)
            .map_err(|e| tera_error(&e, &clause.source, &clause.body, clause.body_line))?;
        Ok((heading.replace(['\n', '\r'], " ").trim().to_string(), body))
    }
}

/// Tera has no recursion limit: a partial that includes itself (directly or through others), or
/// a macro that calls itself, would render until the stack overflows. Both are refused here,
/// before anything renders, with the place of the offending tag.
fn recursion_problems(texts: &[(String, String, SourceText, usize)]) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    let mut problems = vec![];
    // include/import edges: template → (target, offset of the tag in the template)
    let mut edges: HashMap<&str, Vec<(String, usize)>> = HashMap::new();
    for (name, text, source, base) in texts {
        for (pos, _) in text.match_indices("{%") {
            let tag = text[pos + 2..].trim_start_matches('-').trim_start();
            for kw in ["include", "import"] {
                if let Some(rest) = tag.strip_prefix(kw) {
                    // The name in double or single quotes or backticks: Tera takes all three.
                    let rest = rest.trim_start();
                    let quote = rest.chars().next().filter(|c| ['"', '\'', '`'].contains(c));
                    if let Some(target) = quote.and_then(|q| rest[1..].split(q).next()) {
                        edges.entry(name.as_str()).or_default().push((target.to_string(), pos));
                    }
                }
            }
        }
        // Macros that call themselves, directly or through each other (`self::a(…)`,
        // `self::a (…)`, `a(…)`): Tera would recurse until the stack overflows.
        let mut macros: Vec<(String, usize, usize, &str)> = vec![];
        let mut from = 0;
        while let Some(p) = text[from..].find("macro ") {
            let start = from + p;
            let tag_open = text[..start].trim_end_matches([' ', '-']).ends_with("{%");
            let name_start = start + 6;
            let macro_name: String =
                text[name_start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let end = text[start..].find("endmacro").map_or(text.len(), |e| start + e);
            if tag_open && !macro_name.is_empty() {
                let tag = text[..start].trim_end_matches([' ', '-']).len() - 2;
                macros.push((
                    macro_name.clone(),
                    tag,
                    name_start + macro_name.len(),
                    &text[name_start + macro_name.len()..end],
                ));
            }
            from = name_start;
        }
        let calls = |body: &str, callee: &str| {
            // Only inside `{{ … }}` and `{% … %}`: prose may say "a (the movant)".
            let mut code = String::new();
            let mut rest = body;
            while let Some(open) = rest.find(['{']) {
                let after = &rest[open + 1..];
                if after.starts_with('{') || after.starts_with('%') {
                    let close = after.find(['}', '%']).map_or(after.len(), |c| c);
                    code.push(' ');
                    code.push_str(&after[1..close.max(1)]);
                    rest = &after[close.max(1)..];
                } else {
                    rest = after;
                }
            }
            let body = code.as_str();
            body.match_indices(callee).any(|(i, _)| {
                let before = body[..i].chars().next_back();
                let after = body[i + callee.len()..].trim_start();
                after.starts_with('(') && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        };
        for (macro_name, start, name_end, _) in &macros {
            // Depth-first through the macros this one calls, looking for itself.
            let mut stack = vec![macro_name.as_str()];
            let mut seen = std::collections::HashSet::new();
            let mut cycle = false;
            while let Some(m) = stack.pop() {
                let Some((_, _, _, body)) = macros.iter().find(|x| x.0 == m) else { continue };
                for (callee, ..) in &macros {
                    if calls(body, callee) {
                        if callee == macro_name {
                            cycle = true;
                        } else if seen.insert(callee.as_str()) {
                            stack.push(callee);
                        }
                    }
                }
            }
            if cycle {
                let direct = macros.iter().any(|x| &x.0 == macro_name && calls(x.3, macro_name));
                let how = if direct { String::new() } else { " through the macros it calls".to_string() };
                problems.push(
                    Diagnostic::error(format!("macro `{macro_name}` calls itself{how}"))
                        .at(source, base + start..base + name_end)
                        .with_hint("clause templates cannot recurse: write the repetition with `{% for %}`"),
                );
            }
        }
    }
    // Cycles among includes and imports.
    let names: HashMap<&str, (&SourceText, usize)> = texts.iter().map(|(n, _, s, b)| (n.as_str(), (s, *b))).collect();
    for (start, _, _, _) in texts {
        let mut stack = vec![(start.as_str(), vec![start.clone()])];
        let mut seen = std::collections::HashSet::new();
        while let Some((node, path)) = stack.pop() {
            for (target, pos) in edges.get(node).map(|v| v.as_slice()).unwrap_or(&[]) {
                if target == start {
                    // Report each cycle once, at the tag in the template the cycle starts from.
                    if path.len() == 1 || start.as_str() == path.iter().min().map(|s| s.as_str()).unwrap_or("") {
                        if let Some((source, base)) = names.get(node) {
                            let chain = path
                                .iter()
                                .map(|p| p.trim_end_matches("#body").to_string())
                                .collect::<Vec<_>>()
                                .join(" → ");
                            problems.push(
                                Diagnostic::error(format!(
                                    "`{}` is included in a cycle: {chain} → {}",
                                    target.trim_end_matches("#body"),
                                    target.trim_end_matches("#body")
                                ))
                                .at(source, base + pos..base + pos + 2)
                                .with_hint("a partial cannot include itself, directly or through other partials"),
                            );
                        }
                    }
                } else if seen.insert(target.clone()) && names.contains_key(target.as_str()) {
                    let mut next = path.clone();
                    next.push(target.clone());
                    stack.push((target.as_str(), next));
                }
            }
        }
    }
    problems
}

/// Converts a Tera error into a diagnostic in the clause file: the line Tera reports for syntax
/// errors, or the line where the undefined variable or unknown filter is written.
pub fn tera_error(e: &tera::Error, source: &SourceText, template: &str, first_line: usize) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut cur: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = cur {
        chain.push(s.to_string());
        cur = s.source();
    }
    let full = chain.join("\n");
    // Syntax errors: " --> line:col"
    if let Some(pos) = full.find("--> ") {
        let rest = &full[pos + 4..];
        let lc: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == ':').collect();
        if let Some((l, c)) = lc.split_once(':') {
            if let (Ok(l), Ok(c)) = (l.parse::<usize>(), c.parse::<usize>()) {
                let expected = full.lines().rev().find(|l| l.contains("expected")).unwrap_or("").trim();
                let msg = if expected.is_empty() {
                    "template syntax error".to_string()
                } else {
                    format!("template syntax error: {}", expected.trim_start_matches("= "))
                };
                return Diagnostic::error(msg)
                    .at_line_col(source, l + first_line - 1, c)
                    .with_hint("clause bodies use Tera syntax: `{{ value }}`, `{% if … %}…{% endif %}`, `{% for … %}…{% endfor %}`");
            }
        }
    }
    let last = chain.last().cloned().unwrap_or_default();
    let needle = first_backticked(&last);
    let mut d = Diagnostic::error(clean_tera_message(&last));
    if let Some(n) = &needle {
        if let Some(off) = template.find(n.as_str()) {
            let line = template[..off].matches('\n').count();
            let col = template[..off].rsplit('\n').next().unwrap_or("").chars().count() + 1;
            let start = source.offset(first_line + line, col);
            d = d.at(source, start..start + n.len());
        } else {
            d = d.in_file(source);
        }
    } else {
        d = d.in_file(source);
    }
    if last.contains("not found in context") {
        d = d.with_hint("declare it in the clause header (`facts:` for a fact, defined in clauses/_facts.yaml; `needs:` for a party) so pleader checks the matter first; `{% if x is defined %}` tests for an optional fact");
    } else if last.contains("Filter") && last.contains("not found") {
        const FILTERS: [&str; 16] = [
            "date",
            "article",
            "pins",
            "words",
            "series",
            "capfirst",
            "upper",
            "lower",
            "length",
            "join",
            "default",
            "first",
            "last",
            "pluralize",
            "title",
            "trim",
        ];
        d = match needle.as_deref().and_then(|n| crate::diag::closest(n, FILTERS)) {
            Some(best) => d.with_hint(format!("did you mean `{best}`? filters include {}", FILTERS.join(", "))),
            None => d.with_hint(format!("filters include {}", FILTERS.join(", "))),
        };
    }
    d
}

/// The name a Tera message is about: `facts.x` in "Variable `facts.x` not found", `wordz` in
/// "Filter 'wordz' not found".
fn first_backticked(s: &str) -> Option<String> {
    for q in ['`', '\''] {
        if let Some(start) = s.find(q).map(|i| i + 1) {
            if let Some(end) = s[start..].find(q) {
                return Some(s[start..start + end].to_string());
            }
        }
    }
    None
}

fn clean_tera_message(s: &str) -> String {
    let s = s.split(" while rendering").next().unwrap_or(s);
    s.replace('\'', "`").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let source = SourceText::new("clauses/_m.tera", text);
        recursion_problems(&[("_m.tera".into(), text.into(), source, 0)]).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn macros_calling_each_other_are_found_however_written() {
        let mutual =
            "{% macro a(n) %}{{ self::b (n=n) }}{% endmacro a %}\n{% macro b(n) %}{{ self::a(n=n) }}{% endmacro b %}\n";
        assert_eq!(problems(mutual).len(), 2, "{:?}", problems(mutual));
        let spaced = "{% macro a(n) %}{{ self::a (n=n) }}{% endmacro a %}";
        assert_eq!(problems(spaced).len(), 1);
        // Prose that looks like a call, and a macro calling another that does not call back.
        let fine =
            "{% macro a(n) %}a (the movant) {{ self::b(n=n) }}{% endmacro a %}{% macro b(n) %}{{ n }}{% endmacro b %}";
        assert!(problems(fine).is_empty(), "{:?}", problems(fine));
    }
}
