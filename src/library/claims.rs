//! Claim types as data: one file per claim type in `claims/` (`claims/defamation.yaml`), which
//! lawyers maintain without Rust. Each names the claim, says whether liability turns on what the
//! speaker said (so that the opinion and falsity arguments apply), and gives, per governing law,
//! the authority that states the elements, its pin, optionally the verbatim statement of the
//! elements, and the elements themselves, each with the kinds of proof it calls for.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::yaml;

/// The file that holds the kinds of proof an element may call for (`clauses/_proof.yaml`).
pub const PROOF_FILE: &str = "clauses/_proof.yaml";

/// One kind of proof, with the phrases the clauses print for it.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProofKind {
    /// The element as a noun ("falsity").
    pub name: String,
    /// Completes "no competent evidence ___".
    pub showing: String,
    /// A run-in heading.
    pub title: String,
}

/// The kinds of proof, by id, in the file's order.
pub type ProofKinds = IndexMap<String, ProofKind>;

/// Reads `clauses/_proof.yaml`.
pub fn load_proof(src: &SourceText) -> Result<ProofKinds> {
    yaml::from_str(src)
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimType {
    /// Completes "a claim for ___" / "the ___ claim": `defamation`.
    pub name: String,
    /// As a run-in heading: `Defamation`.
    pub title: String,
    /// Whether liability turns on what the speaker said.
    pub content_based: bool,
    /// The governing-law variants, keyed by jurisdiction id (`new-york`, `federal`).
    pub laws: IndexMap<String, Law>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Completes "Under ___ law": `New York`.
    pub jurisdiction: String,
    /// The bank id of the authority that states the elements.
    pub authority: String,
    /// Where it states them.
    pub pin: String,
    /// The authority's own statement of the elements, verbatim, when it was checked.
    #[serde(default)]
    pub quote: Option<String>,
    /// The parenthetical the quotation needs ("internal quotation marks omitted", "quoting …"),
    /// when the authority itself quotes its statement of the elements.
    #[serde(default)]
    pub quote_parenthetical: Option<String>,
    pub elements: Vec<Element>,
    /// What was checked and where; never printed.
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Completes "evidence of ___".
    pub text: String,
    /// The kinds of proof it calls for (see `clauses/_proof.yaml`).
    pub proof: Vec<String>,
}

/// Every claim type of the library, by id, with the file each came from.
#[derive(Clone, Debug, Default)]
pub struct Claims {
    pub types: BTreeMap<String, (ClaimType, SourceText)>,
}

impl Claims {
    /// Reads `claims/*.yaml`.
    pub fn load(files: Vec<(String, &SourceText)>, kinds: &ProofKinds) -> Result<Claims> {
        let mut claims = Claims::default();
        let mut problems = vec![];
        for (id, src) in files {
            match yaml::from_str::<ClaimType>(src) {
                Ok(c) => {
                    for (law, l) in &c.laws {
                        for (i, e) in l.elements.iter().enumerate() {
                            for p in &e.proof {
                                if !kinds.contains_key(p.as_str()) {
                                    let span = yaml::find_key(src, &format!("laws.{law}.elements")).unwrap_or(0..0);
                                    problems.push(
                                        Diagnostic::error(format!(
                                            "element {} of `{id}` under `{law}` calls for an unknown kind of proof `{p}`",
                                            i + 1
                                        ))
                                        .at(src, span)
                                        .with_hint(format!(
                                            "the kinds are: {} ({PROOF_FILE})",
                                            kinds.keys().cloned().collect::<Vec<_>>().join(", ")
                                        )),
                                    );
                                }
                            }
                        }
                    }
                    claims.types.insert(id, (c, src.clone()));
                }
                Err(mut d) => problems.append(&mut d),
            }
        }
        if problems.is_empty() {
            Ok(claims)
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, id: &str) -> Option<&ClaimType> {
        self.types.get(id).map(|(c, _)| c)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.types.keys().map(|s| s.as_str())
    }
}
