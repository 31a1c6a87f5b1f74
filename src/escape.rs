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
//! typographic quotes, as filings want (an apostrophe after a digit and before a letter is written
//! as ’, since Typst reads `2's` as a prime). Control characters other than newline and tab are dropped
//! (they print nothing and some are not valid in a Typst source). Tera uses [`markup`] as its
//! autoescaper, so clause templates get it for every `{{ value }}`.

use typst::syntax::SyntaxKind;

/// Escapes `text` so that, inserted anywhere in Typst markup, it prints literally.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let before = prev.replace(c);
        match c {
            // An apostrophe after a digit and before a letter ("Doe 2's", "the 1990's") is an
            // apostrophe: Typst would print a prime there ("Doe 2′s"), as for 5'.
            '\'' if before.is_some_and(|p| p.is_ascii_digit()) && chars.peek().is_some_and(|n| n.is_alphabetic()) => {
                out.push('’')
            }
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

/// No line break here, and nothing printed: a word joiner (U+2060) set in a text segment of its
/// own. Unicode line breaking sees the joiner; the shaper drops it, and because no glyph's text
/// carries it, it is not in the PDF's text either (copying "45(d)(2)" or searching for it
/// works). The semicolon ends the embedded expression, so a `(` after it is text.
pub const NO_BREAK: &str = "#text(kerning: false)[\u{2060}];";

/// A slash inside a capitalised abbreviation ("CM/ECF", "N/A") holds; one between words ("and/or")
/// may break. Escaped (`\/`, from a value) or not (a template's own text).
fn slash_holds(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|p| p.is_ascii_uppercase()) && after.is_some_and(|n| n.is_ascii_uppercase())
}

/// Pleader's line-breaking rules, applied to Typst markup — a printed citation, a clause's text, a
/// table entry — where applying them twice changes nothing. A line never begins with an em dash
/// (spaced or not); a section or paragraph sign stays with the number after it ("§ 1030", "¶ 19"),
/// and so does a word that numbers ("No. 5", "Does 1–3");
/// a subdivision stays whole ("45(d)(2)(B)(i)", where Unicode allows a break between `)` and
/// `(`); a range of numbers stays whole ("975–76"); and a word with a digit is not broken at its
/// hyphens ("No. 11-cv-00941-CMA-BNB"). What is added prints nothing
/// ([`NO_BREAK`]) or a space (a no-break space). The markup is parsed, and only its text is
/// touched: code, strings, raw text, math and comments in a clause are left exactly as written.
pub fn keep_together(markup: &str) -> String {
    // Most text has nothing the rules act on: leave it without parsing.
    let acts_on = |c: char| matches!(c, '—' | '§' | '¶' | '–' | '(' | '-' | '/');
    if !markup.contains(acts_on) && !TITLES.iter().any(|t| markup.contains(t)) {
        return markup.to_string();
    }
    let root = typst::syntax::parse(markup);
    let mut leaves = vec![];
    flatten(&root, false, &mut leaves);
    let mut out = String::with_capacity(markup.len() + 64);
    let mut prev: Option<char> = None;
    for (i, &(kind, text, editable)) in leaves.iter().enumerate() {
        // The first character after this leaf, for the rules that look ahead.
        let following = || leaves[i + 1..].iter().find_map(|(_, t, _)| t.chars().next());
        let joinable =
            |out: &String, before: Option<char>| !out.ends_with(NO_BREAK) && before.is_some_and(|p| !p.is_whitespace());
        match kind {
            _ if !editable => out.push_str(text),
            // Only a single space: one that holds a line break stays, as the next line may begin
            // with markup that counts only at the start of a line (a list item, a heading).
            SyntaxKind::Space
                if text == " "
                    && (matches!(prev, Some('§' | '¶'))
                        || following() == Some('—')
                        || (ends_with_title(&out) && following().is_some_and(|c| c.is_uppercase()))
                        || unit_joins(&last_word(&out), &next_word(&leaves[i + 1..]))) =>
            {
                out.push('\u{a0}')
            }
            SyntaxKind::Escape if text.ends_with('(') && prev == Some(')') && joinable(&out, prev) => {
                out.push_str(NO_BREAK);
                out.push_str(text);
            }
            SyntaxKind::Escape if text == "\\/" && slash_holds(prev, following()) => {
                out.push_str(text);
                out.push_str(NO_BREAK);
            }
            // A hyphen inside a word with a digit (a docket number, "1:26-cv-04412-CMA", an
            // exhibit "1-3") holds: a case number is never broken at a hyphen.
            SyntaxKind::Escape
                if text == "\\-"
                    && following().is_some_and(char::is_alphanumeric)
                    && last_joined_word(&out).chars().any(|c| c.is_ascii_digit()) =>
            {
                out.push_str(text);
                out.push_str(NO_BREAK);
            }
            SyntaxKind::Shorthand if text == "---" && joinable(&out, prev) => {
                out.push_str(NO_BREAK);
                out.push_str(text);
            }
            SyntaxKind::Text
                if text.contains(acts_on)
                    || following() == Some('—')
                    || text.contains(". ")
                    || text.ends_with(" No")
                    || text.ends_with(" Nos")
                    || text.contains("WL ") =>
            {
                let mut before = prev;
                let mut chars = text.chars().peekable();
                while let Some(c) = chars.next() {
                    let after = || chars.clone().next().or_else(following);
                    match c {
                        '—' if joinable(&out, before) => {
                            out.push_str(NO_BREAK);
                            out.push(c);
                        }
                        '(' if before == Some(')') && joinable(&out, before) => {
                            out.push_str(NO_BREAK);
                            out.push(c);
                        }
                        ' ' if matches!(before, Some('§' | '¶'))
                            || after() == Some('—')
                            || (ends_with_title(&out) && after().is_some_and(|c| c.is_uppercase()))
                            || unit_joins(&last_word(&out), &word_after(chars.clone(), &leaves[i + 1..])) =>
                        {
                            out.push('\u{a0}')
                        }
                        '–' if before.is_some_and(|p| p.is_ascii_digit())
                            && after().is_some_and(|n| n.is_ascii_digit()) =>
                        {
                            out.push(c);
                            out.push_str(NO_BREAK);
                        }
                        '/' if slash_holds(before, after()) => {
                            out.push(c);
                            out.push_str(NO_BREAK);
                        }
                        c => out.push(c),
                    }
                    before = Some(c);
                }
            }
            _ => out.push_str(text),
        }
        prev = match kind {
            SyntaxKind::Shorthand if text == "---" => Some('—'),
            _ => text.chars().next_back().or(prev),
        };
    }
    out
}

/// Whether the space between two words lies inside a citation unit that a line should not split
/// (Bluebook practice): "No. 14-1", "ECF No.", "Doe No. 3", "amend. I", "Stat. § 8343",
/// "Decl. ¶ 4", "F. Supp. 2d", "Super. Ct.", "2021 WL 4124216", "Rule 45(d)", "P. 26(b)(1)",
/// "Evid. 602". Both words are unescaped text.
fn unit_joins(before: &str, after: &str) -> bool {
    let word = after.trim_end_matches([',', ';', ':', ')', ']']);
    let digit = word.starts_with(|c: char| c.is_ascii_digit());
    let abbreviation = before.len() > 1 && before.ends_with('.');
    match before {
        // "Does 1–3", "Doe 2": a party designated by number is one name.
        "No." | "Nos." | "WL" | "Rule" | "Rules" | "P." | "Evid." | "Doe" | "Does" => digit,
        "amend." | "art." => !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')),
        _ => {
            // Two capitalized abbreviations in a row are one name: "Fed. R. Civ. P.", "N.D. Cal.",
            // "S. Ct.", "Ct. App." (the Minnesota audit: "Fed. R. / Civ. P." split by a line end).
            let short_abbreviation = |w: &str| {
                let w = w.trim_start_matches(['(', '[']);
                (2..=6).contains(&w.len())
                    && w.ends_with('.')
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && !w.contains(|c: char| c.is_ascii_digit())
            };
            word == "No."
                || word == "Nos."
                || (abbreviation && matches!(word, "§" | "§§" | "¶" | "¶¶" | "Ct." | "2d" | "3d" | "4th" | "5th"))
                || (short_abbreviation(before) && short_abbreviation(word))
        }
    }
}

/// The last word of markup written so far, unescaped ("Stat." for "… Cons\. Stat\.").
fn last_word(out: &str) -> String {
    let start =
        out.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + out[i..].chars().next().map_or(1, char::len_utf8));
    unescape(&out[start..])
}

/// The last word of `out` as it prints, across the joins [`keep_together`] put inside it
/// ("11-cv-00941"). A word is short, so only the end of `out` is read, not the whole text.
fn last_joined_word(out: &str) -> String {
    let from = (out.len().saturating_sub(512)..=out.len()).find(|&i| out.is_char_boundary(i)).unwrap_or(0);
    last_word(&out[from..].replace(NO_BREAK, ""))
}

/// The word after a space inside a text leaf: the rest of the leaf up to a space, or into the
/// leaves after it.
fn word_after(rest: std::iter::Peekable<std::str::Chars<'_>>, leaves: &[(SyntaxKind, &str, bool)]) -> String {
    let rest: String = rest.collect();
    match rest.find(char::is_whitespace) {
        Some(end) => rest[..end].to_string(),
        None => rest + &next_word(leaves),
    }
}

/// The word the leaves after a space begin with, unescaped: text and escapes up to the next space.
fn next_word(leaves: &[(SyntaxKind, &str, bool)]) -> String {
    let mut word = String::new();
    for &(kind, text, _) in leaves {
        match kind {
            SyntaxKind::Text | SyntaxKind::Escape | SyntaxKind::Shorthand => {
                let text = if kind == SyntaxKind::Escape { text.trim_start_matches('\\') } else { text };
                match text.find(char::is_whitespace) {
                    Some(end) => {
                        word.push_str(&text[..end]);
                        break;
                    }
                    None => word.push_str(text),
                }
            }
            _ => break,
        }
        if word.len() > 12 {
            break;
        }
    }
    word
}

/// Honorifics (without their period) kept on the line of the name they precede ("Ms. Whitcomb"),
/// wherever the name is written: in a party's short name (`draft::context`) and in a lawyer's own
/// words alike.
pub const TITLES: [&str; 8] = ["Mr", "Ms", "Mrs", "Mx", "Dr", "Prof", "Hon", "Rev"];

/// Whether the markup written so far ends with an honorific and its period, escaped or not, as a
/// word of its own ("… Ms\\." but not "… Hems.").
fn ends_with_title(out: &str) -> bool {
    let Some(stem) = out.strip_suffix("\\.").or_else(|| out.strip_suffix('.')) else { return false };
    TITLES.iter().any(|t| {
        stem.strip_suffix(t).is_some_and(|head| {
            head.chars().next_back().is_none_or(|c| c.is_whitespace() || matches!(c, '\u{a0}' | '(' | '[' | '“' | '"'))
        })
    })
}

/// The leaves of a syntax tree in order: kind, text, and whether the rules may edit it (text,
/// spaces, escapes and shorthands of markup, not of raw text or math).
fn flatten<'a>(node: &'a typst::syntax::SyntaxNode, in_markup: bool, out: &mut Vec<(SyntaxKind, &'a str, bool)>) {
    if node.children().len() == 0 {
        let editable = in_markup
            && matches!(node.kind(), SyntaxKind::Text | SyntaxKind::Space | SyntaxKind::Escape | SyntaxKind::Shorthand);
        out.push((node.kind(), node.leaf_text().as_str(), editable));
        return;
    }
    let markup = node.kind() == SyntaxKind::Markup;
    for child in node.children() {
        flatten(child, markup, out);
    }
}

/// Numbers a clause's footnotes itself, from `*next` on: each `#footnote[…]` (or
/// `#footnote(…)[…]`) of the markup gets `numbering: (..n) => "N"`, a constant. Typst numbers a
/// footnote from its counter, which it knows only after a first layout, so every paragraph that
/// holds one was laid out again in the second pass; a constant number is the same in both passes,
/// and that pass reuses them. `None` where the markup uses `footnote` in a way whose count is not
/// its text's (in code, a function, a rule, with a numbering of its own): the brief then leaves
/// all its footnotes to Typst's counter (`assemble`), and the typeset brief is checked either way
/// (`typeset::layout::footnotes_numbered`).
pub fn number_footnotes(markup: &str, next: &mut usize) -> Option<String> {
    use typst::syntax::LinkedNode;
    if !markup.contains("footnote") {
        return Some(markup.to_string());
    }
    let root = typst::syntax::parse(markup);
    // (offset, text to insert), in order.
    let mut inserts = vec![];
    fn walk(node: &LinkedNode, numbered: &mut usize, inserts: &mut Vec<(usize, String)>) -> Option<()> {
        if node.kind() == SyntaxKind::Ident && node.leaf_text() == "footnote" {
            let call = node.parent().filter(|p| p.kind() == SyntaxKind::FuncCall)?;
            // The callee, in markup or in a content block: every ancestor markup, content or a
            // call's arguments (a footnote inside `#emph[…]`), never code that may run it twice
            // or not at all.
            if call.children().next().is_none_or(|c| c.offset() != node.offset()) {
                return None;
            }
            let mut up = call.parent();
            while let Some(a) = up {
                let allowed = matches!(
                    a.kind(),
                    SyntaxKind::Markup
                        | SyntaxKind::ContentBlock
                        | SyntaxKind::Args
                        | SyntaxKind::FuncCall
                        | SyntaxKind::Strong
                        | SyntaxKind::Emph
                );
                if !allowed {
                    return None;
                }
                up = a.parent();
            }
            let args = call.children().find(|c| c.kind() == SyntaxKind::Args)?;
            let named = |a: &LinkedNode, name: &str| {
                a.kind() == SyntaxKind::Named && a.children().next().is_some_and(|k| k.leaf_text() == name)
            };
            if args.children().any(|a| named(&a, "numbering")) {
                return None;
            }
            *numbered += 1;
            let number = format!("numbering: {}", footnote_numbering(*numbered));
            match args.children().next() {
                Some(paren) if paren.kind() == SyntaxKind::LeftParen => {
                    let empty = args.children().nth(1).is_some_and(|c| c.kind() == SyntaxKind::RightParen);
                    inserts.push((paren.offset() + 1, if empty { number } else { format!("{number}, ") }));
                }
                _ => inserts.push((args.offset(), format!("({number})"))),
            }
            return Some(());
        }
        for child in node.children() {
            walk(&child, numbered, inserts)?;
        }
        Some(())
    }
    let mut numbered = *next - 1;
    walk(&LinkedNode::new(&root), &mut numbered, &mut inserts)?;
    // Any other use of the word in code (a variable, `footnote.with`) is one the walk refused; one
    // in text (the word "footnote") is not an identifier and changes nothing.
    let mut out = String::with_capacity(markup.len() + inserts.len() * 32);
    let mut at = 0;
    for (offset, text) in inserts {
        out.push_str(&markup[at..offset]);
        out.push_str(&text);
        at = offset;
    }
    out.push_str(&markup[at..]);
    *next = numbered + 1;
    Some(out)
}

/// The numbering function of a footnote pleader numbered `n`: a constant.
pub fn footnote_numbering(n: usize) -> String {
    format!("(..n) => {}", string(&n.to_string()))
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
/// authorities`, `citecheck`): escapes removed, emphasis markers and joiners dropped,
/// no-break spaces made plain spaces. Never fed back to Typst.
pub fn plain(markup: &str) -> String {
    let markup = markup.replace(UNKERNED_APOSTROPHE, "’").replace(NO_BREAK, "");
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
            '\u{a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Italics around markup: `_…_`.
pub fn emph(markup: &str) -> String {
    format!("_{markup}_")
}

/// An apostrophe shaped on its own, without kerning against the letter before it.
const UNKERNED_APOSTROPHE: &str = "#text(kerning: false)[’]";

/// Literal text in italics. An apostrophe after an italic f is shaped apart from it: Liberation
/// Serif Italic kerns the pair so far apart that "aff’d" reads "aff ’d".
pub fn emph_text(text: &str) -> String {
    let escaped = markup(text);
    let mut out = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while let Some(i) = rest.find(['’', '\'']) {
        let (head, tail) = rest.split_at(i);
        let quote = tail.chars().next().unwrap_or('’');
        out.push_str(head);
        if head.ends_with('f') {
            out.push_str(UNKERNED_APOSTROPHE);
        } else {
            out.push(quote);
        }
        rest = &tail[quote.len_utf8()..];
    }
    out.push_str(rest);
    emph(&out)
}

/// Library text whose only markup is emphasis between underscores ("the _Dendrite_ test"): each
/// underscored span in italics, everything else literal. An unpaired underscore prints as itself.
pub fn with_emphasis(text: &str) -> String {
    let parts: Vec<&str> = text.split('_').collect();
    if parts.len().is_multiple_of(2) {
        return markup(text);
    }
    parts.iter().enumerate().map(|(i, p)| if i % 2 == 1 && !p.is_empty() { emph_text(p) } else { markup(p) }).collect()
}

/// A case name in italics followed by literal text ("_Quinn v. Does 1–10_, No. 5 (N.D. Ill.)"):
/// a name the matter already marks with underscores (only part of it a case name) keeps its own
/// emphasis instead.
pub fn case_name_then(name: &str, rest: &str) -> String {
    let name = if name.contains('_') { with_emphasis(name) } else { emph_text(name) };
    format!("{name}{}", markup(rest))
}

/// A lawyer's own paragraph (a matter's `{paragraph: …, text: …}` outline entry): the text prints
/// literally, with `_…_` as emphasis, except its citation groups (`[see @id at 5 (explaining …)]`),
/// which keep the characters citation syntax needs (`[ ] @ ! ; , . ( )`) so that the cite stage
/// reads them as it reads a clause's; every other punctuation character inside them is escaped
/// too, and the cite stage refuses a group it cannot read, so nothing in the text can reach Typst
/// as code.
pub fn prose_with_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut plain = String::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c == '[' {
            if let Some(end) = matching_bracket(text, i) {
                let inner = &text[i + 1..end];
                // `[Part <id>]`: the number of a section of this brief ("Part IV.B"), from the
                // drafting context; the id is letters, digits, `-` and `_` only, so nothing else
                // reaches the template.
                if let Some(id) = part_ref(inner) {
                    out.push_str(&with_emphasis(&plain));
                    plain.clear();
                    out.push_str(&format!("{{{{ sections[\"{id}\"] }}}}"));
                    i = end + 1;
                    continue;
                }
                if inner.contains('@') {
                    out.push_str(&with_emphasis(&plain));
                    plain.clear();
                    out.push('[');
                    for ch in inner.chars() {
                        match ch {
                            '[' | ']' | '@' | '!' | ';' | ',' | '.' | '(' | ')' | '\'' | '"' => out.push(ch),
                            _ => out.push_str(&markup(&ch.to_string())),
                        }
                    }
                    out.push(']');
                    i = end + 1;
                    continue;
                }
            }
        }
        plain.push(c);
        i += c.len_utf8();
    }
    out.push_str(&with_emphasis(&plain));
    out
}

/// The section id of a cross-reference written `[Part <id>]` (the bracket's inside), if it is one.
fn part_ref(inner: &str) -> Option<&str> {
    let id = inner.strip_prefix("Part ")?.trim();
    let valid = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    // "[Part 2]" quoted from a record is text, not a reference: an id has a letter.
    (valid && id.chars().any(|c| c.is_ascii_alphabetic())).then_some(id)
}

/// The section ids a paragraph's text refers to with `[Part <id>]`, in order.
pub fn part_refs(text: &str) -> Vec<String> {
    brackets(text).filter_map(|(start, end)| part_ref(&text[start + 1..end])).map(str::to_string).collect()
}

/// The brackets of a paragraph's text that read as a citation but name no authority: they open
/// with a signal or "id." ("[see id.]", "[cf. Smith at 4]") and hold no `@`, so they would print
/// as written. pleader chooses *Id.* and the short forms itself; a citation names its authority
/// as `[see @id at 4]`.
pub fn unlinked_citations(text: &str) -> Vec<String> {
    let opens_like_a_citation = |inside: &str| {
        let lower = inside.to_lowercase();
        // "[mot at 4–7]", "[compl ¶ 12]": an id and a pin with the `@` left out. A bracketed
        // alteration in a quotation ("[t]he", "[the plaintiff]") never reads so.
        let mut words = lower.split_whitespace();
        let pinned =
            words.next().is_some() && matches!(words.next(), Some("at" | "¶" | "¶¶")) && words.next().is_some();
        pinned
            || lower.starts_with("id.")
            || crate::library::clause::SIGNALS
                .iter()
                .chain(["see", "cf.", "accord", "contra"].iter())
                .any(|s| lower.strip_prefix(s).is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')))
    };
    brackets(text)
        .filter(|&(start, end)| {
            let inside = text[start + 1..end].trim();
            opens_like_a_citation(inside) && !inside.contains('@')
        })
        .map(|(start, end)| text[start..=end].to_string())
        .collect()
}

/// Every bracketed span of `text`, nested ones too, as the byte offsets of its `[` and its
/// matching `]`, in order of the `[`; the walk ends at the first `[` that is never closed.
fn brackets(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i + text[i..].find('[')?;
        let end = matching_bracket(text, start)?;
        i = start + 1;
        Some((start, end))
    })
}

/// The `]` that closes the `[` at byte `start`, counting nested brackets.
fn matching_bracket(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, ch) in text[start..].char_indices() {
        match ch {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + k);
                }
            }
            _ => {}
        }
    }
    None
}

/// A content block printing `text` literally on one line: no line break inside it (a case
/// number, "2:24-cv-01234-ABC (ABCx)", is never broken).
pub fn unbreakable(text: &str) -> String {
    content(&format!("#box{}", self::text(text)))
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

/// Pleader-written `markup` with the invisible mark `kind`/`n` after its first visible character.
/// There, inside the first word, no line or page break can come between the mark and the text's
/// first glyph, so the mark lands on the line and page where the text begins (a mark written
/// before the text is left at the end of the previous line when the text starts a new one).
pub fn with_mark(markup: &str, kind: &str, n: usize) -> String {
    let mark = mark(kind, n);
    // Skip the emphasis markers pleader writes, then one character (an escape is two); a section
    // or paragraph sign keeps the space after it, which [`keep_together`] makes unbreakable.
    let start = markup.len() - markup.trim_start_matches(['_', '*']).len();
    let mut chars = markup[start..].char_indices().peekable();
    let mut at = match chars.next() {
        None => return format!("{mark}{markup}"),
        Some((_, '\\')) => chars.next().map_or(markup.len(), |(i, c)| start + i + c.len_utf8()),
        Some((_, c)) => start + c.len_utf8(),
    };
    if matches!(markup[start..].chars().next(), Some('§' | '¶')) {
        while let Some(&(i, c)) = chars.peek().filter(|(_, c)| matches!(c, '§' | '¶' | ' ')) {
            at = start + i + c.len_utf8();
            chars.next();
            if c == ' ' {
                break;
            }
        }
    }
    format!("{}{mark}{}", &markup[..at], &markup[at..])
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
    fn a_bracket_that_reads_as_a_citation_without_an_authority_is_found() {
        assert_eq!(unlinked_citations("As held. [see id.] And [see @x at 4]."), ["[see id.]"]);
        assert_eq!(
            unlinked_citations("[Id. at 5] [cf. Smith at 4] [see, e.g., Jones]"),
            ["[Id. at 5]", "[cf. Smith at 4]", "[see, e.g., Jones]"]
        );
        // An id and its pin with the `@` left out (the Utah user's "[mot at 4–7]").
        assert_eq!(unlinked_citations("argues that [mot at 4–7] and [compl ¶ 12]."), ["[mot at 4–7]", "[compl ¶ 12]"]);
        // Alterations, [sic], cross-references and citations with an authority are not citations gone wrong.
        assert!(unlinked_citations(
            "“\\[t\\]he court” [sic] [Part legal-standard] [@compl ¶ 4] [seemingly] [the plaintiff at issue]"
        )
        .is_empty());
    }

    #[test]
    fn an_underlying_case_name_is_italic_and_the_rest_literal() {
        assert_eq!(
            case_name_then("Quinn v. Doe", ", No. 5 (N.D. Ill.)"),
            format!("{}{}", emph_text("Quinn v. Doe"), markup(", No. 5 (N.D. Ill.)"))
        );
        assert!(emph_text("Quinn v. Doe").starts_with('_'));
        // A name with its own underscores keeps them as its emphasis, and nothing else.
        assert_eq!(case_name_then("_Quinn v. Doe_ (consol.)", ""), with_emphasis("_Quinn v. Doe_ (consol.)"));
        assert_eq!(case_name_then("A_B", ""), markup("A_B"), "an unpaired underscore prints as itself");
    }

    #[test]
    fn citation_units_stay_on_one_line() {
        let kept = |m: &str| keep_together(m);
        assert_eq!(kept("at 1, ECF No\\. 14-4"), "at 1, ECF\u{a0}No\\.\u{a0}14-4");
        assert_eq!(
            kept("42 Pa\\. Cons\\. Stat\\. § 8343(a)"),
            "42 Pa\\.\u{a0}Cons\\.\u{a0}Stat\\.\u{a0}§\u{a0}8343(a)"
        );
        assert_eq!(
            kept("U\\.S\\. Const\\. amend\\. I; (Pa\\. Super\\. Ct\\. 2011)"),
            "U\\.S\\.\u{a0}Const\\. amend\\.\u{a0}I; (Pa\\.\u{a0}Super\\.\u{a0}Ct\\. 2011)"
        );
        assert_eq!(
            kept("385 F\\. Supp\\. 2d (2021 WL 4124216)"),
            "385 F\\.\u{a0}Supp\\.\u{a0}2d (2021 WL\u{a0}4124216)"
        );
        assert_eq!(
            kept("(see Rule 12 and Fed\\. R\\. Evid\\. 602)"),
            "(see Rule\u{a0}12 and Fed\\.\u{a0}R\\.\u{a0}Evid\\.\u{a0}602)"
        );
        // Not a citation unit: a sentence that begins "No".
        assert_eq!(kept("(x) No court has"), "(x) No court has");
    }

    #[test]
    fn a_lawyers_paragraph_keeps_its_citations_and_nothing_else() {
        let out =
            prose_with_citations("The _Dendrite_ test #applies. [see @dendrite at 760 (requiring *notice*)]; see [x].");
        assert!(
            out.starts_with("The _Dendrite_ test \\#applies\\. [see @dendrite at 760 (requiring \\*notice\\*)]"),
            "{out}"
        );
        assert!(out.ends_with("\\[x\\]\\."), "{out}");
        // Template delimiters never survive unescaped.
        let out = prose_with_citations("{{ x }} {% if %} [see @a (b {{ c }})]");
        assert!(!out.contains("{{") && !out.contains("{%"), "{out}");
    }

    #[test]
    fn emphasis_between_underscores_and_nothing_else() {
        assert_eq!(with_emphasis("the _Dendrite_ test"), "the _Dendrite_ test");
        assert_eq!(with_emphasis("the #x _Cahill_ [y]"), format!("the {} _Cahill_ {}", markup("#x"), markup("[y]")));
        assert_eq!(with_emphasis("a_b"), markup("a_b"));
    }

    #[test]
    fn an_honorific_stays_with_the_name_it_precedes_wherever_it_is_written() {
        // In a lawyer's escaped words and in a clause's own text alike.
        assert_eq!(keep_together(&markup("says that Ms. Whitcomb works")), "says that Ms\\.\u{a0}Whitcomb works");
        assert_eq!(keep_together("Dr. Okonkwo and (Mr. Hale)"), "Dr.\u{a0}Okonkwo and (Mr.\u{a0}Hale)");
        // Not a title as the end of another word, nor before a word that is not a name.
        assert_eq!(keep_together("the Hems. Later"), "the Hems. Later");
        assert_eq!(keep_together("see Dr. who"), "see Dr. who");
    }

    #[test]
    fn a_run_of_capitalized_abbreviations_stays_on_one_line() {
        let out = keep_together(&markup("see Fed. R. Civ. P. 45(d) (N.D. Cal. 2005)"));
        assert!(out.starts_with("see Fed\\.\u{a0}R\\.\u{a0}Civ\\.\u{a0}P\\.\u{a0}45"), "{out}");
        assert!(out.contains("N\\.D\\.\u{a0}Cal\\. 2005"), "{out}");
        // Not a word that is not an abbreviation, nor a long one.
        assert_eq!(keep_together("the Co. said (Sept. Ltd.)"), "the Co. said (Sept.\u{a0}Ltd.)");
        assert_eq!(keep_together("Ohio Jud. Proceedings (x)"), "Ohio Jud. Proceedings (x)");
    }

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(markup("#import \"x\": *"), "\\#import \"x\"\\: \\*");
        assert_eq!(markup("$ _ * @ < > [ ] \\ // /*"), "\\$ \\_ \\* \\@ \\< \\> \\[ \\] \\\\ \\/\\/ \\/\\*");
        assert_eq!(markup("Leifer's"), "Leifer's");
        assert_eq!(markup("a\r\nb\rc\u{7}"), "a\nb\nc");
    }

    #[test]
    fn line_breaking_rules() {
        let j = NO_BREAK;
        assert_eq!(keep_together("speech—and"), format!("speech{j}—and"));
        assert_eq!(keep_together("a — b"), "a\u{a0}— b");
        assert_eq!(keep_together(&markup("§ 1030(a)(2)")), format!("§\u{a0}1030\\(a\\){j}\\(2\\)"));
        assert_eq!(keep_together("45(d)(2) ¶ 5 975–76 pp. a–b"), format!("45(d){j}(2) ¶\u{a0}5 975–{j}76 pp. a–b"));
        // A slash inside a capitalised abbreviation holds; one between words may break.
        assert_eq!(
            keep_together(&markup("the CM/ECF system and/or mail")),
            format!("the CM\\/{j}ECF system and\\/or mail")
        );
        // A docket number holds at its hyphens; a hyphenated word without a digit may break.
        assert_eq!(
            keep_together(&markup("No. 11-cv-00941-CMA, a volunteer-run board")),
            format!("No\\.\u{a0}11\\-{j}cv\\-{j}00941\\-{j}CMA\\, a volunteer\\-run board")
        );
        // A Doe defendant keeps its number ("Does / 1–3" broke across caption lines).
        assert_eq!(keep_together("_Fox River v. Does 1–3_"), format!("_Fox River v. Does\u{a0}1–{j}3_"));
        assert_eq!(keep_together("Does not apply (x)"), "Does not apply (x)");
        for s in ["speech—and", "§ 1030(a)(2)", "975–76", "x)(y", "a — b", "No. 1:26-cv-04412-CMA"] {
            let once = keep_together(&markup(s));
            assert_eq!(keep_together(&once), once, "{s}");
            assert_eq!(plain(&once), s, "{s}");
        }
        // Only text is touched: not strings, raw text, math or comments.
        let code = "#link(\"https://x.example/a—b\")[x] `a—b (1)(2)` $a—b$ // a—b\n";
        assert_eq!(keep_together(code), code);
        assert_eq!(keep_together("_speech_—and x---y"), format!("_speech_{j}—and x{j}---y"));
        assert_eq!(keep_together("#footnote[x]—y"), format!("#footnote[x]{j}—y"));
        assert_eq!(keep_together("§§ 1030 and 1031"), "§§\u{a0}1030 and 1031");
        // A space with a line break, or more than one space, is left as it is.
        assert_eq!(keep_together("§\n- item"), "§\n- item");
        assert_eq!(keep_together("a  —"), "a  —");
        assert_eq!(emph_text("aff’d"), "_aff#text(kerning: false)[’]d_");
        assert_eq!(plain(&emph_text("aff’d")), "aff’d");
        assert_eq!(emph_text("Leifer's"), "_Leifer's_");
        assert_eq!(unbreakable("1:2 (x)"), "[#box[1\\:2 \\(x\\)]]");
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
        assert_eq!(with_mark("_Id._ at 5", "cite", 2), "_I#metadata(\"pl:cite:2\")<pl-c2>d._ at 5");
        assert_eq!(with_mark("\\$ 5", "cite", 3), "\\$#metadata(\"pl:cite:3\")<pl-c3> 5");
        assert_eq!(with_mark("§ 1", "cite", 4), "§ #metadata(\"pl:cite:4\")<pl-c4>1");
        assert_eq!(with_mark("§§ 1–2", "cite", 4), "§§ #metadata(\"pl:cite:4\")<pl-c4>1–2");
        assert_eq!(keep_together(&with_mark("§ 1", "cite", 4)), "§\u{a0}#metadata(\"pl:cite:4\")<pl-c4>1");
        assert_eq!(with_mark("", "cite", 5), "#metadata(\"pl:cite:5\")<pl-c5>");
        assert_eq!(named_mark("body-start"), "#metadata(\"pl:body-start\")<pl-body-start>");
        assert_eq!(import("/data/x.typ", &["a", "b"]), "#import \"/data/x.typ\": a, b\n");
        assert_eq!(label("pl-h3"), "<pl-h3>");
    }
    #[test]
    fn footnotes_are_numbered_where_their_count_is_their_text() {
        let mut next = 3;
        assert_eq!(
            number_footnotes("A.#footnote[One.] _B.#footnote(x: 1)[Two.]_ #strong[C.#footnote()[Three.]]", &mut next)
                .as_deref(),
            Some(
                "A.#footnote(numbering: (..n) => \"3\")[One.] _B.#footnote(numbering: (..n) => \"4\", x: 1)[Two.]_ \
                 #strong[C.#footnote(numbering: (..n) => \"5\")[Three.]]"
            )
        );
        assert_eq!(next, 6);
        // The word in text, an escaped `#`: nothing to number.
        assert_eq!(
            number_footnotes("a footnote; \\#footnote[x]", &mut next).as_deref(),
            Some("a footnote; \\#footnote[x]")
        );
        assert_eq!(next, 6);
        // In code that may run it twice or never, as a value, with a numbering of its own: none.
        for refused in [
            "#for i in range(2) [#footnote[x]]",
            "#if true [#footnote[x]]",
            "#let f = footnote",
            "#footnote.with(numbering: \"*\")[x]",
            "#footnote(numbering: \"*\")[x]",
            "#show footnote: it => it",
        ] {
            assert_eq!(number_footnotes(refused, &mut next), None, "{refused}");
        }
    }
}
