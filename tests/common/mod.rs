//! Shared helpers for the integration tests: fixture courses copied into temporary folders
//! and edited, so each test shows exactly which change breaks what.
#![allow(dead_code)]
// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod key_states;
pub mod run;
mod shows;
pub mod tmux;
// Not every test file draws screens.
#[allow(unused_imports)]
pub use shows::{assert_shows, assert_too_small_exactly_below_the_minimum, shows};

use std::path::{Path, PathBuf};

use syllabus::course::{self, DirFiles, LoadReport};
use tempfile::TempDir;

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copy a fixture course into a fresh temporary folder.
pub fn copy_fixture(name: &str) -> TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture_dir(name), tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()))
    {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Replace `from` (which must occur) by `to` in `file` of the course at `dir`.
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// Load the course at `dir`, naming files as `course/...` so messages are stable.
pub fn load(dir: &Path) -> LoadReport {
    course::load(&ShownAs {
        inner: DirFiles::new(dir),
    })
}

/// Load the mini fixture after one edit.
pub fn load_edited(file: &str, from: &str, to: &str) -> LoadReport {
    let tmp = copy_fixture("mini");
    edit(tmp.path(), file, from, to);
    load(tmp.path())
}

/// Every diagnostic as `severity location: message [hint]`, one per line.
pub fn lines(report: &LoadReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let sev = if d.is_error() { "error" } else { "warning" };
            match &d.hint {
                Some(h) => format!("{sev} {}: {} [{h}]", d.location(), d.message),
                None => format!("{sev} {}: {}", d.location(), d.message),
            }
        })
        .collect()
}

/// Shows files as `course/NAME` whatever the temporary folder is called.
struct ShownAs {
    inner: DirFiles,
}

impl course::CourseFiles for ShownAs {
    fn display(&self, rel: &str) -> String {
        format!("course/{rel}")
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, course::files::ReadError> {
        self.inner.read(rel)
    }
    fn toml_files(&self) -> Vec<String> {
        self.inner.toml_files()
    }
    fn describe(&self) -> String {
        "course folder course/".into()
    }
}

// ---- Apps for flow and screen tests.

use jiff::Timestamp;
use syllabus::app::{Action, App, Effect};
use syllabus::course::Course;
use syllabus::progress::{PlaceScreen, Progress};
use syllabus::quiz::{Asked, Attempt, Mode};

pub fn mini_course() -> Course {
    load(&fixture_dir("mini"))
        .course
        .unwrap_or_else(|| panic!("mini fixture must load"))
}

pub fn t0() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A fresh app on the mini course at the given size.
pub fn app(w: u16, h: u16) -> App {
    let course = mini_course();
    let progress = Progress::new(&course.id);
    let mut app = App::new(course, progress, 7);
    app.update(Action::Resize(w, h), t0());
    app
}

/// Apply actions one second apart; return every effect.
pub fn drive(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        effects.extend(app.update(
            a.clone(),
            t0() + jiff::SignedDuration::from_secs(i as i64 + 1),
        ));
    }
    effects
}

/// An app in the middle of a quiz on the basics module, showing question `first` with its
/// options in authored order, after `answered` earlier questions.
pub fn quiz_app(first: &str, w: u16, h: u16) -> App {
    quiz_app_on(mini_course(), 0, first, w, h)
}

/// Like `quiz_app`, on module `m` of `course`.
pub fn quiz_app_on(course: Course, m: usize, first: &str, w: u16, h: u16) -> App {
    let module = course.modules[m].clone();
    let mut progress = Progress::new(&course.id);
    let mut attempt = Attempt::draw(&module, Mode::Full, 1, 1, t0(), None);
    attempt.questions = module
        .quiz
        .questions
        .iter()
        .map(|q| Asked {
            id: q.id.to_string(),
            hash: q.hash.to_string(),
            order: (0..q.kind.option_count()).collect(),
            extra: toml::Table::new(),
        })
        .collect();
    let at = attempt
        .questions
        .iter()
        .position(|q| q.id == first)
        .unwrap_or(0);
    attempt.questions.swap(0, at);
    // Order questions are never shown solved: show them reversed.
    for q in &mut attempt.questions {
        if q.id == "steps" {
            q.order.reverse();
        }
    }
    progress.module_mut(&module.id).attempts.push(attempt);
    progress.place.screen = PlaceScreen::Quiz;
    progress.place.module = Some(module.id.to_string());
    let mut app = App::new(course, progress, 7);
    app.update(Action::Resize(w, h), t0());
    app
}

/// In a deferred attempt: go on to the summary page and submit all (confirming with y).
pub fn submit_all(app: &mut App) {
    use syllabus::app::Screen;
    for _ in 0..50 {
        let Screen::Quiz(q) = &app.screen else {
            return;
        };
        let total = app.open_attempt(q.module).map_or(0, |a| a.questions.len());
        if q.question >= total {
            break;
        }
        drive(app, &[Action::NextPage]);
    }
    let Screen::Quiz(q) = &app.screen else {
        return;
    };
    let mut acts = vec![Action::Bottom];
    if !q.confirm {
        acts.push(Action::Open);
    }
    acts.push(Action::Confirm);
    drive(app, &acts);
}

/// The mini course with a long sort question (`long-sort`, 8 items) in the basics module.
pub fn course_with_long_sort() -> Course {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "01-basics.toml",
        "[[quiz.questions]]\nid = \"steps\"",
        r#"[[quiz.questions]]
id = "long-sort"
kind = "match"
prompt = "Sort each activity into the role our sources link it with: some are about where the team is going, others about how the work gets done."
explanation = "Direction, people and change are leadership; plans, budgets and control are management."
categories = ["Leadership", "Management"]
items = [
  { text = "Sets out where the team is heading in the next five years", category = "Leadership", feedback = "Direction is leadership." },
  { text = "Draws up the quarterly budget and checks spending against it", category = "Management", feedback = "Budgets are management." },
  { text = "Inspires people to take on a difficult change", category = "Leadership", feedback = "Inspiring is leadership." },
  { text = "Writes the rota for the ward", category = "Management", feedback = "Rotas are management." },
  { text = "Challenges the way things have always been done", category = "Leadership", feedback = "Challenging the status quo is leadership." },
  { text = "Monitors progress against the plan every week", category = "Management", feedback = "Control is management." },
  { text = "Builds trust with the people on the team", category = "Leadership", feedback = "Trust is leadership." },
  { text = "Organises who does which task and by when", category = "Management", feedback = "Organising is management." },
]

[[quiz.questions]]
id = "steps""#,
    );
    load(tmp.path())
        .course
        .unwrap_or_else(|| panic!("the long sort course must load"))
}
