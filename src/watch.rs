//! Watching a course folder (`--watch`): file events from `notify`, debounced so that an
//! editor's burst of writes (temp file, rename, chmod) is one change; and the live session's
//! side of it: reload the course, or hold the check's errors for the overlay until a save
//! fixes them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::app::App;
use crate::course::{self, Course, DirFiles, LoadReport};

/// Quiet time after the last event before a change counts: editors write a file in steps.
const QUIET: Duration = Duration::from_millis(200);

/// Changes to the files under one folder.
pub struct Watch {
    _watcher: RecommendedWatcher,
    rx: Receiver<()>,
    pending: Option<Instant>,
}

impl Watch {
    pub fn new(dir: &Path) -> Result<Watch, String> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            if let Ok(ev) = ev
                && !matches!(ev.kind, EventKind::Access(_))
            {
                let _ = tx.send(());
            }
        })
        .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        Ok(Watch {
            _watcher: watcher,
            rx,
            pending: None,
        })
    }

    /// Whether a change has settled since the last call; never blocks.
    pub fn changed(&mut self) -> bool {
        while self.rx.try_recv().is_ok() {
            self.pending = Some(Instant::now());
        }
        match self.pending {
            Some(at) if at.elapsed() >= QUIET => {
                self.pending = None;
                true
            }
            _ => false,
        }
    }

    /// Block until a change has settled.
    pub fn wait(&mut self) {
        loop {
            match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(()) => self.pending = Some(Instant::now()),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            if self.changed() {
                return;
            }
        }
    }
}

/// The live session's reload state: the folder, its watch, and the errors shown over the
/// screen while the course on disk does not load.
pub struct Live {
    dir: PathBuf,
    watch: Watch,
    errors: Option<Vec<String>>,
    hidden: bool,
}

impl Live {
    pub fn new(dir: &Path) -> Result<Live, String> {
        Ok(Live {
            dir: dir.to_path_buf(),
            watch: Watch::new(dir)?,
            errors: None,
            hidden: false,
        })
    }

    /// The errors to show over the screen, unless the author hid them with Esc.
    pub fn overlay(&self) -> Option<&[String]> {
        self.errors.as_deref().filter(|_| !self.hidden)
    }

    /// Esc hides the overlay until the next change.
    pub fn hide(&mut self) {
        self.hidden = true;
    }

    /// After a settled change: load the course again and carry the session over to it, or
    /// keep the last good course and hold the errors. Returns whether anything happened.
    pub fn poll(&mut self, app: &mut App, now: Timestamp) -> bool {
        if !self.watch.changed() {
            return false;
        }
        self.hidden = false;
        let report = course::load(&DirFiles::new(&self.dir));
        match accept(report, &app.course) {
            Ok(course) => {
                crate::app::reload::course_changed(app, course, now);
                app.status = Some("The course changed on disk and was reloaded.".into());
                self.errors = None;
            }
            Err(lines) => self.errors = Some(lines),
        }
        true
    }
}

/// The new course, or the lines to show: its diagnostics, or why it cannot replace the
/// running one.
fn accept(report: LoadReport, running: &Course) -> Result<Course, Vec<String>> {
    let errors = report.errors().count();
    let Some(course) = report.course else {
        let mut lines: Vec<String> = report
            .errors()
            .flat_map(|d| d.render().lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        lines.push(format!(
            "{errors} {}: fix and save; the course reloads by itself.",
            if errors == 1 { "error" } else { "errors" }
        ));
        return Err(lines);
    };
    if course.id != running.id {
        return Err(vec![format!(
            "The course id changed from \"{}\" to \"{}\". Progress is kept per course id: quit and open the course again to use the new id, or change it back.",
            running.id, course.id
        )]);
    }
    Ok(course)
}
