//! pulldown-cmark's events mapped into `Block`s: containers (quotes, lists, items, tables) on
//! a stack, one leaf (paragraph, heading, cell, code) open at a time.

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

pub use super::note::{Note, NoteKind};
pub use super::plain::plain_paragraphs;
use super::{Align, Block, Para, Run, Style, table_min_width};
use crate::course::sanitize::clean_cow;
/// Where the text is going: a lesson body (links numbered at the end, diagrams) or a short
/// prose field (links shown inline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Body,
    Prose,
}
pub(super) enum Container {
    Root,
    Quote,
    List {
        start: Option<u64>,
        tight: bool,
        items: Vec<Vec<Block>>,
    },
    Item,
    Table {
        align: Vec<Align>,
        head: Vec<Para>,
        rows: Vec<Vec<Para>>,
        row: Vec<Para>,
    },
}

pub(super) struct Frame {
    pub(super) kind: Container,
    pub(super) blocks: Vec<Block>,
}

/// A piece of inline content before it becomes paragraphs.
pub(super) enum Item {
    Run(Run),
    /// A line break, in the style of the text around it.
    Break {
        hard: bool,
        style: Style,
    },
    /// `at`: where it starts in the text, for a note.
    Image {
        caption: String,
        path: String,
        at: usize,
    },
}

pub(super) enum Leaf {
    None,
    Inline {
        items: Vec<Item>,
        heading: Option<u8>,
        cell: bool,
    },
    Code {
        info: String,
        text: String,
    },
}

pub(super) struct Builder<'a> {
    pub(super) text: &'a str,
    pub(super) mode: Mode,
    pub(super) stack: Vec<Frame>,
    pub(super) leaf: Leaf,
    pub(super) bold: u32,
    pub(super) emph: u32,
    pub(super) strike: u32,
    /// Open links: the address and where their text starts in the leaf's items.
    pub(super) open_links: Vec<(String, usize)>,
    /// An open image: its caption so far and its path.
    pub(super) image: Option<(String, String)>,
    pub(super) links: Vec<String>,
    pub(super) notes: Vec<Note>,
}

pub fn parse(text: &str, mode: Mode) -> (Vec<Block>, Vec<Note>) {
    let mut b = Builder {
        text,
        mode,
        stack: vec![Frame {
            kind: Container::Root,
            blocks: Vec::new(),
        }],
        leaf: Leaf::None,
        bold: 0,
        emph: 0,
        strike: 0,
        open_links: Vec::new(),
        image: None,
        links: Vec::new(),
        notes: Vec::new(),
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        b.event(event, range);
    }
    b.finish()
}

impl Builder<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            // Text borrowed from the body is clean already (the loader cleaned it): only what
            // the parser decoded (character references, escapes) needs cleaning again.
            Event::Text(CowStr::Borrowed(t)) if matches!(self.leaf, Leaf::Inline { .. }) => {
                if self.image.is_none() {
                    self.push_text(t, self.style());
                } else {
                    self.text(t);
                }
            }
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                if let Some((caption, _)) = &mut self.image {
                    caption.push_str(&clean_cow(&t));
                } else {
                    self.mark("`");
                    self.run(
                        &t,
                        Style {
                            code: true,
                            ..self.style()
                        },
                    );
                    self.mark("`");
                }
            }
            Event::Html(t) => self.text(&t),
            Event::InlineHtml(t) => {
                let tag = clean_cow(&t).into_owned();
                if !self
                    .notes
                    .iter()
                    .any(|n| matches!(n.kind, NoteKind::InlineHtml(_)))
                {
                    self.note(range.start, NoteKind::InlineHtml(tag));
                }
                self.text(&t);
            }
            Event::SoftBreak => self.line_break(false),
            Event::HardBreak => self.line_break(true),
            Event::Rule => {
                self.close_leaf();
                self.push(Block::Rule);
            }
            Event::FootnoteReference(t) => self.text(&format!("[^{t}]")),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                self.close_leaf();
                if let Some(Frame {
                    kind: Container::Item,
                    ..
                }) = self.stack.last()
                {
                    let n = self.stack.len();
                    if let Some(Frame {
                        kind: Container::List { tight, .. },
                        ..
                    }) = n.checked_sub(2).and_then(|i| self.stack.get_mut(i))
                    {
                        *tight = false;
                    }
                }
                self.open_inline(None, false);
            }
            Tag::Heading { level, .. } => {
                self.close_leaf();
                self.open_inline(Some(level as u8), false);
            }
            Tag::BlockQuote(_) => self.open(Container::Quote),
            Tag::CodeBlock(kind) => {
                self.close_leaf();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => {
                        clean_cow(info.split_whitespace().next().unwrap_or_default()).into_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.leaf = Leaf::Code {
                    info,
                    text: String::new(),
                };
            }
            Tag::HtmlBlock => {
                self.close_leaf();
                self.note(range.start, NoteKind::HtmlBlock);
                self.leaf = Leaf::Code {
                    info: "html".into(),
                    text: String::new(),
                };
            }
            Tag::List(start) => self.open(Container::List {
                start,
                tight: true,
                items: Vec::new(),
            }),
            Tag::Item => self.open(Container::Item),
            Tag::Table(aligns) => self.open(Container::Table {
                align: aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        Alignment::Left | Alignment::None => Align::Left,
                    })
                    .collect(),
                head: Vec::new(),
                rows: Vec::new(),
                row: Vec::new(),
            }),
            Tag::TableCell => self.open_inline(None, true),
            Tag::Emphasis => self.emph += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => {
                let at = match &self.leaf {
                    Leaf::Inline { items, .. } => items.len(),
                    _ => 0,
                };
                self.open_links
                    .push((clean_cow(&dest_url).into_owned(), at));
            }
            Tag::Image { dest_url, .. } => {
                self.image = Some((String::new(), clean_cow(&dest_url).into_owned()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.close_leaf()
            }
            TagEnd::TableCell => self.close_leaf(),
            TagEnd::BlockQuote(_) => {
                let blocks = self.close_frame();
                self.push(Block::Quote(blocks));
            }
            TagEnd::Item => {
                let blocks = self.close_frame();
                if let Some(Frame {
                    kind: Container::List { items, .. },
                    ..
                }) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                self.close_leaf();
                if let Some(Frame {
                    kind: Container::List { .. },
                    ..
                }) = self.stack.last()
                    && let Some(Frame {
                        kind:
                            Container::List {
                                start,
                                tight,
                                items,
                            },
                        ..
                    }) = self.pop()
                {
                    self.push(Block::List {
                        start,
                        tight,
                        items,
                    });
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Frame {
                    kind:
                        Container::Table {
                            head, rows, row, ..
                        },
                    ..
                }) = self.stack.last_mut()
                {
                    let cells = std::mem::take(row);
                    if tag == TagEnd::TableHead {
                        *head = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(Frame {
                    kind: Container::Table { .. },
                    ..
                }) = self.stack.last()
                    && let Some(Frame {
                        kind:
                            Container::Table {
                                align, head, rows, ..
                            },
                        ..
                    }) = self.pop()
                {
                    let needs = table_min_width(&head, &rows);
                    if needs > usize::from(crate::layout::MAX_TEXT_WIDTH) {
                        let columns = super::columns(&head, &rows);
                        self.note(range.start, NoteKind::WideTable { columns, needs });
                    }
                    self.push(Block::Table { align, head, rows });
                }
            }
            TagEnd::Emphasis => self.emph = self.emph.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => self.close_link(),
            TagEnd::Image => {
                if let Some((caption, path)) = self.image.take() {
                    self.item(Item::Image {
                        caption: caption.trim().to_string(),
                        path: path.trim().to_string(),
                        at: range.start,
                    });
                }
            }
            _ => {}
        }
    }
}
