//! Makes loaded text safe to show: no course file may send an escape sequence (or reorder
//! text with a bidi override) on the learner's terminal. Runs once, at load time.

/// The result of cleaning one string: the safe text and how many characters were removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed: usize,
}

/// Bidirectional formatting controls (LRE..RLO, LRI..PDI, LRM, RLM, ALM). They can make text
/// display in an order other than the one it is stored in, so they are never shown.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Keep newlines, expand tabs to the next multiple of four columns, drop every other control
/// character (C0, DEL, C1) and every bidi control. `\r\n` becomes `\n` silently, since it is
/// only a line ending.
pub fn sanitize(input: &str) -> Cleaned {
    if !needs_cleaning(input) {
        return Cleaned {
            text: input.to_string(),
            removed: 0,
        };
    }
    sanitize_dirty(input)
}

/// `sanitize` for a string the caller owns: clean text (nearly all of it) is moved, not
/// copied. The loader cleans every string of a course, so this saves a copy of each.
pub fn sanitize_owned(input: String) -> Cleaned {
    if !needs_cleaning(&input) {
        return Cleaned {
            text: input,
            removed: 0,
        };
    }
    sanitize_dirty(&input)
}

/// `sanitize` without a copy when there is nothing to clean: the text, and how many
/// characters were removed. The loader reads strings borrowed from the parsed file.
pub fn sanitize_cow(input: &str) -> (std::borrow::Cow<'_, str>, usize) {
    if !needs_cleaning(input) {
        return (std::borrow::Cow::Borrowed(input), 0);
    }
    let c = sanitize_dirty(input);
    (std::borrow::Cow::Owned(c.text), c.removed)
}

/// `sanitize` without a copy when there is nothing to clean, and without the count: for
/// text that was clean before CommonMark decoded its character references.
pub fn clean_cow(input: &str) -> std::borrow::Cow<'_, str> {
    if needs_cleaning(input) {
        std::borrow::Cow::Owned(sanitize_dirty(input).text)
    } else {
        std::borrow::Cow::Borrowed(input)
    }
}

/// Whether the text holds anything `sanitize` changes (a control character other than a
/// newline, or a bidi control). Printable ASCII and newlines, the usual case, are checked
/// byte by byte.
fn needs_cleaning(input: &str) -> bool {
    // No early exit, so the check compiles to a vector loop.
    let unusual = input.bytes().fold(false, |acc, b| {
        acc | ((b < 0x20) & (b != b'\n')) | (b >= 0x7f)
    });
    if !unusual {
        return false;
    }
    input
        .chars()
        .any(|c| c.is_control() && c != '\n' || is_bidi_control(c))
}

fn sanitize_dirty(input: &str) -> Cleaned {
    let mut text = String::with_capacity(input.len());
    let mut removed = 0;
    let mut column = 0usize;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                text.push('\n');
                column = 0;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' => {
                let spaces = 4 - column % 4;
                text.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c if c.is_control() || is_bidi_control(c) => removed += 1,
            c => {
                text.push(c);
                column += 1;
            }
        }
    }
    Cleaned { text, removed }
}

/// True when `s` holds nothing a terminal could interpret: used by tests and fuzzing.
pub fn is_clean(s: &str) -> bool {
    !s.chars()
        .any(|c| (c.is_control() && c != '\n') || is_bidi_control(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        let c = sanitize("Hello, 世界 👋\nnext line");
        assert_eq!(c.text, "Hello, 世界 👋\nnext line");
        assert_eq!(c.removed, 0);
    }

    #[test]
    fn escape_sequences_lose_their_escape_characters() {
        let c = sanitize("a\u{1b}]52;c;SGVsbG8=\u{7}b\u{1b}[2Jc\u{9b}31md");
        assert_eq!(c.text, "a]52;c;SGVsbG8=b[2Jc31md");
        assert_eq!(c.removed, 4);
        assert!(is_clean(&c.text));
    }

    #[test]
    fn bidi_overrides_are_removed() {
        let c = sanitize("abc\u{202e}fed\u{2066}x\u{200f}");
        assert_eq!(c.text, "abcfedx");
        assert_eq!(c.removed, 3);
    }

    #[test]
    fn tabs_expand_to_the_next_stop_of_four() {
        assert_eq!(sanitize("\tx").text, "    x");
        assert_eq!(sanitize("ab\tx\n\ty").text, "ab  x\n    y");
        assert_eq!(sanitize("\tx").removed, 0);
    }

    #[test]
    fn crlf_becomes_lf_without_a_warning() {
        let c = sanitize("a\r\nb\rc");
        assert_eq!(c.text, "a\nbc");
        assert_eq!(c.removed, 1);
    }
}
