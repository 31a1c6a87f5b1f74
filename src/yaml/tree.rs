//! A YAML document as a tree of nodes that remember where they are written. serde_yaml's values
//! carry no positions, so pleader reads the same text a second time with yaml-rust's event parser
//! to point at the exact line and column of a bad fact, to find keys written twice, and to notice
//! a plain value whose end YAML took for a comment (`No. #4`); the diagnostics for those are made
//! in [`super::located`]. This file uses nothing of pleader's own, so that the build script can
//! include it to tell which built-in YAML texts are clean ([`super::clean`]).

use std::ops::Range;

use yaml_rust::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust::scanner::{Marker, TScalarStyle};

/// A node: a scalar, a sequence or a mapping, with the byte range of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A scalar as written (unquoted text, a number, `true`, `~`…); `plain` when not quoted.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

impl Node {
    /// The entry for `key` of a mapping node.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The scalar text, if this is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Whether this is YAML's null (`~`, `null`, or nothing at all).
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true } if matches!(text.as_str(), "~" | "null" | "Null" | "NULL" | ""))
    }

    /// What kind of YAML value this is, in words, for "expected … found …" messages.
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            Kind::Scalar { .. } if self.is_null() => "nothing",
            Kind::Scalar { .. } => "a single value",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }
}

/// Byte offsets of every character, so that yaml-rust's character positions map to the text.
struct Offsets(Vec<usize>);

impl Offsets {
    fn new(text: &str) -> Offsets {
        let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        v.push(text.len());
        Offsets(v)
    }

    fn byte(&self, mark: &Marker) -> usize {
        self.0.get(mark.index()).copied().unwrap_or_else(|| *self.0.last().unwrap_or(&0))
    }
}

enum Frame {
    Seq(Vec<Node>, usize, usize),
    Map(Vec<Entry>, usize, Option<(String, Range<usize>)>, usize),
}

/// How many nodes aliases may copy in one document: far more than a matter needs, far less than
/// a "billion laughs" file (nested aliases that expand exponentially) would.
pub const ALIAS_EXPANSION_LIMIT: usize = 100_000;

struct Builder<'a> {
    text: &'a str,
    offsets: Offsets,
    stack: Vec<Frame>,
    root: Option<Node>,
    /// Anchored nodes by yaml-rust's anchor id, with their node counts.
    anchors: std::collections::HashMap<usize, (Node, usize)>,
    /// Nodes copied by aliases so far.
    expanded: usize,
    /// Where the alias that went over [`ALIAS_EXPANSION_LIMIT`] is written.
    too_big: Option<Range<usize>>,
}

fn count(node: &Node) -> usize {
    1 + match &node.kind {
        Kind::Scalar { .. } => 0,
        Kind::Seq(items) => items.iter().map(count).sum(),
        Kind::Map(entries) => entries.iter().map(|e| 1 + count(&e.value)).sum(),
    }
}

impl Builder<'_> {
    /// Records a finished node under its anchor (`&name`), if it has one.
    fn anchor(&mut self, id: usize, node: &Node) {
        if id > 0 {
            self.anchors.insert(id, (node.clone(), count(node)));
        }
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Seq(items, ..)) => items.push(node),
            Some(Frame::Map(entries, _, pending, _)) => match pending.take() {
                None => {
                    let key = match &node.kind {
                        Kind::Scalar { text, .. } => text.clone(),
                        _ => self.text[node.span.clone()].to_string(),
                    };
                    *pending = Some((key, node.span));
                }
                Some((key, key_span)) => entries.push(Entry { key, key_span, value: node }),
            },
            None => self.root = Some(node),
        }
    }

    /// The end of a scalar that starts at `start`: where its text ends in the source.
    fn scalar_end(&self, start: usize, value: &str, style: TScalarStyle) -> usize {
        let rest = &self.text[start..];
        match style {
            TScalarStyle::DoubleQuoted => {
                let mut escaped = false;
                for (i, c) in rest.char_indices().skip(1) {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => return start + i + 1,
                        _ => escaped = false,
                    }
                }
                self.text.len()
            }
            TScalarStyle::SingleQuoted => {
                let bytes = rest.as_bytes();
                let mut i = 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        return start + i + 1;
                    }
                    i += 1;
                }
                self.text.len()
            }
            TScalarStyle::Plain if !value.contains('\n') => {
                // A one-line plain scalar is written as it reads.
                if rest.starts_with(value) {
                    start + value.len()
                } else {
                    start + rest.find(['\n', '#']).unwrap_or(rest.len()).min(value.len().max(1))
                }
            }
            _ => start + rest.find('\n').unwrap_or(rest.len()),
        }
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let at = self.offsets.byte(&mark);
        match ev {
            Event::Scalar(value, style, anchor, _) => {
                let end = self.scalar_end(at, &value, style);
                let plain = style == TScalarStyle::Plain;
                let node = Node { kind: Kind::Scalar { text: value, plain }, span: at..end };
                self.anchor(anchor, &node);
                self.push(node);
            }
            Event::SequenceStart(anchor) => self.stack.push(Frame::Seq(vec![], at, anchor)),
            Event::MappingStart(anchor) => self.stack.push(Frame::Map(vec![], at, None, anchor)),
            Event::SequenceEnd => {
                if let Some(Frame::Seq(items, start, anchor)) = self.stack.pop() {
                    let end = items.last().map_or(at, |n| n.span.end.max(start));
                    let node = Node { kind: Kind::Seq(items), span: start..end };
                    self.anchor(anchor, &node);
                    self.push(node);
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map(entries, start, _, anchor)) = self.stack.pop() {
                    let end = entries.last().map_or(at, |e| e.value.span.end.max(start));
                    let node = Node { kind: Kind::Map(entries), span: start..end };
                    self.anchor(anchor, &node);
                    self.push(node);
                }
            }
            Event::Alias(id) => {
                // `*name`: a copy of the anchored node, written where the alias is (its parts
                // keep the anchor's positions).
                let rest = &self.text[at.min(self.text.len())..];
                let len = rest.find(|c: char| c.is_whitespace() || ",]}".contains(c)).unwrap_or(rest.len());
                let span = at..at + len;
                let Some((node, size)) = self.anchors.get(&id) else { return };
                self.expanded += size;
                if self.expanded > ALIAS_EXPANSION_LIMIT {
                    self.too_big.get_or_insert(span);
                    return;
                }
                let mut node = node.clone();
                node.span = span;
                self.push(node);
            }
            _ => {}
        }
    }
}

/// Parses a YAML text into a tree, or `None` when it is not well-formed YAML (serde_yaml reports
/// that with its own located message).
/// Aliases (`*name`) are copies of their anchored node; a document whose aliases would copy more
/// than [`ALIAS_EXPANSION_LIMIT`] nodes gives `None` too (see `yaml::located::alias_bomb`).
pub fn parse(text: &str) -> Option<Node> {
    let builder = build(text)?;
    if builder.too_big.is_some() {
        return None;
    }
    builder.root
}

fn build(text: &str) -> Option<Builder<'_>> {
    // Deeper than the limit: refused (`nesting_error`) before the scanner's slow path runs.
    too_deep(text).is_none().then_some(())?;
    let mut builder = Builder {
        text,
        offsets: Offsets::new(text),
        stack: vec![],
        root: None,
        anchors: Default::default(),
        expanded: 0,
        too_big: None,
    };
    let mut parser = Parser::new(text.chars());
    parser.load(&mut builder, false).ok()?;
    Some(builder)
}

/// [`parse`], telling a document whose aliases copy too much apart from one that is not
/// well-formed: `Err` with the span of the first alias that takes the document over
/// [`ALIAS_EXPANSION_LIMIT`] copied nodes (a "billion laughs" file), `Ok(None)` when the text is
/// not well-formed YAML. One pass of the parser for both.
pub fn parse_checked(text: &str) -> Result<Option<Node>, Range<usize>> {
    match build(text) {
        None => Ok(None),
        Some(Builder { too_big: Some(span), .. }) => Err(span),
        Some(builder) => Ok(builder.root),
    }
}

/// Whether some mapping of the document has a key written twice (`yaml::located::duplicate_keys`
/// says where).
pub fn has_duplicate_keys(node: &Node) -> bool {
    match &node.kind {
        Kind::Map(entries) => {
            let mut keys = std::collections::HashSet::with_capacity(entries.len());
            entries.iter().any(|e| !keys.insert(e.key.as_str()) || has_duplicate_keys(&e.value))
        }
        Kind::Seq(items) => items.iter().any(has_duplicate_keys),
        _ => false,
    }
}

/// The deepest nesting of flow collections (`[`, `{`) a YAML file may have. The YAML scanners
/// keep a candidate key for each open flow level and look at all of them at every token, so
/// 200,000 levels took minutes to refuse; pleader's deserializer refuses anything past 128.
pub const NESTING_LIMIT: usize = 128;

/// Where a YAML text first nests flow collections deeper than [`NESTING_LIMIT`], found in one
/// pass before any YAML parser sees the text. Quoted strings and comments are skipped; outside a
/// flow collection, a bracket opens one only where a value begins (plain text may hold brackets).
pub fn too_deep(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    // The depth never exceeds the number of brackets that open a collection, so a text with no
    // more of them than the limit (every file pleader ships) needs no closer look. Counting is a
    // fraction of the walk below, which every YAML file read goes through.
    if bytes.iter().filter(|&&b| b == b'[' || b == b'{').count() <= NESTING_LIMIT {
        return None;
    }
    let mut depth = 0usize;
    // Outside flow collections: whether only spaces, `-`, `?` or `key:` came before on this line.
    let mut value_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                value_start = true;
            }
            b'#' if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t' || bytes[i - 1] == b'\n' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' if depth > 0 || value_start => {
                let q = b;
                i += 1;
                while i < bytes.len() {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == q {
                        if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                value_start = false;
            }
            b'[' | b'{' if depth > 0 || value_start => {
                depth += 1;
                if depth > NESTING_LIMIT {
                    return Some(i..i + 1);
                }
            }
            b']' | b'}' if depth > 0 => depth -= 1,
            b' ' | b'\t' | b'-' | b'?' if depth == 0 => {}
            b':' if depth == 0 => value_start = matches!(bytes.get(i + 1), None | Some(b' ' | b'\n' | b'\t')),
            _ if depth == 0 => value_start = false,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_where_they_are() {
        let src = "a: 1\nfacts:\n  x: {doc: compl, at: \"¶ 19\"}\n  list:\n    - one\n    - two # note\n";
        let root = parse(src).unwrap();
        let facts = &root.get("facts").unwrap().value;
        let x = &facts.get("x").unwrap().value;
        let at = &x.get("at").unwrap().value;
        assert_eq!(&src[at.span.clone()], "\"¶ 19\"");
        assert_eq!(at.scalar(), Some("¶ 19"));
        let Kind::Seq(items) = &facts.get("list").unwrap().value.kind else { panic!() };
        assert_eq!(&src[items[1].span.clone()], "two");
    }

    #[test]
    fn deep_nesting_is_found_in_one_pass_and_brackets_in_text_are_not_nesting() {
        let deep = format!("x: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(too_deep(&deep), Some(3 + NESTING_LIMIT..4 + NESTING_LIMIT));
        assert!(parse(&deep).is_none());
        let ok = format!("x: {}{}\n", "[".repeat(NESTING_LIMIT), "]".repeat(NESTING_LIMIT));
        assert_eq!(too_deep(&ok), None);
        // Brackets inside plain text, quotes and comments open nothing.
        let text = format!(
            "a: see [{}\nb: \"{}\"\nc: '{}'\n# {}\nd: [x, {{y: [z]}}]\n",
            "[".repeat(300),
            "[".repeat(300),
            "{".repeat(300),
            "[".repeat(300)
        );
        assert_eq!(too_deep(&text), None, "{text}");
        assert!(parse(&text).is_some());
    }
}
