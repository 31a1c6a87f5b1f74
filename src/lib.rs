//! pleader turns a matter file (YAML) into a filing-ready, line-numbered pleading PDF with a
//! caption page, a table of contents and a table of authorities whose page numbers come from the
//! typeset document. The modules follow the pipeline, in the order data flows (see
//! `ARCHITECTURE.md`):
//!
//! [`library`] (the project's clauses, bank and court profiles) and [`matter`] (load, then
//! [`matter::validate`]) → [`draft`] (Tera clauses) → [`cite`] (citation forms) → [`assemble`]
//! (Typst sources) → [`typeset`] (in-process Typst) → [`export`] (PDF; the only stage that writes
//! files). [`pipeline`] runs the stages; [`rules`] checks a typeset brief against the court's
//! rules; [`lint`] checks the clauses; [`scaffold`] writes a new matter from the fact schema; [`watch`] rebuilds on change; [`cli`] is the command line.
//! Shared pieces: [`budget`] (time and memory bounds on evaluating clauses and templates), [`diag`] (located diagnostics), [`escape`] (the one Typst writer), [`units`],
//! [`yaml`].

pub mod assemble;
pub mod budget;
pub mod cite;
pub mod cli;
pub mod diag;
pub mod draft;
pub mod escape;
pub mod export;
pub mod library;
pub mod lint;
pub mod matter;
pub mod pipeline;
pub mod rules;
pub mod scaffold;
pub mod typeset;
pub mod units;
pub mod watch;
pub mod yaml;
