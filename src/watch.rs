//! Watching a course folder (`--watch`): file events from `notify`, debounced so that an
//! editor's burst of writes (temp file, rename, chmod) is one change; and the live session's
//! side of it: after each settled change, the course loaded again or the lines of the
//! overlay, which the runtime's watcher thread sends to the loop.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

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
        let _ = self.settled();
    }

    /// Block until a change has settled: false if no change can come any more.
    fn settled(&mut self) -> bool {
        loop {
            match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(()) => self.pending = Some(Instant::now()),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return false,
            }
            if self.changed() {
                return true;
            }
        }
    }
}

/// The watched folder of a live session: made before the terminal changes (so "cannot
/// watch" is printed plainly), then moved into the watcher thread (`runtime::sources`).
pub struct Live {
    dir: PathBuf,
    watch: Watch,
}

impl Live {
    pub fn new(dir: &Path) -> Result<Live, String> {
        Ok(Live {
            dir: dir.to_path_buf(),
            watch: Watch::new(dir)?,
        })
    }

    /// Block until a change has settled, then load the course again: the new course, or
    /// the lines to show over the screen (its errors, or why it cannot replace the running
    /// course, whose id is `running`). `None` once no change can come any more.
    pub fn next(&mut self, running: &str) -> Option<Result<Course, Vec<String>>> {
        if !self.watch.settled() {
            return None;
        }
        Some(accept(course::load(&DirFiles::new(&self.dir)), running))
    }
}

/// The new course, or the lines to show: its diagnostics, or why it cannot replace the
/// running one.
fn accept(report: LoadReport, running: &str) -> Result<Course, Vec<String>> {
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
    if course.id != running {
        return Err(vec![format!(
            "The course id changed from \"{}\" to \"{}\". Progress is kept per course id: quit and open the course again to use the new id, or change it back.",
            running, course.id
        )]);
    }
    Ok(course)
}
