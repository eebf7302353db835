//! `syllabus progress optimize`: fit FSRS parameters to this learner's answers and reviews
//! with the `fsrs` crate's optimizer, and keep them in the progress file (`fsrs_parameters`),
//! where the scheduler takes them from next time. Each card's history (quiz answers and
//! reviews that still apply, in time order) gives one training item per answer after the
//! first. The crate decides what is enough: under 8 usable items it keeps its defaults, under
//! 64 it fits only the first-answer stabilities; from 64 it trains every parameter.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use fsrs::{ComputeParametersInput, DEFAULT_PARAMETERS, FSRSItem, FSRSReview, compute_parameters};

use crate::course::Course;
use crate::course::diagnostic::escape_controls;
use crate::progress::{FileStore, Progress, ProgressStore};
use crate::spaced::card::{days_between, events};

/// The training items of every card: one per answer after the first, with its history.
pub fn training_items(course: &Course, progress: &Progress) -> Vec<FSRSItem> {
    let mut items = Vec::new();
    for module in &course.modules {
        let attempts = progress.attempts(&module.id);
        let reviews = progress.reviews(&module.id);
        for q in &module.quiz.questions {
            let ev = events(q, attempts, reviews);
            let mut history: Vec<FSRSReview> = Vec::new();
            let mut last = None;
            for (at, rating) in ev {
                let delta = last.map_or(0, |l| days_between(l, at).max(0.0).floor() as u32);
                history.push(FSRSReview {
                    rating: rating.number(),
                    delta_t: delta,
                });
                last = Some(at);
                // The crate needs a day or more between two answers somewhere in an item
                // (it panics otherwise): same-day histories teach it nothing long-term.
                if history.len() > 1 && history.iter().any(|r| r.delta_t > 0) {
                    items.push(FSRSItem {
                        reviews: history.clone(),
                    });
                }
            }
        }
    }
    items
}

pub fn run(
    course: &Course,
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let open = FileStore::open(path, &course.id);
    let mut store = open.store;
    if let Some(why) = store.read_only() {
        writeln!(err, "syllabus: not optimizing: {}", escape_controls(why))?;
        return Ok(ExitCode::FAILURE);
    }
    if store.is_held() {
        writeln!(
            err,
            "syllabus: the progress file is damaged; start `syllabus` to recover it, then optimize"
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let mut progress = open.progress;
    let items = training_items(course, &progress);
    let usable = items
        .iter()
        .filter(|i| i.reviews.last().is_some_and(|r| r.delta_t > 0))
        .count();
    let fitted = match compute_parameters(ComputeParametersInput {
        train_set: items,
        ..ComputeParametersInput::default()
    }) {
        Ok(p) => p,
        Err(e) => {
            writeln!(
                err,
                "syllabus: the FSRS optimizer failed: {e}; the parameters are unchanged"
            )?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let defaults = fitted.as_slice() == DEFAULT_PARAMETERS.as_slice();
    progress.fsrs_parameters = if defaults { Vec::new() } else { fitted.clone() };
    if let Err(e) = store.save(&progress) {
        writeln!(err, "syllabus: {}", escape_controls(&e.to_string()))?;
        return Ok(ExitCode::FAILURE);
    }
    // What the crate made of them (it also sets aside outliers, so the count alone does not
    // say): its defaults, only the first-answer stabilities, or every parameter.
    let how = if defaults {
        "not enough yet for FSRS to fit anything (it needs at least 8 after setting outliers aside): its defaults are kept"
    } else if fitted[4..] == DEFAULT_PARAMETERS[4..] {
        "FSRS fitted the first-answer stabilities only (it trains the rest from 64 on)"
    } else {
        "every parameter fitted"
    };
    writeln!(
        out,
        "{usable} answers a day or more after the previous one: {how}."
    )?;
    let shown: Vec<String> = fitted.iter().map(|p| format!("{p:.4}")).collect();
    writeln!(out, "FSRS parameters: {}", shown.join(", "))?;
    writeln!(
        out,
        "Saved in {}; reviews are scheduled with them from the next start.",
        escape_controls(&path.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}
