//! Where the learner stands: each module's state in words, what "continue" suggests, course
//! completion, and the text of a lesson's last page.

use crate::course::markup::{Para, Prose, Run, Style};
use crate::course::{Module, ModuleKind};
use crate::layout::{self, Line};
use crate::quiz::mastery;

use super::App;

/// A module's state as the map shows it (always in words as well as a marker).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ModuleState {
    NotStarted,
    InProgress,
    /// Quiz passed (with the module grade), but some sections not yet opened.
    Passed(f64),
    /// Every section opened and the quiz passed.
    Complete(f64),
    /// Graded, but below the pass mark.
    Below(f64),
}

impl ModuleState {
    pub fn words(&self) -> String {
        match self {
            ModuleState::NotStarted => "not started".into(),
            ModuleState::InProgress => "in progress".into(),
            ModuleState::Passed(g) => format!("passed {}%, sections unread", pct(*g)),
            ModuleState::Complete(g) => format!("complete {}%", pct(*g)),
            ModuleState::Below(g) => format!("below pass mark {}%", pct(*g)),
        }
    }

    /// A marker that works without colour.
    pub fn marker(&self) -> &'static str {
        match self {
            ModuleState::NotStarted => "·",
            ModuleState::InProgress => "…",
            ModuleState::Passed(_) | ModuleState::Complete(_) => "✓",
            ModuleState::Below(_) => "✗",
        }
    }

    pub fn is_complete(&self) -> bool {
        matches!(self, ModuleState::Complete(_))
    }
}

/// A score rounded for display; never shows 100 for less than 100.
pub fn pct(score: f64) -> u32 {
    let r = score.round();
    if r >= 100.0 && score < 100.0 - 1e-9 {
        99
    } else {
        r.clamp(0.0, 100.0) as u32
    }
}

pub fn module_state(app: &App, m: usize) -> ModuleState {
    let module = &app.course.modules[m];
    let attempts = app.progress.attempts(&module.id);
    let mp = app.progress.module(&module.id);
    let grade = mastery::module_grade(module.quiz.grading, attempts);
    let all_opened = module
        .sections
        .iter()
        .all(|s| mp.is_some_and(|p| p.has_opened(&s.id)));
    match grade {
        Some(g) if mastery::quiz_passed(module, attempts) => {
            if all_opened {
                ModuleState::Complete(g)
            } else {
                ModuleState::Passed(g)
            }
        }
        Some(g) => ModuleState::Below(g),
        None => {
            let started = mp.is_some_and(|p| !p.opened.is_empty() || !p.attempts.is_empty());
            if started {
                ModuleState::InProgress
            } else {
                ModuleState::NotStarted
            }
        }
    }
}

/// The modules `m` requires that are not complete yet, in course order.
pub fn missing_requirements(app: &App, m: usize) -> Vec<usize> {
    let Some(module) = app.course.modules.get(m) else {
        return Vec::new();
    };
    (0..app.course.modules.len())
        .filter(|&r| {
            module.requires.contains(&app.course.modules[r].id)
                && !module_state(app, r).is_complete()
        })
        .collect()
}

/// Why module `m` cannot be opened yet, if it cannot.
pub fn locked_reason(app: &App, m: usize) -> Option<String> {
    let missing = missing_requirements(app, m);
    if missing.is_empty() {
        return None;
    }
    let names: Vec<String> = missing
        .iter()
        .map(|&r| format!("{} {}", r + 1, app.course.modules[r].title))
        .collect();
    Some(format!("Locked: complete {} first.", names.join(" and ")))
}

/// `(lessons with a section not yet opened, lessons)`: assessments are not lessons.
pub fn unread_lessons(app: &App) -> (usize, usize) {
    let lessons: Vec<&Module> = app
        .course
        .modules
        .iter()
        .filter(|m| m.kind == ModuleKind::Lesson)
        .collect();
    let unread = lessons
        .iter()
        .filter(|m| {
            let p = app.progress.module(&m.id);
            m.sections
                .iter()
                .any(|s| !p.is_some_and(|p| p.has_opened(&s.id)))
        })
        .count();
    (unread, lessons.len())
}

pub fn course_complete(app: &App) -> bool {
    app.summary().complete == app.course.modules.len()
}

/// `(modules complete, modules, questions mastered, questions)` for the course.
pub fn course_totals(app: &App) -> (usize, usize, usize, usize) {
    let s = app.summary();
    (
        s.complete,
        app.course.modules.len(),
        s.mastered,
        s.questions,
    )
}

/// What the map, "continue" and the completion checks need from every module at once.
/// Working it out visits every module and response, so the app keeps one (refreshed by
/// `update` when the progress changes, see `progress_key`) instead of redoing it several
/// times a frame: on a 1,000-module course that made each key on the map cost milliseconds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// `progress_key` of the progress this was worked out from.
    pub key: u64,
    /// Modules complete.
    pub complete: usize,
    /// Questions mastered, and questions, over the whole course.
    pub mastered: usize,
    pub questions: usize,
    /// The first module with an unfinished attempt.
    pub first_open: Option<usize>,
    /// The first module not complete, with its first unopened section (None: all opened).
    pub first_incomplete: Option<(usize, Option<usize>)>,
}

impl Summary {
    pub fn compute(app: &App) -> Summary {
        let mut s = Summary {
            key: progress_key(&app.progress),
            ..Summary::default()
        };
        for (m, module) in app.course.modules.iter().enumerate() {
            let attempts = app.progress.attempts(&module.id);
            let complete = module_state(app, m).is_complete();
            if complete {
                s.complete += 1;
            }
            let (a, b) = mastery::mastered(module, attempts, app.progress.reviews(&module.id));
            s.mastered += a;
            s.questions += b;
            if s.first_open.is_none() && attempts.last().is_some_and(|a| !a.is_finished()) {
                s.first_open = Some(m);
            }
            if s.first_incomplete.is_none() && !complete {
                let mp = app.progress.module(&module.id);
                let unread = module
                    .sections
                    .iter()
                    .position(|sec| !mp.is_some_and(|p| p.has_opened(&sec.id)));
                s.first_incomplete = Some((m, unread));
            }
        }
        s
    }
}

/// A fingerprint of what module states, mastery and "continue" depend on in the progress:
/// which modules have progress, how many sections each has opened, and each attempt's mode,
/// end, size and every response's result. Progress only grows (sections opened, attempts
/// started, answered and finished), so every change the app makes moves it; it reads a few
/// integers per response and hashes no text, so checking it each frame costs microseconds.
pub fn progress_key(p: &crate::progress::Progress) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| h = (h ^ x).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    for (id, mp) in &p.modules {
        for chunk in id.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            mix(u64::from_le_bytes(word));
        }
        mix(mp.opened.len() as u64);
        mix(mp.attempts.len() as u64);
        mix(mp.reviews.len() as u64);
        for a in &mp.attempts {
            mix(u64::from(a.finished.is_some())
                | u64::from(a.mode == crate::quiz::Mode::Full) << 1
                | (a.questions.len() as u64) << 2);
            mix(a.responses.len() as u64);
            for r in &a.responses {
                mix(r.points.to_bits() ^ u64::from(r.correct) ^ (r.question.len() as u64) << 56);
            }
        }
    }
    h
}

/// What "continue" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    ResumeQuiz(usize),
    /// A lesson at a page.
    Lesson(usize, usize),
    StartQuiz(usize),
    Completion,
}

pub fn next_step(app: &App) -> Step {
    // An unfinished attempt comes first: the one the learner was in, else the earliest.
    let here = app
        .progress
        .place
        .module
        .as_deref()
        .and_then(|id| app.course.module_index(id));
    if let Some(m) = here.filter(|&m| app.open_attempt(m).is_some()) {
        return Step::ResumeQuiz(m);
    }
    let s = app.summary();
    if let Some(m) = s.first_open {
        return Step::ResumeQuiz(m);
    }
    match s.first_incomplete {
        Some((m, Some(page))) => Step::Lesson(m, page),
        Some((m, None)) => Step::StartQuiz(m),
        None => Step::Completion,
    }
}

/// The last page of a lesson: key takeaways, then how to start the quiz.
pub fn final_page(module: &Module, width: u16) -> Vec<Line> {
    let mut lines = Vec::new();
    let heading = |text: &str| {
        Prose(vec![Para(vec![Run {
            text: text.to_string(),
            style: Style::BOLD,
        }])])
    };
    if !module.takeaways.is_empty() {
        lines.extend(layout::prose(&heading("Key takeaways"), width, "", ""));
        lines.push(Line::blank());
        for t in &module.takeaways {
            lines.extend(layout::prose(t, width, "• ", "  "));
        }
        lines.push(Line::blank());
    }
    let quiz = &module.quiz;
    let what = if module.kind == ModuleKind::Assessment {
        "This assessment"
    } else {
        "The quiz"
    };
    let feedback = match quiz.feedback {
        crate::course::Feedback::Immediate => {
            "you see after each answer whether it was right, and why"
        }
        crate::course::Feedback::Deferred => {
            "you see your results and the explanations when you finish"
        }
    };
    let moving = match quiz.feedback {
        crate::course::Feedback::Immediate => "",
        crate::course::Feedback::Deferred => {
            " You can move between the questions (← →) and change any answer until you submit them all."
        }
    };
    let (_, rule) = crate::quiz::mastery::grading_rule(quiz.grading);
    let text = format!(
        "{what} asks {} questions; the pass mark is {}%; {feedback}. {rule} Choose an answer, then press Enter to submit it.{moving} You can leave at any time and come back to the same question. Press Enter to start.",
        quiz.per_attempt, quiz.pass_mark
    );
    lines.extend(layout::prose(
        &heading("Ready for the quiz?"),
        width,
        "",
        "",
    ));
    lines.push(Line::blank());
    lines.extend(layout::prose(&Prose::parse(&text), width, "", ""));
    lines
}

/// The day the course was completed: when the last attempt that completed it finished.
pub fn completion_date(app: &App) -> Option<String> {
    if !course_complete(app) {
        return None;
    }
    let last = app
        .course
        .modules
        .iter()
        .flat_map(|m| app.progress.attempts(&m.id))
        .filter_map(|a| a.finished)
        .max()?;
    Some(last.strftime("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use jiff::{SignedDuration, Timestamp};

    use super::*;
    use crate::app::Action;
    use crate::course::{EmbeddedFiles, load};
    use crate::progress::Progress;

    /// The kept summary must always equal one worked out afresh, whatever the learner does.
    #[test]
    fn kept_summary_matches_a_fresh_one_through_a_session() {
        let Some(course) = load(&EmbeddedFiles::builtin()).course else {
            panic!("the default course must load");
        };
        let mut app = App::new(course.clone(), Progress::new(&course.id), 3);
        let t0 = Timestamp::UNIX_EPOCH + SignedDuration::from_hours(24 * 365 * 50);
        let mut keys = Vec::new();
        // Read a module, take its quiz answering with whatever is under the cursor, look at
        // the results, retake, then move about the map and continue.
        keys.extend([
            Action::Open,
            Action::NextPage,
            Action::NextPage,
            Action::StartQuiz,
        ]);
        for _ in 0..40 {
            keys.extend([
                Action::Toggle,
                Action::Type('x'),
                Action::Choose(1),
                Action::Submit,
            ]);
        }
        keys.extend([
            Action::Retake,
            Action::Choose(2),
            Action::Submit,
            Action::Back,
        ]);
        keys.extend([Action::Down, Action::Down, Action::Continue, Action::Back]);
        for (i, a) in keys.into_iter().enumerate() {
            app.update(a, t0 + SignedDuration::from_secs(i as i64));
            assert_eq!(*app.summary(), Summary::compute(&app), "after key {i}");
        }
        let answered: usize = app
            .progress
            .modules
            .values()
            .flat_map(|m| &m.attempts)
            .map(|a| a.responses.len())
            .sum();
        assert!(
            answered > 0,
            "the session answered nothing: {:?}",
            app.screen
        );
    }
}
