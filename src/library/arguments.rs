//! What a movant may argue, as data (`clauses/_arguments.yaml`, plus any
//! `clauses/_arguments-<name>.yaml` a project adds): each kind of argument a matter's
//! `motion.arguments` may list, with what it means and which part of the library answers it. A
//! clause declares the kinds it answers (`answers:` in its header); validation fails a matter
//! that lists an argument no section of its brief answers.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{Result, SourceText};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArgumentKind {
    /// What the movant argues, completing "the motion argues that ___".
    pub means: String,
    /// A noun phrase naming it, completing "the motion relies on ___" ("a state’s pre-suit
    /// discovery rule").
    pub summary: String,
    /// The same phrase for a matter whose subpoena reaches one speaker (`accounts: 1`), where
    /// `summary` speaks of the speakers in the plural ("the terms on which the speaker posted").
    #[serde(default)]
    pub summary_one: Option<String>,
    /// Where the library answers it (a clause id or a description), for error hints.
    pub answered_by: String,
}

/// Every kind, by id.
#[derive(Clone, Debug, Default)]
pub struct Arguments {
    pub kinds: IndexMap<String, ArgumentKind>,
}

impl Arguments {
    /// Reads `clauses/_arguments.yaml` and `clauses/_arguments-*.yaml`; a kind defined twice is
    /// an error at its second definition.
    pub fn load(files: Vec<(String, &SourceText)>) -> Result<Arguments> {
        Ok(Arguments { kinds: super::load_kinds(&files, "_arguments", "argument kind")? })
    }
}
