//! `syllabus check` through the real binary: exit codes, rustc-style output, JSON.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

fn syllabus(args: &[&str]) -> (i32, String, String) {
    let mut cmd = run::command(args);
    cmd.env_remove("NO_COLOR");
    run::parts(&run::run(cmd, b""))
}

#[test]
fn check_of_the_built_in_course_passes() {
    let (code, out, _) = syllabus(&["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("ok: Leadership and Management (built-in course): "),
        "{out}"
    );
    assert!(out.contains(" modules, "), "{out}");
    assert!(out.trim_end().ends_with("0 warnings"), "{out}");
}

#[test]
fn check_of_the_lessons_folder_passes() {
    let lessons = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
    let (code, out, _) = syllabus(&["check", lessons]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("questions (single "), "{out}");
}

#[test]
fn broken_course_exits_1_with_rustc_style_diagnostics() {
    let dir = copy_fixture("mini");
    edit(
        dir.path(),
        "01-basics.toml",
        "title = \"Basics\"",
        "titel = \"Basics\"",
    );
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, _) = syllabus(&["check", &path]);
    assert_eq!(code, 1, "{out}");
    let expected = format!(
        "error: unknown key `titel` in a module\n --> {path}/01-basics.toml:2:1\n  |\n2 | titel = \"Basics\"\n  | ^^^^^\n  = help: did you mean `title`?\n"
    );
    assert!(
        out.starts_with(&expected),
        "got:\n{out}\nexpected:\n{expected}"
    );
    assert!(out.contains("failed: course folder"), "{out}");
    assert!(out.contains("has 1 error and 0 warnings"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn json_format_carries_the_same_diagnostics() {
    let dir = copy_fixture("mini");
    edit(
        dir.path(),
        "01-basics.toml",
        "minutes = 5",
        "minutes = \"five\"",
    );
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, _) = syllabus(&["check", &path, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 11);
    assert_eq!(
        d["message"],
        "`minutes` should be an integer, found a string"
    );
    assert_eq!(d["file"], format!("{path}/01-basics.toml"));
}

#[test]
fn json_summary_of_a_clean_course() {
    let (code, out, _) = syllabus(&[
        "check",
        &fixture_dir("mini").to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["summary"]["modules"], 2);
    assert_eq!(v["summary"]["questions_by_kind"]["match"], 1);
    assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(0));
}

#[test]
fn check_output_never_carries_escape_sequences_from_a_hostile_file() {
    let dir = copy_fixture("mini");
    // A raw ESC and BEL in the file itself (a TOML error) and one via a \u escape (a warning).
    edit(
        dir.path(),
        "01-basics.toml",
        "title = \"Basics\"",
        "title = \"B\u{1b}]0;pwned\u{7}\"",
    );
    edit(
        dir.path(),
        "02-exam.toml",
        "summary = \"A short final check.\"",
        "summary = \"x\\u001b[2Jy\\u009b31m\"",
    );
    let (code, out, err) = syllabus(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(code, 1);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}'] {
        assert!(!out.contains(bad) && !err.contains(bad), "{out}");
    }
    assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{out}");
    assert!(
        out.contains("removed 2 control characters from `summary`"),
        "{out}"
    );
}

#[test]
fn review_warnings_carry_their_code_in_text_and_json() {
    let dir = copy_fixture("mini");
    edit(dir.path(), "02-exam.toml", "allow = [\"item-leak\"]", "");
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, _) = syllabus(&["check", &path]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("warning[item-leak]: this question's options give away the answer to `pick-plan` (module `exam`)"), "{out}");
    assert!(out.trim_end().ends_with("2 warnings"), "{out}");
    let (_, out, _) = syllabus(&["check", &path, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["warnings"], 2);
    assert_eq!(v["diagnostics"][0]["code"], "item-leak");
    assert_eq!(v["diagnostics"][0]["line"], 37);
    assert!(v.get("items").is_none());
}

#[test]
fn items_flag_prints_each_modules_item_statistics() {
    let (code, out, _) = syllabus(&["check", &fixture_dir("mini").to_string_lossy(), "--items"]);
    assert_eq!(code, 0, "{out}");
    let stats = out
        .split("Item statistics:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        stats,
        "basics (lesson, 01-basics.toml): 6 questions, 6 per attempt\n  single: 1, right option strictly longest in 1 (chance: about 0.3)\n  true/false: 0 true, 1 false\n  tick-all right options: 2 of 3\n  match splits: 2+1\nexam (assessment, 02-exam.toml): 3 questions, 2 per attempt\n  single: 1, right option strictly longest in 1 (chance: about 0.5)\n  true/false: 1 true, 0 false\n  tick-all right options: none\n  match splits: none\n"
    );
    let (_, out, _) = syllabus(&[
        "check",
        &fixture_dir("mini").to_string_lossy(),
        "--items",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["items"][0]["longest_right"], 1);
    assert_eq!(v["items"][0]["match_splits"][0], serde_json::json!([2, 1]));
}

#[test]
fn items_flag_shows_an_assessment_blueprint() {
    let dir = copy_fixture("mini");
    edit(
        dir.path(),
        "02-exam.toml",
        "questions_per_attempt = 2",
        "draw = [{ pool = \"basics\", count = 1 }, { pool = \"roles\", count = 1 }]",
    );
    edit(
        dir.path(),
        "02-exam.toml",
        "kind = \"short\"",
        "kind = \"short\"\npool = \"basics\"",
    );
    edit(
        dir.path(),
        "02-exam.toml",
        "kind = \"true_false\"",
        "kind = \"true_false\"\npool = \"roles\"",
    );
    edit(
        dir.path(),
        "02-exam.toml",
        "kind = \"single\"",
        "kind = \"single\"\npool = \"roles\"",
    );
    let (code, out, _) = syllabus(&["check", &dir.path().to_string_lossy(), "--items"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("exam (assessment, 02-exam.toml): 3 questions, 2 per attempt\n"),
        "{out}"
    );
    assert!(
        out.contains("\n  blueprint: basics 1 of 1, roles 1 of 2\n"),
        "{out}"
    );
}
