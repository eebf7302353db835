//! The structure of a module's questions that a test-wise reader can exploit without reading
//! the lesson: which single questions have the longest option right, how true/false
//! answers fall, how many options a tick-all question wants ticked, how match items split,
//! and an assessment's blueprint. `syllabus check --items` prints these; the review's cues
//! are computed from the same functions.

use serde::Serialize;

use crate::course::model::{Module, ModuleKind, Question, QuestionKind};

/// For a `single` question: whether its right option is strictly longer (in characters)
/// than every other option, and how many options it has.
pub fn longest_right(q: &Question) -> Option<(bool, usize)> {
    let QuestionKind::Single { options } = &q.kind else {
        return None;
    };
    let len = |o: &crate::course::model::Choice| o.text.plain().trim().chars().count();
    let right = options.iter().find(|o| o.correct).map(len)?;
    let longest = options
        .iter()
        .filter(|o| !o.correct)
        .all(|o| len(o) < right);
    Some((longest, options.len()))
}

/// For a `true_false` question: its answer.
pub fn tf_answer(q: &Question) -> Option<bool> {
    match &q.kind {
        QuestionKind::TrueFalse { answer, .. } => Some(*answer),
        _ => None,
    }
}

/// For a `multiple` question: right options and all options.
pub fn tick_count(q: &Question) -> Option<(usize, usize)> {
    match &q.kind {
        QuestionKind::Multiple { options, .. } => {
            Some((options.iter().filter(|o| o.correct).count(), options.len()))
        }
        _ => None,
    }
}

/// For a `match` question: how many items go in each category, in category order.
pub fn match_split(q: &Question) -> Option<Vec<usize>> {
    let QuestionKind::Match {
        categories, items, ..
    } = &q.kind
    else {
        return None;
    };
    let mut split = vec![0; categories.len()];
    for i in items {
        if let Some(n) = split.get_mut(i.category) {
            *n += 1;
        }
    }
    Some(split)
}

/// Whether every category of a split holds the same number of items.
pub fn is_even(split: &[usize]) -> bool {
    split.windows(2).all(|w| w[0] == w[1])
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TickAll {
    pub right: usize,
    pub options: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolDraw {
    pub pool: String,
    /// Questions in the pool.
    pub size: usize,
    /// Questions each attempt draws from it.
    pub count: usize,
}

/// The item statistics of one module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStats {
    pub module: String,
    pub file: String,
    pub assessment: bool,
    pub questions: usize,
    pub per_attempt: usize,
    pub single: usize,
    /// Single questions whose right option is strictly the longest.
    pub longest_right: usize,
    /// How many of them chance alone would give (one in the number of options).
    pub longest_by_chance: f64,
    pub true_answers: usize,
    pub false_answers: usize,
    pub tick_all: Vec<TickAll>,
    pub match_splits: Vec<Vec<usize>>,
    pub blueprint: Vec<PoolDraw>,
}

impl ItemStats {
    pub fn of(module: &Module) -> ItemStats {
        let qs = &module.quiz.questions;
        let singles: Vec<(bool, usize)> = qs.iter().filter_map(longest_right).collect();
        let tf: Vec<bool> = qs.iter().filter_map(tf_answer).collect();
        ItemStats {
            module: module.id.to_string(),
            file: module.file.to_string(),
            assessment: module.kind == ModuleKind::Assessment,
            questions: qs.len(),
            per_attempt: module.quiz.per_attempt,
            single: singles.len(),
            longest_right: singles.iter().filter(|(l, _)| *l).count(),
            longest_by_chance: singles.iter().map(|(_, m)| 1.0 / *m as f64).sum(),
            true_answers: tf.iter().filter(|a| **a).count(),
            false_answers: tf.iter().filter(|a| !**a).count(),
            tick_all: qs
                .iter()
                .filter_map(tick_count)
                .map(|(right, options)| TickAll { right, options })
                .collect(),
            match_splits: qs.iter().filter_map(match_split).collect(),
            blueprint: module
                .quiz
                .draw
                .iter()
                .map(|d| PoolDraw {
                    pool: d.pool.clone(),
                    size: qs
                        .iter()
                        .filter(|q| q.pool.as_deref() == Some(d.pool.as_str()))
                        .count(),
                    count: d.count,
                })
                .collect(),
        }
    }

    /// The statistics as indented lines for `check --items`.
    pub fn lines(&self) -> Vec<String> {
        let kind = if self.assessment {
            "assessment"
        } else {
            "lesson"
        };
        let mut out = vec![format!(
            "{} ({kind}, {}): {} questions, {} per attempt",
            self.module, self.file, self.questions, self.per_attempt
        )];
        out.push(format!(
            "  single: {}, right option strictly longest in {} (chance: about {:.1})",
            self.single, self.longest_right, self.longest_by_chance
        ));
        out.push(format!(
            "  true/false: {} true, {} false",
            self.true_answers, self.false_answers
        ));
        let ticks: Vec<String> = self
            .tick_all
            .iter()
            .map(|t| format!("{} of {}", t.right, t.options))
            .collect();
        out.push(format!("  tick-all right options: {}", or_none(&ticks)));
        let splits: Vec<String> = self
            .match_splits
            .iter()
            .map(|s| s.iter().map(usize::to_string).collect::<Vec<_>>().join("+"))
            .collect();
        out.push(format!("  match splits: {}", or_none(&splits)));
        if !self.blueprint.is_empty() {
            let pools: Vec<String> = self
                .blueprint
                .iter()
                .map(|p| format!("{} {} of {}", p.pool, p.count, p.size))
                .collect();
            out.push(format!("  blueprint: {}", pools.join(", ")));
        }
        out
    }
}

fn or_none(list: &[String]) -> String {
    if list.is_empty() {
        "none".to_string()
    } else {
        list.join(", ")
    }
}
