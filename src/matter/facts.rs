//! Validates a matter's `facts:` against the fact schema of the clauses its outline selects, on
//! the positioned YAML tree so that every mistake is reported at the matter's own line and column:
//! an unknown key (with the closest declared path), a value of the wrong type, a value outside a
//! one-of set (with the allowed values), a missing required fact, a record citation of a document
//! the matter does not declare, an authority or claim type the library does not have, a governing
//! law the claim type's file does not cover. The result is the facts as the clauses see them, with
//! each absent optional fact's documented default filled in.

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json};

use crate::diag::{closest, did_you_mean, Diagnostic, SourceText};
use crate::library::claims::Claims;
use crate::library::schema::{Fact, FactType, Schema, Selection};
use crate::units::parse_date;
use crate::yaml::tree::{Kind, Node};

/// What the checks need to know besides the schema.
pub struct Known<'a> {
    pub record: BTreeSet<&'a str>,
    pub authorities: BTreeSet<&'a str>,
    pub claims: &'a Claims,
    /// The kinds of argument a movant may make.
    pub arguments: &'a crate::library::arguments::Arguments,
    /// The matter's court: its system (`federal`, `state`) and name, for values only some
    /// systems hear.
    pub system: &'a str,
    pub court: &'a str,
}

struct Checker<'a> {
    source: &'a SourceText,
    schema: &'a Schema,
    selection: &'a Selection,
    known: &'a Known<'a>,
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, message: String, hint: Option<String>) {
        let mut d = Diagnostic::error(message).at(self.source, span);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.problems.push(d);
    }

    fn readers(&self, path: &str) -> String {
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for (p, rs) in &self.selection.readers {
            if p == path || p.starts_with(&format!("{path}.")) || path.starts_with(&format!("{p}.")) {
                names.extend(rs.iter().map(|s| s.as_str()));
            }
        }
        names.into_iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
    }

    /// Checks the children of a mapping node against declared fields; returns the completed value.
    fn mapping(
        &mut self,
        node: &Node,
        fields: &indexmap::IndexMap<String, Fact>,
        path: &str,
        holder: std::ops::Range<usize>,
    ) -> Json {
        let Kind::Map(entries) = &node.kind else {
            let shown = if path.is_empty() { "`facts`".to_string() } else { format!("`{path}`") };
            self.error(
                node.span.clone(),
                format!("{shown} should be a mapping of named facts, not {}", node.describe()),
                Some("write one `name: value` per line, indented under it".into()),
            );
            return Json::Null;
        };
        let mut out = Map::new();
        let mut unknown: Vec<&str> = vec![];
        for e in entries {
            let child = if path.is_empty() { e.key.clone() } else { format!("{path}.{}", e.key) };
            match fields.get(&e.key) {
                Some(fact) if self.selection.allows(&child) => {
                    let v = self.value(&e.value, fact, &child, e.key_span.clone(), Some(entries));
                    out.insert(e.key.clone(), v);
                }
                Some(_) => {
                    let gate =
                        self.selection.gated.iter().find(|(p, _)| **p == child || child.starts_with(&format!("{p}.")));
                    let d = match gate {
                        Some((_, (clause, option))) => Diagnostic::warning(format!(
                            "fact `{child}` is read only while option `{option}` of clause `{clause}` is on, and it is off, so it will not appear in the brief"
                        ))
                        .with_hint(format!("turn the option on in the outline (`options: {{{option}: true}}`), or remove the fact")),
                        // The movant's evidence is still `check`'s to look for in the text, where
                        // a paragraph of the lawyer's own engages it (the Oakland County user).
                        None if child == "evidence" || child.starts_with("evidence.") => Diagnostic::warning(format!(
                            "fact `{child}` is not read by any clause this outline selects, so no clause will describe it; `pleader check` still looks for each `evidence.items` entry in the brief's text"
                        ))
                        .with_hint("engage the evidence in a paragraph of your own, or add a clause that argues it (`evidentiary-basis`) to `brief:`"),
                        None => Diagnostic::warning(format!(
                            "fact `{child}` is not read by any clause this outline selects, so it will not appear in the brief"
                        ))
                        .with_hint("remove it, or add the clause that uses it to `brief:` (`pleader facts` lists which clause reads what)"),
                    };
                    self.warnings.push(d.at(self.source, e.key_span.clone()));
                }
                None => {
                    let declared: Vec<&str> = fields.keys().map(|s| s.as_str()).collect();
                    let hint = match closest(&e.key, declared.iter().copied()) {
                        Some(best) => {
                            let full = if path.is_empty() { best.to_string() } else { format!("{path}.{best}") };
                            format!("did you mean `{full}`?")
                        }
                        None if declared.is_empty() => format!("`{path}` takes no fields"),
                        None => format!(
                            "the facts here are: {}",
                            declared.iter().map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ")
                        ),
                    };
                    let hint = if let Some(found) = self.schema_path_for(&e.key) {
                        format!("{hint} (`{found}` is a fact elsewhere)")
                    } else {
                        hint
                    };
                    self.error(e.key_span.clone(), format!("unknown fact `{child}`"), Some(hint));
                    unknown.push(&e.key);
                }
            }
        }
        // Required fields that are missing, and defaults for the optional ones.
        for (name, fact) in fields {
            let child = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
            if out.contains_key(name) || !self.selection.allows(&child) {
                continue;
            }
            if entries.iter().any(|e| &e.key == name) {
                continue; // present but invalid: already reported
            }
            // A misspelling already reported as an unknown fact is one mistake, not two.
            let misspelt = closest(name, unknown.iter().copied()).is_some();
            if self.selection.must_give(&child, fact.required) && !misspelt {
                let example = fact
                    .example
                    .as_ref()
                    .map(|x| format!(", e.g. `{name}: {}`", serde_yaml::to_string(x).unwrap_or_default().trim()))
                    .unwrap_or_default();
                let under = if path.is_empty() { "`facts:`".to_string() } else { format!("`{path}:`") };
                self.error(
                    holder.clone(),
                    format!("the matter has no `{child}`, which {} reads", self.readers(&child)),
                    Some(format!("add `{name}:` under {under}: {}{example}", fact.description.trim_end_matches('.'))),
                );
            } else if let Some(d) = &fact.default {
                out.insert(name.clone(), crate::yaml::to_json(d));
            }
        }
        Json::Object(out)
    }

    /// The schema path of a top-level or nested fact named `key` (for "it is a fact elsewhere").
    fn schema_path_for(&self, key: &str) -> Option<String> {
        self.schema.paths().into_iter().find(|p| p.rsplit('.').next() == Some(key) && p.contains('.'))
    }

    fn value(
        &mut self,
        node: &Node,
        fact: &Fact,
        path: &str,
        key_span: std::ops::Range<usize>,
        siblings: Option<&Vec<crate::yaml::tree::Entry>>,
    ) -> Json {
        let scalar = node.scalar().map(str::to_string);
        let plain = matches!(node.kind, Kind::Scalar { plain: true, .. });
        let span = if node.span.is_empty() { key_span.clone() } else { node.span.clone() };
        if node.is_null() && !matches!(fact.ty, FactType::Text) {
            if self.selection.must_give(path, fact.required) {
                self.error(
                    key_span,
                    format!("`{path}` has no value"),
                    Some(format!("give it one: {}", fact.description)),
                );
            }
            return Json::Null;
        }
        match &fact.ty {
            FactType::Text => match scalar {
                Some(t) if !(node.is_null() || t.trim().is_empty() && fact.required) => Json::String(t),
                Some(_) => {
                    self.error(span, format!("`{path}` is empty"), Some(fact.description.clone()));
                    Json::Null
                }
                None => {
                    self.error(
                        span,
                        format!("`{path}` should be text, not {}", node.describe()),
                        Some(fact.description.clone()),
                    );
                    Json::Null
                }
            },
            FactType::Number => match scalar.as_deref().map(|s| (s, s.parse::<u64>())) {
                Some((_, Ok(n))) if plain && fact.min.is_some_and(|m| n < m) => {
                    let min = fact.min.unwrap_or_default();
                    self.error(
                        span,
                        format!("`{path}` is {n}, and it must be at least {min}"),
                        Some(format!("{} (the schema's rule: `min: {min}`)", fact.description)),
                    );
                    Json::Null
                }
                Some((_, Ok(n))) if plain => Json::from(n),
                Some((s, _)) => {
                    let lower = s.trim().to_lowercase();
                    let hint = match (0..=20u64).position(|n| crate::units::number_words(n) == lower) {
                        Some(n) => format!("write the digits: `{n}` (the brief spells small numbers out itself)"),
                        None => "write a whole number in digits, like 9".into(),
                    };
                    self.error(span, format!("`{path}` should be a whole number, not `{s}`"), Some(hint));
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be a whole number, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::Date => match scalar.as_deref().map(|s| (s, parse_date(s))) {
                Some((_, Ok(d))) => Json::String(d.format("%Y-%m-%d").to_string()),
                Some((s, Err(_))) => {
                    self.error(
                        span,
                        format!("`{path}` is not a date: `{s}`"),
                        Some("write dates as YYYY-MM-DD, like 2022-05-11".into()),
                    );
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be a date, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::Boolean => match scalar.as_deref() {
                Some("true") if plain => Json::Bool(true),
                Some("false") if plain => Json::Bool(false),
                Some(s) => {
                    self.error(
                        span,
                        format!("`{path}` should be `true` or `false`, not `{s}`"),
                        Some(fact.description.clone()),
                    );
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be `true` or `false`, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::List(item) => match &node.kind {
                Kind::Seq(items) => Json::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, n)| {
                            if let (FactType::Mapping(fields), false) = (&item.ty, matches!(n.kind, Kind::Map(_))) {
                                let example = item
                                    .example
                                    .as_ref()
                                    .or(fact.example.as_ref().and_then(|e| e.as_sequence()).and_then(|s| s.first()))
                                    .map(|e| format!(", like `{}`", crate::yaml::flow(e)))
                                    .unwrap_or_default();
                                let names: Vec<&str> = fields.keys().map(|s| s.as_str()).collect();
                                self.error(
                                    n.span.clone(),
                                    format!("item {} of `{path}` should be a mapping, not {}", i + 1, n.describe()),
                                    Some(format!("write each item with its fields ({}){example}", names.join(", "))),
                                );
                                return Json::Null;
                            }
                            self.value(n, item, path, n.span.clone(), None)
                        })
                        .collect(),
                ),
                _ => {
                    self.error(
                        span,
                        format!("`{path}` should be a list, not {}", node.describe()),
                        Some("write the items as `- item` lines, or as `[a, b]`".into()),
                    );
                    Json::Null
                }
            },
            FactType::Mapping(fields) => self.mapping(node, fields, path, key_span),
            FactType::RecordCite => self.record_cite(node, path, span),
            FactType::Authority => match scalar {
                Some(id) if self.known.authorities.contains(id.as_str()) => Json::String(id),
                Some(id) => {
                    let hint = did_you_mean(&id, self.known.authorities.iter().copied()).unwrap_or_else(|| {
                        "add it to the authority bank (authorities/*.yaml) or to the matter's `authorities:`".into()
                    });
                    self.error(
                        span,
                        format!("`{id}` is not in the authority bank or the matter's `authorities:`"),
                        Some(hint),
                    );
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be an authority id, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::OneOf(values) => match scalar {
                Some(v) if fact.systems.get(&v).is_some_and(|s| !s.iter().any(|s| s == self.known.system)) => {
                    let systems = fact.systems[&v].join(" or ");
                    self.error(
                        span,
                        format!(
                            "`{v}` ({}) is for a {systems} court, and this matter is in {}, a {} court",
                            values[&v], self.known.court, self.known.system
                        ),
                        Some(format!("remove it from `{path}`, or choose a {systems} court (`court:`)")),
                    );
                    Json::Null
                }
                Some(v) if values.contains_key(&v) => Json::String(v),
                Some(v) => {
                    let allowed: Vec<String> = values.iter().map(|(k, d)| format!("`{k}` ({d})")).collect();
                    // A misspelling, or an abbreviation of a value ("NY" for "New York").
                    let initials = |s: &str| -> String {
                        s.split([' ', '-', '_']).filter_map(|w| w.chars().next()).collect::<String>().to_uppercase()
                    };
                    let abbrev = values
                        .keys()
                        .find(|k| k.contains([' ', '-', '_']) && initials(k) == v.replace('.', "").to_uppercase());
                    let guess = abbrev
                        .map(|s| s.as_str())
                        .or_else(|| closest(&v, values.keys().map(|s| s.as_str())))
                        .map(|b| format!("did you mean `{b}`? "))
                        .unwrap_or_default();
                    self.error(
                        span,
                        format!("`{v}` is not a value `{path}` takes"),
                        Some(format!("{guess}the values are: {}", allowed.join("; "))),
                    );
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be one value, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::ClaimType => match scalar {
                Some(v) if self.known.claims.get(&v).is_some() => Json::String(v),
                Some(v) => {
                    let ids: Vec<&str> = self.known.claims.ids().collect();
                    let guess =
                        closest(&v, ids.iter().copied()).map(|b| format!("did you mean `{b}`? ")).unwrap_or_default();
                    self.error(
                        span,
                        format!("the library has no claim type `{v}`"),
                        Some(format!(
                            "{guess}the claim types are: {}; to argue another, add `claims/{v}.yaml` (copy claims/defamation.yaml)",
                            ids.join(", ")
                        )),
                    );
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be a claim type, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::ArgumentKind => match scalar {
                Some(v) if self.known.arguments.kinds.contains_key(&v) => Json::String(v),
                Some(v) => {
                    let kinds = &self.known.arguments.kinds;
                    let allowed: Vec<String> = kinds.iter().map(|(k, a)| format!("`{k}` ({})", a.means)).collect();
                    let guess = closest(&v, kinds.keys().map(|s| s.as_str()))
                        .map(|b| format!("did you mean `{b}`? "))
                        .unwrap_or_default();
                    self.error(
                        span,
                        format!("the library has no kind of argument `{v}`"),
                        Some(format!(
                            "{guess}the kinds are: {}; to list another, add it to a project file clauses/_arguments-<name>.yaml and answer it with a clause or a matter paragraph",
                            allowed.join("; ")
                        )),
                    );
                    Json::Null
                }
                None => {
                    self.error(span, format!("`{path}` should be a kind of argument, not {}", node.describe()), None);
                    Json::Null
                }
            },
            FactType::GoverningLaw => {
                let claim = siblings
                    .and_then(|es| es.iter().find(|e| e.key == "type"))
                    .and_then(|e| e.value.scalar())
                    .map(str::to_string);
                let Some(v) = scalar else {
                    self.error(span, format!("`{path}` should be a jurisdiction, not {}", node.describe()), None);
                    return Json::Null;
                };
                match claim.as_deref().and_then(|c| self.known.claims.get(c).map(|t| (c, t))) {
                    Some((_, t)) if t.laws.contains_key(&v) => Json::String(v),
                    Some((c, t)) => {
                        let laws: Vec<&str> = t.laws.keys().map(|s| s.as_str()).collect();
                        let guess = closest(&v, laws.iter().copied())
                            .or_else(|| state_name(&v).and_then(|n| laws.iter().copied().find(|l| *l == n)))
                            .map(|b| format!("did you mean `{b}`? "))
                            .unwrap_or_default();
                        self.error(
                            span,
                            format!("the library has no elements for claim type `{c}` under `{v}` law"),
                            Some(format!(
                                "{guess}claims/{c}.yaml covers: {}; to argue it under another law, add that jurisdiction's elements and authority to claims/{c}.yaml",
                                laws.join(", ")
                            )),
                        );
                        Json::Null
                    }
                    // The claim type itself is wrong or missing: reported at `type`.
                    None => Json::String(v),
                }
            }
        }
    }

    fn record_cite(&mut self, node: &Node, path: &str, span: std::ops::Range<usize>) -> Json {
        let Kind::Map(entries) = &node.kind else {
            self.error(
                span,
                format!("`{path}` should be a record citation, not {}", node.describe()),
                Some(
                    "write it as `{doc: <record id>, at: \"¶ 19\"}`, with the document declared under `record:`".into(),
                ),
            );
            return Json::Null;
        };
        let mut out = Map::new();
        for e in entries {
            match e.key.as_str() {
                "doc" => match e.value.scalar() {
                    Some(doc) if self.known.record.contains(doc) => {
                        out.insert("doc".into(), Json::String(doc.to_string()));
                    }
                    Some(doc) => {
                        let hint = match did_you_mean(doc, self.known.record.iter().copied()) {
                            Some(d) => format!("{d} (or declare `{doc}` under `record:`)"),
                            None => format!("declare it under `record:` with its `full` and `short` forms, e.g. `{doc}: {{full: \"Complaint, Dkt. 1\", short: Compl.}}`"),
                        };
                        self.error(
                            e.value.span.clone(),
                            format!("`{doc}` is not a document in the matter's `record:`"),
                            Some(hint),
                        );
                    }
                    None => self.error(e.value.span.clone(), format!("`{path}.doc` should be a record id"), None),
                },
                "at" => match e.value.scalar() {
                    Some(at) => {
                        out.insert("at".into(), Json::String(at.to_string()));
                    }
                    None => {
                        self.error(e.value.span.clone(), format!("`{path}.at` should be a locator like \"¶ 19\""), None)
                    }
                },
                other => self.error(
                    e.key_span.clone(),
                    format!("a record citation has `doc` and `at`, not `{other}`"),
                    Some(match closest(other, ["doc", "at"]) {
                        Some(b) => format!("did you mean `{b}`?"),
                        None => "write the locator as `at`, e.g. `{doc: order, at: \"at 2\"}`".into(),
                    }),
                ),
            }
        }
        // A document cited whole (a one-page minute order) has no locator: the clauses read
        // `at` as empty rather than failing on a missing key inside a built-in template.
        if !entries.iter().any(|e| e.key == "at") {
            out.insert("at".into(), Json::String(String::new()));
        }
        if !out.contains_key("doc") && !entries.iter().any(|e| e.key == "doc") {
            self.error(node.span.clone(), format!("`{path}` names no `doc`"), Some("add `doc: <record id>`".into()));
        }
        Json::Object(out)
    }
}

/// The jurisdiction id a postal abbreviation stands for ("NY" → "new-york").
fn state_name(abbrev: &str) -> Option<&'static str> {
    const STATES: [(&str, &str); 8] = [
        ("NY", "new-york"),
        ("N.Y.", "new-york"),
        ("CA", "california"),
        ("Cal.", "california"),
        ("TX", "texas"),
        ("Tex.", "texas"),
        ("WA", "washington"),
        ("Wash.", "washington"),
    ];
    STATES.iter().find(|(a, _)| a.eq_ignore_ascii_case(abbrev)).map(|(_, n)| *n)
}

/// Validates the matter's facts (the `facts` entry of `root`, the matter's positioned tree).
/// Returns the facts as the clauses see them, and warnings; or every problem found.
pub fn check(
    source: &SourceText,
    root: &Node,
    schema: &Schema,
    selection: &Selection,
    known: &Known,
) -> Result<(Json, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut c = Checker { source, schema, selection, known, problems: vec![], warnings: vec![] };
    let (node, holder) = match root.get("facts") {
        Some(e) => (e.value.clone(), e.key_span.clone()),
        None => (Node { kind: Kind::Map(vec![]), span: 0..0 }, 0..0),
    };
    let facts = if node.is_null() {
        c.mapping(&Node { kind: Kind::Map(vec![]), span: node.span.clone() }, &schema.facts, "", holder)
    } else {
        c.mapping(&node, &schema.facts, "", holder)
    };
    if c.problems.is_empty() {
        c.argued_claims(&node, &facts);
    }
    if c.problems.is_empty() {
        Ok((facts, c.warnings))
    } else {
        Err(c.problems)
    }
}

impl Checker<'_> {
    /// The clauses that walk the elements of the argued claims (those reading `evidence.missing`)
    /// need at least one argued claim, and a missing kind of proof that one of its elements calls
    /// for: otherwise their argument would have nothing to say. Each is an error at the matter's
    /// line.
    fn argued_claims(&mut self, facts_node: &Node, facts: &Json) {
        if !self.selection.readers.contains_key("evidence.missing") {
            return;
        }
        let underlying = facts_node.get("underlying");
        let claims_span = underlying
            .and_then(|u| u.value.get("claims"))
            .map(|e| e.key_span.clone())
            .or_else(|| underlying.map(|u| u.key_span.clone()))
            .unwrap_or(facts_node.span.clone());
        let argued: Vec<&Json> = facts["underlying"]["claims"]
            .as_array()
            .map(|a| a.iter().filter(|c| c["argued"].as_bool() == Some(true)).collect())
            .unwrap_or_default();
        if argued.is_empty() {
            self.error(
                claims_span,
                "no claim in `underlying.claims` is marked `argued: true`, and the brief argues the elements of the claims the motion relies on".into(),
                Some("set `argued: true` on the claims the motion relies on; the others go to the waiver footnote".into()),
            );
            return;
        }
        let mut kinds: Vec<&str> = vec![];
        for c in &argued {
            let (Some(t), Some(law)) = (c["type"].as_str(), c["law"].as_str()) else { continue };
            let Some(l) = self.known.claims.get(t).and_then(|t| t.laws.get(law)) else { continue };
            kinds.extend(l.elements.iter().flat_map(|e| e.proof.iter().map(|p| p.as_str())));
        }
        kinds.sort();
        kinds.dedup();
        let missing: Vec<&str> = facts["evidence"]["missing"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        if !kinds.is_empty() && !missing.iter().any(|m| kinds.contains(m)) {
            let span = facts_node
                .get("evidence")
                .and_then(|e| e.value.get("missing"))
                .map(|e| e.value.span.clone())
                .unwrap_or(claims_span);
            self.error(
                span,
                "`evidence.missing` names nothing the elements of the argued claims call for, so the brief would have no element to argue".into(),
                Some(format!(
                    "the argued claims' elements call for proof of: {}; list those the movant has no competent evidence of (`fact` where a statement is argued as opinion, and its claim's elements call for a statement of fact); never name an element the record leaves proved: the introduction and the evidence step argue each one named, and pleader does not yet draft a brief for a movant whose evidence reaches every element",
                    kinds.join(", ")
                )),
            );
        }
    }
}
