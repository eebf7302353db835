//! xAPI against a real Learning Record Store: Ralph (PyPI `ralph-malph` 5.1.0) on its file
//! backend, started by each test on a free loopback port and stopped at its end
//! (tests/tools/ralph_lrs.py says how it is run). `.ci/run` installs Ralph in a virtual
//! environment and sets SYLLABUS_RALPH_PYTHON to its interpreter; without it these tests say
//! SKIPPED, and under CI=true they fail instead.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use syllabus::progress::Progress;

const USER: &str = "ada-key";
const PASSWORD: &str = "ada-secret";

fn python() -> Option<PathBuf> {
    let found = std::env::var_os("SYLLABUS_RALPH_PYTHON").map(PathBuf::from);
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "SYLLABUS_RALPH_PYTHON must name a Python with ralph-malph installed under CI=true (.ci/run sets it)"
        );
        eprintln!(
            "SKIPPED: set SYLLABUS_RALPH_PYTHON to a Python with ralph-malph[lrs,cli] installed"
        );
    }
    found
}

/// A Ralph server with its own credentials and statement folder.
struct Ralph {
    python: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
}

impl Ralph {
    fn new(python: PathBuf) -> Ralph {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("app")).unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        let ralph = python.with_file_name("ralph");
        let status = Command::new(&ralph)
            .args(["auth", "-u", USER, "-p", PASSWORD, "-s", "all"])
            .args(["-M", "mailto:admin@example.org", "-w"])
            .env("RALPH_APP_DIR", dir.path().join("app"))
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", ralph.display()));
        assert!(status.success(), "ralph auth failed");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let mut r = Ralph {
            python,
            dir,
            port,
            child: None,
        };
        r.start();
        r
    }

    fn start(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/ralph_lrs.py");
        let child = Command::new(&self.python)
            .arg(script)
            .arg(self.dir.path().join("data"))
            .arg(self.port.to_string())
            .env("RALPH_APP_DIR", self.dir.path().join("app"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        while get(&format!("{}/__heartbeat__", self.root())).is_err() {
            assert!(
                Instant::now() < deadline,
                "Ralph did not answer within 60 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    fn root(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn endpoint(&self) -> String {
        format!("{}/xAPI", self.root())
    }

    /// Every statement the LRS holds, following `more` links.
    fn statements(&self) -> Vec<Value> {
        let mut all = Vec::new();
        let mut url = format!("{}/statements?limit=500", self.endpoint());
        loop {
            let page: Value = serde_json::from_str(&get(&url).unwrap()).unwrap();
            all.extend(page["statements"].as_array().cloned().unwrap_or_default());
            match page["more"].as_str().filter(|m| !m.is_empty()) {
                Some(more) => url = format!("{}{more}", self.root()),
                None => return all,
            }
        }
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

fn get(url: &str) -> Result<String, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    agent
        .get(url)
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", "Basic YWRhLWtleTphZGEtc2VjcmV0")
        .call()
        .map_err(|e| e.to_string())?
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())
}

/// A learner who finished the mini course, with retakes and practice runs (a committed
/// version-1 progress file), copied into a temp folder with a settings file.
struct Learner {
    dir: tempfile::TempDir,
}

impl Learner {
    fn finished() -> Learner {
        let dir = tempfile::tempdir().unwrap();
        let fixture = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/progress-v1/completed-with-retakes.toml"
        );
        std::fs::copy(fixture, dir.path().join("progress.toml")).unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "[learner]\nname = \"Ada Lovelace\"\nemail = \"ada@example.org\"\n",
        )
        .unwrap();
        Learner { dir }
    }

    /// The same learner with `copies` times as many attempts (later, renumbered), for a
    /// sync long enough to interrupt.
    fn busy(copies: u32) -> Learner {
        let l = Learner::finished();
        let path = l.progress();
        let mut p = Progress::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for mp in p.modules.values_mut() {
            let base = mp.attempts.clone();
            let n = base.len() as u32;
            for k in 1..copies {
                for a in &base {
                    let mut a = a.clone();
                    let shift = jiff::SignedDuration::from_hours(i64::from(k) * 24);
                    a.number += k * n;
                    a.started += shift;
                    a.finished = a.finished.map(|f| f + shift);
                    for r in &mut a.responses {
                        r.at += shift;
                    }
                    mp.attempts.push(a);
                }
            }
        }
        std::fs::write(&path, p.to_toml().unwrap()).unwrap();
        l
    }

    fn progress(&self) -> PathBuf {
        self.dir.path().join("progress.toml")
    }

    fn record(&self) -> PathBuf {
        self.dir.path().join("progress.toml.xapi.toml")
    }

    fn command(&self, args: &[&str], password: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_syllabus"));
        c.arg("--course")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"))
            .arg("--progress")
            .arg(self.progress())
            .args(args)
            .env("SYLLABUS_CONFIG", self.dir.path().join("config.toml"))
            .env("SYLLABUS_LRS_USER", USER)
            .env("SYLLABUS_LRS_PASSWORD", password);
        c
    }

    fn export(&self) -> Vec<Value> {
        let out = self
            .command(&["progress", "export", "--format", "xapi"], PASSWORD)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn sync(&self, lrs: &Ralph, password: &str) -> (bool, String, String) {
        let out = self
            .command(&["sync", "--lrs", &lrs.endpoint()], password)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn acknowledged(&self) -> usize {
        let Ok(text) = std::fs::read_to_string(self.record()) else {
            return 0;
        };
        let v: toml::Table = toml::from_str(&text).unwrap();
        v.get("sent").and_then(|s| s.as_table()).map_or(0, |t| {
            t.values().filter_map(|v| v.as_array()).map(Vec::len).sum()
        })
    }
}

fn ids(statements: &[Value]) -> BTreeSet<String> {
    statements
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

fn by_id(statements: &[Value]) -> BTreeMap<String, &Value> {
    statements
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), s))
        .collect()
}

#[test]
fn a_finished_learner_syncs_and_the_lrs_holds_every_statement_as_sent() {
    let Some(python) = python() else { return };
    let lrs = Ralph::new(python);
    let learner = Learner::finished();
    let exported = learner.export();
    let verbs: BTreeSet<&str> = exported
        .iter()
        .map(|s| s["verb"]["display"]["en"].as_str().unwrap())
        .collect();
    assert_eq!(
        verbs,
        BTreeSet::from(["answered", "completed", "experienced", "passed"]),
        "the fixture has reading, answers, graded attempts, practice and completion"
    );
    let (ok, out, err) = learner.sync(&lrs, PASSWORD);
    assert!(ok, "{out}{err}");
    assert!(
        out.starts_with(&format!(
            "{} statements: {} sent now",
            exported.len(),
            exported.len()
        )),
        "{out}"
    );
    let held = lrs.statements();
    assert_eq!(
        held.len(),
        exported.len(),
        "one stored statement per exported one"
    );
    assert_eq!(ids(&held), ids(&exported));
    let held = by_id(&held);
    for s in &exported {
        let h = held[s["id"].as_str().unwrap()];
        for key in ["actor", "verb", "object", "result"] {
            assert_eq!(h[key], s[key], "{key} of {}", s["id"]);
        }
        assert_eq!(h["context"]["registration"], s["context"]["registration"]);
    }
    // A second sync sends nothing and the LRS still holds each statement once.
    let (ok, out, _) = learner.sync(&lrs, PASSWORD);
    assert!(ok && out.contains(" 0 sent now, "), "{out}");
    assert_eq!(lrs.statements().len(), exported.len());
}

#[test]
fn wrong_credentials_say_so_and_mark_nothing_sent() {
    let Some(python) = python() else { return };
    let lrs = Ralph::new(python);
    let learner = Learner::finished();
    let (ok, _, err) = learner.sync(&lrs, "not-the-password");
    assert!(!ok);
    assert!(err.contains("refused the credentials (401"), "{err}");
    assert!(err.contains("SYLLABUS_LRS_PASSWORD"), "{err}");
    assert_eq!(learner.acknowledged(), 0);
    assert!(lrs.statements().is_empty());
}

/// Wait until the sync record shows some, but not all, statements acknowledged.
fn wait_for_partial(learner: &Learner, child: &mut Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if learner.acknowledged() > 0 {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

fn interrupted_sync_then_resync(interrupt: impl Fn(&mut Ralph, &mut Child)) {
    let Some(python) = python() else { return };
    let mut lrs = Ralph::new(python);
    let learner = Learner::busy(60);
    let total = learner.export().len();
    assert!(total > 1000, "{total} statements: too few to interrupt");
    let mut child = learner
        .command(&["sync", "--lrs", &lrs.endpoint()], PASSWORD)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(
        wait_for_partial(&learner, &mut child),
        "the sync ended before any batch was acknowledged"
    );
    interrupt(&mut lrs, &mut child);
    let status = child.wait().unwrap();
    let partial = learner.acknowledged();
    assert!(
        !status.success() && partial < total,
        "the sync was not interrupted: {partial} of {total} acknowledged"
    );
    eprintln!("interrupted after {partial} of {total} statements were acknowledged");
    if lrs.child.is_none() {
        lrs.start();
    }
    let (ok, out, err) = learner.sync(&lrs, PASSWORD);
    assert!(ok, "{out}{err}");
    assert_eq!(learner.acknowledged(), total);
    let held = lrs.statements();
    assert_eq!(ids(&held).len(), held.len(), "a statement is held twice");
    assert_eq!(ids(&held), ids(&learner.export()), "a statement is missing");
}

#[test]
fn the_lrs_stopped_in_the_middle_of_a_sync_loses_and_duplicates_nothing() {
    interrupted_sync_then_resync(|lrs, _| lrs.stop());
}

#[test]
fn a_sync_killed_in_the_middle_loses_and_duplicates_nothing() {
    interrupted_sync_then_resync(|_, child| {
        let _ = child.kill();
    });
}

#[test]
fn an_unreachable_lrs_is_named_and_nothing_is_marked() {
    let learner = Learner::finished();
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let out = learner
        .command(
            &["sync", "--lrs", &format!("http://127.0.0.1:{port}/xAPI")],
            PASSWORD,
        )
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("cannot reach the LRS at http://127.0.0.1:"),
        "{err}"
    );
    assert!(err.contains("nothing is lost"), "{err}");
    assert_eq!(learner.acknowledged(), 0);
}
