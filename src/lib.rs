//! pleader turns a matter file (YAML) into a filing-ready, line-numbered pleading PDF with a
//! caption page, a table of contents and a table of authorities whose page numbers come from the
//! typeset document. The library is the pipeline, one module per stage, in the order data flows:
//! [`matter`] (load) → [`validate`] → [`render`] (Tera clauses) → [`cite`] (citation forms) →
//! [`assemble`] (Typst sources) → [`typeset`] (in-process Typst) → [`output`] (the only stage that
//! writes files). [`pipeline`] runs them; the `pleader` binary is a thin command line around it.

pub mod assemble;
pub mod authority;
pub mod check;
pub mod cite;
pub mod clause;
pub mod diag;
pub mod escape;
pub mod front;
pub mod lint;
pub mod matter;
pub mod output;
pub mod pipeline;
pub mod profile;
pub mod project;
pub mod render;
pub mod typeset;
pub mod units;
pub mod validate;
pub mod watch;
pub mod yaml;
