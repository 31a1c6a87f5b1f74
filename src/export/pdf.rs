//! PDF export: the typeset document as PDF bytes, with fixed identifiers and no timestamp, so the
//! same inputs give the same bytes. (Other formats go beside this file.)

use typst::foundations::Smart;

use crate::diag::Diagnostic;
use crate::typeset::{PagedDocument, Typesetter};

/// The PDF of a typeset document. `ident` is the document's stable identifier; `tagged` writes the
/// structure tags that screen readers use (the profile's `tagged_pdf`: off unless a court asks for
/// them, since they cost about a tenth of a cold build and a third of the file); errors are mapped
/// to the sources the typesetter holds.
pub fn pdf(
    typesetter: &Typesetter,
    doc: &PagedDocument,
    ident: &str,
    tagged: bool,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("pleader {}", env!("CARGO_PKG_VERSION")))),
        timestamp: None,
        tagged,
        ..Default::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|errs| errs.iter().map(|e| typesetter.diagnostic(e, false)).collect())
}
