//! The filters clause authors can use besides Tera's own: `date`, `words`, `capfirst`, `series`,
//! `punctuate`, `nested`, `emphasis`, `prose`.

use crate::units::number_words;
use std::collections::HashMap;

use serde_json::Value as Json;
use tera::Tera;

use crate::units::{bluebook_date, capitalize_first, long_date, parse_date};

/// The most numbers one `range(…)` in a clause may make.
pub const RANGE_LIMIT: i64 = 10_000;

/// Filters and functions clause authors can use.
pub fn register(tera: &mut Tera) {
    // Tera's `range`, bounded: `range(end=1000000000)` would fill memory before anything prints.
    tera.register_function("range", |args: &HashMap<String, Json>| {
        let int = |name: &str, default: Option<i64>| match args.get(name) {
            Some(v) => {
                v.as_i64().ok_or_else(|| tera::Error::msg(format!("`range`: `{name}` must be a whole number, not {v}")))
            }
            None => default.ok_or_else(|| tera::Error::msg(format!("`range` needs `{name}`"))),
        };
        let (start, end, step) = (int("start", Some(0))?, int("end", None)?, int("step_by", Some(1))?);
        if step <= 0 {
            return Err(tera::Error::msg("`range`: `step_by` must be 1 or more"));
        }
        let count = if end > start { (end - start - 1) / step + 1 } else { 0 };
        if count > RANGE_LIMIT {
            return Err(tera::Error::msg(format!(
                "`range` would make {count} numbers; a clause may make at most {RANGE_LIMIT}"
            )));
        }
        Ok(Json::Array((0..count).map(|i| Json::from(start + i * step)).collect()))
    });
    // {{ facts.order.date | date }} → "May 11, 2022"; {{ … | date(style="bluebook") }} → "May 11, 2022"
    tera.register_filter("date", |v: &Json, args: &HashMap<String, Json>| {
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
    tera.register_filter("words", |v: &Json, _: &HashMap<String, Json>| {
        let n = v.as_u64().ok_or_else(|| tera::Error::msg("the `words` filter needs a whole number"))?;
        Ok(Json::String(number_words(n)))
    });
    // {{ ["at 3", "at 1", "at 2"] | pins }} → "at 1–3": one document's pins, sorted and joined
    // (see `context::join_pins`).
    tera.register_filter("pins", |v: &Json, _: &HashMap<String, Json>| {
        let ats: Vec<String> = v
            .as_array()
            .and_then(|a| a.iter().map(|p| p.as_str().map(str::to_string)).collect::<Option<Vec<_>>>())
            .filter(|a| !a.is_empty())
            .ok_or_else(|| tera::Error::msg("`pins` needs a list of pins (\"at 4\", \"¶ 2\")"))?;
        Ok(Json::String(super::context::join_pins(&ats)))
    });
    // {{ facts.post_noun_singular | article }} → "an e-mail", "a post" (see `with_article`).
    tera.register_filter("article", |v: &Json, _: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`article` needs text"))?;
        Ok(Json::String(with_article(s)))
    });
    // {{ "network user’s" | title }} → "Network User’s": Tera's own `title` starts a word after a
    // typographic apostrophe ("User’S": the D. Conn. matter's heading), which every possessive
    // the library prints uses; this one keeps both apostrophes inside the word.
    tera.register_filter("title", |v: &Json, _: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`title` needs text"))?;
        Ok(Json::String(title_case(s)))
    });
    // {{ "x" | capitalize_first }} keeps the rest as written (Tera's `capitalize` lowercases it).
    tera.register_filter("capfirst", |v: &Json, _: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`capfirst` needs text"))?;
        Ok(Json::String(capitalize_first(s)))
    });
    // {{ st.text | punctuate(mark=",") }}: "never happen." → "never happen,"; "calls her “a bully”"
    // → "calls her “a bully,”" (see `punctuate`).
    tera.register_filter("punctuate", |v: &Json, args: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`punctuate` needs text"))?;
        let mark = args.get("mark").and_then(|m| m.as_str()).unwrap_or(".");
        Ok(Json::String(punctuate(s, mark)))
    });
    // “{{ st.text | nested }}”: a quotation inside a quotation takes single marks (“The ‘culture’
    // is a joke”), so a quoted statement that itself quotes keeps its marks paired.
    tera.register_filter("nested", |v: &Json, _: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`nested` needs text"))?;
        Ok(Json::String(nested(s)))
    });
    // {{ standard.name | emphasis | safe }}: library text with `_…_` emphasis, the rest escaped.
    tera.register_filter("emphasis", |v: &Json, _: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`emphasis` needs text"))?;
        Ok(Json::String(crate::escape::with_emphasis(s)))
    });
    // {{ it.falls_short | prose | safe }}: a lawyer's own sentence from the matter, printed
    // literally but for `_…_` emphasis and its citation groups (`see [@decl ¶ 8]`), which the cite
    // stage reads as it reads a clause's (`escape::prose_with_citations`).
    tera.register_filter("prose", |v: &Json, _: &HashMap<String, Json>| {
        let s = v.as_str().ok_or_else(|| tera::Error::msg("`prose` needs text"))?;
        Ok(Json::String(crate::escape::prose_with_citations(s)))
    });
    // {{ facts.claims | series }} → "defamation, intentional infliction of emotional distress, and a CFAA claim"
    tera.register_filter("series", |v: &Json, args: &HashMap<String, Json>| {
        let items: Vec<String> = v
            .as_array()
            .ok_or_else(|| tera::Error::msg("`series` needs a list"))?
            .iter()
            .map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string()))
            .collect();
        let conj = args.get("conj").and_then(|c| c.as_str()).unwrap_or("and");
        Ok(Json::String(series(&items, conj)))
    });
}

/// Items as a series: "A", "A and B", "A, B, and C" (`conj` is "and" or "or").
/// A noun phrase with its indefinite article, chosen by the sound of its first word as English
/// spelling usually gives it: "an" before a vowel letter ("an e-mail", "an account"), except a
/// "u" or "eu" sounded "you" ("a user", "a unit", "a European") and "one" ("a one-time"); "a"
/// before a consonant, except the silent "h" of "hour", "honest" and "honor" ("an hour").
pub fn with_article(phrase: &str) -> String {
    let word = phrase.trim_start().to_lowercase();
    let you = ["uni", "use", "usu", "uti", "uri", "eu", "one", "once"].iter().any(|p| word.starts_with(p));
    let silent_h = ["hour", "honest", "honor", "honour", "heir"].iter().any(|p| word.starts_with(p));
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    let an = (vowel && !you) || silent_h;
    format!("{} {phrase}", if an { "an" } else { "a" })
}

pub fn series(items: &[String], conj: &str) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        2 => format!("{} {conj} {}", items[0], items[1]),
        n => format!("{}, {conj} {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// A quotation set inside double quotation marks: its own double marks become single ones.
pub fn nested(text: &str) -> String {
    // Straight double quotes, as a lawyer types them, become single marks too: an opening one
    // where it starts the text or follows a space or an opening bracket, else a closing one.
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        out.push(match c {
            '\u{201c}' => '\u{2018}',
            '\u{201d}' => '\u{2019}',
            '"' if prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}".contains(p)) => '\u{2018}',
            '"' => '\u{2019}',
            other => other,
        });
        prev = Some(c);
    }
    out
}

/// Text as it ends a phrase or sentence that closes with `mark` ("." or ",", or "" for none),
/// American style: its own final period gives way to the mark; a final `!` or `?` stays and takes
/// no mark; and a closing quotation mark at the end takes the mark inside it.
pub fn punctuate(text: &str, mark: &str) -> String {
    let t = text.trim();
    // A closing single mark closes a nested quotation only where one was opened (otherwise it is
    // an apostrophe: "the speakers’").
    let (body, close) = match t.strip_suffix('”') {
        Some(b) => (b, "”"),
        None => match t.strip_suffix('’').filter(|b| b.contains('‘')) {
            Some(b) => (b, "’"),
            None => (t, ""),
        },
    };
    if body.ends_with('!') || body.ends_with('?') {
        return t.to_string();
    }
    format!("{}{mark}{close}", body.strip_suffix('.').unwrap_or(body))
}

/// A drafted passage with a comma or period that follows a closing double quotation mark moved
/// inside it, American style ("calls her “a bully,” and"), wherever a clause wrote the mark after a
/// fact that ends in a quotation ("{{ fact }}, [see …]"). A quotation that already ends in a
/// period, comma, `?` or `!` keeps what it has; a closing single mark is left alone, since it is
/// also an apostrophe ("the members’, and").
pub fn quotes_take_punctuation(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("”,") && !text.contains("”.") {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let before = if i > 0 { Some(chars[i - 1]) } else { None };
        // Not an ellipsis (". . ." or "...") after the quotation.
        let ellipsis =
            next == Some('.') && matches!(chars.get(i + 2), Some('.') | Some(' ')) && chars.get(i + 3) == Some(&'.');
        // A sentence that ends with a quoted question or exclamation takes no period of its own
        // ("a thread titled “Orthodontist recommendations?”", not "…?”.": the W.D. Wash. audit).
        if c == '”' && next == Some('.') && matches!(before, Some('?') | Some('!')) && !ellipsis {
            out.push('”');
            i += 2;
            continue;
        }
        if c == '”'
            && matches!(next, Some(',') | Some('.'))
            && !matches!(before, Some('.') | Some(',') | Some('?') | Some('!'))
            && !ellipsis
        {
            out.push(next.unwrap());
            out.push('”');
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// A sentence's period after a value that ends in an abbreviation's ("… Vantage Alarm Co." then
/// the clause's own "."): one period, not two (the N.D. Ga. user's "Co.."). A value's punctuation
/// is escaped (`\.`) and a clause's own is not, so only an escaped period after a letter followed
/// by a bare one is the pair: the lawyer's own text ("A..", "wait...") prints as written, and an
/// ellipsis ending a value keeps the sentence's period.
pub fn one_period(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\..") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find("\\..") {
        let letter_before = rest[..k].chars().next_back().is_some_and(char::is_alphabetic);
        // "\.." then another bare period is the start of an ellipsis the clause wrote: kept.
        let ellipsis = rest[k + 3..].starts_with('.') || rest[k + 3..].starts_with(" .");
        out.push_str(&rest[..k + 2]);
        rest = if letter_before && !ellipsis { &rest[k + 3..] } else { &rest[k + 2..] };
    }
    out.push_str(rest);
    if out.len() == text.len() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(out)
    }
}

/// Each word's first letter upper-cased and the rest lower-cased, as Tera's `title` does, where a
/// word is a run of letters, digits, `_` and apostrophes (straight or typographic).
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_word = false;
    for c in s.chars() {
        let word = c.is_alphanumeric() || c == '_' || c == '\'' || c == '’';
        if word && !in_word {
            out.extend(c.to_uppercase());
        } else if word {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        in_word = word;
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn title_case_keeps_an_apostrophe_inside_its_word() {
        use super::title_case as t;
        assert_eq!(t("network user’s"), "Network User’s");
        assert_eq!(t("users’"), "Users’");
        assert_eq!(t("o'brien's e-mails"), "O'brien's E-Mails");
    }

    #[test]
    fn a_value_ending_in_an_abbreviation_takes_one_period() {
        use super::one_period as p;
        // A value's period is escaped, the clause's is not.
        assert_eq!(p("Vantage Alarm Co\\.. See Decl."), "Vantage Alarm Co\\. See Decl.");
        // The lawyer's own doubled periods, an ellipsis, a period after a digit: unchanged.
        assert_eq!(p("A\\.\\.0"), "A\\.\\.0");
        assert_eq!(p("said\\.\\.\\.."), "said\\.\\.\\..");
        assert_eq!(p("regained . . . ."), "regained . . . .");
        assert_eq!(p("at 4\\.."), "at 4\\..");
        assert_eq!(p("Co\\.. . . and"), "Co\\.. . . and");
        assert!(matches!(p("No dots here."), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_comma_or_period_after_a_closing_quotation_goes_inside_it() {
        use super::quotes_take_punctuation as q;
        assert_eq!(q("below “Lake Wales news”, see Decl. ¶ 14."), "below “Lake Wales news,” see Decl. ¶ 14.");
        assert_eq!(q("“CitrusRidgeMom” and “LakeWalesNative”, whose"), "“CitrusRidgeMom” and “LakeWalesNative,” whose");
        assert_eq!(q("called it “a scam”."), "called it “a scam.”");
        // Already punctuated inside, an ellipsis, a single mark: unchanged.
        assert_eq!(q("“a scam,” and"), "“a scam,” and");
        // A sentence that ends with a quoted question takes no period of its own; a comma stays.
        assert_eq!(q("asks “who knew?”. Next"), "asks “who knew?” Next");
        assert_eq!(q("titled “Recommendations?”, in"), "titled “Recommendations?”, in");
        assert_eq!(q("the members’, and"), "the members’, and");
        assert_eq!(q("(“Brandt Decl.”)."), "(“Brandt Decl.”).");
    }

    #[test]
    fn the_indefinite_article_follows_the_first_sound() {
        use super::with_article;
        for (noun, expected) in [
            ("e-mail", "an e-mail"),
            ("post", "a post"),
            ("account", "an account"),
            ("user", "a user"),
            ("hour", "an hour"),
            ("review", "a review"),
            ("item", "an item"),
            ("one-time post", "a one-time post"),
        ] {
            assert_eq!(with_article(noun), expected);
        }
    }

    use super::{nested, punctuate};

    #[test]
    fn a_quotation_inside_a_quotation_takes_single_marks_and_the_period_goes_inside_both() {
        let inner = nested("The “culture of precision” is a joke.");
        assert_eq!(inner, "The ‘culture of precision’ is a joke.");
        assert_eq!(punctuate(&nested("He called it “a fraud.”"), "."), "He called it ‘a fraud.’");
        assert_eq!(punctuate(&nested("He called it “a fraud”"), ","), "He called it ‘a fraud,’");
        // An apostrophe at the end is not a closing mark.
        assert_eq!(punctuate("the speakers’", "."), "the speakers’.");
        // Straight quotes, as typed in a matter, nest as well.
        assert_eq!(nested("Their \"lifetime warranty\" is a scam."), "Their ‘lifetime warranty’ is a scam.");
        assert_eq!(nested("\"Scam,\" he said."), "‘Scam,’ he said.");
    }
}
