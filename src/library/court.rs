//! Court profiles: a court's formatting rules as data. One YAML file per court under `courts/`
//! (`nd-cal.yaml`, …) that a lawyer can copy and edit: paper and margins, type sizes, the numbered
//! line grid, the caption layout, heading styles, page limits, when a TOC/TOA is required and the
//! table-of-authorities conventions (*passim* threshold, how *In re* sorts) and the citation
//! settings (whether unverified authorities block filing, hyperlinked citations). A matter picks its
//! profile with `court:` and may override any setting for its judge under `overrides:`. The
//! templates read the profile through a generated `/data/profile.typ`; no Rust code branches on
//! the court.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::units::Length;

/// The document types a matter's `document.type` may name and a profile's `limits:` may limit.
/// Exact, lowercase: `Opposition` or `oppositon` is an error listing these, never a document
/// without limits.
pub const DOCUMENT_TYPES: &[&str] = &["opposition", "motion", "reply"];

/// Reads a document type (`document.type`, a `limits:` key), checked against [`DOCUMENT_TYPES`]
/// while the scalar is read, so that an error points at the value.
pub fn document_type<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a document type ({})", DOCUMENT_TYPES.join(", "))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<String, E> {
            if DOCUMENT_TYPES.contains(&v) {
                Ok(v.to_string())
            } else {
                Err(E::unknown_variant(v, DOCUMENT_TYPES))
            }
        }
    }
    d.deserialize_str(V)
}

/// A `limits:` key, read through [`document_type`].
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct TypeKey(String);

impl<'de> Deserialize<'de> for TypeKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        document_type(d).map(TypeKey)
    }
}

/// A mapping keyed by document type (one of [`DOCUMENT_TYPES`]; another key is an error at it):
/// the profile's `limits:` and `deadlines:`.
fn by_type<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, T>, D::Error> {
    Ok(BTreeMap::<TypeKey, T>::deserialize(d)?.into_iter().map(|(k, v)| (k.0, v)).collect())
}

/// The time a court's rule gives for a brief: `days` after the motion's filing or service, or
/// before its hearing, and the rule that says so.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub days: u32,
    /// What the days count from.
    pub from: DeadlineFrom,
    /// The rule, as the check cites it ("Civil L.R. 7-3(a)").
    pub rule: String,
}

/// The event a deadline counts from.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum DeadlineFrom {
    /// After the motion was filed (`motion.filed`).
    #[serde(rename = "motion.filed")]
    MotionFiled,
    /// After the motion was served on the client (`motion.served`, with Rule 6(d)'s three days
    /// where `motion.served_by` is mail, the clerk or other consented means).
    #[serde(rename = "motion.served")]
    MotionServed,
    /// Before the hearing (`document.hearing.date`).
    #[serde(rename = "hearing")]
    Hearing,
}
use crate::yaml;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The court's full name (for `pleader check` and listings).
    pub name: String,
    /// What the court is, for clauses that reason about it: its system, circuit, the unmasking
    /// standard its courts apply, and how the brief refers to it.
    pub jurisdiction: Jurisdiction,
    /// Lines of the court title on the caption page, before the division.
    pub court_title: Vec<String>,
    pub paper: Paper,
    #[serde(rename = "type")]
    pub type_: TypeRules,
    pub lines: Lines,
    pub caption: Caption,
    #[serde(default)]
    pub footer: Footer,
    pub layout: LayoutRules,
    /// Length limits by document type (one of [`DOCUMENT_TYPES`]; another key is an error at it).
    #[serde(default, deserialize_with = "by_type")]
    pub limits: BTreeMap<String, Limit>,
    /// When a brief of each document type is due (one of [`DOCUMENT_TYPES`]), for `pleader
    /// check`'s "time to respond"; see `rules::deadline`.
    #[serde(default, deserialize_with = "by_type")]
    pub deadlines: BTreeMap<String, Deadline>,
    /// Whether the PDF carries structure tags for screen readers (a court or firm that asks for
    /// accessible filings says `tagged_pdf: true`); off by default, measured at about 9% of a cold
    /// build and 36% of the file.
    #[serde(default)]
    pub tagged_pdf: bool,
    #[serde(default)]
    pub front_matter: FrontMatter,
    #[serde(default)]
    pub toa: ToaRules,
    /// A certificate of compliance with the word limit, when the court requires one.
    #[serde(default)]
    pub certificate: Option<Certificate>,
    /// A certificate of service printed after it (after the signature where there is no
    /// certificate of compliance), when the court's rules ask for one on the brief itself.
    #[serde(default)]
    pub service: Option<Certificate>,
    /// A proposed order the court's rules ask to accompany the brief (E.D. Pa. Local Rule 7.1, as
    /// a summary reads it): `pleader build` writes it as a second PDF beside the brief,
    /// `<brief>-order.pdf`, under the case caption. In `text`, `{movant}` is the movant's role and
    /// name ("Plaintiff Brandywine Precision Instruments, Inc."), `{client}` the party represented
    /// ("Non-Party Worklens, Inc."), `{year}` the year of the brief's date.
    #[serde(default)]
    pub proposed_order: Option<Certificate>,
    /// With `proposed_order`: a second form of order, for the Court that grants the motion only in
    /// part on the terms the brief asks for in the alternative (the matter's `relief.alternative`),
    /// printed on its own page after the first. In `text`, `{terms}` is those requests as a
    /// numbered series ("(1) …; (2) …; and (3) …"), each completing "ORDERED that ___"; the other
    /// placeholders are `proposed_order`'s. Absent, or a matter without `relief.alternative`: no
    /// second form.
    #[serde(default)]
    pub alternative_order: Option<Certificate>,
    /// How the judge signs a proposed order (`templates/order.typ`): E.D. Pa.'s "BY THE COURT:",
    /// a line, "J." by default; a court whose orders end "SO ORDERED." above a date line and
    /// "United States District Judge" says so here.
    #[serde(default)]
    pub order_signature: OrderSignature,
    /// Sections the court's rules require in a brief of this kind, each by the heading it prints
    /// under and the rule that requires it: `pleader check` fails a brief whose typeset text has no
    /// such heading, and the hint names the clause that writes it.
    #[serde(default)]
    pub required_sections: Vec<RequiredSection>,
    /// Parts of the matter this court requires, by path (`document.hearing.date`, `case.judge`):
    /// `pleader check` is not filing-ready while one is missing.
    #[serde(default)]
    pub requires: Vec<String>,
    /// How `pleader check` treats unverified authorities, and whether citations are links.
    #[serde(default)]
    pub citations: CitationRules,
    /// How counsel are identified: the bar identifier the court's rules name.
    #[serde(default)]
    pub counsel: CounselRules,
    /// The divisions (or, for a state court, the counties) a matter's `division:` (`county:`) may
    /// name. Empty: the profile lists none, and a matter naming a division is an error at its
    /// line; a court title with `{county}` then takes the matter's `county:` as written (Virginia's
    /// circuit courts, each named in its own form: "for the City of Alexandria", "of Fairfax
    /// County").
    #[serde(default)]
    pub divisions: Vec<String>,
    /// What the court's rules ask of a brief that pleader does not do (Del. Super. Ct. Civ. R.
    /// 107(b)'s two spaces between sentences): `pleader check` warns of each, so that a rule the
    /// profile's author knew pleader does not meet is never left in a comment.
    #[serde(default)]
    pub unmet: Vec<Unmet>,
}

/// One requirement of the court's rules that pleader does not meet: `{rule, what}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unmet {
    /// The rule, as the check cites it ("Super. Ct. Civ. R. 107(b)").
    pub rule: String,
    /// What it asks ("two spaces between sentences").
    pub what: String,
}

/// The faces a court's rule accepts: `type: {required_faces: {faces: [Times New Roman], rule:
/// "Super. Ct. Civ. R. 107(b)"}}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiredFaces {
    pub faces: Vec<String>,
    pub rule: String,
}

/// `counsel: {bar_label: "State Bar No."}`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounselRules {
    /// The words before each attorney's bar number, in the counsel block and the signature block
    /// ("State Bar No.", "ARDC No.", "Bar Roll No."; `{state}` is the attorney's `state:`), or the
    /// whole identifier with `{bar}` where the number goes, for a form that joins them ("P{bar}":
    /// Michigan's "P68213"). The caption and the signature set the identifier in parentheses
    /// after the name; a label that begins with a comma (", #{bar}(MO)", E.D. Mo.'s registration
    /// form) prints after a comma instead, without them ("JANE ROE, #48213(MO)"). Absent: the
    /// court asks for no bar identifier, and none prints even where the matter gives one.
    #[serde(default)]
    pub bar_label: Option<String>,
}

impl CounselRules {
    /// Whether the identifier follows the name after a comma, not in parentheses (a label that
    /// begins with a comma).
    pub fn bar_after_comma(&self) -> bool {
        self.bar_label.as_deref().is_some_and(|l| l.trim_start().starts_with(','))
    }

    /// "State Bar No. 287114" for a bar number, or none where the court prints none.
    pub fn bar_id(&self, state: &str, bar: Option<&str>) -> Option<String> {
        let label = self.bar_label.as_deref()?.replace("{state}", state);
        let label = label.trim_start().strip_prefix(',').unwrap_or(&label);
        let bar = bar?.trim();
        let id =
            if label.contains("{bar}") { label.replace("{bar}", bar) } else { format!("{} {}", label.trim(), bar) };
        // The caption and the signature set the identifier in parentheses themselves: a label
        // written with its own ("({bar})", Ohio's form) keeps one pair, not two.
        let id = id.trim();
        Some(match id.strip_prefix('(').and_then(|i| i.strip_suffix(')')) {
            Some(inner) if !inner.contains(['(', ')']) => inner.trim().to_string(),
            _ => id.to_string(),
        })
    }
}

/// One sentence of `state_note` (see [`Jurisdiction::state_note`]): `{text, authority, pin,
/// signal}`, `signal` "see" unless given. A decision cited without a `pin` takes `signal: see
/// generally` (`check` fails a case cited for a proposition without a pin otherwise): the form
/// for what a decision held where no page of the holding was read, so that the brief can say
/// what the decision held (candor needs it) without a page nobody saw; `check` lists the
/// decision's open verification.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct StateNote {
    pub text: String,
    pub authority: String,
    #[serde(default)]
    pub pin: Option<String>,
    #[serde(default)]
    pub signal: Option<String>,
    /// The note says the choice of test turns on the kind of speech (the Ninth Circuit's In re
    /// Anonymous Online Speakers): the brief then says what kind of speech this is, from the
    /// matter's `speech_nature`, and `check` warns where the matter does not say.
    #[serde(default)]
    pub asks_speech: bool,
}

/// A statute that governs the subpoena here (`jurisdiction.statute`): the bank id of the statute,
/// its subdivision where the requirement is in one (`(A)(1)`), and what it requires, completing
/// "<the statute> ___" ("requires a party seeking … to file …"), in the lawyer's words.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoverningStatute {
    pub authority: String,
    #[serde(default)]
    pub subdivision: Option<String>,
    pub requires: String,
}

/// [`Jurisdiction::discovery_limit`]: the rule's bank id, the subdivision cited (`(b)(1)`), and
/// its words, quoted after "<the state>'s rules place a limit on what a subpoena may demand:".
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiscoveryLimit {
    pub rule: String,
    #[serde(default)]
    pub subdivision: String,
    pub words: String,
}

/// `state_note:` (or `circuit_note:`) as one sentence `{text, authority, pin}` or a list of them.
/// A `signal` must be one the citation syntax reads (the note prints it as written), or the
/// sentence's citation would not be read as one.
fn state_notes<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<StateNote>, D::Error> {
    use serde::de::Error as _;
    let notes: Vec<StateNote> =
        crate::yaml::one_or_many(d, "`state_note` (one sentence `{text, authority, pin}` or a list of them)")?;
    if let Some(bad) =
        notes.iter().filter_map(|n| n.signal.as_deref()).find(|s| !crate::library::clause::SIGNALS.contains(s))
    {
        return Err(D::Error::custom(format!(
            "`signal: {bad}` is not a citation signal pleader knows (e.g. `see`, `see generally`, `see also`, `cf.`)"
        )));
    }
    Ok(notes)
}

/// The court as the clauses reason about it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// `federal` or `state`.
    pub system: System,
    /// The court's abbreviation in a citation parenthetical ("N.D. Cal."): a decision of this
    /// court carries it as its `court:` in the bank. For a state court, the abbreviations of its
    /// state's courts whose decisions bind it are in `own_courts`.
    pub court: String,
    /// The court's own name in prose ("the Northern District of California").
    pub name: String,
    /// How the brief refers to the court's bench collectively ("this District"); the clauses say
    /// it only about decisions of `court` (and `own_courts`).
    pub here: String,
    /// The same as the subject of a sentence: "courts in this District", "California courts".
    pub courts_here: String,
    /// Other parenthetical abbreviations that count as this court's own (a state's appellate
    /// courts for a trial court; "Cal. Ct. App." and the official reporters' courts).
    #[serde(default)]
    pub own_courts: Vec<String>,
    /// Official reporters whose decisions count as this court's own because they bind it and the
    /// citation names no court (`Cal. App.`, `Cal.` for a California court).
    #[serde(default)]
    pub own_reporters: Vec<String>,
    /// The federal circuit, in prose ("the Ninth Circuit"), and the parenthetical abbreviations
    /// of its courts (the courts of appeals and the districts).
    #[serde(default)]
    pub circuit: Option<String>,
    #[serde(default)]
    pub circuit_courts: Vec<String>,
    /// The state where the court sits.
    pub state: String,
    /// For a federal court, the parenthetical abbreviations of the courts of the state where it
    /// sits ("Pa.", "Pa. Super. Ct."): their decisions bind no federal court, and the brief
    /// reports them as that state's courts, never as this court's or its circuit's. Absent: no
    /// decision is treated as the state's (a documented default).
    #[serde(default)]
    pub state_courts: Vec<String>,
    /// For a federal court, the official reporters of that state's courts ("Mich.", "Mich.
    /// App."): a decision cited to one of them is the state's even where its parenthetical names
    /// the court alone ("Ct. App.", as Bluebook 10.4(b) has it beside "Mich. App.") or nothing.
    #[serde(default)]
    pub state_reporters: Vec<String>,
    /// For a federal court, what sets the state's own decisions on unmasking apart from the
    /// question before it, said after the legal standard reports them: one sentence `{text,
    /// authority, pin}` or a list of them, each `text` a whole sentence (E.D. Mich.: what the
    /// Michigan Court of Appeals held, and that it applied Michigan's own court rules).
    #[serde(default, deserialize_with = "state_notes")]
    pub state_note: Vec<StateNote>,
    /// For a court whose circuit has spoken to the question without settling a standard, what its
    /// court of appeals said, in the same form as `state_note`, printed right after the brief says
    /// that no binding decision settles the standard (D. Ariz.: *In re Anonymous Online Speakers*).
    #[serde(default, deserialize_with = "state_notes")]
    pub circuit_note: Vec<StateNote>,
    /// For a state court, the state's law on whether its courts may enforce a subpoena against a
    /// non-party outside the state, in the same form as `state_note` (Virginia: *Yelp, Inc. v.
    /// Hadeed Carpet Cleaning, Inc.*, holding that registering to do business and keeping a
    /// registered agent there do not subject a foreign non-party to the circuit court's subpoena
    /// power). The `beyond-subpoena-power` clause states it; absent, that clause does not apply.
    #[serde(default, deserialize_with = "state_notes")]
    pub subpoena_reach: Vec<StateNote>,
    /// A statute of the court's own jurisdiction that governs a subpoena for an anonymous
    /// speaker's identity (Virginia's Va. Code Ann. § 8.01-407.1): what it requires, said first in
    /// the legal standard as the law that binds the court, and the open question narrowed to what
    /// the First Amendment asks beyond it. Absent: no statute is said to govern.
    #[serde(default)]
    pub statute: Option<GoverningStatute>,
    /// Where the standard is not settled, how counsel searched for this court's and its circuit's
    /// own decisions on unmasking, in a few words (the databases, the terms, the date). Only with
    /// it does a brief whose bank holds none of them say that counsel found none: without it the
    /// brief makes no representation about them, and `check` warns that it is silent.
    #[serde(default)]
    pub searched: Option<String>,
    /// The unmasking standard the brief argues here: an id of `clauses/_standards.yaml`
    /// (`highfields`, `arista`, `krinsky`, `dendrite`, `cahill`), checked when a matter names the
    /// court ([`crate::library::standards::Standards::check_profile`]).
    pub standard: String,
    /// For a project's own standard, the library standard whose clauses argue it (its `like`),
    /// set from the standards when the profile is loaded with them; see [`Jurisdiction::argued_as`].
    #[serde(skip)]
    pub standard_like: Option<String>,
    /// The standard is a project's own that no library clause argues (it names no `like:`):
    /// a clause that reads the court's standard applies only where it says `any_standard`.
    #[serde(skip)]
    pub standard_paragraphs_only: bool,
    /// Whether this court's own decisions apply that standard (checked against them); when not,
    /// the brief says where the standard comes from and asks the court to follow it.
    pub standard_settled: bool,
    /// Where a court whose decisions bind this one adopted `standard` though another court
    /// announced it (a state's intermediate appellate court adopting another state's test): the
    /// adopting decision, its pin (empty where no page was read: `check` lists it) and a
    /// parenthetical completing "(___)". The standard then binds this court, and the brief says it
    /// governs, citing the announcing and the adopting decisions.
    #[serde(default)]
    pub standard_adopted_by: Option<Adoption>,
    /// What this court's procedure calls the motion that tests a complaint's allegations, for
    /// the clauses that contrast it with an evidentiary showing: "motion to dismiss" unless the
    /// profile says otherwise (California and Virginia: "demurrer").
    #[serde(default = "motion_to_dismiss")]
    pub pleading_challenge: String,
    /// The time a party has to move to compel a non-party's compliance, counted from the
    /// non-party's objections, where the court's procedure sets one (California: Code Civ. Proc.
    /// § 2025.480(b)); the clause `motion-untimely` argues from it and applies nowhere else.
    #[serde(default)]
    pub time_to_compel: Option<TimeToCompel>,
    /// A state court's rule limiting what discovery, and so a subpoena, may demand, quoted
    /// (`{rule, subdivision, words}`): `subpoena-scope` argues from it, and applies in a state
    /// court only where the profile sets it (a federal court's are Rules 45 and 26).
    #[serde(default)]
    pub discovery_limit: Option<DiscoveryLimit>,
}

impl Jurisdiction {
    /// The standard whose clauses argue this court's: its own, or, for a project's standard, the
    /// library standard it is `like`.
    pub fn argued_as(&self) -> &str {
        self.standard_like.as_deref().unwrap_or(&self.standard)
    }
}

fn motion_to_dismiss() -> String {
    "motion to dismiss".to_string()
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum System {
    Federal,
    State,
}

impl System {
    pub fn id(self) -> &'static str {
        match self {
            System::Federal => "federal",
            System::State => "state",
        }
    }
}

impl Jurisdiction {
    /// Whether a decision with this court parenthetical, printed in this reporter (the edition's
    /// abbreviation as `cite::read::reporter` reads it from the citation), is one of this
    /// court's own.
    pub fn is_own(&self, court: Option<&str>, reporter: Option<&str>) -> bool {
        // A state's own reporter makes a decision the state's whatever court it names ("Ct.
        // App." beside Cal. App. 4th is California's Court of Appeal).
        let own_reporter = self.own_reporters.iter().any(|r| reporter.is_some_and(|x| x.starts_with(r.as_str())));
        match court {
            Some(c) => c == self.court || self.own_courts.iter().any(|o| o == c) || own_reporter,
            None => own_reporter,
        }
    }

    /// Whether a decision with this court parenthetical is from a court of the state where this
    /// (federal) court sits.
    pub fn is_state(&self, court: Option<&str>, reporter: Option<&str>) -> bool {
        court.is_some_and(|c| self.state_courts.iter().any(|o| o == c))
            || reporter.is_some_and(|r| self.state_reporters.iter().any(|s| r == s || r.starts_with(&format!("{s} "))))
    }

    /// Whether a decision with this court parenthetical is from this court's circuit.
    pub fn is_circuit(&self, court: Option<&str>) -> bool {
        court.is_some_and(|c| self.circuit_courts.iter().any(|o| o == c))
    }

    /// Whether a decision with this court parenthetical binds this court: its circuit's court of
    /// appeals (the circuit's list names its district courts too, which bind no one).
    pub fn is_bound_by(&self, court: Option<&str>) -> bool {
        self.is_circuit(court) && court.is_some_and(|c| c.contains("Cir."))
    }

    /// Whether a decision with this court parenthetical, printed in this reporter, binds this
    /// court whatever its system: for a federal court, its circuit's court of appeals
    /// ([`Self::is_bound_by`]); for a state trial court, its state's appellate courts (its own
    /// decisions, and those of its own level, bind no one).
    pub fn binds_this_court(&self, court: Option<&str>, reporter: Option<&str>) -> bool {
        match self.system {
            System::Federal => self.is_bound_by(court),
            System::State => self.is_own(court, reporter) && court != Some(self.court.as_str()),
        }
    }
}

/// Citation settings: `citations: {unverified: fail, links: false}`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationRules {
    /// What `pleader check` does when the brief cites an authority whose bank entry has no
    /// `verified:` record: `fail` (not filing-ready; the default), `warn` or `off`.
    #[serde(default)]
    pub unverified: RuleLevel,
    /// Link each case citation, and its entry in the table of authorities, to its CourtListener
    /// citation-lookup address (some judges ask for hyperlinked briefs).
    #[serde(default)]
    pub links: bool,
}

/// How strictly a rule is applied.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// A brief that breaks the rule is not filing-ready.
    #[default]
    Fail,
    /// Reported, but the brief may be filed.
    Warn,
    /// Not checked.
    Off,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub width: Length,
    pub height: Length,
    pub margin_top: Length,
    pub margin_left: Length,
    pub margin_right: Length,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeRules {
    /// Font family; must be one of the fonts embedded in pleader.
    pub font: String,
    pub size: Length,
    pub footnote_size: Length,
    pub quote_size: Length,
    pub footer_size: Length,
    /// The smallest type the court accepts in the body, footnotes and quotations.
    pub min_size: Length,
    #[serde(default = "yes")]
    pub justify: bool,
    /// Footnotes `single`- or `double`-spaced (some judges' standing orders want double).
    #[serde(default)]
    pub footnote_spacing: Spacing,
    /// The faces the court's rules accept, where they name some: `pleader check` warns where the
    /// typeset brief is set in another (Liberation Serif has Times New Roman's metrics, but it is
    /// not Times New Roman). Absent: the rules name no face.
    #[serde(default)]
    pub required_faces: Option<RequiredFaces>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Spacing {
    #[default]
    Single,
    Double,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lines {
    /// Whether the left margin carries line numbers (pleading paper).
    pub numbered: bool,
    /// Numbered lines per page.
    pub count: u32,
    /// Distance between two double-spaced lines.
    pub pitch: Length,
    /// Extra leading between single-spaced lines (0pt: one line box per half pitch at 12pt).
    pub single_leading: Length,
    /// Right edge of the line numbers, from the left edge of the paper.
    pub number_right: Length,
    /// Vertical rules left of the text, from the left edge of the paper.
    #[serde(default)]
    pub rules_left: Vec<Length>,
    /// Vertical rules right of the text.
    #[serde(default)]
    pub rules_right: Vec<Length>,
}

/// How a court joins the judges' initials to a case number.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum InitialsForm {
    #[default]
    Hyphen,
    Parentheses,
}

impl Caption {
    /// The form of the judges' initials in the case number, or `None` where the court prints none.
    pub fn initials(&self) -> Option<InitialsForm> {
        self.judge_initials.then_some(self.judge_initials_form)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caption {
    /// Numbered line on which the court title begins (the counsel block fills the lines above).
    pub court_title_line: u32,
    /// Keep the right half of the counsel lines blank for the clerk.
    #[serde(default)]
    pub clerk_space: bool,
    /// Print the hearing date, time and courtroom under the document title.
    #[serde(default)]
    pub hearing: bool,
    /// Under the hearing, the day the action was filed and the trial date (`case.filed`,
    /// `case.trial`), as a first page must state them (Cal. Rules of Court, rule 3.1110(b)(3)–(4));
    /// list both under `requires:` so that `pleader check` fails a matter without them.
    #[serde(default)]
    pub action_dates: bool,
    /// Append the judge's initials to the case number ("3:22-mc-80319-SK").
    #[serde(default = "yes")]
    pub judge_initials: bool,
    /// How the initials join the number: `hyphen` ("3:22-mc-80319-SK", the default) or
    /// `parentheses` ("0:26-mc-00071 (KMM/LPH)", the District of Minnesota's form).
    #[serde(default)]
    pub judge_initials_form: InitialsForm,
    /// Print the matter's `division:` under the court title.
    #[serde(default = "yes")]
    pub division: bool,
    /// Print the counsel block at the top of the first page (federal courts in New York put
    /// counsel in the signature block only).
    #[serde(default = "yes")]
    pub counsel: bool,
    /// The caption template: a file `templates/<template>.typ` that defines `caption-page`.
    #[serde(default = "caption_template")]
    pub template: String,
    /// The label of the hearing's room ("Courtroom", or "Dept." in a state court). A matter's
    /// `courtroom:` value that begins with the label prints without it ("Courtroom 790" →
    /// "Courtroom: 790").
    #[serde(default = "courtroom_label")]
    pub courtroom_label: String,
    /// The caption names the parties of the underlying action (a state court's discovery motion
    /// is heard in that action: "plaintiffs v. the Doe defendants", the non-party's role in the
    /// title): a matter in this court must give `caption.parties` (or an `in-re` caption).
    #[serde(default)]
    pub underlying_parties: bool,
    /// The word between the sides of a "v." caption: `v.`, or `-against-` in New York's federal
    /// courts.
    #[serde(default = "versus")]
    pub versus: String,
    /// What the case number is called in the caption: `Case No.`, or `Docket No.` in New Jersey.
    #[serde(default = "number_label")]
    pub number_label: String,
    /// Print the assigned judge (`case.judge`, as the matter writes it) under the case number
    /// (the District of New Jersey's first page, L. Civ. R. 10.1(a)); a matter in such a court
    /// must name the judge. Read by `caption-sdny`.
    #[serde(default)]
    pub judge: bool,
    /// Center the court title over the page (the Northern District of Texas's form) instead of
    /// setting it flush left (New York's federal courts). Read by `caption-sdny`.
    #[serde(default)]
    pub center_court_title: bool,
    /// Rule the parties' block above, below and on the right (New York's federal form, the
    /// default); `false` sets it with no rules (Virginia's circuit courts). Read by `caption-sdny`.
    #[serde(default = "yes")]
    pub rules: bool,
    /// The distance from the top edge of the first page to its first line, where the court's
    /// rules reserve blank space above the caption (Pa. R.C.P. 204.1: the first sheet's top three
    /// inches). Read by `caption-sdny` (a numbered-line caption places its title by
    /// `court_title_line`); it must exceed `paper.margin_top`.
    #[serde(default)]
    pub first_page_top: Option<Length>,
    /// What the caption prints under the title where the matter asks to be heard
    /// (`document.oral_argument`): "Oral Argument Requested" by default, or the words the
    /// court's rule uses ("Hearing Requested": Md. Rule 2-311(f) has the title state that a
    /// hearing is requested; the Maryland audit, S25). Printed in parentheses, in bold.
    #[serde(default = "argument_requested")]
    pub argument_requested: String,
}

fn argument_requested() -> String {
    "Oral Argument Requested".into()
}

fn number_label() -> String {
    "Case No.".into()
}

fn versus() -> String {
    "v.".into()
}

fn courtroom_label() -> String {
    "Courtroom".into()
}

fn caption_template() -> String {
    "caption".into()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// Print the short title and case number under the rule.
    #[serde(default = "yes")]
    pub title: bool,
    /// Draw a rule above the footer.
    #[serde(default = "yes")]
    pub rule: bool,
    /// Put the rule between the page number and the title instead (Cal. Rules of Court 2.110).
    #[serde(default)]
    pub rule_under_number: bool,
    /// Space between the last text line and the footer rule.
    #[serde(default = "footer_gap")]
    pub gap: Length,
}

impl Default for Footer {
    fn default() -> Self {
        Footer { title: true, rule: true, rule_under_number: false, gap: footer_gap() }
    }
}

/// The judge's signature block on a proposed order (`order_signature:` in a profile).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderSignature {
    /// A line before the signature block ("SO ORDERED."), if the court's form has one.
    #[serde(default)]
    pub closing: Option<String>,
    /// Above the judge's signature line.
    #[serde(default = "by_the_court")]
    pub above: String,
    /// Below it, flush right ("J."; "United States District Judge").
    #[serde(default = "judge_mark")]
    pub below: String,
    /// A "Date:" line left of the signature.
    #[serde(default)]
    pub date_line: bool,
}

fn by_the_court() -> String {
    "BY THE COURT:".into()
}

fn judge_mark() -> String {
    "J.".into()
}

impl Default for OrderSignature {
    fn default() -> Self {
        OrderSignature { closing: None, above: by_the_court(), below: judge_mark(), date_line: false }
    }
}

/// A certificate of compliance printed after the signature block.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub title: String,
    /// The statement; `{client}` is the party represented ("Respondent Twitter, Inc.": its role and `full` name, or its caption `name`), `{words}`
    /// the word count of the body as typeset, `{limit}` the word limit for this document type,
    /// `{font}` the face the profile sets the brief in (`type.font`),
    /// `{date}` the document's date ("December 7, 2026"), `{served}` whom it was served on ("on
    /// Marcus Kessler, Esquire, …", from the matter's `document.served`; "on all counsel of record"
    /// where the matter names no one).
    pub text: String,
}

fn footer_gap() -> Length {
    Length(8.0)
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutRules {
    /// First-line indent of body paragraphs.
    pub indent: Length,
    /// Left and right indent of block quotations.
    pub quote_indent: Length,
    /// Left indent of headings by level (level 1 first).
    pub heading_indents: Vec<Length>,
    /// Whether headings of each level are set in capitals.
    pub heading_upper: Vec<bool>,
    /// Numbering style of each heading level: `I`, `A`, `1`, `a` or `i`.
    pub heading_numbering: Vec<String>,
    /// Blank numbered lines before a heading of each level (none at the top of a page).
    #[serde(default)]
    pub heading_lines_before: Vec<u32>,
    /// Width reserved for the heading number (hanging indent).
    pub heading_number_width: Length,
    /// Width of the page-number column in the TOC and TOA.
    pub page_column: Length,
    /// Hanging indent of TOA entries.
    pub toa_hanging: Length,
    /// Widow and orphan control: move a paragraph's first or last line to the other page rather
    /// than leave it alone there. Off by default: on pleading paper every numbered line counts,
    /// and a line moved to the next page leaves blank numbered lines mid-paragraph, which look
    /// like missing text and spend the page limit. Profiles without line numbers, whose limits are
    /// in words, may turn it on.
    #[serde(default)]
    pub avoid_widows_and_orphans: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Maximum pages of body text (caption, TOC and TOA not counted), or of the whole document
    /// where `counts: all`.
    #[serde(default)]
    pub pages: Option<u32>,
    /// What the page limit counts: `body` (the default: from the first body page to the end),
    /// `all` (every page of the brief, cover, tables, signature and certificates included, as a
    /// rule "inclusive of all parts" says) or `text` (the body's pages up to the last with its
    /// text, the signature block and certificates excluded).
    #[serde(default)]
    pub counts: PageCount,
    /// Maximum words (counted from the typeset text, with the court's exclusions).
    #[serde(default)]
    pub words: Option<u32>,
}

/// What a page limit counts.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PageCount {
    /// The body: from the first page numbered 1 to the end.
    #[default]
    Body,
    /// Every page of the document.
    All,
    /// The pages that carry the body's text: from the first body page to the last page with any
    /// of it, the signature block and certificates after it not counted (a rule that counts
    /// pages "exclusive of the caption, signature block, any certificate").
    Text,
}

/// A section a court's rules require: `{heading: Statement of Issues to Be Decided, rule: "Civil
/// L.R. 7-4(a)(3)", clause: statement-of-issues}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiredSection {
    /// The heading as the brief prints it (matched without regard to case).
    pub heading: String,
    /// The rule that requires it.
    pub rule: String,
    /// The library clause that writes it.
    #[serde(default)]
    pub clause: Option<String>,
    /// The rule puts the section on a page of its own start ("on the following page"): the
    /// brief breaks the page before it, and `check` reads the typeset pages to confirm it.
    #[serde(default)]
    pub new_page: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The court requires a TOC and TOA when the body is longer than this many pages.
    #[serde(default)]
    pub required_over_pages: Option<u32>,
    /// Whether the brief prints a table of contents and a table of authorities (true unless the
    /// profile says `tables: false`, for a court that does not ask for them and counts every page
    /// against its limit): without them the body follows the caption page. `pleader check` fails a
    /// brief that omits them where `required_over_pages` asks for them.
    #[serde(default = "yes")]
    pub tables: bool,
    /// How the caption page and the tables are numbered: `roman` (the tables i, ii, …; the body
    /// from 1) or `continuous` (one Arabic sequence from the caption page, whose number is not
    /// printed: Cal. Rules of Court, rule 2.109).
    #[serde(default)]
    pub numbering: FrontNumbering,
    /// The body begins on the caption page, under the caption, and every page is numbered from 1
    /// (a court that asks for no tables and numbers every page: D.N.H. LR 5.1(a)). Only with
    /// `tables: false`.
    #[serde(default)]
    pub body_on_caption_page: bool,
    /// With `numbering: continuous`, the caption page prints its number too ("1"), so that every
    /// page is numbered in one sequence (D. Or. LR 10-1(e), as the D. Or. user read it, S25).
    #[serde(default)]
    pub number_caption_page: bool,
}

/// [`Jurisdiction::standard_adopted_by`]: `{authority, pin, parenthetical, force}`.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    pub authority: String,
    #[serde(default)]
    pub pin: String,
    pub parenthetical: String,
    /// What the adopting decision did: `holding` (it decided the case under the test, which then
    /// binds this court and "governs") or `guidance` (it set the test out for trial courts to
    /// follow without deciding the case under it, as Maryland's *Brodie* did after deciding the
    /// appeal on another ground: the brief asks the court to follow that guidance and never says
    /// the test governs). Required: the difference is the one a reply brief would seize on.
    pub force: AdoptionForce,
    /// The adopting court as prose, naming it as the brief should ("the Supreme Court of Maryland
    /// (then named the Court of Appeals)"); without it the brief says "a court whose decisions
    /// bind this one".
    #[serde(default)]
    pub by: Option<String>,
}

/// [`Adoption::force`].
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AdoptionForce {
    Holding,
    Guidance,
}

/// [`Jurisdiction::time_to_compel`]: `{days, rule, subdivision, words, authority, pin, holding}`.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimeToCompel {
    /// Days from the service of the objections.
    pub days: u32,
    /// The rule or statute that sets the time (an authority id), and the subdivision cited.
    pub rule: String,
    #[serde(default)]
    pub subdivision: String,
    /// The rule's own words for the time, quoted: "no later than 60 days after the completion of
    /// the record of the deposition".
    pub words: String,
    /// The decision that counts the time from the objections, its pin, and what it held,
    /// completing "[decision] holds that ___".
    pub authority: String,
    pub pin: String,
    pub holding: String,
}

impl TimeToCompel {
    /// The last day to move to compel, counted from the service of the objections. Calendar days
    /// only: a last day on a weekend or holiday, or service by mail, is the lawyer's to confirm
    /// (`check` warns when the motion came within five days after it).
    pub fn last_day(&self, objections_served: chrono::NaiveDate) -> chrono::NaiveDate {
        objections_served + chrono::Duration::days(self.days.into())
    }
}

/// [`FrontMatter::numbering`].
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FrontNumbering {
    #[default]
    Roman,
    Continuous,
}

impl Default for FrontMatter {
    fn default() -> Self {
        FrontMatter {
            required_over_pages: None,
            tables: true,
            numbering: FrontNumbering::Roman,
            body_on_caption_page: false,
            number_caption_page: false,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToaRules {
    /// Print *passim* for an authority cited on at least this many pages; `null` turns it off.
    #[serde(default = "passim_default")]
    pub passim: Option<u32>,
    /// How "In re" names sort: `ignore` files *In re Ramaekers* under R; `as-written` under I.
    #[serde(default)]
    pub in_re: InRe,
    /// Collapse three or more consecutive pages into a range ("11–15").
    #[serde(default = "yes")]
    pub ranges: bool,
}

impl Default for ToaRules {
    fn default() -> Self {
        ToaRules { passim: passim_default(), in_re: InRe::default(), ranges: true }
    }
}

fn passim_default() -> Option<u32> {
    Some(5)
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum InRe {
    #[default]
    Ignore,
    AsWritten,
}

/// The court profiles among `files` (id and source) that load, sorted by id: for saying where a
/// clause applies. A profile with an error is left out here; building a matter in it reports it.
pub fn profiles(
    files: Vec<(String, &SourceText)>,
    standards: &crate::library::standards::Standards,
) -> Vec<(String, Profile)> {
    let mut out: Vec<(String, Profile)> = files
        .into_iter()
        .filter_map(|(id, src)| {
            Profile::load(src, None).ok().map(|mut p| {
                standards.resolve(&mut p);
                (id, p)
            })
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

impl Profile {
    /// Parses a profile file, applying the matter's per-judge overrides first.
    /// `overrides` are the matter's `overrides:` value and the matter file (for diagnostics).
    pub fn load(source: &SourceText, overrides: Option<(&SourceText, &serde_yaml::Value)>) -> Result<Profile> {
        // Read the profile on its own first, so that errors in it point into the profile file.
        let profile: Profile = yaml::from_str(source)?;
        let profile = match overrides {
            None => profile,
            Some((matter, over)) => {
                let mut value = yaml::parse(source)?;
                yaml::merge(&mut value, over);
                yaml::from_value(matter, value)?
            }
        };
        profile.check(source)?;
        Ok(profile)
    }

    fn check(&self, source: &SourceText) -> Result<()> {
        let levels = self.layout.heading_indents.len();
        let mut problems = vec![];
        if levels == 0 || self.layout.heading_upper.len() != levels || self.layout.heading_numbering.len() != levels {
            problems.push(
                Diagnostic::error(
                    "layout.heading_indents, heading_upper and heading_numbering must list the same number of levels",
                )
                .in_file(source),
            );
        }
        for style in &self.layout.heading_numbering {
            if !matches!(style.as_str(), "I" | "A" | "1" | "a" | "i") {
                problems.push(
                    Diagnostic::error(format!("unknown heading numbering style `{style}`"))
                        .in_file(source)
                        .with_hint("use I (upper roman), A (letters), 1 (arabic), a or i"),
                );
            }
        }
        if self.lines.count == 0 || self.lines.pitch.pt() <= 0.0 {
            problems.push(Diagnostic::error("lines.count and lines.pitch must be positive").in_file(source));
        }
        if self.type_.size.pt() > self.lines.pitch.pt() {
            problems.push(
                Diagnostic::error("type.size is larger than lines.pitch: text cannot stay on the grid").in_file(source),
            );
        }
        // A printed number on the caption page belongs to one sequence from it.
        if self.front_matter.number_caption_page && self.front_matter.numbering != FrontNumbering::Continuous {
            let span = yaml::find_key(source, "front_matter.number_caption_page").unwrap_or(0..0);
            problems.push(
                Diagnostic::error(
                    "`front_matter.number_caption_page` needs `numbering: continuous`: the caption page is page 1 of one sequence",
                )
                .at(source, span)
                .with_hint("add `numbering: continuous` under `front_matter:`, or take `number_caption_page` out"),
            );
        }
        // The body cannot run on from the caption page past the tables.
        if self.front_matter.body_on_caption_page && self.front_matter.tables {
            let span = yaml::find_key(source, "front_matter.body_on_caption_page").unwrap_or(0..0);
            problems.push(
                Diagnostic::error(
                    "`front_matter.body_on_caption_page` needs `tables: false`: the tables follow the caption page",
                )
                .at(source, span)
                .with_hint("add `tables: false` under `front_matter:`, or take `body_on_caption_page` out"),
            );
        }
        // A first-page space the caption does not read would be dropped silently.
        if let Some(top) = self.caption.first_page_top {
            let span = yaml::find_key(source, "caption.first_page_top").unwrap_or(0..0);
            if self.caption.template != "caption-sdny" {
                problems.push(
                    Diagnostic::error(format!(
                        "`caption.first_page_top` is read by the `caption-sdny` template, and this profile's caption is `{}`",
                        self.caption.template
                    ))
                    .at(source, span)
                    .with_hint("a numbered-line caption places the court title by `court_title_line`: move it down there"),
                );
            } else if top.pt() <= self.paper.margin_top.pt() {
                problems.push(
                    Diagnostic::error("`caption.first_page_top` must be below the top margin (`paper.margin_top`)")
                        .at(source, span)
                        .with_hint("it is measured from the top edge of the page: `first_page_top: 3in`"),
                );
            }
        }
        // A placeholder the text does not know would print as written, braces and all.
        const CERTIFICATE: &[&str] = &["client", "words", "limit", "font", "date", "served"];
        let texts: [(&str, Option<&Certificate>, &[&str]); 4] = [
            ("certificate", self.certificate.as_ref(), CERTIFICATE),
            ("service", self.service.as_ref(), CERTIFICATE),
            ("proposed_order", self.proposed_order.as_ref(), &["movant", "client", "year"]),
            ("alternative_order", self.alternative_order.as_ref(), &["movant", "client", "year", "terms"]),
        ];
        for (key, c, known) in texts {
            let Some(c) = c else { continue };
            for name in placeholders(&c.text).filter(|n| !known.contains(n)) {
                let span = yaml::find_key(source, &format!("{key}.text")).unwrap_or(0..0);
                problems.push(
                    Diagnostic::error(format!("`{key}.text` has an unknown placeholder `{{{name}}}`"))
                        .at(source, span)
                        .with_hint(format!(
                            "the placeholders it fills in are: {}",
                            known.iter().map(|k| format!("{{{k}}}")).collect::<Vec<_>>().join(", ")
                        )),
                );
            }
        }
        // A statute is said where the brief says that no binding decision settles the standard:
        // in a state court whose standard is open. Anywhere else no clause would print it, so it
        // is refused rather than dropped.
        let j = &self.jurisdiction;
        if !j.subpoena_reach.is_empty() && j.system != System::State {
            let span = yaml::find_key(source, "jurisdiction.subpoena_reach").unwrap_or(0..0);
            problems.push(
                Diagnostic::error("`jurisdiction.subpoena_reach` is a state court's law, and this profile is a federal court's")
                    .at(source, span)
                    .with_hint("in federal court Rule 45(c) and (d) say where a subpoena may command compliance; the `proper-court` clause argues them"),
            );
        }
        if j.statute.is_some() && (j.system != System::State || j.standard_settled || j.standard_adopted_by.is_some()) {
            let span = yaml::find_key(source, "jurisdiction.statute").unwrap_or(0..0);
            problems.push(
                Diagnostic::error(
                    "`jurisdiction.statute` is said only in a state court whose standard is open, and this profile's \
                     is not",
                )
                .at(source, span)
                .with_hint(
                    "it needs `system: state`, `standard_settled: false` and no `standard_adopted_by`; where a \
                     binding decision settles the standard, say the statute in a paragraph of your own",
                ),
            );
        }
        // The Rules set a federal court's limit (`subpoena-scope` cites them), so a profile's own
        // would print nowhere.
        if j.discovery_limit.is_some() && j.system != System::State {
            let span = yaml::find_key(source, "jurisdiction.discovery_limit").unwrap_or(0..0);
            problems.push(
                Diagnostic::error(
                    "`jurisdiction.discovery_limit` is read only in a state court, and this profile's is federal",
                )
                .at(source, span)
                .with_hint(
                    "a federal brief cites Fed. R. Civ. P. 45(d)(3)(A)(iii) and 45(d)(2)(B)(ii) for the limit: remove it",
                ),
            );
        }
        if let Some(label) = &self.counsel.bar_label {
            for name in placeholders(label).filter(|n| !["state", "bar"].contains(n)) {
                let span = yaml::find_key(source, "counsel.bar_label").unwrap_or(0..0);
                problems.push(
                    Diagnostic::error(format!("`counsel.bar_label` has an unknown placeholder `{{{name}}}`"))
                        .at(source, span)
                        .with_hint("the placeholders it fills in are: {state}, {bar}"),
                );
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The bottom of the text area: the last numbered line's box ends here (footnotes included).
    pub fn text_bottom(&self) -> f64 {
        self.paper.margin_top.pt() + self.lines.count as f64 * self.lines.pitch.pt()
    }

    /// The heading number for a level (1-based) and a position (1-based): "I.", "B.", "3.".
    pub fn heading_number(&self, level: usize, n: usize) -> String {
        let styles = &self.layout.heading_numbering;
        let style = styles.get(level - 1).or(styles.last()).map_or("1", |s| s.as_str());
        let body = match style {
            "I" => roman(n),
            "i" => roman(n).to_lowercase(),
            "A" => letters(n),
            "a" => letters(n).to_lowercase(),
            _ => n.to_string(),
        };
        format!("{body}.")
    }
}

/// The `{name}` placeholders of a certificate's or order's text.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn letters(n: usize) -> String {
    // A … Z, AA … ZZ, as briefs do.
    let letter = (b'A' + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(letter, (n - 1) / 26 + 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(letters(3), "C");
        assert_eq!(letters(27), "AA");
    }

    #[test]
    fn a_placeholder_the_text_does_not_fill_in_is_a_located_error() {
        let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/courts/ed-pa.yaml")).unwrap();
        assert!(Profile::load(&SourceText::new("ed-pa.yaml", base.clone()), None).is_ok());
        let typo = base.replacen("20__, upon consideration", "{yaer}, upon consideration", 1);
        let err = Profile::load(&SourceText::new("ed-pa.yaml", typo), None).unwrap_err();
        assert!(err[0].message.contains("`proposed_order.text` has an unknown placeholder `{yaer}`"), "{err:?}");
        let typo = base.replacen("on {date}, I filed", "on {dated}, I filed", 1);
        let err = Profile::load(&SourceText::new("ed-pa.yaml", typo), None).unwrap_err();
        assert!(err[0].message.contains("`service.text` has an unknown placeholder `{dated}`"), "{err:?}");
        assert_eq!(placeholders("a {b} c {d}e {").collect::<Vec<_>>(), ["b", "d"]);
        let typo = base.replacen("bar_label: \"Attorney I.D. No.\"", "bar_label: \"P{bra}\"", 1);
        let err = Profile::load(&SourceText::new("ed-pa.yaml", typo), None).unwrap_err();
        assert!(err[0].message.contains("`counsel.bar_label` has an unknown placeholder `{bra}`"), "{err:?}");
    }

    #[test]
    fn a_bar_identifier_follows_its_label_or_fills_its_placeholder() {
        let rules = |label: &str| CounselRules { bar_label: Some(label.into()) };
        assert_eq!(rules("State Bar No.").bar_id("", Some("287114")).as_deref(), Some("State Bar No. 287114"));
        assert_eq!(rules("{state} Bar No.").bar_id("Del.", Some(" 4512 ")).as_deref(), Some("Del. Bar No. 4512"));
        assert_eq!(rules("P{bar}").bar_id("", Some("68213")).as_deref(), Some("P68213"));
        assert_eq!(rules("P{bar}").bar_id("", None), None);
        // The caption and signature add the parentheses: a label with its own keeps one pair.
        assert_eq!(rules("({bar})").bar_id("", Some("0091234")).as_deref(), Some("0091234"));
        assert_eq!(rules("(Reg. {bar})").bar_id("", Some("1")).as_deref(), Some("Reg. 1"));
        assert_eq!(CounselRules::default().bar_id("", Some("68213")), None);
        // E.D. Mo.'s form ends in parentheses of its own: after a comma, kept whole.
        let mo = rules(", #{bar}(MO)");
        assert_eq!(mo.bar_id("", Some("48213")).as_deref(), Some("#48213(MO)"));
        assert!(mo.bar_after_comma() && !rules("State Bar No.").bar_after_comma());
    }

    #[test]
    fn a_note_signal_must_be_one_the_citation_syntax_reads() {
        #[derive(serde::Deserialize)]
        struct Notes {
            #[serde(deserialize_with = "super::state_notes")]
            notes: Vec<super::StateNote>,
        }
        let ok: Notes = serde_yaml::from_str("notes: {text: T, authority: a, signal: see generally}").unwrap();
        assert_eq!(ok.notes[0].signal.as_deref(), Some("see generally"));
        let err = serde_yaml::from_str::<Notes>("notes: [{text: T, authority: a, signal: sea}]").err().unwrap();
        assert!(err.to_string().contains("`signal: sea` is not a citation signal"), "{err}");
    }
}
