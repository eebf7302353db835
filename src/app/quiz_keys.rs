//! The quiz screen's key tables, one per state (answering each question kind, feedback
//! shown, the summary page, the confirmation). `keymap` derives the key handling, the help
//! overlay and the footer from them, as from every other screen's table in `bindings`, so
//! what the help says is what the keys do.

use super::action::{Action, Key};
use super::keymap::{Binding, Catch, b};
use super::{App, QuizState};
use crate::course::Feedback;
use crate::quiz::Draft;

use Key::*;

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

const LEAVE: &str = "leave the quiz (answers and drafts are kept)";

/// The quiz screen's table in its current state; `bindings::bindings` adds the keys every
/// screen shares. The footer is this table's alone (`?` sits before `q` here).
#[inline(never)] // off the start path (docs/performance.md, "Fifth pass")
pub fn table(app: &App, q: &QuizState) -> Vec<Binding> {
    // The footer offers no way back from the first question.
    let first = q.question == 0;
    match mode(app, q) {
        Mode::Confirm => vec![
            b(
                &[Char('y'), Char('Y')],
                Action::Confirm,
                "y",
                "submit all and finish",
            )
            .foot("y", "submit all"),
            foot_if(
                b(&[], Action::Back, "other keys", "go back").catch(Catch::AnyKey),
                !first,
                ("any key", "back"),
            ),
        ],
        Mode::Summary => {
            let mut v = vec![
                b(
                    &[Up, Char('k')],
                    Action::Up,
                    "↑ ↓  j k  Tab  1-9",
                    "choose a question, or Submit all and finish",
                )
                .foot("↑↓", "choose"),
                b(&[Down, Char('j'), Tab], Action::Down, "", ""),
            ];
            v.extend(digits(9));
            v.extend([
                b(
                    &[Home, Char('g')],
                    Action::Top,
                    "g G  Home End",
                    "first question / Submit all",
                ),
                b(&[End, Char('G')], Action::Bottom, "", ""),
                b(
                    &[Enter],
                    Action::Open,
                    "Enter",
                    "open the question, or submit all (asks for y)",
                )
                .foot("Enter", "open/submit"),
                b(
                    &[Left, Char('p'), BackTab],
                    Action::PrevPage,
                    "← p  Shift-Tab",
                    "back to the last question",
                ),
                help_key(),
                leave(),
            ]);
            v
        }
        Mode::Feedback => vec![
            b(
                &[Enter, Char(' '), Right, Char('n'), Tab],
                Action::Submit,
                "Enter → n Space Tab",
                "next question",
            )
            .foot("Enter", "next"),
            foot_if(
                b(
                    &[Left, Char('p'), BackTab],
                    Action::PrevPage,
                    "← p  Shift-Tab",
                    "back to the feedback on the previous question",
                ),
                !first,
                ("←", "back"),
            ),
            b(
                &[Up, Char('k')],
                Action::Up,
                "↓ ↑  j k  PgDn PgUp  g Home",
                "scroll the question and its feedback (g: to the top)",
            )
            .foot("↓↑", "scroll"),
            b(&[Down, Char('j')], Action::Down, "", ""),
            b(&[PageUp], Action::PageUp, "", ""),
            b(&[PageDown], Action::PageDown, "", ""),
            b(&[Home, Char('g')], Action::Top, "", ""),
            help_key(),
            leave(),
        ],
        Mode::Answering(d) => answering(d, deferred(app, q), first),
    }
}

/// Answering a question: the keys of its kind, then the way to other questions. A deferred
/// attempt moves freely between them; an immediate one only goes back, to earlier feedback.
fn answering(d: &Draft, deferred: bool, first: bool) -> Vec<Binding> {
    // The footer's entry for the way to other questions, with the keys as it shows them.
    let nav = |forth: &'static str, back: &'static str| match (deferred, first) {
        (true, _) => Some((forth, "question")),
        (false, false) => Some((back, "back")),
        (false, true) => None,
    };
    let prev_next = |prev: &[Key], next: &[Key], label, help, foot| {
        let prev = b(prev, Action::PrevPage, label, help);
        [
            match foot {
                Some((k, w)) => prev.foot(k, w),
                None => prev,
            },
            b(next, Action::NextPage, "", "").when(deferred),
        ]
    };
    // Choice, true/false, multiple and order go between questions with ← →, p n, Tab.
    let arrows = || {
        let (label, help) = if deferred {
            (
                "← →  p n  Tab Shift-Tab",
                "previous / next question (answers can change until you submit)",
            )
        } else {
            (
                "← p  Shift-Tab",
                "back to the feedback on earlier questions (no going forward until answered)",
            )
        };
        prev_next(
            &[Left, Char('p'), BackTab],
            &[Right, Char('n'), Tab],
            label,
            help,
            nav("←→", "←"),
        )
    };
    let up_down = |label, help, foot: Option<(&'static str, &'static str)>| {
        let up = b(&[Up, Char('k')], Action::Up, label, help);
        [
            match foot {
                Some((k, w)) => up.foot(k, w),
                None => up,
            },
            b(&[Down, Char('j')], Action::Down, "", ""),
        ]
    };
    let enter = |help| b(&[Enter], Action::Submit, "Enter", help).foot("Enter", "submit");
    let mut v: Vec<Binding> = Vec::new();
    match d {
        Draft::Choice { .. } => {
            v.extend(up_down(
                "↑ ↓  j k  1-9",
                "choose an option (nothing is submitted yet)",
                Some(("↑↓", "choose")),
            ));
            v.extend(digits(9));
            v.push(enter("submit the chosen option"));
            v.extend(arrows());
        }
        Draft::TrueFalse { .. } => {
            v.extend(up_down(
                "↑ ↓  j k  t f  1 2",
                "choose True or False (nothing is submitted yet)",
                Some(("↑↓", "choose")),
            ));
            // t and f answer true/false questions only; 3-9 would choose nothing.
            v.push(b(&[Char('t')], Action::Choose(1), "", ""));
            v.push(b(&[Char('f')], Action::Choose(2), "", ""));
            v.extend(digits(2));
            v.push(enter("submit your choice"));
            v.extend(arrows());
        }
        Draft::Multiple { .. } => {
            v.extend(up_down("↑ ↓  j k", "move between options", None));
            v.push(
                b(
                    &[Char(' ')],
                    Action::Toggle,
                    "Space  1-9",
                    "tick or untick an option",
                )
                .foot("Space", "tick"),
            );
            v.extend(digits(9));
            v.push(enter("submit the ticked options"));
            v.extend(arrows());
        }
        Draft::Match { .. } => {
            v.extend(up_down("↑ ↓  j k", "move between items", None));
            v.push(
                b(
                    &[Left, Char('h')],
                    Action::CategoryPrev,
                    "← →  h l  Space",
                    "change the item's category",
                )
                .foot("←→", "category"),
            );
            v.push(b(&[Right, Char('l')], Action::CategoryNext, "", ""));
            v.push(b(&[Char(' ')], Action::Toggle, "", ""));
            let mut numbers = digits(9);
            numbers[0].label = "1-9";
            numbers[0].help = "put the item in category n and go to the next";
            v.extend(numbers);
            v.push(enter("submit when every item has a category"));
            let (label, help) = if deferred {
                ("p n  Tab Shift-Tab", "previous / next question")
            } else {
                ("p  Shift-Tab", "back to earlier feedback")
            };
            v.extend(prev_next(
                &[Char('p'), BackTab],
                &[Char('n'), Tab],
                label,
                help,
                nav("p n", "p"),
            ));
        }
        Draft::Order { .. } => {
            v.extend(up_down(
                "↑ ↓  j k",
                "move the cursor (or the picked-up item)",
                None,
            ));
            // Items to order have no numbers.
            v.push(
                b(
                    &[Char(' ')],
                    Action::Toggle,
                    "Space",
                    "pick up / put down the item",
                )
                .foot("Space", "pick up"),
            );
            v.push(enter("submit this order"));
            v.extend(arrows());
        }
        // Typing a short answer takes every printable key, so it leaves with Esc only.
        Draft::Short { .. } => {
            let (label, help) = if deferred {
                ("Tab  Shift-Tab", "next / previous question")
            } else {
                ("Shift-Tab", "back to earlier feedback")
            };
            v.extend(typing());
            v.extend([b(&[Enter], Action::Submit, "Enter", "submit").foot("Enter", "submit")]);
            v.extend(prev_next(
                &[BackTab],
                &[Tab],
                label,
                help,
                nav("Tab", "Shift-Tab"),
            ));
            v.push(b(&[Esc], Action::Back, "Esc", LEAVE).foot("Esc", "leave"));
            return v;
        }
    }
    v.push(help_key());
    v.push(leave());
    v
}

/// 1 to `n` choose option (or category, or question) n; the row that names them is the
/// kind's first.
pub(super) fn digits(n: usize) -> Vec<Binding> {
    ('1'..='9')
        .take(n)
        .enumerate()
        .map(|(i, c)| b(&[Char(c)], Action::Choose(i + 1), "", ""))
        .collect()
}

/// `?` in the quiz's footer, before `q` (its help row is the shared one).
/// Typing an answer: every printable key types, and the keys that move and erase in it.
pub(super) fn typing() -> [Binding; 7] {
    [
        b(&[], Action::Type(' '), "letters", "type your answer").catch(Catch::Typing),
        b(
            &[Left],
            Action::CursorLeft,
            "← → Home End",
            "move in the answer",
        ),
        b(&[Right], Action::CursorRight, "", ""),
        b(&[Home, Ctrl('a')], Action::CursorHome, "", ""),
        b(&[End, Ctrl('e')], Action::CursorEnd, "", ""),
        b(&[Backspace], Action::Backspace, "Backspace Delete", "erase"),
        b(&[Delete], Action::Delete, "", ""),
    ]
}

pub(super) fn help_key() -> Binding {
    b(&[Char('?')], Action::ToggleHelp, "", "").foot("?", "help")
}

fn leave() -> Binding {
    b(&[Char('q'), Esc], Action::Back, "q  Esc", LEAVE).foot("q", "leave")
}

fn foot_if(binding: Binding, shown: bool, (key, what): (&'static str, &'static str)) -> Binding {
    if shown {
        binding.foot(key, what)
    } else {
        binding
    }
}
