//! The JSON Schema that `syllabus schema` prints, run through a real validator (the Python
//! `jsonschema` package, which .ci/run installs in a virtual environment): the shipped
//! course gives no message, and N mistakes in a file give exactly N messages, each naming its
//! mistake. Without the validator the test is skipped locally and fails under CI=true.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// The Python that has `jsonschema`: $SYLLABUS_SCHEMA_PYTHON (set by .ci/run), else python3.
fn python() -> Option<String> {
    let py = std::env::var("SYLLABUS_SCHEMA_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&py)
        .args(["-c", "import jsonschema, tomllib"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(py);
    }
    let msg = format!(
        "{py} with the jsonschema package is needed (pip install jsonschema, or set SYLLABUS_SCHEMA_PYTHON)"
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{msg}");
    eprintln!("skipped: {msg}");
    None
}

fn write_schemas(dir: &Path) {
    let mut cmd = run::command(&["schema", "--write"]);
    cmd.arg(dir);
    let out = run::run(cmd, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every validation message for `files` against `schema` (a file in the schema folder).
fn validate(py: &str, schema: &Path, files: &[PathBuf]) -> Vec<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/validate_toml.py");
    let out = Command::new(py)
        .arg(script)
        .arg(schema)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {py}: {e}"));
    assert!(
        out.status.success(),
        "validator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn modules_of(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.ends_with("course.toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_shipped_course_the_fixture_and_a_new_course_give_no_message() {
    let Some(py) = python() else { return };
    let schemas = tempfile::tempdir().unwrap();
    write_schemas(schemas.path());
    let fresh = schemas.path().join("fresh");
    let mut new = run::command(&["new"]);
    new.arg(&fresh);
    let made = run::run(new, b"");
    assert!(made.status.success());
    for dir in [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
        fixture_dir("mini"),
        fresh,
    ] {
        let modules = validate(
            &py,
            &schemas.path().join("module.schema.json"),
            &modules_of(&dir),
        );
        assert_eq!(modules, Vec::<String>::new(), "{}", dir.display());
        let manifest = validate(
            &py,
            &schemas.path().join("course.schema.json"),
            &[dir.join("course.toml")],
        );
        assert_eq!(manifest, Vec::<String>::new(), "{}", dir.display());
    }
}

/// Each mistake, and a word its one message must contain.
const MISTAKES: &[(&str, &str, &str)] = &[
    (
        "minutes = 5",
        "minutes = \"12\"",
        "'12' is not of type 'integer'",
    ),
    (
        "{ text = \"Be the best clinic in town.\", correct = true,",
        "{ text = \"Be the best clinic in town.\", correct = \"true\",",
        "'true' is not of type 'boolean'",
    ),
    (
        "kind = \"multiple\"",
        "kind = \"multi\"",
        "'multi' is not one of",
    ),
    (
        "items = [\"Set a direction\"",
        "hint = \"first things first\"\nitems = [\"Set a direction\"",
        "'hint' was unexpected",
    ),
    (
        "answer = false",
        "answer = false\noptions = []",
        "'options' was unexpected",
    ),
    ("accept = [\"how\"]", "accept = []", "should be non-empty"),
    ("id = \"word\"", "id = \"Word\"", "does not match"),
    (
        "shuffle = true",
        "shuffle = true\nfeedback_mode = 1",
        "'feedback_mode' was unexpected",
    ),
];

#[test]
fn each_mistake_gives_one_message_and_four_give_four() {
    let Some(py) = python() else { return };
    let schemas = tempfile::tempdir().unwrap();
    write_schemas(schemas.path());
    let schema = schemas.path().join("module.schema.json");
    for (from, to, says) in MISTAKES {
        let dir = copy_fixture("mini");
        edit(dir.path(), "01-basics.toml", from, to);
        let msgs = validate(&py, &schema, &[dir.path().join("01-basics.toml")]);
        assert_eq!(msgs.len(), 1, "{to:?}: {msgs:#?}");
        assert!(msgs[0].contains(says), "{to:?}: {}", msgs[0]);
    }
    let dir = copy_fixture("mini");
    for (from, to, _) in &MISTAKES[..4] {
        edit(dir.path(), "01-basics.toml", from, to);
    }
    let msgs = validate(&py, &schema, &[dir.path().join("01-basics.toml")]);
    assert_eq!(msgs.len(), 4, "{msgs:#?}");
    for (_, to, says) in &MISTAKES[..4] {
        assert!(
            msgs.iter().any(|m| m.contains(says)),
            "{to:?} not reported: {msgs:#?}"
        );
    }
}
