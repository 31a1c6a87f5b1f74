//! Build-time generator for the citation reference tables in `crate::cite::reference`.
//!
//! `build.rs` includes this file with `#[path = "buildsrc/refdata.rs"] mod refdata;` and calls
//! [`generate`], which reads the Free Law Project data vendored in `data/` (see
//! `data/README.md`) with `serde_json` and writes `$OUT_DIR/refdata.rs`: compact, sorted static
//! tables holding only the fields pleader uses. The output depends only on the input files, never
//! on map iteration order, so two builds of the same data produce identical bytes.
//!
//! Besides the upstream data this file holds three small tables that are pleader's own (they are
//! not in reporters-db or courts-db): which court(s) a reporter series publishes
//! ([`IMPLIED_COURTS`], [`IMPLIED_JURISDICTION`]), Bluebook court abbreviations that courts-db
//! spells differently or not at all ([`COURT_ALIASES`]), and one correction to courts-db's dates
//! ([`EXTRA_COURT_PERIODS`]). Every name and id in them is checked against the data: after a data
//! refresh that renames or drops one, generation fails with a message saying which, instead of
//! silently losing the entry.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// reporters-db uses 1750-01-01 as the start date of an edition whose real start is unknown
/// (its README, "Notes on Dates"); such editions get no start year.
const UNKNOWN_START_YEAR: u16 = 1750;

/// Reporter editions that publish the decisions of one court only, so that the edition names the
/// court (Bluebook rule 10.4). reporters-db's `mlz_jurisdiction` lists are too noisy to derive
/// this from: "Cal. 4th" lists the Supreme Court, the Courts of Appeal and the Commission on
/// Judicial Performance, "A.D.3d" lists two New Jersey courts, "F.3d" lists 253 courts. Each
/// entry: edition abbreviations, the reporters-db reporter name they must belong to (several
/// abbreviations, such as "Wash." and "Cranch", name more than one reporter), courts-db ids.
/// Left out on purpose: reporters that also print intermediate-court decisions (Ariz., Haw.,
/// Idaho, N.M., Nev., S.C.; Ariz. is in [`IMPLIED_JURISDICTION`]), regional and topical reporters, and Ky. (courts-db dates the
/// Kentucky Supreme Court from 1976, after the Kentucky Reports ended).
const IMPLIED_COURTS: &[(&[&str], &str, &[&str])] = &[
    // Federal.
    (&["U.S."], "United States Supreme Court Reports", &["scotus"]),
    (&["S. Ct."], "West's Supreme Court Reporter", &["scotus"]),
    (&["L. Ed.", "L. Ed. 2d"], "Lawyer's Edition", &["scotus"]),
    (&["Cranch"], "Cranch's Supreme Court Reports", &["scotus"]),
    (&["Wheat."], "Wheaton's Supreme Court Reports", &["scotus"]),
    (&["Pet."], "Peters' Supreme Court Reports", &["scotus"]),
    (&["How."], "Howard's Supreme Court Reports", &["scotus"]),
    (&["Black"], "Black's Supreme Court Reports", &["scotus"]),
    (&["Wall."], "Wallace's Supreme Court Reports", &["scotus"]),
    (&["U.S. App. D.C."], "United States Court of Appeals Reports", &["cadc"]),
    (&["T.C."], "Reports of the United States Tax Court", &["tax"]),
    (&["T.C.M."], "Tax Court Memorandum Decisions", &["tax"]),
    (&["T.C. Memo."], "Tax Court Memorandum Opinions", &["tax"]),
    (&["T.C. No."], "Tax Court Opinions", &["tax"]),
    (&["T.C. Summary Opinion"], "Tax Court Summary Opinions", &["tax"]),
    (&["B.T.A."], "Reports of the United States Board of Tax Appeals", &["bta"]),
    (&["Fed. Cl.", "Cl. Ct."], "United States Claims Court Reporter", &["uscfc"]),
    (&["Ct. Cl."], "Court of Claims Reports (United States)", &["cc"]),
    (&["Vet. App."], "Veterans Appeals Reporter", &["cavc"]),
    (&["Ct. Int'l Trade"], "Court of International Trade Reports", &["cit"]),
    (&["Cust. Ct."], "Customs Court Reports", &["cusc"]),
    (&["C.C.P.A."], "Court of Customs and Patent Appeals Reports", &["ccpa"]),
    (&["C.M.A."], "Decisions of the United States Court of Military Appeals", &["armfor"]),
    // State courts of last resort.
    (&["Ala."], "Alabama Reports", &["ala"]),
    (&["Ark."], "Arkansas Reports", &["ark"]),
    (&["Cal.", "Cal. 2d", "Cal. 3d", "Cal. 4th", "Cal. 5th"], "California Reports", &["cal"]),
    (&["Colo."], "Colorado Reports", &["colo"]),
    (&["CO"], "Colorado Neutral Citation", &["colo"]),
    (&["Conn."], "Connecticut Reports", &["conn"]),
    (&["Fla."], "Florida Reports", &["fla"]),
    (&["Ga."], "Georgia Reports", &["ga"]),
    (&["Ill.", "Ill. 2d"], "Illinois Reports", &["ill"]),
    (&["IL"], "Illlinois Neutral Citation", &["ill"]),
    (&["Ind."], "Indiana Reports", &["ind"]),
    (&["Iowa"], "Iowa Reports", &["iowa"]),
    (&["Kan."], "Kansas Reports", &["kan"]),
    (&["La."], "Louisiana Reports", &["la"]),
    (&["Me."], "Maine Reports", &["me"]),
    (&["ME"], "Maine Reports", &["me"]),
    (&["Md."], "Maryland Reports", &["md"]),
    (&["Mass."], "Massachusetts Reports", &["mass"]),
    (&["Mich."], "Michigan Reports", &["mich"]),
    (&["Minn."], "Minnesota Reports", &["minn"]),
    (&["Miss."], "Mississippi Reports", &["miss"]),
    (&["Mo."], "Missouri Reports", &["mo"]),
    (&["Mont."], "Montana Reports", &["mont"]),
    (&["MT"], "Montana Neutral Citation", &["mont"]),
    (&["Neb."], "Nebraska Reports", &["neb"]),
    (&["N.H."], "New Hampshire Reports", &["nh"]),
    (&["N.H."], "New Hampshire State Neutral Citation", &["nh"]),
    (&["N.J."], "New Jersey Reports", &["nj"]),
    (&["NMSC"], "New Mexico Neutral Citation (Supreme Court)", &["nm"]),
    (&["N.Y.", "N.Y.2d", "N.Y.3d"], "New York Reports", &["ny"]),
    (&["N.C."], "North Carolina Reports", &["nc"]),
    (&["N.D."], "North Dakota Reports", &["nd"]),
    (&["ND"], "North Dakota Neutral Citation", &["nd"]),
    (&["Ohio St.", "Ohio St. 2d", "Ohio St. 3d"], "Ohio State Reports", &["ohio"]),
    (&["Okla."], "Oklahoma Reports", &["okla"]),
    (&["OK"], "Oklahoma Neutral Citation", &["okla"]),
    (&["Or."], "Oregon Reports", &["or"]),
    (&["Pa."], "Pennsylvania State Reports", &["pa"]),
    (&["R.I."], "Rhode Island Reports", &["ri"]),
    (&["S.D."], "South Dakota Reports", &["sd"]),
    (&["SD"], "South Dakota Neutral Citation", &["sd"]),
    (&["Tenn."], "Tennessee Reports", &["tenn"]),
    (&["Tex."], "Texas Reports", &["tex"]),
    (&["Utah", "Utah 2d"], "Utah Reports", &["utah"]),
    (&["UT"], "Utah Neutral Citation", &["utah"]),
    (&["Vt."], "Vermont Reports", &["vt"]),
    (&["VT"], "Vermont Neutral Citation", &["vt"]),
    (&["Va."], "Virginia Reports", &["va"]),
    (&["Wash.", "Wash. 2d"], "Washington Reports", &["wash"]),
    (&["W. Va."], "West Virginia Reports", &["wva"]),
    (&["Wis.", "Wis. 2d"], "Wisconsin Reports", &["wis"]),
    (&["WI"], "Wisconsin Neutral Citation", &["wis"]),
    (&["Wyo."], "Wyoming Reports", &["wyo"]),
    (&["WY"], "Wyoming Neutral Citation", &["wyo"]),
    // State intermediate appellate and other single courts.
    (&["Ariz. App."], "Arizona Appeals Reports", &["arizctapp"]),
    (&["Ark. App."], "Arkansas Appellate Reports", &["arkctapp"]),
    (
        &["Cal. App.", "Cal. App. 2d", "Cal. App. 3d", "Cal. App. 4th", "Cal. App. 5th"],
        "California Appellate Reports",
        &["calctapp"],
    ),
    (&["Colo. App."], "Colorado Court of Appeals Reports", &["coloctapp"]),
    (&["COA"], "Colorado Court of Appeals Neutral Citation", &["coloctapp"]),
    (&["Conn. App."], "Connecticut Appellate Reports", &["connappct"]),
    (&["Del. Ch."], "Delaware Chancery Reports", &["delch"]),
    (&["Ga. App."], "Georgia Appeals Reports", &["gactapp"]),
    (&["Haw. App."], "Hawaii Appellate Reports", &["hawapp"]),
    (&["Ill. App.", "Ill. App. 2d", "Ill. App. 3d"], "Illinois Appellate Court Reports", &["illappct"]),
    (
        &["IL App (1st)", "IL App (2d)", "IL App (3d)", "IL App (4th)", "IL App (5th)"],
        "Illlinois Neutral Citation",
        &["illappct"],
    ),
    (&["Ind. App."], "Indiana Court of Appeals Reports", &["indctapp"]),
    // Not "Kan. App." (1895-1901): courts-db dates the Kansas Court of Appeals from 1977 only.
    (&["Kan. App. 2d"], "Kansas Court of Appeals Reports", &["kanctapp"]),
    (&["Md. App."], "Maryland Appellate Reports", &["mdctspecapp"]),
    (&["Mass. App. Ct."], "Massachusetts Appeals Court Reports", &["massappct"]),
    (&["Mich. App."], "Michigan Appeals Reports", &["michctapp"]),
    (&["Mo. App."], "Missouri Appeals Reports", &["moctapp"]),
    (&["Neb. Ct. App."], "Nebraska Court of Appeals Reports", &["nebctapp"]),
    (&["NMCA"], "New Mexico Neutral Citation (Court of Appeals)", &["nmctapp"]),
    (&["A.D.", "A.D.2d", "A.D.3d"], "New York Supreme Court Appellate Division Reports", &["nyappdiv"]),
    (&["N.C. App."], "North Carolina Court of Appeals Reports", &["ncctapp"]),
    (&["ND App"], "North Dakota Neutral Citation, Court of Appeals", &["ndctapp"]),
    (&["Ohio App.", "Ohio App. 2d", "Ohio App. 3d"], "Ohio Appellate Reports", &["ohioctapp"]),
    (&["Okla. Crim."], "Oklahoma Criminal Reports", &["oklacrimapp"]),
    (&["OK CR"], "Oklahoma Neutral Citation (Criminal)", &["oklacrimapp"]),
    (&["OK CIV APP"], "Oklahoma Neutral Citation (Civic Appeals)", &["oklacivapp"]),
    (&["Or. App."], "Oregon Reports, Court of Appeals", &["orctapp"]),
    (&["Pa. Super."], "Pennsylvania Superior Court Reports", &["pasuperct"]),
    (&["Pa. Super."], "Pennsylvania Superior Court Neutral Citation", &["pasuperct"]),
    (&["Pa. Commw."], "Pennsylvania Commonwealth Court Reports", &["pacommwct"]),
    (&["Tenn. App."], "Tennessee Appeals Reports", &["tennctapp"]),
    (&["Tenn. Crim. App."], "Tennessee Criminal Appeals Reports", &["tenncrimapp"]),
    (&["Tex. Crim."], "Texas Criminal Reports", &["texcrimapp"]),
    (&["UT App"], "Utah Neutral Citation", &["utahctapp"]),
    (&["Va. App."], "Virginia Court of Appeals Reports", &["vactapp"]),
    (&["Wash. App.", "Wash. App. 2d"], "Washington Appellate Reports", &["washctapp"]),
    (&["WI App"], "Wisconsin Neutral Citation", &["wisctapp"]),
];

/// Reporter editions limited to one state's courts without naming a single court, so that the
/// jurisdiction part of a court parenthetical is implied (Bluebook rule 10.4(b)): edition
/// abbreviations, reporters-db reporter name, state name as spelled in reporters-db's
/// `state_abbreviations.json`. (Editions in [`IMPLIED_COURTS`] get their jurisdiction from the
/// court's state.)
const IMPLIED_JURISDICTION: &[(&[&str], &str, &str)] = &[
    (&["Ariz."], "Arizona Reporter", "Arizona"),
    (&["Cal. Rptr.", "Cal. Rptr. 2d", "Cal. Rptr. 3d"], "West's California Reporter", "California"),
    (&["Conn. Supp."], "Connecticut Supplement", "Connecticut"),
    (&["Ill. Dec."], "West's Illinois Decisions", "Illinois"),
    (&["Mass. App. Div."], "Reports of Massachusetts Appellate Division", "Massachusetts"),
    (&["N.J. Super."], "New Jersey Superior Court Reports", "New Jersey"),
    (&["N.J. Tax"], "New Jersey Tax Court", "New Jersey"),
    (&["Misc.", "Misc. 2d", "Misc. 3d"], "New York Miscellaneous Reports", "New York"),
    (&["N.Y.S.", "N.Y.S.2d", "N.Y.S.3d"], "New York Supplement", "New York"),
    (&["Ohio Misc.", "Ohio Misc. 2d"], "Ohio Miscellaneous", "Ohio"),
    (
        &["Pa. D. & C.", "Pa. D. & C.2d", "Pa. D. & C.3d", "Pa. D. & C.4th", "Pa. D. & C.5th"],
        "Pennsylvania District and County Reports",
        "Pennsylvania",
    ),
    (&["Va. Cir."], "Virginia Circuit Court Opinions", "Virginia"),
];

/// Bluebook (table T1) court abbreviations that courts-db 0.10.x spells differently in
/// `citation_string` ("3rd Cir.", "NY", "SCOTUS", "D. Maryland", "Tax Ct.", ...) or leaves empty
/// (several state trial courts): abbreviation, courts-db id. ("D.C.", the Bluebook form for the
/// District of Columbia Court of Appeals, cannot be one: courts-db gives it to the old District
/// of Columbia Criminal Court, "dccrimct".) An alias naming a court whose own
/// citation string already equals it is dropped; one that equals another court's citation string
/// is an error.
const COURT_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "scotus"),
    ("3d Cir.", "ca3"),
    ("B.A.P. 1st Cir.", "bap1"),
    ("B.A.P. 2d Cir.", "bap2"),
    ("B.A.P. 6th Cir.", "bap6"),
    ("B.A.P. 8th Cir.", "bap8"),
    ("B.A.P. 9th Cir.", "bap9"),
    ("B.A.P. 10th Cir.", "bap10"),
    ("D. Md.", "mdd"),
    ("D. Minn.", "mnd"),
    ("M.D. Pa.", "pamd"),
    ("E.D.N.Y.", "nyed"),
    ("S.D. W. Va.", "wvsd"),
    ("T.C.", "tax"),
    ("Ct. Int'l Trade", "cit"),
    ("N.Y.", "ny"),
    ("N.Y. App. Term", "nyappterm"),
    ("N.Y. Sur. Ct.", "nysurct"),
    ("N.Y. Civ. Ct.", "nycivct"),
    ("N.Y. Crim. Ct.", "nycrimct"),
    ("N.Y. Ct. Cl.", "nyclaimsct"),
    ("Cal. Super. Ct.", "calsuperct"),
    ("Colo. App.", "coloctapp"),
    ("Haw. Ct. App.", "hawapp"),
    ("Nev. Ct. App.", "nevapp"),
    ("Ind. T.C.", "indtc"),
    ("N.J. Tax Ct.", "njtaxct"),
    ("N.J. Super. Ct. Law Div.", "njsuper"),
    ("N.J. Super. Ct. Ch. Div.", "njsuper"),
    ("Ohio Ct. Com. Pl.", "ohioctcompl"),
    ("Pa. Ct. Com. Pl.", "pactcompl"),
    ("Tex. Civ. App.", "texapp"),
    // Florida's district courts of appeal as Florida's own rules cite them (Fla. R. App. P.
    // 9.800: "(Fla. 3d DCA 2000)"), for a brief filed in a Florida court; the Bluebook form is
    // courts-db's "Fla. Dist. Ct. App.".
    ("Fla. 1st DCA", "fladistctapp"),
    ("Fla. 2d DCA", "fladistctapp"),
    ("Fla. 3d DCA", "fladistctapp"),
    ("Fla. 4th DCA", "fladistctapp"),
    ("Fla. 5th DCA", "fladistctapp"),
    ("Fla. 6th DCA", "fladistctapp"),
];

/// Date periods added to courts-db courts whose recorded dates are known to be incomplete: id,
/// start year of the added open-ended period. Applied only while the court has no open-ended
/// period, so a fixed upstream makes the entry a no-op.
/// - njd: courts-db 0.10.27 gives the District of New Jersey one period, 1789-09-24 to
///   1801-02-13; the court has sat ever since.
const EXTRA_COURT_PERIODS: &[(&str, u16)] = &[("njd", 1801)];

/// One reporter edition, as read from `reporters.json`.
struct EditionRow {
    abbrev: String,
    reporter: String,
    name: String,
    start: Option<u16>,
    end: Option<u16>,
    cite_type: String,
}

/// One court, as read from `courts.json`.
struct CourtRow {
    id: String,
    name: String,
    citation: String,
    jurisdiction: String,
    system: String,
    location: String,
    level: String,
    court_type: String,
    periods: Vec<(Option<u16>, Option<u16>)>,
}

/// Reads the vendored data under `data_dir` (`reporters-db/` and `courts-db/`, each with its
/// `VERSION` file) and writes the generated Rust tables to `out_file`.
pub fn generate(data_dir: &Path, out_file: &Path) -> Result<(), String> {
    let reporters_dir = data_dir.join("reporters-db");
    let courts_dir = data_dir.join("courts-db");
    let reporters_version = read_version(&reporters_dir.join("VERSION"))?;
    let courts_version = read_version(&courts_dir.join("VERSION"))?;

    let mut editions = read_editions(&reporters_dir.join("reporters.json"))?;
    patch_dates(&mut editions, &data_dir.join("patches/reporters-db-dates.json"))?;
    let variants = read_variants(&reporters_dir.join("reporters.json"), &editions)?;
    let states = read_states(&reporters_dir.join("state_abbreviations.json"))?;
    let all_courts = read_courts(&courts_dir.join("courts.json"))?;

    // Courts: every court with a citation string, plus those the curated tables name.
    let mut wanted: BTreeSet<&str> = BTreeSet::new();
    for (_, _, ids) in IMPLIED_COURTS {
        wanted.extend(ids.iter().copied());
    }
    for (_, id) in COURT_ALIASES {
        wanted.insert(id);
    }
    for id in &wanted {
        if !all_courts.iter().any(|c| c.id == *id) {
            return Err(format!(
                "buildsrc/refdata.rs names courts-db id {id:?}, which courts-db {courts_version} lacks"
            ));
        }
    }
    let mut courts: Vec<CourtRow> =
        all_courts.into_iter().filter(|c| !c.citation.is_empty() || wanted.contains(c.id.as_str())).collect();
    courts.sort_by(|a, b| (&a.citation, &a.id).cmp(&(&b.citation, &b.id)));
    for (id, start) in EXTRA_COURT_PERIODS {
        if let Some(court) = courts.iter_mut().find(|c| c.id == *id) {
            if !court.periods.iter().any(|p| p.1.is_none()) {
                court.periods.push((Some(*start), None));
            }
        }
    }
    let court_index: BTreeMap<&str, usize> = courts.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();

    let mut aliases: Vec<(&str, usize)> = vec![];
    for (alias, id) in COURT_ALIASES {
        let idx = court_index[id];
        if courts[idx].citation == *alias {
            continue;
        }
        if let Some(other) = courts.iter().find(|c| c.citation == *alias) {
            return Err(format!(
                "court alias {alias:?} -> {id:?} in buildsrc/refdata.rs clashes with courts-db court {:?}",
                other.id
            ));
        }
        aliases.push((alias, idx));
    }
    aliases.sort_unstable();

    // Implied courts and jurisdictions, keyed by edition index.
    let mut implied: BTreeMap<usize, (Vec<usize>, String)> = BTreeMap::new();
    for (abbrevs, reporter_name, ids) in IMPLIED_COURTS {
        let idxs: Vec<usize> = ids.iter().map(|id| court_index[id]).collect();
        let jurisdiction = common_state(&idxs, &courts, &states);
        for e in find_editions(&editions, abbrevs, reporter_name)? {
            if implied.insert(e, (idxs.clone(), jurisdiction.clone())).is_some() {
                return Err(format!("edition {:?} is listed twice in buildsrc/refdata.rs", editions[e].abbrev));
            }
        }
    }
    for (abbrevs, reporter_name, state) in IMPLIED_JURISDICTION {
        let Some(abbrev) = states.iter().find(|(_, name)| name == state).map(|(a, _)| a.clone()) else {
            return Err(format!("state {state:?} in buildsrc/refdata.rs is not in state_abbreviations.json"));
        };
        for e in find_editions(&editions, abbrevs, reporter_name)? {
            if implied.insert(e, (vec![], abbrev.clone())).is_some() {
                return Err(format!("edition {:?} is listed twice in buildsrc/refdata.rs", editions[e].abbrev));
            }
        }
    }

    // Implied-court descriptions: "Name (citation)" joined with " or ".
    let describe = |idxs: &[usize]| -> String {
        let parts: Vec<String> = idxs
            .iter()
            .map(|&i| {
                let c = &courts[i];
                if c.citation.is_empty() {
                    c.name.clone()
                } else {
                    format!("{} ({})", c.name, c.citation)
                }
            })
            .collect();
        parts.join(" or ")
    };

    // Every string goes once into one pool, sorted; tables refer to strings by index, so the
    // generated statics hold no pointers (no relocations, no .data.rel.ro).
    let mut pool: Vec<String> = vec![String::new()];
    for e in &editions {
        pool.extend([&e.abbrev, &e.reporter, &e.name, &e.cite_type].map(String::clone));
    }
    for (v, c) in &variants {
        pool.extend([v.clone(), c.clone()]);
    }
    for c in &courts {
        pool.extend(
            [&c.id, &c.name, &c.citation, &c.jurisdiction, &c.system, &c.location, &c.level, &c.court_type]
                .map(String::clone),
        );
    }
    for (alias, _) in &aliases {
        pool.push((*alias).to_string());
    }
    for (idxs, jurisdiction) in implied.values() {
        pool.extend([describe(idxs), jurisdiction.clone()]);
    }
    pool.sort_unstable();
    pool.dedup();
    let limit = usize::from(u16::MAX);
    if pool.len() > limit || editions.len() > limit || courts.len() > limit {
        return Err("reference tables outgrew u16 indices".to_string());
    }
    let sid = |s: &str| -> usize { pool.binary_search_by(|x| x.as_str().cmp(s)).unwrap_or(0) };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// @generated by buildsrc/refdata.rs from data/ (reporters-db {reporters_version}, \
         courts-db {courts_version}). Do not edit."
    );
    let _ = writeln!(out, "/// Version of the vendored reporters-db data (Free Law Project, BSD-2-Clause).");
    let _ = writeln!(out, "pub const REPORTERS_DB_VERSION: &str = {reporters_version:?};");
    let _ = writeln!(out, "/// Version of the vendored courts-db data (Free Law Project, BSD-2-Clause).");
    let _ = writeln!(out, "pub const COURTS_DB_VERSION: &str = {courts_version:?};");

    // String i is POOL[STR_END[i - 1]..STR_END[i]] (from 0 for i = 0).
    out.push_str("static POOL: &str = concat!(\n");
    let mut ends = Vec::with_capacity(pool.len());
    let mut offset = 0usize;
    let mut line = String::new();
    for s in &pool {
        offset += s.len();
        ends.push(offset.to_string());
        line.push_str(s);
        if line.len() >= 96 {
            let _ = writeln!(out, "{line:?},");
            line.clear();
        }
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{line:?},");
    }
    out.push_str(");\n");
    if u32::try_from(offset).is_err() {
        return Err("reference string pool over 4 GiB".to_string());
    }
    let _ = writeln!(out, "static STR_END: &[u32] = &[{}];", ends.join(","));

    // [abbrev, reporter, reporter name, cite type, start year, end year]; years 0 = none.
    out.push_str("static EDITION_ROWS: &[[u16; 6]] = &[\n");
    for e in &editions {
        let _ = writeln!(
            out,
            "[{},{},{},{},{},{}],",
            sid(&e.abbrev),
            sid(&e.reporter),
            sid(&e.name),
            sid(&e.cite_type),
            e.start.unwrap_or(0),
            e.end.unwrap_or(0)
        );
    }
    out.push_str("];\n");

    // [variant, canonical abbreviation]
    out.push_str("static VARIANT_ROWS: &[[u16; 2]] = &[\n");
    for (v, c) in &variants {
        let _ = writeln!(out, "[{},{}],", sid(v), sid(c));
    }
    out.push_str("];\n");

    // [id, name, citation, jurisdiction, system, location, level, type, first period, periods]
    let mut periods: Vec<String> = vec![];
    out.push_str("static COURT_ROWS: &[[u16; 10]] = &[\n");
    for c in &courts {
        let _ = writeln!(
            out,
            "[{},{},{},{},{},{},{},{},{},{}],",
            sid(&c.id),
            sid(&c.name),
            sid(&c.citation),
            sid(&c.jurisdiction),
            sid(&c.system),
            sid(&c.location),
            sid(&c.level),
            sid(&c.court_type),
            periods.len(),
            c.periods.len()
        );
        periods.extend(c.periods.iter().map(|(s, e)| format!("[{},{}]", s.unwrap_or(0), e.unwrap_or(0))));
    }
    out.push_str("];\n");
    // [start year, end year]; 0 = unknown or open.
    let _ = writeln!(out, "static PERIODS: &[[u16; 2]] = &[{}];", periods.join(","));

    // [alias, court index]
    out.push_str("static COURT_ALIAS_ROWS: &[[u16; 2]] = &[\n");
    for (alias, idx) in &aliases {
        let _ = writeln!(out, "[{},{idx}],", sid(alias));
    }
    out.push_str("];\n");

    // [edition index, first in IMPLIED_COURT_LIST, count, description, jurisdiction]
    let mut list: Vec<String> = vec![];
    out.push_str("static IMPLIED_ROWS: &[[u16; 5]] = &[\n");
    for (e, (idxs, jurisdiction)) in &implied {
        let _ = writeln!(out, "[{e},{},{},{},{}],", list.len(), idxs.len(), sid(&describe(idxs)), sid(jurisdiction));
        list.extend(idxs.iter().map(ToString::to_string));
    }
    out.push_str("];\n");
    let _ = writeln!(out, "static IMPLIED_COURT_LIST: &[u16] = &[{}];", list.join(","));
    if periods.len() > limit || list.len() > limit {
        return Err("reference tables outgrew u16 indices".to_string());
    }

    write_if_changed(out_file, &out)
}

/// Writes `contents` to `path` unless the file already holds exactly that.
fn write_if_changed(path: &Path, contents: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::write(path, contents).map_err(|e| format!("writing {}: {e}", path.display()))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))
}

/// The `version:` line of a `VERSION` file written by `scripts/refresh-data.sh`.
fn read_version(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    text.lines()
        .find_map(|l| l.strip_prefix("version:"))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("{} has no `version:` line", path.display()))
}

/// The year of an ISO date (`"1988-01-01T00:00:00"`, `"1850-01-01"`); `None` for null, `""` or
/// anything unparsable.
fn year(v: Option<&Value>) -> Option<u16> {
    v.and_then(Value::as_str).and_then(|s| s.get(..4)).and_then(|y| y.parse().ok())
}

fn str_field(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").trim().to_string()
}

/// Sort rank of a reporters-db `cite_type`: when several reporters share an abbreviation, the one
/// sorted first is the one `reference::edition` returns.
fn cite_type_rank(t: &str) -> u8 {
    match t {
        "scotus_early" => 0,
        "federal" => 1,
        "state" => 2,
        "state_regional" => 3,
        "neutral" => 4,
        "specialty" => 5,
        "specialty_west" => 6,
        "specialty_lexis" => 7,
        _ => 8,
    }
}

/// Applies pleader's corrections of reporters-db's edition dates (`data/patches/`, documented in
/// `data/README.md`). A correction whose `was` no longer matches the data fails generation, so a
/// refresh that fixed (or changed) the date upstream is noticed.
fn patch_dates(editions: &mut [EditionRow], path: &Path) -> Result<(), String> {
    let json = read_json(path)?;
    let list = json
        .get("editions")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{}: no `editions` list", path.display()))?;
    for p in list {
        let reporter = str_field(p, "reporter");
        let edition = str_field(p, "edition");
        let field = str_field(p, "field");
        let num = |k: &str| p.get(k).and_then(Value::as_u64).and_then(|n| u16::try_from(n).ok());
        let (Some(was), Some(now)) = (num("was"), num("now")) else {
            return Err(format!("{}: {reporter} {edition}: `was` and `now` must be years", path.display()));
        };
        let mut found = false;
        for e in editions.iter_mut().filter(|e| e.reporter == reporter && e.abbrev == edition) {
            let slot = match field.as_str() {
                "start" => &mut e.start,
                "end" => &mut e.end,
                other => return Err(format!("{}: {edition}: unknown field {other:?} (start or end)", path.display())),
            };
            if *slot != Some(was) {
                return Err(format!(
                    "{}: {edition} {field} is {:?} in reporters.json, not {was}: review the correction",
                    path.display(),
                    slot
                ));
            }
            *slot = Some(now);
            found = true;
        }
        if !found {
            return Err(format!("{}: reporters.json has no edition {edition} of {reporter}", path.display()));
        }
    }
    Ok(())
}

fn read_editions(path: &Path) -> Result<Vec<EditionRow>, String> {
    let json = read_json(path)?;
    let reporters = json.as_object().ok_or_else(|| format!("{}: expected an object", path.display()))?;
    let mut rows = vec![];
    for (key, list) in reporters {
        for r in list.as_array().ok_or_else(|| format!("{}: {key:?} is not a list", path.display()))? {
            let name = str_field(r, "name");
            let cite_type = str_field(r, "cite_type");
            let Some(editions) = r.get("editions").and_then(Value::as_object) else {
                continue;
            };
            for (abbrev, e) in editions {
                let start = year(e.get("start")).filter(|&y| y != UNKNOWN_START_YEAR);
                let end = year(e.get("end"));
                rows.push(EditionRow {
                    abbrev: abbrev.trim().to_string(),
                    reporter: key.trim().to_string(),
                    name: name.clone(),
                    start,
                    end,
                    cite_type: cite_type.clone(),
                });
            }
        }
    }
    // Same abbreviation: federal before state before neutral etc., then the series still running
    // (or ending latest) first, then by start year and name.
    rows.sort_by(|a, b| {
        (&a.abbrev, cite_type_rank(&a.cite_type), std::cmp::Reverse(a.end.unwrap_or(u16::MAX)), a.start, &a.name)
            .cmp(&(
                &b.abbrev,
                cite_type_rank(&b.cite_type),
                std::cmp::Reverse(b.end.unwrap_or(u16::MAX)),
                b.start,
                &b.name,
            ))
            .then_with(|| (&a.reporter, &a.cite_type).cmp(&(&b.reporter, &b.cite_type)))
    });
    rows.dedup_by(|a, b| {
        a.abbrev == b.abbrev
            && a.name == b.name
            && a.start == b.start
            && a.end == b.end
            && a.cite_type == b.cite_type
            && a.reporter == b.reporter
    });
    Ok(rows)
}

/// `(variant, canonical edition)` pairs from every reporter's `variations`, sorted, without
/// duplicates or pairs whose canonical edition is unknown.
fn read_variants(path: &Path, editions: &[EditionRow]) -> Result<Vec<(String, String)>, String> {
    let json = read_json(path)?;
    let known: BTreeSet<&str> = editions.iter().map(|e| e.abbrev.as_str()).collect();
    let mut pairs = BTreeSet::new();
    for list in json.as_object().into_iter().flat_map(|o| o.values()) {
        for r in list.as_array().into_iter().flatten() {
            for (variant, canonical) in r.get("variations").and_then(Value::as_object).into_iter().flatten() {
                let (variant, canonical) = (variant.trim(), canonical.as_str().unwrap_or("").trim());
                if variant != canonical && known.contains(canonical) {
                    pairs.insert((variant.to_string(), canonical.to_string()));
                }
            }
        }
    }
    Ok(pairs.into_iter().collect())
}

/// `state_abbreviations.json`: Bluebook abbreviation -> state name, sorted by abbreviation.
fn read_states(path: &Path) -> Result<Vec<(String, String)>, String> {
    let json = read_json(path)?;
    let map = json.as_object().ok_or_else(|| format!("{}: expected an object", path.display()))?;
    let mut states: Vec<(String, String)> =
        map.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect();
    states.sort();
    Ok(states)
}

fn read_courts(path: &Path) -> Result<Vec<CourtRow>, String> {
    let json = read_json(path)?;
    let list = json.as_array().ok_or_else(|| format!("{}: expected a list", path.display()))?;
    let mut courts = vec![];
    for c in list {
        let id = str_field(c, "id");
        if id.is_empty() {
            continue;
        }
        let periods = c
            .get("dates")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|d| (year(d.get("start")), year(d.get("end"))))
            .collect();
        courts.push(CourtRow {
            name: str_field(c, "name"),
            // courts-db has a few with stray spaces ("Del. Super. Ct. ").
            citation: str_field(c, "citation_string"),
            jurisdiction: str_field(c, "jurisdiction"),
            system: str_field(c, "system"),
            location: str_field(c, "location"),
            level: str_field(c, "level"),
            court_type: str_field(c, "type"),
            periods,
            id,
        });
    }
    courts.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(w) = courts.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(format!("{}: duplicate court id {:?}", path.display(), w[0].id));
    }
    Ok(courts)
}

/// Indices of the editions with one of `abbrevs` in the reporter named `reporter_name`; an error
/// if any abbreviation matches none.
fn find_editions(editions: &[EditionRow], abbrevs: &[&str], reporter_name: &str) -> Result<Vec<usize>, String> {
    let mut found = vec![];
    for abbrev in abbrevs {
        let before = found.len();
        found.extend(
            editions.iter().enumerate().filter(|(_, e)| e.abbrev == *abbrev && e.name == reporter_name).map(|(i, _)| i),
        );
        if found.len() == before {
            return Err(format!(
                "buildsrc/refdata.rs names edition {abbrev:?} of {reporter_name:?}, which reporters-db lacks"
            ));
        }
    }
    Ok(found)
}

/// The Bluebook abbreviation of the state all of `idxs` sit in, if they are all state courts of
/// one state; otherwise empty.
fn common_state(idxs: &[usize], courts: &[CourtRow], states: &[(String, String)]) -> String {
    let mut locations = idxs.iter().map(|&i| &courts[i]).map(|c| (c.system == "state").then_some(&c.location));
    let Some(Some(first)) = locations.next() else {
        return String::new();
    };
    if !locations.all(|l| l == Some(first)) {
        return String::new();
    }
    states.iter().find(|(_, name)| name == first).map(|(abbrev, _)| abbrev.clone()).unwrap_or_default()
}
