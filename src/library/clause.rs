//! Clause files: the templates lawyers edit. A clause is a text file in `clauses/` with a short
//! YAML header between `---` lines (its heading, what it needs from the matter, which authorities
//! it may cite, the options it takes) and a body: Tera template syntax for matter data
//! (`{{ parties.movant.short }}`, `{% if opts.block_quote %}`), light Typst markup for emphasis,
//! footnotes and block quotations, and pleader's citation syntax (`[see @highfields at 976]`,
//! `[@compl ¶ 19]`). This module only splits and reads the file; rendering is the render stage.

use indexmap::IndexMap;
use serde::Deserialize;

/// The citation signals the citation syntax reads (`cite::syntax`), longest first so that "see
/// also" wins over "see"; a profile's note sentence may name only these.
pub const SIGNALS: [&str; 12] = [
    "see, e.g.,",
    "see generally",
    "see also",
    "but see",
    "but cf.",
    "e.g.,",
    "accord",
    "compare",
    "contra",
    "see",
    "cf.",
    "with",
];

use crate::diag::{Diagnostic, Result, SourceText};
use crate::library::schema::Reads;
use crate::yaml;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The clause id; defaults to the file name without `.tera`. Must match it when given.
    #[serde(default)]
    pub id: Option<String>,
    /// The heading text (a Tera template, like the body).
    pub heading: String,
    /// One line saying what the clause argues (for `pleader clauses`).
    #[serde(default)]
    pub summary: Option<String>,
    /// Parts of the matter outside `facts:` the clause needs: `parties.movant`, `client`, …
    #[serde(default)]
    pub needs: Vec<String>,
    /// The facts the clause reads, by path under the matter's `facts:` (defined in
    /// `clauses/_facts.yaml`); `{path: x, when: option}` reads `x` only when that option is on.
    #[serde(default)]
    pub facts: Vec<Reads>,
    /// Authority ids the clause may cite.
    #[serde(default)]
    pub authorities: Vec<String>,
    /// Where the clause is right: the court systems and unmasking standards it is written for, and
    /// facts it presupposes. Selecting it elsewhere is an error that says why.
    #[serde(default)]
    pub applies: Option<Applies>,
    /// The kinds of the movant's argument it answers (`clauses/_arguments.yaml`).
    #[serde(default)]
    pub answers: Vec<String>,
    /// Options the matter can set under `options:`, with their defaults and a description.
    #[serde(default)]
    pub options: IndexMap<String, OptionSpec>,
}

/// Where a clause applies.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applies {
    /// `federal`, `state` (empty: both).
    #[serde(default)]
    pub systems: Vec<String>,
    /// `highfields`, `arista`, `krinsky` (empty: any).
    #[serde(default)]
    pub standards: Vec<String>,
    /// Courts of appeals (`9th Cir.`) in whose circuits the clause does not apply: a federal court
    /// whose profile lists one of them among its circuit's courts is refused, with `not_why`.
    #[serde(default)]
    pub not_circuits: Vec<String>,
    /// Why the clause does not apply in those circuits, completing "…: ___".
    #[serde(default)]
    pub not_why: Option<String>,
    /// Facts the clause presupposes, by path, with the values it is written for
    /// (`motion.test: [arista]`).
    #[serde(default)]
    pub facts: IndexMap<String, Vec<String>>,
    /// The standards under which `facts` must hold (empty: all); elsewhere the clause applies
    /// whatever the facts say.
    #[serde(default)]
    pub facts_under: Vec<String>,
    /// What the clause argues, to say why it does not fit ("argues that the Arista factors do not
    /// govern").
    #[serde(default)]
    pub argues: Option<String>,
    /// The clause argues from the court's time to move to compel and applies only where the
    /// profile sets one (`jurisdiction.time_to_compel`).
    #[serde(default)]
    pub time_to_compel: bool,
    /// The clause argues from the court's limit on what a subpoena may demand: the Rules' in a
    /// federal court, and in a state court the profile's (`jurisdiction.discovery_limit`), where
    /// alone it applies.
    #[serde(default)]
    pub discovery_limit: bool,
    /// The clause argues from the state's law on whether its courts' subpoenas reach a non-party
    /// outside the state, and applies only where the profile states it
    /// (`jurisdiction.subpoena_reach`).
    #[serde(default)]
    pub subpoena_reach: bool,
    /// What the clause says of the court's standard holds of any standard for unmasking (its name,
    /// and that it asks more than the movant offers): it applies under a project's own standard
    /// that no library clause argues. A clause that reads `standard` and does not say so is
    /// refused there (see [`Clause::reads_standard`]).
    #[serde(default)]
    pub any_standard: bool,
}

impl Applies {
    /// Whether the clause fits a court of this jurisdiction (its system and standard; the facts
    /// are the matter's, checked when it is validated).
    pub fn court_fits(&self, j: &crate::library::court::Jurisdiction) -> bool {
        (self.systems.is_empty() || self.systems.iter().any(|s| s == j.system.id()))
            && (self.standards.is_empty() || self.standards.iter().any(|s| s == j.argued_as()))
            && self.excluded_circuit(j).is_none()
            && (!self.time_to_compel || j.time_to_compel.is_some())
            && (!self.subpoena_reach || !j.subpoena_reach.is_empty())
            && (!self.discovery_limit
                || j.system == crate::library::court::System::Federal
                || j.discovery_limit.is_some())
    }

    /// The circuit of `not_circuits` a federal court of this jurisdiction sits in, if any.
    fn excluded_circuit(&self, j: &crate::library::court::Jurisdiction) -> Option<&str> {
        if j.system != crate::library::court::System::Federal {
            return None;
        }
        self.not_circuits.iter().find(|c| j.circuit_courts.iter().any(|x| x == *c)).map(String::as_str)
    }

    /// Why clause `id` does not fit a court (`court`, its name, and `j`, its jurisdiction): its
    /// system, else its standard. `None` when it fits.
    pub fn mismatch(&self, id: &str, court: &str, j: &crate::library::court::Jurisdiction) -> Option<String> {
        if !self.systems.is_empty() && !self.systems.iter().any(|s| s == j.system.id()) {
            return Some(format!(
                "clause `{id}` is written for {} courts, and {court} is a {} court",
                self.systems.join(" and "),
                j.system.id()
            ));
        }
        if !self.standards.is_empty() && !self.standards.iter().any(|s| s == j.argued_as()) {
            let argues = self.argues.as_deref().map(|a| format!(" it {a}, and")).unwrap_or_default();
            return Some(format!(
                "clause `{id}` does not apply in {court}:{argues} courts there apply the {} standard, not {}",
                &j.standard,
                self.standards.join(" or ")
            ));
        }
        if self.time_to_compel && j.time_to_compel.is_none() {
            return Some(format!(
                "clause `{id}` does not apply in {court}: its profile sets no time to move to compel (`jurisdiction.time_to_compel`)"
            ));
        }
        if self.subpoena_reach && j.subpoena_reach.is_empty() {
            return Some(format!(
                "clause `{id}` does not apply in {court}: its profile does not say whether the state's courts may enforce a subpoena against a non-party outside the state (`jurisdiction.subpoena_reach: {{text, authority, pin}}`)"
            ));
        }
        if self.discovery_limit && j.system != crate::library::court::System::Federal && j.discovery_limit.is_none() {
            return Some(format!(
                "clause `{id}` does not apply in {court}: its profile names no rule limiting what a subpoena may demand (`jurisdiction.discovery_limit: {{rule, subdivision, words}}`)"
            ));
        }
        if let Some(circuit) = self.excluded_circuit(j) {
            let why = self.not_why.as_deref().map(|w| format!(": {w}")).unwrap_or_default();
            return Some(format!("clause `{id}` does not apply in {court} ({circuit}){why}"));
        }
        None
    }

    /// Whether the facts the clause presupposes bind in a court of this jurisdiction (its standard
    /// is one of `facts_under`, or `facts_under` is empty).
    pub fn facts_apply(&self, j: &crate::library::court::Jurisdiction) -> bool {
        self.facts_under.is_empty() || self.facts_under.iter().any(|s| s == j.argued_as())
    }

    /// The first presupposed fact that binds in this court and whose value (`value_of` its path;
    /// `None` when not set) is not one the clause is written for: the path, the values it is
    /// written for and the value given.
    pub fn contradicted<'a>(
        &'a self,
        j: &crate::library::court::Jurisdiction,
        value_of: impl Fn(&str) -> Option<String>,
    ) -> Option<(&'a str, &'a [String], String)> {
        if !self.facts_apply(j) {
            return None;
        }
        self.facts.iter().find_map(|(path, values)| {
            let given = value_of(path)?;
            (!values.contains(&given)).then_some((path.as_str(), values.as_slice(), given))
        })
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    #[serde(default)]
    pub default: serde_yaml::Value,
    #[serde(default)]
    pub description: Option<String>,
    /// For an option that takes one of several values: each value with what it does. The matter
    /// may set only these.
    #[serde(default)]
    pub values: Option<IndexMap<String, String>>,
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub id: String,
    pub header: Header,
    pub source: SourceText,
    /// The body text (after the closing `---`).
    pub body: String,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
    /// 1-based line of the `heading:` field.
    pub heading_line: usize,
}

impl Clause {
    /// Whether the body reads the court's standard: the variable `standard` named inside a Tera
    /// tag (`{{ standard.name }}`, `{% set s = standard %}`), not in the prose or a string.
    pub fn reads_standard(&self) -> bool {
        let body = self.body.as_str();
        let mut rest = body;
        while let Some(open) = rest.find(['{']) {
            let after = &rest[open + 1..];
            let close = match after.chars().next() {
                Some('{') => "}}",
                Some('%') => "%}",
                _ => {
                    rest = after;
                    continue;
                }
            };
            let Some(end) = after.find(close) else { break };
            let tag = &after[1..end];
            // The tag's code without its string literals.
            let mut code = String::new();
            let mut quote: Option<char> = None;
            for c in tag.chars() {
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == '"' || c == '\'' => quote = Some(c),
                    None => code.push(c),
                }
            }
            let word = |c: char| c.is_alphanumeric() || c == '_';
            let mut from = 0;
            while let Some(i) = code[from..].find("standard") {
                let at = from + i;
                let before = code[..at].chars().next_back();
                let after_word = code[at + "standard".len()..].chars().next();
                if !before.is_some_and(word) && !after_word.is_some_and(word) {
                    return true;
                }
                from = at + "standard".len();
            }
            rest = &after[end + close.len()..];
        }
        false
    }

    /// Whether a standard of a project's own that no library clause argues refuses the clause:
    /// it reads the court's standard and does not say that what it says holds of any standard.
    pub fn refused_under_own_standard(&self) -> bool {
        self.reads_standard() && !self.header.applies.as_ref().is_some_and(|a| a.any_standard)
    }

    /// Parses a clause file; `id` is the file stem.
    pub fn parse(id: &str, source: &SourceText) -> Result<Clause> {
        let text: &str = &source.text;
        let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")).ok_or_else(|| {
            Diagnostic::error("a clause file must start with a `---` header line")
                .at(source, 0..text.find('\n').unwrap_or(text.len()).min(3))
                .with_hint(
                    "write the header (heading, needs, authorities, options) between two `---` lines, then the body",
                )
        })?;
        let header_start = text.len() - rest.len();
        let close = find_closing(rest).ok_or_else(|| {
            Diagnostic::error("the clause header is not closed")
                .at(source, 0..3)
                .with_hint("end the header with a line holding only `---`")
        })?;
        let header_text = &rest[..close.0];
        let body_start = header_start + close.1;
        let header: Header = yaml::from_str_at(source, header_text, 1)?;
        // The file up to its header's end: its keys are where they are in the file, and the
        // positioned tree need not read the body too.
        let head = SourceText::new(source.name.clone(), &text[..header_start + close.0]);
        if let Some(given) = &header.id {
            if given != id {
                let span = yaml::find_key(&head, "id").unwrap_or(0..0);
                return Err(Diagnostic::error(format!(
                    "the header says `id: {given}` but the file is named `{id}.tera`"
                ))
                .at(source, span)
                .with_hint("rename the file or fix the id; a clause is selected by its file name")
                .into());
            }
        }
        let heading_line = yaml::find_key(&head, "heading").map_or(2, |r| source.line_col(r.start).0);
        Ok(Clause {
            id: id.to_string(),
            body: text[body_start..].to_string(),
            body_line: source.line_col(body_start).0,
            heading_line,
            header,
            source: source.clone(),
        })
    }
}

/// A partial's optional header: what it is for and the facts it reads.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialHeader {
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub facts: Vec<Reads>,
}

/// A partial (`clauses/_name.tera`): included by clauses, never selected by a matter. It may
/// start with a `---` header like a clause's, holding only `summary` and `facts`.
#[derive(Clone, Debug)]
pub struct Partial {
    /// The name clauses include it by: `_name.tera`.
    pub name: String,
    pub header: PartialHeader,
    pub source: SourceText,
    pub body: String,
    pub body_line: usize,
}

impl Partial {
    pub fn parse(id: &str, source: &SourceText) -> Result<Partial> {
        let text: &str = &source.text;
        let name = format!("{id}.tera");
        let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
            return Ok(Partial {
                name,
                header: PartialHeader::default(),
                source: source.clone(),
                body: text.to_string(),
                body_line: 1,
            });
        };
        let header_start = text.len() - rest.len();
        let close = find_closing(rest).ok_or_else(|| {
            Diagnostic::error("the partial's header is not closed")
                .at(source, 0..3)
                .with_hint("end the header with a line holding only `---`")
        })?;
        let header: PartialHeader = yaml::from_str_at(source, &rest[..close.0], 1)?;
        let body_start = header_start + close.1;
        Ok(Partial {
            name,
            header,
            body: text[body_start..].to_string(),
            body_line: source.line_col(body_start).0,
            source: source.clone(),
        })
    }
}

/// Finds the closing `---` line: (end of header text, start of body) as offsets into `rest`.
fn find_closing(rest: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_header_and_body() {
        let src = SourceText::new(
            "clauses/intro.tera",
            "---\nheading: Introduction\nauthorities: [highfields]\n---\nBody {{ x }}.\n",
        );
        let c = Clause::parse("intro", &src).unwrap();
        assert_eq!(c.header.heading, "Introduction");
        assert_eq!(c.body, "Body {{ x }}.\n");
        assert_eq!(c.body_line, 5);
        assert_eq!(c.heading_line, 2);
    }

    #[test]
    fn header_errors_point_into_the_file() {
        let src = SourceText::new("clauses/intro.tera", "---\nheading: Intro\nneeds: [a\n---\nx");
        let e = Clause::parse("intro", &src).unwrap_err();
        assert!(e[0].location().unwrap().starts_with("clauses/intro.tera:"));
    }
}
