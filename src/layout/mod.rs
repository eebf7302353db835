//! Lays out text for a given width: word wrapping of styled paragraphs (`wrap`), headings,
//! nested lists, quotes, code blocks, tables (`table`), diagrams and a section's links
//! (`block`). Pure and terminal-free; the app caches its result per section and width, and
//! the screens turn it into ratatui lines. No line is wider than the width, except a
//! diagram's (cut off by the screen, never wrapped) and at widths too small for one wide
//! character.

mod block;
mod narrow;
mod table;
#[cfg(test)]
mod tests;
mod wrap;

use unicode_width::UnicodeWidthStr;

use crate::course::markup::{Block, Para, Prose, Run, Style};
pub(crate) use narrow::standalone;
use wrap::{seg, wrap};

/// What a line is, so the screen can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Text,
    Quote,
    /// A diagram line: shown exactly as drawn, cut off (never wrapped) when too wide.
    Diagram,
    Caption,
    Blank,
    /// A heading, or the rule under one.
    Heading,
    /// A line of a code block, with its gutter (or the block's top and bottom edge).
    Code,
    /// A line of a table: box lines and cells.
    Table,
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
    let mut out = Vec::new();
    block::blocks(body, usize::from(width.max(1)), 0, &mut out);
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
    if narrow::is_narrow(text) {
        // Most messages (the map's facts line, every key press): one column per character.
        return narrow::plain_narrow(text, usize::from(width.max(1)));
    }
    plain_wrapped(text, width)
}

/// [`plain`] through the general wrap (a test holds the narrow path to it).
fn plain_wrapped(text: &str, width: u16) -> Vec<String> {
    let para = Para(smallvec::smallvec![Run {
        text: text.to_string().into(),
        style: Style::default(),
    }]);
    wrap(&para, usize::from(width.max(1)), "", "", LineKind::Text)
        .iter()
        .map(Line::plain)
        .collect()
}
