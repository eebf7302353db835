//! The attempt history of one module: every attempt, full and practice, numbered the one
//! way `report::attempts` counts them; Enter opens an attempt's review. Opened with `h`
//! on the map and on the results screen.

use super::action::Effect;
use super::{Action, App, ResultsState, ReviewState, Screen};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryState {
    pub module: usize,
    /// The highlighted row: an index into the module's attempts.
    pub selected: usize,
    /// Opened from the results of this attempt (index), so Back returns there.
    pub from_results: Option<usize>,
}

impl App {
    /// Show module `m`'s attempts, the latest highlighted.
    pub(super) fn open_history(&mut self, m: usize, from_results: Option<usize>) -> Vec<Effect> {
        let n = self.attempts(m).len();
        if n == 0 {
            self.status =
                Some("No attempts yet: the history lists them once you take the quiz.".into());
            return Vec::new();
        }
        self.screen = Screen::History(HistoryState {
            module: m,
            selected: n - 1,
            from_results,
        });
        Vec::new()
    }

    pub(super) fn on_history(&mut self, s: HistoryState, action: Action) -> Vec<Effect> {
        let last = self.attempts(s.module).len().saturating_sub(1);
        let page = usize::from(self.height.saturating_sub(8).max(1));
        let selected = match action {
            Action::Up => s.selected.saturating_sub(1),
            Action::Down => (s.selected + 1).min(last),
            Action::PageUp => s.selected.saturating_sub(page),
            Action::PageDown => (s.selected + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Scroll(d) => (s.selected as i64 + i64::from(d)).clamp(0, last as i64) as usize,
            Action::Open => {
                self.screen = Screen::Review(ReviewState {
                    module: s.module,
                    attempt: s.selected,
                    question: 0,
                    scroll: Default::default(),
                    history: Some(s),
                });
                return Vec::new();
            }
            Action::Back => return self.leave_history(s),
            _ => return Vec::new(),
        };
        self.screen = Screen::History(HistoryState { selected, ..s });
        Vec::new()
    }

    pub(super) fn leave_history(&mut self, s: HistoryState) -> Vec<Effect> {
        match s.from_results {
            Some(attempt) if attempt < self.attempts(s.module).len() => {
                self.screen = Screen::Results(ResultsState::new(s.module, attempt));
                Vec::new()
            }
            _ => self.go_map(Some(s.module)),
        }
    }
}
