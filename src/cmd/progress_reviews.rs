//! The spaced-review parts of `syllabus progress`: the due counts under `show`, and one
//! export record per review (mode `review`, with its rating and schedule) after the quiz
//! answers. A file with no reviews exports exactly as before: the CSV gains the review
//! columns only when there are reviews to fill them.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::app::App;

/// "Review: 7 due now, 12 more this week (19 cards, 42 reviews)", once any question has a card.
pub fn due_line(app: &App, now: Timestamp) -> Option<String> {
    let c = app.queue().counts(now);
    if c.cards == 0 {
        return None;
    }
    let reviews: usize = app.progress.modules.values().map(|m| m.reviews.len()).sum();
    let next = match app.queue().cards().first() {
        Some(card) if c.now == 0 => format!("; next {}", crate::app::spaced::when(card.due, now)),
        _ => String::new(),
    };
    Some(format!(
        "Review: {} due now, {} more this week ({} cards, {reviews} reviews{next})",
        c.now, c.week, c.cards
    ))
}

/// The columns review records add to the CSV.
pub const REVIEW_COLUMNS: [&str; 4] = ["rating", "elapsed_days", "scheduled_days", "seconds"];

/// One export record per review, in the log's order, module by module.
pub fn records(app: &App) -> Vec<Value> {
    let mut rows = Vec::new();
    for (id, mp) in &app.progress.modules {
        let module = app.course.module(id);
        for r in &mp.reviews {
            let status = match module.and_then(|m| m.question(&r.card)) {
                None => "retired",
                Some(q) if !q.answered_as_is(&r.hash) => "stale",
                Some(_) => "current",
            };
            // The same fields as an answer's export row (crate::report::rows), in words
            // where the question is still in the course, then the review's own.
            let m_index = app.course.module_index(id);
            let q = module.and_then(|m| m.question(&r.card));
            let in_words = |f: &dyn Fn(&crate::course::Question) -> String| q.map(f);
            rows.push(json!({
                "course": app.course.id,
                "module_number": m_index.map(|i| i + 1),
                "module": id,
                "module_title": module.map(|m| m.title.clone()),
                "attempt": "review",
                "kind": "review",
                "mode": "review",
                "started": null,
                "finished": null,
                "question": r.card,
                "prompt": in_words(&|q| q.prompt.plain()),
                "right_answer": in_words(&|q| crate::report::words::right_text(q, &[])),
                "answer": in_words(&|q| crate::report::words::answer_text(q, &r.answer, &[])),
                "raw_answer": serde_json::to_value(&r.answer).unwrap_or_default(),
                "hash": r.hash,
                "status": status,
                "correct": r.correct,
                "points": r.points,
                "answered_at": r.at.to_string(),
                "rating": r.rating.name(),
                "elapsed_days": r.elapsed,
                "scheduled_days": r.scheduled,
                "seconds": r.seconds,
            }));
        }
    }
    rows
}
