//! One course file as the loader holds it: the name it is shown by, its text, and an index
//! of where its lines start. The index is built once per file, the first time a diagnostic
//! needs it (most files never do), so placing a diagnostic is a binary search, never a scan
//! from the start of the file: a file with 100,000 problems checks in linear time, and every
//! one of them gets its line and column.

use std::sync::OnceLock;

/// A file's shown name and text, with its line index.
#[derive(Debug)]
pub struct Doc {
    /// The file as the author should look for it, e.g. `lessons/03-vision.toml`.
    pub file: String,
    /// The whole text of the file.
    pub text: String,
    lines: OnceLock<LineIndex>,
}

impl Doc {
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Doc {
        Doc {
            file: file.into(),
            text: text.into(),
            lines: OnceLock::new(),
        }
    }

    /// The line index, built on first use.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines().line_of(offset)
    }
}

/// Bytes between the character-count checkpoints of a `LineIndex`.
const CHUNK: usize = 4096;

/// Where each line of a text starts, and how many characters come before every `CHUNK`-th
/// byte: a column in characters costs at most `CHUNK` bytes of counting, however long the
/// line (a 230 KB one-line table of mistakes would otherwise count its line again for each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// `chars[k]`: characters in the first `k * CHUNK` bytes.
    chars: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut chars = Vec::with_capacity(bytes.len() / CHUNK + 1);
        let mut count = 0;
        for (k, chunk) in bytes.chunks(CHUNK).enumerate() {
            chars.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
            let base = k * CHUNK;
            starts.extend(
                chunk
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| base + i + 1),
            );
        }
        chars.push(count);
        LineIndex {
            starts,
            chars,
            len: bytes.len(),
        }
    }

    /// The 1-based line that byte `offset` is on (an offset past the end is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset.min(self.len))
    }

    /// Byte range of 1-based `line`, without its `\n`.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let end = self.starts.get(line).map_or(self.len, |&next| next - 1);
        start..end.max(start)
    }

    /// Characters in `text[..offset]` (`text` is the indexed text).
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let k = offset / CHUNK;
        let base = self.chars.get(k).copied().unwrap_or(0);
        base + text.as_bytes()[k * CHUNK..offset]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }
}

/// A byte that continues a UTF-8 character rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index agrees with counting from the start of the text, at every offset.
    #[test]
    fn index_agrees_with_scanning_from_the_start() {
        let text = format!("é = 1\n\nkey = \"日本\"\n{}\nz", "ab\u{2603}".repeat(3000));
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let line = text[..offset].matches('\n').count() + 1;
            assert_eq!(index.line_of(offset), line, "line at {offset}");
            assert_eq!(
                index.chars_before(&text, offset),
                text[..offset].chars().count(),
                "chars before {offset}"
            );
            let range = index.line_range(line);
            assert!(
                range.start <= offset && offset <= range.end,
                "{offset} in {range:?}"
            );
            assert!(!text[range].contains('\n'));
        }
        assert_eq!(index.line_of(text.len() + 10), 5);
    }

    #[test]
    fn an_empty_text_has_one_empty_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_range(1), 0..0);
        assert_eq!(index.chars_before("", 0), 0);
    }
}
