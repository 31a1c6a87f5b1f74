//! Citations checked offline (issue 12): the seeded errors of a fixture bank each reported at
//! their line, the shipped bank passing with every open point recorded as `unverified`, the
//! unverified authorities a brief cites listed by `check` (and the profile setting that relaxes
//! it), short forms and pins checked at the clause lines, `authorities add` round-tripping every
//! shipped entry, the cite-check worksheet against the typeset brief, the optional PDF links, and
//! the credits for the vendored reference data.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use crate::common::*;
use pleader::cite::parse::parse_citation;
use pleader::cite::reference::{COURTS_DB_VERSION, REPORTERS_DB_VERSION};
use pleader::cite::verify::{check_authority, Check};
use pleader::cite::{read, status};
use pleader::diag::SourceText;
use pleader::escape::plain;
use pleader::library::bank::{Bank, Kind};
use pleader::library::project::Project;
use pleader::library::Library;
use pleader::pipeline::{self, BuildOptions, Built, Session};
use pleader::rules::{citecheck, court_checks, Status};
use typst::layout::{Frame, FrameItem};
use typst::model::Destination;

fn fixture_bank() -> (SourceText, Bank) {
    let path = root().join("tests/fixtures/bank-errors/cases.yaml");
    let src = SourceText::new("cases.yaml", std::fs::read_to_string(path).unwrap());
    let mut bank = Bank::default();
    bank.add_file(&src).unwrap();
    (src, bank)
}

/// The (line, check) pairs the fixture announces with end-of-line `# expect: a, b` comments.
fn expected(src: &SourceText) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in src.text.lines().enumerate() {
        let Some((code, comment)) = line.split_once("# expect: ") else { continue };
        if code.trim().is_empty() {
            continue;
        }
        for name in comment.split(',') {
            out.insert((i + 1, name.trim().to_string()));
        }
    }
    out
}

#[test]
fn every_seeded_error_of_the_fixture_bank_is_reported_at_its_line() {
    let (src, bank) = fixture_bank();
    let want = expected(&src);
    assert!(want.len() >= 25, "the fixture seeds {} errors", want.len());
    let mut got = BTreeSet::new();
    for (id, (a, _)) in &bank.entries {
        for f in check_authority(id, a) {
            let d = f.diagnostic(a, &src);
            let span = d.span.clone().expect("every finding points into the file");
            let (line, _) = src.line_col(span.start);
            got.insert((line, f.check.name().to_string()));
        }
    }
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(missing.is_empty() && extra.is_empty(), "not reported: {missing:?}\nnot expected: {extra:?}");
    // The kinds of the issue are all seeded: reporter, year, court, databases, pins, history.
    let kinds: BTreeSet<&str> = want.iter().map(|(_, k)| k.as_str()).collect();
    for k in Check::ALL.iter() {
        assert!(kinds.contains(k.name()), "no seeded `{}`", k.name());
    }
}

#[test]
fn authorities_check_reports_the_fixture_by_line_and_column_and_fails() {
    let (src, _) = fixture_bank();
    let (code, out, err) =
        pleader(&["authorities", "--check", "tests/fixtures/bank-errors", "--diagnostic-format", "short"], &root());
    assert_eq!(code, 1, "{out}{err}");
    for (line, check) in expected(&src) {
        let at = format!("tests/fixtures/bank-errors/cases.yaml:{line}:");
        assert!(
            err.lines().any(|l| l.starts_with(&at) && l.contains(&format!("({check})"))),
            "{check} at line {line} not reported:\n{err}"
        );
    }
    // A variant spelling is reported with the canonical one, and the fix.
    assert!(err.contains("`F.Supp.2d` is a variant spelling of `F. Supp. 2d`"), "{err}");
    assert!(
        err.contains("write `cite: \\\"385 F. Supp. 2d 969\\\"`")
            || err.contains("write `cite: \"385 F. Supp. 2d 969\"`")
    );
    // Columns point at the part at fault: the reporter inside the citation.
    let line = err.lines().find(|l| l.contains("`variant-spelling`")).unwrap();
    let col: usize = line.split(':').nth(2).unwrap().parse().unwrap();
    let text_line = src.text.lines().nth(28).unwrap();
    assert_eq!(&text_line[col - 1..col - 1 + "F.Supp.2d".len()], "F.Supp.2d", "{line}");
    assert!(out.contains(&format!("reporters-db {REPORTERS_DB_VERSION} and courts-db {COURTS_DB_VERSION}")), "{out}");
}

#[test]
fn the_shipped_bank_passes_and_every_open_finding_is_recorded_as_unverified() {
    let library = Library::load(Project::builtin()).unwrap();
    let mut findings = 0;
    for (id, (a, src)) in &library.bank.entries {
        for f in check_authority(id, a) {
            findings += 1;
            let d = f.diagnostic(a, src);
            assert!(!d.is_error(), "{}", pleader::diag::render(&[d], Default::default()));
            // An error-level finding stands only on an entry that records why it is open.
            if f.error {
                assert!(a.unverified.is_some(), "`{id}`: {}", f.text());
            }
        }
    }
    let (code, out, err) = pleader(&["authorities", "--check"], &root());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(&format!(": 0 errors, {findings} warnings")), "{out}");
}

/// The cited authorities whose bank entry is not verified, or that are cited at a pin no record
/// lists as seen (compared as written), by the bank's own records.
fn unverified_cited(built: &Built) -> BTreeSet<String> {
    let pin_unseen = |id: &str, pin: &Option<String>| {
        let a = built.bank.get(id).unwrap();
        pin.as_ref().is_some_and(|p| !a.verified.iter().flat_map(|v| v.pins.iter()).any(|r| r.at == *p))
    };
    built
        .uses
        .iter()
        .filter(|u| {
            built.bank.get(&u.id).is_some_and(|a| !status::status(a).is_verified())
                || built.uses.iter().any(|w| w.id == u.id && pin_unseen(&w.id, &w.pin))
        })
        .map(|u| u.id.clone())
        .collect()
}

#[test]
fn check_lists_the_unverified_authorities_a_sample_cites_and_the_profile_can_relax_it() {
    for m in ["leifer-v-twitter", "harlow-v-threadline"] {
        let built = build(&root().join(format!("matters/{m}.yaml")));
        let open = unverified_cited(&built);
        assert!(!open.is_empty(), "{m} cites only verified authorities");
        let items = court_checks(&built);
        let item = items.iter().find(|i| i.name == "verified authorities").unwrap();
        assert_eq!(item.status, Status::Fail, "{m}");
        for id in &open {
            let a = built.bank.get(id).unwrap();
            assert!(item.detail.contains(&format!("(`{id}`)")), "{m}: `{id}` not listed");
            if let Some(reason) = &a.unverified {
                let first: String = reason.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
                assert!(item.detail.contains(&first), "{m}: the reason for `{id}` is not given");
            }
        }
        let listed = item.detail.matches("\n        - ").count();
        assert_eq!(listed, open.len(), "{m}: only the unverified are listed");
        // Every other check passes: the samples are filing-ready but for verification (of
        // authorities and of the pins nobody has seen; see `checks_but_verification`).
        let failed: Vec<_> = checks_but_verification(&built).into_iter().filter(|i| i.status == Status::Fail).collect();
        assert!(failed.is_empty(), "{m}: {failed:#?}");
    }
    // The command prints them and exits 1; a matter may relax the rule through `overrides:`.
    let (code, out, _) = pleader(&["check", "matters/leifer-v-twitter.yaml"], &root());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL  verified authorities") && out.contains("(`art-of-living`)"), "{out}");
    let dir = temp_dir("cite-relax");
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    assert!(!text.contains("\noverrides:"));
    for (level, code_wanted, mark) in
        [("warn", 0, "warn  verified authorities"), ("off", 0, "ok    verified authorities")]
    {
        let path = dir.join(format!("{level}.yaml"));
        std::fs::write(&path, format!("{text}\noverrides:\n  citations: {{unverified: {level}}}\n")).unwrap();
        let (code, out, err) = pleader(&["check", path.to_str().unwrap()], &root());
        assert_eq!(code, code_wanted, "{level}: {out}{err}");
        assert!(out.contains(mark) && out.contains("filing-ready"), "{level}: {out}");
    }
}

/// A throw-away project: the built-in library plus one clause and a matter selecting it.
fn project_with_clause(name: &str, body: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    std::fs::write(
        dir.join("clauses/cite-probe.tera"),
        format!("---\nheading: Citations\nauthorities: [highfields, art-of-living]\n---\n{body}\n"),
    )
    .unwrap();
    // The scaffold's template with no facts (the probe reads none) and the probe as its brief.
    let scaffold = std::fs::read_to_string(root().join("scaffold/matter.yaml")).unwrap();
    assert!(scaffold.contains("\n# <<facts>>\n") && scaffold.contains("\n# <<brief>>\n"));
    let matter =
        scaffold.replace("\n# <<facts>>\n", "\nfacts: {}\n").replace("\n# <<brief>>\n", "\nbrief:\n  - cite-probe\n");
    std::fs::write(dir.join("matter.yaml"), matter).unwrap();
    dir
}

#[test]
fn cases_cited_again_without_pins_and_pins_outside_the_opinion_are_reported() {
    let dir = project_with_clause(
        "cite-pins",
        "First. [@highfields at 970].\n\nSecond. [@art-of-living at \\*9].\n\nThird, short without a pin. [see @highfields].\n\nFourth, before the first page. [@highfields at 901].\n\nFifth, a Westlaw pin without a star. [@art-of-living at 9].",
    );
    let (code, out, err) = pleader(&["check", "matter.yaml", "--diagnostic-format", "short"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    let line_of = |needle: &str| {
        let text = std::fs::read_to_string(dir.join("clauses/cite-probe.tera")).unwrap();
        text.lines().position(|l| l.contains(needle)).unwrap() + 1
    };
    // A case cited again without a pin is cited in full again (a short form needs a pin), and
    // `check` lists it as cited without one.
    assert!(!err.contains("(short-form-pin)"), "{err}");
    assert!(out.contains("cited without a pin") && out.contains("Highfields (cite-probe)"), "{out}");
    for (needle, check) in [("Fourth", "pin"), ("Fifth", "pin")] {
        let at = format!("clauses/cite-probe.tera:{}:", line_of(needle));
        assert!(
            err.lines().any(|l| l.starts_with(&at) && l.contains(&format!("({check})"))),
            "{check} not reported at {at}:\n{err}"
        );
    }
    assert!(out.contains("FAIL  citations"), "{out}");
    // `clauses --lint` reports the same against the clause.
    std::fs::create_dir_all(dir.join("matters")).unwrap();
    std::fs::copy(dir.join("matter.yaml"), dir.join("matters/probe.yaml")).unwrap();
    let (_, _, err) = pleader(&["clauses", "--lint", "--diagnostic-format", "short"], &dir);
    assert!(err.contains(&format!("clauses/cite-probe.tera:{}:", line_of("Fourth"))) && err.contains("(pin)"), "{err}");
}

#[test]
fn authorities_add_reproduces_every_shipped_case_from_its_printed_citation() {
    let library = Library::load(Project::builtin()).unwrap();
    let mut checked = 0;
    for (id, (a, _)) in &library.bank.entries {
        if a.kind != Kind::Case {
            continue;
        }
        let printed = plain(&a.full(None, ""));
        let p = parse_citation(&printed).unwrap_or_else(|e| panic!("`{id}`: {printed}\n{e:?}"));
        assert_eq!(Some(p.name.as_str()), a.name.as_deref(), "`{id}`");
        assert_eq!(p.cite, a.cite(), "`{id}`");
        assert_eq!(p.docket, a.docket, "`{id}`");
        assert_eq!(p.court, a.court, "`{id}`");
        assert_eq!((p.year, p.date), (if a.date.is_some() { None } else { a.year }, a.date.map(|d| d.0)), "`{id}`");
        assert_eq!(p.defined.is_some(), a.define, "`{id}`");
        if a.define {
            assert_eq!(p.defined.as_deref(), Some(a.short_name()), "`{id}`");
        }
        assert_eq!(p.history.len(), a.history.len(), "`{id}`");
        for (ph, h) in p.history.iter().zip(&a.history) {
            assert_eq!((&ph.phrase, &ph.cite, &ph.court), (&h.phrase, &h.cite, &h.court), "`{id}`");
            assert_eq!(
                (ph.year, ph.date),
                (if h.date.is_some() { None } else { h.year }, h.date.map(|d| d.0)),
                "`{id}`"
            );
        }
        // The YAML `add` prints reads back as the same entry.
        let yaml = p.entry_yaml(id, &printed);
        let mut bank = Bank::default();
        bank.add_file(&SourceText::new("new.yaml", yaml.clone())).unwrap_or_else(|d| panic!("{yaml}\n{d:?}"));
        let b = bank.get(id).unwrap();
        assert_eq!(plain(&b.full(None, "")), printed, "`{id}`");
        checked += 1;
    }
    assert!(checked >= 80, "{checked} cases");
}

#[test]
fn authorities_add_prints_normalises_appends_and_names_what_it_cannot_read() {
    let dir = temp_dir("cite-add");
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    std::fs::write(dir.join("authorities/cases.yaml"), "# my bank\n").unwrap();
    let cite = "Doe v. Roe Publ’g, Inc., No. 3:20-cv-00001-ABC, 2020 WL 1234567, at *3 (N.D.Cal. Mar. 4, 2020)";
    let (code, out, err) = pleader(&["authorities", "add", cite], &dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("doe:\n  kind: case\n  name: \"Doe v. Roe Publ’g, Inc.\""), "{out}");
    assert!(out.contains("  cite: \"2020 WL 1234567\"\n  docket: \"No. 3:20-cv-00001-ABC\"\n  court: \"N.D. Cal.\"\n  date: 2020-03-04\n"), "{out}");
    assert!(
        err.contains("pin `*3` not stored")
            && err.contains("court `N.D.Cal.` written as courts-db writes it: `N.D. Cal.`"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("authorities/cases.yaml")).unwrap(),
        "# my bank\n",
        "nothing written without --write"
    );

    let (code, _, err) = pleader(&["authorities", "add", "--write", cite], &dir);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(dir.join("authorities/cases.yaml")).unwrap();
    assert!(text.starts_with("# my bank\n\n# Added by `pleader authorities add`"), "{text}");
    let mut bank = Bank::default();
    bank.add_file(&SourceText::new("cases.yaml", text)).unwrap();
    let a = bank.get("doe").unwrap();
    assert_eq!(
        plain(&a.full(Some("*3"), "")),
        "Doe v. Roe Publ’g, Inc., No. 3:20-cv-00001-ABC, 2020 WL 1234567, at *3 (N.D. Cal. Mar. 4, 2020)"
    );
    assert!(a.unverified.is_some(), "a pasted citation is not verified");
    assert!(std::fs::read_dir(dir.join("authorities")).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tmp")));
    // The same citation again is refused, and so is an id the bank has.
    let (code, _, err) = pleader(&["authorities", "add", "--write", cite], &dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already has `2020 WL 1234567` as `doe`"), "{err}");
    let (code, _, err) = pleader(&["authorities", "add", "--id", "doe", "Doe v. Roe, 1 F.4th 2 (9th Cir. 2021)"], &dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already has an authority `doe`"), "{err}");
    // A project without its own cases file gets a new file, which leaves the built-in cases in
    // its bank.
    let other = temp_dir("cite-add-new");
    std::fs::create_dir_all(other.join("authorities")).unwrap();
    let (code, _, err) = pleader(&["authorities", "add", "--write", "Doe v. Roe, 1 F.4th 2 (9th Cir. 2021)"], &other);
    assert_eq!(code, 0, "{err}");
    assert!(other.join("authorities/added.yaml").is_file() && !other.join("authorities/cases.yaml").exists());
    let (code, out, _) = pleader(&["authorities", "highfields"], &other);
    assert!(code == 0 && out.contains("385 F. Supp. 2d 969"), "{out}");

    // A variant reporter is written as reporters-db writes it.
    let (code, out, err) = pleader(
        &["authorities", "add", "Highfields Cap. Mgmt., L.P. v. Doe, 385 F.Supp.2d 969, 976 (N.D. Cal. 2005)"],
        &dir,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("  cite: \"385 F. Supp. 2d 969\"\n")
            && err.contains("reporter `F.Supp.2d` written as reporters-db writes it: `F. Supp. 2d`"),
        "{out}{err}"
    );

    // What cannot be read is named, with its column.
    for (cite, part, message) in [
        ("Doe v. Roe, 385 F.Sup. 2d 969 (N.D. Cal. 2005)", "F.Sup. 2d", "could not read the reporter `F.Sup. 2d`"),
        (
            "Doe v. Roe, 385 F. Supp. 2d 969 (N.D. Calif. 2005)",
            "N.D. Calif.",
            "`N.D. Calif.` is not a court abbreviation",
        ),
        ("Doe v. Roe, 385 F. Supp. 2d 969 (N.D. Cal. 20O5)", "N.D. Cal. 20O5", "could not read the year"),
        ("Doe v. Roe, 385 F. Supp. 2d 969", "", "expected the court and date in parentheses"),
        ("Doe v. Roe, No. 1:20-cv-1 (S.D.N.Y. Jan. 4, 2021)", "No. 1:20-cv-1", "no citation after the docket number"),
    ] {
        let (code, out, err) = pleader(&["authorities", "add", cite, "--diagnostic-format", "short"], &dir);
        assert_eq!(code, 1, "{cite}: {out}{err}");
        assert!(err.contains(message), "{cite}: {err}");
        if !part.is_empty() {
            let col: usize = err.split(':').nth(2).unwrap().parse().unwrap();
            let col_byte = cite.char_indices().nth(col - 1).map(|(b, _)| b).unwrap();
            assert!(cite[col_byte..].starts_with(part), "{cite}: column {col}: {err}");
        }
    }
}

fn leifer_with(extra: &str) -> Built {
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap() + extra;
    let loaded = pipeline::load(SourceText::new("leifer.yaml", text), Project::at(&root()).unwrap())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())));
    Session::new()
        .build_loaded(loaded, Instant::now(), BuildOptions::default())
        .unwrap_or_else(|d| panic!("{}", pleader::diag::render(&d, Default::default())))
}

#[test]
fn the_citecheck_table_lists_every_citation_where_it_landed() {
    let built = build(&root().join("matters/leifer-v-twitter.yaml"));
    let rows = citecheck::rows(&built);
    assert_eq!(rows.len(), built.uses.len(), "one row per citation");
    let p = &built.profile;
    let start = built.facts.body_start.unwrap();
    let full: Vec<_> = rows.iter().filter(|r| r.form == pleader::cite::Form::Full).collect();
    assert!(full.len() > 20, "{} full citations", full.len());
    for r in full {
        let a = built.bank.get(&r.id).unwrap();
        let (page, line) = (r.page.unwrap(), r.line.unwrap());
        // The citation's first word is printed on that body page, on that numbered line.
        let index = start + page as usize - 1;
        let top = p.paper.margin_top.pt() + (line - 1) as f64 * p.lines.pitch.pt();
        let text: String = text_lines(&built, index)
            .into_iter()
            .filter(|l| l.baseline > top && l.baseline <= top + p.lines.pitch.pt() + 0.5)
            .map(|l| l.text)
            .collect::<Vec<_>>()
            .join(" ");
        let printed = plain(&a.toa_text());
        let first_word = normalize(printed.split_whitespace().next().unwrap());
        assert!(normalize(&text).contains(&first_word), "`{}` at {page}:{line}: {first_word:?} not in {text:?}", r.id);
    }
    for r in &rows {
        let a = built.bank.get(&r.id).unwrap();
        assert_eq!(r.url, read::lookup_url(a));
        assert_eq!(r.status, status::status(a).describe());
        assert!(!r.sentence.is_empty(), "`{}`: no sentence", r.id);
    }
    // Reporter citations link to the CourtListener lookup of their reporter, volume and page.
    let highfields = rows.iter().find(|r| r.id == "highfields").unwrap();
    assert_eq!(highfields.url.as_deref(), Some("https://www.courtlistener.com/c/F.%20Supp.%202d/385/969/"));

    // Written as Markdown and CSV through the command.
    let dir = temp_dir("citecheck");
    for (name, header) in
        [("sheet.md", "| ✓ | Authority | Page:line |"), ("sheet.csv", "id,authority,page,line,form,pin,sentence")]
    {
        let path = dir.join(name);
        let (code, out, err) =
            pleader(&["citecheck", "matters/leifer-v-twitter.yaml", "-o", path.to_str().unwrap()], &root());
        assert_eq!(code, 0, "{out}{err}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(header), "{name}: {text}");
        assert!(text.contains("https://www.courtlistener.com/c/F.%20Supp.%202d/385/969/"), "{name}");
        let records = if name.ends_with(".md") {
            text.lines().filter(|l| l.starts_with("| [ ] |")).count()
        } else {
            text.matches("\r\n").count() - 1
        };
        assert_eq!(records, built.uses.len(), "{name}: one row per citation");
        assert!(err.contains(&format!("({} citations)", built.uses.len())), "{err}");
    }
}

fn links_in(frame: &Frame, out: &mut Vec<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Link(Destination::Url(url), _) => out.push(url.as_str().to_string()),
            FrameItem::Group(g) => links_in(&g.frame, out),
            _ => {}
        }
    }
}

#[test]
fn the_profile_can_link_every_case_citation_and_toa_entry_to_its_lookup() {
    let plain_build = build(&root().join("matters/leifer-v-twitter.yaml"));
    let mut none = vec![];
    for page in plain_build.doc.pages() {
        links_in(&page.frame, &mut none);
    }
    assert!(none.iter().all(|u| !u.contains("courtlistener")), "links are off by default");

    let built = leifer_with("\noverrides:\n  citations: {links: true}\n");
    let start = built.facts.body_start.unwrap();
    let (mut front, mut body) = (vec![], vec![]);
    for (i, page) in built.doc.pages().iter().enumerate() {
        links_in(&page.frame, if i < start { &mut front } else { &mut body });
    }
    let expected: BTreeMap<&str, String> =
        built.uses.iter().filter_map(|u| Some((u.id.as_str(), read::lookup_url(built.bank.get(&u.id)?)?))).collect();
    assert!(expected.len() > 20);
    for (id, url) in &expected {
        assert!(body.contains(url), "`{id}`: no link to {url} in the body");
        assert!(front.contains(url), "`{id}`: no link to {url} in the table of authorities");
    }
    assert!(body
        .iter()
        .chain(&front)
        .filter(|u| u.contains("courtlistener"))
        .all(|u| expected.values().any(|e| e == u)));
    // The text is unchanged: the same words on the same pages.
    assert_eq!(built.doc.pages().len(), plain_build.doc.pages().len());
    for i in 0..built.doc.pages().len() {
        assert_eq!(page_string(&built, i), page_string(&plain_build, i), "page {i}");
    }
}

#[test]
fn the_version_and_the_readme_credit_the_reference_data() {
    let (code, out, _) = pleader(&["--version"], &root());
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("reporters-db {REPORTERS_DB_VERSION}"))
            && out.contains(&format!("courts-db {COURTS_DB_VERSION}")),
        "{out}"
    );
    assert!(out.contains("Free Law Project") && out.contains("BSD-2-Clause"), "{out}");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for needle in
        ["reporters-db", "courts-db", "Free Law Project", "BSD-2-Clause", REPORTERS_DB_VERSION, COURTS_DB_VERSION]
    {
        assert!(readme.contains(needle), "README does not mention {needle}");
    }
    for dir in ["reporters-db", "courts-db"] {
        let license = std::fs::read_to_string(root().join("data").join(dir).join("LICENSE")).unwrap();
        assert!(license.contains("Free Law Project") && license.contains("Redistribution"), "{dir}");
        let version = std::fs::read_to_string(root().join("data").join(dir).join("VERSION")).unwrap();
        assert!(version.contains("version: "), "{dir}");
    }
}

#[test]
fn a_matters_own_authorities_are_searchable_with_the_bank() {
    // The Leifer matter defines the platform's privacy policy in its own `authorities:`.
    let (code, out, err) =
        pleader(&["authorities", "--matter", "matters/leifer-v-twitter.yaml", "twitter-privacy"], &root());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("twitter-privacy-policy  [Other]  (matters/leifer-v-twitter.yaml)"), "{out}");
    assert!(out.contains("full:  Twitter, Privacy Policy (eff. June 10, 2022)"), "{out}");
    // Bank entries are listed beside it, and without the matter the entry is not there.
    let (_, out, _) = pleader(&["authorities", "--matter", "matters/leifer-v-twitter.yaml", "privacy"], &root());
    assert!(out.contains("(matters/leifer-v-twitter.yaml)") && out.contains("(authorities/cases.yaml)"), "{out}");
    let (code, _, err) = pleader(&["authorities", "twitter-privacy"], &root());
    assert_eq!(code, 1);
    assert!(err.contains("no authority matches `twitter-privacy`"), "{err}");
}

/// A regulation (`kind: regulation`) is cited like a statute and tabled under its own heading,
/// between Statutes and Rules (the Florida user's 34 C.F.R. § 99.31 sat under Statutes).
#[test]
fn a_regulation_is_tabled_under_regulations() {
    let text = std::fs::read_to_string(root().join("matters/ferreira-v-nestwise.yaml")).unwrap().replace(
        "  - conclusion\n",
        "  - paragraph: reg\n    heading: A Regulation\n    text: \"The regulation permits it. [see @ferpa-reg(a)(9)]. It permits no more. [@ferpa-reg(a)(9)].\"\n  - conclusion\n",
    ) + "\nauthorities:\n  ferpa-reg:\n    kind: regulation\n    cite: \"34 C.F.R. § 99.31\"\n    short: \"§ 99.31\"\n";
    let built = build_text("fe-reg.yaml", &text);
    let start = built.facts.body_start.unwrap();
    let front: String = (0..start).map(|i| normalize(&page_string(&built, i))).collect::<Vec<_>>().join(" ");
    let (statutes, regulations) = (front.find("Statutes").unwrap(), front.find("Regulations").expect(&front));
    assert!(statutes < regulations && front[regulations..].contains("34 C.F.R. § 99.31"), "{front}");
    let body = normalize(&crate::substance::body_text(&built));
    assert!(body.contains("See 34 C.F.R. § 99.31(a)(9). It permits no more. Id."), "{body}");
}
