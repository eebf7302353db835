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

pub fn course_complete(app: &App) -> bool {
    (0..app.course.modules.len()).all(|m| module_state(app, m).is_complete())
}

/// `(modules complete, modules, questions mastered, questions)` for the course.
pub fn course_totals(app: &App) -> (usize, usize, usize, usize) {
    let mut done = 0;
    let (mut mastered, mut total) = (0, 0);
    for (m, module) in app.course.modules.iter().enumerate() {
        if module_state(app, m).is_complete() {
            done += 1;
        }
        let (a, b) = mastery::mastered(module, app.progress.attempts(&module.id));
        mastered += a;
        total += b;
    }
    (done, app.course.modules.len(), mastered, total)
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
    if let Some(m) = (0..app.course.modules.len()).find(|&m| app.open_attempt(m).is_some()) {
        return Step::ResumeQuiz(m);
    }
    for (m, module) in app.course.modules.iter().enumerate() {
        if module_state(app, m).is_complete() {
            continue;
        }
        let mp = app.progress.module(&module.id);
        if let Some(page) = module
            .sections
            .iter()
            .position(|s| !mp.is_some_and(|p| p.has_opened(&s.id)))
        {
            return Step::Lesson(m, page);
        }
        return Step::StartQuiz(m);
    }
    Step::Completion
}

/// The last page of a lesson: key takeaways, then how to start the quiz.
pub fn final_page(module: &Module, width: u16) -> Vec<Line> {
    let mut lines = Vec::new();
    let heading = |text: &str| {
        Prose(vec![Para(vec![Run {
            text: text.to_string(),
            style: Style {
                bold: true,
                emph: false,
            },
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
    let text = format!(
        "{what} asks {} questions; the pass mark is {}%; {feedback}. You can leave at any time and come back to the same question. Press Enter to start.",
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
