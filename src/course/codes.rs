//! Stable codes for every kind of diagnostic, for tools reading `check --format json`: a
//! script may match on `unknown-key` while the wording of messages improves. Checks written
//! since codes exist set theirs where they report; the older ones are named here from the
//! shape of their message, in one table, so the list in docs/authoring.md has one source.

use super::diagnostic::Diagnostic;

/// Every code, with what it means (docs/authoring.md, "Output for tools", lists the same).
pub const ALL: &[(&str, &str)] = &[
    ("toml-syntax", "the file is not valid TOML"),
    (
        "toml-quote-in-string",
        "a \" inside \"...\" text ends the string early",
    ),
    (
        "toml-unclosed-string",
        "a string is not closed (or closed with too few quotes)",
    ),
    ("toml-bad-escape", "a backslash that is not a TOML escape"),
    (
        "toml-control-character",
        "an invisible control character in the text",
    ),
    ("toml-table-header", "[x] written where [[x]] is meant"),
    ("toml-duplicate-table", "the same [table] header twice"),
    (
        "path-escape",
        "\\t, \\n... in text that looks like a path (warning)",
    ),
    (
        "table-header",
        "a header in the wrong place, e.g. [[questions]] for [[quiz.questions]]",
    ),
    (
        "key-after-header",
        "a key written below a header it does not belong to",
    ),
    ("missing-kind", "a question without `kind`"),
    ("unknown-kind", "a `kind` that is not one of the six"),
    ("missing-key", "a required key is missing"),
    ("unknown-key", "a key the table does not have"),
    ("key-of-other-kind", "a key of another question kind"),
    ("wrong-type", "a value of the wrong type"),
    (
        "out-of-range",
        "a number or a list length outside its limits",
    ),
    ("not-one-of", "a value that must be one of a fixed set"),
    ("empty", "empty text"),
    (
        "invalid-id",
        "an id with characters other than a-z, 0-9 and -",
    ),
    (
        "duplicate-id",
        "a module, section or question id used twice",
    ),
    ("listed-twice", "a module file listed twice in course.toml"),
    (
        "unlisted-file",
        "a .toml file course.toml does not list (warning)",
    ),
    ("file-not-found", "a file that does not exist"),
    (
        "file-unreadable",
        "a file that cannot be read, is too large or leaves the course",
    ),
    ("not-utf8", "a file that is not UTF-8"),
    (
        "controls-removed",
        "control characters removed from text (warning)",
    ),
    ("no-sections", "a lesson with no sections"),
    ("diagram-missing", "a diagram file that cannot be read"),
    (
        "diagram-too-wide",
        "a diagram wider than 76 columns (warning)",
    ),
    (
        "inline-diagram",
        "a diagram written inside a sentence (warning)",
    ),
    (
        "pool-too-small",
        "questions_per_attempt larger than the pool",
    ),
    (
        "unknown-section",
        "`teaches` names no section of the question's module",
    ),
    (
        "correct-count",
        "a single question without exactly one right option, or a multiple with none",
    ),
    (
        "all-correct",
        "a multiple question whose options are all right (warning)",
    ),
    ("duplicate-category", "a category listed twice"),
    ("same-category", "categories that differ only in case"),
    ("unused-category", "a category no item belongs in (warning)"),
    (
        "unknown-category",
        "an item's category that is not in `categories`",
    ),
    ("same-option", "two options with the same text"),
    ("same-item", "two items with the same text"),
    ("other", "a problem without a more specific code"),
];

/// Give every diagnostic without a code the code its message shape stands for.
pub fn assign(diags: &mut [Diagnostic]) {
    for d in diags.iter_mut().filter(|d| d.code.is_empty()) {
        d.code = classify(&d.message);
    }
}

fn classify(m: &str) -> &'static str {
    let has = |s: &str| m.contains(s);
    if has("invalid TOML") {
        "toml-syntax"
    } else if m.starts_with("missing required key") {
        "missing-key"
    } else if m.starts_with("unknown key") {
        "unknown-key"
    } else if has("` is not used by `") {
        "key-of-other-kind"
    } else if has(" should be ") {
        "wrong-type"
    } else if has("must be one of") {
        "not-one-of"
    } else if has("must be between")
        || has("are allowed")
        || has(" needs at least")
        || has("` must be ")
    {
        "out-of-range"
    } else if m.ends_with("is empty") {
        "empty"
    } else if m.ends_with("is not a valid id") {
        "invalid-id"
    } else if m.starts_with("duplicate ") && has(" id `") {
        "duplicate-id"
    } else if has("is listed twice") && m.starts_with("module file") {
        "listed-twice"
    } else if has("is listed twice") {
        "duplicate-category"
    } else if has("not listed in course.toml") {
        "unlisted-file"
    } else if has("not valid UTF-8") {
        "not-utf8"
    } else if m.starts_with("removed ") && has("control character") {
        "controls-removed"
    } else if has("has no sections") {
        "no-sections"
    } else if m.starts_with("diagram `") && has("columns wide") {
        "diagram-too-wide"
    } else if m.starts_with("diagram `") {
        "diagram-missing"
    } else if m.ends_with(" not found") {
        "file-not-found"
    } else if has("could not be read")
        || has("the limit is")
        || has("leaves the course folder")
        || has("is not a regular file")
        || has("64 MiB limit")
    {
        "file-unreadable"
    } else if has("which is not a section of this module") {
        "unknown-section"
    } else if has("questions per attempt") {
        "pool-too-small"
    } else if has("correct option") {
        "correct-count"
    } else if m.starts_with("every option of") {
        "all-correct"
    } else if has("is not one of the question's categories") {
        "unknown-category"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_classify_returns_is_listed() {
        for m in [
            "invalid TOML: x",
            "missing required key `a` in b",
            "diagram `x` not found",
            "course/02.toml not found",
            "`single` question `q` has 2 correct options",
            "nothing we know",
        ] {
            let c = classify(m);
            assert!(ALL.iter().any(|(k, _)| *k == c), "{c}");
        }
        assert_eq!(classify("diagram `x` not found"), "diagram-missing");
        assert_eq!(classify("course/02.toml not found"), "file-not-found");
    }
}
