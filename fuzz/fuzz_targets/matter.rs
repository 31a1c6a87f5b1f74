//! Fuzz target: arbitrary bytes as a matter file, through the whole pipeline (load, validate,
//! render, cite, assemble, typeset). Errors are expected; a panic or a hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pleader::diag::SourceText;
use pleader::pipeline::{self, BuildOptions, Session};
use pleader::library::project::Project;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = pipeline::load(SourceText::new("matter.yaml", text), Project::builtin()) {
        let _ = Session::new().build_loaded(loaded, std::time::Instant::now(), BuildOptions { pdf: false });
    }
});
