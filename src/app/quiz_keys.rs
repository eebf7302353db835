//! The quiz screen's keys, help and footer, per question kind and per state (answering,
//! feedback shown, the summary page, the confirmation), written side by side so that
//! what the help says is what the keys do.

use super::action::{Action, Key};
use super::keymap::HelpRow;
use super::{App, QuizState};
use crate::course::Feedback;
use crate::quiz::Draft;

enum Mode<'a> {
    Answering(&'a Draft),
    Feedback,
    Summary,
    Confirm,
}

fn mode<'a>(app: &App, q: &'a QuizState) -> Mode<'a> {
    let total = app.open_attempt(q.module).map_or(0, |a| a.questions.len());
    if q.question >= total {
        if q.confirm {
            Mode::Confirm
        } else {
            Mode::Summary
        }
    } else if q.reveal.is_some() {
        Mode::Feedback
    } else {
        Mode::Answering(&q.draft)
    }
}

fn deferred(app: &App, q: &QuizState) -> bool {
    app.course
        .modules
        .get(q.module)
        .is_some_and(|m| m.quiz.feedback == Feedback::Deferred)
}

/// The action for `key` on the quiz screen (`?`, `x` and Ctrl-C are handled before).
pub fn action_for(app: &App, q: &QuizState, key: Key) -> Option<Action> {
    let digit = |c: char| Action::Choose(c as usize - '0' as usize);
    match mode(app, q) {
        Mode::Confirm => match key {
            Key::Char('y') | Key::Char('Y') => Some(Action::Confirm),
            _ => Some(Action::Back),
        },
        Mode::Summary => match key {
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') | Key::Tab => Some(Action::Down),
            Key::Home | Key::Char('g') => Some(Action::Top),
            Key::End | Key::Char('G') => Some(Action::Bottom),
            Key::Enter => Some(Action::Open),
            Key::Left | Key::Char('p') | Key::BackTab => Some(Action::PrevPage),
            Key::Char(c @ '1'..='9') => Some(digit(c)),
            Key::Char('q') | Key::Esc => Some(Action::Back),
            _ => None,
        },
        Mode::Feedback => match key {
            Key::Enter | Key::Char(' ') | Key::Right | Key::Char('n') | Key::Tab => {
                Some(Action::Submit)
            }
            Key::Left | Key::Char('p') | Key::BackTab => Some(Action::PrevPage),
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') => Some(Action::Down),
            Key::PageUp => Some(Action::PageUp),
            Key::PageDown => Some(Action::PageDown),
            Key::Home | Key::Char('g') => Some(Action::Top),
            Key::Char('q') | Key::Esc => Some(Action::Back),
            _ => None,
        },
        // Typing a short answer takes every printable key.
        Mode::Answering(Draft::Short { .. }) => match key {
            Key::Char(c) => Some(Action::Type(c)),
            Key::Backspace => Some(Action::Backspace),
            Key::Delete => Some(Action::Delete),
            Key::Left => Some(Action::CursorLeft),
            Key::Right => Some(Action::CursorRight),
            Key::Home | Key::Ctrl('a') => Some(Action::CursorHome),
            Key::End | Key::Ctrl('e') => Some(Action::CursorEnd),
            Key::Enter => Some(Action::Submit),
            Key::Tab if deferred(app, q) => Some(Action::NextPage),
            Key::BackTab => Some(Action::PrevPage),
            Key::Esc => Some(Action::Back),
            _ => None,
        },
        Mode::Answering(d) => {
            // No going forward past an unanswered question with immediate feedback.
            let forward = deferred(app, q);
            let common = match key {
                Key::Up | Key::Char('k') => Some(Action::Up),
                Key::Down | Key::Char('j') => Some(Action::Down),
                Key::Enter => Some(Action::Submit),
                // True/false has two options: 3-9 would choose nothing.
                Key::Char('3'..='9') if matches!(d, Draft::TrueFalse { .. }) => None,
                // Items to order have no numbers.
                Key::Char('1'..='9') if matches!(d, Draft::Order { .. }) => None,
                Key::Char(c @ '1'..='9') => Some(digit(c)),
                Key::Char('p') | Key::BackTab => Some(Action::PrevPage),
                Key::Char('n') | Key::Tab if forward => Some(Action::NextPage),
                Key::Char('n') | Key::Tab => None,
                Key::Char('q') | Key::Esc => Some(Action::Back),
                _ => None,
            };
            if common.is_some() {
                return common;
            }
            match (d, key) {
                (Draft::Match { .. }, Key::Left | Key::Char('h')) => Some(Action::CategoryPrev),
                (Draft::Match { .. }, Key::Right | Key::Char('l')) => Some(Action::CategoryNext),
                (
                    Draft::Match { .. } | Draft::Multiple { .. } | Draft::Order { .. },
                    Key::Char(' '),
                ) => Some(Action::Toggle),
                // t and f answer true/false questions only.
                (Draft::TrueFalse { .. }, Key::Char('t')) => Some(Action::Choose(1)),
                (Draft::TrueFalse { .. }, Key::Char('f')) => Some(Action::Choose(2)),
                (_, Key::Left) => Some(Action::PrevPage),
                (_, Key::Right) if forward => Some(Action::NextPage),
                _ => None,
            }
        }
    }
}

const LEAVE: HelpRow = ("q  Esc", "leave the quiz (answers and drafts are kept)");

/// The quiz screen's help rows.
pub fn help(app: &App, q: &QuizState) -> Vec<HelpRow> {
    let nav: Vec<HelpRow> = if deferred(app, q) {
        vec![(
            "← →  p n  Tab Shift-Tab",
            "previous / next question (answers can change until you submit)",
        )]
    } else {
        vec![(
            "← p  Shift-Tab",
            "back to the feedback on earlier questions (no going forward until answered)",
        )]
    };
    let mut rows: Vec<HelpRow> = match mode(app, q) {
        Mode::Confirm => return vec![("y", "submit all and finish"), ("other keys", "go back")],
        Mode::Summary => vec![
            (
                "↑ ↓  j k  Tab  1-9",
                "choose a question, or Submit all and finish",
            ),
            ("g G  Home End", "first question / Submit all"),
            ("Enter", "open the question, or submit all (asks for y)"),
            ("← p  Shift-Tab", "back to the last question"),
            LEAVE,
        ],
        Mode::Feedback => vec![
            ("Enter → n Space Tab", "next question"),
            (
                "← p  Shift-Tab",
                "back to the feedback on the previous question",
            ),
            (
                "↓ ↑  j k  PgDn PgUp  g Home",
                "scroll the question and its feedback (g: to the top)",
            ),
            LEAVE,
        ],
        Mode::Answering(d) => {
            let mut r: Vec<HelpRow> = match d {
                Draft::Choice { .. } => vec![
                    (
                        "↑ ↓  j k  1-9",
                        "choose an option (nothing is submitted yet)",
                    ),
                    ("Enter", "submit the chosen option"),
                ],
                Draft::TrueFalse { .. } => vec![
                    (
                        "↑ ↓  j k  t f  1 2",
                        "choose True or False (nothing is submitted yet)",
                    ),
                    ("Enter", "submit your choice"),
                ],
                Draft::Multiple { .. } => vec![
                    ("↑ ↓  j k", "move between options"),
                    ("Space  1-9", "tick or untick an option"),
                    ("Enter", "submit the ticked options"),
                ],
                Draft::Match { .. } => vec![
                    ("↑ ↓  j k", "move between items"),
                    ("← →  h l  Space", "change the item's category"),
                    ("1-9", "put the item in category n and go to the next"),
                    ("Enter", "submit when every item has a category"),
                ],
                Draft::Order { .. } => vec![
                    ("↑ ↓  j k", "move the cursor (or the picked-up item)"),
                    ("Space", "pick up / put down the item"),
                    ("Enter", "submit this order"),
                ],
                Draft::Short { .. } => vec![
                    ("letters", "type your answer"),
                    ("← → Home End", "move in the answer"),
                    ("Backspace Delete", "erase"),
                    ("Enter", "submit"),
                ],
            };
            let short = matches!(d, Draft::Short { .. });
            let matching = matches!(d, Draft::Match { .. });
            match (deferred(app, q), short, matching) {
                (true, true, _) => r.push(("Tab  Shift-Tab", "next / previous question")),
                (true, false, true) => r.push(("p n  Tab Shift-Tab", "previous / next question")),
                (false, true, _) => r.push(("Shift-Tab", "back to earlier feedback")),
                (false, false, true) => r.push(("p  Shift-Tab", "back to earlier feedback")),
                _ => r.extend(nav),
            }
            r.push(if short { ("Esc", LEAVE.1) } else { LEAVE });
            r
        }
    };
    rows.shrink_to_fit();
    rows
}

/// The quiz screen's footer.
pub fn footer(app: &App, q: &QuizState) -> Vec<(&'static str, &'static str)> {
    let mut keys = footer_keys(app, q);
    // In an immediate-feedback attempt there is no going forward, and no going back from the
    // first question.
    if q.question == 0 {
        keys.retain(|(_, what)| *what != "back");
    } else if !deferred(app, q) && q.reveal.is_none() {
        {
            for k in &mut keys {
                if k.1 == "back" && k.0 == "←→" {
                    k.0 = "←";
                }
                if k.1 == "back" && k.0 == "p n" {
                    k.0 = "p";
                }
            }
        }
    }
    keys
}

fn footer_keys(app: &App, q: &QuizState) -> Vec<(&'static str, &'static str)> {
    let nav = if deferred(app, q) { "question" } else { "back" };
    match mode(app, q) {
        Mode::Confirm => vec![("y", "submit all"), ("any key", "back")],
        Mode::Summary => vec![
            ("↑↓", "choose"),
            ("Enter", "open/submit"),
            ("?", "help"),
            ("q", "leave"),
        ],
        Mode::Feedback => vec![
            ("Enter", "next"),
            ("←", "back"),
            ("↓↑", "scroll"),
            ("?", "help"),
            ("q", "leave"),
        ],
        Mode::Answering(Draft::Short { .. }) => {
            let tab = if deferred(app, q) { "Tab" } else { "Shift-Tab" };
            vec![("Enter", "submit"), (tab, nav), ("Esc", "leave")]
        }
        Mode::Answering(Draft::Choice { .. } | Draft::TrueFalse { .. }) => {
            vec![
                ("↑↓", "choose"),
                ("Enter", "submit"),
                ("←→", nav),
                ("?", "help"),
                ("q", "leave"),
            ]
        }
        Mode::Answering(Draft::Multiple { .. }) => {
            vec![
                ("Space", "tick"),
                ("Enter", "submit"),
                ("←→", nav),
                ("?", "help"),
                ("q", "leave"),
            ]
        }
        Mode::Answering(Draft::Match { .. }) => {
            vec![
                ("←→", "category"),
                ("Enter", "submit"),
                ("p n", nav),
                ("?", "help"),
                ("q", "leave"),
            ]
        }
        Mode::Answering(Draft::Order { .. }) => {
            vec![
                ("Space", "pick up"),
                ("Enter", "submit"),
                ("←→", nav),
                ("?", "help"),
                ("q", "leave"),
            ]
        }
    }
}
