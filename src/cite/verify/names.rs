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
    }
}
