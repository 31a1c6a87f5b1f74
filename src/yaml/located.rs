//! Located diagnostics for what the positioned tree ([`super::tree`]) finds in a YAML text: nesting
//! past the limit, aliases that expand too far, keys written twice, and plain values whose end YAML
//! read as a comment.

use std::ops::Range;

use super::tree::{Entry, Kind, Node, ALIAS_EXPANSION_LIMIT, NESTING_LIMIT};
use crate::diag::{Diagnostic, SourceText};

/// The located error for an alias bomb found by [`super::tree::parse_checked`] in a fragment that starts at
/// byte `start` of `source`.
pub fn alias_bomb(source: &SourceText, span: Range<usize>, start: usize) -> Diagnostic {
    Diagnostic::error(format!(
        "these YAML aliases expand to more than {ALIAS_EXPANSION_LIMIT} values; pleader stops here"
    ))
    .at(source, span.start + start..span.end + start)
    .with_hint("write the values out, or use fewer nested aliases (`*name`)")
}

/// A located error where a YAML text nests deeper than [`NESTING_LIMIT`], if it does.
pub fn nesting_error(source: &SourceText, text: &str, start: usize) -> Option<Diagnostic> {
    let span = super::tree::too_deep(text)?;
    Some(
        Diagnostic::error(format!("YAML nested more than {NESTING_LIMIT} levels deep; pleader stops here"))
            .at(source, span.start + start..span.end + start)
            .with_hint("close the brackets sooner: no matter, bank or profile needs this depth"),
    )
}

/// Every key written twice in one mapping, anywhere in the document: an error at the second
/// occurrence that names the line of the first.
pub fn duplicate_keys(source: &SourceText, node: &Node) -> Vec<Diagnostic> {
    let mut out = vec![];
    walk_duplicates(source, node, &mut out);
    out
}

fn walk_duplicates(source: &SourceText, node: &Node, out: &mut Vec<Diagnostic>) {
    match &node.kind {
        Kind::Map(entries) => {
            // The first entry of each key: one pass, not a comparison of every pair.
            let mut firsts: std::collections::HashMap<&str, &Entry> = std::collections::HashMap::new();
            for e in entries {
                if let Some(first) = firsts.get(e.key.as_str()) {
                    let (line, _) = source.line_col(first.key_span.start);
                    out.push(
                        Diagnostic::error(format!(
                            "`{}` is written twice in this mapping (first at line {line})",
                            e.key
                        ))
                        .at(source, e.key_span.clone())
                        .with_secondary(first.key_span.clone(), "first written here")
                        .with_hint("keep one of them: YAML would silently use only the last"),
                    );
                } else {
                    firsts.insert(&e.key, e);
                }
                walk_duplicates(source, &e.value, out);
            }
        }
        Kind::Seq(items) => items.iter().for_each(|n| walk_duplicates(source, n, out)),
        Kind::Scalar { .. } => {}
    }
}

/// Plain values whose end YAML read as a comment because a ` #` follows them without a space
/// after the `#` (`title: Dkt. No. #4`, `tag: #MeToo`), with the quoted form as the fix. A comment
/// written the usual way, `# like this`, is left alone.
pub fn swallowed_by_comment(source: &SourceText, node: &Node) -> Vec<Diagnostic> {
    let mut out = vec![];
    walk_comments(source, node, None, &mut out);
    out
}

fn walk_comments(source: &SourceText, node: &Node, key: Option<&str>, out: &mut Vec<Diagnostic>) {
    match &node.kind {
        Kind::Map(entries) => entries.iter().for_each(|e| walk_comments(source, &e.value, Some(&e.key), out)),
        Kind::Seq(items) => items.iter().for_each(|n| walk_comments(source, n, key, out)),
        Kind::Scalar { text, plain: true } => {
            let line_end = source.text[node.span.end..].find('\n').map_or(source.text.len(), |i| node.span.end + i);
            let rest = &source.text[node.span.end..line_end];
            let trimmed = rest.trim_start_matches([' ', '\t']);
            let gap = rest.len() - trimmed.len();
            let after_hash = trimmed.strip_prefix('#');
            if gap > 0 && after_hash.is_some_and(|a| a.starts_with(|c: char| !c.is_whitespace())) {
                let comment = trimmed.trim_end();
                let whole = format!("{text}{}{comment}", &rest[..gap]);
                let hash = node.span.end + gap;
                let quoted = serde_yaml::to_string(&whole).unwrap_or_default();
                let what = key.map_or("this value".to_string(), |k| format!("the value of `{k}`"));
                out.push(
                    Diagnostic::warning(format!(
                        "{what} stops before `{comment}`: YAML reads ` #` as the start of a comment, so the rest of the line is dropped"
                    ))
                    .at(source, hash..line_end)
                    .with_hint(format!("quote the whole value to keep it: {}", quoted.trim_end()))
                    .with_kind(crate::diag::Kind::Document),
                );
            }
        }
        Kind::Scalar { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::tree::parse;

    #[test]
    fn duplicates_and_hashtags_are_found() {
        let src = SourceText::new("m.yaml", "a: 1\nb:\n  c: 1\n  c: 2\ntitle: Dkt. No. #4\nok: yes # a comment\n");
        let root = parse(&src.text).unwrap();
        let d = duplicate_keys(&src, &root);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location().unwrap(), "m.yaml:4:3");
        let w = swallowed_by_comment(&src, &root);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].location().unwrap(), "m.yaml:5:17");
        assert!(
            w[0].notes[0].contains("\"Dkt. No. #4\"") || w[0].notes[0].contains("'Dkt. No. #4'"),
            "{:?}",
            w[0].notes
        );
    }
}
