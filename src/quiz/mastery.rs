//! What the learner has mastered, and the module grade. A question is mastered when its
//! latest response is right. Responses to a question whose content changed since (its hash
//! differs) are *stale*, and to a question no longer in the course *retired*: both stay in
//! the history but count for nothing here.

use std::collections::HashMap;

use crate::course::{Grading, Module};

use jiff::Timestamp;

use super::attempt::{Attempt, Response};
use crate::spaced::Review;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseStatus {
    Current,
    Stale,
    Retired,
}

/// Whether a recorded response still applies to the course as it is now.
pub fn status(module: &Module, response: &Response) -> ResponseStatus {
    match module.question(&response.question) {
        None => ResponseStatus::Retired,
        Some(q) if !q.answered_as_is(&response.hash) => ResponseStatus::Stale,
        Some(_) => ResponseStatus::Current,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionState {
    /// Latest current response right.
    Mastered,
    /// Latest current response wrong.
    Missed,
    /// Never answered (or only stale answers).
    Unseen,
}

/// The state of each question of the module now, in pool order. Spaced reviews count as
/// answers here (the latest answer, quiz or review, decides), never in grades.
pub fn question_states(
    module: &Module,
    attempts: &[Attempt],
    reviews: &[Review],
) -> Vec<(String, QuestionState)> {
    let mut at: HashMap<&str, (Timestamp, bool)> = HashMap::new();
    let quiz = attempts
        .iter()
        .flat_map(|a| &a.responses)
        .filter(|r| status(module, r) == ResponseStatus::Current)
        .map(|r| (r.question.as_str(), r.at, r.correct));
    let reviewed = reviews
        .iter()
        .filter(|r| {
            module
                .question(&r.card)
                .is_some_and(|q| q.answered_as_is(&r.hash))
        })
        .map(|r| (r.card.as_str(), r.at, r.correct));
    for (id, when, correct) in quiz.chain(reviewed) {
        let e = at.entry(id).or_insert((when, correct));
        if when >= e.0 {
            *e = (when, correct);
        }
    }
    let latest: HashMap<&str, bool> = at.into_iter().map(|(k, (_, c))| (k, c)).collect();
    module
        .quiz
        .questions
        .iter()
        .map(|q| {
            let state = match latest.get(q.id.as_str()) {
                Some(true) => QuestionState::Mastered,
                Some(false) => QuestionState::Missed,
                None => QuestionState::Unseen,
            };
            (q.id.to_string(), state)
        })
        .collect()
}

/// How many of the module's questions were answered only before they changed: each has a
/// stale answer and no current one. The map says so, and that a new attempt counts them.
pub fn changed_since_answered(module: &Module, attempts: &[Attempt]) -> usize {
    let mut stale: HashMap<&str, bool> = HashMap::new();
    for r in attempts.iter().flat_map(|a| &a.responses) {
        match status(module, r) {
            ResponseStatus::Current => {
                stale.insert(r.question.as_str(), false);
            }
            ResponseStatus::Stale => {
                stale.entry(r.question.as_str()).or_insert(true);
            }
            ResponseStatus::Retired => {}
        }
    }
    stale.values().filter(|s| **s).count()
}

/// `(mastered, total)` for the module.
pub fn mastered(module: &Module, attempts: &[Attempt], reviews: &[Review]) -> (usize, usize) {
    let states = question_states(module, attempts, reviews);
    let n = states
        .iter()
        .filter(|(_, s)| *s == QuestionState::Mastered)
        .count();
    (n, states.len())
}

/// How attempts count under `method`: a short phrase for the quiz header, and a sentence
/// with its consequence for the quiz's start page.
pub fn grading_rule(method: Grading) -> (&'static str, &'static str) {
    match method {
        Grading::Highest => (
            "your best attempt counts",
            "Your best attempt counts: you can retake the quiz as often as you like.",
        ),
        Grading::Latest => (
            "your latest attempt counts",
            "Your latest attempt counts, so a retake can lower your grade as well as raise it.",
        ),
        Grading::Average => (
            "the average of your attempts counts",
            "The average of all your attempts counts, so every attempt matters.",
        ),
        Grading::First => (
            "only your first attempt counts",
            "Only your first attempt counts: if it is below the pass mark, this module can never be completed, and later attempts are practice.",
        ),
    }
}

/// The module's grade in percent, by the quiz's grading method, over finished full attempts.
pub fn module_grade(method: Grading, attempts: &[Attempt]) -> Option<f64> {
    let scores: Vec<f64> = attempts
        .iter()
        .filter(|a| a.counts_for_grade())
        .map(Attempt::score)
        .collect();
    match method {
        Grading::Highest => scores.iter().copied().reduce(f64::max),
        Grading::Latest => scores.last().copied(),
        Grading::First => scores.first().copied(),
        Grading::Average => {
            (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
        }
    }
}

pub fn quiz_passed(module: &Module, attempts: &[Attempt]) -> bool {
    module_grade(module.quiz.grading, attempts)
        .is_some_and(|g| g + 1e-9 >= f64::from(module.quiz.pass_mark))
}

/// The questions a "retake missed only" asks: those answered wrong in the latest finished
/// attempt; when there are none, those never yet answered right. Empty when every question
/// is mastered. Only questions still in the course, in pool order.
pub fn missed_questions(module: &Module, attempts: &[Attempt]) -> Vec<String> {
    if let Some(last) = attempts.iter().rev().find(|a| a.is_finished()) {
        let wrong: Vec<String> = module
            .quiz
            .questions
            .iter()
            .filter(|q| {
                last.responses.iter().any(|r| {
                    r.question == q.id && !r.correct && status(module, r) == ResponseStatus::Current
                })
            })
            .map(|q| q.id.to_string())
            .collect();
        if !wrong.is_empty() {
            return wrong;
        }
    }
    let mut right_ever: HashMap<&str, bool> = HashMap::new();
    for r in attempts.iter().flat_map(|a| &a.responses) {
        if status(module, r) == ResponseStatus::Current && r.correct {
            right_ever.insert(r.question.as_str(), true);
        }
    }
    module
        .quiz
        .questions
        .iter()
        .filter(|q| !right_ever.contains_key(q.id.as_str()))
        .map(|q| q.id.to_string())
        .collect()
}
