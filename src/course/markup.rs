//! The small Markdown subset that lesson text is written in (see docs/authoring.md):
//! paragraphs, **bold**, *emphasis*, bullet and numbered lists, block quotes and text
//! diagrams. Parsed once at load time into blocks that the screens only lay out.
//!
//! Hand-written rather than built on a CommonMark parser on purpose: the subset is tiny and
//! anything outside it must show exactly as written, which a full parser would not do.

/// How a run of text is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Style {
    pub bold: bool,
    pub emph: bool,
}

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

/// One paragraph: styled runs that the screen re-wraps to its width.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Para(pub Vec<Run>);

impl Para {
    /// The text without styling.
    pub fn plain(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A block of lesson text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Para),
    Bullets(Vec<Para>),
    Numbered {
        start: u64,
        items: Vec<Para>,
    },
    Quote(Vec<Para>),
    /// A text diagram from the course's `assets/` folder, shown exactly as drawn. `lines`
    /// is filled in by the loader once the file has been read and checked.
    Diagram {
        caption: String,
        path: String,
        lines: Vec<String>,
    },
}

/// Prose that is not a lesson body (prompts, feedback, takeaways): paragraphs only.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Prose(pub Vec<Para>);

impl Prose {
    pub fn parse(text: &str) -> Prose {
        Prose(
            text.split("\n\n")
                .map(|p| {
                    // Most prose is one line; only join (and allocate) when there are more.
                    if p.contains('\n') {
                        std::borrow::Cow::Owned(
                            p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "),
                        )
                    } else {
                        std::borrow::Cow::Borrowed(p)
                    }
                })
                .filter(|p| !p.trim().is_empty())
                .map(|p| parse_inline(p.trim()))
                .collect(),
        )
    }

    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(Para::plain)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

enum Open {
    None,
    Para(Vec<String>),
    Bullets(Vec<Vec<String>>),
    Numbered(u64, Vec<Vec<String>>),
    Quote(Vec<String>),
}

/// Parse a section body into blocks.
pub fn parse_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open = Open::None;
    for raw in text.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            close(&mut open, &mut blocks);
            continue;
        }
        if let Some((caption, path)) = diagram_line(trimmed) {
            close(&mut open, &mut blocks);
            blocks.push(Block::Diagram {
                caption,
                path,
                lines: Vec::new(),
            });
            continue;
        }
        if let Some(rest) = quote_line(trimmed) {
            if !matches!(open, Open::Quote(_)) {
                close(&mut open, &mut blocks);
                open = Open::Quote(Vec::new());
            }
            if let Open::Quote(lines) = &mut open {
                lines.push(rest.to_string());
            }
            continue;
        }
        let in_list = matches!(open, Open::Bullets(_) | Open::Numbered(..));
        if indent < 2 || !in_list {
            if let Some(item) = bullet_item(trimmed) {
                if !matches!(open, Open::Bullets(_)) {
                    close(&mut open, &mut blocks);
                    open = Open::Bullets(Vec::new());
                }
                if let Open::Bullets(items) = &mut open {
                    items.push(vec![item.to_string()]);
                }
                continue;
            }
            if let Some((n, item)) = numbered_item(trimmed) {
                if !matches!(open, Open::Numbered(..)) {
                    close(&mut open, &mut blocks);
                    open = Open::Numbered(n, Vec::new());
                }
                if let Open::Numbered(_, items) = &mut open {
                    items.push(vec![item.to_string()]);
                }
                continue;
            }
        }
        match &mut open {
            // A line after a list item continues it, indented or not (as in Markdown).
            Open::Bullets(items) | Open::Numbered(_, items) => {
                if let Some(last) = items.last_mut() {
                    last.push(trimmed.to_string());
                }
            }
            Open::Para(lines) => lines.push(trimmed.to_string()),
            Open::Quote(_) | Open::None => {
                close(&mut open, &mut blocks);
                open = Open::Para(vec![trimmed.to_string()]);
            }
        }
    }
    close(&mut open, &mut blocks);
    blocks
}

fn close(open: &mut Open, blocks: &mut Vec<Block>) {
    let join = |lines: &[String]| parse_inline(&lines.join(" "));
    match std::mem::replace(open, Open::None) {
        Open::None => {}
        Open::Para(lines) => blocks.push(Block::Paragraph(join(&lines))),
        Open::Bullets(items) => {
            blocks.push(Block::Bullets(items.iter().map(|i| join(i)).collect()))
        }
        Open::Numbered(start, items) => blocks.push(Block::Numbered {
            start,
            items: items.iter().map(|i| join(i)).collect(),
        }),
        Open::Quote(lines) => {
            // A bare `>` line separates paragraphs inside one quote.
            let paras = lines
                .split(|l| l.trim().is_empty())
                .filter(|p| !p.is_empty())
                .map(join)
                .collect();
            blocks.push(Block::Quote(paras));
        }
    }
}

fn quote_line(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('>')?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

fn bullet_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .map(str::trim_start)
}

fn numbered_item(line: &str) -> Option<(u64, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = line[digits..].strip_prefix(". ")?;
    let n = line[..digits].parse().ok()?;
    Some((n, rest.trim_start()))
}

/// `![caption](path)` alone on a line.
pub fn diagram_line(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("![")?;
    let close = rest.find("](")?;
    let caption = &rest[..close];
    let path = rest[close + 2..].strip_suffix(')')?;
    if path.is_empty() || path.contains(')') {
        return None;
    }
    Some((caption.trim().to_string(), path.trim().to_string()))
}

/// Parse `**bold**`, `*emphasis*` and `\*` in one paragraph. A marker with no partner is
/// shown as written, so `5 * 3` and a lone `**` never swallow the rest of the text.
pub fn parse_inline(text: &str) -> Para {
    // Markers and escapes are ASCII, so the text is scanned as bytes and literal stretches
    // are copied as slices (this runs on every string of a course at load time).
    let bytes = text.as_bytes();
    let mut runs: Vec<Run> = Vec::new();
    let mut style = Style::default();
    let mut buf = String::new();
    // `text[lit..i]` is literal text not yet copied into `buf`.
    let mut lit = 0;
    let mut i = 0;
    let flush = |buf: &mut String, style: Style, runs: &mut Vec<Run>| {
        if buf.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(buf),
            _ => runs.push(Run {
                text: std::mem::take(buf),
                style,
            }),
        }
        buf.clear();
    };
    // Where closing markers can be found, for `*` and for `**`: worked out on first need.
    let mut closers: [Option<Vec<bool>>; 2] = [None, None];
    while i < bytes.len() {
        // Skip straight to the next marker or backslash.
        match find_special(&bytes[i..]) {
            Some(k) => i += k,
            None => break,
        }
        match bytes[i] {
            b'\\' if matches!(bytes.get(i + 1), Some(b'*' | b'\\')) => {
                // Drop the backslash; the escaped character starts the next literal.
                buf.push_str(&text[lit..i]);
                lit = i + 1;
                i += 2;
            }
            b'*' => {
                let double = bytes.get(i + 1) == Some(&b'*');
                let len = if double { 2 } else { 1 };
                let open = if double { style.bold } else { style.emph };
                let closer = |cl: &mut [Option<Vec<bool>>; 2]| {
                    let found = cl[usize::from(double)].get_or_insert_with(|| reach(text, double));
                    closer_after(text, found, i + len)
                };
                if open || opens(text, i + len) && closer(&mut closers) {
                    buf.push_str(&text[lit..i]);
                    flush(&mut buf, style, &mut runs);
                    if double {
                        style.bold = !style.bold;
                    } else {
                        style.emph = !style.emph;
                    }
                    lit = i + len;
                }
                // Otherwise the marker stays in the literal text, shown as written.
                i += len;
            }
            _ => i += 1,
        }
    }
    buf.push_str(&text[lit..]);
    flush(&mut buf, style, &mut runs);
    Para(runs)
}

/// Whether any byte of a 16-byte block is `*` or `\`: written without an early exit, so it
/// compiles to a few vector instructions and plain text is skipped a block at a time.
fn block_has_special(block: &[u8]) -> bool {
    block
        .iter()
        .fold(false, |any, &b| any | (b == b'*') | (b == b'\\'))
}

/// The offset of the first `*` or `\` in `bytes`.
fn find_special(bytes: &[u8]) -> Option<usize> {
    let mut start = 0;
    while start + 16 <= bytes.len() && !block_has_special(&bytes[start..start + 16]) {
        start += 16;
    }
    bytes[start..]
        .iter()
        .position(|&b| b == b'*' || b == b'\\')
        .map(|k| start + k)
}

/// The offset of the last `*` or `\` in `bytes`.
fn rfind_special(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while end >= 16 && !block_has_special(&bytes[end - 16..end]) {
        end -= 16;
    }
    bytes[..end].iter().rposition(|&b| b == b'*' || b == b'\\')
}

/// An opening marker must be followed by a non-space character. `after` is a byte offset
/// just past an ASCII marker, so it is a character boundary.
fn opens(text: &str, after: usize) -> bool {
    text.get(after..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !c.is_whitespace())
}

/// Whether a closing marker (`**` when `double`, else a lone `*`, preceded by a non-space
/// character) follows byte offset `from`, with `found` from `reach`.
fn closer_after(text: &str, found: &[bool], from: usize) -> bool {
    let bytes = text.as_bytes();
    let step = match bytes.get(from) {
        None => return false,
        Some(b'\\') => 2,
        Some(b'*') if bytes.get(from + 1) == Some(&b'*') => 2,
        Some(_) => 1,
    };
    found.get(from + step).copied().unwrap_or(false)
}

/// For each byte offset, whether scanning forward from it meets a closing marker at or
/// after it. The scan skips an escaped character and both stars of a `**`, so its path from
/// any offset depends on that offset alone, and the answers are filled in once, from the
/// end. Scanning afresh from every opening marker made parsing quadratic: a 300 KB
/// paragraph of `*a *a ...` took 20 seconds to load (found by fuzzing).
fn reach(text: &str, double: bool) -> Vec<bool> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut found = vec![false; n + 2];
    // A byte that is neither `*` nor `\` only passes on the answer of the byte after it, so
    // whole stretches of text are filled at once and only markers and escapes are looked at.
    let mut next = n;
    while let Some(i) = rfind_special(&bytes[..next]) {
        let after = found[next];
        found[i + 1..next].fill(after);
        next = i;
        let (hit, step) = match bytes[i] {
            b'\\' => (false, 2),
            b'*' => {
                let is_double = bytes.get(i + 1) == Some(&b'*');
                let after_text = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace());
                (
                    after_text && is_double == double,
                    if is_double { 2 } else { 1 },
                )
            }
            _ => (false, 1),
        };
        found[i] = hit || found[(i + step).min(n)];
    }
    let after = found[next];
    found[..next].fill(after);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, emph: bool) -> Run {
        Run {
            text: text.into(),
            style: Style { bold, emph },
        }
    }

    #[test]
    fn bold_and_emphasis_become_styled_runs() {
        let p = parse_inline("a **b** and *c* d");
        assert_eq!(
            p.0,
            vec![
                run("a ", false, false),
                run("b", true, false),
                run(" and ", false, false),
                run("c", false, true),
                run(" d", false, false)
            ]
        );
    }

    #[test]
    fn unpaired_markers_are_shown_as_written() {
        assert_eq!(parse_inline("5 * 3 = 15").plain(), "5 * 3 = 15");
        assert_eq!(parse_inline("a ** b").plain(), "a ** b");
        assert_eq!(parse_inline("*open only").plain(), "*open only");
        assert_eq!(parse_inline(r"\*literal\*").plain(), "*literal*");
    }

    #[test]
    fn emphasis_inside_bold() {
        let p = parse_inline("**a *b* c**");
        assert_eq!(
            p.0,
            vec![
                run("a ", true, false),
                run("b", true, true),
                run(" c", true, false)
            ]
        );
    }

    #[test]
    fn blocks_of_every_kind() {
        let body = "First line\njoined.\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\n> quoted\n> more\n\n![The roles](roles.txt)\nAfter.";
        let blocks = parse_blocks(body);
        assert_eq!(blocks.len(), 6);
        assert_eq!(
            blocks[0],
            Block::Paragraph(parse_inline("First line joined."))
        );
        assert_eq!(
            blocks[1],
            Block::Bullets(vec![parse_inline("one"), parse_inline("two continued")])
        );
        assert_eq!(
            blocks[2],
            Block::Numbered {
                start: 3,
                items: vec![parse_inline("three"), parse_inline("four")]
            }
        );
        assert_eq!(blocks[3], Block::Quote(vec![parse_inline("quoted more")]));
        assert_eq!(
            blocks[4],
            Block::Diagram {
                caption: "The roles".into(),
                path: "roles.txt".into(),
                lines: vec![]
            }
        );
        assert_eq!(blocks[5], Block::Paragraph(parse_inline("After.")));
    }

    #[test]
    fn star_at_line_start_without_space_is_emphasis_not_a_bullet() {
        let blocks = parse_blocks("*Note* this.");
        assert_eq!(blocks.len(), 1);
        assert!(matches!(&blocks[0], Block::Paragraph(p) if p.0[0].style.emph));
    }

    /// The character-by-character parser this module had before it scanned bytes; kept to
    /// show the faster one gives the same runs for every input.
    fn reference_parse_inline(text: &str) -> Para {
        let chars: Vec<char> = text.chars().collect();
        let mut runs: Vec<Run> = Vec::new();
        let mut style = Style::default();
        let mut buf = String::new();
        let mut i = 0;
        let flush = |buf: &mut String, style: Style, runs: &mut Vec<Run>| {
            if buf.is_empty() {
                return;
            }
            match runs.last_mut() {
                Some(last) if last.style == style => last.text.push_str(buf),
                _ => runs.push(Run {
                    text: buf.clone(),
                    style,
                }),
            }
            buf.clear();
        };
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' && matches!(chars.get(i + 1), Some('*' | '\\')) {
                buf.push(chars[i + 1]);
                i += 2;
                continue;
            }
            if c == '*' && chars.get(i + 1) == Some(&'*') {
                if style.bold
                    || ref_opens(&chars, i + 2) && ref_find_closer(&chars, i + 2, true).is_some()
                {
                    flush(&mut buf, style, &mut runs);
                    style.bold = !style.bold;
                } else {
                    buf.push_str("**");
                }
                i += 2;
                continue;
            }
            if c == '*' {
                if style.emph
                    || ref_opens(&chars, i + 1) && ref_find_closer(&chars, i + 1, false).is_some()
                {
                    flush(&mut buf, style, &mut runs);
                    style.emph = !style.emph;
                } else {
                    buf.push('*');
                }
                i += 1;
                continue;
            }
            buf.push(c);
            i += 1;
        }
        flush(&mut buf, style, &mut runs);
        Para(runs)
    }

    /// An opening marker must be followed by a non-space character.
    fn ref_opens(chars: &[char], after: usize) -> bool {
        chars.get(after).is_some_and(|c| !c.is_whitespace())
    }

    /// Where the closing marker is: `**` for bold, a lone `*` for emphasis, preceded by a
    /// non-space character.
    fn ref_find_closer(chars: &[char], from: usize, double: bool) -> Option<usize> {
        let mut i = from;
        while i < chars.len() {
            match chars[i] {
                '\\' => i += 2,
                '*' => {
                    let is_double = chars.get(i + 1) == Some(&'*');
                    let after_text = i > from && !chars[i - 1].is_whitespace();
                    if double && is_double && after_text {
                        return Some(i);
                    }
                    if !double && !is_double && after_text {
                        return Some(i);
                    }
                    i += if is_double { 2 } else { 1 };
                }
                _ => i += 1,
            }
        }
        None
    }

    /// `reach` one byte at a time, as first written; the fast one skips plain stretches.
    fn reference_reach(text: &str, double: bool) -> Vec<bool> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut found = vec![false; n + 2];
        for i in (0..n).rev() {
            let (hit, step) = match bytes[i] {
                b'\\' => (false, 2),
                b'*' => {
                    let is_double = bytes.get(i + 1) == Some(&b'*');
                    let after_text = text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| !c.is_whitespace());
                    (
                        after_text && is_double == double,
                        if is_double { 2 } else { 1 },
                    )
                }
                _ => (false, 1),
            };
            found[i] = hit || found[(i + step).min(n)];
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn reach_matches_the_byte_by_byte_reference(text in "[a *\\\\\u{a0}é]{0,80}") {
            for double in [false, true] {
                proptest::prop_assert_eq!(reach(&text, double), reference_reach(&text, double));
            }
        }

        #[test]
        fn byte_scanner_matches_the_reference(text in "[a-c *\\\\\u{a0}\u{3000}é\t\n]{0,80}") {
            proptest::prop_assert_eq!(parse_inline(&text), reference_parse_inline(&text));
        }
    }

    #[test]
    fn prose_splits_paragraphs_on_blank_lines() {
        let p = Prose::parse("one\ntwo\n\nthree");
        assert_eq!(p.0.len(), 2);
        assert_eq!(p.plain(), "one two\n\nthree");
    }
}
