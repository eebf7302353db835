//! Editing a draft answer: what each key does to each kind of question. Nothing here
//! submits: choosing and submitting are two steps in every kind (Enter submits), so one
//! stray key never becomes an answer.

use super::action::Action;
use crate::course::QuestionKind;
use crate::quiz::Draft;
use crate::quiz::draft::MAX_TYPED;

/// Apply `action` to `draft`; whether it changed anything.
pub(super) fn edit(draft: &mut Draft, kind: &QuestionKind, action: &Action) -> bool {
    let before = draft.clone();
    let options = kind.option_count();
    let categories = match kind {
        QuestionKind::Match { categories, .. } => categories.len(),
        _ => 0,
    };
    match (&mut *draft, action) {
        // Single and true/false: ↑↓ and numbers move the choice (like radio buttons).
        (Draft::Choice { cursor, chosen } | Draft::TrueFalse { cursor, chosen }, Action::Up) => {
            *cursor = cursor.saturating_sub(1);
            *chosen = Some(*cursor);
        }
        (Draft::Choice { cursor, chosen } | Draft::TrueFalse { cursor, chosen }, Action::Down) => {
            *cursor = (*cursor + 1).min(options.saturating_sub(1));
            *chosen = Some(*cursor);
        }
        (
            Draft::Choice { cursor, chosen } | Draft::TrueFalse { cursor, chosen },
            Action::Choose(n),
        ) if *n >= 1 && *n <= options => {
            *cursor = n - 1;
            *chosen = Some(n - 1);
        }
        (Draft::Multiple { cursor, .. } | Draft::Match { cursor, .. }, Action::Up) => {
            *cursor = cursor.saturating_sub(1)
        }
        (Draft::Multiple { cursor, ticked }, Action::Down) => {
            *cursor = (*cursor + 1).min(ticked.len().saturating_sub(1))
        }
        (Draft::Multiple { cursor, ticked }, Action::Toggle) => {
            if let Some(t) = ticked.get_mut(*cursor) {
                *t = !*t;
            }
        }
        (Draft::Multiple { cursor, ticked }, Action::Choose(n))
            if *n >= 1 && *n <= ticked.len() =>
        {
            *cursor = n - 1;
            ticked[n - 1] = !ticked[n - 1];
        }
        (Draft::Match { cursor, chosen }, Action::Down) => {
            *cursor = (*cursor + 1).min(chosen.len().saturating_sub(1))
        }
        (Draft::Match { cursor, chosen }, Action::CategoryNext | Action::Toggle)
            if categories > 0 =>
        {
            if let Some(c) = chosen.get_mut(*cursor) {
                *c = Some(c.map_or(0, |i| (i + 1) % categories));
            }
        }
        (Draft::Match { cursor, chosen }, Action::CategoryPrev) if categories > 0 => {
            if let Some(c) = chosen.get_mut(*cursor) {
                *c = Some(c.map_or(categories - 1, |i| (i + categories - 1) % categories));
            }
        }
        (Draft::Match { cursor, chosen }, Action::Choose(n)) if *n >= 1 && *n <= categories => {
            if let Some(c) = chosen.get_mut(*cursor) {
                *c = Some(n - 1);
            }
            *cursor = (*cursor + 1).min(chosen.len().saturating_sub(1));
        }
        (
            Draft::Order {
                cursor,
                arrangement,
                held,
            },
            Action::Up,
        ) if *cursor > 0 => {
            if *held {
                arrangement.swap(*cursor, *cursor - 1);
            }
            *cursor -= 1;
        }
        (
            Draft::Order {
                cursor,
                arrangement,
                held,
            },
            Action::Down,
        ) if *cursor + 1 < arrangement.len() => {
            if *held {
                arrangement.swap(*cursor, *cursor + 1);
            }
            *cursor += 1;
        }
        (Draft::Order { held, .. }, Action::Toggle) => *held = !*held,
        (Draft::Short { text, cursor }, Action::Type(c))
            if text.chars().count() < MAX_TYPED && !c.is_control() =>
        {
            let at = byte_at(text, *cursor);
            text.insert(at, *c);
            *cursor += 1;
        }
        (Draft::Short { text, cursor }, Action::Backspace) if *cursor > 0 => {
            let at = byte_at(text, *cursor - 1);
            text.remove(at);
            *cursor -= 1;
        }
        (Draft::Short { text, cursor }, Action::Delete) if *cursor < text.chars().count() => {
            let at = byte_at(text, *cursor);
            text.remove(at);
        }
        (Draft::Short { cursor, .. }, Action::CursorLeft) => *cursor = cursor.saturating_sub(1),
        (Draft::Short { text, cursor }, Action::CursorRight) => {
            *cursor = (*cursor + 1).min(text.chars().count())
        }
        (Draft::Short { cursor, .. }, Action::CursorHome) => *cursor = 0,
        (Draft::Short { text, cursor }, Action::CursorEnd) => *cursor = text.chars().count(),
        _ => {}
    }
    *draft != before
}

/// The byte offset of character `i` in `s`.
fn byte_at(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}
