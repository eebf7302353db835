//! The keys of a module's `[quiz]` table. `draw` is owned by `blueprint.rs`, `allow` by the
//! review (`review/codes.rs`).

use super::*;

pub const PASS_MARK: Key = opt(
    "pass_mark",
    super::PASS_MARK,
    "Percentage needed to pass; overrides the course's.",
);
pub const FEEDBACK: Key = opt(
    "feedback",
    Ty::Enum(FEEDBACK_MODES),
    "immediate (default) or deferred.",
);
pub const QUESTIONS_PER_ATTEMPT: Key = opt(
    "questions_per_attempt",
    Ty::Int { min: 1, max: 1000 },
    "Questions drawn from the pool per attempt (default: all).",
);
pub const GRADING: Key = opt(
    "grading",
    Ty::Enum(GRADING_METHODS),
    "Which attempts make the grade: highest (default), latest, average or first.",
);
pub const SHUFFLE: Key = opt(
    "shuffle",
    Ty::Bool,
    "Shuffle questions and options (default true).",
);
pub const QUESTIONS: Key = req(
    "questions",
    Ty::TableArray {
        spec: &QUESTION,
        min: 1,
        max: 1000,
    },
    "The question pool.",
);
pub use crate::course::blueprint::DRAW_KEY as DRAW;
pub use crate::course::review::codes::ALLOW_QUIZ as ALLOW;

pub static QUIZ: TableSpec = TableSpec {
    what: "[quiz]",
    keys: &[
        PASS_MARK,
        FEEDBACK,
        QUESTIONS_PER_ATTEMPT,
        GRADING,
        SHUFFLE,
        QUESTIONS,
        DRAW,
        ALLOW,
    ],
    variants: None,
};
