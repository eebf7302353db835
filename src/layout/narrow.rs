//! The wrap's shortcut for plain messages (`layout::plain`): text whose every character is
//! a one-column grapheme of its own is wrapped by splitting at spaces, with no pieces,
//! segments or styles. Same lines as `wrap` (a proptest in `layout/tests.rs` compares).

/// Whether `c` is always a grapheme of its own, whatever is beside it: printable, and of
/// the blocks the screens draw from (Latin letters and punctuation, general punctuation,
/// arrows, mathematical signs, box drawing, shapes, dingbats), none of which combines with
/// a neighbour. Marks, joiners, variation selectors, controls, Hangul and emoji are not
/// (`ui::text` has the test that checks every one).
pub(crate) fn standalone(c: char) -> bool {
    matches!(u32::from(c),
        0x20..=0x7e | 0xa0..=0x2ff | 0x2010..=0x2027 | 0x2030..=0x205f | 0x2070..=0x20cf
        | 0x2100..=0x2bff)
}

/// Whether [`plain_narrow`] wraps `text` as `wrap` would: every character a grapheme of its
/// own, one column wide, and no white space but the plain space.
pub(super) fn is_narrow(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
        || text.chars().all(|c| {
            c == ' '
                || (standalone(c)
                    && !c.is_whitespace()
                    && unicode_width::UnicodeWidthChar::width(c) == Some(1))
        })
}

/// What `wrap` makes of one unstyled run of [`is_narrow`] text (no prefixes), as strings:
/// every character is a grapheme one column wide, so the words are the pieces between
/// spaces and no piece, segment or style is built. Same lines as the general path (a test
/// compares).
pub(super) fn plain_narrow(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Columns used on `line`: one per character.
    let mut used = 0;
    let mut has_text = false;
    let mut pending_space = false;
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        // A word is followed by a space unless it ends the text (runs of spaces are one).
        let space_after = words.peek().is_some();
        if word.is_empty() {
            continue;
        }
        let w = if word.is_ascii() {
            word.len()
        } else {
            word.chars().count()
        };
        let space = usize::from(pending_space && has_text);
        if has_text && used + space + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
            has_text = false;
        } else if space == 1 {
            line.push(' ');
            used += 1;
        }
        if used + w > width {
            // Wider than the whole line: cut by character.
            for c in word.chars() {
                if used + 1 > width && has_text {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += 1;
                has_text = true;
            }
        } else {
            line.push_str(word);
            used += w;
            has_text = true;
        }
        pending_space = space_after;
    }
    if has_text || lines.is_empty() {
        lines.push(line);
    }
    lines
}
