//! Fuzz target: arbitrary bytes as a clause body (Tera, Typst markup and citation syntax), built
//! with the bundled sample matter. Errors are expected; a panic or a hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pleader::diag::SourceText;
use pleader::pipeline::{self, BuildOptions, Session};
use pleader::library::project::Project;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let mut project = Project::builtin();
    let Some(matter) = project.files.get("matters/leifer-v-twitter.yaml").cloned() else { return };
    let path = "clauses/introduction.tera".to_string();
    project.files.insert(path.clone(), SourceText::new(path, format!("---\nheading: Fuzz\n---\n{body}")));
    if let Ok(loaded) = pipeline::load(matter, project) {
        let _ = Session::new().build_loaded(loaded, std::time::Instant::now(), BuildOptions { pdf: false });
    }
});
