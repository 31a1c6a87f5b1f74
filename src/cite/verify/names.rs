//! Case names in citations: the words Bluebook table T6 abbreviates (rule 10.2.2: in a citation,
//! abbreviate every word T6 lists, even the first word of a party's name). A bank entry's `name`
//! prints in the full citation and in the table of authorities, both citations, so a word T6
//! abbreviates that the entry spells out is a finding (the Maryland audit: "Independent
//! Newspapers, Inc. v. Brodie" for "Indep. Newspapers, Inc. v. Brodie").

/// T6's common words and their abbreviations, singular and plural where T6 gives both. Not the
/// whole table: the words case names in this library's field carry (companies, publishers,
/// associations, governments), each checked against T6 as the 21st edition prints it.
const T6: &[(&str, &str)] = &[
    ("Academy", "Acad."),
    ("Administration", "Admin."),
    ("Administrative", "Admin."),
    ("Advertising", "Advert."),
    ("America", "Am."),
    ("American", "Am."),
    ("Associate", "Assoc."),
    ("Associates", "Assocs."),
    ("Association", "Ass’n"),
    ("Associations", "Ass’ns"),
    ("Atlantic", "Atl."),
    ("Authority", "Auth."),
    ("Automobile", "Auto."),
    ("Avenue", "Ave."),
    ("Board", "Bd."),
    ("Broadcasting", "Broad."),
    ("Brotherhood", "Bhd."),
    ("Brothers", "Bros."),
    ("Building", "Bldg."),
    ("Business", "Bus."),
    ("Capital", "Cap."),
    ("Casualty", "Cas."),
    ("Center", "Ctr."),
    ("Central", "Cent."),
    ("Chemical", "Chem."),
    ("Coalition", "Coal."),
    ("College", "Coll."),
    ("Commission", "Comm’n"),
    ("Commissioner", "Comm’r"),
    ("Committee", "Comm."),
    ("Communication", "Commc’n"),
    ("Communications", "Commc’ns"),
    ("Community", "Cmty."),
    ("Company", "Co."),
    ("Compensation", "Comp."),
    ("Condominium", "Condo."),
    ("Consolidated", "Consol."),
    ("Construction", "Constr."),
    ("Continental", "Cont’l"),
    ("Cooperative", "Coop."),
    ("Corporation", "Corp."),
    ("Correctional", "Corr."),
    ("County", "Cnty."),
    ("Defense", "Def."),
    ("Department", "Dep’t"),
    ("Development", "Dev."),
    ("Director", "Dir."),
    ("Distributor", "Distrib."),
    ("Distributors", "Distribs."),
    ("District", "Dist."),
    ("Division", "Div."),
    ("Economic", "Econ."),
    ("Education", "Educ."),
    ("Educational", "Educ."),
    ("Electric", "Elec."),
    ("Electronic", "Elec."),
    ("Engineering", "Eng’g"),
    ("Enterprise", "Enter."),
    ("Enterprises", "Enters."),
    ("Entertainment", "Ent."),
    ("Environment", "Env’t"),
    ("Environmental", "Env’t"),
    ("Equipment", "Equip."),
    ("Exchange", "Exch."),
    ("Executive", "Exec."),
    ("Federal", "Fed."),
    ("Federation", "Fed’n"),
    ("Fidelity", "Fid."),
    ("Financial", "Fin."),
    ("Foundation", "Found."),
    ("General", "Gen."),
    ("Government", "Gov’t"),
    ("Group", "Grp."),
    ("Guaranty", "Guar."),
    ("Hospital", "Hosp."),
    ("Housing", "Hous."),
    ("Incorporated", "Inc."),
    ("Independent", "Indep."),
    ("Industrial", "Indus."),
    ("Industries", "Indus."),
    ("Industry", "Indus."),
    ("Information", "Info."),
    ("Institute", "Inst."),
    ("Institution", "Inst."),
    ("Insurance", "Ins."),
    ("International", "Int’l"),
    ("Investment", "Inv."),
    ("Investments", "Invs."),
    ("Laboratory", "Lab."),
    ("Laboratories", "Labs."),
    ("Liability", "Liab."),
    ("Limited", "Ltd."),
    ("Litigation", "Litig."),
    ("Machinery", "Mach."),
    ("Maintenance", "Maint."),
    ("Management", "Mgmt."),
    ("Manufacturer", "Mfr."),
    ("Manufacturers", "Mfrs."),
    ("Manufacturing", "Mfg."),
    ("Maritime", "Mar."),
    ("Market", "Mkt."),
    ("Marketing", "Mktg."),
    ("Medical", "Med."),
    ("Memorial", "Mem’l"),
    ("Merchant", "Merch."),
    ("Metropolitan", "Metro."),
    ("Mortgage", "Mortg."),
    ("Municipal", "Mun."),
    ("Mutual", "Mut."),
    ("National", "Nat’l"),
    ("Organization", "Org."),
    ("Pacific", "Pac."),
    ("Partnership", "P’ship"),
    ("Pharmaceutical", "Pharm."),
    ("Pharmaceuticals", "Pharms."),
    ("Product", "Prod."),
    ("Products", "Prods."),
    ("Production", "Prod."),
    ("Productions", "Prods."),
    ("Professional", "Pro."),
    ("Property", "Prop."),
    ("Properties", "Props."),
    ("Protection", "Prot."),
    ("Public", "Pub."),
    ("Publication", "Publ’n"),
    ("Publications", "Publ’ns"),
    ("Publishing", "Publ’g"),
    ("Railroad", "R.R."),
    ("Railway", "Ry."),
    ("Regional", "Reg’l"),
    ("Resource", "Res."),
    ("Resources", "Res."),
    ("Restaurant", "Rest."),
    ("Retirement", "Ret."),
    ("Savings", "Sav."),
    ("School", "Sch."),
    ("Schools", "Schs."),
    ("Science", "Sci."),
    ("Secretary", "Sec’y"),
    ("Securities", "Sec."),
    ("Security", "Sec."),
    ("Service", "Serv."),
    ("Services", "Servs."),
    ("Society", "Soc’y"),
    ("Superior", "Super."),
    ("System", "Sys."),
    ("Systems", "Sys."),
    ("Technology", "Tech."),
    ("Technologies", "Techs."),
    ("Telecommunication", "Telecomm."),
    ("Telecommunications", "Telecomms."),
    ("Telephone", "Tel."),
    ("Transportation", "Transp."),
    ("University", "Univ."),
    ("Utility", "Util."),
    ("Utilities", "Utils."),
];

/// T10's states, abbreviated in a case name where they are not themselves a party (rule 10.2.2:
/// "Bank of Or. v. Indep. News, Inc.", "N.Y. Times Co. v. Sullivan"; but "Oregon v. Smith"). Longer
/// names first, so that "West Virginia" is read before "Virginia".
pub(crate) const T10: &[(&str, &str)] = &[
    ("District of Columbia", "D.C."),
    ("New Hampshire", "N.H."),
    ("New Jersey", "N.J."),
    ("New Mexico", "N.M."),
    ("New York", "N.Y."),
    ("North Carolina", "N.C."),
    ("North Dakota", "N.D."),
    ("Rhode Island", "R.I."),
    ("South Carolina", "S.C."),
    ("South Dakota", "S.D."),
    ("West Virginia", "W. Va."),
    ("Alabama", "Ala."),
    ("Arizona", "Ariz."),
    ("Arkansas", "Ark."),
    ("California", "Cal."),
    ("Colorado", "Colo."),
    ("Connecticut", "Conn."),
    ("Delaware", "Del."),
    ("Florida", "Fla."),
    ("Georgia", "Ga."),
    ("Hawaii", "Haw."),
    ("Illinois", "Ill."),
    ("Indiana", "Ind."),
    ("Kansas", "Kan."),
    ("Kentucky", "Ky."),
    ("Louisiana", "La."),
    ("Maine", "Me."),
    ("Maryland", "Md."),
    ("Massachusetts", "Mass."),
    ("Michigan", "Mich."),
    ("Minnesota", "Minn."),
    ("Mississippi", "Miss."),
    ("Missouri", "Mo."),
    ("Montana", "Mont."),
    ("Nebraska", "Neb."),
    ("Nevada", "Nev."),
    ("Oklahoma", "Okla."),
    ("Oregon", "Or."),
    ("Pennsylvania", "Pa."),
    ("Tennessee", "Tenn."),
    ("Texas", "Tex."),
    ("Vermont", "Vt."),
    ("Virginia", "Va."),
    ("Washington", "Wash."),
    ("Wisconsin", "Wis."),
    ("Wyoming", "Wyo."),
];

/// The words of a case name that T6 abbreviates, each with its abbreviation, in order; and the
/// name with all of them abbreviated. A word already cut short ("Cap.", "Ass’n") is left alone,
/// and so is a word inside quotation marks or parentheses (a trade name quoted in the caption).
pub fn unabbreviated(name: &str) -> (Vec<(&'static str, &'static str)>, String) {
    let mut found = vec![];
    let mut fixed = String::with_capacity(name.len());
    let (mut depth, mut quoted) = (0i32, false);
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() && (i == 0 || !chars[i - 1].is_alphabetic()) {
            if let Some((len, hit)) = state_at(&chars, i).filter(|_| depth == 0 && !quoted) {
                found.push(hit);
                fixed.push_str(hit.1);
                i += len;
                continue;
            }
        }
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // A geographical unit that is itself a named party keeps its name (rule 10.2.2, T10:
            // "Beeton v. District of Columbia", never "Dist. of Columbia").
            let rest: String = chars[i..].iter().take(12).collect();
            let geographic = word == "District" && rest == " of Columbia";
            let shielded = depth > 0 || quoted || geographic || matches!(chars.get(i), Some('.' | '’' | '\''));
            let hit = if shielded { None } else { T6.iter().find(|(w, _)| *w == word) };
            match hit {
                Some(&(w, a)) => {
                    found.push((w, a));
                    fixed.push_str(a);
                }
                None => fixed.push_str(&word),
            }
            continue;
        }
        match c {
            '(' | '“' => depth += 1,
            ')' | '”' => depth -= 1,
            '"' => quoted = !quoted,
            _ => {}
        }
        fixed.push(c);
        i += 1;
    }
    (found, fixed)
}

/// A T10 state name beginning at `chars[i]` that rule 10.2.2 abbreviates: one that is not a whole
/// party ("Oregon v. Smith", "Smith v. New York" keep it) and that begins a party's name or
/// follows "of", "&" or "and" ("New York Times Co.", "Bank of Oregon"), so that a person's name
/// ("George Washington Univ.") is left alone. Its length in chars and (name, abbreviation).
fn state_at(chars: &[char], i: usize) -> Option<(usize, (&'static str, &'static str))> {
    let rest: String = chars[i..].iter().take(24).collect();
    let &(name, abbr) =
        T10.iter().find(|(n, _)| rest.starts_with(n) && !rest[n.len()..].starts_with(|c: char| c.is_alphabetic()))?;
    let len = name.chars().count();
    let before: String = chars[..i].iter().collect();
    let before = before.trim_end();
    let opens_party = before.is_empty() || before.ends_with(" v.");
    let starts_party = opens_party || before.ends_with(" of") || before.ends_with('&') || before.ends_with(" and");
    let after: String = chars[i + len..].iter().collect();
    let after = after.trim_start();
    let whole_party = opens_party
        && (after.is_empty()
            || after.starts_with("v.")
            || after.starts_with("ex rel.")
            || after.starts_with(',')
            || after.starts_with(';'));
    // A state or city that is itself the party ("State of Oregon", 10.2.1(f); "City of New York")
    // keeps its name.
    let of_state =
        ["State of", "Commonwealth of", "People of", "City of", "County of", "Town of", "Village of", "Borough of"]
            .iter()
            .any(|unit| before.ends_with(unit));
    (starts_party && !whole_party && !of_state).then_some((len, (name, abbr)))
}

/// The case name without "The" as the first word of a party's name (Bluebook 10.2.1(c): "Vail v.
/// Plain Dealer Publ’g Co.", not "Vail v. The Plain Dealer …"), or `None` where no party's name
/// begins with it. "The King" and "The Queen", which the rule keeps, are left alone.
pub fn leading_the(name: &str) -> Option<String> {
    let parties: Vec<&str> = name.split(" v. ").collect();
    let mut changed = false;
    let fixed: Vec<&str> = parties
        .iter()
        .map(|p| match p.strip_prefix("The ") {
            Some(rest) if !rest.starts_with("King") && !rest.starts_with("Queen") && !rest.is_empty() => {
                changed = true;
                rest
            }
            _ => p,
        })
        .collect();
    changed.then(|| fixed.join(" v. "))
}

#[cfg(test)]
mod tests {
    use super::{leading_the, unabbreviated};

    #[test]
    fn the_as_a_party_names_first_word_is_found() {
        assert_eq!(
            leading_the("Vail v. The Plain Dealer Publ’g Co.").as_deref(),
            Some("Vail v. Plain Dealer Publ’g Co.")
        );
        assert_eq!(leading_the("The Florida Bar v. Smith").as_deref(), Some("Florida Bar v. Smith"));
        for kept in ["Doe v. Cahill", "Theodore v. Smith", "The King v. Smith"] {
            assert_eq!(leading_the(kept), None, "{kept}");
        }
    }

    #[test]
    fn the_words_t6_abbreviates_are_found_and_abbreviated() {
        // A geographical unit that is a party keeps its name.
        assert!(unabbreviated("Beeton v. District of Columbia").0.is_empty());
        assert_eq!(unabbreviated("Smith v. Board of Education of the District of Columbia").0.len(), 2);
        let (found, fixed) = unabbreviated("Independent Newspapers, Inc. v. Brodie");
        assert_eq!(found, [("Independent", "Indep.")]);
        assert_eq!(fixed, "Indep. Newspapers, Inc. v. Brodie");
        let (found, fixed) = unabbreviated("National Association of Realtors v. Metropolitan Board");
        assert_eq!(found.len(), 4);
        assert_eq!(fixed, "Nat’l Ass’n of Realtors v. Metro. Bd.");
        // Already abbreviated, or not a T6 word, or quoted: nothing.
        for name in ["Highfields Cap. Mgmt., L.P. v. Doe", "Doe v. Cahill", "Smith v. “Best Company” Inc."] {
            assert!(unabbreviated(name).0.is_empty(), "{name}");
        }
        // A word that only begins like one is not one.
        assert!(unabbreviated("Companyon v. Boards").0.is_empty());
        // T10's states, where they are not the party itself (the D. Or. user, S25).
        assert_eq!(unabbreviated("Bank of Oregon v. Independent News, Inc.").1, "Bank of Or. v. Indep. News, Inc.");
        assert_eq!(unabbreviated("New York Times Co. v. Sullivan").1, "N.Y. Times Co. v. Sullivan");
        assert_eq!(unabbreviated("Smith v. West Virginia Board").1, "Smith v. W. Va. Bd.");
        for kept in [
            "Oregon v. Smith",
            "Smith v. New York",
            "George Washington v. Doe",
            "People of the State of New York v. Doe",
            "Smith v. Washington, Inc.",
            "Dillon v. City of New York",
            "NAACP v. Alabama ex rel. Patterson",
        ] {
            assert!(unabbreviated(kept).0.is_empty(), "{kept}: {:?}", unabbreviated(kept));
        }
    }
}
