//! One process at a time: the lock on `FILE.lock` (never the file itself, which is replaced
//! on every save), and the temp files a process killed mid-save left behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use crate::progress::paths::{parent, sidecar};

pub(super) enum LockFailure {
    Busy(Option<u32>),
    Other(io::Error),
}

pub(super) fn take_lock(path: &Path) -> Result<File, LockFailure> {
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
pub(super) fn remove_stale_temps(path: &Path) {
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
