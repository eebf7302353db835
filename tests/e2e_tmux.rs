//! End to end: the real binary in a real terminal (tmux on a private socket), driven with
//! the keys a person would press. Polls the screen until text appears (never fixed sleeps),
//! and checks the exit code, that the terminal was restored, and the saved progress.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::{Tmux, require_tmux};

macro_rules! require_tmux {
    () => {
        if !require_tmux("e2e_tmux") {
            return;
        }
    };
}

/// Where each test's progress file goes.
fn progress(t: &Tmux) -> PathBuf {
    t.dir().join("progress.toml")
}

fn mini() -> String {
    common::fixture_dir("mini").display().to_string()
}

fn progress_arg(t: &Tmux) -> String {
    progress(t).display().to_string()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn map_lesson_quiz_results_quit_in_a_real_terminal() {
    require_tmux!();
    let t = Tmux::new("flow");
    t.launch(
        &["--course", &mini(), "--progress", &progress_arg(&t)],
        &[],
        80,
        24,
    );
    let s = t.wait_for("Course map");
    assert!(s.contains("> ·  1. Basics"), "{s}");
    assert!(t.alternate_screen_on());
    t.keys(&["Enter"]);
    let s = t.wait_for("Section 1 of 2");
    assert!(
        s.contains("Leaders set a direction; managers turn it into a plan."),
        "{s}"
    );
    assert!(
        s.contains("+--------+--------+"),
        "the diagram is drawn as is:\n{s}"
    );
    t.keys(&["n", "n"]);
    t.wait_for("Key takeaways");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of 6");
    // Answer whatever comes, six times: a number key (or Space, or text) chooses, and
    // only Enter submits.
    for i in 1..=6 {
        let s = t.wait_for(&format!("Question {i} of 6"));
        if s.contains("Your answer:") {
            t.keys(&["how"]);
            t.wait_for("Your answer: how");
        } else if s.contains("Categories:") {
            t.keys(&["1", "1", "1"]);
            t.wait_for("[Leadership] Inspires");
        } else if s.contains("[ ]") {
            t.keys(&["1"]);
            t.wait_for("[x] 1.");
        } else if s.contains("( ) 1.") {
            t.keys(&["1"]);
            t.wait_for("(•) 1.");
        } else {
            t.keys(&["Space", "Down", "Space"]);
            t.wait_for("> ");
        }
        // Give a wrongly submitting build time to show its feedback.
        std::thread::sleep(Duration::from_millis(300));
        let s = t.screen();
        assert!(
            !s.contains("Why:"),
            "question {i}: a key alone submitted:\n{s}"
        );
        t.keys(&["Enter"]);
        t.wait_for("Why:");
        t.keys(&["Enter"]);
    }
    // Wait for the last line of the results, so the capture is not taken mid-redraw.
    let s = t.wait_for("Back to the course map");
    assert!(s.contains("Score"), "{s}");
    assert!(
        s.contains("Review this attempt") && s.contains("Practise the questions you missed"),
        "{s}"
    );
    t.keys(&["q"]);
    t.wait_for("Course map");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    assert!(
        !t.alternate_screen_on(),
        "the terminal left the alternate screen"
    );
    let saved = read(&progress(&t));
    assert!(
        saved.contains("version = 3") && saved.contains("[[modules.basics.attempts]]"),
        "{saved}"
    );
    assert!(saved.contains("finished = "), "{saved}");
}

#[test]
fn resume_mid_quiz_after_quitting_keeps_the_same_question_and_earlier_answers() {
    require_tmux!();
    let t = Tmux::new("resume");
    let args = [
        "--course".to_string(),
        mini(),
        "--progress".to_string(),
        progress_arg(&t),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    t.launch(&args, &[], 80, 24);
    t.wait_for("Course map");
    t.keys(&["Down", "Enter", "Enter"]);
    // The lessons are unread: starting the assessment asks first.
    t.wait_for("Start it anyway?");
    t.keys(&["y"]);
    t.wait_for("Question 1 of 2");
    // Deferred feedback: answering moves straight on.
    let s = t.screen();
    if s.contains("Your answer:") {
        t.keys(&["why", "Enter"]);
    } else {
        t.keys(&["1", "Enter"]);
    }
    let s = t.wait_for("Question 2 of 2");
    let second_prompt: String = s.lines().nth(2).unwrap_or_default().trim().to_string();
    t.keys(&["C-c"]);
    assert_eq!(t.exit_code(), 0);
    t.launch(&args, &[], 80, 24);
    let s = t.wait_for("Question 2 of 2");
    assert!(
        s.contains(&second_prompt),
        "same question after relaunch:\n{s}"
    );
    let saved = read(&progress(&t));
    assert_eq!(
        saved
            .lines()
            .filter(
                |l| l.starts_with("[modules.exam.attempts.responses.") && !l.ends_with(".answer]")
            )
            .count(),
        1,
        "{saved}"
    );
    t.keys(&["C-c"]);
    assert_eq!(t.exit_code(), 0);
}

/// The body of the quiz screen: the question and what is entered (no status or footer).
fn quiz_body(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(2)].join("\n")
}

#[test]
fn kill_9_with_an_answer_half_entered_brings_the_draft_back() {
    require_tmux!();
    let t = Tmux::new("kill9");
    let args = [
        "--course".to_string(),
        mini(),
        "--progress".to_string(),
        progress_arg(&t),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    t.launch(&args, &[], 80, 24);
    t.wait_for("Course map");
    t.keys(&["Enter", "n", "n", "Enter"]);
    let s = t.wait_for("Question 1 of 6");
    // Half an answer, whatever the kind; nothing submitted.
    if s.contains("Your answer:") {
        t.keys(&["ho"]);
    } else if s.contains("Categories:") || s.contains("[ ]") {
        // One item sorted, or one option ticked.
        t.keys(&["1"]);
    } else if s.contains("( ) 2.") {
        t.keys(&["2"]);
    } else {
        t.keys(&["Space", "Down"]);
    }
    // Saved within a second of typing, with no further key (a tick does it).
    let start = Instant::now();
    while !read(&progress(&t)).contains("drafts") {
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "the draft was not saved:\n{}",
            read(&progress(&t))
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let before = quiz_body(&t.screen());
    let pid = t.pane_pid();
    let out = Command::new("pkill")
        .args(["-KILL", "-P", &pid, "syllabus"])
        .output();
    assert!(out.is_ok_and(|o| o.status.success()), "pkill found the app");
    assert_eq!(t.exit_code(), 128 + 9);
    t.launch(&args, &[], 80, 24);
    let s = t.wait_for("Question 1 of 6");
    assert_eq!(quiz_body(&s), before, "the draft came back as it was");
    t.keys(&["C-c"]);
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn help_and_tiny_terminal_in_a_real_terminal() {
    require_tmux!();
    let t = Tmux::new("small");
    t.launch(
        &["--course", &mini(), "--progress", &progress_arg(&t)],
        &[],
        80,
        24,
    );
    t.wait_for("Course map");
    t.keys(&["?"]);
    t.wait_for("Keys on this screen");
    t.keys(&["Escape"]);
    t.resize(30, 8);
    t.wait_for("need 40x12, have 30x8");
    t.resize(80, 24);
    t.wait_for("Course map");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    assert!(!t.alternate_screen_on());
}

#[test]
fn sigterm_saves_and_exits_cleanly() {
    require_tmux!();
    let t = Tmux::new("term");
    t.launch(
        &["--course", &mini(), "--progress", &progress_arg(&t)],
        &[],
        80,
        24,
    );
    t.wait_for("Course map");
    t.keys(&["Enter"]);
    t.wait_for("Section 1 of 2");
    t.keys(&["n"]);
    t.wait_for("Section 2 of 2");
    let pid = t.pane_pid();
    // The pane runs sh, whose child is syllabus.
    let out = Command::new("pkill")
        .args(["-TERM", "-P", &pid, "syllabus"])
        .output();
    assert!(out.is_ok_and(|o| o.status.success()), "pkill found the app");
    assert_eq!(t.exit_code(), 128 + 15);
    assert!(!t.alternate_screen_on(), "terminal restored after SIGTERM");
    let saved = read(&progress(&t));
    assert!(
        saved.contains("section = \"more\""),
        "the place was saved:\n{saved}"
    );
}

#[test]
fn not_a_terminal_says_so_and_exits_2() {
    let out = common::run::command(&["--course", &mini()])
        // TERM=dumb (some CI runners) would choose the line mode instead.
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs an interactive terminal"), "{err}");
    assert!(out.stdout.is_empty(), "nothing drawn");
}

#[test]
fn watch_shows_a_broken_save_over_the_screen_and_reloads_a_fixed_one() {
    require_tmux!();
    let t = Tmux::new("watch");
    let course = common::copy_fixture("mini");
    let exam = course.path().join("02-exam.toml");
    let good = read(&exam);
    let dir = course.path().display().to_string();
    t.launch(
        &["--course", &dir, "--progress", &progress_arg(&t), "--watch"],
        &[],
        80,
        24,
    );
    t.wait_for("Course map");
    std::fs::write(&exam, format!("{good}\ngarbage = [\n")).unwrap();
    let s = t.wait_for("The course on disk has errors");
    assert!(
        s.contains("fix and save; the course reloads by itself."),
        "{s}"
    );
    // Over the errors a key does nothing; Esc hides them.
    t.keys(&["Down", "Escape"]);
    let s = t.wait_for("A two-module fixture used by the tests.");
    assert!(!s.contains("The course on disk has errors"), "{s}");
    assert!(s.contains("> ·  1. Basics"), "Down was not taken:\n{s}");
    std::fs::write(&exam, &good).unwrap();
    t.wait_for("The course changed on disk and was reloaded.");
    // Broken again, and Ctrl-C still quits over the overlay.
    std::fs::write(&exam, format!("{good}\ngarbage = [\n")).unwrap();
    t.wait_for("The course on disk has errors");
    t.keys(&["C-c"]);
    assert_eq!(t.exit_code(), 0);
}
