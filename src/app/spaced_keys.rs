//! The spaced-review screen's keys, help and footer, side by side so that what the help
//! says is what the keys do: answering as in a quiz (feedback is always immediate), then
//! Enter for the next card and, after a wrong answer, `l` for the lesson.

use super::SpacedState;
use super::action::{Action, Key};
use super::keymap::HelpRow;
use crate::quiz::Draft;

/// The review screen's keys (`?`, Ctrl-C handled before).
pub fn action_for(s: &SpacedState, key: Key) -> Option<Action> {
    if let Some(r) = &s.reveal {
        return match key {
            Key::Enter | Key::Char(' ') | Key::Right | Key::Char('n') => Some(Action::Submit),
            Key::Char('l') if !r.correct => Some(Action::OpenLesson),
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::Down | Key::Char('j') => Some(Action::Down),
            Key::PageUp => Some(Action::PageUp),
            Key::PageDown => Some(Action::PageDown),
            Key::Home | Key::Char('g') => Some(Action::Top),
            Key::Char('q') | Key::Esc => Some(Action::Back),
            Key::Char('x') => Some(Action::Dismiss),
            _ => None,
        };
    }
    let digit = |c: char| Action::Choose(c as usize - '0' as usize);
    if let Draft::Short { .. } = s.draft {
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
    match (&s.draft, key) {
        (_, Key::Up | Key::Char('k')) => Some(Action::Up),
        (_, Key::Down | Key::Char('j')) => Some(Action::Down),
        (_, Key::Enter) => Some(Action::Submit),
        (_, Key::Char(c @ '1'..='9')) => Some(digit(c)),
        (_, Key::Char('q') | Key::Esc) => Some(Action::Back),
        (_, Key::Char('?')) => Some(Action::ToggleHelp),
        (_, Key::Char('x')) => Some(Action::Dismiss),
        (Draft::Match { .. }, Key::Left | Key::Char('h')) => Some(Action::CategoryPrev),
        (Draft::Match { .. }, Key::Right | Key::Char('l')) => Some(Action::CategoryNext),
        (Draft::Match { .. } | Draft::Multiple { .. } | Draft::Order { .. }, Key::Char(' ')) => {
            Some(Action::Toggle)
        }
        (Draft::TrueFalse { .. }, Key::Char('t')) => Some(Action::Choose(1)),
        (Draft::TrueFalse { .. }, Key::Char('f')) => Some(Action::Choose(2)),
        _ => None,
    }
}

pub fn help(s: &SpacedState) -> Vec<HelpRow> {
    if let Some(r) = &s.reveal {
        let mut rows = vec![
            ("Enter → n Space", "next card"),
            ("↓ ↑  j k  PgDn PgUp", "scroll"),
        ];
        if !r.correct {
            rows.push((
                "l",
                "open the lesson that teaches this (q there comes back)",
            ));
        }
        rows.push(("q  Esc", "pause the review (v on the map resumes it)"));
        return rows;
    }
    vec![
        (
            "↑ ↓  1-9",
            "choose (Space ticks or picks up; t/f for true/false)",
        ),
        ("Enter", "submit the answer"),
        ("q  Esc", "pause the review (v on the map resumes it)"),
    ]
}

pub fn footer(s: &SpacedState) -> Vec<(&'static str, &'static str)> {
    match &s.reveal {
        Some(r) if !r.correct => vec![
            ("Enter", "next"),
            ("l", "lesson"),
            ("↓↑", "scroll"),
            ("q", "pause"),
        ],
        Some(_) => vec![("Enter", "next"), ("↓↑", "scroll"), ("q", "pause")],
        None => vec![("Enter", "submit"), ("?", "help"), ("q", "pause")],
    }
}
