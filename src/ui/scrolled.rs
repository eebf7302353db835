//! Drawing a text taller than its area: the lines that fit at the scroll offset, with a
//! "more above" and a "more below" marker row, so nothing is ever cut off unseen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::Scroll;

/// The marker rows' texts (tests look for them).
pub const MORE_ABOVE: &str = "▲ more above";
pub const MORE_BELOW: &str = "▼ more below";

/// Draw `lines` in `area` at `scroll`'s offset, reporting the content's size to it. When
/// everything fits, no marker rows are used; otherwise the first and last rows are marker
/// rows (blank when there is nothing more that way). `keys` names the scroll keys.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: &Scroll,
    keys: &str,
    theme: &Theme,
) {
    let rows = usize::from(area.height);
    if lines.len() <= rows || rows < 3 {
        let skip = scroll.report(lines.len(), rows);
        super::text::draw(frame.buffer_mut(), area, lines.iter().skip(skip));
        return;
    }
    let view = rows - 2;
    let skip = scroll.report(lines.len(), view);
    let total = lines.len();
    window(frame, area, lines, skip, view, total, keys, theme);
}

/// Draw the `view` lines of `lines` from `start`, with marker rows, in `area`.
#[allow(clippy::too_many_arguments)]
pub fn window(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    start: usize,
    view: usize,
    total: usize,
    keys: &str,
    theme: &Theme,
) {
    let above = start > 0;
    let below = start + view < total;
    let mut shown = Vec::with_capacity(view + 2);
    shown.push(marker(above, MORE_ABOVE, start, keys, theme));
    shown.extend(lines.into_iter().skip(start).take(view));
    shown.push(marker(
        below,
        MORE_BELOW,
        total - (start + view).min(total),
        keys,
        theme,
    ));
    super::text::draw(frame.buffer_mut(), area, &shown);
}

fn marker(on: bool, text: &str, n: usize, keys: &str, theme: &Theme) -> Line<'static> {
    if on {
        let lines = if n == 1 { "line" } else { "lines" };
        Line::from(Span::styled(
            format!("{text} ({n} {lines}, {keys})"),
            theme.dim,
        ))
    } else {
        Line::from("")
    }
}

/// For a list with a selection: the first row to show so `selected` is in a `view`-row
/// window of `total` rows (marker rows taken off when it does not fit).
pub fn list_start(selected: usize, total: usize, rows: usize) -> (usize, usize) {
    if total <= rows || rows < 3 {
        let start = selected
            .saturating_sub(rows.max(1) - 1)
            .min(total.saturating_sub(rows));
        return (start, rows);
    }
    let view = rows - 2;
    let start = selected.saturating_sub(view - 1).min(total - view);
    (start, view)
}
