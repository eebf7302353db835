//! Which key asks for what, screen by screen. Kept apart from `update` so that both the keys
//! and the help screen read from one table.

use super::action::{Action, Key};
use super::quiz_keys;
use super::{App, Screen};
use crate::quiz::Draft;

/// One line of help: the keys and what they do.
pub type HelpRow = (&'static str, &'static str);

/// Map a key to an action on the current screen.
pub fn action_for(app: &App, key: Key) -> Option<Action> {
    if key == Key::Ctrl('c') {
        return Some(Action::Quit);
    }
    if app.prompt.is_some() {
        return match key {
            Key::Char(c) => Some(Action::PromptKey(c.to_ascii_lowercase())),
            Key::Esc => Some(Action::PromptKey('\u{1b}')),
            Key::Enter => Some(Action::PromptKey('\n')),
            _ => None,
        };
    }
    if app.help {
        return match key {
            Key::Char('?') | Key::Char('q') | Key::Esc | Key::Enter => Some(Action::ToggleHelp),
            _ => None,
        };
    }
    if let Screen::Quiz(q) = &app.screen {
        // Typing a short answer takes every printable key.
        let typing = matches!(q.draft, Draft::Short { .. })
            && q.reveal.is_none()
            && app
                .open_attempt(q.module)
                .is_some_and(|a| q.question < a.questions.len());
        return match key {
            Key::Char('?') if !typing && !q.confirm => Some(Action::ToggleHelp),
            Key::Char('x') if !typing && !q.confirm => Some(Action::Dismiss),
            _ => quiz_keys::action_for(app, q, key),
        };
    }
    if let Screen::Spaced(s) = &app.screen {
        return super::spaced_keys::action_for(s, key);
    }
    let common = match key {
        Key::Char('?') => Some(Action::ToggleHelp),
        Key::Char('q') | Key::Esc => Some(Action::Back),
        Key::Char('x') => Some(Action::Dismiss),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match &app.screen {
        Screen::Map(_) => match key {
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') | Key::Tab => Some(Action::Down),
            Key::BackTab => Some(Action::Up),
            Key::Home | Key::Char('g') => Some(Action::Top),
            Key::End | Key::Char('G') => Some(Action::Bottom),
            Key::PageUp => Some(Action::PageUp),
            Key::PageDown => Some(Action::PageDown),
            Key::Enter | Key::Right | Key::Char('l') => Some(Action::Open),
            Key::Char('c') => Some(Action::Continue),
            Key::Char('v') => Some(Action::StartReview),
            _ => None,
        },
        Screen::Lesson(_) => match key {
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') => Some(Action::Down),
            Key::PageUp | Key::Char('b') => Some(Action::PageUp),
            Key::PageDown | Key::Char(' ') => Some(Action::PageDown),
            Key::Home | Key::Char('g') => Some(Action::Top),
            Key::End | Key::Char('G') => Some(Action::Bottom),
            Key::Right | Key::Char('n') | Key::Char('l') => Some(Action::NextPage),
            Key::Left | Key::Char('p') | Key::Char('h') => Some(Action::PrevPage),
            Key::Enter => Some(Action::Open),
            Key::Char('s') => Some(Action::StartQuiz),
            _ => None,
        },
        Screen::Quiz(_) | Screen::Spaced(_) => None,
        Screen::Results(_) => match key {
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') => Some(Action::Down),
            Key::Enter => Some(Action::Open),
            Key::Char('r') => Some(Action::Review),
            Key::Char('t') => Some(Action::Retake),
            Key::Char('m') => Some(Action::RetakeMissed),
            _ => None,
        },
        Screen::Review(_) => match key {
            Key::Right | Key::Char('n') | Key::Char('l') | Key::Enter => Some(Action::NextPage),
            Key::Left | Key::Char('p') | Key::Char('h') => Some(Action::PrevPage),
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') | Key::Char(' ') => Some(Action::Down),
            Key::Home | Key::Char('g') => Some(Action::Top),
            _ => None,
        },
        Screen::Completion => match key {
            Key::Enter => Some(Action::Back),
            _ => None,
        },
    }
}

/// The keys of the current screen, for the help overlay.
pub fn help(app: &App) -> Vec<HelpRow> {
    let mut rows: Vec<HelpRow> = match &app.screen {
        Screen::Map(_) => vec![
            ("↑ ↓  j k", "choose a module"),
            ("Enter", "open the module (where you left it)"),
            ("c", "continue: the suggested next step"),
            ("v", "review the questions that are due (spaced review)"),
            ("g G  Home End", "first / last module"),
            ("q  Esc", "quit (progress is saved)"),
        ],
        Screen::Lesson(_) => vec![
            ("↓ ↑  j k", "scroll a line"),
            ("Space PgDn  b PgUp", "scroll a page"),
            ("g G  Home End", "top / bottom"),
            ("→ n  ← p", "next / previous section"),
            ("Enter", "next section; on the last page, start the quiz"),
            ("s", "start the quiz now"),
            ("mouse wheel", "scroll"),
            ("q  Esc", "back to the map"),
        ],
        Screen::Quiz(q) => quiz_keys::help(app, q),
        Screen::Spaced(s) => super::spaced_keys::help(s),
        Screen::Results(_) => vec![
            ("↑ ↓  Enter", "choose and run an action"),
            ("r", "review this attempt question by question"),
            ("t", "retake the quiz (a new mix of questions)"),
            ("m", "retake only the questions you missed (practice)"),
            ("q  Esc", "back to the map"),
        ],
        Screen::Review(_) => vec![
            ("→ n  ← p", "next / previous question"),
            ("↓ ↑  j k", "scroll"),
            ("q  Esc", "back to the results"),
        ],
        Screen::Completion => vec![("Enter  q  Esc", "back to the map")],
    };
    rows.push(("?", "show or hide this help"));
    rows.push(("x", "hide the message at the top"));
    rows.push(("Ctrl-C", "quit from anywhere (progress is saved)"));
    rows
}

/// The 3 to 5 keys that matter on the current screen, for the footer.
pub fn footer(app: &App) -> Vec<(&'static str, &'static str)> {
    if app.prompt.is_some() {
        return Vec::new();
    }
    match &app.screen {
        Screen::Map(_) => {
            let mut keys = vec![("Enter", "open"), ("c", app.continue_label())];
            if app.queue().counts(app.clock).now > 0 {
                keys.push(("v", "review"));
            }
            keys.extend([("?", "help"), ("q", "quit")]);
            keys
        }
        Screen::Lesson(_) => vec![
            ("↓↑", "scroll"),
            ("→←", "section"),
            ("s", "quiz"),
            ("?", "help"),
            (
                "q",
                if app.lesson_from_review() {
                    "review"
                } else {
                    "map"
                },
            ),
        ],
        Screen::Quiz(q) => quiz_keys::footer(app, q),
        Screen::Spaced(s) => super::spaced_keys::footer(s),
        Screen::Results(_) => vec![
            ("r", "review"),
            ("t", "retake"),
            ("m", "missed"),
            ("q", "map"),
        ],
        Screen::Review(_) => vec![("→←", "question"), ("↓↑", "scroll"), ("q", "results")],
        Screen::Completion => vec![("Enter", "map")],
    }
}
