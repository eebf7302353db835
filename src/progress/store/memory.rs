//! `MemoryStore`: a progress store in memory, for tests of the runtime and of `App`'s save
//! flows. Its saves and copy writes fail on demand, as a full or unplugged disk would, and it
//! records everything that was saved and every copy written, so a test can check that nothing
//! was lost.

use std::io;
use std::path::{Path, PathBuf};

use super::{ProgressStore, SaveError};
use crate::progress::model::Progress;

/// A store that keeps what is saved in memory.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    path: PathBuf,
    read_only: Option<String>,
    held: bool,
    fail_saves: bool,
    fail_copies: bool,
    /// Every progress saved, oldest first.
    pub saves: Vec<Progress>,
    /// Every copy written: where, and what.
    pub copies: Vec<(PathBuf, Progress)>,
    /// Saves asked for, including the ones that failed.
    pub save_attempts: usize,
}

impl MemoryStore {
    /// A store that saves, as if at `path` (only used in messages).
    pub fn new(path: impl Into<PathBuf>) -> MemoryStore {
        MemoryStore {
            path: path.into(),
            ..MemoryStore::default()
        }
    }

    /// From now on saves fail (`true`, a full disk) or work again (`false`).
    pub fn fail_saves(&mut self, fail: bool) {
        self.fail_saves = fail;
    }

    /// From now on writing a copy fails (`true`) or works (`false`).
    pub fn fail_copies(&mut self, fail: bool) {
        self.fail_copies = fail;
    }

    /// Open read-only, for this reason (another window holds the file).
    pub fn set_read_only(&mut self, why: impl Into<String>) {
        self.read_only = Some(why.into());
    }

    /// Hold saves until `start_fresh`, as `FileStore` does after `Opened::Damaged`.
    pub fn hold(&mut self) {
        self.held = true;
    }

    /// The progress saved last, if any save worked.
    pub fn last_saved(&self) -> Option<&Progress> {
        self.saves.last()
    }

    fn error(&self, path: &Path, step: &'static str, why: &str) -> SaveError {
        SaveError {
            path: path.to_path_buf(),
            step,
            error: io::Error::other(why.to_string()),
        }
    }
}

impl ProgressStore for MemoryStore {
    fn save(&mut self, progress: &Progress) -> Result<(), SaveError> {
        self.save_attempts += 1;
        if let Some(why) = &self.read_only {
            return Err(self.error(&self.path, "read-only", why));
        }
        if self.held {
            return Err(self.error(&self.path, "waiting", "waiting for you to choose"));
        }
        if self.fail_saves {
            return Err(self.error(&self.path, "write", "No space left on device"));
        }
        self.saves.push(progress.clone());
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

    fn write_copy(&mut self, path: &Path, progress: &Progress) -> Result<PathBuf, SaveError> {
        if self.fail_copies {
            return Err(self.error(path, "write", "No space left on device"));
        }
        self.copies.push((path.to_path_buf(), progress.clone()));
        Ok(path.to_path_buf())
    }
}
