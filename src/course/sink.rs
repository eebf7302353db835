//! Where diagnostics go while one file is checked.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Severity};

/// The file being checked, its text, and the list its diagnostics join.
pub struct Sink<'a> {
    pub file: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
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
        let d = Diagnostic::at_after(
            self.diagnostics,
            severity,
            self.file,
            self.source,
            span,
            message,
        )
        .with_hint(hint);
        self.diagnostics.push(d);
    }

    /// Give the diagnostic just added its stable code.
    pub fn last_code(&mut self, code: &'static str) {
        if let Some(d) = self.diagnostics.last_mut() {
            d.code = code;
        }
    }
}
