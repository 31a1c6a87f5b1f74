//! The pipeline, one way: load the matter → validate → render clauses → resolve citations →
//! assemble Typst → typeset → export PDF. A [`Session`] keeps the typesetter (and with it Typst's
//! memoized layout) and the last front-matter tables between builds, so that a rebuild after a
//! one-fact edit re-lays out only what changed. Nothing here writes files; the caller hands the
//! PDF to the output stage.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::assemble::{self, ClauseFile};
use crate::authority::Bank;
use crate::cite::{CiteError, CiteUse, Resolver};
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Result, SourceText};
use crate::front::FrontData;
use crate::matter::Matter;
use crate::profile::Profile;
use crate::project::{self, Project};
use crate::render::{self, ClauseLibrary, RenderedClause};
use crate::typeset::{self, Facts, GeneratedFile, PagedDocument, Typesetter};
use crate::validate;
use crate::yaml;

/// How long each stage took.
#[derive(Clone, Debug, Default)]
pub struct Timings {
    pub load: Duration,
    pub render: Duration,
    pub typeset: Duration,
    pub pdf: Duration,
    /// Number of Typst compilations (always 1; Typst runs its own layout passes inside).
    pub compiles: usize,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.load + self.render + self.typeset + self.pdf
    }
}

/// Everything the inputs were turned into.
pub struct Built {
    pub matter: Matter,
    pub profile: Profile,
    pub bank: Bank,
    pub rendered: Vec<RenderedClause>,
    pub clauses: Vec<ClauseFile>,
    pub uses: Vec<CiteUse>,
    pub doc: PagedDocument,
    pub facts: Facts,
    pub front: FrontData,
    pub files: Vec<GeneratedFile>,
    pub pdf: Option<Vec<u8>>,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// The library and matter loaded and checked, ready to render.
pub struct Loaded {
    pub matter: Matter,
    pub matter_src: SourceText,
    pub project: Project,
    pub profile: Profile,
    pub bank: Bank,
    pub library: Arc<ClauseLibrary>,
}

/// A long-lived build state (one per process; watch mode keeps it between rebuilds).
pub struct Session {
    typesetter: Typesetter,
    cache: LoadCache,
    builds: usize,
    /// The word count of the last build (the first guess for a certificate of compliance).
    last_words: usize,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
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

fn read_matter(matter_path: &Path) -> Result<SourceText> {
    project::read_text(matter_path).map_err(|d| {
        if d.kind == crate::diag::Kind::Io {
            d.with_hint("give the path of a matter YAML file, e.g. `pleader build matters/leifer-v-twitter.yaml`")
        } else {
            d
        }
        .into()
    })
}

/// Loads the library for an in-memory matter.
pub fn load(matter_src: SourceText, project: Project) -> Result<Loaded> {
    load_cached(matter_src, project, &mut LoadCache::default())
}

/// What a session keeps between builds so that a rebuild does not re-parse what did not change:
/// the authority bank and the compiled clause templates, keyed by a hash of their sources.
#[derive(Default)]
pub struct LoadCache {
    bank: Option<(u64, Bank)>,
    library: Option<(u64, Arc<ClauseLibrary>)>,
}

fn hash_sources<'a>(sources: impl IntoIterator<Item = (&'a String, &'a SourceText)>, extra: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (id, src) in sources {
        id.hash(&mut h);
        src.name.hash(&mut h);
        src.text.hash(&mut h);
    }
    extra.hash(&mut h);
    h.finish()
}

/// [`load`], reusing the bank and the clause templates from `cache` when their sources are unchanged.
pub fn load_cached(matter_src: SourceText, project: Project, cache: &mut LoadCache) -> Result<Loaded> {
    let matter = Matter::load(&matter_src)?;
    let profile = load_profile(&matter, &matter_src, &project)?;
    let mut problems = vec![];
    let bank_files = project.files_in("authorities", ".yaml");
    let bank_key = hash_sources(bank_files.iter().map(|(id, s)| (id, *s)), &[]);
    let mut bank = match &cache.bank {
        Some((key, bank)) if *key == bank_key => bank.clone(),
        _ => {
            let mut bank = Bank::default();
            for (_, src) in &bank_files {
                if let Err(mut d) = bank.add_file(src) {
                    problems.append(&mut d);
                }
            }
            if problems.is_empty() {
                cache.bank = Some((bank_key, bank.clone()));
            }
            bank
        }
    };
    for (id, auth) in &matter.authorities {
        bank.entries.insert(id.clone(), (auth.clone(), matter_src.clone()));
    }
    let mut selected: Vec<String> = matter.outline().iter().map(|(_, i)| i.clause.clone()).collect();
    selected.sort();
    selected.dedup();
    let clause_files = project.files_in("clauses", ".tera");
    let selected_refs: Vec<&str> = selected.iter().map(|s| s.as_str()).collect();
    let library_key = hash_sources(clause_files.iter().map(|(id, s)| (id, *s)), &selected_refs);
    let library = match &cache.library {
        Some((key, library)) if *key == library_key => Some(library.clone()),
        _ => {
            let only: std::collections::HashSet<String> = selected.into_iter().collect();
            match ClauseLibrary::new(clause_files, Some(&only)) {
                Ok(l) => {
                    let l = Arc::new(l);
                    cache.library = Some((library_key, l.clone()));
                    Some(l)
                }
                Err(mut d) => {
                    problems.append(&mut d);
                    None
                }
            }
        }
    };
    match library {
        Some(library) if problems.is_empty() => Ok(Loaded { matter, matter_src, project, profile, bank, library }),
        _ => Err(problems),
    }
}

fn load_profile(matter: &Matter, matter_src: &SourceText, project: &Project) -> Result<Profile> {
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
        return Err(Diagnostic::error(format!("the `{}` profile names the county in the court title, and the matter has no `county:`", matter.court))
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

/// Maps a citation error in a rendered clause back to the clause file.
fn cite_diagnostic(e: &CiteError, rendered: &str, clause: &crate::clause::Clause) -> Diagnostic {
    let snippet = rendered.get(e.offset..e.offset + e.len).unwrap_or("");
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

impl Session {
    pub fn new() -> Self {
        Session { typesetter: Typesetter::new(), cache: LoadCache::default(), builds: 0, last_words: 0 }
    }

    /// Builds from a matter file on disk.
    pub fn build_path(&mut self, matter_path: &Path, opts: BuildOptions) -> Result<Built> {
        let start = Instant::now();
        let matter_src = read_matter(matter_path)?;
        let project = Project::for_matter(matter_path)?;
        let loaded = self.load(matter_src, project)?;
        self.build_loaded(loaded, start, opts)
    }

    /// Loads a matter, reusing this session's parsed bank and clause templates where unchanged.
    pub fn load(&mut self, matter_src: SourceText, project: Project) -> Result<Loaded> {
        load_cached(matter_src, project, &mut self.cache)
    }

    /// Builds an already loaded matter.
    pub fn build_loaded(&mut self, loaded: Loaded, start: Instant, opts: BuildOptions) -> Result<Built> {
        let Loaded { matter, matter_src, project, profile, bank, library } = loaded;
        let mut timings = Timings::default();
        let families = self.typesetter.font_families();
        if !families.iter().any(|f| f.eq_ignore_ascii_case(&profile.type_.font)) {
            return Err(Diagnostic::error(format!("the profile asks for the font `{}`, which pleader does not embed", profile.type_.font))
                .with_hint(format!("embedded fonts: {}", families.join(", ")))
                .into());
        }
        let prepared = render::prepare(&matter, &profile);
        validate::validate(&matter, &matter_src, &library, &bank, &prepared.context)?;
        timings.load = start.elapsed();

        let t = Instant::now();
        let rendered = render::render(&prepared, &library)?;
        drop(prepared);
        let mut resolver = Resolver::new(&bank, &matter.record);
        let mut clauses = Vec::with_capacity(rendered.len());
        let mut problems = vec![];
        for (i, r) in rendered.iter().enumerate() {
            let clause = library.get(&r.clause).expect("validated");
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
        let uses = resolver.uses;
        timings.render = t.elapsed();

        let t = Instant::now();
        // One compilation: the tables' page numbers are looked up by the templates where the
        // headings and citation marks landed, which Typst's own second layout pass resolves.
        let skeleton = FrontData::skeleton(&rendered, &uses, &bank, &profile);
        // A certificate of compliance states the word count of the typeset body; the body never
        // depends on it, so a wrong guess (the last build's count) costs one more compilation.
        let mut words = self.last_words;
        let mut files = assemble::assemble(&matter, &profile, &project, &clauses, &skeleton, words);
        self.typesetter.set_today(matter.document.date.0);
        let (doc, warnings, facts) = loop {
            self.typesetter.set_sources(files.clone());
            let (doc, warnings) = self.typesetter.compile()?;
            timings.compiles += 1;
            let facts = typeset::facts(&doc);
            if profile.certificate.is_none() || timings.compiles >= 3 {
                break (doc, warnings, facts);
            }
            let counted = crate::check::count_body_words(&doc, &profile, &facts);
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
        // The same tables computed here from the marks, for `check` and the tests.
        let front = FrontData::from_facts(&rendered, &uses, &bank, &profile, &facts);
        timings.typeset = t.elapsed();

        let t = Instant::now();
        let pdf = if opts.pdf {
            let ident = format!("pleader:{}:{}", matter.case.number, matter.document.title);
            Some(self.typesetter.pdf(&doc, &ident)?)
        } else {
            None
        };
        timings.pdf = t.elapsed();
        self.builds += 1;
        // Long-running sessions: drop memoized layout not used by the last few builds, so memory
        // stays flat in watch mode while an edit still reuses everything it did not touch.
        typst::comemo::evict(3);
        Ok(Built { matter, profile, bank, rendered, clauses, uses, doc, facts, front, files, pdf, warnings, timings })
    }
}

