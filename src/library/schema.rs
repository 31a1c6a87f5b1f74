//! The fact schema: what a matter's `facts:` may hold. Every fact has a path (`motion.test`), a
//! type, whether it is required, an optional default, a one-line description and an example. The
//! facts are defined once, in the library's `clauses/_facts.yaml`; each clause header lists the
//! paths it reads (`facts: [platform, motion.test]`), and a matter's facts are validated against
//! the union of what the clauses its outline selects read. Types:
//!
//! | type | a valid value |
//! |---|---|
//! | `text` | any single value, printed as written |
//! | `number` | a whole number (9, not "nine") |
//! | `date` | `YYYY-MM-DD` |
//! | `boolean` | `true` or `false` |
//! | `list` | a list whose `items` have the given type |
//! | `mapping` | the given `fields`, nothing else |
//! | `record-cite` | `{doc: <record id>, at: <locator>}` citing a document in the matter's `record:` |
//! | `authority` | the id of an authority in the bank or the matter's `authorities:` |
//! | `one-of` | one of the named `values` (each with a description) |
//! | `claim-type` | the id of a claim type in `claims/` |
//! | `governing-law` | a jurisdiction the sibling `type`'s claim file covers |
//! | `argument-kind` | the id of a kind of argument in `clauses/_arguments*.yaml` |

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{closest, Diagnostic, Result, SourceText};
use crate::yaml;

/// A fact's type.
#[derive(Clone, Debug, PartialEq)]
pub enum FactType {
    Text,
    Number,
    Date,
    Boolean,
    List(Box<Fact>),
    Mapping(IndexMap<String, Fact>),
    RecordCite,
    Authority,
    OneOf(IndexMap<String, String>),
    ClaimType,
    GoverningLaw,
    ArgumentKind,
}

impl FactType {
    /// The type's name as written in the schema (`one-of`, `record-cite`, …).
    pub fn name(&self) -> &'static str {
        match self {
            FactType::Text => "text",
            FactType::Number => "number",
            FactType::Date => "date",
            FactType::Boolean => "boolean",
            FactType::List(_) => "list",
            FactType::Mapping(_) => "mapping",
            FactType::RecordCite => "record-cite",
            FactType::Authority => "authority",
            FactType::OneOf(_) => "one-of",
            FactType::ClaimType => "claim-type",
            FactType::GoverningLaw => "governing-law",
            FactType::ArgumentKind => "argument-kind",
        }
    }
}

/// One fact of the schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub ty: FactType,
    pub required: bool,
    /// The value used when the matter leaves the fact out (only for facts that are not required).
    pub default: Option<serde_yaml::Value>,
    pub description: String,
    pub example: Option<serde_yaml::Value>,
    /// For a `one-of` fact, the values that only some court systems hear, with those systems
    /// (`place_of_compliance: [federal]`): another court's matter choosing one is an error.
    pub systems: IndexMap<String, Vec<String>>,
    /// For a `number` fact, the smallest value the brief can argue from (`min: 1` for a count).
    pub min: Option<u64>,
    /// For an `authority` fact whose example names no bank entry: the entry a new matter's
    /// `authorities:` gets for it, so that the example matter builds.
    pub example_entry: Option<serde_yaml::Value>,
}

/// A `one-of` value as written: its meaning, or its meaning and the court systems where it
/// applies (`{means: "…", systems: [federal]}`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawValue {
    Means(String),
    #[serde(rename_all = "snake_case")]
    Limited {
        means: String,
        systems: Vec<String>,
    },
}

/// The schema file as written: types by name, checked and converted into [`Fact`]s.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFact {
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    default: Option<serde_yaml::Value>,
    description: String,
    #[serde(default)]
    example: Option<serde_yaml::Value>,
    /// `list`: the type of each item.
    #[serde(default)]
    items: Option<Box<RawFact>>,
    /// `mapping`: its fields.
    #[serde(default)]
    fields: Option<IndexMap<String, RawFact>>,
    /// `one-of`: each allowed value with what it means.
    #[serde(default)]
    values: Option<IndexMap<String, RawValue>>,
    /// `number`: the smallest value allowed.
    #[serde(default)]
    min: Option<u64>,
    /// `authority`: the matter-authority entry the example id names.
    #[serde(default)]
    example_entry: Option<serde_yaml::Value>,
}

/// The library's facts, by top-level key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    pub facts: IndexMap<String, Fact>,
    /// The schema file, for diagnostics about the schema itself.
    pub source: Option<SourceText>,
}

const TYPES: [&str; 13] = [
    "text",
    "number",
    "date",
    "boolean",
    "list",
    "mapping",
    "record-cite",
    "authority",
    "one-of",
    "claim-type",
    "governing-law",
    "argument-kind",
    "proof-kind",
];

/// `proof`: the kinds of proof (`clauses/_proof.yaml`), the values of a `proof-kind` fact.
fn convert(
    mut raw: RawFact,
    path: &str,
    source: &SourceText,
    proof: &crate::library::claims::ProofKinds,
    problems: &mut Vec<Diagnostic>,
) -> Fact {
    let mut systems = IndexMap::new();
    let at = |d: Diagnostic| {
        let span = yaml::find_key(source, path).unwrap_or(0..0);
        d.at(source, span)
    };
    let ty = match raw.ty.as_str() {
        "text" => FactType::Text,
        "number" => FactType::Number,
        "date" => FactType::Date,
        "boolean" => FactType::Boolean,
        "record-cite" => FactType::RecordCite,
        "authority" => FactType::Authority,
        "claim-type" => FactType::ClaimType,
        "governing-law" => FactType::GoverningLaw,
        "argument-kind" => FactType::ArgumentKind,
        // One kind of proof: its values are `clauses/_proof.yaml`'s, each with its `means`, so the
        // kinds have one home.
        "proof-kind" => FactType::OneOf(
            proof
                .iter()
                .map(|(k, p)| (k.clone(), if p.means.is_empty() { p.name.clone() } else { p.means.clone() }))
                .collect(),
        ),
        "list" => match raw.items {
            Some(items) => FactType::List(Box::new(convert(*items, &format!("{path}.items"), source, proof, problems))),
            None => {
                problems
                    .push(at(Diagnostic::error(format!("fact `{path}` is a list but says nothing about its `items`"))));
                FactType::List(Box::new(Fact {
                    ty: FactType::Text,
                    required: false,
                    default: None,
                    description: String::new(),
                    example: None,
                    systems: IndexMap::new(),
                    min: None,
                    example_entry: None,
                }))
            }
        },
        "mapping" => {
            let fields = raw.fields.unwrap_or_default();
            FactType::Mapping(
                fields
                    .into_iter()
                    .map(|(k, f)| {
                        let p = format!("{path}.fields.{k}");
                        let fact = convert(f, &p, source, proof, problems);
                        (k, fact)
                    })
                    .collect(),
            )
        }
        "one-of" => match raw.values.take() {
            Some(v) if !v.is_empty() => {
                let mut means = IndexMap::new();
                for (k, v) in v {
                    match v {
                        RawValue::Means(m) => {
                            means.insert(k, m);
                        }
                        RawValue::Limited { means: m, systems: sys } => {
                            for s in sys.iter().filter(|s| !["federal", "state"].contains(&s.as_str())) {
                                problems.push(at(Diagnostic::error(format!(
                                    "value `{k}` of fact `{path}` names the court system `{s}`; the systems are federal and state"
                                ))));
                            }
                            systems.insert(k.clone(), sys);
                            means.insert(k, m);
                        }
                    }
                }
                FactType::OneOf(means)
            }
            _ => {
                problems.push(at(Diagnostic::error(format!("fact `{path}` is one-of but lists no `values`"))));
                FactType::OneOf(IndexMap::new())
            }
        },
        other => {
            let hint = match closest(other, TYPES) {
                Some(best) => format!("did you mean `{best}`? the types are: {}", TYPES.join(", ")),
                None => format!("the types are: {}", TYPES.join(", ")),
            };
            problems
                .push(at(Diagnostic::error(format!("fact `{path}` has an unknown type `{other}`")).with_hint(hint)));
            FactType::Text
        }
    };
    if raw.required && raw.default.is_some() {
        problems.push(at(Diagnostic::error(format!(
            "fact `{path}` is required and also has a default; a default is for facts a matter may leave out"
        ))));
    }
    Fact {
        ty,
        required: raw.required,
        default: raw.default,
        description: raw.description,
        example: raw.example,
        systems,
        min: raw.min,
        example_entry: raw.example_entry,
    }
}

impl Schema {
    /// Reads the schema file (`clauses/_facts.yaml`); `proof` gives the values of `proof-kind`
    /// facts.
    pub fn load(source: &SourceText, proof: &crate::library::claims::ProofKinds) -> Result<Schema> {
        let raw: IndexMap<String, RawFact> = yaml::from_str(source)?;
        let mut problems = vec![];
        let facts = raw.into_iter().map(|(k, f)| (k.clone(), convert(f, &k, source, proof, &mut problems))).collect();
        if problems.is_empty() {
            Ok(Schema { facts, source: Some(source.clone()) })
        } else {
            Err(problems)
        }
    }

    /// Adds another schema file's facts; a fact defined in both is an error at the second.
    pub fn merge(&mut self, other: Schema, problems: &mut Vec<Diagnostic>) {
        for (k, f) in other.facts {
            if self.facts.contains_key(&k) {
                let src = other.source.clone().unwrap_or_else(|| SourceText::new("clauses/_facts.yaml", ""));
                let span = yaml::find_key(&src, &k).unwrap_or(0..0);
                let first = self.source.as_ref().map_or("another schema file".to_string(), |s| s.name.clone());
                problems.push(
                    Diagnostic::error(format!("fact `{k}` is already defined in {first}"))
                        .at(&src, span)
                        .with_hint("define each fact once; rename this one"),
                );
                continue;
            }
            self.facts.insert(k, f);
        }
        if self.source.is_none() {
            self.source = other.source;
        }
    }

    /// Adds a value to a `one-of` fact (a project's own standard to `motion.test`), with what it
    /// means; a path that is not a `one-of` is left alone.
    pub fn add_value(&mut self, path: &str, value: &str, means: &str) {
        let mut parts = path.split('.');
        let Some(mut cur) = parts.next().and_then(|p| self.facts.get_mut(p)) else { return };
        for part in parts {
            let next = match &mut cur.ty {
                FactType::Mapping(fields) => fields.get_mut(part),
                _ => None,
            };
            let Some(next) = next else { return };
            cur = next;
        }
        if let FactType::OneOf(values) = &mut cur.ty {
            values.entry(value.to_string()).or_insert_with(|| means.to_string());
        }
    }

    /// The fact at a dotted path (`motion.test`; list items are walked through: `claims.name`).
    pub fn get(&self, path: &str) -> Option<&Fact> {
        let mut parts = path.split('.');
        let mut cur = self.facts.get(parts.next()?)?;
        for part in parts {
            cur = match &cur.ty {
                FactType::Mapping(fields) => fields.get(part)?,
                FactType::List(item) => match &item.ty {
                    FactType::Mapping(fields) => fields.get(part)?,
                    _ => return None,
                },
                _ => return None,
            };
        }
        Some(cur)
    }

    /// Every path of the schema, depth first (`motion`, `motion.test`, …).
    pub fn paths(&self) -> Vec<String> {
        fn walk(prefix: &str, fact: &Fact, out: &mut Vec<String>) {
            out.push(prefix.to_string());
            let fields = match &fact.ty {
                FactType::Mapping(f) => Some(f),
                FactType::List(item) => match &item.ty {
                    FactType::Mapping(f) => Some(f),
                    _ => None,
                },
                _ => None,
            };
            for (k, f) in fields.into_iter().flatten() {
                walk(&format!("{prefix}.{k}"), f, out);
            }
        }
        let mut out = vec![];
        for (k, f) in &self.facts {
            walk(k, f, &mut out);
        }
        out
    }
}

/// A clause's declaration of a fact it reads: the path, and optionally an option of the clause
/// that makes the fact required while it is on (`{path: privacy_policy, when: privacy_policy}`);
/// without `when`, the schema's `required` decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Reads {
    pub path: String,
    pub when: Option<String>,
}

impl<'de> Deserialize<'de> for Reads {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Path(String),
            Full {
                path: String,
                #[serde(default)]
                when: Option<String>,
            },
        }
        Ok(match Form::deserialize(d)? {
            Form::Path(path) => Reads { path, when: None },
            Form::Full { path, when } => Reads { path, when },
        })
    }
}

/// The facts the selected clauses read, as a tree of declared paths with whether each is
/// required here (a path is required when some clause reads it and the schema requires it, and
/// its `when` option, if any, is on).
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Declared path → required in this matter.
    pub paths: BTreeMap<String, bool>,
    /// Declared path → the clauses that read it (for messages).
    pub readers: BTreeMap<String, Vec<String>>,
    /// Paths read only while an option is on, and it is off here: path → (clause, option).
    pub gated: BTreeMap<String, (String, String)>,
    /// Facts a clause of the outline `needs:` (its header), which the outline therefore requires
    /// though the schema does not.
    pub needed: std::collections::BTreeSet<String>,
}

impl Selection {
    /// Records that `clause` reads `path`, required or not in this outline.
    pub fn add(&mut self, path: &str, required: bool, clause: &str) {
        let e = self.paths.entry(path.to_string()).or_insert(false);
        *e |= required;
        self.readers.entry(path.to_string()).or_default().push(clause.to_string());
    }

    /// Records that a section answering kinds of argument (`answers:` in its header) reads the
    /// arguments the motion makes: the build pairs each with its answer, though a paragraph of the
    /// matter's own declares no facts.
    pub fn add_answers(&mut self, answers: &[String], clause: &str) {
        if !answers.is_empty() {
            self.add("motion.arguments", false, clause);
        }
    }

    /// Records that `clause` reads `path` only while its option `option` is on, and it is off.
    pub fn add_gated(&mut self, path: &str, clause: &str, option: &str) {
        self.gated.entry(path.to_string()).or_insert((clause.to_string(), option.to_string()));
    }

    /// Whether a declared path is `path` itself or one of its ancestors: the clause reads the
    /// subtree that holds `path`.
    pub fn covers(&self, path: &str) -> bool {
        self.paths.keys().any(|p| p == path || path.starts_with(&format!("{p}.")))
    }

    /// Whether the matter must give `path`: a required declared path lies at or below it, or the
    /// schema requires it inside a subtree a clause reads.
    pub fn must_give(&self, path: &str, schema_required: bool) -> bool {
        self.requires(path) || (schema_required && self.covers(path))
    }

    /// Whether `path` (a fact path of the matter, list indices dropped) lies in or above a
    /// declared path: declaring `motion` allows `motion.test`; declaring `motion.test` allows
    /// `motion` (as the mapping that holds it).
    pub fn allows(&self, path: &str) -> bool {
        self.paths.keys().any(|p| p == path || path.starts_with(&format!("{p}.")) || p.starts_with(&format!("{path}.")))
    }

    /// Whether `path` itself is required: some required declared path lies at or below it.
    pub fn requires(&self, path: &str) -> bool {
        self.paths.iter().any(|(p, req)| *req && (p == path || p.starts_with(&format!("{path}."))))
    }
}
