//! Stage 2: validation. Cross-checks the matter against the library before anything is drafted:
//! the court profile and every clause the outline names exist, every option the matter sets is
//! one the clause declares, every value a clause `needs` is present, every authority a selected
//! clause cites is in the bank or the record, one party is the client and the signer is one of
//! the attorneys. Each problem points at the line to fix, in the matter or in the clause.

use std::collections::BTreeMap;

use crate::diag::{closest, did_you_mean, Diagnostic, Result, SourceText};
use crate::library::bank::Bank;
use crate::library::clause::Clause;
use crate::library::court::Profile;
use crate::library::project::Project;
use crate::matter::Matter;
use crate::yaml;

/// Where the outline names a clause: the `nth` whole-word occurrence of the id after `brief:`.
pub fn find_outline_id(source: &SourceText, id: &str, nth: usize) -> std::ops::Range<usize> {
    let start = yaml::find_key(source, "brief").map_or(0, |r| r.end);
    yaml::find_id(&source.text, start, source.text.len(), id, nth).unwrap_or(start.saturating_sub(6)..start)
}

/// The court profile the matter names, with its per-judge overrides applied; the matter must name
/// a profile of the project and give what its court title needs.
pub fn court_profile(matter: &Matter, matter_src: &SourceText, project: &Project) -> Result<Profile> {
    let profiles = project.files_in("courts", ".yaml");
    let Some((_, src)) = profiles.iter().find(|(id, _)| *id == matter.court) else {
        let span = yaml::find_key(matter_src, "court")
            .map(|r| {
                let line_end = matter_src.text[r.end..].find('\n').map_or(matter_src.text.len(), |e| r.end + e);
                r.start..line_end
            })
            .unwrap_or(0..0);
        let ids: Vec<&str> = profiles.iter().map(|(id, _)| id.as_str()).collect();
        let hint = match did_you_mean(&matter.court, ids.iter().copied()) {
            Some(guess) => format!("{guess} (profiles: {})", ids.join(", ")),
            None => format!("the court profiles are: {}", ids.join(", ")),
        };
        return Err(Diagnostic::error(format!("unknown court profile `{}`", matter.court))
            .at(matter_src, span)
            .with_hint(hint)
            .into());
    };
    let overrides = matter.overrides.as_ref().map(|o| (matter_src, o));
    let profile = Profile::load(src, overrides)?;
    if profile.court_title.iter().any(|l| l.contains("{county}")) && matter.county.is_none() {
        let span = yaml::find_key(matter_src, "court").unwrap_or(0..0);
        return Err(Diagnostic::error(format!(
            "the `{}` profile names the county in the court title, and the matter has no `county:`",
            matter.court
        ))
        .at(matter_src, span)
        .with_hint("add a top-level `county: San Francisco` (or the county where the case is pending)")
        .into());
    }
    let template = format!("templates/{}.typ", profile.caption.template);
    if !project.files.contains_key(&template) {
        let span = yaml::find_key(src, "caption.template").unwrap_or(0..0);
        let names: Vec<String> = project.files_in("templates", ".typ").into_iter().map(|(n, _)| n).collect();
        return Err(Diagnostic::error(format!("there is no caption template `{template}`"))
            .at(src, span)
            .with_hint(format!("the templates are: {}", names.join(", ")))
            .into());
    }
    Ok(profile)
}

/// Checks that only make sense with the whole library at hand.
/// `clauses` are the parsed clause files the outline selects; `available` the ids of every clause
/// file (for suggestions).
pub fn validate(
    matter: &Matter,
    matter_src: &SourceText,
    clauses: &BTreeMap<String, Clause>,
    available: &[String],
    bank: &Bank,
) -> Result<()> {
    let mut problems = vec![];
    let outline = matter.outline();
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for (_, item) in &outline {
        let nth = counts.entry(item.clause.as_str()).or_default();
        let here = find_outline_id(matter_src, &item.clause, *nth);
        *nth += 1;
        let Some(clause) = clauses.get(&item.clause) else {
            let hint = did_you_mean(&item.clause, available.iter().map(|s| s.as_str()))
                .unwrap_or_else(|| "`pleader clauses` lists the clause library".into());
            problems.push(
                Diagnostic::error(format!("unknown clause `{}`", item.clause)).at(matter_src, here).with_hint(hint),
            );
            continue;
        };
        for (key, _) in &item.options {
            let Some(key) = key.as_str() else { continue };
            if !clause.header.options.contains_key(key) {
                let known: Vec<&str> = clause.header.options.keys().map(|s| s.as_str()).collect();
                let span = find_after(matter_src, here.start, key).unwrap_or(here.clone());
                let mut d =
                    Diagnostic::error(format!("clause `{}` has no option `{key}`", item.clause)).at(matter_src, span);
                d = match closest(key, known.iter().copied()) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                    None if known.is_empty() => d.with_hint("this clause takes no options"),
                    None => d.with_hint(format!("its options are: {}", known.join(", "))),
                };
                problems.push(d);
            }
        }
        for need in &clause.header.needs {
            if !matter.has(need) {
                let missing_at = deepest_present(matter_src, need);
                let line =
                    crate::yaml::find_key(&clause.source, "needs").map_or(1, |r| clause.source.line_col(r.start).0);
                let mut d =
                    Diagnostic::error(format!("the matter has no `{need}`, which clause `{}` needs", item.clause));
                d = match missing_at {
                    Some(span) => d
                        .at(matter_src, span)
                        .with_label(format!("add `{}` under here", need.rsplit('.').next().unwrap_or(need))),
                    None => d.in_file(matter_src),
                };
                // A likely typo: a key next to where the value should be, close to its name.
                let leaf = need.rsplit('.').next().unwrap_or(need);
                let parent_path = need.rsplit_once('.').map_or("", |(p, _)| p);
                let parent: Vec<&str> = parent_path.split('.').skip(1).collect();
                let siblings = match parent_path {
                    "facts" => Some(&matter.facts),
                    _ if parent_path.starts_with("facts.") => matter.fact(&parent).and_then(|v| v.as_mapping()),
                    _ => None,
                };
                if let Some(siblings) = siblings {
                    if let Some(best) = closest(leaf, siblings.keys().filter_map(|k| k.as_str())) {
                        d = d.with_hint(format!("the matter has `{parent_path}.{best}`: did you mean `{leaf}`?"));
                    }
                }
                d = d.with_note(format!("required by {}:{line}", clause.source.name));
                problems.push(d);
            }
        }
    }
    let clients = matter.parties.values().filter(|p| p.client).count();
    if clients != 1 {
        let span = yaml::find_key(matter_src, "parties").unwrap_or(0..0);
        problems.push(
            Diagnostic::error(format!("{clients} parties are marked `client: true`; exactly one must be"))
                .at(matter_src, span)
                .with_hint("mark the party this document is filed for with `client: true`"),
        );
    }
    if !matter.counsel.attorneys.iter().any(|a| a.name == matter.counsel.signer) {
        let span = yaml::find_key(matter_src, "counsel.signer").unwrap_or(0..0);
        let names: Vec<&str> = matter.counsel.attorneys.iter().map(|a| a.name.as_str()).collect();
        let mut d = Diagnostic::error(format!("the signer `{}` is not one of the attorneys", matter.counsel.signer))
            .at(matter_src, span);
        d = match closest(&matter.counsel.signer, names.iter().copied()) {
            Some(b) => d.with_hint(format!("did you mean `{b}`?")),
            None => d.with_hint(format!("the attorneys are: {}", names.join(", "))),
        };
        problems.push(d);
    }
    for id in matter.record.keys() {
        if bank.get(id).is_some() {
            let span = yaml::find_key(matter_src, &format!("record.{id}")).unwrap_or(0..0);
            problems.push(
                Diagnostic::error(format!("record document `{id}` has the same id as an authority"))
                    .at(matter_src, span)
                    .with_hint("rename the record document, e.g. `{id}-decl`"),
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The span of the deepest key of `path` that the matter file has, to say where to add the rest.
fn deepest_present(source: &SourceText, path: &str) -> Option<std::ops::Range<usize>> {
    let parts: Vec<&str> = path.split('.').collect();
    (1..=parts.len()).rev().find_map(|n| yaml::find_key(source, &parts[..n].join(".")))
}

fn find_after(source: &SourceText, from: usize, key: &str) -> Option<std::ops::Range<usize>> {
    let pos = source.text[from..].find(&format!("{key}:"))?;
    Some(from + pos..from + pos + key.len())
}
