//! Claim types as data: one file per claim type in `claims/` (`claims/defamation.yaml`), which
//! lawyers maintain without Rust. Each names the claim, says whether liability turns on what the
//! speaker said (so that the opinion and falsity arguments apply), and gives, per governing law,
//! the authority that states the elements, its pin, optionally the verbatim statement of the
//! elements, and the elements themselves, each with the kinds of proof it calls for.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::yaml;

/// The file that holds the kinds of proof an element may call for (`clauses/_proof.yaml`).
pub const PROOF_FILE: &str = "clauses/_proof.yaml";

/// One kind of proof, with the phrases the clauses print for it.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProofKind {
    /// The element as a noun ("falsity").
    pub name: String,
    /// What a matter means by it, for the fact schema's `proof-kind` values (`pleader facts`,
    /// the scaffold's comments, the error listing the kinds). A project file written before this
    /// field existed leaves it out: `name` stands in.
    #[serde(default)]
    pub means: String,
    /// The element as a noun where several argued claims call for it and do not name it alike
    /// (`proof_names`): "the conduct each claim requires" where `name` says "the claim".
    #[serde(default)]
    pub name_many: Option<String>,
    /// Completes "no competent evidence ___".
    pub showing: String,
    /// A run-in heading.
    pub title: String,
    /// Whether it turns on who the speaker is (state of mind, knowledge): evidence of it is not
    /// demanded before the speaker is known.
    #[serde(default)]
    pub depends_on_identity: bool,
}

/// The kinds of proof, by id, in the file's order.
pub type ProofKinds = IndexMap<String, ProofKind>;

/// Reads `clauses/_proof.yaml` and then any `clauses/_proof-<name>.yaml` a project adds, whose
/// kinds join the library's (a claim whose element fits none of them: "a trade secret"); a kind
/// given twice is an error at its second definition. `files` are the `clauses/*.yaml` files by
/// stem, in name order.
pub fn load_proof_files(files: &[(String, &SourceText)]) -> Result<ProofKinds> {
    super::load_kinds(files, "_proof", "kind of proof")
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimType {
    /// Completes "a claim for ___" / "the ___ claim": `defamation`.
    pub name: String,
    /// As a run-in heading: `Defamation`.
    pub title: String,
    /// Whether liability turns on what the speaker said.
    pub content_based: bool,
    /// A constitutional rule that limits the claim for a public figure or public official in
    /// every state (Hustler's rule for emotional-distress claims), argued where the movant is one.
    #[serde(default)]
    pub public_figure: Option<PublicFigureRule>,
    /// Whether only a natural person (a human being, not a company) can bring the claim under
    /// every law the file gives: a matter whose movant is a company (`pronoun: it`) and lists the
    /// claim is an error at the claim's line.
    #[serde(default)]
    pub natural_persons_only: bool,
    /// Why, in one line completing "a company cannot bring it: ___" (required with
    /// `natural_persons_only: true`; printed in the error's hint).
    #[serde(default)]
    pub natural_persons_reason: Option<String>,
    /// What this claim calls a kind of proof where the library's general name does not fit it
    /// (`relationship: the contract the claim requires` for interference with a contract, whose
    /// element is a contract, not a business relationship). Used where every argued claim that
    /// calls for the kind names it the same way.
    #[serde(default)]
    pub proof_names: BTreeMap<String, String>,
    /// The governing-law variants, keyed by jurisdiction id (`new-york`, `federal`).
    pub laws: IndexMap<String, Law>,
}

/// A rule of constitutional law that binds every court for a claim brought by a public figure.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PublicFigureRule {
    /// The bank id of the decision that states it.
    pub authority: String,
    /// Where it states it.
    pub pin: String,
    /// Its words, completing "Public figures “___”", as checked (see the bank entry's record).
    pub quote: String,
    /// What the rule adds to the claim for a public-figure plaintiff, as kinds of proof: those
    /// shown with evidence (`proof: [falsity, fault]`: a false statement made with actual malice)
    /// and those that are qualities of the statement (`statement_proof: [fact]`: a statement of
    /// fact). With them a claim with no such element of its own (emotional distress) is argued
    /// on them, the opinion argument and the actual malice included, where the movant is one.
    #[serde(default)]
    pub proof: Vec<String>,
    #[serde(default)]
    pub statement_proof: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Completes "Under ___ law": `New York`.
    pub jurisdiction: String,
    /// The bank id of the authority that states the elements.
    pub authority: String,
    /// Where it states them; empty or left out where no page was read (the decision is then
    /// cited whole, and `check` fails it as cited without a pin).
    #[serde(default)]
    pub pin: String,
    /// The authority's own statement of the elements, verbatim, when it was checked.
    #[serde(default)]
    pub quote: Option<String>,
    /// The parenthetical the quotation needs ("internal quotation marks omitted", "quoting …"),
    /// when the authority itself quotes its statement of the elements.
    #[serde(default)]
    pub quote_parenthetical: Option<String>,
    pub elements: Vec<Element>,
    /// This state's own authority for telling fact from opinion (required for a claim whose
    /// liability turns on what the speaker said: the brief never borrows another state's).
    #[serde(default)]
    pub fact_opinion: Option<FactOpinion>,
    /// The fault a private-figure plaintiff must show under this law, with its authority.
    #[serde(default)]
    pub fault: Option<Fault>,
    /// Whether the statute that states the elements is the source of the claim, so that the
    /// brief names it where it lists the claims pleaded ("a claim for unfair competition, Cal.
    /// Bus. & Prof. Code § 17200"). `false` for a statute that only allocates the burden of proof
    /// of a common-law claim (Pennsylvania's 42 Pa. Cons. Stat. § 8343 for defamation).
    #[serde(default = "creates_claim")]
    pub statute_creates_claim: bool,
    /// The verb phrase that introduces the elements after "Under <state> law, <claim>", where the
    /// authority frames them otherwise than as what the claim "requires" (Pennsylvania's statute
    /// puts them on the plaintiff "when the issue is properly raised").
    #[serde(default)]
    pub requires: Option<String>,
    /// Where the state's highest court has not itself decided that the state recognizes the claim
    /// (Michigan's intentional infliction of emotional distress): what its decision does say,
    /// printed before the elements, which the brief then calls that decision's requirements
    /// instead of saying what "<state> law requires".
    #[serde(default)]
    pub unsettled: Option<super::PinnedSentence>,
    /// What a statement outside the law's per se categories needs before it supports the claim,
    /// as a whole sentence with its authority (Michigan: special harm caused by its publication);
    /// the brief says it where a statement's `not_per_se` says the label does not fit.
    #[serde(default)]
    pub per_quod: Option<Otherwise>,
    /// What was checked and where; never printed.
    #[serde(default)]
    pub notes: Option<String>,
}

fn creates_claim() -> bool {
    true
}

/// A state's own fact/opinion authority: `{authority, pin, parenthetical}`.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactOpinion {
    pub authority: String,
    /// Empty when no pin was verified: the brief then cites the whole decision, introduced by
    /// *see generally* (a pin is what a narrower signal needs), and `check` lists the open pin.
    #[serde(default)]
    pub pin: String,
    /// What the decision holds, as an explanatory parenthetical ("holding that …").
    pub parenthetical: String,
    /// The signal before the citation: `see` (the default) where the decision supports the
    /// argument directly (*see generally* where it has no pin), `cf.` where only by analogy (its
    /// holding is about other words, or what was seen of it is an affirmance of a lower court's
    /// ruling).
    #[serde(default)]
    pub signal: OpinionSignal,
    /// The decision applies the First Amendment's test, not a rule of the state's own law: the
    /// brief says "Under the First Amendment, as Oregon's courts apply it," instead of "Under
    /// Oregon law," (the D. Or. user, S25).
    #[serde(default)]
    pub constitutional: bool,
}

/// The signal a fact/opinion authority takes (Bluebook 1.2(a)): `see` or `cf.`.
#[derive(Clone, Copy, Debug, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
pub enum OpinionSignal {
    #[default]
    #[serde(rename = "see")]
    See,
    #[serde(rename = "cf.")]
    Cf,
}

/// One factor of a state's fact/opinion test (a bank entry's `factors:`): `{aspect, text}`, where `text` is the factor as a
/// noun phrase ("the audience to whom it was published") and `aspect` names what in the matter
/// the brief argues it from.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub aspect: Aspect,
    pub text: String,
}

/// What a fact/opinion factor is argued from. `wording`: each opinion statement's `wording`
/// (why its words are loose, figurative or hyperbolic); `verifiable`: that a statement argued as
/// opinion cannot be proved true or false (nothing more to state); `setting`: the platform and
/// `forum.setting`; `audience`: `forum.audience`; `basis`: each opinion statement's `basis` (the
/// facts it discloses).
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Aspect {
    Wording,
    Verifiable,
    Setting,
    Audience,
    Basis,
}

impl Aspect {
    pub fn name(self) -> &'static str {
        match self {
            Aspect::Wording => "wording",
            Aspect::Verifiable => "verifiable",
            Aspect::Setting => "setting",
            Aspect::Audience => "audience",
            Aspect::Basis => "basis",
        }
    }
}

/// The fault a private-figure plaintiff must show: `{private, authority, pin}`.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// Completes "a private plaintiff must show ___".
    pub private: String,
    pub authority: String,
    #[serde(default)]
    pub pin: String,
    /// Where the law asks more of a private plaintiff when the speech involves the public
    /// interest (New Jersey: actual malice), what it asks, completing "That calls for ___". The
    /// same authority and pin support it.
    #[serde(default)]
    pub public_interest: Option<String>,
}

/// How an element is shown: by evidence, or as a quality of the statement itself, judged by
/// reading it in context.
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ShownBy {
    Evidence,
    Statement,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Completes "evidence of ___".
    pub text: String,
    /// The kinds of proof it calls for (see `clauses/_proof.yaml`).
    pub proof: Vec<String>,
    /// Whether the plaintiff proves it with evidence or it is a quality of the statement.
    pub shown_by: ShownBy,
    /// The authority for this element where it is not the law's own (`authority:` of the law):
    /// an element the Constitution adds to a state's statutory list, say. The brief cites it for
    /// this element alone.
    #[serde(default)]
    pub authority: Option<String>,
    /// Its pin, with `authority`.
    #[serde(default)]
    pub pin: Option<String>,
    /// With `authority`: the element is the Constitution's, not the governing state's
    /// (*Milkovich*'s provable facts, *Gertz*'s fault, *Hepps*'s falsity), so the brief says "The
    /// First Amendment also requires …" rather than attributing it to the state's law.
    #[serde(default)]
    pub constitutional: bool,
    /// A condition under which alone the plaintiff must prove it: `public-concern` (the falsity a
    /// plaintiff must prove under Philadelphia Newspapers v. Hepps where the speech is of public
    /// concern, in a state whose statute puts the truth on the defendant). The element is argued
    /// only where the matter states the condition (`facts.public_concern`); otherwise the brief
    /// leaves it out rather than claim a burden the governing law does not place.
    #[serde(default)]
    pub when: Option<Condition>,
    /// With `when`: the rule where the condition does not hold, which the brief states beside the
    /// argument that it does (Pennsylvania: the defendant proves the truth, § 8343(b)).
    #[serde(default)]
    pub otherwise: Option<Otherwise>,
    /// With `authority`: the pin where that decision left open whether its rule reaches other
    /// cases (Hepps reserved the speaker who is not a media defendant), said candidly where the
    /// brief relies on the rule beyond its facts.
    #[serde(default)]
    pub open_pin: Option<String>,
    /// What the governing law's courts hold about this element beyond the words of the authority
    /// that lists it, stated right after the elements with its own authority: `{text, authority,
    /// pin}`, `text` a whole sentence (Pennsylvania: § 8343(a) lists "special harm", but for a
    /// libel its courts require proof of actual harm instead, Agriss).
    #[serde(default)]
    pub note: Option<Otherwise>,
    /// The plaintiff need not prove it for a statement defamatory per se (the damages of a
    /// defamation claim in most states): the evidence step then says that the per se label
    /// excuses this element and no other, and nothing another argued claim requires.
    #[serde(default)]
    pub excused_per_se: bool,
    /// The element requires that the statement be about the plaintiff ("a statement of fact
    /// concerning the plaintiff"): where a statement says it is `about:` someone else (the
    /// plaintiff company's chief executive), the evidence step says so and cites this element
    /// (the N.D. Ga. and D.C. users).
    #[serde(default)]
    pub concerning: bool,
    /// What the element is where the plaintiff is a public official (`facts.movant.public_official`):
    /// `{text, authority, pin}`, the element as the Constitution states it for such a plaintiff,
    /// in place of `text` (and of `when`, `otherwise` and `open_pin`, which speak of a private
    /// figure or a media defendant). Pennsylvania's falsity and fault (the Philadelphia user: the
    /// brief gave a school-board member suing commenters *Hepps*'s media-defendant reservation
    /// and *Gertz*'s private-figure rule).
    #[serde(default)]
    pub public_official: Option<Otherwise>,
}

/// A rule stated with its authority: `{text, authority, pin}`. As an element's `otherwise:` (the
/// governing law's own rule, which the condition's rule displaces where it holds), `text`
/// completes "Apart from that constitutional rule, <state> law provides that ___"; as its
/// `note:`, `text` is a sentence.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Otherwise {
    pub text: String,
    pub authority: String,
    /// A pin ("776") or, for a statute, its subdivision ("(b)").
    #[serde(default)]
    pub pin: Option<String>,
}

/// What an element's `when:` may name.
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    /// The matter says why the statements are of public concern (`facts.public_concern.why`).
    PublicConcern,
}

impl Element {
    /// Whether the plaintiff must prove this element in a matter with these facts.
    pub fn applies(&self, facts: &serde_json::Value) -> bool {
        if self.public_official.is_some() && official(facts) {
            return true;
        }
        match self.when {
            None => true,
            Some(Condition::PublicConcern) => facts.pointer("/public_concern/why").is_some_and(|v| v.is_string()),
        }
    }
}

/// Whether the matter's plaintiff is a public official (`facts.movant.public_official`).
pub fn official(facts: &serde_json::Value) -> bool {
    facts.pointer("/movant/public_official").and_then(|v| v.as_bool()).unwrap_or(false)
}

/// A project file that adds governing laws to a claim type of the library without copying it:
/// `extends: defamation` and `laws:` (each law in the claim file's own format). A law the
/// library's file already has is replaced only where `replaces:` names it (the E.D. Mo. user,
/// who had read other authority for Illinois's elements and could swap it in only by ejecting the
/// whole file, which then no longer receives the library's fixes).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Extension {
    extends: String,
    #[serde(default)]
    replaces: Vec<String>,
    laws: IndexMap<String, Law>,
}

/// Checks one governing law of a claim type: its elements call for known kinds of proof, and a
/// content-based claim has the state's own fact/opinion authority.
fn check_law(
    id: &str,
    c: &ClaimType,
    law: &str,
    l: &Law,
    src: &SourceText,
    kinds: &ProofKinds,
    problems: &mut Vec<Diagnostic>,
) {
    for (i, e) in l.elements.iter().enumerate() {
        for p in &e.proof {
            if !kinds.contains_key(p.as_str()) {
                let span = yaml::find_key(src, &format!("laws.{law}.elements")).unwrap_or(0..0);
                problems.push(
                    Diagnostic::error(format!(
                        "element {} of `{id}` under `{law}` calls for an unknown kind of proof `{p}`",
                        i + 1
                    ))
                    .at(src, span)
                    .with_hint(format!(
                        "the kinds are: {} ({PROOF_FILE}; a project adds its own in clauses/_proof-<name>.yaml, in the same form)",
                        kinds.keys().cloned().collect::<Vec<_>>().join(", ")
                    )),
                );
            }
        }
    }
    // An element whose own words excuse it for a statement defamatory per se ("damages, unless the
    // statement is defamatory per se") must carry the flag that makes the brief say so: without
    // it the evidence step argues that the element fails for want of proof (audit S25, Oregon).
    for (i, e) in l.elements.iter().enumerate() {
        let text = e.text.to_lowercase();
        let excuses = ["unless", "except"]
            .iter()
            .filter_map(|w| text.find(w))
            .min()
            .is_some_and(|at| text[at..].contains("per se"));
        if excuses && !e.excused_per_se {
            let elements = format!("laws.{law}.elements");
            let span = yaml::find_key(src, &(elements.clone() + "[" + &i.to_string() + "].text"))
                .or_else(|| yaml::find_key(src, &elements))
                .unwrap_or(0..0);
            problems.push(
                Diagnostic::error(format!(
                    "element {} of `{id}` under `{law}` says it is excused for a statement defamatory per se, but is not marked `excused_per_se: true`",
                    i + 1
                ))
                .at(src, span)
                .with_hint("add `excused_per_se: true` to the element, so that the brief argues it only where the statement falls outside the per se categories (a statement's `not_per_se` says why); or reword the element if the governing law excuses nothing"),
            );
        }
    }
    if c.content_based && l.fact_opinion.is_none() {
        let span = yaml::find_key(src, &format!("laws.{law}")).unwrap_or(0..0);
        problems.push(
            Diagnostic::error(format!(
                "`{id}` under `{law}` has no `fact_opinion` authority, and liability for {} turns on what the speaker said",
                c.name
            ))
            .at(src, span)
            .with_hint(format!(
                "add `fact_opinion:` with the `authority`, `pin` and `parenthetical` of {}'s own decision on telling fact from opinion; the brief never borrows another state's",
                l.jurisdiction
            )),
        );
    }
}

/// A claim only natural persons can bring says why, and a reason is given only with the flag.
fn check_persons(id: &str, c: &ClaimType, src: &SourceText, problems: &mut Vec<Diagnostic>) {
    let reason = c.natural_persons_reason.as_deref().map(str::trim);
    match (c.natural_persons_only, reason) {
        (true, None | Some("")) => problems.push(
            Diagnostic::error(format!("`{id}` is marked `natural_persons_only` without a `natural_persons_reason`"))
                .at(src, yaml::find_key(src, "natural_persons_only").unwrap_or(0..0))
                .with_hint(
                    "add `natural_persons_reason:`, one line completing \"a company cannot bring it: ___\" (the error a matter gets prints it)",
                ),
        ),
        (false, Some(_)) => problems.push(
            Diagnostic::error(format!("`{id}` gives a `natural_persons_reason` but is not marked `natural_persons_only`"))
                .at(src, yaml::find_key(src, "natural_persons_reason").unwrap_or(0..0))
                .with_hint("add `natural_persons_only: true`, or remove the reason"),
        ),
        _ => {}
    }
}

/// Every claim type of the library, by id, with the file each came from.
#[derive(Clone, Debug, Default)]
pub struct Claims {
    pub types: BTreeMap<String, (ClaimType, SourceText)>,
}

impl Claims {
    /// Reads `claims/*.yaml`.
    pub fn load(files: Vec<(String, &SourceText)>, kinds: &ProofKinds) -> Result<Claims> {
        let mut claims = Claims::default();
        let mut problems = vec![];
        // A file that `extends:` a claim type adds laws to it; the others define claim types.
        let mut extensions = vec![];
        for (id, src) in files {
            // Only a text that spells `extends` can have that key — or one with a backslash, whose
            // escape in a double-quoted key could spell it — so the others skip the tree.
            let may_extend = src.text.contains("extends") || src.text.contains('\\');
            let is_extension = may_extend && yaml::tree::parse(&src.text).is_some_and(|n| n.get("extends").is_some());
            if is_extension {
                match yaml::from_str::<Extension>(src) {
                    Ok(e) => extensions.push((id, e, src)),
                    Err(mut d) => problems.append(&mut d),
                }
                continue;
            }
            match yaml::from_str::<ClaimType>(src) {
                Ok(c) => {
                    check_persons(&id, &c, src, &mut problems);
                    // A kind of proof the file names that the library and the project do not have.
                    let unknown = |key: String, what: String| {
                        Diagnostic::error(format!("{what}, which is not a kind of proof"))
                            .at(src, yaml::find_key(src, &key).unwrap_or(0..0))
                            .with_hint(format!(
                                "the kinds are those of clauses/_proof.yaml and any clauses/_proof-<name>.yaml: {}",
                                kinds.keys().cloned().collect::<Vec<_>>().join(", ")
                            ))
                    };
                    let rule_kinds =
                        c.public_figure.iter().flat_map(|r| r.proof.iter().chain(r.statement_proof.iter()));
                    for kind in rule_kinds.filter(|k| !kinds.contains_key(k.as_str())) {
                        problems.push(unknown("public_figure".into(), format!("`public_figure` adds `{kind}`")));
                    }
                    for kind in c.proof_names.keys().filter(|k| !kinds.contains_key(k.as_str())) {
                        problems.push(unknown(format!("proof_names.{kind}"), format!("`proof_names` names `{kind}`")));
                    }
                    for (law, l) in &c.laws {
                        check_law(&id, &c, law, l, src, kinds, &mut problems);
                    }
                    claims.types.insert(id, (c, src.clone()));
                }
                Err(mut d) => problems.append(&mut d),
            }
        }
        for (id, e, src) in extensions {
            let Some((base, _)) = claims.types.get_mut(&e.extends) else {
                let span = yaml::find_key(src, "extends").unwrap_or(0..0);
                let known: Vec<String> = claims.types.keys().cloned().collect();
                problems.push(
                    Diagnostic::error(format!("`claims/{id}.yaml` extends `{}`, which is not a claim type", e.extends))
                        .at(src, span)
                        .with_hint(format!("the claim types are: {}", known.join(", "))),
                );
                continue;
            };
            // A law named under `replaces:` must be one the file gives and the library has.
            for (i, law) in e.replaces.iter().enumerate() {
                let span = yaml::find_path(src, &("replaces[".to_string() + &i.to_string() + "]"))
                    .or_else(|| yaml::find_key(src, "replaces"))
                    .unwrap_or(0..0);
                if !base.laws.contains_key(law) {
                    problems.push(
                        Diagnostic::error(format!(
                            "`replaces` names `{law}`, which `claims/{}.yaml` does not have",
                            e.extends
                        ))
                        .at(src, span)
                        .with_hint(format!(
                            "its laws are: {}; a new law needs no `replaces`",
                            base.laws.keys().cloned().collect::<Vec<_>>().join(", ")
                        )),
                    );
                } else if !e.laws.contains_key(law) {
                    problems.push(
                        Diagnostic::error(format!("`replaces` names `{law}`, and `laws:` does not give it"))
                            .at(src, span)
                            .with_hint(format!("add `{law}:` under `laws:`, or remove it from `replaces`")),
                    );
                }
            }
            for (law, l) in e.laws {
                if base.laws.contains_key(&law) && !e.replaces.contains(&law) {
                    let span = yaml::find_key(src, &format!("laws.{law}")).unwrap_or(0..0);
                    problems.push(
                        Diagnostic::error(format!(
                            "`claims/{}.yaml` already has `{law}`; an extension adds laws, and replaces one only where `replaces:` names it",
                            e.extends
                        ))
                        .at(src, span)
                        .with_hint(
                            "add `replaces: [".to_string()
                                + &law
                                + "]` to replace the library's entry with this one (the rest of the file stays the library's), or give the law another name",
                        ),
                    );
                    continue;
                }
                let snapshot = base.clone();
                check_law(&id, &snapshot, &law, &l, src, kinds, &mut problems);
                base.laws.insert(law, l);
            }
        }
        if problems.is_empty() {
            Ok(claims)
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, id: &str) -> Option<&ClaimType> {
        self.types.get(id).map(|(c, _)| c)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.types.keys().map(|s| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Claims> {
        let src = SourceText::new("claims/x.yaml", text);
        Claims::load(vec![("x".into(), &src)], &ProofKinds::default())
    }

    #[test]
    fn an_extension_is_found_however_its_key_is_written() {
        for key in ["extends", "\"extends\"", "'extends'", "\"ext\\x65nds\""] {
            let d = load(&format!("{key}: nothing-such\nlaws: {{}}\n")).unwrap_err();
            assert!(d[0].message.contains("extends `nothing-such`"), "{key}: {}", d[0].message);
        }
    }

    #[test]
    fn an_element_its_words_excuse_for_a_per_se_statement_carries_the_flag() {
        let law = |flag: &str| {
            format!(
                "name: x\ntitle: X\ncontent_based: false\nlaws:\n  oregon:\n    jurisdiction: Oregon\n    authority: a\n    elements:\n      - {{text: publication, proof: [], shown_by: evidence}}\n      - text: damages, unless the statement is defamatory per se\n        proof: []\n        shown_by: evidence\n{flag}"
            )
        };
        let d = load(&law("")).unwrap_err();
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("element 2 of `x` under `oregon`"), "{}", d[0].message);
        assert!(d[0].message.contains("excused_per_se"), "{}", d[0].message);
        assert_eq!(d[0].location().as_deref(), Some("claims/x.yaml:10:9"));
        assert!(load(&law("        excused_per_se: true\n")).is_ok());
        // A per se category named without excusing anything is not the rule's business.
        let named = law("").replace(
            "damages, unless the statement is defamatory per se",
            "that the statement falls in a per se category",
        );
        assert!(load(&named).is_ok());
    }

    #[test]
    fn a_claim_only_natural_persons_can_bring_says_why() {
        let base = "name: x\ntitle: X\ncontent_based: false\nlaws: {}\n";
        assert!(!load(base).unwrap().get("x").unwrap().natural_persons_only);
        let why = "natural_persons_reason: a company has no feelings\n";
        let both = load(&format!("{base}natural_persons_only: true\n{why}")).unwrap();
        assert!(both.get("x").unwrap().natural_persons_only);
        let flag_alone = load(&format!("{base}natural_persons_only: true\n")).unwrap_err();
        assert_eq!(flag_alone.len(), 1);
        assert!(flag_alone[0].message.contains("without a `natural_persons_reason`"), "{}", flag_alone[0].message);
        assert_eq!(flag_alone[0].location().as_deref(), Some("claims/x.yaml:5:1"));
        let reason_alone = load(&format!("{base}{why}")).unwrap_err();
        assert!(
            reason_alone[0].message.contains("is not marked `natural_persons_only`"),
            "{}",
            reason_alone[0].message
        );
    }
}
