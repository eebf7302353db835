//! The key tables of the course format: every key of every TOML table, its type, whether it
//! is required and what it means. The loader checks files against these tables (types,
//! required keys, unknown keys) and the JSON Schema in `assets/` is generated from them, so
//! the two cannot disagree. docs/authoring.md explains the same keys for people.

/// The type of a value, with the limits the loader enforces.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A non-empty string.
    Str,
    /// A string of `[a-z0-9-]`, 1 to 64 characters.
    Id,
    Int {
        min: i64,
        max: i64,
    },
    Bool,
    /// One of a fixed set of strings.
    Enum(&'static [&'static str]),
    StrArray {
        min: usize,
        max: usize,
    },
    Table(&'static TableSpec),
    TableArray {
        spec: &'static TableSpec,
        min: usize,
        max: usize,
    },
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub doc: &'static str,
}

/// A table whose set of keys depends on the value of one key (a question's `kind`).
#[derive(Debug, Clone, Copy)]
pub struct Variants {
    pub tag: &'static str,
    pub kinds: &'static [(&'static str, &'static [Key])],
}

#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// How messages name this table: "unknown key `x` in a question".
    pub what: &'static str,
    pub keys: &'static [Key],
    pub variants: Option<Variants>,
}

pub(crate) const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: true,
        doc,
    }
}

pub(crate) const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: false,
        doc,
    }
}

pub const MAX_OPTIONS: usize = 10;
pub const MAX_CATEGORIES: usize = 6;
pub const PASS_MARK: Ty = Ty::Int { min: 0, max: 100 };
pub const FEEDBACK_MODES: &[&str] = &["immediate", "deferred"];
pub const GRADING_METHODS: &[&str] = &["highest", "latest", "average", "first"];
pub const MODULE_KINDS: &[&str] = &["lesson", "assessment"];

pub static COURSE: TableSpec = TableSpec {
    what: "the course manifest",
    keys: &[
        req(
            "format",
            Ty::Int { min: 1, max: 1 },
            "The version of the course file format. Always 1.",
        ),
        req(
            "id",
            Ty::Id,
            "The course id ([a-z0-9-]). Progress is saved per course id.",
        ),
        req("title", Ty::Str, "Shown at the top of the course map."),
        req(
            "description",
            Ty::Str,
            "One or two sentences shown under the title.",
        ),
        req(
            "version",
            Ty::Str,
            "The author's version of the course, e.g. \"1.2.0\".",
        ),
        req(
            "authors",
            Ty::StrArray { min: 1, max: 100 },
            "At least one author name.",
        ),
        opt(
            "pass_mark",
            PASS_MARK,
            "Default percentage needed to pass a quiz (default 70).",
        ),
        opt(
            "base_iri",
            Ty::Str,
            "Where xAPI activity ids start, an http(s) address the organisation controls (default https://syllabus.invalid/courses/ID).",
        ),
        req(
            "modules",
            Ty::StrArray {
                min: 1,
                max: 10_000,
            },
            "Module files relative to the course folder, in the order learners see them.",
        ),
    ],
    variants: None,
};

pub static SECTION: TableSpec = TableSpec {
    what: "a section",
    keys: &[
        req(
            "id",
            Ty::Id,
            "Unique within the module; the learner's place is saved by it.",
        ),
        req(
            "title",
            Ty::Str,
            "Shown above the text with \"Section 2 of 5\".",
        ),
        req(
            "body",
            Ty::Str,
            "The text, in CommonMark with tables (docs/authoring.md).",
        ),
    ],
    variants: None,
};

pub static CHOICE: TableSpec = TableSpec {
    what: "an option",
    keys: &[
        req("text", Ty::Str, "The option as the learner sees it."),
        req(
            "feedback",
            Ty::Str,
            "Why this option is right or wrong; shown when it is picked.",
        ),
        opt(
            "correct",
            Ty::Bool,
            "Whether this option is a right answer (default false).",
        ),
    ],
    variants: None,
};

pub static MATCH_ITEM: TableSpec = TableSpec {
    what: "a match item",
    keys: &[
        req("text", Ty::Str, "The item to sort."),
        req(
            "category",
            Ty::Str,
            "The category it belongs in: one of the question's categories.",
        ),
        req("feedback", Ty::Str, "Why the item belongs in its category."),
    ],
    variants: None,
};

const PARTIAL: Key = opt(
    "partial_credit",
    Ty::Bool,
    "Award a share of the point for a partly right answer (default false).",
);

const OPTIONS: Key = req(
    "options",
    Ty::TableArray {
        spec: &CHOICE,
        min: 2,
        max: MAX_OPTIONS,
    },
    "The options, 2 to 10.",
);

// The module table (the top of a module file) lives in spec/module.rs.
mod module;
pub use module::MODULE;

pub static QUESTION: TableSpec = TableSpec {
    what: "a question",
    keys: &[
        req(
            "id",
            Ty::Id,
            "Unique within the module; answers are recorded by it.",
        ),
        req(
            "kind",
            Ty::Enum(&super::model::KIND_NAMES),
            "single, multiple, true_false, match, order or short.",
        ),
        req("prompt", Ty::Str, "The question."),
        req("explanation", Ty::Str, "Why the right answer is right."),
        opt(
            "revision",
            Ty::Int {
                min: 1,
                max: 1_000_000,
            },
            "Raise it (default 1) when the question's meaning changes: earlier answers then no longer count.",
        ),
        super::blueprint::POOL_KEY,
        super::teaches::TEACHES_KEY,
        super::review::codes::ALLOW_QUESTION,
    ],
    variants: Some(Variants {
        tag: "kind",
        kinds: &[
            ("single", &[OPTIONS]),
            ("multiple", &[OPTIONS, PARTIAL]),
            (
                "true_false",
                &[
                    req("answer", Ty::Bool, "The right answer."),
                    req(
                        "true_feedback",
                        Ty::Str,
                        "Shown when the learner answers True.",
                    ),
                    req(
                        "false_feedback",
                        Ty::Str,
                        "Shown when the learner answers False.",
                    ),
                ],
            ),
            (
                "match",
                &[
                    req(
                        "categories",
                        Ty::StrArray {
                            min: 2,
                            max: MAX_CATEGORIES,
                        },
                        "The categories to sort into, 2 to 6.",
                    ),
                    req(
                        "items",
                        Ty::TableArray {
                            spec: &MATCH_ITEM,
                            min: 2,
                            max: MAX_OPTIONS,
                        },
                        "The items to sort, 2 to 10.",
                    ),
                    PARTIAL,
                ],
            ),
            (
                "order",
                &[
                    req(
                        "items",
                        Ty::StrArray {
                            min: 2,
                            max: MAX_OPTIONS,
                        },
                        "The items in the right order, 2 to 10; learners see them shuffled.",
                    ),
                    PARTIAL,
                ],
            ),
            (
                "short",
                &[req(
                    "accept",
                    Ty::StrArray { min: 1, max: 20 },
                    "Accepted answers, compared ignoring case and extra spaces.",
                )],
            ),
        ],
    }),
};

pub static QUIZ: TableSpec = TableSpec {
    what: "[quiz]",
    keys: &[
        opt(
            "pass_mark",
            PASS_MARK,
            "Percentage needed to pass; overrides the course's.",
        ),
        opt(
            "feedback",
            Ty::Enum(FEEDBACK_MODES),
            "immediate (default) or deferred.",
        ),
        opt(
            "questions_per_attempt",
            Ty::Int { min: 1, max: 1000 },
            "Questions drawn from the pool per attempt (default: all).",
        ),
        opt(
            "grading",
            Ty::Enum(GRADING_METHODS),
            "Which attempts make the grade: highest (default), latest, average or first.",
        ),
        opt(
            "shuffle",
            Ty::Bool,
            "Shuffle questions and options (default true).",
        ),
        req(
            "questions",
            Ty::TableArray {
                spec: &QUESTION,
                min: 1,
                max: 1000,
            },
            "The question pool.",
        ),
        super::blueprint::DRAW_KEY,
        super::review::codes::ALLOW_QUIZ,
    ],
    variants: None,
};

impl TableSpec {
    /// The keys allowed in this table for the given variant tag value.
    pub fn keys_for(&'static self, tag_value: Option<&str>) -> Vec<&'static Key> {
        let mut keys: Vec<&'static Key> = self.keys.iter().collect();
        if let (Some(v), Some(tag)) = (&self.variants, tag_value)
            && let Some((_, extra)) = v.kinds.iter().find(|(k, _)| *k == tag)
        {
            keys.extend(extra.iter());
        }
        keys
    }
}
