//! `pleader authorities [QUERY]`: lists or searches the authority bank with each entry's full and
//! short citation.

use std::path::PathBuf;

use super::{project_for, Failure};
use crate::escape::plain;
use crate::library::Library;

pub fn run(query: Option<String>, root: Option<PathBuf>) -> Result<(), Failure> {
    let library = Library::load(project_for(root)?)?;
    let words: Vec<String> = query.iter().flat_map(|q| q.split_whitespace()).map(|w| w.to_lowercase()).collect();
    let mut shown = 0;
    for (id, (a, src)) in &library.bank.entries {
        let full = plain(&a.full(None, ""));
        let short = plain(&a.short_form(None, ""));
        let haystack = format!("{id} {full} {short} {}", a.note.as_deref().unwrap_or("")).to_lowercase();
        if !words.iter().all(|w| haystack.contains(w)) {
            continue;
        }
        shown += 1;
        println!("{id}  [{:?}]  ({})", a.kind, src.name);
        println!("  full:  {full}");
        println!("  short: {short}");
        if let Some(note) = &a.note {
            let first: String = note.split_whitespace().collect::<Vec<_>>().join(" ");
            let cut: String = first.chars().take(160).collect();
            println!("  note:  {cut}{}", if first.chars().count() > 160 { "…" } else { "" });
        }
    }
    if shown == 0 {
        eprintln!("no authority matches `{}`", query.unwrap_or_default());
        return Err(Failure::Reported(1));
    }
    Ok(())
}
