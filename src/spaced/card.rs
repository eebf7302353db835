//! One card's schedule: its answers (quiz responses and reviews that still apply to the
//! question as it is now), replayed in time order through FSRS. A wrong answer is due again
//! in ten minutes (like Anki's relearning step, so a lapse comes back in the same sitting
//! or the next); any other answer after FSRS's interval for the desired retention, rounded
//! to whole days and at least one.

use fsrs::{FSRS, MemoryState};
use jiff::{SignedDuration, Timestamp};

use super::{Rating, Review};
use crate::course::{Module, Question};
use crate::quiz::Attempt;

/// How long a card answered wrong waits before it is due again.
pub const RELEARN_MINUTES: i64 = 10;

/// FSRS with the learner's parameters (or the defaults) and the desired retention.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    pub retention: f32,
}

impl Default for Scheduler {
    fn default() -> Scheduler {
        Scheduler::new(&[], 0.9)
    }
}

impl Scheduler {
    /// Parameters that FSRS rejects fall back to its defaults; the retention is kept
    /// between 0.7 and 0.99 (the range FSRS is meant for).
    pub fn new(parameters: &[f32], retention: f64) -> Scheduler {
        let fsrs = FSRS::new(parameters)
            .or_else(|_| FSRS::new(&[]))
            .unwrap_or_default();
        Scheduler {
            fsrs,
            retention: retention.clamp(0.7, 0.99) as f32,
        }
    }

    /// After an answer rated `rating`, `elapsed` days after the previous one (or the first,
    /// with `state` None): the new memory state and the days until the card is due.
    pub fn step(
        &self,
        state: Option<MemoryState>,
        elapsed: f64,
        rating: Rating,
    ) -> (MemoryState, f64) {
        let days = elapsed.max(0.0).floor() as u32;
        let Ok(next) = self.fsrs.next_states(state, self.retention, days) else {
            // FSRS refuses only impossible states; start the card afresh rather than stop.
            return (fallback(), 1.0);
        };
        let chosen = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        let interval = if rating == Rating::Again {
            RELEARN_MINUTES as f64 / (24.0 * 60.0)
        } else {
            f64::from(chosen.interval).round().max(1.0)
        };
        (chosen.memory, interval)
    }
}

fn fallback() -> MemoryState {
    MemoryState {
        stability: 1.0,
        difficulty: 5.0,
    }
}

/// A question's place in the review queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Module and question indexes in the course.
    pub module: usize,
    pub question: usize,
    pub due: Timestamp,
    pub last: Timestamp,
    pub state: MemoryState,
    /// Answers counted (quiz answers and reviews).
    pub reps: u32,
}

/// One answer that counts for the schedule: when, and how well.
pub fn events(
    question: &Question,
    attempts: &[Attempt],
    reviews: &[Review],
) -> Vec<(Timestamp, Rating)> {
    let mut out: Vec<(Timestamp, Rating)> = attempts
        .iter()
        .flat_map(|a| &a.responses)
        .filter(|r| r.question == question.id && question.answered_as_is(&r.hash))
        .map(|r| (r.at, Rating::of(r.points, r.correct, None, 0.0)))
        .chain(
            reviews
                .iter()
                .filter(|r| r.card == question.id && question.answered_as_is(&r.hash))
                .map(|r| (r.at, r.rating)),
        )
        .collect();
    out.sort_by_key(|e| e.0);
    out
}

/// Days between two times, as a fraction.
pub fn days_between(from: Timestamp, to: Timestamp) -> f64 {
    to.duration_since(from).as_secs_f64() / 86_400.0
}

/// Replay `events` (in time order); None when there are none (the card does not exist).
pub fn replay(
    s: &Scheduler,
    events: &[(Timestamp, Rating)],
) -> Option<(Timestamp, Timestamp, MemoryState, u32)> {
    let mut state: Option<MemoryState> = None;
    let mut last: Option<Timestamp> = None;
    let mut due = None;
    for &(at, rating) in events {
        let elapsed = last.map_or(0.0, |l| days_between(l, at));
        let (next, interval) = s.step(state, elapsed, rating);
        state = Some(next);
        last = Some(at);
        due = Some(add_days(at, interval));
    }
    Some((due?, last?, state?, events.len() as u32))
}

pub fn add_days(at: Timestamp, days: f64) -> Timestamp {
    let secs = (days * 86_400.0).round() as i64;
    at.checked_add(SignedDuration::from_secs(secs))
        .unwrap_or(at)
}

/// The card of question `question` of `module` (index `m` in the course), if it has been
/// answered as it is now.
pub fn card(
    s: &Scheduler,
    module: &Module,
    m: usize,
    question: usize,
    attempts: &[Attempt],
    reviews: &[Review],
) -> Option<Card> {
    let q = module.quiz.questions.get(question)?;
    let ev = events(q, attempts, reviews);
    let (due, last, state, reps) = replay(s, &ev)?;
    Some(Card {
        module: m,
        question,
        due,
        last,
        state,
        reps,
    })
}
