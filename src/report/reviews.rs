//! The export records of spaced reviews: one per review, in the log's order, module by
//! module, after the quiz answers (`rows`). A review carries the same fields as an answer's
//! row, in words where the question is still in the course, then its own (rating and
//! schedule).

use serde::Serialize;

use super::words::{answer_text, right_text};
use crate::course::Course;
use crate::progress::Progress;

/// One spaced review (docs/progress.md, "Exports"). JSON writes the fields in name order,
/// as the export always has: records go out as `serde_json::Value`s, whose keys are sorted.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRow {
    pub course: String,
    /// The module's place in the course, 1-based; null for a module no longer in it.
    pub module_number: Option<usize>,
    pub module: String,
    pub module_title: Option<String>,
    /// Always "review" (an answer's row has the attempt's name here).
    pub attempt: &'static str,
    pub kind: &'static str,
    pub mode: &'static str,
    pub started: Option<String>,
    pub finished: Option<String>,
    pub question: String,
    pub prompt: Option<String>,
    pub right_answer: Option<String>,
    pub answer: Option<String>,
    pub raw_answer: serde_json::Value,
    pub hash: String,
    /// "current", "stale" (the question changed since) or "retired" (no longer asked).
    pub status: &'static str,
    pub correct: bool,
    pub points: f64,
    pub answered_at: String,
    pub rating: &'static str,
    pub elapsed_days: f64,
    pub scheduled_days: f64,
    pub seconds: f64,
}

/// The columns review records add to the CSV.
pub const REVIEW_COLUMNS: [&str; 4] = ["rating", "elapsed_days", "scheduled_days", "seconds"];

/// Every review in `progress`, module by module (in the progress file's order of ids).
pub fn reviews(course: &Course, progress: &Progress) -> Vec<ReviewRow> {
    let mut rows = Vec::new();
    for (id, mp) in &progress.modules {
        let module = course.module(id);
        let module_number = course.module_index(id).map(|i| i + 1);
        for r in &mp.reviews {
            let q = module.and_then(|m| m.question(&r.card));
            let status = match q {
                None => "retired",
                Some(q) if !q.answered_as_is(&r.hash) => "stale",
                Some(_) => "current",
            };
            rows.push(ReviewRow {
                course: course.id.clone(),
                module_number,
                module: id.clone(),
                module_title: module.map(|m| m.title.to_string()),
                attempt: "review",
                kind: "review",
                mode: "review",
                started: None,
                finished: None,
                question: r.card.clone(),
                prompt: q.map(|q| q.prompt.plain()),
                right_answer: q.map(|q| right_text(q, &[])),
                answer: q.map(|q| answer_text(q, &r.answer, &[])),
                raw_answer: serde_json::to_value(&r.answer).unwrap_or_default(),
                hash: r.hash.clone(),
                status,
                correct: r.correct,
                points: r.points,
                answered_at: r.at.to_string(),
                rating: r.rating.name(),
                elapsed_days: r.elapsed,
                scheduled_days: r.scheduled,
                seconds: r.seconds,
            });
        }
    }
    rows
}
