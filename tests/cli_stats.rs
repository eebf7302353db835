//! `syllabus progress stats` through the real binary: the same figures as the stats
//! screen, as text (compared with committed files) and as JSON, for the fresh, half-way and
//! finished learners of tests/stats_screen.rs. Days are UTC (`TZ=UTC`) and the moment fixed
//! (`--as-of`), so the output does not depend on when or where the tests run.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::*;

const AS_OF: &str = "2027-01-20T12:00:00Z";

fn file(name: &str) -> PathBuf {
    match name {
        "finished" => fixture_dir("progress-v1/completed-with-retakes.toml"),
        other => fixture_dir(&format!("stats/{other}.toml")),
    }
}

fn stats(progress: &Path, args: &[&str]) -> (bool, String, String) {
    let mut cmd = run::progress_command(progress, &["stats", "--as-of", AS_OF]);
    cmd.args(args).env("TZ", "UTC");
    let out = run::run(cmd, b"");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).replace(&progress.display().to_string(), "FILE"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stats_text_is_as_committed_for_each_learner() {
    for name in ["fresh", "half-way", "finished"] {
        let (ok, out, err) = stats(&file(name), &[]);
        assert!(ok, "{name}: {err}");
        let expected_path = fixture_dir(&format!("stats/{name}.stats.txt"));
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, &out).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        assert_eq!(out, expected, "{name}");
    }
}

#[test]
fn stats_json_carries_the_same_figures() {
    let (ok, out, err) = stats(&file("finished"), &["--format", "json"]);
    assert!(ok, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["course"], "mini");
    assert_eq!(doc["as_of"], AS_OF);
    let st = &doc["stats"];
    assert_eq!(st["today"], "2027-01-20");
    assert_eq!(st["totals"]["answered"], 19);
    assert_eq!(st["totals"]["accuracy"], 79);
    assert_eq!(st["totals"]["modules_complete"], 2);
    assert_eq!(st["days"].as_array().map(Vec::len), Some(28));
    assert_eq!(st["modules"][0]["scores"].as_array().map(Vec::len), Some(3));
    assert_eq!(st["weak_questions"][0]["question"], "all-plans");
    assert_eq!(st["forecast"]["state"], "ready");
    assert_eq!(
        st["forecast"]["overdue"], 9,
        "every card of the finished learner is due 5 days on"
    );
}

#[test]
fn stats_of_a_learner_with_no_file_yet() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = stats(&dir.path().join("none.toml"), &[]);
    assert!(ok, "{err}");
    assert!(out.contains("Answered 0; accuracy no answers yet"), "{out}");
    assert!(!dir.path().join("none.toml").exists(), "stats never write");
}

#[test]
fn a_bad_as_of_is_refused_with_the_format() {
    let out = run::run(
        run::command(&["progress", "stats", "--as-of", "yesterday"]),
        b"",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--as-of"), "{err}");
}
