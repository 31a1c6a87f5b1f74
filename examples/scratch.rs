//! Scratch: compile a directory of Typst files with pleader's world (development aid).
use pleader::typeset::{GeneratedFile, Typesetter};
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut files = vec![];
    for entry in walk(std::path::Path::new(&dir)) {
        let rel = entry.strip_prefix(&dir).unwrap().to_string_lossy().to_string();
        files.push(GeneratedFile { path: format!("/{rel}"), text: std::fs::read_to_string(&entry).unwrap(), origin: None });
    }
    let mut t = Typesetter::new();
    t.set_sources(files);
    let start = std::time::Instant::now();
    let doc = match t.compile() { Ok(d) => d, Err(e) => { eprint!("{}", pleader::diag::render(&e, Default::default())); std::process::exit(1) } };
    eprintln!("compile {:?}", start.elapsed());
    let f = pleader::typeset::facts(&doc);
    eprintln!("{:?}", f);
    let pdf = t.pdf(&doc, "x").unwrap();
    std::fs::write("/tmp/proto.pdf", pdf).unwrap();
}
fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v = vec![];
    for e in std::fs::read_dir(p).unwrap() { let e = e.unwrap().path(); if e.is_dir() { v.extend(walk(&e)) } else { v.push(e) } }
    v
}
