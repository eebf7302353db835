//! A small scanner of TOML's strings, comments and table headers: just enough to say where a
//! syntax mistake really is (the quote that ended a string early, the `"""` that was never
//! closed, the backslash that is not an escape) when the TOML parser reports its knock-on
//! effect somewhere later. It never decides whether a file is valid: the parser does that.

use std::ops::Range;

/// The four TOML string forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrKind {
    /// `"..."`: escapes, one line.
    Basic,
    /// `"""..."""`: escapes, several lines.
    MultiBasic,
    /// `'...'`: as typed, one line.
    Literal,
    /// `'''...'''`: as typed, several lines.
    MultiLiteral,
}

impl StrKind {
    fn delimiter(self) -> &'static str {
        match self {
            StrKind::Basic => "\"",
            StrKind::MultiBasic => "\"\"\"",
            StrKind::Literal => "'",
            StrKind::MultiLiteral => "'''",
        }
    }

    fn multiline(self) -> bool {
        matches!(self, StrKind::MultiBasic | StrKind::MultiLiteral)
    }

    fn escapes(self) -> bool {
        matches!(self, StrKind::Basic | StrKind::MultiBasic)
    }
}

/// One string as written: `span` covers the delimiters; `end` is `None` when it never closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str {
    pub kind: StrKind,
    pub open: usize,
    /// Byte offset just past the closing delimiter.
    pub end: Option<usize>,
}

impl Str {
    /// The text between the delimiters (to the end of the file when unclosed).
    pub fn content<'s>(&self, source: &'s str) -> (usize, &'s str) {
        let from = self.open + self.kind.delimiter().len();
        let to = self
            .end
            .map_or(source.len(), |e| e - self.kind.delimiter().len());
        (from, source.get(from..to.max(from)).unwrap_or(""))
    }
}

/// What the scanner found wrong, in the author's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// A one-line string reaches the end of its line.
    Unclosed { string: Str },
    /// A multi-line string reaches the end of the file.
    NeverClosed { string: Str },
    /// A `\` followed by something TOML does not know as an escape.
    BadEscape { at: usize, len: usize },
    /// A raw control character inside a string.
    Control { at: usize, ch: char },
    /// A one-line string closes and the line goes on with text: a `"` inside the string.
    EndedEarly { string: Str, rest: Range<usize> },
}

/// Everything scanned: every string up to the first fault, and that fault.
#[derive(Debug, Default)]
pub struct Scan {
    pub strings: Vec<Str>,
    pub fault: Option<Fault>,
}

/// Scan `source` up to its first lexical fault.
pub fn scan(source: &str) -> Scan {
    let b = source.as_bytes();
    let mut out = Scan::default();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => i = line_end(b, i),
            b'"' | b'\'' => {
                let quote = b[i];
                let triple = b.get(i..i + 3) == Some(&[quote, quote, quote][..]);
                let kind = match (quote, triple) {
                    (b'"', true) => StrKind::MultiBasic,
                    (b'"', false) => StrKind::Basic,
                    (_, true) => StrKind::MultiLiteral,
                    (_, false) => StrKind::Literal,
                };
                match string(source, i, kind) {
                    Ok(s) => {
                        let end = s.end.unwrap_or(b.len());
                        if !kind.multiline()
                            && let Some(rest) = text_after(b, end)
                        {
                            out.fault = Some(Fault::EndedEarly { string: s, rest });
                            return out;
                        }
                        out.strings.push(s);
                        i = end;
                    }
                    Err(f) => {
                        out.fault = Some(f);
                        return out;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Scan one string opening at `open`.
fn string(source: &str, open: usize, kind: StrKind) -> Result<Str, Fault> {
    let b = source.as_bytes();
    let delim = kind.delimiter().as_bytes();
    let mut i = open + delim.len();
    let unclosed = |end: Option<usize>| Str { kind, open, end };
    while i < b.len() {
        let c = b[i];
        if c == delim[0] && b.get(i..i + delim.len()) == Some(delim) {
            let mut end = i + delim.len();
            // Up to two more quotes belong to the text: `""""` ends with one `"`.
            if kind.multiline() {
                let mut extra = 0;
                while extra < 2 && b.get(end) == Some(&delim[0]) {
                    end += 1;
                    extra += 1;
                }
            }
            return Ok(unclosed(Some(end)));
        }
        match c {
            b'\n' if !kind.multiline() => {
                return Err(Fault::Unclosed {
                    string: unclosed(None),
                });
            }
            b'\\' if kind.escapes() => {
                i = escape(b, i, kind)?;
                continue;
            }
            b'\t' | b'\n' => {}
            b'\r' if b.get(i + 1) == Some(&b'\n') => {}
            c if c < 0x20 || c == 0x7f => {
                return Err(Fault::Control {
                    at: i,
                    ch: char::from(c),
                });
            }
            _ => {}
        }
        i += 1;
    }
    if kind.multiline() {
        Err(Fault::NeverClosed {
            string: unclosed(None),
        })
    } else {
        Err(Fault::Unclosed {
            string: unclosed(None),
        })
    }
}

/// Check the escape at `i` (a backslash); return the offset after it.
fn escape(b: &[u8], i: usize, kind: StrKind) -> Result<usize, Fault> {
    let bad = |len: usize| Fault::BadEscape { at: i, len };
    let Some(&next) = b.get(i + 1) else {
        return Err(bad(1));
    };
    let hex = |n: usize| {
        let digits = b.get(i + 2..i + 2 + n)?;
        digits
            .iter()
            .all(u8::is_ascii_hexdigit)
            .then_some(i + 2 + n)
    };
    match next {
        b'b' | b't' | b'n' | b'f' | b'r' | b'e' | b'"' | b'\\' => Ok(i + 2),
        b'x' => hex(2).ok_or(bad(2)),
        b'u' => hex(4).ok_or(bad(2)),
        b'U' => hex(8).ok_or(bad(2)),
        b' ' | b'\t' | b'\r' | b'\n' if kind == StrKind::MultiBasic => {
            // A line-ending backslash: only spaces may follow it on its line.
            let end = line_end(b, i + 1);
            let rest = &b[i + 1..end];
            if rest.iter().all(|c| matches!(c, b' ' | b'\t' | b'\r')) {
                Ok(end)
            } else {
                Err(bad(2))
            }
        }
        _ => {
            let len = std::str::from_utf8(&b[i + 1..])
                .ok()
                .and_then(|s| s.chars().next())
                .map_or(1, |c| 1 + c.len_utf8());
            Err(bad(len))
        }
    }
}

/// After a one-line string closes at `end`: the text that follows it on the line when that
/// cannot be TOML (a word, another quote), which means a `"` in the text ended it early.
fn text_after(b: &[u8], end: usize) -> Option<Range<usize>> {
    let mut i = end;
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    match b.get(i) {
        None | Some(b'\n' | b'\r' | b'#' | b',' | b']' | b'}' | b'=' | b'.') => None,
        Some(_) => {
            let stop = line_end(b, i);
            let word_end = b[i..stop]
                .iter()
                .position(|c| matches!(c, b' ' | b'"' | b'\'' | b','))
                .map_or(stop, |p| i + p.max(1));
            Some(i..word_end)
        }
    }
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

/// A table header on a line of its own: `[quiz]` gives `("quiz", false)`, `[[sections]]`
/// gives `("sections", true)`. Spaces inside the brackets are allowed, as in TOML.
pub fn header(line: &str) -> Option<(String, bool)> {
    let t = line.trim();
    let t = t.split_once(" #").map_or(t, |(h, _)| h.trim_end());
    let (inner, array) = match t.strip_prefix("[[") {
        Some(rest) => (rest.strip_suffix("]]")?, true),
        None => (t.strip_prefix('[')?.strip_suffix(']')?, false),
    };
    let name: String = inner
        .split('.')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(".");
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'));
    ok.then_some((name, array))
}

/// The headers of `source` outside strings, with the byte span of each header line.
pub fn headers(source: &str, strings: &[Str]) -> Vec<(String, bool, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let inside = strings
            .iter()
            .any(|s| s.open < start && s.end.is_none_or(|e| e > start));
        if inside {
            continue;
        }
        if let Some((name, array)) = header(line) {
            let lead = line.len() - line.trim_start().len();
            let text = line.trim();
            out.push((name, array, start + lead..start + lead + text.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_inside_a_string_is_found_where_it_ends_the_string() {
        let src = "id = \"x\"\nfeedback = \"two rounds of \"Happy Birthday\".\"\n";
        match scan(src).fault {
            Some(Fault::EndedEarly { rest, .. }) => assert_eq!(&src[rest], "Happy"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn valid_strings_of_every_form_scan_clean() {
        let src = "a = \"x \\\" y\" # c \"\nb = '''q ' r'''\nc = \"\"\"\nl1 \\\n  l2 \"\" \"\"\"\"\nd = 'C:\\d'\ne = [\"a\", \"b\"]\nf = { t = \"a\", u = \"b\" }\n";
        let s = scan(src);
        assert_eq!(s.fault, None);
        assert_eq!(s.strings.len(), 8);
    }

    #[test]
    fn unclosed_bad_escape_and_control_are_faults() {
        assert!(matches!(
            scan("t = \"abc\nx = 1").fault,
            Some(Fault::Unclosed { .. })
        ));
        assert!(matches!(
            scan("t = \"C:\\docs\"").fault,
            Some(Fault::BadEscape { at: 7, len: 2 })
        ));
        assert!(matches!(
            scan("t = \"\"\"a\u{1b}b\"\"\"").fault,
            Some(Fault::Control { ch: '\u{1b}', .. })
        ));
        assert!(matches!(
            scan("t = \"\"\"\nabc\n").fault,
            Some(Fault::NeverClosed { .. })
        ));
    }

    #[test]
    fn headers_are_read_outside_strings_only() {
        let src = "[quiz]\nb = \"\"\"\n[[x]]\n\"\"\"\n[[ quiz.questions ]]\n";
        let s = scan(src);
        let names: Vec<(String, bool)> = headers(src, &s.strings)
            .into_iter()
            .map(|(n, a, _)| (n, a))
            .collect();
        assert_eq!(
            names,
            [
                ("quiz".to_string(), false),
                ("quiz.questions".to_string(), true)
            ]
        );
    }
}
