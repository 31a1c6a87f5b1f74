//! The citation reader (`pleader authorities add`) against an outside oracle: the valid case
//! citations of eyecite's test suite (Free Law Project, BSD-2-Clause), each with its correct
//! reading and what eyecite itself read, in `tests/fixtures/eyecite/valid.txt` (the `eyecite:`
//! lines are written by `scripts/eyecite-verdicts.py`, which runs eyecite). pleader must read at
//! least as many correctly as eyecite, and never return a wrong part without an error.

use chrono::{Datelike, NaiveDate};

use crate::common::*;
use pleader::cite::parse::{parse_citation, Parsed};

/// One record of the oracle file: the fields as written.
struct Record {
    from: String,
    fields: Vec<(String, String)>,
}

impl Record {
    fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn records() -> Vec<Record> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/eyecite/valid.txt")).unwrap();
    let mut out = vec![];
    for block in text.split("\n\n") {
        let fields: Vec<(String, String)> = block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let (k, v) = l.split_once(": ").unwrap_or_else(|| panic!("not `key: value`: {l:?}"));
                (k.to_string(), v.to_string())
            })
            .collect();
        if fields.is_empty() {
            continue;
        }
        let r = Record { from: String::new(), fields };
        let from = r.get("from").unwrap_or_else(|| panic!("a record without `from:`: {:?}", r.fields)).to_string();
        assert!(r.get("in").is_some() && r.get("eyecite").is_some(), "{from}: needs `in:` and `eyecite:`");
        out.push(Record { from, ..r });
    }
    out
}

/// The parts `p` reads differently from the record.
fn wrong_parts(r: &Record, p: &Parsed) -> Vec<String> {
    let mut wrong = vec![];
    let mut differ = |part: &str, got: String| wrong.push(format!("{part}: got {got}"));
    for (key, want) in &r.fields {
        match key.as_str() {
            "from" | "in" | "eyecite" => {}
            "name" if p.name != *want => differ("name", format!("{:?}", p.name)),
            "cite" if p.cite != *want => differ("cite", format!("{:?}", p.cite)),
            "pin" if p.pin.as_deref() != Some(want) => differ("pin", format!("{:?}", p.pin)),
            "docket" if p.docket.as_deref() != Some(want) => differ("docket", format!("{:?}", p.docket)),
            "court" => {
                let ok = match want.as_str() {
                    "-" => p.court.is_none(),
                    alternatives => p.court.as_deref().is_some_and(|c| alternatives.split('|').any(|a| a == c)),
                };
                if !ok {
                    differ("court", format!("{:?}", p.court));
                }
            }
            "year" => {
                let y: i32 = want.parse().unwrap();
                if p.year != Some(y) && p.date.map(|d| d.year()) != Some(y) {
                    differ("year", format!("{:?} / date {:?}", p.year, p.date));
                }
            }
            "date" => {
                let d = NaiveDate::parse_from_str(want, "%Y-%m-%d").unwrap();
                if p.date != Some(d) {
                    differ("date", format!("{:?}", p.date));
                }
            }
            "name" | "cite" | "pin" | "docket" => {}
            other => panic!("{}: unknown key `{other}`", r.from),
        }
    }
    wrong
}

#[test]
fn pleader_reads_eyecites_valid_citations_at_least_as_well_as_eyecite_and_never_silently_wrong() {
    let records = records();
    let eyecite_ok = records.iter().filter(|r| r.get("eyecite") == Some("ok")).count();
    let (mut ok, mut refused, mut misread) = (0, vec![], vec![]);
    for r in &records {
        let input = r.get("in").unwrap();
        match parse_citation(input) {
            Ok(p) => {
                let wrong = wrong_parts(r, &p);
                if wrong.is_empty() {
                    ok += 1;
                } else {
                    misread.push(format!("{} `{input}`: {}", r.from, wrong.join("; ")));
                }
            }
            Err(e) => refused.push(format!("{} `{input}`: {} at `{}`", r.from, e.message, &input[e.span.clone()])),
        }
    }
    eprintln!(
        "eyecite's valid citations: {} records; pleader reads {ok} correctly, refuses {}, misreads {}; eyecite reads {eyecite_ok} correctly",
        records.len(),
        refused.len(),
        misread.len()
    );
    for r in &refused {
        eprintln!("  refused: {r}");
    }
    assert!(misread.is_empty(), "read without an error but wrong:\n{}", misread.join("\n"));
    assert!(
        ok >= eyecite_ok,
        "pleader reads {ok} of {} correctly, eyecite {eyecite_ok}; refused:\n{}",
        records.len(),
        refused.join("\n")
    );
}

#[test]
fn every_record_that_eyecite_misses_says_what_it_got_wrong() {
    for r in records() {
        let verdict = r.get("eyecite").unwrap();
        assert!(
            verdict == "ok" || verdict.strip_prefix("miss: ").is_some_and(|why| !why.trim().is_empty()),
            "{}: `eyecite: {verdict}`",
            r.from
        );
    }
}

#[test]
fn a_refusal_names_the_part_that_is_wrong() {
    // (citation, the text the error points at, words of its message)
    let cases = [
        // eyecite's "1 U.S. f24601" (malformed page): the page, not the reporter.
        ("Foo v. Bar, 1 U.S. f24601 (1982)", "f24601", "page `f24601`"),
        // A missing page: after the reporter, not an unknown reporter.
        ("Foo v. Bar, 1 U.S. (1982)", "", "no first page after `1 U.S.`"),
        ("Foo v. Bar, 12 Nebr. Appx. 5 (2004)", "Nebr. Appx.", "reporter `Nebr. Appx.`"),
        ("Foo v. Bar, 1 F.3d 1 (9th Circ. 1993)", "9th Circ.", "`9th Circ.` is not a court"),
        ("Foo v. Bar, 1 F.3d 1 (9th Cir. Jnu. 4, 1993)", "9th Cir. Jnu. 4, 1993", "month `Jnu.`"),
        ("Foo v. Bar, 1 F.3d 1", "", "court and date"),
    ];
    for (input, at, says) in cases {
        let e = parse_citation(input).expect_err(input);
        assert_eq!(&input[e.span.clone()], at, "{input}: {}", e.message);
        assert!(e.message.contains(says), "{input}: {}", e.message);
    }
}

#[test]
fn the_reader_reports_what_it_normalised_and_what_it_left_out() {
    let p = parse_citation("Hurst v. Florida, — U.S. —, 136 S.Ct. 616, 193 L.Ed.2d 504 (2016)").unwrap();
    assert!(p.notes.iter().any(|n| n.contains("`— U.S. —`")), "{:?}", p.notes);
    assert!(p.notes.iter().any(|n| n.contains("`193 L.Ed.2d 504`")), "{:?}", p.notes);
    let p =
        parse_citation("Yield Dynamics, Inc. v. TEA Systems Corp. (2007) 154 Cal.App.4th 547, 558 [66 Cal.Rptr.3d 1]")
            .unwrap();
    assert!(p.notes.iter().any(|n| n.contains("`66 Cal.Rptr.3d 1`")), "{:?}", p.notes);
    let p = parse_citation("Foo v. Comm'r, T.C. Memo. 2019-233").unwrap();
    assert!(p.notes.iter().any(|n| n.contains("year 2019") && n.contains("Tax Court")), "{:?}", p.notes);
    let p = parse_citation("Lissner v. Test 1 U.S. 1 (1982)").unwrap();
    assert!(p.notes.iter().any(|n| n.contains("comma")), "{:?}", p.notes);
}

#[test]
fn text_that_is_not_ascii_where_a_year_or_a_dash_is_looked_for_is_read_without_a_panic() {
    // Found by the robustness proptest: a typographic character right before where the reader
    // looks for a year run onto the court ("Cir.1990").
    for s in ["0 (at *0“v. )", "Foo v. Bar (at *9–v. 2005) 1 U.S. 1", "Foo v. Bar, 1 U.S. 1 (Cir.“2005)"] {
        let _ = parse_citation(s);
    }
}
