//! The engine on the fixture matter (tests/fixtures/engine): the generated Typst (snapshots), the
//! pleading grid, the table of authorities and table of contents against where things actually
//! landed, the choice of citation forms, page labels, links, and byte-for-byte determinism.

use std::collections::BTreeMap;

use crate::common::*;
use pleader::cite::Form;
use pleader::pipeline::{BuildOptions, Session};
use typst::layout::FrameItem;

fn fixture_matter() -> std::path::PathBuf {
    fixture("engine").join("matter.yaml")
}

#[test]
fn generated_typst_matches_snapshots() {
    let built = build(&fixture_matter());
    let files: BTreeMap<&str, &str> = built.files.iter().map(|f| (f.path.as_str(), f.text.as_str())).collect();
    insta::assert_snapshot!("main", files["/main.typ"]);
    insta::assert_snapshot!("matter", files["/data/matter.typ"]);
    insta::assert_snapshot!("profile", files["/data/profile.typ"]);
    insta::assert_snapshot!("front", built.front.typst());
    for f in built.files.iter().filter(|f| f.path.starts_with("/clauses/")) {
        let name = f.path.trim_start_matches("/clauses/").trim_end_matches(".typ");
        insta::assert_snapshot!(format!("clause-{name}"), f.text);
    }
}

#[test]
fn every_page_carries_numbers_1_to_28_on_the_grid() {
    let built = build(&fixture_matter());
    assert!(built.doc.pages().len() >= 8, "fixture should span several pages");
    for page in 0..built.doc.pages().len() {
        let numbers = line_numbers(&built, page);
        let found: Vec<u32> = numbers.iter().map(|(n, _)| *n).collect();
        assert_eq!(found, (1..=28).collect::<Vec<_>>(), "page {page}");
        for (n, baseline) in numbers {
            let expected = grid_baseline(&built, n);
            assert!((baseline - expected).abs() < 0.01, "page {page} line {n}: {baseline} vs {expected}");
        }
    }
}

#[test]
fn body_lines_stay_on_the_numbered_lines() {
    let built = build(&fixture_matter());
    let checked = assert_body_on_grid(&built);
    assert!(checked > 100, "only {checked} double-spaced lines checked");
}

#[test]
fn toa_lists_every_page_where_each_authority_landed() {
    let built = build(&fixture_matter());
    let expected = expected_toa(&built);
    assert_eq!(printed_toa(&built), expected);
    // The fixture cites some authorities on many pages and some in footnotes only.
    assert!(expected.iter().any(|e| e == "passim"));
    assert!(built.uses.iter().any(|u| u.id == "ny-civ-rights-76a"));
    // Every authority cited is in the table, and nothing else is.
    let in_toa: std::collections::BTreeSet<&str> =
        built.front.toa.iter().flat_map(|c| c.entries.iter().map(|e| e.id.as_str())).collect();
    let cited: std::collections::BTreeSet<&str> = built.uses.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(in_toa, cited);
}

#[test]
fn toa_categories_and_order_follow_the_conventions() {
    let built = build(&fixture_matter());
    let headings: Vec<&str> = built.front.toa.iter().map(|c| c.kind.heading()).collect();
    assert_eq!(headings, ["Cases", "Constitutional Provisions", "Statutes", "Rules"]);
    let cases: Vec<&str> = built.front.toa[0].entries.iter().map(|e| e.id.as_str()).collect();
    // "In re Anonymous Online Speakers" files under A; "In re Ramaekers" under R.
    assert_eq!(
        cases,
        [
            "anonymous-online-speakers",
            "arista",
            "art-of-living",
            "braunstein",
            "highfields",
            "music-group",
            "pgs-home",
            "ramaekers",
            "sony-music"
        ]
    );
    let statutes: Vec<&str> = built.front.toa[2].entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(statutes, ["cfaa", "ny-civ-rights-76a"]);
}

#[test]
fn cite_marks_land_on_their_citation_text() {
    let built = build(&fixture_matter());
    let landed: BTreeMap<usize, pleader::typeset::Landing> = built.facts.marks_of("cite").collect();
    // Every mark is on the page where its citation's text begins, read from the glyphs.
    for (u, page) in built.uses.iter().zip(citation_pages(&built)) {
        assert_eq!(built.facts.body_page(landed[&u.mark].page_index), Some(page), "mark {} ({})", u.mark, u.text);
    }
    for u in &built.uses {
        let l = landed[&u.mark];
        let min = built.profile.type_.min_size.pt() - 0.01;
        let lines: Vec<Line> = text_lines(&built, l.page_index).into_iter().filter(|x| x.size >= min).collect();
        let (index, line) = lines
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1.baseline - l.y).abs().total_cmp(&(b.1.baseline - l.y).abs()))
            .unwrap();
        assert!((line.baseline - l.y).abs() < 12.0, "mark {} far from any line", u.mark);
        // A citation that starts at the end of a line continues on the next one.
        let next = match lines.get(index + 1) {
            Some(n) => n.text.clone(),
            None => text_lines(&built, l.page_index + 1).first().map_or(String::new(), |n| n.text.clone()),
        };
        let auth = built.bank.get(&u.id).unwrap();
        let needle = match u.form {
            Form::Id => "Id".to_string(),
            Form::Short => auth.short_name().split_whitespace().next().unwrap().to_string(),
            Form::Full => {
                auth.name.clone().or(auth.cite.clone()).unwrap().split_whitespace().next().unwrap().to_string()
            }
        };
        let text = normalize(&format!("{} {next}", line.text)).to_lowercase();
        assert!(
            text.contains(&needle.to_lowercase()),
            "mark {} ({}, {:?}) on line {:?}",
            u.mark,
            u.id,
            u.form,
            line.text
        );
    }
}

#[test]
fn toc_pages_are_the_pages_where_headings_landed() {
    let built = build(&fixture_matter());
    let body = body_pages(&built);
    let p = &built.profile;
    let column = p.paper.width.pt() - p.paper.margin_right.pt() - p.layout.page_column.pt();
    let text_bottom = p.paper.margin_top.pt() + p.lines.count as f64 * p.lines.pitch.pt();
    let mut printed = vec![];
    for page in 0..body.start {
        if !page_string(&built, page).contains("TABLE OF CONTENTS") {
            continue;
        }
        let runs: Vec<_> = pleader::typeset::page_text(&built.doc.pages()[page].frame)
            .into_iter()
            .filter(|r| {
                r.x >= column - 0.5 && r.baseline < text_bottom && !r.text.chars().all(|c| c == '.' || c == ' ')
            })
            .collect();
        printed.extend(group_lines(runs).into_iter().map(|l| normalize(&l.text)).filter(|t| t != "Page"));
    }
    // Find each heading's number and title at the start of a body line.
    let mut expected = vec![];
    for entry in &built.front.toc {
        let first_word = entry.title.split_whitespace().next().unwrap().to_uppercase();
        let page = body
            .clone()
            .find(|&pg| {
                text_lines(&built, pg).iter().any(|l| {
                    let t = normalize(&l.text).to_uppercase();
                    t.starts_with(&entry.number.to_uppercase()) && t.contains(&first_word)
                })
            })
            .unwrap_or_else(|| panic!("heading {} not found", entry.title));
        expected.push(built.facts.body_page(page).unwrap().to_string());
    }
    assert_eq!(printed, expected);
}

#[test]
fn id_is_chosen_exactly_when_allowed() {
    let built = build(&fixture_matter());
    let opening: Vec<(&str, Form)> =
        built.uses.iter().filter(|u| u.clause == 0).map(|u| (u.id.as_str(), u.form)).collect();
    assert_eq!(
        opening,
        [
            ("highfields", Form::Full),
            ("highfields", Form::Id),    // same authority alone before it
            ("highfields", Form::Id),    // same pin: bare Id.
            ("music-group", Form::Full), // string cite
            ("anonymous-online-speakers", Form::Full),
            ("music-group", Form::Short), // after a string cite: never Id.
            ("frcp-45", Form::Full),
            ("frcp-45", Form::Short), // rules have no "Id. 45(d)" form
            ("first-amendment", Form::Full),
            ("cfaa", Form::Full),
            ("cfaa", Form::Id),          // Id. § 1030(e)(11)
            ("highfields", Form::Short), // in the footnote, after cfaa
            ("ny-civ-rights-76a", Form::Full),
            ("ny-civ-rights-76a", Form::Id), // text after the footnote: Id. refers to the footnote's last cite
        ]
    );
    let text = normalize(&(body_pages(&built).map(|p| page_string(&built, p)).collect::<Vec<_>>().join(" ")));
    assert!(text.contains("Id. at 976. It governs again. Id. A string cite follows."), "{text}");
    assert!(
        // The motion is cited once, and the complaint again only as Id.: both print in full, with
        // no short form they would never use.
        text.contains("Complaint ¶ 19. Id. ¶ 22. Motion to Compel, Dkt. 1 at 6."),
        "{text}"
    );
    assert!(text.contains("18 U.S.C. § 1030(g). Id. § 1030(e)(11)."), "{text}");
    assert!(text.contains("Those factors came from Sony Music"), "signal-less citation clause keeps its name");
}

#[test]
fn pages_are_labelled_and_headings_bookmarked_and_tables_linked() {
    let built = build(&fixture_matter());
    let start = built.facts.body_start.unwrap();
    let pages = built.doc.pages();
    assert!(pages[0].numbering.is_none(), "caption page is unnumbered");
    for (i, page) in pages.iter().enumerate().skip(1) {
        let pattern = format!("{:?}", page.numbering.as_ref().unwrap());
        if i < start {
            assert!(pattern.contains("LowerRoman") || pattern.contains("\"i\""), "front page {i}: {pattern}");
            assert_eq!(page.number, i as u64);
        } else {
            assert_eq!(page.number, (i - start + 1) as u64);
        }
    }
    // What the footers print, read from the typeset text: nothing on the caption page, roman
    // numbers on the front matter (which shares the caption's page run), arabic on the body.
    // The footer's page number is its one line of digits or roman letters, below the numbered
    // lines.
    let text_bottom =
        built.profile.paper.margin_top.pt() + built.profile.lines.count as f64 * built.profile.lines.pitch.pt();
    let footer_number = |i: usize| {
        let runs = pleader::typeset::page_text(&pages[i].frame).into_iter().filter(|r| r.baseline > text_bottom);
        group_lines(runs.collect())
            .iter()
            .map(|l| l.text.trim().to_string())
            .find(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || "ivxl".contains(c)))
    };
    let roman = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii"];
    assert_eq!(footer_number(0), None, "the caption page prints no number");
    for (i, numeral) in roman.iter().enumerate().take(start).skip(1) {
        assert_eq!(footer_number(i).as_deref(), Some(*numeral), "front page {i}");
    }
    for i in start..pages.len() {
        assert_eq!(footer_number(i), Some((i - start + 1).to_string()), "body page {i}");
    }
    let pdf = built.pdf.as_ref().unwrap();
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/PageLabels"));
    // The PDF's page labels: roman from the first front page, arabic from the body's first.
    assert!(has(b"/Type/PageLabel/S/r/St 1"), "front matter labelled i, ii, …");
    assert!(has(b"/Outlines"));
    // TOC and TOA pages carry links.
    for (page, p) in pages.iter().enumerate().take(start).skip(1) {
        let links = p.frame.items().filter(|(_, i)| matches!(i, FrameItem::Link(..))).count() + count_links(&p.frame);
        assert!(links > 0, "front page {page} has no links");
    }
}

fn count_links(frame: &typst::layout::Frame) -> usize {
    frame
        .items()
        .map(|(_, item)| match item {
            FrameItem::Link(..) => 1,
            FrameItem::Group(g) => count_links(&g.frame),
            _ => 0,
        })
        .sum()
}

#[test]
fn same_inputs_give_the_same_bytes() {
    let a = build(&fixture_matter()).pdf.unwrap();
    let b = build(&fixture_matter()).pdf.unwrap();
    assert_eq!(a, b, "two cold builds differ");
    // A warm session that built it before gives the same bytes too.
    let mut session = Session::new();
    let _ = session.build_path(&fixture_matter(), BuildOptions::default()).unwrap();
    let c = session.build_path(&fixture_matter(), BuildOptions::default()).unwrap();
    assert_eq!(a, c.pdf.unwrap(), "warm rebuild differs");
    assert_eq!(c.timings.compiles, 1, "a warm rebuild with nothing changed guesses the front matter right");
    // The only date in the PDF is the matter's (2024-03-05), never the clock's.
    let text = String::from_utf8_lossy(&a);
    let dates: Vec<&str> = text.match_indices("(D:").map(|(i, _)| &text[i + 3..i + 11]).collect();
    assert!(!dates.is_empty() && dates.iter().all(|d| *d == "20240305"), "{dates:?}");
}

#[test]
fn footnote_citations_count_on_the_page_where_they_land() {
    let built = build(&fixture_matter());
    // The footnote in fx-opening cites § 76-a; its mark lands in the footnote area of that page.
    let mark = built.uses.iter().find(|u| u.id == "ny-civ-rights-76a").unwrap().mark;
    let l = built.facts.marks_of("cite").find(|(n, _)| *n == mark).unwrap().1;
    let footnote_area = grid_baseline(&built, 24);
    assert!(l.y > footnote_area, "the footnote's citation should sit at the page bottom, y = {}", l.y);
}

/// The fixture with a last clause, `fx-page-top`: one paragraph across a page break in which each
/// sentence cites a case cited nowhere else, after `lead` words of filler.
fn page_top_matter(lead: usize) -> String {
    let trees = [
        "alder", "beech", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ironwood", "juniper", "larch", "maple",
        "oak", "pine",
    ];
    let mut text = format!("  - {{clause: fx-page-top, options: {{lead: {lead}}}}}\nauthorities:\n");
    for (i, t) in trees.iter().enumerate() {
        let name = format!("{}{}", t[..1].to_uppercase(), &t[1..]);
        text.push_str(&format!(
            "  pt-{t}: {{kind: case, name: \"{name} v. Example\", short: {name}, cite: \"{} F.4th 1\", court: 9th Cir., year: 2024}}\n",
            101 + i
        ));
    }
    engine_matter(&[], &text)
}

#[test]
fn a_citation_that_starts_a_page_is_listed_on_that_page() {
    // Shift the page break word by word until a citation's first glyph is the first glyph of a
    // page; then its table entry must give that page (and its mark must have landed there).
    let mut session = Session::new();
    for lead in 0..80 {
        let built = build_engine_text(&mut session, &page_top_matter(lead));
        let pages = citation_pages(&built);
        let min = built.profile.type_.min_size.pt() - 0.01;
        let start = built.facts.body_start.unwrap();
        let at_top = built.uses.iter().zip(&pages).find(|(u, page)| {
            let first =
                text_lines(&built, start + **page as usize - 1).into_iter().find(|l| l.size >= min).map(|l| l.text);
            let name = u.text.split_whitespace().next().unwrap();
            u.id.starts_with("pt-") && first.is_some_and(|f| normalize(&f).starts_with(name))
        });
        let Some((u, &page)) = at_top else { continue };
        eprintln!("lead {lead}: {} starts body page {page}", u.text);
        assert!(page > 1);
        // Mid-paragraph: the page before ends with a line of the same paragraph (no blank line).
        let before = text_lines(&built, start + page as usize - 2);
        assert!(before.last().unwrap().text.contains("decided once"), "{before:?}");
        let entries: Vec<&str> = built.front.toa.iter().flat_map(|c| c.entries.iter().map(|e| e.id.as_str())).collect();
        let printed = printed_toa(&built);
        let index = entries.iter().position(|id| *id == u.id).unwrap();
        assert_eq!(printed[index], page.to_string(), "{} starts page {page}", u.text);
        assert_eq!(printed, expected_toa(&built));
        let mark = built.facts.marks_of("cite").find(|(n, _)| *n == u.mark).unwrap().1;
        assert_eq!(built.facts.body_page(mark.page_index), Some(page), "the mark left its citation");
        return;
    }
    panic!("no lead of 0–79 words put a citation at the top of a page");
}
