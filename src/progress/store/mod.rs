//! Keeping progress on disk safely. One process at a time holds a lock on `FILE.lock` (never
//! the file itself, which is replaced on every save); a second window opens read-only.
//! Saves are atomic: a temp file in the same folder, fsync, the old file kept as `FILE.bak`,
//! rename over the old file, fsync the folder. A damaged file is never overwritten or
//! deleted: it is moved aside to `FILE.corrupt-<time>` and the backup restored.
//!
//! | file | owns |
//! |---|---|
//! | `mod.rs` | the `ProgressStore` seam the runtime performs effects against; errors; what opening found |
//! | [`file`](mod@file) | `FileStore`: open, lock, load, recover from the backup, save |
//! | [`atomic`] | `write_atomic`: temp file, fsync, backup by hard link, rename, fsync the folder |
//! | `lock` | the `FILE.lock` lock and the temp files a killed process left |
//! | `read` | reading a progress file without trusting it; `peek` for the CLI |
//! | [`memory`] | `MemoryStore`: in memory, fails on demand, records what was saved (for tests) |

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::model::Progress;

pub mod atomic;
pub mod file;
mod lock;
pub mod memory;
mod read;

pub use atomic::write_atomic;
pub use file::FileStore;
pub use memory::MemoryStore;
pub use read::peek;

/// Progress files larger than this are treated as damaged rather than read into memory.
pub const MAX_PROGRESS_BYTES: u64 = 64 * 1024 * 1024;

/// What the runtime needs from a store: every effect `App::update` asks for is performed
/// through it, so tests substitute one that fails on demand (`MemoryStore`).
pub trait ProgressStore: Send {
    /// Save the whole progress, replacing what was saved before.
    fn save(&mut self, progress: &Progress) -> Result<(), SaveError>;
    fn path(&self) -> &Path;
    /// Why this store will not save, if it will not (another window, newer format, ...).
    fn read_only(&self) -> Option<&str>;
    /// After `Opened::Damaged`, the learner agreed to start over: saving is allowed again.
    fn start_fresh(&mut self);
    /// Whether saves wait for the learner to agree to start fresh (after `Opened::Damaged`).
    fn is_held(&self) -> bool;
    /// Write the progress to another file, after saving failed; returns where it went.
    fn write_copy(&mut self, path: &Path, progress: &Progress) -> Result<PathBuf, SaveError>;
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
