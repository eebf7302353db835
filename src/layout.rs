//! Lays out text for a given width: word wrapping of styled paragraphs (wide CJK characters
//! and emoji measured by `unicode-width`, never split), lists, quotes and diagrams. Pure and
//! terminal-free; the app caches its result per section and width, and the screens turn it
//! into ratatui lines.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::course::markup::{Block, Para, Prose, Style};

/// What a line is, so the screen can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Text,
    Quote,
    /// A diagram line: shown exactly as drawn, cut off (never wrapped) when too wide.
    Diagram,
    Caption,
    Blank,
}

/// A piece of a line in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub segs: Vec<Seg>,
}

impl Line {
    pub fn blank() -> Line {
        Line {
            kind: LineKind::Blank,
            segs: Vec::new(),
        }
    }

    pub fn plain(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn width(&self) -> usize {
        self.segs.iter().map(|s| s.text.width()).sum()
    }
}

/// The widest text column lessons use, for comfortable reading on wide terminals.
pub const MAX_TEXT_WIDTH: u16 = 90;

/// The text width of a lesson page in a terminal `term_width` columns wide: two columns of
/// margin on each side (one of them for the scroll bar).
pub fn lesson_text_width(term_width: u16) -> u16 {
    term_width.saturating_sub(4).clamp(1, MAX_TEXT_WIDTH)
}

/// Lay out a section body.
pub fn blocks(body: &[Block], width: u16) -> Vec<Line> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for (i, block) in body.iter().enumerate() {
        if i > 0 {
            out.push(Line::blank());
        }
        match block {
            Block::Paragraph(p) => out.extend(wrap(p, width, "", "", LineKind::Text)),
            Block::Bullets(items) => {
                for item in items {
                    out.extend(wrap(item, width, "• ", "  ", LineKind::Text));
                }
            }
            Block::Numbered { start, items } => {
                let last = start + items.len().saturating_sub(1) as u64;
                let w = format!("{last}. ").len();
                for (n, item) in items.iter().enumerate() {
                    let label = format!("{:>width$}", format!("{}. ", start + n as u64), width = w);
                    out.extend(wrap(item, width, &label, &" ".repeat(w), LineKind::Text));
                }
            }
            Block::Quote(paras) => {
                for (k, p) in paras.iter().enumerate() {
                    if k > 0 {
                        out.push(Line {
                            kind: LineKind::Quote,
                            segs: vec![seg("│", Style::default())],
                        });
                    }
                    out.extend(wrap(p, width, "│ ", "│ ", LineKind::Quote));
                }
            }
            Block::Diagram { caption, lines, .. } => {
                for l in lines {
                    out.push(Line {
                        kind: LineKind::Diagram,
                        segs: vec![seg(l, Style::default())],
                    });
                }
                if !caption.is_empty() {
                    let p = Para(vec![crate::course::markup::Run {
                        text: caption.clone(),
                        style: Style {
                            bold: false,
                            emph: true,
                        },
                    }]);
                    out.extend(wrap(&p, width, "", "", LineKind::Caption));
                }
            }
        }
    }
    out
}

/// Lay out prose (several paragraphs) with a prefix on the first line and another on the rest.
pub fn prose(p: &Prose, width: u16, first: &str, rest: &str) -> Vec<Line> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for (i, para) in p.0.iter().enumerate() {
        if i > 0 {
            out.push(Line::blank());
        }
        let lead = if i == 0 { first } else { rest };
        out.extend(wrap(para, width, lead, rest, LineKind::Text));
    }
    if out.is_empty() && !first.is_empty() {
        out.push(Line {
            kind: LineKind::Text,
            segs: vec![seg(first, Style::default())],
        });
    }
    out
}

/// Plain text wrapped to `width`, for messages.
pub fn plain(text: &str, width: u16) -> Vec<String> {
    let para = Para(vec![crate::course::markup::Run {
        text: text.to_string(),
        style: Style::default(),
    }]);
    wrap(&para, usize::from(width.max(1)), "", "", LineKind::Text)
        .iter()
        .map(Line::plain)
        .collect()
}

fn seg(text: &str, style: Style) -> Seg {
    Seg {
        text: text.to_string(),
        style,
    }
}

/// A unit that may not be split across lines (a word, or one wide character), with the
/// space that followed it.
struct Piece {
    segs: Vec<Seg>,
    width: usize,
    space_after: bool,
}

fn pieces(p: &Para) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut cur = Piece {
        segs: Vec::new(),
        width: 0,
        space_after: false,
    };
    let push_char = |cur: &mut Piece, g: &str, style: Style| {
        match cur.segs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(g),
            _ => cur.segs.push(seg(g, style)),
        }
        cur.width += g.width();
    };
    let finish = |cur: &mut Piece, out: &mut Vec<Piece>, space: bool| {
        if !cur.segs.is_empty() {
            cur.space_after = space;
            out.push(std::mem::replace(
                cur,
                Piece {
                    segs: Vec::new(),
                    width: 0,
                    space_after: false,
                },
            ));
        } else if space && let Some(last) = out.last_mut() {
            last.space_after = true;
        }
    };
    for run in &p.0 {
        if run.text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            // Printable ASCII (most text): each byte is one grapheme one column wide and only
            // the space is white space, so words are cut out whole instead of grapheme by
            // grapheme. Same pieces as the general loop below.
            for (k, word) in run.text.split(' ').enumerate() {
                if k > 0 {
                    finish(&mut cur, &mut out, true);
                }
                if !word.is_empty() {
                    match cur.segs.last_mut() {
                        Some(last) if last.style == run.style => last.text.push_str(word),
                        _ => cur.segs.push(seg(word, run.style)),
                    }
                    cur.width += word.len();
                }
            }
            continue;
        }
        for g in run.text.graphemes(true) {
            if g.chars().all(char::is_whitespace) {
                finish(&mut cur, &mut out, true);
            } else if g.width() >= 2 {
                // Wide characters (CJK) may break on either side, as in CJK typesetting.
                finish(&mut cur, &mut out, false);
                push_char(&mut cur, g, run.style);
                finish(&mut cur, &mut out, false);
            } else {
                push_char(&mut cur, g, run.style);
            }
        }
    }
    finish(&mut cur, &mut out, false);
    out
}

/// Greedy word wrap of one paragraph.
fn wrap(p: &Para, width: usize, first: &str, rest: &str, kind: LineKind) -> Vec<Line> {
    let start_line = |prefix: &str| -> (Vec<Seg>, usize) {
        if prefix.is_empty() {
            (Vec::new(), 0)
        } else {
            (vec![seg(prefix, Style::default())], prefix.width())
        }
    };
    let mut lines = Vec::new();
    let (mut line, mut used) = start_line(first);
    let mut line_has_text = false;
    let mut pending_space = false;
    for piece in pieces(p) {
        let space = usize::from(pending_space && line_has_text);
        if line_has_text && used + space + piece.width > width {
            lines.push(Line {
                kind,
                segs: std::mem::take(&mut line),
            });
            let (l, u) = start_line(rest);
            line = l;
            used = u;
            line_has_text = false;
        } else if space == 1 {
            push_seg(&mut line, " ", Style::default());
            used += 1;
        }
        // A piece wider than the whole line is split by grapheme.
        if used + piece.width > width {
            for s in &piece.segs {
                for g in s.text.graphemes(true) {
                    let gw = g.width();
                    if used + gw > width && line_has_text {
                        lines.push(Line {
                            kind,
                            segs: std::mem::take(&mut line),
                        });
                        let (l, u) = start_line(rest);
                        line = l;
                        used = u;
                    }
                    push_seg(&mut line, g, s.style);
                    used += gw;
                    line_has_text = true;
                }
            }
        } else {
            for s in &piece.segs {
                push_seg(&mut line, &s.text, s.style);
            }
            used += piece.width;
            line_has_text = true;
        }
        pending_space = piece.space_after;
    }
    if line_has_text || lines.is_empty() {
        lines.push(Line { kind, segs: line });
    }
    lines
}

fn push_seg(line: &mut Vec<Seg>, text: &str, style: Style) {
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => line.push(seg(text, style)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::markup::{parse_blocks, parse_inline};

    /// `pieces` with the grapheme loop only (no ASCII fast path), to check the fast path.
    fn reference_pieces(p: &Para) -> Vec<(Vec<Seg>, usize, bool)> {
        let mut out: Vec<(Vec<Seg>, usize, bool)> = Vec::new();
        let mut cur: (Vec<Seg>, usize) = (Vec::new(), 0);
        let finish =
            |cur: &mut (Vec<Seg>, usize), out: &mut Vec<(Vec<Seg>, usize, bool)>, space| {
                if !cur.0.is_empty() {
                    let (segs, width) = std::mem::take(cur);
                    out.push((segs, width, space));
                } else if space && let Some(last) = out.last_mut() {
                    last.2 = true;
                }
            };
        for run in &p.0 {
            for g in run.text.graphemes(true) {
                if g.chars().all(char::is_whitespace) {
                    finish(&mut cur, &mut out, true);
                } else {
                    let wide = g.width() >= 2;
                    if wide {
                        finish(&mut cur, &mut out, false);
                    }
                    push_seg(&mut cur.0, g, run.style);
                    cur.1 += g.width();
                    if wide {
                        finish(&mut cur, &mut out, false);
                    }
                }
            }
        }
        finish(&mut cur, &mut out, false);
        out
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_cuts_the_same_pieces(
            runs in proptest::collection::vec(("[a-c *]{0,12}|[a é\t漢]{0,6}", proptest::bool::ANY), 0..5)
        ) {
            let para = Para(runs.into_iter().map(|(text, bold)| crate::course::markup::Run {
                text,
                style: Style { bold, emph: false },
            }).collect());
            let fast: Vec<_> = pieces(&para).into_iter().map(|p| (p.segs, p.width, p.space_after)).collect();
            proptest::prop_assert_eq!(fast, reference_pieces(&para));
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::plain).collect()
    }

    #[test]
    fn words_wrap_at_the_width() {
        let l = wrap(
            &parse_inline("the quick brown fox jumps"),
            10,
            "",
            "",
            LineKind::Text,
        );
        assert_eq!(texts(&l), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn styles_survive_wrapping() {
        let l = wrap(
            &parse_inline("a **bold word** here"),
            7,
            "",
            "",
            LineKind::Text,
        );
        assert_eq!(texts(&l), ["a bold", "word", "here"]);
        assert!(l[0].segs[1].style.bold && l[1].segs[0].style.bold);
        assert!(!l[2].segs[0].style.bold);
    }

    #[test]
    fn overlong_words_are_split() {
        let l = wrap(&parse_inline("abcdefghij"), 4, "", "", LineKind::Text);
        assert_eq!(texts(&l), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_breaks_between_characters_and_never_inside_one() {
        let l = wrap(&parse_inline("漢字かなカナ漢字"), 5, "", "", LineKind::Text);
        assert_eq!(texts(&l), ["漢字", "かな", "カナ", "漢字"]);
        assert!(l.iter().all(|x| x.width() <= 5));
    }

    #[test]
    fn emoji_count_as_two_columns() {
        let l = wrap(&parse_inline("ab 👋👋 cd"), 4, "", "", LineKind::Text);
        assert!(l.iter().all(|x| x.width() <= 4), "{:?}", texts(&l));
    }

    #[test]
    fn list_items_hang_under_their_bullet() {
        let b = parse_blocks("- one two three four");
        assert_eq!(texts(&blocks(&b, 10)), ["• one two", "  three", "  four"]);
        let n = parse_blocks("9. a b c d e f\n10. g");
        assert_eq!(texts(&blocks(&n, 9)), [" 9. a b c", "    d e f", "10. g"]);
    }

    #[test]
    fn diagrams_are_never_wrapped() {
        let mut b = parse_blocks("![cap](d.txt)");
        if let Block::Diagram { lines, .. } = &mut b[0] {
            *lines = vec!["+------------+".into()];
        }
        let l = blocks(&b, 5);
        assert_eq!(l[0].plain(), "+------------+");
        assert_eq!(l[0].kind, LineKind::Diagram);
        assert_eq!(l[1].kind, LineKind::Caption);
    }

    #[test]
    fn width_one_does_not_panic_or_loop() {
        let l = wrap(&parse_inline("漢 ab"), 1, "• ", "  ", LineKind::Text);
        assert!(!l.is_empty());
    }
}
