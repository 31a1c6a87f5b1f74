//! pleader's integration tests, in one crate so that Typst is linked once. Each module tests one
//! concern against the real typeset document:
//!
//! - `engine`: the generated Typst (snapshots), the numbered-line grid, TOA and TOC against where
//!   things landed, the choice of citation forms, page labels, links, determinism;
//! - `errors`: every bad input a lawyer can produce, one test per fixture under `errors/cases/`;
//! - `escaping`: the one escaping function on arbitrary strings;
//! - `facts`: the fact schema, the scaffold generated from it, `pleader facts`;
//! - `library`: the clauses and the sample matters;
//! - `overprint`: no text over other text (every sample × profile), the caption's counsel block;
//! - `profiles`: the court profiles;
//! - `robustness`: arbitrary input never panics;
//! - `typography`: footnote numbers, headings, dashes, subdivisions, case numbers, widows;
//! - `workflow`: the lawyer's commands (`new`, `check`, `clauses`, `authorities`, `watch`, help);
//! - `captions`: counsel and signature blocks with bar numbers, In re and state-court captions,
//!   hyphenated names, the footer; the matter's cross-field rules by mutating the samples;
//! - `cli`: the binary's output path, exit codes and the last good PDF;
//! - `courts`: the court-aware library — every sample under every court it is written for, each
//!   standard's argument, clauses refused outside their courts;
//! - `citations`: citations checked against reporters-db and courts-db, verification records,
//!   `authorities add`, the cite-check worksheet and linked citations;
//! - `substance`: what the brief says of the law and the record — arguments answered, the
//!   standard's force, fact and opinion, entities, repeated passages, the lawyer's own paragraphs;
//! - `eyecite`: the citation reader against the valid citations of eyecite's test suite;
//! - `citecheck_loop`: recording a person's checks (`authorities verify`, `citecheck --import`);
//! - `add_court`: the README's add-a-court walk-through, step by step; `library show/eject`;
//! - `variants`: every sample re-cast with a man, a woman, several individuals and a company as
//!   movant, each with a declaration offered and with none, read for party-aware wording,
//!   repeated sentences and the evidence engaged;
//! - `architecture`: the source tree keeps its rules (one Typst writer, no import cycle).

mod add_court;
mod architecture;
mod captions;
mod citations;
mod citecheck_loop;
mod cli;
mod common;
mod courts;
mod engine;
mod errors;
mod escaping;
mod eyecite;
mod facts;
mod library;
mod overprint;
mod profiles;
mod robustness;
mod safety;
mod substance;
mod typography;
mod variants;
mod workflow;
