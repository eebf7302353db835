//! Where the learner stands, worked out once from `(&Course, &Progress)`: each module's
//! state, grade, mastery, attempts (numbered as every view numbers them), locks and what
//! they wait for, the lessons unread, the course totals, what "continue" does next and when
//! the course was completed; and the active time, summed here for every view. No ratatui, no `App`: the CLI
//! (`progress show`, `certificate`, `stats`), the stats, xAPI and every screen read the
//! same answers here, so they cannot disagree.
//!
//! Modules are addressed by id. Nothing in a `Standing` depends on the clock, so it stays
//! true until the progress or the course changes: the app keeps one and works it out again
//! in `update` when `progress_key` moves; time-dependent figures (due reviews, the days of
//! the stats) take `now` where they are asked. Export records are `report::rows` (answers)
//! and `report::reviews` (spaced reviews), typed, from the same course and progress.

mod key;
mod state;

use std::collections::HashMap;

use jiff::Timestamp;

pub use key::progress_key;
pub use state::{ModuleState, pct};

use crate::course::{Course, Module, ModuleKind};
use crate::progress::Progress;
use crate::quiz::mastery;
use crate::report::{AttemptEntry, Counts, Label};

/// One module's standing.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleStanding {
    pub id: String,
    pub state: ModuleState,
    /// The module grade (per its grading rule), once a full attempt is finished.
    pub grade: Option<f64>,
    /// Whether the quiz is passed (the grade reaches the pass mark).
    pub passed: bool,
    /// Questions mastered (latest current answer right, reviews included), and questions.
    pub mastered: usize,
    pub questions: usize,
    /// How many attempts of each kind.
    pub counts: Counts,
    /// Every attempt, oldest first, numbered (`report::entries`).
    pub attempts: Vec<AttemptEntry>,
    /// Sections opened, of the module's sections.
    pub opened: usize,
    /// The first section not opened yet, by id.
    pub first_unread: Option<String>,
    /// The last attempt is unfinished.
    pub open_attempt: bool,
    /// Answers to questions changed since they were answered (they no longer count).
    pub changed: usize,
    /// The modules this one requires that are not complete yet, by id, in course order.
    pub missing: Vec<String>,
}

impl ModuleStanding {
    pub fn is_complete(&self) -> bool {
        self.state.is_complete()
    }

    /// Locked until the modules it requires are complete.
    pub fn is_locked(&self) -> bool {
        !self.missing.is_empty()
    }

    /// The entry of the attempt at `index` in the progress file's list.
    pub fn attempt(&self, index: usize) -> Option<&AttemptEntry> {
        self.attempts.get(index)
    }
}

/// What "continue" does, by module id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// Go back to the unfinished attempt of this module.
    ResumeQuiz(&'a str),
    /// Read this section of this module (the first one not opened).
    Lesson {
        module: &'a str,
        section: &'a str,
    },
    /// Every section read: take this module's quiz.
    StartQuiz(&'a str),
    Completion,
}

/// `(modules complete, modules, questions mastered, questions)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub complete: usize,
    pub modules: usize,
    pub mastered: usize,
    pub questions: usize,
}

/// The whole course's standing (see the module docs).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Standing {
    key: u64,
    modules: Vec<ModuleStanding>,
    by_id: HashMap<String, usize>,
    totals: Totals,
    /// The first module (position in `modules`) with an unfinished attempt.
    first_open: Option<usize>,
    /// The first module not complete.
    first_incomplete: Option<usize>,
    /// Lessons with a section not yet opened, and lessons (assessments are not lessons).
    unread_lessons: (usize, usize),
    completed_at: Option<Timestamp>,
}

impl Standing {
    /// Work out the standing of `progress` in `course`.
    pub fn new(course: &Course, progress: &Progress) -> Standing {
        let mut s = Standing {
            key: progress_key(progress),
            ..Standing::default()
        };
        s.modules = course
            .modules
            .iter()
            .map(|m| module_standing(m, progress))
            .collect();
        s.by_id = s
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.to_string(), i))
            .collect();
        let complete: Vec<bool> = s.modules.iter().map(ModuleStanding::is_complete).collect();
        for (module, ms) in course.modules.iter().zip(&mut s.modules) {
            ms.missing = course
                .modules
                .iter()
                .zip(&complete)
                .filter(|(r, done)| !**done && module.requires.iter().any(|q| *q == r.id))
                .map(|(r, _)| r.id.to_string())
                .collect();
        }
        let mut lessons = (0, 0);
        for (i, (module, ms)) in course.modules.iter().zip(&s.modules).enumerate() {
            s.totals.complete += usize::from(ms.is_complete());
            s.totals.mastered += ms.mastered;
            s.totals.questions += ms.questions;
            if s.first_open.is_none() && ms.open_attempt {
                s.first_open = Some(i);
            }
            if s.first_incomplete.is_none() && !ms.is_complete() {
                s.first_incomplete = Some(i);
            }
            if module.kind == ModuleKind::Lesson {
                lessons.1 += 1;
                lessons.0 += usize::from(ms.opened < module.sections.len());
            }
        }
        s.totals.modules = s.modules.len();
        s.unread_lessons = lessons;
        if s.is_complete() {
            s.completed_at = course
                .modules
                .iter()
                .flat_map(|m| progress.attempts(&m.id))
                .filter_map(|a| a.finished)
                .max();
        }
        s
    }

    /// `progress_key` of the progress this was worked out from.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Every module, in course order.
    pub fn modules(&self) -> &[ModuleStanding] {
        &self.modules
    }

    pub fn module(&self, id: &str) -> Option<&ModuleStanding> {
        self.by_id.get(id).map(|&i| &self.modules[i])
    }

    /// The module at `position` in the course this was worked out from.
    pub fn at(&self, position: usize) -> Option<&ModuleStanding> {
        self.modules.get(position)
    }

    /// The position of module `id` in the course this was worked out from.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn totals(&self) -> Totals {
        self.totals
    }

    /// Every module complete (a course without modules is not).
    pub fn is_complete(&self) -> bool {
        self.totals.complete == self.modules.len()
    }

    /// When the course was completed: when the last attempt of any module finished.
    pub fn completed_at(&self) -> Option<Timestamp> {
        self.completed_at
    }

    /// The day the course was completed, as the certificate and the completion page print it.
    pub fn completion_date(&self) -> Option<String> {
        self.completed_at
            .map(|t| t.strftime("%Y-%m-%d").to_string())
    }

    /// `(lessons with a section not yet opened, lessons)`.
    pub fn unread_lessons(&self) -> (usize, usize) {
        self.unread_lessons
    }

    /// What "continue" does: the unfinished attempt of the module the learner was in, else
    /// the earliest unfinished attempt, else the first module not complete.
    pub fn next_step(&self, progress: &Progress) -> Step<'_> {
        let here = progress
            .place
            .module
            .as_deref()
            .and_then(|id| self.module(id));
        if let Some(m) = here.filter(|m| m.open_attempt) {
            return Step::ResumeQuiz(&m.id);
        }
        if let Some(m) = self.first_open {
            return Step::ResumeQuiz(&self.modules[m].id);
        }
        match self.first_incomplete.map(|m| &self.modules[m]) {
            Some(m) => match &m.first_unread {
                Some(section) => Step::Lesson {
                    module: &m.id,
                    section,
                },
                None => Step::StartQuiz(&m.id),
            },
            None => Step::Completion,
        }
    }

    /// Why module `id` cannot be opened yet, if it cannot: "Locked: complete 1 Basics first."
    pub fn locked_reason(&self, course: &Course, id: &str) -> Option<String> {
        let missing = &self.module(id)?.missing;
        if missing.is_empty() {
            return None;
        }
        let names: Vec<String> = missing
            .iter()
            .filter_map(|r| {
                let i = course.module_index(r)?;
                Some(format!("{} {}", i + 1, course.modules[i].title))
            })
            .collect();
        Some(format!("Locked: complete {} first.", names.join(" and ")))
    }

    /// Every finished attempt in the course, in the order they finished (then course order
    /// and attempt order, so equal times keep a stable order).
    pub fn timeline(&self) -> Vec<(&ModuleStanding, &AttemptEntry)> {
        let mut all: Vec<(Timestamp, usize, usize, &ModuleStanding, &AttemptEntry)> = self
            .modules
            .iter()
            .enumerate()
            .flat_map(|(m, ms)| {
                ms.attempts
                    .iter()
                    .filter_map(move |e| Some((e.finished?, m, e.index, ms, e)))
            })
            .collect();
        all.sort_by_key(|&(t, m, i, _, _)| (t, m, i));
        all.into_iter().map(|(_, _, _, ms, e)| (ms, e)).collect()
    }
}

/// The progress file's key for the name the certificate prints (typed on the completion
/// page; kept in the file's spare top-level fields).
pub const NAME_KEY: &str = "certificate_name";

/// The name remembered for the certificate, if any.
pub fn certificate_name(progress: &Progress) -> Option<&str> {
    progress
        .extra
        .get(NAME_KEY)
        .and_then(|v| v.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// Seconds of active study in the course, modules since removed from it included: the one
/// sum every view prints. Not kept in a `Standing`: it grows with every key, which must
/// not make the app work the standing out again.
pub fn active_seconds(progress: &Progress) -> u64 {
    progress.modules.values().map(|m| m.active_seconds).sum()
}

/// Seconds of active study in module `id`.
pub fn module_seconds(progress: &Progress, id: &str) -> u64 {
    progress.module(id).map_or(0, |p| p.active_seconds)
}

fn module_standing(module: &Module, progress: &Progress) -> ModuleStanding {
    let attempts = progress.attempts(&module.id);
    let mp = progress.module(&module.id);
    let grade = mastery::module_grade(module.quiz.grading, attempts);
    let passed = mastery::quiz_passed(module, attempts);
    let opened_ids = |s: &&crate::course::Section| mp.is_some_and(|p| p.has_opened(&s.id));
    let opened = module.sections.iter().filter(opened_ids).count();
    let first_unread = module
        .sections
        .iter()
        .find(|s| !opened_ids(s))
        .map(|s| s.id.to_string());
    let state = match grade {
        Some(g) if passed && first_unread.is_none() => ModuleState::Complete(g),
        Some(g) if passed => ModuleState::Passed(g),
        Some(g) => ModuleState::Below(g),
        None if mp.is_some_and(|p| !p.opened.is_empty() || !p.attempts.is_empty()) => {
            ModuleState::InProgress
        }
        None => ModuleState::NotStarted,
    };
    let (mastered, questions) = mastery::mastered(module, attempts, progress.reviews(&module.id));
    let entries = crate::report::entries(module, attempts);
    let mut counts = Counts::default();
    for e in &entries {
        match e.label {
            Label::Attempt(_) => {
                counts.full += 1;
                counts.graded += usize::from(e.finished.is_some());
            }
            Label::Practice(_) => counts.practice += 1,
        }
        counts.counted += usize::from(e.counts_for_grade);
    }
    ModuleStanding {
        id: module.id.to_string(),
        state,
        grade,
        passed,
        mastered,
        questions,
        counts,
        attempts: entries,
        opened,
        first_unread,
        open_attempt: attempts.last().is_some_and(|a| !a.is_finished()),
        changed: mastery::changed_since_answered(module, attempts),
        missing: Vec::new(),
    }
}
