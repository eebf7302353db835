//! One way of counting attempts. Full attempts are numbered 1, 2, 3 … in the order they were
//! started; practice runs ("retake the missed questions") are named practice and numbered
//! apart (Practice 1, Practice 2 …). The number stored in the progress file counts both and
//! is kept only to find an attempt again.

use jiff::Timestamp;

use crate::course::{Grading, Module};
use crate::progress::Progress;
use crate::quiz::{Attempt, Mode};

/// What an attempt is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The n-th full attempt.
    Attempt(u32),
    /// The n-th practice run.
    Practice(u32),
}

impl Label {
    /// "Attempt 2", "Practice 1".
    pub fn words(self) -> String {
        match self {
            Label::Attempt(n) => format!("Attempt {n}"),
            Label::Practice(n) => format!("Practice {n}"),
        }
    }

    /// "2", "practice 1": the export's attempt column.
    pub fn short(self) -> String {
        match self {
            Label::Attempt(n) => n.to_string(),
            Label::Practice(n) => format!("practice {n}"),
        }
    }
}

/// One attempt as every view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptEntry {
    /// Index into the module's attempts in the progress file.
    pub index: usize,
    pub label: Label,
    pub started: Timestamp,
    pub finished: Option<Timestamp>,
    /// The score in percent (of the questions asked), once finished.
    pub score: Option<f64>,
    pub answered: usize,
    pub asked: usize,
    /// Whether this attempt is one the module's grade is worked out from.
    pub counts_for_grade: bool,
}

/// How many attempts of each kind a module has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Full attempts, finished or not.
    pub full: usize,
    /// Full attempts finished: the ones a grade can come from.
    pub graded: usize,
    /// Finished full attempts the grade is worked out from (only the first under
    /// `grading = "first"`).
    pub counted: usize,
    pub practice: usize,
}

impl Counts {
    /// "3 attempts, 1 practice run" (the words `progress show` and the map use).
    pub fn words(&self) -> String {
        let n = |k: usize, one: &str, many: &str| {
            if k == 1 {
                format!("1 {one}")
            } else {
                format!("{k} {many}")
            }
        };
        let mut s = n(self.full, "attempt", "attempts");
        if self.practice > 0 {
            s.push_str(&format!(
                ", {}",
                n(self.practice, "practice run", "practice runs")
            ));
        }
        s
    }
}

/// Every attempt of `module`, oldest first, numbered.
pub fn entries(module: &Module, attempts: &[Attempt]) -> Vec<AttemptEntry> {
    let (mut full, mut practice) = (0, 0);
    let mut first_counted = false;
    attempts
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let label = match a.mode {
                Mode::Full => {
                    full += 1;
                    Label::Attempt(full)
                }
                Mode::Missed => {
                    practice += 1;
                    Label::Practice(practice)
                }
            };
            let counts =
                a.counts_for_grade() && (module.quiz.grading != Grading::First || !first_counted);
            if a.counts_for_grade() {
                first_counted = true;
            }
            AttemptEntry {
                index,
                label,
                started: a.started,
                finished: a.finished,
                score: a.is_finished().then(|| a.score()),
                answered: a.answered(),
                asked: a.questions.len(),
                counts_for_grade: counts,
            }
        })
        .collect()
}

/// The entry of the module's attempt at `index`.
pub fn entry_for(module: &Module, attempts: &[Attempt], index: usize) -> Option<AttemptEntry> {
    entries(module, attempts).into_iter().nth(index)
}

/// The counts of `module` in `progress`.
pub fn counts(module: &Module, progress: &Progress) -> Counts {
    let mut c = Counts::default();
    for e in entries(module, progress.attempts(&module.id)) {
        match e.label {
            Label::Attempt(_) => {
                c.full += 1;
                if e.finished.is_some() {
                    c.graded += 1;
                }
            }
            Label::Practice(_) => c.practice += 1,
        }
        if e.counts_for_grade {
            c.counted += 1;
        }
    }
    c
}
