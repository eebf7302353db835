//! pulldown-cmark's events mapped into `Block`s: containers (quotes, lists, items, tables) on
//! a stack, one leaf (paragraph, heading, cell, code) open at a time.

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::{Align, Block, Para, Run, Style, table_min_width};
use crate::course::sanitize::clean_cow;

/// What a body holds that the screen cannot show well, for `check` to warn about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The line of the body it starts on, from 1.
    pub line: usize,
    /// That line, trimmed, to find it in the course file.
    pub snippet: String,
    pub kind: NoteKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// An HTML block: shown as its source text.
    HtmlBlock,
    /// Inline HTML, such as `<br>`: shown as written.
    InlineHtml(String),
    /// `![caption](file)` inside a line of text (or a heading or cell): shown as its caption.
    InlineDiagram(String),
    /// A table that needs `needs` columns even with every column at its narrowest.
    WideTable { columns: usize, needs: usize },
}

impl Note {
    pub fn message(&self) -> String {
        match &self.kind {
            NoteKind::HtmlBlock => "an HTML block is shown as plain text".to_string(),
            NoteKind::InlineHtml(tag) => format!("inline HTML `{tag}` is shown as written"),
            NoteKind::InlineDiagram(path) => {
                format!("the diagram `{path}` is inside a line of text, so only its caption shows")
            }
            NoteKind::WideTable { columns, needs } => format!(
                "a table of {columns} columns needs {needs} columns even with its columns at their narrowest; lesson text is at most {} wide, so it always shows one record at a time",
                crate::layout::MAX_TEXT_WIDTH
            ),
        }
    }

    pub fn hint(&self) -> &'static str {
        match self.kind {
            NoteKind::HtmlBlock | NoteKind::InlineHtml(_) => {
                "a terminal cannot draw HTML: write it in CommonMark, or put it in a code block to show it as code"
            }
            NoteKind::InlineDiagram(_) => "put `![caption](file)` on a line of its own",
            NoteKind::WideTable { .. } => "split the table, or turn some columns into rows",
        }
    }
}

/// Where the text is going: a lesson body (links numbered at the end, diagrams) or a short
/// prose field (links shown inline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Body,
    Prose,
}

/// Bytes that can start inline markup or a character reference anywhere in a line.
fn is_inline_special(b: u8) -> bool {
    matches!(
        b,
        b'*' | b'_' | b'`' | b'[' | b'<' | b'&' | b'\\' | b'~' | b'|'
    )
}

/// The paragraphs of a text that holds no CommonMark syntax at all (most prompts and
/// options): the same result as the parser, without it. `None` when the parser is needed.
pub fn plain_paragraphs(text: &str) -> Option<Vec<Para>> {
    // No early exit, so the check compiles to a vector loop.
    let special = text
        .bytes()
        .fold(false, |any, b| any | is_inline_special(b));
    if special {
        return None;
    }
    let mut paras = Vec::new();
    let mut cur = String::new();
    for line in text.split('\n') {
        let body = line.trim_start_matches(' ');
        if body.is_empty() {
            if !cur.is_empty() {
                paras.push(plain_para(std::mem::take(&mut cur)));
            }
            continue;
        }
        let indent = line.len() - body.len();
        let starts_block = matches!(body.as_bytes()[0], b'-' | b'+' | b'=' | b'#' | b'>' | b':')
            || body.as_bytes()[0].is_ascii_digit();
        if indent >= 4 || starts_block || line.ends_with("  ") {
            return None;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(body.trim_end_matches(' '));
    }
    if !cur.is_empty() {
        paras.push(plain_para(cur));
    }
    Some(paras)
}

fn plain_para(text: String) -> Para {
    Para(vec![Run {
        text,
        style: Style::default(),
    }])
}

enum Container {
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

struct Frame {
    kind: Container,
    blocks: Vec<Block>,
}

/// A piece of inline content before it becomes paragraphs.
enum Item {
    Run(Run),
    Break { hard: bool },
    Image { caption: String, path: String },
}

enum Leaf {
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

struct Builder<'a> {
    text: &'a str,
    mode: Mode,
    stack: Vec<Frame>,
    leaf: Leaf,
    bold: u32,
    emph: u32,
    strike: u32,
    /// Open links: the address and where their text starts in the leaf's items.
    open_links: Vec<(String, usize)>,
    /// An open image: its caption so far and its path.
    image: Option<(String, String)>,
    links: Vec<String>,
    notes: Vec<Note>,
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
                    });
                }
            }
            _ => {}
        }
    }

    fn line_break(&mut self, hard: bool) {
        match &mut self.image {
            Some((caption, _)) => caption.push(' '),
            None => self.item(Item::Break { hard }),
        }
    }

    fn style(&self) -> Style {
        Style {
            bold: self.bold > 0,
            emph: self.emph > 0,
            strike: self.strike > 0,
            link: !self.open_links.is_empty(),
            ..Style::default()
        }
    }

    fn text(&mut self, t: &str) {
        if let Some((caption, _)) = &mut self.image {
            caption.push_str(&clean_cow(t));
            return;
        }
        if let Leaf::Code { text, .. } = &mut self.leaf {
            text.push_str(&clean_cow(t));
            return;
        }
        self.run(t, self.style());
    }

    /// Inline text; a newline can only come from a character reference here, and is a space.
    fn run(&mut self, t: &str, style: Style) {
        let clean = clean_cow(t);
        let text = if clean.contains('\n') {
            clean.replace('\n', " ")
        } else {
            clean.into_owned()
        };
        self.item(Item::Run(Run { text, style }));
    }

    fn mark(&mut self, t: &str) {
        let style = Style {
            mark: true,
            ..Style::default()
        };
        self.item(Item::Run(Run {
            text: t.to_string(),
            style,
        }));
    }

    fn item(&mut self, item: Item) {
        if matches!(self.leaf, Leaf::None) {
            // Text straight inside a list item (a tight list) has no paragraph of its own.
            self.open_inline(None, false);
        }
        if let Leaf::Inline { items, .. } = &mut self.leaf {
            items.push(item);
        }
    }

    fn close_link(&mut self) {
        let Some((url, at)) = self.open_links.pop() else {
            return;
        };
        let shown: String = match &self.leaf {
            Leaf::Inline { items, .. } => items
                .get(at..)
                .unwrap_or_default()
                .iter()
                .filter_map(|i| match i {
                    Item::Run(r) => Some(r.text.as_str()),
                    _ => None,
                })
                .collect(),
            _ => String::new(),
        };
        let shown = shown.trim();
        if url.is_empty() || shown == url || url.strip_prefix("mailto:") == Some(shown) {
            return;
        }
        match self.mode {
            Mode::Body => {
                let n = match self.links.iter().position(|u| *u == url) {
                    Some(k) => k + 1,
                    None => {
                        self.links.push(url);
                        self.links.len()
                    }
                };
                self.mark(&format!("[{n}]"));
            }
            Mode::Prose => self.mark(&format!(" ({url})")),
        }
    }

    fn open_inline(&mut self, heading: Option<u8>, cell: bool) {
        self.leaf = Leaf::Inline {
            items: Vec::new(),
            heading,
            cell,
        };
    }

    fn open(&mut self, kind: Container) {
        self.close_leaf();
        self.stack.push(Frame {
            kind,
            blocks: Vec::new(),
        });
    }

    /// Pop the innermost container (never the root).
    fn pop(&mut self) -> Option<Frame> {
        if self.stack.len() > 1 {
            self.stack.pop()
        } else {
            None
        }
    }

    fn close_frame(&mut self) -> Vec<Block> {
        self.close_leaf();
        self.pop().map(|f| f.blocks).unwrap_or_default()
    }

    fn push(&mut self, block: Block) {
        if let Some(f) = self.stack.last_mut() {
            f.blocks.push(block);
        }
    }

    fn note(&mut self, at: usize, kind: NoteKind) {
        let before = self.text.get(..at).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let snippet = self.text[start..]
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        self.notes.push(Note {
            line,
            snippet,
            kind,
        });
    }

    fn close_leaf(&mut self) {
        match std::mem::replace(&mut self.leaf, Leaf::None) {
            Leaf::None => {}
            Leaf::Code { info, text } => {
                let mut lines: Vec<String> =
                    text.lines().map(|l| l.trim_end().to_string()).collect();
                while lines.last().is_some_and(String::is_empty) {
                    lines.pop();
                }
                self.push(Block::Code { info, lines });
            }
            Leaf::Inline {
                items,
                heading,
                cell,
            } => {
                if cell {
                    let p = self.one_para(items);
                    if let Some(Frame {
                        kind: Container::Table { row, .. },
                        ..
                    }) = self.stack.last_mut()
                    {
                        row.push(p);
                    }
                } else if let Some(level) = heading {
                    let text = self.one_para(items);
                    self.push(Block::Heading { level, text });
                } else {
                    self.paragraphs(items);
                }
            }
        }
    }

    /// Inline items as one paragraph: diagrams become their caption.
    fn one_para(&mut self, items: Vec<Item>) -> Para {
        let mut runs = Vec::new();
        for item in items {
            self.inline(item, &mut runs);
        }
        merge(runs)
    }

    fn inline(&mut self, item: Item, runs: &mut Vec<Run>) {
        match item {
            Item::Run(r) => runs.push(r),
            Item::Break { hard } => runs.push(Run {
                text: if hard { "\n" } else { " " }.to_string(),
                style: Style::default(),
            }),
            Item::Image { caption, path } => {
                if self.mode == Mode::Body
                    && !self
                        .notes
                        .iter()
                        .any(|n| matches!(n.kind, NoteKind::InlineDiagram(_)))
                {
                    let at = self.text.find(&format!("]({path}")).unwrap_or(0);
                    self.note(at, NoteKind::InlineDiagram(path));
                }
                runs.push(Run {
                    text: caption,
                    style: Style {
                        emph: true,
                        ..Style::default()
                    },
                });
            }
        }
    }

    /// A paragraph's items as blocks: an image alone on its line is a diagram and splits the
    /// paragraph around it, as the text diagrams of the course have always worked.
    fn paragraphs(&mut self, items: Vec<Item>) {
        let mut lines: Vec<Vec<Item>> = vec![Vec::new()];
        let mut breaks: Vec<bool> = Vec::new();
        for item in items {
            match item {
                Item::Break { hard } => {
                    lines.push(Vec::new());
                    breaks.push(hard);
                }
                other => {
                    if let Some(l) = lines.last_mut() {
                        l.push(other);
                    }
                }
            }
        }
        let mut runs: Vec<Run> = Vec::new();
        for (k, line) in lines.into_iter().enumerate() {
            if self.mode == Mode::Body
                && let Some((caption, path)) = lone_image(&line)
            {
                self.flush_para(&mut runs);
                self.push(Block::Diagram {
                    caption,
                    path,
                    lines: Vec::new(),
                });
                continue;
            }
            if !runs.is_empty() {
                let hard = k > 0 && breaks.get(k - 1).copied().unwrap_or(false);
                self.inline(Item::Break { hard }, &mut runs);
            }
            for item in line {
                self.inline(item, &mut runs);
            }
        }
        self.flush_para(&mut runs);
    }

    fn flush_para(&mut self, runs: &mut Vec<Run>) {
        let p = merge(std::mem::take(runs));
        if !p.0.is_empty() {
            self.push(Block::Paragraph(p));
        }
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Note>) {
        self.close_leaf();
        while self.stack.len() > 1 {
            let blocks = self.close_frame();
            self.push(Block::Quote(blocks));
        }
        let mut blocks = self.stack.pop().map(|f| f.blocks).unwrap_or_default();
        if !self.links.is_empty() {
            blocks.push(Block::Links(self.links));
        }
        (blocks, self.notes)
    }
}

/// The caption and path of a line holding one image and nothing else but spaces.
fn lone_image(line: &[Item]) -> Option<(String, String)> {
    let mut found = None;
    for item in line {
        match item {
            Item::Image { caption, path } if found.is_none() => {
                found = Some((caption.clone(), path.clone()))
            }
            Item::Run(r) if r.text.trim().is_empty() => {}
            _ => return None,
        }
    }
    found.filter(|(_, path)| !path.is_empty())
}

/// Join neighbouring runs of one style, and drop empty ones.
fn merge(runs: Vec<Run>) -> Para {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        if r.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.style == r.style => last.text.push_str(&r.text),
            _ => out.push(r),
        }
    }
    // Spaces left at the edges by a diagram taken out of the paragraph.
    if let Some(first) = out.first_mut()
        && first.text.starts_with(' ')
    {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = out.last_mut()
        && last.text.ends_with(' ')
    {
        last.text = last.text.trim_end().to_string();
    }
    out.retain(|r| !r.text.is_empty());
    Para(out)
}
