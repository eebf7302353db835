//! The one reporter: where the diagnostics of the file being loaded go. Every check of a
//! file (the key tables, the slips, the lints, the model's own rules) reports through it,
//! so every diagnostic is placed the same way, with the file's line index.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Severity};
use super::doc::Doc;

/// The file being checked and the list its diagnostics join.
pub struct Sink<'a> {
    pub doc: &'a Doc,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub fn new(doc: &'a Doc, diagnostics: &'a mut Vec<Diagnostic>) -> Sink<'a> {
        Sink { doc, diagnostics }
    }

    /// The text of the file being checked.
    pub fn source(&self) -> &'a str {
        &self.doc.text
    }

    pub fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Error, span, message.into(), hint.into());
    }

    pub fn warning(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Warning, span, message.into(), hint.into());
    }

    fn push(&mut self, severity: Severity, span: Range<usize>, message: String, hint: String) {
        let d = Diagnostic::in_doc(severity, self.doc, span, message).with_hint(hint);
        self.diagnostics.push(d);
    }

    /// Give the diagnostic just added its stable code.
    pub fn last_code(&mut self, code: &'static str) {
        if let Some(d) = self.diagnostics.last_mut() {
            d.code = code;
        }
    }

    /// How many errors have been reported so far (in every file).
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}
