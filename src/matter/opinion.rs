//! The fact/opinion test against what the matter says: a warning for each factor of a governing
//! law's test (its authority's `factors:` in the bank) that the brief cannot argue because the
//! matter gives nothing to argue it from. The brief then walks the factors it can; the warning
//! says which one it leaves out, so no factor is dropped silently.

use crate::diag::{Diagnostic, SourceText};
use crate::library::claims::Aspect;
use crate::matter::validate::Library;
use crate::yaml;

/// Warnings, at the matter's `statements:` (or `forum:`) line, for each aspect some argued
/// speech claim's fact/opinion test weighs and the matter gives nothing for. Only when the
/// outline argues the statements' nature (`argues`) and some statement is argued as opinion.
pub fn unargued_factors(facts: &serde_json::Value, src: &SourceText, lib: &Library, argues: bool) -> Vec<Diagnostic> {
    let statements = facts["statements"].as_array().cloned().unwrap_or_default();
    let opinions: Vec<&serde_json::Value> =
        statements.iter().filter(|s| s["opinion"].as_bool() != Some(false)).collect();
    if !argues || opinions.is_empty() {
        return vec![];
    }
    let any = |key: &str| opinions.iter().any(|s| s[key].as_str().is_some_and(|v| !v.trim().is_empty()));
    let given = |aspect: Aspect| match aspect {
        Aspect::Verifiable => true,
        Aspect::Wording => any("wording"),
        Aspect::Basis => any("basis"),
        Aspect::Setting => facts["forum"]["setting"].is_string() || facts["platform_description"].is_string(),
        Aspect::Audience => facts["forum"]["audience"].is_string(),
    };
    let mut out = vec![];
    let mut seen: Vec<&str> = vec![];
    for c in facts.pointer("/underlying/claims").and_then(|v| v.as_array()).into_iter().flatten() {
        if c["argued"].as_bool() != Some(true) {
            continue;
        }
        let (Some(ty), Some(law)) = (c["type"].as_str(), c["law"].as_str()) else { continue };
        let Some(t) = lib.claims.get(ty) else { continue };
        let Some(l) = t.laws.get(law) else { continue };
        let Some(fo) = l.fact_opinion.as_ref() else { continue };
        if !t.content_based || seen.contains(&fo.authority.as_str()) {
            continue;
        }
        seen.push(&fo.authority);
        let Some(a) = lib.bank.get(&fo.authority) else { continue };
        for f in &a.factors {
            if given(f.aspect) {
                continue;
            }
            let (path, add) = match f.aspect {
                Aspect::Wording => ("facts.statements", "a `wording:` for each statement argued as opinion"),
                Aspect::Basis => {
                    ("facts.statements", "a `basis:` for a statement argued as opinion that discloses what it rests on")
                }
                Aspect::Setting => ("facts.platform", "`forum: {setting: …, cite: …}` under `facts:`"),
                Aspect::Audience => ("facts.platform", "`forum: {audience: …, cite: …}` under `facts:`"),
                Aspect::Verifiable => continue,
            };
            let span = yaml::find_key(src, "facts.forum")
                .filter(|_| path == "facts.platform")
                .or_else(|| yaml::find_key(src, path));
            out.push(
                Diagnostic::warning(format!(
                    "{}'s test for telling fact from opinion ({}) weighs {}, and the matter gives nothing to argue it from, so the brief leaves that factor out",
                    l.jurisdiction, a.short.as_deref().or(a.name.as_deref()).unwrap_or(&fo.authority), f.text
                ))
                .at(src, span.unwrap_or(0..0))
                .with_hint(format!("add {add} (see `pleader facts`)")),
            );
        }
    }
    out
}
