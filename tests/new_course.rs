//! `syllabus new`: the course it writes passes `check` with no warning, has every question
//! kind, a diagram and an assessment, and never overwrites a folder.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

fn syllabus(args: &[&str]) -> (i32, String, String) {
    run::parts(&run::run(run::command(args), b""))
}

#[test]
fn a_new_course_passes_check_with_every_kind_and_no_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("food-safety");
    let dir_s = dir.to_string_lossy().into_owned();
    let (code, out, err) = syllabus(&["new", &dir_s, "--title", "Safe \"Food\" \\ Handling"]);
    assert_eq!(code, 0, "{out}{err}");
    let report = load(&dir);
    assert_eq!(lines(&report), Vec::<String>::new());
    let course = report
        .course
        .unwrap_or_else(|| panic!("the new course must load"));
    assert_eq!(course.title, "Safe \"Food\" \\ Handling");
    assert_eq!(course.id, "food-safety");
    let lesson = &course.modules[0];
    let mut kinds: Vec<&str> = lesson
        .quiz
        .questions
        .iter()
        .map(|q| q.kind.name())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), 6, "{kinds:?}");
    assert!(
        lesson
            .sections
            .iter()
            .any(|s| format!("{:?}", s.body).contains("Diagram"))
    );
    assert_eq!(
        course.modules[1].kind,
        syllabus::course::ModuleKind::Assessment
    );
    assert!(dir.join("schema/module.schema.json").is_file());
    let (code, out, _) = syllabus(&["check", &dir_s]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("; 0 warnings"), "{out}");
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let dir = copy_fixture("mini");
    let before = std::fs::read_to_string(dir.path().join("course.toml")).unwrap_or_default();
    let (code, _, err) = syllabus(&["new", &dir.path().to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists and is not empty"), "{err}");
    let after = std::fs::read_to_string(dir.path().join("course.toml")).unwrap_or_default();
    assert_eq!(before, after);
}
