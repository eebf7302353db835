//! The pages after a quiz: an attempt's results, its review question by question, and the
//! course completion page.

use super::feedback;
use super::view::module_name;
use super::words::{Text, count, stop};
use crate::app::status::{self, module_state, pct};
use crate::app::{App, RESULT_ACTIONS};
use crate::course::Grading;
use crate::quiz::{Mode, mastery};

pub fn results(t: &mut Text, app: &App, m: usize, a: usize) {
    let module = &app.course.modules[m];
    let attempts = app.attempts(m);
    let Some(attempt) = attempts.get(a) else {
        return;
    };
    t.blank();
    t.say(&format!(
        "{}, results of {}.",
        module_name(app, m),
        label(app, m, a)
    ));
    let first_full = attempts
        .iter()
        .find(|a| a.counts_for_grade())
        .map(|a| a.number);
    let counts = attempt.mode == Mode::Full
        && (module.quiz.grading != Grading::First || first_full == Some(attempt.number));
    let verdict = match (attempt.passed(module.quiz.pass_mark), counts) {
        (true, true) => "Passed",
        (false, true) => "Not passed yet",
        (true, false) => "Pass mark reached; this attempt does not count",
        (false, false) => "Below the pass mark; this attempt does not count",
    };
    t.say(&format!(
        "Score {}%. {verdict} (pass mark {}%).",
        pct(attempt.score()),
        module.quiz.pass_mark
    ));
    let grade = mastery::module_grade(module.quiz.grading, attempts);
    let (done, of) = mastery::mastered(module, attempts, app.progress.reviews(&module.id));
    let grade = match (attempt.mode, grade) {
        (Mode::Missed, Some(g)) => format!("Practice retake: your grade stays {}%.", pct(g)),
        (Mode::Missed, None) => "Practice retake: it does not count towards your grade.".into(),
        (Mode::Full, Some(g)) => format!(
            "Module grade: {}%; {}.",
            pct(g),
            mastery::grading_rule(module.quiz.grading).0
        ),
        (Mode::Full, None) => String::new(),
    };
    t.say(&format!("{grade} {done} of {of} questions mastered."));
    t.say(&format!(
        "Questions, {}:",
        count(attempt.questions.len(), "item")
    ));
    for (i, asked) in attempt.questions.iter().enumerate() {
        let prompt = module.question(&asked.id).map_or_else(
            || format!("({} is no longer in the course)", asked.id),
            |q| q.prompt.plain(),
        );
        let how = match attempt.response(&asked.id) {
            Some(r) if r.correct => "right".to_string(),
            Some(r) if r.points > 0.0 => feedback::verdict(r).trim_end_matches('.').to_lowercase(),
            Some(_) => "not right".into(),
            None => "unanswered".into(),
        };
        let label = format!("{}. ", i + 1);
        t.lead(
            &format!("{} {how}.", stop(&prompt)),
            &label,
            &" ".repeat(label.len()),
        );
    }
    t.say(&format!(
        "What next, {}:",
        count(RESULT_ACTIONS.len(), "choice")
    ));
    for (i, (_, a)) in RESULT_ACTIONS.iter().enumerate() {
        t.say(&format!("{}. {}.", i + 1, a));
    }
    if status::course_complete(app) {
        t.say("Course complete: type map, then Enter on the map, for your completion page.");
    }
}

/// "attempt 2" or "practice run 1": numbered as every view numbers them (crate::report).
pub fn label(app: &App, m: usize, a: usize) -> String {
    match app
        .attempt_entries(m)
        .iter()
        .find(|e| e.index == a)
        .map(|e| e.label)
    {
        Some(crate::report::Label::Practice(n)) => format!("practice run {n}"),
        Some(crate::report::Label::Attempt(n)) => format!("attempt {n}"),
        None => format!("attempt {}", a + 1),
    }
}

/// Every attempt of module `m`, full and practice, numbered as every view numbers them.
pub fn history(t: &mut Text, app: &App, m: usize) {
    let module = &app.course.modules[m];
    let entries = app.attempt_entries(m);
    t.blank();
    t.say(&format!(
        "{}: attempt history. {}",
        super::view::module_name(app, m),
        crate::report::counts(module, &app.progress).words()
    ));
    t.say(&format!("{}, oldest first:", count(entries.len(), "row")));
    for (i, e) in entries.iter().enumerate() {
        let score = match e.score {
            Some(sc) => format!("{}%", pct(sc)),
            None => format!("{} of {} answered so far", e.answered, e.asked),
        };
        let graded = if e.counts_for_grade {
            ", counts for the grade"
        } else {
            ""
        };
        let date = e.finished.unwrap_or(e.started).strftime("%Y-%m-%d %H:%M");
        t.say(&format!(
            "{}. {}, {score}{graded}, {date}.",
            i + 1,
            e.label.words()
        ));
    }
}

pub fn review(t: &mut Text, app: &App, m: usize, a: usize, k: usize) {
    let module = &app.course.modules[m];
    let Some(attempt) = app.attempts(m).get(a) else {
        return;
    };
    let Some(asked) = attempt.questions.get(k) else {
        return;
    };
    t.blank();
    t.say(&format!(
        "Review of {}, question {} of {}.",
        label(app, m, a),
        k + 1,
        attempt.questions.len()
    ));
    let Some(q) = module.question(&asked.id) else {
        t.say(
            "This question has been removed from the course; your answer is kept in your history.",
        );
        return;
    };
    if !q.answered_as_is(&asked.hash) {
        t.say("This question has changed since you answered it; your answer is kept but no longer counts towards mastery.");
    }
    t.prose(&q.prompt, "", "");
    match attempt.response(&asked.id) {
        Some(r) => feedback::feedback(t, q, r, &asked.order),
        None => {
            t.say("Not answered.");
            t.lead(&feedback::right_answer(q), "Right answer: ", "  ");
            t.prose(&q.explanation, "Why: ", "  ");
        }
    }
}

pub fn completion(t: &mut Text, app: &App) {
    let done = status::course_complete(app);
    t.say(if done {
        "Course complete."
    } else {
        "Course not complete yet."
    });
    if let Some(date) = status::completion_date(app) {
        t.say(&format!("Completed on {date}."));
    }
    t.say(&format!(
        "Modules, {}:",
        count(app.course.modules.len(), "item")
    ));
    for (m, module) in app.course.modules.iter().enumerate() {
        let grade = mastery::module_grade(module.quiz.grading, app.progress.attempts(&module.id));
        let g = grade.map_or("no grade".to_string(), |g| format!("{}%", pct(g)));
        t.say(&format!(
            "{}. {}: {}, {g}.",
            m + 1,
            module.title,
            module_state(app, m).words()
        ));
    }
    let secs = crate::standing::active_seconds(&app.progress);
    t.say(&format!(
        "Active time: {} min. Print a certificate with: syllabus progress certificate",
        secs / 60
    ));
}

/// The stats, in the same figures and words as `syllabus progress stats`.
pub fn stats(t: &mut Text, app: &App, s: &crate::app::StatsState) {
    let mut text = Vec::new();
    let _ = crate::cmd::stats::human(&app.course, &s.stats, "your progress", &mut text);
    t.blank();
    for line in String::from_utf8_lossy(&text).lines() {
        if line.is_empty() {
            t.blank();
        } else {
            t.say(line);
        }
    }
}
