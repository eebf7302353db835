//! Diagnostics: what `syllabus check` and the loader report about a course, and how it is
//! printed (rustc style for people, JSON for editors). Owns no I/O beyond formatting.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::doc::{Doc, LineIndex};

/// How bad a problem is: an error stops the course from loading, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a course file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Whether it stops the course from loading.
    pub severity: Severity,
    /// A stable name for the kind of problem, for tools (`unknown-key`, `toml-syntax`...);
    /// docs/authoring.md lists them all.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// The file as the author should look for it, e.g. `lessons/03-vision.toml`.
    pub file: String,
    /// 1-based line of the start of the span, when it is at a place in the file.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the start of the span, with `line`.
    pub column: Option<usize>,
    /// Byte range in the file; skipped in JSON output in favour of line and column.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// The source line the span starts on, with control characters escaped.
    #[serde(skip)]
    pub snippet: Option<Snippet>,
    /// What to do about it.
    pub hint: Option<String>,
}

/// The part of a source line shown under a diagnostic, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The part of the line shown, control characters escaped, `…` where it is cut.
    pub text: String,
    /// Display column (0-based) where the caret starts.
    pub caret_start: usize,
    /// How many carets.
    pub caret_len: usize,
}

impl Diagnostic {
    /// A diagnostic about a whole file, with no position in it.
    pub fn file_level(severity: Severity, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: "",
            message: escape_controls(&message.into()),
            file: escape_controls(file),
            line: None,
            column: None,
            span: None,
            snippet: None,
            hint: None,
        }
    }

    /// A diagnostic at a byte span of `source`, for a one-off: it indexes the whole text.
    /// The loader, which may report many problems in one file, uses `in_doc`.
    pub fn at(
        severity: Severity,
        file: &str,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::located(
            severity,
            file,
            source,
            &LineIndex::new(source),
            span,
            message,
        )
    }

    /// A diagnostic at a byte span of `doc`, placed with the file's line index.
    pub fn in_doc(
        severity: Severity,
        doc: &Doc,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::located(severity, &doc.file, &doc.text, doc.lines(), span, message)
    }

    fn located(
        severity: Severity,
        file: &str,
        source: &str,
        lines: &LineIndex,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let (line, column, snippet) = locate(source, lines, span.clone());
        Diagnostic {
            severity,
            code: "",
            message: escape_controls(&message.into()),
            file: escape_controls(file),
            line: Some(line),
            column: Some(column),
            span: Some(span),
            snippet: Some(snippet),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(escape_controls(&hint.into()));
        self
    }

    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col`, or just the file when there is no position.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }

    /// Render in the style of rustc:
    ///
    /// ```text
    /// error: unknown key `titel` in a module
    ///   --> lessons/03-vision.toml:4:1
    ///    |
    ///  4 | titel = "Vision"
    ///    | ^^^^^
    ///    = help: did you mean `title`?
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Review codes are shown in the text too: they are what `allow = [...]` takes.
        if self.code.starts_with("item-") {
            writeln!(out, "{label}[{}]: {}", self.code, self.message)
        } else {
            writeln!(out, "{label}: {}", self.message)
        }
        .unwrap_or_default();
        let gutter = self.line.map_or(1, |l| l.to_string().len());
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad}--> {}", self.location());
        if let (Some(line), Some(snip)) = (self.line, &self.snippet) {
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line} | {}", snip.text);
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(snip.caret_start),
                "^".repeat(snip.caret_len.max(1))
            );
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{pad} = help: {hint}");
        }
        out
    }
}

/// Replace every control character (except none) and bidi control with a visible escape, so
/// that printing a message can never send an escape sequence to the terminal.
pub fn escape_controls(s: &str) -> String {
    escape_each(s, |out, c| write!(out, "\\u{{{c:x}}}"))
}

/// JSON text made safe to print: serde_json escapes C0 controls but writes DEL, C1 controls
/// and bidi controls as they are. They can only be inside strings, where `\uXXXX` means the
/// same character, so nothing changes for a JSON reader.
pub fn json_safe(json: &str) -> String {
    escape_each(json, |out, c| write!(out, "\\u{c:04x}"))
}

/// Copy `s`, writing every character that `needs_escape` with `escape` instead.
fn escape_each(s: &str, escape: impl Fn(&mut String, u32) -> std::fmt::Result) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if needs_escape(c) {
            let _ = escape(&mut out, c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n') || crate::course::sanitize::is_bidi_control(c)
}

/// Characters of the source line shown before and from the start of a span. Enough to see
/// the mistake; and a diagnostic stays small however long the line: each one held a copy of
/// its whole line, so a 230 KB one-line table of unknown keys needed over 4 GB to check
/// (found by fuzzing).
const SNIPPET_BEFORE: usize = 60;
const SNIPPET_FROM: usize = 100;

/// Line (1-based), column (1-based, in characters) and the printable snippet for a span.
fn locate(source: &str, lines: &LineIndex, span: Range<usize>) -> (usize, usize, Snippet) {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
    let line_no = lines.line_of(start);
    let Range {
        start: line_start,
        end: line_end,
    } = lines.line_range(line_no);
    let column = lines.chars_before(source, start) - lines.chars_before(source, line_start) + 1;

    let mut text = String::new();
    let mut width = 0usize;
    let mut caret_start = 0usize;
    let mut caret_end = None;
    let line_text = source[line_start..line_end].trim_end_matches('\r');
    let text_end = line_start + line_text.len();
    // The part of the line shown, marked with `…` where it is cut. A span may start in the
    // carriage returns after the text, so the window is placed around the text's part.
    let anchor = start.min(text_end);
    let from = source[line_start..anchor]
        .char_indices()
        .rev()
        .nth(SNIPPET_BEFORE - 1)
        .map_or(line_start, |(o, _)| line_start + o);
    let to = source[anchor..text_end]
        .char_indices()
        .nth(SNIPPET_FROM)
        .map_or(text_end, |(o, _)| anchor + o);
    if from > line_start {
        text.push('…');
        width += 1;
    }
    for (offset, c) in source[from..to].char_indices() {
        let at = from + offset;
        if at == start {
            caret_start = width;
        }
        if at == end.min(line_end) && caret_end.is_none() && at > start {
            caret_end = Some(width);
        }
        let piece = if c == '\t' {
            "    ".to_string()
        } else if needs_escape(c) {
            format!("\\u{{{:x}}}", c as u32)
        } else {
            c.to_string()
        };
        width += piece.chars().map(|p| p.width().unwrap_or(0)).sum::<usize>();
        text.push_str(&piece);
    }
    if start >= to {
        caret_start = width;
    }
    let caret_end = caret_end.unwrap_or(width).max(caret_start + 1);
    if to < text_end {
        text.push('…');
    }
    (
        line_no,
        column,
        Snippet {
            text,
            caret_start,
            caret_len: caret_end - caret_start,
        },
    )
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The one-line count of errors and warnings printed after the diagnostics.
pub fn tally(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_points_a_caret_at_the_span() {
        let src = "id = \"x\"\ntitel = \"Vision\"\n";
        let d = Diagnostic::at(Severity::Error, "m.toml", src, 9..14, "unknown key `titel`")
            .with_hint("did you mean `title`?");
        assert_eq!(
            d.render(),
            "error: unknown key `titel`\n --> m.toml:2:1\n  |\n2 | titel = \"Vision\"\n  | ^^^^^\n  = help: did you mean `title`?\n"
        );
    }

    #[test]
    fn snippet_escapes_control_characters_and_keeps_caret_aligned() {
        let src = "title = \"a\u{1b}]0;x\u{7}b\" x";
        let start = src.rfind('x').unwrap_or(0);
        let d = Diagnostic::at(Severity::Error, "m.toml", src, start..start + 1, "bad");
        let snip = d.snippet.clone().unwrap_or_else(|| unreachable!());
        assert!(!snip.text.contains('\u{1b}'));
        assert!(snip.text.contains("\\u{1b}"));
        assert_eq!(&snip.text[snip.caret_start..snip.caret_start + 1], "x");
        assert!(!d.render().contains('\u{7}'));
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let src = "é = 1\nkey = \"日本\" z";
        let z = src.rfind('z').unwrap_or(0);
        let d = Diagnostic::at(Severity::Error, "f", src, z..z + 1, "m");
        assert_eq!((d.line, d.column), (Some(2), Some(12)));
        // Two wide characters take four display columns.
        assert_eq!(d.snippet.map(|s| s.caret_start), Some(13));
    }

    #[test]
    fn messages_and_files_are_escaped() {
        let d = Diagnostic::file_level(Severity::Error, "a\u{1b}b", "x\u{202e}y");
        assert_eq!(d.file, "a\\u{1b}b");
        assert_eq!(d.message, "x\\u{202e}y");
    }
}
