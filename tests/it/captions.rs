//! Captions, signatures and footers as typeset, read from the glyphs: every attorney with the bar
//! identifier the profile names (counsel block and signature), "In re" captions on the
//! numbered-line grid with the underlying action, a state court's caption from the underlying
//! action, long hyphenated names wrapped only at their spaces and hyphens, the footer's
//! "Case No. …" never broken; and the matter's cross-field rules, by mutating every sample.

use crate::common::*;
use pleader::diag::{Diagnostic, SourceText};
use pleader::pipeline::{BuildOptions, Built, Session};
use pleader::typeset::page_text;

fn root_project() -> pleader::library::project::Project {
    pleader::library::project::Project::at(&root()).unwrap()
}

/// A build that may fail: the diagnostics instead of a panic.
fn try_build(name: &str, text: &str) -> Result<Built, Vec<Diagnostic>> {
    let src = SourceText::new(name.to_string(), text.to_string());
    let loaded = pleader::pipeline::load(src, root_project())?;
    Session::new().build_loaded(loaded, std::time::Instant::now(), BuildOptions::default())
}

/// A page's lines as read, without the line numbers in the margin.
fn read_lines(built: &Built, page: usize) -> Vec<String> {
    all_lines(built, page)
        .iter()
        .map(|l| normalize(&l.text))
        .map(|l| match l.split_once(' ') {
            Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
            _ => l,
        })
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// The page whose typeset text holds "Respectfully submitted", and its lines from there on.
fn signature_lines(built: &Built) -> Vec<String> {
    for page in (0..built.doc.pages().len()).rev() {
        let lines = read_lines(built, page);
        if let Some(i) = lines.iter().position(|l| l.contains("Respectfully submitted")) {
            return lines[i..].to_vec();
        }
    }
    panic!("no signature block in {}", built.matter.document.title)
}

/// The lines of the caption box's left column on the first page (line numbers and the right
/// column left out).
fn left_column(built: &Built) -> Vec<Line> {
    let p = &built.profile;
    let (left, center) = (p.paper.margin_left.pt() - 1.0, p.paper.width.pt() / 2.0);
    let runs =
        page_text(&built.doc.pages()[0].frame).into_iter().filter(|r| r.x >= left && r.x < center - 10.0).collect();
    group_lines(runs)
}

/// Inserts `block` before the line that starts with `before`.
fn insert_before(text: &str, before: &str, block: &str) -> String {
    let at = text.find(&format!("\n{before}")).unwrap_or_else(|| panic!("no `{before}` line")) + 1;
    format!("{}{block}{}", &text[..at], &text[at..])
}

#[test]
fn every_attorney_prints_with_the_bar_number_the_profile_names() {
    let mut checked = 0;
    for matter in sample_files() {
        let text = std::fs::read_to_string(root().join("matters").join(&matter)).unwrap();
        let built = build_text(&matter, &text);
        let label = built.profile.counsel.bar_label.clone();
        let first = read_lines(&built, 0);
        let signature = signature_lines(&built);
        for a in &built.matter.counsel.attorneys {
            match (&label, &a.bar) {
                (Some(label), Some(bar)) => {
                    // The label before the number, or the whole identifier where it places the
                    // number itself (`{bar}`: Michigan's "P68213").
                    let label = label.replace("{state}", &a.state);
                    let id = match label.contains("{bar}") {
                        true => format!("({})", label.replace("{bar}", bar)),
                        false => format!("({label} {bar})"),
                    };
                    // In the signature block: the name, and the number whole on its line or the next.
                    let line = format!("{} {id}", a.name);
                    let ok = signature.iter().any(|l| l.contains(&line))
                        || signature.windows(2).any(|w| w[0].ends_with(&a.name) && w[1].contains(&id))
                        || signature.windows(3).any(|w| w[0].ends_with(&a.name) && w[2].starts_with(&id));
                    assert!(ok, "{matter}: `{line}` in {signature:#?}");
                    if built.profile.caption.counsel {
                        // California's counsel block sets names in capitals; a cover's (Delaware's)
                        // as they are written.
                        let line = format!("{} {id}", a.name).to_uppercase();
                        let ok = first.iter().any(|l| l.to_uppercase().contains(&line))
                            || first
                                .windows(2)
                                .any(|w| w[0].to_uppercase().ends_with(&a.name.to_uppercase()) && w[1].contains(&id));
                        assert!(ok, "{matter}: `{line}` in the counsel block {first:#?}");
                    }
                    checked += 1;
                }
                (None, _) => {
                    assert!(signature.iter().any(|l| l.contains(&a.name)), "{matter}: {} not signed", a.name);
                    assert!(!signature.iter().any(|l| l.contains("Bar No.")), "{matter}: {signature:#?}");
                }
                (Some(label), None) => panic!("{matter}: the {label} profile needs a bar number for {}", a.name),
            }
        }
        // The signer first (under the /s/ line), every other attorney after.
        let listed = |name: &str| signature.iter().position(|l| l.contains(name) && !l.contains("/s/")).unwrap();
        let signer = listed(&built.matter.counsel.signer);
        for a in built.matter.counsel.attorneys.iter().filter(|a| a.name != built.matter.counsel.signer) {
            let at = listed(&a.name);
            assert!(at > signer, "{matter}: {} before the signer", a.name);
        }
    }
    assert!(checked >= 7, "only {checked} bar numbers checked");
}

#[test]
fn a_profile_naming_another_identifier_prints_it_for_each_attorney() {
    // An Illinois-style profile: the ARDC number, from the profile and not the matter.
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    let text = format!("{text}\noverrides:\n  counsel: {{bar_label: ARDC No.}}\n");
    let built = build_text("ardc.yaml", &text);
    let signature = signature_lines(&built).join("\n");
    let first = all_lines(&built, 0).iter().map(|l| normalize(&l.text)).collect::<Vec<_>>().join("\n");
    for (name, bar) in [("Gil Walton", "324133"), ("Fred Norton", "224725")] {
        assert!(signature.contains(&format!("{name} (ARDC No. {bar})")), "{signature}");
        assert!(first.contains(&format!("{} (ARDC No. {bar})", name.to_uppercase())), "{first}");
    }
    assert!(!signature.contains("State Bar") && !first.contains("State Bar"));
}

fn in_re_text() -> String {
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    insert_before(
        &text,
        "document:",
        "caption:\n  form: in-re\n  text: \"In re Subpoena to Twitter, Inc.\"\n  underlying: {caption: \"Leifer v. Does 1–10\", court: \"Superior Court of California, County of Santa Clara\", number: \"22CV401177\"}\n\n",
    )
}

#[test]
fn an_in_re_caption_sits_on_the_line_grid_with_the_underlying_action() {
    let built = build_text("inre.yaml", &in_re_text());
    let p = &built.profile;
    let lines = left_column(&built);
    let title = lines.iter().find(|l| l.text.contains("In re Subpoena to Twitter, Inc.")).expect("the In re line");
    let underlying = lines.iter().position(|l| normalize(&l.text).starts_with("Underlying action: Leifer v."));
    let underlying = underlying.unwrap_or_else(|| panic!("the underlying action: {lines:#?}"));
    // The underlying action's lines: from its first line down the left column.
    let left: Vec<_> = lines[underlying..].iter().take(4).collect();
    let joined = normalize(&left.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "));
    assert!(
        joined.contains("Leifer v. Does 1–10, No. 22CV401177 (Superior Court of California, County of Santa Clara)"),
        "{joined}"
    );
    // The case name is set in italics (the caption's only italic text), the Doe range whole.
    let italic: Vec<String> =
        page_text(&built.doc.pages()[0].frame).into_iter().filter(|r| r.italic).map(|r| r.text).collect();
    assert!(italic.iter().any(|t| t.contains("Leifer v.")), "{italic:?}");
    assert!(!italic.iter().any(|t| t.contains("22CV401177")), "{italic:?}");
    assert!(!left.iter().any(|l| l.text.ends_with("1–")), "{joined}");
    for l in std::iter::once(title).chain(left) {
        let line = (l.baseline - grid_baseline(&built, 1)) / p.lines.pitch.pt() + 1.0;
        assert!((line - line.round()).abs() < 0.05, "`{}` between numbered lines: {line}", l.text);
        // And a numbered line printed at that baseline.
        let numbers = line_numbers(&built, 0);
        assert!(numbers.iter().any(|(_, b)| (b - l.baseline).abs() < 0.5), "`{}` beside no line number", l.text);
    }
    // No "v." party block on the left.
    assert!(!lines.iter().any(|l| normalize(&l.text) == "v."), "{lines:#?}");
    assert!(!lines.iter().any(|l| normalize(&l.text).starts_with("SHULIM LEIFER,")));
}

#[test]
fn an_in_re_caption_in_the_new_york_form() {
    let text = std::fs::read_to_string(root().join("matters/brightwater-v-kestrel.yaml")).unwrap();
    let text = insert_before(
        &text,
        "document:",
        "caption: {form: in-re, text: \"In re Application of Brightwater Outfitters LLC\"}\n\n",
    );
    let built = build_text("bw-inre.yaml", &text);
    let page = normalize(&page_string(&built, 0));
    assert!(page.contains("In re Application of Brightwater Outfitters LLC"), "{page}");
    assert!(!page.contains("-against-"), "{page}");
}

#[test]
fn a_state_court_captions_the_underlying_action() {
    let built = build_text("fe.yaml", &sample_text_in("ferreira-v-nestwise.yaml", "ca-superior"));
    let lines: Vec<String> = all_lines(&built, 0).iter().map(|l| normalize(&l.text)).collect();
    let joined = lines.join("\n");
    assert!(joined.contains("DOES 1 through 3, inclusive,"), "{joined}");
    assert!(lines.iter().any(|l| l.contains("Defendants.")), "{joined}");
    // The non-party is not a side: its role prints only in the title and the counsel block.
    assert!(!lines.iter().any(|l| l.ends_with("Non-Party.") || l.ends_with("Non-Party,")), "{joined}");
    assert!(joined.contains("NON-PARTY NESTWISE, INC.'S"), "{joined}");
    assert!(built.warnings.is_empty() || !built.warnings.iter().any(|w| w.message.contains("underlying action")));

    // Without its own caption, the court's form is named in a warning at `parties:`.
    let text = std::fs::read_to_string(root().join("matters/ferreira-v-nestwise.yaml")).unwrap();
    let start = text.find("\ncaption:\n").unwrap() + 1;
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    let text = format!("{}{}", &text[..start], &text[end..]);
    let built = build_text("fe-nocaption.yaml", &text);
    let w = built.warnings.iter().find(|w| w.message.contains("captions the underlying action")).expect("a warning");
    let (line, _) = w.source.as_ref().unwrap().line_col(w.span.clone().unwrap().start);
    assert_eq!(text.lines().nth(line - 1).unwrap(), "parties:");
}

#[test]
fn a_long_hyphenated_name_wraps_only_at_its_spaces_and_hyphens() {
    let name = "MARÍA-JOSÉ ECHEVERRÍA-SANTOS-VILLANUEVA-OYELARAN-BJØRNSTAD";
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    let text = text.replacen("name: SHULIM LEIFER", &format!("name: {name}"), 1);
    assert!(text.contains(name));
    let built = build_text("hyphen.yaml", &text);
    let lines = left_column(&built);
    let first = lines.iter().position(|l| l.text.starts_with("MARÍA-")).expect("the name");
    let mut joined = String::new();
    for l in &lines[first..] {
        let t = l.text.trim();
        if !joined.is_empty() && !joined.ends_with('-') {
            joined.push(' ');
        }
        joined.push_str(t);
        if t.ends_with(',') {
            break;
        }
    }
    // Joined back at the line ends, the lines are the name as written: every break was at a space
    // or after one of its own hyphens, and no hyphen was added.
    assert_eq!(joined, format!("{name},"));
    let used = lines[first..].iter().take_while(|l| !l.text.contains(',')).count();
    assert!(used >= 1, "the name did not wrap: {lines:#?}");
    // Each line of the name on a numbered line.
    let p = &built.profile;
    for l in lines[first..=first + used].iter() {
        let line = (l.baseline - grid_baseline(&built, 1)) / p.lines.pitch.pt() + 1.0;
        assert!((line - line.round()).abs() < 0.05, "`{}` between numbered lines: {line}", l.text);
    }
}

/// The footer lines of a page: the runs below the text area, grouped by baseline.
fn footer_lines(built: &Built, page: usize) -> Vec<String> {
    let bottom = built.profile.text_bottom();
    let runs = page_text(&built.doc.pages()[page].frame).into_iter().filter(|r| r.baseline > bottom).collect();
    group_lines(runs).into_iter().map(|l| normalize(&l.text)).collect()
}

#[test]
fn the_footer_keeps_case_no_whole_or_names_the_short_title() {
    let base = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    let short = "TWITTER’S OPPOSITION TO MOTION TO COMPEL";
    assert!(base.contains(&format!("short_title: {short}")));
    let case = "Case No. 3:22-mc-80319-SK";
    let mut built_some = 0;
    let mut refused = false;
    // Longer and longer titles: each either prints on one line with the whole case number beside
    // it, or is refused at `document.short_title`.
    let titles = [
        "OPPOSITION".to_string(),
        "OPPOSITION TO MOTION TO COMPEL".to_string(),
        short.to_string(),
        format!("{short} OF RESPONDENT TWITTER, INC."),
        format!("{short} OF RESPONDENT TWITTER, INC. TO SUBPOENA AND IN REPLY"),
    ];
    for title in titles {
        let text = base.replacen(&format!("short_title: {short}"), &format!("short_title: {title}"), 1);
        match try_build("footer.yaml", &text) {
            Ok(built) => {
                for page in body_pages(&built) {
                    let lines = footer_lines(&built, page);
                    let line = lines.iter().find(|l| l.contains("Case")).unwrap_or_else(|| panic!("{lines:#?}"));
                    assert!(line.ends_with(case), "page {page}: {lines:#?}");
                    assert!(line.starts_with(&normalize(&title)), "page {page}: {lines:#?}");
                }
                built_some += 1;
            }
            Err(d) => {
                let e =
                    d.iter().find(|e| e.message.contains("does not fit on one footer line")).expect("the footer error");
                let (line, _) = e.source.as_ref().unwrap().line_col(e.span.clone().unwrap().start);
                assert!(text.lines().nth(line - 1).unwrap().trim_start().starts_with("short_title:"));
                refused = true;
            }
        }
    }
    assert!(built_some >= 3 && refused, "built {built_some}, refused {refused}");
}

/// A sample matter's text with one line replaced (the first line starting with `from`).
fn with_line(text: &str, from: &str, to: &str) -> Option<String> {
    let line = text.lines().find(|l| l.starts_with(from))?;
    Some(text.replacen(&format!("\n{line}\n"), &format!("\n{to}\n"), 1))
}

#[test]
fn mutated_samples_never_build_silently() {
    let project = root_project();
    let mut mutations = 0;
    for matter in sample_files() {
        let text = std::fs::read_to_string(root().join("matters").join(&matter)).unwrap();
        let m = pleader::matter::Matter::load(&SourceText::new(matter.clone(), text.clone())).unwrap();
        let date = m.document.date.0;
        let mut variants: Vec<(&str, String)> = vec![];
        // Dates swapped: the hearing the day before the brief.
        let before = (date - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
        let hearing = format!("  hearing: {{date: {before}, time: \"9:00 a.m.\"}}");
        let v = with_line(&text, "  hearing:", &hearing)
            .or_else(|| with_line(&text, "  date: ", &format!("  date: {}\n{hearing}", date.format("%Y-%m-%d"))));
        variants.push(("hearing", v.unwrap()));
        // Divisions swapped: another court's division (or county) where this court prints one.
        let profile = pleader::library::court::Profile::load(
            project.files.get(&format!("courts/{}.yaml", m.court)).unwrap(),
            None,
        )
        .unwrap();
        if profile.caption.division && !profile.divisions.is_empty() {
            variants.push(("division", with_line(&text, "division:", "division: Brooklyn Division").unwrap()));
        }
        // Where the profile lists its counties (a court title that takes `county:` as written,
        // with no list, has nothing to hold it to).
        if profile.court_title.iter().any(|l| l.contains("{county}")) && !profile.divisions.is_empty() {
            variants.push(("county", with_line(&text, "county:", "county: Kings County, New York").unwrap()));
        }
        // Names duplicated: the client's short name given to the other side.
        let (ck, client) = m.client().unwrap();
        let (ok, _) = m.parties.iter().find(|(k, _)| *k != ck).unwrap();
        let short_line = format!("    short: {}", client.short);
        let other_at = text.find(&format!("\n  {ok}:\n")).unwrap();
        let other_short = other_at + text[other_at..].find("\n    short: ").unwrap() + 1;
        let end = other_short + text[other_short..].find('\n').unwrap();
        variants.push(("party", format!("{}{short_line}{}", &text[..other_short], &text[end..])));
        // Counts zeroed.
        variants.push(("accounts", with_line(&text, "  accounts:", "  accounts: 0").unwrap()));
        for (what, variant) in variants {
            let src = SourceText::new(matter.clone(), variant.clone());
            let result =
                pleader::pipeline::load(src, project.clone()).and_then(|l| pleader::pipeline::draft_with(&l, &[]));
            let errors = result.err().unwrap_or_else(|| panic!("{matter} with its {what} mutated built silently"));
            let says = match what {
                "party" => "the same short",
                w => w,
            };
            let hit = errors.iter().find(|e| e.message.contains(says));
            let e = hit
                .unwrap_or_else(|| panic!("{matter}, {what}: {}", pleader::diag::render(&errors, Default::default())));
            // At the matter's own line, which holds what was mutated.
            let (line, _) = e.source.as_ref().unwrap().line_col(e.span.clone().unwrap().start);
            let written = variant.lines().nth(line - 1).unwrap();
            let key = match what {
                "party" => "short:",
                "hearing" => "hearing:",
                w => w,
            };
            assert!(written.contains(key), "{matter}, {what}: the error is at line {line}: `{written}`");
            mutations += 1;
        }
    }
    assert!(mutations >= 22, "{mutations}");
}

/// D. Colo. (Marlowe sample): the case number carries the assigned judge's initials, as the
/// District's orders print it, and the "In re" line keeps its underlying case number whole, read
/// from the typeset caption page.
#[test]
fn an_in_re_caption_keeps_its_case_numbers_whole() {
    let text = std::fs::read_to_string(root().join("matters/marlowe-subpoena.yaml")).unwrap();
    let built = build_text("marlowe.yaml", &text);
    let lines: Vec<String> = all_lines(&built, 0).iter().map(|l| normalize(&l.text)).collect();
    // The label "Miscellaneous Case No." is one piece and the number another: where both do not
    // fit the column, the number takes the next line whole (a new user's "Case" / "No. 8:26-…").
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("Miscellaneous Case No.") || l.contains("Miscellaneous Case No. 26-mc-00058-AKS")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("26-mc-00058-AKS")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.ends_with("Case") || l.starts_with("No. 26")), "{lines:?}");
    // In the "In re" line, "No." keeps its number.
    assert!(lines.iter().any(|l| l.contains("No. 1:26-cv-04412 (N.D. Ill.)")), "{lines:?}");
}

#[test]
fn a_long_e_mail_address_widens_the_signature_column_instead_of_passing_the_margin() {
    // A new user's e-mail (36 characters at 14 pt) ran past the right margin in the right half of
    // the page: the column widens just enough, and every signature line ends inside the margin.
    let text = std::fs::read_to_string(root().join("matters/marlowe-subpoena.yaml")).unwrap();
    let long = text.replace("tarkell@arkelldoane.example", "thomas.arkell.litigation@arkelldoanelaw.example");
    assert_ne!(long, text);
    for t in [&text, &long] {
        let built = build_text("marlowe.yaml", t);
        let width = built.doc.pages()[0].frame.width().to_pt();
        let right = width - built.profile.paper.margin_right.pt();
        let page = (0..built.doc.pages().len())
            .rev()
            .find(|&p| read_lines(&built, p).iter().any(|l| l.contains("Respectfully submitted")))
            .unwrap();
        let runs = page_text(&built.doc.pages()[page].frame);
        let email = runs.iter().find(|r| r.text.contains("arkell")).expect("the signer's e-mail");
        assert!(email.x + email.width <= right + 0.5, "{} ends at {} past {right}", email.text, email.x + email.width);
        assert!(runs.iter().all(|r| r.x + r.width <= right + 0.5), "a line past the margin");
    }
}

/// Cal. Rules of Court, rule 2.109: one Arabic sequence from the first page (its number may be
/// left off); rule 3.1110(b)(3)–(4): the first page states when the action was filed and the
/// trial date. Read from the typeset pages: the footers' printed numbers and the caption's lines.
#[test]
fn a_california_brief_is_numbered_from_its_first_page_and_states_the_action_dates() {
    let built = build_text("fe-pages.yaml", &sample_text_in("ferreira-v-nestwise.yaml", "ca-superior"));
    let first = all_lines(&built, 0).iter().map(|l| normalize(&l.text)).collect::<Vec<_>>().join("\n");
    assert!(first.contains("Action Filed: August 19, 2024"), "{first}");
    assert!(first.contains("Trial Date: None set"), "{first}");
    // The number each page prints above its footer's title line ("… Case No. 24CV081734"):
    // none on the caption page, then 2, 3, … in one sequence.
    let printed: Vec<Option<String>> = (0..built.doc.pages().len())
        .map(|p| {
            let lines = all_lines(&built, p);
            let title = lines.iter().position(|l| normalize(&l.text).ends_with("Case No. 24CV081734"))?;
            let above = lines.get(title.checked_sub(1)?)?;
            let t = normalize(&above.text);
            (above.x > 200.0 && !t.contains(' ')).then_some(t)
        })
        .collect();
    assert_eq!(printed[0], None, "{printed:?}");
    for (p, n) in printed.iter().enumerate().skip(1) {
        assert_eq!(n.as_deref(), Some((p + 1).to_string().as_str()), "page {}: {printed:?}", p + 1);
    }
    let body = built.facts.body_start.unwrap();
    // The table of contents gives the body's first page as its place in the one sequence.
    let toc = page_string(&built, 1);
    assert!(
        toc.lines().any(|l| l.contains("INTRODUCTION") && l.trim_end().ends_with(&(body + 1).to_string())),
        "{toc}"
    );

    // A California court tests a complaint by demurrer, not by a motion to dismiss.
    let text: String = body_pages(&built).map(|p| page_string(&built, p)).collect::<Vec<_>>().join("\n");
    let text = normalize(&text);
    assert!(text.contains("survive a demurrer"), "{text}");
    assert!(!text.contains("motion to dismiss") && !text.contains("motion-to-dismiss"), "{text}");
}

/// A caption name ending in a quotation takes its comma inside the closing quotation mark, as
/// American usage puts it ("known as “BayshoreWatch,”"), not after it; the client's name in the
/// counsel block takes none.
#[test]
fn a_caption_name_ending_in_a_quotation_takes_its_comma_inside() {
    let text = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml"))
        .unwrap()
        .replace("    name: SHULIM LEIFER\n", "    name: \"SHULIM LEIFER, known as “SL”\"\n");
    let built = build_text("leifer-quoted.yaml", &text);
    let first = normalize(&page_string(&built, 0));
    assert!(first.contains("known as \"SL,\""), "{first}");
    assert!(!first.contains("\"SL\","), "{first}");
    assert!(first.contains("TWITTER, INC.,"), "{first}");
}

/// A court that reserves blank space at the top of the first sheet (Pa. R.C.P. 204.1: three
/// inches) gets it from `caption.first_page_top`, read from where the first line is typeset; a
/// numbered-line caption, which places its title by `court_title_line`, refuses the key rather
/// than ignore it (the Allegheny County user: the space could not be made, and nothing said so).
#[test]
fn a_first_page_top_space_moves_the_caption_down_and_a_caption_that_cannot_take_it_refuses_it() {
    let text = std::fs::read_to_string(root().join("matters/vance-v-stoopline.yaml")).unwrap();
    let top = |built: &Built| {
        page_text(&built.doc.pages()[0].frame).into_iter().map(|r| r.baseline).fold(f64::INFINITY, f64::min)
    };
    let plain = build_text("edny.yaml", &text);
    assert!(top(&plain) < 144.0, "the title starts near the top margin: {}", top(&plain));
    let spaced = build_text("edny-3in.yaml", &format!("{text}\noverrides:\n  caption: {{first_page_top: 3in}}\n"));
    assert!(top(&spaced) >= 216.0, "the first line is at least three inches down: {}", top(&spaced));
    let leifer = std::fs::read_to_string(root().join("matters/leifer-v-twitter.yaml")).unwrap();
    let err = refused("ndcal-3in.yaml", &format!("{leifer}\noverrides:\n  caption: {{first_page_top: 3in}}\n"));
    assert!(err.contains("`caption.first_page_top` is read by the `caption-sdny` template"), "{err}");
}

/// A court that asks for no tables and numbers every page (D.N.H. LR 5.1(a)) gets the body under
/// the caption on page 1, numbered 1, read from the typeset page; with the tables, which follow
/// the caption page, the setting is refused (the D.N.H. user: "page 1 is two-thirds blank and
/// unnumbered").
#[test]
fn the_body_may_begin_under_the_caption_on_a_numbered_first_page() {
    let text = std::fs::read_to_string(root().join("matters/vance-v-stoopline.yaml")).unwrap();
    let run_on = format!("{text}\noverrides:\n  front_matter: {{tables: false, body_on_caption_page: true}}\n");
    let built = build_text("edny-run-on.yaml", &run_on);
    let first = all_lines(&built, 0).iter().map(|l| normalize(&l.text)).collect::<Vec<_>>();
    assert!(first.iter().any(|l| l.contains("INTRODUCTION")), "{first:?}");
    assert_eq!(first.last().map(|l| l.trim()), Some("1"), "page 1 is numbered: {first:?}");
    assert_eq!(built.facts.body_start, Some(0));
    let err = refused(
        "edny-run-on-tables.yaml",
        &format!("{text}\noverrides:\n  front_matter: {{body_on_caption_page: true}}\n"),
    );
    assert!(err.contains("`front_matter.body_on_caption_page` needs `tables: false`"), "{err}");
}

/// A page limit that leaves out the signature block and certificates (`counts: text`) counts the
/// body's pages up to the last that carries its text: the Delaware sample's signature block opens
/// a page of its own, which `body` counts and `text` does not (the W.D. Tex. user: "page 11
/// holds only the signature block and the certificate of service").
#[test]
fn a_limit_counting_text_pages_leaves_out_a_page_that_holds_only_the_signature_and_certificates() {
    // The sample's chief as a public figure, not an official: the brief is then a few lines
    // shorter (no statement of the rule for officials), and its signature block opens a page.
    let text = std::fs::read_to_string(root().join("matters/dorsey-v-does.yaml")).unwrap().replacen(
        "    public_official: true\n",
        "    public_figure: true\n",
        1,
    );
    assert!(text.contains("public_figure: true"), "the sample changed");
    let built = build_text(
        "dorsey-text.yaml",
        &format!("{text}\noverrides:\n  limits:\n    opposition: {{pages: 8, counts: text}}\n"),
    );
    let start = built.facts.body_start.unwrap();
    let counted = pleader::rules::text_pages(&built);
    assert_eq!(counted + 1, pleader::rules::body_pages(&built));
    // Read from the pages: the last counted one ends the conclusion; the next opens with the
    // signature block.
    let last = normalize(&page_string(&built, start + counted - 1));
    let next = normalize(&page_string(&built, start + counted));
    assert!(last.contains("CONCLUSION"), "{last}");
    assert!(next.trim_start().starts_with("Dated:") && next.contains("Respectfully submitted"), "{next}");
    let checks = pleader::rules::court_checks(&built);
    let limit = checks.iter().find(|c| c.name == "page limit").unwrap();
    assert_eq!(limit.status, pleader::rules::Status::Pass, "{}", limit.detail);
    assert!(limit.detail.starts_with("8 pages of text (9 body pages"), "{}", limit.detail);
}

/// A certificate's text keeps the body's line-breaking rules: "CM/ECF" never ends a line at its
/// slash, wherever the words before it leave it (the W.D. Tex. and D.N.H. users' "CM/ / ECF").
#[test]
fn a_certificate_never_breaks_cm_ecf_at_its_slash() {
    let text = std::fs::read_to_string(root().join("matters/brandywine-v-doe.yaml")).unwrap();
    let mut seen = 0;
    for pad in 0..24 {
        let words = "word ".repeat(pad);
        let matter = format!(
            "{text}\noverrides:\n  service: {{title: Certificate of Service, text: \"I certify that on {{date}}, {words}I filed the foregoing brief through the Court's CM/ECF system, which will send notice to all counsel.\"}}\n"
        );
        let built = build_text("brandywine-cmecf.yaml", &matter);
        let last = built.doc.pages().len() - 1;
        for page in [last.saturating_sub(1), last] {
            for line in all_lines(&built, page) {
                let t = line.text.trim_end();
                assert!(!t.ends_with("CM/"), "pad {pad}: a line ends at the slash: {t}");
                if t.contains("CM/ECF") {
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 0, "the certificate was typeset");
}

/// A court that numbers every page in one sequence, the caption page too (D. Or. LR 10-1(e), as
/// the D. Or. user read it), keeps its tables: `number_caption_page` prints "1" on the caption
/// page, and the tables and the body go on from it, read from the typeset pages; without
/// `numbering: continuous` the setting is refused.
#[test]
fn every_page_may_be_numbered_from_the_caption_page_with_the_tables_kept() {
    let text = std::fs::read_to_string(root().join("matters/vance-v-stoopline.yaml")).unwrap();
    let numbered =
        format!("{text}\noverrides:\n  front_matter: {{numbering: continuous, number_caption_page: true}}\n");
    let built = build_text("edny-numbered.yaml", &numbered);
    for page in 0..built.doc.pages().len() {
        let lines = all_lines(&built, page).iter().map(|l| normalize(&l.text)).collect::<Vec<_>>();
        let expected = (page + 1).to_string();
        assert!(lines.iter().any(|l| l.trim() == expected), "page {} is numbered {expected}: {lines:?}", page + 1);
    }
    assert!(!built.front.toc.is_empty(), "the tables are kept");
    let err = refused(
        "edny-numbered-roman.yaml",
        &format!("{text}\noverrides:\n  front_matter: {{number_caption_page: true}}\n"),
    );
    assert!(err.contains("`front_matter.number_caption_page` needs `numbering: continuous`"), "{err}");
}

/// A judge the caption names under the case number (`caption.judge`) is not named again in the
/// hearing block (the Oakland County user: the judge printed twice).
#[test]
fn the_judge_is_named_once_in_the_caption() {
    let text = std::fs::read_to_string(root().join("matters/lumen-salt-v-doe.yaml")).unwrap();
    let cover = normalize(&page_string(&build_text("lumen.yaml", &text), 0));
    assert_eq!(cover.matches("Katherine L. Tran").count(), 1, "{cover}");
    assert!(cover.contains("Judge"), "the hearing block names the judge: {cover}");
    let judged = build_text("lumen-judge.yaml", &format!("{text}\noverrides:\n  caption: {{judge: true}}\n"));
    let cover = normalize(&page_string(&judged, 0));
    assert_eq!(cover.matches("Katherine L. Tran").count(), 1, "{cover}");
}
