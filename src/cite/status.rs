//! How far an authority's citation has been checked by a person: its `verified:` and
//! `unverified:` records ([`status`]).

use crate::library::bank::Authority;
use crate::units::Date;

/// How far an authority's citation has been checked: its `verified` or `unverified` record.
/// Only `verified` alone counts as verified: an `unverified:` record, with or without a
/// `verified:` one (the claim-element entries record what was checked and what was not), lists
/// what must still be checked before filing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status<'a> {
    Verified {
        by: &'a str,
        on: Date,
        source: &'a str,
    },
    /// `verified` and `unverified`: the citation was checked, something else (a pin, a
    /// quotation) was not.
    Partly {
        by: &'a str,
        on: Date,
        open: &'a str,
    },
    Unverified(&'a str),
    /// Neither record: nobody has said.
    Unrecorded,
}

pub fn status(a: &Authority) -> Status<'_> {
    // The latest record speaks for the citation (each record checked it).
    let latest = a.verified.iter().max_by_key(|v| v.on.0);
    match (latest, a.open()) {
        (Some(v), Some(open)) => Status::Partly { by: &v.by, on: v.on, open },
        (None, Some(reason)) => Status::Unverified(reason),
        (Some(v), None) => Status::Verified { by: &v.by, on: v.on, source: &v.source },
        (None, None) => Status::Unrecorded,
    }
}

impl Status<'_> {
    pub fn is_verified(&self) -> bool {
        matches!(self, Status::Verified { .. })
    }

    /// "verified by X on 2026-12-02", "unverified: <reason>", "not verified (no `verified:` record)".
    pub fn describe(&self) -> String {
        match self {
            Status::Verified { by, on, .. } => format!("verified by {by} on {}", on.0),
            Status::Partly { by, on, open } => format!(
                "partly verified (by {by} on {}); still open: {}",
                on.0,
                open.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            Status::Unverified(reason) => {
                format!("unverified: {}", reason.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            Status::Unrecorded => "not verified (no `verified:` record)".into(),
        }
    }
}
