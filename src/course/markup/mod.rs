//! Lesson text in CommonMark, with GitHub tables and strikethrough (see docs/authoring.md),
//! parsed by pulldown-cmark once at load time into blocks that the screens only lay out.
//!
//! The parser's events are mapped into a small block model (`Block`), which the pure layout
//! (`crate::layout`) wraps to any width. Text is sanitized before parsing, and again after:
//! CommonMark decodes character references, and `&#27;` would otherwise bring back the very
//! escape character the loader removed.

mod emphasis;
mod leaf;
mod note;
mod parse;
mod plain;
#[cfg(test)]
mod tests;

pub use parse::{Note, NoteKind};
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

/// How a run of text is styled.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Style {
    /// `**bold**`.
    pub bold: bool,
    /// `*emphasis*` (shown in italics where the terminal can).
    pub emph: bool,
    /// `~~struck through~~`.
    pub strike: bool,
    /// `inline code`, shown between its backticks (`mark` runs) and in the code style.
    pub code: bool,
    /// The text of a link; its address is listed at the end of the section.
    pub link: bool,
    /// A marker the renderer added (backticks around code, a link's `[1]`): dimmed.
    pub mark: bool,
}

impl Style {
    pub const BOLD: Style = Style {
        bold: true,
        emph: false,
        strike: false,
        code: false,
        link: false,
        mark: false,
    };
}

/// A stretch of text in one style. A run of exactly `"\n"` is a hard line break.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Run {
    /// The text, sanitized.
    pub text: super::text::Text,
    /// How it is shown.
    pub style: Style,
}

/// One paragraph: styled runs that the screen re-wraps to its width.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub struct Para(pub smallvec::SmallVec<[Run; 1]>);

impl Para {
    /// The text without styling.
    pub fn plain(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }

    /// Columns the paragraph takes on one line.
    pub fn width(&self) -> usize {
        self.0.iter().map(|r| r.text.width()).sum()
    }
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Align {
    /// `:---` or no colon.
    Left,
    /// `:---:`.
    Center,
    /// `---:`.
    Right,
}

/// A block of lesson text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// Text between blank lines, re-wrapped to the screen.
    Paragraph(Para),
    /// `#` to `######`.
    Heading {
        /// 1 for `#`, up to 6 for `######`.
        level: u8,
        /// The heading's text.
        text: Para,
    },
    /// A bullet list (`start` is `None`) or a numbered one; each item holds blocks, so lists
    /// nest. A loose list (items separated by blank lines) is shown with blank lines too.
    List {
        /// The first item's number (`3.` gives 3), or `None` for bullets.
        start: Option<u64>,
        /// Whether the items were written without blank lines between them.
        tight: bool,
        /// The items, each its own blocks.
        items: Vec<Vec<Block>>,
    },
    /// A `> quote`, holding blocks of its own.
    Quote(Vec<Block>),
    /// A fenced or indented code block (or an HTML block, shown as its source), kept exactly:
    /// never re-wrapped; a line too long for the screen continues on the next row.
    Code {
        /// The word after the opening fence (```` ```rust ````), often a language; may be empty.
        info: String,
        /// The code's lines, exactly as written (sanitized).
        lines: Vec<String>,
    },
    /// A GitHub table (`| a | b |` with a `|---|---|` line under the head).
    Table {
        /// Each column's alignment, from the line under the head.
        align: Vec<Align>,
        /// The head row's cells.
        head: Vec<Para>,
        /// The body rows, each a list of cells (rows may be shorter or longer than the head).
        rows: Vec<Vec<Para>>,
    },
    /// A thematic break (`---`).
    Rule,
    /// A text diagram from the course's `assets/` folder, shown exactly as drawn. `lines`
    /// is filled in by the loader once the file has been read and checked.
    Diagram {
        /// The text between `![` and `]`.
        caption: String,
        /// The file, relative to `assets/`, between `(` and `)`.
        path: String,
        /// The diagram's lines, trailing spaces removed.
        lines: Vec<String>,
    },
    /// The addresses of the section's links, numbered in order: always the last block.
    Links(Vec<String>),
}

/// The narrowest a table column is made before the table is shown one record at a time.
pub const TABLE_MIN_COLUMN: usize = 6;

/// Columns the table needs with every column at its narrowest (`TABLE_MIN_COLUMN`, or its
/// widest cell if narrower), box lines included.
pub fn table_min_width(head: &[Para], rows: &[Vec<Para>]) -> usize {
    let n = columns(head, rows);
    let narrowest: usize = (0..n)
        .map(|i| natural_width(head, rows, i).clamp(1, TABLE_MIN_COLUMN))
        .sum();
    narrowest + 3 * n + 1
}

/// The number of columns of a table (rows may be short or long).
pub fn columns(head: &[Para], rows: &[Vec<Para>]) -> usize {
    rows.iter()
        .map(Vec::len)
        .chain([head.len()])
        .max()
        .unwrap_or(0)
}

/// The width of the widest cell of column `i`, on one line.
pub fn natural_width(head: &[Para], rows: &[Vec<Para>], i: usize) -> usize {
    rows.iter()
        .filter_map(|r| r.get(i))
        .chain(head.get(i))
        .map(Para::width)
        .max()
        .unwrap_or(0)
}

/// Prose that is not a lesson body (prompts, feedback, takeaways): paragraphs only. Inline
/// CommonMark works there; block structure is flattened (see `Prose::parse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub struct Prose(pub smallvec::SmallVec<[Para; 1]>);

impl Prose {
    /// Parse a short text: bold, emphasis, strikethrough, inline code and links (shown as
    /// "text (address)"). A list item becomes a paragraph starting with its marker, a
    /// heading a bold paragraph, each line of a code block a paragraph in the code style,
    /// a table row its cells joined by ` │ `.
    pub fn parse(text: &str) -> Prose {
        if let Some(paras) = parse::plain_paragraphs(text) {
            return Prose(paras);
        }
        let mut out = Vec::new();
        flatten(parse::parse(text, parse::Mode::Prose).0, &mut out);
        Prose(out.into())
    }

    /// The text without styling, paragraphs separated by a blank line.
    pub fn plain(&self) -> String {
        // Into one string: the loader takes the plain text of every prompt and option.
        let mut out = String::new();
        for (i, para) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            para.0.iter().for_each(|r| out.push_str(&r.text));
        }
        out
    }
}

/// Parse a section body into blocks.
pub fn parse_blocks(text: &str) -> Vec<Block> {
    parse_body(text).0
}

/// Parse a section body into blocks, with notes on what it holds that a terminal cannot
/// show well (for `check`'s warnings).
pub fn parse_body(text: &str) -> (Vec<Block>, Vec<Note>) {
    match parse::plain_paragraphs(text) {
        Some(paras) => (
            paras.into_iter().map(Block::Paragraph).collect(),
            Vec::new(),
        ),
        None => parse::parse(text, parse::Mode::Body),
    }
}

/// Call `f` with the path and the lines of every diagram, in reading order, nested ones too.
pub fn for_each_diagram(blocks: &mut [Block], f: &mut dyn FnMut(&str, &mut Vec<String>)) {
    for b in blocks {
        match b {
            Block::Diagram { path, lines, .. } => f(path, lines),
            Block::Quote(inner) => for_each_diagram(inner, f),
            Block::List { items, .. } => items.iter_mut().for_each(|i| for_each_diagram(i, f)),
            _ => {}
        }
    }
}

/// Where in the course file `snippet` (a line of a body) is, searching the body's span;
/// the whole span when it cannot be found (the body may spell it with TOML escapes).
pub fn locate(source: &str, body: Range<usize>, snippet: &str) -> Range<usize> {
    match source.get(body.clone()).and_then(|b| b.find(snippet)) {
        Some(at) if !snippet.is_empty() => body.start + at..body.start + at + snippet.len(),
        _ => body,
    }
}

fn flatten(blocks: Vec<Block>, out: &mut Vec<Para>) {
    let mark = |text: String| Run {
        text: text.into(),
        style: Style {
            mark: true,
            ..Style::default()
        },
    };
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Heading { text, .. } => out.push(Para(
                text.0
                    .into_iter()
                    .map(|r| Run {
                        text: r.text,
                        style: Style {
                            bold: true,
                            ..r.style
                        },
                    })
                    .collect(),
            )),
            Block::List { start, items, .. } => {
                for (k, item) in items.into_iter().enumerate() {
                    let at = out.len();
                    flatten(item, out);
                    let marker = match start {
                        Some(n) => format!("{}. ", n.saturating_add(k as u64)),
                        None => "• ".to_string(),
                    };
                    match out.get_mut(at) {
                        Some(first) => first.0.insert(0, mark(marker)),
                        None => out.push(Para(smallvec::smallvec![mark(marker)])),
                    }
                }
            }
            Block::Quote(inner) => flatten(inner, out),
            Block::Code { lines, .. } => out.extend(lines.into_iter().map(|text| {
                Para(smallvec::smallvec![Run {
                    text: text.into(),
                    style: Style {
                        code: true,
                        ..Style::default()
                    },
                }])
            })),
            Block::Table { head, rows, .. } => {
                for row in std::iter::once(head).chain(rows) {
                    let mut p = Vec::new();
                    for (k, cell) in row.into_iter().enumerate() {
                        if k > 0 {
                            p.push(mark(" │ ".into()));
                        }
                        p.extend(cell.0);
                    }
                    out.push(Para(p.into()));
                }
            }
            Block::Diagram { caption, .. } => out.push(Para(smallvec::smallvec![Run {
                text: caption.into(),
                style: Style {
                    emph: true,
                    ..Style::default()
                },
            }])),
            Block::Rule | Block::Links(_) => {}
        }
    }
}
