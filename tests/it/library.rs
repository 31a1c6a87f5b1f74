//! The clause library and the sample matters: both matters build and stay within the
//! court's limits (and would be filing-ready but for their unverified authorities); every clause is used; each brief's TOA lists exactly what its body cites, on
//! the pages where it is cited; no clause names a party, platform or court; the Leifer brief has
//! the digest's structure (I–V, IV.A–C with their subsections) and its six footnotes.

use std::collections::BTreeSet;

use crate::common::*;
use pleader::rules::filing_ready;
use typst::foundations::NativeElement;
use typst::introspection::Introspector;
use typst::model::FootnoteElem;

fn matters() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("matters"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_sample_matter_passes_every_check_but_verification() {
    let all = matters();
    assert!(all.len() >= 5, "{all:?}");
    for m in all {
        let built = build(&m);
        // Each cites authorities whose bank entries are not verified, which the default profile
        // setting (`citations.unverified: fail`) counts against filing (tests/it/citations.rs),
        // and some whose pins nobody has verified (see `checks_but_verification`).
        let others = checks_but_verification(&built);
        assert!(filing_ready(&others), "{}: {others:#?}", m.display());
        assert_body_on_grid(&built);
        assert_eq!(printed_toa(&built), expected_toa(&built), "{}", m.display());
        // The TOA lists exactly the authorities the body cites.
        let in_toa: BTreeSet<&str> =
            built.front.toa.iter().flat_map(|c| c.entries.iter().map(|e| e.id.as_str())).collect();
        let cited: BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(in_toa, cited, "{}", m.display());
    }
}

#[test]
fn every_clause_is_used_by_a_sample_matter() {
    let mut used = BTreeSet::new();
    for m in matters() {
        let built = build(&m);
        used.extend(built.drafted.iter().map(|r| r.clause.clone()));
    }
    for e in std::fs::read_dir(root().join("clauses")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        let Some(id) = name.strip_suffix(".tera") else { continue };
        if id.starts_with('_') {
            continue; // partials are included by clauses
        }
        assert!(used.contains(id), "clause `{id}` is not used by any sample matter");
    }
}

/// Names that must come from a matter, never from a clause: parties, platforms, courts.
fn literal_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for m in matters() {
        let text = std::fs::read_to_string(&m).unwrap();
        let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        for (_, p) in v["parties"].as_mapping().unwrap() {
            for key in ["name", "short"] {
                names.insert(p[key].as_str().unwrap().to_string());
            }
        }
        fn walk(v: &serde_yaml::Value, key: &str, out: &mut BTreeSet<String>) {
            match v {
                serde_yaml::Value::Mapping(m) => {
                    for (k, v) in m {
                        walk(v, k.as_str().unwrap_or(""), out);
                    }
                }
                serde_yaml::Value::Sequence(s) => s.iter().for_each(|x| walk(x, key, out)),
                serde_yaml::Value::String(s) if key == "platform" || key.contains("court") => {
                    out.insert(s.clone());
                }
                _ => {}
            }
        }
        walk(&v["facts"], "", &mut names);
        names.insert(v["division"].as_str().unwrap_or("").to_string());
    }
    names.retain(|n| n.len() > 2);
    // A sample whose action is pending in the court that hears the motion names it as the clauses
    // do.
    names.remove("this Court");
    // Court names as printed in captions.
    names.extend(["Northern District", "Eastern District", "Central District", "Southern District"].map(String::from));
    names
}

#[test]
fn no_clause_names_a_party_platform_or_court() {
    let names = literal_names();
    assert!(names.contains("Twitter") && names.contains("Leifer"), "{names:?}");
    for e in std::fs::read_dir(root().join("clauses")).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        // One statement of where a decision comes from, not of where the matter is: a court with
        // no settled standard of its own is told that Highfields is the Northern District of
        // California's standard (the sentence cites Highfields itself).
        let text = text.replace("Courts in the Northern District of California decide", "");
        for n in &names {
            assert!(!text.contains(n.as_str()), "{} names `{n}`", path.display());
        }
    }
}

#[test]
fn the_leifer_brief_has_the_digest_structure() {
    // The digest's outline, with the statement of issues N.D. Cal. Civil L.R. 7-4(a)(3) requires
    // (the filed brief had none) after the introduction.
    let built = build(&root().join("matters/leifer-v-twitter.yaml"));
    let toc: Vec<(usize, String, String)> = built
        .front
        .toc
        .iter()
        .map(|e| (e.level, e.number.clone(), normalize(&pleader::escape::plain(&e.title))))
        .collect();
    let outline: Vec<(usize, &str)> = built.matter.outline().iter().map(|(l, i)| (*l, i.clause.as_str())).collect();
    assert_eq!(toc.len(), outline.len());
    let numbers: Vec<(usize, &str)> = toc.iter().map(|(l, n, _)| (*l, n.as_str())).collect();
    assert_eq!(
        numbers,
        [
            (1, "I."),
            (1, "II."),
            (1, "III."),
            (1, "IV."),
            (1, "V."),
            (2, "A."),
            (2, "B."),
            (3, "1."),
            (3, "2."),
            (2, "C."),
            (3, "1."),
            (3, "2."),
            (1, "VI."),
        ]
    );
    let titles: Vec<&str> = toc.iter().map(|(_, _, t)| t.as_str()).collect();
    for (i, expected) in [
        (0, "Introduction"),
        (1, "Statement of Issues to Be Decided"),
        (2, "Factual Background"),
        (3, "Legal Standard"),
        (4, "Argument"),
        (12, "Conclusion"),
    ] {
        assert!(titles[i].eq_ignore_ascii_case(expected), "{i}: {}", titles[i]);
    }
    // The digest's six footnotes but two: the point that Leifer is a public figure (its fourth)
    // is argued in the text of the fault subsection, where the standard it sets is applied; and
    // the bank holds no decision whose waiver passage was read, so no footnote says that an
    // argument on fault not made is waived. No block quotation: the elements the brief quotes
    // run to 35 words, and Bluebook 5.1(a) sets a quotation as a block from fifty (audit L5).
    let footnotes = built.doc.introspector().query(&FootnoteElem::ELEM.select()).len();
    assert_eq!(footnotes, 4);
    let quotes: usize = built.clauses.iter().map(|c| c.body.matches("#blockquote[").count()).sum();
    assert_eq!(quotes, 0);
    // Within the 25-page limit of Civil L.R. 7-3(a).
    assert!(pleader::rules::body_pages(&built) <= 25);
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_project_are_followed_once() {
    use pleader::library::project::Project;
    let dir = temp_dir("lib-links");
    std::fs::create_dir_all(dir.join("clauses")).unwrap();
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    std::fs::write(dir.join("shared/words.tera"), "Shared words.").unwrap();
    std::os::unix::fs::symlink(dir.join("shared/words.tera"), dir.join("clauses/_words.tera")).unwrap();
    // A link back to the folder itself is read once, not forever.
    std::os::unix::fs::symlink(dir.join("clauses"), dir.join("clauses/again")).unwrap();
    let project = Project::at(&dir).unwrap();
    assert_eq!(project.files["clauses/_words.tera"].text.as_ref(), "Shared words.");
    assert_eq!(project.paths["clauses/_words.tera"], std::fs::canonicalize(dir.join("shared/words.tera")).unwrap());
    assert!(!project.files.keys().any(|k| k.starts_with("clauses/again")), "{:?}", project.files.keys());
}

#[test]
fn a_page_limit_inclusive_of_all_parts_counts_every_page() {
    // `limits.<type>.counts: all`: the caption page, the tables, the signature and the
    // certificates count against the limit, not only the body.
    let dir = temp_dir("lib-counts-all");
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    let profile = std::fs::read_to_string(root().join("courts/nd-cal.yaml")).unwrap();
    let body_only = profile.replace("  opposition: {pages: 25}", "  opposition: {pages: 14}");
    assert_ne!(body_only, profile, "the N.D. Cal. opposition limit moved");
    let all = profile.replace("  opposition: {pages: 25}", "  opposition: {pages: 14, counts: all}");
    std::fs::write(dir.join("courts/nd-cal.yaml"), &all).unwrap();
    let matter = dir.join("leifer.yaml");
    std::fs::copy(root().join("matters/leifer-v-twitter.yaml"), &matter).unwrap();
    let built = build(&matter);
    let total = built.doc.pages().len();
    let body = pleader::rules::body_pages(&built);
    assert!(body <= 14 && total > 14, "body {body}, total {total}");
    let item = pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "page limit").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Fail, "{}", item.detail);
    assert!(item.detail.contains(&format!("{total} pages in all ({body} of them body)")), "{}", item.detail);
    // The same limit counting the body alone passes.
    std::fs::write(dir.join("courts/nd-cal.yaml"), &body_only).unwrap();
    let built = build(&matter);
    let item = pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "page limit").unwrap();
    assert_eq!(item.status, pleader::rules::Status::Pass, "{}", item.detail);
}

#[test]
fn a_profile_without_tables_prints_the_body_after_the_caption() {
    // `front_matter.tables: false`: no TABLE OF CONTENTS or TABLE OF AUTHORITIES page; the first
    // body page follows the caption page, and `check` fails the brief where the same profile's
    // `required_over_pages` asks for the tables at its length.
    let dir = temp_dir("lib-no-tables");
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    let profile = std::fs::read_to_string(root().join("courts/nd-cal.yaml")).unwrap();
    let anchor = "  required_over_pages: 10     # Civil L.R. 7-4(a) (unconfirmed)\n";
    assert!(profile.contains(anchor), "the N.D. Cal. front_matter moved");
    let without = profile.replace(anchor, &format!("{anchor}  tables: false\n"));
    std::fs::write(dir.join("courts/nd-cal.yaml"), &without).unwrap();
    let matter = dir.join("leifer.yaml");
    std::fs::copy(root().join("matters/leifer-v-twitter.yaml"), &matter).unwrap();
    let built = build(&matter);
    let all: String = (0..built.doc.pages().len()).map(|p| page_string(&built, p)).collect();
    assert!(!all.contains("TABLE OF CONTENTS") && !all.contains("TABLE OF AUTHORITIES"));
    assert_eq!(built.facts.body_start, Some(1), "the body starts on the page after the caption");
    let item = pleader::rules::court_checks(&built)
        .into_iter()
        .find(|c| c.name == "table of contents and authorities")
        .unwrap();
    assert_eq!(item.status, pleader::rules::Status::Fail, "{}", item.detail);
    assert!(item.detail.contains("`front_matter.tables: false`"), "{}", item.detail);
    // Where the court does not require them, the brief passes without them.
    std::fs::write(dir.join("courts/nd-cal.yaml"), without.replace(anchor, "")).unwrap();
    let built = build(&matter);
    assert!(!page_string(&built, 1).contains("TABLE OF CONTENTS"));
    assert!(pleader::rules::court_checks(&built).iter().all(|c| c.name != "table of contents and authorities"));
}

#[test]
fn the_time_to_respond_is_counted_from_the_matters_dates() {
    // N.D. Cal.'s 14 days run from the motion's filing (Civil L.R. 7-3(a)); a last day on a
    // weekend or federal holiday runs on to the next court day (Fed. R. Civ. P. 6(a)(1)(C)).
    let dir = temp_dir("lib-deadline");
    let text = std::fs::read_to_string(root().join("matters/harlow-v-threadline.yaml")).unwrap();
    let check = |filed: &str, date: &str, due: Option<&str>| {
        let mut t = text.replace("    delay: six weeks\n", &format!("    delay: six weeks\n    filed: {filed}\n"));
        assert_ne!(t, text, "Harlow's motion moved");
        t = t.replace("  date: 2024-06-14\n", &format!("  date: {date}\n"));
        if let Some(due) = due {
            t = t.replace(&format!("  date: {date}\n"), &format!("  date: {date}\n  due: {due}\n"));
        }
        let matter = dir.join("harlow.yaml");
        std::fs::write(&matter, t).unwrap();
        let built = build(&matter);
        pleader::rules::court_checks(&built).into_iter().find(|c| c.name == "time to respond").unwrap()
    };
    // Filed Thursday May 23, 2024: the 14th day is Thursday June 6.
    let item = check("2024-05-23", "2024-06-06", None);
    assert_eq!(item.status, pleader::rules::Status::Pass, "{}", item.detail);
    assert!(
        item.detail.starts_with(
            "due June 6, 2024: 14 days after the motion was filed on May 23, 2024, under Civil L.R. 7-3(a)"
        ),
        "{}",
        item.detail
    );
    let item = check("2024-05-23", "2024-06-07", None);
    assert_eq!(item.status, pleader::rules::Status::Fail, "{}", item.detail);
    assert!(item.detail.contains("June 7, 2024, 1 day late"), "{}", item.detail);
    // Filed Wednesday June 5, 2024: the 14th day is Juneteenth, so Thursday June 20.
    let item = check("2024-06-05", "2024-06-20", None);
    assert_eq!(item.status, pleader::rules::Status::Pass, "{}", item.detail);
    assert!(item.detail.contains("June 19, 2024 is Juneteenth National Independence Day"), "{}", item.detail);
    // A date the Court set replaces the rule.
    let item = check("2024-05-23", "2024-06-14", Some("2024-06-14"));
    assert_eq!(item.status, pleader::rules::Status::Pass, "{}", item.detail);
    assert!(item.detail.contains("the date the Court set"), "{}", item.detail);
}

/// A copy of the embedded regular face whose family is renamed (same length, so the tables keep
/// their offsets): a typeface pleader does not embed, for the `fonts/` folder.
fn renamed_font(family: &str) -> Vec<u8> {
    assert_eq!(family.len(), "Liberation Serif".len());
    let mut bytes = std::fs::read(root().join("fonts/LiberationSerif-Regular.ttf")).unwrap();
    let replace = |bytes: &mut Vec<u8>, from: &[u8], to: &[u8]| {
        let mut i = 0;
        let mut n = 0;
        while i + from.len() <= bytes.len() {
            if &bytes[i..i + from.len()] == from {
                bytes[i..i + from.len()].copy_from_slice(to);
                n += 1;
                i += from.len();
            } else {
                i += 1;
            }
        }
        n
    };
    let utf16 = |s: &str| s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect::<Vec<u8>>();
    let n = replace(&mut bytes, b"Liberation Serif", family.as_bytes())
        + replace(&mut bytes, &utf16("Liberation Serif"), &utf16(family));
    assert!(n > 0, "the family name was not found in the font");
    bytes
}

#[test]
fn a_projects_fonts_folder_supplies_the_courts_typeface() {
    // A court that requires a typeface pleader does not embed: the lawyer puts its files in the
    // project's `fonts/` folder and names it in the profile; the body is set in it.
    let dir = temp_dir("lib-fonts");
    std::fs::create_dir_all(dir.join("courts")).unwrap();
    let profile = std::fs::read_to_string(root().join("courts/nd-cal.yaml")).unwrap();
    let anchor = "  font: Liberation Serif      # Times-metric; embedded in pleader\n";
    assert!(profile.contains(anchor), "the N.D. Cal. font line moved");
    std::fs::write(dir.join("courts/nd-cal.yaml"), profile.replace(anchor, "  font: Courtroom RomanX\n")).unwrap();
    let matter = dir.join("leifer.yaml");
    std::fs::copy(root().join("matters/leifer-v-twitter.yaml"), &matter).unwrap();
    // Without the files: an error that says where they go.
    let err = match pleader::pipeline::Session::new().build_path(&matter, pleader::pipeline::BuildOptions::default()) {
        Err(e) => pleader::diag::render(&e, Default::default()),
        Ok(_) => panic!("a typeface neither embedded nor in fonts/ built"),
    };
    assert!(err.contains("Courtroom RomanX") && err.contains("`fonts/`"), "{err}");
    std::fs::create_dir_all(dir.join("fonts")).unwrap();
    std::fs::write(dir.join("fonts/CourtroomRoman.ttf"), renamed_font("Courtroom RomanX")).unwrap();
    let built = build(&matter);
    let start = built.facts.body_start.unwrap();
    let runs = pleader::typeset::page_text(&built.doc.pages()[start].frame);
    let upright: Vec<&str> = runs.iter().filter(|r| !r.italic && r.text.len() > 20).map(|r| r.font.as_str()).collect();
    assert!(!upright.is_empty() && upright.iter().all(|f| *f == "Courtroom RomanX"), "{upright:?}");
    // A file that holds no font is refused, naming it.
    std::fs::write(dir.join("fonts/broken.ttf"), b"not a font").unwrap();
    let err = match pleader::pipeline::Session::new().build_path(&matter, pleader::pipeline::BuildOptions::default()) {
        Err(e) => pleader::diag::render(&e, Default::default()),
        Ok(_) => panic!("a broken font file was accepted"),
    };
    assert!(err.contains("fonts/broken.ttf"), "{err}");
}

#[test]
fn a_project_bank_file_that_hides_a_built_in_one_of_the_same_name_is_warned_of() {
    // The Virginia user's own authorities/virginia.yaml, written before the library shipped one.
    let dir = temp_dir("hidden-bank");
    std::fs::create_dir_all(dir.join("authorities")).unwrap();
    std::fs::create_dir_all(dir.join("matters")).unwrap();
    std::fs::write(
        dir.join("authorities/virginia.yaml"),
        "duggin-v-adams:\n  kind: case\n  name: Duggin v. Adams\n  cite: \"360 S.E.2d 832\"\n  court: Va.\n  year: 1987\n  unverified: \"a test's entry\"\n",
    )
    .unwrap();
    std::fs::copy(root().join("matters/brandywine-v-doe.yaml"), dir.join("matters/b.yaml")).unwrap();
    let (_, out, err) = pleader(&["check", "matters/b.yaml"], &dir);
    let all = format!("{out}{err}");
    assert!(
        all.contains("the project's authorities/virginia.yaml replaces the built-in file of that name, and with it the library's entries `jordan-v-kollman`, `raytheon-v-hyland`"),
        "{all}"
    );
    // Renamed, it adds to the bank, and nothing is hidden.
    std::fs::rename(dir.join("authorities/virginia.yaml"), dir.join("authorities/virginia-mine.yaml")).unwrap();
    let (_, out, err) = pleader(&["check", "matters/b.yaml"], &dir);
    assert!(!format!("{out}{err}").contains("replaces the built-in file"), "{out}{err}");
}
