//! Unmasking standards as data (`clauses/_standards.yaml`): each test a court may apply before it
//! orders an anonymous speaker unmasked, the decision that announced it, the court that decided
//! it, where that decision binds, and the steps the test asks for. A court profile names one of
//! these ids as the standard its brief argues; whether the brief may say the standard "governs" or
//! "binds" follows from this data and the profile, never from the clause.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{did_you_mean, Diagnostic, Result, SourceText};
use crate::library::court::{AdoptionForce, Profile, System};
use crate::yaml;

/// Where a standard's announcing decision binds.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binds {
    /// A state whose courts it binds (a state appellate or supreme court's test): `California`.
    #[serde(default)]
    pub state: Option<String>,
    /// A court of appeals whose circuit it binds: `2d Cir.` (the courts whose profile lists it
    /// among their `circuit_courts`).
    #[serde(default)]
    pub circuit: Option<String>,
}

/// One step of a test, as the brief states it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Completes "the party seeking disclosure must ___".
    pub text: String,
    /// The same words for a matter with one speaker (`accounts: 1`), where `text` speaks of
    /// speakers in the plural ("notify the anonymous speaker").
    #[serde(default)]
    pub one: Option<String>,
    /// Where the announcing decision states it.
    pub pin: String,
    /// Whether the step asks for evidence (as opposed to notice, a pleading or a balance).
    #[serde(default)]
    pub evidence: bool,
    /// Whether the step asks the party seeking disclosure to identify the statements each speaker
    /// made (Dendrite's second step): the notice section argues it beside notice.
    #[serde(default)]
    pub statements: bool,
    /// Whether the step is notice to the speakers: the notice section states it. A stepwise
    /// standard has exactly one.
    #[serde(default)]
    pub notice: bool,
    /// Whether the step asks for a prima facie claim on the pleadings before the evidence step
    /// (Dendrite's third; Solers's first): the evidence section says where it stands.
    #[serde(default)]
    pub pleading: bool,
    /// A step no section of the library argues (Pennsylvania's affidavit of good faith and need,
    /// in a project's own Pilchesky): the lawyer argues it in a paragraph of their own. A project
    /// standard's step before the last that is neither notice, the statements, a pleading nor
    /// evidence must say so, or the standard is refused (the Philadelphia user: the legal
    /// standard stated the step and nothing argued it).
    #[serde(default)]
    pub own: bool,
    /// For the evidence step: what the section arguing it says the movant's evidence fails to do,
    /// in the test's own terms; absent, the section says the evidence "does not establish the
    /// facts essential to" the claims.
    #[serde(default)]
    pub heading: Option<StepHeading>,
    /// What the announcing decision itself shows of the step's weight, as a sentence (emphasis
    /// markup allowed) the section arguing the step prints after stating it, with its own pin
    /// ("The step is no formality: in _Mobilisa_ itself …", at 106).
    #[serde(default)]
    pub note: Option<super::PinnedSentence>,
}

/// A decision that applied a standard, with the pin and the parenthetical the brief cites it with.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Followed {
    pub authority: String,
    pub pin: String,
    pub parenthetical: String,
}

/// A heading's words in both of the forms headings take.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct StepHeading {
    /// Completes "<Movant>'s evidence ___" in a sentence ("could not defeat a motion for summary
    /// judgment").
    pub text: String,
    /// The same in title case, for a heading in title case ("Could Not Defeat a Motion for
    /// Summary Judgment").
    pub title: String,
}

impl Step {
    /// The step's words for a matter with one speaker (`one`, where it has them) or several.
    pub fn words(&self, one: bool) -> &str {
        match (&self.one, one) {
            (Some(singular), true) => singular,
            _ => &self.text,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// The test's name as prose, with emphasis markup: "the _Dendrite_ test".
    pub name: String,
    /// The same in title case, for headings: "the _Dendrite_ Test".
    pub title: String,
    /// The bank id of the decision that announced it.
    pub authority: String,
    /// Where that decision states the test as a whole.
    pub pin: String,
    /// The court that announced it, as its citation parenthetical abbreviates it ("N.D. Cal.",
    /// "2d Cir.", "N.J. Super. Ct. App. Div.").
    pub court: String,
    /// Where that decision binds; empty for a trial court's decision, which binds no one.
    #[serde(default)]
    pub binds: Binds,
    /// Whether the test asks for evidence on the elements of the claim (not a pleading).
    pub evidence: bool,
    /// Whether the announcing decision excuses evidence, before the speaker is known, of what
    /// turns on the speaker's identity (fault, intent).
    #[serde(default)]
    pub identity_excused: bool,
    /// The request the announcing decision decided, completing "governs ___" where the test binds
    /// ("a defamation plaintiff’s request to identify an anonymous defendant"): the brief says
    /// the test governs no more than that. Absent: the brief speaks of "a request to unmask an
    /// anonymous speaker".
    #[serde(default)]
    pub request: Option<String>,
    /// Whether the brief states the test as its numbered steps and argues it step by step (the
    /// threshold steps in `notice-and-statements`, the rest under `standard-fails`), as for
    /// *Dendrite*, *Cahill* and *Mobilisa*; the tests without it (*Highfields*, *Arista*,
    /// *Krinsky*) have framings of their own in the clauses.
    #[serde(default)]
    pub stepwise: bool,
    /// A later decision of a court the standard binds that applied it as controlling, cited beside
    /// the announcing decision where the brief says the standard governs (*Doe v. Mahoney* for
    /// *Mobilisa*). Its `parenthetical` may use emphasis markup ("_Mobilisa_").
    #[serde(default)]
    pub followed: Option<Followed>,
    /// Where the announcing decision holds that a showing able to survive a motion to dismiss is
    /// not enough (*Dendrite* at 771): the legal standard cites it for "The showing is one of
    /// evidence, not pleading". Absent, the evidence step's own pin.
    #[serde(default)]
    pub not_pleading_pin: Option<String>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// Why a court with no settled standard should adopt this one, as sentences the brief prints
    /// after asking it to: reasons drawn from the test's own steps, never a claim about how many
    /// courts follow it.
    #[serde(default)]
    pub why: Option<String>,
    /// `why` for a brief about one speaker, where its wording is plural ("that the speaker be
    /// told"); without it, `why` serves both.
    #[serde(default)]
    pub why_one: Option<String>,
    /// What was checked and where; never printed.
    #[serde(default)]
    pub notes: Option<String>,
    /// How the announcing decision itself came out on a kind of proof, in its own words:
    /// `{proof, text, quote, pin}` (Dendrite affirmed the denial for want of harm). The evidence
    /// step says it where the movant's evidence fails on one of those kinds.
    #[serde(default)]
    pub held: Option<Held>,
    /// A project's own standard (`clauses/_standards-<name>.yaml`): the library's stepwise
    /// standard whose clauses argue it (`dendrite`, `cahill`, `mobilisa`), each reading this
    /// standard's own steps, pins and authority. A clause written for that standard applies to
    /// this one; the library's own standards have none.
    #[serde(default)]
    pub like: Option<String>,
    /// A project's own standard that names no `like:`: no library clause argues it, and the
    /// clauses that describe the court's standard (the introduction, the legal standard) refuse
    /// it, so that the matter's own paragraphs say what it asks. Set when the file is read.
    #[serde(skip)]
    pub paragraphs_only: bool,
}

/// The announcing decision's own disposition on a kind of proof.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Held {
    /// The kinds of proof it turned on (`clauses/_proof.yaml`).
    pub proof: Vec<String>,
    /// Completes "<Standard> itself turned on that failure: ___" in the brief's words, before the
    /// quotation ("the Appellate Division affirmed the denial of discovery because the plaintiff").
    pub text: String,
    /// The decision's own words, quoted after `text`.
    pub quote: String,
    /// The pin, or "" where the words were seen without a page marker (cited to the whole
    /// decision, and listed by `check`).
    #[serde(default)]
    pub pin: String,
    /// The claim type the decision spoke of ("harm … as an element of its defamation claim"):
    /// the brief quotes it only where an argued claim of that type calls for the proof.
    pub claim: String,
}

impl Standard {
    /// Whether the announcing decision binds a court of this profile: a state test in that state's
    /// own courts, a circuit's test in that circuit's courts. A district court's test binds no one.
    pub fn binds(&self, profile: &Profile) -> bool {
        let j = &profile.jurisdiction;
        let by_state = self.binds.state.as_deref().is_some_and(|s| j.system == System::State && s == j.state);
        let by_circuit = self
            .binds
            .circuit
            .as_deref()
            .is_some_and(|c| j.system == System::Federal && j.circuit_courts.iter().any(|x| x == c));
        // A binding court of this one adopted it as its holding (the profile's
        // `standard_adopted_by`); guidance given without deciding the case binds no one.
        let adopted = j.standard_adopted_by.as_ref().is_some_and(|a| a.force == AdoptionForce::Holding);
        by_state || by_circuit || adopted
    }
}

/// Every standard of the library, by id.
#[derive(Clone, Debug, Default)]
pub struct Standards {
    pub map: IndexMap<String, Standard>,
    pub source: Option<SourceText>,
}

/// The file that holds them.
pub const FILE: &str = "clauses/_standards.yaml";

impl Standards {
    /// The library's standards (`clauses/_standards.yaml`) and a project's own
    /// (`clauses/_standards-<name>.yaml`), `files` being the clause folder's YAML files by stem.
    /// A project's standard names, in `like`, the library's stepwise standard whose clauses argue
    /// it; a library standard names none.
    pub fn load_all(files: &[(String, &SourceText)]) -> Result<Standards> {
        let loaded = super::load_kinds_from::<Standard>(files, "_standards", "unmasking standard")?;
        let main = files.iter().find(|(id, _)| id == "_standards").map(|(_, s)| (*s).clone());
        // The library's stepwise standards, which a project's own may be like.
        let stepwise: Vec<&str> = loaded
            .iter()
            .filter(|(_, (s, (file, _)))| s.stepwise && file == "_standards")
            .map(|(k, _)| k.as_str())
            .collect();
        let mut problems = vec![];
        for (key, (std, (file, src))) in &loaded {
            let span = || yaml::find_key(src, key).unwrap_or(0..0);
            let own = file != "_standards";
            let problem = match (own, std.like.as_deref()) {
                (false, Some(_)) => Some((
                    format!("the library's standard `{key}` names a `like:`"),
                    "only a project's own standard is argued like another".to_string(),
                )),
                // A standard none of the library's argues (a pleading test, Illinois's under
                // Hadley) names no `like:` and is not stepwise: the matter's own paragraphs argue
                // it, and the library's clauses written for a standard do not fit it.
                (true, None) if std.stepwise => Some((
                    format!("`{key}` in clauses/{file}.yaml is stepwise and names no `like:`"),
                    format!(
                        "name the library's standard whose clauses argue it: `like: {}` (one of: {}); or, for a test none of them argues, write `stepwise: false` and argue it in paragraphs of your own",
                        stepwise.first().copied().unwrap_or("dendrite"),
                        stepwise.join(", ")
                    ),
                )),
                (true, Some(like)) if !stepwise.contains(&like) => Some((
                    format!("`{key}` is `like: {like}`, which is not one of the library's stepwise standards"),
                    format!("the standards a project's own may be like: {}", stepwise.join(", ")),
                )),
                (true, Some(_)) if !std.stepwise => Some((
                    format!("`{key}` is argued step by step like its `like:`, and says `stepwise: false`"),
                    "write `stepwise: true`, with its steps, one of them notice to the speakers".to_string(),
                )),
                _ => None,
            };
            if let Some((message, hint)) = problem {
                problems.push(Diagnostic::error(message).at(src, span()).with_hint(hint));
            }
            // Every standard says what it asks: a sentence that states its steps never runs empty.
            if std.steps.is_empty() {
                problems.push(
                    Diagnostic::error(format!("the standard `{key}` in clauses/{file}.yaml has no steps"))
                        .at(src, span())
                        .with_hint("list what it asks of the party seeking disclosure: `steps: [{text: …, pin: …}]`, each `text` completing \"the party seeking disclosure must ___\""),
                );
            }
            // A project's stepwise standard: every step but the last (the balance) is one a
            // library section argues, or the lawyer's own (`own: true`).
            if own && std.stepwise {
                let last = std.steps.len().saturating_sub(1);
                for (i, st) in std.steps.iter().enumerate().take(last) {
                    if !(st.notice || st.statements || st.pleading || st.evidence || st.own) {
                        problems.push(
                            Diagnostic::error(format!(
                                "step {} of `{key}` in clauses/{file}.yaml (“{}”) is one no section of the library argues",
                                i + 1,
                                st.text
                            ))
                            .at(src, span())
                            .with_hint("mark it `own: true` and argue it in a paragraph of your own under the standard's sections (the legal standard states it; nothing else will); or mark what it is: `notice`, `statements`, `pleading` or `evidence`"),
                        );
                    }
                }
            }
            // A stepwise standard states its notice step: exactly one step says `notice: true`.
            let n = std.steps.iter().filter(|st| st.notice).count();
            if std.stepwise && n != 1 {
                problems.push(
                    Diagnostic::error(format!(
                        "the stepwise standard `{key}` in clauses/{file}.yaml has {n} steps marked `notice: true`; it needs exactly one"
                    ))
                    .at(src, span())
                    .with_hint("mark the step that asks for notice to the speakers `notice: true` (the notice section states it, wherever it stands in the test)"),
                );
            }
        }
        if problems.is_empty() {
            let map = loaded
                .into_iter()
                .map(|(k, (mut v, (file, _)))| {
                    v.paragraphs_only = file != "_standards" && v.like.is_none();
                    (k, v)
                })
                .collect();
            Ok(Standards { map, source: main })
        } else {
            Err(problems)
        }
    }

    /// Records on a profile's jurisdiction the library standard whose clauses argue its standard
    /// (its `like`, for a project's own), for matching clauses to the court.
    pub fn resolve(&self, profile: &mut Profile) {
        let standard = self.get(&profile.jurisdiction.standard);
        profile.jurisdiction.standard_like = standard.and_then(|s| s.like.clone());
        profile.jurisdiction.standard_paragraphs_only = standard.is_some_and(|s| s.paragraphs_only);
    }

    pub fn get(&self, id: &str) -> Option<&Standard> {
        self.map.get(id)
    }

    /// Checks a court profile's `standard:` against the library: it must be a standard of this
    /// file, a state's own test must not be given to a state court of another state, and a profile
    /// may not call a standard settled that its own courts have not adopted when the standard binds
    /// nowhere else (a profile's `standard_settled` is the maintainer's word for the first).
    pub fn check_profile(&self, profile: &Profile, src: &SourceText) -> Result<()> {
        let j = &profile.jurisdiction;
        let at = |needle: &str| -> std::ops::Range<usize> {
            yaml::find_key(src, "jurisdiction.standard")
                .map(|r| {
                    let line_end = src.text[r.end..].find('\n').map_or(src.text.len(), |e| r.end + e);
                    r.start..line_end
                })
                .or_else(|| src.text.find(needle).map(|i| i..i + needle.len()))
                .unwrap_or(0..0)
        };
        let Some(std) = self.get(&j.standard) else {
            let ids: Vec<&str> = self.map.keys().map(|s| s.as_str()).collect();
            let hint = match did_you_mean(&j.standard, ids.iter().copied()) {
                Some(g) => format!("{g} (the standards are: {})", ids.join(", ")),
                None => format!("the standards are: {} (add one to {FILE})", ids.join(", ")),
            };
            return Err(Diagnostic::error(format!("unknown unmasking standard `{}`", j.standard))
                .at(src, at(&j.standard))
                .with_hint(hint)
                .into());
        };
        // Another state's standard cannot be this state court's settled law; a state court whose
        // own courts have settled nothing may be asked to adopt it (`standard_settled: false`).
        if j.system == System::State && j.standard_settled && j.standard_adopted_by.is_none() {
            if let Some(state) = std.binds.state.as_deref() {
                if state != j.state {
                    return Err(Diagnostic::error(format!(
                        "`{}` is {state}'s unmasking standard, and this court is a state court of {} that the profile says has settled its standard",
                        j.standard, j.state
                    ))
                    .at(src, at(&j.standard))
                    .with_hint(format!(
                        "use the standard {}'s courts apply, or add it to {FILE} with the decision that announced it; where a court that binds this one adopted it, name that decision in `standard_adopted_by: {{authority, pin, parenthetical}}`; if {}'s courts have settled none, write `standard_settled: false` and the brief asks the court to adopt this one",
                        j.state, j.state
                    ))
                    .into());
                }
            }
        }
        Ok(())
    }
}
