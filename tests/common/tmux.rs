//! The tests' one tmux driver: the real binary in a real terminal, on a private socket with
//! a new server per launch (so one still shutting down never meets the next), in the
//! session `app`. Screens are polled until the text is there and the screen has settled,
//! never after fixed sleeps.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The session every launch runs in.
const SESSION: &str = "app";

/// How long a screen, or the app's exit, is waited for.
const PATIENCE: Duration = Duration::from_secs(10);

pub fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether tmux is here. Without it `test` says SKIPPED (and should return), except under
/// CI, where it fails instead: .ci/run installs tmux.
pub fn require_tmux(test: &str) -> bool {
    if have_tmux() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: under CI=true this must run: tmux is missing (.ci/run installs it)"
    );
    eprintln!("SKIPPED: {test}: tmux is not installed");
    false
}

pub struct Tmux {
    name: String,
    launches: Cell<u32>,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// A driver named `name` (unique among the tests running at once), with its own
    /// temporary folder: the app's HOME, its exit status (`rc`), whatever the test puts there.
    pub fn new(name: &str) -> Tmux {
        Tmux {
            name: format!("syllabus-{name}-{}", std::process::id()),
            launches: Cell::new(0),
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Where the app's exit status is written.
    pub fn rc(&self) -> PathBuf {
        self.dir().join("rc")
    }

    fn socket(&self) -> String {
        format!("{}-{}", self.name, self.launches.get())
    }

    /// Run `command` (a shell command, or with more words an argv run as is) at `w` x `h` in
    /// a new tmux server, after stopping the previous one.
    pub fn start(&self, command: &[&str], w: u16, h: u16) {
        if self.launches.get() > 0 {
            let _ = self.tmux(&["kill-server"]);
        }
        self.launches.set(self.launches.get() + 1);
        let (w, h) = (w.to_string(), h.to_string());
        let mut args = vec!["new-session", "-d", "-s", SESSION, "-x", &w, "-y", &h];
        args.extend(command);
        let out = self.tmux(&args);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The app with `args` and HOME (XDG_DATA_HOME under it) in this driver's folder, plus
    /// `env`; its exit status goes to `rc` and the pane stays open after it exits.
    pub fn launch(&self, args: &[&str], env: &[(&str, String)], w: u16, h: u16) {
        let _ = std::fs::remove_file(self.rc());
        let home = self.dir().display();
        let env: Vec<String> = env.iter().map(|(k, v)| format!("{k}='{v}'")).collect();
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        let cmd = format!(
            "env HOME='{home}' XDG_DATA_HOME='{home}/data' {env} '{bin}' {args}; echo $? > '{rc}'; exec sleep 600",
            env = env.join(" "),
            bin = super::run::BIN,
            args = quoted.join(" "),
            rc = self.rc().display()
        );
        self.start(&[&cmd], w, h);
    }

    /// A tmux command on this driver's server.
    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket(), "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-t", SESSION, "-p"]).stdout)
            .into_owned()
    }

    /// Wait until `text` is on screen and the screen has settled (two captures 40 ms apart
    /// agree), so an assertion never reads a frame that is only half drawn.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                std::thread::sleep(Duration::from_millis(40));
                if self.screen() == s {
                    return s;
                }
                continue;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Press keys, in tmux's names (`Enter`, `C-c`, `q`).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let out = self.tmux(&["send-keys", "-t", SESSION, k]);
            assert!(out.status.success(), "send-keys {k}");
        }
    }

    /// Type `text` as it is (no key names).
    pub fn type_text(&self, text: &str) {
        let out = self.tmux(&["send-keys", "-t", SESSION, "-l", text]);
        assert!(out.status.success(), "send-keys -l {text}");
    }

    /// The app's exit status, once `rc` says it.
    pub fn exit_code(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(code) = std::fs::read_to_string(self.rc())
                .ok()
                .and_then(|s| s.trim().parse().ok())
            {
                return code;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the app did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// The pid of the process the pane started (the shell around the app).
    pub fn pane_pid(&self) -> String {
        let out = self.tmux(&["display", "-p", "-t", SESSION, "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn resize(&self, w: u16, h: u16) {
        let (w, h) = (w.to_string(), h.to_string());
        self.tmux(&["resize-window", "-t", SESSION, "-x", &w, "-y", &h]);
    }

    /// Copy everything the pane writes from now on to `file`.
    pub fn pipe_to(&self, file: &Path) {
        let pipe = format!("cat >> '{}'", file.display());
        self.tmux(&["pipe-pane", "-t", SESSION, "-o", &pipe]);
    }

    pub fn alternate_screen_on(&self) -> bool {
        let out = self.tmux(&["display", "-p", "-t", SESSION, "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Stop the server now (closing the terminal window, as far as the app can tell).
    pub fn kill_server(&self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill_server();
    }
}
