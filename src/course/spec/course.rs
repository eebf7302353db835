//! The keys of `course.toml`, the manifest.

use super::*;

pub const FORMAT: Key = req(
    "format",
    Ty::Int { min: 1, max: 1 },
    "The version of the course file format. Always 1.",
);
pub const ID: Key = req(
    "id",
    Ty::Id,
    "The course id ([a-z0-9-]). Progress is saved per course id.",
);
pub const TITLE: Key = req("title", Ty::Str, "Shown at the top of the course map.");
pub const DESCRIPTION: Key = req(
    "description",
    Ty::Str,
    "One or two sentences shown under the title.",
);
pub const VERSION: Key = req(
    "version",
    Ty::Str,
    "The author's version of the course, e.g. \"1.2.0\".",
);
pub const AUTHORS: Key = req(
    "authors",
    Ty::StrArray { min: 1, max: 100 },
    "At least one author name.",
);
pub const PASS_MARK: Key = opt(
    "pass_mark",
    super::PASS_MARK,
    "Default percentage needed to pass a quiz (default 70).",
);
pub const BASE_IRI: Key = opt(
    "base_iri",
    Ty::Str,
    "Where xAPI activity ids start, an http(s) address the organisation controls (default https://syllabus.invalid/courses/ID).",
);
pub const MODULES: Key = req(
    "modules",
    Ty::StrArray {
        min: 1,
        max: 10_000,
    },
    "Module files relative to the course folder, in the order learners see them.",
);

pub static COURSE: TableSpec = TableSpec {
    what: "the course manifest",
    keys: &[
        FORMAT,
        ID,
        TITLE,
        DESCRIPTION,
        VERSION,
        AUTHORS,
        PASS_MARK,
        BASE_IRI,
        MODULES,
    ],
    variants: None,
};
