//! Which key asks for what, screen by screen. Kept apart from `update` so that both the keys
//! and the help screen read from one table.

use super::action::{Action, Key};
use super::{App, Screen};
use crate::app::question::Draft;

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
    // Typing a short answer takes every printable key.
    if let Screen::Quiz(q) = &app.screen
        && q.reveal.is_none()
        && let Draft::Short { .. } = q.draft
    {
        return match key {
            Key::Char(c) => Some(Action::Type(c)),
            Key::Backspace => Some(Action::Backspace),
            Key::Delete => Some(Action::Delete),
            Key::Left => Some(Action::CursorLeft),
            Key::Right => Some(Action::CursorRight),
            Key::Home | Key::Ctrl('a') => Some(Action::CursorHome),
            Key::End | Key::Ctrl('e') => Some(Action::CursorEnd),
            Key::Enter => Some(Action::Submit),
            Key::Esc => Some(Action::Back),
            _ => None,
        };
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
        Screen::Quiz(q) => {
            if q.reveal.is_some() {
                return match key {
                    Key::Enter | Key::Char(' ') | Key::Right | Key::Char('n') => {
                        Some(Action::Submit)
                    }
                    Key::Up | Key::Char('k') => Some(Action::Up),
                    Key::Down | Key::Char('j') => Some(Action::Down),
                    _ => None,
                };
            }
            match key {
                Key::Up | Key::Char('k') => Some(Action::Up),
                Key::Down | Key::Char('j') => Some(Action::Down),
                Key::Char(' ') => Some(Action::Toggle),
                Key::Left | Key::Char('h') => Some(Action::CategoryPrev),
                Key::Right | Key::Char('l') => Some(Action::CategoryNext),
                Key::Enter => Some(Action::Submit),
                Key::Char(c @ '1'..='9') => Some(Action::Choose(c as usize - '0' as usize)),
                Key::Char('t') => Some(Action::Choose(1)),
                Key::Char('f') => Some(Action::Choose(2)),
                _ => None,
            }
        }
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
        Screen::Quiz(q) => match &q.draft {
            Draft::Choice { .. } => vec![
                ("↑ ↓  j k", "move between options"),
                ("1-9", "choose an option by number"),
                ("Enter", "submit the highlighted option"),
                ("q  Esc", "leave the quiz (answers so far are kept)"),
            ],
            Draft::TrueFalse { .. } => vec![
                ("↑ ↓  t f  1 2", "choose True or False"),
                ("Enter", "submit"),
                ("q  Esc", "leave the quiz (answers so far are kept)"),
            ],
            Draft::Multiple { .. } => vec![
                ("↑ ↓  j k", "move between options"),
                ("Space  1-9", "tick or untick an option"),
                ("Enter", "submit the ticked options"),
                ("q  Esc", "leave the quiz (answers so far are kept)"),
            ],
            Draft::Match { .. } => vec![
                ("↑ ↓  j k", "move between items"),
                ("← →  h l", "change the item's category"),
                ("1-9", "put the item in category n"),
                ("Enter", "submit when every item has a category"),
                ("q  Esc", "leave the quiz (answers so far are kept)"),
            ],
            Draft::Order { .. } => vec![
                ("↑ ↓  j k", "move the cursor (or the picked-up item)"),
                ("Space", "pick up / put down the item"),
                ("Enter", "submit this order"),
                ("q  Esc", "leave the quiz (answers so far are kept)"),
            ],
            Draft::Short { .. } => vec![
                ("letters", "type your answer"),
                ("← → Home End", "move in the answer"),
                ("Backspace Delete", "erase"),
                ("Enter", "submit"),
                ("Esc", "leave the quiz (answers so far are kept)"),
            ],
        },
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
        Screen::Map(_) => vec![
            ("Enter", "open"),
            ("c", app.continue_label()),
            ("?", "help"),
            ("q", "quit"),
        ],
        Screen::Lesson(_) => vec![
            ("↓↑", "scroll"),
            ("→←", "section"),
            ("s", "quiz"),
            ("?", "help"),
            ("q", "map"),
        ],
        Screen::Quiz(q) if q.reveal.is_some() => vec![
            ("Enter", "next"),
            ("↓↑", "scroll"),
            ("?", "help"),
            ("q", "leave"),
        ],
        Screen::Quiz(q) => match &q.draft {
            Draft::Choice { .. } | Draft::TrueFalse { .. } => vec![
                ("↑↓", "move"),
                ("Enter", "submit"),
                ("?", "help"),
                ("q", "leave"),
            ],
            Draft::Multiple { .. } => vec![
                ("↑↓", "move"),
                ("Space", "tick"),
                ("Enter", "submit"),
                ("?", "help"),
            ],
            Draft::Match { .. } => vec![
                ("↑↓", "item"),
                ("←→", "category"),
                ("Enter", "submit"),
                ("?", "help"),
            ],
            Draft::Order { .. } => vec![
                ("↑↓", "move"),
                ("Space", "pick up"),
                ("Enter", "submit"),
                ("?", "help"),
            ],
            Draft::Short { .. } => vec![("Enter", "submit"), ("Esc", "leave")],
        },
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
