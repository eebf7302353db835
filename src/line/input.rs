//! Lines typed in the line mode, turned into the app's own `Action`s: commands are words
//! with one-letter forms (`next n`, `back b`, `map m`, `help h`, `repeat r`, `quit q`), and
//! an answer becomes the moves a learner would make with the keys. `ask` and `help` say what
//! can be typed where, from the same table of places.

use super::quiz;
use super::view::{self, Place};
use crate::app::{Action, App, Draft, Prompt, RESULT_ACTIONS, Screen};

/// What a line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Actions(Vec<Action>),
    /// Back, as often as it takes to reach the course map.
    ToMap,
    Help,
    Repeat,
    Info(usize),
    /// Nothing to do: say this (what was expected).
    Say(String),
}

fn word(line: &str) -> String {
    line.trim().to_lowercase()
}

/// The common commands, in full and by letter. `letters` is false while a short answer
/// is being typed, where a single letter is an answer.
fn common(w: &str, letters: bool) -> Option<Command> {
    let is = |full: &str, letter: &str| w == full || (letters && w == letter);
    if is("help", "h") || w == "?" {
        Some(Command::Help)
    } else if is("repeat", "r") {
        Some(Command::Repeat)
    } else if is("quit", "q") {
        Some(Command::Actions(vec![Action::Quit]))
    } else if is("map", "m") {
        Some(Command::ToMap)
    } else {
        None
    }
}

fn number(w: &str) -> Option<usize> {
    w.trim_end_matches('.').parse().ok()
}

/// Read one line in the current place.
pub fn parse(app: &App, line: &str) -> Command {
    let w = word(line);
    if let Some(p) = &app.prompt {
        return prompt(p, &w);
    }
    let place = view::place(app);
    let short = short_question(app);
    if short && w.len() > 1 && w.starts_with('"') && w.ends_with('"') {
        return answer(app, &line.trim()[1..line.trim().len() - 1]);
    }
    if let Some(c) = common(&w, !short) {
        return c;
    }
    let is = |full: &str, letter: &str| w == full || (!short && w == letter);
    let act = |a: Vec<Action>| Command::Actions(a);
    match place {
        Place::Prompt(_) => Command::Repeat,
        Place::Map => {
            let n = app.course.modules.len();
            if w.is_empty() || is("continue", "c") {
                return act(vec![Action::Continue]);
            }
            if let Some(rest) = w.strip_prefix("info").or_else(|| w.strip_prefix("i ")) {
                return match number(rest.trim()) {
                    Some(k) if (1..=n).contains(&k) => Command::Info(k - 1),
                    _ => Command::Say(format!("Type info and a module number from 1 to {n}.")),
                };
            }
            if w == "stats" {
                return act(vec![Action::Stats]);
            }
            if w == "review" || w == "v" {
                return act(vec![Action::StartReview]);
            }
            if let Some(rest) = w.strip_prefix("history").or_else(|| w.strip_prefix("h ")) {
                return match number(rest.trim()) {
                    Some(k) if (1..=n).contains(&k) => {
                        let mut a = vec![Action::Top];
                        a.extend(std::iter::repeat_n(Action::Down, k - 1));
                        a.push(Action::History);
                        act(a)
                    }
                    _ => Command::Say(format!("Type history and a module number from 1 to {n}.")),
                };
            }
            match number(&w) {
                Some(k) if (1..=n).contains(&k) => {
                    let mut a = vec![Action::Top];
                    a.extend(std::iter::repeat_n(Action::Down, k - 1));
                    a.push(Action::Open);
                    act(a)
                }
                _ => Command::Say(format!(
                    "Type a module number from 1 to {n}, or press Enter for the next step."
                )),
            }
        }
        Place::Lesson(..) => {
            if w.is_empty() || is("next", "n") {
                act(vec![Action::Open])
            } else if is("back", "b") {
                act(vec![Action::PrevPage])
            } else if is("quiz", "s") || w == "start" {
                act(vec![Action::StartQuiz])
            } else if w == "review" && app.lesson_from_review() {
                // Opened from a spaced review: back to the same card's feedback.
                act(vec![Action::Back])
            } else {
                Command::Say("Press Enter for more, or type next, back, quiz or map (help lists every command).".into())
            }
        }
        Place::Question(_, _, true) => {
            if w.is_empty() || is("next", "n") {
                act(vec![Action::Submit])
            } else if is("back", "b") {
                act(vec![Action::PrevPage])
            } else {
                Command::Say("Press Enter for the next question, or type back to read the feedback on the one before.".into())
            }
        }
        Place::Question(..) => {
            if w.is_empty() {
                act(vec![Action::Submit])
            } else if is("next", "n") {
                act(vec![Action::NextPage])
            } else if is("back", "b") {
                act(vec![Action::PrevPage])
            } else {
                answer(app, line)
            }
        }
        Place::Summary(_, true) => {
            if w == "yes" || w == "y" {
                act(vec![Action::Confirm])
            } else {
                act(vec![Action::Back])
            }
        }
        Place::Summary(..) => {
            let n = app
                .open_attempt(app.current_module().unwrap_or(0))
                .map_or(0, |a| a.questions.len());
            if is("submit", "s") {
                act(vec![Action::Bottom, Action::Open])
            } else if is("back", "b") {
                act(vec![Action::PrevPage])
            } else {
                match number(&w) {
                    Some(k) if (1..=n).contains(&k) => act(vec![Action::Choose(k), Action::Open]),
                    _ => Command::Say(format!(
                        "Type a question number from 1 to {n} to open it, or submit to submit all and finish."
                    )),
                }
            }
        }
        Place::Results(..) => {
            // The numbers follow RESULT_ACTIONS: review, history, retake, practise, map.
            let chosen = match w.as_str() {
                "review" => Some(1),
                "history" => Some(2),
                "retake" => Some(3),
                "missed" | "practise" | "practice" => Some(4),
                "back" | "b" => Some(5),
                _ => number(&w),
            };
            match chosen {
                Some(1) => act(vec![Action::Review]),
                Some(2) => act(vec![Action::History]),
                Some(3) => act(vec![Action::Retake]),
                Some(4) => act(vec![Action::RetakeMissed]),
                Some(5) => Command::ToMap,
                _ => Command::Say(format!("Type a number from 1 to {}.", RESULT_ACTIONS.len())),
            }
        }
        Place::Stats => act(vec![Action::Back]),
        Place::Spaced(_, true) => {
            if w.is_empty() || is("next", "n") {
                act(vec![Action::Submit])
            } else if w == "lesson" || w == "l" {
                act(vec![Action::OpenLesson])
            } else {
                Command::Say(super::spaced::ask_after_answer())
            }
        }
        Place::Spaced(_, false) => {
            if w.is_empty() {
                act(vec![Action::Submit])
            } else {
                spaced_answer(app, line)
            }
        }
        Place::History(m) => {
            let n = app.attempts(m).len();
            if is("back", "b") {
                act(vec![Action::Back])
            } else {
                match number(&w) {
                    Some(k) if (1..=n).contains(&k) => {
                        let mut actions = vec![Action::Top];
                        actions.extend(std::iter::repeat_n(Action::Down, k - 1));
                        actions.push(Action::Open);
                        act(actions)
                    }
                    _ => Command::Say(format!(
                        "Type a number from 1 to {n} to review that attempt, or back."
                    )),
                }
            }
        }
        Place::Review(..) => {
            if w.is_empty() || is("next", "n") {
                act(vec![Action::NextPage])
            } else if is("back", "b") {
                act(vec![Action::PrevPage])
            } else if w == "results" {
                act(vec![Action::Back])
            } else {
                Command::Say(
                    "Press Enter for the next question, or type back, results or map.".into(),
                )
            }
        }
        Place::Completion => {
            if w.is_empty() {
                act(vec![Action::Open])
            } else {
                Command::Say("Press Enter for the course map.".into())
            }
        }
    }
}

fn prompt(p: &Prompt, w: &str) -> Command {
    let key = |c: char| Command::Actions(vec![Action::PromptKey(c)]);
    match (p, w) {
        (Prompt::UnreadLessons { .. }, "yes" | "y") => key('y'),
        (Prompt::UnreadLessons { .. }, "no" | "n" | "back" | "b") => key('n'),
        (Prompt::UnreadLessons { .. }, _) => Command::Say("Type yes or no.".into()),
        (Prompt::Damaged { .. }, "start" | "s") => key('s'),
        (Prompt::Damaged { .. }, "quit" | "q") => key('q'),
        (Prompt::Damaged { .. }, _) => Command::Say("Type start or quit.".into()),
        (Prompt::SaveFailedOnQuit { .. }, "retry") => key('r'),
        (Prompt::SaveFailedOnQuit { .. }, "write" | "w") => key('w'),
        (Prompt::SaveFailedOnQuit { .. }, "discard") => key('d'),
        (Prompt::SaveFailedOnQuit { .. }, "back" | "b") => key('\u{1b}'),
        (Prompt::SaveFailedOnQuit { .. }, _) => {
            Command::Say("Type retry, write, discard or back.".into())
        }
    }
}

pub(super) fn short_question(app: &App) -> bool {
    matches!(&app.screen, Screen::Quiz(q) if q.reveal.is_none() && matches!(q.draft, Draft::Short { .. }))
        && matches!(view::place(app), Place::Question(..))
}

fn spaced_answer(app: &App, line: &str) -> Command {
    let Screen::Spaced(s) = &app.screen else {
        return Command::Repeat;
    };
    let Some((_, q, ..)) = super::spaced::card(app, s) else {
        return Command::Repeat;
    };
    match quiz::answer_actions(q, &s.draft, line) {
        Ok(actions) => Command::Actions(actions),
        Err(expected) => Command::Say(expected),
    }
}

fn answer(app: &App, line: &str) -> Command {
    let Screen::Quiz(s) = &app.screen else {
        return Command::Repeat;
    };
    let Some(q) = app
        .open_attempt(s.module)
        .and_then(|a| a.questions.get(s.question))
        .and_then(|asked| app.course.modules[s.module].question(&asked.id))
    else {
        return Command::Repeat;
    };
    match quiz::answer_actions(q, &s.draft, line) {
        Ok(actions) => Command::Actions(actions),
        Err(expected) => Command::Say(expected),
    }
}

/// The line before the `>`: what can be typed here.
pub fn ask(app: &App) -> String {
    if let Some(p) = &app.prompt {
        return match p {
            Prompt::UnreadLessons { .. } => "Type yes to start the assessment, or no to go back.",
            Prompt::Damaged { .. } => "Type start to start fresh (the damaged files stay where they are), or quit to quit without writing anything.",
            Prompt::SaveFailedOnQuit { .. } => "Type retry, write, discard or back.",
        }
        .into();
    }
    let nav = |app: &App, m: usize| {
        if app.course.modules[m].quiz.feedback == crate::course::Feedback::Deferred {
            " next and back move between questions."
        } else {
            ""
        }
    };
    match (view::place(app), &app.screen) {
        (Place::Map, _) => format!(
            "Type a module number to open it, or press Enter for the next step: {}. Type help for every command.",
            view::next_step(app)
        ),
        (Place::Lesson(m, page), _) => {
            if page < app.course.modules[m].sections.len() {
                "Press Enter for the next page, or type back, quiz, map or help.".into()
            } else {
                "Press Enter to start the quiz, or type back, map or help.".into()
            }
        }
        (Place::Question(m, _, true), _) => format!(
            "Press Enter for the next question, or type back for the feedback on the one before.{}",
            nav(app, m).replace(" next and back move between questions.", "")
        ),
        (Place::Question(m, _, false), Screen::Quiz(s)) => {
            let Some((q, asked)) = app.open_attempt(m).and_then(|a| {
                let asked = a.questions.get(s.question)?;
                Some((app.course.modules[m].question(&asked.id)?, asked))
            }) else {
                return String::new();
            };
            let how = if quiz::chosen(q, asked, &s.draft).is_some() {
                "Press Enter to submit it, or type another answer.".to_string()
            } else {
                quiz::instruction(q, asked)
            };
            format!("{how}{}", nav(app, m))
        }
        (Place::Summary(m, true), _) => format!(
            "{} Type yes to submit; anything else goes back.",
            view::confirm_words(app, m)
        ),
        (Place::Summary(..), _) => {
            "Type a question number to open it and change its answer, or submit to submit all and finish."
                .into()
        }
        (Place::Results(..), _) => format!(
            "Type a number from 1 to {}, or help.",
            RESULT_ACTIONS.len()
        ),
        (Place::Stats, _) => "Press Enter for the course map.".into(),
        (Place::Spaced(..), Screen::Spaced(s)) => super::spaced::ask(app, s),
        (Place::History(m), _) => format!(
            "Type a number from 1 to {} to review that attempt, or back.",
            app.attempts(m).len()
        ),
        (Place::Review(..), _) => {
            "Press Enter for the next question, or type back, results or map.".into()
        }
        (Place::Completion, _) => "Press Enter for the course map.".into(),
        _ => String::new(),
    }
}
