//! What `help` says in each place of the line mode: the words and numbers that can be typed
//! there, and what each does.

use super::view::{self, Place};
use crate::app::App;

/// What can be typed here, for `help`.
pub fn help(app: &App) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&'static str, &'static str)> = match view::place(app) {
        Place::Prompt(_) => vec![],
        Place::Map => vec![
            ("a number", "open that module, where you left it"),
            ("Enter, or continue, c", "the suggested next step"),
            (
                "stats",
                "your figures: time, scores, weakest questions, streak",
            ),
            (
                "review, v",
                "spaced review: the questions that are due again",
            ),
            (
                "history N, h N",
                "every attempt at module N's quiz, to review any of them",
            ),
            (
                "info N, i N",
                "about module N: summary, objectives, sources",
            ),
        ],
        Place::Lesson(..) => vec![
            (
                "Enter, or next, n",
                "the next section; on the last page, start the quiz",
            ),
            ("back, b", "the previous section"),
            ("quiz, s", "start the quiz now"),
        ],
        Place::Question(_, _, true) => vec![
            ("Enter, or next, n", "the next question"),
            ("back, b", "the feedback on the question before"),
        ],
        Place::Question(..) => {
            let mut r = vec![
                ("your answer", "choose it; what you chose is said back"),
                ("Enter", "submit what you chose"),
                ("next, n", "the next question (deferred feedback only)"),
                ("back, b", "the question before"),
            ];
            if super::input::short_question(app) {
                r.push((
                    "\"text\"",
                    "answer with a word that is also a command; commands must be typed in full here",
                ));
            }
            r
        }
        Place::Summary(..) => vec![
            (
                "a number",
                "open that question, to answer it or change its answer",
            ),
            ("submit, s", "submit all and finish (asks first)"),
            ("back, b", "the last question"),
        ],
        Place::Results(..) => vec![
            ("1, or review", "review this attempt question by question"),
            (
                "2, or history",
                "every attempt of this module, to review any of them",
            ),
            ("3, or retake", "retake the quiz"),
            (
                "4, or practise",
                "practise the questions you missed (not graded)",
            ),
            ("5, or back", "the course map"),
        ],
        Place::Stats => vec![("Enter", "the course map")],
        Place::Spaced(_, false) => vec![
            (
                "your answer",
                "as in a quiz: a number, numbers, true or false, or the words",
            ),
            ("Enter", "submit the answer"),
            ("map", "pause the session (review on the map resumes it)"),
        ],
        Place::Spaced(_, true) => vec![
            ("Enter, or next, n", "the next card"),
            (
                "lesson, l",
                "after a wrong answer: the section that teaches it",
            ),
            ("map", "pause the session"),
        ],
        Place::History(..) => vec![
            ("a number", "review that attempt question by question"),
            ("back, b", "where you came from"),
        ],
        Place::Review(..) => vec![
            ("Enter, or next, n", "the next question"),
            ("back, b", "the question before"),
            ("results", "back to the results"),
        ],
        Place::Completion => vec![("Enter", "the course map")],
    };
    rows.extend([
        ("repeat, r", "say this page again"),
        (
            "map, m",
            "the course map (a quiz stays open, with its answers)",
        ),
        ("help, h", "this list"),
        ("quit, q", "save and quit"),
    ]);
    rows
}
