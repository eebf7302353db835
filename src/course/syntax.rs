//! TOML syntax errors as a prose author needs them: one error per file, at the real mistake
//! (the quote that ended a string early, the `""` that should have been `"""`, the
//! `[sections]` that should have been `[[sections]]`), with a hint in plain words. The TOML
//! parser decides that a file is broken; `lex` finds where and why. Also the warnings for
//! valid TOML that does not mean what a prose author meant (`C:\temp` holding a tab).

use std::ops::Range;

use toml::Spanned;
use toml::de::DeTable;

use super::doc::Doc;
use super::lex::{self, Fault, Str, StrKind};
use super::sink::Sink;

/// Parse one file. On a syntax error, report only the first (with `explain`): the parser's
/// later errors are knock-on effects of the first (a stray quote gave 72). On success, warn
/// about path-like escapes.
pub fn parse<'i>(sink: &mut Sink, text: &'i str) -> Option<Spanned<DeTable<'i>>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    let Some(first) = errors.first() else {
        for (span, message) in path_escapes(text) {
            sink.warning(span, message, PATH_ESCAPE_HINT);
            sink.last_code("path-escape");
        }
        return Some(root);
    };
    let span = first.span().unwrap_or(0..0);
    let e = explain(sink.doc, span, first.message().trim_end());
    sink.error(e.span, e.message, e.hint);
    sink.last_code(e.code);
    None
}

/// One explained syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub span: Range<usize>,
    pub message: String,
    pub hint: String,
    /// Stable code for tools (`check --format json`).
    pub code: &'static str,
}

const QUOTE_HINT: &str = "to put a \" in the text, write \\\" instead, or put the whole text in triple single quotes '''...''', where quotes and backslashes stay as typed; “curly quotes” need nothing";
const BACKSLASH_HINT: &str = "in \"...\" and \"\"\"...\"\"\" text a backslash starts an escape: write \\\\ for one backslash, or put the text in single quotes '...' (or '''...''' for several lines), where backslashes stay as typed";

/// Explain the parser's first error (`span`, `message`) in `doc`; lines come from its index.
pub fn explain(doc: &Doc, span: Range<usize>, message: &str) -> Explained {
    let source = doc.text.as_str();
    let scan = lex::scan(source);
    let error_at = span.start;
    if let Some(fault) = &scan.fault
        && fault_start(fault) <= line_end(source, error_at)
    {
        return from_fault(doc, fault);
    }
    if let Some(e) = runaway_string(doc, &scan.strings, error_at) {
        return e;
    }
    if message.contains("duplicate key")
        && let Some(e) = header_slip(doc, &scan.strings, error_at)
    {
        return e;
    }
    Explained {
        span,
        message: format!("invalid TOML: {message}"),
        hint: generic_hint(message),
        code: "toml-syntax",
    }
}

fn fault_start(f: &Fault) -> usize {
    match f {
        Fault::Unclosed { string } | Fault::NeverClosed { string } => string.open,
        Fault::BadEscape { at, .. } | Fault::Control { at, .. } => *at,
        Fault::EndedEarly { string, .. } => string.end.unwrap_or(string.open),
    }
}

fn from_fault(doc: &Doc, fault: &Fault) -> Explained {
    let source = doc.text.as_str();
    match fault {
        Fault::EndedEarly { string, rest } => {
            let close = string.end.unwrap_or(rest.start).saturating_sub(1);
            let line = doc.line_of(string.open);
            Explained {
                span: close..rest.end,
                message: format!(
                    "a \" inside the text ends the string that opens on line {line}, so TOML reads `{}` as something new",
                    source.get(rest.clone()).unwrap_or("")
                ),
                hint: QUOTE_HINT.into(),
                code: "toml-quote-in-string",
            }
        }
        Fault::Unclosed { string } => Explained {
            span: string.open..line_end(source, string.open),
            message: format!(
                "this {} string is not closed on its line",
                describe(string.kind)
            ),
            hint: match string.kind {
                StrKind::Literal => "end it with ' on the same line, or use '''...''' for text over several lines".into(),
                _ => "end it with \" on the same line, or use \"\"\"...\"\"\" for text over several lines".into(),
            },
            code: "toml-unclosed-string",
        },
        Fault::NeverClosed { string } => never_closed(doc, string),
        Fault::BadEscape { at, len } => {
            let esc = source.get(*at..at + len).unwrap_or("\\");
            let hint = if esc == "\\*" || esc == "\\_" {
                format!(
                    "for a literal {} in lesson text write \\{esc} (two backslashes), or put the text in '''...''', where backslashes stay as typed",
                    &esc[1..]
                )
            } else {
                BACKSLASH_HINT.into()
            };
            Explained {
                span: *at..at + len,
                message: format!("`{esc}` is not an escape TOML knows"),
                hint,
                code: "toml-bad-escape",
            }
        }
        Fault::Control { at, ch } => Explained {
            span: *at..at + 1,
            message: format!(
                "the text holds an invisible control character (U+{:04X}), which TOML does not allow",
                u32::from(*ch)
            ),
            hint: "delete it: it often comes from copying text out of another program; retype the characters around this column".into(),
            code: "toml-control-character",
        },
    }
}

fn describe(kind: StrKind) -> &'static str {
    match kind {
        StrKind::Basic => "\"...\"",
        StrKind::MultiBasic => "\"\"\"...\"\"\"",
        StrKind::Literal => "'...'",
        StrKind::MultiLiteral => "'''...'''",
    }
}

/// A `"""` string never closed: point at a line that ends in `""` (a slip for `"""`) when
/// there is one, else at where the string opens.
fn never_closed(doc: &Doc, string: &Str) -> Explained {
    let source = doc.text.as_str();
    let opened = doc.line_of(string.open);
    if let Some(slip) = short_closer(source, string) {
        return slip_closer(doc, string, slip, None);
    }
    Explained {
        span: string.open..string.open + 3,
        message: format!(
            "the {} string that opens on line {opened} is never closed",
            describe(string.kind)
        ),
        hint: format!(
            "end the text with {} on a line of its own",
            &describe(string.kind)[..3]
        ),
        code: "toml-unclosed-string",
    }
}

fn slip_closer(doc: &Doc, string: &Str, slip: Range<usize>, ran_to: Option<usize>) -> Explained {
    let source = doc.text.as_str();
    let opened = doc.line_of(string.open);
    let delim = &describe(string.kind)[..3];
    let runs = match ran_to {
        Some(l) => format!("so the text runs on to line {l} and takes in the TOML after it"),
        None => "so the text runs on to the end of the file".into(),
    };
    let ends = source.get(slip.clone()).unwrap_or("");
    let message = if slip.start == string.open {
        format!(
            "the {} text that opens here is not closed where you meant: it ends only at three quotes, {runs}",
            describe(string.kind)
        )
    } else {
        format!(
            "this line ends with `{ends}`, but the {} text that opens on line {opened} ends only at three quotes, {runs}",
            describe(string.kind)
        )
    };
    Explained {
        span: slip,
        message,
        hint: format!("write {delim} (three quotes) where the text should end"),
        code: "toml-unclosed-string",
    }
}

/// The first line inside a multi-line string that ends in one or two of its quotes: the
/// author's attempt at closing it.
fn short_closer(source: &str, string: &Str) -> Option<Range<usize>> {
    let q = if string.kind == StrKind::MultiBasic {
        '"'
    } else {
        '\''
    };
    let (from, text) = string.content(source);
    let mut at = from;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim_end();
        let quotes = t.len() - t.trim_end_matches(q).len();
        let only_quotes = t.trim_start().len() == quotes;
        if (quotes == 2 || quotes == 1 && only_quotes) && line.ends_with('\n') {
            return Some(start + t.len() - quotes..start + t.len());
        }
    }
    None
}

/// A multi-line string that closed too late, taking table headers or `key = ` lines in (the
/// next string's opening `"""` closed it), with the parser's error after it.
fn runaway_string(doc: &Doc, strings: &[Str], error_at: usize) -> Option<Explained> {
    let source = doc.text.as_str();
    let s = strings
        .iter()
        .filter(|s| s.kind == StrKind::MultiBasic || s.kind == StrKind::MultiLiteral)
        .filter(|s| s.open < error_at)
        .find(|s| swallows_toml(source, s))?;
    let end = s.end.unwrap_or(source.len());
    let ran_to = doc.line_of(end);
    let slip = short_closer(source, s).unwrap_or(s.open..s.open + 3);
    Some(slip_closer(doc, s, slip, Some(ran_to)))
}

fn swallows_toml(source: &str, s: &Str) -> bool {
    let (_, text) = s.content(source);
    text.lines().any(|l| {
        let t = l.trim_start();
        let key_len = t
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
            .count();
        let after = t[key_len..].trim_start();
        lex::header(l).is_some()
            || key_len > 0 && after.starts_with('=') && !after.starts_with("==")
    })
}

/// `[sections]` where the rest of the file has `[[sections]]`, or a header written twice.
fn header_slip(doc: &Doc, strings: &[Str], error_at: usize) -> Option<Explained> {
    let source = doc.text.as_str();
    let headers = lex::headers(source, strings);
    for (name, array, span) in &headers {
        if *array {
            continue;
        }
        if headers.iter().any(|(n, a, _)| n == name && *a) {
            let what = name.rsplit('.').next().unwrap_or(name);
            return Some(Explained {
                span: span.clone(),
                message: format!(
                    "`[{name}]` makes one table, but `{what}` is a list here: write `[[{name}]]`"
                ),
                hint: format!(
                    "every entry of a list starts with a header in two brackets, `[[{name}]]`; one bracket is for a single table such as `[quiz]`"
                ),
                code: "toml-table-header",
            });
        }
    }
    let (name, _, span) = headers
        .iter()
        .filter(|(_, array, _)| !array)
        .find(|(n, _, s)| {
            s.start <= error_at
                && headers
                    .iter()
                    .any(|(m, a, t)| m == n && !a && t.start < s.start)
        })?;
    let first = headers
        .iter()
        .find(|(m, _, _)| m == name)
        .map_or(0, |(_, _, s)| doc.line_of(s.start));
    Some(Explained {
        span: span.clone(),
        message: format!("`[{name}]` appears twice; the first is on line {first}"),
        hint: format!(
            "a file has one `[{name}]` table: put all its keys under the first one and delete this header"
        ),
        code: "toml-duplicate-table",
    })
}

fn generic_hint(message: &str) -> String {
    if message.contains("duplicate key") {
        "a key may appear only once in a table; remove or rename one of them".into()
    } else if message.contains("string values must be quoted") {
        "put text in double quotes: key = \"value\"".into()
    } else if message.contains("cannot recurse") {
        "the file nests arrays or tables too deeply".into()
    } else {
        "every line is a `key = value`, a [table] header, a comment starting with #, or part of a \"\"\"...\"\"\" text; see \"TOML in five minutes\" in the authoring guide".into()
    }
}

/// Warnings for valid TOML that is probably not what was meant: `\t`, `\n` and similar
/// escapes inside a one-line "..." string that looks like a path (`C:\temp`), where TOML
/// silently turns them into a tab or a new line.
pub fn path_escapes(source: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    // Every escape starts with a backslash; most files have none, and need no second lexing.
    if !source.as_bytes().contains(&b'\\') {
        return out;
    }
    for s in lex::scan(source).strings {
        if s.kind != StrKind::Basic {
            continue;
        }
        let (from, text) = s.content(source);
        if !looks_like_path(text) {
            continue;
        }
        let b = text.as_bytes();
        let mut i = 0;
        while i + 1 < b.len() {
            if b[i] == b'\\' {
                if let Some(meant) = control_escape(b[i + 1]) {
                    out.push((
                        from + i..from + i + 2,
                        format!(
                            "`\\{}` in this text is a {meant}, not a backslash and `{}`",
                            char::from(b[i + 1]),
                            char::from(b[i + 1])
                        ),
                    ));
                }
                i += 2;
            } else {
                i += 1;
            }
        }
    }
    out
}

pub const PATH_ESCAPE_HINT: &str = "for a path such as C:\\temp write C:\\\\temp, or put the text in single quotes 'C:\\temp', where backslashes stay as typed";

fn control_escape(c: u8) -> Option<&'static str> {
    match c {
        b't' => Some("tab"),
        b'n' => Some("new line"),
        b'r' => Some("carriage return"),
        b'b' => Some("backspace"),
        b'f' => Some("form feed"),
        b'e' => Some("escape character"),
        _ => None,
    }
}

/// A drive (`C:\`), a network share (`\\server`) or `dir\dir\file`.
fn looks_like_path(text: &str) -> bool {
    let b = text.as_bytes();
    let drive = b
        .windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == b':' && w[2] == b'\\');
    let separators = b
        .windows(3)
        .filter(|w| w[0].is_ascii_alphanumeric() && w[1] == b'\\' && w[2].is_ascii_alphanumeric())
        .count();
    drive || text.starts_with("\\\\\\\\") || separators >= 2
}

fn line_end(source: &str, from: usize) -> usize {
    let from = from.min(source.len());
    source.as_bytes()[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(source.len(), |p| from + p)
}
