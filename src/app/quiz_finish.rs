//! The end of an attempt: the summary page of a deferred attempt (which questions are
//! answered, and "Submit all and finish", which asks for `y` first), and finishing.

use jiff::Timestamp;

use super::action::{Action, Effect};
use super::status;
use super::{App, BannerKind, QuizState, ResultsState, Screen};
use crate::quiz::Attempt;

impl App {
    /// The summary page of a deferred attempt: which questions are answered, and "Submit
    /// all and finish", which asks first.
    pub(super) fn on_summary(
        &mut self,
        mut s: QuizState,
        action: Action,
        attempt: &Attempt,
        now: Timestamp,
    ) -> Vec<Effect> {
        let total = attempt.questions.len();
        if s.confirm {
            return match action {
                Action::Confirm => self.finish_attempt(s.module, Some(now)),
                _ => self.cancel_confirm(s),
            };
        }
        match action {
            Action::Up => s.pick = s.pick.saturating_sub(1),
            Action::Down => s.pick = (s.pick + 1).min(total),
            Action::Top => s.pick = 0,
            Action::Bottom => s.pick = total,
            Action::Choose(n) if (1..=total).contains(&n) => s.pick = n - 1,
            Action::PrevPage if total > 0 => return self.go_question(s.module, total - 1, now),
            Action::Open | Action::Submit if s.pick < total => {
                return self.go_question(s.module, s.pick, now);
            }
            Action::Open | Action::Submit => s.confirm = true,
            _ => return Vec::new(),
        }
        self.screen = Screen::Quiz(s);
        Vec::new()
    }

    pub(super) fn cancel_confirm(&mut self, mut s: QuizState) -> Vec<Effect> {
        s.confirm = false;
        self.screen = Screen::Quiz(s);
        self.status = Some("Not submitted: your answers can still be changed.".into());
        Vec::new()
    }

    pub(super) fn finish_attempt(&mut self, m: usize, now: Option<Timestamp>) -> Vec<Effect> {
        let module_id = self.course.modules[m].id.clone();
        // The progress has changed since the standing was made (the last answer).
        self.refresh_if_changed();
        let was_complete = status::course_complete(self);
        let mp = self.progress.module_mut(&module_id);
        let index = mp.attempts.len().saturating_sub(1);
        if let Some(a) = mp.attempts.last_mut().filter(|a| !a.is_finished()) {
            // Without a clock (an attempt found fully answered on resume), it ended with
            // its last answer.
            let last = a.responses.iter().map(|r| r.at).max().unwrap_or(a.started);
            a.finished = Some(now.unwrap_or(last));
            a.current = None;
            a.drafts.clear();
        }
        self.dirty = true;
        self.draft_since = None;
        self.screen = Screen::Results(ResultsState::new(m, index));
        self.refresh_if_changed();
        if !was_complete && status::course_complete(self) {
            self.banner(
                BannerKind::Info,
                "You have completed the course. Press q for the map, then c to see your completion page.",
            );
        }
        self.save()
    }
}
