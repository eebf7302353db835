//! The review queue: every card of the course, sorted by due time, so "due now" and "due
//! this week" are two binary searches and never a pass per frame. It is rebuilt per module,
//! and only for the modules whose answers or reviews changed (`refresh`), so answering one
//! question re-schedules one module, not the course.

use jiff::Timestamp;

use super::card::{Card, Scheduler, add_days, card};
use crate::course::Course;
use crate::progress::Progress;

/// How many cards are due now, and how many more within the next seven days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueCounts {
    pub now: usize,
    pub week: usize,
    /// Every card (answered question) of the course.
    pub cards: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Queue {
    pub scheduler: Scheduler,
    /// Sorted by due time (oldest first), then module and question.
    cards: Vec<Card>,
    /// Per module: the answer and review counts the cards were worked out from.
    seen: Vec<(usize, usize)>,
}

fn module_key(progress: &Progress, id: &str) -> (usize, usize) {
    progress.module(id).map_or((0, 0), |m| {
        (
            m.attempts.iter().map(|a| a.responses.len()).sum(),
            m.reviews.len(),
        )
    })
}

impl Queue {
    pub fn new(scheduler: Scheduler, course: &Course, progress: &Progress) -> Queue {
        let mut q = Queue {
            scheduler,
            cards: Vec::new(),
            seen: Vec::new(),
        };
        q.refresh(course, progress);
        q
    }

    /// Bring the queue up to date with `progress`: modules whose answers or reviews did not
    /// change keep their cards. (Answers are only ever added or replaced, so the counts
    /// change whenever the schedule can; an answer replaced in a deferred attempt keeps the
    /// count, so the open module is compared by its latest answer time too.)
    pub fn refresh(&mut self, course: &Course, progress: &Progress) {
        if self.seen.len() != course.modules.len() {
            self.seen = vec![(usize::MAX, usize::MAX); course.modules.len()];
        }
        let mut changed = Vec::new();
        for (m, module) in course.modules.iter().enumerate() {
            let key = module_key(progress, &module.id);
            let open = progress
                .module(&module.id)
                .and_then(|p| p.open_attempt())
                .is_some();
            if key != self.seen[m] || open {
                self.seen[m] = key;
                changed.push(m);
            }
        }
        if changed.is_empty() {
            return;
        }
        self.cards.retain(|c| !changed.contains(&c.module));
        for &m in &changed {
            let module = &course.modules[m];
            let (attempts, reviews) = progress.module(&module.id).map_or((&[][..], &[][..]), |p| {
                (p.attempts.as_slice(), p.reviews.as_slice())
            });
            for q in 0..module.quiz.questions.len() {
                if let Some(c) = card(&self.scheduler, module, m, q, attempts, reviews) {
                    self.cards.push(c);
                }
            }
        }
        self.cards.sort_by_key(|c| (c.due, c.module, c.question));
    }

    /// Every card, oldest due first.
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    pub fn card(&self, module: usize, question: usize) -> Option<&Card> {
        self.cards
            .iter()
            .find(|c| c.module == module && c.question == question)
    }

    pub fn counts(&self, now: Timestamp) -> DueCounts {
        let due_now = self.cards.partition_point(|c| c.due <= now);
        let week = add_days(now, 7.0);
        let due_week = self.cards.partition_point(|c| c.due <= week);
        DueCounts {
            now: due_now,
            week: due_week - due_now,
            cards: self.cards.len(),
        }
    }

    /// The cards due at `now`, oldest due first, at most `limit`.
    pub fn due(&self, now: Timestamp, limit: usize) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .take_while(move |c| c.due <= now)
            .take(limit)
    }
}
