//! The one escaping function. Every string that comes from a YAML file (a matter, the authority
//! bank, a court profile) and reaches Typst passes through [`markup`], which turns it into Typst
//! markup that prints the string literally: no YAML value can open a code expression (`#`), math
//! (`$`), emphasis (`*`, `_`), a label or reference (`<`, `>`, `@`), a content block (`[`, `]`), a
//! comment (`//`, `/*`), a raw block, a list or heading marker, or an escape sequence (`\`).
//!
//! The rule is the one measured in `typst-notes.md`: a backslash goes before every ASCII
//! punctuation character except `'` and `"`, which stay unescaped so that Typst turns them into
//! typographic quotes, as filings want. Control characters other than newline and tab are dropped
//! (they print nothing and some are not valid in a Typst source). Tera is configured to use this
//! function as its autoescaper, so clause templates get it for every `{{ value }}`.

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

/// Escapes `text` for use inside a Typst string literal (`"..."`). Used only for values that
/// Typst code needs as strings (identifiers of citations, never printed prose).
pub fn string_literal(text: &str) -> String {
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

/// The plain text of pleader-generated markup, for terminal listings (`pleader authorities`):
/// escapes removed and emphasis markers dropped. Display only; never fed back to Typst.
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
    fn plain_undoes_escapes_and_emphasis() {
        assert_eq!(plain(&format!("_{}_, 385", markup("A v. B"))), "A v. B, 385");
    }

    #[test]
    fn string_literals_are_quoted() {
        assert_eq!(string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
