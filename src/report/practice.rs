//! What a practice retake would ask, named for what it is: the questions missed in the
//! latest attempt when there are some; otherwise the questions not seen yet (or not yet
//! answered right); or nothing.

use crate::course::Module;
use crate::quiz::Attempt;
use crate::quiz::mastery::{self, ResponseStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticeKind {
    /// Answered wrong in the latest finished attempt.
    Missed,
    /// Never answered (as the questions are now).
    Unseen,
    /// Some never answered, some answered wrong in earlier attempts: not yet right.
    NotYetRight,
}

impl PracticeKind {
    /// The word kept in the attempt's spare fields (progress format 2 keeps unknown fields).
    pub fn key(self) -> &'static str {
        match self {
            PracticeKind::Missed => "missed",
            PracticeKind::Unseen => "unseen",
            PracticeKind::NotYetRight => "not_yet_right",
        }
    }

    pub fn from_key(key: &str) -> Option<PracticeKind> {
        match key {
            "missed" => Some(PracticeKind::Missed),
            "unseen" => Some(PracticeKind::Unseen),
            "not_yet_right" => Some(PracticeKind::NotYetRight),
            _ => None,
        }
    }

    /// "the questions you missed", "the questions you have not seen yet" …
    pub fn words(self) -> &'static str {
        match self {
            PracticeKind::Missed => "the questions you missed",
            PracticeKind::Unseen => "the questions you have not seen yet",
            PracticeKind::NotYetRight => "the questions you have not answered right yet",
        }
    }

    /// The kind an attempt was started as (older attempts: missed).
    pub fn of(attempt: &Attempt) -> PracticeKind {
        attempt
            .extra
            .get("practice")
            .and_then(|v| v.as_str())
            .and_then(PracticeKind::from_key)
            .unwrap_or(PracticeKind::Missed)
    }
}

/// The questions a practice retake asks now, and what they are; `None` when nothing is left.
pub fn practice_set(module: &Module, attempts: &[Attempt]) -> Option<(PracticeKind, Vec<String>)> {
    let ids = mastery::missed_questions(module, attempts);
    if ids.is_empty() {
        return None;
    }
    let missed_last = attempts
        .iter()
        .rev()
        .find(|a| a.is_finished())
        .is_some_and(|last| {
            last.responses
                .iter()
                .any(|r| !r.correct && mastery::status(module, r) == ResponseStatus::Current)
        });
    let kind = if missed_last {
        PracticeKind::Missed
    } else {
        let answered = |id: &String| {
            attempts
                .iter()
                .flat_map(|a| &a.responses)
                .any(|r| &r.question == id && mastery::status(module, r) == ResponseStatus::Current)
        };
        if ids.iter().any(answered) {
            PracticeKind::NotYetRight
        } else {
            PracticeKind::Unseen
        }
    };
    Some((kind, ids))
}
