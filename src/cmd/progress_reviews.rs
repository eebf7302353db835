//! The spaced-review part of `syllabus progress show`: the due counts. (Each review's
//! export record is `report::reviews`'.)

use jiff::Timestamp;

use crate::course::Course;
use crate::progress::Progress;
use crate::spaced::{Queue, Scheduler};

/// "Review: 7 due now, 12 more this week (19 cards, 42 reviews)", once any question has a card.
/// Due times are the default scheduler's, as a session without a settings file has them.
pub fn due_line(course: &Course, progress: &Progress, now: Timestamp) -> Option<String> {
    let queue = Queue::new(Scheduler::default(), course, progress);
    let c = queue.counts(now);
    if c.cards == 0 {
        return None;
    }
    let reviews: usize = progress.modules.values().map(|m| m.reviews.len()).sum();
    let next = match queue.cards().first() {
        Some(card) if c.now == 0 => format!("; next {}", crate::app::spaced::when(card.due, now)),
        _ => String::new(),
    };
    Some(format!(
        "Review: {} due now, {} more this week ({} cards, {reviews} reviews{next})",
        c.now, c.week, c.cards
    ))
}
