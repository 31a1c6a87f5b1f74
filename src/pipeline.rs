//! The pipeline, one way: load the matter and the library → validate → draft clauses → resolve
//! citations → assemble Typst → typeset → export the PDF bytes (writing them is the caller's call
//! to [`crate::export::write_atomic`]). A [`Session`] keeps the
//! typesetter (and with it Typst's memoized layout), the loaded library and the compiled clause
//! templates between builds, so that a rebuild after a one-fact edit re-lays out only what
//! changed. Nothing here writes files.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::assemble::front::FrontData;
use crate::assemble::{self, ClauseFile};
use crate::cite::{CiteError, CiteUse, PrintedGroup, Resolver};
use crate::diag::{Diagnostic, Result, SourceText};
use crate::draft::{self, ClauseTemplates, DraftedClause};
use crate::library::bank::Bank;
use crate::library::clause::Clause;
use crate::library::court::Profile;
use crate::library::project::{self, Project};
use crate::library::{hash_files, Library};
use crate::matter::{validate, Matter};
use crate::typeset::{self, layout, Facts, GeneratedFile, PagedDocument, Typesetter};

/// How long each stage took, in the pipeline's order (for `cargo bench --bench build`).
#[derive(Clone, Debug, Default)]
pub struct Timings {
    /// Reading and parsing the matter and the library (the project's files, the bank, the
    /// profiles, the clause templates), from the start of the build.
    pub load: Duration,
    /// Checking the matter against the library and choosing the court profile.
    pub validate: Duration,
    /// Rendering the clause templates.
    pub draft: Duration,
    /// Resolving citations into their full, short and *Id.* forms.
    pub cite: Duration,
    /// Writing the Typst sources and the table entries.
    pub assemble: Duration,
    /// Typst's compilation(s) and reading the layout facts back.
    pub typeset: Duration,
    /// Turning the typeset document into PDF bytes (zero for `check`).
    pub export: Duration,
    /// Number of Typst compilations: 1, or up to 3 when a certificate of compliance states a word
    /// count that the previous guess got wrong (Typst runs its own layout passes inside each).
    pub compiles: usize,
    /// The layout iterations Typst ran in all the compilations until its introspections (page
    /// numbers, the tables' lookups) stabilised, each with its duration; timed only when the
    /// session traces them ([`Session::trace_layout`]), else `None`.
    pub layout_iterations: Option<Vec<Duration>>,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.load + self.validate + self.draft + self.cite + self.assemble + self.typeset + self.export
    }
}

/// Everything the inputs were turned into.
pub struct Built {
    pub matter: Matter,
    pub profile: Profile,
    /// The bank with the matter's own authorities added.
    pub bank: Bank,
    pub drafted: Vec<DraftedClause>,
    pub clauses: Vec<ClauseFile>,
    pub uses: Vec<CiteUse>,
    /// Every citation group as printed, in plain text (for the cite-check sheet).
    pub printed: Vec<PrintedGroup>,
    pub doc: PagedDocument,
    pub facts: Facts,
    pub front: FrontData,
    pub files: Vec<GeneratedFile>,
    pub pdf: Option<Vec<u8>>,
    /// The proposed order the profile asks for (`proposed_order`), typeset as a document of its
    /// own, and its PDF when one was exported.
    pub order: Option<PagedDocument>,
    pub order_pdf: Option<Vec<u8>>,
    pub warnings: Vec<Diagnostic>,
    pub timings: Timings,
    /// The library the brief was drafted from (standards, claims, argument kinds), for `check`.
    pub library: Arc<Library>,
    /// The matter's facts as validated (defaults filled in), for `check`.
    pub matter_facts: serde_json::Value,
}

/// The matter and the library loaded and checked, ready to draft.
pub struct Loaded {
    pub matter: Matter,
    pub matter_src: SourceText,
    pub library: Arc<Library>,
    pub profile: Profile,
    /// The library's bank with the matter's own authorities added.
    pub bank: Bank,
    pub templates: Arc<ClauseTemplates>,
}

/// Options of one build.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// Export the PDF (false for `pleader check`).
    pub pdf: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { pdf: true }
    }
}

/// What a session keeps between builds so that a rebuild does not re-parse what did not change:
/// the library and the compiled clause templates, keyed by a hash of their sources.
#[derive(Default)]
pub struct LoadCache {
    library: Option<Arc<Library>>,
    templates: Option<(u64, Arc<ClauseTemplates>)>,
}

/// Files on disk a build read, by real path, each with a hash of its content (`None`: unreadable).
type Dependencies = Vec<(PathBuf, Option<u64>)>;

/// A long-lived build state (one per process; watch mode keeps it between rebuilds).
pub struct Session {
    typesetter: Typesetter,
    cache: LoadCache,
    /// The word count of the last build (the first guess for a certificate of compliance).
    last_words: usize,
    /// Whether builds count Typst's layout iterations ([`Session::trace_layout`]).
    trace_layout: bool,
    /// The files the last [`Session::build_path`] read, with a hash of what it read.
    dependencies: Vec<(PathBuf, Option<u64>)>,
    /// `--project DIR`, when given.
    project: Option<PathBuf>,
    /// The project folder the last build used (`Some(None)`: the built-in library alone), with
    /// the project files that replace a built-in file whole ([`crate::library::project::Project::replaced_builtins`]).
    used_project: Option<(Option<PathBuf>, Vec<String>)>,
    /// Today's date, when the caller gives it ([`Session::with_today`]): a brief dated well after it
    /// is a warning. Never read by drafting or typesetting.
    today: Option<chrono::NaiveDate>,
    /// The project the last [`Session::build_path`] read, for the matter path it was found from,
    /// with the dependencies it added (each library file's real path and content hash).
    last_project: Option<(PathBuf, Project, Dependencies)>,
    /// Set by [`Session::library_unchanged`]: the next build reuses `last_project`.
    reuse_project: bool,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

pub fn read_matter(matter_path: &Path) -> Result<SourceText> {
    project::read_text(matter_path).map_err(|d| {
        d.into_iter()
            .map(|d| {
                if d.kind == crate::diag::Kind::Io {
                    d.with_hint(
                        "give the path of a matter YAML file, e.g. `pleader build matters/leifer-v-twitter.yaml`",
                    )
                } else {
                    d
                }
            })
            .collect()
    })
}

/// Loads a matter held in memory against a project (no cache).
pub fn load(matter_src: SourceText, project: Project) -> Result<Loaded> {
    load_cached(matter_src, project, &mut LoadCache::default())
}

/// [`load`], reusing the library and the clause templates from `cache` when their sources are
/// unchanged. A library that must be parsed (the bank, claims, schema, standards) is parsed on a
/// second thread while this one reads the matter and compiles the clause templates: neither needs
/// the other, and the problems are reported in the same order either way.
pub fn load_cached(matter_src: SourceText, project: Project, cache: &mut LoadCache) -> Result<Loaded> {
    // The project's files are hashed only to compare with a library this session kept: a cold
    // load hashes them once, on the parsing thread (`Library::load`).
    let warm = cache.library.as_ref().filter(|l| l.key == hash_files(project.files.iter())).cloned();
    std::thread::scope(|scope| {
        let parsing = match warm {
            Some(library) => Ok(library),
            None => {
                let project = project.clone();
                Err(scope.spawn(move || Library::load(project)))
            }
        };
        let matter = Matter::load(&matter_src)?;
        let profile = validate::court_profile(&matter, &matter_src, &project)?;
        let mut problems = vec![];
        // The matter's own paragraphs, drafted as clauses of their own.
        let own = match paragraph_clauses(&matter, &matter_src, &project) {
            Ok(own) => own,
            Err(mut d) => {
                problems.append(&mut d);
                vec![]
            }
        };
        let mut selected: Vec<String> = matter.outline().iter().map(|(_, i)| i.clause.clone()).collect();
        selected.sort();
        selected.dedup();
        let clause_files = project.files_in("clauses", ".tera");
        let templates_key = {
            use std::hash::{Hash, Hasher};
            // The templates are compiled from the clause files and the matter's paragraphs alone.
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for (id, src) in &clause_files {
                id.hash(&mut h);
                src.text.hash(&mut h);
            }
            selected.hash(&mut h);
            for (id, src) in &own {
                id.hash(&mut h);
                src.text.hash(&mut h);
            }
            h.finish()
        };
        let templates = match &cache.templates {
            Some((k, t)) if *k == templates_key => Some(t.clone()),
            _ => {
                let only: std::collections::HashSet<String> = selected.into_iter().collect();
                let mut files = clause_files;
                files.extend(own.iter().map(|(id, src)| (id.clone(), src)));
                match ClauseTemplates::new(files, Some(&only)) {
                    Ok(t) => {
                        let t = Arc::new(t);
                        cache.templates = Some((templates_key, t.clone()));
                        Some(t)
                    }
                    Err(mut d) => {
                        problems.append(&mut d);
                        None
                    }
                }
            }
        };
        // What each clause declares is needed by validation; work it out while the library's
        // YAML is still being read (a no-op for templates a session kept).
        if let Some(t) = &templates {
            t.all_declared();
        }
        let parsed = parsing.map_err(|job| job.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        let library = match parsed {
            Ok(l) => l,
            Err(Ok(l)) => {
                let l = Arc::new(l);
                cache.library = Some(l.clone());
                l
            }
            Err(Err(mut d)) => {
                // The library's problems first, then the clause files' (against an empty bank).
                d.append(&mut problems);
                problems = d;
                let key = hash_files(project.files.iter());
                Arc::new(Library {
                    project,
                    bank: Bank::default(),
                    claims: Default::default(),
                    schema: Default::default(),
                    standards: Default::default(),
                    arguments: Default::default(),
                    proof: Default::default(),
                    key,
                })
            }
        };
        let mut bank = library.bank.clone();
        for (id, auth) in &matter.authorities {
            // The matter's own entries are held to the bank's rules, at the matter's line.
            if let Err(msg) = auth.check() {
                let span = crate::yaml::find_key(&matter_src, &format!("authorities.{id}")).unwrap_or(0..0);
                problems.push(Diagnostic::error(format!("authority `{id}`: {msg}")).at(&matter_src, span));
                continue;
            }
            bank.entries.insert(id.clone(), (auth.clone(), matter_src.clone()));
        }
        for (id, why) in &matter.set_aside {
            let span = crate::yaml::find_key(&matter_src, &format!("set_aside.{id}")).unwrap_or(0..0);
            if bank.get(id).is_none() {
                let hint = crate::diag::did_you_mean(id, bank.ids())
                    .unwrap_or_else(|| "`pleader authorities` lists the bank's ids".into());
                problems.push(
                    Diagnostic::error(format!("`set_aside` names `{id}`, which is not in the authority bank"))
                        .at(&matter_src, span)
                        .with_hint(hint),
                );
            } else if why.trim().is_empty() {
                problems.push(
                    Diagnostic::error(format!("`set_aside.{id}` gives no reason"))
                        .at(&matter_src, span)
                        .with_hint("say why the brief leaves it out, for whoever reads the matter next"),
                );
            }
        }
        match templates {
            Some(templates) if problems.is_empty() => {
                Ok(Loaded { matter, matter_src, library, profile, bank, templates })
            }
            _ => Err(problems),
        }
    })
}

/// Maps a citation error in a drafted clause back to the clause file.
fn cite_diagnostic(e: &CiteError, drafted: &str, clause: &Clause) -> Diagnostic {
    let snippet = drafted.get(e.offset..e.offset + e.len).unwrap_or("");
    let src = &clause.source;
    let body_start = src.offset(clause.body_line, 1);
    let mut d = Diagnostic::error(e.message.clone());
    d = match src.text[body_start..].find(snippet).filter(|_| !snippet.is_empty()) {
        Some(pos) => d.at(src, body_start + pos..body_start + pos + snippet.len()),
        None => d.in_file(src),
    };
    match &e.hint {
        Some(h) => d.with_hint(h.clone()),
        None => d,
    }
}

/// The matter's own paragraphs (`{paragraph: id, heading, text | file, answers}` in `brief:`) as
/// clause files: a header with the heading (literal but for `_…_` emphasis) and the kinds of argument it
/// answers, and a body that is the text made safe by [`crate::escape::prose_with_citations`], or
/// the Tera body of the file named (read from beside the matter, inside the project).
fn paragraph_clauses(matter: &Matter, matter_src: &SourceText, project: &Project) -> Result<Vec<(String, SourceText)>> {
    let mut out = vec![];
    let mut problems = vec![];
    let library_ids: std::collections::BTreeSet<String> =
        project.files_in("clauses", ".tera").into_iter().map(|(id, _)| id).collect();
    let outline = matter.outline();
    // The ids a paragraph's `[Part <id>]` may name: the sections of this brief.
    let ids: std::collections::BTreeSet<&str> = outline.iter().map(|(_, i)| i.clause.as_str()).collect();
    for (n, (_, item)) in outline.iter().enumerate() {
        let Some(p) = &item.paragraph else { continue };
        let at = validate::find_outline_id(matter_src, &item.clause, 0);
        if library_ids.contains(&item.clause) || item.clause.starts_with('_') {
            problems.push(
                Diagnostic::error(format!("paragraph id `{}` is the id of a library clause", item.clause))
                    .at(matter_src, at)
                    .with_hint("give your paragraph an id of its own, e.g. `my-answer`"),
            );
            continue;
        }
        let body = match (&p.text, &p.file) {
            (Some(text), _) => {
                // A cross-reference names a section of this brief.
                let unknown: Vec<String> =
                    crate::escape::part_refs(text).into_iter().filter(|id| !ids.contains(id.as_str())).collect();
                if !unknown.is_empty() {
                    problems.push(
                        Diagnostic::error(format!(
                            "paragraph `{}` refers to {}, which {} not a section of this brief",
                            item.clause,
                            unknown.iter().map(|u| format!("`[Part {u}]`")).collect::<Vec<_>>().join(", "),
                            if unknown.len() == 1 { "is" } else { "are" }
                        ))
                        .at(matter_src, at.clone())
                        .with_hint(format!(
                            "`[Part <id>]` prints the number of the section with that id in `brief:` (\"Part IV.B\"); the ids are: {}",
                            ids.iter().copied().collect::<Vec<_>>().join(", ")
                        )),
                    );
                    continue;
                }
                // A bracket that opens like a citation but names no authority would print as
                // written ("[see id.]"): an error at the paragraph, not a literal in the brief.
                let unlinked = crate::escape::unlinked_citations(text);
                if !unlinked.is_empty() {
                    problems.push(
                        Diagnostic::error(format!(
                            "paragraph `{}` has {} that {} like a citation but {} no authority: {}",
                            item.clause,
                            if unlinked.len() == 1 { "a bracket" } else { "brackets" },
                            if unlinked.len() == 1 { "reads" } else { "read" },
                            if unlinked.len() == 1 { "names" } else { "name" },
                            unlinked.iter().map(|u| format!("`{u}`")).collect::<Vec<_>>().join(", ")
                        ))
                        .at(matter_src, at.clone())
                        .with_hint(
                            "cite an authority by its id, `[see @highfields at 975]`; pleader writes Id. and the short forms itself",
                        ),
                    );
                    continue;
                }
                crate::escape::prose_with_citations(text)
            }
            (None, Some(file)) => match read_paragraph_file(matter_src, project, file) {
                Ok(text) => text,
                Err(d) => {
                    problems.push((*d).at(matter_src, at.clone()));
                    continue;
                }
            },
            (None, None) => continue,
        };
        let quote = |t: &str| serde_json::to_string(t).unwrap_or_default();
        let header = format!(
            "---\nheading: {}\nsummary: {}\nanswers: {}\n---\n",
            quote(&crate::escape::with_emphasis(&p.heading)),
            quote(&format!("A paragraph of the matter's own (outline entry {}).", n + 1)),
            serde_json::to_string(&p.answers).unwrap_or_default(),
        );
        let name = format!("{} (paragraph `{}`)", matter_src.name, item.clause);
        out.push((item.clause.clone(), SourceText::new(name, format!("{header}{body}\n"))));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The text of a paragraph's `file:`, a path relative to the matter's folder that must lie inside
/// the project folder (or, with no project, the matter's folder).
fn read_paragraph_file(
    matter_src: &SourceText,
    project: &Project,
    file: &str,
) -> std::result::Result<String, Box<Diagnostic>> {
    let dir = Path::new(matter_src.name.as_str()).parent().unwrap_or(Path::new("."));
    let path = dir.join(file);
    let real = std::fs::canonicalize(&path).map_err(|e| {
        Box::new(Diagnostic::error(format!("cannot read the paragraph file `{}`: {e}", path.display())))
    })?;
    let fence = match &project.root {
        Some(root) => std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()),
        None => std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()),
    };
    if !real.starts_with(&fence) {
        return Err(Box::new(Diagnostic::error(format!(
            "the paragraph file `{}` is outside `{}`: pleader reads only files inside the project",
            path.display(),
            fence.display()
        ))));
    }
    std::fs::read_to_string(&real)
        .map_err(|e| Box::new(Diagnostic::error(format!("cannot read the paragraph file `{}`: {e}", path.display()))))
}

/// Stage 2 on a loaded matter: validation, then citations of ids in neither the bank nor the
/// record, found in the clause templates before anything is drafted.
fn validate_loaded(
    matter: &Matter,
    matter_src: &SourceText,
    library: &Library,
    profile: &Profile,
    bank: &Bank,
    templates: &ClauseTemplates,
) -> Result<validate::Validated> {
    let validated = validate::validate(
        matter,
        matter_src,
        &validate::Library {
            profile,
            clauses: &templates.clauses,
            declared: templates.all_declared(),
            available: &templates.available,
            bank,
            schema: &library.schema,
            claims: &library.claims,
            arguments: &library.arguments,
            proof: &library.proof,
        },
    )?;
    let known = |id: &str| bank.get(id).is_some() || matter.record.contains_key(id);
    let candidates: Vec<&str> = bank.ids().chain(matter.record.keys().map(|s| s.as_str())).collect();
    let unknown: Vec<Diagnostic> = templates
        .clauses
        .values()
        .flat_map(|clause| crate::cite::unknown_citations(clause, known, &candidates))
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    Ok(validated)
}

/// A clause that refuses what a matter says (`throw`) names the matter's value in backticks
/// (`` `prior_judgment.speaker_party: true` ``): the error is the user's, so it is reported at
/// that line of the matter, with the clause's place kept as a note. Other drafting errors stay
/// where they are.
fn at_matter_line(ds: crate::diag::Diagnostics, matter_src: &SourceText) -> crate::diag::Diagnostics {
    ds.into_iter()
        .map(|d| {
            let found = crate::yaml::backticked(&d.message).into_iter().find_map(|tick| {
                let path = tick.split(':').next().unwrap_or("").trim();
                let plain = !path.is_empty() && path.chars().all(|c| c.is_ascii_alphanumeric() || "._[]".contains(c));
                if !plain || !path.contains(['.', '_']) {
                    return None;
                }
                crate::yaml::find_key(matter_src, &format!("facts.{path}"))
                    .or_else(|| crate::yaml::find_key(matter_src, path))
            });
            match found {
                Some(span) => {
                    let from = match (&d.source, &d.span) {
                        (Some(src), Some(sp)) => format!("raised by {}:{}", src.name, src.line_col(sp.start).0),
                        (Some(src), None) => format!("raised by {}", src.name),
                        _ => String::new(),
                    };
                    let mut moved =
                        crate::diag::Diagnostic { source: None, span: None, label: None, ..d }.at(matter_src, span);
                    if !from.is_empty() {
                        moved.notes.push(from);
                    }
                    moved
                }
                None => d,
            }
        })
        .collect()
}

/// The citations a brief prints: each authority citation, and each citation group as printed.
type Cited = (Vec<CiteUse>, Vec<PrintedGroup>);

/// Stages 3 and 4: drafts every clause of the outline and resolves its citations.
fn draft_and_cite(
    matter: &Matter,
    profile: &Profile,
    bank: &Bank,
    library: &Library,
    templates: &ClauseTemplates,
    facts: serde_json::Value,
    timings: &mut Timings,
) -> Result<(Vec<DraftedClause>, Vec<ClauseFile>, Cited)> {
    let t = Instant::now();
    // The authorities the matter sets aside are not the library's to choose from; a clause that
    // cites one by name is reported below, once its citations are resolved.
    let kept;
    let drafting_bank = if matter.set_aside.is_empty() {
        bank
    } else {
        kept = bank.without(matter.set_aside.keys());
        &kept
    };
    let prepared = draft::prepare(matter, profile, facts, drafting_bank, library);
    let drafted = draft::draft(&prepared, templates)?;
    drop(prepared);
    timings.draft = t.elapsed();
    let t = Instant::now();
    // A first pass learns which record documents print in short form anywhere (not only as
    // *Id.*); only those define a short form where they are first cited. Its errors are the
    // second pass's too, and are reported there.
    let mut first = Resolver::new(bank, &matter.record);
    for (i, r) in drafted.iter().enumerate() {
        if templates.get(&r.clause).is_some() {
            first.new_section();
            let _ = first.resolve(&r.body, i);
        }
    }
    let mut resolver = Resolver::new(bank, &matter.record)
        .with_links(profile.citations.links)
        .with_short_used(std::mem::take(&mut first.short_printed));
    let mut clauses = Vec::with_capacity(drafted.len());
    let mut problems = vec![];
    for (i, r) in drafted.iter().enumerate() {
        let Some(clause) = templates.get(&r.clause) else { continue };
        resolver.new_section();
        match resolver.resolve(&r.body, i) {
            Ok(body) => clauses.push(ClauseFile {
                clause: r.clause.clone(),
                level: r.level,
                number: r.number.clone(),
                heading: r.heading.clone(),
                body,
                source: clause.source.clone(),
                body_line: clause.body_line,
            }),
            Err(e) => problems.push(cite_diagnostic(&e, &r.body, clause)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    timings.cite = t.elapsed();
    Ok((drafted, clauses, (resolver.uses, resolver.printed)))
}

/// A clause that cites by name an authority the matter sets aside (`set_aside:`): an error at the
/// matter's line for it, naming the clause, once per authority.
fn set_aside_cited(
    matter: &Matter,
    matter_src: &SourceText,
    drafted: &[DraftedClause],
    uses: &[CiteUse],
) -> Result<()> {
    let mut problems: Vec<Diagnostic> = vec![];
    let mut reported = std::collections::BTreeSet::new();
    for u in uses {
        if !matter.set_aside.contains_key(&u.id) {
            continue;
        }
        let Some(r) = drafted.get(u.clause) else { continue };
        if !reported.insert(u.id.as_str()) {
            continue;
        }
        let span = crate::yaml::find_key(matter_src, &format!("set_aside.{}", u.id)).unwrap_or(0..0);
        problems.push(
            Diagnostic::error(format!(
                "`{}` is set aside here, but the clause `{}` cites it by name",
                u.id, r.clause
            ))
            .at(matter_src, span)
            .with_hint(format!(
                "setting an authority aside keeps it out of the library's own choices (surveys, the court's decisions); \
                 a clause that names it needs it: leave `{}` out of `brief:`, replace it with a paragraph of your own, or \
                 keep `{}`",
                r.clause, u.id
            )),
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Validates and drafts a loaded matter without typesetting it, with some facts replaced by other
/// values after validation (`clauses --lint` renders every value of every one-of fact this way).
/// Returns the drafted clauses with their citations resolved.
pub fn draft_with(loaded: &Loaded, replace: &[(String, serde_json::Value)]) -> Result<Vec<ClauseFile>> {
    let mut validated = validate_loaded(
        &loaded.matter,
        &loaded.matter_src,
        &loaded.library,
        &loaded.profile,
        &loaded.bank,
        &loaded.templates,
    )?;
    // A path through a list (`underlying.claims.key`) replaces the field in every item.
    fn set(cur: &mut serde_json::Value, parts: &[&str], value: &serde_json::Value) {
        match cur {
            serde_json::Value::Array(items) => items.iter_mut().for_each(|i| set(i, parts, value)),
            _ => match parts {
                [] => {}
                [last] => cur[*last] = value.clone(),
                [first, rest @ ..] => {
                    if cur.get(*first).is_none_or(|v| v.is_null()) {
                        cur[*first] = serde_json::json!({});
                    }
                    set(&mut cur[*first], rest, value);
                }
            },
        }
    }
    for (path, value) in replace {
        let parts: Vec<&str> = path.split('.').collect();
        set(&mut validated.facts, &parts, value);
    }
    let (drafted, clauses, (uses, _)) = draft_and_cite(
        &loaded.matter,
        &loaded.profile,
        &loaded.bank,
        &loaded.library,
        &loaded.templates,
        validated.facts,
        &mut Timings::default(),
    )?;
    set_aside_cited(&loaded.matter, &loaded.matter_src, &drafted, &uses)?;
    Ok(clauses)
}

impl Session {
    pub fn new() -> Self {
        Session {
            typesetter: Typesetter::new(),
            cache: LoadCache::default(),
            last_words: 0,
            trace_layout: false,
            dependencies: vec![],
            project: None,
            used_project: None,
            today: None,
            last_project: None,
            reuse_project: false,
        }
    }

    /// Warns when a brief is dated more than a few days after `today`
    /// ([`crate::matter::consistency::dated_ahead`]). The library reads no clock: the command line
    /// passes the system clock's date or `PLEADER_TODAY`; the PDF is the same whatever it is.
    pub fn with_today(mut self, today: Option<chrono::NaiveDate>) -> Self {
        self.today = today;
        self
    }

    /// Builds with this project folder (`--project DIR`) instead of the one found from the matter.
    pub fn with_project(mut self, dir: Option<PathBuf>) -> Self {
        self.project = dir;
        self
    }

    /// Times Typst's layout iterations in [`Timings::layout_iterations`] (for the benchmark).
    /// This switches on Typst's own timing events for the whole process while a compilation runs,
    /// which costs a little time, so ordinary builds leave it off.
    pub fn trace_layout(&mut self, on: bool) {
        self.trace_layout = on;
    }

    /// The project folder the last build used: `Some(None)` for the built-in library alone,
    /// `None` before a build found one.
    pub fn used_project(&self) -> Option<(Option<&Path>, &[String])> {
        self.used_project.as_ref().map(|(root, replaced)| (root.as_deref(), replaced.as_slice()))
    }

    /// Builds from a matter file on disk.
    pub fn build_path(&mut self, matter_path: &Path, opts: BuildOptions) -> Result<Built> {
        let start = Instant::now();
        self.dependencies.clear();
        let real = std::fs::canonicalize(matter_path).unwrap_or_else(|_| matter_path.to_path_buf());
        let matter_src = read_matter(matter_path);
        let hash = matter_src.as_ref().ok().map(|s| project::content_hash(s.text.as_bytes()));
        self.dependencies.push((real, hash));
        let matter_src = matter_src?;
        let reuse = std::mem::take(&mut self.reuse_project);
        let project = match &self.last_project {
            Some((path, project, deps)) if reuse && path == matter_path => {
                self.dependencies.extend(deps.iter().cloned());
                project.clone()
            }
            _ => {
                self.last_project = None;
                let project = Project::for_matter_in(matter_path, self.project.as_deref())?;
                let deps: Vec<_> = project
                    .paths
                    .iter()
                    .filter_map(|(rel, real)| {
                        let text = &project.files.get(rel)?.text;
                        Some((real.clone(), Some(project::content_hash(text.as_bytes()))))
                    })
                    .collect();
                self.dependencies.extend(deps.iter().cloned());
                self.last_project = Some((matter_path.to_path_buf(), project.clone(), deps));
                project
            }
        };
        self.used_project =
            Some((project.root.clone(), project.replaced_builtins().into_iter().map(String::from).collect()));
        let loaded = self.load(matter_src, project)?;
        self.build_loaded(loaded, start, opts)
    }

    /// Tells the session that no library file changed since the last [`Session::build_path`]:
    /// the next one reads the matter again but reuses the project files (and their hashes) that
    /// build read, instead of walking and reading the project folder. The watcher calls this when
    /// the only files an event named, among those the last build read or inside a library
    /// folder, are the matter itself.
    pub fn library_unchanged(&mut self) {
        self.reuse_project = true;
    }

    /// The files on disk the last [`Session::build_path`] read — the matter and the project's
    /// library files, by real path — each with a hash of the content it read (`None` when the
    /// file could not be read). A watcher rebuilds when one of these contents changes, as
    /// typst-cli watches its world's dependencies. Recorded whether or not the build succeeded.
    pub fn dependencies(&self) -> &[(PathBuf, Option<u64>)] {
        &self.dependencies
    }

    /// Loads a matter, reusing this session's library and clause templates where unchanged.
    pub fn load(&mut self, matter_src: SourceText, project: Project) -> Result<Loaded> {
        load_cached(matter_src, project, &mut self.cache)
    }

    /// Builds an already loaded matter.
    pub fn build_loaded(&mut self, loaded: Loaded, start: Instant, opts: BuildOptions) -> Result<Built> {
        let Loaded { matter, matter_src, library, profile, bank, templates } = loaded;
        let mut timings = Timings::default();
        if let Err(path) = self.typesetter.set_project_fonts(&library.project.fonts) {
            return Err(Diagnostic::error(format!("`{path}` in the project holds no font Typst can read"))
                .with_hint("the `fonts/` folder takes TrueType or OpenType files (.ttf, .otf, .ttc, .otc)")
                .into());
        }
        let families = self.typesetter.font_families();
        if !families.iter().any(|f| f.eq_ignore_ascii_case(&profile.type_.font)) {
            return Err(Diagnostic::error(format!(
                "the profile asks for the font `{}`, which pleader does not embed and the project's `fonts/` folder does not hold",
                profile.type_.font
            ))
            .with_hint(format!(
                "fonts available: {}; put the court's typeface (its .ttf or .otf files, which you must be licensed to use) in `fonts/` beside `courts/`",
                families.join(", ")
            ))
            .into());
        }
        timings.load = start.elapsed();
        let t = Instant::now();
        let validated = validate_loaded(&matter, &matter_src, &library, &profile, &bank, &templates)?;
        let mut warnings_before = validated.warnings;
        for (path, gone) in library.project.hidden_builtin_authorities(|id| bank.get(id).is_some()) {
            let shown: Vec<String> = gone.iter().take(8).map(|id| format!("`{id}`")).collect();
            let more = if gone.len() > shown.len() {
                format!(" and {} more", gone.len() - shown.len())
            } else {
                String::new()
            };
            warnings_before.push(
                Diagnostic::warning(format!(
                    "the project's {path} replaces the built-in file of that name, and with it the library's entries {}{more}",
                    shown.join(", ")
                ))
                .with_hint(format!(
                    "a project's file replaces the built-in file with the same path; to add to the bank instead, rename yours (`authorities/{}-mine.yaml`), or copy the entries you need into it (`pleader library show {path}`)",
                    path.trim_start_matches("authorities/").trim_end_matches(".yaml")
                )),
            );
        }
        if let Some(today) = self.today {
            warnings_before.extend(crate::matter::consistency::dated_ahead(&matter, &matter_src, today));
        }
        timings.validate = t.elapsed();

        // Drafting and typesetting run the project's code (Tera clauses, Typst templates): one
        // time and memory budget for both (`crate::budget`).
        let guard = crate::budget::Guard::start();
        let matter_facts = validated.facts.clone();
        let (drafted, clauses, resolver) =
            draft_and_cite(&matter, &profile, &bank, &library, &templates, validated.facts, &mut timings)
                .map_err(|ds| at_matter_line(ds, &matter_src))?;
        let (uses, printed) = resolver;
        set_aside_cited(&matter, &matter_src, &drafted, &uses)?;

        let t = Instant::now();
        // One compilation: the tables' page numbers are looked up by the templates where the
        // headings and citation marks landed, which Typst's own second layout pass resolves.
        let entries = FrontData::entries(&drafted, &uses, &bank, &profile);
        // A certificate of compliance states the word count of the typeset body; the body never
        // depends on it, so a wrong guess (the last build's count) costs one more compilation.
        let mut words = self.last_words;
        let mut number_notes = true;
        let mut files =
            assemble::assemble(&matter, &profile, &library.project, &clauses, &entries, words, number_notes);
        timings.assemble = t.elapsed();

        let t = Instant::now();
        self.typesetter.set_today(matter.document.date.0);
        // The files that can hold Typst code and that pleader did not ship: the project's
        // templates and the clauses (and the matter's paragraphs) this brief drafted from it.
        let mut suspects: Vec<&SourceText> = library
            .project
            .paths
            .keys()
            .filter(|p| p.starts_with("templates/"))
            .filter_map(|p| library.project.files.get(p))
            .collect();
        for c in &clauses {
            if !crate::library::project::is_builtin(&c.source) && !suspects.iter().any(|s| s.name == c.source.name) {
                suspects.push(&c.source);
            }
        }
        let chars = clauses.iter().map(|c| c.body.len() + c.heading.len()).sum();
        crate::budget::evaluating(crate::budget::Evaluating::Typesetting { matter: &matter_src, suspects, chars });
        let mut iterations: Option<Vec<Duration>> = self.trace_layout.then(Vec::new);
        let (doc, mut warnings, facts) = loop {
            self.typesetter.set_sources(files.clone());
            let (doc, warnings) = match &mut iterations {
                Some(times) => {
                    let (result, timed) = self.typesetter.compile_timing_iterations();
                    times.extend(timed);
                    result?
                }
                None => self.typesetter.compile()?,
            };
            timings.compiles += 1;
            // Footnotes pleader numbered that Typst counts otherwise (a project template that
            // adds one): typeset again with Typst's own numbering.
            if number_notes && !layout::footnotes_numbered(&doc, &self.typesetter) {
                number_notes = false;
                files = assemble::assemble(&matter, &profile, &library.project, &clauses, &entries, words, false);
                continue;
            }
            let facts = typeset::facts(&doc);
            if profile.certificate.is_none() || timings.compiles >= 3 {
                break (doc, warnings, facts);
            }
            let counted = layout::count_body_words(&doc, &profile, &facts);
            if counted == words {
                break (doc, warnings, facts);
            }
            words = counted;
            let text = assemble::certificate_typ(&matter, &profile, words);
            if let Some(f) = files.iter_mut().find(|f| f.path == "/data/certificate.typ") {
                f.text = text;
            }
        };
        self.last_words = words;
        if facts.marks.iter().any(|(name, _)| name == "pl:footer-overflow") {
            let span = crate::yaml::find_key(&matter_src, "document.short_title").unwrap_or(0..0);
            return Err(Diagnostic::error(format!(
                "the short title `{}` does not fit on one footer line beside \"Case No. {}\"",
                matter.document.short_title,
                matter.case_number(profile.caption.initials())
            ))
            .at(&matter_src, span)
            .with_hint("shorten `document.short_title` (the footer prints it whole, on one line)")
            .into());
        }
        // The proposed order, where the profile asks for one: the same sources, another main file,
        // typeset here so that its time is the typeset stage's and export only writes PDF bytes.
        let order = if files.iter().any(|f| f.path == "/order.typ") {
            self.typesetter.set_main("/order.typ");
            let compiled = self.typesetter.compile();
            self.typesetter.set_main("/main.typ");
            let (order_doc, order_warnings) = compiled?;
            warnings.extend(order_warnings);
            Some(order_doc)
        } else {
            None
        };
        drop(guard);
        warnings.splice(0..0, warnings_before);
        let front = entries.with_pages(&facts);
        timings.typeset = t.elapsed();
        timings.layout_iterations = iterations;

        let t = Instant::now();
        let pdf = if opts.pdf {
            let ident = format!("pleader:{}:{}", matter.case.number, matter.document.title);
            Some(crate::export::pdf::pdf(&self.typesetter, &doc, &ident, profile.tagged_pdf)?)
        } else {
            None
        };
        let order_pdf = match &order {
            Some(order_doc) if opts.pdf => {
                let ident = format!("pleader-order:{}:{}", matter.case.number, matter.document.title);
                Some(crate::export::pdf::pdf(&self.typesetter, order_doc, &ident, profile.tagged_pdf)?)
            }
            _ => None,
        };
        timings.export = t.elapsed();
        // Long-running sessions: drop memoized layout not used by the last few builds, so memory
        // stays flat in watch mode while an edit still reuses everything it did not touch.
        typst::comemo::evict(3);
        let library = library.clone();
        Ok(Built {
            matter,
            profile,
            bank,
            drafted,
            clauses,
            uses,
            printed,
            doc,
            facts,
            front,
            files,
            pdf,
            order,
            order_pdf,
            warnings,
            timings,
            library,
            matter_facts,
        })
    }
}
