//! The keys of a question (`[[quiz.questions]]`): the ones every kind shares, the ones each
//! kind adds, and those of an option and of a match item. `pool` is owned by `blueprint.rs`,
//! `teaches` by `teaches.rs`, `allow` by the review (`review/codes.rs`).

use super::*;

pub const ID: Key = req(
    "id",
    Ty::Id,
    "Unique within the module; answers are recorded by it.",
);
pub const KIND: Key = req(
    "kind",
    Ty::Enum(&crate::course::model::KIND_NAMES),
    "single, multiple, true_false, match, order or short.",
);
pub const PROMPT: Key = req("prompt", Ty::Str, "The question.");
pub const EXPLANATION: Key = req("explanation", Ty::Str, "Why the right answer is right.");
pub const REVISION: Key = opt(
    "revision",
    Ty::Int {
        min: 1,
        max: 1_000_000,
    },
    "Raise it (default 1) when the question's meaning changes: earlier answers then no longer count.",
);
pub use crate::course::blueprint::POOL_KEY as POOL;
pub use crate::course::review::codes::ALLOW_QUESTION as ALLOW;
pub use crate::course::teaches::TEACHES_KEY as TEACHES;

pub const PARTIAL_CREDIT: Key = opt(
    "partial_credit",
    Ty::Bool,
    "Award a share of the point for a partly right answer (default false).",
);
pub const OPTIONS: Key = req(
    "options",
    Ty::TableArray {
        spec: &CHOICE,
        min: 2,
        max: MAX_OPTIONS,
    },
    "The options, 2 to 10.",
);
pub const ANSWER: Key = req("answer", Ty::Bool, "The right answer.");
pub const TRUE_FEEDBACK: Key = req(
    "true_feedback",
    Ty::Str,
    "Shown when the learner answers True.",
);
pub const FALSE_FEEDBACK: Key = req(
    "false_feedback",
    Ty::Str,
    "Shown when the learner answers False.",
);
pub const CATEGORIES: Key = req(
    "categories",
    Ty::StrArray {
        min: 2,
        max: MAX_CATEGORIES,
    },
    "The categories to sort into, 2 to 6.",
);
/// A `match` question's items: tables, each with its category.
pub const MATCH_ITEMS: Key = req(
    "items",
    Ty::TableArray {
        spec: &MATCH_ITEM,
        min: 2,
        max: MAX_OPTIONS,
    },
    "The items to sort, 2 to 10.",
);
/// An `order` question's items: strings, in the right order. Same name as `MATCH_ITEMS`.
pub const ORDER_ITEMS: Key = req(
    MATCH_ITEMS.name,
    Ty::StrArray {
        min: 2,
        max: MAX_OPTIONS,
    },
    "The items in the right order, 2 to 10; learners see them shuffled.",
);
pub const ACCEPT: Key = req(
    "accept",
    Ty::StrArray { min: 1, max: 20 },
    "Accepted answers, compared ignoring case and extra spaces.",
);

pub static QUESTION: TableSpec = TableSpec {
    what: "a question",
    keys: &[
        ID,
        KIND,
        PROMPT,
        EXPLANATION,
        REVISION,
        POOL,
        TEACHES,
        ALLOW,
    ],
    variants: Some(Variants {
        tag: KIND.name,
        kinds: &[
            ("single", &[OPTIONS]),
            ("multiple", &[OPTIONS, PARTIAL_CREDIT]),
            ("true_false", &[ANSWER, TRUE_FEEDBACK, FALSE_FEEDBACK]),
            ("match", &[CATEGORIES, MATCH_ITEMS, PARTIAL_CREDIT]),
            ("order", &[ORDER_ITEMS, PARTIAL_CREDIT]),
            ("short", &[ACCEPT]),
        ],
    }),
};

/// The keys of one option of a `single` or `multiple` question.
pub mod choice {
    use super::super::*;

    pub const TEXT: Key = req("text", Ty::Str, "The option as the learner sees it.");
    pub const FEEDBACK: Key = req(
        "feedback",
        Ty::Str,
        "Why this option is right or wrong; shown when it is picked.",
    );
    pub const CORRECT: Key = opt(
        "correct",
        Ty::Bool,
        "Whether this option is a right answer (default false).",
    );
}

pub static CHOICE: TableSpec = TableSpec {
    what: "an option",
    keys: &[choice::TEXT, choice::FEEDBACK, choice::CORRECT],
    variants: None,
};

/// The keys of one item of a `match` question.
pub mod item {
    use super::super::*;

    pub const TEXT: Key = req("text", Ty::Str, "The item to sort.");
    pub const CATEGORY: Key = req(
        "category",
        Ty::Str,
        "The category it belongs in: one of the question's categories.",
    );
    pub const FEEDBACK: Key = req("feedback", Ty::Str, "Why the item belongs in its category.");
}

pub static MATCH_ITEM: TableSpec = TableSpec {
    what: "a match item",
    keys: &[item::TEXT, item::CATEGORY, item::FEEDBACK],
    variants: None,
};
