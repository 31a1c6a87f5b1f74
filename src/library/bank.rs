//! The authority bank: cases, constitutional provisions, statutes, rules and other authorities as
//! data (`authorities/*.yaml`, id → entry), plus a matter's own additions. This module reads and
//! checks the entries; how an authority prints in each citation form is the cite stage's business
//! (`cite::forms`), and how the table of authorities sorts them is the assemble stage's.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::units::Date;
use crate::yaml;

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Case,
    Constitutional,
    Statute,
    Rule,
    Other,
}

impl Kind {
    /// The TOA category heading, in the conventional order of [`Kind`]'s variants.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Case => "Cases",
            Kind::Constitutional => "Constitutional Provisions",
            Kind::Statute => "Statutes",
            Kind::Rule => "Rules",
            Kind::Other => "Other Authorities",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// "aff'd", "report and recommendation adopted in relevant part" (italicized).
    pub phrase: String,
    pub cite: String,
    #[serde(default)]
    pub court: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub date: Option<Date>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub kind: Kind,
    /// Case name as in a full citation.
    #[serde(default)]
    pub name: Option<String>,
    /// Short-form name.
    #[serde(default)]
    pub short: Option<String>,
    /// Reporter or Westlaw cite (cases); the citation itself (statutes, rules, constitution);
    /// the part after the title (other authorities).
    #[serde(default)]
    pub cite: Option<String>,
    #[serde(default)]
    pub docket: Option<String>,
    #[serde(default)]
    pub court: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub history: Vec<History>,
    /// The first full citation ends with (“Short”).
    #[serde(default)]
    pub define: bool,
    /// Sort key for the table of authorities.
    #[serde(default)]
    pub sort: Option<String>,
    /// For lawyers; never printed.
    #[serde(default)]
    pub note: Option<String>,
    /// Other authorities: the author before the title.
    #[serde(default)]
    pub author: Option<String>,
    /// Other authorities: the italic title.
    #[serde(default)]
    pub title: Option<String>,
    /// Last page of the opinion in the reporter (to check that pins fall inside it).
    #[serde(default)]
    pub end_page: Option<String>,
    /// The judge who wrote the decision, with the title held at the time.
    #[serde(default)]
    pub judge: Option<Judge>,
    /// Who checked this citation against the opinion, when, and against what.
    #[serde(default)]
    pub verified: Option<Verified>,
    /// Why this citation could not be checked (instead of `verified`).
    #[serde(default)]
    pub unverified: Option<String>,
    /// Propositions the decision supports, checked in its text, for surveys of decisions.
    #[serde(default)]
    pub supports: Vec<Support>,
}

/// A judge as a brief names one: "Chief Magistrate Judge Spero".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judge {
    /// Surname as printed.
    pub name: String,
    /// Title at the time of the decision ("Judge", "Magistrate Judge", "Chief Magistrate Judge").
    pub title: String,
}

/// A record of verification: `verified: {by, on, source}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verified {
    pub by: String,
    pub on: Date,
    /// What was read (addresses) and which fields and pins were checked.
    pub source: String,
    /// Each pin that was seen, with what was checked there (the proposition or quotation).
    #[serde(default)]
    pub pins: Vec<PinCheck>,
}

/// One pin seen in the decision's own text: `{at: "975–76", saw: "…"}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinCheck {
    /// The pin as the brief prints it ("975–76", "*3", "§ 3.3").
    pub at: String,
    /// The proposition or quotation checked at that pin, in the checker's words.
    pub saw: String,
}

/// A proposition a decision supports, with the pin where it does and an explanatory
/// parenthetical in the bank's own words.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub topic: String,
    #[serde(default)]
    pub pin: Option<String>,
    /// Where the pin comes from when it was not checked against the opinion itself (e.g. the brief
    /// that cited the case for this proposition).
    #[serde(default)]
    pub pin_source: Option<String>,
    pub parenthetical: String,
    /// The decision does not support a party resisting disclosure on this topic (it went the
    /// other way, or decided nothing on it): surveys leave it out, and the lawyer weighs whether
    /// candor requires citing it.
    #[serde(default)]
    pub against: bool,
}

/// The bank: every authority by id, with the file each came from.
#[derive(Clone, Debug, Default)]
pub struct Bank {
    pub entries: BTreeMap<String, (Authority, SourceText)>,
}

impl Bank {
    /// Adds every entry of one bank file; later files override earlier ones.
    pub fn add_file(&mut self, source: &SourceText) -> Result<()> {
        let map: BTreeMap<String, Authority> = if source.text.trim().is_empty() {
            BTreeMap::new()
        } else {
            let v: Option<BTreeMap<String, Authority>> = yaml::from_str(source)?;
            v.unwrap_or_default()
        };
        let mut problems = vec![];
        for (id, a) in map {
            if let Err(msg) = a.check() {
                let span = yaml::find_key(source, &id).unwrap_or(0..0);
                problems.push(Diagnostic::error(format!("authority `{id}`: {msg}")).at(source, span));
                continue;
            }
            self.entries.insert(id, (a, source.clone()));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Authority> {
        self.entries.get(id).map(|(a, _)| a)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(|s| s.as_str())
    }
}

/// A reporter citation split into its parts: "385 F. Supp. 2d 969" → ("385 F. Supp. 2d", "969").
pub fn split_reporter(cite: &str) -> Option<(&str, &str)> {
    let (head, page) = cite.trim().rsplit_once(' ')?;
    page.chars().all(|c| c.is_ascii_digit()).then_some((head, page))
}

/// Whether a case citation is to an electronic database (Westlaw or Lexis) rather than a reporter.
pub fn is_database(cite: &str) -> bool {
    cite.contains(" WL ") || cite.contains(" U.S. Dist. LEXIS ")
}

impl Authority {
    fn check(&self) -> std::result::Result<(), String> {
        match self.kind {
            Kind::Case => {
                if self.name.is_none() || self.cite.is_none() {
                    return Err("a case needs `name` and `cite`".into());
                }
                if self.year.is_none() && self.date.is_none() {
                    return Err("a case needs `year` (reporter cites) or `date` (Westlaw and slip cites)".into());
                }
            }
            Kind::Other => {
                if self.title.is_none() && self.cite.is_none() {
                    return Err("an other authority needs `title` or `cite`".into());
                }
            }
            _ => {
                if self.cite.is_none() {
                    return Err("needs `cite`".into());
                }
            }
        }
        Ok(())
    }

    /// The citation (reporter, Westlaw number, code section), or "" when there is none.
    pub fn cite(&self) -> &str {
        self.cite.as_deref().unwrap_or("")
    }

    /// The name used in short forms (falls back to the full name).
    pub fn short_name(&self) -> &str {
        self.short.as_deref().or(self.name.as_deref()).or(self.title.as_deref()).unwrap_or(self.cite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporter_cites_split_into_volume_reporter_and_page() {
        assert_eq!(split_reporter("385 F. Supp. 2d 969"), Some(("385 F. Supp. 2d", "969")));
        assert_eq!(split_reporter("2011 WL 5444622"), Some(("2011 WL", "5444622")));
        assert!(is_database("2011 WL 5444622"));
        assert!(!is_database("385 F. Supp. 2d 969"));
    }
}
