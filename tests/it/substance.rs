//! What the brief says about the law and the record, read from the typeset text: every argument
//! the motion makes is answered; the standard is stated with its force in each court; a statement
//! marked as fact is never called opinion; each claim's fact/opinion authority comes from its
//! governing state; entities are never written about as persons; no passage is printed twice; the
//! matter's own paragraphs print literally with working citations; project claim files extend the
//! library's; and `check` fails what the data does not support.

use crate::common::*;
use pleader::rules::{court_checks, Status};

/// The whole text of a typeset brief's body, runs of white space made single.
/// Footnotes follow all of the body's running text, so that a sentence a page break and that
/// page's footnotes interrupt reads whole.
pub(crate) fn body_text(built: &pleader::pipeline::Built) -> String {
    let (mut prose, mut notes) = (vec![], vec![]);
    for p in body_pages(built) {
        let top = footnote_top(built, p).unwrap_or(f64::INFINITY);
        for line in text_lines(built, p) {
            if line.baseline < top {
                prose.push(line.text)
            } else {
                notes.push(line.text)
            }
        }
    }
    prose.extend(notes);
    normalize(&prose.join(" "))
}

fn own_text(file: &str) -> String {
    std::fs::read_to_string(root().join("matters").join(file)).unwrap()
}

fn check<'a>(items: &'a [pleader::rules::CheckItem], name: &str) -> &'a pleader::rules::CheckItem {
    items.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no `{name}` check in {items:#?}"))
}

#[test]
fn every_argument_the_motion_makes_is_answered_in_its_own_words() {
    for f in sample_files() {
        let text = own_text(&f);
        let matter = pleader::matter::Matter::load(&pleader::diag::SourceText::new(f.clone(), text.clone())).unwrap();
        let Some(args) =
            matter.facts.get("motion").and_then(|m| m.get("arguments")).and_then(|a| a.as_sequence()).cloned()
        else {
            continue;
        };
        let built = build_text(&f, &text);
        let body = body_text(&built);
        let kinds = &built.library.arguments.kinds;
        let intro_end = body.find("FACTUAL BACKGROUND").unwrap_or(body.len());
        for a in args {
            let says = a.get("says").and_then(|s| s.as_str()).unwrap();
            let kind = a.get("kind").and_then(|s| s.as_str()).unwrap();
            // The lawyer's characterisation is printed once, where the section answering it begins;
            // the introduction names the argument by its kind.
            let said = normalize(&format!("that {says}"));
            assert_eq!(body.matches(&said).count(), 1, "{f}: “{said}” is not answered once:\n{body}");
            // In the number of the matter's speakers (`summary_one` for one account).
            let one = matter.facts.get("accounts").and_then(|n| n.as_u64()) == Some(1);
            // `{a_state}`: a federal court says "a state's", a state court its own state's name.
            let a_state = if built.profile.jurisdiction.system == pleader::library::court::System::Federal {
                "a state’s".to_string()
            } else {
                format!("{}’s", built.profile.jurisdiction.state)
            };
            // `{state}`: a state court's own state; "the state" in a federal court.
            let state = if built.profile.jurisdiction.system == pleader::library::court::System::Federal {
                "the state".to_string()
            } else {
                built.profile.jurisdiction.state.clone()
            };
            let summary = normalize(
                &kinds[kind]
                    .summary_one
                    .as_ref()
                    .filter(|_| one)
                    .unwrap_or(&kinds[kind].summary)
                    .replace("{a_state}", &a_state)
                    .replace("{state}", &state)
                    .replace("{client}", &matter.client().map(|(_, c)| c.short.clone()).unwrap_or_default()),
            );
            // Where the motion names no test and rests on a rule, the argument that names the rule
            // is introduced as what the motion rests on, and not listed again by its kind.
            let test_none =
                matter.facts.get("motion").and_then(|m| m.get("test")).and_then(|t| t.as_str()) == Some("none");
            let rule = a.get("rule").and_then(|r| r.as_str());
            if let (true, Some(rule)) = (test_none, rule) {
                let cite = built.bank.get(rule).and_then(|r| r.cite.clone()).unwrap_or_default();
                // Alone, what it rests on; with other arguments, the first of what it relies on
                // instead (the D. Md. user).
                let rests = normalize(&format!("motion rests on {cite}"));
                let instead = normalize(&format!("instead on {cite}"));
                assert!(
                    body[..intro_end].contains(&rests) || body[..intro_end].contains(&instead),
                    "{f}: the introduction says neither “{rests}” nor “{instead}”"
                );
                assert!(!body[..intro_end].contains(&summary), "{f}: the introduction names “{summary}” again");
                continue;
            }
            // The court's want of power over the non-party, where `beyond-subpoena-power` answers
            // it, leads the introduction's next paragraph instead of joining the list.
            if kind == "subpoena-power" && built.drafted.iter().any(|d| d.clause == "beyond-subpoena-power") {
                assert!(
                    body[..intro_end].contains("The motion fails at the outset, because the subpoena does not reach"),
                    "{f}: the introduction does not lead with the court's want of power"
                );
                assert!(!body[..intro_end].contains(&summary), "{f}: the introduction lists “{summary}” as well");
                let intro = normalize(&body[..intro_end]);
                assert!(
                    intro.contains("first that this Court's subpoena reaches"),
                    "{f}: the introduction does not name the argument: {intro}"
                );
                continue;
            }
            assert!(body[..intro_end].contains(&summary), "{f}: the introduction does not name “{summary}”");
        }
    }
}

#[test]
fn the_standard_is_stated_with_its_force_in_each_court() {
    // Seventh Circuit, nothing settled: the brief says so and asks the Court to adopt Dendrite.
    let built = build_text("pc.yaml", &own_text("prairie-crest-v-does.yaml"));
    let body = body_text(&built);
    assert!(body.contains("Neither the Supreme Court nor the Seventh Circuit has settled which standard"), "{body}");
    assert!(body.contains("This Court should apply the Dendrite test."), "{body}");
    for sentence in body.split(". ") {
        let about_standard =
            sentence.contains("Dendrite") || sentence.contains("standard") || sentence.contains("test");
        let forceful = sentence.contains("govern") || sentence.contains("binding") || sentence.contains("controlling");
        assert!(!(about_standard && forceful) || sentence.contains("procedure governs"), "“{sentence}”");
    }
    assert_eq!(check(&court_checks(&built), "force of the standard").status, Status::Pass);
    // No decision of the Ninth Circuit or a California court is presented as the law of this one.
    assert!(!body.contains("Courts in the Northern District of California"), "{body}");
    // Second Circuit: the Arista factors bind, and the brief may say they govern.
    let built = build_text("va.yaml", &own_text("vance-v-stoopline.yaml"));
    let body = body_text(&built);
    assert!(body.contains("Arista factors govern"), "{body}");
    assert_eq!(check(&court_checks(&built), "force of the standard").status, Status::Pass);
    // N.D. Cal.: settled in the District's own decisions, which bind no one.
    let built = build_text("le.yaml", &own_text("leifer-v-twitter.yaml"));
    let body = body_text(&built);
    assert!(
        body.contains("No decision that binds this Court prescribes the test, but a court in this District adopted the Highfields test to decide whether to unmask"),
        "{body}"
    );
    assert!(
        body.contains("This Court is not bound by Arista. A court in this District adopted Highfields instead."),
        "{body}"
    );
    // An order that gave the non-party time to move is answered where the lawyer has read it as
    // permitting a motion (`motion_optional`), and "timely" only where the dates show it (audit
    // L3: a forfeiture argument was left open).
    assert!(body.contains("The order that gave Twitter thirty days to move against the subpoena does not change this: it permitted a motion and did not require one, see Parker Decl. Ex. 4 at 1–2, and Twitter served written objections instead."), "{body}");
    // What an early-discovery order decides is said from the rule, not from a page of Mirza no
    // one saw (audit L5).
    assert!(body.contains("decides when discovery may begin, not whether the First Amendment permits an anonymous speaker to be identified. See Fed. R. Civ. P. 26(d)(1)."), "{body}");
    assert!(!body.contains("Mirza"), "{body}");
    // New York's elements come from a decision that exists (audit L3: Braunstein v. Day could not
    // be located), introduced as the elements of every defamation claim, and the fault a public
    // figure must show is named as fault. The quotation, 35 words, runs in the text (Bluebook
    // 5.1(a): a block from fifty; audit L5).
    assert!(
        body.contains(
            "Under New York law, a claim for defamation requires \"a false statement, published without privilege"
        ),
        "{body}"
    );
    assert!(body.contains("or constitute defamation per se.\" Dillon v. City of New York"), "{body}");
    // New York's code is unofficial: the first citation names its publisher, after the
    // subdivision; the short forms do not (Bluebook 12.3.1(d); audit L5).
    assert!(body.contains("N.Y. Civ. Rights Law § 76-a(1)(a)(1) (McKinney), reads"), "{body}");
    assert!(body.contains("id. § 76-a(1)(d), and allows"), "{body}");
    assert_eq!(body.matches("McKinney").count(), 1, "{body}");
    assert!(body.contains("Dillon v. City of New York, 261 A.D.2d 34, 38 (1st Dep't 1999)."), "{body}");
    assert!(
        body.contains("fails on two of these requirements: falsity and fault (for a public figure, actual malice)."),
        "{body}"
    );
    // The subpoena names a district in the Second Circuit: the brief says why compliance is
    // required here all the same, from the objection and the concession the matter records
    // (audit L2).
    assert!(body.contains("The subpoena names the Southern District of New York as the place of compliance, but a subpoena may require production only within 100 miles of where the person subject to it resides, is employed, or regularly transacts business in person, see Fed. R. Civ. P. 45(c)(2)(A); as Twitter objected, that limit places compliance in this District, see Parker Decl. Ex. 6 at 3, and Leifer, who does not contend otherwise, see Mot. at 6, filed his motion here."), "{body}");
    // The movant's authority is read for what it decided, not past it (audit L3).
    assert!(body.contains("and that court decided the motion to compel and granted it. See id. The decision shows that the court where compliance is required decides such a motion, which is the allocation Twitter asks the Court to follow here; it does not hold that a court outside the Second Circuit must apply Arista, which the Second Circuit adopted eleven years later."), "{body}");
    // The privacy-policy point meets the decision the factors came from (audits L1, L2).
    assert!(body.contains("Sony Music does not hold otherwise. The court there weighed, among other things, that the subscribers' Internet service provider's terms of service allowed it to disclose their information to satisfy legal requests, see generally Sony Music"), "{body}");
    for sentence in body.split(". ").filter(|s| s.contains("Highfields")) {
        let said = sentence.replace("No decision that binds this Court", "");
        assert!(!said.contains("bind") && !said.contains("govern"), "“{sentence}”");
    }
    assert_eq!(check(&court_checks(&built), "force of the standard").status, Status::Pass);
}

#[test]
fn check_fails_governs_where_the_standard_is_open_and_federal_rules_in_a_state_court() {
    // A lawyer's paragraph saying the standard governs, in C.D. Cal., where nothing settles it.
    let text = own_text("okonkwo-v-orbitline.yaml").replace(
        "  - clause: conclusion\n",
        "  - paragraph: governs\n    heading: The Standard\n    text: \"The Highfields test governs this motion. [see @highfields at 975–76].\"\n  - clause: conclusion\n",
    );
    let built = build_text("ok.yaml", &text);
    let item = check(&court_checks(&built), "force of the standard").clone();
    assert_eq!(item.status, Status::Fail, "{item:?}");
    assert!(item.detail.contains("The Highfields test governs this motion."), "{item:?}");
    // A decision said to bind, in a sentence that names a test only in another clause, is not
    // the standard said to bind (the Cook County user's "Hadley binds this Court, and …"); the
    // standard named in the force word's own clause still is.
    let text = own_text("okonkwo-v-orbitline.yaml").replace(
        "  - clause: conclusion\n",
        "  - paragraph: binds\n    heading: The Circuit\n    text: \"_Anonymous Online Speakers_ binds this Court, and Orbitline does not ask it to depart from that decision or to apply a test of another state's courts. [see @anonymous-online-speakers].\"\n  - clause: conclusion\n",
    );
    let built = build_text("ok.yaml", &text);
    let item = check(&court_checks(&built), "force of the standard").clone();
    assert_eq!(item.status, Status::Pass, "{item:?}");
    let text = text
        .replace("_Anonymous Online Speakers_ binds this Court, and", "The test that binds this Court is settled, and");
    let built = build_text("ok.yaml", &text);
    let item = check(&court_checks(&built), "force of the standard").clone();
    assert_eq!(item.status, Status::Fail, "{item:?}");
    // A Federal Rule cited in a California superior court's brief.
    let text = own_text("ferreira-v-nestwise.yaml").replace(
        "  - conclusion\n",
        "  - paragraph: federal\n    heading: A Federal Rule\n    text: \"Discovery is limited to what is relevant. [see @frcp-26(b)(1)].\"\n  - conclusion\n",
    );
    let built = build_text("fe.yaml", &text);
    let item = check(&court_checks(&built), "federal rules in a state court").clone();
    assert_eq!(item.status, Status::Fail, "{item:?}");
    assert!(item.detail.contains("Fed. R. Civ. P."), "{item:?}");
    // The statement of issues N.D. Cal. requires, left out of the outline.
    let text = own_text("leifer-v-twitter.yaml").replace("  - statement-of-issues\n", "");
    let built = build_text("le.yaml", &text);
    let item = check(&court_checks(&built), "required sections").clone();
    assert_eq!(item.status, Status::Fail, "{item:?}");
    assert!(item.detail.contains("Statement of Issues to Be Decided") && item.detail.contains("7-4(a)(3)"), "{item:?}");
}

#[test]
fn a_statement_marked_as_fact_is_argued_on_its_own_and_never_called_opinion() {
    for f in ["vance-v-stoopline.yaml", "prairie-crest-v-does.yaml", "ferreira-v-nestwise.yaml"] {
        let built = build_text(f, &own_text(f));
        let body = body_text(&built);
        assert!(
            body.contains("only as assertions of fact")
                || body.contains("is at most an assertion of fact that can be checked"),
            "{f}: {body}"
        );
        // No sentence speaks of all the statements as opinion.
        for s in body.split(". ") {
            let all_opinion = (s.contains("The posts at issue are of that kind")
                || s.contains("The comments at issue are of that kind")
                || s.contains("On their face, the posts,")
                || s.contains("On their face, the comments,"))
                && !s.contains("of the");
            assert!(!all_opinion, "{f}: “{s}”");
            assert!(!s.contains("rather than an opinion, or"), "{f}: “{s}”");
        }
    }
}

#[test]
fn the_fact_opinion_rule_comes_from_the_governing_state() {
    // Illinois claims: Solaia (Illinois Supreme Court), no New York or California decision.
    let built = build_text("pc.yaml", &own_text("prairie-crest-v-does.yaml"));
    let body = body_text(&built);
    assert!(body.contains("Solaia Tech., LLC v. Specialty Publ'g Co."), "{body}");
    for other in ["Mirza", "Jacobus", "Krinsky", "Mann v. Abel"] {
        let opinion = body.find("express their authors' opinions").unwrap();
        assert!(!body[opinion..opinion + 600].contains(other), "{other} in an Illinois fact/opinion argument");
    }
    // Washington claim in E.D.N.Y.: Washington's own decision.
    let built = build_text("va.yaml", &own_text("vance-v-stoopline.yaml"));
    let body = body_text(&built);
    let at = body.find("Only a statement of fact can support").unwrap();
    let para = &body[at..at + 900];
    assert!(para.contains("Dunlap"), "{para}");
    assert!(!para.contains("Mirza") && !para.contains("Jacobus"), "{para}");
    // Interference with prospective relations is its own tort, with its own elements.
    let built = build_text("bw.yaml", &own_text("brightwater-v-kestrel.yaml"));
    let body = body_text(&built);
    assert!(
        body.contains("Under New York law, tortious interference with prospective economic advantage requires"),
        "{body}"
    );
    assert!(!body.contains("valid contract"), "{body}");
}

#[test]
fn an_entity_is_never_written_about_as_a_person() {
    for f in sample_files() {
        let text = own_text(&f);
        let m = pleader::matter::Matter::load(&pleader::diag::SourceText::new(f.clone(), text.clone())).unwrap();
        if m.parties["movant"].pronoun != pleader::matter::Pronoun::It {
            continue;
        }
        let built = build_text(&f, &text);
        let body = body_text(&built);
        for bad in
            ["a person who", "falsely accused", "himself", "herself", "his own declaration", "her own declaration"]
        {
            assert!(!body.contains(bad), "{f}: “{bad}”");
        }
    }
}

#[test]
fn no_passage_is_printed_twice() {
    for f in sample_files() {
        let built = build_text(&f, &own_text(&f));
        let twice = repeated_sentences(&body_text(&built));
        assert!(twice.is_empty(), "{f}: {twice:#?}");
    }
}

/// Each sentence of ten or more words printed more than once in `body` (text as [`body_text`]
/// gives it), with its count. Citation sentences repeat by design and are left out. A quotation
/// printed twice counts (the same Rule 45(f) sentence quoted in two sections is a repeat); text
/// from [`body_text`] has straight quotes, so a sentence holding one is compared like any other.
pub(crate) fn repeated_sentences(body: &str) -> Vec<(String, usize)> {
    let mut seen = std::collections::BTreeMap::new();
    for s in body.split(". ").map(str::trim) {
        let words = s.split_whitespace().count();
        if words < 10 || s.starts_with("See") || s.starts_with("see") {
            continue;
        }
        *seen.entry(s.to_string()).or_insert(0) += 1;
    }
    seen.into_iter().filter(|(_, n)| *n > 1).collect()
}

/// A paragraph of the matter's own refers to a section of the brief by id (`[Part <id>]`) and
/// prints its number as the outline gives it, renumbered when the outline changes; an id that is
/// not in the outline is an error at the paragraph (the Maryland user's "Part IV.D.3" that an
/// inserted section made wrong).
/// The standing answer says the speakers may not know of the subpoena only where the client has
/// not told them: where it has (`client_notice.given`), it gives the reason that still holds, and
/// leaves the notice to the notice section (the Maryland user's brief said "the speakers may not
/// know" after the publisher had e-mailed them; its auditor read the notice repeated there as a
/// non sequitur).
#[test]
fn the_standing_answer_does_not_say_the_speakers_may_not_know_when_the_client_told_them() {
    let plain = body_text(&build_text("pc.yaml", &own_text("prairie-crest-v-does.yaml")));
    assert!(
        plain.contains("The reason is practical: the speakers may not know that anyone has asked for their names"),
        "{plain}"
    );
    let told = own_text("prairie-crest-v-does.yaml").replacen(
        "\nfacts:\n",
        "\nfacts:\n  client_notice:\n    given: true\n    says: e-mailed each account holder on October 9, 2026 to tell them of the subpoena\n    cite: {doc: mot, at: \"at 2\"}\n",
        1,
    );
    let body = normalize(&body_text(&build_text("pc.yaml", &told)));
    assert!(!body.contains("may not know that anyone has asked"), "{body}");
    assert!(
        body.contains("The reason is practical: a speaker who comes forward to defend anonymity must find a way to do it without giving anonymity up, so the objection of the one who holds the speakers' identities may be the only way their interest is heard at all."),
        "{body}"
    );
}

/// Claims the complaint pleads that `claims` cannot list (`underlying.other_claims`) are named
/// with the others in the introduction and the background, so the brief states the complaint
/// whole (the Maryland audit's S9: a company's false-light count the background left out, argued
/// later in a paragraph of the lawyer's own).
#[test]
fn claims_the_library_cannot_argue_are_still_named_where_the_complaint_is_described() {
    let text = own_text("prairie-crest-v-does.yaml").replacen(
        "    claims:\n",
        "    other_claims:\n      - {name: civil conspiracy}\n    claims:\n",
        1,
    );
    assert!(text.contains("other_claims"), "the sample's claims moved");
    let body = normalize(&body_text(&build_text("pc.yaml", &text)));
    assert!(body.contains("and a claim for civil conspiracy. Compl"), "{body}");
    assert!(body.contains("and civil conspiracy, and wants to learn who"), "{body}");
}

/// `check` warns about the outline's form: a section divided into a single subsection, and a
/// section the roadmap announces only as "taking up a further point" (the Maryland audit: a lone
/// IV.A.1 and two placeholder roadmap sentences); the samples have neither.
#[test]
fn check_warns_of_a_lone_subsection_and_a_section_announced_as_a_further_point() {
    let text = own_text("prairie-crest-v-does.yaml").replacen(
        "      - platform-standing\n",
        "      - clause: platform-standing\n        sections:\n          - paragraph: only-child\n            heading: A point of our own.\n            text: \"A point. [see @dendrite at 760].\"\n",
        1,
    );
    let built = build_text("pc.yaml", &text);
    let item = pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "outline form").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Warn, "{item:?}");
    assert!(
        item.detail.contains("Part IV.C has a single subsection, IV.C.1 (`only-child`): fold it into Part IV.C or divide Part IV.C into two or more"),
        "{item:?}"
    );
    let text = own_text("prairie-crest-v-does.yaml").replacen(
        "      - relevance-not-enough\n",
        "      - relevance-not-enough\n      - paragraph: further\n        heading: Another Point\n        text: \"A point. [see @dendrite at 760].\"\n",
        1,
    );
    let built = build_text("pc.yaml", &text);
    let item = pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "outline form").unwrap();
    assert!(
        item.detail.contains(
            "the roadmap announces Part IV.C (`further`) only as taking up a further point: give it `roadmap:`"
        ),
        "{item:?}"
    );
    // Given a roadmap, it is announced by it.
    let built = build_text(
        "pc.yaml",
        &text.replace(
            "        heading: Another Point\n",
            "        heading: Another Point\n        roadmap: shows another point\n",
        ),
    );
    let item = pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "outline form").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Pass, "{item:?}");
    for sample in std::fs::read_dir(root().join("matters")).unwrap() {
        let path = sample.unwrap().path();
        let built = build(&path);
        if let Some(item) = pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "outline form") {
            assert_eq!(item.status, pleader::rules::Status::Pass, "{}: {item:?}", path.display());
        }
    }
}

#[test]
fn a_lawyers_own_paragraph_refers_to_a_section_by_its_id() {
    let with = |outline_edit: &dyn Fn(String) -> String, reference: &str| {
        outline_edit(own_text("prairie-crest-v-does.yaml")).replace(
            "  - conclusion\n",
            &format!("  - paragraph: our-point\n    heading: Our Point\n    text: \"As {reference} shows, the evidence fails. [see @dendrite at 760–61].\"\n  - conclusion\n"),
        )
    };
    let same = |t: String| t;
    let body = body_text(&build_text("pc.yaml", &with(&same, "[Part evidentiary-basis]")));
    assert!(body.contains("As Part IV.D.2 shows, the evidence fails."), "{body}");
    // A section inserted before the standard's moves it down a letter, and the reference with it.
    let more = |t: String| {
        t.replacen(
            "      - clause: standard-fails\n",
            "      - paragraph: inserted\n        heading: Another Point\n        text: \"A further point. [see @dendrite at 760].\"\n      - clause: standard-fails\n",
            1,
        )
    };
    let body = body_text(&build_text("pc.yaml", &with(&more, "[Part evidentiary-basis]")));
    assert!(body.contains("As Part IV.E.2 shows, the evidence fails."), "{body}");
    // A reference to a section the brief does not have.
    let err = refused("pc.yaml", &with(&same, "[Part no-such-section]"));
    assert!(
        err.contains("paragraph `our-point` refers to `[Part no-such-section]`, which is not a section of this brief"),
        "{err}"
    );
    assert!(err.starts_with("pc.yaml:"), "{err}");
    // "[Part 2]" quoted from a record is text.
    let body = body_text(&build_text("pc.yaml", &with(&same, "the Order [Part 2]")));
    assert!(body.contains("As the Order [Part 2] shows"), "{body}");
}

#[test]
fn a_lawyers_own_paragraph_prints_literally_and_cites_like_a_clause() {
    let text = own_text("prairie-crest-v-does.yaml").replace(
        "  - conclusion\n",
        "  - paragraph: our-point\n    heading: \"Our Point {{ x }} #set\"\n    text: \"A point of ours, {% if true %}#import *x*. [see @dendrite at 760–61]. Again. [see @dendrite at 760].\"\n  - conclusion\n",
    );
    let built = build_text("pc.yaml", &text);
    let body = body_text(&built);
    assert!(body.contains("OUR POINT {{ X }} #SET"), "{body}");
    assert!(body.contains("A point of ours, {% if true %}#import *x*."), "{body}");
    // The citations are the brief's: a short form after the first, then Id.
    assert!(body.contains("See Dendrite, 775 A.2d at 760–61. Again. See id. at 760."), "{body}");
    // It answers an argument the library has no clause for.
    let text = own_text("prairie-crest-v-does.yaml")
        .replace(
            "      - kind: no-standing\n",
            "      - kind: prior-order\n        says: the Court already authorized the subpoena\n        cite: {doc: mot, at: \"at 3\"}\n      - kind: no-standing\n",
        )
        .replace(
            "  - conclusion\n",
            "  - paragraph: leave\n    heading: Leave Is Not a Ruling\n    text: \"Leave to serve a subpoena decides nothing about compliance. [see @order at 1].\"\n    answers: [prior-order]\n  - conclusion\n",
        );
    let built = build_text("pc.yaml", &text);
    assert!(body_text(&built).contains("Leave to serve a subpoena decides nothing about compliance. See Order at 1."));
}

#[test]
fn a_project_claim_file_extends_the_librarys() {
    let (library, built) = oregon_claim_project(
        "claims-extend",
        "extends: defamation\nlaws:\n  oregon:\n    jurisdiction: Oregon\n    authority: or-case\n    pin: \"12\"\n    elements:\n      - {text: a defamatory statement of fact about the plaintiff, proof: [fact], shown_by: statement}\n      - {text: publication of the statement to a third party, proof: [publication], shown_by: evidence}\n    fact_opinion: {authority: or-case, pin: \"14\", parenthetical: \"holding that a review's insults were opinion\"}\n",
        "or-case:\n  kind: case\n  name: \"Oregon Plaintiff v. Oregon Defendant\"\n  short: Oregon Plaintiff\n  cite: \"300 Or. 1\"\n  court: Or.\n  year: 1990\n",
    );
    // The library's own laws are still there, and the project's is added.
    let t = library.claims.get("defamation").unwrap();
    assert!(t.laws.contains_key("texas") && t.laws.contains_key("oregon"));
    let body = body_text(&built);
    assert!(body.contains("Under Oregon law, defamation requires"), "{body}");
}

/// The Okonkwo sample with its defamation claim under Oregon law, from a project whose claim file
/// (`claims/defamation-oregon.yaml`) and bank (`authorities/oregon.yaml`) are as given: loaded
/// (to look at the library) and built.
fn oregon_claim_project(
    dir: &str,
    claim: &str,
    bank: &str,
) -> (std::sync::Arc<pleader::library::Library>, pleader::pipeline::Built) {
    let dir = temp_dir(dir);
    for d in ["claims", "authorities", "matters"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    std::fs::write(dir.join("claims/defamation-oregon.yaml"), claim).unwrap();
    std::fs::write(dir.join("authorities/oregon.yaml"), bank).unwrap();
    let text = own_text("okonkwo-v-orbitline.yaml")
        .replace("{type: defamation, law: texas, argued: true}", "{type: defamation, law: oregon, argued: true}");
    std::fs::write(dir.join("matters/m.yaml"), &text).unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let src = pleader::diag::SourceText::new("m.yaml", text);
    let loaded = pleader::pipeline::load(src, project)
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let library = loaded.library.clone();
    let built = pleader::pipeline::Session::new()
        .build_loaded(loaded, std::time::Instant::now(), pleader::pipeline::BuildOptions::default())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    (library, built)
}

#[test]
fn statements_of_fact_are_taken_one_at_a_time_with_the_evidence_offered_against_each() {
    // Two statements argued as fact, one declaration offered against both: the first statement
    // engages the declaration in the lawyer's words; the second says only that the same
    // declaration falls short there too, instead of describing it twice.
    let text = own_text("marlowe-subpoena.yaml")
        .replace(
            "    - text: They are cowboys running experiments on kids.\n      speaker: the second poster\n",
            "    - text: They are cowboys running experiments on kids.\n      opinion: false\n      speaker: the second poster\n",
        )
        .replace("        statements: [1]\n", "        statements: [1, 2]\n");
    let body = body_text(&build_text("m.yaml", &text));
    assert!(
        body.contains(
            "That leaves the two statements that could be read as asserting facts, which must be taken one at a time."
        ),
        "{body}"
    );
    assert!(body.contains("The first poster's statement, which says \"Marlowe's OIT program sent my son to the ER twice in one month, and nobody from the clinic ever called to ask how he was,\" id. ¶ 17, is at most an assertion of fact that can be checked, so Marlowe must show that it is false. As evidence of that, Marlowe offers only the declaration of its medical director, Dr. Simone Hale. The declaration states that"), "{body}");
    assert!(body.contains("The second poster's statement, which says \"They are cowboys running experiments on kids,\" Compl. ¶ 19, is likewise at most an assertion of fact. To show that it too is false, Marlowe offers only what it offers against the statement above: the declaration, which falls short here for the reasons given there."), "{body}");
    assert_eq!(body.matches("The declaration states that").count(), 1, "{body}");
}

#[test]
fn an_item_offered_against_two_statements_is_described_in_its_parts() {
    // One declaration answers two statements of fact with different words (`by_statement`): each
    // statement gets the part that bears on it, with its own cite, and Rule 602's point is quoted
    // once; what else the declaration is offered for is described with the items against no
    // statement, in the item's own words (audit M3 B7: a failing of the second statement's
    // evidence had been described under the first).
    let text = own_text("marlowe-subpoena.yaml")
        .replace(
            "    - text: They are cowboys running experiments on kids.\n      speaker: the second poster\n",
            "    - text: They are cowboys running experiments on kids.\n      opinion: false\n      speaker: the second poster\n",
        )
        .replace(
            "        statements: [1]\n",
            "        statements: [1, 2]\n        personal_knowledge: false\n        by_statement:\n          - {statement: 1, says: \"states that no patient visited an emergency room twice in a month\", falls_short: \"it does not attach the records\", cite: {doc: hale-decl, at: \"¶ 5\"}}\n          - {statement: 2, says: \"describes the program's protocols\", falls_short: \"protocols say nothing about how the program is run\", cite: {doc: hale-decl, at: \"¶ 8\"}}\n",
        );
    let body = body_text(&build_text("m.yaml", &text));
    assert!(body.contains("As evidence of that, Marlowe offers only the declaration again. The declaration states that no patient visited an emergency room twice in a month. Hale Decl. ¶ 5. But it does not attach the records. Here too, nothing shows that its declarant knows firsthand what it describes. See Fed. R. Evid. 602."), "{body}");
    assert!(body.contains("To show that it too is false, Marlowe offers only the declaration again. The declaration describes the program's protocols. Hale Decl. ¶ 8. But protocols say nothing about how the program is run. Here too,"), "{body}");
    assert_eq!(body.matches("[a] witness may testify").count(), 1, "{body}");
    // The rest of what it is offered for, once, in the item's own words.
    assert!(body.contains("It is offered to show the contract the claim requires, causation, and harm, but it does not attach the records or say who searched them"), "{body}");
    assert!(!body.contains("falls short here for the reasons given there"), "{body}");
}

#[test]
fn a_brief_that_faults_the_movant_for_no_notice_says_what_the_client_did() {
    // The notice step faults the movant for giving the speakers no notice; where the matter gives
    // the client's own privacy policy (which may promise notice), `check` asks what the client
    // did, and the brief says it from `client_notice` (audit M3 B5).
    let policy = "  privacy_policy:\n    id: forum-policy\n    pin: \"§ 3\"\n    legal_process: may share member information in response to a subpoena\n";
    let authority = "\nauthorities:\n  forum-policy:\n    kind: other\n    author: Allergy Parents Forum\n    title: Member Privacy Policy\n    cite: \"(rev. Jan. 5, 2026) (Lind Decl. Ex. A)\"\n    short: Privacy Policy\n";
    let base = own_text("marlowe-subpoena.yaml").replace("  client_role:\n", &format!("{policy}  client_role:\n"));
    assert!(base.contains("privacy_policy"), "Marlowe's client_role moved");
    let text = format!("{base}{authority}");
    let built = build_text("m.yaml", &text);
    let item = court_checks(&built).into_iter().find(|c| c.name == "the client's own notice").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Warn, "{}", item.detail);
    let with = text.replace(
        "  client_role:\n",
        "  client_notice:\n    given: false\n    says: she has held notice back until the Court rules, and she will post it on the board at the Court's direction\n    cite: {doc: lind-decl, at: \"¶ 12\"}\n  client_role:\n",
    );
    let built = build_text("m.yaml", &with);
    // Said, but the client holding notice back while faulting the movant for giving none is a
    // reply the movant will write (the New York re-audit): check asks the lawyer to weigh it.
    let item = court_checks(&built).into_iter().find(|c| c.name == "the client's own notice").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Warn, "{}", item.detail);
    assert!(item.detail.contains("weigh notifying them now"), "{}", item.detail);
    let body = body_text(&built);
    assert!(body.contains("had that notice and a chance to be heard. Ms. Lind has not notified them either: she has held notice back until the Court rules, and she will post it on the board at the Court's direction. See Lind Decl. ¶ 12."), "{body}");
    let told = with.replace(
        "    given: false
    says: she has held notice back until the Court rules, and she will post it on the board at the Court's direction
",
        "    given: true
    says: posted notice of the subpoena on the board on October 2, 2026
",
    );
    let built = build_text("m.yaml", &told);
    let item = court_checks(&built).into_iter().find(|c| c.name == "the client's own notice").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Pass, "{}", item.detail);
}

#[test]
fn a_case_named_as_a_case_before_its_full_citation_is_flagged() {
    // Bluebook 10.9: "_Cahill_ reversed …" before the brief has cited Cahill in full is a short
    // form in text; "the _Highfields_ test" names a standard and is not (audit M3 A1).
    let text = own_text("leifer-v-twitter.yaml");
    let built = build_text("m.yaml", &text);
    let item = court_checks(&built).into_iter().find(|c| c.name == "case names before their citations").unwrap();
    assert_eq!(item.status, Status::Pass, "{}", item.detail);
    let early = text.replace(
        "brief:\n  - introduction\n",
        "brief:\n  - introduction\n  - paragraph: early-name\n    heading: A Point\n    text: \"_Cahill_ reversed a disclosure order. [see @cahill at 454].\"\n",
    );
    assert_ne!(early, text, "Leifer's outline moved");
    let built = build_text("m.yaml", &early);
    let item = court_checks(&built).into_iter().find(|c| c.name == "case names before their citations").unwrap();
    assert_eq!(item.status, Status::Warn, "{}", item.detail);
    assert!(item.detail.contains("Cahill (`cahill`)") && !item.detail.contains("Highfields"), "{}", item.detail);
}

#[test]
fn presumed_damages_need_actual_malice_where_the_speech_is_of_public_concern() {
    // Illinois presumes damages for a statement defamatory per se (`excused_per_se`); where the
    // label is in play (the brief relies on harm, or the motion calls the posts defamatory per se)
    // and the matter says why the speech is of public concern, the brief adds Gertz's limit, and
    // only then.
    let plain = body_text(&build_text("m.yaml", &own_text("marlowe-subpoena.yaml")));
    assert!(!plain.contains("does not permit presumed damages"), "{plain}");
    let text = own_text("marlowe-subpoena.yaml").replace(
        "  underlying:\n    court:",
        "  public_concern:\n    why: reports how a clinic treats children in an experimental allergy program\n    cite: {doc: compl, at: \"¶ 17\"}\n  underlying:\n    court:",
    );
    let body = body_text(&build_text("m.yaml", &text));
    assert!(body.contains("And where, as here, the speech is of public concern, the First Amendment does not permit presumed damages without a showing of knowledge of falsity or reckless disregard for the truth. See Gertz v. Robert Welch, Inc., 418 U.S. 323, 349 (1974)."), "{body}");
    // Where the motion itself calls the posts defamatory per se, the answer to the label says it,
    // once.
    let argued = text.replace(
        "    arguments:\n",
        "    arguments:\n      - kind: unprotected-speech\n        says: the posts are defamatory per se and so unprotected\n        per_se: true\n        cite: {doc: mot, at: \"at 10\"}\n",
    );
    let body = body_text(&build_text("m.yaml", &argued));
    assert!(body.contains("Nor does the label relieve Marlowe of proving actual injury: where, as here, the speech is of public concern, the First Amendment does not permit presumed damages"), "{body}");
    assert_eq!(body.matches("does not permit presumed damages").count(), 1, "{body}");
}

#[test]
fn a_project_argument_kind_names_the_movant_in_its_summary() {
    // `{movant}` and `{his}` in a project kind's summary: the introduction and the roadmap name
    // the movant as the brief does, never "the movant" (a new user's M.D. Fla. matter).
    let dir = temp_dir("kind-movant");
    for d in ["clauses", "matters"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    std::fs::write(
        dir.join("clauses/_arguments-extra.yaml"),
        "private-figure:\n  means: the plaintiff is a private figure, so less protection applies\n  summary: \"{movant}’s claimed status as a private figure, and {his} lesser burden under _Gertz_\"\n  answered_by: a paragraph of the matter's own\n",
    )
    .unwrap();
    let text = own_text("prairie-crest-v-does.yaml")
        .replace(
            "      - kind: no-standing\n",
            "      - kind: private-figure\n        says: it is a private figure\n        cite: {doc: mot, at: \"at 3\"}\n      - kind: no-standing\n",
        )
        .replace(
            "  - conclusion\n",
            "  - paragraph: private\n    heading: Private Figures Get No Lesser Standard\n    text: \"The standard does not turn on the plaintiff's status. [see @dendrite at 760–61].\"\n    answers: [private-figure]\n  - conclusion\n",
        );
    assert!(text.contains("private-figure"));
    std::fs::write(dir.join("matters/m.yaml"), &text).unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let loaded = pleader::pipeline::load(pleader::diag::SourceText::new("m.yaml", text), project)
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let built = pleader::pipeline::Session::new()
        .build_loaded(loaded, std::time::Instant::now(), pleader::pipeline::BuildOptions::default())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let body = body_text(&built);
    assert!(
        body.contains("Prairie Crest's claimed status as a private figure, and its lesser burden under Gertz"),
        "{body}"
    );
    assert!(!body.contains("{movant}") && !body.contains("{his}"), "{body}");
    // `_…_` in a summary is italics, never printed underscores (the D.D.C. user's "_Solers_").
    assert!(!body.contains("_Gertz_"), "{body}");
    let italic: Vec<String> = body_pages(&built)
        .flat_map(|p| pleader::typeset::page_text(&built.doc.pages()[p].frame))
        .filter(|r| r.italic)
        .map(|r| r.text)
        .collect();
    assert!(italic.iter().any(|t| t.contains("Gertz")), "{italic:?}");
}

#[test]
fn the_brief_states_the_intervals_its_dates_make() {
    // Served Sept. 21, objections Oct. 2 (return date Oct. 13), motion Nov. 6: the brief computes
    // eleven and thirty-five days and says the objections came within Rule 45(d)(2)(B)'s time.
    let body = body_text(&build_text("pc.yaml", &own_text("prairie-crest-v-does.yaml")));
    assert!(body.contains("On September 21, 2026, Prairie Crest served the Ledger with a subpoena"), "{body}");
    assert!(body.contains("objections on October 2, 2026, eleven days after the subpoena was served"), "{body}");
    // The rule is cited, so the table of authorities lists the page (audits R4, H1, H3).
    assert!(body.contains("within the time Rule 45 allows, see Fed. R. Civ. P. 45(d)(2)(B). Letter from"), "{body}");
    assert!(body.contains("On November 6, 2026, thirty-five days after the Ledger served its objections"), "{body}");
    // Objections served on the twentieth day: the days are stated, timeliness is not claimed.
    let late =
        own_text("prairie-crest-v-does.yaml").replace("objections_served: 2026-10-02", "objections_served: 2026-10-11");
    let body = body_text(&build_text("pc.yaml", &late));
    assert!(body.contains("objections on October 11, 2026, twenty days after the subpoena was served."), "{body}");
    assert!(!body.contains("within the time Rule 45 allows"), "{body}");
    assert!(body.contains("twenty-six days after the Ledger served its objections"), "{body}");
}

#[test]
fn a_waiver_argument_is_answered_from_the_dates_and_only_when_they_show_timeliness() {
    let text = own_text("harborlight-subpoena.yaml");
    let body = body_text(&build_text("hl.yaml", &text));
    assert!(body.contains("The Association's Objections Were Timely"), "{body}");
    assert!(
        body.contains("served its written objections on August 14, 2026, eleven days after service and before the date set for compliance"),
        "{body}"
    );
    // The roadmap names every answering section, from the kinds' data.
    assert!(body.contains("Part V.A answers the motion's reliance on the timeliness of the objections."), "{body}");
    // Objections on the fifteenth day: the clause refuses to argue timeliness, naming the dates.
    let late = text.replace("objections_served: 2026-08-14", "objections_served: 2026-08-18");
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let loaded = pleader::pipeline::load(pleader::diag::SourceText::new("hl.yaml", late), project).unwrap();
    let Err(err) = pleader::pipeline::draft_with(&loaded, &[]) else {
        panic!("a late objection must not be argued as timely");
    };
    let shown = pleader::diag::render(&err, Default::default());
    assert!(shown.contains("2026-08-18") && shown.contains("untimely-objections"), "{shown}");
}

#[test]
fn statements_argued_as_opinion_are_argued_even_when_evidence_missing_omits_fact() {
    // The Harborlight matter lists no `fact` under evidence.missing, but two of its three posts are
    // opinion (the default): the brief argues them as opinion under Washington law, and the
    // introduction counts them.
    let body = body_text(&build_text("hl.yaml", &own_text("harborlight-subpoena.yaml")));
    assert!(body.contains("two of the three posts at issue express opinions rather than facts"), "{body}");
    assert!(body.contains("On their face, two of the posts"), "{body}");
    assert!(body.contains("Dunlap v. Wayne"), "{body}");
}

#[test]
fn the_governing_states_fact_opinion_factors_are_applied_to_what_the_matter_says() {
    // Washington (Dunlap): medium and context, audience, undisclosed facts — each argued from
    // the matter's `forum`, and the `basis` of the statement that discloses what it rests on.
    let text = own_text("harborlight-subpoena.yaml");
    let built = build_text("hl.yaml", &text);
    let body = body_text(&built);
    let at = body.find("On their face, two of the posts").expect("the opinion argument");
    let end = at + body[at..].find(" a reader could check.").expect("its conclusion");
    let para = &body[at..end];
    assert!(
        para.contains("Under Washington law, whether a statement asserts a fact turns on the medium and context in which the statement was published, the audience to whom it was published, and whether the statement implies undisclosed facts"),
        "{para}"
    );
    assert!(para.contains("The first is a superlative no one could measure"), "{para}");
    assert!(para.contains("in a discussion thread about the shoreline rezoning"), "{para}");
    // Where the posts appeared and before whom, never why their authors wrote them (the record
    // of the forum's declarant says who reads it, not what the speakers intended).
    assert!(para.contains("before neighbors following the rezoning dispute. Lund Decl. ¶¶ 3–4."), "{para}");
    assert!(!para.contains("were written for"), "{para}");
    assert!(
        para.contains("The second of those posts discloses the facts it rests on (the public benefits package"),
        "{para}"
    );
    // The factual post is argued on its own, after the opinions.
    assert!(!para.contains("dumped fill"), "{para}");
    // Outrage's severe emotional distress is its own kind of proof, not the economic harm the
    // movant's declaration is offered for.
    assert!(body.contains("of the conduct the law requires or of severe emotional distress."), "{body}");
    assert!(built.warnings.is_empty(), "{:?}", built.warnings.iter().map(|w| &w.message).collect::<Vec<_>>());

    // Without `forum`, the audience factor cannot be argued: the brief leaves it out and a
    // warning names it at the matter's line, rather than the brief asserting an audience.
    let start = text.find("  forum:\n").unwrap();
    let stop = start + text[start..].find("  post_noun:").unwrap();
    let bare = format!("{}{}", &text[..start], &text[stop..]);
    let built = build_text("hl-bare.yaml", &bare);
    let body = body_text(&built);
    assert!(!body.contains("were written for"), "{body}");
    assert!(body.contains("The posts appeared on Harborlight Commons, the Association's online discussion board for Port Madrona residents."), "{body}");
    let warned: Vec<&String> = built.warnings.iter().map(|w| &w.message).collect();
    assert!(
        warned.iter().any(|m| m.contains(
            "Washington's test for telling fact from opinion (Dunlap) weighs the audience to whom it was published"
        )),
        "{warned:?}"
    );
    assert_eq!(warned.len(), 1, "{warned:?}");
}

#[test]
fn an_individual_non_party_answers_standing_first_in_her_own_right() {
    // D. Mass.: the client is a person ("Ms. Almeida"), the movant a company; the standing
    // answer leads with her own Rule 45 standing, says why being an individual changes nothing,
    // and never calls her "it"; a declaration marked as lacking personal knowledge meets Rule 602.
    let built = build_text("gr.yaml", &own_text("granite-ridge-subpoena.yaml"));
    let body = body_text(&built);
    assert!(
        body.contains("Ms. Almeida May Oppose the Motion and Assert Her Users' First Amendment Interests"),
        "{body}"
    );
    assert!(body.contains("The argument overlooks Ms. Almeida's own standing. Ms. Almeida is the person the subpoena commands to produce"), "{body}");
    assert!(body.contains("That Ms. Almeida is an individual rather than a company changes none of this"), "{body}");
    for wrong in ["Ms. Almeida served its", "Ms. Almeida objects in its", "Its Users", "infringe its users"] {
        assert!(!body.contains(wrong), "{wrong}: {body}");
    }
    assert!(
        body.contains("Nor does the declaration show that its declarant knows firsthand what it describes"),
        "{body}"
    );
    assert!(body.contains("Fed. R. Evid. 602"), "{body}");
    // The District's own decision applied another test: the brief says the motion fails its
    // first step too (the bank's `first_step`), pointing to the evidence section.
    assert!(
        body.contains("Nor would the test applied in London-Sire lead to a different result: it begins with a prima facie claim of actionable harm, see London-Sire, 542 F. Supp. 2d at 163–64, and, as Part V.C.1 shows, Granite Ridge has not made even that showing."),
        "{body}"
    );
    // Each objection the background states carries its own cite (`objection_cites`); the same
    // page as the cite before it is "Id." alone (Bluebook 4.1).
    assert!(body.contains("before anonymous speakers may be unmasked. Id. Third, Ms. Almeida objected"), "{body}");
    assert!(body.contains("right to speak anonymously. Id. at 3."), "{body}");
    // The place-of-compliance objection states Rule 45 as it is written.
    assert!(body.contains("belongs in \"the court for the district where compliance is required,\""), "{body}");
    assert!(!body.contains("compliance could be required only in this District"), "{body}");
    // The District's certificate of service follows the signature.
    let all: Vec<String> = (0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect();
    let whole = normalize(&all.join(" "));
    assert!(whole.contains("CERTIFICATE OF SERVICE"), "no certificate of service");
    // The rule is in the table of authorities as well as in the body.
    assert_eq!(whole.matches("Fed. R. Evid. 602").count(), 2, "{whole}");
}

#[test]
fn an_association_whose_members_spoke_relies_on_their_rights_against_disclosure() {
    // `client_role.membership`: the speakers are the non-party's members, so the standing answer
    // adds an association's reliance on its members' rights (Brown Group's account of NAACP v.
    // Alabama, the only page of either seen), with the record's cite for the membership.
    let text = own_text("okonkwo-v-orbitline.yaml").replace(
        "facts:\n  platform: Orbitline\n",
        "facts:\n  platform: Orbitline\n  client_role:\n    does: is a members' association that runs its forum\n    membership: true\n    cite: {doc: sato-decl, at: \"¶ 2\"}\n",
    );
    let body = body_text(&build_text("ok.yaml", &text));
    assert!(
        body.contains("Orbitline's position is stronger still, because the speakers are its members, see Sato Decl. ¶ 2, and an association may resist the compelled disclosure of its members' identities by relying on its members' own First Amendment rights. See United Food & Com. Workers Union Loc. 751 v. Brown Grp., Inc., 517 U.S. 544, 552 (1996) (explaining that in NAACP v. Alabama ex rel. Patterson, 357 U.S. 449 (1958), the Court \"permitted the NAACP to rely on violations of its members' First Amendment associational rights in suing to bar the State of Alabama from compelling disclosure of the association's membership lists\")"),
        "{body}"
    );
    // Without it, nothing is said of members.
    let plain = body_text(&build_text("ok.yaml", &own_text("okonkwo-v-orbitline.yaml")));
    assert!(!plain.contains("stronger still"), "{plain}");
    assert!(!plain.contains("NAACP"), "{plain}");
}

#[test]
fn an_evidence_step_resting_only_on_identity_is_warned_at_its_line() {
    // `evidence.missing` naming only what turns on the speakers' identity (fault, intent): a
    // warning at the list, naming the kinds, for the lawyer to add what else the evidence lacks.
    let text = own_text("dorsey-v-does.yaml");
    let built = build_text("d.yaml", &text);
    assert!(!built.warnings.iter().any(|w| w.message.contains("turns on who the speakers are")));
    let only = text.replace("    missing: [falsity, fault]\n", "    missing: [fault]\n");
    assert_ne!(only, text);
    let built = build_text("d.yaml", &only);
    let w = built
        .warnings
        .iter()
        .find(|w| w.message.contains("turns on who the speakers are"))
        .expect("a warning at evidence.missing");
    assert!(w.message.contains("every showing `evidence.missing` names (fault)"), "{}", w.message);
    let line = only.lines().position(|l| l.starts_with("    missing: [fault]")).unwrap() + 1;
    let (at, _) = w.source.as_ref().unwrap().line_col(w.span.clone().unwrap().start);
    assert_eq!(at, line, "{}", w.message);
}

#[test]
fn terms_and_silence_arguments_are_answered_from_what_the_matter_says() {
    // N.D. Tex., a newspaper publisher as the non-party: the motion says the commenters waived
    // anonymity by accepting the comment policy, and that their silence after notice leaves nothing
    // to protect. The policy is quoted only as the matter states it, with its section; the standard
    // the Court should adopt is named as such; the notice already described in the Dendrite step is
    // referred to, not told twice.
    let built = build_text("rb.yaml", &own_text("redbud-subpoena.yaml"));
    let body = body_text(&built);
    assert!(body.contains("The Courier's Terms Did Not Waive the Speakers' First Amendment Protection"), "{body}");
    assert!(
        body.contains("The term Redbud relies on provides that the Courier may disclose information about a commenter \"when required to do so by law, such as in response to a subpoena or court order.\" Panhandle Courier Publ'g Co., Reader Comment Policy § 4"),
        "{body}"
    );
    assert!(
        body.contains("The term is not a waiver, either. A waiver is \"an intentional relinquishment or abandonment of a known right or privilege,\" Johnson v. Zerbst, 304 U.S. 458, 464 (1938)"),
        "{body}"
    );
    assert!(body.contains("The Dendrite test, the test this Court should apply, requires the party seeking disclosure to make its showing before a speaker is unmasked"), "{body}");
    assert!(body.contains("The speakers' silence is not consent to be unmasked."), "{body}");
    assert!(body.contains("Notice, as Part IV.C.1 explains, opens the inquiry rather than closing it."), "{body}");
    assert_eq!(body.matches("posted a reply beneath each comment on November 2, 2026").count(), 1, "{body}");
    // The notice's timing, computed from the dates (served Oct. 5, notice Nov. 2, motion Nov. 16).
    assert!(
        body.contains("That was twenty-eight days after Redbud served the subpoena and after the date it set for compliance; Redbud filed this motion fourteen days later. Notice is only the beginning"),
        "{body}"
    );
    // Notice given after the motion was filed is said as such, not left out.
    let late = own_text("redbud-subpoena.yaml").replacen("      date: 2026-11-02\n", "      date: 2026-11-20\n", 1);
    let late_body = body_text(&build_text("rb-late.yaml", &late));
    assert!(
        late_body.replace("forty- six", "forty-six").contains("That was forty-six days after Redbud served the subpoena and after the date it set for compliance. Redbud gave that notice four days after filing this motion. Notice is only the beginning"),
        "{late_body}"
    );
    // The lead-in refers to the legal standard instead of listing the five steps again, and its
    // roadmap names every subsection, the answer to the silence argument included.
    assert!(
        body.contains("The Dendrite test asks five things of the party seeking disclosure, which Part III sets out."),
        "{body}"
    );
    assert!(
        body.contains(
            "Part IV.C.2 explains why the speakers' silence after notice does not relieve Redbud of the rest."
        ),
        "{body}"
    );
    // Two statements cited to the same paragraph cite it once.
    assert!(!body.contains("¶¶ 16, 16"), "{body}");
    // Doe 2 is challenged only for statements argued as opinion: the conclusion asks, at a
    // minimum, that the motion be denied as to that speaker (Doe 1's comment is argued as fact).
    assert!(
        body.contains("At a minimum, the Court should deny the motion as to Doe 2, whose only challenged statements express opinions, as Part IV.C.3 shows"),
        "{body}"
    );
    assert!(!body.contains("as to Doe 1"), "{body}");
    // The subpoena's reach is argued because the objections raised it (federal court: an
    // objection not served is waived), and the background says so with its cite.
    assert!(body.contains("Third, the Courier objected that the subpoena demands more than Redbud could need to name and serve a defendant. Id. at 3."), "{body}");
    assert!(body.contains("Nor is the request proportional to any need Redbud could have"), "{body}");
    // The string cite runs in Bluebook 1.4 order: among district courts, the most recent first,
    // by the day decided (`decided:`) where the cite prints only the year; the state case last.
    let survey = &body[body.find("Courts elsewhere have refused").expect("the survey")..];
    let at = |name: &str| survey.find(name).unwrap_or_else(|| panic!("{name} in {survey}"));
    assert!(at("SaleHoo") < at("Highfields"), "{survey}");
    // A denial on grounds of its own (an ex parte motion that cited no law: `proceeding:`) is
    // surveyed only as its own district's decision.
    assert!(!survey.contains("McMann"), "{survey}");
    // Another court's decision enters at a pin that was read: Mirza's (*2, from a party's brief)
    // was not, so the survey leaves it out.
    assert!(!survey.contains("Mirza"), "{survey}");
    // Decisions on § 1782 applications (`proceeding:`) add length, not weight, to a survey of
    // other circuits' courts: left out (round 4 audit).
    assert!(!survey.contains("Tokyo Univ.") && !survey.contains("PGS Home"), "{survey}");
    assert!(at("Highfields") < at("Rancho"), "{survey}");
    // LR 10.1(b): the signature block carries a facsimile number.
    let all: Vec<String> = (0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect();
    assert!(normalize(&all.join(" ")).contains("Facsimile: (806) 555-0144"));
}

#[test]
fn a_cross_motion_to_quash_is_asked_for_only_in_federal_court() {
    // `relief: deny-and-quash`: the conclusion asks the Court, on the non-party's cross-motion,
    // to quash the subpoena under Rule 45(d)(3)(A)(iii), which acts "on timely motion".
    let federal = own_text("redbud-subpoena.yaml").replacen(
        "  - conclusion\n",
        "  - clause: conclusion\n    options: {relief: deny-and-quash}\n",
        1,
    );
    let body = body_text(&build_text("rb.yaml", &federal));
    assert!(
        body.contains("deny Redbud's motion to compel and, on the Courier's cross-motion, quash the subpoena, which \"requires disclosure of privileged or other protected matter.\" Fed. R. Civ. P. 45(d)(3)(A)(iii)."),
        "{body}"
    );
    // A state court applies no Federal Rule: the option is an error, never a federal citation.
    let state = own_text("ferreira-v-nestwise.yaml").replacen(
        "  - conclusion\n",
        "  - clause: conclusion\n    options: {relief: deny-and-quash}\n",
        1,
    );
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let loaded = pleader::pipeline::load(pleader::diag::SourceText::new("fe.yaml", state), project).unwrap();
    let err =
        pleader::pipeline::draft_with(&loaded, &[]).expect_err("a state-court cross-motion under Rule 45 is an error");
    let text = pleader::diag::render(&err, Default::default());
    assert!(text.contains("deny-and-quash") && text.contains("state court"), "{text}");
}

#[test]
fn a_commercial_speech_argument_is_answered_from_what_the_matter_says_about_the_posts() {
    // D.N.J., a nonprofit association as the non-party, New Jersey claims: the motion calls the
    // reviews commercial speech written by a competitor. The answer gives the Supreme Court's core
    // definition with its "(quoting …)", says what the reviews do only as the matter states it,
    // and states the movant's evidence of motive and why it falls short in the matter's words.
    let text = own_text("brennock-v-does.yaml");
    let built = build_text("cs.yaml", &text);
    let body = body_text(&built);
    // The District of New Jersey's first page: "Civil Action No.", the assigned judge, and a
    // business form kept on the line of the name it ends.
    let cover = normalize(&page_string(&built, 0));
    assert!(cover.contains("Civil Action No. 2:26-cv-04417"), "{cover}");
    assert!(cover.contains("Hon. Adaeze N. Whitfield"), "{cover}");
    for line in page_string(&built, 0).lines() {
        assert!(!line.trim().starts_with("LLC"), "a business form alone on a caption line: {line}");
    }
    assert!(
        body.contains(
            "The Reviews Are Not Commercial Speech, and the Label Would Not Lower the Showing Brennock Must Make"
        ),
        "{body}"
    );
    assert!(
        body.contains("The \"core notion of commercial speech\" is speech that does \"no more than propose a commercial transaction.\" Bolger v. Youngs Drug Prods. Corp., 463 U.S. 60, 66 (1983) (quoting Va. State Bd. of Pharmacy v. Va. Citizens Consumer Council, Inc., 425 U.S. 748, 762 (1976))."),
        "{body}"
    );
    assert!(
        body.contains("The reviews propose no transaction. They describe the writers' own experiences with Brennock"),
        "{body}"
    );
    assert!(body.contains("As evidence of that motive, Brennock points to its owner's statement that the three reviews were posted within about a day"), "{body}");
    assert!(body.contains("That evidence falls short: the certification names no competitor"), "{body}");
    // Bolger found the pamphlets commercial only from the three features together (audit: the
    // brief must not hide that), and held the motive alone insufficient.
    assert!(body.contains("only from the combination of their advertising format, their references to the company's own products, and its economic motive"), "{body}");
    assert!(body.contains("Bolger, 463 U.S. at 66–67."), "{body}");
    // The label bears on fault (New Jersey sets fault by the speech's subject: Senna, verified at
    // 430), and it is no evidence of falsity or harm: the brief says so from the claim's law, not
    // that every element is unchanged.
    assert!(body.contains("What the classification of speech can change is the fault a plaintiff must prove: under New Jersey law, a private plaintiff must show negligence in a general defamation case; actual malice"), "{body}");
    assert!(body.contains("See Senna v. Florimont, 958 A.2d 427, 430 (N.J. 2008). These reviews involve the public interest: they warn neighbors"), "{body}");
    assert!(body.contains("That calls for actual malice — knowledge that a statement was false or reckless disregard of whether it was, see Senna, 958 A.2d at 430, and the label could lower it only if the commercial motive it assumes were proved, which it is not. The label is no evidence that any review is false, or that any review caused the harm Brennock claims."), "{body}");
    assert!(!body.contains("the same whatever the speech is called"), "{body}");
    // The introduction names each party in full once and defines the short name after it.
    assert!(body.contains("Brennock Home Renovations, LLC (\"Brennock\") asks the Court to order South Mountain Neighbors Association, Inc. (the \"Association\") to reveal"), "{body}");
    // Two argued claims rest on the same reviews: the opinion argument reaches both as far as
    // each depends on a false assertion, no further (audit N11: the carry-over had no authority).
    assert!(body.contains("Each of the claims Brennock presses, defamation and tortious interference with prospective economic advantage, rests on the same reviews, see Compl. ¶¶ 24–48, so to the extent each depends on the reviews' asserting something false, reviews that assert no fact support none of them."), "{body}");
    // Under Dendrite, which does not excuse what turns on the speakers' identity, the brief does
    // not concede fault and intent (audit: "may be hard to show" undercut the point): the
    // standard asks for evidence on each element, said flatly.
    assert!(
        body.contains(
            "or of the intent the law requires, and the Dendrite test asks for evidence supporting each element."
        ),
        "{body}"
    );
    assert!(!body.contains("this opposition does not rest on it"), "{body}");
    assert!(!body.contains("hard to show before the speakers are known"), "{body}");
    // McVicker and Enterline concerned posters who were not parties (witnesses): the balance's
    // survey of refusals to unmask, written for Doe defendants, no longer cites them (audit).
    let balance = &body[body.find("The harm here is neither slight nor temporary").expect("the balance")..];
    assert!(!balance.contains("McVicker") && !balance.contains("Enterline"), "{balance}");
    // The speakers were never notified: the conclusion asks, in any event, that none be
    // identified before they are.
    assert!(body.contains("In any event, no speaker should be identified before the speakers have had notice of the subpoena and a reasonable opportunity to oppose it, as Part IV.C.1 explains."), "{body}");
    // Objections served on the fourteenth day: the dates are stated, but not the conclusion that
    // Rule 45(d)(2)(B)'s "before … 14 days after" was met (a literal reading disputes it).
    assert!(
        body.contains(
            "fourteen days after the subpoena was served and before the date set for compliance. Letter from"
        ),
        "{body}"
    );
    assert!(!body.contains("within the time Rule 45 allows"), "{body}");
    // The order was this Court's own: "The Court", capitalized.
    // (The order's own terms, `decided`, in the lawyer's words.)
    assert!(body.contains("The Court's order granted Brennock leave to serve a subpoena on the Association before the Rule 26(f) conference."), "{body}");
    // A federal court in the state whose own courts the standard binds says so, once.
    assert_eq!(body.matches("It is also the test New Jersey's own courts apply").count(), 1, "{body}");
    // The lead-in's roadmap names every subsection nested under it, the answer to the
    // pleading-standard argument included, and nothing outside it.
    assert!(
        body.contains("Part IV.C.1 takes up the threshold steps. Part IV.C.2 answers the motion's reliance on a standard that asks only for allegations. Part IV.C.3 shows that the evidence Brennock offers falls short. Part IV.C.4 shows"),
        "{body}"
    );
    // With no evidence of motive, the brief says that, and nothing about evidence it lacks.
    let none = text.replacen("    motive_offered: true\n", "    motive_offered: false\n", 1).replacen(
        "    motive_evidence: its owner’s statement",
        "    # motive_evidence: its owner’s statement",
        1,
    );
    let none_body = body_text(&build_text("cs-none.yaml", &none));
    assert!(none_body.contains("turns on who wrote it and why. Brennock offers no evidence of either. Those are the facts the subpoena seeks."), "{none_body}");
    assert!(!none_body.contains("about a day"), "{none_body}");
    // A Dendrite court outside New Jersey does not speak of a choice between New Jersey's
    // courthouses; it says the test is New Jersey's only because the claims arise under New
    // Jersey law (the E.D. Mo. audit).
    let elsewhere = body_text(&build_text(
        "cs-tex.yaml",
        &text.replacen("\ncourt: dnj\n", "\ncourt: nd-tex\ndivision: Dallas Division\n", 1),
    ));
    assert!(!elsewhere.contains("courthouse in New Jersey"), "{elsewhere}");
    assert!(
        normalize(&elsewhere).contains("It is also the test New Jersey's own courts apply, see Dendrite, 775 A.2d at 760–61, and the claims Brennock presses here arise under New Jersey law, so applying it keeps the speakers' protection from turning on where the subpoena was served."),
        "{elsewhere}"
    );
    // Motive said to be offered, with nothing to state: a located error, never a silent sentence.
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let half = text.replacen("    motive_falls_short:", "    # motive_falls_short:", 1);
    let loaded =
        pleader::pipeline::load(pleader::diag::SourceText::new("cs-half.yaml", half), project.clone()).unwrap();
    let err =
        pleader::pipeline::draft_with(&loaded, &[]).expect_err("motive offered without its shortfall is an error");
    let rendered = pleader::diag::render(&err, Default::default());
    assert!(rendered.contains("motive_falls_short"), "{rendered}");
    // In a Ninth Circuit court the library has no checked answer: the build stops and says why.
    let ninth = sample_text_in("brennock-v-does.yaml", "nd-cal").replacen(
        "      - clause: standard-fails\n        sections:\n          - notice-and-statements\n          - pleading-not-enough\n",
        "      - clause: highfields-fails\n        sections:\n",
        1,
    );
    let err = pleader::pipeline::load(pleader::diag::SourceText::new("cs-9.yaml", ninth), project)
        .and_then(|l| pleader::pipeline::draft_with(&l, &[]))
        .expect_err("no checked Ninth Circuit answer");
    assert!(err.iter().all(is_court_mismatch), "{err:?}");
    let rendered = pleader::diag::render(&err, Default::default());
    assert!(rendered.contains("In re Anonymous Online Speakers"), "{rendered}");
}

#[test]
fn a_service_need_argument_is_answered_and_a_binding_standard_speaks_first() {
    // The Superior Court of Delaware, where Cahill binds; a newspaper publisher as the non-party;
    // Delaware defamation; a motion that says the plaintiff cannot serve the commenters without
    // their names, that a good-faith claim suffices, and that the speech is unprotected.
    let text = own_text("dorsey-v-does.yaml");
    let built = build_text("de.yaml", &text);
    let body = body_text(&built);
    // The roadmap says where every argument is met, those answered inside the standard's own
    // section included (audit M3b).
    assert!(body.contains("Part IV.B shows that Chief Dorsey cannot meet the Cahill standard and answers, in Part IV.B.2, the motion's reliance on a standard that asks only for allegations."), "{body}");
    // Rule 107(d): the cover names counsel, with their bar numbers, under the caption.
    let cover = normalize(&page_string(&built, 0));
    assert!(cover.contains("IN THE SUPERIOR COURT OF THE STATE OF DELAWARE"), "{cover}");
    assert!(cover.contains("C.A. No. S26C-08-019 RHR"), "{cover}");
    assert!(cover.contains("HALLORAN & ABARA LLC"), "{cover}");
    assert!(cover.contains("Thomas P. Halloran (Bar No. 4407)"), "{cover}");
    assert!(cover.contains("Attorneys for Non-Party"), "{cover}");
    // The argument no sample made before: answered on its own, with the one decision the bank
    // records for it (Cahill's opening at 454, seen), and the standard's own evidence step.
    assert!(body.contains("The Need to Serve the Defendants Is No Substitute for the Showing"), "{body}");
    assert!(body.contains("Chief Dorsey argues that he cannot serve the two commenters, and his action cannot go forward, unless the Courier identifies them. Mot. ¶¶ 5–7."), "{body}");
    // The motion states the argument it is cited for: no signal (Bluebook 1.2(a)).
    assert!(!body.contains("See Mot. ¶¶ 5–7"), "{body}");
    assert!(body.contains("The showing has been required of a plaintiff who sought the name for exactly this reason. See Cahill, 884 A.2d at 454 (reversing, as insufficiently protective"), "{body}");
    assert!(!body.contains("Courts have required the showing of plaintiffs"), "one decision is not 'courts': {body}");
    assert!(body.contains("The Cahill standard makes no exception for it"), "{body}");
    // The need is not conceded, only accepted for argument (audit).
    assert!(
        body.contains("Even accepting the premise, the same is true of every action against an anonymous defendant"),
        "{body}"
    );
    assert!(!body.contains("The premise is true"), "{body}");
    // The standard binds this court, and its own decision rejected the movant's threshold: the
    // answer leads with it, without a signal, and needs no other state's decision (audit: a New
    // Jersey case Delaware modified invites a reply).
    assert!(body.contains("Allegations, however pleaded, are not enough."), "{body}");
    assert!(body.contains("Mot. ¶¶ 8–12. The decision that announced the Cahill standard, which binds this Court, rejected a lower threshold of that kind. Cahill, 884 A.2d at 454 (reversing a disclosure order entered under a good-faith standard"), "{body}");
    assert!(!body.contains("Many courts that have considered"), "{body}");
    assert!(!body.contains("Dendrite"), "{body}");
    // Two steps, neither taken (no notice; no evidence).
    assert!(body.contains("Chief Dorsey has done neither."), "{body}");
    assert!(!body.contains("has not done both"), "{body}");
    // Delaware's own law: the elements from Cahill, the opinion rule from Riley; one argued claim
    // is "his claim"; the missing falsity evidence is said once, for every statement.
    assert!(body.contains("Under Delaware law, defamation requires"), "{body}");
    assert!(body.contains("Riley v. Moyed, 529 A.2d 248, 250 (Del. 1987)"), "{body}");
    // The evidence section's heading is in Cahill's own terms, not Highfields' (audit M1).
    assert!(body.contains("Chief Dorsey's evidence would not defeat a motion for summary judgment."), "{body}");
    assert!(!body.contains("essential to his claims"), "{body}");
    assert!(body.contains("On its face, one of the comments,"), "{body}");
    assert_eq!(body.matches("offered to show that it is false").count(), 0, "{body}");
    assert!(
        body.contains("Nothing Chief Dorsey offers is even put forward as evidence of the falsity of any statement."),
        "{body}"
    );
    // One speaker with one comment, argued as opinion.
    assert!(body.contains("Doe 2, whose only challenged comment expresses an opinion"), "{body}");
    // Riley's page 250 shows an affirmance of a trial court's opinion ruling: "Cf.", not "See".
    assert!(body.contains("could check. Cf. Riley v. Moyed, 529 A.2d 248, 250 (Del. 1987) (affirming"), "{body}");
    // The per se label is answered, and the actual malice the concession excuses is tied to the
    // record's account of the movant's public role.
    // (It presupposes a false statement of fact; it concedes nothing about damages: audit M2.)
    assert!(body.contains("the label presupposes a false statement of fact about the plaintiff, and whether Chief Dorsey has shown one is the very question the standard asks."), "{body}");
    // A police chief is a public official: the concession says so (the Philadelphia user), and
    // the answer to "unprotected speech" states the rule that protects an accusation of misconduct
    // in office unless it is shown false and made with actual malice (the Delaware audit, N-1).
    assert!(
        body.contains(
            "such as the actual malice he must prove as a public official, see id. ¶¶ 2, 7; but he must show"
        ),
        "{body}"
    );
    assert!(body.contains("However grave the charge, it does not take the comments outside the First Amendment. The Constitution requires \"a federal rule that prohibits a public official from recovering damages for a defamatory falsehood relating to his official conduct unless he proves that the statement was made with 'actual malice'"), "{body}");
    assert!(body.contains("Speech accusing Chief Dorsey of misconduct in office is protected unless he proves it false and made with that knowledge or disregard."), "{body}");
    // The introduction cites the motion's paragraphs once, not three times, their touching
    // ranges (¶¶ 5–7, 8–12, 13–15) joined, with where the motion was filed after the pin and the
    // short form after that (B17.1.4, `filed:`).
    assert!(body.contains("Pl.'s Mot. to Compel ¶¶ 5–15, Trans. ID 78156022 (\"Mot.\")."), "{body}");
    // Who sued whom first, the movant's public role after it (the D.D.C. user).
    assert!(body.contains("II. FACTUAL BACKGROUND Chief Dorsey sued the anonymous users behind two InletBayCourier.com accounts in this Court, asserting a claim for defamation. Compl. ¶¶ 14–29, Trans. ID 77342190. Chief Dorsey has been the chief of the Town of Inlet Bay's police department since 2018. Id. ¶ 2."), "{body}");
    // The legal standard's "evidence, not pleading" is cited to the standard's evidence step.
    assert!(body.contains("allegations, however well pleaded, do not meet it. See id. at 460."), "{body}");
    // Rule 5: a certificate of service follows the certificate of compliance, dated.
    let all = normalize(&(0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n"));
    let compliance = all.find("CERTIFICATE OF COMPLIANCE").expect("certificate of compliance");
    let service = all.find("CERTIFICATE OF SERVICE").expect("certificate of service");
    assert!(service > compliance, "{all}");
    assert!(all.contains("I certify that on December 7, 2026, I caused a copy of the foregoing brief to be served on Marcus T. Kessler, Esquire, Kessler & Pryor LLP,"), "{all}");
    // Without `document.served` the certificate says "all counsel of record", and `check` says the
    // court wants the names.
    let unnamed = text.replacen("  served:\n    - \"Marcus T. Kessler", "  # served:\n    # - \"Marcus T. Kessler", 1);
    let built2 = build_text("de-unnamed.yaml", &unnamed);
    let all2 =
        normalize(&(0..built2.doc.pages().len()).map(|p| page_string(&built2, p)).collect::<Vec<_>>().join("\n"));
    assert!(all2.contains("to be served on all counsel of record, through File & ServeXpress."), "{all2}");
    let report = pleader::rules::court_checks(&built2);
    let requires = report.iter().find(|i| i.name == "what the court requires").expect("requires item");
    assert_eq!(requires.status, pleader::rules::Status::Fail, "{:?}", requires.detail);
    assert!(requires.detail.contains("`document.served`"), "{}", requires.detail);
    // Cahill decided a defamation plaintiff's request to identify an anonymous defendant: the
    // brief says it governs that, and no more (audits: scope overstated).
    assert!(
        body.contains("governs a defamation plaintiff's request to identify an anonymous defendant in this Court."),
        "{body}"
    );
    // Final audit: the complaint's allegation of falsity is acknowledged and answered, and the
    // per se argument cannot reach the opinion.
    assert!(
        body.contains("The complaint calls that comment false, see id. ¶ 13, but an allegation is not evidence."),
        "{body}"
    );
    assert!(body.contains("And it cannot reach a comment that asserts no fact at all: a statement that cannot be proved false is not defamatory, per se or otherwise."), "{body}");
    // The objection letter is cited again only as Id.: no short form it would never use.
    assert!(body.contains("Mot. Ex. C at 1–2. First, the Courier objected"), "{body}");
    assert!(!body.contains("Objection Letter"), "{body}");
    // A state court: no Federal Rule anywhere.
    assert!(!body.contains("Fed. R. Civ. P."), "{body}");
}

#[test]
fn the_need_to_serve_is_answered_once_in_a_court_with_no_settled_standard() {
    // The D.N.J. sample (no settled standard) with a `service-need` argument added: the answer
    // cites the bank's decision, asks the Court to apply the test the brief urges, and the
    // balance of harms no longer makes the same point a second time.
    let text = own_text("brennock-v-does.yaml");
    let plain = body_text(&build_text("sn-0.yaml", &text));
    let said_in_balance = "Brennock says that without the speakers' names the lawsuit cannot go forward.";
    assert_eq!(plain.matches(said_in_balance).count(), 1, "{plain}");
    let with = text
        .replacen(
            "      - kind: commercial-speech\n",
            "      - kind: service-need\n        says: it cannot serve the three reviewers without their names\n        cite: {doc: br, at: \"at 15\"}\n      - kind: commercial-speech\n",
            1,
        )
        .replacen("      - relevance-not-enough\n", "      - relevance-not-enough\n      - service-need\n", 1);
    let body = body_text(&build_text("sn-1.yaml", &with));
    assert!(body.contains("Brennock argues that it cannot serve the three reviewers without their names."), "{body}");
    assert!(
        body.contains("The showing has been required of a plaintiff who sought the name for exactly this reason. See Cahill, 884 A.2d at 454 (reversing"),
        "{body}"
    );
    assert!(
        body.contains(
            "The test this brief asks the Court to adopt makes no exception for it: before any speaker is identified"
        ),
        "{body}"
    );
    assert_eq!(body.matches(said_in_balance).count(), 0, "{body}");
}

#[test]
fn an_agreement_argument_is_answered_for_one_speaker_under_pennsylvania_law() {
    // The Eastern District of Pennsylvania, where no standard is settled; an employer-review site
    // as the non-party; one anonymous reviewer sued for breach of an employee confidentiality and
    // non-disparagement agreement and for defamation under Pennsylvania law; a motion that says the
    // reviewer must have signed the agreement and so gave up anonymity.
    let text = own_text("brandywine-v-doe.yaml");
    let built = build_text("pa.yaml", &text);
    let body = body_text(&built);
    let cover = normalize(&page_string(&built, 0));
    assert!(cover.contains("IN THE UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF PENNSYLVANIA"), "{cover}");
    // The new kind of argument, answered on its own terms: the signer is the unknown fact, the
    // movant's evidence of it only as the matter states it, the contract element from
    // Pennsylvania's own authority, and a promise about what one says is not a waiver.
    assert!(body.contains("The Agreement Does Not Excuse the Showing Brandywine Must Make"), "{body}");
    assert!(body.contains("The argument assumes the fact on which it depends. Whether whoever wrote the reviews signed the Employee Confidentiality and Non-Disparagement Agreement (the \"Agreement\") turns on who wrote them"), "{body}");
    assert!(body.contains("That falls short: the declaration says that fourteen people held that title"), "{body}");
    assert!(body.contains("Under Pennsylvania law, a claim for breach of contract requires the existence of a contract, including its essential terms, see CoreStates Bank, N.A. v. Cutillo, 723 A.2d 1053, 1058 (Pa. Super. Ct. 1999), and that is the fact Brandywine's argument assumes."), "{body}");
    assert!(body.contains("\"an intentional relinquishment or abandonment of a known right or privilege.\" Johnson v. Zerbst, 304 U.S. 458, 464 (1938)."), "{body}");
    // The contract's elements are set out once, where the evidence is weighed.
    assert_eq!(body.matches("a breach of a duty imposed by the contract").count(), 1, "{body}");
    // One account: one speaker, never "these one speaker" or "their names".
    assert!(body.contains("Brandywine has sued, in this Court, whoever uses that account"), "{body}");
    assert!(body.contains("wants to learn who that user is."), "{body}");
    assert!(body.contains("Because Brandywine seeks to strip a speaker of anonymity"), "{body}");
    assert!(
        body.contains("Brandywine has not shown that it gave the speaker the notice the standard requires."),
        "{body}"
    );
    assert!(body.contains("And the injury would not be confined to this speaker."), "{body}");
    for wrong in ["these one speaker", "one speakers", "wants their names", "the people who use that account"] {
        assert!(!body.contains(wrong), "{wrong}: {body}");
    }
    // Pennsylvania's statutory elements cited to the statute; what the Constitution adds, each to
    // its own authority; the opinion rule from Pennsylvania's own court, with the page seen.
    assert!(
        body.contains("Under Pennsylvania law, defamation requires the plaintiff to prove, when the issue is properly raised, the defamatory character of the communication;"),
        "{body}"
    );
    // The statute allocates the burden of proof; it is not the source of the claim, so the
    // factual background does not cite it for the claim (audit), and the brief's first citation
    // of it is in full.
    // The elements the Constitution adds are the First Amendment's, not Pennsylvania's (audit M4:
    // "It also requires …, see Milkovich" made a federal limit a state element).
    assert!(body.contains("See 42 Pa. Cons. Stat. § 8343(a). The First Amendment also requires a statement that can reasonably be interpreted as stating actual facts about the plaintiff, facts capable of being proved false, at least where a media defendant speaks on a matter of public concern, see Milkovich v. Lorain J. Co., 497 U.S. 1, 20 (1990);"), "{body}");
    assert!(
        body.contains("asserting a claim for breach of contract and a claim for defamation. Compl. ¶¶ 24–47, ECF No. 1. Brandywine sells measuring instruments"),
        "{body}"
    );
    // Falsity is the plaintiff's to prove only for speech of public concern (Hepps; § 8343(b)
    // puts the truth on the defendant otherwise): the brief argues it because the matter says why
    // the review is of public concern, and says why the rule reaches a speaker who is not a
    // newspaper (audit: the brief's own statement of Hepps defeated its falsity point).
    assert!(body.contains("is at most an assertion of fact that can be checked about a matter of public concern: it reports that a supplier shipped measuring instruments that had failed calibration to a defense customer, see id., so Brandywine should be required to show that it is false."), "{body}");
    // Round 4 audit: § 8343(a) lists special harm, but for a libel Pennsylvania requires actual
    // harm instead (Agriss, cited without a pin: no page of it was seen); the fault element is the
    // one a private-figure plaintiff faces; Pennsylvania's own appellate court is reported, as a
    // state court that binds no federal one, with the one page of it that was seen.
    assert!(body.contains("For a libel, Pennsylvania courts do not require special harm; proof of actual harm, such as injury to reputation, suffices. See Agriss v. Roadway Express, Inc., 483 A.2d 456 (Pa. Super. Ct. 1984)."), "{body}");
    assert!(body.contains("and fault on the defendant's part, which the Constitution requires even where the plaintiff is a private figure, see Gertz v. Robert Welch, Inc., 418 U.S. 323, 347 (1974)."), "{body}");
    assert!(body.contains("Pennsylvania's own courts have faced the question as well, though their answers to it do not bind this Court. See Pilchesky v. Gatelli, 12 A.3d 430, 432 (Pa. Super. Ct. 2011) (vacating"), "{body}");
    // Round 5 audit: the decision the motion relies on for the agreement is answered by name, as
    // the motion reads it (`reads:`), without a word of our own about a record no one here has
    // read; the step's closing sentence names what
    // the offered evidence does not show as well as what nothing goes to; one speaker, one
    // speaker's right, in the test's steps as well.
    assert!(body.contains("Nor does Brandywine's reliance on Immunomedics, Inc. v. Doe, 775 A.2d 773 (N.J. Super. Ct. App. Div. 2001) change the question. Brandywine reads the decision as allowing an employer to learn the identity of an anonymous poster it said was an employee who had broken a confidentiality agreement. See Mot. at 6–10. Even on that reading, it turned on what the record before that court showed about who the speaker was and what the speaker had agreed to; the question here is what this record shows, and it does not show that whoever wrote the reviews signed the Agreement."), "{body}");
    // Round 6: the promise not to disparage is answered, not passed over for damages.
    assert!(body.contains("Nor has Brandywine shown a breach of those terms on which its claim could rest:"), "{body}");
    assert!(body.contains("lacks evidence of at least one essential fact: what it offers does not show a contract binding the speaker or harm, and nothing it offers goes to causation or falsity. The motion fails at this step."), "{body}");
    assert!(body.contains("(1) make efforts to notify the anonymous speaker and give the speaker a reasonable opportunity to oppose the application;"), "{body}");
    assert!(!body.contains("the speakers' First Amendment right"), "{body}");
    // The motion's three arguments are cited once, their pages in order and joined.
    assert!(body.contains("See Pl.'s Mem. Supp. Mot. Compel at 4–12, ECF No. 14-1 (\"Mot.\")."), "{body}");
    // Round 2: the state's own rule and the question the Court left open are said, not hidden;
    // round 5: § 8343(b) has no public-concern condition of its own, so it is not described as one.
    assert!(body.contains("Apart from that constitutional rule, Pennsylvania law provides that the defendant bears the burden of proving the truth of the statement. See § 8343(b)."), "{body}");
    assert!(body.contains("was announced in a case about a newspaper, and the Court left open whether it reaches other speakers, see Hepps, 475 U.S. at 779 n.4; but the reason the Court gave"), "{body}");
    // E.D. Pa.: a certificate of service for ECF filing follows the signature.
    let all = normalize(&(0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n"));
    assert!(all.contains("CERTIFICATE OF SERVICE I certify that on December 4, 2026, I filed the foregoing brief, with the papers submitted with it, through the Court's ECF system"), "{all}");
    // Without the matter's reason, the brief claims no burden of falsity the law does not place.
    let no_concern = text
        .replacen("  public_concern:\n", "  # public_concern:\n", 1)
        .replacen("    why: reports that", "    # why: reports that", 1)
        .replacen(
            "    cite: {doc: compl, at: \"¶ 18\"}\n\n  speaker_agreement",
            "    # cite\n\n  speaker_agreement",
            1,
        );
    let body3 = body_text(&build_text("pa-no-concern.yaml", &no_concern));
    assert!(!body3.contains("show that it is false"), "{body3}");
    assert!(!body3.contains("Hepps"), "{body3}");
    // The matter says the promise not to disparage is answered too (audit: only the
    // confidentiality term was), and the platform's declarant swears only to what it knows.
    assert!(body.contains("the promise not to disparage, on which Brandywine would rest its claim over the second review, reaches only those who made it, which returns the argument to the fact Brandywine has not shown; and the only consequence of either review Brandywine points to is that a customer's auditor asked about the first, which shows that the review was read, not that it cost Brandywine a sale"), "{body}");
    assert!(body.contains("Brandywine has not shown that it gave the speaker notice of the subpoena and time to oppose it. See Hale Decl. ¶ 10."), "{body}");
    // The matter's alternative relief closes the conclusion as a numbered series (audit: no
    // middle path was offered).
    // Grounded in the Court's power to modify a subpoena (audit K5: the alternative relief had
    // no stated basis).
    assert!(body.contains("If the Court grants the motion in any part, Worklens asks only that its order, which alone decides what the non-party must produce, see Fed. R. Civ. P. 45(d)(2)(B)(ii), provide (1) that Worklens, which holds the e-mail address on the account, send the reviewer notice"), "{body}");
    // As limits on the Court's own order, with their reason (audit K7: framed as a motion of the
    // non-party's own, without conferral).
    assert!(body.contains("Those limits would let the action go forward while confining the harm of disclosure to what the action needs."), "{body}");
    assert!(body.contains("; and (3) that the name be disclosed only to Brandywine's counsel of record"), "{body}");
    // Local Rule 7.1 (as a summary reads it): a form of order accompanies the response. It is a
    // document of its own, read from its typeset glyphs: the case caption, the order's title, the
    // parties filled in, and the judge's signature line.
    let order = built.order.as_ref().expect("the E.D. Pa. profile asks for a proposed order");
    // Each page's lines joined as a reader reads them: a line that ends at a hyphen runs on
    // without a space.
    let order_text = normalize(
        &order
            .pages()
            .iter()
            .flat_map(|pg| group_lines(pleader::typeset::layout::page_text(&pg.frame)))
            .map(|l| if l.text.ends_with('-') { l.text } else { l.text + " " })
            .collect::<String>(),
    );
    assert!(
        order_text.contains("IN THE UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF PENNSYLVANIA"),
        "{order_text}"
    );
    assert!(order_text.contains("Civil Action No. 2:26-cv-04417"), "{order_text}");
    assert!(order_text.contains("ORDER AND NOW, this ____ day of ______________, 20__, upon consideration of the motion of Plaintiff Brandywine Precision Instruments, Inc. to compel compliance with its subpoena to Non-Party Worklens, Inc., and the opposition to it, it is hereby ORDERED that the motion is DENIED. BY THE COURT:"), "{order_text}");
    assert!(!order_text.contains("MEMORANDUM OF LAW"), "the brief's title is not the order's: {order_text}");
    // Round 5 audit: a second form, for a Court that grants only the alternative relief the
    // brief asks for, on a page of its own, each request completing "ORDERED that".
    assert_eq!(order.pages().len(), 2);
    assert!(order_text.contains("it is hereby ORDERED that the motion is GRANTED IN PART, and that (1) Worklens, which holds the e-mail address on the account, send the reviewer notice of the subpoena, and the reviewer have twenty-one days to move to quash it without being named; (2) any disclosure be limited to the reviewer's name"), "{order_text}");
    assert!(
        order_text.contains(
            "under a protective order; and it is further ORDERED that the motion is otherwise DENIED. BY THE COURT:"
        ),
        "{order_text}"
    );
    // A court that asks for none gets none.
    let dnj = build_text("pa-in-dnj.yaml", &sample_text_in("brandywine-v-doe.yaml", "dnj"));
    assert!(dnj.order.is_none());
    // What this speaker in particular stands to suffer, in the lawyer's words with its cite,
    // after McIntyre's reasons (round 3: the balance was generic).
    assert!(body.contains("McIntyre, 514 U.S. at 341–42. This speaker has more reason than most: the reviews present their author as someone who says the quality team was moved off a program"), "{body}");
    // Two statements: "One … The other", not "Another" (audit).
    assert!(body.contains("The other reads: \"Toxic leadership."), "{body}");
    assert!(body.contains("Cf. Baker v. Lafayette Coll., 516 Pa. 291, 293 (1987) (affirming"), "{body}");
    for other in ["N.J.", "Del.", "N.Y.", "Cal. 4th"] {
        let opinion = body.split("expresses its author's opinion").nth(1).unwrap_or("");
        let opinion = opinion.split("By contrast").next().unwrap_or("");
        assert!(!opinion.contains(other), "another state's authority in the opinion argument ({other}): {opinion}");
    }
    // A quotation inside a quoted review takes single marks (normalized here to ').
    assert!(body.contains("The 'culture of precision' on the careers page is a joke."), "{body}");
    // The Third Circuit's own courts, with the difference said and "Cf.".
    assert!(body.contains("Courts within the Third Circuit have refused to unmask anonymous speakers who were not parties to the suits. See McVicker v. King, 266 F.R.D. 92, 93 (W.D. Pa. 2010)"), "{body}");
    // The circuit's decisions that went the movant's way are named for the lawyer to weigh, not
    // reported as surveyed (the check once said "the brief surveys" decisions it never cited).
    let report = court_checks(&built);
    let own = check(&report, "this court's and its circuit's decisions");
    assert_eq!(own.status, Status::Warn, "{own:?}");
    assert!(own.detail.contains("raw-films-v-does-edpa"), "{}", own.detail);
    assert!(own.detail.contains("weigh whether candor requires citing them"), "{}", own.detail);
    assert!(!own.detail.contains("the brief cites raw-films"), "{}", own.detail);
    // Without the movant's evidence that a speaker signed, the clause says it offers none.
    let bare = text
        .replacen("    signer_evidence:", "    # signer_evidence:", 1)
        .replacen("    signer_cite:", "    # signer_cite:", 1)
        .replacen("    signer_falls_short:", "    # signer_falls_short:", 1);
    let body2 = body_text(&build_text("pa-bare.yaml", &bare));
    assert!(
        body2.contains("Brandywine offers no evidence that any of the reviews was written by a person who signed it."),
        "{body2}"
    );
    // Terms that do speak to a signer's identity stop the build: the lawyer answers in a
    // paragraph of their own.
    let speaks = text.replacen("    mentions_anonymity: false", "    mentions_anonymity: true", 1);
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let err = pleader::pipeline::load(pleader::diag::SourceText::new("pa-speaks.yaml", speaks), project)
        .and_then(|l| pleader::pipeline::draft_with(&l, &[]))
        .expect_err("terms that mention anonymity need the lawyer's own answer");
    let rendered = pleader::diag::render(&err, Default::default());
    assert!(rendered.contains("mentions_anonymity: true"), "{rendered}");
}

#[test]
fn a_belief_about_who_the_speaker_is_is_answered_for_a_domain_privacy_service() {
    // The Eastern District of Virginia, in the Fourth Circuit, where no standard is settled; a
    // domain privacy service as the non-party, holding a website's registration rather than
    // hosting the posts; Illinois defamation and false light; a motion that says the builder
    // already knows who runs the site.
    let text = own_text("halloway-subpoena.yaml");
    let built = build_text("va.yaml", &text);
    let body = body_text(&built);
    // What the service holds and what it calls the speaker come from the matter (`account:`), and
    // the site the posts appeared on is not the non-party (`forum.site`).
    assert!(body.contains("to reveal who is behind one anonymous Veilhost registration."), "{body}");
    assert!(body.contains("whoever holds that registration"), "{body}");
    assert!(body.contains("sued the anonymous registrant behind one Veilhost registration"), "{body}");
    assert!(body.contains("The posts appeared on HallowayHomesTruth.com, a website whose registrant uses Veilhost's service, between March and August 2026. Their audience was"), "{body}");
    assert!(!body.contains("Veilhost account"), "{body}");
    // A court whose circuit and district the bank holds no unmasking decision of: the brief
    // represents nothing about counsel's research unless the profile records the search
    // (`jurisdiction.searched`), and then says it as what counsel found, not as what the law is.
    assert!(!body.contains("Counsel has found"), "{body}");
    let own = check(&court_checks(&built), "this court's and its circuit's decisions").clone();
    assert_eq!(own.status, Status::Warn, "{}", own.detail);
    assert!(own.detail.contains("the brief says nothing about them"), "{}", own.detail);
    let searched = text.replacen(
        "\nbrief:",
        "\noverrides:\n  jurisdiction: {searched: \"Westlaw, 4th Cir. and E.D. Va., Dec. 2026\"}\nbrief:",
        1,
    );
    let said = body_text(&build_text("halloway-searched.yaml", &searched));
    assert!(said.contains("Counsel has found no decision of the Fourth Circuit or of a court in the Eastern District of Virginia that applies a standard for unmasking a speaker sued over what the speaker said."), "{said}");
    // The platform's standing (audits H1–H3, R4–R5: standing was never addressed), to assert the
    // speaker's interests: not its registrants', since the registrant need not be the speaker
    // (audit K5).
    let all = normalize(&(0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n"));
    assert!(
        all.contains("A court in another jurisdiction has allowed a non-party that holds anonymous speakers' identities to assert their First Amendment interests in opposing disclosure."),
        "{all}"
    );
    // Dendrite's third step, which neither the notice section nor the evidence section took up,
    // is placed before the fourth (audit H2: listed but never applied).
    assert!(body.contains("The third step of the Dendrite test asks the party seeking disclosure to set forth a prima facie cause of action against the speaker. See Dendrite, 775 A.2d at 760–61. As shown below, the post that expresses an opinion supports no cause of action, so the complaint sets forth none as to it; and whatever it sets forth as to the rest, the fourth step asks for evidence, and that is where the motion fails."), "{body}");
    // The new kind of argument, answered on its own terms: a movant who knew would not need the
    // subpoena; the belief's basis and why it falls short only as the matter states them; the
    // court's standard makes no exception.
    assert!(body.contains("He relies instead on the relevance of what the subpoena seeks and the belief that the speaker is already known."), "{body}");
    assert!(
        body.contains(
            "The argument undoes itself. If Mr. Halloway knew who the speaker is, he would not need the subpoena"
        ),
        "{body}"
    );
    assert!(
        body.contains("The belief rests on the declaration of his company's sales manager, Corinne Brandt,"),
        "{body}"
    );
    assert!(body.contains("That is not evidence of who wrote the posts: the declaration does not say that the buyer has ever written anything on the website"), "{body}");
    assert!(body.contains("makes no exception for a movant who believes he already knows the answer"), "{body}");
    // The Fourth Circuit frames the law: no decision of its own, and none of this District's.
    assert!(body.contains("Neither the Supreme Court nor the Fourth Circuit has settled which standard"), "{body}");
    assert!(!body.contains("Third Circuit"), "{body}");
    // The circuit's own contrary decision is acknowledged and distinguished from the bank's
    // `distinguished`, with the one page of it that was read (audit H1).
    assert!(body.contains("The Fourth Circuit's decision in Lefkoe v. Jos. A. Bank Clothiers, Inc., 577 F.3d 240, 242 (4th Cir. 2009), does not decide the question: the anonymity there was that of a nonparty witness whose identity a party sought from a law firm in a deposition, not that of a speaker sued over what the speaker said."), "{body}");
    // The setting is argued from what it tells a reader (`forum.signals`), not only restated.
    assert!(body.contains("between March and August 2026, a setting that tells its audience that the site was built to criticize one builder"), "{body}");
    // What the service is follows the account of the posts, with its own cite.
    assert!(body.contains("Their audience was people shopping for new homes in Will and Kendall Counties, Illinois, and owners of homes Mr. Halloway's company has built. Decl. of Tobias Okafor ¶¶ 3–6, submitted herewith (\"Okafor Decl.\"). Veilhost is a domain privacy service"), "{body}");
    // A motion that does not argue an identity belief gets no such section: the kind is answered
    // only where argued (the agreement sample has none).
    let other = body_text(&build_text("pa.yaml", &own_text("brandywine-v-doe.yaml")));
    assert!(!other.contains("A Belief About Who the Speaker Is"), "{other}");
}

#[test]
fn a_deadline_argument_is_answered_under_arizona_law_for_an_e_mail_service() {
    // The Superior Court of Arizona, where Mobilisa binds; an encrypted e-mail service that holds
    // one anonymous mailbox; Arizona defamation and false light; a motion that says the limitations
    // period is about to run.
    let text = own_text("marchetti-v-doe.yaml");
    let built = build_text("az.yaml", &text);
    // The caption asks for oral argument where the matter does (Maricopa L.R. 3.2(d)); a matter
    // that does not ask prints nothing of the kind.
    assert!(normalize(&page_string(&built, 0)).contains("(Oral Argument Requested)"));
    let quiet = text.replacen("  oral_argument: true\n", "", 1);
    assert_ne!(quiet, text);
    assert!(!normalize(&page_string(&build_text("az-quiet.yaml", &quiet), 0)).contains("Oral Argument"));
    // A court whose rule words the request otherwise (Md. Rule 2-311(f): the title states that a
    // hearing is requested) names it in the profile (`caption.argument_requested`).
    let hearing = format!("{text}\noverrides:\n  caption: {{argument_requested: Hearing Requested}}\n");
    let cover = normalize(&page_string(&build_text("az-hearing.yaml", &hearing), 0));
    assert!(cover.contains("(Hearing Requested)") && !cover.contains("Oral Argument"), "{cover}");
    let body = body_text(&built).replace("e- mail", "e-mail");
    // The standard is Arizona's own, stated as binding, with its three steps.
    assert!(body.contains("Arizona courts decide a plaintiff's request to discover an anonymous internet speaker's identity under the Mobilisa test, which governs here. See Mobilisa, 217 Ariz. at 112; Doe v. Mahoney, 418 P.3d 1013, ¶ 1 (Ariz. Ct. App. 2018) (granting relief"), "{body}");
    assert!(body.contains("(1) show that the anonymous speaker has been given adequate notice"), "{body}");
    // Arizona Reports citations: the Court of Appeals named without the state, the Supreme Court
    // not at all (Bluebook 10.4(b)).
    assert!(body.contains("Mobilisa, Inc. v. Doe 1, 217 Ariz. 103, 112 (Ct. App. 2007)"), "{body}");
    assert!(body.contains("Morris v. Warner, 160 Ariz. 55, 62 (Ct. App. 1988)"), "{body}");
    assert!(body.contains("Godbehere v. Phoenix Newspapers, Inc., 162 Ariz. 335, 338 (1989)"), "{body}");
    assert!(!body.contains("(Ariz. 1986)") && !body.contains("(Ariz. Ct. App. 2007)"), "{body}");
    // A decision reported only in the Pacific Reporter names its court, pinned by paragraph, once:
    // beside the test it applied as controlling (`followed`), not in the balance (audit M2).
    assert_eq!(body.matches("Mahoney").count(), 1, "{body}");
    assert!(
        body.contains("holding \"under the controlling analysis set forth in Mobilisa\" that the plaintiff's claims"),
        "{body}"
    );
    // The balancing step, with what Mobilisa itself shows of its weight (¶ 1, read).
    assert!(body.contains("The step is no formality. In Mobilisa itself, the Court of Appeals held that the superior court had properly applied the first two steps, but remanded because it had not considered the third. Id. at 106."), "{body}");
    // The evidence section's heading is in Mobilisa's terms; the motion's per se label is
    // answered; the statements argued as opinion are also argued as unproven facts; one speaker's
    // e-mails have one author; a note on the fault only a public figure must prove (Dombey) is
    // left out where the standard excuses fault before the speaker is known.
    assert!(body.contains("Dr. Marchetti's evidence could not defeat a motion for summary judgment."), "{body}");
    assert!(body.contains("Calling a statement defamatory per se does not answer it either"), "{body}");
    // Three statements of fact: argued together, cited once, and what the offered evidence lacks
    // said once (audit M3: the same sentence three times).
    assert!(body.contains("The three e-mails that say \"Marchetti keeps kids in braces"), "{body}");
    assert!(body.contains("Mot. Ex. 1 at 1–3, could support Dr. Marchetti's claims only as assertions of fact, and so only if he shows that each is false. The evidence offered on falsity falls short for the reasons given above."), "{body}");
    assert_eq!(body.matches("falls short for the reasons given above").count(), 1, "{body}");
    assert!(!body.contains("Dombey"), "{body}");
    // The same matter with the question argued as opinion: its one author, its article, and the
    // statement argued also as an unproven fact.
    let question = "      opinion: false\n      cite: {doc: emails, at: \"at 2\"}";
    assert!(text.contains(question));
    let variant = text.replacen(question, "      cite: {doc: emails, at: \"at 2\"}\n      wording: a question", 1);
    // ("e-mail" broken at its hyphen at a line's end reads "e- mail" in the extracted text.)
    let body = body_text(&build_text("az-question.yaml", &variant)).replace("e- mail", "e-mail");
    assert!(body.contains("And it cannot reach an e-mail that asserts no fact at all"), "{body}");
    assert!(body.contains("Read as a statement of fact, that e-mail would fare no better: Dr. Marchetti would have to show that it is false, and the evidence offered on falsity falls short for the reasons given above."), "{body}");
    assert!(body.contains("expresses its author's opinion of Dr. Marchetti"), "{body}");
    assert!(body.contains("By contrast, the two e-mails that say"), "{body}");
    // The e-mails were sent through the service, not posted on it (`forum.how`), and the
    // service's words for what it holds print in the plural the matter gives (`nouns`).
    assert!(body.contains("The e-mails were sent through Quartzmail, an encrypted e-mail service based in Tempe, Arizona, on January 14, January 20 and January 27, 2026"), "{body}");
    assert!(!body.contains("appeared on Quartzmail"), "{body}");
    assert!(body.contains("wants to learn who that subscriber is."), "{body}");
    assert!(body.contains("every other subscriber of Quartzmail"), "{body}");
    // The new kind of argument, answered in its own section: the movant's words with their cite,
    // the standard's evidence step, and the days computed from the record's dates.
    assert!(body.contains("A. An Approaching Deadline Does Not Lower the Showing"), "{body}");
    assert!(
        body.contains("Dr. Marchetti argues that the one-year limitations period on his claims runs in January 2027"),
        "{body}"
    );
    assert!(body.contains("A deadline bears on when the showing must be made, not on what it must be. The Mobilisa test makes no exception for a party pressed for time"), "{body}");
    assert!(body.contains("The first of the e-mails was published on January 14, 2026, Compl. ¶ 8, and Dr. Marchetti served the subpoena on September 21, 2026, Subpoena at 1–2, 250 days later."), "{body}");
    assert!(
        body.contains(
            "He relies instead on a deadline said to be approaching and the claim that the statements are unprotected."
        ),
        "{body}"
    );
    // Notice that the matter says fell short is argued as unmet, under a heading that names no
    // exact-statements step (Mobilisa has none).
    assert!(body.contains("That was not the notice the step requires: as the motion describes it, the e-mail said that a subpoena had been served and named neither the court nor a date by which the speaker could respond. See id."), "{body}");
    assert!(body.contains("the speaker the notice the standard requires"), "{body}");
    assert!(!body.contains("Notice and the statements"), "{body}");
    // The elements and the fact/opinion rule come from Arizona's own decisions; no other state's
    // court is cited for them.
    assert!(body.contains("Under Arizona law, defamation requires"), "{body}");
    // No page of Turner was read: the whole decision, introduced by see (see generally would call
    // the holding background), and `check` lists it as cited without a pin.
    assert!(body.contains("See Turner v. Devlin, 174 Ariz. 201 (1993)"), "{body}");
    assert!(!body.contains("See generally Turner"), "{body}");
    for other in ["N.Y.", "Cal. 4th", "Ill. 2d", "N.J.", "A.2d", "A.3d"] {
        assert!(!body.contains(other), "{other} in an Arizona brief: {body}");
    }
    let checks = court_checks(&built);
    assert_eq!(check(&checks, "force of the standard").status, Status::Pass);
    assert_eq!(check(&checks, "federal rules in a state court").status, Status::Pass);
}

#[test]
fn a_non_partys_statement_about_producing_is_answered_in_the_eastern_district_of_michigan() {
    // The Eastern District of Michigan, in the Sixth Circuit (no settled standard); a web-hosting
    // company whose customer holds an anonymous blog's hosting account; Michigan defamation (IIED
    // pleaded, not argued); a motion that says the host already agreed to produce.
    let text = own_text("kessler-v-doe.yaml");
    let built = build_text("mi.yaml", &text);
    // The caption names both judges (E.D. Mich. LR 5.1(a)(1)(D)); Michigan's P numbers print
    // joined, as the profile's `bar_label: "P{bar}"` places them.
    let caption = normalize(&page_string(&built, 0));
    assert!(
        caption.contains("Hon. Miriam T. Castellano") && caption.contains("Mag. Judge Curtis A. Whitfield"),
        "{caption}"
    );
    // LR 7.1(d)(2) puts the controlling authority "on the following page" (`new_page`): as
    // typeset, its heading is the first line of a page, after the statement of issues' page.
    let controlling = body_pages(&built)
        .find(|&p| page_string(&built, p).contains("CONTROLLING OR MOST APPROPRIATE AUTHORITY"))
        .expect("the controlling-authority section");
    let first = text_lines(&built, controlling).into_iter().next().unwrap();
    assert!(first.text.contains("CONTROLLING OR MOST APPROPRIATE AUTHORITY"), "{first:?}");
    assert!(page_string(&built, controlling - 1).contains("STATEMENT OF ISSUES"));
    let pages: Vec<String> = (0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect();
    let signature = normalize(&pages.join(" "));
    assert!(
        signature.contains("Renata J. Wardell (P68213)") && signature.contains("Kwame A. Osei (P80455)"),
        "{signature}"
    );
    let body = body_text(&built);
    // LR 7.1(d)(2): the statement of issues and the controlling authority open the brief.
    assert!(body.starts_with("I. STATEMENT OF ISSUES"), "{body}");
    assert!(body.contains("II. CONTROLLING OR MOST APPROPRIATE AUTHORITY"), "{body}");
    // The law framed through the court's own circuit: the Sixth Circuit's one decision on
    // unmasking distinguished, Michigan's courts reported as not binding, Dendrite urged, never
    // said to govern.
    assert!(body.contains("Neither the Supreme Court nor the Sixth Circuit has settled which standard"), "{body}");
    // The circuit's decision is cited in full where the text first names it (audits K1–K4: a short
    // form before the full citation), and not cited twice over.
    assert!(body.contains("The Sixth Circuit's decision in Signature Mgmt. Team, LLC v. Doe, 876 F.3d 831, 836 (6th Cir. 2017), does not decide the question: the anonymous defendant there"), "{body}");
    assert!(
        body.contains(
            "Michigan's own courts have faced the question as well, though their answers to it do not bind this Court."
        ),
        "{body}"
    );
    assert!(body.contains("motion for a protective order barring a city official from deposing him"), "{body}");
    // A decision cited to the state's official reporter, whose parenthetical names only "Ct.
    // App.", is still counted as Michigan's (`state_reporters`).
    assert!(body.contains("Cooley, 300 Mich. App. at 250 (reversing the denial"), "{body}");
    // The lawyer's own paragraph cites the whole decision, which makes the later ones short forms.
    assert!(
        body.contains("relying instead on the Michigan Court Rules, which do not govern discovery here. See generally Thomas M. Cooley Law Sch. v. Doe 1, 300 Mich. App. 245 (2013)."),
        "{body}"
    );
    // What Michigan's courts held, said (audits K1–K5: hiding that Cooley declined Dendrite was
    // serious every time), cited whole where no page of the holding was read (the profile's
    // `state_note` without a pin, `signal: see generally`), then what sets those decisions apart,
    // cited to what was read. A whole decision cited again takes its short form with the first
    // page ("_Cooley_, 300 Mich. App. 245"), not the full citation a second time.
    assert!(body.contains("In Cooley, the Court of Appeals considered the Dendrite test and declined to adopt it, holding instead that Michigan's court rules protect an anonymous defendant in Michigan's courts"), "{body}");
    // Ghanam took Dendrite's notice step (audit K7: "both declined" understated it).
    assert!(body.contains("Ghanam, which followed Cooley, added the first of Dendrite's requirements, that before disclosure a plaintiff make reasonable efforts to notify an anonymous defendant who does not know of the suit"), "{body}");
    assert!(body.contains("by a motion for summary disposition. See generally Cooley, 300 Mich. App. 245. Ghanam, which followed Cooley"), "{body}");
    assert!(body.contains("under MCR 2.116(C)(8). See generally Ghanam, 845 N.W.2d 128. Cooley arose in a different setting from this one. The anonymous defendant there knew of the suit and had asked the trial court to quash the subpoena and to enter a protective order, motions the Michigan Court Rules made available to a defendant who had learned of the suit. See Cooley, 300 Mich. App. at 250. In this Court the Federal Rules of Civil Procedure govern, and a speaker who has not been told of the suit can invoke none of their protections"), "{body}");
    // The bank holds this District's own Signature Mgmt. orders, unread to their pages: the brief
    // does not say that no such decision exists (audits K4–K5).
    assert!(!body.contains("Counsel has found no decision"), "{body}");
    // A claim whose state's highest court has not adopted it is stated as that court left it
    // (`unsettled`), never as what "Michigan law requires".
    assert!(body.contains("The Michigan Supreme Court has not decided whether Michigan recognizes a claim for intentional infliction of emotional distress"), "{body}");
    assert!(body.contains("Those requirements are extreme and outrageous conduct"), "{body}");
    assert!(!body.contains("under Michigan law requires extreme"), "{body}");
    // The per se label, answered statement by statement where the lawyer says one fits no per se
    // category (`not_per_se`) and the law says what such a statement needs (`per_quod`).
    assert!(body.contains("Nor does the per se label fit every statement. The blog post that says \"The state froze his company's bank account in March\" imputes no crime"), "{body}");
    assert!(body.contains("Under Michigan law, a statement that is not actionable in itself supports a claim for defamation only if its publication caused special harm. See Ireland, 230 Mich. App. at 614. For that statement, then, Mr. Kessler must show special harm its publication caused, and the evidence offered on harm falls short for the reasons given above."), "{body}");
    assert!(body.contains("This Court should apply the Dendrite test."), "{body}");
    // One speaker: Dendrite's reasons in the singular.
    assert!(
        body.contains(
            "it requires that the speaker be told and that the words attributed to the speaker be identified"
        ),
        "{body}"
    );
    // The suit names the blog's author; the subpoena reaches the customer, who may be someone else.
    assert!(
        body.contains("Mr. Kessler has sued, in this Court, the blog's anonymous author, named as John Doe"),
        "{body}"
    );
    assert!(
        body.contains(
            "wants the name of whoever holds that hosting account, on the assumption that the customer is the speaker"
        ),
        "{body}"
    );
    assert!(body.contains("The subpoena, moreover, reaches the customer who holds the hosting account, who need not be the one who wrote the blog posts: one person may pay for a hosting account that another writes on"), "{body}");
    assert!(body.contains("An order could therefore expose someone who said nothing at all."), "{body}");
    // The new kind of argument: what the host said, in the lawyer's words with its cite (no
    // signal before a quotation), why a conditional promise consents to nothing, and why the
    // speaker's right was not the host's to waive.
    assert!(body.contains("B. Nothing Lakeport Said Gave Up the Speaker's Right"), "{body}");
    assert!(body.contains("Mr. Kessler argues that Lakeport agreed in writing to produce its customer's information and so cannot now resist the motion. Mot. at 6–7."), "{body}");
    assert!(body.contains("\"Lakeport does not oppose producing the subscriber information once the Court orders it to do so.\" E-mail from R. Wardell"), "{body}");
    assert!(body.contains("A promise to abide by the ruling on those objections withdraws none of them."), "{body}");
    assert!(body.contains("A waiver is \"an intentional relinquishment or abandonment of a known right or privilege,\" Johnson v. Zerbst, 304 U.S. 458, 464 (1938)"), "{body}");
    assert!(body.contains("That Lakeport may assert the right in opposing this motion does not make the right Lakeport's to give away."), "{body}");
    // Record cites in Bluebook order: the pin, then the ECF number.
    assert!(body.contains("Compl. ¶¶ 18–37, ECF No. 1."), "{body}");
    // Michigan's elements from Michigan's own court; no other state's decision for them.
    assert!(
        body.contains(
            "Under Michigan law, defamation requires a false and defamatory statement concerning the plaintiff"
        ),
        "{body}"
    );
    assert!(body.contains("Ireland v. Edwards, 230 Mich. App. 607, 614"), "{body}");
    for other in ["N.Y.", "Cal. 4th", "Ill. 2d", "Ariz.", "Tex.", "A.3d"] {
        assert!(!body.contains(other), "{other} in a Michigan brief: {body}");
    }
    let checks = court_checks(&built);
    assert_eq!(check(&checks, "force of the standard").status, Status::Pass);
    assert_eq!(check(&checks, "required sections").status, Status::Pass);
    // A `not_per_se` no sentence would use (the motion no longer says per se) is a warning at its
    // line, not a reason silently dropped.
    assert!(built.warnings.iter().all(|w| !w.message.contains("not_per_se")), "{:?}", built.warnings);
    let plain = text.replacen("        per_se: true\n", "", 1);
    assert_ne!(plain, text);
    let quiet = build_text("mi-plain.yaml", &plain);
    // Michigan's damages element is excused for a statement defamatory per se, so the mark still
    // keeps harm argued for that statement: no warning, and no answer to a label nobody used.
    assert!(quiet.warnings.iter().all(|w| !w.message.contains("`not_per_se`")), "{:?}", quiet.warnings);
    assert!(!body_text(&quiet).contains("Nor does the per se label"));
    // Said unconditionally, the statement is argued only as beyond the host's power to waive.
    let flat = text.replacen("    conditional: true\n", "    conditional: false\n", 1);
    assert_ne!(flat, text);
    let body = body_text(&build_text("mi-flat.yaml", &flat));
    assert!(!body.contains("A promise to abide by the ruling"), "{body}");
    assert!(
        body.contains(
            "Whatever those words committed Lakeport to, they could not decide the question this motion presents"
        ),
        "{body}"
    );
    assert!(body.contains("only the holder of a right can relinquish it"), "{body}");
}

#[test]
fn another_courts_default_order_is_answered_in_the_district_of_arizona() {
    // The District of Arizona, in the Ninth Circuit (no settled standard; Arizona's courts apply
    // Mobilisa); a local online newspaper whose comment section carried the posts; Arizona
    // defamation; a motion that says a California court already found the comments defamatory,
    // by a default judgment against the newspaper (`prior-judgment`).
    let text = own_text("brightarc-v-doe.yaml");
    let built = build_text("az.yaml", &text);
    let body = body_text(&built);
    // The motion's reliance on the other court's order, in the lawyer's words, and the order as
    // the matter states it, with its cite.
    assert!(body.contains("BrightArc argues that the California judgment has already established that the comments are false and defamatory, so they are unprotected and nothing more need be shown. Mot. at 5–7. The order is in the record: the Superior Court of California, County of San Diego entered a default judgment on June 2, 2026"), "{body}");
    // A judgment binds its parties, not strangers to it (Richards, read at 798), and cannot reach
    // other parties' proceedings elsewhere (Baker, read at 238); the speaker was not a party.
    assert!(body.contains("one who was neither named as a party nor made one by service of process is not bound by it. See Richards v. Jefferson Cnty., 517 U.S. 793, 798 (1996). The order was entered against the Ledger, which did not appear. Whatever effect it has on that party, the speaker was not a party to that proceeding."), "{body}");
    assert!(body.contains("Baker v. Gen. Motors Corp., 522 U.S. 222, 238 (1998)."), "{body}");
    // By default, and without notice: said as facts of the record, not as a rule of preclusion
    // (California sometimes gives a default preclusive effect).
    assert!(body.contains("Nor did anyone defend the comments in that proceeding: the order was entered by default, on allegations that no one answered. And nothing in the record shows that the speaker was told of the proceeding at all."), "{body}");
    assert!(!body.contains("actually litigated"), "{body}");
    // And the standard's own showing, in Mobilisa's terms, is still the movant's to make here.
    assert!(body.contains("Nor does the order relieve BrightArc of the showing the Mobilisa test requires. Before the speaker is identified, the party seeking disclosure must show that the claim could survive a motion for summary judgment"), "{body}");
    // The introduction names the motion's three arguments; a platform written with its article
    // reads as one ("one anonymous commenter account on the Ledger"); a quotation inside a
    // statement takes single marks.
    assert!(body.contains("to reveal who is behind one anonymous commenter account on the Ledger."), "{body}");
    // Beside a judgment that called the comments defamatory, the introduction does not say that
    // no court has found the speaker did wrong (audit B2); it says no court has heard from them.
    assert!(body.contains("would inflict a harm that cannot be undone on a speaker no court has heard from"), "{body}");
    assert!(!body.contains("no court has found to have done anything wrong"), "{body}");
    assert!(body.contains("It relies instead on the relevance of what the subpoena seeks, another court's order about the statements, and the claim that the statements are unprotected."), "{body}");
    assert!(body.contains("Another reads: \"Their 'lifetime warranty' is a scam.\""), "{body}");
    // What the Ninth Circuit said without settling a standard (the profile's `circuit_note`,
    // audit B1: left out), cited whole where no page of it was read.
    assert!(body.contains("The Ninth Circuit has declined to prescribe one. In In re Anonymous Online Speakers, denying mandamus, it reasoned that the nature of the speech should guide the choice among the tests"), "{body}");
    // What went against the speakers there is said too (audit B3: described selectively).
    assert!(body.contains("it let stand a district court's order that three of the anonymous speakers there, whose speech it treated as commercial, be identified"), "{body}");
    // An opinion the movant offers evidence against is not said to be met by nothing (audit B1:
    // the declaration speaks to warranty claims).
    assert!(body.contains("BrightArc would have to show that it is false, and the evidence offered on falsity falls short for the reasons given above."), "{body}");

    // A matter that says a speaker was a party to that proceeding is refused at its own line: the
    // clause answers only an order entered without the speakers.
    let bad = text.replace("    speaker_party: false\n", "    speaker_party: true\n");
    assert_ne!(bad, text);
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let src = pleader::diag::SourceText::new("az.yaml".to_string(), bad.clone());
    let loaded = pleader::pipeline::load(src, project).unwrap();
    let err = match pleader::pipeline::Session::new().build_loaded(
        loaded,
        std::time::Instant::now(),
        pleader::pipeline::BuildOptions::default(),
    ) {
        Ok(_) => panic!("a speaker who was a party must be refused"),
        Err(d) => pleader::diag::render(&d, pleader::diag::Format::Short),
    };
    let line = bad.lines().position(|l| l.trim() == "speaker_party: true").unwrap() + 1;
    assert!(err.contains(&format!("az.yaml:{line}:")), "{err}");
    assert!(err.contains("`prior_judgment.speaker_party: true`"), "{err}");
}

#[test]
fn one_speakers_brief_counts_one_speaker_and_cites_an_unread_holding_whole() {
    // The Central District of California; a newsletter platform; California trade libel and
    // unfair competition; a motion that relies on relevance, the platform's privacy policy and a
    // deadline to serve; one speaker (`accounts: 1`).
    let text = own_text("lumen-salt-v-doe.yaml");
    let built = build_text("lumen.yaml", &text);
    let body = body_text(&built);
    // Headings, roadmap and introduction speak of one speaker.
    assert!(
        body.contains("This Court, Not the Issuing Court, Should Decide Whether the Speaker May Be Unmasked"),
        "{body}"
    );
    assert!(body.contains("Quillpress's Terms Did Not Waive the Speaker's First Amendment Protection"), "{body}");
    assert!(body.contains("It relies instead on the relevance of what the subpoena seeks, the terms of Quillpress's service, and a deadline said to be approaching."), "{body}");
    assert!(body.contains("should decide whether the speaker may be unmasked."), "{body}");
    assert!(body.contains("permits the speaker to be identified"), "{body}");
    assert!(body.contains("is not the speaker's relinquishment of anything"), "{body}");
    for plural in ["the speakers posted", "Whether the Speakers", "the speakers' relinquishment", "permits the users"] {
        assert!(!body.contains(plural), "{plural}: {body}");
    }
    // Without a request to transfer, the place-of-compliance section still says why the question
    // is this Court's: the issuing court's order decided nothing about unmasking.
    assert!(body.contains("No court has yet decided the question the motion presents: the order of the court for the Southern District of California that allowed the subpoena did not decide whether the First Amendment permits the speaker to be identified, see Order at 1–2"), "{body}");
    assert!(body.contains("disclose any information identifying the speaker unless and until"), "{body}");
    // A deadline to serve (`deadline.to_serve`) is the pending court's to extend: Rule 4(m), as a
    // court quoted it, and Henderson at 662, read.
    assert!(body.contains("Nor is the deadline fixed. It is for the court where the action is pending to enforce or extend, and Rule 4(m) provides that \"if the plaintiff shows good cause for the failure, the court must extend the time for service for an appropriate period.\" Fed. R. Civ. P. 4(m)."), "{body}");
    assert!(body.contains("See Henderson v. United States, 517 U.S. 654, 662 (1996)."), "{body}");
    // California's fact/opinion decision, no page of which was read: cited whole, after see (not
    // see generally, which would call the holding background), and `check` fails it as unpinned.
    assert!(body.contains("The judgments they convey are ones no reader could check. See Krinsky v. Doe 6, 159 Cal. App. 4th 1154 (2008) (holding that"), "{body}");
    let checks = court_checks(&built);
    let pins = check(&checks, "pin cites");
    assert_eq!(pins.status, Status::Fail, "{}", pins.detail);
    assert!(pins.detail.contains("Krinsky"), "{}", pins.detail);
}

#[test]
fn an_ease_of_compliance_argument_is_answered_in_a_court_with_no_decisions_of_its_own() {
    // The District of Colorado (a profile written as a new user would); an individual who runs a
    // volunteer message board whose name takes an article; Illinois defamation and interference
    // with contract; relevance, the ease of compliance and standing.
    let text = own_text("marlowe-subpoena.yaml");
    let built = build_text("marlowe.yaml", &text);
    let body = body_text(&built);
    // The argument, in the lawyer's words, answered from Rule 45's separate grounds and the
    // objections actually served.
    assert!(body.contains("Marlowe argues that complying would take Ms. Lind \"five minutes\""), "{body}");
    assert!(body.contains("must quash or modify a subpoena that \"subjects a person to undue burden,\" Fed. R. Civ. P. 45(d)(3)(A)(iv), and, independently, one that \"requires disclosure of privileged or other protected matter, if no exception or waiver applies.\" Fed. R. Civ. P. 45(d)(3)(A)(iii)."), "{body}");
    // Every objection served is described as it was made (audit N2: the overbreadth objection
    // was dropped), and none is said to turn on the cost of a search.
    assert!(body.contains("Ms. Lind's principal objection is that the subpoena demands protected matter: she objected that disclosure would infringe the speakers' right to speak anonymously, Objection Letter at 2–3. She also objected that the subpoena demands more than Marlowe could need to name and serve a defendant, id. at 3, an objection to its reach. Neither objection turns on how long a search would take."), "{body}");
    assert!(body.contains("That is the harm the Court weighs, as Part IV.D.3 explains."), "{body}");
    assert!(body.contains("It relies instead on the relevance of what the subpoena seeks, the ease of compliance, and a supposed lack of standing to object."), "{body}");
    // A platform whose name takes an article is never used as an adjective.
    assert!(body.contains("the anonymous members behind two member accounts on the Allergy Parents Forum"), "{body}");
    assert!(
        body.contains("reveal who is behind two anonymous member accounts on the Allergy Parents Forum."),
        "{body}"
    );
    assert!(!body.contains("two the Allergy"), "{body}");
    // A speaker's label opens its sentence with a capital; two statements in a row by one
    // speaker may be one post, so the background counts statements and says "also wrote".
    assert!(body.contains("The complaint rests on three statements. The first poster's statement reads:"), "{body}");
    assert!(body.contains("The second poster also wrote: \"Find another allergist.\""), "{body}");
    // The falsity evidence reaches only statement 1 (`statements: [1]`): the posts argued as
    // opinion are not said to fall short "for the reasons given above".
    assert!(
        body.contains(
            "would have to show that they are false, and none of the evidence it offers on falsity addresses them."
        ),
        "{body}"
    );
    // The element an interference-with-contract claim needs is named as a contract, in the
    // claim file's own words (`proof_names`; audit N8: "business relationship" belongs to the
    // prospective-advantage tort).
    // Its falsity evidence is taken with the statement it addresses; the item's sentence names
    // everything it is offered for, since its one `falls_short` answers all of it (the D.N.H.
    // user: the falsity point read as if it were about harm alone).
    assert!(
        body.contains("As evidence of that, Marlowe offers only the declaration of its medical director, Dr. Simone Hale. The declaration states that"),
        "{body}"
    );
    assert!(
        body.contains("It is offered to show falsity, the contract the claim requires, causation, and harm, but"),
        "{body}"
    );
    assert!(!body.contains("It is also offered to show"), "{body}");
    // Defamation per se excuses Illinois's damages element and nothing else (`excused_per_se`).
    // Marlowe's motion does not call the statements defamatory per se, but the brief relies on a
    // failure of proof of harm and causation, which the label would answer: it says so first
    // (audit M3 B4; a brief that relies on neither says nothing of the label).
    assert!(
        body.contains("That a statement may be defamatory per se would not help Marlowe. Under Illinois law, the label at most excuses proof of damages, see Green, 234 Ill. 2d at 491, not proof that the statement is false or of fault; and it excuses nothing that Marlowe's claim for tortious interference with contract requires."),
        "{body}"
    );
    assert!(!body.contains("business relationship"), "{body}");
    // The District's own decisions: a quash whose reasoning nobody read is not offered for the
    // balance of harms (audit N2); the vacated order that went the other way is `check`'s to
    // list, and the legal standard confronts it with what was read of it: its disposition, then
    // (after the explanatory parenthetical, Bluebook 1.5(b)) its vacatur (audit N6).
    assert!(!body.contains("Spider Labs"), "{body}");
    assert!(
        body.contains("One decision in this District went against the party resisting disclosure. Façonnable USA Corp. v. Does 1–10, No. 11-cv-00941-CMA-BNB, 2011 WL 2015515, at *1 (D. Colo. May 24, 2011) (denying an internet service provider's motion for a protective order against a subpoena for the identities of anonymous Wikipedia editors sued for trade libel and under the Lanham Act), vacated, No. 11-cv-00941-CMA-BNB (D. Colo. July 27, 2011). But the district judge vacated that order two months later"),
        "{body}"
    );
    let checks = court_checks(&built);
    let own = check(&checks, "this court's and its circuit's decisions");
    // The brief cites it, so `check` does not ask whether candor requires citing it.
    assert!(
        own.detail.contains("the brief cites faconnable-v-does, which went against the party resisting disclosure"),
        "{}",
        own.detail
    );
    assert!(!own.detail.contains("candor"), "{}", own.detail);
    // The court's own circuit frames the question (the profile's `circuit_note`): the Tenth
    // Circuit's holding, read in its opening and pinned to the page that holds it, stated as what
    // it held (audit N7: it had been put aside as "another setting", cited see generally), and
    // carried to the speakers' interest as argument, cf., not as a binding holding (audit N8).
    assert!(body.contains("But the Tenth Circuit requires a district court to balance a First Amendment privilege asserted against discovery before compelling compliance: it held that a district court erred in failing to apply a balancing test to a party's assertion of a First Amendment privilege not to comply with a discovery order"), "{body}");
    assert!(body.contains("See Grandbouche v. Clancy, 825 F.2d 1463, 1464 (10th Cir. 1987). The objection that decision requires a court to weigh is a First Amendment objection to compelled disclosure in discovery, and it weighs at least as heavily where compliance would strip absent speakers of their anonymity. Cf. id."), "{body}");
    assert!(!body.contains("That holding binds"), "{body}");
    // The same holding, the bank's binding `first-amendment-overlay` decision, answers the
    // relevance argument for what it held, and the brief extends it by argument.
    // Said once: the relevance answer refers to the legal standard's statement of it instead of
    // repeating its parenthetical and its extension (audit N9).
    assert!(body.contains("In the Tenth Circuit, moreover, a First Amendment privilege asserted against discovery must be weighed before compliance is compelled, as Part III explains, so relevance does not end the inquiry. See Grandbouche, 825 F.2d at 1464."), "{body}");
    assert_eq!(body.matches("weighs at least as heavily").count(), 1, "{body}");
    // A paper of the Illinois action: its pin, then that action (`of:`), then where it was filed
    // here, then its short form (Bluebook 10.8.3, B17.1.4; audits N8, N10, N11).
    assert!(body.contains("Complaint ¶¶ 24–45, Marlowe Allergy Grp., S.C. v. Does 1–2, No. 1:26-cv-04412 (N.D. Ill. filed Sept. 14, 2026), filed here as ECF No. 1-2 (\"Compl.\")."), "{body}");
    // "Evidence, not pleading" is pinned where Dendrite holds a pleading showing insufficient
    // (`not_pleading_pin`, audit N10), and what the motion sets out is cited where it does.
    assert!(body.contains("The showing is one of evidence, not pleading: allegations, however well pleaded, do not meet it. See id. at 771."), "{body}");
    assert!(body.contains("Marlowe's motion does set out the statements at issue, see Mot. at 2–3, but"), "{body}");
    // Dendrite's notice is described as the court described it (a message on the board).
    assert!(body.contains("The efforts the court described include posting, on the message board where the speaker wrote, a message telling the speaker of the request for the speaker's identity. Id."), "{body}");
    // Who must justify unmasking is said through the test the brief asks the Court to adopt
    // (audit N7: the binding circuit law was not read on the burden).
    assert!(body.contains("it is for Marlowe to justify that result under the Dendrite test, the test this Court should apply, and Marlowe has not done so."), "{body}");
    // Fault, which turns on who the speakers are, is named as missing but not leaned on alone
    // (audit N7: demanding it before the speakers are known invites an easy answer).
    // It is demanded, as the Dendrite test demands it, with the fallback put conditionally
    // (audit N8: an unconditional concession contradicted the test the brief urges).
    // The fallback claims only what the lawyer's items say (audit M1b B2: "the motion would fail
    // on the showings that do not" overclaimed where some evidence was offered).
    assert!(body.contains("and the Dendrite test asks for evidence supporting each element. And even if the Court were to excuse, before the speakers are known, the showings that turn on who they are, Marlowe would still have to make the showings that do not, and what it offers on falsity and causation falls short of them for the reasons given above."), "{body}");
    // The fallback names the kinds once, and the Dendrite decision's own disposition on harm
    // follows (`held` in the standard; audits M1b B6, M2 B13).
    assert!(!body.contains("Nor does what Marlowe offers show causation"), "{body}");
    // Dendrite's own want of proof of harm is not quoted right after the brief has said that the
    // per se label may excuse proof of damages under Illinois law: the two would seem to collide
    // (audit S19, the N.D. Ill. sample, S2).
    assert!(body.contains("The motion therefore fails at this step."), "{body}");
    assert!(!body.contains("failed to establish harm"), "{body}");
    // "No one opposed it" is cited to the record that shows it, not to the request (audit N7).
    assert!(body.contains("The motion was unopposed. See Minute Order Granting Leave"), "{body}");
    let no_cite = text.replacen("    unopposed_cite: {doc: order, at: \"at 1\"}", "", 1);
    assert_ne!(no_cite, text);
    let quiet = build_text("marlowe-no-unopposed-cite.yaml", &no_cite);
    assert!(!body_text(&quiet).contains("was unopposed"));
    // The docket number holds at its hyphens (it had broken after "11-").
    assert!(body.contains("Does 1–10, No. 11-cv-00941-CMA-BNB, 2011 WL"), "{body}");
    // Counsel's search is not represented unless the profile (or the judge's overrides) records
    // it (`jurisdiction.searched`).
    assert!(!body.contains("Counsel has found"), "{body}");
    // Evidence said to address a statement the matter does not list is an error at the number.
    let bad = text.replacen("statements: [1]", "statements: [1, 4]", 1);
    let src = pleader::diag::SourceText::new("bad.yaml", bad.clone());
    let project = pleader::library::project::Project::at(&root()).unwrap();
    let errors = pleader::pipeline::load(src, project)
        .and_then(|l| pleader::pipeline::draft_with(&l, &[]))
        .expect_err("statement 4 does not exist");
    let e = errors.iter().find(|d| d.message.contains("names statement 4")).expect("the range error");
    assert!(e.message.contains("lists 3 challenged statements"), "{}", e.message);
    let line = bad[..e.span.clone().unwrap().start].lines().count();
    assert_eq!(bad.lines().nth(line - 1).unwrap().trim(), "statements: [1, 4]");
}

/// California: a motion to compel a non-party's compliance with a deposition subpoena must be
/// made within 60 days after the objections complete the record (Code Civ. Proc. § 2025.480(b);
/// Unzipped Apparel). The brief counts the days from the record's dates and argues it; a motion
/// filed in time, or a court whose profile sets no such time, is refused at the matter's line.
#[test]
fn a_motion_made_after_the_time_to_compel_is_argued_untimely_from_the_record_dates() {
    let text = own_text("ferreira-v-nestwise.yaml");
    let built = build_text("fe-late.yaml", &text);
    let body = normalize(&body_text(&built));
    assert!(
        body.contains(
            "The Ferreiras filed this motion on February 3, 2025, Notice of Mot. at 1, ninety-four days later."
        ),
        "{body}"
    );
    assert!(body.contains("\"no later than 60 days after the completion of the record of the deposition.\" Cal. Civ. Proc. Code § 2025.480(b)."), "{body}");
    assert!(body.contains("Counted from the objections, the time ran out on December 31, 2024, and the motion came thirty-four days after it."), "{body}");
    assert!(body.contains("Unzipped Apparel, LLC v. Bader, 156 Cal. App. 4th 123, 127"), "{body}");
    assert!(body.contains("Part IV.A shows that the motion came after the time to move to compel had run."), "{body}");

    // Filed on the sixtieth day: in time, so the clause is refused at `motion.filed`.
    let in_time = text.replace("filed: 2025-02-03", "filed: 2024-12-31");
    let err = refused("fe-in-time.yaml", &in_time);
    let line = in_time.lines().position(|l| l.trim() == "filed: 2024-12-31").unwrap() + 1;
    assert!(err.contains(&format!("fe-in-time.yaml:{line}:")) && err.contains("within the 60 days"), "{err}");

    // Two days late: argued, with a warning to confirm the last day.
    let close = text.replace("filed: 2025-02-03", "filed: 2025-01-02");
    let built = build_text("fe-close.yaml", &close);
    assert!(built.warnings.iter().any(|w| w.message.contains("may move it")), "{:?}", built.warnings);
}

/// Under California's evidentiary standard (audit S19): fault, which turns on who the speakers
/// are, is not counted as a ground where other elements fail; a verified complaint's assertion of
/// falsity is answered as what it says, not dismissed as an allegation; evidence offered for harm
/// is said to fall short, not to be absent; fact and opinion are read from the words.
#[test]
fn a_krinsky_brief_answers_a_verified_complaint_and_does_not_rest_on_fault() {
    let built = build_text("fe-elements.yaml", &own_text("ferreira-v-nestwise.yaml"));
    let body = normalize(&body_text(&built));
    assert!(
        body.contains(
            "The Ferreiras' showing fails on three of these requirements: falsity, a statement of fact (for two of the three posts), and harm."
        ),
        "{body}"
    );
    assert!(body.contains("this opposition does not rest on it, because the showing on the elements that do not turn on who the speakers are fails for the reasons given above."), "{body}");
    assert!(
        body.contains(
            "The complaint is verified, but on falsity it says only that each post is \"false and defamatory,\""
        ),
        "{body}"
    );
    assert!(!body.contains("an allegation is not evidence, and the Ferreiras have not shown"), "{body}");
    assert!(
        body.contains("What the Ferreiras offer on this element falls short for the reasons given above."),
        "{body}"
    );
    assert!(!body.contains("offered no competent evidence"), "{body}");
    assert!(body.contains("is read from its words in their context, not proved with evidence"), "{body}");
    // Where the standard binds, the legal standard acknowledges the binding decision that went the
    // other way (the First District's), in the bank's words, so check has no candor question left.
    assert!(
        body.contains("A motion like this one does not always fail. See ZL Techs., Inc. v. Does 1–7, 13 Cal. App. 5th 603 (2017) (reversing an order that denied a motion to compel a job-review website to identify anonymous reviewers). What decides it is whether the showing has been made."),
        "{body}"
    );
    assert!(
        !court_checks(&built).iter().any(|c| c.name == "this court's and its circuit's decisions"),
        "{:?}",
        court_checks(&built)
    );
    // A decision of this court itself that went the other way binds no one and is not acknowledged
    // by the library, so check asks the lawyer to weigh it (candor).
    let own_order = "\nauthorities:\n  alameda-order:\n    kind: case\n    name: \"Roe v. Does 1–3\"\n    short: Roe\n    cite: \"No. RG21000001, slip op. (Cal. Super. Ct. Mar. 1, 2022)\"\n    year: 2022\n    court: Cal. Super. Ct.\n    supports:\n      - topic: unmasking-standard-applied\n        pin: \"3\"\n        against: true\n        parenthetical: \"ordering a review site to identify a reviewer\"\n";
    let with_order = build_text("fe-own-order.yaml", &format!("{}{own_order}", own_text("ferreira-v-nestwise.yaml")));
    let item = court_checks(&with_order)
        .into_iter()
        .find(|c| c.name == "this court's and its circuit's decisions")
        .expect("the candor item");
    assert_eq!(item.status, Status::Warn, "{item:?}");
    assert!(item.detail.contains("alameda-order") && item.detail.contains("candor"), "{item:?}");
    assert!(
        !normalize(&body_text(&with_order)).contains("Roe v. Does"),
        "the library does not cite a trial court's order"
    );
    // Fault is cited to California's own fault authority, not to the elements case.
    assert!(
        body.contains("It also requires fault")
            && body.contains("see Brown v. Kelly Broad. Co., 48 Cal. 3d 711, 742 (1989)"),
        "{body}"
    );
}

/// A matter paragraph's citation that prints *Id.* (or a short form ending in a period) before the
/// paragraph's own period prints one period, as a clause's does (the Ohio user's "See id..").
#[test]
fn a_paragraph_citation_ending_in_a_period_is_not_followed_by_a_second() {
    let text = own_text("ferreira-v-nestwise.yaml").replace(
        "  - conclusion\n",
        "  - paragraph: p1\n    heading: Test\n    text: \"The declaration says so. [see @ferreira-decl ¶¶ 4–7]. It says more. [see @ferreira-decl ¶¶ 4–7]. Again. [@ferreira-decl ¶ 5].\"\n  - conclusion\n",
    );
    let built = build_text("fe-id.yaml", &text);
    let body = normalize(&body_text(&built));
    assert!(body.contains("It says more. See id. Again. Id. ¶ 5."), "{body}");
    assert!(!body.contains(".."), "{body}");
}

/// A motion resting on a state's pre-suit rule in federal court (Prairie Crest, Ill. S. Ct. R. 224):
/// answered from Rule 45, the movant's reading of its decision answered as read (no hedge), the
/// rule's reach before suit only against a movant who has sued, and the state's own decisions.
#[test]
fn a_presuit_rule_is_answered_in_federal_court_from_rule_45_and_the_pending_action() {
    let built = build_text("prairie-crest-v-does.yaml", &own_text("prairie-crest-v-does.yaml"));
    let body = normalize(&body_text(&built));
    assert!(body.contains("A State's Pre-Suit Discovery Rule Does Not Supply the Standard"), "{body}");
    assert!(body.contains("But the subpoena was issued under Rule 45, and the motion to compel is before this Court because Rule 45 sends it here"), "{body}");
    assert!(body.contains("Hadley v. Doe, 2015 IL 118000, ¶ 1, 34 N.E.3d 549"), "{body}");
    assert!(
        body.contains(
            "See Mot. at 4–7. A holding of that kind measures a petition against the state's own pleading rules"
        ),
        "{body}"
    );
    assert!(!body.contains("Even so read"), "{body}");
    assert!(
        body.contains("Nor does the rule reach this motion. It provides for disclosure before an action is commenced, see Ill. S. Ct. R. 224, and Prairie Crest has already brought its action, in which the subpoena was served. See Compl. at 1."),
        "{body}"
    );
    // The introduction names the rule once, first among what the motion relies on, and lists the
    // rest by kind (the D. Md. user: not "rests on" the rule when it argues more besides).
    assert!(
        body.contains("Prairie Crest's motion applies none of the tests courts have developed for unmasking an anonymous speaker. It relies instead on Ill. S. Ct. R. 224, the relevance of what the subpoena seeks, and a supposed lack of standing to object."),
        "{body}"
    );
    assert!(body.contains("None of these relieves Prairie Crest of the showing"), "{body}");
    assert!(!body.contains("It also relies on a state's pre-suit discovery rule"), "{body}");
}

/// A public official suing only for emotional distress (no defamation claim beside it): the
/// Constitution's rule for the claim (Hustler) is argued, with the statement of fact it requires
/// (the opinion argument) and the actual malice, and the official is called a public official,
/// not a figure who entered a controversy (the Florida user's mayor).
#[test]
fn a_public_officials_emotional_distress_claim_alone_meets_hustler_and_the_opinion_argument() {
    let text = own_text("vance-v-stoopline.yaml")
        .replace(
            "      - {type: defamation, law: washington, argued: true}\n",
            "      - {type: defamation, law: washington, argued: false}\n",
        )
        .replace("name: outrage, argued: false}", "name: outrage, argued: true}")
        .replace("    public_figure: true\n", "    public_official: true\n")
        .replace("offered_for: [falsity, harm]", "offered_for: [falsity, distress]")
        .replace("missing: [fact, falsity, fault, harm]", "missing: [fact, falsity, fault, distress]");
    let built = build_text("vance-iied.yaml", &text);
    let body = normalize(&body_text(&built));
    assert!(body.contains("Hustler Mag., Inc. v. Falwell, 485 U.S. 46, 56 (1988)"), "{body}");
    assert!(body.contains("public figures and public officials \"may not recover for the tort of intentional infliction of emotional distress"), "{body}");
    assert!(body.contains("because she is a public official (she has served as the elected president of the Bayview Heights School Board since 2022) and the posts concern her conduct in office"), "{body}");
    assert!(!body.contains("voluntarily enters a public controversy"), "{body}");
    // The statements read as opinion are argued as such under the governing state's test.
    assert!(body.contains("express their authors' opinions"), "{body}");
    assert!(!body.contains("fails with the claim"), "{body}");
}

/// A claim law every element of which has an authority of its own still states its elements
/// (the Florida user's "requires . See § 784.0485(1)"), and a statute's subdivision as an
/// element's pin prints as part of the citation, not after "at" or a comma.
#[test]
fn a_claim_whose_every_element_has_its_own_authority_states_them() {
    let dir = temp_dir("own-authority-elements");
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::create_dir_all(dir.join("matters")).unwrap();
    let claim = "extends: iied\nlaws:\n  test-state:\n    jurisdiction: Washington\n    authority: kloepfel\n    pin: \"195\"\n    elements:\n      - text: extreme and outrageous conduct\n        proof: [conduct]\n        shown_by: evidence\n        authority: ny-civ-rights-76a\n        pin: \"(2)\"\n      - text: severe emotional distress\n        proof: [distress]\n        shown_by: evidence\n        authority: kloepfel\n        pin: \"195\"\n    fact_opinion:\n      authority: kloepfel\n      pin: \"195\"\n      parenthetical: \"a test parenthetical\"\n";
    std::fs::write(dir.join("claims/iied-test.yaml"), claim).unwrap();
    let matter = own_text("vance-v-stoopline.yaml")
        .replace(
            "      - {type: defamation, law: washington, argued: true}\n",
            "      - {type: defamation, law: washington, argued: false}\n",
        )
        .replace(
            "{type: iied, law: washington, name: outrage, argued: false}",
            "{type: iied, law: test-state, name: outrage, argued: true}",
        )
        .replace("offered_for: [falsity, harm]", "offered_for: [falsity, distress]")
        .replace("missing: [fact, falsity, fault, harm]", "missing: [fact, falsity, fault, distress]");
    std::fs::write(dir.join("matters/vance.yaml"), matter).unwrap();
    let built = build(&dir.join("matters/vance.yaml"));
    let body = normalize(&crate::substance::body_text(&built));
    assert!(!body.contains("requires ."), "{body}");
    assert!(
        body.contains(
            "Under Washington law, outrage requires extreme and outrageous conduct, see N.Y. Civ. Rights Law § 76-a(2)"
        ),
        "{body}"
    );
}

/// Where no standard is settled, a decision of another district court of the circuit that went
/// the other way, with a page and what sets it apart, is acknowledged as binding no one and
/// distinguished (the Florida user's Middle District order), so check has no candor question.
#[test]
fn a_sister_districts_contrary_decision_is_acknowledged_and_distinguished() {
    let text = own_text("prairie-crest-v-does.yaml").replace(
        "\nauthorities:\n",
        "\nauthorities:\n  roe-v-doe-sdind:\n    kind: case\n    name: \"Roe v. Doe\"\n    cite: \"2021 WL 1234567\"\n    docket: \"No. 1:20-cv-1\"\n    court: S.D. Ind.\n    date: 2021-03-01\n    supports:\n      - topic: unmasking-standard-applied\n        pin: \"*2\"\n        against: true\n        parenthetical: \"ordering a forum to identify a commenter\"\n        distinguished: \"the commenter there had conceded that the statement was false\"\n",
    );
    let built = build_text("pc-sister.yaml", &text);
    let body = normalize(&body_text(&built));
    assert!(
        body.contains("A decision of another court within the Seventh Circuit went against the party resisting disclosure. Roe v. Doe, No. 1:20-cv-1, 2021 WL 1234567, at *2 (S.D. Ind. Mar. 1, 2021) (ordering a forum to identify a commenter). It binds no other court, and the commenter there had conceded that the statement was false."),
        "{body}"
    );
    assert!(
        !court_checks(&built).iter().any(|c| c.detail.contains("roe-v-doe-sdind") && c.detail.contains("candor")),
        "{:?}",
        court_checks(&built)
    );
}

/// A matter paragraph is named in the roadmap of the section above it: by its `roadmap:`, else by
/// the arguments it answers, else as taking up a further point (the Florida audit: a roadmap that
/// skipped the lawyer's own Part IV.A.3).
#[test]
fn a_matter_paragraph_is_named_in_the_roadmap_above_it() {
    let built = build_text("brightarc-v-doe.yaml", &own_text("brightarc-v-doe.yaml"));
    let body = normalize(&body_text(&built));
    assert!(
        body.contains("Part IV.C shows that the comments are a customer's criticism, not commercial speech."),
        "{body}"
    );
    let plain = own_text("brightarc-v-doe.yaml")
        .replace("        roadmap: shows that the comments are a customer’s criticism, not commercial speech\n", "");
    let built = build_text("brightarc-plain.yaml", &plain);
    let body = normalize(&body_text(&built));
    assert!(body.contains("Part IV.C takes up a further point."), "{body}");
    // The roadmap's `_…_` is emphasis, as in the paragraph's own text (the Maryland re-audit: the
    // raw "_Brodie_" printed in the roadmap).
    let emphasized = own_text("brightarc-v-doe.yaml").replace(
        "roadmap: shows that the comments are a customer’s criticism, not commercial speech",
        "roadmap: shows that the comments are a customer’s criticism under _Bolger_",
    );
    let body = normalize(&body_text(&build_text("brightarc-em.yaml", &emphasized)));
    assert!(body.contains("Part IV.C shows that the comments are a customer's criticism under Bolger."), "{body}");
}

/// A paragraph of the lawyer's own that answers an argument is asked, by check, to cite the
/// motion where the argument is made, as the library's answering sections do (the Florida
/// re-audit: a section that never states or cites what it answers).
#[test]
fn a_paragraph_answering_an_argument_is_asked_to_cite_it() {
    let text = own_text("prairie-crest-v-does.yaml");
    let silent = text.replace(
        "      - platform-standing\n",
        "      - paragraph: standing\n        heading: The Ledger May Oppose the Motion\n        answers: [no-standing]\n        text: \"The Ledger is the person the subpoena commands, and it may object. [see @frcp-45(d)(2)(B)].\"\n",
    );
    assert_ne!(silent, text, "Prairie Crest's outline moved");
    let built = build_text("pc-silent.yaml", &silent);
    let item = court_checks(&built).into_iter().find(|c| c.name == "your paragraphs' arguments").unwrap();
    assert_eq!(item.status, Status::Warn, "{}", item.detail);
    assert!(
        item.detail
            .contains("`standing` answers `no-standing` but never cites the motion where it argues it (mot at 10–11)"),
        "{}",
        item.detail
    );
    let stated = silent.replace(
        "text: \"The Ledger is the person",
        "text: \"Prairie Crest argues that the Ledger lacks standing. [see @mot at 10–11]. The Ledger is the person",
    );
    let built = build_text("pc-stated.yaml", &stated);
    let item = court_checks(&built).into_iter().find(|c| c.name == "your paragraphs' arguments").unwrap();
    assert_eq!(item.status, Status::Pass, "{}", item.detail);
}

/// Every page's text, runs of white space made single (the signature and certificate included).
fn whole_text(built: &pleader::pipeline::Built) -> String {
    normalize(&(0..built.doc.pages().len()).map(|p| page_string(built, p)).collect::<Vec<_>>().join(" "))
}

/// The S.D. Ohio user's matter, as kinds: a subpoena that reaches one speaker, in an action pending
/// in this court, to a provider that carries traffic and published nothing. The answer to the
/// movant's _Arista_ argues no Rule 45 transfer and no "circuit in which the underlying case
/// happens to be pending"; the privacy factor speaks of one speaker, not of "speakers … writing,
/// under pseudonyms"; the background says the client told the subscriber; the standing answer says
/// the client neither hosted nor published what was written; a trial attorney is designated where
/// the rules ask; and the certificate of service separates entries that hold commas.
#[test]
fn a_one_speaker_subpoena_pending_here_to_a_conduit_is_argued_as_what_it_is() {
    let leifer = own_text("leifer-v-twitter.yaml")
        .replacen("  accounts: 9\n", "  accounts: 1\n", 1)
        .replacen(
            "    court: the United States District Court for the Eastern District of New York\n",
            "    court: this Court\n",
            1,
        )
        .replacen(
            "  accounts: 1\n",
            "  accounts: 1\n  client_notice:\n    given: true\n    says: mailed the account holder a copy of the subpoena on September 1, 2022\n    cite: {doc: urbelis, at: \"¶ 3\"}\n",
            1,
        );
    assert!(leifer.contains("    court: this Court\n") && leifer.contains("client_notice"), "the sample changed");
    let body = body_text(&build_text("leifer-one.yaml", &leifer));
    let arista = &body[body.find("The Arista Factors Do Not Govern").unwrap()..];
    let arista = &arista[..arista.find("Cannot Satisfy the Arista Factors").unwrap()];
    assert!(arista.contains("The action is pending in this Court"), "{arista}");
    for gone in ["45(f)", "transfer", "circuit in which the underlying case", "where the plaintiff chose to sue"] {
        assert!(!arista.contains(gone), "“{gone}” argued for an action pending here:\n{arista}");
    }
    let privacy = &body[body.find("The fifth factor looks to").unwrap()..];
    let privacy = &privacy[..privacy.find("factor weighs heavily against disclosure").unwrap()];
    assert!(privacy.contains("The speaker Leifer seeks to identify was not trading files"), "{privacy}");
    for plural in ["The speakers", "the speakers", "pseudonym", "each of them", "sued them"] {
        assert!(!privacy.contains(plural), "“{plural}” said of one speaker:\n{privacy}");
    }
    assert!(body.contains("Twitter mailed the account holder a copy of the subpoena on September 1, 2022."), "{body}");

    let prairie = own_text("prairie-crest-v-does.yaml");
    let prairie = prairie
        .replacen(
            "  accounts: 3\n",
            "  accounts: 3\n  client_role:\n    does: provides internet service to the households that posted\n    conduit: true\n    cite: {doc: okafor-decl, at: \"¶ 3\"}\n",
            1,
        )
        .replacen("      bar: \"6301844\"\n", "      bar: \"6301844\"\n      designation: Trial Attorney\n", 1);
    assert!(prairie.contains("conduit: true") && prairie.contains("designation: Trial Attorney"), "the sample changed");
    let built = build_text("prairie-conduit.yaml", &prairie);
    let body = body_text(&built);
    let conduit = "neither hosted nor published the comments; its records show only which accounts were assigned the network addresses at issue";
    assert!(
        body.contains(&format!("the Ledger {conduit}")) || body.contains(&format!("The Ledger {conduit}")),
        "{body}"
    );
    assert!(body.contains("But the reason to hear such an objection does not turn on publication"), "{body}");
    // Accounts the client knows are not "anonymous" to it.
    assert!(body.contains("to reveal who is behind three Lakeshore Ledger accounts"), "{body}");
    let all = whole_text(&built);
    assert!(all.contains("Adaeze N. Hollis") && all.contains(", Trial Attorney"), "{all}");
}

/// The certificate of service names whom the brief is served on; entries that hold commas of their
/// own are separated by semicolons, so the reader can tell where one ends (the S.D. Ohio user's
/// "… through the Court’s CM/ECF system and the subscriber assigned IP address …").
#[test]
fn a_certificate_separates_served_entries_that_hold_commas_with_semicolons() {
    let text = own_text("brightarc-v-doe.yaml").replacen(
        "counsel for Plaintiff, through the Court’s CM/ECF system\"\n",
        "counsel for Plaintiff, through the Court’s CM/ECF system\"\n    - \"the account holder, Jordan Vale, by first-class mail\"\n    - \"Renee Ostrow, by e-mail\"\n",
        1,
    );
    assert!(text.contains("Jordan Vale"), "the sample changed");
    let all = whole_text(&build_text("brightarc-served.yaml", &text));
    let want = normalize(
        "through the Court’s CM/ECF system; the account holder, Jordan Vale, by first-class mail; and Renee Ostrow, by e-mail",
    );
    assert!(all.contains(&want), "{all}");
}

/// The Miami user's matter, as kinds, on the Prairie Crest sample: where the client has itself
/// told the speakers of the subpoena, the notice step never says the Court must wait until they
/// have had notice; a statement marked as fact beside ones argued as opinion makes "a statement of
/// fact" fail for those only, never for the claim; and a paragraph's bracket that reads as a
/// citation but names no authority ("[see id.]") is an error at the paragraph, not a literal.
#[test]
fn a_client_s_own_notice_and_a_statement_of_fact_are_never_contradicted() {
    let told = own_text("prairie-crest-v-does.yaml").replacen(
        "  accounts: 3\n",
        "  accounts: 3\n  client_notice:\n    given: true\n    says: e-mailed each commenter at the address the commenter registered, on October 1, 2026\n    cite: {doc: okafor-decl, at: \"¶ 9\"}\n",
        1,
    );
    assert!(told.contains("client_notice"), "the sample changed");
    let body = body_text(&build_text("pc-told.yaml", &told));
    assert!(!body.contains("before the speakers have had that notice"), "{body}");
    assert!(
        body.contains("the Ledger itself e-mailed each commenter")
            || body.contains("The Ledger itself e-mailed each commenter"),
        "{body}"
    );
    // The speakers know of the subpoena: the brief does not lean on the movant's omission (the
    // N.D. Ga. user), and notice from anyone is only the threshold.
    assert!(body.contains("so the speakers have been told of the subpoena, and the Ledger does not rest on Prairie Crest's omission. But notice, from anyone, is only the threshold"), "{body}");
    assert!(!body.contains("does not show that Prairie Crest made them"), "{body}");
    // Dated after the motion, the client's notice is told after it (the N.D. Ga. and New York users).
    let later = told.replacen(
        "    cite: {doc: okafor-decl, at: \"¶ 9\"}\n",
        "    cite: {doc: okafor-decl, at: \"¶ 9\"}\n    date: 2026-11-20\n",
        1,
    );
    assert!(later.contains("date: 2026-11-20"), "the sample changed");
    let body = body_text(&build_text("pc-told-later.yaml", &later));
    let filed = body.find("filed this motion to compel").expect("the motion's filing");
    let notice = body.find("The Ledger e-mailed each commenter").expect("the client's notice");
    assert!(notice > filed, "{body}");
    // Without the client's notice the sentence stands.
    let body = body_text(&build_text("pc.yaml", &own_text("prairie-crest-v-does.yaml")));
    assert!(body.contains("before the speakers have had that notice and a chance to be heard"), "{body}");
    // One statement of fact among opinions: "a statement of fact" is counted for the others only.
    if body.contains("of these requirements") {
        assert!(!body.contains("requirements: a statement of fact,"), "{body}");
    }
    assert!(!body.contains("competent evidence of any statement of fact"), "{body}");

    let unlinked = own_text("prairie-crest-v-does.yaml").replace(
        "  - conclusion\n",
        "  - paragraph: our-point\n    heading: Our Point\n    text: \"The point is settled. [see id.]\"\n  - conclusion\n",
    );
    let err = refused("pc.yaml", &unlinked);
    assert!(
        err.starts_with("pc.yaml:")
            && err.contains(
                "paragraph `our-point` has a bracket that reads like a citation but names no authority: `[see id.]`"
            ),
        "{err}"
    );
    // A paragraph whose id is a library clause's is an error at the item, not at the same word
    // in an earlier paragraph's text (the Cook County user).
    let taken = own_text("prairie-crest-v-does.yaml").replace(
        "  - conclusion\n",
        "  - paragraph: our-point\n    heading: Our Point\n    text: \"The statement-of-issues rule is met.\"\n  - paragraph: statement-of-issues\n    heading: Issues\n    text: \"Whether the motion should be denied.\"\n  - conclusion\n",
    );
    let err = refused("pc.yaml", &taken);
    let line = taken.lines().position(|l| l == "  - paragraph: statement-of-issues").expect("the item") + 1;
    assert!(
        err.contains(&format!(
            "pc.yaml:{line}:16: error: paragraph id `statement-of-issues` is the id of a library clause"
        )),
        "{err}"
    );
}

/// A copyright claim beside a speech claim (the S.D. Ohio user's matter): its elements come from
/// the library's federal claim file with its authority, registration is stated as the condition
/// § 411(a) sets, and a matter that marks registration missing says the showing lacks it; nothing
/// of the fact/opinion argument is said of it.
#[test]
fn a_copyright_claim_is_argued_by_its_own_elements_and_registration() {
    let text = own_text("leifer-v-twitter.yaml")
        .replacen(
            "      - {type: cfaa, law: federal, name: violation of the Computer Fraud and Abuse Act, argued: false}\n",
            "      - {type: copyright, law: federal, argued: true}\n      - {type: cfaa, law: federal, name: violation of the Computer Fraud and Abuse Act, argued: false}\n",
            1,
        )
        .replacen("    missing: [falsity, fault]\n", "    missing: [falsity, fault, registration]\n", 1);
    assert!(text.contains("type: copyright") && text.contains("registration]"), "the sample changed");
    let body = body_text(&build_text("leifer-copyright.yaml", &text));
    assert!(body.contains("A claim for copyright infringement requires ownership of a valid copyright in the work and copying of constituent elements of the work that are original. See Feist Publ'ns, Inc. v. Rural Tel. Serv. Co., 499 U.S. 340, 361 (1991)."), "{body}");
    assert!(body.contains("registration of the copyright claim (or the Copyright Office's refusal of it) before the action was brought"), "{body}");
    assert!(body.contains("17 U.S.C. § 411(a)"), "{body}");
    assert!(body.contains("registration of the copyright claim"), "{body}");
}

/// A standing argument that attacks the non-party's own motive (the Fairfax County user's "its
/// business profits from negative reviews") is answered where the matter marks it (`motive:
/// true`), and nothing is said of motive where the motion makes no such point.
#[test]
fn a_standing_argument_that_attacks_the_clients_motive_is_answered() {
    let shipped = body_text(&build_text("pc.yaml", &own_text("prairie-crest-v-does.yaml")));
    assert!(!shipped.contains("stands to gain"), "{shipped}");
    // The section that answers the standing argument says it; the legal standard's footnote on a
    // non-party's standing, asked for, would say it twice (the Fairfax County audit).
    let footnote = own_text("prairie-crest-v-does.yaml").replacen(
        "    options: {standing_footnote: false}",
        "    options: {standing_footnote: true}",
        1,
    );
    assert!(footnote.contains("standing_footnote: true"), "the sample changed");
    let body = body_text(&build_text("pc-footnote.yaml", &footnote));
    for twice in ["may assert the anonymous", "allowed a non-party that holds anonymous speakers' identities"] {
        assert!(!body.contains(twice), "{twice}: {body}");
    }
    // Without the standing argument, the footnote is printed.
    let no_argument = footnote.replacen(
        "      - kind: no-standing\n        says: the Ledger has no standing to assert its commenters’ First Amendment rights\n        cite: {doc: mot, at: \"at 10–11\"}\n",
        "",
        1,
    )
    .replace("      - platform-standing\n", "");
    let body = body_text(&build_text("pc-no-argument.yaml", &no_argument));
    assert!(body.contains("First Amendment interests in opposing"), "{body}");
    let motive = own_text("prairie-crest-v-does.yaml").replacen(
        "        cite: {doc: mot, at: \"at 10–11\"}\n",
        "        cite: {doc: mot, at: \"at 10–11\"}\n        motive: true\n",
        1,
    );
    assert!(motive.contains("motive: true"), "the sample changed");
    let body = body_text(&build_text("pc-motive.yaml", &motive));
    assert!(
        body.contains(
            "Nor does it matter what the Ledger itself stands to gain. Its objection is heard for the speakers"
        ),
        "{body}"
    );
}

/// The non-party's overbreadth objection is argued, not recited and dropped (the Fairfax County
/// and Miami-Dade audits): `subpoena-scope` says what the subpoena demands, what of it no step of
/// naming and serving a defendant needs, the Rules' limit, and why the First Amendment reaches
/// those records too; the relevance answer points to it instead of saying it again; and an
/// objection no section argues is a warning at the objections.
#[test]
fn an_overbreadth_objection_is_argued_in_its_own_section() {
    let built = build_text("marlowe.yaml", &own_text("marlowe-subpoena.yaml"));
    let body = body_text(&built);
    assert!(body.contains("The Subpoena Demands More Than Naming a Defendant Could Require"), "{body}");
    // The argument's roadmap announces it (the N.D. Ga. user: Part IV.H went unannounced).
    assert!(body.contains("Part IV.E shows that the subpoena demands more than naming and serving a defendant could require, so that any order should go no further."), "{body}");
    assert!(body.contains("It demands the names, e-mail addresses, IP addresses and sign-in records of the two member accounts. Subpoena at 1–3."), "{body}");
    assert!(body.contains("The subpoena also reaches the IP addresses and sign-in records of both accounts, which no step of naming or serving a defendant requires. Ms. Lind objected to the subpoena on that ground. Objection Letter at 3."), "{body}");
    // The Rule that reaches the speakers' interest, not the non-party's burden (the D.N.H. audit,
    // S24: Rule 45(d)(1) protects the recipient from expense, which the non-party does not claim).
    // Said as guidance for the order, not as if it applied without a motion to quash (the E.D.
    // Mo. audits).
    assert!(body.contains("In deciding what to direct, the Court may look to the protection the Rules give, on a timely motion, against a subpoena that \"requires disclosure of privileged or other protected matter, if no exception or waiver applies,\" Fed. R. Civ. P. 45(d)(3)(A)(iii): what a subpoena demands beyond a plaintiff's need reaches the speakers' protected anonymity"), "{body}");
    assert!(!body.contains("45(d)(1)"), "{body}");
    assert!(body.contains("Whatever showing might justify disclosing who the speakers are, it cannot justify disclosing more than naming and serving a defendant requires."), "{body}");
    // Said once: the relevance answer refers to the section.
    assert!(
        body.contains("Nor is the request proportional to any need Marlowe could have, as Part IV.E shows."),
        "{body}"
    );
    assert!(!body.contains("which reaches beyond what would be needed to name and serve a defendant"), "{body}");
    assert!(built.warnings.iter().all(|w| !w.message.contains("overbreadth")), "{:?}", built.warnings);
    // What the record says the records would reveal is said with its cite.
    let text = own_text("marlowe-subpoena.yaml").replacen(
        "    beyond: the IP addresses and sign-in records of both accounts\n",
        "    beyond: the IP addresses and sign-in records of both accounts\n    beyond_reveals: the sign-in records show each place from which the accounts were used\n    beyond_reveals_cite: {doc: lind-decl, at: \"¶ 8\"}\n",
        1,
    );
    assert!(text.contains("beyond_reveals:"), "the sample changed");
    let body = body_text(&build_text("marlowe.yaml", &text));
    assert!(body.contains("What the subpoena demands beyond identifying information would expose more than a name: the sign-in records show each place from which the accounts were used. See Lind Decl. ¶ 8."), "{body}");
    // Taken out, the objection no section argues is a warning at the objections.
    let text = own_text("marlowe-subpoena.yaml").replacen("      - subpoena-scope\n", "", 1);
    let built = build_text("marlowe.yaml", &text);
    let w = built
        .warnings
        .iter()
        .find(|w| w.message.contains("overbreadth"))
        .expect("a warning on the overbreadth objection");
    assert!(w.message.contains("no section of the brief argues the subpoena's breadth"), "{}", w.message);
    // Argued in federal court without the objection: a warning that it may be held waived.
    let text = own_text("marlowe-subpoena.yaml").replacen(
        "    objections: [no_unmasking_analysis, first_amendment, overbreadth]\n",
        "    objections: [no_unmasking_analysis, first_amendment]\n",
        1,
    );
    let built = build_text("marlowe.yaml", &text);
    let w = built.warnings.iter().find(|w| w.message.contains("subpoena-scope")).expect("a warning");
    assert!(w.notes.iter().any(|h| h.contains("may be held waived")), "{w:?}");
}

/// The N.D. Ga. user's matter, as kinds: a subpoena served without an early-discovery order builds
/// (the fact's own help says to leave it out) and the transfer answer claims nothing about an
/// order; the transfer request is cited where the motion makes it; a request that says what was
/// asked is refused at the value; a value ending in an abbreviation takes one period; and the
/// commercial-speech answer says the label is no evidence only of what the argued claims require.
#[test]
fn a_subpoena_with_no_early_discovery_order_and_a_claim_with_no_falsity_are_argued_as_they_are() {
    let shipped = own_text("harlow-v-threadline.yaml");
    let body = body_text(&build_text("harlow.yaml", &shipped));
    assert!(body.contains("which issued the subpoena. Mot. at 11. The Court should decline."), "{body}");
    assert!(body.contains("a question the issuing court has not reached"), "{body}");
    // The balance ends on its conclusion, after the decisions that support it (the D.N.H. user:
    // the survey "tacked on after the balance section's concluding sentence").
    assert!(
        body.contains("on de novo review of a magistrate judge's recommendation). The balance of harms weighs decisively against unmasking the speakers."),
        "{body}"
    );
    assert!(body.contains("the court that issued the subpoena, which has never addressed the First Amendment question the motion presents."), "{body}");
    // No order: the block taken out.
    let start = shipped.find("  early_discovery:\n").expect("the sample changed");
    let end = start + shipped[start..].find("\n\n").unwrap() + 1;
    let no_order = format!("{}{}", &shipped[..start], &shipped[end..]);
    let body = body_text(&build_text("harlow-no-order.yaml", &no_order));
    assert!(
        body.contains(
            "The second of those circumstances is absent: the question is not likely to recur in discovery elsewhere"
        ),
        "{body}"
    );
    assert!(!body.contains("Neither circumstance is present"), "{body}");
    assert!(!body.contains("has not reached"), "{body}");
    assert!(!body.contains("Its order gave"), "{body}");
    let built = build_text("harlow-no-order.yaml", &no_order);
    let w = built
        .warnings
        .iter()
        .find(|w| w.message.contains("first circumstance"))
        .expect("a warning on the unargued first circumstance");
    assert!(w.notes.iter().any(|h| h.contains("issuing_court_ruled: false")), "{w:?}");
    // The docket, in the record, shows no ruling: both circumstances answered, cited to it.
    let docket = no_order.replacen(
        "    issuing_court: the Central District of California\n",
        "    issuing_court: the Central District of California\n    issuing_court_ruled: false\n    issuing_court_ruled_cite: {doc: harlow-decl, at: \"Ex. 4\"}\n",
        1,
    );
    let built = build_text("harlow-docket.yaml", &docket);
    let body = body_text(&built);
    assert!(
        body.contains("Neither circumstance is present. The issuing court has not ruled on the question this motion presents. Its docket shows no ruling on whether"),
        "{body}"
    );
    assert!(body.contains("may be identified. See Declaration of Corinne Harlow, Dkt. 1-2 (\"Harlow Decl.\") Ex. 4. Nor is the question likely to recur"), "{body}");
    assert!(!built.warnings.iter().any(|w| w.message.contains("first circumstance")), "{:?}", built.warnings);
    // Without its cite, or with a ruling already made, the section refuses to argue it.
    let err = refused(
        "harlow-docket-uncited.yaml",
        &docket.replacen("    issuing_court_ruled_cite: {doc: harlow-decl, at: \"Ex. 4\"}\n", "", 1),
    );
    assert!(err.contains("must give `subpoena.issuing_court_ruled_cite`"), "{err}");
    let err =
        refused("harlow-ruled.yaml", &docket.replacen("issuing_court_ruled: false", "issuing_court_ruled: true", 1));
    assert!(err.contains("first exceptional circumstance"), "{err}");
    // Nor does the introduction say the issuing court never addressed the question: only the
    // order the matter cites could show that (the N.D. Ga. audit).
    assert!(!body.contains("which has never addressed the First Amendment question"), "{body}");
    // The request says what was asked: refused at the value.
    let asked = shipped.replacen(
        "    request: an ex parte application\n",
        "    request: an ex parte application for leave to serve a subpoena before the Rule 26(f) conference\n",
        1,
    );
    let err = refused("harlow-asked.yaml", &asked);
    assert!(err.contains("`early_discovery.request` says what was asked"), "{err}");
    assert!(err.contains("harlow-asked.yaml:103"), "{err}");
    // A value ending in "Co." before the clause's own period: one period.
    let abbreviated = own_text("brennock-v-does.yaml").replacen(
        "    offered: the complaint and the certification of its owner, Victor Brennock\n",
        "    offered: the complaint and a certification from Vantage Alarm Co.\n",
        1,
    );
    assert!(abbreviated.contains("Vantage Alarm Co."), "the sample changed");
    let body = body_text(&build_text("brennock-co.yaml", &abbreviated));
    assert!(body.contains("a certification from Vantage Alarm Co. "), "{body}");
    assert!(!body.contains("Co.."), "{body}");
    // Commercial speech: the label is no evidence of falsity only where a claim requires it.
    let body = body_text(&build_text("brennock.yaml", &own_text("brennock-v-does.yaml")));
    assert!(
        body.contains("The label is no evidence that any review is false, or that any review caused the harm"),
        "{body}"
    );
    let interference_only = own_text("brennock-v-does.yaml").replacen(
        "      - {type: defamation, law: new-jersey, argued: true}\n",
        "      - {type: defamation, law: new-jersey, argued: false}\n",
        1,
    );
    assert!(interference_only.contains("law: new-jersey, argued: false}"), "the sample changed");
    let body = body_text(&build_text("brennock-interference.yaml", &interference_only));
    assert!(!body.contains("is no evidence that any review is false"), "{body}");
    assert!(body.contains("The label is no evidence that any review caused the harm Brennock claims."), "{body}");
}

/// A statement challenged only under a contract (the New York user's review that named a client
/// and its bill rate): tied to its claim (`claims: [breach-of-contract]`), it is not argued as fact
/// or opinion or called false, and the answer to the agreement argument speaks of it alone; a
/// claim type the matter does not plead is an error at the value.
#[test]
fn a_statement_challenged_only_under_a_contract_is_not_argued_as_speech() {
    let shipped = own_text("brandywine-v-doe.yaml");
    let anchor = "      wording: an epithet and a scoffing judgment of the company’s own slogan, posted on a site where employees rate employers; it states the writer’s view of the workplace and measures nothing\n";
    assert!(shipped.contains(anchor), "the sample changed");
    let tied = shipped.replacen(
        anchor,
        &format!("{anchor}    - text: names Keystone Aerospace as a client and gives the hourly rate Brandywine bills it\n      quoted: false\n      opinion: false\n      claims: [breach-of-contract]\n      cite: {{doc: compl, at: \"¶ 20\"}}\n"),
        1,
    );
    let body = body_text(&build_text("brandywine-tied.yaml", &tied));
    // Described where the complaint is, never argued as an assertion of fact or called false.
    assert!(body.contains("names Keystone Aerospace as a client"), "{body}");
    let after_background = body.split("ARGUMENT").nth(1).unwrap_or_default();
    for said in [
        "names Keystone Aerospace as a client and gives the hourly rate Brandywine bills it, see",
        "three statements",
        "three posts",
    ] {
        assert!(!after_background.contains(said), "{said}: {body}");
    }
    assert!(body.contains("Whether whoever wrote the review that names Keystone Aerospace as a client and gives the hourly rate Brandywine bills it signed"), "{body}");
    // The introduction counts the reviews a speech claim rests on, not all three.
    assert!(
        body.contains(
            "one of the two reviews on which the defamation claim rests expresses an opinion rather than a fact"
        ),
        "{body}"
    );
    // A claim the matter does not plead: refused at the value.
    let err = refused(
        "brandywine-tied.yaml",
        &tied.replacen("      claims: [breach-of-contract]\n", "      claims: [trade-secret]\n", 1),
    );
    assert!(err.contains("statement 3 is tied to `trade-secret`, which `underlying.claims` does not list"), "{err}");
}

/// Evidence that a speaker signed the agreement, described by the agreement answer, and not listed
/// among the movant's evidence for the contract: the evidence step would say nothing offered is
/// evidence of a contract a page from where the brief describes it (the New York audit). `check`
/// warns at the signer evidence.
#[test]
fn signer_evidence_the_evidence_step_does_not_list_is_a_warning() {
    let shipped = build_text("brandywine.yaml", &own_text("brandywine-v-doe.yaml"));
    assert!(
        shipped.warnings.iter().all(|w| !w.message.contains("agreement answer describes")),
        "{:?}",
        shipped.warnings
    );
    let unlisted = own_text("brandywine-v-doe.yaml").replacen(
        "        offered_for: [contract, harm]\n",
        "        offered_for: [harm]\n",
        1,
    );
    assert!(unlisted.contains("offered_for: [harm]"), "the sample changed");
    let built = build_text("brandywine-unlisted.yaml", &unlisted);
    let w = built.warnings.iter().find(|w| w.message.contains("agreement answer describes")).expect("a warning");
    assert!(
        w.message.contains("the evidence step will say nothing offered is evidence of a contract"),
        "{}",
        w.message
    );
}

/// A statement that injures on its face needs no proof of harm: where the governing law excuses
/// the damages element for a statement defamatory per se (Illinois), the evidence step does not
/// argue the want of harm or causation unless the lawyer marks a statement of fact as falling in
/// no per se category, and `check` says so at `evidence.missing` rather than drop the listed
/// showings silently (the D.D.C. and New York audits, S23: "arguing it and then conceding it").
#[test]
fn harm_is_argued_for_a_claim_the_per_se_rule_excuses_only_for_a_statement_marked_not_per_se() {
    let shipped = own_text("halloway-subpoena.yaml");
    let built = build_text("halloway.yaml", &shipped);
    let body = body_text(&built);
    assert!(body.contains("what he offers on falsity falls short of them for the reasons given above"), "{body}");
    assert!(!body.contains("failed to establish harm"), "{body}");
    let w = built
        .warnings
        .iter()
        .find(|w| w.message.contains("does not argue the want of harm or causation"))
        .expect("a warning at evidence.missing");
    assert!(w.message.contains("under Illinois law the defamation claim requires"), "{}", w.message);
    let (src, span) = (w.source.as_ref().unwrap(), w.span.clone().unwrap());
    assert!(src.text[span].starts_with("missing"), "the warning points at the list");
    // Marked as outside every per se category: harm and causation are argued, and no warning.
    let marked = shipped.replacen(
        "      opinion: false\n",
        "      opinion: false\n      not_per_se: says nothing of Halloway’s fitness as a builder\n",
        1,
    );
    assert_ne!(marked, shipped);
    let built = build_text("halloway-marked.yaml", &marked);
    let body = body_text(&built);
    assert!(body.contains("what he offers on falsity, harm, and causation falls short of them"), "{body}");
    assert!(built.warnings.iter().all(|w| !w.message.contains("does not argue the want")), "{:?}", built.warnings);
}

/// A paragraph of the lawyer's own that answers an argument (`answers: [unprotected-speech]`) is
/// the answer: the evidence step, which answers that kind in passing, does not quote the argument
/// a second time; and the argument's roadmap names the paragraph in the outline's order among the
/// sections under the standard, not after them (the Allegheny County, W.D. Tex. and D.N.H. users,
/// S24). A library section under the standard that answers no argument is still announced.
#[test]
fn an_argument_the_lawyers_own_paragraph_answers_is_answered_once_and_announced_in_order() {
    let shipped = own_text("dorsey-v-does.yaml");
    let said = "argues that the comments accuse him of covering up a crime";
    assert_eq!(body_text(&build_text("dorsey.yaml", &shipped)).matches(said).count(), 1);
    let own = shipped.replacen(
        "          - pleading-not-enough\n          - evidentiary-basis\n",
        "          - pleading-not-enough\n          - paragraph: label-not-answer\n            heading: Calling the comments unprotected does not answer the standard\n            text: A label is a conclusion, and the standard asks for the evidence behind it.\n            answers: [unprotected-speech]\n          - evidentiary-basis\n",
        1,
    );
    assert_ne!(own, shipped);
    let body = body_text(&build_text("dorsey-own.yaml", &own));
    assert_eq!(body.matches(said).count(), 0, "{body}");
    assert!(body.contains("A label is a conclusion, and the standard asks for the evidence behind it."), "{body}");
    assert!(
        body.contains("cannot meet the Cahill standard and answers, in Part IV.B.2, the motion's reliance on a standard that asks only for allegations; and, in Part IV.B.3, the motion's reliance on the claim that the statements are unprotected."),
        "{body}"
    );
    // Named once in that sentence, not again after it.
    assert_eq!(body.matches("Part IV.B.3 answers the motion's reliance").count(), 1, "{body}");
    // A section under the standard that answers no argument of the motion is announced by what it
    // does (the D.N.H. user: the roadmap skipped `subpoena-scope`).
    let shipped = own_text("marlowe-subpoena.yaml");
    let nested = shipped.replacen(
        "            options: {decisions: false}\n      - subpoena-scope\n",
        "            options: {decisions: false}\n          - subpoena-scope\n",
        1,
    );
    assert_ne!(nested, shipped);
    let body = body_text(&build_text("marlowe-nested.yaml", &nested));
    assert!(
        body.contains(
            "Part IV.D.4 shows that the subpoena demands more than naming and serving a defendant could require"
        ),
        "{body}"
    );
}

/// The answer to a prior-order argument: in the number of the matter's speakers (the W.D. Tex.
/// user's one account read "Whether the Speakers May Be Unmasked"); the objections are the rule's
/// own step, not an attack on the order (the movant's "collateral attack"); and a standard named
/// by a plural noun takes a plural verb ("the Arista factors require").
#[test]
fn the_prior_order_answer_speaks_of_the_matters_speakers_and_of_objections_as_the_rules_own_step() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let body = body_text(&build_text("vance.yaml", &shipped));
    assert!(body.contains("whether Ms. Vance has made the showing the Arista factors require, is one"), "{body}");
    assert!(!body.contains("factors requires"), "{body}");
    // Two decisions of one year give it once, after the last (Bluebook 10.5; the W.D. Tex. audit).
    assert!(body.contains("879 A.2d 943, 945 (Del. Super. Ct.) (hearing"), "{body}");
    assert!(body.contains("rev'd, 884 A.2d 451 (Del. 2005)"), "{body}");
    assert!(
        body.contains("Nor do Stoopline's objections attack the order. See Objection Letter at 1–3. Rule 45 itself lets the person commanded to produce serve written objections"),
        "{body}"
    );
    let one = shipped.replacen("  accounts: 4\n", "  accounts: 1\n", 1);
    assert_ne!(one, shipped);
    let body = body_text(&build_text("vance-one.yaml", &one));
    assert!(body.contains("Did Not Decide Whether the Speaker May Be Unmasked"), "{body}");
    assert!(body.contains("before anyone who could defend the speaker's anonymity was heard"), "{body}");
}

/// Small things the S24 users read as the partner would: one objection is "that objection", not
/// "neither objection" (W.D. Tex.); a case name in an alternative request is in italics in the
/// brief and plain in the proposed order (Allegheny County).
#[test]
fn one_objection_is_not_neither_and_an_alternative_request_may_italicize_a_case_name() {
    let shipped = own_text("marlowe-subpoena.yaml");
    assert!(body_text(&build_text("marlowe.yaml", &shipped)).contains("Neither objection turns on how long"));
    let one = shipped.replacen(
        "    objections: [no_unmasking_analysis, first_amendment, overbreadth]\n",
        "    objections: [no_unmasking_analysis, first_amendment]\n",
        1,
    );
    assert_ne!(one, shipped);
    let body = body_text(&build_text("marlowe-one.yaml", &one));
    assert!(body.contains("That objection does not turn on how long a search would take."), "{body}");
    assert!(!body.contains("Neither objection"), "{body}");
    let italic = shipped.replacen(
        "      - any disclosure be limited to each poster’s name and e-mail address\n",
        "      - any disclosure wait until the Court finds the _Highfields_ showing made\n",
        1,
    );
    assert_ne!(italic, shipped);
    let built = build_text("marlowe-italic.yaml", &italic);
    let body = body_text(&built);
    assert!(body.contains("that any disclosure wait until the Court finds the Highfields showing made."), "{body}");
    assert!(!body.contains("_Highfields_"), "{body}");
    let runs: Vec<pleader::typeset::TextRun> =
        built.doc.pages().iter().flat_map(|p| pleader::typeset::page_text(&p.frame)).collect();
    let at = runs.windows(2).find(|w| w[1].text.contains("showing made")).expect("the request is typeset");
    assert!(at[0].italic && at[0].text.contains("Highfields"), "{:?}", at[0].text);
}

/// Falsity is a public figure's to prove whoever the speaker is: the brief neither hedges it
/// ("should be required to show") nor recites the state's rule putting truth on the defendant,
/// which the public-concern rule answers only for a private plaintiff (the Allegheny County
/// audit, S24: a public official's brief conceded the point).
#[test]
fn a_public_figures_burden_of_proving_falsity_is_stated_without_the_private_figure_hedge() {
    let shipped = own_text("brandywine-v-doe.yaml");
    let body = body_text(&build_text("brandywine.yaml", &shipped));
    assert!(body.contains("so Brandywine should be required to show that it is false. Apart from that constitutional rule, Pennsylvania law provides"), "{body}");
    let public = shipped.replacen("    public_figure: false\n", "    public_figure: true\n", 1);
    assert_ne!(public, shipped);
    let body = body_text(&build_text("brandywine-public.yaml", &public));
    assert!(body.contains("so Brandywine must show that it is false"), "{body}");
    assert!(!body.contains("should be required to show"), "{body}");
    assert!(!body.contains("Apart from that constitutional rule"), "{body}");
    assert!(!body.contains("the Court left open whether it reaches other speakers"), "{body}");
}

/// "Each of the claims … rests on the same posts" only where every statement is tied to every
/// such claim: a post sued on under one claim alone breaks it (the Allegheny County audit, S24,
/// whose "run him out of town" post supported only the emotional-distress claim).
#[test]
fn the_claims_rest_on_the_same_posts_only_where_every_post_is_tied_to_each() {
    let shipped = own_text("halloway-subpoena.yaml");
    let said = "Each of the claims Mr. Halloway presses, defamation and false light invasion of privacy, rests on the same posts";
    assert!(body_text(&build_text("halloway.yaml", &shipped)).contains(said));
    let tied = shipped.replacen(
        "      wording: a judgment of taste,",
        "      claims: [false-light]\n      wording: a judgment of taste,",
        1,
    );
    assert_ne!(tied, shipped);
    let body = body_text(&build_text("halloway-tied.yaml", &tied));
    assert!(!body.contains("rests on the same posts"), "{body}");
}

/// A conduit's own notice reaches its subscriber, who need not be the speaker: the notice step says
/// so instead of "the speakers have been told" (the W.D. Tex. audit, S24); and the standard's
/// section says the movant invokes the test, not that it "accepts" it (the D.N.H. audit: a motion
/// that also argued no test applies to one claim).
#[test]
fn a_conduits_notice_reaches_the_subscriber_and_the_movant_invokes_the_test() {
    let shipped = own_text("harlow-v-threadline.yaml");
    let body = body_text(&build_text("harlow.yaml", &shipped));
    assert!(body.contains("Harlow invokes the Highfields test. See Mot. at 4–11."), "{body}");
    assert!(!body.contains("accepts that"), "{body}");
    let dorsey = own_text("dorsey-v-does.yaml");
    let conduit = dorsey.replacen(
        "  platform: InletBayCourier.com\n",
        "  platform: InletBayCourier.com\n  client_role: {does: carries its subscribers' traffic and hosts nothing they write, cite: {doc: ortiz-aff, at: \"¶ 1\"}, conduit: true}\n  client_notice: {given: true, says: wrote to each account holder enclosing the subpoena, cite: {doc: ortiz-aff, at: \"¶ 2\"}}\n",
        1,
    );
    assert_ne!(conduit, dorsey);
    let body = body_text(&build_text("dorsey-conduit.yaml", &conduit));
    assert!(body.contains("been told of the subpoena, though the"), "{body}");
    assert!(body.contains("need not be the ones who wrote the comments."), "{body}");
    assert!(!body.contains("so the speakers have been told"), "{body}");
}

/// Two decisions the brief cites under one short name ("Cahill"), one of them cited again by it:
/// `check` warns, naming both (the W.D. Tex. audit, S24: "See Cahill, 884 A.2d at 454" after
/// *Cahill v. Doe-Number One*).
#[test]
fn two_cited_cases_sharing_a_short_name_are_a_warning_once_the_short_form_is_used() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let short_forms = |built: &pleader::pipeline::Built| {
        pleader::rules::court_checks(built).into_iter().find(|c| c.name == "short forms")
    };
    assert!(short_forms(&build_text("vance.yaml", &shipped)).is_none());
    let both = shipped.replacen(
        "    - prior-order\n",
        "    - prior-order\n    - paragraph: delaware\n      heading: Delaware Reversed\n      text: \"The order was reversed. [see @cahill at 454]. Anonymity is protected. [see @mcintyre at 341–42]. The reversal rested on the speaker's right. [see @cahill at 454].\"\n",
        1,
    );
    assert_ne!(both, shipped);
    let item = short_forms(&build_text("vance-both.yaml", &both)).expect("a short-forms warning");
    assert_eq!(item.status, Status::Warn);
    assert!(item.detail.contains("“Cahill” names cahill and cahill-v-doe-del-super"), "{}", item.detail);
}

/// A citation typed as words in the lawyer's own paragraph ("47 U.S.C. § 551(c)(1)", "879 A.2d
/// 943", "Fed. R. Civ. P. 45(d)(3)") prints, but the table of authorities has no page for it:
/// `check` warns, naming each citation and the paragraph (the W.D. Tex. audit, S24: "47 U.S.C.
/// § 551 …… 6" where the statute was also cited on page 5). The same authorities cited through
/// `[@id …]` draw no warning, and no shipped sample has one.
#[test]
fn a_citation_typed_as_words_is_a_warning_naming_it_and_its_paragraph() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let plain = |built: &pleader::pipeline::Built| {
        pleader::rules::court_checks(built).into_iter().find(|c| c.name == "citations written as plain text")
    };
    assert!(plain(&build_text("vance.yaml", &shipped)).is_none());
    let para = |text: &str| {
        shipped.replacen(
            "    - prior-order\n",
            &format!(
                "    - prior-order\n    - paragraph: words\n      heading: Cited in Words\n      text: \"{text}\"\n"
            ),
            1,
        )
    };
    let cited = para("The Act forbids it. [see @mcintyre at 341–42]. So does the rule. [@frcp-45(d)(3)(A)(iii)].");
    assert!(plain(&build_text("vance-cited.yaml", &cited)).is_none());
    let words = para(
        "The Act forbids it, see 47 U.S.C. § 551(c)(1), as the court held in Doe v. Cahill, 884 A.2d 451, 454 (Del. 2005), and Fed. R. Civ. P. 45(d)(3) agrees; so did a court in 2011 WL 5444622, at *3. At 10 p.m. on 3 May nothing was posted. Md. Rule 2-311(f) asks for a hearing, and Md. Code Ann., Cts. & Jud. Proc. § 5-105 sets the period. The Md. courts agree, as Maryland Rule 2-510 says. Maryland courts know.",
    );
    let item = plain(&build_text("vance-words.yaml", &words)).expect("a plain-citation warning");
    assert_eq!(item.status, Status::Warn);
    for cite in [
        "“47 U.S.C. § 551(c)(1)”",
        "“884 A.2d 451”",
        "“Fed. R. Civ. P. 45(d)(3)”",
        "“2011 WL 5444622”",
        "“Md. Rule 2-311(f)”",
        "“Md. Code Ann., Cts. & Jud. Proc. § 5-105”",
        "“Maryland Rule 2-510”",
    ] {
        assert!(item.detail.contains(&format!("{cite} in the paragraph `words`")), "{cite}: {}", item.detail);
    }
    assert_eq!(item.detail.matches(" in the paragraph ").count(), 7, "{}", item.detail);
}

/// Two sentences run together ("… later fail.A lower threshold …", where a Tera tag ate the
/// space, the D. Or. user's brief, S25) draw a warning naming the section; abbreviations
/// ("U.S.C.", "Inc.") and a full stop before a space do not.
#[test]
fn sentences_run_together_are_a_warning_naming_the_section() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let run_on = |built: &pleader::pipeline::Built| {
        pleader::rules::court_checks(built).into_iter().find(|c| c.name == "sentences run together")
    };
    assert!(run_on(&build_text("vance.yaml", &shipped)).is_none());
    let para = |text: &str| {
        shipped.replacen(
            "    - prior-order\n",
            &format!("    - prior-order\n    - paragraph: joined\n      heading: Joined\n      text: \"{text}\"\n"),
            1,
        )
    };
    let spaced = para(
        "The claims may later fail. A lower threshold would not do. Acme Co. Inc. sued under the U.S.C. provisions.",
    );
    assert!(run_on(&build_text("vance-spaced.yaml", &spaced)).is_none());
    let joined = para("The claims may later fail.A lower threshold would not do.");
    let item = run_on(&build_text("vance-joined.yaml", &joined)).expect("a run-on warning");
    assert!(item.detail.contains("fail.A lower") && item.detail.contains("`joined`"), "{}", item.detail);
}

/// An apostrophe after a digit ("Doe 2's comment", the Maryland user, S25) prints as an
/// apostrophe, not as the prime Typst sets for 5'; a prime between digits stays one.
#[test]
fn an_apostrophe_after_a_digit_prints_as_an_apostrophe() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let text = shipped.replacen(
        "    - prior-order\n",
        "    - paragraph: doe-two\n      heading: Doe Two\n      text: \"Doe 2's comment named a ceiling 9'6\\\" high.\"\n    - prior-order\n",
        1,
    );
    assert_ne!(text, shipped);
    let built = build_text("vance-doe-two.yaml", &text);
    let all: String = (0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n");
    assert!(all.contains("Doe 2’s comment"), "the apostrophe after 2");
    assert!(!all.contains("2′s"));
    assert!(all.contains("9′6″") || all.contains("9′6”"), "the prime between digits stays");
}

/// The background tells the client's own notice in date order: between the subpoena and the
/// objections where it came before the objections (the D. Or. user's Sept. 24 notice printed
/// after the Oct. 1 objections, S25), after them where it came later.
#[test]
fn the_client_s_own_notice_is_told_in_date_order_around_the_objections() {
    let shipped = own_text("harborlight-subpoena.yaml");
    assert!(shipped.contains("    objections_served: 2026-08-14\n"), "the sample's dates changed");
    let with_notice = |date: &str| {
        shipped.replacen(
            "\nfacts:\n",
            &format!("\nfacts:\n  client_notice:\n    given: true\n    says: e-mailed each account holder on {date} to tell them of the subpoena\n    date: {date}\n    cite: {{doc: mot, at: \"at 2\"}}\n"),
            1,
        )
    };
    let body = |date: &str| normalize(&body_text(&build_text("hl.yaml", &with_notice(date))));
    let early = body("2026-08-05");
    let (notice, objections) =
        (early.find("e-mailed each account holder").unwrap(), early.find("written objections on").unwrap());
    assert!(notice < objections, "{early}");
    let late = body("2026-08-20");
    let (notice, objections) =
        (late.find("e-mailed each account holder").unwrap(), late.find("written objections on").unwrap());
    assert!(notice > objections, "{late}");
}

/// A claim law whose authority has no pin read yet (the Maryland and Oregon users, S25): its first
/// citation is full, and a later one in the same brief is the short form with the first page
/// ("_Oregon Plaintiff_, 300 Or. 1"), not the full citation printed again.
#[test]
fn a_pinless_claim_authority_cited_again_takes_its_short_form() {
    let (_, built) = oregon_claim_project(
        "claims-pinless",
        "extends: defamation\nlaws:\n  oregon:\n    jurisdiction: Oregon\n    authority: or-case\n    pin: \"\"\n    elements:\n      - {text: a defamatory statement of fact about the plaintiff, proof: [fact], shown_by: statement}\n      - {text: publication of the statement to a third party, proof: [publication], shown_by: evidence}\n    fact_opinion: {authority: or-case, pin: \"\", parenthetical: \"holding that a review's insults were opinion\", constitutional: true}\n",
        "or-case:\n  kind: case\n  name: \"Oregon Plaintiff v. Oregon Defendant\"\n  short: Oregon Plaintiff\n  cite: \"300 Or. 1\"\n  court: Or.\n  year: 1990\n  factors:\n    - {aspect: wording, text: whether the words are figurative or hyperbolic}\n    - {aspect: verifiable, text: whether the statement can be proved true or false}\n",
    );
    let body = normalize(&body_text(&built));
    // A fact/opinion test the state's courts apply under the First Amendment is said to be one
    // (`constitutional: true`; the D. Or. user's "Under Oregon law" for Neumann, S25).
    assert!(body.contains("Under the First Amendment, as Oregon's courts apply it, whether a statement asserts a fact turns on whether the words are figurative or hyperbolic and whether the statement can be proved true or false."), "{body}");
    assert!(!body.contains("Under Oregon law, whether"), "{body}");
    assert_eq!(body.matches("Oregon Plaintiff v. Oregon Defendant, 300 Or. 1 (Or. 1990)").count(), 1, "{body}");
    assert!(body.contains("Oregon Plaintiff, 300 Or. 1 (holding that a review's insults were opinion)"), "{body}");
}

/// A signal's citation clause run on from a word ("before the vote [see @x]") is set off by a
/// comma (the Maryland user's "the vote see Whitcomb Aff.", S25); one after its own punctuation,
/// or a quotation's comma, or with no signal, is printed as written.
#[test]
fn a_signalled_citation_clause_after_a_word_is_set_off_by_a_comma() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let text = shipped.replacen(
        "    - prior-order\n",
        "    - paragraph: clause-comma\n      heading: Clause Comma\n      text: \"The speaker chose anonymity [see @mcintyre at 341], and the choice was hers. It said “no more,” [see @mcintyre at 341] and stopped. The Court held so. [@mcintyre at 341].\"\n    - prior-order\n",
        1,
    );
    assert_ne!(text, shipped);
    let body = normalize(&body_text(&build_text("vance-comma.yaml", &text)));
    assert!(
        body.contains("The speaker chose anonymity, see McIntyre, 514 U.S. at 341, and the choice was hers. It said \"no more,\" see id. and stopped. The Court held so. Id."),
        "{body}"
    );
}

/// A statement's `basis` that says it discloses nothing ("nothing beyond the writer's own
/// experience") is an error at the value: the brief would print "discloses the facts it rests on
/// (nothing …)" (the D. Or. audit, S25).
#[test]
fn a_basis_that_discloses_nothing_is_refused_at_its_line() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let bad = shipped.replacen(
        "basis: \"the bus-contract dispute the thread was about\"",
        "basis: \"nothing beyond the writer's own experience\"",
        1,
    );
    assert_ne!(bad, shipped);
    let err = refused("vance-basis.yaml", &bad);
    assert!(err.contains("`basis` says it discloses no facts") && err.contains("vance-basis.yaml:"), "{err}");
}

/// Where the standard's section comes first under ARGUMENT, its own lead-in follows the
/// argument's at once and names what it answers: the argument's roadmap does not name them too
/// (the Maryland audit's duplicated roadmaps, S25); after another section, it still does.
#[test]
fn the_argument_roadmap_leaves_the_standard_s_sections_to_its_lead_in_when_it_follows_at_once() {
    let shipped = own_text("dorsey-v-does.yaml");
    let first = shipped.replacen(
        "      - service-need\n      - clause: standard-fails\n        sections:\n          - notice-and-statements\n          - pleading-not-enough\n          - evidentiary-basis\n",
        "      - clause: standard-fails\n        sections:\n          - notice-and-statements\n          - pleading-not-enough\n          - evidentiary-basis\n      - service-need\n",
        1,
    );
    assert_ne!(first, shipped);
    let body = normalize(&body_text(&build_text("dorsey-first.yaml", &first)));
    assert!(body.contains("Part IV.A shows that Chief Dorsey cannot meet the Cahill standard. Part IV.B"), "{body}");
    assert_eq!(
        body.matches("in Part IV.A.2, the motion's reliance on a standard that asks only for allegations").count(),
        0,
        "{body}"
    );
    assert!(
        body.contains("Part IV.A.2 answers the motion's reliance on a standard that asks only for allegations"),
        "{body}"
    );
}

/// A record document whose title ends in its date takes its pin before the date written as the
/// brief's other record pins are, "Letter from A to B at 1–3 (Nov. 1, 2024)" beside "Mot. at 4",
/// not a bare "1–3" (four audits in a row, S22–S25: Bluepages B17, one form throughout).
#[test]
fn a_dated_record_document_takes_its_pin_in_the_brief_s_one_form() {
    let body = normalize(&body_text(&build_text("fe.yaml", &own_text("ferreira-v-nestwise.yaml"))));
    assert!(body.contains("Letter from R. Calderón to T. Whitlock at 1–3 (Nov. 1, 2024)"), "{body}");
    assert!(!body.contains("T. Whitlock 1–3"), "{body}");
}

/// A brief of the matter's own paragraphs (the Cook County user's): the paragraphs that answer the
/// motion's arguments read them, so `motion.arguments` is not reported as a fact no section reads.
#[test]
fn paragraphs_that_answer_the_motion_read_its_arguments() {
    let text = own_text("prairie-crest-v-does.yaml");
    let start = text.find("\nbrief:\n").expect("the outline") + 1;
    let end = text.find("\nauthorities:\n").expect("the matter's authorities") + 1;
    let ours = "brief:\n  - paragraph: our-answer\n    heading: Our Answer\n    text: \"Each argument fails, for the reasons the record gives. [see @halvorsen-decl ¶ 4].\"\n    answers: [presuit-rule, relevance, no-standing]\n";
    let only_paragraphs = format!("{}{ours}{}", &text[..start], &text[end..]);
    let built = build_text("pc-own.yaml", &only_paragraphs);
    let said: Vec<&str> = built.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(!said.iter().any(|w| w.contains("`motion.arguments`")), "{said:#?}");
    // A fact no section reads is still reported (the outline has no background to tell it).
    assert!(said.iter().any(|w| w.contains("is not read by any clause this outline selects")), "{said:#?}");
}

/// A claim whose name says the law it arises under (the Utah user's "misappropriation of trade
/// secrets under the Utah Uniform Trade Secrets Act") is introduced as "A claim for …", never
/// "Under Utah law, … under the Utah … Act".
#[test]
fn a_claim_named_with_its_law_is_not_introduced_by_the_law_again() {
    let text = own_text("ferreira-v-nestwise.yaml").replacen(
        "{type: defamation, law: california, argued: true}",
        "{type: defamation, law: california, argued: true, name: libel under the California Civil Code}",
        1,
    );
    assert!(text.contains("libel under the California Civil Code"), "the sample changed");
    let body = normalize(&body_text(&build_text("fe-named.yaml", &text)));
    assert!(body.contains("A claim for libel under the California Civil Code requires"), "{body}");
    assert!(!body.contains("Under California law, libel under"), "{body}");
}

/// A filed paper cited again as a whole is cited by its place in the court's file, "ECF No. 14-1",
/// from its `filed:` or the docket entry its full citation ends with, never by its bare
/// abbreviation ("filed this motion to compel. Mot.", the D. Utah audit).
#[test]
fn a_filed_paper_cited_again_whole_is_cited_by_its_docket_entry() {
    let para = "  - paragraph: whole\n    heading: The Motion\n    text: \"The motion is before the Court. [see @mot]. It says so twice. [see @mot at 2].\"\n  - conclusion\n";
    for (file, place) in [("brandywine-v-doe.yaml", "ECF No. 14-1"), ("brennock-v-does.yaml", "ECF No. 14")] {
        let text = own_text(file).replacen("  - conclusion\n", para, 1);
        let body = normalize(&body_text(&build_text(file, &text)));
        assert!(
            body.contains(&format!("The motion is before the Court. See {place}. It says so twice. See id. at 2.")),
            "{file}: {body}"
        );
    }
}

/// A decision the bank marks as the movant's authority on an argument the motion makes
/// (`adverse:`), left uncited, is named by `check` (the D. Utah audit: *Immunomedics* beside a
/// `speaker-agreement` argument); once the brief answers it, nothing is said.
#[test]
fn check_names_the_movants_authority_the_brief_leaves_out() {
    let item = |text: &str| {
        let built = build_text("bw.yaml", text);
        court_checks(&built).into_iter().find(|c| c.name == "the movant's authority")
    };
    let shipped = own_text("brandywine-v-doe.yaml");
    assert!(item(&shipped).is_none(), "the sample answers Immunomedics");
    let silent = shipped
        .replacen("        authorities: [immunomedics-v-doe]\n", "", 1)
        .replacen(
            "        reads: allowing an employer to learn the identity of an anonymous poster it said was an employee who had broken a confidentiality agreement\n",
            "",
            1,
        );
    assert_ne!(silent, shipped, "the sample changed");
    let found = item(&silent).expect("the uncited adverse decision");
    assert_eq!(found.status, Status::Warn);
    assert!(
        found.detail.contains("Immunomedics, Inc. v. Doe (`immunomedics-v-doe`), on `speaker-agreement`"),
        "{found:?}"
    );
    // A kind of argument there is not is an error at the entry.
    let dir = temp_dir("adverse-kind");
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    std::fs::write(
        dir.join("authorities/ours.yaml"),
        "smith-v-doe:\n  kind: case\n  name: Smith v. Doe\n  cite: \"1 F.4th 1\"\n  court: 9th Cir.\n  year: 2021\n  unverified: not read\n  adverse: [speaker-agrement]\n",
    )
    .unwrap();
    let project = pleader::library::project::Project::at(&dir).unwrap();
    let Err(err) = pleader::library::Library::load(project) else { panic!("an unknown kind loaded") };
    let said = pleader::diag::render(&err, pleader::diag::Format::Short);
    assert!(said.contains("authorities/ours.yaml:8:3: error: authority `smith-v-doe` is marked `adverse` on `speaker-agrement`, which is not a kind of argument"), "{said}");
}

/// A rule cited as its state's courts cite rules, with the date its current version took effect
/// (the Cook County audit: "Ill. S. Ct. R. 224 (eff. Jan. 1, 2018)"): in the full citation, after
/// any subdivision, and in the table of authorities; `effective` on anything but a rule is an
/// error at the entry.
#[test]
fn a_rule_may_carry_the_date_its_version_took_effect() {
    let text = own_text("prairie-crest-v-does.yaml").replacen(
        "    cite: \"Ill. S. Ct. R. 224\"\n",
        "    cite: \"Ill. S. Ct. R. 224\"\n    effective: Jan. 1, 2018\n",
        1,
    );
    assert!(text.contains("effective: Jan. 1, 2018"), "the sample changed");
    let built = build_text("pc-eff.yaml", &text);
    let body = normalize(&body_text(&built));
    assert!(body.contains("Ill. S. Ct. R. 224 (eff. Jan. 1, 2018)"), "{body}");
    let front: String = (0..body_pages(&built).start).map(|p| normalize(&page_string(&built, p))).collect();
    assert!(front.contains("Ill. S. Ct. R. 224 (eff. Jan. 1, 2018)"), "{front}");
    let wrong = text.replacen(
        "    kind: rule\n    cite: \"Ill. S. Ct. R. 224\"",
        "    kind: statute\n    cite: \"Ill. S. Ct. R. 224\"",
        1,
    );
    assert_ne!(wrong, text, "the sample changed");
    let err = refused("pc-eff.yaml", &wrong);
    assert!(err.contains("`effective` is the date a rule's current version took effect"), "{err}");
}

#[test]
fn an_authority_the_matter_sets_aside_leaves_every_survey_and_a_clause_naming_it_is_refused_at_the_matter() {
    // The Third Circuit sample surveys SaleHoo (W.D. Wash.) in the balance of harms; set aside,
    // it is gone from the brief, and the brief still builds.
    let text = own_text("brandywine-v-doe.yaml");
    assert!(body_text(&build_text("brandywine.yaml", &text)).contains("SaleHoo"));
    let aside = format!(
        "{text}\nset_aside:\n  salehoo-v-abc: \"a district court far from here; we cite fewer, nearer cases\"\n"
    );
    let built = build_text("brandywine.yaml", &aside);
    let body = body_text(&built);
    assert!(!body.contains("SaleHoo"), "{body}");
    assert!(!built.uses.iter().any(|u| u.id == "salehoo-v-abc"));
    // Another circuit's holding on the First Amendment overlay is not surveyed at all: the Tenth
    // Circuit's Grandbouche stays out of this Third Circuit brief.
    assert!(!body_text(&build_text("brandywine.yaml", &text)).contains("Grandbouche"));

    // The D. Colo. profile's circuit note cites it by name: the clause that prints the note
    // needs it, and the error is at the matter's line, naming that clause.
    let colo = own_text("marlowe-subpoena.yaml");
    let colo = format!("{colo}\nset_aside:\n  grandbouche-v-clancy: \"out of circuit\"\n");
    let line = colo.lines().position(|l| l.starts_with("  grandbouche-v-clancy")).unwrap() + 1;
    let err = refused("marlowe.yaml", &colo);
    assert!(err.contains(&format!("marlowe.yaml:{line}:")), "{err}");
    assert!(err.contains("`grandbouche-v-clancy` is set aside here, but the clause `"), "{err}");

    // An id the bank lacks, and a reason left empty, are errors at their lines.
    let err = refused("b.yaml", &format!("{text}\nset_aside:\n  grandbouch: \"typo\"\n  highfields: \"\"\n"));
    assert!(err.contains("`set_aside` names `grandbouch`, which is not in the authority bank"), "{err}");
    assert!(err.contains("grandbouche-v-clancy"), "the hint names the closest id: {err}");
    assert!(err.contains("`set_aside.highfields` gives no reason"), "{err}");
}

/// The California sample with a non-party outside the state that objected to the court's power
/// over it, a motion that says registration makes it reachable, and the profile's sentence of the
/// state's law on that question (as a matter's override, with the matter's own authority).
fn beyond_power_matter() -> String {
    own_text("ferreira-v-nestwise.yaml")
        .replace(
            "    objections: [no_unmasking_analysis, first_amendment]\n",
            "    objections: [subpoena_power, no_unmasking_analysis, first_amendment]\n    objection_cites: {subpoena_power: {doc: letter, at: \"at 1\"}}\n",
        )
        .replace(
            "    cite: {doc: subpoena, at: \"Attach. 3\"}\n",
            "    cite: {doc: subpoena, at: \"Attach. 3\"}\n    nonresident: a Delaware corporation whose only office is in Portland, Oregon\n    nonresident_cite: {doc: lindqvist-decl, at: \"¶ 2\"}\n    records_at: on servers in Oregon\n    records_at_cite: {doc: lindqvist-decl, at: \"¶ 3\"}\n    served_on: its registered agent in Sacramento\n    served_on_cite: {doc: subpoena, at: \"Attach. 4\"}\n",
        )
        .replace(
            "    arguments:\n",
            "    arguments:\n      - kind: subpoena-power\n        says: registering to do business in California put Nestwise within the Court’s subpoena power\n        cite: {doc: mot, at: \"at 3–4\"}\n",
        )
        .replace("    sections:\n      - motion-untimely\n", "    sections:\n      - beyond-subpoena-power\n      - motion-untimely\n")
        .replace(
            "\nbrief:\n",
            "\noverrides:\n  jurisdiction:\n    subpoena_reach:\n      text: Registering to do business in the state does not subject a foreign non-party to a state court’s subpoena\n      authority: reach-case\n      pin: \"12\"\nauthorities:\n  reach-case: {kind: case, name: \"Reach v. Test Co.\", short: Reach, cite: \"1 Cal. 5th 1\", year: 2020, unverified: \"a test's entry\"}\n\nbrief:\n",
        )
}

#[test]
fn a_state_court_non_party_outside_the_state_argues_the_court_cannot_reach_it_from_the_profile_and_the_record() {
    let text = beyond_power_matter();
    assert!(text.contains("beyond-subpoena-power") && text.contains("subpoena_reach"), "the sample changed");
    let built = build_text("ferreira.yaml", &text);
    let body = normalize(&body_text(&built));
    for said in [
        // The objection in the background, with its cite.
        "Nestwise objected that the subpoena, served on a non-",
        "party outside California, is beyond this Court's power to enforce. Id. at 1.",
        // The introduction leads with the ground, and does not count it among the motion's
        // substitutes for the First Amendment's showing.
        "They contend first that this Court's subpoena reaches Nestwise, although it is a non-party outside California. See Plaintiffs'",
        "For the rest, they rely on a standard that asks only for allegations. See id. at 5–7. That does not relieve the Ferreiras of the showing the First Amendment requires.",
        "The motion fails at the outset, because the subpoena does not reach Nestwise at all: it is a non-",
        "Nor do the Ferreiras make the showing the First Amendment requires.",
        // The movant's argument in the lawyer's words, then the profile's law, then the record.
        "registering to do business in California put Nestwise within the Court's subpoena power.",
        "Registering to do business in the state does not subject a foreign non-party to a state court's subpoena. See Reach v. Test Co., 1 Cal. 5th 1, 12 (2020).",
        "Nestwise is a Delaware corporation whose only office is in Portland, Oregon.",
        "The records the subpoena demands are kept on servers in Oregon.",
        "served the subpoena on its registered agent in Sacramento.",
        "Nestwise is not a party to this action, and it objected to the subpoena on this ground, Objection Letter at 1.",
        // The conclusion asks for denial on this ground first, and reserves it in the relief asked
        // in the alternative.
        "deny the Ferreiras' motion to compel, first because the subpoena is beyond the Court's power to enforce against it, as Part IV.A shows.",
    ] {
        assert!(body.contains(said), "missing {said:?} in\n{body}");
    }
    // Without the profile's sentence, the clause does not apply and says why.
    let bare = text.replace("    subpoena_reach:\n", "    subpoena_reach_:\n");
    let err = refused("ferreira.yaml", &bare.replace("    subpoena_reach_:\n      text: Registering to do business in the state does not subject a foreign non-party to a state court’s subpoena\n      authority: reach-case\n      pin: \"12\"\n", "    searched: none\n"));
    assert!(err.contains("clause `beyond-subpoena-power` does not apply"), "{err}");
    assert!(err.contains("`jurisdiction.subpoena_reach"), "{err}");
    // A record fact without its cite is refused, naming the cite it needs.
    let err = refused("ferreira.yaml", &text.replace("    records_at_cite: {doc: lindqvist-decl, at: \"¶ 3\"}\n", ""));
    assert!(err.contains("`subpoena.records_at_cite`"), "{err}");
}

#[test]
fn check_warns_when_harm_is_argued_under_a_law_silent_on_statements_actionable_per_se() {
    // A project's defamation law that lists damages and says nothing of the per se rule, which the
    // library's other defamation laws know.
    let dir = temp_dir("per-se");
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::create_dir_all(dir.join("matters")).unwrap();
    std::fs::write(
        dir.join("claims/defamation-oz.yaml"),
        "extends: defamation\nlaws:\n  oz:\n    jurisdiction: Oz\n    authority: milkovich\n    pin: \"20\"\n    elements:\n      - {text: publication of the statement to a third person, proof: [publication], shown_by: evidence}\n      - {text: the falsity of the statement, proof: [falsity], shown_by: evidence}\n      - {text: damages caused by the statement, proof: [harm], shown_by: evidence}\n    fact_opinion: {authority: milkovich, pin: \"20\", constitutional: true, parenthetical: \"holding that a statement must be provable as false\"}\n",
    )
    .unwrap();
    let text = own_text("brandywine-v-doe.yaml");
    assert!(text.contains("missing: [contract, falsity, fault, harm, causation]"), "the sample changed");
    let oz = text
        .replace("{type: defamation, law: pennsylvania, argued: true}", "{type: defamation, law: oz, argued: true}");
    std::fs::write(dir.join("matters/b.yaml"), &oz).unwrap();
    let (_, out, err) = pleader(&["check", "matters/b.yaml"], &dir);
    assert!(out.contains("warn  harm and statements actionable per se: the brief argues that nothing shows harm for defamation under Oz law"), "{out}{err}");
    // Marked as excused for a per se statement, the element clears it.
    std::fs::write(
        dir.join("claims/defamation-oz.yaml"),
        std::fs::read_to_string(dir.join("claims/defamation-oz.yaml"))
            .unwrap()
            .replace("proof: [harm], shown_by: evidence}", "proof: [harm], shown_by: evidence, excused_per_se: true}"),
    )
    .unwrap();
    let (_, out, err) = pleader(&["check", "matters/b.yaml"], &dir);
    assert!(!out.contains("actionable per se"), "{out}{err}");
    // Pennsylvania's harm element carries its courts' note (Agriss): the sample draws no warning.
    let built = build_text("brandywine.yaml", &text);
    assert!(!court_checks(&built).iter().any(|c| c.name == "harm and statements actionable per se"));
}

#[test]
fn check_warns_of_an_appellate_decision_cited_as_a_slip_opinion_years_later() {
    let text = own_text("brandywine-v-doe.yaml");
    let with = |court: &str| {
        text.replace(
            "      - agreement-not-shown\n",
            "      - paragraph: old-slip-point\n        heading: A Point of Our Own\n        text: \"A court of appeals decided the point long ago. [see @old-slip]\"\n      - agreement-not-shown\n",
        ) + &format!(
            "\nauthorities:\n  old-slip: {{kind: case, name: \"Old v. Slip\", cite: slip op., docket: \"No. 140242\", court: \"{court}\", date: 2015-04-16}}\n"
        )
    };
    let item = |court: &str| {
        let built = build_text("b.yaml", &with(court));
        court_checks(&built).into_iter().find(|c| c.name == "slip opinions")
    };
    // A state's highest court, years before the brief: the reporter is wanted.
    let warned = item("Va.").expect("a warning");
    assert!(warned.detail.contains("Old v. Slip (`old-slip`, Va., Apr. 16, 2015)"), "{}", warned.detail);
    assert!(item("3d Cir.").is_some());
    // A trial court's slip opinion is how its unreported decisions are cited.
    assert!(item("D. Colo.").is_none());
    assert!(item("Va. Cir. Ct.").is_none());
}

#[test]
fn evidence_offered_only_for_who_the_speaker_is_is_answered_where_the_belief_is_not_among_the_elements() {
    // The E.D. Mo. user's LinkedIn printout: offered to show who wrote the posts, an element of no
    // claim. It was argued as intent, before the elements.
    let text = own_text("halloway-subpoena.yaml");
    let item = "      - what: a printout of a social-media profile of the buyer\n        noun: printout\n        cite: {doc: brandt-decl, at: \"Ex. C\"}\n        offered_for: [identity]\n        says: shows that the buyer lives in Maple Ridge\n        falls_short: so do hundreds of other homeowners, and nothing in it ties the buyer to the website\n";
    let with = text.replacen(
        "    missing: [falsity, fault, harm, causation]\n",
        &format!("{item}    missing: [falsity, fault, harm, causation]\n"),
        1,
    );
    assert_ne!(with, text, "the sample changed");
    let built = build_text("halloway.yaml", &with);
    let body = normalize(&body_text(&built));
    let said = "also offers a printout of a social-media profile of the buyer, which shows that the buyer lives in Maple Ridge, id. Ex. C. But so do hundreds of other homeowners, and nothing in it ties the buyer to the website.";
    assert!(body.contains(said), "{body}");
    assert_eq!(body.matches("printout").count(), 1, "said once, in the answer to the belief: {body}");
    let item = court_checks(&built).into_iter().find(|c| c.name == "offered evidence engaged").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Pass, "{item:?}");
}

#[test]
fn a_lone_objection_begins_its_sentence_with_the_clients_name_capitalised() {
    // The Florida user's "(“Objections”). the Ledger objected": a client whose short name begins
    // with "the", and one objection, which starts a sentence of its own.
    let text = own_text("brennock-v-does.yaml");
    let one = text
        .replace("    objections: [no_unmasking_analysis, first_amendment]\n", "    objections: [first_amendment]\n");
    assert_ne!(one, text, "the sample changed");
    let body = normalize(&body_text(&build_text("brennock.yaml", &one)));
    assert!(body.contains("The Association objected that disclosure would infringe"), "{body}");
    assert!(!body.contains(". the Association objected"), "{body}");
    // Among several, after "First," it stays in the middle of the sentence.
    let body = normalize(&body_text(&build_text("brennock.yaml", &text)));
    assert!(body.contains("First, the Association objected"), "{body}");
}

#[test]
fn a_state_statute_prints_its_codes_year_where_the_entry_gives_one() {
    // Bluebook 12.3.2: a state code's year ("Fla. Stat. § 90.5015(2) (2025)"); the Florida user's
    // `year:` was taken and never printed.
    let text = own_text("ferreira-v-nestwise.yaml");
    let body = normalize(&body_text(&build_text("ferreira.yaml", &text)));
    assert!(body.contains("Cal. Civ. Proc. Code § 2025.480(b)."), "{body}");
    let with_year = format!(
        "{text}\nauthorities:\n  ccp-2025-480: {{kind: statute, cite: \"Cal. Civ. Proc. Code § 2025.480\", short: \"§ 2025.480\", year: 2024, unverified: \"a test's entry\"}}\n"
    );
    let body = normalize(&body_text(&build_text("ferreira.yaml", &with_year)));
    assert!(body.contains("Cal. Civ. Proc. Code § 2025.480(b) (2024)."), "{body}");
}

#[test]
fn a_quoted_excerpt_of_a_longer_post_is_not_said_to_be_the_whole_post() {
    // The second Virginia audit: "Doe 4's review reads: “Total amateurs. Avoid.”" where the review
    // also described the work and posted photographs. `excerpt: true` says the words are a part.
    let body = normalize(&body_text(&build_text("potomac.yaml", &own_text("potomac-v-does.yaml"))));
    assert!(body.contains("(2) Doe 2's review says, in part: \"Worst contractor in Northern Virginia.\""), "{body}");
    assert!(body.contains("(1) Doe 1's review reads: \"They took a $9,000 deposit and never came back.\""), "{body}");
}

/// A certificate's `{served}` (and `{client}`) followed by the profile's period: a name that ends
/// with its own period ("Inc.") ends the sentence with it, not "Inc.." (the D.D.C. user).
#[test]
fn a_served_name_ending_in_a_period_ends_the_certificate_once() {
    let text = own_text("brightarc-v-doe.yaml").replacen(
        "Whitlock Faye LLP, counsel for Plaintiff, through the Court’s CM/ECF system\"",
        "Whitlock Faye LLP, counsel for Plaintiff BrightArc Solar, Inc.\"",
        1,
    );
    assert!(text != own_text("brightarc-v-doe.yaml"), "the sample's served line changed");
    let built = build_text("served-inc.yaml", &text);
    let all = normalize(&(0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n"));
    let service = &all[all.find("CERTIFICATE OF SERVICE").expect("certificate of service")..];
    assert!(service.contains("counsel for Plaintiff BrightArc Solar, Inc."), "{service}");
    assert!(!service.contains("Inc.."), "{service}");
}

/// The relevance answer says the subpoena reaches past naming and serving a defendant only where
/// the matter says what it reaches (`subpoena.beyond`): a subpoena for names and addresses asks
/// for just what serving needs (the Fulton County user: the sentence printed from `seeks` alone).
#[test]
fn the_relevance_answer_calls_the_request_overbroad_only_from_the_matters_beyond() {
    let text = own_text("brandywine-v-doe.yaml").replacen(
        "    objections: [no_unmasking_analysis, first_amendment]",
        "    objections: [no_unmasking_analysis, first_amendment, overbreadth]",
        1,
    );
    assert!(text != own_text("brandywine-v-doe.yaml"), "the sample's objections changed");
    let body = normalize(&body_text(&build_text("overbroad-seeks.yaml", &text)));
    assert!(!body.contains("Nor is the request proportional to any need"), "{body}");
    let seeks = text.lines().find(|l| l.starts_with("    seeks: ")).expect("subpoena.seeks").to_string();
    let with_beyond = text.replacen(&seeks, &format!("{seeks}\n    beyond: the account's payment records"), 1);
    let body = normalize(&body_text(&build_text("overbroad-beyond.yaml", &with_beyond)));
    assert!(
        body.contains(
            "and so reaches the account's payment records, more than naming and serving a defendant would need."
        ),
        "{body}"
    );
}

/// An argument's `says` reads citations as a paragraph does (the Fulton County user: a statute
/// cited there printed "[@ocga-9-11-26(b)(1)]"), and `check` fails a citation the brief prints as
/// written.
#[test]
fn an_arguments_words_cite_and_check_fails_a_citation_printed_as_written() {
    let sample = own_text("brandywine-v-doe.yaml");
    let text = sample.replacen(
        "        says: the author’s identity is relevant to both of its claims and proportional to the needs of the case under Rule 26(b)(1)\n",
        "        says: \"the author’s identity is relevant to both of its claims and proportional to the needs of the case, [see @frcp-26(b)(1)]\"\n",
        1,
    );
    assert!(text != sample, "the sample's relevance argument changed");
    let built = build_text("says-cites.yaml", &text);
    let body = normalize(&body_text(&built));
    assert!(body.contains("proportional to the needs of the case, see Fed. R. Civ. P. 26(b)(1)"), "{body}");
    assert!(!body.contains("[@"), "{body}");
    assert!(pleader::rules::court_checks(&built).iter().all(|i| i.name != "citations printed as written"));
    // A field that prints its words as written: the citation shows, and `check` fails it.
    let literal = sample.replacen("    seeks: the name,", "    seeks: \"[@frcp-26(b)(1)] the name,", 1).replacen(
        "records of the author of the two reviews\n",
        "records of the author of the two reviews\"\n",
        1,
    );
    assert!(literal != sample, "the sample's subpoena changed");
    let built = build_text("seeks-cites.yaml", &literal);
    let item = court_checks(&built).into_iter().find(|i| i.name == "citations printed as written").expect("the check");
    assert_eq!(item.status, Status::Fail, "{}", item.detail);
    assert!(item.detail.contains("“[@frcp-26(b)(1)]”"), "{}", item.detail);
}

/// Three arguments a motion may make that no sample made (the D.D.C. and Fulton County users):
/// no state action, a statute that lets the non-party disclose under a court order (the Cable
/// Act), and the third-party doctrine. Each is answered by its own section, with what the bank
/// has read; in a state court, no Federal Rule.
#[test]
fn state_action_order_statute_and_third_party_doctrine_are_answered() {
    let add = |name: &str, after_arguments: &str, after_outline: &str| {
        let sample = own_text(name);
        let args = "      - kind: no-state-action\n        says: the First Amendment does not apply, because its subpoena involves no state action\n        cite: {doc: mot, at: \"at 2\"}\n      - kind: order-statute\n        rule: cable-act\n        provision: (c)(2)(B)\n        permits: made pursuant to a court order authorizing such disclosure, if the subscriber is notified of such order by the person to whom the order is directed\n        says: the Cable Act lets the provider disclose under a court order, so the Court need only sign one\n        cite: {doc: mot, at: \"at 3\"}\n      - kind: third-party-doctrine\n        says: the speaker has no expectation of privacy in what the provider holds\n        cite: {doc: mot, at: \"at 4\"}\n";
        let text = sample
            .replacen(after_arguments, &format!("{after_arguments}{args}"), 1)
            .replacen(after_outline, &format!("{after_outline}      - state-action\n      - statute-permits-disclosure\n      - third-party-doctrine\n"), 1);
        assert!(
            text.matches("no-state-action").count() == 1 && text.contains("      - state-action\n"),
            "{name} changed"
        );
        normalize(&body_text(&build_text(name, &text)))
    };
    let federal = add("brandywine-v-doe.yaml", "    arguments:\n", "    sections:\n");
    for expected in [
        "A. An Order Compelling Disclosure Would Be This Court's Own Act, and the First Amendment Limits It",
        "Brandywine argues that the First Amendment does not apply, because its subpoena involves no state action. Mot. at 2. The argument mistakes whose act is in question.",
        "production may then be required \"only as directed in the order.\" Fed. R. Civ. P. 45(d)(2)(B)(ii).",
        "The action of a court in its official capacity is the action of the State. See Shelley v. Kraemer, 334 U.S. 1, 14 (1948).",
        "See NAACP v. Alabama ex rel. Patterson, 357 U.S. 449, 463 (1958).",
        "It permits a disclosure \"made pursuant to a court order authorizing such disclosure, if the subscriber is notified of such order by the person to whom the order is directed.\" § 551(c)(2)(B). Those words, if the statute reaches Worklens at all, tell it what it may do once a court has authorized a disclosure.",
        "They do not say when a court should authorize one, what a party must show to obtain the order, or that the order must issue because a party asks for it.",
        "See Fitch v. Doe, 869 A.2d 722, 723 (Me. 2005) (holding that the Cable Act authorized",
        "It holds that \"a person has no legitimate expectation of privacy in information he voluntarily turns over to third parties,\" Smith v. Maryland, 442 U.S. 735, 743–44 (1979),",
        "See id. at 736.",
        "an author \"generally is free to decide whether or not to disclose his or her true identity.\"",
    ] {
        assert!(federal.contains(expected), "missing: {expected}\n{federal}");
    }
    let state = add("potomac-v-does.yaml", "    arguments:\n", "    sections:\n");
    assert!(
        state.contains(
            "The argument mistakes whose act is in question. What Potomac asks for is an order of this Court"
        ),
        "{state}"
    );
    assert!(!state.contains("Fed. R. Civ. P.") && !state.contains("federal government"), "{state}");
}

/// Statements that are parts of one post share a `post` label: the background counts posts and
/// says each later part is in "the same post" (the Florida and Georgia users: "Doe 1 also wrote"
/// read as a second post); in the numbered list too; a label that comes back is refused at it.
#[test]
fn parts_of_one_post_are_counted_and_told_as_one_post() {
    let sample = own_text("marsh-v-does.yaml");
    let body = normalize(&body_text(&build_text("marsh-v-does.yaml", &sample)));
    assert!(
        body.contains("The complaint rests on four statements in two posts. Doe 1's post says, in part: \"Dr. Marsh left my son's braces on two years too long to keep billing us.\" Id. ¶ 14. The same post also says: \"Run, don't walk, from this practice.\" Id. ¶ 15. Doe 2's post says, in part:"),
        "{body}"
    );
    assert!(!body.contains("also wrote"), "{body}");
    // Six statements: the numbered list.
    let extra = "    - {text: \"Nobody there answers the phone.\", post: d3, speaker: Doe 2, cite: {doc: compl, at: \"¶ 18\"}, wording: a complaint, basis: the writer's calls}\n    - {text: \"Avoid.\", post: d3, speaker: Doe 2, cite: {doc: compl, at: \"¶ 19\"}, wording: advice, basis: the writer's calls}\n  underlying:\n";
    let long = sample.replacen("  underlying:\n", extra, 1);
    let body = normalize(&body_text(&build_text("marsh-long.yaml", &long)));
    assert!(
        body.contains(
            "The complaint rests on the following six statements, in three posts: (1) Doe 1's post says, in part:"
        ),
        "{body}"
    );
    assert!(body.contains("(2) The same post also says: \"Run, don't walk, from this practice.\" Id. ¶ 15."), "{body}");
    assert!(body.contains("(6) The same post also says: \"Avoid.\""), "{body}");
    // A label that comes back after another post's statement.
    let scattered = sample.replacen(
        "\"She isn’t even board certified.\", post: d2",
        "\"She isn’t even board certified.\", post: d1",
        1,
    );
    assert!(scattered != sample, "the sample's statements changed");
    let scattered = scattered.replacen(
        "\"The front desk treats parents like ATMs.\", post: d2",
        "\"The front desk treats parents like ATMs.\", post: d2x",
        1,
    );
    let swapped = {
        // d1, d1, d1, d2x: adjacent, fine. Put d2x between the d1 parts instead.
        let lines: Vec<&str> = scattered.lines().collect();
        let i = lines.iter().position(|l| l.contains("post: d2x")).unwrap();
        let j = lines.iter().position(|l| l.contains("Run, don’t walk")).unwrap();
        let mut v: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let moved = v.remove(i);
        v.insert(j, moved);
        v.join("\n") + "\n"
    };
    let refusal = refused("marsh-scattered.yaml", &swapped);
    assert!(refusal.contains("the statements of one post (`post: d1`) must be listed one after another"), "{refusal}");
}

/// Where the circuit's note ties the choice of test to the kind of speech (the Ninth Circuit), the
/// brief says what kind this is from `speech_nature`, with its cite; without it `check` warns
/// (the W.D. Wash. audit: the framework invoked and never applied).
#[test]
fn the_kind_of_speech_is_said_where_the_circuit_asks_it() {
    let built = build_text("marsh-v-does.yaml", &own_text("marsh-v-does.yaml"));
    let body = normalize(&body_text(&built));
    assert!(body.contains("See generally In re Anonymous Online Speakers, 661 F.3d 1168. The speech here is neighbors' accounts of a health-care practice for parents choosing one; they propose no commercial transaction. See Compl. ¶¶ 9–17."), "{body}");
    let item = court_checks(&built).into_iter().find(|i| i.name == "the kind of speech").expect("the check");
    assert_eq!(item.status, Status::Pass, "{}", item.detail);
    let built = build_text("harborlight-subpoena.yaml", &own_text("harborlight-subpoena.yaml"));
    let item = court_checks(&built).into_iter().find(|i| i.name == "the kind of speech").expect("the check");
    assert_eq!(item.status, Status::Warn, "{}", item.detail);
    assert!(item.detail.contains("`speech_nature`"), "{}", item.detail);
    // A court whose circuit says nothing of the kind of speech is not asked.
    let built = build_text("brandywine-v-doe.yaml", &own_text("brandywine-v-doe.yaml"));
    assert!(court_checks(&built).iter().all(|i| i.name != "the kind of speech"));
}

/// `check` warns where the title names the motion otherwise than the record does, and where a
/// declaration is cited with no place in the court's file (the W.D. Wash. and Fulton County
/// audits); the W.D. Wash. caption says "AT SEATTLE" and names the judge.
#[test]
fn the_title_tracks_the_motion_and_declarations_are_placed_in_the_file() {
    let sample = own_text("marsh-v-does.yaml");
    let built = build_text("marsh-v-does.yaml", &sample);
    let items = court_checks(&built);
    let title = items.iter().find(|i| i.name == "the motion's name in the title").expect("the title check");
    assert_eq!(title.status, Status::Pass, "{}", title.detail);
    assert!(items.iter().all(|i| i.name != "declarations placed in the file"));
    let cover = normalize(&page_string(&built, 0));
    assert!(cover.contains("WESTERN DISTRICT OF WASHINGTON\nAT SEATTLE") || cover.contains("AT SEATTLE"), "{cover}");
    assert!(cover.contains("Hon. Imogen R. Castellanos"), "{cover}");
    let loose = sample
        .replacen(
            "MOTION TO COMPEL NON-PARTY CASCADE LINK FIBER, LLC TO COMPLY WITH SUBPOENA",
            "MOTION TO COMPEL COMPLIANCE WITH SUBPOENA",
            1,
        )
        .replacen(", short: Whitcomb Decl., filed: filed herewith}", ", short: Whitcomb Decl.}", 1);
    assert!(loose != sample, "the sample changed");
    let items = court_checks(&build_text("marsh-loose.yaml", &loose));
    let title = items.iter().find(|i| i.name == "the motion's name in the title").expect("the title check");
    assert_eq!(title.status, Status::Warn, "{}", title.detail);
    assert!(
        title.detail.contains("Plaintiffs’ Motion to Compel Non-Party Cascade Link Fiber, LLC to Comply with Subpoena"),
        "{}",
        title.detail
    );
    let placed = items.iter().find(|i| i.name == "declarations placed in the file").expect("the declarations check");
    assert_eq!(placed.status, Status::Warn);
    assert!(placed.detail.contains("`whitcomb-decl` (Declaration of Angela R. Whitcomb)"), "{}", placed.detail);
}

/// A state code cited without the year of its edition is a `check` warning naming it (Bluebook
/// 12.3.2; the Fulton County user); the United States Code is not asked.
#[test]
fn a_state_code_without_its_year_is_named() {
    let built = build_text("potomac-v-does.yaml", &own_text("potomac-v-does.yaml"));
    let item = court_checks(&built).into_iter().find(|i| i.name == "state codes' years").expect("the check");
    assert_eq!(item.status, Status::Warn);
    assert!(item.detail.contains("Va. Code Ann. § 8.01-407.1 (`va-code-8-01-407-1`)"), "{}", item.detail);
    let built = build_text("marsh-v-does.yaml", &own_text("marsh-v-does.yaml"));
    assert!(court_checks(&built).iter().all(|i| i.name != "state codes' years"), "47 U.S.C. § 551 is not asked");
}

/// Evidence the lawyer concedes (`concede` on an item) is said not to be disputed, with what it
/// does not reach; the step then fails for every speaker only where something else that does not
/// turn on identity is missing (the W.D. Wash. and Fulton County audits: "the motion therefore
/// fails at this step" after a declaration that answers Doe 1's statement). Where only fault is
/// left, it fails as to the other speakers, and the rest of the brief says so too; with nothing
/// left, the opposition rests those speakers on the balance.
#[test]
fn conceded_evidence_leaves_the_step_open_only_where_the_matter_says_so() {
    let sample = own_text("marsh-v-does.yaml");
    let body = normalize(&body_text(&build_text("marsh-v-does.yaml", &sample)));
    assert!(body.contains("Cascade Link does not dispute, for present purposes, that the declaration is evidence that the statement is false, though it says nothing about how the practice billed for the treatment, which the post gives as the reason."), "{body}");
    // Harm is missing for every statement: the step fails for all, and falsity is not said to
    // fall short as a whole.
    assert!(body.contains("The Plaintiffs' claim therefore lacks evidence of at least one essential fact: nothing they offer goes to harm, and the motion fails at this step."), "{body}");
    assert!(!body.contains("on falsity falls short"), "{body}");
    assert!(body.contains("The answer to both questions here is no."), "{body}");

    // Only fault (which turns on identity) is left: the step fails as to Doe 2 alone.
    let fault_only = sample.replacen("missing: [falsity, fault, harm]", "missing: [falsity, fault]", 1);
    assert!(fault_only != sample, "the sample's `missing` changed");
    let body = normalize(&body_text(&build_text("marsh-fault.yaml", &fault_only)));
    assert!(body.contains("The motion therefore fails at this step as to Doe 2. As to Doe 1, what is missing is evidence of the fault the law requires, which the Highfields test asks for but which may be hard to show before the speakers are known. Should the Court excuse that showing for now, the balance of harms still weighs against disclosure as to Doe 1, as Part IV.E.2 shows."), "{body}");
    assert!(!body.contains("The motion therefore fails at this step."), "{body}");
    assert!(
        body.contains("The Plaintiffs' evidence does not establish the facts essential to their claim as to Doe 2."),
        "{body}"
    );
    assert!(
        body.contains(
            "The answer to the first is no as to Doe 2, and the answer to the second is no as to every speaker."
        ),
        "{body}"
    );
    assert!(body.contains("falls short of it as to Doe 2"), "{body}");
    assert!(body.contains("that Doe 2 did anything actionable"), "{body}");
    assert!(
        body.contains("Even as to Doe 1, excusing the showing of the fault the law requires would not make the claim stronger; it would let the claim go forward on less, and the claim's strength is what the speaker's interest is weighed against."),
        "{body}"
    );
    assert!(!body.contains("any speaker did anything actionable"), "{body}");

    // Nothing left but falsity: Doe 1 is left to the balance.
    let none = sample.replacen("missing: [falsity, fault, harm]", "missing: [falsity]", 1);
    let body = normalize(&body_text(&build_text("marsh-none.yaml", &none)));
    assert!(body.contains("The motion therefore fails at this step as to Doe 2. As to Doe 1, Cascade Link does not rest on this step: the balance of harms weighs against disclosure as to Doe 1, as Part IV.E.2 shows."), "{body}");
    assert!(body.contains("Even as to Doe 1, for whom the Plaintiffs may have made the earlier showings, the balance asks whether disclosure is needed, and on what terms: the harm described above falls on that speaker as fully as on any other, and what the Plaintiffs need to name and serve a defendant can be had on narrower terms, as Cascade Link proposes below."), "{body}");
    assert!(body.contains("The balance of harms weighs against unmasking the speakers."), "{body}");
}

/// A conceded item has no `falls_short`, concedes nothing `evidence.missing` lists but falsity, names its statements, and
/// (with several accounts) every statement names its speaker; an item neither conceded nor said
/// to fall short is refused; each at the matter's line.
#[test]
fn conceded_evidence_is_refused_where_the_matter_cannot_say_it() {
    let sample = own_text("marsh-v-does.yaml");
    let conceded = "        concede: true\n";
    assert!(sample.contains(conceded));
    let both = sample.replacen(conceded, "        concede: true\n        falls_short: it is thin\n", 1);
    let refusal = refused("marsh-both.yaml", &both);
    assert!(refusal.contains("this item is conceded (`concede: true`) and also says why it falls short"), "{refusal}");
    assert!(refusal.contains("marsh-both.yaml:"), "{refusal}");
    let neither = sample.replacen(conceded, "", 1);
    let refusal = refused("marsh-neither.yaml", &neither);
    assert!(refusal.contains("this item does not say why it falls short (`falls_short`)"), "{refusal}");
    assert!(refusal.contains("`limit` says what a conceded item does not reach"), "{refusal}");
    let harm = sample.replacen("offered_for: [falsity]", "offered_for: [falsity, harm]", 1);
    assert!(harm != sample);
    let refusal = refused("marsh-harm.yaml", &harm);
    assert!(
        refusal.contains("this item is conceded as evidence of harm, and `evidence.missing` lists harm"),
        "{refusal}"
    );
    // Not missing, harm may be conceded with falsity: the item says so.
    let shown = harm.replacen("missing: [falsity, fault, harm]", "missing: [falsity, fault]", 1);
    let body = normalize(&body_text(&build_text("marsh-shown.yaml", &shown)));
    assert!(body.contains("Cascade Link does not dispute, for present purposes, that the declaration is evidence that the statement is false, and of harm, though it says nothing"), "{body}");
    let unnamed =
        sample.replacen(", speaker: Doe 2, cite: {doc: compl, at: \"¶ 16\"}", ", cite: {doc: compl, at: \"¶ 16\"}", 1);
    assert!(unnamed != sample);
    let refusal = refused("marsh-unnamed.yaml", &unnamed);
    assert!(refusal.contains("statement 3 names no `speaker`"), "{refusal}");
}

/// `check` asks whether each piece of the movant's evidence is mentioned whichever clauses the
/// outline selects (the Oakland County user argued the evidence in paragraphs of its own, and the
/// check never ran).
#[test]
fn offered_evidence_is_checked_whatever_the_outline() {
    let sample = own_text("marsh-v-does.yaml");
    let short = sample
        .replacen("          - evidentiary-basis\n", "", 1)
        .replacen("offered: the complaint and Dr. Marsh’s declaration", "offered: the complaint and an exhibit", 1)
        .replacen("        noun: declaration\n", "", 1);
    assert!(
        !short.contains("- evidentiary-basis") && !short.contains("noun: declaration") && short.contains("an exhibit"),
        "the sample changed"
    );
    let built = build_text("marsh-short.yaml", &short);
    let item = court_checks(&built).into_iter().find(|i| i.name == "offered evidence engaged").expect("the check");
    assert_eq!(item.status, Status::Fail, "{}", item.detail);
    assert!(item.detail.contains("“Dr. Marsh’s declaration”"), "{}", item.detail);
}

/// A project's claim file replaces one law of a library claim type where `replaces:` names it, and
/// keeps the rest of the library's file (the E.D. Mo. user could swap Illinois's element authority
/// only by ejecting the whole file); without `replaces:` a law the library has is an error naming
/// the key to add, and `replaces:` naming a law the library lacks is an error at it.
#[test]
fn a_project_claim_file_replaces_one_law_where_it_says_so() {
    let law = "  texas:\n    jurisdiction: Texas\n    authority: tx-case\n    pin: \"12\"\n    elements:\n      - {text: a defamatory statement of fact about the plaintiff, proof: [fact], shown_by: statement}\n      - {text: publication of the statement to a third party, proof: [publication], shown_by: evidence}\n    fact_opinion: {authority: tx-case, pin: \"14\", parenthetical: \"holding that a review's insults were opinion\"}\n";
    let bank = "tx-case:\n  kind: case\n  name: \"Texas Plaintiff v. Texas Defendant\"\n  short: Texas Plaintiff\n  cite: \"500 S.W.3d 1\"\n  court: Tex.\n  year: 2016\n";
    let project = |dir: &str, claim: String| {
        let dir = temp_dir(dir);
        for d in ["claims", "authorities", "matters"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        std::fs::write(dir.join("claims/defamation-texas.yaml"), claim).unwrap();
        std::fs::write(dir.join("authorities/texas.yaml"), bank).unwrap();
        let text = own_text("okonkwo-v-orbitline.yaml");
        let project = pleader::library::project::Project::at(&dir).unwrap();
        pleader::pipeline::load(pleader::diag::SourceText::new("m.yaml", text), project)
    };
    let loaded = project("claims-replace", format!("extends: defamation\nreplaces: [texas]\nlaws:\n{law}"))
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let t = loaded.library.claims.get("defamation").unwrap();
    assert_eq!(t.laws["texas"].authority, "tx-case");
    assert!(t.laws.contains_key("new-york"), "the rest of the library's file stays");
    let built = pleader::pipeline::Session::new()
        .build_loaded(loaded, std::time::Instant::now(), pleader::pipeline::BuildOptions::default())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    let body = normalize(&body_text(&built));
    assert!(body.contains("Under Texas law, defamation requires a defamatory statement of fact about the plaintiff and publication of the statement to a third party. See Texas Plaintiff v. Texas Defendant, 500 S.W.3d 1, 12 (Tex. 2016)."), "{body}");
    let err = match project("claims-replace-unsaid", format!("extends: defamation\nlaws:\n{law}")) {
        Err(d) => pleader::diag::render(&d, pleader::diag::Format::Short),
        Ok(_) => panic!("a law the library has was replaced without `replaces:`"),
    };
    assert!(err.contains("already has `texas`") && err.contains("add `replaces: [texas]`"), "{err}");
    assert!(err.contains("claims/defamation-texas.yaml:3:"), "{err}");
    let err = match project("claims-replace-absent", format!("extends: defamation\nreplaces: [oz]\nlaws:\n{law}")) {
        Err(d) => pleader::diag::render(&d, pleader::diag::Format::Short),
        Ok(_) => panic!("`replaces` named a law the library lacks"),
    };
    assert!(err.contains("`replaces` names `oz`, which `claims/defamation.yaml` does not have"), "{err}");
}

/// Where the court has no settled test, `check` warns that the argued claims' own State binds its
/// courts to another test than the one argued (the E.D. Mo. audit: Arizona claims, Mobilisa never
/// mentioned); not where the State's test is the one argued, or the court's test is settled.
#[test]
fn the_claims_own_states_test_is_named() {
    let sample = own_text("marsh-v-does.yaml");
    let built = build_text("marsh-v-does.yaml", &sample);
    assert!(court_checks(&built).iter().all(|i| i.name != "the claims' own state's test"));
    let arizona = sample.replacen(
        "{type: defamation, law: washington, argued: true}",
        "{type: defamation, law: arizona, argued: true}",
        1,
    );
    assert!(arizona != sample);
    let items = court_checks(&build_text("marsh-az.yaml", &arizona));
    let item = items.iter().find(|i| i.name == "the claims' own state's test").expect("the warning");
    assert_eq!(item.status, Status::Warn);
    assert!(item.detail.contains("the brief asks the Court to adopt the Highfields test, and argues claims under Arizona law, whose courts are bound by the Mobilisa test (`mobilisa`)"), "{}", item.detail);
    // The Leifer sample's court has settled its test: nothing to say.
    let built = build_text("leifer-v-twitter.yaml", &own_text("leifer-v-twitter.yaml"));
    assert!(court_checks(&built).iter().all(|i| i.name != "the claims' own state's test"));
}

/// Where the matter gives the day the invoked deadline falls (`deadline.runs`), the answer to a
/// `time-pressure` argument says how many days after the brief's date it is; the wait before the
/// subpoena is said only where the lawyer keeps it (`waited`, the E.D. Mo. re-audit: a short wait
/// made the movant look prompt).
#[test]
fn the_time_left_before_the_deadline_is_counted() {
    let sample = own_text("lumen-salt-v-doe.yaml");
    let body = normalize(&body_text(&build_text("lumen.yaml", &sample)));
    assert!(!body.contains("The deadline is not close"), "{body}");
    assert!(body.contains("The time that remains is also not the time"), "{body}");
    let runs = sample.replacen(
        "    first_published_cite: {doc: compl, at: \"¶ 14\"}\n",
        "    first_published_cite: {doc: compl, at: \"¶ 14\"}\n    runs: 2027-01-22\n    runs_cite: {doc: mot, at: \"at 11–12\"}\n",
        1,
    );
    assert!(runs != sample);
    let body = normalize(&body_text(&build_text("lumen-runs.yaml", &runs)));
    assert!(body.contains("The deadline is not close, either. By Lumen & Salt's own account it falls on January 22, 2027, see Mot. at 11–12, fifty-three days after the date of this brief"), "{body}");
    let quiet = runs.replacen(
        "      - deadline-no-exception\n",
        "      - clause: deadline-no-exception\n        options: {waited: false}\n",
        1,
    );
    assert!(quiet != runs, "the outline names the clause");
    let body = normalize(&body_text(&build_text("lumen-quiet.yaml", &quiet)));
    assert!(!body.contains("The time that remains is also not the time"), "{body}");
    // The day without its cite is refused at its line, never left out without a word.
    let uncited = runs.replacen("    runs_cite: {doc: mot, at: \"at 11–12\"}\n", "", 1);
    assert!(uncited != runs);
    let refusal = refused("lumen-uncited.yaml", &uncited);
    assert!(refusal.contains("`deadline.runs` has no `runs_cite`"), "{refusal}");
}

/// A decision of the courts of the State a federal court sits in is that State's in the standing
/// footnote ("A California court has allowed …"), not "another jurisdiction's" (the C.D. Cal.
/// sample, after the Oakland County user's report on a California decision cited in Michigan).
#[test]
fn a_home_state_decision_is_called_the_states() {
    let body = normalize(&body_text(&build_text("lumen.yaml", &own_text("lumen-salt-v-doe.yaml"))));
    assert!(body.contains("A California court has allowed a non-party that holds anonymous speakers' identities to assert their First Amendment interests in opposing disclosure. See Rancho Publ'ns v. Super. Ct."), "{body}");
    assert!(!body.contains("another jurisdiction"), "{body}");
}

/// A motion that names no test and rests on a statute, but argues more besides, is not said to
/// rest on the statute alone (the D. Md. user): the introduction says it applies none of the
/// tests and relies instead on the statute and on the rest, and the background says the statute
/// is one argument among others.
#[test]
fn a_motion_resting_on_a_statute_among_other_arguments_is_not_said_to_rest_on_it_alone() {
    let built = build_text("marsh.yaml", &own_text("marsh-v-does.yaml"));
    let body = body_text(&built);
    assert!(body.contains("The Plaintiffs' motion applies none of the tests courts have developed for unmasking an anonymous speaker. They rely instead on 47 U.S.C. § 551, the claim that the First Amendment does not reach a private party's subpoena, the third-party doctrine, and the relevance of what the subpoena seeks. See"), "{body}");
    assert!(!body.contains("rests on 47 U.S.C."), "{body}");
    assert!(body.contains("it relies instead on 47 U.S.C. § 551 and on the other arguments answered below."), "{body}");
}

/// A court whose rule names a typeface and asks for what pleader does not set (Delaware's Rule
/// 107(b): Times New Roman, two spaces between sentences): `check` reads the faces the pages are
/// set in and warns, and warns of the unmet rule; the certificate names the face the brief is
/// set in, never "a typeface with the metrics of" another (the Delaware audit, S-4).
#[test]
fn a_typeface_the_rule_names_and_a_rule_pleader_does_not_meet_are_warned_of_and_a_certificate_naming_another_fails() {
    let built = build_text("dorsey.yaml", &own_text("dorsey-v-does.yaml"));
    let checks = court_checks(&built);
    let face = check(&checks, "typeface");
    assert_eq!(face.status, Status::Warn, "{}", face.detail);
    assert!(face.detail.contains("Super. Ct. Civ. R. 107(b) requires Times New Roman; the brief is set in Liberation Serif (Times New Roman's metrics"), "{}", face.detail);
    // The certificate names that face: the brief would tell the Court it breaks the rule, which
    // fails (the N.D. Ga. user's LR 7.1(D) certificate, "namely Liberation Serif, 14 point").
    let named = check(&checks, "typeface named in the brief");
    assert_eq!(named.status, Status::Fail, "{}", named.detail);
    assert!(
        named
            .detail
            .contains("names the face it is set in, Liberation Serif, which Super. Ct. Civ. R. 107(b) does not accept"),
        "{}",
        named.detail
    );
    let unmet = check(&checks, "a rule pleader does not meet");
    assert_eq!(unmet.status, Status::Warn);
    assert!(unmet.detail.contains("107(b) asks for two spaces between sentences"), "{}", unmet.detail);
    let all = normalize(&(0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n"));
    assert!(all.contains("this brief is set in 14-point Liberation Serif, and that it contains"), "{all}");
    assert!(!all.contains("metrics of Times New Roman"), "{all}");
    // A profile that names no face has no such check.
    let built = build_text("leifer.yaml", &own_text("leifer-v-twitter.yaml"));
    assert!(!court_checks(&built).iter().any(|c| c.name == "typeface" || c.name == "typeface named in the brief"));
}

/// For a public official, a claim law's falsity and fault are stated as the Constitution states
/// them for such a plaintiff, not with *Hepps*'s media-defendant reservation or *Gertz*'s
/// private-figure rule (the Philadelphia user, Pennsylvania's elements for a school-board member).
#[test]
fn a_public_officials_falsity_and_fault_are_the_constitutions_rule_for_officials() {
    let text = own_text("dorsey-v-does.yaml").replacen(
        "{type: defamation, law: delaware, argued: true, per_se: true}",
        "{type: defamation, law: pennsylvania, argued: true}",
        1,
    );
    let built = build_text("dorsey-pa.yaml", &text);
    let body = body_text(&built);
    assert!(body.contains("the falsity of the statement, which a public official suing over a statement about official conduct must prove whoever made it, see Sullivan, 376 U.S. at 279–80"), "{body}");
    assert!(body.contains("actual malice, which a public official must prove: that the speaker made the statement \"with knowledge that it was false or with reckless disregard of whether it was false or not,\""), "{body}");
    assert!(!body.contains("at least where a media defendant publishes speech of public concern"), "{body}");
    assert!(!body.contains("even where the plaintiff is a private figure"), "{body}");
}

/// Statements made in a labor dispute (`labor_dispute`): the evidence step quotes Linn's
/// condition on state remedies, malice and injury, as the Court stated it for an organizing
/// campaign, argues that the same showing governs, says what the movant has not shown, and the
/// per se label is said not to excuse the proof of injury (my D. Minn. matter's audit).
#[test]
fn statements_made_in_a_labor_dispute_need_malice_and_injury_shown() {
    let text = own_text("marlowe-subpoena.yaml").replacen(
        "  client_role:\n",
        "  labor_dispute:\n    why: the posts answered a strike notice the clinic's nurses had served that week\n    cite: {doc: lind-decl, at: \"¶ 4\"}\n  client_role:\n",
        1,
    );
    let built = build_text("marlowe-labor.yaml", &text);
    let body = body_text(&built);
    assert!(body.contains("were written in a labor dispute: the posts answered a strike notice the clinic's nurses had served that week. Lind Decl. ¶ 4."), "{body}");
    assert!(body.contains("a court may apply state remedies \"if the complainant pleads and proves that the statements were made with malice and injured him.\" Linn v. United Plant Guard Workers of Am., Loc. 114, 383 U.S. 53, 55 (1966)."), "{body}");
    // The sample's missing kinds include fault and not harm: it says what is not shown, no more.
    assert!(body.contains("and the same showing should be required of it: malice, and injury. Marlowe has offered no evidence of malice, though that may be hard to show before the speakers are known."), "{body}");
    assert!(body.contains("In a labor dispute it does not excuse even that: the complainant must prove injury. See Linn, 383 U.S. at 55."), "{body}");
    // Without the fact, nothing of it.
    let built = build_text("marlowe.yaml", &own_text("marlowe-subpoena.yaml"));
    assert!(!body_text(&built).contains("Linn"));
}

/// Kessler's matter with no evidence offered at all: the evidence step does not take the
/// statements one at a time, so the per se label is not answered there.
fn kessler_without_evidence(per_se_argued: bool) -> String {
    let shipped = own_text("kessler-v-doe.yaml");
    let start = shipped.find("  evidence:\n").expect("the sample changed");
    let end_marker = "    missing: [falsity, causation]\n";
    let end = shipped.find(end_marker).expect("the sample changed") + end_marker.len();
    let mut text = format!(
        "{}  evidence:\n    offered: nothing but his complaint\n    missing: [falsity, harm, causation]\n{}",
        &shipped[..start],
        &shipped[end..]
    );
    if !per_se_argued {
        assert!(text.contains("        per_se: true\n"), "the sample changed");
        text = text.replacen("        per_se: true\n", "", 1);
    }
    text
}

/// Harm argued for a claim whose law excuses it for a statement defamatory per se, where only
/// some statements of fact are marked `not_per_se` and the evidence step does not take them one
/// at a time: the brief says that the want of proof counts only against the marked ones, and why
/// (the N.D. Ga. user: "Nothing … evidence … of the harm the law requires" of a statement
/// imputing a crime, and the `not_per_se` never printed). Where the motion calls the statements
/// defamatory per se, the paragraph that answers the label says it instead, once.
#[test]
fn want_of_harm_is_argued_only_against_the_statements_marked_not_per_se() {
    let body = normalize(&body_text(&build_text("kessler-noev.yaml", &kessler_without_evidence(false))));
    assert!(
        body.contains("Under Michigan law a statement defamatory per se needs no proof of damages, see Ireland"),
        "{body}"
    );
    assert!(body.contains("but the blog post that says \"The state froze his company's bank account in March\" imputes no crime: a frozen account, by itself, says nothing about what its holder did, Mot. Ex. A at 4. For that statement, Mr. Kessler must show the harm Michigan law requires, and the record holds no evidence of it."), "{body}");
    let body = normalize(&body_text(&build_text("kessler-noev-ps.yaml", &kessler_without_evidence(true))));
    assert!(!body.contains("needs no proof of damages"), "{body}");
    assert_eq!(body.matches("imputes no crime: a frozen account").count(), 1, "{body}");
    assert!(body.contains("Nor does the per se label fit every statement."), "{body}");
}

/// The meet-and-confer is said as the matter says it (`meet_and_confer.says`), never a default
/// "Counsel met and conferred" where the declaration shows otherwise (the D.C. user); an objection
/// the list has no value for is stated in the lawyer's words with its cite, after the listed ones
/// (the N.D. Ga. user's objection that the movant had not shown the reviewer signed anything).
#[test]
fn the_meet_and_confer_and_an_unlisted_objection_are_said_as_the_matter_says_them() {
    let shipped = own_text("kessler-v-doe.yaml");
    let anchor = "    cite: {doc: tran-decl, at: \"¶¶ 5–8\"}\n";
    assert!(shipped.contains(anchor), "the sample changed");
    let default = normalize(&body_text(&build_text("kessler.yaml", &shipped)));
    assert!(default.contains("Counsel met and conferred about the subpoena. Decl. of Minh Tran ¶¶ 5–8"), "{default}");
    let text = shipped.replacen(
        anchor,
        &format!("{anchor}    says: Mr. Kessler’s counsel agreed to confer only after the objections were served, and counsel spoke once\n    other_objections:\n      - says: the subpoena reached a hosting customer who need not be the blog’s author\n        cite: {{doc: letter, at: \"at 3\"}}\n"),
        1,
    );
    let body = normalize(&body_text(&build_text("kessler-says.yaml", &text)));
    assert!(!body.contains("Counsel met and conferred"), "{body}");
    assert!(body.contains("Mr. Kessler's counsel agreed to confer only after the objections were served, and counsel spoke once. Decl. of Minh Tran ¶¶ 5–8"), "{body}");
    assert!(
        body.contains("objected that the subpoena reached a hosting customer who need not be the blog's author."),
        "{body}"
    );
    let without_cite = text.replacen(anchor, "", 1);
    let err = refused("kessler-says-nocite.yaml", &without_cite);
    assert!(err.contains("`meet_and_confer.says` needs `meet_and_confer.cite`"), "{err}");
}

/// A statement argued as opinion that is about someone other than the movant (`about:`) is said
/// to express its author's opinion of that person, not of the movant (the N.D. Ga. user's review
/// of the plaintiff's chief executive, called "its author's opinion of Kestrel").
#[test]
fn an_opinion_about_someone_else_is_not_called_an_opinion_of_the_movant() {
    let shipped = own_text("brandywine-v-doe.yaml");
    let anchor = "      wording: an epithet and a scoffing judgment";
    assert!(shipped.contains(anchor), "the sample changed");
    let before = normalize(&body_text(&build_text("brandywine.yaml", &shipped)));
    assert!(before.contains("its author's opinion of Brandywine"), "{before}");
    let text = shipped.replacen(anchor, &format!("      about: the company’s founder\n{anchor}"), 1);
    let body = normalize(&body_text(&build_text("brandywine-about.yaml", &text)));
    assert!(body.contains("its author's opinion of the company's founder."), "{body}");
    assert!(!body.contains("its author's opinion of Brandywine"), "{body}");
    // And the law's element that the statement concern the plaintiff (`concerning: true`) is
    // stated beside it, with its citation.
    assert!(body.contains("is a joke\" is about the company's founder, not about Brandywine. Under Pennsylvania law, a claim for defamation requires its application to the plaintiff. See § 8343(a)."), "{body}");
}

/// Why the speech is of public concern (`public_concern.why`) weighs on the speaker's side of the
/// balance of harms, with the Supreme Court's words for such speech (the N.D. Ga. user: reports
/// that a carrier falsified drivers' logs, given and printed nowhere).
#[test]
fn the_speechs_public_concern_weighs_in_the_balance_of_harms() {
    let body = normalize(&body_text(&build_text("brandywine.yaml", &own_text("brandywine-v-doe.yaml"))));
    assert!(body.contains("And the speech at stake is speech on a matter of public concern: it reports that a supplier shipped measuring instruments that had failed calibration to a defense customer, see id. ¶ 18. Such speech \"occupies the highest rung of the hierarchy of First Amendment values, and is entitled to special protection.\" Snyder v. Phelps, 562 U.S. 443, 451–52 (2011) (quoting Connick v. Myers, 461 U.S. 138, 145 (1983))."), "{body}");
}

/// Statements cited to pages of one exhibit are cited together as that exhibit's pages ("Ex. A at
/// 1–2, 4"), not as several exhibits ("Exs. A at 1, A at 2, A at 4": the N.D. Ga. user).
#[test]
fn statements_on_pages_of_one_exhibit_are_cited_as_that_exhibits_pages() {
    let text = kessler_without_evidence(false);
    let mut text = text;
    for page in ["1", "2", "4"] {
        let from = format!("cite: {{doc: posts, at: \"at {page}\"}}");
        assert!(text.contains(&from), "the sample changed");
        text = text.replacen(&from, &format!("cite: {{doc: compl, at: \"Ex. A at {page}\"}}"), 1);
    }
    let body = normalize(&body_text(&build_text("kessler-exhibit.yaml", &text)));
    assert!(body.contains("Ex. A at 1–2, 4, could support"), "{body}");
    assert!(!body.contains("Exs. A"), "{body}");
}

/// Posts that criticize someone other than the movant (`posts_about`: the movant's client's
/// project) are never said to be about the movant, nor their author its critic (the D. Conn.
/// matter: a photographer suing over photographs a blog used to criticize a development).
#[test]
fn posts_about_someone_else_are_not_said_to_be_about_the_movant() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let before = normalize(&body_text(&build_text("vance.yaml", &shipped)));
    assert!(before.contains("they were writing anonymously about Ms. Vance"), "{before}");
    let anchor = "  platform: Stoopline\n";
    assert!(shipped.contains(anchor), "the sample changed");
    let text = shipped.replacen(anchor, &format!("{anchor}  posts_about: the school board’s bus contract\n"), 1);
    let body = normalize(&body_text(&build_text("vance-about.yaml", &text)));
    assert!(body.contains("they were writing anonymously about the school board's bus contract"), "{body}");
    assert!(body.contains("who might wish to criticize the school board's bus contract anonymously"), "{body}");
    assert!(body.contains("as critics of the school board's bus contract,"), "{body}");
    assert!(!body.contains("about Ms. Vance,"), "{body}");
    assert!(!body.contains("Ms. Vance's critics"), "{body}");
}

/// One speaker is one speaker in a heading ("Unmasking the Speaker"), and after the defendant as
/// the complaint names it the introduction does not speak of "that user", who has no antecedent
/// (the N.D. Ga. user).
#[test]
fn one_speaker_in_the_arista_heading_and_no_user_without_an_antecedent() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let one = shipped.replacen("  accounts: 4\n", "  accounts: 1\n", 1);
    assert!(one.contains("  accounts: 1\n"), "the sample changed");
    let body = normalize(&body_text(&build_text("vance-one.yaml", &one)));
    assert!(body.contains("The Arista Factors Weigh Against Unmasking the Speaker "), "{body}");
    let shipped = own_text("brandywine-v-doe.yaml");
    let anchor = "  underlying:\n    court: this Court\n";
    assert!(shipped.contains(anchor), "the sample changed");
    let named = shipped.replacen(
        anchor,
        &format!("{anchor}    defendants: the reviews’ anonymous author, named as John Doe\n"),
        1,
    );
    let body = normalize(&body_text(&build_text("brandywine-named.yaml", &named)));
    assert!(body.contains("the reviews' anonymous author, named as John Doe, alleging breach of contract and defamation, and wants to learn who is behind that account"), "{body}");
    assert!(!body.contains("who that user is"), "{body}");
}

/// A `not_per_se` written as a sentence of its own, not as the predicate it completes ("The <post>
/// that says “…” ___"), is warned of at its value (the N.D. Ga. user's "a turnover figure imputes
/// no crime …", printed after the statement's words).
#[test]
fn a_not_per_se_written_as_its_own_sentence_is_warned_of() {
    let text = own_text("kessler-v-doe.yaml").replacen(
        "not_per_se: \"imputes no crime:",
        "not_per_se: \"a frozen account imputes no crime:",
        1,
    );
    assert!(text.contains("a frozen account imputes no crime:"), "the sample changed");
    let dir = temp_dir("not-per-se-sentence");
    std::fs::write(dir.join("matter.yaml"), &text).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let (_, out, err) = pleader(&["check", "matter.yaml", "--project", root], &dir);
    let all = format!("{out}{err}");
    assert!(
        all.contains(
            "`not_per_se` completes \"The <post> that says “…” ___\": this one begins like a sentence of its own"
        ),
        "{all}"
    );
    assert!(all.contains("matter.yaml:99:"), "{all}");
}

/// Where the Arista outline has no balance-of-harms section, the privacy factor says that the
/// holder of the account need not be the speaker (`account_holder.gap`), a fact the matter gave
/// and no section printed (the D. Conn. audit: a campus address names a registered device).
#[test]
fn the_privacy_factor_says_the_account_holder_need_not_be_the_speaker() {
    let shipped = own_text("vance-v-stoopline.yaml");
    let anchor = "  accounts: 4\n";
    assert!(shipped.contains(anchor), "the sample changed");
    let text = shipped.replacen(anchor, &format!("{anchor}  account_holder:\n    gap: one household may share an account\n    cite: {{doc: decl, at: \"¶ 3\"}}\n"), 1);
    let body = normalize(&body_text(&build_text("vance-holder.yaml", &text)));
    assert!(body.contains("who need not be the ones who wrote the posts: one household may share an account. See Ochoa-Park Decl. ¶ 3. An order could therefore expose someone who said nothing at all."), "{body}");
}

/// A survey of one decision says what one court did, not "Courts … have refused" (the D. Conn.
/// audit: the plural over *Mirza* alone, in the Arista outline's privacy factor).
#[test]
fn a_survey_of_one_decision_says_a_court_not_courts() {
    let body = normalize(&body_text(&build_text("vance.yaml", &own_text("vance-v-stoopline.yaml"))));
    assert!(body.contains("A court in the Second Circuit has refused to order the disclosure of an anonymous speaker's identity. See Mirza"), "{body}");
    assert!(!body.contains("Courts in the Second Circuit have refused"), "{body}");
}
