//! `FileStore`: the progress file on disk. Opening takes the lock, reads the file without
//! trusting it, and recovers from the backup when it is damaged; saving goes through
//! `write_atomic`, keeping the last good file as `FILE.bak`.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::lock::{LockFailure, remove_stale_temps, take_lock};
use super::read::{Found, newer_message, read_progress};
use super::{OpenResult, Opened, ProgressStore, SaveError};
use crate::progress::model::{FORMAT_VERSION, Progress};
use crate::progress::paths::{corrupt_name, parent, resolve_symlink, sidecar};

pub struct FileStore {
    path: PathBuf,
    /// Held for the whole session; the OS releases it if the process dies.
    _lock: Option<File>,
    read_only: Option<String>,
    /// Waiting for the learner to agree to start fresh after both files were damaged.
    held: bool,
    /// Whether the file on disk is known good, so it may become the `.bak`.
    on_disk_good: bool,
}

impl FileStore {
    /// Open (and lock) the progress file at `path` for course `course_id`.
    pub fn open(path: &Path, course_id: &str) -> OpenResult {
        let path = resolve_symlink(path);
        let mut notices = Vec::new();
        let mut read_only = None;
        let dir = parent(&path);
        if let Err(e) = fs::create_dir_all(&dir) {
            notices.push(format!(
                "cannot create the progress folder {}: {e}",
                dir.display()
            ));
        }
        let lock = match take_lock(&path) {
            Ok(l) => Some(l),
            Err(LockFailure::Busy(pid)) => {
                let who = pid.map_or_else(String::new, |p| format!(" (pid {p})"));
                read_only = Some(format!(
                    "progress for this course is open in another window{who}; this window is read-only and will not save"
                ));
                None
            }
            Err(LockFailure::Other(e)) => {
                notices.push(format!(
                    "could not lock {}: {e}; two windows on this course could overwrite each other",
                    sidecar(&path, ".lock").display()
                ));
                None
            }
        };
        if read_only.is_none() {
            remove_stale_temps(&path);
        }
        let mut store = FileStore {
            path: path.clone(),
            _lock: lock,
            read_only,
            held: false,
            on_disk_good: false,
        };
        let (progress, opened) = store.load(course_id, &mut notices);
        if let Some(v) = progress.migrated_from
            && store.read_only.is_none()
            && !store.held
            && let Err(e) = crate::progress::migrate::keep_old_format(&path, v)
        {
            notices.push(e);
        }
        if let Some(why) = &store.read_only {
            notices.insert(0, why.clone());
        }
        OpenResult {
            store,
            progress,
            opened,
            notices,
        }
    }

    fn load(&mut self, course_id: &str, notices: &mut Vec<String>) -> (Progress, Opened) {
        let fresh = || Progress::new(course_id);
        match read_progress(&self.path) {
            Found::Missing => match read_progress(&self.bak()) {
                Found::Good(p, bytes) if p.course == course_id && self.read_only.is_none() => {
                    match self.restore(&bytes) {
                        Ok(()) => (
                            *p,
                            Opened::Restored {
                                reason: "the progress file was missing".into(),
                                corrupt: None,
                                backup: self.bak(),
                            },
                        ),
                        Err(e) => {
                            notices.push(e.to_string());
                            (*p, Opened::Loaded)
                        }
                    }
                }
                _ => {
                    self.on_disk_good = false;
                    (fresh(), Opened::Fresh)
                }
            },
            Found::Unreadable(e) => {
                self.read_only = Some(format!(
                    "cannot read the progress file {}: {e}; this window will not save, so nothing there is overwritten",
                    self.path.display()
                ));
                (fresh(), Opened::Fresh)
            }
            Found::NotAFile => {
                self.read_only = Some(format!(
                    "{} is not a regular file; progress will not be saved (pass --progress FILE to choose another place)",
                    self.path.display()
                ));
                (fresh(), Opened::Fresh)
            }
            Found::Good(p, _) if p.version > FORMAT_VERSION => {
                self.read_only = Some(newer_message(&self.path, i64::from(p.version), true));
                (*p, Opened::Loaded)
            }
            Found::Newer(version) => {
                self.read_only = Some(newer_message(&self.path, version, false));
                (fresh(), Opened::Fresh)
            }
            Found::Good(p, _) if p.course != course_id => {
                self.read_only = Some(format!(
                    "{} holds progress for course `{}`, not `{course_id}`; it is left untouched and this window will not save",
                    self.path.display(),
                    p.course
                ));
                (fresh(), Opened::Fresh)
            }
            Found::Good(p, _) => {
                self.on_disk_good = true;
                (*p, Opened::Loaded)
            }
            Found::Bad(reason) => self.recover(course_id, reason, notices),
        }
    }

    /// The file is damaged: move it aside, then fall back to the backup.
    fn recover(
        &mut self,
        course_id: &str,
        reason: String,
        notices: &mut Vec<String>,
    ) -> (Progress, Opened) {
        let fresh = Progress::new(course_id);
        if self.read_only.is_some() {
            notices.push(format!(
                "{} is damaged ({reason}); another window owns it, so it is left as it is",
                self.path.display()
            ));
            return (fresh, Opened::Fresh);
        }
        let corrupt = corrupt_name(&self.path);
        if let Err(e) = fs::rename(&self.path, &corrupt) {
            self.read_only = Some(format!(
                "{} is damaged ({reason}) and could not be moved aside ({e}); this window will not save, so it is not overwritten",
                self.path.display()
            ));
            return (fresh, Opened::Fresh);
        }
        let bak = self.bak();
        match read_progress(&bak) {
            Found::Good(p, bytes) if p.course == course_id && p.version <= FORMAT_VERSION => {
                match self.restore(&bytes) {
                    Ok(()) => (
                        *p,
                        Opened::Restored {
                            reason,
                            corrupt: Some(corrupt),
                            backup: bak,
                        },
                    ),
                    Err(e) => {
                        notices.push(e.to_string());
                        (
                            *p,
                            Opened::Restored {
                                reason,
                                corrupt: Some(corrupt),
                                backup: bak,
                            },
                        )
                    }
                }
            }
            Found::Missing => {
                self.held = true;
                (
                    fresh,
                    Opened::Damaged {
                        reason,
                        corrupt,
                        backup_corrupt: None,
                    },
                )
            }
            _ => {
                let bak_corrupt = corrupt_name(&bak);
                let backup_corrupt = fs::rename(&bak, &bak_corrupt).ok().map(|()| bak_corrupt);
                self.held = true;
                (
                    fresh,
                    Opened::Damaged {
                        reason,
                        corrupt,
                        backup_corrupt,
                    },
                )
            }
        }
    }

    /// Make the backup's bytes the progress file again.
    fn restore(&mut self, bytes: &[u8]) -> Result<(), SaveError> {
        self.on_disk_good = false;
        write_atomic(&self.path, bytes, None)?;
        self.on_disk_good = true;
        Ok(())
    }

    fn bak(&self) -> PathBuf {
        sidecar(&self.path, ".bak")
    }
}

impl ProgressStore for FileStore {
    fn save(&mut self, progress: &Progress) -> Result<(), SaveError> {
        if let Some(why) = &self.read_only {
            return Err(SaveError {
                path: self.path.clone(),
                step: "read-only",
                error: io::Error::new(io::ErrorKind::PermissionDenied, why.clone()),
            });
        }
        if self.held {
            return Err(SaveError {
                path: self.path.clone(),
                step: "waiting",
                error: io::Error::other("waiting for you to choose whether to start fresh"),
            });
        }
        let text = serialize(progress, &self.path)?;
        let backup = self.on_disk_good.then(|| self.bak());
        write_atomic(&self.path, text.as_bytes(), backup.as_deref())?;
        self.on_disk_good = true;
        Ok(())
    }

    fn path(&self) -> &Path {
        &self.path
    }

    fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    fn start_fresh(&mut self) {
        self.held = false;
    }

    fn is_held(&self) -> bool {
        self.held
    }

    /// Atomically, and with no backup: the copy is a new file beside nothing.
    fn write_copy(&mut self, path: &Path, progress: &Progress) -> Result<PathBuf, SaveError> {
        let text = serialize(progress, path)?;
        write_atomic(path, text.as_bytes(), None)?;
        Ok(path.to_path_buf())
    }
}

/// The progress as the TOML text to write to `path`; a failure is the save's "serialize" step.
fn serialize(progress: &Progress, path: &Path) -> Result<String, SaveError> {
    progress.to_toml().map_err(|e| SaveError {
        path: path.to_path_buf(),
        step: "serialize",
        error: io::Error::other(e.to_string()),
    })
}
