//! Stage 3: rendering clauses. Each clause selected by the matter's outline is rendered with Tera:
//! its heading and body see the matter (parties with pronoun forms, counsel, document, record,
//! facts), the clause's options (defaults from its header, overridden by the matter) and its own
//! place in the outline. Tera's autoescaping is switched on for every template and uses the one
//! escaping function, so every `{{ value }}` prints literally in Typst. The output is Typst markup
//! that still holds pleader's citation syntax; the cite stage resolves that.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value as Json};
use tera::{Context, Tera};

use crate::clause::Clause;
use crate::diag::{Diagnostic, Result, SourceText};
use crate::escape;
use crate::matter::{Matter, OutlineItem};
use crate::profile::Profile;
use crate::units::{bluebook_date, long_date, parse_date};

/// The clause library compiled into Tera templates.
pub struct ClauseLibrary {
    pub clauses: BTreeMap<String, Clause>,
    tera: Tera,
    /// Ids of every clause file in the project, compiled or not.
    pub available: Vec<String>,
}

/// One rendered outline entry.
#[derive(Clone, Debug)]
pub struct RenderedClause {
    pub clause: String,
    pub level: usize,
    /// "I.", "A.", "1."
    pub number: String,
    /// "IV.B.1", for cross-references.
    pub reference: String,
    pub heading: String,
    pub body: String,
    /// Authority ids the clause header lists.
    pub declared: Vec<String>,
}

fn body_name(id: &str) -> String {
    format!("{id}#body")
}

fn heading_name(id: &str) -> String {
    format!("{id}#heading")
}

impl ClauseLibrary {
    /// Parses clause files and compiles their heading and body templates: all of them, or only
    /// those in `only` (a build compiles just the clauses its outline selects).
    pub fn new(files: Vec<(String, &SourceText)>, only: Option<&std::collections::HashSet<String>>) -> Result<ClauseLibrary> {
        let mut clauses = BTreeMap::new();
        let mut problems = vec![];
        let mut tera = Tera::default();
        tera.autoescape_on(vec![""]);
        tera.set_escape_fn(escape::markup);
        register(&mut tera);
        let mut available = vec![];
        // (template name, its text, the file, offset of the text in the file) for the recursion check
        let mut texts: Vec<(String, String, SourceText, usize)> = vec![];
        for (id, source) in files {
            // `_name.tera`: a partial other clauses include (`{% include "_name.tera" %}`) or
            // import macros from; no header, never selected by a matter.
            if id.starts_with('_') {
                let name = format!("{id}.tera");
                if let Err(e) = tera.add_raw_template(&name, &source.text) {
                    problems.push(tera_error(&e, source, &source.text, 1));
                }
                texts.push((name, source.text.to_string(), source.clone(), 0));
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
                        if let Err(e) = tera.add_raw_template(&name, &text) {
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
            Ok(ClauseLibrary { clauses, tera, available })
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Clause> {
        self.clauses.get(id)
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
                    if let Some(target) = rest.trim_start().strip_prefix('"').and_then(|r| r.split('"').next()) {
                        edges.entry(name.as_str()).or_default().push((target.to_string(), pos));
                    }
                }
            }
        }
        // A macro whose body calls the macro itself.
        let mut from = 0;
        while let Some(p) = text[from..].find("{% macro ").or_else(|| text[from..].find("{%- macro ")) {
            let start = from + p;
            let after = &text[start..];
            let name_start = after.find("macro ").map_or(0, |i| i + 6);
            let macro_name: String = after[name_start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let end = after.find("endmacro").unwrap_or(after.len());
            let body = &after[name_start + macro_name.len()..end];
            if !macro_name.is_empty() && (body.contains(&format!("::{macro_name}(")) || body.contains(&format!(" {macro_name}("))) {
                problems.push(
                    Diagnostic::error(format!("macro `{macro_name}` calls itself"))
                        .at(source, base + start..base + start + name_start + macro_name.len())
                        .with_hint("clause templates cannot recurse: write the repetition with `{% for %}`"),
                );
            }
            from = start + end.max(1);
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
                            let chain = path.iter().map(|p| p.trim_end_matches("#body").to_string()).collect::<Vec<_>>().join(" → ");
                            problems.push(
                                Diagnostic::error(format!("`{}` is included in a cycle: {chain} → {}", target.trim_end_matches("#body"), target.trim_end_matches("#body")))
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

/// Filters and functions clause authors can use.
fn register(tera: &mut Tera) {
    // {{ facts.order.date | date }} → "May 11, 2022"; {{ … | date(style="bluebook") }} → "May 11, 2022"
    tera.register_filter("date", |v: &Json, args: &std::collections::HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("the `date` filter needs a date written YYYY-MM-DD"))?;
        let d = parse_date(s).map_err(tera::Error::msg)?;
        let style = args.get("style").and_then(|s| s.as_str()).unwrap_or("long");
        Ok(Json::String(match style {
            "bluebook" => bluebook_date(d),
            "long" => long_date(d),
            other => return Err(tera::Error::msg(format!("unknown date style `{other}`; use long or bluebook"))),
        }))
    });
    // {{ facts.accounts | words }} → "nine"
    tera.register_filter("words", |v: &Json, _: &std::collections::HashMap<String, Json>| {
        let n = v.as_u64().ok_or_else(|| tera::Error::msg("the `words` filter needs a whole number"))?;
        Ok(Json::String(number_words(n)))
    });
    // {{ "x" | capitalize_first }} keeps the rest as written (Tera's `capitalize` lowercases it).
    tera.register_filter("capfirst", |v: &Json, _: &std::collections::HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`capfirst` needs text"))?;
        let mut c = s.chars();
        Ok(Json::String(match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }))
    });
    // {{ facts.claims | series }} → "defamation, intentional infliction of emotional distress, and a CFAA claim"
    tera.register_filter("series", |v: &Json, args: &std::collections::HashMap<String, Json>| {
        let items: Vec<String> = v
            .as_array()
            .ok_or_else(|| tera::Error::msg("`series` needs a list"))?
            .iter()
            .map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string()))
            .collect();
        let conj = args.get("conj").and_then(|c| c.as_str()).unwrap_or("and");
        Ok(Json::String(match items.len() {
            0 => String::new(),
            1 => items[0].clone(),
            2 => format!("{} {conj} {}", items[0], items[1]),
            n => format!("{}, {conj} {}", items[..n - 1].join(", "), items[n - 1]),
        }))
    });
}

/// Whole numbers in words, as briefs write small counts ("nine Doe accounts").
pub fn number_words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    match n {
        0..=19 => ONES[n as usize].to_string(),
        20..=99 => {
            let t = TENS[(n / 10) as usize];
            if n % 10 == 0 { t.to_string() } else { format!("{t}-{}", ONES[(n % 10) as usize]) }
        }
        _ => n.to_string(),
    }
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
        d = d.with_hint("add the value to the matter file, or declare it in the clause header's `needs:` so pleader checks it first; `{% if x is defined %}` tests for optional values");
    } else if last.contains("Filter") && last.contains("not found") {
        const FILTERS: [&str; 14] = ["date", "words", "series", "capfirst", "upper", "lower", "length", "join", "default", "first", "last", "pluralize", "title", "trim"];
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
    for q in ['`', '\'' ] {
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

/// Converts YAML to JSON for Tera (mapping keys become strings).
pub fn yaml_to_json(v: &serde_yaml::Value) -> Json {
    match v {
        serde_yaml::Value::Null => Json::Null,
        serde_yaml::Value::Bool(b) => Json::Bool(*b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                json!(i)
            } else if let Some(u) = n.as_u64() {
                json!(u)
            } else {
                json!(n.as_f64().unwrap_or(0.0))
            }
        }
        serde_yaml::Value::String(s) => Json::String(s.clone()),
        serde_yaml::Value::Sequence(seq) => Json::Array(seq.iter().map(yaml_to_json).collect()),
        serde_yaml::Value::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                let key = match k {
                    serde_yaml::Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
                };
                out.insert(key, yaml_to_json(v));
            }
            Json::Object(out)
        }
        serde_yaml::Value::Tagged(t) => yaml_to_json(&t.value),
    }
}

/// The context every clause sees (before its own options are added).
pub fn base_context(matter: &Matter, profile: &Profile, outline: &[(usize, &OutlineItem)], refs: &BTreeMap<String, String>) -> Json {
    let mut parties = Map::new();
    for (key, p) in &matter.parties {
        let (he, him, his) = p.pronoun.forms();
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        };
        parties.insert(
            key.clone(),
            json!({
                "key": key, "name": p.name, "short": p.short, "role": p.role, "client": p.client,
                "he": he, "him": him, "his": his, "He": cap(he), "His": cap(his),
                "plural": matches!(p.pronoun, crate::matter::Pronoun::They),
            }),
        );
    }
    let client = matter.client().map(|(k, _)| parties[k].clone()).unwrap_or(Json::Null);
    let record: Map<String, Json> = matter
        .record
        .iter()
        .map(|(k, r)| (k.clone(), json!({"full": r.full, "short": r.short})))
        .collect();
    json!({
        "court": matter.court,
        "court_name": profile.name,
        "division": matter.division,
        "case": {
            "number": matter.case_number(profile.caption.judge_initials),
            "judge": matter.case.judge,
            "judge_initials": matter.case.judge_initials,
        },
        "document": {
            "title": matter.document.title,
            "short_title": matter.document.short_title,
            "type": matter.document.type_,
            "date": matter.document.date.0.format("%Y-%m-%d").to_string(),
        },
        "parties": parties,
        "client": client,
        "counsel": {
            "firm": matter.counsel.firm,
            "signer": matter.counsel.signer,
        },
        "record": record,
        "facts": yaml_to_json(&serde_yaml::Value::Mapping(matter.facts.clone())),
        "brief_clauses": outline.iter().map(|(_, i)| i.clause.clone()).collect::<Vec<_>>(),
        "sections": refs,
    })
}

/// The outline numbered and the context every clause shares, computed once per build (the
/// validate stage checks `needs` against the same context).
pub struct Prepared<'a> {
    pub outline: Vec<(usize, &'a OutlineItem)>,
    /// (clause id, heading number, reference) for each outline item.
    pub numbered: Vec<(String, String, String)>,
    pub context: Json,
}

pub fn prepare<'a>(matter: &'a Matter, profile: &Profile) -> Prepared<'a> {
    let outline = matter.outline();
    let numbered = number_outline(&outline, profile);
    let refs: BTreeMap<String, String> =
        numbered.iter().map(|(id, _, r)| (id.clone(), format!("Section {r}"))).collect();
    let context = base_context(matter, profile, &outline, &refs);
    Prepared { outline, numbered, context }
}

/// Renders every clause of the outline, in order.
pub fn render(prepared: &Prepared, library: &ClauseLibrary) -> Result<Vec<RenderedClause>> {
    let Prepared { outline, numbered, context: base } = prepared;
    let mut out = Vec::with_capacity(outline.len());
    let mut problems = vec![];
    for ((level, item), (_, number, reference)) in outline.iter().zip(numbered.iter().cloned()) {
        let Some(clause) = library.get(&item.clause) else { continue };
        let mut ctx_json = base.clone();
        let mut opts = Map::new();
        for (name, spec) in &clause.header.options {
            opts.insert(name.clone(), yaml_to_json(&spec.default));
        }
        for (k, v) in &item.options {
            if let serde_yaml::Value::String(k) = k {
                opts.insert(k.clone(), yaml_to_json(v));
            }
        }
        ctx_json["opts"] = Json::Object(opts);
        ctx_json["section"] = json!({"number": number, "level": level, "reference": reference});
        let ctx = match Context::from_value(ctx_json) {
            Ok(c) => c,
            Err(e) => {
                problems.push(Diagnostic::error(format!("cannot build the clause context: {e}")));
                continue;
            }
        };
        match library.render_one(clause, &ctx) {
            Ok((heading, body)) => out.push(RenderedClause {
                clause: item.clause.clone(),
                level: *level,
                number,
                reference,
                heading,
                body,
                declared: clause.header.authorities.clone(),
            }),
            Err(mut d) => problems.append(&mut d),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Heading numbers ("I.", "A.") and references ("IV.B") for every outline item.
pub fn number_outline(outline: &[(usize, &OutlineItem)], profile: &Profile) -> Vec<(String, String, String)> {
    let mut counters: Vec<usize> = vec![];
    let mut parts: Vec<String> = vec![];
    let mut out = vec![];
    for (level, item) in outline {
        counters.truncate(*level);
        parts.truncate(*level);
        while counters.len() < *level {
            counters.push(0);
            parts.push(String::new());
        }
        counters[level - 1] += 1;
        let number = profile.heading_number(*level, counters[level - 1]);
        parts[level - 1] = number.trim_end_matches('.').to_string();
        out.push((item.clause.clone(), number, parts.join(".")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(number_words(9), "nine");
        assert_eq!(number_words(21), "twenty-one");
        assert_eq!(number_words(40), "forty");
        assert_eq!(number_words(120), "120");
    }
}
