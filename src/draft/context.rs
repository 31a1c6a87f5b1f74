//! The context every clause is drafted with: the parties (with pronoun forms), the client, the
//! case, the document, counsel, the record, the facts, the outline with its numbers and
//! cross-references (`sections["proper-court"]` → "Section IV.A"), and, per clause, its options
//! and its own place in the outline.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value as Json};

use crate::library::court::Profile;
use crate::matter::{Matter, OutlineItem};
use crate::units::capitalize_first;

/// The context every clause sees (before its own options are added).
pub fn base_context(
    matter: &Matter,
    profile: &Profile,
    outline: &[(usize, &OutlineItem)],
    refs: &BTreeMap<String, String>,
) -> Json {
    let mut parties = Map::new();
    for (key, p) in &matter.parties {
        let (he, him, his) = p.pronoun.forms();
        parties.insert(
            key.clone(),
            json!({
                "key": key, "name": p.name, "short": p.short, "role": p.role, "client": p.client,
                "he": he, "him": him, "his": his, "He": capitalize_first(he), "His": capitalize_first(his),
                "plural": matches!(p.pronoun, crate::matter::Pronoun::They),
            }),
        );
    }
    let client = matter.client().map(|(k, _)| parties[k].clone()).unwrap_or(Json::Null);
    let record: Map<String, Json> =
        matter.record.iter().map(|(k, r)| (k.clone(), json!({"full": r.full, "short": r.short}))).collect();
    json!({
        "court": matter.court,
        "court_name": profile.name,
        "division": matter.division,
        "case": {
            "number": matter.case_number(profile.caption.judge_initials),
            "judge": matter.case.judge,
            "judge_initials": matter.case.judge_initials,
        },
        "document": {
            "title": matter.document.title,
            "short_title": matter.document.short_title,
            "type": matter.document.type_,
            "date": matter.document.date.0.format("%Y-%m-%d").to_string(),
        },
        "parties": parties,
        "client": client,
        "counsel": {
            "firm": matter.counsel.firm,
            "signer": matter.counsel.signer,
        },
        "record": record,
        "facts": crate::yaml::to_json(&serde_yaml::Value::Mapping(matter.facts.clone())),
        "brief_clauses": outline.iter().map(|(_, i)| i.clause.clone()).collect::<Vec<_>>(),
        "sections": refs,
    })
}

/// The outline numbered and the context every clause shares, computed once per build.
pub struct Prepared<'a> {
    pub outline: Vec<(usize, &'a OutlineItem)>,
    /// (clause id, heading number, reference) for each outline item.
    pub numbered: Vec<(String, String, String)>,
    pub context: Json,
}

/// `facts` are the matter's facts as validated, with defaults filled in.
pub fn prepare<'a>(matter: &'a Matter, profile: &Profile, facts: Json) -> Prepared<'a> {
    let outline = matter.outline();
    let numbered = number_outline(&outline, profile);
    let refs: BTreeMap<String, String> =
        numbered.iter().map(|(id, _, r)| (id.clone(), format!("Section {r}"))).collect();
    let mut context = base_context(matter, profile, &outline, &refs);
    context["facts"] = facts;
    Prepared { outline, numbered, context }
}

/// Heading numbers ("I.", "A.") and references ("IV.B") for every outline item.
pub fn number_outline(outline: &[(usize, &OutlineItem)], profile: &Profile) -> Vec<(String, String, String)> {
    let mut counters: Vec<usize> = vec![];
    let mut parts: Vec<String> = vec![];
    let mut out = vec![];
    for (level, item) in outline {
        counters.truncate(*level);
        parts.truncate(*level);
        while counters.len() < *level {
            counters.push(0);
            parts.push(String::new());
        }
        counters[level - 1] += 1;
        let number = profile.heading_number(*level, counters[level - 1]);
        parts[level - 1] = number.trim_end_matches('.').to_string();
        out.push((item.clause.clone(), number, parts.join(".")));
    }
    out
}
