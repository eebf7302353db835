//! The rows of a progress export: one per recorded answer, modules in course order, each
//! attempt's answers in the order asked, in words a person can read. `Row` is the one
//! record both the CSV and the JSON exports are made from; JSON adds the raw answer.

use serde::Serialize;

use super::attempts::entries;
use super::words::{answer_text, right_text};
use crate::course::Course;
use crate::progress::Progress;
use crate::quiz::mastery::{self, ResponseStatus};
use crate::quiz::{Attempt, Mode, Response};

/// One recorded answer (docs/progress.md, "Exports", explains every field).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub course: String,
    /// The module's place in the course, 1-based (0 for a module no longer in it).
    pub module_number: usize,
    pub module: String,
    pub module_title: String,
    /// "1", "2" … for full attempts; "practice 1" … for practice runs.
    pub attempt: String,
    /// "full" or "practice".
    pub kind: &'static str,
    pub started: String,
    pub finished: Option<String>,
    /// The question's place in its attempt, 1-based.
    pub question_number: usize,
    pub question: String,
    pub prompt: String,
    /// The learner's answer as the option texts shown, in the order shown.
    pub answer: String,
    pub right_answer: String,
    pub points: f64,
    pub correct: bool,
    /// "current", "stale" (the question changed since) or "retired" (no longer asked).
    pub status: &'static str,
    pub answered_at: String,
    /// The answer as the progress file keeps it (authored indexes); JSON only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_answer: Option<serde_json::Value>,
}

/// The CSV columns, in order (every field of `Row` but the raw answer).
pub const CSV_COLUMNS: [&str; 17] = [
    "course",
    "module_number",
    "module",
    "module_title",
    "attempt",
    "kind",
    "started",
    "finished",
    "question_number",
    "question",
    "prompt",
    "answer",
    "right_answer",
    "points",
    "correct",
    "status",
    "answered_at",
];

/// Every answer in `progress`, modules in course order (modules no longer in the course
/// last, by id). `raw` fills `raw_answer`.
pub fn rows(course: &Course, progress: &Progress, raw: bool) -> Vec<Row> {
    let mut out = Vec::new();
    for (m, module) in course.modules.iter().enumerate() {
        let attempts = progress.attempts(&module.id);
        for e in entries(module, attempts) {
            let a = &attempts[e.index];
            for (qi, r) in ordered(a) {
                let q = module.question(&r.question);
                let order = a
                    .questions
                    .iter()
                    .find(|x| x.id == r.question)
                    .map_or(&[][..], |x| x.order.as_slice());
                let status = match mastery::status(module, r) {
                    ResponseStatus::Current => "current",
                    ResponseStatus::Stale => "stale",
                    ResponseStatus::Retired => "retired",
                };
                out.push(Row {
                    course: course.id.clone(),
                    module_number: m + 1,
                    module: module.id.to_string(),
                    module_title: module.title.to_string(),
                    attempt: e.label.short(),
                    kind: kind(a),
                    started: a.started.to_string(),
                    finished: a.finished.map(|f| f.to_string()),
                    question_number: qi,
                    question: r.question.clone(),
                    prompt: q
                        .map_or_else(|| "(no longer in the course)".into(), |q| q.prompt.plain()),
                    answer: q.map_or_else(
                        || serde_json::to_string(&r.answer).unwrap_or_default(),
                        |q| answer_text(q, &r.answer, order),
                    ),
                    right_answer: q.map_or_else(String::new, |q| right_text(q, order)),
                    points: r.points,
                    correct: r.correct,
                    status,
                    answered_at: r.at.to_string(),
                    raw_answer: raw.then(|| serde_json::to_value(&r.answer).unwrap_or_default()),
                });
            }
        }
    }
    // Modules no longer in the course keep their answers in the file: list them too.
    for (id, mp) in &progress.modules {
        if course.module(id).is_some() {
            continue;
        }
        let (mut full, mut practice) = (0, 0);
        for a in &mp.attempts {
            let label = match a.mode {
                Mode::Full => {
                    full += 1;
                    full.to_string()
                }
                Mode::Missed => {
                    practice += 1;
                    format!("practice {practice}")
                }
            };
            for (qi, r) in ordered(a) {
                out.push(Row {
                    course: course.id.clone(),
                    module_number: 0,
                    module: id.clone(),
                    module_title: format!("({id} is no longer in the course)"),
                    attempt: label.clone(),
                    kind: kind(a),
                    started: a.started.to_string(),
                    finished: a.finished.map(|f| f.to_string()),
                    question_number: qi,
                    question: r.question.clone(),
                    prompt: "(no longer in the course)".into(),
                    answer: serde_json::to_string(&r.answer).unwrap_or_default(),
                    right_answer: String::new(),
                    points: r.points,
                    correct: r.correct,
                    status: "retired",
                    answered_at: r.at.to_string(),
                    raw_answer: raw.then(|| serde_json::to_value(&r.answer).unwrap_or_default()),
                });
            }
        }
    }
    out
}

fn kind(a: &Attempt) -> &'static str {
    match a.mode {
        Mode::Full => "full",
        Mode::Missed => "practice",
    }
}

/// An attempt's responses in the order asked, each with its 1-based place (answers to
/// questions no longer in the attempt after, numbered on).
fn ordered(a: &Attempt) -> Vec<(usize, &Response)> {
    let mut v: Vec<(usize, &Response)> = a
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| a.response(&q.id).map(|r| (i + 1, r)))
        .collect();
    let mut next = a.questions.len();
    for r in &a.responses {
        if !a.questions.iter().any(|q| q.id == r.question) {
            next += 1;
            v.push((next, r));
        }
    }
    v
}
