//! The keys of a module file's top table: what the module is, its sections and its quiz.

use super::*;

pub static MODULE: TableSpec = TableSpec {
    what: "a module",
    keys: &[
        req("id", Ty::Id, "The module id, unique in the course."),
        req(
            "title",
            Ty::Str,
            "Shown on the map and above each lesson page.",
        ),
        req(
            "summary",
            Ty::Str,
            "One or two sentences for the map's detail pane.",
        ),
        req(
            "objectives",
            Ty::StrArray { min: 1, max: 20 },
            "What the learner will be able to do.",
        ),
        req(
            "minutes",
            Ty::Int { min: 1, max: 600 },
            "Estimated minutes for lesson and quiz.",
        ),
        opt(
            "kind",
            Ty::Enum(MODULE_KINDS),
            "lesson (default) or assessment.",
        ),
        opt(
            "requires",
            Ty::StrArray { min: 0, max: 100 },
            "Ids of modules to complete before this one opens (the map shows it locked until then).",
        ),
        opt(
            "sources",
            Ty::StrArray { min: 0, max: 100 },
            "Where the content comes from.",
        ),
        opt(
            "takeaways",
            Ty::StrArray { min: 0, max: 20 },
            "Key points, shown after the sections.",
        ),
        opt(
            "sections",
            Ty::TableArray {
                spec: &SECTION,
                min: 0,
                max: 100,
            },
            "The pages of the lesson, in order (at least one for a lesson).",
        ),
        req("quiz", Ty::Table(&QUIZ), "The module's quiz."),
    ],
    variants: None,
};
