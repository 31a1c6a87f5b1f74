//! Stage 1: the matter file. One YAML file describes a matter: the court profile, case number,
//! parties and their roles, the counsel block, the document's title and date, the record it
//! cites, the facts the clauses draw on, and the brief's outline — which clauses, in what order,
//! nested how, with which options. Loading checks the shape of the file (types, required and
//! unknown fields, with suggestions) and nothing else; cross-checks against clauses, the bank and
//! the profile are stage 2, [`validate`].

pub mod consistency;
pub mod facts;
pub mod opinion;
pub mod validate;

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::diag::{Result, SourceText};
use crate::library::bank::Authority;
use crate::units::Date;
use crate::yaml;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matter {
    /// Court profile id: a file `courts/<court>.yaml`.
    pub court: String,
    /// The division line of the court title ("San Francisco Division"); omit if none.
    #[serde(default)]
    pub division: Option<String>,
    /// The county, for state-court profiles whose court title names it ("{county}").
    #[serde(default)]
    pub county: Option<String>,
    pub case: Case,
    /// How the caption names the proceeding, where it is not the parties' "A v. B" block: an
    /// "In re Subpoena to …" line, or the underlying action's parties (a state court's discovery
    /// motion). Omitted: the caption lists `parties:`.
    #[serde(default)]
    pub caption: Option<CaptionSpec>,
    pub document: Document,
    /// Parties by a key the clauses use (`movant`, `respondent`, …), in caption order.
    pub parties: IndexMap<String, Party>,
    pub counsel: Counsel,
    /// Record documents cited by id: `[@compl ¶ 19]`.
    #[serde(default)]
    pub record: IndexMap<String, RecordDoc>,
    /// Free-form facts for the clauses; each clause declares which ones it needs.
    #[serde(default)]
    pub facts: serde_yaml::Mapping,
    /// The brief's outline.
    pub brief: Vec<OutlineItem>,
    /// Authorities added to (or replacing entries of) the bank for this matter only.
    #[serde(default)]
    pub authorities: IndexMap<String, Authority>,
    /// Per-judge overrides of the court profile (same keys as the profile file).
    #[serde(default)]
    pub overrides: Option<serde_yaml::Value>,
    /// Bank authorities this brief must not cite, each with the lawyer's reason
    /// (`grandbouche-v-clancy: "a Tenth Circuit decision; we cite the Eighth Circuit's own"`): left
    /// out of every survey and every other choice the library makes from the bank. A clause that
    /// cites one by name is an error at its line here, naming the clause.
    #[serde(default)]
    pub set_aside: IndexMap<String, String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case number as docketed, e.g. `3:22-mc-80319`.
    pub number: String,
    /// The assigned judge's initials, appended to the case number when the profile says so.
    #[serde(default)]
    pub judge_initials: Option<String>,
    /// The judge's name and title, e.g. `Hon. Sallie Kim`.
    #[serde(default)]
    pub judge: Option<String>,
    /// The magistrate judge the case is referred to, as the caption prints it under `judge`
    /// (E.D. Mich. LR 5.1(a)(1)(D) asks for both), e.g. `Mag. Judge David R. Grand`.
    #[serde(default)]
    pub magistrate_judge: Option<String>,
    /// The day the action was filed, for a first page that states it ("Action Filed:", Cal.
    /// Rules of Court, rule 3.1110(b)(3)); printed where the profile's `caption.action_dates` asks.
    #[serde(default)]
    pub filed: Option<crate::units::Date>,
    /// The trial date, or `none` ("Trial Date: None set", rule 3.1110(b)(4)); printed with `filed`.
    #[serde(default)]
    pub trial: Option<crate::units::TrialDate>,
}

/// `caption: {form: in-re, text: "In re Subpoena to Quillstream, Inc.", underlying: {…}}` or
/// `caption: {parties: [{name: …, role: Plaintiffs}, {name: DOES 1–3, role: Defendants}]}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptionSpec {
    /// `parties` (the default: a "v." block) or `in-re` (one line: `text:`).
    #[serde(default)]
    pub form: CaptionForm,
    /// The "In re …" line (form `in-re` only).
    #[serde(default)]
    pub text: Option<String>,
    /// The caption's sides, where they are not the matter's `parties:` (the underlying action's
    /// plaintiffs and defendants in a state court).
    #[serde(default)]
    pub parties: Vec<CaptionParty>,
    /// The action the subpoena issued in, printed under the caption as "Underlying action: …".
    #[serde(default)]
    pub underlying: Option<Underlying>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum CaptionForm {
    #[default]
    Parties,
    InRe,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptionParty {
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Underlying {
    /// "Quinn v. Does 1–10".
    pub caption: String,
    /// "Circuit Court of Cook County, Illinois".
    pub court: String,
    /// "No. 2025-L-004411" or the bare number.
    pub number: String,
}

impl Underlying {
    /// ", No. 2025-L-004411 (Circuit Court of Cook County, Illinois)": what follows the case name.
    pub fn rest(&self) -> String {
        let n = self.number.trim();
        let n = if n.to_lowercase().starts_with("no.") { n.to_string() } else { format!("No. {n}") };
        format!(", {} ({})", n, self.court.trim())
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The full title, printed in bold in the caption.
    pub title: String,
    /// The short title printed in every page's footer.
    pub short_title: String,
    /// Document type for the page limit: one of `library::court::DOCUMENT_TYPES`.
    #[serde(rename = "type", deserialize_with = "crate::library::court::document_type")]
    pub type_: String,
    /// Date of signature (also the PDF's date; the clock is never read).
    pub date: Date,
    /// The date a court order set for this brief (a briefing schedule): `pleader check` holds
    /// the brief's date to it instead of the profile's `deadlines:`.
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub hearing: Option<Hearing>,
    /// Whom the brief is served on, each as the certificate of service names them ("Marcus
    /// Kessler, Esquire, Kessler & Pryor LLP, … counsel for Plaintiff"): the profile's `service:`
    /// text prints them where it says `{served}`.
    #[serde(default)]
    pub served: Vec<String>,
    /// Whether the brief asks for oral argument in its caption: "(Oral Argument Requested)" under
    /// the title (Maricopa County Local Rule 3.2(d) decides a motion on the papers unless the
    /// caption says so).
    #[serde(default)]
    pub oral_argument: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hearing {
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub time: Option<String>,
    #[serde(default)]
    pub courtroom: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

impl Pronoun {
    /// Subject, object, possessive forms.
    pub fn forms(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Pronoun::He => ("he", "him", "his"),
            Pronoun::She => ("she", "her", "her"),
            Pronoun::They => ("they", "them", "their"),
            Pronoun::It => ("it", "it", "its"),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Name as in the caption ("TWITTER, INC.").
    pub name: String,
    /// Name used in the text ("Twitter").
    pub short: String,
    /// The full name as the text writes it the first time ("Brennock Home Renovations, LLC"):
    /// the introduction names the party by it and defines the short name after it ("(the
    /// “Association”)"). Without it, the introduction uses the short name alone.
    #[serde(default)]
    pub full: Option<String>,
    /// Role in this proceeding ("Movant", "Respondent").
    pub role: String,
    pub pronoun: Pronoun,
    /// True for the party this document is filed for.
    #[serde(default)]
    pub client: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counsel {
    pub firm: String,
    pub address: Vec<String>,
    pub phone: String,
    #[serde(default)]
    pub fax: Option<String>,
    pub attorneys: Vec<Attorney>,
    /// Name of the attorney who signs (one of `attorneys`).
    pub signer: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attorney {
    pub name: String,
    /// State bar number (California courts require it in the counsel block: their profiles list
    /// `counsel.attorneys.bar` under `requires:`).
    #[serde(default)]
    pub bar: Option<String>,
    /// State of the bar admission (default CA).
    #[serde(default = "default_state")]
    pub state: String,
    pub email: String,
    /// The attorney's role as the court's rules name it, printed after the name and bar number
    /// ("Trial Attorney", S.D. Ohio Civ. R. 83.4(a); "Attorney-in-Charge", S.D. Tex.).
    #[serde(default)]
    pub designation: Option<String>,
}

fn default_state() -> String {
    "CA".into()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordDoc {
    /// The first citation: "Declaration of Jane Parker, Dkt. 1-1".
    pub full: String,
    /// The short form defined by the first citation and used afterwards: "Parker Decl.".
    pub short: String,
    /// Where the document sits in the court's file ("ECF No. 14-2", "Trans. ID 78156022"): printed
    /// after the first citation's pin, as Bluebook B17.1.4 places it ("Compl. ¶ 3, ECF No. 1"),
    /// with the short form defined after it. Absent: `full` carries it, and prints as written.
    #[serde(default)]
    pub filed: Option<String>,
    /// The action a paper filed in another case belongs to ("_Smith v. Does_, No. 1:26-cv-1 (N.D.
    /// Ill. filed Sept. 14, 2026)"), printed after the first citation's pin, as Bluebook 10.8.3
    /// places it ("Complaint ¶ 3, _Smith v. Does_, No. …"); a case name between underscores prints
    /// in italics. Absent: `full` carries it.
    #[serde(default)]
    pub of: Option<String>,
}

/// One entry of the outline: a clause, its options and its subsections. A paragraph of the
/// matter's own (`{paragraph: id, heading: …, text: …}`) is drafted as a clause named `id`.
#[derive(Clone, Debug)]
pub struct OutlineItem {
    pub clause: String,
    pub options: serde_yaml::Mapping,
    pub sections: Vec<OutlineItem>,
    pub paragraph: Option<Paragraph>,
}

/// A section the lawyer writes in the matter, beside the library's clauses: its heading, and its
/// text (prose with pleader's citation syntax, printed literally otherwise) or a file next to the
/// matter holding a clause body (Tera, like a project clause), and the kinds of the movant's
/// argument it answers.
#[derive(Clone, Debug, Deserialize)]
pub struct Paragraph {
    pub heading: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub answers: Vec<String>,
    /// What the section does, completing "Part IV.A.3 ___" in the roadmap of the section above it
    /// ("shows that the post about the address is not a threat"). Without it, a paragraph that
    /// answers none of the motion's arguments is named there as taking up a further point.
    #[serde(default)]
    pub roadmap: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutlineEntry {
    #[serde(default)]
    clause: Option<String>,
    #[serde(default)]
    paragraph: Option<String>,
    #[serde(default)]
    heading: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    answers: Vec<String>,
    #[serde(default)]
    roadmap: Option<String>,
    #[serde(default)]
    options: serde_yaml::Mapping,
    #[serde(default)]
    sections: Vec<OutlineItem>,
}

impl<'de> Deserialize<'de> for OutlineItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OutlineItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a clause id, a mapping with `clause:` and optional `options:` and `sections:`, or a paragraph of your own: `paragraph:` (its id), `heading:`, and `text:` or `file:`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<OutlineItem, E> {
                Ok(OutlineItem {
                    clause: v.to_string(),
                    options: Default::default(),
                    sections: vec![],
                    paragraph: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<OutlineItem, A::Error> {
                let e = OutlineEntry::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (e.clause, e.paragraph) {
                    (Some(clause), None) => {
                        if e.heading.is_some()
                            || e.text.is_some()
                            || e.file.is_some()
                            || !e.answers.is_empty()
                            || e.roadmap.is_some()
                        {
                            return Err(de::Error::custom(
                                "`heading`, `text`, `file`, `answers` and `roadmap` belong to a `paragraph:` entry, not a `clause:` entry",
                            ));
                        }
                        Ok(OutlineItem { clause, options: e.options, sections: e.sections, paragraph: None })
                    }
                    (None, Some(id)) => {
                        let Some(heading) = e.heading else {
                            return Err(de::Error::custom("a `paragraph:` entry needs a `heading:`"));
                        };
                        if e.text.is_some() == e.file.is_some() {
                            return Err(de::Error::custom(
                                "a `paragraph:` entry needs exactly one of `text:` (the prose) or `file:` (a clause body next to the matter)",
                            ));
                        }
                        if !e.options.is_empty() {
                            return Err(de::Error::custom("a `paragraph:` entry takes no `options:`"));
                        }
                        let paragraph =
                            Paragraph { heading, text: e.text, file: e.file, answers: e.answers, roadmap: e.roadmap };
                        Ok(OutlineItem {
                            clause: id,
                            options: e.options,
                            sections: e.sections,
                            paragraph: Some(paragraph),
                        })
                    }
                    (Some(_), Some(_)) => {
                        Err(de::Error::custom("an outline entry is a `clause:` or a `paragraph:`, not both"))
                    }
                    (None, None) => Err(de::Error::custom(
                        "an outline entry needs `clause:` (a library clause) or `paragraph:` (a paragraph of your own)",
                    )),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<OutlineItem, A::Error> {
                Err(de::Error::custom("expected a clause id or a `clause:` mapping, found a list"))
            }
        }
        d.deserialize_any(V)
    }
}

impl Matter {
    /// Reads and shape-checks a matter file.
    pub fn load(source: &SourceText) -> Result<Matter> {
        yaml::from_str(source).map_err(|ds| ds.into_iter().map(|d| date_at_its_line(d, source)).collect())
    }

    /// The party the document is filed for.
    pub fn client(&self) -> Option<(&String, &Party)> {
        self.parties.iter().find(|(_, p)| p.client)
    }

    /// The case number as printed in the caption and footer.
    pub fn case_number(&self, form: Option<crate::library::court::InitialsForm>) -> String {
        use crate::library::court::InitialsForm;
        let number = &self.case.number;
        match (self.case.judge_initials.as_deref().map(str::trim).filter(|i| !i.is_empty()), form) {
            (Some(i), Some(InitialsForm::Hyphen)) => format!("{number}-{i}"),
            (Some(i), Some(InitialsForm::Parentheses)) => format!("{number} ({i})"),
            _ => number.clone(),
        }
    }

    /// Every outline item, depth first, with its level (1-based).
    pub fn outline(&self) -> Vec<(usize, &OutlineItem)> {
        fn walk<'a>(items: &'a [OutlineItem], level: usize, out: &mut Vec<(usize, &'a OutlineItem)>) {
            for item in items {
                out.push((level, item));
                walk(&item.sections, level + 1, out);
            }
        }
        let mut out = vec![];
        walk(&self.brief, 1, &mut out);
        out
    }
}

/// A malformed date is reported by the YAML reader at the start of the mapping that holds it
/// (`title:` for `document.date`); this moves the error to the value itself, found after the
/// mapping's key (`(in `document`)` in the message) as the bad text written there.
fn date_at_its_line(d: crate::diag::Diagnostic, source: &SourceText) -> crate::diag::Diagnostic {
    let msg = d.message.clone();
    let Some(rest) = msg.strip_prefix('`') else { return d };
    let Some((value, tail)) = rest.split_once('`') else { return d };
    if !tail.starts_with(" is not a date") {
        return d;
    }
    let parent = tail.rsplit_once("(in `").and_then(|(_, p)| p.split_once('`')).map(|(p, _)| p);
    let from = parent.and_then(|p| yaml::find_key(source, p)).map_or(0, |r| r.start);
    match source.text[from..].find(value) {
        Some(at) if !value.is_empty() => d.at(source, from + at..from + at + value.len()),
        _ => d,
    }
}

/// Facts that no clause prints and `pleader check` reads whatever the outline: when the motion was
/// served on the client and how, for the time to respond (`rules::deadline`).
pub const CHECK_READS: [&str; 2] = ["motion.served", "motion.served_by"];

/// Adds [`CHECK_READS`] to a selection of the facts an outline reads (validation's and the
/// scaffold's), so that a matter may give them whatever its outline.
pub fn add_check_reads(selection: &mut crate::library::schema::Selection) {
    for path in CHECK_READS {
        selection.add(path, false, "pleader check (time to respond)");
    }
}

impl Matter {
    /// The fact at a dotted path below `facts:` (`["subpoena", "date"]`).
    pub fn fact(&self, path: &[&str]) -> Option<&serde_yaml::Value> {
        let mut cur = self.facts.get(path.first()?)?;
        for part in &path[1..] {
            cur = match cur {
                serde_yaml::Value::Mapping(m) => m.get(*part)?,
                serde_yaml::Value::Sequence(s) => s.get(part.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(cur)
    }

    /// Whether the matter supplies a value at a dotted path as clauses read it (`parties.movant`,
    /// `client`, `facts.subpoena.date`, `case.judge`): what a clause header's `needs:` names.
    pub fn has(&self, path: &str) -> bool {
        let parts: Vec<&str> = path.split('.').collect();
        // The fields a party has in the clause context (see `draft::context`).
        let party_field = |field: Option<&&str>| match field {
            None => true,
            Some(f) => [
                "name", "short", "role", "pronoun", "client", "key", "he", "him", "his", "He", "His", "plural",
                "entity", "poss", "Poss",
            ]
            .contains(f),
        };
        match parts.as_slice() {
            ["facts", rest @ ..] if !rest.is_empty() => self.fact(rest).is_some_and(|v| !v.is_null()),
            ["parties", key, field @ ..] => {
                self.parties.contains_key(*key) && field.len() <= 1 && party_field(field.first())
            }
            ["client", field @ ..] => self.client().is_some() && field.len() <= 1 && party_field(field.first()),
            ["case", "number"] => true,
            ["case", "judge"] => self.case.judge.is_some(),
            ["case", "magistrate_judge"] => self.case.magistrate_judge.is_some(),
            ["case", "judge_initials"] => self.case.judge_initials.is_some(),
            ["case", "filed"] => self.case.filed.is_some(),
            ["case", "trial"] => self.case.trial.is_some(),
            ["document", "title" | "short_title" | "type" | "date"] => true,
            ["counsel", "attorneys", "bar"] => self.counsel.attorneys.iter().all(|a| a.bar.is_some()),
            // One attorney designated (the trial attorney) answers the rule, not every one.
            ["counsel", "attorneys", "designation"] => self.counsel.attorneys.iter().any(|a| a.designation.is_some()),
            ["document", "hearing"] => self.document.hearing.is_some(),
            ["document", "served"] => !self.document.served.is_empty(),
            ["document", "hearing", "date"] => self.document.hearing.as_ref().is_some_and(|h| h.date.is_some()),
            ["document", "hearing", "time"] => self.document.hearing.as_ref().is_some_and(|h| h.time.is_some()),
            ["document", "hearing", "courtroom"] => {
                self.document.hearing.as_ref().is_some_and(|h| h.courtroom.is_some())
            }
            ["record", id, rest @ ..] => {
                self.record.contains_key(*id) && rest.iter().all(|r| matches!(*r, "full" | "short"))
            }
            ["counsel", "firm" | "signer"] => true,
            ["court" | "court_name" | "case" | "document" | "parties" | "counsel" | "record" | "brief_clauses"
            | "sections"] => true,
            ["division"] => self.division.is_some(),
            ["county"] => self.county.is_some(),
            _ => false,
        }
    }
}
