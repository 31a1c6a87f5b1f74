//! What a clause template reads from the matter's facts, found by walking Tera's parsed template
//! (not by running it, so a fact behind an `if` that no sample turns on is found too). Aliases are
//! followed: `{% set u = facts.underlying %}` makes `u.claims` a read of `underlying.claims`,
//! `{% for c in u.claims %}` makes `c.name` a read of `underlying.claims.name`, and a partial the
//! clause includes is read in the clause's own scope; the context's `claims` (the claims with
//! what the claim files say of them) is a read of `underlying.claims`. `clauses --lint` compares these reads with
//! what the clause declares under `facts:`.

use std::collections::{BTreeMap, BTreeSet};

use tera::ast::{Expr, ExprVal, Node};
use tera::Tera;

/// The fact paths (under `facts.`) read by a template and the partials it includes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reads {
    pub facts: BTreeSet<String>,
    pub partials: BTreeSet<String>,
}

struct Walker<'a> {
    tera: &'a Tera,
    /// Local name → the fact path it stands for.
    aliases: BTreeMap<String, String>,
    out: Reads,
    depth: usize,
    /// Whether to work out the facts read, or only follow the includes (`includes`).
    facts: bool,
}

/// The fact path an identifier stands for (`facts.motion.test` → `motion.test`; `u.claims` with
/// `u` an alias of `underlying` → `underlying.claims`), or `None` when it is not a fact.
fn resolve(ident: &str, aliases: &BTreeMap<String, String>) -> Option<String> {
    // `a.b[0].c` and `a["b"]` index forms: keep the dotted names.
    let cleaned: String = {
        let mut s = String::new();
        let mut depth = 0;
        for c in ident.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ if depth == 0 => s.push(c),
                _ => {}
            }
        }
        s
    };
    let mut parts = cleaned.split('.').filter(|p| !p.is_empty());
    let root = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let base = if root == "facts" { String::new() } else { aliases.get(root)?.clone() };
    let mut path = base;
    for p in rest {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(p);
    }
    (!path.is_empty()).then_some(path)
}

impl Walker<'_> {
    fn read(&mut self, path: Option<String>) {
        if let Some(p) = path {
            self.out.facts.insert(p);
        }
    }

    /// The fact path an expression's value stands for, after its filters (`| filter(...)` keeps
    /// the list, `| map(attribute="k")` narrows it to `.k`), recording every read on the way.
    fn expr(&mut self, e: &Expr) -> Option<String> {
        let mut base = self.val(&e.val);
        for f in &e.filters {
            for arg in f.args.values() {
                self.expr(arg);
            }
            if let (Some(b), Some(attr)) = (
                &base,
                f.args.get("attribute").and_then(|a| match &a.val {
                    ExprVal::String(s) => Some(s.clone()),
                    _ => None,
                }),
            ) {
                let field = format!("{b}.{attr}");
                self.out.facts.insert(field.clone());
                if f.name == "map" {
                    base = Some(field);
                }
            } else if !matches!(f.name.as_str(), "filter" | "sort" | "reverse" | "unique" | "slice" | "first" | "last")
            {
                base = None;
            }
        }
        base
    }

    fn val(&mut self, v: &ExprVal) -> Option<String> {
        match v {
            ExprVal::Ident(id) => {
                let p = resolve(id, &self.aliases);
                self.read(p.clone());
                p
            }
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
                None
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                self.expr(&l.rhs);
                None
            }
            ExprVal::Test(t) => {
                let p = resolve(&t.ident, &self.aliases);
                self.read(p);
                for a in &t.args {
                    self.expr(a);
                }
                None
            }
            ExprVal::MacroCall(m) => {
                for a in m.args.values() {
                    self.expr(a);
                }
                None
            }
            ExprVal::FunctionCall(f) => {
                for a in f.args.values() {
                    self.expr(a);
                }
                None
            }
            ExprVal::Array(items) => {
                for i in items {
                    self.expr(i);
                }
                None
            }
            ExprVal::StringConcat(s) => {
                for v in &s.values {
                    self.val(v);
                }
                None
            }
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
                None
            }
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => None,
        }
    }

    fn nodes(&mut self, nodes: &[Node]) {
        for n in nodes {
            self.node(n);
        }
    }

    fn node(&mut self, n: &Node) {
        match n {
            Node::VariableBlock(_, e) if self.facts => {
                self.expr(e);
            }
            Node::Set(_, set) if self.facts => {
                let p = self.expr(&set.value);
                match p {
                    Some(p) => {
                        self.aliases.insert(set.key.clone(), p);
                    }
                    None => {
                        self.aliases.remove(&set.key);
                    }
                }
            }
            Node::Forloop(_, f, _) if self.facts => {
                let p = self.expr(&f.container);
                let saved = self.aliases.clone();
                if let Some(p) = p {
                    self.aliases.insert(f.value.clone(), p);
                } else {
                    self.aliases.remove(&f.value);
                }
                if let Some(k) = &f.key {
                    self.aliases.remove(k);
                }
                self.nodes(&f.body);
                if let Some(b) = &f.empty_body {
                    self.nodes(b);
                }
                self.aliases = saved;
            }
            Node::Forloop(_, f, _) => {
                self.nodes(&f.body);
                if let Some(b) = &f.empty_body {
                    self.nodes(b);
                }
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    if self.facts {
                        self.expr(cond);
                    }
                    self.nodes(body);
                }
                if let Some((_, body)) = &i.otherwise {
                    self.nodes(body);
                }
            }
            Node::FilterSection(_, f, _) => {
                if self.facts {
                    for a in f.filter.args.values() {
                        self.expr(a);
                    }
                }
                self.nodes(&f.body);
            }
            Node::Block(_, b, _) => self.nodes(&b.body),
            Node::MacroDefinition(_, m, _) => self.nodes(&m.body),
            Node::Include(_, names, _) => {
                for name in names {
                    self.out.partials.insert(name.clone());
                    // Bounded: include cycles are refused before anything renders.
                    if self.depth < 8 {
                        let tera = self.tera;
                        if let Ok(t) = tera.get_template(name) {
                            self.depth += 1;
                            self.nodes(&t.ast);
                            self.depth -= 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The facts a compiled template reads, including those of the partials it includes.
pub fn reads(tera: &Tera, template: &str) -> Reads {
    // The clause context's `claims` is built from `facts.underlying.claims` (see draft::context).
    // The values the context computes from facts (`timeline`, `shortfall`) stand for the facts
    // they are drawn from (draft::context::DERIVED_READS); they are walked under a marked name
    // and replaced by those facts at the end.
    let mut aliases = BTreeMap::from([("claims".to_string(), "underlying.claims".to_string())]);
    for (key, _) in super::context::DERIVED_READS {
        let root = key.split('.').next().unwrap_or(key);
        aliases.insert(root.to_string(), format!("@{root}"));
    }
    let mut w = Walker { tera, aliases, out: Reads::default(), depth: 0, facts: true };
    if let Ok(t) = tera.get_template(template) {
        w.nodes(&t.ast);
    }
    let derived: Vec<String> = w.out.facts.iter().filter(|p| p.starts_with('@')).cloned().collect();
    for p in derived {
        w.out.facts.remove(&p);
        let value = &p[1..];
        for (key, facts) in super::context::DERIVED_READS {
            if value == *key || value.starts_with(&format!("{key}.")) {
                w.out.facts.extend(facts.iter().map(|f| f.to_string()));
            }
        }
    }
    w.out
}

/// The partials a compiled template includes, directly or through other partials: the
/// `partials` of [`reads`], by the same walk, without working out the facts (what a clause's
/// declared facts need).
pub fn includes(tera: &Tera, template: &str) -> BTreeSet<String> {
    let mut w = Walker { tera, aliases: BTreeMap::new(), out: Reads::default(), depth: 0, facts: false };
    if let Ok(t) = tera.get_template(template) {
        w.nodes(&t.ast);
    }
    w.out.partials
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_loops_filters_and_partials_are_followed() {
        let mut tera = Tera::default();
        tera.add_raw_templates(vec![
            ("_p.tera", "{{ unargued | map(attribute=\"name\") | join(sep=\", \") }}"),
            (
                "c",
                "{% set u = facts.underlying %}{% set unargued = u.claims | filter(attribute=\"argued\", value=false) %}\
                 {% for c in u.claims %}{{ c.name }}{% endfor %}{% if facts.motion.test == \"arista\" %}x{% endif %}\
                 {% if facts.platform_description is defined %}y{% endif %}{{ parties.movant.short }}{% include \"_p.tera\" %}",
            ),
        ])
        .unwrap();
        let r = reads(&tera, "c");
        let facts: Vec<&str> = r.facts.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            facts,
            [
                "motion.test",
                "platform_description",
                "underlying",
                "underlying.claims",
                "underlying.claims.argued",
                "underlying.claims.name"
            ]
        );
        assert_eq!(r.partials.iter().collect::<Vec<_>>(), ["_p.tera"]);
        assert_eq!(includes(&tera, "c"), r.partials);
    }

    /// [`includes`] finds what [`reads`] finds, for every built-in clause and partial.
    #[test]
    fn includes_are_the_partials_reads_finds() {
        let project = crate::library::project::Project::builtin();
        let t = crate::draft::templates::ClauseTemplates::new(project.files_in("clauses", ".tera"), None).unwrap();
        let mut names: Vec<String> = t.tera.get_template_names().map(str::to_string).collect();
        names.sort();
        assert!(names.len() > 60);
        let mut nested = 0;
        for name in names {
            let found = includes(&t.tera, &name);
            nested += found.len();
            assert_eq!(found, reads(&t.tera, &name).partials, "{name}");
        }
        assert!(nested > 20, "{nested}");
    }
}
