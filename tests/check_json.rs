//! `check --format json` for tools: a versioned document, a stable code on every diagnostic,
//! byte spans, and the course folder as a path; and the list of codes the guide documents.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use syllabus::course::codes;

fn check_json(dir: &str) -> (i32, serde_json::Value) {
    let out = run::run(run::command(&["check", dir, "--format", "json"]), b"");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (out.status.code().unwrap_or(-1), v)
}

#[test]
fn json_has_version_path_code_and_byte_span() {
    let dir = copy_fixture("mini");
    edit(
        dir.path(),
        "01-basics.toml",
        "minutes = 5",
        "minutes = \"five\"",
    );
    let path = dir.path().to_string_lossy().into_owned();
    let (code, v) = check_json(&path);
    assert_eq!(code, 1);
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["course"]["path"], path);
    assert_eq!(v["course"]["builtin"], false);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "wrong-type");
    let start = d["span"]["start"].as_u64().unwrap_or(0) as usize;
    let len = d["span"]["length"].as_u64().unwrap_or(0) as usize;
    let text = std::fs::read_to_string(dir.path().join("01-basics.toml")).unwrap_or_default();
    assert_eq!(&text[start..start + len], "\"five\"");
}

#[test]
fn every_kind_of_mistake_has_a_listed_code_never_other() {
    let edits: &[(&str, &str, &str, &str)] = &[
        (
            "01-basics.toml",
            "title = \"Basics\"",
            "title = \"Basics",
            "toml-unclosed-string",
        ),
        (
            "01-basics.toml",
            "title = \"Basics\"",
            "titel = \"Basics\"",
            "unknown-key",
        ),
        ("01-basics.toml", "minutes = 5", "", "missing-key"),
        (
            "01-basics.toml",
            "minutes = 5",
            "minutes = 0",
            "out-of-range",
        ),
        (
            "01-basics.toml",
            "id = \"basics\"",
            "id = \"Basics\"",
            "invalid-id",
        ),
        (
            "01-basics.toml",
            "feedback = \"immediate\"",
            "feedback = \"end\"",
            "not-one-of",
        ),
        (
            "01-basics.toml",
            "kind = \"multiple\"",
            "kind = \"multi\"",
            "unknown-kind",
        ),
        (
            "01-basics.toml",
            "id = \"more\"",
            "id = \"intro\"",
            "duplicate-id",
        ),
        (
            "01-basics.toml",
            "roles.txt)",
            "nope.txt)",
            "diagram-missing",
        ),
        (
            "01-basics.toml",
            "questions_per_attempt = 6",
            "questions_per_attempt = 9",
            "pool-too-small",
        ),
        (
            "01-basics.toml",
            "category = \"Management\", feedback = \"Budgets",
            "category = \"Manager\", feedback = \"Budgets",
            "unknown-category",
        ),
        (
            "01-basics.toml",
            "title = \"Basics\"",
            "title = \"  \"",
            "empty",
        ),
        (
            "01-basics.toml",
            "summary = \"The basics of the two roles.\"",
            "summary = \"a\\u001bb\"",
            "controls-removed",
        ),
        (
            "01-basics.toml",
            "id = \"pick-vision\"\nkind = \"single\"",
            "id = \"pick-vision\"\nkind = \"single\"\npartial_credit = true",
            "key-of-other-kind",
        ),
        (
            "01-basics.toml",
            "sources = [\"fixture\"]",
            "sources = [\"C:\\temp\"]",
            "path-escape",
        ),
        (
            "course.toml",
            "\"02-exam.toml\"",
            "\"02-exam.toml\", \"02-exam.toml\"",
            "listed-twice",
        ),
        (
            "course.toml",
            "\"02-exam.toml\"",
            "\"03-none.toml\"",
            "file-not-found",
        ),
    ];
    for (file, from, to, want) in edits {
        let report = load_edited(file, from, to);
        let got: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
        assert!(got.contains(want), "{to:?}: wanted {want}, got {got:?}");
        for c in &got {
            assert_ne!(*c, "other", "{to:?}: {:?}", lines(&report));
            assert!(
                codes::ALL.iter().any(|(k, _)| k == c),
                "{c} is not in codes::ALL"
            );
        }
    }
}

#[test]
fn the_guide_lists_every_code() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/authoring.md"))
        .unwrap_or_default();
    for (code, _) in codes::ALL {
        assert!(
            guide.contains(&format!("`{code}`")),
            "docs/authoring.md does not list `{code}`"
        );
    }
}
