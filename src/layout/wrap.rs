//! Greedy word wrapping of one styled paragraph: words never split unless wider than the
//! line, wide CJK characters and emoji measured by `unicode-width` and never split, and a
//! `"\n"` in a run (a CommonMark hard line break) always ends the line.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Line, LineKind, Seg};
use crate::course::markup::{Para, Style};

pub(super) fn seg(text: &str, style: Style) -> Seg {
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
    /// A hard line break follows.
    newline: bool,
}

fn pieces(p: &Para) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut cur = Piece {
        segs: Vec::new(),
        width: 0,
        space_after: false,
        newline: false,
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
                    newline: false,
                },
            ));
        } else if space && let Some(last) = out.last_mut() {
            last.space_after = true;
        }
    };
    for run in &p.0 {
        if !words_split_at_spaces(&run.text) {
            graphemes_into(&run.text, run.style, &mut cur, &mut out, push_char, finish);
            continue;
        }
        // Cut at each space (a space is a break between graphemes here, checked above), and
        // a printable ASCII word (most words) is cut out whole: each byte is one grapheme one
        // column wide. Any other word goes grapheme by grapheme. Same pieces as one walk of
        // the whole run's graphemes (a test compares them).
        for (k, word) in run.text.split(' ').enumerate() {
            if k > 0 {
                finish(&mut cur, &mut out, true);
            }
            if word.is_empty() {
                continue;
            }
            if word.bytes().all(|b| (0x20..0x7f).contains(&b)) {
                match cur.segs.last_mut() {
                    Some(last) if last.style == run.style => last.text.push_str(word),
                    _ => cur.segs.push(seg(word, run.style)),
                }
                cur.width += word.len();
            } else {
                graphemes_into(word, run.style, &mut cur, &mut out, push_char, finish);
            }
        }
    }
    finish(&mut cur, &mut out, false);
    out
}

/// Whether every space in `text` stands alone as a grapheme, so cutting at spaces cuts
/// between graphemes: a mark that combines with the space before it, or a character that
/// joins the space after it (Unicode's "prepend" class), would make one grapheme of both.
/// Only spaces beside a non-ASCII character need a look.
fn words_split_at_spaces(text: &str) -> bool {
    if text.is_ascii() {
        // No character beside a space can combine with it (most runs): no walk needed.
        return true;
    }
    let b = text.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        if c != b' ' {
            return true;
        }
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        let alone = |pair: String| pair.graphemes(true).count() == 2;
        before.is_none_or(|c| c.is_ascii() || alone(format!("{c} ")))
            && after.is_none_or(|c| c.is_ascii() || alone(format!(" {c}")))
    })
}

/// The graphemes of `text` into pieces: hard breaks, white space, wide characters (which
/// may break on either side, as in CJK typesetting) and the rest.
fn graphemes_into(
    text: &str,
    style: Style,
    cur: &mut Piece,
    out: &mut Vec<Piece>,
    push_char: impl Fn(&mut Piece, &str, Style),
    finish: impl Fn(&mut Piece, &mut Vec<Piece>, bool),
) {
    for g in text.graphemes(true) {
        if g == "\n" {
            finish(cur, out, false);
            if let Some(last) = out.last_mut() {
                last.newline = true;
            }
        } else if g.chars().all(char::is_whitespace) {
            finish(cur, out, true);
        } else if g.width() >= 2 {
            finish(cur, out, false);
            push_char(cur, g, style);
            finish(cur, out, false);
        } else {
            push_char(cur, g, style);
        }
    }
}

/// Greedy word wrap of one paragraph.
pub(super) fn wrap(p: &Para, width: usize, first: &str, rest: &str, kind: LineKind) -> Vec<Line> {
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
        if piece.newline {
            lines.push(Line {
                kind,
                segs: std::mem::take(&mut line),
            });
            let (l, u) = start_line(rest);
            line = l;
            used = u;
            line_has_text = false;
            pending_space = false;
        }
    }
    if line_has_text || lines.is_empty() {
        lines.push(Line { kind, segs: line });
    }
    lines
}

pub(super) fn push_seg(line: &mut Vec<Seg>, text: &str, style: Style) {
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => line.push(seg(text, style)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::markup::{Run, parse_blocks};

    fn parse_inline(text: &str) -> Para {
        match parse_blocks(text).into_iter().next() {
            Some(crate::course::markup::Block::Paragraph(p)) => p,
            _ => Para::default(),
        }
    }

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
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// The cuts at spaces and the whole ASCII words give the pieces of one walk of the
        /// graphemes, with marks that combine with a space before them (U+0301), characters
        /// that join the space after them (U+0600, "prepend"), other white space (tab,
        /// U+00A0), wide characters and emoji beside spaces.
        #[test]
        fn ascii_fast_path_cuts_the_same_pieces(
            runs in proptest::collection::vec((
                "[a-c *]{0,12}|[a é\t漢]{0,6}|[ab \u{301}\u{600}\u{a0}\u{200d}é漢👋]{0,16}",
                proptest::bool::ANY,
            ), 0..5)
        ) {
            let para = Para(runs.into_iter().map(|(text, bold)| Run {
                text: text.into(),
                style: Style { bold, ..Style::default() },
            }).collect());
            let fast: Vec<_> = pieces(&para).into_iter().map(|p| (p.segs, p.width, p.space_after)).collect();
            proptest::prop_assert_eq!(fast, reference_pieces(&para));
        }
    }

    #[test]
    fn a_hard_break_ends_the_line() {
        let l = wrap(
            &parse_inline("one two\\\nthree"),
            40,
            "",
            "",
            LineKind::Text,
        );
        assert_eq!(texts(&l), ["one two", "three"]);
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
        // Counted as one column, "ab 👋" would fit in 4: it does not.
        let l = wrap(&parse_inline("ab 👋 cd"), 4, "", "", LineKind::Text);
        assert_eq!(texts(&l), ["ab", "👋", "cd"]);
    }

    #[test]
    fn width_one_does_not_panic_or_loop() {
        let l = wrap(&parse_inline("漢 ab"), 1, "• ", "  ", LineKind::Text);
        assert_eq!(texts(&l), ["• 漢", "  a", "  b"]);
    }
}
