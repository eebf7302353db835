//! One scroll position for every scrolling text that the state does not lay out itself
//! (quiz feedback, reviews). The view reports how far its content can scroll each time it
//! draws (as television's `UiState` does), and every change clamps to that, so scrolling
//! past the end never leaves presses of ↑ that do nothing.

use std::cell::Cell;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scroll {
    offset: u16,
    /// The largest offset the content allows, as last drawn (None before the first draw).
    limit: Cell<Option<u16>>,
    /// The rows the content was last drawn in (for paging; 0 before the first draw).
    rows: Cell<u16>,
}

impl Scroll {
    /// The first line shown.
    pub fn offset(&self) -> u16 {
        self.limit.get().map_or(self.offset, |l| self.offset.min(l))
    }

    /// Move by `lines` (negative is up), within the content.
    pub fn by(&mut self, lines: i32) {
        let next = (i32::from(self.offset()) + lines).clamp(0, i32::from(u16::MAX)) as u16;
        self.offset = self.limit.get().map_or(next, |l| next.min(l));
    }

    /// Move by a page of what was last drawn (one row kept in view), `pages` negative up.
    pub fn page(&mut self, pages: i32, fallback: u16) {
        let rows = match self.rows.get() {
            0 => fallback,
            r => r,
        };
        self.by(pages * i32::from(rows.saturating_sub(1).max(1)));
    }

    pub fn top(&mut self) {
        self.offset = 0;
    }

    /// Whether there is more below what is shown.
    pub fn more_below(&self) -> bool {
        self.limit.get().is_some_and(|l| self.offset() < l)
    }

    /// Follow a scrolling action (↓ ↑, a page, the mouse wheel, the top); others do nothing.
    pub fn follow(&mut self, action: &super::Action) {
        use super::Action;
        match action {
            Action::Down => self.by(1),
            Action::Up => self.by(-1),
            Action::PageDown => self.page(1, 1),
            Action::PageUp => self.page(-1, 1),
            Action::Scroll(d) => self.by(i32::from(*d)),
            Action::Top => self.top(),
            _ => {}
        }
    }

    /// Called by the view while drawing: the content is `lines` long in a `rows`-high
    /// viewport. Returns the offset to draw at.
    pub fn report(&self, lines: usize, rows: usize) -> usize {
        let max = lines.saturating_sub(rows).min(usize::from(u16::MAX)) as u16;
        self.limit.set(Some(max));
        self.rows.set(rows.min(usize::from(u16::MAX)) as u16);
        usize::from(self.offset.min(max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_past_the_end_stops_at_the_end() {
        let mut s = Scroll::default();
        s.report(30, 10);
        for _ in 0..50 {
            s.by(1);
        }
        assert_eq!(s.offset(), 20);
        s.by(-1);
        assert_eq!(s.offset(), 19, "one press of ↑ moves at once");
        assert!(s.more_below());
    }
}
