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
                .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
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
            if style.bold || opens(&chars, i + 2) && find_closer(&chars, i + 2, true).is_some() {
                flush(&mut buf, style, &mut runs);
                style.bold = !style.bold;
            } else {
                buf.push_str("**");
            }
            i += 2;
            continue;
        }
        if c == '*' {
            if style.emph || opens(&chars, i + 1) && find_closer(&chars, i + 1, false).is_some() {
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
fn opens(chars: &[char], after: usize) -> bool {
    chars.get(after).is_some_and(|c| !c.is_whitespace())
}

/// Where the closing marker is: `**` for bold, a lone `*` for emphasis, preceded by a
/// non-space character.
fn find_closer(chars: &[char], from: usize, double: bool) -> Option<usize> {
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

    #[test]
    fn prose_splits_paragraphs_on_blank_lines() {
        let p = Prose::parse("one\ntwo\n\nthree");
        assert_eq!(p.0.len(), 2);
        assert_eq!(p.plain(), "one two\n\nthree");
    }
}
