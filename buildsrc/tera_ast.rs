//! A compact binary form of Tera's template syntax tree (`tera::ast`), so that the built-in clause
//! templates are parsed once, when pleader is compiled, instead of at every start: Tera's parser
//! was the longest part of loading a matter.
//!
//! `build.rs` includes this file with `#[path = "buildsrc/tera_ast.rs"]` and calls [`encode`] on
//! the tree Tera's own parser built (`tera::Template::new`); `crate::draft::precompiled` includes
//! it too and calls [`decode`]. One file holds both directions, so they cannot drift apart, and
//! every `match` below is exhaustive: a Tera release that changes its tree fails to compile here
//! instead of decoding wrongly. The format has no version of its own because it never leaves the
//! binary that wrote it.
//!
//! Layout: integers little-endian; a string is its byte length (u32) and its UTF-8 bytes; a
//! sequence its length (u32) and its items; an option a 0/1 byte and the value; a map's entries
//! in sorted key order (so the bytes do not depend on hash order).

use std::collections::HashMap;

use tera::ast::{
    Block, Expr, ExprVal, FilterSection, Forloop, FunctionCall, If, In, LogicExpr, LogicOperator, MacroCall,
    MacroDefinition, MathExpr, MathOperator, Node, Set, StringConcat, Test, WS,
};

/// Serializes a template's syntax tree.
pub fn encode(nodes: &[Node]) -> Vec<u8> {
    let mut out = Vec::new();
    nodes_(&mut out, nodes);
    out
}

fn u32_(out: &mut Vec<u8>, n: usize) {
    let n = u32::try_from(n).expect("a template larger than 4 GB");
    out.extend_from_slice(&n.to_le_bytes());
}

fn bool_(out: &mut Vec<u8>, b: bool) {
    out.push(u8::from(b));
}

fn str_(out: &mut Vec<u8>, s: &str) {
    u32_(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn ws_(out: &mut Vec<u8>, ws: &WS) {
    out.push(u8::from(ws.left) | (u8::from(ws.right) << 1));
}

fn nodes_(out: &mut Vec<u8>, nodes: &[Node]) {
    u32_(out, nodes.len());
    for n in nodes {
        node_(out, n);
    }
}

fn opt_nodes(out: &mut Vec<u8>, nodes: &Option<Vec<Node>>) {
    match nodes {
        None => out.push(0),
        Some(n) => {
            out.push(1);
            nodes_(out, n);
        }
    }
}

fn exprs_(out: &mut Vec<u8>, exprs: &[Expr]) {
    u32_(out, exprs.len());
    for e in exprs {
        expr_(out, e);
    }
}

fn expr_map(out: &mut Vec<u8>, map: &HashMap<String, Expr>) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    u32_(out, keys.len());
    for k in keys {
        str_(out, k);
        expr_(out, &map[k]);
    }
}

fn call_(out: &mut Vec<u8>, f: &FunctionCall) {
    str_(out, &f.name);
    expr_map(out, &f.args);
}

fn expr_(out: &mut Vec<u8>, e: &Expr) {
    val_(out, &e.val);
    bool_(out, e.negated);
    u32_(out, e.filters.len());
    for f in &e.filters {
        call_(out, f);
    }
}

fn math_op(op: MathOperator) -> u8 {
    match op {
        MathOperator::Add => 0,
        MathOperator::Sub => 1,
        MathOperator::Mul => 2,
        MathOperator::Div => 3,
        MathOperator::Modulo => 4,
    }
}

fn logic_op(op: LogicOperator) -> u8 {
    match op {
        LogicOperator::Gt => 0,
        LogicOperator::Gte => 1,
        LogicOperator::Lt => 2,
        LogicOperator::Lte => 3,
        LogicOperator::Eq => 4,
        LogicOperator::NotEq => 5,
        LogicOperator::And => 6,
        LogicOperator::Or => 7,
    }
}

fn val_(out: &mut Vec<u8>, v: &ExprVal) {
    match v {
        ExprVal::String(s) => {
            out.push(0);
            str_(out, s);
        }
        ExprVal::Int(i) => {
            out.push(1);
            out.extend_from_slice(&i.to_le_bytes());
        }
        ExprVal::Float(f) => {
            out.push(2);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        ExprVal::Bool(b) => {
            out.push(3);
            bool_(out, *b);
        }
        ExprVal::Ident(s) => {
            out.push(4);
            str_(out, s);
        }
        ExprVal::Math(m) => {
            out.push(5);
            expr_(out, &m.lhs);
            expr_(out, &m.rhs);
            out.push(math_op(m.operator));
        }
        ExprVal::Logic(l) => {
            out.push(6);
            expr_(out, &l.lhs);
            expr_(out, &l.rhs);
            out.push(logic_op(l.operator));
        }
        ExprVal::Test(t) => {
            out.push(7);
            str_(out, &t.ident);
            bool_(out, t.negated);
            str_(out, &t.name);
            exprs_(out, &t.args);
        }
        ExprVal::MacroCall(m) => {
            out.push(8);
            str_(out, &m.namespace);
            str_(out, &m.name);
            expr_map(out, &m.args);
        }
        ExprVal::FunctionCall(f) => {
            out.push(9);
            call_(out, f);
        }
        ExprVal::Array(items) => {
            out.push(10);
            exprs_(out, items);
        }
        ExprVal::StringConcat(c) => {
            out.push(11);
            u32_(out, c.values.len());
            for v in &c.values {
                val_(out, v);
            }
        }
        ExprVal::In(i) => {
            out.push(12);
            expr_(out, &i.lhs);
            expr_(out, &i.rhs);
            bool_(out, i.negated);
        }
    }
}

fn node_(out: &mut Vec<u8>, n: &Node) {
    match n {
        Node::Super => out.push(0),
        Node::Text(s) => {
            out.push(1);
            str_(out, s);
        }
        Node::VariableBlock(ws, e) => {
            out.push(2);
            ws_(out, ws);
            expr_(out, e);
        }
        Node::MacroDefinition(a, m, b) => {
            out.push(3);
            ws_(out, a);
            str_(out, &m.name);
            let mut keys: Vec<&String> = m.args.keys().collect();
            keys.sort();
            u32_(out, keys.len());
            for k in keys {
                str_(out, k);
                match &m.args[k] {
                    None => out.push(0),
                    Some(e) => {
                        out.push(1);
                        expr_(out, e);
                    }
                }
            }
            nodes_(out, &m.body);
            ws_(out, b);
        }
        Node::Extends(ws, s) => {
            out.push(4);
            ws_(out, ws);
            str_(out, s);
        }
        Node::Include(ws, names, ignore_missing) => {
            out.push(5);
            ws_(out, ws);
            u32_(out, names.len());
            for s in names {
                str_(out, s);
            }
            bool_(out, *ignore_missing);
        }
        Node::ImportMacro(ws, file, namespace) => {
            out.push(6);
            ws_(out, ws);
            str_(out, file);
            str_(out, namespace);
        }
        Node::Set(ws, s) => {
            out.push(7);
            ws_(out, ws);
            str_(out, &s.key);
            expr_(out, &s.value);
            bool_(out, s.global);
        }
        Node::Raw(a, s, b) => {
            out.push(8);
            ws_(out, a);
            str_(out, s);
            ws_(out, b);
        }
        Node::FilterSection(a, f, b) => {
            out.push(9);
            ws_(out, a);
            call_(out, &f.filter);
            nodes_(out, &f.body);
            ws_(out, b);
        }
        Node::Block(a, block, b) => {
            out.push(10);
            ws_(out, a);
            str_(out, &block.name);
            nodes_(out, &block.body);
            ws_(out, b);
        }
        Node::Forloop(a, f, b) => {
            out.push(11);
            ws_(out, a);
            match &f.key {
                None => out.push(0),
                Some(k) => {
                    out.push(1);
                    str_(out, k);
                }
            }
            str_(out, &f.value);
            expr_(out, &f.container);
            nodes_(out, &f.body);
            opt_nodes(out, &f.empty_body);
            ws_(out, b);
        }
        Node::If(i, ws) => {
            out.push(12);
            u32_(out, i.conditions.len());
            for (cws, e, body) in &i.conditions {
                ws_(out, cws);
                expr_(out, e);
                nodes_(out, body);
            }
            match &i.otherwise {
                None => out.push(0),
                Some((ows, body)) => {
                    out.push(1);
                    ws_(out, ows);
                    nodes_(out, body);
                }
            }
            ws_(out, ws);
        }
        Node::Break(ws) => {
            out.push(13);
            ws_(out, ws);
        }
        Node::Continue(ws) => {
            out.push(14);
            ws_(out, ws);
        }
        Node::Comment(ws, s) => {
            out.push(15);
            ws_(out, ws);
            str_(out, s);
        }
    }
}

/// Reads back what [`encode`] wrote; `None` for bytes it did not write (never the case for the
/// tables the build script generates, which a test decodes in full).
pub fn decode(bytes: &[u8]) -> Option<Vec<Node>> {
    let mut r = Reader { bytes, at: 0 };
    let nodes = r.nodes()?;
    (r.at == bytes.len()).then_some(nodes)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn len(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn u64(&mut self) -> Option<u64> {
        let b = self.take(8)?;
        let mut a = [0; 8];
        a.copy_from_slice(b);
        Some(u64::from_le_bytes(a))
    }

    fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
    }

    fn ws(&mut self) -> Option<WS> {
        let b = self.u8()?;
        Some(WS { left: b & 1 != 0, right: b & 2 != 0 })
    }

    fn nodes(&mut self) -> Option<Vec<Node>> {
        let n = self.len()?;
        // Every node takes at least one byte: a bad length cannot reserve more than is left.
        let mut out = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            out.push(self.node()?);
        }
        Some(out)
    }

    fn opt_nodes(&mut self) -> Option<Option<Vec<Node>>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.nodes()?)),
            _ => None,
        }
    }

    fn exprs(&mut self) -> Option<Vec<Expr>> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            out.push(self.expr()?);
        }
        Some(out)
    }

    fn expr_map(&mut self) -> Option<HashMap<String, Expr>> {
        let n = self.len()?;
        let mut out = HashMap::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            let k = self.str()?;
            out.insert(k, self.expr()?);
        }
        Some(out)
    }

    fn call(&mut self) -> Option<FunctionCall> {
        Some(FunctionCall { name: self.str()?, args: self.expr_map()? })
    }

    fn expr(&mut self) -> Option<Expr> {
        let val = self.val()?;
        let negated = self.bool()?;
        let n = self.len()?;
        let mut filters = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            filters.push(self.call()?);
        }
        Some(Expr { val, negated, filters })
    }

    fn boxed(&mut self) -> Option<Box<Expr>> {
        self.expr().map(Box::new)
    }

    fn val(&mut self) -> Option<ExprVal> {
        Some(match self.u8()? {
            0 => ExprVal::String(self.str()?),
            1 => ExprVal::Int(self.u64()? as i64),
            2 => ExprVal::Float(f64::from_bits(self.u64()?)),
            3 => ExprVal::Bool(self.bool()?),
            4 => ExprVal::Ident(self.str()?),
            5 => {
                let (lhs, rhs) = (self.boxed()?, self.boxed()?);
                let operator = match self.u8()? {
                    0 => MathOperator::Add,
                    1 => MathOperator::Sub,
                    2 => MathOperator::Mul,
                    3 => MathOperator::Div,
                    4 => MathOperator::Modulo,
                    _ => return None,
                };
                ExprVal::Math(MathExpr { lhs, rhs, operator })
            }
            6 => {
                let (lhs, rhs) = (self.boxed()?, self.boxed()?);
                let operator = match self.u8()? {
                    0 => LogicOperator::Gt,
                    1 => LogicOperator::Gte,
                    2 => LogicOperator::Lt,
                    3 => LogicOperator::Lte,
                    4 => LogicOperator::Eq,
                    5 => LogicOperator::NotEq,
                    6 => LogicOperator::And,
                    7 => LogicOperator::Or,
                    _ => return None,
                };
                ExprVal::Logic(LogicExpr { lhs, rhs, operator })
            }
            7 => ExprVal::Test(Test {
                ident: self.str()?,
                negated: self.bool()?,
                name: self.str()?,
                args: self.exprs()?,
            }),
            8 => ExprVal::MacroCall(MacroCall { namespace: self.str()?, name: self.str()?, args: self.expr_map()? }),
            9 => ExprVal::FunctionCall(self.call()?),
            10 => ExprVal::Array(self.exprs()?),
            11 => {
                let n = self.len()?;
                let mut values = Vec::with_capacity(n.min(self.bytes.len() - self.at));
                for _ in 0..n {
                    values.push(self.val()?);
                }
                ExprVal::StringConcat(StringConcat { values })
            }
            12 => ExprVal::In(In { lhs: self.boxed()?, rhs: self.boxed()?, negated: self.bool()? }),
            _ => return None,
        })
    }

    fn node(&mut self) -> Option<Node> {
        Some(match self.u8()? {
            0 => Node::Super,
            1 => Node::Text(self.str()?),
            2 => Node::VariableBlock(self.ws()?, self.expr()?),
            3 => {
                let a = self.ws()?;
                let name = self.str()?;
                let n = self.len()?;
                let mut args = HashMap::with_capacity(n.min(self.bytes.len() - self.at));
                for _ in 0..n {
                    let k = self.str()?;
                    let v = match self.u8()? {
                        0 => None,
                        1 => Some(self.expr()?),
                        _ => return None,
                    };
                    args.insert(k, v);
                }
                let body = self.nodes()?;
                Node::MacroDefinition(a, MacroDefinition { name, args, body }, self.ws()?)
            }
            4 => Node::Extends(self.ws()?, self.str()?),
            5 => {
                let ws = self.ws()?;
                let n = self.len()?;
                let mut names = Vec::with_capacity(n.min(self.bytes.len() - self.at));
                for _ in 0..n {
                    names.push(self.str()?);
                }
                Node::Include(ws, names, self.bool()?)
            }
            6 => Node::ImportMacro(self.ws()?, self.str()?, self.str()?),
            7 => Node::Set(self.ws()?, Set { key: self.str()?, value: self.expr()?, global: self.bool()? }),
            8 => Node::Raw(self.ws()?, self.str()?, self.ws()?),
            9 => {
                let a = self.ws()?;
                let filter = self.call()?;
                let body = self.nodes()?;
                Node::FilterSection(a, FilterSection { filter, body }, self.ws()?)
            }
            10 => {
                let a = self.ws()?;
                let block = Block { name: self.str()?, body: self.nodes()? };
                Node::Block(a, block, self.ws()?)
            }
            11 => {
                let a = self.ws()?;
                let key = match self.u8()? {
                    0 => None,
                    1 => Some(self.str()?),
                    _ => return None,
                };
                let value = self.str()?;
                let container = self.expr()?;
                let body = self.nodes()?;
                let empty_body = self.opt_nodes()?;
                Node::Forloop(a, Forloop { key, value, container, body, empty_body }, self.ws()?)
            }
            12 => {
                let n = self.len()?;
                let mut conditions = Vec::with_capacity(n.min(self.bytes.len() - self.at));
                for _ in 0..n {
                    conditions.push((self.ws()?, self.expr()?, self.nodes()?));
                }
                let otherwise = match self.u8()? {
                    0 => None,
                    1 => Some((self.ws()?, self.nodes()?)),
                    _ => return None,
                };
                Node::If(If { conditions, otherwise }, self.ws()?)
            }
            13 => Node::Break(self.ws()?),
            14 => Node::Continue(self.ws()?),
            15 => Node::Comment(self.ws()?, self.str()?),
            _ => return None,
        })
    }
}
