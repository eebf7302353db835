//! Bad inputs and faults from the catalogue in docs/robustness.md that no other test file
//! covers: the rest of the catalogue names the tests (in course_rejections.rs,
//! progress_store.rs, app_flow.rs, screens.rs, e2e_tmux.rs, escape_injection.rs,
//! fuzz_regressions.rs, ...) that prove each row.
//!
//! Tests that need something this machine may not allow (dropping privileges, tmux) print
//! `SKIPPED: reason` and pass, except under CI=true, where they fail instead.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::tmux::{Tmux, require_tmux};
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::{Action, App, Screen};
use syllabus::progress::{FileStore, Opened, Progress};
use syllabus::ui::{self, Theme};

fn syllabus_bin() -> &'static str {
    common::run::BIN
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| ui::render(app, &Theme::default_theme(), f))
        .unwrap();
    // TestBackend cannot print a buffer with no columns.
    if w == 0 {
        return String::new();
    }
    format!("{}", terminal.backend())
}

// ---- Course files.

#[test]
fn single_question_with_one_option_is_rejected() {
    let report = load_edited(
        "02-exam.toml",
        "  { text = \"Be the best.\", feedback = \"That is a vision.\" },\n",
        "",
    );
    assert!(report.course.is_none());
    let l = lines(&report);
    assert!(
        l.iter()
            .any(|d| d.starts_with("error course/02-exam.toml:35:11: `options` needs at least 2")),
        "{l:#?}"
    );
}

#[test]
fn multiple_with_every_option_right_is_only_a_warning() {
    let report = load_edited(
        "01-basics.toml",
        "{ text = \"A dream\", feedback = \"A dream is not a plan.\" }",
        "{ text = \"A dream\", correct = true, feedback = \"Dreams count here.\" }",
    );
    assert!(report.course.is_some(), "{:#?}", lines(&report));
    assert_eq!(
        lines(&report),
        [
            "warning course/01-basics.toml:54:11: every option of `multiple` question `all-plans` is correct [learners can pass by ticking everything; add a wrong option]"
        ]
    );
}

/// toml stops at 80 levels of nesting; deeper is a syntax error, never a stack overflow,
/// whether the nesting is arrays, inline tables, dotted keys or table headers.
#[test]
fn nesting_thousands_deep_is_a_syntax_error_not_a_crash() {
    let n = 100_000;
    let cases = [
        ("arrays", format!("z = {}{}", "[".repeat(n), "]".repeat(n))),
        (
            "inline tables",
            format!("z = {}1{}", "{a = ".repeat(n), "}".repeat(n)),
        ),
        ("dotted keys", format!("{} = 1", vec!["a"; n].join("."))),
        (
            "table headers",
            format!("[{}]\nx = 1", vec!["a"; n].join(".")),
        ),
    ];
    for (what, nested) in cases {
        let report = load_edited(
            "01-basics.toml",
            "minutes = 5\n",
            &format!("minutes = 5\n{nested}\n"),
        );
        assert!(report.course.is_none(), "{what}");
        let l = lines(&report);
        assert_eq!(l.len(), 1, "{what}: {l:#?}");
        assert!(l[0].contains("invalid TOML"), "{what}: {}", l[0]);
        assert!(
            l[0].contains("recurs"),
            "{what}: names the nesting: {}",
            l[0]
        );
    }
}

#[test]
fn course_path_that_is_a_file_says_to_point_check_at_the_folder() {
    let dir = copy_fixture("mini");
    let file = dir.path().join("course.toml");
    let out = Command::new(syllabus_bin())
        .args(["check", &file.to_string_lossy()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("is a file; point `check` at the course folder"),
        "{text}"
    );
    assert!(
        text.contains(&format!("syllabus check {}", dir.path().display())),
        "{text}"
    );
}

/// Run `args` as a user with no home directory and no rights over root's files, or say why
/// this machine cannot.
fn as_nobody(test: &str, args: &[&str], env_remove: &[&str]) -> Option<std::process::Output> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !root || !setpriv {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: under CI=true this must run: needs root and setpriv"
        );
        eprintln!("SKIPPED: {test}: needs root and setpriv to run as another user");
        return None;
    }
    // The build's own folder may be private (a clone in a 0700 temp folder), so the other
    // user runs a copy of the binary from a folder anyone may enter.
    use std::os::unix::fs::PermissionsExt;
    let bin_dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = bin_dir.path().join("syllabus");
    std::fs::copy(syllabus_bin(), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=54321", "--regid=54321", "--clear-groups", "env"]);
    for v in env_remove {
        cmd.args(["-u", v]);
    }
    cmd.arg(&bin).args(args);
    let out = cmd.output().unwrap();
    // 126: the other user could not even start the program; say so rather than fail on it.
    if out.status.code() == Some(126) {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: under CI=true this must run: the other user cannot execute the binary"
        );
        eprintln!(
            "SKIPPED: {test}: the other user cannot execute the binary here: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return None;
    }
    Some(out)
}

/// A copy of the mini course that another user may read (temporary folders are private).
fn world_readable_course() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_fixture("mini");
    for p in [dir.path().to_path_buf(), dir.path().join("assets")] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    dir
}

#[test]
fn module_file_the_learner_may_not_read_is_named_with_the_os_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = world_readable_course();
    std::fs::set_permissions(
        dir.path().join("02-exam.toml"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let Some(out) = as_nobody(
        "module_file_the_learner_may_not_read_is_named_with_the_os_error",
        &["check", &path],
        &[],
    ) else {
        return;
    };
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("02-exam.toml could not be read: Permission denied"),
        "{text}"
    );
    assert!(text.contains("check the file's permissions"), "{text}");
    assert!(text.contains("has 1 error"), "{text}");
}

// ---- The filesystem and the environment.

#[test]
fn no_home_directory_says_to_pass_progress() {
    let dir = world_readable_course();
    let path = dir.path().to_string_lossy().into_owned();
    let Some(out) = as_nobody(
        "no_home_directory_says_to_pass_progress",
        &["--course", &path, "progress", "show"],
        &["HOME", "XDG_DATA_HOME"],
    ) else {
        return;
    };
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot determine a data directory") && err.contains("pass --progress FILE"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// A progress file over the size limit is not read into memory: it is damage, moved aside.
#[test]
fn progress_file_over_the_size_limit_is_moved_aside_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: no disk space used, no time spent.
    file.set_len(syllabus::progress::store::MAX_PROGRESS_BYTES + 1)
        .unwrap();
    drop(file);
    let open = FileStore::open(&path, "mini");
    match &open.opened {
        Opened::Damaged {
            reason, corrupt, ..
        } => {
            assert!(reason.contains("over the 64 MiB limit"), "{reason}");
            let kept = std::fs::metadata(corrupt).unwrap();
            assert_eq!(
                kept.len(),
                syllabus::progress::store::MAX_PROGRESS_BYTES + 1
            );
        }
        other => panic!("expected damage, got {other:?}"),
    }
    assert!(
        !path.exists(),
        "nothing is written before the learner chooses"
    );
}

/// A hand-edited progress file may hold any value of the right type. The app opens it, goes
/// where it says (or to the map), and draws every screen without a panic.
#[test]
fn progress_with_out_of_range_values_opens_and_draws() {
    let text = r#"
version = 1
course = "mini"

[place]
screen = "results"
module = "basics"
attempt = 4000000000

[modules.basics]
opened = ["intro", "no-such-section", ""]
section = "no-such-section"
scroll = 4294967295
active_seconds = 18446744073709551615

[[modules.basics.attempts]]
number = 0
mode = "full"
seed = -9223372036854775808
started = "9999-12-30T00:00:00Z"
finished = "1970-01-01T00:00:00Z"
questions = [
  { id = "pick-vision", hash = "", order = [99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99] },
  { id = "gone", hash = "x" },
]
responses = [
  { question = "pick-vision", hash = "", answer = { single = 18446744073709551615 }, points = nan, correct = true, at = "2026-01-01T00:00:00Z" },
  { question = "sort", hash = "", answer = { match = [-5, 7, 1000000] }, points = inf, correct = false, at = "2026-01-01T00:00:00Z" },
  { question = "word", hash = "", answer = { short = "" }, points = -1e308, correct = false, at = "2026-01-01T00:00:00Z" },
  { question = "steps", hash = "", answer = { order = [] }, points = 1.0, correct = true, at = "2026-01-01T00:00:00Z" },
]

[[modules.basics.attempts]]
number = 4000000000
mode = "missed"
seed = 1
started = "2026-01-01T00:00:00Z"
questions = [
  { id = "steps", hash = "", order = [0, 0, 0] },
  { id = "all-plans", hash = "", order = [] },
  { id = "sort", hash = "", order = [2, 1] },
  { id = "word", hash = "", order = [5, 6, 7] },
]
responses = []

[modules.no-such-module]
active_seconds = 5
"#;
    let progress = Progress::from_toml(text).unwrap();
    let mut app = App::new(mini_course(), progress, 7);
    app.update(Action::Resize(80, 24), t0());
    // The place names the results of an attempt that is not finished: the map instead.
    assert!(matches!(app.screen, Screen::Map(_)), "{:?}", app.screen);
    draw(&app, 80, 24);
    // Continue resumes the open practice attempt, its orders repaired before it is drawn.
    app.update(Action::Continue, t0());
    assert!(matches!(app.screen, Screen::Quiz(_)), "{:?}", app.screen);
    let attempt = &app.progress.attempts("basics")[1];
    for q in &attempt.questions {
        let mut order = q.order.clone();
        order.sort_unstable();
        let n = app.course.modules[0]
            .question(&q.id)
            .map_or(0, |q| q.kind.option_count());
        let expect: Vec<usize> = match q.id.as_str() {
            "word" => order.clone(),
            _ => (0..n).collect(),
        };
        assert_eq!(order, expect, "{}", q.id);
    }
    let shown = draw(&app, 80, 24);
    assert!(shown.contains("Question 1 of 4"), "{shown}");
    let actions = [
        Action::Toggle,
        Action::Down,
        Action::Toggle,
        Action::Submit,
        Action::Submit,
        Action::Choose(1),
        Action::Submit,
        Action::Choose(1),
        Action::Choose(2),
        Action::Choose(1),
        Action::Submit,
        Action::Submit,
        Action::Type('h'),
        Action::Submit,
        Action::Submit,
        Action::Review,
        Action::NextPage,
        Action::NextPage,
        Action::Back,
        Action::Back,
        Action::Continue,
        Action::Back,
        Action::Top,
        Action::Open,
        Action::Bottom,
        Action::Back,
    ];
    for a in actions {
        app.update(a, t0());
        for (w, h) in [(80, 24), (40, 12), (20, 5)] {
            draw(&app, w, h);
        }
    }
    // The finished attempt with nonsense values is shown, not repaired or dropped.
    assert_eq!(app.progress.attempts("basics")[0].number, 0);
    assert!(app.progress.modules.contains_key("no-such-module"));
    // And the file saves and reads back.
    let saved = app.progress.to_toml().unwrap();
    Progress::from_toml(&saved).unwrap_or_else(|e| panic!("{e}\n{saved}"));
}

/// The author removes an option and an item while a learner is in the middle of a quiz:
/// the learner's next launch resumes the quiz (it used to panic on every launch, drawing an
/// option that no longer exists), with the questions already answered untouched.
#[test]
fn question_edited_while_an_attempt_is_open_resumes_with_an_order_that_fits() {
    let mut before = quiz_app("pick-vision", 80, 24);
    drive(&mut before, &[Action::Choose(1), Action::Submit]);
    let answered = before.progress.attempts("basics")[0].questions[0].clone();
    let dir = copy_fixture("mini");
    edit(
        dir.path(),
        "01-basics.toml",
        "  { text = \"Cut the budget by 5%.\", feedback = \"That is a target.\" },\n",
        "",
    );
    edit(
        dir.path(),
        "01-basics.toml",
        "items = [\"Set a direction\", \"Make a plan\", \"Do the work\"]",
        "items = [\"Set a direction\", \"Do the work\"]",
    );
    let edited = load(dir.path())
        .course
        .unwrap_or_else(|| panic!("the edited course loads"));
    let mut app = App::new(edited, before.progress.clone(), 7);
    app.update(Action::Resize(80, 24), t0());
    assert!(matches!(app.screen, Screen::Quiz(_)), "{:?}", app.screen);
    let attempt = &app.progress.attempts("basics")[0];
    assert_eq!(
        attempt.questions[0], answered,
        "answered questions are untouched"
    );
    let steps = attempt
        .questions
        .iter()
        .find(|q| q.id == "steps")
        .unwrap_or_else(|| panic!("steps is still asked"));
    let mut order = steps.order.clone();
    order.sort_unstable();
    assert_eq!(order, vec![0, 1]);
    // Answer everything to the end, drawing each step.
    for _ in 0..20 {
        draw(&app, 80, 24);
        if !matches!(app.screen, Screen::Quiz(_)) {
            break;
        }
        // Picks, ticks or sorts something whatever the question, then submits.
        drive(
            &mut app,
            &[
                Action::Choose(1),
                Action::Choose(1),
                Action::Choose(1),
                Action::Type('x'),
                Action::Submit,
                Action::Submit,
            ],
        );
    }
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
}

// ---- The terminal.

#[test]
fn a_terminal_of_zero_by_zero_draws_nothing_and_does_not_panic() {
    let mut app = quiz_app("sort", 80, 24);
    for (w, h) in [(0, 0), (0, 24), (80, 0), (1, 1)] {
        app.update(Action::Resize(w, h), t0());
        assert!(app.too_small());
        draw(&app, w, h);
    }
    app.update(Action::Resize(80, 24), t0());
    assert!(draw(&app, 80, 24).contains("Sort each behaviour."));
}

/// The app in a tmux pane under `sh -c`, whose exit status is written to `rc`. The shell
/// traps SIGHUP (a trap, not an ignored signal, so the app still gets the default
/// disposition) and so survives a hang-up to write the status, but does not pass the
/// hang-up on, as a login shell would.
fn start_pane(test: &str) -> Option<Tmux> {
    if !require_tmux(test) {
        return None;
    }
    let pane = Tmux::new(&format!("bad-inputs-{test}"));
    let cmd = format!(
        "trap 'true' HUP; env HOME='{home}' '{bin}' --course '{course}' --progress '{progress}'; echo $? > '{rc}'",
        home = pane.dir().display(),
        bin = syllabus_bin(),
        course = fixture_dir("mini").display(),
        progress = pane_progress(&pane).display(),
        rc = pane.rc().display(),
    );
    pane.start(&["sh", "-c", &cmd], 80, 24);
    Some(pane)
}

fn pane_progress(pane: &Tmux) -> std::path::PathBuf {
    pane.dir().join("p.toml")
}

/// Open the first module and go to its second section.
fn read_to_section_two(pane: &Tmux) {
    pane.wait_for("Course map");
    pane.keys(&["Enter"]);
    pane.wait_for("Section 1 of 2");
    pane.keys(&["n"]);
    pane.wait_for("Section 2 of 2");
}

/// Closing the terminal window (here: killing the tmux server) hangs up the pty. Only the
/// session leader gets SIGHUP, and this one does not pass it on, so the app must notice the
/// dead terminal itself: it used to spin at 60% CPU inside crossterm for ever. It saves
/// where the learner was and exits as SIGHUP would.
#[test]
fn closing_the_terminal_window_saves_and_exits() {
    let Some(pane) = start_pane("closing_the_terminal_window_saves_and_exits") else {
        return;
    };
    read_to_section_two(&pane);
    pane.kill_server();
    assert_eq!(pane.exit_code(), 128 + 1, "as SIGHUP");
    let saved = std::fs::read_to_string(pane_progress(&pane)).unwrap_or_default();
    assert!(
        saved.contains("section = \"more\""),
        "the place was saved:\n{saved}"
    );
}

/// SIGHUP itself (a shell that passes the hang-up on) saves and exits with 128 + 1; restoring
/// the terminal no longer panics when there is none to print an error to.
#[test]
fn sighup_saves_and_exits() {
    let Some(pane) = start_pane("sighup_saves_and_exits") else {
        return;
    };
    read_to_section_two(&pane);
    let pid = pane.pane_pid();
    let out = Command::new("pkill")
        .args(["-HUP", "-P", &pid, "syllabus"])
        .output();
    assert!(out.is_ok_and(|o| o.status.success()), "pkill found the app");
    assert_eq!(pane.exit_code(), 128 + 1);
    let saved = std::fs::read_to_string(pane_progress(&pane)).unwrap_or_default();
    assert!(saved.contains("section = \"more\""), "{saved}");
}
