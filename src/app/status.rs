//! Where the learner stands, as the screens ask it: by course position, read from the
//! `Standing` the app keeps (`App::standing`, worked out again in `update` when
//! `progress_key` moves), so no view works a grade or a state out while drawing. Also the
//! text of a lesson's last page.

use crate::course::markup::{Para, Prose, Run, Style};
use crate::course::{Module, ModuleKind};
use crate::layout::{self, Line};

pub use crate::standing::{ModuleState, pct, progress_key};

use super::App;

pub fn module_state(app: &App, m: usize) -> ModuleState {
    app.standing()
        .at(m)
        .map_or(ModuleState::NotStarted, |s| s.state)
}

/// The modules `m` requires that are not complete yet, in course order.
pub fn missing_requirements(app: &App, m: usize) -> Vec<usize> {
    let standing = app.standing();
    standing.at(m).map_or_else(Vec::new, |s| {
        s.missing
            .iter()
            .filter_map(|id| standing.position(id))
            .collect()
    })
}

/// Whether module `m` waits for modules it requires.
pub fn is_locked(app: &App, m: usize) -> bool {
    app.standing().at(m).is_some_and(|s| s.is_locked())
}

/// Why module `m` cannot be opened yet, if it cannot.
pub fn locked_reason(app: &App, m: usize) -> Option<String> {
    let id = &app.course.modules.get(m)?.id;
    app.standing().locked_reason(&app.course, id)
}

/// `(lessons with a section not yet opened, lessons)`: assessments are not lessons.
pub fn unread_lessons(app: &App) -> (usize, usize) {
    app.standing().unread_lessons()
}

pub fn course_complete(app: &App) -> bool {
    app.standing().is_complete()
}

/// `(modules complete, modules, questions mastered, questions)` for the course.
pub fn course_totals(app: &App) -> (usize, usize, usize, usize) {
    let t = app.standing().totals();
    (t.complete, t.modules, t.mastered, t.questions)
}

/// What "continue" does, by course position (`standing::Step` gives ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    ResumeQuiz(usize),
    /// A lesson at a page.
    Lesson(usize, usize),
    StartQuiz(usize),
    Completion,
}

pub fn next_step(app: &App) -> Step {
    use crate::standing::Step as S;
    let at = |id: &str| app.course.module_index(id);
    let step = match app.standing().next_step(&app.progress) {
        S::ResumeQuiz(id) => at(id).map(Step::ResumeQuiz),
        S::Lesson { module, section } => at(module).map(|m| {
            let page = app.course.modules[m].section_index(section).unwrap_or(0);
            Step::Lesson(m, page)
        }),
        S::StartQuiz(id) => at(id).map(Step::StartQuiz),
        S::Completion => Some(Step::Completion),
    };
    // The standing is always of this course (`App::refresh_summary`), so every id is in it.
    step.unwrap_or(Step::Completion)
}

impl App {
    /// "resume" when something is half done, "continue" otherwise.
    pub fn continue_label(&self) -> &'static str {
        match next_step(self) {
            Step::ResumeQuiz(_) => "resume",
            Step::Lesson(m, page) => {
                let module = &self.course.modules[m];
                let saved = self
                    .progress
                    .module(&module.id)
                    .and_then(|p| p.section.as_deref());
                if saved.is_some() && saved == module.sections.get(page).map(|s| s.id.as_str()) {
                    "resume"
                } else {
                    "continue"
                }
            }
            _ => "continue",
        }
    }
}

/// The last page of a lesson: key takeaways, then how to start the quiz.
pub fn final_page(module: &Module, width: u16) -> Vec<Line> {
    let mut lines = Vec::new();
    let heading = |text: &str| {
        Prose(smallvec::smallvec![Para(smallvec::smallvec![Run {
            text: text.to_string().into(),
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
    app.standing().completion_date()
}

#[cfg(test)]
mod tests {
    use jiff::{SignedDuration, Timestamp};

    use super::*;
    use crate::app::Action;
    use crate::course::{EmbeddedFiles, load};
    use crate::progress::Progress;

    /// The kept standing must always equal one worked out afresh, whatever the learner does.
    #[test]
    fn kept_standing_matches_a_fresh_one_through_a_session() {
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
            let fresh = crate::standing::Standing::new(&app.course, &app.progress);
            assert_eq!(*app.standing(), fresh, "after key {i}");
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
