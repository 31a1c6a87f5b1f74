//! Stage 2: validation. Cross-checks the matter against the library before anything is rendered:
//! the court profile and every clause the outline names exist, every option the matter sets is
//! one the clause declares, every value a clause `needs` is present, every authority a selected
//! clause cites is in the bank or the record, one party is the client and the signer is one of
//! the attorneys. Each problem points at the line to fix, in the matter or in the clause.

use serde_json::Value as Json;

use crate::authority::Bank;
use crate::cite;
use crate::clause::Clause;
use crate::diag::{closest, did_you_mean, Diagnostic, Result, SourceText};
use crate::matter::Matter;
use crate::render::ClauseLibrary;
use crate::yaml;

/// Where the outline names a clause: the `nth` whole-word occurrence of the id after `brief:`.
pub fn find_outline_id(source: &SourceText, id: &str, nth: usize) -> std::ops::Range<usize> {
    let start = yaml::find_key(source, "brief").map_or(0, |r| r.end);
    yaml::find_id(&source.text, start, source.text.len(), id, nth).unwrap_or(start.saturating_sub(6)..start)
}

/// Checks that only make sense with the whole library at hand.
pub fn validate(
    matter: &Matter,
    matter_src: &SourceText,
    clauses: &ClauseLibrary,
    bank: &Bank,
    context: &Json,
) -> Result<()> {
    let mut problems = vec![];
    let outline = matter.outline();
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for (_, item) in &outline {
        let nth = counts.entry(item.clause.as_str()).or_default();
        let here = find_outline_id(matter_src, &item.clause, *nth);
        *nth += 1;
        let Some(clause) = clauses.get(&item.clause) else {
            let hint = did_you_mean(&item.clause, clauses.available.iter().map(|s| s.as_str()))
                .unwrap_or_else(|| "`pleader clauses` lists the clause library".into());
            problems.push(Diagnostic::error(format!("unknown clause `{}`", item.clause)).at(matter_src, here).with_hint(hint));
            continue;
        };
        for (key, _) in &item.options {
            let Some(key) = key.as_str() else { continue };
            if !clause.header.options.contains_key(key) {
                let known: Vec<&str> = clause.header.options.keys().map(|s| s.as_str()).collect();
                let span = find_after(matter_src, here.start, key).unwrap_or(here.clone());
                let mut d = Diagnostic::error(format!("clause `{}` has no option `{key}`", item.clause)).at(matter_src, span);
                d = match closest(key, known.iter().copied()) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                    None if known.is_empty() => d.with_hint("this clause takes no options"),
                    None => d.with_hint(format!("its options are: {}", known.join(", "))),
                };
                problems.push(d);
            }
        }
        for need in &clause.header.needs {
            if lookup(context, need).is_none_or(Json::is_null) {
                let missing_at = deepest_present(matter_src, need);
                let line = crate::yaml::find_key(&clause.source, "needs")
                    .map_or(1, |r| clause.source.line_col(r.start).0);
                let mut d = Diagnostic::error(format!(
                    "the matter has no `{need}`, which clause `{}` needs",
                    item.clause
                ));
                d = match missing_at {
                    Some(span) => d.at(matter_src, span).with_label(format!("add `{}` under here", need.rsplit('.').next().unwrap_or(need))),
                    None => d.in_file(matter_src),
                };
                // A likely typo: a key next to where the value should be, close to its name.
                let leaf = need.rsplit('.').next().unwrap_or(need);
                let parent_path = need.rsplit_once('.').map_or("", |(p, _)| p);
                if let Some(Json::Object(siblings)) = lookup(context, parent_path) {
                    if let Some(best) = closest(leaf, siblings.keys().map(|s| s.as_str())) {
                        d = d.with_hint(format!("the matter has `{parent_path}.{best}`: did you mean `{leaf}`?"));
                    }
                }
                d = d.with_note(format!("required by {}:{line}", clause.source.name));
                problems.push(d);
            }
        }
        let known = |id: &str| bank.get(id).is_some() || matter.record.contains_key(id);
        let candidates: Vec<&str> = bank.ids().chain(matter.record.keys().map(|s| s.as_str())).collect();
        problems.extend(unknown_citations(clause, known, &candidates));
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

/// Citations in a clause template of ids that `known` rejects, each at its `@id` in the clause
/// file with the closest ids as a hint. (Ids written as template values are checked after
/// rendering, by the cite stage.)
pub fn unknown_citations(clause: &Clause, known: impl Fn(&str) -> bool, candidates: &[&str]) -> Vec<Diagnostic> {
    let body_start = clause.source.offset(clause.body_line, 1);
    cite::cited_ids(&clause.body)
        .into_iter()
        .filter(|(id, _)| !known(id))
        .map(|(id, offset)| {
            let start = body_start + offset;
            let hint = did_you_mean(&id, candidates.iter().copied())
                .unwrap_or_else(|| "add it to authorities/*.yaml, or to the matter's `authorities:` or `record:`".into());
            Diagnostic::error(format!("`{id}` is not in the authority bank or the matter's record"))
                .at(&clause.source, start..start + id.len() + 1)
                .with_hint(hint)
        })
        .collect()
}

/// Looks up a dotted path (`facts.subpoena.date`) in the clause context.
pub fn lookup<'a>(context: &'a Json, path: &str) -> Option<&'a Json> {
    let mut cur = context;
    for part in path.split('.') {
        cur = match cur {
            Json::Object(m) => m.get(part)?,
            Json::Array(a) => a.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
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
