//! YAML reading with diagnostics a lawyer can act on: every error names the file, line and
//! column, says what was expected, and for a misspelt field or value suggests the closest valid
//! name. All of pleader's YAML (matters, the authority bank, court profiles, clause headers, claim
//! types, the fact schema) is read through here, and a key written twice in one mapping is an
//! error at both places. [`tree`] keeps every node's position.

pub mod clean;
pub mod located;
pub mod tree;

use std::ops::Range;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json};
use serde_yaml::Value;

use crate::diag::{closest, Diagnostic, Result, SourceText};

/// Deserializes a whole YAML source into `T`.
pub fn from_str<T: DeserializeOwned>(source: &SourceText) -> Result<T> {
    from_str_at(source, &source.text, 0)
}

/// Deserializes a YAML fragment that starts `line_offset` lines into `source` (a clause header).
pub fn from_str_at<T: DeserializeOwned>(source: &SourceText, text: &str, line_offset: usize) -> Result<T> {
    // A key written twice: serde keeps the last silently (or reports only the second), so look
    // for it first in the positioned tree.
    let start = source.offset(line_offset + 1, 1);
    // A built-in text the build script found clean: the checks below would find nothing.
    if clean::is_clean(text) {
        // A whole built-in file: its JSON, which reads the same (checked file by file in
        // `clean`'s tests) about ten times faster.
        if let Some(json) = clean::json(text).filter(|_| line_offset == 0) {
            if let Ok(v) = serde_json::from_str(json) {
                return Ok(v);
            }
        }
        return serde_yaml::from_str(text).map_err(|e| vec![convert(source, &e, line_offset)]);
    }
    if let Some(d) = located::nesting_error(source, text, start) {
        return Err(vec![d]);
    }
    let root = match tree::parse_checked(text) {
        Err(span) => return Err(vec![located::alias_bomb(source, span, start)]),
        Ok(root) => root,
    };
    // Positions are worked out only when there is a duplicate to report.
    if let Some(root) = root.filter(tree::has_duplicate_keys) {
        let fragment = SourceText::new(source.name.clone(), &source.text[..start + text.len()]);
        let shifted = shift(&root, start);
        let dups = located::duplicate_keys(&fragment, &shifted);
        if !dups.is_empty() {
            return Err(dups.into_iter().map(|d| relocate(d, source)).collect());
        }
    }
    serde_yaml::from_str(text).map_err(|e| vec![convert(source, &e, line_offset)])
}

/// A tree whose spans are moved by `by` bytes (for a fragment that starts inside its file).
fn shift(node: &tree::Node, by: usize) -> tree::Node {
    let span = node.span.start + by..node.span.end + by;
    let kind = match &node.kind {
        tree::Kind::Scalar { text, plain } => tree::Kind::Scalar { text: text.clone(), plain: *plain },
        tree::Kind::Seq(items) => tree::Kind::Seq(items.iter().map(|n| shift(n, by)).collect()),
        tree::Kind::Map(entries) => tree::Kind::Map(
            entries
                .iter()
                .map(|e| tree::Entry {
                    key: e.key.clone(),
                    key_span: e.key_span.start + by..e.key_span.end + by,
                    value: shift(&e.value, by),
                })
                .collect(),
        ),
    };
    tree::Node { kind, span }
}

/// A diagnostic made against a prefix of `source`, pointed at the whole file.
fn relocate(mut d: Diagnostic, source: &SourceText) -> Diagnostic {
    d.source = Some(source.clone());
    d
}

/// Parses a YAML source into a generic value.
pub fn parse(source: &SourceText) -> Result<Value> {
    from_str(source)
}

/// Deserializes a value that no longer carries positions (after a merge); the error names the
/// file and, where the message names a field, the line where that field is written.
pub fn from_value<T: DeserializeOwned>(source: &SourceText, value: Value) -> Result<T> {
    serde_yaml::from_value(value).map_err(|e| {
        let (message, hint) = explain(&e.to_string(), &source.name);
        let mut d = Diagnostic::error(message);
        let raw = e.to_string();
        let span = field_in_message(&raw).and_then(|f| find_key(source, &f)).or_else(|| {
            // "`twelve` is not a length": point at the value where it is written.
            let value = between_backticks(&raw)?;
            let from = find_key(source, "overrides").map_or(0, |r| r.end);
            let pos = source.text[from..].find(&value)? + from;
            Some(pos..pos + value.len())
        });
        d = match span {
            Some(span) => d.at(source, span),
            None => d.in_file(source),
        };
        match hint {
            Some(h) => d.with_hint(h).into(),
            None => d.into(),
        }
    })
}

/// Converts a serde_yaml error into a diagnostic at its line and column.
pub fn convert(source: &SourceText, e: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
    let raw = e.to_string();
    let (message, hint) = explain(&raw, &source.name);
    let mut d = Diagnostic::error(message);
    d = match e.location() {
        Some(loc) => d.at_line_col(source, loc.line() + line_offset, loc.column()),
        None => d.in_file(source),
    };
    if let Some(h) = hint {
        d = d.with_hint(h);
    }
    d
}

/// Where a file's fields are documented, by its folder: a library file's in the README, a matter's
/// in the commented template `pleader new` writes.
fn fields_doc(name: &str) -> &'static str {
    let folder = |f: &str| name.starts_with(f) || name.contains(&format!("/{f}"));
    if folder("courts/") {
        "README, Court profiles; `pleader library show courts/nd-cal.yaml` prints a whole profile"
    } else if folder("claims/") {
        "README, Claims and their law; `pleader library show claims/defamation.yaml` prints a whole claim file"
    } else if folder("authorities/") {
        "README, How citations work"
    } else {
        "see the commented template: `pleader new`"
    }
}

/// Strips serde_yaml's position suffix, rewords the message and adds a "did you mean" hint.
fn explain(raw: &str, file: &str) -> (String, Option<String>) {
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.to_string(),
    };
    let message = message.trim_start_matches(['.', ':']).to_string();
    let (message, path) = split_path_prefix(&message);
    let (message, hint) = explain_core(&message, file);
    match path {
        Some(p) => (format!("{message} (in `{p}`)"), hint),
        None => (message, hint),
    }
}

fn explain_core(message: &str, file: &str) -> (String, Option<String>) {
    let message = message.to_string();
    for what in ["unknown field", "unknown variant"] {
        if let Some(rest) = message.strip_prefix(what) {
            let given = between_backticks(rest).unwrap_or_default();
            let expected: Vec<String> = match rest.find("expected") {
                Some(i) => backticked(&rest[i..]),
                None => vec![],
            };
            let kind = if what == "unknown field" { "field" } else { "value" };
            let mut hint = String::new();
            if let Some(best) = closest(&given, expected.iter().map(|s| s.as_str())) {
                hint = format!("did you mean `{best}`? ");
            }
            if !expected.is_empty() {
                hint.push_str(&format!("expected one of: {}", expected.join(", ")));
            } else {
                hint.push_str("this place takes no fields");
            }
            return (format!("unknown {kind} `{given}`"), Some(hint));
        }
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        let field = field.trim_matches('`');
        return (format!("missing field `{field}`"), Some(format!("add `{field}:` here ({})", fields_doc(file))));
    }
    if [
        "did not find expected",
        "mapping values are not allowed",
        "found unexpected end",
        "found character that cannot start",
        "while scanning",
        "found unknown escape",
        "could not find expected",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        return (
            format!("YAML syntax: {message}"),
            Some("check the quoting and indentation here and on the lines above (an unclosed quote runs on to later lines; indent with spaces, not tabs)".into()),
        );
    }
    if message.starts_with("invalid type") {
        return (
            message.clone(),
            Some(
                "check the value's form: quote text, use a list with `- ` items, or a mapping with `key: value`".into(),
            ),
        );
    }
    (message, None)
}

/// serde_yaml prefixes nested errors with the path (`brief[2].clause: …`); split it off.
fn split_path_prefix(message: &str) -> (String, Option<String>) {
    match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains(' ') && !rest.is_empty() => {
            (rest.to_string(), Some(path.to_string()))
        }
        _ => (message.to_string(), None),
    }
}

fn between_backticks(s: &str) -> Option<String> {
    let start = s.find('`')? + 1;
    let end = s[start..].find('`')? + start;
    Some(s[start..end].to_string())
}

/// The spans of a message written in backticks, in order.
pub fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(|x| x.to_string()).collect()
}

fn field_in_message(msg: &str) -> Option<String> {
    let s = msg.split_once("field")?.1;
    between_backticks(s)
}

/// A field written as one mapping or a list of them (`verified:`, `state_note:`): for serde's
/// `deserialize_with`, through a wrapper that names the field in `what` for the error message.
pub fn one_or_many<'de, D, T>(d: D, what: &str) -> std::result::Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: DeserializeOwned,
{
    use serde::de::Error as _;
    use serde::Deserialize as _;
    let v = Value::deserialize(d)?;
    let out = match v {
        Value::Null => Ok(vec![]),
        Value::Sequence(_) => serde_yaml::from_value::<Vec<T>>(v),
        _ => serde_yaml::from_value::<T>(v).map(|one| vec![one]),
    };
    out.map_err(|e| D::Error::custom(format!("{what}: {e}")))
}

/// Deep-merges `over` into `base`: mappings merge key by key, everything else is replaced.
pub fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Mapping(b), Value::Mapping(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(existing) => merge(existing, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// Converts YAML to JSON, as Tera reads data (mapping keys become strings).
pub fn to_json(v: &serde_yaml::Value) -> Json {
    match v {
        serde_yaml::Value::Null => Json::Null,
        serde_yaml::Value::Bool(b) => Json::Bool(*b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                serde_json::json!(i)
            } else if let Some(u) = n.as_u64() {
                serde_json::json!(u)
            } else {
                serde_json::json!(n.as_f64().unwrap_or(0.0))
            }
        }
        serde_yaml::Value::String(s) => Json::String(s.clone()),
        serde_yaml::Value::Sequence(seq) => Json::Array(seq.iter().map(to_json).collect()),
        serde_yaml::Value::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                let key = match k {
                    serde_yaml::Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
                };
                out.insert(key, to_json(v));
            }
            Json::Object(out)
        }
        serde_yaml::Value::Tagged(t) => to_json(&t.value),
    }
}

/// A YAML value in flow style: `9`, `"¶ 19"`, `[a, b]`, `{doc: compl, at: "¶ 19"}`.
pub fn flow(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::Sequence(items) => format!("[{}]", items.iter().map(flow).collect::<Vec<_>>().join(", ")),
        serde_yaml::Value::Mapping(m) => {
            let parts: Vec<String> = m.iter().map(|(k, v)| format!("{}: {}", flow(k), flow(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        other => {
            let s = serde_yaml::to_string(other).unwrap_or_default();
            let s = s.trim_end().to_string();
            // Inside a flow collection, a plain scalar may not hold `,` `[` `]` `{` `}`.
            if matches!(other, serde_yaml::Value::String(_))
                && !s.starts_with(['"', '\''])
                && s.contains([',', '[', ']', '{', '}'])
            {
                format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                s
            }
        }
    }
}

/// Finds where a key is written in a YAML source, through its positioned tree ([`tree`]):
/// `find_key(src, "facts.subpoena.date")` walks down the mappings from the top. A list on the way
/// is searched item by item for the next key (`laws.x.elements` finds the first item's), and
/// `[n]` picks the n-th item. Used to point at free-form values (facts, overrides) whose
/// positions serde no longer knows. Returns the span of the last key.
pub fn find_key(source: &SourceText, path: &str) -> Option<Range<usize>> {
    find_path(source, path)
}

/// Finds where a key is written, like [`find_key`]: the first key is a key of the document's
/// top mapping (an id that also appears as a nested key or in prose is not mistaken for it), and
/// list items are addressed by index: `find_path(src, "cablevision.history[0].cite")` is the
/// `cite:` of the first item under `cablevision: history:`. Returns the span of the last key,
/// or of the item's dash for a path that ends with an index.
pub fn find_path(source: &SourceText, path: &str) -> Option<Range<usize>> {
    with_tree(source, |root| {
        let mut node = root?;
        let mut found = None;
        for part in path.split('.') {
            let (key, index) = match part.split_once('[') {
                Some((k, rest)) => (k, Some(rest.trim_end_matches(']').parse::<usize>().ok()?)),
                None => (part, None),
            };
            let entry = match &node.kind {
                tree::Kind::Map(_) => node.get(key)?,
                // A list without an index: the first item that has the key.
                tree::Kind::Seq(items) => items.iter().find_map(|i| i.get(key))?,
                tree::Kind::Scalar { .. } => return None,
            };
            found = Some(entry.key_span.clone());
            node = &entry.value;
            if let Some(n) = index {
                let tree::Kind::Seq(items) = &node.kind else { return None };
                node = items.get(n)?;
                // The item's dash: the `-` before its first character (its first key's, for a
                // mapping: a mapping's own position is where yaml-rust saw it start).
                let start = match &node.kind {
                    tree::Kind::Map(entries) => entries.first().map_or(node.span.start, |e| e.key_span.start),
                    _ => node.span.start,
                };
                let dash = source.text[..start].trim_end_matches([' ', '\t']).len().checked_sub(1);
                let at = dash.filter(|&d| source.text.as_bytes().get(d) == Some(&b'-')).unwrap_or(start);
                found = Some(at..at + 1);
            }
        }
        found
    })
}

/// Runs `f` on the positioned tree of `source` (`None` when it is not well-formed YAML), parsing
/// each text once per thread however many keys are looked up in it.
fn with_tree<R>(source: &SourceText, f: impl FnOnce(Option<&tree::Node>) -> R) -> R {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(std::sync::Arc<str>, Option<tree::Node>)>> =
            const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let fresh = !last.as_ref().is_some_and(|(t, _)| std::sync::Arc::ptr_eq(t, &source.text));
        if fresh {
            *last = Some((source.text.clone(), tree::parse(&source.text)));
        }
        f(last.as_ref().and_then(|(_, n)| n.as_ref()))
    })
}

/// The `nth` (0-based) whole-word occurrence of an id in `text[from..to]` (ids are words joined
/// by `-` and `_`), as an absolute byte range. Used to point at a clause id in an outline or an
/// authority in a clause header.
pub fn find_id(text: &str, from: usize, to: usize, id: &str, nth: usize) -> Option<Range<usize>> {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut seen = 0;
    let mut at = from;
    while let Some(pos) = text[at..to].find(id) {
        let abs = at + pos;
        let before = text[..abs].chars().next_back().unwrap_or(' ');
        let after = text[abs + id.len()..].chars().next().unwrap_or(' ');
        if !word(before) && !word(after) {
            if seen == nth {
                return Some(abs..abs + id.len());
            }
            seen += 1;
        }
        at = abs + id.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_keys() {
        let src = SourceText::new("m.yaml", "a:\n  b: 1\nfacts:\n  x:\n    date: 2\n  b: 3\n");
        let r = find_key(&src, "facts.x.date").unwrap();
        assert_eq!(&src.text[r.clone()], "date");
        assert_eq!(src.line_col(r.start), (5, 5));
        let r = find_key(&src, "facts.b").unwrap();
        assert_eq!(src.line_col(r.start), (6, 3));
        assert!(find_key(&src, "facts.nope").is_none());
    }

    #[test]
    fn finds_paths_anchored_at_the_top_with_list_indices() {
        let src = SourceText::new(
            "b.yaml",
            "a:\n  note: >-\n    b:\n  cite: x\nb:\n  history:\n    - phrase: p\n      cite: c0\n    - phrase: q\n      court: k\n  court: z\n",
        );
        // `b:` inside a note is not the entry `b`.
        let r = find_path(&src, "b.court").unwrap();
        assert_eq!(src.line_col(r.start), (11, 3));
        let r = find_path(&src, "b.history[0].cite").unwrap();
        assert_eq!(src.line_col(r.start), (8, 7));
        let r = find_path(&src, "b.history[1].court").unwrap();
        assert_eq!(src.line_col(r.start), (10, 7));
        // The second item has no `cite`: the search stops at the end of the item.
        assert!(find_path(&src, "b.history[1].cite").is_none());
        let r = find_path(&src, "b.history[1]").unwrap();
        assert_eq!(src.line_col(r.start), (9, 5));
        assert!(find_path(&src, "a.court").is_none());
        assert!(find_path(&src, "c").is_none());
    }

    #[test]
    fn keys_are_found_in_flow_mappings_quoted_and_after_comments_which_indentation_cannot_see() {
        let src = SourceText::new(
            "b.yaml",
            "# b:\n'b': {court: x, cite: \"y\"}  # court:\nc:\n  history: [{phrase: p}, {phrase: q, cite: z}]\n",
        );
        let at = |path: &str| find_path(&src, path).map(|r| (src.line_col(r.start), &src.text[r]));
        assert_eq!(at("b"), Some(((2, 1), "'b'")));
        assert_eq!(at("b.cite"), Some(((2, 17), "cite")));
        assert_eq!(at("c.history[1].cite"), Some(((4, 38), "cite")));
        assert_eq!(at("c.history.phrase"), Some(((4, 14), "phrase")));
        assert_eq!(at("c.history[2]"), None);
        // Not YAML: nothing is found, rather than a guess.
        assert_eq!(find_path(&SourceText::new("x", "a: [\n"), "a"), None);
    }

    #[test]
    fn unknown_fields_get_suggestions() {
        let (m, h) = explain("unknown field `cout`, expected one of `court`, `case` at line 1 column 1", "matter.yaml");
        assert_eq!(m, "unknown field `cout`");
        assert!(h.unwrap().starts_with("did you mean `court`?"));
    }

    #[test]
    fn merge_is_deep() {
        let mut a: Value = serde_yaml::from_str("x: {a: 1, b: 2}\ny: 1").unwrap();
        let b: Value = serde_yaml::from_str("x: {b: 3}").unwrap();
        merge(&mut a, &b);
        assert_eq!(a, serde_yaml::from_str::<Value>("x: {a: 1, b: 3}\ny: 1").unwrap());
    }
}
