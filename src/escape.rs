//! The one Typst writer. Every piece of Typst that pleader generates from data goes through this
//! module: text from a YAML file (a matter, the authority bank, a court profile) becomes markup
//! that prints literally ([`markup`]), and Typst syntax — emphasis, content blocks, string
//! literals, arrays, dictionaries, lengths, imports, includes, labels, the invisible marks the
//! tables are computed from — is written by the helpers here and nowhere else. No YAML value can
//! open a code expression (`#`), math (`$`), emphasis (`*`, `_`), a label or reference (`<`, `>`,
//! `@`), a content block (`[`, `]`), a comment (`//`, `/*`), a raw block, a list or heading marker,
//! or an escape sequence (`\`). A test scans the other modules for Typst syntax built from data.
//!
//! The escaping rule (measured when Typst was first embedded): a backslash goes before every ASCII
//! punctuation character except `'` and `"`, which stay unescaped so that Typst turns them into
//! typographic quotes, as filings want. Control characters other than newline and tab are dropped
//! (they print nothing and some are not valid in a Typst source). Tera uses [`markup`] as its
//! autoescaper, so clause templates get it for every `{{ value }}`.

/// Escapes `text` so that, inserted anywhere in Typst markup, it prints literally.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF and lone CR both become a newline.
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            '\'' | '"' => out.push(c),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Removes backslash escapes: the literal text of escaped markup (pins and locators written in a
/// clause are plain text, re-escaped when printed).
pub fn unescape(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut chars = markup.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The plain text of pleader-generated markup, for terminal listings and tables (`pleader
/// authorities`, `citecheck`): escapes removed and emphasis markers dropped. Never fed back to Typst.
pub fn plain(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut chars = markup.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '_' => {}
            c => out.push(c),
        }
    }
    out
}

/// Italics around markup: `_…_`.
pub fn emph(markup: &str) -> String {
    format!("_{markup}_")
}

/// Literal text in italics.
pub fn emph_text(text: &str) -> String {
    emph(&markup(text))
}

/// A Typst string literal (`"…"`) holding `text` exactly.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A link around markup: `#link("url")[…];` (the semicolon ends the call, so that text after it,
/// such as `[a]nonymity` or `.x`, is never read as another argument or a field).
pub fn link(url: &str, markup: &str) -> String {
    format!("#link({})[{markup}];", string(url))
}

/// A content block around markup: `[…]`.
pub fn content(markup: &str) -> String {
    format!("[{markup}]")
}

/// A content block printing `text` literally.
pub fn text(text: &str) -> String {
    content(&markup(text))
}

/// A content block printing `text`, or `none` when there is no (or only blank) text.
pub fn opt_text(text: Option<&str>) -> String {
    match text {
        Some(t) if !t.trim().is_empty() => self::text(t),
        _ => "none".into(),
    }
}

/// A Typst array of already-written values (with the trailing comma a one-element array needs).
pub fn array<I: IntoIterator<Item = String>>(items: I) -> String {
    let items: Vec<String> = items.into_iter().collect();
    match items.len() {
        0 => "()".into(),
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

/// A Typst array written one item per line, for generated files a person may read.
pub fn array_block<I: IntoIterator<Item = String>>(items: I) -> String {
    let mut out = String::from("(\n");
    for item in items {
        out.push_str(&format!("  {item},\n"));
    }
    out.push(')');
    out
}

/// A Typst dictionary of already-written values. Keys are pleader's own identifiers.
pub fn dict(entries: &[(&str, String)]) -> String {
    if entries.is_empty() {
        return "(:)".into();
    }
    let body: Vec<String> = entries.iter().map(|(k, v)| format!("{}: {v}", ident(k))).collect();
    format!("({})", body.join(", "))
}

/// A Typst dictionary written one entry per line, for generated files a person may read
/// (`--emit-typst`).
pub fn dict_block(entries: &[(&str, String)]) -> String {
    let mut out = String::from("(\n");
    for (k, v) in entries {
        out.push_str(&format!("  {}: {v},\n", ident(k)));
    }
    out.push(')');
    out
}

/// A length in points, at fixed precision so that the sources are reproducible.
pub fn length_pt(points: f64) -> String {
    format!("{points:.4}pt")
}

/// `true` or `false`.
pub fn boolean(b: bool) -> String {
    b.to_string()
}

/// An integer.
pub fn int(n: impl Into<i64>) -> String {
    n.into().to_string()
}

/// A `datetime` value.
pub fn date(year: i32, month: u32, day: u32) -> String {
    format!("datetime(year: {year}, month: {month}, day: {day})")
}

/// A path of the typesetter's virtual file system as a string literal (`"/templates/toc.typ"`).
pub fn path(p: &str) -> String {
    string(p)
}

/// `#import "path": a, b` (one line).
pub fn import(path_: &str, names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| ident(n)).collect();
    format!("#import {}: {}\n", path(path_), names.join(", "))
}

/// `#include "path"` (one line).
pub fn include(path_: &str) -> String {
    format!("#include {}\n", path(path_))
}

/// `#let name = value` (one line).
pub fn let_binding(name: &str, value: &str) -> String {
    format!("#let {} = {value}\n", ident(name))
}

/// A function call in markup: `#name(args)` with already-written arguments, then trailing content
/// blocks (`[…]`) written with [`content`].
pub fn call(name: &str, args: &[String], trailing: &[String]) -> String {
    format!("#{}({}){}", ident(name), args.join(", "), trailing.concat())
}

/// A line comment (newlines in `text` are folded into spaces).
pub fn comment(text: &str) -> String {
    format!("// {}\n", text.replace(['\n', '\r'], " "))
}

/// A label `<name>` for one of pleader's own names.
pub fn label(name: &str) -> String {
    format!("<{}>", ident(name))
}

/// An invisible mark pleader reads back after layout: `#metadata("pl:<kind>:<n>")<pl-…>`.
pub fn mark(kind: &str, n: usize) -> String {
    format!("#metadata({})<pl-{}{n}>", string(&format!("pl:{kind}:{n}")), ident(&kind[..1]))
}

/// A named mark without a number (`pl:body-start`, `pl:signature`), with its label.
pub fn named_mark(name: &str) -> String {
    format!("#metadata({}){}", string(&format!("pl:{name}")), label(&format!("pl-{name}")))
}

/// A Typst identifier written by pleader itself. Identifiers never come from user data; this
/// guards against a programming mistake by replacing anything that is not an identifier character.
fn ident(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(markup("#import \"x\": *"), "\\#import \"x\"\\: \\*");
        assert_eq!(markup("$ _ * @ < > [ ] \\ // /*"), "\\$ \\_ \\* \\@ \\< \\> \\[ \\] \\\\ \\/\\/ \\/\\*");
        assert_eq!(markup("Leifer's"), "Leifer's");
        assert_eq!(markup("a\r\nb\rc\u{7}"), "a\nb\nc");
    }

    #[test]
    fn plain_and_unescape_undo_escapes() {
        assert_eq!(plain(&format!("{}, 385", emph_text("A v. B"))), "A v. B, 385");
        assert_eq!(unescape(&markup("45(d)(2) at *9")), "45(d)(2) at *9");
    }

    #[test]
    fn syntax_helpers() {
        assert_eq!(string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(array(["1".to_string()]), "(1,)");
        assert_eq!(array(Vec::<String>::new()), "()");
        assert_eq!(dict(&[("a", "1".into()), ("b-c", "none".into())]), "(a: 1, b-c: none)");
        assert_eq!(mark("cite", 7), "#metadata(\"pl:cite:7\")<pl-c7>");
        assert_eq!(named_mark("body-start"), "#metadata(\"pl:body-start\")<pl-body-start>");
        assert_eq!(import("/data/x.typ", &["a", "b"]), "#import \"/data/x.typ\": a, b\n");
        assert_eq!(label("pl-h3"), "<pl-h3>");
    }
}
