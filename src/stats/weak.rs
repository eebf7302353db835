//! The weakest questions (most often wrong, then longest unseen) and objectives (of the
//! modules least mastered), each with the lesson page that teaches it. Only answers to a
//! question as it is now count: answers to an earlier wording are history, not weakness.

use std::collections::HashMap;

use jiff::{Timestamp, Zoned};
use serde::Serialize;

use crate::course::{Course, Module, Question};
use crate::progress::Progress;
use crate::quiz::mastery::{self, ResponseStatus};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakQuestion {
    /// Index of the module in the course (0-based), and its id.
    pub module: usize,
    pub module_id: String,
    pub question: String,
    /// The prompt as plain text.
    pub prompt: String,
    pub wrong: usize,
    pub answered: usize,
    /// Whether the latest answer was right (the question is mastered now).
    pub mastered: bool,
    /// Whole days since it was last answered.
    pub days_since: i64,
    /// The lesson page that teaches it (an index into the module's sections; for a module
    /// without sections, its start page).
    pub section: usize,
    pub section_title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakObjective {
    pub module: usize,
    pub module_id: String,
    /// The objective as plain text.
    pub text: String,
    /// The module's questions mastered, of all: objectives are not linked to questions, so
    /// an objective's figure is its module's.
    pub mastered: usize,
    pub questions: usize,
    /// Wrong answers in the module (current questions only).
    pub wrong: usize,
    pub section: usize,
    pub section_title: String,
}

/// The lesson page that teaches `question`: the module's first section. (Questions carry
/// no link to a section yet; when they do, this is the one place that reads it.)
pub fn teaching_section(_module: &Module, _question: Option<&Question>) -> usize {
    0
}

fn section_title(module: &Module, page: usize) -> String {
    module.sections.get(page).map_or_else(
        || format!("{}: start page", module.title),
        |s| s.title.to_string(),
    )
}

#[derive(Default)]
struct Tally {
    wrong: usize,
    answered: usize,
    latest_right: bool,
    last: Option<Timestamp>,
}

fn tallies<'a>(module: &'a Module, progress: &'a Progress) -> HashMap<&'a str, Tally> {
    let mut map: HashMap<&str, Tally> = HashMap::new();
    for r in progress
        .attempts(&module.id)
        .iter()
        .flat_map(|a| &a.responses)
    {
        if mastery::status(module, r) != ResponseStatus::Current {
            continue;
        }
        let t = map.entry(r.question.as_str()).or_default();
        t.answered += 1;
        t.wrong += usize::from(!r.correct);
        t.latest_right = r.correct;
        t.last = Some(t.last.map_or(r.at, |l| l.max(r.at)));
    }
    map
}

pub fn questions(course: &Course, progress: &Progress, now: &Zoned) -> Vec<WeakQuestion> {
    let mut out = Vec::new();
    for (m, module) in course.modules.iter().enumerate() {
        let tallies = tallies(module, progress);
        for q in &module.quiz.questions {
            let Some(t) = tallies.get(q.id.as_str()).filter(|t| t.wrong > 0) else {
                continue;
            };
            let days_since = t.last.map_or(0, |l| {
                (now.timestamp().as_second() - l.as_second()).max(0) / 86_400
            });
            let section = teaching_section(module, Some(q));
            out.push(WeakQuestion {
                module: m,
                module_id: module.id.to_string(),
                question: q.id.to_string(),
                prompt: q.prompt.plain(),
                wrong: t.wrong,
                answered: t.answered,
                mastered: t.latest_right,
                days_since,
                section,
                section_title: section_title(module, section),
            });
        }
    }
    // Still missed first, then most often wrong, then longest since seen; course order last.
    out.sort_by(|a, b| {
        a.mastered
            .cmp(&b.mastered)
            .then(b.wrong.cmp(&a.wrong))
            .then(b.days_since.cmp(&a.days_since))
            .then(a.module.cmp(&b.module))
    });
    out
}

pub fn objectives(course: &Course, progress: &Progress) -> Vec<WeakObjective> {
    let mut out = Vec::new();
    for (m, module) in course.modules.iter().enumerate() {
        let attempts = progress.attempts(&module.id);
        let tallies = tallies(module, progress);
        if tallies.is_empty() {
            continue;
        }
        let (mastered, questions) =
            mastery::mastered(module, attempts, progress.reviews(&module.id));
        if mastered == questions {
            continue;
        }
        let wrong = tallies.values().map(|t| t.wrong).sum();
        let section = teaching_section(module, None);
        for o in &module.objectives {
            out.push(WeakObjective {
                module: m,
                module_id: module.id.to_string(),
                text: o.plain(),
                mastered,
                questions,
                wrong,
                section,
                section_title: section_title(module, section),
            });
        }
    }
    // Least mastered first (compared as fractions, without rounding), then most wrong.
    out.sort_by(|a, b| {
        (a.mastered * b.questions.max(1))
            .cmp(&(b.mastered * a.questions.max(1)))
            .then(b.wrong.cmp(&a.wrong))
            .then(a.module.cmp(&b.module))
    });
    out
}
