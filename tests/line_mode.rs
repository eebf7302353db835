//! The line mode (`syllabus --line`), whole sessions: the real binary fed scripted lines
//! through a pipe, its output compared with committed transcripts, checked for any control
//! character (no escape sequence at all), and the same sessions again in a real terminal
//! (tmux), where the output must be the very same lines.
//!
//! `SYLLABUS_TEST_SEED` makes a session reproducible: a fixed seed for the quizzes' draws and
//! a clock that starts at 2030-01-01 and moves one second per step.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::tmux::{Tmux, require_tmux};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn progress(&self) -> PathBuf {
        self.dir.path().join("progress.toml")
    }

    fn args(&self, extra: &[&str]) -> Vec<String> {
        let mut a: Vec<String> = vec![
            "--course".into(),
            common::fixture_dir("mini").display().to_string(),
            "--progress".into(),
            self.progress().display().to_string(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    }

    fn command(&self, args: &[String]) -> Command {
        let mut c = common::run::command(&[]);
        c.args(args)
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("SYLLABUS_CONFIG", self.dir.path().join("config.toml"))
            .env("SYLLABUS_TEST_SEED", "1")
            .env("TERM", "xterm")
            .env_remove("NO_COLOR");
        c
    }

    /// Run with `script` piped in; the output and the exit status.
    fn pipe(&self, extra: &[&str], script: &str) -> (String, i32) {
        let mut child = self
            .command(&self.args(extra))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(script.as_bytes()).expect("write");
        }
        let out = child.wait_with_output().expect("wait");
        let text = String::from_utf8(out.stdout).expect("not UTF-8");
        assert!(
            out.stderr.is_empty(),
            "stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (text, out.status.code().unwrap_or(-1))
    }
}

/// Not one control character but the line break: no escape sequences, no carriage
/// returns, no bells, no C1 controls.
fn assert_plain(out: &str) {
    for (n, line) in out.lines().enumerate() {
        assert!(
            !line.chars().any(|c| c.is_control()),
            "line {} holds a control character: {line:?}",
            n + 1
        );
    }
}

fn lines(script: &[&str]) -> String {
    script.iter().map(|l| format!("{l}\n")).collect()
}

/// Run a session through a pipe, check it is plain and ended well, and return it.
fn session(home: &Home, extra: &[&str], script: &[&str]) -> String {
    let (out, code) = home.pipe(extra, &lines(script));
    assert_eq!(code, 0, "exit status; output:\n{out}");
    assert_plain(&out);
    out
}

const READ_MODULE: &[&str] = &[
    "help", "info 1", "1", "", "back", "repeat", "next", "", "map", "q",
];

/// The module's answers with seed 1: match, multiple, single, short, true/false, order, with
/// wrong input on the way (a number out of range, a word, a repeated item).
const EVERY_KIND: &[&str] = &[
    "1", "quiz", "1 1 2", "", "repeat", "", "4", "3 2", "", "", "7", "2", "", "", "how", "", "",
    "yes", "f", "", "", "1 1 2", "3 2 1", "", "", "1", "", "", "", "", "", "", "5", "q",
];

/// Both answered, the first changed and left without Enter (the summary says so), then
/// entered; submitting asks first.
const DEFERRED: &[&str] = &[
    "2", "", "maybe", "yes", "1", "", "1", "", "1", "2", "next", "next", "1", "", "next", "submit",
    "no", "submit", "yes", "q",
];

/// A quiz left with a question half answered, then resumed (the input simply ends).
const RESUME_FIRST: &[&str] = &["1", "quiz", "1 1 2", "", "", "3", "quit"];
const RESUME_AGAIN: &[&str] = &["2 3", ""];

/// A first attempt with two questions partly right; from its results a practice retake of
/// those two, then a full retake left open.
const RETAKE: &[&str] = &[
    "1", "quiz", "1 2 2", "", "", "3", "", "", "2", "", "", "how", "", "", "f", "", "", "3 2 1",
    "", "", "4", "2 3", "", "", "2 1 1", "", "", "3", "1", "quit",
];

#[test]
fn reading_a_module() {
    let home = Home::new();
    let out = session(&home, &["--line", "--no-paging"], READ_MODULE);
    assert!(
        out.contains("Module 1, Basics. Section 1 of 2: Introduction."),
        "the module opened: {out}"
    );
    insta::assert_snapshot!("line_read_module", out);
    let saved = std::fs::read_to_string(home.progress()).unwrap_or_default();
    assert!(saved.contains("\"more\""), "sections opened: {saved}");
}

#[test]
fn every_commonmark_element_in_words() {
    let home = Home::new();
    let mut args = vec![
        "--course".to_string(),
        common::fixture_dir("commonmark").display().to_string(),
        "--progress".into(),
        home.progress().display().to_string(),
        "--line".into(),
        "--no-paging".into(),
    ];
    args.shrink_to_fit();
    let mut child = home
        .command(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"1\n\nq\n");
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8_lossy(&out.stdout).to_string();
    assert_plain(&out);
    assert!(out.contains("Row 2 of 3: Raw chicken"), "{out}");
    insta::assert_snapshot!("line_commonmark", out);
}

#[test]
fn every_question_kind_with_feedback_results_and_review() {
    let home = Home::new();
    let out = session(&home, &["--line", "--no-paging"], EVERY_KIND);
    assert!(out.contains("Score 100%"), "all right: {out}");
    insta::assert_snapshot!("line_every_kind", out);
}

#[test]
fn a_deferred_attempt_with_a_changed_answer() {
    let home = Home::new();
    let out = session(&home, &["--line", "--no-paging"], DEFERRED);
    assert!(out.contains("changed, not entered"), "{out}");
    insta::assert_snapshot!("line_deferred", out);
}

#[test]
fn resume_after_quit_with_a_draft() {
    let home = Home::new();
    let first = session(&home, &["--line", "--no-paging"], RESUME_FIRST);
    // The input ends without quit: saved all the same.
    let second = session(&home, &["--line", "--no-paging"], RESUME_AGAIN);
    assert!(
        second.contains("Ticked: 3. Steps. (not entered yet)"),
        "{second}"
    );
    insta::assert_snapshot!("line_resume", format!("{first}\n---- again ----\n{second}"));
    let saved = std::fs::read_to_string(home.progress()).unwrap_or_default();
    assert!(saved.contains("all-plans"), "the answer was saved: {saved}");
}

#[test]
fn a_retake_and_a_practice_retake() {
    let home = Home::new();
    let out = session(&home, &["--line", "--no-paging"], RETAKE);
    assert!(out.contains("practice retake"), "{out}");
    assert!(out.contains("results of practice run 1"), "{out}");
    assert!(out.contains("quiz, attempt 2:"), "{out}");
    insta::assert_snapshot!("line_retake", out);
}

#[test]
fn long_pages_stop_and_a_command_at_the_stop_is_obeyed() {
    let home = Home::new();
    // The built-in course's first section is longer than a page of 24 rows.
    let mut c = home.command(&[
        "--progress".into(),
        home.progress().display().to_string(),
        "--line".into(),
    ]);
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"1\nmap\nq\n");
    }
    let out = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout).to_string();
    assert_plain(&out);
    let stops = out
        .matches("Press Enter for more, or type a command.")
        .count();
    assert_eq!(stops, 1, "one stop: {out}");
    // `map` typed at the stop skipped the rest of the section and went to the map.
    let after = out.rsplit("Press Enter for more").next().unwrap_or("");
    assert!(after.contains("Course map."), "{out}");
    assert!(!out.contains("End of section."), "{out}");
}

#[test]
fn term_dumb_chooses_the_line_mode_and_bad_input_never_stops_it() {
    let home = Home::new();
    let mut c = home.command(&home.args(&["--no-paging"]));
    c.env("TERM", "dumb");
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut stdin) = child.stdin.take() {
        let mut junk = b"0\n99\n-1\n\xff\xfe\n\x1b[A\nnext\n".to_vec();
        junk.extend(std::iter::repeat_n(b'x', 5000));
        junk.push(b'\n');
        let _ = stdin.write_all(&junk);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8_lossy(&out.stdout).to_string();
    assert_plain(&out);
    assert!(out.contains("line mode"), "{out}");
    assert!(
        out.contains("Type a module number from 1 to 2"),
        "bad input answered: {out}"
    );
}

#[test]
fn sigterm_while_waiting_for_a_line_saves_and_exits() {
    let home = Home::new();
    let mut child = home
        .command(&home.args(&["--line"]))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take();
    if let Some(s) = stdin.as_mut() {
        let _ = s.write_all(b"1\n");
    }
    // Opening the section saves; then the program waits for the next line.
    let start = Instant::now();
    while !std::fs::read_to_string(home.progress()).is_ok_and(|p| p.contains("intro")) {
        assert!(start.elapsed() < Duration::from_secs(20), "never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(killed);
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(out.status.code(), Some(128 + 15));
    assert!(String::from_utf8_lossy(&out.stderr).contains("progress is saved"));
    let saved = std::fs::read_to_string(home.progress()).unwrap_or_default();
    assert!(saved.contains("intro"), "{saved}");
}

#[test]
fn a_damaged_progress_file_is_asked_about_in_words() {
    let home = Home::new();
    std::fs::write(home.progress(), "garbage = = [").unwrap();
    let out = session(&home, &["--line"], &["what", "start", "q"]);
    assert!(out.contains("Progress file damaged."), "{out}");
    assert!(
        out.contains("> what\nType start or quit.\n> start\n"),
        "{out}"
    );
    assert!(out.contains("Course map."), "{out}");
    let saved = std::fs::read_to_string(home.progress()).unwrap_or_default();
    assert!(
        saved.contains("course = \"mini\""),
        "started fresh: {saved}"
    );
}

// ---- The same sessions in a real terminal.

/// Run `script` in tmux, typing each line once the program waits for one, and return
/// everything written to the terminal (the program's output and the terminal's echo).
fn in_terminal(home: &Home, extra: &[&str], script: &[&str], name: &str) -> String {
    let t = Tmux::new(&format!("line-{name}"));
    let raw = home.dir.path().join(format!("{name}.raw"));
    let rc = home.dir.path().join(format!("{name}.rc"));
    let quoted: Vec<String> = home.args(extra).iter().map(|a| format!("'{a}'")).collect();
    let cmd = format!(
        "read go; env HOME='{h}' XDG_DATA_HOME='{h}/data' SYLLABUS_CONFIG='{h}/config.toml' SYLLABUS_TEST_SEED=1 TERM=xterm '{bin}' {args}; echo $? > '{rc}'; exec sleep 600",
        h = home.dir.path().display(),
        bin = common::run::BIN,
        args = quoted.join(" "),
        rc = rc.display(),
    );
    t.start(&[&cmd], 80, 24);
    t.pipe_to(&raw);
    t.keys(&["Enter"]);
    let read = || std::fs::read(&raw).unwrap_or_default();
    // Waiting means the output ends with the prompt and has not grown for a moment.
    let wait_for_prompt = |seen: usize| {
        let start = Instant::now();
        loop {
            let now = read();
            if now.len() > seen && now.ends_with(b"> ") {
                std::thread::sleep(Duration::from_millis(30));
                if read().len() == now.len() {
                    return now.len();
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no prompt: {}",
                String::from_utf8_lossy(&now)
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    };
    let mut seen = 0;
    for line in script {
        seen = wait_for_prompt(seen);
        if !line.is_empty() {
            t.type_text(line);
        }
        t.keys(&["Enter"]);
    }
    // A script that does not quit ends the input: Ctrl-D at the next prompt.
    let start = Instant::now();
    let mut ended = false;
    while !rc.exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "did not exit");
        let now = read();
        if !ended && now.len() > seen && now.ends_with(b"> ") {
            std::thread::sleep(Duration::from_millis(50));
            if read().len() == now.len() && !rc.exists() {
                t.keys(&["C-d"]);
                ended = true;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    t.kill_server();
    let code = std::fs::read_to_string(&rc).unwrap_or_default();
    assert_eq!(code.trim(), "0", "exit status");
    let bytes = read();
    assert!(
        !bytes.contains(&0x1b),
        "an escape sequence reached the terminal"
    );
    // The terminal ends lines with CR LF, and echoes the Enter that started the program.
    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    text.strip_prefix('\n').unwrap_or(&text).to_string()
}

fn same_in_a_terminal(extra: &[&str], script: &[&str], name: &str) {
    if !require_tmux("line_mode") {
        return;
    }
    let piped = session(&Home::new(), extra, script);
    let typed = in_terminal(&Home::new(), extra, script, name);
    assert_plain(&typed);
    assert_eq!(
        typed, piped,
        "the terminal session differs from the piped one"
    );
}

#[test]
fn reading_a_module_in_a_terminal() {
    same_in_a_terminal(&["--line", "--no-paging"], READ_MODULE, "read");
}

#[test]
fn every_question_kind_in_a_terminal() {
    same_in_a_terminal(&["--line", "--no-paging"], EVERY_KIND, "kinds");
}

#[test]
fn a_deferred_attempt_in_a_terminal() {
    same_in_a_terminal(&["--line", "--no-paging"], DEFERRED, "deferred");
}

#[test]
fn retakes_in_a_terminal() {
    same_in_a_terminal(&["--line", "--no-paging"], RETAKE, "retake");
}

#[test]
fn resume_in_a_terminal() {
    if !require_tmux("line_mode") {
        return;
    }
    let extra = &["--line", "--no-paging"];
    let (piped, typed) = (Home::new(), Home::new());
    let expected = [
        session(&piped, extra, RESUME_FIRST),
        session(&piped, extra, RESUME_AGAIN),
    ];
    // At a terminal the second run ends with Ctrl-D, which is not echoed.
    let got = [
        in_terminal(&typed, extra, RESUME_FIRST, "resume1"),
        in_terminal(&typed, extra, RESUME_AGAIN, "resume2"),
    ];
    assert_eq!(got, expected);
}

#[test]
fn paging_in_a_terminal() {
    same_in_a_terminal(&["--line"], READ_MODULE, "paging");
}

/// A learner with retakes and a practice run: the history lists every attempt as every view
/// numbers them, and any of them opens for review.
#[test]
fn the_attempt_history_lists_every_attempt_and_opens_any_for_review() {
    let home = Home::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/progress-v1/completed-with-retakes.toml"
    );
    std::fs::copy(fixture, home.progress()).unwrap();
    let out = session(
        &home,
        &["--line", "--no-paging"],
        &["map", "history 1", "1", "", "results", "back", "quit"],
    );
    assert!(out.contains("Module 1, Basics: attempt history."), "{out}");
    assert!(out.contains("1. Attempt 1, "), "{out}");
    insta::assert_snapshot!("line_history", out);
    assert!(out.contains("Practice 1"), "{out}");
    assert!(out.contains("Review of attempt 1, question 1 of"), "{out}");
}

/// A spaced-review session and the stats, in words: the due cards are read out and answered
/// as in a quiz, a wrong answer offers its lesson, and the stats say what `progress stats`
/// says. The fixture's answers are years old, so every card is due.
#[test]
fn a_review_session_and_the_stats_in_words() {
    let home = Home::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/progress-v1/completed-with-retakes.toml"
    );
    let text = std::fs::read_to_string(fixture)
        .unwrap()
        .replace("2027-01-15", "2020-01-15");
    std::fs::write(home.progress(), text).unwrap();
    let out = session(
        &home,
        &["--line", "--no-paging"],
        &[
            "map", "review", "1", "", "lesson", "review", "map", "stats", "", "quit",
        ],
    );
    assert!(out.contains("Spaced review, card 1 of"), "{out}");
    assert!(out.contains("Rated "), "{out}");
    assert!(out.contains("Type lesson to read the section"), "{out}");
    assert!(
        out.matches("Rated ").count() >= 2,
        "review in the lesson comes back to the same feedback: {out}"
    );
    assert!(out.contains("Streak "), "the stats page: {out}");
    assert!(out.contains("Weakest questions"), "{out}");
    let saved = std::fs::read_to_string(home.progress()).unwrap_or_default();
    assert!(
        saved.contains("[[modules.basics.reviews]]"),
        "the review is logged: {saved}"
    );
}
