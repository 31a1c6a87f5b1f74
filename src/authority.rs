//! The authority bank: cases, constitutional provisions, statutes, rules and other authorities as
//! data (`authorities/*.yaml`, id → entry), plus a matter's own additions. This module knows how
//! to print an authority in each citation form — full, short, *Id.* — and as a table-of-authorities
//! entry, and how entries sort. Every field value is escaped with the one escaping function; the
//! italics are pleader's own markup around escaped text.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::escape::markup;
use crate::profile::InRe;
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
fn split_reporter(cite: &str) -> Option<(&str, &str)> {
    let (head, page) = cite.trim().rsplit_once(' ')?;
    page.chars().all(|c| c.is_ascii_digit()).then_some((head, page))
}

fn is_westlaw(cite: &str) -> bool {
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

    fn cite(&self) -> &str {
        self.cite.as_deref().unwrap_or("")
    }

    /// The name used in short forms (falls back to the full name).
    pub fn short_name(&self) -> &str {
        self.short.as_deref().or(self.name.as_deref()).or(self.title.as_deref()).unwrap_or(self.cite())
    }

    /// "(N.D. Cal. Nov. 9, 2011)" or "(2d Cir. 2010)" or "(2007)", escaped.
    fn court_date(court: Option<&str>, year: Option<i32>, date: Option<Date>) -> String {
        let when = match (date, year) {
            (Some(d), _) => d.bluebook(),
            (None, Some(y)) => y.to_string(),
            (None, None) => String::new(),
        };
        let inner = match court {
            Some(c) if !c.trim().is_empty() => format!("{} {}", c.trim(), when),
            _ => when,
        };
        format!("({})", markup(inner.trim()))
    }

    fn history_text(&self) -> String {
        let mut out = String::new();
        for h in &self.history {
            out.push_str(&format!(
                ", _{}_, {} {}",
                markup(&h.phrase),
                markup(&h.cite),
                Self::court_date(h.court.as_deref(), h.year, h.date)
            ));
        }
        out
    }

    /// The full citation, with an optional pin (page, range, "*9") and subdivision ("(g)").
    pub fn full(&self, pin: Option<&str>, subdiv: &str) -> String {
        match self.kind {
            Kind::Case => {
                let mut s = format!("_{}_, ", markup(self.name.as_deref().unwrap_or("")));
                if let Some(d) = &self.docket {
                    s.push_str(&markup(d));
                    s.push_str(", ");
                }
                s.push_str(&markup(self.cite()));
                if let Some(p) = pin {
                    if is_westlaw(self.cite()) {
                        s.push_str(&format!(", at {}", markup(p)));
                    } else {
                        s.push_str(&format!(", {}", markup(p)));
                    }
                }
                s.push(' ');
                s.push_str(&Self::court_date(self.court.as_deref(), self.year, self.date));
                s.push_str(&self.history_text());
                if self.define {
                    s.push_str(&format!(" (“_{}_”)", markup(self.short_name())));
                }
                s
            }
            Kind::Other => self.other(self.author.as_deref(), self.title.as_deref(), pin, true),
            _ => self.code(self.cite(), pin, subdiv),
        }
    }

    fn other(&self, author: Option<&str>, title: Option<&str>, pin: Option<&str>, full: bool) -> String {
        let mut s = String::new();
        if let (Some(a), true) = (author, full) {
            s.push_str(&markup(a));
            s.push_str(", ");
        }
        if let Some(t) = title {
            s.push_str(&format!("_{}_", markup(t)));
        }
        if let Some(p) = pin {
            s.push(' ');
            s.push_str(&markup(p));
        }
        if full {
            if let Some(c) = &self.cite {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(&markup(c));
            }
        }
        s
    }

    /// Statutes, rules, constitutional provisions: the citation with its subdivision and pin.
    fn code(&self, base: &str, pin: Option<&str>, subdiv: &str) -> String {
        let mut s = markup(base);
        s.push_str(&markup(subdiv));
        if let Some(p) = pin {
            s.push_str(", ");
            s.push_str(&markup(p));
        }
        s
    }

    /// The short form: "_Highfields_, 385 F. Supp. 2d at 976", "_Art of Living_, 2011 WL 5444622,
    /// at \*9", "§ 1030(g)".
    pub fn short_form(&self, pin: Option<&str>, subdiv: &str) -> String {
        match self.kind {
            Kind::Case => {
                let name = format!("_{}_", markup(self.short_name()));
                let cite = self.cite();
                match (pin, is_westlaw(cite), split_reporter(cite)) {
                    (Some(p), true, _) => format!("{name}, {}, at {}", markup(cite), markup(p)),
                    (Some(p), false, Some((head, _))) => format!("{name}, {} at {}", markup(head), markup(p)),
                    (Some(p), false, None) => format!("{name}, {} at {}", markup(cite), markup(p)),
                    (None, _, _) => format!("{name}, {}", markup(cite)),
                }
            }
            Kind::Other => {
                let title = self.short.as_deref().or(self.title.as_deref());
                self.other(None, title, pin, false)
            }
            _ => self.code(self.short.as_deref().unwrap_or(self.cite()), pin, subdiv),
        }
    }

    /// The *Id.* form when the previous citation was this authority alone, or `None` when the
    /// Bluebook has no *Id.* form for this change of pin (pleader then uses the short form).
    pub fn id_form(&self, capital: bool, pin: Option<&str>, subdiv: &str, same_pin: bool) -> Option<String> {
        let id = if capital { "_Id._" } else { "_id._" };
        if same_pin {
            return Some(id.to_string());
        }
        match self.kind {
            Kind::Case | Kind::Other => Some(match pin {
                Some(p) => format!("{id} at {}", markup(p)),
                None => id.to_string(),
            }),
            Kind::Statute => {
                let short = self.short.as_deref().unwrap_or(self.cite());
                short.starts_with('§').then(|| {
                    let mut s = format!("{id} {}{}", markup(short), markup(subdiv));
                    if let Some(p) = pin {
                        s.push_str(", ");
                        s.push_str(&markup(p));
                    }
                    s
                })
            }
            _ => None,
        }
    }

    /// The entry in the table of authorities (no pin, no defined short form).
    pub fn toa_text(&self) -> String {
        match self.kind {
            Kind::Case => {
                let mut s = format!("_{}_, ", markup(self.name.as_deref().unwrap_or("")));
                if let Some(d) = &self.docket {
                    s.push_str(&markup(d));
                    s.push_str(", ");
                }
                s.push_str(&markup(self.cite()));
                s.push(' ');
                s.push_str(&Self::court_date(self.court.as_deref(), self.year, self.date));
                s.push_str(&self.history_text());
                s
            }
            Kind::Other => self.other(self.author.as_deref(), self.title.as_deref(), None, true),
            _ => markup(self.cite()),
        }
    }

    /// The plain text the table of authorities sorts by.
    pub fn sort_key(&self, in_re: InRe) -> String {
        if let Some(s) = &self.sort {
            return s.to_lowercase();
        }
        let base = match self.kind {
            Kind::Case => self.name.as_deref().unwrap_or(""),
            Kind::Other => self.title.as_deref().or(self.author.as_deref()).unwrap_or(self.cite()),
            _ => self.cite(),
        };
        let mut key = base.trim().to_lowercase();
        if in_re == InRe::Ignore {
            if let Some(rest) = key.strip_prefix("in re ") {
                key = rest.to_string();
            }
        }
        key.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect()
    }
}

/// Compares two sort keys with numbers in numeric order ("18 U.S.C." before "47 U.S.C.", "Does
/// 1-10" before "Does 2").
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let chunks = |s: &str| -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = vec![];
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, buf)) if *d == digit => buf.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    };
    let (ca, cb) = (chunks(a), chunks(b));
    for ((da, sa), (db, sb)) in ca.iter().zip(cb.iter()) {
        let ord = match (da, db) {
            (true, true) => {
                let na = sa.trim_start_matches('0');
                let nb = sb.trim_start_matches('0');
                na.len().cmp(&nb.len()).then_with(|| na.cmp(nb))
            }
            _ => sa.cmp(sb),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(cite: &str) -> Authority {
        Authority {
            kind: Kind::Case,
            name: Some("Highfields Cap. Mgmt., L.P. v. Doe".into()),
            short: Some("Highfields".into()),
            cite: Some(cite.into()),
            docket: None,
            court: Some("N.D. Cal.".into()),
            year: Some(2005),
            date: None,
            history: vec![],
            define: false,
            sort: None,
            note: None,
            author: None,
            title: None,
        }
    }

    #[test]
    fn case_forms() {
        let a = case("385 F. Supp. 2d 969");
        assert_eq!(
            a.full(Some("976"), ""),
            r"_Highfields Cap\. Mgmt\.\, L\.P\. v\. Doe_, 385 F\. Supp\. 2d 969, 976 (N\.D\. Cal\. 2005)"
        );
        assert_eq!(a.short_form(Some("976"), ""), "_Highfields_, 385 F\\. Supp\\. 2d at 976");
        let wl = case("2011 WL 5444622");
        assert_eq!(wl.short_form(Some("*9"), ""), "_Highfields_, 2011 WL 5444622, at \\*9");
        assert_eq!(wl.id_form(true, Some("*9"), "", false).unwrap(), "_Id._ at \\*9");
    }

    #[test]
    fn natural_order() {
        assert_eq!(natural_cmp("18 usc", "47 usc"), Ordering::Less);
        assert_eq!(natural_cmp("does 2", "does 10"), Ordering::Less);
        assert_eq!(natural_cmp("abc", "abd"), Ordering::Less);
    }
}
