//! Turning laid-out lines (`crate::layout`) into ratatui lines in the theme's styles, and
//! small text helpers for narrow spaces.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, StyledGrapheme};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Theme, run_style};
use crate::layout::{self, LineKind, standalone};

pub fn line(l: &layout::Line, theme: &Theme) -> Line<'static> {
    let base = match l.kind {
        LineKind::Text | LineKind::Blank => theme.base,
        LineKind::Quote => theme.quote,
        LineKind::Diagram => theme.diagram,
        LineKind::Caption => theme.dim,
        LineKind::Heading => theme.title,
        LineKind::Code => theme.diagram,
        LineKind::Table => theme.base,
    };
    Line::from(
        l.segs
            .iter()
            .map(|s| {
                // Markers (backticks, link numbers, box lines) are dimmed; code takes the
                // code style. Both are text too, so the mono theme keeps every distinction.
                let b = if s.style.mark {
                    base.patch(theme.dim)
                } else if s.style.code {
                    base.patch(theme.diagram)
                } else {
                    base
                };
                Span::styled(s.text.clone(), run_style(b, s.style))
            })
            .collect::<Vec<_>>(),
    )
}

pub fn lines(ls: &[layout::Line], theme: &Theme) -> Vec<Line<'static>> {
    ls.iter().map(|l| line(l, theme)).collect()
}

/// Cut `s` to at most `width` columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        // Printable ASCII: one column per byte, so the cut is a slice (as the loop below
        // would cut it, a column left for the `…`).
        if s.len() <= width {
            return s.to_string();
        }
        let mut out = s[..width.saturating_sub(1)].to_string();
        if width > 0 {
            out.push('…');
        }
        return out;
    }
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draw `lines` into `area`, one per row from the top, cut at its width: exactly what
/// `Paragraph::new(lines)` without wrapping or scrolling draws, without the paragraph's two
/// passes styling every cell of its area (the map's list and detail pane made those most of
/// the cost of a key press on the map).
pub fn draw<'a>(buf: &mut Buffer, area: Rect, lines: impl IntoIterator<Item = &'a Line<'a>>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let max = area.width;
    // A centred or right-aligned line's graphemes, with their widths, until its width is
    // known; a left-aligned one (nearly all) goes straight into the buffer.
    let mut row: Vec<(StyledGrapheme, u16)> = Vec::new();
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        let align = line.alignment.unwrap_or(Alignment::Left);
        row.clear();
        let mut x = area.left();
        let mut put = |g: StyledGrapheme<'a>, w: u16| {
            if align != Alignment::Left {
                row.push((g, w));
            } else if w > 0 {
                buf[(x, y)].set_symbol(g.symbol).set_style(g.style);
                x += w;
            }
        };
        // As ratatui's `LineTruncator`: graphemes wider than the area are skipped, and the
        // line stops at the first one that does not fit.
        let mut width = 0u16;
        'spans: for span in &line.spans {
            let style = line.style.patch(span.style);
            let text = span.content.as_ref();
            if text.is_ascii() {
                // Every ASCII character is a grapheme one cell wide (control characters
                // are dropped, as `styled_graphemes` drops them): no segmenting needed.
                for (i, b) in text.bytes().enumerate() {
                    if b.is_ascii_control() {
                        continue;
                    }
                    if width + 1 > max {
                        break 'spans;
                    }
                    width += 1;
                    put(StyledGrapheme::new(&text[i..=i], style), 1);
                }
                continue;
            }
            if text.chars().all(standalone) {
                // Box lines, bullets, arrows, accented letters: each character is a grapheme
                // of its own (a test checks every one), so no segmenting either.
                for (i, c) in text.char_indices() {
                    let symbol = &text[i..i + c.len_utf8()];
                    let w = symbol.cell_width();
                    if w > max {
                        continue;
                    }
                    if width + w > max {
                        break 'spans;
                    }
                    width += w;
                    put(StyledGrapheme::new(symbol, style), w);
                }
                continue;
            }
            for g in span.styled_graphemes(line.style) {
                let w = g.symbol.cell_width();
                if w > max {
                    continue;
                }
                if width + w > max {
                    break 'spans;
                }
                width += w;
                put(g, w);
            }
        }
        if align == Alignment::Left {
            continue;
        }
        let mut x = area.left()
            + match align {
                Alignment::Center => (max / 2).saturating_sub(width / 2),
                Alignment::Right => max.saturating_sub(width),
                Alignment::Left => 0,
            };
        for (StyledGrapheme { symbol, style }, w) in &row {
            if *w == 0 {
                continue;
            }
            let symbol = if symbol.is_empty() { " " } else { symbol };
            buf[(x, y)].set_symbol(symbol).set_style(*style);
            x += w;
        }
    }
}

/// `Paragraph::new(lines).style(style)`: the area styled once, then the lines drawn.
pub fn draw_styled<'a>(
    buf: &mut Buffer,
    area: Rect,
    style: Style,
    lines: impl IntoIterator<Item = &'a Line<'a>>,
) {
    buf.set_style(area, style);
    draw(buf, area, lines);
}

/// `Paragraph::new(text).style(style)` for a plain string: one row per line of `text`.
pub fn draw_str(buf: &mut Buffer, area: Rect, style: Style, text: &str) {
    let lines: Vec<Line> = text
        .lines()
        .take(usize::from(area.height))
        .map(Line::from)
        .collect();
    draw_styled(buf, area, style, &lines);
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier, Stylize};
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;

    #[test]
    fn every_standalone_character_is_a_grapheme_beside_any_other() {
        use unicode_segmentation::UnicodeSegmentation;
        let all: Vec<char> = (0..=0x2bffu32)
            .filter_map(char::from_u32)
            .filter(|&c| standalone(c))
            .collect();
        assert!(all.len() > 3_500);
        // Beside itself, ASCII, and the first and last of each block.
        let neighbours = [
            'a', ' ', '\u{a0}', '\u{2ff}', '\u{2010}', '\u{20cf}', '\u{2500}', '\u{2bff}',
        ];
        for &c in &all {
            assert_eq!(format!("{c}{c}").graphemes(true).count(), 2, "{c:?} twice");
            for n in neighbours {
                let pair = format!("{n}{c}{n}");
                assert_eq!(pair.graphemes(true).count(), 3, "{c:?} beside {n:?}");
            }
        }
    }

    fn lines() -> Vec<Line<'static>> {
        vec![
            Line::from(vec![
                Span::styled("bold ", Style::new().add_modifier(Modifier::BOLD)),
                Span::styled("red", Style::new().fg(Color::Red)),
            ]),
            Line::from("wide 漢字 and emoji 🦀 cut at the edge of the area, far past it"),
            Line::from("centred").centered(),
            Line::from("right").right_aligned().on_blue(),
            Line::from("tab\tand\u{7}bell and e\u{301} combined"),
            Line::from(""),
            Line::from("漢漢漢漢漢漢漢漢漢漢漢漢"),
            Line::from("one line more than the area has rows"),
        ]
    }

    /// `draw` must leave exactly the cells `Paragraph` does, whatever the lines hold.
    #[test]
    fn draw_matches_paragraph_cell_for_cell() {
        for (w, h) in [(23u16, 7u16), (9, 3), (1, 2), (40, 10)] {
            for style in [
                Style::default(),
                Style::new().fg(Color::Green).bg(Color::Black),
            ] {
                let area = Rect::new(1, 1, w, h);
                let full = Rect::new(0, 0, w + 2, h + 2);
                let mut want = Buffer::empty(full);
                Paragraph::new(lines()).style(style).render(area, &mut want);
                let mut got = Buffer::empty(full);
                draw_styled(&mut got, area, style, &lines());
                assert_eq!(got, want, "{w}x{h} {style:?}");
            }
        }
    }

    /// The ASCII shortcut cuts where the grapheme loop does.
    #[test]
    fn truncate_cuts_ascii_as_any_text() {
        for s in ["", "a", "abc", "a description longer than the room", "x y"] {
            for width in 0..40 {
                // The same text with a non-ASCII twin of no width difference ("é" is one
                // column) goes through the loop; the cut must be at the same column.
                let twin = s.replacen('a', "é", 1);
                let cut = truncate(s, width);
                let twin_cut = truncate(&twin, width);
                assert_eq!(cut.width(), twin_cut.width(), "{s:?} at {width}");
                assert_eq!(cut.replacen('a', "é", 1), twin_cut, "{s:?} at {width}");
            }
        }
    }

    #[test]
    fn draw_str_matches_a_paragraph_of_the_string() {
        let area = Rect::new(0, 0, 12, 2);
        for s in ["", "one", "first\nsecond\nthird", "a long status line"] {
            let mut want = Buffer::empty(area);
            Paragraph::new(s)
                .style(Style::new().dim())
                .render(area, &mut want);
            let mut got = Buffer::empty(area);
            draw_str(&mut got, area, Style::new().dim(), s);
            assert_eq!(got, want, "{s:?}");
        }
    }
}
