//! The spaced-review screen's key tables, one per state (answering each question kind,
//! feedback after a right or a wrong answer), as the quiz's are in `quiz_keys`: `keymap`
//! derives the key handling, the help overlay and the footer from them, so what the help
//! says is what the keys do. Answering is as in a quiz (feedback is always immediate), then
//! Enter for the next card and, after a wrong answer, `l` for the lesson.

use super::SpacedState;
use super::action::{Action, Key};
use super::keymap::{Binding, b};
use super::quiz_keys::{digits, help_key, typing};
use crate::quiz::Draft;

use Key::*;

const PAUSE: &str = "pause the review (v on the map resumes it)";

/// The review screen's table in its current state; `bindings::bindings` adds the keys every
/// screen shares. The footer is this table's alone (`?` sits before `q` here).
#[inline(never)] // off the start path (docs/performance.md, "Fifth pass")
pub fn table(s: &SpacedState) -> Vec<Binding> {
    match &s.reveal {
        Some(r) => feedback(!r.correct),
        None => answering(&s.draft),
    }
}

/// The feedback on the answer just given: on to the next card, scroll, and after a wrong
/// answer the lesson that teaches it.
fn feedback(wrong: bool) -> Vec<Binding> {
    vec![
        b(
            &[Enter, Char(' '), Right, Char('n')],
            Action::Submit,
            "Enter → n Space",
            "next card",
        )
        .foot("Enter", "next"),
        b(
            &[Char('l')],
            Action::OpenLesson,
            "l",
            "the lesson that teaches this (q there comes back)",
        )
        .foot("l", "lesson")
        .when(wrong),
        b(
            &[Down, Char('j')],
            Action::Down,
            "↓ ↑  j k",
            "scroll the question and its feedback",
        )
        .foot("↓↑", "scroll"),
        b(&[Up, Char('k')], Action::Up, "", ""),
        b(
            &[PageDown],
            Action::PageDown,
            "PgDn PgUp  g Home",
            "scroll a page / to the top",
        ),
        b(&[PageUp], Action::PageUp, "", ""),
        b(&[Home, Char('g')], Action::Top, "", ""),
        b(&[Char('q'), Esc], Action::Back, "q  Esc", PAUSE).foot("q", "pause"),
    ]
}

/// Answering the card: the keys of its kind.
fn answering(d: &Draft) -> Vec<Binding> {
    let up_down = |label, help| {
        [
            b(&[Up, Char('k')], Action::Up, label, help),
            b(&[Down, Char('j')], Action::Down, "", ""),
        ]
    };
    let enter = |help| b(&[Enter], Action::Submit, "Enter", help).foot("Enter", "submit");
    let mut v: Vec<Binding> = Vec::new();
    match d {
        Draft::Choice { .. } => {
            v.extend(up_down("↑ ↓  j k  1-9", "choose an option"));
            v.extend(digits(9));
            v.push(enter("submit the chosen option"));
        }
        Draft::TrueFalse { .. } => {
            v.extend(up_down("↑ ↓  j k  t f  1 2", "choose True or False"));
            // t and f answer true/false questions only; 3-9 would choose nothing.
            v.push(b(&[Char('t')], Action::Choose(1), "", ""));
            v.push(b(&[Char('f')], Action::Choose(2), "", ""));
            v.extend(digits(2));
            v.push(enter("submit your choice"));
        }
        Draft::Multiple { .. } => {
            v.extend(up_down("↑ ↓  j k", "move between options"));
            v.push(b(
                &[Char(' ')],
                Action::Toggle,
                "Space  1-9",
                "tick or untick an option",
            ));
            v.extend(digits(9));
            v.push(enter("submit the ticked options"));
        }
        Draft::Match { .. } => {
            v.extend(up_down("↑ ↓  j k", "move between items"));
            v.push(b(
                &[Left, Char('h')],
                Action::CategoryPrev,
                "← →  h l  Space",
                "change the item's category",
            ));
            v.push(b(&[Right, Char('l')], Action::CategoryNext, "", ""));
            v.push(b(&[Char(' ')], Action::Toggle, "", ""));
            let mut numbers = digits(9);
            numbers[0].label = "1-9";
            numbers[0].help = "put the item in category n and go to the next";
            v.extend(numbers);
            v.push(enter("submit when every item has a category"));
        }
        Draft::Order { .. } => {
            v.extend(up_down(
                "↑ ↓  j k",
                "move the cursor (or the picked-up item)",
            ));
            // Items to order have no numbers.
            v.push(b(
                &[Char(' ')],
                Action::Toggle,
                "Space",
                "pick up / put down the item",
            ));
            v.push(enter("submit this order"));
        }
        // Typing a short answer takes every printable key, so it pauses with Esc only.
        Draft::Short { .. } => {
            v.extend(typing());
            v.extend([
                enter("submit"),
                b(&[Esc], Action::Back, "Esc", PAUSE).foot("Esc", "pause"),
            ]);
            return v;
        }
    }
    v.push(help_key());
    v.push(b(&[Char('q'), Esc], Action::Back, "q  Esc", PAUSE).foot("q", "pause"));
    v
}
