//! The library a build draws on: the project folder's files over the built-in ones ([`project`]),
//! the authority bank ([`bank`]), the clause files ([`clause`]) with the fact schema they share
//! ([`schema`], `clauses/_facts.yaml`), the claim types ([`claims`]) and the court
//! profiles ([`court`]). A [`Library`] is loaded once — by a build, by `clauses --lint`, by `clauses` and by
//! `authorities` — and a watch session keeps it warm until one of its files changes.

pub mod arguments;
pub mod bank;
pub mod claims;
pub mod clause;
pub mod court;
pub mod files;
pub mod project;
pub mod schema;
pub mod standards;

use std::hash::{Hash, Hasher};

use crate::diag::{Result, SourceText};
use arguments::Arguments;
use bank::Bank;
use claims::Claims;
use project::Project;
use schema::Schema;
use standards::Standards;

/// `{text, pin}`: a whole sentence about an authority its entry already names, cited to it at
/// `pin` — a standard step's `note` (the announcing decision) and a claim law's `unsettled` (the
/// law's own authority).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PinnedSentence {
    pub text: String,
    pub pin: String,
}

/// Everything a build reads besides the matter.
#[derive(Clone, Debug)]
pub struct Library {
    pub project: Project,
    /// Every entry of `authorities/*.yaml` (a matter's own authorities are added per build).
    pub bank: Bank,
    /// The claim types of `claims/*.yaml`.
    pub claims: Claims,
    /// The facts clauses may read (`clauses/_facts.yaml`).
    pub schema: Schema,
    /// The unmasking standards (`clauses/_standards.yaml`).
    pub standards: Standards,
    /// The kinds of argument a movant may make (`clauses/_arguments*.yaml`).
    pub arguments: Arguments,
    /// The kinds of proof claims' elements call for (`clauses/_proof.yaml`).
    pub proof: claims::ProofKinds,
    /// A hash of every library file, to tell when a warm copy is stale.
    pub key: u64,
}

impl Library {
    /// Loads the bank of a project; clause files and court profiles are parsed when a build
    /// selects them. The bank files are read on two threads (this one and a helper, taking the
    /// next unread file in turn, while this one first reads the claims, schema, standards and
    /// argument kinds): the YAML is most of a cold start, and no file needs another. Entries and
    /// problems are applied in file order afterwards, so the result is the same as reading one
    /// file after another.
    pub fn load(project: Project) -> Result<Library> {
        let key = hash_files(project.files.iter());
        // The built-in bank files first, then the project's: a project entry replaces a built-in
        // entry of the same id whatever file holds it (and the same-named file replaces the
        // built-in one whole). Within each group, by name.
        let (checks, mut bank_files): (Vec<_>, Vec<_>) =
            project.files_in("authorities", ".yaml").into_iter().partition(|(id, _)| id == bank::CHECKS_FILE);
        bank_files.sort_by_key(|(_, src)| !project::is_builtin(src));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let read_bank_files = || {
            let mut read = vec![];
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((_, src)) = bank_files.get(i) else { break };
                read.push((i, Bank::parse_file(src)));
            }
            read
        };
        let (mut parsed, rest) = std::thread::scope(|scope| {
            let helper = scope.spawn(read_bank_files);
            let rest = Rest::load(&project);
            let mut parsed = read_bank_files();
            parsed.extend(helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            (parsed, rest)
        });
        parsed.sort_by_key(|(i, _)| *i);
        let mut bank = Bank::default();
        let mut problems = vec![];
        for ((_, src), (_, entries)) in bank_files.iter().zip(parsed) {
            if let Err(mut d) = entries.and_then(|entries| bank.add_parsed(src, entries)) {
                problems.append(&mut d);
            }
        }
        // The project's records of checks of entries it does not hold, once every entry is in.
        for (_, src) in &checks {
            if let Err(mut d) = bank.add_checks(src) {
                problems.append(&mut d);
            }
        }
        let Rest { claims, schema, standards, arguments, proof, problems: mut rest_problems } = rest;
        problems.append(&mut rest_problems);
        // A decision marked as the movant's authority on an argument names a kind there is. Not
        // where the kinds did not load (a kind defined twice): every mark would then be reported
        // against an empty list, burying the one error that matters (the Fulton County user).
        for (id, (a, src)) in bank.entries.iter().filter(|_| !arguments.kinds.is_empty()) {
            for kind in a.adverse.iter().filter(|k| !arguments.kinds.contains_key(k.as_str())) {
                let span = crate::yaml::find_key(src, &format!("{id}.adverse")).unwrap_or(0..0);
                problems.push(
                    crate::diag::Diagnostic::error(format!(
                        "authority `{id}` is marked `adverse` on `{kind}`, which is not a kind of argument"
                    ))
                    .at(src, span)
                    .with_hint(format!(
                        "the kinds are those of clauses/_arguments.yaml and any clauses/_arguments-<name>.yaml: {}",
                        arguments.kinds.keys().map(String::as_str).collect::<Vec<_>>().join(", ")
                    )),
                );
            }
        }
        // How to distinguish a decision is said only of one marked as the movant's authority.
        for (id, (_, src)) in
            bank.entries.iter().filter(|(_, (a, _))| a.adverse_answer.is_some() && a.adverse.is_empty())
        {
            let span = crate::yaml::find_key(src, &format!("{id}.adverse_answer")).unwrap_or(0..0);
            problems.push(
                crate::diag::Diagnostic::error(format!("authority `{id}` has an `adverse_answer` and no `adverse`"))
                    .at(src, span)
                    .with_hint("name the kinds of argument it is the movant's authority on, `adverse: [third-party-doctrine]`: the section answering them prints the answer"),
            );
        }
        if problems.is_empty() {
            Ok(Library { project, bank, claims, schema, standards, arguments, proof, key })
        } else {
            Err(problems)
        }
    }

    /// The clause files by id (`introduction` → `clauses/introduction.tera`), partials included.
    pub fn clause_files(&self) -> Vec<(String, &SourceText)> {
        self.project.files_in("clauses", ".tera")
    }

    /// The court profile files by id (`nd-cal` → `courts/nd-cal.yaml`).
    pub fn court_files(&self) -> Vec<(String, &SourceText)> {
        self.project.files_in("courts", ".yaml")
    }

    /// The court profiles that load, by id, sorted (see [`court::profiles`]).
    pub fn profiles(&self) -> Vec<(String, court::Profile)> {
        court::profiles(self.court_files(), &self.standards)
    }

    /// The sample matters (`matters/*.yaml`), for `clauses --lint`.
    pub fn sample_matters(&self) -> Vec<(String, &SourceText)> {
        self.project.files_in("matters", ".yaml")
    }
}

/// The library besides the bank, with its problems in the order they are reported.
struct Rest {
    claims: Claims,
    schema: Schema,
    standards: Standards,
    arguments: Arguments,
    proof: claims::ProofKinds,
    problems: Vec<crate::diag::Diagnostic>,
}

impl Rest {
    fn load(project: &Project) -> Rest {
        let mut problems = vec![];
        // The kinds of proof: `clauses/_proof.yaml`, plus any `clauses/_proof-<name>.yaml`.
        let proof = claims::load_proof_files(&project.files_in("clauses", ".yaml")).unwrap_or_else(|mut d| {
            problems.append(&mut d);
            Default::default()
        });
        let claims = Claims::load(project.files_in("claims", ".yaml"), &proof).unwrap_or_else(|mut d| {
            problems.append(&mut d);
            Claims::default()
        });
        // The fact schema: `clauses/_facts.yaml`, plus any `clauses/_facts-<name>.yaml` a project
        // adds for its own clauses.
        let mut schema = Schema::default();
        for (id, src) in project.files_in("clauses", ".yaml") {
            if id == "_facts" || id.starts_with("_facts-") {
                match Schema::load(src, &proof) {
                    Ok(s) => schema.merge(s, &mut problems),
                    Err(mut d) => problems.append(&mut d),
                }
            }
        }
        let standards = Standards::load_all(&project.files_in("clauses", ".yaml")).unwrap_or_else(|mut d| {
            problems.append(&mut d);
            Standards::default()
        });
        // A project's own standard is a value of `motion.test` too.
        for (id, std) in standards.map.iter().filter(|(_, s)| s.like.is_some()) {
            schema.add_value("motion.test", id, &format!("{} (a standard of this project's own)", std.name));
        }
        let arguments = Arguments::load(project.files_in("clauses", ".yaml")).unwrap_or_else(|mut d| {
            problems.append(&mut d);
            Arguments::default()
        });
        Rest { claims, schema, standards, arguments, proof, problems }
    }
}

/// The kinds a library file defines by id (`clauses/<stem>.yaml`), joined by those of any
/// `clauses/<stem>-<name>.yaml` a project adds: `files` are the clause folder's YAML files by stem,
/// in name order. An id given twice is an error at its second definition (`what` names the kind:
/// "argument kind", "kind of proof").
pub(crate) fn load_kinds<T: serde::de::DeserializeOwned>(
    files: &[(String, &SourceText)],
    stem: &str,
    what: &str,
) -> Result<indexmap::IndexMap<String, T>> {
    Ok(load_kinds_from(files, stem, what)?.into_iter().map(|(k, (v, _))| (k, v)).collect())
}

/// Kinds by id, each with the file that defines it (its id, `_standards-dc`, and source).
pub(crate) type KindsFrom<'f, T> = indexmap::IndexMap<String, (T, (String, &'f SourceText))>;

/// [`load_kinds`], each kind with the file that defines it, for checks that say where a kind is
/// wrong.
pub(crate) fn load_kinds_from<'f, T: serde::de::DeserializeOwned>(
    files: &[(String, &'f SourceText)],
    stem: &str,
    what: &str,
) -> Result<KindsFrom<'f, T>> {
    let mut out = indexmap::IndexMap::new();
    let mut problems = vec![];
    let prefix = format!("{stem}-");
    let main = files.iter().filter(|(id, _)| id == stem);
    let added = files.iter().filter(|(id, _)| id.starts_with(&prefix));
    for (file, src) in main.chain(added) {
        match crate::yaml::from_str::<indexmap::IndexMap<String, T>>(src) {
            Ok(map) => {
                for (k, v) in map {
                    if out.contains_key(&k) {
                        let span = crate::yaml::find_key(src, &k).unwrap_or(0..0);
                        problems.push(
                            crate::diag::Diagnostic::error(format!("{what} `{k}` is defined twice"))
                                .at(src, span)
                                .with_hint("give the project's kind another id"),
                        );
                        continue;
                    }
                    out.insert(k, (v, (file.clone(), *src)));
                }
            }
            Err(mut d) => problems.append(&mut d),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A hash of named sources (path, display name and text).
pub fn hash_files<'a>(files: impl IntoIterator<Item = (&'a String, &'a SourceText)>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (id, src) in files {
        id.hash(&mut h);
        src.name.hash(&mut h);
        src.text.hash(&mut h);
    }
    h.finish()
}
