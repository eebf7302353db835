//! Spaced review: every question the learner has answered is a card, scheduled with the
//! `fsrs` crate (the FSRS scheduler Anki uses). This module is pure: the cards are worked
//! out from the course and the progress (quiz answers and the review log), so a stale
//! question starts again from its answers since the change, and a retired one has no card.
//! It owns the rating rule, the schedule (`card`), the queue (`queue`) and the review log's
//! record (`Review`); the review screen is `app::spaced`.

pub mod card;
pub mod libm;
pub mod queue;
pub mod session;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::course::{Question, QuestionKind};
use crate::quiz::Answer;

pub use card::{Card, Scheduler};
pub use queue::{DueCounts, Queue};
pub use session::{Session, SessionCard};

/// How well a question was recalled, as FSRS counts it (1 to 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub fn number(self) -> u32 {
        match self {
            Rating::Again => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::Easy => 4,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// The rating an answer earns: wrong is Again, partly right Hard, right Good, and right
    /// within `quick_seconds` (see `quick_seconds`) Easy. `seconds` is `None` for answers
    /// given in a quiz, whose answering time is not measured: those are at most Good.
    pub fn of(points: f64, correct: bool, seconds: Option<f64>, quick: f64) -> Rating {
        if correct {
            match seconds {
                Some(s) if s <= quick => Rating::Easy,
                _ => Rating::Good,
            }
        } else if points > 0.0 {
            Rating::Hard
        } else {
            Rating::Again
        }
    }
}

/// "Quick" for a question: the time to read it at a brisk 300 words a minute, plus 3
/// seconds to answer (and 1 more per item to place in `match` and `order`). A right answer
/// given within it is rated Easy.
pub fn quick_seconds(q: &Question) -> f64 {
    let mut words = q.prompt.plain().split_whitespace().count();
    let mut items = 0;
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            words += options
                .iter()
                .map(|o| o.text.plain().split_whitespace().count())
                .sum::<usize>();
        }
        QuestionKind::Match { items: it, .. } => {
            items = it.len();
            words += it
                .iter()
                .map(|i| i.text.split_whitespace().count())
                .sum::<usize>();
        }
        QuestionKind::Order { items: it, .. } => {
            items = it.len();
            words += it
                .iter()
                .map(|i| i.split_whitespace().count())
                .sum::<usize>();
        }
        _ => {}
    }
    3.0 + words as f64 * 0.2 + items as f64
}

/// One review, appended to the module's review log (`[[modules.<m>.reviews]]`) and never
/// changed: the card (the question id), when, the rating, the days since the card was last
/// answered, the days until it is due again, and the answer itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub card: String,
    /// The question's content hash when reviewed (a later edit makes the review stale).
    pub hash: String,
    pub at: Timestamp,
    pub rating: Rating,
    /// Days since the card's previous answer or review.
    pub elapsed: f64,
    /// Days until the card is due again, as scheduled by this review.
    pub scheduled: f64,
    /// Seconds from showing the question to submitting the answer.
    pub seconds: f64,
    pub answer: Answer,
    pub points: f64,
    pub correct: bool,
    /// Fields written by a newer syllabus, kept on save.
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}
