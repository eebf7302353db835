//! What the line mode prints for the app's current state: a page of text when the learner
//! arrives somewhere (`page`), and the line saying what can be typed (`ask`). Read from the
//! same `App` the screens draw; nothing here changes it.

use super::words::{Text, count, stop};
use super::{feedback, quiz, results};
use crate::app::status::{self, Step, module_state, pct};
use crate::app::{App, Prompt, QuizState, Screen};
use crate::course::{Feedback, ModuleKind};
use crate::quiz::{Mode, mastery};

/// Where the learner is, as far as printing goes: a new place prints a new page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Prompt(u8),
    Map,
    Lesson(usize, usize),
    /// Module, question, feedback shown.
    Question(usize, usize, bool),
    /// Module, waiting for the confirmation.
    Summary(usize, bool),
    Results(usize, usize),
    /// Module: its attempt history.
    History(usize),
    Stats,
    /// A spaced-review card: its index, answered.
    Spaced(usize, bool),
    Review(usize, usize, usize),
    Completion,
}

pub fn place(app: &App) -> Place {
    match &app.prompt {
        Some(Prompt::Damaged { .. }) => return Place::Prompt(0),
        Some(Prompt::SaveFailedOnQuit { .. }) => return Place::Prompt(1),
        Some(Prompt::UnreadLessons { .. }) => return Place::Prompt(2),
        None => {}
    }
    match &app.screen {
        Screen::Map(_) => Place::Map,
        Screen::Lesson(s) => Place::Lesson(s.module, s.page),
        Screen::Quiz(s) => {
            let total = app.open_attempt(s.module).map_or(0, |a| a.questions.len());
            if s.question >= total {
                Place::Summary(s.module, s.confirm)
            } else {
                Place::Question(s.module, s.question, s.reveal.is_some())
            }
        }
        Screen::Results(s) => Place::Results(s.module, s.attempt),
        Screen::History(s) => Place::History(s.module),
        Screen::Stats(_) => Place::Stats,
        Screen::Spaced(s) => {
            let index = super::spaced::card(app, s).map_or(0, |c| c.3);
            Place::Spaced(index, s.reveal.is_some())
        }
        Screen::Review(s) => Place::Review(s.module, s.attempt, s.question),
        Screen::Completion => Place::Completion,
    }
}

fn in_quiz(p: &Place, m: usize) -> bool {
    matches!(p, Place::Question(k, ..) | Place::Summary(k, _) if *k == m)
}

/// The page for the current place; `before` is the place the last page was printed for.
pub fn page(app: &App, before: Option<&Place>, width: u16) -> Vec<String> {
    let mut t = Text::new(width);
    let now = place(app);
    if let Some(p) = &app.prompt {
        prompt(&mut t, p);
        return t.lines;
    }
    match &app.screen {
        Screen::Map(_) => map(&mut t, app),
        Screen::Lesson(s) => lesson(&mut t, app, s.module, s.page),
        Screen::Quiz(s) => {
            if !before.is_some_and(|b| in_quiz(b, s.module)) {
                quiz_header(&mut t, app, s.module);
            }
            let just_answered = matches!(
                (before, &now),
                (Some(Place::Question(m, q, false)), Place::Question(m2, q2, true))
                    if m == m2 && q == q2
            );
            quiz_page(&mut t, app, s, just_answered);
        }
        Screen::Results(s) => results::results(&mut t, app, s.module, s.attempt),
        Screen::History(s) => results::history(&mut t, app, s.module),
        Screen::Spaced(s) => super::spaced::page(&mut t, app, s),
        Screen::Stats(s) => results::stats(&mut t, app, s),
        Screen::Review(s) => results::review(&mut t, app, s.module, s.attempt, s.question),
        Screen::Completion => results::completion(&mut t, app),
    }
    t.lines
}

fn prompt(t: &mut Text, p: &Prompt) {
    match p {
        Prompt::Damaged { message } => {
            t.say("Progress file damaged.");
            t.say(message);
        }
        Prompt::SaveFailedOnQuit { error, copy_path } => {
            t.say(&format!("Progress not saved: {error}. Your progress is still in memory."));
            t.say(&format!(
                "Type retry to try saving again, write to write it to {}, discard to quit without saving, or back to go back to the course.",
                copy_path.display()
            ));
        }
        Prompt::UnreadLessons {
            unread, lessons, ..
        } => t.say(&format!(
            "{unread} of the {lessons} lessons have sections you have not read yet. The assessment covers the whole course. Start it anyway?"
        )),
    }
}

pub fn module_name(app: &App, m: usize) -> String {
    format!("Module {}, {}", m + 1, app.course.modules[m].title)
}

pub fn next_step(app: &App) -> String {
    let name = |m: usize| module_name(app, m);
    match status::next_step(app) {
        Step::ResumeQuiz(m) => format!("finish the quiz of {}", name(m)),
        Step::Lesson(m, page) => {
            let n = app.course.modules[m].sections.len();
            format!("{}, section {} of {n}", name(m), page + 1)
        }
        Step::StartQuiz(m) => format!("the quiz of {}", name(m)),
        Step::Completion => "the course is complete: see your results".into(),
    }
}

fn map(t: &mut Text, app: &App) {
    t.say(&format!(
        "{}. Course map.",
        stop(&app.course.title).trim_end_matches('.')
    ));
    if !app.course.description.is_empty() {
        t.say(&app.course.description);
    }
    let (done, total, mastered, questions) = status::course_totals(app);
    t.say(&format!(
        "{done} of {total} modules complete, {mastered} of {questions} questions mastered."
    ));
    t.say(&format!("Modules, {}:", count(total, "item")));
    for (m, module) in app.course.modules.iter().enumerate() {
        let state = if status::missing_requirements(app, m).is_empty() {
            module_state(app, m).words()
        } else {
            "locked".into()
        };
        let kind = if module.kind == ModuleKind::Assessment {
            " (assessment)"
        } else {
            ""
        };
        let open = if app.open_attempt(m).is_some() {
            ", quiz attempt open"
        } else {
            ""
        };
        let label = format!("{}. ", m + 1);
        t.lead(
            &format!("{}{kind}: {state}{open}.", module.title),
            &label,
            &" ".repeat(label.len()),
        );
    }
    t.say(&format!("Next: {}.", next_step(app)));
}

/// A module's details, as the map's detail pane shows them (`info N`).
pub fn info(app: &App, m: usize, width: u16) -> Vec<String> {
    let mut t = Text::new(width);
    let module = &app.course.modules[m];
    let attempts = app.progress.attempts(&module.id);
    t.say(&format!("{}.", module_name(app, m)));
    t.say(&module.summary);
    let mut facts = vec![format!("About {} minutes", module.minutes)];
    if !module.sections.is_empty() {
        let opened = app.progress.module(&module.id).map_or(0, |p| {
            module
                .sections
                .iter()
                .filter(|s| p.has_opened(&s.id))
                .count()
        });
        facts.push(format!(
            "{opened} of {} sections read",
            module.sections.len()
        ));
    }
    facts.push(format!("pass mark {}%", module.quiz.pass_mark));
    facts.push(
        mastery::module_grade(module.quiz.grading, attempts)
            .map_or("no grade yet".into(), |g| format!("grade {}%", pct(g))),
    );
    let (done, of) = mastery::mastered(module, attempts, app.progress.reviews(&module.id));
    facts.push(format!("{done} of {of} questions mastered"));
    t.say(&format!("{}.", facts.join(", ")));
    if let Some(why) = status::locked_reason(app, m) {
        t.say(&why);
    }
    if !module.objectives.is_empty() {
        t.say(&format!(
            "You will be able to, {}:",
            count(module.objectives.len(), "item")
        ));
        for o in &module.objectives {
            t.prose(o, "- ", "  ");
        }
    }
    if !module.sources.is_empty() {
        t.say(&format!("Sources: {}.", module.sources.join(", ")));
    }
    t.lines
}

fn lesson(t: &mut Text, app: &App, m: usize, page: usize) {
    let module = &app.course.modules[m];
    let n = module.sections.len();
    match module.sections.get(page) {
        Some(section) => {
            t.say(&format!(
                "{}. Section {} of {n}: {}",
                module_name(app, m),
                page + 1,
                stop(&section.title)
            ));
            t.blocks(&section.body);
            t.blank();
            t.say("End of section.");
        }
        None => {
            let what = if n == 0 { "Start" } else { "Last page" };
            t.say(&format!(
                "{}. {what}: key takeaways and the quiz.",
                module_name(app, m)
            ));
            if !module.takeaways.is_empty() {
                t.blank();
                t.say(&format!(
                    "Key takeaways, {}:",
                    count(module.takeaways.len(), "item")
                ));
                for k in &module.takeaways {
                    t.prose(k, "- ", "  ");
                }
            }
            t.blank();
            quiz_rules(t, app, m);
        }
    }
}

fn quiz_rules(t: &mut Text, app: &App, m: usize) {
    let module = &app.course.modules[m];
    let quiz = &module.quiz;
    let what = if module.kind == ModuleKind::Assessment {
        "This assessment"
    } else {
        "The quiz"
    };
    let feedback = match quiz.feedback {
        Feedback::Immediate => "you hear after each answer whether it was right, and why",
        Feedback::Deferred => {
            "you get your results and the explanations when you finish; until then next and back move between the questions and any answer can be changed"
        }
    };
    let (_, rule) = mastery::grading_rule(quiz.grading);
    t.say(&format!(
        "{what} asks {}; the pass mark is {}%; {feedback}. {rule} Type your answer, check what it says back, then press Enter to submit it. You can leave at any time and come back to the same question.",
        count(quiz.per_attempt, "question"),
        quiz.pass_mark
    ));
}

fn quiz_header(t: &mut Text, app: &App, m: usize) {
    let module = &app.course.modules[m];
    let Some(attempt) = app.open_attempt(m) else {
        return;
    };
    if attempt.mode == Mode::Missed {
        t.say(&format!(
            "{}, practice retake of the questions you missed: it updates mastery, not your grade.",
            module_name(app, m)
        ));
        return;
    }
    let fb = match module.quiz.feedback {
        Feedback::Immediate => "feedback after each answer",
        Feedback::Deferred => "feedback at the end",
    };
    let (rule, _) = mastery::grading_rule(module.quiz.grading);
    t.say(&format!(
        "{}, quiz, {}: {} questions, pass mark {}%, {fb}, {rule}.",
        module_name(app, m),
        results::label(app, m, app.attempts(m).len().saturating_sub(1)),
        attempt.questions.len(),
        module.quiz.pass_mark
    ));
}

fn quiz_page(t: &mut Text, app: &App, s: &QuizState, just_answered: bool) {
    let module = &app.course.modules[s.module];
    let Some(attempt) = app.open_attempt(s.module) else {
        return;
    };
    let total = attempt.questions.len();
    if s.question >= total {
        summary(t, app, s);
        return;
    }
    let asked = &attempt.questions[s.question];
    let Some(q) = module.question(&asked.id) else {
        return;
    };
    match &s.reveal {
        Some(r) => {
            if !just_answered {
                t.say(&format!(
                    "Question {} of {total}, answered: feedback.",
                    s.question + 1
                ));
                t.prose(&q.prompt, "", "");
            }
            feedback::feedback(t, q, r, &asked.order);
        }
        None => {
            t.blank();
            quiz::question(t, q, asked, &s.draft, s.question, total);
            let entered = attempt.response(&asked.id).is_some();
            if let Some(words) = quiz::chosen(q, asked, &s.draft) {
                let note = if entered && !attempt.drafts.contains_key(&asked.id) {
                    "your answer, entered"
                } else {
                    "not entered yet"
                };
                t.say(&format!("{words} ({note})"));
            }
        }
    }
}

fn summary(t: &mut Text, app: &App, s: &QuizState) {
    let module = &app.course.modules[s.module];
    let Some(attempt) = app.open_attempt(s.module) else {
        return;
    };
    let total = attempt.questions.len();
    if s.confirm {
        return;
    }
    t.blank();
    t.say(&format!(
        "Summary: {} of {total} questions answered. Nothing is marked until you submit all.",
        attempt.answered()
    ));
    for (k, asked) in attempt.questions.iter().enumerate() {
        let word = match (
            attempt.response(&asked.id).is_some(),
            attempt.drafts.contains_key(&asked.id),
        ) {
            (true, false) => "answered",
            (true, true) => "changed, not entered",
            (false, true) => "not entered",
            (false, false) => "not answered",
        };
        let prompt = module
            .question(&asked.id)
            .map(|q| q.prompt.plain())
            .unwrap_or_default();
        let label = format!("{}. ", k + 1);
        t.lead(
            &format!("{word}: {}", stop(&prompt)),
            &label,
            &" ".repeat(label.len()),
        );
    }
}

/// The confirmation asked before a deferred attempt is submitted.
pub fn confirm_words(app: &App, m: usize) -> String {
    let Some(a) = app.open_attempt(m) else {
        return String::new();
    };
    let total = a.questions.len();
    match total - a.answered() {
        0 => format!("Submit all {total} answers and finish?"),
        1 => "Submit and finish? 1 question is unanswered and will score 0.".into(),
        n => format!("Submit and finish? {n} questions are unanswered and will score 0."),
    }
}
