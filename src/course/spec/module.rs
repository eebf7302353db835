//! The keys of a module file's top table (what the module is, its sections and its quiz),
//! and of each of its `[[sections]]`.

use super::*;

pub const ID: Key = req("id", Ty::Id, "The module id, unique in the course.");
pub const TITLE: Key = req(
    "title",
    Ty::Str,
    "Shown on the map and above each lesson page.",
);
pub const SUMMARY: Key = req(
    "summary",
    Ty::Str,
    "One or two sentences for the map's detail pane.",
);
pub const OBJECTIVES: Key = req(
    "objectives",
    Ty::StrArray { min: 1, max: 20 },
    "What the learner will be able to do.",
);
pub const MINUTES: Key = req(
    "minutes",
    Ty::Int { min: 1, max: 600 },
    "Estimated minutes for lesson and quiz.",
);
pub const KIND: Key = opt(
    "kind",
    Ty::Enum(MODULE_KINDS),
    "lesson (default) or assessment.",
);
pub const REQUIRES: Key = opt(
    "requires",
    Ty::StrArray { min: 0, max: 100 },
    "Ids of modules to complete before this one opens (the map shows it locked until then).",
);
pub const SOURCES: Key = opt(
    "sources",
    Ty::StrArray { min: 0, max: 100 },
    "Where the content comes from.",
);
pub const TAKEAWAYS: Key = opt(
    "takeaways",
    Ty::StrArray { min: 0, max: 20 },
    "Key points, shown after the sections.",
);
pub const SECTIONS: Key = opt(
    "sections",
    Ty::TableArray {
        spec: &SECTION,
        min: 0,
        max: 100,
    },
    "The pages of the lesson, in order (at least one for a lesson).",
);
pub const QUIZ: Key = req("quiz", Ty::Table(&super::QUIZ), "The module's quiz.");

pub static MODULE: TableSpec = TableSpec {
    what: "a module",
    keys: &[
        ID, TITLE, SUMMARY, OBJECTIVES, MINUTES, KIND, REQUIRES, SOURCES, TAKEAWAYS, SECTIONS, QUIZ,
    ],
    variants: None,
};

/// The keys of one `[[sections]]` table.
pub mod section {
    use super::super::*;

    pub const ID: Key = req(
        "id",
        Ty::Id,
        "Unique within the module; the learner's place is saved by it.",
    );
    pub const TITLE: Key = req(
        "title",
        Ty::Str,
        "Shown above the text with \"Section 2 of 5\".",
    );
    pub const BODY: Key = req(
        "body",
        Ty::Str,
        "The text, in CommonMark with tables (docs/authoring.md).",
    );
}

pub static SECTION: TableSpec = TableSpec {
    what: "a section",
    keys: &[section::ID, section::TITLE, section::BODY],
    variants: None,
};
