//! Tables drawn with box lines: columns as wide as their widest cell when the table fits,
//! otherwise narrowed fairly (never below `TABLE_MIN_COLUMN`, or the widest cell) with the
//! cells wrapped; the header row is bold and ruled off with `═`. When even the narrowest
//! columns do not fit, each row is shown as a record of "header: cell" lines instead, so a
//! narrow terminal never breaks the frame.

use unicode_width::UnicodeWidthStr;

use super::block::{cut, mark};
use super::wrap::{push_seg, seg, wrap};
use super::{Line, LineKind, Seg};
use crate::course::markup::{
    Align, Para, Run, Style, TABLE_MIN_COLUMN, columns, natural_width, table_min_width,
};

pub(super) fn table(
    align: &[Align],
    head: &[Para],
    rows: &[Vec<Para>],
    width: usize,
    out: &mut Vec<Line>,
) {
    let n = columns(head, rows);
    if n == 0 {
        return;
    }
    if table_min_width(head, rows) > width {
        return records(head, rows, width, out);
    }
    let widths = fit(head, rows, width - (3 * n + 1));
    let head: Vec<Para> = head.iter().map(bold).collect();
    let cells: Vec<Vec<Vec<Line>>> = rows.iter().map(|r| cell_lines(r, &widths)).collect();
    let ruled = cells.iter().any(|r| r.iter().any(|c| c.len() > 1));
    out.push(border(&widths, "┌", "┬", "┐", "─"));
    draw_row(&cell_lines(&head, &widths), &widths, align, out);
    out.push(border(&widths, "╞", "╪", "╡", "═"));
    for (k, row) in cells.iter().enumerate() {
        if k > 0 && ruled {
            out.push(border(&widths, "├", "┼", "┤", "─"));
        }
        draw_row(row, &widths, align, out);
    }
    out.push(border(&widths, "└", "┴", "┘", "─"));
}

/// Column widths for `avail` columns of text: each starts at its narrowest and the space
/// left is shared out evenly among the columns that want more, up to their widest cell.
fn fit(head: &[Para], rows: &[Vec<Para>], avail: usize) -> Vec<usize> {
    let n = columns(head, rows);
    let natural: Vec<usize> = (0..n)
        .map(|i| natural_width(head, rows, i).max(1))
        .collect();
    let mut w: Vec<usize> = natural.iter().map(|&x| x.min(TABLE_MIN_COLUMN)).collect();
    let mut extra = avail.saturating_sub(w.iter().sum());
    // First let whole words fit: all of them if there is room, otherwise each column gets a
    // share of the room in proportion to what its longest word still needs.
    let need: Vec<usize> = (0..n)
        .map(|i| {
            longest_word(head, rows, i)
                .min(natural[i])
                .saturating_sub(w[i])
        })
        .collect();
    let total: usize = need.iter().sum();
    if total <= extra {
        w.iter_mut().zip(&need).for_each(|(w, n)| *w += n);
        extra -= total;
    } else if total > 0 {
        let shares: Vec<usize> = need.iter().map(|n| n * extra / total).collect();
        w.iter_mut().zip(&shares).for_each(|(w, s)| *w += s);
        extra -= shares.iter().sum::<usize>();
        // What rounding left goes to the columns that lost most to it.
        let room = extra + shares.iter().sum::<usize>();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(need[i] * room % total));
        for i in order {
            if extra == 0 {
                break;
            }
            if w[i] < natural[i] {
                w[i] += 1;
                extra -= 1;
            }
        }
    }
    loop {
        let wanting: Vec<usize> = (0..n).filter(|&i| w[i] < natural[i]).collect();
        if wanting.is_empty() || extra == 0 {
            return w;
        }
        let share = (extra / wanting.len()).max(1);
        for i in wanting {
            let give = share.min(natural[i] - w[i]).min(extra);
            w[i] += give;
            extra -= give;
        }
    }
}

/// The widest word in column `i`.
fn longest_word(head: &[Para], rows: &[Vec<Para>], i: usize) -> usize {
    rows.iter()
        .filter_map(|r| r.get(i))
        .chain(head.get(i))
        .flat_map(|p| p.0.iter())
        .flat_map(|r| r.text.split_whitespace())
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

fn bold(p: &Para) -> Para {
    Para(
        p.0.iter()
            .map(|r| Run {
                text: r.text.clone(),
                style: Style {
                    bold: true,
                    ..r.style
                },
            })
            .collect(),
    )
}

fn cell_lines(row: &[Para], widths: &[usize]) -> Vec<Vec<Line>> {
    let empty = Para::default();
    widths
        .iter()
        .enumerate()
        .map(|(i, &w)| wrap(row.get(i).unwrap_or(&empty), w, "", "", LineKind::Table))
        .collect()
}

fn border(widths: &[usize], left: &str, mid: &str, right: &str, fill: &str) -> Line {
    let mut text = left.to_string();
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            text.push_str(mid);
        }
        text.push_str(&fill.repeat(w + 2));
    }
    text.push_str(right);
    Line {
        kind: LineKind::Table,
        segs: vec![seg(&text, mark())],
    }
}

fn draw_row(cells: &[Vec<Line>], widths: &[usize], align: &[Align], out: &mut Vec<Line>) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    for r in 0..height {
        let mut segs: Vec<Seg> = vec![seg("│", mark())];
        for (i, &w) in widths.iter().enumerate() {
            let line = cells.get(i).and_then(|c| c.get(r));
            let used = line.map_or(0, Line::width);
            let pad = w.saturating_sub(used);
            let (before, after) = match align.get(i) {
                Some(Align::Right) => (pad, 0),
                Some(Align::Center) => (pad / 2, pad - pad / 2),
                _ => (0, pad),
            };
            push_seg(&mut segs, &" ".repeat(before + 1), Style::default());
            for s in line.map_or(&[][..], |l| &l.segs[..]) {
                push_seg(&mut segs, &s.text, s.style);
            }
            push_seg(&mut segs, &" ".repeat(after + 1), Style::default());
            segs.push(seg("│", mark()));
        }
        out.push(Line {
            kind: LineKind::Table,
            segs,
        });
    }
}

/// One block per row: `┌─ 1 of 3`, then each cell as "header: text" behind a `│ ` gutter.
fn records(head: &[Para], rows: &[Vec<Para>], width: usize, out: &mut Vec<Line>) {
    let n = columns(head, rows);
    let empty = Para::default();
    let only_head = [Vec::new()];
    let shown: &[Vec<Para>] = if rows.is_empty() { &only_head } else { rows };
    let gutter = width >= 6;
    let edge = |text: String| Line {
        kind: LineKind::Table,
        segs: vec![seg(&cut(&text, width), mark())],
    };
    for (k, row) in shown.iter().enumerate() {
        let corner = if k == 0 { "┌─" } else { "├─" };
        out.push(edge(format!("{corner} {} of {}", k + 1, shown.len())));
        for i in 0..n {
            let label = head.get(i).unwrap_or(&empty);
            let cell = row.get(i).unwrap_or(&empty);
            let mut p = bold(label).0;
            if !label.0.is_empty() && !cell.0.is_empty() {
                p.push(Run {
                    text: ": ".into(),
                    style: Style::BOLD,
                });
            }
            p.extend(cell.0.iter().cloned());
            let inner = if gutter { width - 2 } else { width };
            for mut line in wrap(&Para(p), inner, "", "  ", LineKind::Table) {
                if gutter {
                    line.segs.insert(0, seg("│ ", mark()));
                }
                out.push(line);
            }
        }
    }
    out.push(edge("└─".to_string()));
}
