//! Stage 3: drafting. Each clause the matter's outline selects is rendered with Tera: its heading
//! and body see the matter through the clause context ([`context`]), the clause's options
//! (defaults from its header, overridden by the matter) and its own place in the outline. The
//! output is Typst markup that still holds pleader's citation syntax; the cite stage resolves it.

pub mod context;
pub mod filters;
pub mod precompiled;
pub mod reads;
pub mod templates;

use serde_json::{json, Map, Value as Json};
use tera::Context;

use crate::diag::{Diagnostic, Result};
pub use context::{prepare, Prepared};
pub use templates::ClauseTemplates;

/// One drafted outline entry.
#[derive(Clone, Debug)]
pub struct DraftedClause {
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

/// Drafts every clause of the outline, in order.
pub fn draft(prepared: &Prepared, templates: &ClauseTemplates) -> Result<Vec<DraftedClause>> {
    let Prepared { outline, numbered, context: base } = prepared;
    let mut out = Vec::with_capacity(outline.len());
    let mut problems = vec![];
    // Bounded in time and memory (`crate::budget`); a build's guard, when one is alive, holds.
    let _guard = crate::budget::Guard::start();
    // Each clause's enclosing clause, by id: a lead-in's roadmap leaves the sections nested under
    // another lead-in to that lead-in's own roadmap.
    let mut parents = Map::new();
    for (index, (level, item)) in outline.iter().enumerate() {
        if let Some((_, parent)) = outline[..index].iter().rev().find(|(l, _)| l < level) {
            parents.insert(item.clause.clone(), Json::from(parent.clause.clone()));
        }
    }
    let parents = Json::Object(parents);
    // One Tera context for every clause: the matter's part is converted once, and each clause
    // replaces only its own keys (`opts`, `section`) before it renders.
    let mut ctx = Context::from_value(base.clone()).map(|mut ctx| {
        ctx.insert("parents", &parents);
        ctx
    });
    for (index, ((level, item), (_, number, reference))) in outline.iter().zip(numbered.iter().cloned()).enumerate() {
        let Some(clause) = templates.get(&item.clause) else { continue };
        // The clauses nested under this one, in order (a lead-in's roadmap names them).
        let children: Vec<&str> =
            outline[index + 1..].iter().take_while(|(l, _)| l > level).map(|(_, i)| i.clause.as_str()).collect();
        let mut opts = Map::new();
        for (name, spec) in &clause.header.options {
            opts.insert(name.clone(), crate::yaml::to_json(&spec.default));
        }
        for (k, v) in &item.options {
            if let serde_yaml::Value::String(k) = k {
                opts.insert(k.clone(), crate::yaml::to_json(v));
            }
        }
        let ctx = match &mut ctx {
            Ok(c) => c,
            Err(e) => {
                problems.push(Diagnostic::error(format!("cannot build the clause context: {e}")));
                continue;
            }
        };
        ctx.insert("opts", &Json::Object(opts));
        ctx.insert("section", &json!({"number": number, "level": level, "reference": reference, "children": children}));
        crate::budget::evaluating(crate::budget::Evaluating::Clause(&clause.source));
        match templates.render_one(clause, ctx) {
            Ok((heading, body)) => out.push(DraftedClause {
                clause: item.clause.clone(),
                level: *level,
                number,
                reference,
                heading,
                body: {
                    let body = match filters::quotes_take_punctuation(&body) {
                        std::borrow::Cow::Borrowed(_) => body,
                        std::borrow::Cow::Owned(moved) => moved,
                    };
                    match filters::one_period(&body) {
                        std::borrow::Cow::Borrowed(_) => body,
                        std::borrow::Cow::Owned(one) => one,
                    }
                },
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

#[cfg(test)]
mod tests {
    use super::filters::punctuate;
    use crate::units::number_words;

    #[test]
    fn punctuation_goes_where_american_style_puts_it() {
        assert_eq!(punctuate("Rent goes up. Repairs never happen.", ","), "Rent goes up. Repairs never happen,");
        assert_eq!(punctuate("Total scam", "."), "Total scam.");
        assert_eq!(punctuate("Avoid.", ""), "Avoid");
        assert_eq!(punctuate("Is this legal?", "."), "Is this legal?");
        assert_eq!(punctuate("calls her “a bully”", ","), "calls her “a bully,”");
        assert_eq!(punctuate("calls her “a bully”", "."), "calls her “a bully.”");
        assert_eq!(punctuate("asks “who knew?”", "."), "asks “who knew?”");
    }

    #[test]
    fn words() {
        assert_eq!(number_words(9), "nine");
        assert_eq!(number_words(21), "twenty-one");
        assert_eq!(number_words(40), "forty");
        assert_eq!(number_words(120), "120");
    }
}
