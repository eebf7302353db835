//! The tests' one runner of the real binary (`CARGO_BIN_EXE_syllabus`): a command to add
//! arguments, environment or pipes to, run to its end with a given input, and what it
//! printed. The tmux driver (`tmux.rs`) runs it in a terminal instead.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_syllabus");

/// `syllabus ARGS`.
pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args);
    c
}

/// `syllabus --course <the mini fixture> --progress PROGRESS progress ARGS`.
pub fn progress_command(progress: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--course")
        .arg(super::fixture_dir("mini"))
        .arg("--progress")
        .arg(progress)
        .arg("progress")
        .args(args);
    c
}

/// Run `cmd` to its end with `stdin` as its whole input.
pub fn run(mut cmd: Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run syllabus");
    if let Some(mut input) = child.stdin.take() {
        // A program that exits without reading it all closes the pipe: not a failure.
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().expect("wait for syllabus")
}

/// The exit code (-1 after a signal), stdout and stderr.
pub fn parts(out: &Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The stdout of a run that must succeed; fails with its stderr otherwise.
pub fn stdout_of(out: &Output) -> String {
    assert!(
        out.status.success(),
        "syllabus failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
