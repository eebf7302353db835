//! The item-writing review: warnings about cues that let a reader who skipped the lessons
//! answer a quiz anyway (the right option longest, extreme words only in wrong options,
//! lopsided true/false, fixed tick-all counts and match splits, one question giving away
//! another's answer, near-duplicates, mixed blank markers). It runs in `syllabus check` after
//! the course has loaded without errors, and never stops a course from loading. Each warning
//! has a stable code (`codes.rs`) that `allow` silences; docs/authoring.md explains them.

pub mod codes;
mod cues;
mod overlap;
pub mod stats;
mod text;

use crate::course::diagnostic::{Diagnostic, Severity};
use crate::course::doc::Doc;
use crate::course::files::CourseFiles;
use crate::course::model::{Course, ModuleKind};

/// One warning, before it is placed in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    /// Index of the module and of the question the warning points at.
    pub module: usize,
    pub question: usize,
    pub message: String,
    pub hint: String,
}

/// A question by its place in the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct At {
    pub module: usize,
    pub question: usize,
}

/// Whether `code` may be reported for (and counts) the question at `at`.
pub fn counts(course: &Course, at: At, code: &str) -> bool {
    let m = &course.modules[at.module];
    let q = &m.quiz.questions[at.question];
    !m.quiz.allow.iter().any(|c| c == code) && !q.allow.iter().any(|c| c == code)
}

/// Every question of the course, in order.
pub fn all(course: &Course) -> Vec<At> {
    course
        .modules
        .iter()
        .enumerate()
        .flat_map(|(mi, m)| {
            (0..m.quiz.questions.len()).map(move |qi| At {
                module: mi,
                question: qi,
            })
        })
        .collect()
}

pub fn is_assessment(course: &Course, at: At) -> bool {
    course.modules[at.module].kind == ModuleKind::Assessment
}

/// A question's id as messages name it: with its module when that is another one.
pub fn name(course: &Course, at: At, from_module: usize) -> String {
    let m = &course.modules[at.module];
    let id = &m.quiz.questions[at.question].id;
    if at.module == from_module {
        format!("`{id}`")
    } else {
        format!("`{id}` (module `{}`)", m.id)
    }
}

/// Every review warning of `course`, silenced ones left out, in course order.
pub fn findings(course: &Course) -> Vec<Finding> {
    let mut out = Vec::new();
    for mi in 0..course.modules.len() {
        cues::module(course, mi, &mut out);
    }
    cues::course_wide(course, &mut out);
    overlap::check(course, &mut out);
    out.retain(|f| {
        counts(
            course,
            At {
                module: f.module,
                question: f.question,
            },
            f.code,
        )
    });
    out.sort_by_key(|f| (f.module, f.question));
    out
}

/// The review's warnings as diagnostics at their questions. `files` is read again for the
/// line and column of each question.
pub fn review(course: &Course, files: &dyn CourseFiles) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut doc: Option<(usize, Doc)> = None;
    for f in findings(course) {
        let m = &course.modules[f.module];
        if doc.as_ref().is_none_or(|(i, _)| *i != f.module) {
            let text = files
                .read(&m.file)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            doc = Some((f.module, Doc::new(files.display(&m.file), text)));
        }
        let Some((_, doc)) = &doc else { continue };
        let span = m.quiz.questions[f.question].span.clone();
        let d = Diagnostic::in_doc(Severity::Warning, doc, span, f.message)
            .with_hint(f.hint)
            .with_code(f.code);
        diags.push(d);
    }
    diags
}

/// The chance that `k` or more of the events with the given probabilities happen, when they
/// are independent (a Poisson binomial tail).
pub fn tail(probabilities: &[f64], k: usize) -> f64 {
    let mut dist = vec![1.0];
    for &p in probabilities {
        let mut next = vec![0.0; dist.len() + 1];
        for (j, &d) in dist.iter().enumerate() {
            next[j] += d * (1.0 - p);
            next[j + 1] += d * p;
        }
        dist = next;
    }
    dist.iter().skip(k).sum()
}

#[cfg(test)]
mod tests {
    use super::tail;

    #[test]
    fn tail_matches_the_binomial() {
        assert!((tail(&[0.5; 2], 1) - 0.75).abs() < 1e-12);
        assert!((tail(&[0.25; 5], 4) - 0.015_625).abs() < 1e-9);
        assert!((tail(&[0.3], 0) - 1.0).abs() < 1e-12);
    }
}
