//! The authority bank: cases, constitutional provisions, statutes, rules and other authorities as
//! data (`authorities/*.yaml`, id → entry), plus a matter's own additions. This module reads and
//! checks the entries; how an authority prints in each citation form is the cite stage's business
//! (`cite::forms`), and how the table of authorities sorts them is the assemble stage's.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::units::Date;
use crate::yaml;

use super::project::is_builtin;

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Case,
    Constitutional,
    Statute,
    /// A regulation in a code of regulations (34 C.F.R. § 99.31): cited and tabled like a
    /// statute, under its own TOA heading.
    Regulation,
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
            Kind::Regulation => "Regulations",
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
    /// Printed after the court and date: "summary order".
    #[serde(default)]
    pub parenthetical: Option<String>,
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
    /// The day a decision cited to a reporter was decided, never printed (a reporter citation
    /// gives the year, Bluebook 10.5): it orders decisions of one year within a string cite.
    #[serde(default)]
    pub decided: Option<Date>,
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
    /// A parallel citation printed after the citation and its pin in a full citation and in the
    /// table of authorities, never in a short form: the regional reporter after a public-domain
    /// citation ("2015 IL 118000, ¶ 1, 34 N.E.3d 549", Bluebook 10.3.3), or a court's required
    /// parallel. No pin is printed to it.
    #[serde(default)]
    pub parallel: Option<String>,
    /// The page in the parallel reporter for each pin cited in the first ("535": "843"), so that
    /// a pinned parallel citation is pinned in both reporters, as Bluebook 10.3.1 asks ("321 Or.
    /// 532, 535, 901 P.2d 841, 843"; the D. Or. user, S25). A pin without one is cited in the
    /// first reporter only, and `check` names it.
    #[serde(default)]
    pub parallel_pins: std::collections::BTreeMap<String, String>,
    /// Last page of the opinion in the reporter (to check that pins fall inside it).
    #[serde(default)]
    pub end_page: Option<String>,
    /// Statutes in an unofficial code: the publisher, and the year of the volume or supplement
    /// where known ("McKinney", "West 2024"), printed in parentheses after the section and its
    /// subdivision in a full citation and in the table of authorities (Bluebook 12.3.1(d),
    /// 12.3.2), never in a short form.
    #[serde(default)]
    pub publisher: Option<String>,
    /// A rule cited, as its state's courts cite rules, with the date its current version took
    /// effect ("Jan. 1, 2018": "Ill. S. Ct. R. 224(a)(1) (eff. Jan. 1, 2018)", the Cook County
    /// audit), printed after the subdivision in a full citation and in the table of authorities,
    /// never in a short form.
    #[serde(default)]
    pub effective: Option<String>,
    /// The judge who wrote the decision, with the title held at the time.
    #[serde(default)]
    pub judge: Option<Judge>,
    /// Who checked this citation against the opinion, when, and against what: one record, or a
    /// list of them (`pleader authorities verify` appends one per check).
    #[serde(default, deserialize_with = "one_or_many")]
    pub verified: Vec<Verified>,
    /// Why this citation could not be checked (instead of `verified`).
    #[serde(default)]
    pub unverified: Option<String>,
    /// Propositions the decision supports, checked in its text, for surveys of decisions.
    #[serde(default)]
    pub supports: Vec<Support>,
    /// The kinds of the movant's argument (`clauses/_arguments.yaml`) on which the decision is
    /// authority for the movant (*Immunomedics* for `speaker-agreement`: the employee it let be
    /// unmasked had signed a confidentiality agreement). `check` names it where the motion makes
    /// that argument and the brief does not cite it, for the lawyer to read, and to distinguish or
    /// weigh whether candor requires citing it. An unknown kind is an error at the entry.
    #[serde(default)]
    pub adverse: Vec<String>,
    /// With `adverse`: how the brief distinguishes the decision, `{text, pin}`, `text` a whole
    /// sentence (emphasis markup allowed) that the section answering those kinds prints right
    /// after the movant's argument, citing the decision at `pin` (the D. Md. user: a circuit's
    /// third-party-doctrine decision could be answered only by ejecting the clause). Say only
    /// what the decision was read to hold.
    #[serde(default)]
    pub adverse_answer: Option<super::PinnedSentence>,
    /// The factors the decision directs courts to weigh in telling fact from opinion, in its own
    /// order, each with the aspect of a matter it is argued from. Given for a claim law's
    /// `fact_opinion` authority, the brief walks them; without them it states the rule through
    /// the authority alone.
    #[serde(default)]
    pub factors: Vec<crate::library::claims::Factor>,
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

/// A record of verification: `verified: {by, on, source}`, or a list of such records. Each
/// record says the citation was checked against `source`; its `pins` are the pins seen there.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verified {
    pub by: String,
    pub on: Date,
    /// What was read (addresses, or a database such as "Westlaw") and which fields and pins were
    /// checked.
    pub source: String,
    /// Each pin that was seen, with what was checked there (the proposition or quotation).
    #[serde(default)]
    pub pins: Vec<PinCheck>,
    /// The checker's remark, as entered.
    #[serde(default)]
    pub note: Option<String>,
    /// The entry's `unverified:` text as it stood when the checker said they had checked what it
    /// names (`verify --cleared-open`): that text no longer holds the entry open. An `unverified:`
    /// text changed since is open again.
    #[serde(default)]
    pub cleared: Option<String>,
}

/// One pin seen in the decision's own text: `{at: "975–76", saw: "…"}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinCheck {
    /// The pin as the brief prints it ("975–76", "*3", "§ 3.3").
    pub at: String,
    /// The proposition or quotation checked at that pin, in the checker's words; absent when the
    /// checker recorded only that the pin was seen (nothing is filled in on their behalf).
    #[serde(default)]
    pub saw: Option<String>,
}

/// `verified:` as one record or a list of records.
/// The project file that records checks of entries it does not hold (`authorities/_verified.yaml`,
/// by stem): `pleader authorities verify` writes a built-in entry's record there, so that the
/// entry itself stays the library's and later fixes to it still reach the project.
pub const CHECKS_FILE: &str = "_verified";

/// One entry of [`CHECKS_FILE`]: its records, nothing else.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Checks {
    #[serde(default, deserialize_with = "one_or_many")]
    verified: Vec<Verified>,
}

/// The entries of a [`CHECKS_FILE`] text, by id (none for an empty file).
fn parse_checks(source: &SourceText) -> Result<BTreeMap<String, Checks>> {
    if source.text.trim().is_empty() {
        return Ok(BTreeMap::new());
    }
    let map: Option<BTreeMap<String, Checks>> = yaml::from_str(source)?;
    Ok(map.unwrap_or_default())
}

/// How many records [`CHECKS_FILE`]'s text gives `id`.
pub fn checks_count(source: &SourceText, id: &str) -> Result<usize> {
    Ok(parse_checks(source)?.get(id).map_or(0, |c| c.verified.len()))
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<Verified>, D::Error> {
    crate::yaml::one_or_many(d, "`verified` (one record `{by, on, source}` or a list of them)")
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
    /// For a decision that applied a test other than the one the brief argues: what that test
    /// asks first, as a noun phrase completing "its test begins with ___", seen in the decision
    /// (e.g. "a prima facie claim of actionable harm"). The brief then says the motion fails that
    /// first step too.
    #[serde(default)]
    pub first_step: Option<String>,
    /// The decision arose in a proceeding of another kind, which may have turned on that
    /// proceeding's own grounds (a 28 U.S.C. § 1782 subpoena quashed, perhaps on the statute's
    /// discretionary factors; an ex parte motion denied because it cited no law), named in a few
    /// words ("28 U.S.C. § 1782"). A survey of other
    /// courts' decisions leaves it out, since far from home it adds length and not weight; this
    /// court's and its circuit's surveys keep it.
    #[serde(default)]
    pub proceeding: Option<String>,
    /// With `against`: what sets the decision apart from a dispute over unmasking a speaker sued
    /// for what the speaker said, in the bank's words and only as far as the decision was read,
    /// completing "<Decision> does not decide the question: ___". A binding court's contrary decision
    /// that says this is acknowledged and distinguished in the legal standard.
    #[serde(default)]
    pub distinguished: Option<String>,
}

/// The bank: every authority by id, with the file each came from.
#[derive(Clone, Debug, Default)]
pub struct Bank {
    pub entries: BTreeMap<String, (Authority, SourceText)>,
}

impl Bank {
    /// The bank without the entries named (a matter's `set_aside:`).
    pub fn without<'a>(&self, ids: impl IntoIterator<Item = &'a String>) -> Bank {
        let mut out = self.clone();
        for id in ids {
            out.entries.remove(id);
        }
        out
    }

    /// Adds every entry of one bank file; later files override earlier ones.
    pub fn add_file(&mut self, source: &SourceText) -> Result<()> {
        self.add_parsed(source, Bank::parse_file(source)?)
    }

    /// The entries of a bank file as written, not yet checked: the YAML half of [`Bank::add_file`],
    /// which needs no bank (so files can be read on several threads, then added in order).
    pub fn parse_file(source: &SourceText) -> Result<BTreeMap<String, Authority>> {
        if source.text.trim().is_empty() {
            return Ok(BTreeMap::new());
        }
        let v: Option<BTreeMap<String, Authority>> = yaml::from_str(source)?;
        Ok(v.unwrap_or_default())
    }

    /// Checks and adds the entries [`Bank::parse_file`] read from `source`; an entry of an id
    /// already in the bank from a built-in file replaces it. Two of a project's own files giving
    /// the same id is an error at the second: neither may quietly win.
    pub fn add_parsed(&mut self, source: &SourceText, map: BTreeMap<String, Authority>) -> Result<()> {
        let mut problems = vec![];
        for (id, a) in map {
            let span = || yaml::find_key(source, &id).unwrap_or(0..0);
            if let Err(msg) = a.check() {
                problems.push(Diagnostic::error(format!("authority `{id}`: {msg}")).at(source, span()));
                continue;
            }
            if let Some((_, earlier)) = self.entries.get(&id).filter(|(_, e)| !is_builtin(e) && !is_builtin(source)) {
                problems.push(
                    Diagnostic::error(format!("authority `{id}` is given twice in the project's bank"))
                        .at(source, span())
                        .with_note(format!("first given in {}", earlier.name))
                        .with_hint(
                            "keep one entry under this id (a project entry replaces a built-in one of the same id)",
                        ),
                );
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

    /// Adds a project's records of checks made of entries it does not hold itself
    /// ([`CHECKS_FILE`]: `id: {verified: [records]}` for each entry, built-in or the project's):
    /// each entry keeps its text, and its checks gain these records. An id the bank does not
    /// hold, or a key besides `verified`, is an error at its line.
    pub fn add_checks(&mut self, source: &SourceText) -> Result<()> {
        let mut problems = vec![];
        for (id, checks) in parse_checks(source)? {
            match self.entries.get_mut(&id) {
                Some((a, _)) => a.verified.extend(checks.verified),
                None => {
                    let ids: Vec<&str> = self.ids().collect();
                    let mut d =
                        Diagnostic::error(format!("`{id}` records checks of an authority the bank does not hold"))
                            .at(source, yaml::find_key(source, &id).unwrap_or(0..0));
                    if let Some(h) = crate::diag::did_you_mean(&id, ids.iter().copied()) {
                        d = d.with_hint(h);
                    }
                    problems.push(d);
                }
            }
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

impl Authority {
    /// The entry's `unverified:` text unless a verification record says it was checked.
    pub fn open(&self) -> Option<&str> {
        let open = self.unverified.as_deref()?;
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let cleared = self.verified.iter().filter_map(|v| v.cleared.as_deref()).any(|c| norm(c) == norm(open));
        (!cleared).then_some(open)
    }

    pub(crate) fn check(&self) -> std::result::Result<(), String> {
        if self.publisher.is_some() && self.kind != Kind::Statute {
            return Err("`publisher` is for a statute in an unofficial code (\"McKinney\"); remove it".into());
        }
        if self.effective.is_some() && self.kind != Kind::Rule {
            return Err("`effective` is the date a rule's current version took effect; remove it".into());
        }
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

/// A verification record as a person entered it (`pleader authorities verify`, or a filled row
/// of the cite-check sheet): who, when, against what, the pins seen and their remark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRecord {
    pub by: String,
    /// ISO date (`2026-12-04`).
    pub on: String,
    pub source: String,
    pub pins: Vec<String>,
    pub note: Option<String>,
    /// The `unverified:` text the checker says they checked (see [`Verified::cleared`]).
    pub cleared: Option<String>,
}

/// A YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl NewRecord {
    /// The record as one block-list item whose dash is at column `indent`.
    pub(crate) fn item(&self, indent: usize) -> String {
        let pad = " ".repeat(indent);
        let mut s = format!(
            "{pad}- by: {}\n{pad}  on: {}\n{pad}  source: {}\n",
            quoted(&self.by),
            self.on,
            quoted(&self.source)
        );
        if !self.pins.is_empty() {
            s.push_str(&format!("{pad}  pins:\n"));
            for p in &self.pins {
                s.push_str(&format!("{pad}    - at: {}\n", quoted(p)));
            }
        }
        if let Some(n) = &self.note {
            s.push_str(&format!("{pad}  note: {}\n", quoted(n)));
        }
        if let Some(c) = &self.cleared {
            s.push_str(&format!("{pad}  cleared: {}\n", quoted(c)));
        }
        s
    }
}

/// The start of the line that holds byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Steps back from `limit` (a line start) over blank lines and comment lines: where a block
/// that the next key (or the end of the file) follows really ends.
fn block_end(text: &str, limit: usize) -> usize {
    let mut p = limit;
    while p > 0 {
        let prev = line_start(text, p - 1);
        let line = text[prev..p].trim();
        if line.is_empty() || line.starts_with('#') {
            p = prev;
        } else {
            break;
        }
    }
    p
}

/// Appends a verification record to bank entry `id` in the text of a bank file, editing the
/// text so that its comments and layout stay as written: a new `verified:` list when the entry
/// has none, a new item of its list, or its single record turned into the first item of a list.
pub fn append_verification(text: &str, id: &str, record: &NewRecord) -> std::result::Result<String, String> {
    use crate::yaml::tree::{self, Kind as NodeKind};
    let root = tree::parse(text).ok_or("the file is not well-formed YAML")?;
    let NodeKind::Map(entries) = &root.kind else { return Err("the file is not a mapping of ids to entries".into()) };
    let i = entries.iter().position(|e| e.key == id).ok_or_else(|| format!("the file has no entry `{id}`"))?;
    let entry = &entries[i];
    let limit = entries.get(i + 1).map_or(text.len(), |next| line_start(text, next.key_span.start));
    let NodeKind::Map(fields) = &entry.value.kind else { return Err(format!("`{id}` is not a mapping")) };
    if text[entry.value.span.start..].starts_with('{') {
        return Err(format!(
            "`{id}` is written as a flow mapping (`{{…}}`); write it as a block mapping to record in it"
        ));
    }
    let column = |at: usize| at - line_start(text, at);
    let indent = fields.first().map_or(2, |f| column(f.key_span.start));
    let mut out = text.to_string();
    let insert_at = |out: &mut String, at: usize, block: &str| {
        let mut block = block.to_string();
        if at > 0 && !out[..at].ends_with('\n') {
            block.insert(0, '\n');
        }
        out.insert_str(at, &block);
    };
    let Some(v) = fields.iter().find(|f| f.key == "verified") else {
        let at = block_end(text, limit);
        let block = format!("{}verified:\n{}", " ".repeat(indent), record.item(indent + 2));
        insert_at(&mut out, at, &block);
        return Ok(out);
    };
    let next_key = fields.iter().map(|f| f.key_span.start).filter(|&s| s > v.key_span.start).min();
    let vend = block_end(text, next_key.map_or(limit, |s| line_start(text, s)));
    let start = v.value.span.start;
    match &v.value.kind {
        NodeKind::Seq(_) if text[start..].starts_with('[') => {
            Err(format!("`{id}`'s `verified:` is a flow list (`[…]`); write it as a block list to record in it"))
        }
        NodeKind::Seq(_) => {
            let dash = text[line_start(text, start)..].len() - text[line_start(text, start)..].trim_start().len();
            insert_at(&mut out, vend, &record.item(dash));
            Ok(out)
        }
        NodeKind::Map(_) if text[start..].starts_with('{') => {
            let close = text[v.value.span.end..].find('}').map(|k| v.value.span.end + k + 1).ok_or("unclosed `{`")?;
            let item_indent = indent + 2;
            insert_at(&mut out, vend, &record.item(item_indent));
            let flow = text[start..close].replace('\n', "\n  ");
            let key_end = text[..start].trim_end().len();
            out.replace_range(key_end..close, &format!("\n{}- {flow}", " ".repeat(item_indent)));
            Ok(out)
        }
        NodeKind::Map(keys) => {
            let key_start = keys.first().map_or(start, |k| k.key_span.start);
            let first = line_start(text, key_start);
            let map_indent = column(key_start);
            insert_at(&mut out, vend, &record.item(map_indent));
            let mut block = String::new();
            for (k, line) in text[first..vend].split_inclusive('\n').enumerate() {
                if k == 0 {
                    block.push_str(&line[..map_indent]);
                    block.push_str("- ");
                    block.push_str(&line[map_indent..]);
                } else if line.trim().is_empty() {
                    block.push_str(line);
                } else {
                    block.push_str("  ");
                    block.push_str(line);
                }
            }
            out.replace_range(first..vend, &block);
            Ok(out)
        }
        _ => Err(format!("`{id}`'s `verified:` is neither a record nor a list of records")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(pins: &[&str]) -> NewRecord {
        NewRecord {
            by: "JD".into(),
            on: "2026-12-04".into(),
            source: "Westlaw".into(),
            pins: pins.iter().map(|p| p.to_string()).collect(),
            note: Some("pulled \"star\" pages".into()),
            cleared: None,
        }
    }

    fn records(text: &str, id: &str) -> Vec<Verified> {
        let mut bank = Bank::default();
        bank.add_file(&SourceText::new("t.yaml", text)).unwrap();
        bank.get(id).unwrap().verified.clone()
    }

    /// A publisher belongs to a statute; on anything else it is an error at the entry.
    #[test]
    fn a_publisher_is_only_for_a_statute() {
        let mut bank = Bank::default();
        bank.add_file(&SourceText::new(
            "t.yaml",
            "s:\n  kind: statute\n  cite: \"N.Y. Civ. Rights Law § 76-a\"\n  publisher: McKinney\n",
        ))
        .unwrap();
        assert_eq!(bank.get("s").unwrap().publisher.as_deref(), Some("McKinney"));
        let err = Bank::default()
            .add_file(&SourceText::new(
                "t.yaml",
                "c:\n  kind: case\n  name: A v. B\n  cite: 1 F.4th 1\n  year: 2021\n  publisher: West\n",
            ))
            .unwrap_err();
        assert!(err[0].message.contains("`publisher` is for a statute"), "{}", err[0].message);
        assert_eq!(err[0].span, Some(0..1), "at the entry's key");
    }

    const ENTRY: &str = "# cases\n\na:\n  kind: case  # a comment\n  name: A v. B\n  cite: 1 F.4th 1\n  year: 2021\n  note: >-\n    long\n    note\n\n# next\nb:\n  kind: case\n  name: C v. D\n  cite: 2 F.4th 2\n  year: 2021\n";

    #[test]
    fn a_first_record_is_added_at_the_end_of_the_entry_and_nothing_else_changes() {
        let out = append_verification(ENTRY, "a", &rec(&["975–76"])).unwrap();
        let v = records(&out, "a");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].pins[0].at, "975–76");
        assert_eq!(v[0].note.as_deref(), Some("pulled \"star\" pages"));
        assert!(records(&out, "b").is_empty());
        // Only lines were added: every original line is still there, in order.
        let mut lines = out.lines();
        assert!(ENTRY.lines().all(|l| lines.any(|m| m == l)));
        assert!(out.contains("  note: >-\n    long\n    note\n  verified:\n    - by: \"JD\"\n"));
    }

    #[test]
    fn a_single_record_becomes_a_list_block_or_flow() {
        let block = ENTRY.replace(
            "  year: 2021\n  note",
            "  year: 2021\n  verified:\n    by: X\n    on: 2026-12-02\n    source: >-\n      read it\n  note",
        );
        let out = append_verification(&block, "a", &rec(&[])).unwrap();
        let v = records(&out, "a");
        assert_eq!((v.len(), v[0].by.as_str(), v[1].by.as_str()), (2, "X", "JD"));
        assert_eq!(v[0].source, "read it");
        let again = append_verification(&out, "a", &rec(&["3"])).unwrap();
        assert_eq!(records(&again, "a").len(), 3);
        let flow = ENTRY.replace(
            "  year: 2021\n  note",
            "  year: 2021\n  verified: {by: X, on: 2026-12-02,\n    source: read}\n  note",
        );
        let out = append_verification(&flow, "a", &rec(&["5"])).unwrap();
        let v = records(&out, "a");
        assert_eq!((v.len(), v[1].pins.len()), (2, 1));
        assert!(append_verification(ENTRY, "zz", &rec(&[])).is_err());
    }
}
