//! The matter a new user starts from, generated from the library: `pleader new` takes a named
//! outline (`clauses/_outlines.yaml`), finds every fact its clauses read (their headers and their
//! partials'), and writes each fact with the schema's description as a comment and its example as
//! the value, into the commented template `scaffold/matter.yaml`. The scaffold therefore always
//! asks for exactly what the clauses read, and builds as written.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::{closest, Diagnostic, Result};
use crate::draft::ClauseTemplates;
use crate::library::court::Profile;
use crate::library::schema::{Fact, FactType, Selection};
use crate::library::Library;
use crate::matter::OutlineItem;

/// A named outline: what it is for and the brief's clauses.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    pub description: String,
    pub brief: Vec<OutlineItem>,
    /// Example values that suit this outline better than the schema's (`motion.test: highfields`).
    #[serde(default)]
    pub facts: IndexMap<String, serde_yaml::Value>,
}

/// The outlines of the library, by name.
pub fn outlines(library: &Library) -> Result<IndexMap<String, Outline>> {
    match library.project.files.get("clauses/_outlines.yaml") {
        Some(src) => crate::yaml::from_str(src),
        None => Ok(IndexMap::new()),
    }
}

/// The facts the clauses of `brief` read, with whether each is required there.
pub fn selection(templates: &ClauseTemplates, library: &Library, brief: &[OutlineItem]) -> Selection {
    fn walk<'a>(items: &'a [OutlineItem], out: &mut Vec<&'a OutlineItem>) {
        for i in items {
            out.push(i);
            walk(&i.sections, out);
        }
    }
    let mut items = vec![];
    walk(brief, &mut items);
    let mut selection = Selection::default();
    for item in items {
        let Some(clause) = templates.get(&item.clause) else { continue };
        for (reads, _) in templates.declared(&item.clause) {
            let required = match &reads.when {
                None => library.schema.get(&reads.path).is_some_and(|f| f.required),
                Some(opt) => matches!(
                    item.options.get(opt.as_str()).or_else(|| clause.header.options.get(opt).map(|o| &o.default)),
                    Some(serde_yaml::Value::Bool(true))
                ),
            };
            // A fact an option gates is left out while the option is off.
            if reads.when.is_some() && !required {
                continue;
            }
            selection.add(&reads.path, required, &item.clause);
        }
        selection.add_answers(&clause.header.answers, &item.clause);
        for need in &clause.header.needs {
            if let Some(path) = need.strip_prefix("facts.") {
                selection.add(path, true, &item.clause);
                selection.needed.insert(path.to_string());
            }
        }
    }
    // Facts no clause prints that `pleader check` reads, whatever the outline.
    crate::matter::add_check_reads(&mut selection);
    selection
}

/// The comment above a fact: its description, then its type and whether it is required.
fn comment(fact: &Fact, required: bool, indent: &str) -> String {
    let mut out = format!("{indent}# {}", fact.description.trim());
    let kind = match &fact.ty {
        FactType::OneOf(values) => {
            let mut s = String::from("one of:");
            for (k, d) in values {
                s.push_str(&format!("\n{indent}#   {k}: {d}"));
            }
            s
        }
        FactType::List(item) => match &item.ty {
            FactType::OneOf(values) => {
                let mut s = String::from("a list, each one of:");
                for (k, d) in values {
                    s.push_str(&format!("\n{indent}#   {k}: {d}"));
                }
                s
            }
            t => format!("a list of {}", t.name()),
        },
        t => t.name().to_string(),
    };
    let need = if required {
        "required".to_string()
    } else {
        match &fact.default {
            Some(d) => format!("optional; default {}", crate::yaml::flow(d)),
            None => "optional".to_string(),
        }
    };
    out.push_str(&format!(" ({need}; {kind})\n"));
    out
}

fn write_fields(
    fields: &IndexMap<String, Fact>,
    prefix: &str,
    selection: &Selection,
    examples: &IndexMap<String, serde_yaml::Value>,
    depth: usize,
    out: &mut String,
) {
    let indent = "  ".repeat(depth);
    for (name, fact) in fields {
        let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        if !selection.allows(&path) {
            continue;
        }
        let required = (fact.required || selection.needed.contains(&path)) && selection.requires(&path);
        out.push_str(&comment(fact, required, &indent));
        match (&fact.ty, examples.get(&path).or(fact.example.as_ref())) {
            (FactType::Mapping(sub), None) => {
                out.push_str(&format!("{indent}{name}:\n"));
                write_fields(sub, &path, selection, examples, depth + 1, out);
            }
            (FactType::List(_), Some(serde_yaml::Value::Sequence(items))) if items.iter().any(|i| i.is_mapping()) => {
                out.push_str(&format!("{indent}{name}:\n"));
                for i in items {
                    out.push_str(&format!("{indent}  - {}\n", crate::yaml::flow(i)));
                }
            }
            (_, Some(example)) => out.push_str(&format!("{indent}{name}: {}\n", crate::yaml::flow(example))),
            (_, None) => out.push_str(&format!("{indent}# {name}:\n")),
        }
    }
}

/// The text of a new matter for the outline `name` (and court profile `court`, if given).
/// The outline `pleader new` starts from when none is named: `highfields` without a court, and
/// with one, the outline named for the standard its profile argues if it is written for that
/// court (`mobilisa` for `d-ariz`), else `highfields` if it is, else the first outline (in
/// `clauses/_outlines.yaml`'s order) written for it, so that `pleader new DIR --court ed-pa`
/// works without knowing which test the court applies.
pub fn default_outline(library: &Library, court: Option<&str>) -> Result<String> {
    const DEFAULT: &str = "highfields";
    let Some(c) = court else { return Ok(DEFAULT.to_string()) };
    let all = outlines(library)?;
    let templates = ClauseTemplates::new(library.clause_files(), None)?;
    let profiles = library.profiles();
    let fits = |o: &Outline| courts_for(&templates, &profiles, &o.brief, &o.facts).iter().any(|(id, _)| *id == c);
    // The outline named for the standard the court's profile argues (`mobilisa` for the District
    // of Arizona), where there is one and it fits; then the default; then the first that fits.
    // A project's own standard takes the outline of the standard it is `like` (`pilchesky`,
    // like `mobilisa`: the Allegheny County user got the Dendrite outline).
    let own = profiles.iter().find(|(id, _)| id == c).map(|(_, p)| p.jurisdiction.argued_as().to_string());
    if let Some(own) = own.filter(|s| all.get(s.as_str()).is_some_and(fits)) {
        return Ok(own);
    }
    if all.get(DEFAULT).is_some_and(fits) {
        return Ok(DEFAULT.to_string());
    }
    Ok(all.iter().find(|(_, o)| fits(o)).map(|(n, _)| n.clone()).unwrap_or_else(|| DEFAULT.to_string()))
}

pub fn scaffold(library: &Library, name: &str, court: Option<&str>) -> Result<String> {
    let all = outlines(library)?;
    let Some(outline) = all.get(name) else {
        let names: Vec<&str> = all.keys().map(|s| s.as_str()).collect();
        let hint = match closest(name, names.iter().copied()) {
            Some(b) => format!("did you mean `{b}`? the outlines are: {}", names.join(", ")),
            None => format!("the outlines are: {}", names.join(", ")),
        };
        return Err(Diagnostic::usage(format!("there is no outline `{name}`")).with_hint(hint).into());
    };
    let Some(template) = library.project.files.get("scaffold/matter.yaml") else {
        return Err(Diagnostic::error("this pleader was built without its matter template").into());
    };
    if let Some(c) = court {
        let files = library.court_files();
        let Some((_, src)) = files.iter().find(|(id, _)| id == c) else {
            let ids: Vec<String> = files.into_iter().map(|(id, _)| id).collect();
            return Err(Diagnostic::usage(format!("there is no court profile `{c}`"))
                .with_hint(format!("the profiles are: {}", ids.join(", ")))
                .into());
        };
        // A profile that does not load is reported as it is, not as a court no outline fits
        // (the Cook County user's profile without its top-level `name:`).
        crate::library::court::Profile::load(src, None)?;
    }
    // The court: the one asked for, which the outline's clauses must be written for; or the
    // template's own (nd-cal) when they are, else the first court they are.
    let templates = ClauseTemplates::new(library.clause_files(), None)?;
    let profiles = library.profiles();
    let fitting = courts_for(&templates, &profiles, &outline.brief, &outline.facts);
    let court = match court {
        Some(c) => match fitting.iter().find(|(id, _)| *id == c) {
            Some(_) => c.to_string(),
            None => {
                let why = profiles
                    .iter()
                    .find(|(id, _)| id == c)
                    .and_then(|(_, p)| misfit(&templates, p, &outline.brief, &outline.facts))
                    .unwrap_or_default();
                let fits: Vec<&str> = all
                    .iter()
                    .filter(|(_, o)| {
                        courts_for(&templates, &profiles, &o.brief, &o.facts).iter().any(|(id, _)| *id == c)
                    })
                    .map(|(n, _)| n.as_str())
                    .collect();
                return Err(Diagnostic::usage(format!("the outline `{name}` is not written for `{c}`: {why}"))
                    .with_hint(if fits.is_empty() {
                        format!("no outline is written for `{c}`")
                    } else {
                        format!("outlines written for `{c}`: {}", fits.join(", "))
                    })
                    .into());
            }
        },
        None if fitting.iter().any(|(id, _)| *id == "nd-cal") || fitting.is_empty() => "nd-cal".to_string(),
        None => fitting[0].0.to_string(),
    };
    let mut text = for_outline(
        library,
        template,
        &outline.brief,
        &outline.facts,
        &format!("Outline `{name}`: {}", outline.description.trim()),
    )?;
    text = in_court(&text, &court, profiles.iter().find(|(id, _)| *id == court).map(|(_, p)| p));
    // The caption lines the court's profile does not print are commented out: a division is
    // printed only under a profile that prints one, a county only in a title that names it.
    if let Some((_, profile)) = profiles.iter().find(|(id, _)| *id == court) {
        text = claims_in_court(&text, library, profile);
        if !profile.caption.division {
            text = comment_out_field(&text, "division");
        }

        if !profile.court_title.iter().any(|l| l.contains("{county}")) {
            text = comment_out_field(&text, "county");
        }
    }
    Ok(text)
}

/// A scaffolded matter (written for `nd-cal`) moved to `court`: its `court:` line, and a division
/// or county the court's profile does not list replaced by the first one it lists.
pub fn in_court(text: &str, court: &str, profile: Option<&crate::library::court::Profile>) -> String {
    let mut text = text.replacen("\ncourt: nd-cal\n", &format!("\ncourt: {court}\n"), 1);
    let Some(profile) = profile else { return text };
    // A project's own standard: the motion invokes it by its own id, not the library standard's
    // it is like.
    if let Some(like) = profile.jurisdiction.standard_like.as_deref() {
        let own = &profile.jurisdiction.standard;
        text = text.replacen(&format!("\n    test: {like}"), &format!("\n    test: {own}"), 1);
    }
    // A state court has no order before a Rule 26(f) conference: the block is commented out,
    // documented, for a matter moved to a federal court.
    if profile.jurisdiction.system == crate::library::court::System::State {
        let mut out = String::with_capacity(text.len() + 64);
        let mut inside = false;
        for line in text.split_inclusive('\n') {
            if line.starts_with("  early_discovery:") {
                inside = true;
                out.push_str(&format!("  # {}  (federal courts only)\n", line.trim()));
                continue;
            }
            if inside && (line.starts_with("    ") || line.trim().is_empty()) {
                out.push_str(&format!("  # {}\n", line.trim()));
                continue;
            }
            inside = false;
            out.push_str(line);
        }
        text = out;
        text = state_examples(&text, profile);
    }
    for (key, suffix) in [("division", " Division"), ("county", "")] {
        let line = text.lines().find(|l| l.starts_with(&format!("{key}: "))).map(str::to_string);
        let value = line.as_deref().map(|l| l[key.len() + 2..].split('#').next().unwrap_or("").trim().to_string());
        if let (Some(line), Some(value), Some(first)) = (line, value, profile.divisions.first()) {
            if !crate::matter::consistency::listed(&value, &profile.divisions) {
                // A profile that lists "Eastern Division" keeps it as written, never "Eastern
                // Division Division".
                // Nor "at Seattle Division" for a court whose captions say "AT SEATTLE".
                let suffix = if first.ends_with(suffix) || first.starts_with("at ") { "" } else { suffix };
                text = text.replacen(&line, &format!("{key}: {first}{suffix}"), 1);
            }
        }
    }
    text
}

/// A state court's template: the federal example values replaced or commented out (a new user
/// in a state court found the federal docket, the judge's initials, "Dkt." record numbers, an
/// underlying action in the District of Oregon and an issuing district in a Richmond brief's
/// template). The lines are the template's own; a line the template no longer has is left alone.
fn state_examples(text: &str, profile: &crate::library::court::Profile) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let replaced = match body {
            "  number: 3:24-mc-80477" => Some("  number: 24CV000123".to_string()),
            "  judge_initials: TWQ" if !profile.caption.judge_initials => {
                Some("  # judge_initials: TWQ  (not printed by this court's caption)".to_string())
            }
            "    court: the United States District Court for the District of Oregon" => {
                Some("    court: this Court".to_string())
            }
            "    issuing_court: the District of Oregon" => {
                Some("    # issuing_court: the District of Oregon  (federal courts only)".to_string())
            }
            "    judge: Magistrate Judge Rowan T. Achebe" => Some("    # judge: Hon. Rowan T. Achebe".to_string()),
            "  # filed: 2024-05-01" if profile.caption.action_dates => Some("  filed: 2024-05-01".to_string()),
            "  # trial: none" if profile.caption.action_dates => Some("  trial: none".to_string()),
            _ => None,
        };
        match replaced {
            Some(r) => {
                out.push_str(&r);
                out.push('\n');
            }
            // "Complaint, Dkt. 1-3": a federal docket entry; a state court's papers are named by
            // title (and date, where its rules ask).
            None => out.push_str(&without_docket_numbers(line)),
        }
    }
    out
}

/// The example claims governed by the law of the state the court sits in, where the claim type's
/// file has it: a new user in a New Jersey court was handed `law: california`, and a brief built
/// as written argues another state's law. Where the file has no law for that state, the example
/// stays (the scaffold builds as written) under a comment that says so, and `check` warns about a
/// claim of an action pending in the court governed by another state's law.
fn claims_in_court(text: &str, library: &Library, profile: &Profile) -> String {
    let state = &profile.jurisdiction.state;
    if state == "California" {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.split_inclusive('\n') {
        let Some((before, after)) = line.split_once("law: california") else {
            out.push_str(line);
            continue;
        };
        let claim = before.split("type: ").nth(1).and_then(|t| t.split([',', ' ']).next()).unwrap_or("");
        let law = library
            .claims
            .get(claim)
            .and_then(|c| c.laws.iter().find(|(_, l)| l.jurisdiction == *state).map(|(k, _)| k.clone()));
        match law {
            Some(key) => out.push_str(&format!("{before}law: {key}{after}")),
            None => {
                let indent = &before[..before.len() - before.trim_start().len()];
                out.push_str(&format!(
                    "{indent}# claims/{claim}.yaml has no {state} law, so this example keeps California's: give the law that \
                     governs, adding it in a project file that `extends: {claim}` (README, Claims and their law)\n"
                ));
                out.push_str(line);
            }
        }
    }
    out
}

/// ", Dkt. 1-3" and ", Dkt. 1" taken out of a line.
fn without_docket_numbers(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find(", Dkt. ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + ", Dkt. ".len()..];
        let n = after.find(|c: char| !(c.is_ascii_digit() || c == '-')).unwrap_or(after.len());
        if n == 0 {
            out.push_str(", Dkt. ");
        }
        rest = &after[n..];
    }
    out.push_str(rest);
    out
}

/// The template with a top-level field commented out, saying why (the court's caption does not
/// print it), so the field stays documented for a matter moved to a court that does.
fn comment_out_field(text: &str, key: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if !done && line.starts_with(&format!("{key}: ")) {
            done = true;
            out.push_str(&format!("# {}  (not printed by this court's caption)\n", line.trim_end()));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The clauses of an outline, depth first.
fn clause_ids(items: &[OutlineItem], out: &mut Vec<String>) {
    for i in items {
        out.push(i.clause.clone());
        clause_ids(&i.sections, out);
    }
}

/// The value an outline's facts give a path, as text.
fn outline_fact(facts: &IndexMap<String, serde_yaml::Value>, path: &str) -> Option<String> {
    facts.get(path).and_then(|v| v.as_str()).map(str::to_string)
}

/// The court profiles every clause of an outline is written for (by system, standard and the
/// facts the outline sets), by id.
fn courts_for<'a>(
    templates: &ClauseTemplates,
    profiles: &'a [(String, Profile)],
    brief: &[OutlineItem],
    facts: &IndexMap<String, serde_yaml::Value>,
) -> Vec<(&'a str, &'a Profile)> {
    let mut ids = vec![];
    clause_ids(brief, &mut ids);
    profiles
        .iter()
        .filter(|(_, p)| {
            let j = &p.jurisdiction;
            ids.iter().all(|c| {
                templates
                    .get(c)
                    .and_then(|t| t.header.applies.as_ref())
                    .is_none_or(|a| a.court_fits(j) && a.contradicted(j, |path| outline_fact(facts, path)).is_none())
            })
        })
        .map(|(id, p)| (id.as_str(), p))
        .collect()
}

/// Why an outline does not fit a court: its first clause that is not written for it.
fn misfit(
    templates: &ClauseTemplates,
    profile: &Profile,
    brief: &[OutlineItem],
    facts: &IndexMap<String, serde_yaml::Value>,
) -> Option<String> {
    let j = &profile.jurisdiction;
    let mut ids = vec![];
    clause_ids(brief, &mut ids);
    ids.into_iter().find_map(|c| {
        let a = templates.get(&c)?.header.applies.as_ref()?;
        if a.court_fits(j) {
            let (path, values, given) = a.contradicted(j, |path| outline_fact(facts, path))?;
            return Some(format!(
                "in {}, clause `{c}` presupposes that `{path}` is {}, and the outline sets it to `{given}`",
                profile.name,
                values.join(" or "),
            ));
        }
        a.mismatch(&c, &profile.name, j)
    })
}

/// A matter for any outline: the template with the facts the outline's clauses read (each with
/// its example, or the value `examples` gives for its path) and the outline itself.
pub fn for_outline(
    library: &Library,
    template: &crate::diag::SourceText,
    brief: &[OutlineItem],
    examples: &IndexMap<String, serde_yaml::Value>,
    title: &str,
) -> Result<String> {
    let mut ids = vec![];
    fn collect(items: &[OutlineItem], out: &mut Vec<String>) {
        for i in items {
            out.push(i.clause.clone());
            collect(&i.sections, out);
        }
    }
    collect(brief, &mut ids);
    let only = ids.iter().cloned().collect();
    let templates = ClauseTemplates::new(library.clause_files(), Some(&only))?;
    let selection = selection(&templates, library, brief);
    let mut facts = String::from("facts:\n");
    write_fields(&library.schema.facts, "", &selection, examples, 1, &mut facts);
    let yaml = serde_yaml::to_string(&outline_value(brief)).unwrap_or_default();
    let brief =
        format!("# {}\nbrief:\n{}", title.split_whitespace().collect::<Vec<_>>().join(" "), indent(&yaml, "  "));
    // An example fact naming a document of the matter's own (a platform's policy) brings the
    // entry it names, so that the new matter builds as written.
    let mut entries = serde_yaml::Mapping::new();
    example_entries(&library.schema.facts, "", &selection, examples, &library.bank, &mut entries);
    let authorities = if entries.is_empty() {
        "authorities: {}\n".to_string()
    } else {
        let yaml = serde_yaml::to_string(&serde_yaml::Value::Mapping(entries)).unwrap_or_default();
        format!("authorities:\n{}", indent(&yaml, "  "))
    };
    Ok(template
        .text
        .replace("# <<facts>>\n", &facts)
        .replace("# <<brief>>\n", &brief)
        .replace("authorities: {}\n", &authorities))
}

/// The `example_entry` of each selected `authority` fact whose example id the bank lacks.
fn example_entries(
    fields: &IndexMap<String, Fact>,
    prefix: &str,
    selection: &Selection,
    examples: &IndexMap<String, serde_yaml::Value>,
    bank: &crate::library::bank::Bank,
    out: &mut serde_yaml::Mapping,
) {
    for (name, fact) in fields {
        let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        if !selection.allows(&path) {
            continue;
        }
        match &fact.ty {
            FactType::Mapping(sub) if !examples.contains_key(&path) => {
                example_entries(sub, &path, selection, examples, bank, out)
            }
            FactType::Authority => {
                let (Some(serde_yaml::Value::String(id)), Some(entry)) =
                    (examples.get(&path).or(fact.example.as_ref()), &fact.example_entry)
                else {
                    continue;
                };
                if !bank.entries.contains_key(id) {
                    out.insert(serde_yaml::Value::String(id.clone()), entry.clone());
                }
            }
            _ => {}
        }
    }
}

/// An outline as YAML: plain ids where a clause has no options or sections.
fn outline_value(items: &[OutlineItem]) -> serde_yaml::Value {
    serde_yaml::Value::Sequence(
        items
            .iter()
            .map(|i| {
                if i.options.is_empty() && i.sections.is_empty() {
                    serde_yaml::Value::String(i.clause.clone())
                } else {
                    let mut m = serde_yaml::Mapping::new();
                    m.insert("clause".into(), i.clause.clone().into());
                    if !i.options.is_empty() {
                        m.insert("options".into(), serde_yaml::Value::Mapping(i.options.clone()));
                    }
                    if !i.sections.is_empty() {
                        m.insert("sections".into(), outline_value(&i.sections));
                    }
                    serde_yaml::Value::Mapping(m)
                }
            })
            .collect(),
    )
}

fn indent(text: &str, by: &str) -> String {
    text.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("{by}{l}\n") }).collect()
}
