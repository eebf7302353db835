//! Inline content: runs, links and their numbers, and closing a leaf block (paragraph,
//! heading, cell, code) into blocks. A second `impl` of the parser's builder.

use super::parse::{Builder, Container, Frame, Item, Leaf, Mode, Note, NoteKind};
use super::{Block, Para, Run, Style};
use crate::course::sanitize::clean_cow;

impl Builder<'_> {
    pub(super) fn open_inline(&mut self, heading: Option<u8>, cell: bool) {
        self.leaf = Leaf::Inline {
            items: Vec::new(),
            heading,
            cell,
        };
    }

    pub(super) fn open(&mut self, kind: Container) {
        self.close_leaf();
        self.stack.push(Frame {
            kind,
            blocks: Vec::new(),
        });
    }

    /// Pop the innermost container (never the root).
    pub(super) fn pop(&mut self) -> Option<Frame> {
        if self.stack.len() > 1 {
            self.stack.pop()
        } else {
            None
        }
    }

    pub(super) fn close_frame(&mut self) -> Vec<Block> {
        self.close_leaf();
        self.pop().map(|f| f.blocks).unwrap_or_default()
    }

    pub(super) fn push(&mut self, block: Block) {
        if let Some(f) = self.stack.last_mut() {
            f.blocks.push(block);
        }
    }

    pub(super) fn note(&mut self, at: usize, kind: NoteKind) {
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

    pub(super) fn finish(mut self) -> (Vec<Block>, Vec<Note>) {
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

    pub(super) fn line_break(&mut self, hard: bool) {
        match &mut self.image {
            Some((caption, _)) => caption.push(' '),
            None => {
                let style = self.style();
                self.item(Item::Break { hard, style })
            }
        }
    }

    pub(super) fn style(&self) -> Style {
        Style {
            bold: self.bold > 0,
            emph: self.emph > 0,
            strike: self.strike > 0,
            link: !self.open_links.is_empty(),
            ..Style::default()
        }
    }

    pub(super) fn text(&mut self, t: &str) {
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
    pub(super) fn run(&mut self, t: &str, style: Style) {
        let clean = clean_cow(t);
        if clean.contains('\n') {
            self.push_text(&clean.replace('\n', " "), style);
        } else {
            self.push_text(&clean, style);
        }
    }

    pub(super) fn mark(&mut self, t: &str) {
        let style = Style {
            mark: true,
            ..Style::default()
        };
        self.push_text(t, style);
    }

    /// Text onto the last run when it has the same style (most text comes in many events),
    /// else as a new run.
    pub(super) fn push_text(&mut self, t: &str, style: Style) {
        if let Leaf::Inline { items, .. } = &mut self.leaf
            && let Some(Item::Run(last)) = items.last_mut()
            && last.style == style
        {
            last.text.push_str(t);
            return;
        }
        self.item(Item::Run(Run {
            text: t.to_string().into(),
            style,
        }));
    }

    pub(super) fn item(&mut self, item: Item) {
        if matches!(self.leaf, Leaf::None) {
            // Text straight inside a list item (a tight list) has no paragraph of its own.
            self.open_inline(None, false);
        }
        if let Leaf::Inline { items, .. } = &mut self.leaf {
            items.push(item);
        }
    }

    pub(super) fn close_link(&mut self) {
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

    pub(super) fn close_leaf(&mut self) {
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
    pub(super) fn one_para(&mut self, items: Vec<Item>) -> Para {
        let mut runs = Vec::new();
        for item in items {
            self.inline(item, &mut runs);
        }
        merge(runs)
    }

    pub(super) fn inline(&mut self, item: Item, runs: &mut Vec<Run>) {
        match item {
            Item::Run(r) => runs.push(r),
            Item::Break { hard, style } => runs.push(Run {
                text: if hard { "\n" } else { " " }.to_string().into(),
                style,
            }),
            Item::Image { caption, path, at } => {
                if self.mode == Mode::Body
                    && !self
                        .notes
                        .iter()
                        .any(|n| matches!(n.kind, NoteKind::InlineDiagram(_)))
                {
                    self.note(at, NoteKind::InlineDiagram(path));
                }
                runs.push(Run {
                    text: caption.into(),
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
    pub(super) fn paragraphs(&mut self, items: Vec<Item>) {
        if self.mode == Mode::Prose || !items.iter().any(|i| matches!(i, Item::Image { .. })) {
            // No diagram to take out (nearly always): one paragraph, line breaks and all.
            let mut runs: Vec<Run> = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Item::Break { hard, style } => {
                        let text = if hard { "\n" } else { " " };
                        match runs.last_mut() {
                            Some(last) if last.style == style => last.text.push_str(text),
                            _ => runs.push(Run {
                                text: text.to_string().into(),
                                style,
                            }),
                        }
                    }
                    other => self.inline(other, &mut runs),
                }
            }
            return self.flush_para(&mut runs);
        }
        let mut lines: Vec<Vec<Item>> = vec![Vec::new()];
        let mut breaks: Vec<(bool, Style)> = Vec::new();
        for item in items {
            match item {
                Item::Break { hard, style } => {
                    lines.push(Vec::new());
                    breaks.push((hard, style));
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
                let (hard, style) = k
                    .checked_sub(1)
                    .and_then(|j| breaks.get(j).copied())
                    .unwrap_or_default();
                self.inline(Item::Break { hard, style }, &mut runs);
            }
            for item in line {
                self.inline(item, &mut runs);
            }
        }
        self.flush_para(&mut runs);
    }

    pub(super) fn flush_para(&mut self, runs: &mut Vec<Run>) {
        let p = merge(std::mem::take(runs));
        if !p.0.is_empty() {
            self.push(Block::Paragraph(p));
        }
    }
}

/// The caption and path of a line holding one image and nothing else but spaces.
fn lone_image(line: &[Item]) -> Option<(String, String)> {
    let mut found = None;
    for item in line {
        match item {
            Item::Image { caption, path, .. } if found.is_none() => {
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
    let mut out: smallvec::SmallVec<[Run; 1]> = smallvec::SmallVec::with_capacity(runs.len());
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
        first.text = first.text.trim_start().to_string().into();
    }
    if let Some(last) = out.last_mut()
        && last.text.ends_with(' ')
    {
        last.text = last.text.trim_end().to_string().into();
    }
    out.retain(|r| !r.text.is_empty());
    Para(out)
}
