//! Splitting an area into rows or columns without ratatui's constraint solver.
//!
//! `Layout::split` solves its constraints with a Cassowary solver (kasuari). ratatui caches
//! the answer, so later frames are cheap, but the first frame of the map solved three layouts
//! for about 1.3 M instructions, a fifth of a whole start (callgrind; docs/performance.md,
//! "Start-up, third pass"). The screens drawn first split in simple ways: rows of fixed
//! height around one that takes the rest, and two columns by percentage. Those are worked
//! out here by arithmetic, to the same cells as the solver (the tests compare every size);
//! anything else, and any split that does not fit its area, is handed to `Layout`.

use ratatui::layout::{Constraint, Layout, Rect};

/// One part of a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Exactly this many rows (or columns).
    Len(u16),
    /// What the fixed parts leave, and at least this many.
    Rest(u16),
}

impl Part {
    fn constraint(self) -> Constraint {
        match self {
            Part::Len(n) => Constraint::Length(n),
            Part::Rest(n) => Constraint::Min(n),
        }
    }
}

/// `area` split into rows, top to bottom: as `Layout::vertical` with `Length` and `Min`
/// constraints gives them.
pub fn rows<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
    match fit(area.height, &parts) {
        Some(sizes) => {
            let mut y = area.y;
            sizes.map(|h| {
                let r = Rect::new(area.x, y, area.width, h);
                y += h;
                r
            })
        }
        None => Layout::vertical(parts.map(Part::constraint)).areas(area),
    }
}

/// `area` split into two columns, the first `percent` of its width: as
/// `Layout::horizontal([Percentage(percent), Percentage(100 - percent)])` gives them.
pub fn columns(area: Rect, percent: u16) -> [Rect; 2] {
    if percent > 100 {
        return Layout::horizontal([
            Constraint::Percentage(percent),
            Constraint::Percentage(100u16.saturating_sub(percent)),
        ])
        .areas(area);
    }
    // The solver rounds the first column's share to the nearest cell, halves up.
    let left = ((u32::from(area.width) * u32::from(percent) + 50) / 100) as u16;
    [
        Rect::new(area.x, area.y, left, area.height),
        Rect::new(area.x + left, area.y, area.width - left, area.height),
    ]
}

/// The sizes of `parts` in `total` cells, when the fixed parts and the rest's minimum fit
/// and exactly one part is the rest; `None` when the solver has to decide.
fn fit<const N: usize>(total: u16, parts: &[Part; N]) -> Option<[u16; N]> {
    let mut fixed: u16 = 0;
    let mut rest = None;
    for (i, p) in parts.iter().enumerate() {
        match *p {
            Part::Len(n) => fixed = fixed.checked_add(n)?,
            Part::Rest(min) => {
                if rest.replace((i, min)).is_some() {
                    return None;
                }
            }
        }
    }
    let (at, min) = rest?;
    let left = total.checked_sub(fixed)?;
    if left < min {
        return None;
    }
    let mut sizes = [0; N];
    for (i, p) in parts.iter().enumerate() {
        sizes[i] = match *p {
            Part::Len(n) => n,
            Part::Rest(_) => left,
        };
    }
    debug_assert!(sizes[at] == left);
    Some(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solver_rows<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
        Layout::vertical(parts.map(Part::constraint)).areas(area)
    }

    #[test]
    fn rows_match_the_solver_at_every_height() {
        for h in 0..=120u16 {
            let area = Rect::new(3, 2, 57, h);
            for banners in 0..=4 {
                let chrome = [
                    Part::Len(1),
                    Part::Len(1),
                    Part::Len(banners),
                    Part::Rest(1),
                    Part::Len(1),
                    Part::Len(1),
                ];
                assert_eq!(
                    rows(area, chrome),
                    solver_rows(area, chrome),
                    "h {h} b {banners}"
                );
            }
            let map = [Part::Len(1), Part::Len(1), Part::Rest(1)];
            assert_eq!(rows(area, map), solver_rows(area, map), "h {h}");
            for list in 0..=h + 2 {
                let split = [Part::Len(list), Part::Rest(0)];
                assert_eq!(
                    rows(area, split),
                    solver_rows(area, split),
                    "h {h} list {list}"
                );
            }
        }
    }

    #[test]
    fn columns_match_the_solver_at_every_width() {
        for w in 0..=400u16 {
            let area = Rect::new(1, 4, w, 20);
            for pct in [0, 1, 33, 45, 50, 55, 67, 99, 100] {
                let solver = Layout::horizontal([
                    Constraint::Percentage(pct),
                    Constraint::Percentage(100 - pct),
                ])
                .areas(area);
                assert_eq!(columns(area, pct), solver, "w {w} pct {pct}");
            }
        }
    }

    #[test]
    fn a_split_that_does_not_fit_is_left_to_the_solver() {
        let area = Rect::new(0, 0, 10, 3);
        let parts = [Part::Len(2), Part::Rest(1), Part::Len(2)];
        assert_eq!(fit(area.height, &parts), None);
        assert_eq!(rows(area, parts), solver_rows(area, parts));
    }
}
