//! Keeping progress on disk safely. One process at a time holds a lock on `FILE.lock` (never
//! the file itself, which is replaced on every save); a second window opens read-only.
//! Saves are atomic: a temp file in the same folder, fsync, the old file kept as `FILE.bak`,
//! rename over the old file, fsync the folder. A damaged file is never overwritten or
//! deleted: it is moved aside to `FILE.corrupt-<time>` and the backup restored.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::model::{FORMAT_VERSION, Progress};
use super::paths::sidecar;

/// Progress files larger than this are treated as damaged rather than read into memory.
pub const MAX_PROGRESS_BYTES: u64 = 64 * 1024 * 1024;

/// What the app needs from a store; tests substitute one that fails on demand.
pub trait ProgressStore {
    fn save(&mut self, progress: &Progress) -> Result<(), SaveError>;
    fn path(&self) -> &Path;
    /// Why this store will not save, if it will not (another window, newer format, ...).
    fn read_only(&self) -> Option<&str>;
}

/// A failed save: which step, on which path, and the OS error.
#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub step: &'static str,
    pub error: io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not save progress to {} ({}): {}",
            self.path.display(),
            self.step,
            self.error
        )
    }
}

impl std::error::Error for SaveError {}

/// How opening went, beyond the progress itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// No progress yet.
    Fresh,
    Loaded,
    /// The file was damaged or missing; the backup was good and is now the progress file.
    Restored {
        reason: String,
        corrupt: Option<PathBuf>,
        backup: PathBuf,
    },
    /// The file was damaged and the backup was bad or absent. Both are kept aside; the store
    /// will not write until the learner agrees to start fresh (`start_fresh`).
    Damaged {
        reason: String,
        corrupt: PathBuf,
        backup_corrupt: Option<PathBuf>,
    },
}

/// Everything `FileStore::open` found.
pub struct OpenResult {
    pub store: FileStore,
    pub progress: Progress,
    pub opened: Opened,
    /// Things the learner should be told (read-only reasons, lock warnings).
    pub notices: Vec<String>,
}

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
            && let Err(e) = super::migrate::keep_old_format(&path, v)
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

    /// After `Opened::Damaged`, the learner agreed to start over: saving is allowed again.
    pub fn start_fresh(&mut self) {
        self.held = false;
    }

    pub fn is_held(&self) -> bool {
        self.held
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
        let text = progress.to_toml().map_err(|e| SaveError {
            path: self.path.clone(),
            step: "serialize",
            error: io::Error::other(e.to_string()),
        })?;
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
}

/// Write `bytes` to `path` atomically and durably. When `backup` is given, the current file
/// becomes the backup first (by hard link, so it is never a partial copy).
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Option<&Path>) -> Result<(), SaveError> {
    let err = |step: &'static str| {
        move |error: io::Error| SaveError {
            path: path.to_path_buf(),
            step,
            error,
        }
    };
    let dir = parent(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp"))
        .tempfile_in(&dir)
        .map_err(err("create temp file"))?;
    tmp.write_all(bytes).map_err(err("write"))?;
    // Data must be durable before it gets the name, or a crash can leave an empty file.
    tmp.as_file().sync_all().map_err(err("fsync"))?;
    if let Some(bak) = backup.filter(|_| path.exists()) {
        let bak_tmp = sidecar(bak, ".tmp");
        let _ = fs::remove_file(&bak_tmp);
        if fs::hard_link(path, &bak_tmp).is_err() {
            fs::copy(path, &bak_tmp).map_err(err("copy to backup"))?;
        }
        fs::rename(&bak_tmp, bak).map_err(err("rename backup"))?;
    }
    tmp.persist(path).map_err(|e| err("rename")(e.error))?;
    // Make the rename itself durable.
    #[cfg(unix)]
    File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(err("fsync folder"))?;
    Ok(())
}

enum Found {
    Missing,
    Good(Box<Progress>, Vec<u8>),
    /// Exists but is not a valid progress file: why.
    Bad(String),
    Unreadable(io::Error),
    NotAFile,
    /// Written by a newer syllabus in a shape this one cannot read (its `version`).
    Newer(i64),
}

fn read_progress(path: &Path) -> Found {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Found::Missing,
        Err(e) => return Found::Unreadable(e),
    };
    if !meta.is_file() {
        return Found::NotAFile;
    }
    if meta.len() > MAX_PROGRESS_BYTES {
        return Found::Bad(format!(
            "it is {} bytes, over the {} MiB limit",
            meta.len(),
            MAX_PROGRESS_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    let read =
        File::open(path).and_then(|f| f.take(MAX_PROGRESS_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return Found::Unreadable(e);
    }
    if bytes.is_empty() {
        return Found::Bad("it is empty".into());
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => return Found::Bad(format!("it is not valid UTF-8 at byte {}", e.valid_up_to())),
    };
    match Progress::from_toml(text) {
        Ok(p) => Found::Good(Box::new(p), bytes),
        // A newer format may reshape known fields; that is not damage, and moving it aside
        // would make this older syllabus silently downgrade the learner's record.
        Err(e) => match newer_version(text) {
            Some(version) => Found::Newer(version),
            None => {
                let at = e.span().map(|s| {
                    let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                    format!(" at line {line}")
                });
                let msg = crate::course::diagnostic::escape_controls(e.message().trim());
                Found::Bad(format!("{msg}{}", at.unwrap_or_default()))
            }
        },
    }
}

/// The `version` of a TOML document, if it is above the one this build writes.
fn newer_version(text: &str) -> Option<i64> {
    let table: toml::Table = text.parse().ok()?;
    let version = table.get("version")?.as_integer()?;
    (version > i64::from(FORMAT_VERSION)).then_some(version)
}

fn newer_message(path: &Path, version: i64, shown: bool) -> String {
    let shown = if shown {
        "it is open read-only"
    } else {
        "this one cannot show it, and leaves it untouched"
    };
    format!(
        "{} was written by a newer syllabus (format {version}; this one writes {FORMAT_VERSION}); {shown}: upgrade to save",
        path.display()
    )
}

enum LockFailure {
    Busy(Option<u32>),
    Other(io::Error),
}

fn take_lock(path: &Path) -> Result<File, LockFailure> {
    let lock_path = sidecar(path, ".lock");
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(LockFailure::Other)?;
    match file.try_lock() {
        Ok(()) => {
            // Say who holds it, for the other window's message.
            let _ = file.set_len(0);
            let _ = writeln!(file, "{}", std::process::id());
            Ok(file)
        }
        Err(fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Err(LockFailure::Busy(text.trim().parse().ok()))
        }
        Err(fs::TryLockError::Error(e)) => Err(LockFailure::Other(e)),
    }
}

/// Temp files left by a process killed mid-save. Only called while holding the lock, so no
/// other process can be writing them.
fn remove_stale_temps(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.tmp");
    let bak_tmp = format!("{name}.bak.tmp");
    let Ok(entries) = fs::read_dir(parent(path)) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&prefix) || n == bak_tmp {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn corrupt_name(path: &Path) -> PathBuf {
    let ts = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut candidate = sidecar(path, &format!(".corrupt-{ts}"));
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = sidecar(path, &format!(".corrupt-{ts}-{n}"));
    }
    candidate
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Links followed before giving up on a loop (the usual kernel limit).
const MAX_SYMLINK_HOPS: usize = 40;

/// A progress file that is a symlink (a dotfiles setup) stays one: saves replace the target.
/// The link is followed by hand rather than by `canonicalize`, which fails when the target
/// does not exist yet; the first save would then have replaced the link with a plain file.
fn resolve_symlink(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match fs::read_link(&current) {
            // A relative target is relative to the link's folder; an absolute one replaces it.
            Ok(target) => current = parent(&current).join(target),
            Err(_) => {
                if current == path {
                    return current;
                }
                // Tidy `a/../b` for messages, when the folder exists.
                return match (fs::canonicalize(parent(&current)), current.file_name()) {
                    (Ok(dir), Some(name)) => dir.join(name),
                    _ => current,
                };
            }
        }
    }
    // A loop: keep the path as given, so opening reports it and nothing is written.
    path.to_path_buf()
}

/// Read a progress file without locking or changing anything, for `syllabus progress`
/// commands: `Ok(None)` when there is no file yet, `Err` with a message saying what is wrong
/// and what to do.
pub fn peek(path: &Path) -> Result<Option<Progress>, String> {
    match read_progress(path) {
        Found::Missing => Ok(None),
        Found::Good(p, _) => Ok(Some(*p)),
        Found::Bad(why) => Err(format!(
            "{} is damaged ({why}); start `syllabus` to recover it from the backup (nothing is deleted)",
            path.display()
        )),
        Found::Unreadable(e) => Err(format!("cannot read {}: {e}", path.display())),
        Found::NotAFile => Err(format!("{} is not a regular file", path.display())),
        Found::Newer(v) => Err(format!(
            "{} was written by a newer syllabus (format {v}); upgrade syllabus to read it",
            path.display()
        )),
    }
}
