//! `syllabus progress path|show|export|reset|certificate` through the real binary, on the
//! mini fixture course with progress files written by the library.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::*;
use syllabus::app::{Action, App};
use syllabus::progress::Progress;

fn run(progress: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = common::run::run(
        common::run::progress_command(progress, args),
        stdin.as_bytes(),
    );
    common::run::parts(&out)
}

/// Progress with the whole mini course passed (basics right, the exam half right).
fn completed() -> Progress {
    let mut app = quiz_app("pick-vision", 80, 24);
    drive(
        &mut app,
        &[Action::Choose(1), Action::Submit, Action::Submit],
    );
    drive(
        &mut app,
        &[
            Action::Choose(1),
            Action::Choose(2),
            Action::Submit,
            Action::Submit,
        ],
    );
    drive(
        &mut app,
        &[Action::Choose(2), Action::Submit, Action::Submit],
    );
    drive(
        &mut app,
        &[
            Action::Choose(1),
            Action::Choose(2),
            Action::Choose(1),
            Action::Submit,
            Action::Submit,
        ],
    );
    drive(
        &mut app,
        &[
            Action::Toggle,
            Action::Down,
            Action::Down,
            Action::Toggle,
            Action::Submit,
            Action::Submit,
        ],
    );
    drive(
        &mut app,
        &[
            Action::Type('h'),
            Action::Type('o'),
            Action::Type('w'),
            Action::Submit,
            Action::Submit,
        ],
    );
    drive(
        &mut app,
        &[
            Action::Back,
            Action::Top,
            Action::Open,
            Action::NextPage,
            Action::Back,
        ],
    );
    drive(&mut app, &[Action::Down, Action::Open, Action::Open]);
    for _ in 0..2 {
        drive(
            &mut app,
            &[
                Action::Type('w'),
                Action::Type('h'),
                Action::Type('y'),
                Action::Submit,
            ],
        );
        drive(&mut app, &[Action::Choose(1), Action::Submit]);
    }
    submit_all(&mut app);
    assert!(
        syllabus::app::status::course_complete(&app),
        "fixture progress should complete the course"
    );
    app.progress
}

fn write(dir: &Path, p: &Progress) -> std::path::PathBuf {
    let path = dir.join("p.toml");
    std::fs::write(&path, p.to_toml().unwrap_or_default()).unwrap();
    path
}

#[test]
fn path_prints_the_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.toml");
    let (code, out, _) = run(&p, &["path"], "");
    assert_eq!((code, out.trim()), (0, p.to_string_lossy().as_ref()));
}

#[test]
fn default_path_is_in_the_xdg_data_home() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::run::command(&["progress", "path"])
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("xdg"))
        .output()
        .unwrap();
    let expected = dir
        .path()
        .join("xdg/syllabus/leadership-vs-management.toml");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        expected.to_string_lossy()
    );
}

#[test]
fn show_lists_every_module_with_state_grade_attempts_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let (code, out, err) = run(&path, &["show"], "");
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let cells = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        cells(lines[1]),
        [
            "#", "module", "state", "grade", "attempts", "practice", "mastered", "time"
        ]
    );
    assert_eq!(
        cells(lines[2]),
        [
            "1", "basics", "complete", "89%", "89%", "1", "0", "5/6", "1", "min"
        ],
        "{out}"
    );
    assert_eq!(
        cells(lines[3]),
        [
            "2", "exam", "complete", "100%", "100%", "1", "0", "2/3", "1", "min"
        ],
        "{out}"
    );
    assert!(lines[4].starts_with("2 of 2 modules complete"), "{out}");
}

#[test]
fn show_without_a_progress_file_shows_a_fresh_course() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(&dir.path().join("none.toml"), &["show"], "");
    assert_eq!(code, 0);
    assert!(out.contains("1  basics  not started"), "{out}");
    assert!(
        !dir.path().join("none.toml").exists(),
        "show writes nothing"
    );
}

#[test]
fn show_of_a_damaged_file_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, "version = 1\ncourse = [").unwrap();
    let (code, _, err) = run(&path, &["show"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("is damaged") && err.contains("recover it from the backup"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        "version = 1\ncourse = ["
    );
}

#[test]
fn export_json_has_one_row_per_response_with_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let (code, out, _) = run(&path, &["export", "--format", "json"], "");
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 8, "6 basics + 2 exam responses");
    assert_eq!(rows[0]["module"], "basics");
    assert_eq!(rows[0]["status"], "current");
    assert!(rows.iter().any(|r| r["raw_answer"]["short"] == "how"));
    assert!(rows.iter().any(|r| r["answer"] == "how"));
    for r in &rows {
        for field in [
            "module_title",
            "prompt",
            "answer",
            "right_answer",
            "attempt",
            "kind",
        ] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
    }
    // Modules come in course order, not by id.
    assert_eq!(rows[7]["module"], "exam");
}

#[test]
fn export_csv_quotes_fields_and_has_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let (code, out, _) = run(&path, &["export", "--format", "csv"], "");
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "course,module_number,module,module_title,attempt,kind,started,finished,question_number,question,prompt,answer,right_answer,points,correct,status,answered_at"
    );
    assert_eq!(lines.len(), 9);
    assert!(lines.iter().any(|l| l.contains(",how,")), "{out}");
    assert!(!out.contains("{\"\"short"), "no raw answers in CSV: {out}");
}

#[test]
fn reset_asks_first_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    // Without a terminal and without --yes: refuse.
    let (code, _, err) = run(&path, &["reset"], "y\n");
    assert_eq!(code, 1);
    assert!(err.contains("add --yes"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), before);
    let (code, out, err) = run(&path, &["reset", "--yes"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("previous file is kept as"), "{out}");
    let after = Progress::from_toml(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap();
    assert!(after.modules.is_empty());
    let bak = std::fs::read_to_string(dir.path().join("p.toml.bak")).unwrap_or_default();
    assert_eq!(
        Progress::from_toml(&bak).ok(),
        Progress::from_toml(&before).ok(),
        "the .bak holds the old progress"
    );
}

#[test]
fn reset_of_one_module_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let (code, _, err) = run(&path, &["reset", "--module", "exam", "--yes"], "");
    assert_eq!(code, 0, "{err}");
    let after = Progress::from_toml(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap();
    assert!(after.modules.contains_key("basics") && !after.modules.contains_key("exam"));
    let (code, _, err) = run(&path, &["reset", "--module", "nope", "--yes"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("no module `nope`") && err.contains("basics, exam"),
        "{err}"
    );
}

#[test]
fn reset_refuses_while_another_window_holds_the_course() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let holder = syllabus::progress::FileStore::open(&path, "mini");
    let (code, _, err) = run(&path, &["reset", "--yes"], "");
    assert_eq!(code, 1);
    assert!(err.contains("another window"), "{err}");
    drop(holder);
}

#[test]
fn certificate_names_learner_course_date_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let (code, out, err) = run(&path, &["certificate", "--name", "Ada Lovelace"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("CERTIFICATE OF COMPLETION"));
    assert!(out.contains("    Ada Lovelace\n"));
    assert!(out.contains("Mini Course (version 0.1.0)"));
    assert!(out.contains("on 2027-01-15."), "{out}");
    assert!(out.contains("Final Check") && out.contains("100%"), "{out}");
}

#[test]
fn certificate_before_completion_lists_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(&dir.path().join("none.toml"), &["certificate"], "");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("not complete yet") && err.contains("1. Basics (not started)"),
        "{err}"
    );
}

#[test]
fn app_new_on_completed_progress_offers_completion() {
    let app = App::new(mini_course(), completed(), 1);
    assert_eq!(
        syllabus::app::status::next_step(&app),
        syllabus::app::status::Step::Completion
    );
}

/// `certificate` with no `--name`, no user name and an empty settings folder.
fn certificate_without_a_name(progress: &Path, config: &Path) -> (i32, String, String) {
    // The mini course with a title in wide characters.
    let course = copy_fixture("mini");
    edit(
        course.path(),
        "01-basics.toml",
        "title = \"Basics\"",
        "title = \"基础 Basics\"",
    );
    let mini = course.path().to_path_buf();
    let out = common::run::command(&["--course", &mini.to_string_lossy()])
        .args(["--progress", &progress.to_string_lossy()])
        .args(["progress", "certificate"])
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env("XDG_CONFIG_HOME", config)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn certificate_without_any_name_says_how_to_give_one_and_never_prints_the_learner() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &completed());
    let (code, out, err) = certificate_without_a_name(&path, &dir.path().join("cfg"));
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("the learner"), "{out}");
    assert!(
        err.contains("--name") && err.contains("[learner] name"),
        "{err}"
    );
}

#[test]
fn certificate_uses_the_remembered_name_and_pads_wide_titles_by_width() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = completed();
    p.extra.insert("certificate_name".into(), "李 Ada".into());
    let path = write(dir.path(), &p);
    let (code, out, err) = certificate_without_a_name(&path, &dir.path().join("cfg"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("    李 Ada\n"), "{out}");
    assert!(out.contains("基础 Basics"), "{out}");
    // Every grade ends in the same column, whatever the title's characters.
    let ends: Vec<usize> = out
        .lines()
        .filter(|l| l.ends_with('%'))
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(
        ends.len() >= 2 && ends.windows(2).all(|w| w[0] == w[1]),
        "{out}"
    );
}
