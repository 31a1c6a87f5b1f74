//! Stage 4: citations. Clause bodies cite by id in brackets (`[see @highfields at 976]`,
//! `[@compl ¶ 19]`); [`syntax`] finds and parses those groups, and [`forms`] prints each citation
//! in the form its place in the brief calls for — full, short or *Id.* — leaving the invisible
//! marks from which the table of authorities is computed after layout. Whether a citation's
//! contents are plausible is [`verify`]'s question, answered offline from the vendored
//! reporters-db and courts-db tables in [`reference`]; [`parse`] reads a pasted citation into a
//! bank entry.

pub mod forms;
pub mod parse;
pub mod pins;
pub mod read;
pub mod reference;
pub mod status;
pub mod syntax;
pub mod verify;

pub use forms::{PrintedGroup, Resolver};

use crate::diag::{did_you_mean, Diagnostic};
use crate::library::clause::Clause;
pub use syntax::{cited_ids, CiteError};

/// Which form a citation was printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Full,
    Short,
    Id,
}

/// One authority citation as printed: the mark number, the authority, the form and where in the
/// brief it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct CiteUse {
    /// Mark number: the label is `<pl-c{n}>`, the metadata `pl:cite:{n}`.
    pub mark: usize,
    pub id: String,
    pub form: Form,
    /// Index of the clause (in outline order) that wrote it.
    pub clause: usize,
    /// True for a citation inside another citation's parenthetical.
    pub nested: bool,
    /// The pin cited (page, range, "*9"), if any.
    pub pin: Option<String>,
    /// The signal that introduces it ("see", "see generally"), if any.
    pub signal: Option<String>,
    /// True for a citation written inside a `#footnote[…]` (it prints in the footnote area).
    pub footnote: bool,
    /// The citation as printed, in plain text: the authority's full, short or *Id.* form with its
    /// pin, without signal, parentheticals or a case's subsequent history (which follows the
    /// parentheticals) ("Highfields, 385 F. Supp. 2d at 976").
    pub text: String,
    /// Byte offset, in the clause's drafted text, of the citation group that prints it (for a
    /// citation in a parenthetical, the group of the citation the parenthetical belongs to).
    pub at: usize,
}

/// Citations in a clause template of ids that `known` rejects, each at its `@id` in the clause
/// file with the closest ids as a hint. (Ids written as template values are checked after
/// rendering, by the cite stage.)
pub fn unknown_citations(clause: &Clause, known: impl Fn(&str) -> bool, candidates: &[&str]) -> Vec<Diagnostic> {
    let body_start = clause.source.offset(clause.body_line, 1);
    cited_ids(&clause.body)
        .into_iter()
        .filter(|(id, _)| !known(id))
        .map(|(id, offset)| {
            let start = body_start + offset;
            let hint = did_you_mean(&id, candidates.iter().copied()).unwrap_or_else(|| {
                "add it to authorities/*.yaml, or to the matter's `authorities:` or `record:`".into()
            });
            Diagnostic::error(format!("`{id}` is not in the authority bank or the matter's record"))
                .at(&clause.source, start..start + id.len() + 1)
                .with_hint(hint)
        })
        .collect()
}
