//! One block at a time: paragraphs, headings, lists (nested, with hanging indents), quotes,
//! code blocks, rules, diagrams and the list of a section's link addresses.
//!
//! Code blocks are never re-wrapped: each line keeps its spaces and breaks only where it
//! reaches the edge, and the rest continues on the next row behind a `↪` in the gutter
//! (instead of `│`), so the code's columns stay where they were and nothing is hidden.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::wrap::{seg, wrap};
use super::{Line, LineKind, table};
use crate::course::markup::{Block, Para, Run, Style};

/// The fewest columns of text a hanging indent leaves; narrower, the marker goes on a line
/// of its own and the text under it keeps the whole width.
const MIN_INNER: usize = 4;

/// Bullets by depth, so nested lists read apart without colour.
const BULLETS: [&str; 3] = ["• ", "◦ ", "▪ "];

pub(super) fn mark() -> Style {
    Style {
        mark: true,
        ..Style::default()
    }
}

pub(super) fn blocks(body: &[Block], width: usize, depth: usize, out: &mut Vec<Line>) {
    spaced(body, width, depth, true, out);
}

/// Blocks one after another, with a blank line between them when `gap` (not inside the
/// items of a tight list).
fn spaced(body: &[Block], width: usize, depth: usize, gap: bool, out: &mut Vec<Line>) {
    for (i, block) in body.iter().enumerate() {
        if i > 0 && gap {
            out.push(Line::blank());
        }
        one(block, width, depth, out);
    }
}

fn one(block: &Block, width: usize, depth: usize, out: &mut Vec<Line>) {
    match block {
        Block::Paragraph(p) => out.extend(wrap(p, width, "", "", LineKind::Text)),
        Block::Heading { level, text } => heading(*level, text, width, out),
        Block::List {
            start,
            tight,
            items,
        } => {
            let labels: Vec<String> = match start {
                None => vec![BULLETS[depth % BULLETS.len()].to_string(); items.len()],
                Some(n) => {
                    let last = n.saturating_add(items.len().saturating_sub(1) as u64);
                    let w = format!("{last}. ").len();
                    (0..items.len())
                        .map(|k| format!("{:>w$}", format!("{}. ", n.saturating_add(k as u64))))
                        .collect()
                }
            };
            for (k, (item, label)) in items.iter().zip(&labels).enumerate() {
                if k > 0 && !tight {
                    out.push(Line::blank());
                }
                let rest = " ".repeat(label.width());
                hang(label, &rest, None, width, out, |w, o| {
                    spaced(item, w, depth + 1, !tight, o)
                });
            }
        }
        Block::Quote(inner) => {
            let mut lines = Vec::new();
            hang("│ ", "│ ", Some("│"), width, &mut lines, |w, o| {
                blocks(inner, w, depth, o)
            });
            out.extend(lines.into_iter().map(|mut l| {
                if matches!(l.kind, LineKind::Text | LineKind::Blank) {
                    l.kind = LineKind::Quote;
                }
                l
            }));
        }
        Block::Code { info, lines } => code(info, lines, width, out),
        Block::Table { align, head, rows } => table::table(align, head, rows, width, out),
        Block::Rule => out.push(Line {
            kind: LineKind::Text,
            segs: vec![seg(&"─".repeat(width), mark())],
        }),
        Block::Diagram { caption, lines, .. } => {
            for l in lines {
                out.push(Line {
                    kind: LineKind::Diagram,
                    segs: vec![seg(l, Style::default())],
                });
            }
            if !caption.is_empty() {
                let p = Para(smallvec::smallvec![Run {
                    text: caption.clone().into(),
                    style: Style {
                        emph: true,
                        ..Style::default()
                    },
                }]);
                out.extend(wrap(&p, width, "", "", LineKind::Caption));
            }
        }
        Block::Links(urls) => {
            out.push(Line {
                kind: LineKind::Heading,
                segs: vec![seg("Links", Style::BOLD)],
            });
            let w = format!("[{}] ", urls.len()).len();
            for (k, url) in urls.iter().enumerate() {
                let label = format!("{:<w$}", format!("[{}]", k + 1));
                let p = Para(smallvec::smallvec![Run {
                    text: url.clone().into(),
                    style: Style {
                        link: true,
                        ..Style::default()
                    },
                }]);
                hang(&label, &" ".repeat(w), None, width, out, |w, o| {
                    o.extend(wrap(&p, w, "", "", LineKind::Text))
                });
            }
        }
    }
}

/// Headings: level 1 underlined with `═`, level 2 with `─`, level 3 marked `▸`, deeper `▹`;
/// all bold. The markers tell the levels apart in any theme.
fn heading(level: u8, text: &Para, width: usize, out: &mut Vec<Line>) {
    let bold = Para(
        text.0
            .iter()
            .map(|r| Run {
                text: r.text.clone(),
                style: Style {
                    bold: true,
                    ..r.style
                },
            })
            .collect(),
    );
    match level {
        1 | 2 => {
            let lines = wrap(&bold, width, "", "", LineKind::Heading);
            let w = lines
                .iter()
                .map(Line::width)
                .max()
                .unwrap_or(0)
                .clamp(1, width);
            out.extend(lines);
            let rule = if level == 1 { "═" } else { "─" };
            out.push(Line {
                kind: LineKind::Heading,
                segs: vec![seg(&rule.repeat(w), Style::default())],
            });
        }
        _ => {
            let marker = if level == 3 { "▸ " } else { "▹ " };
            hang(marker, "  ", None, width, out, |w, o| {
                o.extend(wrap(&bold, w, "", "", LineKind::Heading))
            });
        }
    }
}

/// Lines laid out by `lay` at the width left after a prefix: `first` before the first line,
/// `rest` before the others, `blank` (or nothing) on empty lines. Prefixes are in `mark`
/// style only for code and tables; list markers and quote bars are plain text.
pub(super) fn hang(
    first: &str,
    rest: &str,
    blank: Option<&str>,
    width: usize,
    out: &mut Vec<Line>,
    lay: impl FnOnce(usize, &mut Vec<Line>),
) {
    let p = first.width().max(rest.width());
    let mut inner = Vec::new();
    if width < p + MIN_INNER {
        let marker = cut(first.trim_end(), width);
        if !marker.is_empty() {
            out.push(Line {
                kind: LineKind::Text,
                segs: vec![seg(&marker, Style::default())],
            });
        }
        lay(width, out);
        return;
    }
    lay(width - p, &mut inner);
    for (k, mut line) in inner.into_iter().enumerate() {
        let prefix = if k == 0 { first } else { rest };
        if line.segs.is_empty() {
            if let Some(b) = blank {
                line.segs.push(seg(b, Style::default()));
            } else if k == 0 {
                line.segs.push(seg(prefix.trim_end(), Style::default()));
                line.kind = LineKind::Text;
            }
        } else {
            line.segs.insert(0, seg(prefix, Style::default()));
        }
        out.push(line);
    }
}

/// `text` cut to at most `width` columns, by grapheme.
pub(super) fn cut(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        used += g.width();
        if used > width {
            break;
        }
        out.push_str(g);
    }
    out
}

/// A code block: `╭─ info` above, `╰─` below, each line behind a `│ ` gutter, kept exactly;
/// a line wider than the text continues on the next row behind `↪ `.
fn code(info: &str, lines: &[String], width: usize, out: &mut Vec<Line>) {
    let edge = |text: String| Line {
        kind: LineKind::Code,
        segs: vec![seg(&cut(&text, width), mark())],
    };
    out.push(edge(if info.is_empty() {
        "╭─".to_string()
    } else {
        format!("╭─ {info}")
    }));
    let gutter = if width >= 3 { 2 } else { 0 };
    let code = Style {
        code: true,
        ..Style::default()
    };
    for l in lines {
        let chunks = columns(l, width - gutter);
        if chunks.is_empty() {
            out.push(edge("│".to_string()));
        }
        for (k, chunk) in chunks.iter().enumerate() {
            let mut segs = Vec::new();
            if gutter > 0 {
                segs.push(seg(if k == 0 { "│ " } else { "↪ " }, mark()));
            }
            segs.push(seg(chunk, code));
            out.push(Line {
                kind: LineKind::Code,
                segs,
            });
        }
    }
    out.push(edge("╰─".to_string()));
}

/// `text` cut into pieces of at most `width` columns (a wide character that does not fit
/// moves to the next piece); nothing when `text` is empty.
fn columns(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w > width && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            used = 0;
        }
        cur.push_str(g);
        used += w;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
