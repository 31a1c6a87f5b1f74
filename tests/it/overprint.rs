//! Text printed over other text, found from the glyphs of every page: no sample matter under any
//! court profile its brief is written for overprints; a counsel block too tall for the lines
//! above the court title pushes the title down instead of running into it; and `check` fails,
//! naming the page and both texts, when something does overprint.

use crate::common::*;
use pleader::pipeline::{Built, Session};
use pleader::rules::{court_checks, filing_ready, overprint, Status};
use pleader::typeset::page_text;

/// A sample matter with only its `court:` line changed.
fn sample_in(matter: &str, court: &str) -> Built {
    build_text(matter, &sample_text_in(matter, court))
}

#[test]
fn no_sample_overprints_under_any_profile() {
    let matrix = sample_matrix();
    assert!(matrix.len() >= 8, "{}", matrix.len());
    for (matter, court, text) in &matrix {
        let built = build_text(matter, text);
        assert_eq!(overprint::overprints(&built.doc), vec![], "{matter} under {court}");
        let check = court_checks(&built).into_iter().find(|c| c.name == "overprinted text").unwrap();
        assert_eq!(check.status, Status::Pass, "{matter} under {court}: {check:?}");
    }
}

#[test]
fn a_tall_counsel_block_pushes_the_court_title_down() {
    // Two attorneys in 14-point type need more than lines 1–7.
    let built = sample_in("harlow-v-threadline.yaml", "cd-cal");
    assert!(built.matter.counsel.attorneys.len() >= 2);
    let p = &built.profile;
    let runs = page_text(&built.doc.pages()[0].frame);
    let title = runs.iter().find(|r| r.text.contains("UNITED STATES DISTRICT COURT")).expect("court title");
    // On a numbered line, at or below the profile's.
    let line = (title.baseline - grid_baseline(&built, 1)) / p.lines.pitch.pt() + 1.0;
    assert!((line - line.round()).abs() < 0.05, "title between lines: {line}");
    assert!(line.round() as u32 >= p.caption.court_title_line, "{line}");
    // Below every line of the counsel block, which stays left of the page's center.
    // A business form is held to the name by a no-break space ("THREADLINE,\u{a0}INC.").
    let client =
        runs.iter().find(|r| r.text.replace('\u{a0}', " ").contains(&built.matter.client().unwrap().1.name)).unwrap();
    assert!(client.baseline + 0.2 * client.size <= title.baseline - 0.7 * title.size, "{client:?} / {title:?}");
    let center = p.paper.width.pt() / 2.0;
    for r in runs.iter().filter(|r| r.baseline <= client.baseline && r.x > p.paper.margin_left.pt() - 1.0) {
        assert!(r.x + r.width <= center + 0.01, "clerk's space used: {r:?}");
    }
    // Each bar number on one line.
    let lines: Vec<String> = all_lines(&built, 0).iter().map(|l| normalize(&l.text)).collect();
    for a in &built.matter.counsel.attorneys {
        let sbn = format!("(State Bar No. {})", a.bar.as_deref().expect("the sample gives bar numbers"));
        assert!(lines.iter().any(|l| l.contains(&sbn)), "{sbn} broken: {lines:#?}");
    }
}

#[test]
fn check_fails_on_overprinted_text_and_names_it() {
    let built = build_engine_text(&mut Session::new(), &engine_matter(&[], "  - fx-overprint\n"));
    let found = overprint::overprints(&built.doc);
    assert!(!found.is_empty());
    assert!(found.iter().all(|o| o.first.contains("OVERPRINTED") || o.second.contains("OVERPRINTED")), "{found:#?}");
    let checks = court_checks(&built);
    let check = checks.iter().find(|c| c.name == "overprinted text").unwrap();
    assert_eq!(check.status, Status::Fail);
    let page = found[0].page_index + 1;
    assert!(check.detail.contains(&format!("PDF page {page}")) && check.detail.contains("OVERPRINTED"), "{check:?}");
    assert!(!filing_ready(&checks));
}
